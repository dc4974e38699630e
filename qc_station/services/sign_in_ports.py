"""The port of the sign-ins that bind an outage journal to its user (``services.sign_ins``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class SignIn:
    """One sign-in at a station; ``key`` is hex (64 characters)."""

    id: str
    username: str
    station: str
    signed_in_at: datetime
    key: str

    def __repr__(self) -> str:  # never the key, in a log or a traceback
        return f"SignIn(id={self.id!r}, username={self.username!r}, station={self.station!r})"


class SignInRepository(Protocol):
    def add(self, sign_in: SignIn) -> None: ...

    def get(self, sign_in_id: str) -> SignIn | None: ...
