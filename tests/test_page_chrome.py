"""Page chrome in pasted transcripts (pipeline.chrome, the cleaner's ``page_chrome`` rule).

The fixtures in tests/data/pastes/ are made-up pastes in the styles of video sites,
transcript tools and podcast pages; NAME.chrome lists the lines of NAME.txt that are the
page's interface. Every such line must go, with a warning naming it; every other line
must stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.chrome import chrome_kind
from pipeline.clean import MAX_CHROME_WARNINGS, Cleaner
from pipeline.config import CleanConfig
from pipeline.ingest import read_path
from pipeline.types import Segment, Transcript

PASTES = Path(__file__).parent / "data" / "pastes"
FIXTURES = sorted(p.stem for p in PASTES.glob("*.txt"))


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_at_least_ten_pastes():
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("name", FIXTURES)
def test_paste_loses_its_chrome_and_keeps_the_speaker(name):
    chrome = _lines(PASTES / f"{name}.chrome")
    transcript = read_path(PASTES / f"{name}.txt")
    raw = [seg.text for seg in transcript.segments]
    cleaned = Cleaner(CleanConfig(fillers=False, stutters=False, caption_tags=False, boilerplate=False))(transcript)
    kept = [seg.text for seg in cleaned.segments]
    # every chrome line is gone, wherever it was (top, middle, bottom)
    assert not [line for line in kept if line in chrome]
    # every other line is still there, in order
    assert kept == [line for line in raw if line not in chrome]
    # one warning per removed line, naming it (after MAX_CHROME_WARNINGS, one line counts the rest)
    chrome_warnings = [w for w in cleaned.warnings if w.startswith("removed page chrome")]
    removed = [line for line in raw if line in chrome]
    assert len(chrome_warnings) == min(len(removed), MAX_CHROME_WARNINGS)
    if len(removed) > MAX_CHROME_WARNINGS:
        assert f"removed {len(removed) - MAX_CHROME_WARNINGS} more page chrome line" in cleaned.warnings[-1]
    for line, warning in zip(removed, chrome_warnings):
        assert repr(line[:40])[1:-1].rstrip("…") in warning or line[:30] in warning


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Generate a brief summary…", "tool prompt"),
        ("GenerateGenerate a concise title…", "tool prompt"),
        ("Summarise this podcast episode in five bullet points", "tool prompt"),
        ("Paste or upload your transcript here", "tool prompt"),
        ("CopyShare", "button"),
        ("Show transcript", "button"),
        ("Call or Book a Meeting Now", "call to action"),
        ("Book a free consultation today", "call to action"),
        ("We're Ready to Help", "heading"),
        ("Home | Shows | Live | Shop", "navigation"),
        ("Skip to content", "navigation"),
        ("Chapter 2 of 9", "navigation"),
        ("3.4M views · 1 year ago", "share/subscribe/like"),
        ("Like, share and subscribe", "share/subscribe/like"),
        ("Available on Spotify", "share/subscribe/like"),
        ("This site uses cookies for analytics. Read our privacy policy.", "cookie notice"),
        ("Reject all", "cookie notice"),
        ("Transcribed by otter.ai", "tool notice"),
        ("This transcript may contain errors", "tool notice"),
        ("© 2023 Some Podcast Network", "legal notice"),
        ("example.fm/episodes", "navigation"),
        ("Share on LinkedIn", "share/subscribe/like"),
    ],
)
def test_kinds_of_chrome(line, kind):
    assert chrome_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        # speaker's sentences that share words with chrome
        "Share your doubts with the people you trust; that is how a team learns.",
        "Summarize what you heard from your partner in one sentence.",
        "I generate a summary of every meeting by hand.",
        "So we decided to book a meeting with the mayor.",
        "Like I said, the bees decide together.",
        "Next, the scouts return to the swarm.",
        "Thank you.",
        "Okay.",
        "Right",
        "and then we went home",
        "Home is where the hive is.",
        "The New York Times called it a revolution.",
        "My grandmother baked cookies every Sunday for the whole street.",
        "Maria Lopez",
        "so like share the load",
        "Got it.",
        "I agree.",
        "Next.",
        "Home",
        "Like",
        "About the",
        "That's with the L_C_",
        "(Sings) Water Boy",
        "[From Conception to Birth]",
        "older versions of it",
        "Copyright law is complicated.",
        "May I ask a question?",
    ],
)
def test_speech_is_not_chrome(line):
    assert chrome_kind(line) is None


def test_title_case_text_keeps_its_lines():
    """A transcript typed all in Title Case: the style says nothing, nothing is a heading."""
    lines = ["The Bees Are Leaving The Hive", "They Fly To A Branch Nearby", "Scouts Look For A Home", "Then They Dance"]
    t = Transcript(segments=tuple(Segment(x) for x in lines), format="text")
    assert [s.text for s in Cleaner(CleanConfig())(t).segments] == lines


def test_captions_are_not_checked_for_chrome():
    """Caption files come from a player, not a copied page: a cue is never page chrome."""
    t = Transcript(segments=(Segment("Show more", start=0.0, end=1.0), Segment("Bees dance.", start=1.0, end=2.0)), format="srt")
    assert [s.text for s in Cleaner(CleanConfig())(t).segments] == ["Show more", "Bees dance."]


def test_switch_off():
    t = Transcript(segments=(Segment("Show transcript"), Segment("Bees dance.")), format="text")
    assert [s.text for s in Cleaner(CleanConfig(page_chrome=False))(t).segments] == ["Show transcript", "Bees dance."]


def test_many_chrome_lines_are_counted_after_twenty():
    t = Transcript(segments=tuple([Segment("Share")] * 25 + [Segment("Bees dance.")]), format="text")
    out = Cleaner(CleanConfig())(t)
    assert [s.text for s in out.segments] == ["Bees dance."]
    assert len(out.warnings) == 21 and out.warnings[-1] == "removed 5 more page chrome lines"
