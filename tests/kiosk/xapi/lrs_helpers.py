"""A real Ralph LRS for the tests (installed by tools/setup_ralph.sh), and a small HTTP
relay in front of it that can play a failing network or server on demand."""
from __future__ import annotations

import base64
import datetime
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode, urljoin

REPO = Path(__file__).resolve().parents[3]
RALPH_HOME = Path(os.environ.get("HOCVUSO_RALPH_HOME") or Path.home() / ".cache" / "hocvuso-ralph")
USER, PASSWORD = "hocvuso-test", "hocvuso-test-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ralph_missing() -> str:
    """Why Ralph cannot run here ("" when it can)."""
    python = RALPH_HOME / "venv" / "bin" / "python"
    if not python.exists():
        return f"Ralph LRS not installed in {RALPH_HOME} (run: bash tools/setup_ralph.sh)"
    if not (RALPH_HOME / "app" / "auth.json").is_file():
        return f"Ralph has no test account in {RALPH_HOME}/app (run: bash tools/setup_ralph.sh)"
    return ""


class Ralph:
    """One Ralph server on 127.0.0.1 with a fresh data directory under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        (root / "app").mkdir(parents=True)
        shutil.copy(RALPH_HOME / "app" / "auth.json", root / "app" / "auth.json")
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        env = {
            **os.environ,
            "RALPH_APP_DIR": str(self.root / "app"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.root / "data"),
            "RALPH_RUNSERVER_HOST": "127.0.0.1",
            "RALPH_RUNSERVER_PORT": str(self.port),
        }
        log = (self.root / "ralph.log").open("ab")
        self._process = subprocess.Popen(
            [str(RALPH_HOME / "venv" / "bin" / "python"), str(REPO / "tools" / "ralph_fs_lrs.py")],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Ralph exited: {(self.root / 'ralph.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("Ralph did not answer its heartbeat within 30 s")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(10)
            self._process = None

    def get(self, url: str) -> dict:
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(url, headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def statements(self, **filters: str) -> list[dict]:
        """Every statement stored that matches the xAPI query `filters`, following the `more` links."""
        found: list[dict] = []
        url: str | None = urljoin(self.url, "statements") + "?" + urlencode({**filters, "limit": 50})
        while url:
            page = self.get(url)
            found += page["statements"]
            url = urljoin(self.url, page["more"]) if page.get("more") else None
        return found


def assert_stored_as_written(ralph: Ralph, ours: dict[str, dict]) -> None:
    """The LRS holds exactly `ours` (statement id → statement, of one visit), each as written."""
    registration = next(iter(ours.values()))["context"]["registration"]
    stored = ralph.statements(registration=registration)
    assert sorted(s["id"] for s in stored) == sorted(ours)
    for statement in stored:
        mine = ours[statement["id"]]
        for key in ("actor", "verb", "object", "result", "context"):
            assert statement[key] == mine[key], key
        assert datetime.datetime.fromisoformat(statement["timestamp"]) == datetime.datetime.fromisoformat(mine["timestamp"])


class Relay:
    """An HTTP server on its own port that forwards to `upstream` (the real LRS), unless told
    to answer `fail_with` for the next `failures` requests. Counts what it saw."""

    def __init__(self, upstream: str, port: int | None = None) -> None:
        self.upstream = upstream.rstrip("/")
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.failures, self.fail_with = 0, 503
        self.seen: list[int] = []  # status of every answer
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if relay.failures > 0:
                    relay.failures -= 1
                    status, answer = relay.fail_with, b'{"detail":"relay says no"}'
                else:
                    status, answer = relay._forward(self.path, body, dict(self.headers))
                relay.seen.append(status)
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _forward(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        keep = {k: v for k, v in headers.items() if k.lower() in ("authorization", "content-type", "x-experience-api-version")}
        request = urllib.request.Request(self.upstream + path.removeprefix("/xAPI"), data=body, headers=keep, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
