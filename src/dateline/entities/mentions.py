"""Mentions of actors in one parsed article, and which of them are the same actor.

Starts from the shared pipeline's named entities and repairs what a small model gets wrong
in news about conflicts: names it cuts short ("bin Nasser Al Mansouri" for "Faisal bin Nasser Al
Mansouri"), titles it takes for people ("Doha's Special Envoy"), surnames it labels as
nationalities ("Mohib"), places it labels as organisations ("Panjshir"), actors it misses
("the Jamiat-e-Watan party", "Afghan security forces"). Then, within the article, it ties
surnames to full names, acronyms to the names they abbreviate, and descriptions ("the group",
"the envoy") to the latest matching actor. Everything here is one pass over the entities and
a few token lookups: no second model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dateline.entities.lexicon import KnownActor, Lexicon, fold, phrase_key
from dateline.entities.names import PersonName, person_name, same_person_name
from dateline.entities.roles import TitleReader, TitleReading
from dateline.nlp import ents_of, text_of

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# the grammatical places where a country acts rather than locates: "Qatar is working",
# "Qatar's foreign ministry", "talks mediated by Qatar"
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj"}
LOCATIVE_PREPS = {"in", "at", "to", "from", "into", "near", "across", "inside", "through", "toward", "towards",
                  "within", "around", "throughout", "over", "off"}
ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,9}$")
SHOUTING_SHARE = 0.6  # upper-case share of letters above which a text is written in capitals


@dataclass(eq=False)
class Found:
    """One mention in the article, before it is tied to a canonical entity."""

    start: int  # token index
    end: int  # token index, exclusive
    label: str  # PERSON, ORG, NORP, GPE or DESCRIPTION
    kind: str | None = None
    country: str | None = None
    name: str = ""  # the name it gives ("" for descriptions and nationalities)
    known: KnownActor | None = None
    kind_evidence: str | None = None  # "lexicon", "described", "name cue", "user"
    group: LocalEntity | None = None
    article_only: bool = False  # a body no country can be given to: not one across articles
    written_as: str | None = None  # the name as written when it is shown another way ("Health Ministry")


@dataclass(eq=False)
class LocalEntity:
    """An actor as this article names it: its names, kind, country, roles and mentions."""

    kind: str
    names: list[str]
    country: str | None = None
    known: KnownActor | None = None
    kind_evidence: str | None = None
    person: PersonName | None = None
    aliases: set[str] = field(default_factory=set)
    roles: list[tuple[str, int, int]] = field(default_factory=list)  # title, start token, end token
    mentions: list[Found] = field(default_factory=list)
    fixed_id: str | None = None  # country:qa, military:af ...
    article_only: bool = False  # "the Ministry of Health" of no known country: this article's own

    @property
    def name(self) -> str:
        return self.names[0]

    def add(self, found: Found) -> None:
        found.group = self
        self.mentions.append(found)
        if found.name and found.name not in self.names and found.label != "DESCRIPTION":
            self.names.append(found.name)


@dataclass
class ArticleMentions:
    mentions: list[Found]
    entities: list[LocalEntity]


def is_shouting(text: str) -> bool:
    # filter and map with the str methods themselves: a generator over every character was
    # most of the cost of reading a long article's entities
    letters = "".join(filter(str.isalpha, text[:20000]))
    if len(letters) < 20:
        return False
    return sum(map(str.isupper, letters)) / len(letters) >= SHOUTING_SHARE


def name_matcher(doc_vocab, names: list[str]) -> PhraseMatcher:
    """A matcher over the lower-cased words of the given names (curated actors, user entities)."""
    from dateline.nlp import get_nlp

    matcher = PhraseMatcher(doc_vocab, attr="LOWER")
    tokenizer = get_nlp().tokenizer
    patterns = [tokenizer(name) for name in sorted(set(names)) if name.strip()]
    for start in range(0, len(patterns), 500):
        matcher.add("NAME", patterns[start : start + 500])
    return matcher


def _hashes(words) -> np.ndarray:
    """The words' hashes, sorted (``_positions`` looks them up by bisection)."""
    return np.array(sorted({get_string_id(w) for w in words if w and " " not in w}), dtype=np.uint64)


def _positions(lowers: np.ndarray, hashes: np.ndarray) -> list[int]:
    """The indices of the tokens whose LOWER hash is one of ``hashes`` (sorted, from ``_hashes``):
    ``np.isin`` by bisection into the sorted hashes, where isin sorted the article's hashes with
    the words' again on every call (a third of the entities stage's look-ups)."""
    if not len(lowers) or not len(hashes):
        return []
    at = np.minimum(np.searchsorted(hashes, lowers), len(hashes) - 1)
    return np.flatnonzero(hashes[at] == lowers).tolist()


