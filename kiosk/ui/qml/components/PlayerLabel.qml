import QtQuick

// Short text on or beside a player control (times, "+10").
Text {
    color: Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.labelSize
    font.bold: true
    horizontalAlignment: Text.AlignHCenter
    verticalAlignment: Text.AlignVCenter
}
