"""Quiz generation: cloze and true/false items with same-kind distractors (issue 6).

``QuizMaker(config).wanted(...)`` names the sentences to parse, ``QuizMaker(config)(...)``
builds the items; :func:`run_quiz` asks them in a terminal.
"""

from __future__ import annotations

from .maker import QuizMaker
from .terminal import run_quiz

__all__ = ["QuizMaker", "run_quiz"]