class ArticleReader:
    """Reads the actor mentions of one article; holds nothing between articles."""

    def __init__(self, lexicon: Lexicon, matcher: PhraseMatcher | None, extra: dict[str, KnownActor] | None = None,
                 ignored: set[str] = frozenset()):
        self.lexicon = lexicon
        self.matcher = matcher
        self.extra = extra or {}  # the user's entities by phrase key
        self.ignored = ignored
        self.titles = TitleReader(lexicon)
        # the words that can start a look around, hashed as spaCy's LOWER attribute: the passes
        # over an article touch only the tokens that carry one (building every Token is slow)
        added = set(lexicon.national_bodies) | {"ministry"} | set(lexicon.country_by_demonym) | {
            k for k in lexicon.described_kind if " " not in k}
        self._added_hashes = _hashes(added)
        self._description_hashes = _hashes(lexicon.group_nouns | self.titles.heads)

    # --- helpers ---------------------------------------------------------------------------------

    def known(self, text: str) -> KnownActor | None:
        key = phrase_key(text)
        return self.extra.get(key) or self.lexicon.actor_by_key.get(key)

    def _country(self, text: str) -> str | None:
        return self.lexicon.country_of_name(text)

    @staticmethod
    def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Without leading determiners and trailing possessives, punctuation and conjunctions."""
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in {"'s", "’s", "and", "or", "&"}
                               or (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"})
                               or doc[end - 1].is_space):
            end -= 1
        return start, end

    @staticmethod
    def _text(doc: Doc, start: int, end: int) -> str:
        return doc[start:end].text

    def _not_actor(self, doc: Doc, start: int, end: int) -> bool:
        """A disease, virus, strain, drug, storm or ward by its name or the noun next to it."""
        before = doc[start - 1].text if start > 0 else None
        after = doc[end].text if end < len(doc) else None
        return self.lexicon.is_not_actor(doc[start:end].text) or self.lexicon.described_not_actor(before, after)

    # --- 1. candidates -------------------------------------------------------------------------

    def _trusted(self, ent, shouting: bool) -> bool:
        """Whether the tagger's entity can be believed. A small English model reads little in
        other scripts or in text written in capitals: there only names that look like people's
        names (two to four words) and the nationalities, countries and actors of the lexicon
        (matched separately) are kept."""
        text = ent.text
        letters = [c for c in text if c.isalpha()]
        latin = sum(1 for c in letters if c.isascii() or "LATIN" in unicodedata.name(c, ""))
        foreign = letters and latin / len(letters) < 0.5
        capitals = shouting or (text.isupper() and is_shouting(ent.sent.text))
        if not foreign and not capitals:
            return True
        if self.lexicon.country_of_demonym(text) or self.lexicon.country_of_name(text):
            return True
        words = [t for t in ent if t.is_alpha]
        return (ent.label_ == "PERSON" and 2 <= len(words) <= 4 and len(words) == len(ent)
                and not any(self.lexicon.is_title_word(t.text) or t.is_stop for t in words))

    def _candidates(self, doc: Doc, shouting: bool) -> list[Found]:
        found: list[Found] = []
        for ent in ents_of(doc):
            if ent.label_ not in ACTOR_LABELS or not self._trusted(ent, shouting):
                continue
            # "Twitter, Instagram": a list the tagger read as one name
            pieces, piece_start = [], ent.start
            for token in ent:
                if token.text == ",":
                    pieces.append((piece_start, token.i))
                    piece_start = token.i + 1
            pieces.append((piece_start, ent.end))
            for start, end in pieces:
                start, end = self._trim(doc, start, end)
                if start >= end or not any(c.isalpha() for c in doc[start:end].text):
                    continue
                found.append(Found(start, end, ent.label_, name=self._text(doc, start, end)))
        if self.matcher is not None:
            for _, start, end in self.matcher(doc):
                text = self._text(doc, start, end)
                known = self.known(text)
                if known is None or not any(c.isupper() for c in text):
                    continue
                # short acronyms ("IS", "UN", "AP") only as written, and never in a text in capitals
                if len(text) <= 4 and (shouting or text != text.upper() or text.lower() == text):
                    if not any(text == alias for alias in (known.name, *known.aliases)):
                        continue
                    if shouting:
                        continue
                found.append(Found(start, end, "ORG" if known.kind != "person" else "PERSON", known=known,
                                   name=text, kind=known.kind, country=known.country, kind_evidence="lexicon"))
        return self._without_overlaps(found)

    @staticmethod
    def _without_overlaps(found: list[Found]) -> list[Found]:
        """Where two mentions overlap, the lexicon's (or the user's) wins, then the longer."""
        found.sort(key=lambda f: (f.known is None, -(f.end - f.start), f.start))
        taken: set[int] = set()
        kept = []
        for item in found:
            tokens = set(range(item.start, item.end))
            if tokens & taken:
                continue
            taken |= tokens
            kept.append(item)
        kept.sort(key=lambda f: f.start)
        return kept

    # --- 2. repairs ----------------------------------------------------------------------------

    def _repair_person(self, doc: Doc, item: Found, place_words: set[str]) -> Found | None:
        lexicon = self.lexicon
        start, end = item.start, item.end
        # "Follow Doha News": a sentence-initial verb is not part of a name
        if doc[start].tag_ == "VB" and (start == 0 or doc[start].is_sent_start):
            start += 1
        # "Mr. Atmar", "General Miller": a courtesy title or rank before the name is not the name
        while start < end - 1 and fold(doc[start].text).strip(".") in lexicon.honorifics:
            start += 1
        if start >= end:
            return None
        words = list(doc[start:end])
        text = self._text(doc, start, end)
        known = self.known(text)
        if known is not None:
            return Found(start, end, "ORG" if known.kind != "person" else "PERSON", known=known, kind=known.kind,
                         country=known.country, name=text, kind_evidence="lexicon")
        if lexicon.is_people(text):
            return Found(start, end, "NORP")
        if self._not_actor(doc, start, end):
            return None
        # people's names hold no digits ("H5N1" is a code) and start with no place word ("Village Malakal")
        if any(c.isdigit() for c in text) or fold(words[0].text) in lexicon.facilities:
            return None
        # "Doha's Special Envoy": titles, possessives and places only, no name
        if all(lexicon.is_title_word(t.text) or t.tag_ == "POS" or t.is_punct or t.ent_type_ in PLACE_LABELS
               or self._country(t.text) or lexicon.country_of_capital(t.text) for t in words):
            return None
        cue = lexicon.kind_from_name(text)
        if cue is not None and cue != "person" and len(words) > 1:
            return Found(start, end, "ORG", kind=cue, name=text, kind_evidence="name cue")
        # "bin Nasser Al Mansouri" after "Faisal": a name that starts with a particle reaches back
        while (start > 0 and fold(doc[start].text) in lexicon.particles and doc[start - 1].text[:1].isupper()
               and doc[start - 1].is_alpha and not lexicon.is_title_word(doc[start - 1].text)
               and not doc[start - 1].is_sent_start and doc[start - 1].ent_type_ not in PLACE_LABELS):
            start -= 1
        text = self._text(doc, start, end)
        if not any(c.isupper() for c in text):
            return None
        return Found(start, end, "PERSON", kind="person", name=text)

    def _repair(self, doc: Doc, found: list[Found]) -> list[Found]:
        lexicon = self.lexicon
        place_words = {fold(t.text) for ent in ents_of(doc) if ent.label_ in PLACE_LABELS for t in ent
                       if t.text[:1].isupper() and not self._country(t.text)}
        repaired: list[Found] = []
        for item in found:
            if phrase_key(item.name) in self.ignored:
                continue
            if item.known is not None:
                repaired.append(item)
                continue
            text = item.name
            if item.label == "PERSON":
                fixed = self._repair_person(doc, item, place_words)
                if fixed is not None:
                    repaired.append(fixed)
                continue
            known = self.known(text)
            if known is not None:
                repaired.append(Found(item.start, item.end, "ORG" if known.kind != "person" else "PERSON",
                                      known=known, kind=known.kind, country=known.country, name=text,
                                      kind_evidence="lexicon"))
                continue
            if self._not_actor(doc, item.start, item.end):
                continue  # "Tamiflu", "BSE", "the Reston ebolavirus": not actors
            demonym = lexicon.country_of_demonym(text)
            country = self._country(text)
            if item.label == "ORG" and country and not demonym:
                repaired.append(Found(item.start, item.end, "GPE", kind="country", country=country, name=text))
                continue  # "the DRC": a country's name the tagger took for an organisation
            if item.label == "NORP":
                if demonym:
                    repaired.append(Found(item.start, item.end, "NORP", kind="country", country=demonym, name=text))
                elif country:  # "fled to Tajikistan" read as a nationality
                    repaired.append(Found(item.start, item.end, "GPE", kind="country", country=country, name=text))
                elif lexicon.is_people(text) or not text[:1].isupper():
                    repaired.append(Found(item.start, item.end, "NORP"))
                else:
                    repaired.append(Found(item.start, item.end, "NAME?", name=text))  # "Mohib": decided below
                continue
            if item.label == "GPE":
                if country:
                    repaired.append(Found(item.start, item.end, "GPE", kind="country", country=country, name=text))
                continue  # cities and provinces are the geo stage's
            # ORG
            words = [fold(t.text) for t in doc[item.start : item.end]]
            if self.titles._is_head(doc[item.start]) and lexicon.kind_from_name(text) is None:
                continue  # "the Minister of Foreign Affairs" is a title, not an organisation
            if len(words) == 1 and (words[0] in place_words or self._is_locative(doc[item.start])) \
                    and lexicon.kind_from_name(text) is None:
                continue  # "Panjshir" labelled ORG next to "Panjshir Valley" or "in Panjshir"
            if len(words) == 1 and words[0].endswith("i") and words[0][:-1] in place_words:
                repaired.append(Found(item.start, item.end, "NORP"))  # "Panjshiri"
                continue
            if demonym and len(words) == 1:
                repaired.append(Found(item.start, item.end, "NORP", kind="country", country=demonym, name=text))
                continue
            if words[-1] in lexicon.facilities and known is None:
                continue  # "the Anabah Surgical Center": a place
            if len(words) == 2 and words[0] in lexicon.facilities and lexicon.kind_from_name(text) is None:
                continue  # "Village Malakal", "Camp Bastion": a place named by its kind first
            cue = lexicon.kind_from_name(text)
            country, text = self._body_country(doc, item, text) if cue in {"government", "military"} else (None, text)
            repaired.append(Found(item.start, item.end, "ORG", kind=cue, name=text, country=country,
                                  kind_evidence="name cue" if cue else None))
        return repaired

    def _body_country(self, doc: Doc, item: Found, text: str) -> tuple[str | None, str]:
        """Whose ministry: "the Kenyan Ministry of Defence", "Oman's Ministry of Foreign Affairs",
        "Ministry of Foreign Affairs – Oman". A nationality word in front of a ministry's name
        is not part of the name, so the same ministry gets one name in every article."""
        lexicon = self.lexicon
        words = text.split()
        first = lexicon.country_of_demonym(words[0]) or self._country(words[0])
        if first and len(words) > 1:
            rest = " ".join(words[1:])
            if fold(words[1]) in {"ministry", "department", "bureau", "office", "directorate"}:
                return first, rest
            return first, text
        start, end = item.start, item.end
        if start >= 2 and doc[start - 1].tag_ == "POS":
            code = self._nationality_at(doc[start - 2])
            if code:
                return code, text
        if end + 1 < len(doc) and doc[end].text in {"-", "–", "—", ","}:
            code = self._country(doc[end + 1].text)
            if code:
                return code, text
        return None, text

    @staticmethod
    def _is_locative(token: Token) -> bool:
        return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS and token.ent_type_ == "ORG" \
            and not token.text.isupper()

    # --- 3. what the tagger misses -------------------------------------------------------------

    def _nationality_at(self, token: Token) -> str | None:
        """The country a word names, or the place name it ends ("the United Kingdom's ministry")."""
        lexicon = self.lexicon
        code = lexicon.country_of_demonym(token.text) or lexicon.country_of_name(token.text)
        if code is None and token.ent_type_ == "GPE" and token.ent_iob_ == "I":
            start = token.i
            while start > 0 and token.doc[start].ent_iob_ == "I":
                start -= 1
            code = lexicon.country_of_name(token.doc[start : token.i + 1].text)
        return code

    def _country_after(self, doc: Doc, end: int) -> str | None:
        """ "the health ministry of Israel", "Ministry of Health of the United Kingdom"."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        start = end + 1 + (doc[end + 1].lower_ == "the")
        if start >= len(doc):
            return None
        stop = start + 1
        while stop < len(doc) and doc[stop].ent_iob_ == "I" and doc[start].ent_type_ == "GPE":
            stop += 1
        return self.lexicon.country_of_name(doc[start:stop].text)

    def _added(self, doc: Doc, found: list[Found], lowers: np.ndarray) -> list[Found]:
        """Actors named by a nationality and a noun ("Afghan security forces", "Qatar's foreign
        ministry") and organisations named before a kind noun ("the Jamiat-e-Watan party")."""
        lexicon = self.lexicon
        covered = {i for f in found for i in range(f.start, f.end)}
        by_start = {f.start: f for f in found}
        added: list[Found] = []
        for position in _positions(lowers, self._added_hashes):
            token = doc[position]
            low = token.lower_
            body_kind = lexicon.national_bodies.get(low)
            if low == "ministry" and token.i not in covered:
                item = self._ministry(doc, token, covered)
                if item is not None:
                    added.append(item)
                    covered.update(range(item.start, item.end))
                continue
            if body_kind is not None and token.i not in covered:
                item = self._national_body(doc, token, body_kind, by_start)
                if item is not None:
                    added.append(item)
                    covered.update(range(item.start, item.end))
                continue
            if token.i not in covered and token.text[:1].isupper() and not token.text.isupper() \
                    and token.pos_ in {"ADJ", "PROPN", "NOUN"}:
                code = lexicon.country_of_demonym(token.text)
                if code is not None:  # a nationality the tagger missed ("Tajikistani officials")
                    added.append(Found(token.i, token.i + 1, "NORP", kind="country", country=code, name=token.text))
                    covered.add(token.i)
                    continue
            described = lexicon.described_kind.get(low)
            if token.i > 1 and f"{fold(doc[token.i - 1].text)} {low}" in lexicon.described_kind:
                continue  # "the militant group": a description, read later
            if described is not None and token.i > 0:
                self._described_name(doc, token, described, found, added, covered)
        for item in added:
            for other in list(found):
                if item.start <= other.start and other.end <= item.end:
                    found.remove(other)
        return self._without_overlaps(found + added)

    def _national_body(self, doc: Doc, noun: Token, kind: str, by_start: dict[int, Found]) -> Found | None:
        lexicon = self.lexicon
        index = noun.i - 1
        needs_modifier = noun.lower_ == "personnel"
        saw_modifier = False
        while index >= 0 and fold(doc[index].text) in lexicon.national_body_modifiers:
            saw_modifier = True
            index -= 1
        if index < 0 or (needs_modifier and not saw_modifier):
            return None
        token = doc[index]
        if token.tag_ == "POS" and index > 0:  # "Afghanistan's army"
            index -= 1
            token = doc[index]
        code = self._nationality_at(token)
        if code is None:
            return None
        start = index
        item = by_start.get(index)
        if item is not None and item.end - 1 != index:
            return None  # a longer name ends elsewhere
        # "the US Central Command" is a named body, not "US forces"
        return Found(start, noun.i + 1, "ORG", kind=kind, country=code, name=doc[start : noun.i + 1].text,
                     kind_evidence="nationality")

    def _ministry(self, doc: Doc, noun: Token, covered: set[int]) -> Found | None:
        """ "Qatar's foreign ministry", "the Afghan foreign ministry" -> Ministry of Foreign Affairs."""
        lexicon = self.lexicon
        if noun.i == 0:
            return None
        portfolio = lexicon.ministries.get(fold(doc[noun.i - 1].text))
        if portfolio is None:
            return None
        index = noun.i - 2
        if index >= 0 and doc[index].tag_ == "POS":
            index -= 1
        code = self._nationality_at(doc[index]) if index >= 0 else None
        start = index if code else noun.i - 1
        if start in covered and not code:
            return None
        return Found(start, noun.i + 1, "ORG", kind="government", country=code,
                     name=f"Ministry of {portfolio}", kind_evidence="name cue")

    def _described_name(self, doc: Doc, noun: Token, kind: str, found: list[Found], added: list[Found],
                        covered: set[int]) -> None:
        """ "the Jamiat-e-Watan party": the capitalised words before a kind noun are a name."""
        index = noun.i - 1
        while index >= 0 and (doc[index].text[:1].isupper() or doc[index].text in {"-", "–"}) \
                and not doc[index].is_sent_start:
            index -= 1
        if doc[index].text[:1].isupper() and doc[index].is_sent_start:
            index -= 1
        start = index + 1
        if start >= noun.i:
            return
        start, end = self._trim(doc, start, noun.i)
        if start >= end or doc[start].text in {"-", "–"}:
            return
        for item in found:
            if item.start == start and item.end == end and item.label in {"ORG", "NAME?"}:
                if item.kind_evidence not in {"lexicon", "user"}:
                    item.kind, item.kind_evidence, item.label = kind, "described", "ORG"
                return
        if any(i in covered for i in range(start, end)):
            return
        text = doc[start:end].text
        if self.lexicon.country_of_demonym(text) or self._country(text) or not any(c.isalpha() for c in text):
            return
        if kind in {"military", "government"}:
            return  # "Panjshir forces", "Kabul government": places the geo stage reads
        if any(t.ent_type_ in PLACE_LABELS or t.ent_type_ == "PERSON" for t in doc[start:end]):
            return
        item = Found(start, end, "ORG", kind=kind, name=text, kind_evidence="described")
        added.append(item)
        covered.update(range(start, end))

    def _kinds_in_apposition(self, doc: Doc, found: list[Found]) -> None:
        """ "An international NGO active in the region, Medair, said ...",
        "the NRF, an armed group that ...": the noun phrase next to the name says its kind."""
        lexicon = self.lexicon
        for item in found:
            if item.label != "ORG" or item.kind_evidence in {"lexicon", "user", "described"}:
                continue
            kind = None
            if item.start >= 2 and doc[item.start - 1].text == ",":
                kind = self._kind_in_phrase(doc, range(item.start - 2, max(item.start - 10, -1), -1), backwards=True)
            end = item.end
            if kind is None and end + 1 < len(doc) and doc[end].text in {"(", "["} and end + 3 < len(doc):
                end += 3  # past "(NRF)"
            if kind is None and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in {"a", "an", "the"}:
                kind = self._kind_in_phrase(doc, range(end + 2, min(end + 8, len(doc))), backwards=False)
            if kind is not None:
                item.kind, item.kind_evidence = kind, "described"

    def _kind_in_phrase(self, doc: Doc, indexes: range, backwards: bool) -> str | None:
        lexicon = self.lexicon
        for index in indexes:
            token = doc[index]
            if token.is_punct or token.tag_ in {"VBD", "VBZ", "VBP", "MD"} or (token.pos_ == "VERB" and not backwards):
                break
            if token.pos_ not in {"NOUN", "PROPN"}:
                continue
            low = fold(token.text)
            pair = f"{fold(doc[index - 1].text)} {low}" if index > 0 else ""
            kind = lexicon.described_kind.get(pair) or lexicon.described_kind.get(low)
            if kind is not None:
                return kind
        return None

    # --- 4. titles --------------------------------------------------------------------------------

    def _titles(self, doc: Doc, found: list[Found]) -> tuple[dict[int, list[TitleReading]], list[Found], list]:
        """Titles next to each person mention (keyed by the mention's id()); the mentions inside
        a title are dropped; descriptions in apposition ("The Qatari special envoy ..., NAME")
        are paired with the person's mention."""
        titles: dict[int, list[TitleReading]] = {}
        consumed: set[int] = set()
        described: list[tuple[Found, Found]] = []
        for item in found:
            if item.label != "PERSON":
                continue
            sentence = doc[item.start].sent
            readings = [
                self.titles.before(doc, item.start, sentence.start),
                self.titles.apposition_before(doc, item.start, sentence.start),
                self.titles.apposition_after(doc, item.end, sentence.end),
            ]
            readings = [r for r in readings if r is not None]
            if readings:
                titles[id(item)] = readings
            for reading in readings:
                consumed.update(range(*reading.consumed))
                if reading.description is not None:
                    start, end = reading.description
                    start, _ = self._trim(doc, start, end)
                    described.append((Found(start, end, "DESCRIPTION", kind="person"), item))
        kept = []
        for item in found:
            inside = all(i in consumed for i in range(item.start, item.end))
            if inside and item.label in {"ORG", "NAME?", "GPE", "NORP"} and item.kind_evidence not in {"lexicon", "user", "described"}:
                continue
            kept.append(item)
        return titles, kept, described

    # --- 5. who is who within the article ---------------------------------------------------

    def _cluster(self, doc: Doc, found: list[Found], titles: dict[int, list[TitleReading]],
                 described: list[tuple[Found, Found]], lowers: np.ndarray) -> list[LocalEntity]:
        lexicon = self.lexicon
        groups: list[LocalEntity] = []
        people: list[LocalEntity] = []
        by_key: dict[str, LocalEntity] = {}
        for item in sorted(found, key=lambda f: f.start):
            if item.label == "PERSON":
                name = person_name(item.name, lexicon)
                if not name.words:
                    continue
                group = self._match_person(name, people)
                if group is None:
                    group = LocalEntity("person", [name.text], person=name, kind_evidence="ner")
                    people.append(group)
                    groups.append(group)
                elif len(name.words) > len(group.person.words):
                    group.person = name
                    group.names.insert(0, name.text)
                item.name = name.text
                group.add(item)
                for reading in titles.get(id(item), ()):
                    group.roles.append((reading.title, min(reading.start, item.start), max(reading.end, item.end)))
                    group.country = group.country or reading.country
            elif item.label in {"ORG", "GPE", "NORP"} and (item.kind or item.label == "ORG"):
                key = self._org_key(item)
                group = by_key.get(key)
                if group is None:
                    group = self._by_acronym(item, groups) or self._by_last_word(item, groups)
                if group is None:
                    group = LocalEntity(item.kind or "organisation", [item.known.name if item.known else item.name],
                                        country=item.country, known=item.known, kind_evidence=item.kind_evidence,
                                        article_only=item.article_only)
                    if item.label in {"GPE", "NORP"} and item.kind == "country":
                        group.fixed_id = f"country:{item.country.lower()}"
                        group.names = [lexicon.countries[item.country].name] if item.country in lexicon.countries \
                            else [item.name]
                    elif item.kind_evidence == "nationality":
                        group.fixed_id = f"{item.kind}:{item.country.lower()}"
                    groups.append(group)
                    by_key[key] = group
                    if item.known is not None:
                        for alias in (item.known.name, *item.known.aliases):
                            by_key.setdefault(self._org_key(item, alias), group)
                elif group.kind_evidence not in {"lexicon", "user"} and item.kind_evidence in {"lexicon", "user", "described"}:
                    group.kind, group.kind_evidence = item.kind, item.kind_evidence
                group.add(item)
                if item.written_as:
                    group.aliases.add(item.written_as)
                self._parenthesised_alias(doc, item, group, by_key)
        self._repeated_names(doc, found, people, by_key, lowers)
        for description, named in described:
            if named.group is not None:
                found.append(description)
                named.group.add(description)
        return groups

    def _match_person(self, name: PersonName, people: list[LocalEntity]) -> LocalEntity | None:
        matches = [p for p in people if same_person_name(name, p.person)]
        if not matches:
            return None
        if name.is_full:
            full = [p for p in matches if p.person.is_full]
            return (full or matches)[-1]
        return matches[-1]  # a surname: the latest person it fits

    @staticmethod
    def _org_key(item: Found, text: str | None = None) -> str:
        if item.label in {"GPE", "NORP"} and item.kind == "country":
            return f"country:{item.country}"
        if item.kind_evidence == "nationality":
            return f"{item.kind}:{item.country}"
        key = phrase_key(text or (item.known.name if item.known else item.name))
        if item.kind in {"government", "military"} and item.country:
            return f"{item.country}:{key}"
        return key

    def _by_acronym(self, item: Found, groups: list[LocalEntity]) -> LocalEntity | None:
        """ "NRF" after "National Resistance Front": an acronym of an earlier name."""
        text = item.name
        if not (ACRONYM.match(text) and text.isupper()):
            return None
        for group in reversed(groups):
            if group.kind in {"person", "country"}:
                continue
            if text in group.aliases:
                return group
            for name in group.names:
                words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
                if len(words) >= 2 and "".join(w[0] for w in words) == text:
                    return group
        return None

    def _by_last_word(self, item: Found, groups: list[LocalEntity]) -> LocalEntity | None:
        """ "EMERGENCY" after "International Emergency": the distinctive word of an earlier name."""
        if item.label != "ORG" or len(item.name.split()) != 1 or item.kind_evidence in {"lexicon", "user"}:
            return None
        word = fold(item.name)
        if self.lexicon.kind_from_name(word) is not None:
            return None  # "the Front", "the Ministry": too general to stand for one name
        for group in reversed(groups):
            if group.kind in {"person", "country"} or group.fixed_id:
                continue
            if any(len(n.split()) >= 2 and fold(n.split()[-1]) == word for n in group.names):
                return group
        return None

    @staticmethod
    def _parenthesised_alias(doc: Doc, item: Found, group: LocalEntity, by_key: dict[str, LocalEntity]) -> None:
        """ "National Resistance Front (NRF)", "US Central Command [CENTCOM]"."""
        end = item.end
        if end + 2 < len(doc) and doc[end].text in {"(", "["} and doc[end + 2].text in {")", "]"}:
            alias = doc[end + 1].text
            if ACRONYM.match(alias) and alias.isupper() and alias != item.name:
                group.aliases.add(alias)
                by_key.setdefault(phrase_key(alias), group)

    def _repeated_names(self, doc: Doc, found: list[Found], people: list[LocalEntity],
                        by_key: dict[str, LocalEntity], lowers: np.ndarray) -> None:
        """Surnames and acronyms the tagger missed or mislabelled ("Hekmatyar, a former prime
        minister, said", "said Mohib"), matched against the names this article gives."""
        surnames: dict[str, LocalEntity | None] = {}
        for person in people:
            if not person.person.is_full:
                continue
            surname = person.person.words[-1]
            surnames[surname] = person if surnames.get(surname, person) is person else None
        covered = {i for f in found if f.label != "NAME?" for i in range(f.start, f.end)}
        for item in list(found):
            if item.label == "NAME?":
                person = surnames.get(fold(item.name))
                found.remove(item)
                if person is not None:
                    found.append(Found(item.start, item.end, "PERSON", kind="person", name=item.name))
                    person.add(found[-1])
                    covered.add(item.start)
        if not surnames and not any(g.aliases for g in by_key.values()):
            return
        words = {w.lower() for p in people for n in p.names for w in n.split()[-1:]} | set(surnames)
        words |= {a.lower() for g in by_key.values() for a in g.aliases}
        for position in _positions(lowers, _hashes(words)):
            token = doc[position]
            if token.i in covered or not token.text[:1].isupper() or token.pos_ not in {"PROPN", "NOUN", "ADJ"}:
                continue
            person = surnames.get(fold(token.text))
            if person is not None and token.ent_type_ not in PLACE_LABELS:
                item = Found(token.i, token.i + 1, "PERSON", kind="person", name=token.text)
                found.append(item)
                person.add(item)
                continue
            group = by_key.get(phrase_key(token.text)) if token.text.isupper() and len(token.text) > 1 else None
            if group is not None and token.text in group.aliases:
                item = Found(token.i, token.i + 1, "ORG", kind=group.kind, name=token.text)
                found.append(item)
                group.add(item)

    # --- 6. descriptions ---------------------------------------------------------------------

    def _descriptions(self, doc: Doc, found: list[Found], lowers: np.ndarray) -> None:
        """ "the group", "the militant group", "the envoy": the latest matching actor before."""
        lexicon = self.lexicon
        covered = {i for f in found for i in range(f.start, f.end)}
        ordered = sorted((f for f in found if f.group is not None), key=lambda f: f.start)
        for position in _positions(lowers, self._description_hashes):
            token = doc[position]
            low = token.lower_
            is_group = low in lexicon.group_nouns
            is_title = not is_group and self.titles._is_head(token) and token.tag_ in {"NN", "NNP"}
            if not (is_group or is_title) or token.i in covered or token.i == 0:
                continue
            if token.i + 1 < len(doc) and (doc[token.i + 1].lower_ == "of" or doc[token.i + 1].pos_ == "PROPN"):
                continue  # "the group of ...", "the envoy Mutlaq ...": not a description on its own
            index = token.i - 1
            adjectives = []
            while index >= 0 and doc[index].lower_ not in {"the", "this", "that"} and (
                    doc[index].pos_ in {"ADJ", "NOUN", "PROPN"} and token.i - index <= 3):
                adjectives.append(doc[index])
                index -= 1
            if index < 0 or doc[index].lower_ not in {"the", "this", "that"}:
                continue
            if any(i in covered for i in range(index, token.i)):
                continue
            if is_group:
                armed = any(fold(a.text) in lexicon.armed_adjectives for a in adjectives)
                allowed = {"armed_group"} if armed else {"armed_group", "political_party", "ngo", "organisation"}
                target = self._latest(ordered, token.i, lambda g: g.kind in allowed)
            else:
                head = fold(token.text)
                nationality = next((lexicon.country_of_demonym(a.text) for a in adjectives
                                    if lexicon.country_of_demonym(a.text)), None)
                target = self._latest(ordered, token.i, lambda g: g.kind == "person" and any(
                    head in fold(title) for title, _, _ in g.roles) and (nationality is None or g.country in {None, nationality}))
            if target is not None:
                item = Found(index, token.i + 1, "DESCRIPTION", kind=target.kind)
                found.append(item)
                target.add(item)
                covered.update(range(index, token.i + 1))

    @staticmethod
    def _latest(ordered: list[Found], before: int, fits) -> LocalEntity | None:
        for item in reversed(ordered):
            if item.start >= before:
                continue
            if item.group is not None and fits(item.group):
                return item.group
        return None

    def _surnames_taken_for_organisations(self, doc: Doc, found: list[Found]) -> None:
        """ "Campbell, 42, was resisting arrest", "Critchfield was accused" after "Carla
        Critchfield": one word the tagger called an organisation, with no cue and not in the
        lexicon, is a person when an age follows it or when it is the surname of a person the
        article names in full."""
        surnames = {fold(f.name.split()[-1]) for f in found if f.label == "PERSON" and len(f.name.split()) >= 2}
        for item in found:
            if item.label != "ORG" or item.kind is not None or item.known is not None or item.end - item.start != 1:
                continue
            end = item.end
            aged = end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num \
                and doc[end + 1].text.isdigit() and int(doc[end + 1].text) <= 120 and doc[end + 2].text == ","
            if aged or fold(item.name) in surnames:
                item.label, item.kind = "PERSON", "person"

    def _generic_bodies(self, doc: Doc, found: list[Found]) -> None:
        """"the Ministry of Health" with no country in its name is the one the article gave a
        country before ("China's Ministry of Health"), else the ministry of the country the article
        names most (the only one named, or at least twice and twice as often as any other: a
        round-up of many countries gives none); with none, this article's own."""
        lexicon = self.lexicon
        bodies = [f for f in found if f.label == "ORG" and f.kind in {"government", "military"}
                  and f.known is None and f.kind_evidence not in {"user", "lexicon"} and lexicon.is_generic_body(f.name)]
        for item in bodies:
            name = lexicon.ministry_name(item.name)
            if name != item.name:
                item.written_as, item.name = item.name, name
        bodies = [f for f in bodies if not f.country]
        if not bodies:
            return
        counts: dict[str, int] = {}
        for item in found:
            if item.kind == "country" and item.country:
                counts[item.country] = counts.get(item.country, 0) + 1
        ranked = sorted(counts.items(), key=lambda pair: -pair[1])
        country = ranked[0][0] if ranked and (len(ranked) == 1 or (ranked[0][1] >= 2 and ranked[0][1] >= 2 * ranked[1][1])) \
            else None
        given = {phrase_key(lexicon.ministry_name(f.name)): f.country for f in found
                 if f.label == "ORG" and f.kind in {"government", "military"} and f.country}
        for item in bodies:
            country_here = self._country_after(doc, item.end) or given.get(phrase_key(item.name), country)
            if country_here is not None:
                item.country = country_here
            else:
                item.article_only = True

    # --- 7. countries only where they act -----------------------------------------------------

    @staticmethod
    def _acts(doc: Doc, item: Found) -> bool:
        root = doc[item.start : item.end].root
        dep = root.dep_
        if dep == "conj":
            dep = root.head.dep_
        if dep in ACTOR_DEPS:
            return True
        if dep == "pobj" and root.head.lower_ in {"by", "with", "against", "between"}:
            return True
        # "Atlanta, Georgia": a region after its town, as addresses are written, does not act
        return dep == "appos" and not (root.head.ent_type_ in PLACE_LABELS and root.head.i < root.i)

    # --- the whole reading -----------------------------------------------------------------------

    def read(self, doc: Doc, text: str | None = None) -> ArticleMentions:
        shouting = is_shouting(text_of(doc) if text is None else text)
        found = self._candidates(doc, shouting)
        found = self._repair(doc, found)
        lowers = doc.to_array("LOWER") if len(doc) else np.zeros(0, dtype=np.uint64)
        found = self._added(doc, found, lowers)
        self._kinds_in_apposition(doc, found)
        titles, found, described = self._titles(doc, found)
        self._surnames_taken_for_organisations(doc, found)
        self._generic_bodies(doc, found)
        # countries appear as actors only where they act; nationalities always
        found = [f for f in found if not (f.label == "GPE" and not self._acts(doc, f))]
        groups = self._cluster(doc, found, titles, described, lowers)
        self._descriptions(doc, found, lowers)
        kept = [f for f in found if f.label != "NAME?"]
        kept.sort(key=lambda f: f.start)
        return ArticleMentions(kept, [g for g in groups if g.mentions])
