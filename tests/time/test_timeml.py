"""TimeML annotation: tags added inside TEXT, nothing else changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from storyline.errors import SourceError
from storyline.time import annotate_timeml, annotate_timeml_dir
from tests.conftest import shared_path

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2014-02-08" temporalFunction="false" functionInDocument="CREATION_TIME">February 8, 2014</TIMEX3></DCT>
<TITLE>Putin &amp; Abe meet</TITLE>
<TEXT>
The envoy agreed on Saturday to return to Osaka in the autumn, AT&amp;T said &lt;today&gt;.

Trade has grown for 18 months; "the next 20 years" look good.
</TEXT>
</TimeML>
"""  # noqa: E501

_TAG = re.compile(r"<[^>]+>")


def _text(xml: str) -> str:
    return xml[xml.index("<TEXT>") : xml.index("</TEXT>")]


def test_round_trip_keeps_the_text() -> None:
    out = annotate_timeml(DOCUMENT)
    assert _TAG.sub("", _text(out)) == _TAG.sub("", _text(DOCUMENT))
    assert out[: out.index("<TEXT>")] == DOCUMENT[: DOCUMENT.index("<TEXT>")]
    assert out[out.index("</TEXT>") :] == DOCUMENT[DOCUMENT.index("</TEXT>") :]


def test_tags_carry_type_value_and_fresh_ids() -> None:
    out = annotate_timeml(DOCUMENT)
    tags = re.findall(
        r'<TIMEX3 tid="(t\d+)" type="(\w+)" value="([^"]+)"[^>]*>([^<]*)</TIMEX3>', out
    )
    found = {text: (kind, value) for _, kind, value, text in tags}
    assert found["Saturday"] == ("DATE", "2014-02-08")
    assert found["the autumn"] == ("DATE", "2014-FA")
    assert found["today"] == ("DATE", "2014-02-08")
    assert found["18 months"] == ("DURATION", "P18M")
    ids = [tid for tid, *_ in tags]
    assert len(set(ids)) == len(ids) and ids[0] == "t0" and "t1" in ids


def test_entities_are_not_split() -> None:
    out = annotate_timeml(DOCUMENT)
    assert "AT&amp;T" in out and "&lt;<TIMEX3" in out


def test_document_without_text_is_refused() -> None:
    with pytest.raises(ValueError, match="TEXT"):
        annotate_timeml("<TimeML><DCT></DCT></TimeML>")


def test_directory_names_and_count(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.tml.TE3input").write_text(DOCUMENT, encoding="utf-8")
    (source / "b.tml").write_text(DOCUMENT.replace("\n", "\r\n"), encoding="utf-8", newline="")
    (source / "notes.txt").write_text("not timeml", encoding="utf-8")
    (source / "broken.tml").write_text("<TimeML>no text</TimeML>", encoding="utf-8")
    count = annotate_timeml_dir(source, tmp_path / "out")
    assert count == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.tml", "b.tml"]
    crlf = (tmp_path / "out" / "b.tml").read_bytes()
    assert b"\r\n" in crlf and _TAG.sub("", _text(crlf.decode())) == _TAG.sub(
        "", _text(DOCUMENT.replace("\n", "\r\n"))
    )


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        annotate_timeml_dir(tmp_path / "nope", tmp_path / "out")


def test_existing_timex_tags_are_replaced() -> None:
    gold = DOCUMENT.replace(
        "on Saturday", 'on <TIMEX3 tid="t5" type="DATE" value="X">Saturday</TIMEX3>'
    ).replace("Trade has", '<EVENT eid="e1">Trade</EVENT> has')
    out = annotate_timeml(gold)
    assert 'value="X"' not in out and '<EVENT eid="e1">Trade</EVENT>' in out
    assert _TAG.sub("", _text(out)) == _TAG.sub("", _text(DOCUMENT))
    assert '<TIMEX3 tid="t6" type="DATE" value="2014-02-08">Saturday</TIMEX3>' in out


def test_without_dct_values_stay_unresolved() -> None:
    bare = DOCUMENT.replace(DOCUMENT[DOCUMENT.index("<DCT>") : DOCUMENT.index("</DCT>") + 6], "")
    out = annotate_timeml(bare)
    assert 'value="XXXX-WXX-6">Saturday' in out and 'value="P18M">18 months' in out


# One sentence a kind of expression, to check every value against the TimeML schema.
MANY_KINDS = [
    "He spent a weekend, then two weekends, in Osaka, and goes there every weekend.",
    "The talks ran from March to May 2005 and again in the spring of 1998.",
    "Profits rose in the third quarter and in the first half, as in the 1990s.",
    "The race took 2 1/2 hours; the winner ran it in 44.88 seconds at 10:30 p.m. EST.",
    "Two decades ago and a century earlier, twice a year, each Monday and nightly.",
    "Recently, now and in the coming months, the 60-year treaty stood for a decade.",
    "Three weekends ago it rained; on 31 February 2014 nothing happened.",
]


def test_every_value_passes_the_timeml_schema() -> None:
    schema_file = shared_path("data", "tempeval3", "scorer-spec", "tml.xsd")
    schema = etree.XMLSchema(etree.parse(str(schema_file)))
    text = "\n\n".join(MANY_KINDS)
    document = DOCUMENT[: DOCUMENT.index("<TEXT>")] + f"<TEXT>\n{text}\n</TEXT>\n</TimeML>\n"
    out = annotate_timeml(document)
    assert out.count("<TIMEX3") > 20
    parsed = etree.fromstring(out.encode("utf-8"))
    assert schema.validate(parsed), schema.error_log.last_error
