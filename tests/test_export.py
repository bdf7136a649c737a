"""Exports are read back by independent parsers: pyoxigraph for RDF, networkx for GraphML/GEXF."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from graphkit.cli import cli
from graphkit.export import ENTITIES_GRAPH, FORMATS, export

from test_query import FIXTURE, ID


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(data=FIXTURE, format="turtle")


def _ox_triples(data: bytes, fmt) -> set:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(data, format=fmt)}


def test_rdf_exports_round_trip_through_oxigraph(g):
    want = _ox_triples(g.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    for fmt, oxfmt in (("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG),
                       ("nquads", ox.RdfFormat.N_QUADS), ("jsonld", ox.RdfFormat.JSON_LD)):
        assert _ox_triples(export(g, fmt), oxfmt) == want, fmt


def test_trig_has_a_named_graph_per_document(g):
    quads = list(ox.parse(export(g, "trig"), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {ID + "doc1", ID + "doc2", ID + "doc3", str(ENTITIES_GRAPH)}
    in_doc2 = {q.subject.value for q in quads if q.graph_name.value == ID + "doc2"}
    assert {ID + "doc2", ID + "ev3", ID + "q1", ID + "role1"} == in_doc2
    assert len(quads) == len(g)  # each triple in exactly one graph


def test_jsonld_context_is_compact(g):
    ctx = json.loads(export(g, "jsonld"))["@context"]
    assert set(ctx) <= {"schema", "prov", "skos", "xsd", "gk", "gkid"}


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_read_back(g, fmt, reader):
    G = reader(io.BytesIO(export(g, fmt)))
    assert G.number_of_nodes() >= 14
    peskov = G.nodes[ID + "peskov"]
    assert peskov["label"] == "Dmitry Peskov" and peskov["roles"] == "press secretary; spokesman"
    assert ("Dmitry Peskov" in [G.nodes[n]["label"] for n in G[ID + "putin"]])


def test_csv_edges(g):
    rows = list(csv.DictReader(io.StringIO(export(g, "csv").decode())))
    met = {(r["source_label"], r["target_label"]) for r in rows if r["relation"] == "met"}
    assert ("Sergei Lavrov", "Antony Blinken") in met or ("Antony Blinken", "Sergei Lavrov") in met


def test_exports_are_deterministic(g):
    for fmt in FORMATS:
        assert export(g, fmt) == export(Graph().parse(data=FIXTURE, format="turtle"), fmt), fmt


def test_cli_export_to_file(tmp_path, g):
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    out = tmp_path / "x.nq"
    r = CliRunner().invoke(cli, ["export", "--graph", str(tmp_path), "--format", "nquads", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))) == len(g)
