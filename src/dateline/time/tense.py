"""The tense of the clause around a time expression: past, future or unknown.

"landed in Kabul on Friday" is the Friday before the article; "will meet on Friday" the one after.
With a spaCy parse, the verb that governs the expression decides (its tag and auxiliaries);
without one, the tense cue word (vocabulary.yaml) nearest to the expression in its sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dateline.time.grammar import vocabulary

SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")
FUTURE_WORDS = {"will", "'ll", "shall", "wo", "won't"}


@lru_cache(maxsize=1)
def _cue_regex() -> tuple[re.Pattern, frozenset]:
    cues = vocabulary()["tense_cues"]
    future = sorted(cues["future"] + cues["schedule_cues"], key=len, reverse=True)
    past = sorted(cues["past"], key=len, reverse=True)
    alternatives = "|".join(
        [rf"(?P<f{i}>{re.escape(w)})" for i, w in enumerate(future)]
        + [rf"(?P<p{i}>{re.escape(w)})" for i, w in enumerate(past)]
        + [r"(?P<ed>[a-z]{2,}ed)"]
    )
    regex = re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])", re.IGNORECASE)
    return regex, frozenset(w.lower() for w in cues["not_past"])


class SentenceIndex:
    """Sentence boundaries of a text, found once, for cheap look-ups by offset."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in SENTENCE_BREAK.finditer(text)]

    def bounds(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end


@lru_cache(maxsize=1)
def _schedule_verbs() -> frozenset:
    return frozenset(vocabulary()["tense_cues"]["schedule_verbs"])


PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\W{0,2}$")
PAST_PERFECT = re.compile(r"\bhad\s+(?:not\s+|already\s+|been\s+)?([a-z]+ed)\b", re.IGNORECASE)
BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|'s)\s+$", re.IGNORECASE)
# an -ed word after a determiner (and at most one adverb) is an adjective, not a past verb:
# "on a still unspecified date", "the troubled bank", "its restated results"
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:[a-z]+ly\s+|still\s+|yet\s+|long\s+|much\s+)?$", re.IGNORECASE)
PAST_BEFORE_FUTURE = re.compile(r"\b(?:was|were|had been|previously)\s+(?:\w+\s+)?$", re.IGNORECASE)
# past-list words that are auxiliaries or fixed phrases, not participles ("has been", "ago")
PARTICIPLE_CUES = frozenset({"was", "were", "had", "did", "has been", "have been", "had been", "ago", "earlier", "last", "former", "yesterday", "according"})


def tense_from_word_before(text: str, start: int, end: int, sentences: SentenceIndex) -> str | None:
    """The word right before the expression, when it fixes the direction whatever the verb:
    "effective June 1", "through January", "payable Feb. 1" look ahead, "since May" back."""
    _, not_past = _cue_regex()
    cues = vocabulary()["tense_cues"]
    previous = PREVIOUS_WORD.search(text, max(0, start - 20), start)
    if not previous or text.startswith("'s", end):
        return None  # "before Friday's purchases": the preposition governs the noun, not the weekday
    word = previous.group(1).lower()
    if word in {"on", "from"}:
        # "a ceasefire starting on Sunday", "effective from Monday": the word before the preposition
        earlier = PREVIOUS_WORD.search(text, max(0, previous.start() - 20), previous.start())
        if earlier and earlier.group(1).lower() in cues["just_before_future"] and earlier.group(1).lower() != "by":
            word = earlier.group(1).lower()
    if word in cues["just_before_future"]:
        # "had filed by Wednesday": a deadline already past in a past-perfect clause
        low, _ = sentences.bounds(start)
        done = [m for m in PAST_PERFECT.finditer(text, low, start) if m.group(1).lower() not in not_past]
        return None if done else "future"
    if word in cues["just_before_past"]:
        return "past"
    return None


def tense_from_cues(text: str, start: int, end: int, sentences: SentenceIndex) -> str | None:
    regex, not_past = _cue_regex()
    low, high = sentences.bounds(start)
    best: tuple[int, str] | None = None
    for match in regex.finditer(text, low, high):
        if start <= match.start() < end:
            continue  # the expression's own words ("last", "next") are not tense cues
        kind = match.lastgroup or ""
        word = match.group(0).lower()
        if kind == "ed" and word in not_past:
            continue
        if kind == "ed" and DETERMINER_BEFORE.search(text, max(low, match.start() - 30), match.start()):
            continue
        tense = "future" if kind.startswith("f") else "past"
        if tense == "past" and kind != "ed" and word not in PARTICIPLE_CUES or kind == "ed":
            # "will be named", "would be paid": a participle after "be" has no tense of its own
            if BE_BEFORE.search(text, max(low, match.start() - 12), match.start()):
                continue
        if tense == "future" and PAST_BEFORE_FUTURE.search(text, max(low, match.start() - 20), match.start()):
            # "had been due to expire Friday", "was scheduled to open Monday": a plan told in
            # the past, and news reports it after the day has come
            tense = "past"
        distance = start - match.end() if match.end() <= start else match.start() - end
        # a cue before the expression in the same clause counts a little more than one after it
        distance = distance if match.end() <= start else distance + 3
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


def tense_from_parse(doc, start: int, end: int) -> str | None:
    """The tense of the verb governing the expression in spaCy's parse, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if token.dep_ in ("compound", "amod", "poss"):
        return None  # "under a June agreement", "Friday's purchases": a modifier of a noun
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_WORDS or "going" in words:
        return "future"
    if "would" in words:
        return "future"
    if token.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if token.tag_ == "VBN" and words & {"has", "have", "had", "was", "were"}:
        return "past"
    if token.tag_ == "VB" and "to" in words:
        # "plans to meet on Friday", "is expected to arrive on Friday": intended, so ahead;
        # but a plan told in the past ("had been due to expire Friday", "extended their offers
        # to acquire the firm Friday") is mostly over by the time the news reports it
        for head in (token.head, token.head.head):  # "had been due to expire": up to the copula
            if head is token or head.pos_ not in ("VERB", "AUX", "ADJ"):
                break  # "an agreement to acquire it in January": a plan named by a noun
            head_auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if head.tag_ == "VBD" or any(c.tag_ == "VBD" for c in head_auxiliaries):
                return "past"
        return "future"
    if token.tag_ in ("VBZ", "VBP") and token.lemma_ in ("expect", "plan", "intend", "schedule"):
        return "future"
    if token.tag_ in ("VBZ", "VBP") and not words and token.lemma_ in _schedule_verbs():
        return "future"  # "they meet Monday", "the conference opens Tuesday": a timetable
    return None


def tense_at(text: str, start: int, end: int, sentences: SentenceIndex, doc=None) -> str | None:
    fixed = tense_from_word_before(text, start, end, sentences)
    if fixed is not None:
        return fixed
    if doc is not None:
        try:
            tense = tense_from_parse(doc, start, end)
        except (IndexError, ValueError):
            tense = None
        if tense is not None:
            return tense
    return tense_from_cues(text, start, end, sentences)
