"""`make translations` (``python -m kiosk.i18n.tools update``): extraction, merge, idempotence."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kiosk.i18n.qml_extract import extract_qml
from kiosk.i18n.tools import extract_messages, update
from tests.i18n.conftest import REPO, TRANSLATIONS


def _copy_tree(destination: Path) -> Path:
    """The project's code, QML and catalogues, copied so the tool can write freely."""
    shutil.copytree(
        REPO / "kiosk",
        destination / "kiosk",
        ignore=lambda folder, names: [
            name for name in names if name == "__pycache__" or name.endswith((".pyc", ".so"))
        ],
    )
    shutil.copytree(TRANSLATIONS, destination / "translations")
    return destination


def _snapshot(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((root / "translations").rglob("*"))
        if path.is_file()
    }


def _run_tool(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.i18n.tools", "--root", str(root), "update"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _keys(catalog: object) -> set[tuple[str, str | None]]:
    keys = set()
    for message in catalog:  # type: ignore[attr-defined]
        if message.id:
            msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
            keys.add((msgid, message.context))
    return keys


def test_update_twice_in_a_row_changes_nothing_the_second_time(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path)
    _run_tool(root)
    first = _snapshot(root)
    second_run = _run_tool(root)
    assert _snapshot(root) == first
    assert "catalogues already up to date" in second_run.stderr


def test_every_string_of_the_code_and_qml_is_in_the_template() -> None:
    with (TRANSLATIONS / "kiosk.pot").open("rb") as file:
        committed = _keys(read_po(file))
    extracted = _keys(extract_messages(REPO))
    missing, stale = extracted - committed, committed - extracted
    assert not missing and not stale, (
        f"run `make translations`: missing from kiosk.pot {sorted(missing)}, "
        f"no longer in the code {sorted(stale)}"
    )


def test_template_covers_python_and_qml_sources() -> None:
    with (TRANSLATIONS / "kiosk.pot").open("rb") as file:
        template = read_po(file)
    files = {location for message in template for location, _line in message.locations}
    assert any(name.endswith(".qml") for name in files)
    assert any(name.endswith(".py") for name in files)


def test_a_new_string_reaches_every_catalogue(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path)
    update(root)
    pot_before = (root / "translations" / "kiosk.pot").read_text("utf-8")
    (root / "kiosk" / "new_part.py").write_text(
        "from kiosk.i18n.catalog import gettext_for\n"
        "_ = gettext_for('fr').gettext\n"
        "MESSAGE = _('A brand new sentence for {visitor}')\n"
        "COUNT = gettext_for('fr').ngettext('{n} new song', '{n} new songs', 3)\n",
        "utf-8",
    )
    changed = update(root)
    assert root / "translations" / "kiosk.pot" in changed
    assert (root / "translations" / "kiosk.pot").read_text("utf-8") != pot_before
    for code in ("fr", "ar", "es", "de"):
        with (root / "translations" / code / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
            catalog = read_po(file)
        assert catalog["A brand new sentence for {visitor}"].string == ""
        assert catalog["{n} new song"].string == ("",) * catalog.num_plurals
    with (root / "translations" / "en" / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        english = read_po(file)
    assert (
        english["A brand new sentence for {visitor}"].string == "A brand new sentence for {visitor}"
    )
    assert english["{n} new song"].string == ("{n} new song", "{n} new songs")


def test_python_keywords_are_extracted(tmp_path: Path) -> None:
    (tmp_path / "kiosk").mkdir()
    (tmp_path / "kiosk" / "part.py").write_text(
        "def N_(text): return text\n"
        "a = _('underscore')\n"
        "b = gettext('gettext call')\n"
        "c = ngettext('{n} story', '{n} stories', 2)\n"
        "d = N_('marked for later')\n"
        "# TRANSLATORS: the staff button that publishes a version\n"
        "e = _('Publish')\n"
        "f = print('not translatable')\n",
        "utf-8",
    )
    catalog = extract_messages(tmp_path)
    assert _keys(catalog) == {
        ("underscore", None),
        ("gettext call", None),
        ("{n} story", None),
        ("marked for later", None),
        ("Publish", None),
    }
    assert catalog["Publish"].auto_comments == ["the staff button that publishes a version"]


def _qml(source: str) -> list[tuple[int, str, object, list[str]]]:
    return list(extract_qml(io.BytesIO(source.encode()), {}, ["TRANSLATORS:"], {}))


def test_qml_qstr_becomes_a_plain_message() -> None:
    assert _qml('Text { text: qsTr("Start") }') == [(1, "gettext", "Start", [])]


def test_qml_qstr_with_a_count_becomes_a_plural() -> None:
    found = _qml('Text { text: qsTr("%n artists", "", model.count) }')
    assert found == [(1, "ngettext", ("%n artists", "%n artists"), [])]


def test_qml_disambiguation_becomes_the_message_context() -> None:
    found = _qml('Text { text: qsTr("Play", "verb on the story page") }')
    assert found == [(1, "pgettext", ("verb on the story page", "Play"), [])]


def test_qml_qstranslate_and_noop_markers_are_found() -> None:
    found = _qml(
        'Item {\n property var a: qsTranslate("Ctx", "Programme")\n'
        ' property var b: QT_TR_NOOP("Morning")\n'
        ' property var c: QT_TRANSLATE_NOOP("Ctx", "Evening") }'
    )
    assert [entry[2] for entry in found] == ["Programme", "Morning", "Evening"]


def test_qml_concatenated_literals_and_translator_comments() -> None:
    found = _qml('Item {\n //: the big start button\n property var a: qsTr("Touch " + "here") }')
    assert found == [(3, "gettext", "Touch here", ["the big start button"])]


def test_qml_variables_are_not_taken_for_messages() -> None:
    assert _qml("Text { text: qsTr(modelData.label) }") == []


@pytest.mark.parametrize("code", ["it"])
def test_init_starts_a_catalogue_for_a_new_language(tmp_path: Path, code: str) -> None:
    root = _copy_tree(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.i18n.tools", "--root", str(root), "init", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "languages.toml" in result.stdout
    with (root / "translations" / code / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        catalog = read_po(file)
    with (root / "translations" / "kiosk.pot").open("rb") as file:
        template = read_po(file)
    assert _keys(catalog) == _keys(template)
    assert str(catalog.locale) == code


def test_check_command_names_the_file_and_the_entry_to_fix(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path)
    po = root / "translations" / "de" / "LC_MESSAGES" / "kiosk.po"
    text = po.read_text("utf-8")
    assert 'msgstr "Sprache"' in text, "the German catalogue translates 'Language'"
    po.write_text(text.replace('msgstr "Sprache"', 'msgstr ""', 1), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.i18n.tools", "--root", str(root), "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "de/LC_MESSAGES/kiosk.po" in result.stderr
    assert "untranslated: 'Language'" in result.stderr
