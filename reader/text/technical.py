"""Names in technical documents (manuals, API references, READMEs) that are the software's own words.

A manual capitalises its commands, files, variables and platforms: "Pyenv" (written ``pyenv`` in
its code), ``$PATH``, "CONTRIBUTING.md", "Windows", "Python-based". None of them is a person, an
organization or a place. Two rules hold in any document, because their evidence is unambiguous:
a lettered list's enumerator ("B. List on the Title Page") is no initial, and a term a licence or
a specification defines in quotes ('"Title Page" means') is no name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from itertools import accumulate

from reader.model import NON_PROSE, Document
from reader.text import gazetteer as gz
from reader.text import names
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
_SPELLED = re.compile(r"\b(?:[A-Za-z]_){2,}(?:s\b)?")
_WORD = re.compile(r"[A-Za-z][\w.-]*[\w]|[A-Za-z]")
_PARTS = re.compile(r"[.-]+")
_ENV_VAR = re.compile(r"\$\{?([A-Z][A-Z0-9_]+)|\b([A-Z][A-Z0-9_]+)=")
_FILE_NAME = re.compile(
    r"\b([A-Za-z][\w-]*)\.(?:md|txt|rst|json|js|mjs|cjs|ts|py|rs|toml|ya?ml|html?|cfg|ini|sh|lock|xml|c|h|in)\b(?![.@\w])"
)
# A line of code in a text without markup: a grammar rule, braces, a C declaration or statement
_CODE_LINE = re.compile(r"^.*(?:::=|[{}]|\w\([^)]*\)\s*;|;[ \t]*$).*$", re.MULTILINE)
# 'Python-based', 'UNIX-like', 'Windows-specific', 'Non-POSIX': an adjective made of a name
_MADE_ADJECTIVE = re.compile(
    r"-(?:based|like|specific|compatible|compliant|only|style|powered|enabled|aware|native)$|^Non-"
)


def is_manual(document: Document) -> bool:
    """A document that is mostly about code: many code spans or blocks, or many code-shaped words."""
    spans = sum(1 for e in document.emphasis if e.kind == "code")
    spans += sum(1 for b in document.blocks if b.kind == "preformatted")
    if spans >= MANUAL_CODE_SPANS:
        return True
    text = document.text
    if "_" in text:  # 'T_V_', 'L_C_D_s': a transcript's letters spelled out (AMI meetings), no code
        text = _SPELLED.sub(lambda m: "x" * len(m.group()), text)
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
    """In software documentation (``is_software_text``: a manual or a README kind of text), drop
    names that are code, variables, files, platforms or formats. The caller has checked the kind."""
    terms = code_words(document) | variables_and_files(document.text) | wordlist("software_names")
    given = gz.first_names()
    return [c for c in _without_boilerplate(cands) if not _software_term(c, terms, given)]


# The last word of a licence's name or of a term it defines ('GNU General Public License', 'Front-Cover Texts')
_WORK_ENDS = frozenset({"license", "licence", "licenses", "licences", "texts"})
# A company's legal form, left opening a run where a line break cut it from its name ('Inc. Version')
_LEGAL_FORMS = frozenset({"inc", "ltd", "llc", "corp", "gmbh"})


def _without_boilerplate(cands: list[Candidate]) -> list[Candidate]:
    """Copyright and licence lines name the licence and its terms, not participants: 'Copyright'
    is no part of a name ('Werner Koch Copyright'), and a licence ('Public License'), a licence's
    term ('Back-Cover Texts') or a legal form cut from its company ('Inc. Version') is no name."""
    out = []
    for c in cands:
        tokens = c.tokens
        while tokens and tokens[-1].key == "copyright":
            tokens = tokens[:-1]
        while tokens and tokens[0].key == "copyright":
            tokens = tokens[1:]
        if not tokens or tokens[0].key.rstrip(".") in _LEGAL_FORMS or tokens[-1].key in _WORK_ENDS:
            continue
        if tokens is not c.tokens:
            c.tokens = tokens
        out.append(c)
    return out


def _software_term(c: Candidate, terms: set[str], given: frozenset[str]) -> bool:
    if _MADE_ADJECTIVE.search(c.tokens[-1].text) or _MADE_ADJECTIVE.search(c.tokens[0].text) or _instruction(c, given):
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
QUESTIONS = 2  # lines opening with 'Q.' that make a list of questions


def enumerators(text: str) -> dict[int, int]:
    """Where each letter of a lettered list (A., B., C. ... opening lines in order) or of a list of
    questions and answers (Q. and A., two questions or more) stands, to where its item's first
    word starts."""
    out: dict[int, int] = {}
    run: list[tuple[int, int]] = []
    expected = "A"
    questions: list[tuple[int, int]] = []
    for m in _ENUMERATOR.finditer(text):
        letter, mark = m.group(1), (m.start(1), m.end() - 1)
        if letter == "Q" or letter == "A" and questions:
            questions.append(mark)
        if letter == "A":
            run = [mark]
        elif letter == expected and run:
            run.append(mark)
        else:
            continue
        expected = chr(ord(letter) + 1)
        if len(run) >= ENUMERATED:
            out.update(run)
    if sum(text[a] == "Q" for a, _ in questions) >= QUESTIONS:
        out.update(questions)
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
    a notice' beside 'you may add'), a function word ('Q. Why') or an instruction's verb ('A. Tell
    Santiago Vila') is no name; 'A. Anasazi' of a quiz's options stays."""
    key = tokens[0].key if tokens else ""
    opening = key in lower or key in wordlist("manual_verbs") or key in wordlist("function_words")
    if opening and not (len(tokens) > 1 and tokens[0].key in gz.first_names()):
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
    spans = sorted((p.start, p.end) for p in people)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest end of the spans so far
    kept = []
    for c in cands:
        k = bisect.bisect_left(starts, c.end)  # spans[:k] start before c ends: one overlaps if one ends after c starts
        if k == 0 or reach[k - 1] <= c.start:
            kept.append(c)
    return sorted(kept + people, key=lambda c: c.start)


