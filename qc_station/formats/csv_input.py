"""Reading the tabular files people import: decoding, delimiter sniffing, header aliases and
a row reader that knows each row's physical line number (SPEC §7.1).

Shared by the manifest and the catalog importers, so that both accept the same files and
report problems the same way.

Decisions:

- **Encoding.** UTF-8 with or without a byte-order mark, and UTF-16 with a byte-order mark
  (what Excel writes as "Unicode text"). Anything else is refused for the whole file with the
  line and byte of the first bad byte. Legacy encodings (Latin-1, Windows-1252, GBK, Shift-JIS)
  are never guessed: a wrong guess turns "Müller" or "张伟" into other valid-looking text
  without any error, and that corruption would then spread into labels and refunds.
- **Delimiter.** Comma, semicolon (Excel in most of Europe) or tab (Amazon reports, Excel's
  "Unicode text"), whichever occurs most often outside quotes on the header line.
- **Line numbers** are what a text editor shows: the header's line is counted, blank lines
  are counted, and a row whose quoted field holds a line break is reported at the line where
  it starts.
- **Malformed rows** (a stray or unclosed quote, a wrong number of columns) are errors of
  that row only. After a quoting problem the reader starts again on the next physical line,
  so that one stray quote cannot swallow the rest of the file into a single field.
- Rows that are blank or hold only delimiters (Excel leaves such rows behind after deleting
  content) are skipped silently. Extra columns beyond the header are accepted when empty
  (Excel writes trailing delimiters for formatted but empty cells).
- **Header aliases** are case-, space-, underscore-, hyphen- and punctuation-insensitive, and
  all of them live in the tables at the end of this module. Unknown extra columns are ignored.
- **The error file** (``render_errors_file``) lists the rows not imported as ``line, reason,
  row``: the row's first physical line, the reason in plain English, and the row exactly as
  written (line breaks inside quoted fields included), so the user can find it, fix it in
  the original and import again. It is made for Excel like the finance export: UTF-8 with a
  byte-order mark (without it Excel reads the local code page and garbles Chinese and
  accented names), CRLF line endings, and text cells neutralised against CSV injection with
  the finance export's own rule: the raw rows are exactly the untrusted text that could start
  with ``=``, and a leading quote makes Excel show it rather than run it.

Standard library and the domain only (an import-linter contract keeps it so).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from qc_station.domain.errors import ValidationError
from qc_station.domain.money import parse_amount

from .finance_csv import BOM, LINE_END, neutralise

# Re-exported: the importers and the import service name them from here.
from .row_errors import RowError as RowError
from .row_errors import RowProblem as RowProblem

#: The field-size limit of the ``csv`` module; named here because an error message quotes it.
FIELD_LIMIT = csv.field_size_limit()

_DELIMITERS = ("\t", ";", ",")  # in order of preference when counts tie


class FileFormatError(ValidationError):
    """The whole file cannot be read: wrong encoding, empty, or a header of no known format."""

    code = "import_file_invalid"


@dataclass(frozen=True, slots=True)
class Record:
    """One data row: its first physical line, its cells (exactly as many as the header has
    columns), and its text as written in the file (without the final line break)."""

    line: int
    cells: Sequence[str]
    raw: str


@dataclass(frozen=True, slots=True)
class Table:
    """A decoded file split into its header and its rows (rows are read lazily)."""

    header: tuple[str, ...]
    header_line: int
    delimiter: str
    rows: Iterator[Record | RowError]


# --- decoding ------------------------------------------------------------------------------


def decode(data: bytes, source_name: str) -> str:
    """The file's text, or a ``FileFormatError`` that says where it stops being UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data, len(codecs.BOM_UTF8), source_name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            # The "utf-16" codec reads the byte-order mark and drops it.
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileFormatError("import.bad_utf16", file=source_name) from None
        return _refuse_nul(text, source_name)
    return _decode_utf8(data, 0, source_name)


