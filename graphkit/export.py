"""Exports of a built graph: Turtle, TriG/N-Quads (a named graph per document), JSON-LD, GraphML, GEXF, CSV."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph

from .errors import QueryError
from .rdf.vocab import ID, PROV, RDF, SDO, bind_namespaces

__all__ = ["FORMATS", "ENTITIES_GRAPH", "export", "dataset_by_document", "document_quads", "flat_projection"]

FORMATS = ("turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv")
#: the named graph of triples no single document owns (entities, their names and roles)
ENTITIES_GRAPH = ID["graph/entities"]


def _graph(source) -> Graph:
    if isinstance(source, Graph):
        return source
    from .store import open_graph

    return open_graph(source)


def _plain_graph(g: Graph) -> Graph:
    """An in-memory copy with simple literals (Oxigraph spells xsd:string; RDF 1.1 says it is the same)."""
    from .query import _plain

    out = Graph()
    bind_namespaces(out)
    out.addN((s, p, _plain(o), out) for s, p, o in g)
    return out


def dataset_by_document(g: Graph) -> Dataset:
    """The graph as a dataset: one named graph per source document, named by the document's IRI.

    Each triple lands in exactly one graph, so the union is the original graph: a document's own
    triples, and those of every node derived from it (events, quotes, role statements; a node
    derived from several documents goes with the first in IRI order), in the document's graph;
    entities and anything else in ``ENTITIES_GRAPH``. Re-sending a document's graph replaces it.
    """
    docs = set(g.subjects(RDF.type, SDO.NewsArticle))
    owner: dict = {d: d for d in docs}
    for s, d in g.subject_objects(PROV.wasDerivedFrom):
        if d in docs and (s not in owner or str(d) < str(owner[s])):
            owner[s] = d
    ds = Dataset()
    bind_namespaces(ds)
    for s, p, o in g:
        ds.add((s, p, o, owner.get(s, ENTITIES_GRAPH)))
    return ds


_OWNERS = f"""SELECT ?s (MIN(STR(?d)) AS ?doc) WHERE {{
  {{ ?s a <{SDO.NewsArticle}> BIND(?s AS ?d) }}
  UNION {{ ?s <{PROV.wasDerivedFrom}> ?d . ?d a <{SDO.NewsArticle}> }}
}} GROUP BY ?s"""


def document_quads(store):
    """The default graph of the Oxigraph ``store`` as quads, graphed as :func:`dataset_by_document` does.

    The same rule (a node goes with its document, or the first in IRI order of those it derives
    from; the rest to ``ENTITIES_GRAPH``) evaluated inside Oxigraph, so a million-triple build is
    partitioned without an rdflib copy. ``graphkit serve`` exposes the build this way, which is
    what ``push`` and ``export --format trig`` send.
    """
    import pyoxigraph as ox

    owner = {sol["s"]: ox.NamedNode(sol["doc"].value) for sol in store.query(_OWNERS)}
    rest = ox.NamedNode(str(ENTITIES_GRAPH))
    for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        yield ox.Quad(q.subject, q.predicate, q.object, owner.get(q.subject, rest))


def _scalar(v):
    """GraphML/GEXF take scalars only: lists become '; '-joined text, pairs 'sentence — source'."""
    if isinstance(v, (list, tuple, set)):
        return "; ".join(_scalar(x) if not isinstance(x, tuple) else " — ".join(map(str, x)) for x in v)
    if v is None:
        return ""
    return v if isinstance(v, (str, int, float, bool)) else str(v)


def flat_projection(g: Graph) -> nx.Graph:
    """graphkit.project's view with every attribute a scalar, ready for Gephi."""
    from .projection import project

    G = project(g)
    H = nx.Graph()
    for n, d in sorted(G.nodes(data=True)):
        H.add_node(n, **{k: _scalar(v) for k, v in sorted(d.items())})
    for a, b, d in sorted(G.edges(data=True)):
        H.add_edge(a, b, **{k: _scalar(v) for k, v in sorted(d.items())})
    return H


def _csv_edges(G: nx.Graph) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source", "target", "source_label", "target_label", "relation", "label", "weight", "docs"])
    for a, b, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
        w.writerow([a, b, G.nodes[a]["label"], G.nodes[b]["label"], d["relation"], d["label"], d["weight"], d["docs"]])
    return buf.getvalue()


def export(source: str | os.PathLike | Graph = "output", format: str = "turtle",
           output: str | os.PathLike | None = None) -> bytes | Path:
    """The built graph in ``format``; written atomically to ``output`` when given, else returned as bytes."""
    if format not in FORMATS:
        raise QueryError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    g = _plain_graph(_graph(source))
    if format == "turtle":
        data = g.serialize(format="turtle", encoding="utf-8")
    elif format in ("trig", "nquads"):
        data = dataset_by_document(g).serialize(format=format, encoding="utf-8")
        if format == "nquads":  # rdflib emits quads in hash order: sort for stable diffs
            data = b"".join(sorted(x for x in data.splitlines(keepends=True) if x.strip()))
    elif format == "jsonld":
        from .rdf.io import JSONLD_CONTEXT

        data = g.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True, encoding="utf-8")
    else:
        G = flat_projection(g)
        if format == "csv":
            data = _csv_edges(G).encode("utf-8")
        else:
            buf = io.BytesIO()
            (nx.write_graphml if format == "graphml" else nx.write_gexf)(G, buf)
            data = buf.getvalue()
    if output is None:
        return data
    from .rdf.io import atomic_write

    atomic_write(output, data)
    return Path(output)
