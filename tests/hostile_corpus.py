"""The bad-input corpus: generated hostile and odd inputs for the CLI and the HTTP API.

Every case must end in a result (exit 0 / HTTP 200, oddities in ``meta.warnings``) or in
one line of error (exit 2 / HTTP 4xx): never a traceback, an "internal error" (exit 1), an
HTTP 500 or a hang. ``tests/test_hostile_corpus.py`` runs them all; this script writes
them to a folder for other tools::

    python tests/hostile_corpus.py --write /tmp/corpus     # one file per case + cases.jsonl
    python tests/hostile_corpus.py --list                  # ids and sizes

Cases are generated, deterministic (no randomness without a fixed seed) and small (at
most ~100 KB): the shapes at full size (a 200,000-character token, 20,000 sentences, a
2,000,000-character transcript) are timed by ``benchmarks/scaling.py``.

Kinds: ``bytes`` (a file named ``name``, and the same bytes on standard input and as an
upload), ``overrides`` (the sample text with hostile config values: ``--set`` and the
request's ``overrides``), ``path`` (CLI only: a path that is not a readable regular file).
"""

from __future__ import annotations

import argparse
import codecs
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

SENTENCE = "The committee reviewed the budget and agreed to fund the new library next spring."
PARAGRAPH = (
    "Welcome back to the show. Today we talk about how cities plan their parks. "
    "Good parks need water, shade and paths that people actually use. "
    "Planners in Copenhagen measured where people walk before drawing a single line. "
    "That simple habit saved money and made the parks busier."
)


@dataclass(frozen=True)
class Case:
    """One corpus entry. ``data``: the input bytes; ``name``: its file name (the extension
    matters); ``overrides``: config overrides; ``kind``: bytes | overrides | path;
    ``path``: for ``path`` cases, what to pass (``{tmp}`` is the test's temporary folder)."""

    id: str
    kind: str
    data: bytes = b""
    name: str = "input.txt"
    overrides: dict[str, Any] = field(default_factory=dict)
    path: str = ""


def _srt(cues: list[tuple[str, str, str]], *, index: bool = True, sep: str = "\n\n") -> str:
    blocks = []
    for i, (start, end, text) in enumerate(cues, start=1):
        head = f"{i}\n" if index else ""
        blocks.append(f"{head}{start} --> {end}\n{text}")
    return sep.join(blocks) + "\n"


