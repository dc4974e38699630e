"""How some of the dashboard's cells and bars read (SPEC §8, issue 16), apart from the page
to keep it short: codes in words (stated reasons, findings), times as durations, money in
the station's format, and the recovery figures per party and currency. Worded in the page's
translation context, ``DashboardPage``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from qc_station.domain.recovery import RecoveryKind
from qc_station.services.recovery import PartyFigures
from qc_station.services.stats import InspectorFigure, ReasonFigure

from ..display import duration, money, percent
from ..labels import finding_label, stated_reason_label
from ..widgets.dashboard_charts import BarItem
from ..widgets.figure_tables import FigureLine


def _tr(source: str) -> str:
    return QCoreApplication.translate("DashboardPage", source)


def reason_words() -> dict[str, Callable[[ReasonFigure], str]]:
    """The cells of the stated-reason table written for people: the stated reason (an
    Amazon reason code) and the findings in words, where ``stats`` keeps the codes."""
    return {
        "stated_reason": lambda r: stated_reason_label(r.stated_reason),
        "findings": lambda r: _tr(", ").join(f"{finding_label(fd)} {n}" for fd, n in r.findings),
    }


def inspector_words() -> dict[str, Callable[[InspectorFigure], str]]:
    """Times as the station writes durations (``15 min 15 s``), not hours and seconds."""
    return {
        "inspection_hours": lambda i: duration(i.inspection_hours * 3600),
        "median_seconds": lambda i: duration(i.median_seconds),
    }


def recovery_lines(figures: Sequence[PartyFigures]) -> list[FigureLine]:
    kinds = {
        RecoveryKind.VENDOR_RETURN: _tr("Supplier"),
        RecoveryKind.CARRIER_CLAIM: _tr("Carrier"),
    }
    return [
        FigureLine(
            (
                p.party,
                kinds[p.kind],
                p.currency,
                money(p.claimed, p.currency),
                money(p.recovered, p.currency),
                "—" if p.recovery_rate_pct is None else percent(p.recovery_rate_pct),
            )
        )
        for p in figures
    ]


def recovery_bars(figures: Sequence[PartyFigures]) -> list[BarItem]:
    return [
        BarItem(
            f"{p.party} ({p.currency})",
            float(p.recovery_rate_pct),
            value_text=percent(p.recovery_rate_pct),
        )
        for p in figures
        if p.recovery_rate_pct is not None
    ]
