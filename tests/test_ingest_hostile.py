"""Real caption files and hostile input: captions read as players and browsers read them,
content over extension, bounded reading, and hostile values refused with one line."""

from __future__ import annotations

import io
import json
import os
import re

import pytest

from pipeline.config import Config, InputConfig
from pipeline.errors import ConfigError, InputError
from pipeline.ingest import read_bytes, read_path, read_stream, read_text
from pipeline.ingest.webvtt_parser import parse_webvtt
from pipeline.language import language_warnings
from pipeline.types import Segment, Sentence


def texts(t):
    return [s.text for s in t.segments]


# ---- WebVTT --------------------------------------------------------------------------------


def test_vtt_bad_time_is_skipped_not_a_crash():
    t = read_text("WEBVTT\n\n00:00:60.000 --> 00:00:61.000\nbad\n\n00:00:01.000 --> 00:00:02.000\ngood\n", format="vtt")
    assert texts(t) == ["good"]
    assert t.warnings == ("<string>: line 3: invalid cue timing ('00:00:60.000 --> 00:00:61.000'); skipped",)


def test_vtt_identifier_never_merges_into_previous_cue():
    # no blank line between the cues: the second timing line starts a new cue
    t = read_text("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nfirst\n00:00:02.000 --> 00:00:03.000\nsecond\n", format="vtt")
    assert t.segments == (Segment("first", 1.0, 2.0), Segment("second", 2.0, 3.0))
    cues = parse_webvtt("WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000\na\n\nnext\n00:00:02.000 --> 00:00:03.000\nb").cues
    assert [(c.identifier, c.text) for c in cues] == [("intro", "a"), ("next", "b")]


def test_vtt_stray_nul_becomes_replacement_character_with_warning():
    t = read_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\x00 world\n", name="x.vtt")
    assert texts(t) == ["hello\ufffd world"]
    assert "x.vtt: 1 NUL character(s) replaced by U+FFFD" in t.warnings


def test_vtt_end_before_start_is_warned_and_clamped():
    t = read_text("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nback\n", format="vtt")
    assert t.segments == (Segment("back", 5.0, 5.0),)
    assert "end before they start" in t.warnings[0]


def test_vtt_text_outside_cues_and_youtube_header():
    data = "WEBVTT\nKind: captions\nLanguage: en\n\nstray words\n\nNOTE a comment\n\n00:00:01.000 --> 00:00:02.000 align:start position:0%\nhi <c.colorE5E5E5>there</c>\n"
    t = read_text(data, format="vtt")
    assert texts(t) == ["hi there"]
    assert t.warnings == ("<string>: line 5: text outside a cue ('stray words'); skipped",)


# ---- SRT -----------------------------------------------------------------------------------


def test_srt_as_players_read_it():
    data = (
        "1\n00:00:01.000\t-->\t00:00:02,000\nTabs and a dot.\n\n"
        "2\n00:00:03,000   -->   00:00:04,000  X1:10 X2:20 Y1:1 Y2:2\nHe said --> go.\n\n"
        "3\n00:00:02,500 --> 00:00:02,900\nOut of order.\n"
    )
    t = read_text(data, format="srt")
    assert t.segments == (
        Segment("Tabs and a dot.", 1.0, 2.0),
        Segment("Out of order.", 2.5, 2.9),
        Segment("He said --> go.", 3.0, 4.0),
    )
    assert any("sorted by start time" in w for w in t.warnings)


def test_srt_absurd_milliseconds_warn_and_never_give_negative_duration():
    t = read_text("1\n00:00:01,99999 --> 00:00:01,5\nodd\n", format="srt")
    (seg,) = t.segments
    assert seg.start == pytest.approx(1.99999) and seg.end == seg.start
    assert any("more than 3 millisecond digits" in w for w in t.warnings)
    assert any("end before they start" in w for w in t.warnings)


def test_srt_missing_blank_line_keeps_index_out_of_text():
    t = read_text("1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:02,000 --> 00:00:03,000\nsecond\n", format="srt")
    assert texts(t) == ["first", "second"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_srt_in_utf16_and_with_boms(codec):
    data = "1\n00:00:01,000 --> 00:00:02,000\nGrüße\n".encode(codec)
    t = read_bytes(data, name="x.srt")
    assert texts(t) == ["Grüße"]


# ---- content over extension ----------------------------------------------------------------


def test_captions_saved_as_txt_are_read_as_captions(tmp_path):
    srt = tmp_path / "talk.txt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:02,000 --> 00:00:03,000\nBye.\n")
    t = read_path(srt)
    assert (t.format, texts(t)) == ("srt", ["Hello.", "Bye."])
    assert "the content is SRT captions, not plain text" in t.warnings[0]
    vtt = tmp_path / "talk2.txt"
    vtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n")
    assert read_path(vtt).format == "vtt"


def test_text_starting_with_a_brace_stays_text():
    t = read_bytes(b"{Music} Hello and welcome to the show.\n", name="notes.txt")
    assert t.format == "text"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive or an office document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "an office document (doc, xls, ppt)"),
        (b"\x1f\x8b\x08\x00" + bytes(range(200)), "a gzip archive"),
    ],
)
def test_documents_named_txt_are_refused(tmp_path, data, what):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(f"is {what}")):
        read_path(path)


def test_mixed_encodings_are_decoded_line_by_line():
    data = "Café one.\n".encode("utf-8") + "Crème two.\n".encode("cp1252") + "Naïve three.\n".encode("utf-8")
    t = read_bytes(data)
    assert texts(t) == ["Café one.", "Crème two.", "Naïve three."]
    assert t.encoding == "utf-8"
    assert "mixed encodings: 1 line(s) are not UTF-8 (line 2)" in t.warnings[0]


