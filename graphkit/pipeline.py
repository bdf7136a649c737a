"""Wires the stages: read → NLP → extract → resolve → RDF → outputs. No logic of its own."""
from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from rdflib import Graph

from . import __version__
from .config import EXTRACTOR_VERSION, BuildOptions
from .errors import InputError, LockedError
from .read import Problem, clean_document, read_documents
from .records import DocRecord, Document

__all__ = ["BuildResult", "run_build", "parse_records", "cache_key"]


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


def cache_key(doc: Document, model: str) -> str:
    import hashlib

    h = hashlib.sha256()
    for part in (doc.id, doc.text, doc.title, doc.published or "", doc.url or "", model, EXTRACTOR_VERSION):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def parse_records(docs: Iterable[Document], options: BuildOptions,
                  on_record: Callable[[DocRecord], None] | None = None,
                  on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[DocRecord | None]:
    """Stream Documents through spaCy in batches and yield one DocRecord per document, in order.

    With ``on_error``, a document whose extraction raises is passed to it and yields None in its
    place (so one odd document cannot end a build); without it the exception propagates."""
    from .extract import extract_document
    from .nlp import chunk_text, load_nlp

    nlp = load_nlp(options.model)
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
            del pending[n]
            try:
                rec = extract_document(doc, parts)
            except Exception as exc:  # noqa: BLE001 - reported per document by the caller
                if on_error is None:
                    raise
                on_error(doc, exc)
                yield None
                continue
            if on_record:
                on_record(rec)
            yield rec


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
              progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the graph of ``paths``; write outputs into ``out_dir`` when given."""
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
        docs = list(read_documents(paths, on_problem))
        if not docs:  # raise before writing: an empty graph must not replace a good one
            raise InputError("nothing usable in the input: no document could be read; earlier outputs are unchanged")
        t_read = time.perf_counter()
        records: list[DocRecord | None] = [None] * len(docs)
        todo: list[tuple[int, Document]] = []
        keys = [cache_key(d, options.model) for d in docs]
        for i, d in enumerate(docs):
            cached = _cache_get(cache_dir, keys[i]) if cache_dir else None
            if cached is not None:
                records[i] = cached
            else:
                todo.append((i, d))
        parsed_words = 0
        if todo:
            done = 0
            if options.dask:
                from .distributed import parse_on_dask

                stream = parse_on_dask([d for _, d in todo], options)
            else:
                stream = parse_records((d for _, d in todo), options, on_error=lambda d, exc: on_problem(
                    Problem(d.path or d.id, f"extraction failed ({exc.__class__.__name__}: {str(exc)[:100]}), skipped")))
            for (i, _), rec in zip(todo, stream):
                if rec is None:
                    continue
                records[i] = rec
                parsed_words += rec.words
                if cache_dir:
                    _cache_put(cache_dir, keys[i], rec)
                done += 1
                if progress:
                    progress(done, len(todo))
        t_nlp = time.perf_counter()
        recs = [r for r in records if r is not None]
        res = resolve(recs, overrides)
        graph = build_graph(recs, res)
        t_graph = time.perf_counter()
        stats = _stats(recs, res, graph, problems)
        stats.update({
            "documents_parsed": len(todo), "documents_cached": len(docs) - len(todo),
            "words_parsed": parsed_words,
            "seconds": {"read": round(t_read - t0, 3), "nlp_extract": round(t_nlp - t_read, 3),
                        "resolve_rdf": round(t_graph - t_nlp, 3)},
        })
        result = BuildResult(graph=graph, records=recs, problems=problems, stats=stats)
        if out is not None:
            _write_outputs(result, res, out, options, keys, cache_dir)
        stats["seconds"]["total"] = round(time.perf_counter() - t0, 3)
        if out is not None:
            _write_manifest(out, options, stats, paths)
        return result
    finally:
        if lock is not None:
            lock.release()


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
        nlp = load_nlp(options.model)
        model = {"name": options.model, "version": nlp.meta.get("version"), "pipes": nlp.pipe_names}
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
    from .rdf.io import atomic_write

    cache_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(cache_dir / f"{key}.json", json.dumps(rec.to_dict(), ensure_ascii=False))
