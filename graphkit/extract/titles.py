"""Finds job-title phrases around a name in a parsed sentence and splits off their affiliation."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import HONORIFICS, RELATION_NOUNS, TITLE_HEADS, TITLE_MODIFIERS, country_of, english_words

__all__ = ["OFFICES", "TitlePhrase", "bare_office", "is_title_head", "title_before", "title_after", "title_from_tokens",
           "is_honorific", "has_title_head"]

_INNER_ADP = {"of", "for", "to", "in", "on", "at"}
_STOP_PUNCT = {",", ".", ";", ":", "(", ")", "[", "]", "“", "”", '"', "‘", "'", "«", "»", "—", "–", "|", "!", "?"}
_DETS = {"the", "a", "an", "its", "his", "her", "their", "our"}
# offices whose holders have staff named as theirs ("Legislative Director for Congressman X")
_STAFFED_OFFICES = frozenset("senator congressman congresswoman representative governor mayor".split())


@dataclass
class TitlePhrase:
    start: int              # token index in the Doc
    end: int
    title: str              # the title without its affiliation ("Foreign Minister")
    affiliation: str | None  # surface of the organisation or country it is tied to
    affiliation_span: tuple[int, int] | None


def is_honorific(tok: Token) -> bool:
    return tok.lower_ in HONORIFICS or (tok.lower_ + ".") in HONORIFICS


def is_title_head(tok: Token) -> bool:
    low = tok.lower_
    if low in TITLE_HEADS:
        return True
    if "-" in low and any(p in TITLE_HEADS for p in low.split("-")):
        return True
    # "Senators", "Representatives": plural titles, whatever the tagger says
    return (tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in TITLE_HEADS) or (
        low.endswith("s") and low[:-1] in TITLE_HEADS and tok.is_title)


def has_title_head(tokens) -> bool:
    return any(is_title_head(t) for t in tokens)


def _is_dash(t: Token) -> bool:
    """A hyphen used as a dash ("GENEVA - U.S. …"), not one inside a word."""
    return t.text in ("-", "--") and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def title_before(doc: Doc, i: int) -> TitlePhrase | None:
    """The title phrase that ends right before token ``i`` ("Kremlin spokesman" + name)."""
    j = i - 1
    while j >= 0:  # ranks and courtesy titles sit between title and name: "Minister ... Col. Gen."
        if is_honorific(doc[j]) and not is_title_head(doc[j]):  # (the Lady of "First Lady" is the office)
            j -= 1
        elif doc[j].text == "." and j > 0 and is_honorific(doc[j - 1]):
            j -= 2
        else:
            break
    end = j + 1
    k = j
    while k >= 0:
        t = doc[k]
        if t.is_sent_end and k != j:
            break
        if t.text in _STOP_PUNCT or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "NUM", "INTJ") or _is_dash(t):
            break
        if t.text == "Q" and (t.i == t.sent.start or t.i > 0 and doc[t.i - 1].is_space):
            break  # a reporter's "Q" opening the turn ("Q Prime Minister Roe, …") is no part of the title
        if t.lower_ == "dear" or k != j and t.is_title and _headline_verb(t):
            break  # "Dear President Roe", a headline's "Leaders Applaud President Roe's Plan": no title words
        if t.pos_ == "CCONJ" or t.ent_type_ in ("DATE", "TIME") or (
                t.pos_ == "ADV" and t.lower_ not in TITLE_MODIFIERS and t.lower_ not in TITLE_HEADS):
            break  # ("this morning President Roe", "Then President Roe": the title is "President")
        # "Under Secretary of State": "under" starts the title when it is capitalised before a head
        if t.pos_ == "ADP" and t.lower_ not in _INNER_ADP and not (
                t.lower_ == "under" and t.is_title and k + 1 < end and doc[k + 1].lower_ in ("secretary", "sheriff")):
            break
        if t.pos_ == "DET" or t.lower_ in _DETS:
            # "Chief of the General Staff": a determiner inside the title follows a preposition
            if k > 0 and doc[k - 1].lower_ in _INNER_ADP:
                k -= 1
                continue
            break
        k -= 1
    start = k + 1
    # "the press secretary of the Russian President Vladimir Putin": the name's own title is the
    # part after the last "of" when that part has a title head ("Chief of the General Staff" has not)
    for x in range(end - 1, start, -1):
        if doc[x].lower_ == "of":
            if is_title_head(doc[end - 1]) and x + 1 < end - 1:
                start = x + 1
            break
    # "President Joe Biden's national security adviser Jake Sullivan": the title is the adviser's
    for x in range(end - 1, start, -1):
        # "the President's Chief of Staff Jeff Zients", "the President's Bipartisan Infrastructure
        # Law": what follows an office's possessive is the office holder's, not a title
        # ("Deputy Head of the Russian President's Administration" is one title: the possessive
        # is inside its "of")
        if doc[x].tag_ == "POS" and (doc[x - 1].ent_type_ == "PERSON" or is_title_head(doc[x - 1])
                                     and not any(t.lower_ == "of" for t in doc[start:x - 1])):
            start = x + 1
            break
    # "a Senior Official on President Roe": "on", "at", "in" between two titles part them (not
    # "Assistant to the President", "Special Envoy on Climate")
    for x in range(end - 2, start, -1):
        if doc[x].lower_ in ("on", "at", "in") and has_title_head(doc[x + 1:end]) and has_title_head(doc[start:x]):
            start = x + 1
            break
        # "Legislative Director for Congressman X", "Chief of Staff to Senator X": an elected office
        # right before the name is the name's own; the post before "for"/"to" is a staffer's (not
        # "Assistant to the President X", "Deputy Director for Energy Justice X")
        if doc[x].lower_ in ("for", "to") and x == end - 2 and has_title_head(doc[start:x]) \
                and doc[end - 1].is_title and doc[end - 1].lower_ in _STAFFED_OFFICES:
            start = x + 1
            break
    # "scrutiny on President": an inner preposition joins a title only to a head before it
    # ("Minister of Foreign Affairs"); with none, the title starts after it
    for x in range(start, end):
        if doc[x].lower_ in _INNER_ADP:
            if has_title_head(doc[start:x]):
                break
            start = x + 1  # (and again: "a statement on the Passing of Congressman")
    # "our son Major X", "my good friend Senator Y": who the person is to the speaker, not a title
    for x in range(end - 1, start - 1, -1):
        if doc[x].is_lower and doc[x].lower_ in RELATION_NOUNS:
            start = x + 1
            break
    while start < end and (doc[start].pos_ in ("ADP", "DET", "PUNCT", "PART") or doc[start].lower_ in _DETS) \
            and not (doc[start].lower_ == "under" and doc[start].is_title and start + 1 < end
                     and doc[start + 1].lower_ in ("secretary", "sheriff")):
        start += 1
    if start >= end:
        return None
    toks = doc[start:end]
    if not has_title_head(toks):
        return None
    # the phrase must end in a title word (head, modifier, or a capitalised part of the title)
    last = doc[end - 1]
    if not (is_title_head(last) or last.lower_ in TITLE_MODIFIERS or last.is_title or last.is_upper
            or last.pos_ in ("NOUN", "PROPN")):  # "professor in international relations"
        return None
    return title_from_tokens(doc, start, end)


def _headline_verb(t: Token) -> bool:
    """A capitalised word that English has only as a verb ("Applaud", "Announces"): a Title-Case
    headline's verb the tagger read as a name, never a word of a title."""
    low = t.lower_
    if is_title_head(t) or low in TITLE_MODIFIERS:
        return False
    verbs, others = english_words(("verb",)), english_words(("noun", "adj"))
    stem = low[:-1] if low.endswith("s") and low[:-1] in verbs else low
    return stem in verbs and stem not in others and low not in others


