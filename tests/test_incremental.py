"""Incremental builds: only new or changed documents are parsed, resolution re-runs on all records."""
from __future__ import annotations

import json
import shutil

import pytest
from rdflib.compare import isomorphic

from graphkit.config import BuildOptions
from graphkit.pipeline import run_build
from graphkit.rdf.build import doc_iri

OPTS = BuildOptions(html=False, jsonld=False)
CHANGED = "2022-01-10-geneva-strategic-stability.txt"
REMOVED = "2022-02-07-macron-moscow.md"


@pytest.fixture()
def corpus(tmp_path, sample_dir):
    src = tmp_path / "corpus"
    shutil.copytree(sample_dir, src)
    return src


def _cache_files(out):
    return sorted((out / ".cache" / "records").glob("*.json"))


def _parsed(out) -> int:
    return json.loads((out / "manifest.json").read_text())["stats"]["documents_parsed"]


def test_rebuild_parses_only_changes_and_matches_a_clean_build(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = run_build([corpus], out, OPTS)
    n = len(first.records)
    assert first.stats["documents_parsed"] == n and first.stats["documents_cached"] == 0
    assert len(_cache_files(out)) == n

    again = run_build([corpus], out, OPTS)
    assert again.stats["documents_parsed"] == 0 and again.stats["documents_cached"] == n
    assert isomorphic(first.graph, again.graph)

    # change one document: only it is parsed; cross-document resolution still sees every record
    f = corpus / CHANGED
    f.write_text(f.read_text() + "\nGerman Chancellor Olaf Scholz met Emmanuel Macron in Berlin on Friday.\n")
    seen: list[str] = []
    import graphkit.pipeline as pl

    real = pl.parse_records
    monkeypatch.setattr(pl, "parse_records", lambda docs, o, **kw: real((seen.append(d.id) or d for d in docs), o, **kw))
    changed = run_build([corpus], out, OPTS)
    assert seen == [CHANGED]
    assert changed.stats["documents_parsed"] == 1 and _parsed(out) == 1
    assert len(changed.records) == n
    assert "Olaf Scholz" in (out / "graph.ttl").read_text()
    clean = run_build([corpus], tmp_path / "clean", BuildOptions(cache=False, html=False, jsonld=False))
    assert isomorphic(changed.graph, clean.graph)
    assert len(_cache_files(out)) == n  # the stale entry of the old version is gone


def test_removed_documents_disappear(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_build([corpus], out, OPTS)
    gone = next(r for r in first.records if r.doc_id == REMOVED)
    assert (doc_iri(gone.doc_id), None, None) in first.graph
    (corpus / REMOVED).unlink()
    after = run_build([corpus], out, OPTS)
    assert after.stats["documents_parsed"] == 0
    assert len(after.records) == len(first.records) - 1
    assert (doc_iri(gone.doc_id), None, None) not in after.graph
    assert (None, None, doc_iri(gone.doc_id)) not in after.graph
    assert len(_cache_files(out)) == len(after.records)
    clean = run_build([corpus], tmp_path / "clean", BuildOptions(cache=False, html=False, jsonld=False))
    assert isomorphic(after.graph, clean.graph)


def test_new_document_is_the_only_one_parsed(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_build([corpus], out, OPTS)
    (corpus / "2022-03-01-new.txt").write_text(
        "March 1, 2022\n\nPresident Joe Biden met Chancellor Olaf Scholz at the White House on Tuesday.\n")
    after = run_build([corpus], out, OPTS)
    assert after.stats["documents_parsed"] == 1
    assert len(after.records) == len(first.records) + 1


def test_corrupt_cache_entry_is_reparsed(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_build([corpus], out, OPTS)
    _cache_files(out)[0].write_text('{"doc_id": ')  # a torn write
    again = run_build([corpus], out, OPTS)
    assert again.stats["documents_parsed"] == 1
    assert isomorphic(first.graph, again.graph)
