"""How many: counts, amounts and proportions in a sentence, with what they count.

"more than 500 Malian security forces fled" gives value 500, qualifier "more than", unit
"security personnel" (the counted noun, normalised) and category "people"; "90%" gives unit
"percent"; "$5 million" gives unit "USD". The counted noun comes from the dependency tree (the
number's head noun); a number standing alone ("while officials say it has seized more than
100") borrows the unit of a parallel count nearby, or is left out rather than guessed.

Dates, years, times, ages, ordinals, phone numbers and list markers are not quantities: they
belong to the time stage or to nobody. The cue words live in ``quantities.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.attrs import ENT_TYPE, LOWER, ORTH
from spacy.tokens import Doc, Span as SpacySpan, Token

from dateline.model import Quantity, Span
from dateline.nlp import text_of

CUES_PATH = Path(__file__).with_name("quantities.yaml")

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# spaCy entity labels that mean "this number is part of a date, a time or a rank"
NOT_COUNT_ENTITIES = {"DATE", "TIME", "ORDINAL"}
# entity labels of words that name who or where, not what is counted ("Afghan", "Taliban")
NAME_ENTITIES = {"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "oprd", "dative"}
PERCENT_WORDS = {"%", "percent", "per cent", "pct", "percentage points"}
AMBIGUOUS_CURRENCY_WORDS = {"pound", "pounds", "m"}
CURRENCY_SYMBOLS = {"$", "US$", "€", "£", "¥"}


@dataclass(frozen=True)
class QuantityCues:
    number_words: dict[str, float]
    multipliers: dict[str, float]
    vague_counts: dict[str, float]
    vague_first_words: frozenset[str]  # "tens" of "tens of thousands"
    qualifiers: dict[str, str]  # phrase -> normal form
    max_qualifier_words: int
    unit_synonyms: dict[str, str]
    kept_adjectives: frozenset[str]
    partitive_heads: frozenset[str]
    time_nouns: frozenset[str]
    month_names: frozenset[str]
    currencies: dict[str, str]
    noun_category: dict[str, str]  # lemma (or "compound lemma") -> category
    patient_verbs: dict[str, str]  # verb lemma -> category, for the things it happens to
    subject_verbs: dict[str, str]  # intransitive verb lemma -> category, for its subject
    not_for_nouns: dict[str, frozenset[str]]  # category -> nouns it never applies to
    raw: dict
    # predicate adjective -> category, for the subject of its verb ("12 are missing")
    predicate_adjectives: dict[str, str] = field(default_factory=dict)
    # category -> the noun categories it overrides ("300 houses destroyed": destroyed, not facilities)
    over_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    clock_words: frozenset[str] = frozenset()  # "GMT" in "at 1400 GMT"
    road_words: frozenset[str] = frozenset()  # "Interstate" in "Interstate 75"


@lru_cache(maxsize=1)
def load_cues(path: Path = CUES_PATH) -> QuantityCues:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    qualifiers = {phrase: group["means"] for group in raw["qualifiers"] for phrase in group["phrases"]}
    noun_category: dict[str, str] = {}
    patient_verbs: dict[str, str] = {}
    subject_verbs: dict[str, str] = {}
    not_for: dict[str, frozenset[str]] = {}
    adjectives: dict[str, str] = {}
    over_nouns: dict[str, frozenset[str]] = {}
    for group in raw["categories"]:
        for adjective in group.get("adjectives", []):
            adjectives.setdefault(adjective, group["category"])
        over_nouns[group["category"]] = frozenset(group.get("over_nouns", []))
        for noun in group.get("nouns", []):
            noun_category.setdefault(noun, group["category"])
        for verb in group.get("verbs", []):
            patient_verbs.setdefault(verb, group["category"])
        for verb in group.get("intransitive_verbs", []):
            subject_verbs.setdefault(verb, group["category"])
        not_for[group["category"]] = frozenset(group.get("not_for_nouns", []))
    return QuantityCues(
        number_words={k.lower(): float(v) for k, v in raw["number_words"].items()},
        multipliers={k.lower(): float(v) for k, v in raw["multipliers"].items()},
        vague_counts={k.lower(): float(v) for k, v in raw["vague_counts"].items()},
        vague_first_words=frozenset(k.split()[0].lower() for k in raw["vague_counts"] if " " in k),
        qualifiers=qualifiers,
        max_qualifier_words=max(len(p.split()) for p in qualifiers),
        unit_synonyms={k.lower(): v for k, v in raw["unit_synonyms"].items()},
        kept_adjectives=frozenset(raw["kept_adjectives"]),
        partitive_heads=frozenset(raw["partitive_heads"]),
        time_nouns=frozenset(raw["time_nouns"]),
        clock_words=frozenset(raw.get("clock_words", ())),
        road_words=frozenset(w.lower() for w in raw.get("road_words", ())),
        month_names=frozenset(m.lower() for m in raw["month_names"]),
        currencies={k.lower(): v for k, v in raw["currencies"].items()},
        noun_category=noun_category,
        patient_verbs=patient_verbs,
        subject_verbs=subject_verbs,
        not_for_nouns=not_for,
        raw=raw,
        predicate_adjectives=adjectives,
        over_nouns=over_nouns,
    )


# --- numbers ----------------------------------------------------------------------------------


def _is_digits(token: Token) -> bool:
    return bool(DIGITS.match(token.text))


def _is_number_word(token: Token, cues: QuantityCues) -> bool:
    lower = token.lower_
    return lower in cues.number_words or lower in cues.multipliers and lower not in {"m", "mn", "bn"}


def _starts_number(token: Token, cues: QuantityCues) -> bool:
    if token.ent_type_ == "ORDINAL":
        return False
    return _word_starts_number(token.text, token.lower_, cues)


def _word_starts_number(text: str, lower: str, cues: QuantityCues) -> bool:
    """Whether the word (its text, lowercased) may start a number, whatever its entity: what
    ``_is_digits`` and ``_is_number_word`` say of it, read off the strings alone."""
    is_number_word = lower in cues.number_words or lower in cues.multipliers and lower not in {"m", "mn", "bn"}
    return bool(DIGITS.match(text)) or (is_number_word and lower != "half") or (
        lower in cues.vague_counts or lower in cues.vague_first_words
    )


@dataclass
class _NumberPhrase:
    start: int  # token indices, end exclusive
    end: int
    value: float
    vague: bool = False


def _read_number(doc: Doc, i: int, limit: int, cues: QuantityCues) -> _NumberPhrase | None:
    """The number starting at token ``i``: "1,000", "2.5 million", "twenty-five", "a dozen"."""
    first = doc[i]
    lower = first.lower_
    # "tens of thousands", "hundreds of thousands": vague counts written as three words
    if i + 2 < limit and doc[i + 1].lower_ == "of":
        three = f"{lower} of {doc[i + 2].lower_}"
        if three in cues.vague_counts:
            return _NumberPhrase(i, i + 3, cues.vague_counts[three], vague=True)
    if lower in cues.vague_counts:
        return _NumberPhrase(i, i + 1, cues.vague_counts[lower], vague=True)
    total, current, j = 0.0, 0.0, i
    seen_digits = False
    while j < limit:
        token = doc[j]
        word = token.lower_
        if _is_digits(token):
            if seen_digits or current:
                break  # "20 210 3300": a second run of digits is another number
            current = float(token.text.replace(",", ""))
            seen_digits = True
        elif word in cues.multipliers and (j > i) and (word not in {"m", "mn", "bn"} or seen_digits):
            current = (current or 1.0) * cues.multipliers[word]
            if cues.multipliers[word] >= 1000:
                total, current = total + current, 0.0
        elif word in cues.number_words and word != "half" and not seen_digits:
            current += cues.number_words[word]
        elif word in {"-", "and"} and j + 1 < limit and _is_number_word(doc[j + 1], cues) and j > i:
            pass  # "twenty-five", "two hundred and fifty"
        else:
            break
        j += 1
    if j == i:
        return None
    return _NumberPhrase(i, j, total + current)


def _looks_like_list_marker(doc: Doc, phrase: _NumberPhrase) -> bool:
    """ "1. Kabul 2. Kandahar", "(3) ...": a small integer followed by "." or ")" and more
    text, at the start of a line or among other such markers (not "... had taken 25. The")."""
    if phrase.end - phrase.start != 1 or not doc[phrase.start].is_digit:
        return False
    if not _marker_shape(doc, phrase.start):
        return False
    token = doc[phrase.start]
    line_start = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws or doc[token.i - 1].text in {"(", "\u2022"}
    if line_start or token.is_sent_start:
        return True
    sentence = token.sent
    return any(_marker_shape(doc, t.i) for t in sentence if t.i != token.i and t.is_digit)


def _marker_shape(doc: Doc, i: int) -> bool:
    after = i + 1
    if after >= len(doc) or doc[after].text not in {".", ")"}:
        return False
    return after + 1 < len(doc) and doc[after + 1].is_alpha and len(doc[i].text) <= 2


def _is_year(doc: Doc, phrase: _NumberPhrase) -> bool:
    token = doc[phrase.start]
    return (
        phrase.end - phrase.start == 1
        and token.is_digit
        and len(token.text) == 4
        and 1800 <= int(token.text) <= 2100
    )


def _count_despite_date_label(doc: Doc, phrase: _NumberPhrase, cues: QuantityCues) -> bool:
    """The tagger calls some counts dates ("Forty-two aid workers"): keep a number labelled
    DATE or TIME only when it counts a noun that is no unit of time, outside the label."""
    if any(doc[k].ent_type_ == "ORDINAL" for k in range(phrase.start, phrase.end)):
        return False
    head = _head_noun(doc, phrase)
    if head is None or head.ent_type_ in NOT_COUNT_ENTITIES or head.lemma_.lower() in cues.time_nouns:
        return False
    if _is_year(doc, phrase) or _is_day_of_month(doc, phrase, cues):
        return False
    label_words = {t.lower_ for t in doc[phrase.start : head.i] if t.ent_type_ in NOT_COUNT_ENTITIES}
    return not (label_words & (cues.time_nouns | cues.month_names | {"ago", "am", "pm", "o'clock"}))


def _is_day_of_month(doc: Doc, phrase: _NumberPhrase, cues: QuantityCues) -> bool:
    """ "11 September", "September 11": a date the date tagger did not label."""
    after = doc[phrase.end].lower_.rstrip(".") if phrase.end < len(doc) else ""
    before = doc[phrase.start - 1].lower_.rstrip(".") if phrase.start > 0 else ""
    return after in cues.month_names or (before in cues.month_names and doc[phrase.start].is_digit)


def _glued_to_code(doc: Doc, phrase: _NumberPhrase) -> bool:
    """Digits that belong to a code, a clock time or a score: "+93", "10:30", "3/4", "3-1", "#5",
    or a name of a standard or a model ("4G", "5G", "3D": capital letters glued to the digits)."""
    last, first = doc[phrase.end - 1], doc[phrase.start]
    if last.whitespace_ == "" and phrase.end < len(doc) and phrase.end - phrase.start == 1:
        glued = doc[phrase.end]
        if glued.is_alpha and glued.is_upper and len(glued.text) <= 3:
            return True
    if last.whitespace_ == "" and phrase.end + 1 < len(doc):
        glue, following = doc[phrase.end].text, doc[phrase.end + 1]
        if glue in {":", "/"} or (glue == "-" and following.is_digit):
            return True
    if phrase.start > 0:
        before = doc[phrase.start - 1]
        if before.whitespace_ == "" and before.text in {"+", "#", ":", "/", "-"}:
            return True
    return False


def _is_clock_time(doc: Doc, phrase: _NumberPhrase, cues: QuantityCues) -> bool:
    """ "at 1400 GMT", "2100 local time", "0600 hours": four digits that read as a time of day."""
    token = doc[phrase.start]
    if phrase.end - phrase.start != 1 or not token.is_digit or len(token.text) != 4:
        return False
    hours, minutes = int(token.text[:2]), int(token.text[2:])
    after = doc[phrase.end].lower_ if phrase.end < len(doc) else ""
    return hours <= 23 and minutes <= 59 and after in cues.clock_words


def _names_a_road(doc: Doc, phrase: _NumberPhrase, cues: QuantityCues) -> bool:
    """ "Interstate 75", "Highway 12", "Route 9", "I-540": digits that are a road's number. A long
    road word must be capitalised ("the highway patrol arrested 14" keeps its count); a word of
    one or two letters only counts glued by a hyphen, in capitals ("I-540", "N-5")."""
    token = doc[phrase.start]
    if phrase.end - phrase.start != 1 or not token.is_digit or phrase.start == 0:
        return False
    before = doc[phrase.start - 1]
    if before.text == "-" and before.whitespace_ == "" and phrase.start > 1:
        letter = doc[phrase.start - 2]
        return letter.whitespace_ == "" and letter.is_upper and letter.lower_ in cues.road_words
    return len(before.text) > 2 and before.lower_ in cues.road_words and before.text[0].isupper()


def _is_age(doc: Doc, phrase: _NumberPhrase) -> bool:
    before = doc[phrase.start - 1].lower_ if phrase.start > 0 else ""
    after = " ".join(t.lower_ for t in doc[phrase.end : phrase.end + 3])
    return before in {"aged", "age", "ages"} or after.startswith(("- year", "-year", "years old", "year old"))


# --- the counted noun -------------------------------------------------------------------------


def _head_noun(doc: Doc, phrase: _NumberPhrase) -> Token | None:
    """The noun the number counts: its syntactic head when that is a noun to its right."""
    last = doc[phrase.end - 1]
    head = last.head
    if phrase.vague or last.pos_ == "NOUN":
        # "hundreds of people": the number is itself the noun and "of" names what is counted
        for child in last.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in {"NOUN", "PROPN"}:
                    return objects[0]
    if last.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod"} and head.i >= phrase.end:
        if not _countable_head(doc, phrase, head):
            return None
        if head.pos_ in {"NOUN", "PROPN"} or head.tag_ in {"NNS", "NN"}:
            return head
        # "2.5 million displaced", "40 dead": an adjective or participle used as the noun
        if head.tag_ in {"VBN", "JJ"} and head.i == phrase.end:
            return head
    # a parse that hangs the number elsewhere: accept a noun right after it ("984 C-17 loads")
    j = phrase.end
    while j < len(doc) and j < phrase.end + 3 and doc[j].pos_ in {"ADJ", "PROPN", "NOUN"}:
        if doc[j].pos_ == "NOUN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "NOUN"):
            countable = last.dep_ in {"nummod", "compound"} and _countable_head(doc, phrase, doc[j])
            return doc[j] if countable else None
        j += 1
    return None


def _countable_head(doc: Doc, phrase: _NumberPhrase, head: Token) -> bool:
    """A word a number can count: a real word on the same line ("12 |" and "30\nHelmand" in a
    flattened table are not), and a place or person's name only when plural ("12 Hazaras")."""
    if not head.is_alpha and not any(ch.isalpha() for ch in head.text):
        return False
    if any("\n" in t.text_with_ws for t in doc[phrase.start : head.i]):
        return False
    if head.pos_ == "PROPN" and head.tag_ != "NNPS" and head.lemma_.lower() not in load_cues().noun_category:
        return False
    return True


