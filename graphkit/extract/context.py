"""What the extractors of one document share: its parsed chunks, sentences, mentions, entities."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..records import Document, LocalEntity
from .mentions import Mention

__all__ = ["Context"]

# "Mr. President,", "Madam Vice President,": a speaker called on by the title of their office
_VOCATIVE = re.compile(r"\b(?:Mr\.?|Madam|Madame|Mister)\s+((?:Vice\s+)?President|Prime\s+Minister|Secretary|Chancellor|"
                       r"Speaker|Leader|Ambassador|Governor|Mayor|Senator)\b")


@dataclass
class Context:
    document: Document
    chunks: list[tuple[int, Doc]]                 # (character offset, Doc)
    mentions: list[Mention]
    entities: list[LocalEntity]
    sents: list[tuple[int, Span]] = field(default_factory=list)   # (chunk, sentence) by global index
    used_sents: set[int] = field(default_factory=set)
    # who says "I" and "we" where: (start, end, speakers) of transcript turns and of a statement's
    # body; the first speaker is the voice, the others co-sign ("we" in a joint statement)
    voices: list[tuple[int, int, list[str]]] = field(default_factory=list)
    venue: str | None = None      # the place a transcript's venue line names ("Oval Office")
    questions: list[tuple[int, int]] = field(default_factory=list)  # reporters' turns ("Q …")
    signed: bool = False          # "we" is the voice itself: a statement's signers, a leader's remarks
    voice_roles: dict[str, str] = field(default_factory=dict)  # speaker → the title of their label ("President")
    _by_token: dict[tuple[int, int], Mention] = field(default_factory=dict)
    sent_starts: list[int] = field(default_factory=list)  # character offset of each sentence
    _by_sent: dict[int, list[Mention]] | None = None
    _indexed: int = -1

    def __post_init__(self) -> None:
        for ci, (off, doc) in enumerate(self.chunks):
            for s in doc.sents:
                self.sents.append((ci, s))
                self.sent_starts.append(off + s.start_char)
        for m in self.mentions:
            if m.entity is None:
                continue
            for t in range(m.start, m.end):
                self._by_token.setdefault((m.chunk, t), m)
        self._entities = {e.key: e for e in self.entities}
        # chunk character lengths, computed once: Doc.text rebuilds the whole string on each access
        self.chunk_len = [len(doc.text) for _, doc in self.chunks]

    def entity(self, key: str) -> LocalEntity:
        return self._entities[key]

    def place_for(self, key: str) -> str:
        """A Place entity named as the organisation ``key`` is, for a building used as where
        something happens ("in the Oval Office"): the one the document has, else a new one."""
        org = self._entities[key]
        for e in self.entities:
            if e.type == "Place" and e.name == org.name:
                return e.key
        place = LocalEntity(key=f"{key}-place", type="Place", name=org.name, forms=list(org.forms),
                            mentions=org.mentions, first_sent=org.first_sent)
        self.entities.append(place)
        self._entities[place.key] = place
        return place.key

    def mention_at(self, chunk: int, token: Token | int) -> Mention | None:
        i = token if isinstance(token, int) else token.i
        return self._by_token.get((chunk, i))

    def entity_at(self, chunk: int, token: Token | int, etype: str | None = None) -> str | None:
        m = self.mention_at(chunk, token)
        if m is None or m.entity is None:
            return None
        if etype and self._entities[m.entity].type != etype:
            return None
        return m.entity

    def sent_of_char(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def sent_text(self, index: int) -> str:
        return self.sents[index][1].text.strip()

    def use(self, index: int) -> int:
        self.used_sents.add(index)
        return index

    def voice_at(self, char: int, plural: bool = False) -> list[str]:
        """The speaker(s) whose words stand at ``char`` ("I": the voice; "we": every co-signer)."""
        for start, end, keys in self.voices:
            if start <= char < end:
                return list(keys) if plural else keys[:1]
        return []

    def voice_is_signed(self, char: int) -> bool:
        """Whether the "we" at ``char`` is its speakers: a statement in its signers' names, a
        leader's remarks (not a briefing, where "we" is the administration)."""
        return self.signed and bool(self.voice_at(char))

    def addressee_at(self, char: int, said: str = "") -> list[str]:
        """"you" in a turn of a two-person transcript: the other speaker; with more speakers, the
        one whose label's title the sentence ``said`` calls on ("Mr. President, … thank you for
        hosting us")."""
        mine = self.voice_at(char)
        if not mine:
            return []
        others = list(dict.fromkeys(k for _, _, keys in self.voices for k in keys[:1] if k not in mine))
        if len(others) == 1:
            return others
        called = _VOCATIVE.search(said)
        if called:
            title = " ".join(called.group(1).lower().split())
            fits = [k for k in others if self.voice_roles.get(k, "").lower() == title]
            return fits if len(fits) == 1 else []
        return []

    def mentions_in_sent(self, index: int, etype: str | None = None) -> list[Mention]:
        if self._by_sent is None or self._indexed != len(self.mentions):
            self._by_sent = {}
            for m in self.mentions:
                self._by_sent.setdefault(m.sent, []).append(m)
            self._indexed = len(self.mentions)
        return [m for m in self._by_sent.get(index, ()) if m.entity
                and (etype is None or self._entities[m.entity].type == etype)]
