"""The slow and browser markers stay exact: a test not marked slow cannot start what makes a test slow."""

import pytest


def test_a_test_not_marked_slow_cannot_start_a_kernel_a_dask_cluster_or_chromium():
    from jupyter_client.manager import AsyncKernelManager, KernelManager

    for manager in (KernelManager, AsyncKernelManager):
        with pytest.raises(pytest.fail.Exception, match="starts a Jupyter kernel .* not marked slow"):
            manager(kernel_name="sourcebook").start_kernel()
    distributed = pytest.importorskip("distributed", reason="make test installs the dask extra")
    with pytest.raises(pytest.fail.Exception, match="starts a Dask cluster but is not marked slow"):
        distributed.LocalCluster(n_workers=1)
    with pytest.raises(pytest.fail.Exception, match="starts a Dask client but is not marked slow"):
        distributed.Client("tcp://127.0.0.1:1")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e .[dev] installs playwright")
    with pytest.raises(pytest.fail.Exception, match="starts Chromium but is not marked slow"):
        sync_api.BrowserType.launch(None)


def test_papermill_in_a_test_not_marked_slow_fails_before_any_kernel_runs(tmp_path):
    import nbformat
    import papermill

    notebook = tmp_path / "nb.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), notebook)
    with pytest.raises(pytest.fail.Exception, match="starts a Jupyter kernel"):
        papermill.execute_notebook(str(notebook), str(tmp_path / "out.ipynb"), kernel_name="sourcebook",
                                   progress_bar=False)

