"""The process that ``test_crash_safety`` kills: inspection saves through the real services on
a SQLite file, printing each LPN on its own line only after its save has committed.

    python tests/integration/crash_child.py DB_URL PHOTO_DIR LPN_FILE

It builds the services with ``bootstrap.build`` (no migration: the parent prepared the file),
so the engine has the station's pragmas (WAL, ``synchronous=FULL``) and the photo store is
the real one. The decision mix covers both ends of a submission: a final decision (grade A),
one that waits for approval (grade B, a partial refund) and one with two photos (a defect).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from qc_station.bootstrap import build  # noqa: E402
from qc_station.config import load_config  # noqa: E402
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role  # noqa: E402
from qc_station.services.context import Actor  # noqa: E402
from qc_station.services.inspection import (  # noqa: E402
    InspectionDraft,
    PhotoInput,
    submit_inspection,
)

CATEGORY = "home"


def _photo(number: int) -> bytes:
    # A real JPEG, different for each unit, made once per unit (cheap next to the save).
    import cv2
    import numpy as np

    image = np.full((32, 32, 3), number % 256, dtype=np.uint8)
    image[0, 0] = (number // 256 % 256, 7, 9)
    ok, encoded = cv2.imencode(".jpg", image)
    assert ok
    return bytes(encoded.tobytes())


def draft_for(index: int, lpn: str, checklist: dict[str, ChecklistAnswer]) -> InspectionDraft:
    """The decision a unit gets: which one follows from its position in the run."""
    kind = index % 5
    now = datetime.now(UTC)
    if kind == 4:
        photos = tuple(PhotoInput(_photo(index * 2 + n), now, f"p{n}.jpg") for n in range(2))
        return InspectionDraft(lpn, Grade.C, Finding.DEFECT, checklist, photos=photos)
    grade = Grade.B if kind in (1, 3) else Grade.A
    return InspectionDraft(lpn, grade, Finding.NO_FAULT, checklist)


def main() -> int:
    url, photo_dir, lpn_file = sys.argv[1:4]
    config = load_config(
        None,
        environ={},
        flags={"database_url": url, "photo_dir": photo_dir, "station_name": "ST-CRASH"},
    )
    app = build(config, migrate=False)
    actor = Actor("crash", Role.INSPECTOR, "ST-CRASH")
    items = app.ctx.policy.checklist_for(CATEGORY)
    checklist = {item.key: ChecklistAnswer.PASS for item in items}
    for line in Path(lpn_file).read_text().splitlines():
        index_text, lpn = line.split()
        submit_inspection(app.ctx, actor, draft_for(int(index_text), lpn, checklist))
        # Printed only once the commit returned: the parent holds us to every line.
        sys.stdout.write(lpn + "\n")
        sys.stdout.flush()
    app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
