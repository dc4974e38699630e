"""Free text typed into the services (notes, override reasons, comments, reasons for a
reopen or a release) follows the one text rule of ``domain/fields.py`` (SPEC §7.1): at most
2,000 characters, no control characters but tabs and line breaks. Refused before anything
is read or written, whichever screen or command it came from."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qc_station.domain.enums import Finding, Grade
from qc_station.domain.errors import ValidationError
from qc_station.services import approval, stations
from qc_station.services.context import ServiceContext
from qc_station.services.inspection import InspectionDraft, submit_inspection
from tests.builders import INSPECTOR, SUPERVISOR
from tests.fakes import FakeStore

TOO_LONG = "x" * 2001
CONTROL = "looks fine\x1b[2Jbut is not"


def _calls(text: str) -> dict[str, Callable[[ServiceContext], object]]:
    return {
        "notes": lambda ctx: submit_inspection(
            ctx, INSPECTOR, InspectionDraft("RMA-1-1", Grade.A, Finding.NO_FAULT, {}, notes=text)
        ),
        "override reason": lambda ctx: submit_inspection(
            ctx,
            INSPECTOR,
            InspectionDraft("RMA-1-1", Grade.A, Finding.NO_FAULT, {}, override_reason=text),
        ),
        "approve comment": lambda ctx: approval.approve(ctx, SUPERVISOR, "RMA-1-1", text),
        "reject comment": lambda ctx: approval.reject(ctx, SUPERVISOR, "RMA-1-1", text),
        "reopen reason": lambda ctx: approval.reopen(ctx, SUPERVISOR, "RMA-1-1", text),
        "release reason": lambda ctx: stations.release_stale_claim(
            ctx, SUPERVISOR, "RMA-1-1", text
        ),
    }


@pytest.mark.parametrize("text", [TOO_LONG, CONTROL], ids=["2001 characters", "escape"])
@pytest.mark.parametrize("what", list(_calls("")))
def test_bad_free_text_is_refused_before_anything_is_touched(
    ctx: ServiceContext, store: FakeStore, what: str, text: str
) -> None:
    commits = store.commits
    with pytest.raises(ValidationError) as refused:
        _calls(text)[what](ctx)
    assert refused.value.params["field"] in {"notes", "override reason", "comment", "reason"}
    assert store.commits == commits


def test_two_thousand_characters_with_line_breaks_are_fine() -> None:
    from qc_station.domain.fields import check_text

    text = ("a line\twith a tab\r\n" * 200)[:2000]
    assert check_text(text, "notes") == text
