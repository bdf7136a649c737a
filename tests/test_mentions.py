"""Mentions and within-document resolution: one entity per person, titles and possessives stripped."""
from helpers import names, record


def test_surname_joins_full_name_and_titles_are_not_names():
    rec = record("Russian Foreign Minister Sergei Lavrov arrived in Vienna on Monday. "
                 "Lavrov's aides said the trip was short. Later, Lavrov flew home.")
    assert "Sergei Lavrov" in names(rec)
    assert not any("Minister" in n or n.endswith("'s") for n in names(rec))
    lavrov = next(e for e in rec.entities if e.name == "Sergei Lavrov")
    assert "Lavrov" in lavrov.forms
    assert "Russian Foreign Minister Sergei Lavrov" in lavrov.titled_forms


def test_ambiguous_bare_surname_joins_nobody():
    rec = record("National Security Adviser Jake Sullivan spoke first. Ambassador John Sullivan "
                 "listened. Sullivan then left the room.")
    people = names(rec)
    assert {"Jake Sullivan", "John Sullivan"} <= people
    assert "Sullivan" not in people


def test_hyphenated_pair_names_two_people():
    rec = record("Joe Biden called Vladimir Putin on Tuesday. The Putin-Biden talks lasted an hour.")
    assert names(rec) == {"Joe Biden", "Vladimir Putin"}


def test_country_tagged_as_person_becomes_place():
    rec = record("Officials in Kiev said the talks in Geneva would go on. Kiev wants guarantees.")
    assert "Kiev" not in names(rec)


def test_spelling_variants_in_one_document_join():
    rec = record("Sergey Ryabkov met the envoy. Later Sergei Ryabkov said the talks were hard.")
    assert len([n for n in names(rec) if "Ryabkov" in n]) == 1


def test_fragments_possessives_and_common_nouns_are_not_people():
    rec = record("President Donald J. Trump signed the order on Monday. Donald J. praised it. "
                 "Trump's America is strong, he said. The Order takes effect today.")
    people = names(rec)
    assert "Donald J" not in people and "Order" not in people
    assert not any("America" in n for n in people)


def test_shouted_transcript_label_gets_a_readable_name():
    rec = record("Press briefing\n\nMS. LEAVITT: Good afternoon, everyone.\n\nQ Thank you.\n\n"
                 "MS. LEAVITT: Next question.")
    assert "Leavitt" in names(rec) and "LEAVITT" not in names(rec)


def test_bare_given_names_do_not_merge_across_documents():
    from graphkit.resolve import resolve

    a = record("Secretary Mike Pompeo spoke. Thanks, Mike.")
    b = record("Q Go ahead, Mike. MR. SMITH: Thank you, Mike.")
    b.doc_id = "u.txt"
    res = resolve([a, b])
    assert sum(1 for e in res.entities if e.members and e.name == "Mike") == 0


def test_news_outlets_named_next_to_a_media_word_are_organisations():
    from graphkit.extract.mentions import _media_spans
    from graphkit.nlp import load_nlp

    nlp = load_nlp()
    cases = {
        "Speaking on the Rossiya-24 TV channel, the minister said the talks were over.": ["Rossiya-24"],
        "The daily “Izvestia” reported the visit first.": ["Izvestia"],
        "He gave an interview to the Sky News Network on Sunday.": ["Sky News Network"],
        "The leaders shook hands in Paris. Photo: AP/Reuters": ["AP"],
        "He told Russian state television that nothing had changed.": [],  # whose outlet, not its name
        "Federal agency staff will return to offices.": [],
    }
    for text, want in cases.items():
        doc = nlp(text)
        got = [doc[a:b].text for a, b in _media_spans(doc)]
        assert got[:len(want)] == want and (want or not got), (text, got)


def test_press_service_is_the_organisation_that_speaks():
    rec = record("According to the Kremlin press service, the two presidents spoke for an hour.")
    assert any(e.name == "Kremlin press service" and e.type == "Organization" for e in rec.entities)


