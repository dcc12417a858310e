"""Moodle GIFT export of the quiz (https://docs.moodle.org/en/GIFT_format).

Cloze items use GIFT's missing-word form (``before {=answer ~wrong ~wrong ~wrong} after``);
true/false items are ``statement {TRUE}`` / ``{FALSE}``. Every question is named by its id
(``::q-…::``) and carries the source sentence and its time as general feedback (``####``).
GIFT's special characters ``~ = # { } :`` and the backslash are escaped with a backslash;
line breaks inside a text become spaces (a blank line ends a question in GIFT).
"""

from __future__ import annotations

import re

from ..quiz.gaps import BLANK
from ..timefmt import format_time
from ..result import QuizItem, Result

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Text safe inside a GIFT question or answer."""
    text = re.sub(r"\s+", " ", text)  # a line break would end the question
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)


def _feedback(item: QuizItem) -> str:
    when = format_time(item.start)
    return f"Source{f' ({when})' if when else ''}: {item.explanation}"


def _question(item: QuizItem) -> str:
    name = f"::{escape(item.id)}::"
    feedback = f"####{escape(_feedback(item))}"
    if item.type == "true_false":
        return f"{name}{escape(item.question)} {{{item.answer.upper()}{feedback}}}"
    options = " ".join(("=" if o == item.answer else "~") + escape(o) for o in item.options)
    before, sep, after = item.question.partition(BLANK)
    if not sep:  # no blank: ask the question, answers at the end
        return f"{name}{escape(item.question)} {{{options} {feedback}}}"
    return f"{name}{escape(before)}{{{options} {feedback}}}{escape(after)}"


def to_gift(result: Result) -> str:
    """The quiz of ``result`` as a GIFT file (UTF-8 text, questions separated by blank lines)."""
    lines = [f"// {' '.join(('transcript-pipeline quiz: ' + result.title).split())}", ""]
    for item in result.quiz:
        lines.append(_question(item))
        lines.append("")
    return "\n".join(lines)
