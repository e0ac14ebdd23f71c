import QtQuick

// The caption of the moment, over the lower part of the picture, on a dark band for contrast;
// a small label above it says when the captions are in another language than the visitor's.
Item {
    id: overlay

    property string text
    property string notice

    Text {
        id: noticeLabel
        objectName: "captionNotice"
        visible: overlay.notice !== ""
        text: overlay.notice
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.gap
        padding: Theme.gap
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        Rectangle {
            anchors.fill: parent
            z: -1
            radius: Theme.radius
            color: "#cc000000"
        }
    }

    Rectangle {
        visible: overlay.text !== ""
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing
        width: Math.min(parent.width - 2 * Theme.spacing, caption.implicitWidth + 2 * Theme.spacing)
        height: caption.implicitHeight + Theme.gap
        radius: Theme.radius
        color: "#d9000000"

        Text {
            id: caption
            objectName: "captionText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, overlay.width - 4 * Theme.spacing)
            text: overlay.text
            color: "#ffffff"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
