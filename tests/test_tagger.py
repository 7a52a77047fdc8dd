"""The trained name tagger: its weights ship and load, it finds names the rules miss, it keeps
common capitalised phrases out, and its training script runs on a tiny GUM-style file."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Document
from reader.text import tagger


def found(text: str, model: bool = True) -> set[tuple[str, str]]:
    tagger.ENABLED = model
    try:
        analysis = analyze(Document(source="x", text=text), summary=False)
    finally:
        tagger.ENABLED = True
    return {(p.name, p.kind) for p in analysis.participants}


def test_the_shipped_weights_load():
    m = tagger.model()
    assert m is not None
    assert len(m.index) > 1000
    assert m.weights.shape == (len(m.index) + 1, len(tagger.TAGS))
    assert tagger.model() is m  # loaded once


@pytest.mark.parametrize(
    "text, name, kind",
    [
        (
            "After the ice age, water engulfed Beringia and the land bridge was gone. Few animals crossed it later.",
            "Beringia",
            "place",
        ),
        (
            "Chao taught mathematics at the university for many years. Students said Chao was patient and kind.",
            "Chao",
            "person",
        ),
        (
            "Wikinews spoke to the organisers. The organisers told Wikinews that tickets had sold out.",
            "Wikinews",
            "organization",
        ),
        ("Hannibal crossed the Alps with his army. Snow fell in the Alps for days.", "Alps", "place"),
    ],
)
def test_the_model_finds_a_name_the_rules_miss(text, name, kind):
    assert not any(n == name for n, _ in found(text, model=False))
    assert (name, kind) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Treaty on the Prohibition of Nuclear Weapons entered into force. States must abolish nuclear weapons.",
        "Supporters of Term Limits rallied. They said term limits keep politics honest.",
        "UN Deputy Secretary General, Head of the Office, spoke first.",
        "Last Summer we went to the lake. Summer is the best season for swimming.",
    ],
)
def test_common_capitalised_words_stay_out(text):
    names = {n for n, _ in found(text)}
    for word in ("Nuclear Weapons", "Weapons", "Term Limits", "Limits", "Deputy", "Secretary", "Summer"):
        assert word not in names, names


def test_a_full_name_after_an_office_stays_a_person():
    text = "Head of the UN Counter-Terrorism Office Vladimir Voronkov stressed that the states must act."
    assert ("Vladimir Voronkov", "person") in found(text)


def test_surnames_are_features_the_old_weights_never_saw():
    from reader.text import names

    toks = names.tokenize("Ann Chiang met Goscinny and Young.", 0, 34)
    assert tagger.surname_features("chiang") == ["g=surname", "g=surname|one", "g=surname_only"]
    assert "g=surname_only" not in tagger.surname_features("james")  # a given name too
    assert tagger.surname_features("goscinny") == tagger.surname_features("young") == []
    assert tagger._full_name(toks, 1) == ["first+surname"]  # 'Ann Chiang'
    assert tagger._full_name(toks, 3) == []  # after a lower-case word
    sentence = tagger.Sentence(0, toks, 0, False, rules=["O"] * len(toks))
    doc = tagger.DocumentEvidence(lower=set())
    assert "g+1=surname" in tagger.context_features(sentence, 0, doc)
    # The features a model trained before the surnames knows are the same as before.
    assert not any("surname" in f for f in tagger._lists("chiang", "Chiang"))


def test_a_short_form_of_an_unnamed_capitalised_phrase_is_a_term():
    from reader.text import names
    from reader.text.names import Candidate

    def sentence(text: str) -> tagger.Sentence:
        toks = names.tokenize(text, 0, len(text))
        return tagger.Sentence(0, toks, 0, False, rules=["O"] * len(toks))

    ict = sentence("Schools use Information and Communication Technology (ICT) daily.")
    assert tagger._unnamed_short_forms([ict], []) == {"ict", "icts"}
    cfl = sentence("A Compact Fluorescent Light (CFL) saves power.")
    assert tagger._unnamed_short_forms([cfl], []) == {"cfl", "cfls"}
    odd = sentence("The Prime Minister (UN) spoke.")  # the letters do not match
    assert tagger._unnamed_short_forms([odd], []) == set()
    who = sentence("The World Health Organization (WHO) met.")
    assert tagger._unnamed_short_forms([who], []) == {"who", "whos"}
    body = Candidate(tokens=who.tokens[1:4], sentence=0, initial=False, shouting=False, kind="organization")
    assert tagger._unnamed_short_forms([who], [body]) == set()  # the rules found a name: no term


def test_a_lone_surname_in_a_document_of_people_is_a_person():
    from reader.text.names import Candidate, Token

    def name(word: str, kind: str) -> Candidate:
        tokens = [Token(0, len(word), word, word.lower(), True)]
        return Candidate(tokens=tokens, sentence=0, initial=False, shouting=False, kind=kind)

    people = [name(w, "person") for w in ("Anna", "Boris", "Clara", "Dmitri")]  # mostly people
    gorbachev, reuter, paris = name("Gorbachev", "place"), name("REUTER", "organization"), name("Paris", "place")
    tagger._first_names_are_people(people + [gorbachev, reuter, paris])
    assert gorbachev.kind == "person"
    assert reuter.kind == "organization"  # in capitals: a credit line, not a name
    assert paris.kind == "place"  # a city


def test_bio_tags_make_spans():
    assert tagger.valid("I-place", "B-person") == "B-place"  # a kind change opens a new name
    assert tagger.valid("I-place", "O") == "B-place"
    assert tagger.valid("I-place", "B-place") == "I-place"
    tags = ["O", "B-person", "I-person", "B-place", "O", "B-place", "I-place"]
    assert tagger.spans(tags) == [(1, 3, "person"), (3, 4, "place"), (5, 7, "place")]


GUM_SNIPPET = """\
# newdoc id = GUM_news_tiny
# newpar
# sent_id = GUM_news_tiny-1
# text = Maria Lopez visited Durham on Monday.
1\tMaria\tMaria\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-1-new-coref-Maria_Lopez
2\tLopez\tLopez\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
4\tDurham\tDurham\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-place-1-new-coref-Durham)
5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
6\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(3-time-1-new-sgl)|SpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# sent_id = GUM_news_tiny-2
# text = Lopez works for Acme Bank in Durham.
1\tLopez\tLopez\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-2-giv:act-coref-Maria_Lopez)
2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tfor\tfor\tADP\tIN\t_\t5\tcase\t_\t_
4\tAcme\tAcme\tPROPN\tNNP\t_\t5\tcompound\t_\tEntity=(4-organization-1-new-coref-Acme_Bank
5\tBank\tBank\tPROPN\tNNP\t_\t2\tobl\t_\tEntity=4)
6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_
7\tDurham\tDurham\tPROPN\tNNP\t_\t2\tobl\t_\tEntity=(2-place-2-giv:act-coref-Durham)|SpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_training_runs_on_a_tiny_gum_file(tmp_path, capsys):
    from scripts import train_names

    source = tmp_path / "tiny.conllu"
    source.write_text(GUM_SNIPPET, encoding="utf-8")
    out = tmp_path / "weights.npz"
    try:
        assert train_names.main([str(source), "--out", str(out), "--epochs", "3", "--min-weight", "0"]) == 0
        assert "1 documents" in capsys.readouterr().out
        tagger.use(out)
        m = tagger.model()
        assert m is not None and "k=durham" in m.index
        row = m.weights[m.index["k=durham"]]
        assert row[tagger.TAGS.index("B-place")] > row[tagger.TAGS.index("B-person")]
    finally:
        tagger.use(None)
        tagger.ENABLED = True
    assert tagger.model() is not None and len(tagger.model().index) > 1000  # the shipped weights again


