"""Events: attendees from the parse, places, dates resolved against publication, planned or held."""
from helpers import name_of, record, titled_record


def events_of(tmp_path, title: str, text: str, published: str, pattern: str):
    """The record of a titled document and its events of one pattern."""
    rec = titled_record(tmp_path, title, text, published)
    return rec, [e for e in rec.events if e.pattern == pattern]


def events(rec):
    return [({name_of(rec, p) for p in e.participants}, {name_of(rec, l) for l in e.locations}, e.date, e.planned, e.kind)
            for e in rec.events]


def test_x_met_y_in_place_on_weekday():
    rec = record("Antony Blinken met Sergei Lavrov in Geneva on Friday.", published="2022-01-24")
    people, places, date, planned, _ = events(rec)[0]
    assert people == {"Antony Blinken", "Sergei Lavrov"}
    assert places == {"Geneva"}
    assert date == "2022-01-21" and not planned


def test_x_and_y_met_with_month_year():
    rec = record("In November 1985, Ronald Reagan and Mikhail Gorbachev met in Geneva.")
    people, places, date, _, _ = events(rec)[0]
    assert people == {"Ronald Reagan", "Mikhail Gorbachev"} and date == "1985-11"


def test_talks_between_x_and_y():
    rec = record("Talks between Wendy Sherman and Sergei Ryabkov began in Geneva on January 10.",
                 published="2022-01-11")
    assert any(p >= {"Wendy Sherman", "Sergei Ryabkov"} and d == "2022-01-10" for p, _, d, _, _ in events(rec))


def test_possessive_meeting_with():
    rec = record("Emmanuel Macron's meeting with Vladimir Putin lasted five hours.")
    assert any(p == {"Emmanuel Macron", "Vladimir Putin"} for p, *_ in events(rec))


def test_phone_call_is_a_call():
    rec = record("Jake Sullivan held a phone call with Nikolai Patrushev yesterday.", published="2021-11-20")
    p, _, d, _, kind = events(rec)[0]
    assert p == {"Jake Sullivan", "Nikolai Patrushev"} and kind == "Call" and d == "2021-11-19"


def test_planned_meeting():
    rec = record("Olaf Scholz will meet Vladimir Putin in Moscow next week.")
    assert any(planned for *_, planned, _ in events(rec))


def test_visit_during_which_she_met():
    rec = record("Victoria Nuland arrived in Moscow on Monday. During her visit, she met with "
                 "Yury Ushakov and Dmitry Kozak.", published="2021-10-14")
    assert any({"Victoria Nuland", "Yury Ushakov", "Dmitry Kozak"} <= p for p, *_ in events(rec))


def test_speaker_of_reported_meeting_is_not_an_attendee():
    rec = record("Dmitry Peskov said that Joe Biden and Vladimir Putin met in Geneva.")
    for p, *_ in events(rec):
        assert "Dmitry Peskov" not in p


def test_negated_attendance_is_no_event():
    rec = record("Xi Jinping did not attend the summit in Rome.")
    assert not rec.events


def test_a_rule_or_habit_of_meeting_a_hire_a_tour_and_a_refusal_are_no_encounters():
    for text in ["The Commission shall meet on a regular basis, and at least twice a year.",
                 "Governor Ana Lee said: “I am proud to welcome John Reyes to the team.”",
                 "Secretary Maria Cole has been traveling the country all spring.",
                 "Press Secretary Dana Ruiz said she is not going to get into the negotiations with Senator Bo Park.",
                 "Governor Ana Lee meets regularly with Mayor Tom Hale."]:
        assert record(text).events == [], text
    rec = record("Governor Ana Lee will welcome Mayor Tom Hale to the White House on Monday.")
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events] == [{"Ana Lee", "Tom Hale"}]


def test_calling_both_of_two_people_is_a_call_each():
    rec = record("Governor Ana Lee said she called both Mayor Tom Hale and Senator Bo Park within an hour.")
    calls = sorted(sorted(name_of(rec, p) for p in e.participants) for e in rec.events if e.kind == "Call")
    assert calls == [["Ana Lee", "Bo Park"], ["Ana Lee", "Tom Hale"]]


def test_a_building_an_organisation_is_named_for_is_where_the_encounter_was():
    rec = record("This evening, the Governor hosted Speaker Ana Lee and Leader Tom Hale in the Oval Office.")
    assert [names for _, names, *_ in events(rec)] == [{"Oval Office"}]
    assert any(e.type == "Place" and e.name == "Oval Office" for e in rec.entities)
    rec = record("Yesterday Senator Bo Park visited Northern Arizona University with Secretary Ana Lee.")
    assert {"Northern Arizona University"} in [names for _, names, *_ in events(rec)]


def test_someone_who_joined_the_event_just_told_is_one_of_its_attendees():
    rec = record("Today, Secretary Ana Lee hosted a forum with Mayor Tom Hale and Governor Rita Ortiz at the Capitol. "
                 "Representative Jane Fox also joined the event.")
    assert [people for people, *_ in events(rec)] == [{"Ana Lee", "Tom Hale", "Rita Ortiz", "Jane Fox"}]


def test_a_career_a_duration_and_a_report_are_no_encounters_and_an_announcer_is_no_attendee():
    for text in ["Ms. Rita Ortiz joined the U.S. Department of Justice through its Honors Program in 2004.",
                 "This is where the House of Representatives met for 50 years."]:
        assert record(text).events == [], text
    rec = record("Press Secretary Dana Ruiz said she can confirm that meeting with Prince Omar Haddad.")
    assert all("Dana Ruiz" not in people for people, *_ in events(rec))
    rec = record("President Ana Lee today announced the designation of a Presidential Delegation to attend the "
                 "inauguration of President Omar Haddad.")
    assert all("Ana Lee" not in people for people, *_ in events(rec))


def test_separate_calls_held_by_one_person_are_each_with_that_person():
    rec = record("Today, Governor Ana Lee held separate calls with Mayor Tom Hale and Mayor Rita Ortiz.")
    calls = sorted(sorted(name_of(rec, p) for p in e.participants) for e in rec.events if e.kind == "Call")
    assert calls == [["Ana Lee", "Rita Ortiz"], ["Ana Lee", "Tom Hale"]]
    rec = record("Senator Bo Park and Governor Ana Lee held separate press conferences on Monday.")
    assert sorted(len(e.participants) for e in rec.events) == [1, 1]


def test_just_spoke_with_someone_is_the_day_it_is_said():
    rec = record("Governor Ana Lee said she just spoke with Mayor Tom Hale about the storm.", published="2024-02-12")
    assert [(people, date) for people, _, date, *_ in events(rec)] == [({"Ana Lee", "Tom Hale"}, "2024-02-12")]


