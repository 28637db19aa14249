"""Strip notebook outputs before committing, keeping the expected figures nbval checks.

    python tools/strip_outputs.py notebooks/*.ipynb            strip
    python tools/strip_outputs.py --execute notebooks/*.ipynb  run over the seeds first, then strip

Cells tagged ``nbval-check-output`` keep their outputs: those are the expected
figures for the seeds, and ``make test`` fails when a change alters them. Every
other output, execution count and run metadata is removed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

CHECK_TAG = "nbval-check-output"


def is_checked(cell) -> bool:
    return CHECK_TAG in cell.get("metadata", {}).get("tags", []) or "NBVAL_CHECK_OUTPUT" in cell.get("source", "")


def strip(nb) -> None:
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if is_checked(cell) and cell.outputs:
            # nbval only compares cells that were run: give them a fixed count so diffs stay quiet.
            cell.execution_count = 1
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = 1
        else:
            cell.execution_count = None
            cell.outputs = []
        for key in ("execution", "papermill"):
            cell.metadata.pop(key, None)
    for key in ("papermill", "widgets"):
        nb.metadata.pop(key, None)


def execute(nb, folder: Path) -> None:
    from nbclient import NotebookClient

    NotebookClient(nb, kernel_name="sourcebook", resources={"metadata": {"path": str(folder)}}, timeout=600).execute()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--execute", action="store_true", help="run each notebook with its default parameters first")
    args = parser.parse_args(argv)
    for name in args.notebooks:
        path = Path(name)
        nb = nbformat.read(path, as_version=4)
        if args.execute:
            execute(nb, path.parent.resolve())
        strip(nb)
        nbformat.write(nb, path)
        print(f"{'executed and ' if args.execute else ''}stripped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
