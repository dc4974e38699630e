"""The station's Settings (SPEC §8): the interface language, the sound volume and mute, and
the camera to scan with, chosen by name with a live preview (SPEC §7.5). Saved in the
operator preferences (``ui.preferences``).

Volume and mute take effect at once (a test sound plays); the language takes effect at the
next start of the station, which the dialog says next to the choice: rebuilding every page
in place would lose the inspection in progress.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from .preferences import Preferences
from .sounds import Sounds

if TYPE_CHECKING:
    from qc_station.services.station_ports import StationPorts

    from .camera.picker import CameraPicker

# Each language named in itself, so anyone can find their own.
LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "简体中文"))


class SettingsDialog(QDialog):
    def __init__(
        self,
        preferences: Preferences,
        sounds: Sounds,
        current_language: str,
        parent: QWidget | None = None,
        *,
        ports: StationPorts | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self._preferences = preferences
        self._sounds = sounds
        self._current_language = current_language
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(preferences.effective_language(current_language)))
        )
        form.addRow(self.tr("Language"), self.language_combo)
        self.language_note = QLabel(
            self.tr("A new language takes effect when the station is restarted.")
        )
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)

        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setObjectName("volumeSlider")
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setPageStep(10)
        self.volume_slider.setValue(preferences.volume)
        form.addRow(self.tr("Volume"), self.volume_slider)
        self.mute_check = QCheckBox(self.tr("Mute the success and error sounds"))
        self.mute_check.setObjectName("muteCheck")
        self.mute_check.setChecked(preferences.muted)
        form.addRow("", self.mute_check)

        # Chosen by name with a live preview (ui/camera/picker.py); without the station's
        # ports (a dialog opened before the core is built) the camera is left as it is.
        self.camera_picker: CameraPicker | None = None
        if ports is not None:
            from .camera.picker import CameraPicker

            self.camera_picker = CameraPicker(ports, preferences.camera_source)
            form.addRow(self.tr("Camera"), self.camera_picker)
        self.video_check = QCheckBox(self.tr("Record unboxing video"))
        self.video_check.setObjectName("recordVideoCheck")
        self.video_check.setChecked(preferences.record_video)
        form.addRow("", self.video_check)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("settingsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.volume_slider.sliderReleased.connect(self._on_volume_slider_released)

    @property
    def chosen_language(self) -> str:
        return str(self.language_combo.currentData())

    @property
    def restart_needed(self) -> bool:
        return self.chosen_language != self._current_language

    def save(self) -> None:
        """Store the choices; volume and mute apply at once."""
        prefs = self._preferences
        prefs.language = self.chosen_language
        prefs.volume = self.volume_slider.value()
        prefs.muted = self.mute_check.isChecked()
        prefs.record_video = self.video_check.isChecked()
        if self.camera_picker is not None:
            prefs.camera_source = self.camera_picker.source
        prefs.sync()
        self._sounds.set_volume(prefs.volume)
        self._sounds.set_muted(prefs.muted)

    def accept(self) -> None:
        self.save()
        super().accept()

    def reject(self) -> None:
        # The test sound may have changed the level: back to what is saved.
        self._sounds.set_volume(self._preferences.volume)
        self._sounds.set_muted(self._preferences.muted)
        super().reject()

    def _on_volume_slider_released(self) -> None:
        # Hear the new level before saving it.
        self._sounds.set_volume(self.volume_slider.value())
        self._sounds.set_muted(self.mute_check.isChecked())
        self._sounds.success()
