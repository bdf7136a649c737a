"""The catalogue of queries/*.rq with declared parameters; values are bound, never pasted.

Each .rq file starts with a comment header::

    # name: meetings-of
    # description: Events a person attended, with date, place and evidence.
    # param: person | entity | Lavrov | any name or alias of the person

A parameter of type ``entity`` accepts any known name or alias and is resolved to the entity's
IRI (unknown or ambiguous names are errors that list candidates); ``string``, ``date`` and
``int`` become typed literals. Values reach the engine through ``initBindings`` (Oxigraph
substitutions), never through the query text. A header line ``# post: ego`` or ``# post: path``
declares a Python step over the query's one-hop rows, for what SPARQL cannot bound (N hops,
shortest path); see ``_POST``.
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
    post: str = ""


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
    """The name, description, parameters and post-step declared in a query's comment header."""
    name = desc = post = ""
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
        elif key == "post":
            post = value.strip()
        elif key == "param":
            parts = [p.strip() for p in value.split("|")]
            parts += [""] * (5 - len(parts))
            params.append(Param(name=parts[0], type=parts[1] or "string", example=parts[2], doc=parts[3],
                                default=parts[4] or None))
    if not name:
        name = Path(path).stem
    if post and post not in _POST:
        raise QueryError(f"{path or name}: unknown post step '{post}'; known: {', '.join(sorted(_POST))}")
    return CannedQuery(name=name, description=desc, params=tuple(params), text=text, path=path, post=post)


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


_EXACT = """SELECT DISTINCT ?e ?canon ?label ?type WHERE {
  VALUES ?p { schema:name skos:altLabel } ?e ?p ?label ; a ?type ; schema:name ?canon .
}"""
_LABELS = """SELECT ?e ?canon ?label ?type WHERE {
  ?e a ?type ; schema:name ?canon .
  { ?e schema:name ?label } UNION { ?e skos:altLabel ?label }
}"""


def resolve_entity(graph: Graph, name: str, rdf_type: URIRef | None = None) -> URIRef:
    """The entity whose name or alias is ``name`` (case- and accent-insensitive).

    An exact label is looked up through the store's index first; only when that finds nothing is
    every label of the type folded and compared (accents, case, "the", last names).
    """
    from .names import fold
    from .rdf.vocab import SDO

    if name.startswith(("http://", "https://")) and (URIRef(name), None, None) in graph:
        return URIRef(name)
    types = [rdf_type] if rdf_type else [SDO.Person, SDO.Organization, SDO.Place, SDO.Event]
    hits: dict[URIRef, str] = {}
    for t in types:
        for e, canon, *_ in _execute(graph, _EXACT, {"label": Literal(name), "type": t}, None).rows:
            hits[e] = str(canon)
    if not hits:
        want = fold(name)
        partial: dict[URIRef, str] = {}
        for t in types:
            for e, canon, label, _ in _execute(graph, _LABELS, {"type": t}, None).rows:
                f = fold(str(label))
                if f == want:
                    hits[e] = str(canon)
                elif want and (want in f.split() or f.endswith(" " + want)):
                    partial[e] = str(canon)
        hits = hits or partial
    if len(hits) == 1:
        return next(iter(hits))
    kind = "person" if rdf_type == SDO.Person else "entity"
    if not hits:
        raise QueryError(f"no {kind} is named {name!r}; try `graphkit query profile -p entity=…` with another spelling")
    cands = "; ".join(sorted(set(hits.values()))[:12])
    raise QueryError(f"{name!r} is ambiguous: {cands}; give a fuller name")


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
    if q.post:
        return _POST[q.post](graph, q, bindings, timeout)
    return _execute(graph, q.text, bindings, timeout)


def _ns() -> dict[str, str]:
    from .rdf.vocab import GK, PROV, SDO, SKOS, XSD as _X

    # plain strings: Oxigraph rejects rdflib Namespace objects as prefixes
    return {"schema": str(SDO), "prov": str(PROV), "skos": str(SKOS), "xsd": str(_X), "gk": str(GK._NS)}


def _execute(graph: Graph, text: str, bindings: dict, timeout: float | None) -> QueryResult:
    from pyparsing import ParseException

    box: dict[str, Any] = {}

    def work():
        try:
            box["res"] = graph.query(text, initBindings=bindings, initNs=_ns())
            box["rows"] = [[_plain(v) for v in r] for r in box["res"]] if box["res"].type == "SELECT" else None
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["err"] = exc

    if timeout:
        # Oxigraph releases the GIL while it evaluates, so the caller regains control on time
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
        m = re.search(r"does not contains? variable (\?\w+)", str(exc))
        if m:  # Oxigraph substitutes bound values only into projected variables
            raise QueryError(f"bound variable {m[1]} must appear in the SELECT clause") from exc
        m = re.match(r"error at (\d+):(\d+): (.*)", str(exc)) if isinstance(exc, SyntaxError) else None
        if m:
            raise QueryError(f"SPARQL syntax error at line {m[1]}, column {m[2]}: {m[3][:160]}") from exc
        raise QueryError(f"query failed: {exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}") from exc
    res = box["res"]
    if res.type == "ASK":
        return QueryResult(vars=["ask"], rows=[[Literal(bool(res.askAnswer))]])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        rows = [[s, p, o] for s, p, o in res.graph]
        return QueryResult(vars=["subject", "predicate", "object"], rows=sorted(rows))
    return QueryResult(vars=[str(v) for v in res.vars], rows=box["rows"])


