"""PDF checking tools for the printing tests: PDFs are checked the way a printer and a reader
see them, by rasterising with poppler's ``pdftoppm`` and extracting text with ``pdftotext``.

poppler-utils is a CI dependency (.ci/system-deps.sh); a missing tool fails the test rather
than skipping it, so a machine without it cannot pass silently.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install poppler-utils (.ci/system-deps.sh)")
    return path


def rasterise(pdf: bytes, tmp_path: Path, dpi: int, page: int | None = None) -> list[np.ndarray]:
    """The pages of ``pdf`` as grayscale images at ``dpi`` (only ``page`` if given, 1-based)."""
    src = tmp_path / f"in-{dpi}.pdf"
    src.write_bytes(pdf)
    prefix = tmp_path / f"page-{dpi}"
    args = [_tool("pdftoppm"), "-r", str(dpi), "-gray", "-png"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    subprocess.run([*args, str(src), str(prefix)], check=True, capture_output=True)
    files = sorted(tmp_path.glob(f"page-{dpi}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    images = []
    for f in files:
        image = cv2.imread(str(f), cv2.IMREAD_GRAYSCALE)
        assert image is not None, f
        images.append(image)
        f.unlink()
    return images


def decode(image: np.ndarray) -> list[str]:
    """The texts of every Code128 zxing finds in ``image``."""
    return [
        r.text
        for r in zxingcpp.read_barcodes(
            image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.Code128)
        )
    ]


def pdf_text(pdf: bytes, tmp_path: Path, page: int | None = None) -> str:
    src = tmp_path / "text.pdf"
    src.write_bytes(pdf)
    args = [_tool("pdftotext"), "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*args, str(src), "-"], check=True, capture_output=True)
    return done.stdout.decode("utf-8")


def pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    src = tmp_path / "info.pdf"
    src.write_bytes(pdf)
    done = subprocess.run([_tool("pdfinfo"), str(src)], check=True, capture_output=True)
    info = {}
    for line in done.stdout.decode("utf-8").splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[tuple[str, bool]]:
    """``(font name, embedded)`` for each font the PDF uses, from ``pdffonts``."""
    src = tmp_path / "fonts.pdf"
    src.write_bytes(pdf)
    done = subprocess.run([_tool("pdffonts"), str(src)], check=True, capture_output=True)
    out = []
    for line in done.stdout.decode("utf-8").splitlines()[2:]:
        # name, type (may contain a space), encoding, emb, sub, uni, object id, generation
        fields = re.split(r"\s+", line.strip())
        out.append((fields[0], fields[-5] == "yes"))
    return out