def test_venues_are_places_even_when_they_contain_a_name():
    from graphkit.extract.mentions import find_mentions
    from graphkit.nlp import load_nlp

    nlp = load_nlp()
    cases = {
        "The envoys talked for six hours at the U.S. mission in Vienna on Monday.": "U.S. mission in Vienna",
        "Reporters waited outside the French embassy all night.": "French embassy",
        "Ministers met at NATO headquarters before the summit.": "NATO headquarters",
        "The president followed the raid from the Situation Room.": "Situation Room",
        "The delegations stayed at the Hotel President Wilson by the lake.": "Hotel President Wilson",
    }
    for text, place in cases.items():
        got = [(m.text, m.label) for m in find_mentions(nlp(text), 0, 0, 0)]
        assert (place, "Place") in got, (text, got)
        assert not any(label == "Person" for _, label in got), (text, got)  # not "President Wilson"
    doc = nlp("The Airport Infrastructure Act passed the Senate.")
    assert not any(m.label == "Place" for m in find_mentions(doc, 0, 0, 0))


def test_lowercase_ministries_and_dash_joined_councils_are_organisations():
    from graphkit.extract.mentions import find_mentions
    from graphkit.nlp import load_nlp

    nlp = load_nlp()
    got = [(m.text, m.label) for m in find_mentions(nlp("The French foreign ministry said the envoy was recalled."), 0, 0, 0)]
    assert ("French foreign ministry", "Organization") in got, got
    got = [(m.text, m.label) for m in find_mentions(nlp("The NATO–Russia Council last met in 2019."), 0, 0, 0)]
    assert ("NATO–Russia Council", "Organization") in got, got
    # two countries joined by a dash stay two places
    got = [(m.text, m.label) for m in find_mentions(nlp("US-Russia talks resumed in Geneva."), 0, 0, 0)]
    assert ("US", "Place") in got and ("Russia", "Place") in got, got



def test_a_generational_suffix_after_a_comma_is_part_of_the_name():
    assert "Salvador Mendez, Jr." in names(record("The President nominated Judge Salvador Mendez, Jr. to the court."))
    assert "Carl Voss, III" in names(record("Carl Voss, III, of Ohio will serve on the board."))



def test_a_titled_surname_two_untitled_full_names_share_is_a_titled_person_of_its_own():
    # neither Ruiz is titled here: the titled mention keeps its title for resolution to read
    rec = record("Joe Ruiz and his son Hunter Ruiz spoke at the dinner. On Thursday, President Ruiz will welcome "
                 "President Omar Haddad to the White House.")
    assert ("Ruiz", ["President"]) in [(e.name, e.titles) for e in rec.entities if e.type == "Person"]


def test_a_one_word_name_one_travels_to_is_a_place_not_a_person():
    from helpers import names, record
    rec = record("The governor traveled to Kyiv and Normandy last month, then she will head to Glasgow.")
    assert not names(rec) & {"Kyiv", "Normandy", "Glasgow"}
    rec = record("Our next question will go to Weijia with the wire service.")
    assert "Weijia" not in names(rec, "Place")


def test_dr_and_the_presidents_surname_is_not_the_president_but_a_doctor_still_is_one():
    from helpers import record
    rec = record("President Tom Roe spoke. Later, he and Dr. Roe will host a dinner. Surgeon General Ana Lee spoke, "
                 "and Dr. Lee answered questions.")
    forms = sorted(sorted(e.forms) for e in rec.entities if e.type == "Person")
    assert forms == [["Ana Lee", "Lee"], ["Roe"], ["Tom Roe"]]


def test_the_last_word_of_a_ministry_title_does_not_begin_a_name():
    from helpers import names, record
    rec = record("Ana Lee met Ma Zhaoxu. Ms. Lee and Executive Vice Minister of Foreign Affairs Ma reaffirmed their support.")
    assert not any(n.startswith("Affairs") for n in names(rec))


def test_two_capital_initials_are_a_given_name_but_a_post_abbreviation_is_not():
    from helpers import names, record
    rec = record("Vice President JD Rowe spoke in Ohio, and VP Harris listened.")
    assert "JD Rowe" in names(rec) and not any(n.startswith("VP") for n in names(rec))


def test_a_first_given_name_ner_left_out_at_the_head_of_a_nomination_line_is_kept():
    from helpers import names, record
    rec = record("NOMINATIONS SENT TO THE SENATE:\n\nTristan Lynn Leavitt, of Idaho, to be a Member of the Board.\n\n"
                 "Kirk Edward Sherriff, of California, to be a Judge.")
    assert {"Tristan Lynn Leavitt", "Kirk Edward Sherriff"} <= names(rec)


