"""Values JSON has no type for (amounts, dates, moments), tagged so that they come back as the
same types: the parameters of decision reasons in the database, and of refusals in the outage
journal (``{"$decimal": "12.50"}``, ``{"$datetime": "…"}``, ``{"$date": "…"}``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any


def encode_tagged(value: Any) -> Any:
    """Reason params may hold ``Decimal`` amounts and dates; JSON has neither, so they are
    tagged and come back as the same types (``{"$decimal": "12.50"}``)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Mapping):
        return {str(k): encode_tagged(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [encode_tagged(v) for v in value]
    return value


def decode_tagged(value: Any) -> Any:
    """The values ``encode_tagged`` wrote, with their types back."""
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, raw),) = value.items()
            if tag == "$decimal":
                return Decimal(raw)
            if tag == "$datetime":
                return datetime.fromisoformat(raw)
            if tag == "$date":
                return date.fromisoformat(raw)
        return {k: decode_tagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_tagged(v) for v in value]
    return value
