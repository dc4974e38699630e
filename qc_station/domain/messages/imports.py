"""Refusals about what the station reads: CSV files, manifests, the catalogue, batches of
decisions, and the field rules every importer shares (SPEC §5.6, §11)."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    "field.market": "The market must be a two-letter country code, such as US, DE or CN.",
    "field.sku_missing": "Enter the SKU printed on the item.",
    # The field rules (qc_station.domain.fields, qc_station.domain.money).
    "field.too_long": "{field} is {length} characters long; at most {limit} are allowed.",
    "field.bad_character": (
        "{field} '{value}' contains the control character {character}; "
        "only printable text is allowed."
    ),
    "field.not_a_count": "{field} '{value}' is not a whole number of {low} or more.",
    "field.count_out_of_range": "{field} '{value}' must be between {low} and {high}.",
    "money.not_a_number": "{field} '{value}' is not a number.",
    "money.not_plain_digits": (
        "{field} '{value}' is not a number (write plain digits 0-9 with a dot: no exponent, "
        "no '_')."
    ),
    "money.text_too_long": "{field} '{value}' is not a number (more than {limit} characters).",
    "money.negative": "{field} '{value}' is negative.",
    "money.too_large": "{field} '{value}' is too large: at most {limit}.",
    "money.too_large_in_currency": "{field} '{value}' is too large: at most {limit} {currency}.",
    "money.no_currency": "{field} {value} has no currency.",
    "money.ambiguous_separator": (
        "{field} '{value}' is ambiguous: write it with a dot as the decimal separator "
        "and no thousands separator."
    ),
    # Reading a CSV file (qc_station.formats.csv_input): the whole file.
    "import.bad_utf16": (
        "{file} starts with a UTF-16 byte-order mark but is not valid UTF-16; save the file as "
        'UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.'
    ),
    "import.nul_bytes": (
        "{file} contains NUL bytes (the first is byte {byte} of the file); it is not a text "
        "file, or it is UTF-16 without a byte-order mark. Save it as UTF-8 and import it again."
    ),
    "import.nul_characters": (
        "{file} contains NUL characters (first on line {line}); it is not a text file, or it "
        "is UTF-16 without a byte-order mark. Save it as UTF-8 and import it again."
    ),
    "import.not_utf8": (
        "{file} is not UTF-8: line {line}, column {column} has the byte {bad_byte} (byte "
        "{byte} of the file), which is not valid UTF-8. The file was probably saved in a "
        "legacy encoding (such as Windows-1252 or GBK); save it as UTF-8 (in Excel: Save As, "
        '"CSV UTF-8 (Comma delimited)") and import it again.'
    ),
    "import.empty_file": "{file} is empty: there is no header line.",
    "import.header_unreadable": "{file}: the header on line {line} cannot be read: {problem}",
    "import.duplicate_columns": (
        "{file}: the columns '{first}' and '{second}' both mean {column}; keep one of them."
    ),
    "import.not_a_catalog": (
        "{file}: the header is not a product catalog's: it lacks the column(s) {missing} "
        "(the header has: {header})."
    ),
    "import.not_a_manifest": (
        "{file}: the header is not one of a known format. Read as an RMA manifest, it lacks "
        "the column(s) {missing} (the header has: {header})."
    ),
    "import.not_an_amazon_report": (
        "{file}: the header is not one of a known format. Read as an Amazon FBA customer "
        "returns report, it lacks the column(s) {missing} (the header has: {header})."
    ),
    # Reading a CSV file: one row (joined with "; " when a row has several).
    "import.unclosed_quote": (
        "A quoted field that starts on this line is never closed (unclosed quote)."
    ),
    "import.text_after_quote": (
        "Malformed quotes: text follows the closing quote of a field (a quote inside a "
        'quoted field must be doubled: "").'
    ),
    "import.field_too_long": (
        "A field is longer than {limit} characters; a quote opened on this line is probably "
        "not closed."
    ),
    "import.malformed_csv": "Malformed CSV: {detail}",
    "import.columns_quote": (
        "{found} columns instead of {width}; a quote opened on this line is probably not closed."
    ),
    "import.columns_count": (
        "{found} columns instead of {width} (a delimiter is missing or one too many, or a "
        "field with a delimiter in it is not quoted)."
    ),
    "import.cell_empty": "{field} is empty.",
    "import.unknown_currency": "{field} '{value}' is not a known ISO 4217 currency code.",
    "import.not_a_date": "{field} '{value}' is not a date in the form YYYY-MM-DD.",
    "import.date_in_future": "{field} {value} is in the future.",
    "import.date_before": "{field} {value} is before {other_field} {other_value}.",
    "import.not_a_market": (
        "{field} '{value}' is not a 2-letter country code (such as US, DE, GB, CN)."
    ),
    "import.not_a_whole_number": "{field} '{value}' is not a whole number.",
    "import.quantity_zero": "{field} '{value}' must be at least 1.",
    "import.quantity_too_large": (
        "{field} '{value}' is more than {limit}, the most one row may hold; check that the "
        "columns are not shifted."
    ),
    "import.not_a_resolution": (
        "{field} '{value}' is neither REFUND nor EXCHANGE (also accepted: money back, replacement)."
    ),
    "import.ambiguous_amount": (
        "{field} '{value}' is ambiguous: write 1234 for a thousand and more, or 1.234 with a "
        "dot for a decimal."
    ),
    "import.rma_rows_disagree": (
        "{field} '{value}' differs from '{other_value}' on line {other_line} (all rows of RMA "
        "{rma} must agree)."
    ),
    "import.rma_has_bad_rows": (
        "Not imported: RMA {rma} has an error on line(s) {lines}; fix them and import the "
        "file again."
    ),
    "import.rma_reasons_too_long": (
        "Not imported: the reasons of RMA {rma} together are {length} characters long; an "
        "RMA's reason may have at most {limit}."
    ),
    "import.amazon_code_repeated": (
        "RMA code {rma} is already used on line {other_line}; each row of an Amazon report is "
        "one return (this row was not imported)."
    ),
    "import.sku_conflict": (
        "SKU {sku} is on lines {lines} with different values; keep one row for it."
    ),
    # Deciding a batch of cases (qc_station.formats.decide_batch).
    "decide.not_utf8": "The cases file is not UTF-8 ({detail}); save it as UTF-8.",
    "decide.empty_file": "The cases file is empty: it needs a header row.",
    "decide.unreadable_after": "The cases file cannot be read after line {line}: {detail}",
    "decide.duplicate_column": "Column '{column}' appears twice.",
    "decide.missing_columns": "The cases file lacks the column(s) {missing} (it needs {needed}).",
    "decide.too_many_cells": "The row has {cells} cells but the header has {width}.",
    "decide.not_a_choice": "{field} '{value}' is not one of {choices}.",
    "decide.not_a_photo_count": "photos '{value}' is not a whole number of photos (0 or more).",
}
