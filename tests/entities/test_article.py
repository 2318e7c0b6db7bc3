"""Tests for `resolve_in_article`: chains, roles, aliases, descriptions and metonymy."""

from __future__ import annotations

import pytest

from storyline.entities import ArticleEntities, LocalEntity, extract_entities


def _entity(result: ArticleEntities, name: str) -> LocalEntity:
    return next(e for e in result.entities if e.name == name)


@pytest.mark.parametrize(
    ("text", "name", "forms"),
    [
        (
            "Russian President Vladimir Putin came. Putin smiled. Mr Putin left.",
            "Vladimir Putin",
            ("Russian President Vladimir Putin", "Putin", "Mr Putin"),
        ),
        (
            "Putin arrived first. Russian President Vladimir Putin then spoke.",
            "Vladimir Putin",
            ("Putin", "Russian President Vladimir Putin"),
        ),
        ("President Xi Jinping came. Xi spoke.", "Xi Jinping", ("President Xi Jinping", "Xi")),
        # A titled surname is the person's even when a place's abbreviation shares its
        # letters ("Kan." is Kansas).
        (
            "Prime Minister Naoto Kan said no. He was to meet Mr Kan later.",
            "Naoto Kan",
            ("Prime Minister Naoto Kan", "Mr Kan"),
        ),
        ("W. Mark Felt died. Mark Felt was 95.", "W. Mark Felt", ("W. Mark Felt", "Mark Felt")),
        (
            "The Indianapolis Colts won. The Colts were happy.",
            "Indianapolis Colts",
            ("Indianapolis Colts", "Colts"),
        ),
        (
            "Ships reached the Kuril Islands. The Kuril dispute.",
            "Kuril Islands",
            ("Kuril Islands", "Kuril"),
        ),
        (
            "Hurricane Katrina hit in 2005. Katrina killed 1,800.",
            "Hurricane Katrina",
            ("Hurricane Katrina", "Katrina"),
        ),
        (
            "He joined the WTO. The World Trade Organisation agreed.",
            "World Trade Organisation",
            ("WTO", "World Trade Organisation"),
        ),
        (
            "The European Monetary Fund (EMF) met. The EMF said no.",
            "European Monetary Fund",
            ("European Monetary Fund", "EMF"),
        ),
    ],
)
def test_chains_mentions_into_one_entity(text: str, name: str, forms: tuple[str, ...]) -> None:
    result = extract_entities(text)
    assert _entity(result, name).forms == forms


def test_two_people_sharing_a_surname_stay_apart() -> None:
    text = "George Bush met Laura Bush. Later Laura Bush spoke and George Bush left."
    names = sorted(e.name for e in extract_entities(text).entities)
    assert names == ["George Bush", "Laura Bush"]


def test_a_lone_surname_goes_to_the_nearest_earlier_bearer() -> None:
    text = "George Bush spoke. Laura Bush smiled. Bush then left."
    result = extract_entities(text)
    laura = _entity(result, "Laura Bush")
    assert [result.mentions[i].text for i in laura.mentions] == ["Laura Bush", "Bush"]


@pytest.mark.parametrize(
    ("text", "date", "name", "roles"),
    [
        (
            "Russian President Vladimir Putin came.",
            "2005-11-20",
            "Vladimir Putin",
            [("president of Russia", "2005-11-20")],
        ),
        (
            "Russian President Vladimir Putin came. Putin first went to Tokyo in 2005, in his "
            "first 2000-2008 presidency, and returned as prime minister in 2009.",
            "2014-02-08",
            "Vladimir Putin",
            [
                ("president of Russia", "2014-02-08"),
                ("prime minister", "2009"),
                ("president", "2000/2008"),
            ],
        ),
        (
            "Shinzo Abe, Japan's prime minister, spoke.",
            "2014-02-08",
            "Shinzo Abe",
            [("prime minister of Japan", "2014-02-08")],
        ),
        ("Former President Bill Clinton came.", "2014-02-08", "Bill Clinton", []),
        ("Mr Putin came.", None, "Putin", []),
    ],
)
def test_gives_people_dated_roles(
    text: str, date: str | None, name: str, roles: list[tuple[str, str]]
) -> None:
    entity = _entity(extract_entities(text, date=date), name)
    assert [(r.role, r.date) for r in entity.roles] == roles
    for role in entity.roles:
        assert text[role.evidence.start : role.evidence.end] == role.evidence.text


