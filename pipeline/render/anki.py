"""Anki export of the quiz: a tab-separated text file for File > Import.

Header lines tell Anki the format (``#separator:tab``, ``#html:true``, ``#tags column:3``);
then one note per item with three fields: front (question and lettered options), back (the
answer, the source sentence and its time) and tags (``transcript-pipeline``, the item type
and its id). Text is HTML-escaped and line breaks are ``<br>``, so a field never holds a tab,
a newline or a raw double quote, and no CSV quoting is needed.
"""

from __future__ import annotations

import html

from ..quiz.terminal import LETTERS
from ..timefmt import format_time
from ..result import QuizItem, Result

HEADER = ("#separator:tab", "#html:true", "#tags column:3")


def _field(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def _note(item: QuizItem) -> str:
    options = [f"{LETTERS[i]}) {_field(o)}" for i, o in enumerate(item.options)]
    front = "<br>".join([_field(item.question), "", *options])
    letter = LETTERS[item.options.index(item.answer)] + ") " if item.answer in item.options else ""
    when = format_time(item.start)
    source = f"Source{f' ({when})' if when else ''}: {item.explanation}"
    back = "<br>".join([letter + _field(item.answer), "", _field(source)])
    tags = " ".join(("transcript-pipeline", item.type.replace(" ", "_"), item.id))
    return "\t".join((front, back, tags))


def to_anki(result: Result) -> str:
    """The quiz of ``result`` as Anki's tab-separated import text (one note per line)."""
    return "\n".join([*HEADER, *(_note(item) for item in result.quiz)]) + "\n"
