"""Direct quotes and reported speech, with their speakers.

Direct quotes are text between quotation marks (“…”, "…", ‘…’, «…») or a Markdown
``>`` block; a quoted title ("the theme “Experience of …”") is not speech. Reported
speech is a clause whose subject is followed by a cue verb ("Eldor Aripov noted that
…", "According to her, …"). A speaker is a participant: named in the clause, a role
that points at one ("the director of the ISMI"), or a pronoun for the person the text
last spoke of. Groups ("the participants noted") have no speaker.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from reader.collector import paused
from reader.model import Analysis, Participant, Quote
from reader.text import gazetteer as gz
from reader.text.tokens import words as wordlist

# Double marks are paired by one scan per paragraph (linear on unclosed marks); single curly
# quotes are also apostrophes, so they pair by a bounded pattern within a paragraph.
MARKS = re.compile(r"[“”«»\"]")
OPENERS = {"“": "”", "«": "»", '"': '"'}
SINGLE = re.compile(r"(?<!\w)‘(?:[^‘’\n]|\n(?![ \t]*\n)){2,2000}?’(?!\w)")
BLOCK_QUOTE = re.compile(r"^>[^\n]*(?:\n>[^\n]*)*", re.MULTILINE)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "they": None}
GENDERED_TITLES = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "prince": "m",
    "count": "m",
    "king": "m",
    "mrs": "f",
    "miss": "f",
    "ms": "f",
    "lady": "f",
    "madam": "f",
    "princess": "f",
    "countess": "f",
    "queen": "f",
    "mademoiselle": "f",
    "madame": "f",
    "captain": "m",
    "admiral": "m",
    "colonel": "m",
    "general": "m",
    "major": "m",
    "uncle": "m",
    "father": "m",
    "brother": "m",
    "aunt": "f",
    "mother": "f",
    "sister": "f",
    "duchess": "f",
    "duke": "m",
    "baron": "m",
    "baroness": "f",
    "signor": "m",
    "signora": "f",
    "monsieur": "m",
    "herr": "m",
    "frau": "f",
    "fraulein": "f",
}
GROUP_WORDS = frozenset(
    {
        "participants",
        "experts",
        "officials",
        "representatives",
        "members",
        "delegates",
        "speakers",
        "analysts",
        "observers",
        "sources",
        "people",
        "critics",
        "others",
        "many",
        "some",
        "all",
        "both",
        "organizers",
        "authorities",
        "leaders",
        "residents",
        "witnesses",
        "they",
        "we",
    }
)
TITLE_CUES = frozenset(
    {
        "theme",
        "titled",
        "entitled",
        "called",
        "named",
        "headlined",
        "book",
        "film",
        "song",
        "slogan",
        "motto",
        "term",
        "word",
        "words",
        "phrase",
    }
)
# Cue verbs whose object is a listener, not what was said, or a thing ("IANA has added the cipher suites").
OBJECT_CUES = frozenset(
    {
        "added",
        "adds",
        "told",
        "tells",
        "tell",
        "asked",
        "asks",
        "informed",
        "informs",
        "assured",
        "assures",
        "urged",
        "urges",
        "called",
        "calls",
        "welcomed",
        "welcomes",
        "promised",
        "thought",
        "believed",
        "went",
        "continued",
    }
)
# Who can say things (issue 10): pronouns for people and nouns for people or bodies speak; protocol
# elements, messages, fields and documents "indicate" or "respond" but say nothing.
PEOPLE_PRONOUNS = frozenset("i we you he she they".split())
THING_WORDS = frozenset("it its this that these those which what there here one each either".split())
AUXILIARIES = frozenset(
    """has have had also then only not now already still further thus therefore hereby again will would can could
    may might should must shall do does did""".split()
)
FUNCTION_WORDS = frozenset(
    "as if unless except where when since because while although though so and but or upon in on at for with by to"
    " of the a an".split()
)
CODE_NAME = re.compile(r"[a-z][A-Z]|\d|_")
REQUIREMENT = re.compile(r"\b(?:MUST|SHOULD|SHALL|REQUIRED)\b")
SPEC_REQUIREMENTS = 5  # RFC 2119 keywords that make a document a specification
POSSESSIVES = frozenset("my our your his her their its".split())
IT_REACH = 4  # "it" speaks for a country or body whose reported words end the sentence before


TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\.?\s+$")
# Between a name and a role noun that is given to it: 'Mr. Eager, the English chaplain', 'Eugenio's our courier'.
ROLE_AFTER = re.compile(
    r"(?:,\s*|\s+(?:is|was)\s+|['’]s\s+| s\s+|\s+)(?:the|a|an|our|his|her|their)\s+((?:[A-Za-z-]+\s+){0,3}[a-z-]+)"
)
THE_TITLE = re.compile(r"\s+the\s+([A-Z][a-z]+)\b")
COPULA = re.compile(r"\b(?:is|was|were|are|be|been|being)\b", re.IGNORECASE)
ACCORDING = re.compile(r"\b[Aa]ccording to ([^,]{1,120}),\s*")


@paused()
def find(analysis: Analysis) -> list[Quote]:
    """Quotes in text order; ``speaker`` is a participant id or None."""
    people = _Speakers(analysis)
    out = _outside_references(analysis, _direct_quotes(analysis, people))
    quoted = _sentences_with(analysis, out)
    for i in range(len(analysis.sentences)):
        q = None if i in quoted else _reported(analysis, i, people)
        if q is not None:
            out.append(q)
    out.sort(key=lambda q: (q.start, q.end))
    return out


# a reference list quotes titles ('Rescorla, E., "The Transport Layer Security Protocol", RFC 8446'), not words said
REFERENCES = re.compile(r"(?:references|bibliography|works cited|further reading)\W*$", re.IGNORECASE)


def _outside_references(analysis: Analysis, quotes: list[Quote]) -> list[Quote]:
    """Direct quotes that are not titles in a section of references."""
    lists = [(s.start, s.end) for s in analysis.sections if REFERENCES.search(s.title)]
    if not lists:
        return quotes
    return [q for q in quotes if not any(a <= q.start < b for a, b in lists)]


def _sentences_with(analysis: Analysis, quotes: list[Quote]) -> set[int]:
    """Indexes of the sentences a direct quote overlaps: no reported speech is looked for there."""
    starts = [s.start for s in analysis.sentences]
    out: set[int] = set()
    for q in quotes:
        k = max(0, bisect.bisect_right(starts, q.start) - 1)
        while k < len(starts) and starts[k] < q.end:
            out.add(k)
            k += 1
    return out


RECENT_TURNS = 6
NEAR_TRIES = 6  # names looked at on each side of a quote: linear however many a paragraph holds
PRONOUN_CHARS = 6000  # how far back 'said he' looks for his name: a few pages of one section
PRONOUN_REACH = 8  # sentences a pronoun may look back for its person


def _one_each(people: list[Participant], text: str) -> list[Participant]:
    """The people who may say a quote: not a family ('the Emersons', 'the Miss Alans' beside 'Mr. Emerson',
    'Miss Alan'), whose members speak one at a time."""
    surnames = {name.split()[-1] for p in people for name in (p.name, *p.aliases)}
    return [p for p in people if not _family(p, surnames, text)]


THE_BEFORE = re.compile(r"\b[Tt]he (?:[A-Z][a-z]+\.? )?$")  # 'the Emersons', 'the Miss Alans'


def _family(p: Participant, surnames: set[str], text: str) -> bool:
    last = p.name.split()[-1]
    if not (last.endswith("s") and last[:-1] in surnames):
        return False
    after_the = sum(bool(THE_BEFORE.search(text, max(0, m.start - 16), m.start)) for m in p.mentions)
    return 2 * after_the >= len(p.mentions)


class _Speakers:
    """Person mentions in text order, for naming speakers."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        people = _one_each([p for p in analysis.participants if p.kind == "person"], analysis.text)
        self.by_id = {p.id: p for p in analysis.participants}
        self.by_name = {p.name: p.id for p in people}
        spans = sorted((m.start, m.end, p.id) for p in people for m in p.mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.subjects = self._subjects()
        self.subject_starts = [s for s, _ in self.subjects]
        self.gender = {p.id: _gender(p, analysis.text) for p in people}
        self.orgs = [p for p in analysis.participants if p.kind != "person"]
        self.sentence_starts = [s.start for s in analysis.sentences]
        self.expected: str | None = None  # whose turn it is in a run of dialogue
        self.recent: list[tuple[int, str]] = []  # (quote start, speaker) of the quotes attributed so far
        self.titled = self._titled(spans)
        self.roles: dict[str, list[tuple[int, str]]] | None = None  # noun -> where the text gives it to whom
        self.families: dict[str, set[str]] | None = None  # person -> family names, made on the first kin noun
        self.specification: bool | None = None  # many MUST/SHOULD: unknown nouns are things, not speakers
        self.last_voice = -IT_REACH  # where the last reported quote of a speaking subject ended
        self.said_gender: dict[int, str] = {}  # quote start -> the gender its cue gives ('said she')
        self.set_quoted([])

    def may_speak(self, subject: str, pos: int, speaker: str | None = None) -> bool:
        """Whether a cue's subject can say things: "the minister", "we", "Argentina", a participant;
        not "the server", "the Content-Length field", "this specification" (see ``head_speaks``)."""
        if self.specification is None:
            self.specification = len(REQUIREMENT.findall(self.analysis.text, 0, 400_000)) >= SPEC_REQUIREMENTS
        if not subject.strip():
            return True  # "Natalya Gherman, sharing her experience, stressed": the subject is earlier
        if [w.lower() for w in _subject_words(subject)] == ["it"]:
            return 0 <= pos - self.last_voice < IT_REACH  # "Syria reiterates its thanks. It also expresses"
        verdict = head_speaks(subject)
        if speaker is not None:  # a participant speaks unless the subject is a thing ("The ServerHello")
            return verdict is not False
        return verdict if verdict is not None else not self.specification

    def _subjects(self) -> list[tuple[int, str]]:
        """The first person mention of each sentence: who the text is talking about."""
        firsts = []
        for s in self.analysis.sentences:
            k = bisect.bisect_left(self.starts, s.start)
            if k < len(self.spans) and self.spans[k][1] <= s.end:
                firsts.append((self.spans[k][0], self.spans[k][2]))
        return firsts

    def named_in(self, start: int, end: int) -> str | None:
        """The last person named in text[start:end]."""
        k = bisect.bisect_right(self.starts, end) - 1
        while k >= 0 and self.spans[k][0] >= start:
            if self.spans[k][1] <= end:
                return self.spans[k][2]
            k -= 1
        return None

    def last_subject_before(self, pos: int, pronoun: str = "") -> str | None:
        """The person the text was last about, of the pronoun's gender where that is known.

        Only the last few sentences of the same section count: a pronoun does not reach
        back across a chapter to a name on the title page.
        """
        wanted = PRONOUNS.get(pronoun)
        floor = self._reach(pos)
        k = bisect.bisect_left(self.subject_starts, pos) - 1
        for j in range(k, max(k - 20, -1), -1):
            if self.subjects[j][0] < floor:
                break
            pid = self.subjects[j][1]
            if wanted is None or self.gender.get(pid) in (None, wanted):
                return pid
        return None

    def _section_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return self.analysis.sections[self.analysis.sentences[i].section].start if i >= 0 else pos

    def _reach(self, pos: int) -> int:
        sentences = self.analysis.sentences
        i = max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)
        first = sentences[max(0, i - PRONOUN_REACH)] if sentences else None
        if first is None:
            return pos
        section = self.analysis.sections[sentences[i].section]
        return max(first.start, section.start)

    def _titled(self, spans: list[tuple[int, int, str]]) -> dict[str, str | None]:
        """Title word -> the one person the text gives it to ('Admiral' -> Admiral Croft), else None."""
        text = self.analysis.text
        out: dict[str, str | None] = {}
        for start, _, pid in spans:
            m = TITLE_BEFORE.search(text, max(0, start - 20), start)
            if m and m.group(1).lower() in wordlist("titles"):
                key = m.group(1).lower()
                out[key] = pid if out.get(key, pid) == pid else None
        return out

    def by_title(self, text: str, end: int) -> str | None:
        """'cried the Admiral': the person who holds that title."""
        m = THE_TITLE.match(text, end)
        return self.titled.get(m.group(1).lower()) if m else None

    def kin_of(self, pos: int, phrase: tuple[str, str]) -> str | None:
        """'his mother', 'Daisy's mamma': the one person of the holder's family name who can be that
        relative (a mother is a Mrs., a son no Mr.), when the text names exactly one."""
        determiner, noun = phrase
        if noun not in KIN_NOUNS:
            return None
        if determiner.lower() in ("his", "her"):
            holder = self.last_outside(pos, "he" if determiner.lower() == "his" else "she")
        elif determiner.lower() in NOUN_DETERMINERS:
            return None  # 'the son': whose, the text does not say
        else:
            holder = self.by_name.get(determiner[:-2].rstrip()) or self.named_in(max(0, pos - 60), pos + 60)
        return self._relative(holder, noun) if holder is not None else None

    def _relative(self, holder: str, noun: str) -> str | None:
        """The one person of the holder's family who can be that relative (a mother is a Mrs., a son no Mr.)."""
        gender, elder = KIN_NOUNS[noun]
        if not elder and self.by_id[holder].name.lower().startswith("mrs"):
            return None  # a married woman's brother bears her maiden name
        families = self._families(holder)
        fits = [
            pid
            for pid in self.by_name.values()
            if pid != holder
            and not self.by_id[pid].name.startswith(self.by_id[holder].name + " ")  # 'George Emerson' is George
            and self.gender.get(pid) == gender
            and self._married(pid) == elder
            and families & self._families(pid)
        ]
        names = [self.by_id[pid].name for pid in fits]
        fits = [pid for pid, n in zip(fits, names) if not any(o.startswith(n + " ") for o in names)]  # 'George'
        return fits[0] if len(fits) == 1 else None

    def _families(self, pid: str) -> set[str]:
        """The family names a person is written with: the last word of a name of two words or more; for one
        written by the first name alone ('George'), the family of the one full name that opens with it."""
        if self.families is None:
            self.families = {p.id: self._own_families(p) for p in self.by_id.values() if p.kind == "person"}
            fulls: dict[str, set[str]] = {}
            for p in self.by_id.values():
                if p.kind == "person" and " " in p.name:
                    fulls.setdefault(p.name.split()[0], set()).add(p.name.split()[-1])
            for p in self.by_id.values():
                if p.kind == "person" and not self.families[p.id] and len(fulls.get(p.name, ())) == 1:
                    self.families[p.id] = fulls[p.name]
        return self.families.get(pid, set())

    @staticmethod
    def _own_families(p: Participant) -> set[str]:
        return {name.split()[-1] for name in (p.name, *p.aliases) if len(name.split()) > 1}

    def _married(self, pid: str) -> bool:
        return self.by_id[pid].name.split()[0].lower().rstrip(".") in MARRIED

    def by_noun(self, pos: int, phrase: tuple[str, str]) -> str | None:
        """'said the chaplain': the one person the text gives that title or role ('Colonel Fussell', 'Bunting
        the vicar', 'Mr. Eager, the English chaplain'); of several, the one last given it before pos."""
        determiner, noun = phrase
        if determiner.lower() != "the":
            return None  # 'his head', 'her eyes'
        if noun in GENDERED_NOUNS and noun not in wordlist("titles") or noun in KIN_NOUNS or noun in COMMON_TITLES:
            return None
        if self.roles is None:
            self.roles = self._given()
        marks = self.roles.get(noun, [])
        if not marks:
            return None
        if len({pid for _, pid in marks}) == 1:
            return marks[0][1]
        k = bisect.bisect_left(marks, (pos, "")) - 1
        return marks[k][1] if k >= 0 and marks[k][0] >= max(pos - PRONOUN_CHARS, self._section_start(pos)) else None

    def _given(self) -> dict[str, list[tuple[int, str]]]:
        """Title or role noun -> where the text gives it to whom: a title before the name or opening it
        ('Colonel Fussell', 'Doctor Kemp'), a noun in apposition after it ('Mr. Eager, the English
        chaplain', 'Bunting the vicar', 'Eugenio's our courier'), the participant's role."""
        text = self.analysis.text
        out: dict[str, list[tuple[int, str]]] = {}
        for p in self.by_id.values():
            for word in (p.role or "").lower().split() if p.mentions else ():
                out.setdefault(word, []).append((p.mentions[0].start, p.id))
        for start, end, pid in self.spans:
            first = WORD.match(text, start, end)
            title = TITLE_BEFORE.search(text, max(0, start - 20), start)
            words = [first.group()] if first and first.end() < end else []
            words += [title.group(1)] if title else []
            given = ROLE_AFTER.match(text, end)
            words += given.group(1).split() if given else []
            for word in words:
                out.setdefault(word.lower(), []).append((start, pid))
        return {word: sorted(marks) for word, marks in out.items()}

    def _starting(self, pos: int) -> str | None:
        """The person whose mention starts at pos."""
        k = bisect.bisect_left(self.starts, pos)
        return self.spans[k][2] if k < len(self.spans) and self.spans[k][0] == pos else None

    def set_quoted(self, quoted: list[tuple[int, int]]) -> None:
        """Keep the person mentions outside these spans: the narration, where speakers are named."""
        self.narration: list[tuple[int, int, str]] = []
        k = 0
        for span in self.spans:
            while k < len(quoted) and quoted[k][1] <= span[0]:
                k += 1
            if k == len(quoted) or span[1] <= quoted[k][0]:
                self.narration.append(span)
        self.narration_starts = [s for s, _, _ in self.narration]

    def nearest_in(self, start: int, end: int, q_start: int, q_end: int, gender: str | None = None) -> str | None:
        """The person named nearest the quote q_start..q_end in the narration of start..end.

        Not a listener ('smiling at Anne'), nor, when the cue says 'he' or 'she', someone of the
        other gender."""
        options = []
        k = bisect.bisect_left(self.narration_starts, q_start) - 1
        for _ in range(NEAR_TRIES):
            if k < 0 or self.narration[k][0] < start:
                break
            if self._may_speak(self.narration[k], gender):
                options.append((q_start - self.narration[k][1], self.narration[k][2]))
                break
            k -= 1
        j = bisect.bisect_left(self.narration_starts, q_end)
        for _ in range(NEAR_TRIES):
            if j >= len(self.narration) or self.narration[j][1] > end:
                break
            if self._may_speak(self.narration[j], gender):
                options.append((self.narration[j][0] - q_end, self.narration[j][2]))
                break
            j += 1
        return min(options)[1] if options else None

    def _may_speak(self, span: tuple[int, int, str], gender: str | None) -> bool:
        if _object_of(self.analysis.text, span[0]):
            return False
        return gender is None or self.gender.get(span[2]) in (None, gender)

    def last_outside(self, pos: int, pronoun: str) -> str | None:
        """The person last named in the narration before pos, of the pronoun's gender, or the last
        speaker of that gender when that quote came after the name."""
        wanted = PRONOUNS.get(pronoun)
        if self.expected and wanted and self.gender.get(self.expected) == wanted:
            # In a dialogue, 'said she' is the turn's speaker, not her listener, unless the
            # narration since the last quote named another person of her gender.
            since = self.recent[-1][0] if self.recent else 0
            named = self._last_named(pos, wanted, max(since, self._section_start(pos)))
            return named or self.expected
        k = bisect.bisect_left(self.narration_starts, pos) - 1
        floor = max(pos - PRONOUN_CHARS, self._section_start(pos))
        unknown = None
        spoke = self._recent_speaker(pos, wanted, floor) if wanted else None
        for j in range(k, max(k - 30, -1), -1):
            start, _, pid = self.narration[j]
            if start < floor or spoke and start < spoke[0]:
                break  # a quote of this gender's speaker came after: 'said he' is that speaker
            if _object_of(self.analysis.text, start):
                continue  # "she said to Margaret": Margaret listens
            if wanted is None or self.gender.get(pid) == wanted:
                return pid
            if self.gender.get(pid) is None and unknown is None:
                unknown = pid  # a person of unknown gender, if no one of the pronoun's gender is near
        return spoke[1] if spoke else unknown

    def spouse_of(self, pos: int, possessive: str) -> str | None:
        """'said his lady' after Mr. Bennet: Mrs. Bennet, when the text names her so."""
        holder = self.last_outside(pos, "he" if possessive == "his" else "she")
        title, _, rest = self.by_id[holder].name.partition(" ") if holder else ("", "", "")
        other = SPOUSE_TITLES.get(title.lower())
        return self.by_name.get(f"{other} {rest}") if other and rest else None

    def last_named_except(self, pos: int, wanted: str, listener: str) -> str | None:
        """The last person of this gender named in the narration before pos in this section, not the listener."""
        k = bisect.bisect_left(self.narration_starts, pos) - 1
        floor = max(pos - PRONOUN_CHARS, self._section_start(pos))
        for j in range(k, max(k - 30, -1), -1):
            start, _, pid = self.narration[j]
            if start < floor:
                break
            if pid != listener and self.gender.get(pid) == wanted and not _object_of(self.analysis.text, start):
                return pid
        return None

    def _last_named(self, pos: int, wanted: str, floor: int) -> str | None:
        """The last person of this gender named in the narration between floor and pos, not a listener."""
        k = bisect.bisect_left(self.narration_starts, pos) - 1
        for j in range(k, max(k - 10, -1), -1):
            start, _, pid = self.narration[j]
            if start < floor:
                break
            if self.gender.get(pid) == wanted and not _object_of(self.analysis.text, start):
                return pid
        return None

    def _recent_speaker(self, pos: int, wanted: str, floor: int) -> tuple[int, str] | None:
        """The last speaker of this gender among the last quotes before pos."""
        for at, pid in reversed(self.recent[-RECENT_TURNS:]):
            if at < max(floor, pos - 1500):
                break
            if self.gender.get(pid) == wanted:
                return at, pid
        return None

    def other_party(self, pos: int, last: str) -> str | None:
        """The one ``last`` answered: whoever came last before pos, a person named in the narration
        or a speaker of the last few quotes, who is not ``last``."""
        spoke = next(((at, pid) for at, pid in reversed(self.recent[-RECENT_TURNS:]) if pid != last), None)
        if spoke and spoke[0] >= pos - 1500:
            return spoke[1]
        return self.other_before(pos, last)

    def other_before(self, pos: int, last: str) -> str | None:
        """The person last named in the narration before pos who is not ``last``, in this section."""
        named = self._other_named(pos, last)
        return named[1] if named else None

    def _other_named(self, pos: int, last: str) -> tuple[int, str] | None:
        k = bisect.bisect_left(self.narration_starts, pos) - 1
        floor = max(pos - 2000, self._section_start(pos))
        for j in range(k, max(k - 30, -1), -1):
            start, _, pid = self.narration[j]
            if start < floor:
                break
            if pid != last:
                return start, pid
        return None

    def addressed(self, text: str, quotes: list[Quote]) -> str | None:
        """A person named inside the quotes between commas or before the end: "Well, Margaret, ..."."""
        for q in quotes:
            k = bisect.bisect_left(self.starts, q.start)
            while k < len(self.spans) and self.spans[k][1] <= q.end:
                start, end, pid = self.spans[k]
                if ADDRESS_BEFORE.search(text, max(q.start, start - 16), start) and ADDRESS_AFTER.match(text, end):
                    return pid
                k += 1
        return None

    def first_actor_in(self, start: int, end: int) -> str | None:
        """The first person named in text[start:end] who is not a listener ('fixing her eyes upon Winterbourne')."""
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.spans) and self.spans[k][1] <= end:
            if not _object_of(self.analysis.text, self.spans[k][0]):
                return self.spans[k][2]
            k += 1
        return None

    def last_actor_in(self, start: int, end: int) -> str | None:
        """The last person named in text[start:end] who is not a listener."""
        k = bisect.bisect_right(self.starts, end) - 1
        while k >= 0 and self.spans[k][0] >= start:
            if self.spans[k][1] <= end and not _object_of(self.analysis.text, self.spans[k][0]):
                return self.spans[k][2]
            k -= 1
        return None

    def first_named_in(self, start: int, end: int) -> str | None:
        k = bisect.bisect_left(self.starts, start)
        if k < len(self.spans) and self.spans[k][1] <= end:
            return self.spans[k][2]
        return None

    def by_role(self, phrase: str) -> str | None:
        """'the director of the ISMI': the person whose role names the same organization."""
        found = [(len(a), p) for p in self.orgs for a in p.aliases if _contains(phrase, a)]
        if not found:
            return None
        org = max(found, key=lambda f: f[0])[1]
        for p in self.by_id.values():
            if p.kind == "person" and p.role and any(_contains(p.role, a) for a in org.aliases):
                return p.id
        return None


