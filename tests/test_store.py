"""The persisted Oxigraph store: written atomically, reopened without parsing, read-only by default."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from graphkit.errors import InputError
from graphkit.store import open_graph, oxigraph_graph, write_store

EX = "https://w3id.org/graphkit/id/"


def _graph(n: int) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"{EX}p{i}"), URIRef("https://schema.org/name"), Literal(f"Person {i}")))
    return g


def test_write_then_open(tmp_path):
    write_store(_graph(50), tmp_path)
    g = open_graph(tmp_path)
    assert len(g) == 50
    assert g.value(URIRef(EX + "p7"), URIRef("https://schema.org/name")).toPython() == "Person 7"


def test_rewrite_replaces_and_leaves_no_temp(tmp_path):
    write_store(_graph(50), tmp_path)
    write_store(_graph(3), tmp_path)
    assert len(open_graph(tmp_path)) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_readers_share_a_store_read_only(tmp_path):
    write_store(_graph(5), tmp_path)
    a, b = open_graph(tmp_path), open_graph(tmp_path)
    assert len(a) == len(b) == 5
    with pytest.raises(Exception):
        a.add((URIRef(EX + "x"), URIRef(EX + "y"), Literal("z")))


def test_falls_back_to_turtle_and_files(tmp_path):
    _graph(4).serialize(tmp_path / "graph.ttl", format="turtle")
    assert len(open_graph(tmp_path)) == 4
    _graph(2).serialize(tmp_path / "x.nt", format="nt", encoding="utf-8")
    assert len(open_graph(tmp_path / "x.nt")) == 2
    with pytest.raises(InputError, match="no built graph"):
        open_graph(tmp_path / "nowhere")
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="cannot parse"):
        open_graph(tmp_path / "bad.ttl")


def test_oxigraph_graph_keeps_the_rdflib_api():
    g = oxigraph_graph()
    g.add((URIRef(EX + "a"), URIRef(EX + "b"), Literal("c")))
    assert [str(r[0]) for r in g.query("SELECT ?o WHERE { ?s ?p ?o }")] == ["c"]
