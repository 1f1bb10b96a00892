"""Fusing extracted events across articles, on hand-made records (no parse, no store)."""

from __future__ import annotations

import itertools
from datetime import date

from dateline.fuse.claims import group_claims
from dateline.fuse.events import fuse_events, plan_fusion


def test_three_outlets_of_one_bombing_are_one_event_with_three_sources(handmade):
    fused = fuse_events(handmade.kirkuk_events(), handmade.kirkuk_articles())
    assert len(fused) == 1
    event = fused[0]
    assert event.sources == 3
    assert {r.outlet for r in event.reports} == {"Northern Wire", "Gulf Courier", "Evening Ledger"}
    assert event.date_start == handmade.MONDAY and event.place.name == "Kirkuk"
    assert len(event.date_support) == 3  # all three reports give Monday
    tolls = {v.value for v in event.variants if v.field == "quantity:fatalities"}
    assert tolls == {"12 people", "at least 19 people", "25 people"}


def test_their_tolls_are_one_contradiction_listing_each_side(handmade):
    fused = fuse_events(handmade.kirkuk_events(), handmade.kirkuk_articles())
    groups = group_claims([], fused, handmade.kirkuk_articles())
    assert len(groups) == 1 and groups[0].contradiction
    assert {(s.by, s.outlet, s.value) for s in groups[0].sides} == {
        ("police", "Northern Wire", 12), ("doctors", "Gulf Courier", 19), ("a council member", "Evening Ledger", 25)}
    assert all(s.evidence.text in ("12 people", "At least 19 people", "25 people") for s in groups[0].sides)


def test_agreeing_tolls_are_a_group_but_no_contradiction(handmade):
    text_a = "A car bomb exploded at a market in Kirkuk on Monday, killing 12 people, police said."
    text_b = "A car bomb exploded at a Kirkuk market on Monday, killing 12 people, officials said."
    events = [handmade.report("c1", text_a, "exploded", handmade.MONDAY, "Kirkuk", "12 people", 12, None, "police"),
              handmade.report("c2", text_b, "exploded", handmade.MONDAY, "Kirkuk", "12 people", 12, None, "officials")]
    fused = fuse_events(events, {})
    groups = group_claims([], fused, {})
    assert len(fused) == 1 and len(groups) == 1 and not groups[0].contradiction
    assert groups[0].agreement == "2 sources: 12 people"


def test_like_attacks_in_two_towns_on_one_day_stay_two(handmade):
    fused = fuse_events(handmade.two_towns_events(), {})
    assert len(fused) == 2
    assert sorted(f.place.name for f in fused) == ["Basra", "Mosul"]


def test_one_town_a_week_apart_stays_two(handmade):
    text = "A car bomb exploded at a market in Kirkuk, killing 12 people, police said."
    events = [handmade.report("d1", text, "exploded", handmade.MONDAY, "Kirkuk"), handmade.report("d2", text, "exploded", date(2024, 2, 20), "Kirkuk")]
    assert len(fuse_events(events, {})) == 2


def test_the_result_does_not_depend_on_the_order_of_the_reports(handmade):
    events = handmade.kirkuk_events() + handmade.two_towns_events()
    first = fuse_events(events, handmade.kirkuk_articles())
    for order in itertools.permutations(events):
        assert fuse_events(list(order), handmade.kirkuk_articles()) == first


def test_a_new_report_joins_and_only_its_component_is_clustered_again(handmade):
    events = handmade.kirkuk_events() + handmade.two_towns_events()
    before = plan_fusion(events[1:])
    previous = {event_id: str(n) for n, cluster in enumerate(before.clusters) for event_id in cluster}
    after = plan_fusion(events, previous)
    assert after.reclustered == 1  # the Kirkuk component; the two towns are kept as they were
    assert sorted(after.clusters) == sorted([sorted(e.id for e in handmade.kirkuk_events())])
    full = plan_fusion(events)
    kept = [c for c in before.clusters if not set(c) & after.replaced]
    assert sorted(map(sorted, kept + after.clusters)) == sorted(map(sorted, full.clusters))


def test_the_date_sweep_gives_exactly_the_pairs_whose_windows_can_overlap():
    from dateline.fuse.coreference import incompatible
    from dateline.fuse.events import date_overlapping_pairs
    from dateline.fuse.records import EventMention

    def mention(name, start, end=None):
        return EventMention(mention_id=name, doc_id=name, sentence="x", trigger="x", trigger_start=0, trigger_end=1,
                            lemma="x", date_start=start, date_end=end or start)

    # a day, the next day, a week later, a whole month around them all, and an undated report
    mentions = {m.mention_id: m for m in (
        mention("mon", "2024-03-04"), mention("tue", "2024-03-05"), mention("next", "2024-03-11"),
        mention("march", "2024-03-01", "2024-03-31"), mention("april", "2024-04-02"), mention("undated", None))}
    ids = sorted(mentions)
    found = {frozenset(pair) for pair in date_overlapping_pairs(ids, mentions, slack_days=1)}
    brute = {frozenset((a, b)) for a, b in itertools.combinations(ids, 2)
             if not incompatible(mentions[a], mentions[b])}
    assert found == brute
    assert frozenset(("mon", "tue")) in found and frozenset(("mon", "next")) not in found
    assert frozenset(("march", "april")) not in found and frozenset(("april", "undated")) in found


def test_a_vague_date_is_compared_with_a_bounded_number_of_reports_and_precise_days_with_all_in_reach():
    from dateline.fuse.events import date_overlapping_pairs
    from dateline.fuse.records import EventMention

    def mention(name, start, end=None):
        return EventMention(mention_id=name, doc_id=name, sentence="x", trigger="x", trigger_start=0, trigger_end=1,
                            lemma="x", date_start=start, date_end=end or start)

    # twelve reports dated only "in 2024" (a year-long window each) and three of one day in June
    years = [mention(f"year-{n:02d}", "2024-01-01", "2024-12-31") for n in range(12)]
    days = [mention(f"june-{n}", "2024-06-10") for n in range(3)]
    mentions = {m.mention_id: m for m in years + days}
    ids = sorted(mentions)
    unbounded = {frozenset(p) for p in date_overlapping_pairs(ids, mentions, slack_days=1)}
    bounded = {frozenset(p) for p in date_overlapping_pairs(ids, mentions, slack_days=1, neighbourhood=50,
                                                            vague_neighbourhood=4)}
    assert len(unbounded) == 15 * 14 // 2  # every year overlaps every other report
    # the three June reports still meet each other, whatever the bound on vague ones
    assert {frozenset(("june-0", "june-1")), frozenset(("june-0", "june-2")), frozenset(("june-1", "june-2"))} <= bounded
    for name in mentions:
        partners = [pair for pair in bounded if name in pair]
        # a year report: at most 4 earlier ones, 4 later vague ones and the 3 June ones (who see
        # the 4 latest vague ones); a June report: the 4 latest years and the other two June ones
        assert len(partners) <= 4 + 4 + 3
    assert len(bounded) < len(unbounded)
    assert bounded <= unbounded
