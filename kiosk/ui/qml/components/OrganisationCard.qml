import QtQuick

// An organisation on the about page: its logo on a light panel (logos are made for paper),
// its name and what it does. Information only.
Rectangle {
    id: card
    property var organisation: ({})
    implicitHeight: Math.max(logoPanel.height, texts.implicitHeight) + Theme.margin
    radius: Theme.radius * 2
    color: Theme.surface
    border.color: Theme.outline
    border.width: Theme.outlineWidth

    Accessible.role: Accessible.StaticText
    Accessible.name: card.organisation.name || ""

    Rectangle {
        id: logoPanel
        visible: !!card.organisation.logo
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.margin / 2
        width: visible ? Theme.logoSize : 0
        height: visible ? Theme.logoSize : 0
        radius: Theme.radius
        color: Theme.logoPanel
        Image {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            source: card.organisation.logo || ""
            sourceSize.width: Theme.logoSize * 2
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
    }
    Column {
        id: texts
        anchors.left: logoPanel.visible ? logoPanel.right : parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin / 2
        spacing: Theme.gap
        Text {
            width: parent.width
            text: card.organisation.name || ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            visible: !!card.organisation.text
            text: card.organisation.text || ""
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        FallbackNotice {
            width: parent.width
            text: card.organisation.textNotice || ""
        }
        Text {
            width: parent.width
            visible: !!card.organisation.website
            text: card.organisation.website || ""
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            wrapMode: Text.WrapAnywhere
            horizontalAlignment: Text.AlignLeft
        }
    }
}
