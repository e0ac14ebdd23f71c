pragma ComponentBehavior: Bound
import QtQuick

// Body text of the staff panel: the theme's font, wrapping, readable size.
Text {
    property bool strong: false
    color: Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
    font.bold: strong
    wrapMode: Text.Wrap
}
