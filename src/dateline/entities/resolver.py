"""Canonical entities across articles: one id per actor, however each article names it.

Two steps, so that the result does not depend on the order articles arrive in:

- the map step (``ArticleEntityReader``, one article alone) finds the article's actors and
  gives each an article-local key (``ArticleEntity``); mentions point at those keys;
- the reduce step (``EntityResolver.resolve``) ties the article entities of a whole corpus to
  canonical entities. It first sorts them (curated and fixed actors, then the fullest names,
  then by name and article), so the same set of articles always gives the same entities and
  ids, whichever order, batch size or partitioning they were read in.

How two article entities are found to be one:

- organisations, parties, armed groups, bodies of a state: by their names and aliases folded
  (case, accents, hyphens, a leading "the"), then by close spelling (rapidfuzz ratio >= 92);
  a ministry or an army is told apart by its country ("Ministry of Defence" of Afghanistan is
  not that of the United States);
- people: by surname, spelt loosely (Mansouri/Mansuri), then by the other words of the name:
  "Al Mansouri" is "Faisal bin Nasser Al Mansouri" but "Hamid Karzai" is not "Ahmed Wali
  Karzai". A bare surname joins a known person only when one person fits (else the country or
  a title must single one out); otherwise it stays apart rather than merge two people.

Ids are made from the kind and the first full name in that sorted order ("person:amrullah-saleh").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from dateline.config import SETTINGS
from dateline.entities.lexicon import KnownActor, Lexicon, default_lexicon, fold, phrase_key
from dateline.entities.mentions import ArticleReader, LocalEntity, name_matcher
from dateline.entities.names import PersonName, name_similarity, person_name, same_person_name
from dateline.entities.user_file import UserEntity, default_entities_path, read_user_entities
from dateline.model import Article, ArticleEntity, Entity, Mention, Place, Role, Span
from dateline.nlp import text_of

MAX_ALIASES = SETTINGS.entities.max_aliases
FUZZY_ORG_SCORE = SETTINGS.entities.fuzzy_org_score
STATE_KINDS = {"government", "military"}


def slug(text: str) -> str:
    words = re.sub(r"[^\w]+", "-", fold(text), flags=re.UNICODE).strip("-_")
    return words[:80] or "unnamed"


@dataclass
class _Record:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    person: PersonName | None = None
    fixed: bool = False  # the user's file says what it is: kind and name are not changed

    def add_alias(self, text: str) -> None:
        text = " ".join(text.split())
        if not text or len(self.aliases) >= MAX_ALIASES:
            return
        folded = fold(text)
        if folded == fold(self.name) or any(fold(a) == folded for a in self.aliases):
            return
        self.aliases.append(text)

    def entity(self) -> Entity:
        return Entity(id=self.id, name=self.name, kind=self.kind, aliases=tuple(self.aliases),
                      country_code=self.country,
                      roles=tuple(sorted(self.roles, key=lambda r: (r.as_of is None, r.as_of or 0, r.title))))


class ArticleEntityReader:
    """The map step: one article's actor mentions and its own entities, nothing shared between
    articles but the lexicon and the user's entities file."""

    def __init__(self, aliases_path: Path | None = None, lexicon: Lexicon | None = None):
        self.lexicon: Lexicon = lexicon or default_lexicon()
        path = aliases_path if aliases_path is not None else default_entities_path()
        self.user = read_user_entities(path)
        self.user_actors: dict[str, KnownActor] = {}
        for user in self.user.entities:
            actor = KnownActor(user.name, user.kind, tuple(user.aliases), user.country)
            for text in (user.name, *user.aliases):
                self.user_actors[phrase_key(text)] = actor
        self._reader: ArticleReader | None = None

    def _article_reader(self, doc: Doc) -> ArticleReader:
        if self._reader is None:
            names = [n for actor in self.lexicon.actors for n in (actor.name, *actor.aliases)]
            names += [n for actor in {id(a): a for a in self.user_actors.values()}.values()
                      for n in (actor.name, *actor.aliases)]
            self._reader = ArticleReader(self.lexicon, name_matcher(doc.vocab, names), self.user_actors,
                                         {phrase_key(n) for n in self.user.ignore})
        return self._reader

    def read(self, article: Article, doc: Doc, places: list[Place] | None = None) -> tuple[list[Mention], list[ArticleEntity]]:
        """The article's actor mentions, each pointing at one of the article's own entities by
        its key; nationalities of no country ("Tajik") come back with no entity. ``places``:
        what the geo stage placed; a town's name the NER took for a person or a body is left to it."""
        text = text_of(doc)
        reading = self._article_reader(doc).read(doc, text)
        towns = _town_spans(places or [])
        if towns:
            # one sense per article: "the town of Kemise" makes every bare "Kemise" the town
            town_names = {text[start:end] for start, end in towns}
            dropped = {id(f) for f in reading.mentions if f.label in {"PERSON", "ORG"} and not f.known
                       and f.kind_evidence not in {"lexicon", "user", "described"}
                       and text[doc[f.start].idx : doc[f.end - 1].idx + len(doc[f.end - 1])] in town_names}
            reading.mentions = [f for f in reading.mentions if id(f) not in dropped]
            reading.entities = [e for e in reading.entities if any(id(f) not in dropped for f in e.mentions)]
        keys: dict[int, str] = {}
        found: list[ArticleEntity] = []
        for number, local in enumerate(reading.entities):
            key = f"{article.id[:16]}:{number}"
            keys[id(local)] = key
            found.append(self._article_entity(key, local, article, doc, text))
        mentions = []
        for item in reading.mentions:
            span = _char_span(doc, item.start, item.end, text)
            key = keys.get(id(item.group)) if item.group is not None else None
            kind = item.group.kind if key else item.kind
            mentions.append(Mention(span=span, label=item.label, entity_id=key, kind=kind))
        return mentions, found

    def _article_entity(self, key: str, local: LocalEntity, article: Article, doc: Doc, text: str) -> ArticleEntity:
        roles: list[Role] = []
        if local.kind == "person":
            for title, start, end in local.roles:
                if not any(r.title.lower() == title.lower() for r in roles):
                    roles.append(Role(title=title, as_of=article.published, article_id=article.id,
                                      evidence=_char_span(doc, start, end, text)))
        return ArticleEntity(
            key=key, article_id=article.id, kind=local.kind, names=tuple(local.names),
            aliases=tuple(sorted(local.aliases)), country_code=local.country,
            known=local.known.name if local.known is not None else None, fixed_id=local.fixed_id,
            article_only=local.article_only, roles=tuple(roles),
        )


