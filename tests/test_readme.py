"""The README stands on its own and says what the code does (issue 17, point 11)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.config import valid_keys

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}")
    end = README.find("\n## ", start + 1)
    return README[start:end if end >= 0 else None]


def test_points_to_nothing_a_package_user_lacks():
    assert "DESIGN.md" not in README
    assert "../shared" not in README


def test_every_config_key_is_documented():
    table = _section("Configuration")
    documented = set(re.findall(r"`([a-z_]+(?:\.[a-z_]+)?)`", table))
    missing = [key for key in valid_keys() if key not in documented]
    assert not missing, f"config keys missing from the README table: {missing}"


@pytest.fixture(scope="module")
def sample_json():
    from pipeline import Pipeline
    from pipeline.paths import resource_path

    return json.loads(Pipeline().analyze_file(resource_path("samples", "podcast.txt")).to_json())


def test_output_table_lists_exactly_the_json_fields(sample_json):
    table = _section("Output")
    rows = re.findall(r"^\| `([a-z_]+)(?:\[\])?` \|", table, re.MULTILINE)
    assert set(rows) | {"schema_version"} >= set(sample_json) - {"schema_version"}
    assert set(rows) <= set(sample_json), sorted(set(rows) - set(sample_json))


def test_by_speaker_is_described_as_the_json_holds_it(sample_json):
    by_speaker = sample_json["sentiment"]["by_speaker"]
    assert isinstance(by_speaker, dict) and by_speaker  # the podcast has two speakers
    # an object in the JSON, so the README shows an object ({speaker: ...}), not pairs
    assert re.search(r"`by_speaker`[^|]{0,20}\{speaker:", _section("Output"))
