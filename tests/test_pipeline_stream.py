"""Streaming: documents are consumed lazily in batches and records come back in input order."""
from __future__ import annotations

import itertools

from graphkit.config import BuildOptions
from graphkit.pipeline import parse_records, run_build, task_batches
from graphkit.records import Document


def _docs(n: int):
    for i in range(n):
        yield Document(id=f"d{i:03}", text=f"President Joe Biden met Chancellor Olaf Scholz in Berlin. Item {i}.")


def test_parse_records_is_lazy_and_ordered():
    pulled = itertools.count()
    docs = (next(pulled) is not None and d for d in _docs(40))
    stream = parse_records(docs, BuildOptions(batch_size=4))
    first = next(stream)
    assert first.doc_id == "d000"
    assert next(pulled) < 20  # only about a batch was read to produce the first record
    assert [r.doc_id for r in stream] == [f"d{i:03}" for i in range(1, 40)]


def test_worker_pool_keeps_input_order():
    recs = list(parse_records(_docs(13), BuildOptions(jobs=2, batch_size=3)))
    assert [r.doc_id for r in recs] == [f"d{i:03}" for i in range(13)]


def test_task_batches_bound_documents_and_characters():
    from graphkit.pipeline import TASK_CHARS

    docs = [Document(id=str(i), text="x" * (TASK_CHARS // 3 + 1)) for i in range(5)]
    sizes = [len(b) for b in task_batches(docs, BuildOptions(batch_size=64))]
    assert sizes == [3, 2]
    assert [len(b) for b in task_batches(_docs(10), BuildOptions(batch_size=4))] == [4, 4, 2]


def test_progress_and_manifest(sample_dir, tmp_path):
    import json

    calls = []
    result = run_build([sample_dir], tmp_path / "out", BuildOptions(html=False, jsonld=False),
                       progress=lambda *a: calls.append(a))
    n = len(result.records)
    assert calls[0][0] == 0 and calls[-1][0] == n and calls[-1][1] == n
    assert calls[-1][2] == calls[-1][3] > 0  # words done reach the planned total: the ETA is right
    m = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert m["graphkit"] and m["model"]["version"] and "senter" not in m["model"]["pipes"]
    assert m["options"]["jobs"] == 1
    s = m["stats"]
    assert s["documents"] == n and s["triples"] > 0 and s["words_per_second"] > 0
    assert {"read_parse_extract", "resolve", "rdf", "write", "total"} <= set(s["seconds"])
