"""Property tests: arbitrary bytes never break the reader, arbitrary Unicode never breaks extraction or RDF."""
from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graphkit.config import BuildOptions
from graphkit.pipeline import parse_records
from graphkit.rdf.build import build_graph
from graphkit.read import Problem, decode_bytes, read_file
from graphkit.records import Document
from graphkit.resolve import resolve

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOWER = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

#: any code point, with lone surrogates, controls, format and line-separator characters made common
_odd = st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp"]), min_size=1, max_size=5)
any_text = st.lists(st.one_of(st.text(max_size=30), _odd), max_size=12).map("".join)
newsy = st.lists(st.sampled_from(["Joe Biden", "Vladimir Putin", "Geneva", "said", "met", "the", "in", ".", ",",
                                  "\n\n", "\u201c", "\u201d", "President", "NATO", "on June 16, 2021", "\r"]),
                 max_size=40).map(" ".join)
texts = st.one_of(any_text, newsy, st.tuples(newsy, any_text).map("".join))


def _roundtrip(records) -> Graph:
    g = build_graph(records, resolve(records, None))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(back) == len(g)
    nt = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert len(nt) == len(g)
    return g


@FAST
@given(st.binary(max_size=2000))
def test_decode_bytes_total(data):
    text, note = decode_bytes(data)
    assert text is not None or note
    if text is not None:
        assert "\r" not in text
        text.encode("utf-8", errors="surrogatepass")


@FAST
@given(data=st.binary(max_size=2000),
       suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".jsonl.gz"]),
       gz=st.booleans())
def test_read_file_never_raises_on_bytes(tmp_path, data, suffix, gz):
    f = tmp_path / f"x{suffix}"
    f.write_bytes(gzip.compress(data) if gz and suffix.endswith(".gz") else data)
    problems: list[Problem] = []
    for doc in read_file(f, report=problems.append):
        assert doc.text.strip()
        doc.text.encode("utf-8")  # no lone surrogates survive the reader
        doc.id.encode("utf-8")
        doc.title.encode("utf-8")
    for p in problems:
        assert "\n" not in str(p)  # one line each


@FAST
@given(text=any_text, title=any_text, doc_id=any_text,
       suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_read_file_never_raises_on_text(tmp_path, text, title, doc_id, suffix):
    f = tmp_path / f"y{suffix}"
    if suffix == ".jsonl":
        f.write_text(json.dumps({"id": doc_id, "text": text, "title": title, "url": doc_id}) + "\n", encoding="utf-8")
    else:
        f.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    for doc in read_file(f, report=lambda p: None):
        doc.text.encode("utf-8")
        doc.id.encode("utf-8")
        (doc.url or "").encode("utf-8")


@pytest.fixture(scope="module")
def options() -> BuildOptions:
    from graphkit.nlp import load_nlp

    load_nlp()
    return BuildOptions(cache=False)


@SLOWER
@given(texts=st.lists(texts.filter(lambda t: t.strip()), min_size=1, max_size=3))
def test_parse_records_on_any_unicode_gives_valid_rdf(options, texts):
    """Straight through the library (no reader clean-up): extraction never raises and RDF round-trips."""
    docs = [Document(id=f"d{i}.txt", text=t, title=t[:50], path=f"d{i}.txt") for i, t in enumerate(texts)]
    records = list(parse_records(docs, options))
    assert len(records) == len(docs) and all(r is not None for r in records)
    _roundtrip(records)


@SLOWER
@given(text=texts, name=any_text)
def test_reader_and_extractor_together(tmp_path, options, text, name):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": name, "text": text, "title": name, "url": name}) + "\n", encoding="utf-8")
    docs = list(read_file(f))
    records = [r for r in parse_records(docs, options)]
    _roundtrip(records)
