"""Participants in software manuals and READMEs: commands, files, variables and platforms name nobody."""

from __future__ import annotations

from reader.analysis import analyze
from reader.model import Block, Document, Emphasis
from reader.text import technical


def markdown(parts: list[tuple[str, str]]) -> Document:
    """A Markdown-like document from (kind, text) parts: 'p' paragraph, 'h' heading, 'code' block,
    and `backticks` inside a paragraph as inline code."""
    text, blocks, emphasis = "", [], []
    for kind, piece in parts:
        start = len(text)
        plain = piece.replace("`", "")
        if kind == "p":
            pos = 0
            for n, chunk in enumerate(piece.split("`")):
                if n % 2:
                    emphasis.append(Emphasis(start + pos, start + pos + len(chunk), "code"))
                pos += len(chunk)
        text += plain + "\n\n"
        block_kind = {"p": "paragraph", "h": "heading", "code": "preformatted"}[kind]
        blocks.append(Block(block_kind, start, start + len(plain), level=2 if kind == "h" else None))
    return Document(source="readme.md", text=text, format="markdown", blocks=tuple(blocks), emphasis=tuple(emphasis))


README = [
    ("h", "Getting Pyenv"),
    ("p", "Pyenv lets you switch between versions of Python. Check out Pyenv where you want it installed."),
    ("code", "git clone https://github.com/pyenv/pyenv.git ~/.pyenv\ncd ~/.pyenv && src/configure"),
    ("p", "Add the `pyenv` executable to your PATH, then run `pyenv init` in your shell."),
    ("code", 'export PYENV_ROOT="$HOME/.pyenv"\nexport PATH="$PYENV_ROOT/bin:$PATH"'),
    ("p", "Pyenv does not officially support Windows and does not work in Windows outside WSL."),
    ("p", "Some Python-based programs spawn nested shells. Read the CHANGELOG for what changed."),
    ("p", "See CONTRIBUTING.md for details. Set `HOME` to change where `pyenv` looks."),
    ("code", "pyenv install 3.12\npyenv global 3.12"),
    ("p", "Pyenv was written by Sam Stephenson, and Yamada Taro of the Python Software Foundation helps."),
    ("p", "The project thanks the OpenJS Foundation. Taken from `rbenv` and `pyenv-virtualenv`."),
    ("code", "pyenv versions\npyenv which python"),
    ("p", "Manage virtualenv. Arguments are strings or Buffers, read as a `Buffer`, cut to Math.floor(length / 8)."),
    ("p", "Use `--force-fips` to Force FIPS-compliant crypto on startup."),
]


def names(analysis) -> dict[str, str]:
    return {a: p.kind for p in analysis.participants for a in p.aliases}


def test_a_readme_with_code_is_a_manual():
    assert technical.is_manual(markdown(README))
    news = Document(source="n.txt", text="Sam Stephenson met the Mayor of Leeds on Monday. " * 20)
    assert not technical.is_manual(news)


def test_a_meeting_that_spells_letters_out_is_no_manual():
    turns = "Marketing: So the T_V_ remote needs an L_C_D_ screen, and the D_V_D_ player works with it.\n\n"
    turns += "Project Manager: Right, the L_C_D_s cost more, but a T_V_ remote sells on its look.\n\n"
    meeting = Document(source="meeting.txt", text=turns * 12)
    assert not technical.is_manual(meeting)  # AMI's transcripts write spelled letters so: no code
    code = Document(source="notes.txt", text="Call read_file() and then parse_header() on it. " * 24)
    assert technical.is_manual(code)


def test_code_words_variables_files_and_platforms_name_nobody():
    found = names(analyze(markdown(README), summary=False))
    wrong = ("Pyenv", "PATH", "HOME", "Windows", "WSL", "Python-based", "CHANGELOG", "CONTRIBUTING", "Python")
    for word in wrong + ("Manage", "Buffers", "Math", "Force FIPS-compliant", "Force"):
        assert word not in found, word


def test_people_and_organizations_of_a_manual_stay():
    found = names(analyze(markdown(README), summary=False))
    assert found.get("Sam Stephenson") == "person"
    assert found.get("Python Software Foundation") == "organization"
    assert found.get("OpenJS Foundation") == "organization"


def test_the_same_words_outside_a_manual_stay_names():
    text = (
        "The engineers in Windows, a town in the hills, met Sam Stephenson. "
        "Python Software Foundation staff came from Paris, and Sam Stephenson thanked them."
    )
    found = names(analyze(Document(source="n.txt", text=text), summary=False))
    assert found.get("Sam Stephenson") == "person"
    assert "Paris" in found


