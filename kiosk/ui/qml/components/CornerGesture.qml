import QtQuick
import Kiosk

// The staff's way in: several quick taps in this corner (see kiosk/ui/staff_gesture.py).
// Invisible, and hidden from screen readers on purpose: visitors must not find it by chance.
// On the attract loop a tap here also wakes the kiosk, like a tap anywhere else.
Item {
    id: corner
    objectName: "staffCorner"
    required property KioskState kiosk
    width: Theme.cornerSize
    height: Theme.cornerSize
    visible: corner.kiosk.page !== "staff"

    Accessible.ignored: true

    TapHandler {
        gesturePolicy: TapHandler.ReleaseWithinBounds
        // No long press: a slow, deliberate press is still a tap.
        longPressThreshold: 0
        onTapped: {
            if (corner.kiosk.page === "attract")
                corner.kiosk.open("home")
            corner.kiosk.staffGesture.cornerTapped()
        }
    }
}
