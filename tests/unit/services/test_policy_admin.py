"""Policy versions on the fakes: validate with the bad key named, try a change on the example
cases, activate (admins only, with a note, audited, the old version kept), roll back, and the
policy a station starts with."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from qc_station.domain.enums import Grade
from qc_station.domain.errors import Conflict, PermissionDenied, PolicyError, ValidationError
from qc_station.domain.policy import Policy, load_policy
from qc_station.services import policy_admin
from qc_station.services.audit import verify
from qc_station.services.context import ServiceContext
from tests.builders import ADMIN, INSPECTOR, SUPERVISOR
from tests.conftest import DEFAULT_POLICY_FILE
from tests.fakes import FakeClock, FakeStore

DEFAULT_TEXT = DEFAULT_POLICY_FILE.read_text(encoding="utf-8")
# Grade B loses 20 % instead of 10 %: every B-graded customer return changes.
STRICTER = DEFAULT_TEXT.replace("B = 10, C = 30", "B = 20, C = 30")


def test_the_default_policy_validates() -> None:
    checked = policy_admin.validate(DEFAULT_TEXT)
    assert isinstance(checked, Policy)
    assert checked.hash == load_policy(DEFAULT_TEXT.encode("utf-8")).hash


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("return_window_dayz = 30\n", "return_window_dayz", "did you mean 'return_window_days'"),
        ("deduction_pct = { A = 0, B = 10, C = 30, D = 60 }\n", "deduction_pct.X", "missing"),
        ("refund_due_hours = -1\n", "refund_due_hours", "between 1 and 8760"),
        # Issue 15: validated (and activated) before, then broke every decision.
        ("refund_due_hours = 999999999999999\n", "refund_due_hours", "between 1 and 8760"),
        ("approval_threshold = { USD = nan }\n", "approval_threshold.USD", "finite"),
        ("x = " + "[" * 50_000 + "]" * 50_000 + "\n", "", "nested too deeply"),
        ("approval_threshold = { EURO = 200 }\n", "approval_threshold.EURO", "ISO 4217"),
        ("this is = not toml [\n", "", "not valid TOML"),
    ],
)
def test_validate_names_the_bad_key(text: str, key: str, words: str) -> None:
    checked = policy_admin.validate(text)
    assert isinstance(checked, list) and len(checked) == 1
    error = checked[0]
    assert isinstance(error, PolicyError)
    assert error.params["key"] == key
    assert words in str(error)


def test_validate_refuses_bytes_that_are_not_utf8_or_too_large() -> None:
    not_utf8 = policy_admin.validate("policy_name = 'Caf\xe9'\n".encode("latin-1"))
    assert isinstance(not_utf8, list) and "not UTF-8" in str(not_utf8[0])
    huge = policy_admin.validate(b"# " + b"x" * policy_admin.MAX_POLICY_BYTES)
    assert isinstance(huge, list) and huge[0].params["problem"] == "too_large"


def test_a_bom_is_not_part_of_the_stored_text_so_the_hash_survives_a_reload() -> None:
    with_bom = policy_admin.parse(b"\xef\xbb\xbf" + DEFAULT_TEXT.encode("utf-8"))
    assert not with_bom.source_text.startswith("\ufeff")
    assert load_policy(with_bom.source_text).hash == with_bom.hash


def test_compare_on_the_example_cases_lists_what_changes(default_policy: Policy) -> None:
    cases = policy_admin.example_cases_file().read_text(encoding="utf-8-sig")
    same = policy_admin.compare_on_cases(default_policy, default_policy, cases)
    assert same.cases == 22 and same.changed == ()
    stricter = policy_admin.compare_on_cases(default_policy, load_policy(STRICTER), cases)
    changed = {c.case_id: c for c in stricter.changed}
    assert "ex02-no-fault-B-10pct-partial" in changed
    change = changed["ex02-no-fault-B-10pct-partial"]
    assert (change.before["deduction_pct"], change.after["deduction_pct"]) == ("10", "20")
    assert (change.before["refund_amount"], change.after["refund_amount"]) == ("17.99", "15.99")
    assert all(c.before["headline"] != "" for c in stricter.changed)
    line = policy_admin.describe_change(change)
    assert line.startswith("ex02-no-fault-B-10pct-partial: ")
    assert "deduction_pct 10 → 20" in line and "headline" not in line
    assert stricter.errors_before == stricter.errors_after


def test_activate_keeps_the_text_records_who_and_why_and_audits(
    ctx: ServiceContext, store: FakeStore, clock: FakeClock
) -> None:
    assert policy_admin.active(ctx).activation is None
    result = policy_admin.activate(ctx, ADMIN, STRICTER.encode("utf-8"), "  B loses 20 %  ")
    assert result.previous_hash is None
    assert result.activation.note == "B loses 20 %"
    assert (result.activation.activated_by, result.activation.station) == ("ada", "OFFICE")
    assert result.activation.activated_at == clock.now()
    assert store.data.policies[result.policy.hash] == STRICTER

    current = policy_admin.active(ctx)
    assert current.hash == result.policy.hash and current.text == STRICTER
    assert current.activation == result.activation
    assert not current.in_use_here  # this context still runs the default

    event = store.data.audit[-1]
    assert (event.entity, event.entity_id, event.action) == (
        "policy",
        result.policy.hash,
        "activate",
    )
    assert event.old == {"policy_hash": ctx.policy.hash}
    assert event.new == {"policy_hash": result.policy.hash, "note": "B loses 20 %"}
    assert verify(ctx).ok


def test_rolling_back_is_activating_the_old_version_again(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    first = policy_admin.activate(ctx, ADMIN, DEFAULT_TEXT, "the shipped default")
    clock.advance(hours=1)
    second = policy_admin.activate(ctx, ADMIN, STRICTER, "stricter on B")
    assert second.previous_hash == first.policy.hash
    clock.advance(hours=1)
    back = policy_admin.activate(ctx, ADMIN, DEFAULT_TEXT, "too strict, back")
    assert back.policy.hash == first.policy.hash and back.previous_hash == second.policy.hash
    assert [a.note for a in policy_admin.history(ctx)] == [
        "too strict, back",
        "stricter on B",
        "the shipped default",
    ]
    assert policy_admin.policy_text(ctx, second.policy.hash) == STRICTER
    assert policy_admin.active(ctx).in_use_here  # the default again, as this context runs


def test_a_station_learns_of_a_policy_activated_elsewhere(
    ctx: ServiceContext, default_policy: Policy
) -> None:
    assert ctx.policy.hash == default_policy.hash
    assert policy_admin.newer_active_policy(ctx) is None  # none activated: keep the file's
    # An administrator at another station (the same database) activates a stricter one.
    stricter = policy_admin.activate(ctx, ADMIN, STRICTER, "stricter on B").policy
    found = policy_admin.newer_active_policy(ctx)
    assert found is not None and found.hash == stricter.hash
    assert found.deduction_pct[Grade.B] == 20
    # Once the station decides with it, there is nothing newer.
    assert policy_admin.newer_active_policy(replace(ctx, policy=found)) is None


def test_activating_the_active_policy_again_changes_nothing(
    ctx: ServiceContext, store: FakeStore
) -> None:
    policy_admin.activate(ctx, ADMIN, STRICTER, "stricter")
    events = len(store.data.audit)
    with pytest.raises(Conflict, match="already the active policy"):
        policy_admin.activate(ctx, ADMIN, STRICTER, "again")
    assert len(policy_admin.history(ctx)) == 1 and len(store.data.audit) == events


@pytest.mark.parametrize("actor", [INSPECTOR, SUPERVISOR])
def test_only_admins_activate(ctx: ServiceContext, store: FakeStore, actor: object) -> None:
    with pytest.raises(PermissionDenied, match="may not manage the return policy"):
        policy_admin.activate(ctx, actor, STRICTER, "let me")  # type: ignore[arg-type]
    assert store.data.policy_activations == [] and store.data.audit == []


def test_an_invalid_policy_or_no_note_activates_nothing(
    ctx: ServiceContext, store: FakeStore
) -> None:
    with pytest.raises(PolicyError, match="refund_due_hours"):
        policy_admin.activate(ctx, ADMIN, "refund_due_hours = 'soon'\n", "typo")
    with pytest.raises(ValidationError, match="note is required"):
        policy_admin.activate(ctx, ADMIN, STRICTER, "   ")
    assert store.data.policy_activations == [] and store.data.policies == {}
    assert store.commits == 0


def test_a_failed_commit_leaves_the_old_policy_active(
    ctx: ServiceContext, store: FakeStore
) -> None:
    store.fail_next_commit = True
    with pytest.raises(OSError, match="disk full"):
        policy_admin.activate(ctx, ADMIN, STRICTER, "stricter")
    assert policy_admin.active(ctx).activation is None


def test_a_station_starts_with_the_active_policy_and_says_so(
    ctx: ServiceContext, default_policy: Policy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="qc_station.services.policy_admin")
    assert policy_admin.startup_policy(ctx.uow, default_policy, "site.toml") is default_policy
    assert "none activated" in caplog.text

    stricter = policy_admin.activate(ctx, ADMIN, STRICTER, "stricter").policy
    caplog.clear()
    started = policy_admin.startup_policy(ctx.uow, default_policy, "site.toml")
    assert started.hash == stricter.hash and started.deduction_pct[Grade.B] == 20
    assert "site.toml" in caplog.text and "differs" in caplog.text
    assert caplog.records[-1].levelno == logging.WARNING

    # A station whose file is the active policy starts quietly with its own.
    same = load_policy(STRICTER)
    assert policy_admin.startup_policy(ctx.uow, same, "site.toml") is same


def test_a_stored_policy_this_program_cannot_load_stops_the_start(
    ctx: ServiceContext, store: FakeStore, default_policy: Policy
) -> None:
    result = policy_admin.activate(ctx, ADMIN, STRICTER, "stricter")
    # As if a newer program had activated a key this one does not know.
    store.data.policies[result.policy.hash] = STRICTER + "\nfuture_key = 1\n"
    with pytest.raises(PolicyError, match="does not load with this version"):
        policy_admin.startup_policy(ctx.uow, replace(default_policy), "site.toml")


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("refund_due_hours = 999999999999999", "refund_due_hours"),
        ("dispute_evidence_due_hours = 0", "dispute_evidence_due_hours"),
        ("approval_threshold = { USD = inf }", "approval_threshold.USD"),
        ("video_max_minutes = 100000", "video_max_minutes"),
    ],
)
def test_activate_refuses_a_policy_that_would_break_decisions(
    ctx: ServiceContext, store: FakeStore, line: str, key: str
) -> None:
    """Issue 15: such a policy activated, and then every inspect and approve failed."""
    with pytest.raises(PolicyError) as caught:
        policy_admin.activate(ctx, ADMIN, f"{line}\n".encode(), "try it")
    assert caught.value.params["key"] == key
    assert store.data.policies == {}
