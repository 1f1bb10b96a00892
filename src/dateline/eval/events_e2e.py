"""End-to-end check of event extraction on the hand-made seed gold (``seeds/gold.json``).

Each seed article goes through the whole pipeline (ingest's reading of the file where the
ingest stage is installed, one parse, time, geo, entities, events) and each gold event is
looked for among the events extracted from its article.

Alignment (which extracted event a gold event is judged on)
- Each gold event is told by one or more phrases of its article (``seed_gold_triggers.yaml``,
  phrases of the reader's occurrence list ``seed_event_judgements.yaml``, which gives their
  possible trigger words and the types a reader accepts). An extracted event is *at* a gold
  event when its trigger starts inside one of those phrases and its first word is one of the
  phrase's trigger words.
- Each gold event is aligned to at most ONE extracted event, and each extracted event to at most
  one gold event: among the events at it, not yet aligned, the one whose type the reader accepts,
  then the one at the first listed phrase, then the first in the text. Its fields are never
  looked at to choose it: an event with the right trigger and wrong arguments is a miss, not
  passed over for a luckier event elsewhere in the article. A gold event with no event at it is
  not found.
- Fields of a gold event, each checked against its aligned event:
  - type: one of the types the reader accepts for the phrase the trigger is in.
  - date: the event's period [date_start, date_end] overlaps the gold date widened by its
    ``date_tolerance_days`` (default 0), or the gold ``date_range``; an undated event fails.
  - places: every gold place is among the event's places, by name (the words match, see
    below) or by position (within the gold place's ``tolerance_km`` of the document's gold
    coordinates).
  - actors: every gold actor matches one of the event's actors (source, target, others, their
    entity ids); a gold actor that is also the gold ``attributed_to`` may match the
    attribution's source (gold lists the speaker of a statement as its actor).
  - quantities: every gold quantity (value equal, units sharing a word, qualifier equal where
    gold gives one) is carried by the aligned event or by an event of the same article within
    the next three sentences (gold summarises an episode told over consecutive sentences).
  - attribution: the attribution's source, via or channel shares a name word with the gold
    ``attributed_to``.
  - modality: equal to the gold ``modality`` where gold gives one.
- Words match when, after lower-casing and dropping punctuation and stop words, at least two
  thirds of the gold words appear among the extracted words (a word matches a word that
  starts with it, so "Qatar" matches "Qatari"), or all of the extracted name's capitalised
  words appear in the gold (a surname: "Al Qahtani").
- A gold event is *found* when its aligned event has the type, date, places and actors right,
  and *complete* when every field gold lists is right.
- Precision, two ways, both from a reader's lists written before looking at the output (not
  from matches against the gold events, which list only 15 of the events in the text):
  - *word precision* (loose): an extracted event is real when the first word of its trigger is
    one of the words a reader marked as reporting an event anywhere in that article
    (``seed_event_words.yaml``). It judges word types, not occurrences: once "said" is listed,
    every "said" counts, and the event's type is not checked.
  - *judged precision* (strict, the headline figure): the reader listed every event occurrence
    of both articles (``seed_event_judgements.yaml``: a phrase of the text, the words in it that
    may be its trigger, the types a reader accepts). An extracted event is real when its
    trigger lies inside a listed phrase and is one of its words; *type accuracy* is the share of
    real events whose type the reader accepts; *judged recall* the share of listed occurrences
    that some extracted event matches. One reader, two articles (88 occurrences): a small
    sample with a reader's judgement calls (which reporting verbs are events of their own), so
    read it as +-0.05.
"""

from __future__ import annotations

import json
import math
import re
import time
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from collections import Counter

from dateline.model import Article, Event

EPISODE_SENTENCES = 3
STOP_WORDS = {"the", "a", "an", "of", "to", "in", "on", "and", "for", "with", "by", "via", "from", "at", "s", "its", "his",
              "her", "their", "ngo"}
GENERIC_SOURCE_WORDS = {"source", "sources", "official", "officials", "government", "spokesman", "statement", "media",
                        "said", "told", "says", "international"}
