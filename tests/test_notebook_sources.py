"""The notebooks students open are exactly what their sources build (outputs aside).

- every committed ``notebooks/<lang>/NN-name.ipynb`` has the cells, metadata and ids that
  ``notebooks/build.py`` makes from ``notebooks/source/NN-name.md``; a notebook edited by hand,
  or a source edited without rebuilding, fails here;
- the Chinese and English notebooks of a lesson share every code cell, apart from the
  language line, so the two courses cannot drift apart;
- every lesson exists in both languages, and no stray notebook sits beside them.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
_spec = importlib.util.spec_from_file_location("build", NOTEBOOKS / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

SOURCES = build.sources()
CASES = [(s, lang) for s in SOURCES for lang in build.LANGUAGES]


def _without_outputs(notebook: nbformat.NotebookNode) -> list[tuple]:
    return [
        (cell.id, cell.cell_type, cell.source,
         {k: v for k, v in cell.metadata.items() if k != "execution"})
        for cell in notebook.cells
    ]


def test_there_are_lessons():
    assert len(SOURCES) >= 9


@pytest.mark.parametrize(
    ("source", "language"), CASES, ids=[f"{s.stem}-{lang}" for s, lang in CASES]
)
def test_committed_notebook_is_what_the_source_builds(source, language):
    path = build.output_path(source, language)
    assert path.exists(), f"{path} is missing: run python notebooks/build.py {source.stem[:2]}"
    committed = nbformat.read(path, as_version=4)
    expected = build.notebook_for(source, language)
    assert _without_outputs(committed) == _without_outputs(expected), (
        f"{path.relative_to(NOTEBOOKS.parent)} differs from {source.name}: edit the source and "
        f"run python notebooks/build.py {source.stem[:2]}"
    )
    meta = {k: v for k, v in committed.metadata.items() if k != "widgets"}
    assert meta == expected.metadata


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_both_languages_share_the_code(source):
    def code(language):
        notebook = build.notebook_for(source, language)
        return [
            build.LANGUAGE_LINE.sub("LANGUAGE", c.source)
            for c in notebook.cells if c.cell_type == "code"
        ]

    assert code("zh") == code("en")
    zh = build.notebook_for(source, "zh")
    assert any(re.search(r'use_language\("zh"\)', c.source) for c in zh.cells), (
        f"{source.name}: no language line rk.use_language(...) in the code"
    )


def test_no_stray_notebooks():
    built = {build.output_path(s, lang) for s, lang in CASES}
    found = {p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts}
    landing = {NOTEBOOKS / "START.ipynb"}
    assert found - built - landing == set()
