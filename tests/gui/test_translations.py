"""The Simplified Chinese translation: the committed .ts covers every string of ui/, every
string is translated with its placeholders intact, the .qm builds from it, and the station's
words and the core's error messages come out in Chinese when it is loaded."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from qc_station.domain.errors import NotFound, QcError, ValidationError
from qc_station.services import approval, users
from qc_station.services.context import ServiceContext
from tests.builders import ADMIN, SUPERVISOR
from tests.conftest import ROOT
from ui.labels import grade_label
from ui.messages import describe
from ui.translations import ensure_compiled, install_translators, translations_dir

TS = translations_dir() / "qc_station_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{\w*\}")


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.findall("context")
        for message in context.findall("message")
        if message.find("translation").get("type") != "vanished"  # type: ignore[union-attr]
    ]


def test_every_string_is_translated_with_its_placeholders() -> None:
    untranslated, broken = [], []
    for context, source, message in messages():
        node = message.find("translation")
        assert node is not None
        if node.get("type") == "unfinished" or not node.text:
            untranslated.append((context, source))
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(node.text)):
            broken.append((context, source, node.text))
    assert untranslated == [], "run scripts/update_translations.py and translate these"
    assert broken == []


def test_the_ts_file_covers_every_string_in_the_code() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    fresh = update_translations.extract("zh_CN", update_translations.sources())
    in_code = {
        (c.findtext("name"), m.findtext("source"))
        for c in fresh.findall("context")
        for m in c.findall("message")
    }
    in_ts = {(context, source) for context, source, _ in messages()}
    assert in_code - in_ts == set(), "run scripts/update_translations.py"


def test_the_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    shutil.copy(TS, tmp_path / TS.name)
    (built,) = ensure_compiled(tmp_path)
    assert built == tmp_path / "qc_station_zh_CN.qm"
    assert built.stat().st_size > 1000
    mtime = built.stat().st_mtime_ns
    assert ensure_compiled(tmp_path) == [built]  # up to date: not built again
    assert built.stat().st_mtime_ns == mtime


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    assert translators, f"no translation loaded from {translations_dir()}"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_station_speaks_chinese_when_the_translation_is_loaded(chinese: None) -> None:
    assert QCoreApplication.translate("ScanPage", "Camera (F4)") == "摄像头（F4）"
    assert QCoreApplication.translate("Labels", "Return to vendor") == "退回供应商"
    assert grade_label.__module__ == "ui.labels"
    from qc_station.domain.enums import Grade

    assert grade_label(Grade.X) == "X · 报废"


def test_core_errors_are_shown_in_chinese(chinese: None) -> None:
    error = NotFound("unit.unknown_code", code="RMA-9")
    assert describe(error) == "未知条码 RMA-9：没有对应的退货授权或商品件。"
    bad_market = ValidationError("field.market", field="market", value="USA")
    assert describe(bad_market) == "市场必须是两位字母的国家代码，如 US、DE 或 CN。"


def test_every_context_is_one_qt_looks_up_at_run_time() -> None:
    # tr() called on a variable (``parent.tr``) is filed by lupdate under that variable's
    # name, which never matches the class Qt asks for: the string stays English.
    contexts = {context for context, _source, _message in messages()}
    assert not contexts & {"parent", "self", "widget", "page"}


def test_file_dialog_filters_are_translated(chinese: None) -> None:
    translate = QCoreApplication.translate
    assert translate("FinancePage", "CSV files (*.csv);;All files (*)").startswith("CSV 文件")
    assert translate("PolicyTab", "Policy files (*.toml);;All files (*)").startswith("政策文件")


def _refusal(ctx: ServiceContext) -> QcError:
    try:
        approval.pending_approvals(ctx, SUPERVISOR)
    except QcError as error:
        return error
    raise AssertionError("the open session kept its rights")


def test_rights_taken_away_since_sign_in_are_said_in_chinese(
    chinese: None, ctx: ServiceContext
) -> None:
    # SPEC §6: the supervisor's session is open (the Actor in memory); an admin acts meanwhile.
    users.deactivate_user(ctx, ADMIN, SUPERVISOR.username)
    assert describe(_refusal(ctx)) == "您的账户已被停用：请联系管理员。"
    users.reactivate_user(ctx, ADMIN, SUPERVISOR.username)
    users.set_role(ctx, ADMIN, SUPERVISOR.username, "inspector")
    assert describe(_refusal(ctx)) == "您的角色已变更为 质检员：请退出后重新登录。"
    users.set_role(ctx, ADMIN, SUPERVISOR.username, "supervisor")
    users.reset_password(ctx, ADMIN, SUPERVISOR.username, "a-fresh-start-1")
    assert describe(_refusal(ctx)) == "您的密码已被重置：请退出登录并设置新密码。"


def test_rights_taken_away_read_plainly_in_english(ctx: ServiceContext) -> None:
    users.deactivate_user(ctx, ADMIN, SUPERVISOR.username)
    assert describe(_refusal(ctx)) == "Your account was deactivated: ask an admin."
