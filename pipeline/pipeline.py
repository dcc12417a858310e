"""The :class:`Pipeline`: one object that owns the loaded model and chains the stages.

    ingest -> clean -> segment -> chapters -> summary -> keywords -> sentiment -> title -> quiz -> Result

Build it once per process and reuse it: loading spaCy takes about half a second, analysing
a 10-minute talk a fraction of that.
"""

from __future__ import annotations

import sys
import time
import warnings
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from . import __version__
from .chapters import ChapterMaker
from .clean import Cleaner
from .config import Config
from .errors import InputError, PipelineError, PipelineWarning
from .ingest import read_bytes, read_path, read_stream, read_text
from .keywords import KeywordExtractor
from .model import load_model
from .quiz import QuizMaker
from .result import Meta, Result, SentenceOut
from .segment import Segmenter
from .sentiment import SentimentAnalyzer
from .summary import Summarizer
from .title import TitleMaker
from .types import Document, Transcript


class Pipeline:
    """Analyse transcripts. ``Pipeline(config)(text)`` returns a :class:`Result`.

    Thread-compatible but not thread-safe (spaCy pipelines are not); use one per process,
    or :meth:`pipe` with ``n_process`` for parallel work.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.model = load_model(self.config.model)
        self.cleaner = Cleaner(self.config.clean)
        self.segmenter = Segmenter(self.config.segment, self.model.nlp)
        self.chapter_maker = ChapterMaker(self.config.chapters)
        self.summarizer = Summarizer(self.config.summary)
        self.keyword_extractor = KeywordExtractor(self.config.keywords)
        self.sentiment_analyzer = SentimentAnalyzer(self.config.sentiment)
        self.title_maker = TitleMaker(self.config.title)
        self.quiz_maker = QuizMaker(self.config.quiz)
        #: called with each stage's name as it starts, then with "done", for transcripts
        #: of at least PROGRESS_CHARS characters (the CLI shows it on a terminal); None: silent
        self.progress: Callable[[str], None] | None = None
        #: wall-clock seconds per stage of the last analysis (for benchmarks and manifests)
        self.last_stage_seconds: dict[str, float] = {}
        #: CPU seconds of this process per stage of the last analysis (steadier on a busy machine)
        self.last_stage_cpu_seconds: dict[str, float] = {}

    # ---- entry points -----------------------------------------------------------------

    def __call__(self, text: str, *, format: str | None = None, name: str = "<string>") -> Result:
        """Analyse transcript text (plain text with optional speaker labels, or caption
        content when ``format`` is ``"srt"``, ``"vtt"`` or ``"json"`` or can be sniffed)."""
        transcript = read_text(text, name=name, format=format, config=self.config.input)
        return self.analyze_transcript(transcript)

    def analyze_file(self, path: str | Path) -> Result:
        """Analyse a file (.txt, .srt, .vtt, .json); the format comes from the extension."""
        transcript = read_path(path, config=self.config.input)
        return self.analyze_transcript(transcript)

    def analyze_bytes(self, data: bytes, *, name: str = "<stdin>", format: str | None = None) -> Result:
        """Analyse raw bytes (standard input, an upload); the encoding is detected."""
        transcript = read_bytes(data, name=name, format=format, config=self.config.input)
        return self.analyze_transcript(transcript)

    def analyze_stream(self, stream: IO[bytes], *, name: str = "<stdin>", format: str | None = None) -> Result:
        """Analyse a binary stream (standard input), reading no more than
        ``input.max_chars`` allows (an endless stream stops with "too large")."""
        transcript = read_stream(stream, name=name, format=format, config=self.config.input)
        return self.analyze_transcript(transcript)

    def pipe(self, texts: Iterable[str], *, n_process: int = 1, chunksize: int = 4) -> Iterator[Result]:
        """Analyse many texts, yielding results in input order. ``n_process > 1`` uses that
        many worker processes, each building its own Pipeline once; the results are the same
        as with ``n_process=1``. An input that fails raises its error when it is reached.

        Memory stays bounded: ``texts`` is read lazily, at most ``2 * n_process`` chunks of
        ``chunksize`` texts are in flight. (For corpora on disk, resumable output and an
        error log instead of exceptions, use ``transcript-pipeline batch``.)"""
        if n_process <= 1:
            for text in texts:
                yield self(text)
            return
        import multiprocessing
        from collections import deque
        from concurrent.futures.process import BrokenProcessPool
        from itertools import islice

        _refuse_in_a_worker_importing_the_script()
        source = iter(texts)
        context = multiprocessing.get_context("spawn")  # clean workers, the same on every OS
        with ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_init_worker, initargs=(self.config,)) as pool:
            pending: deque = deque()
            while True:
                while len(pending) < 2 * n_process:
                    chunk = list(islice(source, max(1, chunksize)))
                    if not chunk:
                        break
                    pending.append(pool.submit(_work_chunk, chunk))
                if not pending:
                    return
                try:
                    chunk_results = pending.popleft().result()
                except BrokenProcessPool:
                    raise PipelineError(MAIN_GUARD_HINT) from None
                for ok, value in chunk_results:
                    if not ok:
                        for future in pending:
                            future.cancel()
                        raise value
                    yield value

    # ---- the stages -------------------------------------------------------------------

    def analyze_transcript(self, transcript: Transcript) -> Result:
        """Run every stage after ingest on an already-read transcript; ``meta.input_sha256``
        is the hash ingest took of the raw input (the file is read once)."""
        clock = _StageClock(self.progress if sum(len(s.text) for s in transcript.segments) >= PROGRESS_CHARS else None)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PipelineWarning)
            with clock("clean"):
                cleaned = self.cleaner(transcript)
            with clock("segment"):
                document = self.segmenter(cleaned)
            if not document.sentences:
                raise InputError("no speech text left after removing caption tags, fillers and boilerplate")
            with clock("chapters"):
                chapters = self.chapter_maker(document)
            with clock("summary"):
                summary = self.summarizer(document, chapters)  # the points spread over the chapters
            with clock("keywords"):
                keywords = self.keyword_extractor(document)
            with clock("sentiment"):
                sentiment = self.sentiment_analyzer(document)
            with clock("parse"):
                # one parse call for every sentence the title and the quiz need (the only
                # stages that read dependencies, entities and noun chunks)
                wanted = {*self.title_maker.wanted(document, summary, keywords), *self.quiz_maker.wanted(document, summary, keywords)}
                document = self.segmenter.parse(document, sorted(wanted))
            with clock("title"):
                title = self.title_maker(document, summary, keywords)
            with clock("quiz"):
                quiz = self.quiz_maker(document, summary, keywords)
        self.last_stage_seconds = clock.seconds
        self.last_stage_cpu_seconds = clock.cpu_seconds
        if clock.progress is not None:
            clock.progress("done")
        messages = [*cleaned.warnings, *document.warnings]
        messages += [str(w.message) for w in caught if issubclass(w.category, PipelineWarning)]
        return Result(
            title=title,
            summary=summary,
            keywords=keywords,
            sentiment=sentiment,
            quiz=quiz,
            chapters=chapters,
            sentences=_sentences_out(document),
            meta=Meta(
                package_version=__version__,
                model=self.model.name,
                config_fingerprint=self.config.fingerprint(),
                input_sha256=transcript.input_sha256,
                warnings=tuple(dict.fromkeys(messages)),  # de-duplicated, first-seen order
                input_format=transcript.format,
                source=transcript.source,
            ),
            text=document.text,
        )


#: Transcripts at least this long (characters) report each stage to ``Pipeline.progress``:
#: they take several seconds (about 5 s of CPU per 125,000 characters).
PROGRESS_CHARS = 100_000


class _StageClock:
    """Accumulates wall-clock seconds and CPU seconds (this process) per stage name; tells
    ``progress`` (when given) the name of each stage as it starts."""

    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self.progress = progress

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.progress is not None:
            self.progress(stage)
        began, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - began
            self.cpu_seconds[stage] = self.cpu_seconds.get(stage, 0.0) + time.process_time() - cpu


def _sentences_out(document: Document) -> tuple[SentenceOut, ...]:
    return tuple(
        SentenceOut(text=s.text, start_char=s.start_char, end_char=s.end_char, start=s.start, end=s.end, speaker=s.speaker)
        for s in document.sentences
    )


# ---- worker processes for Pipeline.pipe ---------------------------------------------------

_worker: Pipeline | None = None


#: Why worker processes of ``pipe(n_process > 1)`` can fail to start, and the fix.
MAIN_GUARD_HINT = (
    "the worker processes of Pipeline.pipe(n_process > 1) stopped before analysing anything. "
    "Each worker is a fresh Python that imports your script again ('spawn'): a script that "
    "calls pipe() at its top level must put that code under `if __name__ == \"__main__\":` "
    "(see the README's Python API section). Otherwise a worker ran out of memory or crashed; "
    "n_process=1 runs in this process"
)


def _refuse_in_a_worker_importing_the_script() -> None:
    """In a spawned worker that is importing the user's script, a
    top-level ``pipe(n_process > 1)`` would start workers of its own, which Python refuses
    with a long traceback per worker: say it in one line and leave; the parent then raises
    a PipelineError with :data:`MAIN_GUARD_HINT`."""
    import multiprocessing

    # ``_inheriting`` is the flag multiprocessing itself checks for this case
    # (spawn._check_not_importing_main); it is set only while a worker imports the script
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        sys.stderr.write("transcript-pipeline: a pipe() worker is importing your script: put the pipe(n_process > 1) call under `if __name__ == \"__main__\":`\n")
        sys.stderr.flush()
        raise SystemExit(1)


def _init_worker(config: Config) -> None:
    global _worker  # one Pipeline per worker process, built once
    from .batch.worker import single_threaded_math

    single_threaded_math()  # the parallelism is the processes; no BLAS thread contention
    _worker = Pipeline(config)


def _work_chunk(texts: list[str]) -> list[tuple[bool, object]]:
    """Analyse a chunk; each text's Result, or the exception it raised (re-raised in
    the parent when that text's turn comes, so earlier results are not lost)."""
    assert _worker is not None
    out: list[tuple[bool, object]] = []
    for text in texts:
        try:
            out.append((True, _worker(text)))
        except Exception as exc:  # noqa: BLE001 - handed to the caller in order
            out.append((False, exc))
    return out
