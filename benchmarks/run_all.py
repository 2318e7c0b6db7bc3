"""Run every benchmark in turn (``make bench``); each prints its own table.

Usage::

    .venv/bin/python benchmarks/run_all.py [NAME ...]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# In pipeline order; a benchmark whose script is absent is reported, not fatal.
BENCHMARKS = [
    "extraction",
    "pubdate",
    "ingest",
    "incremental",
    "timex",
    "pubdate_text",
    "entities",
    "clustering",
    "links",
    "timelines",
    "api",
]


def main() -> int:
    """Run the named benchmarks (all by default); return 1 if any failed."""
    names = sys.argv[1:] or BENCHMARKS
    failed = []
    for name in names:
        script = HERE / f"{name}.py"
        print(f"\n=== {name} ===", flush=True)
        if not script.exists():
            print(f"(no benchmarks/{name}.py)")
            continue
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
