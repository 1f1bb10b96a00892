"""The tagger on text a reader can check: seed articles, tense, anchoring, bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dateline.time import date_of_sentence, tag_timexes


def _covering(timexes, text: str, start: int, end: int):
    return [t for t in timexes if t.span.start < end and start < t.span.end]


def test_seed_timexes_resolve_as_the_gold_says(seeds_dir: Path, seed_gold: dict):
    for document in seed_gold["documents"]:
        text = (seeds_dir / document["file"]).read_text(encoding="utf-8")
        dct = date.fromisoformat(document["publication_date"])
        timexes = tag_timexes(text, dct)
        for expected in document["timexes"]:
            start = text.find(expected["text"])
            assert start >= 0, f"{expected['text']!r} not in {document['file']}"
            found = _covering(timexes, text, start, start + len(expected["text"]))
            values = [t.value for t in found]
            assert expected["value"] in values, f"{document['file']}: {expected['text']!r} -> {values}"
            timex = next(t for t in found if t.value == expected["value"])
            if "mod" in expected:
                assert timex.mod == expected["mod"]
            if "anchor_end" in expected:
                assert timex.range_end == date.fromisoformat(expected["anchor_end"])


def test_the_past_two_weeks_covers_the_fortnight_up_to_the_article():
    [timex] = tag_timexes("Fighting has raged for the past two weeks.", date(2021, 9, 4))
    assert (timex.type, timex.value) == ("DURATION", "P2W")
    assert (timex.range_start, timex.range_end) == (date(2021, 8, 21), date(2021, 9, 4))


def test_weekday_follows_the_tense_of_its_clause(fixtures_dir: Path):
    data = yaml.safe_load((fixtures_dir / "time" / "weekday_tense.yaml").read_text(encoding="utf-8"))
    dct = data["dct"]
    for case in data["cases"]:
        found = {t.span.text: t.value for t in tag_timexes(case["text"], dct)}
        assert found.get(case["timex"]) == str(case["value"]), (case["text"], found)


def test_weekday_direction_from_the_parse():
    from dateline.nlp import parse

    text = "The envoy will meet Taliban leaders on Friday."
    doc = parse(text)
    [timex] = tag_timexes(text, date(2021, 9, 4), doc)
    assert timex.value == "2021-09-10"


def test_a_timetable_in_the_present_tense_looks_ahead_in_the_parse_too():
    from dateline.nlp import parse

    for text, value in [
        ("He and the rebel leader meet separately Monday with the envoy.", "2021-09-06"),
        ("The donor conference opens Tuesday in Geneva.", "2021-09-07"),
        ("The donor conference opened Tuesday in Geneva.", "2021-08-31"),
    ]:
        [timex] = tag_timexes(text, date(2021, 9, 4), parse(text))
        assert timex.value == value, text


def test_narrative_reference_time_carries_to_anaphora():
    text = "The plant opened in March 1995. It closed the following year, and a year later reopened."
    values = [t.value for t in tag_timexes(text, date(1998, 4, 18))]
    assert values[:2] == ["1995-03", "1996"]


def test_quarter_words_of_an_earnings_report():
    text = "Net income rose 12% in the third quarter. A year earlier, the company earned $4 million."
    found = {t.span.text: t.value for t in tag_timexes(text, date(1989, 10, 26))}
    assert found["the third quarter"] == "1989-Q3"
    assert found["A year earlier"] == "1988-Q3"


def test_date_of_sentence_prefers_the_sentence_own_date_then_the_narrative_one():
    from dateline.nlp import parse

    text = "Rebels seized the town on Sunday. Hundreds of families fled. On Tuesday, aid arrived."
    doc = parse(text)
    timexes = tag_timexes(text, date(2021, 7, 6), doc)
    sentences = list(doc.sents)
    assert date_of_sentence(sentences[0], timexes, date(2021, 7, 6)).value == "2021-07-04"
    assert date_of_sentence(sentences[1], timexes, date(2021, 7, 6)).value == "2021-07-04"
    assert date_of_sentence(sentences[2], timexes, date(2021, 7, 6)).value == "2021-07-06"
    assert date_of_sentence(sentences[0], [], None) is None


# --- bad input ------------------------------------------------------------------------------


def test_impossible_dates_get_no_value():
    values = [t.value for t in tag_timexes("The vote was held on 31 February and on April 31.", date(2021, 3, 10))]
    assert not any(v.endswith(("-02-31", "-04-31")) for v in values)


def test_two_digit_years_pick_the_nearest_century():
    assert tag_timexes("Filed 11/02/89.", date(1989, 11, 2))[0].value == "1989-11-02"
    assert tag_timexes("Filed 9/4/21.", date(2021, 9, 5))[0].value == "2021-09-04"


def test_dates_far_from_the_dct_keep_their_own_year():
    found = {t.span.text: t.value for t in tag_timexes("The treaty of June 28, 1919 and the plan for March 1, 2061.", date(2021, 9, 4))}
    assert found["June 28, 1919"] == "1919-06-28"
    assert found["March 1, 2061"] == "2061-03-01"


def test_without_a_dct_relative_values_stay_underspecified():
    today = date.today().isoformat()
    timexes = tag_timexes("The talks began on September 3 and ended on Friday; more talks are due next year.", None)
    values = {t.span.text: t.value for t in timexes}
    assert values["September 3"] == "XXXX-09-03"
    assert values["Friday"] == "XXXX-WXX-5"
    assert values["next year"] == "XXXX"
    assert not any(today in t.value for t in timexes)


@pytest.mark.parametrize(
    "text",
    [
        "Die Taliban haben am Freitag die Stadt eingenommen.",
        "Les talibans ont pris la ville mardi dernier.",
        "طالبان روز جمعه وارد شهر شدند",
        "",
        "   \n\n ",
        "1234567890 " * 50,
    ],
)
def test_other_languages_and_noise_invent_no_dates(text):
    timexes = tag_timexes(text, date(2021, 9, 4))
    assert all(t.value[:4] != "2021" for t in timexes)


# --- words that look like time but are not ------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("Officials said he was killed soon after being captured.", "soon"),
        ("Investors will buy as soon as trading opens.", "soon"),
        ("That is very important to the future of our peoples.", "the future"),
        ("The quarter was terrible, and the future looks bleak.", "the future"),
        ('Baker said on ABC News\' "This Week" that the request was legal.', "This Week"),
        ("This is VOA Today.", "Today"),
    ],
)
def test_relations_names_and_things_are_not_time_expressions(text, words):
    found = [t.span.text for t in tag_timexes(text, date(1998, 3, 31))]
    assert words not in found


def test_time_words_still_found_where_they_are_times():
    found = {t.span.text: t.value for t in tag_timexes(
        "Talks will resume soon. Prices may rise in the future. Today the council met.", date(1998, 3, 31))}
    assert found == {"soon": "FUTURE_REF", "the future": "FUTURE_REF", "Today": "1998-03-31"}


def test_the_past_year_is_the_calendar_year_before_the_article():
    [timex] = tag_timexes("Exports fell over the past year.", date(1998, 3, 3))
    assert (timex.type, timex.value) == ("DATE", "1997")


def test_a_year_earlier_names_the_period_its_sentence_compares():
    text = (
        "Net income rose 12% in the third quarter. "
        "For the nine months, net was $9 million, compared with $7 million a year earlier. "
        "In the latest quarter, sales rose to $80 million from $70 million a year earlier."
    )
    values = [t.value for t in tag_timexes(text, date(1989, 10, 26)) if t.span.text == "a year earlier"]
    assert values == ["1988", "1988-Q3"]


def test_a_fiscal_first_quarter_is_a_quarter():
    found = {t.span.text: t.value for t in tag_timexes("Net fell in the fiscal-first quarter.", date(1989, 10, 26))}
    assert found == {"the fiscal-first quarter": "1989-Q1"}


def test_rates_are_not_recurring_times_but_frequencies_are():
    found = {t.span.text: (t.type, t.value) for t in tag_timexes(
        "The deal saves $500 million a year. The board meets three times a year. For the week, the index fell 3%.",
        date(1989, 10, 30))}
    assert found == {"a year": ("SET", "P1Y"), "the week": ("DATE", "1989-WXX")}


def test_now_as_a_discourse_marker_is_not_the_present():
    found = [t.span.text for t in tag_timexes('"Iraq was ready." Now, he says, the West wants war.', date(1991, 2, 25))]
    assert "Now" not in found
    found = [t.span.text for t in tag_timexes("The fund now holds a cash position of 15%.", date(1989, 10, 27))]
    assert found == ["now"]


# --- events dated by their distance from another ---------------------------------------------


def test_duration_after_a_clause_dates_the_clause_event(fixtures_dir: Path):
    from dateline.nlp import parse
    from dateline.time import date_relative_to_clause

    data = yaml.safe_load((fixtures_dir / "time" / "event_relative.yaml").read_text(encoding="utf-8"))
    for case in data["cases"]:
        dct = case["dct"]
        doc = parse(case["text"])
        timexes = tag_timexes(case["text"], dct, doc)
        [event] = [t for t in doc if t.text == case["event"]]
        sentence = event.sent
        timex = date_relative_to_clause(sentence, timexes, dct, event)
        assert timex is not None, case["text"]
        assert timex.span.text == case["words"], case["text"]
        assert [timex.range_start, timex.range_end] == case["range"], case["text"]
        # the main clause's own verb is not the one so dated
        assert date_relative_to_clause(sentence, timexes, dct, sentence.root) is None, case["text"]


def test_seed_departure_from_bagram_is_dated_days_before_the_update(seeds_dir: Path):
    from dateline.nlp import parse
    from dateline.time import date_relative_to_clause

    text = (seeds_dir / "004_19ea109a735e8b51.txt").read_text(encoding="utf-8")
    dct = date(2021, 7, 6)
    doc = parse(text)
    timexes = tag_timexes(text, dct, doc)
    [departed] = [t for t in doc if t.text == "departed" and "Bagram" in t.sent.text]
    timex = date_relative_to_clause(departed.sent, timexes, dct, departed)
    assert (timex.range_start, timex.range_end) == (date(2021, 6, 29), date(2021, 7, 5))


def test_a_past_main_clause_with_no_time_dates_no_clause_after_after():
    # the interview is on no day the text gives, so neither is the truce it came days after
    from dateline.nlp import parse
    from dateline.time import date_relative_to_clause

    text = "In a phone interview several days after the rebels declared a truce, the general said he hoped for talks."
    doc = parse(text)
    timexes = tag_timexes(text, date(2021, 9, 4), doc)
    [declared] = [t for t in doc if t.text == "declared"]
    assert date_relative_to_clause(declared.sent, timexes, date(2021, 9, 4), declared) is None


def test_no_distance_no_relative_date():
    from dateline.nlp import parse
    from dateline.time import date_relative_to_clause

    text = "Day after day the shelling went on, and the talks failed the week before last."
    doc = parse(text)
    timexes = tag_timexes(text, date(2021, 9, 4), doc)
    assert date_relative_to_clause(next(doc.sents), timexes, date(2021, 9, 4)) is None


def test_a_quarter_used_as_an_adjective_leaves_the_article_to_its_noun():
    found = {t.span.text: t.value for t in tag_timexes(
        "The company posted a third-quarter loss. Profit rose in the fourth quarter.", date(1989, 11, 2))}
    assert found == {"third-quarter": "1989-Q3", "the fourth quarter": "1989-Q4"}


def test_weekday_cases_hold_with_the_parse_too(fixtures_dir: Path):
    from dateline.nlp import parse

    data = yaml.safe_load((fixtures_dir / "time" / "weekday_tense.yaml").read_text(encoding="utf-8"))
    for case in data["cases"]:
        found = {t.span.text: t.value for t in tag_timexes(case["text"], data["dct"], parse(case["text"]))}
        assert found.get(case["timex"]) == str(case["value"]), (case["text"], found)


@pytest.mark.parametrize(
    "text, words, value",
    [
        # the word before the date fixes its direction, whatever the verb's tense
        ("The company created an office of the chairman, effective Feb. 1.", "Feb. 1", "1990-02-01"),
        ("Lenders extended the loans through January.", "January", "1990-01"),
        # a noun's plan looks ahead; a verb's plan told in the past is over
        ("The bank announced an agreement to acquire the firm in January.", "January", "1990-01"),
        ("Two bidders extended their offers to acquire the firm Friday.", "Friday", "1989-10-27"),
    ],
)
def test_direction_with_the_parse(text, words, value):
    from dateline.nlp import parse

    found = {t.span.text: t.value for t in tag_timexes(text, date(1989, 10, 30), parse(text))}
    assert found[words] == value


def test_weeks_ago_is_a_day_and_last_year_in_a_quarter_comparison_is_that_quarter():
    found = {t.span.text: t.value for t in tag_timexes("Talks collapsed two weeks ago.", date(1998, 3, 22))}
    assert found == {"two weeks ago": "1998-03-08"}
    text = "Net rose in the third quarter. Third-quarter sales were $2.49 billion, up from $2.34 billion last year."
    found = {t.span.text: t.value for t in tag_timexes(text, date(1989, 10, 26))}
    assert found["last year"] == "1988-Q3"


# --- years and counts -------------------------------------------------------------------------


def _years_and_counts(fixtures_dir: Path) -> list[dict]:
    data = yaml.safe_load((fixtures_dir / "time" / "years_and_counts.yaml").read_text(encoding="utf-8"))
    from dateline.time.grammar import vocabulary

    return data["cases"] + vocabulary()["counts"]["examples"] + vocabulary()["labels"]["examples"]


def test_a_bare_four_digit_number_is_a_year_or_a_count(fixtures_dir: Path):
    for case in _years_and_counts(fixtures_dir):
        dct = case["dct"]
        dct = dct if isinstance(dct, date) or dct is None else date.fromisoformat(str(dct))
        found = {t.span.text: t.value for t in tag_timexes(case["text"], dct)}
        if case["year"]:
            assert found.get(case["number"]) == case["number"], (case["text"], found)
        else:
            assert case["number"] not in found, (case["text"], found)


def test_a_block_a_house_number_or_a_road_number_is_no_year():
    # a US police report places a fire by its block: the figures date nothing
    dct = date(2009, 5, 1)
    assert not tag_timexes("Crews found the blaze in the 1900 block of Pine Hollow Road.", dct)
    assert "2012" not in {t.value for t in tag_timexes("The van was parked at 2012 W. Maple Ave. overnight.", dct)}
    assert [t.value for t in tag_timexes("She lived at 1880 Elm Street in 1990.", dct)] == ["1990"]


def test_a_negated_could_is_the_past_of_cannot():
    from dateline.nlp import parse

    # Tuesday 2009-03-31: the day someone could not do a thing is gone by; "could vote" looks ahead
    dct = date(2009, 3, 31)
    for text, value in [
        ("Deputies could not say Friday night how the barn fire started.", "2009-03-27TNI"),
        ("The landlord could not answer our calls Monday.", "2009-03-30"),
        ("The school board could vote on Friday.", "2009-04-03"),
    ]:
        [timex] = tag_timexes(text, dct, parse(text))
        assert timex.value == value, text


def test_a_deadline_met_in_the_past_is_a_day_gone_by():
    from dateline.nlp import parse

    # Saturday 2009-03-21: what "was contained by Friday" is told after Friday; a plan looks ahead
    dct = date(2009, 3, 21)
    for text, value in [
        ("The grass fire near Holt was extinguished by Friday night.", "2009-03-20TNI"),
        ("The flooded wards were fully cleared by Thursday.", "2009-03-19"),
        ("The repairs were expected to end by Friday.", "2009-03-27"),
        ("The bridge will be reopened by Friday.", "2009-03-27"),
    ]:
        [timex] = tag_timexes(text, dct, parse(text))
        assert timex.value == value, text


def test_a_rate_of_growth_or_output_is_no_recurrence():
    dct = date(1989, 10, 26)
    assert not tag_timexes("Sales should rise 8.5% annually.", dct)
    assert not tag_timexes("The plant would produce about 10,000 units annually.", dct)
    [timex] = tag_timexes("The report is published annually.", dct)
    assert (timex.type, timex.value) == ("SET", "XXXX")


def test_a_while_and_some_time_are_stretches_of_no_stated_length():
    for text, words in [
        ("They will live without power for a while.", "a while"),
        ("Troops could stay in the gulf for some time.", "some time"),
        ("It took a very long time to rebuild.", "a very long time"),
    ]:
        found = {t.span.text: (t.type, t.value) for t in tag_timexes(text, date(1998, 1, 11))}
        assert found.get(words) == ("DURATION", "PXX"), (text, found)
    # a point in the past, not a stretch of time
    assert [t.value for t in tag_timexes("We met a while ago.", date(1998, 1, 11))] == ["PAST_REF"]


def test_today_of_an_age_is_the_present_not_the_article_day():
    dct = date(1998, 3, 4)
    values = lambda text: [t.value for t in tag_timexes(text, dct)]  # noqa: E731
    assert values("Such barriers make no sense in today's world.") == ["PRESENT_REF"]
    assert values("If I were choosing the people of tomorrow, I would choose them.") == ["FUTURE_REF"]
    assert values("The offer ran in today's editions of the paper.") == ["1998-03-04"]
    assert values("The results of tomorrow's vote matter.") == ["1998-03-05"]
    assert values("As of today, prices rose.") == ["1998-03-04"]


def test_a_day_no_dct_can_place_still_ends_an_older_narrative_date():
    from dateline.nlp import parse

    # undated: "on Tuesday" cannot be placed, but the visit is not in the 1940s
    text = ("The engine was created in the 1940s by a clergyman. On Tuesday, reporters visited the factory. "
            "During the visit, a reporter was detained.")
    doc = parse(text)
    timexes = tag_timexes(text, None, doc)
    sentences = list(doc.sents)
    assert date_of_sentence(sentences[0], timexes, None).value.startswith("194")
    assert date_of_sentence(sentences[2], timexes, None) is None
    # with the article's date, the Tuesday is placed and carried
    dated = tag_timexes(text, date(2007, 6, 20), doc)
    assert date_of_sentence(sentences[2], dated, date(2007, 6, 20)).value == "2007-06-19"


def test_a_date_that_opens_a_stretch_is_no_narrative_time():
    from dateline.nlp import parse

    text = ("The junta has arrested more than 1,200 people since the coup on February 1. "
            "State television said the forces had acted with restraint.")
    doc = parse(text)
    timexes = tag_timexes(text, date(2021, 3, 4), doc)
    assert date_of_sentence(list(doc.sents)[1], timexes, date(2021, 3, 4)) is None


def test_a_planned_date_is_no_time_later_sentences_are_at():
    from dateline.nlp import parse

    text = "Mediators are expected to hold talks in Cairo on Monday. A girl and her mother were killed in a strike."
    doc = parse(text)
    timexes = tag_timexes(text, date(2019, 5, 5), doc)
    assert [t.value for t in timexes] == ["2019-05-06"]
    assert date_of_sentence(list(doc.sents)[1], timexes, date(2019, 5, 5)) is None


def test_weekday_and_date_direction_from_the_tense_and_aspect_of_the_parse(fixtures_dir: Path):
    from dateline.nlp import parse

    data = yaml.safe_load((fixtures_dir / "time" / "weekday_parse.yaml").read_text(encoding="utf-8"))
    wrong = []
    for case in data["cases"]:
        found = {t.span.text: t.value for t in tag_timexes(case["text"], data["dct"], parse(case["text"]))}
        if found.get(case["timex"]) != str(case["value"]):
            wrong.append((case["rule"], case["text"], found))
    assert not wrong, wrong


def test_every_parse_rule_of_the_vocabulary_has_an_example_sentence(fixtures_dir: Path):
    from dateline.time.grammar import vocabulary

    data = yaml.safe_load((fixtures_dir / "time" / "weekday_parse.yaml").read_text(encoding="utf-8"))
    rules = {case["rule"] for case in data["cases"]}
    for name in ("plan_verbs", "modals_ahead", "plan_adjectives", "present_means_ahead_after", "reporting_verbs",
                 "inquiry_verbs"):
        assert name in vocabulary()["tense_cues"] and name in rules, name


def test_without_a_parse_the_cue_words_still_decide():
    # "will" is a cue word: no parse needed for the Friday ahead
    [timex] = tag_timexes("Foreign ministers will meet in Brussels on Friday.", date(2021, 9, 8))
    assert timex.value == "2021-09-10"
    [timex] = tag_timexes("Fighting broke out again on Saturday near the border town.", date(2021, 9, 8))
    assert timex.value == "2021-09-04"


def test_a_stretch_up_to_now_opens_a_stretch_and_a_closing_date_closes_one():
    from dateline.nlp import parse
    from dateline.time import closes_a_stretch, opens_a_stretch

    dct = date(2024, 3, 8)
    for text, phrase, opens, closes in [
        ("The two sides have argued over the budget for the past year.", "the past year", True, False),
        ("Prices rose sharply over the last month.", "the last month", True, False),
        ("Prices rose sharply last month.", "last month", False, False),
        ("The road is closed through March 20.", "March 20", False, True),
        ("The road is closed until Friday.", "Friday", False, True),
        ("The council must vote by Friday.", "Friday", False, False),
    ]:
        doc = parse(text)
        timex = next(t for t in tag_timexes(text, dct, doc) if t.span.text == phrase)
        assert (opens_a_stretch(doc, timex), closes_a_stretch(doc, timex)) == (opens, closes), text


def test_a_date_inside_a_noun_phrase_is_not_the_date_of_the_whole_sentence():
    from dateline.nlp import parse

    text = "The board approved a budget, cancelled an April election and discussed a new park."
    doc = parse(text)
    timexes = tag_timexes(text, date(2024, 3, 8), doc)
    assert [t.span.text for t in timexes] == ["April"]
    assert date_of_sentence(list(doc.sents)[0], timexes, date(2024, 3, 8)) is None
    # a possessive names the occasion and stays the sentence's date
    text = "Members argued at Monday night's council meeting."
    doc = parse(text)
    timexes = tag_timexes(text, date(2024, 3, 8), doc)
    assert date_of_sentence(list(doc.sents)[0], timexes, date(2024, 3, 8)).value.startswith("2024-03-04")


def test_a_date_in_a_relative_clause_is_no_time_later_sentences_are_at():
    from dateline.nlp import parse

    text = "The farmer, whose barn burned down in 1998, watched the river rise. Volunteers stacked sandbags."
    doc = parse(text)
    timexes = tag_timexes(text, date(2024, 3, 8), doc)
    assert [t.value for t in timexes] == ["1998"]
    assert date_of_sentence(list(doc.sents)[1], timexes, date(2024, 3, 8)) is None


def test_a_sayings_day_is_no_time_later_sentences_are_at_when_the_happening_has_its_own():
    """The day a source spoke ("a ranger said Sunday") is not the story's time when the same
    sentence gives the day of what happened ("late Saturday"): the next sentence goes on at the
    fall. With no day of the happening, the saying's day still carries (the near miss)."""
    from dateline.nlp import parse

    dct = date(2024, 3, 5)  # a Tuesday
    for text, carried in [
        ("Two climbers fell on a ridge late Saturday, a ranger said Sunday. One was a guide from Aosta.", "2024-03-02"),
        ("Two climbers fell on a ridge, a ranger said Sunday. One was a guide from Aosta.", "2024-03-03"),
    ]:
        doc = parse(text)
        timexes = tag_timexes(text, dct, doc)
        found = date_of_sentence(list(doc.sents)[1], timexes, dct)
        assert found is not None and found.value.startswith(carried), (text, found)


