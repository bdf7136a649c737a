"""Events: meetings, summits, talks, visits, calls and press conferences, with their attendees,
place, date (resolved against publication) and whether they happened or are planned.

A pair of people "met" only when the parse ties both to one event word: subjects and objects of
meet/talk/call/visit/host/receive, "between X and Y", "X's meeting with Y", "accompanied by",
delegation lists. Reported speech does not make the speaker an attendee.

Passes, in order: event words sentence by sentence (habits, several occasions, biographies and
invitations are none), participant lists, trips (a trip's place and day for the encounters held on
it; a visit with one encounter takes that encounter's hosts), then the headline's events and guests.
"""
from __future__ import annotations

from collections import Counter
from datetime import date as calendar_day

from spacy.tokens import Doc, Span, Token

from ..names import given_name_gender, plural_title
from ..records import EventRec
import re

from ..layout import DATE_LINE
from .context import Context
from .dates import resolve_date
from .lexicon import (BUILDING_WORDS, COUNTRIES, EVENT_NOUNS, EVENT_VERBS, PRESS_AUDIENCES, RELATION_NOUNS, SPEECH_VERBS,
                      TITLE_HEADS)
from .titles import bare_office, is_title_head

__all__ = ["find_events", "find_dateline", "resolve_pronoun"]

_PARTICIPANT_PREPS = {"with", "between", "among", "by", "including", "alongside", "of", "to"}
_PLACE_PREPS = {"in", "at", "on", "inside", "during", "near", "outside"}
_NEEDS_PERSON_OBJECT = {"call", "phone", "telephone", "host", "receive", "welcome", "greet", "talk",
                        "discuss", "negotiate", "confer", "speak", "consult", "debrief"}
_GOVERNING = {"hold", "have", "attend", "conduct", "join", "host", "organize", "organise", "convene",
              "chair", "participate", "take", "give", "begin", "start", "open", "close", "end",
              "resume", "launch", "plan", "schedule", "prepare", "arrange", "propose", "agree", "accompany"}
_PLANNED_MARKS = {"will", "shall", "'ll", "’ll"}
_PLANNED_WORDS = {"next", "upcoming", "planned", "future", "possible", "fresh", "proposed", "new", "potential",
                  "scheduled", "forthcoming", "expected"}
_MOURNING = {"funeral", "memorial", "vigil", "wake", "burial", "service", "life", "tribute"}
_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_FIRST_PERSON = {"i", "we", "me", "us"}
# "it is a pleasure to welcome", "glad to be here to meet": an infinitive whose subject the turn's speaker is
_SPEAKER_FEELINGS = frozenset("pleasure honor honour privilege delighted glad pleased happy proud great good "
                              "thrilled excited opportunity chance delight joy honored honoured".split())
_WITH_ONLY = {"discuss", "talk", "negotiate", "confer", "speak", "sit"}
_SIDELINES = {"sidelines", "margins", "sideline", "margin"}
_SEPARATE = {"separate", "respective", "individual", "parallel", "separately", "individually", "bilaterally"}
_AFTER = {"after", "following", "before", "ahead", "wake"}
# ("Congress" and "Assembly" are legislatures far more often than gatherings: not here)
_NAMED_EVENT_WORDS = {"week", "forum", "summit", "conference", "festival", "expo", "games",
                      "olympics", "convention", "symposium", "dialogue"}


def _left_persons(ctx: Context, chunk: int, verb: Token) -> list[str]:
    """Persons left of an intransitive event verb whose nearest verb is this one: recovers
    "X and Y met" when the parser hung the names elsewhere."""
    out = []
    for t in verb.doc[verb.left_edge.i:verb.i]:
        key = ctx.entity_at(chunk, t, "Person")
        if not key or key in out:
            continue
        a = t.head
        while a.pos_ not in ("VERB", "AUX") and a.head.i != a.i:
            a = a.head
        if a == verb:
            out.append(key)
    return out


def _kind_of(tok: Token) -> str | None:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma == "attend":
            # "attended the summit", not "attended Haskell High School" (a biography)
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            return "Meeting" if not objs or any(_names_an_event(o) for o in objs) else None
        if lemma in ("tell", "speak", "brief", "talk", "say") and _press_audience(tok):
            return "PressConference"  # "told reporters", "speaking to journalists", "briefed the press"
        if lemma == "brief":
            return None
        if lemma == "sit" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            return "Meeting"  # "Macron sits down with Putin"
        return EVENT_VERBS.get(lemma)
    if tok.pos_ not in ("NOUN", "PROPN") and not (
            tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") and tok.lower_ in EVENT_NOUNS):
        return None  # (a noun the tagger calls an adjective, "hosted a roundtable", still counts)
    if _several(tok):
        return None  # "a couple of phone calls", "three meetings": several occasions, none told apart
    if low in ("conference", "conferences"):
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if mods & {"press", "news"}:
            return "PressConference"
        if mods & {"video"}:
            return "Call"
        return None
    if low in ("call", "calls"):
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if mods & {"phone", "video", "telephone", "virtual", "conference"} or any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            return "Call"
        return None
    if low in ("delegation", "delegations"):
        subj = tok
        while subj.dep_ in ("conj", "appos") and subj.head.i != subj.i:
            subj = subj.head
        if subj.dep_ in ("nsubj", "nsubjpass") and subj.head.pos_ == "VERB" and _kind_of(subj.head):
            return None  # "A and a delegation of officials will travel to …": who travels, the trip's event
        return "Meeting"
    if low == "briefing" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "receive":
        return "Meeting"  # "the President received a briefing from his advisors": no press there
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC", "EVENT") and low in _NAMED_EVENT_WORDS \
            and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"):
        return "Summit" if low == "summit" else "Other"  # "the Russian Energy Week", "... Women's Forum"
    if low in ("conversation", "conversations") and not _with_someone(tok) and not (
            tok.dep_ == "dobj" and tok.head.lemma_ in ("have", "hold", "continue")):
        return None  # "a conversation about prices": a subject, not yet an encounter
    if low in ("conversation", "conversations", "discussion") and any(
            c.dep_ in ("compound", "amod") and c.lower_ in ("roundtable", "panel", "fireside", "moderated")
            for c in tok.children):
        return "Meeting"  # "hosted a roundtable conversation with …": around one table, not on the phone
    if tok.tag_ == "NNS" and low in ("meetings", "briefings", "calls", "conversations", "visits", "summits",
                                         "interviews", "trips", "tours", "roundtables", "bilaterals") \
            and not _with_someone(tok, named=True):
        return None  # "previous briefings", "regular calls": no one occasion
    if low in _HOSTED_NOUNS or tok.lemma_.lower() in _HOSTED_NOUNS:
        # "moderated a discussion with", "hosted a celebration", "held a listening session": an
        # encounter only when someone hosts, holds or joins it
        gov = tok.head if tok.dep_ == "dobj" else (tok.head.head if tok.dep_ == "pobj" else None)
        if gov is not None and gov.lemma_.lower() in _HOSTING_VERBS:
            return "Other" if low.startswith("celebration") else "Meeting"
        return None
    if low in ("session", "forum", "dialogue", "ceremony", "interview", "tour", "trip", "sidelines"):
        return None
    return EVENT_NOUNS.get(low) or EVENT_NOUNS.get(lemma)


_HOSTED_NOUNS = frozenset("discussion discussions panel panels celebration session sessions reception dinner "
                          "lunch luncheon breakfast event events forum forums".split())
# (not "program": "led the agency's enforcement program", "joined through a fellowship program" are
# careers; of the 7 programmes read as encounters in 1,500 corpus documents, none was one)

_SEVERAL = frozenset("couple few several many multiple numerous various dozens number series".split())


def _several(tok: Token) -> bool:
    """A plural event word counted as more than one ("two calls", "several meetings", "a couple of
    phone calls")."""
    if tok.tag_ != "NNS" or tok.lower_ in ("talks", "negotiations", "consultations", "sidelines", "margins"):
        return False
    for c in tok.children:
        if c.dep_ in ("amod", "det", "quantmod") and c.lower_ in _SEVERAL:
            return True
        if c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1"):
            return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _SEVERAL


def _many_unnamed(ctx: Context, chunk: int, verb: Token) -> bool:
    """The verb's only other side is a crowd counted as many and named nowhere in it ("many leaders",
    "several governors", "dozens of mayors", "hundreds of students")."""
    others = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children
              if g.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]
    if not others:
        return False
    for o in others:
        if _persons_in(ctx, chunk, o):
            return False
        # (vague counts only: "meet with more than 20 governors" may well be one meeting)
        counted = o.tag_ == "NNS" and any(c.dep_ in ("amod", "det", "quantmod") and c.lower_ in
                                          ("many", "numerous", "countless", "several", "various", "multiple")
                                          for c in o.children) \
            or o.lemma_.lower() in ("dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "lot") \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
        if not counted:
            return False
    return True


_HOSTING_VERBS = frozenset("host moderate hold convene lead chair attend join participate organize organise".split())


def _with_someone(tok: Token, named: bool = False) -> bool:
    """"… with X", "between X and Y", "X's …": the event word names who it was with (``named``:
    by name, not "his interviews", which are many)."""
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in tok.children) or \
        any(c.dep_ == "poss" and not (named and c.pos_ == "PRON") for c in tok.children)


def _names_an_event(tok: Token) -> bool:
    """Whether a noun phrase's head names a gathering ("the summit", "a roundtable", "his funeral")."""
    low = tok.lower_
    return low in EVENT_NOUNS or tok.lemma_.lower() in EVENT_NOUNS or low in _HOSTED_NOUNS or low in _NAMED_EVENT_WORDS \
        or low in ("funeral", "inauguration", "wedding", "ceremony", "celebration", "rally", "service", "game", "match")


def _press_audience(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.lower_ in PRESS_AUDIENCES:
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "with"):
            if any(g.lower_ in PRESS_AUDIENCES for g in c.children):
                return True
    return False


def _persons_in(ctx: Context, chunk: int, tok: Token, skip_clauses: bool = True) -> list[str]:
    """Person entities named in ``tok``'s subtree (not inside relative clauses or quotes)."""
    out: list[str] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        key = ctx.entity_at(chunk, t, "Person")
        if key and key not in out:
            out.append(key)
        elif key is None and t.lower_ in ("i", "me") and t.dep_ in ("conj", "nsubj", "pobj", "dobj"):
            # "the President and I met", "with Jane Roe and me": the speaker of the turn
            out += [k for k in ctx.voice_at(ctx.chunks[chunk][0] + t.idx) if k not in out]
        for c in t.children:
            if skip_clauses and c.dep_ in ("relcl", "ccomp", "advcl", "parataxis") and c.lemma_ != "accompany":
                continue
            if c.dep_ == "acl" and c.lemma_ not in ("accompany", "include", "including"):
                continue
            if c.dep_ == "prep" and c.lower_ in ("for", "of") and t.lemma_.lower() in _MOURNING:
                continue  # "the funeral for Mr. X", "a memorial service for …": the one mourned is no guest
            if t.dep_ == "appos" and (t.lower_ in RELATION_NOUNS or is_title_head(t)) and (
                    c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "to")):
                continue  # "Mia Roe, Tom Roe's daughter", "X, adviser to President Y": who X is, not who is there
            if t.lower_ in RELATION_NOUNS and t.pos_ == "NOUN" and c.dep_ == "poss" and ctx.entity_at(chunk, t, "Person") is None:
                continue  # "I spoke with Joshua's mom", "met with Tom Roe's family": the mother, the family
            stack.append(c)
    return out


def _first_person(ctx: Context, chunk: int, tok: Token) -> list[str]:
    """Who "I", "we", "me", "us", "my", "our", "you" and "your" are in a transcript turn or a
    statement's body."""
    char = ctx.chunks[chunk][0] + tok.idx
    if tok.lower_ in ("you", "your"):
        return ctx.addressee_at(char, tok.sent.text)
    if tok.lower_ in ("we", "us", "our") and not ctx.voice_is_signed(char):
        return []  # a briefer's "we" is the administration; only a statement's "we" is its signers
    return ctx.voice_at(char, plural=tok.lower_ in ("we", "us", "our"))


_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _other_gender(ctx: Context, key: str | None, pron: Token) -> bool:
    """"Speaker Nancy Roe will join Coordinator Mitch Lee during his visit": "his" is not Nancy
    Roe's, whose first name nine in ten of its bearers are women with (the name table's share)."""
    want = _GENDER.get(pron.lower_)
    if want is None or key is None:
        return False
    parts = ctx.entity(key).name.split()
    return len(parts) > 1 and given_name_gender(parts[0]) not in (None, want)


def resolve_pronoun(ctx: Context, chunk: int, tok: Token, sent_idx: int, _chain: int = 0,
                    exclude: frozenset[str] = frozenset()) -> str | None:
    """The person a singular pronoun most plausibly means: the nearest sentence first (this one
    before the pronoun, then the two before it), a grammatical subject before any other mention.
    A sentence before whose subject is the same pronoun passes it on: "She will meet X. She will
    also meet Y": both "she" are whoever the first one is (never X)."""
    doc = ctx.chunks[chunk][1]
    for si in (sent_idx, sent_idx - 1, sent_idx - 2):
        if si < 0:
            break
        if si < sent_idx and _chain < 8 and ctx.sents[si][0] == chunk:
            # (a briefer's run of "He will … He'll … He will host …" is one man's week)
            root = ctx.sents[si][1].root
            subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and ctx.entity_at(chunk, subj[0], "Person") is None \
                    and _GENDER.get(subj[0].lower_, "?") == _GENDER.get(tok.lower_, "-"):
                return resolve_pronoun(ctx, chunk, subj[0], si, _chain + 1)
        # in a turn "he" and "she" are someone the speaker talks about, never the speaker
        speaking = set(ctx.voice_at(ctx.chunks[chunk][0] + tok.idx))
        # (a speaker label names who talks, not whom "he" means)
        cands = [m for m in ctx.mentions_in_sent(si, "Person")
                 if not (si == sent_idx and m.chunk == chunk and m.start >= tok.i) and m.entity not in speaking
                 and m.ner != "TURN" and m.entity not in exclude and not _other_gender(ctx, m.entity, tok)]
        if ctx.sents[si][0] == chunk and any(
                t.dep_ in ("nsubj", "nsubjpass") and (si < sent_idx or t.i < tok.i) and _office_word(t)
                and ctx.entity_at(chunk, t, "Person") is None for t in ctx.sents[si][1]):
            return None  # "did the President raise …? … he consulted": the office is the antecedent
        if not cands:
            continue

        def subject_depth(m) -> int | None:
            """0 for the subject itself, 1 for its possessor ("Blinken's meeting ..."), deeper
            for names further inside the subject phrase; None outside any subject."""
            if m.start < 0 or m.chunk != chunk:
                return None
            t = doc[m.end - 1]
            for depth in range(6):
                if t.dep_ in ("nsubj", "nsubjpass"):
                    return depth
                if t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
                    return None
                t = t.head
            return None

        def is_possessor(m) -> bool:
            return m.start >= 0 and m.chunk == chunk and m.end < len(doc) and doc[m.end].tag_ == "POS"

        focus = [m for m in cands if is_possessor(m)] if (si == sent_idx and tok.lower_ in ("his", "her")) else []
        def is_speaker(m) -> bool:
            """Named as the source of speech: subject of 'said', 'according to X', 'X, who said'."""
            if m.start < 0 or m.chunk != chunk:
                return "speaker-label" in m.evidence
            t = doc[m.end - 1]
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in SPEECH_VERBS:
                return True
            if any(c.dep_ == "relcl" and c.lemma_ in SPEECH_VERBS for c in t.children):
                return True
            return any(a.lower_ == "according" for a in list(t.ancestors)[:3])

        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SPEECH_VERBS:
            speakers = [m for m in cands if is_speaker(m)]
            if speakers:  # "..., she said": the one who was speaking
                return max(speakers, key=lambda m: (m.char, m.start)).entity
        depths = {id(m): subject_depth(m) for m in cands}
        subjects = [m for m in cands if depths[id(m)] is not None]
        if not focus and subjects:
            best_depth = min(depths[id(m)] for m in subjects)
            subjects = [m for m in subjects if depths[id(m)] == best_depth]
        best = max(focus or subjects or cands, key=lambda m: (m.char, m.start))
        return best.entity
    return None


