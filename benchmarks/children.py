"""The benchmarks' child processes: wait for one and read what that child alone used (``RUSAGE_CHILDREN`` sums
every child reaped so far)."""

from __future__ import annotations

import os
import subprocess


def wait_with_usage(process: subprocess.Popen):
    """Wait for ``process`` and return its resource usage (``ru_maxrss`` in KiB on Linux, ``ru_utime``,
    ``ru_stime``); its ``returncode`` is set as ``Popen.wait`` sets it."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage
