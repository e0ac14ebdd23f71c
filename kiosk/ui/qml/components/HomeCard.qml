pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts

// A large tile of the home page: a title and one line that says what lies behind it.
Rectangle {
    id: card
    property string title
    property string detail
    property bool primary: false
    // Optional thumbnails on the end side (the musicians' faces on their tile).
    property var pictures: []
    signal clicked()

    Layout.fillWidth: true
    Layout.fillHeight: true
    implicitHeight: Math.max(Theme.largeTarget * 1.5, texts.implicitHeight + 2 * Theme.margin)
    Layout.minimumHeight: implicitHeight
    radius: Theme.radius * 2
    color: tap.pressed ? Theme.surfacePressed : primary ? Theme.accent : Theme.surface
    border.color: Theme.outline
    border.width: Math.max(2, Math.round(2 * Theme.unit))
    // Pressed look on the very next frame (no animation), like every button of the kiosk.
    scale: tap.pressed ? 0.98 : 1.0

    Accessible.role: Accessible.Button
    Accessible.name: title
    Accessible.description: detail
    Accessible.onPressAction: card.clicked()

    // A warm stripe on the start side: the card reads as a door, not a panel.
    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin / 2
        width: Theme.focusWidth * 2
        radius: width / 2
        color: card.primary ? Theme.accentText : Theme.accent
        opacity: card.primary ? 0.5 : 1.0
    }

    Row {
        id: thumbnails
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.rightMargin: Theme.margin / 2
        spacing: Theme.gap
        visible: card.pictures.length > 0 && card.width > Theme.portraitSize * 2.5
        Repeater {
            model: thumbnails.visible ? card.pictures : []
            delegate: Rectangle {
                id: thumbnail
                required property string modelData
                width: Theme.largeTarget
                height: Math.round(Theme.largeTarget * 1.25)
                color: Theme.photoBackdrop
                border.color: card.primary ? Theme.accentText : Theme.outline
                border.width: Theme.outlineWidth
                Image {
                    anchors.fill: parent
                    anchors.margins: Theme.outlineWidth
                    source: thumbnail.modelData
                    sourceSize.width: Theme.largeTarget * 2
                    fillMode: Image.PreserveAspectCrop
                    verticalAlignment: Image.AlignTop
                    asynchronous: true
                }
            }
        }
    }

    Column {
        id: texts
        anchors.left: parent.left
        anchors.right: thumbnails.visible ? thumbnails.left : parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.margin
        spacing: Theme.gap
        Text {
            width: parent.width
            text: card.title
            color: card.primary && !tap.pressed ? Theme.accentText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            text: card.detail
            color: card.primary && !tap.pressed ? Theme.accentText : Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        // No long press: a slow, deliberate press is still a tap.
        longPressThreshold: 0
        onTapped: card.clicked()
    }
}
