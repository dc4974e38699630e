"""Sign-ins that bind a station's outage journal to its user (SPEC §6, §10).

Each successful sign-in at a station records a ``SignIn``: a random id, the user, the
station, the time and a random 256-bit key. The station's session holds the key in memory
only (never on the local disk); each entry the station journals during an outage carries
the sign-in's id and an HMAC-SHA256, under that key, of the entry's canonical content (the
draft's fields, the photos' SHA-256, the user, the station and the inspection id). At replay
the sign-in is looked up in the database: an entry signed by no known sign-in, by another
user's or another station's, or whose content changed since, is refused (``outbox``).
A key that never left the station's memory and the database cannot be forged from the
journal folder alone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from typing import Any

from qc_station.domain.errors import ValidationError

from .context import Actor, ServiceContext
from .sign_in_ports import SignIn

log = logging.getLogger(__name__)


def record_sign_in(ctx: ServiceContext, actor: Actor) -> SignIn:
    """Record a sign-in of ``actor`` (who has just authenticated) at their station."""
    made = SignIn(
        id=secrets.token_hex(16),
        username=actor.username,
        station=actor.station,
        signed_in_at=ctx.clock.now(),
        key=secrets.token_hex(32),
    )
    with ctx.uow() as uow:
        uow.sign_ins.add(made)
        uow.commit()
    log.info("sign-in %s of %s at %s recorded", made.id, made.username, made.station)
    return made


def lookup(ctx: ServiceContext, sign_in_id: str) -> SignIn | None:
    with ctx.uow(read_only=True) as uow:
        return uow.sign_ins.get(sign_in_id)


def canonical(content: dict[str, Any]) -> bytes:
    """The bytes that are signed: JSON with sorted keys, no whitespace, no floats (a float
    has more than one spelling; the journal's values are strings, integers and lists)."""

    def check(value: Any) -> None:
        if isinstance(value, float):
            raise ValidationError("journal.float_value")
        if isinstance(value, dict):
            for item in value.values():
                check(item)
        elif isinstance(value, list | tuple):
            for item in value:
                check(item)

    check(content)
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def sign(key_hex: str, content: dict[str, Any]) -> str:
    return hmac.new(bytes.fromhex(key_hex), canonical(content), hashlib.sha256).hexdigest()


def signature_matches(key_hex: str, content: dict[str, Any], signature: str) -> bool:
    """Timing-safe comparison of ``signature`` with the one ``key_hex`` gives ``content``."""
    if not isinstance(signature, str):
        return False
    return hmac.compare_digest(sign(key_hex, content).encode(), signature.encode())
