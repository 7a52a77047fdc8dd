"""Books as a reader meets them: chapter lines, the title page, the book's title, closing lines.

Small books are written here for each layout; nothing depends on ../shared.
"""

from __future__ import annotations

from reader.model import Document
from reader.text.structure import segment

PROSE = (
    "The morning was grey over the town, and the carriages went slowly down the long street to the"
    "\nriver, where the boats waited for the tide. Nobody spoke of the letter that had come the day"
    "\nbefore, though everybody in the house had read it twice."
)


def _book(head: str, numbers: list[str], tail: str = "") -> str:
    chapters = "\n\n\n".join(f"{n}\n\n{PROSE}\n\nShe went out at noon and came back before dark." for n in numbers)
    return f"{head}{chapters}\n{tail}"


def _headings(a) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in a.sections if s.kind == "heading"]


def test_short_roman_numerals_alone_in_sequence_are_chapters():
    numbers = ["I.", "II.", "III", "IV.", "V", "VI.", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]
    a = segment(Document("book.txt", _book("", numbers)))
    assert _headings(a) == [(1, n) for n in numbers]  # one level: "I." and "VIII" alike
    assert not any("VIII" in a.sentence_text(i) for i in range(len(a.sentences)))


def test_a_new_run_of_roman_chapters_in_each_part_nests_under_it():
    text = _book("PART ONE\n\n\n", ["I", "II", "III"]) + "\n\n" + _book("PART TWO\n\n\n", ["I", "II", "III", "IV"])
    a = segment(Document("book.txt", text))
    levels = _headings(a)
    assert [t for _, t in levels] == ["PART ONE", "I", "II", "III", "PART TWO", "I", "II", "III", "IV"]
    assert {lv for lv, t in levels if t.startswith("PART")} == {1}
    assert {lv for lv, t in levels if not t.startswith("PART")} == {2}


def test_a_lone_roman_numeral_or_one_out_of_sequence_stays_text():
    text = f"{PROSE}\n\nI.\n\n{PROSE}\n\nVIII\n\n{PROSE}\n\nIII\n\n{PROSE}\n"
    a = segment(Document("notes.txt", text))
    assert not any(s.title in ("I.", "VIII", "III") for s in a.sections)
    verse = "The hills are far,\nI.\nAnd the sea is near,\nII.\nAnd the night is long.\n"
    b = segment(Document("poem.txt", f"{PROSE}\n\n{verse}"))
    assert [s.kind for s in b.sections] == ["topic"]


def test_roman_chapters_with_titles_count_up_too():
    numbers = ["I. The Arrival", "II. In the Garden", "III. A Letter", "IV. The Return"]
    a = segment(Document("book.txt", _book("", numbers)))
    assert [t for _, t in _headings(a)] == numbers
    dashed = ["I.—THE ARRIVAL", "II.—IN THE GARDEN", "III. — A LETTER", "IV: THE RETURN"]
    b = segment(Document("book.txt", _book("", dashed)))
    assert _headings(b) == [(1, t) for t in dashed]


def test_a_chapter_title_over_several_lines_is_one_heading():
    long_title = (
        "Chapter VI: The Reverend Arthur Beebe, the Reverend Cuthbert Eager,\n"
        "Mr. Emerson, Miss Eleanor Lavish, and Miss Lucy Honeychurch Drive\n"
        "Out in Carriages to See a View; Italians Drive Them."
    )
    numbers = ["Chapter IV: Fourth Chapter", "Chapter V: Possibilities", long_title, "Chapter VII: They Return"]
    a = segment(Document("book.txt", _book("", numbers)))
    titles = [t for _, t in _headings(a)]
    assert titles[2] == " ".join(long_title.split("\n"))
    assert len(titles) == 4
    assert not any("Italians" in a.sentence_text(i) for i in range(len(a.sentences)))


