"""Time and memory of cross-document resolution, on a build's cached records and on records
synthesised from them to whole-corpus size and beyond.

    python benchmarks/bench_resolve.py OUTPUT_DIR [--docs 14357 100000 ...]

OUTPUT_DIR is a build's output folder (its ``.cache/records/`` are read; nothing is parsed).
Synthesised corpora copy those records under new document ids; in every copy the long tail of
people (named in at most two documents of the sample) get new surnames, so that the number of
distinct people grows with the corpus as in real news, while the famous keep theirs and their
blocks grow. Each case runs in its own process and prints one JSON line: resolution seconds,
peak RSS of the process, RSS before resolution (records loaded), and what resolution produced.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_records(folder: Path) -> list:
    from graphkit.records import DocRecord

    files = sorted((folder / ".cache" / "records").glob("*.json"))
    if not files:
        sys.exit(f"{folder}: no .cache/records/*.json; build it first (graphkit build … -o {folder})")
    return [DocRecord.from_dict(json.loads(f.read_text(encoding="utf-8"))) for f in files]


def _tail_surnames(records: list) -> set[str]:
    docs: Counter = Counter()
    for r in records:
        docs.update({le.name.split()[-1] for le in r.entities if le.type == "Person" and le.name.split()})
    return {s for s, n in docs.items() if n <= 2}


_A, _B = "bdfglmnopqrz", "zrqponmlgfdb"  # no letters the transliteration key folds (c k s h t j w y)


def _tag(k: int) -> str:
    """A suffix per copy; two copies' tags differ in at least two letters, so that their
    surnames are different people, never one-letter spelling slips of each other."""
    out = ""
    while True:
        k, d = divmod(k, len(_A))
        out += _A[d] + _B[d]
        if not k:
            return out


def synthesise(records: list, n: int) -> list:
    """``n`` records: the sample, then copies whose long-tail people are new people."""
    tail = _tail_surnames(records)
    out = list(records[:n])
    copy = 0
    while len(out) < n:
        copy += 1
        tag = _tag(copy)

        def rename(text: str) -> str:
            return " ".join(t + tag if t in tail else t for t in text.split(" "))

        for r in records:
            if len(out) >= n:
                break
            ents = [replace(le, name=rename(le.name), forms=[rename(f) for f in le.forms],
                            titled_forms=[rename(f) for f in le.titled_forms]) if le.type == "Person" else le
                    for le in r.entities]
            out.append(replace(r, doc_id=f"{r.doc_id}~{copy}", entities=ents))
    return out


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def case(folder: str, docs: int | None) -> dict:
    """One measurement (run in a fresh process, so that peak RSS is this case's own)."""
    from graphkit.resolve import resolve

    records = load_records(Path(folder))
    if docs:
        records = synthesise(records, docs)
    rss_before = _rss_mb()
    t0 = time.perf_counter()
    res = resolve(records)
    seconds = time.perf_counter() - t0
    persons = sum(1 for e in res.entities if e.members and e.type == "Person")
    return {"documents": len(records), "synthesised": bool(docs), "resolve_seconds": round(seconds, 2),
            "rss_mb_records_loaded": round(rss_before, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "person_mentions": sum(1 for r in records for e in r.entities if e.type == "Person"),
            "persons": persons, "entities": sum(1 for e in res.entities if e.members),
            "events": len(res.events), "log_entries": len(res.log)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", help="a build's output folder (its .cache/records are read)")
    ap.add_argument("--docs", type=int, nargs="*", default=[14357],
                    help="synthesised corpus sizes (default: the briefing-room corpus, 14357)")
    ap.add_argument("--case", nargs=2, metavar=("FOLDER", "DOCS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.case:
        print(json.dumps(case(a.case[0], int(a.case[1]) or None)))
        return
    for n in [0] + list(a.docs):
        p = subprocess.run([sys.executable, __file__, a.output, "--case", a.output, str(n)],
                           capture_output=True, text=True, cwd=ROOT)
        print(p.stdout.strip() or p.stderr.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
