"""Fingerprints of every table Sourcebook writes, to show a change leaves them identical.

    python tools/table_fingerprints.py --save before.json seeds other-corpus.tsv
    python tools/table_fingerprints.py --compare before.json seeds other-corpus.tsv
    python tools/table_fingerprints.py --render --save before.json seeds   # also the reports' CSV tables

For each corpus it runs ``sourcebook analyze --no-cache`` (and, with --render,
``sourcebook render``) in a fresh folder and hashes every table written there:
CSV files byte for byte, Parquet files by their rows (read with pandas and written
as CSV, since Parquet metadata may name library versions). The run summary
(run.json), HTML and notebooks are not tables and are left out.

--compare prints each table that differs and exits 1 if any does, so a refactor
can be checked on the seeds, a real corpus and a development set in one command.
Give the same corpus paths both times: the sourcing report quotes the corpus path
in the commands it suggests, so "seeds" run from two checkouts differs there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

TABLE_SUFFIXES = (".csv", ".parquet")


def fingerprint(path: Path) -> str:
    if path.suffix == ".parquet":
        data = pd.read_parquet(path).to_csv(index=False).encode("utf-8")
    else:
        data = path.read_bytes()
    return hashlib.sha256(data).hexdigest()


def tables_in(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): fingerprint(path)
            for path in sorted(folder.rglob("*")) if path.suffix in TABLE_SUFFIXES and path.is_file()}


def sourcebook(*args: str) -> None:
    command = [sys.executable, "-m", "helpers.cli", *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-400:]}")


def fingerprints(corpora: list[str], render: bool) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for corpus in corpora:
        with tempfile.TemporaryDirectory(prefix="sourcebook-fingerprints-") as scratch:
            analysed = Path(scratch) / "analysis"
            sourcebook("analyze", corpus, "--out", str(analysed), "--no-cache")
            found[f"analyze {corpus}"] = tables_in(analysed)
            if render:
                reports = Path(scratch) / "reports"
                sourcebook("render", corpus, "--out", str(reports))
                found[f"render {corpus}"] = tables_in(reports)
        print(f"{corpus}: {sum(len(v) for k, v in found.items() if k.endswith(corpus))} tables", file=sys.stderr)
    return found


def compare(before: dict, now: dict) -> list[str]:
    differences = []
    for run in sorted(set(before) | set(now)):
        old, new = before.get(run), now.get(run)
        if old is None or new is None:
            differences.append(f"{run}: only {'after' if old is None else 'before'}")
            continue
        for table in sorted(set(old) | set(new)):
            if old.get(table) != new.get(table):
                state = "missing after" if table not in new else "new" if table not in old else "differs"
                differences.append(f"{run}: {table} {state}")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", help="corpora to analyse (folders or files)")
    parser.add_argument("--render", action="store_true", help="also render the reports and hash their tables")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", metavar="JSON", help="write the fingerprints here")
    what.add_argument("--compare", metavar="JSON", help="compare with fingerprints saved earlier")
    args = parser.parse_args(argv)
    now = fingerprints(args.corpora, args.render)
    if args.save:
        Path(args.save).write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{sum(len(v) for v in now.values())} table fingerprints written to {args.save}")
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    before = {run: tables for run, tables in before.items() if run in now}
    differences = compare(before, now)
    for line in differences:
        print(line)
    total = sum(len(v) for v in now.values())
    print(f"{total - len(differences)} of {total} tables identical" if differences else f"all {total} tables identical")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
