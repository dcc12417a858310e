"""Anki export (pipeline/render/anki.py): read back as Anki would, it gives the same quiz."""

from __future__ import annotations

import csv
import html
import io

from pipeline.render.anki import HEADER, to_anki
from pipeline.result import Meta, QuizItem, Result, Sentiment

ITEMS = (
    QuizItem(id="q-aaaaaaaaaaaa", type="cloze", question='Ratio {a:b} = ~2 #1 \\ "_____" and more.', answer="x=1",
             options=("y~2", "x=1", "{z}", "#3: w"), sentence=0, start=12.5,
             explanation='Ratio {a:b} = ~2 #1 \\ "x=1" and more.'),
    QuizItem(id="q-bbbbbbbbbbbb", type="true_false", question="Tabs\tand <html> & 'quotes' stay.", answer="True",
             options=("True", "False"), sentence=1, start=None, explanation="Tabs and <html> & 'quotes' stay."),
    QuizItem(id="q-cccccccccccc", type="cloze", question="Ends with the blank _____", answer="end",
             options=("end", "start", "middle", "top"), sentence=2, start=3600.0, explanation="Ends with the blank end"),
)


def result(items=ITEMS) -> Result:
    return Result(
        title="A: test {title}", summary=(), keywords=(),
        sentiment=Sentiment(label="neutral", score=0.0, positive=0.0, neutral=1.0, negative=0.0),
        quiz=items, sentences=(), meta=Meta(package_version="0", model="m", config_fingerprint="f", input_sha256="s"),
    )


def parse_anki(text: str) -> list[tuple[str, str, str]]:
    lines = text.splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    assert tuple(header) == HEADER
    body = "\n".join(ln for ln in lines if not ln.startswith("#"))
    return [tuple(row) for row in csv.reader(io.StringIO(body), delimiter="\t") if row]


def test_round_trip():
    rows = parse_anki(to_anki(result()))
    assert len(rows) == len(ITEMS)
    for (front, back, tags), item in zip(rows, ITEMS):
        front_lines = [html.unescape(x) for x in front.split("<br>")]
        assert front_lines[0] == " ".join(item.question.split())
        assert front_lines[2:] == [f"{letter}) {o}" for letter, o in zip("abcd", item.options)]
        back_lines = [html.unescape(x) for x in back.split("<br>")]
        assert back_lines[0].endswith(") " + item.answer)
        assert back_lines[2].endswith(" ".join(item.explanation.split()))
        assert tags.split() == ["transcript-pipeline", item.type, item.id]


def test_fields_are_safe():
    text = to_anki(result())
    for line in text.splitlines()[len(HEADER):]:
        assert line.count("\t") == 2 and '"' not in line


def test_empty_quiz():
    assert parse_anki(to_anki(result(items=()))) == []
