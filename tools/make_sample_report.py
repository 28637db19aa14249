"""Rebuild the sample report kept in docs/: ``python tools/make_sample_report.py`` (or ``make sample``).

Renders the sourcing notebook over seeds/ and keeps its HTML report, the run's
front page and every data file, but not the executed notebook (it repeats the
report's 5 MB of plotly.js); the front page says so instead of linking to it.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from helpers.render import index_html, render  # noqa: E402

TARGET = ROOT / "docs" / "sample-report"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        result = render(str(ROOT / "seeds"), str(Path(tmp) / "reports"), notebooks="03")
        if not result.ok:
            return 1
        out = result.out
        for executed in out.glob("*.ipynb"):
            executed.unlink()
        meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
        for item in meta["notebooks"]:
            item["ipynb"] = ""
        (out / "run.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        (out / "index.html").write_text(index_html(meta), encoding="utf-8")
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(out, TARGET)
    print(f"sample report written to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
