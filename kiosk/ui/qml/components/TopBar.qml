import QtQuick
import Kiosk

// The same place on every page: back and home on the start side, languages on the end side.
// The far end is left free for the staff corner. In the low-reach layout this bar sits at the
// bottom of the screen. With demonstration content a strip under the buttons says so, taking
// its own room so that it never covers a page.
Rectangle {
    id: bar
    required property KioskState kiosk
    implicitHeight: Theme.barHeight + (demoStrip.visible ? demoStrip.height : 0)
    color: Theme.background

    Rectangle {
        id: demoStrip
        objectName: "demoStrip"
        visible: bar.kiosk.demo
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: Theme.lowReach ? undefined : parent.bottom
        anchors.top: Theme.lowReach ? parent.top : undefined
        height: demoLabel.implicitHeight + Theme.gap
        color: Theme.badge

        Accessible.role: Accessible.StaticText
        Accessible.name: demoLabel.text

        Text {
            id: demoLabel
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: qsTr("Demonstration content: the artists shown are examples, not real people")
            color: Theme.accentText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.bold: true
        }
    }

    Item {
        id: buttons
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: Theme.lowReach && demoStrip.visible ? demoStrip.bottom : parent.top
        height: Theme.barHeight
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: Theme.lowReach ? undefined : parent.bottom
        anchors.top: Theme.lowReach ? parent.top : undefined
        height: Theme.outlineWidth
        color: Theme.outline
    }

    Row {
        parent: buttons
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
        parent: buttons
        kiosk: bar.kiosk
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.rightMargin: Theme.cornerSize
    }
}
