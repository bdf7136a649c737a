"""Mention rules on hand-built Docs: the parse each rule is written for, no statistical model."""
import spacy
from spacy.tokens import Doc, Span

from graphkit.extract.mentions import split_titled_names, not_a_person


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, title case), no model


def make(words, pos, tags, deps, heads, ents):
    doc = Doc(VOCAB, words=words, pos=pos, tags=tags, deps=deps, heads=heads)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_a_title_and_a_name_ner_ran_into_an_organisation_are_split():
    words = ["Budget", "Office", "Chair", "Cecilia", "Marsh", "spoke", "."]
    doc = make(words, ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
               ["NNP", "NNP", "NNP", "NNP", "NNP", "VBD", "."],
               ["compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct"],
               [4, 4, 4, 4, 5, 5, 5], [(0, 5, "ORG")])
    spans = {(s.start, s.end, s.label_) for s in split_titled_names(doc)}
    assert (3, 5, "PERSON") in spans and (0, 2, "ORG") in spans


def test_a_plan_after_a_demonym_is_not_split():
    words = ["the", "American", "Families", "Plan", "passed"]
    doc = make(words, ["DET", "PROPN", "PROPN", "PROPN", "VERB"], ["DT", "NNP", "NNPS", "NNP", "VBD"],
               ["det", "compound", "compound", "nsubj", "ROOT"], [3, 3, 3, 4, 4], [(1, 4, "ORG")])
    assert [(s.start, s.end, s.label_) for s in split_titled_names(doc)] == [(1, 4, "ORG")]


def test_context_that_is_no_person():
    # "the Rebels attacked": a determiner before a bare name
    doc = make(["the", "Rebels", "attacked"], ["DET", "PROPN", "VERB"], ["DT", "NNPS", "VBD"],
               ["det", "nsubj", "ROOT"], [1, 2, 2], [])
    assert not_a_person(doc, 1, 2)
    # "Crow laws": a name modifying a common noun that is no event, title or group
    doc = make(["Jim", "Crow", "laws", "ended"], ["PROPN", "PROPN", "NOUN", "VERB"], ["NNP", "NNP", "NNS", "VBD"],
               ["compound", "compound", "nsubj", "ROOT"], [1, 2, 3, 3], [])
    assert not_a_person(doc, 0, 2)
    # "Ann Lee's visit": a person, possessive before an event noun
    doc = make(["Ann", "Lee", "'s", "visit", "ended"], ["PROPN", "PROPN", "PART", "NOUN", "VERB"],
               ["NNP", "NNP", "POS", "NN", "VBD"], ["compound", "poss", "case", "nsubj", "ROOT"], [1, 3, 1, 4, 4], [])
    assert not not_a_person(doc, 0, 2)
    # "Ann Lee administration" keeps the person: an administration is a person's
    doc = make(["Lee", "administration", "acted"], ["PROPN", "NOUN", "VERB"], ["NNP", "NN", "VBD"],
               ["compound", "nsubj", "ROOT"], [1, 2, 2], [])
    assert not not_a_person(doc, 0, 1)