def test_a_chapter_opening_on_a_paragraph_under_it_is_no_long_title():
    text = "CHAPTER I\nIt was late when the ship came in, and the harbour was dark and\nquiet and cold.\n\n"
    a = segment(Document("book.txt", text + _book("", ["CHAPTER II", "CHAPTER III"])))
    assert all("harbour" not in t for _, t in _headings(a))


def test_title_page_before_chapter_one_is_front_matter_and_names_the_book():
    head = "HOWARDS END\n\nBy E. M. Forster\n\n\n\n\n"
    a = segment(Document("book.txt", _book(head, [f"CHAPTER {n}" for n in ("I", "II", "III")])))
    assert a.title == "HOWARDS END"
    assert a.sections[0].kind == "front" and a.sections[0].title == "HOWARDS END"
    assert [t for _, t in _headings(a)] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
    assert "Forster" not in a.sentence_text(0)


def test_title_page_with_a_subtitle_and_an_edition_note_before_two_parts():
    head = "DAISY BROWN: A STUDY\n\nIN TWO PARTS\n\nThe text is that of the first edition in book form, 1879.\n\n\n"
    a = segment(Document("book.txt", _book(head, ["PART I", "PART II"])))
    assert a.title == "DAISY BROWN: A STUDY"
    assert _headings(a) == [(1, "PART I"), (1, "PART II")]
    assert [s.kind for s in a.sections].count("front") == 1
    assert all("1879" not in a.sentence_text(i) for i in range(len(a.sentences)))


def test_volumes_nest_chapters_and_the_title_is_not_the_first_volume():
    head = "EMMA\n\nBy Jane Austen\n\n\n\n"
    text = _book(head + "VOLUME I\n\n\n", ["CHAPTER I", "CHAPTER II"]) + "\n\n"
    text += _book("VOLUME II\n\n\n", ["CHAPTER I", "CHAPTER II"]) + "\n\nFINIS\n"
    a = segment(Document("book.txt", text))
    assert a.title == "EMMA"
    assert _headings(a) == [
        (1, "VOLUME I"),
        (2, "CHAPTER I"),
        (2, "CHAPTER II"),
        (1, "VOLUME II"),
        (2, "CHAPTER I"),
        (2, "CHAPTER II"),
    ]


def test_a_dedication_in_verse_before_chapter_one_is_front_matter_without_a_topic_label():
    stanza = (
        "A cloud was on the mind of men,\nAnd wailing went the weather,\n"
        "Yea, a sick cloud upon the soul\nWhen we were boys together.\n"
    )
    head = "THE MAN WHO WAS WEDNESDAY\n\nA NIGHTMARE\n\n\nTo an Old Friend\n\n" + "\n".join([stanza] * 8) + "\n\n"
    a = segment(Document("book.txt", _book(head, ["CHAPTER I", "CHAPTER II", "CHAPTER III"])))
    assert a.title == "THE MAN WHO WAS WEDNESDAY"
    assert {s.kind for s in a.sections if s.start < a.text.index("CHAPTER I")} == {"front"}
    assert all("cloud" not in a.sentence_text(i) for i in range(len(a.sentences)))


def test_a_title_line_gives_the_title():
    head = "Title: The Invisible Stranger\nAuthor: H. G. Someone\nRelease Date: 1897\n\n\n"
    a = segment(Document("book.txt", _book(head, ["CHAPTER I", "CHAPTER II", "CHAPTER III"])))
    assert a.title == "The Invisible Stranger"
    assert a.sections[0].kind == "front"
    assert all("Author" not in a.sentence_text(i) for i in range(len(a.sentences)))


def test_a_title_line_in_an_article_without_chapters():
    a = segment(Document("note.txt", f"Title: Harbour Works\nDate: 2020\n\n{PROSE}\n\n{PROSE}\n"))
    assert a.title == "Harbour Works"
    assert "Title:" not in a.sentence_text(0)


