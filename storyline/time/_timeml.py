"""TimeML in and out: annotate TempEval-3 input files with TIMEX3 tags.

The input is a TimeML document whose ``<TEXT>`` holds raw (XML-escaped) text and whose
``<DCT>`` holds the document creation time.  The output is the same document, byte for
byte, with ``<TIMEX3 tid type value [mod]>`` tags added inside ``<TEXT>``: stripping the
tags gives back the input text exactly, as the TempEval-3 scorer demands.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from storyline.errors import SourceError
from storyline.model import Timex
from storyline.time._tagger import tag

logger = logging.getLogger(__name__)

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r"<DCT>(?:(?!</DCT>).)*?\bvalue=\"([^\"]*)\"", re.DOTALL)
_TID = re.compile(r"\btid=\"t(\d+)\"")
# TIMEX3 tags already inside <TEXT> are replaced by the new ones.
_OLD_TIMEX = re.compile(r"</?TIMEX3\b[^>]*>")
_MARKUP = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def decode_with_offsets(raw: str) -> tuple[str, list[int]]:
    """Return the plain text of an XML fragment and, per character, its raw offset.

    Tags are dropped and entities decoded; the offset list has one entry more than the
    text (the raw end), so a text span ``[a, b)`` maps to raw ``[offsets[a], offsets[b])``.
    """
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _MARKUP.finditer(raw):
        for index in range(position, match.start()):
            chars.append(raw[index])
            offsets.append(index)
        token = match.group()
        if token.startswith("&"):
            decoded = html.unescape(token)
            for char in decoded:
                chars.append(char)
                offsets.append(match.start())
        position = match.end()
    for index in range(position, len(raw)):
        chars.append(raw[index])
        offsets.append(index)
    offsets.append(len(raw))
    return "".join(chars), offsets


def _open_tag(tid: int, timex: Timex) -> str:
    mod = f' mod="{timex.mod}"' if timex.mod else ""
    return f'<TIMEX3 tid="t{tid}" type="{timex.type}" value="{timex.value}"{mod}>'


def annotate_timeml(xml_text: str) -> str:
    """Add TIMEX3 tags to the ``<TEXT>`` of a TempEval-3 input document.

    The document creation time (the ``value`` of the TIMEX3 inside ``<DCT>``) anchors
    relative expressions; the DCT itself and everything outside ``<TEXT>`` is left as
    it is, and stripping the added tags gives back the input.  TIMEX3 tags already
    inside ``<TEXT>`` are replaced; other markup there is kept.

    Raises:
        ValueError: when the document has no ``<TEXT>`` element.

    Example:
        >>> doc = '<TimeML><DCT><TIMEX3 tid="t0" value="2013-03-22">x</TIMEX3></DCT>'
        >>> out = annotate_timeml(doc + "<TEXT>He left on Friday.</TEXT></TimeML>")
        >>> out[out.index("<TEXT>") :]
        '<TEXT>He left on <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3>...'
    """
    body = _TEXT.search(xml_text)
    if body is None:
        raise ValueError("not a TimeML document: no <TEXT> element")
    dct = _DCT.search(xml_text)
    anchor = dct.group(1) if dct else None
    raw = _OLD_TIMEX.sub("", body.group(1))
    text, offsets = decode_with_offsets(raw)
    next_tid = max((int(t) for t in _TID.findall(xml_text)), default=0) + 1
    pieces: list[str] = []
    position = 0
    for timex in tag(text, anchor):
        start, end = offsets[timex.start], offsets[timex.end]
        if start < position or "<" in raw[start:end]:
            continue
        pieces += [raw[position:start], _open_tag(next_tid, timex), raw[start:end], "</TIMEX3>"]
        next_tid += 1
        position = end
    pieces.append(raw[position:])
    return xml_text[: body.start(1)] + "".join(pieces) + xml_text[body.end(1) :]


def annotate_timeml_dir(in_dir: Path, out_dir: Path) -> int:
    """Annotate every ``*.tml`` and ``*.TE3input`` file of ``in_dir`` into ``out_dir``.

    Output names drop the ``.TE3input`` suffix (``a.tml.TE3input`` -> ``a.tml``), as the
    TempEval-3 scorer expects.  A file that cannot be read or has no ``<TEXT>`` is
    logged and skipped.

    Returns:
        The number of files written.

    Raises:
        SourceError: when ``in_dir`` is not a folder.

    Example:
        >>> annotate_timeml_dir(Path("te3-input"), Path("te3-output"))  # doctest: +SKIP
        20
    """
    if not in_dir.is_dir():
        raise SourceError(str(in_dir), "not a folder of TimeML files")
    out_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(in_dir.iterdir()):
        if not path.is_file() or not path.name.endswith((".tml", ".TE3input")):
            continue
        try:
            annotated = annotate_timeml(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            logger.warning("%s: skipped: %s", path, error)
            continue
        name = path.name.removesuffix(".TE3input")
        (out_dir / name).write_bytes(annotated.encode("utf-8"))
        count += 1
    return count
