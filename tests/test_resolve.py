"""Cross-document resolution: variants join, namesakes stay apart, overrides win, the log explains."""
import json

from graphkit.records import DocRecord, LocalEntity
from graphkit.resolve import load_overrides, resolve


def rec(doc_id, *people, titles=None):
    ents = [LocalEntity(key=f"e{i}", type="Person", name=n, forms=[n], mentions=1,
                        titles=(titles or {}).get(n, [])) for i, n in enumerate(people)]
    return DocRecord(doc_id=doc_id, title=doc_id, published=None, url=None, path=doc_id, content_hash="x",
                     words=1, entities=ents)


def people(res):
    return sorted(sorted(e.forms) for e in res.entities if e.members)


def test_transliteration_variants_join_across_documents():
    res = resolve([rec("a", "Sergei Lavrov", "Yury Ushakov"), rec("b", "Sergey Lavrov", "Yuriy Ushakov"),
                   rec("c", "Aleksandr Fomin"), rec("d", "Alexander Fomin"), rec("e", "Anthony Blinken"),
                   rec("f", "Antony Blinken")])
    assert people(res) == [["Aleksandr Fomin", "Alexander Fomin"], ["Anthony Blinken", "Antony Blinken"],
                           ["Sergei Lavrov", "Sergey Lavrov"], ["Yuriy Ushakov", "Yury Ushakov"]]
    assert all("reason" in entry and (entry.get("joined") or entry.get("left_out")) for entry in res.log)


def test_namesakes_stay_apart_and_an_ambiguous_bare_surname_joins_no_one():
    res = resolve([rec("a", "Jake Sullivan", "John Sullivan"), rec("b", "Sullivan"), rec("c", "Jake Sullivan")])
    assert people(res) == [["Jake Sullivan"], ["John Sullivan"]]
    left = [e for e in res.log if e.get("left_out") == ["Sullivan"]]
    assert left and left[0]["rule"] == "ambiguous" and left[0]["docs"] == ["b"]


def test_overrides_same_and_different(tmp_path):
    f = tmp_path / "ov.json"
    f.write_text(json.dumps({"same": [["Jen Saki", "Jen Psaki"]], "different": [["Sergei Lavrov", "Sergey Lavrov"]]}))
    ov = load_overrides(f)
    res = resolve([rec("a", "Jen Saki", "Sergei Lavrov"), rec("b", "Jen Psaki", "Sergey Lavrov")], ov)
    assert ["Jen Psaki", "Jen Saki"] in people(res)
    assert ["Sergei Lavrov"] in people(res) and ["Sergey Lavrov"] in people(res)
    assert any(e["reason"].startswith("override") for e in res.log)


def test_deterministic_iris():
    a = resolve([rec("a", "Joe Biden"), rec("b", "Vladimir Putin")])
    b = resolve([rec("b", "Vladimir Putin"), rec("a", "Joe Biden")])
    assert sorted(e.iri for e in a.entities) == sorted(e.iri for e in b.entities)


def org(doc_id, *names):
    ents = [LocalEntity(key=f"e{i}", type="Organization", name=n, forms=[n], mentions=1) for i, n in enumerate(names)]
    return DocRecord(doc_id=doc_id, title=doc_id, published=None, url=None, path=doc_id, content_hash="x",
                     words=1, entities=ents)


def test_acronyms_join_their_one_long_name_only():
    res = resolve([org("a", "Commonwealth of Independent States"), org("b", "CIS"),
                   org("c", "Center for European Studies"), org("d", "Council of Economic Staff"), org("e", "CES")])
    groups = sorted(sorted(e.forms) for e in res.entities if e.members)
    assert ["CIS", "Commonwealth of Independent States"] in groups
    assert ["Center for European Studies"] in groups and ["Council of Economic Staff"] in groups and ["CES"] in groups


def test_an_event_every_source_tells_before_its_day_is_planned_however_one_sentence_put_it():
    from graphkit.records import EventRec
    r = rec("a", "Ana Lee", "Tom Hale")
    r.published = "2024-07-08"
    r.events = [EventRec(kind="Summit", name="summit", participants=["e0", "e1"], date="2024-07-10", planned=True, sents=[1]),
                EventRec(kind="Summit", name="summit", participants=["e0", "e1"], date="2024-07-10", planned=False, sents=[4])]
    res = resolve([r])
    assert [e.planned for e in res.events] == [True]
    r.published = "2024-07-12"  # told after its day: it was held
    assert [e.planned for e in resolve([r]).events] == [False]
    # a month wholly after the day it is told ("the summit in November", told in June) is ahead too
    r.published = "2024-06-22"
    r.events = [EventRec(kind="Summit", name="summit", participants=["e0", "e1"], date="2024-11", planned=False, sents=[1])]
    assert [e.planned for e in resolve([r]).events] == [True]
    r.published = "2024-11-02"  # told within that month: it may have happened
    assert [e.planned for e in resolve([r]).events] == [False]


def test_an_event_of_one_person_with_no_day_place_or_body_says_nothing_and_is_left_out():
    from graphkit.records import EventRec
    r = rec("a", "Ana Lee", "Tom Hale", "Paris")
    r.entities[2].type = "Place"
    r.events = [EventRec(kind="Call", name="call", participants=["e0"], sents=[1]),
                EventRec(kind="Visit", name="visit", participants=["e0"], locations=["e2"], sents=[2]),
                EventRec(kind="Call", name="call", participants=["e0", "e1"], sents=[3])]
    assert sorted((e.kind, len(e.participants)) for e in resolve([r]).events) == [("Call", 2), ("Visit", 1)]


def test_the_same_event_word_far_apart_in_a_document_is_two_items_of_a_schedule():
    from graphkit.records import EventRec
    r = rec("a", "Ana Lee", "Tom Hale", "Paris")
    r.entities[2].type = "Place"
    r.events = [EventRec(kind="Meeting", name="welcome", participants=["e0"], locations=["e2"], sents=[2], trigger="welcome"),
                EventRec(kind="Meeting", name="welcome", participants=["e0", "e1"], sents=[9], trigger="welcome")]
    assert len(resolve([r]).events) == 2
    r.events[1].sents = [3]  # the next sentence but one: the same welcome told again
    assert len(resolve([r]).events) == 1