def test_a_book_with_no_title_is_not_named_by_its_first_part():
    a = segment(Document("some-book.txt", _book("PART ONE\n\n\n", ["Chapter I: The Inn", "Chapter II: The Road"])))
    assert a.title == "some-book"


def test_closing_lines_are_no_headings():
    tail = "\n\nEND OF VOL. I.\n\n" + _book("", ["CHAPTER IV", "CHAPTER V"]) + "\n\nLONDON, 1908-1910.\n"
    a = segment(Document("book.txt", _book("", ["CHAPTER I", "CHAPTER II", "CHAPTER III"], tail)))
    assert [t for _, t in _headings(a)] == [f"CHAPTER {n}" for n in ("I", "II", "III", "IV", "V")]
    assert a.sections[-1].kind == "back"
    assert all("END OF" not in a.sentence_text(i) for i in range(len(a.sentences)))


def test_an_editors_note_in_prose_before_chapter_one_stays_text():
    a = segment(Document("book.txt", _book("A short note from the editor.\n\n", ["CHAPTER I", "CHAPTER II"])))
    assert a.sentence_text(0) == "A short note from the editor."


def test_a_chapter_title_alone_under_its_number_joins_it():
    numbers = ["CHAPTER I\n\nTHE STRANGE MAN'S ARRIVAL", "CHAPTER II\n\nMR. CUSS INTERVIEWS THE STRANGER"]
    numbers += ["CHAPTER III\n\nThe Thousand and One Bottles"]
    a = segment(Document("book.txt", _book("", numbers)))
    assert _headings(a) == [
        (1, "CHAPTER I. THE STRANGE MAN'S ARRIVAL"),
        (1, "CHAPTER II. MR. CUSS INTERVIEWS THE STRANGER"),
        (1, "CHAPTER III. The Thousand and One Bottles"),
    ]


def test_a_short_first_paragraph_under_a_chapter_number_stays_text():
    numbers = ["CHAPTER I\n\nSeveral days passed.", 'CHAPTER II\n\n"Henry dear--" was her greeting.', "CHAPTER III"]
    a = segment(Document("book.txt", _book("", numbers)))
    assert [t for _, t in _headings(a)] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
    assert a.sentence_text(0) == "Several days passed."


def test_an_introduction_before_chapter_one_stays_text():
    intro = "Introduction\n\nThis short book follows one family through a hard winter by the sea, and it was\n"
    intro += "written for the children of the harbour school, who asked for it after the storm\nof that year.\n\n"
    a = segment(Document("book.txt", _book(intro, ["CHAPTER I", "CHAPTER II", "CHAPTER III"])))
    assert a.sentence_text(0).startswith("This short book follows one family")
    assert all(s.kind != "front" for s in a.sections)


def test_the_title_set_again_over_a_volume_is_no_heading():
    head = "PRIDE AND PREJUDICE\n\nBy Jane Austen\n\n\nVOL. I.\n\n\n"
    middle = "\n\nEND OF VOL. I.\n\n\nPRIDE.\n\nand\n\nPREJUDICE.\n\n\nVOL. II.\n\n\n"
    text = _book(head, ["CHAPTER I", "CHAPTER II"]) + middle + _book("", ["CHAPTER III", "CHAPTER IV"])
    a = segment(Document("book.txt", text))
    assert a.title == "PRIDE AND PREJUDICE"
    assert [t for _, t in _headings(a)] == [
        "VOL. I.",
        "CHAPTER I",
        "CHAPTER II",
        "VOL. II.",
        "CHAPTER III",
        "CHAPTER IV",
    ]
    assert {lv for lv, t in _headings(a) if t.startswith("VOL")} == {1}


def test_letters_and_chapters_of_a_novel_in_letters_sit_at_one_level():
    numbers = ["Letter 1", "Letter 2", "Chapter 1", "Chapter 2", "Chapter 3"]
    a = segment(Document("book.txt", _book("FRANKENWEIN\n\n\n", numbers)))
    assert a.title == "FRANKENWEIN"
    assert _headings(a) == [(1, n) for n in numbers]