def _unit_tokens(head: Token, phrase: _NumberPhrase, cues: QuantityCues) -> tuple[list[Token], int]:
    """Words of the unit and the index one past its last token."""
    words: list[Token] = []
    for child in head.lefts:
        if child.i < phrase.end:
            continue
        if child.ent_type_ in NAME_ENTITIES and child.pos_ != "NOUN":
            continue  # "Afghan", "Taliban": who the counted things belong to
        if child.dep_ == "compound" or (child.dep_ in {"amod", "nmod"} and child.tag_ == "NNP") or (
            child.dep_ == "amod" and child.lower_ in cues.kept_adjectives
        ):
            words.extend(t for t in child.subtree if t.i >= phrase.end and t.i < head.i and not t.is_punct)
    words.append(head)
    end = head.i + 1
    if head.lemma_.lower() in cues.partitive_heads:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    words.append(child)
                    words.extend(t for t in objects[0].subtree if t.i <= objects[0].i and t.dep_ != "det")
                    end = objects[0].i + 1
    return sorted(set(words), key=lambda t: t.i), end


def _unit_text(tokens: list[Token], cues: QuantityCues) -> str:
    parts = []
    for token in tokens:
        keep_case = any(ch.isdigit() for ch in token.text) or (token.text.isupper() and len(token.text) > 1)
        parts.append(token.text if keep_case else token.lower_)
    text = " ".join(parts).replace(" - ", "-")
    return cues.unit_synonyms.get(text.lower(), text)