def title_after(doc: Doc, end: int, max_len: int = 16) -> TitlePhrase | None:
    """An appositive title right after a name: "Dmitry Peskov, the press secretary of ...,"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    k = end + 1
    while k < len(doc) and (doc[k].lower_ in _DETS or doc[k].tag_ == "PRP$"):
        k += 1
    start = k
    # the title head must come early: "Senior Researcher at ..." / "deputy director and researcher"
    stop = start
    while stop < len(doc) and stop - start < max_len:
        t = doc[stop]
        if t.text in _STOP_PUNCT and not (t.text == "." and stop > 0 and is_honorific(doc[stop - 1])):
            break
        if t.is_space and "\n" in t.text:
            break  # a list of "Name, Title" lines: the title ends with its line, not at the next name
        if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") and t.tag_ != "VBN":
            break
        if t.ent_type_ == "PERSON" and stop > start:
            e = stop + 1
            while e < len(doc) and doc[e].ent_iob_ == "I":
                e += 1
            if doc[e - 1].tag_ == "POS" or (e < len(doc) and doc[e].tag_ == "POS"):
                # ", President Joe Biden's national security adviser,": the title is after the owner
                start = stop = e if doc[e - 1].tag_ == "POS" else e + 1
                continue
            return None  # ", Assistant to the President Yury Ushakov": the next person's title, not this one's
        stop += 1
    if stop <= start:
        return None
    if stop < len(doc) and doc[stop].pos_ in ("VERB", "AUX") and not doc[stop].tag_ == "VBN":
        return None  # ", the Russian President expressed …" is the next clause's subject, not an appositive
    head_at = next((x for x in range(start, min(stop, start + 5)) if is_title_head(doc[x])), None)
    if head_at is None:
        return None
    last = doc[stop - 1]
    if stop - start >= 2 and last.pos_ == "PROPN" and last.is_title and is_title_head(doc[stop - 2]) \
            and not is_title_head(last) and last.lower_ not in TITLE_MODIFIERS and not country_of(last.text):
        return None  # ", Chancellor Roe." (the tagger missed the name): the next person, not this one's title
    if any(not (doc[x].lower_ in TITLE_MODIFIERS or is_title_head(doc[x]) or doc[x].is_title
                or doc[x].pos_ in ("ADJ", "PROPN", "NOUN", "CCONJ", "PUNCT"))
           for x in range(start, head_at)):
        return None
    return title_from_tokens(doc, start, stop)


def title_from_tokens(doc: Doc, start: int, end: int) -> TitlePhrase:
    """Split a title phrase into its affiliation (leading country/organisation) and the title."""
    aff = None
    aff_span = None
    k = start
    # leading affiliation: entity tokens (GPE/NORP/ORG) or a possessive ("Russia's")
    while k < end and (doc[k].ent_type_ in ("GPE", "NORP", "ORG", "LOC") or country_of(doc[k].text)) \
            and not is_title_head(doc[k]):
        k += 1
    if k > start and k < end and doc[k].ent_iob_ == "I" and doc[k].ent_type_ in ("ORG", "GPE", "NORP", "LOC"):
        k = start  # the "organisation" runs on into the title head: the title misread as a name
    if k > start and all(t.lower_ in TITLE_MODIFIERS and not country_of(t.text) for t in doc[start:k]):
        k = start  # "Press" of "Press Secretary" tagged as an organisation
    if k < end and doc[k].tag_ == "POS":
        k += 1
    if k > start and k < end:
        aff_toks = [t for t in doc[start:k] if t.tag_ != "POS"]
        aff = " ".join(t.text for t in aff_toks)
        aff_span = (start, start + len(aff_toks))
    else:
        k = start
        # trailing affiliation: "... of the Russian Federation", "at the State Department"
        for x in range(end - 1, start, -1):
            if doc[x].lower_ in ("of", "at", "for", "to") and x + 1 < end:
                ents = [e for e in doc.ents if e.start >= x + 1 and e.end <= end
                        and e.label_ in ("ORG", "GPE", "NORP", "LOC")]
                if ents:
                    aff = ents[-1].text
                    aff_span = (ents[-1].start, ents[-1].end)
                break
    # the job title keeps organisation words ("National Security Adviser", "White House spokesman")
    # and drops only a leading country or demonym, which the affiliation already says
    t0 = start
    while t0 < end and (country_of(doc[t0].text) or doc[t0].tag_ == "POS") and not is_title_head(doc[t0]):
        t0 += 1
    title_toks = [t for t in doc[t0:end] if (not is_honorific(t) or is_title_head(t)) and not (
        t.lower_ == "royal" and t.i + 1 < len(doc) and is_honorific(doc[t.i + 1]))]  # ("His Royal Highness")
    title = " ".join(t.text for t in title_toks).replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s")
    return TitlePhrase(start=start, end=end, title=title.strip(" ,"), affiliation=aff,
                       affiliation_span=aff_span)

# offices one person holds at a time, which a text names by title alone ("the President will …")
OFFICES = ("vice president", "president", "first lady", "second gentleman")


def bare_office(tok: Token) -> str | None:
    """The office a bare "the President" / "the Vice President" / "the First Lady" names, if ``tok``
    heads one: a determiner "the", no name after it, no "of" (the president of a company)."""
    if tok.lower_ not in ("president", "lady", "gentleman") or not tok.text[:1].isupper():
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ == "of"):
        return None
    words = " ".join(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i)
    office = f"{words} {tok.lower_}".strip()
    return office if office in OFFICES else None
