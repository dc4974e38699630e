"""Carton shipping labels of a vendor-return batch, on SQLite and PostgreSQL: the supervisor
says how many cartons the batch ships in when closing it; an impossible count (none, negative,
more cartons than units) is refused and the batch stays open; the labels (one 4×6 in page per
carton, the batch number decoding at 203 dpi) come with the documents and a reprint makes the
same count again unless told otherwise. A carrier claim ships nothing: no labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from printing.barcodes import THERMAL_DPI
from qc_station.domain.enums import Finding
from qc_station.domain.errors import ValidationError
from qc_station.domain.recovery import RecoveryState
from qc_station.services import recovery
from qc_station.services.context import ServiceContext
from tests.unit.printing.pdftools import decode, pdf_info, pdf_text, rasterise

from .test_recovery import SUPERVISOR, audit_actions, ctx, decided  # noqa: F401 - the fixture


@pytest.mark.parametrize("cartons", [0, -1, 4])
def test_a_bad_carton_count_is_refused_and_changes_nothing(
    ctx: ServiceContext,  # noqa: F811
    cartons: int,
) -> None:
    for n in range(3):
        decided(ctx, f"RMA-C{n}", "Acme", "10.00", Finding.DEFECT)
    before = recovery.list_cases(ctx, SUPERVISOR)[0]
    with pytest.raises(ValidationError, match="carton") as refused:
        recovery.close_batch(ctx, SUPERVISOR, "Acme", cartons)
    assert refused.value.params["field"] == "cartons"
    after = recovery.list_cases(ctx, SUPERVISOR)[0]
    assert (after.state, after.number, after.version) == (RecoveryState.OPEN, None, before.version)
    assert [a for a, _ in audit_actions(ctx, after.id)].count("close_batch") == 0


def test_labels_per_carton_and_reprint(ctx: ServiceContext, tmp_path: Path) -> None:  # noqa: F811
    for n in range(3):
        decided(ctx, f"RMA-D{n}", "深圳音频", "10.00", Finding.DEFECT)
    closed = recovery.close_batch(ctx, SUPERVISOR, "深圳音频", 2)
    assert closed.number is not None
    assert audit_actions(ctx, closed.id)[-1][1]["cartons"] == 2

    docs = recovery.case_documents(ctx, SUPERVISOR, closed.number)
    assert docs.carton_labels is not None
    assert pdf_info(docs.carton_labels, tmp_path)["Pages"] == "2"
    for page in rasterise(docs.carton_labels, tmp_path, THERMAL_DPI):
        assert decode(page) == [closed.number]
    text = pdf_text(docs.carton_labels, tmp_path, page=2)
    assert "Carton 2 of 2" in text and "深圳音频" in text and "3 units" in text
    assert "DESK" in text

    # A reprint for another count (the batch was repacked); a bad one is refused.
    three = recovery.case_documents(ctx, SUPERVISOR, closed.number, cartons=3)
    assert three.carton_labels is not None
    assert pdf_info(three.carton_labels, tmp_path)["Pages"] == "3"
    with pytest.raises(ValidationError, match="ships in 1 to 3 cartons; 4 cannot be right"):
        recovery.case_documents(ctx, SUPERVISOR, closed.number, cartons=4)


def test_a_carrier_claim_has_no_carton_labels(ctx: ServiceContext) -> None:  # noqa: F811
    decided(ctx, "RMA-T1", "Acme", "40.00", Finding.TRANSIT_DAMAGE, carrier="DHL")
    filed = recovery.file_claim(ctx, SUPERVISOR, "DHL")
    assert filed.number is not None
    assert recovery.case_documents(ctx, SUPERVISOR, filed.number).carton_labels is None