# --- what it counts ---------------------------------------------------------------------------


def _noun_category(head: Token, unit_tokens: list[Token], cues: QuantityCues) -> str | None:
    lemma = head.lemma_.lower()
    if lemma in cues.partitive_heads and unit_tokens[-1] != head:
        head, lemma = unit_tokens[-1], unit_tokens[-1].lemma_.lower()  # "pieces of equipment"
    if len(unit_tokens) > 1:
        two = f"{unit_tokens[-2].lemma_.lower()} {lemma}"
        if two in cues.noun_category:
            return cues.noun_category[two]
    return cues.noun_category.get(lemma) or cues.noun_category.get(head.lower_)


def _verb_category(noun: Token, cues: QuantityCues) -> str | None:
    """What happens to the counted things, from the verb they are the patient or subject of."""
    candidates: list[tuple[Token, str]] = []
    node = noun
    # "300 killed and 2.5 million displaced": a conjunct shares its first conjunct's verb
    while node.dep_ == "conj" and node.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        node = node.head
    if node.dep_ in {"dobj", "nsubjpass"}:
        candidates.append((node.head, "patient"))
    elif node.dep_ == "nsubj":
        candidates.append((node.head, "subject"))
    elif node.dep_ == "pobj" and node.head.dep_ == "agent":
        pass  # "killed by 12 gunmen": the doers, not the victims
    for child in noun.children:  # "dozens more arrested", "people killed in the blast"
        if child.dep_ in {"acl", "relcl"} and child.tag_ == "VBN":
            candidates.append((child, "patient"))
    if noun.tag_ == "VBN" or noun.pos_ == "VERB":  # "2.5 million displaced"
        candidates.append((noun, "patient"))
    for verb, role in candidates:
        lemma = verb.lemma_.lower()
        if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) and role == "subject":
            role = "patient"
        # "Seven soldiers were killed and 12 wounded": the conjunct shares the passive
        if verb.tag_ == "VBN" and role == "subject" and verb.dep_ == "conj" and any(
            c.dep_ == "auxpass" for c in verb.head.children
        ):
            role = "patient"
        if role == "patient" and lemma in cues.patient_verbs:
            return cues.patient_verbs[lemma]
        if role == "subject" and lemma in cues.subject_verbs:
            return cues.subject_verbs[lemma]
        # "12 fishermen are still missing", "left 40 homeless": the state said of them (the
        # parser often reads "are missing" as the verb "miss")
        if role == "subject" and verb.lower_ in cues.predicate_adjectives:
            return cues.predicate_adjectives[verb.lower_]
        # "12 fishermen are still missing", "left 40 homeless": the state said of them
        for child in verb.children:
            if child.dep_ in {"acomp", "oprd", "xcomp"} and child.lemma_.lower() in cues.predicate_adjectives \
                    and (role == "subject" or child.dep_ == "oprd" or verb.lemma_.lower() == "leave"):
                return cues.predicate_adjectives[child.lemma_.lower()]
    return None


