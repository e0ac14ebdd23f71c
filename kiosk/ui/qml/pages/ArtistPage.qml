pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../components"

// One musician: photos (swipe, pinch, double-tap), who they are, their stories, their biography.
// Stories come first in the reading order: they are what visitors came for.
Item {
    id: page
    objectName: "artistPage"
    required property KioskState kiosk
    // The artist's id, given once by Main.qml's loader rather than bound to kiosk.pageArgument:
    // when the visitor leaves, this page must not rebuild itself for the next page's argument
    // (items made and dropped inside a Python signal emission keep ~60 KB each, PySide 6.12).
    required property string argument

    readonly property var artist: page.kiosk.content.artist(page.argument, page.kiosk.language)
    // Not bound to the language: switching language keeps the photo being looked at.
    readonly property var pictures: page.kiosk.content.artistPictures(page.argument)

    Accessible.role: Accessible.Pane
    Accessible.name: page.artist.name

    PhotoGallery {
        id: gallery
        photos: page.pictures
        visible: page.pictures.length > 0
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.margin
        width: Theme.portrait ? parent.width - 2 * Theme.margin : Math.round(parent.width * 0.44)
        height: Theme.portrait ? Math.round(parent.height * 0.36) : parent.height - 2 * Theme.margin
    }

    Flickable {
        id: details
        objectName: "artistDetails"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.left: Theme.portrait || !gallery.visible ? parent.left : gallery.right
        anchors.top: Theme.portrait && gallery.visible ? gallery.bottom : parent.top
        clip: true
        contentHeight: column.height + 2 * Theme.margin
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.flickDeceleration
        maximumFlickVelocity: Theme.maximumFlickVelocity

        Column {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: details.width - 2 * Theme.margin
            spacing: Theme.spacing

            Row {
                spacing: Theme.spacing
                width: parent.width
                Text {
                    objectName: "artistName"
                    width: Math.min(implicitWidth, parent.width - exampleChip.width - Theme.spacing)
                    text: page.artist.name
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.displaySize
                    font.bold: true
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignLeft
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Chip {
                    id: exampleChip
                    anchors.verticalCenter: parent.verticalCenter
                    text: page.artist.example ? qsTr("Example") : ""
                }
            }
            Text {
                width: parent.width
                text: [page.artist.instrument, page.artist.origin].filter(t => t).join(" · ")
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
            }
            Text {
                width: parent.width
                visible: !!page.artist.town
                text: qsTr("In the 93: {town}").replace("{town}", page.artist.town || "")
                color: Theme.mutedText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
            }

            Item { width: 1; height: Theme.spacing }

            Text {
                width: parent.width
                visible: page.artist.found && page.artist.stories.length > 0
                text: qsTr("Stories")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                horizontalAlignment: Text.AlignLeft
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Repeater {
                model: page.artist.found ? page.artist.stories : []
                delegate: StoryButton {
                    required property var modelData
                    objectName: "story-" + modelData.id
                    width: column.width
                    title: modelData.title
                    summary: modelData.summary
                    video: modelData.kind === "video"
                    onClicked: page.kiosk.open("story", modelData.id)
                }
            }

            Item { width: 1; height: Theme.spacing }

            Text {
                objectName: "artistBio"
                anchors.left: parent.left
                width: Math.min(parent.width, Theme.maxTextWidth)
                text: page.artist.bio || ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                lineHeight: 1.35
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
            }
            FallbackNotice {
                width: parent.width
                text: page.artist.bioNotice || ""
            }
        }
    }
}
