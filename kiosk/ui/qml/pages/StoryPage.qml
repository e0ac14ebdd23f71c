import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Media
import "../components"

// A musician's story. Opening the page starts the story (the visitor tapped it); leaving the page
// stops it. A video fills the space with its captions over it; an audio story shows the portrait
// beside a transcript that follows the voice. The controls sit at the bottom, within reach.
Item {
    id: page
    objectName: "storyPage"

    required property KioskState kiosk
    // The story's id, given once by Main.qml's loader (tests showing the page alone leave it
    // empty: the route's argument is used).
    property string argument: ""
    // The application hangs the one player off the root view-model; tests may pass their own.
    property PlayerModel player: page.kiosk ? (page.kiosk.player ?? null) : null

    Accessible.role: Accessible.Pane
    Accessible.name: page.player ? page.player.title : qsTr("Story")

    Binding {
        target: page.player
        property: "language"
        value: page.kiosk ? page.kiosk.language : ""
        when: page.player !== null && page.kiosk !== null
    }

    Component.onCompleted: {
        const story = page.argument || page.kiosk.pageArgument
        if (page.player && page.player.storyId !== story)
            page.player.openStoryById(story)
    }
    Component.onDestruction: {
        if (page.player)
            page.player.close()
    }

    // Built only once a player is there, so no binding ever reads a missing one.
    Loader {
        anchors.fill: parent
        active: page.player !== null
        sourceComponent: storyContent
    }

    Component {
        id: storyContent

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.margin
            anchors.topMargin: Theme.margin
            anchors.bottomMargin: Theme.largeTarget
            spacing: Theme.spacing

            Text {
                objectName: "storyTitle"
                Layout.fillWidth: true
                text: page.player ? page.player.title : ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing

                PlayerView {
                    id: view
                    objectName: "playerView"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    player: page.player
                }

                TranscriptList {
                    objectName: "transcript"
                    visible: !page.player.isVideo && page.player.state !== "error"
                    Layout.preferredWidth: page.width * 0.4
                    Layout.fillHeight: true
                    player: page.player
                }
            }

            PlayerControls {
                objectName: "playerControls"
                // A story that cannot play leaves only the calm card: nothing to press in vain.
                visible: page.player.state !== "error"
                Layout.fillWidth: true
                player: page.player
            }
        }
    }

    Text {
        objectName: "playerMissing"
        anchors.centerIn: parent
        visible: page.player === null
        text: qsTr("This story cannot be played right now. Please choose another one.")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
    }
}