def _category(head: Token, unit_tokens: list[Token], anchor: Token, cues: QuantityCues) -> str | None:
    noun_category = _noun_category(head, unit_tokens, cues)
    if noun_category not in {None, "people"}:
        verb_category = _verb_category(anchor, cues)
        if verb_category and noun_category in cues.over_nouns.get(verb_category, ()):
            return verb_category
        return noun_category
    verb_category = _verb_category(anchor, cues)
    if verb_category and head.lemma_.lower() not in cues.not_for_nouns.get(verb_category, ()):
        return verb_category
    return noun_category


def _qualifier(doc: Doc, phrase: _NumberPhrase, floor: int, cues: QuantityCues) -> tuple[str | None, int]:
    """The bound before a number ("more than", "up to") and where it starts."""
    for size in range(cues.max_qualifier_words, 0, -1):
        start = phrase.start - size
        if start < floor:
            continue
        words = " ".join(t.lower_ for t in doc[start : phrase.start])
        if words not in cues.qualifiers:
            continue
        first = doc[start]
        # "taken over four districts", "talked about 3 issues": a particle or a verb's
        # preposition, not a bound on the number
        if first.dep_ == "prt" or (size == 1 and first.dep_ == "prep" and first.head.pos_ in {"VERB", "AUX"}):
            return None, phrase.start
        return cues.qualifiers[words], start
    return None, phrase.start


