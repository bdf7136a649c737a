"""graphkit: knowledge graphs from news. Public API: build, load_graph, run_query, project, render."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["build", "load_graph", "run_query", "project", "render", "display", "__version__"]


def build(paths, output=None, **options):
    """Build the graph of files/folders ``paths``; returns it as an rdflib Graph over Oxigraph.

    ``output``: folder to write graph.ttl, graph.jsonld, graph.html, merges.json, manifest.json
    and the query store (nothing is written when None). The graph returned is the one
    :func:`load_graph` gives: the persisted store when ``output`` is given (read-only), else an
    in-memory Oxigraph copy; every canned query runs on it. ``options``: fields of
    :class:`graphkit.config.BuildOptions`.
    """
    from .config import BuildOptions
    from .pipeline import run_build
    from .store import as_oxigraph, open_graph

    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    result = run_build(list(paths), output, BuildOptions(**options))
    return open_graph(output) if output is not None else as_oxigraph(result.graph)


def load_graph(source="output"):
    """The graph built into folder ``source`` (its query store, else graph.ttl) or an RDF file,
    as a read-only rdflib Graph over Oxigraph."""
    from .store import open_graph

    return open_graph(source)


def run_query(graph, query, params=None, **kwargs):
    """Run a canned query name, a .rq path or SPARQL text with bound ``params``.

    Returns a :class:`graphkit.query.QueryResult`: iterate it for rows, ``len()`` it, or call
    ``to_dicts()`` / ``to_dataframe()``. ``kwargs``: ``timeout``, ``limit``.
    """
    from .query import run_query as _run

    return _run(graph, query, params or {}, **kwargs)


def project(graph):
    """The networkx view of a graph (entities and events as nodes)."""
    from .projection import project as _project

    return _project(graph)


def render(graph, path="output/graph.html", **kwargs):
    """Write the interactive HTML page of ``graph``; returns its path."""
    from .page import render as _render

    return _render(graph, path, **kwargs)


def display(graph, **kwargs):
    """The graph inline in a Jupyter or VS Code notebook: make ``graphkit.display(g)`` a cell's last line.

    ``kwargs``: ``focus``, ``hops``, ``title``, ``height``. The view's ``save(path)`` writes the full page.
    """
    from .notebook import display as _display

    return _display(graph, **kwargs)