def test_a_name_after_near_or_in_with_its_country_after_a_comma_is_a_town():
    from helpers import names, record
    rec = record("On June 5, 1966, near Moc Hoa, Republic of Vietnam, Specialist Tom Hale saved lives. "
                 "Because, in Tom Hale, Ruritania and Spain have a friend.")
    assert names(rec) == {"Tom Hale"}


def test_a_firm_named_after_its_partners_is_an_organisation_not_a_person():
    from helpers import names, record
    rec = record("The order targets Hale, Rowe, Vance & Stone LLP (Hale Rowe). Hale Rowe employees lose access. "
                 "Governor Ana Lee welcomed the order.")
    assert "Hale Rowe" not in names(rec) and "Ana Lee" in names(rec)


def test_no_person_from_a_prefixed_word_a_route_or_an_agreement_and_patronymic_names_join():
    from helpers import names, record
    rec = record("The Chief Justice of the High Anti-Corruption Court Vira Mykhailenko met Tom Hale. "
                 "Press Gaggle En Route Bali. The Malawi Compact was signed by Ana Lee.")
    assert names(rec) == {"Vira Mykhailenko", "Tom Hale", "Ana Lee"}
    rec = record("The Governor welcomed President Hamad bin Rashid Al Fahim. Hamad bin Rashid thanked him.")
    assert sorted(sorted(e.forms) for e in rec.entities if e.type == "Person") == [
        ["Hamad bin Rashid", "Hamad bin Rashid Al Fahim"]]


def test_a_signature_in_capitals_is_the_whole_name_and_a_class_of_officials_or_a_government_is_no_one():
    from helpers import names, record
    rec = record("Agencies shall convene Chief Science Officers, as the Federal Government requires.\n\n"
                 "                      JOHN M. ROWE JR.")
    assert names(rec) == {"John M. Rowe Jr"} or names(rec) == {"John M. Rowe Jr."}


def test_a_name_described_as_a_company_is_one_and_a_headline_name_ends_before_aboard():
    from helpers import names, read_record, record
    rec = record("Rowe Callan, a Swiss chocolate company, opened a plant. Tom Hale, the head of the company, and "
                 "Ana Lee, a pork producer, spoke.")
    assert names(rec) == {"Tom Hale", "Ana Lee"}


def test_a_name_ner_breaks_at_bin_or_al_is_one_name_and_his_majesty_is_no_part_of_it():
    rec = record("Today the minister spoke with His Majesty Karim bin Tariq Al Hadi. He then met Crown Prince "
                 "Faisal bin Nasser and Sheikh Tahnoon bin Zayed Al Nahyan, and Ursula von der Leyen.")
    got = names(rec)
    assert {"Karim bin Tariq Al Hadi", "Faisal bin Nasser", "Tahnoon bin Zayed Al Nahyan", "Ursula von der Leyen"} <= got
    assert not any(n.startswith(("Majesty", "Crown", "Tariq", "Zayed")) for n in got)


def test_a_speakers_full_name_the_tagger_calls_an_organisation_is_that_speaker():
    rec = record("DR. RAMAN: Good morning, everybody. My name is Ashish Raman and I’m the response coordinator. "
                 "And moderating the session is Subhan Hossain from the White House.\n\nMR. HOSSAIN: Thank you.\n\n"
                 "DR. RAMAN: Thanks.")
    assert {"Ashish Raman", "Subhan Hossain"} <= names(rec) and not names(rec) & {"Raman", "Hossain"}


def test_the_last_words_of_an_office_before_a_name_are_no_person():
    rec = record("Deputy Adviser Ana Lee, Assistant Secretary of State for Western Hemisphere Affairs Tom Hale, and "
                 "Senior Director Rita Ortiz traveled to Bogota.")
    assert names(rec) == {"Ana Lee", "Tom Hale", "Rita Ortiz"}
    hale = next(e for e in rec.entities if e.name == "Tom Hale")
    assert "Assistant Secretary of State for Western Hemisphere Affairs" in hale.titles


def test_partners_inside_a_longer_firm_name_are_no_person():
    rec = record("She is a partner at Newman Boyd Hollister Goldberg Ruiz & Ward, P.A., in Tulsa. Ann Lee, Acme Inc. "
                 "chief, spoke.")
    assert names(rec) == {"Ann Lee"}
    # a lone partner's name is the firm's too, unless something says it is a person's
    rec = record("Judge Roe was a partner at Harlow, Brenneman, Quist & Tadd, P.S. in Seattle. He practiced at "
                 "Scheer and Zehnder LLP from 2002 to 2005. Senator Tadd spoke.")
    assert names(rec) == {"Roe", "Tadd"}


