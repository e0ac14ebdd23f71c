import QtQuick

// Says plainly that the artists shown are examples, not real people.
Rectangle {
    id: badge
    implicitWidth: label.implicitWidth + 2 * Theme.spacing
    implicitHeight: label.implicitHeight + Theme.gap
    radius: height / 2
    color: Theme.badge

    Accessible.role: Accessible.StaticText
    Accessible.name: label.text

    Text {
        id: label
        anchors.centerIn: parent
        text: qsTr("Demonstration content")
        color: Theme.accentText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.barTextSize
        font.bold: true
    }
}
