import QtQuick

// Under a text that is not in the visitor's language: says which language it is in
// ("en français"), so nobody wonders why the words changed.
Text {
    visible: text !== ""
    color: Theme.mutedText
    font.family: Theme.fontFamily
    font.pixelSize: Theme.smallSize
    font.italic: true
    wrapMode: Text.Wrap
    horizontalAlignment: Text.AlignLeft
}
