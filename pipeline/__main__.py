"""``python -m pipeline`` is the ``transcript-pipeline`` command."""

from .cli import main

raise SystemExit(main())
