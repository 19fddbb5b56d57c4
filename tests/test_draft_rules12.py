"""The drafter's twelfth round of general rules (issue 18): a reaction tracker pasted as a table
(pipes, a Markdown table, tabs), a transcript's journalist turns, an aside set off by commas
between a speaker and its verb, ", and X said", the UN Secretariat's ranks and a permanent
observer, and four stance phrase families. Every sentence is written for these tests."""

from __future__ import annotations

from tests.drafted import coded, one, rows_of

SEIZURE = {"targets": ["BOL", "ESP"], "against": ["ESP"]}  # Bolivia seizes a Spanish firm's mine
SHELLING = {"targets": ["ARM", "AZE"]}  # an exchange of fire: no one side acted against
CAPTURE = {"targets": ["SOM"], "against": ["SOM"]}  # an armed group takes a Somali town
DATED = {"date": "2027-03-12"}  # a Friday

PIPES = """Tracker of reactions, updated Friday 12 March 2027

Country | Date | Who | What they said | Source
Bolivia | 3 Mar 2027 | Government spokesman | "The lithium belongs to the Bolivian people." | Press conference
Chile | 4 Mar 2027 | Foreign ministry | "Chile condemns this unlawful seizure." | Statement
Peru |  | Foreign ministry | Urged both governments to settle the dispute through negotiation. | Communiqué
Norway | 5 Mar 2027 | Foreign ministry | Said Oslo stood by Spain and deplored the seizure. | Post
Ghana |  | President's office | In a statement on Monday: "Ghana calls for calm." | State radio

Notes. Japan had not answered when this page was updated.
"""


def test_a_pipe_table_gives_each_row_its_country_day_and_words():
    rows = rows_of(PIPES, **SEIZURE, **DATED)
    assert set(rows["actor_iso3"]) == {"BOL", "CHL", "PER", "NOR", "GHA"}
    assert one(rows, "CHL")["stance"] == "condemn"
    assert one(rows, "CHL")["date"] == "2027-03-04"  # the Date cell
    assert one(rows, "CHL")["quote"] == "Chile condemns this unlawful seizure."
    assert one(rows, "PER")["stance"] == "concern"
    assert one(rows, "PER")["date"] == ""  # an empty Date cell gives no day
    # a row is one actor's words, whoever else they name ("stood by Spain")
    assert one(rows, "NOR")["stance"] == "condemn"
    assert one(rows, "GHA")["date"] == "2027-03-08"  # its own words fix the day: Monday


def test_a_markdown_table_and_a_tab_table_read_alike():
    markdown = (
        "| Country | Date | Statement |\n|---|:---:|---|\n"
        '| Chile | 4 Mar 2027 | "Chile condemns this unlawful seizure." |\n'
        '| Kenya | 5 Mar 2027 | "Kenya welcomes the decision." |\n'
    )
    tabs = (
        "Country\tDate\tStatement\n"
        'Chile\t4 Mar 2027\t"Chile condemns this unlawful seizure."\n'
        'Kenya\t5 Mar 2027\t"Kenya welcomes the decision."\n'
    )
    for text in (markdown, tabs):
        rows = rows_of(text, **SEIZURE, **DATED)
        assert coded(text, **SEIZURE, **DATED) == {"CHL": "condemn", "KEN": "support"}
        assert list(rows["date"]) == ["2027-03-04", "2027-03-05"]


def test_lines_with_pipes_but_no_header_are_no_table():
    text = 'Chile | 4 Mar 2027 | "We condemn this unlawful seizure." | Statement'
    assert rows_of(text, **SEIZURE, **DATED).empty


def test_a_journalists_turn_names_no_actor():
    text = (
        "ANCHOR: What does the region say?\n\n"
        "CORRESPONDENT (Yerevan): Georgia's foreign ministry said it was deeply concerned "
        "and called for restraint.\n\n"
        "DIPLOMATIC REPORTER (Baku): Iran urged both sides to return to talks."
    )
    assert coded(text, **SHELLING) == {"GEO": "concern", "IRN": "concern"}


def test_an_aside_set_off_by_commas_keeps_the_speaker():
    text = (
        "Oman and Jordan, which brokered that truce, urged restraint. "
        'Norway, in a statement on its website, said it was "deeply worried".'
    )
    assert coded(text, **SHELLING) == {"OMN": "concern", "JOR": "concern", "NOR": "concern"}


def test_a_group_speaking_through_its_chair_is_the_group():
    text = (
        "The ASEAN foreign ministers, in a statement issued by Malaysia as chair, said they "
        'were "gravely concerned".'
    )
    assert set(rows_of(text, **SHELLING)["actor_iso3"]) == {"ASEAN"}


def test_and_a_second_name_with_its_own_verb_starts_its_clause():
    text = "Mexico called on both sides to de-escalate, and Brazil said it regretted the deaths."
    assert coded(text, **SHELLING) == {"MEX": "concern", "BRA": "concern"}
    # a list of names before one verb stays one clause
    listed = "Mexico, Brazil, and Chile said they condemned the shelling."
    assert coded(listed, **SHELLING) == dict.fromkeys(["MEX", "BRA", "CHL"], "condemn")


def test_the_secretariats_ranks_and_a_permanent_observer_speak_for_their_organization():
    text = (
        "AMARA DIOP, Under-Secretary-General for Peace Operations, said the Secretary-General "
        '"strongly condemns" the attack. The Permanent Observer of the African Union said '
        'the capture was "unacceptable".'
    )
    assert coded(text, **CAPTURE) == {"UN": "condemn", "AU": "condemn"}
    # observers in general are not a government
    assert rows_of('Observers said the capture was "unacceptable".', **CAPTURE).empty


def test_three_phrase_families():
    text = (
        'Chile said the seizure was "contrary to international law". '
        "Peru hoped the two would reach an amicable settlement. "
        'Cuba said Bolivia had "a right to defend itself" against the company.'
    )
    assert coded(text, **SEIZURE) == {"CHL": "condemn", "PER": "concern", "CUB": "support"}


def test_asking_a_backer_to_end_its_support_condemns():
    text = (
        "The representative of Peru called on Kenya to end all support to the gunmen. "
        "Chile called on Kenya to stop supporting them."
    )
    assert coded(text, **CAPTURE) == {"PER": "condemn", "CHL": "condemn"}
