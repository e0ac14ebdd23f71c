import QtQuick
import Kiosk

// The same corner on every page: back and home on the start side, languages on the end side.
Item {
    id: bar
    required property KioskState kiosk
    implicitHeight: Theme.touchTarget + 2 * Theme.spacing

    Row {
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.spacing
        spacing: Theme.gap
        KioskButton {
            objectName: "backButton"
            visible: bar.kiosk.canGoBack && bar.kiosk.page !== "home"
            text: bar.kiosk.rtl ? "→" : "←"
            accessibleName: qsTr("Back")
            onClicked: bar.kiosk.back()
        }
        KioskButton {
            objectName: "homeButton"
            visible: bar.kiosk.page !== "home"
            text: qsTr("Home")
            onClicked: bar.kiosk.home()
        }
    }

    LanguagePicker {
        kiosk: bar.kiosk
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.rightMargin: Theme.spacing
    }
}
