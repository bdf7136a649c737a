"""Benchmark of the HTML stage: page size, write time and time-to-interactive vs pyvis's write_html.

Run: .venv/bin/python benchmarks/bench_html.py [--sizes 100,1000,5000]
Graphs are random but shaped like project()'s output (people, organisations, places, events;
attended / held in / role / met edges with documents and evidence). Time-to-interactive is from
navigation start until the page sets window.gkReady (ours) or vis-network's first drawing settles
after stabilisation (pyvis), in headless Debian chromium with all network requests refused.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def news_graph(n: int, seed: int = 1) -> nx.Graph:
    """A graph of ``n`` nodes with project()'s node and edge attributes and a news-like shape."""
    rnd = random.Random(seed)
    G = nx.Graph()
    docs = [f"Article {i:04d}: talks and statements" for i in range(max(3, n // 8))]
    kinds = (["Person"] * 45) + (["Organization"] * 20) + (["Place"] * 15) + (["Event"] * 20)
    by_type: dict[str, list[str]] = {"Person": [], "Organization": [], "Place": [], "Event": []}
    for i in range(n):
        t = kinds[i % len(kinds)]
        key = f"https://example.org/id/{t.lower()}/{i}"
        label = f"{t[:3]} {rnd.choice(['Ivanov', 'Smith', 'Dupont', 'Rossi', 'Kim', 'Novak'])} {i}"
        ds = sorted(rnd.sample(docs, rnd.randint(1, 3)))
        G.add_node(key, type=t, label=label, aliases=[label.split()[-2]] if rnd.random() < .3 else [],
                   roles=[f"Minister of Things {i % 17}"] if t == "Person" and rnd.random() < .5 else [],
                   docs=ds, evidence=[(f"{label} was mentioned in a sentence of about this length, {i}.", ds[0])],
                   date=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}" if t == "Event" else "",
                   kind="meeting" if t == "Event" else "", status="held" if t == "Event" else "", quotes=[])
        by_type[t].append(key)
    people, weights = by_type["Person"], [1.0 / (1 + k) ** 0.8 for k in range(len(by_type["Person"]))]

    def edge(a, b, rel, label):
        if a == b:
            return
        ds = sorted(rnd.sample(docs, rnd.randint(1, 2)))
        if G.has_edge(a, b):
            d = G.edges[a, b]
            d["docs"] = sorted(set(d["docs"]) | set(ds))
            d["weight"] = len(d["docs"])
            return
        G.add_edge(a, b, relation=rel, label=label, labels=[label], docs=ds, weight=len(ds),
                   evidence=[(f"Evidence sentence for {label}.", ds[0])])

    for e in by_type["Event"]:
        att = set(rnd.choices(people, weights=weights, k=rnd.randint(2, 4))) if people else set()
        for p in sorted(att):
            edge(p, e, "attended", f"attended {G.nodes[e]['label']}")
        if by_type["Place"]:
            edge(e, rnd.choice(by_type["Place"]), "held in", "held in")
        att = sorted(att)
        for i, a in enumerate(att):
            for b in att[i + 1:]:
                edge(a, b, "met", f"met at {G.nodes[e]['label']}")
    for p in people:
        if by_type["Organization"] and rnd.random() < .6:
            o = rnd.choice(by_type["Organization"])
            edge(p, o, "role", f"Minister at {G.nodes[o]['label']}")
    return G


def _browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    return pw, pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def time_to_interactive(browser, path: Path, expr: str, timeout: float = 120.0) -> float:
    """Seconds from navigation start until ``expr`` is true in the page (polled from outside:
    the page's CSP forbids the eval that wait_for_function needs)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
               else r.abort())
    try:
        page.goto(path.as_uri(), wait_until="commit")
        t0 = time.perf_counter()
        while not page.evaluate(expr):
            if time.perf_counter() - t0 > timeout:
                return float("inf")
            time.sleep(0.01)
        return page.evaluate("performance.now()") / 1000.0
    finally:
        page.close()


def pyvis_baseline(G: nx.Graph, tmp: Path) -> tuple[Path, float]:
    """pyvis's own page of the same graph, written from a scratch cwd (it drops lib/ there)."""
    from pyvis.network import Network

    H = nx.Graph()
    for v, d in G.nodes(data=True):
        H.add_node(v, label=d["label"], title=d["label"], group=d["type"])
    for a, b, d in G.edges(data=True):
        H.add_edge(a, b, title=d["label"], value=d["weight"])
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        t = time.perf_counter()
        net = Network(height="900px", width="100%", cdn_resources="in_line")
        net.from_nx(H)
        net.write_html("pyvis.html")
        return tmp / "pyvis.html", time.perf_counter() - t
    finally:
        os.chdir(cwd)


# pyvis's page is ready when vis-network has stabilised and hidden its loading bar (or has none)
PYVIS_READY = ("typeof network !== 'undefined' && network !== null && "
               "(!document.getElementById('loadingBar') || "
               "document.getElementById('loadingBar').style.display === 'none' || "
               "getComputedStyle(document.getElementById('loadingBar')).opacity === '0')")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,5000")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from graphkit.page import render

    pw, browser = _browser()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            for n in (int(x) for x in args.sizes.split(",")):
                G = news_graph(n)
                t = time.perf_counter()
                ours = render(G, tmp / f"ours-{n}.html")
                w_ours = time.perf_counter() - t
                tti_ours = time_to_interactive(browser, ours, "window.gkReady === true")
                base, w_base = pyvis_baseline(G, tmp)
                tti_base = time_to_interactive(browser, base, PYVIS_READY, timeout=60.0)
                rows.append((n, G.number_of_edges(), ours.stat().st_size, w_ours, tti_ours,
                             base.stat().st_size, w_base, tti_base))
    finally:
        browser.close()
        pw.stop()
    head = (f"{'nodes':>6} {'edges':>6} | {'ours KB':>8} {'write s':>7} {'TTI s':>6} | "
            f"{'pyvis KB':>8} {'write s':>7} {'TTI s':>6} | {'TTI ratio':>9}")
    print(head)
    print("-" * len(head))
    for n, m, s1, w1, t1, s2, w2, t2 in rows:
        t2s = f"{t2:>6.2f}" if t2 != float("inf") else "   >60"
        ratio = f"{t2 / t1:>8.1f}x" if t2 != float("inf") else f"{'>' + format(60 / t1, '.0f'):>8}x"
        print(f"{n:>6} {m:>6} | {s1 / 1024:>8.0f} {w1:>7.2f} {t1:>6.2f} | {s2 / 1024:>8.0f} {w2:>7.2f} {t2s} | {ratio}")
    print("TTI: seconds to interactive in headless chromium, all network refused; "
          "pyvis's page also needs its CDN assets, which are refused here.")


if __name__ == "__main__":
    main()