def test_people_also_in_attendance_or_who_also_participated_join_the_meeting_just_told():
    rec = record("Today, Vice President Ana Lee met with Secretary Tom Hale and Secretary Rita Ortiz to relaunch the "
                 "dialogue. Administrator Jane Fox and Senator Bo Vance were also in attendance. Senators Mark Dunn and "
                 "Lily Chen also participated.", published="2021-09-09")
    assert [people for people, *_ in events(rec)] == [
        {"Ana Lee", "Tom Hale", "Rita Ortiz", "Jane Fox", "Bo Vance", "Mark Dunn", "Lily Chen"}]


def test_a_source_named_after_according_to_is_no_encounter():
    assert record("According to the World Economic Forum, Secretary Ana Lee said prices fell.").events == []


def test_last_night_is_the_day_before():
    rec = record("Governor Ana Lee met Mayor Tom Hale last night.", published="2024-02-12")
    assert [date for _, _, date, *_ in events(rec)] == ["2024-02-11"]


def test_him_after_a_verb_or_with_is_someone_other_than_its_subject():
    rec = record("President Omar Haddad is a friend. Governor Ana Lee said she met him in Paris last year.")
    assert [people for people, *_ in events(rec)] == [{"Ana Lee", "Omar Haddad"}]
    rec = record("I know President Omar Haddad well. Governor Ana Lee traveled to China with him in 2011.")
    assert [people for people, *_ in events(rec)] == [{"Ana Lee", "Omar Haddad"}]


def test_meeting_a_goal_is_no_encounter_even_with_a_place_deep_in_its_object():
    rec = record("Ana Lee led the investments needed to meet the agency's transition to a clean future in Ohio.")
    assert rec.events == []
    rec = record("Ana Lee met leaders of Acme Corporation in Ohio.")
    assert [places for _, places, *_ in events(rec)] == [{"Ohio"}]


def test_told_reporters_is_an_occasion_only_with_a_place_or_a_time():
    assert record("Prices will fall, its chief executive Tom Hale told reporters.").events == []
    rec = record("Tom Hale told reporters in Brussels that prices will fall.")
    assert [(people, places, kind) for people, places, _, _, kind in events(rec)] == [
        ({"Tom Hale"}, {"Brussels"}, "PressConference")]


def test_a_place_the_occasion_names_after_against_or_for_is_not_where_they_met():
    rec = record("Ana Lee spoke with Tom Hale on the anniversary of the attack against Ruritania.", published="2023-11-07")
    assert [(people, places) for people, places, *_ in events(rec)] == [({"Ana Lee", "Tom Hale"}, set())]


def test_a_place_inside_a_where_clause_or_modifying_a_noun_is_not_the_destination():
    rec = record("From Brussels, President Ana Lee will travel to Poland, where she will visit U.S. troops who "
                 "guard the border.", published="2022-03-22")
    assert {frozenset(places) for _, places, *_ in events(rec)} == {frozenset({"Poland"})}


def test_the_place_after_a_list_of_guests_is_the_meetings():
    rec = record("On Tuesday, Governor Ana Lee will meet with Senator Tom Hale, Mayor Rita Ortiz, and Judge Bo Vance "
                 "at the State House.", published="2023-05-04")
    assert [(len(people), places, date) for people, places, date, *_ in events(rec)] == [(4, {"State House"}, "2023-05-09")]


def test_a_counterpart_named_after_a_comma_is_met():
    rec = record("To open the visit, President Ana Lee will meet bilaterally with her counterpart, President Tom Hale, "
                 "in Lisbon.", published="2024-11-28")
    assert any(people == {"Ana Lee", "Tom Hale"} and places == {"Lisbon"} for people, places, *_ in events(rec))


def test_twice_tells_two_occasions_not_one():
    rec = record("President Ana Lee has twice traveled to Lisbon for visits in 2022 and 2023.", published="2024-11-28")
    assert rec.events == []


def test_a_call_with_a_titled_official_named_after_a_comma_is_with_that_official():
    rec = record("Yesterday, Mr. Hale held a phone call with Ruritania's Minister of Strategic Affairs, Ana Lee, to "
                 "discuss the war. Tom Hale is the adviser.", published="2024-01-03")
    assert [(people, date) for people, _, date, *_ in events(rec)] == [({"Tom Hale", "Ana Lee"}, "2024-01-02")]


def test_a_pronoun_subject_and_its_conjunct_both_attend():
    rec = record("President Tom Hale will speak. Tomorrow evening, he and Dr. Ana Hale will host a dinner for the "
                 "governors.", published="2024-07-10")
    assert [(people, date) for people, _, date, *_ in events(rec)] == [({"Tom Hale", "Ana Hale"}, "2024-07-11")]


def test_a_list_under_a_heading_of_plural_titles_joins_the_meeting_but_not_the_office_in_a_title():
    rec = record("Today, Domestic Policy Advisor Ana Lee convened a meeting with state governors. The governors "
                 "discussed the roads.\n\nGovernors:\n\n- Ohio Governor Tom Hale\n\n- Utah Governor Rita Ortiz\n\n"
                 "White House participants:\n\n- Maria Gomez, Assistant to the President\n", published="2021-08-05")
    people = [p for p, *_ in events(rec) if "Tom Hale" in p]
    assert people == [{"Ana Lee", "Tom Hale", "Rita Ortiz", "Maria Gomez"}]


def test_the_discussion_included_the_following_participants_long_after_the_meeting():
    filler = " ".join(f"Point {i} of the plan was raised and agreed." for i in range(8))
    rec = record("On Tuesday, Secretary Ana Lee hosted the first meeting of the task force. " + filler +
                 "\n\nThe discussion included the following participants:\n\n- Tom Hale, Trade Chair\n\n"
                 "- Rita Ortiz, Energy Director\n", published="2023-12-21")
    assert [(p, d) for p, _, d, *_ in events(rec)] == [({"Ana Lee", "Tom Hale", "Rita Ortiz"}, "2023-12-19")]


def test_he_after_the_president_is_not_the_guest_and_his_meeting_keeps_the_verbs_tense():
    rec = record("On Wednesday, the president will hold his first bilateral meeting with the new prime minister of "
                 "Ruritania, Tom Hale. Later that evening, he and Dr. Ana Roe will host the leaders for a dinner.",
                 published="2024-07-08")
    assert [(p, d, planned) for p, _, d, planned, _ in events(rec)] == [
        ({"Tom Hale"}, "2024-07-10", True), ({"Ana Roe"}, None, True)]


def test_people_a_press_call_is_about_are_not_its_briefers(tmp_path):
    from helpers import read_record
    rec = read_record(tmp_path, "call.md", "# Background Press Call by a Senior Official on President Ana Lee's Upcoming "
                      "Call with President Tom Hale\n\nSENIOR OFFICIAL: Thanks, everyone. Tomorrow, President Lee "
                      "will speak with President Hale by telephone.\n")
    briefers = [{name_of(rec, p) for p in e.participants} for e in rec.events if e.kind == "PressConference"]
    assert not any({"Ana Lee", "Tom Hale"} & b for b in briefers)


