"""Corpus-level person resolution: names with suffixes, initials and nicknames; bare surnames and
titles joined by the evidence the merge log states; ambiguous mentions and non-persons left out."""
import random

import pytest

from graphkit.names import canonical_person_name, full_names_compatible, parse_person
from graphkit.records import DocRecord, LocalEntity, QuoteRec
from graphkit.resolve import Overrides, resolve


def person(key, name, forms=None, titles=(), mentions=1, evidence=()):
    return LocalEntity(key=key, type="Person", name=name, forms=list(forms or [name]), mentions=mentions,
                       titles=list(titles), evidence=list(evidence))


def doc(doc_id, *ents, published="2022-05-01", quotes=()):
    ents = [e if isinstance(e, LocalEntity) else person(f"e{i}", e) for i, e in enumerate(ents)]
    for i, e in enumerate(ents):
        e.key = f"e{i}"
    return DocRecord(doc_id=doc_id, title=doc_id, published=published, url=None, path=doc_id,
                     content_hash="x", words=1, entities=ents, quotes=list(quotes))


def groups(res):
    return sorted(sorted(e.forms) for e in res.entities if e.members and e.type == "Person")


def node_of(res, doc_id, key="e0"):
    i = res.of(doc_id, key)
    return None if i is None else res.entities[i].name


def rule_entries(res, rule):
    return [e for e in res.log if e.get("rule") == rule]


@pytest.mark.parametrize("a,b,same", [
    ("Michael A. Quill", "Amos C. Quill", False),  # a middle initial is no one's first name
    ("Joseph R. Biden, Jr.", "Joe Biden", True),
    ("Joseph R. Biden Jr.", "Joseph Biden", True),
    ("Chuck Schumer", "Charles Schumer", True),
    ("Liz Cheney", "Elizabeth Cheney", True),
    ("Tony Blinken", "Antony Blinken", True),
    ("Joe Biden", "Jill Biden", False),
    ("Joe Biden", "Josh Biden", False),
    ("George W. Bush", "George H. W. Bush", False),
    ("Martin Luther King Jr.", "Martin Luther King Sr.", False),
])
def test_suffixes_middle_initials_and_nicknames(a, b, same):
    assert full_names_compatible(a, b) is same


def test_parts_of_a_name():
    assert parse_person("James R. Thompson, III") == ("James", ("R.",), "Thompson", "iii")
    assert parse_person("Alfonso XIII").surname == "Alfonso"  # a regnal number is no surname
    assert parse_person("Xi").surname == "Xi"


def test_canonical_name_is_the_fullest_common_form_never_an_initial_fragment():
    assert canonical_person_name({"R. Biden Jr": 40, "Biden": 90, "Joe Biden": 10}) == "Joe Biden"
    assert canonical_person_name({"Joseph R. Biden, Jr.": 30, "Joe Biden": 40}) == "Joseph R. Biden, Jr."
    assert canonical_person_name({"Joseph R. Biden, Jr.": 3, "Joe Biden": 40}) == "Joe Biden"
    assert canonical_person_name({"Senators Collins": 5, "Susan Collins": 1}) == "Susan Collins"
    assert canonical_person_name({"Tony Blinken": 10, "Antony Blinken": 6}) == "Antony Blinken"
    assert canonical_person_name({"Clara L. Quill": 3, "Clara Lee Quill": 1}) == "Clara Lee Quill"  # the initial spelt out
    assert canonical_person_name({"Ivo B. Van Quill": 1, "Van Quill": 3}) == "Ivo B. Van Quill"  # first names before it
    assert canonical_person_name({"Q Maria Quill": 1, "Maria Quill": 1}) == "Maria Quill"  # a reporter's "Q" is none
    assert canonical_person_name({"C. Kofi Quill": 3, "Kofi Quill": 1}) == "C. Kofi Quill"  # an initial, then the name
    assert canonical_person_name({"Naomi Rae Quill": 1, "Naomi Quill": 3}) == "Naomi Rae Quill"  # a middle name
    assert canonical_person_name({"Education Miguel Cardona": 9, "Miguel Cardona": 5}) == "Miguel Cardona"
    assert canonical_person_name({"Abinader Corona": 3, "Luis Abinader": 2}) == "Luis Abinader"
    # the end of a longer name that no given name leads is no name of its own
    assert canonical_person_name({"Ríos Montoya": 5, "Andrés Felipe Ríos Montoya": 4}) == "Andrés Felipe Ríos Montoya"
    assert canonical_person_name({"Tony Blinken": 10, "Antony Blinken": 2}) == "Tony Blinken"
    # the formal given name, named a quarter as often as the nickname, is the name
    assert canonical_person_name({"Tony Blinken": 10, "Antony Blinken": 4}) == "Antony Blinken"
    # the middle initial a biography's first line gives, then leaves out
    assert canonical_person_name({"John Quill": 3, "John F. Quill": 1, "Quill": 4}) == "John F. Quill"
    # (but only a common form: a nomination's "Ann G. Quill" among six "Ann Quill" is not the name)
    assert canonical_person_name({"Ann Quill": 6, "Ann G. Quill": 1}) == "Ann Quill"


