"""The tense of the clause around a time expression: past, future or unknown.

"arrived in Nairobi on Friday" is the Friday before the article; "will meet on Friday" the one after.
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
# a simple past passive right before "by" ("was extinguished by", "were 90 percent evacuated by"; not
# "was expected to finish by", a plan): what was done by a day is told after that day
DONE_IN_THE_PAST_BEFORE = re.compile(r"\b(?:was|were)\s+(?:(?!to\b)[\w-]+\s+){0,2}?[a-z]+(?:ed|en)\s+(?:(?!to\b)[\w-]+\s+){0,2}$",
                                     re.IGNORECASE)
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
        if word == "by" and DONE_IN_THE_PAST_BEFORE.search(text, low, previous.start()):
            return "past"  # "the barn blaze was extinguished by Sunday noon": a deadline met, told after it
        return None if done else "future"
    if word in cues["just_before_past"]:
        return "past"
    if _a_saying_just_before(text, previous, cues):
        return "past"  # "said Tuesday the city would ...", "announced on Monday": the day of the saying
    return None


def _a_saying_just_before(text: str, previous: re.Match, cues: dict) -> bool:
    """A reporting verb in the simple past right before the expression, or before its "on"; not
    one after an auxiliary ("will be told Friday")."""
    if previous.group(1).lower() == "on":
        previous = PREVIOUS_WORD.search(text, max(0, previous.start() - 20), previous.start())
        if previous is None:
            return False
    if previous.group(1).lower() not in cues["reporting_just_before"]:
        return False
    earlier = PREVIOUS_WORD.search(text, max(0, previous.start() - 20), previous.start())
    return earlier is None or earlier.group(1).lower() not in cues["not_before_reporting"]


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


@lru_cache(maxsize=1)
def _parse_words() -> tuple[frozenset, ...]:
    cues = vocabulary()["tense_cues"]
    return (frozenset(cues["plan_verbs"]), frozenset(cues["modals_ahead"]), frozenset(cues["plan_adjectives"]),
            frozenset(cues["present_means_ahead_after"]), frozenset(cues["reporting_verbs"]),
            frozenset(cues["inquiry_verbs"]))


BE_PRESENT = {"is", "are", "am", "'s", "'re", "'m"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _governing_verb(doc, start: int, end: int) -> tuple[object, bool]:
    """The verb (or auxiliary) the expression hangs from, or None (a modifier of a noun, or no
    verb within a few steps up the tree); and whether a noun lies between them ("talks on
    Friday"), which makes the verb a weaker witness of the expression's time."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, False
    token = span.root
    if token.dep_ in ("compound", "amod", "poss"):
        return None, False  # "under a June agreement", "Friday's purchases": a modifier of a noun
    via_noun = False
    # up to eight steps: "preparing for a fresh round of talks on Friday" is six
    for step in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token, via_noun
        if token.head.i == token.i:
            return None, False
        if step and token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            via_noun = True
        token = token.head
    return None, False


def _is_perfect(auxiliaries: list) -> bool:
    return any(a.lemma_ == "have" for a in auxiliaries)


def tense_from_parse(doc, start: int, end: int) -> str | None:
    """The tense of the verb governing the expression in spaCy's parse, or None.

    The verb's tense and aspect decide, in this order (examples in tests/fixtures/time/
    weekday_parse.yaml): will/shall/'ll, would and "going to" look ahead; a modal that looks
    ahead ("could vote on Thursday") too, unless perfect ("could have voted"); the progressive
    of a plan verb tells an intention ("were planning to reopen the crossing on Monday") and
    the present progressive an arrangement ("donors are gathering in Geneva on Monday"), both
    ahead, while the past progressive of other verbs is past ("were marching on Tuesday when");
    the simple past and the perfect ("have warned on Monday") are past; an infinitive of intent
    ("plans to visit on Friday") looks ahead unless the plan is told in the simple past
    ("was scheduled to expire Friday", mostly over by the time news reports it); a present-tense
    plan or timetable verb ("the committee meets on Thursday"), a present copula with a plan
    adjective ("the envoy is due in the capital on Thursday") and a present tense after
    "before", "when", "if" ("before the storm makes landfall on Friday") look ahead. A verb
    with no tense of its own ("hoping to have the airport running again on Monday") passes the
    question to the verb it depends on."""
    if _appointed_time(doc, start, end):
        return "future"
    token, via_noun = _governing_verb(doc, start, end)
    if token is None and _a_notice_of_work_to_do(doc, start, end):
        return "future"
    for _ in range(3):
        if token is None:
            return None
        tense = _tense_of_verb(token, via_noun)
        if tense is not None or not _untensed(token):
            return tense
        token = _next_verb_up(token)
        via_noun = True
    return None


def _appointed_time(doc, start: int, end: int) -> bool:
    """ "The judge accepted the plea and set sentencing for June 2", "the board postponed the vote
    to Friday": the day a verb of fixing a time sets something for is the time of what it sets,
    ahead of the setting, even told in the past (vocabulary.yaml: appointing_verbs)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    cues = vocabulary()["tense_cues"]
    root = span.root
    preposition = root.head
    return (root.dep_ == "pobj" and preposition.lower_ in cues["appointing_prepositions"]
            and preposition.head.pos_ == "VERB" and preposition.head.lemma_.lower() in cues["appointing_verbs"])


def _a_notice_of_work_to_do(doc, start: int, end: int) -> bool:
    """A sentence with no verb of its own, a noun that names work and its purpose in an
    infinitive ("Lane closure Wednesday to repair a water main", "Bridge inspection Friday to
    check the cables"): a notice of what is to be done, so its day is ahead (a report of what
    was done has a verb: "the lane was closed Wednesday to repair a main")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sentence = span.root.sent
    root = sentence.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in FINITE_TAGS for t in sentence):
        return False
    token = span.root
    for _ in range(3):
        if token.i == root.i:
            break
        token = token.head
    return token.i == root.i and any(
        c.dep_ == "acl" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        for c in root.children)


