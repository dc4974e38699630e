"""The unboxing video's status beside the unit's title on the inspection page (SPEC §7.5):
"● REC 00:42" while recording, or why the station is not recording, and the low-disk warning.
Text, never colour alone; one line per fact, elided, with the whole text in the tooltip, so
that a long camera problem never wraps and pushes the window past 768 px."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..presenters.unboxing_video import VideoStatus

#: The width of the status, in pixels.
WIDTH = 460


class RecordingStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingLabel")
        self.setWordWrap(False)
        self.setMaximumWidth(WIDTH)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

    def show_status(self, video: VideoStatus) -> None:
        recording = self.tr("● REC {time}").format(
            time=f"{video.seconds // 60:02}:{video.seconds % 60:02}"
        )
        lines = [
            line
            for line in (recording if video.recording else video.notice, video.low_disk)
            if line
        ]
        metrics = self.fontMetrics()
        elide = Qt.TextElideMode.ElideRight
        self.setText("\n".join(metrics.elidedText(line, elide, WIDTH) for line in lines))
        self.setToolTip("\n".join(lines))
        self.setProperty("role", "warning" if video.notice or video.low_disk else "")
        self.style().unpolish(self)
        self.style().polish(self)
