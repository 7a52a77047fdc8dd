"""A manual page's definition lists drawn as ``man`` draws them (and an Info manual's two-column tables
as ``info`` does): the tag (``-a, --all``) on a line of its own, its text indented right under it, no bullets.

The man and Info readers give a definition as two list items, the tag then its text; a tag is a short
line that ends no sentence and has no marker of its own (a menu entry's bullet), and the item after a
tag is always its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.tui.decor import field_of, nested_definitions
from reader.tui.layout import CODE, DEFINITION, DEFINITION_PRE, HEADING, INDENT, ITEM, PROSE, Unit

MAX_TAG = 60  # characters: a longer item is text
_ENDS = (".", ":", ";", ",", "!", "?")


def is_tag(line: str) -> bool:
    """A tag is one short line that ends no sentence (``-a, --all``, ``<pathspec>...``, ``GIT_DIR``)."""
    line = line.strip()
    return 0 < len(line) <= MAX_TAG and "\n" not in line and (line.endswith("...") or not line.endswith(_ENDS))


def tag_starts(text: str, blocks: Sequence, emphasis: Sequence = ()) -> dict[int, int]:
    """Tag start -> the start of its text, for the definitions of a manual page: a tag is followed by an
    item (its text), and the item after a tag is its text, unless it is all in bold or italic: a second
    tag of the same text (``.TQ``: ``string1 == string2`` over ``string1 = string2``)."""
    marked = [(int(field_of(e, "start")), int(field_of(e, "end"))) for e in emphasis]
    items = list(blocks)
    found: dict[int, int] = {}
    after_tag = False
    for block, following in zip(items, items[1:]):
        start, end = int(field_of(block, "start")), int(field_of(block, "end"))
        tag = (
            field_of(block, "kind") == "list_item"
            and not field_of(block, "marker")  # a bulleted or numbered item (an Info menu entry) is no tag
            and field_of(following, "kind") == "list_item"
            and is_tag(text[start:end])
            and (not after_tag or all_marked(text, start, end, marked))
        )
        if tag:
            found[start] = int(field_of(following, "start"))
        after_tag = tag
    return found


def all_marked(text: str, start: int, end: int, marked: list[tuple[int, int]]) -> bool:
    """Whether every word of ``text[start:end]`` is in bold or italic."""
    inside = bytearray(end - start)
    for a, b in marked:
        if a < end and b > start:
            inside[max(a, start) - start : min(b, end) - start] = b"\x01" * (min(b, end) - max(a, start))
    return all(inside[i] or not text[start + i].isalnum() for i in range(end - start))


def definition_units(text: str, blocks: Sequence, emphasis: Sequence, pieces: list[Unit]) -> list[Unit]:
    """``pieces`` (the units of the page's blocks) with each tag a plain line and its text indented under
    it; the items after a definition's text (its further paragraphs) indented too."""
    tags = tag_starts(text, blocks, emphasis)
    if not tags:
        return pieces
    texts = set(tags.values())
    nested = nested_definitions(blocks)  # so a nested definition's lines wrap at its own indent
    inside = False  # in a definition's text, so a further item is more of it
    # A bulleted or numbered item (an AsciiDoc or Org note's [1]) starts a list of its own, never more text.
    marked = {int(field_of(b, "start")) for b in blocks if field_of(b, "kind") == "list_item" and field_of(b, "marker")}
    # One no deeper than the tags before it also ends the definition (RST's "- x" after an option list):
    # what follows it, a code block say, is no more of the definition's text.
    depths = {int(field_of(b, "start")): int(field_of(b, "depth") or 1) for b in blocks}
    tag_depth = 0
    for unit in pieces:
        if unit.kind == CODE and inside:  # an example in the definition's text
            unit.kind = DEFINITION_PRE
        if unit.kind == ITEM and unit.start in marked and unit.start not in tags and depths[unit.start] <= tag_depth:
            inside, tag_depth = False, 0
            continue
        if unit.kind != ITEM:
            inside = inside and unit.kind not in (PROSE, HEADING)
            continue
        if unit.start in tags:
            tag_depth = depths.get(unit.start, 1)
        unit.indent = None  # an item's hang ("• ") is not a definition's indent: wrap at the kind's own
        if unit.start in tags:  # right under the tag before it when it is a second one
            unit.kind, inside = PROSE, False
            unit.gap_before = unit.gap_before and unit.start not in texts
        elif unit.start in texts:
            unit.kind, unit.gap_before, inside = DEFINITION, False, True
        elif inside and unit.start not in marked:
            unit.kind = DEFINITION
        if unit.start in nested and unit.kind in (PROSE, DEFINITION):
            unit.indent = INDENT.get(unit.kind, 0) + nested[unit.start]
    return pieces
