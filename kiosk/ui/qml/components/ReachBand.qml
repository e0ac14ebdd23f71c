import QtQuick
import Kiosk

// The upper part of the screen in the low-reach layout: the exhibition's name and nothing to
// touch, so no control ends up out of a seated visitor's reach.
Rectangle {
    id: band
    required property KioskState kiosk
    color: Theme.raised

    Accessible.role: Accessible.StaticText
    Accessible.name: band.kiosk.title

    Text {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        text: band.kiosk.title
        color: Theme.mutedText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.titleSize
        font.bold: true
        wrapMode: Text.Wrap
        maximumLineCount: 3
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignLeft
    }
}
