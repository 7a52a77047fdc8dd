"""Score direct quotations and their speakers on PDNC novels, and check quote cues on UN speeches.

PDNC (``../shared/corpora/pdnc``): every gold sub-quotation (the text inside one pair of
quotation marks) is matched to a found direct quote when each covers at least 90% of the
other. Reported per novel and over each half of the novels (``dev``: the 1st, 3rd, ...
novel in name order, tuned on; ``test``: the others), with the speaker accuracy on found
quotations by quote type (explicit / anaphoric / implicit) beside two baselines that use
the gold character list: the novel's most frequent speaker, and the character named
nearest the quotation in its paragraph. A found speaker is right when the participant's
name or one of its aliases is an alias of the gold speaker, and of no other character.
Characters: the share of major and intermediate characters found as people, and the
share also listed as a place or organization. Aliases: people listed that join two or more
characters (``merged``: one of its names is an alias of one character, another of another), and
characters listed as two or more people (``apart``: each names that character and no other),
counted over every character of the list.

UN (``--un``): over the General Debate speeches, the quotes whose cue word is capitalised
("the United States has undertaken": "States" is not a speech verb). Goal: 0. ``--list`` prints every
UN quote (speech, kind, speaker, cue, the words before and after the cue) to read and compare versions.

    python scripts/evaluate_quotes.py [--pdnc DIR] [--split dev|test|all] [--un DIR] [--novel NAME] [--list] [--aliases]
"""

from __future__ import annotations

import argparse
import ast
import bisect
import csv
import re
import sys
from collections import Counter
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared/corpora"
TYPES = ("Explicit", "Anaphoric", "Implicit")
VERBOSE = False


def analyse(path: Path):
    from reader.load import load
    from reader.text import participants, quotes
    from reader.text.structure import segment

    analysis = segment(load(str(path)))
    analysis.participants = participants.find(analysis)
    analysis.quotes = quotes.find(analysis)
    return analysis


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace(".", "")).strip().lower()


# Our names leave titles out ("Sir Walter" is the person "Walter"), as GUM's gold does.
TITLES = frozenset(
    {
        "mr",
        "mrs",
        "miss",
        "ms",
        "sir",
        "lady",
        "lord",
        "dr",
        "captain",
        "colonel",
        "madame",
        "mme",
        "monsieur",
        "mademoiselle",
        "aunt",
        "uncle",
        "master",
        "mistress",
        "professor",
        "rev",
        "reverend",
        "admiral",
        "general",
        "signor",
        "signora",
        "the",
        "my",
        "dear",
        "old",
        "young",
        "little",
        "poor",
    }
)