# --- software documentation without much code: a README, INSTALL or CONTRIBUTING kind of text ---

# The files every project ships ('see the file INSTALL', 'COPYING', 'README.md', 'ChangeLog')
_PROJECT_FILES = (
    "README",
    "INSTALL",
    "COPYING",
    "NEWS",
    "ChangeLog",
    "CHANGELOG",
    "CHANGES",
    "AUTHORS",
    "THANKS",
    "TODO",
    "LICENSE",
    "LICENCE",
    "HACKING",
    "CONTRIBUTING",
    "BUGS",
    "Makefile",
)
# A file name's suffix, and the name before it ('SECURITY.md', 'setup.py'), as _FILE_NAME reads them
_FILE_SUFFIX = re.compile(
    r"\.(?:md|txt|rst|json|js|mjs|cjs|ts|py|rs|toml|ya?ml|html?|cfg|ini|sh|lock|xml|c|h|in)\b(?![.@\w])"
)
_NAME_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)$")
# A line that is only a section's name ('## Installation', 'KNOWN BUGS:', 'Building from source')
_SECTION_LINE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+|\*\*)?([A-Za-z][A-Za-z \t-]{2,40}?)(?:\*\*)?[ \t]*:?[ \t]*$", re.MULTILINE
)
# A shell command a README tells its reader to type
_COMMAND = re.compile(
    r"^[ \t]*(?:[$#%>][ \t]*)?(?:\./configure|make(?:[ \t]+(?:install|check|test))?[ \t]*$|cmake[ \t]|meson[ \t]"
    r"|ninja[ \t]|pip3?[ \t]+install|npm[ \t]+install|git[ \t]+clone|cargo[ \t]+(?:build|install)"
    r"|(?:sudo[ \t]+)?apt(?:-get)?[ \t]+install|brew[ \t]+install|sudo[ \t])",
    re.MULTILINE,
)
# A software licence by name ('GNU General Public License', 'Apache License', 'MIT license')
_LICENCE = re.compile(
    r"\b(?:(?:Lesser |Library )?General Public|Apache|MIT|BSD|Mozilla Public|Artistic) Licen[cs]e\b", re.I
)
SOFTWARE_FILES = 2  # distinct project files named
MANY_FILES = 3  # distinct project files that are evidence enough alone
SOFTWARE_SECTIONS = 2  # distinct section words among the headings
SOFTWARE_SIGNS = 2  # of the four kinds of evidence: files, sections, commands, a licence


def software_signs(text: str) -> tuple[int, int, int, bool]:
    """The distinct project files the text names, its distinct section words, its command lines
    (up to 3), and whether it names a software licence."""
    files, commands, licence = _software_evidence(text)
    return files, _sections(text), commands, licence