def test_chapter_the_first_under_book_the_first():
    text = _book("Book the First\n\n\n", ["Chapter the First", "Chapter the Second"]) + "\n\n"
    text += _book("Book the Second\n\n\n", ["Chapter the First", "Chapter the Second"])
    a = segment(Document("book.txt", text))
    assert [lv for lv, _ in _headings(a)] == [1, 2, 2, 1, 2, 2]


def test_spelled_out_chapter_numbers_are_chapters():
    for numbers in (
        ["CHAPTER ONE", "CHAPTER TWO", "CHAPTER THREE"],
        ["Chapter Nineteen", "Chapter Twenty", "Chapter Twenty-One"],
        ["CHAPTER THE FIRST", "CHAPTER THE SECOND", "CHAPTER THE THIRD"],
    ):
        a = segment(Document("book.txt", _book("", numbers)))
        assert _headings(a) == [(1, n) for n in numbers]


def test_bare_numbers_counting_up_are_chapters():
    for numbers in (["1", "2", "3", "4"], ["1.", "2.", "3."], ["§ 1", "§ 2", "§ 3"]):
        a = segment(Document("book.txt", _book("", numbers)))
        assert _headings(a) == [(1, n) for n in numbers]
        assert a.title == "book"  # a number names no book
        assert not any(a.sentence_text(i).strip() in numbers for i in range(len(a.sentences)))


def test_a_lone_number_or_numbers_out_of_order_stay_text():
    text = f"{PROSE}\n\n7\n\n{PROSE}\n\n3\n\n{PROSE}\n\n12\n\n{PROSE}\n"
    a = segment(Document("notes.txt", text))
    assert not any(s.kind == "heading" for s in a.sections)


def test_staves_and_adventures_number_chapters_and_take_their_titles():
    staves = ["STAVE I.\n\nMARLEY'S GHOST", "STAVE II.\n\nTHE FIRST OF THE THREE SPIRITS", "STAVE III.\n\nTHE LAST"]
    a = segment(Document("carol.txt", _book("A CHRISTMAS CAROL\n\nBy Charles Dickens\n\n\n", staves)))
    assert a.title == "A CHRISTMAS CAROL"
    assert [t for _, t in _headings(a)] == [
        "STAVE I. MARLEY'S GHOST",
        "STAVE II. THE FIRST OF THE THREE SPIRITS",
        "STAVE III. THE LAST",
    ]
    assert a.sections[0].kind == "front"
    adventures = ["ADVENTURE I. A SCANDAL IN BOHEMIA", "ADVENTURE II. THE RED-HEADED LEAGUE"]
    b = segment(Document("holmes.txt", _book("THE ADVENTURES OF SHERLOCK HOLMES\n\n\n", adventures)))
    assert b.title == "THE ADVENTURES OF SHERLOCK HOLMES"
    assert _headings(b) == [(1, t) for t in adventures]


def test_stories_named_by_a_contents_list_are_headings_and_the_list_is_one_block():
    head = "TALES OF THE RIVER\n\nBy A. Writer\n\n\nCONTENTS\n\n   I. The Miller's Daughter\n  II. A Winter Journey\n"
    head += " III. The Lost Key\n\n\n\n"
    titles = ["The Miller's Daughter", "A Winter Journey", "The Lost Key"]
    a = segment(Document("tales.txt", _book(head, titles)))
    assert [t for _, t in _headings(a)][-3:] == titles
    assert [s.title for s in a.sections if s.kind == "front"][-1] == "Contents"
    assert not any("Winter Journey" in a.sentence_text(i) for i in range(len(a.sentences)))
    # Without the contents list, title-case lines alone over prose stay text (the first names the document).
    b = segment(Document("tales.txt", _book("", titles)))
    assert not any(s.title in titles[1:] for s in b.sections)


