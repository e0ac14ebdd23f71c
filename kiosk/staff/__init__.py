"""Venue staff tools: PIN, import flow, settings and health."""
