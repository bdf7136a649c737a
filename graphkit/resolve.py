"""Resolution stage: document-local entities and events → one node per real-world thing,
with a merge log that says which forms joined and why, and user overrides honoured."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .extract.lexicon import COUNTRIES, PLACE_ALIASES
from .extract.mentions import entity_key_of
from .names import acronym_of, canonical_person_name, fold, split_person
from .persons import group_persons
from .records import DocRecord, LocalEntity

__all__ = ["Entity", "Event", "Resolution", "resolve", "load_overrides", "Overrides"]


@dataclass
class Entity:
    type: str
    name: str = ""
    forms: Counter = field(default_factory=Counter)        # clean surface forms → count
    titled_forms: set[str] = field(default_factory=set)
    title_refs: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    members: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, local key)
    mentions: int = 0
    iri: str = ""                                          # path under ID, set at the end

    def labels(self) -> set[str]:
        return set(self.forms) | self.titled_forms


@dataclass
class Event:
    kind: str
    name: str
    participants: set[int] = field(default_factory=set)   # Entity indexes
    locations: set[int] = field(default_factory=set)
    orgs: set[int] = field(default_factory=set)
    date: str | None = None
    date_text: str | None = None
    planned: bool = True
    sources: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, sentence index)
    triggers: set[str] = field(default_factory=set)
    patterns: set[str] = field(default_factory=set)      # the extraction rules that stated it (gk:pattern)
    refers_to: set[str] = field(default_factory=set)   # "after the summit": event words it follows
    definite: bool = False                               # named with "the"/"this": a back-reference
    dateline: int | None = None                          # the document's dateline city, a last resort
    within: set[tuple[str, int]] = field(default_factory=set)  # (doc, sentence) of the trip it was on
    first_sent: int = 0
    iri: str = ""


@dataclass
class Resolution:
    entities: list[Entity]
    index: dict[tuple[str, str], int]
    events: list[Event]
    log: list[dict]
    # (document, quotation number) → the person holding the quotation's office that day
    quote_speakers: dict[tuple[str, int], int] = field(default_factory=dict)

    def of(self, doc_id: str, key: str | None) -> int | None:
        return None if key is None else self.index.get((doc_id, key))


@dataclass
class Overrides:
    """User decisions every build honours: names that are / are not the same entity."""

    same: list[tuple[str, str]] = field(default_factory=list)
    different: list[tuple[str, str]] = field(default_factory=list)

    def forbids(self, a: Iterable[str], b: Iterable[str]) -> bool:
        if not self._diff:
            return False
        fa, fb = {fold(x) for x in a}, {fold(x) for x in b}
        return any((x in fa and y in fb) or (y in fa and x in fb) for x, y in self._diff)

    def joins(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """A 'same' pair names one of ``a`` and one of ``b``."""
        if not self._same:
            return False
        fa, fb = {fold(x) for x in a}, {fold(x) for x in b}
        return any((x in fa and y in fb) or (y in fa and x in fb) for x, y in self._same)

    def __post_init__(self) -> None:
        self._diff = [(fold(a), fold(b)) for a, b in self.different]
        self._same = [(fold(a), fold(b)) for a, b in self.same]

    def unmatched(self, entities: Iterable[Entity]) -> list[str]:
        """The names in these pairs that no entity has, in file order: likely misspelt."""
        known = {fold(x) for e in entities if e.members for x in e.labels() | {e.name}}
        out: list[str] = []
        for pair in self.same + self.different:
            out += [x for x in pair if fold(x) not in known and x not in out]
        return out


def load_overrides(path: str | Path | None) -> Overrides:
    """Read an overrides file (JSON or YAML): ``{"same": [[a, b], ...], "different": [[a, b], ...]}``."""
    if path is None:
        return Overrides()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
        if p.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            data = json.loads(text)
        same = [tuple(map(str, pair)) for pair in data.get("same", None) or []]
        diff = [tuple(map(str, pair)) for pair in data.get("different", None) or []]
    except Exception as exc:  # noqa: BLE001 - YAML, JSON, decoding, shape: one line naming the file
        if not isinstance(exc, (OSError, ValueError, AttributeError, TypeError)) and \
                exc.__class__.__module__.split(".")[0] != "yaml":
            raise
        detail = " ".join(str(exc).split())[:120]
        raise InputError(f"{p}: cannot read overrides ({exc.__class__.__name__}: {detail})") from exc
    if any(len(x) != 2 for x in same + diff):
        raise InputError(f"{p}: every 'same'/'different' entry must be a pair of names")
    return Overrides(same=same, different=diff)


# ---------------------------------------------------------------- entities

def _resolve_persons(records: list[DocRecord], ov: Overrides, entities: list[Entity],
                     index: dict, log: list[dict]) -> None:
    grouped = group_persons(records, ov.forbids, ov.joins)
    for members in grouped.groups:
        g = len(entities)
        entities.append(Entity(type="Person"))
        for rec, le in members:
            _absorb(entities[g], rec, le, index, g)
    log.extend(grouped.log)


def _absorb(ent: Entity, rec: DocRecord, le: LocalEntity, index: dict, g: int) -> None:
    ent.forms.update({f: 1 for f in le.forms})
    ent.forms[le.name] += le.mentions
    ent.titled_forms |= set(le.titled_forms)
    ent.title_refs |= set(le.title_refs)
    ent.titles |= set(le.titles)
    ent.docs.add(rec.doc_id)
    ent.members.append((rec.doc_id, le.key))
    ent.mentions += le.mentions
    index[(rec.doc_id, le.key)] = g


def _resolve_named(records: list[DocRecord], etype: str, entities: list[Entity], index: dict,
                   log: list[dict]) -> None:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    items = [(r, e) for r in records for e in r.entities if e.type == etype]
    # an acronym joins the one long name it spells ("CIS" = "Commonwealth of Independent States"),
    # never when two different long names share the initials; long names never join each other so
    long_names: dict[str, set[str]] = defaultdict(set)
    if etype == "Organization":
        for _, le in items:
            for f in le.forms:
                if len(f.split()) > 2:
                    long_names[acronym_of(f)].add(entity_key_of(etype, f))

    def keys_of(le: LocalEntity) -> set[str]:
        ks = {entity_key_of(etype, f) for f in le.forms}
        if etype == "Place":  # "Villa Lagrange" = "Villa La Grange"
            ks |= {"nospace:" + fold(f).replace(" ", "") for f in le.forms if " " in f.strip()}
        if etype == "Organization":
            for f in le.forms:
                if f.isupper() and 2 <= len(f) <= 8 and len(long_names.get(f, ())) == 1:
                    ks |= long_names[f]
        return ks

    item_keys = [sorted(keys_of(le)) for _, le in items]  # computed once: folding is the cost
    for ks in item_keys:
        for k in ks[1:]:
            parent[find(k)] = find(ks[0])
    groups: dict[str, int] = {}
    for (rec, le), ks in zip(items, item_keys):
        root = find(ks[0])
        if root not in groups:
            groups[root] = len(entities)
            entities.append(Entity(type=etype))
        g = groups[root]
        if entities[g].forms and not set(le.forms) <= set(entities[g].forms):
            log.append({"type": etype, "joined": sorted(le.forms), "into": sorted(entities[g].forms),
                        "doc": rec.doc_id, "reason": "same name up to case, articles, known aliases or acronym"})
        _absorb(entities[g], rec, le, index, g)


def _canonical(ent: Entity) -> str:
    forms = list(ent.forms)
    if ent.type == "Person":
        return canonical_person_name(ent.forms)
    if ent.type == "Place":
        for f in forms:
            canon = PLACE_ALIASES.get(f.lower())
            if canon:
                return canon
    return sorted(forms, key=lambda f: (f.isupper() and len(forms) > 1, -ent.forms[f], -len(f), f))[0]


def _apply_same(ov: Overrides, entities: list[Entity], index: dict, log: list[dict]) -> None:
    for a, b in ov.same:
        fa, fb = fold(a), fold(b)
        ga = [i for i, e in enumerate(entities) if e.members and fa in {fold(x) for x in e.labels()}]
        gb = [i for i, e in enumerate(entities) if e.members and fb in {fold(x) for x in e.labels()}]
        for i in ga:
            for j in gb:
                if i != j and entities[i].type == entities[j].type and entities[j].members:
                    src, dst = entities[j], entities[i]
                    dst.forms.update(src.forms)
                    dst.titled_forms |= src.titled_forms
                    dst.title_refs |= src.title_refs
                    dst.titles |= src.titles
                    dst.docs |= src.docs
                    dst.mentions += src.mentions
                    for m in src.members:
                        index[m] = i
                    dst.members += src.members
                    src.members = []
                    log.append({"type": dst.type, "joined": sorted(src.forms), "into": sorted(dst.forms),
                                "doc": None, "reason": f"override: same ({a} = {b})"})


# ---------------------------------------------------------------- events

_KIND_GROUP = {"Meeting": "m", "Summit": "m", "Talks": "m", "Visit": "m", "Call": "c",
               "PressConference": "p", "Other": "o"}


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if a.startswith("--") or b.startswith("--"):
        md_a = a[2:] if a.startswith("--") else a[5:]
        md_b = b[2:] if b.startswith("--") else b[5:]
        return md_a.startswith(md_b) or md_b.startswith(md_a)
    return a.startswith(b) or b.startswith(a)


def _best_date(dates: list[str]) -> str | None:
    full = [d for d in dates if d and not d.startswith("--")]
    md = [d for d in dates if d and d.startswith("--")]
    if full:
        best = sorted(full, key=lambda d: (-len(d), d))[0]
        if len(best) == 7 and md:  # "2021-06" with "--06-16" → "2021-06-16"
            for x in md:
                if x[2:4] == best[5:7] and len(x) == 7:
                    return best + x[4:]
        return best
    return sorted(md, key=lambda d: (-len(d), d))[0] if md else None


#: event words that name one occasion however often a document repeats them
_NAMED_OCCASIONS = frozenset({"summit", "conference", "visit", "trip", "talks", "negotiation", "negotiations"})


def _merge_ok(a: Event, b: Event, same_doc: bool) -> bool:
    if _KIND_GROUP.get(a.kind) != _KIND_GROUP.get(b.kind):
        return False
    if a.within & set(b.sources) or b.within & set(a.sources):
        return False  # a trip and a meeting held on it are two events (the trip's subEvent)
    if not _dates_compatible(a.date, b.date):
        return False
    if a.locations and b.locations and not (a.locations & b.locations):
        return False
    if same_doc and a.kind == b.kind == "Visit" and a.first_sent != b.first_sent and a.locations and b.locations \
            and a.locations != b.locations:
        return False  # "will travel to Texas and Nevada", "… to Austin, Texas": a trip and its stops
    # a named gathering (the G20 summit) stays apart from meetings held on its sidelines
    if a.orgs != b.orgs and (a.orgs or b.orgs):
        # a named gathering (the G20 summit) stays apart from meetings on its sidelines; only a
        # body's own meeting with nobody named yet ("the Council met") takes "the talks" that follow
        body_only = (a.orgs and not a.participants) or (b.orgs and not b.participants)
        if not (same_doc and body_only and (a.definite or b.definite)):
            return False
    same_date = bool(a.date and b.date and _dates_compatible(a.date, b.date))
    if a.planned != b.planned and not same_date:
        return False
    shared = len(a.participants & b.participants)
    if same_doc:
        # a delegation listed by its members ("The Russian delegation included A, B") attends the
        # meeting its members attend; a delegation one person leads somewhere is a trip, and the
        # meetings its members hold there stay apart from it and from each other ("led a
        # delegation to …", "The delegation met with A", "… also met with B")
        if any("delegation" in x.triggers and len(x.participants) >= 2 for x in (a, b)):
            return shared >= 1
        if a.first_sent != b.first_sent and a.participants - b.participants and b.participants - a.participants \
                and not (a.definite or b.definite) and not (a.triggers & b.triggers & _NAMED_OCCASIONS):
            return False  # "The delegation met with A." "It also met with B.": two meetings
        single = min(len(a.participants), len(b.participants)) == 1
        if shared == 0:
            # "Stoltenberg hosted the talks" right after "the Council met": a definite back-reference
            near = abs(a.first_sent - b.first_sent) <= 2
            return near and (a.definite or b.definite) and (not a.participants or not b.participants
                                                           or bool(a.orgs or b.orgs))
        # the one-attendee side must itself refer back ("the summit", "her visit"), or both
        # mentions use the same event word
        singles = [x for x in (a, b) if len(x.participants) == 1]
        # (the same word far apart is two items of a schedule: "will welcome the Warriors" … "next
        # Friday, will welcome the mayors")
        back_ref = any(x.definite or "visit" in x.triggers for x in singles) or bool(a.triggers & b.triggers) and (
            abs(a.first_sent - b.first_sent) <= 2 or bool(a.triggers & b.triggers & _NAMED_OCCASIONS))
        return shared >= 2 or bool(a.date and b.date) or bool(a.locations & b.locations) or (single and back_ref)
    if {d for d, _ in a.sources} == {d for d, _ in b.sources}:
        return False  # two events of one document that its own pass kept apart
    return shared >= 2 and (same_date or bool(a.locations & b.locations))


def _office_key(title: str) -> str | None:
    """"U.S. President" → "president", "Vice President" → "vice president", "First Lady"."""
    t = fold(title).replace(".", "")
    for office in ("vice president", "first lady", "second gentleman"):
        if t.endswith(office) or t.startswith(office + " "):
            return office
    if (t.endswith("president") or t.startswith("president ")) and "vice" not in t and " of " not in t:
        return "president"
    return None


def _source_of(rec: DocRecord) -> str:
    from urllib.parse import urlparse

    return urlparse(rec.url).netloc.lower() if rec.url else ""


def office_holders(records: list[DocRecord], index: dict) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """(source host, office) → (publication date, person) for every titled mention of a person:
    who the corpus calls "President" when, so that a bare "the President" can be read as the holder."""
    out: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for rec in records:
        if not rec.published:
            continue
        for le in rec.entities:
            i = index.get((rec.doc_id, le.key))
            if le.type != "Person" or i is None:
                continue
            offices = {_office_key(t) for t in le.titles} | {_office_key(t) for t in le.titled_forms}
            for office in offices - {None}:
                out[(_source_of(rec), office)].append((rec.published[:10], i))
    return out


def _holder(holders: dict, source: str, office: str, day: str | None) -> int | None:
    """The person far ahead of anyone else in the office's titled mentions within a year of ``day``,
    in documents from the same source (a Kremlin text's "the President" is not the White House's)."""
    from datetime import date

    if not day:
        return None
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    near = Counter(i for when, i in holders.get((source, office), ())
                   if abs((date.fromisoformat(when) - d).days) <= 365)
    if not near:
        return None
    (best, n), (_, second) = (near.most_common(2) + [(None, 0)])[:2]
    # far ahead of anyone else so titled (foreign presidents each take a few mentions)
    return best if n >= 3 and n >= 3 * second else None


def _resolve_events(records: list[DocRecord], entities: list[Entity], index: dict, holders: dict) -> list[Event]:
    events: list[Event] = []
    doc_of: list[str] = []
    for rec in records:
        for ev in rec.events:
            e = Event(kind=ev.kind, name=ev.name, date=ev.date, date_text=ev.date_text, planned=ev.planned,
                      triggers={ev.trigger}, patterns={ev.pattern} if ev.pattern else set(), refers_to={ev.refers_to} if ev.refers_to else set(),
                      definite=ev.definite, first_sent=min(ev.sents) if ev.sents else 0)
            e.participants = {index[(rec.doc_id, k)] for k in ev.participants if (rec.doc_id, k) in index}
            for office in ev.offices:  # "the President will travel to …": the holder on that day
                who = _holder(holders, _source_of(rec), office, ev.date or rec.published)
                if who is not None and who not in e.participants:
                    e.participants.add(who)
                    e.patterns.add(f"office-holder-{office.replace(' ', '-')}")
            e.locations = {index[(rec.doc_id, k)] for k in ev.locations if (rec.doc_id, k) in index}
            e.orgs = {index[(rec.doc_id, k)] for k in ev.orgs if (rec.doc_id, k) in index}
            e.sources = [(rec.doc_id, s) for s in ev.sents]
            if ev.within is not None:
                e.within = {(rec.doc_id, ev.within)}
            # a venue line is the place of that day's encounters only, not of those the speakers
            # recall ("I just met with …", "yesterday I met …"); a dateline city is the news's place
            here = (e.date == rec.published or e.first_sent == 0) if rec.dateline_is_venue else _recent(e, rec.published)
            if rec.dateline and (rec.doc_id, rec.dateline) in index and here:
                e.dateline = index[(rec.doc_id, rec.dateline)]
            if e.participants or e.orgs:
                events.append(e)
                doc_of.append(rec.doc_id)
    # within documents first (sentences about one meeting), then across documents
    merged = _merge_events(events, doc_of, same_doc=True)
    _inherit_from_referenced(merged)
    for e in merged:  # still no place: the dateline city is where the day's news happened
        if not e.locations and e.dateline is not None:
            e.locations = {e.dateline}
    merged = _merge_events(merged, [None] * len(merged), same_doc=False)
    _inherit_from_referenced(merged)  # the summit may have learnt its date from another article
    published = {rec.doc_id: rec.published for rec in records}
    for e in merged:
        # every text that tells it was published before its day: it had not happened yet, however
        # one of its sentences put it ("the summit, where leaders meet …" beside "will host")
        days = [published.get(d) for d, _ in e.sources]
        # (a month or a year counts when it lies wholly after: "the summit in November" told in June)
        if not e.planned and e.date and e.date[:1].isdigit() and len(e.date) in (4, 7, 10) and days \
                and all(p and p[:len(e.date)] < e.date for p in days):
            e.planned = True
    # one person, no one else, no day, no place, no body ("the moment I got the phone call", "my
    # conversations are productive"): nothing the graph can say of an encounter
    return [e for e in merged if len(e.participants) > 1 or e.date or e.locations or e.orgs]


def _inherit_from_referenced(events: list[Event]) -> None:
    """Fill a missing place or date from the same document's related event: a press conference
    "after the summit" or "on the sidelines of the forum" shares its place (both ways) and date;
    an undated held event at the same place with a shared attendee happened the same day."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        for d in {d for d, _ in e.sources}:
            by_doc[d].append(e)
    for e in events:
        docs = {d for d, _ in e.sources}
        near = [o for d in sorted(docs) for o in by_doc[d] if o is not e]
        if e.refers_to:
            # the referenced event: one sharing an attendee first, then the nearest in the text
            cands = sorted((o for o in near if o.triggers & e.refers_to),
                           key=lambda o: (not (o.participants & e.participants), abs(o.first_sent - e.first_sent)))
            for other in cands[:1]:
                e.locations = e.locations or set(other.locations)
                other.locations = other.locations or set(e.locations)
                e.date = e.date or other.date
        if not e.date and not e.planned and e.locations:
            for other in near:
                if other.date and not other.planned and other.locations & e.locations \
                        and other.participants & e.participants:
                    e.date = other.date
                    break


