"""Administration → Users: the accounts on the left; on the right, a form to add one and the
actions on the selected one (role, password, badge and PIN, deactivate). Thin over
``UsersPresenter``; refusals show inline, under the form, with the field named in red."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.enums import Role
from qc_station.services.users import UserView

from ...local_time import local_time
from ...presenters.users_presenter import UsersPresenter, UsersState, role_label
from ...widgets.rows_table import Column, RowsTableModel, rows_view
from ...widgets.tables import never_widen, show_message

_INVALID = "QLineEdit { border: 2px solid #c0392b; }"


def _edit(name: str, *, secret: bool = False, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _role_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for role in (Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN):
        box.addItem(role_label(role), role)
    return box


def _badge_text(user: UserView) -> str:
    """``B-0042 + PIN``: the badge, and whether a PIN goes with it."""
    badge = user.badge or ""
    if not (badge and user.has_pin):
        return badge
    return QCoreApplication.translate("UsersTab", "{badge} + PIN").format(badge=badge)


class UsersTab(QWidget):
    def __init__(self, presenter: UsersPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersTab")
        self.presenter = presenter
        layout = QHBoxLayout(self)

        self.model: RowsTableModel[UserView] = RowsTableModel(
            [
                Column(self.tr("User"), lambda u: u.username),
                Column(self.tr("Name"), lambda u: u.full_name),
                Column(self.tr("Role"), lambda u: role_label(u.role)),
                Column(
                    self.tr("Status"),
                    lambda u: self.tr("active") if u.active else self.tr("deactivated"),
                ),
                Column(self.tr("Badge"), _badge_text),
                Column(
                    self.tr("Locked until"),
                    lambda u: local_time(u.locked_until) if u.locked_until else "",
                ),
            ]
        )
        self.table = rows_view("usersTable", self.model)
        layout.addWidget(self.table, 3)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setMinimumWidth(430)
        layout.addWidget(scroll, 2)

        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        side_layout.addWidget(self.message)

        # --- add -------------------------------------------------------------------------
        add_box = QGroupBox(self.tr("Add a user"))
        add_form = QFormLayout(add_box)
        self.new_username = _edit("newUsername", placeholder=self.tr("e.g. li.wei"))
        self.new_full_name = _edit("newFullName")
        self.new_role = _role_box("newRole")
        self.new_password = _edit("newPassword", secret=True)
        self.new_password_again = _edit("newPasswordAgain", secret=True)
        self.new_badge = _edit("newBadge", placeholder=self.tr("optional: scan the badge"))
        self.new_pin = _edit("newPin", secret=True, placeholder=self.tr("4 to 8 digits"))
        add_form.addRow(self.tr("User name"), self.new_username)
        add_form.addRow(self.tr("Full name"), self.new_full_name)
        add_form.addRow(self.tr("Role"), self.new_role)
        add_form.addRow(self.tr("Initial password"), self.new_password)
        add_form.addRow(self.tr("Repeat password"), self.new_password_again)
        add_form.addRow(self.tr("Badge"), self.new_badge)
        add_form.addRow(self.tr("PIN"), self.new_pin)
        self.add_button = QPushButton(self.tr("Add user"))
        self.add_button.setObjectName("addUserButton")
        self.add_button.setProperty("role", "primary")
        add_form.addRow(self.add_button)
        side_layout.addWidget(add_box)

        # --- the selected user -----------------------------------------------------------
        self.selected_box = QGroupBox(self.tr("Selected user"))
        self.selected_box.setObjectName("selectedUserBox")
        sel = QFormLayout(self.selected_box)
        self.selected_label = QLabel()
        self.selected_label.setObjectName("selectedUserLabel")
        sel.addRow(self.selected_label)
        role_row = QHBoxLayout()
        self.role_box = _role_box("selectedRole")
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_button.setObjectName("changeRoleButton")
        role_row.addWidget(self.role_box, 1)
        role_row.addWidget(self.role_button)
        sel.addRow(self.tr("Role"), role_row)
        self.reset_password = _edit("resetPassword", secret=True)
        self.reset_password_again = _edit("resetPasswordAgain", secret=True)
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.reset_button.setObjectName("resetPasswordButton")
        sel.addRow(self.tr("New password"), self.reset_password)
        sel.addRow(self.tr("Repeat password"), self.reset_password_again)
        sel.addRow(self.reset_button)
        self.badge = _edit("badgeEdit", placeholder=self.tr("scan the badge"))
        self.pin = _edit("pinEdit", secret=True, placeholder=self.tr("4 to 8 digits"))
        badge_buttons = QHBoxLayout()
        self.badge_button = QPushButton(self.tr("Set badge and PIN"))
        self.badge_button.setObjectName("setBadgeButton")
        self.remove_badge_button = QPushButton(self.tr("Remove badge"))
        self.remove_badge_button.setObjectName("removeBadgeButton")
        badge_buttons.addWidget(self.badge_button)
        badge_buttons.addWidget(self.remove_badge_button)
        sel.addRow(self.tr("Badge"), self.badge)
        sel.addRow(self.tr("PIN"), self.pin)
        sel.addRow(badge_buttons)
        self.active_button = QPushButton()
        self.active_button.setObjectName("deactivateButton")
        sel.addRow(self.active_button)
        side_layout.addWidget(self.selected_box)
        side_layout.addStretch(1)

        self._shown: UserView | None = None
        self._fields = {
            "username": self.new_username,
            "full_name": self.new_full_name,
            "password": self.new_password,
            "new_password": self.reset_password,
            "badge": self.badge,
            "pin": self.pin,
        }

        never_widen(self.message)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.role_button.clicked.connect(self._on_role_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.badge_button.clicked.connect(self._on_badge_button_clicked)
        self.remove_badge_button.clicked.connect(self._on_remove_badge_button_clicked)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        presenter.user_added.connect(self._on_presenter_user_added)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        self.presenter.refresh()

    # --- slots ---------------------------------------------------------------------------

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        users = self.presenter.state.users
        row = rows[0].row() if rows else -1
        self.presenter.select(users[row].username if 0 <= row < len(users) else None)

    def _on_add_button_clicked(self) -> None:
        self.presenter.add_user(
            self.new_username.text(),
            self.new_full_name.text(),
            self.new_role.currentData(),
            self.new_password.text(),
            self.new_password_again.text(),
            self.new_badge.text(),
            self.new_pin.text(),
        )

    def _on_presenter_user_added(self, _username: str) -> None:
        for edit in (
            self.new_username,
            self.new_full_name,
            self.new_password,
            self.new_password_again,
            self.new_badge,
            self.new_pin,
        ):
            edit.clear()

    def _on_role_button_clicked(self) -> None:
        self.presenter.set_role(self.role_box.currentData())

    def _on_reset_button_clicked(self) -> None:
        self.presenter.reset_password(self.reset_password.text(), self.reset_password_again.text())
        self.reset_password.clear()
        self.reset_password_again.clear()

    def _on_badge_button_clicked(self) -> None:
        self.presenter.set_badge(self.badge.text(), self.pin.text())
        self.pin.clear()

    def _on_remove_badge_button_clicked(self) -> None:
        self.presenter.remove_badge()

    def _on_active_button_clicked(self) -> None:
        user = self.presenter.selected_user
        if user is not None:
            self.presenter.set_active(not user.active)

    def _on_presenter_state_changed(self, state: UsersState) -> None:
        self._show_table(state)
        show_message(self.message, state.error, state.message)
        for field, edit in self._fields.items():
            invalid = bool(state.error) and field == state.error_field
            # The field the refusal names gets a red frame (the message says why).
            edit.setStyleSheet(_INVALID if invalid else "")
        user = self.presenter.selected_user
        self.selected_box.setEnabled(user is not None and not state.busy)
        self.add_button.setEnabled(not state.busy)
        if user is None:
            self.selected_label.setText(self.tr("Select a user in the list."))
            self.active_button.setText(self.tr("Deactivate"))
            return
        self.selected_label.setText(f"{user.username} — {user.full_name}".rstrip(" —"))
        if user != self._shown:
            # Only when another user is selected or this one changed: what the admin typed
            # stays when a change is refused.
            self._shown = user
            self.role_box.setCurrentIndex(max(0, self.role_box.findData(user.role)))
            self.badge.setText(user.badge or "")
        self.remove_badge_button.setEnabled(user.badge is not None)
        self.active_button.setText(self.tr("Deactivate") if user.active else self.tr("Reactivate"))

    def _show_table(self, state: UsersState) -> None:
        table = self.table
        table.selectionModel().blockSignals(True)
        self.model.set_rows(state.users)
        names = [u.username for u in state.users]
        if state.selected in names:
            table.selectRow(names.index(state.selected))
        else:
            table.clearSelection()
        table.selectionModel().blockSignals(False)
