import QtQuick
import Kiosk

// The same place on every page: back and home on the start side, languages on the end side.
// The far end is left free for the staff corner. In the low-reach layout this bar sits at the
// bottom of the screen.
Rectangle {
    id: bar
    required property KioskState kiosk
    implicitHeight: Theme.barHeight
    color: Theme.background

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: Theme.lowReach ? undefined : parent.bottom
        anchors.top: Theme.lowReach ? parent.top : undefined
        height: Theme.outlineWidth
        color: Theme.outline
    }

    Row {
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.spacing
        spacing: Theme.gap
        KioskButton {
            objectName: "navBack"
            visible: bar.kiosk.canGoBack && bar.kiosk.page !== "home"
            text: bar.kiosk.rtl ? "→" : "←"
            fontSize: Theme.barTextSize
            accessibleName: qsTr("Back")
            onClicked: bar.kiosk.back()
        }
        KioskButton {
            objectName: "navHome"
            visible: bar.kiosk.page !== "home"
            text: qsTr("Home")
            fontSize: Theme.barTextSize
            onClicked: bar.kiosk.home()
        }
    }

    LanguagePicker {
        kiosk: bar.kiosk
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.rightMargin: Theme.cornerSize
    }
}
