"""Table-driven cases for the time tagger: span, type and value of one expression."""

from __future__ import annotations

import pytest

from storyline.time import tag

ANCHOR = "2014-02-08"  # a Saturday
THURSDAY = "1989-10-26"

# text, anchor, expected span text, type, value (one case per line)
CASES = [
    ("It happened on 20 November 2005.", ANCHOR, "20 November 2005", "DATE", "2005-11-20"),
    ("It happened on November 20, 2005.", ANCHOR, "November 20, 2005", "DATE", "2005-11-20"),
    ("Talks were held on Nov. 20.", "2005-11-25", "Nov. 20", "DATE", "2005-11-20"),
    ("Push to improve ties\n14 Jan 05 | Asia-Pacific", ANCHOR, "14 Jan 05", "DATE", "2005-01-14"),
    ("The file is dated 2005-11-20.", ANCHOR, "2005-11-20", "DATE", "2005-11-20"),
    (
        "2009 06 13 00:11 JST GENEVA - It spread.",
        ANCHOR,
        "2009 06 13 00:11 JST",
        "TIME",
        "2009-06-13T00:11",
    ),
    ("In 2009 06 13 people died.", ANCHOR, "2009", "DATE", "2009"),
    ("The deadline is 11/20/2005.", ANCHOR, "11/20/2005", "DATE", "2005-11-20"),
    ("Prices rose in the 1990s.", ANCHOR, "the 1990s", "DATE", "199"),
    ("Settlers came in the 1700s.", ANCHOR, "the 1700s", "DATE", "17"),
    ("Trade grew in the early 1800s.", ANCHOR, "the early 1800s", "DATE", "18"),
    ("Phones spread in the 2000s.", ANCHOR, "the 2000s", "DATE", "200"),
    ("The charter was sealed in 1215.", ANCHOR, "1215", "DATE", "1215"),
    ("1945 The war ended. Peace came.", ANCHOR, "1945", "DATE", "1945"),
    ("The briefing starts at 1400 BST.", ANCHOR, "1400 BST", "TIME", "2014-02-08T14:00"),
    ("Polls close at 2100 EDT.", ANCHOR, "2100 EDT", "TIME", "2014-02-08T21:00"),
    ("By 1945 Market Street had grown.", ANCHOR, "1945", "DATE", "1945"),
    ("In 2003 Iraqis voted for the first time.", ANCHOR, "2003", "DATE", "2003"),
    ("He backed the 1990 Americans with Disabilities Act.", ANCHOR, "1990", "DATE", "1990"),
    ("Life in the 19th century was hard.", ANCHOR, "the 19th century", "DATE", "18"),
    ("The war ended in 1945.", ANCHOR, "1945", "DATE", "1945"),
    ("Growth slowed in the mid-1990s.", ANCHOR, "the mid-1990s", "DATE", "199"),
    ("Sales fell in fiscal 1998.", ANCHOR, "fiscal 1998", "DATE", "1998"),
    ("The Soviet Union declared war in August 1945.", ANCHOR, "August 1945", "DATE", "1945-08"),
    ("Profit rose in the third quarter.", "1998-11-02", "the third quarter", "DATE", "1998-Q3"),
    ("The minister flew home on Saturday.", ANCHOR, "Saturday", "DATE", "2014-02-08"),
    ("He said on Friday that it was over.", ANCHOR, "Friday", "DATE", "2014-02-07"),
    ("He will meet them on Monday.", ANCHOR, "Monday", "DATE", "2014-02-10"),
    ("Aid came following Tuesday's quake.", "2010-01-16", "Tuesday", "DATE", "2010-01-12"),
    ("The network the day before had shown it.", ANCHOR, "the day before", "DATE", "2014-02-07"),
    (
        "It sank on April 22. 3.17 pm: So it has come to this.",
        ANCHOR,
        "3.17 pm",
        "TIME",
        "2014-02-08T15:17",
    ),
    (
        "The dollar fell from Thursday's 5 p.m. quotes.",
        ANCHOR,
        "5 p.m.",
        "TIME",
        "2014-02-06T17:00",
    ),
    (
        "He died at 11:30 p.m. (0830 GMT) on Tuesday.",
        ANCHOR,
        "11:30 p.m.",
        "TIME",
        "2014-02-04T23:30",
    ),
    ("It began on Tuesday. It ended at 5 p.m.", ANCHOR, "5 p.m.", "TIME", "2014-02-08T17:00"),
    ("Talks on Friday and Sunday were to end it.", "2011-09-02", "Sunday", "DATE", "2011-08-28"),
    (
        "Talks on Friday and Saturday were to end it.",
        "2011-09-02",
        "Saturday",
        "DATE",
        "2011-09-03",
    ),
    ("They met in Moscow last April.", ANCHOR, "last April", "DATE", "2013-04"),
    ("In this May 26 photo, oil is seen.", "2010-07-09", "this May 26", "DATE", "2010-05-26"),
    ("The vote is set for next May 26.", "2010-07-09", "next May 26", "DATE", "2011-05-26"),
    ("Last May 20 percent fell.", "2010-07-09", "Last May", "DATE", "2010-05"),
    ("The summit is next year.", ANCHOR, "next year", "DATE", "2015"),
    ("It opened two weeks ago.", ANCHOR, "two weeks ago", "DATE", "2014-W04"),
    ("Prices rose earlier this month.", ANCHOR, "earlier this month", "DATE", "2014-02"),
    ("He arrived yesterday.", ANCHOR, "yesterday", "DATE", "2014-02-07"),
    ("He arrives today.", ANCHOR, "today", "DATE", "2014-02-08"),
    ("He arrives tomorrow.", ANCHOR, "tomorrow", "DATE", "2014-02-09"),
    ("The show is tonight.", ANCHOR, "tonight", "TIME", "2014-02-08TNI"),
    ("Talks resume this week.", "2013-03-15", "this week", "DATE", "2013-W11"),
    ("He will visit Japan in the autumn.", ANCHOR, "the autumn", "DATE", "2014-FA"),
    ("It was hot last summer.", ANCHOR, "last summer", "DATE", "2013-SU"),
    ("His term ran 2000-2008.", ANCHOR, "2000-2008", "DATE", "2000"),
    ("Sales grew from March to May.", "2014-06-10", "March", "DATE", "2014-03"),
    ("Sales grew from March to May.", "2014-06-10", "May", "DATE", "2014-05"),
    (
        "The pair have met four times in the last 13 months.",
        ANCHOR,
        "the last 13 months",
        "DURATION",
        "P13M",
    ),
    ("It is a 60-year dispute.", ANCHOR, "60-year", "DURATION", "P60Y"),
    ("It was the first visit in a decade.", ANCHOR, "a decade", "DURATION", "P10Y"),
    ("It ran a deficit for 18 months.", ANCHOR, "18 months", "DURATION", "P18M"),
    ("Flows will double over the next 20 years.", ANCHOR, "the next 20 years", "DURATION", "P20Y"),
    ("The trip takes three days.", ANCHOR, "three days", "DURATION", "P3D"),
    ("It took several years.", ANCHOR, "several years", "DURATION", "PXY"),
    ("He waited 2 1/2 years.", ANCHOR, "2 1/2 years", "DURATION", "P2Y6M"),
    ("The fair is held every year.", ANCHOR, "every year", "SET", "P1Y"),
    # A weekend lasts two days; TimeML has it only as a day of the week.
    ("He spent a weekend there.", ANCHOR, "a weekend", "DURATION", "P2D"),
    ("The market opens every weekend.", ANCHOR, "every weekend", "SET", "XXXX-WXX-WE"),
    ("It rained two weekends ago.", ANCHOR, "two weekends ago", "DATE", "XXXX-XX-XX"),
    ("Trade is worth around $9bn a year.", ANCHOR, "a year", "SET", "P1Y"),
    ("The magazine appears weekly.", ANCHOR, "weekly", "SET", "P1W"),
    ("The market opens each Monday.", ANCHOR, "each Monday", "SET", "XXXX-WXX-1"),
    ("Prices have risen recently.", ANCHOR, "recently", "DATE", "PAST_REF"),
    ("The port now handles half of it.", ANCHOR, "now", "DATE", "PRESENT_REF"),
    ("He is currently abroad.", ANCHOR, "currently", "DATE", "PRESENT_REF"),
    ("We should not worry about the future.", ANCHOR, "the future", "DATE", "FUTURE_REF"),
    (
        "Last Updated: Sunday, 20 November 2005, 05:36 GMT",
        ANCHOR,
        "Sunday, 20 November 2005, 05:36 GMT",
        "TIME",
        "2005-11-20T05:36",
    ),
    ("He spoke this morning.", "2013-03-22", "this morning", "TIME", "2013-03-22TMO"),
    ("The vote closes at 3 p.m.", "2013-03-22", "3 p.m.", "TIME", "2013-03-22T15:00"),
    ("The deal expires at noon Saturday.", ANCHOR, "noon Saturday", "TIME", "2014-02-08T12:00"),
    ("They met Friday evening.", ANCHOR, "Friday evening", "TIME", "2014-02-07TEV"),
    ("It peaked in the early 1990s.", ANCHOR, "the early 1990s", "DATE", "199"),
    ("He waited about three years.", ANCHOR, "about three years", "DURATION", "P3Y"),
    ("She spoke for more than four hours.", ANCHOR, "more than four hours", "DURATION", "PT4H"),
    ("It is due by the end of 1990.", THURSDAY, "the end of 1990", "DATE", "1990"),
    ("The plan was unveiled last week.", THURSDAY, "last week", "DATE", "1989-W42"),
    ("Prices recovered later in the week.", THURSDAY, "the week", "DATE", "1989-W43"),
    ("Earnings fell a year ago.", THURSDAY, "a year ago", "DATE", "1988"),
    (
        "Profit rose in the third quarter, up from $2 a share a year ago.",
        THURSDAY,
        "a year ago",
        "DATE",
        "1988-Q3",
    ),
    # A share of something is no results quarter: "a year ago" stays a year.
    (
        "The army holds three-quarters of the bases. He visited a year ago.",
        THURSDAY,
        "a year ago",
        "DATE",
        "1988",
    ),
    ("Staff left the headquarters a year ago.", THURSDAY, "a year ago", "DATE", "1988"),
    ("He was born in nineteen ninety-six.", THURSDAY, "nineteen ninety-six", "DATE", "1996"),
    (
        "Results for the year-ago quarter were weak.",
        THURSDAY,
        "the year-ago quarter",
        "DATE",
        "1988-Q3",
    ),
    ("Shops close on Mondays.", ANCHOR, "Mondays", "SET", "XXXX-WXX-1"),
    ("The group meets twice a week.", ANCHOR, "twice a week", "SET", "P1W"),
    # Days of the month in words, as transcripts write them.
    (
        "It happened on the second of December.",
        ANCHOR,
        "the second of December",
        "DATE",
        "2013-12-02",
    ),
    (
        "Women's Day is this coming Sunday, March eighth.",
        "1998-03-05",
        "Sunday, March eighth",
        "DATE",
        "1998-03-08",
    ),
    ("In March second place went to Leeds.", ANCHOR, "March", "DATE", "2013-03"),
    ("Flights leave three times a day.", ANCHOR, "three times a day", "SET", "P1D"),
    ("It was agreed on November 20.", None, "November 20", "DATE", "XXXX-11-20"),
    ("He left last year.", None, "last year", "DATE", "XXXX"),
    ("He left on Saturday.", None, "Saturday", "DATE", "XXXX-WXX-6"),
    ("He left yesterday.", None, "yesterday", "DATE", "XXXX-XX-XX"),
    # Narrative time: counted from the date the text has just written, else the anchor.
    (
        "He was promoted in May 1995, and the following year he left.",
        ANCHOR,
        "the following year",
        "DATE",
        "1996",
    ),
    (
        "Markets fell in March 2003. By June of that year, they had recovered.",
        "2009-04-27",
        "June of that year",
        "DATE",
        "2003-06",
    ),
    (
        "He joined in 1995 and left in May the following year.",
        ANCHOR,
        "May the following year",
        "DATE",
        "1996-05",
    ),
    ("By June of that year, it was lifted.", "2009-04-27", "June of that year", "DATE", "2009-06"),
    ("He quit in June last year.", "2009-04-27", "June last year", "DATE", "2008-06"),
    # The first month of a range takes the year written after the last one.
    ("Shares fell between January and March 2003.", "2009-04-27", "January", "DATE", "2003-01"),
    ("It ran from November through March 2003.", "2009-04-27", "November", "DATE", "2002-11"),
    ("They met in August and December last year.", "2006-12-20", "August", "DATE", "2005-08"),
    # A range of months around the anchor's month is this year's, whatever the tense.
    ("She lost revenue from July through December.", "2010-10-05", "July", "DATE", "2010-07"),
    ("She lost revenue from July through December.", "2010-10-05", "December", "DATE", "2010-12"),
    (
        "The tremor hit at 1653 local time (2153 GMT) on Tuesday.",
        "2010-01-14",
        "1653 local time",
        "TIME",
        "2010-01-12T16:53",
    ),
    (
        "The tremor hit at 1653 local time (2153 GMT) on Tuesday.",
        "2010-01-14",
        "2153 GMT",
        "TIME",
        "2010-01-12T21:53",
    ),
    ("Aired January 25, 2011 - 16:00:00 ET", None, "16:00:00 ET", "TIME", "2011-01-25T16:00"),
    ("They lose money with each passing day.", ANCHOR, "each passing day", "SET", "P1D"),
    ("Protests go on every Tuesday and Friday.", ANCHOR, "Friday", "SET", "XXXX-WXX-5"),
    ("The show is produced weekly throughout the year.", ANCHOR, "weekly", "SET", "P1W"),
    ("The show opened 2018.04.05 in Seoul.", ANCHOR, "2018.04.05", "DATE", "2018-04-05"),
    ("No action is due until at least 2021.", "2019-11-18", "at least 2021", "DATE", "2021"),
    ("Eat every 2-3 hours.", ANCHOR, "every 2-3 hours", "SET", "PT2H"),
    (
        "Come November 19, those who paid got a box.",
        "2019-11-18",
        "November 19",
        "DATE",
        "2019-11-19",
    ),
    ("The console's release day is Tuesday.", "2019-11-18", "Tuesday", "DATE", "2019-11-19"),
    (
        "Sales rose in June 2005 from a quarter earlier.",
        ANCHOR,
        "a quarter earlier",
        "DATE",
        "2005-Q1",
    ),
    (
        "The exercise ends on November 20 this year.",
        "2005-11-12",
        "November 20 this year",
        "DATE",
        "2005-11-20",
    ),
    (
        "He complained on 21 June last year.",
        "2006-11-22",
        "21 June last year",
        "DATE",
        "2005-06-21",
    ),
    (
        "They want a deal before the fiscal year ends Sept. 30.",
        "2020-09-24",
        "Sept. 30",
        "DATE",
        "2020-09-30",
    ),
    (
        "It happened in the spring of last year.",
        "2023-11-09",
        "the spring of last year",
        "DATE",
        "2022-SP",
    ),
    # ", but" ends the clause whose tense a day takes.
    (
        "He promised they would win, but Tuesday's vote showed otherwise.",
        "2023-11-09",
        "Tuesday",
        "DATE",
        "2023-11-07",
    ),
    ("The cold snap should peak Wednesday.", "2023-11-07", "Wednesday", "DATE", "2023-11-08"),
    ("The election is 2\u00bd months away.", ANCHOR, "2\u00bd months", "DURATION", "P2M15D"),
    ("It was made on Dec. 18, a day before the vote.", ANCHOR, "a day", "DURATION", "P1D"),
    ("2015 was a year of big changes.", ANCHOR, "a year", "DURATION", "P1Y"),
    ("It leaked 5,000 barrels, or 210,000 gallons, a day of oil.", ANCHOR, "a day", "SET", "P1D"),
    (
        "The army cleared barricades this weekend.",
        "2019-11-18",
        "this weekend",
        "DATE",
        "2019-W46-WE",
    ),
    ("The Gophers play Saturday at Iowa.", "2019-11-19", "Saturday", "DATE", "2019-11-23"),
    ("I would love to one day buy a house.", ANCHOR, "one day", "DATE", "FUTURE_REF"),
    ("They cut the wait to one day.", ANCHOR, "one day", "DURATION", "P1D"),
    ("There was a hurricane headwind in Q3.", "2019-11-19", "Q3", "DATE", "2019-Q3"),
    ("Shipments should pick up in late Q1.", "2019-11-19", "late Q1", "DATE", "2020-Q1"),
    ("In Q1'20 revenue fell.", "2019-11-19", "Q1'20", "DATE", "2020-Q1"),
    ("The shop is open seven days a week.", ANCHOR, "seven days a week", "SET", "P1W"),
    ("The center watches 24 hours a day.", ANCHOR, "24 hours a day", "SET", "P1D"),
    ("Profit rose in the September quarter.", "2019-11-19", "September quarter", "DATE", "2019-Q3"),
    # A day after one ahead of the anchor in its sentence, its tense open, comes after it.
    (
        "The tour opens June 9, 2020 in Dallas and concludes in Houston on Oct. 10.",
        "2019-11-19",
        "Oct. 10",
        "DATE",
        "2020-10-10",
    ),
    ("He arrived June 9 and left October 10.", "2019-11-19", "October 10", "DATE", "2019-10-10"),
    ("It fell in the recent past.", ANCHOR, "the recent past", "DATE", "PAST_REF"),
    ("Haiti observed a minute-long silence.", ANCHOR, "minute-long", "DURATION", "PT1M"),
    ("Shares fell 3 percent to a year low.", ANCHOR, "a year", "DURATION", "P1Y"),
    ("21:06 (IST) Kohli is out.", "2023-11-02", "21:06", "TIME", "2023-11-02T21:06"),
    ("The well could be sealed by Sunday.", "2010-09-17", "Sunday", "DATE", "2010-09-19"),
    ("It could have been sealed by Sunday.", "2010-09-17", "Sunday", "DATE", "2010-09-12"),
    ("His term ends in September.", "2011-02-01", "September", "DATE", "2011-09"),
    ("We will be more careful in future.", ANCHOR, "future", "DATE", "FUTURE_REF"),
    ("The flu kills 500,000 people annually worldwide.", ANCHOR, "annually", "SET", "P1Y"),
    ("It was the best week of the year so far.", "2019-11-19", "the year", "DATE", "2019"),
    ("Profit rose in the third quarter.", "2019-11-19", "the third quarter", "DATE", "2019-Q3"),
    ("The race runs until this weekend.", "2019-11-18", "this weekend", "DATE", "2019-W47-WE"),
    # "tried to" is an attempt made, no plan ahead.
    ("I tried to enter California on May 16.", "2019-11-18", "May 16", "DATE", "2019-05-16"),
    # "visit" after "the" is a noun, no plan: the clause's tense (none) leaves it past.
    (
        "Now think about what is known of the visit to the clinic on Saturday.",
        "2019-11-18",
        "Saturday",
        "DATE",
        "2019-11-16",
    ),
    (
        "The jets bombed the port at 6:30 a.m. (Thursday) local time.",
        "2011-08-05",
        "6:30 a.m.",
        "TIME",
        "2011-08-04T06:30",
    ),
    (
        "The bomb went off on Friday. The next day, rescuers found more.",
        ANCHOR,
        "The next day",
        "DATE",
        "2014-02-08",
    ),
    ("The next day, rescuers found more.", "1998-08-10", "The next day", "DATE", "1998-08-11"),
    (
        "The rebels took the town on Aug. 2, 1998; that night they shelled it.",
        ANCHOR,
        "that night",
        "TIME",
        "1998-08-02TNI",
    ),
    (
        "Orders rose in March from a year earlier, after a fall in the previous month.",
        "1997-04-17",
        "the previous month",
        "DATE",
        "1997-02",
    ),
    ("Crime fell in recent years.", ANCHOR, "recent years", "DURATION", "PXY"),
    ("In 2003 troops invaded Iraq.", ANCHOR, "2003", "DATE", "2003"),
    ("The 2020 elections were close.", ANCHOR, "2020", "DATE", "2020"),
    ("Emissions fell below 1990 levels.", ANCHOR, "1990", "DATE", "1990"),
    (
        "Profit came after several quarters of losses.",
        ANCHOR,
        "several quarters",
        "DURATION",
        "PXQ",
    ),
    ("Prices fell in recent decades.", ANCHOR, "recent decades", "DURATION", "PXE"),
    # "later" before a weekday is a part of that day, not a tense.
    (
        "Officials said later Monday that talks failed.",
        "2010-07-27",
        "later Monday",
        "DATE",
        "2010-07-26",
    ),
    ("It pumps 28,000 barrels of oil a day.", ANCHOR, "a day", "SET", "P1D"),
    ("Results are due on Tuesday.", "2010-07-26", "Tuesday", "DATE", "2010-07-27"),
    # A present-tense verb of a timetable before a weekday tells a plan.
    ("He and Arafat meet separately Monday.", "1998-05-01", "Monday", "DATE", "1998-05-04"),
    ("Iraq goes to the polls on Thursday.", "1998-05-01", "Thursday", "DATE", "1998-05-07"),
    ("Iraq went to the polls on Thursday.", "1998-05-01", "Thursday", "DATE", "1998-04-30"),
    # A date a plan is fixed for lies ahead, unless the plan is told as past.
    ("The vote is scheduled for Dec. 12.", "2024-03-13", "Dec. 12", "DATE", "2024-12-12"),
    ("The law takes effect in January.", "2024-03-13", "January", "DATE", "2025-01"),
    ("The vote was scheduled for Dec. 12.", "2024-03-13", "Dec. 12", "DATE", "2023-12-12"),
    ("It hit the record high set on Aug. 6.", "1998-08-20", "Aug. 6", "DATE", "1998-08-06"),
    # "in the day", "during the morning": the day the story is at.
    ("Results are due later in the day.", ANCHOR, "the day", "DATE", "2014-02-08"),
    ("Shares fell in the afternoon.", ANCHOR, "the afternoon", "TIME", "2014-02-08TAF"),
    (
        "The rebels took the town on Aug. 2, 1998, during the morning.",
        ANCHOR,
        "the morning",
        "TIME",
        "1998-08-02TMO",
    ),
    ("He said over the weekend that he would stay.", ANCHOR, "the weekend", "DATE", "2014-W06-WE"),
    (
        "Tibet was annexed in 1951. Eight years earlier, the war began.",
        ANCHOR,
        "Eight years earlier",
        "DATE",
        "1943",
    ),
    ("Prices were 3 percent higher than a year earlier.", ANCHOR, "a year earlier", "DATE", "2013"),
    ("She won the final in 44.88 seconds.", ANCHOR, "44.88 seconds", "DURATION", "PT44.88S"),
    (
        "It happened in 1951. The report came out. Then, a year earlier, nothing.",
        ANCHOR,
        "a year earlier",
        "DATE",
        "2013",
    ),
    # "N units later" is a span of time (TimeML); "later" is not part of it.
    ("He fled into exile eight years later.", ANCHOR, "eight years", "DURATION", "P8Y"),
    # Ranges of months share a year.
    ("Output rose in the January-September period.", "2005-11-28", "January", "DATE", "2005-01"),
    ("Sales fell from March to May.", "2005-11-28", "May", "DATE", "2005-05"),
    ("The show will run from November to February.", "2005-11-28", "February", "DATE", "2006-02"),
    (
        "The dividend is payable Dec. 7 to holders of record.",
        "1989-11-02",
        "Dec. 7",
        "DATE",
        "1989-12-07",
    ),
    # "the year" is a span unless it frames a date.
    ("Profit grew 5 percent in the year.", ANCHOR, "the year", "DURATION", "P1Y"),
    ("It is due by the end of the year.", ANCHOR, "the end of the year", "DATE", "2014"),
    # Named days: fixed, the n-th weekday of a month, counted from Easter.
    ("Stores closed on Labor Day.", "2013-03-22", "Labor Day", "DATE", "2012-09-03"),
    ("Stores will close on Labor Day.", "2013-03-22", "Labor Day", "DATE", "2013-09-02"),
    ("They marched on Memorial Day 2012.", ANCHOR, "Memorial Day 2012", "DATE", "2012-05-28"),
    ("He spoke on St. Patrick's Day.", "2013-03-22", "St. Patrick's Day", "DATE", "2013-03-17"),
    ("On Election Day, voters went.", "2013-03-22", "Election Day", "DATE", "2012-11-06"),
    ("It fell on Ash Wednesday.", "2013-03-22", "Ash Wednesday", "DATE", "2013-02-13"),
    ("Flags flew on Veterans Day.", ANCHOR, "Veterans Day", "DATE", "2013-11-11"),
    ("Crowds gathered on Bonfire Night.", ANCHOR, "Bonfire Night", "DATE", "2013-11-05"),
    # A clock time, its day and a part of day after it are one time.
    (
        "The game started at 8:00 Friday night.",
        ANCHOR,
        "8:00 Friday night",
        "TIME",
        "2014-02-07T20:00",
    ),
    (
        "It hit at 5:30 Thursday afternoon.",
        ANCHOR,
        "5:30 Thursday afternoon",
        "TIME",
        "2014-02-06T17:30",
    ),
    (
        "They met at 10 p.m. Tuesday night.",
        ANCHOR,
        "10 p.m. Tuesday night",
        "TIME",
        "2014-02-04T22:00",
    ),
    (
        "The alarm rang at 6:15 Monday morning.",
        ANCHOR,
        "6:15 Monday morning",
        "TIME",
        "2014-02-03T06:15",
    ),
    # A weekday with a plural part of day recurs.
    ("He works Friday nights at the bar.", ANCHOR, "Friday nights", "SET", "XXXX-WXX-5TNI"),
    # Spans named by one unit.
    ("A week-long strike ended.", ANCHOR, "week-long", "DURATION", "P1W"),
    ("The decade-long war ended.", ANCHOR, "decade-long", "DURATION", "P10Y"),
    ("Talks go on over the next fortnight.", ANCHOR, "the next fortnight", "DURATION", "P2W"),
    ("I saw him the other day.", ANCHOR, "the other day", "DATE", "PAST_REF"),
    ("The storm hit overnight Thursday.", ANCHOR, "overnight Thursday", "TIME", "2014-02-06TNI"),
    ("Troops moved in overnight.", ANCHOR, "overnight", "TIME", "2014-02-07TNI"),
    ("The team will work overnight.", ANCHOR, "overnight", "TIME", "2014-02-08TNI"),
    ("He is flying to Paris on Friday.", ANCHOR, "Friday", "DATE", "2014-02-14"),
    ("The oil could reach the coast by Monday.", ANCHOR, "Monday", "DATE", "2014-02-10"),
    ("On Thursday, I could smell the oil.", ANCHOR, "Thursday", "DATE", "2014-02-06"),
    ("The talks may resume on Friday.", ANCHOR, "Friday", "DATE", "2014-02-14"),
    (
        "He is receiving more tests over the weekend.",
        THURSDAY,
        "the weekend",
        "DATE",
        "1989-W43-WE",
    ),
    ("The panel is meeting Thursday in Boise.", "2010-07-27", "Thursday", "DATE", "2010-07-29"),
    ("A peak is likely, coming from autumn onwards.", "2009-06-30", "autumn", "DATE", "2009-FA"),
    (
        "In late May, under a deal that is working well, they met.",
        "2010-07-04",
        "late May",
        "DATE",
        "2010-05",
    ),
    (
        "Oil is spreading, says an image taken Wednesday night.",
        ANCHOR,
        "Wednesday night",
        "TIME",
        "2014-02-05TNI",
    ),
    ("Plans for Thursday's protests were circulated.", ANCHOR, "Thursday", "DATE", "2014-02-06"),
    (
        "A lease would expire by May 16 if no work was done.",
        "2010-11-09",
        "May 16",
        "DATE",
        "2010-05-16",
    ),
    ("Inflation would have risen in October.", "2010-11-09", "October", "DATE", "2010-10"),
    ("The school remains closed until Sunday.", "2011-10-05", "Sunday", "DATE", "2011-10-09"),
    ("The school was shut until Sunday.", "2011-10-05", "Sunday", "DATE", "2011-10-02"),
    (
        "On Tuesday his brothers, who will sing, defended it.",
        "2011-10-05",
        "Tuesday",
        "DATE",
        "2011-10-04",
    ),
    ("The group says it plans protests Friday.", ANCHOR, "Friday", "DATE", "2014-02-14"),
    ("It will last until March.", "2009-05-06", "March", "DATE", "2010-03"),
    ("The contract ran until March.", "2009-05-06", "March", "DATE", "2009-03"),
    ("It is where the well blew out on April 20.", "2010-10-22", "April 20", "DATE", "2010-04-20"),
    ("Crowds come every December 31.", ANCHOR, "every December 31", "SET", "XXXX-12-31"),
    # A plural unit placed by a word before it is a span of unknown length.
    ("Protests grew in the following days.", ANCHOR, "the following days", "DURATION", "PXD"),
    ("The town grew over the years.", ANCHOR, "the years", "DURATION", "PXY"),
    ("I'd estimate 4-6 months to make it.", ANCHOR, "4-6 months", "DURATION", "P4M"),
    ("Some of them take years to build.", ANCHOR, "years", "DURATION", "PXY"),
    ("The deal could grow over five years.", ANCHOR, "five years", "DURATION", "P5Y"),
    ("Jackson died at home on 25 June.", "2010-02-05", "25 June", "DATE", "2009-06-25"),
    (
        "To stop oil from coming in, crews Tuesday used nets.",
        ANCHOR,
        "Tuesday",
        "DATE",
        "2014-02-04",
    ),
    ("He died within weeks or months of it.", ANCHOR, "weeks or months", "DURATION", "PXW"),
    (
        "The war could go on for weeks, months, or maybe longer.",
        ANCHOR,
        "months",
        "DURATION",
        "PXM",
    ),
    ("He has spent weeks documenting the arsenals.", ANCHOR, "weeks", "DURATION", "PXW"),
    ("Weeks into the airstrikes, Gadhafi holds.", ANCHOR, "Weeks", "DURATION", "PXW"),
    ("Questions may be raised in the debate on Tuesday.", ANCHOR, "Tuesday", "DATE", "2014-02-11"),
    ("The year's best film won.", ANCHOR, "The year", "DATE", "2014"),
    ("It took two-and-a-half years.", ANCHOR, "two-and-a-half years", "DURATION", "P2Y6M"),
    ("A two-and-a-half-year study.", ANCHOR, "two-and-a-half-year", "DURATION", "P2Y6M"),
    ("It followed a 2002-3 civil war.", ANCHOR, "2002-3", "DATE", "2002"),
    ("The 2005/6 budget passed.", ANCHOR, "2005/6", "DATE", "2005"),
    ("It came, coming a year before the flu.", ANCHOR, "a year", "DURATION", "P1Y"),
    ("It was apt, coming before the flu in March.", "2009-06-09", "March", "DATE", "2009-03"),
    ("He slept in the hours before his death.", ANCHOR, "the hours", "DURATION", "PTXH"),
    ("Prices may fall in the weeks ahead.", ANCHOR, "the weeks ahead", "DURATION", "PXW"),
    ("Markets are quiet in the week ahead.", ANCHOR, "the week ahead", "DURATION", "P1W"),
    ("Costs rose over the years 2007 to 2014.", ANCHOR, "2007", "DATE", "2007"),
    ("It changed over the past decades.", ANCHOR, "the past decades", "DURATION", "PXE"),
    ("As in previous years, China objected.", ANCHOR, "previous years", "DURATION", "PXY"),
    # A weekday with a day of the month names the month where the two meet.
    ("He left on Tuesday the 18th.", "2002-07-12", "Tuesday the 18th", "DATE", "2002-06-18"),
    ("They met on Friday 31st.", "2002-07-12", "Friday 31st", "DATE", "2002-05-31"),
    ("It gets fixed between now and Monday.", ANCHOR, "Monday", "DATE", "2014-02-10"),
    ("Prices rose between now and March.", ANCHOR, "March", "DATE", "2014-03"),
    ("Talks go on between now and the weekend.", THURSDAY, "the weekend", "DATE", "1989-W43-WE"),
    ("Last updated 16:59 UK time.", ANCHOR, "16:59 UK time", "TIME", "2014-02-08T16:59"),
    ("Talks began at 10:00 Moscow time.", ANCHOR, "10:00 Moscow time", "TIME", "2014-02-08T10:00"),
    # "the day after", said alone, counts from the story's reference time.
    (
        "Mary left on Thursday and John arrived the day after.",
        ANCHOR,
        "the day after",
        "DATE",
        "2014-02-07",
    ),
    ("In 1998 he won; he lost the year after.", ANCHOR, "the year after", "DATE", "1999"),
    # A day something is put off to lies ahead, whatever the tense.
    ("The talks were adjourned until Monday.", ANCHOR, "Monday", "DATE", "2014-02-10"),
    ("The vote was extended until Friday.", "2010-04-21", "Friday", "DATE", "2010-04-23"),
    ("It will stay calm through the weekend.", "2010-04-21", "the weekend", "DATE", "2010-W16-WE"),
    ("The strike lasted until Monday.", "2010-04-21", "Monday", "DATE", "2010-04-19"),
    ("It came before an adjournment until Monday.", "2010-04-21", "Monday", "DATE", "2010-04-19"),
    # A future verb over a day a few weeks back is about that day.
    ("It would investigate violence on Feb. 15.", "2011-03-03", "Feb. 15", "DATE", "2011-02-15"),
    ("The vote is scheduled for Feb. 15.", "2011-03-03", "Feb. 15", "DATE", "2012-02-15"),
    ("There are four flights a week.", ANCHOR, "a week", "SET", "P1W"),
    ("He will stay for another year.", ANCHOR, "another year", "DURATION", "P1Y"),
    ("He will stay another two years.", ANCHOR, "another two years", "DURATION", "P2Y"),
    ("It rained for two entire days.", ANCHOR, "two entire days", "DURATION", "P2D"),
    (
        "She arrived at eleven in the morning.",
        ANCHOR,
        "eleven in the morning",
        "TIME",
        "2014-02-08T11:00",
    ),
    ("Shots rang out at 10 at night.", ANCHOR, "10 at night", "TIME", "2014-02-08T22:00"),
    # A year by its last two digits after a word that takes a year.
    ("The class of '88 met again.", ANCHOR, "'88", "DATE", "1988"),
    ("Since \u201905 the firm grew.", ANCHOR, "\u201905", "DATE", "2005"),
    ("It was the summer of '69.", ANCHOR, "the summer of '69", "DATE", "1969-SU"),
    # "last" as a verb stays outside the span.
    ("The hearing is expected to last several days.", ANCHOR, "several days", "DURATION", "PXD"),
    ("The repairs will last two weeks.", ANCHOR, "two weeks", "DURATION", "P2W"),
    ("Sales fell in the last two weeks.", ANCHOR, "the last two weeks", "DURATION", "P2W"),
    ("Perhaps one day we will sail there.", ANCHOR, "one day", "DATE", "FUTURE_REF"),
    # A day next to the report that a process ran into; a day whose event was called off.
    ("The shelling went on into Thursday.", "2011-03-23", "Thursday", "DATE", "2011-03-24"),
    ("The protest spilled over into Monday.", "2011-03-23", "Monday", "DATE", "2011-03-21"),
    ("The club postponed Sunday's match.", "2009-05-14", "Sunday", "DATE", "2009-05-17"),
    (
        "Visitors landing after 4am on Saturday must quarantine.",
        "2020-10-01",
        "4am on Saturday",
        "TIME",
        "2020-10-03T04:00",
    ),
    # A day of a range whose month is written beside the other day.
    ("The fair runs from 11 to 15 August.", "2010-07-15", "11", "DATE", "2010-08-11"),
    ("Polls were taken between 3rd and 6th June.", "2010-07-15", "3rd", "DATE", "2010-06-03"),
    (
        "The poll ran between June 3 and 6, its authors said.",
        "2010-07-15",
        "6",
        "DATE",
        "2010-06-06",
    ),
    (
        "Output dipped compared with the week prior.",
        "2020-10-01",
        "the week prior",
        "DATE",
        "2020-W39",
    ),
    ("Voters in this election year are tired.", "2020-10-05", "this election year", "DATE", "2020"),
    ("The shares fell on a day when the index rose.", "2010-05-05", "a day", "DATE", "2010-05-05"),
]