def _office_word(t: Token) -> bool:
    """"the President" or, in the house styles that write it so, "the president": an office as
    a pronoun's antecedent, so that "he" is not the person named after it ("the president will
    meet X … he will host"). (Only a capitalised one names the holder: see bare_office.)"""
    if bare_office(t):
        return True
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.text == "president" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
        and not any(c.dep_ in ("amod", "compound") for c in t.children) \
        and not (nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ == "of"))  # (not "the Russian President")


_CLIMB = ("xcomp", "acl", "advcl", "conj", "pcomp", "relcl", "prep", "pobj")


def _they(ctx: Context, sent_idx: int) -> list[str]:
    """"A and B traveled to Jeddah … They held talks with …": the people named together as the
    subject of one of the two sentences before, if two or more were."""
    for si in (sent_idx - 1, sent_idx - 2):
        if si < 0:
            break
        chunk, sent = ctx.sents[si]
        for s in (c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")):
            people = _persons_in(ctx, chunk, s)
            if len(people) >= 2:
                return people
    return []


def _subjects(ctx: Context, chunk: int, verb: Token, sent_idx: int) -> list[str]:
    """Persons who are the subject of ``verb``, or of the clause it depends on ("had the
    opportunity to talk", "said at a news conference following a meeting")."""
    out: list[str] = []
    v = verb
    subject_seen = False
    for _ in range(5):
        subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject_seen = subject_seen or any(s.lower_ not in ("it", "this", "that", "there") for s in subs)
        for s in subs:
            if s.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                out += _persons_in(ctx, chunk, v.head)
            elif s.lower_ in _PRONOUNS:
                p = resolve_pronoun(ctx, chunk, s, sent_idx)
                if p:
                    out.append(p)
            elif s.lower_ in _FIRST_PERSON:  # "I met", "we were together": the speaker of the turn
                out += _first_person(ctx, chunk, s)
            elif s.lower_ == "they" and v.lemma_.lower() not in ("speak", "talk") and not (
                    v.lemma_.lower() == "discuss" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children)) \
                    and not any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in v.children):
                # ("They also spoke about …" or "They will also discuss …" in a readout tells a topic of
                # the meeting, not a call or talks of their own; "They can have honest conversations" no occasion)
                out += _they(ctx, sent_idx)
            else:
                out += _persons_in(ctx, chunk, s)
                out += [p for p in _broken_subject_list(ctx, chunk, s, v) if p not in out]
            for cj in s.conjuncts:  # "he and Dr. Roe will host", "Jill and I traveled"
                if cj.i < s.i:
                    continue
                if cj.lower_ in _PRONOUNS:
                    p = resolve_pronoun(ctx, chunk, cj, sent_idx)
                    out += [p] if p else []
                elif cj.lower_ in _FIRST_PERSON:
                    out += _first_person(ctx, chunk, cj)
                elif s.lower_ in _PRONOUNS | _FIRST_PERSON:
                    out += _persons_in(ctx, chunk, cj)
        if not subs and v.dep_ == "pcomp" and v.head.lower_ == "for" and v.head.head.lemma_.lower() == "thank":
            # "Mr. President, thank you for hosting us", "I thank Mayor X for welcoming me": the one
            # thanked did it
            thanked = [p for o in v.head.head.children if o.dep_ == "dobj"
                       for p in (_first_person(ctx, chunk, o) if o.lower_ == "you" else _persons_in(ctx, chunk, o))]
            if thanked:
                out += thanked
                break
        if not subs and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and (
                v.head.lemma_.lower() in _PEOPLE_NOUNS or _persons_in(ctx, chunk, v.head)):
            out += _persons_in(ctx, chunk, v.head)  # "a delegation to attend …": the delegation attends
            break  # (not "had the opportunity to meet": the one who had it)
        if not subs and v.dep_ == "conj" and v.pos_ == "VERB" and v.left_edge.i > v.sent.start:
            # "A will visit Chicago and Secretary B will visit New London": the parser ran B into the
            # first clause's object; the name right before the second verb is its subject
            key = ctx.entity_at(chunk, v.doc[v.left_edge.i - 1], "Person")
            if key:
                out.append(key)
                break
        if subs or v.dep_ not in _CLIMB or v.head.i == v.i:
            break
        if (v.dep_ == "acl" or v.tag_ == "VBN" and v.dep_ == "conj" and v.head.tag_ not in ("VBN", "VBD")) \
                and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            break  # "the launch of X hosted in Washington": hosted by whoever "by" names, not the speakers
        if v.head.lemma_.lower() in _REPORTING:
            break  # "announced the designation of a delegation to attend …": the announcer stays home
        if v.dep_ in ("xcomp", "advcl") and v.head.lemma_.lower() in _SENDING \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # "We sent your CEO, Mary Roe, to represent us at the meeting": the one sent goes; the
            # one who invites someone to visit receives them, so the inviter stays
            out += [p for c in v.head.children if c.dep_ == "dobj" for p in _persons_in(ctx, chunk, c)]
            if v.head.lemma_.lower() != "invite":
                break
        v = v.head
        steps = 0
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i and steps < 4:
            v = v.head
            steps += 1
        if v.pos_ not in ("VERB", "AUX"):
            break
    feeling = verb.head.lemma_.lower() in _SPEAKER_FEELINGS or verb.head.lower_ in _SPEAKER_FEELINGS or any(
        c.dep_ in ("attr", "acomp") and (c.lemma_.lower() in _SPEAKER_FEELINGS or c.lower_ in _SPEAKER_FEELINGS)
        for c in verb.head.children)  # "it is a pleasure to welcome", "I'm glad to meet"
    # (only when the clause has no subject of its own: "The President will have the opportunity
    # to meet …" is the President's meeting, not the briefer's)
    if not out and not subject_seen and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and feeling:
        out += ctx.voice_at(ctx.chunks[chunk][0] + verb.idx)  # "it is a pleasure to welcome …" in a turn
    return out


def _broken_subject_list(ctx: Context, chunk: int, subj: Token, verb: Token) -> list[str]:
    """"Today, Co-Chairs A and B, Counsel C and Deputy Counsel D, and Director E hosted …": the
    small model often makes only the last of a long list of titled names the subject and hangs
    the rest elsewhere. When the subject is a person after ", and" or ",", the persons to its left
    up to the clause's start are subjects too, if no verb and no preposition's object stands
    between ("In a call with X, Y and Z …" keeps X out)."""
    doc = subj.doc
    if ctx.entity_at(chunk, subj, "Person") is None:
        return []
    out: list[str] = []
    i, sent_start, joined = subj.left_edge.i - 1, subj.sent.start, False
    while i >= sent_start:
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or t.text in (":", ";", "(", ")", "—", "–") or t.tag_ in ("WP", "WDT"):
            break
        joined = joined or t.lower_ in ("and", ",")
        key = ctx.entity_at(chunk, t, "Person")
        if key and key not in out and key != ctx.entity_at(chunk, subj, "Person"):
            if not joined:
                break  # a title's own name ("Director of X Y Z"), not a list
            path = [a for a in t.ancestors if a.i != verb.i and verb in a.ancestors] if verb in t.ancestors else None
            if path is None or any(a.pos_ == "ADP" for a in path):
                break  # not under the verb, or the object of a preposition
            out.append(key)
        i -= 1
    return out[::-1]


def _objects(ctx: Context, chunk: int, tok: Token, sent_idx: int) -> list[str]:
    out: list[str] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "agent", "appos", "conj") or (c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS) \
                or c.dep_ == "oprd" and c.ent_type_ == "PERSON" and not any(d.dep_ == "dobj" for d in tok.children):
            # ("called King Mohammed VI": the parser's oprd, with no object it would name)
            if c.dep_ == "conj" and (_kind_of(c) or c.pos_ in ("VERB", "AUX")):
                continue  # (another event, or another clause: "to greet them and underscore X's commitment")
            # "she met him", "traveled to China with him": someone other than the verb's subject
            objs = [c] if c.dep_ == "dobj" and c.lower_ in _PRONOUNS else [
                g for g in c.children if g.dep_ == "pobj" and g.lower_ in ("him", "her")] if c.dep_ == "prep" else []
            if objs:
                subjects = frozenset(_subjects(ctx, chunk, tok, sent_idx)) if tok.pos_ == "VERB" else frozenset()
                for o in objs:
                    p = resolve_pronoun(ctx, chunk, o, sent_idx, exclude=subjects)
                    out += [p] if p else []
                continue
            if c.dep_ in ("dobj", "conj") and c.lower_ in _FIRST_PERSON | {"you"}:
                out += _first_person(ctx, chunk, c)
                continue
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in _FIRST_PERSON | {"you"} for g in c.children):
                out += [k for g in c.children if g.lower_ in _FIRST_PERSON | {"you"} for k in _first_person(ctx, chunk, g)]
            out += _persons_in(ctx, chunk, c)
        elif c.dep_ == "poss":
            if c.lower_ in ("my", "our", "your"):  # "your visit to Japan", "our meeting" in a turn
                out += _first_person(ctx, chunk, c)
            elif c.lower_ in _PRONOUNS:
                p = resolve_pronoun(ctx, chunk, c, sent_idx)
                out += [p] if p else []
            else:
                out += _persons_in(ctx, chunk, c)
        elif c.dep_ == "prep" and c.lower_ == "in":  # "in the presence of X and Y"
            for g in c.children:
                if g.lower_ == "presence":
                    out += _persons_in(ctx, chunk, g)
    return out + _loose_appositions(ctx, chunk, tok)


def _loose_appositions(ctx: Context, chunk: int, verb: Token) -> list[str]:
    """"with his counterpart, President X," / "with Israel's Minister of Strategic Affairs, Ron
    Dermer,": a name after a comma that the parser hung on the verb instead of the noun it names."""
    out = []
    for c in verb.children:
        if c.dep_ != "npadvmod" or not ctx.entity_at(chunk, c, "Person") or c.left_edge.i < 2 \
                or c.doc[c.left_edge.i - 1].text != ",":
            continue
        t = c.doc[c.left_edge.i - 2]
        for _ in range(4):  # up the noun phrase the comma closes: "Minister" of "Minister of … Affairs"
            if t.lemma_.lower() in _PEOPLE_NOUNS or is_title_head(t):
                out += _persons_in(ctx, chunk, c)
                break
            if t.dep_ not in ("pobj", "prep", "compound") or t.head.i == t.i:
                break
            t = t.head
    return out


_INVITED = frozenset("invitation invitations request behest".split())


def _invitation(prep: Token) -> bool:
    """"at the invitation of X", "at the request of X": whose occasion it is, not where."""
    return prep.dep_ == "prep" and prep.lower_ in ("at", "upon", "on") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _INVITED for g in prep.children)


def _inviters(ctx: Context, chunk: int, heads: list[Token]) -> list[str]:
    """"will participate in the leaders' meeting at the invitation of the Forum Chair, Prime
    Minister X", "At the invitation of President Y, the President will travel …": who invites
    hosts the occasion, and is there."""
    return [p for h in heads for c in h.children if _invitation(c) for g in c.children if g.dep_ == "pobj"
            for o in g.children if o.dep_ == "prep" and o.lower_ == "of" for p in _persons_in(ctx, chunk, o)]


_PLACE_NOUNS = frozenset("capital city region province state coast border territory embassy residence "
                         "home palace office".split())


