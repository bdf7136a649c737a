"""Exports of a built graph: RDF (Turtle, N-Triples, TriG/N-Quads a named graph per document, JSON-LD) and Gephi's formats."""
from __future__ import annotations

import calendar
import csv
import io
import os
import re
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph

from .errors import UsageError
from .rdf.vocab import ID, PROV, RDF, SDO, bind_namespaces

__all__ = ["FORMATS", "VIEWS", "ENTITIES_GRAPH", "export", "export_format", "dataset_by_document",
           "document_quads", "flat_projection", "gephi_graph", "date_interval", "read_source", "plain_graph"]

#: ``csv`` is the edges table, ``nodes-csv`` the nodes table (Gephi's spreadsheet import takes both)
FORMATS = ("turtle", "ntriples", "trig", "nquads", "jsonld", "graphml", "gexf", "csv", "nodes-csv")
#: what the graph formats draw: ``full`` entities and events, ``people`` who met whom
VIEWS = ("full", "people")
_RDF_FORMATS = ("turtle", "ntriples", "trig", "nquads", "jsonld")
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "nq": "nquads", "n-quads": "nquads",
            "json-ld": "jsonld", "edges-csv": "csv", "csv-nodes": "nodes-csv"}
_SUFFIXES = {".ttl": "turtle", ".nt": "ntriples", ".trig": "trig", ".nq": "nquads", ".jsonld": "jsonld",
             ".json": "jsonld", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}
#: the named graph of triples no single document owns (entities, their names and roles)
ENTITIES_GRAPH = ID["graph/entities"]


def read_source(source) -> Graph:
    """The graph ``source`` names: an rdflib Graph as it is, or a build folder or RDF file opened."""
    if isinstance(source, Graph):
        return source
    from .store import open_graph

    return open_graph(source)


def plain_graph(g: Graph) -> Graph:
    """An in-memory copy with simple literals (Oxigraph spells xsd:string; RDF 1.1 says it is the same)."""
    from .query import plain_value

    out = Graph()
    bind_namespaces(out)
    out.addN((s, p, plain_value(o), out) for s, p, o in g)
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


def export_format(format: str | None = None, output: str | os.PathLike | None = None) -> str:
    """The export format: ``format`` (any case, ``ttl``/``nt``/``nq`` too) or else ``output``'s extension.

    A format that contradicts the extension is refused, so ``-o x.gexf`` never holds Turtle; a
    ``.csv`` file whose name ends in ``nodes.csv`` is the nodes table.
    """
    named = None
    if format is not None:
        key = str(format).strip().lower()
        named = _ALIASES.get(key, key)
        if named not in FORMATS:
            from .query import did_you_mean

            raise UsageError(f"unknown export format {format!r}{did_you_mean(key, FORMATS + tuple(_ALIASES))}; "
                             f"choose one of {', '.join(FORMATS)}")
    by_name = None
    if output is not None:
        name = Path(output).name.lower()
        by_name = _SUFFIXES.get(Path(name).suffix)
        if by_name == "csv" and name.endswith("nodes.csv"):
            by_name = "nodes-csv"
    if named and by_name and named != by_name and not {named, by_name} <= {"csv", "nodes-csv"}:
        raise UsageError(f"{output}: the extension says {by_name}, but the format asked for is {named}; "
                         f"change one of them")
    if named is None and by_name is None and output is not None:
        raise UsageError(f"{output}: cannot tell the format from the extension; give --format "
                         f"({', '.join(FORMATS)})")
    return named or by_name or "turtle"


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
    """graphkit.project's view with every attribute a scalar."""
    from .projection import project

    G = project(g)
    H = nx.Graph()
    for n, d in sorted(G.nodes(data=True)):
        H.add_node(n, **{k: _scalar(v) for k, v in sorted(d.items())})
    for a, b, d in sorted(G.edges(data=True)):
        H.add_edge(a, b, **{k: _scalar(v) for k, v in sorted(d.items())})
    return H


