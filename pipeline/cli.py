"""The ``transcript-pipeline`` command line (argparse, from the standard library).

Errors a user can cause are printed as one line on stderr with exit status 2; anything
else is an internal error (exit 1) whose traceback ``--debug`` shows.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .config import Config, parse_override
from .errors import PipelineError

PROG = "transcript-pipeline"
SAMPLE = ("samples", "talk.srt")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format=f"{PROG}: %(message)s")
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except PipelineError as exc:
        if args.debug:
            raise
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (| head): nothing more to say, and no traceback
        sys.stderr.close()
        return 0
    except OSError as exc:  # output files: disk full, permission denied, ...
        if args.debug:
            raise
        print(f"{PROG}: error: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - last line of defence, one line for users
        if args.debug:
            raise
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
        return 1


# ---- parser ---------------------------------------------------------------------------------


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Title, summary, key phrases, tone and a quiz for a transcript (txt, srt, vtt, json captions).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(metavar="COMMAND")

    analyze = sub.add_parser("analyze", help="analyse transcripts and print a report")
    analyze.add_argument("inputs", nargs="*", metavar="INPUT", help="file(s) to analyse; '-' reads standard input; none: the bundled sample talk")
    analyze.add_argument("--format", "-f", default="markdown", choices=("markdown", "json", "html", "gift", "anki", "chapters"), help="output format (default: markdown)")
    analyze.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    _add_config_options(analyze)
    analyze.set_defaults(handler=_cmd_analyze)

    quiz = sub.add_parser("quiz", help="take an interactive quiz on a transcript in the terminal")
    quiz.add_argument("input", nargs="?", metavar="INPUT", help="file to quiz on; '-' is not allowed (answers come from standard input); none: the bundled sample")
    quiz.add_argument("--questions", "-n", type=int, metavar="N", help="number of questions (quiz.questions)")
    quiz.add_argument("--types", metavar="TYPES", help="comma-separated item types: cloze,true_false (quiz.types)")
    _add_config_options(quiz)
    quiz.set_defaults(handler=_cmd_quiz)

    _add_optional_command(sub, "pipeline.batch.cli", "batch")
    _add_optional_command(sub, "pipeline.server.cli", "serve")
    return parser


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE.toml", help="configuration file (TOML)")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help="override a config key, e.g. --set summary.sentences=5 (repeatable)")
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks and debug logging")


def _add_optional_command(sub: Any, module: str, name: str) -> None:
    """Commands whose modules bring their own arguments (``add_arguments``/``run``)."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError:
        return
    command = sub.add_parser(name, help=mod.HELP, description=getattr(mod, "DESCRIPTION", None))
    mod.add_arguments(command)
    if getattr(mod, "USES_CONFIG", True):
        _add_config_options(command)
    command.set_defaults(handler=mod.run)


# ---- commands --------------------------------------------------------------------------------


def config_from_args(args: argparse.Namespace, extra: dict[str, Any] | None = None) -> Config:
    """The Config named by ``--config`` and ``--set`` (later ``--set`` wins)."""
    overrides: dict[str, Any] = dict(parse_override(item) for item in getattr(args, "overrides", []) or [])
    overrides.update(extra or {})
    if getattr(args, "config", None):
        return Config.from_toml(args.config, overrides)
    return Config.from_overrides(overrides)


def sample_path() -> Path:
    """The bundled sample talk, analysed when no INPUT is given."""
    from .paths import resource_path

    return resource_path(*SAMPLE)