def test_damaged_weights_leave_the_rules_alone(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    text = "Vladimir Voronkov met Natalya Gherman in Tashkent."
    try:
        tagger.use(bad)
        assert tagger.model() is None
        assert ("Vladimir Voronkov", "person") in found(text)
    finally:
        tagger.use(None)


def test_training_refuses_non_commercial_genres(tmp_path):
    from scripts import train_names

    source = tmp_path / "tiny.conllu"
    source.write_text(GUM_SNIPPET, encoding="utf-8")
    assert train_names.main([str(source), "--genres", "news,fiction", "--out", str(tmp_path / "w.npz")]) == 1
    assert not (tmp_path / "w.npz").exists()


def test_the_rules_person_with_a_given_name_needs_a_wider_margin_to_change():
    from reader.text.names import Candidate, Token

    def name(first: str, last: str) -> Candidate:
        toks = [Token(0, len(first), first, first.lower(), True), Token(10, 10 + len(last), last, last.lower(), True)]
        return Candidate(tokens=toks, sentence=0, initial=False, shouting=False, kind="person")

    soft = tagger.VOTE_SOFTNESS  # scores in units of the votes' softness: the test holds for any
    votes = {0: [0.0, soft, 0.0, 0.0, 0.0, 0.0, 0.0], 10: [0.0, 0.0, 0.0, 0.0, 0.0, 4 * soft, 0.0]}  # a place surname
    jim, acme = name("Jim", "Courier"), name("Acme", "Courier")
    tagger._one_kind_per_name([jim], votes, {"jim courier": "person"}, set())
    tagger._one_kind_per_name([acme], votes, {"acme courier": "person"}, set())
    assert jim.kind == "person"  # 'Jim Courier (U.S.)' in a results list
    assert acme.kind == "place"


def test_a_country_the_rules_read_as_a_place_needs_a_clear_lean_to_change():
    from reader.text.names import Candidate, Token

    def name(word: str) -> Candidate:
        return Candidate(
            tokens=[Token(0, len(word), word, word.lower(), True)],
            sentence=0,
            initial=False,
            shouting=False,
            kind="place",
        )

    soft = tagger.VOTE_SOFTNESS
    votes = {0: [0.0, 0.0, 0.0, soft / 2, 0.0, 0.0, 0.0]}  # leaning to an organization, not twice as likely
    sweden, ruse = name("Sweden"), name("Ruse")
    tagger._one_kind_per_name([sweden], votes, {"sweden": "place"}, set())
    tagger._one_kind_per_name([ruse], votes, {"ruse": "place"}, set())  # a town, not a country
    assert sweden.kind == "place"
    assert ruse.kind == "organization"
    strong = {0: [0.0, 0.0, 0.0, 4 * soft, 0.0, 0.0, 0.0]}
    tagger._one_kind_per_name([sweden], strong, {"sweden": "place"}, set())
    assert sweden.kind == "organization"


def test_the_shipped_word_classes_load_with_lower_case_shares():
    classes = tagger.word_classes()
    assert len(classes) > 1000
    assert all(len(ids) == 4 for ids in classes.values())  # three granularities and the lower-case share
    assert tagger.lower_share("Early") > 0.5 and tagger.lower_share("Can") > 0.5
    assert tagger.lower_share("London") < 0.1 and tagger.lower_share("Calgary") < 0.1
    assert tagger.lower_share("US") == 0.0  # an acronym is not the pronoun
    assert tagger.lower_share("Zqxwv") == 0.0  # a word general text never wrote
    assert tagger.class_features("London") and all(f.startswith("c") for f in tagger.class_features("London"))
    assert tagger.class_features("Zqxwv") == []


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "Early life\n\nJohn Holt was born in Ohio in 1950. He studied law at Yale.\n\n"
            "Early in his career he worked for a bank in Boston.",
            "Early",
        ),
        ("Can we stop now? Maria asked. Can we go home? Peter said nothing.", "Can"),
    ],
)
def test_a_common_word_the_model_reads_as_no_name_is_dropped(text, word, monkeypatch):
    assert word not in {name for name, _ in found(text)}
    monkeypatch.setattr(tagger, "COMMON_SHARE", 2.0)  # no word is that common: the rules' reading stands
    assert word in {name for name, _ in found(text)}


