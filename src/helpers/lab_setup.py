"""Set up this environment's Jupyter for Sourcebook: ``python -m helpers.lab_setup``.

Run by ``make`` after installing the project. It writes, inside the virtual
environment only (``sys.prefix``):

- the ``sourcebook`` kernel spec, so notebooks, papermill and nbval run with
  this environment's Python and ``import helpers`` works;
- JupyterLab settings that switch off the news feed and the update check,
  which otherwise ask to reach the internet on first open.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KERNEL_NAME = "sourcebook"
SERVER_CONFIG = {"LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"}}
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"},
}


def install_kernel(prefix: str | Path = sys.prefix) -> Path:
    """Install the ``sourcebook`` kernel spec (this Python) under ``prefix``; return its folder."""
    from ipykernel.kernelspec import install

    return Path(install(kernel_name=KERNEL_NAME, display_name="Sourcebook (Python 3)", prefix=str(prefix)))


def setup(prefix: str | Path = sys.prefix) -> list[Path]:
    """Install the kernel spec and the offline settings under ``prefix``; return the files written."""
    prefix = Path(prefix)
    kernel_dir = install_kernel(prefix)
    config = prefix / "etc" / "jupyter" / "jupyter_server_config.d" / "sourcebook.json"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps(SERVER_CONFIG, indent=2) + "\n", encoding="utf-8")
    overrides = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(overrides.read_text(encoding="utf-8")) if overrides.exists() else {}
    current.update(LAB_OVERRIDES)
    overrides.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return [kernel_dir / "kernel.json", config, overrides]


if __name__ == "__main__":
    for path in setup():
        print(f"wrote {path}")
