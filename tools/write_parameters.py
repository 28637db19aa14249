"""Write the notebooks' parameters cells and the README's parameters table from the registry.

    python tools/write_parameters.py            rewrite notebooks/NN-*.ipynb parameters cells and README.md's table
    python tools/write_parameters.py --check    change nothing; list what differs and exit 1 if anything does

The registry is ``src/helpers/parameters.py``: add or change a parameter there, run ``make parameters``,
and commit the notebooks and README it rewrote. Only the ``parameters`` cell's source and the table between
the README's markers are touched; outputs, tags and every other cell stay as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # this checkout's helpers, installed or not

from helpers import parameters  # noqa: E402


def parameters_cell(nb, path: Path):
    """The notebook's one cell tagged ``parameters``; a notebook without exactly one is an error, named."""
    cells = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
    if len(cells) != 1:
        raise SystemExit(f"{path}: {len(cells)} cells tagged 'parameters'; a notebook needs exactly one")
    return cells[0]


def write_notebook(path: Path, check: bool) -> bool:
    """Make the notebook's parameters cell what the registry gives; True when it differed."""
    nb = nbformat.read(path, as_version=4)
    cell = parameters_cell(nb, path)
    wanted = parameters.parameter_cell(path.name)
    if cell.source == wanted:
        return False
    if not check:
        cell.source = wanted
        nbformat.write(nb, path)
    return True


def write_readme(path: Path, check: bool) -> bool:
    """Make the README's parameters table what the registry gives; True when it differed."""
    text = path.read_text(encoding="utf-8")
    wanted = parameters.with_readme_table(text)
    if wanted == text:
        return False
    if not check:
        path.write_text(wanted, encoding="utf-8")
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a cell or the table differs")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    args = parser.parse_args(argv)
    differ = [path for path in sorted((args.root / "notebooks").glob("[0-9]*.ipynb")) if write_notebook(path, args.check)]
    readme = args.root / "README.md"
    if write_readme(readme, args.check):
        differ.append(readme)
    verb = "differs from the registry" if args.check else "rewritten from the registry"
    for path in differ:
        print(f"{path.relative_to(args.root)}: {verb}")
    if not differ:
        print("notebook parameters cells and README table match the registry")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
