"""Fixtures for the web tests: a real uvicorn server on 127.0.0.1 with a free port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

fastapi = pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web extra (uvicorn) is not installed")
httpx = pytest.importorskip("httpx", reason="httpx is needed to call the test server")

from storyline.api import create_app  # noqa: E402
from tests.web._fake import FakeLibrary  # noqa: E402


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 in a thread; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="error", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start within 10 s")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(5)
        sock.close()


ClientFactory = Callable[..., Any]


@pytest.fixture
def serve_app() -> Iterator[ClientFactory]:
    """Return a function that serves an app over a library and returns an httpx client."""
    stack: list[Any] = []

    def make(library: Any = None, **options: Any) -> Any:
        library = library if library is not None else FakeLibrary()
        context = running(create_app(library, **options))
        base = context.__enter__()
        client = httpx.Client(base_url=base, timeout=10)
        stack.append((context, client))
        client.library = library
        return client

    yield make
    for context, client in reversed(stack):
        client.close()
        context.__exit__(None, None, None)


@pytest.fixture
def client(serve_app: ClientFactory) -> Any:
    """An httpx client against a server over `FakeLibrary` with write token ``s3cret``."""
    return serve_app(token="s3cret", max_upload_bytes=4096)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say plainly when the browser tests did not run, and how to run them."""
    skipped = terminalreporter.stats.get("skipped", [])
    reasons = {str(r.longrepr[2]) for r in skipped if isinstance(r.longrepr, tuple)}
    browser = sorted(r for r in reasons if "browser tests skipped" in r)
    if browser:
        terminalreporter.write_sep("-", "browser tests skipped")
        for reason in browser:
            terminalreporter.write_line(reason)
        terminalreporter.write_line("install them with: make test-browser")