def _recent(e: Event, published: str | None) -> bool:
    """Held, and dated within a week of publication (or undated): the dateline's news."""
    if e.planned:
        return False
    if not e.date or not published or e.date.startswith("--"):
        return True
    from datetime import date

    try:
        d = date.fromisoformat(e.date) if len(e.date) == 10 else None
        p = date.fromisoformat(published)
    except ValueError:
        return False
    return d is not None and abs((p - d).days) <= 7


def _merge_events(events: list[Event], doc_of: list, same_doc: bool) -> list[Event]:
    """Merge compatible event mentions until nothing changes. Candidates share an attendee
    (an index keeps this linear in practice on large corpora); within a document only."""
    alive = list(range(len(events)))
    changed = True
    while changed:
        changed = False
        by_person: dict[int, list[int]] = defaultdict(list)
        for i in alive:
            for p in events[i].participants:
                by_person[p].append(i)
        merged_into: dict[int, int] = {}
        for i in alive:
            if i in merged_into:
                continue
            cands = sorted({j for p in events[i].participants for j in by_person[p]
                            if j > i and j not in merged_into and (not same_doc or doc_of[j] == doc_of[i])})
            for j in cands:
                if _merge_ok(events[i], events[j], same_doc):
                    _absorb_event(events[i], events[j])
                    merged_into[j] = i
                    changed = True
        alive = [i for i in alive if i not in merged_into]
    return [events[i] for i in alive]


