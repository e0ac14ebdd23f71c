"""Anonymous visitor statistics kept on the machine: an SQLite event log and its aggregates."""