# A name spoken to: after a comma or the opening mark, a title between ("So, Miss Honeychurch,"),
# and before a comma, a stop or "dear" ("Charlotte dear, what do you mean?").
ADDRESS_BEFORE = re.compile(r"(?:, |[\"“])(?:[A-Z][a-z]+\.? )?$")
ADDRESS_AFTER = re.compile(r"(?: dear\b)?[,.!?]")

OBJECT_BEFORE = re.compile(
    r"\b(?:(\w+)\s+of|to|at|with|for|from|upon|on|about|against|over|near|round|around|beyond|past|without|under"
    r"|between|among|after|before|like|than|towards|toward|into|behind|beside)\s+(?:\w+\.?\s+)?$",
    re.IGNORECASE,
)
# 'the voice of Charles': the person after 'of' speaks when the noun before it is speech.
VOICE_NOUNS = frozenset("voice voices cry cries whisper words tones tone question answer reply side".split())


def _object_of(text: str, start: int) -> bool:
    """A name after a preposition ('turned to Margaret', 'sat on Leonard's knee', 'the hand of Mr. Bennet'):
    someone the sentence is about, not the one who acts or speaks."""
    m = OBJECT_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and (m.group(1) or "").lower() not in VOICE_NOUNS


def _contains(text: str, name: str) -> bool:
    return name in text and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def _speaker(phrase: str, start: int, end: int, people: _Speakers) -> str | None:
    """Who the subject phrase ``text[start:end]`` is."""
    named = people.named_in(start, end)
    if named:
        return named
    words = [w.lower() for w in WORD.findall(phrase)]
    if not words:
        return None
    if any(w in GROUP_WORDS for w in words[-2:]):
        return None
    if words[-1] in PRONOUNS or words[0] in PRONOUNS and len(words) == 1:
        return None if words[-1] == "they" else people.last_subject_before(start, words[-1])
    return people.by_role(phrase)


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans between blank lines within text[start:end]."""
    out = []
    for m in PARAGRAPH_BREAK.finditer(text, start, end):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if end > start:
        out.append((start, end))
    return out


def pair_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted spans of one paragraph, marks included, in text order, none inside another.

    A quotation left open at the end of a paragraph that the next paragraph opens again
    runs to the paragraph's end (a speech over several paragraphs)."""
    found = _double_marks(text, start, end)
    found += [(m.start(), m.end()) for m in SINGLE.finditer(text, start, end)]
    found += [(m.start(), m.end()) for m in BLOCK_QUOTE.finditer(text, start, end)]
    found.sort(key=lambda span: (span[0], -span[1]))
    out: list[tuple[int, int]] = []
    for a, b in found:
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return out


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    open_at, closer = -1, ""
    for m in MARKS.finditer(text, start, end):
        pos, mark = m.start(), m.group()
        if open_at >= 0 and mark == closer:
            if pos - open_at > 2:
                out.append((open_at, pos + 1))
            open_at = -1
        elif mark in OPENERS and _may_open(text, pos, end):
            open_at, closer = pos, OPENERS[mark]
    if open_at >= 0 and end - open_at > 20 and text[end : end + 40].lstrip()[:1] == text[open_at]:
        out.append((open_at, end))
    return out


