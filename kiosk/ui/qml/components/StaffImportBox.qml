pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Importing from a USB stick or a folder: packages found on the sticks as big buttons, a folder
// chooser that stays inside the allowed places, then the progress and the validator's report.
Flickable {
    id: root
    required property StaffImport importer
    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    function phaseLabel(phase) {
        switch (phase) {
        case "scanning": return qsTr("Reading the package…")
        case "copying": return qsTr("Copying to the kiosk…")
        case "validating": return qsTr("Checking the package…")
        case "storing": return qsTr("Storing the new version…")
        default: return ""
        }
    }

    Column {
        id: column
        width: root.width
        spacing: Theme.spacing

        StaffText {
            width: parent.width
            strong: true
            font.pixelSize: Theme.titleSize
            text: qsTr("Import a new exhibition")
        }

        // What the inbox folder (kept in sync from the office) did by itself, if anything.
        StaffMessage {
            objectName: "inboxMessage"
            width: parent.width
            kind: root.importer.inboxKind
            text: root.importer.inboxMessage === "" ? ""
                  : qsTr("Inbox folder:") + " " + root.importer.inboxMessage
        }

        // Choosing what to import (hidden while an import runs or its outcome is shown).
        Column {
            width: parent.width
            spacing: Theme.spacing
            visible: !root.importer.busy && root.importer.resultKind === ""

            StaffText {
                width: parent.width
                text: root.importer.packages.length > 0
                      ? qsTr("Exhibitions found on the USB stick:")
                      : qsTr("No exhibition found on a USB stick. Plug one in, then touch “Look again”.")
            }
            Repeater {
                model: root.importer.packages
                KioskButton {
                    required property var modelData
                    required property int index
                    objectName: "importPackage_" + index
                    width: parent.width
                    primary: true
                    text: qsTr("Import “%1”").arg(modelData.name)
                    onClicked: root.importer.startImport(modelData.path)
                }
            }
            KioskButton {
                // A Column puts its children at x = 0 whatever the direction; an anchor follows it,
                // so in Arabic this starts at the right edge.
                anchors.left: parent.left
                objectName: "refreshSources"
                text: qsTr("Look again")
                accessibleName: qsTr("Look again for USB sticks")
                onClicked: root.importer.refreshSources()
            }

            StaffText {
                width: parent.width
                text: qsTr("Or open a folder:")
            }
            Flow {
                width: parent.width
                spacing: Theme.gap
                visible: root.importer.folder === ""
                Repeater {
                    model: root.importer.sources
                    KioskButton {
                        required property var modelData
                        objectName: "source_" + modelData.name
                        text: modelData.name
                        onClicked: root.importer.openFolder(modelData.path)
                    }
                }
            }
            Column {
                width: parent.width
                spacing: Theme.gap
                visible: root.importer.folder !== ""
                StaffText {
                    width: parent.width
                    color: Theme.mutedText
                    text: root.importer.folder
                }
                KioskButton {
                    anchors.left: parent.left
                    objectName: "folderUp"
                    text: qsTr("Up one level")
                    onClicked: root.importer.folderUp()
                }
                Repeater {
                    model: root.importer.folderEntries
                    KioskButton {
                        required property var modelData
                        objectName: "folder_" + modelData.name
                        width: parent.width
                        text: modelData.isPackage ? qsTr("%1 (exhibition)").arg(modelData.name)
                                                  : modelData.name
                        onClicked: root.importer.openFolder(modelData.path)
                    }
                }
                KioskButton {
                    objectName: "importFolder"
                    visible: root.importer.folderIsPackage
                    width: parent.width
                    primary: true
                    text: qsTr("Import this folder")
                    onClicked: root.importer.startImport(root.importer.folder)
                }
            }
        }

        // Progress.
        Column {
            objectName: "importProgress"
            width: parent.width
            spacing: Theme.gap
            visible: root.importer.busy

            StaffText {
                width: parent.width
                strong: true
                text: root.phaseLabel(root.importer.phase)
            }
            Rectangle {
                objectName: "importProgressBar"
                width: parent.width
                height: Theme.touchTarget / 2
                radius: height / 2
                color: Theme.surface
                border.color: Theme.outline
                border.width: 2
                Accessible.role: Accessible.ProgressBar
                Accessible.name: qsTr("Import progress")
                Rectangle {
                    objectName: "importProgressFill"
                    width: parent.width * Math.max(0, Math.min(1, root.importer.fraction))
                    height: parent.height
                    radius: parent.radius
                    color: Theme.accent
                }
            }
            StaffText {
                objectName: "importProgressText"
                width: parent.width
                text: root.importer.progressText
            }
            StaffText {
                width: parent.width
                color: Theme.mutedText
                elide: Text.ElideMiddle
                wrapMode: Text.NoWrap
                text: root.importer.currentFile
            }
            KioskButton {
                anchors.left: parent.left
                objectName: "cancelImport"
                text: qsTr("Cancel the import")
                onClicked: root.importer.cancelImport()
            }
        }

        // Outcome and report.
        StaffMessage {
            objectName: "importResult"
            width: parent.width
            text: root.importer.resultMessage
            kind: root.importer.resultKind
        }
        StaffProblemList {
            objectName: "importProblems"
            width: parent.width
            height: implicitHeight
            visible: count > 0
            problems: root.importer.problems
        }
        KioskButton {
            anchors.left: parent.left
            objectName: "dismissImport"
            visible: root.importer.resultKind !== "" && !root.importer.busy
            text: qsTr("OK")
            accessibleName: qsTr("Close this message")
            onClicked: root.importer.dismissResult()
        }
    }
}