MODS = [
    ("He waited about three years.", "about three years", "APPROX"),
    ("He faces a maximum of 10 years in prison.", "a maximum of 10 years", "EQUAL_OR_LESS"),
    ("Prices rose by end-June.", "end-June", "END"),
    ("Over a decade before Martin wrote it, the book was out.", "Over a decade", "MORE_THAN"),
    ("Oil leaked over nine months after a blow-out.", "nine months", None),
    ("It was polled over eight months before and after the spill.", "eight months", None),
    ("She spoke for more than four hours.", "more than four hours", "MORE_THAN"),
    ("It peaked in the early 1990s.", "the early 1990s", "START"),
    ("It is due by the end of 1990.", "the end of 1990", "END"),
    ("The flat was built in mid-1996.", "mid-1996", "MID"),
    ("It lasted less than a week.", "less than a week", "LESS_THAN"),
    ("It lasted a decade or so.", "a decade or so", "APPROX"),
    ("He served more than a decade ago.", "more than a decade ago", "BEFORE"),
    ("He left less than a year ago.", "less than a year ago", "AFTER"),
    ("It began a decade or so ago.", "a decade or so ago", "APPROX"),
    ("It lasted for over a month.", "over a month", "MORE_THAN"),
    ("That is 4,000 fewer than the week before.", "the week before", None),
    ("The school stays shut until at least Sunday.", "at least Sunday", "ON_OR_AFTER"),
    ("The cap stays shut for at least another day.", "at least another day", "EQUAL_OR_MORE"),
    ("It ends more than a year from now.", "more than a year from now", "AFTER"),
    ("The spirit rests for three-plus years in casks.", "three-plus years", "MORE_THAN"),
    ("She brings 20+ years of practice.", "20+ years", "MORE_THAN"),
    ("The town was taken twice in less than a month.", "less than a month", "LESS_THAN"),
]

