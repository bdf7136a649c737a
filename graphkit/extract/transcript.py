"""Speaker turns of transcripts ("MS. PSAKI:", "Q", "THE PRESIDENT:") found in raw text."""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Turn", "find_turns"]

_LABEL = re.compile(
    r"^(?P<label>(?:(?:MR|MS|MRS|DR|SEN|REP|GEN|ADM|AMB|GOV)\.?|SENATOR|SECRETARY|GENERAL|AMBASSADOR|ADMIRAL|"
    r"GOVERNOR|PRESIDENT|VICE PRESIDENT|PRIME MINISTER|MINISTER|DIRECTOR|COMMISSIONER|THE PRESIDENT|"
    r"THE VICE PRESIDENT|THE FIRST LADY|MODERATOR|PARTICIPANT|OPERATOR)(?: (?P<name>[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2}))?|Q)"
    r"(?P<colon>:|\.)\s+",
    re.MULTILINE,
)


@dataclass
class Turn:
    start: int          # character offset where the spoken text starts
    end: int            # where the turn ends (next turn or end of text)
    label: str          # the label as written ("MS. PSAKI")
    name: str | None    # the name in the label, title-cased ("Psaki"), if any
    role: str | None    # the title in the label ("President" for "THE PRESIDENT")
    question: bool      # a reporter's "Q"


def find_turns(text: str) -> list[Turn]:
    """Turns in document order; empty unless the text has at least two speaker labels."""
    hits = []
    for m in _LABEL.finditer(text):
        label = m.group("label")
        if label == "Q" and m.group("colon") != "." and not text[m.end():m.end() + 1].isupper():
            continue
        if label != "Q" and m.group("colon") != ":":
            continue
        name = m.group("name")
        role = None
        head = label.split(" ")[0].rstrip(".")
        if name is None and label not in ("Q",):
            role = label.replace("THE ", "").title()
        if name and head in ("SECRETARY", "GENERAL", "AMBASSADOR", "ADMIRAL", "GOVERNOR", "PRESIDENT",
                             "MINISTER", "DIRECTOR", "COMMISSIONER", "SENATOR", "PRIME"):
            role = label[: -len(name)].strip().title()
        hits.append((m.start(), m.end(), label, name.title() if name else None, role, label == "Q"))
    if len([h for h in hits if not h[5]]) < 1 or len(hits) < 2:
        return []
    turns = []
    for k, (s, e, label, name, role, q) in enumerate(hits):
        end = hits[k + 1][0] if k + 1 < len(hits) else len(text)
        turns.append(Turn(start=e, end=end, label=label, name=name, role=role, question=q))
    return turns
