"""Decision policies and their activations (``PolicyRepository``)."""

from __future__ import annotations

import builtins
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from qc_station.domain.errors import Conflict
from qc_station.services.ports import PolicyActivation

from ..orm import PolicyActivationRow, PolicyRow
from ._common import Repo

# --- policies ------------------------------------------------------------------------------


class SqlPolicyRepository(Repo):
    def ensure(self, policy_hash: str, text: str, at: datetime) -> None:
        if self.get(policy_hash) is not None:
            return
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(PolicyRow).values(hash=policy_hash, text=text, created_at=at)
                )
        except IntegrityError:
            # Another station stored the same policy a moment ago: nothing to do.
            pass

    def get(self, policy_hash: str) -> str | None:
        return self.session.scalar(select(PolicyRow.text).where(PolicyRow.hash == policy_hash))

    def activate(self, activation: PolicyActivation) -> None:
        # The foreign key refuses a hash whose text was never kept (ensure it first).
        with self._unique(Conflict("record.policy_not_stored", policy_hash=activation.policy_hash)):
            self.session.execute(
                insert(PolicyActivationRow).values(
                    policy_hash=activation.policy_hash,
                    activated_at=activation.activated_at,
                    activated_by=activation.activated_by,
                    station=activation.station,
                    note=activation.note,
                )
            )

    def active(self) -> PolicyActivation | None:
        found = self.activations(limit=1)
        return found[0] if found else None

    def activations(self, limit: int = 100) -> builtins.list[PolicyActivation]:
        rows = self.session.scalars(
            select(PolicyActivationRow).order_by(PolicyActivationRow.id.desc()).limit(limit)
        )
        return [
            PolicyActivation(r.policy_hash, r.activated_at, r.activated_by, r.station, r.note)
            for r in rows
        ]
