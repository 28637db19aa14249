"""`sourcebook render`: reports, data, index, failures that keep the last good report, refused parameters."""

import json
import re
import shutil
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from helpers.cli import main
from helpers.errors import SourcebookError
from helpers.render import check_parameters, list_notebooks, notebook_parameters, render

from .conftest import NOTEBOOKS, ROOT, SEEDS


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


def _broken_notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(NOTEBOOKS / "01-corpus-overview.ipynb", folder)
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 02 · Broken on purpose"),
        nbformat.v4.new_code_cell('corpus: str = ""\nanalysis_dir: str = ""\ntables_dir: str = ""', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("raise RuntimeError('this notebook fails on purpose')"),
    ])
    nb.metadata["kernelspec"] = {"name": "sourcebook", "display_name": "Sourcebook (Python 3)", "language": "python"}
    nbformat.write(nb, folder / "02-broken.ipynb")
    return folder


def test_a_failing_notebook_keeps_the_previous_report_and_exits_1(tmp_path):
    out = tmp_path / "reports"
    good = render(str(SEEDS), str(out), notebooks="01", say=lambda m: None)
    assert good.ok
    before = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    folder = _broken_notebooks(tmp_path)
    result = subprocess.run([sys.executable, "-m", "helpers.cli", "render", str(SEEDS), "--out", str(out),
                             "--notebooks-dir", str(folder)], capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "RuntimeError: this notebook fails on purpose" in result.stdout
    after = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before, "the last good report was changed"
    failed = [p for p in tmp_path.iterdir() if p.name.startswith("reports-failed-")]
    assert len(failed) == 1
    run = json.loads((failed[0] / "run.json").read_text())
    statuses = {n["name"]: n for n in run["notebooks"]}
    assert statuses["01-corpus-overview"]["status"] == "ok"
    assert statuses["02-broken"]["status"] == "failed"
    assert statuses["02-broken"]["error"] == "RuntimeError: this notebook fails on purpose"
    assert "failed: RuntimeError: this notebook fails on purpose" in (failed[0] / "index.html").read_text()
    assert "this notebook fails on purpose" in (failed[0] / "02-broken.html").read_text()
    assert not any(p.name.startswith(".reports.tmp") for p in tmp_path.iterdir())


@pytest.mark.parametrize("args, message", [
    (["-p", "colour", "red"], "unknown parameter 'colour'"),
    (["-p", "start_date", "2020-02-30"], "parameter start_date: '2020-02-30' is not a real date"),
    (["-p", "engine", "bert"], "parameter engine must be one of textblob, vader"),
    (["-p", "rolling_window", "seven"], "parameter rolling_window must be a whole number"),
    (["--notebooks", "09"], "--notebooks: no notebook '09'"),
])
def test_bad_parameters_are_refused_before_any_notebook_runs(tmp_path, args, message):
    out = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "helpers.cli", "render", str(SEEDS), "--out", str(out), *args],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and "[1/" not in result.stdout


def test_missing_corpus_is_refused(tmp_path):
    assert main(["render", str(tmp_path / "missing"), "--out", str(tmp_path / "r")]) == 2


def test_an_interrupted_run_leaves_the_last_good_report(tmp_path):
    import signal
    import time

    out = tmp_path / "reports"
    assert render(str(SEEDS), str(out), notebooks="01", say=lambda m: None).ok
    before = sorted(p.name for p in out.rglob("*"))
    process = subprocess.Popen([sys.executable, "-m", "helpers.cli", "render", str(SEEDS), "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in process.stdout:  # wait until a notebook is running, then interrupt as Ctrl-C would
        if line.startswith("[1/"):
            break
    time.sleep(1)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=120)
    assert process.returncode != 0
    assert sorted(p.name for p in out.rglob("*")) == before
    assert len([p for p in tmp_path.iterdir() if p.name.startswith("reports-failed-")]) == 1
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


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


def test_a_folder_with_no_analysable_article_keeps_the_last_good_report(tmp_path):
    """Under cron, an emptied or broken corpus folder must not replace the reports with empty ones."""
    out = tmp_path / "reports"
    assert main(["render", str(SEEDS), "--out", str(out), "--notebooks", "01"]) == 0
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
        assert (out / "index.html").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["broken", "empty", "reports"]


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