def _currency(doc: Doc, phrase: _NumberPhrase, limit: int, cues: QuantityCues) -> tuple[str | None, int, int]:
    """The currency of a sum of money, and the span of the whole amount."""
    start, end = phrase.start, phrase.end
    if start > 0 and doc[start - 1].text in CURRENCY_SYMBOLS | {"US$"}:
        return cues.currencies.get(doc[start - 1].text.lower()), start - 1, end
    if start > 1 and doc[start - 1].text == "$" and doc[start - 2].text in {"US", "A", "C"}:
        return "USD", start - 2, end
    if end < limit:
        after = doc[end]
        # "pounds" also weighs things: trust it as money only where the tagger says MONEY
        in_money = after.ent_type_ == "MONEY" or doc[start].ent_type_ == "MONEY"
        for word in (after.lower_, after.lemma_.lower()):
            if word in cues.currencies and (in_money or word not in AMBIGUOUS_CURRENCY_WORDS):
                return cues.currencies[word], start, end + 1
    return None, start, end


def _span(doc: Doc, start: int, end: int) -> Span:
    begin, finish = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return Span(begin, finish, text_of(doc)[begin:finish])


@dataclass
class _Found:
    quantity: Quantity
    anchor: Token  # the token standing for the count in the tree (head noun or the number)


