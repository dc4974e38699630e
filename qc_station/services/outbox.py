"""Submissions that survive a database outage (SPEC §10): "the inspection being typed is kept
locally and submitted when the connection returns. Nothing the inspector entered is lost."

``submit_or_journal`` submits as usual; when the failure is an outage (decided by the
``is_outage`` test the station passes in, see ``adapters.outage``), the draft with its photo
bytes as captured goes to the station's journal instead and the inspector may go on (the
replay stamps them, as every submission does; the stamp is the same, from the same capture
time and station). ``replay`` sends
the journal's entries through ``inspection.submit_inspection``, which is idempotent by the
draft's ``inspection_id``: a submission that reached the server just before the connection
dropped is answered with its stored decision, not stored twice. Per entry it reports:

- done: the server has it (now or already); the entry is removed;
- refused: the server answered with a reason (the unit was reopened meanwhile, a supervisor
  gave it to another station…); the entry is kept, marked with the reason (its catalogue code
  and parameters, which the screens word, and its English), for the inspector to see, and not
  tried again automatically (``include_refused`` does);
- offline: the server still cannot take it; this and every later entry stay as they are.

The replay acts for the user who submitted, at the station where they did, and only when
the entry proves it (SPEC §6): each entry carries the id of the sign-in it was written under
and an HMAC-SHA256, with that sign-in's key (held in the station's memory, never on its
disk), of its canonical content — the draft's fields, the photos' SHA-256, the user, the
station and the inspection id (``sign_ins``). An entry with no signature (written by an
older version), an unknown sign-in, a sign-in of another user or station, an entry found
at another station than its own, or content that changed since it was signed is refused
and kept aside (``Journal.set_aside``: never replayed, never deleted), logged and counted
in ``pending``. The services then check the user's current role and state as for any
action, so a user deactivated since is refused too (and the entry kept, marked).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline, Role
from qc_station.domain.errors import QcError, ValidationError
from qc_station.domain.messages import CATALOGUE

from .context import Actor, ServiceContext
from .inspection import InspectionDraft, PhotoInput, _submit_stamped, submit_inspection
from .ports import Journal, JournalEntry
from .sign_in_ports import SignIn
from .sign_ins import lookup, sign, signature_matches
from .station_ports import OutageTest, StampedPhoto
from .views import DecisionView

log = logging.getLogger(__name__)

#: How a journal entry holds its photos: as captured, stamped by the service on replay.
#: Entries without it were written when the station stamped photos itself: their photos
#: are replayed as they are, never stamped twice.
_PHOTOS_AS = "photos_as"
_AS_CAPTURED = "captured"


@dataclass(frozen=True)
class Journalled:
    """A submission kept locally; it will be sent when the server is back."""

    inspection_id: str
    lpn: str
    reason: str  # why it could not be sent now, for the log and the banner's detail


@dataclass(frozen=True)
class PendingView:
    inspection_id: str
    lpn: str
    inspector: str
    journalled_at: datetime | None
    photos: int
    refused: str  # "" while waiting; the server's reason once it refused, in English
    #: The refusal as a code of the message catalogue with its parameters, for the screens;
    #: "" for an entry refused before refusals had codes (its English is shown as it is).
    refused_code: str = ""
    refused_params: Mapping[str, Any] = field(default_factory=dict)


class ReplayStatus(StrEnum):
    DONE = "done"
    REFUSED = "refused"
    OFFLINE = "offline"
    KEPT_ASIDE = "kept_aside"  # not proven to be its user's at this station: set aside


@dataclass(frozen=True)
class ReplayItem:
    """What became of one entry. ``detail`` is in English (the log, the command line); a
    refusal (``REFUSED``, ``KEPT_ASIDE``) is also a catalogue ``message_code`` with
    ``params``, for the screens to word."""

    inspection_id: str
    lpn: str
    status: ReplayStatus
    detail: str = ""
    decision: DecisionView | None = None
    message_code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReplayReport:
    items: tuple[ReplayItem, ...]
    waiting: int  # entries still in the journal and not refused
    refused: int  # entries kept with a refusal

    def count(self, status: ReplayStatus) -> int:
        return sum(1 for item in self.items if item.status == status)


# --- the draft as JSON values --------------------------------------------------------------


def _record(actor: Actor, draft: InspectionDraft, now: datetime, reason: str) -> dict[str, Any]:
    return {
        "lpn": draft.lpn,
        "grade": draft.grade.value,
        "finding": draft.finding.value,
        "checklist": {key: answer.value for key, answer in draft.checklist.items()},
        "serial": draft.serial,
        "notes": draft.notes,
        "override": draft.override.value if draft.override else None,
        "override_reason": draft.override_reason,
        "started_at": draft.started_at.isoformat() if draft.started_at else None,
        "photos": [
            {"captured_at": p.captured_at.isoformat(), "original_name": p.original_name}
            for p in draft.photos
        ],
        _PHOTOS_AS: _AS_CAPTURED,
        "user": actor.username,
        "role": actor.role.value,
        "station": actor.station,
        "journalled_at": now.isoformat(),
        "reason": reason,
    }


def _draft(entry: JournalEntry) -> tuple[Actor, InspectionDraft]:
    actor, draft, _ = _read_entry(entry)
    return actor, draft


def _read_entry(
    entry: JournalEntry,
) -> tuple[Actor, InspectionDraft, tuple[StampedPhoto, ...] | None]:
    """The entry's actor and draft, and its photos as stamped by the station for an entry
    written before the service stamped them (None for the others)."""
    r = entry.record
    try:
        meta = r["photos"]
        if len(meta) != len(entry.photos):
            raise ValueError("photo count differs from the photos kept")
        photos = tuple(
            PhotoInput(
                data, datetime.fromisoformat(m["captured_at"]), str(m.get("original_name", ""))
            )
            for data, m in zip(entry.photos, meta, strict=True)
        )
        stamped = (
            None
            if r.get(_PHOTOS_AS) == _AS_CAPTURED
            else tuple(
                StampedPhoto(data, int(m.get("width", 0)), int(m.get("height", 0)))
                for data, m in zip(entry.photos, meta, strict=True)
            )
        )
        draft = InspectionDraft(
            lpn=str(r["lpn"]),
            grade=Grade(r["grade"]),
            finding=Finding(r["finding"]),
            checklist={str(k): ChecklistAnswer(v) for k, v in dict(r["checklist"]).items()},
            serial=str(r.get("serial", "")),
            notes=str(r.get("notes", "")),
            photos=photos,
            override=Headline(r["override"]) if r.get("override") else None,
            override_reason=str(r.get("override_reason", "")),
            started_at=datetime.fromisoformat(r["started_at"]) if r.get("started_at") else None,
            inspection_id=entry.id,
        )
        actor = Actor(str(r["user"]), Role(r["role"]), str(r["station"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            "journal.unreadable", inspection_id=entry.id, detail=str(exc) or type(exc).__name__
        ) from None
    return actor, draft, stamped


# --- binding an entry to its sign-in (SPEC §6) -----------------------------------------------

_SIGNATURE = "signature"


def _signed_content(entry_id: str, record: dict[str, Any], photos: tuple[bytes, ...]) -> Any:
    """What the signature covers: every field but the signature itself, the photos' SHA-256
    in order, and the inspection id (the journal's folder name)."""
    return {
        "inspection_id": entry_id,
        "record": {k: v for k, v in record.items() if k != _SIGNATURE},
        "photos_sha256": [hashlib.sha256(p).hexdigest() for p in photos],
    }


class EntryNotBound(QcError):
    """A journal entry that does not prove it was written by its user at this station."""

    code = "journal_entry_refused"


def _bound_actor(ctx: ServiceContext, entry: JournalEntry, station: str) -> Actor:
    """The actor an entry replays as, once its sign-in and signature are checked."""
    r = entry.record
    sign_in_id, signature = r.get("sign_in"), r.get(_SIGNATURE)
    if not isinstance(sign_in_id, str) or not sign_in_id or not isinstance(signature, str):
        raise EntryNotBound(
            "journal.unsigned",
            inspection_id=entry.id,
            why="unsigned",
        )
    found = lookup(ctx, sign_in_id)
    if found is None:
        raise EntryNotBound(
            "journal.unknown_sign_in",
            inspection_id=entry.id,
            why="unknown_sign_in",
        )
    if found.username != r.get("user") or found.station != r.get("station"):
        raise EntryNotBound(
            "journal.other_user",
            inspection_id=entry.id,
            user=str(r.get("user")),
            station=str(r.get("station")),
            signed_user=found.username,
            signed_station=found.station,
            why="other_user",
        )
    if found.station != station:
        raise EntryNotBound(
            "journal.other_station",
            inspection_id=entry.id,
            written_at=found.station,
            station=station,
            why="other_station",
        )
    if not signature_matches(found.key, _signed_content(entry.id, r, entry.photos), signature):
        raise EntryNotBound(
            "journal.edited",
            inspection_id=entry.id,
            why="edited",
        )
    actor, _ = _draft(entry)
    return Actor(found.username, actor.role, found.station)


# --- use cases -----------------------------------------------------------------------------


def journal_draft(
    ctx: ServiceContext,
    journal: Journal,
    actor: Actor,
    draft: InspectionDraft,
    reason: str,
    sign_in: SignIn | None = None,
) -> Journalled:
    """Keep ``draft`` (with its photo bytes) in the journal until ``replay`` sends it, signed
    with ``sign_in``'s key. Without a sign-in of this actor at this station the entry is kept
    all the same (nothing is lost) but unsigned: the replay sets it aside for a person."""
    record = _record(actor, draft, ctx.clock.now(), reason)
    photos = tuple(p.data for p in draft.photos)
    if sign_in is not None and (sign_in.username, sign_in.station) == (
        actor.username,
        actor.station,
    ):
        record["sign_in"] = sign_in.id
        record[_SIGNATURE] = sign(sign_in.key, _signed_content(draft.inspection_id, record, photos))
    else:
        log.error("inspection %s journalled without a sign-in: it will not replay", draft.lpn)
    entry = JournalEntry(draft.inspection_id, record, photos)
    journal.put(entry)
    log.warning("inspection %s of %s kept in the local journal: %s", entry.id, draft.lpn, reason)
    return Journalled(draft.inspection_id, draft.lpn, reason)


def submit_or_journal(
    ctx: ServiceContext,
    actor: Actor,
    draft: InspectionDraft,
    journal: Journal,
    is_outage: OutageTest,
    sign_in: SignIn | None = None,
) -> DecisionView | Journalled:
    """Submit ``draft``; during an outage keep it in the journal instead (nothing is lost),
    signed with the session's ``sign_in``."""
    try:
        return submit_inspection(ctx, actor, draft)
    except Exception as exc:
        if not is_outage(exc):
            raise
        return journal_draft(ctx, journal, actor, draft, _short(exc), sign_in)


def replay(
    ctx: ServiceContext,
    journal: Journal,
    is_outage: OutageTest,
    *,
    station: str,
    include_refused: bool = False,
) -> ReplayReport:
    """Send what the journal of ``station`` holds, oldest first, each entry as the user it
    is bound to; stop at the first sign of the outage."""
    items: list[ReplayItem] = []
    offline = False
    for entry in journal.entries():
        lpn = str(entry.record.get("lpn", ""))
        if entry.refused and not include_refused:
            continue
        if offline:
            items.append(ReplayItem(entry.id, lpn, ReplayStatus.OFFLINE, "not tried"))
            continue
        try:
            _, draft, stamped = _read_entry(entry)
            actor = _bound_actor(ctx, entry, station)
            if stamped is None:
                decision = submit_inspection(ctx, actor, draft)
            else:
                decision = _submit_stamped(ctx, actor, draft, stamped)
        except EntryNotBound as exc:
            code, params = _refusal(exc)
            journal.set_aside(entry.id, str(exc), code, params)
            log.error("%s", exc)
            items.append(
                ReplayItem(
                    entry.id,
                    lpn,
                    ReplayStatus.KEPT_ASIDE,
                    str(exc),
                    message_code=code,
                    params=params,
                )
            )
            continue
        except Exception as exc:
            if is_outage(exc):
                offline = True
                items.append(ReplayItem(entry.id, lpn, ReplayStatus.OFFLINE, _short(exc)))
                continue
            if not isinstance(exc, QcError):
                # A bug: keep the entry (refused, so the queue moves on) and log it fully.
                log.exception("replaying journal entry %s failed unexpectedly", entry.id)
            reason = str(exc) or type(exc).__name__
            code, params = _refusal(exc)
            journal.mark_refused(entry.id, reason, code, params)
            items.append(
                ReplayItem(
                    entry.id, lpn, ReplayStatus.REFUSED, reason, message_code=code, params=params
                )
            )
            continue
        journal.remove(entry.id)
        log.info("journal entry %s of %s sent", entry.id, lpn)
        items.append(ReplayItem(entry.id, lpn, ReplayStatus.DONE, decision=decision))
    left = journal.entries()
    return ReplayReport(
        tuple(items),
        sum(1 for e in left if not e.refused),
        sum(1 for e in left if e.refused),
    )


def pending(journal: Journal) -> list[PendingView]:
    """What the journal holds, oldest first (for the banner and the inspector), then the
    entries it kept aside as not bound to their user (refused for good, SPEC §6)."""
    views = []
    for entry in (*journal.entries(), *journal.kept_aside()):
        r = entry.record
        at = r.get("journalled_at")
        views.append(
            PendingView(
                entry.id,
                str(r.get("lpn", "")),
                str(r.get("user", "")),
                datetime.fromisoformat(at) if isinstance(at, str) else None,
                len(entry.photos),
                entry.refused,
                entry.refused_code,
                dict(entry.refused_params),
            )
        )
    return views


class InspectionKept(QcError):
    """The unit's inspection is in this station's journal, waiting for the database: it is
    not to be inspected again (the replay would find the unit decided by the second one and
    the kept inspection refused)."""

    code = "inspection_kept"


def require_not_kept(journal: Journal, lpn: str) -> None:
    """Refuse to open ``lpn`` for inspection while an inspection of it waits in the journal
    (one the server refused does not count: the inspector redoes that one)."""
    for view in pending(journal):
        if view.lpn == lpn and not view.refused:
            raise InspectionKept("inspection.kept_for_outage", lpn=lpn)


def discard(journal: Journal, inspection_id: str) -> None:
    """Drop a refused entry the inspector has dealt with (e.g. inspected the unit again).
    Only refused entries may go: a waiting one would be a lost inspection."""
    for entry in journal.entries():
        if entry.id == inspection_id:
            if not entry.refused:
                raise ValidationError(
                    "journal.discard_waiting",
                    inspection_id=inspection_id,
                )
            journal.remove(inspection_id)
            log.warning("refused journal entry %s discarded", inspection_id)
            return


def _refusal(exc: BaseException) -> tuple[str, dict[str, Any]]:
    """A refusal's catalogue code and parameters, to be kept with the entry; none for an
    error that is not a refusal of the catalogue (a bug: its English is all there is)."""
    if isinstance(exc, QcError) and exc.message_code in CATALOGUE:
        return exc.message_code, dict(exc.params)
    return "", {}


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
