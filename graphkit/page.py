"""Page stage: networkx → one self-contained, offline HTML page; every text from documents is escaped.

We render our own Jinja2 template (autoescape on) and inline vis-network from pyvis's package
data instead of calling pyvis's ``write_html``: its stock template loads CDN assets even with
``cdn_resources="in_line"`` and writes a ``lib/`` folder into the working directory.
"""
from __future__ import annotations

import html
import json
import math
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

__all__ = ["render", "render_html", "focused", "graph_data", "overview", "label_box", "layout", "display", "GraphView",
           "vis_network_js", "LAYOUT_THRESHOLD", "OVERVIEW_ABOVE", "OVERVIEW_SIZE", "STYLE"]

#: a whole graph (no overview) above this many nodes gets positions computed in Python and no
#: physics; at or below it vis-network's physics settles the drawing, which is then frozen
LAYOUT_THRESHOLD = 300
#: above this many edges edge labels are left to the side panel (drawing thousands of labels lags)
EDGE_LABEL_LIMIT = 60  # above this, relation labels live in the panel: on the canvas they overlap
STYLE = {
    "Person": {"shape": "dot", "color": "#4f7cff", "symbol": "●"},
    "Organization": {"shape": "square", "color": "#f0a030", "symbol": "■"},
    "Place": {"shape": "triangle", "color": "#2fa866", "symbol": "▲"},
    "Event": {"shape": "diamond", "color": "#e0457b", "symbol": "◆"},
}


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network's minified script, read from the pyvis package (no network needed)."""
    base = resources.files("pyvis")
    for rel in ("templates/lib/vis-9.1.2/vis-network.min.js", "lib/vis-9.1.2/vis-network.min.js"):
        f = base.joinpath(rel)
        if f.is_file():
            return f.read_text(encoding="utf-8")
    raise FileNotFoundError("vis-network.min.js not found in the pyvis package")


