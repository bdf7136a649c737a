"""Transcripts by their shape: speaker labels of every house style, turns, venue lines (no model needed)."""
import pytest

from graphkit.extract.transcript import find_turns, speaker_of_role, split_label, venue_lines
from graphkit.layout import lay_out


@pytest.mark.parametrize("label,expected", [
    ("PRESIDENT ROE", ("President", "Roe")),
    ("PRIME MINISTER DOE", ("Prime Minister", "Doe")),
    ("ACTING SECRETARY LI", ("Acting Secretary", "Li")),
    ("LIEUTENANT GENERAL MARSH", ("Lieutenant General", "Marsh")),
    ("SECRETARY OF STATE ROE", ("Secretary of State", "Roe")),
    ("THE SECOND GENTLEMAN", ("Second Gentleman", None)),
    ("THE PRESIDENT", ("President", None)),
    ("COACH TATE", ("Coach", "Tate")),
    ("MR DOE", ("Mr", "Doe")),
    ("MS. JEAN-ROE", ("Ms", "Jean-Roe")),
    ("MR. KING", ("Mr", "King")),
    ("DR. MCDOE", ("Dr", "McDoe")),
    ("JANE ROE", (None, "Jane Roe")),
])
def test_split_label(label, expected):
    assert split_label(label) == expected


def turns_of(text):
    text = lay_out(text)
    return text, find_turns(text)


def test_labels_without_dot_with_accents_and_no_break_spaces():
    text, turns = turns_of("MR DOE:\u00a0 Hello there.\n\nPRESIDENT SÁNCHEZ:\u00a0 Good day.\n\nQ A question?\n\nMR DOE: An answer.")
    assert [(t.name, t.question) for t in turns] == [("Doe", False), ("Sánchez", False), (None, True), ("Doe", False)]
    assert text[turns[1].start:turns[1].end].strip() == "Good day."


def test_a_single_speaker_framed_by_time_lines_and_the_closing_time_ends_the_turn():
    text, turns = turns_of("10:02 A.M. EDT\n\nTHE VICE PRESIDENT: Good morning, everyone.\n\nWe begin.\n\n10:30 A.M. EDT")
    assert len(turns) == 1 and turns[0].role == "Vice President" and turns[0].name is None
    assert text[turns[0].start:turns[0].end].split() == "Good morning, everyone. We begin.".split()


def test_an_end_mark_and_time_on_one_line_end_the_last_turn():
    text, turns = turns_of("10:02 A.M. EDT\n\nTHE VICE PRESIDENT: Good morning.\n\nThank you.\xa0 (Applause.)"
                           "\n\n\xa0\xa0\xa0 END\xa0\xa0\xa0\xa0 10:30 A.M. EDT")
    assert len(turns) == 1
    assert text[turns[0].start:turns[0].end].split() == "Good morning. Thank you.".split()


def test_addresses_and_instructions_are_not_speakers():
    _, turns = turns_of("TO THE CONGRESS OF THE UNITED STATES: I transmit a report.\n\n"
                        "FOR FURTHER INFORMATION CONTACT: the press office.")
    assert turns == []


def test_an_uppercase_lead_in_without_a_transcript_is_a_heading():
    _, turns = turns_of("RECORD HIGH: Exports rose again this month.\n\nThe numbers are in.")
    assert turns == []


def test_interpreter_and_audience_are_nobody():
    _, turns = turns_of("9:00 A.M.\n\nINTERPRETER: Thank you.\n\nAUDIENCE MEMBER: Yes!")
    assert all(t.name is None and t.role is None for t in turns)


def test_speaker_of_role_prefers_the_holder_no_other_label_names():
    holders = [("e1", ["Secretary"]), ("e2", ["Secretary"]), ("e3", ["Vice President"]), ("e4", ["President"])]
    assert speaker_of_role("Secretary", holders, named_in_labels={"e2"}, headline_order=[]) == "e1"
    assert speaker_of_role("Secretary", holders, named_in_labels=set(), headline_order=[]) is None
    assert speaker_of_role("Vice President", holders, set(), []) == "e3"


