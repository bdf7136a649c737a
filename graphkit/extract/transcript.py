"""Speaker turns of transcripts ("PRESIDENT BIDEN:", "MR SULLIVAN:", "THE PRESIDENT:", "Q") in laid-out text.

A transcript is recognised by its shape, not by a list of titles: paragraphs that open with an
uppercase label and a colon (``graphkit.layout.SPEAKER_LABEL``), reporters' "Q" paragraphs, and
the time and "END" lines that frame the whole. A turn runs from its label to the next label, a
reporter's question or a closing time line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..layout import SPEAKER_LABEL, TIME_LINE
from ..names import attested_given_name
from .lexicon import HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS, country_of

__all__ = ["Turn", "find_turns", "split_label", "speaker_of_role", "venue_lines"]

_GLUED_Q = re.compile(r"Q(?=(?:MR|MS|MRS|DR)\.?[ ])")
_Q = re.compile(r"^(?:Q|QUESTION|Question)(?:[.:]\s*|\s+)(?=\S)")
# Kremlin and ministry transcripts write their labels in mixed case: "Vladimir Putin: …",
# "President of Russia Vladimir Putin: …", "Minister Sergei Lavrov: …"
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.\-]*"
_MIXED_LABEL = re.compile(
    rf"^(?P<label>{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|of|the|for|and|de|da|von|van|al|bin|ibn)){{1,7}})"
    r"(?P<paren>[ ]?\([^()\n]{0,30}\))?:[ ]+(?=\S)")
# label words that say who, not which person: the turn is not a named speaker's
_NOBODY = frozenset("participant participants audience member members crowd interpreter operator moderator "
                    "staff voice voices reporter reporters unidentified unknown all several child student "
                    "students attendee attendees people protester protesters".split())
_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS)
_LABEL_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | {h.rstrip(".") for h in HONORIFICS} | {
    "the", "of", "for", "and", "to", "on", "lady", "gentleman", "sergeant", "coach", "judge", "rabbi",
    "father", "reverend", "pastor", "mayor", "chairman", "majority", "minority", "house", "leader"}


@dataclass
class Turn:
    start: int          # character offset where the spoken text starts
    end: int            # where the turn ends (next turn, a closing time line, or end of text)
    label: str          # the label as written ("MS. PSAKI")
    name: str | None    # the name in the label, title-cased ("Psaki"), if any
    role: str | None    # the title in the label ("President" for "THE PRESIDENT", "Prime Minister")
    question: bool      # a reporter's "Q"


def split_label(label: str) -> tuple[str | None, str | None]:
    """(title, name) of a speaker label: "PRIME MINISTER MODI" → ("Prime Minister", "Modi"),
    "THE SECOND GENTLEMAN" → ("Second Gentleman", None), "MR SULLIVAN" → ("Mr", "Sullivan")."""
    words = label.replace("’", "'").split()
    if words and words[0] == "THE":
        words = words[1:]
    k = 0
    while k < len(words) and (words[k].lower().rstrip(".") in _LABEL_TITLE_WORDS
                              or "-" in words[k] and all(p in _LABEL_TITLE_WORDS for p in words[k].lower().split("-"))
                              or k and words[k - 1].lower() in ("of", "the") and country_of(words[k])):
        k += 1  # "President of Russia", "Minister of Foreign Affairs", "DIRECTOR-GENERAL"
    title_words, name_words = words[:k], words[k:]
    if not name_words and len(title_words) == 2 and title_words[0].lower().rstrip(".") in _HONORIFIC_WORDS:
        title_words, name_words = title_words[:1], title_words[1:]  # "MR. KING": a surname that is a title word
    if not name_words and len(title_words) >= 2 and title_words[-1].lower() not in TITLE_HEADS \
            and title_words[-1].lower().rstrip(".") not in _LABEL_TITLE_WORDS - {"leader", "house"}:
        name_words = title_words[-1:]
        title_words = title_words[:-1]
    small = ("of", "for", "and", "to", "on", "the")
    title = " ".join(w.lower() if w.lower() in small else "-".join(p.capitalize() for p in w.rstrip(".").split("-"))
                     for w in title_words) or None
    name = " ".join(_title_case(w) if w.isupper() else w for w in name_words) or None
    return title, name


def _title_case(word: str) -> str:
    # "JEAN-PIERRE" → "Jean-Pierre", "O'ROURKE" → "O'Rourke", "MCCARTHY" → "McCarthy"
    out = "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
    out = re.sub(r"'([a-z])", lambda m: "'" + m.group(1).upper(), out)
    return re.sub(r"^(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


def find_turns(text: str, start: int = 0) -> list[Turn]:
    """Turns in document order (after ``start``, the headline's end); empty unless some
    paragraph opens with a speaker label."""
    hits: list[tuple[int, int, str, bool]] = []   # (label start, speech start, label, is_question)
    mixed_hits: list[tuple[int, int, str, bool]] = []
    stops: list[int] = []                          # closing time lines and "END"
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if m.start() < start or m.start() and text[m.start() - 1] != "\n":
            continue
        lab = SPEAKER_LABEL.match(line)
        if lab:
            label = lab.group("label")
            words = label.split()
            if len(words) == 1 and len(words[0]) < 2:
                continue
            glued = _GLUED_Q.match(label)  # "QMS. PSAKI:": a reporter's "Q" run into the answer's label
            hits.append((m.start() + (1 if glued else 0), m.start() + lab.end(), label[1:] if glued else label, False))
            continue
        q = _Q.match(line)
        mixed = _MIXED_LABEL.match(line)
        if q:
            hits.append((m.start(), m.start() + q.end(), "Q", True))
        elif mixed and not mixed.group("label").split()[-1] in ("Sheet", "Statement", "Readout", "Update", "Note"):
            mixed_hits.append((m.start(), m.start() + mixed.end(), mixed.group("label"), False))
        elif TIME_LINE.match(line):
            stops.append(m.start())
    # mixed-case labels make a transcript only when one speaks twice or reporters ask: a single
    # "Fact Sheet:" or "Key Points:" lead-in is a heading
    labels_seen = Counter(h[2] for h in mixed_hits)
    if mixed_hits and (any(n > 1 for n in labels_seen.values()) or any(h[3] for h in hits)):
        hits = sorted(hits + mixed_hits)
    framed = bool(stops) or any(h[3] for h in hits)
    labels = {h[2]: split_label(h[2]) for h in hits if not h[3]}
    if not framed:
        # without a transcript's time lines or reporters, an uppercase lead-in ("FOUR-YEAR LOW:",
        # "MAKING AMERICA SAFE AGAIN:") is a heading unless it reads as a title or a named person
        labels_at = {h[0] for h in hits}
        def is_speaker(title: str | None, name: str | None) -> bool:
            if name is None or len(name.split()) > 3 or any(ch.isdigit() for ch in name):
                return title is not None and name is None
            surname = re.escape(name.split()[-1])
            if title is not None:
                return True
            found = [mm for mm in re.finditer(rf"(?m)(?:(?<=\s)|^)(?:([\w.’'-]+)\s+)?{surname}(?![\w-])", text)
                     if mm.start(0) not in labels_at and text[mm.end():mm.end() + 1] != ":"]
            if " " in name:
                return bool(found)
            # a lone word must name someone elsewhere after a first name or title ("… Jane Roe …"
            # for "ROE:"), not be a word of the text ("FACT:" beside a "Task Force Fact Sheet")
            return any(mm.group(1) and (attested_given_name(mm.group(1)) or mm.group(1).lower().rstrip(".") in TITLE_HEADS
                                        or mm.group(1).lower().rstrip(".") in _HONORIFIC_WORDS) for mm in found)
        # ("AUDIENCE:", "PARTICIPANT:" are nobody's turns, but turns: they end the one before)
        hits = [h for h in hits if h[3] or is_speaker(*labels[h[2]]) or _NOBODY & set(h[2].lower().split())]
    if not any(not h[3] for h in hits):
        return []
    turns = []
    for k, (s, e, label, q) in enumerate(hits):
        end = hits[k + 1][0] if k + 1 < len(hits) else len(text)
        end = min([end, *[p for p in stops if e <= p < end]])
        title, name = (None, None) if q else labels[label]
        if _NOBODY & set(f"{title or ''} {name or ''}".lower().split()):
            name = None
            title = None
        turns.append(Turn(start=e, end=end, label=label, name=name, role=title, question=q))
    return turns


def speaker_of_role(role: str, holders: list[tuple[str, list[str]]], named_in_labels: set[str],
                    headline_order: list[str]) -> str | None:
    """The person a title-only label ("THE PRESIDENT", "THE SECOND GENTLEMAN") stands for, among
    ``holders`` (entity key, titles stated for it): the one holding that title, not named by another
    label; when several remain, the one the headline names first; else nobody."""
    role = role.lower()
    # the headline says whose remarks these are ("Remarks by President Roe …"): a president the
    # body only mentions is not the one speaking
    in_head = [k for k in headline_order if k not in named_in_labels
               and any(role in t.lower() and not (role == "president" and "vice" in t.lower())
                       for k2, titles in holders if k2 == k for t in titles)]
    if in_head:
        return in_head[0]
    if role in ("president", "prime minister", "chancellor", "king", "queen"):
        # the headline does not name this head of state: one the body mentions is more often a
        # predecessor or a counterpart than the speaker ("President Eisenhower's highways")
        return None
    cands = [k for k, titles in holders
             if any(t.lower() == role or (t.lower().endswith(" " + role) and not t.lower().startswith("vice"))
                    for t in titles)]
    if len(cands) > 1:
        cands = [k for k in cands if k not in named_in_labels] or cands
    if len(cands) > 1:
        first = [k for k in headline_order if k in cands]
        return first[0] if first else None
    return cands[0] if cands else None


_NOT_A_VENUE = re.compile(r"(?i)^(?:via|by|on background|embargoed|for immediate)\b|\b(?:teleconference|telephone|"
                          r"conference call|phone call|videoconference|virtual|background)\b")
_VENUE_PREFIX = re.compile(r"^(?:Aboard|On board|Onboard)\s+", re.IGNORECASE)


def venue_lines(text: str, start: int, most: int = 3) -> list[tuple[int, int, bool]]:
    """Venue and place lines under a transcript's headline ("Oval Office", "Palace of Moncloa",
    "Madrid, Spain", "Aboard Air Force One"): (start, end, aboard) of short title-case lines that
    come before the first speaker label or time line."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:start + 600]):
        line = m.group(0).strip(" *")
        s = start + m.start()
        if TIME_LINE.match(line) or SPEAKER_LABEL.match(line) or len(out) >= most:
            break
        words = line.split()
        if not words or len(words) > 9 or line.endswith((".", "?", "!", ":")) and not re.search(r"(?:\b[A-Z]\.){2,}$", line) \
                or any(c.isdigit() for c in line):  # (a place may end in an abbreviation: "Washington, D.C.")
            break
        caps = [w for w in words if w[:1].isupper()]
        if len(caps) < max(1, len(words) - 2):
            break
        if _NOT_A_VENUE.search(line):
            continue  # "Via Teleconference", "On Background": how, not where
        aboard = bool(_VENUE_PREFIX.match(line))
        out.append((s, s + len(m.group(0)), aboard))
    return out
