"""Tests for pipeline.ingest: every reader, encodings, sniffing and every bad input."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from pipeline.config import InputConfig
from pipeline.errors import InputError
from pipeline.ingest import SUPPORTED_FORMATS, read_bytes, read_path, read_text
from pipeline.ingest.labels import split_label, split_timestamp
from pipeline.types import Segment, Transcript

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def texts(t: Transcript) -> list[str]:
    return [s.text for s in t.segments]


# ---- public API ---------------------------------------------------------------------


def test_supported_formats_constant():
    assert SUPPORTED_FORMATS == ("text", "srt", "vtt", "json")


# ---- plain text ---------------------------------------------------------------------


def test_text_file_labels_and_timestamps():
    t = read_path(DATA / "talk.txt")
    assert t.format == "text"
    assert t.source == str(DATA / "talk.txt")
    assert t.encoding == "utf-8"
    assert t.warnings == ()
    assert t.segments == (
        Segment("Welcome to the show.", 1.0, 9.0, "Speaker 1"),
        Segment("Today we talk about compost.", None, None, "Speaker 1"),
        Segment("Thanks for having me.", 9.0, 65.0, "DAVE"),
        Segment("Note: this line is not a speaker label.", None, None, "DAVE"),
        Segment("Compost needs air and water.", None, None, "Dr. Smith"),
        Segment("How long does it take?", 65.0, None, "Interviewer"),
    )


def test_text_without_labels_has_no_speaker_or_times():
    t = read_text("Hello there.\n\nThe time is: now, and this: that.\n")
    assert t.segments == (
        Segment("Hello there."),
        Segment("The time is: now, and this: that."),
    )
    assert not t.has_times


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Speaker 1: hi", ("Speaker 1", "hi")),
        ("SPEAKER_00: hi", ("SPEAKER_00", "hi")),
        ("DAVE: hi", ("DAVE", "hi")),
        ("Dr. Smith: hi", ("Dr. Smith", "hi")),
        ("Interviewer: hi", ("Interviewer", "hi")),
        ("Jean-Luc Picard: engage", ("Jean-Luc Picard", "engage")),
        ("Note: hi", (None, "Note: hi")),
        ("Remember: hi", (None, "Remember: hi")),
        ("The answer is simple: yes", (None, "The answer is simple: yes")),
        ("We Were All There Together: yes", (None, "We Were All There Together: yes")),
        ("see https://example.com", (None, "see https://example.com")),
        ("At 10:30 we met", (None, "At 10:30 we met")),
    ],
)
def test_split_label(line, expected):
    assert split_label(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[00:01:23] Hi", (83.0, "Hi")),
        ("(01:23) Hi", (83.0, "Hi")),
        ("00:01:23 Hi", (83.0, "Hi")),
        ("[1:02:03.5] Hi", (3723.5, "Hi")),
        ("10:30am is late", (None, "10:30am is late")),
        ("Hi [00:01:23]", (None, "Hi [00:01:23]")),
    ],
)
def test_split_timestamp(line, expected):
    assert split_timestamp(line) == expected


def test_text_label_only_and_timestamp_only_lines_apply_to_next_line():
    t = read_text("[00:00:05]\nDAVE:\nHello.\nSpeaker 2  0:10\nHi back.\n")
    assert t.segments == (
        Segment("Hello.", 5.0, 10.0, "DAVE"),
        Segment("Hi back.", 10.0, None, "Speaker 2"),
    )


def test_text_timestamp_after_label():
    t = read_text("Speaker 1: [00:00:02] Hello.\nSpeaker 2: (00:04) Bye.")
    assert [(s.start, s.end, s.speaker, s.text) for s in t.segments] == [
        (2.0, 4.0, "Speaker 1", "Hello."),
        (4.0, None, "Speaker 2", "Bye."),
    ]


# ---- SRT ----------------------------------------------------------------------------


def test_srt_file():
    t = read_path(DATA / "talk.srt")
    assert t.format == "srt"
    assert t.segments == (
        Segment("Welcome to the show, everyone.", 1.0, 3.5),
        # labels inside caption text are the cleaner's job
        Segment("Speaker 2: Thanks for having me.", 4.0, 6.25),
    )


def test_srt_bad_block_is_skipped_with_its_line():
    t = read_path(DATA / "malformed.srt")
    assert texts(t) == ["Fine cue."]
    assert t.warnings == (f"{DATA / 'malformed.srt'}: line 6: invalid cue timing ('00:00:0x,000 --> 00:00:04,000'); skipped",)


def test_srt_bad_timing_is_not_folded_into_the_previous_cue():
    data = "1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:0x:03,000 --> 00:00:04,000\nyo\n\n3\n00:00:05,000 --> 00:00:06,000\nbye\n"
    t = read_text(data, format="srt")
    assert texts(t) == ["hi", "bye"]
    assert "line 6: invalid cue timing" in t.warnings[0]


def test_srt_without_cues_is_an_error():
    with pytest.raises(InputError, match="no captions found in SRT input"):
        read_text("just some words", name="x.srt")


# ---- WebVTT -------------------------------------------------------------------------


def test_vtt_voice_tags_and_inline_tags():
    t = read_path(DATA / "talk.vtt")
    assert t.format == "vtt"
    assert t.segments == (
        Segment("We are in New York City", 1.0, 3.0, "Roger Bingham"),
        Segment("Hello & welcome", 3.0, 5.5, "Esme"),
        Segment("Thanks", 3.0, 5.5, "Roger Bingham"),
        Segment("hello world", 6.0, 7.0, None),
    )


def test_vtt_bad_cue_is_skipped_with_its_line():
    t = read_path(DATA / "malformed.vtt")
    assert texts(t) == ["Fine cue."]
    assert t.warnings == (f"{DATA / 'malformed.vtt'}: line 6: invalid cue timing ('00:00:0x.000 --> 00:00:04.000'); skipped",)


def test_vtt_missing_header():
    with pytest.raises(InputError, match="first line must start with 'WEBVTT'"):
        read_path(DATA / "no_header.vtt")


def test_vtt_without_cues():
    with pytest.raises(InputError, match="no captions found"):
        read_text("WEBVTT\n\nNOTE nothing here\n", format="vtt")


# ---- JSON ---------------------------------------------------------------------------


def test_whisper_json():
    t = read_path(DATA / "whisper.json")
    assert t.format == "whisper-json"
    assert t.segments == (
        Segment("Hello there.", 0.0, 2.5, None),
        Segment("General Kenobi.", 2.5, 4.0, "SPEAKER_01"),
    )


def test_whisper_bare_list():
    t = read_text('[{"start": 1, "end": 2, "text": " a b "}, {"start": 2, "end": 3.5, "text": "c"}]')
    assert t.format == "whisper-json"
    assert t.segments == (Segment("a b", 1.0, 2.0), Segment("c", 2.0, 3.5))


def test_youtube_json3_skips_windows_and_newlines():
    t = read_path(DATA / "youtube.json")
    assert t.format == "youtube-json3"
    assert t.segments == (Segment("so today we", 0.16, 3.28), Segment("talk about soil", 2.28, 4.78))


def test_invalid_json_gives_line_and_column():
    with pytest.raises(InputError, match=r"invalid JSON at line 2, column 10"):
        read_text('{"segments":\n  [{"a": }]}', name="x.json")


@pytest.mark.parametrize("payload", ['{"foo": 1}', "[1, 2, 3]", '"text"', '{"segments": "no"}'])
def test_wrong_json_shape_names_supported_shapes(payload):
    with pytest.raises(InputError, match=r"supported JSON shapes: Whisper .* YouTube json3"):
        read_text(payload, format="json")


def test_json_bad_time_value():
    with pytest.raises(InputError, match=r"segment 0 start must be a non-negative number, got 'x'"):
        read_text('{"segments": [{"start": "x", "end": 1, "text": "hi"}]}', format="json")


def test_json_with_no_text_segments():
    with pytest.raises(InputError, match="no captions found"):
        read_text('{"events": [{"tStartMs": 0, "segs": [{"utf8": "\\n"}]}]}', format="json")


# ---- sniffing (stdin) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "fmt"),
    [
        ("talk.txt", "text"),
        ("talk.srt", "srt"),
        ("talk.vtt", "vtt"),
        ("whisper.json", "whisper-json"),
        ("youtube.json", "youtube-json3"),
    ],
)
def test_stdin_bytes_are_sniffed(fixture, fmt):
    data = (DATA / fixture).read_bytes()
    from_stdin = read_bytes(data)
    from_file = read_path(DATA / fixture)
    assert from_stdin.format == fmt
    assert from_stdin.source == "<stdin>"
    assert from_stdin.segments == from_file.segments


def test_bracketed_timestamp_text_is_not_sniffed_as_json():
    t = read_bytes(b"[00:00:01] Speaker 1: Hi.\n[00:00:03] Speaker 2: Yo.\n")
    assert t.format == "text"
    assert [s.speaker for s in t.segments] == ["Speaker 1", "Speaker 2"]


def test_explicit_format_overrides_name_and_sniffing():
    t = read_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nHi\n", name="notes.txt", format="text")
    assert t.format == "text"
    with pytest.raises(InputError, match="unknown input format 'pdf'; supported: text, srt, vtt, json"):
        read_bytes(b"hi", format="pdf")


# ---- encodings ----------------------------------------------------------------------


def test_utf8_bom():
    t = read_bytes(codecs.BOM_UTF8 + "Café time.".encode("utf-8"))
    assert texts(t) == ["Café time."]
    assert t.encoding == "utf-8-sig"
    assert t.warnings == ()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    raw = "Speaker 1: Grüße.\r\nSpeaker 2: Hi.".encode(codec)
    if codec != "utf-16":
        raw = ("\ufeff".encode(codec)) + raw
    t = read_bytes(raw)
    assert t.encoding == "utf-16"
    assert t.segments == (Segment("Grüße.", speaker="Speaker 1"), Segment("Hi.", speaker="Speaker 2"))


def test_utf16_without_bom_is_guessed_with_warning():
    t = read_bytes("Hello there, friends.".encode("utf-16-le"))
    assert texts(t) == ["Hello there, friends."]
    assert t.encoding == "utf-16-le"
    assert t.warnings == ("<stdin>: no byte-order mark; decoded as utf-16-le (guessed)",)


def test_latin1_fallback_warns(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Café crème brûlée, naïve façade. The résumé was déjà vu.\n".encode("latin-1"))
    t = read_path(path)
    assert texts(t) == ["Café crème brûlée, naïve façade. The résumé was déjà vu."]
    assert t.encoding == "cp1252"
    assert t.warnings == (f"{path} is not valid UTF-8; decoded as cp1252 (guessed)",)


def test_newlines_nfc_and_zero_width_are_normalised():
    t = read_bytes("A\u200bB cafe\u0301\r\nline two\rline three".encode("utf-8"))
    assert texts(t) == ["AB café", "line two", "line three"]


# ---- bad input ----------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_bytes(data):
    with pytest.raises(InputError, match="^input is empty$"):
        read_bytes(data)


@pytest.mark.parametrize("text", ["", "  \n \u200b \n"])
def test_empty_text(text):
    with pytest.raises(InputError, match="^input is empty$"):
        read_text(text)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="^input is empty$"):
        read_path(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        bytes([0, 1, 2, 3, 255, 254, 7, 8]) * 100,
    ],
)
def test_binary_data(data):
    with pytest.raises(InputError, match="looks like a binary file|is a PNG image, not a transcript"):
        read_bytes(data, name="image.png.txt")


def test_control_characters_mean_binary():
    with pytest.raises(InputError, match=r"looks like a binary file \(\d+ control characters\)"):
        read_text("ab\x01\x02\x03\x04" * 100)


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=f"^no such file: {missing}$"):
        read_path(missing)


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a transcript file"):
        read_path(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("hi")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="^permission denied: "):
            read_path(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("name", ["slides.pdf", "notes.docx", "talk.mp3"])
def test_unsupported_extension(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4")
    suffix = Path(name).suffix
    with pytest.raises(InputError, match=rf"unsupported file type '\{suffix}'.*supported: \.json, \.md, \.srt, \.text, \.txt, \.vtt"):
        read_path(path)


def test_numeric_suffix_is_not_an_extension():
    assert read_bytes(b"Hello.", name="meeting 2024.05").format == "text"


def test_over_max_chars_text():
    with pytest.raises(InputError, match=r"input is too large: 11 characters \(limit 10\); raise input.max_chars"):
        read_text("x" * 11, config=InputConfig(max_chars=10))


def test_over_max_chars_after_decoding():
    # 30 bytes pass the cheap byte bound (4 * 10) but decode to 30 characters.
    with pytest.raises(InputError, match=r"30 characters \(limit 10\); raise input.max_chars"):
        read_bytes(b"y" * 30, config=InputConfig(max_chars=10))


def test_huge_bytes_rejected_without_decoding():
    data = b"a" * 20_000_000
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"20,000,000 bytes \(limit 2,000,000 characters\); raise input.max_chars"):
        read_bytes(data)
    assert time.perf_counter() - start < 0.5


def test_huge_file_rejected_by_size_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:  # sparse: 1 GB on disk costs nothing
        fh.truncate(1_000_000_000)
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"1,000,000,000 bytes"):
        read_path(path)
    assert time.perf_counter() - start < 0.5


def test_20mb_single_line_is_fast_when_allowed():
    line = "word " * 4_000_000  # 20 MB, no newline
    start = time.perf_counter()
    t = read_text(line, config=InputConfig(max_chars=25_000_000))
    assert time.perf_counter() - start < 3
    assert len(t.segments) == 1
    assert t.segments[0].text.startswith("word word")


def test_5mb_without_newlines_sniffs_quickly():
    data = ("[" + "a:" * 2_500_000).encode()
    start = time.perf_counter()
    t = read_bytes(data, config=InputConfig(max_chars=6_000_000))
    assert time.perf_counter() - start < 3
    assert t.format == "text"


def test_read_text_rejects_non_str():
    with pytest.raises(InputError, match="expected text"):
        read_text(b"bytes")  # type: ignore[arg-type]


def test_reading_is_deterministic():
    a = read_path(DATA / "talk.vtt")
    b = read_path(DATA / "talk.vtt")
    assert a == b


def test_vtt_blank_lines_before_header_are_allowed():
    t = read_text("\n\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n")
    assert (t.format, t.segments) == ("vtt", (Segment("Hi.", 1.0, 2.0),))
    # line numbers still count from the real first line
    t = read_text("\n\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n\n00:0x:03.000 --> 00:00:04.000\nYo.\n")
    assert t.warnings == ("<string>: line 8: invalid cue timing ('00:0x:03.000 --> 00:00:04.000'); skipped",)


def test_whisper_text_only():
    t = read_text('{"text": "Speaker 1: Hello.\\nSpeaker 2: Hi.", "segments": []}', format="json")
    assert t.format == "whisper-json"
    assert t.segments == (Segment("Hello.", speaker="Speaker 1"), Segment("Hi.", speaker="Speaker 2"))
