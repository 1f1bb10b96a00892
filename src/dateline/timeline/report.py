"""The written situation report: Markdown for a selection of fused events, every statement
with its citations (numbered sources listed at the end: outlet, date, the article's headline
linked to its address when the store knows them, article id)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from dateline.fuse.records import ClaimGroup, FusedEvent
from dateline.model import Article, Entity
from dateline.timeline import Timeline

MAX_ACTORS = 12
MAX_PLACES = 12
MAX_CONTRADICTIONS = 10


class _Sources:
    """Numbers articles in the order they are first cited."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.about: dict[str, tuple[str | None, date | None]] = {}

    def cite(self, article_id: str, outlet: str | None, published: date | None) -> str:
        if article_id not in self.numbers:
            self.numbers[article_id] = len(self.numbers) + 1
            self.about[article_id] = (outlet, published)
        return f"[{self.numbers[article_id]}]"

    def cite_all(self, items) -> str:
        return "".join(dict.fromkeys(self.cite(*item) for item in items))


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _markdown_text(text: str) -> str:
    """Untrusted text (a headline) as plain Markdown text: no link, emphasis or HTML of its own."""
    text = " ".join(str(text).split())
    for mark in "\\`*_[]<>#|":
        text = text.replace(mark, "\\" + mark)
    return text


def _source_line(number: int, article_id: str, outlet: str | None, published: date | None,
                 article: Article | None) -> str:
    line = f"{number}. {outlet or 'unknown outlet'}, {published or 'undated'}"
    headline = _markdown_text(article.title) if article is not None and article.title else None
    url = article.url if article is not None and article.url else None
    if url is not None and (not url.startswith(("http://", "https://")) or any(c in url for c in " <>()[]")):
        url = None  # only a plain web address becomes a link (no script:, no Markdown of its own)
    if headline and url:
        line += f": [{headline}]({url})"
    elif headline:
        line += f": {headline}"
    elif url:
        line += f": <{url}>"
    return line + f" (article {article_id[:12]})"


def situation_report(fused: Sequence[FusedEvent], timeline: Timeline, entities: Sequence[Entity],
                     groups: Sequence[ClaimGroup], *, title: str | None = None, selection: str = "the whole store",
                     articles_of: Callable[[Iterable[str]], Mapping[str, Article]] | None = None) -> str:
    """``articles_of`` looks up the cited articles (``Store.get_articles``) for their headlines
    and addresses; without it the sources are listed by outlet, date and id."""
    sources = _Sources()
    lines = [f"# {title or 'Situation report'}", ""]
    outlets = {r.outlet for f in fused for r in f.reports if r.outlet}
    period = (f"{timeline.period_start} to {timeline.period_end}" if timeline.period_start else "no event dated to a year or finer")
    if timeline.long_stretches:
        period += (f" (and {timeline.long_stretches} event{'s' if timeline.long_stretches != 1 else ''} "
                   "dated only to a longer stretch, such as a decade)")
    lines += [f"Selection: {selection}. Period covered: {period}. {len(fused)} events reported by "
              f"{timeline.articles} articles from {len(outlets)} outlets; "
              f"{sum(1 for f in fused if f.sources > 1)} of the events are reported by two articles or more.", ""]

    lines += ["## Key dates", ""]
    if not timeline.key_dates:
        lines += ["No event of the selection is dated to a day.", ""]
    for key in timeline.key_dates:
        lines.append(f"- **{key.date}** ({key.sources} source{'s' if key.sources != 1 else ''}"
                     + (f", {key.refer_backs} referring back" if key.refer_backs else "") + ")")
        for sentence in key.sentences:
            cited = sources.cite_all((c.article_id, c.outlet, c.published) for c in sentence.citations)
            lines.append(f"  - {sentence.text} {cited}")
    lines.append("")

    lines += ["## Main actors", ""]
    counts: Counter = Counter()
    cited_by: dict[str, list] = {}
    for event in fused:
        for actor_id in {a for r in event.reports for a in r.actor_ids}:
            counts[actor_id] += 1
            cited_by.setdefault(actor_id, []).extend(
                (r.article_id, r.outlet, r.published) for r in event.reports if actor_id in r.actor_ids)
    by_id = {e.id: e for e in entities}
    rows = [(by_id[i], n) for i, n in counts.most_common() if i in by_id][:MAX_ACTORS]
    if rows:
        lines += ["| actor | kind | events | roles (as of) | sources |", "|---|---|---|---|---|"]
        for entity, n in rows:
            roles = "; ".join(f"{r.title} ({r.as_of})" if r.as_of else r.title for r in entity.roles)
            lines.append(f"| {_cell(entity.name)} | {entity.kind} | {n} | {_cell(roles)} | "
                         f"{sources.cite_all(cited_by[entity.id][:6])} |")
    else:
        lines.append("No actor of the selection is tied to a known entity.")
    lines.append("")

    lines += ["## Places", ""]
    places: Counter = Counter()
    place_cites: dict[str, list] = {}
    country: dict[str, str] = {}
    for event in fused:
        if event.place is not None:
            places[event.place.name] += 1
            country[event.place.name] = event.place.country_code or ""
            place_cites.setdefault(event.place.name, []).extend(
                (r.article_id, r.outlet, r.published) for r in event.reports if r.event_id in event.place_support)
    if places:
        lines += ["| place | country | events | sources |", "|---|---|---|---|"]
        for name, n in places.most_common(MAX_PLACES):
            lines.append(f"| {_cell(name)} | {country[name]} | {n} | {sources.cite_all(place_cites[name][:6])} |")
    else:
        lines.append("No event of the selection has a place on the map.")
    lines.append("")

    lines += ["## Open contradictions", ""]
    open_ones = [g for g in groups if g.contradiction][:MAX_CONTRADICTIONS]
    if not open_ones:
        lines.append("None found: where sources give figures for the same thing, they agree.")
    for group in open_ones:
        lines.append(f"- **{_cell(group.about)}**:")
        for side in group.sides:
            lines.append(f"  - {side.figure}, according to {_cell(side.by)} "
                         f"({side.outlet or 'unknown outlet'}, {side.published or 'undated'}): "
                         f"\"{_cell(side.evidence.text)}\" {sources.cite(side.article_id, side.outlet, side.published)}")
    agreeing = [g for g in groups if not g.contradiction]
    if agreeing:
        lines += ["", "Agreement: " + "; ".join(
            f"{_cell(g.about)} ({g.agreement}) {sources.cite_all((s.article_id, s.outlet, s.published) for s in g.sides)}"
            for g in agreeing[:MAX_CONTRADICTIONS])]
    lines.append("")

    lines += ["## Sources", ""]
    cited = articles_of(list(sources.numbers)) if articles_of is not None and sources.numbers else {}
    for article_id, number in sources.numbers.items():
        outlet, published = sources.about[article_id]
        lines.append(_source_line(number, article_id, outlet, published, cited.get(article_id)))
    return "\n".join(lines).rstrip() + "\n"
