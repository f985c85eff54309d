"""The long hostile-file run: the hypothesis properties of ``tests/test_reliability_hostile_files.py``
with ``HYPOTHESIS_PROFILE=long`` (400 random, not derandomised, examples per property instead of 40).

Usage: ``.venv/bin/python bench/reliability_fuzz.py [pytest args]``; prints hypothesis' statistics
(examples run, share refused/passed, time per example). A failure is shrunk to a minimal input and
printed by hypothesis; fix it at the root and add it as a regression test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    cmd = [sys.executable, "-m", "pytest", "-p", "no:warnings", "-q", "--hypothesis-show-statistics",
           str(ROOT / "tests" / "test_reliability_hostile_files.py"), *sys.argv[1:]]
    sys.exit(subprocess.call(cmd, cwd=ROOT, env={**os.environ, "HYPOTHESIS_PROFILE": "long"}))