def layout(G: nx.Graph, seed: int = 7, iterations: int = 60) -> dict[Any, tuple[float, float]]:
    """Seeded force-directed positions in O(iterations·(n·s + m)), for graphs too big for the page.

    nx.spring_layout needs scipy above 500 nodes (not a dependency) and its dense fallback is
    O(n²) memory; forceatlas2_layout takes ~45 s at 5,000 nodes. Here repulsion is estimated from
    a fresh random sample of ``s`` nodes per node and iteration (scaled up to n), attraction is
    exact along edges, and a cooling step limit damps the sampling noise. Deterministic for a seed.
    """
    import numpy as np

    nodes = sorted(G, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    idx = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)  # ideal edge length 1, so the drawing covers about n unit cells
    pos = rng.random((n, 2)) * side
    e = np.array([(idx[a], idx[b]) for a, b in G.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    s = min(n - 1, 24)
    step = side / 8
    for it in range(iterations):
        j = rng.integers(0, n, size=(n, s))
        delta = pos[:, None, :] - pos[j]
        d2 = np.einsum("ijk,ijk->ij", delta, delta) + 1e-3
        disp = np.einsum("ijk,ij->ik", delta, 1.0 / d2) * (n / s)
        if len(e):
            de = pos[e[:, 0]] - pos[e[:, 1]]
            f = de * np.linalg.norm(de, axis=1, keepdims=True)
            np.add.at(disp, e[:, 0], -f)
            np.add.at(disp, e[:, 1], f)
        disp -= (pos - side / 2) * 0.05  # weak gravity keeps isolated nodes and small components near
        length = np.linalg.norm(disp, axis=1, keepdims=True) + 1e-9
        pos += disp / length * np.minimum(length, step)
        step = max(step * 0.93, 0.02)
    pos -= pos.mean(axis=0)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def _strs(xs) -> list[str]:
    return [str(x) for x in xs or []]


#: above this many nodes, a graph whose people met or spoke of each other opens on the people-first
#: overview; at or below it the whole graph is drawn (a hundred nodes already make 7 px labels)
OVERVIEW_ABOVE = 80
#: the people-first overview draws this many people (the highest weighted degree)
OVERVIEW_SIZE = 50
#: with the overview's "events, organisations, places" toggle: this many of each, the most linked to it
OVERVIEW_EXTRAS = 8
#: community colours (Tableau 10 without its grey); communities beyond these are drawn grey
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]
#: canvas box the overview is laid out in, in pixels at zoom 1 (a 1400×900 window leaves ~1040×800)
OVERVIEW_BOX = (960.0, 680.0)
_CHAR_EM = 0.6  # average glyph width of a name in Arial/Liberation Sans, in ems (a safe upper estimate)


class _Strings:
    """Interned texts: the page holds each document title, sentence or role once and refers to it by number."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self.index: dict[str, int] = {"": 0}

    def __call__(self, x) -> int:
        x = "" if x is None else str(x)
        i = self.index.get(x)
        if i is None:
            i = self.index[x] = len(self.items)
            self.items.append(x)
        return i

    def many(self, xs) -> list[int]:
        return [self(x) for x in xs or []]

    def pairs(self, xs) -> list[int]:
        out: list[int] = []
        for x in xs or []:
            a, b = (x[0], x[1] if len(x) > 1 else "") if isinstance(x, (list, tuple)) else (x, "")
            out += [self(a), self(b)]
        return out


def _event_label(G: nx.Graph, v, d: dict) -> str:
    """An event's canvas label: kind · place · date; undated and placeless, its document and its date."""
    short = str(d.get("short") or d.get("label", v))
    if d.get("date") or any(G.nodes[x].get("type") == "Place" for x in G[v]):
        return short
    docs = sorted(" ".join(str(x).split()) for x in d.get("docs") or [])
    if not docs:
        return short
    doc = docs[0] if len(docs[0]) <= 32 else docs[0][:32].rsplit(" ", 1)[0].rstrip(" ,:;·-") + "…"
    return f"{short} · “{doc}”" + (f", {d['reported']}" if d.get("reported") else "")


def label_box(label: str, size: float, font: float) -> tuple[float, float, float]:
    """(width, height above the centre, height below) of a dot and its label under it, in pixels."""
    w = max(2 * size, len(label) * font * _CHAR_EM + 8)
    return w, size + 3, size + 4 + font * 1.25 + 3


def _separate(pos, boxes, movable, rounds: int = 400, bounds: tuple[float, float] | None = None):
    """Push overlapping boxes apart (a few pixels per round, along the axis that overlaps least).

    ``movable``: per box, its share of each push (0: fixed, 1: free). ``bounds``: (width, height)
    of a centred box the boxes are kept in (so the drawing still fits the screen at zoom 1).
    """
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos
    w = np.array([b[0] for b in boxes]) / 2
    up = np.array([b[1] for b in boxes])
    down = np.array([b[2] for b in boxes])
    mov = np.array(movable, dtype=float)
    for _ in range(rounds):
        x, y = pos[:, 0], pos[:, 1]
        # overlap of every pair along each axis (positive: they overlap by that much)
        ox = np.minimum((x + w)[:, None], (x + w)[None, :]) - np.maximum((x - w)[:, None], (x - w)[None, :])
        oy = np.minimum((y + down)[:, None], (y + down)[None, :]) - np.maximum((y - up)[:, None], (y - up)[None, :])
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        share = mov[:, None] / np.maximum(mov[:, None] + mov[None, :], 1e-9)  # a fixed box does not move
        alongx = hit & (ox <= oy)
        dx = np.sign(x[:, None] - x[None, :] + 1e-6 * (np.arange(n)[:, None] - np.arange(n)[None, :]))
        dy = np.sign(y[:, None] - y[None, :] + 1e-6 * (np.arange(n)[:, None] - np.arange(n)[None, :]))
        px = np.where(alongx, dx * (np.minimum(ox, 40) + 1) * share, 0).sum(axis=1)
        py = np.where(hit & ~alongx, dy * (np.minimum(oy, 40) + 1) * share, 0).sum(axis=1)
        pos[:, 0] += np.clip(px, -30, 30)
        pos[:, 1] += np.clip(py, -30, 30)
        if bounds is not None:
            pos[:, 0] = np.clip(pos[:, 0], -bounds[0] / 2 + w, bounds[0] / 2 - w)
            pos[:, 1] = np.clip(pos[:, 1], -bounds[1] / 2 + up, bounds[1] / 2 - down)
    return pos


def overview(G: nx.Graph, size: int = OVERVIEW_SIZE, focus=None) -> dict:
    """The people-first overview: the ``size`` people of highest weighted degree in who_met_whom(G).

    Returns ``{"people": [...], "rank": {v: weighted degree}, "group": {v: colour index or -1},
    "pos": {v: (x, y)}, "size": {v: px}, "font": {v: px}, "edges": [(a, b, weight, shared events)],
    "extras": {v: (x, y)}, "pos_with_extras": {v: (x, y)}}``: the extras are the events,
    organisations and places most linked to those people, drawn when the user asks. Communities
    are networkx's Louvain (seeded) over the 400 best-ranked people; positions are a seeded spring
    layout scaled to OVERVIEW_BOX, then pushed apart until no label box overlaps another.
    Deterministic.
    """
    import numpy as np

    from .projection import who_met_whom

    P = who_met_whom(G)
    rank = dict(P.degree(weight="weight"))
    order = sorted((v for v in P if P.degree(v)),
                   key=lambda v: (-rank[v], -P.degree(v), str(G.nodes[v].get("label", v)), str(v)))
    people = order[:size]
    if focus is not None and focus in P and focus not in people:
        people = people[:-1] + [focus] if len(people) >= size else people + [focus]
    if len(people) < 2:
        return {}
    # Louvain on integer labels: on strings its set iteration (and so its result) would follow
    # Python's per-process hash seed, and the same graph would not give the same page
    pool = nx.Graph()
    pool.add_nodes_from(range(min(400, len(order))))
    at = {v: k for k, v in enumerate(order[:400])}
    pool.add_weighted_edges_from(sorted((at[a], at[b], w)
                                        for a, b, w in P.subgraph(order[:400]).edges(data="weight")))
    comms = nx.community.louvain_communities(pool, weight="weight", seed=7) if pool.number_of_edges() else []
    comm_of = {order[x]: k for k, c in enumerate(comms) for x in c}
    inside = set(people)
    # colours go to the communities with the most overview members (ties: the best-ranked member)
    members: dict[int, list] = {}
    for k, v in enumerate(people):
        members.setdefault(comm_of.get(v, -1 - k), []).append(k)
    colour = {c: (i if i < len(PALETTE) and len(ks) > 1 else -1)
              for i, (c, ks) in enumerate(sorted(members.items(), key=lambda x: (-len(x[1]), x[1][0])))}
    top = rank[people[0]] or 1
    sizes = {v: round(7 + 15 * math.sqrt(rank.get(v, 0) / top), 1) for v in people}
    fonts = {v: round(14 + 5 * math.sqrt(rank.get(v, 0) / top)) for v in people}
    # edges: each person's four strongest links, so hubs do not bury the rest in lines
    strongest = set()
    for v in people:
        links = sorted(((P.edges[v, u]["weight"], str(u), u) for u in P[v] if u in inside), reverse=True)[:4]
        strongest |= {tuple(sorted((v, u), key=str)) for _, _, u in links}
    edges = sorted(strongest, key=lambda e: (str(e[0]), str(e[1])))
    H = nx.Graph()
    H.add_nodes_from(sorted(people, key=str))
    for a, b in P.subgraph(people).edges():
        strong = (a, b) in strongest or (b, a) in strongest
        H.add_edge(a, b, lw=1 + math.log2(P.edges[a, b]["weight"]) + (2 if strong else 0))
    # a weak tie from every person to one hidden hub keeps small components and loners near the
    # middle (spring layouts let them drift to the edges, shrinking the rest)
    hub = object()
    Hh = H.copy()
    Hh.add_edges_from(((hub, v) for v in H), lw=0.08)
    raw = nx.spring_layout(Hh, weight="lw", seed=7, iterations=300, k=1.6 / math.sqrt(len(H)))
    ids = list(H)
    xy = np.array([raw[v] for v in ids], dtype=float).reshape(-1, 2)
    # half rank, half position per axis: the order of the spring layout is kept but its outliers
    # (people whose links lead outside the overview) no longer squeeze the rest into a strip
    n = len(ids)
    ranks = np.argsort(np.argsort(xy, axis=0, kind="stable"), axis=0, kind="stable") / max(n - 1, 1)
    xy = np.clip(xy, np.percentile(xy, 8, axis=0), np.percentile(xy, 92, axis=0))
    span = np.maximum(xy.max(axis=0) - xy.min(axis=0), 1e-9)
    box = np.array(OVERVIEW_BOX)
    xy = (0.6 * ranks + 0.4 * (xy - xy.min(axis=0)) / span) * box - box / 2
    boxes = [label_box(str(G.nodes[v].get("label", v)), sizes[v], fonts[v]) for v in ids]
    room = (OVERVIEW_BOX[0] + 80, OVERVIEW_BOX[1] + 60)  # the layout box and its labels' overhang
    xy = _separate(xy, boxes, [1.0] * len(ids), bounds=room)
    pos = {v: (float(xy[i, 0]), float(xy[i, 1])) for i, v in enumerate(ids)}
    # the toggle's extras: per type, the nodes linked to most overview people, placed near them
    extras: dict = {}
    cand: dict[str, list] = {}
    for v in G:
        t = G.nodes[v].get("type")
        if t in ("Event", "Organization", "Place"):
            k = sum(1 for u in G[v] if u in inside)
            if k:
                cand.setdefault(t, []).append((-k, -G.degree(v), str(G.nodes[v].get("label", v)), str(v), v))
    rng = np.random.default_rng(7)
    ex_ids: list = []
    for t in ("Event", "Organization", "Place"):
        if t == "Place":  # where the chosen events were held counts like a link to their attendees
            chosen = set(ex_ids)
            seen = {c[-1] for c in cand.get(t, [])}
            for e in sorted(chosen, key=str):
                for v in sorted(G[e], key=str):
                    if G.nodes[v].get("type") == "Place" and v not in seen:
                        seen.add(v)
                        k = sum(1 for u in G[e] if u in inside)
                        cand.setdefault(t, []).append((-k, -G.degree(v), str(G.nodes[v].get("label", v)), str(v), v))
        for *_, v in sorted(cand.get(t, []))[:OVERVIEW_EXTRAS]:
            near = np.array([pos[u] if u in pos else extras[u] for u in G[v] if u in inside or u in extras])
            ex_ids.append(v)
            extras[v] = tuple(near.mean(axis=0) + rng.normal(0, 40, 2))
    if ex_ids:
        all_ids = ids + ex_ids
        xy2 = np.array([pos[v] for v in ids] + [extras[v] for v in ex_ids], dtype=float)
        b2 = boxes + [label_box(_event_label(G, v, G.nodes[v]) if G.nodes[v].get("type") == "Event"
                                 else str(G.nodes[v].get("label", v)), 8, 13) for v in ex_ids]
        # the people may give way a little, or an extra wedged between two of them never gets out
        xy2 = _separate(xy2, b2, [0.15] * len(ids) + [1.0] * len(ex_ids), rounds=800, bounds=room)
        extras = {v: (float(xy2[i, 0]), float(xy2[i, 1])) for i, v in enumerate(all_ids) if i >= len(ids)}
        moved = {v: (float(xy2[i, 0]), float(xy2[i, 1])) for i, v in enumerate(ids)}
    else:
        moved = pos
    return {"people": people, "rank": rank, "pos": pos, "pos_with_extras": moved, "size": sizes, "font": fonts,
            "group": {v: colour[comm_of.get(v, -1 - k)] for k, v in enumerate(people)},
            "edges": [(a, b, P.edges[a, b]["weight"], len(P.edges[a, b]["events"])) for a, b in edges],
            "extras": extras}


def graph_data(G: nx.Graph, physics: bool | None = None) -> dict:
    """The page's data, compact: texts interned in ``strings``, nodes and edges as rows of numbers.

    ``nodes``: [id (minus ``prefix``), label, canvas label, type index, date, kind, status,
    aliases, roles, docs, evidence (sentence, source)…, quotes (text, source)…, degree, degree
    centrality (a node's size when the whole graph is drawn), reported (an event's earliest
    publication date)]; ``edges``: [from, to, relation, label, labels, weight, docs, evidence…]
    with node indices. The page decodes a row only when it shows it. Above OVERVIEW_ABOVE nodes
    with people who met, ``overview`` holds the people-first first view (see overview());
    otherwise the whole graph is drawn: vis-network's physics up to LAYOUT_THRESHOLD nodes
    (``physics`` None), else ``pos`` from layout().
    ``focus`` (from G.graph["focus"], set by a focused render) is the index of the marked node.
    """
    n = G.number_of_nodes()
    cent = nx.degree_centrality(G) if n > 1 else {v: 0.0 for v in G}
    order = sorted(G, key=str)
    index = {v: i for i, v in enumerate(order)}
    ids = [str(v) for v in order]
    prefix = os.path.commonprefix(ids) if len(ids) > 1 else ""
    prefix = prefix[: prefix.rfind("/") + 1] if "/" in prefix else ""
    S = _Strings()
    types = [t for t in STYLE] + sorted({str(d.get("type", "Person")) for _, d in G.nodes(data=True)} - set(STYLE))
    tix = {t: i for i, t in enumerate(types)}
    focus = G.graph.get("focus")
    ov = overview(G, focus=focus) if n > OVERVIEW_ABOVE else {}
    if physics is None:
        physics = n <= LAYOUT_THRESHOLD
    pos = layout(G) if not physics and not ov else None
    scale = 60.0  # unit edge length → pixels
    nodes, docs = [], set()
    for v in order:
        d = G.nodes[v]
        t = str(d.get("type", "Person"))
        label = str(d.get("label", v))
        short = _event_label(G, v, d) if t == "Event" else str(d.get("short", "") or "")
        docs.update(str(x) for x in d.get("docs") or [])
        nodes.append([ids[index[v]][len(prefix):], label, short if short != label else "", tix[t],
                      str(d.get("date", "") or ""), S(d.get("kind")), S(d.get("status")),
                      S.many(d.get("aliases")), S.many(d.get("roles")), S.many(d.get("docs")),
                      S.pairs(d.get("evidence")), S.pairs(d.get("quotes")), G.degree(v), round(cent.get(v, 0.0), 4),
                      str(d.get("reported", "") or "")])
    edges = []
    ends = sorted(((index[a], index[b], d) if index[a] <= index[b] else (index[b], index[a], d)
                   for a, b, d in G.edges(data=True)), key=lambda e: e[:2])
    for a, b, d in ends:
        labels = _strs(d.get("labels")) or ([str(d["label"])] if d.get("label") else [])
        edocs = _strs(d.get("docs"))
        edges.append([a, b, S(d.get("relation")), S(d.get("label")), S.many(labels),
                      int(d.get("weight", len(edocs)) or 1), S.many(edocs), S.pairs(d.get("evidence"))])
    data = {"v": 2, "prefix": prefix, "types": types, "nodes": nodes, "edges": edges,
            "physics": bool(physics and not ov), "edgeLabels": len(edges) <= EDGE_LABEL_LIMIT and not ov,
            "styles": {t: STYLE[t] for t in STYLE}, "palette": PALETTE,
            "docs": sorted(S(x) for x in docs), "focus": index.get(focus, -1) if focus is not None else -1}
    if pos is not None:
        data["pos"] = [round(c * scale, 1) for v in order for c in pos[v]]
    if ov:
        people = ov["people"]
        ex = sorted(ov["extras"], key=lambda v: index[v])
        data["overview"] = {
            "nodes": [index[v] for v in people], "rank": [ov["rank"][v] for v in people],
            "x": [round(ov["pos"][v][0], 1) for v in people], "y": [round(ov["pos"][v][1], 1) for v in people],
            "size": [ov["size"][v] for v in people], "font": [ov["font"][v] for v in people],
            "group": [ov["group"][v] for v in people],
            "edges": [[index[a], index[b], w, k] for a, b, w, k in ov["edges"]],
            "px": [round(ov["pos_with_extras"][v][0], 1) for v in people],
            "py": [round(ov["pos_with_extras"][v][1], 1) for v in people],
            "extras": [index[v] for v in ex], "ex": [round(ov["extras"][v][0], 1) for v in ex],
            "ey": [round(ov["extras"][v][1], 1) for v in ex]}
    data["strings"] = S.items
    return data


def _json_for_script(data) -> str:
    # inside <script type="application/json"> only "</" could end the element; escape <, >, & too
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("graphkit", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), keep_trailing_newline=True)
    return env.get_template("graph.html.j2")


