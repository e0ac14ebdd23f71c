"""The shipped catalogues are complete, and the checker really catches what a translator misses."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kiosk.i18n.checks import catalogue_problems
from kiosk.i18n.languages import SHIPPED, shipped_codes
from tests.i18n.conftest import TRANSLATIONS, write_catalogue

ARABIC_PLURALS = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
)


def _template() -> object:
    with (TRANSLATIONS / "kiosk.pot").open("rb") as file:
        return read_po(file)


@pytest.mark.parametrize("code", shipped_codes())
def test_shipped_language_is_complete_with_matching_placeholders(code: str) -> None:
    po = TRANSLATIONS / code / "LC_MESSAGES" / "kiosk.po"
    problems = catalogue_problems(po, _template())  # type: ignore[arg-type]
    assert not problems, "\n".join(str(problem) for problem in problems)


def test_the_five_languages_are_shipped_with_french_first() -> None:
    assert shipped_codes() == ("fr", "en", "ar", "es", "de")


@pytest.mark.parametrize("code", shipped_codes())
def test_every_shipped_language_has_a_compiled_catalogue(code: str) -> None:
    assert (TRANSLATIONS / code / "LC_MESSAGES" / "kiosk.mo").stat().st_size > 0


def test_arabic_catalogue_declares_six_plural_forms() -> None:
    with (TRANSLATIONS / "ar" / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        catalog = read_po(file)
    assert catalog.num_plurals == 6
    assert "nplurals=6;" in catalog.plural_forms


def test_plural_rules_follow_the_configuration() -> None:
    for language in SHIPPED:
        with (TRANSLATIONS / language.code / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
            catalog = read_po(file)
        expected = int(str(language.plural_forms).split(";")[0].split("=")[1])
        assert catalog.num_plurals == expected, language.code


def _reasons(po: Path) -> list[str]:
    return [problem.reason for problem in catalogue_problems(po)]


def test_checker_reports_an_untranslated_entry(tmp_path: Path) -> None:
    po = write_catalogue(tmp_path, "fr", 'msgid "Start"\nmsgstr ""\n')
    assert _reasons(po) == ["untranslated"]


def test_checker_reports_a_fuzzy_entry(tmp_path: Path) -> None:
    po = write_catalogue(tmp_path, "fr", '#, fuzzy\nmsgid "Start"\nmsgstr "Démarrer"\n')
    assert _reasons(po) == ["fuzzy (needs review)"]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Hello {name}", "Bonjour {nom}"),
        ("Hello {name}", "Bonjour"),
        ("%s files copied", "fichiers copiés"),
        ("%(count)d files", "%(nombre)d fichiers"),
        ("Part %1 of %2", "Partie %1"),
        ("%s of %s", "%s"),
    ],
)
def test_checker_reports_placeholders_that_differ(
    tmp_path: Path, source: str, translation: str
) -> None:
    po = write_catalogue(tmp_path, "fr", f'msgid "{source}"\nmsgstr "{translation}"\n')
    (reason,) = _reasons(po)
    assert reason.startswith("placeholders differ")


def test_checker_accepts_moved_placeholders(tmp_path: Path) -> None:
    po = write_catalogue(
        tmp_path, "fr", 'msgid "{artist} plays {instrument}"\nmsgstr "{instrument} : {artist}"\n'
    )
    assert _reasons(po) == []


def test_a_named_placeholder_may_appear_once_instead_of_twice(tmp_path: Path) -> None:
    po = write_catalogue(
        tmp_path,
        "fr",
        'msgid "No {language} text: visitors who chose {language} see {fallback}."\n'
        'msgstr "Pas de texte en {language} : ces visiteurs voient le {fallback}."\n',
    )
    assert _reasons(po) == []


def test_checker_reports_a_missing_plural_form(tmp_path: Path) -> None:
    po = write_catalogue(
        tmp_path,
        "ar",
        'msgid "{count} artist"\nmsgid_plural "{count} artists"\n'
        + "".join(f'msgstr[{i}] "{{count}} فنان"\n' for i in range(5))
        + 'msgstr[5] ""\n',
        plural_forms=ARABIC_PLURALS,
    )
    assert _reasons(po) == ["untranslated"]


def test_arabic_one_and_two_forms_may_leave_the_number_out(tmp_path: Path) -> None:
    forms = [
        "{count} فنان",
        "فنان واحد",
        "فنانان",
        "{count} فنانين",
        "{count} فنانًا",
        "{count} فنان",
    ]
    po = write_catalogue(
        tmp_path,
        "ar",
        'msgid "{count} artist"\nmsgid_plural "{count} artists"\n'
        + "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms)),
        plural_forms=ARABIC_PLURALS,
    )
    assert _reasons(po) == []


def test_a_form_used_for_many_numbers_must_keep_the_number(tmp_path: Path) -> None:
    po = write_catalogue(
        tmp_path,
        "fr",
        'msgid "{count} artist"\nmsgid_plural "{count} artists"\n'
        'msgstr[0] "un artiste"\nmsgstr[1] "{count} artistes"\n',
    )
    # French uses form 0 for both 0 and 1: "un artiste" would say "one" for zero.
    (reason,) = _reasons(po)
    assert reason.startswith("placeholders of plural form 0")


def test_checker_reports_an_entry_missing_from_the_file(tmp_path: Path) -> None:
    po = write_catalogue(tmp_path, "fr", 'msgid "Start"\nmsgstr "Commencer"\n')
    template_po = write_catalogue(
        tmp_path / "pot", "xx", 'msgid "Start"\nmsgstr ""\n\nmsgid "Stop"\nmsgstr ""\n'
    )
    with template_po.open("rb") as file:
        template = read_po(file)
    problems = catalogue_problems(po, template)
    assert [(problem.msgid, problem.reason) for problem in problems] == [
        ("Stop", "missing from the file")
    ]
