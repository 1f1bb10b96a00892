"""Claims: one source's figure for a countable thing, and where sources' figures disagree.

"By now, the militia says it has captured over 60 villages in nine regions, while Western
intelligence officials say it has seized about 25." holds two claims about the same thing,
"villages captured by the militia": (the militia, over 60) and (Western intelligence
officials, about 25). A claim is a quantity (``quantities``) inside a reporting frame
(``attribution``); what it is about is built from the counted noun, the verb it is the object
of (normalised through ``claims.yaml``) and that verb's doer, resolved like a source.

``claims_conflict`` is the comparison the fuse stage reuses across articles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span as SpacySpan, Token

from dateline.events.attribution import attribution_of, resolve_mention
from dateline.events.quantities import quantities_with_anchors
from dateline.model import Article, Attribution, Claim, Event, Quantity, Span
from dateline.nlp import ents_of, ents_within

CUES_PATH = Path(__file__).with_name("claims.yaml")
DETERMINERS = {"the", "a", "an"}


@dataclass(frozen=True)
class ClaimCues:
    verb_labels: dict[str, str]  # verb lemma or "verb particle" -> class label
    neutral_verbs: frozenset[str]
    own_side_nouns: frozenset[str]
    approximate_qualifiers: frozenset[str]
    approximate_tolerance: float
    estimate_verbs: frozenset[str]  # "put the toll at": the verb's subject gives the figure
    estimate_nouns: dict[str, str]  # what such a verb's object counts ("toll" -> "killed"; "" unsaid)
    raw: dict


@lru_cache(maxsize=1)
def load_cues(path: Path = CUES_PATH) -> ClaimCues:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels: dict[str, str] = {}
    for group in raw["verb_classes"]:
        for verb in group["verbs"]:
            labels.setdefault(verb, group["label"])
    return ClaimCues(
        verb_labels=labels,
        neutral_verbs=frozenset(raw["neutral_verbs"]),
        own_side_nouns=frozenset(raw["own_side_nouns"]),
        approximate_qualifiers=frozenset(raw["approximate_qualifiers"]),
        approximate_tolerance=float(raw["approximate_tolerance"]),
        estimate_verbs=frozenset(raw["estimate_frames"]["verbs"]),
        estimate_nouns=dict(raw["estimate_frames"]["nouns"]),
        raw=raw,
    )


# --- what a figure is about -------------------------------------------------------------------


def _governing_verb(anchor: Token) -> Token | None:
    """The verb (or event noun) a count belongs to: "seized [over 40 villages]",
    "the freeing of [some thirty hostages]", "[scores more] detained by the militia"."""
    cues = load_cues()
    for child in anchor.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            return child
    node = anchor
    for _ in range(3):
        if node.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "oprd"} and node.head.pos_ in {"VERB", "AUX"}:
            return node.head
        if node.dep_ == "pobj" and node.head.dep_ in {"prep", "agent"}:
            node = node.head.head
            if node.pos_ == "VERB" or (node.pos_ == "NOUN" and node.lemma_.lower() in cues.verb_labels):
                return node
            continue
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    return None


def _verb_label(verb: Token, cues: ClaimCues) -> str:
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle and f"{lemma} {particle}" in cues.verb_labels:
        return cues.verb_labels[f"{lemma} {particle}"]
    if lemma in cues.verb_labels:
        return cues.verb_labels[lemma]
    if lemma in cues.neutral_verbs:
        return ""
    return verb.lower_ if verb.tag_ in {"VBN", "VBD"} else lemma


def _doer(verb: Token, anchor: Token) -> list[Token]:
    """Who did it: the active subject or the passive "by" phrase (never the counted thing)."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child != anchor:
            return [t for t in child.subtree if t.i <= child.i or t.dep_ == "compound"]
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0] != anchor:
                return [t for t in objects[0].subtree if t.i <= objects[0].i]
    # "seized" in "the militia says it seized": a participle's subject is up its chain
    if verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ == "VERB":
        return _doer(verb.head, anchor)
    return []


SELF_PRONOUNS = {"it", "they", "we", "he", "she", "i"}
OWN_PRONOUNS = {"its", "their", "our", "his", "her", "my"}


