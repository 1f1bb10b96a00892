"""Toponym recognition: which words in an article name places.

Three sources, merged (longer spans win):
- spaCy's entities GPE, LOC and FAC from the shared pipeline (FAC only when it names an
  airfield, a feature or a place the gazetteer knows: "the White House" is not a toponym
  we can place, "Kabul Airport" is);
- names with feature words, from ``feature_words.yaml``: "Khawak Pass", "Panjshir Valley",
  "Laurel County", "the village of Anabah";
- capitalised names the NER missed or mislabelled that the gazetteer knows as a country, a
  region or a sizeable town, when nothing around them says person or organisation ("Gainesville
  police said" is a place; "Paris Hilton" is not). In all-caps text, where the NER is blind,
  this scan is the main source.

Demonyms and adjectives ("Afghan", "Qatari") are found too but marked ``demonym=True``: they
are not places in dateline's output (``find_places`` drops them); the LGL corpus counts them
as toponyms, so its scorer asks for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc

from dateline.geo.gazetteer import Gazetteer, name_key

FEATURE_WORDS_PATH = Path(__file__).resolve().parent / "feature_words.yaml"
PLACE_LABELS = ("GPE", "LOC", "FAC")
# words that make a capitalised name an organisation or a person, not a place, when they follow
# it ("Georgia Power", "Kabul University", "Texas Rangers")
NOT_PLACE_NEXT = {
    "university", "college", "school", "academy", "institute", "hospital", "bank", "company",
    "corp", "inc", "ltd", "group", "party", "times", "post", "news", "tribune", "herald",
    "journal", "gazette", "daily", "press", "radio", "tv", "television", "power", "energy",
    "airlines", "airways", "rangers", "tech", "state", "council", "ministry", "department",
    "police", "army", "club", "fc", "united", "city", "street", "st", "avenue", "ave", "road",
    "rd", "boulevard", "blvd", "drive", "lane", "highway", "church", "mosque", "cathedral",
    "hall", "center", "centre", "stadium", "park", "mall", "hotel", "foundation", "association",
    "commission", "committee", "board", "court", "office", "agency", "service", "services",
    "legislature", "assembly", "senate", "house", "republicans", "democrats", "bulldogs",
}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "president", "judge"}


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    source: str  # "ner:GPE", "ner:LOC", "ner:FAC", "feature-word", "gazetteer-scan", "demonym"
    kind: str | None = None  # feature-class hint from a feature word: A, P, T, H, S, L
    demonym: bool = False
    feature_word: str | None = None  # "Pass", "province", "village of" ...


@dataclass(frozen=True)
class FeatureWords:
    after: tuple[tuple[str, str, str], ...]  # (word, kind, example)
    before: tuple[tuple[str, str, str], ...]  # (phrase, kind, example)


@lru_cache(maxsize=1)
def feature_words() -> FeatureWords:
    data = yaml.safe_load(FEATURE_WORDS_PATH.read_text(encoding="utf-8"))
    return FeatureWords(
        tuple((e["word"], e["kind"], e["example"]) for e in data["after_name"]),
        tuple((e["phrase"], e["kind"], e["example"]) for e in data["before_name"]),
    )


_NAME = r"[A-Z][\w’'\-]*(?:\.[A-Z]\.?)?"
_NAME_RUN = rf"{_NAME}(?:\s+(?:al-|el-|de\s|of\s)?{_NAME}){{0,3}}"


@lru_cache(maxsize=1)
def _feature_patterns() -> tuple[list[tuple[re.Pattern, str, str]], list[tuple[re.Pattern, str, str]]]:
    words = feature_words()
    after = []
    for word, kind, _ in words.after:
        after.append((re.compile(rf"\b((?:{_NAME}\s+){{1,3}}){re.escape(word)}\b"), kind, word))
    before = []
    for phrase, kind, _ in words.before:
        before.append(
            (re.compile(rf"\b{re.escape(phrase)}\s+(?:the\s+)?({_NAME_RUN})(?:\s*(?:,|and)\s+({_NAME_RUN}))?"), kind, phrase)
        )
    return after, before


def recognize_toponyms(
    doc: Doc, gazetteer: Gazetteer, include_demonyms: bool = False
) -> list[Toponym]:
    """The toponyms of a parsed text, in text order, without overlaps."""
    text = doc.text
    found: list[Toponym] = []
    found += _from_entities(doc, gazetteer)
    found += _from_feature_words(text)
    found += _from_gazetteer_scan(doc, gazetteer)
    if include_demonyms:
        found += _demonyms(doc, gazetteer)
    return _without_overlaps(found)


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading "the", a possessive and punctuation from an entity span."""
    piece = text[start:end]
    lead = re.match(r"(?:the|The|THE)\s+", piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    tail = re.search(r"(?:['’]s|['’]|[\s.,;:]+)$", piece)
    if tail and not re.search(r"\b[A-Z]\.(?:[A-Z]\.)*$", piece):  # keep "U.S." and "D.C." whole
        end -= len(tail.group(0))
    return start, end


def _from_entities(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    text = doc.text
    after_words = {w for w, _, _ in feature_words().after}
    kinds = {w: k for w, k, _ in feature_words().after}
    found = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _clean_span(text, ent.start_char, ent.end_char)
        if end <= start:
            continue
        # extend over a feature word the NER left out: "Panjshir" + " Valley"
        following = re.match(r"\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|province|district|county|region)\b", text[end:])
        kind = None
        feature = None
        if following and following.group(1) in after_words:
            feature = following.group(1)
            kind = kinds[feature]
            end += following.end()
        name = text[start:end]
        last_word = name.split()[-1] if name.split() else ""
        if last_word in after_words and feature is None:
            feature = last_word
            kind = kinds[last_word]
        if ent.label_ == "FAC" and feature is None and not gazetteer.candidates(name, allow_skeleton=False):
            continue
        found.append(Toponym(start, end, name, f"ner:{ent.label_}", kind, feature_word=feature))
    return found


def _from_feature_words(text: str) -> list[Toponym]:
    after, before = _feature_patterns()
    found = []
    for pattern, kind, word in after:
        for match in pattern.finditer(text):
            words = match.group(1).split()
            # drop sentence-initial or function capitals: "The Khawak Pass" -> "Khawak Pass"
            while words and words[0].lower() in ("the", "a", "an", "in", "at", "on", "of", "from", "to", "near"):
                words = words[1:]
            if not words:
                continue
            name = " ".join(words) + " " + word
            end = match.end()
            start = end - len(name)
            if text[start:end] != name:
                continue
            found.append(Toponym(start, end, name, "feature-word", kind, feature_word=word))
    for pattern, kind, phrase in before:
        for match in pattern.finditer(text):
            for group in (1, 2):
                if match.group(group):
                    start, end = match.span(group)
                    start, end = _clean_span(text, start, end)
                    found.append(Toponym(start, end, text[start:end], "feature-word", kind, feature_word=phrase))
    return found


def _is_mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _from_gazetteer_scan(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Capitalised words the gazetteer knows as a country, region or town of some size."""
    upper = _is_mostly_upper(doc.text)
    taken = [(e.start, e.end) for e in doc.ents if e.label_ in PLACE_LABELS]
    person_or_org = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC", "NORP"):
            for i in range(ent.start, ent.end):
                person_or_org[i] = ent
    found = []
    i = 0
    tokens = list(doc)
    while i < len(tokens):
        token = tokens[i]
        if any(s <= i < e for s, e in taken) or not (token.text[:1].isupper()) or token.is_sent_start and not upper and token.pos_ != "PROPN":
            i += 1
            continue
        matched = False
        for length in (3, 2, 1):
            if i + length > len(tokens):
                continue
            span = doc[i : i + length]
            if not all(t.text[:1].isupper() or t.text in ("-", "of", "de", "el", "al") for t in span):
                continue
            if span[-1].text in ("-", "of", "de", "el", "al"):
                continue
            accepted = _known_place(span.text, gazetteer, upper)
            if not accepted:
                continue
            ent = person_or_org.get(i)
            if ent is not None and not upper:
                # inside a person's or organisation's name: a place only when the whole entity
                # is the place name (spaCy calling "Gainesville" an ORG)
                if not (ent.start == i and ent.end == i + length and ent.label_ in ("ORG", "PERSON", "FAC")):
                    break
                if ent.label_ == "PERSON" and accepted != "major":
                    break
            after = tokens[i + length] if i + length < len(tokens) else None
            before = tokens[i - 1] if i > 0 else None
            if after is not None and after.text.lower().strip(".") in NOT_PLACE_NEXT and not upper:
                break
            if before is not None and before.text.lower().strip(".") in HONORIFICS:
                break
            if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN" and not upper and accepted != "major":
                break  # part of a longer name the gazetteer does not know
            found.append(Toponym(span.start_char, span.end_char, span.text, "gazetteer-scan"))
            i += length
            matched = True
            break
        if not matched:
            i += 1
    return found


def _known_place(name: str, gazetteer: Gazetteer, upper: bool) -> str | None:
    """"major" for countries, first-order regions and big cities, "town" for towns of some size,
    None for names the scan should leave alone (every capitalised word is some hamlet)."""
    if len(name) < 3 or name.lower() in _COMMON_WORDS:
        return None
    best = None
    for candidate in gazetteer.candidates(name, allow_skeleton=False):
        entry = candidate.entry
        if candidate.match == "abbreviation" and not (name.isupper() or "." in name):
            continue
        if entry.feature_code in ("PCLI", "PCLD", "PCLS", "ADM1", "CONT", "RGN") or entry.population >= 100_000:
            return "major"
        if entry.population >= 5_000 or entry.feature_code in ("ADM2", "AIRP", "AIRB"):
            best = "town"
    return None if upper else best


# words that are also names of places somewhere but in news are mostly something else
_COMMON_WORDS = {
    "police", "man", "city", "state", "county", "north", "south", "east", "west", "central",
    "university", "national", "federal", "american", "obama", "bush", "president", "church",
    "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "mr", "mrs", "the", "this", "that", "there", "here", "he", "she",
    "they", "we", "it", "in", "on", "at", "by", "for", "and", "but", "or", "if", "so", "as",
    "a", "an", "of", "to", "new", "old", "day", "time", "god", "jesus", "christ", "lord",
    "home", "people", "news", "taliban", "islam", "islamic", "republic", "government", "can",
    "will", "said", "says", "also", "after", "before", "during", "while", "when", "where",
    "senate", "house", "congress", "court", "union", "victoria", "florence", "eugene", "marion",
    "jackson", "lincoln", "washington", "clinton", "madison", "warren", "franklin", "hamilton",
    "jefferson", "monroe", "lafayette", "sherman", "chase", "mobile", "reading", "bath",
    "nice", "split", "of", "friendship", "hope", "liberty", "independence", "unity", "union",
    "emergency", "center", "centre", "un", "eu", "nato", "cnn",
}


def _demonyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    found = []
    for token in doc:
        if token.text[:1].isupper() and gazetteer.demonyms.get(_demonym_key(token.text)):
            found.append(Toponym(token.idx, token.idx + len(token.text), token.text, "demonym", demonym=True))
    return found


def _demonym_key(word: str) -> str:
    return name_key(word)


def _without_overlaps(found: list[Toponym]) -> list[Toponym]:
    priority = {"feature-word": 0, "ner:GPE": 1, "ner:LOC": 1, "ner:FAC": 2, "gazetteer-scan": 3, "demonym": 4}
    ordered = sorted(found, key=lambda t: (-(t.end - t.start), priority.get(t.source, 9), t.start))
    kept: list[Toponym] = []
    for toponym in ordered:
        if any(toponym.start < k.end and k.start < toponym.end for k in kept):
            continue
        kept.append(toponym)
    return sorted(kept, key=lambda t: t.start)


def toponym_from_span(text: str, start: int, end: int, gazetteer: Gazetteer) -> Toponym:
    """A toponym for a span someone else marked (a user, a gold corpus): its feature word,
    and whether it is a demonym rather than a name."""
    name = text[start:end]
    words = feature_words()
    for word, kind, _ in words.after:
        if name.endswith(" " + word):
            return Toponym(start, end, name, "given", kind, feature_word=word)
    key = name_key(name)
    if gazetteer.demonyms.get(key) and not gazetteer.names.get(key):
        return Toponym(start, end, name, "given", demonym=True)
    before = text[max(0, start - 20) : start].lower()
    for phrase, kind, _ in words.before:
        if before.rstrip().endswith(phrase) or before.rstrip().endswith(phrase + " the"):
            return Toponym(start, end, name, "given", kind, feature_word=phrase)
    return Toponym(start, end, name, "given")
