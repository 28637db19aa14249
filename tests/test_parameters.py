"""The parameters registry: the notebooks' cells, render's checks, --help and the README all come from it."""

import ast
import shutil
import subprocess
import sys

import nbformat
import papermill
import pytest

from helpers import notebook as nb
from helpers import parameters
from helpers.errors import SourcebookError
from helpers.parameters import PARAMETERS, REGISTRY

from .conftest import NOTEBOOKS, ROOT

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))


def _parameters_cell(path):
    nb_ = nbformat.read(path, as_version=4)
    return next(c for c in nb_.cells if "parameters" in c.metadata.get("tags", []))


# --- the notebooks' cells ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_each_notebooks_parameters_cell_is_what_the_registry_writes(path):
    assert _parameters_cell(path).source == parameters.parameter_cell(path.name), (
        f"{path.name}: its parameters cell differs from src/helpers/parameters.py; run `make parameters`")


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_papermill_reads_the_registrys_names_types_and_defaults_from_each_cell(path):
    """papermill injects only what it can read: every line a typed assignment of a literal, with its help."""
    found = papermill.inspect_notebook(str(path))
    taken = [p for p in REGISTRY if p.takes(path.name)]
    assert list(found) == [p.name for p in taken]
    for p in taken:
        assert found[p.name]["inferred_type_name"] == p.type.__name__
        assert ast.literal_eval(found[p.name]["default"]) == p.default
        assert found[p.name]["help"] == p.help


def test_every_parameter_names_notebooks_that_exist_and_every_notebook_takes_the_run_parameters():
    numbers = {path.name[:2] for path in NOTEBOOK_FILES}
    for p in REGISTRY:
        assert p.notebooks == parameters.ALL or set(p.notebooks) <= numbers, p.name
    for path in NOTEBOOK_FILES:
        assert parameters.RUN_PARAMETERS <= set(parameters.taken_by([path]))


