"""Endpoint benchmark: graphkit serve against the Oxigraph server, then 12 clients for 30 s on loopback.

    .venv/bin/python benchmarks/bench_serve.py                       # builds examples/sample
    .venv/bin/python benchmarks/bench_serve.py --graph output --duration 30
    .venv/bin/python benchmarks/bench_serve.py --duration 5 --json out.json   # the smoke test's run

1. Choice: for `graphkit serve` and `oxigraph serve-read-only --union-default-graph --timeout-s`
   on the same named-graph copy of the build: unloaded latency of the canned queries (bound to
   their examples and sent over HTTP), the time a cross product takes to be stopped at a 2 s
   timeout and the server's CPU 2 s later, and whether a SERVICE query makes a connection.
2. Load (graphkit serve, --timeout 5): 8 clients sending canned queries alone (a third of
   --duration, at least 10 s), then with 4 more clients sending cross products for --duration
   seconds; canned-query latency against the unloaded figures, answers by status, and whether
   the server still answers afterwards.

Each client is its own process. Every server listens on 127.0.0.1 and is stopped at the end; all
runs are bounded in time.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SKIP = {"holders-of-title", "timeline"}  # string/date parameters a client cannot pin into the text


def canned_texts(graph_dir: Path) -> dict[str, str]:
    """The canned queries without a post-processing step, their examples pinned as IRIs."""
    import pyoxigraph as ox
    from rdflib import URIRef

    from graphkit.query import catalogue, page, pin
    from graphkit.store import open_oxigraph

    st = open_oxigraph(graph_dir)
    find = ("SELECT ?e ?n WHERE { { ?e <https://schema.org/name> ?n } UNION "
            "{ ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?n } } LIMIT 1")
    out = {}
    for cq in catalogue():
        if cq.post or cq.name in SKIP:
            continue
        binding = {}
        for p in cq.params:
            for cand in (p.example, *[w for w in p.example.split() if w[:1].isupper()]):
                rows = list(st.query(find, substitutions={ox.Variable("n"): ox.Literal(cand)}))
                if rows:
                    binding[p.name] = URIRef(rows[0]["e"].value)
                    break
            if p.name not in binding:
                # a partial name ("Lavrov"): the first person whose name ends with it
                rows = list(st.query("SELECT ?e ?x WHERE { ?e <https://schema.org/name> ?n FILTER(STRENDS(?n, ?x)) } "
                                     "ORDER BY ?e LIMIT 1", substitutions={ox.Variable("x"): ox.Literal(p.example)}))
                if rows:
                    binding[p.name] = URIRef(rows[0]["e"].value)
        if len(binding) == len(cq.params):
            out[cq.name] = page(pin(cq.text, binding), 100)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port: int, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            status, _ = ask(port, "ASK {}", timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"server on {port} never answered")


def ask(port: int, text: str, conn: http.client.HTTPConnection | None = None, timeout: float = 60):
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/query", body=urllib.parse.urlencode({"query": text}),
                     headers={"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json"})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        if own:
            conn.close()


def tree_cpu(pid: int, seconds: float = 1.0) -> float:
    """CPU of the process and its children over ``seconds``, in percent of one core."""
    import psutil

    procs = [psutil.Process(pid)] + psutil.Process(pid).children(recursive=True)
    start = {}
    for p in procs:
        try:
            start[p.pid] = sum(p.cpu_times()[:2])
        except psutil.Error:
            pass
    time.sleep(seconds)
    used = 0.0
    for p in procs:
        try:
            used += sum(p.cpu_times()[:2]) - start.get(p.pid, 0.0)
        except psutil.Error:
            pass
    return 100 * used / seconds


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def unloaded(port: int, texts: dict[str, str], rounds: int, per_query: dict | None = None) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for t in texts.values():  # warm-up
        ask(port, t, conn)
    times, by = [], {}
    for _ in range(rounds):
        for name, t in texts.items():
            t0 = time.perf_counter()
            status, _ = ask(port, t, conn)
            times.append(time.perf_counter() - t0)
            by.setdefault(name, []).append(times[-1])
            assert status == 200, status
    conn.close()
    if per_query is not None:
        per_query.update({k: round(1000 * statistics.median(v), 2) for k, v in sorted(by.items())})
    return times


def stop_check(port: int, pid: int, give_up: float = 30.0) -> dict:
    """A cross product against a 2 s server timeout; the client gives up after ``give_up`` s."""
    t0 = time.perf_counter()
    try:
        status, body = ask(port, CROSS, timeout=give_up)
    except (TimeoutError, OSError):
        status, body = f"no answer in {give_up:g}s (client gave up)", b""
    stopped = time.perf_counter() - t0
    time.sleep(1.0)
    return {"status": status, "answered_after_s": round(stopped, 2), "cpu_1s_later_pct": round(tree_cpu(pid), 1),
            "message": body[:80].decode("utf-8", "replace").strip()}


def service_check(port: int) -> dict:
    hits = []
    lsn = socket.socket()
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(5)
    lsn.settimeout(0.2)
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                c, _ = lsn.accept()
                hits.append(1)
                c.close()
            except OSError:
                pass

    th = threading.Thread(target=accept, daemon=True)
    th.start()
    q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{lsn.getsockname()[1]}/sparql> {{ ?s ?p ?o }} }}"
    try:
        status, _ = ask(port, q, timeout=20)
    except OSError as exc:
        status = str(exc)
    time.sleep(0.5)
    stop.set()
    th.join()
    lsn.close()
    return {"status": status, "connections": len(hits)}


def client(port: int, kind: str, i: int, texts: list[str], end_wall: float, out) -> None:
    """One client process (its own GIL, so its clock measures the server, not its neighbours)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    lat, statuses, n = [], {}, i
    while time.time() < end_wall:
        text = CROSS if kind == "heavy" else texts[n % len(texts)]
        n += 1
        t0 = time.perf_counter()
        try:
            status, _ = ask(port, text, conn)
        except (OSError, http.client.HTTPException) as exc:
            status = exc.__class__.__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        dt = time.perf_counter() - t0
        statuses[f"{kind} {status}"] = statuses.get(f"{kind} {status}", 0) + 1
        if kind == "light" and status == 200:
            lat.append(dt)
    conn.close()
    out.put((lat, statuses))


