"""Who says so, through which channel, and how sure: attribution and modality of events.

A sentence's attribution comes from its reporting frames, read off the dependency tree:
a reporting verb with its subject ("a rebel spokesman told the BBC that ..."), the same verb
before its subject ("..., said Okafor in a radio interview"), a channel noun as the subject
("the statement added") or "according to X". Quotations without a verb of their own take the
speaker of the sentence that closes them. Pronouns and descriptions ("he", "the group") are
resolved to the latest fitting name before them, and the record keeps both spans.

Nothing is invented: a sentence with no source gets ``None``. The cue words live in
``attribution.yaml``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span as SpacySpan, Token

from dateline.config import SETTINGS
from dateline.entities import gender
from dateline.events.agent_nouns import names_people
from dateline.model import Attribution, Span
from dateline.nlp import ents_of, text_of

CUES_PATH = Path(__file__).with_name("attribution.yaml")

DOUBLE_QUOTES = {'"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "''", "``"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them", "we"}
CONTENT_DEPS = {"ccomp", "xcomp"}
# the words a name is made of, hung on its last word
NAME_PARTS = {"compound", "flat", "nmod"}
MAX_SOURCE_TOKENS = SETTINGS.events.max_source_tokens
# how far back a pronoun or description looks for its name (sentences)
RESOLUTION_WINDOW = SETTINGS.events.resolution_window


@dataclass(frozen=True)
class AttributionCues:
    reporting_verbs: frozenset[str]
    channel_nouns: frozenset[str]
    channel_prepositions: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]  # word sequences, longest first
    group_nouns: frozenset[str]
    channel_families: tuple[frozenset[str], ...]
    denial_verbs: frozenset[str]
    denial_phrases: tuple[tuple[str, ...], ...]
    negating_adverbials: frozenset[tuple[str, str]]  # (preposition, noun): "at no time" -> ("at", "time")
    planned_auxiliaries: frozenset[str]
    planned_verbs: frozenset[str]
    expected_verbs: frozenset[str]
    expected_adjectives: frozenset[str]
    future_modals: frozenset[str]
    claim_verbs: frozenset[str]
    self_pronouns: frozenset[str]
    party_words: tuple[str, ...]
    official_words: tuple[str, ...]
    hedge_modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    raising_verbs: frozenset[str]
    conflict_verbs: frozenset[str]
    future_words: frozenset[str]
    raw: dict


@lru_cache(maxsize=1)
def load_cues(path: Path = CUES_PATH) -> AttributionCues:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    according = {tuple(p.split()) for group in raw["according_to"] for p in group["phrases"]}
    return AttributionCues(
        reporting_verbs=frozenset(v for group in raw["reporting_verbs"] for v in group["verbs"]),
        channel_nouns=frozenset(n.lower() for n in raw["channel_nouns"]),
        channel_prepositions=frozenset(raw["channel_prepositions"]),
        according_to=tuple(sorted(according, key=len, reverse=True)),
        group_nouns=frozenset(raw["group_nouns"]),
        channel_families=tuple(frozenset(f) for f in raw["channel_families"]),
        denial_verbs=frozenset(raw["denial"]["verbs"]),
        denial_phrases=tuple(tuple(p.split()) for p in raw["denial"]["phrases"]),
        negating_adverbials=frozenset((p.split()[0], p.split()[-1]) for p in raw["denial"]["negating_adverbials"]),
        planned_auxiliaries=frozenset(raw["planned"]["auxiliaries"]),
        planned_verbs=frozenset(raw["planned"]["governing_verbs"]),
        expected_verbs=frozenset(raw["expected"]["governing_verbs"]),
        expected_adjectives=frozenset(raw["expected"]["governing_adjectives"]),
        future_modals=frozenset(raw["expected"]["future_modals"]),
        claim_verbs=frozenset(raw["claimed"]["verbs"]),
        self_pronouns=frozenset(raw["claimed"]["self_pronouns"]),
        party_words=tuple(raw["claimed"]["party_words"]),
        official_words=tuple(raw["claimed"]["official_words"]),
        hedge_modals=frozenset(raw["hedges"]["modals"]),
        hedge_adverbs=frozenset(raw["hedges"]["adverbs"]),
        raising_verbs=frozenset(raw["hedges"]["raising_verbs"]),
        conflict_verbs=frozenset(raw["claimed"]["conflict_verbs"]),
        future_words=frozenset(raw["expected"]["future_words"]),
        raw=raw,
    )


# --- reporting frames -------------------------------------------------------------------------


@dataclass
class Frame:
    """One act of reporting in a sentence: who, through what, about which words."""

    verb: list[Token]  # "said"; "according to"
    source: list[Token]  # the words naming the source, as written
    channel: list[Token] = field(default_factory=list)
    channel_text: str | None = None
    content: Token | None = None  # root of the reported clause
    parenthetical: bool = False  # "..., the statement added": governs the clause it hangs on
    quoted: bool = False  # the verb itself is inside quotation marks
    kind: str = "verb"  # "verb" or "according"

    def governs(self, token: Token) -> bool:
        if token in self.source or token in self.verb:
            return False
        if self.kind == "according":
            anchor = self.verb[0].head
            return anchor.left_edge.i <= token.i <= anchor.right_edge.i and not (
                self.verb[0].left_edge.i <= token.i <= self.verb[0].right_edge.i
            )
        if self.content is not None and self.content.left_edge.i <= token.i <= self.content.right_edge.i:
            return True
        if self.parenthetical and self.verb[0].pos_ not in {"VERB", "AUX"}:
            sentence = self.verb[0].sent
            return sentence.start <= token.i < self.source[0].i
        if self.parenthetical:
            verb = self.verb[0]
            scope = verb.head if verb.dep_ != "ROOT" else verb
            inside_scope = scope.left_edge.i <= token.i <= scope.right_edge.i
            inside_verb = verb.left_edge.i <= token.i <= verb.right_edge.i and verb != scope
            return inside_scope and not inside_verb
        return False

    def width(self) -> int:
        if self.content is not None:
            return self.content.right_edge.i - self.content.left_edge.i
        return self.verb[0].head.right_edge.i - self.verb[0].head.left_edge.i


def _opens_a_paragraph_of_quotation(text: str, start: int) -> bool:
    """An opening curly mark with a space before it and a word after it: in an open quotation, the
    next paragraph of the same quotation (straight marks, which do not curl, are left to toggle)."""
    before = text[start - 1] if start > 0 else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    return text[start] == "\u201c" and before.isspace() and not after.isspace()


def _introduced(text: str, start: int) -> bool:
    """A mark after a colon ('added: “Going ...'): a new quotation a speaker introduces, so the one
    before it was closed, its closing mark left out."""
    return text[:start].rstrip().endswith(":")


def _quote_marks(doc: Doc) -> list[int]:
    """Character offsets where quotations open and close, in turn (open, close, open, ...),
    computed once per document. Marks toggle, whichever way they curl (reporters' closing marks
    are often typed as opening ones), except an opening curly mark inside an open quotation: a
    quotation running over several paragraphs opens each of them and closes only the last (news
    texts join the paragraphs: '... to me. “They are ...'), so the mark continues it; after a
    colon it opens a new one, and the one before closed where the mark's sentence begins."""
    cached = doc.user_data.get("dateline.quote_marks")
    if cached is None:
        text, cached = text_of(doc), []
        for t in doc:
            if not (t.text in DOUBLE_QUOTES or t.text.startswith(("\u201c", "\u201d"))):
                continue
            if len(cached) % 2 == 1 and _opens_a_paragraph_of_quotation(text, t.idx):
                sentence_start = t.sent.start_char if t.doc.has_annotation("SENT_START") else t.idx
                if _introduced(text, t.idx) and cached[-1] < sentence_start:
                    cached += [sentence_start, t.idx]
                continue
            cached.append(t.idx)
        doc.user_data["dateline.quote_marks"] = cached
    return cached


