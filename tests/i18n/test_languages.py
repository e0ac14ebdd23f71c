"""The language table: names in their own script, direction, the fallback label, the config."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.i18n.languages import (
    LANGUAGES,
    LanguageConfigError,
    fallback_label,
    is_rtl,
    language_name_in,
    load_languages,
)


def test_names_are_written_in_their_own_script() -> None:
    names = {code: LANGUAGES[code].native_name for code in ("fr", "en", "ar", "es", "de")}
    assert names == {
        "fr": "Français",
        "en": "English",
        "ar": "العربية",
        "es": "Español",
        "de": "Deutsch",
    }


def test_arabic_reads_right_to_left_and_the_others_left_to_right() -> None:
    assert is_rtl("ar")
    assert LANGUAGES["ar"].direction == "rtl"
    assert not any(is_rtl(code) for code in ("fr", "en", "es", "de", "pseudo"))


def test_unknown_language_is_left_to_right() -> None:
    assert not is_rtl("xx")


def test_pseudo_locale_is_offered_for_layout_checks() -> None:
    assert "pseudo" in LANGUAGES


@pytest.mark.parametrize(
    ("visitor", "expected"),
    [("en", "French"), ("es", "francés"), ("de", "Französisch"), ("ar", "الفرنسية")],
)
def test_language_names_in_the_visitors_language(visitor: str, expected: str) -> None:
    assert language_name_in("fr", visitor) == expected


def test_no_label_when_the_text_is_in_the_visitors_language() -> None:
    assert fallback_label("fr", "fr") is None


@pytest.mark.parametrize(
    ("text_language", "visitor", "expected"),
    [
        ("fr", "en", "in French"),
        ("en", "fr", "en anglais"),
        ("fr", "es", "en francés"),
        ("fr", "de", "auf Französisch"),
        ("fr", "ar", "باللغة الفرنسية"),
    ],
)
def test_fallback_label_says_which_language_the_text_is_in(
    text_language: str, visitor: str, expected: str
) -> None:
    assert fallback_label(text_language, visitor) == expected


def test_adding_a_language_is_one_line_of_configuration(tmp_path: Path) -> None:
    (tmp_path / "languages.toml").write_text(
        '[languages]\nfr = { name = "Français" }\nfa = { name = "فارسی", direction = "rtl" }\n',
        "utf-8",
    )
    languages = load_languages(tmp_path)
    assert [(language.code, language.rtl) for language in languages] == [
        ("fr", False),
        ("fa", True),
    ]


def test_a_bad_line_names_the_file_and_the_language(tmp_path: Path) -> None:
    (tmp_path / "languages.toml").write_text(
        '[languages]\nit = { name = "Italiano", direction = "sideways" }\n', "utf-8"
    )
    with pytest.raises(LanguageConfigError, match=r"languages.toml: language 'it'.*direction"):
        load_languages(tmp_path)
