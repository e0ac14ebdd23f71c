import QtQuick

// A page's title, with an optional line under it. Large, calm, left-aligned (right in Arabic).
Column {
    id: heading
    property string title
    property string detail
    spacing: Theme.gap

    Text {
        objectName: "pageTitle"
        width: parent.width
        text: heading.title
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.displaySize
        font.bold: true
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignLeft
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Text {
        visible: heading.detail !== ""
        width: parent.width
        text: heading.detail
        color: Theme.mutedText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignLeft
    }
}
