pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../components"

// The visitor's comfort settings. Every change shows at once and lasts until the visitor
// leaves (the idle reset restores the defaults for the next person).
Item {
    id: page
    objectName: "accessibilityPage"
    required property KioskState kiosk
    readonly property var settings: page.kiosk.accessibility

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Accessibility")

    Flickable {
        id: flick
        objectName: "accessibilityList"
        anchors.fill: parent
        clip: true
        contentHeight: column.height + 3 * Theme.margin
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.flickDeceleration
        maximumFlickVelocity: Theme.maximumFlickVelocity

        Column {
            id: column
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            y: Theme.margin
            width: Math.min(flick.width - 2 * Theme.margin, Theme.maxTextWidth * 1.3)
            spacing: Theme.spacing

            PageHeading {
                width: parent.width
                title: qsTr("Accessibility")
                detail: qsTr("These settings last until you leave; the next visitor starts afresh.")
            }

            Item { width: 1; height: Theme.spacing }

            Text {
                width: parent.width
                text: qsTr("Text size")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.labelSize
                font.bold: true
                horizontalAlignment: Text.AlignLeft
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Row {
                anchors.left: parent.left
                spacing: Theme.spacing
                Repeater {
                    model: page.settings.textPercents
                    delegate: KioskButton {
                        required property int modelData
                        required property int index
                        objectName: "textSize-" + modelData
                        width: Theme.largeTarget * 2
                        height: Theme.largeTarget
                        text: Number(modelData).toLocaleString(Qt.locale(page.kiosk.language), "f", 0) + " %"
                        accessibleName: qsTr("Text size {percent} %").replace("{percent}", modelData)
                        checked: page.settings.textStep === index
                        fontSize: Math.round(Theme.barTextSize * (1 + index * 0.3))
                        onClicked: page.settings.setTextStep(index)
                    }
                }
            }

            Item { width: 1; height: Theme.spacing }

            ToggleRow {
                objectName: "highContrast"
                width: parent.width
                title: qsTr("High contrast")
                detail: qsTr("White and yellow on black")
                checked: page.settings.highContrast
                onToggled: page.settings.setHighContrast(!checked)
            }
            ToggleRow {
                objectName: "captions"
                width: parent.width
                title: qsTr("Captions")
                detail: qsTr("Subtitles under every video, in your language when available")
                checked: page.settings.captions
                onToggled: page.settings.setCaptions(!checked)
            }
            ToggleRow {
                objectName: "reduceMotion"
                width: parent.width
                title: qsTr("Reduce motion")
                detail: qsTr("Stops moving pictures and animations")
                checked: page.settings.reduceMotion
                onToggled: page.settings.setReduceMotion(!checked)
            }
            ToggleRow {
                objectName: "lowReach"
                width: parent.width
                title: qsTr("Low reach")
                detail: qsTr("Brings every button into the lower part of the screen")
                checked: page.settings.lowReach
                onToggled: page.settings.setLowReach(!checked)
            }

            Item { width: 1; height: Theme.spacing }

            KioskButton {
                objectName: "resetAccessibility"
                anchors.left: parent.left
                text: qsTr("Back to the usual settings")
                enabled: !page.settings.isDefault
                opacity: enabled ? 1.0 : 0.5
                onClicked: page.settings.reset()
            }
        }
    }
}