WORDS_PATH = Path(__file__).with_name("seed_event_words.yaml")
JUDGEMENTS_PATH = Path(__file__).with_name("seed_event_judgements.yaml")
TRIGGERS_PATH = Path(__file__).with_name("seed_gold_triggers.yaml")
CORE_FIELDS = ("type", "date", "places", "actors")
ALL_FIELDS = ("type", "date", "places", "actors", "quantities", "attribution", "modality")


# --- words -----------------------------------------------------------------------------------


def words_of(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")) if w not in STOP_WORDS]


def _word_in(word: str, pool: list[str]) -> bool:
    return any(p == word or (len(word) >= 4 and p.startswith(word)) or (len(p) >= 4 and word.startswith(p)) for p in pool)


def names_match(gold: str, extracted: str) -> bool:
    gold_words, found_words = words_of(gold), words_of(extracted)
    if not gold_words or not found_words:
        return False
    covered = sum(_word_in(w, found_words) for w in gold_words)
    if covered * 3 >= 2 * len(gold_words):
        return True
    capitals = [w.lower() for w in re.findall(r"\b[A-Z][\w-]+", extracted) if w.lower() not in STOP_WORDS]
    return bool(capitals) and all(_word_in(w, gold_words) for w in capitals) and len(capitals) >= 1 and covered >= 1


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


# --- fields ----------------------------------------------------------------------------------


def _gold_period(gold: dict) -> tuple[date, date] | None:
    if "date_range" in gold:
        start, end = gold["date_range"]
        return date.fromisoformat(start), date.fromisoformat(end)
    if "date" in gold:
        day = date.fromisoformat(gold["date"][:10])
        slack = timedelta(days=gold.get("date_tolerance_days", 0))
        return day - slack, day + slack
    return None


def date_right(gold: dict, event: Event) -> bool | None:
    period = _gold_period(gold)
    if period is None:
        return None
    if event.date_start is None:
        return False
    end = event.date_end or event.date_start
    return event.date_start <= period[1] and end >= period[0]


def _place_found(name: str, event: Event, gold_places: dict[str, dict]) -> bool:
    reference = gold_places.get(name)
    for place in event.places:
        if names_match(name, place.name) or names_match(name, place.span.text):
            return True
        if reference and reference.get("lat") is not None and place.lat is not None:
            if _km(reference["lat"], reference["lon"], place.lat, place.lon) <= reference.get("tolerance_km", 25):
                return True
    return False


def places_right(gold: dict, event: Event, gold_places: dict[str, dict]) -> bool | None:
    if not gold.get("places"):
        return None
    return all(_place_found(name, event, gold_places) for name in gold["places"])


def _actor_texts(event: Event, entity_names: dict[str, str]) -> list[str]:
    texts = []
    for actor in (event.source_actor, event.target_actor, *event.other_actors):
        if actor is None:
            continue
        texts.append(actor.text)
        if actor.entity_id:
            texts.append(entity_names.get(actor.entity_id, actor.entity_id.split(":")[-1].replace("-", " ")))
    return texts


def actors_right(gold: dict, event: Event, entity_names: dict[str, str]) -> bool | None:
    if not gold.get("actors"):
        return None
    texts = _actor_texts(event, entity_names)
    speaker = gold.get("attributed_to", "")
    for name in gold["actors"]:
        if any(names_match(name, t) for t in texts):
            continue
        if speaker and names_match(name, speaker) and event.attribution is not None and (
            names_match(name, event.attribution.source) or names_match(name, event.attribution.span.text)
        ):
            continue
        return False
    return True


def _quantity_found(gold: dict, events: list[Event]) -> bool:
    for event in events:
        for quantity in event.quantities:
            if abs(quantity.value - float(gold["value"])) > 1e-6:
                continue
            if not set(words_of(gold["unit"])) & set(words_of(quantity.unit)) and not names_match(gold["unit"], quantity.unit):
                continue
            if gold.get("qualifier") and (quantity.qualifier or "") != gold["qualifier"]:
                continue
            return True
    return False


def quantities_right(gold: dict, episode: list[Event]) -> bool | None:
    if not gold.get("quantities"):
        return None
    return all(_quantity_found(q, episode) for q in gold["quantities"])


def attribution_right(gold: dict, event: Event) -> bool | None:
    if not gold.get("attributed_to"):
        return None
    if event.attribution is None:
        return False
    gold_words = [w for w in words_of(gold["attributed_to"]) if w not in GENERIC_SOURCE_WORDS]
    attribution = event.attribution
    said = " ".join(filter(None, [attribution.source, attribution.span.text, attribution.via or "", attribution.channel or ""]))
    found = [w for w in words_of(said) if w not in GENERIC_SOURCE_WORDS]
    return any(_word_in(w, found) for w in gold_words)


def modality_right(gold: dict, event: Event) -> bool | None:
    if not gold.get("modality"):
        return None
    return event.modality == gold["modality"]


def judge(gold: dict, event: Event, accepted_types: set[str], episode: list[Event], gold_places: dict,
          entity_names: dict) -> dict[str, bool | None]:
    return {
        "type": event.type in accepted_types,
        "date": date_right(gold, event),
        "places": places_right(gold, event, gold_places),
        "actors": actors_right(gold, event, entity_names),
        "quantities": quantities_right(gold, episode),
        "attribution": attribution_right(gold, event),
        "modality": modality_right(gold, event),
    }


def fields_listed(gold: dict) -> tuple[str, ...]:
    """The fields a gold event is judged on: the type always, the others where gold gives them."""
    given = {
        "type": True,
        "date": "date" in gold or "date_range" in gold,
        "places": bool(gold.get("places")),
        "actors": bool(gold.get("actors")),
        "quantities": bool(gold.get("quantities")),
        "attribution": bool(gold.get("attributed_to")),
        "modality": bool(gold.get("modality")),
    }
    return tuple(f for f in ALL_FIELDS if given[f])


# --- alignment: one extracted event per gold event -------------------------------------------


def trigger_word(event: Event) -> str:
    return (re.findall(r"[\w-]+", event.trigger.text.lower()) or [""])[0]


def _phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(phrase)
    while start >= 0:
        spans.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return spans


def align_gold_events(text: str, events: list[Event], gold_phrases: dict[str, list[str]],
                      entries: list[dict]) -> dict[str, tuple[Event | None, set[str]]]:
    """Each gold event (id -> the phrases that tell it, in order) aligned to at most one extracted
    event and each extracted event to at most one gold event (see the module text), with the
    types the reader accepts for the occurrence it was found at."""
    by_phrase = {entry["at"]: entry for entry in entries}
    taken: set[int] = set()
    aligned: dict[str, tuple[Event | None, set[str]]] = {}
    for gold_id, phrases in gold_phrases.items():
        unknown = [p for p in phrases if p not in by_phrase]
        if unknown:
            raise ValueError(f"{TRIGGERS_PATH.name}: {gold_id} names phrases not in {JUDGEMENTS_PATH.name}: {unknown}")
        options = []
        for rank, phrase in enumerate(phrases):
            entry = by_phrase[phrase]
            for start, end in _phrase_spans(text, phrase):
                for k, event in enumerate(events):
                    if k not in taken and start <= event.trigger.start < end and trigger_word(event) in entry["words"]:
                        options.append(((event.type not in entry["types"], rank, event.trigger.start), k, set(entry["types"])))
        if not options:
            aligned[gold_id] = (None, {t for p in phrases for t in by_phrase[p]["types"]})
            continue
        _, k, types = min(options, key=lambda option: option[0])
        taken.add(k)
        aligned[gold_id] = (events[k], types)
    return aligned


# --- running the pipeline on the seeds -------------------------------------------------------------


def read_seed(path: Path) -> Article:
    """The seed file as the ingest stage reads it."""
    from dateline.ingest import read_articles

    articles = [a for a in read_articles([path]) if isinstance(a, Article)]
    if not articles:
        raise ValueError(f"{path}: the ingest stage read no article from the seed file")
    return articles[0]


def run_pipeline(articles: list[Article]) -> tuple[list[list[Event]], list, list[str], list[list]]:
    """Events, entities, the stages missing, and the conflicting claims of each article."""
    from dateline.pipeline import read_corpus

    corpus = read_corpus(articles)
    if corpus.failed:
        raise RuntimeError(f"the pipeline failed on a seed article: {corpus.failed[0][1]}")
    return [list(r.events) for r in corpus.records], corpus.entities, [], [list(r.claims) for r in corpus.records]


@lru_cache(maxsize=1)
def _real_words() -> dict[str, set[str]]:
    raw = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))
    return {name: {w.lower() for w in words} for name, words in raw.items()}


