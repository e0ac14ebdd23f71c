import QtQuick

// One musician in the exhibition grid: portrait, name, instrument, origin and town in the 93.
// The whole card is one button.
Rectangle {
    id: card
    property string name
    property string instrument
    property string origin
    property string town
    property string portrait
    property bool example: false
    signal clicked()

    radius: Theme.radius * 2
    color: tap.pressed ? Theme.surfacePressed : Theme.surface
    border.color: Theme.outline
    border.width: Theme.outlineWidth
    clip: true
    // Pressed look on the very next frame (no animation), like every button of the kiosk.
    scale: tap.pressed ? 0.98 : 1.0

    Accessible.role: Accessible.Button
    Accessible.name: card.name
    Accessible.description: [card.instrument, card.origin, card.town].filter(t => t !== "").join(", ")
    Accessible.onPressAction: card.clicked()

    Rectangle {
        id: photoFrame
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        // Inset like a print in a frame: square photo corners never poke out of the card's
        // rounded ones (the software renderer cannot round a picture's corners).
        anchors.margins: Theme.spacing
        height: parent.height * 0.58
        color: Theme.photoBackdrop
        clip: true
        Image {
            anchors.fill: parent
            source: card.portrait
            sourceSize.width: Theme.portraitSize * 2
            fillMode: Image.PreserveAspectCrop
            // Portraits are taller than the frame: keep the face, crop the feet.
            verticalAlignment: Image.AlignTop
            asynchronous: true
            visible: card.portrait !== ""
        }
        Text {
            anchors.centerIn: parent
            visible: card.portrait === ""
            text: card.name.length > 0 ? card.name.charAt(0) : ""
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.displaySize
            font.bold: true
        }
        Chip {
            // Bottom corner: portraits often carry a caption band at the top.
            anchors.bottom: parent.bottom
            anchors.left: parent.left
            anchors.margins: Theme.spacing
            text: card.example ? qsTr("Example") : ""
        }
    }

    Column {
        anchors.top: photoFrame.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        spacing: Theme.gap / 2
        clip: true

        Text {
            width: parent.width
            text: card.name
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.bold: true
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            text: [card.instrument, card.origin].filter(t => t !== "").join(" · ")
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            text: card.town
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            elide: Text.ElideRight
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
