"""Wires the stages: read → cache → NLP+extract (streamed, in batches) → resolve → RDF → outputs."""
from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol, Sequence

from rdflib import Graph

from . import __version__
from .config import EXTRACTOR_VERSION, BuildOptions
from .errors import InputError, LockedError
from .read import Problem, clean_document, read_documents
from .records import DocRecord, Document

__all__ = ["BuildResult", "DocFailure", "Progress", "run_build", "parse_records", "parse_batch", "task_batches",
           "cache_key", "source_path"]

#: a worker task stops growing at this many characters (~8k words, a few seconds of parsing):
#: small enough that workers finish together, big enough that task overhead is negligible
TASK_CHARS = 50_000


class Progress(Protocol):
    def __call__(self, docs_done: int, docs_total: int | None, words_done: int,
                 words_total: int | None) -> None: ...


@dataclass
class BuildResult:
    graph: Graph
    records: list[DocRecord]
    problems: list[Problem] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]


@dataclass(frozen=True)
class DocFailure:
    """A document whose extraction raised: travels back from workers like a record does."""

    doc_id: str
    path: str
    message: str


def cache_key(doc: Document, model: str) -> str:
    import hashlib

    h = hashlib.sha256()
    for part in (doc.id, doc.text, doc.title, doc.published or "", doc.url or "", model, EXTRACTOR_VERSION):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def parse_records(docs: Iterable[Document], options: BuildOptions,
                  on_record: Callable[[DocRecord], None] | None = None,
                  on_error: Callable[[DocFailure], None] | None = None) -> Iterator[DocRecord | None]:
    """Stream Documents through spaCy and extraction; yield one DocRecord per document, in input
    order. ``docs`` is consumed lazily, so memory is bounded by the batches in flight.

    With ``jobs > 1``: ``parallel="workers"`` runs parse+extract per batch in a process pool,
    ``parallel="spacy"`` uses spaCy's ``n_process`` (extraction then stays in this process).
    With ``on_error``, a document whose extraction raises is passed to it as a DocFailure and
    yields None in its place (one odd document cannot end a build); without it, it raises."""
    if options.jobs > 1 and options.parallel == "workers":
        stream = _parse_in_workers(docs, options)
    else:
        stream = _parse_here(docs, options)
    for rec in settle(stream, on_error):
        if rec is not None and on_record:
            on_record(rec)
        yield rec


def settle(stream: Iterable[DocRecord | DocFailure],
           on_error: Callable[[DocFailure], None] | None) -> Iterator[DocRecord | None]:
    """Records pass; failures go to ``on_error`` (None takes their place) or raise."""
    from .errors import GraphkitError

    for item in stream:
        if isinstance(item, DocFailure):
            if on_error is None:
                raise GraphkitError(f"{item.path}: extraction failed ({item.message})")
            on_error(item)
            yield None
        else:
            yield item


def parse_batch(docs: Sequence[Document], options: BuildOptions) -> list[DocRecord | DocFailure]:
    """Parse and extract one batch in this process (the unit of work of pool and Dask workers)."""
    return list(_parse_here(docs, replace(options, jobs=1, dask=None)))


def task_batches(docs: Iterable[Document], options: BuildOptions) -> Iterator[list[Document]]:
    """Group documents into worker tasks: at most ``batch_size`` documents or about
    ``TASK_CHARS`` characters, so that long transcripts do not leave one worker busy at the end."""
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        batch.append(doc)
        chars += len(doc.text)
        if len(batch) >= options.batch_size or chars >= TASK_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _parse_here(docs: Iterable[Document], options: BuildOptions) -> Iterator[DocRecord | DocFailure]:
    from .extract import extract_document
    from .nlp import chunk_text, load_nlp

    nlp = load_nlp(options.model, tuple(options.exclude))
    pending: dict[int, tuple[Document, list]] = {}
    counts: dict[int, int] = {}

    def tuples() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for n, doc in enumerate(docs):
            doc = clean_document(doc)  # the reader did this already; API callers may not have
            pieces = list(chunk_text(doc.text))
            pending[n] = (doc, [])
            counts[n] = len(pieces)
            for k, (off, piece) in enumerate(pieces):
                yield piece, (n, k, off)

    kwargs = {"batch_size": options.batch_size, "as_tuples": True}
    if options.jobs > 1:
        kwargs["n_process"] = options.jobs
    for sdoc, (n, k, off) in nlp.pipe(tuples(), **kwargs):
        doc, parts = pending[n]
        parts.append((off, sdoc))
        if len(parts) == counts[n]:
            del pending[n], counts[n]
            try:
                yield extract_document(doc, parts)
            except Exception as exc:  # noqa: BLE001 - reported per document by the caller
                yield DocFailure(doc.id, doc.path or doc.id, f"{exc.__class__.__name__}: {str(exc)[:100]}")


