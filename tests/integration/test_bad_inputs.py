"""Bad input, case by case (issue 9): scanner input, CSV files, images, policy files, signing
in and printing. Each case checks that the message names what is wrong and that nothing
was lost or half-written (the store is exactly as before, or holds exactly the good part).

The services run on the in-memory store here (its commit is all-or-nothing like a
database's); the file formats, the image decoder, the policy loader and the printer adapter
are the real ones.
"""

from __future__ import annotations

import copy
import struct
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from qc_station.adapters.images import prepare_photo, read_photo_file
from qc_station.adapters.printers import CupsPrinter
from qc_station.bootstrap import read_policy
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role
from qc_station.domain.errors import AuthenticationFailed, NotFound, PolicyError, QcError
from qc_station.domain.policy import load_policy
from qc_station.services import importing, returns, users
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from qc_station.services.print_queue import PrinterMissing, PrintSystemUnavailable
from tests.builders import ADMIN, INSPECTOR, make_rma, seed
from tests.fakes import FakeClock, FakeStore
from ui.scanner import ScanBurstDetector

CODE = "RMA-2026-000123"
LPN = f"{CODE}-1"
OFFICE = ADMIN  # imports as an admin at the office (``system`` only acts on an empty site)


@pytest.fixture
def seeded(ctx: ServiceContext, store: FakeStore) -> FakeStore:
    seed(store, make_rma(CODE))
    return store


def _unchanged(store: FakeStore, action: Callable[[], Any], error: type[Exception]) -> str:
    """Run ``action``, expect ``error``; the store must be exactly as before. The message."""
    before = copy.deepcopy(store.data)
    commits = store.commits
    with pytest.raises(error) as caught:
        action()
    assert store.data == before and store.commits == commits
    return str(caught.value)


# --- scanner input -------------------------------------------------------------------------

SCANS = [
    ("control character", "RMA-2026\x07-000123-1", "control characters"),
    ("NUL byte", "RMA-2026-000123-1\x00", "control characters"),
    ("zero-width space", "RMA-2026\u200b-000123-1", "control characters"),
    ("carriage return inside", "RMA-2026-000123-1\rRMA-2026-000123-2", "control characters"),
    ("very long code", "X" * 65, "65 characters long"),
    (
        "two codes in one burst",
        LPN + "RMA-2026-000124-1",
        f"Unknown code {LPN}RMA-2026-000124-1: no RMA or unit has it",
    ),
    ("four codes in one burst", (LPN + "RMA-2026-000124-1") * 2, "were two codes scanned"),
    ("only whitespace", " \t\r\n", "Nothing was scanned"),
    ("empty", "", "Nothing was scanned"),
    ("German layout (ß for -)", "RMAß2026ß000123ß1", "Unknown code RMAß2026ß000123ß1"),
    ("French AZERTY digits", "RMA-é0é6-000&é3-&", "Unknown code RMA-é0é6-000&é3-&"),
    ("Cyrillic look-alike letters", "RМА-2026-000123-1", "Unknown code RМА-2026-000123-1"),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in SCANS], ids=[c[0] for c in SCANS])
def test_scanned_code_is_refused_clearly(
    ctx: ServiceContext, seeded: FakeStore, raw: str, expected: str
) -> None:
    message = _unchanged(seeded, lambda: returns.claim_unit(ctx, INSPECTOR, raw), QcError)
    assert expected in message
    with pytest.raises(QcError, match=expected.split(" ")[0]):
        returns.find(ctx, raw)


@pytest.mark.parametrize(
    "raw",
    ["ＲＭＡ－２０２６－０００１２３－１", f"  {LPN}\r\n", f"\t{LPN.lower()}\n"],
    ids=["full-width (IME)", "scanner CR LF suffix", "lower case with tab prefix"],
)
def test_scanned_code_variants_that_mean_the_same_code_are_found(
    ctx: ServiceContext, seeded: FakeStore, raw: str
) -> None:
    view = returns.find(ctx, raw)
    assert view.code == CODE and view.focus_lpn == LPN


def test_scanner_two_codes_back_to_back_are_two_scans() -> None:
    detector = ScanBurstDetector()
    codes = []
    t = 0
    for code in (LPN, "RMA-2026-000124-1"):
        for ch in code:
            t += 5
            detector.feed(ch, t)
        t += 5
        codes.append(detector.feed_enter(t))
    assert codes == [LPN, "RMA-2026-000124-1"]


