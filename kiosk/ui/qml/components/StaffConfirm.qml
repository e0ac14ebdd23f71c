pragma ComponentBehavior: Bound
import QtQuick

// A calm yes/no question over the panel: nothing happens until "Confirm" is touched.
Rectangle {
    id: root
    property string text: ""
    signal accepted()
    signal rejected()
    color: Qt.rgba(0, 0, 0, 0.7)

    // Swallow touches meant for what lies beneath.
    TapHandler {}

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 24 * Theme.touchTarget / 2)
        height: body.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        border.width: Math.max(2, Math.round(3 * Theme.unit))
        Accessible.role: Accessible.Dialog
        Accessible.name: root.text

        Column {
            id: body
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.margin
            spacing: Theme.margin
            StaffText {
                objectName: "confirmText"
                width: parent.width
                font.pixelSize: Theme.labelSize
                text: root.text
            }
            Row {
                // A Column puts its children at x = 0 whatever the direction; an anchor follows it,
                // so in Arabic this starts at the right edge.
                anchors.left: parent.left
                spacing: Theme.margin
                KioskButton {
                    objectName: "confirmYes"
                    primary: true
                    width: Math.max(implicitWidth, 4 * Theme.touchTarget)
                    text: qsTr("Confirm")
                    onClicked: root.accepted()
                }
                KioskButton {
                    objectName: "confirmNo"
                    width: Math.max(implicitWidth, 4 * Theme.touchTarget)
                    text: qsTr("Cancel")
                    onClicked: root.rejected()
                }
            }
        }
    }
}
