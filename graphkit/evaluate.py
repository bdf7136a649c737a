"""Score a built graph against a hand-annotated gold file, overall and by document genre."""
from __future__ import annotations

import itertools
import json
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import PROV, RDF, SDO, SKOS

from .errors import EvalInputError, InputError
from .read import SUFFIXES
from .rdf.vocab import GK

__all__ = ["evaluate", "by_genre", "read_gold", "check_gold", "gold_warnings", "genres", "read_graph",
           "check_minimums", "format_table", "norm", "METRICS", "COUNTS"]

#: the figures, in the order tables show them (all 0..1 except the two counts of errors)
METRICS = (
    "person_recall", "person_precision", "person_split", "person_merged", "org_recall", "place_recall",
    "event_recall", "event_precision", "event_participant_recall", "event_date_acc", "event_location_acc",
    "pair_recall", "pair_precision", "role_recall", "quote_recall", "quote_speaker_precision",
)
#: figures where lower is better: ``--min`` bounds them from above
COUNTS = ("person_split", "person_merged")

# graphs from other tools may spell schema.org with http: both are read
_SDO_HTTP = Namespace("http://schema.org/")
_ENTITY_TYPES = ("Person", "Organization", "Place")


def norm(text: str) -> str:
    """The matching key of a name or quotation: accents, case, punctuation, "'s" and a leading "the" dropped.

    Exactly the shared scorer's key, quirks included ("'s" goes only before a space), so the
    figures agree with it.
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("\u2019", "'").replace("'s ", " ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


# ---------------------------------------------------------------------------------------------
# reading the inputs

def read_gold(path: str | os.PathLike, need_genres: bool = False) -> dict:
    """The gold annotation at ``path`` (format: docs/evaluation.md), checked enough to score.

    ``need_genres``: also require what a breakdown by genre reads. Raises
    :class:`EvalInputError` with one line naming the file and the problem.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise EvalInputError(f"{p}: cannot read the gold file ({exc.strerror or exc})") from exc
    try:
        gold = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise EvalInputError(f"{p}: gold file is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise EvalInputError(f"{p}: gold file is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    check_gold(gold, str(p), need_genres=need_genres)
    return gold


def check_gold(gold: Any, name: str = "gold", need_genres: bool = False) -> None:
    """Raise :class:`EvalInputError` (message starting with ``name``) unless ``gold`` has the shape
    the scorer reads; with ``need_genres``, also a genre on some document and the ``docs``/``doc``
    of every item, which tie it to a genre."""
    def fail(msg: str) -> None:
        raise EvalInputError(f"{name}: {msg}")

    if not isinstance(gold, dict):
        fail(f"gold must be a JSON object, not {type(gold).__name__}")
    if not isinstance(gold.get("entities"), list):
        fail("gold has no 'entities' list")
    ids = set()
    for i, e in enumerate(gold["entities"]):
        where = f"entities[{i}]"
        if not isinstance(e, dict):
            fail(f"{where} is not an object")
        for key in ("id", "type", "name"):
            if not isinstance(e.get(key), str) or not e[key]:
                fail(f"{where} has no '{key}' string")
        if not _str_list(e.get("aliases", [])):
            fail(f"{where} ({e['id']}): 'aliases' must be a list of strings")
        if e["id"] in ids:
            fail(f"{where}: id '{e['id']}' is used twice")
        ids.add(e["id"])
    need = {"events": ("participants",), "roles": ("person", "title"), "quotes": ("speaker", "evidence")}
    for section, keys in need.items():
        items = gold.get(section, [])
        if not isinstance(items, list):
            fail(f"'{section}' must be a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                fail(f"{section}[{i}] is not an object")
            for key in keys:
                ok = _str_list(item.get(key)) if key == "participants" else isinstance(item.get(key), str)
                if not ok:
                    fail(f"{section}[{i}] has no '{key}'" + (" list" if key == "participants" else " string"))
    docs = gold.get("documents", [])
    if not isinstance(docs, list) or not all(isinstance(d, dict) and isinstance(d.get("file"), str) for d in docs):
        fail("'documents' must be a list of objects with a 'file'")
    if not need_genres:
        return
    if not genres(gold):
        fail("no document has a 'genre', so there is nothing to break down by")
    for section, key in (("entities", "docs"), ("events", "docs"), ("roles", "doc"), ("quotes", "doc")):
        for i, item in enumerate(gold.get(section, [])):
            value = item.get(key)
            if not (_str_list(value) if key == "docs" else isinstance(value, str)):
                fail(f"{section}[{i}] has no '{key}', which ties it to a genre")


def genres(gold: dict) -> dict[str, list[str]]:
    """Genre -> the gold files of that genre, both in the order the gold lists its documents."""
    out: dict[str, list[str]] = {}
    for d in gold.get("documents", []):
        if isinstance(d, dict) and d.get("genre"):
            out.setdefault(str(d["genre"]), []).append(d["file"])
    return out


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def gold_warnings(gold: dict) -> list[str]:
    """References to ids the gold does not define: legal, but they can never be matched."""
    ids = {e["id"] for e in gold["entities"]}
    files = {d["file"] for d in gold.get("documents", [])}
    out = []
    for i, ge in enumerate(gold.get("events", [])):
        out += [f"events[{i}]: participant '{p}' is not an entity id" for p in ge["participants"] if p not in ids]
    out += [f"roles[{i}]: person '{r['person']}' is not an entity id"
            for i, r in enumerate(gold.get("roles", [])) if r["person"] not in ids]
    out += [f"quotes[{i}]: speaker '{q['speaker']}' is not an entity id"
            for i, q in enumerate(gold.get("quotes", [])) if q["speaker"] not in ids]
    if files:
        for section in ("entities", "events"):
            for i, item in enumerate(gold.get(section, [])):
                out += [f"{section}[{i}]: document '{d}' is not in 'documents'" for d in item.get("docs", []) if d not in files]
    return out


def read_graph(source: Graph | str | os.PathLike) -> Graph:
    """The graph to score: an rdflib Graph as given, a build folder (its store, else graph.ttl,
    graph.trig or graph.nq), or an RDF file. Raises :class:`EvalInputError` naming what is missing."""
    if isinstance(source, Graph):
        return source
    from .store import open_graph, store_path

    p = Path(source)
    if p.is_dir() and not (store_path(p) / "CURRENT").exists():
        found = [f for f in (p / "graph.ttl", p / "graph.trig", p / "graph.nq") if f.exists()]
        if not found:
            raise EvalInputError(f"{p}: no built graph here (no store/, graph.ttl, graph.trig or graph.nq); "
                                 f"run `graphkit build PATH -o {p}` first")
        p = found[0]
    if p.is_file() and p.suffix.lower() in (".trig", ".nq"):
        return _dataset_union(p)
    if not p.exists():
        raise EvalInputError(f"{p}: no such graph folder or file; run `graphkit build PATH -o {p}` first")
    try:
        return open_graph(p)
    except InputError as exc:
        raise EvalInputError(exc.message) from exc


def _dataset_union(path: Path) -> Graph:
    # a TriG or N-Quads export holds one named graph per document: score their union
    ds = Dataset()
    try:
        ds.parse(path, format="trig" if path.suffix.lower() == ".trig" else "nquads")
    except Exception as exc:  # noqa: BLE001 - any parser failure is the same user problem
        raise EvalInputError(f"{path}: cannot parse graph ({exc.__class__.__name__})") from exc
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


# ---------------------------------------------------------------------------------------------
# what the graph states, read once through the contract's terms

def _https(term):
    return URIRef(str(term).replace(str(_SDO_HTTP), str(SDO), 1)) if isinstance(term, URIRef) else term


@dataclass
class _Graph:
    """The terms the scorer reads, indexed by subject; schema.org under http or https alike."""

    g: Graph
    types: dict = field(default_factory=lambda: defaultdict(set))
    props: dict = field(default_factory=dict)

    @classmethod
    def read(cls, g: Graph) -> "_Graph":
        self = cls(g)
        for local in (*_ENTITY_TYPES, "Event", "Quotation"):
            for ns in (SDO, _SDO_HTTP):
                for s in g.subjects(RDF.type, ns[local]):
                    self.types[s].add(local)
        for local in ("name", "attendee", "startDate", "location", "jobTitle", "creator", "text", "mentions",
                      "identifier", "url"):
            self.props[local] = self._scan([SDO[local], _SDO_HTTP[local]])
        self.props["altLabel"] = self._scan([SKOS.altLabel])
        self.props["derivedFrom"] = self._scan([PROV.wasDerivedFrom])
        self.props["sourcePath"] = self._scan([GK.sourcePath])
        return self

    def _scan(self, predicates: Iterable[URIRef]) -> dict:
        out: dict = defaultdict(list)
        for p in predicates:
            for s, o in self.g.subject_objects(p):
                out[s].append(_https(o))
        return out

    def objects(self, s, local: str) -> list:
        return self.props[local].get(s, [])

    def of_type(self, local: str) -> list:
        return sorted((s for s, t in self.types.items() if local in t), key=str)


@dataclass
class _Scope:
    """The part of the gold and of the graph one set of figures is computed over."""

    entity_ids: set[str]            # gold entities that count for recall
    events: list[dict]
    roles: list[dict]
    quotes: list[dict]
    nodes: set | None = None        # predicted entities, events and quotations in scope (None: all)

    def has(self, node) -> bool:
        return self.nodes is None or node in self.nodes


class _Matcher:
    """Gold entities by normalised alias, and the gold ids each predicted node's labels name."""

    def __init__(self, gold: dict, pg: _Graph):
        self.ents = {e["id"]: e for e in gold["entities"]}
        alias: dict[str, set[str]] = defaultdict(set)
        surname: dict[str, set[str]] = defaultdict(set)
        for e in gold["entities"]:
            for a in set(e.get("aliases", [])) | {e["name"]}:
                key = norm(a)
                alias[key].add(e["id"])
                if e["type"] == "Person" and len(key.split()) > 1:
                    surname[key.split()[-1]].add(e["id"])
        # a bare surname names a gold person when no other gold person shares it
        for key, ids in surname.items():
            if len(ids) == 1 and key not in alias:
                alias[key] |= ids
        self.labels: dict = {}
        self.node_gold: dict = {}
        for node, types in pg.types.items():
            if not types & set(_ENTITY_TYPES):
                continue
            labs = {norm(v) for v in (*pg.objects(node, "name"), *pg.objects(node, "altLabel"))}
            if labs:
                self.labels[node] = labs
                self.node_gold[node] = set().union(*(alias.get(lab, set()) for lab in labs))

    def gold_ids(self, node) -> set[str]:
        return self.node_gold.get(node, set())

    def is_person(self, gid: str) -> bool:
        return self.ents.get(gid, {}).get("type") == "Person"


# ---------------------------------------------------------------------------------------------
# the figures

def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def _put(out: dict, key: str, a: int, b: int) -> None:
    """``out[key] = a / b``; with nothing to count it is 1.0, as the shared scorer has it, and the
    key is listed in ``out["not_measured"]`` so a table can show a dash instead."""
    out[key] = _ratio(a, b)
    if not b:
        out["not_measured"].append(key)


def _score(gold: dict, pg: _Graph, m: _Matcher, scope: _Scope) -> dict:
    ents = m.ents
    out: dict[str, Any] = {"not_measured": []}

    def typed(local: str) -> list:
        return [n for n in pg.of_type(local) if scope.has(n)]

    entity_nodes = [n for n in m.node_gold if scope.has(n)]
    gold_nodes: dict[str, set] = defaultdict(set)
    for node in entity_nodes:
        for gid in m.node_gold[node]:
            gold_nodes[gid].add(node)

    def persons_of(nodes) -> set:
        return {n for n in nodes if "Person" in pg.types.get(n, ())}

    # persons: an optional gold person (a reporter called on by first name) is neither required nor penalised
    gold_persons = [i for i, e in ents.items() if e["type"] == "Person" and not e.get("optional") and i in scope.entity_ids]
    pred_persons = typed("Person")
    matched = [g for g in gold_persons if persons_of(gold_nodes.get(g, ()))]
    good = {n for n in pred_persons if any(m.is_person(g) for g in m.gold_ids(n))}
    split = [g for g in gold_persons if len(persons_of(gold_nodes.get(g, ()))) > 1]
    _put(out, "person_recall", len(matched), len(gold_persons))
    _put(out, "person_precision", len(good), len(pred_persons))
    out["person_split"] = len(split)
    out["person_merged"] = sum(1 for n in pred_persons if len({g for g in m.gold_ids(n) if m.is_person(g)}) > 1)
    for kind, key in (("Organization", "org_recall"), ("Place", "place_recall")):
        ids = [i for i, e in ents.items() if e["type"] == kind and not e.get("optional") and i in scope.entity_ids]
        hit = [g for g in ids if any(kind in pg.types.get(n, ()) for n in gold_nodes.get(g, ()))]
        _put(out, key, len(hit), len(ids))

    pred_events = typed("Event")
    gold_events = _score_events(out, pg, m, gold, scope, pred_events)
    _score_pairs(out, pg, m, gold_events, pred_events)
    _score_roles(out, pg, scope, gold_nodes)
    pred_quotes = _score_quotes(out, pg, m, scope)

    out["counts"] = {
        "pred_persons": len(pred_persons),
        "gold_persons": len(gold_persons),
        "pred_events": len(pred_events),
        "gold_events": len(gold_events),
        "pred_quotes": pred_quotes,
        "gold_quotes": len(scope.quotes),
        "gold_roles": len(scope.roles),
        "triples": len(pg.g),
    }
    out["missed_persons"] = sorted(ents[g]["name"] for g in gold_persons if g not in matched)
    # the longest label names the node best; ties go to the first in order, so output is stable
    out["unmatched_pred_persons"] = sorted(
        max(sorted(m.labels[n]), key=len) for n in pred_persons if n not in good and n in m.labels
    )
    out["split_persons"] = sorted(ents[g]["name"] for g in split)
    out["not_measured"] = out.pop("not_measured")  # after the figures, in JSON too
    return out


def _score_events(out: dict, pg: _Graph, m: _Matcher, gold: dict, scope: _Scope, pred_events: list) -> list[dict]:
    """One-to-one matching of gold and predicted events, best-supported candidates first; returns
    the gold events that can be matched at all (the ones the pairs are counted over)."""
    part_of = {e["id"]: e["part_of"] for e in gold["entities"] if e.get("part_of")}

    def with_containers(ids: set[str]) -> set[str]:
        # a venue counts for the place it is part of (and that one for its own container)
        found = set(ids)
        for i in ids:
            while i in part_of and part_of[i] not in found:
                i = part_of[i]
                found.add(i)
        return found

    preds = []
    for ev in pred_events:
        att = set().union(*(m.gold_ids(a) for a in pg.objects(ev, "attendee")))
        dates = {str(d)[:10] for d in pg.objects(ev, "startDate")}
        locs = set().union(*(m.gold_ids(loc) for loc in pg.objects(ev, "location")))
        preds.append((att, dates, locs))

    # matching needs participants: two shared ones, or the only one plus the date or place
    gold_events = [ge for ge in scope.events if ge["participants"]
                   and (len(ge["participants"]) >= 2 or ge.get("date") or ge.get("location"))]
    candidates = []
    for gi, ge in enumerate(gold_events):
        parts = set(ge["participants"])
        for pi, (att, dates, locs) in enumerate(preds):
            shared = len(att & parts)
            date_ok = bool(ge.get("date")) and any(d.startswith(ge["date"]) for d in dates)
            loc_ok = bool(ge.get("location")) and ge["location"] in with_containers(locs)
            if len(parts) >= 2 and shared < 2:
                continue
            if len(parts) == 1 and not (shared and (date_ok or loc_ok)):
                continue
            candidates.append((shared + 0.5 * date_ok + 0.5 * loc_ok, gi, pi, shared, date_ok, loc_ok))
    # ties break by gold order, then predicted order (events sorted by IRI): the same every run
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    part_found = dated = date_hits = located = loc_hits = 0
    for _, gi, pi, shared, date_ok, loc_ok in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        ge = gold_events[gi]
        part_found += shared
        if ge.get("date"):
            dated += 1
            date_hits += date_ok
        if ge.get("location"):
            located += 1
            loc_hits += loc_ok
    part_total = sum(len(gold_events[gi]["participants"]) for gi in used_g)
    _put(out, "event_recall", len(used_g), len(gold_events))
    # judged: predicted events naming a gold person; a duplicate of a matched event counts against
    judged = [pi for pi, (att, _, _) in enumerate(preds) if any(m.is_person(a) for a in att)]
    _put(out, "event_precision", sum(1 for pi in judged if pi in used_p), len(judged))
    _put(out, "event_participant_recall", part_found, part_total)
    _put(out, "event_date_acc", date_hits, dated)
    _put(out, "event_location_acc", loc_hits, located)
    return gold_events


def _score_pairs(out: dict, pg: _Graph, m: _Matcher, gold_events: list, pred_events: list) -> None:
    """Who met whom: unordered pairs of persons at one event; unknown attendees count against."""
    def person_pairs(groups: Iterable[set]) -> set:
        pairs = set()
        for members in groups:
            people = sorted(g for g in members if m.is_person(g))
            pairs |= {frozenset(p) for p in itertools.combinations(people, 2)}
        return pairs

    gpairs = person_pairs(set(ge["participants"]) for ge in gold_events)
    ppairs = person_pairs(set().union(*(m.gold_ids(a) for a in pg.objects(ev, "attendee"))) for ev in pred_events)
    # a predicted attendee matching no gold entity makes pairs that are wrong by construction
    unknown = 0
    for ev in pred_events:
        people = [a for a in pg.objects(ev, "attendee") if "Person" in pg.types.get(a, ())]
        unk = sum(1 for a in people if not m.gold_ids(a))
        unknown += unk * (len(people) - unk) + unk * (unk - 1) // 2
    _put(out, "pair_recall", len(gpairs & ppairs), len(gpairs))
    _put(out, "pair_precision", len(gpairs & ppairs), len(ppairs) + unknown)
    out["pairs_gold"] = len(gpairs)
    out["pairs_predicted"] = len(ppairs) + unknown


def _score_roles(out: dict, pg: _Graph, scope: _Scope, gold_nodes: dict) -> None:
    """A gold role is found when a title keyword occurs in a schema:jobTitle of a node of that person."""
    hits = 0
    for r in scope.roles:
        keys = [norm(k) for k in (r.get("title_keywords") or [r["title"]])]
        titles = {norm(t) for n in gold_nodes.get(r["person"], ()) if "Person" in pg.types.get(n, ())
                  for t in pg.objects(n, "jobTitle")}
        hits += any(k in t for k in keys for t in titles)
    _put(out, "role_recall", hits, len(scope.roles))


def _score_quotes(out: dict, pg: _Graph, m: _Matcher, scope: _Scope) -> int:
    """Quotes match on the first five words of the gold evidence inside a predicted text."""
    preds = []
    for q in pg.of_type("Quotation"):
        if scope.has(q):
            speakers = set().union(*(m.gold_ids(c) for c in pg.objects(q, "creator")))
            preds.append((speakers, " ".join(norm(t) for t in pg.objects(q, "text"))))
    speakers_of: dict[str, set[str]] = defaultdict(set)  # a joint statement has several speakers
    hits = 0
    for gq in scope.quotes:
        head = " ".join(norm(gq["evidence"]).split()[:5])
        speakers_of[head].add(gq["speaker"])
        hits += any(gq["speaker"] in sp and head in tx for sp, tx in preds)
    attributed = right = 0
    for head, who in speakers_of.items():
        for sp, tx in preds:  # every predicted quotation holding these words, whoever it names
            if head in tx:
                attributed += 1
                right += bool(who & sp)
    _put(out, "quote_recall", hits, len(scope.quotes))
    _put(out, "quote_speaker_precision", right, attributed)
    return len(preds)


# ---------------------------------------------------------------------------------------------
# documents and genres

def _strip_part(identifier: str) -> str:
    return re.sub(r"#part\d+$", "", identifier)  # a long document read as parts is still one document


def _stem(name: str) -> str:
    low = name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if low.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _graph_documents(pg: _Graph) -> dict:
    """Document node -> the names it may be given by in a gold file (identifier, path, url)."""
    nodes = {d for ds in pg.props["derivedFrom"].values() for d in ds} | set(pg.props["mentions"])
    nodes |= {s for s in pg.props["identifier"] if "Event" not in pg.types.get(s, ())}
    names = {}
    for d in nodes:
        ids = [_strip_part(str(v)) for v in (*pg.objects(d, "identifier"), *pg.objects(d, "sourcePath"))]
        names[d] = (ids, {str(u) for u in pg.objects(d, "url")})
    return names


def _documents_of(gold_doc: dict, graph_docs: dict) -> set:
    """The graph's documents for one gold document.

    A gold ``file`` names a graph document whose identifier or source path is that file, ends
    with ``/file``, or ends with ``/`` or ``#`` and the file's name without its suffix (a JSONL
    line ``corpus.jsonl#01_readout`` is gold file ``01_readout.txt``); a gold ``source`` URL
    names a document with that ``schema:url``.
    """
    f = gold_doc["file"]
    stem = _stem(f)
    source = gold_doc.get("source")
    found = set()
    for d, (ids, urls) in graph_docs.items():
        for i in ids:
            last = re.split(r"[/#]", i)[-1]
            if i == f or i.endswith("/" + f) or last in (f, stem) or _stem(last) == stem:
                found.add(d)
        if source and source in urls:
            found.add(d)
    return found


def _genre_scope(gold: dict, pg: _Graph, files: set[str], graph_docs: dict) -> _Scope:
    """Gold items annotated in ``files`` and the predicted nodes tied to their graph documents.

    A predicted entity is in when one of those documents names it (schema:mentions) or it
    attends, locates or says something derived from one; an event or quotation is in when it
    is prov:wasDerivedFrom one of them.
    """
    docs = set()
    for d in gold.get("documents", []):
        if d["file"] in files:
            docs |= _documents_of(d, graph_docs)
    nodes = set()
    for s, targets in pg.props["derivedFrom"].items():
        if docs.intersection(targets):
            nodes.add(s)
    for d in docs:
        nodes.update(pg.objects(d, "mentions"))
    for s in list(nodes):
        for local in ("attendee", "location", "creator"):
            nodes.update(pg.objects(s, local))
    return _Scope(
        entity_ids={e["id"] for e in gold["entities"] if files.intersection(e["docs"])},
        events=[ge for ge in gold.get("events", []) if files.intersection(ge["docs"])],
        roles=[r for r in gold.get("roles", []) if r["doc"] in files],
        quotes=[q for q in gold.get("quotes", []) if q["doc"] in files],
        nodes=nodes,
    )


def _load(graph_or_folder, gold, need_genres: bool = False) -> tuple[dict, _Graph, _Matcher]:
    if isinstance(gold, dict):
        check_gold(gold, need_genres=need_genres)
    else:
        gold = read_gold(gold, need_genres=need_genres)
    pg = _Graph.read(read_graph(graph_or_folder))
    return gold, pg, _Matcher(gold, pg)


def _with_documents(out: dict, gold: dict, files: list[str], graph_docs: dict) -> dict:
    by_file = {d["file"]: d for d in gold.get("documents", [])}
    out["counts"]["gold_documents"] = len(files)
    out["missing_documents"] = sorted(f for f in files if not _documents_of(by_file[f], graph_docs))
    return out


# ---------------------------------------------------------------------------------------------
# the public API

def evaluate(graph_or_folder: Graph | str | os.PathLike, gold: dict | str | os.PathLike) -> dict:
    """The figures of a graph against a gold annotation, as the shared scorer computes them.

    ``graph_or_folder``: an rdflib Graph, a build folder or an RDF file; ``gold``: a path or the
    parsed gold. Returns the metrics of :data:`METRICS` (0..1, ``person_split``/``person_merged``
    counts), ``pairs_gold``/``pairs_predicted``, ``counts``, and the lists ``missed_persons``,
    ``unmatched_pred_persons``, ``split_persons`` and ``missing_documents`` (gold documents the
    graph does not hold).
    """
    gold, pg, m = _load(graph_or_folder, gold)
    scope = _Scope(entity_ids=set(m.ents), events=list(gold.get("events", [])),
                   roles=list(gold.get("roles", [])), quotes=list(gold.get("quotes", [])))
    out = _score(gold, pg, m, scope)
    files = [d["file"] for d in gold.get("documents", [])]
    return _with_documents(out, gold, files, _graph_documents(pg))


def by_genre(graph_or_folder: Graph | str | os.PathLike, gold: dict | str | os.PathLike) -> dict[str, dict]:
    """The figures of :func:`evaluate` for each ``documents[].genre`` of the gold, in gold order.

    Each genre's figures count the gold entities, events, roles and quotes annotated in that
    genre's documents against the predicted nodes tied to those documents (see
    docs/evaluation.md); names are still matched against the whole gold. Raises
    :class:`EvalInputError` when the gold gives no genre.
    """
    gold, pg, m = _load(graph_or_folder, gold, need_genres=True)
    graph_docs = _graph_documents(pg)
    out = {}
    for genre, files in genres(gold).items():
        scope = _genre_scope(gold, pg, set(files), graph_docs)
        out[genre] = _with_documents(_score(gold, pg, m, scope), gold, files, graph_docs)
    return out


def check_minimums(figures: dict, specs: Iterable[str]) -> list[str]:
    """The ``METRIC=VALUE`` floors ``figures`` falls short of (``person_split``/``person_merged``: ceilings).

    Raises :class:`EvalInputError` for a spec that is not ``METRIC=NUMBER`` or names no metric.
    """
    failed = []
    for spec in specs:
        key, sep, val = spec.partition("=")
        key = key.strip()
        try:
            bound = float(val)
        except ValueError:
            bound = None
        if not sep or bound is None:
            raise EvalInputError(f"--min wants METRIC=NUMBER, got {spec!r}")
        if key not in figures or not isinstance(figures[key], (int, float)):
            raise EvalInputError(f"--min: unknown metric {key!r} (known: {', '.join(METRICS)})")
        got = figures[key]
        if key in COUNTS:
            if got > bound:
                failed.append(f"{key}={got} > {val}")
        elif got < bound:
            failed.append(f"{key}={got} < {val}")
    return failed


#: the counts a table shows under the figures, with their row labels
_COUNT_ROWS = (("gold_documents", "documents"), ("gold_persons", "gold persons"), ("pred_persons", "predicted persons"),
               ("gold_events", "gold events"), ("pred_events", "predicted events"), ("gold_roles", "gold roles"),
               ("gold_quotes", "gold quotes"), ("pred_quotes", "predicted quotes"))


def format_table(figures: dict, genre_figures: dict[str, dict] | None = None) -> str:
    """A plain-text table for a terminal: one row per metric, a column for all documents and
    one per genre, then the counts and the names behind the person errors; a dash marks a
    figure with nothing to count."""
    columns = [("all", figures)] + list((genre_figures or {}).items())

    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return "" if value is None else str(value)

    # a dash where there was nothing to count (a genre without quotes has no quote recall)
    rows = [(key, ["-" if key in f.get("not_measured", ()) else cell(f.get(key)) for _, f in columns])
            for key in METRICS]
    rows.append(None)  # a rule between the figures and the counts
    rows += [(label, [cell(f["counts"].get(key)) for _, f in columns]) for key, label in _COUNT_ROWS]
    rows += [("pairs gold / predicted", [f"{f['pairs_gold']}/{f['pairs_predicted']}" for _, f in columns])]
    first = max(len(r[0]) for r in rows if r)
    widths = [max(len(name), *(len(r[1][i]) for r in rows if r)) for i, (name, _) in enumerate(columns)]
    lines = ["  ".join(["metric".ljust(first), *(n.rjust(w) for (n, _), w in zip(columns, widths))])]
    rule = "  ".join(["-" * first, *("-" * w for w in widths)])
    lines.append(rule)
    for r in rows:
        lines.append(rule if r is None else "  ".join([r[0].ljust(first), *(v.rjust(w) for v, w in zip(r[1], widths))]))
    for key, label in (("missed_persons", "gold persons not found"),
                       ("unmatched_pred_persons", "predicted persons matching no gold person"),
                       ("split_persons", "gold persons split over several nodes"),
                       ("missing_documents", "gold documents not in the graph")):
        if figures.get(key):
            lines.append(f"{label} ({len(figures[key])}): {'; '.join(figures[key])}")
    return "\n".join(lines) + "\n"
