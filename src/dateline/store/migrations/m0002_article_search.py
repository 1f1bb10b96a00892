"""Step 2 (release 0.1.0): full-text search over articles (SQLite FTS5, PostgreSQL tsvector).

Frozen: never edit; change the schema with a new step.
"""

from sqlalchemy.engine import Connection

NAME = "articles_002_search"


def apply(connection: Connection) -> None:
    """Full-text search over title and text: stemmed English words on both databases."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "title, text, content='articles', content_rowid='seq', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        # external-content FTS: triggers keep the index in step with the table, in the same
        # transaction, so a killed ingest can never leave the two apart
        connection.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
        )
        connection.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); END"
        )
        connection.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
        )
        connection.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS "
            "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', left(text, 300000)), 'B')) STORED"
        )
        connection.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_search ON articles USING gin (search)")
