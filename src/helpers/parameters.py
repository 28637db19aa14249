"""Every notebook parameter, declared once: its name, type, default, check, help, and the notebooks that take it.

From this registry come:

- each notebook's ``parameters`` cell (``parameter_cell``): ``make parameters`` (``tools/write_parameters.py``)
  writes the cells, and a test fails when a notebook's cell differs from what the registry gives;
- the checks ``sourcebook render`` runs before any notebook starts (``Parameter.checked``), and the same checks
  when a notebook is run by hand (``check_values``, called by ``notebook.setup``);
- the parameter list of ``sourcebook render --help`` (``help_text``) and the README's table (``readme_table``).

To add a parameter: add a ``Parameter`` to ``REGISTRY`` below, run ``make parameters``, and read it in the
notebook. This module imports nothing heavy, so ``sourcebook --help`` stays quick; the checks import what
they need when they run.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from typing import Callable

from .errors import BadInput, BadParameter

ALL = "all"  # a parameter every numbered notebook takes
CONFIDENCE_ORDER = ("low", "medium", "high")  # min_confidence: each level keeps the rows at it or above
KEYWORD_SCOPES = ("sentences", "articles")

CELL_HEADER = (
    "# Parameters: papermill (and `sourcebook render -p name value`) replaces these values.\n"
    "# In JupyterLab, edit them here and run the notebook from the top."
)
README_BEGIN = "<!-- parameters table: written by `make parameters` from src/helpers/parameters.py; edit it there -->"
README_END = "<!-- end of the parameters table -->"


# --- checks: each takes the parameter's name and its value (already of the declared type) ---------------


def as_text(name: str, value) -> str:
    """A single value as text (None is empty); a list or mapping, as a YAML file can give, is refused."""
    if isinstance(value, (list, dict, tuple, set)):
        raise BadParameter(f"parameter {name} must be a single value, not {type(value).__name__} {value!r}")
    return "" if value is None else str(value)


def as_int(name: str, value) -> int:
    """A whole number, from a number or its text ("7"); 2.9 is refused rather than cut to 2."""
    try:
        if isinstance(value, float) and not value.is_integer():
            raise ValueError
        return int(value)
    except (TypeError, ValueError):
        raise BadParameter(f"parameter {name} must be a whole number, not '{value}'") from None


def as_float(name: str, value) -> float:
    """A number, from a number or its text ("0.5")."""
    try:
        return float(value)
    except (TypeError, ValueError):
        raise BadParameter(f"parameter {name} must be a number, not '{value}'") from None


CONVERTERS = {str: as_text, int: as_int, float: as_float}


def a_date(name: str, value: str) -> str:
    """A publication date in any form ``dates.parse_date`` reads, given back as YYYY-MM-DD; empty means no limit."""
    if not value:
        return value
    from .dates import parse_date

    try:
        return parse_date(value).isoformat()
    except ValueError as exc:
        raise BadParameter(f"parameter {name}: {exc}") from None


def an_engine(name: str, value: str) -> str:
    """One of the sentiment engines the analysis runs (``sentiment.ENGINES``)."""
    from .sentiment import ENGINES

    if value not in ENGINES:
        raise BadParameter(f"parameter {name} must be one of {', '.join(ENGINES)}, not '{value}'")
    return value


def a_keyword_scope(name: str, value: str) -> str:
    if value not in KEYWORD_SCOPES:
        raise BadParameter(f"parameter {name} must be 'sentences' or 'articles', not '{value}'")
    return value


def some_source_types(name: str, value: str) -> str:
    """Comma-separated source types, each one of the eight; the text is kept as given (``source_type_list`` reads it)."""
    source_type_list(value, name)
    return value


def a_confidence(name: str, value: str) -> str:
    """low, medium or high; empty means low (every row)."""
    if value and value not in CONFIDENCE_ORDER:
        raise BadParameter(f"parameter {name} must be low, medium or high, not '{value}'")
    return value


def at_least_one(name: str, value: int) -> int:
    if value < 1:
        raise BadParameter(f"parameter {name} must be at least 1")
    return value


def a_similarity(name: str, value: float) -> float:
    """A share of likeness: above 0 (0 would join every claim) and at most 1."""
    if not 0 < value <= 1:
        raise BadParameter(f"parameter {name} must be above 0 and at most 1, not {value}")
    return value


def source_type_list(text: str, name: str = "source_types") -> list[str]:
    """The source types a comma-separated value names, in its order; every type when it names none.

    Raises a BadParameter naming the unknown types and the choices.
    """
    from .attribution import SOURCE_TYPES

    named = [item.strip() for item in (text or "").split(",") if item.strip()]
    bad = [item for item in named if item not in SOURCE_TYPES]
    if bad:
        raise BadParameter(f"parameter {name}: unknown {', '.join(bad)}; choose from {', '.join(SOURCE_TYPES)}")
    return named or list(SOURCE_TYPES)


# --- the registry ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    """One notebook parameter, as its notebooks declare it and as ``sourcebook render`` checks it."""

    name: str
    type: type  # str, int or float: the cell's annotation, and what a value given as text is turned into
    default: object  # the literal in the notebooks' cells
    help: str  # one line: the comment after the cell's assignment, and the line in --help
    notebooks: tuple[str, ...] | str = ALL  # the numbers of the notebooks that take it ("02"), or ALL
    check: Callable[[str, object], object] | None = None  # raises BadParameter naming the parameter
    note: str = ""  # more for the README's table (Markdown), after the help
    set_by_run: bool = False  # given by sourcebook render itself (corpus and folders), never with -p

    def checked(self, value):
        """``value`` as the notebooks take it: converted to the declared type and checked.

        Raises a one-line BadParameter naming the parameter and what is wrong.
        """
        value = CONVERTERS[self.type](self.name, value)
        return self.check(self.name, value) if self.check else value

    def takes(self, notebook: str) -> bool:
        """Whether the notebook (its number, name or path) takes this parameter."""
        return self.notebooks == ALL or notebook_number(notebook) in self.notebooks

    def cell_line(self) -> str:
        """The parameter's line in a notebook's parameters cell: a typed assignment of a literal, with its help."""
        return f"{self.name}: {self.type.__name__} = {literal(self.default)}  # {self.help}"


# The order is the order of the lines in each notebook's parameters cell.
REGISTRY = (
    Parameter("corpus", str, "../seeds", "folder or file of articles (.txt .csv .tsv .jsonl); "
              "a relative path starts from this notebook's folder", set_by_run=True),
    Parameter("source", str, "", "the source's name as in the sourcing report's source_name column, ignoring case; "
              "empty means the most cited", ("05",),
              note="The sourcing report's *Who is cited most?* table gives the command for each source: "
                   '`sourcebook render CORPUS --notebooks 05 -p source "Bloomberg News"`.'),
    Parameter("start_date", str, "", "first publication date to include, YYYY-MM-DD; empty means no limit",
              check=a_date, note="Undated articles fall outside any range and are listed as excluded."),
    Parameter("end_date", str, "", "last publication date to include, YYYY-MM-DD; empty means no limit",
              check=a_date, note="Undated articles fall outside any range and are listed as excluded."),
    Parameter("keyword", str, "", "only articles that mention this word or phrase, ignoring case; "
              "empty means every article", note="Whole words: `EV` matches *EV market*, not *believed*."),
    Parameter("analysis_dir", str, "", "folder of tables written by sourcebook analyze; empty means analyse the corpus now",
              set_by_run=True),
    Parameter("tables_dir", str, "", "folder where every table shown here is also written as CSV; empty means none",
              set_by_run=True),
    Parameter("engine", str, "textblob", "sentiment instrument for the charts: textblob or vader", ("02",), an_engine),
    Parameter("rolling_window", int, 7, "articles in the rolling mean, drawn only with at least twice this many "
              "dated articles", ("02",), at_least_one),
    Parameter("keyword_scope", str, "sentences", "with a keyword, sentences scores only the sentences that mention it; "
              "articles scores whole articles", ("02",), a_keyword_scope),
    Parameter("source_types", str, "", "comma-separated source types to show, such as anonymous,political; "
              "empty means all eight", ("03",), some_source_types),
    Parameter("min_confidence", str, "low", "only rows at least this sure of their type: low (every row), "
              "medium or high", ("03",), a_confidence, note="The rule is in the methodology note."),
    Parameter("thread_similarity", float, 0.3, "how alike two tellings must be to join one thread, "
              "above 0 and at most 1", ("04",), a_similarity, note="Higher: only close retellings."),
)
PARAMETERS = {parameter.name: parameter for parameter in REGISTRY}
RUN_PARAMETERS = frozenset(p.name for p in REGISTRY if p.set_by_run)


def notebook_number(notebook) -> str:
    """'02' for '02', '02-tone-over-time', '02-tone-over-time.ipynb' or a path to it."""
    return str(notebook).replace("\\", "/").rsplit("/", 1)[-1].split("-")[0].split(".")[0].zfill(2)


def taken_by(notebooks) -> dict[str, Parameter]:
    """The parameters any of these notebooks (numbers, names or paths) take, by name, in registry order."""
    return {p.name: p for p in REGISTRY if any(p.takes(notebook) for notebook in notebooks)}


def check(name: str, value):
    """One parameter's value, converted and checked (see ``Parameter.checked``)."""
    if name not in PARAMETERS:
        known = ", ".join(sorted(set(PARAMETERS) - RUN_PARAMETERS))
        raise BadParameter(f"unknown parameter '{name}'; the notebooks take: {known}")
    return PARAMETERS[name].checked(value)


