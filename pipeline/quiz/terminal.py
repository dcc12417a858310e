"""The quiz in a terminal: ask, check, explain, score. Works with piped answers too.

Answers: a letter (``a``-``d``; ``a``/``b`` or ``t``/``f`` for true/false) or an option typed
out (case, punctuation and articles ignored). Anything else (an empty line, "maybe", a letter
past the options) is not an answer: the question is asked again. End of input ends the quiz
with the score so far; Ctrl-C prints the score so far and raises ``KeyboardInterrupt`` again,
so the command exits with status 130 as interrupted programs do.
"""

from __future__ import annotations


import string
from typing import Sequence, TextIO

from ..result import QuizItem
from ..timefmt import format_time
from .distractors import normalise

LETTERS = string.ascii_lowercase
EMPTY_MESSAGE = "No quiz: the transcript is too short or too uninformative for any question."


def check(item: QuizItem, reply: str) -> bool | None:
    """Is ``reply`` right? ``None`` when it is not an answer (empty, or neither an option's
    letter nor an option's text): the caller asks again."""
    reply = reply.strip()
    if not reply:
        return None
    low = reply.lower().rstrip(").")
    if len(low) == 1 and low in LETTERS[: len(item.options)]:
        return item.options[LETTERS.index(low)] == item.answer
    if item.type == "true_false":
        if low in ("t", "true", "yes", "y"):
            return item.answer == "True"
        if low in ("f", "false", "no", "n"):
            return item.answer == "False"
    typed = normalise(reply)
    if not typed or all(normalise(option) != typed for option in item.options):
        return None
    return typed == normalise(item.answer)


def _say(stdout: TextIO, text: str = "") -> None:
    stdout.write(text + "\n")
    stdout.flush()


def run_quiz(items: Sequence[QuizItem], *, stdin: TextIO, stdout: TextIO, interactive: bool) -> int:
    """Ask ``items`` one by one on ``stdout``, reading answers from ``stdin``; return the
    number answered correctly. ``interactive``: a person at a terminal (prompts are shown
    as prompts); otherwise the answers read are echoed so the output reads as a transcript."""
    if not items:
        _say(stdout, EMPTY_MESSAGE)
        return 0
    correct = 0
    asked = 0
    total = len(items)
    try:
        for number, item in enumerate(items, 1):
            _say(stdout, f"Question {number}/{total}" + (" (true or false)" if item.type == "true_false" else ""))
            _say(stdout, "  " + item.question)
            for letter, option in zip(LETTERS, item.options):
                _say(stdout, f"    {letter}) {option}")
            verdict = None
            while verdict is None:
                stdout.write(f"Your answer (a-{LETTERS[len(item.options) - 1]}, or type it): ")
                stdout.flush()
                line = stdin.readline()
                if line == "":  # end of input
                    _say(stdout)
                    _say(stdout, "End of input: quiz stopped.")
                    return _finish(stdout, correct, asked, total)
                if not interactive:
                    _say(stdout, line.rstrip("\n"))
                verdict = check(item, line)
                if verdict is None and line.strip():
                    _say(stdout, f"  {line.strip()[:40]!r} is not one of the options: {_choices(item)}.")
            asked += 1
            if verdict:
                correct += 1
                _say(stdout, "Correct!")
            else:
                letter = LETTERS[item.options.index(item.answer)] if item.answer in item.options else "?"
                _say(stdout, f"Not quite: the answer is {letter}) {item.answer}.")
            when = format_time(item.start)
            _say(stdout, f"  Source{f' (at {when})' if when else ''}: {item.explanation}")
            _say(stdout)
    except KeyboardInterrupt:
        _say(stdout)
        _say(stdout, "Interrupted: quiz stopped.")
        _finish(stdout, correct, asked, total)
        raise
    return _finish(stdout, correct, asked, total)


def _choices(item: QuizItem) -> str:
    """How to answer ``item``, for the ask-again message."""
    last = LETTERS[len(item.options) - 1]
    if item.type == "true_false":
        return f"answer a-{last}, true or false"
    return f"answer with a letter a-{last} or type an option"


def _finish(stdout: TextIO, correct: int, asked: int, total: int) -> int:
    tail = "" if asked == total else f" ({asked} of {total} questions answered)"
    _say(stdout, f"Score: {correct}/{asked}{tail}")
    return correct


__all__ = ["run_quiz", "check", "format_time", "EMPTY_MESSAGE"]
