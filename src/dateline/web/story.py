"""The story view's question and answer: the filters a URL holds (so a view can be shared), and
what the page draws for them: counts by day and type for the timeline, by place for the map, the
facet lists, and one page of events."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlencode

from dateline.model import Event, Modality
from dateline.store import EventFilter, FilterError, Store

PAGE_SIZE = 50
TIMELINE_TYPES = 9  # the most frequent types get a colour each; the rest are counted as OTHER
FILTER_KEYS = ("type", "actor", "place", "country", "since", "until", "modality", "outlet")
MODALITIES: tuple[Modality, ...] = ("reported", "claimed", "denied", "planned", "expected")


@dataclass(frozen=True)
class StoryQuery:
    """The filters as the URL gives them (text, so a form can show them back) and the page."""

    values: dict[str, str] = field(default_factory=dict)
    page: int = 1

    @classmethod
    def from_params(cls, params) -> StoryQuery:
        values = {key: params.get(key, "").strip() for key in FILTER_KEYS}
        try:
            page = max(1, int(params.get("page", "1")))
        except ValueError:
            page = 1
        return cls({k: v for k, v in values.items() if v}, page)

    def event_filter(self) -> EventFilter:
        """The EventFilter these values make; FilterError names a value that cannot be used."""
        dates = {}
        for key in ("since", "until"):
            if key in self.values:
                try:
                    dates[key] = date.fromisoformat(self.values[key])
                except ValueError:
                    raise FilterError(f"{key}: a date as YYYY-MM-DD (got {self.values[key]!r})") from None
        return EventFilter(
            type=self.values.get("type"), actor=self.values.get("actor"), place=self.values.get("place"),
            country=self.values.get("country"), modality=self.values.get("modality"),
            outlet=self.values.get("outlet"), **dates, limit=PAGE_SIZE, offset=(self.page - 1) * PAGE_SIZE,
        )

    def url(self, **changes) -> str:
        """The query string of this view with some values changed (None removes one); any
        change of filter goes back to the first page."""
        values = dict(self.values)
        page = self.page
        for key, value in changes.items():
            if key == "page":
                page = value
                continue
            page = 1
            if value in (None, ""):
                values.pop(key, None)
            else:
                values[key] = str(value)
        if page and page > 1:
            values["page"] = str(page)
        return "?" + urlencode(values) if values else "?"


@dataclass
class Story:
    query: StoryQuery
    error: str | None = None
    total: int = 0
    events: list[Event] = field(default_factory=list)
    articles: dict = field(default_factory=dict)  # article id -> Article, for the listed events
    types: list[dict] = field(default_factory=list)
    modalities: list[dict] = field(default_factory=list)
    outlets: list[dict] = field(default_factory=list)
    countries: list[dict] = field(default_factory=list)
    chart: dict = field(default_factory=dict)  # what story.js draws: timeline and map

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def timeline_data(day_counts: list[dict]) -> dict:
    """Counts by day for the most frequent types (the rest as OTHER), as columns: ``days``
    (ISO dates, ascending) and one list of counts per type, aligned with ``days``."""
    totals: dict[str, int] = {}
    for row in day_counts:
        totals[row["type"]] = totals.get(row["type"], 0) + row["events"]
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    shown = ranked if len(ranked) <= TIMELINE_TYPES + 1 else ranked[:TIMELINE_TYPES]
    names = shown + (["OTHER"] if len(ranked) > len(shown) else [])
    days = sorted({row["day"] for row in day_counts})
    index = {day: n for n, day in enumerate(days)}
    series = {name: [0] * len(days) for name in names}
    for row in day_counts:
        name = row["type"] if row["type"] in series else "OTHER"
        series[name][index[row["day"]]] += row["events"]
    return {"days": [d.isoformat() for d in days], "types": names, "counts": [series[n] for n in names]}


def read_story(store: Store, query: StoryQuery) -> Story:
    story = Story(query)
    try:
        wanted = query.event_filter()
    except FilterError as error:
        story.error = str(error)
        wanted = EventFilter(limit=PAGE_SIZE)
        story.query = StoryQuery({}, 1)
    whole = replace(wanted, limit=None, offset=0)
    story.total = store.count_events(whole)
    story.events = store.events(wanted)
    story.articles = store.get_articles(e.article_id for e in story.events)
    # facets count the events the other filters leave, so a reader sees where each choice leads
    story.types = store.event_counts(replace(whole, type=None), by="type")
    story.modalities = store.event_counts(replace(whole, modality=None), by="modality")
    story.outlets = [row for row in store.event_counts(replace(whole, outlet=None), by="outlet") if row["outlet"]]
    story.countries = store.event_counts(whole, by="country")
    places = store.event_counts(whole, by="place")
    story.chart = {
        "timeline": timeline_data(store.event_counts(whole, by=("day", "type"))),
        "places": [{"name": p["name"], "lat": p["lat"], "lon": p["lon"], "country": p["country"],
                    "events": p["events"]} for p in places],
        "total": story.total,
        "dated": None,
    }
    story.chart["dated"] = sum(sum(column) for column in story.chart["timeline"]["counts"])
    return story
