"""A unit a supervisor sent back (SPEC §2 step 5, issue 16): what its last inspection entered,
so the inspector corrects that inspection instead of starting again from nothing.

Read-only. The photos come back as they were stored (stamped with their capture time and
station) together with that capture time; submitted again, the stamp burns the same time and
station into the same corner.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qc_station.domain.errors import NotFound
from qc_station.domain.model import Decision, DecisionStatus, Inspection

from .context import Actor, ServiceContext
from .inspection import PhotoInput
from .permissions import Action, authorized
from .returns import normalise_code

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentBackView:
    """The rejected decision (the supervisor's comment, who and when), the inspection it was
    made on, and that inspection's photos, in their order."""

    decision: Decision
    inspection: Inspection
    photos: tuple[PhotoInput, ...]


def sent_back(ctx: ServiceContext, actor: Actor, lpn: str) -> SentBackView | None:
    """The unit's last inspection when its latest decision was rejected; None otherwise. A
    photo whose file is gone is left out (and logged), not a reason to refuse the rest."""
    with authorized(ctx, actor, Action.INSPECT, read_only=True) as uow:
        decisions = uow.decisions.for_unit(normalise_code(lpn))
        if not decisions or decisions[-1].status != DecisionStatus.REJECTED:
            return None
        decision = decisions[-1]
        inspection = uow.inspections.get(decision.inspection_id)
    if inspection is None:
        return None
    photos = []
    for number, photo in enumerate(inspection.photos, start=1):
        try:
            data = ctx.photos.get(photo.sha256)
        except (NotFound, OSError) as exc:
            log.warning("photo %s of %s cannot be read again: %s", photo.sha256, lpn, exc)
            continue
        name = photo.original_name or f"photo-{number}.jpg"
        photos.append(PhotoInput(data, photo.captured_at, name))
    return SentBackView(decision, inspection, tuple(photos))
