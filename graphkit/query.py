"""The catalogue of queries/*.rq with declared parameters; values are bound, never pasted.

Each .rq file starts with a comment header::

    # name: meetings-of
    # description: Events a person attended, with date, place and evidence.
    # param: person | entity | Lavrov | any name or alias of the person

A parameter of type ``entity`` accepts any known name or alias and is resolved to the entity's
IRI (unknown or ambiguous names are errors that list candidates); ``string``, ``date`` and
``int`` become typed literals. Values reach the engine through ``initBindings``.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from .errors import QueryError

__all__ = ["Param", "CannedQuery", "QueryResult", "catalogue", "get_query", "run", "run_query",
           "resolve_entity", "format_result", "result_to_html"]


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    example: str = ""
    doc: str = ""
    default: str | None = None


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: str = ""


@dataclass
class QueryResult:
    vars: list[str]
    rows: list[list[Any]]
    entities: list[str] = field(default_factory=list)


def _queries_dir() -> Path:
    local = Path(__file__).resolve().parent.parent / "queries"
    if local.is_dir():
        return local
    return Path(str(resources.files("graphkit.queries")))


def parse_header(text: str, path: str = "") -> CannedQuery:
    name = desc = ""
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line.lstrip("#").strip()
        key, _, value = body.partition(":")
        key = key.strip().lower()
        if key == "name":
            name = value.strip()
        elif key == "description":
            desc = value.strip()
        elif key == "param":
            parts = [p.strip() for p in value.split("|")]
            parts += [""] * (5 - len(parts))
            params.append(Param(name=parts[0], type=parts[1] or "string", example=parts[2], doc=parts[3],
                                default=parts[4] or None))
    if not name:
        name = Path(path).stem
    return CannedQuery(name=name, description=desc, params=tuple(params), text=text, path=path)


def catalogue() -> list[CannedQuery]:
    """Every canned query shipped in queries/, sorted by name."""
    out = []
    for f in sorted(_queries_dir().glob("*.rq")):
        out.append(parse_header(f.read_text(encoding="utf-8"), str(f)))
    return sorted(out, key=lambda q: q.name)


def get_query(ref: str) -> CannedQuery:
    """A canned query by name, or a .rq file by path."""
    if ref.endswith(".rq") and os.path.exists(ref):
        return parse_header(Path(ref).read_text(encoding="utf-8"), ref)
    for q in catalogue():
        if q.name == ref:
            return q
    names = ", ".join(q.name for q in catalogue())
    raise QueryError(f"no canned query named '{ref}'; known: {names}")


def resolve_entity(graph: Graph, name: str, rdf_type: URIRef | None = None) -> URIRef:
    """The entity whose name or alias is ``name`` (case- and accent-insensitive)."""
    from .names import fold
    from .rdf.vocab import RDF, SDO, SKOS

    if name.startswith(("http://", "https://")) and (URIRef(name), None, None) in graph:
        return URIRef(name)
    want = fold(name)
    hits: dict[URIRef, str] = {}
    partial: dict[URIRef, str] = {}
    types = [rdf_type] if rdf_type else [SDO.Person, SDO.Organization, SDO.Place, SDO.Event]
    for t in types:
        for s in graph.subjects(URIRef(str(RDF.type)), t):
            canon = str(graph.value(s, SDO.name) or s)
            labels = [canon] + [str(a) for a in graph.objects(s, SKOS.altLabel)]
            folded = [fold(x) for x in labels]
            if want in folded:
                hits[s] = canon
            elif any(want in f.split() or f.endswith(" " + want) for f in folded):
                partial[s] = canon
    found = hits or partial
    if len(found) == 1:
        return next(iter(found))
    if not found:
        raise QueryError(f"no entity is named '{name}'")
    cands = "; ".join(sorted(set(found.values()))[:12])
    raise QueryError(f"'{name}' is ambiguous: {cands}; give a fuller name")


def _bind(graph: Graph, q: CannedQuery, values: dict[str, str]) -> dict[str, Any]:
    from .rdf.vocab import SDO

    declared = {p.name: p for p in q.params}
    unknown = set(values) - set(declared)
    if unknown and declared:
        raise QueryError(f"query '{q.name}' has no parameter {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(declared) or 'none'}")
    bindings: dict[str, Any] = {}
    for p in q.params:
        raw = values.get(p.name, p.default)
        if raw is None:
            raise QueryError(f"query '{q.name}' needs --param {p.name}=… ({p.doc or p.type}; e.g. {p.example})")
        if p.type in ("entity", "person"):
            bindings[p.name] = resolve_entity(graph, raw, SDO.Person if p.type == "person" else None)
        elif p.type == "int":
            try:
                bindings[p.name] = Literal(int(raw))
            except ValueError as exc:
                raise QueryError(f"parameter {p.name} wants a whole number, got {raw!r}") from exc
        elif p.type == "date":
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", raw):
                raise QueryError(f"parameter {p.name} wants a date YYYY[-MM[-DD]], got {raw!r}")
            bindings[p.name] = Literal(raw)
        else:
            bindings[p.name] = Literal(raw)
    for k, v in values.items():
        if k not in bindings and not declared:
            bindings[k] = Literal(v)
    return bindings


def run_query(graph: Graph, query: str, params: dict[str, str] | None = None,
              timeout: float | None = None, is_text: bool | None = None) -> QueryResult:
    """Run a canned query name, a .rq path or SPARQL text on ``graph`` with bound ``params``."""
    params = params or {}
    if is_text is None:
        is_text = bool(re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", query, re.I)) and not query.endswith(".rq")
    q = parse_header(query, "<text>") if is_text else get_query(query)
    bindings = _bind(graph, q, params)
    return _execute(graph, q.text, bindings, timeout)


def _execute(graph: Graph, text: str, bindings: dict, timeout: float | None) -> QueryResult:
    from pyparsing import ParseException

    from .rdf.vocab import GK, PROV, SDO, SKOS, XSD as _X

    ns = {"schema": SDO, "prov": PROV, "skos": SKOS, "xsd": _X, "gk": GK._NS}
    box: dict[str, Any] = {}

    def work():
        try:
            box["res"] = graph.query(text, initBindings=bindings, initNs=ns)
            box["rows"] = [list(r) for r in box["res"]] if box["res"].type == "SELECT" else None
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["err"] = exc

    if timeout:
        t = threading.Thread(target=work, daemon=True)
        t.start()
        t.join(timeout)
        if t.is_alive():
            raise QueryError(f"query took longer than {timeout:g}s and was abandoned; narrow it or raise --timeout")
    else:
        work()
    if "err" in box:
        exc = box["err"]
        if isinstance(exc, ParseException):
            raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}") from exc
        raise QueryError(f"query failed: {exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}") from exc
    res = box["res"]
    if res.type == "ASK":
        return QueryResult(vars=["ask"], rows=[[Literal(bool(res.askAnswer))]])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        rows = [[s, p, o] for s, p, o in res.graph]
        return QueryResult(vars=["subject", "predicate", "object"], rows=sorted(rows))
    return QueryResult(vars=[str(v) for v in res.vars], rows=box["rows"])


def run(graph_dir: str | os.PathLike | Graph, query: str, params: dict[str, str] | None = None,
        timeout: float | None = None, is_text: bool = False) -> QueryResult:
    """Load the built graph (folder or file) and run ``query`` on it."""
    from .rdf.io import load_graph

    g = graph_dir if isinstance(graph_dir, Graph) else load_graph(graph_dir)
    return run_query(g, query, params, timeout=timeout, is_text=is_text or None)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    return str(v)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render rows as an aligned table, CSV, TSV, or SPARQL 1.1 JSON results."""
    if fmt == "json":
        bindings = []
        for row in result.rows:
            b = {}
            for var, v in zip(result.vars, row):
                if v is None:
                    continue
                if isinstance(v, URIRef):
                    b[var] = {"type": "uri", "value": str(v)}
                elif isinstance(v, Literal):
                    d = {"type": "literal", "value": str(v)}
                    if v.language:
                        d["xml:lang"] = v.language
                    elif v.datatype:
                        d["datatype"] = str(v.datatype)
                    b[var] = d
                else:
                    b[var] = {"type": "bnode", "value": str(v)}
            bindings.append(b)
        return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, indent=1,
                          ensure_ascii=False) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.vars)
        for row in result.rows:
            w.writerow([_cell(v).replace("\t", " ").replace("\n", " ") if fmt == "tsv" else _cell(v) for v in row])
        return buf.getvalue()
    cells = [[_short(_cell(v)) for v in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(result.vars)]
    widths = [min(w, 60) for w in widths]
    line = lambda vals: "  ".join(v[:w].ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(result.vars), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _short(s: str) -> str:
    from .rdf.vocab import ID

    s = s.replace("\n", " ")
    return s[len(str(ID)):] if s.startswith(str(ID)) else s


def result_to_html(graph_dir, result: QueryResult, path) -> Path:
    """Draw the entities a result names (and the edges between them) as a page."""
    from .projection import project
    from .rdf.io import load_graph
    from .page import render

    g = graph_dir if isinstance(graph_dir, Graph) else load_graph(graph_dir)
    G = project(g)
    keep = {str(v) for row in result.rows for v in row if isinstance(v, URIRef) and str(v) in G}
    if not keep:
        raise QueryError("the result names no entity or event to draw")
    return render(G.subgraph(keep).copy(), path, title="graphkit query result")
