"""Find and decode input files into Documents; a bad file is reported by name and the rest go on.

Formats: ``.txt``, ``.md``/``.markdown`` (YAML front matter becomes metadata), ``.html``/``.htm``
(visible text only, via BeautifulSoup), ``.jsonl``/``.jsonl.gz`` (one article a line with
``id``, ``text`` and optional ``title``, ``published``, ``url``).

Decoding: a UTF-8 or UTF-16 byte-order mark is honoured; otherwise UTF-8, then Windows-1252
when UTF-8 fails, then UTF-8 with U+FFFD replacement characters; the fallback is reported.
Lone surrogates become U+FFFD; documents over MAX_DOC_CHARS are read as numbered parts.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import zlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .layout import lay_out
from .records import Document

__all__ = ["Problem", "read_documents", "read_file", "decode_bytes", "clean_text", "clean_document", "find_date_line", "is_headline", "SUFFIXES"]

#: longest document read in one piece: spaCy's own default max_length; longer ones are split
MAX_DOC_CHARS = 1_000_000
_PROJECT_FILES = re.compile(r"(?i)^(readme|license|licence|changelog|contributing|copying|notice)(\.[a-z]+)*$")
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".jsonl.gz")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_PATTERNS = [
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b"),
    re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\.?,?\s+(\d{{4}})\b"),
]


@dataclass(frozen=True)
class Problem:
    """One skipped input or a remark on one; ``str()`` is the one-line message for users."""

    path: str
    message: str
    line: int | None = None
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return clean_text(f"{where}: {self.message}")  # undecodable file names must still print


Report = Callable[[Problem], None]


def _ignore(_: Problem) -> None:
    return None


def read_documents(paths: Iterable[str | os.PathLike], report: Report = _ignore) -> Iterator[Document]:
    """Yield Documents from files and folders (walked recursively, in sorted order).

    Every problem goes to ``report`` as a :class:`Problem`; nothing raises for bad input.
    """
    seen: set[str] = set()
    for raw in paths:
        root = Path(raw)
        if not root.exists() and not root.is_symlink():
            report(Problem(str(raw), "no such file or directory"))
            continue
        if root.is_dir():
            files = list(_walk(root, report))
            if not files:
                report(Problem(str(raw), f"no readable documents ({', '.join(SUFFIXES)}) in this folder"))
            for path in files:
                yield from _read_once(path, root, seen, report)
        else:
            yield from _read_once(root, root.parent, seen, report)


def _read_once(path: Path, root: Path, seen: set[str], report: Report) -> Iterator[Document]:
    try:
        real = os.path.realpath(path)
    except OSError as exc:  # e.g. a symlink loop
        report(Problem(str(path), f"cannot resolve path ({exc.strerror or exc})"))
        return
    if real in seen:
        return
    seen.add(real)
    yield from read_file(path, root=root, report=report)


def _walk(root: Path, report: Report) -> Iterator[Path]:
    # followlinks with a realpath guard: linked folders are read, symlink loops are not walked twice
    visited: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: report(
            Problem(str(e.filename), f"cannot list folder ({e.strerror})"))):
        real = os.path.realpath(dirpath)
        if real in visited:
            report(Problem(dirpath, "symlink loop: folder already read, skipped"))
            dirnames[:] = []
            continue
        visited.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or _PROJECT_FILES.match(name):
                # a corpus folder's README/LICENSE describes the corpus; it is not an article
                # (name such a file explicitly to read it)
                continue
            path = Path(dirpath) / name
            if name.lower().endswith(SUFFIXES):
                if path.is_symlink() and not path.exists():
                    report(Problem(str(path), "broken or looping symlink"))
                    continue
                yield path


def read_file(path: str | os.PathLike, root: str | os.PathLike | None = None,
              report: Report = _ignore) -> Iterator[Document]:
    """Yield the Document(s) of one file (several for JSONL); problems go to ``report``."""
    path = Path(path)
    rel = _relative_id(path, Path(root) if root else path.parent)
    name = path.name.lower()
    try:
        if name.endswith((".jsonl", ".jsonl.gz")):
            yield from _read_jsonl(path, rel, report)
            return
        data = path.read_bytes()
    except PermissionError:
        report(Problem(str(path), "permission denied"))
        return
    except OSError as exc:
        report(Problem(str(path), f"cannot read ({exc.strerror or exc})"))
        return
    text, note = decode_bytes(data)
    if text is None:
        report(Problem(str(path), note or "binary file, not text"))
        return
    notes = (note,) if note else ()
    if note:
        report(Problem(str(path), note, skipped=False))
    meta: dict = {}
    fmt = "txt"
    if name.endswith((".md", ".markdown")):
        fmt = "md"
        text, meta, err = _front_matter(text)
        if err:
            report(Problem(str(path), f"front matter ignored ({err})", skipped=False))
    elif name.endswith((".html", ".htm")):
        fmt = "html"
        text, title = html_to_text(text)
        if title:
            meta.setdefault("title", title)
    doc = _make_document(rel, text, meta, str(path), fmt, notes)
    if doc is None:
        report(Problem(str(path), "empty document (no text)"))
        return
    yield from _split_long(doc, report)


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode file bytes to text; returns (text, note). ``text`` is None for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _newlines(data[3:].decode("utf-8", errors="replace")), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _newlines(data.decode("utf-16")), None
        except UnicodeDecodeError:
            return None, "invalid UTF-16 despite its byte-order mark"
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        return None, "binary file (not text), skipped"
    try:
        return _newlines(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    try:
        return _newlines(data.decode("cp1252")), "not valid UTF-8; decoded as Windows-1252"
    except UnicodeDecodeError:
        return _newlines(data.decode("utf-8", errors="replace")), \
            "not valid UTF-8; undecodable bytes replaced by U+FFFD"


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(text: str) -> tuple[str, dict, str | None]:
    if not text.startswith("---"):
        return text, {}, None
    import frontmatter  # local: only Markdown needs it
    import yaml

    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        # keep the body: drop the block between the first two '---' lines
        parts = text.split("\n---", 1)
        body = parts[1].split("\n", 1)[1] if len(parts) == 2 and "\n" in parts[1] else text
        return body, {}, str(exc).splitlines()[0][:120]
    meta = post.metadata if isinstance(post.metadata, dict) else {}
    return post.content, meta, None


def html_to_text(html: str) -> tuple[str, str]:
    """Visible text of an HTML page (scripts, styles, navigation dropped) and its <title>."""
    from bs4 import BeautifulSoup  # local: only HTML needs it

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(["script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                     "form", "iframe", "svg", "head"]):
        tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = []
    for el in body.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre", "td", "dd"]):
        if el.find(["p", "li", "blockquote"]):
            continue  # the inner blocks carry the text
        txt = " ".join(el.get_text(" ", strip=True).split())
        if txt:
            blocks.append(txt)
    if not blocks:
        blocks = [" ".join(line.split()) for line in body.get_text("\n").splitlines() if line.strip()]
    return "\n\n".join(blocks), title


def _read_jsonl(path: Path, rel: str, report: Report) -> Iterator[Document]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lineno = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    report(Problem(str(path), f"malformed JSON ({exc.__class__.__name__}), line skipped", lineno))
                    continue
                if not isinstance(obj, dict):
                    report(Problem(str(path), "line is not a JSON object, skipped", lineno))
                    continue
                text = obj.get("text")
                if not isinstance(text, str) or not text.strip():
                    report(Problem(str(path), "no 'text' field (or it is empty), line skipped", lineno))
                    continue
                doc_id = str(obj.get("id") or f"line-{lineno}")
                meta = {k: obj.get(k) for k in ("title", "published", "url") if obj.get(k)}
                doc = _make_document(f"{rel}#{doc_id}", _newlines(text), meta, f"{path}#{doc_id}", "jsonl", ())
                if doc is None:
                    report(Problem(str(path), "empty document (no text), line skipped", lineno))
                    continue
                yield from _split_long(doc, report)
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        msg = "truncated or corrupt gzip" if not isinstance(exc, PermissionError) else "permission denied"
        report(Problem(str(path), f"{msg} after line {lineno}; earlier lines kept", lineno + 1))


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without NULs and with lone surrogates (JSON "\\ud800" escapes, undecodable file
    names) replaced by U+FFFD: spaCy and every RDF serialiser refuse them."""
    text = text.replace("\x00", "")
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def clean_document(doc: Document) -> Document:
    """``doc`` with :func:`clean_text` applied to every text field (for Documents not made by the reader)."""
    fields = {k: clean_text(v) for k in ("id", "text", "title", "published", "url", "path")
              if isinstance(v := getattr(doc, k), str) and clean_text(v) != v}
    return replace(doc, **fields) if fields else doc