def _may_open(text: str, pos: int, end: int) -> bool:
    """Not after a letter (5'10"), not before a space (a closing mark met unopened)."""
    before = text[pos - 1 : pos]
    after = text[pos + 1 : pos + 2]
    return not before.isalnum() and after != "" and not after.isspace() and pos + 1 < end


def _direct_quotes(analysis: Analysis, people: _Speakers) -> list[Quote]:
    """Direct quotes of the body, with speakers from cues, the paragraph and the dialogue's turns."""
    text = analysis.text
    if not analysis.sentences:
        return []
    paras = paragraphs(text, analysis.sentences[0].start, analysis.sentences[-1].end)
    spans = [pair_marks(text, a, b) for a, b in paras]
    people.set_quoted([span for found in spans for span in found])
    out: list[Quote] = []
    turns = _Turns()
    for n, (para, found) in enumerate(zip(paras, spans)):
        if found:
            lead = None
            if n and found[0][0] == para[0]:
                lead = _continued(text, paras[n - 1], spans[n - 1], turns, n) or _introduced_by(
                    text, paras[n - 1], people
                )
            quotes = _attribute(text, para, found, people, lead or turns.alternate(n, people, para[0]))
            out.extend(quotes)
            if quotes:
                speaker = next((q.speaker for q in quotes if q.speaker), None)
                turns.add(n, speaker, people.addressed(text, quotes))
                turns.quotes[n] = quotes
    turns.fill_back(people)
    for q in out:
        if q.speaker is None and q.cue is None:  # no cue, no exchange: whom the narration was last about
            q.speaker = people.last_outside(q.start, "they") or people.last_subject_before(q.start)
    return out