def _number_starts(doc: Doc, cues: QuantityCues) -> list[int]:
    """The indices of the document's tokens that may start a number, in order, read once per
    parse and cues: every sentence is read for its counts once alone (the one before a sentence)
    and once with the counts before it, and numbers are a few tokens in a hundred."""
    cached = doc.user_data.get("dateline.number_starts")
    if cached is None or cached[0] is not cues:  # the cues are the table's (loaded once), save in tests
        cached = doc.user_data["dateline.number_starts"] = (cues, _tokens_starting_numbers(doc, cues))
    return cached[1]


def _tokens_starting_numbers(doc: Doc, cues: QuantityCues) -> list[int]:
    """``[t.i for t in doc if _starts_number(t, cues)]``, each distinct word tested once, on the
    strings of the doc's arrays: whether a word starts a number depends on its text and its
    entity type alone, and a Token made for every word of the article was most of the cost."""
    strings = doc.vocab.strings
    ordinal = strings["ORDINAL"]
    by_word: dict[int, bool] = {}
    found = []
    for i, (orth, lower, ent_type) in enumerate(doc.to_array([ORTH, LOWER, ENT_TYPE]).tolist()):
        if ent_type == ordinal:
            continue
        starts = by_word.get(orth)
        if starts is None:  # (a word's lowercase is its lexeme's: the same for every token of it)
            starts = by_word[orth] = _word_starts_number(strings[orth], strings[lower], cues)
        if starts:
            found.append(i)
    return found


