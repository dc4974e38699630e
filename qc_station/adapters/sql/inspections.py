"""Inspections and their photos (``InspectionRepository``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade
from qc_station.domain.errors import Conflict
from qc_station.domain.model import Inspection, Photo

from ..orm import InspectionRow, PhotoRow
from ._common import Repo, as_text, chunks

# --- inspections ---------------------------------------------------------------------------


class SqlInspectionRepository(Repo):
    def add(self, inspection: Inspection) -> None:
        row = InspectionRow(
            id=inspection.id,
            lpn=inspection.lpn,
            inspector=inspection.inspector,
            station=inspection.station,
            started_at=inspection.started_at,
            ended_at=inspection.ended_at,
            grade=as_text(inspection.grade),
            finding=as_text(inspection.finding),
            checklist={str(k): as_text(v) for k, v in inspection.checklist.items()},
            serial=inspection.serial,
            notes=inspection.notes,
        )
        photos = [
            PhotoRow(
                inspection_id=inspection.id,
                position=position,
                sha256=p.sha256,
                captured_at=p.captured_at,
                station=p.station,
                original_name=p.original_name,
                width=p.width,
                height=p.height,
            )
            for position, p in enumerate(inspection.photos)
        ]
        with self._unique(
            Conflict("record.inspection_exists", inspection_id=inspection.id, lpn=inspection.lpn)
        ):
            self.session.add(row)
            # Two flushes: without a relationship the ORM does not know photos come second.
            self.session.flush()
            self.session.add_all(photos)
            self.session.flush()

    def get(self, inspection_id: str) -> Inspection | None:
        found = self._build(
            self.session.scalars(
                select(InspectionRow)
                .where(InspectionRow.id == inspection_id)
                .execution_options(populate_existing=True)
            ).all()
        )
        return found[0] if found else None

    def for_unit(self, lpn: str) -> list[Inspection]:
        return self._build(
            self.session.scalars(
                select(InspectionRow)
                .where(InspectionRow.lpn == lpn)
                .order_by(InspectionRow.started_at, InspectionRow.pk)
                .execution_options(populate_existing=True)
            ).all()
        )

    def _build(self, rows: Sequence[InspectionRow]) -> list[Inspection]:
        if not rows:
            return []
        photos: dict[str, list[Photo]] = {r.id: [] for r in rows}
        for chunk in chunks(photos):
            for p in self.session.scalars(
                select(PhotoRow)
                .where(PhotoRow.inspection_id.in_(chunk))
                .order_by(PhotoRow.inspection_id, PhotoRow.position)
                .execution_options(populate_existing=True)
            ):
                photos[p.inspection_id].append(
                    Photo(
                        sha256=p.sha256,
                        captured_at=p.captured_at,
                        station=p.station,
                        original_name=p.original_name,
                        width=p.width,
                        height=p.height,
                    )
                )
        return [
            Inspection(
                id=r.id,
                lpn=r.lpn,
                inspector=r.inspector,
                station=r.station,
                started_at=r.started_at,
                ended_at=r.ended_at,
                grade=Grade(r.grade),
                finding=Finding(r.finding),
                checklist={k: ChecklistAnswer(v) for k, v in (r.checklist or {}).items()},
                serial=r.serial,
                notes=r.notes,
                photos=photos[r.id],
            )
            for r in rows
        ]
