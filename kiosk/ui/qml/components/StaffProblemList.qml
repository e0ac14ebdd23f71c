pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The validator's report: one card per problem naming the file, line and field, what is wrong
// and what to do. Errors first (they block), then warnings (allowed).
ListView {
    id: list
    required property ProblemListModel problems
    model: problems
    clip: true
    spacing: Theme.gap
    implicitHeight: Math.min(contentHeight, 6 * Theme.largeTarget)
    boundsBehavior: Flickable.StopAtBounds
    // No cards prepared ahead below the edge: they are made asynchronously, and when "OK"
    // empties the model while one is still being made, DelegateModel warns "cancel: index out
    // range". The list is short (six cards at most on screen), so nothing is gained by them.
    cacheBuffer: 0

    Accessible.role: Accessible.List
    Accessible.name: qsTr("Problems found in the package")

    delegate: Rectangle {
        id: row
        required property string severity
        required property string location
        required property string message
        required property string hint
        objectName: "problemRow"
        width: ListView.view.width
        height: body.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.width: Math.max(2, Math.round(3 * Theme.unit))
        border.color: severity === "error" ? Theme.secondAccent : Theme.accent

        Accessible.role: Accessible.ListItem
        Accessible.name: label.text + " " + where.text + " " + what.text

        Column {
            id: body
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            spacing: Theme.gap / 2
            StaffText {
                id: label
                width: parent.width
                strong: true
                color: row.severity === "error" ? Theme.secondAccent : Theme.accent
                text: row.severity === "error" ? qsTr("Error (blocks the import)")
                                               : qsTr("Warning (allowed)")
            }
            StaffText {
                id: where
                objectName: "problemLocation"
                width: parent.width
                strong: true
                text: row.location
            }
            StaffText {
                id: what
                objectName: "problemMessage"
                width: parent.width
                text: row.message
            }
            StaffText {
                width: parent.width
                visible: row.hint !== ""
                color: Theme.mutedText
                text: row.hint
            }
        }
    }
}
