"""Layout: wrapped lines, Markdown marks and odd spaces become the text a reader sees."""
import json

from graphkit.layout import lay_out
from graphkit.read import read_documents
from graphkit.extract.transcript import find_turns


def test_wrapped_lines_are_one_paragraph_and_blank_lines_keep_breaks():
    text = "The minister met today with\nthe visiting envoy and her\ndeputy.\n\nA second paragraph."
    assert lay_out(text) == "The minister met today with the visiting envoy and her deputy.\n\nA second paragraph."


def test_markdown_marks_links_and_tags_are_read_as_text():
    text = ("**Bold** words, a [linked phrase](https://example.org/a/b) and the 5<sup>th</sup> of May;"
            " a <s>struck</s> word, R&amp;D and x\u00a0\u00a0y.")
    assert lay_out(text) == "Bold words, a linked phrase and the 5th of May; a word, R&D and x y."


def test_list_items_and_headings_are_paragraphs_of_their_own():
    text = "# A heading\n\nThe list:\n\n-   first item that wraps\n    onto a second line\n-   second item"
    assert lay_out(text).split("\n\n") == ["A heading", "The list:", "first item that wraps onto a second line",
                                           "second item"]


def test_speaker_labels_date_and_time_lines_keep_their_breaks():
    text = "Remarks on a visit\nMarch 3, 2023\n\n4:10 P.M. EST\n\nTHE CHAIR: Welcome.\nMS. ROE: Thank you."
    assert lay_out(text).split("\n\n") == ["Remarks on a visit", "March 3, 2023", "4:10 P.M. EST",
                                           "THE CHAIR: Welcome.", "MS. ROE: Thank you."]


def test_stage_directions_are_dropped():
    assert lay_out("GOVERNOR ROE: (As interpreted.) Good morning. (Laughter.) Thank you (inaudible).") == \
        "GOVERNOR ROE: Good morning. Thank you."


def test_jsonl_title_is_the_first_paragraph(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "Readout of a Call", "text": "The two leaders\nspoke today."}) + "\n")
    doc = next(read_documents([path]))
    assert doc.text == "Readout of a Call\n\nThe two leaders spoke today."
    assert doc.headline_end == len("Readout of a Call") and doc.title == "Readout of a Call"


def test_txt_first_line_is_a_headline_only_when_it_reads_as_one(tmp_path):
    (tmp_path / "a.txt").write_text("Leaders Meet in Oslo\n\nThe leaders met.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The leaders met in Oslo on Monday.\n\nThey talked.", encoding="utf-8")
    docs = {d.id: d for d in read_documents([tmp_path])}
    assert docs["a.txt"].headline_end == len("Leaders Meet in Oslo")
    assert docs["b.txt"].headline_end == 0


def test_a_wrapped_heading_in_capitals_is_no_speaker_label_and_stray_bold_marks_go():
    text = ("**MAKING THE CITY THE GREENEST PLACE IN THE\nNATION: **The mayor kept her promise to plant\ntrees.\n\n"
            "-   **The councillor said the plan would be “**[**a waste of money**](https://example.org/x)**,” **even\n"
            "    though it saves money.")
    out = lay_out(text)
    assert out.startswith("MAKING THE CITY THE GREENEST PLACE IN THE NATION: The mayor kept her promise to plant trees.")
    assert "would be “a waste of money,” even though" in out and "*" not in out
    assert find_turns(out) == []


def test_a_wrapped_sentences_last_word_and_colon_is_no_speaker_label():
    text = ("MS. LEE:  We need funding, and this is what is at stake in our fight against\nMEASLES:\n\n"
            "By May, our supply will run out.\nMR. ROE:  Thank you.")
    assert lay_out(text) == ("MS. LEE: We need funding, and this is what is at stake in our fight against MEASLES:\n\n"
                             "By May, our supply will run out.\n\nMR. ROE: Thank you.")


def test_a_transcripts_correction_reads_as_the_right_word_without_its_brackets():
    assert lay_out("including Congressman Byron <s>Dawson</s> \\[Dowell\\], and ~~Tom~~ [Tim] Hale.") == \
        "including Congressman Byron Dowell, and Tim Hale."
