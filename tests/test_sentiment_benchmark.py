"""The tone benchmark scores what Pipeline returns: its short path (ingest, clean, segment,
tone; the other stages skipped) gives the same Sentiment as ``Pipeline()(text)``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _tone_common import is_held_out, pipeline_tone  # noqa: E402

TEXTS = [
    "Somehow I was blessed with some really amazing friends in my life who love me. So lucky.",
    "...or not. Love a good last minute emergency :/",
    "@anonymous :) :) thanks!",
    "Events include sprinting, broad jumping, yule log rolling, wreath tossing and a toy sack relay.",
    "films adapted from comic books have had plenty of success , whether they're about superheroes . "
    "but the movie is a mess , and i hated the ending . still , the cast is great .",
    "DANA: Welcome back. I'm thrilled you're here.\nRAVI: Thanks, it's been a rough year, honestly.",
    "1\n00:00:01,000 --> 00:00:03,000\nWhat a great start.\n\n2\n00:00:04,000 --> 00:00:06,000\nThen it broke.\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_benchmark_path_equals_pipeline(default_pipeline, text):
    assert pipeline_tone(default_pipeline, text) == default_pipeline(text).sentiment


def test_rejected_text_is_none(default_pipeline):
    assert pipeline_tone(default_pipeline, "   ") is None


def test_review_split_is_fixed_by_id():
    assert is_held_out("pl-pos-cv004_12345") and is_held_out("pl-neg-cv499_1")
    assert not is_held_out("pl-pos-cv000_29590") and not is_held_out("pl-neg-cv498_9288")
    assert sum(is_held_out(f"pl-pos-cv{i:03d}_1") for i in range(500)) == 100
    with pytest.raises(ValueError):
        is_held_out("tweets-1")