def _find_in_tokens(doc: Doc, start: int, end: int, antecedents: list[_Found], cues: QuantityCues) -> list[_Found]:
    found: list[_Found] = []
    starts = _number_starts(doc, cues)
    i = start
    while True:
        following = bisect_left(starts, i)  # the tokens before it start no number
        if following == len(starts) or starts[following] >= end:
            break
        i = starts[following]
        token = doc[i]
        if token.lower_ == "dozen" and i > start and doc[i - 1].lower_ == "a":
            phrase = _NumberPhrase(i - 1, i + 1, 12.0)
        else:
            phrase = _read_number(doc, i, end, cues)
        if phrase is None:
            i += 1
            continue
        i = phrase.end
        if any(doc[k].ent_type_ in NOT_COUNT_ENTITIES for k in range(phrase.start, phrase.end)):
            if not _count_despite_date_label(doc, phrase, cues):
                continue
        if _looks_like_list_marker(doc, phrase) or _is_age(doc, phrase) or _is_day_of_month(doc, phrase, cues):
            continue
        if phrase.end < end and _is_digits(doc[phrase.end]):
            # a run of bare numbers (phone numbers, flattened tables): nothing to count
            while i < end and (_is_digits(doc[i]) or doc[i].text in {"-", "/"}):
                i += 1
            continue
        if _glued_to_code(doc, phrase) or _is_clock_time(doc, phrase, cues) or _names_a_road(doc, phrase, cues):
            continue
        quantity = _make_quantity(doc, phrase, start, end, found, antecedents, cues)
        if quantity is not None:
            found.append(quantity)
    return found


# what happens to people a count counts: a bare number with one of these verbs is people
PEOPLE_CATEGORIES = frozenset({"fatalities", "injured", "displaced", "arrested", "abducted"})


def _make_quantity(
    doc: Doc,
    phrase: _NumberPhrase,
    floor: int,
    limit: int,
    earlier: list[_Found],
    antecedents: list[_Found],
    cues: QuantityCues,
) -> _Found | None:
    qualifier, start = _qualifier(doc, phrase, floor, cues)
    if phrase.vague and qualifier is None:
        qualifier = "at least"
    last = doc[phrase.end - 1]

    # proportions: "90%", "45 per cent"
    after = doc[phrase.end : min(phrase.end + 2, limit)]
    if after and (after[0].text == "%" or after[0].lower_ in {"percent", "pct"} or after.text.lower() == "per cent"):
        unit_end = phrase.end + (2 if after.text.lower() == "per cent" else 1)
        span = _span(doc, start, unit_end)
        return _Found(Quantity(phrase.value, "percent", span, qualifier, "proportion"), last)

    currency, money_start, money_end = _currency(doc, phrase, limit, cues)
    if currency:
        qualifier, start = _qualifier(doc, _NumberPhrase(money_start, money_end, 0), floor, cues)
        span = _span(doc, start, money_end)
        return _Found(Quantity(phrase.value, currency, span, qualifier, "money"), last)

    head = _head_noun(doc, phrase)
    if head is not None and head.ent_type_ in NOT_COUNT_ENTITIES and head.lemma_.lower() in cues.time_nouns:
        return None
    if head is not None:
        if head.lemma_.lower() in cues.time_nouns:
            return None  # "two weeks", "25 years": durations and ages are the time stage's
        if _is_year(doc, phrase) and head.i > phrase.end + 1:
            return None
        unit_tokens, unit_end = _unit_tokens(head, phrase, cues)
        unit = _unit_text(unit_tokens, cues)
        # "Dozens of families fled": the verb's argument is the number, not "families"
        counted_via_of = head.dep_ == "pobj" and phrase.start <= head.head.head.i < phrase.end
        category = _category(head, unit_tokens, last if counted_via_of else head, cues)
        span = _span(doc, start, max(unit_end, phrase.end))
        return _Found(Quantity(phrase.value, unit, span, qualifier, category), head)

    if _is_year(doc, phrase):
        return None  # "since 2001", "in 2021": a year the date tagger missed
    if phrase.vague and last.dep_ not in NOMINAL_DEPS | {"nummod"}:
        return None
    if last.dep_ not in NOMINAL_DEPS and last.dep_ not in {"npadvmod", "nummod", "ROOT"}:
        return None
    if _is_tabular(doc, floor, limit):
        return None  # "Killed 12 Wounded 30 ...": a flattened table, not a sentence
    # a number standing alone: "12 were killed", "the militia has seized over 40"
    verb_category = _verb_category(last, cues)
    antecedent = _antecedent(last, earlier, antecedents)
    span = _span(doc, start, phrase.end)
    if antecedent is not None:
        unit = antecedent.quantity.unit
        category = antecedent.quantity.category
        # "killing four servicemen and wounding six": the unit is borrowed, what happened to
        # them is this number's own verb's
        if verb_category and (category in {None, "people"} or (category in PEOPLE_CATEGORIES and verb_category in PEOPLE_CATEGORIES)):
            head_lemma = antecedent.anchor.lemma_.lower()
            if head_lemma not in cues.not_for_nouns.get(verb_category, ()):
                category = verb_category
        return _Found(Quantity(phrase.value, unit, span, qualifier, category), last)
    if verb_category in PEOPLE_CATEGORIES:
        return _Found(Quantity(phrase.value, "people", span, qualifier, verb_category), last)
    return None  # no noun and nothing to borrow one from: better nothing than a guess


