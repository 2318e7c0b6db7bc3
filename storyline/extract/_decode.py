"""Turn a document's raw bytes into text without ever failing on bad bytes.

The order: a byte-order mark; then UTF-8 when the bytes are valid UTF-8; then the charset
the source declared (HTTP header or ``<meta charset>``); then a statistical guess by
charset_normalizer; at last UTF-8 with replacement characters.

Valid UTF-8 comes before a declaration because pages re-saved as UTF-8 keep their old
``<meta charset=iso-8859-1>``, while text in a legacy encoding almost never forms valid
multi-byte UTF-8 sequences by chance; decoding such a page as declared would turn every
accented letter into two wrong ones.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from storyline.model import Document

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers decode these labels as their supersets (WHATWG Encoding Standard), and pages
# labelled latin-1 routinely contain Windows-1252 quotes and dashes.
_SUPERSETS = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)

# A declared charset is looked for in the first bytes only, as browsers do (the HTML
# standard's prescan reads 1024 bytes; pages with long inline scripts in <head> push the
# tag further, so we read a little more).
_PRESCAN_BYTES = 4096

# charset_normalizer is slow on large inputs, so it sees a sample; it is only asked when
# the bytes are not UTF-8 and no declared charset decodes them.  On the 17 non-UTF-8
# pages of the pubdate set, a 64 KiB sample gave the whole file's answer 15 times.
_GUESS_SAMPLE_BYTES = 64 * 1024


def decode_bytes(content: bytes, declared: str | None = None) -> str:
    """Decode ``content`` to text, trying the likeliest encodings first.

    Args:
        content: raw bytes.
        declared: a charset named by the source (HTTP header, WARC record), if any.

    Returns:
        The text; undecodable bytes become U+FFFD rather than an error.
    """
    for bom, bom_encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(bom_encoding, errors="replace")
    wide = _wide_encoding(content, declared)
    if wide is not None:
        return content.decode(wide, errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared, _sniff_meta_charset(content)):
        declared_text = _try_decode(content, label)
        if declared_text is not None:
            return declared_text
    guessed_text = _try_decode(content, _guess_encoding(content))
    if guessed_text is not None:
        return guessed_text
    return content.decode("utf-8", errors="replace")


def decode(document: Document) -> str:
    """Return the text of ``document``: UTF-8 if valid, else its declared charset or a guess.

    Never raises on bad bytes: what cannot be decoded becomes U+FFFD.

    Example::

        text = decode(Document("page.html", 0, b"caf\\xe9", "text/html", charset="latin-1"))
        assert text == "café"
    """
    return decode_bytes(document.content, document.charset)


def _wide_encoding(content: bytes, declared: str | None) -> str | None:
    """UTF-16/32 without a byte-order mark: named by the source, or seen in NUL bytes.

    Such text is valid UTF-8 full of NULs, so it must be caught before UTF-8 is tried.
    """
    name = (declared or "").strip().lower().replace("_", "-")
    if name.startswith(("utf-16", "utf-32")):
        return name if name.endswith(("le", "be")) else f"{name}-le"
    sample = content[:_PRESCAN_BYTES]
    if len(sample) < 16 or sample.count(0) < len(sample) // 4:
        return None
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    # ASCII-range text in UTF-16 has a NUL in every other byte; which half says the order.
    if odd_nuls > len(sample) // 3 and even_nuls < len(sample) // 20:
        return "utf-16-le"
    if even_nuls > len(sample) // 3 and odd_nuls < len(sample) // 20:
        return "utf-16-be"
    return None


def _sniff_meta_charset(content: bytes) -> str | None:
    match = _META_CHARSET.search(content[:_PRESCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def _try_decode(content: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    name = encoding.strip().strip("\"'").lower()
    name = _SUPERSETS.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        logger.debug("unknown charset %r ignored", encoding)
        return None
    if name.replace("_", "-") in {"utf-16", "utf-32"}:
        # A <meta> that claims UTF-16 in a document we could read as ASCII is a lie.
        return None
    try:
        return content.decode(name)
    except UnicodeDecodeError:
        return None


def _guess_encoding(content: bytes) -> str | None:
    best = from_bytes(content[:_GUESS_SAMPLE_BYTES]).best()
    return best.encoding if best is not None else None
