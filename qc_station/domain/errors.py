"""Expected errors of the domain and the services.

Each error carries a stable ``code`` and the ``params`` that describe it, so that the UI can
turn it into translated text; ``str(error)`` is the plain English message used by the command
line and the logs.
"""

from __future__ import annotations

from typing import Any


class QcError(Exception):
    """Base of every expected error: a refusal the user can act on, never a crash."""

    code = "error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

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
