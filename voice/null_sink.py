"""A private PulseAudio server with one null sink, for tests and benchmarks on machines without sound.

Audio played to it is real (it runs in real time) and can be recorded from `kiosk.monitor`,
which proves that speech actually came out and measures when. The server has its own socket
in a temporary directory, so it never touches another PulseAudio on the machine.
"""
from __future__ import annotations

import array
import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

SINK = "kiosk"
RATE = 22050
CHUNK_MS = 5


def pulseaudio_missing() -> str | None:
    """Why a null sink cannot be started here, or None if it can."""
    missing = [tool for tool in ("pulseaudio", "pactl", "paplay", "parec") if shutil.which(tool) is None]
    return f"not installed: {', '.join(missing)} (apt-get install pulseaudio pulseaudio-utils)" if missing else None


class NullSinkServer:
    """`with NullSinkServer() as server:` gives `server.env` for clients and `server.record()`.

    A null sink renders in blocks as long as the lowest latency any client asks for, and a fresh
    one starts with a 2 s block. So the server keeps one 5 ms monitor reader connected for its
    lifetime and is ready only once that reader receives audio: every later play and record
    then runs with 5 ms blocks.
    """

    def __init__(self) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="hocvuso-pulse-"))
        self.socket = self._dir / "native"
        self.env = {**os.environ, "PULSE_SERVER": f"unix:{self.socket}"}
        self._process: subprocess.Popen[bytes] | None = None
        self._keeper: Recording | None = None

    def __enter__(self) -> NullSinkServer:
        private = {**os.environ, "HOME": str(self._dir), "PULSE_RUNTIME_PATH": str(self._dir), "PULSE_STATE_PATH": str(self._dir)}
        self._process = subprocess.Popen(
            [
                "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
                "--disable-shm=yes", "--log-target=stderr", "--log-level=error",
                "-L", f"module-null-sink sink_name={SINK} rate={RATE} channels=1",
                "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
            ],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=private,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self._process.poll() is None:
            if subprocess.run(["pactl", "info"], env=self.env, capture_output=True, check=False).returncode == 0:
                self._keeper = Recording(self.env)
                if self._keeper.streaming.wait(timeout=5):
                    return self
                break
            time.sleep(0.05)
        self.__exit__(None, None, None)
        raise RuntimeError("pulseaudio null sink did not start")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._keeper is not None:
            self._keeper.stop()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self._dir, ignore_errors=True)

    def record(self) -> Recording:
        """Start recording the sink's monitor; stop the returned Recording to read it."""
        return Recording(self.env)


@dataclass
class Recording:
    """Timestamped 5 ms chunks (time.monotonic(), peak amplitude) captured from `kiosk.monitor`."""

    env: dict[str, str]
    chunks: list[tuple[float, int]] = field(default_factory=list)
    streaming: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._process = subprocess.Popen(
            ["parec", "-d", f"{SINK}.monitor", "--format=s16le", f"--rate={RATE}", "--channels=1",
             f"--latency-msec={CHUNK_MS}", "--raw"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.env,
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        size = RATE * CHUNK_MS // 1000 * 2
        while data := self._process.stdout.read1(size):
            samples = array.array("h", data[: len(data) // 2 * 2])
            self.chunks.append((time.monotonic(), max((abs(s) for s in samples), default=0)))
            self.streaming.set()

    def stop(self) -> Recording:
        self._process.terminate()
        self._process.wait()
        self._thread.join(timeout=5)
        return self

    def first_sound(self, after: float, threshold: int = 300) -> float | None:
        """Time of the first chunk after `after` louder than `threshold`."""
        return next((t for t, peak in self.chunks if t >= after and peak > threshold), None)

    def last_sound(self, threshold: int = 300) -> float | None:
        return next((t for t, peak in reversed(self.chunks) if peak > threshold), None)

    def loud_chunks(self, threshold: int = 300) -> int:
        return sum(1 for _, peak in self.chunks if peak > threshold)
