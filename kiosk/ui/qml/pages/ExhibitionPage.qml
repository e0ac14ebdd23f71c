pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../components"

// The musicians: a grid of cards with kinetic scrolling. Four columns in landscape, two in
// portrait; fewer when the text is larger.
Item {
    id: page
    objectName: "exhibitionPage"
    required property KioskState kiosk

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
        // Back from an artist: the grid is where the visitor left it.
        onMovementEnded: page.kiosk.rememberPosition("exhibition", contentY)
        Component.onCompleted: Qt.callLater(() => { grid.contentY = page.kiosk.position("exhibition") })

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
