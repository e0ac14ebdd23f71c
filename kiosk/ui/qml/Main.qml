import QtQuick
import QtQuick.Window
import Kiosk
import "components"

// The one window of the kiosk. Pages are loaded by name from the root view-model; the layout
// mirrors for right-to-left languages.
Window {
    id: root

    required property KioskState kiosk

    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    title: kiosk.title

    onWidthChanged: Theme.viewportWidth = width
    onHeightChanged: Theme.viewportHeight = height

    // A visitor can never close the kiosk; a preview window closes normally.
    onClosing: (close) => { close.accepted = !root.kiosk.kioskMode }

    Item {
        id: content
        anchors.fill: parent
        LayoutMirroring.enabled: root.kiosk.rtl
        LayoutMirroring.childrenInherit: true

        Loader {
            id: pageLoader
            objectName: "pageLoader"
            anchors.fill: parent
            focus: true

            function showCurrentPage() {
                setSource(Qt.resolvedUrl("pages/" + root.kiosk.pageComponent + ".qml"),
                          { kiosk: root.kiosk })
            }
        }

        TopBar {
            id: topBar
            objectName: "topBar"
            kiosk: root.kiosk
            visible: root.kiosk.page !== "attract" && root.kiosk.page !== "staff"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
        }

        DemoBadge {
            visible: root.kiosk.demo && root.kiosk.page !== "staff"
            anchors.bottom: parent.bottom
            anchors.right: parent.right
            anchors.margins: Theme.spacing
        }
    }

    Connections {
        target: root.kiosk
        function onPageChanged() { pageLoader.showCurrentPage() }
    }

    Component.onCompleted: {
        Theme.viewportWidth = width
        Theme.viewportHeight = height
        pageLoader.showCurrentPage()
    }
}
