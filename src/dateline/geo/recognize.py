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
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc

from dateline.geo.gazetteer import Gazetteer, name_key
from dateline.nlp import ents_of, text_of

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
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "of", "outside", "into", "through", "around", "across", "toward", "towards"}
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "president", "judge",
    "coach", "mayor", "sheriff", "officer", "deputy", "detective", "trooper", "pastor", "rev", "reverend",
    "attorney", "councilman", "councilwoman", "commissioner", "superintendent", "principal", "professor",
    "prof", "senator", "governor", "sergeant", "lieutenant", "captain", "corporal", "private", "chairman",
}


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
    streets: tuple[tuple[str, str], ...] = ()  # (word, example)
    not_place_phrases: tuple[tuple[str, str], ...] = ()  # (phrase, example)
    person_age_examples: tuple[tuple[str, str], ...] = ()  # (name, example)
    possessive_examples: tuple[str, ...] = ()  # sentences whose "X's <word>" names no place
    vehicle_makes: tuple[str, ...] = ()  # "Dodge", "Chevy": the capitalised words after one name a model
    vehicle_model_examples: tuple[tuple[str, str], ...] = ()  # (model, example)
    middle_initial_examples: tuple[tuple[str, str], ...] = ()  # (surname, example)
    named_again_examples: tuple[tuple[str, str], ...] = ()  # (name, example)
    kin_nouns: tuple[str, ...] = ()  # "wife", "son": "his wife, Amelia," names a person
    person_kin_examples: tuple[tuple[str, str], ...] = ()  # (name, example)


