pragma ComponentBehavior: Bound
import QtQuick

// A bar chart drawn with rectangles (QtCharts is not shipped): one bar per row, its length the
// row's "fraction" of the largest value, the value written beside it. Vertical bars for days,
// horizontal ones for named items (languages, stories).
Item {
    id: chart
    property string title: ""
    property var rows: []
    property string labelRole: "label"
    property bool vertical: false
    property string emptyText: qsTr("Nothing recorded yet for this period.")

    implicitHeight: heading.implicitHeight + Theme.gap
                    + (rows.length === 0 ? empty.implicitHeight
                       : vertical ? 5 * Theme.touchTarget
                       : rows.length * (Theme.touchTarget / 2 + Theme.gap))

    Accessible.role: Accessible.Chart
    Accessible.name: title

    StaffText {
        id: heading
        width: parent.width
        strong: true
        font.pixelSize: Theme.labelSize
        text: chart.title
    }
    StaffText {
        id: empty
        anchors.top: heading.bottom
        anchors.topMargin: Theme.gap
        width: parent.width
        visible: chart.rows.length === 0
        color: Theme.mutedText
        text: chart.emptyText
    }

    // Horizontal bars: label | bar | value (value | bar | label right to left).
    Column {
        visible: !chart.vertical
        anchors.top: heading.bottom
        anchors.topMargin: Theme.gap
        width: parent.width
        spacing: Theme.gap
        Repeater {
            model: chart.vertical ? [] : chart.rows
            Item {
                id: line
                required property var modelData
                width: parent.width
                height: Theme.touchTarget / 2
                Accessible.role: Accessible.StaticText
                Accessible.name: name.text + ": " + value.text
                StaffText {
                    id: name
                    width: parent.width * 0.35
                    // Anchored, not placed at x = 0: anchors follow the layout's direction, so
                    // in Arabic the name is on the right and its bar grows to the left.
                    anchors.left: parent.left
                    anchors.verticalCenter: parent.verticalCenter
                    elide: Text.ElideRight
                    wrapMode: Text.NoWrap
                    // Names in right-to-left scripts line up with the others.
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: Theme.smallSize
                    text: line.modelData[chart.labelRole]
                }
                Rectangle {
                    objectName: "bar"
                    property int value: line.modelData.count
                    anchors.left: name.right
                    anchors.leftMargin: Theme.gap
                    anchors.verticalCenter: parent.verticalCenter
                    height: parent.height * 0.8
                    width: Math.max(2, (parent.width * 0.5) * line.modelData.fraction)
                    radius: Theme.gap / 2
                    color: Theme.accent
                }
                StaffText {
                    id: value
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    font.pixelSize: Theme.smallSize
                    text: line.modelData.count
                }
            }
        }
    }

    // Vertical bars (one per day): value above, bar, date below.
    Row {
        visible: chart.vertical
        anchors.top: heading.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: parent.bottom
        width: parent.width
        spacing: Math.max(1, Theme.gap / 2)
        Repeater {
            id: columns
            model: chart.vertical ? chart.rows : []
            Item {
                id: column
                required property var modelData
                required property int index
                width: Math.max(4, (chart.width - (columns.count - 1) * Theme.gap / 2)
                                   / Math.max(1, columns.count))
                height: parent.height
                Accessible.role: Accessible.StaticText
                Accessible.name: column.modelData[chart.labelRole] + ": " + column.modelData.count
                StaffText {
                    id: date
                    anchors.bottom: parent.bottom
                    anchors.horizontalCenter: parent.horizontalCenter
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.NoWrap
                    // Every label when there is room, else one in three.
                    visible: columns.count <= 10 || column.index % 3 === 0
                    text: column.modelData[chart.labelRole]
                }
                Rectangle {
                    id: bar
                    objectName: "bar"
                    property int value: column.modelData.count
                    anchors.bottom: date.top
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: parent.width * 0.8
                    height: Math.max(2, (parent.height - date.height - count.height)
                                        * column.modelData.fraction)
                    radius: Theme.gap / 2
                    color: Theme.accent
                }
                StaffText {
                    id: count
                    anchors.bottom: bar.top
                    anchors.horizontalCenter: parent.horizontalCenter
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.NoWrap
                    text: column.modelData.count
                }
            }
        }
    }
}