def resolution_order(entity: ArticleEntity) -> tuple:
    """The order the reduce step reads article entities in, whatever order they came: actors the
    lexicon fixes first, then full names before bare surnames (a bare "Karzai" then finds every
    full Karzai there is), then by name and article, so ties never depend on arrival."""
    words = len(entity.name.split())
    return (entity.fixed_id is None and entity.known is None, -words, fold(entity.name), entity.article_id, entity.key)


class EntityResolver:
    """The reduce step: canonical entities from the article entities of many articles."""

    def __init__(self, aliases_path: Path | None = None, known: list[Entity] = (),
                 reader: ArticleEntityReader | None = None):
        self.reader = reader or ArticleEntityReader(aliases_path)
        self.lexicon: Lexicon = self.reader.lexicon
        self.user = self.reader.user
        self._records: dict[str, _Record] = {}
        self._by_key: dict[str, str] = {}  # folded name (with country for state bodies) -> id
        self._person_keys: dict[str, str] = {}  # folded full person name -> id
        self._by_surname: dict[str, list[str]] = {}
        self._known_actors: dict[str, KnownActor] = {phrase_key(a.name): a for a in self.lexicon.actors}
        for entity in known:
            self._adopt(entity)
        for entity in self.user.entities:
            self._apply_user(entity)
        self._known_actors.update({phrase_key(a.name): a for a in self.reader.user_actors.values()})

    # --- state -----------------------------------------------------------------------------------

    def _new_id(self, kind: str, name: str, country: str | None = None) -> str:
        base = f"{kind}:{(country.lower() + '-') if country else ''}{slug(name)}"
        candidate, number = base, 2
        while candidate in self._records:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def _body_key(self, text: str, kind: str, country: str | None) -> str:
        key = phrase_key(text)
        return f"{country}:{key}" if kind in STATE_KINDS and country else key

    def _index(self, record: _Record) -> None:
        names = [record.name, *record.aliases]
        if record.kind == "person":
            for text in names:
                name = person_name(text, self.lexicon)
                if not name.words:
                    continue
                if name.is_full or record.fixed:
                    self._person_keys.setdefault(phrase_key(name.text), record.id)
                ids = self._by_surname.setdefault(name.surname, [])
                if record.id not in ids:
                    ids.append(record.id)
        else:
            for text in names:
                self._by_key.setdefault(self._body_key(text, record.kind, record.country), record.id)
                if record.kind in STATE_KINDS and record.country:
                    # "Afghan Ministry of Defence" also answers to the country-qualified plain name
                    self._by_key.setdefault(self._body_key(text, record.kind, None) + f"@{record.country}", record.id)

    def _adopt(self, entity: Entity) -> None:
        record = _Record(entity.id, entity.name, entity.kind, entity.country_code, list(entity.aliases),
                         list(entity.roles))
        if entity.kind == "person":
            record.person = person_name(entity.name, self.lexicon)
        self._records[record.id] = record
        self._index(record)

    def _apply_user(self, user: UserEntity) -> None:
        record = self._records.get(user.id) if user.id else None
        if record is None:
            for text in (user.name, *user.aliases):
                found = self._find_record(text, user.kind, user.country)
                if found is not None:
                    record = found
                    break
        if record is None:
            record = _Record(user.id or self._new_id(user.kind, user.name), user.name, user.kind, user.country)
            self._records[record.id] = record
        previous = record.name
        record.name, record.kind, record.fixed = user.name, user.kind, True
        record.country = user.country or record.country
        record.add_alias(previous)
        for alias in user.aliases:
            record.add_alias(alias)
        if user.kind == "person":
            record.person = person_name(user.name, self.lexicon)
        self._index(record)

    def _find_record(self, text: str, kind: str, country: str | None) -> _Record | None:
        if kind == "person":
            found = self._person_keys.get(phrase_key(person_name(text, self.lexicon).text))
        else:
            found = self._by_key.get(self._body_key(text, kind, country))
        return self._records.get(found) if found else None

    # --- the reduce step ----------------------------------------------------------------------------

    def resolve(self, article_entities: Iterable[ArticleEntity]) -> dict[str, str]:
        """Tie article entities to canonical entities; returns each article entity's key with
        the id of its canonical entity. Read in ``resolution_order``, not in the order given."""
        links: dict[str, str] = {}
        for local in sorted(article_entities, key=resolution_order):
            record = self._resolve(local)
            links[local.key] = record.id
            if record.kind == "person":
                for role in local.roles:
                    if not any(r.title.lower() == role.title.lower() and r.as_of == role.as_of
                               and r.article_id == role.article_id for r in record.roles):
                        record.roles.append(role)
        return links

    def add_article(self, article: Article, doc: Doc, places: list[Place] | None = None) -> list[Mention]:
        """Map and reduce for one article at a time (scripts and tests): its mentions with the
        canonical ids. Articles fed this way are resolved in the order given; a corpus read by
        the pipeline is resolved as a whole, in ``resolution_order``."""
        mentions, found = self.reader.read(article, doc, places)
        links = self.resolve(found)
        return [replace(m, entity_id=links.get(m.entity_id)) if m.entity_id else m for m in mentions]

    def entities(self) -> list[Entity]:
        return [record.entity() for record in sorted(self._records.values(), key=lambda r: r.id)]

    # --- resolution --------------------------------------------------------------------------------

    def _resolve(self, local: ArticleEntity) -> _Record:
        record = self._resolve_person(local) if local.kind == "person" else self._resolve_body(local)
        for name in local.names:
            record.add_alias(name)
        for alias in local.aliases:
            record.add_alias(alias)
        record.country = record.country or local.country_code
        if not local.article_only:
            self._index(record)
        return record

    def _resolve_body(self, local: ArticleEntity) -> _Record:
        kind, country = local.kind, local.country_code
        if local.fixed_id:
            # "Afghan security forces" rather than "Afghan soldiers" as the shown name
            forces = next((n for n in local.names if fold(n).endswith(" forces")), None)
            record = self._records.get(local.fixed_id)
            if record is None:
                record = _Record(local.fixed_id, forces or local.name, kind, country)
                self._records[record.id] = record
            elif forces and not record.fixed and not fold(record.name).endswith(" forces"):
                record.add_alias(record.name)
                record.name = forces
            return record
        if local.article_only:
            # no country to tell it from the other health ministries: the article's own entity,
            # named after the article so that reading it again gives the same id
            record = _Record(f"{kind}:{slug(local.name)}-{local.article_id[:12]}", local.name, kind, country)
            self._records[record.id] = record
            return record
        known = self._known_actors.get(phrase_key(local.known)) if local.known else None
        names = list(local.names) + sorted(local.aliases)
        if known is not None:
            names = [known.name, *known.aliases, *names]
        record = None
        for text in names:
            found = self._by_key.get(self._body_key(text, kind, country))
            if found is None and kind in STATE_KINDS and country:
                found = self._by_key.get(self._body_key(text, kind, None) + f"@{country}")
            if found is not None:
                record = self._records[found]
                break
        if record is None and len(phrase_key(local.name).split()) >= 2:
            record = self._fuzzy_body(local)
        if record is None:
            name = known.name if known is not None else local.name
            record = _Record(self._new_id(kind, name, country if kind in STATE_KINDS and known is None else None),
                             name, kind, country)
            self._records[record.id] = record
        elif not record.fixed and record.kind == "organisation" and kind != "organisation":
            record.kind = kind  # another article says what it is
        return record

    def _fuzzy_body(self, local: ArticleEntity) -> _Record | None:
        key = self._body_key(local.name, local.kind, local.country_code)
        match = process.extractOne(key, list(self._by_key), scorer=fuzz.ratio, score_cutoff=FUZZY_ORG_SCORE)
        if match is None:
            return None
        if not same_shape(key, match[0]):
            return None
        record = self._records[self._by_key[match[0]]]
        if record.kind == "person" or (record.kind != local.kind and "organisation" not in {record.kind, local.kind}):
            return None
        if record.country and local.country_code and record.country != local.country_code:
            return None
        return record

    def _resolve_person(self, local: ArticleEntity) -> _Record:
        name = person_name(local.name, self.lexicon)
        exact = self._person_keys.get(phrase_key(name.text))
        if exact is not None:
            record = self._records[exact]
        else:
            record = self._best_person(name, local)
        if record is None:
            record = _Record(self._new_id("person", name.text), name.text, "person", local.country_code, person=name)
            self._records[record.id] = record
        elif not record.fixed and (record.person is None or len(name.words) > len(record.person.words)):
            record.add_alias(record.name)
            record.name, record.person = name.text, name  # the fullest name is the one shown
        return record

    def _best_person(self, name: PersonName, local: ArticleEntity) -> _Record | None:
        candidates = []
        for record_id in self._by_surname.get(name.surname, ()):
            record = self._records[record_id]
            names = [record.person] if record.person else []
            names += [person_name(a, self.lexicon) for a in record.aliases]
            if name.is_full:
                # a bare surname seen beside a full name says nothing about other given names:
                # "Ahmed Wali Karzai" is not "Hamid Karzai" because both were called "Karzai"
                names = [n for n in names if n.is_full] or names[:1]
            if any(n.words and same_person_name(name, n) for n in names):
                candidates.append(record)
        if not candidates:
            return None
        if name.is_full:
            return max(candidates, key=lambda r: (r.person is not None and r.person.is_full,
                                                  name_similarity(name, r.person) if r.person else 0))
        # a bare surname: only when one person fits, or the country or a title singles one out
        full = [r for r in candidates if r.person is not None and r.person.is_full]
        if len(full) == 1:
            return full[0]
        if len(full) > 1:
            narrowed = [r for r in full if local.country_code and r.country == local.country_code]
            titles = {fold(role.title) for role in local.roles}
            if titles:
                narrowed = [r for r in (narrowed or full) if titles & {fold(role.title) for role in r.roles}]
            if len(narrowed) == 1:
                return narrowed[0]
        bare = [r for r in candidates if r.person is None or not r.person.is_full]
        return bare[0] if bare else None


def same_shape(a: str, b: str) -> bool:
    """Whether two names that spell alike may be one: close spelling is for variants of the same
    words ("Los Angles Times"), not for an added word ("WA Department of Agriculture" is not the
    "Department of Agriculture") nor for other numbers or codes ("H5N1" / "H1N1")."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    return all(x == y for x, y in zip(words_a, words_b) if any(c.isdigit() for c in x + y))


def _char_span(doc: Doc, start: int, end: int, text: str) -> Span:
    """``text`` is the doc's text, passed in: ``doc.text`` is rebuilt from the tokens on each call."""
    first, last = doc[start], doc[end - 1]
    char_start, char_end = first.idx, last.idx + len(last.text)
    return Span(char_start, char_end, text[char_start:char_end])


def _town_spans(places: list[Place]) -> set[tuple[int, int]]:
    """Character spans of the places the gazetteer placed below country level (towns,
    districts, provinces, features): a country or a capital can act, a town named alone cannot."""
    return {(p.span.start, p.span.end) for p in places
            if p.resolution == "gazetteer" and p.feature_code and not p.names_a_state}
