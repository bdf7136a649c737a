"""RDF → networkx views: the full entity/event graph, the people co-attendance graph, ego graphs.

Pure functions, graph in and graph out; the RDF graph is never modified.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

import networkx as nx
from rdflib import Graph, URIRef

from .rdf.vocab import GK, PROV, RDF, SDO, SKOS

__all__ = ["project", "people_graph", "who_met_whom", "ego", "find_nodes", "NODE_TYPES"]

NODE_TYPES = {SDO.Person: "Person", SDO.Organization: "Organization", SDO.Place: "Place", SDO.Event: "Event"}


def _doc_names(g: Graph) -> dict[URIRef, str]:
    return {d: str(g.value(d, SDO.name) or d) for d in g.subjects(RDF.type, SDO.NewsArticle)}


def project(g: Graph, multi: bool = False) -> nx.Graph:
    """Entities and events as nodes; edges: attended, held in, holds a role at, met (via events).

    ``multi``: a MultiDiGraph instead, one edge per relation and label, directed from the
    attendee, the event, the role holder or the speaker (what exports for Gephi need: a second
    relation between two nodes is its own edge, not a label on the first).

    Node attributes: ``label``, ``type``, ``aliases``, ``roles``, ``docs``, ``evidence`` (list of
    (sentence, document title)), ``date`` for events (and ``reported``: the earliest publication
    date of their documents). Edge attributes: ``relation``, ``label``,
    ``weight`` (number of supporting documents), ``evidence``.
    """
    docs = _doc_names(g)
    G = nx.MultiDiGraph() if multi else nx.Graph()
    for rdf_type, kind in NODE_TYPES.items():
        for s in g.subjects(RDF.type, rdf_type):
            key = str(s)
            G.add_node(key, type=kind, label=str(g.value(s, SDO.name) or key.rsplit("/", 1)[-1]),
                       aliases=sorted({str(a) for a in g.objects(s, SKOS.altLabel)}),
                       roles=sorted({str(t) for t in g.objects(s, SDO.jobTitle)}),
                       docs=[], evidence=[], date="")
    mentioned_in: dict[str, set[str]] = defaultdict(set)
    for d, e in g.subject_objects(SDO.mentions):
        if str(e) in G and d in docs:
            mentioned_in[str(e)].add(docs[d])
    for key, ds in mentioned_in.items():
        G.nodes[key]["docs"] = sorted(ds)

    def evid(s) -> list[tuple[str, str]]:
        sents = sorted(str(x) for x in g.objects(s, GK.evidence))
        srcs = sorted(docs.get(d, str(d)) for d in g.objects(s, PROV.wasDerivedFrom))
        return [(t, srcs[0] if len(srcs) == 1 else "; ".join(srcs)) for t in sents] or [("", "; ".join(srcs))]

    for ev in g.subjects(RDF.type, SDO.Event):
        e = str(ev)
        node = G.nodes[e]
        d = g.value(ev, SDO.startDate)
        node["date"] = str(d) if d else ""
        node["kind"] = str(g.value(ev, GK.eventKind) or "")
        node["status"] = "planned" if g.value(ev, GK.status) == GK.Planned else "held"
        node["evidence"] = evid(ev)
        ev_docs = sorted({docs.get(x, str(x)) for x in g.objects(ev, PROV.wasDerivedFrom)})
        node["docs"] = ev_docs
        # an undated event is still placed in time by its report: the earliest publication date
        pub = sorted(str(p) for x in g.objects(ev, PROV.wasDerivedFrom) if (p := g.value(x, SDO.datePublished)))
        node["reported"] = pub[0] if pub else ""
        people = sorted(str(p) for p in g.objects(ev, SDO.attendee) if str(p) in G)
        for p in people:
            _edge(G, p, e, "attended", f"attended {node['label']}", ev_docs, node["evidence"])
        places = []
        for loc in g.objects(ev, SDO.location):
            if str(loc) in G:
                _edge(G, e, str(loc), "held in", "held in", ev_docs, [])
                places.append(G.nodes[str(loc)]["label"])
        # the canvas label: "Summit · Geneva · 2021-06-16"; the full name stays in the panel
        kind = {"PressConference": "Press conference"}.get(node["kind"], node["kind"] or "Event")
        node["short"] = " · ".join(x for x in (kind, sorted(places)[0] if places else "", node["date"]) if x)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                _edge(G, a, b, "met", f"met at {node['label']}", ev_docs, node["evidence"])
    for r in g.subjects(RDF.type, GK.RoleStatement):
        p, org = g.value(r, GK.holder), g.value(r, GK.organization)
        title = str(g.value(r, SDO.roleName) or "")
        if p is not None and str(p) in G and org is not None and str(org) in G:
            _edge(G, str(p), str(org), "role", f"{title} at {G.nodes[str(org)]['label']}",
                  sorted({docs.get(x, str(x)) for x in g.objects(r, PROV.wasDerivedFrom)}), evid(r))
    named_in: dict = defaultdict(lambda: defaultdict(set))  # document → name → entities it names
    for d, e in g.subject_objects(SDO.mentions):
        if str(e) in G and G.nodes[str(e)]["type"] != "Event":
            for x in {G.nodes[str(e)]["label"], *G.nodes[str(e)]["aliases"]}:
                if len(x) >= 4:
                    named_in[d][x].add(str(e))
    finders: dict = {}
    for q in g.subjects(RDF.type, SDO.Quotation):
        c = g.value(q, SDO.creator)
        if c is None or str(c) not in G:
            continue
        text = str(g.value(q, SDO.text) or "")
        src = g.value(q, PROV.wasDerivedFrom)
        G.nodes[str(c)].setdefault("quotes", []).append((text, docs.get(src, "")))
        names = named_in.get(src)
        if not names:
            continue
        if src not in finders:
            finders[src] = _name_finder(names)
        found = {x for x in names if x in text} if len(text) < 40 else set(finders[src](text))
        # "quoted about": the speaker names this entity in the quotation (whole words only)
        for e in sorted({e for x in found for e in names[x] if _whole_word(x, text)} - {str(c)}):
            _edge(G, str(c), e, "quoted about", f"quoted about {G.nodes[e]['label']}",
                  [docs.get(src, "")], [(text, docs.get(src, ""))])
    for n in G:
        G.nodes[n].setdefault("quotes", [])
        G.nodes[n]["quotes"].sort()
    return G


def _name_finder(names) -> Callable[[str], set[str]]:
    """The names of ``names`` a text holds, by one scan: an alternation of them all, longest
    first, tried at every position (a lookahead, so "Joe Biden" and the "Biden" inside it are
    both found). One pass per quotation instead of one search per name: at corpus scale a
    briefing has hundreds of quotations and hundreds of names."""
    alts = "|".join(re.escape(x) for x in sorted(names, key=lambda x: (-len(x), x)))
    pat = re.compile(rf"(?=(?<!\w)({alts})(?!\w))")
    shorter = sorted(names, key=len)

    def find(text: str) -> set[str]:
        hits = {m.group(1) for m in pat.finditer(text)}
        # a shorter name at the same place as a longer one ("Joe" in "Joe Biden")
        return hits | {x for x in shorter for h in hits if len(x) < len(h) and h.startswith(x)
                       and not h[len(x)].isalnum()}

    return find


def _whole_word(x: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(x)}(?!\w)", text) is not None


def _edge(G: nx.Graph, a: str, b: str, relation: str, label: str, docs: list[str], evidence) -> None:
    key = (label,) if G.is_multigraph() else ()
    if G.has_edge(a, b, *key):
        data = G.edges[(a, b, *key)]
        if label not in data["labels"]:
            data["labels"].append(label)
        data["docs"] = sorted(set(data["docs"]) | set(docs))
        data["evidence"] += [x for x in evidence if x not in data["evidence"]]
        data["weight"] = len(data["docs"])
        data["label"] = data["labels"][0] if len(data["labels"]) == 1 else f"{data['labels'][0]} (+{len(data['labels']) - 1})"
        return
    G.add_edge(a, b, *key, relation=relation, label=label, labels=[label], docs=list(docs),
               evidence=list(evidence), weight=max(1, len(docs)))


def people_graph(g: Graph) -> nx.Graph:
    """Persons only; an edge when two persons attend one event (weight: supporting documents)."""
    G = project(g)
    keep = [n for n, d in G.nodes(data=True) if d["type"] == "Person"]
    H = G.subgraph(keep).copy()
    H.remove_edges_from([(a, b) for a, b, d in H.edges(data=True) if d["relation"] != "met"])
    return H


def who_met_whom(G: nx.Graph) -> nx.Graph:
    """Persons of a projected graph; an edge when two attend one event or one is quoted about the other.

    Works on project()'s output or any subgraph of it. Edge attributes: ``events`` (the shared
    event nodes, sorted), ``quoted`` (documents of "quoted about" statements between the two),
    ``weight`` = shared events + those documents. A "met" edge without an event node in ``G``
    (e.g. people_graph()'s output) counts as its number of relations.

    >>> G = nx.Graph()
    >>> G.add_nodes_from([("a", {"type": "Person"}), ("b", {"type": "Person"}), ("e", {"type": "Event"})])
    >>> G.add_edges_from([("a", "e"), ("b", "e")], relation="attended")
    >>> sorted(who_met_whom(G).edges(data="weight"))
    [('a', 'b', 1)]
    """
    def person(n) -> bool:
        return G.nodes[n].get("type", "Person") == "Person"

    P = nx.Graph()
    P.add_nodes_from(sorted((n for n in G if person(n)), key=str))
    for e in sorted((n for n, d in G.nodes(data=True) if d.get("type") == "Event"), key=str):
        people = sorted((p for p in G[e] if person(p)), key=str)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                if P.has_edge(a, b):
                    P.edges[a, b]["events"].append(e)
                else:
                    P.add_edge(a, b, events=[e], quoted=[])
    for a, b, d in G.edges(data=True):
        if a == b or not (person(a) and person(b)):
            continue
        rel = d.get("relation", "")
        if not P.has_edge(a, b):
            P.add_edge(a, b, events=[], quoted=[])
        x = P.edges[a, b]
        if rel == "quoted about":
            x["quoted"] = sorted(set(x["quoted"]) | set(d.get("docs") or [""]))
        elif not x["events"]:  # a "met" edge whose event is not in G, or another relation
            x["met"] = len(d.get("labels") or [1]) if rel == "met" else 1
    for a, b, x in P.edges(data=True):
        x["weight"] = len(x["events"]) + len(x["quoted"]) + x.pop("met", 0)
    return P


def find_nodes(G: nx.Graph, name: str) -> list[str]:
    """Nodes whose label or alias matches ``name`` (case-insensitive; exact first, then containment)."""
    from .names import fold

    want = fold(name)
    exact = [n for n, d in G.nodes(data=True) if want in {fold(d["label"]), *map(fold, d.get("aliases", []))}]
    if exact:
        return sorted(exact)
    return sorted(n for n, d in G.nodes(data=True)
                  if any(want in fold(x).split() or want == fold(x) for x in [d["label"], *d.get("aliases", [])]))


def ego(G: nx.Graph, center: str, hops: int = 2) -> nx.Graph:
    """The nodes within ``hops`` of ``center`` (events count as a hop)."""
    return nx.ego_graph(G, center, radius=hops).copy()
