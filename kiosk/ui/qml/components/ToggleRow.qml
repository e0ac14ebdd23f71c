import QtQuick

// An on/off setting: the whole row is the control (a large target), with a switch drawn at its
// end side that says its state by shape and word, not by colour alone.
Rectangle {
    id: row
    property string title
    property string detail
    property bool checked: false
    signal toggled()

    implicitHeight: Math.max(Theme.largeTarget, texts.implicitHeight + 2 * Theme.spacing)
    radius: Theme.radius
    color: tap.pressed ? Theme.surfacePressed : Theme.surface
    border.color: row.checked ? Theme.accent : Theme.outline
    border.width: Theme.outlineWidth

    Accessible.role: Accessible.CheckBox
    Accessible.name: row.title
    Accessible.description: row.detail
    Accessible.checkable: true
    Accessible.checked: row.checked
    Accessible.onPressAction: row.toggled()
    Accessible.onToggleAction: row.toggled()

    Column {
        id: texts
        anchors.left: parent.left
        anchors.right: knob.left
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.spacing
        spacing: Theme.gap / 2
        Text {
            width: parent.width
            text: row.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            visible: row.detail !== ""
            text: row.detail
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
    }

    Rectangle {
        id: knob
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        // Wide enough for the knob and the longest state word ("Désactivé", "Deaktiviert").
        width: Math.max(Theme.largeTarget * 1.6, stateLabel.implicitWidth + height + 2 * Theme.spacing)
        height: Theme.touchTarget * 0.75
        radius: height / 2
        color: row.checked ? Theme.accent : Theme.background
        border.color: row.checked ? Theme.accent : Theme.mutedText
        border.width: Theme.outlineWidth
        Rectangle {
            width: parent.height - 2 * Theme.gap
            height: width
            radius: width / 2
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: row.checked ? undefined : parent.left
            anchors.right: row.checked ? parent.right : undefined
            anchors.margins: Theme.gap
            color: row.checked ? Theme.accentText : Theme.mutedText
        }
        Text {
            id: stateLabel
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: row.checked ? parent.left : undefined
            anchors.right: row.checked ? undefined : parent.right
            anchors.margins: Theme.spacing
            text: row.checked ? qsTr("On") : qsTr("Off")
            color: row.checked ? Theme.accentText : Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.barTextSize
            font.bold: true
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        // No long press: a slow, deliberate press is still a tap.
        longPressThreshold: 0
        onTapped: row.toggled()
    }
}
