from __future__ import annotations

from pipeline.render import FORMATS, render
from pipeline.render.highlight import key_spans, split_marked
from pipeline.render.markdown import to_markdown
from pipeline.timefmt import format_time
from pipeline.result import Keyword


def test_format_time():
    assert format_time(None) == ""
    assert format_time(0) == "0:00"
    assert format_time(75.9) == "1:15"
    assert format_time(3725) == "1:02:05"


def test_key_spans_prefer_longer_and_stay_inside():
    keywords = (
        Keyword(text="bees", score=0.9, count=2, forms=("bees",), spans=((0, 4), (20, 24))),
        Keyword(text="bees dance", score=0.8, count=1, forms=("bees dance",), spans=((0, 10),)),
    )
    assert key_spans(keywords, 0, 15) == [(0, 10, 1)]
    assert key_spans(keywords, 12, 30) == [(20, 24, 0)]
    text = "xx bees yy"
    assert split_marked(text, 100, [(103, 107, 0)]) == [("xx ", None), ("bees", 0), (" yy", None)]


def test_markdown_report(sample_result):
    md = to_markdown(sample_result)
    assert md.startswith(f"# {sample_result.title}") or md.startswith("# ")
    assert "## Summary" in md and "## Tone" in md and "Over time:" in md
    assert md.count("**") >= 2  # key phrases are bold in the summary
    assert md.endswith("\n")
    assert render(sample_result, "markdown") == md
    assert set(FORMATS) == {"markdown", "json", "html", "gift", "anki", "chapters"}


def test_markdown_escapes_markup(default_pipeline):
    result = default_pipeline("The *bold* claim and the [link](x) were # shown to **everyone** at the meeting today.")
    md = to_markdown(result)
    assert "\\*bold\\*" in md or "bold" not in md.split("## Summary")[1]


def test_speaker_names_only_with_two_or_more_speakers():
    import dataclasses

    from _report_fixture import make_result

    two = make_result()
    md = to_markdown(two)
    assert "Speaker 2: " in md and "Speaker 1: " in md
    one = dataclasses.replace(two, sentences=tuple(dataclasses.replace(s, speaker="Speaker 1") for s in two.sentences),
                              summary=tuple(dataclasses.replace(i, speaker="Speaker 1") for i in two.summary))
    md = to_markdown(one)
    assert "Speaker 1:" not in md.split("## Key phrases")[0]


def test_trimmed_point_is_shown_as_its_span_with_key_phrases_marked():
    import dataclasses

    from _report_fixture import make_result

    result = make_result()
    sentence = result.sentences[2]  # "Solar panels turn sunlight into electricity & they are cheap now."
    start = sentence.start_char + len("Solar panels ")
    item = dataclasses.replace(result.summary[1], text="Turn sunlight into electricity & they are cheap now.", start_char=start,
                               end_char=sentence.end_char, trimmed=True, last_sentence=2)
    md = to_markdown(dataclasses.replace(result, summary=(item,)))
    assert "Turn sunlight into electricity" in md and "**Solar panels** turn" not in md
