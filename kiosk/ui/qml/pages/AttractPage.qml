import QtQuick
import Kiosk
import "../components"

// The welcome loop: photos in slow motion, the title, and an invitation cycling through the
// kiosk's languages. Silent. Any touch opens the home page.
Item {
    id: page
    objectName: "attractPage"
    required property KioskState kiosk

    property int imageIndex: 0
    property int invitationIndex: 0

    Accessible.role: Accessible.Pane
    Accessible.name: page.kiosk.title

    Repeater {
        model: page.kiosk.attractImages
        delegate: Image {
            required property string modelData
            required property int index
            anchors.fill: parent
            source: modelData
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            opacity: index === page.imageIndex ? 0.55 : 0.0
            Behavior on opacity { NumberAnimation { duration: Theme.slowMs * 2 } }
            scale: index === page.imageIndex && !Theme.reduceMotion ? 1.08 : 1.0
            Behavior on scale { NumberAnimation { duration: Theme.reduceMotion ? 0 : 8000 } }
        }
    }

    Rectangle {
        anchors.fill: parent
        gradient: Gradient {
            GradientStop { position: 0.0; color: "transparent" }
            GradientStop { position: 1.0; color: Theme.background }
        }
    }

    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Text {
            objectName: "attractTitle"
            width: parent.width
            text: page.kiosk.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.displaySize
            font.bold: true
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            text: page.kiosk.subtitle
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            wrapMode: Text.Wrap
        }
        Rectangle {
            objectName: "invitation"
            width: invitation.implicitWidth + 2 * Theme.margin
            height: Theme.largeTarget
            radius: height / 2
            color: Theme.accent
            Text {
                id: invitation
                anchors.centerIn: parent
                text: page.kiosk.invitation(page.invitationIndex)
                color: Theme.accentText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
            }
        }
    }

    Timer {
        interval: 4000
        running: true
        repeat: true
        onTriggered: {
            page.invitationIndex = (page.invitationIndex + 1) % page.kiosk.languages.length
            if (page.invitationIndex % 2 === 0 && page.kiosk.attractImages.length > 0)
                page.imageIndex = (page.imageIndex + 1) % page.kiosk.attractImages.length
        }
    }

    TapHandler {
        objectName: "wake"
        onTapped: page.kiosk.open("home")
    }
}