def _software_evidence(text: str) -> tuple[int, int, bool]:
    """Project files named, command lines (up to 3), a licence named: each found without scanning
    a book-length text word by word (a search anchored on literal words and marks)."""
    files = {w.upper() for w in _PROJECT_FILES if _has_word(text, w)}
    for m in _FILE_SUFFIX.finditer(text):
        word = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if word:
            files.add(word.group(1).upper())  # 'SECURITY.md'
    commands = sum(1 for _ in zip(range(3), _COMMAND.finditer(text)))
    return len(files), commands, _names_licence(text)


def _names_licence(text: str) -> bool:
    """A software licence named ('GNU General Public License'), looked for at each 'icen'."""
    for part in ("icen", "ICEN"):
        at = text.find(part)
        while at >= 0:
            if _LICENCE.search(text, max(0, at - 40), at + 10):
                return True
            at = text.find(part, at + 4)
    return False


def _has_word(text: str, word: str) -> bool:
    """``word`` stands in ``text`` as a word of its own (str.find: fast on a book-length text)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (text[at - 1 : at].isalnum() or text[end : end + 1].isalnum() or "_" in text[at - 1 : end + 1]):
            return True
        at = text.find(word, end)
    return False


def _sections(text: str) -> int:
    found = {_section_key(m.group(1)) for m in _SECTION_LINE.finditer(text)}
    return len(found & wordlist("software_sections"))


def _section_key(line: str) -> str:
    """'Reporting Bugs' -> 'bugs', 'KNOWN BUGS' -> 'bugs': the last word names the section."""
    return gz.word_key(line.split()[-1])


def is_software_text(document: Document) -> bool:
    """Software documentation by its own evidence: a manual (code), or a README kind of text that
    names the project's files, has the sections such texts have and tells the reader what to type."""
    if document.format == "man" or is_manual(document):
        return True
    text = document.text
    files, commands, licence = _software_evidence(text)
    signs = (files >= SOFTWARE_FILES) + (commands > 0) + licence
    if signs >= SOFTWARE_SIGNS or files >= MANY_FILES:
        return True
    return signs == SOFTWARE_SIGNS - 1 and _sections(text) >= SOFTWARE_SECTIONS  # read only when it decides


# A word after a maker's name that makes the run an organization's name, not a product's
_BODY_WORDS = frozenset({"project", "team", "developers", "developer"})


def without_products(cands: list[Candidate], software: bool = False) -> list[Candidate]:
    """A maker's name with more words after it names a product or a platform ('Apple Silicon',
    'Google Cloud', 'Microsoft Teams', 'GNU Emacs'), and so does a name opening with a product of
    several words ('Visual Studio Code'): neither is a person, an organization or a place. The
    maker alone, or with an organization's word ('Google Foundation', 'GNU Project'), stays; a
    known organization's name opening a product ('Google' of 'Google Analytics') is its mention.
    In ``software`` text a maker named alone is the company ('Apple'), an organization."""
    makers = wordlist("makers")
    products = {name for name in wordlist("software_names") if " " in name}
    firsts = {name.split()[0] for name in makers | products}
    out = []
    for c in cands:
        if len(c.tokens) < 2 or c.tokens[0].key not in firsts:
            if software and len(c.tokens) == 1 and c.key in makers:
                c.kind = "organization"
            out.append(c)  # most names: no maker's or product's first word
            continue
        n = _made_by(c, makers)
        if n and " ".join(t.key for t in c.tokens[:n]) in wordlist("organizations"):
            out.append(replace(c, tokens=c.tokens[:n], kind="organization", after=c.tokens[n].key, defines=None))
        elif not n and not _product(c, products):
            out.append(c)
    return out


def _made_by(c: Candidate, makers: frozenset[str]) -> int:
    """How many words of the name are a maker's before its product's words, or 0."""
    keys = [t.key for t in c.tokens]
    for n in (1, 2):  # 'Intel Atom', 'Red Hat Enterprise Linux'
        if len(keys) > n and " ".join(keys[:n]) in makers:
            org_words = wordlist("org_words")
            made = not any(k in org_words or k in _BODY_WORDS or k in names.PLACE_HEADS for k in keys[n:])
            return n if made else 0
    return 0


def _product(c: Candidate, products: set[str]) -> bool:
    key = c.key
    return any(key == p or key.startswith(p + " ") for p in products)


# What comes before a definition's text on its line: 'json: Emit JSON', '--addrsig - Emit a table'
_DEFINITION_MARKS = frozenset({":", "-", "–", "—"})


# What may stand before an instruction opening a line: a bullet, a number, a version ('1.05<tab>Add META.yml')
_LINE_OPENING = re.compile(r"[ \t*•+\-\d.]*")


