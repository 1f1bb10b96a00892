"""The timeline scorer on timelines a reader can check by hand."""

from datetime import date

from dateline.eval.timeline import score_timeline, seed_reference, yaml_references

D1, D2, D3 = date(2024, 2, 12), date(2024, 2, 13), date(2024, 2, 14)


def test_a_perfect_timeline_scores_one():
    reference = {D1: "a car bomb exploded in Kirkuk", D2: "talks began in Baghdad"}
    figures = score_timeline(dict(reference), reference)
    assert figures["date_f1"] == 1.0 and figures["agreement_rouge1_f1"] == 1.0 and figures["agreement_rouge2_f1"] == 1.0


def test_words_of_a_wrong_date_earn_nothing():
    reference = {D1: "a car bomb exploded in Kirkuk"}
    figures = score_timeline({D3: "a car bomb exploded in Kirkuk"}, reference)
    assert figures["date_f1"] == 0.0 and figures["agreement_rouge1_f1"] == 0.0


def test_one_date_of_two_right_is_half_precision_full_recall():
    figures = score_timeline({D1: "bomb in Kirkuk", D2: "rain"}, {D1: "bomb in Kirkuk"})
    assert figures["date_f1"] == round(2 * 0.5 * 1.0 / 1.5, 4)


def test_references_load_with_dates_and_summaries(seed_gold):
    seeds = seed_reference(seed_gold)
    assert date(2021, 9, 3) in seeds.dates and date(2021, 7, 6) in seeds.dates
    written = {r.name: r for r in yaml_references()}
    # the Wikinews ones span years; the ECB+ stories are told over three or four days
    assert len(written) >= 4 and all(len(r.dates) >= 3 for r in written.values())
    assert {"h5n1-wikinews", "year-2006-wikinews", "troy-shooting-ecbplus", "mount-cook-ecbplus"} <= set(written)
