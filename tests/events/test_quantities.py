"""How many: counts with their unit, bound and category, as a reader would pick them out."""

from __future__ import annotations

import pytest

from dateline.events.quantities import find_quantities, load_cues
from dateline.nlp import parse

CUES = load_cues().raw


def quantities_in(text: str):
    return find_quantities(parse(text))


def only_quantity(text: str):
    found = quantities_in(text)
    assert len(found) == 1, f"expected one quantity in {text!r}, found {found}"
    return found[0]


def assert_matches(quantity, expect: dict) -> None:
    for field, value in expect.items():
        assert getattr(quantity, field) == value, f"{field}: {getattr(quantity, field)!r} != {value!r}"


def cue_examples() -> list:
    return list(_cue_examples())


def _cue_examples():
    for group in CUES["qualifiers"] + CUES["categories"]:
        yield pytest.param(group["example"], group["expect"], id=group["example"][:40])
    for key in ("vague_examples", "money_examples", "percent_examples"):
        for item in CUES[key]:
            yield pytest.param(item["example"], item["expect"], id=item["example"][:40])


@pytest.mark.parametrize("sentence, expect", cue_examples())
def test_every_cue_example_in_the_yaml_finds_what_it_says(sentence, expect):
    found = [q for q in quantities_in(sentence) if q.value == expect["value"]]
    assert found, f"no quantity of value {expect['value']} in {sentence!r}"
    assert_matches(found[0], expect)


@pytest.mark.parametrize("sentence", CUES["not_quantities"])
def test_dates_years_times_ages_ordinals_phones_and_list_markers_are_not_counts(sentence):
    assert quantities_in(sentence) == []


@pytest.mark.parametrize("sentence, counts", [
    pytest.param(item["example"], item["counts"], id=item["example"][:40])
    for item in CUES["road_examples"] + CUES["road_counter_examples"]
])
def test_road_numbers_are_names_not_counts(sentence, counts):
    assert [q.value for q in quantities_in(sentence)] == counts


def test_spans_point_at_the_words_of_the_count():
    text = "On Monday, more than 500 Malian security forces crossed into Niger."
    quantity = only_quantity(text)
    assert text[quantity.span.start : quantity.span.end] == quantity.span.text
    assert quantity.span.text == "more than 500 Malian security forces"


def test_security_forces_who_flee_are_counted_as_people_not_as_displaced():
    quantity = only_quantity("On Monday, more than 500 Malian security forces fled to Niger.")
    assert (quantity.value, quantity.unit, quantity.qualifier, quantity.category) == (
        500,
        "security personnel",
        "more than",
        "people",
    )


def test_civilians_who_flee_are_displaced():
    quantity = only_quantity("About 2,000 civilians fled the valley.")
    assert quantity.category == "displaced"


def test_killers_are_not_fatalities():
    found = quantities_in("Twelve gunmen killed 30 villagers.")
    by_unit = {q.unit: q for q in found}
    assert by_unit["gunmen"].category == "people"
    assert by_unit["villagers"].category == "fatalities"


def test_a_number_standing_alone_borrows_the_unit_of_its_parallel_count():
    found = quantities_in(
        "By now, the militia says it has captured more than 60 villages in nine regions, "
        "while Western intelligence officials say it has seized more than 25."
    )
    assert [(q.value, q.unit, q.qualifier) for q in found if q.value in (60, 25)] == [
        (60, "villages", "more than"),
        (25, "villages", "more than"),
    ]


def test_dozens_more_arrested_is_an_arrest_count_of_the_same_people():
    found = quantities_in(
        "More than 500 Malian security forces fled to Niger, with dozens more detained by the militia."
    )
    dozens = [q for q in found if q.span.text.startswith("dozens")]
    assert dozens and dozens[0].category == "arrested" and dozens[0].unit == "security personnel"


def test_a_count_of_victims_with_no_noun_is_people():
    quantity = only_quantity("Five were killed when the bus was hit.")
    assert (quantity.value, quantity.unit, quantity.category) == (5, "people", "fatalities")


def test_a_lone_number_with_nothing_to_count_is_left_out():
    assert quantities_in("The final score was 3.") == []


def test_words_and_multipliers():
    values = [q.value for q in quantities_in("Twenty-five homes and 2.5 million people were affected.")]
    assert values == [25, 2_500_000]


def test_more_than_a_dozen():
    quantity = only_quantity("The handover of more than a dozen prisoners was agreed.")
    assert (quantity.value, quantity.qualifier, quantity.unit) == (12, "more than", "prisoners")


def test_a_particle_before_a_number_is_not_a_bound():
    quantity = only_quantity("The UN formally handed over five facilities to the army.")
    assert (quantity.value, quantity.qualifier) == (5, None)
    quantity = only_quantity("The mission officially handed over nine camps to the police.")
    assert (quantity.value, quantity.qualifier) == (9, None)


def test_seed_quantities_are_found(seeds_dir, seed_gold):
    for document in seed_gold["documents"]:
        doc = parse((seeds_dir / document["file"]).read_text(encoding="utf-8"))
        found = find_quantities(doc)
        for event in document["events"]:
            for expected in event.get("quantities", []):
                matches = [q for q in found if q.value == expected["value"] and q.unit == expected["unit"]]
                assert matches, f"{event['id']}: {expected} not in {[(q.value, q.unit) for q in found]}"
                if "qualifier" in expected:
                    assert matches[0].qualifier == expected["qualifier"]
        for conflict in document.get("conflicting_claims", []):
            for claim in conflict["claims"]:
                assert any(
                    q.value == claim["value"] and q.unit == claim["unit"] and q.qualifier == claim["qualifier"]
                    for q in found
                ), claim


def test_seed_texts_yield_no_count_from_dates(seeds_dir, seed_gold):
    for document in seed_gold["documents"]:
        doc = parse((seeds_dir / document["file"]).read_text(encoding="utf-8"))
        for quantity in find_quantities(doc):
            assert "September" not in quantity.span.text and "2001" not in quantity.span.text


def bad_inputs(fixtures_dir):
    path = fixtures_dir / "events" / "quantities_bad_input.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            pairs = [] if expected == "none" else [p.split(":", 1) for p in expected.split(";")]
            yield text.replace("\\n", "\n"), [(float(v), u) for v, u in pairs]


def test_headlines_captions_tables_lists_and_codes(fixtures_dir):
    for text, expected in bad_inputs(fixtures_dir):
        found = [(q.value, q.unit) for q in quantities_in(text)]
        assert found == expected, text


def test_empty_and_odd_text_does_not_crash():
    for text in ["", " ", "42", "%", "$", "more than", "dozens", "1.", "\n\n3\n\n"]:
        quantities_in(text)


def test_a_bare_number_borrows_its_unit_but_keeps_its_own_verb():
    found = find_quantities(parse("Two missiles struck the airfield, killing four servicemen and wounding six."))
    assert [(q.span.text, q.unit, q.category) for q in found][1:] == [
        ("four servicemen", "servicemen", "fatalities"), ("six", "servicemen", "injured")]
    found = find_quantities(parse("Seven soldiers were killed and 12 wounded."))
    assert [(q.span.text, q.category) for q in found] == [("Seven soldiers", "fatalities"), ("12", "injured")]
