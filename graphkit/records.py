"""The plain records passed between stages; spaCy objects never leave nlp/ and extract/.

Records are JSON-round-trippable (``to_dict`` / ``from_dict``) so that the per-document cache
and the Dask workers can ship them without pickling spaCy state.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Document",
    "LocalEntity",
    "RoleRec",
    "EventRec",
    "QuoteRec",
    "DocRecord",
    "ENTITY_TYPES",
]

#: the entity types graphkit keeps, named as in schema.org
ENTITY_TYPES = ("Person", "Organization", "Place")


@dataclass(frozen=True)
class Document:
    """One article as read from disk: text plus the metadata that matters downstream."""

    id: str                      # stable key: path relative to the input root, or path#id for JSONL
    text: str
    title: str = ""
    published: str | None = None  # ISO date "2021-11-01" when known
    url: str | None = None
    path: str = ""
    fmt: str = "txt"
    notes: tuple[str, ...] = ()   # reader remarks, e.g. "decoded as cp1252"
    headline_end: int = 0         # text[:headline_end] is the headline (0: the text has none)


@dataclass
class LocalEntity:
    """An entity as one document knows it, after resolution within that document."""

    key: str                     # document-local id, e.g. "e3"
    type: str                    # one of ENTITY_TYPES
    name: str                    # best full name in this document
    forms: list[str] = field(default_factory=list)        # every clean surface form (no titles)
    titled_forms: list[str] = field(default_factory=list)  # forms with their titles ("US President Joe Biden")
    title_refs: list[str] = field(default_factory=list)    # bare titles used as names ("the Kremlin spokesman")
    titles: list[str] = field(default_factory=list)        # job titles stated for it in this document
    mentions: int = 0
    first_sent: int = 0
    evidence: list[str] = field(default_factory=list)     # persons: what says it is one (title, pronoun …),
                                                          # or "common-word" (a common word as the whole name)


@dataclass
class RoleRec:
    person: str                  # LocalEntity key
    title: str
    org: str | None = None       # LocalEntity key of the organisation or country
    org_name: str | None = None  # the country named by a demonym when no entity names it ("Russian")
    sent: int = 0
    pattern: str = ""            # which construction found it (prenominal, apposition, copula, ...)


@dataclass
class EventRec:
    kind: str                    # Meeting | Summit | Visit | Call | PressConference | Talks | Other
    name: str
    participants: list[str] = field(default_factory=list)  # LocalEntity keys (persons)
    locations: list[str] = field(default_factory=list)     # LocalEntity keys (places)
    orgs: list[str] = field(default_factory=list)          # organisations named with the event (G20)
    date: str | None = None      # ISO at its precision: "2021-06-16", "2021-06", "1985", "--06-16"
    date_text: str | None = None
    planned: bool = False
    sents: list[int] = field(default_factory=list)
    trigger: str = ""
    refers_to: str | None = None  # "after the summit": the event word whose place and date it shares
    definite: bool = False        # "the summit", "this meeting": refers back to an event already named
    pattern: str = ""             # which construction found it (gk:pattern)
    # offices that take part but that the document names no holder of ("the President will travel
    # to …" in a briefing that never names him): resolution finds the holder at that date
    offices: list[str] = field(default_factory=list)
    within: int | None = None    # first sentence of the trip this event happened on (schema:subEvent)


@dataclass
class QuoteRec:
    speaker: str | None          # LocalEntity key, None when no speaker could be named
    text: str
    sent: int = 0
    pattern: str = ""
    co_speakers: list[str] = field(default_factory=list)  # the other signatories of a joint statement
    office: str | None = None    # "the President said, “…”": the office whose holder that day spoke


@dataclass
class DocRecord:
    """Everything extracted from one document, ready for cross-document resolution."""

    doc_id: str
    title: str
    published: str | None
    url: str | None
    path: str
    content_hash: str
    words: int
    entities: list[LocalEntity] = field(default_factory=list)
    roles: list[RoleRec] = field(default_factory=list)
    events: list[EventRec] = field(default_factory=list)
    quotes: list[QuoteRec] = field(default_factory=list)
    sentences: dict[int, str] = field(default_factory=dict)  # only sentences that carry evidence
    notes: list[str] = field(default_factory=list)
    dateline: str | None = None  # LocalEntity key of the dateline city ("MOSCOW (AA) –")
    dateline_is_venue: bool = False  # the "dateline" is a transcript's venue line: that day's place only

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sentences"] = {str(k): v for k, v in self.sentences.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DocRecord":
        d = dict(d)
        d["entities"] = [LocalEntity(**e) for e in d.get("entities", [])]
        d["roles"] = [RoleRec(**r) for r in d.get("roles", [])]
        d["events"] = [EventRec(**e) for e in d.get("events", [])]
        d["quotes"] = [QuoteRec(**q) for q in d.get("quotes", [])]
        d["sentences"] = {int(k): v for k, v in d.get("sentences", {}).items()}
        return cls(**d)

    def entity(self, key: str) -> LocalEntity:
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)
