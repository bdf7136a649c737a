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


def _sentences(words, pos, tags, deps, heads, starts, ents):
    doc = Doc(VOCAB, words=words, pos=pos, tags=tags, deps=deps, heads=heads, sent_starts=starts)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_a_pronoun_after_a_name_is_evidence_of_a_person():
    from graphkit.extract.mentions import find_mentions

    # "Tice was held . He is a reporter ." / "Tdap is free . It works ."
    held = _sentences(["Tice", "was", "held", ".", "He", "writes", "."],
                      ["PROPN", "AUX", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
                      ["NNP", "VBD", "VBN", ".", "PRP", "VBZ", "."],
                      ["nsubjpass", "auxpass", "ROOT", "punct", "nsubj", "ROOT", "punct"],
                      [2, 2, 2, 2, 5, 5, 5], [True, False, False, False, True, False, False], [(0, 1, "PERSON")])
    free = _sentences(["Tdap", "is", "free", ".", "It", "works", "."],
                      ["PROPN", "AUX", "ADJ", "PUNCT", "PRON", "VERB", "PUNCT"],
                      ["NNP", "VBZ", "JJ", ".", "PRP", "VBZ", "."],
                      ["nsubj", "ROOT", "acomp", "punct", "nsubj", "ROOT", "punct"],
                      [1, 1, 1, 1, 5, 5, 5], [True, False, False, False, True, False, False], [(0, 1, "PERSON")])
    assert "pronoun" in find_mentions(held, 0, 0, 0)[0].evidence
    assert "pronoun" not in find_mentions(free, 0, 0, 0)[0].evidence


def test_things_and_forms_of_address_ner_calls_people_are_dropped():
    from graphkit.extract.mentions import Mention, cluster_mentions

    def m(text, char, **kw):
        return Mention(chunk=0, start=char, end=char + 1, text=text, label="Person", sent=char, char=char,
                       raw=text, **kw)

    text = "x" * 40
    names = [e.name for e in cluster_mentions([m("Scenic Trail", 0), m("Madam", 10), m("Rocky Bleier", 20),
                                               m("Abundant Salmon", 30, evidence={"title"})], text)]
    # a common adjective before a common noun is a thing, unless the document titles it;
    # a form of address is nobody; an adjective before a name is a given name
    assert names == ["Rocky Bleier", "Abundant Salmon"]


def test_a_titled_name_ner_ran_into_a_headlines_preposition_is_cut_there_and_is_a_person():
    from graphkit.extract.mentions import Mention, headline_mentions
    from graphkit.records import Document

    words = ["Remarks", "by", "Governor", "Okafor", "Before", "Marine", "One", "Departure"]
    doc = make(words, ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN"],
               ["NNS", "IN", "NNP", "NNP", "NNP", "NNP", "NNP", "NNP"],
               ["ROOT", "prep", "compound", "compound", "compound", "compound", "compound", "pobj"],
               [0, 0, 7, 7, 7, 7, 7, 1], [(3, 8, "ORG")])
    text = doc.text + "\n\nTHE GOVERNOR: We are sending crews tonight."
    m = Mention(chunk=0, start=3, end=8, text="Okafor Before Marine One Departure", label="Organization", sent=0,
                char=doc[3].idx, raw="Okafor Before Marine One Departure", ner="ORG")
    document = Document(id="d", text=text, title=doc.text, headline_end=len(doc.text))
    kept = headline_mentions([m], document, [(0, doc)])
    assert [(k.text, k.label) for k in kept] == [("Okafor", "Person")]
    assert kept[0].title is not None and kept[0].title.title == "Governor"


def test_a_surname_after_a_title_that_ner_missed_is_recovered_but_no_plural_common_word():
    from graphkit.extract.mentions import recover_mentions

    words = ["Lund", "will", "call", "Chancellor", "Brakstad", "and", "the", "Member", "States", "."]
    doc = Doc(VOCAB, words=words, pos=["PROPN", "AUX", "VERB", "PROPN", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "PUNCT"],
              tags=["NNP", "MD", "VB", "NNP", "NNP", "CC", "DT", "NNP", "NNP", "."],
              deps=["nsubj", "aux", "ROOT", "compound", "dobj", "cc", "det", "compound", "conj", "punct"],
              heads=[2, 2, 2, 4, 2, 4, 8, 8, 4, 2], sent_starts=[1] + [0] * 9)
    found = {m.text: m.evidence for m in recover_mentions([(0, doc)], [], [0])}
    assert found.get("Brakstad") == {"title"}
    assert "States" not in found


def test_a_name_ending_in_a_company_word_is_no_person_even_with_a_persons_evidence():
    from graphkit.extract.mentions import Mention, cluster_mentions

    text = "Rowan Hale Company, General Widgets and Ann Lee, its chair, announced plants."
    ms = [Mention(chunk=0, start=0, end=3, text="Rowan Hale Company", label="Person", sent=0, char=0,
                  raw="Rowan Hale Company", ner="PERSON", evidence={"appos"}),
          Mention(chunk=0, start=7, end=9, text="Ann Lee", label="Person", sent=0, char=text.index("Ann"),
                  raw="Ann Lee", ner="PERSON", evidence={"appos"})]
    assert [e.name for e in cluster_mentions(ms, text) if e.type == "Person"] == ["Ann Lee"]


def test_a_headline_name_ends_before_a_gerund_and_a_city_is_no_person():
    from graphkit.extract.mentions import Mention, cluster_mentions, headline_mentions
    from graphkit.records import Document

    words = ["Remarks", "by", "Governor", "Okafor", "Highlighting", "State", "Leaders"]
    doc = make(words, ["NOUN", "ADP", "PROPN", "PROPN", "VERB", "PROPN", "NOUN"],
               ["NNS", "IN", "NNP", "NNP", "VBG", "NNP", "NNS"],
               ["ROOT", "prep", "compound", "pobj", "acl", "compound", "dobj"], [0, 0, 3, 1, 3, 6, 4], [(3, 6, "PERSON")])
    m = Mention(chunk=0, start=3, end=6, text="Okafor Highlighting State", label="Person", sent=0,
                char=doc[3].idx, raw="Governor Okafor Highlighting State", ner="PERSON")
    from graphkit.extract.titles import title_before
    m.title = title_before(doc, 3)
    document = Document(id="d", text=doc.text + "\n\nThe Governor spoke.", title=doc.text, headline_end=len(doc.text))
    assert [k.text for k in headline_mentions([m], document, [(0, doc)])] == ["Okafor"]
    city = Mention(chunk=0, start=0, end=2, text="Rowan City", label="Person", sent=0, char=0, raw="Rowan City",
                   ner="PERSON", evidence={"appos"})
    assert cluster_mentions([city], "Rowan City, its mayor said.") == []
    for name in ("Rowan Farm Bureau", "National Rowan Month", "Rowan Islands", "Native Rowan Children"):
        m = Mention(chunk=0, start=0, end=3, text=name, label="Person", sent=0, char=0, raw=name, ner="PERSON",
                    evidence={"title"})
        assert cluster_mentions([m], name + ", its president said.") == [], name


def test_a_titles_last_word_before_a_given_name_is_not_part_of_the_name():
    from graphkit.extract.mentions import find_mentions

    words = ["the", "Cabinet", "Heather", "Boal", "spoke", "and", "Rose", "Mary", "Smith", "agreed", "."]
    doc = Doc(VOCAB, words=words, pos=["DET", "PROPN", "PROPN", "PROPN", "VERB", "CCONJ", "PROPN", "PROPN", "PROPN",
                                       "VERB", "PUNCT"],
              tags=["DT", "NNP", "NNP", "NNP", "VBD", "CC", "NNP", "NNP", "NNP", "VBD", "."],
              deps=["det", "compound", "compound", "nsubj", "ROOT", "cc", "compound", "compound", "nsubj", "conj", "punct"],
              heads=[3, 3, 3, 4, 4, 4, 8, 8, 9, 4, 4], sent_starts=[1] + [0] * 10)
    doc.ents = [Span(doc, 1, 4, label="PERSON"), Span(doc, 6, 9, label="PERSON")]
    assert [m.text for m in find_mentions(doc, 0, 0, 0) if m.label == "Person"] == ["Heather Boal", "Rose Mary Smith"]


def person_mention(name: str, start: int, sent: int, char: int):
    """A one-word PERSON mention as NER gives it."""
    from graphkit.extract.mentions import Mention

    return Mention(chunk=0, start=start, end=start + 1, text=name, label="Person", sent=sent, char=char, raw=name,
                   ner="PERSON")


def test_an_addressed_given_name_is_marked_so_for_resolution():
    from graphkit.extract.mentions import cluster_mentions

    text = "Go ahead, George. And thanks, George, for that."
    ms = [person_mention("George", 3, 0, 10), person_mention("George", 9, 1, text.index("George,"))]
    assert cluster_mentions(ms, text)[0].evidence == ["addressed"]


def test_a_given_name_set_off_by_commas_or_followed_by_an_initial_is_addressed():
    from graphkit.extract.mentions import cluster_mentions

    text = "Go ahead, Kelly O. Well, Kelly, you know the answer."
    ms = [person_mention("Kelly", 3, 0, 10), person_mention("Kelly", 8, 1, text.index("Kelly,"))]
    assert cluster_mentions(ms, text)[0].evidence == ["addressed"]
    text = "The senator, Kelly, a Democrat, spoke."  # an apposition is no address
    ms = [person_mention("Kelly", 3, 0, text.index("Kelly"))]
    assert cluster_mentions(ms, text)[0].evidence != ["addressed"]


def test_a_firms_suffix_ner_ran_into_the_next_sentences_name_is_no_part_of_it():
    from graphkit.extract.mentions import find_mentions

    # "… counsel for Acme Inc. Kroll left.": the sentence splitter kept the abbreviation's sentence going
    doc = make(["counsel", "for", "Acme", "Inc.", "Kroll", "left", "."],
               ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"], ["NN", "IN", "NNP", "NNP", "NNP", "VBD", "."],
               ["nsubj", "prep", "compound", "pobj", "nsubj", "ROOT", "punct"], [5, 0, 3, 1, 5, 5, 5], [(3, 5, "PERSON")])
    assert [m.text for m in find_mentions(doc, 0, 0, 0) if m.label == "Person"] == ["Kroll"]


def test_a_name_after_a_word_for_a_house_of_worship_is_no_person():
    words = ["Congregation", "Beth", "Shalom", "was", "attacked", "."]
    doc = make(words, ["PROPN", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"], ["NNP", "NNP", "NNP", "VBD", "VBN", "."],
               ["compound", "compound", "nsubjpass", "auxpass", "ROOT", "punct"], [2, 2, 4, 4, 4, 4], [(1, 3, "PERSON")])
    assert not_a_person(doc, 1, 3)


def test_a_nickname_in_quotation_marks_between_given_name_and_surname_is_the_same_person():
    from graphkit.extract.mentions import Mention, cluster_mentions, find_mentions

    doc = make(["Kathryn", "“", "KT", "”", "Marsh", "spoke", "."],
               ["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"], ["NNP", "``", "NNP", "''", "NNP", "VBD", "."],
               ["compound", "punct", "appos", "punct", "nsubj", "ROOT", "punct"], [4, 2, 4, 2, 5, 5, 5], [(0, 1, "PERSON")])
    found = [m for m in find_mentions(doc, 0, 0, 0) if m.label == "Person"]
    assert [m.text for m in found] == ["Kathryn Marsh"]
    text = "Kathryn “KT” Marsh spoke. KT Marsh left."
    later = Mention(chunk=0, start=8, end=10, text="KT Marsh", label="Person", sent=1, char=text.index("KT Marsh"),
                    raw="KT Marsh", ner="PERSON")
    entities = cluster_mentions(found + [later], text)
    assert [(e.name, sorted(e.forms)) for e in entities] == [("Kathryn Marsh", ["KT Marsh", "Kathryn Marsh"])]


def test_the_last_word_of_a_three_word_name_ner_left_out_is_the_names():
    from graphkit.extract.mentions import find_mentions

    words = ["President", "Kang", "Min", "Seok", "of", "Korea", "spoke", "."]
    doc = make(words, ["PROPN", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
               ["NNP", "NNP", "NNP", "NNP", "IN", "NNP", "VBD", "."],
               ["compound", "compound", "compound", "nsubj", "prep", "pobj", "ROOT", "punct"],
               [3, 3, 3, 6, 3, 4, 6, 6], [(1, 3, "PERSON"), (5, 6, "GPE")])
    assert [m.text for m in find_mentions(doc, 0, 0, 0) if m.label == "Person"] == ["Kang Min Seok"]
    # (not a country, nor a common word after the name: "Kang Min Korea", "Kang Min Office")
    for word in ("Korea", "Office"):
        doc = make(["President", "Kang", "Min", word, "spoke", "."], ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
                   ["NNP", "NNP", "NNP", "NNP", "VBD", "."], ["compound", "compound", "nsubj", "npadvmod", "ROOT", "punct"],
                   [2, 2, 4, 4, 4, 4], [(1, 3, "PERSON")])
        assert [m.text for m in find_mentions(doc, 0, 0, 0) if m.label == "Person"] == ["Kang Min"]


def test_a_first_given_name_between_a_title_and_the_name_is_the_names_and_an_offices_see_is_no_one():
    from graphkit.extract.mentions import find_mentions

    words = ["Cardinal", "Tullio", "Maria", "Ferrante", ",", "Archbishop", "of", "Verona", ",", "spoke", "."]
    doc = make(words, ["PROPN", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "ADP", "PROPN", "PUNCT", "VERB", "PUNCT"],
               ["NNP", "NNP", "NNP", "NNP", ",", "NNP", "IN", "NNP", ",", "VBD", "."],
               ["compound", "compound", "compound", "nsubj", "punct", "appos", "prep", "pobj", "punct", "ROOT", "punct"],
               [3, 3, 3, 9, 3, 3, 5, 6, 3, 9, 9], [(2, 4, "PERSON"), (5, 8, "PERSON")])
    assert [m.text for m in find_mentions(doc, 0, 0, 0) if m.label == "Person"] == ["Tullio Maria Ferrante"]


def test_a_name_after_a_title_ner_ran_into_a_works_title_is_split_off():
    # "… included the Chair of the Council on Water Quality Brenda Marsh": NER called it all a work's title
    words = ["included", "the", "Chair", "of", "the", "Council", "on", "Water", "Quality", "Brenda", "Marsh", "."]
    doc = make(words, ["VERB", "DET", "PROPN", "ADP", "DET", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"],
               ["VBD", "DT", "NNP", "IN", "DT", "NNP", "IN", "NNP", "NNP", "NNP", "NNP", "."],
               ["ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "compound", "compound", "compound", "pobj", "punct"],
               [0, 2, 0, 2, 5, 3, 5, 10, 10, 10, 6, 0], [(1, 11, "WORK_OF_ART")])
    assert (9, 11, "PERSON") in {(s.start, s.end, s.label_) for s in split_titled_names(doc)}


def test_a_company_named_like_a_person_ends_in_its_business():
    # "from Zarah Resources": NER's PERSON ends in a word that ends firms' names
    doc = make(["from", "Zarah", "Resources", "."], ["ADP", "PROPN", "PROPN", "PUNCT"], ["IN", "NNP", "NNPS", "."],
               ["ROOT", "compound", "pobj", "punct"], [0, 2, 0, 0], [(1, 3, "PERSON")])
    assert not_a_person(doc, 1, 3)


def test_a_feast_a_builder_a_beach_and_a_survey_are_no_people():
    for words, span in ((["by", "Easter", "."], (1, 2)), (["by", "Clark", "Construction", "."], (1, 3)),
                        (["of", "Myers", "Beach", "."], (1, 3)), (["Reagan", "Defense", "Survey", "."], (0, 3))):
        doc = make(words, ["ADP"] + ["PROPN"] * (len(words) - 2) + ["PUNCT"], ["IN"] + ["NNP"] * (len(words) - 2) + ["."],
                   ["ROOT"] + ["compound"] * (len(words) - 3) + ["pobj", "punct"],
                   [0] + [len(words) - 2] * (len(words) - 3) + [0, 0], [(span[0], span[1], "PERSON")])
        assert not_a_person(doc, *span), words
