pragma ComponentBehavior: Bound
import QtQuick

// A one-paragraph outcome ("imported", "could not be written...") coloured by its kind.
Rectangle {
    id: box
    property string text: ""
    property string kind: ""   // "ok", "warning", "error", "cancelled" or ""
    visible: text !== ""
    implicitHeight: label.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.width: Math.max(2, Math.round(3 * Theme.unit))
    border.color: kind === "error" ? Theme.secondAccent
                : kind === "ok" ? Theme.text
                : kind === "warning" ? Theme.accent : Theme.outline

    Accessible.role: Accessible.StaticText
    Accessible.name: text

    StaffText {
        id: label
        objectName: "messageText"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        text: box.text
    }
}
