"""Staff mode wired to the running kiosk: the services its panel may call (figures, updates,
settings, device checks, the report export) built over one `KioskApp`."""
from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.clock import Clock
from kiosk.intents import AnswerHelp, EndSession

if TYPE_CHECKING:
    from kiosk.app.kiosk_app import KioskApp
    from ui.staff import StaffMode


def staff_mode(app: KioskApp, clock: Clock) -> StaffMode:
    """The hidden staff corner and panel; the citizen idle clock rests while it is open."""
    from kiosk.app.voice_wiring import voice_installer, voice_studio
    from kiosk.bundles import find_bundles, open_store
    from kiosk.set_aside import SetAsideNotice
    from kiosk.reports.query import report_periods
    from kiosk.staff_figures import all_figures
    from kiosk.staff_pin import StaffAuth
    from kiosk.staff_settings import notice_vi, read_overrides
    from kiosk.xapi.forwarder import roll_up_status
    from ui.staff import StaffMode, StaffServices
    from ui.staff.texts import SETTING_NAMES
    from voice.audio_source import CommandSource, microphone_command
    from voice.doctor import voice_checks

    def title(lesson_id: str) -> str:
        titles = {lesson.id: lesson.title for pack in app.kiosk.packs for lesson in pack.lessons}
        return titles.get(lesson_id, lesson_id)

    def microphone() -> CommandSource | None:
        command = microphone_command()
        return CommandSource(command) if command else None

    was_running: list[bool] = []
    studio = voice_studio(app)
    set_aside = SetAsideNotice(app.settings.database)

    def opened() -> None:
        was_running[:] = [app.timer.isActive()]
        app.timer.stop()

    def closed() -> None:
        if was_running and was_running[0]:
            app.timer.start()

    services = StaffServices(
        auth=StaffAuth(app.settings.data_dir),
        figures=lambda: all_figures(app.store.db, clock.now().astimezone()),
        lesson_title=title,
        end_session=lambda: app.send(EndSession()),
        pack_store=lambda: open_store(app.settings),
        find_bundles=find_bundles,
        device_checks=lambda: voice_checks(app.settings.vosk_model_dir),
        settings=lambda: app.settings,
        change_setting=app.change_setting,
        settings_notice=lambda: notice_vi(read_overrides(app.settings.data_dir),
                                          {**SETTING_NAMES, "province": SETTING_NAMES["commune"]}),
        store_notice=lambda: app.kiosk.store_problem or app.store.notice,
        set_aside_notice=set_aside.text_vi,
        acknowledge_set_aside=set_aside.acknowledge,
        packs_notice=lambda: "\n\n".join(refused.notice_vi() for refused in app.refused_packs),
        packs_changed=lambda: (app.reload_packs(), studio.library.reload()),  # a lesson pack may carry recordings
        report_periods=lambda: report_periods(clock.now().astimezone().date()),
        export_report=lambda first, last: export_report(app, first, last),
        roll_up_line=lambda: roll_up_status(app.store.path, app.forwarder).line_vi(),
        speaker=app.speaker,
        microphone=microphone,
        recognizer=app.recognizer,
        opened=opened,
        closed=closed,
        voice=studio,
        install_voice=voice_installer(app, studio.library),
        help_request=lambda: app.kiosk.help_request,
        answer_help=lambda outcome: app.send(AnswerHelp(outcome)),
        help_notice=lambda: app.help_alarm.problem,
    )
    staff = StaffMode(app.window, lambda: app.window.look, services)
    app.window.quiet_widgets = staff.quiet_widgets
    return staff

def export_report(app: KioskApp, first: datetime.date, last: datetime.date,
                  mount_roots: Sequence[Path] = ()) -> list[Path]:
    """Write the report for `first`..`last` to a USB stick under `mount_roots` (default: where
    Debian mounts sticks), with the xAPI statements as JSON lines for the province. Staff
    panel; runs off the UI thread on its own read-only connection. Raises ReportError."""
    from kiosk.reports.catalogue import catalogue_from_packs
    from kiosk.reports.errors import UsbExportError
    from kiosk.reports.query import build_report, report_from_file
    from kiosk.reports.usb import DEFAULT_ROOTS, export_to_usb
    from kiosk.xapi.export import ExportError, export_jsonl

    now = app.clock.now().astimezone()
    if app.store.path is None:  # progress kept in memory: read it where it is
        report = build_report(app.store.db, catalogue_from_packs(app.kiosk.packs), app.settings, first, last, now)
    else:
        report = report_from_file(app.store.path, app.kiosk.packs, app.settings, first, last, now)
    paths = export_to_usb(report, mount_roots or DEFAULT_ROOTS)
    if app.store.path is not None:
        statements = paths[0].with_name(f"xapi-{app.settings.kiosk_id}-{now:%Y-%m-%d}.jsonl")
        try:
            export_jsonl(app.store.path, statements, overwrite=True)
        except ExportError as exc:
            raise UsbExportError(exc.message_vi, exc.detail) from exc
        paths.append(statements)
    return paths
