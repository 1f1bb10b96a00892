"""How a problem with an input is worded: one line a user reads, naming the input and the
reason, with no Python class names and no traceback."""

from __future__ import annotations

MAX_REASON_CHARS = 200


def describe_error(error: BaseException) -> str:
    """An unexpected error from a library, in words: its message on one line, without the class
    name ("an internal error" when it has no message)."""
    # a database driver's error wrapped by SQLAlchemy: the driver's own words ("database is
    # locked"), not "(sqlite3.OperationalError) database is locked [SQL: INSERT ...]"
    original = getattr(error, "orig", None)
    if isinstance(original, BaseException):
        error = original
    # psycopg appends the server's CONTEXT and HINT lines: the primary message is the reason
    primary = getattr(getattr(error, "diag", None), "message_primary", None)
    message = " ".join((primary or str(error)).split())[:MAX_REASON_CHARS]
    return message or "an internal error"
