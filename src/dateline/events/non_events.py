"""Words that look like events and report none (issue 11's non-events of the judged samples):
states ("flags flew at half-staff", "lay dying"), gestures ("nodded in agreement"), tallies over
years ("the 12th firefighter killed since 1990"), the name of a charge ("charged with attempt to
commit robbery") and practices of a class of people ("farmers who sell milk"). The words are in
``non_events.yaml``; every rule is narrow on purpose.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

TABLE = Path(__file__).with_name("non_events.yaml")


@lru_cache(maxsize=1)
def table() -> dict:
    raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    return {
        "trigger_with": {k.lower(): lower(v) for k, v in raw["states"]["trigger_with"].items()},
        "posture_verbs": lower(raw["states"]["posture_verbs"]),
        "gesture_verbs": lower(raw["gesture_verbs"]), "gesture_nouns": lower(raw["gesture_nouns"]),
        "tally_marks": lower(raw["tally_marks"]), "charge_verbs": lower(raw["charge_verbs"]),
        "attempt_words": lower(raw["attempt_words"]), "practice_tags": frozenset(raw["practice_tags"]),
        "examples": raw.get("examples", []), "counter_examples": raw.get("counter_examples", []),
    }


def _ancestors(token: Token, depth: int = 6) -> list[Token]:
    found, node = [], token
    for _ in range(depth):
        if node.head.i == node.i:
            break
        node = node.head
        found.append(node)
    return found


def is_a_state(token: Token) -> bool:
    words = table()
    after = {t.lower_ for t in token.subtree if t.i > token.i} | {
        "".join(t.text_with_ws for t in token.doc[token.i + 1:token.i + 6]).lower()}
    wanted = words["trigger_with"].get(token.lemma_.lower())
    if wanted and any(w in after or any(w in a for a in after) for w in wanted):
        return True
    return (token.tag_ == "VBG" and token.dep_ in {"xcomp", "advcl", "acomp", "oprd", "dobj"}
            and token.head.lemma_.lower() in words["posture_verbs"])


def is_a_gesture(token: Token) -> bool:
    words = table()
    return (token.lemma_.lower() in words["gesture_nouns"] and token.dep_ == "pobj" and token.head.lower_ == "in"
            and token.head.head.lemma_.lower() in words["gesture_verbs"])


def is_a_tally(token: Token) -> bool:
    """ "the 12th firefighter killed since 1990": a participle on a noun counted by an ordinal,
    over a stretch of years."""
    if token.dep_ != "acl":
        return False
    counted = any(c.ent_type_ == "ORDINAL" or c.tag_ == "JJ" and c.lower_.rstrip("stndrh").isdigit()
                  for c in token.head.children)
    return counted and any(t.lower_ in table()["tally_marks"] for t in token.subtree)


def is_a_charge_name(token: Token) -> bool:
    """ "charged with attempt to commit robbery": the crime names the charge."""
    above = _ancestors(token)
    words = table()
    return any(a.lower_ in words["attempt_words"] for a in above) and \
        any(a.lemma_.lower() in words["charge_verbs"] for a in above)


def is_a_practice(token: Token) -> bool:
    """ "farmers who sell milk": a relative clause in the plain present on a plural noun."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    return (verb.dep_ == "relcl" and verb.tag_ in table()["practice_tags"] and verb.head.tag_ in {"NNS", "NNPS"}
            and (verb is token or token.dep_ in {"dobj", "obj"}))


def reports_no_event(token: Token) -> bool:
    """Whether the trigger word is a state, a gesture, a tally, a charge's name or a practice."""
    return is_a_state(token) or is_a_gesture(token) or is_a_tally(token) or is_a_charge_name(token) \
        or is_a_practice(token)
