"""networkx → one self-contained, offline HTML page; every text from documents is escaped.

We render our own Jinja2 template (autoescape on) and inline vis-network from pyvis's package
data instead of calling pyvis's ``write_html``: its stock template loads CDN assets even with
``cdn_resources="in_line"`` and writes a ``lib/`` folder into the working directory.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import Graph

__all__ = ["render", "render_html", "graph_data", "vis_network_js", "LAYOUT_THRESHOLD"]

#: above this many nodes the layout is computed in Python and physics stays off in the page
LAYOUT_THRESHOLD = 600
STYLE = {
    "Person": {"shape": "dot", "color": "#4f7cff"},
    "Organization": {"shape": "square", "color": "#f0a030"},
    "Place": {"shape": "triangle", "color": "#3bb273"},
    "Event": {"shape": "diamond", "color": "#e0457b"},
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


def graph_data(G: nx.Graph) -> dict:
    """The page's data: nodes and edges with sizes, styles and the panel's text (plain strings)."""
    if G.number_of_nodes():
        cent = nx.degree_centrality(G)
    else:
        cent = {}
    pos = None
    if G.number_of_nodes() > LAYOUT_THRESHOLD:
        pos = nx.spring_layout(G, seed=7, iterations=30, k=None)
    nodes = []
    for n, d in sorted(G.nodes(data=True)):
        t = d.get("type", "Person")
        node = {
            "id": n, "label": d.get("label", n), "type": t,
            "size": round(10 + 40 * cent.get(n, 0) ** 0.5, 2),
            "shape": STYLE.get(t, STYLE["Person"])["shape"],
            "color": STYLE.get(t, STYLE["Person"])["color"],
            "aliases": d.get("aliases", []), "roles": d.get("roles", []), "docs": d.get("docs", []),
            "evidence": [list(x) for x in d.get("evidence", [])], "quotes": [list(x) for x in d.get("quotes", [])],
            "date": d.get("date", ""), "kind": d.get("kind", ""), "status": d.get("status", ""),
        }
        if pos is not None:
            node["x"], node["y"] = round(float(pos[n][0]) * 2000, 1), round(float(pos[n][1]) * 2000, 1)
        nodes.append(node)
    edges = []
    for k, (a, b, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (e[0], e[1]))):
        edges.append({"id": f"e{k}", "from": a, "to": b, "label": d.get("label", ""),
                      "relation": d.get("relation", ""), "width": min(1 + d.get("weight", 1), 8),
                      "docs": d.get("docs", []), "evidence": [list(x) for x in d.get("evidence", [])]})
    return {"nodes": nodes, "edges": edges, "physics": pos is None, "styles": STYLE}


def _json_for_script(data) -> str:
    # inside <script type="application/json"> only "</" could end the element; escape <, >, &
    return (json.dumps(data, ensure_ascii=False, sort_keys=True)
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(G: nx.Graph, title: str = "graphkit graph") -> str:
    """The page as a string."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("graphkit", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), keep_trailing_newline=True)
    tpl = env.get_template("graph.html.j2")
    from markupsafe import Markup

    return tpl.render(title=title, data_json=Markup(_json_for_script(graph_data(G))),
                      vis_js=Markup(vis_network_js().replace("</script", "<\\/script")),
                      n_nodes=G.number_of_nodes(), n_edges=G.number_of_edges())


def render(graph: Graph | nx.Graph, path: str | os.PathLike = "output/graph.html", title: str = "graphkit graph",
           focus: str | None = None, hops: int = 2) -> Path:
    """Write the interactive page for an RDF graph (projected) or a networkx graph; returns the path."""
    from .project import ego, find_nodes, project
    from .rdf.io import atomic_write

    G = project(graph) if isinstance(graph, Graph) else graph
    if focus:
        from .errors import QueryError

        found = find_nodes(G, focus)
        if not found:
            raise QueryError(f"no entity named '{focus}' in the graph")
        if len(found) > 1:
            names = ", ".join(sorted(G.nodes[n]["label"] for n in found)[:10])
            raise QueryError(f"'{focus}' is ambiguous: {names}")
        G = ego(G, found[0], hops)
        title = f"{title}: {G.nodes[found[0]]['label']} ({hops} hops)"
    path = Path(path)
    atomic_write(path, render_html(G, title))
    return path
