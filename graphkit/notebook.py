"""Notebook stage: a graph drawn inline in Jupyter and VS Code, its data once and the drawing library once.

The standalone page (page.py) inlines vis-network in every file, which is right for a page and
wrong for a notebook: shown through an iframe's ``srcdoc``, every cell stored the half-megabyte
library again, escaped. Here a cell's output is a ``<div>``, the view's data as JSON and a short
script; the library is inlined only in the first view a kernel shows (JupyterLab and VS Code
run every output in one document, so later views find it there).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

__all__ = ["NotebookView", "display", "view_data"]

#: whether this kernel has already sent vis-network to the notebook
_sent_library = False
#: views shown so far: the same graph shown twice still gets two elements
_shown = itertools.count(1)

_DRAW = """(function () {
  var root = document.getElementById(%(id)s), spec = JSON.parse(document.getElementById(%(data_id)s).textContent);
  if (!root) { return; }
  if (typeof vis === "undefined" || !vis.Network) {
    root.textContent = "The drawing library went with an output that is gone: " +
      "graphkit.display(g, library=True) sends it again.";
    return;
  }
  root.textContent = "";
  var options = {physics: spec.physics ? {stabilization: {iterations: 200}} : false,
                 interaction: {hover: true, tooltipDelay: 150},
                 nodes: {scaling: {min: 8, max: 40}, font: {size: 12}}, edges: {smooth: false, font: {size: 9}}};
  var net = new vis.Network(root, {nodes: new vis.DataSet(spec.nodes), edges: new vis.DataSet(spec.edges)}, options);
  net.once("stabilizationIterationsDone", function () { net.setOptions({physics: false}); });
  root.gkNetwork = net;
})();"""


def _script_json(data: Any) -> str:
    # inside <script type="application/json"> only "</" could end the element; escape <, >, & too
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def view_data(G: nx.Graph, physics: bool | None = None) -> dict:
    """Nodes and edges for vis-network: labels, shapes, colours, sizes by degree, plain-text tooltips."""
    from .page import LAYOUT_THRESHOLD, STYLE, layout

    if physics is None:
        physics = G.number_of_nodes() <= LAYOUT_THRESHOLD
    pos = None if physics else layout(G)
    nodes = []
    for v, d in sorted(G.nodes(data=True), key=lambda x: str(x[0])):
        t = str(d.get("type", ""))
        st = STYLE.get(t, {"shape": "dot", "color": "#999999"})
        tip = [str(d.get("label", v)), t] + [str(r) for r in d.get("roles", ())][:3]
        if d.get("date"):
            tip.append(str(d["date"]))
        node = {"id": str(v), "label": str(d.get("short") or d.get("label", v)), "shape": st["shape"],
                "color": st["color"], "value": G.degree(v), "title": "\n".join(x for x in tip if x)}
        if pos is not None:
            node["x"], node["y"] = round(pos[v][0] * 60, 1), round(pos[v][1] * 60, 1)
        nodes.append(node)
    edges = []
    for a, b, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        w = int(d.get("weight", 1) or 1)
        edges.append({"from": str(a), "to": str(b), "title": str(d.get("label", "") or ""),
                      "width": round(1 + 1.5 * math.log2(max(w, 1)), 2)})
    return {"nodes": nodes, "edges": edges, "physics": bool(physics)}


class NotebookView:
    """A graph shown inline: ``graphkit.display(g)`` as a cell's last line draws it."""

    def __init__(self, G: nx.Graph, title: str = "graphkit graph", height: int = 600, physics: bool | None = None,
                 library: bool | None = None):
        self.graph = G
        self.title = title
        self.height = int(height)
        self.physics = physics
        #: inline vis-network: None only in the first view of this kernel
        self.library = library

    def __repr__(self) -> str:
        return (f"<graphkit view {self.title!r}: {self.graph.number_of_nodes()} nodes, "
                f"{self.graph.number_of_edges()} edges; shown inline in Jupyter, or .save('page.html')>")

    def save(self, path: str | os.PathLike = "graph.html") -> Path:
        """Write the full interactive page (side panel, search, filters) of this view."""
        from .page import render

        return render(self.graph, path, title=self.title, physics=self.physics)

    def _repr_html_(self) -> str:
        from html import escape

        from .page import vis_network_js

        global _sent_library
        data = _script_json(view_data(self.graph, self.physics))
        key = f"gk-{hashlib.sha1(data.encode('utf-8')).hexdigest()[:10]}-{next(_shown)}"
        parts = []
        if self.library or (self.library is None and not _sent_library):
            # define/module/exports hidden: the UMD bundle sets window.vis even where RequireJS is loaded
            lib = vis_network_js().replace("</script", "<\\/script")
            parts.append("<script>(function (define, module, exports) {\n" + lib + "\n}).call(window);</script>")
            _sent_library = True
        parts.append(f'<div class="graphkit-view" title="{escape(self.title)}">'
                     f'<div id="{key}" style="width:100%;height:{self.height}px;border:1px solid #ddd">'
                     f"{escape(self.title)}: {self.graph.number_of_nodes()} nodes, {self.graph.number_of_edges()} edges"
                     " (the drawing appears when the notebook is trusted and the cell has run)</div>"
                     f'<script type="application/json" id="{key}-data">{data}</script>'
                     f"<script>{_DRAW % {'id': json.dumps(key), 'data_id': json.dumps(key + '-data')}}</script></div>")
        return "".join(parts)


def display(graph: Graph | nx.Graph, title: str = "graphkit graph", focus: str | None = None,
            hops: int = 2, height: int = 600, physics: bool | None = None,
            library: bool | None = None) -> NotebookView:
    """The graph for a notebook cell (``focus``: only the neighbourhood of this entity, ``hops`` deep).

    ``library``: inline vis-network in this view; by default only the kernel's first view does.
    """
    from .page import focused

    G, title = focused(graph, focus, hops, title)
    return NotebookView(G, title, height, physics, library)