@lru_cache(maxsize=1)
def feature_words() -> FeatureWords:
    data = yaml.safe_load(FEATURE_WORDS_PATH.read_text(encoding="utf-8"))
    return FeatureWords(
        tuple((e["word"], e["kind"], e["example"]) for e in data["after_name"]),
        tuple((e["phrase"], e["kind"], e["example"]) for e in data["before_name"]),
        tuple((e["word"], e["example"]) for e in data.get("street_words", ())),
        tuple((e["phrase"], e["example"]) for e in data.get("not_place_phrases", ())),
        tuple((e["name"], e["example"]) for e in data.get("person_age_examples", ())),
        tuple(data.get("possessive_examples", ())),
        tuple(data.get("vehicle_makes", ())),
        tuple((e["model"], e["example"]) for e in data.get("vehicle_model_examples", ())),
        tuple((e["name"], e["example"]) for e in data.get("middle_initial_examples", ())),
        tuple((e["name"], e["example"]) for e in data.get("named_again_examples", ())),
        tuple(data.get("kin_nouns", ())),
        tuple((e["name"], e["example"]) for e in data.get("person_kin_examples", ())),
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


@lru_cache(maxsize=1)
def _street_pattern() -> re.Pattern:
    words = "|".join(re.escape(w) for w, _ in feature_words().streets)
    # an optional compass abbreviation ("W. Bridge St."), one to three names, the street word,
    # a route number after "Highway" or "Road" ("State Highway 360"); not followed by another
    # capitalised word ("Wall Street Journal", "St. Louis")
    return re.compile(
        rf"\b((?:[NSEW]\.\s+)?(?:{_NAME}\s+){{1,3}})({words})(?:\s+\d+[A-Z]?\b)?(?!\w)(?!\s+[A-Z][a-z])"
    )


def recognize_toponyms(
    doc: Doc, gazetteer: Gazetteer, include_demonyms: bool = False
) -> list[Toponym]:
    """The toponyms of a parsed text, in text order, without overlaps."""
    text = text_of(doc)
    found: list[Toponym] = []
    found += _from_entities(doc, gazetteer)
    found += _from_feature_words(text)
    found += _from_gazetteer_scan(doc, gazetteer)
    if include_demonyms:
        found += _demonyms(doc, gazetteer)
    models = vehicle_models(text)
    kept = [_in_a_list_of_counties(t, text) for t in _without_overlaps(found) if not _only_a_region_word(t.text)
            and not begins_a_not_place_phrase(t, text) and not names_a_person_by_age(t, text)
            and not names_a_person_by_kin(t, text) and not _led_by_a_word_of_government(t, gazetteer)
            and not names_a_vehicle(t, text, models)]
    return sorted(kept + _named_again(doc, kept, gazetteer), key=lambda t: t.start)


# words of government that open the name of an office, a court or a body, not of a place: "87th
# State District Judge", "the County Judges and Clerks Association", "the City Hall"
# (feature_words.yaml: government_words)
GOVERNMENT_WORDS = frozenset(
    w.lower() for w in yaml.safe_load(FEATURE_WORDS_PATH.read_text(encoding="utf-8"))["government_words"])


def _led_by_a_word_of_government(toponym: Toponym, gazetteer: Gazetteer) -> bool:
    """A name the gazetteer lacks whose first word is a word of government ("State District",
    "County Judges") names an office, a court or a body, not a place; a known name keeps its
    place ("City of London" is known; "Washington County" does not begin with one), and so does a
    road ("County Road 12", "State Route 9")."""
    words = toponym.text.split()
    return len(words) > 1 and words[0].lower() in GOVERNMENT_WORDS and not toponym.demonym \
        and not _STREET.search(toponym.text) and not re.search(r"\b(?:Route|Rte\.?|Line)\b", toponym.text) \
        and not gazetteer.candidates(toponym.text, allow_skeleton=False)


def _in_a_list_of_counties(toponym: Toponym, text: str) -> Toponym:
    """ "in Marion and Lake counties", "Otter Tail, Becker and Clay counties": each name of a
    list closed by the plural "counties" or "parishes" is a county's (or parish's) name, not the
    town of that name (the resolver looks the county up: geo.resolve._lookup_any); as a span
    given by a gold corpus is read (``toponym_from_span``)."""
    if toponym.demonym or toponym.feature_word:
        return toponym
    word = _county_word_of_a_list(text, toponym.end)
    return replace(toponym, kind="A", feature_word=word) if word else toponym


def _named_again(doc: Doc, found: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """ "lost in the mountains of Tusheti ... a group touring around Tusheti", "climb the
    mountain of Kazbek ... fell to his death on Kazbek": a name the text has named as a place
    (by the NER or a feature word) names that place when it stands alone again, where the NER
    gave it another label. Only names the gazetteer lacks (the scan reads the others, with its
    own tests) and not a word of someone's name or of a longer capitalised name
    (feature_words.yaml: named_again_examples)."""
    text = text_of(doc)
    names = {t.text: t for t in found if t.source in {"ner:GPE", "ner:LOC", "feature-word"} and t.kind != "R"
             and not t.demonym and not gazetteer.candidates(t.text, allow_skeleton=False)}
    if not names:
        return []
    people = _person_words(doc, gazetteer) | _single_names(doc) | _after_honorifics(doc)
    taken = [(t.start, t.end) for t in found]
    again = []
    for name, first in names.items():
        if any(word in people for word in name.split()):
            continue
        for start, end in _standalone(name, text):
            if any(start < e and s < end for s, e in taken):
                continue
            words = doc.char_span(start, end, alignment_mode="expand")
            if words is None or _inside_a_longer_name(doc, words):
                continue
            again.append(Toponym(start, end, name, "named-again", first.kind, feature_word=first.feature_word))
            taken.append((start, end))
    return again


def _standalone(name: str, text: str) -> Iterator[tuple[int, int]]:
    r"""The spans where ``name`` stands as written, not inside a longer word: what
    ``re.finditer(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w-])", text)`` finds, without
    compiling a pattern for every name of every article (each new one missed re's cache)."""
    start = text.find(name) if name else -1
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not _joins(before, "’'-") and not _joins(after, "-"):
            yield start, end
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)


def _joins(char: str, marks: str) -> bool:
    """Whether a character next to a name makes it part of a longer word: re's \\w (a letter, a
    digit, an underscore) or one of ``marks``."""
    return bool(char) and (char.isalnum() or char == "_" or char in marks)


def _inside_a_longer_name(doc: Doc, words) -> bool:
    """ "Tusheti Trekking Club": a capitalised word joined before or after makes the name
    another one (not a sentence's first word before it)."""
    before = doc[words.start - 1] if words.start > 0 else None
    after = doc[words.end] if words.end < len(doc) else None
    joined_before = before is not None and before.text[:1].isupper() and not before.is_sent_start \
        and before.is_alpha
    joined_after = after is not None and after.text[:1].isupper() and after.is_alpha and not after.is_sent_start
    return joined_before or joined_after


@lru_cache(maxsize=1)
def _vehicle_pattern() -> re.Pattern:
    makes = "|".join(re.escape(m) for m in feature_words().vehicle_makes)
    places = "|".join(re.escape(w) for w, _, _ in feature_words().after)
    # the make, then one or two capitalised words that are not a kind of place ("Dodge City")
    return re.compile(rf"\b({makes})\s+(?!(?:{places})\b)([A-Z][\w-]+(?:\s+(?!(?:{places})\b)[A-Z][\w-]+)?)")


def vehicle_models(text: str) -> set[str]:
    """The models the text names after a make ("a red Chevy Tahoe": "Tahoe"), with the first word
    of a two-word one ("Grand Prix", "Grand"): feature_words.yaml, vehicle_makes."""
    models = set()
    for match in _vehicle_pattern().finditer(text):
        models.add(match.group(2))
        models.add(match.group(2).split()[0])
    return models


def names_a_vehicle(toponym: Toponym, text: str, models: set[str]) -> bool:
    """The name is a vehicle's model the article names after its make, or a make before its
    model: "a Dodge Durango" and "the Durango pulled up" name no Durango, Colorado."""
    if not models:
        return False
    if toponym.text in models:
        return True
    match = _vehicle_pattern().match(text, toponym.start)
    return bool(match) and match.group(1) == toponym.text


def begins_a_not_place_phrase(toponym: Toponym, text: str) -> bool:
    """ "Superior Court Judge Ann Reed": the name begins the name of a kind of court, not a
    town's (feature_words.yaml: not_place_phrases)."""
    said = " ".join(text[toponym.start:toponym.end + 40].split()).casefold()
    return any(re.match(re.escape(phrase.casefold()) + r"\b", said) for phrase, _ in feature_words().not_place_phrases)


# a comma, an age and what may follow an age in an apposition: "Maddie, 7, and Owen, 3", "Austin, 19, of"
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*(?:,|;|\)|\.|\band\b|$)")


