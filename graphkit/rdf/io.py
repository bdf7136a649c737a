"""Writing graphs atomically (temporary file, then rename) and loading a built graph back."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from rdflib import Graph

from ..errors import InputError, OutputError
from .vocab import bind_namespaces

TEMP_SUFFIX = ".tmp"

__all__ = ["atomic_write", "atomic_path", "remove_stale_temps", "write_graph", "load_graph", "JSONLD_CONTEXT",
           "jsonld"]

_PREFIXES = {
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "gk": "https://w3id.org/graphkit/ns#",
    "gkid": "https://w3id.org/graphkit/id/",
}
#: properties whose values are nodes: their terms say ``"@type": "@id"``, so values are bare ids
_LINKS = {"attendee": "schema:attendee", "location": "schema:location", "creator": "schema:creator",
          "about": "schema:about", "affiliation": "schema:affiliation", "mentions": "schema:mentions",
          "wasDerivedFrom": "prov:wasDerivedFrom", "coAttendee": "gk:coAttendee", "holder": "gk:holder",
          "organization": "gk:organization", "status": "gk:status"}
_VALUES = {"name": "schema:name", "altLabel": "skos:altLabel", "identifier": "schema:identifier",
           "jobTitle": "schema:jobTitle", "roleName": "schema:roleName", "text": "schema:text", "url": "schema:url",
           "startDate": "schema:startDate", "wordCount": "schema:wordCount", "evidence": "gk:evidence",
           "dateText": "gk:dateText", "datePrecision": "gk:datePrecision", "eventKind": "gk:eventKind",
           "sourcePath": "gk:sourcePath", "contentHash": "gk:contentHash", "titleReference": "gk:titleReference",
           "mentionCount": "gk:mentionCount", "eventCount": "gk:eventCount", "coAttendeeCount": "gk:coAttendeeCount",
           "connectionRank": "gk:connectionRank", "nameRank": "gk:nameRank", "pairRank": "gk:pairRank",
           "sortKey": "gk:sortKey", "sentenceIndex": "gk:sentenceIndex"}
_CLASSES = {"Person": "schema:Person", "Organization": "schema:Organization", "Place": "schema:Place",
            "Event": "schema:Event", "NewsArticle": "schema:NewsArticle", "Quotation": "schema:Quotation",
            "RoleStatement": "gk:RoleStatement"}

#: the JSON-LD context: prefixes, and a term per property and class the graph uses, so keys read
#: ``name`` and ``attendee`` (its values bare ids) rather than ``schema:name`` and ``{"@id": …}``
JSONLD_CONTEXT = {
    **_PREFIXES, **_CLASSES, **_VALUES,
    **{k: {"@id": v, "@type": "@id"} for k, v in _LINKS.items()},
    "datePublished": {"@id": "schema:datePublished", "@type": "xsd:date"},
}


def jsonld(graph: Graph) -> bytes:
    """``graph`` as compact JSON-LD with :data:`JSONLD_CONTEXT`; node ids shortened to ``gkid:…``.

    rdflib applies the terms but leaves ids whose local part has a "/" as full IRIs, so ids (the
    values of ``@id`` and of node-valued terms, never text) are shortened here.
    """
    import json

    doc = json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    base = _PREFIXES["gkid"]

    def short(v):
        return "gkid:" + v[len(base):] if isinstance(v, str) and v.startswith(base) else v

    def walk(x):
        if isinstance(x, list):
            return [walk(v) for v in x]
        if not isinstance(x, dict):
            return x
        out = {}
        for k, v in x.items():
            if k == "@context":
                out[k] = v
            elif k == "@id":
                out[k] = short(v)
            elif k in _LINKS:
                out[k] = [short(e) for e in v] if isinstance(v, list) else short(v)
            else:
                out[k] = walk(v)
        return out

    return (json.dumps(walk(doc), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _default_mode() -> int:
    mask = os.umask(0)  # the only way to read the umask; done once, at import
    os.umask(mask)
    return 0o666 & ~mask


_DEFAULT_MODE = _default_mode()


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one rename,
    so a reader (or a killed build) never sees a half-written file."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        # mkstemp makes 0600 files: keep the old file's mode, else what a plain open() would give
        try:
            mode = target.stat().st_mode & 0o777
        except OSError:
            mode = _DEFAULT_MODE
        os.chmod(tmp, mode)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)  # the rename itself must survive a power cut, not just the data
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)


def remove_stale_temps(folder: str | os.PathLike) -> int:
    """Delete temporary files and store folders a killed build left in ``folder`` (and its .cache); call under the lock."""
    n = 0
    folder = Path(folder)
    for d in (folder, folder / ".cache" / "records"):
        if not d.is_dir():
            continue
        for f in d.glob(f".*{TEMP_SUFFIX}"):
            try:
                if f.is_dir() and not f.is_symlink():
                    shutil.rmtree(f)  # a half-written query store
                else:
                    f.unlink()
                n += 1
            except OSError:
                pass
    return n


def atomic_write(target: str | os.PathLike, data: str | bytes) -> None:
    with atomic_path(target) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)


def write_graph(graph: Graph, path: str | os.PathLike, fmt: str | None = None) -> Path:
    """Serialise ``graph`` to ``path`` atomically; the format follows the suffix unless given."""
    path = Path(path)
    fmt = fmt or {".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt", ".nq": "nquads",
                  ".trig": "trig", ".xml": "xml", ".rdf": "xml"}.get(path.suffix, "turtle")
    try:
        with atomic_path(path) as tmp:
            if fmt == "json-ld":
                tmp.write_bytes(jsonld(graph))
            else:
                graph.serialize(destination=str(tmp), format=fmt)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


def load_graph(source: str | os.PathLike = "output") -> Graph:
    """The graph built into folder ``source`` (its graph.ttl), or an RDF file."""
    p = Path(source)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.exists():
        raise InputError(f"{p}: no built graph here; run `graphkit build PATH -o {Path(source)}` first")
    g = Graph()
    bind_namespaces(g)
    try:
        g.parse(p)
    except Exception as exc:  # noqa: BLE001 - any parser failure is the same user problem
        raise InputError(f"{p}: cannot parse graph ({exc.__class__.__name__})") from exc
    return g
