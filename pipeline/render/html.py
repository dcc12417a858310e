"""The analysis as one self-contained HTML file (``analyze --format html``).

The report is the web page's result view in a file: the same stylesheet and the same
renderer (``pipeline/server/static/style.css`` and ``report.js``) are inlined, and the
result's JSON sits in a ``<script type="application/json">`` block that the renderer reads.
So the highlighted transcript, the inline-SVG tone chart and the interactive quiz look and
behave exactly as on the page, and nothing is fetched: the file works offline and by e-mail.

Safety: transcript text is data, never markup. The JSON block escapes ``<``, ``>`` and ``&``
(as ``\\u003c`` ...), so no transcript can close the block; the renderer inserts strings with
``textContent``; a Content-Security-Policy allows only the report's own inline script and
style (by SHA-256 hash), so even injected markup could not run. Without JavaScript a plain
version (title, chapters, summary, key words, tone, quiz with answers), escaped with ``html.escape``,
is shown instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Sequence

from ..result import Result

STATIC_DIR = Path(__file__).resolve().parent.parent / "server" / "static"
#: Renders every report of the document: each ``<script type="application/json"
#: id="result-dataSUFFIX">`` block holds one result, drawn into the element ``reportSUFFIX``.
_BOOT = (
    "\n(function () {\n"
    '  document.querySelectorAll(\'script[type="application/json"][id^="result-data"]\').forEach(function (block) {\n'
    '    var root = document.getElementById("report" + block.id.slice("result-data".length));\n'
    "    TranscriptReport.render(root, JSON.parse(block.textContent), [\"chapters\", \"summary\", \"keywords\", \"tone\", \"quiz\"]);  // the title is the heading\n"
    '    root.removeAttribute("hidden");\n'
    "  });\n"
    "})();\n"
)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def json_for_script(data: object) -> str:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` and the
    line separators U+2028/U+2029 are written as ``\\u`` escapes (still valid JSON)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def to_html(result: Result) -> str:
    """A complete HTML document (UTF-8 text) showing ``result``; deterministic."""
    return _document(result.title or "Transcript report", _report_parts(result, "", "h1"))


def to_html_documents(results: Sequence[Result]) -> str:
    """One HTML document holding several reports, one ``<article>`` each, in order, with a
    table of contents (``analyze`` with several inputs and ``--format html``)."""
    toc = ['<nav class="report-toc" aria-label="Reports"><ol>']
    body: list[str] = []
    for number, result in enumerate(results, 1):
        anchor = f"doc-{number}"
        toc.append(f'<li><a href="#{anchor}">{escape(result.title or result.meta.source)}</a> <span class="report-meta">({escape(result.meta.source)})</span></li>')
        body.append(f'<article class="report-doc" id="{anchor}">')
        body.extend(_report_parts(result, f"-{number}", "h2"))
        body.append("</article>")
    toc.append("</ol></nav>")
    header = ['<header class="page-header">', f"<h1>Transcript reports ({len(results)})</h1>", *toc, "</header>"]
    return _document(f"Transcript reports ({len(results)})", header + ["<main>", *body, "</main>"])


def _report_parts(result: Result, suffix: str, heading: str) -> list[str]:
    """The markup of one report: heading, source line, the view the script fills
    (``report{suffix}``), the no-script version and the result's JSON block
    (``result-data{suffix}``)."""
    title = result.title or "Transcript report"
    meta = result.meta
    return [
        '<header class="page-header">' if heading == "h1" else '<div class="report-header">',
        f"<{heading}>{escape(title)}</{heading}>",
        f'<p class="report-meta">Source: {escape(meta.source)} ({escape(meta.input_format)}) · '
        f"transcript-pipeline {escape(meta.package_version)} · model {escape(meta.model)} · "
        f"config {escape(meta.config_fingerprint)}</p>",
        "</header>" if heading == "h1" else "</div>",
        "<main>" if heading == "h1" else "",  # several reports share the page's one <main>
        f'<div id="report{suffix}" class="results" hidden></div>',
        f"<noscript>{_plain_report(result)}</noscript>",
        "</main>" if heading == "h1" else "",
        f'<script type="application/json" id="result-data{suffix}">{json_for_script(result.to_dict())}</script>',
    ]


def _document(title: str, body: list[str]) -> str:
    css = _asset("style.css")
    script = _asset("report.js") + _BOOT
    if "</script" in script.lower() or "</style" in css.lower():  # pragma: no cover - guards our own assets
        raise RuntimeError("report assets must not contain closing tags")
    csp = f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(script)}; img-src data:; base-uri 'none'; form-action 'none'"
    from .. import __version__

    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp, quote=False)}">',
        f'<meta name="generator" content="transcript-pipeline {escape(__version__)}">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{script}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _time(seconds: float | None) -> str:
    if seconds is None:
        return ""
    total = int(seconds)
    h, m, s = total // 3600, total % 3600 // 60, total % 60
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _plain_report(result: Result) -> str:
    """The report without JavaScript: every string escaped with ``html.escape``."""
    out = []
    if len(result.chapters) > 1:
        out.append('<section class="result-section"><h2>Chapters</h2><ol class="chapter-list">')
        for chapter in result.chapters:
            when = f'<span class="time">{_time(chapter.start)}</span>' if chapter.start is not None else ""
            out.append(f"<li>{when}{escape(chapter.title)}</li>")
        out.append("</ol></section>")
    out.append('<section class="result-section"><h2>Summary</h2><ol class="summary-list">')
    for item in result.summary:
        when = f'<span class="time">{_time(item.start)}</span>' if item.start is not None else ""
        out.append(f"<li>{when}{escape(item.text)}</li>")
    out.append('</ol></section><section class="result-section"><h2>Key words</h2><ul>')
    out.extend(f"<li>{escape(kw.text)} (×{kw.count})</li>" for kw in result.keywords)
    s = result.sentiment
    out.append(
        '</ul></section><section class="result-section"><h2>Tone</h2>'
        f"<p>{escape(s.label)} (score {s.score:+.2f}): {s.positive:.0%} positive, {s.neutral:.0%} neutral, {s.negative:.0%} negative.</p>"
        '</section><section class="result-section"><h2>Quiz</h2><ol>'
    )
    for q in result.quiz:
        options = "".join(f"<li>{escape(o)}</li>" for o in q.options)
        out.append(f"<li><p>{escape(q.question)}</p><ul>{options}</ul><p>Answer: {escape(q.answer)}</p></li>")
    out.append("</ol></section>")
    return "".join(out)
