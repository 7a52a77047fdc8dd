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

from reader.model import Analysis, Participant, Quote
from reader.text import gazetteer as gz

QUOTE = re.compile(
    r"“[^“”]{2,}?”|«[^«»]{2,}?»|(?<![\w])\"[^\"\n]{2,}?\"|(?<![\w])‘[^‘’]{2,}?’(?![\w])"
    r"|(?m:^>[^\n]*(?:\n>[^\n]*)*)"
)
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
# Cue verbs whose object is a listener, not what was said.
OBJECT_CUES = frozenset(
    {
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
# Verbs that attribute a quote beside them but are not speech on their own ("he returned home").
DIRECT_CUES = frozenset(
    {
        "returned",
        "repeated",
        "interrupted",
        "resumed",
        "murmured",
        "muttered",
        "sighed",
        "laughed",
        "began",
        "rejoined",
        "retorted",
        "observed",
        "whispered",
        "shouted",
        "screamed",
        "cried",
        "exclaimed",
        "went",
        "continued",
    }
)
COPULA = re.compile(r"\b(?:is|was|were|are|be|been|being)\b", re.IGNORECASE)
ACCORDING = re.compile(r"\b[Aa]ccording to ([^,]{1,120}),\s*")


def find(analysis: Analysis) -> list[Quote]:
    """Quotes in text order; ``speaker`` is a participant id or None."""
    people = _Speakers(analysis)
    out: list[Quote] = []
    for i in range(len(analysis.sentences)):
        direct = _direct(analysis, i, people)
        out.extend(direct)
        q = None if direct else _reported(analysis, i, people, [])
        if q is not None:
            out.append(q)
    out.sort(key=lambda q: (q.start, q.end))
    return out


PRONOUN_REACH = 8  # sentences a pronoun may look back for its person


class _Speakers:
    """Person mentions in text order, for naming speakers."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        people = [p for p in (analysis.participants or []) if p.kind == "person"]
        self.by_id = {p.id: p for p in analysis.participants or []}
        spans = sorted((m.start, m.end, p.id) for p in people for m in p.mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.subjects = self._subjects()
        self.subject_starts = [s for s, _ in self.subjects]
        self.gender = {p.id: _gender(p, analysis.text) for p in people}
        self.orgs = [p for p in analysis.participants or [] if p.kind != "person"]
        self.sentence_starts = [s.start for s in analysis.sentences]

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

    def _reach(self, pos: int) -> int:
        sentences = self.analysis.sentences
        i = max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)
        first = sentences[max(0, i - PRONOUN_REACH)] if sentences else None
        if first is None:
            return pos
        section = self.analysis.sections[sentences[i].section]
        return max(first.start, section.start)

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


def _direct(analysis: Analysis, index: int, people: _Speakers) -> list[Quote]:
    s = analysis.sentences[index]
    text = analysis.text
    out = []
    found = list(QUOTE.finditer(text, s.start, s.end))
    for k, m in enumerate(found):
        if not _is_speech(text, m.start(), m.end(), s.start, s.end):
            continue
        # Look for the cue and the speaker between this quote and its neighbours only:
        # a name inside the next quote ("My dear Mr. Bennet") did not say this one.
        after = (m.end(), min(s.end, m.end() + 80, found[k + 1].start() if k + 1 < len(found) else s.end))
        before = (max(s.start, m.start() - 80, found[k - 1].end() if k else s.start), m.start())
        cue, speaker = _direct_cue(text, (after, before), people)
        out.append(Quote(m.start(), m.end(), "direct", speaker, cue))
    return out


def _is_speech(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """A quoted title or name is not speech: it follows 'theme', 'titled'... or reads as a name."""
    inner = text[start + 1 : end - 1].strip()
    if text[start] == ">":
        return True
    before = WORD.findall(text[max(s_start, start - 40) : start].lower())
    if before and before[-1] in TITLE_CUES:
        return False
    words = inner.split()
    if inner[-1:] in ".,!?…—-" or any(
        w.lower() in gz.words("cue_verbs") for w in _outside(text, s_start, s_end, start, end)
    ):
        return len(words) >= 1
    return False


def _outside(text, s_start, s_end, start, end) -> list[str]:
    return WORD.findall(text[s_start:start] + " " + text[end:s_end])


def _direct_cue(text, windows, people):
    """The cue verb next to a quote and the person it attributes it to."""
    for a, b in windows:
        for m in WORD.finditer(text, a, b):
            if m.group().lower() in gz.words("cue_verbs") or m.group().lower() in DIRECT_CUES:
                speaker = people.named_in(a, b) or _pronoun_speaker(text, a, b, people)
                return m.group(), speaker
    return None, None


def _pronoun_speaker(text, a, b, people) -> str | None:
    words = [w.lower() for w in WORD.findall(text[a:b])]
    for w in words:
        if w in ("he", "she"):
            return people.last_subject_before(a, w)
    return None


def _gender(p: Participant, text: str) -> str | None:
    """'m' or 'f' from a title before a mention (Mr., Mrs., Princess) or the first name."""
    for m in p.mentions[:5]:
        before = WORD.findall(text[max(0, m.start - 12) : m.start])
        if before and before[-1].lower() in GENDERED_TITLES:
            return GENDERED_TITLES[before[-1].lower()]
    first = p.name.split()[0]
    return gz.genders().get(gz.word_key(first)) if len(p.name.split()) > 1 else None


def _reported(analysis: Analysis, index: int, people: _Speakers, direct) -> Quote | None:
    s = analysis.sentences[index]
    text = analysis.text
    m = ACCORDING.search(text, s.start, s.end)
    if m and m.end() < s.end:
        phrase_start = m.start(1)
        speaker = _speaker(m.group(1), phrase_start, m.end(1), people)
        return Quote(m.end(), _trim_end(text, m.end(), s.end), "reported", speaker, "according to")
    return _cue_clause(text, s.start, s.end, people, direct)


def _cue_clause(text, start, end, people, direct) -> Quote | None:
    """'<subject> noted that ...': the cue verb, the subject before it, the words after."""
    words = list(WORD.finditer(text, start, end))
    for n, m in enumerate(words):
        w = m.group()
        if w.lower() not in gz.words("cue_verbs") or n == 0:
            continue
        if any(a <= m.start() < b for a, b in direct):
            continue
        prev = words[n - 1].group().lower()
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
        after = _after_cue(text, m.end(), end)
        if after >= end - 1:
            continue
        return Quote(after, _trim_end(text, after, end), "reported", speaker, w)
    return None


def _subject_start(text, start, cue_start) -> int | None:
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


def _after_cue(text, cue_end, end) -> int:
    pos = cue_end
    rest = text[pos:end]
    m = re.match(r"\s*,?\s*(?:(?:out|on|to|up)\s+)?(?:that\s+)?", rest)
    return pos + m.end()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return end
