"""The authority that tells of its own step is its doer (issue 11, roles).

"Two men were arrested Tuesday, deputies said": an arrest told in an agentless passive by the
body that makes arrests was made by that body. Only steps an authority alone takes count
(arrest, charge, indict, sentence: ``authority_steps.yaml``), and only when the body speaking is
one that takes that step; a person speaking (a named sheriff, a lawyer) is no body, and an act
anyone could do ("was shot, police said") keeps no doer: the speaker of a report is never the
doer of an act it only tells.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span as SpacySpan, Token

from dateline.events.attribution import load_cues, reporting_frames
from dateline.model import Attribution
from dateline.nlp import plain_lower

TABLE_PATH = Path(__file__).with_name("authority_steps.yaml")


@dataclass(frozen=True)
class Body:
    kind: str
    names: tuple[tuple[str, ...], ...]  # each name as its words, longest first
    steps: frozenset[str]


@lru_cache(maxsize=1)
def load_bodies(path: Path = TABLE_PATH) -> tuple[Body, ...]:
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    bodies = []
    for kind, body in table["bodies"].items():
        names = sorted((tuple(_words(name)) for name in body["names"]), key=len, reverse=True)
        bodies.append(Body(kind, tuple(names), frozenset(body["steps"])))
    return tuple(bodies)


def _words(text: str) -> list[str]:
    """A name's words as the parser splits them: "sheriff's office" -> sheriff, 's, office."""
    return text.lower().replace("\u2019", "'").replace("'s", " 's").split()


def is_agentless_passive(verb: Token) -> bool:
    """A passive step with no "by" agent: "were arrested", "is charged", "are accused of"; a
    participle sharing the passive auxiliary of the verb it is coordinated with counts too
    ("was arrested and charged")."""
    if verb.pos_ not in {"VERB", "AUX", "ADJ"}:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return True
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in verb.children)
            and any(c.dep_ in {"auxpass", "nsubjpass"} for c in head.children)
            and not any(c.dep_ == "agent" for c in head.children))


def _body_in(words: list[Token], step: str) -> tuple[list[Token], Body] | None:
    """The body a speaker's words name, as the body's own noun phrase, when the name ends
    the phrase or only the statement it speaks through follows ("a sheriff's office press release").
    None when the phrase names a person or a body that does not take the step."""
    cues = load_cues()
    texts = [plain_lower(t) for t in words]
    for body in load_bodies():
        if step not in body.steps:
            continue
        for name in body.names:
            for end in range(len(words), len(name) - 1, -1):
                if tuple(texts[end - len(name):end]) != name:
                    continue
                rest = words[end:]
                if rest and not _a_statement(rest, cues.channel_nouns):
                    continue
                if words[end - 1].ent_type_ == "PERSON":
                    continue
                # the body's own noun phrase: "Lake County sheriff's deputies", and "the Pike
                # County Sheriff's Office" of an officer "with" it, who speaks for the office
                head = words[end - 1]
                first = min(words[end - len(name)].i, head.left_edge.i)
                own = list(head.doc[first:head.i + 1])
                while len(own) > 1 and (own[0].dep_ == "det" or own[0].is_punct):
                    own = own[1:]
                return own, body
    return None


def _a_statement(words: list[Token], channel_nouns: frozenset[str]) -> bool:
    """Whether the words name a statement: a channel noun and the words compounded to it ("news release")."""
    head = words[-1]
    return head.lemma_.lower() in channel_nouns and all(t.dep_ == "compound" or t.is_punct for t in words[:-1])


def _speaker_words(attribution: Attribution, doc: Doc) -> list[Token]:
    """The words of who speaks and, right after them, the statement they speak through."""
    words = doc.char_span(attribution.span.start, attribution.span.end, alignment_mode="expand")
    channel = (doc.char_span(attribution.channel_span.start, attribution.channel_span.end, alignment_mode="expand")
               if attribution.channel_span is not None else None)
    return _with_channel(list(words) if words is not None else [], list(channel) if channel is not None else [])


def _with_channel(source: list[Token], channel: list[Token]) -> list[Token]:
    """The source's words and the statement it speaks through, when the statement follows the
    source with at most a possessive between ("a sheriff" + "'s" + "office news release"); the
    source alone when the channel is no statement."""
    if not source or not channel or channel[0].i <= source[-1].i or not _a_statement(channel, load_cues().channel_nouns):
        # "the victim told police": whom a report is told to is its addressee, not its speaker
        return source
    between = source[0].doc[source[-1].i + 1:channel[0].i]
    if all(t.tag_ == "POS" or t.is_punct for t in between) and len(between) <= 1:
        return source + list(between) + channel
    return source


def speaking_body(step: str, verb: Token, sentence: SpacySpan, attribution: Attribution | None,
                  doc: Doc) -> list[Token] | None:
    """The words naming the body that tells of this agentless passive step and takes it: the
    speaker of the report the step is told in, or else of another report of the same sentence
    ("were arrested after deputies say they broke into a pharmacy"). None otherwise."""
    if not is_agentless_passive(verb):
        return None
    if attribution is not None:
        found = _body_in(_speaker_words(attribution, doc), step)
        return found[0] if found else None
    for frame in reporting_frames(sentence):
        if frame.kind == "verb" and frame.source:
            found = _body_in(_with_channel(list(frame.source), list(frame.channel)), step)
            if found:
                return found[0]
    return None
