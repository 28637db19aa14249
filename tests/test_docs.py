"""The README's layout and CONTRIBUTING.md's module map match the tree, so a newcomer's map is true."""

import re

from .conftest import ROOT

HELPERS = ROOT / "src" / "helpers"
MODULES = sorted(p.stem for p in HELPERS.glob("*.py") if p.stem != "__init__")
PACKAGES = sorted(p.name for p in HELPERS.iterdir() if (p / "__init__.py").exists())


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = re.search(r"\n## ", text[start + len(heading):])
    return text[start: start + len(heading) + following.start()] if following else text[start:]


def test_the_module_map_names_every_module_and_only_modules_that_exist():
    table = _section((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), "## The module map")
    named = set(re.findall(r"^\| `([a-z_]+)/?`(?:, `([a-z_]+)`)?", table, re.M))
    listed = {name for pair in named for name in pair if name}
    assert set(MODULES) | set(PACKAGES) <= listed, f"missing from the map: {sorted(set(MODULES) | set(PACKAGES) - listed)}"
    assert listed <= set(MODULES) | set(PACKAGES), f"in the map but not in src/helpers: {sorted(listed - set(MODULES) - set(PACKAGES))}"


def test_the_readme_layout_names_every_module_and_every_folder():
    layout = _section((ROOT / "README.md").read_text(encoding="utf-8"), "## Layout")
    words = set(re.findall(r"[a-z_]+", layout))
    assert set(MODULES) <= words, f"modules missing from the README layout: {sorted(set(MODULES) - words)}"
    for folder, note in re.findall(r"^([a-z_./]+/)\s+(.*)$", layout.split("```")[1], re.M):
        if note.startswith("generated"):  # reports/: made by a render, not in a fresh clone
            continue
        assert (ROOT / folder).is_dir(), f"the README layout names {folder}, which does not exist"
    for package in PACKAGES:
        assert f"src/helpers/{package}/" in layout
