"""The login page: password form, badge + PIN form (where allowed), the first-run form that
creates the first admin, the new-password form after an admin reset the user's password, and
the lock notice when the station locked itself while idle.

The page is the first thing on screen at start, before the core is built: it takes what is
typed at once, and says "Connecting to the database…" under the form until the core answers
(a sign-in asked for meanwhile waits for it: ``LoginPresenter``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..presenters.login_presenter import LoginMode, LoginPresenter, LoginState


def _field(name: str, password: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginPage(QWidget):
    def __init__(self, presenter: LoginPresenter, station: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginPage")
        self.presenter = presenter
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        outer.addLayout(row)
        outer.addStretch(2)
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("loginCard")
        card.setMinimumWidth(520)
        row.addWidget(card)
        row.addStretch(1)
        layout = QVBoxLayout(card)

        title = QLabel(self.tr("Returns QC Station"))
        title.setObjectName("loginTitle")
        layout.addWidget(title)
        station_label = QLabel(self.tr("Station {station}").format(station=station))
        station_label.setObjectName("loginStation")
        layout.addWidget(station_label)
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lockNotice")
        self.lock_label.setWordWrap(True)
        layout.addWidget(self.lock_label)

        self.forms = QStackedWidget()
        self.forms.setObjectName("loginForms")
        layout.addWidget(self.forms)
        self.forms.addWidget(self._password_form())
        self.forms.addWidget(self._badge_form())
        self.forms.addWidget(self._setup_form())
        self.forms.addWidget(self._change_password_form())

        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.connecting_label = QLabel()
        self.connecting_label.setObjectName("connectingNote")
        self.connecting_label.setWordWrap(True)
        layout.addWidget(self.connecting_label)

        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    # --- forms ---------------------------------------------------------------------------

    def _password_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.username = _field("usernameEdit")
        self.password = _field("passwordEdit", password=True)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setProperty("role", "primary")
        self.use_badge_button = QPushButton(self.tr("Use badge and PIN"))
        self.use_badge_button.setObjectName("useBadgeButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_badge_button)
        buttons.addWidget(self.sign_in_button, 1)
        form.addRow(buttons)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._on_sign_in_clicked)
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        self.use_badge_button.clicked.connect(lambda: self.presenter.show_badge(True))
        self._password_page = page
        return page

    def _badge_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.badge = _field("badgeEdit", password=True)
        self.pin = _field("pinEdit", password=True)
        form.addRow(self.tr("Scan badge"), self.badge)
        form.addRow(self.tr("PIN"), self.pin)
        self.badge_button = QPushButton(self.tr("Sign in"))
        self.badge_button.setObjectName("badgeSignInButton")
        self.badge_button.setProperty("role", "primary")
        back = QPushButton(self.tr("Use password"))
        back.setObjectName("usePasswordButton")
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.badge_button, 1)
        form.addRow(buttons)
        self.badge.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._on_badge_clicked)
        self.badge_button.clicked.connect(self._on_badge_clicked)
        back.clicked.connect(lambda: self.presenter.show_badge(False))
        self._badge_page = page
        return page

    def _setup_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "No users yet. Create the first administrator; they can add inspectors and "
                "supervisors afterwards."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.setup_username = _field("setupUsernameEdit")
        self.setup_full_name = _field("setupFullNameEdit")
        self.setup_password = _field("setupPasswordEdit", password=True)
        self.setup_repeat = _field("setupRepeatEdit", password=True)
        form.addRow(self.tr("User name"), self.setup_username)
        form.addRow(self.tr("Full name"), self.setup_full_name)
        form.addRow(self.tr("Password"), self.setup_password)
        form.addRow(self.tr("Repeat password"), self.setup_repeat)
        self.create_button = QPushButton(self.tr("Create administrator"))
        self.create_button.setObjectName("createAdminButton")
        self.create_button.setProperty("role", "primary")
        form.addRow(self.create_button)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.setup_repeat.returnPressed.connect(self._on_create_clicked)
        self._setup_page = page
        return page

    def _change_password_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "An administrator reset your password. Choose a new one of your own to "
                "continue; nobody else should know it."
            )
        )
        intro.setObjectName("changePasswordIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.new_password = _field("newPasswordEdit", password=True)
        self.new_repeat = _field("newPasswordRepeatEdit", password=True)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("Repeat new password"), self.new_repeat)
        self.change_password_button = QPushButton(self.tr("Set new password"))
        self.change_password_button.setObjectName("changePasswordButton")
        self.change_password_button.setProperty("role", "primary")
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("cancelChangePasswordButton")
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.change_password_button, 1)
        form.addRow(buttons)
        self.new_password.returnPressed.connect(self.new_repeat.setFocus)
        self.new_repeat.returnPressed.connect(self._on_change_password_clicked)
        self.change_password_button.clicked.connect(self._on_change_password_clicked)
        cancel.clicked.connect(self.presenter.cancel_change_password)
        self._change_password_page = page
        return page

    # --- slots ---------------------------------------------------------------------------

    def _on_change_password_clicked(self) -> None:
        self.presenter.change_password(self.new_password.text(), self.new_repeat.text())

    def _on_sign_in_clicked(self) -> None:
        self.presenter.sign_in(self.username.text(), self.password.text())

    def _on_badge_clicked(self) -> None:
        self.presenter.sign_in_badge(self.badge.text(), self.pin.text())

    def _on_create_clicked(self) -> None:
        self.presenter.create_admin(
            self.setup_username.text(),
            self.setup_full_name.text(),
            self.setup_password.text(),
            self.setup_repeat.text(),
        )

    def _on_presenter_state_changed(self, state: LoginState) -> None:
        pages = {
            LoginMode.PASSWORD: self._password_page,
            LoginMode.BADGE: self._badge_page,
            LoginMode.SETUP: self._setup_page,
            LoginMode.CHANGE_PASSWORD: self._change_password_page,
        }
        previous = self.forms.currentWidget()
        self.forms.setCurrentWidget(pages[state.mode])
        # A stack is as tall as its tallest page; let hidden forms take no room, so the card
        # fits the form on show instead of the first-run form's height.
        for page in pages.values():
            policy = (
                QSizePolicy.Policy.Preferred
                if page is pages[state.mode]
                else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.use_badge_button.setVisible(state.badge_allowed)
        self.error_label.setText(state.error)
        self.error_label.setVisible(bool(state.error))
        if state.locked_user:
            self.lock_label.setText(
                self.tr("Locked after inactivity. {user}, sign in to continue your work.").format(
                    user=state.locked_user
                )
            )
        self.lock_label.setVisible(bool(state.locked_user))
        self.connecting_label.setText(
            self.tr("Connecting to the database… You will be signed in as soon as it answers.")
            if state.queued
            else self.tr("Connecting to the database…")
        )
        self.connecting_label.setVisible(state.connecting)
        for button in (
            self.sign_in_button,
            self.badge_button,
            self.create_button,
            self.change_password_button,
        ):
            button.setEnabled(not state.busy)
        if state.error:
            # A failed attempt: clear the secret, keep the name, and let the person retype.
            self.password.clear()
            self.pin.clear()
            self.new_password.clear()
            self.new_repeat.clear()
        if state.mode == LoginMode.CHANGE_PASSWORD:
            self.password.clear()  # the reset password has done its part
        else:
            self.new_password.clear()
            self.new_repeat.clear()
        if previous is not pages[state.mode] or state.error:
            self._focus_first(state)

    def reset_secrets(self) -> None:
        for edit in (
            self.password,
            self.pin,
            self.badge,
            self.setup_password,
            self.setup_repeat,
            self.new_password,
            self.new_repeat,
        ):
            edit.clear()

    def prepare_for_lock(self, username: str) -> None:
        self.reset_secrets()
        self.username.setText(username)

    def focus_first(self) -> None:
        """Put the keyboard in the first field to fill of the form on show (at start)."""
        self._focus_first(self.presenter.state)

    def _focus_first(self, state: LoginState) -> None:
        if state.mode == LoginMode.PASSWORD:
            (self.password if self.username.text() else self.username).setFocus(
                Qt.FocusReason.OtherFocusReason
            )
        elif state.mode == LoginMode.BADGE:
            self.badge.setFocus()
        elif state.mode == LoginMode.SETUP:
            self.setup_username.setFocus()
        elif state.mode == LoginMode.CHANGE_PASSWORD:
            self.new_password.setFocus()