def _t(seconds: float, sep: str = ",") -> str:
    ms = int(round(seconds * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def _cues(n: int = 6) -> list[tuple[str, str, str]]:
    words = PARAGRAPH.split(". ")
    return [(_t(2 * i), _t(2 * i + 1.8), words[i % len(words)].strip(".") + ".") for i in range(n)]


def _vtt(body: str, header: str = "WEBVTT") -> str:
    return f"{header}\n\n{body}"


def _vtt_cues(n: int = 6) -> str:
    return "\n\n".join(f"{_t(a, '.')} --> {_t(b, '.')}\n{text}" for a, b, text in ((2 * i, 2 * i + 1.8, t) for i, (_, _, t) in enumerate(_cues(n)))) + "\n"


# ---- the cases ----------------------------------------------------------------------------------


def srt_cases() -> Iterator[Case]:
    good = _cues()
    yield Case("srt-plain", "bytes", _srt(good).encode(), "talk.srt")
    yield Case("srt-tabs-around-arrow", "bytes", _srt(good).replace(" --> ", "\t-->\t").encode(), "talk.srt")
    yield Case("srt-extra-spaces", "bytes", _srt(good).replace(" --> ", "    -->     ").encode(), "talk.srt")
    yield Case("srt-dot-milliseconds", "bytes", _srt([(a.replace(",", "."), b.replace(",", "."), t) for a, b, t in good]).encode(), "talk.srt")
    yield Case("srt-arrow-in-text", "bytes", _srt([*good[:2], (_t(5), _t(6), "He pointed --> there and left.")]).encode(), "talk.srt")
    yield Case("srt-out-of-order", "bytes", _srt(list(reversed(good))).encode(), "talk.srt")
    yield Case("srt-absurd-ms", "bytes", _srt([(_t(1) + "9999", _t(2), "Odd."), *good]).encode(), "talk.srt")
    yield Case("srt-end-before-start", "bytes", _srt([(_t(9), _t(1), "Backwards."), *good]).encode(), "talk.srt")
    yield Case("srt-no-index", "bytes", _srt(good, index=False).encode(), "talk.srt")
    yield Case("srt-no-blank-lines", "bytes", _srt(good, sep="\n").encode(), "talk.srt")
    yield Case("srt-crlf", "bytes", _srt(good).replace("\n", "\r\n").encode(), "talk.srt")
    yield Case("srt-cr-only", "bytes", _srt(good).replace("\n", "\r").encode(), "talk.srt")
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"):
        yield Case(f"srt-{codec}", "bytes", _srt(good).encode(codec), "talk.srt")
    yield Case("srt-bom-twice", "bytes", codecs.BOM_UTF8 * 2 + _srt(good).encode(), "talk.srt")
    yield Case("srt-bad-timing-middle", "bytes", _srt([*good[:2], ("00:0x:03,000", "00:00:04,000", "Broken."), *good[2:]]).encode(), "talk.srt")
    yield Case("srt-only-bad-timings", "bytes", _srt([("00:0x:03,000", "00:00:04,000", "Broken.")] * 5).encode(), "talk.srt")
    yield Case("srt-index-only", "bytes", b"1\n\n2\n\n3\n", "talk.srt")
    yield Case("srt-timings-no-text", "bytes", _srt([(a, b, "") for a, b, _ in good]).encode(), "talk.srt")
    yield Case("srt-huge-hours", "bytes", _srt([("999999999:00:00,000", "999999999:00:01,000", "Far away.")]).encode(), "talk.srt")
    yield Case("srt-too-many-hour-digits", "bytes", _srt([("9" * 40 + ":00:00,000", "00:00:01,000", "Overflow.")]).encode(), "talk.srt")
    yield Case("srt-negative-time", "bytes", _srt([("-00:00:01,000", "00:00:02,000", "Negative."), *good]).encode(), "talk.srt")
    yield Case("srt-html-and-ass-tags", "bytes", _srt([(_t(1), _t(2), "{\\an8}<i>Hello</i> <font color='red'>there</font> &amp; welcome.")]).encode(), "talk.srt")
    yield Case("srt-unclosed-tag", "bytes", _srt([(_t(1), _t(2), "<i" + "x" * 5000 + " never closed.")]).encode(), "talk.srt")
    yield Case("srt-long-cue-2000-lines", "bytes", _srt([(_t(1), _t(2), "\n".join(f"line {i} of a very long cue." for i in range(2000)))]).encode(), "talk.srt")
    yield Case("srt-3000-cues", "bytes", _srt([(_t(i), _t(i + 0.9), f"Cue number {i}.") for i in range(3000)]).encode(), "talk.srt")
    yield Case("srt-as-txt", "bytes", _srt(good).encode(), "talk.txt")
    yield Case("srt-as-vtt", "bytes", _srt(good).encode(), "talk.vtt")
    yield Case("srt-as-json", "bytes", _srt(good).encode(), "talk.json")
    yield Case("srt-speaker-labels", "bytes", _srt([(a, b, f"{'ANNA' if i % 2 else 'BEN'}: {t}") for i, (a, b, t) in enumerate(good)]).encode(), "talk.srt")
    yield Case("srt-garbage-before", "bytes", ("Subtitles by someone\nDownloaded from a site\n\n" + _srt(good)).encode(), "talk.srt")


def vtt_cases() -> Iterator[Case]:
    body = _vtt_cues()
    yield Case("vtt-plain", "bytes", _vtt(body).encode(), "talk.vtt")
    yield Case("vtt-no-header", "bytes", body.encode(), "talk.vtt")
    yield Case("vtt-lowercase-header", "bytes", _vtt(body, "webvtt").encode(), "talk.vtt")
    yield Case("vtt-header-garbage", "bytes", _vtt(body, "WEBVTTX").encode(), "talk.vtt")
    yield Case("vtt-header-text", "bytes", _vtt(body, "WEBVTT - my captions\nKind: captions\nLanguage: en").encode(), "talk.vtt")
    yield Case("vtt-seconds-60", "bytes", _vtt("00:00:60.000 --> 00:00:61.000\nbad\n\n" + body).encode(), "talk.vtt")
    yield Case("vtt-minutes-60", "bytes", _vtt("00:60:00.000 --> 00:61:00.000\nbad\n\n" + body).encode(), "talk.vtt")
    yield Case("vtt-only-bad-cues", "bytes", _vtt("00:00:60.000 --> 00:00:61.000\nbad\n\n" * 4).encode(), "talk.vtt")
    yield Case("vtt-nul-in-text", "bytes", _vtt(body).replace("show", "sh\x00ow").encode(), "talk.vtt")
    yield Case("vtt-nul-in-header", "bytes", _vtt(body, "WEBVTT\x00").encode(), "talk.vtt")
    yield Case("vtt-ids-no-blank", "bytes", _vtt("\n".join(f"id{i}\n{_t(i, '.')} --> {_t(i + 1, '.')}\ntext {i}" for i in range(20))).encode(), "talk.vtt")
    yield Case("vtt-note-only", "bytes", _vtt("NOTE nothing to see\n\nNOTE still nothing\n").encode(), "talk.vtt")
    yield Case("vtt-style-region", "bytes", _vtt("STYLE\n::cue { color: red }\n\nREGION\nid:fred width:40%\n\n" + body).encode(), "talk.vtt")
    yield Case("vtt-voices", "bytes", _vtt("\n\n".join(f"{_t(i, '.')} --> {_t(i + 1, '.')}\n<v.loud {'Anna' if i % 2 else 'Ben Smith'}>{t}</v>" for i, (_, _, t) in enumerate(_cues()))).encode(), "talk.vtt")
    yield Case("vtt-voice-without-name", "bytes", _vtt(f"{_t(1, '.')} --> {_t(2, '.')}\n<v>Nobody speaks.</v>\n").encode(), "talk.vtt")
    yield Case("vtt-karaoke", "bytes", _vtt(f"{_t(1, '.')} --> {_t(5, '.')}\nOne <00:00:02.000>two <00:00:03.000>three <00:00:04.000>four.\n").encode(), "talk.vtt")
    yield Case("vtt-youtube-rolling", "bytes", _vtt("\n\n".join(f"{_t(i, '.')} --> {_t(i + 2, '.')} align:start position:0%\nword{i - 1} word{i}<c> word{i + 1}</c>" for i in range(1, 60)), "WEBVTT\nKind: captions\nLanguage: en").encode(), "talk.vtt")
    yield Case("vtt-settings-garbage", "bytes", _vtt(f"{_t(1, '.')} --> {_t(2, '.')} line:abc%% size:-5 align:nowhere\nSettings are odd.\n").encode(), "talk.vtt")
    yield Case("vtt-end-before-start", "bytes", _vtt(f"{_t(5, '.')} --> {_t(1, '.')}\nBackwards.\n\n" + body).encode(), "talk.vtt")
    yield Case("vtt-huge-tag", "bytes", _vtt(f"{_t(1, '.')} --> {_t(2, '.')}\n<c.{'x' * 20000}>tagged</c>\n").encode(), "talk.vtt")
    yield Case("vtt-long-cue-3000-lines", "bytes", _vtt(f"{_t(1, '.')} --> {_t(2, '.')}\n" + "\n".join(f"line {i} says something." for i in range(3000))).encode(), "talk.vtt")
    yield Case("vtt-as-txt", "bytes", _vtt(body).encode(), "talk.txt")
    yield Case("vtt-as-srt", "bytes", _vtt(body).encode(), "talk.srt")
    yield Case("vtt-utf16", "bytes", _vtt(body).encode("utf-16"), "talk.vtt")
    yield Case("vtt-crlf", "bytes", _vtt(body).replace("\n", "\r\n").encode(), "talk.vtt")
    yield Case("vtt-header-only", "bytes", b"WEBVTT\n", "talk.vtt")
    yield Case("vtt-arrows-only", "bytes", _vtt("-->\n-->\n-->\n").encode(), "talk.vtt")
    yield Case("vtt-hours-omitted", "bytes", _vtt("00:01.000 --> 00:02.000\nShort form.\n").encode(), "talk.vtt")
    yield Case("vtt-comma-ms", "bytes", _vtt("00:00:01,000 --> 00:00:02,000\nComma.\n").encode(), "talk.vtt")
    yield Case("vtt-entities", "bytes", _vtt(f"{_t(1, '.')} --> {_t(2, '.')}\nTom &amp; Jerry &lt;3 &nbsp;&#x1F600; &bogus;\n").encode(), "talk.vtt")


def json_cases() -> Iterator[Case]:
    seg = [{"start": 2.0 * i, "end": 2.0 * i + 1.5, "text": t} for i, (_, _, t) in enumerate(_cues())]
    yield Case("json-whisper", "bytes", json.dumps({"segments": seg}).encode(), "talk.json")
    yield Case("json-whisper-list", "bytes", json.dumps(seg).encode(), "talk.json")
    yield Case("json-whisper-cpp", "bytes", json.dumps({"transcription": [{"offsets": {"from": s["start"] * 1000, "to": s["end"] * 1000}, "text": " " + s["text"]} for s in seg]}).encode(), "talk.json")
    yield Case("json-whisper-cpp-timestamps-only", "bytes", json.dumps({"transcription": [{"timestamps": {"from": _t(s["start"]), "to": _t(s["end"])}, "text": s["text"]} for s in seg]}).encode(), "talk.json")
    yield Case("json-entities", "bytes", json.dumps({"segments": [{"start": 0, "end": 1, "text": "It&#39;s &quot;fine&quot; &amp; good."}]}).encode(), "talk.json")
    yield Case("json-youtube", "bytes", json.dumps({"events": [{"tStartMs": 1000 * i, "dDurationMs": 900, "segs": [{"utf8": s["text"]}]} for i, s in enumerate(seg)]}).encode(), "talk.json")
    yield Case("json-5000-digit-number", "bytes", ('{"segments": [{"start": ' + "9" * 5000 + ', "end": 1, "text": "hi there"}]}').encode(), "talk.json")
    yield Case("json-40-digit-number", "bytes", ('{"segments": [{"start": ' + "9" * 40 + ', "end": 1, "text": "hi there"}]}').encode(), "talk.json")
    yield Case("json-1e999", "bytes", b'{"segments": [{"start": 1e999, "end": 1, "text": "hi there"}]}', "talk.json")
    yield Case("json-nan", "bytes", b'{"segments": [{"start": NaN, "end": Infinity, "text": "hi there"}]}', "talk.json")
    yield Case("json-negative-time", "bytes", b'{"segments": [{"start": -5, "end": 1, "text": "hi there"}]}', "talk.json")
    yield Case("json-end-before-start", "bytes", b'{"segments": [{"start": 5, "end": 1, "text": "hi there, friends."}]}', "talk.json")
    yield Case("json-string-times", "bytes", b'{"segments": [{"start": "0", "end": "1", "text": "hi there"}]}', "talk.json")
    yield Case("json-bool-times", "bytes", b'{"segments": [{"start": true, "end": false, "text": "hi there"}]}', "talk.json")
    yield Case("json-deep-nesting", "bytes", b"[" * 50_000 + b"]" * 50_000, "talk.json")
    yield Case("json-deep-objects", "bytes", b'{"a":' * 20_000 + b"1" + b"}" * 20_000, "talk.json")
    yield Case("json-empty-list", "bytes", b"[]", "talk.json")
    yield Case("json-empty-object", "bytes", b"{}", "talk.json")
    yield Case("json-null", "bytes", b"null", "talk.json")
    yield Case("json-number", "bytes", b"42", "talk.json")
    yield Case("json-string", "bytes", b'"just a string"', "talk.json")
    yield Case("json-true", "bytes", b"true", "talk.json")
    yield Case("json-truncated", "bytes", json.dumps({"segments": seg}).encode()[:-20], "talk.json")
    yield Case("json-trailing-garbage", "bytes", json.dumps({"segments": seg}).encode() + b" garbage", "talk.json")
    yield Case("json-lone-surrogate", "bytes", b'{"segments": [{"start": 0, "end": 1, "text": "hi \\ud800 there"}]}', "talk.json")
    yield Case("json-segments-not-objects", "bytes", b'{"segments": [1, 2, 3]}', "talk.json")
    yield Case("json-text-not-string", "bytes", b'{"segments": [{"start": 0, "end": 1, "text": ["a", "b"]}]}', "talk.json")
    yield Case("json-speaker-object", "bytes", b'{"segments": [{"start": 0, "end": 1, "text": "hi there", "speaker": {"x": 1}}]}', "talk.json")
    yield Case("json-speaker-number", "bytes", b'{"segments": [{"start": 0, "end": 1, "text": "hi there", "speaker": 7}]}', "talk.json")
    yield Case("json-events-not-objects", "bytes", b'{"events": ["a", null]}', "talk.json")
    yield Case("json-segs-weird", "bytes", b'{"events": [{"tStartMs": 0, "segs": [{"utf8": 5}, null, {"utf8": "ok then"}]}]}', "talk.json")
    yield Case("json-duplicate-keys", "bytes", b'{"segments": [], "segments": [{"start": 0, "end": 1, "text": "second wins"}]}', "talk.json")
    yield Case("json-text-only", "bytes", json.dumps({"text": PARAGRAPH}).encode(), "talk.json")
    yield Case("json-as-txt", "bytes", json.dumps({"segments": seg}).encode(), "talk.txt")
    yield Case("json-big-string", "bytes", json.dumps({"segments": [{"start": 0, "end": 1, "text": "word " * 15000}]}).encode(), "talk.json")
    yield Case("json-many-segments", "bytes", json.dumps({"segments": [{"start": i, "end": i + 1, "text": f"Segment {i} ends here."} for i in range(3000)]}).encode(), "talk.json")
    yield Case("json-utf16", "bytes", json.dumps({"segments": seg}).encode("utf-16"), "talk.json")


def encoding_cases() -> Iterator[Case]:
    text = PARAGRAPH + "\nCafé crème, naïve résumé — “quoted” text.\n"
    yield Case("enc-latin1", "bytes", text.replace("—", "-").replace("“", '"').replace("”", '"').encode("latin-1"), "talk.txt")
    yield Case("enc-cp1252", "bytes", text.encode("cp1252"), "talk.txt")
    yield Case("enc-mixed-lines", "bytes", PARAGRAPH.encode() + "\nCafé crème.\n".encode("utf-8") + "Naïve résumé.\n".encode("cp1252"), "talk.txt")
    yield Case("enc-utf16-no-bom", "bytes", text.encode("utf-16-le"), "talk.txt")
    yield Case("enc-utf16be-no-bom", "bytes", text.encode("utf-16-be"), "talk.txt")
    yield Case("enc-utf32", "bytes", text.encode("utf-32"), "talk.txt")
    yield Case("enc-shift-jis", "bytes", "今日は気候変動について話します。地球の気温は上昇しました。".encode("shift_jis"), "talk.txt")
    yield Case("enc-gb18030", "bytes", "今天我们讨论气候变化的问题。全球气温上升了。".encode("gb18030"), "talk.txt")
    yield Case("enc-koi8r", "bytes", "Сегодня мы говорим о парках и городах. Это важная тема.".encode("koi8_r"), "talk.txt")
    yield Case("enc-invalid-utf8", "bytes", PARAGRAPH.encode() + b"\xc3\x28 \xa0\xa1 \xf0\x28\x8c\x28\n", "talk.txt")
    yield Case("enc-overlong-utf8", "bytes", PARAGRAPH.encode() + b" \xc0\xaf \xe0\x80\xaf\n", "talk.txt")
    yield Case("enc-bom-only", "bytes", codecs.BOM_UTF8, "talk.txt")
    yield Case("enc-utf16-bom-only", "bytes", codecs.BOM_UTF16_LE, "talk.txt")
    yield Case("enc-utf16-odd-length", "bytes", codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x41", "talk.txt")
    yield Case("enc-few-nuls", "bytes", PARAGRAPH.replace(" ", "\x00", 3).encode(), "talk.txt")
    yield Case("enc-many-nuls", "bytes", b"\x00".join(PARAGRAPH.encode()[i : i + 3] for i in range(0, 300, 3)), "talk.txt")
    yield Case("enc-control-chars", "bytes", "".join(chr(i % 32) + "ab" for i in range(600)).encode(), "talk.txt")
    yield Case("enc-form-feed-vtab", "bytes", PARAGRAPH.replace(". ", ".\f\v ").encode(), "talk.txt")
    yield Case("enc-zero-width-only", "bytes", "\u200b\u200c\u200d\ufeff\u2060".encode() * 50, "talk.txt")
    yield Case("enc-rtl-marks", "bytes", ("\u202e" + PARAGRAPH + "\u202c\u200f").encode(), "talk.txt")
    yield Case("enc-zalgo", "bytes", ("".join(c + "\u0301\u0316\u0327\u0350" * 20 for c in "hello world ") * 20).encode(), "talk.txt")
    yield Case("enc-emoji-only", "bytes", ("😀🎉🔥👍 " * 300).encode(), "talk.txt")
    yield Case("enc-private-use", "bytes", ("\ue000\uf8ff\U000f0000 " * 200).encode(), "talk.txt")
    yield Case("enc-noncharacters", "bytes", (PARAGRAPH + " \ufffe\uffff\U0010ffff").encode(), "talk.txt")
    yield Case("enc-replacement-chars", "bytes", ("\ufffd" * 500).encode(), "talk.txt")
    yield Case("enc-surrogate-bytes", "bytes", PARAGRAPH.encode() + b" \xed\xa0\x80 done.", "talk.txt")


def binary_cases() -> Iterator[Case]:
    rng = random.Random(16)
    yield Case("bin-pdf", "bytes", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + bytes(rng.randrange(256) for _ in range(2000)), "slides.txt")
    yield Case("bin-docx", "bytes", b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + b"[Content_Types].xml" + bytes(rng.randrange(256) for _ in range(2000)), "notes.txt")
    yield Case("bin-doc", "bytes", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "notes.txt")
    yield Case("bin-png", "bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2000)), "image.txt")
    yield Case("bin-jpeg", "bytes", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(rng.randrange(256) for _ in range(2000)), "image.srt")
    yield Case("bin-gif", "bytes", b"GIF89a" + bytes(rng.randrange(256) for _ in range(500)), "image.vtt")
    yield Case("bin-gzip", "bytes", b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(2000)), "talk.txt")
    yield Case("bin-elf", "bytes", b"\x7fELF\x02\x01\x01" + bytes(2000), "talk.txt")
    yield Case("bin-mp3", "bytes", b"ID3\x03\x00\x00\x00" + bytes(rng.randrange(256) for _ in range(2000)), "talk.txt")
    yield Case("bin-mp4", "bytes", b"\x00\x00\x00\x18ftypmp42" + bytes(rng.randrange(256) for _ in range(2000)), "talk.txt")
    yield Case("bin-random", "bytes", bytes(rng.randrange(256) for _ in range(4000)), "talk.txt")
    yield Case("bin-random-json", "bytes", bytes(rng.randrange(256) for _ in range(4000)), "talk.json")
    yield Case("bin-all-ff", "bytes", b"\xff" * 3000, "talk.txt")
    yield Case("bin-all-zero", "bytes", bytes(3000), "talk.txt")
    yield Case("bin-rtf", "bytes", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello world.}", "talk.txt")


def text_cases() -> Iterator[Case]:
    yield Case("txt-empty", "bytes", b"", "talk.txt")
    yield Case("txt-whitespace", "bytes", b" \n\t\r\n   \n", "talk.txt")
    yield Case("txt-one-char", "bytes", b"a", "talk.txt")
    yield Case("txt-one-word", "bytes", b"Hello", "talk.txt")
    yield Case("txt-one-sentence", "bytes", SENTENCE.encode(), "talk.txt")
    yield Case("txt-punctuation-only", "bytes", b"... !!! ??? ,,, ;;; --- ...", "talk.txt")
    yield Case("txt-dots", "bytes", b"." * 20000, "talk.txt")
    yield Case("txt-numbers-only", "bytes", " ".join(str(i) for i in range(3000)).encode(), "talk.txt")
    yield Case("txt-long-token-50k", "bytes", b"a" * 50_000, "talk.txt")
    yield Case("txt-long-token-in-text", "bytes", (PARAGRAPH + " " + "x" * 30_000 + " " + PARAGRAPH).encode(), "talk.txt")
    yield Case("txt-long-url", "bytes", (PARAGRAPH + " https://example.com/" + "a/b?c=d&" * 3000).encode(), "talk.txt")
    yield Case("txt-2000-short-sentences", "bytes", " ".join(f"Point {i} matters." for i in range(2000)).encode(), "talk.txt")
    yield Case("txt-no-punctuation", "bytes", " ".join(PARAGRAPH.lower().replace(".", "").replace(",", "").split() * 60).encode(), "talk.txt")
    yield Case("txt-one-long-line", "bytes", ((PARAGRAPH + " ") * 150).encode(), "talk.txt")
    yield Case("txt-many-newlines", "bytes", b"\n" * 50_000 + PARAGRAPH.encode() + b"\n" * 50_000, "talk.txt")
    yield Case("txt-one-word-repeated", "bytes", ("buffalo " * 10000).encode(), "talk.txt")
    yield Case("txt-stutter-storm", "bytes", ("I I I I I think think think " * 500).encode(), "talk.txt")
    yield Case("txt-fillers-only", "bytes", ("um uh um uh you know like um " * 300).encode(), "talk.txt")
    yield Case("txt-labels-only", "bytes", "\n".join(f"Speaker {i % 5}:" for i in range(500)).encode(), "talk.txt")
    yield Case("txt-timestamps-only", "bytes", "\n".join(f"[{_t(i).replace(',', '.')}]" for i in range(500)).encode(), "talk.txt")
    yield Case("txt-many-speakers", "bytes", "\n".join(f"Speaker {i}: {SENTENCE}" for i in range(1000)).encode(), "talk.txt")
    yield Case("txt-long-label", "bytes", ("A" * 5000 + ": hello there.\n") .encode() * 3, "talk.txt")
    yield Case("txt-caption-tags-only", "bytes", ("[Music] (Applause) [Laughter] " * 200).encode(), "talk.txt")
    yield Case("txt-csv", "bytes", ("name,age,city,score\n" + "\n".join(f"person{i},{20 + i},City{i % 7},{i * 3.5}" for i in range(300))).encode(), "data.txt")
    yield Case("txt-tsv", "bytes", ("id\tvalue\tnote\n" + "\n".join(f"{i}\t{i * i}\tnote {i}" for i in range(300))).encode(), "data.txt")
    yield Case("txt-markdown-table", "bytes", ("| a | b |\n|---|---|\n" + "\n".join(f"| row {i} | {i * 2} |" for i in range(300))).encode(), "table.md")
    yield Case("txt-html-page", "bytes", ("<!doctype html><html><head><title>Talk</title><script>var x = 1;</script></head><body>" + "".join(f"<p>{SENTENCE}</p>" for _ in range(50)) + "</body></html>").encode(), "page.txt")
    yield Case("txt-python-code", "bytes", "\n".join(f"def f{i}(x):\n    return x * {i}  # comment" for i in range(300)).encode(), "code.txt")
    yield Case("txt-log-file", "bytes", "\n".join(f"2024-01-01T00:00:{i % 60:02d}Z INFO worker[{i}] request done in {i}ms" for i in range(500)).encode(), "app.txt")
    yield Case("txt-json-lookalike", "bytes", b'{"not": "json", broken', "talk.txt")
    yield Case("txt-brace-start", "bytes", ("{Music} " + PARAGRAPH).encode(), "talk.txt")
    yield Case("txt-bracket-start", "bytes", ("[" * 5000 + PARAGRAPH).encode(), "talk.txt")
    yield Case("txt-chinese", "bytes", ("今天我们讨论气候变化的问题。全球气温在过去一百年里上升了大约一度。科学家认为人类活动是主要原因。" * 20).encode(), "talk.txt")
    yield Case("txt-japanese", "bytes", ("今日は気候変動について話します。地球の気温は過去百年で約一度上昇しました。" * 20).encode(), "talk.txt")
    yield Case("txt-thai", "bytes", ("วันนี้เราจะพูดถึงการเปลี่ยนแปลงสภาพภูมิอากาศ อุณหภูมิโลกเพิ่มขึ้นประมาณหนึ่งองศา " * 20).encode(), "talk.txt")
    yield Case("txt-korean", "bytes", ("오늘 우리는 기후 변화에 대해 이야기합니다. 지구의 기온이 올라갔습니다. " * 20).encode(), "talk.txt")
    yield Case("txt-arabic", "bytes", ("اليوم نتحدث عن تغير المناخ. ارتفعت درجة حرارة الأرض. " * 20).encode(), "talk.txt")
    yield Case("txt-hebrew", "bytes", ("היום אנחנו מדברים על שינויי האקלים. הטמפרטורה עלתה. " * 20).encode(), "talk.txt")
    yield Case("txt-russian", "bytes", ("Сегодня мы говорим об изменении климата. Температура выросла. " * 20).encode(), "talk.txt")
    yield Case("txt-hindi", "bytes", ("आज हम जलवायु परिवर्तन के बारे में बात करते हैं। तापमान बढ़ गया है। " * 20).encode(), "talk.txt")
    yield Case("txt-german", "bytes", ("Heute sprechen wir über den Klimawandel. Die Temperatur ist gestiegen, und wir müssen handeln. " * 20).encode(), "talk.txt")
    yield Case("txt-mixed-scripts", "bytes", ((PARAGRAPH + " 今天我们讨论气候变化。 ") * 10).encode(), "talk.txt")
    yield Case("txt-all-caps", "bytes", (PARAGRAPH.upper() + " ") .encode() * 10, "talk.txt")
    yield Case("txt-math-symbols", "bytes", ("∑∫∂√∞≈≠≤≥ ∀x∈ℝ: x² ≥ 0. " * 200).encode(), "talk.txt")
    yield Case("txt-tabs", "bytes", PARAGRAPH.replace(" ", "\t\t").encode(), "talk.txt")
    yield Case("txt-question-storm", "bytes", ("Why? " * 3000).encode(), "talk.txt")
    yield Case("txt-exclamations", "bytes", (SENTENCE.replace(".", "!!!!!!!!!!") + " ") .encode() * 50, "talk.txt")
    yield Case("txt-quotes-unbalanced", "bytes", ('"' * 3000 + PARAGRAPH + "(" * 3000).encode(), "talk.txt")
    yield Case("txt-ellipsis-chain", "bytes", ("so… and… then… " * 500).encode(), "talk.txt")
    yield Case("txt-hyphen-chain", "bytes", ("-".join(["word"] * 5000)).encode(), "talk.txt")
    yield Case("txt-apostrophes", "bytes", ("'" * 2000 + " it's ' ' 'tis rock'n'roll " * 100).encode(), "talk.txt")
    yield Case("txt-markdown", "bytes", ("# Title\n\n## Section\n\n- item one\n- item two\n\n**bold** _italics_ `code`\n\n" + PARAGRAPH).encode(), "notes.md")
    yield Case("txt-subscribe-only", "bytes", ("Like and subscribe! Hit the bell. Follow us on Instagram. " * 30).encode(), "talk.txt")
    yield Case("txt-numeric-suffix", "bytes", PARAGRAPH.encode(), "meeting 2024.05")
    yield Case("txt-no-extension", "bytes", PARAGRAPH.encode(), "README")
    yield Case("txt-unsupported-extension", "bytes", PARAGRAPH.encode(), "talk.docx")
    yield Case("txt-long-sentence-no-stop", "bytes", (" and ".join(["the committee reviewed the budget"] * 400) + ".").encode(), "talk.txt")


def override_cases() -> Iterator[Case]:
    values: list[tuple[str, dict[str, Any]]] = [
        ("nan", {"summary.diversity": float("nan")}),
        ("inf", {"segment.pause_seconds": float("inf")}),
        ("neg-inf", {"summary.duplicate_cosine": float("-inf")}),
        ("nan-neutral-band", {"sentiment.neutral_band": float("nan")}),
        ("huge-int", {"summary.sentences": 10**5000}),
        ("huge-int-float-field", {"summary.ratio": 10**400}),
        ("big-int", {"keywords.top_k": 10**18}),
        ("negative", {"quiz.questions": -1}),
        ("zero-top-k", {"keywords.top_k": 0}),
        ("empty-types", {"quiz.types": []}),
        ("types-nested", {"quiz.types": [[]]}),
        ("types-number", {"quiz.types": [1, 2]}),
        ("types-unknown", {"quiz.types": ["essay"]}),
        ("types-empty-string", {"quiz.types": ""}),
        ("bool-as-int", {"summary.sentences": True}),
        ("string-int", {"summary.sentences": "five"}),
        ("float-int", {"summary.sentences": 2.5}),
        ("dict-value", {"summary.sentences": {"a": 1}}),
        ("list-value", {"keywords.top_k": [1, 2]}),
        ("null-value", {"keywords.top_k": None}),
        ("unknown-key", {"summary.nonsense": 1}),
        ("unknown-section", {"nonsense.key": 1}),
        ("section-as-key", {"summary": 5}),
        ("surrogate-string", {"summary.similarity": "\ud800"}),
        ("nul-string", {"summary.similarity": "tf\x00idf"}),
        ("model-module", {"model": "os"}),
        ("model-path", {"model": "../../../../etc"}),
        ("model-empty", {"model": ""}),
        ("model-number", {"model": 5}),
        ("max-chars", {"input.max_chars": 10**30}),
        ("max-chars-zero", {"input.max_chars": 0}),
        ("max-words-huge", {"segment.max_words": 10**9}),
        ("questions-max", {"quiz.questions": 1000}),
        ("sentences-max", {"summary.sentences": 10000}),
    ]
    for key, overrides in values:
        yield Case(f"cfg-{key}", "overrides", PARAGRAPH.encode(), "talk.txt", overrides)


def path_cases() -> Iterator[Case]:
    yield Case("path-directory", "path", path="{tmp}")
    yield Case("path-missing", "path", path="{tmp}/does-not-exist.txt")
    yield Case("path-fifo", "path", path="{tmp}/fifo.txt")
    yield Case("path-dev-zero", "path", path="/dev/zero")
    yield Case("path-dev-urandom", "path", path="/dev/urandom")
    yield Case("path-dev-null", "path", path="/dev/null")
    yield Case("path-empty-name", "path", path="")
    yield Case("path-too-long", "path", path="{tmp}/" + "a" * 5000 + ".txt")
    yield Case("path-symlink-loop", "path", path="{tmp}/loop.txt")
    yield Case("path-pdf-extension", "path", path="{tmp}/slides.pdf")
    yield Case("config-fifo", "path", path="--config={tmp}/fifo.txt")
    yield Case("config-dev-zero", "path", path="--config=/dev/zero")
    yield Case("config-directory", "path", path="--config={tmp}")
    yield Case("config-not-toml", "path", path="--config={tmp}/bad.toml")


def cases() -> list[Case]:
    """Every case, in a fixed order; ids are unique."""
    out = [
        *srt_cases(),
        *vtt_cases(),
        *json_cases(),
        *encoding_cases(),
        *binary_cases(),
        *text_cases(),
        *override_cases(),
        *path_cases(),
    ]
    ids = [c.id for c in out]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", metavar="DIR", help="write each bytes case to DIR/<id>/<name> and DIR/cases.jsonl")
    parser.add_argument("--list", action="store_true", help="print id, kind and size of every case")
    args = parser.parse_args(argv)
    all_cases = cases()
    if args.list or not args.write:
        for case in all_cases:
            print(f"{case.id}\t{case.kind}\t{len(case.data)}")
        print(f"{len(all_cases)} cases", file=sys.stderr)
    if args.write:
        root = Path(args.write)
        root.mkdir(parents=True, exist_ok=True)
        with open(root / "cases.jsonl", "w", encoding="utf-8") as manifest:
            for case in all_cases:
                entry: dict[str, Any] = {"id": case.id, "kind": case.kind, "name": case.name, "path": case.path}
                entry["overrides"] = {k: repr(v) for k, v in sorted(case.overrides.items())}
                if case.kind != "path":
                    folder = root / case.id
                    folder.mkdir(exist_ok=True)
                    (folder / Path(case.name).name).write_bytes(case.data)
                manifest.write(json.dumps(entry, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
