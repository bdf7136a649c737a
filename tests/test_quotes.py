"""Quotes: each attribution construction, mark style and repair."""
from helpers import name_of, record


def quotes(rec):
    return [(name_of(rec, q.speaker), q.text) for q in rec.quotes]


def test_said_x_after_quote():
    rec = record("Sergei Lavrov spoke in Geneva. “We have no plans to attack anyone,” said Sergei Lavrov.")
    assert ("Sergei Lavrov", "We have no plans to attack anyone") in quotes(rec)


def test_x_said_colon_before_quote_straight_marks():
    rec = record('Antony Blinken said: "We are on a clearer path to understanding each other."')
    assert quotes(rec)[0][0] == "Antony Blinken"


def test_split_quote_keeps_speaker():
    rec = record('"The talks were frank," Wendy Sherman said. "We made no promises."')
    qs = quotes(rec)
    assert [s for s, _ in qs] == ["Wendy Sherman", "Wendy Sherman"]


def test_multi_paragraph_quote_is_one_quotation():
    rec = record("Wendy Sherman told reporters:\n\n“The first point is simple.\n\n“The second point is harder.”")
    texts = [t for _, t in quotes(rec)]
    assert any("first point" in t and "second point" in t for t in texts)


def test_missing_opening_mark():
    rec = record("Dmitry Peskov spoke on Monday.\n\nContacts will continue at every level,” Dmitry Peskov said.")
    assert any(s == "Dmitry Peskov" and t.startswith("Contacts will continue") for s, t in quotes(rec))


def test_transcript_turns_are_quotes():
    rec = record("Press Briefing by Press Secretary Jen Psaki\n\nMS. PSAKI: Good afternoon, everyone. "
                 "We have a lot to cover today.\n\nQ Thanks, Jen. Is a call planned?\n\n"
                 "MS. PSAKI: Nothing to announce yet on that front.")
    qs = quotes(rec)
    assert len(qs) == 2 and all(s == "Jen Psaki" for s, _ in qs)


def test_reaction_list_names_each_speaker_even_when_ner_misses_them():
    # a "here is what they are saying" list: outlet, title and name, a colon, the quotation
    rec = record("What people are saying:\n\n"
                 "Acme Daily's Nora Quill: “Prices fell across the board this spring.”\n\n"
                 "Widget Weekly Chief Economist Caleb Silver: “The smoke was worse than the fire here.”\n\n"
                 "Rowan Trust Fund: “We welcome the figures.”")
    qs = quotes(rec)
    assert ("Caleb Silver", "The smoke was worse than the fire here.") in qs
    assert ("Nora Quill", "Prices fell across the board this spring.") in qs
    assert all(s != "Caleb Silver" for s, t in qs if t.startswith("We welcome"))


def test_a_long_turn_is_one_quotation_however_many_paragraphs():
    paras = [f"Paragraph {i} says something the speaker means about the budget and the roads." * 4 for i in range(12)]
    rec = record("MS. ANA LEE: " + "\n\n".join(paras) + "\n\nQ Thank you.\n\nMS. LEE: Sure.")
    turns = [q for q in rec.quotes if q.pattern.startswith("transcript-turn")]
    assert len(turns) == 2 and turns[0].text.startswith("Paragraph 0") and turns[0].text.endswith(paras[-1][-20:])


def test_quoted_words_that_name_something_are_no_ones_quotation():
    rec = record("Tom Hale supported rescue efforts during the “Miracle on the River.” Governor Ana Lee believes "
                 "there is not a single thing “We the People” cannot accomplish. Senator Bo Vance called the bill "
                 "“a shameful waste of money.”")
    assert [q.text for q in rec.quotes] == ["a shameful waste of money."]


def test_a_turn_broken_by_an_interjection_is_one_quotation_and_a_turn_cut_off_early_is_none():
    rec = record("Remarks by Vice President Ana Lee in a Conversation with Rita Ortiz\n\n"
                 "MS. ORTIZ: And now you are on a tour of colleges —\n\nTHE VICE PRESIDENT: Yeah.\n\n"
                 "MS. ORTIZ: — going to a dozen campuses this month. What do students tell you?\n\n"
                 "THE VICE PRESIDENT: So, let’s be —\n\nMS. ORTIZ: Honest?\n\n"
                 "THE VICE PRESIDENT: They tell me they want a fair shot at a good life.\n\nEND\n")
    got = [(name_of(rec, q.speaker), q.text) for q in rec.quotes]
    assert ("Rita Ortiz", "And now you are on a tour of colleges — going to a dozen campuses this month. "
                          "What do students tell you?") in got
    assert not any(text.endswith("—") or text.startswith("—") for _, text in got)
    assert ("Ana Lee", "They tell me they want a fair shot at a good life.") in got


def test_the_title_that_says_a_quotation_is_the_one_person_the_document_gives_it():
    rec = record("The Attorney General, Ana Lee, testified today. Senator Tom Hale said, “Would you agree that it is "
                 "not working?” And the Attorney General said, “I would agree with that because of the numbers.”")
    got = [(name_of(rec, q.speaker), q.text[:20]) for q in rec.quotes]
    assert ("Ana Lee", "I would agree with t") in got and ("Tom Hale", "Would you agree that") in got
    rec = record("As the professor of history Rita Ortiz wrote last year, “All great powers have little choice.”")
    assert [name_of(rec, q.speaker) for q in rec.quotes] == ["Rita Ortiz"]


def test_a_term_in_quotation_marks_is_no_quotation():
    rec = record("President Ivo Marsh announced new housing aid. Veteran renter households have what the agency "
                 "terms “worst-case housing needs.” The so-called “rent cliff” worries them.")
    assert rec.quotes == []
