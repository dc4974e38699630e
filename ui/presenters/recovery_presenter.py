"""The supervisor's Recovery page (SPEC §5.2 rule 2): vendor-return batches and carrier claims,
closing or filing them with their documents written to a folder, pulling a unit out of an open
case with a reason, and recording what the supplier or carrier paid or denied.

Every service call runs on the database lane (the TaskRunner), and so does writing the
documents; the services check roles and the case's allowed steps. Amounts are parsed here with
the domain's ``parse_amount`` so a typing mistake is an inline message and nothing is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from qc_station.domain.errors import QcError
from qc_station.domain.money import parse_amount
from qc_station.domain.recovery import RecoveryKind, RecoveryState
from qc_station.services import recovery
from qc_station.services.recovery import CaseDocuments, CaseView
from qc_station.services.station_ports import FileWriter

from ..messages import describe
from ..session import Session
from .base import ChangeOp, Presenter, QueryOp


@dataclass(frozen=True)
class RecoveryPageState:
    cases: tuple[CaseView, ...] = ()
    selected_id: str | None = None
    loading: bool = False
    busy: bool = False
    message: str = ""
    error: str = ""

    @property
    def selected(self) -> CaseView | None:
        return next((c for c in self.cases if c.id == self.selected_id), None)


def _tr(source: str) -> str:
    return QCoreApplication.translate("RecoveryPresenter", source)


def write_documents(docs: CaseDocuments, folder: Path, write_into: FileWriter) -> list[str]:
    """Write a case's files into ``folder``, each atomically (temporary file, rename), so a
    mail job never picks up half a PDF. Runs on the database lane."""
    files = [
        (f"{docs.number}-packing-list.pdf", docs.packing_list),
        (f"{docs.number}-claim.csv", docs.claim_csv),
        *(
            [(f"{docs.number}-carton-labels.pdf", docs.carton_labels)]
            if docs.carton_labels is not None
            else []
        ),
        *docs.attachments,
    ]
    # write_into: each name reduced to safe characters, nothing outside ``folder`` (SPEC §6).
    return [write_into(folder, name, content).name for name, content in files]


class RecoveryPresenter(Presenter[RecoveryPageState]):
    _failure_clears = ("message",)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, RecoveryPageState(), parent)

    # --- commands ------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.state.loading:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self.run(
            QueryOp(
                lambda: tuple(recovery.list_cases(ctx, actor)),
                on_success=self._on_loaded,
                flag="loading",
                shows_busy=False,
            )
        )

    def select(self, case_id: str | None) -> None:
        if case_id != self.state.selected_id:
            self._set(selected_id=case_id)

    def close_selected(self, folder: Path | None, cartons: int = 1) -> None:
        """Close the selected open batch (or file the open claim) and write its documents
        into ``folder``; a batch ships in ``cartons`` cartons (one shipping label each)."""
        case = self.state.selected
        if case is None or case.state != RecoveryState.OPEN:
            self._fail(_tr("Select an open batch or claim first."))
            return
        if folder is None or not folder.is_dir():
            self._fail(_tr("Choose an existing folder for the documents."))
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        write = self._session.ports.write_into
        close = (
            recovery.close_batch
            if case.kind == RecoveryKind.VENDOR_RETURN
            else (recovery.file_claim)
        )

        vendor = case.kind == RecoveryKind.VENDOR_RETURN
        if vendor and not 1 <= cartons <= len(case.active_items):
            # The service refuses it too; saying so here spares a round trip and a dialog.
            self._fail(
                _tr("Between 1 and {units} cartons: no carton may be empty.").replace(
                    "{units}", str(len(case.active_items))
                )
            )
            return

        def work() -> str:
            closed = (
                recovery.close_batch(ctx, actor, case.party, cartons)
                if vendor
                else close(ctx, actor, case.party)
            )
            assert closed.number is not None
            write_documents(recovery.case_documents(ctx, actor, closed.number), folder, write)
            return closed.number

        self._work(work, _tr("{number} closed; its documents are in {folder}."), folder)

    def write_selected(self, folder: Path | None) -> None:
        """Write the documents of the selected closed batch or filed claim again."""
        case = self.state.selected
        if case is None or case.number is None:
            self._fail(_tr("Select a closed batch or a filed claim first."))
            return
        if folder is None or not folder.is_dir():
            self._fail(_tr("Choose an existing folder for the documents."))
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        write = self._session.ports.write_into
        number = case.number

        def work() -> str:
            write_documents(recovery.case_documents(ctx, actor, number), folder, write)
            return number

        self._work(work, _tr("The documents of {number} are in {folder}."), folder)

    def pull(self, lpn: str, reason: str) -> None:
        case = self.state.selected
        if case is None or not lpn:
            self._fail(_tr("Select the unit to take out of the batch."))
            return
        if not reason.strip():
            self._fail(_tr("Write why the unit is taken out; the audit log keeps it."))
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        version = case.version
        self._work(
            lambda: recovery.pull_unit(ctx, actor, lpn, reason, version).party,
            _tr("{lpn} taken out of the batch.").replace("{lpn}", lpn),
            None,
        )

    def record_payment(self, amount_text: str, currency: str, denied: bool, note: str) -> None:
        case = self.state.selected
        if case is None or case.number is None:
            self._fail(_tr("Select a closed batch or a filed claim first."))
            return
        amount = None
        if not denied:
            if not amount_text.strip():
                self._fail(_tr("Enter the amount received, or mark the claim denied."))
                return
            try:
                amount = parse_amount(amount_text, "amount")
            except QcError as error:
                self._fail(describe(error))
                return
        ctx, actor = self._session.ctx, self._session.require_actor()
        number, version = case.number, case.version
        code = currency.strip().upper() or None
        self._work(
            lambda: (
                recovery.record_payment(
                    ctx, actor, number, amount, code, denied=denied, note=note, version=version
                ).number
            ),
            _tr("{number} recorded as denied.") if denied else _tr("Payment on {number} recorded."),
            None,
        )

    # --- results -------------------------------------------------------------------------

    def _work(self, call: Any, message: str, folder: Path | None) -> None:
        if self.state.busy:
            return
        self.run(
            ChangeOp(call, on_success=partial(self._on_done, message, folder)),
            error="",
            message="",
        )

    def _on_done(self, message: str, folder: Path | None, number: object) -> None:
        self._session.sounds.success()
        text = message.replace("{number}", str(number or ""))
        self._set(message=text.replace("{folder}", str(folder or "")), error="")

    def _after_change(self) -> None:
        self.refresh()

    def _on_loaded(self, cases: object) -> None:
        assert isinstance(cases, tuple)
        selected = self.state.selected_id
        if selected is not None and all(c.id != selected for c in cases):
            selected = None
        self._set(cases=cases, selected_id=selected)
