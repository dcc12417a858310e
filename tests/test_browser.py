"""The web page and the HTML report in headless Chromium (Debian's ``chromium`` driven by
Playwright's Python client). Skipped when Playwright or Chromium is missing; in CI
``.ci/browser-deps.sh`` installs both. Screenshots go to ``tests/artifacts/``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from _report_fixture import make_result  # noqa: E402
from _server_helpers import ServerProcess  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    if path is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server():
    srv = ServerProcess("--workers", "1", "--timeout", "120", log_path=ARTIFACTS / "server_browser.log")
    ARTIFACTS.mkdir(exist_ok=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    yield pg
    context.close()


def test_generate_everything_and_take_the_quiz(page, server) -> None:
    page.goto(server.url + "/")
    page.get_by_role("button", name="Load the sample talk").click()
    sync_api.expect(page.get_by_label("Transcript", exact=True)).not_to_have_value("")
    page.get_by_role("button", name="Generate all").click()
    results = page.locator("#results")
    for name in ("Title", "Chapters", "Summary", "Key words", "Tone", "Quiz"):
        sync_api.expect(results.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=120_000)
    assert results.locator(".transcript mark").count() > 0  # key phrases highlighted
    # chapters: a list with times; selecting one jumps to its start in the transcript
    links = results.locator("a.chapter-link")
    assert links.count() >= 2 and results.locator(".transcript .chapter-mark").count() == links.count()
    sync_api.expect(links.first).to_contain_text("0:0")
    links.last.click()
    target = results.locator(".transcript .chapter-mark").last
    sync_api.expect(target).to_be_focused()
    sync_api.expect(target).to_be_in_viewport()
    chart = results.get_by_role("img")
    sync_api.expect(chart).to_be_visible()
    assert results.locator("svg.tone-chart circle").count() >= 1
    questions = results.locator("fieldset.question")
    n = questions.count()
    assert n >= 1
    # answer every question by keyboard-free clicks, the first one correctly via its label
    for i in range(n):
        q = questions.nth(i)
        q.locator("input[type=radio]").first.check()
        q.get_by_role("button", name="Check answer").click()
        feedback = q.locator(".feedback")
        sync_api.expect(feedback).to_contain_text("From the transcript")
    score = results.locator(".score")
    sync_api.expect(score).to_contain_text(f"of {n} correct")
    page.screenshot(path=str(ARTIFACTS / "page_full.png"), full_page=True)
    assert page.errors == []


def test_single_section_buttons_and_keyboard(page, server) -> None:
    page.goto(server.url + "/")
    page.get_by_label("Transcript", exact=True).fill(
        "Speaker 1: Solar panels are cheap now. Solar panels on every roof would cut bills. "
        "Speaker 2: Batteries store the solar power for the night. Batteries are getting cheaper every year."
    )
    page.get_by_role("button", name="Summary", exact=True).focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#results").get_by_role("heading", name="Summary", exact=True)).to_be_visible(timeout=120_000)
    assert page.locator("#results section").count() == 1
    page.get_by_role("button", name="Chapters", exact=True).click()  # one topic: says so, no list
    sync_api.expect(page.locator("#results").get_by_role("heading", name="Chapters", exact=True)).to_be_visible()
    assert page.locator("#results section").count() == 1 and page.locator("#results a.chapter-link").count() == 0
    page.get_by_role("button", name="Tone", exact=True).click()  # served from the cached result
    sync_api.expect(page.locator("#results").get_by_role("heading", name="Tone", exact=True)).to_be_visible()
    assert page.locator("#results section").count() == 1
    assert page.errors == []


def test_markup_in_a_pasted_transcript_is_never_executed(page, server) -> None:
    page.goto(server.url + "/")
    page.get_by_label("Transcript", exact=True).fill(
        f"Speaker 1: My comment was {XSS} and nothing ran. Speaker 2: Good, the page escapes &lt;b&gt; tags and shows x < 3 as text."
    )
    page.get_by_role("button", name="Generate all").click()
    results = page.locator("#results")
    sync_api.expect(results.get_by_role("heading", name="Quiz", exact=True)).to_be_visible(timeout=120_000)
    assert page.evaluate("window.__xss") is None
    assert results.locator("script, img, b").count() == 0
    sync_api.expect(results.locator(".transcript")).to_contain_text("&lt;b&gt;")
    sync_api.expect(results.locator(".transcript")).to_contain_text("x < 3")
    page.screenshot(path=str(ARTIFACTS / "page_xss.png"), full_page=True)


def test_bad_input_shows_an_error(page, server) -> None:
    page.goto(server.url + "/")
    page.get_by_role("button", name="Generate all").click()
    sync_api.expect(page.get_by_role("alert")).to_contain_text("Paste a transcript")
    page.get_by_label("Transcript", exact=True).fill("Hello there. Hello again.")
    page.locator("details.options summary").click()
    page.get_by_label("Quiz questions").fill("-4")
    page.get_by_role("button", name="Generate all").click()
    sync_api.expect(page.get_by_role("alert")).to_contain_text("quiz.questions")


def test_html_report_renders_offline_and_safely(page, tmp_path) -> None:
    from pipeline.render.html import to_html

    report = tmp_path / "report.html"
    report.write_text(to_html(make_result()), encoding="utf-8")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    root = page.locator("#report")
    sync_api.expect(root.get_by_role("heading", name="Quiz", exact=True)).to_be_visible()
    assert page.evaluate("window.__xss") is None
    assert root.locator("script, img").count() == 0
    sync_api.expect(root.locator(".transcript")).to_contain_text(XSS)  # shown as text
    assert root.locator(".transcript mark").count() >= 3
    q = root.locator("fieldset.question").first
    q.get_by_role("radio", name="Solar panels", exact=True).check()
    q.get_by_role("button", name="Check answer").click()
    sync_api.expect(q.locator(".feedback")).to_contain_text("Correct")
    second = root.locator("fieldset.question").nth(1)
    second.get_by_role("radio", name="False", exact=True).check()
    second.get_by_role("button", name="Check answer").click()
    sync_api.expect(root.locator(".score")).to_contain_text("1 of 2 correct")
    chapters = root.locator("a.chapter-link")
    assert chapters.count() == 2
    sync_api.expect(chapters.nth(1)).to_contain_text("0:20")
    sync_api.expect(chapters.nth(1)).to_contain_text(XSS)  # a title is text too
    chapters.nth(1).click()
    sync_api.expect(root.locator(".transcript .chapter-mark").nth(1)).to_be_focused()
    assert root.locator(".transcript").count() == 1  # one transcript, in the key-words section
    assert [u for u in requests if not u.startswith("file:")] == []  # nothing fetched
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert page.errors == []