def _name_of(tokens: list[Token], sentence: SpacySpan, attribution: Attribution | None) -> str:
    """A doer's name: resolved when it is a pronoun or description ("it", "the groups"); a
    source speaking of itself ("the militia says it seized", "his forces") is the source."""
    cues = load_cues()
    words = [t for t in tokens if not t.is_punct]
    if attribution is not None and words:
        head = words[-1]
        own = any(t.lower_ in OWN_PRONOUNS for t in words[:-1]) and head.lower_ in cues.own_side_nouns
        if (len(words) == 1 and head.lower_ in SELF_PRONOUNS) or own:
            return _side_of_source(attribution, sentence)
    resolved = resolve_mention(tokens, sentence) if tokens else None
    if resolved is not None:
        doc = resolved.doc
        article = "the " if resolved.start > 0 and doc[resolved.start - 1].lower_ == "the" else ""
        return f"{article}{resolved.text}"
    return " ".join(t.text if t.pos_ == "PROPN" or t.ent_type_ else t.lower_ for t in words) if words else ""


def _with_article(span: SpacySpan) -> str:
    """A name as the article writes it: "the Taliban" where it says "the Taliban" anywhere."""
    doc = span.doc
    if span[0].lower_ == "the":
        return "the " + span[1:].text if len(span) > 1 else span.text
    written_with_the = any(
        e.text == span.text and e.start > 0 and doc[e.start - 1].lower_ == "the" for e in ents_of(doc)
    )
    return f"the {span.text}" if written_with_the else span.text


def _side_of_source(attribution: Attribution, sentence: SpacySpan) -> str:
    """The organisation a source speaks for when its words name one ("A Taliban spokesman"
    -> "the Taliban"), else the source itself ("the Taliban" for "the group")."""
    doc = sentence.doc
    evidence = attribution.antecedent or attribution.span
    words = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if words is not None:
        groups = [e for e in ents_within(words) if e.label_ in {"ORG", "NORP"} and e.root.pos_ != "ADJ"]
        if groups:
            return _with_article(groups[0])
        if attribution.antecedent is not None:
            return _with_article(words)
        return " ".join(t.text if t.pos_ == "PROPN" or t.ent_type_ else t.lower_ for t in words)
    first, _, rest = attribution.source.partition(" ")
    return f"{first.lower()} {rest}" if rest and first.lower() in DETERMINERS else attribution.source


def describe(quantity: Quantity, anchor: Token, sentence: SpacySpan, attribution: Attribution | None = None) -> str:
    """What a figure counts, in comparable words: "districts captured by the Taliban"."""
    cues = load_cues()
    verb = _governing_verb(anchor)
    if verb is None:
        return quantity.unit
    label = _verb_label(verb, cues)
    if not label:
        return quantity.unit
    name = _name_of(_doer(verb, anchor), sentence, attribution)
    return f"{quantity.unit} {label} by {name}" if name else f"{quantity.unit} {label}"


def _span(token_span: SpacySpan) -> Span:
    return Span(token_span.start_char, token_span.end_char, token_span.text)


def _estimate_frame(verb: Token | None, anchor: Token) -> tuple[Attribution, str] | None:
    """'the city council put the toll at more than 2,000': the subject as the source, and
    what the noun says is counted ("killed" for a toll, "" for a bare number)."""
    cues = load_cues()
    if verb is None or verb.lemma_.lower() not in cues.estimate_verbs or anchor.dep_ != "pobj" \
            or anchor.head.lower_ not in {"at", "as", "to"}:
        return None
    counted = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.estimate_nouns), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if counted is None or subject is None:
        return None
    words = [t for t in subject.subtree if t.i <= subject.i or t.dep_ == "compound"]
    source = _span(subject.doc[words[0].i : words[-1].i + 1])
    attribution = Attribution(source=source.text, span=source, verb=_span(verb.doc[verb.i : verb.i + 1]))
    return attribution, cues.estimate_nouns[counted.lemma_.lower()]


def claims_in_sentence(sentence: SpacySpan, doc: Doc | None = None, article_id: str = "") -> list[Claim]:
    """Every figure in a sentence that a named source asserts, as a claim (no events needed)."""
    claims = []
    for quantity, anchor in quantities_with_anchors(sentence):
        verb = _governing_verb(anchor)
        estimate = _estimate_frame(verb, anchor)
        if estimate is not None:
            attribution, label = estimate
            earlier = [c for c in claims if _normal(c.unit) == _normal(quantity.unit)]
            about = f"{quantity.unit} {label}" if label else (earlier[-1].about if earlier else quantity.unit)
        else:
            attribution = attribution_of(verb if verb is not None else anchor, sentence)
            if attribution is None:
                continue
            about = describe(quantity, anchor, sentence, attribution)
        claims.append(
            Claim(
                about=about,
                value=quantity.value,
                unit=quantity.unit,
                by=_strip_determiner(attribution.source),
                span=quantity.span,
                article_id=article_id,
                qualifier=quantity.qualifier,
                by_span=attribution.span,
                by_entity_id=attribution.entity_id,
                category=quantity.category,
            )
        )
    return claims


