"""HTTP to the LRS with the standard library: POST a batch of statements, and a cheap
TCP probe that tells whether the LRS host answers at all (the network is back)."""
from __future__ import annotations

import base64
import socket
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

XAPI_VERSION = "1.0.3"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirected POST would be replayed as a GET, whose 200 looks like success: refuse it."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class TransportError(OSError):
    """The LRS could not be reached or did not answer in time (nothing is known to be stored)."""


@dataclass(frozen=True)
class Reply:
    status: int
    body: str


class LrsTransport:
    """POSTs to `{url}/statements` with basic auth. `url` is the LRS's xAPI base, e.g.
    "https://lrs.example.gov.vn/xAPI/" (with or without the final slash)."""

    def __init__(self, url: str, username: str, password: str, timeout: float = 20.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"lrs_url must be an http(s) URL, not {url!r}")
        self.statements_url = url.rstrip("/") + "/statements"
        self._address = (parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        self._headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": XAPI_VERSION,
            "Content-Type": "application/json; charset=utf-8",
        }
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirect)

    def post(self, statements: Sequence[str]) -> Reply:
        """POST the statements (JSON texts, sent exactly as given) as one JSON array."""
        body = ("[" + ",".join(statements) + "]").encode("utf-8")
        request = urllib.request.Request(self.statements_url, data=body, headers=self._headers, method="POST")
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return Reply(response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as exc:
            with exc:
                return Reply(exc.code, exc.read().decode("utf-8", "replace"))
        except (urllib.error.URLError, OSError) as exc:  # refused, unreachable, DNS, timeout, reset
            raise TransportError(f"{self.statements_url}: {getattr(exc, 'reason', exc)}") from exc

    def reachable(self, timeout: float = 3.0) -> bool:
        """True when a TCP connection to the LRS host opens: worth trying again now."""
        try:
            with socket.create_connection(self._address, timeout=timeout):
                return True
        except OSError:
            return False
