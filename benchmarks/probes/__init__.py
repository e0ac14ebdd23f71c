"""Programs the harness runs in child processes (a bare QML window, the UI driver)."""
