"""Which failures mean "the server cannot take this now, keep it and try again later"
(SPEC §10), as opposed to a refusal that trying again will not change.

Used by ``services.outbox`` (passed in by the station, since services do not know
SQLAlchemy): a submission failing this way goes to the local journal instead of being lost.

- a lost or refused connection: psycopg's ``OperationalError`` without a SQLSTATE (it never
  reached a server) or with class 08 (connection exception), the server shutting down
  (57P01–57P03), a connection SQLAlchemy invalidated, a pool that timed out;
- a transient conflict the server resolved by aborting us: deadlock (40P01), serialization
  failure (40001), lock timeout (55P03) — nothing was stored, a replay will go through;
- SQLite's file gone or its disk failing ("unable to open", "disk I/O error");
- the shared photo folder missing or unwritable (``PhotoStoreUnavailable``).

A full disk, a read-only database, a constraint violation or a bug are not outages: the
inspector must see those at once.
"""

from __future__ import annotations

from .photo_store import PhotoStoreUnavailable

_SERVER_GOING_AWAY = frozenset({"57P01", "57P02", "57P03"})
_TRANSIENT = frozenset({"40P01", "40001", "55P03"})
_SQLITE_GONE = ("unable to open database", "disk i/o error")


def _sqlstate(orig: BaseException | None) -> str | None:
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


def is_outage(exc: BaseException) -> bool:
    """True when ``exc`` means the submission should be kept and sent again later."""
    if isinstance(exc, PhotoStoreUnavailable):
        return True
    # Here, not at the top: the station window imports this module before the core (and
    # SQLAlchemy) is loaded, and an error to classify means SQLAlchemy is loaded already.
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, sa_exc.DisconnectionError | sa_exc.TimeoutError):
        return True
    if not isinstance(exc, sa_exc.DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    state = _sqlstate(exc.orig)
    if state is not None:
        return state.startswith("08") or state in _SERVER_GOING_AWAY or state in _TRANSIENT
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
        module = type(exc.orig).__module__ if exc.orig is not None else ""
        if module.startswith("sqlite3"):
            text = str(exc.orig).lower()
            return any(marker in text for marker in _SQLITE_GONE)
        # psycopg with no SQLSTATE: the connection failed or broke before a server answered.
        return True
    return False
