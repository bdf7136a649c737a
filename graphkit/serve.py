"""A SPARQL 1.1 Protocol and Graph Store Protocol endpoint over a built graph, on loopback, read-only by default."""
from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from .errors import InputError

__all__ = ["make_server", "serve", "open_store"]

_RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
            "application/sparql-results+xml": ox.QueryResultsFormat.XML,
            "text/csv": ox.QueryResultsFormat.CSV,
            "text/tab-separated-values": ox.QueryResultsFormat.TSV}
_RDF = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
        "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML}


def open_store(graph_dir: str | os.PathLike | None, writable: bool = False) -> ox.Store:
    """The Oxigraph store to serve: the build's store, graph.ttl loaded in memory, or an empty one."""
    if graph_dir is None:
        return ox.Store()
    from .store import open_graph, store_path

    p = Path(graph_dir)
    if writable and (store_path(p) / "CURRENT").exists():
        return ox.Store(str(store_path(p)))
    return open_graph(p).store._inner


def _pick(accept: str, table: dict, default: str) -> tuple[str, object]:
    for part in (accept or "").split(","):
        mime = part.split(";")[0].strip().lower()
        if mime in table:
            return mime, table[mime]
    return default, table[default]


class _Handler(BaseHTTPRequestHandler):
    store: ox.Store
    writable: bool
    timeout_s: float | None
    server_version = "graphkit-sparql/1"

    def log_message(self, *args) -> None:  # quiet: a CLI user sees errors, not access logs
        pass

    # --- plumbing
    def _send(self, code: int, body: bytes = b"", ctype: str = "text/plain; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _params(self) -> tuple[dict, bytes]:
        url = urlparse(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        body = self._body() if self.command in ("POST", "PUT") else b""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
            body = b""
        return params, body

    # --- routes
    def do_GET(self) -> None:
        self._route()

    do_HEAD = do_GET

    def do_POST(self) -> None:
        self._route()

    def do_PUT(self) -> None:
        self._route()

    def do_DELETE(self) -> None:
        self._route()

    def _route(self) -> None:
        path = urlparse(self.path).path.rstrip("/") or "/"
        try:
            if path in ("/query", "/sparql", "/"):
                self._query()
            elif path == "/update":
                self._update()
            elif path == "/store":
                self._graph_store()
            else:
                self._send(404, b"try /query, /update or /store\n")
        except (SyntaxError, ValueError) as exc:
            self._send(400, f"{exc}\n".encode())
        except Exception as exc:  # noqa: BLE001 - a client gets a status line, never a dropped socket
            self._send(500, f"{exc.__class__.__name__}: {exc}\n".encode())

    def _query(self) -> None:
        params, body = self._params()
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.command == "POST" and ctype == "application/sparql-query":
            text = body.decode("utf-8")
        elif "query" in params:
            text = params["query"][0]
        else:
            return self._send(400, b"missing query\n")
        if "update" in params:
            return self._send(400, b"an update goes to /update\n")
        res = self.store.query(text, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryTriples):
            mime, fmt = _pick(self.headers.get("Accept", ""), _RDF, "application/n-triples")
            out = ox.serialize(res, format=fmt)
        else:
            mime, fmt = _pick(self.headers.get("Accept", ""), _RESULTS, "application/sparql-results+json")
            out = res.serialize(format=fmt)
        self._send(200, out, mime)

    def _update(self) -> None:
        if not self.writable:
            return self._send(403, b"read-only endpoint; start it with --writable\n")
        params, body = self._params()
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        text = body.decode("utf-8") if ctype == "application/sparql-update" else (params.get("update") or [""])[0]
        if not text:
            return self._send(400, b"missing update\n")
        self.store.update(text)
        self._send(204)

    def _graph_store(self) -> None:
        params, body = self._params()
        if "default" in params:
            target = ox.DefaultGraph()
        elif "graph" in params:
            target = ox.NamedNode(params["graph"][0])
        else:
            return self._send(400, b"give ?graph=IRI or ?default\n")
        if self.command in ("GET", "HEAD"):
            if isinstance(target, ox.NamedNode) and not self.store.contains_named_graph(target):
                return self._send(404, b"no such graph\n")
            mime, fmt = _pick(self.headers.get("Accept", ""), _RDF, "application/n-triples")
            triples = [ox.Triple(q.subject, q.predicate, q.object)
                       for q in self.store.quads_for_pattern(None, None, None, target)]
            return self._send(200, ox.serialize(triples, format=fmt) or b"", mime)
        if not self.writable:
            return self._send(403, b"read-only endpoint; start it with --writable\n")
        existed = isinstance(target, ox.DefaultGraph) or self.store.contains_named_graph(target)
        if self.command == "DELETE":
            if not existed:
                return self._send(404, b"no such graph\n")
            self.store.remove_graph(target) if isinstance(target, ox.NamedNode) else self.store.clear_graph(target)
            return self._send(204)
        ctype = (self.headers.get("Content-Type") or "application/n-triples").split(";")[0].strip().lower()
        fmt = _RDF.get(ctype)
        if fmt is None:
            return self._send(415, f"unsupported RDF type {ctype}\n".encode())
        # parse it all first: a bad body changes nothing
        quads = [ox.Quad(t.subject, t.predicate, t.object, target) for t in ox.parse(body, format=fmt)]
        if self.command == "PUT" and existed:
            self.store.clear_graph(target)
        self.store.extend(quads)
        self._send(204 if existed else 201)


def make_server(graph_dir: str | os.PathLike | None = "output", port: int = 7878, writable: bool = False,
                host: str = "127.0.0.1", store: ox.Store | None = None) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) answering /query, /update and /store on ``host:port``."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise InputError(f"{host}: graphkit serves on loopback only; put a proxy in front to share it")
    st = store if store is not None else open_store(graph_dir, writable)
    handler = type("Handler", (_Handler,), {"store": st, "writable": writable})
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise InputError(f"{host}:{port}: cannot listen ({exc.strerror or exc}); try another --port") from exc


def serve(graph_dir: str | os.PathLike | None = "output", port: int = 7878, writable: bool = False,
          ready: threading.Event | None = None) -> None:
    """Serve until interrupted: SPARQL at /query (and /update with ``writable``), graphs at /store."""
    srv = make_server(graph_dir, port, writable)
    if ready is not None:
        ready.set()
    try:
        srv.serve_forever()
    finally:
        srv.server_close()
