"""The Qt Quick front: QML pages and the Python view-models behind them."""