# --- comparing ---------------------------------------------------------------------------------


def _strip_determiner(text: str) -> str:
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in DETERMINERS else text


def _normal(text: str) -> str:
    words = [w for w in text.lower().replace("\u2019", "'").split() if w not in DETERMINERS]
    return " ".join(words)


def describe_normal(text: str) -> str:
    """What a claim is about (or its unit) as comparisons see it: lower case, no article."""
    return _normal(text)


def _same_source(a: Claim, b: Claim) -> bool:
    if a.by_entity_id and b.by_entity_id:
        return a.by_entity_id == b.by_entity_id
    return _normal(a.by) == _normal(b.by)


def _figures_agree(a: Claim, b: Claim, cues: ClaimCues) -> bool:
    if a.value == b.value:
        return True
    approximate = a.qualifier in cues.approximate_qualifiers or b.qualifier in cues.approximate_qualifiers
    if not approximate:
        return False
    larger = max(abs(a.value), abs(b.value))
    return larger > 0 and abs(a.value - b.value) / larger <= cues.approximate_tolerance


def claims_conflict(a: Claim, b: Claim) -> bool:
    """Whether two claims give the same countable thing different figures from different
    sources. The same source's two figures are an update, not a conflict; "about 1,000" and
    "1,050" agree; "more than 200" and "more than 100" disagree (the sources meant different
    figures, as a reader takes them)."""
    cues = load_cues()
    if _normal(a.about) != _normal(b.about) or _normal(a.unit) != _normal(b.unit):
        return False
    if _same_source(a, b):
        return False
    return not _figures_agree(a, b, cues)


def conflicting_claims(claims: Iterable[Claim]) -> list[Claim]:
    """The claims that disagree with at least one other, grouped by what they are about."""
    claims = list(claims)
    keep: list[Claim] = []
    for i, claim in enumerate(claims):
        if any(claims_conflict(claim, other) for j, other in enumerate(claims) if j != i):
            keep.append(claim)
    order = {}
    for claim in keep:
        order.setdefault(_normal(claim.about), len(order))
    return sorted(keep, key=lambda c: (order[_normal(c.about)], c.span.start))


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _claims_from_events(events: list[Event], doc: Doc, article_id: str, known: list[Claim]) -> list[Claim]:
    """Figures the events stage attributed that the sentence pass did not (another parse of
    the same words, or an attribution it found some other way)."""
    extra = []
    for event in events:
        if event.attribution is None or not event.quantities:
            continue
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        verb = trigger.root if trigger is not None and len(trigger) else None
        for quantity in event.quantities:
            if any(_overlaps(quantity.span, c.span) for c in known + extra):
                continue
            about = quantity.unit
            if verb is not None:
                label = _verb_label(verb, load_cues())
                doer = event.source_actor.text if event.source_actor is not None else ""
                about = f"{quantity.unit} {label} by {doer}" if doer else f"{quantity.unit} {label}"
            extra.append(
                Claim(
                    about=about,
                    value=quantity.value,
                    unit=quantity.unit,
                    by=_strip_determiner(event.attribution.source),
                    span=quantity.span,
                    article_id=article_id,
                    qualifier=quantity.qualifier,
                    event_id=event.id,
                    by_span=event.attribution.span,
                    by_entity_id=event.attribution.entity_id,
                    category=quantity.category,
                )
            )
    return extra


def find_conflicting_claims(events: list[Event], article: Article, doc: Doc) -> list[Claim]:
    """Figures in one article that different sources give differently for the same thing,
    each linked to the event that carries it where there is one."""
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    claims = [c for s in sentences for c in claims_in_sentence(s, doc, article.id)]
    linked = []
    for claim in claims:
        event = next((e for e in events if any(_overlaps(q.span, claim.span) for q in e.quantities)), None)
        if event is not None:
            claim = dataclasses.replace(
                claim,
                event_id=event.id,
                by_entity_id=claim.by_entity_id or (event.attribution.entity_id if event.attribution else None),
            )
        linked.append(claim)
    linked.extend(_claims_from_events(events, doc, article.id, linked))
    return conflicting_claims(linked)
