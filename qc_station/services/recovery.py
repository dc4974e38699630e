"""Recovery (SPEC §5.2 rule 2): vendor-return batches for suppliers and claims for carriers.

Units whose current final decision asks for a recovery — disposition RETURN_TO_VENDOR or
recovery SUPPLIER_CHARGEBACK (a vendor return), recovery CARRIER_CLAIM (a carrier claim) —
collect in their party's open case. Collecting is a sweep (``collect``) that every recovery
action runs first in its own unit of work, so the decision paths need not know about recovery
and a unit decided a moment ago is in its batch when a supervisor looks. A supervisor closes a
batch or files a claim (it gets its number; its units are locked), may pull a unit out of an
open case with a reason, and records what the party paid, part-paid or denied. Every change is
permission-checked (``Action.MANAGE_RECOVERY``) and audited; the steps are the table in
``domain/recovery.py``.

The amount claimed for a unit is the decision's recovery amount (SPEC §5.2: the refund, or the
unit price on an exchange), or the unit price where the decision has none. A carrier claim's
filing deadline is the carrier's ``carrier_claim_days`` after the delivery date (order date +
``transit_allowance_days`` when it is unknown); a case's deadline is its earliest unit's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from decimal import Decimal
from typing import cast

from printing.carton_labels import CartonLabelData, render_carton_labels
from printing.data import PageSize
from printing.packing_list import PackingLine, PackingListData, render_packing_list, totals_of
from qc_station.domain.deadlines import DeadlineStatus, deadline_status
from qc_station.domain.enums import Disposition, Recovery
from qc_station.domain.errors import Conflict, NotFound, ValidationError
from qc_station.domain.fields import safe_file_name
from qc_station.domain.model import Decision, Rma
from qc_station.domain.policy import Policy
from qc_station.domain.recovery import (
    NUMBER_PREFIX,
    RecoveryCase,
    RecoveryItem,
    RecoveryKind,
    RecoveryState,
    make_number,
)
from qc_station.formats.chargeback_csv import ClaimRow, claim_csv

from . import audit, documents
from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import UnitOfWork

#: A carrier claim whose filing deadline is this close stands out (SPEC §2 step 8's amber).
CLAIM_DUE_SOON = timedelta(days=7)

_CHARGEBACK = {Recovery.SUPPLIER_CHARGEBACK}


@dataclass(frozen=True)
class ItemView:
    lpn: str
    rma_code: str
    sku: str
    product_name: str
    finding: str
    photo_hashes: tuple[str, ...]
    tracking: str
    unit_price: Decimal
    currency: str
    amount: Decimal
    claim_due_at: datetime | None
    pulled: bool
    pull_reason: str


@dataclass(frozen=True)
class CaseView:
    id: str
    number: str | None
    kind: RecoveryKind
    party: str
    state: RecoveryState
    opened_at: datetime
    closed_at: datetime | None
    closed_by: str | None
    items: tuple[ItemView, ...]
    claimed: dict[str, Decimal]
    recovered: dict[str, Decimal]
    claim_due_at: datetime | None
    #: Where the filing deadline stands (open carrier claims only), else None.
    deadline: DeadlineStatus | None
    version: int

    @property
    def active_items(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if not i.pulled)


def kind_for(decision: Decision) -> RecoveryKind | None:
    """Which recovery a final decision asks for, if any."""
    final = decision.final
    if final.disposition == Disposition.RETURN_TO_VENDOR or final.recovery in _CHARGEBACK:
        return RecoveryKind.VENDOR_RETURN
    if final.recovery == Recovery.CARRIER_CLAIM:
        return RecoveryKind.CARRIER_CLAIM
    return None


def claim_due_at(policy: Policy, rma: Rma) -> datetime | None:
    """The carrier's filing deadline for a unit of ``rma``: the end of the UTC day
    ``carrier_claim_days`` after delivery (order date + transit allowance when unknown)."""
    delivered = rma.delivery_date
    if delivered is None and rma.order_date is not None:
        delivered = rma.order_date + timedelta(days=policy.transit_allowance_days)
    if delivered is None:
        return None
    last_day = delivered + timedelta(days=policy.claim_days(rma.carrier))
    return datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=UTC)


def claim_deadline_status(due_at: datetime, now: datetime) -> DeadlineStatus:
    """Where a filing deadline stands; "due soon" a week ahead (days, not a shift's hours)."""
    status = deadline_status(due_at, now)
    if status == DeadlineStatus.ON_TRACK and due_at - now <= CLAIM_DUE_SOON:
        return DeadlineStatus.DUE_SOON
    return status


# --- collecting ----------------------------------------------------------------------------


def collect(uow: UnitOfWork, ctx: ServiceContext, actor: Actor) -> int:
    """Put every eligible unit into its party's open case (opened when missing), inside the
    caller's unit of work; returns how many units joined. A unit whose supplier (or carrier)
    is not known is left where it is: it cannot be claimed from nobody."""
    now = ctx.clock.now()
    cases: dict[tuple[RecoveryKind, str], RecoveryCase] = {}
    fresh: set[str] = set()
    added = 0
    for decision_id in uow.recovery.eligible_decisions():
        decision = uow.decisions.get(decision_id)
        kind = kind_for(decision) if decision else None
        rma = uow.rmas.get_by_lpn(decision.lpn) if decision else None
        unit = rma.unit(decision.lpn) if rma and decision else None
        if decision is None or kind is None or rma is None or unit is None:
            continue
        party = (
            rma.line_of(unit).supplier if kind == RecoveryKind.VENDOR_RETURN else rma.carrier
        ).strip()
        if not party:
            continue
        key = (kind, party)
        case = cases.get(key) or uow.recovery.open_case(kind, party)
        if case is None:
            case = RecoveryCase(str(uuid.uuid4()), kind, party, now, actor.username)
            fresh.add(case.id)
            audit.record(
                uow,
                ctx,
                actor,
                "recovery_case",
                case.id,
                "open",
                None,
                {"kind": kind.value, "party": party},
            )
        cases[key] = case
        amount = decision.final.recovery_amount
        if amount is None or amount <= 0:
            amount = decision.unit_price
        due = claim_due_at(ctx.policy, rma) if kind == RecoveryKind.CARRIER_CLAIM else None
        case.add_item(RecoveryItem(decision.lpn, decision.id, decision.currency, amount, now, due))
        audit.record(
            uow,
            ctx,
            actor,
            "recovery_case",
            case.id,
            "add_unit",
            None,
            {"lpn": decision.lpn, "amount": str(amount), "currency": decision.currency},
        )
        added += 1
    for case in cases.values():
        if case.id in fresh:
            uow.recovery.add(case)
        else:
            case.version = uow.recovery.save(case)
    return added


def _collected(ctx: ServiceContext, actor: Actor) -> None:
    """Run ``collect`` in its own unit of work; another station collecting at the same moment
    is not an error (its sweep took the units)."""
    try:
        with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
            if collect(uow, ctx, actor):
                uow.commit()
    except Conflict:
        pass


# --- reading -------------------------------------------------------------------------------


def _view(uow: UnitOfWork, case: RecoveryCase, now: datetime) -> CaseView:
    items = []
    for item in case.items:
        rma = uow.rmas.get_by_lpn(item.lpn)
        unit = rma.unit(item.lpn) if rma else None
        line = rma.line_of(unit) if rma and unit else None
        decision = uow.decisions.get(item.decision_id)
        inspection = uow.inspections.get(decision.inspection_id) if decision else None
        items.append(
            ItemView(
                lpn=item.lpn,
                rma_code=rma.code if rma else "",
                sku=line.sku if line else "",
                product_name=line.product_name if line else "",
                finding=inspection.finding.value if inspection else "",
                photo_hashes=tuple(p.sha256 for p in inspection.photos) if inspection else (),
                tracking=rma.tracking if rma else "",
                unit_price=decision.unit_price if decision else item.amount,
                currency=item.currency,
                amount=item.amount,
                claim_due_at=item.claim_due_at,
                pulled=not item.active,
                pull_reason=item.pull_reason,
            )
        )
    due = case.claim_due_at()
    deadline = None
    if case.kind == RecoveryKind.CARRIER_CLAIM and case.state == RecoveryState.OPEN and due:
        deadline = claim_deadline_status(due, now)
    return CaseView(
        case.id,
        case.number,
        case.kind,
        case.party,
        case.state,
        case.opened_at,
        case.closed_at,
        case.closed_by,
        tuple(items),
        case.claimed(),
        case.recovered(),
        due,
        deadline,
        case.version,
    )


def list_cases(
    ctx: ServiceContext, actor: Actor, states: set[RecoveryState] | None = None
) -> list[CaseView]:
    """Every case (or those in ``states``), open ones first, after collecting new units."""
    require(actor, Action.MANAGE_RECOVERY)
    _collected(ctx, actor)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY, read_only=True) as uow:
        return [_view(uow, c, now) for c in uow.recovery.cases(states)]