def date_interval(date: str) -> tuple[str, str] | None:
    """The days a date covers, as Gephi's timeline reads them: "2021-11" is 2021-11-01 … 2021-11-30.

    None for a date without a year ("--06-16") or anything else that is not a calendar date.
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date or "")
    if not m:
        return None
    y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if d:
            calendar.weekday(y, mo, d)
            return date, date
        if mo:
            return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    except ValueError:
        return None
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def _rgb(hex_colour: str) -> dict:
    h = hex_colour.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


def _people_view(G: nx.MultiDiGraph) -> nx.Graph:
    """Persons only; one undirected edge per pair that attended an event together, weighted by
    the number of such events, starting at the earliest one's date."""
    H = nx.Graph()
    for n, d in G.nodes(data=True):
        if d["type"] == "Person":
            H.add_node(n, **d)
    for ev, d in sorted(G.nodes(data=True)):
        if d["type"] != "Event":
            continue
        people = sorted({a for a, _, r in G.in_edges(ev, data="relation") if r == "attended" and a in H})
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                if not H.has_edge(a, b):
                    H.add_edge(a, b, relation="met", events=[], docs=set(), dates=[])
                e = H.edges[a, b]
                e["events"].append(d["label"])
                e["docs"] |= set(d.get("docs", ()))
                if date_interval(d.get("date", "")):
                    e["dates"].append(date_interval(d["date"])[0])
    for a, b, e in H.edges(data=True):
        e["weight"] = len(e["events"])
        e["label"] = f"met at {e['events'][0]}" + (f" (+{len(e['events']) - 1})" if len(e["events"]) > 1 else "")
        e["docs"] = sorted(e["docs"])
        if e["dates"]:
            e["start"] = min(e["dates"])  # the pair exists on the timeline from their first meeting on
        del e["dates"]
    return H


def gephi_graph(g: Graph, view: str = "full") -> nx.Graph:
    """The graph as Gephi should open it: every node with ``viz`` colour, size and position.

    ``full``: a MultiDiGraph of entities and events, one directed, typed edge per relation
    (attended, held in, role, quoted about); who met whom is read through the events.
    ``people``: persons only, an undirected edge per pair that shared an event. Events (and the
    edges to them, and a pair's first meeting) carry ``start``/``end`` dates for the timeline;
    every other attribute is a scalar.
    """
    from .page import STYLE, layout
    from .projection import project

    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    full = project(g, multi=True)
    full.remove_edges_from([(a, b, k) for a, b, k, r in full.edges(keys=True, data="relation") if r == "met"])
    G = _people_view(full) if view == "people" else full
    simple = nx.Graph(G)  # layout and sizes by plain adjacency, whatever the edge count
    pos = layout(simple)
    degree = dict(simple.degree())
    top = max(degree.values(), default=0) or 1
    H = nx.MultiDiGraph() if view == "full" else nx.Graph()
    when = {}
    for n, d in sorted(G.nodes(data=True)):
        attrs = {k: _scalar(v) for k, v in sorted(d.items())}
        span = date_interval(d.get("date", "")) if d.get("type") == "Event" else None
        if span:
            attrs["start"], attrs["end"] = when[n] = span
        attrs["viz"] = {"color": _rgb(STYLE.get(d.get("type"), {"color": "#999999"})["color"]),
                        "size": round(8 + 32 * degree.get(n, 0) / top, 2),
                        "position": {"x": round(pos[n][0] * 100, 2), "y": round(pos[n][1] * 100, 2), "z": 0.0}}
        H.add_node(n, **attrs)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((a, b, None, d) for a, b, d in G.edges(data=True))
    for a, b, _k, d in sorted(edges, key=lambda e: (e[0], e[1], str(e[2]))):
        attrs = {k: _scalar(v) for k, v in sorted(d.items()) if k not in ("labels", "events")}
        if "events" in d:
            attrs["events"] = _scalar(d["events"])
        span = when.get(a) or when.get(b)
        if span and "start" not in attrs:
            attrs["start"], attrs["end"] = span
        H.add_edge(a, b, **attrs)
    return H


