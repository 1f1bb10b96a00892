"""`dateline entities --db`: what a store's articles name, most mentioned first."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import content_id
from dateline.model import Article
from dateline.store import open_store


def test_entities_command_lists_actors_with_roles(tmp_path, seeds_dir, seed_gold):
    db = tmp_path / "entities.db"
    store = open_store(str(db))
    for document in seed_gold["documents"]:
        text = (seeds_dir / document["file"]).read_text(encoding="utf-8")
        store.add_articles([Article(id=content_id(text), text=text,
                                    published=date.fromisoformat(document["publication_date"]))])
    store.extract()
    store.close()

    runner = CliRunner()
    result = runner.invoke(app, ["entities", "--db", str(db), "--kind", "person", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    saleh = next(r for r in rows if r["name"] == "Amrullah Saleh")
    assert saleh["articles"] == 2
    assert {(r["title"], r["as_of"]) for r in saleh["roles"]} >= {("First Vice President", "2021-07-06"),
                                                                   ("former Vice President", "2021-09-04")}
    assert all(r["kind"] == "person" for r in rows)

    table = runner.invoke(app, ["entities", "--db", str(db), "--name", "taliban"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "armed_group" in table.output and "Taliban" in table.output
