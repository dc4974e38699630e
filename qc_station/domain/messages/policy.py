"""Refusals about the return policy file: its keys, their types and their bounds (SPEC §5),
and about the decisions the policy makes."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    # The whole file (qc_station.domain.policy.load_policy).
    "policy.file_too_large": "The policy file is {size} bytes; a policy is at most {limit}.",
    "policy.file_not_utf8": "The policy file is not UTF-8 ({detail}); save it as UTF-8.",
    "policy.file_not_toml": "The policy file is not valid TOML: {detail}",
    "policy.file_too_deep": (
        "The policy file is nested too deeply to read (arrays or tables inside each other "
        "hundreds of levels deep); a policy has at most a few levels."
    ),
    "policy.unreadable": "Cannot read the policy file {path}: {detail}",
    # One key: "{key}" is its place in the file, such as deduction_pct.C.
    "policy.unknown_key": "Policy key '{key}': unknown key.",
    "policy.unknown_key_did_you_mean": (
        "Policy key '{key}': unknown key (did you mean '{suggestion}'?)."
    ),
    "policy.not_a_whole_number": "Policy key '{key}': must be a whole number, not {value}.",
    "policy.out_of_range": "Policy key '{key}': must be between {low} and {high}, not {value}.",
    "policy.too_small": "Policy key '{key}': must be at least {low}, not {value}.",
    "policy.not_a_number": "Policy key '{key}': must be a number, not {value}.",
    "policy.not_finite": "Policy key '{key}': must be a finite number, not {value}.",
    "policy.negative": "Policy key '{key}': must not be negative, not {value}.",
    "policy.too_large": "Policy key '{key}': is too large: {value}.",
    "policy.not_a_percentage": "Policy key '{key}': must be between 0 and 100, not {value}.",
    "policy.not_a_table": "Policy key '{key}': must be a table, not {value}.",
    "policy.case_twins": (
        "Policy key '{key}': also written as '{other}'; keep one of them (keys differ only in "
        "letter case)."
    ),
    "policy.bad_market": (
        "Policy key '{key}': a market must be a two-letter ISO country code in upper case."
    ),
    "policy.unknown_currency": "Policy key '{key}': not an ISO 4217 currency code.",
    "policy.grade_missing": "Policy key '{key}': missing: every grade needs a deduction.",
    "policy.finding_missing": "Policy key '{key}': missing: every finding needs a count.",
    "policy.dispute_at_zero": (
        "Policy key '{key}': 0 would send every customer-caused return to dispute."
    ),
    "policy.too_many_checklists": "Policy key '{key}': has {count} categories; at most {limit}.",
    "policy.category_name_too_long": (
        "Policy key '{key}': a category name has at most {limit} characters."
    ),
    "policy.checklist_not_a_list": (
        "Policy key '{key}': must be a list of items ([[checklists.NAME]] tables)."
    ),
    "policy.too_many_items": "Policy key '{key}': has {count} items; at most {limit}.",
    "policy.item_key_invalid": (
        "Policy key '{key}': must be a lower-case identifier such as 'powers_on'."
    ),
    "policy.item_key_twice": "Policy key '{key}': '{value}' appears twice.",
    "policy.item_text_missing": "Policy key '{key}': must be the question in plain words.",
    "policy.item_text_zh_not_text": "Policy key '{key}': must be text.",
    "policy.item_text_too_long": "Policy key '{key}': has {length} characters; at most {limit}.",
    "policy.item_required_not_bool": "Policy key '{key}': must be true or false.",
    # Deciding (qc_station.domain.decision).
    "decision.override_reason_missing": (
        "An override needs a written reason: say why the outcome differs from the policy's."
    ),
}
