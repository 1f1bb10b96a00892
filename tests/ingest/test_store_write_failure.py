"""One article the store refuses costs that article only (issue 16): the rest of its batch is
stored, the refused one gets a line naming its file and the reason, the summary counts it and
ingest exits 1. The refusal is real: a trigger installed in the test store rejects any article
whose text holds a marker word, as a constraint or a check added by a DBA would."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import open_store
from dateline.store.database import resolve_url
from tests.conftest import BACKENDS, fresh_store_url

runner = CliRunner()
MARKER = "quarantined"
REFUSAL = "this store refuses quarantined reports"

TRIGGERS = {
    "sqlite": [f"""CREATE TRIGGER refuse_marked BEFORE INSERT ON articles
                  WHEN NEW.text LIKE '%{MARKER}%'
                  BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"""],
    "postgresql": [f"""CREATE FUNCTION refuse_marked() RETURNS trigger AS $$
                      BEGIN
                        IF NEW.text LIKE '%{MARKER}%' THEN RAISE EXCEPTION '{REFUSAL}'; END IF;
                        RETURN NEW;
                      END $$ LANGUAGE plpgsql""",
                   "CREATE TRIGGER refuse_marked BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_marked()"],
}
DROP = {"sqlite": ["DROP TRIGGER refuse_marked"], "postgresql": ["DROP TRIGGER refuse_marked ON articles"]}


def _run_sql(url: str, statements: list[str]) -> None:
    engine = create_engine(resolve_url(url))
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement) if engine.dialect.name == "sqlite" else connection.execute(text(statement))
    engine.dispose()


def _folder(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a_convoy.txt").write_text("A supply convoy reached the northern town on Monday after a week of "
                                         "delays at the river crossing, the district office said.", encoding="utf-8")
    (folder / "b_marked.txt").write_text(f"Officials {MARKER} the harbour district on Tuesday after two cases "
                                         "of fever were confirmed at the clinic.", encoding="utf-8")
    (folder / "c_bridge.txt").write_text("Engineers reopened the old stone bridge on Wednesday, ending a detour of "
                                         "forty kilometres for farmers taking grain to the market.", encoding="utf-8")
    return folder


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_article_the_store_refuses_costs_that_article_only(tmp_path, backend):
    folder = _folder(tmp_path)
    with fresh_store_url(backend, tmp_path) as url:
        open_store(url).close()  # the schema, then the refusing trigger on it
        dialect = "sqlite" if backend == "sqlite" else "postgresql"
        _run_sql(url, TRIGGERS[dialect])

        refused = runner.invoke(app, ["ingest", "--db", url, str(folder)])
        assert refused.exit_code == 1, refused.output
        assert "Traceback" not in refused.output
        assert "2 read, 2 new, 0 duplicates, 1 rejected" in refused.stdout
        problem = [line for line in refused.stderr.splitlines() if line.startswith("rejected:")]
        assert problem == [f"rejected: {folder / 'b_marked.txt'}: could not be stored ({REFUSAL})"]
        with open_store(url, write=False) as store:
            assert sorted(a.text.split()[1] for a in store.articles(10)) == ["reopened", "supply"]

        # once the store takes it, the same command adds exactly the missing article
        _run_sql(url, DROP[dialect])
        again = runner.invoke(app, ["ingest", "--db", url, str(folder)])
        assert again.exit_code == 0, again.output
        assert "3 read, 1 new, 2 duplicates, 0 rejected" in again.stdout
        with open_store(url, write=False) as store:
            assert store.count_articles() == 3


def test_a_store_that_cannot_take_writes_stops_the_ingest_with_one_line(tmp_path):
    """Not every failure is one article's: when the store itself refuses every write (here a
    trigger refusing all articles would not do; a read-only connection does), the run stops
    with exit 2 and one line, instead of rejecting every article one by one."""
    folder = _folder(tmp_path)
    db = tmp_path / "store.db"
    open_store(str(db)).close()
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    stopped = runner.invoke(app, ["ingest", "--db", url, str(folder)])
    assert stopped.exit_code == 2, stopped.output
    assert "Traceback" not in stopped.output
    lines = stopped.stderr.strip().splitlines()
    assert len(lines) == 1 and "readonly database" in lines[0], lines
