"""``qc-station decode IMAGE…`` in a subprocess: codes on stdout one per line, a message on
stderr and exit status 1 for a file without a code or not an image, and no database."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SHARED
from tests.e2e.conftest import Run

SAMPLES = SHARED / "data" / "barcodes"


def test_prints_the_code_of_a_sample(qc: Run, tmp_path: Path) -> None:
    result = qc("decode", str(SAMPLES / "code128-1_1.png"))

    assert (result.code, result.out, result.err) == (0, "168901\n", "")
    # It needs no database: nothing was created in the data folder.
    assert not any((tmp_path / "data").glob("**/*.db*"))


def test_several_files_one_code_per_line_after_the_file_name(qc: Run) -> None:
    ean, qr = SAMPLES / "ean13-1_14.webp", SAMPLES / "qrcode-2_10.png"
    # The QR holds a line break and Japanese text.
    result = qc("decode", str(ean), str(qr))

    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"{ean}\t3560070169443",
        f"{qr}\tGoogle モバイル\\r\\nhttp://google.jp",
    ]


def test_several_files_with_debug_name_the_file_then_the_symbology(qc: Run) -> None:
    code128 = SAMPLES / "code128-1_1.png"
    result = qc("--debug", "decode", str(code128), str(code128))

    assert (result.code, result.out) == (0, f"{code128}\tCode128\t168901\n" * 2)


def test_debug_adds_the_symbology(qc: Run) -> None:
    result = qc("--debug", "decode", str(SAMPLES / "code128-1_1.png"))

    assert (result.code, result.out) == (0, "Code128\t168901\n")


def test_garbage_and_codeless_files_fail_but_the_others_are_decoded(
    qc: Run, tmp_path: Path
) -> None:
    garbage = tmp_path / "garbage.jpg"
    garbage.write_bytes(b"definitely not an image\n" * 10)
    whole = (SAMPLES / "code128-1_1.png").read_bytes()
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(whole[: len(whole) // 2])
    missing = tmp_path / "missing.jpg"

    result = qc(
        "decode",
        str(garbage),
        str(SAMPLES / "code128-1_1.png"),
        str(truncated),
        str(missing),
        str(SAMPLES / "ean13-2_01.webp"),  # a photo no decoder reads (docs/decoding.md)
    )

    assert result.code == 1
    assert result.out == f"{SAMPLES / 'code128-1_1.png'}\t168901\n"
    # One line per failed file, and nothing else (no OpenCV warnings about the broken PNG).
    assert result.err.splitlines() == [
        f"qc-station: error: {garbage} is not a readable image (JPEG, PNG or WebP).",
        f"qc-station: error: {truncated} is not a readable image (JPEG, PNG or WebP).",
        f"qc-station: error: cannot read {missing}: No such file or directory",
        f"qc-station: no barcode found in {SAMPLES / 'ean13-2_01.webp'}",
    ]
    assert "Traceback" not in result.err


def test_no_image_given_is_a_usage_error(qc: Run) -> None:
    result = qc("decode")

    assert result.code == 2
    assert "IMAGE" in result.err