def _make_document(rel: str, text: str, meta: dict, path: str, fmt: str,
                   notes: tuple[str, ...]) -> Document | None:
    text = clean_text(text).strip("\ufeff")
    if not text.strip():
        return None
    # wrapped lines joined, Markdown read as a reader sees it (HTML is laid out by html_to_text)
    text = lay_out(text, markdown=fmt != "html")
    if not text.strip():
        return None
    blocks = text.split("\n\n")
    title = clean_text(str(meta.get("title") or "")).strip()
    title = " ".join(lay_out(title).split()) if title else ""
    headline_end = 0
    if title and fmt != "html" and " ".join(blocks[0].split()) != title:
        # the headline states who, what and with whom: it is read with the body, as its first paragraph
        text = f"{title}\n\n{text}"
        headline_end = len(title)
    elif title:
        if " ".join(blocks[0].split()) == title:
            headline_end = len(blocks[0])
    elif is_headline(blocks[0]) and len(blocks) > 1:
        title, headline_end = blocks[0], len(blocks[0])
    else:
        title = blocks[0].split("\n")[0][:200]
    published = _iso(meta.get("published") or meta.get("date")) or find_date_line(text)
    url = meta.get("url")
    return Document(id=clean_text(rel), text=text, title=title, published=published,
                    url=clean_text(str(url)) if url else None, path=clean_text(path), fmt=fmt, notes=notes,
                    headline_end=headline_end)


