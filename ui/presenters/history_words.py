"""The unit history's lines in the station's language (SPEC §8 "Unit history").

The core tells a unit's story as audit events (``services/history.HistoryLine``: the record,
the action and the audited values); this module words each one for people: what happened
("Inspected: grade B · open box, finding Defect"), and the details a person wrote or needs
(the reasons of a decision, a rejection's comment, a dispute's note). Codes (``NO_FAULT``,
``FULL_REFUND``, ``transition``) never reach the screen: grades, findings, outcomes and unit
states are worded by ``ui/labels.py``, decision reasons by ``ui/messages.reason_text``, and an
event this module has no words for reads as a change in the audit log, with its number.
Prints (``services/print_history``) read as what was printed where ("Label printed (4 × 6 in)
on Zebra"), or why it never printed, worded from the problem's catalogue code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from qc_station.domain.enums import UnitState
from qc_station.services.history import HistoryLine, UnitHistory
from qc_station.services.print_history import HAPPENED_AT, PRINT_FAILED, PRINTED
from qc_station.services.video_ports import InspectionVideo
from qc_station.services.views import DecisionView, PhotoView

from ..labels import (
    decision_status_text,
    finding_text,
    grade_text,
    headline_text,
    label_format_titles,
    resolution_text,
    unit_state_label,
)
from ..messages import message_text, reason_text
from ..widgets.clip_time import clock_text
from ..widgets.rma_panel import money


def _tr(source: str) -> str:
    return QCoreApplication.translate("HistoryWords", source)


@dataclass(frozen=True)
class StoryRow:
    """One line of the story as the page shows it; ``photos`` and ``video`` are what the
    line opens (an inspection's photos, an unboxing clip)."""

    at: datetime  # UTC; the page shows it in local time
    what: str
    details: str
    who: str
    where: str
    photos: tuple[PhotoView, ...] = ()
    video: InspectionVideo | None = None


#: The free text people wrote, by the key the services audit it under.
_WRITTEN = ("reason", "comment", "note", "evidence_note", "close_note", "override_reason")


def _written(values: Mapping[str, Any]) -> list[str]:
    return [f"“{values[k]}”" for k in _WRITTEN if isinstance(values.get(k), str) and values[k]]


def _amount(values: Mapping[str, Any], key: str) -> str:
    try:
        return money(Decimal(str(values[key])), str(values.get("currency", "")))
    except (KeyError, InvalidOperation):
        return ""


def _state(value: Any) -> str:
    try:
        return unit_state_label(UnitState(value))
    except ValueError:
        return str(value)


class _Wording:
    """Words the lines of one history, with its inspections, decisions and clips at hand."""

    def __init__(self, history: UnitHistory) -> None:
        self.decisions: dict[str, DecisionView] = {d.id: d for d in history.decisions}
        self.photos = {i.id: i.photos for i in history.inspections}
        self.videos = {(v.inspection_id, v.clip.sha256): v for v in history.videos}
        self.words: dict[tuple[str, str], Callable[[HistoryLine, dict[str, Any]], StoryRow]] = {
            ("rma", "import"): self._imported,
            ("rma", "create_unexpected"): self._simple(_tr("Created on the spot (no RMA)")),
            ("unit", "claim"): self._simple(_tr("Scanned and claimed")),
            ("unit", "release_claim"): self._simple(_tr("Claim released")),
            ("unit", "transition"): self._moved,
            ("unit", "reopen"): self._simple(_tr("Reopened: back to inspection")),
            ("inspection", "record"): self._inspected,
            ("inspection", "attach_video"): self._clip,
            ("inspection", "no_video"): self._simple(_tr("No unboxing video")),
            ("inspection", "prune_video"): self._pruned,
            ("decision", "decide"): self._decided,
            ("decision", "approve"): self._simple(_tr("Decision approved")),
            ("decision", "reject"): self._simple(_tr("Decision sent back to inspection")),
            ("decision", "supersede"): self._simple(_tr("Decision superseded (unit reopened)")),
            ("dispute", "open"): self._dispute(_tr("Dispute opened")),
            ("dispute", "send_evidence"): self._dispute(_tr("Dispute evidence sent")),
            ("dispute", "win"): self._dispute(_tr("Dispute won")),
            ("dispute", "lose"): self._dispute(_tr("Dispute lost")),
            ("dispute", "settle"): self._dispute(_tr("Dispute settled")),
            ("dispute", "withdraw"): self._dispute(_tr("Dispute withdrawn")),
            ("export", "finance_export"): self._exported(_tr("Exported to finance")),
            ("export", "finance_reexport"): self._exported(_tr("Exported to finance again")),
            ("recovery_case", "open"): self._case(_tr("Recovery case opened")),
            ("recovery_case", "add_unit"): self._case(_tr("Added to a recovery case")),
            ("recovery_case", "pull_unit"): self._case(_tr("Taken out of a recovery case")),
            ("recovery_case", "close_batch"): self._case(_tr("Vendor return batch closed")),
            ("recovery_case", "file_claim"): self._case(_tr("Carrier claim filed")),
            ("recovery_case", "paid"): self._case(_tr("Recovery paid")),
            ("recovery_case", "partly_paid"): self._case(_tr("Recovery partly paid")),
            ("recovery_case", "denied"): self._case(_tr("Recovery denied")),
            ("unit", PRINTED): self._printed,
            ("rma", PRINTED): self._printed,
            ("unit", PRINT_FAILED): self._print_failed,
            ("rma", PRINT_FAILED): self._print_failed,
        }

    def row(self, line: HistoryLine) -> StoryRow:
        values = {**(line.old or {}), **(line.new or {})}
        word = self.words.get((line.entity, line.action))
        if word is None:
            what = _tr("A change recorded in the audit log (event {seq})").format(
                seq=line.seq if line.seq is not None else "—"
            )
            return self._row(line, what, _written(values))
        return word(line, values)

    def _row(self, line: HistoryLine, what: str, details: list[str], **more: Any) -> StoryRow:
        text = " · ".join(d for d in details if d)
        return StoryRow(line.at, what, text, line.actor, line.station, **more)

    def _simple(self, what: str) -> Callable[[HistoryLine, dict[str, Any]], StoryRow]:
        return lambda line, values: self._row(line, what, _written(values))

    def _imported(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        source = str(values.get("source_name") or values.get("source") or "")
        details = [
            _tr("order {order}").format(order=values.get("order", "")),
            _tr("customer {customer}").format(customer=values.get("customer", "")),
            _tr("tracking {tracking}").format(tracking=values["tracking"])
            if values.get("tracking")
            else "",
            _tr("{count} unit(s)").format(count=values.get("units", 0)),
        ]
        return self._row(line, _tr("Imported from {source}").format(source=source), details)

    def _moved(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        old, new = (line.old or {}).get("state"), (line.new or {}).get("state")
        what = _tr("Now {state}").format(state=_state(new))
        details = [_tr("was {state}").format(state=_state(old))] if old else []
        return self._row(line, what, details + _written(values))

    def _inspected(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        what = _tr("Inspected: grade {grade}, finding {finding}").format(
            grade=grade_text(str(values.get("grade", ""))),
            finding=finding_text(str(values.get("finding", ""))),
        )
        photos = self.photos.get(line.entity_id, ())
        count = len(photos) or len(values.get("photos") or [])
        details = [_tr("{count} photo(s)").format(count=count)] if count else []
        if photos:
            details.append(_tr("select the line to see them"))
        return self._row(line, what, details, photos=photos)

    def _clip(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        video = self.videos.get((line.entity_id, str(values.get("sha256", ""))))
        length = clock_text(int(values.get("duration_ms") or 0))
        what = _tr("Unboxing video recorded ({length})").format(length=length)
        if video is not None and video.pruned_at is not None:
            details = [_tr("pruned since")]
        else:
            details = [_tr("Enter plays it")]
        return self._row(line, what, details, video=video)

    def _pruned(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        what = _tr("Unboxing video deleted after {days} days").format(
            days=values.get("retention_days", "")
        )
        return self._row(line, what, [])

    def _decided(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        decision = self.decisions.get(line.entity_id)
        refund = _amount(values, "refund_amount")
        what = _tr("Decided: {headline} · {resolution}").format(
            headline=headline_text(str(values.get("headline", ""))),
            resolution=resolution_text(str(values.get("resolution", ""))),
        )
        details = [_tr("refund {amount}").format(amount=refund)] if refund else []
        if values.get("status"):
            details.append(decision_status_text(str(values["status"])))
        if values.get("overridden"):
            details.append(_tr("overridden: {reason}").format(reason=values["override_reason"]))
        if decision is not None:
            details += [reason_text(r) for r in decision.reasons]
            details += [reason_text(r) for r in decision.approval_reasons]
        return self._row(line, what, details)

    def _dispute(self, what: str) -> Callable[[HistoryLine, dict[str, Any]], StoryRow]:
        def word(line: HistoryLine, values: dict[str, Any]) -> StoryRow:
            amount = _amount(values, "amount") or _amount(values, "settled_amount")
            return self._row(line, what, [amount, *_written(values)])

        return word

    def _exported(self, what: str) -> Callable[[HistoryLine, dict[str, Any]], StoryRow]:
        def word(line: HistoryLine, values: dict[str, Any]) -> StoryRow:
            batch = _tr("batch {batch}").format(batch=line.entity_id)
            return self._row(line, what, [batch, *_written(values)])

        return word

    def _case(self, what: str) -> Callable[[HistoryLine, dict[str, Any]], StoryRow]:
        def word(line: HistoryLine, values: dict[str, Any]) -> StoryRow:
            number = values.get("number")
            case = number if isinstance(number, str) and number else line.entity_id[:12]
            return self._row(line, what, [_tr("case {case}").format(case=case), *_written(values)])

        return word

    def _printed(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        printer = str(values.get("printer", ""))
        if values.get("document") != "label":
            what = _tr("Inspection report printed on {printer}").format(printer=printer)
        elif values.get("label_size"):
            size = str(values["label_size"])
            what = _tr("Label printed ({size}) on {printer}").format(
                size=label_format_titles().get(size, size), printer=printer
            )
        else:
            what = _tr("Label printed on {printer}").format(printer=printer)
        return self._row(line, what, _print_details(values))

    def _print_failed(self, line: HistoryLine, values: dict[str, Any]) -> StoryRow:
        params = values.get("problem_params")
        problem = message_text(
            str(values.get("problem", "")), params if isinstance(params, dict) else {}
        )
        what = _tr("Printing failed: {problem}").format(problem=problem)
        label = values.get("document") == "label"
        document = _tr("label") if label else _tr("inspection report")
        return self._row(line, what, [document, _tr("discarded"), *_print_details(values)])


def _print_details(values: Mapping[str, Any]) -> list[str]:
    copies = values.get("copies", 1)
    details = [_tr("{count} copies").format(count=copies)] if copies != 1 else []
    if HAPPENED_AT in values:
        details.append(_tr("recorded later: the database was away"))
    return details


def story_rows(history: UnitHistory) -> tuple[StoryRow, ...]:
    """The history's lines, in time order, worded."""
    wording = _Wording(history)
    return tuple(wording.row(line) for line in history.lines)
