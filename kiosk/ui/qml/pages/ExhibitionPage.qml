pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../components"

// The musicians: the exhibition's introduction, then a grid of cards with kinetic scrolling.
// Four columns in landscape, two in portrait; fewer when the text is larger.
Item {
    id: page
    objectName: "exhibitionPage"
    required property KioskState kiosk

    readonly property var intro: page.kiosk.content.intro(page.kiosk.language)

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("The musicians")

    PageHeading {
        id: heading
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        anchors.bottomMargin: 0
        title: qsTr("The musicians")
        detail: qsTr("Touch a musician to see their photos and hear their stories.")
    }

    GridView {
        id: grid
        objectName: "artistGrid"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin - Theme.gap
        anchors.rightMargin: Theme.margin - Theme.gap
        anchors.topMargin: Theme.spacing
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.flickDeceleration
        maximumFlickVelocity: Theme.maximumFlickVelocity
        readonly property int columns: Math.max(1, (Theme.portrait ? 2 : 4) - (Theme.textScale > 1.4 ? 1 : 0))
        cellWidth: Math.floor(width / columns)
        cellHeight: Math.round(cellWidth * 1.12) + Math.round((Theme.textScale - 1) * Theme.largeTarget * 2)
        bottomMargin: Theme.margin
        model: page.kiosk.content.artists
        // Back from an artist: the grid is where the visitor left it. Counted from the top of
        // the introduction (the header starts above 0), so a first visit opens on it.
        onMovementEnded: page.kiosk.rememberPosition("exhibition", contentY - originY)
        Component.onCompleted: Qt.callLater(() => { grid.contentY = grid.originY + page.kiosk.position("exhibition") })

        // The introduction scrolls with the cards, so a long one never squeezes the grid.
        header: Item {
            width: grid.width
            height: introText.visible ? introColumn.height + Theme.spacing : 0
            Column {
                id: introColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.leftMargin: Theme.gap
                anchors.rightMargin: Theme.gap
                spacing: Theme.gap
                Text {
                    id: introText
                    objectName: "exhibitionIntro"
                    anchors.left: parent.left
                    width: Math.min(parent.width, Theme.maxTextWidth)
                    visible: text !== ""
                    text: page.intro.text
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                    lineHeight: 1.35
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignLeft
                }
                FallbackNotice {
                    objectName: "exhibitionIntroNotice"
                    width: parent.width
                    text: introText.visible ? page.intro.notice : ""
                }
            }
        }

        delegate: Item {
            id: cell
            required property string artistId
            required property string name
            required property string instrument
            required property string origin
            required property string town
            required property string portrait
            required property bool example
            width: grid.cellWidth
            height: grid.cellHeight
            ArtistCard {
                objectName: "artist-" + cell.artistId
                anchors.fill: parent
                anchors.margins: Theme.gap
                name: cell.name
                instrument: cell.instrument
                origin: cell.origin
                town: cell.town
                portrait: cell.portrait
                example: cell.example
                onClicked: page.kiosk.open("artist", cell.artistId)
            }
        }
    }
}
