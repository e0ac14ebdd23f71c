pragma ComponentBehavior: Bound

import QtQuick
import Kiosk

// Language names in their own script, never flags. The current one is marked as checked.
Row {
    id: picker
    required property KioskState kiosk
    spacing: Theme.gap

    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Language")

    Repeater {
        model: picker.kiosk.languages
        delegate: KioskButton {
            required property var modelData
            objectName: "language-" + modelData.code
            text: modelData.name
            checked: picker.kiosk.language === modelData.code
            fontSize: Theme.barTextSize
            onClicked: picker.kiosk.setLanguage(modelData.code)
        }
    }
}
