"""A SPARQL 1.1 Protocol and Graph Store Protocol endpoint: each request runs in a worker process that a timeout kills."""
from __future__ import annotations

import ctypes
import html
import ipaddress
import multiprocessing
import os
import re
import select
import shutil
import signal
import socket
import tempfile
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from .config import ServeOptions
from .errors import InputError

__all__ = ["SparqlServer", "ServeOptions", "make_server", "serve", "sparql_keywords", "negotiate", "is_loopback"]

RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/csv": ox.QueryResultsFormat.CSV,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV,
           "application/json": ox.QueryResultsFormat.JSON}
GRAPHS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
          "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
          "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG}
_FORMS = ("application/x-www-form-urlencoded",)
#: a request still running after this many seconds is "long": its worker drops to the idle CPU
#: class, so short queries on other workers keep their latency (measured in docs/serve.md); every
#: canned query answers in under 0.1 s on a 1.26M-triple build
SLOW_AFTER = 0.25
#: after this many seconds a request counts against the cap of long requests (half the workers),
#: so short queries always find a worker; one over the cap is stopped with 503
HEAVY_AFTER = 2.0
_MAX_BODY = 1 << 30
_MAX_WAITING = 64


# --- SPARQL text: which keywords it uses, without trusting a regex over the raw text -----------

_LEX = re.compile(r"""
    \#[^\n\r]*                                        # comment
  | '''(?:[^'\\]|\\.|'(?!''))*''' | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
  | '(?:[^'\\\n\r]|\\.)*' | "(?:[^"\\\n\r]|\\.)*"     # strings
  | <[^<>"{}|^`\\\x00-\x20]*>                          # IRIs
  | [?$]\w+                                            # variables
  | (?:[^\W\d]\w*(?:[.-]+\w+)*)?:(?:[\w.:-]|%[0-9A-Fa-f]{2}|\\.)*   # prefixed names, blank nodes
  | (?P<word>[A-Za-z]+)
  | .""", re.X | re.S)
_UESC = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(text: str) -> str:
    return _UESC.sub(lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16) < 0x110000 else "", text)


def sparql_keywords(text: str) -> list[str]:
    """The bare words of SPARQL ``text`` in order, upper-cased: strings, IRIs, comments, names skipped.

    SPARQL allows ``\\u`` escapes anywhere in a query, so the text is read both as given and with
    them decoded; a keyword found either way counts.

    >>> sparql_keywords('SELECT * { ?s ex:SERVICE "SERVICE" } # SERVICE')
    ['SELECT']
    """
    words = [m["word"].upper() for m in _LEX.finditer(text) if m["word"]]
    if _UESC.search(text):
        words += [w for w in sparql_keywords(_unescape(text)) if w not in words]
    return words


def _form(words: list[str]) -> str:
    return next((w for w in words if w in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), "SELECT")


# --- content negotiation --------------------------------------------------------------------

def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The type of ``offered`` (server preference first) that ``accept`` rates highest; None: 406.

    q-values, ``type/*`` and ``*/*`` as RFC 9110 says; the most specific range decides a type's q.

    >>> negotiate("application/sparql-results+json;q=0.5, application/sparql-results+xml",
    ...           ["application/sparql-results+json", "application/sparql-results+xml"])
    'application/sparql-results+xml'
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = []
    for part in accept.split(","):
        bits = [b.strip() for b in part.split(";")]
        mime = bits[0].lower()
        if "/" not in mime:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(b[2:])))
                except ValueError:
                    q = 0.0
        ranges.append((mime, q))
    best, best_q = None, 0.0
    for mime in offered:
        kind = mime.split("/")[0] + "/*"
        match = [(3 if r == mime else 2 if r == kind else 1, q) for r, q in ranges if r in (mime, kind, "*/*")]
        q = max(match)[1] if match else 0.0
        if q > best_q:
            best, best_q = mime, q
    return best


# --- the worker: one process, one store, one request at a time ------------------------------