def check_together(values: dict) -> None:
    """What no single parameter can check: a date range that ends before it starts."""
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and start > end:
        raise BadParameter(f"parameter start_date {start} is after end_date {end}")


def check_values(values: dict) -> dict:
    """Every value converted and checked, then checked together: the checks ``sourcebook render`` runs."""
    checked = {name: check(name, value) for name, value in values.items()}
    check_together(checked)
    return checked


# --- what is written from the registry -------------------------------------------------------------------


def literal(value) -> str:
    """A default as the literal a parameters cell holds (strings in double quotes, as the notebooks write them)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def parameter_cell(notebook) -> str:
    """The source of a notebook's ``parameters`` cell: the header, then one line per parameter it takes."""
    lines = [p.cell_line() for p in REGISTRY if p.takes(notebook)]
    return CELL_HEADER + "\n" + "\n".join(lines)


def _by_notebook(parameters) -> list[Parameter]:
    """The ones every notebook takes first, then each notebook's own, in notebook order (registry order within)."""
    return sorted(parameters, key=lambda p: (p.notebooks != ALL, "" if p.notebooks == ALL else p.notebooks[0]))


def _user_parameters() -> list[Parameter]:
    return _by_notebook(p for p in REGISTRY if not p.set_by_run)


def _notebooks_text(parameter: Parameter) -> str:
    return ALL if parameter.notebooks == ALL else ", ".join(parameter.notebooks)


