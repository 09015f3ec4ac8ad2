"""Schema v6 (help requests, confidence answers): a database of an earlier version gets its
tables and keeps everything else; tables a file already has are left as they are."""
from __future__ import annotations

import datetime

import pytest
import sqlite_utils

from kiosk.progress import ProgressStore
from kiosk.progress_schema import SCHEMA_VERSION

AT = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
LEARNER_TABLES = ("help_requests", "confidence_answers")


def version(store: ProgressStore) -> int:
    return int(store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])


def test_a_version_5_database_gets_the_learner_tables_and_keeps_its_visits(tmp_path):
    path = tmp_path / "progress.db"
    store = ProgressStore.open(path)
    store.start_visit("kiosk-01", AT)
    store.close()
    db = sqlite_utils.Database(path)
    for table in LEARNER_TABLES:
        db[table].drop()
    db.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")  # as the solo mode's version left it
    db.close()
    again = ProgressStore.open(path)
    assert again.notice == "" and version(again) == SCHEMA_VERSION == 6
    assert set(LEARNER_TABLES) <= set(again.db.table_names()) and again.db["visits"].count == 1
    again.close()


@pytest.mark.parametrize("table", LEARNER_TABLES)
def test_tables_a_file_already_has_are_kept_when_v6_runs_again(tmp_path, table):
    path = tmp_path / "progress.db"
    store = ProgressStore.open(path)
    visit = store.start_visit("kiosk-01", AT)
    store.db[table].insert_all([{"visit_id": visit, "lesson_id": "l", "question": "before", "answer": 2, "at": "x"}]
                               if table == "confidence_answers" else [{"id": "h", "visit_id": visit, "lesson_id": ""}])
    store.close()
    db = sqlite_utils.Database(path)
    db.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    db.close()
    again = ProgressStore.open(path)
    assert again.notice == "" and again.db[table].count == 1
    again.close()