def get_case(ctx: ServiceContext, actor: Actor, number: str) -> CaseView:
    """A case by its number (or its id, for an open case, which has no number yet)."""
    require(actor, Action.MANAGE_RECOVERY)
    with authorized(ctx, actor, Action.MANAGE_RECOVERY, read_only=True) as uow:
        return _view(uow, _find(uow, number), ctx.clock.now())


def _find(uow: UnitOfWork, number: str) -> RecoveryCase:
    key = (number or "").strip()
    case = uow.recovery.by_number(key.upper()) or uow.recovery.get(key)
    if case is None:
        raise NotFound(f"no vendor-return batch or carrier claim {key!r}", case=key)
    return case


# --- changing ------------------------------------------------------------------------------


def close_batch(ctx: ServiceContext, actor: Actor, supplier: str, cartons: int = 1) -> CaseView:
    """Close the supplier's open vendor-return batch: it gets its number, its units lock.
    ``cartons`` is how many cartons it ships in (one shipping label each); a count that
    cannot be right is refused before anything changes, and the count is audited so a
    reprint makes the same labels."""
    return _close(ctx, actor, RecoveryKind.VENDOR_RETURN, supplier, cartons)


def check_cartons(cartons: int, units: int) -> None:
    """A batch ships in at least one carton and at most one per unit (no empty cartons)."""
    if cartons < 1:
        raise ValidationError(
            f"a batch ships in at least 1 carton, not {cartons}",
            field="cartons",
            value=cartons,
            units=units,
        )
    if cartons > units:
        raise ValidationError(
            f"{cartons} cartons for {units} unit{'s' if units != 1 else ''}: "
            "some cartons would be empty",
            field="cartons",
            value=cartons,
            units=units,
        )


