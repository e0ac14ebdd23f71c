import QtQuick
import Kiosk.Media

// The picture of a story: the video (or the musician's portrait for an audio story), the caption
// of the moment over it, and a calm card instead when the story cannot be played.
Rectangle {
    id: view

    required property PlayerModel player

    color: "black"
    clip: true

    Accessible.role: Accessible.Graphic
    Accessible.name: view.player.title

    // The video picture is one item the view-model keeps and moves into this area, and out of
    // it before the page goes (kiosk/ui/video_item.py says why it is not declared here).
    Item {
        id: videoArea
        anchors.fill: parent
        visible: view.player.isVideo && view.player.state !== "error"
        Component.onCompleted: view.player.showVideoIn(videoArea)
        Component.onDestruction: if (view.player) view.player.hideVideoFrom(videoArea)
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
        visible: view.player.isVideo && view.player.captions.on && view.player.state !== "error"
        text: view.player.captions.text
        notice: view.player.captions.notice
    }

    PlayerErrorCard {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, implicitWidth)
        visible: view.player.state === "error"
        text: view.player.errorText
    }
}