def test_where_a_gaggle_is_en_route_to_is_a_place():
    rec = record("Press Gaggle by Press Secretary Ana Lee En Route Tel Aviv, Israel\n\nMS. LEE: Hello, everyone.")
    assert "Tel Aviv" not in names(rec) and "Tel Aviv" in names(rec, "Place")


def test_a_longer_name_someone_travels_or_is_moved_to_is_a_place():
    rec = record("The Governor will make a trip to Walter Reed soon for her physical. She was moved from the Capitol "
                 "to Walter Reed. She will travel to Joe Manchin's home state. She paid a visit to John Smith.")
    assert names(rec) == {"Joe Manchin", "John Smith"} and "Walter Reed" in names(rec, "Place")


def test_a_name_of_common_words_led_by_no_first_name_is_no_person():
    from graphkit.resolve import resolve

    rec = record("The families thanked Ms. Osei and Fareed Tanko. Approval came for Harbor Wind and "
                 "Granite Wind, two offshore projects. Senator Forest Banks welcomed it.")
    granite = next(e for e in rec.entities if e.name == "Granite Wind")
    banks = next(e for e in rec.entities if e.name == "Forest Banks")
    assert "common-word" in granite.evidence   # "granite" and "wind" are words, and "Granite" no first name
    assert "common-word" not in banks.evidence   # words too, but "Forest" is a first name the name table knows
    people = {e.name for e in resolve([rec]).entities if e.type == "Person"}
    assert "Granite Wind" not in people and {"Forest Banks", "Fareed Tanko"} <= people


def test_a_name_listed_with_places_and_no_person_is_a_place():
    rec = record("Relief went to Cerro Lindas, Aibonito, Corozal, and Las Piedras after the storm. "
                 "She thanked Governor Ortiz and Ponce.")
    assert {"Cerro Lindas", "Corozal"} <= names(rec, "Place")
    assert names(rec) == {"Ortiz"}  # a titled name in the list stays a person
    rec = record("The aggressor is Belarus and Lukashov. Her daughters, Libby, Ohio and Nina, came too.")
    assert {"Lukashov", "Libby"} <= names(rec)  # one place beside it; a first name


def test_a_body_before_its_members_title_and_name_is_no_person():
    rec = record("She is one of the leading members of the United States Congress, Chair of the House Budget "
                 "Committee, Dana Osei.")
    assert names(rec) == {"Dana Osei"}
    assert "United States Congress" in names(rec, "Organization")


def test_a_common_word_ner_took_in_before_a_first_name_is_no_part_of_the_name():
    rec = record("Commentator Ben Osei said the plan works.")
    assert names(rec) == {"Ben Osei"}


def test_a_name_only_after_at_is_marked_so_for_resolution():
    rec = record("He spent every Christmas Day at Walter Reed with the troops. We looked at Ann Marsh and laughed.")
    assert "at-place" in next(e for e in rec.entities if e.name == "Walter Reed").evidence
    assert "at-place" not in next(e for e in rec.entities if e.name == "Ann Marsh").evidence  # looked at someone


def test_an_acronym_or_a_common_word_before_an_apposed_title_is_no_person():
    rec = record("He thanked the Secretary of Education, the Director of the Office of Management and Budget, "
                 "and the staff. The CIA, head of the military, and others met.")
    assert names(rec) == set()


def test_a_party_of_a_court_case_and_a_name_after_a_word_for_a_firm_are_no_persons():
    rec = record("The ruling in Kestler vs. Ohio protected them. Paul Kestler was nominated. She is a partner at "
                 "the law firm Brannock Espel in Minneapolis.")
    assert names(rec) == {"Paul Kestler"}
    assert "Kestler" not in next(e for e in rec.entities if e.name == "Paul Kestler").forms


def test_the_title_before_for_or_to_is_someone_elses():
    rec = record("Dana Hunter served as Legislative Director for Congressman Ivo M. Quill, Jr. and as Assistant to "
                 "the President Ann Lee.")
    quill = next(e for e in rec.entities if e.name == "Ivo M. Quill, Jr.")
    lee = next(e for e in rec.entities if e.name == "Ann Lee")
    assert quill.titles == ["Congressman"] and lee.titles == ["Assistant to the President"]


