"""Time reading and extraction on pathological texts of about 5 MB (the default size limit).

Usage: ``.venv/bin/python bench/pathological_text.py [--full]``. Prints, per crafted text, the seconds
spent in decoding + checks, in the metadata and sections components and (with ``--full``) in every
other pipeline component. Issue 3 asks that a pathological file cost at most a few seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.decode import read_report  # noqa: E402
from ingest.model import Doc  # noqa: E402

SIZE = 4_800_000  # characters, under the 5 MB default once encoded where the text is mostly ASCII


def cases() -> dict[str, str]:
    seed = (ROOT / "data" / "reports" / "taierzhuang-2019.txt").read_text(encoding="utf-8")
    n = SIZE // 3  # CJK takes 3 bytes in UTF-8
    return {
        "seed repeated": (seed * (n // len(seed) + 1))[:n],
        "seed repeated, one line": (seed.replace("\n", "") * (n // len(seed) + 1))[:n],
        "glued digits (lost breaks)": seed.replace("\n", "") + "法1.法(1)法一是" * (n // 10),
        "10^5 nested 《》 and ()": seed + "《" * 100_000 + "》" * 100_000 + "(" * 100_000 + ")" * 100_000,
        "《 never closed": seed + "根据《" + "法治政府建设" * (n // 6),
        "digit run (5000 digits)": seed + "共" + "1234567890" * 500 + "件",
        "inline 一是 (lost breaks)": seed + "依法行政。一是加强" * (n // 9),
        "line-start 一、": seed + "\n一、加强" * (n // 5),
        "blank lines": seed + "\n" * (SIZE - len(seed)),
        "comma 一是 without runs": seed + "法治,一是加强" * (n // 7),
        "header-like lines": "- 索 引 号:1\n" * (SIZE // 10) + seed,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--full", action="store_true", help="also time the other pipeline components")
    args = ap.parse_args()
    from ingest.pipeline import components

    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'text':28s} {'MB':>5s} {'read':>6s} {'meta':>6s} {'sect':>6s} {'others':>7s}  sections")
        for name, text in cases().items():
            path = Path(tmp) / "x.txt"
            path.write_text(text, encoding="utf-8")
            t = time.perf_counter()
            dec = read_report(path, max_bytes=20 * 1024 * 1024)
            doc = Doc.from_text(dec.text, raw=dec.raw)
            times = {"read": time.perf_counter() - t, "others": 0.0}
            for comp in components():
                short = comp.__module__.rsplit(".", 1)[-1]
                if not args.full and short not in ("metadata", "sections"):
                    continue
                t = time.perf_counter()
                try:
                    comp(doc)
                except Exception as e:  # noqa: BLE001 - report and go on
                    print(f"  {name}: {short} failed: {type(e).__name__}: {str(e)[:80]}")
                key = {"metadata": "meta", "sections": "sect"}.get(short, "others")
                times[key] = times.get(key, 0.0) + time.perf_counter() - t
            mb = path.stat().st_size / 1e6
            print(f"{name:28s} {mb:5.1f} {times['read']:6.2f} {times['meta']:6.2f} {times['sect']:6.2f} "
                  f"{times['others']:7.2f}  {len(doc.sections)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
