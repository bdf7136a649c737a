"""Every canned query runs on the built sample corpus, from the store the build wrote."""
from __future__ import annotations

import pytest

from graphkit.query import catalogue, format_result, run
from graphkit.store import open_graph


@pytest.fixture(scope="module")
def sample_graph(sample_build):
    out, _ = sample_build
    assert (out / "store" / "CURRENT").exists(), "the build must write the query store"
    return open_graph(out)


@pytest.mark.parametrize("q", catalogue(), ids=lambda q: q.name)
def test_every_query_runs_on_the_sample(sample_graph, q):
    # the examples in each header must resolve on the sample: they are what --list shows users
    res = run(sample_graph, q.name, {p.name: p.example for p in q.params}, timeout=30)
    for fmt in ("table", "csv", "tsv", "json"):
        assert format_result(res, fmt)


def test_store_matches_turtle(sample_build):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from graphkit.query import _plain

    out, result = sample_build
    # Oxigraph spells xsd:string on plain literals; RDF 1.1 says they are the same term
    g = Graph()
    for s, p, o in open_graph(out):
        g.add((s, p, _plain(o)))
    assert isomorphic(g, result.graph)
