"""Database failures described for people: one line, and never the password in the URL."""

from __future__ import annotations

import re

from sqlalchemy import exc as sa_exc

_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)


def scrub(text: str) -> str:
    """Hide passwords that a driver message may echo (URLs and ``password=`` pairs)."""
    return _KEYWORD_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1***@", text))


def describe_database_error(exc: BaseException) -> str | None:
    """A message for a database failure, or None if ``exc`` is not one."""
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
        return f"cannot reach the database: {first}"
    if isinstance(exc, sa_exc.DBAPIError):
        return f"database error: {scrub(str(exc.orig) if exc.orig else str(exc))}"
    if isinstance(exc, sa_exc.ArgumentError):
        return f"the database URL is not valid: {scrub(str(exc))}"
    return None
