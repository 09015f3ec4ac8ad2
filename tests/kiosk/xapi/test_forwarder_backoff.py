"""Without an LRS: a dead address, a host that hangs up, and web servers that are not an LRS."""
import datetime
import random
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from lrs_helpers import free_port

from kiosk.lesson_session import Attempt
from kiosk.xapi.forwarder import Forwarder, backoff_delay
from kiosk.xapi.outbox import Outbox
from kiosk.xapi.transport import LrsTransport


class HangUp:
    """Accepts TCP connections and closes them; counts those that sent a request (not probes)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.requests = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    if conn.recv(1):
                        self.requests += 1
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def waiting(xapi_store, clock):
    visit = xapi_store.start_visit("kiosk-07", clock.now())
    xapi_store.lesson_started(visit, "cham-vuot-go-chu", clock.now())
    xapi_store.record(visit, "cham-vuot-go-chu", Attempt("welcome", 0, "viewed"), clock.now())
    xapi_store.lesson_completed(visit, "cham-vuot-go-chu", clock.now())
    return xapi_store


def sender(store, clock, port: int) -> Forwarder:
    transport = LrsTransport(f"http://127.0.0.1:{port}/xAPI/", "u", "p", timeout=5)
    return Forwarder(store.path, transport, clock, random.Random(1), base_delay_s=5, max_delay_s=300, probe_s=30)


def tries(store) -> list[int]:
    return [row[0] for row in store.db.execute("select tries from outbox order by rowid")]


def test_a_host_that_answers_but_hangs_up_is_not_retried_before_its_backoff(waiting, clock):
    server = HangUp()
    forwarder = sender(waiting, clock, server.port)
    try:
        forwarder.run_once()
        assert server.requests == 1 and forwarder.problem.kind == "network" and tries(waiting) == [1, 1]
        forwarder.run_once()  # the probe connects, yet HTTP failed: no early retry
        assert server.requests == 1
        clock.advance((forwarder.resume_at - clock.now()).total_seconds())
        forwarder.run_once()
        assert server.requests == 2 and tries(waiting) == [2, 2]
    finally:
        server.close()
        forwarder.close()


def test_the_backoff_doubles_with_jitter_up_to_its_cap_and_keeps_every_statement(waiting, clock):
    forwarder = sender(waiting, clock, free_port())
    waits = []
    for _ in range(12):
        sleep = forwarder.run_once()
        assert sleep <= forwarder.probe_s  # the thread looks again soon, in case the network returns
        wait = (forwarder.resume_at - clock.now()).total_seconds()
        waits.append(wait)
        due = waiting.db.execute("select distinct next_try_at from outbox").fetchall()
        assert due == [(forwarder.resume_at.isoformat(timespec="seconds"),)]
        clock.advance(wait)
    forwarder.close()
    assert 2.5 <= waits[0] <= 5 and 5 <= waits[1] <= 10
    assert max(waits) <= 300 and min(waits[-3:]) >= 150  # capped at 300 s, jitter keeps at least half
    assert tries(waiting) == [12, 12]
    assert Outbox(waiting.db.conn).counts().waiting == 2


def test_the_backoff_stays_capped_after_weeks_of_failures():
    rng = random.Random(2)
    assert [backoff_delay(n, 5, 900, random.Random(0)) for n in (1, 2, 3)] == [
        5 * random.Random(0).uniform(0.5, 1), 10 * random.Random(0).uniform(0.5, 1), 20 * random.Random(0).uniform(0.5, 1)
    ]
    assert all(450 <= backoff_delay(n, 5, 900, rng) <= 900 for n in (20, 1100, 10**6))


def test_send_now_forgets_the_backoff(waiting, clock):
    forwarder = sender(waiting, clock, free_port())
    forwarder.run_once()
    forwarder.run_once()
    assert tries(waiting) == [1, 1]
    forwarder.send_now()
    forwarder.run_once()
    forwarder.close()
    assert tries(waiting) == [2, 2]
    assert forwarder.resume_at > clock.now() + datetime.timedelta(seconds=4)


class NotAnLrs(BaseHTTPRequestHandler):
    """POST: a captive portal's login page (200), or a redirect whose GET looks like an id list."""

    redirect = False

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.redirect:
            self.send_response(302)
            self.send_header("Location", "/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._answer(b"<html><body>Dang nhap Wi-Fi</body></html>")

    def do_GET(self) -> None:  # noqa: N802
        self._answer(b'["not-really-stored"]')

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("redirect", [False, True], ids=["portal page", "redirect"])
def test_a_web_page_or_a_redirect_is_not_taken_for_success(waiting, clock, redirect):
    handler = type("Handler", (NotAnLrs,), {"redirect": redirect})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    forwarder = sender(waiting, clock, server.server_address[1])
    try:
        forwarder.run_once()
    finally:
        server.shutdown()
        server.server_close()
        forwarder.close()
    assert Outbox(waiting.db.conn).counts().sent == 0 and tries(waiting) == [1, 1]
    assert forwarder.problem.kind == "config"
    assert ("302" if redirect else "not an LRS answer") in forwarder.problem.detail
    assert "báo bộ phận IT" in forwarder.status().line_vi()