def _places_and_dates(ctx: Context, chunk: int, doc: Doc, heads: list[Token],
                      visit: bool = False) -> tuple[list[str], list[str], list[str]]:
    """The place(s), organisation(s) and date expression(s) attached to an event word: the
    nearest ones in the parse, not descending into other event words or clauses."""
    preps = _PLACE_PREPS | ({"to"} if visit else set())
    found_places: list[tuple[int, str]] = []
    found_dates: list[tuple[int, str]] = []
    orgs: list[str] = []
    seen: set[int] = {h.i for h in heads}
    head_ids = set(seen)

    def visit_tok(t: Token, depth: int) -> None:
        if t.i in seen or depth > 6 or _invitation(t):
            return  # (not the "Fiji" of "at the invitation of the Prime Minister of Fiji")
        seen.add(t.i)
        if _kind_of(t) is not None and depth > 1 and not (t.head.lower_ == "of" and t.head.head.lower_ in _SIDELINES) \
                and not (depth == 2 and t.head.lower_ in ("at", "during") and t.head.head.i in head_ids):
            # (but "met with X at the NATO Summit in Vilnius": where the occasion met at is, they met)
            return  # another event's words carry their own place and date (not "on the sidelines of X in Y")
        key = ctx.entity_at(chunk, t)
        if key and ctx.entity(key).type == "Organization" and t.head.dep_ == "prep" and t.head.lower_ in preps \
                and ctx.entity(key).name.split()[-1].lower() in BUILDING_WORDS:
            found_places.append((depth, key))  # "in the Oval Office", "to the White House": the building
        elif key and ctx.entity(key).type == "Place":
            found_places.append((depth, key))
        if key and found_places and found_places[-1] == (depth, key):
            # "Villa La Grange, a mansion in Geneva, Switzerland", "the Johnson Space Center in
            # Houston, Texas": the venue's city is the same place
            for c in t.subtree:
                if c.i != t.i and c.i not in seen and c.dep_ in ("appos", "pobj", "conj", "npadvmod", "compound") \
                        and c.i - t.i < 12 and _same_phrase(c, t) \
                        and not (c.dep_ == "compound" and ctx.entity_at(chunk, c.head) is None):
                    # (not "Poland, where he will meet U.S. troops": a clause of its own, a modifier)
                    k2 = ctx.entity_at(chunk, c)
                    if k2 and k2 != key and ctx.entity(k2).type == "Place":
                        found_places.append((depth, k2))
        if t.ent_type_ in ("DATE", "TIME"):  # ("last night" is a TIME to NER)
            # (the span's head may come first: "Later this evening," hangs on "evening")
            span = next((e for e in doc.ents if e.start <= t.i < e.end), None)
            if span is not None and (t.ent_iob_ == "B" or not span.root.i < t.i) and \
                    all(txt != span.text for _, txt in found_dates):
                found_dates.append((depth, span.text))
        elif not t.ent_type_ and t.dep_ in ("npadvmod", "tmod") and (
                _RELATIVE_DAY.fullmatch(t.text) or _RELATIVE_DAY.fullmatch(doc[t.left_edge.i:t.i + 1].text)):
            # a sentence-initial "Today," or "Later this evening," NER left untagged
            found_dates.append((depth, doc[t.left_edge.i:t.i + 1].text))
        for c in t.children:
            if c.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "nsubj", "dobj", "cc", "punct", "acl"):
                continue
            if c.dep_ == "poss" and t.lemma_.lower() not in _PLACE_NOUNS:
                continue  # "in the face of Russia's war": whose war, not where they met
            if c.dep_ == "conj" and t.ent_type_ not in ("GPE", "LOC", "FAC"):
                continue
            if c.dep_ == "prep" and depth >= 1 and c.lower_ not in preps | {"of"}:
                continue  # ("on the anniversary of the attack against Israel": not where they spoke)
            visit_tok(c, depth + 1)

    # "met Sergei Lavrov in Geneva": the parser often hangs the place on the object
    anchors = heads + [c for h in heads for c in h.children if c.dep_ in ("dobj", "pobj") and c.ent_type_ == "PERSON"]
    # "met with President X of Ukraine in Vilnius": on the person after "with" too
    anchors += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                for g in c.children if g.dep_ == "pobj" and (
                    g.ent_type_ == "PERSON" or any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in g.children))]
    # "were joined by Commissioner X in Lulea": on the one named after "by" too
    anchors += [g for h in heads for c in h.children if c.dep_ == "agent"
                for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "PERSON"]
    # "with Prime Minister and Crown Prince X in Riyadh": the name is the second title's
    anchors += [a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                for g in c.children if g.dep_ == "pobj" and g.ent_type_ != "PERSON"
                and any(x.dep_ == "conj" and x.ent_type_ == "PERSON" for x in g.children)
                for a in [g, *(x for x in g.children if x.dep_ == "conj" and x.ent_type_ == "PERSON")]]
    # "with A, B, and C at the White House": or on any of the people listed
    # (the parser may hang the last of them on the verb)
    anchors += [c for a in list(anchors) if a.ent_type_ == "PERSON" for c in a.subtree
                if c.dep_ == "conj" and c.ent_type_ == "PERSON" and _same_phrase(c, a)]
    anchors += [c for h in heads for c in h.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
    # "summit of G7 in London": the place hangs on the "of" complement
    anchors += [g for h in heads if h.pos_ in ("NOUN", "PROPN") for c in h.children
                if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "to attend the February 18-20 Munich Security Conference", "will travel to Munich to attend
    # the May 5 summit": the day of the occasion attended is the attending's, and the trip's
    for h in heads:
        attends = [h] if h.lemma_.lower() in ("attend", "join") else [
            c for c in h.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("attend", "join")
        ] if h.lemma_.lower() in ("travel", "go", "fly", "head") else []
        for a in attends:
            for o in a.children:
                if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN"):  # (what one attends is an occasion)
                    for x in o.children:
                        if x.ent_type_ == "DATE" and x.dep_ in ("nmod", "compound", "amod", "npadvmod"):
                            span = next((e for e in doc.ents if e.start <= x.i < e.end), None)
                            if span is not None and all(txt != span.text for _, txt in found_dates):
                                found_dates.append((1, span.text))
    # "the upcoming NATO Summit that's going to be occurring in Lithuania", "the summit, which will
    # be held in Vilnius": where the occasion takes place, told in its relative clause
    for h in heads:
        if h.pos_ in ("NOUN", "PROPN"):
            for c in h.children:
                if c.dep_ != "relcl":
                    continue
                # ("that is going to be occurring in X": the verb under "going to")
                verbs = [c] + [x for x in c.children if x.dep_ == "xcomp" and c.lemma_.lower() == "go"]
                for v in verbs:
                    if v.lemma_.lower() in ("occur", "happen", "hold", "take", "convene", "meet"):
                        for g in v.children:
                            if g.dep_ == "prep" and g.lower_ in ("in", "at"):
                                visit_tok(g, 1)
    # "met with the Competition Council in the State Dining Room", "with governors at the White
    # House": the parser hangs the place on the group met; only a place phrase of its own counts
    # (not the "California" of "California legislators")
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.ent_type_ != "PERSON" and g not in anchors:
                        for gc in g.children:
                            if gc.dep_ == "prep" and gc.lower_ in ("in", "at", "inside") and not _invitation(gc):
                                visit_tok(gc, 1)
    for h in anchors:
        for c in h.children:
            if c.dep_ in ("compound", "nmod") and h.lower_ in ("delegation", "delegations"):
                continue  # "a U.S. delegation": where it comes from, not where it meets
            if c.dep_ in ("compound", "nmod") and h.ent_type_ == "PERSON" and h not in heads:
                continue  # "Erie County Executive Mark Roe": the office's county, not where they meet
            if c.dep_ == "prep" and c.lower_ == "of" and h.ent_type_ == "PERSON" and h not in heads:
                # "met with Vice President X of the Philippines in Manila": the parser hangs the
                # place on the country the person is of (the country itself is no place of the meeting)
                for g in c.children:
                    for gc in (g.children if g.dep_ == "pobj" else ()):
                        if gc.dep_ == "prep" and gc.lower_ in preps and not _invitation(gc):
                            visit_tok(gc, 1)
                continue
            # ("met for the first time in Pittsburgh": the place hangs on "time")
            if (c.dep_ == "prep" and (c.lower_ in preps or c.lower_ == "for" and any(g.lower_ == "time" for g in c.children))) \
                    or c.dep_ in ("npadvmod", "tmod", "nmod", "compound", "advmod") \
                    or c.ent_type_ == "DATE" or (c.dep_ == "prep" and c.lower_ in ("from", "between", "through")
                                                 and any(g.ent_type_ == "DATE" for g in c.children)):
                # ("from May 9 to 12": the dates of a trip; "from Washington" is where it started)
                visit_tok(c, 1)
        if h.dep_ in ("relcl", "advcl") and h.head.ent_type_ == "DATE":
            span = next((e for e in doc.ents if e.start <= h.head.i < e.end), None)
            if span is not None:
                found_dates.append((0, span.text))
    for h in heads:
        for c in h.children:
            cands = [c] + ([g for g in c.children] if c.dep_ == "prep" and c.lower_ == "of" else [])
            for g in cands:
                if g.dep_ in ("compound", "pobj"):
                    key = ctx.entity_at(chunk, g)
                    if key and ctx.entity(key).type == "Organization" and key not in orgs:
                        orgs.append(key)
    places: list[str] = []
    if found_places:
        # the nearest attachment wins; a city names the place better than its country
        cities = [(d, k) for d, k in found_places if ctx.entity(k).name.lower() not in COUNTRIES]
        pool = cities or found_places
        best = min(d for d, _ in pool)
        places = list(dict.fromkeys(k for d, k in pool if d <= best + 1))
    dates = [t for _, t in sorted(found_dates, key=lambda x: x[0])]
    return places, orgs, list(dict.fromkeys(dates))


def _same_phrase(tok: Token, top: Token) -> bool:
    """Whether tok hangs below top without a clause between them."""
    for a in tok.ancestors:
        if a.i == top.i:
            return True
        if a.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"):
            return False
    return False


def _is_person_possessor(ctx: Context, chunk: int, c: Token) -> bool:
    """"his meeting", "Nuland's visit" (not "this year's summit", not "their talks")."""
    if c.dep_ != "poss":
        return False
    return c.lower_ in _PRONOUNS or ctx.entity_at(chunk, c, "Person") is not None


def _direct_places(ctx: Context, chunk: int, tok: Token) -> list[str]:
    """"visited Moscow" (the object is the place) and "Kyiv, where he met ..." (the place the
    relative clause hangs on)."""
    out = []
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("visit", "tour"):
        for c in tok.children:
            if c.dep_ == "dobj":
                key = ctx.entity_at(chunk, c, "Place")
                org = ctx.entity_at(chunk, c, "Organization")
                if key:
                    out.append(key)
                elif org and ctx.entity(org).name.split()[-1].lower() in BUILDING_WORDS:
                    out.append(org)  # "visited Northern Arizona University": its campus
    if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
        key = ctx.entity_at(chunk, tok.head, "Place")
        # "Luanda, Angola, where …" (the parser hangs one on the other either way): the city first
        near = ([tok.head.head] if tok.head.dep_ == "appos" else []) + [
            c for c in tok.head.children if c.dep_ in ("nmod", "compound") and c.i < tok.head.i]
        for c in near:
            city = ctx.entity_at(chunk, c, "Place")
            if city and city != key and city not in out and ctx.entity(city).name.lower() not in COUNTRIES:
                out.append(city)
        if key:
            out.append(key)
        elif tok.head.ent_type_ in ("DATE", "TIME"):
            # "in Tampa, Florida, yesterday, where she met …": the parser hung "where" on the day
            run: list[str] = []  # "Tampa, Florida": the whole run of places, the city first
            for t in reversed(tok.doc[max(tok.head.sent.start, tok.head.i - 8):tok.head.i]):
                k = ctx.entity_at(chunk, t, "Place")
                if k:
                    if k not in run:
                        run.insert(0, k)
                elif t.pos_ in ("VERB", "AUX") or run and not t.is_punct:
                    break
            out += list(dict.fromkeys(run))
    return out


def _referenced_event(tok: Token) -> str | None:
    """"press conferences after the summit" / "in the wake of the summit": the event word it follows."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on":  # "a press conference on the sidelines of the forum"
            for g in c.children:
                if g.lower_ in _SIDELINES:
                    for x in g.subtree:
                        if x is not g and _kind_of(x):
                            return x.lemma_.lower()
        if c.dep_ == "prep" and c.lower_ in _AFTER | {"in"}:
            for g in c.subtree:
                if g is not c and g.pos_ == "NOUN" and _kind_of(g) and (c.lower_ != "in" or any(x.lower_ == "wake" for x in c.subtree)):
                    return g.lemma_.lower()
    return None


_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.' ]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]{1,2}\s",
                       re.MULTILINE)


def find_dateline(ctx: Context) -> str | None:
    """The city of a news dateline ("MOSCOW (AA) – ...", "GENEVA, Switzerland — ..."), if the
    first paragraphs start with one and it names a place the document knows."""
    text = ctx.document.text
    for m in _DATELINE.finditer(text[:2000]):
        city = m.group(1).strip()
        for mention in ctx.mentions:
            if mention.entity and mention.char == m.start(1) and ctx.entity(mention.entity).type == "Place":
                return mention.entity
        key = next((e.key for e in ctx.entities if e.type == "Place" and e.name.lower() == city.lower()), None)
        if key:
            return key
    return None


def _anaphoric_place(ctx: Context, chunk: int, tok: Token, sent_idx: int) -> list[str]:
    """"met there", "in the city", "in the capital": the latest city named before."""
    wants = any(c.lower_ == "there" and c.dep_ == "advmod" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
            g.lower_ in ("city", "capital") and any(d.lower_ in ("the", "that") for d in g.children)
            for g in c.children) for c in tok.children)
    if not wants:
        return []
    for si in range(sent_idx, max(-1, sent_idx - 4), -1):
        places = [m for m in ctx.mentions_in_sent(si, "Place")
                  if ctx.entity(m.entity).name.lower() not in COUNTRIES
                  and not (si == sent_idx and m.chunk == chunk and m.start >= tok.i)]
        if places:
            return [max(places, key=lambda m: m.char).entity]
    return []


def _same_day(tok: Token, gov: Token | None) -> bool:
    for t in (tok, gov):
        if t is None:
            continue
        for c in t.children:
            if c.dep_ in ("prep", "npadvmod") and any(g.lower_ in ("day", "evening", "morning") and any(
                    d.lower_ in ("same", "that") for d in g.children) for g in ([c] + list(c.children))):
                return True
    return False



def _outer_verb(v: Token, for_subject: bool = False) -> Token | None:
    """The verb of the clause ``v`` depends on, or None: "will travel to Denver to meet" (xcomp,
    advcl), "will have the opportunity to meet" (a clause on the object of "have"). Looking for
    a subject, a coordinated verb's counts too and a clause with a subject of its own stops."""
    if v.dep_ in (("xcomp", "advcl", "conj") if for_subject else ("xcomp", "advcl")) and v.head.i != v.i \
            and v.head.pos_ in ("VERB", "AUX"):
        return v.head
    if v.dep_ in ("acl", "relcl") and v.head.dep_ in ("dobj", "attr") and v.head.head.pos_ in ("VERB", "AUX") \
            and not (for_subject and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)):
        return v.head.head
    return None


def _office_antecedent(ctx: Context, chunk: int, pron: Token, sent_idx: int, _chain: int = 0) -> str | None:
    """The office a "he"/"she" stands for when no person is its antecedent: the last bare office
    ("the Vice President's schedule …  On Friday, she is going to meet …") in this sentence before
    it or in the six before."""
    if resolve_pronoun(ctx, chunk, pron, sent_idx) is not None:
        return None
    for si in range(sent_idx, max(-1, sent_idx - 7), -1):
        ci, sent = ctx.sents[si]
        if ci != chunk:
            break
        subj = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if si < sent_idx and subj and subj[0].lower_ == pron.lower_ and _chain < 3:
            return _office_antecedent(ctx, chunk, subj[0], si, _chain + 1)  # "He … . He will …"
        offices = [o for t in sent if (si < sent_idx or t.i < pron.i) and ctx.entity_at(ci, t, "Person") is None
                   for o in [bare_office(t)] if o]
        if offices:
            return offices[-1]
    return None


def _bare_offices(ctx: Context, chunk: int, tok: Token, gov: Token | None, sent_idx: int = -1) -> list[str]:
    """Offices among an event word's subjects, possessors and "with" objects that no mention of the
    document stands for ("the President will travel to …", "the President's call with …"), and
    the office a subject pronoun stands for."""
    found: list[str] = []
    verbs = [v for v in (tok, gov) if v is not None and v.pos_ in ("VERB", "AUX")]
    for v in list(verbs):  # "will travel to Denver to meet …": the subject of the clause it depends on
        for _ in range(4):
            v = _outer_verb(v, for_subject=True)
            if v is None:
                break
            verbs.append(v)
    cands = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    cands += [c for c in tok.children if c.dep_ == "poss"]
    # "will join the Vice President", "met the President": the object of an encounter verb
    cands += [c for v in verbs for c in v.children if c.dep_ == "dobj"
              and v.lemma_.lower() in ("join", "accompany", "meet", "host", "welcome", "receive", "brief")]
    cands += [g for v in [tok, *verbs] for c in v.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
              for g in c.children if g.dep_ == "pobj"]
    for c in cands:
        for t in [c, *[x for x in c.conjuncts]]:
            if ctx.entity_at(chunk, t, "Person") is None:
                office = bare_office(t)
                if office is None and sent_idx >= 0 and t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass"):
                    office = _office_antecedent(ctx, chunk, t, sent_idx)
                if office and office not in found:
                    found.append(office)
    return found


def _in_progress(tok: Token) -> bool:
    """"am traveling", "are meeting": an encounter happening as the text is spoken or written."""
    return tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("am", "is", "are", "'m", "’m", "'re", "’re")
                                     for c in tok.children)


def _is_negated(tok: Token) -> bool:
    """Negated itself or in the clause it completes ("I'm not going to get into negotiations")."""
    for _ in range(3):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        # "has no plans to speak with X", "there are no plans for a meeting with Y": none planned
        plan = tok.head if tok.dep_ == "acl" else tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else None
        if plan is not None and plan.lemma_.lower() in ("plan", "intention", "intent") and any(
                c.dep_ == "det" and c.lower_ == "no" for c in plan.children):
            return True
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _principal_only(ctx: Context, chunk: int, sent: Span, sent_idx: int, key: str) -> bool:
    """Whether every mention of ``key`` in the sentence names someone's principal: "President X's
    Head of Cabinet Y" (Y meets; X is not there). ("Y, Head of Cabinet to President X" reads like
    "A, Assistant to the President B", where B is the aide: not told apart here.)"""
    found = False
    mine = [m for m in ctx.mentions_in_sent(sent_idx, "Person") if m.entity == key and m.chunk == chunk and m.start >= 0]
    for m in mine:
        if any(o is not m and o.start <= m.start and m.end <= o.end for o in mine):
            continue  # ("Leyen" inside "Ursula von der Leyen")
        found = True
        doc = sent.doc
        after = list(doc[m.end:m.end + 8])
        nxt = next((i for i, t in enumerate(after) if ctx.entity_at(chunk, t, "Person") not in (None, key)), None)
        between = after[1:nxt] if nxt else []
        if after and after[0].lower_ in ("'s", "’s") and between and any(is_title_head(t) for t in between) \
                and all(t.is_title or t.lower_ in ("of", "for", "the") for t in between) \
                and not any(_kind_of(t) or t.lower_ == "with" for t in between):
            continue  # "X's Head of Cabinet Y" (not "X's Call with President Y")
        return False
    return found


