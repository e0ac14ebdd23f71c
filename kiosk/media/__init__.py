"""Media playback: one player interface, a libvlc backend and a fake backend, captions."""
