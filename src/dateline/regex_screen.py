"""Two cheap screens in front of a regular expression, read off its own parse, that never change
what it finds (the time grammar runs some fifty rules over every article's text, and a rule
that cannot match was still tried at every word start):

    words = required_words(regex)     # one of these is in every match (lowercased), or None
    regex = with_first_char(regex)    # the same rule, turning a position down by its first character
    if words is None or any(w in screen_text(text) for w in words): regex.finditer(text)

Python's ``re`` compiles neither screen itself: it scans for a leading literal or character
class only when the pattern starts with one, and never for a case-insensitive one. Its search
loop does have a fast path for a known set of first characters (the compiled pattern's info
block): ``with_first_char`` fills that block in with the rule's first characters, case
variants spelled out, so a position no match can start at is passed over in that C loop,
without entering the matcher (a lookahead in the pattern still entered it at every position).
"""

from __future__ import annotations

import re
from re import _compiler, _parser
from re import _constants as sre  # the parse tree ``re`` compiles from (stable across 3.11-3.13)

import _sre

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
}

# The characters other than ASCII that a case-insensitive ``re`` takes for an ASCII letter
# (dotted and dotless i, long s, the Kelvin sign), as that letter: with them folded, a text
# that an ASCII literal matches case-insensitively holds the literal lowercased.
# tests/test_regex_screen.py checks the list against every code point.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def screen_text(text: str) -> str:
    """The text as ``required_words`` are looked for in it: folded as above, lowercased."""
    return text.translate(_FOLD).lower()


class _Unknown(Exception):
    """A construct the screens do not read (a back reference, any character): no screen."""


def _parse(regex: re.Pattern):
    return _parser.parse(regex.pattern, regex.flags)


# --- one of these words in every match ----------------------------------------------------------

def required_words(regex: re.Pattern) -> frozenset[str] | None:
    """Lowercased ASCII strings one of which every match of ``regex`` contains, the longest the
    pattern guarantees; None when it guarantees none (every word optional, say)."""
    return _required(_parse(regex))


def _required(items) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run.lower()}))
            run = ""
        if op is sre.SUBPATTERN:
            found = _required(av[3])
        elif op is sre.BRANCH:
            alternatives = [_required(alternative) for alternative in av[1]]
            found = frozenset().union(*alternatives) if all(alternatives) else None
        elif op in _REPEATS and av[0] > 0:
            found = _required(av[2])
        else:  # zero width, a class, an optional part: guarantees no word
            found = None
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({run.lower()}))
    if not candidates:
        return None
    # the rarest-looking choice: its shortest word longest, then the fewest words
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


# --- the first character of every match ---------------------------------------------------------

def with_first_char(regex: re.Pattern) -> re.Pattern:
    """``regex`` that tries a match only at a position whose character can start one: the same
    matches, the same groups. Compiled with those characters as its set of first characters
    (``_with_start_set``); led by a lookahead for them when that cannot be built; ``regex``
    itself when the set is not known (or a match may be empty)."""
    try:
        items, may_be_empty = _first(_parse(regex))
        if may_be_empty or not items:
            return regex
        lookahead = _class(items)  # (also turns down what neither screen reads)
    except _Unknown:
        return regex
    try:
        return _with_start_set(regex, items)
    except (_Unknown, TypeError, ValueError, IndexError, AttributeError):  # another ``re`` than 3.11-3.13's
        return re.compile(f"(?={lookahead})" + regex.pattern, regex.flags)


def _with_start_set(regex: re.Pattern, items) -> re.Pattern:
    """``regex`` compiled again by ``re``'s own compiler, its info block replaced by one that
    names ``items`` (spelled out in both cases for a case-insensitive rule) as the characters a
    match starts with. ``re`` reads that block only to pass over positions before it tries a
    match there, so the matches and groups are the pattern's own."""
    parsed = _parse(regex)
    low, high = parsed.getwidth()
    code = _compiler._code(parsed, regex.flags)
    if low == 0 or code[0] != sre.INFO or code[2] != 0:  # a match may be empty, or ``re`` found a prefix itself
        raise _Unknown(code[0])
    ignore_case = bool(regex.flags & re.IGNORECASE)
    charset, _ = _compiler._optimize_charset(_both_cases(items) if ignore_case else items)
    info = [sre.INFO, 0, sre.SRE_INFO_CHARSET, min(low, _compiler.MAXCODE), min(high, _compiler.MAXCODE)]
    _compiler._compile_charset(charset, regex.flags & ~re.IGNORECASE, info)  # matched as written
    info[1] = len(info) - 1  # (the skip to the pattern's own code)
    body = code[1 + code[1]:]
    groups = parsed.state.groupdict
    names = [None] * parsed.state.groups
    for name, number in groups.items():
        names[number] = name
    return _sre.compile(regex.pattern, regex.flags | parsed.state.flags, info + body, parsed.state.groups - 1,
                        groups, tuple(names))


# the other characters a case-insensitive ``re`` matches to an ASCII letter, by that letter
_TWINS: dict[int, list[int]] = {}
for _twin, _letter in _FOLD.items():
    _TWINS.setdefault(ord(_letter), []).append(_twin)


def _both_cases(items) -> list:
    """The class items of a case-insensitive rule as a case-sensitive class of the same
    characters: each ASCII letter in both cases and with its twins (``_FOLD``); a class of
    characters (digits, white space) as it is. A cased letter beyond ASCII: not read."""
    spelled = []
    for op, av in items:
        if op is sre.CATEGORY:
            spelled.append((op, av))
            continue
        points = [av] if op is sre.LITERAL else range(av[0], av[1] + 1) if op is sre.RANGE else None
        if points is None:
            raise _Unknown(op)
        for point in points:
            char = chr(point)
            if point >= 128:
                if char.lower() != char or char.upper() != char:
                    raise _Unknown(op)
                spelled.append((sre.LITERAL, point))
                continue
            spelled += [(sre.LITERAL, ord(char.lower())), (sre.LITERAL, ord(char.upper()))]
            spelled += [(sre.LITERAL, twin) for twin in _TWINS.get(ord(char.lower()), ())]
    return spelled


def _first(items) -> tuple[list, bool]:
    """(class items of the characters a match of ``items`` can start with, whether it can be empty)."""
    start: list = []
    for op, av in items:
        if op is sre.LITERAL:
            return start + [(op, av)], False
        if op is sre.IN:
            return start + list(av), False
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            if (av[1] | av[2]) & sre.SRE_FLAG_IGNORECASE:  # its case rule is not the class's
                raise _Unknown(op)
            found, may_be_empty = _first(av[3])
        elif op is sre.BRANCH:
            found, may_be_empty = [], False
            for alternative in av[1]:
                more, empty = _first(alternative)
                found += more
                may_be_empty |= empty
        elif op in _REPEATS:
            found, may_be_empty = _first(av[2])
            may_be_empty |= av[0] == 0
        else:
            raise _Unknown(op)
        start += found
        if not may_be_empty:
            return start, False
    return start, True


def _class(items) -> str:
    """The class items as a ``[...]`` of the regex's own syntax (read with its own flags, so a
    case-insensitive rule's class is case-insensitive too)."""
    parts = set()
    for op, av in items:
        if op is sre.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.add(_CATEGORIES[av])
        else:  # a negated class, a Unicode category: not worth reading
            raise _Unknown(op)
    return "[" + "".join(sorted(parts)) + "]"
