"""Exports are read back by independent parsers: pyoxigraph and pyld for RDF, networkx for GraphML/GEXF."""
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
from graphkit.errors import UsageError
from graphkit.export import ENTITIES_GRAPH, FORMATS, date_interval, export, export_format

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


def test_jsonld_has_a_term_context(g):
    doc = json.loads(export(g, "jsonld"))
    assert doc["@context"]["attendee"] == {"@id": "schema:attendee", "@type": "@id"}
    nodes = {n["@id"]: n for n in doc["@graph"]}
    ev = nodes["gkid:ev1"]  # ids compacted, terms for keys, node-valued terms as bare ids
    assert ev["@type"] == "Event" and ev["name"] == "Stockholm meeting"
    assert sorted(ev["attendee"]) == ["gkid:blinken", "gkid:lavrov"] and ev["location"] == "gkid:stockholm"
    assert not any(k.startswith(("schema:", "http")) for n in doc["@graph"] for k in n)


def test_jsonld_round_trips_through_pyld(g):
    from pyld import jsonld
    from rdflib.compare import isomorphic, graph_diff

    nquads = jsonld.to_rdf(json.loads(export(g, "jsonld")), {"format": "application/n-quads"})
    back = Graph().parse(data=nquads, format="nt")
    want = Graph().parse(data=export(g, "turtle"), format="turtle")
    if not isomorphic(back, want):
        _, only_back, only_want = graph_diff(back, want)
        pytest.fail(f"pyld read {len(only_back)} other and missed {len(only_want)} triples: "
                    f"{sorted(only_want)[:3]}")


def test_built_jsonld_round_trips_through_pyld(sample_build):
    from pyld import jsonld
    from rdflib.compare import isomorphic

    out, result = sample_build
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert all(n["@id"].startswith("gkid:") for n in doc["@graph"])
    back = Graph().parse(data=jsonld.to_rdf(doc, {"format": "application/n-quads"}), format="nt")
    assert len(back) == len(result.graph) and isomorphic(back, result.graph)


def test_format_follows_the_extension(tmp_path, g):
    for name, parse in (("x.gexf", nx.read_gexf), ("x.graphml", nx.read_graphml)):
        export(g, output=tmp_path / name)
        assert parse(tmp_path / name).number_of_nodes() >= 14, name
    export(g, output=tmp_path / "x.nt")
    assert len(list(ox.parse(path=str(tmp_path / "x.nt"), format=ox.RdfFormat.N_TRIPLES))) == len(g)
    assert export_format(None, "people-nodes.csv") == "nodes-csv" and export_format(None, "edges.csv") == "csv"


@pytest.mark.parametrize("name,want", [("ttl", "turtle"), ("TTL", "turtle"), ("nt", "ntriples"), ("GEXF", "gexf"),
                                       ("Nq", "nquads"), ("json-ld", "jsonld")])
def test_format_names_any_case_and_short(name, want):
    assert export_format(name) == want


def test_a_format_that_contradicts_the_extension_is_refused(tmp_path, g):
    with pytest.raises(UsageError, match="extension says gexf"):
        export(g, "turtle", tmp_path / "x.gexf")
    assert not (tmp_path / "x.gexf").exists()
    with pytest.raises(UsageError, match="did you mean 'ttl'"):
        export_format("tll")
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    r = CliRunner().invoke(cli, ["export", "--graph", str(tmp_path), "--format", "ttl", "-o", str(tmp_path / "y.gexf")])
    assert r.exit_code == 2 and "extension says gexf" in r.output


def _gexf(data: bytes):
    return nx.read_gexf(io.BytesIO(data))


