"""Roles: one test per construction, so a regression names what it broke."""
from helpers import name_of, record


def titles(rec, person):
    return {r.title for r in rec.roles if name_of(rec, r.person) == person}


def test_prenominal_title_with_affiliation():
    rec = record("Kremlin spokesman Dmitry Peskov told reporters the call went well.")
    assert "Kremlin spokesman" in titles(rec, "Dmitry Peskov")
    role = next(r for r in rec.roles if name_of(rec, r.person) == "Dmitry Peskov")
    assert name_of(rec, role.org) == "Kremlin"


def test_apposition_after_name():
    rec = record("Dmitry Peskov, the press secretary of the Russian president, spoke on Friday.")
    assert any("press secretary" in t for t in titles(rec, "Dmitry Peskov"))


def test_apposition_before_name():
    rec = record("The talks were opened by the Italian Prime Minister, Mario Draghi, in Rome.")
    assert any("Prime Minister" in t for t in titles(rec, "Mario Draghi"))


def test_copular_clause():
    rec = record("Nikolai Patrushev is the secretary of Russia's Security Council.")
    assert any("secretary" in t.lower() for t in titles(rec, "Nikolai Patrushev"))


def test_relative_clause():
    rec = record("Sergei Ryabkov, who is deputy foreign minister, led the Russian side.")
    assert any("deputy foreign minister" in t.lower() for t in titles(rec, "Sergei Ryabkov"))


def test_list_of_officials():
    rec = record("The delegation, including Chief of the General Staff Valery Gerasimov and "
                 "Deputy Secretary of State Wendy Sherman, arrived on Monday.")
    assert any("Chief of the General Staff" in t for t in titles(rec, "Valery Gerasimov"))
    assert any("Deputy Secretary of State" in t for t in titles(rec, "Wendy Sherman"))


def test_military_ranks_are_not_part_of_title_or_name():
    rec = record("Deputy Defense Minister Col. Gen. Alexander Fomin attended the consultations.")
    assert any("Deputy Defense Minister" in t for t in titles(rec, "Alexander Fomin"))


def test_title_used_as_name_resolves_to_its_holder():
    rec = record("Kremlin spokesman Dmitry Peskov spoke to reporters. "
                 "\"The talks were useful,\" the Kremlin spokesman said.")
    q = rec.quotes[0]
    assert name_of(rec, q.speaker) == "Dmitry Peskov"


def test_under_secretary_keeps_under():
    rec = record("Last spring, Under Secretary of Defense Colin Kahl toured the base.")
    assert "Under Secretary of Defense" in titles(rec, "Colin Kahl")


def test_dateline_dash_is_not_part_of_the_title():
    rec = record("BRUSSELS - NATO Secretary General Jens Stoltenberg opened the meeting.")
    assert not any("BRUSSELS" in t for t in titles(rec, "Jens Stoltenberg"))
    assert any(t.endswith("Secretary General") for t in titles(rec, "Jens Stoltenberg"))


def test_title_owned_by_another_person_goes_to_the_named_holder():
    # the title after "Biden's" is Psaki's, not "President" cut short before the owner's name
    rec = record("The statement came from Jen Psaki, President Joe Biden's press secretary, on Monday.")
    assert titles(rec, "Jen Psaki") == {"press secretary"}
    rec = record("Chancellor Angela Merkel's spokesman Steffen Seibert declined to comment.")
    assert titles(rec, "Steffen Seibert") == {"spokesman"}


def test_title_words_tagged_as_an_organisation_are_not_an_affiliation():
    rec = record("Remarks by Press Secretary Karine Jean-Pierre and National Security Advisor Jake Sullivan")
    assert titles(rec, "Jake Sullivan") == {"National Security Advisor"}
    for r in rec.roles:
        assert r.org is None and r.org_name is None, (name_of(rec, r.person), r.title)


def test_first_lady_is_a_title_and_a_time_before_a_title_is_not_part_of_it():
    rec = record("All right, First Lady Ana Roe is traveling today to Spain. This morning President Roe met Tom Hale, "
                 "and then President Roe left.")
    assert titles(rec, "Ana Roe") == {"First Lady"}
    # the President is not the First Lady of the same surname: a titled person of their own
    assert {r.title for r in rec.roles if name_of(rec, r.person) == "Roe"} == {"President"}


def test_a_preposition_or_under_before_a_title_head_is_not_part_of_the_title():
    rec = record("Under President Tom Roe's leadership, jobs grew. There is scrutiny on President Tom Roe. "
                 "Under Secretary of State Ana Lee came.")
    assert titles(rec, "Tom Roe") == {"President"}
    assert titles(rec, "Ana Lee") == {"Under Secretary of State"}


def test_the_bare_office_is_not_the_foreign_namesake_a_sentence_names_beside_it():
    rec = record("MR. HALE: Well, the President spoke with President Ivan Petrov two weeks ago.\n\n"
                 "Q And the Pope?\n\nMR. HALE: The President met with the Pope on Friday.", published="2021-11-01")
    petrov = next(e for e in rec.entities if e.name == "Ivan Petrov")
    assert petrov.title_refs == []  # "the President" is left to the office's holder that day
    assert [e.offices for e in rec.events] == [["president"], ["president"]]


def test_two_titles_parted_by_on_and_a_headline_preposition_before_a_title_are_not_one_title():
    rec = record("Background Press Call by a Senior Official on President Ana Lee's Call. "
                 "A statement on the Passing of Congressman Tom Hale followed.")
    assert titles(rec, "Ana Lee") == {"President"}
    assert titles(rec, "Tom Hale") == {"Congressman"}


def test_a_salutation_and_a_headlines_verb_are_no_words_of_a_title(tmp_path):
    from helpers import titled_record

    rec = titled_record(tmp_path, "Leaders in Industry Applaud President Ivo Marsh’s Plan to Lower Costs",
                        "Dear President Marsh, we write to thank you for the plan.", "2023-05-01")
    assert titles(rec, "Ivo Marsh") == {"President"}