def help_text(width: int = 78) -> str:
    """The parameters as ``sourcebook render --help`` lists them: name, default, notebooks, then the help."""
    lines = ["notebook parameters (-p NAME VALUE, or a YAML file of them with -f):"]
    for p in _user_parameters():
        where = "all notebooks" if p.notebooks == ALL else f"notebook {_notebooks_text(p)}"
        lines.append(f"  {p.name} = {literal(p.default)}  ({where})")
        lines.extend(textwrap.wrap(p.help, width, initial_indent=" " * 6, subsequent_indent=" " * 6))
    return "\n".join(lines)


def readme_table() -> str:
    """The README's table of the parameters a user sets, in Markdown, between its markers."""
    rows = ["| parameter | notebooks | default | meaning |", "| --- | --- | --- | --- |"]
    for p in _user_parameters():
        meaning = p.help[0].upper() + p.help[1:] + "." + (f" {p.note}" if p.note else "")
        default = literal(p.default).replace("|", "\\|")
        rows.append(f"| `{p.name}` | {_notebooks_text(p)} | `{default}` | {meaning.replace('|', chr(92) + '|')} |")
    return "\n".join([README_BEGIN, *rows, README_END])


def _table_span(readme: str) -> tuple[int, int]:
    begin, end = readme.find(README_BEGIN), readme.find(README_END)
    if begin < 0 or end < begin:
        raise BadInput(f"README.md: no parameters table between '{README_BEGIN}' and '{README_END}'")
    return begin, end + len(README_END)


def readme_section(readme: str) -> str:
    """The parameters table as it is in the README's text, markers included."""
    begin, end = _table_span(readme)
    return readme[begin:end]


def with_readme_table(readme: str) -> str:
    """The README's text with its parameters table written from the registry."""
    begin, end = _table_span(readme)
    return readme[:begin] + readme_table() + readme[end:]
