import QtQuick
import QtQuick.Shapes

// Play (a triangle) or pause (two bars), drawn so that no font needs the glyphs.
Item {
    id: icon
    property bool playing: false
    property color color: Theme.text

    Shape {
        anchors.centerIn: parent
        width: icon.height * 0.6
        height: icon.height * 0.6
        visible: !icon.playing
        preferredRendererType: Shape.SoftwareRenderer
        ShapePath {
            fillColor: icon.color
            strokeColor: "transparent"
            startX: 0; startY: 0
            PathLine { x: icon.height * 0.6; y: icon.height * 0.3 }
            PathLine { x: 0; y: icon.height * 0.6 }
            PathLine { x: 0; y: 0 }
        }
    }

    Row {
        anchors.centerIn: parent
        spacing: icon.height * 0.15
        visible: icon.playing
        Rectangle { width: icon.height * 0.18; height: icon.height * 0.6; color: icon.color }
        Rectangle { width: icon.height * 0.18; height: icon.height * 0.6; color: icon.color }
    }
}
