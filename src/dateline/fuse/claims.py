"""Claims across sources: figures about the same thing, grouped, and where they disagree.

Two kinds of group:

- a measure that sources count (``Claim.about``, "districts captured by the Taliban"): the
  claims the events stage found, grouped by what they are about and their unit, across
  articles;
- the figures of one fused event ("12 killed" in one outlet, "at least 15" in another): every
  member report's quantity of one category (fatalities, injured ...) is one side, its source the
  report's attribution or else its outlet.

A group is a contradiction when two sides from different sources give figures that do not agree
(the events stage's own comparison: equal, or within the tolerance of an approximate qualifier)
or when the same figure is reported by one and denied by another.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from dateline.events.claims import claims_conflict, describe_normal
from dateline.fuse.events import ArticleInfo
from dateline.fuse.records import ClaimGroup, ClaimSide, FusedEvent
from dateline.model import Claim


def _group_id(*parts: str) -> str:
    return "cg" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:18]


def _as_claim(side: ClaimSide, about: str) -> Claim:
    return Claim(about=about, value=side.value, unit=side.unit, by=side.by, span=side.evidence,
                 article_id=side.article_id, qualifier=side.qualifier)


def sides_disagree(sides: Sequence[ClaimSide], about: str) -> bool:
    claims = [_as_claim(side, about) for side in sides]
    if any(claims_conflict(a, b) for i, a in enumerate(claims) for b in claims[i + 1:]):
        return True
    modalities = {side.modality for side in sides if side.modality}
    return "denied" in modalities and len(modalities) > 1


def _ordered(sides: Iterable[ClaimSide]) -> tuple[ClaimSide, ...]:
    return tuple(sorted(sides, key=lambda s: (s.published is None, s.published or 0, s.article_id, s.evidence.start)))


def measure_modifiers(claim: Claim) -> tuple[str, ...]:
    """The words that narrow the counted noun in the claim's own words ("331 confirmed cases":
    confirmed; "thirteen probable cases": probable; "two new cases": new): what is left of the
    figure's span without numbers, the qualifier, the unit's words and function words. Two
    figures with different narrowing words count different things."""
    from spacy.lang.en.lex_attrs import like_num
    from spacy.lang.en.stop_words import STOP_WORDS

    ignored = set(describe_normal(claim.unit).split()) | set((claim.qualifier or "").lower().split())
    words = [w.lower() for w in claim.span.text.replace("-", " ").split()]
    return tuple(sorted({w.strip(".,;:'\"()") for w in words} - ignored - STOP_WORDS - {""}
                        - {w for w in words if like_num(w) or not w.isalpha()}))


def measure_groups(claims: Iterable[Claim], articles: Mapping[str, ArticleInfo],
                   fused_of_event: Mapping[str, str]) -> list[ClaimGroup]:
    """Claims about one measure, across articles (a group needs two sides).

    A measure is what is counted, its unit, and the words that narrow the counted noun
    (``measure_modifiers``). A generic measure (a bare unit, "percent", "cases", or a unit with
    its verb, "people died") says nothing of whose figure it is: such figures are compared only
    within one article and one real event (the fused event of the claim's event, else the event),
    so an article's "40 percent" of one thing and "1 percent" of another, or a toll in one town and
    a toll in another, are not set against each other; a generic figure tied to no event is never
    grouped."""
    by_measure: dict[tuple, list[Claim]] = {}
    for claim in claims:
        about, unit = describe_normal(claim.about), describe_normal(claim.unit)
        scope = ""
        if len(about.split()) <= len(unit.split()) + 1:
            if not claim.event_id:
                continue
            scope = f"{claim.article_id}/{fused_of_event.get(claim.event_id, claim.event_id)}"
        by_measure.setdefault((about, unit, scope, measure_modifiers(claim)), []).append(claim)
    groups = []
    for (about, unit, scope, modifiers), members in sorted(by_measure.items()):
        if len(members) < 2:
            continue
        sides = _ordered(ClaimSide(
            value=c.value, unit=c.unit, by=c.by, article_id=c.article_id, evidence=c.span, qualifier=c.qualifier,
            outlet=articles.get(c.article_id, ArticleInfo(c.article_id)).outlet,
            published=articles.get(c.article_id, ArticleInfo(c.article_id)).published, event_id=c.event_id,
            claim_id=c.id) for c in members)
        fused = {fused_of_event.get(c.event_id) for c in members if c.event_id}
        groups.append(ClaimGroup(
            id=_group_id("measure", about, unit, scope, *modifiers), about=members[0].about, unit=members[0].unit,
            sides=sides, contradiction=sides_disagree(sides, about), category=members[0].category,
            fused_event_id=next(iter(fused)) if len(fused) == 1 else None))
    return groups


def event_groups(fused_events: Iterable[FusedEvent]) -> list[ClaimGroup]:
    """The figures of each fused event reported by two articles or more, one group per category."""
    groups = []
    for fused in fused_events:
        if fused.sources < 2:
            continue
        by_category: dict[tuple[str, str], list[ClaimSide]] = {}
        for report in fused.reports:
            for quantity in report.quantities:
                # one category can hold different units ("equipment": rifles, rounds of
                # ammunition): only figures of one unit are set side by side
                category = quantity.category or describe_normal(quantity.unit)
                by_category.setdefault((category, describe_normal(quantity.unit)), []).append(ClaimSide(
                    value=quantity.value, unit=quantity.unit, by=report.attribution or report.outlet or report.article_id[:12],
                    article_id=report.article_id, evidence=quantity.span, qualifier=quantity.qualifier,
                    outlet=report.outlet, published=report.published, event_id=report.event_id,
                    modality=report.modality))
        for (category, unit), sides in sorted(by_category.items()):
            if len({side.article_id for side in sides}) < 2:
                continue
            sides = _ordered(sides)
            # one article's repeated figure is one side: the sides are what each source said
            unique = _ordered({(s.article_id, s.figure): s for s in sides}.values())
            about = f"{category} in the {fused.type.lower()} of {fused.date_value or 'an undated day'}" + (
                f" in {fused.place.name}" if fused.place else "")
            groups.append(ClaimGroup(
                id=_group_id("event", fused.id, category, unit), about=about, unit=unique[0].unit, sides=unique,
                contradiction=sides_disagree(unique, category), category=category, fused_event_id=fused.id))
    return groups


def group_claims(claims: Iterable[Claim], fused_events: Sequence[FusedEvent],
                 articles: Mapping[str, ArticleInfo]) -> list[ClaimGroup]:
    """Every claim group, contradictions first, then by the number of sides."""
    fused_of_event = {report.event_id: fused.id for fused in fused_events for report in fused.reports}
    groups = measure_groups(claims, articles, fused_of_event) + event_groups(fused_events)
    return sorted(groups, key=lambda g: (not g.contradiction, -len(g.sides), g.about, g.id))