def _trip_of(tok: Token) -> Token | None:
    """The travel verb an event verb is the purpose of ("will travel to X on <date> to meet …"),
    or None."""
    if tok.pos_ != "VERB":
        return None
    h = tok.head
    if tok.dep_ == "acl" and h.ent_type_ == "DATE" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        while h.ent_type_ == "DATE" and h.head.i != h.i:  # (the parser hung "to meet" on the trip's date)
            h = h.head
    elif tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
        # "will travel to Luanda, Angola, where he will meet …": up from the destination to the trip
        for _ in range(4):
            if h.pos_ == "VERB" or h.head.i == h.i or h.dep_ not in ("pobj", "prep", "appos", "conj", "compound"):
                break
            h = h.head
    elif tok.dep_ not in ("advcl", "xcomp"):
        return None
    if h.pos_ == "VERB" and h.lemma_.lower() in ("go", "head", "return") and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.children)
            for c in h.children):
        return h  # "went to Saudi Arabia to discuss …": going somewhere is a trip there
    return h if h.pos_ == "VERB" and _kind_of(h) == "Visit" else None


def _planned(tok: Token, gov: Token | None) -> bool:
    if tok.tag_ == "VBD" and tok.pos_ == "VERB":
        return False  # "I will just convey to you that he called President X this afternoon": done
    # "he'll have a chance to meet …", "will travel to Denver to meet …": the clause's own tense
    around = [tok, gov] + [_outer_verb(t) for t in (tok, gov) if t is not None]
    # "will visit the region and attend a summit": a verb joined to another shares its tense
    around += [t.head for t in (tok, gov) if t is not None and t.dep_ == "conj" and t.pos_ == "VERB"
               and t.head.pos_ == "VERB" and not any(c.dep_ in ("aux", "nsubj") for c in t.children)]
    if gov is None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        around.append(tok.head)  # "will hold his first meeting with …": its verb's tense, whoever's it is
    if gov is None and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        around.append(tok.head.head)  # "will join X during his visit": the visit is ahead too
    for t in around:
        if t is None:
            continue
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PLANNED_MARKS for c in t.children):
            return True
        if t.tag_ == "VBG" and any(c.dep_ == "advcl" and c.tag_ in ("VBP", "VBZ") and any(
                g.lower_ in ("when", "once", "after") for g in c.children) for c in t.children):
            return True  # "I'm talking with the Secretary when we get home": a present that is ahead
        if t.dep_ in ("xcomp", "advcl") and t.head.lemma_ in ("plan", "agree", "expect", "intend", "hope", "want", "schedule",
                                                         "prepare", "seek", "invite", "ask", "direct", "task"):
            return True
        # "I'm going to have that conversation with him", "is set to meet", "travels to X tomorrow"
        if t.dep_ == "xcomp" and (t.head.lower_ == "going" and t.head.tag_ == "VBG" or t.head.lemma_ == "set"):
            return True
        if t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBP") and any(c.lower_ in ("tomorrow", "tonight") for c in t.children):
            return True
        # "the meeting/visit tomorrow": the noun's own time
        if t.pos_ == "NOUN" and any(c.lower_ in ("tomorrow",) for c in t.children):
            return True
        if any(c.dep_ == "amod" and c.lower_ in _PLANNED_WORDS for c in t.children):
            return True
        if t.lemma_ in ("schedule", "plan", "propose") or any(c.lemma_ in ("schedule", "plan") for c in t.children):
            return True
        # a headline's infinitive: "President X to Welcome President Y", "… to Travel to Ohio"
        if t.pos_ == "VERB" and t.dep_ == "ROOT" and t.text[:1].isupper() and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return True
    return False



def _verb_participants(ctx: Context, chunk: int, tok: Token, sent_idx: int,
                       kind: str) -> tuple[list[str], Token | None] | None:
    """Attendees of an event verb (subjects and objects of meet/talk/call/visit/host...), or
    None when the verb names no event here ("discussed the issues", "called on X to")."""
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_VERBS and lemma not in EVENT_VERBS and kind != "PressConference":
        return None
    if lemma in ("meet", "visit", "receive", "host", "welcome") and not _encounter_object(ctx, chunk, tok):
        return None  # "meet the needs", "meet this moment", "visit HealthCare.gov", "receive an award"
    if lemma == "call" and (any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for", "out", "up", "back", "to")
                                # (right after the verb: "called on Congress", not "called X on Friday")
                                and (c.dep_ == "prt" or c.i == tok.i + 1)
                                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                                for c in tok.children) or any(c.dep_ == "ccomp" or c.dep_ == "oprd" and (
                                    c.ent_type_ != "PERSON" or any(d.dep_ == "dobj" for d in tok.children))
                                                              for c in tok.children)
                            or any(c.dep_ in ("npadvmod", "attr") and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")
                                   for c in tok.children)):
        # "call on Congress to", "call for", "we called him Grandpa", "I should call you “Senator”":
        # a demand or a name, not a call
        return None
    if lemma == "welcome" and any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in _JOINED for g in c.children)
                                  for c in tok.children):
        return None  # "proud to welcome John to the team": someone joins, no one meets
    if lemma == "join" and any(c.dep_ == "dobj" and ctx.entity_at(chunk, c, "Organization") for c in tok.children):
        return None  # "joined the Department of Justice in 2004": a career, not an encounter
    if lemma == "travel" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children):
        return None  # "has been traveling the country": going around, no visit to anyone or anywhere
    if lemma == "welcome" and (any(c.lower_ == "please" for c in tok.children) or tok.i == tok.sent.start
                               or tok.tag_ == "VB" and not any(c.dep_ == "aux" for c in tok.children)):
        return None  # "Please welcome …": introducing a speaker, not a meeting
    if lemma == "welcome" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("want", "like", "love"):
        return None  # "I want to welcome John Roe": greeting someone in a speech, not a meeting
    if lemma in ("meet", "talk", "speak", "visit", "host", "call") and _many_unnamed(ctx, chunk, tok):
        return None  # "I met with many leaders in the UK", "has met with dozens of mayors": many occasions
    subj = _subjects(ctx, chunk, tok, sent_idx)
    if lemma in _WITH_ONLY:  # "discussed details of contacts with Biden" is no meeting
        objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                for p in _persons_in(ctx, chunk, c)]
    else:
        objs = _objects(ctx, chunk, tok, sent_idx)
    # (not the subject of a second clause the parser ran into the object: "A will visit Chicago and
    # Secretary B will visit …")
    second = {k for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.left_edge.i > tok.i + 1
              for k in [ctx.entity_at(chunk, tok.doc[c.left_edge.i - 1], "Person")] if k}
    objs = [o for o in objs if o not in second]
    if lemma in ("travel", "go", "fly", "head"):
        # "will travel to London for engagements with King X and Prime Minister Y": whom the trip meets
        objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj" and (_kind_of(g) or g.lemma_.lower() in (
                     "engagement", "consultation", "discussion"))
                 for w in g.children if w.dep_ == "prep" and w.lower_ == "with" for p in _persons_in(ctx, chunk, w)]
    if lemma in ("sit",) and not objs:
        return None
    if lemma in ("meet", "talk", "confer") and len(subj) + len(objs) < 2:
        subj += _left_persons(ctx, chunk, tok)
    subj = list(dict.fromkeys(subj))  # "The President talked about …" found twice is still one person
    by_phone = any(c.dep_ == "prep" and c.lower_ in ("by", "over", "via") and any(
        g.lower_ in ("phone", "telephone", "video", "videoconference", "videolink") for g in c.children)
        for c in tok.children)
    if kind == "PressConference":
        objs = []
    elif lemma in _NEEDS_PERSON_OBJECT and not objs and len(subj) < 2 and not (by_phone and subj) \
            and not any(c.dep_ == "dobj" and bare_office(c) for c in tok.children):
        return None  # ("will join the Vice President": the office's holder, found in resolution)
    elif lemma in _NEEDS_PERSON_OBJECT and not objs and not by_phone and tok.dep_ in ("xcomp", "advcl") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and _kind_of(c) for c in tok.head.children):
        return None  # "A and B hosted a roundtable to discuss …": the purpose of the roundtable, no talks of their own
    if lemma == "visit" and not objs and not subj and not any(
            c.dep_ in ("nsubj", "nsubjpass") and bare_office(c) for c in tok.children):
        return None  # (but "the President will visit Ponce": the office's holder, found in resolution)
    return subj + objs, None


# common nouns for people and groups of them: an encounter's object ("met with local leaders")
_PEOPLE_NOUNS = frozenset("""
people person leader leaders official officials member members representative representatives delegation
delegations group groups family families student students worker workers veteran veterans troops soldier
soldiers counterpart counterparts team teams staff crew survivors victims community communities parent parents
child children kid kids youth farmer farmers owner owners advocate advocates activist activists expert experts
lawmaker lawmakers legislator legislators governor governors mayor mayors senator senators ceo ceos executive
executives partner partners ally allies audience crowd participant participants guest guests host hosts friend
friends citizen citizens resident residents personnel servicemembers responders athletes
champions players coach coaches
""".split())


def _things_before(ctx: Context, chunk: int, pron: Token) -> bool:
    """Whether the nearest plural noun before "them" in its sentence names things, not people
    (no person, title or group of people): what "them" stands for."""
    for t in reversed(pron.doc[pron.sent.start:pron.i]):
        if t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "PERSON":
            return not (t.ent_type_ in ("PERSON", "NORP", "ORG") or ctx.entity_at(chunk, t) is not None
                        or is_title_head(t) or t.lemma_.lower() in _PEOPLE_NOUNS or t.lower_ in _PEOPLE_NOUNS)
    return False


def _encounter_object(ctx: Context, chunk: int, verb: Token) -> bool:
    """Whether a meet/visit/receive/host verb's direct object (if any) is someone or somewhere:
    a person, an organisation's people, a place, a group of people — not a need or a moment."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    if not objs:
        return True
    for o in objs:
        if re.search(r"\w\.(?:gov|com|org|net|edu)\b", o.text, re.I):
            continue  # a website is visited, not met
        # ("welcomed the Prime Minister's intent": a possessor is met only on a visit, "visited X's
        # home"; "welcomed the launch of the Declaration by … Zelenskyy": for welcome, receive and
        # host only the object's own words count, not a name deep inside it)
        deps = ("compound", "poss", "pobj", "appos", "conj") if verb.lemma_.lower() == "visit" else \
            ("compound", "pobj", "appos", "conj")
        # (the "of" of "the leaders of X", not of "welcomed the participation of X in the summit")
        people_head = is_title_head(o) or o.lemma_.lower() in _PEOPLE_NOUNS or o.pos_ == "PROPN"
        near = list(o.subtree) if verb.lemma_.lower() in ("meet", "visit") else \
            [o, *o.children, *(g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" and people_head
                               for g in c.children)]
        # what one receives is a person: "received her J.D.", "received an mRNA vaccine, Pfizer or
        # Moderna", "receive Global Fund grants" are no visits
        received = verb.lemma_.lower() == "receive"
        k = ctx.entity_at(chunk, o)
        if k is not None and (not received or ctx.entity(k).type == "Person"):
            return True
        for t in near:
            if t.dep_ not in deps or (t.dep_ == "pobj" and t.head.lower_ not in ("of", "from")):
                continue  # ("meet the agency's transition to a future in Washington": no one met)
            k = ctx.entity_at(chunk, t)
            if k is not None and (verb.lemma_.lower() == "visit" or ctx.entity(k).type != "Place") \
                    and (not received or ctx.entity(k).type == "Person"):
                return True
        if o.lower_ == "them" and _things_before(ctx, chunk, o):
            continue  # "grows to meet our needs – and we are meeting them": the needs, no one
        if o.pos_ == "PROPN" and not received or o.lower_ in ("him", "her", "them", "us", "me", "you"):
            return True
        if o.lemma_.lower() in _PEOPLE_NOUNS or o.lower_ in _PEOPLE_NOUNS or o.lemma_.lower() in TITLE_HEADS:
            return True
        if verb.lemma_.lower() == "visit" and o.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    return False


# verbs whose object, not subject, does what follows ("sent X to represent us", "asked X to lead")
_SENDING = frozenset("send dispatch ask invite urge encourage appoint designate nominate direct task".split())

# verbs whose subject tells of an encounter rather than attends it ("I can confirm that meeting")
_REPORTING = frozenset("confirm announce preview describe detail characterize deny read report note walk explain "
                       "recap summarize summarise".split())  # ("here to walk you through the call")

# what one is welcomed into when one joins it
_JOINED = frozenset("team administration staff family board cabinet fold club campaign organization office".split())

# adverbs of a recurring encounter, which names no one occasion ("shall meet regularly")
_RECURRING = frozenset("regularly periodically routinely annually monthly weekly quarterly frequently often "
                       "twice thrice repeatedly".split())  # ("has twice traveled to Warsaw": two visits, no one)


def _joined_event(events: list[EventRec], tok: Token, gov: Token | None, sent_idx: int) -> EventRec | None:
    """The event told in the two sentences before that "the event" / "the meeting" someone
    joined or attended refers back to, if any."""
    if tok.pos_ != "NOUN" or gov is None or gov.lemma_.lower() not in ("join", "attend") \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) \
            or any(c.dep_ in ("prep", "compound", "amod") for c in tok.children):
        return None  # (not "attended the meeting of the council": another one)
    prior = [e for e in events if e.sents and sent_idx - 2 <= max(e.sents) < sent_idx
             and _kind_group(e.kind) == "m" and e.participants]
    return prior[-1] if prior else None


def _recurring(tok: Token) -> bool:
    """"The Commission shall meet on a regular basis": a rule or a habit, not an encounter."""
    # ("have met with or spoken to each other more than 10 times": the count may hang on a conjunct)
    linked = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"] + \
        ([tok.head] if tok.dep_ == "conj" and tok.head.pos_ == "VERB" else [])
    for t in (tok, tok.head if tok.dep_ in ("xcomp", "dobj") else tok, *linked):
        if any(c.dep_ == "aux" and c.lower_ == "shall" for c in t.children):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in _RECURRING for c in t.children):
            return True
        # (the parser may hang the count on a preposition: "spoken to each other more than 10 times")
        counts = [c for c in t.children if c.dep_ == "npadvmod"] + \
            [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(c.lower_ == "times" and any(
                g.lower_ in ("many", "several", "multiple", "numerous", "countless", "every", "each")
                or g.dep_ == "nummod" for g in c.children) for c in counts):
            return True  # "has discussed this many times with …", "met three times"
        if any(c.dep_ == "prep" and any(g.lower_ == "basis" for g in c.children) for c in t.children):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in ("year", "decade", "century")
                                                            for g in c.children) for c in t.children):
            return True  # "where the House met for 50 years"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("rounds", "series"):
        return True  # "held several rounds of phone calls with partners in A, B and C"
    if tok.lemma_.lower() in ("travel", "visit", "go") and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children) \
            and sum(1 for c in tok.children if c.dep_ == "prep" and c.lower_ == "to") >= 2:
        return True  # "I have travelled to Djibouti, to Somalia, to Kenya …": a career's trips
    if tok.lemma_.lower() == "travel" and tok.tag_ in ("VBD", "VBN") and not any(t.ent_type_ == "DATE" for t in tok.sent) \
            and not any(c.dep_ == "aux" and c.lower_ in _PLANNED_MARKS for c in tok.children):
        # "traveled to Guatemala, Mexico, and Honduras" with no day: trips of a record, not one tour
        dests = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if dests and sum(1 for t in dests[0].subtree if t.dep_ == "conj" and t.ent_type_ == "GPE") >= 2:
            return True
    # "in every encounter with …", "each meeting": all of them, no one occasion
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("every", "each", "any") for c in tok.children)


_BIOGRAPHY = re.compile(
    r"(?i)\b(?:(?:his|her|their) (?:career|tenure)|prior to (?:joining|serving|that|his|her|their)|before joining|"
    r"years of experience|experience in|while (?:seeking|earning|pursuing|studying)|"
    r"during (?:his|her|their) time|(?:received|earned) (?:his|her|their) (?:[A-Z]\.|[\w.]+ degree))")


def _with_a_group_only(ctx: Context, chunk: int, verb: Token) -> bool:
    """The one spoken with is a plural group, no one named: "spoke with Governors, Senators and Mayors"
    (many conversations; the subjects did not speak with each other)."""
    withs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    if not withs:
        # ("have spoken with and coordinated closely with Governors": the object hangs on the conjunct)
        withs = [g for v in verb.children if v.dep_ == "conj" and v.pos_ == "VERB" for c in v.children
                 if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        if not withs or not any(c.dep_ == "prep" and c.lower_ == "with" and not list(c.children) for c in verb.children):
            return False
    return all(g.tag_ in ("NNS", "NNPS") and not any(t.tag_ == "NNP" and ctx.entity_at(chunk, t, "Person")
                                                   for t in g.subtree) for g in withs)


_STAGE = frozenset("stage podium lectern microphone mic platform dais".split())


def _introduced(tok: Token) -> bool:
    """"Please welcome to the stage X", "welcome X to the podium": a speaker introduced, no encounter."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ("welcome", "invite", "bring") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "up", "onto") and any(g.lemma_.lower() in _STAGE for g in c.subtree)
        for c in tok.children)