def render_html(G: nx.Graph, title: str = "graphkit graph", physics: bool | None = None) -> str:
    """The page as a string (deterministic: the same graph gives the same bytes)."""
    from markupsafe import Markup

    return _template().render(
        title=title, data_json=Markup(_json_for_script(graph_data(G, physics))),
        vis_js=Markup(vis_network_js().replace("</script", "<\\/script")),
        n_nodes=G.number_of_nodes(), n_edges=G.number_of_edges())


def focused(graph: Graph | nx.Graph, focus: str | None, hops: int, title: str) -> tuple[nx.Graph, str]:
    """The networkx view to draw and its title: the whole graph, or ``focus``'s neighbourhood ``hops`` deep."""
    from .projection import ego, find_nodes, project

    G = project(graph) if isinstance(graph, Graph) else graph
    if focus:
        from .errors import QueryError

        found = find_nodes(G, focus)
        if not found:
            raise QueryError(f"no entity named '{focus}' in the graph; try another name or alias")
        if len(found) > 1:
            names = ", ".join(sorted(str(G.nodes[n].get("label", n)) for n in found)[:10])
            raise QueryError(f"'{focus}' is ambiguous: {names}; give a fuller name")
        G = ego(G, found[0], hops)
        G.graph["focus"] = found[0]  # the page marks the person it is about (ego() made a copy)
        title = f"{title}: {G.nodes[found[0]].get('label', found[0])} ({hops} hop{'s' if hops != 1 else ''})"
    return G, title


