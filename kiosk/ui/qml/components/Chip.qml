import QtQuick

// A small label on a card ("Example", "Now", "To be confirmed"). Not a control.
Rectangle {
    id: chip
    property string text
    property color fill: Theme.badge
    implicitWidth: label.implicitWidth + 2 * Theme.spacing
    implicitHeight: label.implicitHeight + Theme.gap
    radius: height / 2
    color: chip.fill
    visible: chip.text !== ""

    Accessible.role: Accessible.StaticText
    Accessible.name: chip.text

    Text {
        id: label
        anchors.centerIn: parent
        text: chip.text
        color: Theme.accentText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        font.bold: true
    }
}
