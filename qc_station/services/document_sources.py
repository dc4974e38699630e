"""What every document (label, report, evidence pack) is gathered from: the RMA named by a code
or an LPN, users' full names, stored photos, the page sizes and the choices checked, and a
renderer's refusals turned into a ``ValidationError`` the user can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qc_station.domain.errors import NotFound, QcError, ValidationError
from qc_station.domain.model import Rma

from .context import ServiceContext
from .ports import UnitOfWork

AWAITING_APPROVAL = "Awaiting approval"
PAGE_SIZES = ("A4", "Letter")


def photo_bytes(ctx: ServiceContext, sha256: str) -> bytes:
    """The stored photo, or nothing when it is missing: the report then shows a box saying
    the photo could not be read, with its hash, rather than failing."""
    try:
        return ctx.photos.get(sha256)
    except NotFound:
        return b""


class Names:
    """Users' full names, looked up once each: ``Ines Inspector (ines)``."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self._cache: dict[str, str] = {}

    def full(self, username: str) -> str:
        if username not in self._cache:
            user = self._uow.users.get(username)
            name = user.full_name.strip() if user else ""
            self._cache[username] = (
                f"{name} ({username})" if name and name != username else username
            )
        return self._cache[username]


def find_rma(uow: UnitOfWork, code: str) -> tuple[Rma, str | None]:
    """The RMA named by an RMA code or an LPN (exact, then upper case), and the LPN if the
    code was one."""
    for candidate in dict.fromkeys((code, code.upper())):
        rma = uow.rmas.get(candidate)
        if rma is not None:
            return rma, None
        rma = uow.rmas.get_by_lpn(candidate)
        if rma is not None:
            return rma, candidate
    raise NotFound("unit.unknown_code", code=code)


#: What a choice is called in its refusal, as a message of the catalogue.
_CHOICE_WORDS = {
    "page size": "document.choice_page_size",
    "document language": "document.choice_language",
    "label size": "document.choice_label_size",
}


def check_choice(what: str, value: str, choices: Iterable[str]) -> str:
    """``value`` if it is one of ``choices``; ``what`` (``"page size"``…) names the choice."""
    options = tuple(choices)
    if value not in options:
        raise ValidationError(
            "document.unknown_choice",
            what={"code": _CHOICE_WORDS.get(what, "document.choice_other"), "params": {}},
            value=value,
            choices=list(options),
        )
    return value


def render(make: Any) -> bytes:
    """Run a renderer, turning its refusals (a code too long for the label, a character
    Code128 cannot carry) into a ``ValidationError`` the user can act on."""
    try:
        result: bytes = make()
    except QcError:
        raise
    except ValueError as exc:
        raise ValidationError("document.cannot_render", detail=str(exc)) from exc
    return result