def _decode_utf8(data: bytes, start: int, source_name: str) -> str:
    body = data[start:]
    nul = body.find(b"\x00")
    if nul >= 0:
        # NUL bytes are valid UTF-8 but never text: a binary file, or UTF-16 without its
        # byte-order mark (whose first non-ASCII letter would otherwise be blamed instead).
        raise FileFormatError(
            "import.nul_bytes",
            file=source_name,
            byte=start + nul + 1,
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Valid up to the bad byte, by definition of the error.
        line, column = _position(body[: exc.start].decode("utf-8"))
        bad = body[exc.start]
        raise FileFormatError(
            "import.not_utf8",
            file=source_name,
            line=line,
            column=column,
            bad_byte=f"0x{bad:02X}",
            byte=start + exc.start + 1,
        ) from None
    return text


def _position(prefix: str) -> tuple[int, int]:
    """Line and column (from 1) of the character just after ``prefix``."""
    lines = split_lines(prefix)
    if not lines:
        return 1, 1
    if lines[-1].endswith(("\n", "\r")):
        return len(lines) + 1, 1
    return len(lines), len(lines[-1]) + 1


def _refuse_nul(text: str, source_name: str) -> str:
    # A NUL in text means a binary file or UTF-16 without its byte-order mark; reading it as
    # UTF-8 would "succeed" and import garbage.
    position = text.find("\x00")
    if position >= 0:
        line, _ = _position(text[:position])
        raise FileFormatError(
            "import.nul_characters",
            file=source_name,
            line=line,
        )
    return text


# --- lines and rows ------------------------------------------------------------------------


def split_lines(text: str) -> list[str]:
    """Physical lines with their endings kept; ``\\n``, ``\\r\\n`` and a lone ``\\r`` end a line,
    as in a text editor (``str.splitlines`` would also split on form feeds and U+2028)."""
    return list(io.StringIO(text, newline=""))


def _strip_eol(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith(("\n", "\r")):
        return text[:-1]
    return text


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that occurs most often outside quotes on the header line."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return best if counts[best] else ","


def _csv_problem(exc: csv.Error) -> RowProblem:
    message = str(exc)
    if "unexpected end of data" in message:
        return RowProblem.of("import.unclosed_quote")
    if "expected after" in message:
        return RowProblem.of("import.text_after_quote")
    if "field larger than field limit" in message:
        return RowProblem.of("import.field_too_long", limit=FIELD_LIMIT)
    return RowProblem.of("import.malformed_csv", detail=message)


def _blank(cells: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _rows(
    lines: Sequence[str], pos: int, delimiter: str, width: int
) -> Iterator[Record | RowError]:
    while pos < len(lines):
        # strict: a malformed quote is an error of its row rather than silently merged text.
        # ``line_num`` counts the lines the reader took, which is how each row learns its
        # first physical line and its raw text.
        reader = csv.reader(islice(lines, pos, None), delimiter=delimiter, strict=True)
        resync_at: int | None = None
        while True:
            start = pos + reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RowError.of(start + 1, [_csv_problem(exc)], _strip_eol(lines[start]))
                resync_at = start + 1
                break
            end = pos + reader.line_num
            if _blank(cells):
                continue
            if len(cells) > width and _blank(cells[width:]):
                cells = cells[:width]
            if len(cells) != width:
                if end - start > 1:
                    # A row over several lines with the wrong width is nearly always a stray
                    # quote that paired up with a quote further down: read on from the next
                    # line so the rows it swallowed are read on their own.
                    yield RowError.of(
                        start + 1,
                        [RowProblem.of("import.columns_quote", found=len(cells), width=width)],
                        _strip_eol(lines[start]),
                    )
                    resync_at = start + 1
                    break
                yield RowError.of(
                    start + 1,
                    [RowProblem.of("import.columns_count", found=len(cells), width=width)],
                    _strip_eol(lines[start]),
                )
                continue
            text = lines[start] if end - start == 1 else "".join(lines[start:end])
            yield Record(start + 1, cells, _strip_eol(text))
        if resync_at is None:
            return
        pos = resync_at


def read_table(text: str, source_name: str) -> Table:
    """Find the header (the first non-blank line), sniff the delimiter, and read the rows."""
    lines = split_lines(text)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines):
        raise FileFormatError("import.empty_file", file=source_name)
    delimiter = sniff_delimiter(lines[index])
    try:
        header = next(csv.reader([lines[index]], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise FileFormatError(
            "import.header_unreadable",
            file=source_name,
            line=index + 1,
            problem=_csv_problem(exc).as_param(),
        ) from None
    while header and not header[-1].strip():
        header.pop()  # trailing empty header cells: Excel's formatted-but-empty columns
    width = len(header)
    return Table(
        header=tuple(header),
        header_line=index + 1,
        delimiter=delimiter,
        rows=_rows(lines, index + 1, delimiter, width),
    )


# --- cells ---------------------------------------------------------------------------------

# "1,234": a thousands separator or a decimal comma? Both are common in the files we read.
_AMBIGUOUS_AMOUNT = re.compile(r"\d{1,3},\d{3}")


def parse_price(text: str, label: str, currency: str | None = None) -> Decimal:
    """A non-negative amount as ``domain.money.parse_amount`` reads it (a lone comma is the
    decimal point: ``12,5``), except that ``1,234`` is refused: read as 1.234 it would turn
    a price of one thousand into one, silently."""
    if _AMBIGUOUS_AMOUNT.fullmatch(text.strip()):
        raise ValidationError(
            "import.ambiguous_amount",
            field=label,
            value=text,
        )
    return parse_amount(text, label, currency)


# --- the error file ------------------------------------------------------------------------

ERRORS_FILE_COLUMNS = ("line", "reason", "row")


def render_errors_file(errors: Iterable[RowError]) -> bytes:
    """The error file's bytes (the header is written even with no errors)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=LINE_END)
    writer.writerow(ERRORS_FILE_COLUMNS)
    for error in errors:
        writer.writerow((str(error.line), neutralise(error.reason), neutralise(error.row)))
    return (BOM + buffer.getvalue()).encode("utf-8")


# --- header names --------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s_\-./#:()]+")


def normalise_name(name: str) -> str:
    """``"RMA Number"``, ``"rma_number"``, ``"rma-number"``, ``"RMA #"`` → ``"rma number"``."""
    return _SEPARATORS.sub(" ", name.replace("\ufeff", "").lower()).strip()


def alias_index(table: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Normalised alias → canonical column name; an alias claimed twice is a programming error."""
    index: dict[str, str] = {}
    for canonical, aliases in table.items():
        for alias in (canonical, *aliases):
            key = normalise_name(alias)
            if index.setdefault(key, canonical) != canonical:
                raise ValueError(f"header alias {alias!r} is claimed by two columns")
    return index


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Where each known column is in the header; unknown columns are not in ``index``."""

    index: Mapping[str, int]
    duplicates: tuple[tuple[str, str, str], ...]  # (canonical, first header, second header)

    def missing(self, required: Sequence[str]) -> list[str]:
        return [name for name in required if name not in self.index]


def map_columns(header: Sequence[str], table: Mapping[str, Sequence[str]]) -> ColumnMap:
    aliases = alias_index(table)
    index: dict[str, int] = {}
    duplicates: list[tuple[str, str, str]] = []
    for position, name in enumerate(header):
        canonical = aliases.get(normalise_name(name))
        if canonical is None:
            continue
        if canonical in index:
            duplicates.append((canonical, header[index[canonical]], name))
            continue
        index[canonical] = position
    return ColumnMap(index=index, duplicates=tuple(duplicates))


def refuse_duplicates(columns: ColumnMap, source_name: str) -> None:
    """Two header cells that mean the same column: which one holds the truth is unknowable."""
    if columns.duplicates:
        canonical, first, second = columns.duplicates[0]
        raise FileFormatError(
            "import.duplicate_columns",
            file=source_name,
            column=canonical,
            first=first,
            second=second,
        )