def test_scanner_hand_typing_inside_a_burst_is_not_a_scan() -> None:
    detector = ScanBurstDetector()
    t = 0
    for n, ch in enumerate(LPN):
        t += 500 if n == 8 else 5  # a person's pause in the middle
        detector.feed(ch, t)
    assert detector.feed_enter(t + 5) == LPN[8:]  # only the fast tail forms a burst
    detector.feed("A", 10_000)
    assert detector.feed_enter(10_600) is None  # Enter long after the keys: typed by hand


# --- CSV files -----------------------------------------------------------------------------

HEADER = (
    "rma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,"
    "requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,"
    "unit_price,quantity\n"
)
ROW = (
    "RMA-CSV-1,O1,Zoe,US,USD,2026-01-01,2026-01-05,2026-01-10,refund,broken,UPS,1Z,SKU1,"
    "Lamp,home,Acme,10.00,1\n"
)
GOOD = (
    "RMA-CSV-2,O2,Ann,DE,EUR,2026-01-01,,2026-01-10,refund,broken,DHL,JJ,SKU2,Mug,home,"
    "Acme,5.50,2\n"
)

FILE_ERRORS = [
    ("empty file", b"", "is empty"),
    ("Latin-1 encoded", (HEADER + ROW.replace("Zoe", "Zoë")).encode("latin-1"), "is not UTF-8"),
    ("NUL bytes", (HEADER + ROW.replace("Zoe", "Z\0e")).encode(), "contains NUL bytes"),
    ("a JPEG named .csv", b"\xff\xd8\xff\xe0" + bytes(range(256)), "is not a text file"),
    ("missing column", (HEADER.replace("currency,", "") + ROW).encode(), "lacks the column"),
    ("duplicate column", (HEADER.replace("carrier", "reason") + ROW).encode(), "both mean"),
]


@pytest.mark.parametrize(
    ("data", "expected"), [c[1:] for c in FILE_ERRORS], ids=[c[0] for c in FILE_ERRORS]
)
def test_unreadable_manifest_is_refused_whole(
    ctx: ServiceContext, seeded: FakeStore, data: bytes, expected: str
) -> None:
    message = _unchanged(
        seeded,
        lambda: importing.import_manifest(ctx, OFFICE, data, "returns.csv"),
        QcError,
    )
    assert "returns.csv" in message and expected in message


ROW_ERRORS = [
    ("mixed delimiters", ROW.replace(",", ";"), "1 columns instead of 18"),
    ("unclosed quote", ROW.replace("Zoe", '"Zoe'), "never closed"),
    ("10 MB single field", ROW.replace("Zoe", "x" * 10_000_000), "longer than 131072"),
    ("impossible date", ROW.replace("2026-01-10", "2026-13-40"), "'2026-13-40' is not a date"),
    ("ambiguous amount", ROW.replace("10.00", '"1,234"'), "'1,234' is ambiguous"),
    ("negative price", ROW.replace("10.00", "-5"), "'-5' is negative"),
]


@pytest.mark.parametrize(
    ("row", "expected"), [c[1:] for c in ROW_ERRORS], ids=[c[0] for c in ROW_ERRORS]
)
def test_bad_row_is_reported_with_its_line_and_the_good_rows_still_import(
    ctx: ServiceContext, seeded: FakeStore, row: str, expected: str
) -> None:
    before = copy.deepcopy(seeded.data.rmas)
    report = importing.import_manifest(ctx, OFFICE, (HEADER + row + GOOD).encode(), "returns.csv")
    assert report.rmas_added == 1
    assert [e.line for e in report.errors] == [2]
    assert expected in report.errors[0].reason
    assert set(seeded.data.rmas) == set(before) | {"RMA-CSV-2"}
    assert seeded.data.rmas[CODE] == before[CODE]  # what was there is untouched


def test_bom_and_formula_cells_are_read_as_plain_text(
    ctx: ServiceContext, seeded: FakeStore
) -> None:
    formula = '"=HYPERLINK(""http://evil"",""x"")"'
    data = b"\xef\xbb\xbf" + (HEADER + ROW.replace("Zoe", formula)).encode()
    report = importing.import_manifest(ctx, OFFICE, data, "returns.csv")
    assert report.rmas_added == 1 and not report.errors
    rma = seeded.data.rmas["RMA-CSV-1"]
    assert rma.code == "RMA-CSV-1"  # the BOM is not part of the first column's name
    assert rma.customer == '=HYPERLINK("http://evil","x")'  # stored as text, never run


