pragma Singleton
import QtQuick

// One source for sizes, colours and motion. Figures from shared/ACCESSIBILITY.md: touch targets
// 64 px at 1080p, body text 24 px and titles 40 px at 100 %, three text steps, 7:1 high contrast.
QtObject {
    id: theme

    // Set by Main.qml from the window: everything scales with the short side (1080 px = 1.0),
    // so landscape 1920x1080 and portrait 1080x1920 share one layout vocabulary.
    property real viewportWidth: 1920
    property real viewportHeight: 1080
    readonly property real unit: Math.max(0.5, Math.min(viewportWidth, viewportHeight) / 1080)
    readonly property bool portrait: viewportHeight > viewportWidth

    // Visitor preferences (bound by Main.qml to the accessibility view-model).
    property real textScale: 1.0
    property bool highContrast: false
    property bool reduceMotion: false
    property bool lowReach: false

    // True where every frame is drawn by the CPU (kiosk/ui/render_probe.py): the welcome loop
    // then changes pictures with a cut, not a full-screen dissolve.
    property bool softwareRendering: false

    // Low-reach layout: every control lives below this fraction of the screen's height, so a
    // seated visitor reaches it (controls within 380-1220 mm from the floor, ADA 308).
    readonly property real reachTopFraction: 0.4

    readonly property int touchTarget: Math.round(64 * unit)
    readonly property int largeTarget: Math.round(96 * unit)
    readonly property int spacing: Math.round(16 * unit)
    readonly property int gap: Math.round(8 * unit)
    readonly property int margin: Math.round(48 * unit)
    readonly property int radius: Math.round(14 * unit)
    readonly property int barHeight: touchTarget + 2 * spacing
    readonly property int cornerSize: largeTarget
    readonly property int portraitSize: Math.round(300 * unit)
    readonly property int outlineWidth: Math.max(2, Math.round(2 * unit))
    readonly property int focusWidth: Math.max(4, Math.round(4 * unit))
    readonly property int maxTextWidth: Math.round(1100 * unit)
    readonly property int logoSize: Math.round(160 * unit)
    readonly property int countdownSize: Math.round(200 * unit)

    readonly property int bodySize: Math.round(26 * unit * textScale)
    readonly property int smallSize: Math.round(24 * unit * textScale)
    readonly property int labelSize: Math.round(28 * unit * textScale)
    readonly property int titleSize: Math.round(44 * unit * textScale)
    readonly property int displaySize: Math.round(76 * unit * textScale)
    // The navigation bar's labels do not grow with the text-size setting: the five language
    // names must fit on one line in portrait, and 24 px is already the body-text minimum.
    readonly property int barTextSize: Math.round(24 * unit)

    // Set by Main.qml for the visitor's script (Noto Sans, Noto Sans Arabic).
    property string fontFamily: "Noto Sans"

    // Palette: deep night blue with ochre and terracotta, warm off-white text (about 14:1).
    readonly property color background: highContrast ? "#000000" : "#171428"
    readonly property color surface: highContrast ? "#000000" : "#231f3a"
    readonly property color surfacePressed: highContrast ? "#333333" : "#352f56"
    readonly property color text: highContrast ? "#ffffff" : "#f7f1e3"
    readonly property color mutedText: highContrast ? "#ffffff" : "#cfc6b4"
    readonly property color accent: highContrast ? "#ffff00" : "#f2a541"
    readonly property color accentText: highContrast ? "#000000" : "#171428"
    readonly property color secondAccent: highContrast ? "#00ffff" : "#e07a5f"
    readonly property color outline: highContrast ? "#ffffff" : "#4a4370"
    readonly property color badge: highContrast ? "#ffff00" : "#e07a5f"
    readonly property color raised: highContrast ? "#000000" : "#2c2749"
    readonly property color scrim: highContrast ? "#e6000000" : "#d9171428"
    readonly property color logoPanel: "#fbf7ee"
    readonly property color photoBackdrop: highContrast ? "#000000" : "#0f0d1c"

    readonly property int fastMs: reduceMotion ? 0 : 120
    readonly property int slowMs: reduceMotion ? 0 : 600
    readonly property real flickDeceleration: 1500 * unit
    readonly property real maximumFlickVelocity: 4000 * unit
}
