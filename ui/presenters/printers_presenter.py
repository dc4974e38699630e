"""Administration → Printers (SPEC §9, §10): this station's label printer, document printer,
label size and resolution, and report page size, as read from its configuration; saving
writes them into the station's config file (``qc_station.config.save_settings``), and the
system's printers are listed to choose from.

The station's config file is the one it was started with (``Config.source``), or the default
config file when it was started without one. An environment variable still overrides the
file at the next start; the tab says which settings are overridden that way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from qc_station.config import SETTINGS, Config, default_config_file, save_settings
from qc_station.domain.errors import QcError
from qc_station.services.station_ports import StationPorts

from ..session import Session
from ..tasks import Lane
from .base import ChangeOp, Presenter, QueryOp

#: The settings this tab edits, in the order shown.
PRINTER_SETTINGS = (
    "label_printer",
    "document_printer",
    "label_size",
    "label_dpi",
    "report_page_size",
    "document_language",
)


@dataclass(frozen=True)
class PrintersState:
    values: tuple[tuple[str, str], ...] = ()  # (setting, value as text) for PRINTER_SETTINGS
    system_printers: tuple[str, ...] = ()
    config_file: str = ""
    overridden: tuple[str, ...] = ()  # settings an environment variable sets
    busy: bool = False
    message: str = ""
    error: str = ""

    def value(self, key: str) -> str:
        return dict(self.values).get(key, "")


def _tr(source: str) -> str:
    return QCoreApplication.translate("PrintersPresenter", source)


def system_printers(ports: StationPorts) -> list[str]:
    """The printers the system offers: those of the station's printer (CUPS's queues where
    its tools are installed, the queues labels are sent to; else Qt print support's)."""
    try:
        return ports.printer.printers()
    except QcError:
        pass  # the print system is not running: Qt may still know the printers
    from PySide6.QtPrintSupport import QPrinterInfo

    return sorted(QPrinterInfo.availablePrinterNames())


def config_file_of(config: Config) -> Path:
    """The file the station read its configuration from, or would have (``load_config``)."""
    if config.source:
        return Path(config.source)
    named = os.environ.get("QC_STATION_CONFIG")
    return Path(named) if named else default_config_file()


class PrintersPresenter(Presenter[PrintersState]):
    _failure_clears = ("message",)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, PrintersState(), parent)
        self._known = {s.key for s in SETTINGS}

    @property
    def editable(self) -> tuple[str, ...]:
        """The printer settings this version of the configuration knows."""
        return tuple(k for k in PRINTER_SETTINGS if k in self._known)

    def refresh(self) -> None:
        config = self.session.config
        env_of = {s.key: s.env for s in SETTINGS}
        self._set(
            values=tuple((k, str(getattr(config, k))) for k in self.editable),
            config_file=str(config_file_of(config)),
            overridden=tuple(
                k for k in self.editable if env_of.get(k) and os.environ.get(env_of[k] or "")
            ),
        )
        self.run(
            QueryOp(
                partial(system_printers, self.session.ports),
                on_success=self._on_printers,
                lane=Lane.IO,
            )
        )

    def save(self, values: dict[str, str]) -> None:
        """Check and write the settings into the station's config file."""
        unknown = set(values) - set(self.editable)
        if unknown:
            self._fail(_tr("Unknown setting: {key}").format(key=sorted(unknown)[0]))
            return
        typed: dict[str, str | int] = {}
        for key, text in values.items():
            value = text.strip()
            typed[key] = int(value) if key == "label_dpi" and value.isdigit() else value
        path = config_file_of(self.session.config)

        def write() -> dict[str, str | int]:
            save_settings(path, typed)
            return typed

        self.run(
            ChangeOp(write, on_success=self._on_saved, lane=Lane.IO, expected=(QcError, OSError))
        )

    def _on_printers(self, found: object) -> None:
        self._set(system_printers=tuple(found))  # type: ignore[call-overload]

    def _on_saved(self, saved: object) -> None:
        values = dict(saved)  # type: ignore[call-overload]
        session = self.session
        session.config = replace(session.config, **values)
        self._set(values=tuple((k, str(getattr(session.config, k))) for k in self.editable))
        self._succeed(
            _tr("Saved in {file}; this station prints with these settings now.").format(
                file=str(config_file_of(session.config))
            )
        )

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self._fail(
                _tr("Could not write the config file: {detail}").format(
                    detail=error.strerror or str(error)
                )
            )
            return
        super()._on_failed(error)
