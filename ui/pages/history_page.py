"""The unit history page (SPEC §8 "Unit history"): a search field that takes any code a person
or a scanner gives it (RMA, LPN, order id, tracking number, SKU, customer), the units it names
to choose from when there are several, and the story in time order: when (local time), what
happened and its details in the station's language, who, at which station. An inspection's
line shows its photos; an unboxing clip's line plays the clip in place (Enter, Ctrl+P or
"Play video"). A thin view over ``HistoryPresenter``.

Keys: the search field has focus when the page opens, Enter searches; after a search the
units to choose from (Enter tells the chosen one's story) or the story has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.enums import UnitState
from qc_station.services.history import UnitNow

from ..display import money
from ..labels import decision_status_text, headline_text, unit_state_label
from ..local_time import local_time
from ..presenters.history_presenter import HistoryPresenter, HistoryState
from ..presenters.history_words import StoryRow
from ..scanner import CODE_FIELD
from ..widgets.clips import open_player
from ..widgets.rows_table import Column, RowsTableModel, rows_view
from ..widgets.tables import never_widen, show_message

#: The item data role of a choice's LPN.
LPN_ROLE = Qt.ItemDataRole.UserRole.value + 1
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class HistoryPage(QWidget):
    def __init__(self, presenter: HistoryPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.presenter = presenter
        self.player_dialog: QWidget | None = None  # the clip playing, for tests
        self._shown_units: tuple[UnitNow, ...] = ()
        self._shown_thumbs: tuple[object, ...] = ()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        title = QLabel(self.tr("Unit history"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("historySearchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("Scan or type an RMA, LPN, order id, tracking number, SKU or customer")
        )
        self.search_edit.setClearButtonEnabled(True)
        # A code field: a scanner's burst is the whole code, submitted by its Enter.
        self.search_edit.setProperty(CODE_FIELD, True)
        top.addWidget(self.search_edit, 1)
        self.search_button = QPushButton(self.tr("Search (Enter)"))
        self.search_button.setObjectName("historySearchButton")
        top.addWidget(self.search_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        never_widen(self.summary)
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("historySplitter")
        self.choices = QListWidget()
        self.choices.setObjectName("historyChoices")
        splitter.addWidget(self.choices)
        splitter.addWidget(self._build_story())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([300, 1040])
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        never_widen(self.message)
        layout.addWidget(self.message)

        self.search_edit.returnPressed.connect(self._on_search)
        self.search_button.clicked.connect(self._on_search)
        self.choices.itemActivated.connect(self._on_choices_item_activated)
        self.choices.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.play_button.clicked.connect(self.play_selected)
        play = QShortcut(QKeySequence("Ctrl+P"), self)
        play.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        play.activated.connect(self.play_selected)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def _build_story(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model: RowsTableModel[StoryRow] = RowsTableModel(
            [
                Column(self.tr("When"), lambda r: local_time(r.at, seconds=True)),
                Column(self.tr("What happened"), lambda r: r.what, tooltip=lambda r: r.what),
                Column(self.tr("Details"), lambda r: r.details, tooltip=lambda r: r.details),
                Column(self.tr("Who"), lambda r: r.who or "—"),
                Column(self.tr("Where"), lambda r: r.where or "—"),
            ]
        )
        self.table = rows_view("historyTable", self.model)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 340)
        layout.addWidget(self.table, 1)
        below = QHBoxLayout()
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("historyPhotos")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(110, 110))
        self.photo_list.setFixedHeight(150)
        self.photo_list.setMovement(QListWidget.Movement.Static)
        below.addWidget(self.photo_list, 1)
        self.play_button = QPushButton(self.tr("Play video (Ctrl+P)"))
        self.play_button.setObjectName("historyPlayButton")
        below.addWidget(self.play_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(below)
        return panel

    def activated(self) -> None:
        """Shown (again): ready for the next code."""
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- slots ---------------------------------------------------------------------------

    def _on_search(self) -> None:
        self.presenter.search(self.search_edit.text())

    def _on_choices_item_activated(self, item: QListWidgetItem) -> None:
        self.presenter.choose(str(item.data(LPN_ROLE) or ""))

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.presenter.select(rows[0].row() if rows else -1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Enter in the list chooses (a QListWidget only activates on Enter on some styles);
        # Enter on a clip's line of the story plays it.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
        ):
            if watched is self.choices and self.choices.currentItem() is not None:
                self._on_choices_item_activated(self.choices.currentItem())
                return True
            if watched is self.table and self.play_selected():
                return True
        return super().eventFilter(watched, event)

    def play_selected(self) -> bool:
        """Play the clip of the selected line; False when it is not a clip's line."""
        current = self.presenter.state.current
        if current is None or current.video is None:
            return False
        video = current.video
        self.player_dialog = open_player(
            self,
            self.tr("Unboxing video of {lpn}").format(lpn=video.lpn),
            self.presenter.video_store(),
            video,
        )
        return True

    # --- rendering -----------------------------------------------------------------------

    def _on_presenter_state_changed(self, state: HistoryState) -> None:
        self.search_button.setEnabled(not state.loading)
        self._render_summary(state)
        if state.units != self._shown_units:
            self._fill_choices(state)
        if self.model.set_rows(state.rows) and state.rows:
            # The story is in time order: its newest line in view, its first selected.
            self.table.scrollToBottom()
            if self.search_edit.hasFocus() or self.choices.hasFocus():
                self.table.setFocus()
        current = state.current
        self.play_button.setEnabled(current is not None and current.video is not None)
        self.play_button.setVisible(any(r.video is not None for r in state.rows))
        self._render_thumbnails(state)
        show_message(self.message, state.error, "", state.message)
        if state.error:
            self.search_edit.setFocus()
            self.search_edit.selectAll()

    def _render_summary(self, state: HistoryState) -> None:
        if not state.code:
            self.summary.setText(self.tr("Look up any unit to see its whole story."))
            return
        head = self.tr("{matched} {code}: {count} unit(s)").format(
            matched=state.matched, code=state.code, count=len(state.units)
        )
        if state.truncated:
            head += " " + self.tr("(the first {count}; there are more)").format(
                count=len(state.units)
            )
        if state.loading:
            head += " · " + self.tr("searching…")
        lines = [head]
        if state.has_story and len(state.units) == 1:
            lines.append(self.unit_text(state.units[0]))
        self.summary.setText("\n".join(lines))

    def unit_text(self, unit: UnitNow) -> str:
        """A unit as it stands, in one line of words."""
        try:
            where = unit_state_label(UnitState(unit.state))
        except ValueError:
            where = unit.state
        parts = [unit.lpn, unit.sku, unit.product, where]
        if unit.headline is None:
            parts.append(self.tr("no decision yet"))
        else:
            parts += [
                headline_text(unit.headline),
                self.tr("refund {amount}").format(
                    amount=money(unit.refund_amount, unit.currency or "")
                ),
                decision_status_text(unit.status or ""),
            ]
            if unit.export_batch:
                parts.append(self.tr("exported in {batch}").format(batch=unit.export_batch))
        return " · ".join(p for p in parts if p)

    def _fill_choices(self, state: HistoryState) -> None:
        self._shown_units = state.units
        self.choices.clear()
        for unit in state.units:
            item = QListWidgetItem(self.unit_text(unit))
            item.setData(LPN_ROLE, unit.lpn)
            item.setToolTip(self.unit_text(unit))
            self.choices.addItem(item)
        several = len(state.units) > 1
        self.choices.setVisible(several)
        if several:
            self.choices.setCurrentRow(0)
            if not state.has_story:
                self.choices.setFocus()

    def _render_thumbnails(self, state: HistoryState) -> None:
        key = (state.selected, state.thumbnails, state.thumbnails_loading, state.rows)
        if key == self._shown_thumbs:
            return
        self._shown_thumbs = key
        self.photo_list.clear()
        current = state.current
        photos = current.photos if current is not None else ()
        for thumb in state.thumbnails:
            entry = QListWidgetItem(QIcon(QPixmap.fromImage(thumb.image)), thumb.caption)
            when = next((p.captured_at for p in photos if p.sha256 == thumb.sha256), None)
            entry.setToolTip(f"{local_time(when, seconds=True)} · SHA-256 {thumb.sha256}")
            self.photo_list.addItem(entry)
        if photos and not state.thumbnails:
            self.photo_list.addItem(
                QListWidgetItem(self.tr("Loading {count} photo(s)…").format(count=len(photos)))
            )
        self.photo_list.setVisible(bool(photos))