def file_claim(ctx: ServiceContext, actor: Actor, carrier: str) -> CaseView:
    """File the carrier's open claim: it gets its number, its units lock."""
    return _close(ctx, actor, RecoveryKind.CARRIER_CLAIM, carrier)


def _close(
    ctx: ServiceContext, actor: Actor, kind: RecoveryKind, party: str, cartons: int | None = None
) -> CaseView:
    require(actor, Action.MANAGE_RECOVERY)
    name = (party or "").strip()
    what = (
        "vendor-return batch for supplier"
        if kind == RecoveryKind.VENDOR_RETURN
        else ("claim for carrier")
    )
    _collected(ctx, actor)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
        case = uow.recovery.open_case(kind, name)
        if case is None:
            raise NotFound(f"there is no open {what} {name!r}", party=name, kind=kind.value)
        if cartons is not None and case.active_items():
            check_cartons(cartons, len(case.active_items()))
        day = now.astimezone(UTC).strftime("%Y%m%d")
        last = uow.recovery.last_number_with_prefix(f"{NUMBER_PREFIX[kind]}-{day}-")
        action = case.close(make_number(kind, day, last), actor.username, now)
        case.version = uow.recovery.save(case)
        claimed = {c: str(v) for c, v in case.claimed().items()}
        audit.record(
            uow,
            ctx,
            actor,
            "recovery_case",
            case.id,
            action,
            {"state": "open"},
            {
                "state": case.state.value,
                "number": case.number,
                "party": case.party,
                "units": [i.lpn for i in case.active_items()],
                "claimed": claimed,
                **({"cartons": cartons} if cartons is not None else {}),
            },
        )
        uow.commit()
        return _view(uow, case, now)


def _case_holding(uow: UnitOfWork, lpn: str) -> RecoveryCase | None:
    """The case (open or not) that holds ``lpn`` as an active unit, if any. Every case, not
    the first page of the list: a locked unit in an old claim must still be found."""
    for case in uow.recovery.cases(limit=1_000_000):
        if any(i.lpn == lpn and i.active for i in case.items):
            return case
    return None


def _pull(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    case: RecoveryCase,
    lpn: str,
    reason: str,
    **why: str,
) -> None:
    """Take ``lpn`` out of ``case`` (refused by ``RecoveryCase.pull`` once the case is
    closed), save it and audit the pull; ``why`` adds to the audited event."""
    case.pull(lpn, actor.username, ctx.clock.now(), reason)
    case.version = uow.recovery.save(case)
    audit.record(
        uow,
        ctx,
        actor,
        "recovery_case",
        case.id,
        "pull_unit",
        {"lpn": lpn},
        {"lpn": lpn, "reason": reason.strip(), **why},
    )


