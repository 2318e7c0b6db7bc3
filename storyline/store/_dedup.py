"""Article identity and near-duplicate detection: normalised text, MinHash and LSH bands.

Exact duplicates share an id: the first 16 hex digits of the SHA-256 of the normalised
body (`normalize_text`).  Near duplicates (syndicated copies with another headline, an
agency tag, an extra or a different last sentence) are found with MinHash over word
5-shingles and locality-sensitive hashing: the start of each signature is cut into `BANDS`
bands of `ROWS` values, each stored as one row of ``dedup_bands(band, key, article_id)``,
and articles that share a band with a new one are candidates, confirmed when their
estimated Jaccard similarity reaches `MIN_SIMILARITY`.  Lookups go through SQLite's index
on ``(band, key)``, so memory stays flat however large the archive grows.

The hash parameters are derived from SHA-256 of fixed labels, never from a random
generator whose stream could change between library versions: signatures written today
must match signatures computed by a later release.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sqlite3
import sys
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Signature = npt.NDArray[np.uint32]

SHINGLE_WORDS = 5
"""Words per shingle.  Five is the usual choice for near-duplicate news: short enough that
one edited word spoils only five shingles, long enough that two different reports on the
same topic share almost none (their shared names and stock phrases are shorter)."""

NUM_PERM = 128
"""MinHash permutations.  The standard error of the estimated similarity is
sqrt(J(1-J)/NUM_PERM): 0.033 at J=0.83 with 128, so a copy whose last paragraph was
replaced (J about 0.83) sits four errors above `MIN_SIMILARITY`; 64 permutations would
save about 3% of a put's time but leave under three errors of margin."""

BANDS = 16
ROWS = 4
"""LSH banding over the first ``BANDS * ROWS`` signature values (the rest only sharpen the
similarity estimate).  A pair with similarity s becomes a candidate with probability
1-(1-s**ROWS)**BANDS: 0.988 at s=0.7, 0.9998 at s=0.8, so hardly a pair that could pass
`MIN_SIMILARITY` is missed, while unrelated articles (s near 0) never share a band.
Longer bands (16 x 8) would miss 5% of pairs at s=0.8; 32 bands of 4 would miss almost
none but took the cost of storing and looking up bands from 60 to 105 us of a 600 us put
(measured on 3 KB articles)."""

MIN_SIMILARITY = 0.6
"""Estimated Jaccard similarity of the 5-shingle sets at which two articles are near
duplicates.  Measured on the pairs in ``tests/store/test_dedup.py`` (a 190-word report):
a copy with an agency tag scores 0.98, with an extra sentence 0.94, with its last
paragraph replaced by another line 0.83, with a few words edited throughout 0.81; a report
sharing its first three paragraphs of seven scores 0.30, an independent report on the
same happening 0.0.  At 0.8 the estimate's spread (0.033 at J=0.83) would miss about one
copy with a replaced last line in five.  The example corpus's agency copy of a 210-word
report (a dateline tag added and the last sentence replaced by a licence line) measures
0.76 and was estimated at 0.695, so 0.7 missed it; 0.6 sits two errors below such copies
and still twice the closest non-copy.  Re-run those tests and ``make demo`` after changing
this."""

MAX_FINGERPRINT_BYTES = 256 * 1024
"""Only the first 256 KiB of a normalised body (some 40,000 words) are fingerprinted:
copies of a longer text are alike there too, and time and memory stay bounded (the power
tables of the rolling hash take 16 bytes per byte hashed)."""

MAX_CANDIDATES = 32
"""Candidates compared per new article (those sharing the most bands first), so a group of
thousands of copies costs no more than a handful."""

_LABEL = b"storyline-minhash-v1"
_MODULUS = 2**64
_SHIFT32 = np.uint64(32)
_SPACE = ord(" ")


def _constant(name: bytes) -> int:
    """Return a fixed odd 64-bit integer derived from ``name``."""
    return int.from_bytes(hashlib.sha256(_LABEL + name).digest()[:8], "little") | 1


