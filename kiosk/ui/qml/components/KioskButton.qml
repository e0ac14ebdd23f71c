import QtQuick

// The kiosk's button: at least one touch target in both directions, visible press feedback on
// the very next frame (no animation on press), an accessible name and role.
Rectangle {
    id: button

    property string text: ""
    property string accessibleName: text
    property bool primary: false
    property bool checked: false
    property int fontSize: Theme.labelSize
    signal clicked()

    implicitWidth: Math.max(Theme.touchTarget, label.implicitWidth + 2 * Theme.spacing)
    implicitHeight: Math.max(Theme.touchTarget, label.implicitHeight + Theme.spacing)
    radius: Theme.radius
    color: tap.pressed ? Theme.surfacePressed
         : (primary || checked) ? Theme.accent : Theme.surface
    border.color: checked ? Theme.text : Theme.outline
    border.width: Math.max(2, Math.round(2 * Theme.unit))
    scale: tap.pressed ? 0.97 : 1.0

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.checked: checked
    Accessible.onPressAction: button.clicked()

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, button.width - Theme.spacing)
        text: button.text
        color: (button.primary || button.checked) && !tap.pressed ? Theme.accentText : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: button.fontSize
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        // No long press: a slow, deliberate press is still a tap.
        longPressThreshold: 0
        onTapped: button.clicked()
    }
}
