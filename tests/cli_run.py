"""Running the command line as a user would, and counting what the store holds (shared by the CLI tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fazhi.store import open_store

HANG_GUARD = 180  # seconds: a command that runs longer has hung (the pipeline takes about a second a report)


def fazhi(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``fazhi ARGS`` in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "fazhi.cli", *args], capture_output=True, text=True, timeout=HANG_GUARD
    )


def quads(store_dir: Path) -> int:
    """Quads in the store at ``store_dir``."""
    store = open_store(str(store_dir))
    try:
        return store.count()
    finally:
        store.close()