def _introduced_people(ctx: Context) -> list[str]:
    """Whom a speaker brings on in remarks: "Please welcome Governor X", "I present President Y!",
    "let me introduce Z", "join me in welcoming W": they are at the occasion the remarks are of."""
    out: list[str] = []
    for si, (chunk, sent) in enumerate(ctx.sents):
        for t in sent:
            if t.pos_ != "VERB" or t.lemma_.lower() not in ("welcome", "introduce", "present"):
                continue
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            bringing = _introduced(t) or any(c.lower_ == "please" for c in t.children) \
                or t.tag_ in ("VB", "VBP") and subj and subj[0].lower_ == "i" and t.lemma_.lower() != "welcome" \
                or t.dep_ in ("xcomp", "pcomp") and t.head.lemma_.lower() in ("let", "join", "in") \
                and (t.lemma_.lower() != "welcome" or t.head.lower_ == "in")
            if not bringing:
                continue
            for c in t.children:
                if c.dep_ in ("dobj", "oprd", "attr", "npadvmod") or c.dep_ == "prep" and c.lower_ == "to":
                    out += [k for k in _persons_in(ctx, chunk, c) if k not in out]
    return out


def _call_me(tok: Token) -> bool:
    """"Call me directly", "I told them to call me": an invitation to call, no call."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ("call", "phone") and tok.tag_ == "VB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
        and any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in tok.children)


def _biographical(sent: Span) -> bool:
    """A line of someone's biography ("Prior to joining …, she led …", "While seeking her degree,
    she traveled throughout Alaska", "has years of experience in trade negotiations"): a career
    told, no encounter."""
    return bool(_BIOGRAPHY.search(sent.text))


_ON_THIS_FLIGHT = re.compile(r"(?i)\b(?:on|during|aboard) (?:this|the) flight\b")


def _date_before_when(doc: Doc, tok: Token) -> str | None:
    """"in September when I traveled to Vietnam": the date the "when" clause of the event word
    explains, told right before it."""
    if tok.pos_ != "VERB" or tok.dep_ != "advcl":
        return None
    when = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None:
        return None
    for c in tok.head.children:
        if c.dep_ == "prep" and c.i < when.i and when.i - c.right_edge.i <= 1:
            span = next((e for e in doc.ents if e.label_ == "DATE" and c.i < e.start and e.end <= c.right_edge.i + 1), None)
            if span is not None:
                return span.text
    return None


def _dated_at(events: list[EventRec], places: list[str], planned: bool, sent_idx: int) -> EventRec | None:
    """"Today, X will travel to Madison. In Madison, X will meet …": the dated event told in the two
    sentences before at the same place, whose day an undated one there shares."""
    return next((e for e in reversed(events) if e.date and e.planned == planned and e.sents
                 and sent_idx - 2 <= e.sents[-1] < sent_idx and set(places) & set(e.locations)), None)


def _dated_here(tok: Token) -> bool:
    """A date hangs on the event word itself ("welcoming X … on March 10, 2022")."""
    return any(t.ent_type_ == "DATE" for c in tok.children if c.dep_ in ("prep", "npadvmod", "tmod")
               for t in c.subtree)


def _looks_forward(tok: Token) -> bool:
    """"look forward to meeting", "hope to meet": a hope, not a planned encounter."""
    for a in [tok, *list(tok.ancestors)[:4]]:
        if a.lemma_ == "look" and any(c.lower_ == "forward" for c in a.children):
            return True
        # (the lemmatizer makes "hoping" "hop")
        if (a.lemma_ in ("hope", "wish") or a.lower_ in ("hoping", "hoped", "hopes")) and a.pos_ == "VERB":
            return True
    return False


def _noun_participants(ctx: Context, chunk: int, tok: Token, sent: Span,
                       sent_idx: int) -> tuple[list[str], Token | None] | None:
    """Attendees of an event noun and the verb that governs it ("X held talks with Y", "said at a
    news conference", "on the sidelines of", "his meeting with"), or None when negated."""
    gov: Token | None = None
    participants = _objects(ctx, chunk, tok, sent_idx)
    # "Putin and Biden held talks", "said at a news conference", "on the sidelines of"
    h = tok.head
    path = [tok]
    if any(_is_person_possessor(ctx, chunk, c) for c in tok.children):
        h = tok  # "his meeting with EU leaders": the possessor is the attendee, not the outer subject
    budget = 4
    while h.i != h.head.i and h.pos_ in ("ADP", "NOUN", "PROPN") and budget > 0 and h.dep_ in ("pobj", "prep", "dobj", "compound"):
        path.append(h)
        if not (h.lower_ in _SIDELINES or (h.pos_ == "NOUN" and _kind_of(h))):
            budget -= 1  # "on the sidelines of", another event word: keep climbing
        if h.pos_ == "NOUN" and any(_is_person_possessor(ctx, chunk, c) for c in h.children):
            # "his attendance at the summit": the possessor attended
            participants += _objects(ctx, chunk, h, sent_idx)
            break
        if h.pos_ == "NOUN" and h.lemma_.lower() in ("participation", "attendance", "presence"):
            # "the participation of Prime Minister X in the summit": X took part
            participants += [p for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in _persons_in(ctx, chunk, c)]
            break
        h = h.head
    if h.pos_ == "ADJ" and h.dep_ == "acomp" and h.lower_ in ("grateful", "thankful") and path[-1].lower_ == "for":
        path.append(h)  # "I am grateful for this meeting with …": the one grateful was there
        h = h.head
    if h.pos_ in ("VERB", "AUX") and (tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr")
                                      or h.lemma_ in _GOVERNING or path[-1].dep_ == "prep"):
        gov = h
        if h.lemma_ in SPEECH_VERBS and path[-1].lower_ not in ("at", "during", "in", "on") \
                and h.lemma_ not in EVENT_VERBS and not (path[-1] is tok and tok.dep_ == "dobj") \
                or h.lemma_ == "include" and h.dep_ == "prep":
            # "Following the visit, X said": a speaker, not an attendee; "to discuss cooperation,
            # including at the last council meeting": an example, not the subject's meeting
            gov = None
        elif not _is_negated(h):
            if h.lemma_.lower() not in _REPORTING:  # "I can confirm that meeting": the speaker reports it
                participants += _subjects(ctx, chunk, h, sent_idx)
            participants += [p for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                             for p in _persons_in(ctx, chunk, c)]
            if tok.dep_ == "dobj" and _with_someone(tok):
                participants += _loose_appositions(ctx, chunk, h)  # "held a call with the Minister, X,"
            if h.lemma_ in ("tell", "inform", "brief", "assure", "warn") and path[-1].lower_ in ("in", "at", "during"):
                # "Lavrov told Putin in a televised meeting": the one told was there too
                participants += [p for c in h.children if c.dep_ in ("dobj", "dative")
                                 for p in _persons_in(ctx, chunk, c)]
            if h.lemma_ == "join" and any(c.dep_ == "dobj" and ctx.entity_at(chunk, c, "Organization") for c in h.children):
                return None  # "joined the Department of Justice through its Honors Program": a career
            if h.lemma_ in ("see", "host", "welcome", "receive", "greet") and path[-1].dep_ == "prep":
                # "to see you again at the Leaders Summit": the one seen was there too
                participants += [p for c in h.children if c.dep_ == "dobj" for p in (
                    _first_person(ctx, chunk, c) if c.lower_ in _FIRST_PERSON | {"you"} else
                    [resolve_pronoun(ctx, chunk, c, sent_idx)] if c.lower_ in _PRONOUNS else
                    _persons_in(ctx, chunk, c)) if p]
            if tok.lower_ == "briefing" and h.lemma_ == "receive":
                # "received a briefing from Advisor X": who briefed was there
                participants += [p for w in (tok, h) for c in w.children if c.dep_ == "prep" and c.lower_ == "from"
                                 for p in _persons_in(ctx, chunk, c)]
            if h.lemma_ in ("accompany", "attend", "join"):
                participants += [p for c in h.children if c.dep_ in ("dobj", "agent") for p in _persons_in(ctx, chunk, c)]
        else:
            return None
    if gov is None and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "on", "for") \
            and tok.head.head.lemma_ in ("join", "accompany") and not _is_negated(tok.head.head):
        # "Speaker X will join Coordinator Y during his visit to Z": who joins the visit is on it
        j = tok.head.head
        participants += _subjects(ctx, chunk, j, sent_idx)
        participants += [p for c in j.children if c.dep_ == "dobj" for p in _persons_in(ctx, chunk, c)]
    if tok.lower_ in ("delegation", "delegations"):
        # "the delegation accompanying X, including A, B" / "the delegation includes: A, B"
        participants += _persons_in(ctx, chunk, tok, skip_clauses=False)
        right = list(sent.doc[tok.i + 1:sent.end])
        if any(t.lemma_ in ("include", "comprise", "consist") or t.text == ":" for t in right[:8]):
            participants += [k for t in right for k in [ctx.entity_at(chunk, t, "Person")] if k]
        if tok.dep_ == "nsubj" and tok.head.lemma_ in ("include", "comprise", "consist"):
            participants += [p for c in tok.head.children if c.dep_ in ("dobj", "attr", "prep")
                             for p in _persons_in(ctx, chunk, c)]
    return participants, gov


def _kind_group(kind: str) -> str:
    """Calls, press conferences and in-person encounters: mentions of one kind may be one event."""
    return "c" if kind == "Call" else ("p" if kind == "PressConference" else "m")


def _in_a_title(tok: Token) -> bool:
    """A capitalised event verb inside a name or a quoted title ("on “Meet the Press”", "Call of
    Duty"): a work's name, not an encounter."""
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_sent_start and tok.dep_ == "pobj" \
            and tok.head.lower_ in ("for", "of", "to", "on") and is_title_head(tok.head.head) and tok.head.head.text[:1].isupper() \
            and tok.lower_ not in ("delegation", "delegations"):  # ("Members of the Presidential Delegation:" lists one)
        return True  # "Special Envoy for Compact Negotiations", "Ambassador to the Conference on …": an office
    if tok.pos_ != "VERB" or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    prev = tok.doc[tok.i - 1]
    return tok.ent_type_ in ("WORK_OF_ART", "ORG", "EVENT", "FAC") or prev.text in ("“", '"', "‘", "'")


def _companions(ctx: Context, first: int, before: int) -> list[str]:
    """People said to join or accompany someone in sentences ``first`` … ``before - 1`` ("She was
    joined by A and B", "X, accompanied by Y, …"): the members of a delegation told so far."""
    out: list[str] = []
    for k in range(first, before):
        chunk, sent = ctx.sents[k]
        for t in sent:
            if t.lemma_.lower() in ("join", "accompany") and t.tag_ == "VBN":
                out += [p for c in t.children if c.dep_ == "agent" for p in _persons_in(ctx, chunk, c)]
    return out


