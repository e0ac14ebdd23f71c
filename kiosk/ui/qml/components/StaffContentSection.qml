pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// "Content": import on the left, the versions (preview, publish, go back) on the right.
Item {
    id: root
    required property StaffPanel staff

    Row {
        anchors.fill: parent
        spacing: Theme.margin

        StaffImportBox {
            objectName: "importBox"
            width: (parent.width - Theme.margin) / 2
            height: parent.height
            importer: root.staff.importer
        }
        StaffVersionList {
            objectName: "versionList"
            width: (parent.width - Theme.margin) / 2
            height: parent.height
            versions: root.staff.versions
            switcher: root.staff.switcher
        }
    }

    Component.onCompleted: {
        root.staff.importer.refreshSources()
        root.staff.versions.refresh()
    }
}
