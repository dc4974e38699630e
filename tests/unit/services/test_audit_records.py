"""``audit.verify`` on the fake (SPEC §6): the records' digests in the chain against today's
records, named when they differ."""

from __future__ import annotations

from qc_station.domain.enums import Role
from qc_station.services import audit, users
from qc_station.services.context import ServiceContext
from tests.builders import ADMIN
from tests.fakes import FakeStore


def test_a_role_edited_behind_the_services_is_named(ctx: ServiceContext, store: FakeStore) -> None:
    users.set_role(ctx, ADMIN, "ines", Role.SUPERVISOR)
    (event,) = [e for e in store.data.audit if e.entity == "user"]
    assert event.record_sha256 is not None
    assert audit.verify(ctx).ok

    store.data.users["ines"].failed_attempts = 4  # no event for a failed sign-in: not covered
    assert audit.verify(ctx).ok
    store.data.users["ines"].role = Role.ADMIN
    report = audit.verify(ctx)
    assert not report.ok
    assert report.problems == (
        f"record user ines changed since its last audited change (seq {event.seq})",
    )


def test_a_deleted_record_is_named_missing(ctx: ServiceContext, store: FakeStore) -> None:
    users.deactivate_user(ctx, ADMIN, "ivan")
    del store.data.users["ivan"]
    report = audit.verify(ctx)
    assert report.problems == ("record user ivan missing (audited at seq 1)",)
