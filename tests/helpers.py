"""Build a DocRecord from a small text, for construction-level tests."""
from __future__ import annotations

from graphkit.config import BuildOptions
from graphkit.pipeline import parse_records
from graphkit.records import DocRecord, Document


def record(text: str, published: str | None = "2022-01-12") -> DocRecord:
    doc = Document(id="t.txt", text=text, title="t", published=published)
    return next(parse_records([doc], BuildOptions(cache=False)))


def names(rec: DocRecord, etype: str = "Person") -> set[str]:
    return {e.name for e in rec.entities if e.type == etype}


def name_of(rec: DocRecord, key: str | None) -> str | None:
    return None if key is None else rec.entity(key).name


def read_record(folder, name: str, content: str) -> DocRecord:
    """The record of a file as the reader lays it out (wrapped lines, Markdown, headline)."""
    from graphkit.read import read_documents

    path = folder / name
    path.write_text(content, encoding="utf-8")
    doc = next(read_documents([path]))
    return next(parse_records([doc], BuildOptions(cache=False)))


def titled_record(folder, title: str, text: str, published: str) -> DocRecord:
    """The record of one JSONL document with a headline and a publication date, as the reader lays it out."""
    import json

    line = json.dumps({"id": "r1", "title": title, "published": published, "text": text})
    return read_record(folder, "a.jsonl", line + "\n")
