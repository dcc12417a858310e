"""Tests for pipeline.clean: each rule, what it must not delete, purity, determinism."""

from __future__ import annotations

import copy
import time

import pytest

from pipeline.clean import (
    BOILERPLATE_PATTERNS,
    FILLER_WORDS,
    LEGIT_DOUBLES,
    SOUND_MODIFIERS,
    SOUND_WORDS,
    Cleaner,
    is_boilerplate,
    remove_fillers,
    remove_stutters,
    strip_caption_tags,
    tidy,
)
from pipeline.config import CleanConfig
from pipeline.types import Segment, Transcript

ALL_ON = CleanConfig()
ALL_OFF = CleanConfig(fillers=False, stutters=False, caption_tags=False, boilerplate=False)


def clean_texts(*texts: str, config: CleanConfig = ALL_ON, fmt: str = "text") -> list[str]:
    t = Transcript(segments=tuple(Segment(x) for x in texts), format=fmt)
    return [s.text for s in Cleaner(config)(t).segments]


def fill(text: str) -> str:
    return tidy(remove_fillers(text))


def stut(text: str) -> str:
    return tidy(remove_stutters(text))


def tags(text: str) -> str:
    return tidy(strip_caption_tags(text))


# ---- caption tags -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Music]", ""),
        ("Hello [Applause] there.", "Hello there."),
        ("(Laughter) So yes.", "So yes."),
        ("(laughs.) Right.", "Right."),
        ("It was [inaudible] at noon.", "It was at noon."),
        ("[inaudible 00:12:03] words", "words"),
        ("[upbeat music playing]", ""),
        ("♪ la la la ♪ and then", "and then"),
        ("♪ Welcome back", "Welcome back"),
        (">> Hi there. >> Yes.", "Hi there. Yes."),
        ("<i>Hello</i> you", "Hello you"),
        ("what the [ __ ] is that", "what the is that"),
        # stage directions between sentences, whatever their words (TED's "(Audio)")
        ("(Audio) NR: Hello.", "NR: Hello."),
        ("That was it. (Drumbeats) Now listen.", "That was it. Now listen."),
        ("Great! (Guitar strum) (Applause) Thanks.", "Great! Thanks."),
        ("He left. [Water splashes]", "He left."),
    ],
)
def test_caption_tags_removed(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He said [the CEO] would come.",
        "It rained (which was great).",
        "We met the founder (Maria) in May.",
        "The cost (Table two) rose.",
        "He came. (NASA) was there.",
        "We played [music by Bach] all night.",
        "x>>y means shift right",
        "a < b and c > d",
    ],
)
def test_caption_tags_keep_content(text):
    assert tags(text) == text


def test_tag_only_segments_are_dropped():
    assert clean_texts("[Music]", "Hello.", "(Applause)") == ["Hello."]


# ---- speaker labels -----------------------------------------------------------------


def test_speaker_label_in_caption_moves_to_speaker():
    t = Transcript(
        segments=(Segment("Speaker 2: Thanks for having me.", 4.0, 6.0), Segment(">> DAVE: Sure.", 6.0, 7.0)),
        format="srt",
    )
    out = Cleaner(ALL_ON)(t)
    assert out.segments == (
        Segment("Thanks for having me.", 4.0, 6.0, "Speaker 2"),
        Segment("Sure.", 6.0, 7.0, "DAVE"),
    )


def test_non_label_colon_stays_in_text():
    t = Transcript(segments=(Segment("Note: bring water.", speaker="Ana"),))
    assert Cleaner(ALL_ON)(t).segments == (Segment("Note: bring water.", speaker="Ana"),)


# ---- fillers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um, so we start.", "So we start."),
        ("um so we start", "so we start"),  # lowercase caption fragment stays lowercase
        ("So, um, we start.", "So, we start."),
        ("I was, um, thinking.", "I was thinking."),
        ("I um think uh so.", "I think so."),
        ("That is it, um.", "That is it."),
        ("Hmm. Okay.", "Okay."),
        ("Ah, I see. Mm-hmm, yes.", "I see. Yes."),
        ("Erm, the er plan, uhm, works.", "The plan works."),
        ("It was, you know, huge.", "It was huge."),
        ("You know, it works, you know.", "It works."),
        ("I mean, it works.", "It works."),
        ("It was, like, huge.", "It was huge."),
        ("So, like, we left.", "So, we left."),
    ],
)
def test_fillers_removed(text, expected):
    assert fill(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You know the answer.",
        "Do you know what I mean?",
        "You know what I mean?",
        "You know.",
        "What I mean, is clear.",
        "I mean it.",
        "I like pizza, like you.",
        "Things like this matter.",
        "uh-huh, sure",
        "The summer was hot.",
        "Umbrellas and hummus are fine.",
        "Her answer was er-rated.",
    ],
)
def test_fillers_keep_content(text):
    assert fill(text) == text


