"""Render a :class:`~pipeline.result.Result` as text: markdown, json, html, gift, anki, chapters."""

from __future__ import annotations

from importlib import import_module

from ..errors import ConfigError
from ..result import Result

#: format name -> (module, function); imported lazily so unused renderers cost nothing
_RENDERERS = {
    "markdown": ("pipeline.render.markdown", "to_markdown"),
    "json": ("pipeline.render.json_out", "to_json"),
    "html": ("pipeline.render.html", "to_html"),
    "gift": ("pipeline.render.gift", "to_gift"),
    "anki": ("pipeline.render.anki", "to_anki"),
    "chapters": ("pipeline.render.chapters", "to_chapters"),
}
FORMATS = tuple(_RENDERERS)


def render(result: Result, fmt: str) -> str:
    """The result as text in ``fmt`` (one of :data:`FORMATS`)."""
    try:
        module_name, function = _RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return getattr(import_module(module_name), function)(result)
