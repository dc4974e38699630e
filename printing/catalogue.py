"""The project's Qt Linguist catalogue read without Qt: the printed documents take their
Chinese from the same ``resources/translations/qc_station_<lang>.ts`` the screens use, so a
word has one translation wherever it appears.

Qt loads the compiled ``.qm``; printing imports no Qt, so this reads the ``.ts`` (XML, a file
the project ships and trusts) once per language with the standard library. As ``lrelease``
does, it leaves out translations still marked *unfinished*; a *vanished* one (a string no
screen uses any more, such as a word only documents print) is still a reviewed translation,
and is kept.
"""

from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from qc_station.resources import resource

log = logging.getLogger(__name__)

DOMAIN = "qc_station"


@functools.cache
def catalogue(language: str) -> Mapping[tuple[str, str], str]:
    """``(context, English source) → translation`` for ``language`` (``zh_CN``); empty for
    English, for a language without a catalogue, or for one that cannot be read (the
    documents then print in English rather than not at all)."""
    if language in ("", "en"):
        return {}
    try:
        path = resource(f"translations/{DOMAIN}_{language}.ts")
        root = ET.parse(path).getroot()
    except (OSError, ValueError, ET.ParseError) as exc:
        log.warning("no %s catalogue for the documents: %s", language, exc)
        return {}
    entries: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or message.get("numerus") == "yes":
                continue
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                continue
            entries[(name, source)] = translation.text or ""
    return entries


def translate(language: str, context: str, source: str) -> str:
    """``source`` in ``language`` from the catalogue's ``context``, else ``source`` itself."""
    return catalogue(language).get((context, source), source)
