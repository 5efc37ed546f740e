"""The default number of build workers follows the machine without oversubscribing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg import jobs


@pytest.mark.parametrize(
    ("cores", "free_gib", "expected"),
    [
        (2, 20, 2),  # this kind of machine: every core
        (64, 256, jobs.MAX_DEFAULT_JOBS),  # a large machine: capped
        (16, 3, 3),  # little free memory: one worker per GiB
        (4, 0, 1),  # none at all: still one
        (1, None, 1),  # no /proc/meminfo: cores alone
        (6, None, 6),
    ],
)
def test_default_jobs(monkeypatch, cores, free_gib, expected):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cores)), raising=False)
    memory = None if free_gib is None else free_gib * jobs.WORKER_MEMORY
    monkeypatch.setattr(jobs, "_available_memory", lambda: memory)
    assert jobs.default_jobs() == expected


def test_available_memory_is_read_from_this_machine():
    found = jobs._available_memory()
    if not Path("/proc/meminfo").exists():
        assert found is None
    else:
        assert found is not None and 0 < found < 1 << 50
