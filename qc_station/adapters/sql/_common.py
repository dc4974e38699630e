"""What the SQL repositories share: the base class, chunking, row counts and the
conversion of money and enums at this boundary (see the package's docstring).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, CursorResult, Result
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from qc_station.domain.errors import Conflict, ValidationError
from qc_station.domain.money import minor_digits
from qc_station.domain.outcome import Reason

from ..tagged_json import decode_tagged, encode_tagged

#: Keys per ``IN (…)`` list: far below SQLite's limit on bound parameters (32766 since 3.32,
#: 999 before) and PostgreSQL's 65535.
CHUNK = 500

#: Rows fetched per round trip when a result is streamed.
STREAM_BATCH = 1000


T = TypeVar("T")


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def rowcount(result: Result[Any]) -> int:
    # Session.execute is typed as returning Result; for INSERT/UPDATE/DELETE it is a
    # CursorResult, which carries the row count.
    return cast(CursorResult[Any], result).rowcount


def to_minor(amount: Decimal, currency: str, field: str = "amount") -> int:
    """``Decimal`` → integer minor units of ``currency``, exactly, or ``ValidationError``."""
    digits = minor_digits(currency)
    if not amount.is_finite():
        raise ValidationError("money.not_a_number", field=field, value=str(amount))
    scaled = amount.scaleb(digits)
    if scaled != scaled.to_integral_value():
        raise ValidationError(
            "money.too_many_decimals",
            field=field,
            digits=digits,
            value=str(amount),
            currency=currency,
        )
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    """Integer minor units → ``Decimal`` with the currency's digits (``12.50``, ``1200``)."""
    return Decimal(minor).scaleb(-minor_digits(currency))


def opt_to_minor(amount: Decimal | None, currency: str | None, field: str) -> int | None:
    if amount is None:
        return None
    if not currency:
        raise ValidationError("money.no_currency", field=field, value=str(amount))
    return to_minor(amount, currency, field)


def opt_from_minor(minor: int | None, currency: str | None) -> Decimal | None:
    if minor is None or not currency:
        return None
    return from_minor(minor, currency)


def as_text(value: Any) -> str:
    """An enum's value (or a plain string) for a string column."""
    return str(value.value) if isinstance(value, Enum) else str(value)


def reasons_to_json(reasons: Iterable[Reason]) -> list[dict[str, Any]]:
    return [{"code": r.code, "text": r.text, "params": encode_tagged(r.params)} for r in reasons]


def reasons_from_json(data: Iterable[dict[str, Any]] | None) -> tuple[Reason, ...]:
    return tuple(
        Reason(item["code"], item["text"], decode_tagged(item.get("params") or {}))
        for item in data or ()
    )


# --- decisions and the finance export ------------------------------------------------------


class Repo:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _is_pg(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def _bytewise(self, column: InstrumentedAttribute[str]) -> ColumnElement[str]:
        """``column`` for ORDER BY / MAX in code-point order, as Python sorts strings."""
        return column.collate("C") if self._is_pg else column.expression

    @contextmanager
    def _unique(self, refusal: Conflict) -> Iterator[None]:
        """Run inserts in a savepoint; a unique or foreign-key violation raises ``refusal``
        (made by the caller, with its code and parameters) and leaves the rest of the
        transaction intact."""
        try:
            with self.session.begin_nested():
                yield
        except IntegrityError as exc:
            raise refusal from exc
