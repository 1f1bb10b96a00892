"""The words the entity stage reads by: kinds of actors, titles, honorifics, countries.

Everything here is data loaded from the YAML files next to this module (``kinds.yaml``,
``titles.yaml``, ``countries.yaml``) and from the countryinfo and pycountry packages; the
code only indexes it for fast lookup. Loaded once per process.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FUNCTION_WORDS = {"of", "the", "in", "for", "and", "on", "to", "a", "an"}
KINDS = ("person", "government", "military", "armed_group", "political_party", "igo", "ngo", "media", "country",
         "organisation")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents or curly quotes: the form names are compared in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").replace("`", "'").lower().strip()


@lru_cache(maxsize=200_000)
def phrase_key(text: str) -> str:
    """A name's lookup form: folded, hyphens and dots as spaces, no leading article."""
    text = fold(text).replace("-", " ").replace(".", " ").replace("–", " ")
    words = text.split()
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class KnownActor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass
class Lexicon:
    actors: list[KnownActor]
    # name_cues[kind] / described_as[kind]: folded phrases
    name_cues: dict[str, list[str]]
    described_as: dict[str, list[str]]
    peoples: set[str]
    title_heads: set[str]
    title_modifiers: set[str]
    time_words: set[str]
    honorifics: set[str]
    particles: set[str]
    countries: dict[str, Country]
    country_by_name: dict[str, str] = field(default_factory=dict)  # phrase_key -> code
    country_by_demonym: dict[str, str] = field(default_factory=dict)
    country_by_capital: dict[str, str] = field(default_factory=dict)
    ambiguous_demonyms: set[str] = field(default_factory=set)
    actor_by_key: dict[str, KnownActor] = field(default_factory=dict)
    # single words of multi-word title heads ("vice", "prime"), for walking over a title
    title_words: set[str] = field(default_factory=set)
    # cue phrase -> kind, for names and for described-as nouns
    cue_kind: dict[str, str] = field(default_factory=dict)
    described_kind: dict[str, str] = field(default_factory=dict)
    max_cue_words: int = 1
    ministries: dict[str, str] = field(default_factory=dict)  # "foreign" -> "Foreign Affairs"
    national_bodies: dict[str, str] = field(default_factory=dict)  # "forces" -> "military"
    national_body_modifiers: set[str] = field(default_factory=set)
    group_nouns: set[str] = field(default_factory=set)
    facilities: set[str] = field(default_factory=set)
    armed_adjectives: set[str] = field(default_factory=set)
    # what is no actor (kinds.yaml `not_actors`): last words, first words, words anywhere,
    # code patterns of one written word, nouns next to the name
    not_actor_heads: set[str] = field(default_factory=set)
    not_actor_leads: set[str] = field(default_factory=set)
    not_actor_words: set[str] = field(default_factory=set)
    not_actor_codes: re.Pattern | None = None
    not_actor_before: set[str] = field(default_factory=set)
    not_actor_after: set[str] = field(default_factory=set)
    # the demonyms countries.yaml gives: they win over the packages' ("American" is the US,
    # not the Northern Mariana Islands; "Indian" is India, not the British Indian Ocean Territory)
    preferred_demonyms: dict[str, str] = field(default_factory=dict)
    generic_body_words: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for code, country in self.countries.items():
            for name in (country.name, *country.names):
                self.country_by_name.setdefault(phrase_key(name), code)
            for capital in country.capitals:
                self.country_by_capital.setdefault(phrase_key(capital), code)
        for key, code in self.preferred_demonyms.items():
            if key not in self.ambiguous_demonyms:
                self.country_by_demonym.setdefault(key, code)
        for code, country in self.countries.items():
            for demonym in country.demonyms:
                key = phrase_key(demonym)
                if key in self.ambiguous_demonyms:
                    continue
                self.country_by_demonym.setdefault(key, code)
        for actor in self.actors:
            for name in (actor.name, *actor.aliases):
                self.actor_by_key.setdefault(phrase_key(name), actor)
        for kind, cues in self.name_cues.items():
            for cue in cues:
                self.cue_kind[cue] = kind
                self.max_cue_words = max(self.max_cue_words, len(cue.split()))
        for kind, nouns in self.described_as.items():
            for noun in nouns:
                self.described_kind.setdefault(noun, kind)
        for phrase in self.title_heads | self.title_modifiers | self.time_words:
            self.title_words.update(w for w in phrase.replace("-", " ").split() if w not in FUNCTION_WORDS)

    # --- questions the other modules ask -------------------------------------------------------

    def country_of_name(self, text: str) -> str | None:
        return self.country_by_name.get(phrase_key(text))

    def country_of_demonym(self, text: str) -> str | None:
        return self.country_by_demonym.get(phrase_key(text))

    def country_of_capital(self, text: str) -> str | None:
        return self.country_by_capital.get(phrase_key(text))

    def is_people(self, text: str) -> bool:
        return phrase_key(text) in self.peoples

    def known_actor(self, text: str) -> KnownActor | None:
        return self.actor_by_key.get(phrase_key(text))

    def kind_from_name(self, text: str) -> str | None:
        """The kind a cue word inside an organisation's name gives: the longest cue wins,
        then the last one ("Defence Logistics Agency" is an agency)."""
        words = phrase_key(text).split()
        best: tuple[int, int, str] | None = None
        for size in range(min(self.max_cue_words, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                kind = self.cue_kind.get(" ".join(words[start : start + size]))
                if kind is not None and (best is None or (size, start) > best[:2]):
                    best = (size, start, kind)
            if best is not None:
                return best[2]
        return None

    def is_not_actor(self, text: str) -> bool:
        """A disease, pathogen, strain, drug, storm or ward, by its words or shape: "Avian Flu",
        "LPAI H5N1", "A(H1N1)", "Tamiflu", "Ebola Reston", "Cyclone Larry". A cue word of an
        organisation keeps the name an actor's ("the AIDS Foundation", "Ebola Task Force")."""
        if self.not_actor_codes is not None and any(self.not_actor_codes.fullmatch(w.strip(",.;:'\"()"))
                                                    for w in text.split()):
            return True
        words = phrase_key(text).replace("(", " ").replace(")", " ").split()
        if not words:
            return False
        if words[-1] in self.not_actor_heads:
            return True
        if words[0] in self.not_actor_leads or " ".join(words[:2]) in self.not_actor_leads:
            return True
        found = set(words) | {" ".join(words[i:i + 2]) for i in range(len(words) - 1)}
        return bool(found & self.not_actor_words) and self.kind_from_name(text) is None

    def is_generic_body(self, text: str) -> bool:
        """A state body named only by office and portfolio words: it names no country itself."""
        words = [w for w in phrase_key(text).split() if w not in FUNCTION_WORDS]
        if not words or self.kind_from_name(text) != "government":
            return False
        known = self.generic_body_words | {fold(p) for p in self.ministries} | \
            {w for p in self.ministries.values() for w in fold(p).split()}
        return all(w in known or self.cue_kind.get(w) == "government" for w in words)

    def ministry_name(self, text: str) -> str:
        """"Health Ministry" is written "Ministry of Health", as the ministry calls itself."""
        words = text.split()
        if len(words) == 2 and fold(words[1]) == "ministry" and fold(words[0]) in self.ministries:
            return f"Ministry of {self.ministries[fold(words[0])]}"
        return text

    def described_not_actor(self, before: str | None, after: str | None) -> bool:
        """The nouns either side of a name say it is a drug, a virus, a disease ..."""
        return (before is not None and fold(before) in self.not_actor_before) or \
            (after is not None and fold(after) in self.not_actor_after)

    def kind_described_as(self, words: str) -> str | None:
        return self.described_kind.get(phrase_key(words))

    def is_title_word(self, word: str) -> bool:
        return fold(word).strip(".") in self.title_words

    def is_title_head(self, phrase: str) -> bool:
        return phrase_key(phrase) in self.title_heads


def _folded_list(values) -> list[str]:
    return [phrase_key(str(v)) for v in values or ()]


def _countries(extra: dict) -> dict[str, Country]:
    import pycountry

    names: dict[str, list[str]] = {}
    demonyms: dict[str, list[str]] = {}
    capitals: dict[str, list[str]] = {}
    common: dict[str, str] = {}
    try:
        import countryinfo

        folder = Path(countryinfo.__file__).resolve().parent / "data"
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            code = (data.get("ISO") or {}).get("alpha2")
            if not code:
                continue
            common.setdefault(code, data.get("name") or code)
            names.setdefault(code, []).extend(
                [data.get("name") or ""] + [a for a in data.get("altSpellings") or [] if len(a) > 3 and a.isascii()]
            )
            if data.get("demonym"):
                demonyms.setdefault(code, []).append(data["demonym"])
            capital = data.get("capital")
            if isinstance(capital, str) and capital:
                capitals.setdefault(code, []).append(capital)
    except (ImportError, OSError, ValueError):  # the package is optional: pycountry still names every country
        pass
    for country in pycountry.countries:
        code = country.alpha_2
        common.setdefault(code, getattr(country, "common_name", None) or country.name)
        names.setdefault(code, []).extend(
            n for n in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)) if n
        )
    for code, extra_names in (extra.get("names") or {}).items():
        names.setdefault(code, []).extend(extra_names)
    for code, extra_demonyms in (extra.get("demonyms") or {}).items():
        demonyms.setdefault(code, []).extend(extra_demonyms)
    for code, extra_capitals in (extra.get("capitals") or {}).items():
        capitals.setdefault(code, []).extend(extra_capitals)
    return {
        code: Country(code, common[code], tuple(n for n in names.get(code, ()) if n), tuple(demonyms.get(code, ())),
                      tuple(capitals.get(code, ())))
        for code in common
    }


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    kinds = read_yaml(HERE / "kinds.yaml")
    titles = read_yaml(HERE / "titles.yaml")
    countries = read_yaml(HERE / "countries.yaml")
    not_actors = kinds.get("not_actors") or {}
    codes = [str(p) for p in not_actors.get("code_patterns") or ()]
    actors = [
        KnownActor(name=str(a["name"]), kind=str(a["kind"]), aliases=tuple(str(x) for x in a.get("aliases") or ()),
                   country=a.get("country"))
        for a in kinds.get("actors") or ()
    ]
    return Lexicon(
        actors=actors,
        name_cues={kind: _folded_list(cues) for kind, cues in (kinds.get("name_cues") or {}).items()},
        described_as={kind: _folded_list(nouns) for kind, nouns in (kinds.get("described_as") or {}).items()},
        peoples=set(_folded_list(kinds.get("peoples"))),
        title_heads=set(_folded_list(titles.get("heads"))),
        title_modifiers=set(_folded_list(titles.get("modifiers"))),
        time_words=set(_folded_list(titles.get("time_words"))),
        honorifics={fold(str(h)).strip(".") for h in titles.get("honorifics") or ()},
        particles={fold(str(p)).strip("-") for p in titles.get("particles") or ()},
        countries=_countries(countries),
        ambiguous_demonyms=set(_folded_list(countries.get("ambiguous_demonyms"))),
        ministries={fold(str(k)): str(v) for k, v in (kinds.get("ministries") or {}).items()},
        national_bodies={fold(str(noun)): kind for kind, nouns in (kinds.get("national_bodies") or {}).items()
                         for noun in nouns},
        national_body_modifiers=set(_folded_list(kinds.get("national_body_modifiers"))),
        facilities=set(_folded_list(kinds.get("facilities"))),
        group_nouns=set(_folded_list((kinds.get("descriptions") or {}).get("group_nouns"))),
        armed_adjectives=set(_folded_list((kinds.get("descriptions") or {}).get("armed_adjectives"))),
        not_actor_heads=set(_folded_list(not_actors.get("heads"))),
        not_actor_leads=set(_folded_list(not_actors.get("leads"))),
        not_actor_words=set(_folded_list(not_actors.get("words"))),
        not_actor_codes=re.compile("|".join(f"(?:{p})" for p in codes), re.IGNORECASE) if codes else None,
        not_actor_before={fold(str(n)) for n in not_actors.get("described_before") or ()},
        not_actor_after={fold(str(n)) for n in not_actors.get("described_after") or ()},
        generic_body_words=set(_folded_list(kinds.get("generic_body_words"))),
        preferred_demonyms={phrase_key(str(d)): str(code) for code, names in (countries.get("demonyms") or {}).items()
                            for d in names},
    )