def find_events(ctx: Context) -> list[EventRec]:
    """Event mentions of the document, one per event word with at least one named person."""
    published = ctx.document.published
    events: list[EventRec] = []
    carry: tuple[int, str, list[str], list[str]] | None = None  # (sent, kind group, places, dates)
    anchors: list[EventRec] = []  # event words with no named person yet: a participant list may follow
    for sent_idx, (chunk, sent) in enumerate(ctx.sents):
        doc = sent.doc
        found_here = []
        forward: set[int] = set()  # event words of "looks forward to … on <date>": planned
        told_by: dict[int, list[EventRec]] = {}   # event word's token → its events in this sentence
        governed: list[tuple[EventRec, int]] = []  # (noun event, its governing verb's token)
        for tok in sent:
            kind = _kind_of(tok)
            hoped = kind is not None and _looks_forward(tok)
            if hoped and _dated_here(tok):
                hoped = False  # "looks forward to welcoming X to the White House on March 10": a plan
                forward.add(tok.i)
            if kind is None or _is_negated(tok) or hoped or _in_a_title(tok) or _recurring(tok) or _biographical(sent) \
                    or _call_me(tok) or _introduced(tok) \
                    or any(a.lower_ == "according" for a in list(tok.ancestors)[:3]):
                # ("according to the World Economic Forum": a source, not an encounter)
                continue
            found = (_verb_participants(ctx, chunk, tok, sent_idx, kind) if tok.pos_ == "VERB"
                     else _noun_participants(ctx, chunk, tok, sent, sent_idx))
            if found is None:
                continue
            participants, gov = found
            heads = [tok] + ([gov] if gov is not None else [])
            participants = list(participants) + _inviters(ctx, chunk, heads)
            verb = tok if tok.pos_ == "VERB" else gov
            if verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "delegation"
                                        and not _persons_in(ctx, chunk, c) for c in verb.children):
                # "The delegation met with …": the members of the delegation this document told of
                led = [e for e in events if e.trigger == "delegation"]
                if led:
                    participants = led[-1].participants + _companions(ctx, led[-1].sents[0], sent_idx) + list(participants)
            participants = list(dict.fromkeys(p for p in participants if p))
            participants = [p for p in participants if not _principal_only(ctx, chunk, sent, sent_idx, p)]
            if kind in ("Call", "Talks") and tok.pos_ == "VERB" and len(participants) > 1 \
                    and _with_a_group_only(ctx, chunk, tok):
                continue  # "A, B and senior leaders have spoken with Governors and Mayors": many calls, not A with B
            offices = _bare_offices(ctx, chunk, tok, gov, sent_idx)
            org_subjects = []
            if not participants and tok.pos_ == "VERB" and tok.lemma_.lower() in ("meet", "convene", "gather", "talk"):
                # "the NATO–Russia Council met at NATO headquarters": a body meets; people join later
                org_subjects = [k for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                                for t in c.subtree for k in [ctx.entity_at(chunk, t, "Organization")] if k]
            if not participants and not org_subjects and not offices:
                if tok.pos_ != "VERB" and kind in ("Meeting", "Summit", "Call", "Other"):
                    heads = [tok] + ([gov] if gov is not None else [])
                    places, _, date_texts = _places_and_dates(ctx, chunk, doc, heads)
                    planned = _planned(tok, gov)
                    dated = [(resolve_date(d, published, planned), d) for d in date_texts]
                    dated = [d for d in dated if d[0]] or [(None, None)]
                    anchors.append(EventRec(kind=kind, name=tok.text, sents=[sent_idx], trigger=tok.lemma_.lower(),
                                            planned=planned, locations=places, date=dated[0][0], date_text=dated[0][1]))
                continue
            if tok.lower_ in ("delegation", "delegations") and gov is not None and \
                    gov.lemma_.lower() in ("lead", "head", "send") and any(c.dep_ == "prep" and c.lower_ == "to" for c in gov.children):
                kind = "Visit"  # "led a delegation to Tashkent": a trip
            places, orgs, date_texts = _places_and_dates(ctx, chunk, doc, heads, visit=kind == "Visit" or (
                tok.lemma_.lower() in ("welcome", "invite", "host") and tok.pos_ == "VERB"))
            orgs = list(dict.fromkeys(org_subjects + orgs))
            direct = _direct_places(ctx, chunk, tok)
            places = direct + [p for p in places if p not in direct]
            if not places and tok.pos_ == "VERB" and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_ == "be":
                # "she is in Moscow to meet …": where the subject is, there she meets
                places = [k for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                          for g in c.children for k in [ctx.entity_at(chunk, g, "Place")] if k]
            there = None  # the event told before, at the place "there" points back to
            if not places:
                places = _anaphoric_place(ctx, chunk, tok, sent_idx) or (
                    _anaphoric_place(ctx, chunk, gov, sent_idx) if gov is not None else [])
                there = next((e for e in reversed(events) if places and places[0] in e.locations
                              and e.sents[-1] >= sent_idx - 3), None)
            planned = _planned(tok, gov) or tok.i in forward
            date = None
            date_text = None
            for dt in date_texts:
                date = resolve_date(dt, published, planned)
                if date:
                    date_text = dt
                    break
            if date is None and not date_texts and tok.dep_ == "conj" and told_by.get(tok.head.i) and told_by[tok.head.i][0].date \
                    and told_by[tok.head.i][0].planned == planned:
                # "visited Ohio yesterday and met with the Mayor": the day of the verb it is joined to
                date, date_text = told_by[tok.head.i][0].date, told_by[tok.head.i][0].date_text
            if date is None and there is not None and there.date and there.planned == planned:
                date, date_text = there.date, there.date_text  # "On Thursday, … to Dublin. There, he will meet …"
            when_text = _date_before_when(doc, tok) if date is None else None
            if when_text and resolve_date(when_text, published, planned):
                date, date_text = resolve_date(when_text, published, planned), when_text
            if date is None and not planned and published and tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBD", "VBN") \
                    and _ON_THIS_FLIGHT.search(sent.text):
                date, date_text = published, "(on this flight)"  # "while we were on this flight, X spoke with Y"
            near = _dated_at(events, places, planned, sent_idx) if date is None and places else None
            if near is not None:
                date, date_text = near.date, near.date_text
            if not planned and date_text and _AHEAD.search(date_text):
                planned = True  # "the state visit next week", "the summit in the coming days"
            trip = _trip_of(tok)
            if trip is not None and (date is None or not places):
                # "will travel to Israel on Thursday, December 14 … to meet with X": the trip's day
                # and destination are the meeting's
                planned = planned or _planned(trip, None)
                trip_places, _, trip_dates = _places_and_dates(ctx, chunk, doc, [trip], visit=True)
                between = {k for t in doc[min(trip.i, tok.i):max(trip.i, tok.i)]
                           for k in [ctx.entity_at(chunk, t, "Place")] if k}
                if between <= set(trip_places):  # (not "to Poland, … and then to Ukraine to meet")
                    places = places or trip_places
                for dt in trip_dates if date is None else []:
                    date = resolve_date(dt, published, planned)
                    if date:
                        date_text = dt
                        if _RANGE.search(dt):  # a trip of several days: which one is not told
                            date = date[:7]
                        break
            if date is None and not planned and published and _in_progress(tok):
                date, date_text = published, "(in progress)"  # "I'm traveling with …", "we are meeting"
            just_verb = tok if tok.pos_ == "VERB" else gov
            if date is None and not planned and published and just_verb is not None and just_verb.tag_ in ("VBD", "VBN") \
                    and len(set(participants)) > 1 and any(c.dep_ == "advmod" and c.lower_ == "just" for c in just_verb.children):
                date, date_text = published, "(just)"  # "I just spoke with …", "just finished a meeting with …"
            if date is None and not planned and published and ctx.signed and tok.pos_ == "NOUN" \
                    and kind in ("Meeting", "Talks", "Summit") and any(c.dep_ == "det" and c.lower_ == "this" for c in tok.children) \
                    and ctx.voice_at(ctx.chunks[chunk][0] + tok.idx):
                # a leader's "this meeting" in remarks: the one they are at, the day and place they
                # speak (a briefer's "this meeting" is one they announce, elsewhere)
                date, date_text = published, "(this, spoken)"
                if not places and ctx.venue:
                    places = [ctx.venue]
            if date is None and not planned and published and tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP", "VBG") \
                    and any(c.dep_ == "advmod" and c.lower_ == "here" for c in tok.children) \
                    and ctx.voice_at(ctx.chunks[chunk][0] + tok.idx):
                # "it is my pleasure to welcome you here to the Chancellery": the day and place of the speech
                date, date_text = published, "(here, spoken)"
                if not places and ctx.venue:
                    places = [ctx.venue]
            if (date is None or date == published) and not planned and published and ctx.signed and tok.pos_ == "VERB" \
                    and tok.lemma_.lower() in ("welcome", "host", "receive") and tok.tag_ in ("VB", "VBP", "VBG") \
                    and any(c.dep_ == "dobj" and c.lower_ in ("you", "me", "us") for c in tok.children) \
                    and ctx.voice_at(ctx.chunks[chunk][0] + tok.idx):
                # a leader's "we are pleased to welcome you again in Brussels", "thank you for
                # welcoming us today": the arrival the remarks are given at, that day, in their venue
                if date is None:
                    date, date_text = published, "(welcome, spoken)"
                if not places and ctx.venue:
                    places = [ctx.venue]
            if date is None and _same_day(tok, gov):
                prior = [e for e in events if e.date and e.sents[-1] < sent_idx]
                if prior:  # "On the same day, ...": the day of the event just told
                    date, date_text = prior[-1].date, "the same day"
            if date is None and any(_CLOCK.fullmatch(t.strip()) for t in date_texts):
                # "On Thursday, May 23rd, A will host B for two events. At 11:15 AM, A and B will visit
                # …": a schedule's next hour is on the day just told
                prior = [e for e in events if e.date and len(e.date) == 10 and e.sents
                         and sent_idx - 3 <= e.sents[-1] < sent_idx and e.planned == planned]
                if prior:
                    date, date_text = prior[-1].date, prior[-1].date_text
            if date is None and not planned and sent_idx == 0 and published and \
                    ctx.sent_text(0).strip() == ctx.document.title.strip():
                date, date_text = published, "(headline)"  # a headline's event is the day's news
            if kind == "PressConference" and tok.pos_ == "VERB" and tok.lemma_.lower() in ("tell", "say", "talk", "speak") \
                    and not places and date is None:
                continue  # "…, its CEO told reporters": an attribution; "told reporters in Brussels" an occasion
            group = _kind_group(kind)
            if carry and carry[0] == sent_idx - 1 and carry[1] == group:
                places = places or carry[2]
                if not date and carry[3]:
                    date, date_text = carry[3][0], carry[3][1]
            found_here.append(tok)
            refers = _referenced_event(tok) or (_referenced_event(gov) if gov is not None else None)
            groups = [participants]
            if any(c.lower_ in _SEPARATE for c in tok.children) or any(
                    c.dep_ == "prep" and c.lower_ == "with" and any(g.lower_ == "each" for g in c.children)
                    for c in tok.children) or kind == "Call" and tok.pos_ == "VERB" and any(
                    t.lower_ == "both" and t.dep_ in ("preconj", "det", "predet")
                    for c in tok.children if c.dep_ == "dobj" for t in c.subtree):
                # ("I called both A and B": a call each)
                # "held separate press conferences": one each; "will meet separately with A and B":
                # the subject with each of the others
                # ("held separate calls with A and B": the subject of the verb that holds them)
                head = tok if tok.pos_ == "VERB" else gov
                subj = list(dict.fromkeys(p for p in _subjects(ctx, chunk, head, sent_idx) if p in participants)) \
                    if head is not None else []
                others = [p for p in participants if p not in subj]
                groups = [subj + [p] for p in others] if others else [[p] for p in participants]
            joined = _joined_event(events, tok, gov, sent_idx)
            if joined is not None:
                # "Representative X also joined the event": a new attendee of the event just told
                joined.participants += [p for p in participants if p not in joined.participants]
                joined.sents.append(ctx.use(sent_idx))
                continue
            for group in groups:  # "held separate press conferences": one event each
                events.append(EventRec(kind=kind, name=tok.text, participants=group, locations=places,
                                       orgs=orgs, date=date, date_text=date_text, planned=planned,
                                       sents=[ctx.use(sent_idx)], trigger=tok.lemma_.lower(), refers_to=refers,
                                       definite=any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                    for c in tok.children), offices=list(offices)))
                told_by.setdefault(tok.i, []).append(events[-1])
                # only "host X for a breakfast", "held a meeting": not "met on the sidelines of the
                # summit", "met at the summit", where the summit is an occasion of its own
                if tok.pos_ != "VERB" and gov is not None and kind != "Summit" and (
                        tok.dep_ == "dobj" and tok.head.i == gov.i
                        or tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == gov.i):
                    governed.append((events[-1], gov.i))
        # "will host Angela Merkel for a working breakfast at the Residence": the breakfast is the
        # hosting, one event with the host, the guest, the breakfast's place and time
        for ev, g in governed:
            hosts = told_by.get(g, [])
            if len(hosts) == 1 and ev in events and hosts[0] is not ev and _kind_group(ev.kind) == _kind_group(hosts[0].kind):
                h = hosts[0]
                h.participants += [p for p in ev.participants if p not in h.participants]
                h.locations = h.locations or ev.locations
                h.orgs += [o for o in ev.orgs if o not in h.orgs]
                if h.date is None:
                    h.date, h.date_text = ev.date, ev.date_text
                h.kind = ev.kind if h.kind == "Meeting" and ev.kind != "Meeting" else h.kind
                events.remove(ev)
        # "a summit on gun safety hosted by Senator X": the hosting is the summit's, X its host
        for t in sent:
            if t.dep_ != "acl" or t.i not in told_by:
                continue
            h = t.head
            for _ in range(3):  # (up from "safety" of "a summit on gun safety hosted by")
                if h.i in told_by or h.dep_ not in ("pobj", "prep", "compound"):
                    break
                h = h.head
            if len(told_by.get(h.i, ())) == 1:
                noun_ev = told_by[h.i][0]
                for ev in told_by[t.i]:
                    if ev in events and ev is not noun_ev:
                        noun_ev.participants += [p for p in ev.participants if p not in noun_ev.participants]
                        noun_ev.locations = noun_ev.locations or ev.locations
                        events.remove(ev)
        # a verbless fragment of names right after a list of attendees continues that list (a
        # sentence splitter broke "... and the ambassador to the United States. Moscow John Sullivan.")
        if not found_here and events and events[-1].sents[-1] == sent_idx - 1 and events[-1].trigger == "delegation" \
                and not any(t.pos_ in ("VERB", "AUX") for t in sent) and len(sent) <= 8:
            extra = [k for t in sent for k in [ctx.entity_at(chunk, t, "Person")] if k]
            events[-1].participants += [k for k in dict.fromkeys(extra) if k not in events[-1].participants]
        # an event word with a date or place but no named person ("In November 1985, the leaders
        # ... met"): the next sentence's event of the same kind may name the people
        carry = None
        for tok in sent:
            kind = _kind_of(tok)
            if kind and tok not in found_here:
                places, orgs, date_texts = _places_and_dates(ctx, chunk, doc, [tok])
                # (a day told ahead, "On Thursday, May 23rd, … will host … for two events", is this year's)
                dates = [(resolve_date(d, published, _planned(tok, tok.head if tok.pos_ != "VERB" else None)), d)
                         for d in date_texts]
                dates = [d for d in dates if d[0]]
                if places or dates:
                    group = _kind_group(kind)
                    carry = (sent_idx, group, places, dates[0] if dates else ())
                    break
    _participant_lists(ctx, events, anchors)
    for ev in events:
        ev.pattern = ev.pattern or f"{'verb' if ev.trigger in EVENT_VERBS else 'noun'}-{ev.trigger}"
    _trips(ctx, events)
    _hosts_of_visits(events)
    events += _headline_events(ctx, events)
    briefings = [e for e in events if e.pattern == "headline-briefing"]
    if briefings:
        # "Today, we're joined by Drs. A and B" in a briefing's first lines: its briefers, not an
        # occasion of their own
        for e in [e for e in events if e.pattern == "participant-list" and e.trigger == "list" and e.sents
                  and e.sents[0] <= 12 and not e.planned and ctx.voice_at(ctx.sent_starts[e.sents[0]])]:
            briefings[0].participants += [p for p in e.participants if p not in briefings[0].participants]
            briefings[0].sents += [s for s in e.sents if s not in briefings[0].sents]
            events.remove(e)
    _headline_guests(ctx, events)
    events = _join_headline_event(ctx, events)
    for h in events:
        # "Statement … on the Visit of President X" over "On March 29, … will host President X": the
        # headline tells the body's news, on the body's day, not on the day it was published
        if h.date_text == "(headline)" and h.participants and h.kind != "PressConference":
            # (an announcement: the body's planned encounter of the same kind; a briefing's
            # headline is the briefing, whatever its speakers recall)
            told = [e for e in events if e.sents and e.sents[0] > 0 and e.date and not e.date_text.startswith("(")
                    and e.planned and _kind_group(e.kind) == _kind_group(h.kind)
                    and set(h.participants) <= set(e.participants)]
            if told:
                h.date, h.date_text, h.planned = told[0].date, told[0].date_text, told[0].planned
    speakers = list(dict.fromkeys(k for _, _, keys in ctx.voices for k in keys[:1]))
    for ev in events:  # "Press Gaggle by …" under "Aboard Air Force One": the briefing's place
        if ev.kind == "PressConference" and ev.sents and ev.sents[0] == 0:
            if not ev.locations and ctx.venue:
                ev.locations = [ctx.venue]
            # every named speaker of a briefing transcript briefed, not only those the headline names
            ev.participants += [k for k in speakers if k not in ev.participants and not ctx.signed]
    # a question asks; it does not tell that an encounter happened ("Would you meet him?")
    events = [ev for ev in events if not ev.sents or not _is_question(ctx, ev.sents[0])]
    per_sent = Counter(ev.sents[0] for ev in events if ev.sents)
    for ev in events:
        # the sentence's day is the event's only when the sentence tells no other event
        if ev.date is None and ev.sents and (per_sent[ev.sents[0]] == 1 or ev.pattern == "participant-list"):
            _date_from_sentences(ctx, ev)
    # a speaker alone, nowhere, at no time, with nobody ("we meet at a remarkable moment", "I talked
    # about it"): no encounter the text tells. Outside transcripts and statements the place may still
    # come from the dateline or another sentence, so such events stay for resolution to complete
    def spoken(ev: EventRec) -> bool:
        return any(ctx.voice_at(ctx.sent_starts[s]) for s in ev.sents[:1])
    events = [ev for ev in events if len(set(ev.participants)) > 1 or ev.locations or ev.orgs or ev.date
              or ev.kind == "PressConference" or ev.refers_to or ev.definite or not spoken(ev)]
    for ev in events:  # a building an organisation is named after, as where it happened, is a place
        ev.locations = list(dict.fromkeys(ctx.place_for(k) if ctx.entity(k).type == "Organization" else k
                                          for k in ev.locations))
    return events


