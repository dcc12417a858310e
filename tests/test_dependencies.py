"""What `pip install .` (the README's first command) brings is enough for every command."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower() for r in requirements}


def test_server_packages_are_ordinary_dependencies():
    """`transcript-pipeline serve` after `pip install .`: no extra to remember."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {"fastapi", "uvicorn", "python-multipart"} <= _names(project["dependencies"])
    # the old extra still resolves, so documented commands keep working
    assert "server" in project["optional-dependencies"]


def test_serve_is_a_command():
    from pipeline.cli import _build_parser

    assert "serve" in _build_parser().format_help()
