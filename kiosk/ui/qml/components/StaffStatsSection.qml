pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// "Statistics": visits per day, languages and the most watched stories over the last days,
// then the export of every event as a CSV file onto a USB stick.
Flickable {
    id: root
    required property StaffStats stats
    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: root.width
        spacing: Theme.margin

        StaffText {
            objectName: "statsSummary"
            width: parent.width
            strong: true
            font.pixelSize: Theme.titleSize
            //: %1 visits, %2 days
            text: qsTr("%1 visits over the last %2 days").arg(root.stats.totalSessions)
                  .arg(root.stats.periodDays)
        }

        StaffBarChart {
            objectName: "chartDays"
            width: parent.width
            vertical: true
            title: qsTr("Visits per day")
            rows: root.stats.days
            labelRole: "label"
        }

        Row {
            width: parent.width
            spacing: Theme.margin
            StaffBarChart {
                objectName: "chartLanguages"
                width: (parent.width - Theme.margin) / 2
                title: qsTr("Languages chosen")
                rows: root.stats.languages
                labelRole: "name"
            }
            StaffBarChart {
                objectName: "chartStories"
                width: (parent.width - Theme.margin) / 2
                title: qsTr("Most watched stories")
                rows: root.stats.stories
                labelRole: "title"
            }
        }

        StaffText {
            width: parent.width
            strong: true
            font.pixelSize: Theme.labelSize
            text: qsTr("Export to a USB stick")
        }
        StaffText {
            width: parent.width
            visible: root.stats.exportTargets.length === 0
            text: qsTr("Plug in a USB stick, then touch “Look again”.")
        }
        Flow {
            width: parent.width
            spacing: Theme.spacing
            Repeater {
                model: root.stats.exportTargets
                KioskButton {
                    required property var modelData
                    required property int index
                    objectName: "exportTo_" + index
                    primary: true
                    enabled: !root.stats.exporting
                    text: qsTr("Export to “%1”").arg(modelData.name)
                    onClicked: root.stats.exportTo(modelData.path)
                }
            }
            KioskButton {
                objectName: "statsRefresh"
                text: qsTr("Look again")
                accessibleName: qsTr("Look again for USB sticks and new visits")
                onClicked: root.stats.refresh()
            }
        }
        StaffMessage {
            objectName: "exportMessage"
            width: parent.width
            text: root.stats.message
            kind: root.stats.messageKind
        }
    }

    Component.onCompleted: root.stats.refresh()
}