def _trips(ctx: Context, events: list[EventRec]) -> None:
    """A trip told in a readout is where what its traveller does next happens: "X led a
    delegation to Tashkent … She met with A … The delegation also met with B" are all in Tashkent,
    until the traveller goes somewhere else. A delegation's trip counts the people who joined its
    leader. In a transcript only a trip one turn previews counts, for the planned encounters the
    same turn tells next ("the President will travel to Vilnius … He will hold a bilateral
    meeting with …"): a speaker recalls meetings held anywhere."""
    if not (len(ctx.voices) > 1 or ctx.questions):
        _trip_pass(ctx, events, planned_only=False)
        return
    turns: dict[int, list[EventRec]] = {}
    for ev in events:
        if not ev.sents:
            continue
        start = ctx.sent_starts[ev.sents[0]]
        turn = next((k for k, (s, e, _) in enumerate(ctx.voices) if s <= start < e), None)
        if turn is not None:
            turns.setdefault(turn, []).append(ev)
    for group in turns.values():
        _trip_pass(ctx, group, planned_only=True)


def _retold_visit(events: list[EventRec], ev: EventRec) -> bool:
    """"During her visit she met …": the sentence names the visit again; what she did is the visit."""
    return any(e is not ev and e.kind == "Visit" and e.sents[:1] == ev.sents[:1] and _traveller(e) == _traveller(ev)
               for e in events)


def _hosts_of_visits(events: list[EventRec]) -> None:
    """"X traveled to Kyiv … There, X met with President Y": the one encounter a visit held is with
    the visit's hosts, who take part in it. (With several encounters on one trip, those met in one
    did not meet those met in another, so the trip keeps its travellers only.)"""
    for trip in events:
        if trip.kind != "Visit" or not trip.sents:
            continue
        held = [e for e in events if e.within == trip.sents[0] and e is not trip and e.kind != "Visit"]
        if len(held) == 1:
            trip.participants += [p for p in held[0].participants if p not in trip.participants]


def _traveller(ev: EventRec) -> str | None:
    """Who travels: the first participant, else the office the event names ("the President")."""
    return ev.participants[0] if ev.participants else (f"office:{ev.offices[0]}" if ev.offices else None)


def _trip_pass(ctx: Context, events: list[EventRec], planned_only: bool) -> None:
    trip: EventRec | None = None
    visits: list[EventRec] = []
    for ev in sorted(events, key=lambda e: e.sents[0] if e.sents else 0):
        if ev.kind == "Visit" and ev.locations and _traveller(ev) and (ev.planned or not planned_only):
            # a stop of a trip told before: "will travel to Texas and Nevada" … "to Austin, Texas"
            outer = [v for v in visits if _traveller(v) == _traveller(ev) and len(v.locations) > 1
                     and set(v.locations) & set(ev.locations) and set(v.locations) != set(ev.locations)
                     and v.sents[0] != ev.sents[0]]
            if outer:
                ev.within = outer[-1].sents[0]
            elif trip is not None and ev.date is None and trip.date and len(trip.date) == 10 \
                    and _traveller(trip) == _traveller(ev) and trip.planned == ev.planned \
                    and 0 < ev.sents[0] - trip.sents[0] <= 3 and any(
                        ctx.entity(t).name in ctx.entity(v).name and ctx.entity(t).name != ctx.entity(v).name
                        for t in trip.locations for v in ev.locations):
                # "Tomorrow, A will travel to Fort Worth, Texas …  They will visit the Fort Worth VA
                # Clinic": a place inside the trip's, told just after it, is a stop on that day
                ev.within, ev.date, ev.date_text = trip.sents[0], trip.date, trip.date_text
            visits.append(ev)
            trip = ev
            if ev.trigger == "delegation" and not planned_only:
                ev.participants += [p for p in _companions(ctx, ev.sents[0], len(ctx.sents)) if p not in ev.participants]
            continue
        who = _traveller(trip) if trip is not None else None
        goes = who is not None and (who in ev.participants or who.startswith("office:") and who[7:] in ev.offices)
        if goes and ev.kind != "Visit" and (not ev.locations or set(ev.locations) <= set(trip.locations)
                                            and not ev.refers_to and not _retold_visit(events, ev)) \
                and (ev.planned or not planned_only) \
                and (ev.planned == trip.planned or ev.sents[:1] == trip.sents[:1]) \
                and (not ev.date or not trip.date or ev.date == trip.date):
            # (a meeting "there", at the trip's own place, was held on it too; "during her visit she
            # met …" is the visit itself, told again)
            ev.locations = ev.locations or list(trip.locations)
            ev.within = trip.sents[0]
            if ev.date is None and trip.date and len(trip.date) == 10 and ev.planned == trip.planned:
                ev.date, ev.date_text = trip.date, trip.date_text  # (held on it: on its day)


# "Participants included A, B and C", "The roundtable featured …", "Lawmakers who attended the
# meeting were:" (then one name a line), "… was joined by A and B": the people of the event just told
_LIST_SUBJECTS = frozenset("participant participants attendee attendees lawmakers members leaders officials "
                           "speakers panelists guests delegation roundtable meeting call discussion convening "
                           "event session program forum".split())


# a clock time alone ("At 11:15 AM"): an hour of a day told elsewhere
_CLOCK = re.compile(r"(?i)(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+[A-Z]{2,4})?")
# a time the text puts after its own day: what happens then has not happened yet (not "the next
# day", which counts from the story's day)
_AHEAD = re.compile(r"(?i)\b(?:tomorrow|tonight|next (?:week|month|year)|(?:the )?coming (?:days|weeks|months)|"
                    r"later (?:today|this (?:week|month|year)))\b")

_RANGE = re.compile(r"(?i)\b(?:to|through|until|and)\b|\d\s*[–-]\s*\d")

_RELATIVE_DAY = re.compile(r"(?i)\b(?:today|tonight|tomorrow|yesterday|last night|(?:(?:later|earlier) )?this (?:morning|afternoon|evening)|"
                           r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b")


def _is_question(ctx: Context, si: int) -> bool:
    """A sentence that asks ("…?"), or a reporter's turn in a transcript."""
    if ctx.sent_text(si).rstrip(" ”\"’").endswith("?"):
        return True
    start = ctx.sent_starts[si]
    return any(s <= start < e for s, e in ctx.questions)


def _date_from_sentences(ctx: Context, ev: EventRec) -> None:
    """An event whose words carry no date takes the day its own sentence gives ("Today, the
    White House hosted …; participants included …"): a DATE entity the publication date resolves."""
    published = ctx.document.published
    order = sorted(ev.sents)[:2]
    if ev.pattern == "participant-list":
        # a list's occasion is told just before it, and a readout's first sentence gives its day
        # ("On Wednesday, the Office … convened …"; then "Participants included: …")
        lead = next((si for si in range(len(ctx.sents)) if ctx.sent_starts[si] >= ctx.document.headline_end), None)
        order += [si for si in (min(ev.sents) - 1, lead) if si is not None and si >= 0 and si not in order]
    for si in order:
        chunk, sent = ctx.sents[si]
        # NER's DATE spans, else the words themselves (a sentence-initial "Today," is often untagged)
        found = [ent.text for ent in sent.ents if ent.label_ in ("DATE", "TIME") and _RELATIVE_DAY.search(ent.text)]
        found += [m.group(0) for m in _RELATIVE_DAY.finditer(sent.text)]
        for text in found:
            d = resolve_date(text, published, ev.planned)
            if ev.planned and d == published and not _AHEAD.search(text) and _AHEAD.search(sent.text):
                continue  # "earlier today, we announced that he'll be traveling next week": not today
            if d and len(d) >= 7:
                ev.date, ev.date_text = d, text
                ev.planned = ev.planned or bool(_AHEAD.search(text))  # ("Tomorrow, … will be greeted by …")
                return
    if ev.sents and ev.pattern != "participant-list":
        dated = _clause_date(ctx, ev)
        if dated:
            ev.date_text, ev.date = dated


# a date with its year: a month alone ("in June") is past or ahead by the tense, which the
# sentence's other verb may not share
_CALENDAR = re.compile(r"(?i)^(?:(?!\bago\b).)*\b(?:1[6-9]\d\d|20\d\d)\b(?:(?!\bago\b).)*$|"
                       r"^(?:(?:earlier|later) )?(?:(?:the )?(?:\w+ )?of )?(?:this|last|next) year$")
_NOT_WHEN = frozenset("since until till by before after from through between of for over within".split())


def _clause_date(ctx: Context, ev: EventRec) -> tuple[str, str] | None:
    """"In 1963, President X welcomed the team … to visit the White House", "his address to the
    summit in January of this year": the one calendar date of the event's sentence, when it hangs
    on the clause that holds the event word (or on a word above it) and tells when, not since,
    until, or which ("the 2024 budget")."""
    chunk, sent = ctx.sents[ev.sents[0]]
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    if len(dates) != 1 or not _CALENDAR.search(dates[0].text.strip()):
        return None
    span = dates[0]
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod", "poss") or root.head.lower_ in _NOT_WHEN \
            or any(t.lower_ in _NOT_WHEN for t in span[:1]):
        return None
    triggers = [t for t in sent if t.lemma_.lower() == ev.trigger]
    anchor = root.head if root.dep_ == "pobj" else root
    while anchor.pos_ not in ("VERB", "AUX", "NOUN", "PROPN") and anchor.head.i != anchor.i:
        anchor = anchor.head
    # the date's word must govern the event word (or be it), within one clause: not another
    # clause's verb, not "… Challenges, which were launched at the Summit", not "his promise in
    # 2023 to create the Games" (a noun's date is its own, its complements' only after a preposition)
    def infinitive(u: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in u.children) and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in u.children)

    def within(t: Token) -> bool:
        path = []
        while t != anchor:
            if t.head.i == t.i:
                return False
            path.append(t)
            t = t.head
        if anchor.pos_ in ("NOUN", "PROPN"):
            return all(u.dep_ in ("prep", "pobj", "compound") for u in path)
        # ("the first team to visit …" is the welcome's; "… in 2023 to create X" a purpose of its own)
        return all(u.dep_ not in ("relcl", "advcl", "ccomp", "parataxis", "acl")
                   or u.dep_ in ("relcl", "acl") and infinitive(u) for u in path)
    if not any(within(t) for t in triggers):
        return None
    d = resolve_date(span.text, ctx.document.published, ev.planned)
    return (span.text, d) if d else None


_HEADLINE_TOPIC = re.compile(r"\s(?:on|about|regarding|to discuss|to Discuss|ahead of|Ahead of)\s")


def _headline_guests(ctx: Context, events: list[EventRec]) -> None:
    """"Readout of X's Meeting with A of France, B of Germany, and C and D of the United Kingdom":
    in a headline everyone named after the event word's "with" is its guest, however the parser
    split the list (up to the topic: "… with B on Trade")."""
    head = ctx.document.headline_end
    if not head:
        return
    headline = ctx.document.text[:head]
    for ev in events:
        if not ev.sents or ev.sents[0] != 0 or not _named_as_noun(ev, headline):
            continue
        m = re.search(rf"\b{re.escape(ev.name)}\s+with\s", headline)
        if m is None:
            continue
        topic = _HEADLINE_TOPIC.search(headline, m.end())
        stop = topic.start() if topic else head
        guests = [mm.entity for mm in sorted(ctx.mentions, key=lambda x: x.char)
                  if mm.entity and m.end() <= mm.char < stop and ctx.entity(mm.entity).type == "Person"]
        ev.participants += [k for k in dict.fromkeys(guests) if k not in ev.participants]


def _named_as_noun(ev: EventRec, headline: str) -> bool:
    """The headline names the event as a noun: a noun's pattern, or a word verbs share after a
    possessive or a kind of call ("Sullivan’s Video Call with …", "X's Visit to …")."""
    return ev.pattern.startswith("noun-") or bool(re.search(
        rf"(?:['’]s|\b(?:Video|Phone|Telephone|Virtual|Secure))\s+{re.escape(ev.name)}\b", headline))


def _join_headline_event(ctx: Context, events: list[EventRec]) -> list[EventRec]:
    """"Readout of President Biden's Meeting with Legislators" and "Today President Biden … met
    with …" tell one meeting: the headline's event joins the body's first event of its kind that
    shares a participant, lending it the day of the news and its place."""
    # only a headline that names the event as a noun, as readouts do; a news headline's verb
    # ("Scholz meets Putin") may sum up several encounters the body tells apart
    head = [e for e in events if e.sents and e.sents[0] == 0 and ctx.document.headline_end
            and _named_as_noun(e, ctx.document.text[:ctx.document.headline_end])]
    if not head:
        return events
    h = head[0]
    body = [e for e in events if e is not h and e.sents and min(e.sents) > 0 and _kind_group(e.kind) == _kind_group(h.kind)
            and set(e.participants) & set(h.participants) and e.planned == h.planned]
    if not body:
        return events
    b = min(body, key=lambda e: min(e.sents))
    b.participants += [p for p in h.participants if p not in b.participants]
    b.locations = b.locations or h.locations
    if b.date is None:
        b.date, b.date_text = h.date, h.date_text
    b.sents = sorted(set(b.sents) | set(h.sents))
    return [e for e in events if e is not h]


# (not "attended by" nor "hosted by": those verbs tell an encounter of their own)
_RAN_BY = frozenset("chair co-chair cochair moderate".split())


def _list_heading(sent: Span) -> bool:
    """"**Participants**" on a line of its own, no colon: the heading of the list below it."""
    words = [t for t in sent if t.is_alpha]
    return 0 < len(words) <= 3 and len(words) == len([t for t in sent if not t.is_space and t.text not in "*_"]) \
        and words[-1].lower_ in ("participants", "attendees", "panelists", "speakers") and "\n" in sent.text \
        and sent.text.strip()[:1].isupper()


