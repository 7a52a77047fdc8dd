"""The Textual reader. Import ``reader.tui.app`` lazily: it pulls in Textual."""