def test_an_epilogue_or_prologue_sits_at_the_chapters_level():
    a = segment(Document("book.txt", _book("", ["PROLOGUE", "CHAPTER I", "CHAPTER II", "CHAPTER III", "THE EPILOGUE"])))
    assert {lv for lv, _ in _headings(a)} == {1}
    assert a.title == "book"
    text = _book("", ["Chapter 1", "Chapter 2"]) + "\n\nFIRST EPILOGUE\n\n\n" + _book("", ["CHAPTER I", "CHAPTER II"])
    b = segment(Document("book.txt", text))
    assert [lv for lv, _ in _headings(b)] == [2, 2, 1, 2, 2]  # an epilogue of chapters holds them


def test_a_dedication_in_long_lines_of_verse_is_front_matter():
    verse = (
        "A cloud was on the mind of men, and wailing went the weather,\n"
        "Yea, a sick cloud upon the soul when we were boys together.\n"
        "Science announced nonentity and art admired decay;\n"
        "The world was old and ended: but you and I were gay;\n"
        "Round us in antic order their crippled vices came\n"
    )
    head = f"THE MAN OF THE WEEK\nA NIGHTMARE\n\n\nTo an Old Friend\n\n{verse}\n{verse}\nG. K.\n\n\n\n"
    a = segment(Document("book.txt", _book(head, ["CHAPTER I.", "CHAPTER II."])))
    assert a.title == "THE MAN OF THE WEEK"
    assert [s.kind for s in a.sections][:2] == ["front", "heading"]
    assert not any("cloud" in a.sentence_text(i) for i in range(len(a.sentences)))
    # The same lines wrapped as prose (going on in lower case) are the book's opening text.
    prose = verse.replace("\nYea", "\nyea").replace("\nScience", "\nscience").replace("\nThe world", "\nthe world")
    b = segment(Document("book.txt", _book(f"To an Old Friend\n\n{prose}\n\n\n", ["CHAPTER I.", "CHAPTER II."])))
    assert any("cloud" in b.sentence_text(i) for i in range(len(b.sentences)))


def test_a_volume_title_page_repeated_before_each_volume_is_furniture():
    page = 'PRIDE AND PREJUDICE:\n\nA Novel.\n\nIn Three Volumes.\n\nBy the Author of "Sense and Sensibility."\n\n'
    imprint = (
        "\n\n\nLondon:\nPrinted for T. Egerton,\nMilitary Library, Whitehall.\n1813.\n\n\nPRIDE & PREJUDICE.\n\n\n"
    )
    text = _book("VOL. I.\n\n\n", ["CHAPTER I.", "CHAPTER II."])
    text += "\n\nEND OF VOL. I.\n\n[Illustration: A VICARAGE\nHOUSE.]\n\n" + page + "VOL. II." + imprint
    text += _book("", ["CHAPTER I.", "CHAPTER II."])
    a = segment(Document("book.txt", text))
    assert a.title == "PRIDE AND PREJUDICE"
    assert [t for _, t in _headings(a)] == [
        "VOL. I.",
        "CHAPTER I.",
        "CHAPTER II.",
        "VOL. II.",
        "CHAPTER I.",
        "CHAPTER II.",
    ]
    said = " ".join(a.sentence_text(i) for i in range(len(a.sentences)))
    for words in ("A Novel", "Three Volumes", "Egerton", "1813", "PREJUDICE", "Illustration", "VICARAGE"):
        assert words not in said
    assert said.count("She went out at noon") == 4  # every chapter keeps its text


def test_an_illustration_is_furniture_and_splits_no_sentence():
    text = (
        "The house stood at the end of the lane, and nobody had lived in it\nfor years.\n\n"
        "[Illustration: The house at the end\nof the lane.]\n\n"
        "[Illustration]\n\nShe opened the gate and went in. The garden was full of weeds.\n"
    )
    a = segment(Document("story.txt", text))
    said = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert said == [
        "The house stood at the end of the lane, and nobody had lived in it\nfor years.",
        "She opened the gate and went in.",
        "The garden was full of weeds.",
    ]


