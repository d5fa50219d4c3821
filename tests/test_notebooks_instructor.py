"""The instructor notebooks run from top to bottom in a real kernel and show what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


@pytest.fixture(scope="module")
def kernel_name() -> str:
    """`python3`, installed for this interpreter if the kernel spec is missing."""
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        subprocess.run([sys.executable, "-m", "ipykernel", "install", "--user", "--name", "python3"], check=True)
    return "python3"


def execute(name: str, kernel: str):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(
        notebook, timeout=180, kernel_name=kernel, resources={"metadata": {"path": str(NOTEBOOKS)}}
    ).execute()
    return notebook


def outputs(notebook) -> str:
    text = []
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            text.append(out.get("text", ""))
            text.extend(str(v) for v in out.get("data", {}).values())
    return "\n".join(text)


def test_class_report_notebook(kernel_name):
    shown = outputs(execute("class-report.ipynb", kernel_name))
    assert "Hand-ins used: 25. Files left out: 4." in shown  # 24 students + one with an edited tag
    assert "Measured on lines 1–18, claims" in shown
    assert "broken.json" in shown and "another version of the article" in shown
    # the mistakes in the teacher's words, not the codes ("quoted-as-reporter") the notebook showed
    assert "Gave a quoted speaker's words the reporter's voice. Students: 2 of 25. Times: 2." in shown
    assert "quoted-as-reporter" not in shown and "completion %" in shown
    assert "of 25 students" in shown and "report.html" in shown and "gradebook.csv" in shown


def test_build_exercise_notebook(kernel_name):
    shown = outputs(execute("build-exercise.ipynb", kernel_name))
    assert "in our list" in shown and "draft: true" in shown
    assert "still a draft" in shown and "- file: book/mill-road-draft" in shown
    assert "displacy" in shown.lower() or "spans" in shown


def test_every_notebook_is_valid_with_an_id_on_each_cell():
    """A cell without an id is a warning at every book build and test run, and a future nbformat's error."""
    import warnings

    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            notebook = nbformat.read(path, as_version=4)
            nbformat.validate(notebook)
        assert all("id" in cell for cell in notebook.cells), path.name