def render(graph: Graph | nx.Graph, path: str | os.PathLike = "output/graph.html", title: str = "graphkit graph",
           focus: str | None = None, hops: int = 2, physics: bool | None = None) -> Path:
    """Write the interactive page for an RDF graph (projected) or a networkx graph; returns the path.

    ``focus``: draw only the ego graph of the entity with this name or alias, ``hops`` deep.
    ``physics``: None chooses by size (see LAYOUT_THRESHOLD). Only ``path`` is written.
    """
    from .rdf.io import atomic_write

    G, title = focused(graph, focus, hops, title)
    path = Path(path)
    atomic_write(path, render_html(G, title, physics))
    return path


class GraphView:
    """A page shown inline in Jupyter: an iframe whose ``srcdoc`` is the escaped page."""

    def __init__(self, page: str, height: int = 600):
        self.page = page
        self.height = int(height)

    def _repr_html_(self) -> str:
        # sandbox without allow-same-origin: the page's scripts cannot touch the notebook
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ddd" '
                f'title="graphkit graph"></iframe>')


def display(graph: Graph | nx.Graph, title: str = "graphkit graph", focus: str | None = None,
            hops: int = 2, height: int = 600, physics: bool | None = None) -> GraphView:
    """The page for Jupyter: ``graphkit.display(g)`` as a cell's last line draws it inline."""
    G, title = focused(graph, focus, hops, title)
    return GraphView(render_html(G, title, physics), height)