def test_wanting_to_welcome_someone_in_a_speech_or_words_that_call_to_us_are_no_encounter():
    rec = record("Governor Ana Lee said: I want to welcome Tom Hale here. The words of Rita Ortiz still call to us.")
    assert rec.events == []


def test_where_the_subject_is_to_meet_someone_is_where_they_meet():
    rec = record("Today, Secretary Ana Lee is in Lisbon to meet Foreign Minister Tom Hale.", published="2024-07-08")
    assert [(p, places, d) for p, places, d, *_ in events(rec)] == [({"Ana Lee", "Tom Hale"}, {"Lisbon"}, "2024-07-08")]


def test_a_meeting_a_trip_is_made_for_has_the_trips_day_and_destination():
    rec = record("Secretary Ana Lee will travel to Oslo on Monday to meet Mayor Ben Cole. "
                 "She will travel to Lisbon on Thursday, May 16 and Friday, May 17 to meet with "
                 "Prime Minister Tom Hale. Last week the Secretary traveled to Paris to meet with President Rita Ortiz.",
                 published="2024-05-15")
    got = [(p, places, d, planned) for p, places, d, planned, kind in events(rec) if kind == "Meeting"]
    assert ({"Ana Lee", "Tom Hale"}, {"Lisbon"}, "2024-05", True) in got  # (which of the two days is not told)
    assert any(p >= {"Rita Ortiz"} and places == {"Paris"} and d == "2024-05" for p, places, d, _ in got)
    assert ({"Ana Lee", "Ben Cole"}, {"Oslo"}, "2024-05-20", True) in got


def test_tomorrow_there_and_next_week_date_an_encounter_and_make_it_planned():
    rec = record("Tomorrow President Ana Lee will depart for Dublin, where she will be greeted by Prime Minister "
                 "Tom Hale. On Thursday, she will travel to Berlin. There, she will meet again with Mayor Rita Ortiz. "
                 "We look ahead to Prime Minister Hale's official visit next week.", published="2023-04-10")
    got = events(rec)
    assert ({"Ana Lee", "Tom Hale"}, {"Dublin"}, "2023-04-11", True, "Meeting") in got
    assert any(p >= {"Rita Ortiz"} and places == {"Berlin"} and d == "2023-04-13" for p, places, d, _, _ in got)
    assert all(planned for p, _, _, planned, _ in got if p == {"Tom Hale"})


def test_the_one_a_funeral_or_memorial_is_for_is_no_attendee():
    rec = record("Today, Governor Ana Lee attended the memorial service for Senator Rita Ortiz with Mayor Tom Hale. "
                 "Tomorrow, she will travel to Denver to attend the funeral for Mr. Ben Cole.", published="2023-01-31")
    people = set().union(*(p for p, *_ in events(rec)))
    assert {"Ana Lee", "Tom Hale"} <= people and not people & {"Rita Ortiz", "Ben Cole"}


def test_his_interviews_or_her_calls_are_many_occasions_not_one():
    rec = record("As Governor Ana Lee said last night during her interviews, and in her calls this week, the plan "
                 "works. Tom Hale's meetings with Rita Ortiz went well.", published="2022-10-12")
    assert [p for p, *_ in events(rec)] == [{"Tom Hale", "Rita Ortiz"}]


def test_many_times_every_encounter_an_office_and_an_example_after_including_are_no_one_encounter():
    rec = record("Governor Ana Lee has discussed this issue many times with Mayor Tom Hale. She has raised it in every "
                 "encounter with Minister Rita Ortiz. She named Ben Cole as Special Envoy for Trade Negotiations in March. "
                 "Today she met with Mayor Ivan Petrov to discuss cooperation, including at the last Regional Council "
                 "meeting on January 30.", published="2024-01-31")
    assert [(p, d) for p, _, d, *_ in events(rec)] == [({"Ana Lee", "Ivan Petrov"}, "2024-01-31")]


def test_they_after_two_people_named_together_are_those_two():
    rec = record("Mayor Ana Lee and Governor Tom Hale traveled to Jeddah on Monday. They held talks with Minister "
                 "Rita Ortiz. The relationship between Lee and Hale goes back decades. They can have very frank "
                 "conversations with each other.", published="2023-04-14")
    # the trip (with the host of the one encounter held on it), and the talks held on it; no occasion
    # in what they can do
    assert [p for p, *_ in events(rec)] == [{"Ana Lee", "Tom Hale", "Rita Ortiz"}] * 2


def test_a_meeting_where_a_trip_goes_has_the_trips_day_and_city():
    rec = record("On Monday, Governor Ana Lee will travel to Luanda, Angola, where she will meet with President Tom Hale.",
                 published="2024-10-09")
    assert ({"Ana Lee", "Tom Hale"}, {"Luanda", "Angola"}, "2024-10-14", True, "Meeting") in events(rec)


def test_a_person_in_a_clause_joined_to_the_event_verb_is_no_attendee():
    rec = record("Governor Ana Lee stopped by to greet Mayor Tom Hale and underscore her and Senator Rita Ortiz's "
                 "support.", published="2021-02-11")
    assert [p for p, *_ in events(rec)] == [{"Ana Lee", "Tom Hale"}]


def test_an_event_told_as_a_modifier_is_not_held_by_the_sentences_subject():
    rec = record("Governor Ana Lee and Prime Minister Tom Hale also discussed the importance of the partnership "
                 "between the two states, highlighting the recent inaugural launch of the Initiative on Critical "
                 "Technology hosted in Denver two weeks ago.", published="2023-02-14")
    assert all(e.trigger != "host" for e in rec.events)


def test_a_gathering_hosted_by_someone_is_one_event_with_its_host():
    rec = record("Earlier this summer, Governor Ana Lee was in Hartford at a summit on road safety hosted by Senator "
                 "Tom Hale.", published="2023-09-01")
    assert [(p, kind) for p, _, _, _, kind in events(rec)] == [({"Ana Lee", "Tom Hale"}, "Summit")]


def test_where_after_a_day_the_one_sent_and_a_participation_are_read_as_told():
    rec = record("Governor Ana Lee was in Tampa, Florida, yesterday, where she met with Mayor Tom Hale. "
                 "The Governor sent her deputy, Rita Ortiz, to represent the state at the regional summit in Boston. "
                 "We welcomed the participation of Prime Minister Ben Cole in the Hiroshima Summit.",
                 published="2024-10-08")
    got = [(p, places) for p, places, *_ in events(rec)]
    assert ({"Ana Lee", "Tom Hale"}, {"Tampa", "Florida"}) in got
    assert ({"Rita Ortiz"}, {"Boston"}) in got and ({"Ben Cole"}, set()) in got


