import QtQuick

// A round-cornered control of the story player: at least one touch target, press feedback on the
// next frame, an accessible name. Its face is whatever is put inside (an icon or a short label).
Rectangle {
    id: button

    property string accessibleName
    property bool checked: false
    default property alias face: faceHolder.data
    signal clicked()

    implicitWidth: Theme.touchTarget
    implicitHeight: Theme.touchTarget
    radius: Theme.radius
    color: tap.pressed ? Theme.surfacePressed : checked ? Theme.accent : Theme.surface
    border.color: Theme.outline
    border.width: Math.max(2, Math.round(2 * Theme.unit))
    opacity: enabled ? 1.0 : 0.4

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.checkable: checked
    Accessible.onPressAction: button.clicked()

    Item {
        id: faceHolder
        anchors.fill: parent
        anchors.margins: Theme.gap
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        longPressThreshold: 0  // a slow press by an unsure hand is still a tap
        onTapped: button.clicked()
    }
}
