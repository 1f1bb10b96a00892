"""Bytes to text, never silently garbled.

The policy (also in the README's input table):

1. UTF-8 (with or without a byte-order mark), or UTF-16 by its mark: read as is.
2. Otherwise-UTF-8 text with a few invalid bytes (at most MAX_REPAIRED_SHARE of the bytes): each
   invalid byte becomes U+FFFD (the replacement character, shown as �) and the reader gets one
   warning naming the line and byte offset of the first ones. A few stray bytes in a story cost
   a few characters, not the story, and nobody is left to guess which words were touched.
3. A file in a legacy encoding (windows-1252, windows-1251, ISO-8859-x ...): charset-normalizer's
   guess, when its text is not noise (chaos at most MAX_CHAOS). When only a few bytes are not
   ASCII, the guess must also read as words (most non-ASCII characters letters touching an ASCII
   letter, or typographic punctuation: "d\\xe9clar\\xe9", "don\\x92t"): two stray bytes between
   spaces are damage, not Latin-1. The encoding used is a warning too.
4. Anything else is rejected with the count and place of the invalid bytes.

Binary files (images, PDFs, archives, executables) are named, not decoded into noise.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

SNIFF_BYTES = 8192
MAX_CHAOS = 0.3  # charset-normalizer's "mess" ratio above which a guess is noise
MAX_REPAIRED_SHARE = 0.01  # invalid bytes replaced by U+FFFD in an otherwise-UTF-8 text
MAX_REPAIRED_BYTES = 16  # ... or this many, in a short text
LEGACY_SAMPLE_BYTES = 64 * 1024  # what charset-normalizer sees to choose a legacy encoding
MIN_DISTINCT_CHARACTERS = 8  # in a text of 100 characters or more
MIN_WORDLIKE_SHARE = 0.8  # of the non-ASCII characters of a legacy reading of a mostly-ASCII text
MAX_PLACES_NAMED = 3  # invalid bytes whose line and offset a warning lists
# what the 0x80-0x9f bytes of windows-1252 and the Latin-1 signs stand for in real text
TYPOGRAPHIC = frozenset("‘’‚‛“”„‟–—…•·«»‹›€£¥°§©®™±×÷¢¹²³¼½¾")

_MAGIC = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"\x1f\x8b", "gzip archive not named .gz"),
)


class DecodeError(ValueError):
    """Bytes that are not text; the message is the reason a user reads."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file this is, or None when it may be text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:SNIFF_BYTES]:
        return "binary file (NUL bytes)"
    return None


def count_invalid_utf8(data: bytes) -> int:
    """How many bytes of ``data`` belong to no valid UTF-8 character (at C speed)."""
    return len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))


def first_invalid_offsets(data: bytes, limit: int) -> list[int]:
    """The offsets of the first ``limit`` invalid bytes."""
    offsets: list[int] = []
    start = 0
    while start < len(data) and len(offsets) < limit:
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            offsets.extend(range(start + error.start, start + error.end))
            start += error.end
    return offsets[:limit]


def describe_places(data: bytes, count: int, base_line: int = 1, base_offset: int = 0) -> str:
    """'line 3 byte 120, line 9 byte 400 and 5 more': where the first invalid bytes are."""
    places = []
    for offset in first_invalid_offsets(data, MAX_PLACES_NAMED):
        line = base_line + data.count(b"\n", 0, offset)
        places.append(f"line {line} byte {base_offset + offset}")
    more = count - len(places)
    return ", ".join(places) + (f" and {more} more" if more > 0 else "")


def _reads_as_words(text: str) -> bool:
    """Whether most non-ASCII characters are letters inside words or typographic signs."""
    plausible = total = 0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        total += 1
        if char in TYPOGRAPHIC:
            plausible += 1
        elif char.isalpha():
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            plausible += (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
    return plausible >= MIN_WORDLIKE_SHARE * total


def _legacy_text(data: bytes) -> tuple[str | None, str]:
    """charset-normalizer's guess from the first LEGACY_SAMPLE_BYTES (cut at a line end: its
    cost grows fast with the length), applied to the whole; None when no guess reads as text."""
    sample = data[:LEGACY_SAMPLE_BYTES]
    if len(data) > LEGACY_SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]
    guess = from_bytes(sample).best()
    if guess is None or guess.chaos > MAX_CHAOS or guess.encoding.replace("-", "_") == "utf_8":
        return None, ""
    try:
        text = data.decode(guess.encoding)
    except (UnicodeDecodeError, LookupError):
        return None, ""
    # one byte repeated (b"\xff" * 5000 reads as "яяя..." in cp1125) is not text in any encoding
    if len(text) >= 100 and len(set(text[:4096])) < MIN_DISTINCT_CHARACTERS:
        return None, ""
    return text, guess.encoding


def decode_bytes(data: bytes, *, legacy: bool = True, base_line: int = 1, base_offset: int = 0) -> Decoded:
    """The text of ``data`` with the policy above; raises DecodeError with the reason when the
    bytes are not text. ``legacy=False`` (JSON, which is UTF-8 by definition) skips step 3.
    ``base_line``/``base_offset`` place ``data`` in its file, for the warnings."""
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError(f"{kind}, not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        base_offset += len(codecs.BOM_UTF8)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as error:
            raise DecodeError(f"broken UTF-16 at byte {base_offset + error.start}") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    invalid = count_invalid_utf8(data)
    places = describe_places(data, invalid, base_line, base_offset)
    few = invalid <= max(MAX_REPAIRED_BYTES, MAX_REPAIRED_SHARE * len(data))
    if legacy:
        text, encoding = _legacy_text(data)
        if text is not None and (not few or _reads_as_words(text)):
            return Decoded(text, encoding, [f"not UTF-8 ({places}); read as {encoding}"])
    if few:
        plural = "s" if invalid > 1 else ""
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                       [f"{invalid} invalid UTF-8 byte{plural} ({places}) replaced by U+FFFD"])
    raise DecodeError(f"undecodable bytes: {invalid} of {len(data)} bytes are not UTF-8 ({places}) "
                      f"and no other encoding fits")



_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """(text with each lone surrogate as U+FFFD, how many there were). JSON's ``"\\ud800"`` and
    XML's ``&#xd800;`` make strings that no UTF-8 file or database can hold."""
    count = len(_SURROGATE.findall(text))
    return (_SURROGATE.sub("\ufffd", text), count) if count else (text, 0)


def without_surrogates(value: object) -> tuple[object, int]:
    """A JSON value with every string cleaned by replace_surrogates, and the count."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        cleaned = [without_surrogates(v) for v in value]
        return [v for v, _ in cleaned], sum(n for _, n in cleaned)
    if isinstance(value, dict):
        total, result = 0, {}
        for key, item in value.items():
            clean_key, n_key = replace_surrogates(key)
            clean_item, n_item = without_surrogates(item)
            result[clean_key] = clean_item
            total += n_key + n_item
        return result, total
    return value, 0