@lru_cache(maxsize=1)
def _kin_before() -> re.Pattern:
    words = "|".join(sorted((re.escape(w) for w in feature_words().kin_nouns), key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{words}),\s*$")


def names_a_person_by_kin(toponym: Toponym, text: str) -> bool:
    """ "his wife, Amelia, who was ...": a name set off by a comma right after a word of kin is
    the relative's name (feature_words.yaml: kin_nouns, person_kin_examples)."""
    return bool(_kin_before().search(text[max(0, toponym.start - 20) : toponym.start])) \
        and bool(re.match(r"\s*(?:,|\.|\band\b|\bwho\b|\bwas\b|\bis\b)", text[toponym.end : toponym.end + 6]))


def names_a_person_by_age(toponym: Toponym, text: str) -> bool:
    """ "his children, Dallas, 8, and Tyler, 5": a name followed by an age is a person
    (feature_words.yaml: person_age_examples). Not a distance ("Highway 10, 5 miles west")."""
    return bool(_AGE_AFTER.match(text, toponym.end))


def _only_a_region_word(name: str) -> bool:
    """ "Vanderburgh, Ind., County prosecutors": the word of a kind of region standing alone
    ("County", "Province", "State") is the rest of a name split by the text, no place of its own
    (feature_words.yaml: the after_name words of kind A)."""
    return name.strip().casefold() in {w.casefold() for w, kind, _ in feature_words().after if kind == "A"}


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading "the", a possessive and punctuation from an entity span."""
    piece = text[start:end]
    lead = re.match(r"(?:the|The|THE)\s+", piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    tail = re.search(r"(?:['’]s|['’]|[\s.,;:]+)$", piece)
    # keep abbreviations whole: "U.S.", "D.C.", "La.", "Calif."
    if tail and not re.search(r"(?:\b[A-Z]\.(?:[A-Z]\.)*|^[A-Z][A-Za-z]{0,5}\.)$", piece):
        end -= len(tail.group(0))
    return start, end


def _from_entities(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    text = text_of(doc)
    after_words = {w for w, _, _ in feature_words().after}
    kinds = {w: k for w, k, _ in feature_words().after}
    people = _person_words(doc)
    found = []
    for ent in ents_of(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _clean_span(text, ent.start_char, ent.end_char)
        if end <= start:
            continue
        start = _known_longer_start(doc, ent, start, end, gazetteer)
        # extend over a feature word the NER left out: "Panjshir" + " Valley"
        following = re.match(r"\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|province|district|county|region)\b", text[end:])
        kind = None
        feature = None
        if following and following.group(1) in after_words:
            feature = following.group(1)
            kind = kinds[feature]
            end += following.end()
        if kind is None and _STATE_AFTER.match(text, end):
            kind = "A"  # "Washington state", "New York state": the state, not the city
        name = text[start:end]
        last_word = name.split()[-1] if name.split() else ""
        if last_word in after_words and feature is None:
            feature = last_word
            kind = kinds[last_word]
        known = bool(gazetteer.candidates(name, allow_skeleton=False))
        if ent.label_ == "FAC" and feature is None and not known and not _STREET.search(name):
            continue
        if not known and feature is None and _looks_like_person(doc, ent, people):
            continue
        # one word the NER calls a place that no gazetteer knows and no preposition introduces
        # ("Petrojet", "Baha'i", "meth", "Danielle, 24,"): mostly not a place (LGL: 1 in 4 is)
        if name.lower() in _COMPASS:
            continue  # "the North", "out West": a direction, not a place we can put on the map
        if name.isalpha() and name.islower():
            continue  # a common noun the NER took for a place ("in the metro", "across the state"): no name
        if re.search(r"\s(?:of|and|the|Day)$", name):
            continue  # a span the NER cut short ("City of"), or a holiday ("St. Patrick's Day")
        if not known and feature is None and ent.label_ in ("GPE", "LOC") and len(ent) == 1 and not (
            ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS
        ):
            continue
        # "coach Ripley" after "Darren Ripley", "Camden's lawyer" after "Helen Camden":
        # a town's name the article uses as someone's name is that person, unless the place is a
        # big one ("Georgia", "Washington")
        # (a preposition before a possessive governs the possessed noun: "in Paris' case",
        # "to Hughes's home" introduce no place)
        introduced = ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS and not _possessed(doc, ent)
        if known and feature is None and not introduced and _looks_like_person(doc, ent, people, possessive=False):
            if not _is_country_or_region(name, gazetteer):
                continue
        found.append(Toponym(start, end, name, f"ner:{ent.label_}", kind, feature_word=feature))
    return found


def _possessed(doc: Doc, ent) -> bool:
    """The name is a possessor: "Paris' case", "Hughes's home"."""
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and after.text in ("'s", "’s", "'", "’")


def _known_longer_start(doc: Doc, ent, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Where the NER cut a name's first word ("Goz [Beida]", "Bur [Acaba]"), its start, when
    the gazetteer knows the longer name; else the NER's start."""
    if ent.start == 0:
        return start
    word = doc[ent.start - 1]
    if not (word.is_title and word.pos_ == "PROPN" and not word.ent_type_ and word.is_alpha and not word.is_sent_start):
        return start
    longer = text_of(doc)[word.idx:end]
    return word.idx if gazetteer.candidates(longer, allow_skeleton=False) else start


_STATE_AFTER = re.compile(r"\s+state\b(?!\s+(?:of|department|university|college|police|troopers?|senator))")
_COMPASS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central",
}
_STREET = re.compile(r"\b(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Highway|Boulevard|Blvd\.|Parkway|Lane|Drive|Bridge|Square|Interstate)\b")


