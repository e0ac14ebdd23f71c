pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../components"

// The visit programme, grouped by day. "Now" and "Next" follow the kiosk's clock (``--now`` in
// demonstrations); times are only shown when the content gives them.
Item {
    id: page
    objectName: "programmePage"
    required property KioskState kiosk

    readonly property var days: page.kiosk.content.programme(page.kiosk.language)

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Programme")

    // A language switch rebuilds the list; the visitor stays where they had scrolled to.
    property real keptY: NaN
    onDaysChanged: Qt.callLater(() => {
        if (!isNaN(page.keptY))
            list.contentY = page.keptY
    })

    ListView {
        id: list
        objectName: "programmeList"
        anchors.fill: parent
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.flickDeceleration
        maximumFlickVelocity: Theme.maximumFlickVelocity
        topMargin: Theme.margin
        bottomMargin: Theme.margin * 2
        spacing: Theme.margin
        model: page.days
        // No "current" event: the list opens on its title, not on the first day.
        currentIndex: -1
        keyNavigationEnabled: false
        onMovementEnded: page.keptY = contentY

        header: Item {
            width: list.width
            height: heading.implicitHeight + Theme.margin
            PageHeading {
                id: heading
                x: Theme.margin
                width: parent.width - 2 * Theme.margin
                title: qsTr("Programme")
                detail: page.days.length === 0 ? qsTr("No event is announced at the moment.") : ""
            }
        }

        delegate: Item {
            id: day
            required property var modelData
            width: list.width
            height: dayColumn.height

        Column {
            id: dayColumn
            x: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing

            Text {
                width: parent.width
                text: day.modelData.label
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Repeater {
                model: day.modelData.events
                delegate: EventCard {
                    required property var modelData
                    objectName: "event-" + modelData.id
                    width: dayColumn.width
                    event: modelData
                }
            }
        }
        }
    }
}
