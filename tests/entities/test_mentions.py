"""Tests for `find_mentions`: names, kinds, cues and the traps around capital letters."""

from __future__ import annotations

import pytest

from storyline.entities import find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Putin flew to Sochi.", [("Putin", "PERSON"), ("Sochi", "PLACE")]),
        ("Talks began in Busan, South Korea.", [("Busan", "PLACE"), ("South Korea", "PLACE")]),
        ("He joined the World Trade Organisation.", [("World Trade Organisation", "ORG")]),
        ("Delegates of the Group of Eight gathered.", [("Group of Eight", "ORG")]),
        ("The Bank of Japan raised rates.", [("Bank of Japan", "ORG")]),
        ("She spoke at the UN Security Council.", [("UN Security Council", "ORG")]),
        ("They met at the Winter Olympics.", [("Winter Olympics", "EVENT")]),
        ("It dates back to World War Two.", [("World War Two", "EVENT")]),
        ("It was seized after WWII ended.", [("WWII", "EVENT")]),
        ("Hurricane Katrina hit the city.", [("Hurricane Katrina", "EVENT")]),
        ("Officials from Apec gathered.", [("Apec", "ORG")]),
        ("Mark Teixeira signed a deal.", [("Mark Teixeira", "PERSON")]),
        ("Trade with the Soviet Union grew.", [("Soviet Union", "PLACE")]),
        ("Ships sailed to the Kuril Islands.", [("Kuril Islands", "PLACE")]),
        ("The Foreign Ministry said no.", [("Foreign Ministry", "ORG")]),
        ("They met at the Eastern Economic Forum.", [("Eastern Economic Forum", "ORG")]),
        ("Voters backed the Labour Party.", [("Labour Party", "ORG")]),
        ("Police closed Oxford Street early.", [("Oxford Street", "PLACE")]),
        ("They prayed for Osama bin Laden.", [("Osama bin Laden", "PERSON")]),
        # "to" makes a place of a destination only.
        ("Crews flew to Fourchon.", [("Fourchon", "PLACE")]),
        ("The road to Ajdabiya was cut.", [("Ajdabiya", "PLACE")]),
        ("Some strains resist Tamiflu, or are resistant to Tamiflu.", [("Tamiflu", "OTHER")] * 2),
        # ... nor does a preposition before an owner: "from X's camp" is no place.
        ("Aides came from Bernie Sanders's camp.", [("Bernie Sanders", "PERSON")]),
        ("Aides came from Bernie Sanders\u2019s camp.", [("Bernie Sanders", "PERSON")]),
        ("Crews flew to Gadhafi's compound.", [("Gadhafi", "OTHER")]),
        ("Aides came from Bernie Sanders 's camp .", [("Bernie Sanders", "PERSON")]),
        # Two capitalised words are a person's shape, unless the first is a people's
        # adjective or the last a word the text also writes in lower case ...
        ("Shares of British Petroleum fell.", [("British Petroleum", "OTHER")]),
        ("Read our Refund Policy. The policy changed.", [("Refund Policy", "OTHER")]),
        # ... or the first a place that is no given name ("Paris Hilton" stays a person).
        ("Copy by Pacific Wire may not be sold.", [("Pacific Wire", "OTHER")]),
        ("Then Paris Hilton arrived.", [("Paris Hilton", "PERSON")]),
        # ... or the first: a game, a film (a title capitalised opens a name there).
        ("He bought Red Dead Redemption, a red box.", [("Red Dead Redemption", "OTHER")]),
        ("Fans saw Star Wars. Its star flew in.", [("Star Wars", "OTHER")]),
        ("Pop star Madonna sang.", [("Madonna", "PERSON")]),
        ("It banned Ban Ki-moon from a ban.", [("Ban Ki-moon", "PERSON")]),
        ("Then Tony Hayward spoke.", [("Tony Hayward", "PERSON")]),
        ("The Director of the Extension Service spoke.", [("Extension Service", "ORG")]),
        # Products are no people by their shape: a model's word ends them, a capital
        # inside a word past a name's prefix ("AirPods"; "MacArthur" is a name).
        ("Apple said the MacBook Pro ships soon.", [("Apple", "ORG"), ("MacBook Pro", "OTHER")]),
        ("They streamed it on YouTube Music.", [("YouTube Music", "OTHER")]),
        ("Gen. Douglas MacArthur landed.", [("Douglas MacArthur", "PERSON")]),
        ("Then DeShawn Watson threw.", [("DeShawn Watson", "PERSON")]),
        # A name shouted where the text also writes it is no acronym.
        (
            "Barack Obama spoke. Crowds chanted OBAMA again.",
            [("Barack Obama", "PERSON"), ("OBAMA", "OTHER")],
        ),
    ],
)
def test_finds_names_with_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "role", "cue"),
    [
        (
            "Russian President Vladimir Putin arrived.",
            "Vladimir Putin",
            "president of Russia",
            "Russian President",
        ),
        (
            "The host was Japan's Prime Minister Junichiro Koizumi.",
            "Junichiro Koizumi",
            "prime minister of Japan",
            "Japan's Prime Minister",
        ),
        (
            "Talks with Japanese prime minister Shinzo Abe.",
            "Shinzo Abe",
            "prime minister of Japan",
            "Japanese prime minister",
        ),
        (
            "Guests such as U.S. President Barack Obama stayed away.",
            "Barack Obama",
            "president of United States",
            "U.S. President",
        ),
        ("Later, President Xi Jinping spoke.", "Xi Jinping", "president", "President"),
        (
            "South Korean President Lee Myung-bak met him.",  # no place for opening "South"
            "Lee Myung-bak",
            "president of South Korea",
            "South Korean President",
        ),
        ("He met Mr Putin.", "Putin", None, "Mr"),
        ("He met Mr. Putin.", "Putin", None, "Mr"),
        ("He met former President Bill Clinton.", "Bill Clinton", None, "former President"),
        (
            "We saw Foreign Minister Sergei Lavrov.",
            "Sergei Lavrov",
            "foreign minister",
            "Foreign Minister",
        ),
        # A department or company before the title ("Interior Secretary").
        (
            "Interior Secretary Ken Salazar said no.",
            "Ken Salazar",
            "interior secretary",
            "Interior Secretary",
        ),
        (
            "Coast Guard Adm. Thad Allen spoke.",
            "Thad Allen",
            "coast guard admiral",
            "Coast Guard Adm",
        ),
        (
            "BP Chief Operating Officer Doug Suttles said so.",
            "Doug Suttles",
            "bp chief operating officer",
            "BP Chief Operating Officer",
        ),
    ],
)
def test_reads_title_cues(text: str, name: str, role: str | None, cue: str) -> None:
    person = next(m for m in find_mentions(text) if m.kind == "PERSON")
    assert (person.text, person.role, person.cue) == (name, role, cue)
    assert text[person.start : person.end] == name


