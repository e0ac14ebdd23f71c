import QtQuick
import Kiosk.Media

// The picture of a story: the video (or the musician's portrait for an audio story), the caption
// of the moment over it, and a calm card instead when the story cannot be played.
Rectangle {
    id: view

    required property PlayerModel player
    readonly property alias video: videoItem

    color: "black"
    clip: true

    Accessible.role: Accessible.Graphic
    Accessible.name: view.player.title

    VideoItem {
        id: videoItem
        objectName: "videoItem"
        anchors.fill: parent
        player: view.player
        visible: view.player.isVideo && view.player.state !== "error"
    }

    Image {
        objectName: "portrait"
        anchors.fill: parent
        visible: !view.player.isVideo && view.player.state !== "error"
        source: view.player.portrait
        fillMode: Image.PreserveAspectFit
        asynchronous: true
    }

    CaptionOverlay {
        anchors.fill: parent
        visible: view.player.isVideo && view.player.captionsOn && view.player.state !== "error"
        text: view.player.captionText
        notice: view.player.captionNotice
    }

    PlayerErrorCard {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, implicitWidth)
        visible: view.player.state === "error"
        text: view.player.errorText
    }
}
