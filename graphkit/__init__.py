"""graphkit: knowledge graphs from news. Public API: build, load_graph, run_query, project, render."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["build", "load_graph", "run_query", "project", "render", "display", "__version__"]


def build(paths, output=None, **options):
    """Build the graph of files/folders ``paths``; returns the rdflib Graph.

    ``output``: folder to write graph.ttl, graph.jsonld, graph.html, merges.json, manifest.json
    (nothing is written when None). ``options``: fields of :class:`graphkit.config.BuildOptions`.
    """
    from .config import BuildOptions
    from .pipeline import run_build

    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    return run_build(list(paths), output, BuildOptions(**options)).graph


def load_graph(source="output"):
    """The graph built into folder ``source`` (or an RDF file)."""
    from .rdf.io import load_graph as _load

    return _load(source)


def run_query(graph, query, params=None):
    """Run a canned query name, a .rq path or SPARQL text with bound ``params``; returns rows."""
    from .query import run_query as _run

    return _run(graph, query, params or {})


def project(graph):
    """The networkx view of a graph (entities and events as nodes)."""
    from .projection import project as _project

    return _project(graph)


def render(graph, path="output/graph.html", **kwargs):
    """Write the interactive HTML page of ``graph``; returns its path."""
    from .page import render as _render

    return _render(graph, path, **kwargs)


def display(graph, **kwargs):
    """The interactive page inline in Jupyter: make ``graphkit.display(g)`` a cell's last line."""
    from .page import display as _display

    return _display(graph, **kwargs)
