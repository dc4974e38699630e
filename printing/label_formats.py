"""The label formats (SPEC §9): every size a disposition label is printed in, declared once.

Each ``LabelFormat`` describes itself, as Picard's options do: its key (what the
configuration, the ``label --size`` option and the print queue store), its English title,
its page in points and the painter that draws one label on it. Everything that offers,
validates or prints a label size reads ``LABEL_FORMATS``: ``printing.labels`` to render,
``qc_station.config`` and ``services.documents`` to validate, the command line for its
``--size`` choices, the printer settings in the interface for its list (which words the
titles in the user's language, by key). A size that is not here is refused everywhere with
``UnknownLabelFormat``; it is never printed as another one.

Light on purpose (no reportlab): the configuration and the command line read it at start-up.
A new size is a painter method on ``printing.labels._Painter`` (declared on ``LabelPainter``)
and one entry below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

from .data import LabelData

_POINTS_PER_INCH = 72


class LabelPainter(Protocol):
    """What ``printing.labels`` hands a format's ``paint``: one page of the right size."""

    def label_4x6(self, data: LabelData) -> None: ...

    def label_2x1(self, data: LabelData) -> None: ...


class UnknownLabelFormat(ValueError):
    """A label size that no format describes (a typo in the configuration, an old setting)."""

    def __init__(self, key: object) -> None:
        self.key = key
        super().__init__(f"unknown label size {key!r}; expected {' or '.join(LABEL_FORMATS)}")


@dataclass(frozen=True)
class LabelFormat:
    key: str
    """What settings store and commands take: ``4x6`` (width × height in inches)."""
    title: str
    """English, for the command line and logs; the interface words it by ``key``."""
    width_pt: float
    height_pt: float
    paint: Callable[[LabelPainter, LabelData], None]
    """Draws one label on a page of this size."""

    @property
    def page_size(self) -> tuple[float, float]:
        return (self.width_pt, self.height_pt)

    @property
    def media(self) -> str:
        """The paper as the print system (CUPS, IPP) names a custom size: ``Custom.4x6in``."""
        width = self.width_pt / _POINTS_PER_INCH
        height = self.height_pt / _POINTS_PER_INCH
        return f"Custom.{width:g}x{height:g}in"


def _inches(width: float, height: float) -> tuple[float, float]:
    return (width * _POINTS_PER_INCH, height * _POINTS_PER_INCH)


def _paint_4x6(painter: LabelPainter, data: LabelData) -> None:
    painter.label_4x6(data)


def _paint_2x1(painter: LabelPainter, data: LabelData) -> None:
    painter.label_2x1(data)


#: Every label format by key, in the order they are offered; the first is the default.
LABEL_FORMATS: Mapping[str, LabelFormat] = MappingProxyType(
    {
        f.key: f
        for f in (
            LabelFormat("4x6", "4 × 6 in", *_inches(4, 6), paint=_paint_4x6),
            LabelFormat("2x1", "2 × 1 in", *_inches(2, 1), paint=_paint_2x1),
        )
    }
)

DEFAULT_LABEL_FORMAT = next(iter(LABEL_FORMATS))


def label_format(key: object) -> LabelFormat:
    """The format called ``key``; ``UnknownLabelFormat`` (a ``ValueError``) for any other."""
    found = LABEL_FORMATS.get(key) if isinstance(key, str) else None
    if found is None:
        raise UnknownLabelFormat(key)
    return found
