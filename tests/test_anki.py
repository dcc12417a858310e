"""Anki export (pipeline/render/anki.py): read back as Anki would, it gives the same quiz."""

from __future__ import annotations

import csv
import html
import io

from pipeline.render.anki import HEADER, to_anki
from pipeline.result import Meta, QuizItem, Result, Sentiment

from quiz_items import ITEMS, result  # noqa: E402


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
