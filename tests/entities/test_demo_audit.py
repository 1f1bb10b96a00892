"""The demo corpus as a reader judged it: the kinds of its 100 most mentioned entities and the
merges a reader sees at once (fixtures/entities/demo_audit.yaml, written by hand from the
articles). Each row is looked up by how the articles write it among the names and aliases of
the entities; a row judged `not_actor` must find no entity."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from dateline.entities.lexicon import fold

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"


def audit_rows(fixtures_dir: Path) -> list[dict]:
    return yaml.safe_load((fixtures_dir / "entities" / "demo_audit.yaml").read_text(encoding="utf-8"))["entities"]


def score(rows: list[dict], entities: list[tuple[str, str, tuple[str, ...], int]]) -> dict:
    """``entities``: (name, kind, aliases, mentions). Kind accuracy over the rows, and the wrong
    merges still there: an entity that holds a name the row says it must not."""
    by_text: dict[str, tuple] = {}
    for entity in sorted(entities, key=lambda e: -e[3]):
        for text in (entity[0], *entity[2]):
            by_text.setdefault(fold(text), entity)
    right, wrong_kinds, wrong_merges = 0, [], []
    for row in rows:
        entity = by_text.get(fold(row["text"]))
        kind = entity[1] if entity is not None else "not_actor"
        if kind == row["kind"]:
            right += 1
        else:
            wrong_kinds.append((row["text"], kind, row["kind"]))
        if entity is not None and row.get("must_not_merge"):
            names = {fold(n) for n in (entity[0], *entity[2])}
            if names & {fold(n) for n in row["must_not_merge"]}:
                wrong_merges.append(row["text"])
    return {"rows": len(rows), "kind_accuracy": right / len(rows), "wrong_kinds": wrong_kinds,
            "wrong_merges": wrong_merges}


@pytest.mark.slow
def test_demo_corpus_kinds_and_merges(fixtures_dir):
    from dateline.entities import EntityResolver
    from dateline.model import Article
    from dateline.nlp import get_nlp

    if not DEMO.is_dir():
        pytest.skip("no demo corpus")
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEMO.glob("*.txt"))]
    texts += [json.loads(line)["text"] for line in (DEMO / "geovirus-wikinews.jsonl").read_text().splitlines()
              if line.strip()]
    resolver = EntityResolver(aliases_path=None)
    counts: Counter = Counter()
    for number, doc in enumerate(get_nlp().pipe(texts, batch_size=32)):
        for mention in resolver.add_article(Article(id=str(number), text=doc.text, published=None), doc):
            if mention.entity_id:
                counts[mention.entity_id] += 1
    entities = [(e.name, e.kind, e.aliases, counts[e.id]) for e in resolver.entities()]
    result = score(audit_rows(fixtures_dir), entities)
    # the reader's list: at most 5 of 100 kinds wrong, none of the merges it names as wrong
    assert result["kind_accuracy"] >= 0.95, result["wrong_kinds"]
    assert not result["wrong_merges"]