def test_the_tool_rewrites_a_changed_cell_and_the_readme_table_and_nothing_else(tmp_path):
    shutil.copytree(NOTEBOOKS, tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    target = tmp_path / "notebooks" / "02-tone-over-time.ipynb"
    original = target.read_text(encoding="utf-8")
    changed = nbformat.read(target, as_version=4)
    cell = next(c for c in changed.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace("rolling_window: int = 7", "rolling_window: int = 9")
    nbformat.write(changed, target)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    (tmp_path / "README.md").write_text(readme.replace("| `engine` | 02 |", "| `engine` | 02, 03 |"), encoding="utf-8")

    tool = [sys.executable, str(ROOT / "tools" / "write_parameters.py"), "--root", str(tmp_path)]
    check = subprocess.run([*tool, "--check"], capture_output=True, text=True)
    assert check.returncode == 1
    assert "notebooks/02-tone-over-time.ipynb: differs" in check.stdout and "README.md: differs" in check.stdout
    assert "01-corpus-overview" not in check.stdout
    assert subprocess.run(tool, capture_output=True, text=True).returncode == 0
    assert target.read_text(encoding="utf-8") == original  # byte for byte, outputs and all
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == readme
    assert subprocess.run([*tool, "--check"], capture_output=True, text=True).returncode == 0


# --- the README and --help -----------------------------------------------------------------------------


def test_the_readme_parameters_table_is_what_the_registry_writes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert parameters.readme_section(readme) == parameters.readme_table(), (
        "README.md: the parameters table differs from src/helpers/parameters.py; run `make parameters`")


def test_the_readme_table_lists_every_parameter_a_user_sets_and_no_run_parameter():
    table = parameters.readme_table()
    for p in REGISTRY:
        assert (f"| `{p.name}` |" in table) != p.set_by_run, p.name
    assert "| `thread_similarity` | 04 | `0.3` |" in table and "| `start_date` | all |" in table


def test_render_help_lists_each_parameter_with_its_default_and_help():
    result = subprocess.run([sys.executable, "-m", "helpers.cli", "render", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())  # the help is wrapped
    for p in REGISTRY:
        if p.set_by_run:
            assert f"{p.name} =" not in text
        else:
            assert f"{p.name} = {parameters.literal(p.default)}" in text and p.help in text, p.name
    assert "rolling_window = 7 (notebook 02)" in text and "keyword = \"\" (all notebooks)" in text


def test_help_and_cell_lines_are_one_line_each():
    for p in REGISTRY:
        assert "\n" not in p.help and "\n" not in p.note and p.help == p.help.strip(), p.name
        assert parameters.literal(p.default) and "\n" not in p.cell_line()


# --- the checks --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("p", REGISTRY, ids=lambda p: p.name)
def test_each_default_passes_its_own_check(p):
    assert p.checked(p.default) == p.default


def test_defaults_agree_with_the_code_that_reads_them():
    from helpers.claims.threads import SIMILARITY
    from helpers.sentiment import ENGINES

    assert PARAMETERS["thread_similarity"].default == SIMILARITY  # at the default, no rethreading
    assert PARAMETERS["engine"].default == ENGINES[0]
    assert PARAMETERS["min_confidence"].default == parameters.CONFIDENCE_ORDER[0]


@pytest.mark.parametrize("name, value, message", [
    ("start_date", "2020-02-30", "parameter start_date: '2020-02-30' is not a real date"),
    ("end_date", "soon", "parameter end_date: "),
    ("keyword", ["a", "b"], "parameter keyword must be a single value, not list ['a', 'b']"),
    ("engine", "bert", "parameter engine must be one of textblob, vader, not 'bert'"),
    ("rolling_window", "seven", "parameter rolling_window must be a whole number, not 'seven'"),
    ("rolling_window", 2.9, "parameter rolling_window must be a whole number, not '2.9'"),
    ("rolling_window", 0, "parameter rolling_window must be at least 1"),
    ("keyword_scope", "words", "parameter keyword_scope must be 'sentences' or 'articles', not 'words'"),
    ("source_types", "anonymous,pundit", "parameter source_types: unknown pundit; choose from anonymous, social_media"),
    ("min_confidence", "certain", "parameter min_confidence must be low, medium or high, not 'certain'"),
    ("thread_similarity", "close", "parameter thread_similarity must be a number, not 'close'"),
    ("thread_similarity", 0, "parameter thread_similarity must be above 0 and at most 1, not 0.0"),
    ("thread_similarity", "1.5", "parameter thread_similarity must be above 0 and at most 1, not 1.5"),
    ("colour", "red", "unknown parameter 'colour'; the notebooks take: end_date, engine"),
])
def test_a_bad_value_is_refused_in_one_line_naming_the_parameter(name, value, message):
    with pytest.raises(SourcebookError) as caught:
        parameters.check(name, value)
    text = str(caught.value)
    assert text.startswith(message) and name in text and "\n" not in text


def test_values_given_as_text_become_the_declared_type():
    assert parameters.check_values({"rolling_window": "3", "thread_similarity": "0.5", "start_date": "September 1, 2019",
                                    "source_types": " anonymous, media", "min_confidence": ""}) == {
        "rolling_window": 3, "thread_similarity": 0.5, "start_date": "2019-09-01",
        "source_types": " anonymous, media", "min_confidence": ""}
    assert parameters.source_type_list(" anonymous, media") == ["anonymous", "media"]
    assert len(parameters.source_type_list("")) == 8


def test_a_date_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(SourcebookError, match="parameter start_date 2021-01-01 is after end_date 2020-01-01"):
        parameters.check_values({"start_date": "2021-01-01", "end_date": "2020-01-01"})


# --- the same checks in a notebook's setup -----------------------------------------------------------------


@pytest.mark.parametrize("options, message", [
    ({"engine": "bert"}, "parameter engine must be one of"),
    ({"min_confidence": "sure"}, "parameter min_confidence must be"),
    ({"source_types": "pundit"}, "parameter source_types: unknown pundit"),
    ({"thread_similarity": 2}, "parameter thread_similarity must be above 0"),
    ({"colour": "red"}, "unknown parameter 'colour'"),
])
def test_setup_refuses_a_bad_value_before_reading_the_corpus(tmp_path, options, message):
    """A value edited by hand in JupyterLab meets render's check, before any analysis is read."""
    with pytest.raises(SourcebookError, match=message):
        nb.setup(str(tmp_path / "no-such-corpus"), **options)


def test_setup_refuses_a_bad_date_range_before_reading_the_corpus(tmp_path):
    with pytest.raises(SourcebookError, match="after end_date"):
        nb.setup(str(tmp_path / "no-such-corpus"), start_date="2021-01-01", end_date="2020-01-01")


def test_narrow_applies_source_types_and_min_confidence(seed_analysis):
    view = nb.select(seed_analysis)
    assert view.source_types == parameters.source_type_list("")
    narrowed, notes = nb.narrow(view, {"source_types": "media,anonymous", "min_confidence": "medium"})
    assert narrowed.source_types == ["media", "anonymous"] and notes == []
    kept = narrowed.attributions
    assert len(kept) and set(kept["source_type"]) <= {"media", "anonymous"}
    assert set(kept["confidence"]) <= {"medium", "high"}
    expected = view.attributions[view.attributions["source_type"].isin(["media", "anonymous"])
                                 & view.attributions["confidence"].isin(["medium", "high"])]
    assert len(kept) == len(expected)


def test_narrow_scopes_tone_to_the_keyword_and_says_so(seed_analysis):
    view = nb.select(seed_analysis, keyword="Shanghai")
    narrowed, notes = nb.narrow(view, {"keyword": "Shanghai", "keyword_scope": "sentences", "engine": "textblob"})
    assert len(notes) == 1 and "sentences that mention 'Shanghai'" in notes[0]
    assert len(narrowed.sentences) < len(view.sentences)
    whole, notes = nb.narrow(view, {"keyword": "Shanghai", "keyword_scope": "articles"})
    assert whole.sentences is view.sentences and "every sentence of the articles" in notes[0]


def test_narrow_rethreads_claims_only_away_from_the_analysis_similarity(seed_analysis):
    view = nb.select(seed_analysis)
    same, _ = nb.narrow(view, {"thread_similarity": PARAMETERS["thread_similarity"].default})
    assert same is view
    strict, _ = nb.narrow(view, {"thread_similarity": 1.0})
    assert (strict.claims["thread_id"] != "").sum() <= (view.claims["thread_id"] != "").sum()


def test_filter_attributions_refuses_unknown_types_with_the_registrys_message(seed_analysis):
    with pytest.raises(SourcebookError, match="parameter source_types: unknown pundit"):
        nb.filter_attributions(seed_analysis.attributions, ["pundit"])
    with pytest.raises(SourcebookError, match="parameter min_confidence must be"):
        nb.filter_attributions(seed_analysis.attributions, ["media"], "sure")
