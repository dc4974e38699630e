"""Administration → Printers: this station's printers and paper, from its configuration, with
the system's printers to choose from; Save writes the station's config file."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...labels import label_format_titles
from ...presenters.printers_presenter import PrintersPresenter, PrintersState
from ...widgets.tables import never_widen, show_message


def _printer_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setEditable(True)  # a printer that is offline now may still be the right one
    return box


def _choice_box(name: str, choices: Mapping[str, str] | tuple[str, ...]) -> QComboBox:
    """A box of choices: plain values, or values (the data) with the words shown for them."""
    box = QComboBox()
    box.setObjectName(name)
    words = choices if isinstance(choices, Mapping) else {choice: choice for choice in choices}
    for value, text in words.items():
        box.addItem(text, value)
    return box


class PrintersTab(QWidget):
    def __init__(self, presenter: PrintersPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printersTab")
        self.presenter = presenter
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("This station's printers"))
        form = QFormLayout(box)
        self.label_printer = _printer_box("labelPrinterBox")
        self.document_printer = _printer_box("documentPrinterBox")
        self.label_size = _choice_box("labelSizeBox", label_format_titles())
        self.label_dpi = QSpinBox()
        self.label_dpi.setObjectName("labelDpiBox")
        self.label_dpi.setRange(150, 1200)
        self.label_dpi.setSuffix(self.tr(" dpi"))
        self.page_size = _choice_box("pageSizeBox", {"A4": "A4", "Letter": self.tr("Letter")})
        # Reports leave the station (marketplaces, carriers): English unless asked otherwise.
        self.document_language = _choice_box(
            "documentLanguageBox", {"en": "English", "zh_CN": "简体中文"}
        )
        form.addRow(self.tr("Label printer"), self.label_printer)
        form.addRow(self.tr("Label size"), self.label_size)
        form.addRow(self.tr("Label printer resolution"), self.label_dpi)
        form.addRow(self.tr("Document printer"), self.document_printer)
        form.addRow(self.tr("Report page size"), self.page_size)
        form.addRow(self.tr("Documents language"), self.document_language)
        layout.addWidget(box)
        self.source = QLabel()
        self.source.setObjectName("printersSource")
        self.source.setWordWrap(True)
        layout.addWidget(self.source)
        self.overridden = QLabel()
        self.overridden.setObjectName("printersOverridden")
        self.overridden.setWordWrap(True)
        self.overridden.setProperty("role", "warning")
        layout.addWidget(self.overridden)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePrintersButton")
        self.save_button.setProperty("role", "primary")
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("printersMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

        never_widen(self.source, self.overridden, self.message)
        self._dpi_known = "label_dpi" in presenter.editable
        self.label_dpi.setEnabled(self._dpi_known)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        self.presenter.refresh()

    def _on_save_button_clicked(self) -> None:
        values = {
            "label_printer": self.label_printer.currentText(),
            "document_printer": self.document_printer.currentText(),
            "label_size": str(self.label_size.currentData()),
            "report_page_size": str(self.page_size.currentData()),
            "document_language": str(self.document_language.currentData()),
        }
        if self._dpi_known:
            values["label_dpi"] = str(self.label_dpi.value())
        self.presenter.save(values)

    def _on_presenter_state_changed(self, state: PrintersState) -> None:
        for box, key in (
            (self.label_printer, "label_printer"),
            (self.document_printer, "document_printer"),
        ):
            current = state.value(key)
            names = list(state.system_printers)
            if current and current not in names:
                names.insert(0, current)
            if [box.itemText(i) for i in range(box.count())] != ["", *names]:
                box.clear()
                box.addItem("")  # none: save the PDF instead of printing
                box.addItems(names)
            box.setCurrentText(current)
        for box, key in (
            (self.label_size, "label_size"),
            (self.page_size, "report_page_size"),
            (self.document_language, "document_language"),
        ):
            index = box.findData(state.value(key))
            if index >= 0:
                box.setCurrentIndex(index)
        if state.value("label_dpi").isdigit():
            self.label_dpi.setValue(int(state.value("label_dpi")))
        self.source.setText(
            self.tr("Saved in {file}. {count} printer(s) found on this computer.").format(
                file=state.config_file, count=len(state.system_printers)
            )
            if state.config_file
            else ""
        )
        self.overridden.setText(
            self.tr("Set by an environment variable, which wins over the file: {keys}").format(
                keys=", ".join(state.overridden)
            )
            if state.overridden
            else ""
        )
        self.overridden.setVisible(bool(state.overridden))
        self.save_button.setEnabled(not state.busy)
        show_message(self.message, state.error, state.message)