SPEECHES = (
    "HAMLET.\nO, that this too too solid flesh would melt,\nThaw and resolve itself into a dew!\n\n"
    "HORATIO.\nHail to your lordship!\n\nHAMLET.\nI am glad to see you well.\n\n"
)


def test_acts_hold_their_scenes_and_speakers_are_no_headings():
    head = (
        "THE TRAGEDY OF HAMLET\n\n\nDramatis Personae\n\nCLAUDIUS, King of Denmark.\nHORATIO, friend to Hamlet.\n\n\n"
    )
    text = head + "ACT I.\n\nSCENE I. Elsinore. A platform before the Castle.\n\n" + SPEECHES
    text += "SCENE II. A room of state in the Castle.\n\n" + SPEECHES + "\nACT II.\n\nSCENE I. A room.\n\n" + SPEECHES
    a = segment(Document("hamlet.txt", text))
    assert a.title == "THE TRAGEDY OF HAMLET"
    assert _headings(a) == [
        (1, "ACT I."),
        (2, "SCENE I. Elsinore. A platform before the Castle."),
        (2, "SCENE II. A room of state in the Castle."),
        (1, "ACT II."),
        (2, "SCENE I. A room."),
    ]
    assert a.sections[0].kind == "front"  # the title and the persons of the play
    said = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert "Hail to your lordship!" in said and not any("CLAUDIUS" in s for s in said)
    b = segment(
        Document(
            "hamlet.txt",
            "ACT I. SCENE I.\nElsinore. A platform.\n\n" + SPEECHES + "ACT I. SCENE II.\nA room.\n\n" + SPEECHES,
        )
    )
    assert _headings(b) == [(1, "ACT I. SCENE I. Elsinore. A platform."), (1, "ACT I. SCENE II. A room.")]


def test_footnotes_at_the_end_are_back_matter_and_their_calls_are_not_shown():
    from reader.text.lines import display_text

    text = _book("", ["CHAPTER I.", "CHAPTER II."]).replace("read it twice.", "read it twice.[1]", 1)
    text += "\n\nFOOTNOTES:\n\n[1] The letter was kept in the\n    family for many years.\n"
    a = segment(Document("book.txt", text))
    assert [(s.kind, s.title) for s in a.sections][-1] == ("back", "FOOTNOTES:")
    said = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert not any("family for many years" in s for s in said)
    twice = next(s for s in said if "twice.[1]" in s)
    assert display_text(twice).endswith("read it twice.")
    assert display_text("as described in [1] and [RFC2616]") == "as described in [1] and [RFC2616]"
    inline = "The old bridge[2] stood there.\n\n[Footnote 2: It was built in\n1820.]\n\nShe crossed it."
    b = segment(Document("notes.txt", inline))
    assert [b.sentence_text(i) for i in range(len(b.sentences))] == [
        "The old bridge[2] stood there.",
        "She crossed it.",
    ]


def test_a_collection_of_poems_has_the_poems_as_headings_and_stanzas_as_lines():
    head = "POEMS OF THE SEASONS\n\nBy A. Poet\n\n\nCONTENTS\n\n    Spring\n    The Summer Night\n    Winter\n\n\n\n"
    spring = "SPRING\n\nThe snow is gone from the hill,\nThe brook runs loud and clear;\n\nO come and walk with me\n"
    spring += "Along the river side.\n\n\n"
    night = "THE SUMMER NIGHT\n\nThe stars are out above the sea,\nThe wind is soft and low.\n\n\n"
    winter = "WINTER\n\nThe frost is white upon the pane,\nThe fire is warm and bright.\n"
    a = segment(Document("poems.txt", head + spring + night + winter))
    assert a.title == "POEMS OF THE SEASONS"
    assert [t for _, t in _headings(a)] == ["SPRING", "THE SUMMER NIGHT", "WINTER"]
    assert "Contents" in [s.title for s in a.sections if s.kind == "front"]
    stanzas = [a.text[p.start : p.end] for p in a.paragraphs]
    assert "The snow is gone from the hill,\nThe brook runs loud and clear;" in stanzas