def test_full_name_variants_are_one_person_and_the_log_says_how():
    res = resolve([doc("a", "Joseph R. Biden, Jr."), doc("b", "Joe Biden"), doc("c", "Joe Biden"),
                   doc("d", "Jill Biden"), doc("e", "Charles Schumer"), doc("f", "Chuck Schumer")])
    assert groups(res) == [["Charles Schumer", "Chuck Schumer"], ["Jill Biden"],
                           ["Joe Biden", "Joseph R. Biden, Jr."]]
    nick = [e for e in rule_entries(res, "full-name") if e["joined"] == ["Joseph R. Biden, Jr."]]
    # named half as often as "Joe Biden": common enough, and the fullest, so the canonical name
    assert nick and "nickname" in nick[0]["reason"] and nick[0]["into"] == "Joseph R. Biden, Jr."
    assert node_of(res, "b") == "Joseph R. Biden, Jr."


def corpus_of_bidens():
    """Joe named in full in nine documents as President, Jill in one as First Lady."""
    recs = [doc(f"joe{i}", person("e0", "Joe Biden", titles=["President"], mentions=3)) for i in range(9)]
    recs.append(doc("jill", person("e0", "Jill Biden", titles=["First Lady"], mentions=3)))
    return recs


def test_title_and_surname_joins_the_holder_of_that_title():
    res = resolve(corpus_of_bidens() + [
        doc("x", person("e0", "Biden", titles=["President"])),
        doc("y", person("e0", "Biden", titles=["First Lady"]))])
    assert node_of(res, "x") == "Joe Biden" and node_of(res, "y") == "Jill Biden"
    entry = [e for e in rule_entries(res, "title") if "x" in e["docs"]][0]
    assert entry["evidence"]["title"] == ["president"] and entry["evidence"]["share_of_title"] == 1.0


def test_title_at_that_date_tells_two_holders_apart():
    recs = [doc(f"old{i}", person("e0", "George H. W. Bush", titles=["President"]), published="1990-03-01")
            for i in range(3)]
    recs += [doc(f"new{i}", person("e0", "George W. Bush", titles=["President"]), published="2005-03-01")
             for i in range(2)]
    recs += [doc("q", person("e0", "Bush", titles=["President"]), published="2006-01-10"),
             doc("r", person("e0", "Bush", titles=["President"]), published="1989-06-01")]
    res = resolve(recs)
    assert node_of(res, "q") == "George W. Bush" and node_of(res, "r") == "George H. W. Bush"
    assert all(e["evidence"]["near_date"] for e in rule_entries(res, "title"))


