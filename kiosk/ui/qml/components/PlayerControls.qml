import QtQuick
import QtQuick.Layouts
import Kiosk.Media

// The controls under a story: play/pause, back and forward 10 s, replay, the time line, volume
// (within the staff's maximum), captions and audio description. Every target is at least
// Theme.touchTarget square and has an accessible name. Like tape, playback controls and the time
// line run left to right in every language (Material's bidirectionality guidance): not mirrored.
ColumnLayout {
    id: controls

    LayoutMirroring.enabled: false
    LayoutMirroring.childrenInherit: true

    required property PlayerModel player
    readonly property bool playing: player.state === "playing"
    readonly property int volumeStep: 10

    spacing: Theme.gap
    enabled: player.available && player.state !== "error" && player.state !== "idle"

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap

        PlayerLabel {
            objectName: "elapsedLabel"
            text: scrub.clock(scrub.shownPosition)
            Layout.preferredWidth: Theme.touchTarget * 1.3
        }

        PlayerScrubBar {
            id: scrub
            objectName: "scrubBar"
            Layout.fillWidth: true
            position: controls.player.position
            duration: controls.player.duration
            onSeekRequested: (seconds) => controls.player.seek(seconds)
        }

        PlayerLabel {
            text: scrub.clock(controls.player.duration)
            Layout.preferredWidth: Theme.touchTarget * 1.3
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap

        PlayerButton {
            objectName: "playPauseButton"
            accessibleName: controls.playing ? qsTr("Pause") : qsTr("Play")
            Layout.preferredWidth: Theme.largeTarget
            Layout.preferredHeight: Theme.largeTarget
            onClicked: controls.player.togglePlay()
            PlayerIcon { anchors.fill: parent; playing: controls.playing }
        }

        PlayerButton {
            objectName: "backButton"
            accessibleName: qsTr("Back 10 seconds")
            onClicked: controls.player.skip(-10)
            PlayerLabel { anchors.fill: parent; text: "−10" }
        }

        PlayerButton {
            objectName: "forwardButton"
            accessibleName: qsTr("Forward 10 seconds")
            onClicked: controls.player.skip(10)
            PlayerLabel { anchors.fill: parent; text: "+10" }
        }

        PlayerButton {
            objectName: "replayButton"
            accessibleName: qsTr("Replay from the start")
            onClicked: controls.player.replay()
            PlayerLabel { anchors.fill: parent; text: "↺" }
        }

        Item { Layout.fillWidth: true }

        PlayerButton {
            objectName: "volumeDownButton"
            accessibleName: qsTr("Volume down")
            enabled: controls.player.volume > 0
            onClicked: controls.player.setVolume(controls.player.volume - controls.volumeStep)
            PlayerLabel { anchors.fill: parent; text: "−" }
        }

        Rectangle {
            objectName: "volumeLevel"
            Layout.preferredWidth: Theme.touchTarget * 1.5
            Layout.preferredHeight: Theme.gap * 2
            radius: height / 2
            color: Theme.outline
            Accessible.role: Accessible.ProgressBar
            Accessible.name: qsTr("Volume")
            Rectangle {
                width: parent.width * controls.player.volume / Math.max(1, controls.player.volumeMax)
                height: parent.height
                radius: parent.radius
                color: Theme.accent
            }
        }

        PlayerButton {
            objectName: "volumeUpButton"
            accessibleName: qsTr("Volume up")
            enabled: controls.player.volume < controls.player.volumeMax
            onClicked: controls.player.setVolume(controls.player.volume + controls.volumeStep)
            PlayerLabel { anchors.fill: parent; text: "+" }
        }

        KioskButton {
            objectName: "captionsButton"
            text: qsTr("Captions")
            accessibleName: controls.player.captions.on ? qsTr("Turn captions off")
                                                       : qsTr("Turn captions on")
            checked: controls.player.captions.on
            visible: controls.player.captions.available && controls.player.isVideo
            onClicked: controls.player.captions.setOn(!controls.player.captions.on)
        }

        KioskButton {
            objectName: "audioDescriptionButton"
            text: qsTr("Audio description")
            checked: controls.player.audioDescriptionOn
            visible: controls.player.hasAudioDescription
            onClicked: controls.player.setAudioDescriptionOn(!controls.player.audioDescriptionOn)
        }
    }
}