def test_a_head_of_state_label_is_the_headlines_not_one_the_body_mentions():
    holders = [("e4", ["President"]), ("e5", ["President Roe"])]
    assert speaker_of_role("President", holders, set(), headline_order=[]) is None
    assert speaker_of_role("President", holders, set(), headline_order=["e5"]) == "e5"


def test_venue_lines_come_before_the_time_line():
    text = lay_out("Remarks Before a Meeting\n\nBlue Room\n\nRiverside, State\n\n3:00 P.M.\n\nMR DOE: Hi.")
    head = len("Remarks Before a Meeting")
    assert [text[s:e] for s, e, _ in venue_lines(text, head + 1)] == ["Blue Room", "Riverside, State"]
    text = lay_out("A Gaggle\n\nAboard a Government Plane\n\n1:00 P.M.\n\nMR DOE: Hi.")
    assert [a for _, _, a in venue_lines(text, len("A Gaggle") + 1)] == [True]


def test_mixed_case_labels_of_ministry_and_kremlin_transcripts():
    text, turns = turns_of("President of Norway Ivan Petrov: Good afternoon, colleagues.\n\n"
                           "Question: Will there be talks?\n\nIvan Petrov: There will.")
    assert [(t.name, t.role, t.question) for t in turns] == [
        ("Ivan Petrov", "President of Norway", False), (None, None, True), ("Ivan Petrov", None, False)]


def test_a_single_mixed_case_lead_in_is_a_heading():
    _, turns = turns_of("Key Points: the plan has three parts.\n\nThe first part is funding.")
    assert turns == []


def test_a_call_line_is_no_venue():
    text = lay_out("Background Press Call\n\nVia Teleconference\n\n3:00 P.M.\n\nMR DOE: Hi.")
    assert venue_lines(text, len("Background Press Call") + 1) == []


def test_an_audience_line_ends_the_turn_it_interrupts_and_is_nobodys():
    from graphkit.extract.transcript import find_turns

    text = "Intro\n\nTHE GOVERNOR: Once it is built —\n\nAUDIENCE: Booo —\n\nTHE GOVERNOR: — it will last.\n"
    turns = find_turns(text)
    assert [(t.label, t.name, t.role, text[t.start:t.end].strip()) for t in turns] == [
        ("THE GOVERNOR", None, "Governor", "Once it is built —"), ("AUDIENCE", None, None, "Booo —"),
        ("THE GOVERNOR", None, "Governor", "— it will last.")]


def test_cross_talk_is_a_stage_direction():
    from graphkit.layout import STAGE_DIRECTION

    assert STAGE_DIRECTION.sub("", "Thanks, everybody. (Cross-talk.)") == "Thanks, everybody."


def test_a_turn_that_is_only_a_transcribers_note_is_no_quotation():
    from helpers import name_of, record

    rec = record("Remarks by Governor Ana Lee\n\n10:00 A.M. EDT\n\nGOVERNOR LEE: Good morning, everyone.\n\n"
                 "MR. HALE: (Inaudible) —\n\nGOVERNOR LEE: Thank you, Tom.\n\n10:10 A.M. EDT")
    assert all(not q.text.startswith("(Inaudible") for q in rec.quotes)
    assert any(name_of(rec, q.speaker) == "Ana Lee" and q.text == "Thank you, Tom." for q in rec.quotes)


def test_a_reporters_q_run_into_the_next_label_is_the_label_it_starts():
    text = "Q   Does the Governor agree?\n\nQMS. LEE:  She does.\n\nQ Thanks.\n\nMS. LEE: Sure."
    assert [(t.label, t.name, t.question) for t in find_turns(text)] == [
        ("Q", None, True), ("MS. LEE", "Lee", False), ("Q", None, True), ("MS. LEE", "Lee", False)]


def test_a_lone_word_label_the_text_never_gives_as_a_name_is_a_heading():
    text, turns = turns_of("Fact Sheet: Setting the Record Straight\n\nMYTH: The plan costs more.\n\nFACT: The plan "
                           "costs less, and Jane Roe agrees.\n\nROE: It does.")
    assert [t.name for t in turns] == ["Roe"]
