"""transcript-pipeline: title, summary, key phrases, tone and a quiz for a transcript.

Classical, deterministic NLP (spaCy, scikit-learn, YAKE, VADER); runs offline on a CPU.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config  # noqa: E402
from .errors import ConfigError, InputError, PipelineError, PipelineWarning  # noqa: E402

__all__ = ["Config", "ConfigError", "InputError", "Pipeline", "PipelineError", "PipelineWarning", "__version__"]


def __getattr__(name: str):
    # Pipeline pulls in spaCy; import it lazily so `import pipeline` stays cheap.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