def test_bare_surname_joins_the_one_its_document_names_in_full_else_the_dominant_person():
    res = resolve(corpus_of_bidens() + [
        doc("plain", "Biden"),
        doc("readout", person("e0", "Biden"), person("e1", "Jill Biden")),
        doc("family", person("e0", "Biden"), person("e1", "Jill Biden"), person("e2", "Hunter Biden"))])
    assert node_of(res, "plain") == "Joe Biden"
    # the First Lady's readout: its own Biden, not the corpus's dominant one
    assert node_of(res, "readout") == "Jill Biden"
    assert [e["docs"] for e in rule_entries(res, "same-document")] == [["readout"]]
    assert node_of(res, "family") is None  # two Bidens named in full there: joins no one
    dom = [e for e in rule_entries(res, "dominant") if e["docs"] == ["plain"]][0]
    # Joe: 27 of the 33 full-name mentions of Biden (Jill: 3 in her document, 1 in each of two others;
    # Hunter: 1)
    assert dom["evidence"]["share"] == round(27 / 33, 2) and dom["into"] == "Joe Biden"
    assert any(e["left_out"] == ["Biden"] and e["docs"] == ["family"] for e in rule_entries(res, "ambiguous"))


def test_a_truly_ambiguous_surname_joins_no_one():
    res = resolve([doc("a", "Mike Johnson"), doc("b", "Ron Johnson"), doc("c", "Johnson")])
    assert groups(res) == [["Mike Johnson"], ["Ron Johnson"]]
    entry = rule_entries(res, "ambiguous")[0]
    assert entry["left_out"] == ["Johnson"] and set(entry["evidence"]["candidates"]) == {"Mike Johnson", "Ron Johnson"}


def test_different_override_wins_over_every_rule():
    ov = Overrides(different=[("Biden", "Joe Biden")])
    res = resolve(corpus_of_bidens() + [doc("x", person("e0", "Biden", titles=["President"]))], ov)
    assert node_of(res, "x") != "Joe Biden"


def test_same_override_settles_an_ambiguous_surname():
    recs = [doc("a", "Mike Johnson"), doc("b", "Ron Johnson"), doc("c", "Johnson")]
    assert node_of(resolve(recs), "c") is None
    res = resolve(recs, Overrides(same=[("Johnson", "Ron Johnson")]))
    assert node_of(res, "c") == "Ron Johnson" and rule_entries(res, "override")


def test_initials_join_only_a_person_they_fit():
    res = resolve([doc("a", "Joe Biden"), doc("b", "J. Biden"), doc("c", "R. Biden Jr")])
    assert node_of(res, "b") == "Joe Biden" and node_of(res, "c") is None
    assert all(e.name != "R. Biden Jr" for e in res.entities if e.members)


def test_bare_given_names_name_no_one_but_titled_surnames_stay():
    res = resolve([doc("a", "Joseph R. Biden"), doc("b", "Joe"), doc("c", person("e0", "Austin", titles=["Secretary"]))])
    assert node_of(res, "b") is None  # a first name (of the nicknames dataset) nobody has as a surname
    assert node_of(res, "c") == "Austin"  # also a given name in the dataset, but titled: a surname


def test_a_surname_and_a_word_join_the_titled_holder_of_that_surname():
    recs = [doc(f"t{i}", person("e0", "Donald Trump", titles=["President"])) for i in range(3)]
    recs += [doc("h", person("e0", "Trump Has", titles=["President"])), doc("k", "Kamala Harris"),
             doc("d", person("e0", "Donald Trump Declares", titles=["President"])), doc("f", "Harris Faulkner")]
    res = resolve(recs)
    assert node_of(res, "h") == node_of(res, "d") == "Donald Trump"
    assert len(rule_entries(res, "surname-led")) == 2
    assert node_of(res, "f") == "Harris Faulkner"  # no title to say it is "Harris" and a word


def test_a_one_letter_surname_slip_joins_only_with_the_same_given_name():
    res = resolve([doc("a", "Victoria Nuland"), doc("b", "Victoria Noland"), doc("c", "Victor Noland"),
                   doc("d", "Victor Nolan")])
    assert node_of(res, "a") == node_of(res, "b") and node_of(res, "c") == node_of(res, "d")
    assert node_of(res, "a") != node_of(res, "c")  # Victor is not Victoria
    assert len(rule_entries(res, "surname-spelling")) == 2


def test_a_transcript_question_mark_before_a_first_name_is_no_name():
    res = resolve([doc("a", "Brian Deese"), doc("b", person("e0", "Q Brian", forms=["Q Brian", "Brian"]))])
    assert node_of(res, "b") is None and groups(res) == [["Brian Deese"]]


