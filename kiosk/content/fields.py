"""Typed reading of manifest fields, reporting every mistake where the staff member wrote it.

``Section`` wraps one TOML table of one manifest; each getter returns a usable value (or None)
and, when the value is wrong, adds a problem naming the file, the line and the field. The loader
and the validator read packages only through these getters, so both say the same thing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, time
from pathlib import Path
from typing import Any

from kiosk.content.manifest import KeyPath, TomlFile, format_key
from kiosk.content.model import LocalizedText
from kiosk.content.problems import Problems, Reference, path_fault_text
from kiosk.content.report import Severity
from kiosk.content.safe_paths import UnsafePathError, near_miss

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}$")


class Section:
    """One table of a manifest: typed getters that report mistakes."""

    def __init__(
        self,
        doc: TomlFile,
        data: Mapping[str, Any],
        path: KeyPath,
        sink: Problems,
        languages: tuple[str, ...],
        default_language: str,
    ) -> None:
        self.doc = doc
        self.data = data
        self.path = path
        self.sink = sink
        self.languages = languages
        self.default_language = default_language
        self._ = sink.gettext

    # -- reporting ------------------------------------------------------------------------------

    def report(
        self,
        severity: Severity,
        code: str,
        key: str | KeyPath,
        message: str,
        hint: str = "",
        value: str | None = None,
    ) -> None:
        sub = (key,) if isinstance(key, str) else key
        full = (*self.path, *sub)
        line = self.doc.line_of(full, value)
        self.sink.add(severity, code, self.doc.rel, line, format_key(full), message, hint)

    def error(self, code: str, key: str | KeyPath, message: str, hint: str = "") -> None:
        self.report(Severity.ERROR, code, key, message, hint)

    def warning(self, code: str, key: str | KeyPath, message: str, hint: str = "") -> None:
        self.report(Severity.WARNING, code, key, message, hint)

    def child(self, key: str | KeyPath, data: Mapping[str, Any]) -> Section:
        sub = (key,) if isinstance(key, str) else key
        return Section(
            self.doc, data, (*self.path, *sub), self.sink, self.languages, self.default_language
        )

    def missing(self, key: str) -> None:
        self.error(
            "field.missing",
            key,
            self._("The required field '{field}' is missing.").format(field=key),
            self._("Add a line: {field} = ...").format(field=key),
        )

    def _wrong_type(self, key: str | KeyPath, expected: str) -> None:
        self.error(
            "field.type",
            key,
            self._("This field has the wrong kind of value.").format(),
            self._("Write {expected}.").format(expected=expected),
        )

    # -- plain values ---------------------------------------------------------------------------

    def string(self, key: str, *, required: bool = False, max_chars: int | None = None) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key)
            return ""
        if not isinstance(value, str):
            self._wrong_type(key, self._('text in quotes, e.g. "Saint-Denis"'))
            return ""
        if required and not value.strip():
            self.missing(key)
        self._check_length(key, value, max_chars)
        return value

    def identifier(self, key: str, *, default: str = "") -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            if key not in self.data and not default:
                self.missing(key)
            else:
                self.error(
                    "field.id",
                    key,
                    self._("The identifier {value} is not valid.").format(value=repr(value)),
                    self._(
                        "Use lower-case letters, digits and '-' only (no spaces, no accents), "
                        "e.g. artist-1."
                    ),
                )
            return ""
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self._wrong_type(key, self._("true or false"))
            return default
        return value

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong_type(key, self._("a whole number, e.g. 3"))
            return None
        return value

    def choice(self, key: str, choices: Mapping[str, str]) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or value.strip().lower() not in choices:
            self.error(
                "field.choice",
                key,
                self._("The value {value} is not one of the accepted values.").format(
                    value=repr(value)
                ),
                self._("Write one of: {choices}.").format(choices=", ".join(sorted(choices))),
            )
            return None
        return choices[value.strip().lower()]

    def day(self, key: str, *, required: bool = False) -> date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key)
            return None
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(
            "field.date",
            key,
            self._("The date {value} is not a valid date.").format(value=repr(str(value))),
            self._("Write the date as year-month-day without quotes, e.g. 2021-11-02."),
        )
        return None

    def clock(self, key: str) -> time | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, time):
            return value
        if isinstance(value, str):
            try:
                return time.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(
            "field.time",
            key,
            self._("The time {value} is not a valid time.").format(value=repr(str(value))),
            self._("Write the time as hours:minutes, e.g. 14:30, or leave it out."),
        )
        return None

    # -- texts ----------------------------------------------------------------------------------

    def text(
        self,
        key: str,
        *,
        required: bool = False,
        max_chars: int | None = None,
        sidecar: str | None = None,
    ) -> LocalizedText:
        """A text in several languages: a table ``{fr = "...", en = "..."}`` (or one string,
        taken as the default language); with ``sidecar`` (e.g. ``"bio.{language}.md"``), files
        beside the manifest may give some languages instead."""
        texts = self._table_texts(key, self.data.get(key), max_chars)
        if sidecar is not None:
            texts.update(self._sidecar_texts(key, sidecar, texts, max_chars))
        result = LocalizedText(texts)
        if required and not result:
            self.missing(key)
        elif result:
            self._check_translations(key, result)
        return result

    def _table_texts(self, key: str, value: object, max_chars: int | None) -> dict[str, str]:
        if value is None:
            return {}
        if isinstance(value, str):
            value = {self.default_language: value}
        if not isinstance(value, dict):
            self._wrong_type(key, self._('a table of languages, e.g. { fr = "...", en = "..." }'))
            return {}
        texts: dict[str, str] = {}
        for language, text in value.items():
            if not isinstance(text, str):
                self._wrong_type((key, language), self._("text in quotes"))
                continue
            if language not in self.languages:
                self.warning(
                    "text.language",
                    (key, language),
                    self._(
                        "The language '{language}' is not one of the exhibition's languages."
                    ).format(language=language),
                    self._("Add it to 'languages' in exhibition.toml, or check the code."),
                )
            texts[language] = text
            self._check_length((key, language), text, max_chars)
        return texts

    def _sidecar_texts(
        self, key: str, pattern: str, written: dict[str, str], max_chars: int | None
    ) -> dict[str, str]:
        """Texts from files such as ``bio.fr.md`` next to the manifest."""
        _ = self._
        found: dict[str, str] = {}
        for language in self.languages:
            name = pattern.format(language=language)
            try:
                path = self.sink.paths.resolve(name, base=self.doc.path.parent)
            except UnsafePathError:
                continue  # no such file (a link leading outside is caught by the folder scan)
            rel = self.sink.paths.relative(path)
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                line = path.read_bytes()[: error.start].count(b"\n") + 1
                self.sink.add(
                    Severity.ERROR, "text.encoding", rel, line, format_key((*self.path, key)),
                    _("The file {name} is not saved as UTF-8 text.").format(name=rel),
                    _("Open it in a text editor and save it with the UTF-8 encoding."),
                )  # fmt: skip
                continue
            except OSError:
                continue
            if language in written:
                self.warning(
                    "text.twice",
                    (key, language),
                    _("The {language} text is written both here and in {name}.").format(
                        language=self.sink.language_name(language), name=rel
                    ),
                    _("Keep only one of them: the file {name} is used.").format(name=rel),
                )
            found[language] = text.strip()
            if max_chars is not None and len(found[language]) > max_chars:
                self.sink.add(
                    Severity.WARNING, "text.too_long", rel, None,
                    format_key((*self.path, key, language)),
                    _("This text has {count} characters; about {limit} fit in its place on "
                      "screen.").format(count=len(found[language]), limit=max_chars),
                    _("Shorten it, or the end will be cut off or need scrolling."),
                )  # fmt: skip
        return found

    def _check_translations(self, key: str, text: LocalizedText) -> None:
        present = text.languages()
        for language in self.languages:
            if language in present:
                continue
            fallback = text.resolve(language, self.default_language)[1]
            self.warning(
                "text.translation_missing",
                (key, language),
                self._(
                    "The {language} text is missing: visitors who chose {language} will see "
                    "the {fallback} text."
                ).format(
                    language=self.sink.language_name(language),
                    fallback=self.sink.language_name(fallback),
                ),
                self._('Add a line: {language} = "..." under {field}.').format(
                    language=language, field=format_key((*self.path, key))
                ),
            )

    def _check_length(self, key: str | KeyPath, text: str, max_chars: int | None) -> None:
        if max_chars is not None and len(text) > max_chars:
            self.warning(
                "text.too_long",
                key,
                self._(
                    "This text has {count} characters; about {limit} fit in its place on screen."
                ).format(count=len(text), limit=max_chars),
                self._("Shorten it, or the end will be cut off or need scrolling."),
            )

    # -- files ----------------------------------------------------------------------------------

    def _resolve(self, key: KeyPath, value: object) -> Path | None:
        if not isinstance(value, str):
            self._wrong_type(key, self._('a file name in quotes, e.g. "portrait.jpg"'))
            return None
        self.sink.named.add(os.path.normpath(self.doc.path.parent / value))
        try:
            path = self.sink.paths.resolve(value, base=self.doc.path.parent)
        except UnsafePathError as refused:
            message, hint = path_fault_text(refused.fault, self._)
            real = near_miss(self.doc.path.parent, value) if refused.fault == "missing" else None
            if real is not None:
                hint = self._("A file named {name} exists: write its name exactly (capitals and "
                              "accents count).").format(name=real)  # fmt: skip
            self.report(Severity.ERROR, f"path.{refused.fault}", key, message, hint, value)
            return None
        full = (*self.path, *key)
        reference = Reference(self.doc.rel, self.doc.line_of(full, value), format_key(full))
        self.sink.references.setdefault(path, reference)
        return path

    def file(self, key: str, *, required: bool = False) -> Path | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key)
            return None
        return self._resolve((key,), value)

    def files(self, key: str) -> tuple[Path, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self._wrong_type(key, self._('a list of file names, e.g. ["a.jpg", "b.jpg"]'))
            return ()
        found = (self._resolve((key, index), item) for index, item in enumerate(value))
        return tuple(path for path in found if path is not None)

    def file_map(self, key: str) -> dict[str, Path]:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            self._wrong_type(key, self._('a table of languages, e.g. { fr = "video.fr.vtt" }'))
            return {}
        found = {language: self._resolve((key, language), item) for language, item in value.items()}
        return {language: path for language, path in found.items() if path is not None}

    def tables(self, key: str) -> Iterable[tuple[int, Section]]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self._wrong_type(key, self._("a list of [[{key}]] entries").format(key=key))
            return
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, self.child((key, index), item)
            else:
                self._wrong_type((key, index), self._("a [[{key}]] entry").format(key=key))

    def unknown_keys(self, known: Iterable[str]) -> None:
        for key in sorted(set(self.data) - set(known)):
            self.warning(
                "field.unknown",
                key,
                self._("The field '{field}' is not used by the kiosk.").format(field=key),
                self._("Check its spelling, or remove it."),
            )