def load(port: int, pid: int, texts: dict[str, str], duration: float, heavy: int = 4, light: int = 8) -> dict:
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    end_wall = time.time() + duration + 1.0  # + the clients' start-up
    kinds = ["heavy"] * heavy + ["light"] * light
    procs = [ctx.Process(target=client, args=(port, k, i, list(texts.values()), end_wall, out))
             for i, k in enumerate(kinds)]
    for p in procs:
        p.start()
    cpu = []
    time.sleep(1.0)
    while time.time() < end_wall - 1:
        cpu.append(tree_cpu(pid, 1.0))
    lat: list[float] = []
    statuses: dict[str, int] = {}
    for _ in procs:
        got, st = out.get(timeout=duration + 180)
        lat += got
        for k, v in st.items():
            statuses[k] = statuses.get(k, 0) + v
    for p in procs:
        p.join(30)
    alive = ask(port, "ASK {}", timeout=30)[0] == 200
    return {"canned_answered": len(lat), "canned_p50_ms": round(1000 * pct(lat, 0.5), 1),
            "canned_p99_ms": round(1000 * pct(lat, 0.99), 1), "canned_max_ms": round(1000 * max(lat), 1) if lat else None,
            "statuses": dict(sorted(statuses.items())), "server_cpu_pct_mean": round(statistics.mean(cpu), 0) if cpu else None,
            "still_answers": alive}


def start_graphkit(graph: Path, port: int, timeout: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graphkit", "serve", "--graph", str(graph), "--port", str(port),
                             "--timeout", str(timeout)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_oxigraph(location: Path, port: int, timeout: float) -> subprocess.Popen | None:
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not exe:
        return None
    return subprocess.Popen([exe, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph", "--timeout-s", str(int(timeout))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def named_graph_copy(graph: Path, target: Path) -> None:
    import pyoxigraph as ox

    from graphkit.export import document_quads
    from graphkit.store import open_oxigraph

    st = ox.Store(str(target))
    st.bulk_extend(document_quads(open_oxigraph(graph)))
    st.flush()
    del st


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", type=Path, help="built graph folder or RDF file (default: build examples/sample)")
    ap.add_argument("--generate", type=int, metavar="N", help="serve a generated news-shaped graph of about N "
                    "triples (benchmarks/bench_store.py's generator) instead")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load (at most 120)")
    ap.add_argument("--rounds", type=int, default=100, help="unloaded rounds of every canned query")
    ap.add_argument("--no-choice", action="store_true", help="skip part 1 (the Oxigraph comparison)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args()
    duration = min(a.duration, 120.0)
    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        graph = a.graph
        if a.generate:
            from bench_store import generate

            graph = tmp / "generated.nt"
            generate(a.generate, graph)
        elif graph is None:
            graph = tmp / "out"
            subprocess.run([sys.executable, "-m", "graphkit", "build", str(ROOT / "examples" / "sample"), "-o",
                            str(graph), "-q", "--no-html"], check=True)
        texts = canned_texts(graph)
        report: dict = {"graph": str(graph), "canned_queries": sorted(texts), "cpus": os.cpu_count()}
        if not a.no_choice:
            named_graph_copy(graph, tmp / "ox")
            for name, start in (("graphkit", lambda p: start_graphkit(graph, p, 2)),
                                ("oxigraph", lambda p: start_oxigraph(tmp / "ox", p, 2))):
                port = free_port()
                proc = start(port)
                if proc is None:
                    report[name] = "not installed"
                    continue
                try:
                    t0 = time.perf_counter()
                    wait_up(port)
                    started = round(time.perf_counter() - t0, 2)
                    medians: dict = {}
                    times = unloaded(port, texts, a.rounds, medians)
                    report[name] = {"ready_after_s": started, "median_ms_by_query": medians, "unloaded_p50_ms": round(1000 * pct(times, 0.5), 2),
                                    "unloaded_p99_ms": round(1000 * pct(times, 0.99), 2),
                                    "cross_product_at_2s_timeout": stop_check(port, proc.pid),
                                    "service_query": service_check(port)}
                finally:
                    stop(proc)
        port = free_port()
        proc = start_graphkit(graph, port, 5)
        try:
            wait_up(port)
            times = unloaded(port, texts, a.rounds)
            base = {"unloaded_p50_ms": round(1000 * pct(times, 0.5), 2), "unloaded_p99_ms": round(1000 * pct(times, 0.99), 2)}
            # the same 8 canned-query clients without the cross products: what the heavy ones add
            alone = load(port, proc.pid, texts, max(10.0, duration / 3), heavy=0)
            res = load(port, proc.pid, texts, duration)
            res.update(base, duration_s=duration, ratio_p99=round(res["canned_p99_ms"] / base["unloaded_p99_ms"], 1),
                       canned_only={k: alone[k] for k in ("canned_answered", "canned_p50_ms", "canned_p99_ms", "statuses")})
            res["server_alive"] = proc.poll() is None
            report["load"] = res
        finally:
            stop(proc)
        print(json.dumps(report, indent=2))
        if a.json:
            a.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