def test_family_name_first():
    res = resolve([doc("a", person("e0", "Xi Jinping", titles=["President"])),
                   doc("b", person("e0", "Xi", titles=["President"]))])
    assert node_of(res, "b") == "Xi Jinping"
    assert rule_entries(res, "first-name")


def test_bare_surnames_nobody_has_in_full_are_one_node():
    res = resolve([doc("a", person("e0", "Kirby", titles=["Admiral"])), doc("b", person("e0", "Kirby", titles=["Admiral"]))])
    assert groups(res) == [["Kirby"]] and rule_entries(res, "surname-only")


def test_names_the_corpus_never_treats_as_a_person_are_left_out():
    laughter = [doc(f"t{i}", "Laughter") for i in range(3)]
    quoted = [doc(f"q{i}", "Zients", quotes=[QuoteRec(speaker="e0", text="We are on track.")]) for i in range(3)]
    org = LocalEntity(key="o", type="Organization", name="Nord Stream", forms=["Nord Stream"], mentions=1)
    pipeline = [doc("p", "Nord Stream")] + [doc(f"o{i}", org) for i in range(2)]
    # one document, nothing but NER's word: not a person; a pronoun after the name keeps it
    once = [doc("once", "Tdap"), doc("he", person("e0", "Protasevich", evidence=["pronoun"]))]
    # a pronoun in one document of three is chance ("Covid … his")
    covid = [doc("c0", person("e0", "Covid", evidence=["pronoun"])), doc("c1", "Covid"), doc("c2", "Covid")]
    state = LocalEntity(key="s", type="Place", name="Ohio", forms=["Ohio"], mentions=1)
    # a stray title on a place is weak evidence when the corpus names it as a place far more often
    ohio = [doc("oh", person("e0", "Ohio", titles=["Governor"]))] + [doc(f"s{i}", state) for i in range(3)]
    res = resolve(laughter + quoted + pipeline + once + covid + ohio)
    assert groups(res) == [["Protasevich"], ["Zients"]]
    left = {tuple(e["left_out"]) for e in rule_entries(res, "not-a-person")}
    assert left == {("Laughter",), ("Nord Stream",), ("Ohio",), ("Tdap",), ("Covid",)}


def test_same_groups_and_log_whatever_the_input_order():
    recs = corpus_of_bidens() + [doc("x", person("e0", "Biden", titles=["President"])), doc("y", "Biden"),
                                 doc("z", "Johnson"), doc("w", "Mike Johnson"), doc("v", "Ron Johnson")]
    a = resolve(recs)
    shuffled = list(recs)
    random.Random(7).shuffle(shuffled)
    b = resolve(shuffled)
    assert groups(a) == groups(b) and a.log == b.log


def test_a_person_parameter_takes_the_clear_holder_of_a_surname_or_lists_candidates():
    from graphkit.errors import QueryError
    from graphkit.query import resolve_entity
    from graphkit.rdf.build import build_graph
    from graphkit.rdf.vocab import SDO

    recs = corpus_of_bidens() + [doc("m", person("e0", "Mike Johnson", titles=["Speaker"], mentions=3)),
                                 doc("n", "Ron Johnson")]
    g = build_graph(recs, resolve(recs))
    assert str(g.value(resolve_entity(g, "Biden", SDO.Person), SDO.name)) == "Joe Biden"
    with pytest.raises(QueryError, match=r"'Johnson' is ambiguous: Mike Johnson \(3 mentions\), Ron Johnson \(1 mention\);"):
        resolve_entity(g, "Johnson", SDO.Person)


def senator_johnson(n=3, published="2022-05-01"):
    return [doc(f"sen{i}", person("e0", "Ron Johnson", titles=["Senator"]), published=published) for i in range(n)]


