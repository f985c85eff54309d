"""fazhi eval GOLD_DIR: score the extractor against gold annotations."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "score the extractor against gold annotations (precision, recall, F1 per kind)"
DESCRIPTION = """Run the extractor over every text that has a gold annotation (GOLD_DIR/*.json, in the
format of docs/ANNOTATION.md) and print micro-averaged precision, recall and F1 per kind
(regulations, mechanisms — strict and every-quote —, agencies, figures by value and unit,
breakdown links, sections) and the accuracy of title, issuer, jurisdiction and year.

The text of a gold file (its "file" key) is looked for in --reports, beside the gold file,
then one folder up. Example: fazhi eval tests/gold --reports data/reports"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold JSON files")
    p.add_argument("--reports", help="folder holding the annotated texts (default: beside the gold files)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON, with per-file details")
    p.add_argument("--per-file", action="store_true", help="also print a line per file")


def run(args: argparse.Namespace) -> int:
    from ingest.decode import InputError
    from ingest.evaluate import evaluate, format_scores

    try:
        scores = evaluate(args.gold_dir, args.reports)
    except (FileNotFoundError, InputError, json.JSONDecodeError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(scores.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.per_file:
        for f in scores.files:
            cells = " ".join(f"{k[:4]}={f[k]['f1']:.2f}" for k in ("regulations", "mechanisms", "agencies", "figures"))
            flags = "".join(("J" if f["jurisdiction"]["right"] else "j", "Y" if f["year"]["right"] else "y"))
            print(f"{f['file']:<24} {cells} {flags}")
        print()
    print(format_scores(scores))
    return 0
