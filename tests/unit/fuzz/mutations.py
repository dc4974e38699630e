"""Mutating valid inputs for the fuzz tests: random byte edits of a known-good file, which
reach much deeper into a parser than random bytes (which stop at the first check)."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

#: The fuzz tests' example count: half the profile's, at least 40 (see tests/conftest.py).
FUZZ = settings(max_examples=max(40, settings.default.max_examples // 2))

_EDIT = st.tuples(
    st.sampled_from(("replace", "insert", "delete", "duplicate")),
    st.floats(0, 1, allow_nan=False),
    st.binary(min_size=1, max_size=8)
    | st.sampled_from(
        [b",", b";", b"\t", b'"', b"\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"=", b"\xff", b"-"]
    ),
)


def apply_edits(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, chunk in edits:
        at = int(where * len(out))
        if kind == "replace":
            out[at : at + len(chunk)] = chunk
        elif kind == "insert":
            out[at:at] = chunk
        elif kind == "delete":
            del out[at : at + len(chunk)]
        else:  # duplicate a stretch (a line pasted twice)
            out[at:at] = out[at : at + 40 * len(chunk)]
    return bytes(out)


def mutated(data: bytes, max_edits: int = 6) -> st.SearchStrategy[bytes]:
    """``data`` with up to ``max_edits`` random edits (and sometimes none)."""
    return st.lists(_EDIT, max_size=max_edits).map(lambda edits: apply_edits(data, edits))