def _looks_like_person(doc: Doc, ent, people: set[str], possessive: bool = True) -> bool:
    """A GPE that is someone's name: "Saakashvili said", "coach Ripley". ``possessive``: a
    following "'s" counts too (not for known towns: "Erie's mayor")."""
    if any(t.text in people for t in ent):
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.text.lower().strip(".") in HONORIFICS:
        return True
    person_verbs = ("said", "says", "told", "added") + (("’s", "'s") if possessive else ())
    return after is not None and after.lower_ in person_verbs


_LEADING_WORDS = ("the", "a", "an", "in", "at", "on", "of", "from", "to", "near", "onto", "off", "along")


def _from_feature_words(text: str) -> list[Toponym]:
    after, before = _feature_patterns()
    found = []
    for pattern, kind, word in after:
        if word not in text:  # each pattern needs its word as written: no scan of the text for nothing
            continue
        for match in pattern.finditer(text):
            words = match.group(1).split()
            # drop sentence-initial or function capitals: "The Khawak Pass" -> "Khawak Pass"
            while words and words[0].lower() in _LEADING_WORDS:
                words = words[1:]
            if not words:
                continue
            if word[:1].islower() and re.search(r"['’]s$", words[-1]):
                continue  # "PennDOT's district office": whose district, no place's name
            name = " ".join(words) + " " + word
            end = match.end()
            start = end - len(name)
            if text[start:end] != name:
                continue
            found.append(Toponym(start, end, name, "feature-word", kind, feature_word=word))
    for match in _street_pattern().finditer(text):
        words = match.group(1).split()
        while words and words[0].lower() in _LEADING_WORDS:
            words = words[1:]
        if not words:
            continue
        end = match.end()
        start = match.start(2) - len(" ".join(words)) - 1
        if text[start : match.start(2) - 1] != " ".join(words):
            continue
        found.append(Toponym(start, end, text[start:end], "feature-word", "R", feature_word=match.group(2)))
    for pattern, kind, phrase in before:
        if phrase not in text:
            continue
        for match in pattern.finditer(text):
            for group in (1, 2):
                if match.group(group):
                    start, end = match.span(group)
                    start, end = _clean_span(text, start, end)
                    found.append(Toponym(start, end, text[start:end], "feature-word", kind, feature_word=phrase))
    return found


