"""`sourcebook render`: reports, data, index, failures that keep the last good report, refused parameters."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers.cli import main
from helpers.errors import SourcebookError
from helpers.render import check_parameters, list_notebooks, notebook_parameters, render

from .conftest import FAILURE_NOTEBOOKS, NOTEBOOKS, ROOT, SEEDS, copy_report, snapshot


def test_report_folder_has_every_report_its_data_and_an_index(rendered):
    names = sorted(p.stem for p in NOTEBOOKS.glob("[0-9]*.ipynb"))
    for name in names:
        assert (rendered / f"{name}.html").exists() and (rendered / f"{name}.ipynb").exists()
    run = json.loads((rendered / "run.json").read_text())
    assert run["ok"] and [n["name"] for n in run["notebooks"]] == names
    assert all(n["status"] == "ok" for n in run["notebooks"])
    # the three seeds, the hostile article and the hostile saved page
    assert run["corpus"]["articles"] == {"inputs": 5, "analysed": 5, "rejected": 0, "duplicates": 0}
    assert len(run["corpus"]["content_hash"]) == 16 and run["versions"]["plotly"]
    index = (rendered / "index.html").read_text()
    for name in names:
        assert f'href="{name}.html"' in index
    assert run["corpus"]["content_hash"] in index and "2019-09-19" in index


def test_every_table_a_report_shows_is_written_as_csv(rendered):
    data = rendered / "data"
    for table in ("articles.csv", "sentences.parquet", "attributions.csv", "rejected.csv", "analysis.json"):
        assert (data / table).exists()
    for html in rendered.glob("[0-9]*.html"):
        text = html.read_text()
        shown = text.count('class="table-scroll"') + text.count('class="sourcebook-evidence"') + text.count("empty-table")
        named = re.findall(r"(?:table: |all in )data/([\w.-]+)\.csv", text)
        assert shown >= 1 and len(named) == shown, html.name
        for name in named:
            assert (data / f"{name}.csv").exists(), name
    evidence = pd.read_csv(data / "03-attributions.csv", keep_default_na=False)
    assert {"sentence", "source_type", "cue", "article_id"} <= set(evidence.columns)


def test_reports_hide_code_and_reference_nothing_remote(rendered):
    for html in rendered.glob("*.html"):
        text = html.read_text()
        assert "from helpers import" not in text, f"{html.name} shows code"
        for tag in ("<script src=", "<link "):
            for chunk in text.split(tag)[1:]:
                target = chunk.split(">")[0]
                assert "http://" not in target and "https://" not in target, f"{html.name}: {tag}{target}"


def test_plotly_js_is_embedded_once_per_report(rendered):
    for html in rendered.glob("[0-9]*.html"):
        text = html.read_text()
        assert text.count("window.Plotly = Plotly") == 1, html.name
        assert text.count("Plotly.newPlot(") >= (1 if html.name.startswith("05") else 3), html.name


def test_hostile_markup_is_escaped_in_the_html(rendered):
    text = (rendered / "03-sourcing-over-time.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)</script>" not in text
    assert "<img src=x onerror" not in text


def test_executed_notebooks_received_the_shared_analysis(rendered):
    nb = nbformat.read(rendered / "02-tone-over-time.ipynb", as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    # The run analysed once, in its working folder, and every notebook read that analysis.
    assert 'analysis_dir = "' in injected.source and "/data" in injected.source and "tables_dir" in injected.source
    run = json.loads((rendered / "run.json").read_text())
    for path in sorted(rendered.glob("[0-9]*.ipynb")):
        outputs = json.dumps([c.get("outputs", []) for c in nbformat.read(path, as_version=4).cells])
        assert f"read from the run's shared tables (corpus hash {run['corpus']['content_hash']})" in outputs, path.name
        assert "from seeds now" not in outputs


def _notebooks(tmp_path, **chosen):
    """A notebooks folder for --notebooks-dir: each name (01_corpus_overview -> 01-corpus-overview.ipynb) from
    notebooks/ when it is one of the project's, else the tests/fixtures/notebooks file given as its value."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name, fixture in chosen.items():
        name = name.replace("_", "-") + ".ipynb"
        shutil.copy(NOTEBOOKS / name if fixture is None else FAILURE_NOTEBOOKS / fixture, folder / name)
    return folder


