"""The user's own entities file: add or correct entities, aliases and kinds; applied on the
next run.

```yaml
entities:
  - name: Amrullah Saleh          # the name to show
    kind: person                  # person, government, military, armed_group, political_party,
                                  # igo, ngo, media, country, organisation
    aliases: [Amrullah Salih, Saleh]
    country: AF                   # optional, ISO 3166 alpha-2
    id: person:amrullah-saleh     # optional: keep an id stable, or correct an existing one
  - name: National Resistance Front
    kind: armed_group
    aliases: [NRF, National Resistance Front of Afghanistan]
ignore: [Follow Doha News]        # words never to be taken for an actor
```

Found at the path given, else at ``$DATELINE_ENTITIES``, else ``dateline-entities.yaml`` in
the working folder when there is one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dateline.entities.lexicon import KINDS

DEFAULT_NAME = "dateline-entities.yaml"


class EntitiesFileError(ValueError):
    """A user's entities file that cannot be read: the message names the file and the reason."""


@dataclass(frozen=True)
class UserEntity:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    id: str | None = None


@dataclass
class UserEntities:
    entities: list[UserEntity] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    path: Path | None = None


def default_entities_path() -> Path | None:
    configured = os.environ.get("DATELINE_ENTITIES")
    if configured:
        return Path(configured)
    local = Path(DEFAULT_NAME)
    return local if local.is_file() else None


def _strings(value, path: Path, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise EntitiesFileError(f"{path}: {what} must be a list of names")
    return [str(v).strip() for v in value if str(v).strip()]


def read_user_entities(path: Path | None) -> UserEntities:
    if path is None:
        return UserEntities()
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EntitiesFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise EntitiesFileError(f"{path}: cannot be read ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise EntitiesFileError(f"{path}: not valid YAML{where}") from None
    if raw is None:
        return UserEntities(path=path)
    if not isinstance(raw, dict):
        raise EntitiesFileError(f"{path}: expected a mapping with 'entities' (and optionally 'ignore')")
    unknown = set(raw) - {"entities", "ignore"}
    if unknown:
        raise EntitiesFileError(f"{path}: unknown section(s) {', '.join(sorted(map(str, unknown)))}")
    found: list[UserEntity] = []
    for number, item in enumerate(raw.get("entities") or [], start=1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise EntitiesFileError(f"{path}: entity {number} needs a name")
        kind = str(item.get("kind") or "organisation").strip()
        if kind not in KINDS:
            raise EntitiesFileError(f"{path}: entity {number} ({item['name']}): kind {kind!r} is not one of {', '.join(KINDS)}")
        country = item.get("country")
        if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
            raise EntitiesFileError(f"{path}: entity {number} ({item['name']}): country must be a two-letter code")
        entity_id = item.get("id")
        if entity_id is not None and (not isinstance(entity_id, str) or ":" not in entity_id):
            raise EntitiesFileError(f"{path}: entity {number} ({item['name']}): id must look like kind:name")
        found.append(UserEntity(str(item["name"]).strip(), kind,
                                tuple(_strings(item.get("aliases"), path, f"entity {number} aliases")),
                                country.upper() if country else None, entity_id))
    return UserEntities(found, _strings(raw.get("ignore"), path, "ignore"), path)
