"""The conda environment and pyproject.toml name the same dependencies with the same lower bounds."""

import re
import tomllib

import yaml

from .conftest import ROOT

ALIASES = {"vadersentiment": "vadersentiment", "pyyaml": "pyyaml"}


def _normalise(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)", requirement)
    name, spec = match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")
    return ALIASES.get(name, name), spec


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(_normalise(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = dict(_normalise(d) for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip")))
    assert conda == wanted
    pip_section = next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]
    assert "-e ." in pip_section


def test_ci_runs_the_readme_test_command_and_nothing_else():
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert ci[-1].strip() == "make test"
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make report" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_scheduled_workflow_is_valid_yaml_with_a_schedule_and_the_same_command():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "reports.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on") or workflow.get(True)  # YAML 1.1 reads a bare `on` as True
    assert triggers["schedule"][0]["cron"].count(" ") == 4
    assert "workflow_dispatch" in triggers
    steps = workflow["jobs"]["render"]["steps"]
    assert any("make report" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in steps)


def test_lab_setup_writes_kernel_and_offline_settings(tmp_path):
    import json

    from helpers.lab_setup import setup

    written = setup(tmp_path)
    kernel = json.loads(written[0].read_text())
    assert kernel["display_name"] == "Sourcebook (Python 3)" and "ipykernel_launcher" in " ".join(kernel["argv"])
    server = json.loads(written[1].read_text())
    assert server["LabApp"]["news_url"] is None
    assert server["LabApp"]["check_for_updates_class"] == "jupyterlab.NeverCheckForUpdate"
    overrides = json.loads(written[2].read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
