"""The soak's samples tell the process's own memory apart from pages of mapped files."""

from __future__ import annotations

import mmap
import re
from pathlib import Path

from tests.reliability.soak_samples import Sample, Verdict, read_sample, report_text


def test_memory_the_process_allocates_counts_as_private_not_as_files() -> None:
    before = read_sample(0.0)
    block = bytearray(64 * 1024 * 1024)
    block[:: mmap.PAGESIZE] = b"x" * len(block[:: mmap.PAGESIZE])  # touch every page
    after = read_sample(1.0)
    assert after.private_mb - before.private_mb > 60
    assert abs(after.files_mb - before.files_mb) < 5
    assert abs(after.private_mb + after.files_mb - after.rss_mb) < 0.02 * after.rss_mb


def test_pages_of_a_mapped_file_count_as_files_not_as_private(tmp_path: Path) -> None:
    path = tmp_path / "font-like.bin"
    path.write_bytes(b"\1" * (32 * 1024 * 1024))
    before = read_sample(0.0)
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        total = sum(data[index] for index in range(0, len(data), mmap.PAGESIZE))
        after = read_sample(1.0)
    assert total == len(range(0, 32 * 1024 * 1024, mmap.PAGESIZE))
    assert after.files_mb - before.files_mb > 30
    assert abs(after.private_mb - before.private_mb) < 5


def test_the_report_gives_the_private_memory_slope_beside_the_resident_one() -> None:
    # Two hours in which only mapped files grow (fonts paged in): resident memory rises
    # 3 MB/hour, the process's own memory stays level, and the report shows both.
    samples = [
        Sample(
            at_s=t,
            rss_mb=200 + 3 * t / 3600,
            threads=8,
            fds=18,
            private_mb=100,
            files_mb=100 + 3 * t / 3600,
        )
        for t in range(0, 7200 + 1, 60)
    ]
    verdict = Verdict(samples, 7200.0).judge()
    text = report_text(verdict, {"visits": 10}, "test")
    private = re.search(r"of which private memory .*slope ([+-][0-9.]+) MB/hour", text)
    assert private is not None and abs(float(private.group(1))) < 0.01
    assert "of which mapped files (libraries, fonts): 100.5..106.0 MB" in text
    assert "memory rises 3.00 MB/hour" in text  # resident memory is still what is judged
