"""The catalogue of queries/*.rq with declared parameters; values are bound, never pasted.

Each .rq file starts with a comment header::

    # name: meetings-of
    # description: Events a person attended, with date, place and evidence.
    # param: person | entity | Lavrov | any name or alias of the person

A parameter of type ``entity`` accepts any known name or alias and is resolved to the entity's
IRI (unknown or ambiguous names are errors that list candidates); ``string``, ``date`` and
``int`` become typed literals. Values reach the engine through ``initBindings`` (Oxigraph
substitutions), never through the query text. A comment ``# VALUES ?person`` in a group also pins
the variable there with a VALUES block, made by rdflib from an IRI the store returned (or from a
checked number or date) and never from user text: Oxigraph plans a query without looking at
substitutions, so without it a person's three quotes are found by scanning every quotation.
A header line ``# post: ego`` or ``# post: path`` declares a Python step over the query's
one-hop rows, for what SPARQL cannot bound (N hops, shortest path); see ``_POST``.
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

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.query import ResultRow

from .errors import InputError, QueryError, UsageError
from .rdf.vocab import GK, ID, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = ["Param", "CannedQuery", "QueryResult", "PREFIXES", "catalogue", "get_query", "run", "run_query",
           "resolve_entity", "format_result", "result_to_html", "plain_value"]

#: prefixes every query may use without declaring them, the same for the CLI, the Python API
#: and ``graphkit serve``; a query's own PREFIX lines take precedence
PREFIXES: dict[str, str] = {
    "rdf": str(RDF), "rdfs": str(RDFS), "owl": "http://www.w3.org/2002/07/owl#", "xsd": str(XSD),
    "schema": str(SDO), "prov": str(PROV), "skos": str(SKOS), "dcterms": "http://purl.org/dc/terms/",
    "gk": str(GK._NS), "gkid": str(ID),
}


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
    """A query's answer: ``vars`` and ``rows`` of RDF terms (None where unbound).

    Iterating gives rdflib ``ResultRow``s (tuples that also answer ``row.name`` and
    ``row["name"]``); ``len()`` counts rows; ``to_dicts()`` and ``to_dataframe()`` give plain
    Python values.
    """

    vars: list[str]
    rows: list[list[Any]]
    entities: list[str] = field(default_factory=list)
    #: rows left out by ``limit``: a count, or -1 when the query was paged and there are more
    more: int = 0

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        labels = [Variable(v) for v in self.vars]
        for row in self.rows:
            yield ResultRow({k: v for k, v in zip(labels, row) if v is not None}, labels)

    def __getitem__(self, i: int) -> ResultRow:
        labels = [Variable(v) for v in self.vars]
        return ResultRow({k: v for k, v in zip(labels, self.rows[i]) if v is not None}, labels)

    def __repr__(self) -> str:
        more = f", {self.more} more" if self.more > 0 else (", more" if self.more < 0 else "")
        return f"<QueryResult: {len(self.rows)} rows{more} of {', '.join(self.vars)}>"

    def _repr_html_(self) -> str:
        """A notebook shows the first rows as a table (every cell escaped)."""
        from html import escape

        head = "".join(f"<th>{escape(v)}</th>" for v in self.vars)
        body = "".join("<tr>" + "".join(f"<td>{escape(_cell(c))}</td>" for c in row) + "</tr>"
                       for row in self.rows[:50])
        note = f"<p>{len(self.rows)} rows; the first 50 shown</p>" if len(self.rows) > 50 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"

    def to_dicts(self) -> list[dict[str, Any]]:
        """One dict per row: IRIs and text as ``str``, numbers and booleans as Python numbers,
        dates as their ISO text (a date may be a year or a month: "2021-11"), unbound as None."""
        return [{k: python_value(v) for k, v in zip(self.vars, row)} for row in self.rows]

    def to_dataframe(self):
        """The rows as a pandas DataFrame (``pip install 'graphkit[pandas]'``), columns as ``vars``."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise UsageError("to_dataframe() needs pandas: pip install 'graphkit[pandas]'") from exc
        return pd.DataFrame(self.to_dicts(), columns=list(self.vars))


