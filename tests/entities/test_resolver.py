"""Tests for `EntityResolver`: one id per real entity across articles and years."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.entities import (
    ArticleEntities,
    EntityResolver,
    EntityRow,
    LocalEntity,
    Mention,
    ResolverState,
    RoleRow,
    extract_entities,
    role_spans,
)
from storyline.entities._names import spelled_alike, spelling_index


def _add(resolver: EntityResolver, article_id: str, text: str, date: str | None) -> dict[str, str]:
    """Resolve ``text`` and return written name → canonical id."""
    article = extract_entities(text, date=date)
    mapping = resolver.add(article_id, article)
    return {
        article.mentions[i].text: mapping[local.id]
        for local in article.entities
        for i in local.mentions
    }


def test_same_person_across_articles_and_years() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Russian President Vladimir Putin arrived in Tokyo.", "2005-11-20")
    second = _add(resolver, "b", "In Moscow, Mr Putin met Abe.", "2009-05-12")
    third = _add(resolver, "c", "Vladimir Putin and Shinzo Abe met in Sochi.", "2014-02-08")
    assert first["Vladimir Putin"] == second["Putin"] == third["Vladimir Putin"]
    assert first["Vladimir Putin"] == "person:vladimir-putin"


def test_a_surname_seen_first_takes_the_full_name_later() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Later Mr Putin spoke.", "2009-01-01")
    second = _add(resolver, "b", "Vladimir Putin spoke again.", "2009-02-01")
    assert first["Putin"] == second["Vladimir Putin"] == "person:putin"
    entity = resolver.entity("person:putin")
    assert entity is not None and entity.name == "Vladimir Putin"


def test_a_run_of_capitals_before_a_name_is_not_a_fuller_name() -> None:
    resolver = EntityResolver()
    _add(resolver, "a", "Barack Obama spoke in Washington.", "2010-06-01")
    # In flat text a byline's title can run into a name ("By David Gergen , CNN Senior
    # Political Analyst President Barack Obama 's decision"); the chain then carries it.
    article = extract_entities("Barack Obama spoke again.", date="2010-06-02")
    for n, flat in enumerate(("CNN Senior Political Analyst President Barack Obama",
                               "Reuters Barack Obama")):  # fmt: skip
        local = dataclasses.replace(article.entities[0], name=flat)
        resolver.add(f"b{n}", dataclasses.replace(article, entities=(local,)))
    _add(resolver, "c", "Later Barack Hussein Obama signed the bill.", "2010-06-03")
    entity = resolver.entity("person:barack-obama")
    assert entity is not None and entity.name == "Barack Hussein Obama"


def test_people_sharing_a_surname_do_not_merge() -> None:
    resolver = EntityResolver()
    george = _add(resolver, "a", "President George Bush spoke at the White House.", "2004-01-01")
    laura = _add(resolver, "b", "Laura Bush opened a library in Texas.", "2004-02-01")
    assert george["George Bush"] != laura["Laura Bush"]
    later = _add(resolver, "c", "Speaking at the White House, Mr Bush said no.", "2004-03-01")
    assert later["Bush"] == george["George Bush"]
    library = _add(resolver, "d", "In Texas, Mrs Bush read to children.", "2004-04-01")
    assert library["Bush"] == laura["Laura Bush"]


def test_two_people_of_one_article_are_never_one_entity() -> None:
    # A surname seen alone first (nothing told it was a person) is found under that
    # surname by each of the full names a later article gives; the article tells its two
    # people apart, and so must the archive.
    resolver = EntityResolver()
    _add(resolver, "a", "Analysts praised Hale on Monday after sales grew.", "2019-01-07")
    text = "The poet Mary Hale wrote the book. Her brother Tom Hale kept it."
    family = _add(resolver, "b", text, "2019-02-01")
    assert family["Mary Hale"] != family["Tom Hale"]
    mary = resolver.entity(family["Mary Hale"])
    assert mary is not None and mary.kind == "PERSON"


def test_full_names_with_initials_agree() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "George W. Bush spoke.", None)
    second = _add(resolver, "b", "Then George Bush left.", None)
    assert first["George W. Bush"] == second["George Bush"]


def test_different_middle_names_are_different_people() -> None:
    resolver = EntityResolver()
    son = _add(resolver, "a", "George W. Bush spoke in Texas.", "2004-01-01")
    father = _add(resolver, "b", "George H.W. Bush, the 41st president, spoke.", "2004-01-02")
    assert son["George W. Bush"] != father["George H.W. Bush"]
    spaced = _add(resolver, "f", "George H W Bush, the 41st president, came.", "2004-01-04")
    assert spaced["George H W Bush"] == father["George H.W. Bush"]
    later = _add(resolver, "e", "Then President George W. Bush left.", "2004-01-03")
    assert later["George W. Bush"] == son["George W. Bush"]
    middle = _add(resolver, "c", "John Fitzgerald Kennedy spoke.", "1962-01-01")
    initial = _add(resolver, "d", "John F. Kennedy spoke.", "1962-01-02")
    assert middle["John Fitzgerald Kennedy"] == initial["John F. Kennedy"]


def test_names_sharing_only_a_generic_last_word_are_not_one() -> None:
    resolver = EntityResolver()
    care = _add(resolver, "a", "Care International sent food to Haiti.", "2010-01-20")
    baxter = _add(resolver, "b", "Baxter International made the vaccine.", "2010-01-21")
    assert care["Care International"] != baxter["Baxter International"]


def test_names_ending_in_one_generic_word_are_not_one() -> None:
    resolver = EntityResolver()
    water = _add(resolver, "a", "The Clean Water Act passed. The Act protects rivers.", None)
    care = _add(resolver, "b", "The Affordable Care Act passed. The Act covers millions.", None)
    assert water["Clean Water Act"] != care["Affordable Care Act"]


def test_a_surname_guessed_a_place_is_the_person_it_names() -> None:
    resolver = EntityResolver()
    leader = _add(
        resolver, "a", "Libyan leader Moammar Gadhafi spoke. Gadhafi vowed to fight.", "2011-03-01"
    )
    _add(resolver, "b", "Saif Gadhafi, a son of the leader, spoke in Tripoli.", "2011-03-02")
    loyal = _add(resolver, "c", "Troops took orders from Gadhafi and fired.", "2011-03-03")
    assert loyal["Gadhafi"] == leader["Moammar Gadhafi"]


def test_island_aliases_meet_across_articles() -> None:
    resolver = EntityResolver()
    bbc = _add(resolver, "bbc", "A dispute over the Kuril Islands goes on.", "2005-11-20")
    cnbc = _add(
        resolver,
        "cnbc",
        "Those islands are widely known as the Southern Kuriles in Russia, and as the "
        "Northern Territories in Japan.",
        "2014-02-08",
    )
    assert bbc["Kuril Islands"] == cnbc["Southern Kuriles"] == cnbc["Northern Territories"]
    entity = resolver.entity(bbc["Kuril Islands"])
    assert entity is not None and entity.name == "Kuril Islands"
    sided = {(a.name, a.viewpoint) for a in entity.aliases if a.viewpoint}
    assert sided == {("Southern Kuriles", "Russia"), ("Northern Territories", "Japan")}
    assert resolver.registry.name_for(entity.id, viewpoint="Japan") == "Northern Territories"


def test_ids_are_stable_and_collisions_get_a_suffix() -> None:
    taken = ResolverState((EntityRow("place:tokyo", "Tokyo Bay", "PLACE"),), (), (), ())
    resolver = EntityResolver.from_state(taken)
    first = _add(resolver, "a", "Ships left Tokyo.", None)
    again = _add(resolver, "b", "Ships reached Tokyo.", None)
    assert first["Tokyo"] == again["Tokyo"] == "place:tokyo-2"
    assert [e.id for e in resolver.entities()] == ["place:tokyo", "place:tokyo-2"]


def test_state_round_trips_through_rows() -> None:
    resolver = EntityResolver()
    _add(resolver, "a", "Russian President Vladimir Putin arrived in Tokyo.", "2005-11-20")
    copy = EntityResolver.from_state(resolver.export_state())
    assert copy.export_state() == resolver.export_state()
    later = _add(copy, "b", "Mr Putin left Tokyo.", "2005-11-22")
    assert later == {"Putin": "person:vladimir-putin", "Tokyo": "place:tokyo"}


@pytest.mark.parametrize(
    ("observations", "spans"),
    [
        (
            [
                ("president of Russia", "2005-11-20"),
                ("president", "2000/2008"),
                ("prime minister", "2009"),
                ("president of Russia", "2014-02-08"),
            ],
            [
                ("president of Russia", "2000", "2008"),
                ("prime minister", "2009", "2009"),
                ("president of Russia", "2014-02-08", "2014-02-08"),
            ],
        ),
        ([("mayor", None)], [("mayor", None, None)]),
        ([], []),
    ],
)
def test_role_spans_break_where_another_role_intervenes(
    observations: list[tuple[str, str | None]], spans: list[tuple[str, str | None, str | None]]
) -> None:
    rows = [RoleRow("person:x", role, date, "a", "x", 0, 1) for role, date in observations]
    assert [(s.role, s.start, s.end) for s in role_spans(rows)] == spans


def test_context_memory_is_bounded() -> None:
    resolver = EntityResolver()
    for n in range(40):
        places = " and ".join(f"Town{n}x{k} Street" for k in range(5))
        _add(resolver, f"a{n}", f"Mr Putin visited {places}.", None)
    state = resolver.export_state()
    per_entity = [c for c in state.contexts if c.entity_id == "person:putin"]
    assert 0 < len(per_entity) <= 64


def test_entities_named_by_each_side_merge_when_a_text_links_the_names() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Tokyo spoke of the Northern Territories.", "1991-04-18")
    second = _add(resolver, "b", "Moscow sent troops to the Southern Kuriles.", "1994-01-01")
    assert first["Northern Territories"] != second["Southern Kuriles"]
    text = (
        "The dispute is over the islands, which Japan calls the Northern Territories"
        " and Russia the Southern Kuriles."
    )
    third = _add(resolver, "c", text, "2012-07-03")
    merged = third["Northern Territories"]
    assert third["Southern Kuriles"] == merged
    assert len([e for e in resolver.entities() if "Kuril" in e.name or "Territor" in e.name]) == 1
    dropped = {first["Northern Territories"], second["Southern Kuriles"]} - {merged}
    assert resolver.merged == {dropped.pop(): merged}


def test_a_place_named_in_full_is_not_the_place_its_short_form_also_names() -> None:
    resolver = EntityResolver()
    la = _add(resolver, "a", "Stars gathered in Los Angeles. LA was sunny.", "2010-05-01")
    spill = _add(resolver, "b", "Oil reached Louisiana. The LA coast was hit.", "2010-05-02")
    assert spill["Louisiana"] == "place:louisiana" != la["Los Angeles"]
    later = _add(resolver, "c", "Fishermen in Louisiana waited.", "2010-05-03")
    assert later["Louisiana"] == "place:louisiana"


def test_a_shared_single_word_does_not_make_two_seas_one() -> None:
    resolver = EntityResolver()
    _add(resolver, "a", "Tankers sailed through the Gulf. The Gulf was calm.", "2010-05-01")
    text = "Oil spread across the Gulf of Mexico. Fishermen in the Gulf are angry."
    spill = _add(resolver, "b", text, "2010-05-02")
    assert spill["Gulf of Mexico"] == spill["Gulf"] == "place:gulf-of-mexico"
    names = sorted(e.name for e in resolver.entities())
    assert names == ["Gulf of Mexico", "Persian Gulf"]


def test_a_bare_gulf_is_the_gulf_its_companions_were_seen_with() -> None:
    resolver = EntityResolver()
    spill = "BP's well leaked into the Gulf of Mexico. The Gulf reached Louisiana."
    _add(resolver, "a", spill, "2010-05-01")
    _add(resolver, "b", "Iran's navy sailed the Persian Gulf near Bahrain.", "2010-05-02")
    later = _add(resolver, "c", "BP said oil in the Gulf would reach Louisiana.", "2010-05-03")
    assert later["Gulf"] == "place:gulf-of-mexico"
    tankers = _add(resolver, "d", "Iran and Bahrain watched tankers in the Gulf.", "2010-05-04")
    assert tankers["Gulf"] == "place:persian-gulf"
    alone = _add(resolver, "e", "Ships waited in the Gulf.", "2010-05-05")
    assert alone["Gulf"] == "place:persian-gulf"  # nothing says otherwise: the gazetteer's


def test_a_thing_named_like_a_person_is_no_person_once_written_as_a_thing() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Deepwater Horizon sank. Crews searched.", "2010-04-22")
    _add(resolver, "b", "Oil leaked from the Deepwater Horizon for weeks.", "2010-05-01")
    _add(resolver, "c", "Deepwater Horizon burned for two days.", "2010-05-02")
    assert resolver.entity(first["Deepwater Horizon"]).kind != "PERSON"
    people = _add(resolver, "d", "Tony Hayward spoke. Mr Hayward left.", "2010-05-03")
    assert resolver.entity(people["Tony Hayward"]).kind == "PERSON"


def test_a_person_is_not_found_under_a_word_of_the_name_that_is_not_its_last() -> None:
    resolver = EntityResolver()
    # A comment thread: "Reply" opens each comment and joins the words it runs into.
    furniture = (Mention("Yeah", 0, 4, "OTHER", "yeah"), Mention("Reply", 9, 14, "OTHER", "reply"))
    resolver.add("b", ArticleEntities(furniture, (_local("e0", "Yeah", "OTHER", 0, 1),)))
    mentions = (
        Mention("Reply Gadhafi", 0, 13, "PERSON", "reply gadhafi"),
        Mention("Reply", 20, 25, "OTHER", "reply"),
        Mention("Gadhafi", 30, 37, "OTHER", "gadhafi"),
    )
    local = _local("e0", "Reply Gadhafi", "PERSON", 0, 1, 2)
    mapping = resolver.add("c", ArticleEntities(mentions, (local,)))
    assert resolver.entity(mapping["e0"]).name == "Reply Gadhafi"


def _local(local_id: str, name: str, kind: str, *mentions: int) -> LocalEntity:
    return LocalEntity(
        id=local_id,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        key=name.lower(),
        mentions=mentions,
        forms=(name,),
    )


def test_one_person_in_several_transliterations() -> None:
    resolver = EntityResolver()
    first = _add(
        resolver, "a", "Muammar Gaddafi spoke in Tripoli of Benghazi and Misrata.", "2011-03-01"
    )
    second = _add(
        resolver,
        "b",
        "Moammar Gadhafi vowed in Tripoli to retake Benghazi and Misrata.",
        "2011-03-02",
    )
    third = _add(
        resolver,
        "c",
        "Col. Muammar Qaddafi fled Tripoli as Benghazi and Misrata cheered.",
        "2011-08-22",
    )
    assert first["Muammar Gaddafi"] == second["Moammar Gadhafi"] == third["Muammar Qaddafi"]
    others = _add(resolver, "d", "Saif al-Islam Gaddafi and Aisha Gaddafi fled.", "2011-08-29")
    assert first["Muammar Gaddafi"] not in others.values()


def test_another_spelling_alone_is_no_evidence() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Mark Miller spoke in Denver.", "2011-03-01")
    second = _add(resolver, "b", "Mark Muller won in Zurich.", "2011-03-02")
    assert first["Mark Miller"] != second["Mark Muller"]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Muammar Gaddafi", "mamar gadafa"),
        ("Moammar Gadhafi", "mamar gadafa"),
        ("Mohammed Morsi", "mamad marsa"),
        ("Muhammad Mursi", "mamad marsa"),
        ("Saif Gaddafi", "saf gadafa"),
        ("Safia Gaddafi", "safa gadafa"),  # the number of syllables stays
        ("Imran Khan", None),  # too short a surname to tell people apart
        ("Putin", None),
    ],
)
def test_spelling_index(name: str, key: str | None) -> None:
    assert spelling_index(name.split()) == key


def test_a_name_guessed_a_place_becomes_a_person_once_titled() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Rebels took orders from Moammar Gadhafi.", "2011-03-01")
    assert resolver.entity(first["Moammar Gadhafi"]).kind == "PLACE"  # "from" before it
    _add(resolver, "b", "Libyan leader Moammar Gadhafi spoke on Tuesday.", "2011-03-02")
    assert resolver.entity(first["Moammar Gadhafi"]).kind == "PERSON"


def test_entities_made_under_two_spellings_of_one_name_merge() -> None:
    resolver = EntityResolver()
    where = " He spoke of Tripoli, Benghazi and Misrata."
    first = _add(resolver, "a", "Libyan leader Muammar Gaddafi spoke." + where, "2011-03-01")
    second = _add(resolver, "b", "Rebels took orders from Moammar Gadhafi." + where, "2011-03-02")
    assert first["Muammar Gaddafi"] != second["Moammar Gadhafi"]  # a place, by "from"
    _add(resolver, "c", "Libyan leader Moammar Gadhafi spoke again." + where, "2011-03-03")
    later = _add(resolver, "d", "Muammar Gaddafi vowed to fight." + where, "2011-03-04")
    people = [e.name for e in resolver.entities() if e.kind == "PERSON"]
    assert people == [resolver.entity(later["Muammar Gaddafi"]).name]  # type: ignore[union-attr]
    assert set(resolver.merged) & {first["Muammar Gaddafi"], second["Moammar Gadhafi"]}


def test_spelled_alike() -> None:
    assert spelled_alike("Moammar Gadhafi".split(), "Muammar Qaddafi".split())
    assert spelled_alike("Moammar Al Gadhafi".split(), "Muammar Gaddafi".split())
    assert not spelled_alike("George Bush".split(), "George W. Bush".split())
    assert not spelled_alike("Imran Khan".split(), "Imran Kan".split())


def test_an_entity_merged_while_its_article_is_resolved_is_mapped_to_the_merged_one() -> None:
    resolver = EntityResolver()
    where = " Talks were held in Tripoli, Benghazi and Misrata."
    for n in range(3):
        _add(resolver, f"a{n}", "Libyan leader Muammar Gaddafi spoke." + where, "2011-03-01")
    _add(resolver, "b", "Rebels took orders from Moammar Gadhafi." + where, "2011-03-02")
    _add(resolver, "c", "Libyan leader Moammar Gadhafi spoke again." + where, "2011-03-03")
    # The place-like mention is resolved first, to the entity the person's then merges.
    text = "Rebels took orders from Moammar Gadhafi. Libyan leader Muammar Gaddafi spoke."
    both = _add(resolver, "d", text + where, "2011-03-04")
    assert both["Moammar Gadhafi"] == both["Muammar Gaddafi"]
    assert all(resolver.entity(i) is not None for i in both.values())


@pytest.mark.parametrize(
    ("longer", "alone", "word"),
    [
        ("Shares of Marathon Oil rose on Monday.", "Then Oil washed ashore.", "Oil"),
        ("The lobbyists of Big Oil met.", "Then Oil washed ashore.", "Oil"),
        ("Officials of NHS North West met.", "Gaddafi defied the West again.", "West"),
        ("The Democratic White House pressed on.", "The House passed the bill.", "House"),
    ],
)
def test_a_common_last_word_alone_is_not_the_longer_name(
    longer: str, alone: str, word: str
) -> None:
    # "Colts" alone is the Indianapolis Colts; "Oil", "West", "House" alone are not
    # the one earlier name that happens to end in them.
    resolver = EntityResolver()
    first = _add(resolver, "a", longer, "2010-06-01")
    second = _add(resolver, "b", alone, "2010-06-02")
    assert second[word] not in first.values()


@pytest.mark.parametrize(
    ("longer", "name"),
    [
        ("They marched in the West Bank city of Ramallah, the West watching.", "West Bank"),
        ("Officials of NHS North West met.", "NHS North West"),
    ],
)
def test_a_longer_name_is_not_a_generic_word_seen_alone(longer: str, name: str) -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Gaddafi defied the West again, and the West waited.", None)
    second = _add(resolver, "b", longer, None)
    assert second[name] != first["West"]


def test_a_generic_word_seen_alone_is_no_surname() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "Unlike us in the West, the committee sees it otherwise.", None)
    second = _add(resolver, "b", "Braun has worked with Kanye West and Kim Kardashian.", None)
    assert second["Kanye West"] != first["West"]


def test_a_team_alone_is_the_one_longer_name_ending_in_it() -> None:
    resolver = EntityResolver()
    first = _add(resolver, "a", "The Indianapolis Colts beat Jacksonville.", "2009-01-01")
    second = _add(resolver, "b", "The Colts won again on Sunday.", "2009-01-08")
    assert second["Colts"] == first["Indianapolis Colts"]