def test_a_title_and_surname_joins_no_one_the_corpus_gives_another_office():
    res = resolve(senator_johnson() + [
        doc("mayor", person("e0", "Johnson", forms=["Johnson"], titles=["Mayor"])),
        doc("sen", person("e0", "Johnson", titles=["Senator"])),
        doc("plain", "Johnson")])
    # Mayor vs Senator: someone else, whom the corpus names only by office and surname
    assert node_of(res, "mayor") == "Johnson" and res.entities[res.of("mayor", "e0")].members == [("mayor", "e0")]
    assert node_of(res, "sen") == node_of(res, "plain") == "Ron Johnson"
    entry = rule_entries(res, "title-conflict")[0]
    assert entry["left_out"] == ["Johnson"] and entry["docs"] == ["mayor"]
    assert entry["evidence"] == {"offices": ["mayor"], "candidates": {"Ron Johnson": ["senator"]}}


def test_a_legislators_title_joins_no_one_the_corpus_gives_a_cabinet_post_then_and_a_rank_needs_its_holder():
    recs = [doc(f"sec{i}", person("e0", "Ilse Marrow", titles=["Cabinet Secretary"])) for i in range(3)] + [
        doc(f"mil{i}", person("e0", "Tariq Haddad", titles=["commander"])) for i in range(2)] + [
        doc("rep", person("e0", "Marrow", titles=["Congressman"])),
        doc("king", person("e0", "Haddad", titles=["King"])),
        doc("plain", "Marrow")]
    res = resolve(recs)
    # (a congressman Marrow is someone of his own; a king Haddad, a rank and no office, no one)
    assert node_of(res, "rep") == "Marrow" and node_of(res, "king") is None
    assert node_of(res, "plain") == "Ilse Marrow"
    assert {e["docs"][0] for e in rule_entries(res, "title-conflict")} == {"rep", "king"}


def test_an_office_held_long_before_is_no_conflict_and_titles_a_person_combines_are_none():
    recs = senator_johnson(published="2010-01-01") + [
        doc("gov", person("e0", "Johnson", titles=["Governor"]), published="2022-05-01"),
        doc("leader", person("e0", "Johnson", titles=["Leader"]), published="2010-03-01")]
    res = resolve(recs)
    # twelve years on, a senator may be a governor; "Leader" names no office of its own
    assert node_of(res, "gov") == node_of(res, "leader") == "Ron Johnson"
    assert not rule_entries(res, "title-conflict")


def test_with_two_holders_the_one_without_a_clashing_office_takes_the_title_mention():
    recs = senator_johnson() + [doc("m", person("e0", "Cavalier Johnson", titles=["Mayor"])),
                                doc("x", person("e0", "Johnson", titles=["Mayor"]))]
    assert node_of(resolve(recs), "x") == "Cavalier Johnson"


def test_one_word_names_in_a_list_of_places_are_not_people():
    def place(key, name, sent=2):
        return LocalEntity(key=key, type="Place", name=name, forms=[name], mentions=1, first_sent=sent)

    def listed(key, name, sent=2, titles=()):
        return LocalEntity(key=key, type="Person", name=name, forms=[name], mentions=1, first_sent=sent,
                           titles=list(titles))

    counties = doc("kansas", place("p0", "Barton"), place("p1", "Geary"), place("p2", "Stanton"),
                   listed("x0", "Smith"), listed("x1", "Graham"), listed("x2", "Stafford"),
                   listed("x3", "Tewes", sent=4, titles=["Mayor"]))
    res = resolve([doc("a", "Colin Smith"), doc("b", "Lindsey Graham"), counties])
    assert node_of(res, "kansas", "e3") is None and node_of(res, "kansas", "e4") is None
    assert node_of(res, "kansas", "e6") == "Tewes"  # named in another sentence: a person still
    entries = [e for e in rule_entries(res, "not-a-person") if e["docs"] == ["kansas"]]
    assert sorted(x for e in entries for x in e["left_out"]) == ["Graham", "Smith", "Stafford"]
    # two places in the sentence are no list: the surname joins as before
    few = doc("two", place("p0", "Barton"), place("p1", "Geary"), listed("x0", "Smith"), listed("x1", "Graham"),
              listed("x2", "Stafford"))
    assert node_of(resolve([doc("a", "Colin Smith"), few]), "two", "e2") == "Colin Smith"


