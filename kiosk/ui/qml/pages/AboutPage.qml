pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../components"

// Who made the exhibition: Afrisson, the Maison de Quartier, MC2CM, partners and funders,
// grouped by role, with their logos.
Item {
    id: page
    objectName: "aboutPage"
    required property KioskState kiosk

    readonly property var groups: page.kiosk.content.organisations(page.kiosk.language)
    readonly property var presentation: page.kiosk.content.aboutText(page.kiosk.language)
    readonly property var credits: page.kiosk.content.credits(page.kiosk.language)
    readonly property int columns: Theme.portrait || Theme.textScale > 1.4 ? 1 : 2

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("About")

    Flickable {
        id: flick
        objectName: "aboutList"
        anchors.fill: parent
        clip: true
        contentHeight: column.height + 3 * Theme.margin
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.flickDeceleration
        maximumFlickVelocity: Theme.maximumFlickVelocity

        Column {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.margin

            Column {
                width: parent.width
                spacing: Theme.gap
                PageHeading {
                    width: parent.width
                    title: qsTr("About")
                    detail: page.presentation.text
                }
                FallbackNotice {
                    objectName: "aboutTextNotice"
                    width: parent.width
                    text: page.presentation.notice
                }
            }

            // The exhibition's credits, right under its presentation: who made it, who helped.
            Column {
                width: parent.width
                visible: page.credits.text !== ""
                spacing: Theme.gap
                Text {
                    objectName: "exhibitionCredits"
                    anchors.left: parent.left
                    width: Math.min(parent.width, Theme.maxTextWidth)
                    text: page.credits.text
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                    lineHeight: 1.35
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignLeft
                }
                FallbackNotice {
                    objectName: "exhibitionCreditsNotice"
                    width: parent.width
                    text: page.credits.notice
                }
            }

            Repeater {
                model: page.groups
                delegate: Column {
                    id: group
                    required property var modelData
                    width: column.width
                    spacing: Theme.spacing
                    Text {
                        width: parent.width
                        text: group.modelData.heading
                        color: Theme.accent
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.titleSize
                        font.bold: true
                        horizontalAlignment: Text.AlignLeft
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.spacing
                        Repeater {
                            model: group.modelData.organisations
                            delegate: OrganisationCard {
                                required property var modelData
                                objectName: "organisation-" + modelData.id
                                width: (group.width - (page.columns - 1) * Theme.spacing) / page.columns
                                organisation: modelData
                            }
                        }
                    }
                }
            }
        }
    }
}
