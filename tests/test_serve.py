"""`graphkit serve` answers SPARQL 1.1 Protocol and Graph Store requests; `push` replaces per-document graphs."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

from graphkit.push import push
from graphkit.serve import make_server

from test_query import FIXTURE, ID

Q = "PREFIX schema: <https://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


def _select(base: str, query: str, post: bool = False) -> list[str]:
    if post:
        req = urllib.request.Request(base + "/query", data=query.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    else:
        req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    data = json.loads(urllib.request.urlopen(req, timeout=10).read())
    return [b["n"]["value"] for b in data["results"]["bindings"]]


@pytest.fixture
def built(tmp_path) -> Path:
    from graphkit.store import write_store

    g = Graph().parse(data=FIXTURE, format="turtle")
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    write_store(g, tmp_path)
    return tmp_path


def test_cli_serve_answers_and_stops(built):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", "--graph", str(built), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/query?query=ASK%7B%7D")
        names = _select(base, Q)
        assert names[:2] == ["Antony Blinken", "Dmitry Peskov"] and len(names) == 8
        assert _select(base, Q, post=True) == names
        csv_req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": Q}),
                                         headers={"Accept": "text/csv"})
        assert urllib.request.urlopen(csv_req).read().decode().splitlines()[1] == "Antony Blinken"
        # read-only: updates and graph writes are refused
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(urllib.request.Request(base + "/update", data=b"update=CLEAR+ALL", method="POST"))
        assert e.value.code == 403
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(base + "/query?query=SELECT+*+WHERE+%7B")
        assert e.value.code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_sparqlwrapper_style_client_over_form_post(built):
    srv = make_server(built, port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{srv.server_address[1]}"
        body = urllib.parse.urlencode({"query": Q}).encode()
        req = urllib.request.Request(base + "/query", data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/sparql-results+json"})
        assert len(json.loads(urllib.request.urlopen(req).read())["results"]["bindings"]) == 8
    finally:
        srv.shutdown()
        srv.server_close()


def _count_graphs(base: str) -> dict[str, int]:
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": q}),
                                 headers={"Accept": "application/sparql-results+json"})
    data = json.loads(urllib.request.urlopen(req, timeout=10).read())
    return {b["g"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}


def test_push_to_own_writable_server_replaces(built):
    srv = make_server(None, port=0, writable=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{srv.server_address[1]}"
        r1 = push(built, endpoint=base + "/store")
        first = _count_graphs(base)
        r2 = push(built, endpoint=base + "/store")
        assert _count_graphs(base) == first and r1.triples == r2.triples == sum(first.values())
        assert ID + "doc2" in first
        push(built, endpoint=base + "/update", protocol="update")
        assert _count_graphs(base) == first
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.skipif(not shutil.which("oxigraph", path=str(Path(sys.executable).parent)) and not shutil.which("oxigraph"),
                    reason="the Oxigraph server (pip install oxigraph) is not installed")
def test_push_to_the_oxigraph_server(built, tmp_path):
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/query?query=ASK%7B%7D")
        push(built, endpoint=base + "/store")
        first = _count_graphs(base)
        push(built, endpoint=base + "/store")
        assert _count_graphs(base) == first and len(first) == 4
        push(built, endpoint=base + "/store", graph_iri="https://example.org/all")
        assert _count_graphs(base)["https://example.org/all"] == len(Graph().parse(data=FIXTURE, format="turtle"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
