pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// "Settings": the few things staff may change. Nothing applies until "Save"; then it is
// written into the configuration file and applied at once, without a restart.
Flickable {
    id: root
    required property StaffSettings settings
    readonly property var values: settings.values
    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: root.width
        spacing: Theme.spacing

        StaffStepper {
            // A Column puts its children at x = 0 whatever the direction; an anchor follows it,
            // so in Arabic this starts at the right edge.
            anchors.left: parent.left
            key: "idle_timeout_s"
            label: qsTr("Back to the welcome screen after")
            //: %1 is a number of seconds
            valueText: qsTr("%1 s").arg(root.values.idle_timeout_s)
            onStepped: (direction) => root.settings.step(key, direction)
        }
        StaffStepper {
            anchors.left: parent.left
            key: "volume_default"
            label: qsTr("Volume at the start of each visit")
            valueText: root.values.volume_default + " %"
            onStepped: (direction) => root.settings.step(key, direction)
        }
        StaffStepper {
            anchors.left: parent.left
            key: "volume_max"
            label: qsTr("Maximum volume")
            valueText: root.values.volume_max + " %"
            onStepped: (direction) => root.settings.step(key, direction)
        }
        StaffStepper {
            anchors.left: parent.left
            key: "attract_interval_s"
            label: qsTr("Welcome slideshow: each picture for")
            valueText: qsTr("%1 s").arg(root.values.attract_interval_s)
            onStepped: (direction) => root.settings.step(key, direction)
        }

        Row {
            anchors.left: parent.left
            spacing: Theme.spacing
            KioskButton {
                objectName: "toggle_reduce_motion"
                checked: root.values.reduce_motion
                text: qsTr("Reduce motion")
                onClicked: root.settings.toggle("reduce_motion")
            }
            KioskButton {
                objectName: "toggle_demo_badge"
                checked: root.values.demo_badge
                text: qsTr("Show the “demonstration” badge")
                onClicked: root.settings.toggle("demo_badge")
            }
        }

        StaffText { width: parent.width; strong: true; text: qsTr("Languages offered to visitors") }
        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: root.settings.allLanguages
                KioskButton {
                    required property var modelData
                    objectName: "offer_" + modelData.code
                    checked: root.values.languages.indexOf(modelData.code) >= 0
                    text: modelData.name
                    onClicked: root.settings.toggleLanguage(modelData.code)
                }
            }
        }
        StaffText { width: parent.width; strong: true; text: qsTr("Language at the start of each visit") }
        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: root.settings.allLanguages
                KioskButton {
                    required property var modelData
                    objectName: "default_" + modelData.code
                    checked: root.values.default_language === modelData.code
                    text: modelData.name
                    onClicked: root.settings.setDefaultLanguage(modelData.code)
                }
            }
        }
        StaffText { width: parent.width; strong: true; text: qsTr("Time zone") }
        Flow {
            width: parent.width
            spacing: Theme.gap
            Repeater {
                model: root.settings.timezones
                KioskButton {
                    required property string modelData
                    objectName: "timezone_" + modelData
                    checked: root.values.timezone === modelData
                    fontSize: Theme.smallSize
                    text: modelData
                    onClicked: root.settings.setTimezone(modelData)
                }
            }
        }

        StaffMessage {
            objectName: "settingsMessage"
            width: parent.width
            text: root.settings.message
            kind: root.settings.messageKind
        }
        Row {
            anchors.left: parent.left
            spacing: Theme.spacing
            KioskButton {
                objectName: "saveSettings"
                primary: true
                enabled: root.settings.dirty
                opacity: enabled ? 1.0 : 0.4
                width: Math.max(implicitWidth, 4 * Theme.touchTarget)
                text: qsTr("Save")
                accessibleName: qsTr("Save and apply the settings")
                onClicked: root.settings.save()
            }
            KioskButton {
                objectName: "revertSettings"
                enabled: root.settings.dirty
                opacity: enabled ? 1.0 : 0.4
                width: Math.max(implicitWidth, 4 * Theme.touchTarget)
                text: qsTr("Undo changes")
                onClicked: root.settings.revert()
            }
        }
    }
}
