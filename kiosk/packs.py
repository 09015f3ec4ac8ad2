"""Which lesson packs the kiosk teaches from: the installed (signed, USB-updated) pack, the
built-in pack and any extra pack directories from settings, in that order. An installed
update with the built-in pack's id replaces it. A broken pack is skipped with its problems
logged; the good ones are still used, so one bad pack never takes the kiosk down."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from content.loader import BUILTIN_PACKS, LoadResult, load_pack
from content.model import Pack, Problem
from kiosk.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefusedPack:
    path: Path
    problems: tuple[Problem, ...]

    @property
    def message_vi(self) -> str:
        return f"Gói bài học ở {self.path} bị lỗi ({len(self.problems)} lỗi) nên chưa được dùng. Các bài khác vẫn học bình thường."

    def notice_vi(self, shown: int = 3) -> str:
        """For the staff panel: `message_vi`, then the validator's first `shown` problems (in
        English, for whoever mends the pack) and how many more there are."""
        lines = [self.message_vi, *map(str, self.problems[:shown])]
        if len(self.problems) > shown:
            lines.append(f"(và {len(self.problems) - shown} lỗi khác: «hocvuso pack validate {self.path}» liệt kê tất cả)")
        return "\n".join(lines)


def kiosk_packs(settings: Settings) -> tuple[list[Pack], list[RefusedPack]]:
    """The packs this kiosk teaches from (see the module docstring). The installed pack's slot
    check validates it by loading it; that same load is used, so it is read only once."""
    from kiosk.bundles import active_pack_dir

    loaded: dict[Path, LoadResult] = {}

    def load(path: Path) -> LoadResult:
        if path not in loaded:
            loaded[path] = load_pack(path)
        return loaded[path]

    installed = active_pack_dir(settings, validator=lambda path: load(path).problems)
    dirs = [*([installed] if installed else []), BUILTIN_PACKS / "core", *settings.extra_pack_dirs]
    return load_packs(dirs, load)


def load_packs(dirs: list[Path], load: Callable[[Path], LoadResult] = load_pack) -> tuple[list[Pack], list[RefusedPack]]:
    packs: list[Pack] = []
    refused: list[RefusedPack] = []
    for path in dirs:
        result = load(path)
        if result.pack is None:
            refused.append(RefusedPack(path, result.problems))
            log.error("lesson pack %s refused:\n  %s", path, "\n  ".join(map(str, result.problems)))
        elif any(p.id == result.pack.id for p in packs):
            log.info("lesson pack %s skipped: pack %r is already loaded (an installed update wins)", path, result.pack.id)
        else:
            packs.append(result.pack)
    return packs, refused