@lru_cache(maxsize=1)
def _judgements() -> dict[str, list[dict]]:
    return yaml.safe_load(JUDGEMENTS_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _gold_triggers() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load(TRIGGERS_PATH.read_text(encoding="utf-8"))


def judge_occurrences(text: str, events: list[Event], entries: list[dict]) -> dict:
    """Judged precision, type accuracy and recall of one article's events against the reader's
    list of event occurrences (see the module text)."""
    places = []  # (start, end, entry index) of each listed phrase in the text
    for k, entry in enumerate(entries):
        start = text.find(entry["at"])
        while start >= 0:
            places.append((start, start + len(entry["at"]), k))
            start = text.find(entry["at"], start + 1)
    matched_entries: set[int] = set()
    real, typed, unreal, mistyped = 0, 0, [], []
    for event in events:
        first = trigger_word(event)
        hits = [k for s, e, k in places if s <= event.trigger.start < e and first in entries[k]["words"]]
        if not hits:
            unreal.append({"type": event.type, "trigger": event.trigger.text, "sentence": event.sentence.text[:120]})
            continue
        real += 1
        matched_entries.update(hits)
        if any(event.type in entries[k]["types"] for k in hits):
            typed += 1
        else:
            mistyped.append({"type": event.type, "trigger": event.trigger.text,
                             "accepted": sorted({t for k in hits for t in entries[k]["types"]})})
    return {"extracted": len(events), "real": real, "type_right": typed, "listed": len(entries),
            "listed_found": len(matched_entries), "not_real": unreal, "mistyped": mistyped,
            "missed": [entries[k]["at"] for k in range(len(entries)) if k not in matched_entries]}


def _sentence_order(events: list[Event]) -> dict[int, int]:
    starts = sorted({e.sentence.start for e in events})
    return {s: k for k, s in enumerate(starts)}


def evaluate_seed_gold(shared: Path, gold_path: Path | None = None) -> dict:
    """Recall of the gold events (found / complete, and per field) and precision of the events
    extracted from the seed articles; see the module text for the matching rule."""
    seeds = Path(shared) / "seeds"
    gold = json.loads((gold_path or seeds / "gold.json").read_text(encoding="utf-8"))
    documents = gold["documents"]
    articles = [read_seed(seeds / d["file"]) for d in documents]
    started = time.perf_counter()
    extracted, entities, missing, claims = run_pipeline(articles)
    seconds = time.perf_counter() - started
    entity_names = {e.id: e.name for e in entities}

    per_event, real, total = [], 0, 0
    unreal: list[dict] = []
    judged = {"extracted": 0, "real": 0, "type_right": 0, "listed": 0, "listed_found": 0,
              "not_real": [], "mistyped": [], "missed": []}
    field_counts = {f: [0, 0] for f in ALL_FIELDS}
    claim_groups = {"gold": 0, "found": 0}
    for document, found_claims in zip(documents, claims):
        for gold_group in document.get("conflicting_claims", []):
            claim_groups["gold"] += 1
            mine = [c for c in found_claims if c.about == gold_group["about"]]
            expected = {(c["value"], c["unit"], c.get("qualifier")) for c in gold_group["claims"]}
            got = {(c.value, c.unit, c.qualifier) for c in mine}
            by_right = all(any(g["by"] in c.by for c in mine) for g in gold_group["claims"])
            claim_groups["found"] += bool(expected <= got and by_right)
    for document, article, found in zip(documents, articles, extracted):
        gold_places = {p["name"]: p for p in document.get("places", [])}
        order = _sentence_order(found)
        words = _real_words().get(document["file"], set())
        occurrences = judge_occurrences(article.text, found, _judgements().get(document["file"], []))
        for key, value in occurrences.items():
            judged[key] += [dict(v, file=document["file"]) if isinstance(v, dict) else v for v in value] \
                if isinstance(value, list) else value
        for event in found:
            total += 1
            if trigger_word(event) in words:
                real += 1
            else:
                unreal.append({"file": document["file"], "type": event.type, "trigger": event.trigger.text,
                               "sentence": event.sentence.text[:120]})
        gold_events = document.get("events", [])
        phrases = _gold_triggers().get(document["file"], {})
        untold = [g["id"] for g in gold_events if not phrases.get(g["id"])]
        if untold:
            raise ValueError(f"{TRIGGERS_PATH.name}: no phrase for the gold events {untold} of {document['file']}")
        aligned = align_gold_events(article.text, found, {g["id"]: phrases[g["id"]] for g in gold_events},
                                    _judgements().get(document["file"], []))
        for gold_event in gold_events:
            best, accepted_types = aligned[gold_event["id"]]
            if best is None:
                listed = {f: False for f in fields_listed(gold_event)}
            else:
                k = order[best.sentence.start]
                episode = [e for e in found if k <= order[e.sentence.start] <= k + EPISODE_SENTENCES]
                fields = judge(gold_event, best, accepted_types, episode, gold_places, entity_names)
                listed = {f: fields[f] for f in fields_listed(gold_event)}
            is_found = best is not None and all(listed.get(f, True) for f in CORE_FIELDS)
            complete = best is not None and all(listed.values())
            for f, v in listed.items():
                field_counts[f][1] += 1
                field_counts[f][0] += bool(v)
            per_event.append({
                "id": gold_event["id"],
                "what": gold_event["what"],
                "found": is_found,
                "complete": complete,
                "fields": listed,
                "event": _describe(best) if best is not None else None,
            })
    n = len(per_event)
    return {
        "gold_events": n,
        "found": sum(e["found"] for e in per_event),
        "complete": sum(e["complete"] for e in per_event),
        "recall_found": round(sum(e["found"] for e in per_event) / n, 3) if n else 0.0,
        "recall_complete": round(sum(e["complete"] for e in per_event) / n, 3) if n else 0.0,
        "field_accuracy": {f: round(c[0] / c[1], 3) if c[1] else None for f, c in field_counts.items()},
        "field_counts": {f: {"right": c[0], "listed": c[1]} for f, c in field_counts.items()},
        "extracted_events": total,
        "real_events": real,
        "precision": round(real / total, 3) if total else 0.0,
        "not_real": unreal,
        "conflicting_claims": claim_groups,
        "acled_typed_by": dict(sorted(Counter(e.acled_source or "none" for events in extracted for e in events).items())),
        "judged": {
            **{k: judged[k] for k in ("extracted", "real", "type_right", "listed", "listed_found")},
            "precision": round(judged["real"] / judged["extracted"], 3) if judged["extracted"] else 0.0,
            "type_accuracy": round(judged["type_right"] / judged["real"], 3) if judged["real"] else 0.0,
            "recall": round(judged["listed_found"] / judged["listed"], 3) if judged["listed"] else 0.0,
            "not_real": judged["not_real"],
            "mistyped": judged["mistyped"],
            "missed": judged["missed"],
        },
        "per_event": per_event,
        "missing_stages": missing,
        "seconds": round(seconds, 2),
    }


def _describe(event: Event) -> dict:
    return {
        "type": event.type,
        "trigger": event.trigger.text,
        "source": event.source_actor.text if event.source_actor else None,
        "target": event.target_actor.text if event.target_actor else None,
        "others": [a.text for a in event.other_actors],
        "date": event.date_value,
        "date_inherited": event.date_inherited,
        "places": [p.name for p in event.places],
        "quantities": [f"{q.qualifier + ' ' if q.qualifier else ''}{q.value:g} {q.unit}" for q in event.quantities],
        "attribution": event.attribution.source if event.attribution else None,
        "modality": event.modality,
        "confidence": event.confidence,
    }


def evaluate(shared: Path) -> dict:
    return evaluate_seed_gold(shared)


def to_markdown(result: dict) -> str:
    lines = [
        "## Events end to end: the seed gold",
        "",
        f"{result['gold_events']} hand-made gold events in the two seed articles, each judged on the one extracted "
        f"event at its trigger (type accepted first). Found (type, date, places and actors "
        f"right): **{result['found']}/{result['gold_events']}** (recall {result['recall_found']:.3f}); complete "
        f"(every listed field right): **{result['complete']}/{result['gold_events']}** "
        f"(recall {result['recall_complete']:.3f}). Matching rule: `dateline.eval.events_e2e`.",
        "",
    ]
    judged = result.get("judged")
    if judged:
        lines += [
            "Precision is not measured against the gold events (they list 15 of the events in the text, so any "
            "other event would count as wrong). A reader listed every event occurrence of both articles, before "
            "looking at the output (`seed_event_judgements.yaml`: the phrase, its possible trigger words, the types "
            "a reader accepts):",
            "",
            "| measure | figure |",
            "|---|---|",
            f"| judged precision (extracted events that are a listed occurrence) | **{judged['real']}/{judged['extracted']}** "
            f"({judged['precision']:.3f}) |",
            f"| type accuracy of those (type among the reader's) | {judged['type_right']}/{judged['real']} ({judged['type_accuracy']:.3f}) |",
            f"| judged recall (listed occurrences some event matches) | {judged['listed_found']}/{judged['listed']} ({judged['recall']:.3f}) |",
            f"| word precision (trigger word is one a reader marked anywhere in the article; loose) | "
            f"{result['real_events']}/{result['extracted_events']} ({result['precision']:.3f}) |",
            "",
            "Limits: one reader and two articles (88 listed occurrences), so read these figures as +-0.05; which "
            "reporting verbs are events of their own (\"X said ...\" around a quote that holds events) is a judgement "
            "call; the list checks the trigger and the type, not the actors, date or place of the extra events (the "
            "gold events check those). Word precision judges word types, not occurrences: it cannot see a wrong "
            "reading of a listed word.",
            "",
        ]
        if judged["not_real"] or judged["mistyped"]:
            lines += ["Extracted events the reader did not list, or typed otherwise:", ""]
            lines += [f"- not listed: {e['type']} '{e['trigger']}': {e['sentence']}" for e in judged["not_real"][:10]]
            lines += [f"- type {e['type']} for '{e['trigger']}' (reader: {', '.join(e['accepted'])})" for e in judged["mistyped"][:10]]
            lines.append("")
        if judged["missed"]:
            lines += [f"Listed occurrences no event matches ({len(judged['missed'])}): "
                      + "; ".join(f"'{m}'" for m in judged["missed"][:30]), ""]
    if result.get("conflicting_claims", {}).get("gold"):
        c = result["conflicting_claims"]
        lines += [f"Conflicting figures in the gold (one source's count against another's): **{c['found']}/{c['gold']}** "
                  f"found as separate claims with the right values, units, qualifiers and sources.", ""]
    if result.get("acled_typed_by"):
        counts = ", ".join(f"{source} {n}" for source, n in result["acled_typed_by"].items())
        lines += [f"ACLED type of the extracted events given by: {counts} (none: no ACLED coding, e.g. a meeting).", ""]
    if result.get("missing_stages"):
        lines += [f"Stages not installed during this run: {', '.join(result['missing_stages'])}.", ""]
    lines += ["| field | right / listed |", "|---|---|"]
    for name, counts in result["field_counts"].items():
        lines.append(f"| {name} | {counts['right']}/{counts['listed']} |")
    lines += ["", "| gold event | found | complete | wrong fields | extracted (type, trigger, date, places) |", "|---|---|---|---|---|"]
    for entry in result["per_event"]:
        wrong = ", ".join(f for f, v in entry["fields"].items() if not v) or "-"
        e = entry["event"] or {}
        got = f"{e.get('type')} '{e.get('trigger')}' {e.get('date')} {', '.join(e.get('places') or [])}" if e else "none"
        lines.append(f"| {entry['id']} | {'yes' if entry['found'] else 'no'} | {'yes' if entry['complete'] else 'no'} | {wrong} | {got} |")
    if result["not_real"]:
        lines += ["", "Extracted events whose trigger word the reader did not mark (word precision):", ""]
        for e in result["not_real"][:15]:
            lines.append(f"- {e['type']} '{e['trigger']}': {e['sentence']}")
    return "\n".join(lines) + "\n"
