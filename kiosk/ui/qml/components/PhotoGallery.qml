pragma ComponentBehavior: Bound

import QtQuick

// An artist's photos: swipe between them, pinch or double-tap to zoom, and two large buttons
// for those who do not swipe. While a photo is zoomed, a drag moves it instead of swiping.
Item {
    id: gallery
    objectName: "photoGallery"
    property var photos: []
    readonly property alias currentIndex: strip.currentIndex
    property real zoom: 1.0

    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Photos")

    // Photos have no reading direction, and a mirrored snapping strip starts on the wrong
    // photo: inside the frame, one order (first on the left) in every language.
    Item {
        anchors.fill: parent
        LayoutMirroring.enabled: false
        LayoutMirroring.childrenInherit: true

    Rectangle {
        anchors.fill: parent
        radius: Theme.radius * 2
        color: Theme.photoBackdrop
    }

    ListView {
        id: strip
        objectName: "galleryStrip"
        anchors.fill: parent
        clip: true
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.slowMs
        boundsBehavior: Flickable.StopAtBounds
        interactive: gallery.zoom <= 1.0
        model: gallery.photos
        onCurrentIndexChanged: gallery.zoom = 1.0

        delegate: Item {
            id: slide
            required property string modelData
            required property int index
            width: strip.width
            height: strip.height
            clip: true
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Photo {number} of {count}")
                .replace("{number}", slide.index + 1).replace("{count}", gallery.photos.length)

            Image {
                id: photo
                objectName: "galleryPhoto"
                anchors.centerIn: parent
                width: parent.width
                height: parent.height
                source: slide.modelData
                sourceSize.width: Theme.viewportWidth
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                scale: slide.index === strip.currentIndex ? gallery.zoom : 1.0
                Behavior on scale { NumberAnimation { duration: Theme.fastMs } }
            }

            PinchHandler {
                target: null
                property real startZoom: 1.0
                onActiveChanged: if (active) startZoom = gallery.zoom
                onActiveScaleChanged: gallery.zoom = Math.max(1.0, Math.min(4.0, startZoom * activeScale))
            }
            DragHandler {
                target: photo
                enabled: gallery.zoom > 1.0
            }
            TapHandler {
                acceptedDevices: PointerDevice.TouchScreen | PointerDevice.Mouse
                onDoubleTapped: {
                    gallery.zoom = gallery.zoom > 1.0 ? 1.0 : 2.5
                    photo.x = (slide.width - photo.width) / 2
                    photo.y = (slide.height - photo.height) / 2
                }
            }
        }
    }

    KioskButton {
        objectName: "galleryPrevious"
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.spacing
        visible: gallery.photos.length > 1
        enabled: strip.currentIndex > 0
        opacity: enabled ? 0.9 : 0.35
        text: "‹"
        fontSize: Theme.titleSize
        accessibleName: qsTr("Previous photo")
        onClicked: strip.decrementCurrentIndex()
    }
    KioskButton {
        objectName: "galleryNext"
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.spacing
        visible: gallery.photos.length > 1
        enabled: strip.currentIndex < gallery.photos.length - 1
        opacity: enabled ? 0.9 : 0.35
        text: "›"
        fontSize: Theme.titleSize
        accessibleName: qsTr("Next photo")
        onClicked: strip.incrementCurrentIndex()
    }

    Row {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: Theme.spacing
        spacing: Theme.gap
        visible: gallery.photos.length > 1
        Repeater {
            model: gallery.photos.length
            delegate: Rectangle {
                required property int index
                width: Theme.gap * 1.5
                height: width
                radius: width / 2
                color: index === strip.currentIndex ? Theme.accent : Theme.outline
            }
        }
    }
    }
}
