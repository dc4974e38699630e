"""The message catalogue (SPEC §8): every refusal the core raises and every reason it gives is
a code of the catalogue with the parameters its template needs, and every template is used.

Read from the source, so that a new ``raise ValidationError("some English")`` fails here, not
on a Chinese screen."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from qc_station.domain.errors import QcError, ValidationError
from qc_station.domain.messages import CATALOGUE, english, placeholders, vocabulary_of
from qc_station.domain.outcome import Reason
from tests.conftest import ROOT

#: Where the core raises its expected errors and makes its reasons.
CORE = [ROOT / "qc_station", ROOT / "printing"]

#: Expected errors whose class may not be imported when the test collects.
ERROR_CLASSES = {
    "NotPlainCase",
    "FileFormatError",
    # The services' own refusals (their modules are not all loaded by the bootstrap).
    "ExportTargetRefused",
    "ExportCancelled",
    "ExportMismatch",
    "ImportCancelled",
    "EntryNotBound",
    "InspectionKept",
    # The command line's (qc_station.cli is not loaded by the bootstrap either).
    "UsageError",
}


def _all_error_classes() -> set[str]:
    found: set[str] = set()
    todo: list[type] = [QcError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def _sources() -> Iterator[Path]:
    for folder in CORE:
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _calls(names: set[str]) -> Iterator[tuple[Path, ast.Call, str]]:
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in names:
                yield path, node, name


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"


def test_every_raised_error_is_a_catalogue_code_with_its_parameters() -> None:
    import qc_station.bootstrap  # noqa: F401  (load every error class of the core)

    problems = []
    for path, call, _name in _calls(_all_error_classes() | ERROR_CLASSES):
        if not call.args:
            continue  # a re-raise or an error built from another: checked where it starts
        first = call.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            problems.append(f"{_where(path, call)}: the message is not a literal code")
            continue
        code = first.value
        if code not in CATALOGUE:
            problems.append(f"{_where(path, call)}: {code!r} is not in the catalogue")
            continue
        given = {k.arg for k in call.keywords if k.arg}
        spread = any(k.arg is None for k in call.keywords)  # **params: cannot be read here
        missing = placeholders(CATALOGUE[code]) - given
        if missing and not spread:
            problems.append(f"{_where(path, call)}: {code!r} needs {sorted(missing)}")
    assert problems == []


def test_every_reason_is_a_catalogue_code_with_its_parameters() -> None:
    problems = []
    for path, call, _name in _calls({"of"}):
        func = call.func
        if not (isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "Reason"):
            continue
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            if isinstance(first, ast.IfExp):
                codes = [n.value for n in (first.body, first.orelse) if isinstance(n, ast.Constant)]
            else:
                problems.append(f"{_where(path, call)}: the reason is not a literal code")
                continue
        else:
            codes = [first.value]
        given = {k.arg for k in call.keywords if k.arg}
        for code in codes:
            missing = placeholders(CATALOGUE.get(code, "")) - given
            if code not in CATALOGUE or missing:
                problems.append(f"{_where(path, call)}: {code!r} missing {sorted(missing)}")
    for path, call, _ in _calls({"Reason"}):
        if path.parent.name == "sql":  # read back as stored with its decision
            continue
        problems.append(f"{_where(path, call)}: make reasons with Reason.of(code, **params)")
    assert problems == []


def test_every_template_is_used_somewhere() -> None:
    ui = ROOT / "ui"
    # A code counts as used when a literal of it appears outside the catalogue's own modules.
    outside = set()
    for path in [*_sources(), *ui.rglob("*.py")]:
        if "messages" in path.parts and path.parent.name == "messages":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                outside.add(node.value)
    unused = sorted(code for code in CATALOGUE if code not in outside)
    assert unused == [], "remove these templates or use them"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_template_fills(code: str) -> None:
    params = {name: _sample(name) for name in placeholders(CATALOGUE[code])}
    text = english(code, params)
    assert "{" not in text and text.strip()


def _sample(name: str) -> object:
    kind = vocabulary_of(name)
    if kind is not None:
        return next(iter(kind)).value
    if name in {"amount", "threshold", "limit", "value"}:
        return Decimal("12.50")
    return "x"


def test_an_error_reads_in_english_from_its_code() -> None:
    error = ValidationError("money.unknown_currency", value="XYZ")
    assert str(error) == "Unknown currency XYZ: use a three-letter code such as USD, EUR or CNY."
    assert error.message_code == "money.unknown_currency"
    assert error.params == {"value": "XYZ"}


def test_vocabulary_parameters_are_worded_and_nested_messages_read_whole() -> None:
    reason = Reason.of("approval_resolution", resolution="PARTIAL_REFUND")
    assert reason.text == "Needs approval: Partial refund needs a supervisor"
    nested = Reason.of(
        "not_plain_reasons",
        codes=["approval_resolution"],
        reasons=[{"code": reason.code, "params": reason.params}],
    )
    assert nested.text == "Not a plain case: Needs approval: Partial refund needs a supervisor"


def test_an_unknown_reason_code_is_refused_where_it_is_made() -> None:
    with pytest.raises(KeyError):
        Reason.of("no_such_reason")