def test_inviting_someone_to_visit_and_asking_someone_to_travel_are_plans():
    rec = record("Governor Ana Lee invited Mayor Tom Hale to visit the Capitol in July. She has asked her deputy, "
                 "Rita Ortiz, to travel to Ottawa.", published="2022-06-01")
    got = [(p, planned) for p, _, _, planned, _ in events(rec)]
    assert ({"Ana Lee", "Tom Hale"}, True) in got and ({"Rita Ortiz"}, True) in got


def test_verbs_joined_share_tense_and_day_a_proposal_is_a_plan_and_a_joining_with_its_own_place_is_its_own():
    rec = record("Governor Ana Lee visited Ohio yesterday and met with Mayor Tom Hale. She will visit Texas and attend "
                 "a summit with Governor Ben Cole. She proposed a meeting with Premier Rita Ortiz in the coming months. "
                 "Senator Ivan Petrov and Senator Maria Gomez were joined by Mayor Paul Kim in Lulea, Sweden on "
                 "May 30-31, 2023.", published="2023-05-20")
    got = events(rec)
    assert ({"Ana Lee", "Tom Hale"}, {"Ohio"}, "2023-05-19", False, "Meeting") in got
    assert all(planned for p, *_, planned, _ in got if "Ben Cole" in p or "Rita Ortiz" in p)
    assert ({"Ivan Petrov", "Maria Gomez", "Paul Kim"}, {"Lulea"}, "2023-05", False, "Meeting") in got


def test_rounds_of_calls_and_a_careers_trips_are_many_occasions():
    rec = record("Governor Ana Lee held several rounds of phone calls with Minister Tom Hale. She has travelled to "
                 "Djibouti, to Somalia, to Kenya, and to Niger in her current role. She held a round of talks with "
                 "Minister Ben Cole today.", published="2023-12-04")
    assert [p for p, *_ in events(rec)] == [{"Ana Lee", "Ben Cole"}]


def test_whom_a_trip_is_for_meeting_take_part_in_it():
    rec = record("Governor Ana Lee will travel to London for engagements with King Tom Hale and Prime Minister "
                 "Rita Ortiz.", published="2023-07-02")
    assert ({"Ana Lee", "Tom Hale", "Rita Ortiz"}, {"London"}, None, True, "Visit") in events(rec)


def test_calling_someone_on_a_day_is_a_call_and_calling_someone_a_name_is_not():
    rec = record("Governor Ana Lee called Mayor Tom Hale on Friday. The Governor called on Congress to act. "
                 "Or I should call you “Senator” now.", published="2023-07-02")
    assert [(p, d, kind) for p, _, d, _, kind in events(rec)] == [({"Ana Lee", "Tom Hale"}, "2023-06-30", "Call")]


def test_a_principal_named_beside_an_aide_is_not_at_the_aides_meeting():
    rec = record("Mayor Tom Hale spoke by phone today with Governor Ana Lee's Chief of Staff Ben Cole. "
                 "Rita Ortiz met with Ivan Petrov, Mayor Paul Kim, and Assistant to the President Maria Gomez.",
                 published="2021-02-17")
    assert [p for p, *_ in events(rec)] == [{"Tom Hale", "Ben Cole"}, {"Rita Ortiz", "Ivan Petrov", "Paul Kim", "Maria Gomez"}]


def test_a_call_to_express_condolences_a_regnal_number_and_a_summit_next_year():
    rec = record("President Tom Roe, Jr. called King Mohammed VI of Morocco today to express condolences. We called "
                 "him Grandpa. Secretary Tom Hale and Secretary Rita Ortiz will hold a summit next year.", published="2023-09-18")
    assert ({"Tom Roe, Jr.", "Mohammed VI"}, set(), "2023-09-18", False, "Call") in events(rec)
    assert ({"Tom Hale", "Rita Ortiz"}, set(), "2024", True, "Summit") in events(rec)
    assert "Jr." not in {e.name for e in rec.entities} and len(rec.events) == 2


def test_several_occasions_counted_in_one_plural_are_no_one_encounter():
    rec = record("President Ana Lee and Prime Minister Tom Hale have had a couple of phone calls. "
                 "Lee held three meetings with Governor Ivo Marsh.", published="2024-02-12")
    assert events(rec) == []


def test_a_biography_line_is_no_encounter():
    rec = record("Prior to joining the agency, Dana Osei met with regulators across Europe. While seeking her degree, "
                 "she traveled throughout Peru. Dana Osei received her B.A. from Harvard University.",
                 published="2024-02-12")
    assert events(rec) == []


def test_just_finishing_a_meeting_dates_it_to_the_day_it_is_said(tmp_path):
    text = ("PRESIDENT LEE:  Good afternoon. I just finished a meeting with President Tom Hale of Ghana.\n\n"
            "Q  Thank you, Madam President.")
    rec = titled_record(tmp_path, "Remarks by President Ana Lee in Press Conference", text, "2024-02-12")
    assert any(people == {"Ana Lee", "Tom Hale"} and date == "2024-02-12" for people, _, date, _, _ in events(rec))


def test_an_undated_meeting_at_the_place_of_the_trip_just_told_has_its_day():
    rec = record("Today, Vice President Dana Osei will travel to Madison, Wisconsin. In Madison, the Vice President "
                 "will meet with apprentices at a construction site.", published="2024-03-05")
    meets = [e for e in rec.events if e.kind == "Meeting"]
    assert meets and meets[0].date == "2024-03-05" and meets[0].planned
    assert {name_of(rec, p) for p in meets[0].participants} == {"Dana Osei"}  # "In Madison": a place, no one


def test_later_this_evening_dates_a_trip_and_an_invitation_to_call_is_no_call(tmp_path):
    rec = record("Later this evening, after the speech, First Lady Dana Osei will travel to Paris, France, to lead "
                 "the delegation.", published="2024-07-24")
    assert [e.date for e in rec.events if e.kind == "Visit"] == ["2024-07-24"]
    text = "PRESIDENT MARSH:  I told Governor Ann Lee: call me directly at the White House.\n\nQ  Thank you."
    rec = titled_record(tmp_path, "Remarks by President Ivo Marsh", text, "2024-07-24")
    assert [e for e in rec.events if e.kind == "Call"] == []


def test_several_people_speaking_with_groups_did_not_call_each_other():
    rec = record("President Ivo Marsh, Vice President Dana Osei, and senior leaders have spoken with and coordinated "
                 "closely with Governors, Senators and Mayors in the impacted states. President Ivo Marsh and Vice "
                 "President Dana Osei spoke with Governor Ann Lee and mayors today.", published="2024-03-15")
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events] == [{"Ivo Marsh", "Dana Osei", "Ann Lee"}]


