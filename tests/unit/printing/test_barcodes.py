"""Code128 sizing: whole-dot modules on the printer's grid, quiet zones of 10 modules."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import (
    DOT_PT,
    QUIET_MODULES,
    BarcodeTooWide,
    code128_widths,
    draw_code128,
    plan_code128,
    snap_to_dots,
)


def test_widths_alternate_bar_and_space_and_end_with_the_stop_pattern() -> None:
    widths = code128_widths("RMA-2026-000123-12")
    assert len(widths) % 2 == 1  # starts and ends with a bar
    assert all(1 <= w <= 4 for w in widths)
    # Every symbol is 11 modules; the stop pattern is 13.
    assert (sum(widths) - 13) % 11 == 0
    assert widths[-7:] == [2, 3, 3, 1, 1, 1, 2]


def test_non_ascii_is_refused() -> None:
    with pytest.raises(ValueError, match="ASCII"):
        code128_widths("RMA-Ä")
    with pytest.raises(ValueError, match="nothing"):
        code128_widths("")


@pytest.mark.parametrize(("width_pt", "dots"), [(280, 3), (200, 2), (100, 1)])
def test_module_is_the_widest_whole_dot_count_that_fits(width_pt: float, dots: int) -> None:
    layout = plan_code128("RMA-2026-000123-12", width_pt)
    assert layout.module_dots == dots
    assert layout.width_pt <= width_pt
    assert layout.quiet_pt == pytest.approx(QUIET_MODULES * dots * DOT_PT)


def test_module_is_capped() -> None:
    assert plan_code128("A1", 1000, max_module_dots=3).module_dots == 3


def test_too_wide_even_at_one_dot() -> None:
    with pytest.raises(BarcodeTooWide) as caught:
        plan_code128("RMA-2026-000123-12", 50)
    assert caught.value.available_pt == 50


def test_bar_edges_fall_on_the_dot_grid() -> None:
    layout = plan_code128("RMA-2026-000123-12", 140)
    x = snap_to_dots(3.3)
    assert x >= 3.3
    for left, width in layout.bars(x):
        assert (left / DOT_PT) == pytest.approx(round(left / DOT_PT), abs=1e-6)
        assert (width / DOT_PT) == pytest.approx(round(width / DOT_PT), abs=1e-6)


def test_draw_returns_the_end_of_the_right_quiet_zone() -> None:
    layout = plan_code128("RMA-1", 200)
    canvas = Canvas(io.BytesIO(), pagesize=(200, 100))
    end = draw_code128(canvas, layout, 0, 10, 40)
    assert end == pytest.approx(layout.width_pt)