def inside_quotes(token: Token) -> bool:
    """Whether a token sits inside double quotation marks (``_quote_marks``)."""
    marks = _quote_marks(token.doc)  # in text order: the turns before the token by bisection
    return bisect_left(marks, token.idx) % 2 == 1


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "case"):
        tokens = tokens[:-1]
    return tokens


def _phrase(head: Token, limit_to_left: bool = False) -> list[Token]:
    """The words of a noun phrase: its subtree, without relative clauses that report again,
    and without the appositive after a name ("Mwangi, a former finance minister, ...")."""
    tokens = [t for t in head.subtree if not (limit_to_left and t.i > head.i)]
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ == "relcl" or (child.dep_ == "acl" and child.lemma_ in load_cues().reporting_verbs):
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "appos" and head.pos_ == "PROPN" and child.pos_ != "PROPN" and child.i > head.i:
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in tokens if t.i not in skip]
    # keep it contiguous: a parse can hang far-away words on a subject
    contiguous: list[Token] = []
    for token in tokens:
        if contiguous and token.i != contiguous[-1].i + 1:
            if token.i > head.i:
                break
            contiguous = []
        contiguous.append(token)
    tokens = _trim(contiguous)
    if len(tokens) > MAX_SOURCE_TOKENS:
        tokens = _trim([t for t in head.subtree if t.i <= head.i][-MAX_SOURCE_TOKENS:])
    return tokens


def _channel_phrase(head: Token, cues: AttributionCues) -> tuple[list[Token], str] | None:
    """ "a Twitter post" -> "Twitter post"; None when the noun is not a way of saying things."""
    words = [c for c in head.lefts if c.dep_ in {"compound", "amod"} and c.i == head.i - 1] + [head]
    # walk further left over compounds: "news briefing", "video message"
    while words[0].i > 0 and words[0].doc[words[0].i - 1].dep_ in {"compound", "amod"} and words[0].doc[words[0].i - 1].head == head:
        words.insert(0, words[0].doc[words[0].i - 1])
    text = " ".join(w.text for w in words)
    lower = text.lower()
    if head.lemma_.lower() in cues.channel_nouns or head.lower_ in cues.channel_nouns or lower in cues.channel_nouns:
        # drop evaluative adjectives: "a brief statement" -> "statement"
        kept = [w for w in words if w.dep_ == "compound" or w == head or f"{w.lower_} {head.lower_}" in cues.channel_nouns]
        return kept, " ".join(w.text if w.pos_ == "PROPN" else w.lower_ for w in kept)
    return None