# ---- JSON ----------------------------------------------------------------------------------


def test_whisper_cpp_oj_json_and_entities():
    data = {
        "systeminfo": "AVX = 1",
        "model": {"type": "base"},
        "result": {"language": "en"},
        "transcription": [
            {"timestamps": {"from": "00:00:00,000", "to": "00:00:02,500"}, "offsets": {"from": 0, "to": 2500}, "text": " It&#39;s &quot;fine&quot; &amp; good."},
            {"timestamps": {"from": "00:00:02,500", "to": "00:00:04,000"}, "text": " Next."},
        ],
    }
    t = read_text(json.dumps(data), name="talk.json")
    assert t.format == "whisper-json"
    assert t.segments == (Segment('It\'s "fine" & good.', 0.0, 2.5), Segment("Next.", 2.5, 4.0))


@pytest.mark.parametrize(
    "payload",
    [
        '{"segments": [{"start": ' + "9" * 5000 + ', "end": 1, "text": "hi"}]}',
        '{"segments": [{"start": 1e999, "end": 1, "text": "hi"}]}',
        '{"segments": [{"start": NaN, "end": 1, "text": "hi"}]}',
        '{"segments": [{"start": ' + "9" * 40 + ', "end": 1, "text": "hi"}]}',
        "[" * 100_000 + "]" * 100_000,
        "[]",
        '{"segments": [{"start": 0, "end": 1, "text": "hi", "speaker": {"a": 1}}], "x": "\\ud800"}',
    ],
)
def test_hostile_json_is_an_input_error_or_read(payload):
    try:
        t = read_text(payload, format="json")
    except InputError as exc:
        assert str(exc)
    else:
        assert t.segments


def test_lone_surrogate_in_text_is_replaced_with_warning():
    t = read_text("Hello \ud800 world. This is fine.")
    assert texts(t) == ["Hello \ufffd world. This is fine."]
    assert any("lone surrogate" in w for w in t.warnings)


# ---- reading bounds ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a regular file \\(a named pipe\\)"):
        read_path(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(InputError, match="not a regular file \\(a character device\\)"):
        read_path(device)


def test_endless_stream_is_cut_at_the_limit():
    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(InputError, match="input is too large: more than 400 bytes \\(limit 100 characters\\)"):
        read_stream(io.BufferedReader(Endless()), config=InputConfig(max_chars=100))


def test_stream_within_the_limit_is_read():
    t = read_stream(io.BytesIO(b"Hello there.\n"))
    assert (t.source, texts(t)) == ("<stdin>", ["Hello there."])


@pytest.mark.parametrize("path", [None, 5, 3.5, b"", "", ["a.txt"]])
def test_non_paths_are_input_errors(path):
    with pytest.raises(InputError):
        read_path(path)  # type: ignore[arg-type]


# ---- configuration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides",
    [
        {"summary.diversity": float("nan")},
        {"sentiment.neutral_band": float("nan")},
        {"segment.pause_seconds": float("inf")},
        {"quiz.types": []},
        {"summary.sentences": 10**5000},
        {"summary.ratio": 10**400},
        {"input.max_chars": 10**30},
        {"model": "os"},
        {"model": ""},
    ],
    ids=lambda o: next(iter(o)),
)
def test_hostile_config_values_are_config_errors(overrides):
    with pytest.raises(ConfigError):
        config = Config.from_overrides(overrides)
        from pipeline.model import load_model

        load_model(config.model)


@pytest.mark.parametrize("path", [None, 5, "/dev/zero", "/"])
def test_config_file_must_be_a_regular_file(path):
    with pytest.raises(ConfigError):
        Config.from_toml(path)  # type: ignore[arg-type]


# ---- languages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("今天我们讨论气候变化的问题。全球气温在过去一百年里上升了大约一度。", "Chinese"),
        ("วันนี้เราจะพูดถึงการเปลี่ยนแปลงสภาพภูมิอากาศ อุณหภูมิโลกเพิ่มขึ้นประมาณหนึ่งองศา", "Thai"),
        ("今日は気候変動について話します。地球の気温は過去百年で約一度上昇しました。", "Japanese"),
    ],
)
def test_scripts_without_spaces_get_the_language_warning(text, script):
    sentence = Sentence(index=0, text=text, start_char=0, end_char=len(text), start=None, end=None, speaker=None)
    (warning,) = language_warnings([sentence])
    assert "script written without spaces" in warning and script in warning


# ---- pathological runs --------------------------------------------------------------------


def test_long_punctuation_runs_are_broken_up_and_letter_runs_kept():
    t = read_text('{"a":' * 100 + " and then it ended.\n" + "x" * 500 + " fine.")
    first, second = texts(t)
    assert max(len(w) for w in first.split()) <= 100 and first.replace(" ", "").startswith('{"a":{"a":')
    assert "x" * 500 in second  # a run of letters costs linear time: kept whole
    assert any("were broken up every 100 characters" in w for w in t.warnings)


# ---- progress ------------------------------------------------------------------------------


def test_long_analyses_report_each_stage_to_progress(default_pipeline):
    seen: list[str] = []
    default_pipeline.progress = seen.append
    try:
        default_pipeline("Short text. Nothing to report.")
        assert seen == []
        default_pipeline("The committee met and agreed on the budget. " * 2400)  # ~106,000 characters
    finally:
        default_pipeline.progress = None
    assert seen[0] == "clean" and seen[-1] == "done" and "segment" in seen
