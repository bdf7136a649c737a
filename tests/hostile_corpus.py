"""Builds a folder of hostile and broken input files next to a few good ones, for the robustness tests."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

#: a plain news paragraph the model finds entities in
GOOD = ("Russian President Vladimir Putin met U.S. President Joe Biden in Geneva on June 16, 2021. "
        "Secretary of State Antony Blinken said the talks were useful.\n")

#: name of each bad file → what the warning must say (a fragment, lower case); None: read, no skip
EXPECT_SKIP = {
    "empty.txt": "empty document",
    "blank.txt": "empty document",
    "nul.txt": "binary file",
    "image.txt": "binary file",
    "paper.txt": "binary file",
    "bad-utf16.txt": "invalid utf-16",
    "missing.txt": "no such file",
    "broken-link.txt": "broken or looping symlink",
    "truncated.jsonl.gz": "truncated or corrupt gzip",
}
#: JSONL lines that must be skipped, with their line numbers
EXPECT_JSONL = {3: "malformed json", 4: "no 'text' field", 5: "not a json object", 6: "no 'text' field"}


def build(root: Path) -> dict[str, Path]:
    """Write the corpus into ``root/in``; returns named paths (``in``, plus a few special ones)."""
    d = root / "in"
    d.mkdir(parents=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\t\r\n \u00a0 \n", encoding="utf-8")
    (d / "nul.txt").write_bytes(b"Hello\x00World\x00" * 50)
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(256))
    (d / "paper.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (d / "latin1.txt").write_bytes("Fran\u00e7ois Hollande visited Berlin. Angela Merkel said caf\u00e9.\n"
                                   .encode("cp1252"))
    (d / "undecodable.txt").write_bytes(b"Emmanuel Macron spoke in Paris \x81\x8d\x8f\x90\x9d today.\n")
    (d / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("Geneva", "Vienna").encode())
    (d / "bom16.txt").write_bytes(GOOD.replace("Geneva", "Brussels").encode("utf-16"))
    (d / "bad-utf16.txt").write_bytes(b"\xff\xfe" + b"A\x00" * 10 + b"\x00\xd8")  # lone high surrogate
    (d / "crlf.txt").write_bytes(GOOD.replace("\n", "\r\n").replace(". ", ".\r\n").encode())
    (d / "cr.txt").write_bytes(GOOD.replace("\n", "\r").replace(". ", ".\r").encode())
    (d / "page.html").write_text(
        "<html><head><title>Summit &amp; talks</title><style>p{color:red}</style>"
        "<script>var Putin = 'Kim Jong Un'; document.write('<p>Xi Jinping</p>');</script></head>"
        "<body><nav>Home | World</nav><article><p>Olaf Scholz met Emmanuel Macron in Paris "
        "&mdash; &quot;a good day&quot;, said Scholz &amp; aides.</p><script>alert('Boris Johnson')"
        "</script></article></body></html>", encoding="utf-8")
    (d / "odd-front.md").write_text("---\ntitle: [unclosed\nurl: file:///etc/passwd\n---\n\n" + GOOD,
                                    encoding="utf-8")
    (d / "front-only.md").write_text("---\ntitle: nothing below\n---\n", encoding="utf-8")
    (d / "front-list.md").write_text("---\n- a\n- b\n---\n" + GOOD, encoding="utf-8")
    (d / "front-evil.md").write_text("---\ntitle: Evil\nurl: file:///etc/passwd\npath: ../../etc/passwd\n"
                                     "id: ../../../tmp/owned\n---\n" + GOOD, encoding="utf-8")
    lines = [
        json.dumps({"id": "a1", "text": GOOD, "title": "Good line"}),
        json.dumps({"id": "../../etc/passwd", "text": GOOD.replace("Geneva", "Moscow"),
                    "url": "file:///etc/shadow"}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "notext", "title": "No text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "numtext", "text": 42}),
        json.dumps({"id": "surrogate", "text": "Angela Merkel \ud800 spoke in Berlin."}),
    ]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    blob = gzip.compress(("\n".join(json.dumps({"id": f"g{i}", "text": GOOD}) for i in range(200)) + "\n").encode())
    (d / "truncated.jsonl.gz").write_bytes(blob[: len(blob) // 2])
    (d / "code.txt").write_text(
        "def main(argv):\n    for i in range(10):\n        print(i, argv[i])\n    return 0\n\n"
        "import os, sys\nclass Foo(Bar):\n    pass\n", encoding="utf-8")
    (d / "table.txt").write_text("\n".join(" | ".join(str(i * j) for j in range(8)) for i in range(40)),
                                 encoding="utf-8")
    (d / "numbers.txt").write_text("\n".join(f"{i}. {i * 3.14159:.3f}" for i in range(200)), encoding="utf-8")
    (d / "foreign.txt").write_text(
        "Der Bundeskanzler traf sich am Montag in Berlin mit dem französischen Präsidenten. "
        "Москва заявила, что переговоры продолжатся. 北京表示欢迎。 القاهرة ترحب بالمحادثات.\n",
        encoding="utf-8")
    (d / "long-sentence.txt").write_text(
        "Angela Merkel said " + " ".join(["that the talks went on"] * 900) + " in Berlin.\n", encoding="utf-8")
    (d / "ignored.pdf").write_bytes(b"%PDF-1.4 not read: not a known suffix")
    os.symlink("does-not-exist.txt", d / "broken-link.txt")
    loop = d / "loop"
    loop.mkdir()
    os.symlink("..", loop / "up")  # folder symlink loop: loop/up -> in
    os.symlink("self.txt", d / "self.txt")  # file symlink loop: self.txt -> self.txt
    (root / "empty-dir").mkdir()
    return {"in": d, "empty-dir": root / "empty-dir", "missing": d / "missing.txt"}
