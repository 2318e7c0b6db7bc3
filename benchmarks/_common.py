"""Small helpers shared by the benchmark scripts: data paths, timing, memory, tables."""

from __future__ import annotations

import logging
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

T = TypeVar("T")


def data_dir(name: str) -> Path:
    """Return ``../shared/data/<name>``, or exit with a clear message when it is absent."""
    path = SHARED_DATA / name
    if not path.is_dir():
        raise SystemExit(
            f"benchmark data {path} is absent: put the shared data folder beside the "
            "project root (../shared/data) and run again"
        )
    return path


def quiet_libraries(*names: str) -> None:
    """Silence the log records of third-party libraries (one line per discarded page)."""
    for name in names:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def timed(function: Callable[[], T]) -> tuple[T, float]:
    """Call ``function`` and return its result and the seconds it took."""
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is KiB on Linux and bytes on macOS.
    scale = 1 / 2**20 if sys.platform == "darwin" else 1 / 1024
    return max(own, children) * scale


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Render rows as a Markdown table (floats with 3 decimals, right-aligned numbers)."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value)

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    numeric = [all(_is_number(r[i]) for r in rows) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "| " + " | ".join(parts) + " |"

    rule = (
        "|"
        + "|".join(
            "-" * (w + 1) + (":" if num else "-") for w, num in zip(widths, numeric, strict=True)
        )
        + "|"
    )
    return "\n".join([line(list(headers)), rule, *(line(r) for r in cells)])


def _is_number(value: object) -> bool:
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return False
        return True
    return isinstance(value, int | float) and not isinstance(value, bool)
