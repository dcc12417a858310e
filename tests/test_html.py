"""pipeline.render.html: one self-contained, safe HTML report."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from pipeline.render import render
from pipeline.render.html import json_for_script, to_html

from _report_fixture import XSS, make_result


def test_report_is_self_contained_and_deterministic() -> None:
    result = make_result()
    page = to_html(result)
    assert page == to_html(result)
    assert page.startswith("<!doctype html>")
    assert render(result, "html") == page
    # nothing fetched: no external script, stylesheet, image or font
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page
    assert "<style>" in page and 'id="result-data"' in page
    assert "TranscriptReport.render" in page


def test_transcript_markup_is_escaped_everywhere() -> None:
    page = to_html(make_result())
    # the raw payload never appears as markup; the only <script> tags are our two blocks
    assert XSS not in page
    assert page.count("<script") == 2
    assert "onerror=" not in page.replace("onerror=\\\"", "").replace("onerror=&quot;", "")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page  # <title>, <h1>, noscript
    assert "<b>warning</b>" not in page


def test_embedded_json_round_trips_and_cannot_close_its_block() -> None:
    result = make_result()
    page = to_html(result)
    block = re.search(r'<script type="application/json" id="result-data">(.*?)</script>', page, re.S)
    assert block is not None
    raw = block.group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert json.loads(raw) == result.to_dict()
    assert json.loads(json_for_script({"a": "</script>\u2028&"})) == {"a": "</script>\u2028&"}


def test_csp_allows_exactly_the_inline_script_and_style() -> None:
    page = to_html(make_result())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {digest(script)}" in csp
    assert f"style-src {digest(style)}" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_noscript_fallback_has_the_content() -> None:
    result = make_result()
    page = to_html(result)
    fallback = re.search(r"<noscript>(.*)</noscript>", page, re.S).group(1)
    assert "Answer: Solar panels" in fallback
    assert "&lt;b&gt;Wind&lt;/b&gt;" in fallback
    assert "battery" in fallback and "neutral" in fallback


def test_report_of_the_sample_talk(sample_result) -> None:
    page = to_html(sample_result)
    assert page == to_html(sample_result)
    data = json.loads(re.search(r'id="result-data">(.*?)</script>', page, re.S).group(1))
    assert data["title"] == sample_result.title and data["text"] == sample_result.text
    from html import escape

    assert f"<title>{escape(sample_result.title)}</title>" in page
