"""Locate files in the project's ``resources/`` folder, installed or in a source checkout.

In a built wheel ``resources/`` is the package data ``pipeline.resources``; in a source
checkout it is the top-level folder next to ``pipeline/``.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The directory holding ``samples/`` and the shipped data files."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("pipeline.resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError("the resources/ folder of transcript-pipeline is missing from this installation")


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("samples", "talk.srt")``."""
    return resources_dir().joinpath(*parts)
