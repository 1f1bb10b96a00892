"""Which occasion the statements of a story are dated by (issue 11: dates of the right episode).

A story that opens with a gathering quotes what was said there (``events._lead_occasion``):
the lead is its whole first sentence, even when a title's full stop ("Sgt.") made the parser
cut it short, and a verb added to a past "said" ("..., adding ...") was said there too. The
rules and their examples: dating.yaml (tests/events/test_dating.py runs them).

Tried and not kept (stop 22): event nouns and participles describing someone ("the
indictment", "a woman accused of ...") taking no report day and a carried date only from a
sentence of their own episode. On the tuning part of the date gold (``python -m
dateline.eval.event_dates``) it moved date accuracy 0.799 -> 0.823, on the check part 0.783 ->
0.768 (acts 0.540 -> 0.492): it took the report's day from nouns of the day's own event ("the
attack" in a same-day story) and a carried day from nouns whose episode was told in other
words ("the manhunt" after the shooting). A better test of "same episode" comes first.
"""

from __future__ import annotations

def lead_of(sentences: list) -> object | None:
    """The story's first sentence, whole: a title's abbreviation ("... said goodbye to Sgt.
    Anna Reyes yesterday") can end the parser's sentence before the lead ends, leaving
    pieces with no verb after it."""
    if not sentences:
        return None
    lead, k = sentences[0], 0
    while k + 1 < len(sentences) and k < 3 and (_ends_with_a_title(lead) or not _has_a_verb(sentences[k + 1])):
        if not _ends_with_a_title(lead) and k == 0:
            break  # a lead of its own followed by a fragment (a byline, a caption): leave it
        k += 1
        lead = lead.doc[lead.start : sentences[k].end]
    return lead


def _ends_with_a_title(span) -> bool:
    """ "Cpl.", "Sgt.", "Dr.", "Rev.": a short capitalised word and its full stop end the span."""
    words = [t for t in span if not t.is_space]
    if not words:
        return False
    last = words[-1]
    if last.text != ".":
        text = last.text
        return text.endswith(".") and 2 <= len(text) <= 5 and text[0].isupper() and text[:-1].isalpha()
    if len(words) < 2:
        return False
    before = words[-2]
    return before.whitespace_ == "" and before.text.isalpha() and before.text[0].isupper() and 2 <= len(before.text) <= 4


def _has_a_verb(span) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in span)


def told_in_the_past(verb) -> bool:
    """A reporting verb in the past ("the principal said"), or one added to it ("said Sullivan,
    adding the reality is different"): told at the occasion the story opens with."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.tag_ == "VBD"
