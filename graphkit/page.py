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

__all__ = ["render", "render_html", "graph_data", "layout", "display", "GraphView",
           "vis_network_js", "LAYOUT_THRESHOLD", "STYLE"]

#: above this many nodes positions are computed in Python and the page starts with physics off;
#: below it vis-network's physics settles the small graph (nicer) and is then frozen
LAYOUT_THRESHOLD = 300
#: above this many edges edge labels are left to the side panel (drawing thousands of labels lags)
EDGE_LABEL_LIMIT = 60  # above this, relation labels live in the panel: on the canvas they overlap
STYLE = {
    "Person": {"shape": "dot", "color": "#4f7cff", "symbol": "●"},
    "Organization": {"shape": "square", "color": "#f0a030", "symbol": "■"},
    "Place": {"shape": "triangle", "color": "#2fa866", "symbol": "▲"},
    "Event": {"shape": "diamond", "color": "#e0457b", "symbol": "◆"},
}
_OTHER = {"shape": "dot", "color": "#999999", "symbol": "●"}


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


def _pairs(xs) -> list[list[str]]:
    return [[str(a) for a in x] if isinstance(x, (list, tuple)) else [str(x), ""] for x in xs or []]


def _strs(xs) -> list[str]:
    return [str(x) for x in xs or []]


def graph_data(G: nx.Graph, physics: bool | None = None) -> dict:
    """The page's data: nodes and edges with sizes, styles and the panel's text (plain strings).

    Node size follows degree centrality (cheap at any size); edge width follows the number of
    supporting documents. ``physics`` None means: physics below LAYOUT_THRESHOLD nodes, else a
    precomputed layout.
    """
    n = G.number_of_nodes()
    cent = nx.degree_centrality(G) if n > 1 else {v: 0.0 for v in G}
    if physics is None:
        physics = n <= LAYOUT_THRESHOLD
    pos = None if physics else layout(G)
    scale = 60.0  # unit edge length → pixels
    ids = {v: str(v) for v in G}
    nodes = []
    for v, d in sorted(G.nodes(data=True), key=lambda x: str(x[0])):
        t = str(d.get("type", "Person"))
        st = STYLE.get(t, _OTHER)
        node = {
            "id": ids[v], "label": str(d.get("label", v)), "short": str(d.get("short", "") or ""), "type": t,
            "value": round(cent.get(v, 0.0), 6), "degree": G.degree(v),
            "shape": st["shape"], "color": st["color"],
            "aliases": _strs(d.get("aliases")), "roles": _strs(d.get("roles")), "docs": _strs(d.get("docs")),
            "evidence": _pairs(d.get("evidence")), "quotes": _pairs(d.get("quotes")),
            "date": str(d.get("date", "") or ""), "kind": str(d.get("kind", "") or ""),
            "status": str(d.get("status", "") or ""),
        }
        if pos is not None:
            node["x"], node["y"] = round(pos[v][0] * scale, 1), round(pos[v][1] * scale, 1)
        nodes.append(node)
    edges = []
    for k, (a, b, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]]))):
        docs = _strs(d.get("docs"))
        weight = int(d.get("weight", len(docs)) or 1)
        edges.append({"id": f"e{k}", "from": ids[a], "to": ids[b], "label": str(d.get("label", "") or ""),
                      "labels": _strs(d.get("labels")) or ([str(d["label"])] if d.get("label") else []),
                      "relation": str(d.get("relation", "") or ""), "weight": weight,
                      "width": round(1 + 1.5 * math.log2(max(weight, 1)), 2),
                      "docs": docs, "evidence": _pairs(d.get("evidence"))})
    return {"nodes": nodes, "edges": edges, "physics": bool(physics),
            "edgeLabels": len(edges) <= EDGE_LABEL_LIMIT,
            "styles": {t: STYLE[t] for t in STYLE}}


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


def _as_nx(graph: Graph | nx.Graph, focus: str | None, hops: int, title: str) -> tuple[nx.Graph, str]:
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
        title = f"{title}: {G.nodes[found[0]].get('label', found[0])} ({hops} hop{'s' if hops != 1 else ''})"
    return G, title


def render(graph: Graph | nx.Graph, path: str | os.PathLike = "output/graph.html", title: str = "graphkit graph",
           focus: str | None = None, hops: int = 2, physics: bool | None = None) -> Path:
    """Write the interactive page for an RDF graph (projected) or a networkx graph; returns the path.

    ``focus``: draw only the ego graph of the entity with this name or alias, ``hops`` deep.
    ``physics``: None chooses by size (see LAYOUT_THRESHOLD). Only ``path`` is written.
    """
    from .rdf.io import atomic_write

    G, title = _as_nx(graph, focus, hops, title)
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
    G, title = _as_nx(graph, focus, hops, title)
    return GraphView(render_html(G, title, physics), height)
