"""The terminal quiz (pipeline/quiz/terminal.py) with answers on a pipe."""

from __future__ import annotations

import io

import pytest

from pipeline.quiz.terminal import EMPTY_MESSAGE, check, format_time, run_quiz
from pipeline.result import QuizItem

ITEMS = (
    QuizItem(id="q-000000000001", type="cloze", question="Armstrong walked on the Moon in _____.", answer="1969",
             options=("1972", "1969", "1957", "1961"), sentence=1, start=65.0,
             explanation="Armstrong walked on the Moon in 1969."),
    QuizItem(id="q-000000000002", type="true_false", question="Sputnik was launched in 1961.", answer="False",
             options=("True", "False"), sentence=4, start=None,
             explanation="Sputnik was launched in 1957."),
)


def play(answers: str, items=ITEMS) -> tuple[int, str]:
    out = io.StringIO()
    score = run_quiz(items, stdin=io.StringIO(answers), stdout=out, interactive=False)
    return score, out.getvalue()


def test_letters_and_feedback():
    score, text = play("b\nb\n")
    assert score == 2
    assert "Correct!" in text and "Score: 2/2" in text
    assert "Source (at 1:05): Armstrong walked on the Moon in 1969." in text
    assert "Source: Sputnik was launched in 1957." in text


def test_typed_answers_and_wrong_answer():
    score, text = play("  1969 \ntrue\n")
    assert score == 1
    assert "Not quite: the answer is b) False." in text and "Score: 1/2" in text


def test_blank_line_asks_again():
    score, text = play("\nb\nf\n")
    assert score == 2 and text.count("Your answer") == 3


def test_end_of_input_stops_cleanly():
    score, text = play("b\n")
    assert score == 1
    assert "End of input" in text and "Score: 1/1 (1 of 2 questions answered)" in text


def test_empty_quiz_says_so():
    score, text = play("a\n", items=())
    assert score == 0 and EMPTY_MESSAGE in text


def test_ctrl_c_stops_cleanly():
    class Interrupting(io.StringIO):
        def readline(self, *args):  # type: ignore[override]
            raise KeyboardInterrupt

    out = io.StringIO()
    with pytest.raises(KeyboardInterrupt):  # re-raised: the command exits 130
        run_quiz(ITEMS, stdin=Interrupting(), stdout=out, interactive=True)
    assert "Interrupted" in out.getvalue() and "Score: 0/0" in out.getvalue()


def test_an_answer_that_is_no_option_is_asked_again():
    score, text = play("maybe\ne\nb\nperhaps\nfalse\n")
    assert score == 2
    assert "'maybe' is not one of the options" in text and "'e' is not one of the options" in text
    assert "'perhaps' is not one of the options: answer a-b, true or false." in text
    assert text.count("Your answer") == 5 and "Not quite" not in text


def test_a_typed_wrong_option_is_wrong():
    score, text = play("1972\nf\n")
    assert score == 1 and "Not quite: the answer is b) 1969." in text


def test_check_and_time_format():
    assert check(ITEMS[0], "B") is True and check(ITEMS[0], "the 1969") is True and check(ITEMS[0], "") is None
    assert check(ITEMS[1], "F") is True and check(ITEMS[1], "a") is False
    assert check(ITEMS[0], "maybe") is None and check(ITEMS[1], "maybe") is None and check(ITEMS[0], "e") is None
    assert format_time(3725.2) == "1:02:05" and format_time(None) == ""
