"""Why a row of an imported file was not imported: each problem a code of the message catalogue
with its parameters (the column, the value, the limit…), so that the screens word it in the
station's language, and the English the command line and the error file use (SPEC §7.1, §8).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qc_station.domain.errors import QcError
from qc_station.domain.messages import CATALOGUE, english


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One thing wrong with a row: a code of the message catalogue with its parameters (the
    column, the value, the limit…), which the screens word in the station's language;
    ``message`` is the English sentence (the command line, the error file)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, code: str, **params: Any) -> RowProblem:
        if code not in CATALOGUE:
            raise KeyError(f"row problem {code!r} is not in the message catalogue")
        return cls(code, params)

    @classmethod
    def from_error(cls, error: QcError) -> RowProblem:
        """The refusal of a field rule (``check_code``, ``parse_amount``…) as a row problem."""
        return cls(error.message_code, error.params)

    @property
    def message(self) -> str:
        return english(self.code, self.params)

    def as_param(self) -> dict[str, Any]:
        """This problem as a nested message parameter of another message."""
        return {"code": self.code, "params": dict(self.params)}


@dataclass(frozen=True, slots=True)
class RowError:
    """A row that was not imported: its first physical line, why (``problems``, each a code
    with its parameters; ``reason`` is their English, for the command line and the error
    file), and the row as written. Make one with ``RowError.of``."""

    line: int
    reason: str
    row: str
    problems: tuple[RowProblem, ...] = ()

    @classmethod
    def of(cls, line: int, problems: Iterable[RowProblem], row: str) -> RowError:
        found = tuple(problems)
        # Each message is a sentence; joined they read as one, without a stop before each ";".
        return cls(line, "; ".join(p.message.rstrip(".") for p in found), row, found)

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"