def without_instructions(text: str, cands: list[Candidate], lower: set[str]) -> list[Candidate]:
    """In software text, a capitalised word opening a sentence, a line or a definition's text
    ('Deny access', 'Print the version', 'json: Emit JSON messages', '1.05  Add META.yml') is an
    instruction when it is a verb of manuals or a word the text also writes in lower case: it is
    taken off the name, and the rest ('JSON') is read on as a name of its own. A given name before
    a known surname ('Mark Hoffman') stays."""
    verbs = wordlist("manual_verbs")
    out = []
    for c in cands:
        if _opens(text, c) and _instructs(c, verbs, lower):
            if len(c.tokens) == 1 or _verb(c.tokens[0].key, verbs) and _plural_noun_left(c.tokens[1:]):
                continue  # 'Pull Requests', 'Reporting Bugs': an action and its object, a heading
            c = replace(c, tokens=c.tokens[1:], initial=False, before=c.tokens[0].key, titles=[], defines=None)
        if not _street_address(text, c):
            out.append(c)
    return out


def _verb(key: str, verbs: frozenset[str]) -> bool:
    """'pull', 'reporting', 'getting': a verb of manuals, or its -ing form."""
    stem = key[:-3] if key.endswith("ing") else key
    return key in verbs or stem in verbs or stem + "e" in verbs or stem[:-1] in verbs


def _plural_noun_left(rest: list[Token]) -> bool:
    """'Requests' of 'Pull Requests': one title-case plural that is no known name."""
    if len(rest) != 1:
        return False
    word, key = rest[0].text, rest[0].key
    plural = word[:1].isupper() and word[1:].islower() and key.endswith("s") and not key.endswith("ss")
    return plural and not (key in gz.first_names() or key in gz.surnames() or key in gz.places() or key in gz.cities())


# A house number before a street ('51 Franklin Street'), and the floor or suite after it ('Fifth Floor')
_HOUSE_NUMBER = re.compile(r"\b\d{1,5}[A-Za-z]?[ \t]+$")
_STREET_PARTS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "place", "lane", "boulevard", "drive", "way"})
_FLOOR_PARTS = frozenset({"floor", "suite", "room"})


def _street_address(text: str, c: Candidate) -> bool:
    """'51 Franklin Street, Fifth Floor' in a licence's postal address: an address, no participant."""
    last = c.tokens[-1].key
    if last in _FLOOR_PARTS and len(c.tokens) == 2:
        return True
    return last in _STREET_PARTS and _HOUSE_NUMBER.search(text, max(0, c.start - 8), c.start) is not None


def _opens(text: str, c: Candidate) -> bool:
    if c.initial or c.before in _DEFINITION_MARKS:
        return True
    line = text.rfind("\n", 0, c.start) + 1
    return _LINE_OPENING.fullmatch(text, line, c.start) is not None


# Adjectives that open a manual's sentences ('Valid values are ...') and are listed as given names too
OPENING_ADJECTIVES = frozenset({"valid", "invalid", "true", "false", "unknown"})


def _instructs(c: Candidate, verbs: frozenset[str], lower: set[str]) -> bool:
    first = c.tokens[0]
    if first.key in OPENING_ADJECTIVES and first.text[:1].isupper() and not first.text.isupper():
        return True
    if not first.text[:1].isupper() or first.text.isupper() or first.key not in verbs and first.key not in lower:
        return False
    if len(c.tokens) == 2 and first.key in gz.first_names():
        return c.tokens[1].key not in gz.surnames()  # 'Mark Hoffman' stays, 'Emit JSON' does not
    return True


# 'Tiancheng "Timothy" Gu', 'Robert “Bob” Smith', 'Robert (Bob) Smith': a nickname in quotes or
# brackets inside a person's name
_NICKNAMED = re.compile(
    r"\b(?:[A-Z][\w'-]+[ \t]+)?([A-Z][\w'-]+)[ \t]+(?:[\"“]([A-Z][\w'-]+)[\"”]|\(([A-Z][\w'-]+)\))"
    r"[ \t]+([A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+)?)\b(?![\"”])"
)


_NICKNAME_CORE = re.compile(r"[ \t](?:[\"“][A-Z][\w'-]+[\"”]|\([A-Z][\w'-]+\))[ \t]+[A-Z]")


def _nickname(m: re.Match[str]) -> str:
    return m.group(2) or m.group(3)


