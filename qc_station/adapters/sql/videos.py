"""The unboxing videos of inspections (``VideoRepository``, table ``inspection_videos``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from qc_station.domain.errors import Conflict
from qc_station.services.video_ports import ClipRecord, InspectionVideo

from ..orm import InspectionRow, InspectionVideoRow
from ._common import Repo


class SqlVideoRepository(Repo):
    def add(self, video: InspectionVideo) -> None:
        clip = video.clip
        with self._unique(
            Conflict("record.video_attached", inspection_id=video.inspection_id, sha256=clip.sha256)
        ):
            self.session.add(
                InspectionVideoRow(
                    inspection_id=video.inspection_id,
                    sha256=clip.sha256,
                    started_at=clip.started_at,
                    ended_at=clip.ended_at,
                    duration_ms=clip.duration_ms,
                    frames=clip.frames,
                    size_bytes=clip.size_bytes,
                    codec=clip.codec,
                    pruned_at=video.pruned_at,
                )
            )
            self.session.flush()

    def for_inspection(self, inspection_id: str) -> list[InspectionVideo]:
        return self._select(InspectionVideoRow.inspection_id == inspection_id)

    def ended_before(self, before: datetime, limit: int = 1000) -> list[InspectionVideo]:
        return self._select(
            InspectionVideoRow.ended_at < before,
            InspectionVideoRow.pruned_at.is_(None),
            limit=limit,
        )

    def mark_pruned(self, inspection_id: str, sha256: str, at: datetime) -> None:
        self.session.execute(
            update(InspectionVideoRow)
            .where(
                InspectionVideoRow.inspection_id == inspection_id,
                InspectionVideoRow.sha256 == sha256,
            )
            .values(pruned_at=at)
        )

    def _select(self, *where: object, limit: int | None = None) -> list[InspectionVideo]:
        query = (
            select(InspectionVideoRow, InspectionRow.lpn)
            .join(InspectionRow, InspectionRow.id == InspectionVideoRow.inspection_id)
            .where(*where)  # type: ignore[arg-type]
            .order_by(InspectionVideoRow.ended_at, InspectionVideoRow.id)
        )
        if limit is not None:
            query = query.limit(limit)
        return [
            InspectionVideo(
                inspection_id=row.inspection_id,
                lpn=lpn,
                clip=ClipRecord(
                    sha256=row.sha256,
                    started_at=row.started_at,
                    ended_at=row.ended_at,
                    duration_ms=row.duration_ms,
                    frames=row.frames,
                    size_bytes=row.size_bytes,
                    codec=row.codec,
                ),
                pruned_at=row.pruned_at,
            )
            for row, lpn in self.session.execute(query)
        ]