def test_undated_travels_to_three_countries_and_a_count_of_encounters_are_no_one_encounter():
    rec = record("To advance the strategy, Vice President Dana Osei met with regional leaders and traveled to "
                 "Guatemala, Mexico, and Honduras. In the last month alone, President Tom Hale and Governor Ann Lee "
                 "have met with or spoken to each other more than 10 times.", published="2024-07-24")
    assert [kind for *_, kind in events(rec) if kind != "Meeting"] == []  # (she did meet regional leaders)
    assert not any("Tom Hale" in people for people, *_ in events(rec))
    rec = record("Last week, President Ivo Marsh traveled to Japan, Korea and Vietnam.", published="2024-07-24")
    assert [kind for *_, kind in events(rec)] == ["Visit"]  # a dated tour is one trip


def test_the_one_encounter_of_a_visit_names_its_hosts():
    rec = record("President Ivo Marsh traveled to Kyiv, Ukraine today. There, he met with President Tom Hale.",
                 published="2024-07-24")
    visit = next(e for e in rec.events if e.kind == "Visit")
    assert {name_of(rec, p) for p in visit.participants} == {"Ivo Marsh", "Tom Hale"}


def test_a_when_clause_takes_the_date_before_it_and_a_call_on_this_flight_is_today(tmp_path):
    text = ("THE PRESIDENT:  For example, in September when I traveled to Vietnam, as I mentioned earlier, to mark "
            "a new phase, we committed to work together.\n\nMR. HALE:  In regard to the summit, while we were on "
            "this flight, President Ivo Marsh had the opportunity to speak with President Tom Lee of Turkey.\n\n"
            "Q  Thanks.")
    rec = titled_record(tmp_path, "Remarks by President Ivo Marsh", text, "2023-11-15")
    assert {e.kind: e.date for e in rec.events if e.kind in ("Visit", "Call")} == {"Visit": "2023-09", "Call": "2023-11-15"}
    assert all(e.date is None for e in rec.events if e.kind == "Summit")  # the summit ahead is not today's


def test_a_speaker_welcomed_to_the_stage_is_introduced_not_met(tmp_path):
    text = ("THE PRESIDENT:  And so, now it is my honor to welcome to the stage Dana Osei, who plays on the team. "
            "I welcomed President Tom Hale to the White House today.\n\nMS. OSEI:  Thank you.")
    rec = titled_record(tmp_path, "Remarks by President Ivo Marsh at a Ceremony", text, "2023-11-15")
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events if e.kind == "Meeting"] == \
        [{"Ivo Marsh", "Tom Hale"}]


def test_every_titled_host_of_a_long_list_the_parser_broke_hosts_the_roundtable():
    rec = record("Today, Council Co-Chairs Ann Vale and Bo Strand, Senior Counsel Carla Brandt and Deputy Counsel "
                 "Dee Orwell, and Deputy Director of the Budget Office Ivo Marsh hosted a roundtable with "
                 "community leaders to discuss the new rule.", published="2021-09-03")
    assert [(people, date) for people, _, date, _, _ in events(rec)] == \
        [({"Ann Vale", "Bo Strand", "Carla Brandt", "Dee Orwell", "Ivo Marsh"}, "2021-09-03")]
    # (the one named in a prepositional phrase before the subjects was not a host)
    rec = record("In a call with Prime Minister Ann Vale, President Bo Strand and Vice President Carla Brandt "
                 "discussed trade.", published="2021-09-03")
    assert all("Ann Vale" not in people for people, *_, kind in events(rec) if kind == "Talks")


def test_a_list_of_those_in_todays_roundtable_joins_the_roundtable_told_far_above(tmp_path):
    filler = " ".join(f"Officials described step {n} of the plan in some detail." for n in range(8))
    text = (f"Today, Director Ann Vale hosted a roundtable with advocates for rural clinics. {filler}\n\n"
            "Advocates that participated in today’s roundtable included:\n\n-   Bo Strand, President, Clinic "
            "Alliance\n-   Carla Brandt, Director, Rural Care Fund\n")
    rec = titled_record(tmp_path, "Readout of a Roundtable with Advocates", text, "2021-09-03")
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events] == [{"Ann Vale", "Bo Strand", "Carla Brandt"}]


def test_those_who_co_chaired_the_meeting_told_before_attended_it_where_it_met_for_the_first_time():
    rec = record("The Joint Trade Council met for the first time in Pittsburgh on 29 September 2021. It was "
                 "co-chaired by Secretary Ann Vale, Secretary Bo Strand, and Commissioner Carla Brandt.",
                 published="2021-09-29")
    assert events(rec) == [({"Ann Vale", "Bo Strand", "Carla Brandt"}, {"Pittsburgh"}, "2021-09-29", False, "Meeting")]


def test_the_one_calendar_date_above_the_event_word_dates_it_but_not_since_nor_another_clauses():
    rec = record("In 1963, President Ivo Marsh welcomed the city's champions as the first team to visit the "
                 "Governor's Mansion.", published="2023-05-04")
    assert [e.date for e in rec.events] == ["1963"]
    rec = record("As laid out by President Ivo Marsh in his address to the Regional Summit in January of this "
                 "year, we will act.", published="2021-10-14")
    assert [e.date for e in rec.events] == ["2021-01"]
    rec = record("Since taking office in January 2021, President Ivo Marsh has met with Prime Minister Bo Strand.",
                 published="2023-10-14")
    assert [e.date for e in rec.events] == [None]


def test_a_briefing_someone_received_is_a_meeting_with_the_briefer_not_a_press_conference():
    rec = record("This morning, President Ivo Marsh received a briefing from Homeland Security Advisor Ann Vale "
                 "on the storm.", published="2023-05-04")
    assert [(people, kind) for people, *_, kind in events(rec)] == [({"Ivo Marsh", "Ann Vale"}, "Meeting")]


def test_doctor_beside_the_president_of_that_surname_is_the_spouse_the_text_names_in_full():
    rec = record("President Ivo Marsh and First Lady Ann Marsh will travel to France. President Tom Hale and "
                 "Mrs. Cora Hale will host President Marsh and Dr. Marsh for a State Visit in Paris on June 8.",
                 published="2024-05-31")
    hosted = [people for people, _, date, *_ in events(rec) if date == "2024-06-08"]
    assert hosted == [{"Tom Hale", "Cora Hale", "Ivo Marsh", "Ann Marsh"}]


def test_the_place_hung_on_the_country_a_counterpart_is_of_is_where_they_met():
    rec = record("Vice President Ann Vale today met with Vice President Cora Hale of the Philippines in Manila.",
                 published="2022-11-21")
    assert events(rec) == [({"Ann Vale", "Cora Hale"}, {"Manila"}, "2022-11-21", False, "Meeting")]


