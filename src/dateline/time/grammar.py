"""The grammar of time expressions: vocabulary.yaml and grammar.yaml, compiled once.

A rule's pattern is readable text with macros ({MONTH}, {AMOUNT} ...) expanded from the
vocabulary; matching runs every compiled rule over the text, then keeps the longest of
overlapping matches (the first listed rule on a tie). Finding is cheap; what a match *means*
is the normaliser's job (dateline.time.normalise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from dateline.regex_screen import required_words, screen_text, with_first_char

HERE = Path(__file__).resolve().parent
VOCABULARY_FILE = HERE / "vocabulary.yaml"
GRAMMAR_FILE = HERE / "grammar.yaml"


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))


def _alternation(words) -> str:
    """Longest first, so "sept" is tried before "sep"."""
    return "|".join(re.escape(word).replace(r"\ ", " ") for word in sorted(words, key=len, reverse=True))


def phrase_alternation(words) -> str:
    """The words as a regex alternation, longest first, the space inside a phrase matching any
    white space ("block of" across a line break)."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def _macros() -> dict[str, str]:
    words = vocabulary()
    months = words["months"]
    full_months = [name for name in months if len(name) > 4 or name in ("may", "june", "july")]
    abbreviations = [name for name in months if name not in full_months]
    weekdays_full = [name for name in words["weekdays"] if name.endswith("day")]
    weekday_abbr = [name for name in words["weekdays"] if not name.endswith("day")]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    spelled_number = (
        rf"(?:(?:{tens})(?:[- ](?:{ones}))?|{teens}|{ones})(?: hundred(?: (?:and )?(?:(?:{tens})(?:[- ](?:{ones}))?|{teens}|{ones}))?)?"
        rf"(?: thousand)?"
    )
    # years: 1600-2099 in figures; "nineteen ninety-six", "two thousand (and) one" in words
    spelled_year = (
        rf"(?:nineteen|eighteen|twenty) (?:(?:{tens})(?:[- ](?:{ones}))?|{teens}|hundred)"
        rf"|two thousand(?: (?:and )?(?:(?:{tens})(?:[- ](?:{ones}))?|{teens}|{ones}))?"
    )
    ordinal_words = _alternation(words["ordinals"])
    amount = rf"\d+(?:,\d{{3}})*|{spelled_number}|a (?:hundred|thousand)|a couple of|couple of|a dozen|half a dozen|a|an|one|a single"
    vague = _alternation(words["vague_amounts"])
    units = []
    for unit in words["units"]:
        units.append(unit)
        units.append("centuries" if unit == "century" else "millennia" if unit == "millennium" else unit + "s")
    return {
        "MONTH": rf"(?:(?:{_alternation(full_months)})|(?:{_alternation(abbreviations)})\.?)",
        "MONTH_FULL": rf"(?:{_alternation(full_months)})",
        "MONTH_ABBR": rf"(?:(?:{_alternation(abbreviations)})\.)",
        "WEEKDAY": rf"(?:(?:{_alternation(weekdays_full)})|(?:{_alternation(weekday_abbr)})\.)",
        "WEEKDAY_FULL": rf"(?:{_alternation(weekdays_full)})",
        "DAY": rf"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|{ordinal_words})",
        "YEAR": rf"(?:1[6-9]\d\d|20\d\d|{spelled_year})",
        "ORDINAL_WORD": ordinal_words,
        "QUARTER_ORDINAL": r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)",
        "AMOUNT": rf"(?:{amount})",
        "VAGUE": rf"(?:{vague})",
        "UNIT": rf"(?:{_alternation(units)})",
        "PART": rf"(?:{_alternation(words['parts_of_day'])})",
        "SEASON": rf"(?:{_alternation(words['seasons'])})",
        # "within", "just", "only", "barely" stay out of the extent in TimeBank; "over" is a
        # modifier before an amount ("over a week") but a preposition before "the"
        "MOD_BEFORE": r"(?:about|around|approximately|roughly|some|nearly|almost|less than|under|fewer than|"
        r"more than|over(?! the)|at least|up to|no more than|no less than|at most|"
        r"well over|just over|just under|a little (?:more|less) than)",
        "HY": r"(?:-|\s+)",
        # capitalised as written ("Christmas Day", "New Year's Eve"); the rule is case-sensitive
        "HOLIDAY": "(?:" + "|".join(
            re.escape(" ".join(w[0].upper() + w[1:] for w in name.split())).replace(r"\ ", " ").replace("'", "(?:'|’)")
            for name in sorted(words["holidays"], key=len, reverse=True)
        ) + ")",
    }


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    normalise: str
    args: dict = field(default_factory=dict)
    guard: str | None = None
    examples: tuple = ()
    order: int = 0
    # the same regex screened (dateline.regex_screen): it runs only over a text holding one of
    # ``needs`` (None: any text), and turns a position down by its first character
    scan: re.Pattern | None = None
    needs: frozenset[str] | None = None


def expand(pattern: str, macros: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in macros:
            raise KeyError(f"{GRAMMAR_FILE.name}: unknown macro {{{name}}}")
        return macros[name]

    # macros first (they hold literal spaces too), then every space means "any white space"
    expanded = re.sub(r"\{([A-Z_]+)\}", replace, pattern)
    return expanded.replace(" ", r"\s+")


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    macros = _macros()
    data = yaml.safe_load(GRAMMAR_FILE.read_text(encoding="utf-8"))
    compiled = []
    for order, entry in enumerate(data["rules"]):
        flags = 0 if entry.get("case") == "sensitive" else re.IGNORECASE
        body = expand(entry["pattern"], macros)
        try:
            regex = re.compile(rf"(?<![\w'-])(?:{body})(?![\w]|-\w)", flags)
        except re.error as error:
            raise ValueError(f"{GRAMMAR_FILE.name}: rule {entry['name']!r}: {error}") from None
        compiled.append(
            Rule(
                name=entry["name"],
                regex=regex,
                normalise=entry["normalise"],
                args=entry.get("args") or {},
                guard=entry.get("guard"),
                examples=tuple(entry.get("examples") or ()),
                order=order,
                scan=with_first_char(regex),
                needs=required_words(regex),
            )
        )
    return tuple(compiled)


@dataclass
class Match:
    rule: Rule
    match: re.Match
    start: int
    end: int

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None


def find_matches(text: str, accept=None) -> list[Match]:
    """Every rule's matches, overlaps resolved: longest first, then the earlier-listed rule.

    ``accept(match, text)`` may turn down a match by its context before overlaps are resolved,
    so that a rejected long reading does not hide a good shorter one."""
    found: list[Match] = []
    screened = screen_text(text)
    for rule in rules():
        if rule.needs is not None and not any(word in screened for word in rule.needs):
            continue  # no match can be in this text
        for match in rule.scan.finditer(text):
            start, end = match.span()
            if "pre" in rule.regex.groupindex and match.group("pre") is not None:
                # a word the pattern needs as context but TimeML leaves out of the extent
                start = match.end("pre")
                while start < end and text[start].isspace():
                    start += 1
            if end > start:
                candidate = Match(rule, match, start, end)
                if accept is None or accept(candidate, text):
                    found.append(candidate)
    found.sort(key=lambda m: (-(m.end - m.start), m.rule.order, m.start))
    taken: list[tuple[int, int]] = []
    kept: list[Match] = []
    for candidate in found:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        taken.append((candidate.start, candidate.end))
        kept.append(candidate)
    kept.sort(key=lambda m: m.start)
    return kept