def _is_tabular(doc: Doc, start: int, end: int) -> bool:
    """Many bare numbers among few words: a table or a list flattened into text."""
    numbers = sum(1 for t in doc[start:end] if t.is_digit)
    words = sum(1 for t in doc[start:end] if t.is_alpha)
    return numbers >= 4 and numbers * 2 >= words


def _antecedent(number: Token, earlier: list[_Found], antecedents: list[_Found]) -> _Found | None:
    """The count an elliptic number continues: the nearest one in the same grammatical role."""
    pool = [f for f in earlier + antecedents if f.quantity.category not in {"money", "proportion"}]
    if not pool:
        return None
    # counts hanging off another count ("in 34 provinces") are rarely what is continued
    def score(index_found: tuple[int, _Found]) -> tuple[int, int]:
        index, found = index_found
        same_role = int(found.anchor.dep_ == number.dep_)
        main = int(found.anchor.dep_ != "pobj" or number.dep_ == "pobj")
        return (same_role + main, index if found in earlier else index - 1000)

    indexed = list(enumerate(antecedents)) + [(k + len(antecedents), f) for k, f in enumerate(earlier)]
    indexed = [(k, f) for k, f in indexed if f in pool]
    return max(indexed, key=score)[1] if indexed else None


# --- public -----------------------------------------------------------------------------------


def find_quantities(doc_or_span: Doc | SpacySpan) -> list[Quantity]:
    """Every count, amount and proportion in a parsed text or sentence, left to right.

    Spans are character offsets into the parsed text (the article text, for the shared parse).
    """
    cues = load_cues()
    if isinstance(doc_or_span, Doc):
        doc = doc_or_span
        pieces = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        previous: list[_Found] = []
        results: list[Quantity] = []
        for sentence in pieces:
            found = _find_in_tokens(doc, sentence.start, sentence.end, previous, cues)
            results.extend(f.quantity for f in found)
            previous = found
        return results
    span = doc_or_span
    doc = span.doc
    return [f.quantity for f in _find_in_tokens(doc, span.start, span.end, _previous_sentence(span, cues), cues)]


def quantities_with_anchors(span: SpacySpan) -> list[tuple[Quantity, Token]]:
    """Like ``find_quantities`` over one sentence, each with the token that stands for the count
    in the parse (its head noun, or the number when it stands alone): where later stages look
    for the verb the count belongs to."""
    # read once per sentence and parse: the events stage and the claims stage both ask (the
    # parse is never changed after it is made, and the cues load once per process)
    cache = span.doc.user_data.setdefault("dateline.quantities", {})
    key = ("anchored", span.start, span.end)
    if key not in cache:
        cues = load_cues()
        found = _find_in_tokens(span.doc, span.start, span.end, _previous_sentence(span, cues), cues)
        cache[key] = tuple((f.quantity, f.anchor) for f in found)
    return list(cache[key])


def _previous_sentence(span: SpacySpan, cues: QuantityCues) -> list[_Found]:
    """Counts in the sentence before, for elliptic numbers ("with up to 1,700 coming back")."""
    doc = span.doc
    if span.start == 0 or not doc.has_annotation("SENT_START"):
        return []
    previous = doc[span.start - 1].sent
    if previous.start >= span.start:
        return []
    cache = doc.user_data.setdefault("dateline.quantities", {})
    key = ("alone", previous.start, min(previous.end, span.start))
    if key not in cache:
        cache[key] = tuple(_find_in_tokens(doc, key[1], key[2], [], cues))
    return list(cache[key])