def test_a_list_of_surname_comma_given_names_names_each_person_in_full():
    rec = record("The honorees are: Amsel, Peter; Brandt, Walter Ivo; Castell, James C., Jr.; Dorran, John Gibbs; Ellery, "
                 "Henry Marsh; Fenwick, Paul; Garrow, Harold Finch; Hollis, Kam.")
    assert {"Henry Marsh Ellery", "Harold Finch Garrow", "John Gibbs Dorran", "James C. Castell, Jr."} <= names(rec)
    assert not any(n in names(rec) for n in ("Henry Marsh", "Harold Finch"))
    rec = record("The board: Chair, Ann Lee; Treasurer, Tom Hale; Secretary, Ivo Marsh; Member, Dana Osei.")
    assert {"Ann Lee", "Tom Hale", "Dana Osei"} <= names(rec)  # a title before its holder is no surname


def test_names_a_line_each_after_a_colon_are_a_list_not_headings():
    rec = record("The following individuals have been appointed:\n\nMarc Andrew  \nSafra Katz  \nMichael Dell  \n"
                 "Lisa Su\n\nThe council will meet soon. It is co-chaired by Michael Quill.")
    assert {"Marc Andrew", "Michael Dell", "Lisa Su", "Michael Quill"} <= names(rec)


def test_a_name_ending_in_a_word_for_a_landform_is_no_person():
    rec = record("The monument covers Johnston Atoll, Kestrel Reef and Palmer Island.")
    assert names(rec) == set()


def test_a_first_name_a_name_table_knows_is_no_title_word_before_another_first_name():
    rec = record("Tom Hale, of Virginia, to be a Member of the Board of Directors of the Airports Authority for a term "
                 "expiring May 30, 2024, vice Nina Mitchell Quill, term expired.")
    assert "Nina Mitchell Quill" in names(rec)  # "Nina" is a word to the lemmatizer, and a first name


def test_a_guest_greeted_by_style_and_given_name_is_the_guest_named_in_full():
    rec = record("President Ivo Marsh met with President Khalid bin Rashid Al Sabah of the Gulf Union. "
                 "THE PRESIDENT: It is good to see you again, Sheikh Khalid. Khalid and I talked.")
    assert names(rec) == {"Ivo Marsh", "Khalid bin Rashid Al Sabah"}


def test_the_common_words_ending_a_title_before_a_name_are_no_person():
    rec = record("Officials participating included Senior Advisor to the President for International Climate Policy "
                 "Dana Osei, and Director Cora Vance.")
    assert names(rec) == {"Dana Osei", "Cora Vance"}
    rec = record("-   Cora Vance, Deputy Director at the ACLU’s Reproductive Freedom\n    Project, American Civil "
                 "Liberties Union")
    assert names(rec) == {"Cora Vance"}


def test_a_name_after_a_title_ending_in_a_common_word_starts_at_the_first_name_and_runs_to_its_end():
    rec = record("It included National Security Council Senior Director for the Western Hemisphere Juan Roldan. "
                 "The delegation was led by Director General of the Narcotics Bureau of the Ministry of Public "
                 "Security Wei Lianhua and included experts.")
    assert names(rec) == {"Juan Roldan", "Wei Lianhua"}


def test_a_kinship_or_friendship_word_before_a_title_is_not_part_of_it():
    rec = record("Because our son Major Tom Hale served abroad, we know. My good friend Senator Ann Vale agreed.")
    assert {e.name: e.titles for e in rec.entities if e.type == "Person"} == {"Tom Hale": ["Major"], "Ann Vale": ["Senator"]}


def test_a_bare_name_that_is_someones_fathers_after_bin_is_not_that_person():
    rec = record("Ambassador Khalid bin Rashid spoke first. The leaders will meet at the invitation of King Rashid. "
                 "Senator Ben Vale agreed, and Senator Vale said so.")
    assert names(rec) == {"Khalid bin Rashid", "Rashid", "Ben Vale"}  # ("Ben" first is a given name)


def test_a_generational_suffix_after_a_titled_name_ner_missed_is_the_names():
    rec = record("The bill names the facility the First Sergeant Tomas R. Vell, Jr. Post Office Building.")
    assert names(rec) == {"Tomas R. Vell, Jr."}