def _is_list_sentence(sent: Span) -> bool:
    """"Participants included …", "Attendees were:", "Lawmakers who participated … were:",
    "The roundtable featured …", "… was joined by A and B". Read from the words, not the parse:
    the small model often parses a list of titled names as one long noun phrase."""
    toks = [t for t in sent if not t.is_space]
    words = [t for t in toks if t.is_alpha]
    if sent.text.strip().strip("*_ ").endswith(":") and 0 < len(words) <= 4 and (
            words[-1].lower_ in _LIST_SUBJECTS or plural_title(words[-1].text) or plural_title(words[0].text)):
        return True  # a list's heading: "*Attorneys General:*", "White House participants:", "Governors:"
    if sent.text.strip().strip("*_ ").endswith(":") and 0 < len(words) <= 6 and words[0].lower_ in _LIST_SUBJECTS \
            and len(words) > 1 and words[1].lower_ in ("of", "in", "from", "on"):
        return True  # "Members of the Presidential Delegation:", "Participants in the roundtable:"
    if _list_heading(sent):
        return True
    head = [t.lemma_.lower() for t in toks[:8]]
    for k, lemma in enumerate(head):
        if lemma in _LIST_SUBJECTS or toks[k].lower_ in _LIST_SUBJECTS:
            after = [t.lemma_.lower() for t in toks[k + 1:k + 9]]
            if any(a in ("include", "feature", "comprise", "consist") for a in after[:3]):
                return True
            if any(a in ("participate", "attend", "join") for a in after) and sent.text.rstrip().endswith(":"):
                return True
            if after[:1] == ["be"] and sent.text.rstrip().endswith(":"):
                return True
    for k, t in enumerate(toks):
        if t.lemma_.lower() in ("join", "accompany") and t.tag_ == "VBN" and any(
                u.lower_ == "by" for u in toks[k + 1:k + 10]):
            return True
        # "It was co-chaired by A, B and C", "The meeting was moderated by …": the occasion told
        # before, by a pronoun or an event word, and who ran it
        if t.lemma_.lower() in _RAN_BY and t.tag_ == "VBN" and k + 1 < len(toks) and toks[k + 1].lower_ == "by" \
                and any(u.lemma_ == "be" for u in toks[max(0, k - 4):k]) and (
                    toks[0].lower_ in ("it", "this") or any(_kind_of(u) and u.pos_ == "NOUN" for u in toks[:min(k, 4)])):
            return True
        # "A and B were also in attendance", "C and D also participated"
        if t.lower_ == "attendance" and k and toks[k - 1].lower_ == "in":
            return True
        if t.lemma_.lower() in ("participate", "attend") and t.pos_ == "VERB" and any(
                c.dep_ == "advmod" and c.lower_ == "also" for c in t.children) and not any(
                c.dep_ in ("dobj", "prep") for c in t.children):
            return True
    return False


def _post_of(ctx: Context, m) -> bool:
    """"Susan Rice, Assistant to the President": an office named inside someone's title is not
    one more participant of the list."""
    if m.ner != "TITLE":
        return False
    doc = ctx.chunks[m.chunk][1]
    i = m.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a"):
        i -= 1
    return i >= 0 and doc[i].lower_ in ("to", "of", "for")


def _told_before(pool: list[EventRec], k: int) -> list[EventRec]:
    """Events of ``pool`` told in the six sentences up to sentence ``k`` (press conferences aside)."""
    return [e for e in pool if e.sents and k - 6 <= max(e.sents) <= k and e.kind != "PressConference"]


def _participant_lists(ctx: Context, events: list[EventRec], anchors: list[EventRec]) -> None:
    k = 0
    while k < len(ctx.sents):
        chunk, sent = ctx.sents[k]
        if not _is_list_sentence(sent):
            k += 1
            continue
        people = [m.entity for m in ctx.mentions_in_sent(k, "Person") if m.ner != "TURN" and not _post_of(ctx, m)]
        last = k
        j = k + 1
        # a long list the sentence splitter broke at an abbreviation ("… Dr. Ann Lee, Sen. Bo Ray")
        while j < len(ctx.sents) and not any(t.pos_ in ("VERB", "AUX") for t in ctx.sents[j][1]) \
                and ctx.mentions_in_sent(j, "Person") and "\n" not in ctx.document.text[ctx.sent_starts[j - 1]:ctx.sent_starts[j]]:
            people += [m.entity for m in ctx.mentions_in_sent(j, "Person") if m.ner != "TURN" and not _post_of(ctx, m)]
            last = j
            j += 1
        if sent.text.rstrip().endswith(":") or _list_heading(sent):  # the list follows, one name a line
            j = k + 1
            misses = 0
            while j < len(ctx.sents) and len(ctx.sents[j][1]) <= 25 and misses < 2:
                found = [m.entity for m in ctx.mentions_in_sent(j, "Person") if m.ner != "TURN" and not _post_of(ctx, m)]
                if not found:  # a line NER missed ("State Sen. Ann Roe Doe"): the list may go on
                    misses += 1
                    j += 1
                    continue
                misses = 0
                people += found
                last = j
                j += 1
        people = list(dict.fromkeys(p for p in people if p))
        if people and ctx.signed and any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("we", "i") for t in sent):
            # "We're pleased to be joined by A and B" in a leader's remarks: the speaker is there too (a
            # briefer "joined by" a colleague is the briefing itself)
            people += [k for k in ctx.voice_at(ctx.chunks[chunk][0] + sent[0].idx, plural=True) if k not in people]
        # "A, B and C were joined by D in Lulea, Sweden on May 30": a place or day of its own makes
        # the joining its own occasion, not more guests of the event told before
        own_places, _, own_dates = _places_and_dates(ctx, chunk, sent.doc, [sent.root]) \
            if sent.root.lemma_.lower() in ("join", "accompany") else ([], [], [])
        own_dates = [(d[:7] if _RANGE.search(t) else d, t) for t in own_dates
                     for d in [resolve_date(t, ctx.document.published)] if d]
        if len(people) >= 1:
            # "Lawmakers who participated in the meeting were:": the meeting already told, if any
            # (a list told in the past names a meeting held, not "the next Council meeting" planned)
            told_past = any(t.tag_ == "VBD" for t in sent) and not any(t.lower_ in ("will", "'ll") for t in sent)
            prior = [] if own_places or own_dates else (
                [e for e in _told_before(events, k) if not (told_past and e.planned)] or _told_before(anchors, k))
            named = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN" and t.i > sent.start and (
                t.doc[t.i - 1].lower_ in ("the", "this") or t.i - 2 >= sent.start and t.doc[t.i - 1].tag_ == "POS"
                and t.doc[t.i - 2].lower_ in ("today", "yesterday"))}
            kinds = {_kind_of(t) for t in sent if t.lemma_.lower() in named} - {None}
            earlier = [e for e in events if e.sents and (e.trigger in named or e.kind in kinds) and min(e.sents) < k
                       and not (told_past and e.planned)] if named and not own_places and not own_dates else []
            earlier = [max(earlier, key=lambda e: max(s for s in e.sents if s < k))] if earlier else []
            if earlier and all(e in anchors and min(e.sents) == k for e in prior):
                # "Leaders that participated in today's roundtable included:" ten sentences after
                # the roundtable was told, "… were joined on the call by:": that roundtable or call,
                # however far back (not a new one)
                for e in prior:
                    anchors.remove(e)
                prior = earlier
            if not prior and any(_names_an_event(t) and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "today")
                                                            for c in t.children) for t in list(sent)[:6]):
                # "The discussion included the following participants:" at the end of a long readout:
                # the readout's own encounter, however far back it was told
                prior = [e for e in events + anchors if e.sents and e.kind in ("Meeting", "Summit", "Call", "Talks")][:1]
            if not prior and not own_places and not own_dates and len([t for t in sent if t.is_alpha]) <= 3:
                # a bare "Participants:" heading far below the readout's one encounter: the one
                # its headline tells
                prior = [e for e in events if e.sents and e.sents[0] == 0 and e.kind in ("Meeting", "Summit", "Call", "Talks")][:1]
            if prior:
                target = max(prior, key=lambda e: max(e.sents))
                # "Participants included:" a few sentences after the readout's own meeting and
                # an aside ("… asked X to chair a session with …"): the readout's meeting, the one its
                # headline tells, unless the list names its occasion or follows it at once
                main = [e for e in events if e.sents and e.sents[0] == 0 and e.kind in ("Meeting", "Summit")]
                if main and target is not main[0] and max(target.sents) < k - 1 \
                        and not any(_kind_of(t) for t in sent):
                    target = main[0]
                if target in anchors:
                    anchors.remove(target)
                    events.append(target)
                target.participants += [p for p in people if p not in target.participants]
                target.sents += [ctx.use(s) for s in range(k, last + 1) if s not in target.sents]
                target.pattern = target.pattern or "participant-list"
                ctx.use(target.sents[0])
            elif len(people) >= 2:
                # "… will be joined at today's announcement by A, B and C": the list is the occasion
                here = ctx.signed and bool(ctx.voice_at(ctx.chunks[chunk][0] + sent[0].idx)) and any(
                    t.lower_ in ("am", "is", "are", "'re", "’re", "'m", "’m") for t in sent)
                date, date_text = (ctx.document.published, "(joined, spoken)") if here else (
                    own_dates[0] if own_dates else (None, None))
                events.append(EventRec(kind="Meeting", name=sent.root.text, participants=people,
                                       sents=[ctx.use(s) for s in range(k, last + 1)], trigger="list",
                                       planned=any(t.lower_ in ("will", "'ll") for t in sent), pattern="participant-list",
                                       # a leader's "we are joined today by …": there and then
                                       date=date, date_text=date_text,
                                       locations=own_places or ([ctx.venue] if here and ctx.venue else [])))
        k = last + 1


# "Remarks by President A and Prime Minister B Before Bilateral Meeting", "… in Joint Press
# Conference", "… at a Roundtable": the transcript is the record of the encounter of its speakers
_REMARKS_AT = re.compile(
    r"^(?:Remarks|Statements|Readout|Press Conference|Joint Remarks)\b.*?\b(?P<prep>Before|After|During|At|In|Following|Ahead of)\s+"
    # (up to three capitalised words naming whose it is: "at a Democratic National Committee Winter Meeting")
    r"(?:an?\s+|the\s+|their\s+)?(?:(?-i:[A-Z](?![a-z]*ing\b)[\w’'.&-]*)\s+){0,3}?"
    r"(?P<what>(?:Expanded\s+|Extended\s+)?Bilateral(?:\s+Meeting)?|(?:Joint\s+)?(?:Press|News)\s+Conference|"
    r"Trilateral(?:\s+Meeting)?|Meeting|Roundtable|Summit|Working\s+Lunch|Working\s+Dinner|Talks|"
    r"(?:Moderated\s+)?Conversation|Fireside\s+Chat|(?:Panel\s+)?Discussion)\b", re.IGNORECASE)
# (a conversation on stage is the speakers' meeting, not a call)
_ON_STAGE = ("conversation", "chat", "discussion")
# "Remarks by President A and President B of X at a State Luncheon": two speakers or more, one of
# them of a country or body the headline names, and the occasion after them
_JOINT_REMARKS = re.compile(r"^(?:Joint\s+)?Remarks\s+by\s+(?P<who>[^|]*?(?:\band\b|,)[^|]*?\bof\b[^|]*?)"
                            r"\s(?P<what>(?:[Oo]n|[Aa]t|[Ii]n|[Dd]uring|[Uu]pon|[Ff]ollowing|[Aa]fter|[Bb]efore|[A-Z][a-z]+ing)"
                            r"\s[^|]*)")


# "Press Briefing by Press Secretary A and B", "Press Gaggle by …", "Background Press Call by …"
_BRIEFING_BY = re.compile(r"^(?:(?:On-the-Record|Background)\s+)?(?P<what>(?:Press|News|Media)\s+(?:Briefing|Gaggle|Conference|Call))"
                          r"\b.*?\bby\b", re.IGNORECASE)


def _date_line(text: str, head: int, published: str | None) -> tuple[str, str] | None:
    """The day a transcript's date line gives under its headline and venue ("May 3, 2023" above the
    first speaker, published the next morning), when it is the publication day or the week before."""
    for line in [ln.strip(" *_\t") for ln in text[head:head + 400].splitlines() if ln.strip(" *_\t")][:5]:
        if DATE_LINE.match(line):
            day = resolve_date(line, published)
            try:
                if day and published and len(day) == 10 and day <= published[:10] \
                        and (calendar_day.fromisoformat(published[:10]) - calendar_day.fromisoformat(day)).days <= 7:
                    return day, line
            except ValueError:
                pass  # (a publication date that is no day: no window to check the line against)
            return None
    return None


def _headline_events(ctx: Context, events: list[EventRec]) -> list[EventRec]:
    head = ctx.document.headline_end
    if not head:
        return []
    headline = ctx.document.text[:head]
    m = _REMARKS_AT.match(headline)
    briefing = _BRIEFING_BY.match(headline)
    joint = _JOINT_REMARKS.match(headline) if not m and not briefing else None
    if joint and re.search(r"\s(?:[Aa]t|[Oo]n|[Ii]n|[Uu]pon|[Dd]uring|[Bb]efore|[Aa]fter|[Tt]o|[Ff]or)\s", joint.group("who")):
        joint = None  # (the speakers end where their occasion begins: not "A and B at the First Meeting of …")
    if not m and not briefing and not joint:
        return []
    limit = head
    if joint:
        # "Remarks by President A, President B of X, and Director-General C of Y Launching …",
        # "… at a State Luncheon", "… in Joint Press Statements": a leader and foreign guests on
        # one stage, that day
        what = joint.group("what").strip().lower()
        kind = "PressConference" if re.search(r"\bpress\b", what) else "Meeting"
        limit = joint.end("who")
    elif briefing:
        if any(e.kind == "PressConference" and e.sents and e.sents[0] == 0 for e in events):
            return []  # the parse found it already (and the speakers join it below)
        what = briefing.group("what")
        kind = "PressConference"
    else:
        what = m.group("what").lower()
        kind = "PressConference" if "conference" in what else ("Summit" if what == "summit" else "Meeting")
        if what.split()[-1] in _ON_STAGE:
            # the parse read "in a Moderated Conversation with X" as X's call: it is this meeting
            events[:] = [e for e in events if not (e.sents and e.sents[0] == 0 and e.trigger in _ON_STAGE)]
    if briefing:  # "Press Call by X on President A's Upcoming Call with B": A and B are its subject
        topic = re.search(r"\s(?:on|about|regarding|previewing|to preview)\s", headline[briefing.end():])
        limit = briefing.end() + topic.start() if topic else head
    people = list(dict.fromkeys(mm.entity for mm in sorted(ctx.mentions, key=lambda x: x.char)
                                if mm.entity and mm.char < limit and ctx.entity(mm.entity).type == "Person"))
    if joint and len(people) < 2:
        return []
    speakers = list(dict.fromkeys(k for _, _, keys in ctx.voices for k in keys[:1]))
    people += [k for k in speakers if k not in people]
    if not briefing:
        people += [k for k in _introduced_people(ctx) if k not in people]
    if not people:
        return []
    # the day of the transcript, in the venue its first lines give, else the place its headline
    # ends with ("… | New York, NY")
    places = [ctx.venue] if ctx.venue else []
    bar = headline.rfind("|")
    if not places and bar > 0:
        places = list(dict.fromkeys(mm.entity for mm in sorted(ctx.mentions, key=lambda x: x.char)
                                    if mm.entity and bar < mm.char < head and ctx.entity(mm.entity).type == "Place"))[:1]
    published = ctx.document.published
    date, date_text = _date_line(ctx.document.text, head, published) or (published, "(transcript)" if published else None)
    sent = ctx.use(0)
    return [EventRec(kind=kind, name=what, participants=people, locations=places,
                     date=date, date_text=date_text, planned=False,
                     sents=[sent], trigger="remarks" if joint else what.split()[-1].lower(),
                     pattern="headline-briefing" if briefing else "headline-joint-remarks" if joint else "headline-remarks")]
