"""SPEC §5: the policy TOML file, validated on load with errors that name the key.

Covers the shipped default file, every kind of refusal (unknown key with a suggestion, wrong
type, out of range, missing grade or finding, unknown currency or market, checklists, not TOML,
not UTF-8) and the policy's identity, the SHA-256 of the file's bytes.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from qc_station.domain.enums import Finding, Grade
from qc_station.domain.errors import PolicyError, ValidationError
from qc_station.domain.policy import ChecklistItem, Policy, load_policy
from tests.conftest import DEFAULT_POLICY_FILE

ALL_FINDINGS = (
    "DEFECT = 2, TRANSIT_DAMAGE = 2, CUSTOMER_DAMAGE = 2, WRONG_ITEM = 2, "
    "NOT_AS_DESCRIBED = 1, MISSING_PARTS = 1, NO_FAULT = 0"
)


def _item(category: str, body: str) -> str:
    return f"[[checklists.{category}]]\n{body}\n"


# --- the shipped default ------------------------------------------------------------------


def test_default_file_has_the_spec_defaults(default_policy: Policy) -> None:
    p = default_policy
    assert p.return_window_days == 30
    assert p.return_window_by_market == {"DE": 14}
    assert p.transit_allowance_days == 7
    assert p.deduction_pct == {Grade.A: 0, Grade.B: 10, Grade.C: 30, Grade.D: 60, Grade.X: 100}
    assert p.missing_parts_deduction_pct == 25
    assert p.dispute_at_deduction_pct == 50
    assert p.approval_threshold == {
        "USD": Decimal(200),
        "EUR": Decimal(200),
        "GBP": Decimal(180),
        "CNY": Decimal(1500),
        "JPY": Decimal(30000),
    }
    assert p.required_photos == {
        Finding.DEFECT: 2,
        Finding.TRANSIT_DAMAGE: 2,
        Finding.CUSTOMER_DAMAGE: 2,
        Finding.WRONG_ITEM: 2,
        Finding.NOT_AS_DESCRIBED: 1,
        Finding.MISSING_PARTS: 1,
        Finding.NO_FAULT: 0,
    }
    assert p.min_photos_grade_C_or_worse == 1
    assert (p.refund_due_hours, p.dispute_evidence_due_hours) == (48, 48)
    assert p.carrier_claim_days == {"default": 60, "DHL": 30}
    assert (p.sku_return_rate_flag_pct, p.carrier_damage_rate_flag_pct) == (Decimal(10), Decimal(5))
    assert (p.video_max_minutes, p.video_retention_days) == (10, 180)
    assert "video_max_minutes = 10" in p.source_text  # written out, as SPEC §5 lists it


def test_default_file_agrees_with_the_built_in_defaults(default_policy: Policy) -> None:
    built_in = Policy()
    for name in (
        "return_window_days",
        "return_window_by_market",
        "transit_allowance_days",
        "deduction_pct",
        "missing_parts_deduction_pct",
        "dispute_at_deduction_pct",
        "approval_threshold",
        "required_photos",
        "min_photos_grade_C_or_worse",
        "refund_due_hours",
        "dispute_evidence_due_hours",
        "carrier_claim_days",
        "sku_return_rate_flag_pct",
        "carrier_damage_rate_flag_pct",
    ):
        assert getattr(default_policy, name) == getattr(built_in, name), name


def test_default_file_checklists(default_policy: Policy) -> None:
    assert set(default_policy.checklists) == {
        "electronics",
        "apparel",
        "footwear",
        "home",
        "beauty",
        "toys",
        "default",
    }
    electronics = default_policy.checklist_for("Electronics")
    assert [item.key for item in electronics] == [
        "powers_on",
        "screen_intact",
        "accessories_present",
        "serial_matches",
        "no_liquid_damage",
        "factory_reset",
    ]
    assert electronics[0] == ChecklistItem("powers_on", "Powers on", "能正常开机", True)
    assert electronics[-1].required is False
    # An unknown or empty category falls back to the default checklist.
    assert default_policy.checklist_for("garden") == default_policy.checklists["default"]
    assert default_policy.checklist_for("") == default_policy.checklists["default"]


def test_default_file_hash_is_the_sha256_of_its_bytes(default_policy: Policy) -> None:
    raw = DEFAULT_POLICY_FILE.read_bytes()
    assert default_policy.hash == hashlib.sha256(raw).hexdigest()
    assert default_policy.source_text == raw.decode("utf-8")


# --- identity -----------------------------------------------------------------------------


def test_hash_changes_with_any_byte_even_a_comment() -> None:
    a = load_policy(b"return_window_days = 30\n")
    b = load_policy(b"return_window_days = 30  # same rule\n")
    assert a.return_window_days == b.return_window_days
    assert a.hash == hashlib.sha256(b"return_window_days = 30\n").hexdigest()
    assert a.hash != b.hash


def test_text_is_hashed_as_its_utf8_bytes() -> None:
    text = 'policy_name = "退货政策"\n'
    assert load_policy(text).hash == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_empty_file_is_the_spec_defaults() -> None:
    policy = load_policy(b"")
    assert policy.hash == hashlib.sha256(b"").hexdigest()
    assert policy.return_window_by_market == {"DE": 14}
    assert policy.checklists == {}
    assert policy.checklist_for("electronics") == ()


def test_utf8_byte_order_mark_is_tolerated() -> None:
    raw = b"\xef\xbb\xbfreturn_window_days = 20\n"
    policy = load_policy(raw)
    assert policy.return_window_days == 20
    assert policy.hash == hashlib.sha256(raw).hexdigest()


# --- accepted forms -----------------------------------------------------------------------


def test_plain_return_window_applies_to_every_market() -> None:
    policy = load_policy("return_window_days = 20")
    assert policy.return_window_days == 20
    assert policy.return_window_by_market == {}
    assert (policy.window_days("DE"), policy.window_days("US")) == (20, 20)


def test_window_table_without_default_keeps_30() -> None:
    policy = load_policy("return_window_days = { DE = 10, GB = 21 }")
    assert (policy.window_days("de"), policy.window_days("GB"), policy.window_days("FR")) == (
        10,
        21,
        30,
    )


def test_threshold_as_float_is_exact_decimal() -> None:
    policy = load_policy("approval_threshold = { USD = 199.99, JPY = 30000 }")
    assert policy.approval_threshold == {"USD": Decimal("199.99"), "JPY": Decimal(30000)}


def test_carrier_claim_days_gets_a_default() -> None:
    policy = load_policy("carrier_claim_days = { DHL = 30 }")
    assert policy.carrier_claim_days == {"DHL": 30, "default": 60}
    assert (policy.claim_days("DHL"), policy.claim_days("UPS")) == (30, 60)


def test_descriptive_keys_are_allowed() -> None:
    load_policy('policy_name = "Spring sale"\ndescription = "Longer window for the sale"')


def test_checklist_category_is_case_insensitive() -> None:
    policy = load_policy(_item("Garden", 'key = "no_rust"\ntext = "  No rust  "'))
    assert policy.checklist_for("GARDEN") == (ChecklistItem("no_rust", "No rust", "", False),)


# --- refusals -----------------------------------------------------------------------------


def _refused(text: str | bytes) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        load_policy(text)
    assert isinstance(caught.value, ValidationError)
    return caught.value


# (id, file content, the key named, the suggestion or None)
TYPO_TABLE = [
    ("return_window_day", "return_window_day = 30", "return_window_day", "return_window_days"),
    ("deduction_pc", "deduction_pc = { A = 0 }", "deduction_pc", "deduction_pct"),
    ("refund_due_hour", "refund_due_hour = 48", "refund_due_hour", "refund_due_hours"),
    (
        "lower-case-c",
        "min_photos_grade_c_or_worse = 1",
        "min_photos_grade_c_or_worse",
        "min_photos_grade_C_or_worse",
    ),
    ("aproval_threshold", "aproval_threshold = { USD = 1 }", "aproval_threshold",
     "approval_threshold"),
    ("grade-Y", "deduction_pct = { A = 0, B = 10, C = 30, D = 60, Y = 100 }",
     "deduction_pct.Y", None),
    ("finding-DEFEKT", "required_photos = { DEFEKT = 2 }", "required_photos.DEFEKT", "DEFECT"),
    ("dashboard-key", "[dashboard]\nsku_return_rate_flag = 10", "dashboard.sku_return_rate_flag",
     "sku_return_rate_flag_pct"),
    ("checklist-item-key", _item("home", 'key = "a"\ntext = "A"\nrequird = true'),
     "checklists.home[0].requird", "required"),
    ("no-close-match", "colour = 'red'", "colour", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "key", "suggestion"), [pytest.param(*row[1:], id=row[0]) for row in TYPO_TABLE]
)
def test_unknown_key_is_refused_naming_it(text: str, key: str, suggestion: str | None) -> None:
    error = _refused(text)
    assert error.params["key"] == key
    assert str(error).startswith(f"Policy key '{key}': unknown key")
    if suggestion:
        assert f"(did you mean '{suggestion}'?)" in str(error)
    else:
        assert "did you mean" not in str(error)


# (id, file content, the key named, a piece of the message)
BAD_VALUE_TABLE = [
    # Wrong types.
    ("days-as-text", 'transit_allowance_days = "7"', "transit_allowance_days",
     "must be a whole number, not '7'"),
    ("days-as-float", "transit_allowance_days = 7.5", "transit_allowance_days",
     "must be a whole number"),
    ("hours-as-bool", "refund_due_hours = true", "refund_due_hours", "must be a whole number"),
    ("window-as-text", 'return_window_days = "30"', "return_window_days", "must be a whole number"),
    ("window-market-as-text", 'return_window_days = { default = 30, DE = "14" }',
     "return_window_days.DE", "must be a whole number"),
    ("window-default-as-float", "return_window_days = { default = 30.0 }",
     "return_window_days.default", "must be a whole number"),
    ("deduction-not-table", "deduction_pct = 10", "deduction_pct", "must be a table"),
    ("deduction-as-float", "deduction_pct = { A = 0, B = 10.5, C = 30, D = 60, X = 100 }",
     "deduction_pct.B", "must be a whole number"),
    ("threshold-as-text", 'approval_threshold = { USD = "200" }', "approval_threshold.USD",
     "must be a number"),
    ("threshold-as-bool", "approval_threshold = { USD = true }", "approval_threshold.USD",
     "must be a number"),
    ("threshold-not-table", "approval_threshold = [200]", "approval_threshold", "must be a table"),
    ("photos-as-float", f"required_photos = {{ {ALL_FINDINGS.replace('= 0', '= 0.0')} }}",
     "required_photos.NO_FAULT", "must be a whole number"),
    ("claim-days-as-text", 'carrier_claim_days = { DHL = "30" }', "carrier_claim_days.DHL",
     "must be a whole number"),
    ("dashboard-as-text", '[dashboard]\ncarrier_damage_rate_flag_pct = "5"',
     "dashboard.carrier_damage_rate_flag_pct", "must be a number"),
    ("dashboard-not-table", "dashboard = 5", "dashboard", "must be a table"),
    # Out of range.
    ("missing-parts-101", "missing_parts_deduction_pct = 101", "missing_parts_deduction_pct",
     "must be between 0 and 100, not 101"),
    ("missing-parts-negative", "missing_parts_deduction_pct = -1", "missing_parts_deduction_pct",
     "must be between 0 and 100, not -1"),
    ("dispute-at-150", "dispute_at_deduction_pct = 150", "dispute_at_deduction_pct",
     "must be between 0 and 100, not 150"),
    ("dispute-at-0", "dispute_at_deduction_pct = 0", "dispute_at_deduction_pct",
     "0 would send every customer-caused return to dispute"),
    ("deduction-X-101", "deduction_pct = { A = 0, B = 10, C = 30, D = 60, X = 101 }",
     "deduction_pct.X", "must be between 0 and 100, not 101"),
    ("deduction-B-negative", "deduction_pct = { A = 0, B = -5, C = 30, D = 60, X = 100 }",
     "deduction_pct.B", "must be between 0 and 100, not -5"),
    ("transit-negative", "transit_allowance_days = -1", "transit_allowance_days",
     "must be between 0 and 3650, not -1"),
    ("window-negative", "return_window_days = -1", "return_window_days",
     "must be between 0 and 3650"),
    ("window-market-negative", "return_window_days = { DE = -14 }", "return_window_days.DE",
     "must be between 0 and 3650"),
    ("claim-days-0", "carrier_claim_days = { default = 0 }", "carrier_claim_days.default",
     "must be between 1 and 3650, not 0"),
    ("photos-51", f"required_photos = {{ {ALL_FINDINGS.replace('= 0', '= 51')} }}",
     "required_photos.NO_FAULT", "must be between 0 and 50, not 51"),
    ("min-photos-negative", "min_photos_grade_C_or_worse = -1", "min_photos_grade_C_or_worse",
     "must be between 0 and 50"),
    # Issue 15: every number bounded (SPEC §5), so no activated policy can break a decision.
    ("refund-hours-huge", "refund_due_hours = 999999999999999", "refund_due_hours",
     "must be between 1 and 8760, not 999999999999999"),
    ("refund-hours-0", "refund_due_hours = 0", "refund_due_hours", "must be between 1 and 8760"),
    ("evidence-hours-8761", "dispute_evidence_due_hours = 8761", "dispute_evidence_due_hours",
     "must be between 1 and 8760"),
    ("refund-hours-nan", "refund_due_hours = nan", "refund_due_hours", "must be a whole number"),
    ("window-3651", "return_window_days = 3651", "return_window_days",
     "must be between 0 and 3650"),
    ("window-market-huge", "return_window_days = { DE = 99999999999 }", "return_window_days.DE",
     "must be between 0 and 3650"),
    ("transit-huge", "transit_allowance_days = 10000000", "transit_allowance_days",
     "must be between 0 and 3650"),
    ("claim-days-huge", "carrier_claim_days = { DHL = 4000 }", "carrier_claim_days.DHL",
     "must be between 1 and 3650"),
    ("claim-days-one-huge", "carrier_claim_days = 4000", "carrier_claim_days",
     "must be between 1 and 3650"),
    ("min-photos-huge", "min_photos_grade_C_or_worse = 1000000", "min_photos_grade_C_or_worse",
     "must be between 0 and 50"),
    ("threshold-nan", "approval_threshold = { USD = nan }", "approval_threshold.USD",
     "must be a finite number"),
    ("threshold-inf", "approval_threshold = { USD = inf }", "approval_threshold.USD",
     "must be a finite number"),
    ("threshold-minus-inf", "approval_threshold = { USD = -inf }", "approval_threshold.USD",
     "must be a finite number"),
    ("threshold-huge", "approval_threshold = { USD = 1e300 }", "approval_threshold.USD",
     "is too large"),
    ("threshold-over-minor-units", "approval_threshold = { USD = 10000000001 }",
     "approval_threshold.USD", "is too large"),
    ("dashboard-nan", "[dashboard]\nsku_return_rate_flag_pct = nan",
     "dashboard.sku_return_rate_flag_pct", "must be a finite number"),
    ("dashboard-inf", "[dashboard]\ncarrier_damage_rate_flag_pct = inf",
     "dashboard.carrier_damage_rate_flag_pct", "must be a finite number"),
    ("video-minutes-0", "video_max_minutes = 0", "video_max_minutes",
     "must be between 1 and 120"),
    ("video-minutes-huge", "video_max_minutes = 100000", "video_max_minutes",
     "must be between 1 and 120"),
    ("video-retention-negative", "video_retention_days = -1", "video_retention_days",
     "must be between 0 and 3650"),
    ("video-retention-float", "video_retention_days = 1.5", "video_retention_days",
     "must be a whole number"),
    ("checklist-case-twin", _item("electronics", 'key = "a"\ntext = "A"')
     + _item("Electronics", 'key = "b"\ntext = "B"'), "checklists.Electronics",
     "also written as 'electronics'"),
    ("carrier-case-twin", "carrier_claim_days = { DHL = 30, dhl = 10 }",
     "carrier_claim_days.dhl", "also written as 'DHL'"),
    ("checklist-201-items", "".join(_item("home", f'key = "k{n}"\ntext = "Q"')
     for n in range(201)), "checklists.home", "has 201 items; at most 200"),
    ("checklist-text-long", _item("toys", 'key = "a"\ntext = "' + "x" * 256 + '"'),
     "checklists.toys[0].text", "at most 255"),
    ("threshold-negative", "approval_threshold = { USD = -1 }", "approval_threshold.USD",
     "must not be negative"),
    ("dashboard-101", "[dashboard]\nsku_return_rate_flag_pct = 101",
     "dashboard.sku_return_rate_flag_pct", "must be between 0 and 100, not 101"),
    ("dashboard-negative", "[dashboard]\nsku_return_rate_flag_pct = -1",
     "dashboard.sku_return_rate_flag_pct", "must not be negative"),
    # Missing entries.
    ("grade-X-missing", "deduction_pct = { A = 0, B = 10, C = 30, D = 60 }", "deduction_pct.X",
     "missing: every grade needs a deduction"),
    ("finding-missing", f"required_photos = {{ {ALL_FINDINGS.replace(', NO_FAULT = 0', '')} }}",
     "required_photos.NO_FAULT", "missing: every finding needs a count"),
    # Unknown currency and market.
    ("currency-XYZ", "approval_threshold = { USD = 200, XYZ = 5 }", "approval_threshold.XYZ",
     "not an ISO 4217 currency code"),
    ("currency-lower-case", "approval_threshold = { usd = 200 }", "approval_threshold.usd",
     "not an ISO 4217 currency code"),
    ("market-lower-case", "return_window_days = { default = 30, de = 14 }",
     "return_window_days.de", "two-letter ISO country code in upper case"),
    ("market-three-letters", "return_window_days = { DEU = 14 }", "return_window_days.DEU",
     "two-letter ISO country code"),
    ("market-name", "return_window_days = { Germany = 14 }", "return_window_days.Germany",
     "two-letter ISO country code"),
    # Checklists.
    ("checklists-not-table", "checklists = 5", "checklists", "must be a table"),
    ("checklist-not-list", 'checklists = { home = "x" }', "checklists.home",
     "must be a list of items"),
    ("checklist-key-missing", _item("home", 'text = "A"'), "checklists.home[0].key",
     "must be a lower-case identifier"),
    ("checklist-key-spaces", _item("home", 'key = "No Breakage"\ntext = "A"'),
     "checklists.home[0].key", "must be a lower-case identifier"),
    ("checklist-key-twice", _item("home", 'key = "a"\ntext = "A"') + _item("home",
     'key = "a"\ntext = "B"'), "checklists.home[1].key", "'a' appears twice"),
    ("checklist-text-missing", _item("toys", 'key = "a"'), "checklists.toys[0].text",
     "must be the question in plain words"),
    ("checklist-text-blank", _item("toys", 'key = "a"\ntext = "  "'), "checklists.toys[0].text",
     "must be the question in plain words"),
    ("checklist-text-zh-number", _item("toys", 'key = "a"\ntext = "A"\ntext_zh = 5'),
     "checklists.toys[0].text_zh", "must be text"),
    ("checklist-required-text", _item("toys", 'key = "a"\ntext = "A"\nrequired = "yes"'),
     "checklists.toys[0].required", "must be true or false"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "key", "message"), [pytest.param(*row[1:], id=row[0]) for row in BAD_VALUE_TABLE]
)
def test_bad_value_is_refused_naming_the_key(text: str, key: str, message: str) -> None:
    error = _refused(text)
    assert error.params["key"] == key
    assert str(error).startswith(f"Policy key '{key}': ")
    assert message in str(error)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("return_window_days = ", id="no-value"),
        pytest.param("[dashboard\n", id="bad-table-header"),
        pytest.param("return_window_days = 30\nreturn_window_days = 31", id="key-twice"),
        pytest.param("just some words", id="prose"),
    ],
)
def test_not_toml_is_refused(text: str) -> None:
    error = _refused(text)
    assert str(error).startswith("The policy file is not valid TOML: ")
    assert error.params["key"] == ""


def test_not_utf8_is_refused() -> None:
    error = _refused(b'policy_name = "caf\xe9"\n')  # Latin-1 é
    assert str(error).startswith("The policy file is not UTF-8")
    assert error.params["problem"] == "encoding"


# --- issue 15: files that broke the reader itself ----------------------------------------


@pytest.mark.parametrize(
    "text",
    ["x = " + "[" * 100_000 + "]" * 100_000, "x = " + "{a = " * 50_000 + "1" + "}" * 50_000],
    ids=["deep arrays", "deep inline tables"],
)
def test_deep_nesting_is_a_policy_error_not_a_recursion_error(text: str) -> None:
    error = _refused(text)
    assert "nested too deeply" in str(error) or "not valid TOML" in str(error)


def test_huge_policy_file_is_refused_before_parsing() -> None:
    error = _refused("# " + "x" * (2 * 1024 * 1024) + "\n")
    assert "a policy is at most 1,048,576" in str(error)


def test_bounds_are_inclusive() -> None:
    policy = load_policy(
        "refund_due_hours = 8760\ndispute_evidence_due_hours = 1\nreturn_window_days = 3650\n"
        "transit_allowance_days = 0\nvideo_max_minutes = 120\nvideo_retention_days = 3650\n"
        "approval_threshold = { USD = 10000000000, JPY = 1000000000000 }\n"
    )
    assert policy.refund_due_hours == 8760
    assert policy.approval_threshold["JPY"] == Decimal(10**12)
