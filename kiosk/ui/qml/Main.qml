import QtQuick
import QtQuick.Window
import Kiosk
import "components"

// The one window of the kiosk. Pages are loaded by name from the root view-model; the layout
// mirrors for right-to-left languages. In the low-reach layout the navigation bar moves to the
// bottom and pages live in the lower part of the screen, so every control is within reach of a
// seated visitor.
Window {
    id: root

    required property KioskState kiosk

    // The staff panel draws its own bar; until it exists, the staff route shows the usual one.
    readonly property bool chromeShown: kiosk.page !== "attract"
                                        && (kiosk.page !== "staff" || !kiosk.pageAvailable)

    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    title: kiosk.title

    // True once every page is compiled (see preparePages); tests wait for it before touching.
    property bool pagesReady: false
    // Set from Python once the scene graph has started (kiosk/ui/render_probe.py).
    property bool softwareRendering: false
    property var preparedPages: []

    onWidthChanged: Theme.viewportWidth = width
    onHeightChanged: Theme.viewportHeight = height

    // A visitor can never close the kiosk; a preview window closes normally.
    onClosing: (close) => { close.accepted = !root.kiosk.kioskMode }

    Binding { target: Theme; property: "textScale"; value: root.kiosk.accessibility.textScale }
    Binding { target: Theme; property: "highContrast"; value: root.kiosk.accessibility.highContrast }
    Binding { target: Theme; property: "reduceMotion"; value: root.kiosk.accessibility.reduceMotion }
    Binding { target: Theme; property: "lowReach"; value: root.kiosk.accessibility.lowReach }
    Binding { target: Theme; property: "softwareRendering"; value: root.softwareRendering }
    Binding { target: Theme; property: "fontFamily"; value: root.kiosk.fontFamily }

    Item {
        id: content
        objectName: "content"
        anchors.fill: parent
        LayoutMirroring.enabled: root.kiosk.rtl
        LayoutMirroring.childrenInherit: true

        // Low reach: the top of the screen keeps only the exhibition's title, out of reach
        // and with nothing to touch.
        ReachBand {
            id: reachBand
            kiosk: root.kiosk
            visible: Theme.lowReach && root.chromeShown
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: Math.round(parent.height * Theme.reachTopFraction)
        }

        Item {
            id: pageFrame
            objectName: "pageFrame"
            anchors.left: parent.left
            anchors.right: parent.right
            y: !root.chromeShown ? 0 : Theme.lowReach ? reachBand.height : topBar.height
            height: !root.chromeShown ? parent.height
                  : Theme.lowReach ? parent.height - reachBand.height - topBar.height
                  : parent.height - topBar.height
            clip: root.chromeShown

            PageLoader {
                id: pageLoader
                objectName: "pageLoader"
                anchors.fill: parent
                focus: true
                kiosk: root.kiosk
            }
        }

        TopBar {
            id: topBar
            objectName: "topBar"
            kiosk: root.kiosk
            visible: root.chromeShown
            anchors.left: parent.left
            anchors.right: parent.right
            y: Theme.lowReach ? parent.height - height : 0
        }

        DemoBadge {
            // Pages with the top bar show the demo strip inside it instead.
            visible: root.kiosk.demo && !root.chromeShown && root.kiosk.page !== "staff"
            anchors.bottom: parent.bottom
            anchors.right: parent.right
            anchors.margins: Theme.spacing
        }

        CornerGesture {
            kiosk: root.kiosk
            anchors.top: parent.top
            anchors.right: parent.right
        }

        IdleOverlay {
            objectName: "idleOverlay"
            kiosk: root.kiosk
            anchors.fill: parent
        }
    }

    Connections {
        target: root.kiosk
        // Deferred: a Loader.setSource run inside the Python signal kept ~130 KB per page change
        // (benchmarks/probes/loader_leak.py); from the event loop it keeps ~2 KB.
        function onPageChanged() { Qt.callLater(pageLoader.showCurrentPage) }
    }

    // Called by the shell after the first frame. Each page is compiled once, on QML's loader
    // thread, while the attract loop plays: a visitor's first visit to a page then costs no
    // compilation, and showing a page never makes the GUI thread wait for the loader thread
    // (which, with the Python translator installed, may itself be waiting for Python).
    function preparePages() {
        if (root.preparedPages.length > 0)
            return
        root.preparedPages = root.kiosk.pageComponents.map(
            name => Qt.createComponent(Qt.resolvedUrl("pages/" + name + ".qml"),
                                       Component.Asynchronous))
        for (const component of root.preparedPages)
            component.statusChanged.connect(root.checkPreparedPages)
        root.checkPreparedPages()
    }

    function checkPreparedPages() {
        root.pagesReady = root.preparedPages.every(c => c.status !== Component.Loading)
    }

    Component.onCompleted: {
        Theme.viewportWidth = width
        Theme.viewportHeight = height
        pageLoader.showCurrentPage()
    }
}
