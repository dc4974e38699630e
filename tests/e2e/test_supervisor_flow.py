"""The supervisor's part through the real command and a real SQLite file: an inspector's
PARTIAL_REFUND that the inspector cannot approve and a supervisor can; a rejection that
needs its comment; and an approved DISPUTE that opens its dispute with the evidence deadline
of the policy. (test_cli_flow.py covers four eyes between two supervisors and the export.)"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.e2e.conftest import Run

PASSWORD = "correct horse battery"
MANIFEST = """rma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,unit_price,quantity
RMA-SUP-1,ORD-1,Zoë Müller,DE,EUR,2026-10-01,2026-10-04,2026-10-10,refund,changed my mind,DHL,JD01,SKU-MUG,Kaffeemühle,home,Acme GmbH,49.90,1
RMA-SUP-2,ORD-2,张伟,CN,CNY,2026-10-02,2026-10-05,2026-10-12,refund,发错货了,SF Express,SF02,SKU-CUP,不锈钢保温杯,home,宁波杯业,199.00,1
"""  # noqa: E501
HOME_OK = ["--checklist", "all_parts_present=pass", "--checklist", "no_breakage=pass"]


@pytest.fixture
def site(qc: Run, tmp_path: Path) -> Path:
    assert qc("users", "add", "admin", "--role", "admin", new_password=PASSWORD).code == 0
    for name, role in (("ines", "inspector"), ("sofia", "supervisor")):
        added = qc(
            "users",
            "add",
            name,
            "--role",
            role,
            user="admin",
            password=PASSWORD,
            new_password=PASSWORD,
        )
        assert added.code == 0, added.err
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    imported = qc("import", str(manifest), user="admin", password=PASSWORD)
    assert imported.code == 0, imported.err
    return tmp_path


def photos(folder: Path, count: int) -> list[str]:
    args = []
    rng = np.random.default_rng(5)
    for n in range(count):
        path = folder / f"evidence-{n}.jpg"
        cv2.imwrite(str(path), rng.integers(0, 255, (480, 640, 3), dtype=np.uint8))
        args += ["--photo", str(path)]
    return args


def test_the_inspector_cannot_approve_a_supervisor_can(qc: Run, site: Path) -> None:
    decided = qc(
        "inspect", "RMA-SUP-1-1", "--grade", "B", "--finding", "NO_FAULT", *HOME_OK,
        user="ines", password=PASSWORD,
    )  # fmt: skip
    assert decided.code == 0, decided.err
    assert "PARTIAL_REFUND" in decided.out and "pending" in decided.out
    own = qc("approve", "RMA-SUP-1-1", user="ines", password=PASSWORD)
    assert own.code == 1 and "may not approve" in own.err and "Traceback" not in own.err
    approved = qc("approve", "RMA-SUP-1-1", "--comment", "fine", user="sofia", password=PASSWORD)
    assert approved.code == 0, approved.err
    assert approved.out.strip() == "RMA-SUP-1-1: approved (RESTOCK)"


def test_a_rejected_dispute_redone_and_approved_opens_its_dispute(qc: Run, site: Path) -> None:
    wrong = [
        "inspect", "RMA-SUP-2-1", "--grade", "A", "--finding", "WRONG_ITEM", *HOME_OK,
        *photos(site, 2),
    ]  # fmt: skip
    assert qc(*wrong, user="ines", password=PASSWORD).code == 0
    bare = qc("reject", "RMA-SUP-2-1", user="sofia", password=PASSWORD)
    assert bare.code == 1 and "needs a comment" in bare.err
    sent_back = qc(
        "reject", "RMA-SUP-2-1", "--comment", "photograph the serial", user="sofia",
        password=PASSWORD,
    )  # fmt: skip
    assert sent_back.code == 0 and "back to inspection" in sent_back.out
    assert qc(*wrong, user="ines", password=PASSWORD).code == 0
    approved = qc("approve", "RMA-SUP-2-1", user="sofia", password=PASSWORD)
    assert approved.code == 0, approved.err

    with sqlite3.connect(site / "data" / "qc_station.sqlite3") as conn:
        (dispute,) = conn.execute(
            "SELECT d.state, d.disputed_minor, d.currency, d.evidence_due_at, x.approved_at, "
            "d.opened_by FROM disputes d JOIN decisions x ON x.id = d.decision_id"
        ).fetchall()
        actions = [
            row[0]
            for row in conn.execute(
                "SELECT action FROM audit_events WHERE entity = 'dispute' ORDER BY seq"
            )
        ]
    state, amount, currency, due, approved_at, opened_by = dispute
    assert (state, amount, currency, opened_by) == ("open", 19900, "CNY", "sofia")
    assert datetime.fromisoformat(due) - datetime.fromisoformat(approved_at) == timedelta(hours=48)
    assert actions == ["open"]
    verified = qc("audit", "verify", user="admin", password=PASSWORD)
    assert verified.code == 0, verified.out + verified.err
