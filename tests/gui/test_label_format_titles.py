"""The interface words every registered label format (``printing.label_formats``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from printing.label_formats import LABEL_FORMATS
from ui.labels import label_format_titles


def test_every_label_format_is_worded_in_the_registry_s_order(qapp: QCoreApplication) -> None:
    titles = label_format_titles()
    assert list(titles) == list(LABEL_FORMATS)
    assert titles == {"4x6": "4 × 6 in", "2x1": "2 × 1 in"}
