"""Policy versions (SPEC §5, §8 "Admin … policy"): check a new return policy, try it on
example cases, make it the site's active policy, and see what was active before.

- **Validate** (``validate``) is pure: the text goes through ``load_policy``, which names the
  bad key. Nothing is stored.
- **Try** (``compare_on_cases``) runs ``decide-batch`` (SPEC §5.6) on the same cases with the
  policy in force and with the candidate, and lists the cases whose outcome changes.
- **Activate** (``activate``) is for admins (``Action.MANAGE_POLICY``) and needs a note saying
  why. The text is kept (``policies``, once per hash, as for decisions) and a new row in the
  activation history names it, who activated it, from where, when and why; the old versions
  stay, so activating an earlier one again is how a change is rolled back. Each activation is
  an audit event with the previous and the new hash.
- **Which policy a station uses** (``startup_policy``, called by ``bootstrap``): the
  database's active policy when one was ever activated, otherwise the station's policy file
  (the shipped default unless ``policy_file`` names another). A station whose file differs
  from the active policy logs which one it uses. A station that is running when another one
  activates a policy keeps deciding with the one it started with until it starts again (the
  station that activated switches at once); each decision records the hash it was made
  under, so nothing is ambiguous afterwards.

Reading the active policy and the history needs no role: the policy is not confidential, it
decides every inspector's outcomes, and ``decide-batch`` reads policy files freely.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qc_station.domain.errors import Conflict, PolicyError, ValidationError
from qc_station.domain.fields import check_text
from qc_station.domain.policy import Policy, load_policy
from qc_station.formats.decide_batch import ERROR_HEADLINE, run_decide_batch
from qc_station.resources import resources_dir

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import PolicyActivation, UnitOfWorkFactory

log = logging.getLogger(__name__)

#: A policy is a page of TOML; a megabyte is a mistake (or an attack), not a policy.
MAX_POLICY_BYTES = 1024 * 1024

#: The outcome columns of decide-batch that say what happens to a unit; ``reasons`` is left
#: out, since a reworded reason with the same outcome is not a change.
OUTCOME_COLUMNS = (
    "headline",
    "resolution",
    "disposition",
    "deduction_pct",
    "refund_amount",
    "recovery",
    "needs_approval",
)


def example_cases_file() -> Path:
    """The example cases shipped for trying a policy (``resources/examples``)."""
    return resources_dir() / "examples" / "decide_batch_cases.csv"


@dataclass(frozen=True)
class ActivePolicy:
    """The site's active policy, or this station's own when none was ever activated."""

    policy: Policy
    activation: PolicyActivation | None  # None: no activation yet; stations use their files
    in_use_here: bool  # this station decides with it now

    @property
    def hash(self) -> str:
        return self.policy.hash

    @property
    def text(self) -> str:
        return self.policy.source_text


@dataclass(frozen=True)
class CaseChange:
    case_id: str
    before: dict[str, str]  # OUTCOME_COLUMNS → value under the policy in force
    after: dict[str, str]  # … under the candidate


@dataclass(frozen=True)
class PolicyComparison:
    """How a candidate policy decides the same cases differently."""

    cases: int
    changed: tuple[CaseChange, ...]
    errors_before: int  # cases the policy in force refuses (too few photos, contradictions)
    errors_after: int


@dataclass(frozen=True)
class ActivationResult:
    policy: Policy
    activation: PolicyActivation
    previous_hash: str | None  # the active policy before, if any was activated


def _decode(data: str | bytes) -> str:
    """The policy's text as stored: UTF-8 without a byte-order mark, so that loading the
    stored text again gives the same hash."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if len(data) > MAX_POLICY_BYTES:
        raise PolicyError(
            "policy_file.too_large",
            key="",
            problem="too_large",
            size=len(data),
            limit=MAX_POLICY_BYTES,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyError(
            "policy_file.not_utf8", key="", problem="encoding", detail=str(exc)
        ) from None


def parse(data: str | bytes) -> Policy:
    """The policy in ``data`` as it would be activated; raises ``PolicyError``."""
    text = _decode(data)
    if len(text.encode("utf-8")) > MAX_POLICY_BYTES:
        raise PolicyError(
            "policy_file.text_too_large", key="", problem="too_large", limit=MAX_POLICY_BYTES
        )
    return load_policy(text)


def validate(data: str | bytes) -> Policy | list[PolicyError]:
    """The policy, or the errors that stop it from loading (each names its key).

    ``load_policy`` stops at the first bad key, so the list has one error; fixing it and
    validating again shows the next, as a compiler would.
    """
    try:
        return parse(data)
    except PolicyError as error:
        return [error]


def _outcomes(policy: Policy, cases_csv: str) -> tuple[list[str], dict[str, dict[str, str]]]:
    out = io.StringIO()
    run_decide_batch(io.StringIO(cases_csv), out, policy)
    out.seek(0)
    order: list[str] = []
    rows: dict[str, dict[str, str]] = {}
    for n, row in enumerate(csv.DictReader(out), start=1):
        # Case ids should be unique; a repeated one is told apart by its row number.
        key = row["case_id"] if row["case_id"] not in rows else f"{row['case_id']} (row {n})"
        order.append(key)
        rows[key] = {column: row[column] for column in OUTCOME_COLUMNS}
    return order, rows


def compare_on_cases(current: Policy, candidate: Policy, cases_csv: str) -> PolicyComparison:
    """Run both policies on the decide-batch cases in ``cases_csv`` (SPEC §5.6 columns) and
    list the cases whose outcome differs, in input order. Touches no database."""
    order, before = _outcomes(current, cases_csv)
    _, after = _outcomes(candidate, cases_csv)
    changed = tuple(
        CaseChange(case, before[case], after[case])
        for case in order
        if before[case] != after.get(case)
    )
    return PolicyComparison(
        cases=len(order),
        changed=changed,
        errors_before=sum(1 for r in before.values() if r["headline"] == ERROR_HEADLINE),
        errors_after=sum(1 for r in after.values() if r["headline"] == ERROR_HEADLINE),
    )


def _load_stored(hash_: str, text: str | None) -> Policy:
    if text is None:
        # The foreign key of the activations keeps the text; a missing one is damage.
        raise Conflict("policy_file.active_text_missing", policy_hash=hash_)
    try:
        policy = load_policy(text)
    except PolicyError as error:
        raise PolicyError(
            "policy_file.active_does_not_load",
            policy_hash=hash_,
            cause={"code": error.message_code, "params": error.params},
            key=error.params.get("key", ""),
            problem=error.params.get("problem", ""),
        ) from None
    return policy


def active(ctx: ServiceContext) -> ActivePolicy:
    """The site's active policy; with none activated yet, the one this station uses."""
    with ctx.uow(read_only=True) as uow:
        activation = uow.policies.active()
        text = uow.policies.get(activation.policy_hash) if activation else None
    if activation is None:
        return ActivePolicy(ctx.policy, None, True)
    policy = (
        ctx.policy
        if activation.policy_hash == ctx.policy.hash
        else _load_stored(activation.policy_hash, text)
    )
    return ActivePolicy(policy, activation, policy.hash == ctx.policy.hash)


def history(ctx: ServiceContext, limit: int = 100) -> list[PolicyActivation]:
    """Every activation, newest first (the first is the active policy)."""
    with ctx.uow(read_only=True) as uow:
        return uow.policies.activations(limit)


def policy_text(ctx: ServiceContext, policy_hash: str) -> str | None:
    """The stored text of a policy a decision or an activation names, if it is kept."""
    with ctx.uow(read_only=True) as uow:
        return uow.policies.get(policy_hash.strip().lower())


def _check_note(note: str) -> str:
    value = (note or "").strip()
    if not value:
        raise ValidationError("policy_file.note_missing", field="note")
    return check_text(value, "note")


def activate(ctx: ServiceContext, actor: Actor, data: str | bytes, note: str) -> ActivationResult:
    """Make the policy in ``data`` the site's active one (admins only; audited).

    Refuses an invalid policy (``PolicyError`` naming the key), an empty note, and a policy
    that is already the active one (``Conflict``: nothing would change). An earlier version
    may be activated again; that is how a change is rolled back.
    """
    require(actor, Action.MANAGE_POLICY)
    note = _check_note(note)
    policy = parse(data)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_POLICY) as uow:
        current = uow.policies.active()
        if current is not None and current.policy_hash == policy.hash:
            raise Conflict(
                "policy_file.already_active",
                policy_hash=policy.hash,
                user=current.activated_by,
                activated_at=current.activated_at,
            )
        previous = current.policy_hash if current is not None else None
        uow.policies.ensure(policy.hash, policy.source_text, now)
        activation = PolicyActivation(policy.hash, now, actor.username, actor.station, note)
        uow.policies.activate(activation)
        audit.record(
            uow,
            ctx,
            actor,
            "policy",
            policy.hash,
            "activate",
            {"policy_hash": previous if previous is not None else ctx.policy.hash},
            {"policy_hash": policy.hash, "note": note},
        )
        uow.commit()
    log.info(
        "policy %s activated by %s at %s (was %s): %s",
        policy.hash,
        actor.username,
        actor.station,
        previous or "none",
        note,
    )
    return ActivationResult(policy, activation, previous)


