"""The W3C WebVTT file-parsing tests (web-platform-tests, in ../shared/conformance/webvtt):
every file a browser accepts is accepted with the browser's cue count, and the asserted
cue texts, identifiers and times match (the figure is printed and stated in the README).

Skipped when ../shared is absent. Only cue assertions are checked: settings, regions and
style sheets are not part of a transcript.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest import read_bytes
from pipeline.ingest.encoding import decode_bytes
from pipeline.ingest.webvtt_parser import SignatureError, parse_webvtt

ROOT = Path(__file__).resolve().parents[2] / "shared" / "conformance" / "webvtt"
pytestmark = pytest.mark.skipif(not ROOT.is_dir(), reason="../shared/conformance/webvtt is absent")

#: assert_equals(cues.length, N) and assert_equals(cues[i].attr, value[, message])
_LITERAL = re.compile(r"assert_equals\(cues(?:\.length|\[(\d+)\]\.(text|startTime|endTime|id)),\s*(.+?)(?:,\s*(?:cues|'[^']*'))?\);")
#: the forEach tables of timings-negative.js (pairs of start/end) and the loop of
#: timings-omitted-hours.js (every cue: text 'text' + (i + 1), start 0, end 1)
_PAIR = re.compile(r"^\s*\[(-?[\d.]+),\s*(-?[\d.]+)\],?\s*$", re.MULTILINE)


def _expected(js: str) -> tuple[int | None, list[tuple[int, str, object]]]:
    """(cue count, [(cue index, attribute, value)]) asserted by one test's JavaScript."""
    count = None
    checks: list[tuple[int, str, object]] = []
    for index, attr, raw in _LITERAL.findall(js):
        if not index:
            count = int(raw)
            continue
        raw = raw.strip()
        if raw.startswith("'") and raw.endswith("'"):
            raw = '"' + raw[1:-1].replace('"', '\\"') + '"'
        checks.append((int(index), attr, json.loads(raw)))
    if "'text' + (index + 1)" in js and count:
        pairs = [(float(a), float(b)) for a, b in _PAIR.findall(js)]
        for i in range(count):
            checks.append((i, "text", f"text{i + 1}"))
            start, end = pairs[i] if pairs else (0.0, 1.0)
            checks += [(i, "startTime", start), (i, "endTime", end)]
    return count, checks


def _cues(name: str):
    decoded = decode_bytes((ROOT / "vtt" / f"{name}.vtt").read_bytes(), name=name, max_chars=10**6)
    return parse_webvtt(decoded.text).cues


def _conformance() -> tuple[list[str], int, int, list[str]]:
    count_failures, matched, asserted, mismatches = [], 0, 0, []
    for js_path in sorted((ROOT / "src").glob("*.js")):
        name = js_path.stem
        count, checks = _expected(js_path.read_text(encoding="utf-8"))
        cues = _cues(name)
        if count is not None and len(cues) != count:
            count_failures.append(f"{name}: {len(cues)} cues, a browser has {count}")
        for index, attr, value in checks:
            asserted += 1
            got = None
            if index < len(cues):
                cue = cues[index]
                got = {"text": cue.text, "id": cue.identifier, "startTime": cue.start, "endTime": cue.end}[attr]
            if got == value:
                matched += 1
            else:
                mismatches.append(f"{name} cue {index} {attr}: expected {value!r}, got {got!r}")
    return count_failures, matched, asserted, mismatches


def test_every_accepted_file_has_the_browsers_cue_count_and_most_cues_match():
    count_failures, matched, asserted, mismatches = _conformance()
    print(f"\nWebVTT conformance: {matched}/{asserted} asserted cue texts, ids and times match ({matched / asserted:.1%})")
    for line in mismatches:
        print("  mismatch:", line)
    assert count_failures == []
    assert asserted >= 80  # the assertions were found (a parsing slip would shrink the set)
    assert matched / asserted >= 0.90


@pytest.mark.parametrize("path", sorted((ROOT / "invalid").glob("*.vtt")) if ROOT.is_dir() else [], ids=lambda p: p.stem)
def test_files_without_a_valid_signature_are_refused(path):
    decoded = decode_bytes(path.read_bytes(), name=path.name, max_chars=10**6) if path.stat().st_size else None
    if decoded is not None and path.stem != "signature-two-boms":
        with pytest.raises(SignatureError):
            parse_webvtt(decoded.text)
    with pytest.raises(InputError):
        read_bytes(path.read_bytes(), name=path.name, format="vtt")


@pytest.mark.parametrize("js_path", sorted((ROOT / "src").glob("*.js")) if ROOT.is_dir() else [], ids=lambda p: p.stem)
def test_ingest_reads_every_accepted_file_without_crashing(js_path):
    """Through the whole reader: cues with text become segments, a file without any is
    the one-line "no captions" error, never another exception."""
    data = (ROOT / "vtt" / f"{js_path.stem}.vtt").read_bytes()
    try:
        transcript = read_bytes(data, name=f"{js_path.stem}.vtt")
    except InputError as exc:
        assert "no captions found" in str(exc)
    else:
        assert transcript.format == "vtt" and transcript.segments
