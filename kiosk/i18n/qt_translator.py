"""Qt adapter: QML's ``qsTr`` answered from the gettext catalogues, and live language switching.

Qt calls ``QTranslator.translate(context, source, disambiguation, n)`` for every ``qsTr``; the
:class:`GettextTranslator` answers from the same ``.mo`` files as the Python side, so there is
one catalogue for the whole kiosk. The Qt context (the QML file name) is ignored, and Qt's
disambiguation is the gettext msgctxt, as :mod:`kiosk.i18n.qml_extract` writes them. ``%n``
is left in the answer: Qt replaces it with the number afterwards, in its own locale.

:class:`LanguageSwitcher` installs the translator for a language, sets the application's
layout direction (QML ``LayoutMirroring`` can follow ``Qt.application.layoutDirection``) and
asks the QML engine to re-evaluate every ``qsTr`` binding: the whole screen changes language at
once, without a restart.

Wiring (in the shell)::

    switcher = LanguageSwitcher(app, settings.default_language)   # before loading QML
    engine = QQmlApplicationEngine(); switcher.attach(engine)
    state = KioskState(..., on_language=switcher.switch)

Caveat (PySide 6.12): Qt also asks installed translators for its own messages, sometimes from
QML's loader thread. ``QQmlApplicationEngine.load`` and ``QQmlComponent`` release the GIL while
they wait for that thread; ``QQuickView.setSource`` does not, and deadlocks once a Python
translator is installed. Load QML through the engine, as the shell does.
"""

from __future__ import annotations

import gettext

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlEngine

from kiosk.i18n.catalog import lookup, translation
from kiosk.i18n.languages import LANGUAGES, is_rtl


class GettextTranslator(QTranslator):
    """A ``QTranslator`` that looks QML strings up in a gettext catalogue.

    Attributes:
        code: the kiosk language it translates into.
        catalogue: the gettext catalogue it reads.
    """

    def __init__(
        self,
        code: str,
        catalogue: gettext.NullTranslations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self.catalogue = catalogue if catalogue is not None else translation(code)

    def translate(  # type: ignore[override]
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None (a null QString) tells Qt "not mine": it then asks the other translators and
        # finally shows the source text. An empty string would blank the text instead.
        if not source:
            return None
        return lookup(self.catalogue, source, context=disambiguation or None, n=n)

    def isEmpty(self) -> bool:
        # Qt only sends the LanguageChange event for translators that are not empty.
        return False

    def language(self) -> str:
        return LANGUAGES[self.code].locale if self.code in LANGUAGES else self.code


class LanguageSwitcher(QObject):
    """Installs the translator of the current language and re-translates QML on a switch.

    Attributes:
        app: the application whose translator and layout direction it sets.
        language: the current language code.
    """

    languageChanged = Signal(str)

    def __init__(
        self,
        app: QCoreApplication,
        language: str,
        directory: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else app)
        self.app = app
        self.directory = directory
        self.language = ""
        self._engines: list[QQmlEngine] = []
        self._translator: GettextTranslator | None = None
        self.switch(language)

    def attach(self, engine: QQmlEngine) -> None:
        """Re-translate ``engine`` on every switch from now on."""
        self._engines.append(engine)
        engine.destroyed.connect(lambda: self._forget(engine))

    def _forget(self, engine: QQmlEngine) -> None:
        self._engines = [known for known in self._engines if known is not engine]

    def switch(self, language: str) -> None:
        """Show ``language`` everywhere: install its catalogue, set direction, re-translate."""
        if language == self.language:
            return
        translator = GettextTranslator(language, translation(language, self.directory), self)
        self.app.installTranslator(translator)
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator.deleteLater()
        self._translator = translator
        self.language = language
        if language in LANGUAGES:
            QLocale.setDefault(QLocale(LANGUAGES[language].locale))
        if isinstance(self.app, QGuiApplication):
            direction = (
                Qt.LayoutDirection.RightToLeft
                if is_rtl(language)
                else Qt.LayoutDirection.LeftToRight
            )
            QGuiApplication.setLayoutDirection(direction)
        for engine in self._engines:
            engine.retranslate()
        self.languageChanged.emit(language)

    def uninstall(self) -> None:
        """Remove the translator (QML shows the English source again) and stop re-translating."""
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        self._engines.clear()
        self.language = ""
