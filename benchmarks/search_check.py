"""Can a reader find the newest evidence in a big report? Open a rendered report in headless Chromium,
search its evidence table for a sentence from the corpus's last month, and time the page.

    python benchmarks/search_check.py REPORTS_DIR [--report 03-sourcing-over-time] [--table 03-attributions]

``bench.py --render`` runs it on the report it rendered. Prints one JSON line: the sentence searched
for, whether the table found it, the rows the table holds against the rows in the CSV, the HTML size,
and the seconds until the page was ready.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pandas as pd

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


DAYS = int(os.environ.get("SEARCH_DAYS", "30"))  # how far back the sentence searched for may be


def newest_sentence(csv: Path) -> tuple[str, str]:
    """A sentence from the middle of the table's last ``DAYS`` days (30: "the last month"; SEARCH_DAYS=7 for the
    last week), and the text to type in the search box (all of it: the rows holding this sentence)."""
    table = pd.read_csv(csv, keep_default_na=False, usecols=["date", "sentence"])
    dates = pd.to_datetime(table["date"].str.lstrip("≈").str.split(" ").str[0], errors="coerce")
    last = dates.max()
    recent = table[dates >= last - pd.Timedelta(days=DAYS)]
    sentence = recent["sentence"].iloc[len(recent) // 2]
    return sentence, sentence


def check(reports: Path, report: str, table: str) -> dict:
    from playwright.sync_api import sync_playwright

    sentence, needle = newest_sentence(reports / "data" / f"{table}.csv")
    html = reports / f"{report}.html"
    chromium = os.environ.get("SOURCEBOOK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page()
        page.route("http*://**", lambda route: route.abort())
        start = time.perf_counter()
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.wait_for_selector(".sourcebook-evidence input[type=search]", timeout=120_000)
        ready = time.perf_counter() - start
        box = page.query_selector(".sourcebook-evidence input[type=search]")
        box.fill(needle)
        box.dispatch_event("keyup")
        page.wait_for_timeout(1000)
        cells = page.eval_on_selector_all(".sourcebook-evidence tbody tr:first-child td", "cells => cells.map(c => c.textContent)")
        info = page.inner_text(".sourcebook-evidence .dt-info")
        browser.close()
    csv_rows = sum(1 for _ in open(reports / "data" / f"{table}.csv", encoding="utf-8")) - 1
    evidence = html.read_text(encoding="utf-8").split('data-shown="')[1].split('"')[0]
    return {"report": html.name, "html_mb": round(html.stat().st_size / 1e6, 2), "seconds_to_ready": round(ready, 1),
            "searched_for": needle, "found": any(sentence in cell for cell in cells), "table_info": info,
            "rows_in_table": int(evidence), "rows_in_csv": csv_rows}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", type=Path)
    parser.add_argument("--report", default="03-sourcing-over-time")
    parser.add_argument("--table", default="03-attributions")
    args = parser.parse_args(argv)
    result = check(args.reports, args.report, args.table)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["found"] else 1


if __name__ == "__main__":
    sys.exit(main())