def _continued(text: str, para: tuple[int, int], found: list[tuple[int, int]], turns: _Turns, n: int) -> str | None:
    """A speech left open at the end of the paragraph before goes on in this one: the same speaker."""
    if not found or found[-1][1] != para[1] or text[para[1] - 1] in '”»"':
        return None
    return turns.seen[-1][1] if turns.seen and turns.seen[-1][0] == n - 1 else None


def _introduced_by(text: str, para: tuple[int, int], people: _Speakers) -> str | None:
    """'Charles ... began with--' and then the quote as a paragraph of its own: that person speaks."""
    a, b = para
    if text[a:b].rstrip()[-1:] not in (":", "-", "—", ","):
        return None
    return people.nearest_in(a, b, b, b)


class _Turns:
    """Who spoke in the last dialogue paragraphs: in a two-person exchange speakers alternate."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, str | None, str | None]] = []  # paragraph, speaker, addressee
        self.quotes: dict[int, list[Quote]] = {}  # paragraph -> its quotes

    def add(self, paragraph: int, speaker: str | None, addressee: str | None) -> None:
        self.seen.append((paragraph, speaker, addressee))

    def fill_back(self, people: _Speakers | None = None) -> None:
        """A turn left without a speaker takes the one the exchange shows later, two or four turns
        on ('"I'm not."' ... '"I beg your pardon, I did not," said Charles.')."""
        seen = self.seen
        for i in range(len(seen) - 1, -1, -1):
            para, speaker, _ = seen[i]
            if speaker is not None:
                continue
            for step in (2, 4):
                j = i + step
                if j < len(seen) and seen[j][0] == para + step and self._fits(para, seen[j][1], people):
                    speaker = seen[j][1]
                    break
            after = seen[i + 1][1] if i + 1 < len(seen) and seen[i + 1][0] == para + 1 else None
            if speaker is None and after and people is not None and self.quotes.get(para):
                speaker = people.other_before(self.quotes[para][0].start, after)  # the one answered
            if speaker is None:
                continue
            seen[i] = (para, speaker, seen[i][2])
            for q in self.quotes.get(para, []):
                q.speaker = speaker

    def _fits(self, para: int, pid: str | None, people: _Speakers | None) -> bool:
        """Whether pid may have said the quotes of this paragraph: not a man where the cue says 'she'."""
        if pid is None or people is None:
            return pid is not None
        gender = people.gender.get(pid)
        said = {people.said_gender.get(q.start) for q in self.quotes.get(para, [])} - {None}
        return gender is None or not said or gender in said

    def alternate(self, paragraph: int, people: _Speakers, pos: int) -> str | None:
        """Whose turn it is: the last known speaker two, four... turns back, the person the last
        speaker addressed ("..., Margaret."), or else the last other person the narration named:
        the one the last speaker was talking to."""
        if not self.seen or self.seen[-1][0] != paragraph - 1:
            return None
        last, other = self._known_turns(paragraph)
        if last and last != other:
            return last
        addressed = self.seen[-1][2]
        if addressed and addressed != other:
            return addressed
        return people.other_party(pos, other) if other else None

    def _known_turns(self, paragraph: int) -> tuple[str | None, str | None]:
        """The nearest known speakers of this run of dialogue at an even and an odd distance back."""
        found: list[str | None] = [None, None]  # even distance (this speaker's turns), odd (the other's)
        for back in range(1, min(len(self.seen), TURNS_BACK) + 1):
            para, speaker, _ = self.seen[-back]
            if para != paragraph - back:
                break
            if speaker and found[back % 2 == 1] is None:
                found[back % 2 == 1] = speaker
        return found[0], found[1]


TURNS_BACK = 8  # turns of one unbroken exchange looked back on


def _attribute(
    text: str, para: tuple[int, int], found: list[tuple[int, int]], people: _Speakers, turn: str | None
) -> list[Quote]:
    a, b = para
    out: list[Quote] = []
    para_speaker = None
    people.expected = turn
    for k, (qs, qe) in enumerate(found):
        if not _is_speech(text, qs, qe, a, b):
            continue
        # Look for the cue and the speaker between this quote and its neighbours only:
        # a name inside the next quote ("My dear Mr. Bennet") did not say this one.
        after = (qe, min(b, qe + 80, found[k + 1][0] if k + 1 < len(found) else b))
        before = (max(a, qs - 80, found[k - 1][1] if k else a), qs)
        cue, speaker, gender = _direct_cue(text, after, before, people)
        gender = gender or (None if speaker else _actor_gender(text, before, after))
        if gender:
            people.said_gender[qs] = gender
        if gender and para_speaker and people.gender.get(para_speaker) not in (None, gender):
            para_speaker = None  # "she said" after his quote: someone else speaks now
        if gender and turn and people.gender.get(turn) not in (None, gender):
            turn = None  # "returned she" is not his turn
        spoken_to = people.addressed(text, [Quote(qs, qe, "direct")]) if turn and not speaker else None
        if spoken_to and spoken_to == turn:
            turn = people.other_before(qs, spoken_to)  # "Another day, Mrs. Wilcox.": not hers to say
        near = people.nearest_in(a, b, qs, qe, gender)
        speaker = speaker or para_speaker or near or (turn if not out else None)
        if speaker is None and gender:
            speaker = people.last_outside(qs, "she" if gender == "f" else "he")
        speaker = _not_the_listener(text, (qs, qe), speaker, gender, people)
        para_speaker = para_speaker or speaker
        people.expected = None
        if speaker:
            people.recent.append((qs, speaker))
        out.append(Quote(qs, qe, "direct", speaker, cue))
    people.expected = None
    return out


def _not_the_listener(
    text: str, quote: tuple[int, int], speaker: str | None, gender: str | None, people: _Speakers
) -> str | None:
    """'"Yes, Mr. Darcy," said she': the person a quote calls by name listens; the one who speaks is
    the other party of the exchange, when that one fits the cue's gender."""
    if speaker is None or people.addressed(text, [Quote(quote[0], quote[1], "direct")]) != speaker:
        return speaker
    other = people.other_party(quote[0], speaker)
    if other and (gender is None or people.gender.get(other) in (None, gender)):
        return other
    # '"Good night, Mr. Emerson," said the girl': the last other person of the cue's gender
    return people.last_named_except(quote[0], gender, speaker) if gender else None


# "She raised her eyebrows. "Ah, ..."": a pronoun opening the narration beside a quote is its speaker.
SENTENCE_PRONOUN = re.compile(r"(?:^|[.!?]\s+)(He|She)\s+\w+[^.!?]*[.!?:;,—-]*$")
AFTER_PRONOUN = re.compile(r"[\s,]*(he|she)\s")


def _actor_gender(text: str, before: tuple[int, int], after: tuple[int, int]) -> str | None:
    """The gender of a 'he' or 'she' that opens the narration sentence before the quote or goes on after it."""
    m = SENTENCE_PRONOUN.search(text[before[0] : before[1]].strip())
    if m is None:
        m = AFTER_PRONOUN.match(text, after[0], after[1])
    return PRONOUNS[m.group(1).lower()] if m else None


def _is_speech(text: str, start: int, end: int, p_start: int, p_end: int) -> bool:
    """A quoted title or name is not speech: it follows 'theme', 'titled'... or reads as a name."""
    if text[start] == ">":
        return True
    inner = text[start + 1 : end - 1].strip() if text[end - 1] in '”»"’' else text[start + 1 : end].strip()
    before = WORD.findall(text[max(p_start, start - 40) : start].lower())
    if before and before[-1] in TITLE_CUES:
        return False
    if _is_token(inner):
        return False
    if inner[-1:] in ".,!?…—-;:" or end - start > 120:
        return True
    near = text[max(p_start, start - 60) : start] + " " + text[end : min(p_end, end + 60)]
    cues = wordlist("cue_verbs")
    return any(m.group().lower() in cues and not _passive(near, m) for m in WORD.finditer(near))


PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|not)\s+$", re.IGNORECASE)
PASSIVE_AFTER = re.compile(r"\s+(?:by|to be)\b")
ACTIVE_AFTER = re.compile(r"\s*(?:that\b|,)")


