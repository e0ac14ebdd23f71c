import QtQuick

// What a visitor sees when a story cannot be played: one calm sentence, no technical words.
Rectangle {
    id: card
    property string text

    radius: Theme.radius * 2
    color: Theme.surface
    border.color: Theme.outline
    border.width: Math.max(2, Math.round(2 * Theme.unit))
    implicitWidth: Math.min(Theme.touchTarget * 12, message.implicitWidth + 2 * Theme.margin)
    implicitHeight: message.implicitHeight + 2 * Theme.margin

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Text {
        id: message
        objectName: "playerErrorText"
        anchors.fill: parent
        anchors.margins: Theme.margin
        text: card.text
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
