"""Classes of wrong participants found by reading the top names of novels, speeches, meetings,
encyclopaedia articles and software text: each test is a small text of the class, in our own words."""

from __future__ import annotations

from reader.analysis import analyze
from reader.model import Document


def people(text: str, source: str = "notes.txt") -> dict[str, tuple[str, list[str]]]:
    """Participant name -> (kind, aliases)."""
    analysis = analyze(Document(source=source, text=text), summary=False)
    return {p.name: (p.kind, p.aliases) for p in analysis.participants}


def aliases(text: str, source: str = "notes.txt") -> dict[str, str]:
    analysis = analyze(Document(source=source, text=text), summary=False)
    return {a: p.kind for p in analysis.participants for a in p.aliases}


def test_a_nickname_in_brackets_names_the_person_and_later_stands_for_them():
    text = (
        "Robert (Bob) Smith wrote the first version of the parser. Later Bob left the team, "
        "and Alice Jones took over the work. Bob still sends a patch now and then."
    )
    found = people(text)
    assert "Robert (Bob) Smith" in found, found
    kind, names = found["Robert (Bob) Smith"]
    assert kind == "person" and "Bob" in names, found
    assert "Bob" not in found and "Robert" not in found and "Smith" not in found, found


def test_a_nickname_in_quotes_outside_software_text_is_one_persons_alias():
    text = (
        'The shop on the corner belonged to Thomas "Tommy" Hale for forty years. '
        "Every morning Tommy swept the pavement before the first customers came."
    )
    found = people(text)
    tommy = [(kind, names) for kind, names in found.values() if "Tommy" in names]
    assert len(tommy) == 1 and tommy[0][0] == "person", found
    assert "Hale" in tommy[0][1] and ("Thomas" in tommy[0][1] or 'Thomas "Tommy" Hale' in tommy[0][1]), found
    assert len(found) == 1, found  # one man, not 'Thomas' and 'Hale'


def test_known_as_gives_a_nickname_and_the_full_name_stays_the_name():
    text = (
        "Margaret Ann Reed, known as Peggy, ran the bakery on the hill. Peggy kept the accounts "
        "while Tom Hale baked the bread. In winter Peggy closed early."
    )
    found = people(text)
    assert "Margaret Ann Reed" in found and "Peggy" in found["Margaret Ann Reed"][1], found
    assert "Peggy" not in found, found


def test_a_first_name_alone_joins_no_one_when_the_text_gives_no_nickname():
    text = "Robert Smith wrote the parser. Bob Jones wrote the tests. Later Bob left the team."
    found = people(text)
    assert "Robert Smith" in found and "Bob" not in found["Robert Smith"][1], found


README = """\
Crab
====

Crab is a build tool for Rust projects, written by Ada Lovelace. Rustaceans use it every day, and
many Rustaceans send patches.

Contents

  1. Installation
  2. Pull Requests
  3. Reporting Bugs

Installation

Valid paths are absolute. Once the build is done, run the tests.

Pull Requests

Open Pull Requests against the main branch; Ada Lovelace reviews them.

Copying

You should have received a copy of the GNU General Public License along with this program;
if not, write to the Free Software Foundation, Inc., 51 Franklin Street, Fifth Floor,
Boston, MA 02110-1301, USA.
"""


def test_software_text_headings_openers_group_nouns_and_addresses_name_nobody():
    found = aliases(README, "README")
    for wrong in ("Rustaceans", "Requests", "Pull Requests", "Bugs", "Valid", "Once", "Fifth Floor", "Franklin Street"):
        assert wrong not in found, (wrong, found)
    assert found.get("Ada Lovelace") == "person" and found.get("Free Software Foundation") == "organization", found


def test_an_address_and_a_group_noun_outside_software_text_are_left_to_the_usual_rules():
    found = aliases("The Parisians cheered when Marie Curie came home to Paris.", "notes.txt")
    assert "Parisians" not in found and found.get("Marie Curie") == "person", found
    found = aliases("Ada Lovelace lived at 12 Baker Street in London for a year.", "notes.txt")
    assert found.get("Ada Lovelace") == "person" and found.get("London") == "place", found


def test_a_clipped_okay_in_a_transcript_is_no_person_but_the_name_kay_is():
    text = (
        "Marketing: 'Kay. So what do we do about the buttons?\n\n"
        "Project Manager: 'Kay, let us start with the colours.\n\n"
        "Marketing: Kay Martin sent the figures yesterday."
    )
    found = aliases(text)
    assert "Kay" not in found and found.get("Kay Martin") == "person", found


def test_a_storm_named_like_a_person_is_weather_in_every_mention():
    text = (
        "Hurricane Dolores flooded the coast of Jalisco in June. Dolores then weakened over the hills, "
        "and the town of Colima reopened its schools. Dolores Huerta spoke at the rally."
    )
    found = aliases(text)
    assert "Hurricane Dolores" not in found and "Dolores" not in found, found


def test_a_song_title_quoted_alone_is_a_work_not_a_person():
    text = (
        'The band released " Noche Larga " as its first single and " Mar Abierto " a month later. '
        "Pablo Reyes wrote both songs in Madrid."
    )
    found = aliases(text)
    assert "Noche Larga" not in found and "Mar Abierto" not in found, found
    assert found.get("Pablo Reyes") == "person" and found.get("Madrid") == "place", found
    found = aliases('The critics liked it. " Quiero Volar Contigo " reached the charts in Spain.')
    assert not {"Quiero Volar Contigo", "Volar Contigo", "Contigo"} & set(found), found


def test_a_person_addressed_by_title_in_quotes_stays_a_person():
    found = aliases('The poet greets his old teacher as " Ser Guido " in the second canto. Ser Guido answers him.')
    assert any("Guido" in name for name, kind in found.items() if kind == "person"), found


def test_ages_of_the_earth_diseases_and_faiths_are_no_participants():
    text = (
        "These amphibians lived from the Early Permian to the Triassic. Mary Anning found their bones "
        "in Lyme Regis. During COVID-19 the museum closed; its talks on Islam moved online."
    )
    found = aliases(text)
    for thing in ("Early Permian", "Permian", "Triassic", "COVID-19", "Islam"):
        assert thing not in found, (thing, found)
    assert found.get("Mary Anning") == "person", found


def test_an_adjective_only_ever_before_a_noun_names_no_one():
    text = (
        "Confucian scholars of the Song court praised the poems. Later Confucian critics were less kind, "
        "but Wang Anshi defended them in Kaifeng."
    )
    found = aliases(text)
    assert "Confucian" not in found and found.get("Wang Anshi") == "person", found


def test_a_quoted_greeting_keeps_the_name_it_greets():
    text = 'In the recording he says " Hey Roger " twice, and Roger answers each time. Roger laughs.'
    assert aliases(text).get("Roger") == "person"