def _absorb_event(target: Event, e: Event) -> None:
    target.participants |= e.participants
    target.locations |= e.locations
    target.orgs |= e.orgs
    target.date = _best_date([target.date, e.date])
    target.date_text = target.date_text or e.date_text
    target.planned = target.planned and e.planned
    target.sources += [s for s in e.sources if s not in target.sources]
    target.triggers |= e.triggers
    target.patterns |= e.patterns
    target.refers_to |= e.refers_to
    target.definite = target.definite and e.definite
    target.first_sent = min(target.first_sent, e.first_sent)
    target.dateline = target.dateline if target.dateline is not None else e.dateline
    target.within |= e.within
    if _KIND_RANK.get(e.kind, 9) < _KIND_RANK.get(target.kind, 9):
        target.kind = e.kind


_KIND_RANK = {"Summit": 0, "Visit": 1, "Call": 1, "PressConference": 1, "Meeting": 2, "Talks": 3, "Other": 4}


# ---------------------------------------------------------------- all

def resolve(records: list[DocRecord], overrides: Overrides | None = None) -> Resolution:
    """Merge entities and events across documents; deterministic for the same records."""
    ov = overrides or Overrides()
    records = sorted(records, key=lambda r: r.doc_id)
    entities: list[Entity] = []
    index: dict[tuple[str, str], int] = {}
    log: list[dict] = []
    _resolve_persons(records, ov, entities, index, log)
    _resolve_named(records, "Organization", entities, index, log)
    _resolve_named(records, "Place", entities, index, log)
    _apply_same(ov, entities, index, log)
    for e in entities:
        if e.members:
            e.name = _canonical(e)
    holders = office_holders(records, index)
    events = _resolve_events(records, entities, index, holders)
    quote_speakers = {(rec.doc_id, n): who for rec in records for n, q in enumerate(rec.quotes)
                      if q.speaker is None and q.office
                      for who in [_holder(holders, _source_of(rec), q.office, rec.published)] if who is not None}
    _assign_iris(entities, events)
    return Resolution(entities=entities, index=index, events=events, log=log, quote_speakers=quote_speakers)