def _parse_in_workers(docs: Iterable[Document], options: BuildOptions) -> Iterator[DocRecord | DocFailure]:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once and share the already imported modules copy-on-write
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(options.jobs, mp_context=ctx)
    inflight: deque = deque()
    try:
        for batch in task_batches(docs, options):
            inflight.append(pool.submit(parse_batch, batch, options))
            while len(inflight) > 2 * options.jobs:  # two tasks a worker keeps them busy, memory bounded
                yield from inflight.popleft().result()
        while inflight:
            yield from inflight.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _lock(out: Path):
    from filelock import FileLock, Timeout

    lock = FileLock(str(out / ".graphkit.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise LockedError(f"{out}: another graphkit build is writing to this folder; wait for it or use another -o") from exc
    return lock


def run_build(paths: Sequence[str | os.PathLike], out_dir: str | os.PathLike | None = None,
              options: BuildOptions | None = None, report: Callable[[Problem], None] | None = None,
              progress: Progress | None = None) -> BuildResult:
    """Build the graph of ``paths``; write outputs into ``out_dir`` when given.

    Documents stream from disk through the cache check to the parser; only cache misses are
    parsed, and cross-document resolution always runs on all records (cached and new).
    ``progress(docs_done, docs_total, words_done, words_total)`` is called per parsed document;
    when it is given, a quick first pass over the inputs counts the work to do."""
    from .rdf.build import build_graph
    from .resolve import load_overrides, resolve

    options = options or BuildOptions()
    t0 = time.perf_counter()
    problems: list[Problem] = []

    def on_problem(p: Problem) -> None:
        problems.append(p)
        if report:
            report(p)

    out = Path(out_dir) if out_dir is not None else None
    lock = None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        lock = _lock(out)
        from .rdf.io import remove_stale_temps

        remove_stale_temps(out)  # left by a build that was killed mid-write
    try:
        overrides = load_overrides(options.overrides)
        cache_dir = out / ".cache" / "records" if (out is not None and options.cache) else None
        total = _plan(paths, cache_dir, options.model) if progress else (None, None)
        slots: list[DocRecord | None] = []   # records in input order; cache hits filled at once
        keys: list[str] = []
        sources: list[str] = []              # gk:sourcePath of each slot, from this build's inputs
        todo: deque[tuple[int, str, int]] = deque()  # (slot, cache key, words) sent to the parser

        def misses() -> Iterator[Document]:
            for doc in read_documents(paths, on_problem):
                key = cache_key(doc, options.model)
                cached = _cache_get(cache_dir, key) if cache_dir else None
                keys.append(key)
                sources.append(source_path(doc, paths))
                slots.append(cached)
                if cached is None:
                    todo.append((len(slots) - 1, key, _words(doc.text)))
                    yield doc

        def failed(f: DocFailure) -> None:
            on_problem(Problem(f.path, f"extraction failed ({f.message}), skipped"))

        if options.dask:
            from .distributed import parse_on_dask

            stream = settle(parse_on_dask(misses(), options), failed)
        else:
            stream = parse_records(misses(), options, on_error=failed)
        parsed = parsed_words = est_words = 0
        if progress:
            progress(0, total[0], 0, total[1])
        for rec in stream:  # records come back in submission order, so todo's head is theirs
            slot, key, est = todo.popleft()
            if rec is None:
                continue
            slots[slot] = rec
            parsed += 1
            parsed_words += rec.words
            est_words += est
            if cache_dir:
                _cache_put(cache_dir, key, rec)
            if progress:
                progress(parsed, total[0], est_words, total[1])
        t_nlp = time.perf_counter()
        # a cached record keeps the path of the build that parsed it: the path is this build's
        recs = [replace(r, path=sources[i]) for i, r in enumerate(slots) if r is not None]
        if not recs:  # raise before writing: an empty graph must not replace a good one
            raise InputError("nothing usable in the input: no document could be read; earlier outputs are unchanged")
        res = resolve(recs, overrides)
        for name in overrides.unmatched(res.entities):
            on_problem(Problem(str(options.overrides), f"override names nobody in the input: {name!r}; "
                               "check its spelling against merges.json", skipped=False))
        t_res = time.perf_counter()
        graph = build_graph(recs, res)
        t_graph = time.perf_counter()
        stats = _stats(recs, res, graph, problems)
        t_nlp_s = t_nlp - t0
        stats.update({
            "documents_parsed": parsed, "documents_cached": len(recs) - parsed,
            "words_parsed": parsed_words,
            "words_per_second_parsed": round(parsed_words / t_nlp_s, 1) if parsed else None,
            "seconds": {"read_parse_extract": round(t_nlp_s, 3), "resolve": round(t_res - t_nlp, 3),
                        "rdf": round(t_graph - t_res, 3)},
        })
        result = BuildResult(graph=graph, records=recs, problems=problems, stats=stats)
        if out is not None:
            t_w = time.perf_counter()
            _write_outputs(result, res, out, options, keys, cache_dir)
            stats["seconds"]["write"] = round(time.perf_counter() - t_w, 3)
        elapsed = time.perf_counter() - t0
        stats["seconds"]["total"] = round(elapsed, 3)
        stats["words_per_second"] = round(stats["words"] / elapsed, 1) if elapsed > 0 else None
        stats["documents_per_second"] = round(len(recs) / elapsed, 2) if elapsed > 0 else None
        stats["peak_rss_mb"] = _peak_rss_mb()
        if out is not None:
            _write_manifest(out, options, stats, paths)
        return result
    finally:
        if lock is not None:
            lock.release()


def source_path(doc: Document, paths: Sequence[str | os.PathLike]) -> str:
    """Where ``doc`` is, relative to the input path the user gave: ``corpus/000_a.txt`` for a file
    in folder ``corpus``, ``feed.jsonl#id`` for a line of a JSONL file given by name.

    The same corpus anywhere on any machine gives the same graph, and the graph does not tell
    where its author keeps their files. ``doc.id`` is already relative to the input path.
    """
    where = os.path.normpath(doc.path)
    for raw in paths:
        root = os.path.normpath(os.fspath(raw))
        if os.path.isdir(root):
            inside = (root == "." and not os.path.isabs(where) and not where.startswith("..")) or \
                where.startswith(root.rstrip(os.sep) + os.sep)
            if inside:
                name = Path(root).resolve().name
                return f"{name}/{doc.id}" if name else doc.id
        elif where == root or where.startswith(root + "#"):
            return doc.id
    return doc.id


def _words(text: str) -> int:
    return len(text.split())


def _plan(paths, cache_dir: Path | None, model: str) -> tuple[int, int]:
    """Documents and words still to parse (cache misses): the progress bar's totals."""
    docs = words = 0
    for doc in read_documents(paths):
        if cache_dir is None or not (cache_dir / f"{cache_key(doc, model)}.json").exists():
            docs += 1
            words += _words(doc.text)
    return docs, words


def _peak_rss_mb() -> dict[str, float]:
    import resource

    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    return {"self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale, 1),
            "largest_child": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale, 1)}


def _stats(recs, res, graph, problems) -> dict:
    types = Counter(e.type for e in res.entities if e.members)
    return {
        "documents": len(recs),
        "words": sum(r.words for r in recs),
        "entities": dict(sorted(types.items())),
        "events": len(res.events),
        "quotes": sum(len(r.quotes) for r in recs),
        "roles": sum(len(r.roles) for r in recs),
        "triples": len(graph),
        "skipped_inputs": sum(1 for p in problems if p.skipped),
        "merges": len(res.log),
    }


def _write_outputs(result: BuildResult, res, out: Path, options: BuildOptions, keys, cache_dir) -> None:
    from .rdf.io import atomic_write, write_graph

    result.outputs["turtle"] = str(write_graph(result.graph, out / "graph.ttl"))
    from .store import write_store  # the query store: `graphkit query` opens it instead of re-parsing

    result.outputs["store"] = str(write_store(result.graph, out))
    if options.jsonld:
        result.outputs["jsonld"] = str(write_graph(result.graph, out / "graph.jsonld"))
    atomic_write(out / "merges.json", json.dumps(res.log, indent=1, ensure_ascii=False, sort_keys=True))
    result.outputs["merges"] = str(out / "merges.json")
    if options.html:
        from .page import render

        result.outputs["html"] = str(render(result.graph, out / "graph.html"))
    if cache_dir is not None:  # forget records of documents that are gone from the input
        keep = set(keys)
        for f in cache_dir.glob("*.json"):
            if f.stem not in keep:
                f.unlink(missing_ok=True)


def _write_manifest(out: Path, options: BuildOptions, stats: dict, paths) -> None:
    from .nlp import load_nlp
    from .rdf.io import atomic_write

    try:
        nlp = load_nlp(options.model, tuple(options.exclude))
        model = {"name": options.model, "version": nlp.meta.get("version"), "spacy": nlp.meta.get("spacy_version"),
                 "pipes": nlp.pipe_names}
    except Exception:  # noqa: BLE001 - a manifest never fails a build
        model = {"name": options.model}
    manifest = {
        "graphkit": __version__,
        "python": sys.version.split()[0],
        "model": model,
        "inputs": [str(p) for p in paths],
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(options).items()},
        "stats": stats,
    }
    atomic_write(out / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True, default=str))


def _cache_get(cache_dir: Path, key: str) -> DocRecord | None:
    f = cache_dir / f"{key}.json"
    try:
        return DocRecord.from_dict(json.loads(f.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _cache_put(cache_dir: Path, key: str, rec: DocRecord) -> None:
    # rename without fsync: a torn entry after a crash fails to parse and is simply re-parsed,
    # and one fsync per document would cost more than parsing short documents
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{key}.json"
    tmp = cache_dir / f".{key}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(rec.to_dict(), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)
