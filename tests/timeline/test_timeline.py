"""Key dates, summaries and the situation report over hand-made fused events."""

from __future__ import annotations

from datetime import date

from dateline.fuse.claims import group_claims
from dateline.fuse.events import ArticleInfo, fuse_events
from dateline.timeline import TimelineConfig, build_timeline
from dateline.timeline.report import situation_report


def _corpus(handmade):
    quiet = "A small protest took place in Mosul on Wednesday, organisers said."
    events = handmade.kirkuk_events() + [handmade.report("e1", quiet, "protest", date(2024, 2, 14), "Mosul",
                                                         event_type="PROTEST")]
    articles = {**handmade.kirkuk_articles(), "e1": ArticleInfo("e1", "Town Crier", date(2024, 2, 14))}
    return fuse_events(events, articles), articles


def test_the_day_three_outlets_report_is_the_first_key_date(handmade):
    fused, _ = _corpus(handmade)
    timeline = build_timeline(fused, TimelineConfig(dates=1))
    assert [k.date for k in timeline.key_dates] == [handmade.MONDAY]
    key = timeline.key_dates[0]
    assert key.sources == 3 and key.refer_backs == 3  # all three were published the next day
    assert 1 <= len(key.sentences) <= 3
    for sentence in key.sentences:
        assert sentence.citations and all(c.outlet and c.published for c in sentence.citations)
        assert all(sentence.text == c.evidence.text for c in sentence.citations)


def test_two_dates_come_in_date_order_and_no_sentence_repeats(handmade):
    fused, _ = _corpus(handmade)
    timeline = build_timeline(fused, TimelineConfig(dates=5))
    assert [k.date for k in timeline.key_dates] == [handmade.MONDAY, date(2024, 2, 14)]
    texts = [s.text for k in timeline.key_dates for s in k.sentences]
    assert len(texts) == len(set(texts))


def test_the_report_cites_every_key_date_sentence_and_lists_the_contradiction(handmade):
    fused, articles = _corpus(handmade)
    timeline = build_timeline(fused)
    text = situation_report(fused, timeline, [], group_claims([], fused, articles), title="Kirkuk")
    assert text.startswith("# Kirkuk")
    key_lines = [line for line in text.splitlines() if line.startswith("  - ") and "according to" not in line]
    assert key_lines and all(line.rstrip().endswith("]") for line in key_lines)
    assert "## Open contradictions" in text and "12 people, according to police (Northern Wire" in text
    for outlet in ("Northern Wire", "Gulf Courier", "Evening Ledger", "Town Crier"):
        assert outlet in text.split("## Sources")[1]


def test_the_report_lists_each_source_by_its_headline_linked_to_its_address(handmade):
    from dateline.model import Article

    fused, articles = _corpus(handmade)
    timeline = build_timeline(fused)
    known = {
        "e1": Article(id="e1", text="", title="Small *protest* in Mosul [video]", url="https://towncrier.example/mosul"),
    }

    def articles_of(ids):
        ids = list(ids)
        assert len(ids) == len(set(ids)) and set(ids) <= {a for f in fused for a in f.article_ids}
        return {i: known[i] for i in ids if i in known}

    text = situation_report(fused, timeline, [], group_claims([], fused, articles), articles_of=articles_of)
    sources = text.split("## Sources")[1]
    line = next(line for line in sources.splitlines() if "Town Crier" in line)
    # the headline is plain text (its Markdown escaped) linked to the article's address
    assert "[Small \\*protest\\* in Mosul \\[video\\]](https://towncrier.example/mosul)" in line
    assert "(article e1)" in line
    # an article the store does not know is listed by outlet and date as before
    assert all("(article " in l for l in sources.splitlines() if l[:1].isdigit())


def test_a_source_address_that_is_no_web_address_is_not_linked(handmade):
    from dateline.model import Article

    fused, articles = _corpus(handmade)
    known = {"e1": Article(id="e1", text="", title="Protest", url="javascript:alert(1)")}
    text = situation_report(fused, build_timeline(fused), [], group_claims([], fused, articles),
                            articles_of=lambda ids: {i: known[i] for i in ids if i in known})
    assert "javascript" not in text and "Protest" in text.split("## Sources")[1]


def test_the_period_covered_leaves_out_events_dated_only_to_a_long_stretch(handmade):
    import dataclasses

    fused_events, articles = _corpus(handmade)
    text = "Cities in the region grew fast through the twentieth century, historians say."
    century = dataclasses.replace(handmade.report("e9", text, "grew", date(1900, 1, 1), event_type="STATEMENT"),
                                  date_value="19XX", date_end=date(1999, 12, 31))
    events = handmade.kirkuk_events() + [century]
    fused = fuse_events(events, {**articles, "e9": ArticleInfo("e9", "History Monthly", date(2024, 2, 20))})
    timeline = build_timeline(fused)
    assert (timeline.period_start, timeline.period_end) == (handmade.MONDAY, handmade.MONDAY)
    assert timeline.long_stretches == 1
    report = situation_report(fused, timeline, [], [])
    assert f"Period covered: {handmade.MONDAY} to {handmade.MONDAY} (and 1 event dated only to a longer stretch" in report