def test_a_contents_list_over_chapters_with_titles_below_their_numbers_is_one_block():
    head = "THE STORY OF A HOUSE\n\n\nCONTENTS\n\nCHAPTER\n\n     I. The Arrival\n    II. The Garden\n"
    head += "   III. The Letter\n\n\n\n"
    numbers = ["CHAPTER I.\n\nThe Arrival", "CHAPTER II.\n\nThe Garden", "CHAPTER III.\n\nThe Letter"]
    a = segment(Document("house.txt", _book(head, numbers)))
    assert [t for _, t in _headings(a)] == [
        "CHAPTER I. The Arrival",
        "CHAPTER II. The Garden",
        "CHAPTER III. The Letter",
    ]
    assert [s.title for s in a.sections if s.kind == "front"] == ["THE STORY OF A HOUSE", "Contents"]
    assert all(a.sections[s.section].kind == "heading" for s in a.sentences)


def test_contents_with_page_numbers_and_a_list_of_illustrations_under_the_title_page():
    head = "THE STORY OF A HOUSE\n\nBY A. WRITER\n\n\nCONTENTS\n\n"
    head += "".join(
        f"CHAPTER {n}.  {t}        {p}\n\n" for n, t, p in (("I", "THE ARRIVAL", 1), ("II", "THE GARDEN", 15))
    )
    head += "CHAPTER III.  THE LETTER        31\n\n\nLIST OF ILLUSTRATIONS\n\n  The house at night     Frontispiece\n"
    head += "  The garden gate        12\n\n\n\n"
    numbers = ["CHAPTER I.\nTHE ARRIVAL", "CHAPTER II.\nTHE GARDEN", "CHAPTER III.\nTHE LETTER"]
    a = segment(Document("house.txt", _book(head, numbers)))
    assert a.title == "THE STORY OF A HOUSE"
    assert [t for _, t in _headings(a)] == [
        "CHAPTER I. THE ARRIVAL",
        "CHAPTER II. THE GARDEN",
        "CHAPTER III. THE LETTER",
    ]
    assert [s.title for s in a.sections if s.kind == "front"] == [
        "THE STORY OF A HOUSE",
        "Contents",
        "LIST OF ILLUSTRATIONS",
    ]
    assert all(a.sections[s.section].kind == "heading" for s in a.sentences)


def _story(title: str, parts: list[str]) -> str:
    body = "\n\n".join(f"{n}\n\n{PROSE}\n\nShe went out at noon and came back before dark." for n in parts)
    return f"{title}\n\n\n{body}\n\n\n\n"


def test_stories_in_parts_numbered_again_from_one_hold_their_parts():
    head = "THE ADVENTURES OF A DETECTIVE\n\nby\n\nA. WRITER\n\n\n\n"
    listed = head + "Contents\n\n   I. A Scandal in Town\n  II. The Red League\n III. A Case of Identity\n\n\n\n"
    for titles, top in (
        (
            ["ADVENTURE I. A SCANDAL IN TOWN", "ADVENTURE II. THE RED LEAGUE", "ADVENTURE III. A CASE OF IDENTITY"],
            listed,
        ),
        (["I. A SCANDAL IN TOWN", "II. THE RED LEAGUE", "III. A CASE OF IDENTITY"], listed),
        (["A SCANDAL IN TOWN", "THE RED LEAGUE", "A CASE OF IDENTITY"], head),  # no contents, no numbers
    ):
        text = top + _story(titles[0], ["I.", "II.", "III."]) + _story(titles[1], ["I.", "II."])
        text += _story(titles[2], ["I.", "II."])
        a = segment(Document("stories.txt", text))
        assert a.title == "THE ADVENTURES OF A DETECTIVE"
        expected = [(1, titles[0]), (2, "I."), (2, "II."), (2, "III."), (1, titles[1]), (2, "I."), (2, "II.")]
        assert _headings(a) == expected + [(1, titles[2]), (2, "I."), (2, "II.")]


