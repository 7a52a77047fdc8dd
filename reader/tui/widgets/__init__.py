"""Widgets of the reader: the reading view, the side panes, the status line."""
