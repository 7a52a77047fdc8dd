"""The one-line prompt under the text: search (``/``) and go to (``:``).

It owns its keys: ``open`` takes the focus at once (not after the next refresh, as
``Widget.focus`` does), so keys typed right after ``/`` (a paste, tmux send-keys,
a fast typist) fill the box instead of running as commands. Enter posts
``Prompt.Answered``, escape ``Prompt.Cancelled``; either way the prompt closes.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

PLACEHOLDERS = {
    "search": "search: smart case, accents ignored, re:… for a regex (enter: find, escape: cancel)",
    "goto": "go to: 50% · a section number (4.2, IV) · a line number (enter: go, escape: cancel)",
    "percent": "go to a percentage: 50 (enter: go, escape: cancel)",
}

# A key that ends a number typed in the text view, as less reads "50%" and "120g": what it asks for.
LESS_COUNTS = {"%": "{}%", "g": "line {}", "G": "line {}"}


class Prompt(Input):
    @dataclass
    class Answered(Message):
        kind: str  # "search", "goto" or "percent"
        value: str

    @dataclass
    class Cancelled(Message):
        kind: str

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kind = "search"
        self._back_to: Widget | None = None  # the widget that had the focus before
        # A number typed in the text (less's 50% and 120g): % or g ends it at once. After ":" the
        # user types a whole answer ("50%", as the placeholder says) and ends it with enter.
        self.counting = False

    def on_mount(self) -> None:
        self.display = False

    def open(self, kind: str, value: str = "") -> None:
        self.kind = kind
        # A search shows the last query selected (typing replaces it); a go-to started by a
        # digit goes on after that digit.
        self.select_on_focus = kind == "search"
        self.placeholder = PLACEHOLDERS[kind]
        self.value = value
        self.counting = kind == "goto" and value.isdigit()
        self.cursor_position = len(value)
        self.display = True
        self._back_to = self.screen.focused
        self.screen.set_focus(self)  # now, before the next key is handled

    def close(self) -> None:
        self.display = False
        if self._back_to is not None and self._back_to.is_attached:
            self.screen.set_focus(self._back_to)

    def take(self, char: str) -> None:
        """A character typed while the prompt is open but handled by a binding (a digit): typed
        in, or, after a number in a go-to, the less key that ends it."""
        if self.counting and self.value.isdigit() and char in LESS_COUNTS:
            self._answer_count(char)
        elif self.selection.start != self.selection.end:
            self.replace(char, *sorted(self.selection))
        else:
            self.insert_text_at_cursor(char)

    def _answer_count(self, char: str) -> None:
        self.close()
        self.post_message(self.Answered(self.kind, LESS_COUNTS[char].format(self.value)))

    async def _on_key(self, event: events.Key) -> None:
        if not self.display:
            # Typed after enter or escape, before the focus moved back: it is meant for
            # the reader (the q of "/Aripov⏎q"), not for a closed prompt.
            event.stop()
            event.prevent_default()
            self.app.simulate_key(event.key)
            return
        if self.counting and self.value.isdigit() and event.character in LESS_COUNTS:
            # As in less: 50% goes to half way, 120g (or G) to line 120, at once.
            event.stop()
            event.prevent_default()
            self._answer_count(event.character)
            return
        if event.key in ("enter", "escape"):
            # Here, in key order, not through a binding that runs after later keys.
            event.stop()
            event.prevent_default()
            self.close()
            answer = self.Answered(self.kind, self.value) if event.key == "enter" else self.Cancelled(self.kind)
            self.post_message(answer)
            return
        await super()._on_key(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.post_message(self.Answered(self.kind, event.value))
