import QtQuick
import QtQuick.Window
import Kiosk

// Test window standing in for Main.qml: it loads the staff page the way Main.qml's page loader
// does (pages/<component>.qml with the kiosk state), and nothing else, so the staff tests do
// not depend on the visitor pages.
Window {
    id: root
    required property KioskState kiosk
    required property url pagesDir

    width: 1920
    height: 1080
    visible: true
    color: "black"

    Loader {
        id: pageLoader
        objectName: "pageLoader"
        anchors.fill: parent
        focus: true
        // As Main.qml does around its pages.
        LayoutMirroring.enabled: root.kiosk !== null && root.kiosk.rtl
        LayoutMirroring.childrenInherit: true
        function showCurrentPage() {
            if (root.kiosk.page === "staff")
                setSource(root.pagesDir + "/StaffPage.qml", { kiosk: root.kiosk })
            else
                source = ""
        }
    }

    Connections {
        target: root.kiosk
        function onPageChanged() { pageLoader.showCurrentPage() }
    }

    Component.onCompleted: pageLoader.showCurrentPage()
}