def test_stated_aliases_join_with_their_viewpoints() -> None:
    text = (
        "A row over four Pacific islands goes on. Those islands, just off Hokkaido, are "
        "known as the Southern Kuriles in Russia and as the Northern Territories in Japan."
    )
    islands = _entity(extract_entities(text), "Southern Kuriles")
    assert islands.kind == "PLACE"
    assert [(a.name, a.viewpoint) for a in islands.aliases] == [
        ("Southern Kuriles", "Russia"),
        ("Northern Territories", "Japan"),
    ]
    assert [d.text for d in islands.descriptions] == ["four Pacific islands", "Those islands"]


@pytest.mark.parametrize(
    ("text", "descriptions"),
    [
        (
            "A dispute over four small islands. Japan claims the Kuril Islands.",
            ["four small islands"],
        ),
        ("Tiny uninhabited islands. Japan claims the Kuril Islands.", []),
        ("The islands are far. Japan claims the Kuril Islands and the Senkaku Islands.", []),
    ],
)
def test_island_descriptions_need_one_island_entity(text: str, descriptions: list[str]) -> None:
    result = extract_entities(text)
    found = [d.text for e in result.entities for d in e.descriptions]
    assert found == descriptions


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Tokyo has promised to help.", ["Tokyo"]),
        ("Relations with Tokyo thaw.", ["Tokyo"]),
        ("It stands apart from Tokyo's tense ties with Beijing.", ["Tokyo", "Beijing"]),
        ("The BBC's reporter in Tokyo said so.", []),
        ("They agreed in Moscow last April.", []),
        ("Abe's visit to Moscow was the first.", []),
        ("Russia has huge reserves.", []),
    ],
)
def test_flags_capitals_standing_for_governments(text: str, flagged: list[str]) -> None:
    result = extract_entities(text)
    assert [result.mentions[m.mention].text for m in result.metonymies] == flagged
    for metonymy in result.metonymies:
        assert metonymy.reading.startswith("government of ")
        assert result.mentions[metonymy.mention].kind == "PLACE"


def test_demonyms_are_relations_not_mentions() -> None:
    result = extract_entities("Some Russian oil flows east to South Korean ports.")
    assert [(d.text, d.place_key) for d in result.demonyms] == [
        ("Russian", "russia"),
        ("South Korean", "south korea"),
    ]
    assert result.mentions == ()


def test_local_ids_follow_first_mentions() -> None:
    result = extract_entities("Tokyo and Moscow talked. Tokyo agreed.")
    assert [(e.id, e.name, e.mentions) for e in result.entities] == [
        ("e0", "Tokyo", (0, 2)),
        ("e1", "Moscow", (1,)),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A country and its capital, a sea and a shore: each a place of its own.
        (
            "MEXICO CITY (Reuters) - Mexico closed its schools. Mexico City emptied.",
            ["Mexico", "Mexico City", "Reuters"],
        ),
        (
            "Tar balls reached the Gulf Coast. Ships in the Gulf of Mexico turned back.",
            ["Gulf Coast", "Gulf of Mexico"],
        ),
        ("Oil reached Texas City. Texas officials met.", ["Texas", "Texas City"]),
    ],
)
def test_a_known_place_does_not_open_another_known_place(text: str, names: list[str]) -> None:
    assert sorted(e.name for e in extract_entities(text).entities) == names


@pytest.mark.parametrize(
    "text",
    [
        "A Danish UN worker was rescued. The UN Office in Geneva said aid was late.",
        "NATO said it would act. The NATO Council met in Brussels.",
    ],
)
def test_a_known_organisation_is_not_its_office(text: str) -> None:
    result = extract_entities(text)
    office = next(e for e in result.entities if " " in result.mentions[e.mentions[0]].text)
    assert [result.mentions[i].text for i in office.mentions] == [
        result.mentions[office.mentions[0]].text
    ]


def test_a_person_is_not_the_administration_named_after_them() -> None:
    text = "Barack Obama spoke. The Obama administration said Obama would sign it."
    result = extract_entities(text)
    obama = _entity(result, "Barack Obama")
    assert "Obama administration" not in [result.mentions[i].text for i in obama.mentions]
    text = "President Obama spoke. The Obama Administration said Obama would act."
    result = extract_entities(text)
    assert sorted(e.name for e in result.entities) == ["Obama", "Obama Administration"]
    text = "The Obama Administration said Obama would act."  # no title says who he is
    result = extract_entities(text)
    assert sorted(e.name for e in result.entities) == ["Obama", "Obama Administration"]