def test_articles_hold_sections_and_a_part_takes_its_title_from_the_line_below():
    text = "THE CHARTER\n\n\n"
    for article, count in (("I", 3), ("II", 2)):
        text += f"Article {article}.\n\n" + "".join(f"Section {k}.\n\n{PROSE}\n\n" for k in range(1, count + 1)) + "\n"
    a = segment(Document("charter.txt", text))
    assert a.title == "THE CHARTER"
    assert _headings(a) == [
        (1, "Article I."),
        (2, "Section 1."),
        (2, "Section 2."),
        (2, "Section 3."),
        (1, "Article II."),
        (2, "Section 1."),
        (2, "Section 2."),
    ]
    b = segment(Document("b.txt", f"{PROSE}\n\nArticle 5 of the treaty applies here.\n\n{PROSE}\n"))
    assert not any(s.kind == "heading" for s in b.sections)
    text = (
        _book("PART ONE\nTHE CITY\n\n\n", ["1", "2", "3"]) + "\n\n" + _book("PART TWO\nTHE COUNTRY\n\n\n", ["4", "5"])
    )
    c = segment(Document("book.txt", text))
    assert [t for lv, t in _headings(c) if lv == 1] == ["PART ONE. THE CITY", "PART TWO. THE COUNTRY"]
    assert [t for lv, t in _headings(c) if lv == 2] == ["1", "2", "3", "4", "5"]


def test_chapter_numbers_spelled_in_lower_case_and_a_sentence_naming_a_chapter():
    a = segment(Document("book.txt", _book("", ["Chapter one", "Chapter two", "Chapter three"])))
    assert _headings(a) == [(1, "Chapter one"), (1, "Chapter two"), (1, "Chapter three")]
    text = _book("", ["Chapter 1", "Chapter 2"]) + "\n\nChapter two was found, and she read its opening lines.\n"
    b = segment(Document("book.txt", text))
    assert [t for _, t in _headings(b)] == ["Chapter 1", "Chapter 2"]


def test_page_numbers_and_table_cells_counting_up_are_no_chapters():
    cells = "Means for receiving\nswitch\n\n2\n\nMeans for enabling a\nswitch\n\n3\n\nAgent to create\n\n4\n\n"
    cells += "Transaction link\n"
    a = segment(Document("table.txt", f"{PROSE}\n\n{cells}\n{PROSE}\n"))
    assert not any(s.kind == "heading" for s in a.sections)


def test_an_essay_in_numbered_parts_keeps_its_title_line_over_them():
    text = f"ON WALKING\n\nAn Essay\n\n\n{PROSE}\n\n\n" + _book("", ["I", "II", "III"])
    a = segment(Document("essay.txt", text))
    assert a.title == "ON WALKING"
    assert _headings(a) == [(1, "ON WALKING"), (2, "I"), (2, "II"), (2, "III")]
    assert not any(s.title == "Untitled" for s in a.sections)


def test_a_chapter_title_under_a_picture_still_joins_its_number():
    numbers = [
        "CHAPTER I.\n\n[Illustration]\n\nTHE ARRIVAL",
        "CHAPTER II.\n\n[Illustration: A gate\nin the wall.]\n\nTHE GARDEN",
    ]
    a = segment(Document("book.txt", _book("", numbers)))
    assert _headings(a) == [(1, "CHAPTER I. THE ARRIVAL"), (1, "CHAPTER II. THE GARDEN")]
    assert not any("gate" in a.sentence_text(i) for i in range(len(a.sentences)))