# Text with no time expression at all (names, ages, numbers, verbs).
NOTHING = [
    "Liu was quoted by the People's Daily as saying so.",
    "They put up a Christmas tree.",
    "This is within the terms of UNSCR 1973.",
    "Demand was 80 times greater than the day before he died.",
    "He told The Daily Telegraph and the New York Daily News.",
    "The bank raised its overnight interest rates.",
    "The band played on Saturday Sessions.",
    "He watched Monday Night Football with friends.",
    "Life was hard in the days of the empire.",
    # Counts, prices and product names are no years.
    "The town had 1850 inhabitants.",
    "The petition collected 2000 signatures.",
    "The price was EUR 2000.",
    "The office still ran Windows 2000.",
    # A share is no span of quarters.
    "Three quarters of the budget went to defence.",
    # Weekdays, months and holidays inside names.
    "He wrote for The Sunday Times.",
    "He told the Mail on Sunday.",
    "Bloody Sunday is remembered.",
    "Super Tuesday results came in.",
    "The group Black September struck.",
    "The Good Friday Agreement holds.",
    "The plane landed on Easter Island.",
    "In the day's other match, Leeds won.",
    "Fewer people come by the day.",
    "He writes for USA Today.",
    "The Labour Party met on the other side of town.",
    "She sang 'Room 12' then.",
    "Scores of '12' and '14' were read out.",
    "He spoke on the other day of the festival.",
    "It was agreed following months of talks.",
    "A second, more serious, wave hit the coast.",
    "Iraq was ready. Now, he says, it looks bad.",
    '"Now, we wait," she said.',
    "Currently, Avon has 4,000 staff.",
    "The recent collapse of the market hurt.",
    "The bank raised its rate by another one quarter percentage point.",
    "He told BBC Radio 4's Today programme.",
    "The loop current moved west.",
    "The Winter Olympics opened in Sochi.",
    "He is 24 years old.",
    "The 24-year-old was arrested.",
    "Prices may fall further.",
    "The company has 1990 employees.",
    "He watched One-Minute World News.",
    "Flight 1945 landed safely.",
    "The bakery at 1800 Harbor Ave. sells rye bread.",
    "The march ended outside 1945 Market Street in the rain.",
    "Stocks began to fall apart.",
    "It was one of the most difficult challenges.",
    "The shelling had killed between 1000 and 2000 civilians.",
    "The nurse gave the drug between 1040 and 1050, the detective said.",
    "Losses rose to 1049 under the new commander.",
    "The war cost the lives of 1800 Americans, the paper said.",
    "The raid killed 2000 Iraqis and wounded more.",
    "The leak left 1000s dead in the town.",
    "1743 Aid flights resumed. 1751 The airport reopened.\n2044 A charity says it raised $5m.",
    "The radio show Democracy Now covered the spill.",
    "Use the past tense of the verb here.",
    "The mayor played Father Christmas for the children.",
    "Back in the day, we walked to school.",
    "She swears by the 80 Day Challenge programme.",
    "Fintechs such as Chime and Current offer it.",
    "Forecasters expect the winter-like weather to return.",
    "He argued as recently as that that it was smart.",
    "The suspect, of 1907 Maple Drive, was released.",
    "Turkey qualified for Euro 2020 in Paris.",
    "The Audi Q3 is a small car.",
    "He was named COACH OF THE YEAR.",
    "Down at halftime, the visitors scored three times in the third quarter.",
    "It runs the Future Strategists Hub in Berlin.",
    "Version 2018.04.05.1 of the tool failed.",
    # "soon" beside a past verb or before "after": shortly after a past event.
    "The crowd soon turned quiet.",
    "The two men were soon freed.",
    "The firm stopped the flow soon after the blast.",
    "The senator spoke to Fox News Sunday about the bill.",
    "Men aged 50 to 70 years were invited.",
    "The trial enrolled women age 65 years and older.",
]