def _passive(text: str, m: re.Match[str]) -> bool:
    """'is said to be "compliant"', 'indicated by the "W/" prefix': a term is named, nobody speaks;
    'it was said that, "…"' still reports words."""
    if PASSIVE_AFTER.match(text, m.end()):
        return True
    return bool(PASSIVE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])) and not ACTIVE_AFTER.match(
        text, m.end()
    )


# One word that is a name in code or a protocol: a field, a header, a media type, a value.
_CODE_WORD = re.compile(
    r"[\w.-]*(?:[/_=:<>@#{}()\[\]\d]|[a-z][.-][A-Za-z]|-[A-Z]|[a-z][A-Z])[\w./=:-]*|[a-z][\w-]*|[A-Z][A-Z\d]+"
)


def _is_token(inner: str) -> bool:
    """A quoted word ("message", "Content-Type", "text/plain") is a term, not words that are said;
    a word said alone opens with a capital ("Yes.") or asks or calls ("no!")."""
    core = inner.rstrip(".,;:")
    if not any(c.isalpha() for c in core):
        return True  # "/*", "*/": marks, not words
    if core[-1] in "!?…" or any(c.isspace() for c in core):
        return False
    return _CODE_WORD.fullmatch(core) is not None


def _direct_cue(
    text: str, after: tuple[int, int], before: tuple[int, int], people: _Speakers
) -> tuple[str | None, str | None, str | None]:
    """The cue verb next to a quote, the person it attributes it to, and the gender its subject
    gives ('said she', 'the girl cried') when it is not a name."""
    for (a, b), named in ((after, people.first_actor_in), (before, people.last_actor_in)):
        for m in WORD.finditer(text, a, b):
            word = m.group()
            if word[0].isupper() and m.start() > a and text[m.start() - 2 : m.start()].strip() not in ('"', "”"):
                continue  # a capitalised word inside the clause is a name, not a verb
            if (word.lower() in wordlist("cue_verbs") or word.lower() in wordlist("speech_verbs")) and not _passive(
                text, m
            ):
                gender = _subject_gender(text, m.start(), m.end())
                speaker = _next_to(text, m.start(), m.end(), people) or named(a, b)
                return word, speaker or _pronoun_speaker(text, a, b, people), gender
    return None, None, None


