"""Fuzzing the policy loader, the scanner input (``normalise_code``, ``ScanBurstDetector``)
and the image loader: random and mutated input is taken or refused with our own error,
never a crash."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from typing import Any

import cv2
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from qc_station.adapters.images import prepare_photo
from qc_station.domain.errors import PolicyError, ValidationError
from qc_station.domain.policy import Policy, load_policy
from qc_station.services.returns import MAX_CODE_LENGTH, normalise_code
from tests.conftest import DEFAULT_POLICY_FILE
from ui.scanner import ScanBurstDetector

from .mutations import FUZZ, mutated

DEFAULT_POLICY = DEFAULT_POLICY_FILE.read_bytes()
KNOWN_KEYS = [
    "return_window_days", "transit_allowance_days", "deduction_pct", "missing_parts_deduction_pct",
    "dispute_at_deduction_pct", "approval_threshold", "required_photos",
    "min_photos_grade_C_or_worse", "refund_due_hours", "dispute_evidence_due_hours",
    "carrier_claim_days", "dashboard", "checklists", "policy_name", "description", "surprise",
]  # fmt: skip


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if isinstance(value, str):
        return '"' + value.encode("unicode_escape").decode().replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f'"{k}" = {_toml_value(v)}' for k, v in value.items()) + "}"


scalars = st.one_of(
    st.integers(-10, 100_000), st.floats(allow_nan=False), st.booleans(), st.text(max_size=6)
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["A", "B", "C", "X", "US", "DE", "USD", "default", "zz"]),
                      inner, max_size=4),
    max_leaves=8,
)  # fmt: skip
documents = st.dictionaries(st.sampled_from(KNOWN_KEYS), values, max_size=5).map(
    lambda doc: "\n".join(f"{k} = {_toml_value(v)}" for k, v in doc.items())
)


@FUZZ
@given(st.one_of(documents, mutated(DEFAULT_POLICY), st.binary(max_size=200)))
def test_policy_loader_takes_anything(data: str | bytes) -> None:
    try:
        policy = load_policy(data)
    except PolicyError as exc:
        assert "key" in exc.params  # noqa: PT017 - names the key ("" for the whole file)
        return
    assert isinstance(policy, Policy) and len(policy.hash) == 64
    assert all(0 <= pct <= 100 for pct in policy.deduction_pct.values())


@FUZZ
@given(st.text(max_size=100) | st.sampled_from(["ＲＭＡ－１", " RMA-1\r\n", "\u200bRMA"]))
def test_normalise_code_takes_any_text(raw: str) -> None:
    try:
        code = normalise_code(raw)
    except ValidationError as exc:
        assert exc.params.get("field") == "code"  # noqa: PT017 - refusing is fine
        return
    assert code == code.strip() and 0 < len(code) <= MAX_CODE_LENGTH
    assert not any(unicodedata.category(ch).startswith("C") for ch in code)
    assert normalise_code(code) == code  # scanning the result again gives the same code


keys = st.lists(
    st.tuples(st.one_of(st.characters(), st.just("\n")), st.integers(0, 200)), max_size=80
)


@FUZZ
@given(keys)
def test_scan_burst_detector_takes_any_key_sequence(sequence: list[tuple[str, int]]) -> None:
    detector = ScanBurstDetector()
    now = 0
    typed: list[str] = []
    for char, gap in sequence:
        now += gap
        if char == "\n":
            code = detector.feed_enter(now)
            if code is not None:
                assert len(code) >= detector.min_length
                assert "".join(typed).endswith(code)  # only keys that were typed, in order
            typed = []
        else:
            detector.feed(char, now)
            typed.append(char)
        assert detector.pending <= len(typed)


def _image(fmt: str) -> bytes:
    image = np.random.default_rng(7).integers(0, 255, (48, 64, 3), dtype=np.uint8)
    ok, encoded = cv2.imencode(fmt, image)
    assert ok
    return bytes(encoded.tobytes())


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=300),
        mutated(_image(".jpg"), max_edits=4),
        mutated(_image(".png"), max_edits=4),
    )
)
def test_image_loader_takes_any_bytes(data: bytes) -> None:
    try:
        prepared = prepare_photo(data, datetime(2026, 11, 2, tzinfo=UTC), "ST-01", "fuzz.jpg")
    except ValidationError as exc:
        assert "fuzz.jpg" in str(exc)  # noqa: PT017 - refusing is fine, naming the file
        return
    assert prepared.data.startswith(b"\xff\xd8\xff")
    assert prepared.width >= 16 and prepared.height >= 16