def is_headline(block: str) -> bool:
    """A first paragraph that reads as a headline: one short line without a sentence's final stop."""
    words = block.split()
    return "\n" not in block and 0 < len(words) <= 30 and not block.rstrip().endswith((".", "?", "!", ":", ";", ","))


def _split_long(doc: Document, report: Report) -> Iterator[Document]:
    # extraction holds every parsed chunk of a document at once (~130 MB per million characters),
    # so a huge document is read as several parts of at most MAX_DOC_CHARS, cut at paragraphs
    if len(doc.text) <= MAX_DOC_CHARS:
        yield doc
        return
    from .nlp import chunk_text

    parts = list(chunk_text(doc.text, MAX_DOC_CHARS))
    report(Problem(doc.path, f"very long document ({len(doc.text):,} characters): read as {len(parts)} "
                             f"parts of at most {MAX_DOC_CHARS:,}", skipped=False))
    for k, (_, text) in enumerate(parts, 1):
        yield replace(doc, id=f"{doc.id}#part{k}", text=text, title=f"{doc.title} (part {k} of {len(parts)})",
                      headline_end=doc.headline_end if k == 1 else 0,
                      path=f"{doc.path}#part{k}")


def _iso(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if m:
        return "-".join(m.groups())
    return find_date_line(str(value), max_lines=1, max_len=60)


def find_date_line(text: str, max_lines: int = 4, max_len: int = 200) -> str | None:
    """The publication date from a clear date line near the top ("November 1, 2021")."""
    from dateutil import parser as dateparser

    for line in [ln for ln in text.split("\n") if ln.strip()][:max_lines]:
        if len(line) > max_len:
            continue
        for pat in _DATE_PATTERNS:
            m = pat.search(line)
            if not m:
                continue
            try:
                return dateparser.parse(m.group(0), fuzzy=False).date().isoformat()
            except (ValueError, OverflowError):
                continue
    return None


def _relative_id(path: Path, root: Path) -> str:
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(path.name)
    return rel.as_posix()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
