import QtQuick
import Kiosk

// "Are you still there?": shown after a quiet spell, it counts down (at least 20 s) with one
// large button to carry on. Any touch on it also counts as presence. It swallows touches, so the
// tap that dismisses it never presses a control underneath.
Rectangle {
    id: overlay
    required property KioskState kiosk
    readonly property var idle: overlay.kiosk.idle

    visible: overlay.idle.warning
    color: Theme.scrim

    Accessible.role: Accessible.AlertMessage
    Accessible.name: question.text

    // Swallows every touch and click on the dim background, so nothing underneath is pressed;
    // the window's event filter has already counted the touch as presence.
    MultiPointTouchArea {
        anchors.fill: parent
        mouseEnabled: true
        maximumTouchPoints: 10
    }

    Column {
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.lowReach ? parent.height * Theme.reachTopFraction
                          : (parent.height - height) / 2
        width: Math.min(parent.width - 2 * Theme.margin, Theme.maxTextWidth)
        spacing: Theme.margin

        Text {
            id: question
            width: parent.width
            text: qsTr("Are you still there?")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.displaySize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            text: qsTr("Without a touch, the screen returns to the start for the next visitor.")
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Rectangle {
            objectName: "idleCountdown"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.countdownSize
            height: width
            radius: width / 2
            color: "transparent"
            border.color: Theme.accent
            border.width: Theme.focusWidth
            Accessible.role: Accessible.StaticText
            Accessible.name: seconds.text
            Text {
                id: seconds
                anchors.centerIn: parent
                text: Number(overlay.idle.remainingSeconds).toLocaleString(Qt.locale(overlay.kiosk.language), "f", 0)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.displaySize
                font.bold: true
            }
        }
        KioskButton {
            objectName: "continueButton"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.max(implicitWidth, parent.width / 2)
            height: Theme.largeTarget * 1.5
            text: qsTr("Continue")
            primary: true
            fontSize: Theme.titleSize
            onClicked: overlay.idle.continueSession()
        }
    }
}
