"""Colours for participant kinds: one palette for the TUI and the terminal output.

The displaCy palette, familiar to anyone who has looked at NER output.
"""

KIND_COLORS = {
    "person": "#aa9cfc",  # violet
    "organization": "#7aecec",  # cyan
    "place": "#feca74",  # amber
}
SUMMARY_COLOR = "#ffd75f"