def _owner_of_channel(head: Token) -> Token | None:
    """ "the ministry's statement", "a statement by Qatar's foreign ministry" -> the owner."""
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ not in {"its", "their", "his", "her"}:
            return child
    for child in head.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from", "of"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _after_a_break(verb: Token, subject: Token) -> bool:
    """ "..., the statement added", "...,” he said", "..., confirmed the envoy": a reporting
    clause set off after what it reports."""
    first = min(verb.i, subject.left_edge.i)
    if first == 0:
        return False
    before = verb.doc[first - 1]
    sentence = verb.sent
    if not any(t.pos_ in {"VERB", "AUX"} for t in verb.doc[sentence.start : first - 1]):
        return False  # "Meanwhile, clashes have continued": nothing before the break to report
    return before.is_punct and (before.text in {",", ":", ";", "-", "—"} or before.is_quote or before.text in DOUBLE_QUOTES)


def _source_hung_before(verb: Token) -> Token | None:
    """A sentence-final reporting verb with no subject, right after ", <description>, <name>,"
    or ", <name>,": the head of that phrase, when the parse made it an apposition of
    something earlier."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if any(t.dep_ in {"ccomp", "dobj"} and t.i > verb.i for t in verb.children):
        return None
    token = doc[verb.i - 2]
    # climb from the name to the description it stands beside ("envoy, Christine ... Burgener")
    while token.dep_ in {"compound", "flat"} and token.head.i < verb.i:
        token = token.head
    if token.dep_ == "appos" and token.pos_ == "PROPN" and token.head.pos_ == "NOUN" and token.head.dep_ == "appos":
        token = token.head
    if token.dep_ != "appos" or token.pos_ not in {"NOUN", "PROPN"} or token.head.i >= token.i:
        return None
    return token


def _verb_frame(verb: Token, cues: AttributionCues) -> Frame | None:
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in cues.reporting_verbs:
        return None
    children = list(verb.children)
    # "is said to have", "are believed to": a hedge with no source
    if any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "xcomp" for c in children):
        return None
    subject = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "a source who said"
    if subject is not None and subject.lower_ == "it" and any(c.dep_ == "ccomp" for c in children) and any(
        c.dep_ == "auxpass" for c in children
    ):
        return None  # "it was reported that"
    content = next((c for c in children if c.dep_ in CONTENT_DEPS and c.i > verb.i), None)
    if content is None:
        content = next((c for c in children if c.dep_ in CONTENT_DEPS), None)
    if content is None:
        # "said in a Facebook post that troops had landed": the parse may make the
        # that-clause a relative clause of the channel noun
        content = next(
            (
                t
                for t in verb.subtree
                if t.i > verb.i and t.dep_ in {"relcl", "acl", "advcl"}
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
            ),
            None,
        )
    hearer = None
    inverted = False
    if subject is None:
        after = [c for c in children if c.i > verb.i and c.dep_ in {"dobj", "attr", "npadvmod", "nsubj", "oprd"}]
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        inverted_position = before is not None and (before.is_punct or before.is_quote)
        if after and inverted_position and verb.lemma_ not in {"tell", "inform", "brief"}:
            subject = after[0]  # "..., confirmed bin Nasser Al-Mansouri Al-Hashimi"
            inverted = True
        elif (hung := _source_hung_before(verb)) is not None:
            # "..., killing 38 people, the UN special envoy, Christine Schraner Burgener, said.":
            # the parse hangs the speaker on the last noun before the verb
            subject = hung
        elif verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
            shared = _verb_frame(verb.head, cues)  # "said ... and added", "said ..., adding"
            if shared is not None:
                return Frame(
                    verb=[verb], source=shared.source, channel=shared.channel, channel_text=shared.channel_text,
                    content=content, parenthetical=content is None, quoted=inside_quotes(verb),
                )
    if subject is None or subject.pos_ in {"NUM"} or subject.lower_ in {"there"}:
        return None
    # "some reported missing", "many said": a quantifier alone names nobody
    if subject.pos_ in {"DET", "PRON", "ADJ"} and subject.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you", "she", "us"} and not list(subject.children):
        return None
    inverted = inverted or subject.i > verb.i  # "said AFRICOM in a release"
    if content is None and not _after_a_break(verb, subject):
        return None  # "clashes have continued": the verb reports nothing
    if verb.lemma_ in {"tell", "inform", "brief", "say"}:
        hearer = next((c for c in children if c.dep_ in {"dobj", "dative"} and c != subject and c.i > verb.i), None)
    frame = Frame(verb=[verb], source=[], content=content, quoted=inside_quotes(verb))
    channel = _channel_phrase(subject, cues)
    if channel is not None:
        frame.channel, frame.channel_text = channel
        owner = _owner_of_channel(subject)
        frame.source = _phrase(owner) if owner is not None else _phrase(subject, limit_to_left=True)
    else:
        frame.source = _phrase(subject, limit_to_left=inverted)
    if hearer is not None:
        hearer_words = _phrase(hearer, limit_to_left=True)
        frame.channel = [verb] + hearer_words
        frame.channel_text = f"{verb.text} {verb.doc[hearer_words[0].i : hearer_words[-1].i + 1].text}"
    else:
        # "said AFRICOM in a release": the parse may hang the channel on the subject
        candidates = children + (list(subject.children) if inverted else [])
        for child in candidates:
            if child.dep_ == "prep" and child.lower_ in cues.channel_prepositions:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    found = _channel_phrase(obj, cues)
                    if found is not None:
                        frame.channel, frame.channel_text = found
                        break
            if frame.channel:
                break
    # a verb that reports a clause it hangs on: "..., the statement added", "..., said Mohib"
    frame.parenthetical = content is None or (content.i < verb.i and verb.dep_ == "ROOT")
    if content is not None and content.i < verb.i:
        frame.parenthetical = False  # spaCy already made the clause its ccomp
    elif content is None:
        frame.parenthetical = True
    return frame


def _tail_frame(sentence: SpacySpan, cues: AttributionCues) -> Frame | None:
    """ '..., “the tweet read.': a closing reporting clause the tagger did not take for a
    verb. Read off the surface: a break, a short noun phrase, a reporting word, the end."""
    words = [t for t in sentence if not (t.is_punct and t.i >= sentence.end - 2) and not t.is_space]
    if len(words) < 4:
        return None
    verb = words[-1]
    if verb.lemma_.lower() not in cues.reporting_verbs or verb.pos_ in {"VERB", "AUX"}:
        return None
    k = verb.i - 1
    while k > sentence.start and not sentence.doc[k].is_punct and verb.i - k <= 6:
        k -= 1
    if k <= sentence.start or not sentence.doc[k].is_punct or k + 1 >= verb.i:
        return None
    source = list(sentence.doc[k + 1 : verb.i])
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in source):
        return None
    frame = Frame(verb=[verb], source=source, parenthetical=True, quoted=inside_quotes(verb))
    channel = _channel_phrase(source[-1], cues) if source[-1].pos_ == "NOUN" else None
    if channel is None and source[-1].lemma_.lower() in cues.channel_nouns:
        channel = ([source[-1]], source[-1].lower_)
    if channel is not None:
        frame.channel, frame.channel_text = channel
    # the tagger's ROOT is the mis-tagged word: the reported clause is everything before
    frame.content = None
    return frame


def _according_frames(sentence: SpacySpan, cues: AttributionCues) -> list[Frame]:
    frames = []
    lowers = [t.lower_ for t in sentence]
    starting = {}  # each first word's phrases, in the table's order
    for phrase in cues.according_to:
        starting.setdefault(phrase[0], []).append(phrase)
    for k in range(len(sentence)):
        for phrase in starting.get(lowers[k], ()):
            if tuple(lowers[k : k + len(phrase)]) != phrase:
                continue
            words = list(sentence[k : k + len(phrase)])
            last = words[-1]
            objects = [c for c in last.children if c.dep_ == "pobj"]
            if not objects and len(words) > 1:
                objects = [c for w in words for c in w.children if c.dep_ == "pobj"]
            if not objects and last.i + 1 < sentence.end and phrase[-1] in {"citing", "quoting"}:
                objects = [c for c in last.children if c.dep_ == "dobj"]
            if not objects:
                continue
            obj = objects[0]
            frame = Frame(verb=words, source=[], kind="according", quoted=inside_quotes(words[0]))
            channel = _channel_phrase(obj, cues)
            if channel is not None:
                frame.channel, frame.channel_text = channel
                owner = _owner_of_channel(obj)
                frame.source = _phrase(owner) if owner is not None else _phrase(obj, limit_to_left=True)
            else:
                frame.source = _phrase(obj)
            if frame.source:
                frames.append(frame)
            break
    return frames


def reporting_frames(sentence: SpacySpan) -> list[Frame]:
    """Every act of reporting in a sentence (cached on the Doc: modality and claims ask again)."""
    doc = sentence.doc
    cache = doc.user_data.setdefault("dateline.frames", {})
    key = (sentence.start, sentence.end)
    if key in cache:
        return cache[key]
    cues = load_cues()
    frames = []
    for token in sentence:
        if token.lemma_.lower() in cues.reporting_verbs:
            frame = _verb_frame(token, cues)
            if frame is not None and frame.source:
                frames.append(frame)
    if not any(f.parenthetical or f.content is not None and f.content.i < f.verb[0].i for f in frames):
        tail = _tail_frame(sentence, cues)
        if tail is not None:
            frames.append(tail)
    frames.extend(_according_frames(sentence, cues))
    cache[key] = frames
    return frames


def _depth(token: Token) -> int:
    depth = 0
    while token.head != token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _main_frame(frames: list[Frame]) -> Frame | None:
    verbal = [f for f in frames if f.kind == "verb"]
    if not verbal:
        return frames[0] if frames else None
    unquoted = [f for f in verbal if not f.quoted] or verbal
    return min(unquoted, key=lambda f: (_depth(f.verb[0]), f.verb[0].i))


# --- resolving "he", "the group" ---------------------------------------------------------------


def _window_start(sentence: SpacySpan) -> int:
    doc = sentence.doc
    start = sentence.start
    for _ in range(RESOLUTION_WINDOW):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _fullest_name(entity: SpacySpan) -> SpacySpan:
    """ "Mohib" -> the latest earlier fuller mention ending in the same word ("Hamdullah Mohib").
    The latest, not the longest: relatives share a surname, and a bare "Haddad" after "his
    widow, Leila Haddad" is Leila, though her husband "Omar Haddad" was named first."""
    best = entity
    for other in ents_of(entity.doc):
        if other.start >= entity.start:
            break
        if other.label_ == entity.label_ and other[-1].lower_ == entity[-1].lower_ and len(other) > len(entity):
            best = other
    return best


