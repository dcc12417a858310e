"""Shared fixtures: one spaCy model and one Pipeline per test session (loading is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
EVAL_DIR = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def spacy_model():
    from pipeline.model import load_model

    return load_model("en_core_web_sm")


@pytest.fixture(scope="session")
def default_pipeline():
    from pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def sample_result(default_pipeline):
    return default_pipeline.analyze_file(SAMPLES / "talk.srt")


@pytest.fixture(scope="session")
def podcast_result(default_pipeline):
    return default_pipeline.analyze_file(SAMPLES / "podcast.txt")
