"""Reader: formats, metadata, publication dates, and bad files reported by name."""
import gzip
import json

from graphkit.read import decode_bytes, find_date_line, read_documents


def read_all(*paths):
    problems = []
    docs = list(read_documents(paths, problems.append))
    return docs, problems


def test_formats(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Geneva\nJanuary 10, 2022\n\nThe envoys met.", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: A note\npublished: 2022-02-07\nurl: https://example.org/b\n---\n# Head\n\nBody text.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><head><title>Page</title><style>p{}</style><script>var x='Secret Name';</script></head>"
                                     "<body><nav>Home</nav><article><p>Visible &amp; kept.</p></article></body></html>", encoding="utf-8")
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "x1", "text": "One article.", "title": "T", "published": "2021-12-30"}) + "\n")
    docs, problems = read_all(tmp_path)
    by = {d.id: d for d in docs}
    assert not problems
    assert by["a.txt"].published == "2022-01-10" and by["a.txt"].title == "Talks in Geneva"
    assert by["b.md"].title == "A note" and by["b.md"].published == "2022-02-07" and "---" not in by["b.md"].text
    assert by["c.html"].text == "Visible & kept." and by["c.html"].title == "Page"
    assert by["d.jsonl.gz#x1"].published == "2021-12-30"


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("Fine text.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"%PDF-1.4\x00\x01")
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "ok"}\nnot json\n{"id": 3}\n', encoding="utf-8")
    docs, problems = read_all(tmp_path, tmp_path / "missing.txt")
    assert sorted(d.id for d in docs) == ["bad.jsonl#1", "good.txt"]
    msgs = [str(p) for p in problems]
    assert any("empty.txt" in m and "empty" in m for m in msgs)
    assert any("bin.txt" in m and "binary" in m for m in msgs)
    assert any("bad.jsonl:2" in m for m in msgs) and any("bad.jsonl:3" in m and "text" in m for m in msgs)
    assert any("missing.txt" in m and "no such file" in m for m in msgs)


def test_decoding_fallbacks():
    assert decode_bytes("é".encode("utf-16"))[0] == "é"
    assert decode_bytes(b"\xef\xbb\xbfhi\r\nthere\rnow")[0] == "hi\nthere\nnow"
    text, note = decode_bytes(b"caf\xe9")
    assert text == "café" and "Windows-1252" in note


def test_date_line():
    assert find_date_line("By A Writer. November 1, 2021\n\nText") == "2021-11-01"
    assert find_date_line("Headline\nnothing here") is None
