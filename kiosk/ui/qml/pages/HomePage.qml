import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The visitor's choices after waking the kiosk: the musicians first, then the programme, the
// exhibition's partners and the accessibility settings.
Item {
    id: page
    objectName: "homePage"
    required property KioskState kiosk

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Home")

    // The tiles share the screen when they fit; with larger text they grow to their words and
    // the page scrolls, so nothing is ever cut.
    Flickable {
        id: flick
        objectName: "homeList"
        anchors.fill: parent
        clip: true
        contentHeight: Math.max(height, layout.implicitHeight + 2 * Theme.margin)
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.flickDeceleration
        maximumFlickVelocity: Theme.maximumFlickVelocity

    ColumnLayout {
        id: layout
        x: Theme.margin
        y: Theme.margin
        width: flick.width - 2 * Theme.margin
        height: flick.contentHeight - 2 * Theme.margin
        spacing: Theme.margin

        Text {
            objectName: "homeTitle"
            // In the low-reach layout the band above already shows the title.
            visible: !Theme.lowReach
            Layout.fillWidth: true
            text: page.kiosk.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.displaySize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            Layout.fillWidth: true
            Layout.topMargin: -Theme.spacing
            visible: text !== "" && !Theme.lowReach
            text: page.kiosk.subtitle
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignLeft
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: Theme.portrait ? 1 : 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing

            HomeCard {
                objectName: "openExhibition"
                title: qsTr("The musicians")
                detail: qsTr("Watch and listen to their stories")
                primary: true
                pictures: page.kiosk.content.portraits(3)
                onClicked: page.kiosk.open("exhibition")
            }
            HomeCard {
                objectName: "openProgramme"
                title: qsTr("Programme")
                detail: qsTr("The visit, day by day")
                onClicked: page.kiosk.open("programme")
            }
            HomeCard {
                objectName: "openAbout"
                title: qsTr("About")
                detail: qsTr("Afrisson, the Maison de Quartier and their partners")
                onClicked: page.kiosk.open("about")
            }
            HomeCard {
                objectName: "openAccessibility"
                title: qsTr("Accessibility")
                detail: qsTr("Text size, contrast, captions, reach")
                onClicked: page.kiosk.open("accessibility")
            }
        }
    }
    }
}
