"""The terminal quiz as a person uses it: a real terminal (tmux), keys typed, screen read.

Skips cleanly when tmux is not installed (.ci/run installs it). No timing assertions:
each step waits (bounded) until the screen shows what it waits for.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
ROOT = Path(__file__).resolve().parents[1]
WAIT_SECONDS = 240  # the model loads in a second or two; a loaded CI machine is slower


class Terminal:
    """One tmux session running ``command``; ``screen()`` is what a person sees."""

    def __init__(self, command: str) -> None:
        self.name = f"tp-quiz-{uuid.uuid4().hex[:8]}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run(
            [TMUX, "-L", self.name, "new-session", "-d", "-s", self.name, "-x", "120", "-y", "50", command],
            check=True, cwd=ROOT, env=env,
        )

    def screen(self) -> str:
        proc = subprocess.run([TMUX, "-L", self.name, "capture-pane", "-p", "-J", "-S", "-200", "-t", self.name], capture_output=True, text=True)
        return proc.stdout

    def keys(self, *keys: str) -> None:
        subprocess.run([TMUX, "-L", self.name, "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, needle: str, count: int = 1) -> str:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            text = self.screen()
            if text.count(needle) >= count:
                return text
            time.sleep(0.2)
        raise AssertionError(f"{needle!r} (x{count}) never appeared; screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.name, "kill-server"], capture_output=True)


@pytest.fixture
def terminal():
    made: list[Terminal] = []

    def start(*args: str) -> Terminal:
        quiz = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "pipeline", "quiz", *args))
        # keep the pane after the program ends and show its exit status
        term = Terminal(f"{quiz}; echo EXIT=$?; sleep 600")
        made.append(term)
        return term

    yield start
    for term in made:
        term.close()


def test_quiz_in_a_terminal_loads_visibly_asks_again_and_exits_130_on_ctrl_c(terminal):
    term = terminal("--questions", "2")
    first = term.wait_for("Loading")
    # the loading line is the first thing on the screen, before any question
    assert first.strip().splitlines()[0].startswith("Loading the language model")
    screen = term.wait_for("Your answer")
    assert screen.index("Loading") < screen.index("Question 1/2")
    term.keys("maybe", "Enter")
    screen = term.wait_for("Your answer", 2)
    assert "'maybe' is not one of the options" in screen
    assert "Correct!" not in screen and "Not quite" not in screen
    term.keys("a", "Enter")
    screen = term.wait_for("Question 2/2")
    assert "Correct!" in screen or "Not quite" in screen
    term.keys("C-c")
    screen = term.wait_for("EXIT=")
    assert "EXIT=130" in screen
    assert "Interrupted: quiz stopped." in screen and "Score: " in screen
    assert "Traceback" not in screen


def test_quiz_with_zero_questions_says_so(terminal):
    term = terminal("-n", "0")
    screen = term.wait_for("EXIT=")
    assert "No questions asked" in screen and "too short" not in screen
    assert "EXIT=0" in screen