def test_gexf_nodes_have_colour_size_and_position(g):
    G = _gexf(export(g, "gexf"))
    assert G.number_of_nodes() >= 14
    for n, d in G.nodes(data=True):
        assert {"color", "size", "position"} <= set(d.get("viz", {})), n
    colours = {d["type"]: (d["viz"]["color"]["r"], d["viz"]["color"]["g"], d["viz"]["color"]["b"])
               for _, d in G.nodes(data=True)}
    assert len(set(colours.values())) == len(colours) >= 4  # one colour per node type
    assert len({(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in G.nodes(data=True)}) == len(G)


def test_gexf_edges_are_directed_typed_and_keep_every_relation(g):
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF

    from graphkit.rdf.vocab import GK, PROV, SDO

    h = Graph().parse(data=FIXTURE, format="turtle")
    r2 = URIRef(ID + "role2")  # a second role between the same two nodes: its own edge, not a label
    for t in ((r2, RDF.type, GK.RoleStatement), (r2, GK.holder, URIRef(ID + "peskov")),
              (r2, SDO.roleName, Literal("press secretary")), (r2, GK.organization, URIRef(ID + "kremlin")),
              (r2, PROV.wasDerivedFrom, URIRef(ID + "doc2"))):
        h.add(t)
    G = _gexf(export(h, "gexf"))
    assert G.is_directed()
    between = [d for a, b, d in G.edges(data=True) if (a, b) == (ID + "peskov", ID + "kremlin")]
    if G.is_multigraph():
        between = [d for _, b, d in G.out_edges(ID + "peskov", data=True) if b == ID + "kremlin"]
    assert sorted(d["label"] for d in between) == ["press secretary at Kremlin", "spokesman at Kremlin"]
    relations = {d["relation"] for *_, d in G.edges(data=True)}
    assert relations == {"attended", "held in", "role"}  # who met whom is read through the events
    assert G.has_edge(ID + "lavrov", ID + "ev1") and not G.has_edge(ID + "ev1", ID + "lavrov")


def test_people_view_has_only_people(g):
    G = _gexf(export(g, "gexf", view="people"))
    assert {d["type"] for _, d in G.nodes(data=True)} == {"Person"}
    assert not G.is_directed()
    assert G.has_edge(ID + "lavrov", ID + "blinken") and G.edges[ID + "lavrov", ID + "blinken"]["relation"] == "met"
    assert G.edges[ID + "biden", ID + "putin"]["start"] == "2021-06-16"  # from their first meeting on
    with pytest.raises(UsageError, match="applies to graphml"):
        export(g, "turtle", view="people")


def test_gephi_timeline_dates(g):
    data = export(g, "gexf")
    assert b'timeformat="date"' in data and b'mode="dynamic"' in data
    G = _gexf(data)
    assert (G.nodes[ID + "ev3"]["start"], G.nodes[ID + "ev3"]["end"]) == ("2022-02-01", "2022-02-28")
    assert G.nodes[ID + "ev1"]["start"] == G.nodes[ID + "ev1"]["end"] == "2021-12-02"
    assert date_interval("1985") == ("1985-01-01", "1985-12-31")
    assert date_interval("--06-16") is None and date_interval("2021-02-30") is None


def test_seed_graph_gexf_opens_in_colour(seeds_build, tmp_path):
    out, _ = seeds_build
    export(out, output=tmp_path / "seeds.gexf")
    G = nx.read_gexf(tmp_path / "seeds.gexf")
    assert G.number_of_nodes() > 20
    for n, d in G.nodes(data=True):
        viz = d["viz"]
        assert set(viz["color"]) >= {"r", "g", "b"} and viz["size"] > 0 and {"x", "y"} <= set(viz["position"]), n
    P = nx.read_gexf(io.BytesIO(export(out, "gexf", view="people")))
    assert P.number_of_nodes() > 3 and {d["type"] for _, d in P.nodes(data=True)} == {"Person"}


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_read_back(g, fmt, reader):
    G = reader(io.BytesIO(export(g, fmt)))
    assert G.number_of_nodes() >= 14
    peskov = G.nodes[ID + "peskov"]
    assert peskov["label"] == "Dmitry Peskov" and peskov["roles"] == "press secretary; spokesman"
    assert G.has_edge(ID + "peskov", ID + "ev3") and G.has_edge(ID + "putin", ID + "ev3")
    if fmt == "graphml":  # Gephi's GraphML importer reads colour, size and position from these
        assert {"r", "g", "b", "size", "x", "y"} <= set(peskov)


def test_csv_edges_and_nodes_for_gephi(g):
    rows = list(csv.DictReader(io.StringIO(export(g, "csv", view="people").decode())))
    met = {(r["source_label"], r["target_label"]) for r in rows if r["relation"] == "met"}
    assert ("Antony Blinken", "Sergei Lavrov") in met and {r["Type"] for r in rows} == {"Undirected"}
    edges = list(csv.DictReader(io.StringIO(export(g, "csv").decode())))
    assert {"Source", "Target", "Type", "Label", "Weight", "Time Interval"} <= set(edges[0])
    at = [r for r in edges if r["Source"] == ID + "putin" and r["Target"] == ID + "ev3"]
    assert at and at[0]["Type"] == "Directed" and at[0]["Time Interval"] == "<[2022-02-01,2022-02-28]>"
    nodes = list(csv.DictReader(io.StringIO(export(g, "nodes-csv").decode())))
    assert {r["Source"] for r in edges} | {r["Target"] for r in edges} <= {r["Id"] for r in nodes}
    lavrov = next(r for r in nodes if r["Id"] == ID + "lavrov")
    assert lavrov["Label"] == "Sergei Lavrov" and lavrov["type"] == "Person" and lavrov["color"].startswith("#")


def test_exports_are_deterministic(g):
    for fmt in FORMATS:
        assert export(g, fmt) == export(Graph().parse(data=FIXTURE, format="turtle"), fmt), fmt


def test_cli_export_to_file(tmp_path, g):
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    out = tmp_path / "x.nq"
    r = CliRunner().invoke(cli, ["export", "--graph", str(tmp_path), "--format", "nquads", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))) == len(g)
