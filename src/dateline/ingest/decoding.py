"""Bytes to text: UTF-8 first (with or without a byte-order mark), then UTF-16 by its mark,
then charset-normalizer's best guess. Binary files (images, PDFs, archives, executables) are
named, not decoded into noise."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

SNIFF_BYTES = 8192
MAX_CHAOS = 0.3  # charset-normalizer's "mess" ratio above which a guess is noise

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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding); raises DecodeError with the reason when the bytes are not text."""
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError(f"{kind}, not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise DecodeError(f"undecodable bytes: broken UTF-16 at byte {error.start}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    guess = from_bytes(data).best()
    if guess is None or guess.chaos > MAX_CHAOS:
        raise DecodeError(f"undecodable bytes: not UTF-8 (first bad byte at {first_bad}) and no other encoding fits")
    return str(guess), guess.encoding
