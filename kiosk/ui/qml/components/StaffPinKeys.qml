pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A large digit pad. Digits show as dots only; after wrong PINs the keys rest during the delay
// and a countdown says how long.
Item {
    id: root
    required property StaffPinPad pad
    signal cancelled()

    readonly property int keySize: Math.round(1.4 * Theme.largeTarget)
    readonly property int padWidth: 3 * root.keySize + 2 * Theme.spacing

    Column {
        anchors.centerIn: parent
        spacing: Theme.spacing
        width: Math.max(root.padWidth, 14 * Theme.touchTarget)

        Text {
            width: parent.width
            text: qsTr("Staff access: enter the PIN")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }

        Row {
            objectName: "pinDots"
            anchors.horizontalCenter: parent.horizontalCenter
            height: Theme.touchTarget
            spacing: Theme.spacing
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%n digit(s) entered", "", root.pad.digitCount)
            Repeater {
                model: root.pad.digitCount
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.spacing * 2
                    height: width
                    radius: width / 2
                    color: Theme.text
                }
            }
        }

        Text {
            objectName: "pinMessage"
            width: parent.width
            visible: text !== ""
            text: root.pad.message
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodySize
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }

        Text {
            objectName: "pinCountdown"
            width: parent.width
            visible: root.pad.waiting
            //: Countdown before the PIN pad accepts a new try; %1 is a number of seconds
            text: qsTr("Next try in %1 s").arg(root.pad.waitSeconds)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.labelSize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }

        Grid {
            anchors.horizontalCenter: parent.horizontalCenter
            // A keypad reads 1 2 3 from the left in Arabic too, as on a phone.
            LayoutMirroring.enabled: false
            LayoutMirroring.childrenInherit: true
            columns: 3
            spacing: Theme.spacing
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"]
                KioskButton {
                    required property string modelData
                    objectName: "pinKey_" + modelData
                    width: root.keySize
                    height: root.keySize
                    enabled: !root.pad.waiting || modelData === "erase"
                    opacity: enabled ? 1.0 : 0.4
                    primary: modelData === "ok"
                    fontSize: Theme.titleSize
                    text: modelData === "erase" ? "⌫" : modelData === "ok" ? qsTr("OK") : modelData
                    accessibleName: modelData === "erase" ? qsTr("Erase the last digit")
                                  : modelData === "ok" ? qsTr("Open the staff panel")
                                  : modelData
                    onClicked: {
                        if (modelData === "erase")
                            root.pad.erase()
                        else if (modelData === "ok")
                            root.pad.submit()
                        else
                            root.pad.pressDigit(Number(modelData))
                    }
                }
            }
        }

        KioskButton {
            objectName: "pinCancel"
            anchors.horizontalCenter: parent.horizontalCenter
            width: root.padWidth
            text: qsTr("Back to the visitors' screens")
            onClicked: root.cancelled()
        }
    }
}
