pragma ComponentBehavior: Bound
import QtQuick

// A number changed with two large buttons (no keyboard on the kiosk): label, −, value, +.
Row {
    id: root
    property string label: ""
    property string valueText: ""
    property string key: ""
    signal stepped(int direction)
    spacing: Theme.spacing

    StaffText {
        width: 9 * Theme.touchTarget
        anchors.verticalCenter: parent.verticalCenter
        text: root.label
    }
    KioskButton {
        objectName: "stepDown_" + root.key
        text: "−"
        accessibleName: qsTr("Less: %1").arg(root.label)
        onClicked: root.stepped(-1)
    }
    StaffText {
        objectName: "value_" + root.key
        width: 3 * Theme.touchTarget
        anchors.verticalCenter: parent.verticalCenter
        horizontalAlignment: Text.AlignHCenter
        strong: true
        text: root.valueText
        Accessible.role: Accessible.StaticText
        Accessible.name: root.label + ": " + root.valueText
    }
    KioskButton {
        objectName: "stepUp_" + root.key
        text: "+"
        accessibleName: qsTr("More: %1").arg(root.label)
        onClicked: root.stepped(1)
    }
}
