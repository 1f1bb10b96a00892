"""Which words of an article each field of an event rests on, and the article's text cut into
pieces at those words so a template can wrap each piece in a ``<mark>`` (the text itself is
always escaped by the template: nothing here builds HTML).

    highlights = event_highlights(event)                 # trigger, actors, date, places ...
    pieces = cut(article.text, highlights, sentence=event.sentence)
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Event, Span

# field -> what a reader is told it is; the order is the order of the legend and of the classes
FIELDS = {
    "trigger": "what happened",
    "source": "who did it",
    "target": "to whom",
    "actor": "other actor",
    "date": "when",
    "place": "where",
    "quantity": "how many",
    "attribution": "according to",
    "channel": "through",
}


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    field: str  # a key of FIELDS
    label: str  # what the field says, for the tooltip: "where: Bazarak (AF)"


@dataclass(frozen=True)
class Piece:
    text: str
    fields: tuple[str, ...] = ()  # the fields whose evidence these characters are, in FIELDS order
    labels: tuple[str, ...] = ()
    in_sentence: bool = False
    anchors: tuple[str, ...] = ()  # fields whose evidence starts here (for ids a page can link to)
    event_id: str | None = None  # on an article page: the event whose trigger this is


def _add(found: list[Highlight], span: Span | None, field: str, label: str) -> None:
    if span is not None and span.end > span.start:
        found.append(Highlight(span.start, span.end, field, label))


def event_highlights(event: Event) -> list[Highlight]:
    """Every evidence span of an event's fields."""
    found: list[Highlight] = []
    _add(found, event.trigger, "trigger", f"{FIELDS['trigger']}: {event.type}")
    if event.source_actor:
        _add(found, event.source_actor.span, "source", f"{FIELDS['source']}: {event.source_actor.text}")
    if event.target_actor:
        _add(found, event.target_actor.span, "target", f"{FIELDS['target']}: {event.target_actor.text}")
    for actor in event.other_actors:
        _add(found, actor.span, "actor", f"{actor.role or FIELDS['actor']}: {actor.text}")
    if not event.date_inherited:
        _add(found, event.date_span, "date", f"{FIELDS['date']}: {event.date_value or ''}")
    for place in event.places:
        if not event.place_inherited:
            where = f"{place.name} ({place.country_code})" if place.country_code else place.name
            _add(found, place.span, "place", f"{FIELDS['place']}: {where}")
    for quantity in event.quantities:
        _add(found, quantity.span, "quantity", f"{FIELDS['quantity']}: {quantity.value:g} {quantity.unit}")
    attribution = event.attribution
    if attribution is not None:
        _add(found, attribution.span, "attribution", f"{FIELDS['attribution']}: {attribution.source}")
        _add(found, attribution.via_span, "attribution", f"{FIELDS['attribution']}: {attribution.via or ''}")
        _add(found, attribution.channel_span, "channel", f"{FIELDS['channel']}: {attribution.channel or ''}")
    return found


def cut(text: str, highlights: list[Highlight], *, sentence: Span | None = None,
        links: dict[tuple[int, int], str] | None = None) -> list[Piece]:
    """The text in pieces, cut wherever a highlight (or the sentence) starts or ends; each piece
    knows every field it is evidence for, so overlapping spans ("at least 12 civilians" holding
    the target "civilians") need no nesting. Spans outside the text are dropped. ``links`` maps
    a (start, end) span to an event id (an article page links each trigger to its event)."""
    size = len(text)
    kept = [h for h in highlights if 0 <= h.start < h.end <= size]
    cuts = {0, size}
    for h in kept:
        cuts.update((h.start, h.end))
    for start, end in (links or {}):
        if 0 <= start < end <= size:
            cuts.update((start, end))
    if sentence is not None and 0 <= sentence.start < sentence.end <= size:
        cuts.update((sentence.start, sentence.end))
    order = list(FIELDS)
    anchored: set[str] = set()
    pieces: list[Piece] = []
    bounds = sorted(cuts)
    for start, end in zip(bounds, bounds[1:]):
        covering = [h for h in kept if h.start <= start and end <= h.end]
        fields = tuple(sorted({h.field for h in covering}, key=order.index))
        labels = tuple(dict.fromkeys(h.label for h in covering))
        anchors = tuple(f for f in fields if f not in anchored)
        anchored.update(anchors)
        event_id = next((event for (s, e), event in (links or {}).items() if s <= start and end <= e), None)
        pieces.append(Piece(
            text=text[start:end], fields=fields, labels=labels, anchors=anchors, event_id=event_id,
            in_sentence=sentence is not None and sentence.start <= start and end <= sentence.end,
        ))
    return pieces


def snippet_pieces(snippet: str) -> list[Piece]:
    """A search snippet (matches in [brackets], as ``Store.search`` gives it) as pieces, the
    matches marked as field "match"."""
    pieces: list[Piece] = []
    rest = snippet
    while rest:
        opening = rest.find("[")
        closing = rest.find("]", opening + 1) if opening >= 0 else -1
        if opening < 0 or closing < 0:
            pieces.append(Piece(rest))
            break
        if opening:
            pieces.append(Piece(rest[:opening]))
        pieces.append(Piece(rest[opening + 1 : closing], fields=("match",)))
        rest = rest[closing + 1 :]
    return pieces


def context_pieces(text: str, span: Span, field: str, *, width: int = 160) -> list[Piece]:
    """The words around a span (about ``width`` characters each side, cut at spaces), the span
    marked: a claim's figure in its sentence."""
    start = max(0, span.start - width)
    end = min(len(text), span.end + width)
    if start > 0:
        start = text.find(" ", start, span.start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", span.end, end) if text.rfind(" ", span.end, end) > 0 else end
    pieces = [Piece(("…" if start > 0 else "") + text[start:span.start]),
              Piece(text[span.start:span.end], fields=(field,)),
              Piece(text[span.end:end] + ("…" if end < len(text) else ""))]
    return [p for p in pieces if p.text]
