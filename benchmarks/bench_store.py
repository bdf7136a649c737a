"""Store benchmark: rdflib Memory vs Oxigraph (in memory, and the persisted output/store) at 10k-1M triples.

    .venv/bin/python benchmarks/bench_store.py                 # 10k, 100k, 1M (Memory capped at 100k)
    .venv/bin/python benchmarks/bench_store.py --sizes 10000 --memory-max 1000000

Generates news-shaped graphs (documents, people with Zipf-like prominence, events with 2-4
attendees, role statements, quotes), then for each store runs every canned query in a fresh
process: load/open time, resident memory, and the median of 3 timed runs after one warm-up
(entity-name resolution included, as `graphkit query` does it). Each query runs twice: with its
header's examples (the biggest hubs: Lavrov, Peskov) and with a typical person (median
gk:eventCount) in place of every person/entity parameter. ``--limit`` (default 100, what
`graphkit query` shows in a terminal; 0 = every row) caps the rows fetched. Prints one table.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SDO, GK, PROV, SKOS, XSD = ("https://schema.org/", "https://w3id.org/graphkit/ns#", "http://www.w3.org/ns/prov#",
                            "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/2001/XMLSchema#")
ID = "https://w3id.org/graphkit/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FIRST = ["Sergei", "Dmitry", "Anna", "Joe", "Olaf", "Maria", "Ivan", "Emma", "Li", "Omar", "Jean", "Rosa"]
LAST = ["Lavrov", "Peskov", "Novak", "Brown", "Schulz", "Rossi", "Petrov", "Dubois", "Wang", "Haddad", "Silva"]
TITLES = ["spokesman", "foreign minister", "press secretary", "ambassador", "deputy minister", "president",
          "prime minister", "national security adviser", "chancellor", "secretary of state"]
KINDS = ["Meeting", "Summit", "Talks", "Call", "Visit", "PressConference"]

# every query runs with the examples of its header (Lavrov, Peskov, spokesman, …): the generator
# guarantees those names exist


def generate(n_triples: int, path: Path, seed: int = 7) -> int:
    """Write about ``n_triples`` N-Triples of contract shape to ``path``; returns the exact count."""
    rnd = random.Random(seed)
    docs = max(5, n_triples // 44)
    n_people, n_orgs, n_places = max(10, docs // 2), max(3, docs // 40), max(3, docs // 60)
    out, count = [], 0

    def t(s, p, o):
        nonlocal count
        out.append(f"{s} {p} {o} .\n")
        count += 1

    def lit(x, dt=None):
        x = str(x).replace("\\", "\\\\").replace('"', '\\"')
        return f'"{x}"^^<{dt}>' if dt else f'"{x}"'

    iri = lambda x: f"<{ID}{x}>"  # noqa: E731
    typ, name, alt = f"<{RDF_TYPE}>", f"<{SDO}name>", f"<{SKOS}altLabel>"
    people = []
    for i in range(n_people):
        if i < 2:  # the two the canned examples ask about
            full = ["Sergei Lavrov", "Dmitry Peskov"][i]
        else:
            full = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}{i}"
        p = iri(f"person/p{i}")
        people.append(p)
        t(p, typ, f"<{SDO}Person>"); t(p, name, lit(full)); t(p, alt, lit(full.split()[-1]))
        t(p, alt, lit(f"Mr {full}")); t(p, f"<{GK}mentionCount>", lit(rnd.randint(1, 50), XSD + "integer"))
    orgs = [iri(f"org/o{i}") for i in range(n_orgs)]
    places = [iri(f"place/l{i}") for i in range(n_places)]
    for i, o in enumerate(orgs):
        t(o, typ, f"<{SDO}Organization>"); t(o, name, lit(f"Ministry {i}"))
    for i, o in enumerate(places):
        t(o, typ, f"<{SDO}Place>"); t(o, name, lit(f"City {i}"))
    # prominence: a few people are in the news every day (Zipf-like weights)
    weights = [1.0 / (k + 1) ** 0.9 for k in range(n_people)]

    def pick(k):
        return list(dict.fromkeys(rnd.choices(people, weights, k=k)))

    for d in range(docs):
        doc = iri(f"doc/d{d}")
        day = f"20{20 + d % 5}-{1 + d % 12:02d}-{1 + d % 28:02d}"
        t(doc, typ, f"<{SDO}NewsArticle>"); t(doc, name, lit(f"Story {d}"))
        t(doc, f"<{SDO}datePublished>", lit(day, XSD + "date")); t(doc, f"<{SDO}url>", lit(f"https://example.org/{d}"))
        t(doc, f"<{GK}sourcePath>", lit(f"corpus/{d}.txt"))
        cast = pick(rnd.randint(3, 6))
        for e in cast + rnd.sample(orgs, 1) + rnd.sample(places, 1):
            t(doc, f"<{SDO}mentions>", e)
        ev = iri(f"event/e{d}")
        t(ev, typ, f"<{SDO}Event>"); t(ev, name, lit(f"{KINDS[d % 6]} {d}")); t(ev, f"<{GK}eventKind>", lit(KINDS[d % 6]))
        t(ev, f"<{SDO}startDate>", lit(day, XSD + "date")); t(ev, f"<{SDO}location>", rnd.choice(places))
        t(ev, f"<{PROV}wasDerivedFrom>", doc); t(ev, f"<{GK}evidence>", lit(f"Sentence {d} about the {KINDS[d % 6]}."))
        for p in cast[:rnd.randint(2, 4)]:
            t(ev, f"<{SDO}attendee>", p)
        for k in range(min(2, len(cast))):
            person, title, org = cast[k], rnd.choice(TITLES), rnd.choice(orgs)
            r = iri(f"role/r{d}-{k}")
            t(r, typ, f"<{GK}RoleStatement>"); t(r, f"<{GK}holder>", person); t(r, f"<{SDO}roleName>", lit(title))
            t(r, f"<{GK}organization>", org); t(r, f"<{PROV}wasDerivedFrom>", doc)
            t(r, f"<{GK}evidence>", lit(f"The {title} {d} said."))
            t(person, f"<{SDO}jobTitle>", lit(title)); t(person, f"<{SDO}affiliation>", org)
        q = iri(f"quote/q{d}")
        t(q, typ, f"<{SDO}Quotation>"); t(q, f"<{SDO}creator>", cast[0]); t(q, f"<{SDO}text>", lit(f"Words {d}."))
        t(q, f"<{PROV}wasDerivedFrom>", doc); t(q, f"<{GK}evidence>", lit(f'"Words {d}," he said.'))
    path.write_text("".join(out), encoding="utf-8")
    return count


def typical_person(g) -> str:
    """The IRI of a person with the median number of events: what most lookups are about."""
    from graphkit.query import run_query

    res = run_query(g, "SELECT ?p ?n WHERE { ?p <https://w3id.org/graphkit/ns#eventCount> ?n } ORDER BY ?n ?p",
                    is_text=True)
    return str(res.rows[len(res.rows) // 2][0])


def worker(store: str, nt: str, work: str, budget: str = "60", skip: str = "", limit: str = "100") -> dict:
    """Load ``nt`` into ``store`` and time every canned query; runs in its own process."""
    import psutil
    from rdflib import Graph

    from graphkit.errors import QueryError
    from graphkit.query import catalogue, run_query

    budget, skip = float(budget), set(filter(None, skip.split(",")))
    lim = int(limit) or None

    proc = psutil.Process()
    rss0 = proc.memory_info().rss
    t0 = time.perf_counter()
    if store == "memory":
        g = Graph().parse(nt, format="nt")
    elif store == "oxigraph":
        from graphkit.store import open_graph

        g = open_graph(nt)
    else:  # the persisted store, as `graphkit query` opens it
        from graphkit.store import open_graph

        g = open_graph(work)
    load = time.perf_counter() - t0
    res = {"load": load, "rss_mb": (proc.memory_info().rss - rss0) / 2**20, "queries": {}}
    typical = typical_person(g)
    jobs = [(q.name, q, {p.name: p.example for p in q.params}) for q in catalogue()]
    jobs += [(f"{q.name} (typical)", q, {p.name: typical if p.type in ("person", "entity") and p.name != "to"
                                         else p.example for p in q.params})
             for q in catalogue() if any(p.type in ("person", "entity") for p in q.params)]
    for key, q, params in jobs:
        if key in skip:
            continue
        times, n = [], 0
        for i in range(4):
            t = time.perf_counter()
            try:
                r = run_query(g, q.name, params, timeout=budget, limit=lim)
                n = f"{len(r.rows)}+" if r.more else len(r.rows)
            except QueryError:
                # the abandoned thread still holds the CPU: report, and let main start a fresh process
                res["queries"][key] = {"ms": None, "rows": None}
                print(json.dumps(res), flush=True)
                os._exit(0)
            if i:
                times.append(time.perf_counter() - t)
            elif time.perf_counter() - t > budget / 4:
                times.append(time.perf_counter() - t)  # too slow to repeat: one run is the measure
                break
        res["queries"][key] = {"ms": statistics.median(times) * 1000, "rows": n}
    return res


def measure(store: str, nt: Path, work: Path, budget: float, limit: int) -> dict | None:
    """Run workers until every query has a time or hit the budget; merge their reports."""
    from graphkit.query import catalogue

    n_jobs = len(catalogue()) + sum(any(p.type in ("person", "entity") for p in q.params) for q in catalogue())
    merged: dict = {}
    while True:
        skip = ",".join(merged.get("queries", {}))
        p = subprocess.run([sys.executable, __file__, "--worker", store, str(nt), str(work), str(budget), skip,
                            str(limit)], capture_output=True, text=True)
        if p.returncode:
            print(p.stderr, file=sys.stderr)
            return None
        r = json.loads(p.stdout)
        if not merged:
            merged = r
        else:
            merged["queries"].update(r["queries"])
        if len(merged["queries"]) >= n_jobs:
            return merged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--memory-max", type=int, default=100_000, help="largest size to try rdflib Memory at")
    ap.add_argument("--budget", type=float, default=60, help="seconds one query may take before it is cut off")
    ap.add_argument("--limit", type=int, default=100, help="rows fetched per query (0 = all), as `graphkit query`")
    ap.add_argument("--worker", nargs=6, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(*a.worker)))
        return
    from rdflib import Graph  # noqa: F401 - warm import outside the timings

    from graphkit.store import write_store

    with tempfile.TemporaryDirectory(prefix="gk-bench-") as tmp:
        results = {}
        for size in [int(s) for s in a.sizes.split(",")]:
            nt = Path(tmp) / f"g{size}.nt"
            t = time.perf_counter()
            n = generate(size, nt)
            gen = time.perf_counter() - t
            work = Path(tmp) / f"out{size}"
            t = time.perf_counter()
            import pyoxigraph as ox

            # the build's write_store, fed from the file (an rdflib Graph of 1M would dominate)
            g = __import__("graphkit.store", fromlist=["oxigraph_graph"]).oxigraph_graph()
            g.store._inner.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
            # what the build derives (gk:coAttendee, counts, ranks), computed by the build's own code
            from graphkit.rdf.build import add_links

            add_links(g)
            g.store._inner.dump(str(nt), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            n = len(g)
            write_store(g, work)
            persist = time.perf_counter() - t
            print(f"# {n:,} triples: generated in {gen:.1f}s, store written in {persist:.1f}s", file=sys.stderr)
            for store in ("memory", "oxigraph", "oxigraph-store"):
                if store == "memory" and size > a.memory_max:
                    continue
                r = measure(store, nt, work, a.budget, a.limit)
                if r is None:
                    continue
                results[(n, store)] = r
                print(f"#   {store}: load {r['load']:.2f}s, +{r['rss_mb']:.0f} MB", file=sys.stderr)
        print(f"\nrows fetched per query: {a.limit or 'all'}; 'N+' = more rows exist")
        report(results, a.budget)


def report(results: dict, budget: float) -> None:
    sizes = sorted({n for n, _ in results})
    print("\n| triples | store | load/open s | RSS MB |")
    print("|---:|---|---:|---:|")
    for n in sizes:
        for s in ("memory", "oxigraph", "oxigraph-store"):
            if (n, s) in results:
                r = results[(n, s)]
                print(f"| {n:,} | {s} | {r['load']:.2f} | {r['rss_mb']:.0f} |")
    print("\n| triples | query | rows | Memory ms | Oxigraph ms | store ms | Memory/store |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n in sizes:
        base = results.get((n, "oxigraph-store")) or results.get((n, "oxigraph"))
        for q in base["queries"]:
            cells = []
            for s in ("memory", "oxigraph", "oxigraph-store"):
                r = results.get((n, s))
                ms = r["queries"][q]["ms"] if r else None
                cells.append("—" if not r else (f">{budget * 1000:.0f}" if ms is None else f"{ms:.1f}"))
            mem, st = results.get((n, "memory")), results.get((n, "oxigraph-store"))
            ratio = "—"
            if mem and st:
                mm = mem["queries"][q]["ms"]
                ratio = f"{(mm if mm is not None else budget * 1000) / max(st['queries'][q]['ms'], 1e-3):.0f}×"
                ratio = (">" if mm is None else "") + ratio
            print(f"| {n:,} | {q} | {base['queries'][q]['rows']} | {' | '.join(cells)} | {ratio} |")


if __name__ == "__main__":
    main()
