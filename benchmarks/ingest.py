"""End-to-end ingest benchmark: documents/s and peak memory on a WARC.gz of >= 200 MB.

The WARC is built at run time (never stored in the project) by repeating the pages of
``../shared/data/extraction`` under new URLs, each copy made unique by a comment so every
record is a new document.  ``storyline ingest`` then runs as a separate process, once with
one worker and once with two, into a fresh SQLite file.

Usage::

    .venv/bin/python benchmarks/ingest.py [--min-mb 200] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction" / "html"
OUT = ROOT / "benchmarks" / "out"


def build_warc(target: Path, min_bytes: int) -> int:
    """Write a WARC.gz of at least ``min_bytes`` from the benchmark pages; return records."""
    pages = sorted(DATA.glob("*.html.gz"))
    bodies = [gzip.decompress(p.read_bytes()) for p in pages]
    records = 0
    with target.open("wb") as raw:
        writer = WARCWriter(raw, gzip=True)
        copy = 0
        while raw.tell() < min_bytes:
            for page, body in zip(pages, bodies, strict=True):
                url = f"https://bench.example/{copy}/{page.name.split('.')[0]}"
                payload = body + f"\n<!-- copy {copy} -->\n".encode()
                headers = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/html; charset=utf-8")],
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=headers
                )
                writer.write_record(record)
                record.raw_stream.close()  # warcio spools the payload to a temp file
                records += 1
            copy += 1
    return records


def run_ingest(warc: Path, workers: int) -> dict[str, float]:
    """Ingest ``warc`` into a fresh store in a child process; return timings and memory."""
    db = OUT / f"ingest-bench-{workers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "storyline", "ingest", str(warc), "--db", str(db)]
    cmd += ["--workers", str(workers), "--json", "--quiet"]
    start = time.perf_counter()
    log = OUT / f"ingest-bench-{workers}.out"
    with log.open("w") as stdout:
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
        # wait4 gives this child's own resource usage (its worker processes included).
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"ingest failed with status {status}")
    report = json.loads(log.read_text().splitlines()[-1])
    peak_mb = usage.ru_maxrss / 1024
    return {
        "workers": workers,
        "documents": report["documents"],
        "seconds": seconds,
        "docs_per_s": report["documents"] / seconds,
        "peak_rss_mb": peak_mb,
    }


def main() -> None:
    """Build the WARC if needed, run the ingests and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-mb", type=int, default=200, help="size of the WARC.gz to build")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not DATA.exists():
        raise SystemExit(f"{DATA} is absent: put the shared data beside the project root")
    OUT.mkdir(parents=True, exist_ok=True)
    warc = OUT / f"ingest-bench-{args.min_mb}mb.warc.gz"
    if not warc.exists():
        records = build_warc(warc, args.min_mb * 2**20)
        print(f"built {warc.name}: {records} records, {warc.stat().st_size / 2**20:.0f} MB")
    print(f"{'workers':>7} {'documents':>9} {'seconds':>8} {'docs/s':>8} {'peak RSS MB':>11}")
    for workers in args.workers:
        row = run_ingest(warc, workers)
        print(
            f"{row['workers']:>7} {row['documents']:>9.0f} {row['seconds']:>8.1f} "
            f"{row['docs_per_s']:>8.1f} {row['peak_rss_mb']:>11.0f}"
        )


if __name__ == "__main__":
    main()