def test_a_second_visitor_the_parser_ran_into_the_first_visits_object_makes_the_second_visit():
    rec = record("On Wednesday, January 4th, Vice President Vale will visit Chicago, Illinois and Secretary of "
                 "Transportation Osei will visit New London, Connecticut.", published="2023-01-02")
    assert sorted((sorted(people), sorted(places)) for people, places, *_ in events(rec)) == \
        [(["Osei"], ["New London"]), (["Vale"], ["Chicago"])]


def test_a_possessive_pronoun_agrees_with_the_first_name_and_who_joins_a_visit_is_on_it():
    rec = record("On Thursday, January 5th, Speaker Nancy Vale will join Coordinator Mitch Osei during his "
                 "visit to San Francisco.", published="2023-01-02")
    assert events(rec) == [({"Nancy Vale", "Mitch Osei"}, {"San Francisco"}, "2023-01-05", True, "Visit")]


def test_those_who_joined_the_call_listed_far_below_it_are_on_that_call(tmp_path):
    filler = " ".join(f"They discussed point {n} of the storm plan." for n in range(7))
    text = (f"This afternoon, President Ivo Marsh convened a call with Northeastern Governors, Relief Administrator "
            f"Osei, and Homeland Security Advisor Ann Vale to discuss the storm. {filler} Relief Administrator "
            "Dana Osei described the supplies.\n\nThe President and his team were joined on the call by:\n\n"
            "-   Connecticut Gov. Ned Lamar\n-   Maine Gov. Janet Millard\n-   New Jersey Gov. Phil Murray\n"
            "-   New York Lt. Gov. Kathy Hollis\n")
    rec = titled_record(tmp_path, "Readout of President Ivo Marsh’s Call with Northeastern Governors", text, "2021-08-21")
    # (one call: the headline's is the body's)
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events] == [
        {"Ivo Marsh", "Dana Osei", "Ann Vale", "Ned Lamar", "Janet Millard", "Phil Murray", "Kathy Hollis"}]


def test_a_leaders_welcome_to_the_one_addressed_is_the_day_and_place_of_the_remarks(tmp_path):
    text = ("Brussels, Belgium\n\n10:02 A.M. CET\n\nPRESIDENT MARSH:  We are very pleased, dear President, to "
            "welcome you again in Brussels.\n\nPRESIDENT HALE:  Thank you for welcoming me back. It is good to be "
            "here.\n\nEND")
    rec, welcomes = events_of(tmp_path, "Remarks by President Tom Hale and President Ivo Marsh Before Their Meeting",
                              text, "2022-03-24", "verb-welcome")
    assert welcomes and all(e.date == "2022-03-24" and [name_of(rec, p) for p in e.locations] == ["Brussels"]
                            for e in welcomes)


def test_a_headlines_call_after_a_possessive_is_the_bodys_call(tmp_path):
    rec = titled_record(tmp_path, "Statement by Spokesperson Dana Osei on National Security Advisor Ann Vale’s Video "
                        "Call with Tom Hale, Head of Cabinet of the Commission",
                        "National Security Advisor Ann Vale held a secure video call with Tom Hale, Head of Cabinet "
                        "of the Commission on February 10.", "2022-02-11")
    assert [({name_of(rec, p) for p in e.participants}, e.date) for e in rec.events] == [({"Ann Vale", "Tom Hale"}, "2022-02-10")]


def test_a_numbered_list_of_names_and_posts_below_a_readout_is_its_meetings_every_attendee(tmp_path):
    filler = " ".join(f"The President praised step {n} of the harbor plan." for n in range(7))
    text = ("This afternoon, President Ivo Marsh met with the Harbor Council in the Blue Room to review the year.\n\n"
            f"{filler} The President asked the Council for results by the next Harbor Council meeting.\n\n"
            "Participants in today’s meeting included:\n\n"
            "1.  Tomas Brandt, Secretary of Fisheries\n2.  Elin Varga, Secretary of Transportation\n"
            "3.  Shalini Okoro, Director of the Office of Budget\n4.  Kaveh Lindqvist, Chair of the Ports Board\n"
            "5.  Marta Jovanovic, Deputy Secretary of Labor\n")
    rec = titled_record(tmp_path, "Readout of the Second Meeting of the Harbor Council", text, "2022-09-26")
    held = [e for e in rec.events if not e.planned and e.trigger == "meet"]
    assert held and {"Tomas Brandt", "Elin Varga", "Shalini Okoro", "Kaveh Lindqvist", "Marta Jovanovic"} \
        <= {name_of(rec, p) for p in held[0].participants}
    assert [name_of(rec, p) for p in held[0].locations] == ["Blue Room"]
    # (each post ends with its line: not "Secretary of Transportation Shalini Okoro")
    assert all("\n" not in t for e in rec.entities for t in e.titles)


def test_a_participants_heading_without_a_colon_lists_the_readouts_roundtable(tmp_path):
    filler = " ".join(f"The leaders described problem {n} in rural clinics." for n in range(7))
    text = ("Today, Governor Ana Ruiz hosted a roundtable conversation with rural health leaders to discuss "
            f"access to care. {filler}\n\n**Participants**\n\n-   Dana Whitcomb, Director, Valley Clinic Network\n"
            "-   Yusuf Adeyemi, President of the Rural Nurses Guild\n-   Petra Lindahl, Health Educator\n")
    rec = titled_record(tmp_path, "Readout of Governor Ana Ruiz’s Meeting with Rural Health Leaders", text, "2022-07-26")
    assert [(e.kind, {name_of(rec, p) for p in e.participants} >= {"Ana Ruiz", "Dana Whitcomb", "Yusuf Adeyemi"})
            for e in rec.events] == [("Meeting", True)]


def test_a_transcripts_date_line_is_the_day_of_its_encounter(tmp_path):
    text = ("*Hall of States  \n*Springfield**\n\nMay 3, 2023\n\n5:15 P.M. EDT\n\n"
            "MS. OKORO:  Welcome, Governor. Let us begin with your story.\n\n"
            "THE GOVERNOR:  Thank you. It is good to be here.\n\n6:02 P.M. EDT")
    _, ev = events_of(tmp_path, "Remarks by Governor Ana Ruiz in a Moderated Conversation at the Rural Forum",
                      text, "2023-05-04", "headline-remarks")
    assert ev and ev[0].date == "2023-05-03"


