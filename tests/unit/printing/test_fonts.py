"""Script-aware text: Latin and accented Latin in DejaVu Sans, Chinese in Droid Sans Fallback,
nothing left for an empty box."""

from __future__ import annotations

from printing.fonts import ELLIPSIS, REPLACEMENT, default_font_dir, load_fonts


def test_the_shipped_fonts_and_their_licences_are_there() -> None:
    folder = default_font_dir()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf"):
        assert (folder / name).is_file()
    assert (folder / "README.md").is_file()
    assert list(folder.glob("LICENSE*"))


def test_runs_pick_the_font_that_has_the_glyphs() -> None:
    fonts = load_fonts()
    runs = fonts.runs("Zoë Łukasiewicz 无线蓝牙耳机 Pro")
    assert runs == [
        ("Zoë Łukasiewicz ", fonts.regular),
        ("无线蓝牙耳机 ", fonts.cjk),
        ("Pro", fonts.regular),
    ]
    assert fonts.runs("Dupré", bold=True) == [("Dupré", fonts.bold)]


def test_decomposed_accents_are_composed_first() -> None:
    fonts = load_fonts()
    assert fonts.runs("Zoe\u0308") == [("Zoë", fonts.regular)]


def test_a_character_no_font_has_becomes_a_question_mark() -> None:
    fonts = load_fonts()
    # Devanagari is in neither font (DejaVu Sans has no Indic scripts).
    assert fonts.runs("ok \u0915") == [("ok " + REPLACEMENT, fonts.regular)]


def test_truncate_adds_an_ellipsis_only_when_needed() -> None:
    fonts = load_fonts()
    assert fonts.truncate("short", 10, 200) == "short"
    cut = fonts.truncate("无线蓝牙耳机" * 10, 10, 60)
    assert cut.endswith(ELLIPSIS)
    assert fonts.width(cut, 10) <= 60


def test_wrap_breaks_latin_at_spaces_and_chinese_anywhere() -> None:
    fonts = load_fonts()
    lines = fonts.wrap("Wireless Bluetooth Headphones", 12, 110, 3)
    assert lines == ["Wireless", "Bluetooth", "Headphones"]
    chinese = fonts.wrap("无线蓝牙耳机无线蓝牙耳机", 12, 50, 5)
    assert "".join(chinese) == "无线蓝牙耳机无线蓝牙耳机"
    assert all(fonts.width(line, 12) <= 50 for line in chinese)


def test_wrap_truncates_the_last_line() -> None:
    fonts = load_fonts()
    lines = fonts.wrap("one two three four five six seven eight", 12, 60, 2)
    assert len(lines) == 2
    assert lines[-1].endswith(ELLIPSIS)


def test_markup_escapes_and_marks_chinese_runs() -> None:
    fonts = load_fonts()
    markup = fonts.markup("A&B <耳机>")
    assert "&amp;" in markup
    assert "&lt;" in markup
    assert f'<font name="{fonts.cjk}">耳机</font>' in markup
