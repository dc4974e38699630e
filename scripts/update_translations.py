"""Extract the interface's strings into the Qt Linguist file, keeping every translation made,
and (with ``--release``) build the ``.qm`` the app loads (SPEC §8: English and 简体中文).

    .venv/bin/python scripts/update_translations.py            # refresh the .ts files
    .venv/bin/python scripts/update_translations.py --release  # refresh, then build the .qm
    .venv/bin/python scripts/update_translations.py --release-only   # build only (setup)

Idempotent: run it again and the ``.ts`` is byte-identical unless a string changed.

How:

1. ``pyside6-lupdate`` reads every ``ui/**/*.py`` into a fresh catalogue. It knows
   ``self.tr``, ``QCoreApplication.translate`` and ``QT_TRANSLATE_NOOP``; our modules also use a
   small ``_tr(source)`` wrapper around ``QCoreApplication.translate("Context", source)``, which
   lupdate is told to read as ``tr`` (``-tr-function-alias``). lupdate cannot know those
   strings' context, so this script reads each module's wrapper and files its strings under
   the context the wrapper passes at run time.
2. Translations are taken from the committed ``.ts`` by (context, source). A string that
   moved to another context gets its old translation marked *unfinished* for review. Strings
   no longer in the code are kept as *vanished* (lupdate's "obsolete"), so no translation is
   ever lost by a rename; ``--drop-vanished`` removes them.
3. ``--release`` builds ``qc_station_<lang>.qm`` with ``lrelease`` (``ui.translations``).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from copy import deepcopy as copy_message
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qc_station.resources import source_dir  # noqa: E402 - after the path is set

#: Where the station reads its translations (the checkout's, as the project is installed
#: editable), so the .qm built here is the one it loads.
TS_DIR = source_dir() / "translations"
LANGUAGES = ("zh_CN",)
DOMAIN = "qc_station"

_WRAPPER = re.compile(
    r"def _tr\(\w+: str\) -> str:\s*\n\s*return QCoreApplication\.translate\((?P<ctx>[^,]+),"
)
_CONSTANT = r'^{name}\s*(?::\s*\w+)?\s*=\s*"(?P<value>[^"]*)"'


@dataclass
class Entry:
    translation: str
    finished: bool
    comment: str = ""


def wrapper_context(path: Path) -> str | None:
    """The context a module's ``_tr`` wrapper passes to ``QCoreApplication.translate``."""
    text = path.read_text(encoding="utf-8")
    match = _WRAPPER.search(text)
    if match is None:
        return None
    argument = match.group("ctx").strip()
    if argument[:1] in "\"'":
        return argument.strip("\"'")
    constant = re.search(_CONSTANT.format(name=re.escape(argument)), text, re.MULTILINE)
    return constant.group("value") if constant else None


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate_command() -> list[str]:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    return [str(exe) if exe.exists() else "pyside6-lupdate"]


def extract(language: str, files: list[Path]) -> ET.Element:
    """A fresh catalogue of the code's strings, each under its run-time context."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / f"fresh_{language}.ts"
        subprocess.run(
            [
                *lupdate_command(),
                "-silent",
                "-locations",
                "absolute",
                "-no-obsolete",
                "-tr-function-alias",
                "tr+=_tr",
                "-target-language",
                language,
                *[str(f) for f in files],
                "-ts",
                str(fresh),
            ],
            check=True,
            cwd=ROOT,
        )
        root = ET.parse(fresh).getroot()
        for location in root.iter("location"):
            # Written relative to the temporary file: make them relative to the real one.
            absolute = (Path(folder) / location.get("filename", "")).resolve()
            location.set("filename", os.path.relpath(absolute, TS_DIR))
    by_path = {str(f.relative_to(ROOT)): wrapper_context(f) for f in files}
    fixed: dict[str, list[ET.Element]] = {}
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            if name:
                fixed.setdefault(name, []).append(message)
                continue
            # lupdate files every ``_tr`` string under one empty context, the same source in
            # two modules as one message: each place goes to its own module's context.
            places: dict[str, list[ET.Element]] = {}
            for location in message.findall("location"):
                filename = location.get("filename", "")
                resolved = by_path.get(_relative(filename))
                if resolved is None:
                    print(f"warning: no context for {message.findtext('source')!r} in {filename}")
                    continue
                places.setdefault(resolved, []).append(location)
            for target, locations in places.items():
                copy = copy_message(message)
                for location in copy.findall("location"):
                    copy.remove(location)
                for n, location in enumerate(locations):
                    copy.insert(n, copy_message(location))
                fixed.setdefault(target, []).append(copy)
    for name, message in core_messages():
        fixed.setdefault(name, []).append(message)
    catalogue = ET.Element("TS", {"version": "2.1", "language": language})
    for name in sorted(fixed):
        context = ET.SubElement(catalogue, "context")
        ET.SubElement(context, "name").text = name
        seen: dict[str, ET.Element] = {}
        for message in fixed[name]:
            source = message.findtext("source") or ""
            if source in seen:  # the same string twice in one context: one entry, all places
                seen[source].extend(message.findall("location"))
                continue
            seen[source] = message
            context.append(message)
    return catalogue


def core_messages() -> list[tuple[str, ET.Element]]:
    """The core's words the screens translate though no ``_tr`` literal names them: every
    template of the message catalogue (context ``Messages``, ``qc_station/domain/messages``)
    and every word of the closed vocabularies (context ``Labels``,
    ``qc_station/domain/vocabulary.py``), each with its place in the source."""
    from qc_station.domain import messages, vocabulary

    found: list[tuple[str, ET.Element]] = []

    def add(context: str, source: str, module: object, key: str) -> None:
        path = Path(getattr(module, "__file__", ""))
        line = next(
            (n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if key in text),
            0,
        )
        message = ET.Element("message")
        ET.SubElement(
            message,
            "location",
            {"filename": os.path.relpath(path, TS_DIR), "line": str(line)},
        )
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", {"type": "unfinished"})
        found.append((context, message))

    for area in messages.AREAS:
        for code, template in area.TEMPLATES.items():
            add(messages.CONTEXT, template, area, f'"{code}"')
    documents = [
        *sorted((ROOT / "printing").glob("*.py")),
        *sorted((ROOT / "qc_station" / "services").glob("*documents.py")),
    ]
    for path in documents:
        for source, line in document_phrases(path):
            message = ET.Element("message")
            ET.SubElement(
                message,
                "location",
                {"filename": os.path.relpath(path, TS_DIR), "line": str(line)},
            )
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", {"type": "unfinished"})
            found.append(("Documents", message))
    for table in vocabulary.TABLES.values():
        for member, word in table.items():
            add(vocabulary.CONTEXT, word, vocabulary, f"{type(member).__name__}.{member.name}:")
    return found


def document_phrases(path: Path) -> list[tuple[str, int]]:
    """The printed documents' own phrases in ``path``: the literal of each call of their
    ``DocumentWords`` (``w("Order")``, ``self.words("Finding")``: ``printing/wording.py``) and
    the titles and phrases in its ``TITLES`` and ``PHRASES``."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        first = node.args[0]
        if (
            name in ("w", "words")
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
        ):
            found.append((first.value, node.lineno))
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        # ``TITLES = ("Inspection report", …)``: the titles the services choose, and the
        # ``PHRASES`` they hand over as data.
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id in ("TITLES", "PHRASES")
            for target in node.targets
        ):
            for item in getattr(node.value, "elts", []):
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    found.append((item.value, node.lineno))
    return found