def python_value(v: Any) -> Any:
    """A plain Python value for an RDF term: numbers and booleans as such, anything else as text."""
    if v is None:
        return None
    if isinstance(v, Literal) and v.datatype is not None:
        x = v.toPython()
        if isinstance(x, bool) or isinstance(x, (int, float)):
            return x
        from decimal import Decimal

        if isinstance(x, Decimal):
            return float(x)
    return str(v)


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


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest of ``choices``, or '' when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def get_query(ref: str) -> CannedQuery:
    """A canned query by name, or a .rq file by path."""
    if ref.endswith(".rq") or os.sep in ref or "/" in ref:
        try:
            text = Path(ref).read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise InputError(f"{ref}: no such query file") from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{ref}: not a UTF-8 text file") from exc
        except OSError as exc:
            raise InputError(f"{ref}: cannot read the query file ({exc.strerror or exc})") from exc
        return parse_header(text, ref)
    cat = catalogue()
    for q in cat:
        if q.name == ref:
            return q
    names = [q.name for q in cat]
    raise UsageError(f"no canned query named '{ref}'{did_you_mean(ref, names)}; known: {', '.join(names)}")


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
    if rdf_type == SDO.Person:
        return _likely_person(graph, name, hits)
    cands = "; ".join(sorted(set(hits.values()))[:12])
    raise QueryError(f"{name!r} is ambiguous: {cands}; give a fuller name")


_MENTIONS = "SELECT ?e ?n WHERE { ?e gk:mentionCount ?n }"
_ROLE_TITLES = """SELECT ?e ?t (COUNT(?r) AS ?k) WHERE { ?r gk:holder ?e ; schema:roleName ?t }
GROUP BY ?e ?t ORDER BY DESC(?k) ?t LIMIT 6"""
_JOB_TITLES = "SELECT ?e ?t WHERE { ?e schema:jobTitle ?t } ORDER BY ?t LIMIT 2"


def _likely_person(graph: Graph, name: str, hits: dict[URIRef, str]) -> URIRef:
    """Of several people a surname fits, the one the corpus makes clear: holding at least
    ``DOMINANT_SHARE`` of their mentions, as resolution decides a bare surname ("Biden" is Joe
    Biden). Otherwise the error lists them, most often named first, with their titles."""
    from .names import fold, parse_person, translit
    from .persons import DOMINANT_SHARE

    counts: dict[URIRef, int | None] = {}
    for e in hits:
        rows = _execute(graph, _MENTIONS, {"e": e}, None).rows
        counts[e] = int(rows[0][1]) if rows else None
    ranked = sorted(hits, key=lambda e: (-(counts[e] or 0), hits[e], str(e)))
    total = sum(c or 0 for c in counts.values())
    top = ranked[0]
    surname = len(fold(name).split()) == 1 and translit(parse_person(hits[top]).surname) == translit(name)
    if surname and total and (counts[top] or 0) / total >= DOMINANT_SHARE:
        return top
    shown = []
    for e in ranked[:8]:
        found = [str(r[1]) for r in _execute(graph, _ROLE_TITLES, {"e": e}, None).rows] \
            or [str(r[1]) for r in _execute(graph, _JOB_TITLES, {"e": e}, None).rows]
        titles: list[str] = []
        for t in found:  # "PRESIDENT" is "President"
            if fold(t) not in {fold(x) for x in titles} and len(titles) < 2:
                titles.append(" ".join(t.split()))
        n = counts[e]
        facts = ([f"{n} mention{'' if n == 1 else 's'}"] if n is not None else []) + titles
        shown.append(hits[e] + (f" ({'; '.join(facts)})" if facts else ""))
    more = f"; and {len(ranked) - 8} more" if len(ranked) > 8 else ""
    raise QueryError(f"{name!r} is ambiguous: {', '.join(shown)}{more}; give a fuller name")