def _find(text: str, anchor: str | None, span: str) -> tuple[str, str, str | None]:
    found = {t.text: (t.type, t.value, t.mod) for t in tag(text, anchor)}
    assert span in found, f"{span!r} not tagged in {text!r}: {sorted(found)}"
    return found[span]


@pytest.mark.parametrize(("text", "anchor", "span", "kind", "value"), CASES)
def test_tag_case(text: str, anchor: str | None, span: str, kind: str, value: str) -> None:
    assert _find(text, anchor, span)[:2] == (kind, value)


@pytest.mark.parametrize(("text", "span", "mod"), MODS)
def test_modifiers(text: str, span: str, mod: str | None) -> None:
    assert _find(text, ANCHOR, span)[2] == mod


@pytest.mark.parametrize("text", NOTHING)
def test_no_time_expression(text: str) -> None:
    assert tag(text, ANCHOR) == ()


def test_a_local_clock_time_after_another_is_no_year() -> None:
    text = "Shots rang out. (Posted 9:05 a.m. (1605 in Cairo)) Troops moved in."
    assert [t.text for t in tag(text, ANCHOR)] == ["9:05 a.m."]


@pytest.mark.parametrize(
    ("text", "tense_aware", "value"),
    [
        ("He will meet them on Friday.", True, "2014-02-14"),
        ("He will meet them on Friday.", False, "2014-02-07"),
        ("He met them on Friday.", True, "2014-02-07"),
        ("The talks on Friday ended without a deal.", True, "2014-02-07"),
        # "since" looks back, whatever the main clause does next.
        ("Unseen since he underwent surgery on Friday, he will speak.", True, "2014-02-07"),
        # An infinitive is not a past form ("to set up"), whatever its spelling.
        ("The firm plans to set up a plant in Ohio on Friday.", True, "2014-02-14"),
        ("Troops attacked as previously planned on Friday.", True, "2014-02-07"),
        # An "-ed" word that describes a noun is no past verb.
        ("It will redeem its Series H preferred shares on Friday.", True, "2014-02-14"),
        ("He will meet the so-called rebels on Friday.", True, "2014-02-14"),
    ],
)
def test_tense_decides_direction(text: str, tense_aware: bool, value: str) -> None:
    (timex,) = tag(text, ANCHOR, tense_aware=tense_aware)
    assert timex.value == value


@pytest.mark.parametrize(
    "text",
    [
        "It happened on 31 February 2005.",
        "The year 99999 will come.",
        "This is the 13th month.",
        "Meet at 25:61 GMT.",
        "On 00/00/0000 nothing.",
        "It was 2005-13-45.",
    ],
)
def test_bad_dates_never_give_invalid_values(text: str) -> None:
    for timex in tag(text, ANCHOR):
        assert not timex.value.startswith(("2005-02-31", "99999", "2005-13"))


@pytest.mark.parametrize("anchor", ["not a date", "2014-02-30", "", "0000-01-01"])
def test_bad_anchor_means_unanchored(anchor: str) -> None:
    (timex,) = tag("He left yesterday.", anchor)
    assert timex.value == "XXXX-XX-XX"


def test_datetime_anchor_is_accepted() -> None:
    (timex,) = tag("He left yesterday.", "2014-02-08T10:30:00+00:00")
    assert timex.value == "2014-02-07"


def test_offsets_point_into_the_text() -> None:
    text = "On Saturday, Putin agreed to visit in the autumn; talks ran 18 months."
    for timex in tag(text, ANCHOR):
        assert text[timex.start : timex.end] == timex.text