def _render_command(out, folder):
    return [sys.executable, "-m", "helpers.cli", "render", str(SEEDS), "--out", str(out), "--notebooks-dir", str(folder)]


def _the_failed_run(tmp_path):
    """The one <out>-failed-<time> folder a failed or interrupted run keeps, and no work folder left behind."""
    failed = [p for p in tmp_path.iterdir() if p.name.startswith("reports-failed-")]
    assert len(failed) == 1, failed
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
    return failed[0]


@pytest.mark.slow
def test_a_failing_notebook_keeps_the_previous_report_and_exits_1(tmp_path, last_good_report):
    out, before = copy_report(last_good_report, tmp_path)
    folder = _notebooks(tmp_path, **{"01_corpus_overview": None, "02_broken": "raises.ipynb"})
    result = subprocess.run(_render_command(out, folder), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "RuntimeError: this notebook fails on purpose" in result.stdout
    assert snapshot(out) == before, "the last good report was changed"
    failed = _the_failed_run(tmp_path)
    run = json.loads((failed / "run.json").read_text())
    statuses = {n["name"]: n for n in run["notebooks"]}
    assert statuses["01-corpus-overview"]["status"] == "ok"
    assert statuses["02-broken"]["status"] == "failed"
    assert statuses["02-broken"]["error"] == "RuntimeError: this notebook fails on purpose"
    assert "failed: RuntimeError: this notebook fails on purpose" in (failed / "index.html").read_text()
    assert "this notebook fails on purpose" in (failed / "02-broken.html").read_text()
    assert not any(p.name.startswith(".reports.tmp") for p in tmp_path.iterdir())


@pytest.mark.slow
@pytest.mark.parametrize("fixture, error", [
    ("sys-exit.ipynb", "SystemExit: 3"),
    ("kernel-interrupted.ipynb", "KeyboardInterrupt: "),
    ("kernel-dies.ipynb", "DeadKernelError: Kernel died"),
])
def test_a_notebook_that_exits_is_interrupted_or_loses_its_kernel_fails_alone(tmp_path, last_good_report, fixture, error):
    """Each is one failed notebook: the run goes on to the next, exits 1 and keeps the last good report."""
    out, before = copy_report(last_good_report, tmp_path)
    folder = _notebooks(tmp_path, **{"01_broken": fixture, "02_after": "ok.ipynb"})
    result = subprocess.run(_render_command(out, folder), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"01-broken.ipynb ...\n      failed in" in result.stdout and error.strip() in result.stdout
    assert "02-after.ipynb ...\n      ok in" in result.stdout  # the next notebook still ran
    assert snapshot(out) == before, "the last good report was changed"
    failed = _the_failed_run(tmp_path)
    run = json.loads((failed / "run.json").read_text())
    assert not run["ok"]
    assert [(n["name"], n["status"], n["error"]) for n in run["notebooks"]] == [
        ("01-broken", "failed", error), ("02-after", "ok", "")]
    assert f"failed: {error.strip()}" in (failed / "index.html").read_text()
    assert "this notebook ran" in (failed / "02-after.html").read_text()
    assert (failed / "01-broken.html").exists()  # the failed notebook is written however it ends, and shown


@pytest.mark.slow
def test_a_running_notebook_is_written_when_it_starts_after_its_last_cell_and_when_it_ends(tmp_path, monkeypatch):
    """Not at every cell's start and end, as papermill does: with plotly.js embedded that was a third of a report."""
    import papermill
    import papermill.engines

    from helpers.render import _local_kernel_manager, _sparse_save_engine, ensure_kernel

    writes = []
    real = papermill.engines.write_ipynb
    monkeypatch.setattr(papermill.engines, "write_ipynb", lambda nb, path: (writes.append(path), real(nb, path)))
    out = tmp_path / "ok-run.ipynb"
    papermill.execute_notebook(str(FAILURE_NOTEBOOKS / "ok.ipynb"), str(out), kernel_name=ensure_kernel(),
                               progress_bar=False, kernel_manager_class=_local_kernel_manager(),
                               engine_name=_sparse_save_engine())
    assert len(writes) == 3, writes  # papermill's own engine writes 2 + 2 per cell: 8 here
    assert "this notebook ran" in out.read_text()


BAD_PARAMETERS = [
    (["-p", "colour", "red"], "unknown parameter 'colour'"),
    (["-p", "start_date", "2020-02-30"], "parameter start_date: '2020-02-30' is not a real date"),
    (["-p", "engine", "bert"], "parameter engine must be one of textblob, vader"),
    (["-p", "rolling_window", "seven"], "parameter rolling_window must be a whole number"),
    (["--notebooks", "09"], "--notebooks: no notebook '09'"),
]


@pytest.mark.parametrize("args, message", BAD_PARAMETERS)
def test_bad_parameters_are_refused_before_any_notebook_runs(tmp_path, capsys, args, message):
    # In this process (a fresh interpreter costs seconds per case); the next test runs one case as a command.
    out = tmp_path / "reports"
    status = main(["render", str(SEEDS), "--out", str(out), *args])
    captured = capsys.readouterr()
    assert status == 2
    assert message in captured.err and len(captured.err.strip().splitlines()) == 1
    assert not out.exists() and "[1/" not in captured.out


def test_a_bad_parameter_is_refused_by_the_command_in_one_line_before_any_notebook_runs(tmp_path):
    args, message = BAD_PARAMETERS[0]
    out = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "helpers.cli", "render", str(SEEDS), "--out", str(out), *args],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and "[1/" not in result.stdout


def test_missing_corpus_is_refused(tmp_path):
    assert main(["render", str(tmp_path / "missing"), "--out", str(tmp_path / "r")]) == 2


def _running_kernel(pid: int) -> bool:
    """Is process ``pid`` a kernel still running (not gone, not a zombie nobody reaped)?"""
    proc = Path(f"/proc/{pid}")
    try:
        state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        command = (proc / "cmdline").read_bytes()
    except FileNotFoundError:
        return False
    return state not in ("Z", "X") and b"ipykernel" in command


@pytest.mark.slow
@pytest.mark.parametrize("fixture, status, said", [
    ("interrupts-the-run", 130, "sourcebook: interrupted"),  # Ctrl-C
    ("terminates-the-run", 143, "sourcebook: terminated"),  # a scheduler's kill (SIGTERM)
])
def test_ctrl_c_during_a_notebook_stops_the_run_at_once_and_leaves_the_last_good_report(
        tmp_path, last_good_report, fixture, status, said):
    """The fixture's cell sends SIGINT (or SIGTERM) to the render running it, what Ctrl-C in its terminal (or
    a scheduler's timeout) does, then keeps running for a minute: the signal lands while a notebook runs,
    every time, without a sleep in the test."""
    out, before = copy_report(last_good_report, tmp_path)
    folder = _notebooks(tmp_path, **{f"01_{fixture.replace('-', '_')}": f"{fixture}.ipynb", "02_tone_over_time": None})
    result = subprocess.run(_render_command(out, folder), capture_output=True, text=True, timeout=300)
    assert result.returncode == status, result.stdout + result.stderr
    assert said in result.stderr
    assert f"[1/2] 01-{fixture}.ipynb" in result.stdout and "[2/2]" not in result.stdout
    assert not (folder / "cell-finished").exists(), "render waited for the interrupted cell to finish"
    assert not _running_kernel(int((folder / "kernel.pid").read_text())), "the kernel was left running"
    assert snapshot(out) == before, "the last good report was changed"
    failed = _the_failed_run(tmp_path)  # the interrupted run's work, kept for inspection
    assert (failed / "data" / "articles.csv").exists() and (failed / "data" / "analysis.json").exists()
    assert not (failed / "run.json").exists() and not (failed / "index.html").exists()
    assert not (failed / "02-tone-over-time.ipynb").exists()


def test_parameters_file_and_types(tmp_path):
    declared = notebook_parameters(list_notebooks(NOTEBOOKS))
    assert check_parameters({"rolling_window": "3", "start_date": "September 1, 2019"}, declared) == {
        "rolling_window": 3, "start_date": "2019-09-01"}
    with pytest.raises(SourcebookError, match="set by sourcebook render itself"):
        check_parameters({"analysis_dir": "x"}, declared)
    with pytest.raises(SourcebookError, match="after end_date"):
        check_parameters({"start_date": "2021-01-01", "end_date": "2020-01-01"}, declared)
    params = tmp_path / "params.yaml"
    params.write_text("keyword: Weibo\nengine: vader\n")
    from helpers.cli import _parse_params
    assert _parse_params([["engine", "textblob"]], [str(params)]) == {"keyword": "Weibo", "engine": "textblob"}


def test_a_second_run_on_the_same_folder_is_locked_out(tmp_path):
    from helpers.render import Lock

    out = tmp_path / "reports"
    with Lock(tmp_path / ".reports.lock"):
        with pytest.raises(SourcebookError, match="another sourcebook render is writing"):
            render(str(SEEDS), str(out), notebooks="01", say=lambda m: None)
    assert not out.exists()


@pytest.mark.slow
def test_log_file(tmp_path):
    log = tmp_path / "render.log"
    assert main(["render", str(SEEDS), "--out", str(tmp_path / "r"), "--notebooks", "01", "--log", str(log)]) == 0
    text = log.read_text()
    assert "[1/1] 01-corpus-overview.ipynb" in text and "ok in" in text


def test_bad_corpus_is_refused_without_leaving_folders_behind(tmp_path):
    result = subprocess.run([sys.executable, "-m", "helpers.cli", "render",
                             str(ROOT / "tests" / "fixtures" / "bad_inputs" / "no-text-column.csv"),
                             "--out", str(tmp_path / "reports")], capture_output=True, text=True)
    assert result.returncode == 2 and "no text column" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []


def test_parameters_from_yaml_must_be_single_values():
    declared = notebook_parameters(list_notebooks(NOTEBOOKS))
    with pytest.raises(SourcebookError, match="must be a single value"):
        check_parameters({"keyword": ["a", "b"]}, declared)
    with pytest.raises(SourcebookError, match="whole number"):
        check_parameters({"rolling_window": 2.9}, declared)


@pytest.mark.slow
def test_a_folder_with_no_analysable_article_keeps_the_last_good_report(tmp_path, last_good_report):
    """Under cron, an emptied or broken corpus folder must not replace the reports with empty ones."""
    out, files = copy_report(last_good_report, tmp_path)
    before = (out / "index.html").read_text()
    empty, broken = tmp_path / "empty", tmp_path / "broken"
    empty.mkdir(), broken.mkdir()
    (broken / "blank.txt").write_text("   \n")
    (broken / "binary.txt").write_bytes(b"\x00\x01\x02")
    for corpus, why in ((empty, "no .txt, .csv, .tsv or .jsonl file"), (broken, "2 input(s) rejected")):
        result = subprocess.run([sys.executable, "-m", "helpers.cli", "render", str(corpus), "--out", str(out)],
                                capture_output=True, text=True)
        # 1, as for a failed notebook: no report was made (2 is for a command given wrongly)
        assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "no article to analyse" in result.stderr and why in result.stderr and str(corpus) in result.stderr
        assert (out / "index.html").read_text() == before and snapshot(out) == files
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["broken", "empty", "reports"]


@pytest.mark.slow
def test_a_keyword_that_matches_nothing_says_so_at_the_top_and_claims_nothing(tmp_path):
    out = tmp_path / "reports"
    assert main(["render", str(SEEDS), "--out", str(out), "-p", "keyword", "zzqxv"]) == 0
    for html in sorted(out.glob("[0-9]*.html")):
        text = html.read_text()
        banner = text.index("Nothing to show.")
        assert banner < text.index("Key figures"), html.name  # before the first finding
        assert "None of the 3 analysed articles mentions &#x27;zzqxv&#x27;" in text or \
            "None of the 3 analysed articles mentions 'zzqxv'" in text
        assert "Only one engine was run" not in text


def test_a_source_profile_renders_from_the_command_the_sourcing_report_gives(rendered, tmp_path):
    sourcing = (rendered / "03-sourcing-over-time.html").read_text()
    assert "--notebooks 05 -p source" in sourcing and "Bloomberg News" in sourcing
    out = tmp_path / "profile"
    assert main(["render", str(SEEDS), "--out", str(out), "--notebooks", "05", "-p", "source", "bloomberg news"]) == 0
    text = (out / "05-source-profile.html").read_text()
    assert "Bloomberg News" in text and "Nothing to show" not in text
    rows = pd.read_csv(out / "data" / "05-source-attributions.csv", keep_default_na=False)
    assert set(rows["source_name"]) == {"Bloomberg News"} and len(rows) >= 1
    passed = pd.read_csv(out / "data" / "05-source-passed-on.csv", keep_default_na=False)
    assert passed["attributions"].sum() == 2  # the anonymous sources Bloomberg reported
    run = json.loads((out / "run.json").read_text())
    assert run["parameters"] == {"source": "bloomberg news"}