def _is_mostly_upper(text: str) -> bool:
    letters = "".join(filter(str.isalpha, text))  # the str methods themselves: no generator per character
    return len(letters) > 20 and sum(map(str.isupper, letters)) > 0.8 * len(letters)


def _person_words(doc: Doc, gazetteer: Gazetteer | None = None) -> set[str]:
    """Words used in people's names anywhere in the article: "Hughes" after "John Hughes"
    is a person, whatever town carries the name."""
    words = set()
    for ent in ents_of(doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            if gazetteer is not None and _known_place(ent.text, gazetteer, False):
                continue  # "Sri Lanka", "Rock Hill" tagged as a person are still places
            if ent[-1].text in _PLACE_HEADS:
                continue  # "Greer Station", "Anthony Creek": a place the NER took for a person
            words.update(t.text for t in ent if t.text[:1].isupper())
    return words | _middle_initial_names(doc)


def _middle_initial_names(doc: Doc) -> set[str]:
    """The given name and surname of "Dequan R. Bell", "Keyon D. Tyler": a capitalised word, a
    single capital letter with a full stop, a capitalised word is how news English writes a
    person's full name, whatever the NER calls it (it takes some for an organisation), so the
    surname said alone later ("after Bell grabbed") is that person, not a town of the name
    (feature_words.yaml: middle_initial_examples)."""
    cached = doc.user_data.get("dateline_middle_initial_names")
    if cached is not None:  # asked by three of the scans of each article
        return set(cached)
    words = set()
    texts = _token_texts(doc)
    for i in range(1, len(texts) - 1):
        # the cheap tests of the middle word first: Tokens are made only around an initial
        if texts[i][-1:] == "." and _MIDDLE_INITIAL.fullmatch(texts[i]) and _NAME_WORD.fullmatch(texts[i - 1]) \
                and _NAME_WORD.fullmatch(texts[i + 1]) and doc[i - 1].lower_.strip(".") not in HONORIFICS:
            words.update((texts[i - 1], texts[i + 1]))
    doc.user_data["dateline_middle_initial_names"] = frozenset(words)
    return words


def _token_texts(doc: Doc) -> list[str]:
    """Every token's text, read once per document (a Token is made for each on every read)."""
    texts = doc.user_data.get("dateline_token_texts")
    if texts is None:
        texts = doc.user_data["dateline_token_texts"] = [t.text for t in doc]
    return texts


_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")


# last words of place names that no person's name ends with
_PLACE_HEADS = {
    "Station", "Creek", "Springs", "Heights", "Park", "Hill", "Hills", "Valley", "Lake", "River",
    "Beach", "Falls", "Grove", "Ridge", "Village", "Township", "County", "Parish", "City", "Island",
    "Harbor", "Harbour", "Bay", "Mountain", "Crossing", "Junction", "Prairie", "Meadows", "Gap",
}


def _single_names(doc: Doc) -> set[str]:
    """One-word names the NER calls people ("Bell said"), for towns of the same name."""
    return {ent.text for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) == 1}


def _after_honorifics(doc: Doc) -> set[str]:
    """Names the article puts after a title ("Ms. Moayyad", "Lt. Wheat"): people's names."""
    texts = _token_texts(doc)
    return {texts[i] for i in range(1, len(texts))
            if texts[i][:1].isupper() and texts[i - 1].lower().strip(".") in HONORIFICS}