def test_catalog_with_a_bad_currency_names_the_line(ctx: ServiceContext, store: FakeStore) -> None:
    data = (
        b"sku,name,category,supplier,unit_price,currency\n"
        b"SKU1,Lamp,home,Acme,10.00,XYZ\nSKU2,Mug,home,Acme,5.00,EUR\n"
    )
    report = importing.import_catalog(ctx, OFFICE, data, "catalog.csv")
    assert report.products_added == 1
    assert [e.line for e in report.errors] == [2] and "XYZ" in report.errors[0].reason
    assert set(store.data.catalog) == {"SKU2"}


def test_import_by_an_inspector_is_refused(ctx: ServiceContext, store: FakeStore) -> None:
    message = _unchanged(
        store,
        lambda: importing.import_manifest(ctx, INSPECTOR, (HEADER + ROW).encode(), "m.csv"),
        QcError,
    )
    assert "may not import" in message


# --- images ----------------------------------------------------------------------------------


def _jpeg(width: int = 300, height: int = 200) -> bytes:
    image = np.random.default_rng(1).integers(0, 255, (height, width, 3), dtype=np.uint8)
    ok, encoded = cv2.imencode(".jpg", image)
    assert ok
    return bytes(encoded.tobytes())


def _png(width: int, height: int) -> bytes:
    return bytes(cv2.imencode(".png", np.zeros((height, width, 3), np.uint8))[1])


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )


IMAGES = [
    ("truncated JPEG", lambda: _jpeg()[: len(_jpeg()) // 3], "is not a readable image"),
    ("JPEG cut in its header", lambda: _jpeg()[:40], "is not a readable image"),
    ("huge dimensions", lambda: _png_header(100_000, 100_000) + bytes(64), "at most 50 megapixels"),
    ("not an image", lambda: b"rma_code,order_id\n", "is not a readable image"),
    ("empty file", lambda: b"", "is empty"),
    (
        "4 x 4 pixels",
        lambda: bytes(cv2.imencode(".png", np.zeros((4, 4, 3), np.uint8))[1]),
        "only 4×4",
    ),
]


@pytest.mark.parametrize(("make", "expected"), [c[1:] for c in IMAGES], ids=[c[0] for c in IMAGES])
def test_bad_photo_file_is_refused_naming_the_file(
    tmp_path: Path, make: Callable[[], bytes], expected: str
) -> None:
    path = tmp_path / "IMG_0042.jpg"
    path.write_bytes(make())
    with pytest.raises(QcError) as caught:
        read_photo_file(path, datetime.now(UTC), "ST-01")
    assert "IMG_0042.jpg" in str(caught.value) and expected in str(caught.value)


def test_photo_with_the_wrong_extension_is_judged_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(cv2.imencode(".png", np.zeros((40, 60, 3), np.uint8))[1]))
    prepared = read_photo_file(path, datetime.now(UTC), "ST-01")
    assert prepared.data.startswith(b"\xff\xd8") and (prepared.width, prepared.height) == (60, 40)


def test_missing_photo_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(QcError, match=r"Cannot read photo .*gone\.jpg"):
        read_photo_file(tmp_path / "gone.jpg", datetime.now(UTC), "ST-01")


def test_inspection_with_a_non_image_photo_stores_nothing(
    ctx: ServiceContext, seeded: FakeStore
) -> None:
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("electronics")}
    photos = (
        PhotoInput(prepare_photo(_jpeg(), datetime.now(UTC), "ST-01").data, datetime.now(UTC)),
        PhotoInput(b"%PDF-1.7 not a photo", datetime.now(UTC), "scan.pdf"),
    )
    draft = InspectionDraft(LPN, Grade.C, Finding.DEFECT, checklist, photos=photos)
    message = _unchanged(seeded, lambda: submit_inspection(ctx, INSPECTOR, draft), QcError)
    assert "Photo 2 is not a JPEG or PNG image" in message
    assert ctx.photos.files == {}  # type: ignore[attr-defined]


# --- policy files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("return_window_days = [30", "is not valid TOML", id="not TOML"),
        pytest.param("x = 'é'".encode("latin-1"), "is not UTF-8", id="not UTF-8"),
        pytest.param("refund_everything = true\n", "refund_everything", id="unknown key"),
        pytest.param("dispute_at_deduction_pct = 150\n", "dispute_at_deduction_pct", id="pct>100"),
        pytest.param("refund_due_hours = -4\n", "refund_due_hours", id="negative hours"),
        pytest.param("refund_due_hours = 'soon'\n", "refund_due_hours", id="text for a number"),
    ],
)
def test_bad_policy_is_refused_naming_the_key(text: str | bytes, expected: str) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(text)
    assert expected in str(caught.value)


def test_missing_policy_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"Cannot read the policy file .*policy\.toml"):
        read_policy(tmp_path / "policy.toml")


# --- signing in ------------------------------------------------------------------------------

