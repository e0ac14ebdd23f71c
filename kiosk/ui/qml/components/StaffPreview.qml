pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The staff preview: a stored version shown with the visitors' own pages, inside a frame whose
// bar always offers "End preview". Visitors never see it; it ends with the staff panel.
Rectangle {
    id: root
    required property ContentSwitcher switcher
    readonly property KioskState previewKiosk: root.switcher.previewKiosk as KioskState
    color: Theme.background

    // Swallow touches meant for the panel beneath.
    TapHandler {}

    Connections {
        target: root.previewKiosk
        ignoreUnknownSignals: true
        function onPageChanged() { pageLoader.showCurrentPage() }
    }

    Rectangle {
        id: bar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: Theme.largeTarget + Theme.spacing
        color: Theme.accent
        z: 2

        Row {
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            anchors.leftMargin: Theme.spacing
            spacing: Theme.spacing
            KioskButton {
                objectName: "previewBack"
                visible: root.previewKiosk !== null && root.previewKiosk.canGoBack
                // Back points the way the panel reads (its bar follows the panel's direction).
                text: bar.LayoutMirroring.enabled ? "→" : "←"
                accessibleName: qsTr("Back")
                onClicked: root.previewKiosk.back()
            }
            Text {
                anchors.verticalCenter: parent.verticalCenter
                //: %1 is the version id
                text: qsTr("Preview of version %1: visitors do not see it").arg(root.switcher.previewId)
                color: Theme.accentText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.bold: true
            }
        }
        KioskButton {
            objectName: "endPreview"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.rightMargin: Theme.spacing
            text: qsTr("End preview")
            onClicked: root.switcher.end_preview()
        }
    }

    Item {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: bar.bottom
        anchors.bottom: parent.bottom
        clip: true
        // The previewed pages face the way their own language reads, not the panel's.
        LayoutMirroring.enabled: root.previewKiosk !== null && root.previewKiosk.rtl
        LayoutMirroring.childrenInherit: true
        PageLoader {
            id: pageLoader
            objectName: "previewLoader"
            anchors.fill: parent
            kiosk: root.previewKiosk
            onKioskChanged: pageLoader.showCurrentPage()
        }
    }
}