def test_a_bare_surname_joins_its_own_documents_person_before_the_corpus_one():
    # the nominee's document names Kristyn E. Jones in full; the corpus names David Jones more often
    recs = [doc(f"d{i}", person("e0", "David Jones", mentions=3)) for i in range(5)]
    recs.append(doc("nominee", person("e0", "Kristyn E. Jones"),
                    person("e1", "Jones", titles=["Special Assistant"], mentions=6)))
    recs.append(doc("elsewhere", person("e0", "Jones")))
    res = resolve(recs)
    assert node_of(res, "nominee", "e1") == "Kristyn E. Jones"
    assert node_of(res, "elsewhere") == "David Jones"  # names no Jones in full: the corpus decides
    assert rule_entries(res, "same-document")[0]["docs"] == ["nominee"]


def test_a_title_the_corpus_gives_another_person_wins_over_the_document_naming_someone():
    res = resolve(corpus_of_bidens() + [
        doc("readout", person("e0", "Biden", titles=["President"]), person("e1", "Jill Biden"))])
    assert node_of(res, "readout") == "Joe Biden"


def test_a_bare_given_name_never_joins_a_full_name_across_documents():
    # "Go ahead, Chris." in a briefing is a reporter, not the senator another document names
    recs = [doc("a", person("e0", "Chris Murphy", titles=["Senator"])),
            doc("brief", person("e0", "Chris"), person("e1", "Jen Psaki", titles=["Press Secretary"])),
            doc("titled", person("e0", "Chris", titles=["Senator"]))]
    res = resolve(recs)
    assert node_of(res, "brief") is None
    assert node_of(res, "titled") != "Chris Murphy"
    murphy = [e for e in res.entities if e.name == "Chris Murphy"][0]
    assert set(murphy.forms) == {"Chris Murphy"} and murphy.docs == {"a"}


def test_a_common_word_as_a_whole_name_is_no_one_unless_the_corpus_has_it_as_a_surname():
    odd = [doc(f"n{i}", person("e0", "Extraordinary", titles=["Ambassador"], evidence=["title", "common-word"]))
           for i in range(2)]
    young = [doc("y", person("e0", "Young", titles=["Senator"], evidence=["title", "common-word"])),
             doc("t", person("e0", "Todd Young", titles=["Senator"], evidence=["title"]))]
    res = resolve(odd + young)
    assert groups(res) == [["Todd Young", "Young"]]
    assert any(e["left_out"] == ["Extraordinary"] for e in rule_entries(res, "not-a-person"))


def test_a_name_led_by_no_first_name_and_ending_in_a_word_is_no_one_unless_the_corpus_has_that_surname():
    # the tagger's "word-tail" mark: no name table knows "Zorvath" or "Quillon" as a first name,
    # and "airfield" and "bay" are common words
    thing = doc("a", person("e0", "Zorvath Airfield", evidence=["word-tail"]))
    named = [doc("b", person("e0", "Quillon Bay", evidence=["word-tail"])),
             doc("c", person("e0", "Wes Bay", titles=["Senator"], evidence=["title"]))]
    res = resolve([thing] + named)
    assert node_of(res, "a") is None
    assert node_of(res, "b") == "Quillon Bay" and node_of(res, "c") == "Wes Bay"
    assert any(e["left_out"] == ["Zorvath Airfield"] for e in rule_entries(res, "not-a-person"))
    # titled, it is a person whatever its words
    titled = doc("d", person("e0", "Zorvath Airfield", titles=["Governor"], evidence=["title"]))
    assert node_of(resolve([titled]), "d") == "Zorvath Airfield"


def test_a_plural_honorific_before_a_surname_is_no_part_of_the_name():
    res = resolve([doc("a", person("e0", "Doctors Quill", forms=["Doctors Quill"])),
                   doc("b", person("e0", "Ann Quill", titles=["Dr."]))])
    assert node_of(res, "a") == "Ann Quill"


def test_bare_surnames_with_offices_no_one_holds_at_once_are_two_people():
    res = resolve([doc("a", person("e0", "Quill", titles=["Senator"])),
                   doc("b", person("e0", "Quill", titles=["Governor"])),
                   doc("c", person("e0", "Quill", titles=["Governor"]))])
    assert res.of("a", "e0") != res.of("b", "e0") and res.of("b", "e0") == res.of("c", "e0")
    res = resolve([doc("a", person("e0", "Quill", titles=["Senator"])), doc("b", "Quill")])
    assert res.of("a", "e0") == res.of("b", "e0")  # one office only: one person, as before


