"""Names in technical documents (manuals, API references, READMEs) that are the software's own words.

A manual capitalises its commands, files, variables and platforms: "Pyenv" (written ``pyenv`` in
its code), ``$PATH``, "CONTRIBUTING.md", "Windows", "Python-based". None of them is a person, an
organization or a place. Two rules hold in any document, because their evidence is unambiguous:
a lettered list's enumerator ("B. List on the Title Page") is no initial, and a term a licence or
a specification defines in quotes ('"Title Page" means') is no name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.model import NON_PROSE, Document
from reader.text import gazetteer as gz
from reader.text.names import Candidate, Token
from reader.text.tokens import words as wordlist

# Code spans and blocks that make a document a manual, and the density of code-shaped words
# ('asn1_create_element', 'free()', 'std::io') that does it for a text without markup.
MANUAL_CODE_SPANS = 8
MANUAL_CODE_WORDS = 30
MANUAL_CODE_SHARE = 0.004

_CODE_SHAPE = re.compile(r"\b[A-Za-z][A-Za-z0-9]*_\w+|\b\w+\(\)|\w::\w|\w->\w|\b[A-Za-z]\w*(?:\.\w+)+\(")
# What a code-shaped word holds, found fast in a book-length text (a search anchored on these marks)
_CODE_MARK = re.compile(r"_\w|\(\)|::|->|\.[A-Za-z_]\w*\(")
_WORD = re.compile(r"[A-Za-z][\w.-]*[\w]|[A-Za-z]")
_PARTS = re.compile(r"[.-]+")
_ENV_VAR = re.compile(r"\$\{?([A-Z][A-Z0-9_]+)|\b([A-Z][A-Z0-9_]+)=")
_FILE_NAME = re.compile(
    r"\b([A-Za-z][\w-]*)\.(?:md|txt|rst|json|js|mjs|cjs|ts|py|rs|toml|ya?ml|html?|cfg|ini|sh|lock|xml|c|h|in)\b(?![.@\w])"
)
# A line of code in a text without markup: a grammar rule, braces, a C declaration or statement
_CODE_LINE = re.compile(r"^.*(?:::=|[{}]|\w\([^)]*\)\s*;|;[ \t]*$).*$", re.MULTILINE)
# 'Python-based', 'UNIX-like', 'Windows-specific', 'Non-POSIX': an adjective made of a name
_MADE_ADJECTIVE = re.compile(r"-(?:based|like|specific|compatible|only|style|powered|enabled|aware|native)$|^Non-")


def is_manual(document: Document) -> bool:
    """A document that is mostly about code: many code spans or blocks, or many code-shaped words."""
    spans = sum(1 for e in document.emphasis if e.kind == "code")
    spans += sum(1 for b in document.blocks if b.kind == "preformatted")
    if spans >= MANUAL_CODE_SPANS:
        return True
    text = document.text
    shaped = sum(
        1 for m in _CODE_MARK.finditer(text) if m.group()[0] != "_" or text[m.start() - 1 : m.start()].isalnum()
    )
    return shaped >= MANUAL_CODE_WORDS and shaped >= MANUAL_CODE_SHARE * text.count(" ")


def code_spans(document: Document) -> list[tuple[int, int]]:
    """Where the document sets text as code: inline code and code blocks."""
    spans = [(e.start, e.end) for e in document.emphasis if e.kind == "code"]
    spans.extend((b.start, b.end) for b in document.blocks if b.kind in NON_PROSE and b.kind != "image")
    return spans


def code_words(document: Document) -> set[str]:
    """Lower-case words and phrases the document writes as code ('pyenv', 'cargo doc')."""
    text = document.text
    found: set[str] = set()
    spans_found = code_spans(document)
    for start, end in spans_found:
        words = [gz.word_key(w) for w in _WORD.findall(text, start, end)]
        found.update(words)
        found.update(" ".join(words[i : i + 2]) for i in range(len(words) - 1))
    found.update(gz.word_key(w) for m in _CODE_SHAPE.finditer(text) for w in _WORD.findall(m.group()))
    if not spans_found:
        for line in _CODE_LINE.finditer(text):
            found.update(gz.word_key(w) for w in _WORD.findall(line.group()))
    # 'Math.floor', '--force-fips': their parts are code words too
    found.update(part for word in list(found) for part in _PARTS.split(word) if part)
    return found


def variables_and_files(text: str) -> set[str]:
    """Environment variables ('$PATH', 'HOME=') and file names ('CONTRIBUTING.md'), lower case."""
    found = {gz.word_key(m.group(1) or m.group(2)) for m in _ENV_VAR.finditer(text)}
    found.update(gz.word_key(m.group(1)) for m in _FILE_NAME.finditer(text))
    return found


def without_software_terms(document: Document, cands: list[Candidate]) -> list[Candidate]:
    """In a manual, drop names that are code, variables, files, platforms or formats."""
    if not is_manual(document):
        return cands
    terms = code_words(document) | variables_and_files(document.text) | wordlist("software_names")
    given = gz.first_names()
    return [c for c in cands if not _software_term(c, terms, given)]


def _software_term(c: Candidate, terms: set[str], given: frozenset[str]) -> bool:
    if _MADE_ADJECTIVE.search(c.tokens[-1].text) or _instruction(c, given):
        return True
    if len(c.tokens) > 1 and c.tokens[0].key in given and c.kind == "person":
        return False  # 'Antoine du Hamel' in a key list's comment is still a person
    if c.key in terms or c.key.endswith("s") and c.key[:-1] in terms or c.after in wordlist("technical_nouns"):
        return True  # 'the Group type', 'the History section': a thing the manual describes
    return any(t.key in terms and not _keeps(c, t.key) for t in c.tokens[:1])


def _instruction(c: Candidate, given: frozenset[str]) -> bool:
    """'Manage virtualenv.', 'Alias of x.socket.': a manual's sentence opening on a verb or a
    noun, not on a name (no given name, place or known organization; not in capitals)."""
    if not c.initial or len(c.tokens) != 1 or not c.after[:1].islower():
        return False
    key = c.key
    word = c.tokens[0].text
    return not (word.isupper() or key in given or key in gz.places() or key in wordlist("organizations"))


def _keeps(c: Candidate, word: str) -> bool:
    """'Python Software Foundation' keeps its platform word: an organization is named after it."""
    return word != c.key and any(t.key in wordlist("org_words") for t in c.tokens[1:])


# 'A. Use in the Title Page', 'B. List on the Title Page': a letter opening a line of a lettered list
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_ENUMERATOR = re.compile(r"^[ \t]*(?:\(?([A-Z])[.)])[ \t]+[A-Z]", re.MULTILINE)
ENUMERATED = 3  # letters in sequence that make a lettered list


def enumerators(text: str) -> dict[int, int]:
    """Where each letter of a lettered list (A., B., C. ... opening lines in order) stands, to
    where its item's first word starts."""
    out: dict[int, int] = {}
    run: list[tuple[int, int]] = []
    expected = "A"
    for m in _ENUMERATOR.finditer(text):
        letter, mark = m.group(1), (m.start(1), m.end() - 1)
        if letter == "A":
            run = [mark]
        elif letter == expected and run:
            run.append(mark)
        else:
            continue
        expected = chr(ord(letter) + 1)
        if len(run) >= ENUMERATED:
            out.update(run)
    return out


