pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../components"

// The welcome loop: the exhibition's pictures dissolving slowly one into the next, the title,
// and an invitation that cycles through the kiosk's languages. Silent. Any touch opens the home
// page. With "reduce motion" the pictures stay still and only the words change; where the CPU
// draws every frame (no GPU) the pictures change with a cut.
// No continuous drift: the loop runs ten hours a day, and a full-screen animation on every
// frame kept the CPU busy (157 % of a core in the benchmark, software GL). Still pictures with a
// dissolve every few seconds cost a GPU nearly nothing; without one, even the dissolve cost 11-16 %
// of a core, hence the cut below (benchmarks/README.md, idle_cpu_percent).
Item {
    id: page
    objectName: "attractPage"
    required property KioskState kiosk

    property int imageIndex: 0
    property int invitationIndex: 0
    readonly property int imageCount: page.kiosk.attractImages.length

    Accessible.role: Accessible.Pane
    Accessible.name: page.kiosk.title

    Repeater {
        model: page.kiosk.attractImages
        delegate: Image {
            required property string modelData
            required property int index
            readonly property bool shown: index === page.imageIndex
            anchors.fill: parent
            source: modelData
            sourceSize.width: Theme.viewportWidth
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            opacity: shown ? 0.85 : 0.0
            // A cut where the CPU draws every frame: a full-screen dissolve there costs 30 ms
            // of CPU per frame, all day long (kiosk/ui/render_probe.py).
            Behavior on opacity {
                enabled: !Theme.softwareRendering
                NumberAnimation { duration: Theme.slowMs }
            }
        }
    }

    // Darkens the lower part so the words read at 7:1 or better over any picture.
    Rectangle {
        anchors.fill: parent
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#00000000" }
            GradientStop { position: Theme.portrait ? 0.35 : 0.25; color: "#00000000" }
            GradientStop { position: Theme.portrait ? 0.62 : 0.6; color: Theme.background }
            GradientStop { position: 1.0; color: Theme.background }
        }
    }

    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin * 1.5
        spacing: Theme.margin

        Rectangle {
            anchors.left: parent.left
            width: Theme.largeTarget
            height: Theme.focusWidth
            radius: height / 2
            color: Theme.accent
        }
        Text {
            objectName: "attractTitle"
            width: parent.width
            text: page.kiosk.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(Theme.displaySize * 1.25)
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
            lineHeight: 1.05
        }
        Text {
            anchors.left: parent.left
            width: Math.min(parent.width, Theme.maxTextWidth * 1.3)
            visible: text !== ""
            text: page.kiosk.subtitle
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Rectangle {
            objectName: "invitation"
            anchors.left: parent.left
            width: Math.min(parent.width, invitation.implicitWidth + 2 * Theme.margin)
            height: Theme.largeTarget * 1.25
            radius: height / 2
            color: Theme.accent
            Text {
                id: invitation
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.parent.width - 2 * Theme.margin)
                text: page.kiosk.invitation(page.invitationIndex)
                color: Theme.accentText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignHCenter
            }
        }
    }

    // The languages in the same place as on every other page: choosing one also wakes the kiosk,
    // so a visitor who reads no French is in their language from the first touch.
    Row {
        id: languages
        objectName: "attractLanguages"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.topMargin: Theme.spacing
        anchors.rightMargin: Theme.cornerSize
        spacing: Theme.gap
        Repeater {
            model: page.kiosk.languages
            delegate: KioskButton {
                required property var modelData
                objectName: "attract-language-" + modelData.code
                text: modelData.name
                fontSize: Theme.barTextSize
                onClicked: {
                    page.kiosk.setLanguage(modelData.code)
                    page.kiosk.open("home")
                }
            }
        }
    }

    Timer {
        interval: 4000
        running: true
        repeat: true
        onTriggered: page.invitationIndex = (page.invitationIndex + 1) % page.kiosk.languages.length
    }

    Timer {
        interval: page.kiosk.attractIntervalMs
        running: page.imageCount > 1 && !Theme.reduceMotion
        repeat: true
        onTriggered: page.imageIndex = (page.imageIndex + 1) % page.imageCount
    }

    // The invitation starts in the kiosk's current language, then cycles through the others.
    Component.onCompleted: {
        const codes = page.kiosk.languages.map(language => language.code)
        page.invitationIndex = Math.max(0, codes.indexOf(page.kiosk.language))
    }

    TapHandler {
        objectName: "wake"
        longPressThreshold: 0
        onTapped: page.kiosk.open("home")
    }
}
