"""Exceptions raised by the pipeline.

Every error a user can cause (bad input, bad configuration) is a ``PipelineError``
subclass whose message is one readable line; the CLI prints it and exits with status 2.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class for errors caused by the user's input or configuration."""

    #: short machine-readable kind, used in batch ``errors.jsonl`` and HTTP responses
    kind = "error"


class ConfigError(PipelineError, ValueError):
    """An unknown configuration key or a value outside its valid range."""

    kind = "config"


class InputError(PipelineError, ValueError):
    """Input that cannot be analysed: empty, binary, too large, malformed, unreadable."""

    kind = "input"


class PipelineWarning(UserWarning):
    """Something the user should know about a result (input oddities, a stage that had to
    give up). Stages raise it with ``warnings.warn(msg, PipelineWarning)``; the Pipeline
    records each message once, in order, in ``meta.warnings``."""