def startup_policy(uow: UnitOfWorkFactory, file_policy: Policy, file_name: str) -> Policy:
    """The policy a station starts with: the database's active one if any, else its file.

    ``file_name`` names the file ``file_policy`` came from, for the log line that says which
    policy is used when the two differ.
    """
    with uow(read_only=True) as work:
        activation = work.policies.active()
        text = work.policies.get(activation.policy_hash) if activation else None
    if activation is None:
        log.info("policy %s from %s (none activated in the database)", file_policy.hash, file_name)
        return file_policy
    if activation.policy_hash == file_policy.hash:
        log.info("policy %s: the active policy, the same as %s", file_policy.hash, file_name)
        return file_policy
    policy = _load_stored(activation.policy_hash, text)
    log.warning(
        "policy file %s (%s) differs from the database's active policy %s (activated by %s "
        "at %s); using the active policy",
        file_name,
        file_policy.hash,
        policy.hash,
        activation.activated_by,
        activation.activated_at.isoformat(),
    )
    return policy


def newer_active_policy(ctx: ServiceContext) -> Policy | None:
    """The database's active policy when it is not the one this station decides with (an
    administrator activated another, at any station, since this one loaded its own); None
    when it is the same, or when none was ever activated. One query when nothing changed:
    stations ask with every heartbeat, so an activation reaches them within seconds instead
    of at their next start."""
    with ctx.uow(read_only=True) as uow:
        activation = uow.policies.active()
        if activation is None or activation.policy_hash == ctx.policy.hash:
            return None
        text = uow.policies.get(activation.policy_hash)
    policy = _load_stored(activation.policy_hash, text)
    log.info(
        "policy %s activated by %s at %s replaces %s on this station",
        policy.hash,
        activation.activated_by,
        activation.station,
        ctx.policy.hash,
    )
    return policy


def describe_change(change: CaseChange, columns: Sequence[str] = OUTCOME_COLUMNS) -> str:
    """``case: headline REFUND → DISPUTE, refund_amount 19.99 → 0.00`` (for the command line
    and the log)."""
    parts = [
        f"{column} {change.before[column] or '-'} → {change.after[column] or '-'}"
        for column in columns
        if change.before[column] != change.after[column]
    ]
    return f"{change.case_id}: " + ", ".join(parts)
