import QtQuick
import Kiosk

// Loads the page a kiosk state's route names, with what the pages require: the kiosk state, and
// the route's argument for the pages that take one (artist, story). Main.qml shows the visitors'
// pages with it and the staff preview a stored version's, so both build every page the same way.
Loader {
    id: loader
    // Null while there is nothing to show (the staff preview before a version is opened).
    property KioskState kiosk

    function showCurrentPage() {
        if (loader.kiosk === null || !loader.kiosk.pageAvailable) {
            loader.source = ""
            return
        }
        const properties = { kiosk: loader.kiosk }
        // Only the artist and story pages have one (kiosk.navigation checks).
        if (loader.kiosk.pageArgument !== "")
            properties.argument = loader.kiosk.pageArgument
        loader.setSource(Qt.resolvedUrl("../pages/" + loader.kiosk.pageComponent + ".qml"),
                         properties)
    }
}
