"""The pseudo locale (issue 16): every catalogued string comes out marked, ``⟦…⟧``, so a walk
through the screens shows at a glance, and a test proves, which words on screen bypass the
translation catalogue.

``QC_STATION_LANGUAGE=pseudo`` selects it (a developer's setting: the Settings dialog offers
only the real languages). The translator marks every source string of every context,
Qt's own included (the standard buttons' "OK", "Cancel" come through ``QPlatformTheme``), and
leaves the placeholders outside the marks: ``str.format`` still fills ``{lpn}``, Qt still
fills ``%n``, and a value formatted into a sentence shows unmarked unless it was translated
itself.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTranslator

LANGUAGE = "pseudo"
OPEN = "⟦"
CLOSE = "⟧"

# One marked span with nothing marked inside it: removed innermost first (a marked text given
# to a sentence that was then marked again, as a whole, nests).
_INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")

# What code fills in after translation: ``{named}`` (str.format) and Qt's ``%n``, ``%1``.
_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%n|%L?\d)")


def mark(source: str) -> str:
    """Each run of words between placeholders marked, the placeholders left outside: what
    code formats into a sentence stays unmarked, so a value that is itself untranslated
    English ("Label {code}" as a title) still shows."""
    pieces = _PLACEHOLDER.split(source)
    return "".join(
        piece if _PLACEHOLDER.fullmatch(piece) or not piece.strip() else f"{OPEN}{piece}{CLOSE}"
        for piece in pieces
    )


def unmarked(text: str) -> str:
    """``text`` without its marked spans (nested ones too): what bypassed the catalogue."""
    while True:
        stripped = _INNERMOST.sub(" ", text)
        if stripped == text:
            return stripped
        text = stripped


class PseudoTranslator(QTranslator):
    """Marks every source string; never empty, so Qt consults it for every context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if not source_text:
            return source_text
        return mark(source_text)

    def isEmpty(self) -> bool:  # noqa: N802  # Qt's name
        return False

    def language(self) -> str:
        return LANGUAGE
