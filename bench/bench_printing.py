"""Printing benchmarks (issue 4): a label PDF (target ≤ 50 ms) and an inspection report with
six photos (target ≤ 500 ms), each beside a bare one-page reportlab document made in the same
run, so the ratio says what our layout, fonts and photo handling cost over reportlab itself.

    .venv/bin/python -m bench.bench_printing [--repeat 50]

The photos are 12-megapixel JPEGs (4000×3000 at quality 90, as the photo store keeps a
phone's photo), so the report's decoding and downscaling are measured at full size. The
first call of each (font loading, reportlab's caches) is reported apart as ``cold_ms``; the
figures are medians and p95 of the warm calls.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import cv2
import numpy as np

from .common import Result, percentile, setup_logging

LABEL_TARGET_MS = 50.0
REPORT_TARGET_MS = 500.0


def _photo(seed: int) -> bytes:
    """A 12 MP photo stored as the photo store keeps it (JPEG quality 90): a lit scene of
    shapes with sensor noise, about as costly to decode as a real photo of a parcel."""
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, 4000, dtype=np.float32)[None, :]
    y = np.linspace(0, 1, 3000, dtype=np.float32)[:, None]
    light = 60 + 150 * (0.6 * x + 0.4 * y)
    image = np.repeat(light[:, :, None], 3, axis=2)
    canvas = np.ascontiguousarray(image.astype(np.uint8))
    for _ in range(40):
        cx, cy = int(rng.integers(0, 4000)), int(rng.integers(0, 3000))
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        cv2.circle(canvas, (cx, cy), int(rng.integers(40, 600)), colour, -1)
        cv2.rectangle(canvas, (cx, cy), (cx + 300, cy + 120), colour[::-1], 8)
    noisy = canvas.astype(np.float32) + rng.normal(0, 6, canvas.shape).astype(np.float32)
    ok, encoded = cv2.imencode(
        ".jpg", np.clip(noisy, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 90]
    )
    assert ok
    return bytes(encoded.tobytes())


def _label_data() -> Any:
    from printing.data import LabelData

    return LabelData(
        code="RMA-2026-000123-12",
        sku="WH-1000XM5-BLK",
        product_name="无线蓝牙耳机 Wireless Headphones",
        grade="B",
        headline="RESTOCK",
        disposition="RESTOCK",
        bin_location="A-12-03",
        printed_at="2026-11-02 10:42 CET",
        station="QC-03",
    )


def _report_data(photos: list[bytes]) -> Any:
    from printing.data import (
        ChecklistLine,
        DecisionData,
        PhotoData,
        ReportData,
        RmaFacts,
        Signature,
        UnitReport,
    )

    unit = UnitReport(
        lpn="RMA-2026-000123-1",
        sku="WH-1000XM5-BLK",
        product_name="无线蓝牙耳机 Wireless Headphones",
        category="electronics",
        supplier="深圳市音频科技有限公司",
        unit_price=Decimal("349.90"),
        currency="EUR",
        inspector="François Dupré (francois)",
        station="QC-03",
        inspected_at="2026-11-02 10:38 CET",
        checklist=tuple(ChecklistLine(f"Question {n}", "pass", True) for n in range(6)),
        grade="C",
        finding="CUSTOMER_DAMAGE",
        photos=tuple(
            PhotoData(p, f"2026-11-02 10:{n:02d} CET", hashlib.sha256(p).hexdigest(), "QC-03")
            for n, p in enumerate(photos)
        ),
        decision=DecisionData(
            "REFUND",
            "PARTIAL_REFUND",
            "REFURBISH",
            30,
            Decimal("244.93"),
            "EUR",
            reasons=("Grade C, CUSTOMER_DAMAGE: 30% deducted, refund 244.93 EUR",),
        ),
        approvals=(Signature("王小明 (wang)", "2026-11-02 11:02 CET", "Approved as supervisor"),),
    )
    return ReportData(
        rma=RmaFacts(code="RMA-2026-000123", customer="Zoë Müller-Łukasiewicz", currency="EUR"),
        units=(unit,),
        audit_excerpt=tuple(f"#{n} 2026-11-02 10:{n:02d} · QC-03 · event" for n in range(10)),
        audit_head="105:" + "3f" * 32,
    )


def _bare_page() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(288, 432), invariant=1)
    canvas.setFont("Helvetica-Bold", 40)
    canvas.drawString(20, 380, "RESTOCK")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(20, 100, "RMA-2026-000123-12")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _time(fn: Callable[[], bytes], repeat: int) -> dict[str, float]:
    started = time.perf_counter_ns()
    fn()
    cold = (time.perf_counter_ns() - started) / 1e6
    samples = []
    for _ in range(repeat):
        started = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - started) / 1e6)
    samples.sort()
    return {
        "cold_ms": round(cold, 2),
        "p50_ms": round(percentile(samples, 50), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "n": repeat,
    }


def run(repeat: int = 50) -> list[Result]:
    from printing.labels import render_label
    from printing.report import render_report

    bare = _time(_bare_page, repeat)
    label_data = _label_data()
    label = _time(lambda: render_label(label_data, "4x6"), repeat)
    photos = [_photo(n) for n in range(6)]
    report_data = _report_data(photos)
    report = _time(lambda: render_report(report_data), max(5, repeat // 5))
    results = []
    for name, figures, target in (
        ("label PDF (4×6, 203 dpi)", label, LABEL_TARGET_MS),
        ("inspection report, 6 photos of 12 MP", report, REPORT_TARGET_MS),
    ):
        details = {
            **figures,
            "bare_p50_ms": bare["p50_ms"],
            "bare_p95_ms": bare["p95_ms"],
            "ratio_to_bare_p50": round(figures["p50_ms"] / bare["p50_ms"], 1),
        }
        if "report" in name:
            details["photo_mb"] = round(sum(map(len, photos)) / len(photos) / 1e6, 2)
        results.append(
            Result(name, figures["p50_ms"], "ms", target, figures["p95_ms"] <= target, details)
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    setup_logging()
    results = run(args.repeat)
    for r in results:
        d = r.details
        print(
            f"{r.name}: p50 {d['p50_ms']} ms, p95 {d['p95_ms']} ms (cold {d['cold_ms']} ms), "
            f"target {r.target:g} ms {'PASS' if r.passed else 'FAIL'}; bare reportlab page "
            f"p50 {d['bare_p50_ms']} ms → ×{d['ratio_to_bare_p50']}"
        )
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
