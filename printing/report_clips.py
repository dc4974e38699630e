"""The unboxing clip in the inspection report (issue 18, SPEC §7.5): its duration, SHA-256,
start and end (the station's time and UTC), and a row of key frames, evenly spaced through
the clip, each with its time in the clip. A clip whose file was pruned or is missing is still
listed, with its facts and a line that says why no frames are shown.

The frames arrive as small JPEGs (the video adapter extracts them); nothing here decodes video.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, TableStyle

from qc_station.domain.display import format_duration

from .data import ClipData, KeyFrame
from .report_blocks import ReportBlocks
from .wording import DocumentWords

#: The height of a key frame on the page: four fit across, small enough not to crowd photos.
KEY_FRAME_HEIGHT = 30 * mm


def clip_time(ms: int) -> str:
    """A time in the clip, ``1:07.5`` (minutes, seconds to the tenth)."""
    minutes, rest = divmod(max(0, ms), 60_000)
    return f"{minutes}:{rest / 1000:04.1f}"


def _missing_text(words: DocumentWords, clip: ClipData) -> str:
    if clip.missing == "pruned":
        return words("The clip's file was deleted by the retention rule ({time}).").format(
            time=clip.pruned_at or "—"
        )
    if clip.missing == "absent":
        return words("The clip's file is not in the video store.")
    return words("The clip's frames could not be read.")


def clip_section(blocks: Any, clips: Sequence[ClipData]) -> list[Flowable]:
    """The report's video section for one unit (``blocks`` is the report's builder: its
    ``ReportBlocks`` styles and its words ``w``)."""
    b: ReportBlocks = blocks
    w: DocumentWords = blocks.w
    head = b.p(w("Unboxing video"), b.h3)
    if not clips:
        return [head, b.p(w("No video recorded."), b.small)]
    out: list[Flowable] = []
    for n, clip in enumerate(clips, start=1):
        facts = b.facts(
            [
                (w("Duration"), format_duration(clip.duration_ms / 1000, w.language)),
                (w("Frames"), str(clip.frames) if clip.frames else "—"),
                (w("Started"), clip.started_at),
                (w("Started (UTC)"), clip.started_utc),
                (w("Ended"), clip.ended_at),
                (w("Ended (UTC)"), clip.ended_utc),
            ]
        )
        digest = b.facts([("SHA-256", clip.sha256)], columns=1)
        flow: list[Flowable] = [facts, Spacer(1, 2), digest, Spacer(1, 3)]
        if clip.key_frames:
            flow.append(_frame_row(b, w, clip.key_frames))
        elif clip.missing:
            flow.append(b.p(_missing_text(w, clip), b.small))
        flow.append(Spacer(1, 4))
        # The heading stays with the first clip rather than ending a page alone.
        out.append(KeepTogether([head, *flow]) if n == 1 else KeepTogether(flow))
    return out


def _frame_row(b: ReportBlocks, w: DocumentWords, frames: Sequence[KeyFrame]) -> Flowable:
    """The key frames side by side, each with its time in the clip under it."""
    gap = 3 * mm
    count = max(len(frames), 4)
    cell = (b.width - gap * (count - 1)) / count
    cells: list[Any] = []
    for frame in frames:
        scale = min(cell / frame.width, KEY_FRAME_HEIGHT / frame.height)
        picture = Image(
            io.BytesIO(frame.jpeg), width=frame.width * scale, height=frame.height * scale
        )
        picture.hAlign = "LEFT"
        caption = w("at {time}").format(time=clip_time(frame.at_ms))
        cells.append([picture, Spacer(1, 1), b.p(caption, b.tiny)])
    while len(cells) < count:
        cells.append([])
    return b.table(
        [cells],
        colWidths=[cell + gap] * (count - 1) + [cell],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), gap),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