def _no_network() -> bool:
    """Put this process in its own empty network namespace (Linux, unprivileged user namespaces):
    then no query can open a connection, whatever the text-level check missed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(0x10000000 | 0x40000000) == 0  # CLONE_NEWUSER | CLONE_NEWNET
    except (OSError, AttributeError):
        return False


def _die_with_parent() -> None:
    """Exit when the server process is gone, so a killed server leaves no query running.

    (PR_SET_PDEATHSIG would fire when the server *thread* that spawned the worker ends.)"""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _worker_main(conn, path: str | None, writable: bool, isolate: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    isolated = _no_network() if isolate else False  # before any thread starts: unshare needs a single thread
    _die_with_parent()
    try:
        store = ox.Store(path) if writable else ox.Store.read_only(path)
    except OSError as exc:
        conn.send(("error", f"cannot open the store {path}: {exc}"))
        return
    conn.send(("ready", isolated))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = _do(store, job)
        except (SyntaxError, ValueError) as exc:
            reply = (400, "text/plain; charset=utf-8", f"{exc}\n".encode())
        except Exception as exc:  # noqa: BLE001 - the client gets a status line, the worker lives on
            reply = (500, "text/plain; charset=utf-8", f"{exc.__class__.__name__}: {exc}\n".encode())
        conn.send(reply)


def _graph_term(name: str | None):
    return ox.DefaultGraph() if name is None else ox.NamedNode(name)


def _do(store: ox.Store, job: dict) -> tuple[int, str, bytes]:
    op = job["op"]
    if op == "query":
        kw = {}
        if job["default_graph"] is not None or job["named_graphs"] is not None:
            kw["default_graph"] = [ox.NamedNode(g) for g in job["default_graph"] or []]
            kw["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"] or []]
        elif job["union"]:
            kw["use_default_graph_as_union"] = True
        res = store.query(job["text"], **kw)
        mime = job["mime"]
        if isinstance(res, ox.QueryTriples):
            return 200, mime, ox.serialize(res, format=GRAPHS[mime]) or b""
        return 200, mime, res.serialize(format=RESULTS[mime])
    if op == "update":
        store.update(job["text"])
        return 204, "", b""
    target = _graph_term(job["graph"])
    exists = target == ox.DefaultGraph() or store.contains_named_graph(target)
    if op == "get":
        if not exists:
            return 404, "text/plain; charset=utf-8", b"no such graph\n"
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, target)]
        return 200, job["mime"], ox.serialize(triples, format=GRAPHS[job["mime"]]) or b""
    if op == "delete":
        if not exists:
            return 404, "text/plain; charset=utf-8", b"no such graph\n"
        store.remove_graph(target) if isinstance(target, ox.NamedNode) else store.clear_graph(target)
        return 204, "", b""
    # put / post: parse it all first, so a bad body changes nothing
    quads = [ox.Quad(t.subject, t.predicate, t.object, target)
             for t in ox.parse(job["body"], format=GRAPHS[job["mime"]], base_iri=job["graph"])]
    if op == "put" and exists:
        store.clear_graph(target)
    store.extend(quads)
    return (204 if exists else 201), "", b""


class _Worker:
    def __init__(self, ctx, path: str, writable: bool, isolate: bool):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, path, writable, isolate), daemon=True)
        self.proc.start()
        child.close()
        self.niced = False
        try:
            if not self.conn.poll(60):
                raise EOFError
            kind, detail = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise InputError(f"{path}: the query worker did not start") from None
        if kind == "error":
            self.kill()
            raise InputError(detail)
        self.isolated = bool(detail)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(10)  # a writable store is locked until its process is gone
        self.conn.close()


def _context():
    """Workers fork from a single-threaded server process that has imported this module once: a
    new worker is ready in ~20 ms instead of ~150 ms with "spawn". Never fork the threaded server."""
    try:
        ctx = multiprocessing.get_context("forkserver")
    except ValueError:
        return multiprocessing.get_context("spawn")
    ctx.set_forkserver_preload([__name__])
    return ctx


def _deprioritise(pid: int) -> bool:
    """Let a long request run only when no short one wants the CPU. Irreversible without
    privileges, so the worker is replaced afterwards."""
    ok = False
    try:
        os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
        ok = True
    except (OSError, AttributeError):
        pass
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 19)
        ok = True
    except OSError:
        pass
    return ok


class _Refused(Exception):
    def __init__(self, code: int, message: str, retry: bool = False):
        super().__init__(message)
        self.code, self.retry = code, retry


class _Pool:
    """At most ``size`` requests evaluated at once, each in a worker process; a late one is killed."""

    def __init__(self, path: str, writable: bool, opts: ServeOptions):
        self.ctx = _context()
        self.path, self.writable, self.opts = path, writable, opts
        # a writable store has one owner process; read-only copies can be opened by many
        self.size = 1 if writable else opts.max_queries
        self.slots = threading.BoundedSemaphore(self.size)
        self.lock = threading.Lock()
        self.ready = threading.Condition(self.lock)
        self.idle: list[_Worker] = []
        self.waiting = 0
        self.heavy = 0
        self.heavy_cap = max(1, self.size // 2)
        self.closed = False
        self.alive = 1  # workers started or starting
        first = self._spawn()
        self.isolated = first.isolated
        self.idle.append(first)
        self._grow()

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, self.path, self.writable, not self.opts.allow_service)

    def _take(self) -> _Worker:
        self._grow()
        with self.ready:
            # a slot is held, so fewer than ``size`` workers are busy: one is idle or starting
            self.ready.wait_for(lambda: self.idle, timeout=30)
            if self.idle:
                return self.idle.pop()
        raise _Refused(503, "no query worker could start; see the server's log", retry=True)

    def _grow(self) -> None:
        """Start workers in the background until ``size`` exist: a request should never wait
        for a process to start (about 0.3 s, most of it importing and opening the store)."""
        with self.lock:
            missing = self.size - self.alive
            self.alive += max(0, missing)
        for _ in range(max(0, missing)):
            threading.Thread(target=self._refill, daemon=True).start()

    def _retire(self, w: _Worker) -> None:
        w.kill()
        with self.lock:
            self.alive -= 1
        if not self.closed:
            self._grow()

    def _refill(self) -> None:
        try:
            w = self._spawn()
        except InputError:
            with self.lock:
                self.alive -= 1
            return
        with self.ready:
            if not self.closed:
                self.idle.append(w)
                self.ready.notify()
                return
        w.kill()

    def run(self, job: dict, gone) -> tuple[int, str, bytes]:
        with self.lock:
            if self.waiting >= _MAX_WAITING:
                raise _Refused(503, "server busy: too many requests waiting; try again shortly", retry=True)
            self.waiting += 1
        try:
            got = self.slots.acquire(timeout=self.opts.queue_wait)
        finally:
            with self.lock:
                self.waiting -= 1
        if not got:
            raise _Refused(503, f"server busy: {self.size} requests running for over "
                                f"{self.opts.queue_wait:g}s; try again shortly", retry=True)
        heavy = demoted = False
        try:
            w = self._take()
            w.conn.send(job)
            t0 = time.monotonic()
            deadline = t0 + self.opts.timeout
            while not w.conn.poll(min(0.05, max(0.0, deadline - time.monotonic()))):
                now = time.monotonic()
                if now >= deadline:
                    self._retire(w)
                    raise _Refused(503, f"query stopped: it ran past the {self.opts.timeout:g}s timeout "
                                        f"(the server's --timeout)")
                if gone():
                    self._retire(w)
                    raise _Refused(499, "client went away")
                if not self.writable and not demoted and now - t0 > SLOW_AFTER:
                    demoted = True
                    w.niced = _deprioritise(w.proc.pid)
                if not self.writable and not heavy and now - t0 > HEAVY_AFTER:
                    with self.lock:
                        heavy = self.heavy < self.heavy_cap
                        self.heavy += heavy
                    if not heavy:
                        self._retire(w)
                        raise _Refused(503, f"server busy: {self.heavy_cap} long-running queries already; "
                                            "try again shortly", retry=True)
            try:
                reply = w.conn.recv()
            except (EOFError, OSError):
                self._retire(w)
                raise _Refused(500, "the query worker died (out of memory?); the server goes on")
            if w.niced:  # a process cannot raise its own priority again: replace it
                self._retire(w)
            else:
                with self.ready:
                    self.idle.append(w)
                    self.ready.notify()
            return reply
        finally:
            if heavy:
                with self.lock:
                    self.heavy -= 1
            self.slots.release()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            idle, self.idle = self.idle, []
        for w in idle:
            w.kill()


# --- the HTTP side --------------------------------------------------------------------------

_TEXT = "text/plain; charset=utf-8"
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>graphkit SPARQL endpoint</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self'">
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}}
textarea{{width:100%;font:13px monospace}}code,pre{{background:#f4f4f4}}</style></head><body>
<h1>graphkit SPARQL endpoint</h1>
<p>{mode}. SPARQL 1.1 queries at <code>/query</code> (GET <code>?query=</code>, POST form, or POST
<code>application/sparql-query</code>){update}; graphs at <code>/store</code> (Graph Store Protocol).
The default graph is the union of all named graphs (one per document); <code>FROM</code>,
<code>default-graph-uri</code> and <code>named-graph-uri</code> choose others. A request stops after
{timeout:g}s. SERVICE {service}.</p>
<form action="/query" method="get"><textarea name="query" rows="8">{example}</textarea>
<p><button>Run</button> (answer as SPARQL JSON; send an <code>Accept</code> header for XML, CSV or TSV)</p></form>
<pre>curl -H 'Accept: text/csv' --data-urlencode 'query={example_line}' {base}/query</pre>
</body></html>
"""
_EXAMPLE = "PREFIX schema: <https://schema.org/>\nSELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }\nORDER BY ?name LIMIT 20"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "graphkit-sparql/2"
    timeout = 120  # an idle keep-alive connection is closed after this long
    disable_nagle_algorithm = True  # headers and body are separate writes: Nagle held the body 40 ms
    server: SparqlServer

    def log_message(self, *args) -> None:  # quiet: a CLI user sees errors, not access logs
        pass

    # --- plumbing
    def _send(self, code: int, body: bytes = b"", ctype: str = _TEXT, headers: dict | None = None) -> None:
        self.send_response(code)
        if body or code not in (204, 304):
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if self.server.opts.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Expose-Headers", "Content-Type, Content-Length, Retry-After")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _fail(self, code: int, message: str, headers: dict | None = None) -> None:
        self._send(code, (message.rstrip("\n") + "\n").encode("utf-8"), _TEXT, headers)

    def _read_body(self) -> bytes:
        try:
            return self._read_body_unchecked()
        except ValueError:
            self.close_connection = True  # the framing is lost: the next bytes cannot be trusted
            raise _Refused(400, "bad Content-Length or chunk size") from None

    def _read_body_unchecked(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            out = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    return bytes(out)
                if len(out) + size > _MAX_BODY:
                    raise _Refused(413, "request body too large")
                out += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        if n > _MAX_BODY:
            raise _Refused(413, "request body too large")
        return self.rfile.read(n) if n > 0 else b""

    def _gone(self) -> bool:
        """The client closed its connection: no one waits for the answer any more."""
        try:
            ready, _, _ = select.select([self.connection], [], [], 0)
            return bool(ready) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _ctype(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    # --- routes
    def do_GET(self) -> None:
        self._route()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def do_OPTIONS(self) -> None:
        try:
            self._read_body()
        except _Refused as exc:
            return self._fail(exc.code, str(exc))
        allow = self._allowed(urlparse(self.path).path.rstrip("/") or "/")
        headers = {"Allow": allow}
        if self.server.opts.cors:
            headers.update({"Access-Control-Allow-Methods": allow,
                            "Access-Control-Allow-Headers": "Accept, Content-Type",
                            "Access-Control-Max-Age": "86400"})
        self._send(204, headers=headers)

    def _allowed(self, path: str) -> str:
        w = self.server.writable
        if path == "/update":
            return "POST, OPTIONS"
        if path == "/store":
            return "GET, HEAD, PUT, POST, DELETE, OPTIONS" if w else "GET, HEAD, OPTIONS"
        return "GET, HEAD, POST, OPTIONS"

    def _route(self) -> None:
        url = urlparse(self.path)
        path = url.path.rstrip("/") or "/"
        try:
            body = self._read_body()
            if path not in ("/", "/query", "/sparql", "/update", "/store"):
                return self._fail(404, "no such page: try / (about), /query, /update or /store")
            if self.command not in self._allowed(path).split(", "):
                return self._fail(405, f"{self.command} is not allowed on {path}"
                                  + ("; send updates by POST" if path == "/update" else "")
                                  + ("; this endpoint is read-only" if path == "/store" and not self.server.writable else ""),
                                  {"Allow": self._allowed(path)})
            params = parse_qs(url.query, keep_blank_values=True)
            if path == "/store":
                return self._graph_store(params, body)
            if self._ctype() in _FORMS and self.command == "POST":
                try:
                    form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
                except UnicodeDecodeError:
                    return self._fail(400, "the form body is not UTF-8")
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
                body = b""
            if path == "/update":
                return self._update(params, body)
            if path == "/" and self.command in ("GET", "HEAD") and "query" not in params:
                return self._page()
            return self._query(params, body)
        except _Refused as exc:
            if exc.code == 499:
                self.close_connection = True
                return
            if exc.code == 413:
                self.close_connection = True
            self._fail(exc.code, str(exc), {"Retry-After": "1"} if exc.retry else None)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 - a client gets a status line, never a dropped socket
            self._fail(500, f"{exc.__class__.__name__}: {exc}")

    def _page(self) -> None:
        o = self.server.opts
        host = self.headers.get("Host") or f"{o.host}:{self.server.server_address[1]}"
        page = _PAGE.format(
            mode="Read-write" if self.server.writable else "Read-only",
            update="; updates by POST to <code>/update</code>" if self.server.writable else "",
            timeout=o.timeout, service="is allowed" if o.allow_service else "and LOAD are refused: the server makes no outbound requests",
            example=html.escape(_EXAMPLE), example_line=html.escape(" ".join(_EXAMPLE.split())),
            base=html.escape(f"http://{host}"))
        self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")

    def _query(self, params: dict, body: bytes) -> None:
        if self.command == "POST" and self._ctype() not in _FORMS:
            if self._ctype() != "application/sparql-query":
                return self._fail(415, f"POST a query as application/sparql-query or a form "
                                       f"(application/x-www-form-urlencoded), not {self._ctype() or 'no Content-Type'}")
            try:
                params.setdefault("query", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                return self._fail(400, "the query is not UTF-8")
        if "update" in params:
            return self._fail(400, "an update goes to /update, by POST")
        texts = params.get("query") or []
        if len(texts) != 1 or not texts[0].strip():
            return self._fail(400, "missing query: give exactly one query (GET ?query=, a form, or a "
                                   "POST body as application/sparql-query); see / for examples")
        text = texts[0]
        words = sparql_keywords(text)
        if "SERVICE" in words and not self.server.opts.allow_service:
            return self._fail(400, "SERVICE is refused: this endpoint sends no requests to other servers "
                                   "(its operator can allow it with --allow-service)")
        offered = list(GRAPHS) if _form(words) in ("CONSTRUCT", "DESCRIBE") else list(RESULTS)
        mime = negotiate(self.headers.get("Accept"), offered)
        if mime is None:
            return self._fail(406, "no acceptable result type; this query can answer as " + ", ".join(offered))
        dg, ng = params.get("default-graph-uri"), params.get("named-graph-uri")
        job = {"op": "query", "text": text, "mime": mime, "default_graph": dg, "named_graphs": ng,
               # a dataset the query names (FROM / FROM NAMED) replaces the union default graph
               "union": "FROM" not in words}
        self._reply(job)

    def _reply(self, job: dict) -> None:
        code, ctype, out = self.server.pool.run(job, self._gone)
        if code >= 400:
            return self._send(code, out, ctype or _TEXT)
        self._send(code, out, ctype if out or code == 200 else _TEXT)

    def _refuse_write(self) -> bool:
        if not self.server.writable:
            self._fail(403, "read-only endpoint; its operator can start it with --writable")
            return True
        origin = self.headers.get("Origin")
        if origin and not self.server.opts.cors and urlparse(origin).netloc != (self.headers.get("Host") or ""):
            # a browser sends Origin with cross-site requests: a web page must not change the store
            self._fail(403, f"write from another site ({origin}) refused; start the server with --cors to allow it")
            return True
        return False

    def _update(self, params: dict, body: bytes) -> None:
        if self._refuse_write():
            return
        if self._ctype() == "application/sparql-update":
            try:
                params.setdefault("update", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                return self._fail(400, "the update is not UTF-8")
        elif self._ctype() not in _FORMS:
            return self._fail(415, "POST an update as application/sparql-update or a form "
                                   f"(application/x-www-form-urlencoded), not {self._ctype() or 'no Content-Type'}")
        if "using-graph-uri" in params or "using-named-graph-uri" in params:
            return self._fail(400, "using-graph-uri and using-named-graph-uri are not supported; write USING in the update")
        texts = params.get("update") or []
        if len(texts) != 1 or not texts[0].strip():
            return self._fail(400, "missing update: give exactly one (a form field update=, or a POST body "
                                   "as application/sparql-update)")
        words = set(sparql_keywords(texts[0]))
        bad = sorted(words & {"SERVICE", "LOAD"})
        if bad and not self.server.opts.allow_service:
            return self._fail(400, f"{' and '.join(bad)} refused: this endpoint sends no requests to other "
                                   "servers (its operator can allow it with --allow-service)")
        self._reply({"op": "update", "text": texts[0]})

    def _graph_store(self, params: dict, body: bytes) -> None:
        if "default" in params and "graph" not in params:
            graph = None
        elif "graph" in params and len(params["graph"]) == 1 and "default" not in params:
            graph = params["graph"][0]
            try:
                ox.NamedNode(graph)
            except ValueError:
                return self._fail(400, f"graph={graph!r} is not an absolute IRI")
        else:
            return self._fail(400, "give ?graph=IRI or ?default (one of them)")
        if self.command in ("GET", "HEAD"):
            mime = negotiate(self.headers.get("Accept"), list(GRAPHS))
            if mime is None:
                return self._fail(406, "no acceptable RDF type; offered: " + ", ".join(GRAPHS))
            return self._reply({"op": "get", "graph": graph, "mime": mime})
        if self._refuse_write():
            return
        if self.command == "DELETE":
            return self._reply({"op": "delete", "graph": graph})
        ctype = self._ctype()
        if ctype not in GRAPHS:
            return self._fail(415, f"unsupported RDF type {ctype or '(no Content-Type)'}; send one of "
                                   + ", ".join(GRAPHS))
        self._reply({"op": self.command.lower(), "graph": graph, "mime": ctype, "body": body})


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; :meth:`server_close` also stops the workers and removes a temporary store."""

    daemon_threads = True

    def __init__(self, address, opts: ServeOptions, path: str, temp_dir: str | None):
        self.opts, self.writable, self.temp_dir = opts, opts.writable, temp_dir
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.pool = _Pool(path, opts.writable, opts)
        try:
            super().__init__(address, _Handler)
        except BaseException:
            self.pool.close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()
        if self.temp_dir:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None


def _copy_build(graph_dir: str | os.PathLike | None, target: Path) -> None:
    """Write the served store at ``target``: the build as one named graph per document (or nothing)."""
    st = ox.Store(str(target))
    if graph_dir is not None:
        from .export import document_quads
        from .store import open_oxigraph

        st.bulk_extend(document_quads(open_oxigraph(graph_dir)))
        st.optimize()
    st.flush()
    del st  # closed before the workers open it


def make_server(graph_dir: str | os.PathLike | None = "output", options: ServeOptions | None = None,
                **kwargs) -> SparqlServer:
    """A server (not yet serving) for the build in ``graph_dir`` (None: an empty store).

    The build is served as one named graph per document, which the default graph unites, so the
    answers are those of ``graphkit query`` and a ``push`` of the build replaces graphs rather
    than adding them. The build's own files are never written: a writable server works on
    ``options.data`` (created from the build when new) or on a temporary copy. ``kwargs``
    override fields of ``options``.
    """
    opts = replace(options or ServeOptions(), **kwargs)
    if opts.timeout <= 0 or opts.max_queries < 1:
        raise InputError("--timeout must be > 0 and --max-queries >= 1")
    if opts.empty:
        graph_dir = None
    temp = None
    if opts.writable and opts.data is not None:
        data = Path(opts.data)
        if graph_dir is not None and data.resolve() == (Path(graph_dir) / "store").resolve():
            raise InputError(f"{data}: that is the build's own store; give --data a folder of its own")
        if not (data / "CURRENT").exists():
            if data.exists() and any(data.iterdir()):
                raise InputError(f"{data}: not an Oxigraph store and not empty; give --data a new folder")
            data.mkdir(parents=True, exist_ok=True)
            _copy_build(graph_dir, data)
        path = str(data)
    else:
        temp = tempfile.mkdtemp(prefix="graphkit-serve-")
        try:
            _copy_build(graph_dir, Path(temp))
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        path = temp
    try:
        return SparqlServer((opts.host, opts.port), opts, path, temp)
    except OSError as exc:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
        raise InputError(f"{opts.host}:{opts.port}: cannot listen ({exc.strerror or exc}); try another --port") from exc
    except BaseException:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
        raise


def serve(graph_dir: str | os.PathLike | None = "output", options: ServeOptions | None = None,
          ready: threading.Event | None = None, announce=None, **kwargs) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), then stop the workers and remove temporary stores."""
    srv = make_server(graph_dir, options, **kwargs)
    if announce is not None:
        announce(srv)
    if ready is not None:
        ready.set()

    def stop(*_):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    try:
        srv.serve_forever()
    finally:
        srv.server_close()