def pull_unit(
    ctx: ServiceContext, actor: Actor, lpn: str, reason: str, version: int | None = None
) -> CaseView:
    """Take a unit out of its open case, with a reason; it is not collected again."""
    require(actor, Action.MANAGE_RECOVERY)
    code = (lpn or "").strip().upper()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
        case = _case_holding(uow, code)
        if case is None:
            raise NotFound(f"unit {code} is in no vendor-return batch or carrier claim", lpn=code)
        _check_version(case, version)
        _pull(uow, ctx, actor, case, code, reason)
        uow.commit()
        return _view(uow, case, ctx.clock.now())


def release_for_reopen(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, lpn: str, reason: str
) -> None:
    """Inside a reopen's unit of work: a unit in an open batch or claim is pulled out with the
    reopen's reason (its decision no longer stands); a unit in a closed batch or a filed claim
    is locked, so the reopen is refused (``InvalidTransition`` from ``RecoveryCase.pull``)."""
    case = _case_holding(uow, lpn)
    if case is not None:
        _pull(uow, ctx, actor, case, lpn, reason, by="reopen")


def record_payment(
    ctx: ServiceContext,
    actor: Actor,
    number: str,
    amount: Decimal | None,
    currency: str | None = None,
    *,
    denied: bool = False,
    note: str = "",
    version: int | None = None,
) -> CaseView:
    """Record what the party paid on a closed batch or filed claim (paid in full or in part,
    per currency), or that it denied the claim (``denied``, no amount). ``currency`` may be
    left out when the case claims a single currency."""
    require(actor, Action.MANAGE_RECOVERY)
    if denied and amount is not None:
        raise ValidationError("a denial has no amount", field="amount")
    if not denied and amount is None:
        raise ValidationError("a payment needs its amount", field="amount")

    def change(case: RecoveryCase, now: datetime) -> tuple[str, dict[str, object]]:
        if denied:
            return case.deny(note), {"note": note.strip()}
        assert amount is not None
        code = currency or _single_currency(case)
        action, payment = case.record_payment(
            str(uuid.uuid4()), amount, code, actor.username, now, note
        )
        return action, {
            "payment": payment.id,
            "amount": str(payment.amount),
            "currency": payment.currency,
            "note": payment.note,
        }

    return _step(ctx, actor, number, version, change)


def _single_currency(case: RecoveryCase) -> str:
    claimed = sorted(case.claimed())
    if len(claimed) != 1:
        raise ValidationError(
            f"{case.label} claims {', '.join(claimed) or 'nothing'}: say which currency "
            "the payment is in",
            field="payment_currency",
            currencies=claimed,
        )
    return claimed[0]


def _check_version(case: RecoveryCase, version: int | None) -> None:
    if version is not None and version != case.version:
        # The screen showed an older state: act on what is there now, not on that.
        raise Conflict(f"{case.label} changed since it was shown; look at it again")


def _step(
    ctx: ServiceContext,
    actor: Actor,
    number: str,
    version: int | None,
    change: Callable[[RecoveryCase, datetime], tuple[str, dict[str, object]]],
) -> CaseView:
    """Load, change (through the domain's table), save with the version check, audit."""
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
        case = _find(uow, number)
        _check_version(case, version)
        before = case.state
        action, facts = change(case, now)
        case.version = uow.recovery.save(case)
        audit.record(
            uow,
            ctx,
            actor,
            "recovery_case",
            case.id,
            action,
            {"state": before.value},
            {"state": case.state.value, "number": case.number, **facts},
        )
        uow.commit()
        return _view(uow, case, now)


# --- documents -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseDocuments:
    """What goes to the party with a closed batch or a filed claim."""

    number: str
    packing_list: bytes
    """The packing list PDF (``printing/packing_list.py``)."""
    claim_csv: bytes
    """The chargeback / claim CSV (``formats/chargeback_csv.py``)."""
    attachments: tuple[tuple[str, bytes], ...]
    """(file name, content): each unit's inspection report PDF (vendor returns) or its §7.4
    evidence pack (carrier claims); the CSV's ``report_file`` names them."""
    carton_labels: bytes | None = None
    """A vendor-return batch's 4×6 in shipping labels, one page per carton
    (``printing/carton_labels.py``); None for a carrier claim, which ships nothing."""


