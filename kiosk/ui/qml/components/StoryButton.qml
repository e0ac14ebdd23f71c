import QtQuick

// A story of the artist page: one large button that opens the player.
Rectangle {
    id: story
    property string title
    property string summary
    property bool video: true
    signal clicked()

    implicitHeight: Math.max(Theme.largeTarget, texts.implicitHeight + 2 * Theme.spacing)
    radius: Theme.radius
    color: tap.pressed ? Theme.surfacePressed : Theme.surface
    border.color: Theme.accent
    border.width: Theme.outlineWidth
    // Pressed look on the very next frame (no animation), like every button of the kiosk.
    scale: tap.pressed ? 0.98 : 1.0

    Accessible.role: Accessible.Button
    Accessible.name: story.title
    Accessible.description: story.summary
    Accessible.onPressAction: story.clicked()

    Rectangle {
        id: playDisc
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.touchTarget
        height: width
        radius: width / 2
        color: tap.pressed ? Theme.text : Theme.accent
        Text {
            anchors.centerIn: parent
            anchors.horizontalCenterOffset: Math.round(3 * Theme.unit)
            text: "▶"
            color: Theme.accentText
            font.pixelSize: Theme.labelSize
            LayoutMirroring.enabled: false
        }
    }

    Column {
        id: texts
        anchors.left: playDisc.right
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.gap / 2
        Text {
            width: parent.width
            text: story.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            text: (story.video ? qsTr("Video") : qsTr("Audio"))
                  + (story.summary !== "" ? " · " + story.summary : "")
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        // No long press: a slow, deliberate press is still a tap.
        longPressThreshold: 0
        onTapped: story.clicked()
    }
}
