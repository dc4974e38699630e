"""The form for a parcel that came with no RMA (SPEC §7.2): order, customer, the SKU (looked
up in the catalog with Enter or "Look up"), reason, carrier, tracking, market, currency and
price. "Create and inspect" makes the RMA, claims its unit and opens the inspection; the
decision will need a supervisor's approval, which the page says up front."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..presenters.unexpected_return_presenter import (
    UnexpectedReturnPresenter,
    UnexpectedReturnState,
)

# Form field → (label, placeholder); order is the tab order.
_FIELDS = (
    "sku",
    "product_name",
    "market",
    "currency",
    "price",
    "reason",
    "order_id",
    "customer",
    "carrier",
    "tracking",
    "category",
    "supplier",
)


class UnexpectedReturnPage(QWidget):
    def __init__(self, presenter: UnexpectedReturnPresenter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unexpectedReturnPage")
        self.presenter = presenter
        self._revision = -1
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Unexpected return: a parcel without an RMA"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.scanned = QLabel()
        self.scanned.setObjectName("unexpectedScanned")
        self.scanned.setWordWrap(True)
        layout.addWidget(self.scanned)
        note = QLabel(self.tr("Its decision always needs a supervisor's approval. * = required"))
        note.setObjectName("unexpectedNote")
        note.setWordWrap(True)
        layout.addWidget(note)

        titles = {
            "sku": (self.tr("SKU *"), self.tr("as printed on the item; Enter looks it up")),
            "product_name": (self.tr("Product"), self.tr("from the catalog, or type it")),
            "market": (self.tr("Market *"), self.tr("two letters: US, DE, CN…")),
            "currency": (self.tr("Currency *"), self.tr("USD, EUR, CNY…")),
            "price": (self.tr("Price *"), self.tr("unit price, such as 19.99")),
            "reason": (self.tr("Reason"), self.tr("what the parcel or its note says")),
            "order_id": (self.tr("Order"), self.tr("order number, if known")),
            "customer": (self.tr("Customer"), ""),
            "carrier": (self.tr("Carrier"), ""),
            "tracking": (self.tr("Tracking"), ""),
            "category": (self.tr("Category"), self.tr("from the catalog")),
            "supplier": (self.tr("Supplier"), self.tr("from the catalog")),
        }
        columns = QHBoxLayout()
        layout.addLayout(columns)
        forms = (QFormLayout(), QFormLayout())
        for form in forms:
            form.setHorizontalSpacing(16)
            columns.addLayout(form, 1)
        self.edits: dict[str, QLineEdit] = {}
        for index, key in enumerate(_FIELDS):
            label, placeholder = titles[key]
            edit = QLineEdit()
            edit.setObjectName(f"unexpected_{key}")
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(self._editor(key))
            self.edits[key] = edit
            if key == "sku":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                self.lookup_button = QPushButton(self.tr("Look up"))
                self.lookup_button.setObjectName("lookupButton")
                row.addWidget(self.lookup_button)
                forms[0].addRow(label, row)
            else:
                forms[0 if index < 6 else 1].addRow(label, edit)
        self.lookup_message = QLabel()
        self.lookup_message.setObjectName("lookupMessage")
        self.lookup_message.setWordWrap(True)
        layout.addWidget(self.lookup_message)
        self.error_label = QLabel()
        self.error_label.setObjectName("unexpectedError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.setObjectName("cancelUnexpectedButton")
        self.create_button = QPushButton(self.tr("Create and inspect (Ctrl+Enter)"))
        self.create_button.setObjectName("createUnexpectedButton")
        self.create_button.setProperty("role", "primary")
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)

        self.edits["sku"].returnPressed.connect(presenter.look_up_sku)
        self.lookup_button.clicked.connect(presenter.look_up_sku)
        self.create_button.clicked.connect(presenter.submit)
        self.cancel_button.clicked.connect(presenter.cancel)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        # The fields pass on what they do not use: Ctrl+Enter creates, Escape cancels.
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.presenter.submit()
        elif key == Qt.Key.Key_Escape:
            self.presenter.cancel()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focus_first(self) -> None:
        self.edits["sku"].setFocus()

    def _editor(self, key: str) -> Callable[[str], None]:
        def edited(text: str) -> None:
            self.presenter.edit(**{key: text})

        return edited

    def _on_presenter_state_changed(self, state: UnexpectedReturnState) -> None:
        if state.revision != self._revision:
            # The presenter changed the form (new parcel, catalog lookup): show it. Otherwise
            # the fields are the inspector's, and re-rendering must not fight their typing.
            self._revision = state.revision
            for key, edit in self.edits.items():
                edit.setText(getattr(state.form, key))
        self.scanned.setText(
            self.tr("Scanned: {code}").format(code=state.scanned_code) if state.scanned_code else ""
        )
        self.scanned.setVisible(bool(state.scanned_code))
        self.lookup_message.setText(state.lookup_message)
        self.lookup_message.setProperty("role", "info")
        self.lookup_message.style().unpolish(self.lookup_message)
        self.lookup_message.style().polish(self.lookup_message)
        self.lookup_message.setVisible(bool(state.lookup_message))
        self.error_label.setText(state.error)
        self.error_label.setVisible(bool(state.error))
        self.create_button.setEnabled(not state.busy)
        self.lookup_button.setEnabled(not state.busy)
