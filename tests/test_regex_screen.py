"""The screens in front of a regex find what the regex alone finds, on hand-made sentences."""

import re
import string
import sys

from dateline.regex_screen import _class, _first, _parse, _with_start_set, required_words, screen_text, with_first_char
from dateline.time.grammar import rules


def test_required_words_of_a_rule_with_alternatives():
    regex = re.compile(r"(?:early|late)?\s*(?:mon|tues)day\s+(?:night|morning)", re.IGNORECASE)
    # 'day' is in every match, but 'night' / 'morning' are longer and also always there
    assert required_words(regex) == {"night", "morning"}


def test_an_optional_word_is_not_required():
    assert required_words(re.compile(r"(?:last )?\d+")) is None
    assert required_words(re.compile(r"week|\d+")) is None  # one alternative needs no word


def test_a_lowercase_screen_holds_for_a_case_sensitive_rule():
    regex = re.compile(r"Christmas Eve")
    assert required_words(regex) == {"christmas eve"}
    assert "christmas eve" in screen_text("On Christmas Eve the roads closed.")


def test_every_character_taken_for_an_ascii_letter_folds_to_it():
    """The fold in screen_text is complete: any code point a case-insensitive ``re`` matches to
    an ASCII letter becomes that letter, lowercased."""
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    twins = [chr(point) for point in range(128, sys.maxunicode + 1) if any_letter.fullmatch(chr(point))]
    assert twins  # the Kelvin sign at least
    for twin in twins:
        letters = [letter for letter in string.ascii_lowercase if re.fullmatch(letter, twin, re.IGNORECASE)]
        assert [screen_text(twin)] == letters, hex(ord(twin))


def test_a_long_s_or_kelvin_sign_still_passes_the_screen():
    regex = re.compile("sunday|kilo", re.IGNORECASE)
    text = "\u017funday, 3 \u212ailo"
    assert [m.group() for m in regex.finditer(text)] == ["\u017funday", "\u212ailo"]
    assert all(word in screen_text(text) for word in ("sunday", "kilo"))


def test_first_character_screen_keeps_matches_and_groups():
    regex = re.compile(r"(?<![\w'-])(?:(?P<rel>last|next) )?(?P<day>monday|tuesday)", re.IGNORECASE)
    screened = with_first_char(regex)
    assert screened is not regex and screened.pattern == regex.pattern  # the start set, not a lookahead
    text = "Talks ended LAST Monday; a Tuesday-night raid, then next tuesday's vote, un-monday."
    assert [(m.span(), m.groupdict()) for m in screened.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in regex.finditer(text)]
    assert [m.group("day") for m in screened.finditer(text)] == ["Monday", "Tuesday", "tuesday"]


def test_a_rule_that_may_match_nothing_gets_no_lookahead():
    regex = re.compile(r"(?:the )?(?:\d+)?")
    assert with_first_char(regex) is regex


def test_a_case_insensitive_part_of_a_case_sensitive_rule_gets_no_lookahead():
    regex = re.compile(r"(?i:may)day")
    assert with_first_char(regex) is regex
    assert with_first_char(regex).fullmatch("MAYday")


def test_every_time_rule_screened_finds_its_own_examples():
    """Each grammar rule's examples pass its word screen and its first-character screen."""
    for rule in rules():
        for example in rule.examples:
            text = f"It was said {example} here."
            plain = [m.span() for m in rule.regex.finditer(text)]
            assert [m.span() for m in rule.scan.finditer(text)] == plain, rule.name
            if plain and rule.needs is not None:
                assert any(word in screen_text(text) for word in rule.needs), (rule.name, example)


def test_the_start_set_passes_over_no_case_twin():
    """A case-insensitive rule still starts at a capital, the Kelvin sign, a long s or a dotted
    capital I: the start set holds every character ``re`` takes for its first letters."""
    regex = re.compile(r"(?<!\w)(?:kilo|sunday|ice)\b", re.IGNORECASE)
    screened = with_first_char(regex)
    text = "KILO, \u212ailo, \u017funday, Sunday, \u0130ce, \u0131ce; ice."
    assert [m.group() for m in screened.finditer(text)] == [m.group() for m in regex.finditer(text)]
    assert len(list(screened.finditer(text))) == 7


def test_a_cased_letter_beyond_ascii_keeps_the_lookahead():
    """No start set is spelled out for a case-insensitive first letter beyond ASCII (its case
    variants are not read): the rule is led by a lookahead instead, with the same matches."""
    regex = re.compile(r"(?<!\w)(?:\u00e9cole|ann\u00e9e)", re.IGNORECASE)
    screened = with_first_char(regex)
    assert screened.pattern.startswith("(?=[")
    text = "L'\u00c9COLE, une ann\u00e9e, \u00e9cole"
    assert [m.span() for m in screened.finditer(text)] == [m.span() for m in regex.finditer(text)]
    assert len(list(screened.finditer(text))) == 3


def test_every_time_rule_starts_where_its_lookahead_would_let_it():
    """For each grammar rule, the characters its start set lets a match start at are exactly
    the ones a case-insensitive lookahead for its first characters lets through, over every
    code point (so the fold of a character longer than one, such as the dotted capital I
    lowercasing to two, is read as ``re`` reads it)."""
    every = "".join(chr(point) for point in range(sys.maxunicode + 1) if not 0xD800 <= point <= 0xDFFF)
    for rule in rules():
        items, _ = _first(_parse(rule.regex))
        lookahead = re.compile(rf"(?={_class(items)})[\s\S]", rule.regex.flags)
        start_set = _with_start_set(re.compile(r"(?!\A\Z)[\s\S]", rule.regex.flags), items)
        assert [m.start() for m in start_set.finditer(every)] == [m.start() for m in lookahead.finditer(every)], rule.name