_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _plain(v: Any) -> Any:
    """RDF 1.1 simple literal for xsd:string (Oxigraph spells the datatype, rdflib does not)."""
    if type(v) is Literal and v.datatype == _XSD_STRING:
        return Literal(str(v))
    return v


_IRI_OK = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')


def _frontier_query(q: CannedQuery, people: list) -> str:
    """The one-hop query with ``VALUES ?person {…}`` for a whole BFS frontier: one query per hop.

    The values are IRIs the store itself returned, serialised by rdflib (``n3()``) and checked
    against the IRI grammar, never user text; user input only ever reaches the start via binding.
    """
    for p in people:
        if not isinstance(p, URIRef) or not _IRI_OK.fullmatch(str(p)):
            raise QueryError(f"query '{q.name}': cannot follow the non-IRI node {p!r}")
    m = re.search(r"\bWHERE\s*\{", q.text, re.I)
    if not m:
        raise QueryError(f"query '{q.name}': a post step needs a WHERE {{ … }} clause")
    values = "VALUES ?person { " + " ".join(p.n3() for p in people) + " }\n"
    return q.text[:m.end()] + "\n  " + values + q.text[m.end():]


def _hop(graph: Graph, q: CannedQuery, frontier: list, timeout) -> list[list[Any]]:
    """Rows (?other ?otherName ?event ?eventName ?date ?person) of every person in ``frontier``."""
    res = _execute(graph, _frontier_query(q, sorted(frontier)), {}, timeout)
    need = ["other", "otherName", "event", "eventName", "date", "person"]
    if res.vars[:6] != need:
        raise QueryError(f"query '{q.name}': a post step needs SELECT {' '.join('?' + v for v in need)} first")
    order = {p: i for i, p in enumerate(frontier)}
    # the frontier's order, then the query's: the first link found is the one reported
    return sorted((r[:6] for r in res.rows), key=lambda r: order.get(r[5], len(order)))


def _post_ego(graph: Graph, q: CannedQuery, b: dict, timeout) -> QueryResult:
    """Breadth-first co-attendance from ``person`` up to ``hops``: who, at which distance, via whom."""
    start, hops = b["person"], int(b.get("hops", Literal(2)).toPython())
    seen = {start}
    rows: list[list[Any]] = []
    frontier = [start]
    for h in range(1, max(hops, 0) + 1):
        if not frontier:
            break
        nxt = []
        for other, oname, ev, evname, date, via in _hop(graph, q, frontier, timeout):
            if other not in seen:
                seen.add(other)
                nxt.append(other)
                rows.append([Literal(h), other, oname, via, ev, evname, date])
        frontier = nxt
    return QueryResult(vars=["hops", "person", "name", "via", "event", "eventName", "date"], rows=rows)


def _post_path(graph: Graph, q: CannedQuery, b: dict, timeout) -> QueryResult:
    """Shortest chain of shared events from ``from`` to ``to`` (breadth first, ties by name)."""
    from .rdf.vocab import SDO

    src, dst = b["from"], b["to"]
    limit = int(b.get("maxHops", Literal(6)).toPython())
    back: dict[Any, tuple] = {src: (None, None, None, None, None)}
    frontier = [src]
    depth = 0
    while frontier and dst not in back and depth < limit:
        depth += 1
        nxt = []
        for other, oname, ev, evname, date, via in _hop(graph, q, frontier, timeout):
            if other not in back:
                back[other] = (via, oname, ev, evname, date)
                nxt.append(other)
        frontier = nxt
    cols = ["step", "person", "name", "event", "eventName", "date"]
    if dst not in back:
        return QueryResult(vars=cols, rows=[])
    chain = []
    node = dst
    while node is not None:
        chain.append((node, back[node]))
        node = back[node][0]
    chain.reverse()
    rows = []
    for i, (node, (_prev, oname, _e, _en, _d)) in enumerate(chain):
        link = chain[i + 1][1] if i + 1 < len(chain) else (None, None, None, None, None)
        name = oname if oname is not None else _plain(graph.value(node, SDO.name))
        rows.append([Literal(i), node, name, link[2], link[3], link[4]])
    return QueryResult(vars=cols, rows=rows)


_POST = {"ego": _post_ego, "path": _post_path}


def run(graph_dir: str | os.PathLike | Graph, query: str, params: dict[str, str] | None = None,
        timeout: float | None = None, is_text: bool = False) -> QueryResult:
    """Open the built graph (its store, else graph.ttl, or an RDF file) and run ``query`` on it."""
    from .store import open_graph

    g = graph_dir if isinstance(graph_dir, Graph) else open_graph(graph_dir)
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