def test_a_common_word_that_speaks_stays_a_name(monkeypatch):
    text = (
        "Mr. Marvel sat by the road. No one could see the voice that spoke to him.\n\n"
        '"It is a pity," said the Invisible Man.\n\n"Go away," said the Voice.\n\n'
        '"No," said the Voice.\n\n"Yes," said the Voice.\n'
    )
    assert ("Voice", "person") in found(text)
    monkeypatch.setattr(tagger, "_speaks", lambda *args: False)  # without the speech cue the model's O wins
    assert "Voice" not in {name for name, _ in found(text)}


def test_word_classes_build_from_a_tiny_corpus(tmp_path):
    from scripts import build_word_classes as build

    wiki = tmp_path / "wikitext-2-raw"
    wiki.mkdir()
    lines = []
    for town in ("Paris", "Rome", "Berlin", "Madrid", "Vienna"):
        lines += [f" He lived in {town} for years .", f" She moved to {town} in 1990 ."]
    for person in ("Anna", "Maria", "Peter", "Tom", "Ruth"):
        lines += [f" {person} said that it was late .", f" Later {person} said nothing ."]
    wiki.joinpath("wiki.test.raw").write_text("\n".join(lines * 3) + "\n", encoding="utf-8")
    out = tmp_path / "classes.npz"
    args = ["--corpora", str(tmp_path), "--out", str(out), "--classes", "2,4", "--dims", "4", "--min-count", "1"]
    assert build.main(args) == 0
    classes = tagger.read_word_classes(out)
    towns = {classes[t][0] for t in ("Paris", "Rome", "Berlin", "Madrid", "Vienna")}
    people = {classes[p][0] for p in ("Anna", "Maria", "Peter", "Tom", "Ruth")}
    assert len(towns) == 1 and len(people) == 1 and towns != people  # two classes: towns apart from people
    assert "lived" not in classes  # only capitalised words and the small words inside names are kept
    assert build.main(["--corpora", str(tmp_path / "none"), "--out", str(out)]) == 1


def test_damaged_word_classes_are_left_out(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert tagger.read_word_classes(bad) == {}
    assert tagger.read_word_classes(tmp_path / "absent.npz") == {}
