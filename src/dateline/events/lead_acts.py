"""The story's main act when no cue names it: the lead's main verb, told in the past.

A news story opens with its main event ("The garden club handed out 300 saplings on Saturday").
The cue tables name the kinds of event a crisis brings; everyday local news (prizes won, money
handed out, a body found, a candidate unseated) opens with verbs no cue lists, so the story's
main event was missed while its quotes were kept. The lead's main verb, in the past or the
present perfect, with a subject that can act and passing the filters every cue passes
(``triggers.told_as_done``), is taken as the story's event, typed by ``lead_acts.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span as SpacySpan, Token

from dateline.events.triggers import Cue, Lexicon, Trigger, told_as_done

TABLE_PATH = Path(__file__).with_name("lead_acts.yaml")
SUBJECTS = {"nsubj", "nsubjpass"}


@lru_cache(maxsize=1)
def table() -> dict:
    return yaml.safe_load(TABLE_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=256)
def _cue(lemma: str) -> Cue:
    rules = table()
    return Cue(lemma=lemma, pos="VERB", type=rules["type"], example=rules["example"], weight=float(rules["weight"]))


def _told_in_the_past(verb: Token) -> bool:
    """ "handed out", "has won", "was found": done before the report, not "will host" or "is
    putting in" (what is going on or to come is no act yet)."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxiliaries) or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return not auxiliaries
    if verb.tag_ == "VBN":
        # "has won", "was found", "has been found": a past participle with a finite auxiliary
        return any(a.tag_ in {"VBZ", "VBP", "VBD"} for a in auxiliaries)
    return False


def lead_act_trigger(lead: SpacySpan, lexicon: Lexicon) -> Trigger | None:
    """The lead's main act as a trigger, or None when the lead tells no act in the past."""
    rules = table()
    verb = next((t for t in lead if t.dep_ == "ROOT"), None)
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() in rules["not_verbs"]:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in rules["not_subjects"] or not _told_in_the_past(verb):
        return None
    if not told_as_done(verb, lead, lexicon):
        return None
    particle = tuple(c for c in verb.children if c.dep_ == "prt")
    return Trigger(verb, _cue(verb.lemma_.lower()), verb, (verb, *particle))