def untitled(name: str) -> str:
    words = name.split()
    while words and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def read_characters(folder: Path) -> list[dict]:
    out = []
    with open(folder / "character_info.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            aliases = {norm(a) for a in ast.literal_eval(row["Aliases"])} | {norm(row["Main Name"])}
            out.append({"name": row["Main Name"], "aliases": aliases, "category": row["Category"]})
    # "Archer" stays Newland's alone when the list names him so, though "Mrs. Archer" is untitled "Archer".
    given = {a for c in out for a in c["aliases"]}
    for c in out:
        c["aliases"] |= {untitled(a) for a in c["aliases"]} - given - {""}
    return out


def read_quotes(folder: Path) -> list[dict]:
    out = []
    with open(folder / "quotation_info.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for a, b in ast.literal_eval(row["quoteByteSpans"]):
                quote = {"start": a, "end": b, "speaker": row["speaker"], "type": row["quoteType"]}
                out.append(quote | {"noun": noun_cue(row)})
    return sorted(out, key=lambda q: q["start"])


# The gold referring expression of an anaphoric quotation names its speaker by a pronoun ('said she')
# or by a noun phrase ('said the old man', 'her mother replied'): the second kind is counted apart.
CUE_PRONOUNS = frozenset("i you he she we they him her his hers me us them it".split())


def noun_cue(row: dict) -> bool:
    words = re.findall(r"[a-z]+", (row.get("referringExpression") or "").lower())
    return row["quoteType"] == "Anaphoric" and bool(words) and words != ["nan"] and not CUE_PRONOUNS & set(words)


def character_of(names: list[str], characters: list[dict]) -> str | None:
    """The one character whose aliases hold one of these names (the fullest name first)."""
    for name in sorted(names, key=len, reverse=True):
        owners = {c["name"] for c in characters if norm(name) in c["aliases"]}
        if len(owners) == 1:
            return owners.pop()
    return None


def speaker_alias_of(gold: str, characters: list[dict]) -> str:
    """Gold speakers are main names, sometimes an alias: the main name."""
    return character_of([gold], characters) or gold


def match(found: list[tuple[int, int]], gold: list[dict]) -> dict[int, int]:
    """Gold index -> found index, for pairs overlapping by at least 90% of each."""
    starts = [a for a, _ in found]
    out = {}
    for g, q in enumerate(gold):
        k = bisect.bisect_right(starts, q["end"]) - 1
        while k >= 0 and found[k][1] > q["start"]:
            a, b = found[k]
            overlap = min(b, q["end"]) - max(a, q["start"])
            if overlap >= 0.9 * (b - a) and overlap >= 0.9 * (q["end"] - q["start"]):
                out[g] = k
                break
            k -= 1
    return out


def nearest_baseline(analysis, characters: list[dict], q: dict) -> str | None:
    """The character whose alias is named nearest the quotation, outside quotes, in its paragraph."""
    text = analysis.text
    starts = [p.start for p in analysis.paragraphs]
    k = bisect.bisect_right(starts, q["start"]) - 1
    if k < 0:
        return None
    p = analysis.paragraphs[k]
    best, best_d = None, None
    for c in characters:
        for alias in c["aliases"]:
            for m in re.finditer(
                r"(?<!\w)" + re.escape(alias).replace(r"\ ", r"\.?\s+") + r"(?!\w)",
                text[p.start : p.end],
                re.IGNORECASE,
            ):
                pos = p.start + m.start()
                if q["start"] <= pos < q["end"]:
                    continue
                d = min(abs(pos - q["start"]), abs(pos - q["end"]))
                if best_d is None or d < best_d:
                    best, best_d = c["name"], d
    return best


def score_novel(folder: Path) -> dict:
    analysis = analyse(folder / "novel_text.txt")
    characters = read_characters(folder)
    gold = read_quotes(folder)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    found = [(q.start + 1, q.end - 1) for q in direct]  # the text inside the marks
    pairs = match(found, gold)
    by_id = {p.id: p for p in analysis.participants}
    owner = {p.id: character_of([p.name, *p.aliases], characters) for p in analysis.participants}
    speakers = Counter(speaker_alias_of(q["speaker"], characters) for q in gold)
    majority = speakers.most_common(1)[0][0]
    c: Counter = Counter(gold=len(gold), found=len(found), matched=len(pairs))
    c["multiline_gold"] = sum("\n" in analysis.text[q["start"] : q["end"]] for q in gold)
    c["multiline_matched"] = sum("\n" in analysis.text[gold[g]["start"] : gold[g]["end"]] for g in pairs)
    for g, k in pairs.items():
        q = gold[g]
        truth = speaker_alias_of(q["speaker"], characters)
        said = direct[k].speaker
        t = q["type"] if q["type"] in TYPES else "Other"
        right = said is not None and said in by_id and owner[said] == truth
        near = nearest_baseline(analysis, characters, q) == truth
        for kind in (t, "noun") if q["noun"] else (t,):
            c["n_" + kind] += 1
            c["ours_" + kind] += right
            c["near_" + kind] += near
        c["major_" + t] += majority == truth
    _count_characters(c, analysis.participants, characters)
    _count_aliases(c, analysis.participants, characters, analysis.text)
    return c


# A title before a mention: mentions leave it out ('Pontellier' in 'Mrs. Pontellier'), the alias lists keep it.
TITLE_BEFORE = re.compile(
    r"\b(Mr|Mrs|Miss|Ms|Dr|Sir|Lady|Lord|Madame|Mme|Mademoiselle|Monsieur|Herr|Frau|Fraulein)\.?\s+$"
)


def _names(p, text: str) -> list[str]:
    """Its name and the forms of its mentions, each with the title written before it, if any: the
    bare 'Pontellier' of 'Mrs. Pontellier' is no sign of Mr. Pontellier."""
    out = {p.name}
    for m in p.mentions:
        title = TITLE_BEFORE.search(text, max(0, m.start - 14), m.start)
        out.add((title.group(1) + ". " if title else "") + text[m.start : m.end])
    return sorted(out)


def _count_aliases(c: Counter, found, characters: list[dict], text: str) -> None:
    """People joining several characters (merged wrongly) and characters split over several people."""
    pieces: Counter = Counter()
    for p in found:
        if p.kind != "person":
            continue
        owners = {character_of([n], characters) for n in _names(p, text)} - {None}
        if len(owners) > 1:
            c["merged"] += 1
            if VERBOSE:
                print(f"  merged: {p.name}: {sorted(owners)}")
        elif owners:
            pieces[owners.pop()] += 1
    for name, n in pieces.items():
        if n > 1:
            c["apart"] += 1
            if VERBOSE:
                forms = [
                    p.name for p in found if p.kind == "person" and character_of(_names(p, text), characters) == name
                ]
                print(f"  apart: {name}: {forms}")


def _count_characters(c: Counter, found, characters: list[dict]) -> None:
    people = {norm(n) for p in found if p.kind == "person" for n in [p.name, *p.aliases]}
    other = {norm(n) for p in found if p.kind != "person" for n in [p.name, *p.aliases]}
    for ch in characters:
        if ch["category"] not in ("major", "intermediate"):
            continue
        c["chars"] += 1
        c["chars_person"] += bool(ch["aliases"] & people)
        c["chars_other"] += bool(ch["aliases"] & other)


def ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def print_row(name: str, c: Counter) -> None:
    p, r = ratio(c["matched"], c["found"]), ratio(c["matched"], c["gold"])
    f = ratio(2 * p * r, p + r)
    n = sum(c["n_" + t] for t in (*TYPES, "Other"))
    cells = [f"{name:<22}{p:6.3f}{r:6.3f}{f:6.3f}{ratio(c['multiline_matched'], c['multiline_gold']):6.2f}"]
    for who in ("ours", "major", "near"):
        right = sum(c[f"{who}_{t}"] for t in (*TYPES, "Other"))
        cells.append(f"{ratio(right, n):6.2f}")
    for t in (*TYPES, "noun"):
        cells.append(f"{ratio(c['ours_' + t], c['n_' + t]):6.2f}/{ratio(c['near_' + t], c['n_' + t]):4.2f}")
    cells.append(f"{ratio(c['chars_person'], c['chars']):6.2f}{ratio(c['chars_other'], c['chars']):6.2f}")
    cells.append(f"{c['merged']:7d}{c['apart']:6d}")
    print("".join(cells))


HEADER = (
    f"{'novel':<22}{'P':>6}{'R':>6}{'F1':>6}{'R-ml':>6}{'spk':>6}{'major':>6}{'near':>6}"
    f"{'expl':>11}{'anaph':>11}{'impl':>11}{'noun':>11}{'char':>6}{'alsoPO':>6}{'merged':>7}{'apart':>6}"
)


def report_pdnc(root: Path, split: str, only: str | None) -> None:
    novels = sorted(p for p in root.iterdir() if (p / "quotation_info.csv").exists())
    halves = {"dev": novels[0::2], "test": novels[1::2]}
    chosen = [n for n in novels if n.name == only] if only else halves.get(split, novels)
    print("PDNC: quotations P/R/F1 (R-ml: recall on those over a line break); speaker right on found")
    print("quotations: ours, most frequent speaker, nearest named character; by type ours/nearest;")
    print("noun: the anaphoric ones whose cue names the speaker by a noun ('said the old man', 'his mother said');")
    print("char: major+intermediate characters found as people; alsoPO: also a place or organization;")
    print("merged: people joining two characters; apart: characters listed as two people or more")
    print(HEADER)
    total: Counter = Counter()
    for folder in chosen:
        if VERBOSE:
            print(folder.name)
        c = score_novel(folder)
        total += c
        print_row(folder.name, c)
    print_row(f"all ({split})" if not only else "all", total)


def report_un(folder: Path, listing: bool = False) -> None:
    speeches = sorted(folder.glob("*.txt"))
    cues: Counter = Counter()
    total = 0
    for path in speeches:
        analysis = analyse(path)
        total += len(analysis.quotes)
        for q in analysis.quotes:
            if listing:
                before = " ".join(analysis.text[max(0, q.start - 70) : q.start].split()[-8:])
                words = before + " | " + " ".join(analysis.text[q.start : q.end].split()[:8])
                print(f"{path.stem}\t{q.kind}\t{q.speaker or '(unnamed)'}\t{q.cue}\t{words}")
            if q.cue and q.cue[:1].isupper():
                cues[q.cue] += 1
    print(f"UN speeches: {len(speeches)}, quotes {total}, cued by a capitalised word: {sum(cues.values())}")
    for cue, n in cues.most_common(10):
        print(f"  {cue} {n}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdnc", type=Path, default=CORPORA / "pdnc")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--novel", default=None, help="one novel by folder name")
    parser.add_argument("--un", type=Path, nargs="?", const=CORPORA / "un-general-debate-2023/speeches", default=None)
    parser.add_argument("--no-pdnc", action="store_true")
    parser.add_argument("--list", action="store_true", help="print every UN quote: speech, kind, speaker, cue, words")
    parser.add_argument("--aliases", action="store_true", help="print each person merged wrongly or left apart")
    args = parser.parse_args(argv)
    global VERBOSE
    VERBOSE = args.aliases
    from reader.text import gazetteer

    gazetteer.preload()
    for path in ([] if args.no_pdnc else [args.pdnc]) + ([args.un] if args.un else []):
        if not path.is_dir():
            print(f"evaluate_quotes: {path}: not found", file=sys.stderr)
            return 1
    if not args.no_pdnc:
        report_pdnc(args.pdnc, args.split, args.novel)
    if args.un:
        report_un(args.un, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
