import QtQuick

// One entry of the programme: when (never an invented time), what, where, and a map if any.
// "Now" and "Next" follow the kiosk clock. Information only: nothing to press.
Rectangle {
    id: card
    property var event: ({})
    readonly property bool current: card.event.status === "now"
    readonly property bool past: card.event.status === "past"

    implicitHeight: column.implicitHeight + 2 * Theme.margin / 2
    radius: Theme.radius * 2
    color: Theme.surface
    border.color: card.current ? Theme.accent : Theme.outline
    border.width: card.current ? Theme.focusWidth : Theme.outlineWidth
    opacity: card.past ? 0.75 : 1.0

    Accessible.role: Accessible.StaticText
    Accessible.name: [card.event.statusLabel, card.event.when, card.event.title, card.event.place]
        .filter(t => !!t).join(", ")

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin / 2
        spacing: Theme.gap

        Row {
            spacing: Theme.spacing
            width: parent.width
            Chip {
                text: card.event.statusLabel || ""
                fill: card.current ? Theme.accent : Theme.secondAccent
            }
            Chip {
                text: card.event.tentative || ""
                fill: Theme.mutedText
            }
            Text {
                visible: !!card.event.when
                text: card.event.when || ""
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.bold: true
            }
        }
        Text {
            width: parent.width
            text: card.event.title || ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            visible: !!card.event.place || !!card.event.address
            text: [card.event.place, card.event.address].filter(t => !!t).join(" — ")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            anchors.left: parent.left
            width: Math.min(parent.width, Theme.maxTextWidth)
            visible: !!card.event.text
            text: card.event.text || ""
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            lineHeight: 1.3
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        FallbackNotice {
            width: parent.width
            text: card.event.text ? (card.event.textNotice || "") : ""
        }
        Image {
            objectName: "eventMap"
            visible: !!card.event.map
            anchors.left: parent.left
            width: Math.min(parent.width, Theme.maxTextWidth)
            height: visible ? width * 0.5 : 0
            source: card.event.map || ""
            sourceSize.width: Theme.maxTextWidth
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Map")
        }
    }
}
