"""Web-page fixes of issue 17 (point 12) in headless Chromium, on the HTML report, which
draws with the page's own report.js and style.css: even x ticks on an untimed tone chart,
and a quiz question that wraps to several lines stays inside its box."""

from __future__ import annotations

import dataclasses

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from _report_fixture import make_result  # noqa: E402
from test_browser import ARTIFACTS, browser  # noqa: E402,F401 - the shared Chromium fixture

from pipeline.result import QuizItem, TimelinePoint  # noqa: E402


def _open(browser, tmp_path, result, width):  # noqa: F811
    from pipeline.render.html import to_html

    report = tmp_path / "report.html"
    report.write_text(to_html(result), encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())
    sync_api.expect(page.locator("#report").get_by_role("heading", name="Quiz", exact=True)).to_be_visible()
    return context, page, errors


@pytest.mark.parametrize("parts", [2, 7, 10, 13])
def test_untimed_tone_chart_has_evenly_spaced_whole_part_ticks(browser, tmp_path, parts):  # noqa: F811
    base = make_result()
    timeline = tuple(TimelinePoint(None, None, ((i * 37) % 11 - 5) / 10, i, i) for i in range(parts))
    result = dataclasses.replace(base, sentiment=dataclasses.replace(base.sentiment, timeline=timeline))
    context, page, errors = _open(browser, tmp_path, result, 1100)
    chart = page.locator("svg.tone-chart")
    ticks = chart.evaluate(
        "svg => Array.from(svg.querySelectorAll('text.tick')).filter(t => t.getAttribute('text-anchor') === 'middle')"
        ".map(t => [t.textContent, Number(t.getAttribute('x'))])"
    )
    points = chart.evaluate("svg => Array.from(svg.querySelectorAll('circle')).map(c => Number(c.getAttribute('cx')))")
    page.screenshot(path=str(ARTIFACTS / f"tone_untimed_{parts}.png"))
    context.close()
    assert errors == []
    labels = [label for label, _ in ticks]
    assert all(label.isdigit() for label in labels) and labels[0] == "1"
    steps = {int(b) - int(a) for a, b in zip(labels, labels[1:])}
    assert len(steps) <= 1  # the same step between labels
    gaps = [round(b - a, 1) for (_, a), (_, b) in zip(ticks, ticks[1:])]
    assert len(set(gaps)) <= 1  # and the same distance on the chart
    for label, x in ticks:  # each label stands under its own point
        assert abs(points[int(label) - 1] - x) < 1.0


def test_a_long_quiz_question_stays_inside_its_box(browser, tmp_path):  # noqa: F811
    base = make_result()
    long_question = "A long question that wraps over several lines on a phone: " + "the scouts return to the swarm and dance for the site they found, " * 3 + "_____."
    item = QuizItem(id="q-9", type="cloze", question=long_question, answer="Solar panels",
                    options=("Batteries", "Solar panels", "Wind", "Winter"), sentence=2, start=20.0, explanation="x")
    result = dataclasses.replace(base, quiz=(item,) + base.quiz)
    context, page, errors = _open(browser, tmp_path, result, 420)
    fieldset = page.locator("fieldset.question").first
    legend = fieldset.locator("legend")
    box, inner = fieldset.bounding_box(), legend.bounding_box()
    lines = legend.evaluate("e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))")
    border_top = fieldset.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)")
    page.screenshot(path=str(ARTIFACTS / "quiz_long_legend.png"), full_page=True)
    # still usable: pick and check an answer
    fieldset.get_by_role("radio", name="Solar panels", exact=True).check()
    fieldset.get_by_role("button", name="Check answer").click()
    sync_api.expect(fieldset.locator(".feedback")).to_contain_text("Correct")
    context.close()
    assert errors == []
    assert lines >= 3  # the case of the issue: a legend of several lines
    assert inner["y"] >= box["y"] + border_top  # below the top border, not across it
    assert inner["x"] >= box["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"] + 0.5


def test_several_reports_in_one_html_document_all_render(browser, tmp_path):  # noqa: F811
    """`analyze a b --format html -o x.html`: one page, each report drawn and usable."""
    from pipeline.render.html import to_html_documents

    base = make_result()
    other = dataclasses.replace(base, title="A second talk", meta=dataclasses.replace(base.meta, source="second.txt"))
    report = tmp_path / "reports.html"
    report.write_text(to_html_documents([base, other]), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())
    docs = page.locator("article.report-doc")
    sync_api.expect(docs).to_have_count(2)
    for i in range(2):
        sync_api.expect(docs.nth(i).get_by_role("heading", name="Quiz", exact=True)).to_be_visible()
    second = docs.nth(1).locator("fieldset.question").first
    second.get_by_role("radio", name="Solar panels", exact=True).check()
    second.get_by_role("button", name="Check answer").click()
    sync_api.expect(second.locator(".feedback")).to_contain_text("Correct")
    sync_api.expect(docs.nth(0).locator(".feedback").first).to_be_empty()  # the first report is its own
    page.get_by_role("link", name="A second talk").click()
    page.screenshot(path=str(ARTIFACTS / "reports_two.png"))
    context.close()
    assert errors == []