def test_a_prepared_speechs_welcome_is_the_speakers_in_the_place_its_first_line_gives(tmp_path):
    text = ("Springfield, Illinois\n\nThank you, Jayden. I can tell you have a gift.\n\n"
            "And Congresswoman Lena Moss, Chancellor Robert Hale, thank you for welcoming us today.\n\n"
            "It is wonderful to be here with all of you.")
    rec = titled_record(tmp_path, "Remarks as Prepared for Delivery by First Lady Dana Whitcomb at Prairie State College",
                        text, "2022-09-12")
    ev = [e for e in rec.events if e.trigger == "welcome"]
    assert ev and {"Dana Whitcomb", "Lena Moss", "Robert Hale"} <= {name_of(rec, p) for p in ev[0].participants}
    assert ev[0].date == "2022-09-12" and [name_of(rec, p) for p in ev[0].locations] == ["Springfield"]
    said = [(name_of(rec, q.speaker), q.text) for q in rec.quotes if q.pattern == "statement-in-name"]
    assert said and said[0][0] == "Dana Whitcomb" and said[0][1].startswith("Thank you, Jayden.")
    # a place ending in an abbreviation and a rule of asterisks above the speech are not her words
    rec = titled_record(tmp_path, "Remarks as Prepared for Delivery by First Lady Dana Whitcomb at a Gala",
                        "**Office of the First Lady**\n\nWashington, D.C.\n\n\\*\\*\\*\n\nGood evening. We owe our "
                        "schools better.", "2022-09-12")
    assert [q.text for q in rec.quotes] == ["Good evening. We owe our schools better."]


def test_them_for_things_is_no_one_met_and_a_kin_apposition_names_no_guest():
    rec = record("As our supply grows to meet our needs, and Governor Ana Ruiz is meeting them, doses will follow.")
    assert not rec.events
    rec = record("A year ago, Governor Ana Ruiz spoke with Mia Holt, Tom Holt's young daughter.")
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events] == [{"Ana Ruiz", "Mia Holt"}]
    rec = record("Governor Ana Ruiz met with Daniel Ortiz, adviser to President Tom Holt.")
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events] == [{"Ana Ruiz", "Daniel Ortiz"}]


def test_a_buildings_city_is_the_trips_place_too_and_the_visit_retold_there_takes_its_day():
    rec = record("On December 17, Deputy Secretary Ana Ruiz traveled to the Harbor Space Center in Springfield, "
                 "Illinois, to mark progress. As part of her visit to Springfield, Deputy Secretary Ruiz toured "
                 "the launch hall.", published="2024-12-18")
    trips = [e for e in rec.events if e.trigger == "travel"]
    assert trips and {"Harbor Space Center", "Springfield"} <= {name_of(rec, p) for p in trips[0].locations}
    assert [e.date for e in rec.events if e.trigger == "visit"] == ["2024-12-17"]


def test_the_members_of_a_delegation_listed_under_its_heading_are_on_it(tmp_path):
    text = ("President Ivo Marsh today announced the delegation to attend the inauguration of President Lena Moss "
            "of Freedonia on May 5, 2023, in Fredville.\n\nThe Honorable Robert Hale, Vice President, will lead the "
            "delegation.\n\n**Members of the Presidential Delegation:**\n\n"
            "The Honorable Katherine Holt, United States Trade Representative\n\n"
            "The Honorable Rahm Oduya, United States Ambassador to Freedonia\n\n"
            "Admiral Michael G. Dunn, U.S. Navy (Ret.), Former Chairman of the Joint Chiefs of Staff\n")
    rec = titled_record(tmp_path, "President Ivo Marsh Announces Presidential Delegation to Freedonia", text, "2023-04-28")
    led = [e for e in rec.events if "Robert Hale" in {name_of(rec, p) for p in e.participants}]
    assert led and {"Katherine Holt", "Rahm Oduya", "Michael G. Dunn"} <= {name_of(rec, p) for p in led[0].participants}
    assert not any(e.name == "U.S. Navy" for e in rec.entities if e.type == "Person")


def test_a_stop_inside_the_trips_city_told_next_is_on_the_trips_day_and_next_week_is_not_today():
    rec = record("Tomorrow, Governor Ana Ruiz and Secretary Tom Hale will travel to Fort Worth, Texas, to meet "
                 "veterans. They will visit the Fort Worth Veterans Clinic and tour its wards.", published="2022-03-07")
    stops = [e for e in rec.events if e.trigger == "visit"]
    assert stops and stops[0].date == "2022-03-08"
    rec = record("Just earlier today, we announced that Governor Ana Ruiz will be traveling next week to talk "
                 "about the bridge.", published="2023-01-23")
    assert all(e.date != "2023-01-23" for e in rec.events)
    # "the President will visit …": an office's visit, its holder found in resolution
    rec = record("On Tuesday, the President will visit Chicago, Illinois.", published="2024-03-22")
    assert [(e.offices, e.date, [name_of(rec, p) for p in e.locations]) for e in rec.events] == [
        (["president"], "2024-03-26", ["Chicago"])]


def test_joint_remarks_of_a_leader_and_foreign_guests_are_their_encounter_that_day_where_the_headline_says(tmp_path):
    text = ("PRESIDENT MARSH:  Welcome, everyone. Today we launch a partnership for workers.\n\n"
            "PRESIDENT OKAFOR:  Thank you, Ivo. Workers everywhere deserve a voice.\n\n"
            "DIRECTOR-GENERAL VANCE:  The organization stands ready to help.\n\nEND")
    rec, ev = events_of(tmp_path, "Remarks by President Ivo Marsh, President Okafor of Freedonia, and Director-General "
                        "Lorna Vance of the Labour Organization Launching the Partnership | Springfield, Illinois", text,
                        "2023-09-20", "headline-joint-remarks")
    assert ev and {name_of(rec, p) for p in ev[0].participants} >= {"Ivo Marsh", "Okafor", "Lorna Vance"}
    assert ev[0].date == "2023-09-20" and [name_of(rec, p) for p in ev[0].locations] == ["Springfield"]
    # two colleagues at a meeting of theirs are no foreign guests: the occasion is not read as speakers
    assert not events_of(tmp_path, "Remarks by President Ivo Marsh and Vice President Ana Ruiz at the First Meeting of "
                         "the Task Force on Housing", "PRESIDENT MARSH:  Good afternoon.\n\nEND", "2023-09-20",
                         "headline-joint-remarks")[1]


def test_those_a_briefings_host_says_join_him_are_its_briefers_and_drs_is_no_one(tmp_path):
    text = ("Via Teleconference\n\n10:37 A.M. EDT\n\nACTING ADMINISTRATOR HALE:  Good morning. Today, we’re joined by "
            "Drs. Okafor and Lindqvist. But let me begin with an update on the rollout.\n\n"
            "DR. OKAFOR:  Thank you. Cases are falling.\n\nDR. LINDQVIST:  The data are encouraging.\n\n10:59 A.M. EDT")
    rec = titled_record(tmp_path, "Press Briefing by the Flu Response Team and Public Health Officials", text, "2021-03-24")
    assert [(e.kind, {name_of(rec, p) for p in e.participants} >= {"Hale", "Okafor", "Lindqvist"}) for e in rec.events] \
        == [("PressConference", True)]
    assert "Drs" not in {e.name for e in rec.entities if e.type == "Person"}


