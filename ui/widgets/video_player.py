"""Plays an inspection's unboxing clip in place (SPEC §7.5: supervisors play it in the approval
queue and the unit history).

``VideoPlayerWidget`` is a small QtMultimedia player: the picture, Play/Pause (Space), a seek
slider, ← and → to go back or on 5 seconds, the time. It is given the clip's record and the
station's clip store (``Session.ports.videos``, a ``VideoStore`` port): the file's path comes
from the store, never from a path of its own. A pruned clip or a missing file is said in
words, and so is a clip this station cannot play (no video backend, an unreadable file):
``QMediaPlayer`` reports that through ``errorOccurred``, never by raising.
``VideoPlayerDialog`` holds one at a size that fits 1366×768.

QtMultimedia reports each optional library it does not find (PipeWire, VA-API) as a warning
when it loads and when the first player is made: :data:`MULTIMEDIA_LOG_RULES`, set here (the
one place that loads QtMultimedia) before it loads, keeps that noise out of the station's log
and the tests' (where a Qt warning fails the test). The pages import this module only when a
clip is played, so a station that never plays one never loads QtMultimedia.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLoggingCategory, Qt, QUrl
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from qc_station.services.video_ports import InspectionVideo, VideoStore

from ..local_time import local_time
from .clip_time import clock_text
from .tables import never_widen

log = logging.getLogger(__name__)

#: How far ← and → move in the clip.
SEEK_STEP_MS = 5_000

#: The Qt log rules for QtMultimedia: no reports of optional libraries that are not there,
#: none of a file that cannot be opened (the player reports that through ``errorOccurred``,
#: which the widget logs and says in words; closing the player while it opens is one too),
#: nothing below a warning from the rest.
MULTIMEDIA_LOG_RULES = "\n".join(
    (
        "qt.multimedia.symbolsresolver=false",
        "qt.multimedia.ffmpeg.mediadataholder.warning=false",
        "qt.multimedia.*.debug=false",
        "qt.multimedia.*.info=false",
    )
)

# Before QtMultimedia loads: its libraries report at load time (see the module docstring).
QLoggingCategory.setFilterRules(MULTIMEDIA_LOG_RULES)

from PySide6.QtMultimedia import QMediaPlayer  # noqa: E402
from PySide6.QtMultimediaWidgets import QVideoWidget  # noqa: E402


class VideoPlayerWidget(QWidget):
    """The picture and its controls; see the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoPlayer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._duration = 0
        self.video = QVideoWidget()
        self.video.setObjectName("videoPicture")
        self.video.setMinimumSize(320, 180)
        self.player = QMediaPlayer(self)
        self.player.setVideoOutput(self.video)
        self.facts = QLabel()
        self.facts.setObjectName("videoFacts")
        self.message = QLabel()
        self.message.setObjectName("videoMessage")
        self.message.setProperty("role", "warning")
        never_widen(self.facts, self.message)
        self.message.hide()
        self.play_button = QPushButton(self.tr("Play (Space)"))
        self.play_button.setObjectName("videoPlayButton")
        self.play_button.setEnabled(False)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("videoSlider")
        self.slider.setEnabled(False)
        # The slider and the button do not take focus: Space and the arrows stay the player's.
        for control in (self.play_button, self.slider):
            control.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.time_label = QLabel(clock_text(0))
        self.time_label.setObjectName("videoTime")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.message)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout.addLayout(controls)
        layout.addWidget(self.facts)

        self.play_button.clicked.connect(self.toggle)
        self.slider.sliderMoved.connect(self._on_slider_slider_moved)
        self.player.positionChanged.connect(self._on_player_position_changed)
        self.player.durationChanged.connect(self._on_player_duration_changed)
        self.player.playbackStateChanged.connect(self._on_player_playback_state_changed)
        self.player.errorOccurred.connect(self._on_player_error_occurred)

    # --- loading -------------------------------------------------------------------------

    def load(self, store: VideoStore | None, video: InspectionVideo) -> bool:
        """Show ``video``'s clip, ready to play; False (with the reason on screen) when there
        is no file to play."""
        self.stop()
        clip = video.clip
        self.facts.setText(
            self.tr("Recorded {start} · {length} · SHA-256 {sha}").format(
                start=local_time(clip.started_at, seconds=True),
                length=clock_text(clip.duration_ms),
                sha=clip.sha256,
            )
        )
        if video.pruned_at is not None:
            return self._unplayable(
                self.tr("The clip was pruned on {date}: it was past its retention.").format(
                    date=local_time(video.pruned_at)
                )
            )
        if store is None or not store.exists(clip.sha256):
            return self._unplayable(self.tr("The clip file is missing from the video folder."))
        self.message.hide()
        self._set_duration(clip.duration_ms)
        self.player.setSource(QUrl.fromLocalFile(str(store.path(clip.sha256))))
        self.play_button.setEnabled(True)
        self.slider.setEnabled(True)
        return True

    def _unplayable(self, text: str) -> bool:
        self.player.setSource(QUrl())
        self.message.setText(text)
        self.message.show()
        self.play_button.setEnabled(False)
        self.slider.setEnabled(False)
        self._set_duration(0)
        return False

    @property
    def playable(self) -> bool:
        return self.play_button.isEnabled()

    # --- playing -------------------------------------------------------------------------

    def toggle(self) -> None:
        if not self.playable:
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def stop(self) -> None:
        self.player.stop()

    def seek_by(self, delta_ms: int) -> None:
        """Go on (or back, negative) ``delta_ms`` within the clip."""
        if not self.playable:
            return
        target = max(0, self.slider.value() + delta_ms)
        if self._duration:
            target = min(target, self._duration)
        self.slider.setValue(target)
        self._show_time(target)
        self.player.setPosition(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle()
        elif key == Qt.Key.Key_Left:
            self.seek_by(-SEEK_STEP_MS)
        elif key == Qt.Key.Key_Right:
            self.seek_by(SEEK_STEP_MS)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- the player's news ---------------------------------------------------------------

    def _on_slider_slider_moved(self, position: int) -> None:
        self._show_time(position)
        self.player.setPosition(position)

    def _on_player_position_changed(self, position: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self._show_time(position)

    def _on_player_duration_changed(self, duration: int) -> None:
        if duration > 0:
            self._set_duration(duration)

    def _on_player_playback_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause (Space)") if playing else self.tr("Play (Space)"))

    def _on_player_error_occurred(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        # Qt's own words are English and technical: logged; the station says it in its own.
        log.warning("cannot play the clip: %s (%s)", detail, error.name)
        self._unplayable(
            self.tr(
                "This station cannot play the clip ({problem}). The file is kept; the "
                "evidence pack carries it."
            ).format(problem=detail or error.name)
        )

    def _set_duration(self, duration: int) -> None:
        self._duration = duration
        self.slider.setRange(0, duration)
        self._show_time(self.slider.value())

    def _show_time(self, position: int) -> None:
        self.time_label.setText(f"{clock_text(position)} / {clock_text(self._duration)}")


class VideoPlayerDialog(QDialog):
    """The player in a dialog that fits 1366×768; Esc or Close stops and closes it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoPlayerDialog")
        self.setWindowTitle(title)
        self.player = VideoPlayerWidget(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("videoDialogButtons")
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.player, 1)
        layout.addWidget(buttons)
        self.resize(900, 620)
        self.setMaximumSize(1340, 720)

    def play(self, store: VideoStore | None, video: InspectionVideo) -> bool:
        """Load ``video`` and start it when there is a file to play."""
        loaded = self.player.load(store, video)
        self.player.setFocus()
        if loaded:
            self.player.toggle()
        return loaded

    def done(self, result: int) -> None:
        self.player.stop()
        super().done(result)