def _head_name(source: list[Token]) -> list[Token]:
    """The words of the name that is the source phrase's own head: "Tom Reyes, with the county's
    Water Authority" -> Tom Reyes. A description at the head names its person only through a
    person's name it holds ("the town's water engineer, Carl Dunn"); a party or a school in it is
    no speaker ("the Green Party housing spokesman")."""
    inside = {t.i for t in source}
    heads = [t for t in source if t.head.i not in inside or t.head == t]
    if not heads:
        return []
    head = heads[0]
    if head.pos_ == "PROPN":
        return [t for t in source if t.pos_ == "PROPN" and (t == head or (t.head == head and t.dep_ in NAME_PARTS))]
    doc = head.doc
    people = [e for e in ents_of(doc) if e.label_ == "PERSON" and e.start in inside and e.end - 1 in inside]
    return list(people[-1]) if people else []


def _named_person_subject(sentence: SpacySpan) -> SpacySpan | None:
    """The person a sentence's main clause names as its subject, outside quotation marks."""
    subject = next((c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or inside_quotes(subject):
        return None
    entity = next((e for e in ents_of(sentence.doc) if e.start <= subject.i < e.end), None)
    if entity is None or entity.label_ != "PERSON" or entity.root != subject:
        return None
    return _fullest_name(entity)


def _person_noun_head(source: list[Token]) -> SpacySpan | None:
    """The source phrase when its head is a singular common noun for a person with no name in
    the phrase ("a woman", "the driver", "the county's fire marshal"): a speaker "he" or "she"
    can go on from, where a body ("the council") or a name is read otherwise."""
    words = [t for t in source if not t.is_punct]
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head == t]
    if len(heads) != 1 or heads[0].tag_ != "NN" or any(t.pos_ == "PROPN" for t in words):
        return None
    head = heads[0]
    if any(c.dep_ == "conj" for c in head.children) or not names_people(head):
        return None
    return head.doc[words[0].i : words[-1].i + 1]


def _person_noun_subject(sentence: SpacySpan) -> SpacySpan | None:
    """The subject of a sentence's main clause when a noun for one person names it, outside
    quotation marks ("A nurse answered the door ...")."""
    subject = next((c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or inside_quotes(subject):
        return None
    # (the words up to the noun: a relative clause after it says more of the person, not who)
    return _person_noun_head([t for t in subject.subtree if t.i <= subject.i])


def _previous_speaker(sentence: SpacySpan) -> SpacySpan | None:
    """The named speaker of the nearest earlier sentence that has one: "he said" after a
    quotation usually continues the last person quoted."""
    doc = sentence.doc
    current = sentence
    for _ in range(3):
        if current.start == 0:
            return None
        current = doc[current.start - 1].sent
        main = _main_frame([f for f in reporting_frames(current) if not f.quoted])
        if main is None:
            # a person the text turned to as a subject since the last quote is who "he" goes on
            # about: "Tom Reyes has led the board for six years. He said ..." (or "A nurse
            # answered the door. She said ...": a person named by a noun, though a name follows)
            subject = _named_person_subject(current) or _person_noun_subject(current)
            if subject is not None:
                return subject
            continue
        described = _person_noun_head(main.source)
        if described is not None:
            # "the driver said ... He said ...": the last speaker, named by a noun for one person
            return described
        names = _head_name(main.source)
        if names:
            head = names[-1]
            entity = next((e for e in ents_of(doc) if e.start <= head.i < e.end), None)
            start = head.i
            while start - 1 >= main.source[0].i and doc[start - 1].pos_ == "PROPN" and (
                entity is None or (len(entity) == 1 and doc[start - 1].head == head and doc[start - 1].dep_ in NAME_PARTS)
            ):
                start -= 1
            # the tagger may keep only the surname of "Ned Tully": the first name before it is his
            if entity is not None and start >= entity.start:
                return _fullest_name(entity)
            return doc[start : head.i + 1]
        if main.source and main.source[-1].lower_ not in PERSON_PRONOUNS:
            return None  # an organisation spoke last: "he" is someone else
    return None


def _earlier_channel_owner(channel: Token, sentence: SpacySpan, cues: AttributionCues) -> SpacySpan | None:
    """ "the tweet read" after "the Red Crescent said in a Facebook post": the source
    who used a channel of the same family before."""
    families = [f for f in cues.channel_families if channel.lemma_.lower() in f or channel.lower_ in f]
    if not families:
        return None
    doc = sentence.doc
    current = sentence
    for _ in range(RESOLUTION_WINDOW):
        if current.start == 0:
            return None
        current = doc[current.start - 1].sent
        for frame in reporting_frames(current):
            if not frame.channel_text or frame.source[-1].lemma_.lower() in cues.channel_nouns:
                continue
            words = {w.lower() for w in frame.channel_text.split()}
            if any(words & set(f) for f in families):
                names = [e for e in ents_of(doc) if e.start >= frame.source[0].i and e.end <= frame.source[-1].i + 1]
                names = [e for e in names if e.label_ in {"ORG", "PERSON", "NORP", "GPE"}]
                return names[-1] if names else doc[frame.source[0].i : frame.source[-1].i + 1]
    return None


def resolve_mention(tokens: list[Token], sentence: SpacySpan | None = None) -> SpacySpan | None:
    """The earlier name a pronoun or bare description ("it", "he", "the group") stands for."""
    if not tokens:
        return None
    return _resolve(tokens, sentence if sentence is not None else tokens[0].sent, load_cues())


def _disagrees(pronoun: str, name: SpacySpan) -> bool:
    """Whether "he" or "she" cannot stand for a name, told by its honorific or given name."""
    before = name.doc[name.start - 1].text if name.start > 0 else ""
    return gender.disagrees(pronoun, name.text, before)


def _resolve(source: list[Token], sentence: SpacySpan, cues: AttributionCues) -> SpacySpan | None:
    """The earlier name a pronoun or a bare description stands for, if one fits."""
    doc = sentence.doc
    words = [t for t in source if not t.is_punct]
    if not words:
        return None
    nominal = [t for t in words if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    # the head of a short phrase is its last noun; a longer one's is the parse's root word
    head = nominal[-1] if nominal and len(words) <= 3 else max(
        words, key=lambda t: t.i if t.dep_ not in {"det", "poss", "amod", "compound"} else -1
    )
    lower = head.lower_
    floor = _window_start(sentence)
    before = [e for e in ents_of(doc) if floor <= e.start and e.end <= source[0].i]
    if len(words) == 1 and lower in PERSON_PRONOUNS:
        # "she" is never a name that tells a man, nor "he" a woman's ("Mrs. Okafor", "Deborah Lang")
        speaker = _previous_speaker(sentence)
        if speaker is not None and not _disagrees(lower, speaker):
            return speaker
        # a name that only modifies a noun ("the Jefferson library") is no one
        people = [
            e for e in before
            if e.label_ == "PERSON" and not inside_quotes(e[0]) and e.root.dep_ not in NAME_PARTS
            and not _disagrees(lower, _fullest_name(e))
        ]
        # a speaker is usually someone who was a subject before ("Hekmatyar ... said")
        subjects = [e for e in people if e.root.dep_ in {"nsubj", "nsubjpass"}]
        chosen = (subjects or people)[-1] if people else None
        if chosen is not None:
            return _fullest_name(chosen)
        # a name the tagger did not take for a person: the latest proper-noun subject
        for k in range(source[0].i - 1, floor - 1, -1):
            token = doc[k]
            if token.pos_ == "PROPN" and token.dep_ in {"nsubj", "nsubjpass"} and not inside_quotes(token):
                start = k
                while start - 1 >= floor and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
                    start -= 1
                if not _disagrees(lower, doc[start : k + 1]):
                    return doc[start : k + 1]
        return None
    bare_description = all(t.dep_ == "det" or t == head for t in words) and words[0].lower_ in {"the", "this", "that"}
    if (len(words) == 1 and lower in GROUP_PRONOUNS) or (bare_description and head.lemma_.lower() in cues.group_nouns):
        # "Western" in "Western security officials" is no group for "the group" to mean
        groups = [
            e for e in before
            if e.label_ in {"ORG", "NORP"} and e.root.pos_ != "ADJ" and not inside_quotes(e[0])
            and not _told(e) and not _names_a_cause(e)
        ]
        return groups[-1] if groups else None
    if bare_description and head.lemma_.lower() in cues.channel_nouns:
        return _earlier_channel_owner(head, sentence, cues)
    if bare_description:
        # "the source said" after "a Norwegian source close to the talks told AFP"
        for k in range(source[0].i - 1, floor - 1, -1):
            token = doc[k]
            if token.lemma_ == head.lemma_ and token.pos_ == "NOUN":
                phrase = _phrase(token)
                if phrase and phrase[0].lower_ in {"a", "an"}:
                    return doc[phrase[0].i : phrase[-1].i + 1]
    return None


def _told(name: SpacySpan) -> bool:
    """A name that was told something ("the spokesman told AFP", "said to Reuters") is the
    medium of a report, never what "the government" or "it" stands for."""
    root = name.root
    cues = load_cues()
    if root.dep_ in {"dobj", "dative"} and root.head.lemma_.lower() in cues.reporting_verbs:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in cues.reporting_verbs


def _names_a_cause(name: SpacySpan) -> bool:
    """'Staphylococcus', 'the H5N1 virus': a germ or a disease says nothing ("it explains")."""
    from dateline.events.triggers import load_lexicon

    causes = load_lexicon().causes
    return any(t.lower_ in causes or t.lemma_.lower() in causes for t in name)


def _span_of(tokens: list[Token]) -> Span:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Span(start, end, text_of(doc)[start:end])


def _to_attribution(frame: Frame, sentence: SpacySpan, via: Frame | None = None) -> Attribution:
    cues = load_cues()
    source_words = frame.source
    resolved = _resolve(source_words, sentence, cues)
    span = _span_of(source_words)
    return Attribution(
        source=resolved.text if resolved is not None else span.text,
        span=span,
        channel=frame.channel_text,
        channel_span=_span_of(frame.channel) if frame.channel else None,
        antecedent=_span_of(list(resolved)) if resolved is not None else None,
        via=_span_of(via.source).text if via is not None else None,
        via_span=_span_of(via.source) if via is not None else None,
        verb=_span_of(frame.verb),
    )


def _quote_speaker(sentence: SpacySpan) -> Frame | None:
    """For a sentence wholly inside a quotation: the speaker named where the quote closes
    (or, failing that, where it opened)."""
    doc = sentence.doc
    words = [t for t in sentence if t.is_alpha]
    if not words or not inside_quotes(words[0]):
        return None
    for step in (1, -1):
        current = sentence
        for _ in range(4):
            frames = [f for f in reporting_frames(current) if not f.quoted]
            if frames:
                return _main_frame(frames)
            alpha = [t for t in current if t.is_alpha]
            if step == 1 and alpha and not inside_quotes(alpha[-1]):
                break  # the quotation closes in this sentence, and nobody is named there
            if step == -1 and alpha and not inside_quotes(alpha[0]):
                break
            edge = current.end if step == 1 else current.start - 1
            if edge < 0 or edge >= len(doc):
                break
            current = doc[edge].sent
    return None


# --- public: attribution ----------------------------------------------------------------------


def find_attribution(sentence: SpacySpan, doc: Doc | None = None) -> Attribution | None:
    """Who asserts what the sentence says, and through which channel; None when nobody does.

    The speaker of the sentence's main reporting verb wins; "according to X" around a speaker
    becomes ``via``; a quotation with no verb of its own takes the speaker who closes it.
    """
    frames = reporting_frames(sentence)
    main = _main_frame(frames)
    if main is None:
        speaker = _quote_speaker(sentence)
        return _to_attribution(speaker, sentence) if speaker is not None else None
    if main.kind == "verb":
        according = next((f for f in frames if f.kind == "according" and not f.quoted), None)
        return _to_attribution(main, sentence, via=according)
    return _to_attribution(main, sentence)


def _governing_frame(token: Token, sentence: SpacySpan) -> Frame | None:
    frames = [f for f in reporting_frames(sentence) if f.governs(token)]
    if not frames:
        return None
    verbal = [f for f in frames if f.kind == "verb"]
    return min(verbal or frames, key=Frame.width)


def attribution_of(token: Token, sentence: SpacySpan | None = None) -> Attribution | None:
    """Who asserts the event a token stands for: the innermost reporting frame around it
    ("the militia says it killed 40, while officials say it killed 12" gives each figure
    its own source); the sentence's attribution when the token is outside every frame."""
    sentence = sentence if sentence is not None else token.sent
    frame = _governing_frame(token, sentence)
    if frame is None:
        quoted = _quote_speaker(sentence) if inside_quotes(token) else None
        if quoted is not None:
            return _to_attribution(quoted, sentence)
        return None
    via = None
    if frame.kind == "verb":
        via = next((f for f in reporting_frames(sentence) if f.kind == "according" and f.governs(frame.verb[0])), None)
    return _to_attribution(frame, sentence, via=via)


# --- modality ---------------------------------------------------------------------------------


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs it is the complement of, up to its own clause's top:
    "may begin taking" -> [taking, begin]; "plans to withdraw" -> [withdraw, plans]."""
    chain = [trigger]
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        chain.append(trigger.head)
    token = chain[-1]
    for _ in range(6):
        purpose = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if token.dep_ in {"xcomp", "acomp"} or purpose or (token.dep_ == "pcomp" and token.head.dep_ == "prep"):
            token = token.head if token.dep_ != "pcomp" else token.head.head
            chain.append(token)
        else:
            break
    return chain


def _has_phrase(tokens: list[Token], phrases: tuple[tuple[str, ...], ...]) -> bool:
    lowers = [t.lower_ for t in tokens]
    return any(tuple(lowers[k : k + len(p)]) == p for p in phrases for k in range(len(lowers)))


def _negated(chain: list[Token], cues: AttributionCues) -> bool:
    for token in chain:
        for child in token.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                near = [child] + [g for g in child.children if g.dep_ in {"det", "pobj"}]
                near += [gg for g in near for gg in g.children if gg.dep_ == "det"]
                if any(t.lower_ in {"no", "nobody", "none", "never", "neither"} for t in near):
                    return True
            if child.dep_ == "prep" and _negating_adverbial(child, cues):
                return True
    top = chain[-1]
    clause = [t for t in top.subtree if t.i <= chain[0].i]
    return _has_phrase(clause, cues.denial_phrases)


def _negating_adverbial(prep: Token, cues: AttributionCues) -> bool:
    """ "at no time", "in no way": the fixed phrases whose "no" negates the clause; any other
    "with no ...", "for no ..." tells a circumstance of an act that still happened."""
    return any(
        (prep.lower_, noun.lower_) in cues.negating_adverbials  # the words as the table writes them
        and any(d.dep_ == "det" and d.lower_ == "no" for d in noun.children)
        for noun in prep.children if noun.dep_ == "pobj"
    )


def _denied_by_governor(top: Token, cues: AttributionCues) -> bool:
    """ "denied that X", "rejected reports that X", "dismissed claims of X"."""
    node = top
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if head.lemma_.lower() in cues.denial_verbs and node.dep_ in {"ccomp", "dobj", "xcomp", "prep"}:
            return True
        if node.dep_ in {"acl", "relcl", "ccomp", "prep", "pobj"} and head.pos_ == "NOUN":
            node = head
            continue
        if node.dep_ in {"dobj", "pobj", "prep"}:
            node = head
            continue
        return False
    return False


def _future_context(chain: list[Token], cues: AttributionCues) -> bool:
    top = chain[-1]
    return any(t.lower_ in cues.future_words for t in top.subtree) or any(
        t.lemma_ in {"begin", "start", "resume", "reopen"} for t in chain
    )


def _conflict_parties(doc: Doc, cues: AttributionCues) -> tuple[set[str], str | None]:
    """Names that act as fighters in this document (subjects of "attack", "seize" ...) and the
    country the fighting is in (the most mentioned one), computed once per document."""
    cached = doc.user_data.get("dateline.conflict_parties")
    if cached is not None:
        return cached
    fighters: set[str] = set()
    for entity in ents_of(doc):
        if entity.label_ in {"ORG", "NORP", "GPE", "PERSON"}:
            root = entity.root
            node = root if root.dep_ in {"nsubj", "compound"} else None
            if node is not None and node.dep_ == "compound":
                node = node.head if node.head.dep_ == "nsubj" else None
            if node is not None and node.head.lemma_.lower() in cues.conflict_verbs:
                fighters.add(entity.text.lower())
    places = Counter(e.text.lower()[:5] for e in ents_of(doc) if e.label_ in {"GPE", "NORP"} and len(e.text) >= 4)
    country = places.most_common(1)[0][0] if places else None
    doc.user_data["dateline.conflict_parties"] = (fighters, country)
    return fighters, country


def _description(attribution: Attribution, doc: Doc) -> str:
    """The source's words and, for a name, the titles it carried where first introduced."""
    parts = [attribution.source, attribution.span.text]
    name_span = attribution.antecedent or attribution.span
    entity = doc.char_span(name_span.start, name_span.end, alignment_mode="expand")
    if entity is not None and len(entity):
        people = [e for e in ents_of(doc) if e.label_ == "PERSON" and e.start < entity.end and e[-1].lower_ == entity[-1].lower_]
        for person in people[:3]:
            root = person.root
            parts.append(doc[root.left_edge.i : root.i + 1].text)
    return " ".join(parts).lower()


def is_party_source(attribution: Attribution, doc: Doc, parties: Collection[str] = ()) -> bool:
    """Whether the source is a side in the conflict it reports on: an army, an armed group or
    a government at war, or anyone the caller names in ``parties``."""
    cues = load_cues()
    description = _description(attribution, doc)
    if any(p and p.lower() in description for p in parties):
        return True
    padded = f" {description} "
    if any(f" {w} " in padded for w in cues.party_words):
        return True
    fighters, country = _conflict_parties(doc, cues)
    if any(f in description for f in fighters):
        return True
    if country and country in description:
        return any(f" {w} " in padded for w in cues.official_words)
    return False


def _self_report(chain: list[Token], cues: AttributionCues) -> bool:
    """ "the militia says it seized", "told the BBC that his men had taken": the source speaks
    of its own deeds."""
    for token in chain:
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                if child.lower_ in cues.self_pronouns:
                    return True
                if any(g.dep_ == "poss" and g.lower_ in cues.self_pronouns for g in child.children):
                    return True
    return False


def modality_of(
    trigger_token: Token, sentence: SpacySpan | None = None, parties: Collection[str] = ()
) -> tuple[str, bool]:
    """How the text presents the event a trigger stands for: ("reported" | "claimed" |
    "denied" | "planned" | "expected", hedged).

    ``parties``: names of the sides in the conflict, where the caller knows them (actors of the
    article's violent events); sources among them make their reports claims.
    """
    cues = load_cues()
    sentence = sentence if sentence is not None else trigger_token.sent
    chain = _clause_chain(trigger_token)
    lemmas = [t.lemma_.lower() for t in chain]
    auxiliaries = [c for t in chain for c in t.children if c.dep_ in {"aux", "auxpass"}]
    aux_words = {a.lower_ for a in auxiliaries}
    perfect = any(a.lemma_ == "have" for a in auxiliaries)
    frame = _governing_frame(trigger_token, sentence)

    hedged = bool(aux_words & cues.hedge_modals) and not perfect
    hedged = hedged or bool(aux_words & cues.hedge_modals and perfect)
    for token in chain:
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in cues.hedge_adverbs:
                hedged = True
    for token in chain[1:]:
        raising = token.lemma_.lower() in cues.raising_verbs
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if raising and (token.lemma_ in {"appear", "seem"} or passive):
            hedged = True

    negated = _negated(chain, cues)
    would = "would" in aux_words and frame is not None
    if (aux_words & cues.planned_auxiliaries) or would or any(l in cues.planned_verbs for l in lemmas[1:]):
        return "planned", hedged
    if any(t.lemma_ == "go" and t.tag_ == "VBG" for t in chain[1:]):
        return "planned", hedged
    if negated or _denied_by_governor(chain[-1], cues):
        return "denied", hedged
    if frame is not None and frame.verb[0].lemma_.lower() in cues.denial_verbs:
        return "denied", hedged
    if any(l in cues.expected_verbs for l in lemmas[1:]) or any(
        t.lower_ in cues.expected_adjectives and t.pos_ == "ADJ" for t in chain[1:]
    ):
        return "expected", hedged
    if (aux_words & cues.future_modals) and not perfect and not negated and _future_context(chain, cues):
        return "expected", True
    if frame is not None:
        if frame.verb[0].lemma_.lower() in cues.claim_verbs:
            return "claimed", hedged
        if frame.kind == "verb" and _self_report(chain, cues):
            return "claimed", hedged
        attribution = _to_attribution(frame, sentence)
        if is_party_source(attribution, sentence.doc, parties):
            return "claimed", hedged
    elif inside_quotes(trigger_token):
        speaker = _quote_speaker(sentence)
        if speaker is not None and is_party_source(_to_attribution(speaker, sentence), sentence.doc, parties):
            return "claimed", hedged
    return "reported", hedged
