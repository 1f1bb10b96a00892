"""Which date an event may take from outside its own clause (issue 11: dates of the right episode).

An event whose clause names no time borrows one: the date the narrative is at (named in an
earlier sentence) or the report's day. For some events neither is theirs; they get no date,
which says "on a day the text does not give" (the record then claims nothing false). The
rules and their examples: dating.yaml (tests/events/test_dating.py runs them).

Measured with ``python -m dateline.eval.event_dates`` on the tuning part of the date gold.
"""

from __future__ import annotations

from dateline.events.arguments import EventDate

NO_DATE = EventDate(None, None, None, None, False, "none")

def _sentence_index_of(doc, char: int, sentence) -> int | None:
    """How many sentences before ``sentence`` the one holding ``char`` is."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or not len(token):
        return None
    there = token[0].sent
    if there.start >= sentence.start:
        return 0
    back = 0
    for s in doc.sents:
        if s.start >= there.start and s.start < sentence.start and any(not t.is_space for t in s):
            back += 1
    return back


def _same_episode(draft, event_date: EventDate, recent) -> bool:
    """The carried date was named in a sentence that tells an event of the same type ("Gunmen
    shot a guard on Wednesday. ... the shooting"), or holds the noun's own word."""
    if event_date.span is None:
        return False
    back = _sentence_index_of(draft.sentence.doc, event_date.span.start, draft.sentence)
    if back is None:
        return False
    k = draft.sentence_index - back
    if any(index == k and kind == draft.type for index, kind, *_ in recent):
        return True
    token = draft.sentence.doc.char_span(event_date.span.start, event_date.span.end, alignment_mode="expand")
    lemma = draft.trigger.token.lemma_.lower()
    return token is not None and any(t.lemma_.lower() == lemma for t in token[0].sent)


def settled(draft, event_date: EventDate, recent=()) -> EventDate:
    """The event's date once the episode is checked: a date the event only borrows (carried
    from an earlier sentence, or the report's day) is dropped when it is not the episode's.

    - An event noun ("the shooting of their coach", "the indictment", "her visit") names an
      act the story refers to; it happened before the report, on a day its own words do not
      give. It keeps a carried date only when the sentence that named the date tells an event
      of the same type or word ("gunmen shot a guard on Wednesday ... the shooting"), and
      never takes the report's day.
    - A participle describing a noun ("a woman accused of robbery", "a man charged with
      murder") tells who someone is, an earlier act, not what the story is telling now; as
      for a noun, a carried date of its own episode holds ("A bomb went off on Tuesday. The
      second woman hurt in the blast ...")."""
    if event_date.source not in {"narrative", "article"} or draft.trigger is None:
        return event_date
    head = draft.trigger.head
    nominal = draft.trigger.token.pos_ == "NOUN"
    describing = not nominal and head.tag_ == "VBN" and head.dep_ == "acl"
    if (nominal or describing) and (event_date.source == "article" or not _same_episode(draft, event_date, recent)):
        return NO_DATE
    return event_date


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