def test_pm_after_a_clock_time_is_no_title() -> None:
    [stamp] = [m for m in find_mentions("Posted 2:47 PM Gordon Brown spoke.") if m.kind == "PERSON"]
    assert (stamp.text, stamp.role, stamp.cue) == ("Gordon Brown", None, None)
    [titled] = find_mentions("PM Gordon Brown spoke at 2 pm.")
    assert (titled.role, titled.cue) == ("prime minister", "PM")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Support pledges were made. They will support the plan.", "Support"),
        ("Several other leaders came.", "Several"),
        ("Agreement is not close, but an agreement may come.", "Agreement"),
        ("Russian oil flows east.", "Russian"),
        ("The talks resumed on Monday in May 2014.", "Monday"),
        ("The talks resumed on Monday in May 2014.", "May"),
        ("Some 17,000 Japanese fled.", "Japanese"),
        ("Funeral Of Horton held", "Of Horton"),
        ("LONDON -LRB- Reuters -RRB- - Oil fell.", "LRB"),
        ("LONDON -LRB- Reuters -RRB- - Oil fell.", "RRB"),
        ('Noe said, "We have seen layoffs," he added.', "We"),
        ("Noe said , `` Our wells are shut , '' he added .", "Our"),
        ("Tools for lawyers Our new research platform", "Our"),
        ("WASHINGTON | Thu Jun 3 , 2010 4:19 pm EDT WASHINGTON - Oil rose.", "Thu"),
        ("WASHINGTON | Thu Jun 3 , 2010 4:19 pm EDT WASHINGTON - Oil rose.", "EDT"),
        ("Shares rose 2 percent by 10 a.m. ET on Mon, 21 June.", "ET"),
        ("Shares rose 2 percent by 10 a.m. ET on Mon, 21 June.", "Mon"),
        ("Updated at 14:30 GMT after the vote.", "GMT"),
        ("Photograph: Getty Images It was a long night.", "It"),
        ("Reply How could they do this? IF THEY CARED they would stop.", "How"),
        ("ZINTAN (Reuters) -- Pushing Muammar Gaddafi's troops back took weeks.", "Pushing"),
        ("Asking Tony Hayward to resign, he left.", "Asking Tony Hayward"),
        ("Reply How could they do this? IF THEY CARED they would stop.", "IF"),
        ("Photograph: Getty Images It was a long night.", "Getty Images It"),
        # A word that describes rather than names is no name alone: a live report's
        # "NEW:" marker, an adjective, a faith or a state channel.
        ("NEW: The mayor of New York spoke. NEW: Rain fell.", "NEW"),
        ("Western leaders met in Western Europe. Western nations agreed.", "Western"),
        ("Muslim leaders spoke. The Muslim Brotherhood said no.", "Muslim"),
        ("The Persian calendar has 12 months. Persian poets wrote.", "Persian"),
        ("State TV said the TV station in Cairo was shut.", "TV"),
        ("The Arab World watched. World leaders met at the World Bank.", "World"),
        # Lower-case words are no names, nor is the "s" split off after one; a letter
        # alone is none; nor "Is" in a title ("a film, This Is It").
        ("Scientists said the gulf 's current will move.", "gulf"),
        ("Scientists said the gulf 's current will move.", "s"),
        ("Coverage ran on CNN/U . S. and online.", "U"),
        ("He starred in the film , This Is It . Fans came.", "Is"),
        # Shouted common words ("It is ALL about the oil", a comment's "THIS IS").
        ("It is ALL about the oil, not all about jobs.", "ALL"),
        ("Comments: THIS IS what this is about.", "THIS IS"),
        ("Pay BACK the money, come back now.", "BACK"),
        # "I" with a verb (curly or straight apostrophe); a common word that spells an
        # acronym ("Who", not the WHO).
        ("I\u2019m sure. I\u2019ve seen it.", "I\u2019m"),
        ("I\u2019m sure. I\u2019ve seen it.", "I\u2019ve"),
        ("Trust me, I'll go. I'd stay.", "I'll"),
        ("Trust me, I'll go. I'd stay.", "I'd"),
        ("Who said it? Not the WHO.", "Who"),
        # A comment thread run into one flat text: the word after a reply button or a
        # clock time opens a sentence, and a common word alone there is no name.
        ("March 7, 2011 at 9:29 pm | Reply Actually, the navy went first.", "Actually"),
        ("It closed at noon | Reply Unfortunately it failed again.", "Unfortunately"),
        ("Posted June 2, 2010 2:47 PM Perhaps the talks will fail.", "Perhaps"),
        ("Great post. June 30, 2011 at 9:57 pm | Reply it is too early.", "Reply"),
        ("Great post. June 30, 2011 at 9:57 pm | Reply Some people never learn.", "Some"),
    ],
)
def test_skips_words_that_only_look_like_names(text: str, absent: str) -> None:
    assert absent not in [m.text for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks to mend Russia-Japan ties stall", ["Russia", "Japan"]),
        ("Later Abe met the Asia-Pacific delegates.", ["Abe", "Asia-Pacific"]),
        ("Americas Africa Europe Middle East\n", ["Americas", "Africa", "Europe", "Middle East"]),
        ("By Jane Doe WASHINGTON (Reuters) said.", ["Jane Doe", "WASHINGTON", "Reuters"]),
        (
            "Royal Dutch Shell PLC and Anthony Smith III met.",
            ["Royal Dutch Shell PLC", "Anthony Smith III"],
        ),
        ("The Baltimore Sun reported it.", ["Baltimore Sun"]),
        ("Fighters of al Qaeda fled.", ["al Qaeda"]),
        ("NATO and the WHO met in the US as OPEC did.", ["NATO", "WHO", "US", "OPEC"]),
        ("IS fighters seized the town, which is near Mosul.", ["IS", "Mosul"]),
        ("Irving Berlin wrote it.", ["Irving Berlin"]),
        (
            "The National Oceanic and Atmospheric Administration and the Centers for Disease"
            " Control and Prevention spoke.",
            [
                "National Oceanic and Atmospheric Administration",
                "Centers for Disease Control and Prevention",
            ],
        ),
        (
            "The U.S. Centers for Disease Control and Prevention said.",
            ["U.S.", "Centers for Disease Control and Prevention"],
        ),
        # Words a flat text runs into a name: an adverb, a known name, a name before its
        # title ("Obama President Obama", a headline run into the first sentence).
        ("The leak went on. Finally Thad Allen spoke.", ["Thad Allen"]),
        ("Shares slid Asking Tony Hayward to quit, investors met.", ["Tony Hayward"]),
        ("A Guardian Tony Hayward interview ran.", ["Guardian", "Tony Hayward"]),
        ("It is about Obama President Obama said today.", ["Obama", "Obama"]),
        ("Mary Ann Smith spoke.", ["Mary Ann Smith"]),
        ("Oil spill grows Can Obama fix it ? He tried.", ["Obama"]),
        ("The actor Will Smith starred.", ["Will Smith"]),
        # A compound adjective after a name: the name is the mention.
        (
            "The London-based firm met NATO-led forces and a New York-based group.",
            ["London", "NATO", "New York"],
        ),
        ("A Russian-made jet flew.", []),
        ("Obama spoke. Reply Dear Obama , act now.", ["Obama", "Obama"]),
        ("Obama spoke. A reader wrote I SAY OBAMA will fail.", ["Obama", "OBAMA"]),
        ("By the CNN Wire Staff Obama said no.", ["CNN Wire Staff", "Obama"]),
        # A comment's greeting or a common word run into the name it precedes.
        ("Great show at 9 pm Hi James , loved it.", ["James"]),
        ("Well said Sorry Jack but you are wrong.", ["Jack"]),
        ("Reply Watch Fareed Zakaria tonight.", ["Fareed Zakaria"]),
        ("It went badly '' End Quote Mark Mardell, editor", ["Mark Mardell"]),
        ("He met Gadhafi. Comments #news After Gadhafi fell, oil rose.", ["Gadhafi", "Gadhafi"]),
        ("He met Gadhafi. And what now Some Gadhafi loyalists fled.", ["Gadhafi", "Gadhafi"]),
        # A country run into a company's acronym in a flat post; a city's own letters
        # and a country's channel stay one name.
        ("Hostages taken in southern Algeria BP staff among them", ["Algeria", "BP"]),
        ("He flew to Washington DC on Monday.", ["Washington DC"]),
        ("Reports on Libya TV said so.", ["Libya TV"]),
        ("Protests grew in Egypt After Mubarak fell the army ruled.", ["Egypt", "Mubarak"]),
        # Common words inside a name stay in it.
        (
            "He read it in USA Today, saw the Beyond All Limits show and wore an Apple Watch.",
            ["USA Today", "Beyond All Limits", "Apple Watch"],
        ),
    ],
)
def test_splits_runs_of_known_names(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_mentions(text)] == expected


