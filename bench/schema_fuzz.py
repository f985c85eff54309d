"""The longer schemathesis run: ``tests/test_reliability_schema.py`` with many more examples per operation.

    nice -n 10 python bench/schema_fuzz.py --examples 300

Same checks as the CI test (no 5xx; statuses, media types and JSON bodies as in ``/openapi.json``), on the
explorer fixture store; exits with pytest's status. Results: the pytest summary on stdout.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="schemathesis against the API with many examples per operation")
    ap.add_argument("--examples", type=int, default=300, help="examples per operation (CI uses 12)")
    args = ap.parse_args(argv)
    env = {**os.environ, "FAZHI_SCHEMA_EXAMPLES": str(args.examples)}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:warnings", "-p", "no:cacheprovider",
           str(ROOT / "tests" / "test_reliability_schema.py")]
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main())
