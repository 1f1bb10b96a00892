"""Every command, every way a store can be broken: one line naming the store and the reason,
exit 2, never a traceback (issue 16). The stores are really broken: a file of junk bytes, a
missing file, a file opened read-only, a store whose schema a newer release wrote, a store of
release 0.1.0 opened by a reading command, a PostgreSQL port nothing listens on."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import open_store

runner = CliRunner()

# every command that opens a store, with the arguments it needs ({input}: a small article file)
READING = ["events", "export", "timeline", "report", "articles", "entities", "places", "claims", "contradictions",
           "entity Kabul", "gazetteer status", "serve --port 1"]
WRITING = ["ingest {input}", "extract", "fuse", "watch --once {input}", "migrate"]


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _junk(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(bytes(range(256)) * 64)
    return str(path), "file is not a database"


def _missing(tmp_path):
    return str(tmp_path / "nowhere" / "store.db"), "does not exist"


def _missing_file(tmp_path):
    return str(tmp_path / "never-made.db"), "no store at"


def _read_only(tmp_path):
    path = tmp_path / "store.db"
    open_store(str(path)).close()
    return f"sqlite:///file:{path}?mode=ro&uri=true", "readonly database"


def _newer(tmp_path):
    path = tmp_path / "newer.db"
    open_store(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO schema_migrations (name, applied_at) "
                                "VALUES ('m9999_from_the_future', '2030-01-01')"))
    engine.dispose()
    return str(path), "newer dateline"


def _old(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(os.path.join(os.path.dirname(__file__), "..", "fixtures", "store", "release-0.1.0.db"), path)
    return str(path), "dateline migrate"


def _no_server(tmp_path):
    return f"postgresql://dateline@127.0.0.1:{_unused_port()}/dateline", "127.0.0.1"


KINDS = {  # kind: (make the store, the commands it breaks)
    "junk bytes": (_junk, READING + WRITING),
    "missing folder": (_missing, READING + WRITING),
    "missing file": (_missing_file, READING),  # a writing command creates it
    "read-only": (_read_only, ["ingest {input}", "watch --once {input}"]),
    "newer schema": (_newer, READING + WRITING),
    "old schema, read": (_old, READING),  # a writing command upgrades it
    "PostgreSQL down": (_no_server, READING + WRITING),
}
CASES = [(kind, command) for kind, (_, commands) in KINDS.items() for command in commands]


@pytest.mark.parametrize(("kind", "command"), CASES, ids=[f"{k}-{c.split()[0]}" for k, c in CASES])
def test_a_broken_store_is_one_line_naming_it_and_exit_2(tmp_path, kind, command):
    make, _ = KINDS[kind]
    url, reason = make(tmp_path)
    article = tmp_path / "report.txt"
    article.write_text("Rain cut the road to the valley on Sunday, the district office said.", encoding="utf-8")
    args = command.format(input=article).split() + ["--db", url]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    shown = url.split("?")[0].replace("sqlite:///file:", "").replace("postgresql://", "")
    assert lines[0].startswith("error: ") and reason in lines[0], lines
    assert shown.split("@")[-1] in lines[0], lines  # names the store (a URL without its password)


def test_a_store_file_the_user_cannot_write_as_a_non_root_user(tmp_path):
    """The first report's case: a read-only store file when not root. Needs root to become
    `nobody`, and a Python `nobody` may run."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run a command as the user nobody")
    probe = subprocess.run(["su", "nobody", "-s", "/bin/sh", "-c", f"{sys.executable} -c 'import sqlalchemy'"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"the user nobody cannot run this Python ({probe.stderr.strip()[:80]})")
    folder = tmp_path / "shared"
    folder.mkdir()
    store = folder / "store.db"
    open_store(str(store)).close()
    article = folder / "report.txt"
    article.write_text("Rain cut the road to the valley on Sunday, the district office said.", encoding="utf-8")
    for path in (tmp_path, folder):
        path.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o444)
    command = f"PYTHONPATH={os.pathsep.join(sys.path)} {sys.executable} -m dateline.cli ingest --db {store} {article}"
    result = subprocess.run(["su", "nobody", "-s", "/bin/sh", "-c", command], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(store) in lines[0] and "readonly" in lines[0], lines


@pytest.mark.parametrize("command", ["ingest {input}", "extract", "fuse", "watch --once {input}"])
def test_a_store_another_process_holds_locked_is_one_line_after_the_wait(tmp_path, monkeypatch, command):
    """Another program holds the write lock (an exclusive transaction) for longer than the
    writer waits ($DATELINE_SQLITE_BUSY_SECONDS, 60 by default; 1 here)."""
    import sqlite3

    path = tmp_path / "store.db"
    open_store(str(path)).close()
    article = tmp_path / "report.txt"
    article.write_text("Rain cut the road to the valley on Sunday, the district office said.", encoding="utf-8")
    monkeypatch.setenv("DATELINE_SQLITE_BUSY_SECONDS", "1")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = runner.invoke(app, command.format(input=article).split() + ["--db", str(path)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "database is locked" in lines[0], lines


@pytest.mark.postgres
@pytest.mark.parametrize("command", ["events", "ingest {input}"])
def test_a_wrong_postgresql_password_is_one_line_without_the_password(tmp_path, command):
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from tests.conftest import PG_URL

    if not PG_URL:
        pytest.skip("PostgreSQL test: set DATELINE_TEST_PG_URL")
    # a role of this test's own: the suite's workers run the two commands side by side
    role = f"dateline_pw_probe_{command.split()[0]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
        connection.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD 'right-one'"))
    admin.dispose()
    wrong = make_url(PG_URL).set(username=role, password="not-the-password")
    url = wrong.render_as_string(hide_password=False)
    try:
        probe = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with probe.connect():
            pytest.skip(f"this server lets {role} in without checking its password (trust)")
    except OperationalError:
        pass
    article = tmp_path / "report.txt"
    article.write_text("Rain cut the road to the valley on Sunday, the district office said.", encoding="utf-8")
    result = runner.invoke(app, command.format(input=article).split() + ["--db", url])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "password authentication failed" in lines[0], lines
    assert "not-the-password" not in result.output and role in lines[0]