def case_documents(
    ctx: ServiceContext,
    actor: Actor,
    number: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
    cartons: int | None = None,
) -> CaseDocuments:
    """The packing list, the claim CSV, the per-unit reports or evidence packs of a closed
    batch or filed claim, and a batch's carton labels (``cartons`` of them; by default as
    many as it was closed with). Nothing is written: making documents changes no state."""
    require(actor, Action.MANAGE_RECOVERY)
    view = get_case(ctx, actor, number)
    if view.number is None:
        raise ValidationError(
            f"the open case for {view.party} has no number yet: close the batch (or file the "
            "claim) first",
            field="case_number",
            case=view.id,
        )
    carrier = view.kind == RecoveryKind.CARRIER_CLAIM
    labels = None
    if not carrier:
        count = cartons if cartons is not None else _closed_with_cartons(ctx, view.id)
        # Checked before the slow part (reports of every unit), so a bad count costs nothing.
        check_cartons(count, len(view.active_items))
        labels = render_carton_labels(
            CartonLabelData(
                number=view.number,
                party=view.party,
                # No supplier address is on record anywhere yet (the catalog has names only):
                # the label carries the name alone until one is.
                address="",
                cartons=count,
                units=len(view.active_items),
                station=actor.station,
                date=documents.local_time(view.closed_at, tz),
            )
        )
    attachments: list[tuple[str, bytes]] = []
    rows: list[ClaimRow] = []
    lines: list[PackingLine] = []
    for item in view.active_items:
        if carrier:
            pack = documents.evidence_pack(ctx, actor, item.lpn, page_size=page_size, tz=tz)
            # The LPN is data (an imported RMA code): reduced to a safe file name (SPEC §6).
            name = f"evidence-{safe_file_name(item.lpn)}.zip"
            attachments.append((name, pack.content))
        else:
            report = documents.report_pdf(ctx, actor, item.lpn, page_size=page_size, tz=tz)
            name = f"inspection-report-{safe_file_name(item.lpn)}.pdf"
            attachments.append((name, report.pdf))
        rows.append(
            ClaimRow(
                view.number,
                item.lpn,
                item.rma_code,
                item.sku,
                item.finding,
                item.unit_price,
                item.currency,
                item.amount,
                item.tracking if carrier else "",
                name,
            )
        )
        lines.append(
            PackingLine(
                item.lpn,
                item.rma_code,
                item.sku,
                item.product_name,
                item.finding,
                item.unit_price,
                item.amount,
                item.currency,
                item.photo_hashes,
                item.tracking if carrier else "",
            )
        )
    data = PackingListData(
        number=view.number,
        title="Carrier claim" if carrier else "Vendor return",
        party_label="Carrier" if carrier else "Supplier",
        party=view.party,
        closed_at=documents.local_time(view.closed_at, tz),
        closed_by=view.closed_by or "",
        station=actor.station,
        lines=tuple(lines),
        totals=totals_of(lines),
    )
    paper = cast(PageSize, page_size if page_size in documents.PAGE_SIZES else "A4")
    pdf = render_packing_list(data, paper)
    return CaseDocuments(view.number, pdf, claim_csv(rows), tuple(attachments), labels)


def _closed_with_cartons(ctx: ServiceContext, case_id: str) -> int:
    """The carton count the batch was closed with (its audited close event), else 1."""
    with ctx.uow(read_only=True) as uow:
        events = uow.audit.for_entity("recovery_case", case_id)
    for event in reversed(events):
        count = (event.new or {}).get("cartons") if event.action == "close_batch" else None
        if isinstance(count, int):
            return count
    return 1


# --- figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyFigures:
    """What one supplier or carrier was claimed and paid back, in one currency: the figures
    the dashboard's supplier and carrier views show (open cases are not claimed yet)."""

    kind: RecoveryKind
    party: str
    currency: str
    claimed: Decimal
    recovered: Decimal

    @property
    def recovery_rate_pct(self) -> Decimal | None:
        """Recovered as a percentage of claimed, to one decimal; None when nothing claimed."""
        if not self.claimed:
            return None
        return (self.recovered * 100 / self.claimed).quantize(Decimal("0.1"))


def figures(ctx: ServiceContext, actor: Actor) -> list[PartyFigures]:
    """Claimed and recovered per party and currency over every closed batch and filed claim,
    by kind, party and currency."""
    require(actor, Action.MANAGE_RECOVERY)
    totals: dict[tuple[RecoveryKind, str, str], tuple[Decimal, Decimal]] = {}
    with authorized(ctx, actor, Action.MANAGE_RECOVERY, read_only=True) as uow:
        cases = uow.recovery.cases(
            {s for s in RecoveryState if s != RecoveryState.OPEN}, limit=100_000
        )
    for case in cases:
        recovered = case.recovered()
        for currency, claimed in case.claimed().items():
            key = (case.kind, case.party, currency)
            before = totals.get(key, (Decimal(0), Decimal(0)))
            totals[key] = (
                before[0] + claimed,
                before[1] + recovered.get(currency, Decimal(0)),
            )
    return [
        PartyFigures(kind, party, currency, claimed, recovered)
        for (kind, party, currency), (claimed, recovered) in sorted(totals.items())
    ]
