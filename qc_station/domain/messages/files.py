"""Refusals about files the station writes or reads: export targets, backups, paths, evidence
packs and documents, the policy file an admin installs, imports cancelled; and about the
station's own setup and printing (SPEC §6, §7, §9)."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    # Where a finance export may be written (services/finance_files.py).
    "export.target_link": (
        "Cannot export finance to {path}: it is a symbolic link (the station does not write "
        "through links); nothing was exported."
    ),
    "export.target_folder": (
        "Cannot export finance to {path}: it is a folder (name a file in it); nothing was exported."
    ),
    "export.target_not_file": (
        "Cannot export finance to {path}: it is not a regular file; nothing was exported."
    ),
    "export.folder_missing": (
        "Cannot export finance to {path}: the folder {folder} does not exist; nothing was exported."
    ),
    "export.folder_not_folder": (
        "Cannot export finance to {path}: {folder} is not a folder; nothing was exported."
    ),
    "export.folder_not_writable": (
        "Cannot export finance to {path}: the folder {folder} is not writable; nothing was "
        "exported."
    ),
    # Documents and evidence packs.
    "document.unknown_choice": "Unknown {what} {value}; expected one of {choices}.",
    "document.choice_page_size": "page size",
    "document.choice_language": "document language",
    "document.choice_label_size": "label size",
    "document.choice_other": "choice",
    "document.cannot_render": "The document cannot be made: {detail}",
    "document.no_units_to_label": "RMA {code} has no units to label.",
    "evidence.rma_not_unit": (
        "{code} is an RMA code; an evidence pack is made per unit: give one of its LPNs ({lpns}…)."
    ),
    "evidence.not_inspected": (
        "Unit {lpn} has not been inspected: there is no evidence to pack yet."
    ),
    "evidence.photo_changed": (
        "Photo {sha256} in the store no longer matches its hash; the evidence cannot be packed."
    ),
    "evidence.video_changed": (
        "Video {sha256} in the store no longer matches its hash; the evidence cannot be packed."
    ),
    # Backups (services/maintenance.py).
    "maintenance.not_started": (
        "This station was started without database maintenance; back up the database with "
        "the tools of its server."
    ),
    "maintenance.backup_target_folder": "{path} is a folder; name the backup file to write.",
    # The policy file an admin installs (services/policy_admin.py).
    "policy_file.too_large": (
        "The policy file is too large ({size} bytes; at most {limit}); choose the right file."
    ),
    "policy_file.text_too_large": "The policy text is too large (at most {limit} bytes).",
    "policy_file.not_utf8": "The policy file is not UTF-8 ({detail}); save it as UTF-8.",
    "policy_file.active_text_missing": (
        "The active policy {policy_hash} has no stored text; activate a valid policy."
    ),
    "policy_file.active_does_not_load": (
        "The active policy {policy_hash} in the database does not load with this version of "
        "the program: {cause} Activate a valid policy."
    ),
    "policy_file.note_missing": (
        "Say why the policy changes: a note is required to activate a policy."
    ),
    "policy_file.already_active": (
        "Policy {policy_hash} is already the active policy (activated by {user} at {activated_at})."
    ),
    # Imports (services/importing.py).
    "importing.cancelled": "The import of {file} was cancelled; nothing was imported.",
    "importing.sku_not_in_catalog": (
        "SKU {sku} is not in the product catalog, which an Amazon report needs for price, "
        "currency and supplier; import the catalog first (qc-station import-catalog) and then "
        "this file again."
    ),
    "importing.sku_without_price": (
        "SKU {sku} has no unit price or currency in the product catalog; import a catalog "
        "with them first."
    ),
    "importing.sku_currency_misfit": (
        "SKU {sku} has the currency {value} in the catalog, which does not fit this return."
    ),
    "importing.market_unknown_for_currency": (
        "The market of this return cannot be told from its catalog currency {currency_code} "
        "(known for Amazon: {known})."
    ),
    "importing.rma_decided": ("RMA {rma} has already been decided; the change was not applied."),
    "importing.rma_in_inspection": (
        "RMA {rma} is already being inspected; the change was not applied."
    ),
    # The station and its printers.
    "station.name_missing": ("This station needs a name: set {key} in the configuration."),
    "print.job_gone": "Print job {job} is no longer waiting.",
    "print.no_label_printer": (
        "No label printer is set for this station; an admin chooses one under "
        "Administration → Printers, then retry."
    ),
    "print.no_report_printer": (
        "No report printer is set for this station; an admin chooses one under "
        "Administration → Printers, then retry."
    ),
    # The dashboard's period (services/stats.py).
    "stats.start_no_time_zone": "The period's start has no time zone.",
    "stats.end_no_time_zone": "The period's end has no time zone.",
    "stats.start_after_end": "The period's start must be before its end.",
}
