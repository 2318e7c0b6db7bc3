"""Browser tests: headless Chromium (Debian package ``chromium``) driven by Playwright.

They run a real server on 127.0.0.1 and skip, saying why, when Chromium or Playwright is
missing.  Screenshots go to ``$STORYLINE_SCREENSHOTS`` when set, else the test's
``tmp_path``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import storyline
from tests.web._fake import FakeLibrary
from tests.web.conftest import running

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
HOSTILE_TEXT = """Harbour talks <script>window.__xss = "title"</script> resume

TOKYO, Feb. 8, 2014 - Envoys met again on Saturday <script>window.__xss = "body"</script>.

<img src="x" onerror="window.__xss = 'img'"> Talks <b onmouseover="window.__xss=1">went on</b>.

<a href="javascript:window.__xss='link'">Read more</a> and "><svg onload="window.__xss='svg'">

<iframe src="javascript:window.__xss='frame'"></iframe> They would meet again in 2015.
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless system Chromium, or a skip saying what is missing."""
    if not CHROMIUM.exists():
        pytest.skip(
            "browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests skipped: pip install playwright"
    )
    with sync_api.sync_playwright() as play:
        # --no-sandbox: containers and CI often run as root, where the sandbox cannot start.
        chromium = play.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """The folder screenshots are saved in."""
    folder = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _watched_page(browser: Any) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page, dialogs


def _assert_inert(page: Any, dialogs: list[str]) -> None:
    page.mouse.move(200, 300)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    scripts = page.eval_on_selector_all("script", "els => els.map(e => e.src)")
    assert all(src.endswith("/static/app.js") for src in scripts)
    handlers = "[onerror],[onload],[onmouseover],iframe,img,a[href^='javascript' i]"
    assert page.eval_on_selector_all(handlers, "els => els.length") == 0


def test_hostile_article_runs_nothing(browser: Any, tmp_path: Path, shots: Path) -> None:
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE_TEXT, encoding="utf-8")
    library = storyline.open(tmp_path / "xss.db")
    try:
        library.ingest([source])
        (article,) = list(library.articles())
        assert "<script>" in article.body  # the text really carries the markup
        with running(storyline.api.create_app(library)) as base:
            page, dialogs = _watched_page(browser)
            page.goto(f"{base}/articles/{article.id}")
            assert "<script>" in page.inner_text("main")  # shown as text
            page.screenshot(path=str(shots / "xss-article.png"), full_page=True)
            _assert_inert(page, dialogs)
            page.goto(f"{base}/search?q=harbour")
            _assert_inert(page, dialogs)
    finally:
        library.close()


@pytest.mark.parametrize("path", ["/articles/axss", "/stories/st1", "/articles/a2005"])
def test_hostile_fixture_pages_run_nothing(browser: Any, path: str, shots: Path) -> None:
    with running(storyline.api.create_app(FakeLibrary())) as base:
        page, dialogs = _watched_page(browser)
        page.goto(base + path)
        page.screenshot(path=str(shots / f"xss{path.replace('/', '-')}.png"), full_page=True)
        _assert_inert(page, dialogs)


def test_timeline_entry_click_shows_its_sources(browser: Any, shots: Path) -> None:
    with running(storyline.api.create_app(FakeLibrary())) as base:
        page, _ = _watched_page(browser)
        page.goto(f"{base}/stories/st1")
        page.click("svg a.entry[href='#entry-0']")
        assert page.url.endswith("#entry-0")
        assert page.is_visible("#entry-0 a.source")
        page.click("#entry-0 a.source")
        assert page.url.endswith("/articles/a2005")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`storyline ingest examples/corpus` into a fresh store, then serve it."""
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is missing")
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    cli = [sys.executable, "-m", "storyline", "ingest", str(CORPUS), "--db", str(db)]
    subprocess.run(cli, check=True, capture_output=True, timeout=300)
    port = _free_port()
    # Two server processes, as a multi-core deployment runs it: the journey's requests
    # land on either, and both must answer the same.
    command = [sys.executable, "-m", "storyline", "serve", "--db", str(db)]
    command += ["--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base, server)
        yield base
    finally:
        server.terminate()
        server.wait(10)


def _wait_for(base: str, server: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"storyline serve exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/stories?limit=1", timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("storyline serve did not answer within 30 s")


def test_journey_search_story_timeline_mention(browser: Any, demo_server: str, shots: Path) -> None:
    """Search, open the story, follow its timeline to 2014, then the 2005 mention link."""
    page, dialogs = _watched_page(browser)
    page.goto(demo_server + "/")
    page.fill("#quick-q", "Putin visit Japan Sochi")
    page.click("form.quick button")
    page.wait_for_selector("ol.hits a.hit")
    page.screenshot(path=str(shots / "1-search.png"), full_page=True)
    story_links = page.locator("ol.hits li", has_text="Sochi").locator("a.hit-story")
    if story_links.count() == 0:
        pytest.skip("journey stopped after search: the archive has no stories yet")
    story_links.first.click()
    page.wait_for_selector("h2#timeline-heading")
    page.screenshot(path=str(shots / "2-story.png"), full_page=True)
    bars = page.locator("svg a.entry")
    assert bars.count() > 0, "the story page draws no timeline"
    sochi = page.locator("ol.entries > li", has_text="2014").filter(has=page.locator("a.source"))
    target = sochi.first.get_attribute("id")
    page.click(f"svg a.entry[href='#{target}']")
    page.screenshot(path=str(shots / "3-timeline-entry.png"), full_page=True)
    page.locator(f"#{target} a.source").first.click()
    page.wait_for_selector("article.article")
    page.screenshot(path=str(shots / "4-article-2014.png"), full_page=True)
    # The mention link whose event time is 2005 (one sentence may mention 2005 and 2009).
    mention = page.locator("ul.links li[data-time^='2005'] a.link-target")
    if page.locator("ul.links li").count() == 0:
        pytest.skip("journey stopped at the 2014 article: it has no mention links yet")
    if mention.count() == 0:
        times = page.eval_on_selector_all("ul.links li", "els => els.map(e => e.dataset.time)")
        pytest.xfail(f"the 2014 article links no sentence to a 2005 event (link times: {times})")
    mention.first.click()
    page.wait_for_selector("article.article")
    page.screenshot(path=str(shots / "5-article-2005.png"), full_page=True)
    assert page.get_attribute("article.article .meta time", "datetime").startswith("2005")
    assert dialogs == []
