"""Opening the player on an unboxing clip, for the pages that show clips (SPEC §7.5: the
approval queue and the unit history). Apart from the player (``video_player``) so that a page
that names a clip does not load QtMultimedia until someone plays one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from qc_station.services.video_ports import InspectionVideo, VideoStore

if TYPE_CHECKING:
    from .video_player import VideoPlayerDialog


def open_player(
    parent: QWidget, title: str, store: VideoStore | None, video: InspectionVideo
) -> VideoPlayerDialog:
    """Open the player over ``parent``'s window on ``video`` (playing when its file is
    there, else saying why not); the dialog goes when it is closed."""
    from .video_player import VideoPlayerDialog  # loads QtMultimedia: on demand

    dialog = VideoPlayerDialog(title, parent.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.play(store, video)
    dialog.open()
    return dialog