def test_a_given_name_used_only_to_call_on_someone_joins_no_one_of_that_surname():
    res = resolve([doc("a", person("e0", "Lena George", titles=["Director"])),
                   doc("b", person("e0", "George", evidence=["addressed"]))])
    assert node_of(res, "b") is None and node_of(res, "a") == "Lena George"
    res = resolve([doc("a", person("e0", "Lena George", titles=["Director"])), doc("b", "George")])
    assert node_of(res, "b") == "Lena George"  # a bare surname still joins her


def test_dr_and_a_surname_beside_the_president_of_that_surname_joins_the_corpus_doctor():
    def titled(key, name, forms, titles=(), titled_forms=()):
        e = person(key, name, forms, titles=titles)
        e.titled_forms = list(titled_forms)
        return e
    recs = [doc(f"p{i}", titled("e0", "Tom Roe", ["Tom Roe"], ["President"], ["President Tom Roe"])) for i in range(6)]
    recs += [doc(f"d{i}", titled("e0", "Jill Roe", ["Jill Roe"], (), ["Dr. Jill Roe"])) for i in range(2)]
    recs.append(doc("x", titled("e0", "Tom Roe", ["Tom Roe"], ["President"], ["President Tom Roe"]),
                    titled("e1", "Roe", ["Roe"], (), ["Dr. Roe"])))
    res = resolve(recs)
    assert node_of(res, "x", "e1") == "Jill Roe" and node_of(res, "x", "e0") == "Tom Roe"


def test_a_surname_in_office_does_not_join_the_one_full_name_the_corpus_never_gives_an_office():
    res = resolve([doc("a", "John Quill", "George Marsh"),
                   doc("b", person("e0", "Quill", titles=["Mayor"])),
                   doc("b2", person("e0", "Ken Rowe", titles=["Director"])),
                   doc("b3", person("e0", "Rowe", titles=["Senator"])),
                   doc("c", person("e0", "Marsh", titles=["Senator"])),
                   doc("d", person("e0", "George Marsh", titles=["Senator"]))])
    assert node_of(res, "b") is None  # the one Quill is never given a title: Mayor Quill is someone else
    assert node_of(res, "b3") is None  # nor is Senator Rowe the director Ken Rowe
    assert node_of(res, "c") == "George Marsh"
    assert any("is never given one" in e["reason"] for e in rule_entries(res, "ambiguous"))


def test_a_short_surname_only_spelt_alike_a_suffix_or_a_rank_the_one_full_name_lacks_joins_no_one():
    res = resolve([doc("a", "Hugo Yon", "Winslow Quill"),
                   doc("b", person("e0", "Yoon", titles=["President"])),
                   doc("c", person("e0", "Jon")),
                   doc("d", person("e0", "Quill, Jr.", forms=["Quill, Jr.", "Quill"])),
                   doc("e", person("e0", "Quill", titles=["Major"])),
                   doc("f", person("e0", "Yon"))])
    assert [node_of(res, d) for d in "bcde"] == [None] * 4
    assert node_of(res, "f") == "Hugo Yon"  # spelt as the full name: the one Yon


def test_a_rank_joins_only_someone_the_corpus_gives_a_rank():
    res = resolve([doc("a", person("e0", "Alain Quill", titles=["Ambassador"])),
                   doc("b", person("e0", "Quill", titles=["Sergeant Major"])),
                   doc("c", person("e0", "Ivo Marsh", titles=["Colonel"])),
                   doc("d", person("e0", "Marsh", titles=["Colonel"]))])
    assert node_of(res, "b") is None      # an ambassador is no sergeant major
    assert node_of(res, "d") == "Ivo Marsh"


