"""The wheel must contain every subpackage and the resources/ folder."""

from __future__ import annotations

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "pipeline").rglob("*.py")
        if "__pycache__" not in path.parts and "static" not in path.parts
    }
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages"
    assert "pipeline.resources" in listed


def test_resources_are_found():
    from pipeline.paths import resource_path

    assert resource_path("samples", "talk.srt").is_file()
    assert resource_path("samples", "podcast.txt").is_file()


def test_no_runtime_downloads_in_the_library():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "pipeline").rglob("*.py"))
    assert "nltk.download" not in sources
    assert "spacy.cli.download" not in sources and "spacy download" not in sources