def _from_gazetteer_scan(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Capitalised words the gazetteer knows as a country, region or town of some size."""
    upper = _is_mostly_upper(text_of(doc))
    taken = set()
    for ent in ents_of(doc):
        if ent.label_ in PLACE_LABELS:
            taken.update(range(ent.start, ent.end))
    entity_at = {}
    for ent in ents_of(doc):
        if ent.label_ not in PLACE_LABELS:
            for i in range(ent.start, ent.end):
                entity_at[i] = ent
    people = _person_words(doc, gazetteer)
    single_people = _single_names(doc)
    surnames = people | single_people | _after_honorifics(doc)
    found = _dateline_places(doc, gazetteer)
    tokens = list(doc)
    words = _token_texts(doc)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in taken or not words[i][:1].isupper() or words[i] in people or token.lower_ in ("the", "a", "an"):
            i += 1
            continue
        matched = False
        for length in (3, 2, 1):
            # the words' own tests first, on their texts: a span of the doc is made only for
            # words that pass them (three spans for every capitalised word were the scan's cost)
            end = i + length
            if end > len(tokens) or any(k in taken for k in range(i, end)):
                continue
            if not all(words[k][:1].isupper() or words[k] in ("-", "of", "de", "el", "al") for k in range(i, end)):
                continue
            if words[end - 1] in ("-", "of", "de", "el", "al") or words[end - 1] in people:
                continue
            span = doc[i:end]
            level = _known_place(span.text, gazetteer, upper)
            if not level:
                continue
            introduced = i > 0 and tokens[i - 1].lower_ in ("in", "near", "outside", "at", "from", "to", "into")
            if level == "town" and span.text in single_people and not introduced:
                break
            if any(t.start <= span.start_char < t.end for t in found):
                break
            ent = entity_at.get(i)
            if ent is not None and ent.label_ == "FAC" and level != "major" and ent.start == i and ent.end == i + length:
                break  # "the White House" is a building, whatever town shares its name
            if ent is not None and ent.label_ == "PERSON" and not upper:
                # "Paris Hilton" is a person; a lone "Gainesville" the NER called a person is a
                # place when it is a big one, or a town a preposition of place introduces
                # ("a home in Anderson", "moved to Glen Allen")
                if not (ent.start == i and ent.end == i + length and (level == "major" or introduced)):
                    break
                # ... but not a common given name the NER calls a person, with no preposition of
                # place before it ("her cousin Nancy's diner", "handed Brittany the keys": a
                # woman, not the French city or region; "a nurse of Nancy", "Austin police" name
                # the city)
                seat_after = span.end < len(doc) and doc[span.end].lower_ in SEAT_WORDS
                of_place = i > 0 and tokens[i - 1].lower_ in PLACE_PREPOSITIONS
                if not (of_place or seat_after) and _a_given_name(span.text) and not _is_a_country(span.text, gazetteer):
                    break
            if ent is not None and ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW") and not upper:
                if not _place_inside_name(doc, ent, span, level):
                    break
                following = doc[span.end] if span.end < ent.end else None
                if level != "major" and following is not None and following.text in surnames and not (
                    following.lower_ in SEAT_WORDS or following.lower_ in NOT_PLACE_NEXT
                ):
                    break  # "Nadia Moayyad" tagged an organisation: a first name, then "Ms. Moayyad"
            if not upper and not all(t.pos_ == "PROPN" for t in span if t.text[:1].isupper()):
                break  # "Most", "College", "Superior": common words first
            if len(span.text) <= 3 and span.text.isupper() and not (before_is_comma := (i > 0 and tokens[i - 1].text == ",")):
                break  # two-letter state codes only in "Jackson, MS"
            whole_entity = ent is not None and ent.start == i and ent.end == i + length
            if ent is not None and ent.label_ == "NORP" and not (whole_entity and not gazetteer.demonyms.get(name_key(span.text))):
                break  # "Afghan" is a demonym; "Tajikistan" or "Faizabad" tagged NORP is still a place
            if ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"):
                break
            before = tokens[i - 1] if i > 0 else None
            if before is not None and before.text.lower().strip(".") in HONORIFICS:
                break
            # a title before a person's name is no town of the same name ("hit Trooper Dale
            # Hines": Trooper, Pennsylvania)
            if length == 1 and level != "major" and span.text.lower().strip(".") in HONORIFICS \
                    and i + 1 < len(tokens) and tokens[i + 1].ent_type_ == "PERSON":
                break
            if not upper and not _is_country_or_region(span.text, gazetteer):
                if _is_a_thing(span, tokens):
                    break  # "a 1992 Toyota Corolla", "the Honda's driver": a make, not a town
            after = tokens[i + length] if i + length < len(tokens) else None
            if after is not None and after.lower_ in ("said", "says", "told", "added") and level != "major":
                break
            # a town's name no tagger took for any name ("Young", "Carver", "Hudson"), with no
            # word saying place around it ("in Hudson", "Hudson, N.Y."), is more often a word
            # or a surname than the town
            if level == "town" and ent is None and not upper and not (
                (before is not None and before.lower_ in PLACE_PREPOSITIONS) or (after is not None and after.text == ",")
            ):
                break
            found.append(Toponym(span.start_char, span.end_char, span.text, "gazetteer-scan"))
            i += length
            matched = True
            break
        if not matched:
            i += 1
    return found


def _a_given_name(word: str) -> bool:
    """A common English given name of one sex (entities/gender.yaml: given_names): where the
    parse also calls the word a person, the name list and the parse agree it names one."""
    from dateline.entities.gender import name_tables
    return word.lower() in name_tables()[1]


def _is_a_country(name: str, gazetteer: Gazetteer) -> bool:
    return any(c.entry.feature_code in ("PCLI", "PCLD", "PCLS")
               for c in gazetteer.candidates(name, allow_skeleton=False) if name_key(c.entry.name) == name_key(name))


# words after a place name that make the name the seat of an organisation: LGL and most news
# readers count "Gainesville" in "Gainesville Police Department" as a place
SEAT_WORDS = {
    "police", "department", "county", "city", "university", "college", "school", "schools",
    "hospital", "council", "board", "chamber", "fire", "sheriff", "state", "public", "high",
    "middle", "elementary", "community", "regional", "national", "international", "district",
    "court", "municipal", "metropolitan", "area", "airport", "port", "library", "museum",
    "zoo", "symphony", "housing", "water", "transit", "parks", "general", "memorial", "medical",
}


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that"}
_YEAR = re.compile(r"(?:19|20)\d\d$")


def _is_a_thing(span, tokens) -> bool:
    """A name used as a thing's: a model year before it ("a 1992 Toyota", "their red 1991
    Honda", "the 2009 Spring Cleanup", "a 1994 blue Lincoln": a year, then a colour or two), or a
    determiner of its own when it heads its phrase ("the Toyota ran a red light", "the Honda's
    driver"); towns take neither."""
    i = span.start
    while i >= 3 and span.start - i < 2 and _is_a_describing_word(tokens[i - 1]):
        i -= 1  # "a 1994 blue Lincoln", "a 2001 dark green Mercury": the colours between year and name
    if i >= 2 and _YEAR.match(tokens[i - 1].text) and (tokens[i - 2].pos_ in ("DET", "ADJ", "PRON") or tokens[i - 2].lower_ in _DETERMINERS):
        return True
    i = span.start
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod"):
        return False  # "a Gainesville man", "the Adena people": the name says where
    if span.end < len(tokens) and tokens[span.end].text[:1].isupper():
        return False  # "the Gainesville Riding Club": the start of a longer name
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in _DETERMINERS and span.start - 2 <= c.i < span.start for c in root.children
    )


def _is_a_describing_word(token) -> bool:
    """ "blue", "dark", "white": a lower-case describing word, read as an adjective (or, before a
    make, as a name's word by the tagger: "a 2004 white Cadillac")."""
    return token.pos_ in ("ADJ", "PROPN") and token.text.isalpha() and token.text.islower()


def _place_inside_name(doc: Doc, ent, span, level: str) -> bool:
    """A place name inside an organisation's name: "Gainesville Police Department",
    "University of Georgia", "the Texas Department of Transportation" (news readers and the
    LGL corpus count these as places: they say where the organisation is)."""
    if level == "major":
        return True
    first = ent.start + (1 if doc[ent.start].lower_ in ("the", "a", "an") else 0)
    if span.start <= first:
        return True
    return doc[span.start - 1].lower_ in ("of", "in", "at", ",", "-", "and")


# \x96, \x97: the en and em dash of a page read in the wrong encoding ("TEGA CAY \x97 A fire ...");
# two spaces before a capitalised word: a dateline whose dash was lost ("DOVER  Two men ...")
_DATELINE = re.compile(r"(?m)(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s))\s*([A-Z][A-Z .'\-]{2,30}?)\s*"
                       r"(?:,|\(|—|–|[\x96\x97]|--?\s|:\s|(?<=\s\s)(?=[A-Z]))")
_DATELINE_DASH = re.compile(r"[—–\-\x96\x97]")


def _dateline_places(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """A dateline in capitals at the head of an article, a line or after the headline:
    "BEIRUT -", "KABUL, Afghanistan", "Fire guts home. TORRINGTON — A fire ...", "BEIRUT: The body"."""
    found = []
    text = text_of(doc)
    for match in _DATELINE.finditer(text[:20000]):
        name = match.group(1).strip()
        # a name in capitals before a dash is a dateline even when the gazetteer lacks the town
        # ("HARTWELLTON - Two men were hurt in Hart County"): resolution places it by what
        # the text names next to it (LGL, its judged check and fresh articles left out: 17 such
        # datelines, all gold toponyms)
        dashed = len(name) >= 4 and _DATELINE_DASH.search(text[match.end(1):match.end()]) is not None
        if name.isupper() and (dashed or _known_place(name.title(), gazetteer, False)):
            found.append(Toponym(match.start(1), match.start(1) + len(name), name, "gazetteer-scan"))
    return found


def _is_country_or_region(name: str, gazetteer: Gazetteer) -> bool:
    return any(
        c.entry.feature_code in ("PCLI", "PCLD", "PCLS", "ADM1", "CONT", "RGN")
        for c in gazetteer.candidates(name, allow_skeleton=False)
    )


def _known_place(name: str, gazetteer: Gazetteer, upper: bool) -> str | None:
    """"major" for countries, first-order regions and big cities, "town" for towns of some size,
    None for names the scan should leave alone (every capitalised word is some hamlet)."""
    if len(name) < 3 or name.lower().strip(".") in _COMMON_WORDS:
        return None
    key = name_key(name)
    written_as_abbreviation = name.endswith(".") or (name.isupper() and len(name) <= 4)
    best = None
    for candidate in gazetteer.candidates(name, allow_skeleton=False):
        entry = candidate.entry
        if written_as_abbreviation != (candidate.match == "abbreviation"):
            continue
        own_name = candidate.match == "abbreviation" or name_key(entry.name) == key
        if entry.feature_code in ("PCLI", "PCLD", "PCLS", "ADM1", "CONT", "RGN"):
            return "major"
        if entry.population >= 100_000 and (own_name or candidate.match == "name" and entry.population >= 1_000_000):
            return "major"  # "Hamas" is an alternate spelling of Hamm; not a reason to scan it
        if own_name and (entry.population >= 5_000 or entry.feature_code in ("ADM2", "AIRP", "AIRB")):
            best = "town"
    if upper or (name.isupper() and len(name) > 4 and best):
        return None  # in capitals only the big names are safe
    return best


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
    "northwest", "northeast", "southwest", "southeast", "northern", "southern", "eastern",
    "western", "upper", "lower", "green", "gulf", "street", "chamber", "duma",
    "vice", "prime", "minister", "governor", "mayor", "officer", "leader", "drug", "media",
    "justice", "commerce", "metro", "general", "colonel", "chief", "deputy", "secretary",
    "emergency", "center", "centre", "un", "nato", "cnn", "ms", "co", "no", "st", "mt", "ft",
    "inc", "corp", "jr", "sr", "gov", "sen", "rep", "lt", "gen", "col", "sgt", "capt", "dr",
    "white house",  # the president's, in news; not White House, Tennessee
}


def _demonyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    found = []
    for token in doc:
        if not token.text[:1].isupper() or token.ent_type_ == "LANGUAGE":  # "speaks English"
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper():
            pair = text_of(doc)[token.idx : nxt.idx + len(nxt.text)]
            if gazetteer.demonyms.get(_demonym_key(pair)):  # "Sri Lankan", "South Ossetian"
                found.append(Toponym(token.idx, token.idx + len(pair), pair, "demonym", demonym=True))
                continue
        if gazetteer.demonyms.get(_demonym_key(token.text)):
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


_LIST_OF_REGIONS = re.compile(r"^(?:\s*(?:,|and|&)\s*[A-Z][\w’'\-]*(?:\s[A-Z][\w’'\-]*)?)*\s+(counties|parishes)\b")


def _county_word_of_a_list(text: str, end: int) -> str | None:
    """ "Otter Tail, Becker and Clay counties": "County" (or "Parish") when the name ending at
    ``end`` is one of a list the plural closes, else None."""
    plural = _LIST_OF_REGIONS.match(text[end : end + 120])
    if not plural:
        return None
    return "County" if plural.group(1) == "counties" else "Parish"


def toponym_from_span(text: str, start: int, end: int, gazetteer: Gazetteer) -> Toponym:
    """A toponym for a span someone else marked (a user, a gold corpus): its feature word,
    and whether it is a demonym rather than a name."""
    name = text[start:end]
    listed = _county_word_of_a_list(text, end)
    if listed:  # "Otter Tail, Becker and Clay counties": each is a county
        return Toponym(start, end, name, "given", "A", feature_word=listed)
    words = feature_words()
    for word, kind, _ in words.after:
        if name.endswith(" " + word):
            return Toponym(start, end, name, "given", kind, feature_word=word)
    key = name_key(name)
    # "Canadian" is a demonym before it is a town in Texas
    if gazetteer.demonyms.get(key) and (not gazetteer.names.get(key) or name.endswith(("an", "ans", "ese", "ish", "i", "is"))):
        return Toponym(start, end, name, "given", demonym=True)
    if _STATE_AFTER.match(text, end):
        return Toponym(start, end, name, "given", "A")
    before = text[max(0, start - 20) : start].lower()
    for phrase, kind, _ in words.before:
        if before.rstrip().endswith(phrase) or before.rstrip().endswith(phrase + " the"):
            return Toponym(start, end, name, "given", kind, feature_word=phrase)
    return Toponym(start, end, name, "given")