def _interval(start, end) -> str:
    return f"<[{start},{end}]>" if start and end else (f"<[{start},Infinity]>" if start else "")


def _csv_nodes(G: nx.Graph) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Id", "Label", "type", "color", "size", "x", "y", "aliases", "roles", "docs", "date",
                "start", "end", "Time Interval"])
    for n, d in sorted(G.nodes(data=True)):
        v = d["viz"]
        c = v["color"]
        w.writerow([n, d["label"], d["type"], f"#{c['r']:02x}{c['g']:02x}{c['b']:02x}", v["size"],
                    v["position"]["x"], v["position"]["y"], d.get("aliases", ""), d.get("roles", ""),
                    d.get("docs", ""), d.get("date", ""), d.get("start", ""), d.get("end", ""),
                    _interval(d.get("start"), d.get("end"))])
    return buf.getvalue()


def _csv_edges(G: nx.Graph) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Source", "Target", "Type", "Id", "Label", "Weight", "relation", "source_label", "target_label",
                "docs", "start", "end", "Time Interval"])
    kind = "Directed" if G.is_directed() else "Undirected"
    for k, (a, b, d) in enumerate(G.edges(data=True)):
        w.writerow([a, b, kind, f"e{k}", d["label"], d["weight"], d["relation"], G.nodes[a]["label"],
                    G.nodes[b]["label"], d.get("docs", ""), d.get("start", ""), d.get("end", ""),
                    _interval(d.get("start"), d.get("end"))])
    return buf.getvalue()


def _graphml(G: nx.Graph) -> bytes:
    """GraphML with Gephi's visual attribute names (r, g, b, size, x, y) instead of GEXF's viz."""
    H = G.copy()
    for _, d in H.nodes(data=True):
        v = d.pop("viz")
        d.update({"r": v["color"]["r"], "g": v["color"]["g"], "b": v["color"]["b"], "size": float(v["size"]),
                  "x": float(v["position"]["x"]), "y": float(v["position"]["y"])})
    buf = io.BytesIO()
    nx.write_graphml(H, buf)
    return buf.getvalue()


def export(source: str | os.PathLike | Graph = "output", format: str | None = None,
           output: str | os.PathLike | None = None, view: str = "full") -> bytes | Path:
    """The built graph in ``format`` (see :func:`export_format`; by default the extension of
    ``output``, else Turtle); written atomically to ``output`` when given, else returned as bytes.

    ``view`` (graph formats only): ``full`` or ``people``, see :func:`gephi_graph`.
    """
    format = export_format(format, output)
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if view != "full" and format in _RDF_FORMATS:
        raise UsageError(f"--view {view} draws a graph for Gephi; it applies to graphml, gexf, csv and nodes-csv, "
                         f"not to {format}")
    g = plain_graph(read_source(source))
    if format in ("turtle", "ntriples"):
        data = g.serialize(format="turtle" if format == "turtle" else "nt", encoding="utf-8")
        if format == "ntriples":
            data = b"".join(sorted(x for x in data.splitlines(keepends=True) if x.strip()))
    elif format in ("trig", "nquads"):
        data = dataset_by_document(g).serialize(format=format, encoding="utf-8")
        if format == "nquads":  # rdflib emits quads in hash order: sort for stable diffs
            data = b"".join(sorted(x for x in data.splitlines(keepends=True) if x.strip()))
    elif format == "jsonld":
        from .rdf.io import jsonld

        data = jsonld(g)
    else:
        G = gephi_graph(g, view)
        if format == "csv":
            data = _csv_edges(G).encode("utf-8")
        elif format == "nodes-csv":
            data = _csv_nodes(G).encode("utf-8")
        elif format == "graphml":
            data = _graphml(G)
        else:
            buf = io.BytesIO()
            nx.write_gexf(G, buf)
            # networkx stamps today's date: without it the same graph gives the same bytes
            data = re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue(), count=1)
    if output is None:
        return data
    from .rdf.io import atomic_write

    atomic_write(output, data)
    return Path(output)