def _relative(filename: str) -> str:
    # lupdate writes locations relative to the .ts file's folder.
    path = (TS_DIR / filename).resolve()
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return filename


def existing(path: Path) -> dict[tuple[str, str], Entry]:
    if not path.is_file():
        return {}
    entries = {}
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            node = message.find("translation")
            text = (node.text or "") if node is not None else ""
            kind = node.get("type", "") if node is not None else "unfinished"
            entries[(name, message.findtext("source") or "")] = Entry(
                text, kind not in ("unfinished",), message.findtext("translatorcomment") or ""
            )
    return entries


def merge(catalogue: ET.Element, old: dict[tuple[str, str], Entry], keep_vanished: bool) -> None:
    by_source: dict[str, Entry] = {}
    for (_, source), entry in old.items():
        if entry.translation:
            by_source.setdefault(source, entry)
    used: set[tuple[str, str]] = set()
    for context in catalogue.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            for stale in message.findall("translation") + message.findall("translatorcomment"):
                message.remove(stale)
            entry = old.get((name, source))
            finished = entry is not None and entry.finished and bool(entry.translation)
            if entry is None or not entry.translation:
                entry = by_source.get(source)
                finished = False  # moved to another context: worth a second look
            used.add((name, source))
            if entry is not None and entry.comment:
                ET.SubElement(message, "translatorcomment").text = entry.comment
            node = ET.SubElement(message, "translation")
            if entry is not None and entry.translation:
                node.text = entry.translation
            if not finished:
                node.set("type", "unfinished")
    if not keep_vanished:
        return
    contexts = {c.findtext("name") or "": c for c in catalogue.findall("context")}
    for (name, source), entry in sorted(old.items()):
        if (name, source) in used or not entry.translation:
            continue
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(catalogue, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", {"type": "vanished"}).text = entry.translation
    # Keep contexts sorted, as lupdate does, for stable diffs.
    ordered = sorted(catalogue.findall("context"), key=lambda c: c.findtext("name") or "")
    for context in ordered:
        catalogue.remove(context)
        catalogue.append(context)


def write(catalogue: ET.Element, path: Path) -> None:
    ET.indent(catalogue, space="    ")
    body = ET.tostring(catalogue, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update(drop_vanished: bool) -> None:
    files = sources()
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        path = TS_DIR / f"{DOMAIN}_{language}.ts"
        catalogue = extract(language, files)
        merge(catalogue, existing(path), keep_vanished=not drop_vanished)
        write(catalogue, path)
        messages = catalogue.findall("context/message")
        live = [m for m in messages if m.find("translation").get("type") != "vanished"]  # type: ignore[union-attr]
        todo = [m for m in live if m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
        print(
            f"{path.relative_to(ROOT)}: {len(live)} strings, {len(live) - len(todo)} translated, "
            f"{len(todo)} to do, {len(messages) - len(live)} vanished"
        )


def release() -> int:
    from ui.translations import ensure_compiled

    built = ensure_compiled(TS_DIR)
    for qm in built:
        print(qm.relative_to(ROOT))
    expected = len(list(TS_DIR.glob(f"{DOMAIN}_*.ts")))
    return 0 if len(built) == expected else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true", help="then build the .qm files")
    parser.add_argument("--release-only", action="store_true", help="only build the .qm files")
    parser.add_argument("--drop-vanished", action="store_true", help="forget unused strings")
    args = parser.parse_args(argv)
    if not args.release_only:
        update(args.drop_vanished)
    if args.release or args.release_only:
        return release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
