pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// "State": what a technician asks on the phone: versions, uptime, disk, libvlc, the last errors
// in the log and the last native crash, if any.
Flickable {
    id: root
    required property StaffHealth health
    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: root.width
        spacing: Theme.spacing

        Column {
            // A Column puts its children at x = 0 whatever the direction; an anchor follows it,
            // so in Arabic this starts at the right edge.
            anchors.left: parent.left
            spacing: Theme.gap
            Repeater {
                model: [
                    { key: "kioskVersion", label: qsTr("Kiosk version"), value: root.health.kioskVersion },
                    { key: "contentVersion", label: qsTr("Exhibition version"), value: root.health.contentVersion },
                    { key: "uptime", label: qsTr("Running for"), value: root.health.uptime },
                    { key: "diskFree", label: qsTr("Disk"), value: root.health.diskFree },
                    { key: "libvlcVersion", label: qsTr("Video player (libvlc)"), value: root.health.libvlcVersion }
                ]
                delegate: Row {
                    id: fact
                    required property var modelData
                    anchors.left: parent.left  // rows of different widths: labels line up
                    spacing: Theme.margin
                    StaffText { width: 7 * Theme.touchTarget; text: fact.modelData.label }
                    StaffText {
                        objectName: "health_" + fact.modelData.key
                        strong: true
                        text: fact.modelData.value
                        Accessible.role: Accessible.StaticText
                        Accessible.name: fact.modelData.label + ": " + fact.modelData.value
                    }
                }
            }
        }

        StaffText { width: parent.width; strong: true; font.pixelSize: Theme.labelSize; text: qsTr("Last errors in the log") }
        StaffText {
            width: parent.width
            visible: root.health.lastErrors.length === 0
            color: Theme.mutedText
            text: qsTr("No error recorded.")
        }
        Repeater {
            model: root.health.lastErrors
            StaffText {
                required property string modelData
                objectName: "healthError"
                width: column.width
                font.pixelSize: Theme.smallSize
                text: modelData
            }
        }

        StaffText { width: parent.width; strong: true; font.pixelSize: Theme.labelSize; text: qsTr("Last crash") }
        StaffText {
            objectName: "healthCrash"
            width: parent.width
            font.pixelSize: Theme.smallSize
            text: root.health.crashName === "" ? qsTr("No crash recorded.")
                  : root.health.crashName + "\n" + root.health.crashText
        }

        KioskButton {
            anchors.left: parent.left
            objectName: "healthRefresh"
            text: qsTr("Refresh")
            onClicked: root.health.refresh()
        }
    }

    Component.onCompleted: root.health.refresh()
}