def test_a_reporters_q_before_a_titled_name_is_no_part_of_the_title(tmp_path):
    from helpers import titled_record

    rec = titled_record(tmp_path, "Press Briefing by Press Secretary Dana Osei",
                        "MS. OSEI:  Go ahead.\n\nQ  Prime Minister Ann Vale, thank you.\n\nQ  Secretary Tom Hale, is "
                        "that right?", "2024-02-02")
    assert {e.name: e.titled_forms for e in rec.entities if e.name in ("Ann Vale", "Tom Hale")} == \
        {"Ann Vale": ["Prime Minister Ann Vale"], "Tom Hale": ["Secretary Tom Hale"]}


def test_a_long_title_case_heading_in_the_body_ends_a_name_at_its_verb(tmp_path):
    from helpers import titled_record

    text = ("See a round-up of the local coverage below.\n\n***President Ivo Marsh Highlights Bipartisan Clean "
            "Water Act & Actions\nto Reduce Lead Pipes at White House Event***\n\n-   Daily Ledger: President Ivo "
            "Marsh signs landmark bipartisan water measure.\n")
    rec = titled_record(tmp_path, "What They Are Reading in the States", text, "2022-07-16")
    assert names(rec) == {"Ivo Marsh"}


def test_a_common_word_between_in_and_of_in_a_headline_is_no_place(tmp_path):
    from helpers import titled_record

    rec = titled_record(tmp_path, "Readout of President Ivo Marsh’s Call with Northeastern Governors in Advance "
                        "of Hurricane Lorna", "President Ivo Marsh convened a call with governors today.", "2021-08-21")
    assert names(rec, "Place") == set()


def test_a_service_and_a_rank_before_a_name_in_a_list_are_no_person():
    rec = record("These are the names:\n\nMarine Corps Cpl. Hunter Lopera\n\nMarine Corps Cpl. Humberto A. Sandal\n\n"
                 "Army Staff Sgt. Ryan C. Knoll\n")
    assert not any(n.split()[-1].rstrip(".").lower() in ("cpl", "sgt") for n in names(rec))


def test_names_ner_missed_in_a_run_of_name_comma_post_lines_are_people():
    offices = ["Budget", "Policy", "Ports", "Trade", "Water"]
    people = ["Susan Park", "Lorna Vance", "Anand Mehra", "Tova Reyes", "Celia Strand"]
    text = "Participants in today’s meeting included:\n\n" + "\n\n".join(
        f"{n}, Director of the Office of {w}" for n, w in zip(people, offices)) + "\n\nWater Rights, Office of Policy\n"
    found = names(record(text))
    assert set(people) <= found and "Water Rights" not in found


def test_the_whole_name_after_the_honorable_is_one_person():
    text = ("The Honorable Lloyd J. Dorsey III, Secretary of Defense, will lead the delegation.\n\n"
            "Members of the Delegation:\n\nThe Honorable Marla Kiyomi Tanabe, Ambassador to Freedonia\n\n"
            "The Honorable Victoria J. Olund, Acting Deputy Secretary of State\n")
    found = names(record(text))
    assert {"Lloyd J. Dorsey III", "Marla Kiyomi Tanabe", "Victoria J. Olund"} <= found
    assert not found & {"J. Dorsey III", "Tanabe", "Kiyomi Tanabe"}


def test_a_headlines_name_with_an_initial_and_a_suffix_stays_whole_and_a_gangs_name_is_no_one(tmp_path):
    from helpers import titled_record

    rec = titled_record(tmp_path, "Readout of President Ivo K. Marsh, Jr. Call with Prime Minister Lena Moss of Freedonia",
                        "President Ivo K. Marsh spoke today with Prime Minister Lena Moss.", "2021-03-25")
    assert {e.name for e in rec.entities if e.type == "Person"} == {"Ivo K. Marsh, Jr.", "Lena Moss"}
    rec = titled_record(tmp_path, "Statement by President Ivo K. Marsh, Jr. on the Harvest",
                        "Today we celebrate the farmers of our country.", "2021-10-11")
    assert {e.name for e in rec.entities if e.type == "Person"} == {"Ivo K. Marsh, Jr."}
    assert "Barrio Ortega" not in names(record("Police detained three Barrio Ortega gang members on Friday."))


def test_names_joined_into_a_programmes_name_are_no_people():
    assert not names(record("She helped create the Miller-McGovern international nutrition program."))
