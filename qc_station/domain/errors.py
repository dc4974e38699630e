"""Expected errors of the domain and the services.

Each error is a refusal the user can act on, never a crash. It carries a stable message
``code`` from the catalogue (``qc_station.domain.messages``: ``"rma.unknown_code"``) and the
``params`` that describe it, so that the screens word it in the station's language;
``str(error)`` is the English sentence the command line and the logs use. ``kind`` (the class's
``code`` attribute) says which sort of refusal it is, for callers that treat sorts differently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

#: Words a code with its parameters in English, or None for a code the catalogue does not
#: know. ``qc_station.domain.messages`` sets it when it is imported (the ``qc_station.domain``
#: package imports it first), so this module needs no import of the catalogue (no cycle).
english_message: Callable[[str, Mapping[str, Any]], str | None] | None = None


class QcError(Exception):
    """Base of every expected error: ``QcError("area.what", **params)``."""

    code: ClassVar[str] = "error"

    def __init__(self, message_code: str, /, **params: Any) -> None:
        super().__init__(message_code)
        self.message_code = message_code
        self.params = params

    @property
    def message(self) -> str:
        """The English sentence (command line, logs)."""
        worded = english_message(self.message_code, self.params) if english_message else None
        # Not a code of the catalogue: a sentence written at the raise site.
        return self.message_code if worded is None else worded

    def __str__(self) -> str:
        return self.message


class ValidationError(QcError):
    """Input that cannot be accepted as given (a bad value, a missing field)."""

    code = "invalid"


class PolicyError(ValidationError):
    """A policy file that does not validate; ``params['key']`` names the bad key."""

    code = "policy_invalid"


class ContradictoryInspection(ValidationError):
    """Grade and finding that cannot both be true (CUSTOMER_DAMAGE with grade A or B)."""

    code = "contradictory"


class EvidenceMissing(ValidationError):
    """Fewer photos than the policy requires; ``params['missing']`` says how many more."""

    code = "evidence_missing"


class InvalidTransition(QcError):
    """A unit state change that the state table of SPEC §3 does not allow."""

    code = "invalid_transition"


class NotFound(QcError):
    """An RMA, LPN, user or batch that does not exist."""

    code = "not_found"


class PermissionDenied(QcError):
    """The acting user's role does not allow the action, or four eyes were not respected."""

    code = "permission_denied"


class Conflict(QcError):
    """Someone else changed or holds the record (another station's claim, a lost update)."""

    code = "conflict"


class AuthenticationFailed(QcError):
    """Wrong credentials, a locked or a deactivated account."""

    code = "auth_failed"