def _next_to(text: str, start: int, end: int, people: _Speakers) -> str | None:
    """The subject right beside the cue: 'said he', 'she said', 'said Sir Walter', 'Ralph asked'."""
    following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if following and following.group().lower() in ("he", "she"):
        return people.last_outside(start, following.group().lower())
    preceding = re.search(r"(\w+)\s+$", text[max(0, start - 30) : start])
    if preceding and preceding.group(1).lower() in ("he", "she"):
        return people.last_outside(start - len(preceding.group(0)), preceding.group(1).lower())
    phrase = _noun_phrase(text, start, end)
    if phrase and phrase[0][:1].isupper() and phrase[0].lower() not in NOUN_DETERMINERS:
        return people.kin_of(start, phrase)  # 'answered Daisy's mamma': not Daisy
    named = (
        people.first_named_in(end, end + 16) or people.named_in(max(0, start - 3), start) or people.by_title(text, end)
    )
    spouse = SPOUSE_AFTER.match(text, end) or SPOUSE_BEFORE.search(text, max(0, start - 20), start)
    if not named and spouse:
        return people.spouse_of(start, spouse.group(1).lower())
    if not named and phrase:
        named = people.kin_of(start, phrase) or people.by_noun(start, phrase)
    gender = None if named else _subject_gender(text, start, end)
    return named or (people.last_outside(start, "she" if gender == "f" else "he") if gender else None)


