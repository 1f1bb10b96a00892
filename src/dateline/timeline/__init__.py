"""Timelines over fused events: the key dates of a selection, each with a short extractive
summary whose every sentence is cited; and an entity's history.

Key dates (as in timeline summarisation, Martschat and Markert 2018; Tran et al. 2015): a day
matters when many independent sources report something on it, and when later articles refer
back to it. Every fused event dated to one day votes for that day with the articles that report
it; an article published after the day counts again as a reference back. The summary of a day
is picked from the sentences its events were read from: the most central ones (TF-IDF cosine to
the day's other sentences) of the best-sourced events first, leaving out a sentence too close to
one already picked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sklearn.feature_extraction.text import TfidfVectorizer

from dateline.fuse.records import FusedEvent, Report
from dateline.model import Entity, Role, Span


@dataclass(frozen=True)
class TimelineConfig:
    dates: int = 10  # key dates to pick
    sentences: int = 3  # at most this many sentences a date
    # a sentence whose TF-IDF cosine to one already picked reaches this says nothing new
    redundancy: float = 0.5
    # a day known only as the publication day of the article counts this much of a source
    inherited_weight: float = 0.5
    # each article published after the day and reporting on it counts this much more
    refer_back_weight: float = 0.5
    max_sentence_chars: int = 400  # longer sentences are left out of summaries (lists, run-ons)


@dataclass(frozen=True)
class Citation:
    article_id: str
    outlet: str | None
    published: date | None
    evidence: Span  # the sentence in the article
    event_id: str

    @property
    def label(self) -> str:
        return f"{self.outlet or 'unknown outlet'}, {self.published or 'undated'}, {self.article_id[:12]}"


@dataclass(frozen=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class KeyDate:
    date: date
    score: float
    sources: int  # independent articles reporting events on the day
    refer_backs: int  # of them, published after the day
    events: tuple[str, ...]  # fused event ids
    sentences: tuple[SummarySentence, ...] = ()


@dataclass(frozen=True)
class Timeline:
    key_dates: tuple[KeyDate, ...]  # in date order
    # the period the events dated to a year or finer span; an event dated only to a longer
    # stretch ("the 20th century", "the 1990s") would stretch it to say nothing
    period_start: date | None = None
    period_end: date | None = None
    fused_events: int = 0
    articles: int = 0
    long_stretches: int = 0  # dated events left out of the period


@dataclass(frozen=True)
class EntityProfile:
    entity: Entity
    roles: tuple[Role, ...]  # in date order, undated last
    events: tuple[FusedEvent, ...] = field(default_factory=tuple)  # in date order, undated last


def _day_of(report: Report) -> date | None:
    if report.date_start is not None and (report.date_end is None or report.date_end == report.date_start):
        return report.date_start
    return None


def _citation(report: Report) -> Citation:
    return Citation(report.article_id, report.outlet, report.published, report.sentence, report.event_id)


def _cosines(texts: Sequence[str]):
    try:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    except ValueError:  # nothing but stop words
        return None
    return (matrix @ matrix.T).toarray()


def summarise_day(day: date, fused: Sequence[FusedEvent], config: TimelineConfig) -> tuple[SummarySentence, ...]:
    """Up to ``config.sentences`` sentences about the day, each with every report it comes from."""
    candidates: dict[str, list[Report]] = {}
    weight: dict[str, float] = {}
    for event in fused:
        for report in event.reports:
            if _day_of(report) != day and event.date_start != day:
                continue
            text = " ".join(report.sentence.text.split())
            if not text or len(text) > config.max_sentence_chars:
                continue
            candidates.setdefault(text, []).append(report)
            # a sentence whose own words date it to the day, of an event many sources report
            weight[text] = max(weight.get(text, 0.0), event.sources + (0.0 if report.date_inherited else 1.0))
    if not candidates:
        return ()
    texts = sorted(candidates)
    similarity = _cosines(texts)
    scores = []
    for i, text in enumerate(texts):
        centrality = 0.0 if similarity is None or len(texts) == 1 else (similarity[i].sum() - 1.0) / (len(texts) - 1)
        scores.append((weight[text] + centrality, text, i))
    picked: list[int] = []
    for _, text, index in sorted(scores, key=lambda s: (-s[0], s[1])):
        if len(picked) >= config.sentences:
            break
        if similarity is not None and any(similarity[index, other] >= config.redundancy for other in picked):
            continue
        picked.append(index)
    # in the order the articles tell them: earliest report first
    chosen = sorted(picked, key=lambda i: min((r.published or date.max, r.article_id, r.sentence.start)
                                              for r in candidates[texts[i]]))
    return tuple(SummarySentence(texts[i], tuple({(r.article_id, r.sentence.start): _citation(r)
                                                   for r in candidates[texts[i]]}.values()))
                 for i in chosen)


def build_timeline(fused: Sequence[FusedEvent], config: TimelineConfig = TimelineConfig()) -> Timeline:
    """The key dates of the given fused events, each summarised, in date order."""
    sources: dict[date, dict[str, float]] = {}
    later: dict[date, set[str]] = {}
    events_of: dict[date, list[FusedEvent]] = {}
    for event in fused:
        days = {d for d in (_day_of(r) for r in event.reports) if d is not None}
        if event.date_start is not None and event.date_start == event.date_end:
            days.add(event.date_start)
        for day in days:
            events_of.setdefault(day, []).append(event)
            for report in event.reports:
                if _day_of(report) != day and event.date_start != day:
                    continue
                own = config.inherited_weight if report.date_inherited else 1.0
                votes = sources.setdefault(day, {})
                votes[report.article_id] = max(votes.get(report.article_id, 0.0), own)
                if report.published is not None and report.published > day:
                    later.setdefault(day, set()).add(report.article_id)
    scored = []
    for day, votes in sources.items():
        refer = len(later.get(day, ()))
        scored.append((sum(votes.values()) + config.refer_back_weight * refer, day, refer))
    top = sorted(scored, key=lambda s: (-s[0], s[1]))[:config.dates]
    key_dates = []
    for score, day, refer in sorted(top, key=lambda s: s[1]):
        events = events_of[day]
        key_dates.append(KeyDate(day, round(score, 3), len(sources[day]), refer,
                                 tuple(dict.fromkeys(e.id for e in events)), summarise_day(day, events, config)))
    spans = [(e.date_start, e.date_end or e.date_start) for e in fused if e.date_start is not None]
    within = [(start, end) for start, end in spans if (end - start).days <= PERIOD_MAX_DAYS]
    return Timeline(tuple(key_dates), min(s for s, _ in within) if within else None,
                    max(e for _, e in within) if within else None,
                    len(fused), len({a for e in fused for a in e.article_ids}), len(spans) - len(within))


PERIOD_MAX_DAYS = 366  # an event dated to a year or finer bounds the period a selection covers


def entity_profile(entity: Entity, fused: Sequence[FusedEvent]) -> EntityProfile:
    """An entity's roles with their dates and its fused events, both in date order."""
    roles = tuple(sorted(entity.roles, key=lambda r: (r.as_of is None, r.as_of or date.min, r.title)))
    events = tuple(sorted(fused, key=lambda f: (f.date_start is None, f.date_start or date.min, f.id)))
    return EntityProfile(entity, roles, events)