# The permutations: x -> (a*x + b) mod 2**32 with odd a is a bijection of the 32-bit
# values, so each (a, b) pair is one permutation of the shingle hashes, which are already
# well mixed.  Its weak low bits do not matter, since the minimum is decided by the high
# ones.  The estimates it gives match those of multiply-add-shift hashing in 64 bits (no
# bias, spread as theory says, checked in ``tests/store/test_dedup.py``) at 60% of the cost.
_A = np.array([_constant(b"-a-%d" % i) for i in range(NUM_PERM)], dtype=np.uint64)
_A32 = _A.astype(np.uint32)[:, None]
_B = np.array([_constant(b"-b-%d" % i) for i in range(NUM_PERM)], dtype=np.uint64)
_B32 = (_B >> _SHIFT32).astype(np.uint32)[:, None]
# Base of the polynomial rolling hash of shingle bytes, and its inverse modulo 2**64.
_BASE = _constant(b"-base")
_BASE_INVERSE = pow(_BASE, -1, _MODULUS)
_BAND_MIX = np.uint64(_constant(b"-band"))
# Power tables are cached for text lengths rounded up to a power of two, at least this.
_MIN_TABLE = 4096


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """The MinHash signature of a normalised body and its LSH band keys."""

    signature: Signature
    keys: tuple[int, ...]


_ASCII_PUNCTUATION = {
    code: None for code in range(128) if unicodedata.category(chr(code)).startswith("P")
}


@functools.cache
def _punctuation(astral: bool) -> re.Pattern[str]:
    """Return a pattern for runs of Unicode punctuation (categories P*).

    Two patterns, one for the Basic Multilingual Plane and one beyond it: ``re`` tests a
    class of BMP code points with a bitmap but walks astral ranges one by one, which made
    a single pattern five times slower on ordinary text (measured).
    """
    low, high = (0x10000, sys.maxunicode + 1) if astral else (0, 0x10000)
    ranges: list[list[int]] = []
    for code in range(low, high):
        if unicodedata.category(chr(code)).startswith("P"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    parts = (
        re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "")
        for first, last in ranges
    )
    return re.compile("[" + "".join(parts) + "]+")


def normalize_text(text: str) -> str:
    """Return ``text`` as compared for identity: NFKC, casefolded, no punctuation.

    Punctuation (Unicode categories P*) is deleted and runs of whitespace become one
    space, so copies that differ only in quotes, dashes, case or line breaks normalise to
    the same string.  The result is stable: normalising it again changes nothing.

    Example::

        >>> normalize_text("Putin  ARRIVES in\\nJapan — at last!")
        'putin arrives in japan at last'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        # The same result, six times faster: ASCII text is already composed.
        return " ".join(folded.translate(_ASCII_PUNCTUATION).split())
    return _strip_punctuation(folded)


def _strip_punctuation(folded: str) -> str:
    """Delete punctuation from ``folded`` text, collapse whitespace, compose again."""
    stripped = _punctuation(astral=False).sub("", folded)
    # A string needs UTF-16 surrogates exactly when it holds astral characters: a quick
    # test that spares most texts the slower astral pattern.
    if len(stripped.encode("utf-16-le", "surrogatepass")) != 2 * len(stripped):
        stripped = _punctuation(astral=True).sub("", stripped)
    # Deleting punctuation can bring a base letter next to a combining mark; compose again.
    return unicodedata.normalize("NFKC", " ".join(stripped.split()))


def article_id_of(normalized: str) -> str:
    """Return the article id for a normalised body: 16 hex digits of its SHA-256."""
    return hashlib.sha256(normalized.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@functools.lru_cache(maxsize=4)
def _power_tables(size: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Return ``BASE**j`` and ``BASE**-j`` modulo 2**64 for ``j`` below ``size``."""
    tables = np.empty((2, size), dtype=np.uint64)
    tables[0], tables[1] = _BASE, _BASE_INVERSE
    tables[:, 0] = 1
    np.cumprod(tables, axis=1, dtype=np.uint64, out=tables)
    return tables[0], tables[1]