# The noun phrase beside a cue: 'said the chaplain', 'the old lady chuckled', 'said his mother', 'Daisy's mamma'.
NOUN_DETERMINERS = frozenset("the this that his her".split())
DETERMINER = r"(?:[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[A-Z][a-z]+(?:['’]s| s))"
NOUN_AFTER = re.compile(rf" ({DETERMINER}) ((?:[A-Za-z-]+ ){{0,2}}[A-Za-z-]+)")
NOUN_BEFORE = re.compile(rf"\b({DETERMINER}) ((?:[A-Za-z-]+ ){{0,2}}?[A-Za-z-]+) +$")
# Kin nouns: the relative's gender, and whether the relative is of the elder generation (a Mr. or a Mrs.).
KIN_NOUNS = {
    **dict.fromkeys(("mother", "mamma", "mama", "mammy"), ("f", True)),
    **dict.fromkeys(("father", "papa", "pa"), ("m", True)),
    **dict.fromkeys(("son", "brother"), ("m", False)),
    **dict.fromkeys(("daughter", "sister"), ("f", False)),
}
MARRIED = frozenset({"mr", "mrs"})


def _noun_phrase(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The determiner and the head noun of the cue's subject, when it is a noun phrase: ('the', 'man')
    for 'said the old man gently', ('his', 'mother') for 'his mother said'."""
    m = NOUN_AFTER.match(text, end) or NOUN_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    for w in m.group(2).split():
        lower = w.lower()
        if lower in FUNCTION_WORDS or w[0].isupper() and lower not in wordlist("titles"):
            return None  # 'the girl to her'; 'the Invisible Man' is a name
        if _person_noun(lower):
            return m.group(1), lower
    return None


# Nouns for people the word lists leave out, mostly of a household and a parish.
PERSON_NOUNS = frozenset(
    """chaplain clergyman vicar rector curate parson priest courier maid servant housemaid parlourmaid footman butler
    coachman cabman driver landlord landlady hostess host nurse""".split()
)
# Titles that are also a common noun for anyone of one gender: 'the lady' is no Lady Edser.
COMMON_TITLES = frozenset({"lady", "madam", "sir", "miss", "master"})


def _person_noun(word: str) -> bool:
    return (
        word in KIN_NOUNS
        or word in GENDERED_NOUNS
        or word in PERSON_NOUNS
        or word in wordlist("titles")
        or word in wordlist("speaking_nouns")
    )


# "said his lady", "her husband replied": the spouse of the person the possessive points to.
SPOUSE_AFTER = re.compile(r" (his|her) (?:wife|lady|husband)\b")
SPOUSE_BEFORE = re.compile(r"\b(his|her) (?:wife|lady|husband) +$", re.IGNORECASE)
SPOUSE_TITLES = {"mr.": "Mrs.", "mr": "Mrs", "mrs.": "Mr.", "mrs": "Mr"}

# Nouns that stand for a person of one gender beside a cue: "said the girl", "the old man cried".
GENDERED_NOUNS = {
    **{
        w: "f"
        for w in "girl woman lady mother daughter wife sister aunt widow maid niece bride hostess landlady governess"
        " housekeeper mamma signorina princess countess".split()
    },
    **{
        w: "m"
        for w in "boy man gentleman father son husband brother uncle nephew clergyman youth lad fellow landlord"
        " papa vicar rector curate squire prince count".split()
    },
}
# The noun is one of the next three words: 'said the young man', 'said this lady', 'said her mother'.
SUBJECT_AFTER = re.compile(r" (?:(he|she)\b|(?:the|this|that|her|his) ((?:\w+ ){0,2}\w+))")
SUBJECT_BEFORE = re.compile(r"(?:\b(he|she)|\b(?:the|this|that|her|his) ((?:\w+ ){0,2}?\w+)) +$", re.IGNORECASE)


def _subject_gender(text: str, start: int, end: int) -> str | None:
    """'said he', 'she cried', 'said the girl', 'the young man asked': the gender of the cue's subject."""
    m = SUBJECT_AFTER.match(text, end) or SUBJECT_BEFORE.search(text[max(0, start - 30) : start])
    if m is None:
        return None
    if m.group(1):
        return PRONOUNS.get(m.group(1).lower())
    if not m.group(2).islower():
        return None  # 'cried the Invisible Man': a name, not a noun
    return next((GENDERED_NOUNS[w] for w in m.group(2).split() if w in GENDERED_NOUNS), None)


def _pronoun_speaker(text: str, a: int, b: int, people: _Speakers) -> str | None:
    for w in WORD.findall(text[a:b]):
        if w.lower() in ("he", "she"):
            return people.last_outside(a, w.lower())
    return None


def _gender(p: Participant, text: str) -> str | None:
    """'m' or 'f' from the titles before its mentions (Mr., Mrs., Princess), the first name, or else the
    pronouns that follow its mentions ('Winterbourne ... he')."""
    titles = _votes(p, text, _title_before)
    if titles:
        return titles
    return gz.genders().get(gz.word_key(p.name.split()[0])) or _votes(p, text, _pronoun_after, least=3)


def _votes(p: Participant, text: str, vote: Callable[[str, int, int], str | None], least: int = 1) -> str | None:
    """The gender most mentions show, when at least ``least`` show one and two thirds agree."""
    counts = Counter(g for m in p.mentions[:GENDER_MENTIONS] if (g := vote(text, m.start, m.end)))
    if not counts:
        return None
    gender, n = counts.most_common(1)[0]
    return gender if n >= least and n * 3 >= 2 * sum(counts.values()) else None


GENDER_MENTIONS = 40
PRONOUN_GENDER = PRONOUNS | {"himself": "m", "herself": "f"}
PRONOUN_AFTER = re.compile(r"\b(he|she|his|her|him|himself|herself)\b", re.IGNORECASE)


def _title_before(text: str, start: int, end: int) -> str | None:
    before = WORD.findall(text[max(0, start - 12) : start])
    return GENDERED_TITLES.get(before[-1].lower()) if before else None


def _pronoun_after(text: str, start: int, end: int) -> str | None:
    """The first he/she/his/her in the 60 characters after a mention, within its sentence."""
    m = PRONOUN_AFTER.search(text, end, min(len(text), end + 60))
    if m is None or re.search(r"[.!?\"“”]", text[end : m.start()]):
        return None
    return PRONOUN_GENDER[m.group(1).lower()]


def _reported(analysis: Analysis, index: int, people: _Speakers) -> Quote | None:
    s = analysis.sentences[index]
    text = analysis.text
    m = ACCORDING.search(text, s.start, s.end)
    if m and m.end() < s.end:
        phrase_start = m.start(1)
        speaker = _speaker(m.group(1), phrase_start, m.end(1), people)
        if not people.may_speak(m.group(1), phrase_start, speaker):
            return None  # "according to the syntax": a rule, not a source
        return Quote(m.end(), _trim_end(text, m.end(), s.end), "reported", speaker, "according to")
    return _cue_clause(text, s.start, s.end, people)


def _cue_clause(text: str, start: int, end: int, people: _Speakers) -> Quote | None:
    """'<subject> noted that ...': the cue verb, the subject before it, the words after."""
    words = WORD.findall(text, start, end)
    found: list[re.Match[str]] = []  # the words' match objects: made only once a word may be the cue
    cues = wordlist("cue_verbs")
    for n, w in enumerate(words):
        if w.lower() not in cues or n == 0 or w[0].isupper():
            continue  # "the United States has": a capitalised word is a name, not a speech verb
        if not found:
            found = list(WORD.finditer(text, start, end))
        m = found[n]
        prev = words[n - 1].lower()
        if prev in POSSESSIVES or prev.endswith(("'s", "’s")) or prev == "not":
            continue  # "my remarks", "Implementor's note", "any group not indicated in": no verb
        if prev in ("was", "were", "been", "be", "is", "are", "the", "to", "a", "has", "have", "had"):
            if prev in ("has", "have", "had") and n >= 2:
                pass
            else:
                continue
        subject_start = _subject_start(text, start, m.start())
        if subject_start is None:
            continue
        subject = text[subject_start : m.start()].strip()
        if COPULA.search(subject):
            continue  # "It is a truth universally acknowledged": no one is speaking
        if subject:
            speaker = _speaker(subject, subject_start, m.start(), people)
        else:  # "Natalya Gherman, sharing her experience ..., stressed that"
            speaker = people.first_named_in(start, m.start())
        if w.lower() in OBJECT_CUES and not re.match(r"\s+that\b", text[m.end() : end]):
            continue  # "told the BBC's programme": the object, not the words
        if PASSIVE_AFTER.match(text, m.end()) or not people.may_speak(subject, subject_start, speaker):
            continue  # "the alert indicated by", "the server responds": nobody says anything
        after = _after_cue(text, m.end(), end)
        if after >= end - 1 or not _said_words(text, after, end):
            continue
        people.last_voice = end
        return Quote(after, _trim_end(text, after, end), "reported", speaker, w)
    return None


def _subject_words(subject: str) -> list[str]:
    """The words of a subject without auxiliaries and adverbs: "It also has" -> ["It"]."""
    words = WORD.findall(subject)
    return [
        w
        for w in words
        if w.lower() not in AUXILIARIES and (not w.endswith("ly") or w.lower() in wordlist("speaking_nouns"))
    ]


def head_speaks(subject: str) -> bool | None:
    """Whether the head of a cue's subject can say things: True for people and bodies, False for
    things and documents, None when the word lists do not know it."""
    words = _subject_words(subject)
    while words and words[-1].lower().endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    while len(content) > 1 and not content[-1].isalpha():
        content.pop()  # "the Sustainable Development Goals Report 2023"
    if not content:
        return False  # "As noted above", "Unless stated otherwise"
    head = content[-1]
    lower = head.lower()
    if lower in PEOPLE_PRONOUNS or lower in GROUP_WORDS:
        return True
    if lower in THING_WORDS or not head.isalpha() and CODE_NAME.search(head):
        return False
    speaking, technical = wordlist("speaking_nouns"), wordlist("technical_nouns")
    if lower in speaking:
        return True
    if head[0].isupper() and (len(content) > 1 or lower not in technical):
        return CODE_NAME.search(head) is None  # "Argentina", "UNESCO"; not "ServerHello", "Content-Length"
    for form in _singulars(lower):
        if form in speaking:
            return True
        if form in technical:
            return False
    return None


def _singulars(word: str) -> list[str]:
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def _said_words(text: str, start: int, end: int) -> bool:
    """Reported words are a clause: more than a bare term ("noted message.") or a piece of code."""
    rest = text[start:end].strip()
    return not rest.startswith(("`", '"', "“")) and len(rest.split()) > 2


def _subject_start(text: str, start: int, cue_start: int) -> int | None:
    """Where the subject of the cue verb begins: after the last comma of the clause, or the start."""
    clause = text[start:cue_start]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind(":"))
    begin = start + cut + 1 if cut >= 0 else start
    subject = text[begin:cue_start].strip()
    if not subject:
        return begin if cut >= 0 else None
    if len(subject.split()) > 12:
        return None
    first = subject.split()[0]
    lowered = first.lower()
    # A subject is a name, a pronoun or a noun phrase; not a verb's object ("the call of ...").
    if not (first[0].isupper() or lowered in PRONOUNS or lowered in ("the", "a", "an", "his", "her", "its", "their")):
        return None
    return begin + (len(text[begin:cue_start]) - len(text[begin:cue_start].lstrip()))


def _after_cue(text: str, cue_end: int, end: int) -> int:
    pos = cue_end
    rest = text[pos:end]
    m = re.match(r"\s*,?\s*(?:(?:out|on|to|up)\s+)?(?:that\s+)?", rest)
    return pos + (m.end() if m else 0)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return end