def test_a_post_joins_no_one_the_corpus_gives_only_other_titles():
    res = resolve([doc("a", person("e0", "Jon Quill", titles=["Executive Director"])),
                   doc("b", person("e0", "Quill", titles=["Labor Secretary"])),
                   doc("c", person("e0", "Ivo Marsh", titles=["Secretary of Labor"])),
                   doc("d", person("e0", "Marsh", titles=["Labor Secretary"]))])
    assert node_of(res, "b") is None   # a director, never a secretary
    assert node_of(res, "d") == "Ivo Marsh"
    # a deputy's post too, but a deputy may be the secretary the corpus names, before or after
    res = resolve([doc("a", person("e0", "Jon Quill", titles=["Representative"])),
                   doc("b", person("e0", "Quill", titles=["Deputy Secretary"])),
                   doc("c", person("e0", "Ivo Marsh", titles=["Secretary of State"])),
                   doc("d", person("e0", "Marsh", titles=["Deputy Secretary"]))])
    assert node_of(res, "b") is None and node_of(res, "d") == "Ivo Marsh"
    # a president too: "President Quill" of a speech is not the one board member the corpus names Quill
    res = resolve([doc("a", person("e0", "Jon Quill", titles=["Member"])),
                   doc("b", person("e0", "Quill", titles=["President"])),
                   doc("c", person("e0", "Ivo Marsh", titles=["President"])),
                   doc("d", person("e0", "Marsh", titles=["President"]))])
    assert node_of(res, "b") is None and node_of(res, "d") == "Ivo Marsh"


def test_a_titled_surname_does_not_join_the_one_full_name_the_corpus_never_titles():
    res = resolve([doc("a", "Charles Quill"), doc("b", person("e0", "Quill", titles=["President"])),
                   doc("c", "Ann Marsh"), doc("d", person("e0", "Marsh", titles=["President"])),
                   doc("e", person("e0", "Ann Marsh", titles=["President"]))])
    assert node_of(res, "b") is None and node_of(res, "d") == "Ann Marsh"


def test_a_name_only_ever_after_at_is_a_place_unless_something_says_it_is_a_person():
    res = resolve([doc("a", person("e0", "Walter Quill", evidence=["at-place"])),
                   doc("b", person("e0", "Walter Quill", evidence=["at-place"])),
                   doc("c", person("e0", "Ann Marsh", evidence=["at-place"])),
                   doc("d", person("e0", "Ann Marsh", titles=["Senator"], evidence=["title"]))])
    assert node_of(res, "a") is None and node_of(res, "b") is None
    assert node_of(res, "c") == "Ann Marsh"  # a senator elsewhere in the corpus


def test_a_first_name_tells_a_gender_only_when_nine_in_ten_of_its_bearers_share_it():
    from graphkit.names import given_name_gender

    assert (given_name_gender("Nancy"), given_name_gender("Mitch")) == ("f", "m")
    assert given_name_gender("Taylor") is None and given_name_gender("Zzyzx") is None


def test_a_short_pet_name_joins_the_holder_of_the_same_office_that_year_and_no_one_else():
    recs = [doc(f"full{i}", person("e0", "Benedikt Talvar", titles=["Prime Minister"]), published="2023-05-01")
            for i in range(3)]
    recs += [doc("pet", person("e0", "Beni Talvar", titles=["Prime Minister"]), published="2023-10-11"),
             doc("bare", person("e0", "Talvar", titles=["Prime Minister"]), published="2023-10-12")]
    # the other holder of an office of that name, years before, and a namesake with another letter
    recs += [doc("son", person("e0", "Jon Marek", titles=["President"]), published="2023-01-01"),
             doc("father", person("e0", "Jonas Marek", titles=["President"]), published="2001-01-01"),
             doc("frank", person("e0", "Fred Orlov", titles=["President"]), published="2023-01-01"),
             doc("theo", person("e0", "Theodore Orlov", titles=["President"]), published="2023-02-01")]
    res = resolve(recs)
    assert node_of(res, "pet") == node_of(res, "bare") == "Benedikt Talvar"
    entry = rule_entries(res, "pet-name")
    assert len(entry) == 1 and entry[0]["evidence"]["office"] == ["minister"]
    assert node_of(res, "son") != node_of(res, "father") and node_of(res, "frank") != node_of(res, "theo")
