"""The persisted query store: an Oxigraph database beside graph.ttl, opened through the rdflib API."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .errors import InputError, OutputError
from .rdf.vocab import bind_namespaces

__all__ = ["STORE_DIR", "write_store", "open_graph", "open_oxigraph", "oxigraph_graph", "as_oxigraph", "store_path"]

#: folder name of the store inside a build's output folder
STORE_DIR = "store"


def store_path(out_dir: str | os.PathLike) -> Path:
    return Path(out_dir) / STORE_DIR


def oxigraph_graph(store: ox.Store | None = None) -> Graph:
    """An rdflib Graph over an Oxigraph store (a fresh in-memory one unless given).

    The graph is the store's default graph, so SPARQL sent to it, to ``pyoxigraph`` directly or to
    ``graphkit serve`` sees the same triples.
    """
    g = Graph(store=OxigraphStore(store=store if store is not None else ox.Store()),
              identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_namespaces(g)
    return g


def as_oxigraph(graph: Graph) -> Graph:
    """``graph`` itself when Oxigraph holds it, else an in-memory Oxigraph copy of its triples.

    The canned queries are written (and timed) for Oxigraph's engine; rdflib's own evaluates
    some of their nested sub-selects differently, so an rdflib graph is copied, not queried.
    """
    if isinstance(graph.store, OxigraphStore):
        return graph
    st = ox.Store()
    st.bulk_load(input=graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return oxigraph_graph(st)


def write_store(graph: Graph, out_dir: str | os.PathLike) -> Path:
    """Write ``graph`` as an Oxigraph store at ``out_dir/store``, replacing any earlier one atomically.

    The store is built in a temporary sibling folder and renamed into place, so a reader never
    opens a half-written database and a killed build leaves the previous store intact.
    """
    target = store_path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}.", suffix=".tmp", dir=target.parent))
    old = None
    try:
        st = ox.Store(str(tmp))
        # N-Triples through the bulk loader: far faster than adding rdflib triples one by one
        st.bulk_load(input=graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        # compacting once after the bulk load made hub queries about a third faster at 1M triples
        st.optimize()
        st.flush()
        del st  # closes the database before the rename
        if target.exists():
            old = target.with_name(f".{STORE_DIR}.old.{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{target}: cannot write the query store ({exc.strerror or exc})") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return target


def open_graph(source: str | os.PathLike = "output", writable: bool = False) -> Graph:
    """The built graph of folder ``source`` as an Oxigraph-backed rdflib Graph.

    Opens ``source/store`` when the build wrote one (no parsing: milliseconds); otherwise loads
    graph.ttl, or the RDF file ``source``, into an in-memory Oxigraph store. Read-only unless
    ``writable``, so any number of readers may share a store.
    """
    return oxigraph_graph(open_oxigraph(source, writable))


def open_oxigraph(source: str | os.PathLike = "output", writable: bool = False) -> ox.Store:
    """The Oxigraph store behind :func:`open_graph`: the build's store, or its graph loaded in memory."""
    p = Path(source)
    sp = store_path(p)
    if p.is_dir() and (sp / "CURRENT").exists():
        try:
            return ox.Store(str(sp)) if writable else ox.Store.read_only(str(sp))
        except OSError as exc:
            raise InputError(f"{sp}: cannot open the query store ({exc}); rebuild or remove it") from exc
    f = p / "graph.ttl" if p.is_dir() else p
    if not f.exists():
        raise InputError(f"{f}: no built graph here; run `graphkit build PATH -o {p}` first")
    fmt = ox.RdfFormat.from_extension(f.suffix.lstrip(".") or "ttl") or ox.RdfFormat.TURTLE
    st = ox.Store()
    try:
        st.bulk_load(path=str(f), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{f}: cannot parse graph ({exc.__class__.__name__}: {str(exc)[:160]})") from exc
    return st
