"""The one place that turns the core's refusals (``QcError``) and decision reasons (``Reason``)
into text for people, in the station's language.

The core gives a code of its message catalogue (``qc_station/domain/messages``) and the
parameters; the English template of that code is the source string of the Qt catalogue
(context ``Messages``; ``scripts/update_translations.py`` extracts every template), so a
template is translated like any other string and filled *after* translating. Parameters are
worded for the screen: a vocabulary code (a finding, a resolution…) in the station's words
(context ``Labels``), a moment in the station's local time, money in its currency's digits, a
nested message (the reasons inside a reason) worded the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from qc_station.domain import vocabulary
from qc_station.domain.errors import QcError
from qc_station.domain.messages import CATALOGUE, CONTEXT, Wording, fill, placeholders
from qc_station.domain.outcome import Reason

from .local_time import local_time, localise_utc_in_text

_CONTEXT = "Messages"


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _template(code: str) -> str:
    # The catalogue's English template is the source string (extracted by the script).
    return QCoreApplication.translate(CONTEXT, CATALOGUE[code])


def _screen_wording() -> Wording:
    """The screen's wording of parameters, in the language loaded now."""
    return Wording(
        message=message_text,
        word=lambda kind, code: QCoreApplication.translate(
            vocabulary.CONTEXT, vocabulary.english(kind, code)
        ),
        moment=local_time,
        separator=_tr(", "),
        nested_separator=_tr("; "),
    )


def message_text(code: str, params: Mapping[str, Any]) -> str:
    """The catalogue's message ``code`` with ``params``, in the station's language; a code the
    catalogue does not know is shown as it is (never an exception)."""
    if code not in CATALOGUE:
        return code
    return fill(_template(code), params, _screen_wording())


def describe(error: BaseException) -> str:
    """The text to show for ``error`` (inline, next to where it happened)."""
    if isinstance(error, QcError):
        if error.message_code in CATALOGUE:
            return message_text(error.message_code, error.params)
        # A refusal not (yet) in the catalogue: its English, with times made local.
        return _capitalised(localise_utc_in_text(str(error)))
    # Not an expected error (the health check, for one): say what failed, briefly.
    return _tr("Something went wrong: {detail}").format(detail=str(error) or type(error).__name__)


def reason_text(reason: Reason) -> str:
    """A decision reason for people, from its code and parameters. A reason stored before its
    template took the parameters it has now shows the English it was stored with."""
    template = CATALOGUE.get(reason.code)
    if template is None or not placeholders(template) <= set(reason.params):
        return reason.text
    return message_text(reason.code, reason.params)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
