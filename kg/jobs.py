"""How many worker processes a build uses when ``--jobs`` is not given."""

from __future__ import annotations

import os
from pathlib import Path

# Default number of worker processes: the usable cores, but never more than this, nor more
# than the memory available allows at WORKER_MEMORY each (every worker holds the model).
MAX_DEFAULT_JOBS = 8
WORKER_MEMORY = 1 << 30  # bytes: a worker's peak with en_core_web_sm is about 0.5 GiB


def default_jobs() -> int:
    """Worker processes for ``kg build`` when ``--jobs`` is not given: the cores this process
    may run on, at most :data:`MAX_DEFAULT_JOBS`, and no more than the available memory
    holds, so a large machine is not oversubscribed with copies of the model."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    jobs = min(cores, MAX_DEFAULT_JOBS)
    available = _available_memory()
    if available is not None:
        jobs = min(jobs, available // WORKER_MEMORY)
    return max(1, jobs)


def _available_memory() -> int | None:
    """MemAvailable of /proc/meminfo in bytes (None where there is none)."""
    try:
        with Path("/proc/meminfo").open(encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None
