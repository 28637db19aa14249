"""Giving memory back: after a big table is read or big arrays are dropped, the allocators keep the freed pages
for later use, and the process's resident size (what a machine with little memory runs out of) stays at its peak.
Objects in reference cycles (pandas frames often are) are not freed at all until the collector's oldest
generation runs, which at a few hundred thousand objects can be long after they were dropped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def release() -> bool:
    """Return freed memory to the system: unreachable cycles collected, then Arrow's pool's unused pages and (with
    glibc) the C heap's free pages. Changes nothing the program sees; True when the C heap could be trimmed."""
    gc.collect()
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except Exception:  # noqa: BLE001 - only an optimisation
        pass
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