PASSWORD = "correct-horse-1"


@pytest.fixture
def people(ctx: ServiceContext, store: FakeStore) -> Actor:
    store.data.users.clear()  # a new site: the first admin, then the inspector
    admin = users.add_user(ctx, None, "ada", Role.ADMIN, "Ada", PASSWORD)
    users.add_user(ctx, admin.actor("OFFICE"), "ines", Role.INSPECTOR, "Ines", PASSWORD)
    return admin.actor("OFFICE")


def test_empty_password_is_a_wrong_password(ctx: ServiceContext, people: Actor) -> None:
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        users.authenticate(ctx, "ines", "", "ST-01")


def test_new_user_with_an_empty_password_is_refused(
    ctx: ServiceContext, store: FakeStore, people: Actor
) -> None:
    message = _unchanged(
        store, lambda: users.add_user(ctx, people, "ivan", Role.INSPECTOR, "", ""), QcError
    )
    assert "a password is required" in message


def test_lockout_refuses_even_the_right_password_until_it_passes(
    ctx: ServiceContext, clock: FakeClock, people: Actor
) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            users.authenticate(ctx, "ines", "wrong", "ST-01")
    with pytest.raises(AuthenticationFailed, match="locked after 5 failed attempts, until"):
        users.authenticate(ctx, "ines", "wrong", "ST-01")
    with pytest.raises(AuthenticationFailed, match="is locked"):
        users.authenticate(ctx, "ines", PASSWORD, "ST-01")
    clock.advance(minutes=5, seconds=1)  # the lock has expired
    assert users.authenticate(ctx, "ines", PASSWORD, "ST-01").username == "ines"


def test_deactivated_user_is_told_so(ctx: ServiceContext, people: Actor) -> None:
    users.deactivate_user(ctx, people, "ines")
    with pytest.raises(AuthenticationFailed, match="Account ines is deactivated; ask an admin"):
        users.authenticate(ctx, "ines", PASSWORD, "ST-01")


def test_unknown_user_gets_the_wrong_password_message(ctx: ServiceContext, people: Actor) -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        users.authenticate(ctx, "nobody", PASSWORD, "ST-01")
    assert str(caught.value) == "Wrong user name or password."


def test_badge_of_nobody_is_refused(ctx: ServiceContext, people: Actor) -> None:
    with pytest.raises(AuthenticationFailed, match="Unknown badge or wrong PIN"):
        users.authenticate_badge(ctx, "BADGE-404", "1234", "ST-01")


# --- printing --------------------------------------------------------------------------------


def test_no_print_system_installed_says_what_to_install(tmp_path: Path) -> None:
    printer = CupsPrinter(lp=str(tmp_path / "lp"), lpstat=str(tmp_path / "lpstat"))
    with pytest.raises(PrintSystemUnavailable, match="is not installed: install the CUPS client"):
        printer.send("Zebra", b"%PDF-1.4", title="label", media="")


def _script(path: Path, body: str) -> str:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return str(path)


def test_no_such_printer_is_named(tmp_path: Path) -> None:
    lpstat = _script(
        tmp_path / "lpstat",
        'case "$1" in -r) echo "scheduler is running";; -e) echo "Office";; esac\n',
    )
    lp = _script(tmp_path / "lp", "echo printed >> " + str(tmp_path / "jobs") + "\n")
    printer = CupsPrinter(lp=lp, lpstat=lpstat)
    with pytest.raises(PrinterMissing, match="printer 'Zebra' does not exist"):
        printer.send("Zebra", b"%PDF-1.4", title="label", media="")
    assert not (tmp_path / "jobs").exists()


def test_print_system_not_running_says_so(tmp_path: Path) -> None:
    lpstat = _script(tmp_path / "lpstat", 'echo "scheduler is not running"\n')
    printer = CupsPrinter(lp=lpstat, lpstat=lpstat)
    with pytest.raises(PrintSystemUnavailable, match="is not running"):
        printer.printers()


def test_unknown_lpn_when_deciding_names_it(ctx: ServiceContext, seeded: FakeStore) -> None:
    draft = InspectionDraft("RMA-2026-999999-1", Grade.A, Finding.NO_FAULT)
    message = _unchanged(seeded, lambda: submit_inspection(ctx, INSPECTOR, draft), QcError)
    assert "Unknown LPN RMA-2026-999999-1" in message


def test_find_of_an_unknown_code_is_not_found(ctx: ServiceContext, seeded: FakeStore) -> None:
    with pytest.raises(NotFound, match="Unknown code RMA-0: no RMA or unit has it"):
        returns.find(ctx, "RMA-0")