def _untensed(token) -> bool:
    if token.tag_ not in ("VB", "VBG", "VBN"):
        return False
    return not any(child.dep_ in ("aux", "auxpass") for child in token.children)


def _next_verb_up(token):
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _past_inability(token, auxiliaries: list) -> bool:
    """ "could not tell on Sunday how the barn fire began", "couldn't be reached Monday": a
    negated "could" tells what someone was unable to do, the past of "cannot", not a possibility
    ahead (vocabulary.yaml: tense_cues.past_of_cannot)."""
    cues = vocabulary()["tense_cues"]
    return any(a.lower_ in cues["past_of_cannot"] for a in auxiliaries) \
        and any(c.dep_ == "neg" for c in token.children)


def _tense_of_verb(token, via_noun: bool = False) -> str | None:
    words_ = _parse_words()
    plan_verbs, modals_ahead = words_[0], words_[1]
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_WORDS or "going" in words or "would" in words:
        return "past" if "would" in words and _is_perfect(auxiliaries) else "future"
    if words & modals_ahead:
        if _past_inability(token, auxiliaries):
            return "past"
        return "past" if _is_perfect(auxiliaries) else "future"
    progressive = token.tag_ == "VBG" or "being" in words
    be = [a for a in auxiliaries if a.lemma_ == "be" and a.lower_ != "being"]
    if progressive and be and not _is_perfect(auxiliaries):
        if token.lemma_ in plan_verbs:
            return "future"  # "were planning to", "is preparing for": an intention
        if be[0].lower_ in BE_PRESENT:
            if via_noun or token.lemma_ in words_[4]:
                # "is recalling pistachios with sell dates of December 13", "relatives are
                # claiming on Monday": the time of a thing, or a report told in the present
                return None
            if token.lemma_ in words_[5] and any(c.dep_ == "dobj" for c in token.children):
                return "past"  # "are investigating a shooting Tuesday night": the shooting's day
            return "future"  # "are being flown home on Sunday": an arrangement
        return "past"
    if token.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if token.tag_ == "VBN" and words & {"has", "have", "had", "was", "were", "'ve"}:
        return "past"
    if token.tag_ == "VB" and "to" in words:
        return _tense_of_intent(token, plan_verbs)
    if token.tag_ == "VBN" and not words and token.dep_ in ("acl", "advcl"):
        # a participle with no auxiliary: "the load flagged on July 1", "an illness first
        # reported in early October", "asked on Monday, he said" are done; "the talks
        # scheduled for Monday" are planned
        return "future" if token.lemma_ in plan_verbs else "past"
    if token.tag_ in ("VBZ", "VBP") and not words:
        if token.lemma_ in plan_verbs or token.lemma_ in _schedule_verbs():
            return "future"  # "the minister plans to", "they meet Monday": a plan or a timetable
        if token.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") and c.lower_ in words_[2] for c in token.children):
            return "future"  # "the envoy is due in the capital on Thursday"
        mark = next((c.lower_ for c in token.children if c.dep_ == "mark"), None)
        if token.dep_ == "advcl" and mark in words_[3]:
            return "future"  # "before the storm makes landfall on Friday": a present that means ahead
    return None


def _tense_of_intent(token, plan_verbs: frozenset) -> str:
    """"plans to meet on Friday", "is expected to arrive on Friday": intended, so ahead; but a
    plan told in the simple past ("had been due to expire Friday", "extended their offers to
    acquire the firm Friday") is mostly over by the time the news reports it. The heads are read
    up to the first finite verb: "schools are to reopen Monday, the ministry announced" is
    settled by "are", not by "announced"."""
    head = token
    for _ in range(2):  # "had been due to expire": up to the copula
        head = head.head
        if head.i == token.i or head.pos_ not in ("VERB", "AUX", "ADJ"):
            break  # "an agreement to acquire it in January": a plan named by a noun
        head_auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if head.tag_ == "VBG" and head.lemma_ in plan_verbs and any(a.lemma_ == "be" for a in head_auxiliaries):
            return "future"  # "was preparing to evacuate civilians on Sunday"
        if head.tag_ == "VBD" or any(c.tag_ == "VBD" for c in head_auxiliaries):
            return "past"
        if head.tag_ in FINITE_TAGS or any(c.tag_ in FINITE_TAGS for c in head_auxiliaries):
            break
    return "future"


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
