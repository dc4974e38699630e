"""Database failures described for people: one line, and never the password in the URL."""

from __future__ import annotations

import re

from sqlalchemy import exc as sa_exc

_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)


def scrub(text: str) -> str:
    """Hide passwords that a driver message may echo (URLs and ``password=`` pairs)."""
    return _KEYWORD_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1***@", text))


def _first_cause(exc: BaseException) -> BaseException:
    """The database error that started it all.

    On a full disk or an I/O error SQLite rolls the whole transaction back by itself; the
    savepoint SQLAlchemy then tries to roll back to is gone, and that second error ("no such
    savepoint") is the one raised, with the real cause as its context."""
    seen = exc
    while isinstance(seen, sa_exc.DBAPIError) and "no such savepoint" in str(seen.orig):
        inner = seen.__context__
        if not isinstance(inner, sa_exc.DBAPIError):
            break
        seen = inner
    return seen


def describe_database_error(exc: BaseException) -> str | None:
    """A message for a database failure, or None if ``exc`` is not one."""
    exc = _first_cause(exc)
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        first = scrub(detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__)
        lowered = detail.lower()
        if "readonly" in lowered or "read-only" in lowered:
            return f"the database is read-only: {first}"
        if "disk" in lowered and ("full" in lowered or "space" in lowered):
            return f"the disk is full; nothing was saved: {first}"
        if "locked" in lowered:
            return f"the database is busy (locked by another program); try again: {first}"
        if "unable to open database file" in lowered:
            return (
                "cannot open the database file (its folder is missing, read-only or not "
                f"reachable); nothing was saved: {first}"
            )
        return f"cannot reach the database: {first}"
    if isinstance(exc, sa_exc.DBAPIError):
        return f"database error: {scrub(str(exc.orig) if exc.orig else str(exc))}"
    if isinstance(exc, sa_exc.ArgumentError):
        return f"the database URL is not valid: {scrub(str(exc))}"
    return None
