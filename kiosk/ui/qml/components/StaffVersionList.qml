pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The exhibition versions kept on the kiosk, newest first, with preview and publish on each,
// delete on those neither published nor kept for going back, and one "go back" button.
// Publishing, deleting and going back ask for confirmation first.
Flickable {
    id: root
    required property StaffVersions versions
    required property ContentSwitcher switcher
    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    function stateLabel(state) {
        switch (state) {
        case "active": return qsTr("Published")
        case "previous": return qsTr("Previous version")
        case "preview": return qsTr("Not published yet")
        default: return qsTr("Older version")
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
            text: qsTr("Exhibition versions")
        }
        StaffText {
            width: parent.width
            visible: root.versions.versions.length === 0
            text: qsTr("No exhibition has been imported yet: visitors see the demonstration.")
        }
        StaffMessage {
            objectName: "pendingNotice"
            width: parent.width
            kind: "warning"
            text: root.switcher.pendingId === "" ? ""
                  : qsTr("Visitors will see the newly published version when the kiosk next returns to its welcome screen.")
        }

        Repeater {
            model: root.versions.versions
            Rectangle {
                id: card
                required property var modelData
                objectName: "version_" + modelData.versionId
                width: column.width
                height: cardBody.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.width: Math.max(2, Math.round(3 * Theme.unit))
                border.color: modelData.state === "active" ? Theme.accent : Theme.outline
                Accessible.role: Accessible.Grouping
                Accessible.name: modelData.title + ", " + root.stateLabel(modelData.state)

                Column {
                    id: cardBody
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacing
                    spacing: Theme.gap
                    StaffText {
                        width: parent.width
                        strong: true
                        text: card.modelData.title + " — " + root.stateLabel(card.modelData.state)
                    }
                    StaffText {
                        width: parent.width
                        color: Theme.mutedText
                        //: %1 import date, %2 size and file count, %3 version id
                        text: qsTr("Imported %1 · %2 · %3").arg(card.modelData.created)
                              .arg(card.modelData.sizeText).arg(card.modelData.versionId)
                    }
                    StaffText {
                        width: parent.width
                        visible: card.modelData.warnings > 0
                        color: Theme.accent
                        text: qsTr("%n warning(s) at import", "", card.modelData.warnings)
                    }
                    // A Flow, so that a third button wraps in a narrow (portrait) column.
                    Flow {
                        width: parent.width
                        spacing: Theme.spacing
                        KioskButton {
                            objectName: "preview_" + card.modelData.versionId
                            text: qsTr("Preview")
                            accessibleName: qsTr("Preview this version")
                            enabled: !root.versions.busy
                            onClicked: root.versions.preview(card.modelData.versionId)
                        }
                        KioskButton {
                            objectName: "publish_" + card.modelData.versionId
                            visible: card.modelData.state !== "active"
                            enabled: !root.versions.busy
                            primary: true
                            text: qsTr("Publish")
                            accessibleName: qsTr("Publish this version")
                            onClicked: root.versions.askPublish(card.modelData.versionId)
                        }
                        KioskButton {
                            objectName: "delete_" + card.modelData.versionId
                            // Hidden, not greyed: the published and the previous version can
                            // never be deleted, so there is nothing to explain.
                            visible: card.modelData.deletable
                            enabled: !root.versions.busy
                            text: qsTr("Delete")
                            accessibleName: qsTr("Delete this version")
                            onClicked: root.versions.askDelete(card.modelData.versionId)
                        }
                    }
                }
            }
        }

        KioskButton {
            objectName: "rollback"
            width: parent.width
            enabled: root.versions.canRollback
            opacity: enabled ? 1.0 : 0.4
            text: qsTr("Go back to the previous version")
            onClicked: root.versions.askRollback()
        }
        StaffMessage {
            objectName: "versionsMessage"
            width: parent.width
            text: root.versions.message
            kind: root.versions.messageKind
        }
    }
}