#: Exit status when the run worked but the requested output is empty (no quiz for GIFT/Anki,
#: no YouTube-ready chapter list for `--format chapters`).
EXIT_NOTHING_TO_WRITE = 3
#: Formats that hold only the quiz: without quiz items there is nothing to write.
QUIZ_ONLY_FORMATS = ("gift", "anki")


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .render import render

    config = config_from_args(args)
    inputs = list(args.inputs)
    if not inputs:
        # piped or redirected text is what a user means by `cat talk.txt | … analyze`;
        # a terminal (or no standard input at all) means the bundled sample
        inputs = ["-"] if stdin_has_data() else [str(sample_path())]
    if inputs.count("-") > 1:
        raise PipelineError("standard input ('-') can be read only once")
    nlp = Pipeline(config)
    nlp.progress = _terminal_progress()
    results = []
    for item in inputs:
        result = nlp.analyze_stream(sys.stdin.buffer, name="<stdin>") if item == "-" else nlp.analyze_file(item)
        if not args.inputs and item != "-":  # the bundled sample: the same name wherever installed
            result = dataclasses.replace(result, meta=dataclasses.replace(result.meta, source="/".join(("<sample>",) + SAMPLE)))
        print_warnings(result.meta.source, result.meta.warnings)
        results.append(result)
    if args.format in QUIZ_ONLY_FORMATS:
        empty = [r.meta.source for r in results if not r.quiz]
        for source in empty:
            print(f"{PROG}: warning: {source}: no quiz items (the transcript is too short or has nothing to ask about)", file=sys.stderr)
        results = [r for r in results if r.quiz]
        if not results:
            print(f"{PROG}: error: nothing to write: --format {args.format} holds only the quiz, and no quiz could be made", file=sys.stderr)
            return EXIT_NOTHING_TO_WRITE
    if args.format == "chapters":
        from .render.chapters import youtube_problem

        for result in results:
            if problem := youtube_problem(result):
                print(f"{PROG}: warning: {result.meta.source}: {problem}", file=sys.stderr)
        results = [r for r in results if not youtube_problem(r)]
        if not results:
            print(f"{PROG}: error: nothing to write: no chapter list in YouTube's format could be made", file=sys.stderr)
            return EXIT_NOTHING_TO_WRITE
    if args.format == "html" and len(results) > 1:
        from .render.html import to_html_documents

        text = to_html_documents(results)
    else:
        text = _join_outputs([render(result, args.format) for result in results], args.format)
    _write(text, args.output)
    return 0


def stdin_has_data() -> bool:
    """Whether standard input is a pipe, a file or a socket (not a terminal, not /dev/null,
    not closed): then ``analyze`` without INPUT reads it instead of the bundled sample."""
    import os
    import stat

    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (AttributeError, ValueError, OSError):  # closed, or replaced by a test harness
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def _terminal_progress() -> Any:
    """On a terminal, a one-line "analysing: <stage>" status on standard error for long
    transcripts (erased when the next stage starts and at the end); elsewhere None."""
    if not sys.stderr.isatty():
        return None

    def show(stage: str) -> None:
        line = f"{PROG}: analysing a long transcript: {stage}" if stage != "done" else ""
        sys.stderr.write("\r\x1b[2K" + line)
        sys.stderr.flush()

    return show


def print_warnings(source: str, warnings: Sequence[str]) -> None:
    """Each warning of a result as one line on standard error, naming its input."""
    for warning in warnings:
        print(f"{PROG}: warning: {source}: {' '.join(warning.split())}", file=sys.stderr)


def _join_outputs(outputs: list[str], fmt: str) -> str:
    if len(outputs) == 1:
        return outputs[0]
    if fmt == "json":  # several results: JSON Lines, one compact result per line
        import json

        return "".join(json.dumps(json.loads(o), sort_keys=True, ensure_ascii=False) + "\n" for o in outputs)
    if fmt == "anki":  # one header for the file: Anki reads header lines only at the top
        from .render.anki import HEADER

        outputs = outputs[:1] + ["".join(line for line in o.splitlines(keepends=True) if line.rstrip("\n") not in HEADER) for o in outputs[1:]]
    separator = {"markdown": "\n---\n\n", "gift": "\n", "anki": ""}.get(fmt, "\n")
    return separator.join(outputs)


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _cmd_quiz(args: argparse.Namespace) -> int:
    if args.input == "-":
        raise PipelineError("the quiz reads answers from standard input; give the transcript as a file")
    extra: dict[str, Any] = {}
    if args.questions is not None:
        extra["quiz.questions"] = args.questions
    if args.types:
        extra["quiz.types"] = args.types
    config = config_from_args(args, extra)
    if config.quiz.questions == 0:
        print("No questions asked: the quiz is set to 0 questions (--questions N asks N).")
        return 0
    source = args.input or sample_path()
    # loading spaCy and analysing take seconds: say so at once instead of a blank screen
    print(f"Loading the language model and reading {args.input or 'the sample talk'} …", flush=True)
    from .pipeline import Pipeline
    from .quiz.terminal import run_quiz

    result = Pipeline(config).analyze_file(source)
    print_warnings(result.meta.source, result.meta.warnings)
    if not result.quiz:
        from .quiz.terminal import EMPTY_MESSAGE

        print(EMPTY_MESSAGE)
        return EXIT_NOTHING_TO_WRITE
    print()
    run_quiz(result.quiz, stdin=sys.stdin, stdout=sys.stdout, interactive=sys.stdin.isatty())
    return 0