# '"Title Page" means', 'The "Document", below, refers to': a term defined in quotes
_DEFINED = re.compile(r"[\"“]([A-Z][\w -]{0,40}?)[\"”](?:,[^,\n]{0,20},)?\s+(?:means|refers|is defined|shall mean)\b")


def quoted_definitions(text: str) -> set[str]:
    """Keys of the terms the text defines in quotes."""
    return {gz.key(m.group(1)) for m in _DEFINED.finditer(text)}


def without_enumerators_and_defined_terms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop a lettered list's enumerator from a name (and the name when nothing is left but a
    word the text writes in lower case), and drop the terms the text defines in quotes."""
    marks = enumerators(text)
    items = set(marks.values())
    defined = quoted_definitions(text) if "mean" in text or "refer" in text else set()
    if not marks and not defined:
        return cands
    lower = set(_LOWER_WORD.findall(text)) if marks else set()
    out = []
    for c in cands:
        first = c.tokens[0].start
        if first in marks or first in items:
            c.tokens = _after_enumerator(c.tokens[1:] if first in marks else c.tokens, lower)
            if not c.tokens:
                continue
            c.initial = True
        if c.key not in defined:
            out.append(c)
    return out


def _after_enumerator(tokens: list[Token], lower: set[str]) -> list[Token]:
    """An item's first word opens a sentence: a word the text also writes in lower case ('E. Add
    a notice' beside 'you may add') is no name; 'A. Anasazi' of a quiz's options stays."""
    if tokens and tokens[0].key in lower and not (len(tokens) > 1 and tokens[0].key in gz.first_names()):
        return tokens[1:]
    return tokens


# 'Antoine du Hamel <duhamel@example.com>', '**Antoine du Hamel** <<...@...>>': a contact line
_CONTACT = re.compile(r"\**[ \t]*<{1,2}[\w.+-]+@[\w-]+\.")


def contacts(text: str, raw: list[Candidate]) -> list[Candidate]:
    """Copies of the names written just before an e-mail address in angle brackets: people."""
    org_words = wordlist("org_words")
    out = []
    for c in raw:
        if len(c.tokens) > 1 and _CONTACT.match(text, c.end) and not any(t.key in org_words for t in c.tokens):
            out.append(replace(c, tokens=list(c.tokens), titles=[], kind="person", defines=None))
    return out


def with_contacts(cands: list[Candidate], people: list[Candidate]) -> list[Candidate]:
    """The typed names with each contact line's name as a person, in place of what overlapped it."""
    if not people:
        return cands
    spans = [(p.start, p.end) for p in people]
    kept = [c for c in cands if all(c.end <= a or c.start >= b for a, b in spans)]
    return sorted(kept + people, key=lambda c: c.start)
