import QtQuick

// The time line of a story. Drag or tap anywhere on it to go there; while the finger is down the
// bar follows the finger and the story only jumps on release (no stutter while dragging).
Item {
    id: bar

    property real position: 0
    property real duration: 0
    readonly property bool dragging: area.pressed
    readonly property real shownPosition: dragging ? area.dragValue : position
    signal seekRequested(real seconds)

    implicitHeight: Theme.touchTarget
    implicitWidth: Theme.touchTarget * 6

    Accessible.role: Accessible.Slider
    Accessible.name: qsTr("Position in the story")
    Accessible.description: qsTr("%1 of %2").arg(bar.clock(shownPosition)).arg(bar.clock(duration))

    function clock(seconds) {
        const whole = Math.max(0, Math.floor(seconds))
        const s = whole % 60
        return Math.floor(whole / 60) + ":" + (s < 10 ? "0" : "") + s
    }

    Rectangle {
        id: track
        anchors.verticalCenter: parent.verticalCenter
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: handle.width / 2
        anchors.rightMargin: handle.width / 2
        height: Math.max(8, Theme.gap)
        radius: height / 2
        color: Theme.outline

        Rectangle {
            width: bar.duration > 0 ? track.width * Math.min(1, bar.shownPosition / bar.duration) : 0
            height: parent.height
            radius: parent.radius
            color: Theme.accent
        }
    }

    Rectangle {
        id: handle
        width: Theme.touchTarget * 0.6
        height: width
        radius: width / 2
        anchors.verticalCenter: parent.verticalCenter
        x: bar.duration > 0 ? track.width * Math.min(1, bar.shownPosition / bar.duration) : 0
        color: area.pressed ? Theme.text : Theme.accent
        border.color: Theme.background
        border.width: 2
    }

    MouseArea {
        id: area
        property real dragValue: 0
        anchors.fill: parent
        preventStealing: true
        function valueAt(x) {
            const ratio = (x - track.x) / Math.max(1, track.width)
            return Math.max(0, Math.min(1, ratio)) * bar.duration
        }
        onPressed: (mouse) => dragValue = valueAt(mouse.x)
        onPositionChanged: (mouse) => dragValue = valueAt(mouse.x)
        onReleased: (mouse) => bar.seekRequested(valueAt(mouse.x))
    }
}
