import QtQuick
import Kiosk.Media

// The transcript of an audio story: the line being heard is highlighted and kept in view; tapping
// a line plays the story from there.
ListView {
    id: list

    required property PlayerModel player

    model: player.captions.transcript
    currentIndex: player.captions.currentIndex
    clip: true
    spacing: Theme.gap
    highlightFollowsCurrentItem: false
    boundsBehavior: Flickable.StopAtBounds

    Accessible.role: Accessible.List
    Accessible.name: qsTr("Transcript")

    onCurrentIndexChanged: {
        if (currentIndex >= 0)
            positionViewAtIndex(currentIndex, ListView.Contain)
    }

    delegate: Rectangle {
        id: row
        required property int index
        required property string text
        required property bool current

        width: list.width
        implicitHeight: Math.max(Theme.touchTarget, line.implicitHeight + Theme.spacing)
        radius: Theme.radius
        color: tap.pressed ? Theme.surfacePressed : row.current ? Theme.accent : Theme.surface

        Accessible.role: Accessible.Button
        Accessible.name: row.text
        Accessible.onPressAction: list.player.selectCue(row.index)

        Text {
            id: line
            objectName: "transcriptLine"
            anchors.fill: parent
            anchors.margins: Theme.gap
            text: row.text
            color: row.current && !tap.pressed ? Theme.accentText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
        }

        TapHandler {
            id: tap
            longPressThreshold: 0  // a slow press by an unsure hand is still a tap
            onTapped: list.player.selectCue(row.index)
        }
    }
}
