"""Throughput, scaling and memory of graphkit builds against raw spaCy: one command, one table."""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse" / "briefing-room.jsonl.gz"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def write_sample(n: int, path: Path, touch: int | None = None) -> None:
    """The first ``n`` briefing-room documents as JSONL; ``touch``: change that document's text."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for i, line in enumerate(itertools.islice(src, n)):
            if i == touch:
                obj = json.loads(line)
                obj["text"] += "\n\nPresident Joe Biden met Chancellor Olaf Scholz in Berlin on Friday.\n"
                line = json.dumps(obj) + "\n"
            dst.write(line)


# ---- cases: each runs in its own subprocess and prints one JSON line ----------------------------

def case_raw(inputs: list[str], out: str, jobs: int, batch: int) -> dict:
    """spaCy alone: the same components, chunks and batch size as graphkit, no extraction."""
    t0 = time.perf_counter()
    from graphkit.nlp import chunk_text, load_nlp
    from graphkit.read import read_documents

    nlp = load_nlp()
    texts = (piece for d in read_documents(inputs) for _, piece in chunk_text(d.text))
    kw = {"batch_size": batch, **({"n_process": jobs} if jobs > 1 else {})}
    words = docs = 0
    for doc in nlp.pipe(texts, **kw):
        docs += 1
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
    return {"seconds": time.perf_counter() - t0, "words": words, "docs": docs, "pipes": nlp.pipe_names}


def case_build(inputs: list[str], out: str, jobs: int, batch: int, parallel: str = "workers",
               profile: bool = False) -> dict:
    t0 = time.perf_counter()
    from graphkit.config import BuildOptions
    from graphkit.pipeline import run_build

    opts = BuildOptions(jobs=jobs, batch_size=batch, parallel=parallel, html=False, jsonld=False)
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        res = prof.runcall(run_build, inputs, out, opts)
        prof.dump_stats(str(Path(out) / "build.prof"))
        st = pstats.Stats(prof)
        own = [(k, v) for k, v in st.stats.items() if "/graphkit/" in k[0]]
        own.sort(key=lambda kv: -kv[1][3])
        print("# graphkit functions by cumulative time (s), tottime in ():", file=sys.stderr)
        for (f, line, fn), (cc, nc, tt, ct, _) in own[:30]:
            print(f"#  {ct:8.2f} ({tt:7.2f}) {nc:8d}  {f.split('/graphkit/')[-1]}:{line} {fn}", file=sys.stderr)
    else:
        res = run_build(inputs, out, opts)
    s = res.stats
    return {"seconds": time.perf_counter() - t0, "words": s["words_parsed"], "docs": s["documents"],
            "parsed": s["documents_parsed"], "triples": s["triples"], "stages": s["seconds"]}


def _child(args) -> None:
    fn = {"raw": case_raw, "build": case_build}[args.case]
    kw = dict(inputs=args.inputs, out=args.out, jobs=args.jobs, batch=args.batch)
    if args.case == "build":
        kw.update(parallel=args.parallel, profile=args.profile)
    r = fn(**kw)
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    r["maxrss_self_mb"] = me.ru_maxrss / 1024
    r["maxrss_child_mb"] = kids.ru_maxrss / 1024
    # CPU seconds of this process and its joined workers: robust when other jobs share the cores
    r["cpu"] = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    print(json.dumps(r), flush=True)


def run_case(case: str, inputs: list[str], out: Path, jobs: int = 1, batch: int = 64,
             parallel: str = "workers", profile: bool = False) -> dict:
    """Run one case in a subprocess; peak RSS of its whole process tree is sampled with psutil."""
    import psutil

    cmd = [sys.executable, __file__, "--case", case, "--out", str(out), "--jobs", str(jobs),
           "--batch", str(batch), "--parallel", parallel, *(["--profile"] if profile else []), "--", *inputs]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        p = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [p, *p.children(recursive=True)]
                peak[0] = max(peak[0], sum(q.memory_info().rss for q in tree if q.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    stdout, _ = proc.communicate()
    th.join()
    if proc.returncode:
        raise SystemExit(f"case {case} failed ({proc.returncode})")
    r = json.loads(stdout.strip().splitlines()[-1])
    r["tree_peak_mb"] = peak[0] / 2**20
    r["wps"] = r["words"] / r["seconds"] if r["seconds"] else 0.0
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=300, help="first N briefing-room documents (default 300)")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--memory", default="200,2000", help="document counts for the memory check ('' to skip)")
    ap.add_argument("--memory-jobs", type=int, default=2)
    ap.add_argument("--profile", action="store_true", help="also cProfile the 1-job build (top graphkit functions)")
    ap.add_argument("--no-seeds", action="store_true")
    # internal: run one case
    ap.add_argument("--case")
    ap.add_argument("--out")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--parallel", default="workers")
    ap.add_argument("inputs", nargs="*")
    args = ap.parse_args()
    if args.case:
        return _child(args)
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is not here")
    tmp = Path(tempfile.mkdtemp(prefix="gk-bench-"))
    try:
        sample = tmp / f"briefing-{args.docs}.jsonl"
        write_sample(args.docs, sample)
        inputs = [str(sample)] + ([] if args.no_seeds or not SEEDS.is_dir() else [str(SEEDS)])
        rows: dict[str, dict] = {}

        def run(name, *a, **kw):
            rows[name] = r = run_case(*a, **kw)
            print(f"  {name:22} {r['seconds']:8.1f}s {r['cpu']:8.1f} CPU s {r['wps']:8.0f} words/s  "
                  f"peak {r['tree_peak_mb']:7.0f} MB  load {os.getloadavg()[0]:.1f}",
                  file=sys.stderr, flush=True)

        print(f"sample: {args.docs} documents + seeds, batch {args.batch}, cpus {os.cpu_count()}, "
              f"load {os.getloadavg()[0]:.1f}", file=sys.stderr)
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        run("raw spaCy", "raw", inputs, tmp / "raw", 1, args.batch)
        run("raw spaCy n_proc=2", "raw", inputs, tmp / "raw2", 2, args.batch)
        run("build jobs=1", "build", inputs, tmp / "b1", 1, args.batch)
        run("build jobs=2", "build", inputs, tmp / "b2", 2, args.batch)
        run("build jobs=2 spacy", "build", inputs, tmp / "b2s", 2, args.batch, parallel="spacy")
        write_sample(args.docs, sample, touch=args.docs // 2)
        run("incremental (1 doc)", "build", inputs, tmp / "b1", 1, args.batch)
        assert rows["incremental (1 doc)"]["parsed"] == 1, rows["incremental (1 doc)"]
        if args.profile:
            write_sample(args.docs, sample)
            run("build jobs=1 cProfile", "build", inputs, tmp / "bp", 1, args.batch, profile=True)
        mem = [int(x) for x in args.memory.split(",") if x.strip()]
        for n in mem:
            write_sample(n, tmp / f"mem-{n}.jsonl")
            run(f"memory {n} docs", "build", [str(tmp / f"mem-{n}.jsonl")], tmp / f"m{n}", args.memory_jobs,
                args.batch)

        print("\n| case | seconds | CPU s | words | words/s | peak RSS tree MB | max RSS main MB | max RSS child MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, r in rows.items():
            print(f"| {name} | {r['seconds']:.1f} | {r['cpu']:.1f} | {r['words']:,} | {r['wps']:,.0f} "
                  f"| {r['tree_peak_mb']:.0f} | {r['maxrss_self_mb']:.0f} | {r['maxrss_child_mb']:.0f} |")
        full = rows["build jobs=1"]
        ratios = [
            ("build jobs=1 / raw spaCy (time, same words)", full["seconds"] / rows["raw spaCy"]["seconds"], "<= 1.15"),
            ("build jobs=2 / raw spaCy n_proc=2 (time)", rows["build jobs=2"]["seconds"]
             / rows["raw spaCy n_proc=2"]["seconds"], "<= 1.15"),
            ("speed-up jobs=2 vs jobs=1 (workers)", full["seconds"] / rows["build jobs=2"]["seconds"], ">= 1.5"),
            ("speed-up jobs=2 vs jobs=1 (spaCy n_process)", full["seconds"] / rows["build jobs=2 spacy"]["seconds"],
             ">= 1.5"),
            ("incremental / full (jobs=1)", rows["incremental (1 doc)"]["seconds"] / full["seconds"], "<= 0.05"),
            ("CPU: build jobs=1 / raw spaCy", full["cpu"] / rows["raw spaCy"]["cpu"], "<= 1.15"),
            ("CPU: build jobs=2 / build jobs=1 (parallel overhead)", rows["build jobs=2"]["cpu"] / full["cpu"], "~1"),
            ("CPU: build jobs=2 spacy / build jobs=1", rows["build jobs=2 spacy"]["cpu"] / full["cpu"], "~1"),
        ]
        if len(mem) == 2:
            a, b = (rows[f"memory {n} docs"] for n in mem)
            ratios.append((f"peak RSS tree {mem[1]} / {mem[0]} docs", b["tree_peak_mb"] / a["tree_peak_mb"], "<= 1.5"))
            ratios.append((f"max RSS main process {mem[1]} / {mem[0]} docs",
                           b["maxrss_self_mb"] / a["maxrss_self_mb"], "<= 1.5"))
        print("\n| ratio | value | target |")
        print("|---|---:|---|")
        for name, v, target in ratios:
            print(f"| {name} | {v:.3f} | {target} |")
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
        print("\nstages (s): " + "; ".join(f"{k}: {r['stages']}" for k, r in rows.items() if "stages" in r))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
