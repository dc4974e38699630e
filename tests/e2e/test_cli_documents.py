"""``qc-station label``, ``report`` and ``evidence`` end to end, on a real SQLite file: the
files are real PDFs and zips, the barcodes decode, names in any script come out as text."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest

from printing.evidence import MANIFEST_NAME, verify_evidence_pack
from tests.e2e.conftest import Run
from tests.unit.printing.pdftools import decode, pdf_info, pdf_text, rasterise

PASSWORD = "correct horse battery"
HEADER = (
    "rma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,"
    "requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,"
    "unit_price,quantity"
)
ROW = (
    "RMA-2026-000010,ORD-10,Zoë Müller-Łukasiewicz,DE,EUR,2026-10-01,2026-10-04,2026-10-10,"
    "refund,zerkratzt,DHL,JD10,SKU-EAR,无线蓝牙耳机 Wireless earbuds,electronics,深圳音频,89.00,2"
)
MANIFEST = f"{HEADER}\n{ROW}\n"
RMA = "RMA-2026-000010"
CHECKS = [
    arg
    for key in (
        "powers_on",
        "screen_intact",
        "accessories_present",
        "serial_matches",
        "no_liquid_damage",
    )
    for arg in ("--checklist", f"{key}=pass")
]


def _photo(path: Path, n: int) -> Path:
    image = np.full((480, 640, 3), (40 * n, 120, 200), np.uint8)
    cv2.putText(image, f"scratch {n}", (40, 240), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 0), 3)
    cv2.imwrite(str(path), image)
    return path


@pytest.fixture
def site(qc: Run, tmp_path: Path) -> Path:
    """An admin and an inspector, the manifest imported, unit 1 decided with two photos."""
    assert qc("users", "add", "admin", "--role", "admin", new_password=PASSWORD).code == 0
    added = qc(
        "users",
        "add",
        "ines",
        "--role",
        "inspector",
        "--full-name",
        "Inès Dupré",
        user="admin",
        password=PASSWORD,
        new_password=PASSWORD,
    )
    assert added.code == 0, added.err
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    imported = qc("import", str(manifest), user="admin", password=PASSWORD)
    assert imported.code == 0, imported.err
    photos = [_photo(tmp_path / f"p{n}.jpg", n) for n in (1, 2)]
    decided = qc(
        "inspect",
        f"{RMA}-1",
        "--grade",
        "A",
        "--finding",
        "DEFECT",
        "--photo",
        str(photos[0]),
        "--photo",
        str(photos[1]),
        *CHECKS,
        user="ines",
        password=PASSWORD,
    )
    assert decided.code == 0, decided.err
    return tmp_path


@pytest.mark.parametrize(("size", "dpi"), [("4x6", "203"), ("4x6", "300"), ("2x1", "300")])
def test_label_of_an_rma_has_one_page_per_unit_and_decodes(
    qc: Run, site: Path, size: str, dpi: str
) -> None:
    target = site / "labels.pdf"
    done = qc(
        "label",
        RMA,
        "-o",
        str(target),
        "--size",
        size,
        "--dpi",
        dpi,
        user="admin",
        password=PASSWORD,
    )
    assert done.code == 0, done.err
    assert f"{RMA}-1, {RMA}-2" in done.out
    pages = rasterise(target.read_bytes(), site, int(dpi))
    assert [decode(page) for page in pages] == [[f"{RMA}-1"], [f"{RMA}-2"]]
    text = " ".join(pdf_text(target.read_bytes(), site).split())
    assert "REFUND" in text  # unit 1: a defect, full refund
    assert "NOT INSPECTED" in text  # unit 2


def test_label_defaults_come_from_the_configuration(qc: Run, site: Path) -> None:
    config = site / "station.toml"
    config.write_text(
        'label_size = "2x1"\nlabel_dpi = 203\ndisposition_bins = { RETURN_TO_VENDOR = "RTV-7" }\n',
        encoding="utf-8",
    )
    target = site / "one.pdf"
    done = qc(
        "label",
        f"{RMA}-1",
        "-o",
        str(target),
        env={"QC_STATION_CONFIG": str(config)},
        user="admin",
        password=PASSWORD,
    )
    assert done.code == 0, done.err
    assert "(2x1 in, 203 dpi)" in done.out
    pdf = target.read_bytes()
    assert pdf_info(pdf, site)["Page size"] == "144 x 72 pts"
    assert "RTV-7" in pdf_text(pdf, site)


def test_report_has_the_names_photos_and_page_numbers(qc: Run, site: Path) -> None:
    target = site / "report.pdf"
    done = qc(
        "report", RMA, "-o", str(target), "--page-size", "Letter", user="admin", password=PASSWORD
    )
    assert done.code == 0, done.err
    pdf = target.read_bytes()
    info = pdf_info(pdf, site)
    assert "letter" in info["Page size"]
    text = " ".join(pdf_text(pdf, site).split())
    for expected in (
        "无线蓝牙耳机",
        "Zoë Müller-Łukasiewicz",
        "Inès Dupré",
        "深圳音频",
        "Photos (2)",
    ):
        assert expected in text, expected
    pages = int(info["Pages"])
    for page in range(1, pages + 1):
        assert re.findall(r"Page \d+ of \d+", pdf_text(pdf, site, page=page)) == [
            f"Page {page} of {pages}"
        ]
    [first] = rasterise(pdf, site, 150)[:1]
    assert RMA in decode(first)


def test_evidence_pack_verifies_and_holds_the_original_photos(qc: Run, site: Path) -> None:
    target = site / "evidence.zip"
    done = qc("evidence", f"{RMA}-1", "-o", str(target), user="admin", password=PASSWORD)
    assert done.code == 0, done.err
    assert "2 photos" in done.out
    content = target.read_bytes()
    assert verify_evidence_pack(content) == []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
        assert len([n for n in archive.namelist() if n.startswith("photos/")]) == 2
    assert manifest["facts"]["rma"]["code"] == RMA
    assert manifest["decision"]["resolution"] == "FULL_REFUND"
    assert manifest["decision"]["recovery"] == "SUPPLIER_CHARGEBACK"


def test_unknown_codes_and_bad_targets_are_clear_and_write_nothing(qc: Run, site: Path) -> None:
    target = site / "nothing.pdf"
    unknown = qc("label", "NOPE-1", "-o", str(target), user="admin", password=PASSWORD)
    assert unknown.code == 1
    assert unknown.err.strip() == "qc-station: error: Unknown code NOPE-1: no RMA or unit has it."
    assert not target.exists()
    missing_folder = qc(
        "report", RMA, "-o", str(site / "no" / "such" / "r.pdf"), user="admin", password=PASSWORD
    )
    assert missing_folder.code == 2 and "does not exist" in missing_folder.err
    not_a_unit = qc("evidence", RMA, "-o", str(site / "e.zip"), user="admin", password=PASSWORD)
    assert not_a_unit.code == 1 and "per unit" in not_a_unit.err
    uninspected = qc(
        "evidence", f"{RMA}-2", "-o", str(site / "e.zip"), user="admin", password=PASSWORD
    )
    assert uninspected.code == 1 and "not been inspected" in uninspected.err
    assert not (site / "e.zip").exists()
    assert "Traceback" not in unknown.err + missing_folder.err + not_a_unit.err


def test_a_failed_write_keeps_the_earlier_file(qc: Run, site: Path) -> None:
    target = site / "labels.pdf"
    target.write_bytes(b"earlier")
    refused = qc("label", "NOPE-1", "-o", str(target), user="admin", password=PASSWORD)
    assert refused.code == 1
    assert target.read_bytes() == b"earlier"
    assert [p.name for p in site.glob(".labels.pdf.*")] == []