def test_headline_keeps_only_names_the_body_capitalises() -> None:
    text = "Ellen DeGeneres To Host Oscars\nThe show will host Ellen DeGeneres again."
    headline = [m.text for m in find_mentions(text) if m.end <= text.index("\n")]
    assert headline == ["Ellen DeGeneres", "Oscars"]


def test_adds_named_summits_beside_their_organisation() -> None:
    found = _found("Leaders met at the Apec summit in Busan.")
    assert ("Apec summit", "EVENT") in found and ("Apec", "ORG") in found


def test_keys_share_one_entity_across_spellings() -> None:
    keys = {
        m.entity_key
        for m in find_mentions(
            "The G8 (Group of Eight) met; the WTO and World Trade Organisation too."
        )
    }
    assert keys == {"group of eight", "world trade organization"}


def test_offsets_point_at_the_text() -> None:
    text = "In Tokyo, Koizumi met Putin and the BBC's Jonathan Head."
    for mention in find_mentions(text):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talk as long as you follow the Rules of Conduct set forth in our Terms of Service.",
            [],
        ),
        ("You agree with CNN 's Terms of Service and CNN 's Privacy Policy .", ["CNN", "CNN"]),
        ("This site is subject to our Terms of Use and Cookie Policy.", []),
        ("6:30 pm ET February 11 , 2013 RETWEET Looking for a good car ?", []),
        ("4:01 pm ET RETWEET Could the next pope be from Africa ?", ["Africa"]),
    ],
)
def test_a_web_pages_own_words_are_no_names(text: str, expected: list[str]) -> None:
    # The footer and sharing buttons of a page that an extractor left in the text.
    assert [m.text for m in find_mentions(text)] == expected