def test_going_somewhere_to_talk_is_there_and_a_summit_occurring_somewhere_is_there():
    rec = record("A few weeks ago, Envoy Tom Hale and Adviser Ana Ruiz went to Freedonia to discuss the ceasefire.")
    assert [[name_of(rec, p) for p in e.locations] for e in rec.events] == [["Freedonia"]]
    rec = record("President Ivo Marsh will attend the summit, which will be held in Vilnius, with Chancellor Ana Ruiz.")
    assert any([name_of(rec, p) for p in e.locations] == ["Vilnius"] for e in rec.events if e.kind == "Summit")


def test_the_one_a_guest_thanks_for_hosting_hosts_him_and_mr_president_is_the_president_who_speaks(tmp_path):
    text = ("THE PRESIDENT:  Welcome to the White House. Come on up, Bryan.\n\nMR. GLAZIER:  Mr. President, on behalf "
            "of our family, thank you for hosting us today.\n\nCOACH ARIANO:  Thanks, everybody.\n\nTHE PRESIDENT:  "
            "Thank you.\n\nEND")
    rec = titled_record(tmp_path, "Remarks by President Ivo Marsh Honoring the Champions", text, "2021-07-20")
    hosted = [e for e in rec.events if e.trigger == "host"]
    assert hosted and {name_of(rec, p) for p in hosted[0].participants} >= {"Ivo Marsh", "Glazier"}


def test_a_trip_someone_is_hoping_for_is_no_event():
    rec = record("But we have said, you know, we are hoping that Secretary Tom Hale will be able to travel to "
                 "Freedonia when the time is right.")
    assert not rec.events


def test_no_plans_to_speak_is_no_call_and_a_long_run_of_he_is_one_mans_week():
    assert not record("President Ivo Marsh has no plans to speak with President Tom Hale, and there are no "
                      "plans for a meeting with him.").events
    week = " ".join(["President Ivo Marsh will speak at the forum tomorrow.", "He will stress unity.",
                     "He will also have the chance to hold bilateral meetings.", "He will see old friends.",
                     "He couldn't do all of them in one day.", "He will stay an extra night.",
                     "He will host a bilateral meeting with Prime Minister Tom Hale tomorrow evening here in Washington."])
    rec = record(week, published="2021-09-20")
    hosted = [e for e in rec.events if e.trigger in ("host", "meeting")]
    assert hosted and {name_of(rec, p) for p in hosted[-1].participants} == {"Ivo Marsh", "Tom Hale"}


def test_a_schedules_next_hour_is_on_the_day_just_told_and_mrs_is_the_wife_not_the_president():
    rec = record("President Tom Hale and Rachel Hale arrive on Wednesday.\n\nOn Thursday, May 23rd, Dr. Ana Ruiz will "
                 "host Mrs. Hale for two events in Washington.\n\nAt 11:15 AM, Dr. Ruiz and Mrs. Hale will visit the "
                 "Harbor Technical Center.", published="2024-05-20")
    visit = [e for e in rec.events if e.trigger == "visit"]
    assert visit and visit[0].date == "2024-05-23"
    assert {name_of(rec, p) for p in visit[0].participants} == {"Ana Ruiz", "Rachel Hale"}


def test_a_delegation_that_travels_with_its_leader_is_no_meeting_and_dr_is_the_advisor_to_the_vice_president():
    rec = record("National Security Advisor to the Vice President Dr. Tomas Brandt and a delegation of senior U.S. "
                 "officials, including Deputy Administrator Lena Moss, will travel to Freedonia on November 27 to meet "
                 "with officials. In Freedonia Dr. Brandt and the delegation will meet with Mayor Ivo Marsh.",
                 published="2023-11-26")
    assert not [e for e in rec.events if e.trigger == "delegation"]
    assert [e.name for e in rec.entities if e.type == "Person" and "Brandt" in e.name] == ["Tomas Brandt"]


def test_those_a_speaker_brings_on_are_at_the_meeting_a_headline_names_with_its_hosts_words(tmp_path):
    text = ("Good evening. It is great to be with all of you tonight.\n\nAnd now, it is my honor to introduce "
            "someone special. I present President Ivo Marsh!\n\nPlease welcome Governor Ana Ruiz.")
    rec, ev = events_of(tmp_path, "Remarks by Vice President Lena Moss at a Party Winter Meeting", text, "2023-02-03",
                        "headline-remarks")
    assert ev and {name_of(rec, p) for p in ev[0].participants} == {"Lena Moss", "Ivo Marsh", "Ana Ruiz"}


def test_meeting_many_unnamed_people_is_many_occasions_not_one():
    for text in ("Governor Ana Ruiz met with many leaders in Freedonia.", "Governor Ana Ruiz has met with dozens of mayors.",
                 "Governor Ana Ruiz talked with a number of her partners this morning."):
        assert not record(text).events, text
    # (a number may be one room: "will meet with more than 20 governors")
    assert record("Tomorrow Governor Ana Ruiz will meet with more than 20 governors in Denver.").events


def test_the_day_of_the_occasion_attended_is_the_trips():
    rec = record("Vice President Ana Ruiz will travel to Munich, Germany to attend the February 18-20 Security "
                 "Conference.", published="2022-02-09")
    trips = [e for e in rec.events if e.trigger == "travel"]
    assert trips and trips[0].date == "2022-02-18"


def test_a_relatives_possessor_is_not_the_one_met():
    rec = record("Governor Ana Ruiz met with Tom Holt's family and Mayor Ivo Marsh in Springfield.")
    assert [{name_of(rec, p) for p in e.participants} for e in rec.events] == [{"Ana Ruiz", "Ivo Marsh"}]


def test_a_present_talk_when_we_get_home_is_ahead(tmp_path):
    rec = titled_record(tmp_path, "Remarks by President Ivo Marsh in Press Conference",
                        "THE PRESIDENT:  I'm talking with Secretary Lena Moss when we get home.\n\nQ  Thanks.\n\nEND",
                        "2022-05-23")
    talks = [e for e in rec.events if e.trigger == "talk"]
    assert talks and talks[0].planned and talks[0].date is None


def test_a_meeting_at_a_summit_is_where_the_summit_is():
    rec = record("President Ivo Marsh met with President Tom Hale at the Harbor Summit in Vilnius, Lithuania.")
    met = [e for e in rec.events if e.trigger == "meet"]
    assert met and [name_of(rec, p) for p in met[0].locations] == ["Vilnius"]