def test_a_surname_does_not_open_a_place_named_like_it() -> None:
    result = extract_entities("Simon Wall said shares fell. Wall noted that Wall Street fell.")
    wall = _entity(result, "Simon Wall")
    assert [result.mentions[i].text for i in wall.mentions] == ["Simon Wall", "Wall"]


def test_a_known_name_after_a_demonym_is_the_known_name() -> None:
    result = extract_entities("A Danish UN worker was rescued. The UN appealed for aid.")
    assert [e.name for e in result.entities] == ["United Nations"]


def test_a_bare_gulf_is_the_gulf_the_article_names() -> None:
    text = "Oil spread across the Gulf of Mexico. Fishermen in the Gulf are angry."
    result = extract_entities(text)
    gulf = _entity(result, "Gulf of Mexico")
    assert [result.mentions[i].text for i in gulf.mentions] == ["Gulf of Mexico", "Gulf"]
    assert [e.name for e in result.entities] == ["Gulf of Mexico"]


def test_a_shouted_gulf_is_the_gulf_the_article_names() -> None:
    text = "ON THE GULF -- The rig in the Gulf of Mexico sank."
    result = extract_entities(text)
    assert [e.name for e in result.entities] == ["Gulf of Mexico"]


def test_a_bare_gulf_stays_the_gazetteer_gulf_when_the_article_names_it() -> None:
    text = "Tankers left the Persian Gulf. The Gulf of Oman was calm. The Gulf was busy."
    names = {e.name: e.forms for e in extract_entities(text).entities}
    assert names["Persian Gulf"] == ("Persian Gulf", "Gulf")


def test_a_surname_written_alone_keeps_two_namesakes_apart() -> None:
    text = (
        "Hillary Clinton flew to Haiti. Clinton met aid workers. Barack Obama met Bill"
        " Clinton at the White House. Clinton urged donations."
    )
    forms = {e.name: e.forms for e in extract_entities(text).entities}
    assert forms["Hillary Clinton"] == ("Hillary Clinton", "Clinton")
    assert forms["Bill Clinton"] == ("Bill Clinton", "Clinton")


@pytest.mark.parametrize(
    "text",
    [
        "Oil leaked from the Deepwater Horizon. Deepwater Horizon sank on Thursday.",
        "The Exxon Valdez ran aground in 1989. Exxon Valdez spilled oil.",
    ],
)
def test_a_name_written_after_the_is_no_person_by_its_shape(text: str) -> None:
    kinds = {e.name: e.kind for e in extract_entities(text).entities}
    assert kinds.get("Deepwater Horizon", kinds.get("Exxon Valdez")) != "PERSON"


def test_a_titled_name_after_the_is_still_a_person() -> None:
    kinds = {
        e.name: e.kind
        for e in extract_entities("Prayers were led by the Rev. Jesse Jackson.").entities
    }
    assert kinds["Jesse Jackson"] == "PERSON"


def test_a_people_named_in_the_plural_is_a_relation_not_a_mention() -> None:
    result = extract_entities(
        "Libyans rallied. Cuban Americans voted. Troops reached the Philippines."
    )
    assert [(d.text, d.place_key) for d in result.demonyms] == [
        ("Libyans", "libya"),
        ("Cuban Americans", "united states"),
    ]
    assert [e.name for e in result.entities] == ["Philippines"]


def test_a_surname_alone_far_from_a_namesake_goes_to_the_main_bearer() -> None:
    text = (
        "Muammar Gaddafi fled Tripoli. Gaddafi vowed to fight. His daughter Aisha Gaddafi"
        " crossed into Algeria. Talks opened in Paris. Rebels met in Benghazi. Gaddafi"
        " urged his supporters on."
    )
    result = extract_entities(text)
    gaddafi = _entity(result, "Muammar Gaddafi")
    assert [result.mentions[i].text for i in gaddafi.mentions] == [
        "Muammar Gaddafi",
        "Gaddafi",
        "Gaddafi",
    ]


def test_a_surname_after_the_leaves_a_person_a_person() -> None:
    text = "Barack Obama spoke. The Obama administration said more."
    kinds = {e.name: e.kind for e in extract_entities(text).entities}
    assert kinds["Barack Obama"] == "PERSON"