# ---- stutters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I I think so.", "I think so."),
        ("The the cat sat.", "The cat sat."),
        ("we we we went", "we went"),
        ("it's it's fine", "it's fine"),
        ("and then and then we left", "and then we left"),
        ("in the in the box", "in the box"),
        ("I, I think.", "I think."),
        ("We, we, we went home.", "We went home."),
        ("So I think I think it works.", "So I think it works."),
    ],
)
def test_stutters_collapsed(text, expected):
    assert stut(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough.",
        "I know that that works.",
        "What it is is a problem.",
        "No no no.",
        "Go. Go now.",
        "Stop! Stop!",
        "Call five five five, then 7 7.",
        "bye bye",
        "over and over",
    ],
)
def test_stutters_keep_legitimate_repeats(text):
    assert stut(text) == text


# ---- rollover -----------------------------------------------------------------------


def test_rollover_youtube_style():
    segs = (
        Segment("hello world", 0.0, 2.0),
        Segment("hello world", 2.0, 2.01),  # 10 ms repeat cue
        Segment("hello world this is new", 2.01, 5.0),
        Segment("this is new and more words", 5.0, 7.0),
        Segment("and more words", 7.0, 8.0),
    )
    out = Cleaner(ALL_ON)(Transcript(segments=segs, format="vtt"))
    assert out.segments == (
        Segment("hello world", 0.0, 2.01),
        Segment("this is new", 2.01, 5.0),
        Segment("and more words", 5.0, 8.0),
    )


def test_rollover_needs_three_words_or_the_whole_previous_cue():
    segs = (Segment("we went to the shop", 0.0, 2.0), Segment("the shop was closed", 2.0, 4.0))
    out = Cleaner(ALL_ON)(Transcript(segments=segs, format="srt"))
    assert [s.text for s in out.segments] == ["we went to the shop", "the shop was closed"]


def test_rollover_not_applied_to_plain_text_or_across_speakers():
    segs = (Segment("Yes.", speaker="A"), Segment("Yes.", speaker="B"))
    assert Cleaner(ALL_ON)(Transcript(segments=segs, format="srt")).segments == segs
    plain = (Segment("I agree with that fully."), Segment("I agree with that fully."))
    assert Cleaner(ALL_ON)(Transcript(segments=plain, format="text")).segments == plain


# ---- boilerplate --------------------------------------------------------------------


def test_trailing_boilerplate_removed_with_warning():
    body = [f"Point number {i} is about bees." for i in range(20)]
    tail = ["Thanks for watching!", "Please like and subscribe.", "© 2024 Acme Corp. All rights reserved."]
    t = Transcript(segments=tuple(Segment(x) for x in body + tail), warnings=("earlier",))
    out = Cleaner(ALL_ON)(t)
    assert [s.text for s in out.segments] == body
    # the copyright line is page chrome (a legal notice) wherever it is; the rest is the tail's
    assert out.warnings == (
        "earlier",
        "removed page chrome (legal notice): '© 2024 Acme Corp. All rights reserved.'",
        "removed 2 trailing boilerplate lines",
    )


def test_boilerplate_only_in_the_tail():
    texts = ["Please like and subscribe."] + [f"Sentence {i} about soil." for i in range(20)]
    assert clean_texts(*texts) == texts


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for watching!",
        "Call or book a meeting now.",
        "Visit our website at www.acme.com",
        "Follow us on Twitter and Instagram",
        "The link is in the description below.",
        "This video is sponsored by NordVPN.",
        "Hit the bell icon so you never miss a video.",
        "Copyright 2023 Foo Inc.",
        "And check out the free sample of my book.",
        "If you liked this, grab a copy of our free guide at acme.com.",
    ],
)
def test_is_boilerplate(text):
    assert is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you very much for listening, and",
        "Copyright law is complicated.",
        "We talked about how to subscribe to a theory of mind and why it matters a lot.",
        "Thanks for watching, and remember that the key idea is compounding growth over decades.",
    ],
)
def test_is_not_boilerplate(text):
    assert not is_boilerplate(text)


def test_single_boilerplate_line_warning_is_singular():
    out = Cleaner(ALL_ON)(Transcript(segments=(Segment("Real talk here."), Segment("Thanks for watching!"))))
    assert out.warnings == ("removed 1 trailing boilerplate line",)


# ---- switches, purity, determinism --------------------------------------------------