def nicknamed(text: str, quoted: bool = True) -> list[re.Match[str]]:
    """The 'First "Nick" Surname' names of the text whose first name or nickname is a known given
    name; with ``quoted`` false only those with the nickname in brackets."""
    if '" ' not in text and "” " not in text and ") " not in text:
        return []
    given = gz.first_names()
    found: list[re.Match[str]] = []
    for core in _NICKNAME_CORE.finditer(text):  # a long book: the full pattern only where a nickname may stand
        start = max(core.start() - 80, found[-1].end() if found else 0)
        m = _NICKNAMED.search(text, start, core.end() + 80)
        if m is None or m.start() >= core.end() or found and m.start() < found[-1].end():
            continue
        if (gz.word_key(m.group(1)) in given or gz.word_key(_nickname(m)) in given) and (quoted or m.group(3)):
            found.append(m)
    return found


def with_nicknames(text: str, cands: list[Candidate], quoted: bool = True) -> list[Candidate]:
    """First names, a nickname in quotes or brackets and a surname are one person's name (the first
    name before the nickname or the nickname a known given name), the nickname an alias within it,
    not a quotation: the pieces found apart ('Tiancheng', 'Timothy', 'Gu') make one mention, which
    joins the person's other mentions ('Tiancheng Gu'). Prose writes 'Finley "Finn" Polmar' as
    two mentions of the one man (as GUM marks it): ``quoted`` false leaves quoted nicknames apart."""
    found = nicknamed(text, quoted)
    if not found:
        return cands
    spans = [(m.start(), m.end()) for m in found]
    kept = [c for c in cands if all(c.end <= a or c.start >= b for a, b in spans)]
    people = []
    for m in found:
        tokens = [t for t in names.tokenize(text, m.start(), m.end()) if t.text[:1].isalpha()]
        near = [c for c in cands if c.start < m.end() and c.end > m.start()]
        sentence = near[0].sentence if near else -1
        people.append(Candidate(tokens, sentence, initial=False, shouting=False, kind="person"))
    return sorted(kept + [p for p in people if p.sentence >= 0], key=lambda c: c.start)


# 'Margaret Reed, known as Peggy', 'Robert Smith (better known as Bob)', 'Edward Teach, nicknamed Blackbeard'
_KNOWN_AS = re.compile(r"[ \t]*,?[ \t]*\(?(?:(?:also|better|widely|commonly)[ \t]+)?(?:known[ \t]+as|nicknamed)[ \t]+$")


def mark_nicknames(text: str, cands: list[Candidate]) -> None:
    """A nickname the text gives a person ('Robert "Bob" Smith', 'Margaret Reed, known as Peggy')
    names that person wherever it stands alone later ('Bob merged it'): each lone mention of it
    points at the full name (``defines``), so the two are one participant. Without such words in
    the text a first name alone is left to the usual rules."""
    full_of: dict[str, Candidate] = {}
    found = nicknamed(text)
    at = {c.start: c for c in cands if c.kind == "person"} if found else {}
    for m in found:
        full = at.get(m.start(1)) or at.get(m.start())
        if full is not None:
            full_of.setdefault(gz.word_key(_nickname(m)), full)
            surname = at.get(m.start(4))  # 'Hale' of 'Thomas "Tommy" Hale', a mention of its own in prose, is his too
            if surname is not None and surname is not full:
                surname.defines = full
    if "known as" in text or "nicknamed" in text:
        for prev, c in zip(cands, cands[1:]):
            gap = text[prev.end : c.start]
            if prev.kind == "person" and len(c.tokens) == 1 and len(prev.tokens) > 1 and _KNOWN_AS.fullmatch(gap):
                full_of.setdefault(c.key, prev)
    if not full_of:
        return
    for c in cands:
        full = full_of.get(c.key)
        if full is not None and c is not full and len(c.tokens) == 1 and c.start > full.start:
            c.defines, c.kind = full, "person"


def without_titled_acronyms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """In a specification or software text, 'Http' and 'Tls' are the acronyms the text writes as
    'HTTP' and 'TLS' (in a name, a heading or a title set in title case): terms, not organizations;
    so is a one-word name of the software list ('Quic', 'Json')."""
    software = wordlist("software_names")
    capitals: set[str] | None = None
    out = []
    for c in cands:
        word = c.tokens[0].text
        if len(c.tokens) == 1 and len(word) > 2 and word[0].isupper() and word[1:].islower():
            if capitals is None:
                capitals = set(_CAPITALS.findall(text))
            if c.key in software or word.upper() in capitals:
                continue
        out.append(c)
    return out


_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
