"""Start Ralph (the open-source xAPI LRS) on its file-system backend, for tests and trials.

Run with the Python of the venv that tools/setup_ralph.sh made. Ralph 5.1.0's fs backend
writes in CREATE mode, so every POST after the first answers 500; APPEND mode (which the
backend already has) is set before the app is imported. History logging, which rewrites
a growing history.json on every request, is switched off.
Environment: RALPH_RUNSERVER_HOST/PORT, LRS_LOG_LEVEL, plus Ralph's own RALPH_* settings
(RALPH_APP_DIR for auth.json, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH for data).
"""
import os

os.environ.setdefault("RALPH_RUNSERVER_BACKEND", "fs")

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
FSLRSBackend.append_to_history = lambda self, event: None

import uvicorn  # noqa: E402

uvicorn.run(
    "ralph.api:app",
    host=os.environ.get("RALPH_RUNSERVER_HOST", "127.0.0.1"),
    port=int(os.environ.get("RALPH_RUNSERVER_PORT", "8100")),
    log_level=os.environ.get("LRS_LOG_LEVEL", "warning"),
)