def _bind(graph: Graph, q: CannedQuery, values: dict[str, str]) -> dict[str, Any]:
    from .rdf.vocab import SDO

    declared = {p.name: p for p in q.params}
    unknown = set(values) - set(declared)
    # a canned query (it has a name) takes only what it declares; ad-hoc SPARQL binds any variable
    if unknown and (declared or q.path != "<text>"):
        msg = (f"query '{q.name}' has no parameter {', '.join(sorted(unknown))}"
               f"{did_you_mean(sorted(unknown)[0], declared)}; it takes: {', '.join(declared) or 'none'}")
        if not declared and "person" in unknown:
            msg += "; for the people one person met: graphkit query co-attendance -p person=… -p hops=1"
        raise UsageError(msg)
    bindings: dict[str, Any] = {}
    for p in q.params:
        raw = values.get(p.name, p.default)
        if raw is None:
            raise UsageError(f"query '{q.name}' needs --param {p.name}=… ({p.doc or p.type}; e.g. {p.example})")
        if p.type in ("entity", "person"):
            bindings[p.name] = resolve_entity(graph, raw, SDO.Person if p.type == "person" else None)
        elif p.type == "int":
            try:
                bindings[p.name] = Literal(int(raw))
            except ValueError as exc:
                raise UsageError(f"parameter {p.name} wants a whole number, got {raw!r}") from exc
        elif p.type == "date":
            if not valid_date(raw):
                raise UsageError(f"parameter {p.name} wants a date YYYY, YYYY-MM or YYYY-MM-DD, got {raw!r}")
            bindings[p.name] = Literal(raw)
        else:
            bindings[p.name] = Literal(raw)
    for k, v in values.items():
        if k not in bindings and not declared:
            bindings[k] = Literal(v)
    return bindings


def valid_date(text: str) -> bool:
    """Whether ``text`` is a calendar date at year, month or day precision (2021-13-01 is not)."""
    import datetime as dt

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return False
    try:
        dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return True


