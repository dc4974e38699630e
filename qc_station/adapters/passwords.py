"""Password and PIN hashing with argon2id (SPEC §6), through argon2-cffi.

Parameters are OWASP's first recommended argon2id setting: 19 MiB of memory (19456 KiB),
2 iterations, 1 lane. The encoded hash carries its own parameters and salt, so hashes made
with other parameters still verify, and ``needs_rehash`` tells when to upgrade one at the
next successful login.
"""

from __future__ import annotations

from argon2 import PasswordHasher as _Argon2
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MEMORY_COST_KIB = 19_456
TIME_COST = 2
PARALLELISM = 1


class Argon2PasswordHasher:
    def __init__(
        self,
        memory_cost: int = MEMORY_COST_KIB,
        time_cost: int = TIME_COST,
        parallelism: int = PARALLELISM,
    ) -> None:
        self._argon2 = _Argon2(
            time_cost=time_cost,
            memory_cost=memory_cost,
            parallelism=parallelism,
            type=Type.ID,
        )

    def hash(self, secret: str) -> str:
        return str(self._argon2.hash(secret))

    def verify(self, stored_hash: str, secret: str) -> bool:
        """True only for the right secret; a wrong secret, an empty or a malformed stored
        hash (a corrupted row, a fake hash from tests) is False, never an exception."""
        if not stored_hash or not isinstance(secret, str):
            return False
        try:
            return bool(self._argon2.verify(stored_hash, secret))
        except (VerifyMismatchError, VerificationError, InvalidHashError, ValueError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        """True when ``stored_hash`` was made with other parameters than today's."""
        try:
            return bool(self._argon2.check_needs_rehash(stored_hash))
        except (InvalidHashError, ValueError):
            return True
