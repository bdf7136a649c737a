"""RDF → networkx: attendance, meetings, roles and 'quoted about' edges from a small graph."""
from rdflib import Graph

from graphkit.projection import people_graph, project

TTL = """
@prefix schema: <https://schema.org/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix gk: <https://w3id.org/graphkit/ns#> . @prefix id: <https://w3id.org/graphkit/id/> .
id:d a schema:NewsArticle ; schema:name "D" ; schema:mentions id:a, id:b, id:r .
id:a a schema:Person ; schema:name "Anna Petrova" .
id:b a schema:Person ; schema:name "Boris Ivanov" .
id:r a schema:Place ; schema:name "Riga" .
id:e a schema:Event ; schema:name "Meeting" ; gk:eventKind "Meeting" ; schema:attendee id:a, id:b ;
    schema:location id:r ; prov:wasDerivedFrom id:d ; gk:evidence "Petrova met Ivanov in Riga." .
id:q a schema:Quotation ; schema:creator id:a ; schema:text "Boris Ivanov was late again" ; prov:wasDerivedFrom id:d .
"""


def test_edges_by_relation():
    g = Graph().parse(data=TTL, format="turtle")
    G = project(g)
    a, b, r, e = (f"https://w3id.org/graphkit/id/{x}" for x in "abre")
    assert G.edges[a, e]["relation"] == "attended" and G.edges[e, r]["relation"] == "held in"
    assert "met at Meeting" in G.edges[a, b]["labels"]
    assert "quoted about Boris Ivanov" in G.edges[a, b]["labels"]
    assert G.nodes[e]["short"] == "Meeting · Riga"
    P = people_graph(g)
    assert set(P.nodes) == {a, b} and P.has_edge(a, b)
