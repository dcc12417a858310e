from __future__ import annotations

import pytest

from pipeline.config import Config, parse_override, valid_keys
from pipeline.errors import ConfigError


def test_defaults_and_required_keys():
    keys = valid_keys()
    for key in ("summary.sentences", "summary.max_words", "keywords.top_k", "quiz.questions", "model", "input.max_chars"):
        assert key in keys
    assert keys == sorted(keys)


def test_overrides_apply_and_validate_types():
    config = Config.from_overrides({"summary.sentences": 5, "keywords.top_k": 7, "quiz.types": "cloze"})
    assert config.summary.sentences == 5
    assert config.keywords.top_k == 7
    assert config.quiz.types == ("cloze",)
    assert Config.from_overrides({"summary.ratio": 1}).summary.ratio == 1.0  # int accepted for float


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"summary.sentences": 0}, "summary.sentences must be in [1, 10000], got 0"),
        ({"keywords.top_k": "ten"}, "keywords.top_k must be an integer"),
        ({"summary.similarity": "cosine"}, "summary.similarity must be one of"),
        ({"clean.fillers": "yes"}, "clean.fillers must be true or false"),
        ({"nope": 1}, "unknown config key 'nope'; valid keys: "),
        ({"summary.nope": 1}, "unknown config key 'summary.nope'"),
        ({"quiz.types": ["essay"]}, "quiz.types must be one of cloze, true_false"),
    ],
)
def test_bad_values_name_the_valid_range_or_keys(overrides, message):
    with pytest.raises(ConfigError) as info:
        Config.from_overrides(overrides)
    assert message in str(info.value)
    if "unknown" in message:
        assert "summary.sentences" in str(info.value)  # the valid keys are listed


def test_fingerprint_is_stable_and_sensitive():
    a = Config.from_overrides({"summary.sentences": 5})
    b = Config.from_overrides({"summary.sentences": 5})
    c = Config.from_overrides({"summary.sentences": 6})
    assert a.fingerprint() == b.fingerprint() != c.fingerprint()
    assert len(a.fingerprint()) == 16
    assert Config().fingerprint() == Config.from_overrides({}).fingerprint()


def test_from_toml(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('model = "en_core_web_sm"\n[summary]\nsentences = 3\n[keywords]\ntop_k = 4\n', encoding="utf-8")
    config = Config.from_toml(path, {"keywords.top_k": 5})
    assert config.summary.sentences == 3
    assert config.keywords.top_k == 5  # overrides win over the file


def test_from_toml_errors(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        Config.from_toml(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("summary = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.from_toml(bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("[summary]\nlength = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown config key"):
        Config.from_toml(unknown)


def test_parse_override():
    assert parse_override("summary.sentences=5") == ("summary.sentences", 5)
    assert parse_override("summary.ratio = 0.25") == ("summary.ratio", 0.25)
    assert parse_override("clean.fillers=false") == ("clean.fillers", False)
    assert parse_override("model=en_core_web_sm") == ("model", "en_core_web_sm")
    assert parse_override('quiz.types=["cloze"]') == ("quiz.types", ["cloze"])
    with pytest.raises(ConfigError, match="KEY=VALUE"):
        parse_override("summary.sentences")


def test_config_is_frozen():
    config = Config()
    with pytest.raises(AttributeError):
        config.model = "x"  # type: ignore[misc]