def run_query(graph: Graph, query: str, params: dict[str, str] | None = None,
              timeout: float | None = None, is_text: bool | None = None, limit: int | None = None) -> QueryResult:
    """Run a canned query name, a .rq path or SPARQL text on ``graph`` with bound ``params``.

    ``limit`` keeps the first rows only; ``QueryResult.more`` says how many were left out.
    """
    params = params or {}
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise QueryError(f"limit wants a whole number >= 0, got {limit!r}")
    if is_text is None:
        is_text = bool(re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", query, re.I)) and not query.endswith(".rq")
    from .store import as_oxigraph

    q = parse_header(query, "<text>") if is_text else get_query(query)
    graph = as_oxigraph(graph)  # canned queries are written for Oxigraph's engine, not rdflib's
    bindings = _bind(graph, q, params)
    if q.post:
        res = _POST[q.post](graph, q, bindings, timeout, limit)
    else:
        paged = limit is not None and _PAGE.search(q.text) is not None
        try:
            res = _execute(graph, page(pin(q.text, bindings), limit), bindings, timeout, limit, paged)
        except QueryError as exc:
            if not is_text and q.path == query and not exc.message.startswith(query):
                raise type(exc)(f"{query}: {exc.message}") from exc  # the user's .rq file: name it
            raise
    # a parameter the caller did not give is bound to its default only for the engine's sake:
    # it is not echoed back as if it were part of the answer (timeline's "to" is not 9999)
    defaulted = {p.name for p in q.params if p.name not in params and p.default is not None}
    cols = [i for i, v in enumerate(res.vars) if v in defaulted]
    for row in res.rows:
        for i in cols:
            row[i] = None
    return res


_PAGE = re.compile(r"#\s*PAGE\b")


def page(text: str, limit: int | None) -> str:
    """``text`` with its ``#PAGE`` markers made ``LIMIT limit+1`` (one more shows there are more).

    A canned query marks the sub-select that orders its main rows with a ``#PAGE`` comment: the
    join that adds names, dates and evidence then runs for one page, not for every row (Oxigraph
    sorts the whole input of ORDER BY; LIMIT on the outside would not spare the joins). Without a
    limit the marker stays a comment, so the file is plain SPARQL. Only an int reaches the text.
    """
    if limit is None:
        return text
    return _PAGE.sub(f"LIMIT {int(limit) + 1}", text)


_PIN = re.compile(r"#[ \t]*VALUES[ \t]+\?(\w+)[^\n]*")
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")


def _pin_term(v: Any) -> str | None:
    """SPARQL text for a bound value that cannot carry syntax: a checked IRI, an integer, a date."""
    if isinstance(v, URIRef):
        return v.n3() if _IRI_OK.fullmatch(str(v)) else None
    if isinstance(v, Literal) and not v.language:
        if v.datatype == _XSD_INTEGER and isinstance(v.value, int) and not isinstance(v.value, bool):
            return str(int(v.value))
        if v.datatype is None and _DATE.fullmatch(str(v)):
            return '"' + str(v) + '"'
    return None


def pin(text: str, bindings: dict[str, Any]) -> str:
    """``text`` with each ``# VALUES ?x`` comment made ``VALUES ?x { term }`` for a bound ``x``.

    Only values whose text is checked (IRIs by the IRI grammar, integers, YYYY-MM-DD dates) are
    written; any other value leaves the comment, and the substitution alone binds it.
    """
    def one(m: re.Match) -> str:
        term = _pin_term(bindings[m[1]]) if m[1] in bindings else None
        return m[0] if term is None else f"VALUES ?{m[1]} {{ {term} }}"

    return _PIN.sub(one, text)


def _ns() -> dict[str, str]:
    # plain strings: Oxigraph rejects rdflib Namespace objects as prefixes
    return dict(PREFIXES)


def _unknown_prefix(text: str, line: int, col: int) -> str | None:
    """The undeclared prefix Oxigraph's 'Prefix not found' at ``line``:``col`` is about."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    m = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", lines[line - 1][:max(col - 1, 0)].rstrip())
    return m[1] or "" if m else None


def _raw_select(graph: Graph, text: str, bindings: dict, limit: int | None,
                light: bool = False) -> tuple[list[str], list, int] | None:
    """SELECT straight on pyoxigraph: only the first ``limit`` rows become rdflib terms.

    oxrdflib converts every row; a hub's result has thousands. The rest are only counted.
    ``light`` rows keep IRIs as ``str`` and integers as ``int``, for internal steps that read
    thousands of links and keep a few. None when the graph is not Oxigraph-backed or the query
    is not a SELECT.
    """
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox, to_ox
    from oxrdflib.store import OxigraphStore

    if not isinstance(graph.store, OxigraphStore):
        return None
    res = graph.store._inner.query(text, prefixes=_ns(), substitutions={ox.Variable(k): to_ox(v)
                                                                           for k, v in bindings.items()})
    if not isinstance(res, ox.QuerySolutions):
        return None
    names = [v.value for v in res.variables]
    integer = str(_XSD_INTEGER)

    def plain(v: Any) -> Any:
        if light and isinstance(v, ox.NamedNode):
            return v.value
        if light and isinstance(v, ox.Literal) and v.datatype.value == integer:
            return int(v.value)
        return None if v is None else plain_value(from_ox(v))

    rows, more = [], 0
    for sol in res:
        if limit is not None and len(rows) >= limit:
            more += 1
            continue
        rows.append([plain(v) for v in sol])
    return names, rows, more


def _execute(graph: Graph, text: str, bindings: dict, timeout: float | None, limit: int | None = None,
             paged: bool = False, light: bool = False) -> QueryResult:
    from pyparsing import ParseException

    box: dict[str, Any] = {}

    def work():
        try:
            if re.search(r"^\s*(PREFIX[^\n]*\n\s*|#[^\n]*\n\s*)*SELECT\b", text, re.I):
                box["raw"] = _raw_select(graph, text, bindings, limit, light)
            if box.get("raw") is None:
                box["res"] = graph.query(text, initBindings=bindings, initNs=_ns())
                box["rows"] = [[plain_value(v) for v in r] for r in box["res"]] if box["res"].type == "SELECT" else None
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
        m = re.match(r"error at (\d+):(\d+): (.*)", str(exc), re.S) if isinstance(exc, SyntaxError) else None
        if m and "Prefix not found" in m[3]:
            prefix = _unknown_prefix(text, int(m[1]), int(m[2]))
            known = ", ".join(sorted(PREFIXES))
            if prefix is not None:
                raise QueryError(f"unknown prefix '{prefix}:' at line {m[1]}; declare it with PREFIX {prefix}: <…> "
                                 f"or use one of {known}") from exc
        if m:
            raise QueryError(f"SPARQL syntax error at line {m[1]}, column {m[2]}: {m[3].splitlines()[0][:160]}") from exc
        raise QueryError(f"query failed: {exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}") from exc
    if box.get("raw") is not None:
        names, rows, more = box["raw"]
        # a paged query stopped early: there are more rows, but how many is not known
        return QueryResult(vars=names, rows=rows, more=-1 if more and paged else more)
    res = box["res"]
    if res.type == "ASK":
        return QueryResult(vars=["ask"], rows=[[Literal(bool(res.askAnswer))]])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        rows = [[s, p, o] for s, p, o in res.graph]
        return QueryResult(vars=["subject", "predicate", "object"], rows=sorted(rows))
    rows = box["rows"]
    more = 0
    if limit is not None and len(rows) > limit:
        more = -1 if paged else len(rows) - limit
        rows = rows[:limit]
    return QueryResult(vars=[str(v) for v in res.vars], rows=rows, more=more)


_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def plain_value(v: Any) -> Any:
    """RDF 1.1 simple literal for xsd:string (Oxigraph spells the datatype, rdflib does not)."""
    if type(v) is Literal and v.datatype == _XSD_STRING:
        return Literal(str(v))
    return v


_IRI_OK = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')


def _iri_values(q: CannedQuery, people: list) -> str:
    """``?person`` IRIs as SPARQL VALUES text: IRIs the store itself returned (as ``URIRef`` or
    ``str``), checked against the IRI grammar, never user text."""
    for p in people:
        if not isinstance(p, str) or not _IRI_OK.fullmatch(p):
            raise QueryError(f"query '{q.name}': cannot follow the non-IRI node {p!r}")
    return " ".join(f"<{p}>" for p in people)


def _frontier_query(q: CannedQuery, people: list) -> str:
    """The one-hop query with ``VALUES ?person {…}`` for a chunk of a BFS frontier."""
    m = re.search(r"\bWHERE\s*\{", q.text, re.I)
    if not m:
        raise QueryError(f"query '{q.name}': a post step needs a WHERE {{ … }} clause")
    values = "VALUES ?person { " + _iri_values(q, people) + " }\n"
    return q.text[:m.end()] + "\n  " + values + q.text[m.end():]


#: frontier people per one-hop query: small enough that a search can stop early near a hub
_CHUNK = 256


def _hops(graph: Graph, q: CannedQuery, frontier: list, timeout):
    """(via, other) links of ``frontier`` in BFS order: the frontier's order, then the other's
    gk:nameRank (name, then IRI), one query per chunk so the caller may stop when it has enough."""
    for i in range(0, len(frontier), _CHUNK):
        chunk = frontier[i:i + _CHUNK]
        # a hub has thousands of links: light rows (IRIs as str) spare making rdflib terms of them
        res = _execute(graph, _frontier_query(q, chunk), {}, timeout, light=True)
        if res.vars[:3] != ["other", "rank", "person"]:
            raise QueryError(f"query '{q.name}': a post step needs SELECT ?other ?rank ?person first")
        order = {p: j for j, p in enumerate(chunk)}
        links = ((str(o), int(r), str(v)) for o, r, v, *_ in res.rows)
        for other, _rank, via in sorted(links, key=lambda r: (order[r[2]], r[1])):
            yield via, other


# no ORDER BY: sorting on the IRIs of ?person and ?other cost more than the join; Python picks
# each pair's earliest event by gk:sortKey (date order)
_LINK = """SELECT ?person ?other ?otherName ?event ?eventName ?date ?key WHERE {
  VALUES (?fewer ?more ?person ?other) { %s }
  ?event schema:attendee ?fewer . ?event schema:attendee ?more .
  OPTIONAL { ?event gk:sortKey ?key }
  OPTIONAL { ?other schema:name ?otherName }
  OPTIONAL { ?event schema:name ?eventName }
  OPTIONAL { ?event schema:startDate ?date }
}"""

_COUNTS = """SELECT ?p ?n WHERE { VALUES ?p { %s } ?p gk:eventCount ?n }"""


def _link_details(graph: Graph, q: CannedQuery, pairs: list, timeout) -> dict:
    """(via, other) → (otherName, event, eventName, date) of their earliest dated shared event.

    Oxigraph joins two bound attendees in the order written, so each pair starts from whoever
    attends fewer events (gk:eventCount): starting from a hub walked thousands of events per pair.
    """
    best: dict = {}
    for i in range(0, len(pairs), _CHUNK):
        chunk = pairs[i:i + _CHUNK]
        people = sorted({x for pair in chunk for x in pair})
        n = {str(p): int(c) for p, c in _execute(graph, _COUNTS % _iri_values(q, people), {}, timeout).rows}
        rows = []
        for a, b in chunk:
            fewer, more = (a, b) if n.get(a, 0) <= n.get(b, 0) else (b, a)
            rows.append(f"({_iri_values(q, [fewer, more, a, b])})")
        for via, other, oname, ev, evname, date, key in _execute(graph, _LINK % " ".join(rows), {}, timeout).rows:
            # the earliest dated shared event; an undated one only when there is no other
            rank = (date is None, key is None, int(key) if key is not None else 0, str(ev))
            pair = (str(via), str(other))
            if pair not in best or rank < best[pair][0]:
                best[pair] = (rank, (oname, ev, evname, date))
    return {pair: v for pair, (_, v) in best.items()}


def _post_ego(graph: Graph, q: CannedQuery, b: dict, timeout, limit: int | None = None) -> QueryResult:
    """Breadth-first co-attendance from ``person`` up to ``hops``: who, at which distance, via whom.

    Walks the materialised gk:coAttendee links (no event join per hop) and fetches names and the
    earliest shared event only for the rows it returns; with ``limit`` it stops once it has them.
    """
    start, hops = str(b["person"]), int(b.get("hops", Literal(2)).toPython())
    seen = {start}
    found: list[tuple] = []
    frontier = [start]
    more = 0
    for h in range(1, max(hops, 0) + 1):
        if not frontier or more:
            break
        nxt = []
        for via, other in _hops(graph, q, frontier, timeout):
            if other not in seen:
                if limit is not None and len(found) >= limit:
                    more = -1  # more rows exist; counting them would walk the whole neighbourhood
                    break
                seen.add(other)
                nxt.append(other)
                found.append((h, other, via))
        frontier = nxt
    links = _link_details(graph, q, [(via, other) for _, other, via in found], timeout)
    rows = []
    for h, other, via in found:
        oname, ev, evname, date = links.get((via, other), (None, None, None, None))
        rows.append([Literal(h), URIRef(other), oname, URIRef(via), ev, evname, date])
    return QueryResult(vars=["hops", "person", "name", "via", "event", "eventName", "date"], rows=rows, more=more)


def _post_path(graph: Graph, q: CannedQuery, b: dict, timeout, limit: int | None = None) -> QueryResult:
    """Shortest chain of shared events from ``from`` to ``to`` (breadth first, ties by name)."""
    from .rdf.vocab import SDO

    src, dst = str(b["from"]), str(b["to"])
    max_hops = int(b.get("maxHops", Literal(6)).toPython())
    back: dict[Any, Any] = {src: None}
    frontier = [src]
    depth = 0
    while frontier and dst not in back and depth < max_hops:
        depth += 1
        nxt = []
        for via, other in _hops(graph, q, frontier, timeout):
            if other not in back:
                back[other] = via
                nxt.append(other)
                if other == dst:
                    break  # frontier order decides the link, so the rest cannot change it
        frontier = nxt
    cols = ["step", "person", "name", "event", "eventName", "date"]
    if dst not in back:
        return QueryResult(vars=cols, rows=[])
    chain = [dst]
    while back[chain[-1]] is not None:
        chain.append(back[chain[-1]])
    chain.reverse()
    links = _link_details(graph, q, list(zip(chain, chain[1:])), timeout)
    rows = []
    for i, node in enumerate(chain):
        link = links.get((node, chain[i + 1]), (None,) * 4) if i + 1 < len(chain) else (None,) * 4
        name = plain_value(graph.value(URIRef(node), SDO.name))
        rows.append([Literal(i), URIRef(node), name, link[1], link[2], link[3]])
    more = 0
    if limit is not None and len(rows) > limit:
        rows, more = rows[:limit], len(rows) - limit
    return QueryResult(vars=cols, rows=rows, more=more)


_POST = {"ego": _post_ego, "path": _post_path}


#: rows `graphkit query` shows in a terminal table unless --limit says otherwise
TABLE_LIMIT = 100


def run(graph_dir: str | os.PathLike | Graph, query: str, params: dict[str, str] | None = None,
        timeout: float | None = None, is_text: bool = False, limit: int | None = None) -> QueryResult:
    """Open the built graph (its store, else graph.ttl, or an RDF file) and run ``query`` on it."""
    from .store import open_graph

    g = graph_dir if isinstance(graph_dir, Graph) else open_graph(graph_dir)
    return run_query(g, query, params, timeout=timeout, is_text=is_text or None, limit=limit)


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