def _shingle_hashes(normalized: str) -> npt.NDArray[np.uint32]:
    """Return one 32-bit hash per word 5-shingle of ``normalized``.

    Each shingle's UTF-8 bytes get a polynomial hash modulo 2**64, computed for all
    shingles at once from prefix sums instead of word by word in Python (four times
    faster on a 3 KB article).  A text of fewer than five words is one shingle.
    """
    # `normalize_text` leaves words separated by exactly one space; with one more at each
    # end, word i lies between spaces i and i+1, and shingle i between i and i+5.
    text = f" {normalized} ".encode("utf-8", "surrogatepass")
    if len(text) > MAX_FINGERPRINT_BYTES:
        # Cut after a space (never inside a UTF-8 sequence) and keep the closing space.
        cut = text.rfind(b" ", 0, MAX_FINGERPRINT_BYTES)
        text = text[: cut + 1] if cut > 0 else text[:MAX_FINGERPRINT_BYTES] + b" "
    data = np.frombuffer(text, dtype=np.uint8)
    powers, inverse = _power_tables(max(_MIN_TABLE, 1 << len(data).bit_length()))
    prefix = data.astype(np.uint64)
    prefix *= powers[: len(data)]
    np.cumsum(prefix, out=prefix)
    spaces = np.flatnonzero(data == _SPACE)
    if len(spaces) > SHINGLE_WORDS:
        low, high = spaces[:-SHINGLE_WORDS], spaces[SHINGLE_WORDS:]
    else:
        low, high = spaces[:1], spaces[-1:]
    # sum(b[j] * BASE**j for j in (low, high]) * BASE**-low: the shingle's words and the
    # space after them, hashed the same wherever they occur.
    hashes = (prefix[high] - prefix[low]) * inverse[low]
    folded: npt.NDArray[np.uint32] = (hashes ^ (hashes >> _SHIFT32)).astype(np.uint32)
    return folded


def fingerprint_of(normalized: str) -> Fingerprint:
    """Return the MinHash signature (`NUM_PERM` values) and band keys of a body.

    Args:
        normalized: text from `normalize_text`; must not be empty.
    """
    hashed: npt.NDArray[np.uint32] = _A32 * _shingle_hashes(normalized)
    hashed += _B32
    sig: Signature = hashed.min(axis=1)
    return Fingerprint(sig, band_keys(sig))


def similarity(first: Signature, second: Signature) -> float:
    """Return the Jaccard similarity of two shingle sets, estimated from signatures."""
    return float(np.count_nonzero(first == second)) / NUM_PERM


def band_keys(sig: Signature) -> tuple[int, ...]:
    """Return one signed 64-bit key per band of ``sig`` (equal bands give equal keys)."""
    # Each band of four 32-bit values is two 64-bit words, folded into one key.
    words = sig[: BANDS * ROWS].astype("<u4").view("<u8").reshape(BANDS, ROWS // 2)
    mixed = words[:, 0] * _BAND_MIX
    for column in range(1, ROWS // 2):
        mixed = (mixed ^ words[:, column]) * _BAND_MIX
    keys: list[int] = mixed.view("<i8").tolist()
    return tuple(keys)


def encode_signature(sig: Signature) -> bytes:
    """Return ``sig`` as little-endian bytes for storage."""
    return sig.astype("<u4").tobytes()


def decode_signature(blob: bytes) -> Signature:
    """Return the signature stored as ``blob`` by `encode_signature`."""
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


_CANDIDATES_SQL = (
    "SELECT b.article_id, count(*) AS shared, a.minhash"
    " FROM dedup_bands AS b JOIN articles AS a ON a.id = b.article_id"
    " WHERE " + " OR ".join(["(b.band = ? AND b.key = ?)"] * BANDS) + " GROUP BY b.article_id"
    " ORDER BY shared DESC, b.article_id LIMIT ?"
)
# One statement for all bands: a third faster than `executemany` (measured).
_INSERT_BANDS_SQL = "INSERT INTO dedup_bands (band, key, article_id) VALUES " + ", ".join(
    ["(?, ?, ?)"] * BANDS
)


def find_similar(conn: sqlite3.Connection, fingerprint: Fingerprint) -> tuple[str, float] | None:
    """Return the stored article most similar to ``fingerprint`` and its similarity, if any.

    Only articles sharing at least one LSH band are compared (at most `MAX_CANDIDATES`),
    and only a similarity of at least `MIN_SIMILARITY` counts.  Ties go to the article
    sharing more bands, then to the smaller id, so the answer is deterministic.
    """
    params: list[int] = []
    for band, key in enumerate(fingerprint.keys):
        params += (band, key)
    params.append(MAX_CANDIDATES)
    best: tuple[str, float] | None = None
    for article_id, _shared, blob in conn.execute(_CANDIDATES_SQL, params):
        score = similarity(fingerprint.signature, decode_signature(blob))
        if score >= MIN_SIMILARITY and (best is None or score > best[1]):
            best = (str(article_id), score)
    return best


def add_bands(conn: sqlite3.Connection, article_id: str, fingerprint: Fingerprint) -> None:
    """Store the LSH band keys of ``article_id`` (its signature is stored with it)."""
    params: list[int | str] = []
    for band, key in enumerate(fingerprint.keys):
        params += (band, key, article_id)
    conn.execute(_INSERT_BANDS_SQL, params)
