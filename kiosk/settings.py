"""The kiosk's settings: one frozen dataclass, built in layers.

Order of precedence, lowest first: defaults, a TOML file (``--config``, ``KIOSK_CONFIG`` or the
first of the platform's config paths that exists), ``KIOSK_*`` environment variables, then
command-line flags. Every bad value becomes a :class:`SettingsError` that names the file (or the
variable), the line and the key, so a technician can fix it without reading code.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.paths import default_config_candidates

KNOWN_LANGUAGES = ("fr", "en", "ar", "es", "de", "pseudo")


class SettingsError(ValueError):
    """A setting that cannot be used, with where it came from.

    Attributes:
        source: the config file path or the environment variable / flag name.
        line: 1-based line in the file, when known.
        key: the setting's name.
        reason: what is wrong and what is expected.
    """

    def __init__(self, source: str, key: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.key = key
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: key '{key}': {reason}")


@dataclass(frozen=True)
class Settings:
    """Everything the kiosk can be told, with the values a fresh install uses."""

    mode: str = "preview"
    content_dir: Path | None = None
    default_language: str = "fr"
    languages: tuple[str, ...] = ("fr", "en", "ar", "es", "de")
    idle_timeout_s: int = 90
    idle_warning_s: int = 30
    volume_default: int = 70
    volume_max: int = 90
    attract_interval_s: int = 8
    reduce_motion: bool = False
    demo_badge: bool = True
    timezone: str = "Europe/Paris"
    renderer: str = "auto"
    data_dir: Path | None = None
    log_dir: Path | None = None
    cache_dir: Path | None = None
    inbox_dir: Path | None = None
    staff_pin_hash: str = ""
    staff_gesture_taps: int = 5
    staff_gesture_window_s: float = 3.0
    staff_timeout_s: int = 180
    stats_retention_days: int = 365
    watchdog_interval_s: float = 5.0
    log_level: str = "INFO"
    now: datetime | None = None
    config_file: Path | None = field(default=None, compare=False)
    # Problems met while building these settings that did not stop the kiosk (a broken config
    # file in kiosk mode): shown in the staff health view and the log.
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def kiosk_mode(self) -> bool:
        return self.mode == "kiosk"


Parser = Callable[[Any], Any]


def _int_range(low: int, high: int) -> Parser:
    def parse(value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError(f"expected a whole number between {low} and {high}")
        try:
            number = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            raise ValueError(
                f"expected a whole number between {low} and {high}, got {value!r}"
            ) from None
        if not low <= number <= high:
            raise ValueError(f"expected a whole number between {low} and {high}, got {number}")
        return number

    return parse


def _float_range(low: float, high: float) -> Parser:
    def parse(value: Any) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"expected a number between {low} and {high}, got {value!r}") from None
        if not low <= number <= high:
            raise ValueError(f"expected a number between {low} and {high}, got {number}")
        return number

    return parse


def _choice(*choices: str) -> Parser:
    def parse(value: Any) -> str:
        if str(value) not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {value!r}")
        return str(value)

    return parse


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def _path(value: Any) -> Path:
    if not isinstance(value, str | Path) or not str(value).strip():
        raise ValueError(f"expected a folder path, got {value!r}")
    return Path(str(value)).expanduser()


def _language(value: Any) -> str:
    if str(value) not in KNOWN_LANGUAGES:
        raise ValueError(
            f"expected a language code among {', '.join(KNOWN_LANGUAGES)}, got {value!r}"
        )
    return str(value)


def _languages(value: Any) -> tuple[str, ...]:
    items = [part.strip() for part in value.split(",")] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not items:
        raise ValueError('expected a non-empty list of language codes such as ["fr", "en"]')
    return tuple(_language(item) for item in items)


def _timezone(value: Any) -> str:
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"expected a time zone such as Europe/Paris, got {value!r}") from None
    return str(value)


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(
            f"expected an ISO date and time such as 2021-11-02T14:30, got {value!r}"
        ) from None


def _pin_hash(value: Any) -> str:
    text = str(value)
    if text and not text.startswith("scrypt$"):
        raise ValueError("expected a hash written by `kiosk staff set-pin` (never a PIN in clear)")
    return text


PARSERS: dict[str, Parser] = {
    "mode": _choice("preview", "kiosk"),
    "content_dir": _path,
    "default_language": _language,
    "languages": _languages,
    "idle_timeout_s": _int_range(10, 3600),
    "idle_warning_s": _int_range(20, 300),
    "volume_default": _int_range(0, 100),
    "volume_max": _int_range(0, 100),
    "attract_interval_s": _int_range(2, 120),
    "reduce_motion": _bool,
    "demo_badge": _bool,
    "timezone": _timezone,
    "renderer": _choice("auto", "software", "opengl"),
    "data_dir": _path,
    "log_dir": _path,
    "cache_dir": _path,
    "inbox_dir": _path,
    "staff_pin_hash": _pin_hash,
    "staff_gesture_taps": _int_range(3, 10),
    "staff_gesture_window_s": _float_range(1.0, 10.0),
    "staff_timeout_s": _int_range(30, 3600),
    "stats_retention_days": _int_range(1, 3650),
    "watchdog_interval_s": _float_range(0.5, 60.0),
    "log_level": _choice("DEBUG", "INFO", "WARNING", "ERROR"),
    "now": _datetime,
}

FILE_KEYS = frozenset(PARSERS) - {"now"}


def _line_of(text: str, key: str) -> int | None:
    """The 1-based line where ``key = ...`` stands; tomllib does not report it."""
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _flatten(data: Mapping[str, Any]) -> list[tuple[str, str, Any]]:
    """Accept flat keys and one level of ``[section]`` tables (``[staff] timeout_s``).

    Returns (setting name, key as written in the file, value) triples.
    """
    flat: list[tuple[str, str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            for sub_key, sub_value in value.items():
                name = sub_key if sub_key in PARSERS else f"{key}_{sub_key}"
                flat.append((name, sub_key, sub_value))
        else:
            flat.append((key, key, value))
    return flat


def read_config_file(path: Path) -> dict[str, Any]:
    """Parse and check one config file; every error names the file, the line and the key."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SettingsError(source, "-", f"cannot read the file ({error.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        raise SettingsError(source, "-", "the file is not valid UTF-8 text", bad_line) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        toml_line = getattr(error, "lineno", None) or _toml_error_line(str(error), text)
        raise SettingsError(source, "-", f"not valid TOML ({error})", toml_line) from None
    values: dict[str, Any] = {}
    for key, written, value in _flatten(data):
        line = _line_of(text, written)
        if key not in FILE_KEYS:
            raise SettingsError(source, key, "unknown setting; see docs/install.md", line)
        try:
            values[key] = PARSERS[key](value)
        except ValueError as error:
            raise SettingsError(source, key, str(error), line) from None
    return values


def _toml_error_line(message: str, text: str) -> int | None:
    """tomllib puts the position in its message: "(at line 3, column 5)" or "at end of document"."""
    match = re.search(r"line (\d+)", message)
    if match:
        return int(match.group(1))
    return len(text.splitlines()) or 1 if "end of document" in message else None


def read_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """Settings from ``KIOSK_<NAME>`` variables (``KIOSK_IDLE_TIMEOUT_S=120``)."""
    values: dict[str, Any] = {}
    for key, parser in PARSERS.items():
        variable = f"KIOSK_{key.upper()}"
        if variable in environ:
            try:
                values[key] = parser(environ[variable])
            except ValueError as error:
                raise SettingsError(f"environment variable {variable}", key, str(error)) from None
    return values


def find_config_file(explicit: Path | None, environ: Mapping[str, str]) -> Path | None:
    """The config file to read: explicit flag, then ``KIOSK_CONFIG``, then platform paths."""
    if explicit is not None:
        return explicit
    if environ.get("KIOSK_CONFIG"):
        return Path(environ["KIOSK_CONFIG"])
    return next((path for path in default_config_candidates() if path.is_file()), None)


def config_path_for_writing(settings: Settings) -> Path:
    """The file ``set-pin`` and the staff panel write: the one in use, else ``KIOSK_CONFIG``,
    else the site file as root, else the user's."""
    if settings.config_file is not None:
        return settings.config_file
    if os.environ.get("KIOSK_CONFIG"):
        return Path(os.environ["KIOSK_CONFIG"])
    user_file, site_file = default_config_candidates()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return site_file
    return user_file


def load_settings(
    config_file: Path | None = None,
    flags: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    read_file: bool = True,
) -> Settings:
    """Build the settings from every layer. Raises :class:`SettingsError` on the first bad value.

    ``read_file=False`` skips the config file layer (the fallback when that file is broken).
    """
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = find_config_file(config_file, environ) if read_file else None
    if path is not None:
        if not path.is_file() and config_file is None and "KIOSK_CONFIG" not in environ:
            path = None
        elif not path.is_file():
            raise SettingsError(str(path), "-", "the configuration file does not exist")
        else:
            values.update(read_config_file(path))
    values.update(read_environment(environ))
    for key, value in (flags or {}).items():
        if value is None:
            continue
        try:
            values[key] = PARSERS[key](value)
        except ValueError as error:
            raise SettingsError(f"option --{key.replace('_', '-')}", key, str(error)) from None
    settings = Settings(**values, config_file=path)
    return _check_consistency(settings)


def _check_consistency(settings: Settings) -> Settings:
    source = str(settings.config_file or "settings")
    if settings.default_language not in settings.languages:
        if settings.default_language == "pseudo":  # the translators' check: always allowed
            return dataclasses.replace(settings, languages=(*settings.languages, "pseudo"))
        raise SettingsError(
            source, "default_language", f"'{settings.default_language}' is not among languages"
        )
    if settings.volume_default > settings.volume_max:
        raise SettingsError(source, "volume_default", "is higher than volume_max")
    return settings


def load_settings_or_defaults(
    config_file: Path | None = None,
    flags: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """For the running kiosk: a broken config file must not take the exhibition down.

    The file is skipped and the problem kept in ``Settings.problems``; a bad environment
    variable or flag is still an error, since the technician typed it just now.
    """
    try:
        return load_settings(config_file, flags, environ)
    except SettingsError as error:
        if error.source.startswith(("environment variable", "option --")):
            raise
        fallback = load_settings(config_file, flags, environ, read_file=False)
        return dataclasses.replace(fallback, problems=(str(error),))


def replace(settings: Settings, **changes: Any) -> Settings:
    """A copy with some values changed (staff panel edits), checked like a file would be."""
    checked = {key: PARSERS[key](value) for key, value in changes.items()}
    return _check_consistency(dataclasses.replace(settings, **checked))
