"""Builds are deterministic and idempotent; editing one document changes only what it says."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graphkit.config import BuildOptions
from graphkit.pipeline import run_build
from graphkit.rdf.build import doc_iri
from graphkit.rdf.vocab import GK, PROV, SDO

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"
EDITED = "2022-01-10-geneva-strategic-stability.txt"


def assert_isomorphic(a: Graph, b: Graph) -> None:
    if isomorphic(a, b):
        return
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    lines = [f"- {t}" for t in sorted(only_a)[:40]] + [f"+ {t}" for t in sorted(only_b)[:40]]
    pytest.fail(f"graphs differ ({len(only_a)} only in first, {len(only_b)} only in second):\n" + "\n".join(lines))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("det") / "in"
    shutil.copytree(SAMPLE, d)
    return d


def _graph(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl")


def test_two_fresh_builds_are_isomorphic(corpus, tmp_path):
    run_build([corpus], tmp_path / "a", BuildOptions(cache=False, html=False))
    run_build([corpus], tmp_path / "b", BuildOptions(cache=False, html=False))
    assert_isomorphic(_graph(tmp_path / "a"), _graph(tmp_path / "b"))


def test_rebuild_from_cache_is_isomorphic(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_build([corpus], out, BuildOptions(html=False))
    g1 = _graph(out)
    second = run_build([corpus], out, BuildOptions(html=False))
    assert second.stats["documents_parsed"] == 0 and second.stats["documents_cached"] == first.stats["documents"]
    assert_isomorphic(g1, _graph(out))


def _about(g: Graph, d: URIRef) -> set:
    """Triples of a document and of the statements drawn from it alone (roles, quotes).

    gk:sortKey is left out: it is a derived position in the whole corpus's reading order (a
    new event anywhere moves every later key), not something a document says."""
    triples = set(g.triples((d, None, None)))
    for s in set(g.subjects(PROV.wasDerivedFrom, d)):
        if len(set(g.objects(s, PROV.wasDerivedFrom))) == 1:  # events may come from several documents
            triples |= set(g.triples((s, None, None)))
    return {t for t in triples if t[1] != GK.sortKey}


def test_editing_one_document_changes_only_what_it_says(corpus, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(corpus, src)
    out = tmp_path / "out"
    before = run_build([src], out, BuildOptions(html=False))
    g1 = _graph(out)
    f = src / EDITED
    f.write_text(f.read_text(encoding="utf-8") + "\nGerman Chancellor Olaf Scholz said he welcomed the talks.\n",
                 encoding="utf-8")
    after = run_build([src], out, BuildOptions(html=False))
    g2 = _graph(out)
    assert after.stats["documents_parsed"] == 1, after.stats  # the others come from the cache
    doc_ids = [r.doc_id for r in before.records]
    edited = [i for i in doc_ids if i == EDITED]
    assert edited, doc_ids
    assert _about(g1, doc_iri(EDITED)) != _about(g2, doc_iri(EDITED))
    for doc_id in doc_ids:
        if doc_id == EDITED:
            continue
        a, b = _about(g1, doc_iri(doc_id)), _about(g2, doc_iri(doc_id))
        # gk:sourcePath etc. are per document; nothing about an untouched document may move
        assert a == b, (doc_id, sorted(a - b)[:10], sorted(b - a)[:10])
    assert "Olaf Scholz" in {str(o) for o in g2.objects(None, SDO.name)}