def test_all_rules_off_keeps_text():
    texts = ["Um, I I think [Music] so.", "Thanks for watching!"]
    assert clean_texts(*texts, config=ALL_OFF) == texts


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (CleanConfig(fillers=False), "Um, I think so."),
        (CleanConfig(stutters=False), "I I think so."),
        (CleanConfig(caption_tags=False), "I think [Music] so."),
    ],
)
def test_each_rule_switches_off(config, expected):
    assert clean_texts("Um, I I think [Music] so.", config=config) == [expected]


def test_full_clean_of_a_segment():
    assert clean_texts("Um, so, uh, I I think, you know, [Music] the the plan works.") == [
        "So, I think the plan works."
    ]


def test_cleaner_is_pure():
    segs = (Segment("Um, I I think.", 0.0, 1.0, None), Segment("[Music]", 1.0, 2.0))
    t = Transcript(segments=segs, format="srt", source="x.srt", warnings=("w",))
    before = copy.deepcopy(t)
    out = Cleaner(ALL_ON)(t)
    assert t == before
    assert out is not t
    assert out.segments == (Segment("I think.", 0.0, 1.0, None),)
    assert (out.format, out.source, out.encoding) == ("srt", "x.srt", "utf-8")


def test_cleaner_is_deterministic():
    segs = tuple(Segment(f"Um, the the point {i}, you know, is [Applause] fine.") for i in range(30))
    t = Transcript(segments=segs + (Segment("Thanks for watching!"),))
    assert Cleaner(ALL_ON)(t) == Cleaner(ALL_ON)(t)


def test_empty_transcript():
    assert Cleaner(ALL_ON)(Transcript(segments=())).segments == ()


def test_word_lists_are_sorted_tuples():
    for words in (BOILERPLATE_PATTERNS, FILLER_WORDS, LEGIT_DOUBLES, SOUND_MODIFIERS, SOUND_WORDS):
        assert isinstance(words, tuple)
        assert list(words) == sorted(words)


def test_long_segment_is_cleaned_in_linear_time():
    text = "Um, the the plan, like, works [Music] fine. " * 20_000  # ~900 KB in one segment
    start = time.perf_counter()
    out = clean_texts(text)
    assert time.perf_counter() - start < 5
    assert out[0].startswith("The plan works fine. The plan works fine.")


def test_warning_when_everything_is_removed():
    out = Cleaner(ALL_ON)(Transcript(segments=(Segment("[Music]"), Segment("Um."))))
    assert out.segments == ()
    assert out.warnings == ("cleaning removed every segment (only caption tags, fillers or boilerplate)",)


def test_corpus_brace_markup_is_removed():
    from pipeline.clean import strip_caption_tags

    text = "So we {disfmarker} we tried it {vocalsound} and it worked."
    assert " ".join(strip_caption_tags(text).split()) == "So we we tried it and it worked."
    assert strip_caption_tags("a set {x, y} stays") == "a set {x, y} stays"


# ---- speaker labels inside captions carry (issue 17) ----------------------------------


@pytest.mark.parametrize("fmt", ["srt", "vtt", "whisper-json"])
def test_caption_speaker_label_carries_to_following_cues(fmt):
    texts = ["Good evening.", "DAVE: Thanks for coming.", "It is a pleasure.", "ANNA: Glad to be here.", "Really glad."]
    t = Transcript(segments=tuple(Segment(x, start=float(i), end=i + 1.0) for i, x in enumerate(texts)), format=fmt)
    out = Cleaner(ALL_ON)(t).segments
    assert [s.speaker for s in out] == [None, "DAVE", "DAVE", "ANNA", "ANNA"]
    assert [s.text for s in out][1:3] == ["Thanks for coming.", "It is a pleasure."]


def test_voice_tag_ends_a_carried_label():
    segs = (Segment("DAVE: Hi.", start=0.0, end=1.0), Segment("Hello.", start=1.0, end=2.0, speaker="Roger"), Segment("Yes.", start=2.0, end=3.0))
    out = Cleaner(ALL_ON)(Transcript(segments=segs, format="vtt")).segments
    assert [s.speaker for s in out] == ["DAVE", "Roger", None]


def test_srt_and_txt_of_one_talk_get_the_same_speakers(tmp_path):
    from pipeline.ingest import read_path

    lines = ["DAVE: Welcome to the show.", "Today we talk about bees.", "ANNA: Thanks, Dave.", "Bees are amazing."]
    (tmp_path / "t.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    srt = "".join(f"{i + 1}\n00:00:0{i},000 --> 00:00:0{i},900\n{line}\n\n" for i, line in enumerate(lines))
    (tmp_path / "t.srt").write_text(srt, encoding="utf-8")
    speakers = {ext: [s.speaker for s in Cleaner(ALL_ON)(read_path(tmp_path / f"t.{ext}")).segments] for ext in ("txt", "srt")}
    assert speakers["txt"] == speakers["srt"] == ["DAVE", "DAVE", "ANNA", "ANNA"]