def test_a_months_name_that_speaks_or_names_a_person_is_no_date():
    from dateline.nlp import parse

    dct = date(2009, 3, 16)
    spokesman = "Permits are free at both stations, January said."
    assert tag_timexes(spokesman, dct, parse(spokesman)) == []
    initial = "May T. Oduya, 88, died on Friday at her home."
    assert [t.span.text for t in tag_timexes(initial, dct, parse(initial))] == ["Friday"]
    source = "According to January, most counties are still under bans."
    assert tag_timexes(source, dct, parse(source)) == []
    # the month itself still is one
    month = "Permits were free in January, the chief said."
    assert [t.value for t in tag_timexes(month, dct, parse(month))] == ["2009-01"]


def test_a_spelled_decade_needs_the():
    dct = date(2009, 3, 16)
    assert tag_timexes("The clerk handed over the tens and twenties from the drawer.", dct) == []
    assert tag_timexes("The suspect, a man in his mid-fifties, was arrested at home.", dct) == []
    assert [t.value for t in tag_timexes("Rents doubled in the late seventies.", dct)] == ["197X"]


@pytest.mark.parametrize("text, words, value", [
    # a date told in the past tense more than a week after the report is last year's
    ("The ambulance crew arrived April 20 after a tractor rolled into a ditch.", "April 20", "2008-04-20"),
    ("The two neighbours first met in early May at a garden show.", "early May", "2008-05"),
    # a past progressive is told in the past as well ("was towing a trailer April 20 when ...")
    ("A farmer was towing a trailer April 20 on a county road when a truck hit it.", "April 20", "2008-04-20"),
    # but not a present progressive, which can tell a plan
    ("The crew is painting the bridge on April 20.", "April 20", "2009-04-20"),
    # not a date on a noun, which the verb's tense does not place: the election is to come
    ("The county postponed a May 9 referendum on the new school tax.", "May 9", "2009-05-09"),
    # nor a plan told ahead
    ("The trial will open on April 20 in the county court.", "April 20", "2009-04-20"),
])
def test_a_date_told_in_the_past_after_the_report_is_last_years(text, words, value):
    from dateline.nlp import parse

    found = [t for t in tag_timexes(text, date(2009, 3, 21), parse(text)) if t.span.text == words]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize("second, value", [
    # a day in a relative clause inside the year the story is at: the story moves to that day
    ("One went to a medic whose crew arrived on April 20 after a tractor overturned.", "2008-04-20"),
    # a day in a relative clause outside it is background, and the year holds
    ("One went to a medic whose crew was founded on June 2, 1990 in Tulsa.", "2008"),
])
def test_a_day_in_a_relative_clause_narrows_the_year_the_story_is_at(second, value):
    from dateline.nlp import parse

    text = f"Ten paramedics won medals for their work in 2008. {second} The medic climbed under the tractor."
    dct = date(2009, 3, 21)
    doc = parse(text)
    timexes = tag_timexes(text, dct, doc)
    assert date_of_sentence(list(doc.sents)[2], timexes, dct).value == value
