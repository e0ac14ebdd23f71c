pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// The staff panel: a PIN pad first, then four sections (content, statistics, settings, state).
// Reached by the hidden corner gesture; leaving (or a few minutes without touch) locks it and
// returns the kiosk to its welcome screen, where a freshly published version appears.
Item {
    id: page
    objectName: "staffPage"
    required property KioskState kiosk
    // Null until the shell hands the panel over (kiosk.staff): the page then says so calmly.
    readonly property StaffPanel staff: page.kiosk.staff ?? null
    property string section: "content"

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Staff panel")

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    StaffText {
        objectName: "staffUnavailable"
        visible: page.staff === null
        anchors.centerIn: parent
        text: qsTr("The staff panel is not available on this kiosk.")
    }

    Loader {
        objectName: "staffLoader"
        anchors.fill: parent
        active: page.staff !== null
        sourceComponent: Item {
            // Counting time without touch starts with the PIN pad, not only once unlocked.
            Component.onCompleted: page.staff.shown()

            StaffPinKeys {
                objectName: "staffPinPad"
                visible: !page.staff.unlocked
                anchors.fill: parent
                pad: page.staff.pinPad
                onCancelled: page.staff.leave()
            }

            Item {
                id: panel
                objectName: "staffSections"
                visible: page.staff.unlocked
                anchors.fill: parent
                anchors.margins: Theme.spacing

                Row {
                    id: header
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    spacing: Theme.gap

                    Repeater {
                        model: [
                            { key: "content", label: qsTr("Content") },
                            { key: "stats", label: qsTr("Statistics") },
                            { key: "settings", label: qsTr("Settings") },
                            { key: "health", label: qsTr("State") }
                        ]
                        KioskButton {
                            required property var modelData
                            objectName: "staffTab_" + modelData.key
                            text: modelData.label
                            checked: page.section === modelData.key
                            width: Math.max(implicitWidth, 5 * Theme.touchTarget)
                            onClicked: page.section = modelData.key
                        }
                    }
                }

                KioskButton {
                    objectName: "staffLeave"
                    anchors.right: parent.right
                    anchors.top: parent.top
                    text: qsTr("Leave")
                    accessibleName: qsTr("Leave the staff panel")
                    primary: true
                    width: Math.max(implicitWidth, 3 * Theme.touchTarget)
                    onClicked: page.staff.leave()
                }

                Loader {
                    id: sectionLoader
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: header.bottom
                    anchors.bottom: parent.bottom
                    anchors.topMargin: Theme.spacing
                    active: page.staff.unlocked
                    sourceComponent: page.section === "stats" ? statsSection
                                   : page.section === "settings" ? settingsSection
                                   : page.section === "health" ? healthSection
                                   : contentSection
                }
            }

            Component {
                id: contentSection
                StaffContentSection { staff: page.staff }
            }
            Component {
                id: statsSection
                StaffStatsSection { stats: page.staff.stats }
            }
            Component {
                id: settingsSection
                StaffSettingsSection { settings: page.staff.settings }
            }
            Component {
                id: healthSection
                StaffHealthSection { health: page.staff.health }
            }

            StaffPreview {
                objectName: "staffPreview"
                anchors.fill: parent
                visible: page.staff.unlocked && page.staff.switcher.previewing
                switcher: page.staff.switcher
            }

            StaffConfirm {
                objectName: "staffConfirm"
                anchors.fill: parent
                visible: page.staff.unlocked && page.staff.versions.confirmText !== ""
                text: page.staff.versions.confirmText
                onAccepted: page.staff.versions.confirm()
                onRejected: page.staff.versions.cancelConfirm()
            }
        }
    }

    Connections {
        target: page.staff
        function onLeaveRequested() { page.kiosk.reset_session() }
    }

    // However the page goes (idle reset, navigation), the next visit needs the PIN again.
    Component.onDestruction: if (page.staff) page.staff.lock()
}