def test_a_contact_line_names_one_person_each():
    lines = [
        ("p", "Collaborators of the project, with their handles:"),
        ("p", "aduh95 - Antoine du Hamel <duhamel@example.com> (he/him)"),
        ("p", "legendecas - Chengzhong Wu <legendecas@example.com> (he/him)"),
        ("p", "kohei - Kohei Ueno <kohei@example.org>"),
        ("p", "Releasers sign with `gpg`; verify with `gpgv` and `shasum`, and run `make test`."),
        ("code", "gpg --recv-keys 5BE8A3F6C8A5C01D # Antoine du Hamel\ngpg --recv-keys DD792F5973 # Kohei Ueno"),
        ("p", "Ask Antoine du Hamel or Kohei Ueno, and read `README.md` and `BUILDING.md` first."),
        ("code", "make -j4\nmake install\nnode --version"),
        ("code", "git log --oneline\ngit tag -s v20.0.0"),
        ("code", "npm test"),
    ]
    analysis = analyze(markdown(lines), summary=False)
    people = [p for p in analysis.participants if p.kind == "person"]
    listed = {p.name for p in people}
    assert {"Antoine du Hamel", "Chengzhong Wu", "Kohei Ueno"} <= listed
    assert len(people) == len(listed) == 3, [p.aliases for p in people]


GFDL = """\
1. MODIFICATIONS

You must do these things in the Modified Version:

A. Use in the Title Page (and on the covers, if any) a title distinct from that of the Document.
B. List on the Title Page, as authors, one or more persons responsible for authorship.
C. State on the Title page the name of the publisher of the Modified Version, as the publisher.
D. Preserve all the copyright notices of the Document.
E. Add an appropriate copyright notice for your modifications adjacent to the other notices.

The "Title Page" means, for a printed book, the title page itself. The "Document", below, refers to
any such manual or work. Any member of the public is a licensee. Richard Stallman wrote it in Boston.
You may add a notice, use the title, list the authors, state the publisher and preserve the notices.
"""


def test_a_lettered_list_names_nobody():
    found = names(analyze(Document(source="fdl.txt", text=GFDL), summary=False))
    for wrong in ("B. List", "C. State", "E. Add", "D. Preserve", "Preserve", "Title Page", "Add"):
        assert wrong not in found, wrong
    assert found.get("Richard Stallman") == "person"


def test_a_lettered_list_of_names_keeps_the_names():
    quiz = "Who signed the treaty, as Jefferson did?\nA. Jefferson\nB. Madison\nC. Monroe\nD. Hamilton\n"
    analysis = analyze(Document(source="quiz.txt", text=quiz), summary=False)
    found = {p.name: len(p.mentions) for p in analysis.participants}
    assert found.get("Jefferson") == 2 and found.get("Monroe") == 1 and found.get("Hamilton") == 1


def test_a_lettered_option_is_named_without_its_letter():
    quiz = (
        "Which people farmed the valley?\n\nA. Hopi\n\nB. Navajo\n\nC. Sioux\n\nD. Apache\n\n"
        "The Hopi and the Navajo shared the valley with the Apache, and the Sioux lived north."
    )
    found = names(analyze(Document(source="quiz.txt", text=quiz), summary=False))
    assert "Navajo" in found and "Sioux" in found
    assert not [name for name in found if name[:2] in ("A.", "B.", "C.", "D.")], found


def test_a_lettered_list_needs_its_letters_in_order():
    assert technical.enumerators("A. One\nB. Two\nC. Three\n") == {0: 3, 7: 10, 14: 17}
    scorecard = "M. Waugh c Smith b Jones 12\nS. Campbell not out 40\nR. Samuels b Lee 3\n"
    assert technical.enumerators(scorecard) == {}


def test_a_plain_text_manual_reads_its_code_lines():
    body = "".join(
        f"int asn1_call_{n} (asn1_node node, const char * name);\nThe function asn1_call_{n}() returns ASN1_SUCCESS.\n"
        for n in range(20)
    )
    text = "Group ::= SEQUENCE { id OBJECT IDENTIFIER, value Value }\n\n" + body
    doc = Document(source="manual.txt", text=text)
    assert technical.is_manual(doc)
    assert {"group", "sequence", "object", "identifier"} <= technical.code_words(doc)


def test_a_part_named_with_its_letter_is_no_place():
    from reader.text.names import Candidate, tokenize
    from reader.text.participants import _part_or_interjection

    text = "In Appendix G we cover how the compiler is made, and Chapter IV covers the stack; Chapter Smith"
    for name, part in (("Appendix G", True), ("Chapter IV", True), ("Chapter Smith", False)):
        start = text.index(name)
        c = Candidate(tokenize(text, start, start + len(name)), sentence=0, initial=False, shouting=False)
        assert _part_or_interjection(text, c) is part, name
