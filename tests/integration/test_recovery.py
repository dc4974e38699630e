"""Recovery end to end through the real services on SQLite and PostgreSQL (SPEC §5.2 rule 2):
units decided DEFECT collect per supplier, TRANSIT_DAMAGE per carrier; closing a batch locks
its units and writes a packing list whose barcode decodes at 203 dpi and a claim CSV whose
totals are the units' prices per currency; payments move a claim to partly paid and paid;
pulls are audited; bad input is refused with nothing changed."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from printing.barcodes import THERMAL_DPI
from printing.evidence import verify_evidence_pack
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role
from qc_station.domain.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from qc_station.domain.model import RmaLine
from qc_station.domain.policy import Policy
from qc_station.domain.recovery import RecoveryKind, RecoveryState
from qc_station.formats.chargeback_csv import COLUMNS
from qc_station.services import finance, recovery
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from tests.builders import make_rma, seed_cast_in
from tests.fakes import FakePasswordHasher, FakePhotoStamper
from tests.unit.printing.pdftools import decode, pdf_text, rasterise

from .conftest import EngineMaker

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
HOME_CHECKLIST = {"all_parts_present": ChecklistAnswer.PASS, "no_breakage": ChecklistAnswer.PASS}
INSPECTOR = Actor("ines", Role.INSPECTOR, "ST-01")
SUPERVISOR = Actor("sofia", Role.SUPERVISOR, "DESK")
TODAY = datetime.now(UTC).strftime("%Y%m%d")


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@pytest.fixture
def ctx(
    db_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> ServiceContext:
    made = ServiceContext(
        uow=SqlUnitOfWorkFactory(engines(db_url)),
        clock=Clock(),
        policy=default_policy,
        photos=FileSystemPhotoStore(tmp_path / "photos", create=True),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    seed_cast_in(made.uow)
    return made


def decided(
    ctx: ServiceContext,
    code: str,
    supplier: str,
    price: str,
    finding: Finding,
    *,
    currency: str = "USD",
    carrier: str = "UPS",
) -> str:
    """Seed a one-unit RMA and decide its unit with ``finding`` (final, no approval needed)."""
    line = RmaLine(1, f"SKU-{code}", "Kettle 电水壶", "home", supplier, Decimal(price), 1)
    with ctx.uow() as uow:
        uow.rmas.add(
            make_rma(
                code,
                lines=[line],
                currency=currency,
                carrier=carrier,
                tracking=f"TRK-{code}",
                delivery_date=date.today(),
            )
        )
        uow.commit()
    lpn = f"{code}-1"
    photos = tuple(
        PhotoInput(JPEG + code.encode() + bytes([n]), datetime.now(UTC), f"p{n}.jpg")
        for n in range(2)
    )
    view = submit_inspection(
        ctx,
        INSPECTOR,
        InspectionDraft(
            lpn=lpn,
            grade={Finding.TRANSIT_DAMAGE: Grade.C, Finding.NO_FAULT: Grade.A}.get(
                finding, Grade.B
            ),
            finding=finding,
            checklist=HOME_CHECKLIST,
            photos=photos,
        ),
    )
    assert not view.needs_approval, view
    return lpn


def audit_actions(ctx: ServiceContext, case_id: str) -> list[tuple[str, dict[str, object]]]:
    with ctx.uow(read_only=True) as uow:
        return [
            (e.action, dict(e.new or {})) for e in uow.audit.for_entity("recovery_case", case_id)
        ]


def test_vendor_batches_close_lock_and_documents(ctx: ServiceContext, tmp_path: Path) -> None:
    acme = [
        decided(ctx, "RMA-A1", "Acme", "30.00", Finding.DEFECT),
        decided(ctx, "RMA-A2", "Acme", "12.55", Finding.DEFECT),
        decided(ctx, "RMA-A3", "Acme", "7.10", Finding.DEFECT, currency="EUR"),
    ]
    globex = decided(ctx, "RMA-G1", "Globex", "99.99", Finding.DEFECT)
    decided(ctx, "RMA-N1", "Acme", "20.00", Finding.NO_FAULT)  # no recovery: not collected

    cases = recovery.list_cases(ctx, SUPERVISOR)
    assert [(c.kind, c.party, c.state) for c in cases] == [
        (RecoveryKind.VENDOR_RETURN, "Acme", RecoveryState.OPEN),
        (RecoveryKind.VENDOR_RETURN, "Globex", RecoveryState.OPEN),
    ]
    assert [i.lpn for i in cases[0].items] == acme
    assert [i.lpn for i in cases[1].items] == [globex]
    assert cases[0].claimed == {"EUR": Decimal("7.10"), "USD": Decimal("42.55")}
    # Listing again collects nothing twice.
    assert len(recovery.list_cases(ctx, SUPERVISOR)[0].items) == 3

    closed = recovery.close_batch(ctx, SUPERVISOR, "Acme")
    assert closed.number == f"VR-{TODAY}-001"
    assert closed.state == RecoveryState.CLOSED
    assert closed.closed_by == "sofia"
    assert [
        (f.party, f.currency, f.claimed, f.recovery_rate_pct)
        for f in recovery.figures(ctx, SUPERVISOR)
    ] == [("Acme", "EUR", Decimal("7.10"), 0), ("Acme", "USD", Decimal("42.55"), 0)]
    actions = audit_actions(ctx, closed.id)
    assert actions[-1][0] == "close_batch"
    assert actions[-1][1]["units"] == acme

    # Locked: a unit of a closed batch cannot be pulled; nothing changes.
    with pytest.raises(InvalidTransition, match="locked"):
        recovery.pull_unit(ctx, SUPERVISOR, acme[0], "wrong supplier")
    assert recovery.get_case(ctx, SUPERVISOR, closed.number).version == closed.version

    # A DEFECT decided after the close starts a new open batch for the supplier.
    late = decided(ctx, "RMA-A4", "Acme", "5.00", Finding.DEFECT)
    open_again = [c for c in recovery.list_cases(ctx, SUPERVISOR) if c.party == "Acme"]
    assert [(c.state, [i.lpn for i in c.items]) for c in open_again] == [
        (RecoveryState.OPEN, [late]),
        (RecoveryState.CLOSED, acme),
    ]

    docs = recovery.case_documents(ctx, SUPERVISOR, closed.number)
    # The packing list's barcode decodes at the thermal printer's resolution.
    page = rasterise(docs.packing_list, tmp_path, THERMAL_DPI, page=1)[0]
    assert closed.number in decode(page)
    text = pdf_text(docs.packing_list, tmp_path)
    assert "Acme" in text and all(lpn in text for lpn in acme)
    assert "电水壶" in text
    # The claim CSV: BOM, CRLF, one row per unit, totals per currency equal to the prices.
    assert docs.claim_csv.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in docs.claim_csv
    rows = list(csv.DictReader(io.StringIO(docs.claim_csv.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [r["lpn"] for r in rows] == acme
    totals: dict[str, Decimal] = {}
    for r in rows:
        totals[r["currency"]] = totals.get(r["currency"], Decimal(0)) + Decimal(r["amount_claimed"])
        assert r["finding"] == "DEFECT"
        assert r["report_file"] == f"inspection-report-{r['lpn']}.pdf"
    assert totals == {"USD": Decimal("42.55"), "EUR": Decimal("7.10")}
    names = [name for name, _ in docs.attachments]
    assert names == [r["report_file"] for r in rows]
    assert all(content.startswith(b"%PDF") for _, content in docs.attachments)


def test_pull_is_audited_and_not_collected_again(ctx: ServiceContext) -> None:
    lpn = decided(ctx, "RMA-P1", "Acme", "10.00", Finding.DEFECT)
    keep = decided(ctx, "RMA-P2", "Acme", "11.00", Finding.DEFECT)
    case = recovery.list_cases(ctx, SUPERVISOR)[0]

    with pytest.raises(ValidationError, match="reason"):
        recovery.pull_unit(ctx, SUPERVISOR, lpn, "  ")
    after = recovery.pull_unit(ctx, SUPERVISOR, lpn.lower(), "supplier asked to scrap locally")
    assert [i.lpn for i in after.active_items] == [keep]
    assert after.claimed == {"USD": Decimal("11.00")}
    assert ("pull_unit", {"lpn": lpn, "reason": "supplier asked to scrap locally"}) in (
        audit_actions(ctx, case.id)
    )
    # The pulled unit stays out of every batch.
    again = recovery.list_cases(ctx, SUPERVISOR)
    assert [i.lpn for i in again[0].active_items] == [keep]
    assert [i.pulled for i in again[0].items] == [True, False]


def test_reopen_pulls_a_unit_from_an_open_batch_and_is_refused_once_it_is_closed(
    ctx: ServiceContext,
) -> None:
    from qc_station.domain.enums import UnitState
    from qc_station.services.approval import reopen

    loose = decided(ctx, "RMA-R1", "Acme", "10.00", Finding.DEFECT)
    shipped = decided(ctx, "RMA-R2", "Acme", "12.00", Finding.DEFECT)
    case = recovery.list_cases(ctx, SUPERVISOR)[0]
    # Still open: the reopen takes the unit out of the batch, with its reason, audited.
    reopen(ctx, SUPERVISOR, loose, "serial number misread")
    cases = recovery.list_cases(ctx, SUPERVISOR)
    assert [i.lpn for i in cases[0].active_items] == [shipped]
    assert (
        "pull_unit",
        {"lpn": loose, "reason": "serial number misread", "by": "reopen"},
    ) in audit_actions(ctx, case.id)

    closed = recovery.close_batch(ctx, SUPERVISOR, "Acme")
    with pytest.raises(InvalidTransition, match="locked"):
        reopen(ctx, SUPERVISOR, shipped, "customer called")
    # Refused: the unit is still decided and still in the closed batch.
    with ctx.uow(read_only=True) as uow:
        rma = uow.rmas.get_by_lpn(shipped)
        assert rma is not None and rma.unit(shipped).state == UnitState.DECIDED  # type: ignore[union-attr]
    assert [i.lpn for i in recovery.get_case(ctx, SUPERVISOR, closed.number).active_items] == [
        shipped
    ]


def test_carrier_claim_filed_part_paid_then_paid(ctx: ServiceContext) -> None:
    first = decided(ctx, "RMA-C1", "Acme", "40.00", Finding.TRANSIT_DAMAGE, carrier="DHL")
    second = decided(ctx, "RMA-C2", "Acme", "25.50", Finding.TRANSIT_DAMAGE, carrier="DHL")
    (case,) = recovery.list_cases(ctx, SUPERVISOR)
    assert (case.kind, case.party) == (RecoveryKind.CARRIER_CLAIM, "DHL")
    # DHL's 30 days (default policy) from today's delivery, to the end of that day.
    assert case.claim_due_at is not None
    assert (case.claim_due_at.date() - date.today()).days == 31
    assert case.deadline is not None

    filed = recovery.file_claim(ctx, SUPERVISOR, "DHL")
    assert filed.number == f"CC-{TODAY}-001"
    docs = recovery.case_documents(ctx, SUPERVISOR, filed.number)
    assert [n for n, _ in docs.attachments] == [f"evidence-{first}.zip", f"evidence-{second}.zip"]
    for _, content in docs.attachments:
        assert verify_evidence_pack(content) == []
        assert "manifest.json" in zipfile.ZipFile(io.BytesIO(content)).namelist()
    rows = list(csv.DictReader(io.StringIO(docs.claim_csv.decode("utf-8-sig"), newline="")))
    assert [r["tracking"] for r in rows] == ["TRK-RMA-C1", "TRK-RMA-C2"]

    part = recovery.record_payment(ctx, SUPERVISOR, filed.number, Decimal("50.00"))
    assert part.state == RecoveryState.PARTLY_PAID
    assert part.recovered == {"USD": Decimal("50.00")}
    paid = recovery.record_payment(ctx, SUPERVISOR, filed.number.lower(), Decimal("15.50"))
    assert paid.state == RecoveryState.PAID
    assert [
        (f.kind, f.party, f.currency, f.claimed, f.recovered, f.recovery_rate_pct)
        for f in recovery.figures(ctx, SUPERVISOR)
    ] == [(RecoveryKind.CARRIER_CLAIM, "DHL", "USD", Decimal("65.50"), Decimal("65.50"), 100)]
    assert [a for a, _ in audit_actions(ctx, filed.id)][-2:] == ["partly_paid", "paid"]
    with pytest.raises(InvalidTransition):
        recovery.record_payment(ctx, SUPERVISOR, filed.number, Decimal("1.00"))


def test_bad_input_is_refused_and_changes_nothing(ctx: ServiceContext) -> None:
    only = decided(ctx, "RMA-E1", "Globex", "20.00", Finding.DEFECT)
    decided(ctx, "RMA-E2", "Acme", "30.00", Finding.DEFECT)
    with pytest.raises(NotFound, match="no open vendor-return batch"):
        recovery.close_batch(ctx, SUPERVISOR, "Initech")
    with pytest.raises(PermissionDenied):
        recovery.close_batch(ctx, INSPECTOR, "Acme")

    # Closing an empty batch: the only unit was pulled.
    recovery.pull_unit(ctx, SUPERVISOR, only, "mislabelled supplier")
    globex = next(c for c in recovery.list_cases(ctx, SUPERVISOR) if c.party == "Globex")
    with pytest.raises(ValidationError, match="no units"):
        recovery.close_batch(ctx, SUPERVISOR, "Globex")
    unchanged = recovery.get_case(ctx, SUPERVISOR, globex.id)
    assert (unchanged.state, unchanged.number, unchanged.version) == (
        RecoveryState.OPEN,
        None,
        globex.version,
    )

    # A payment on a batch that is still open.
    acme = next(c for c in recovery.list_cases(ctx, SUPERVISOR) if c.party == "Acme")
    with pytest.raises(InvalidTransition):
        recovery.record_payment(ctx, SUPERVISOR, acme.id, Decimal("1.00"))

    closed = recovery.close_batch(ctx, SUPERVISOR, "Acme")
    assert closed.number is not None
    with pytest.raises(ValidationError, match=r"more than the 30\.00 USD still claimed"):
        recovery.record_payment(ctx, SUPERVISOR, closed.number, Decimal("30.01"))
    with pytest.raises(ValidationError, match="claims no EUR"):
        recovery.record_payment(ctx, SUPERVISOR, closed.number, Decimal("5.00"), "EUR")
    with pytest.raises(ValidationError, match="more decimals"):
        recovery.record_payment(ctx, SUPERVISOR, closed.number, Decimal("5.001"))
    with pytest.raises(NotFound):
        recovery.record_payment(ctx, SUPERVISOR, "VR-19990101-001", Decimal("5.00"))
    after = recovery.get_case(ctx, SUPERVISOR, closed.number)
    assert (after.state, after.recovered, after.version) == (
        RecoveryState.CLOSED,
        {},
        closed.version,
    )
    denied = recovery.record_payment(ctx, SUPERVISOR, closed.number, None, denied=True)
    assert denied.state == RecoveryState.DENIED


def _export(ctx: ServiceContext) -> tuple[str | None, bytes, list[dict[str, str]]]:
    out = io.BytesIO()
    result = finance.export_finance(ctx, SUPERVISOR, out)
    data = out.getvalue()
    return result.batch_id, data, list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_a_part_payment_goes_into_the_next_finance_export_once(ctx: ServiceContext) -> None:
    lpn = decided(ctx, "RMA-F1", "Acme", "80.00", Finding.TRANSIT_DAMAGE, carrier="DHL")
    first_batch, _, first = _export(ctx)  # the decision's own row
    assert [(r["lpn"], r["recovery"], r["recovery_amount"]) for r in first] == [
        (lpn, "CARRIER_CLAIM", "80.00")
    ]
    filed = recovery.file_claim(ctx, SUPERVISOR, "DHL")
    assert filed.number is not None
    part = recovery.record_payment(ctx, SUPERVISOR, filed.number, Decimal("30.00"))
    assert part.state == RecoveryState.PARTLY_PAID

    batch, data, rows = _export(ctx)
    assert batch is not None and batch != first_batch
    assert len(rows) == 1
    row = rows[0]
    assert (row["export_batch_id"], row["order_id"], row["recovery"], row["recovery_amount"]) == (
        batch,
        filed.number,
        "CARRIER_CLAIM",
        "30.00",
    )
    assert (row["currency"], row["decided_by"], row["lpn"], row["refund_amount"]) == (
        "USD",
        "sofia",
        "",
        "0.00",
    )
    # Once: the next export has nothing; the batch re-exports byte-identical.
    assert _export(ctx)[0] is None
    again = io.BytesIO()
    finance.reexport_batch(ctx, SUPERVISOR, batch, again)
    assert again.getvalue() == data
    # The rest, paid later, goes into a later batch of its own.
    recovery.record_payment(ctx, SUPERVISOR, filed.number, Decimal("50.00"))
    assert [r["recovery_amount"] for r in _export(ctx)[2]] == ["50.00"]