def _assign_iris(entities: list[Entity], events: list[Event]) -> None:
    from .names import slug

    used: Counter = Counter()
    order = sorted((i for i, e in enumerate(entities) if e.members),
                   key=lambda i: (entities[i].type, entities[i].name, sorted(entities[i].forms), sorted(entities[i].docs)))
    for i in order:
        e = entities[i]
        base = f"{e.type.lower()}/{slug(e.name)}"
        used[base] += 1
        e.iri = base if used[base] == 1 else f"{base}-{used[base]}"
    for ev in events:
        ev.name = _event_name(ev, entities)
    # events numbered in a sorted order, so that IRIs do not depend on input order
    seen: Counter = Counter()
    for ev in sorted(events, key=lambda ev: (ev.date or "", ev.kind, sorted(entities[p].name for p in ev.participants), ev.sources)):
        who = sorted(entities[p].name for p in ev.participants)
        base = f"event/{ev.date or 'undated'}-{ev.kind.lower()}-{slug('-'.join(split_person(n)[1] for n in who)[:40])}"
        seen[base] += 1
        ev.iri = base if seen[base] == 1 else f"{base}-{seen[base]}"


def _event_name(ev: Event, entities: list[Entity]) -> str:
    kind = {"PressConference": "press conference", "Talks": "talks"}.get(ev.kind, ev.kind.lower())
    orgs = sorted(entities[o].name for o in ev.orgs)
    who = sorted(entities[p].name for p in ev.participants)
    where = sorted(entities[p].name for p in ev.locations if entities[p].name.lower() not in COUNTRIES)
    where = where or sorted(entities[p].name for p in ev.locations)
    head = (orgs[0] + " " + kind) if orgs and ev.kind in ("Summit", "Meeting") else kind.capitalize()
    parts = [head]
    if who:
        parts.append(("with " if orgs else "of ") + ", ".join(who[:4]) + (" and others" if len(who) > 4 else ""))
    if where:
        parts.append("in " + where[0])
    if ev.date:
        parts.append(f"({ev.date})")
    return " ".join(parts)
