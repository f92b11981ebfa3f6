"""Cheap checks of every notebook's stored form (no kernel, no browser).

- every cell has a RISE slide type, and the first cell opens a slide;
- the stored outputs come from one top-to-bottom run (execution counts 1..n), with no error;
- code cells stay short (at most 15 lines: a student reads each one whole);
- ``nbval-ignore-output`` only on widget cells (their output holds a fresh model id each run),
  and after each such cell comes a code cell without it: the widget's result, checked by nbval;
- the set-up calls ``rk.use_language(`` (the browser test switches it to Chinese);
- the notebook ends with at least three self-checking exercises (``qN.check(``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[a-z][a-z]/*.ipynb"))  # the lessons, zh/ and en/

SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "-", "notes"}
MAX_CODE_LINES = 15
IGNORE_OUTPUT_TAG = "nbval-ignore-output"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
CHECK_CALL = re.compile(r"\bq(\d+)\.check\(")
MIN_EXERCISES = 3


def _load(path: Path) -> list[dict]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = notebook["cells"]
    for index, cell in enumerate(cells):
        cell["_index"] = index
        source = cell.get("source", "")
        cell["_source"] = "".join(source) if isinstance(source, list) else source
    return cells


def _where(path: Path, cell: dict) -> str:
    first = cell["_source"].strip().splitlines()[0] if cell["_source"].strip() else "(empty)"
    return f"{path.name} cell {cell['_index']} ({cell['cell_type']}: {first[:70]!r})"


def _code(cells: list[dict]) -> list[dict]:
    return [c for c in cells if c["cell_type"] == "code"]


def _is_widget(cell: dict) -> bool:
    return any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", []))


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


pytestmark = pytest.mark.parametrize(
    "path", NOTEBOOKS, ids=[f"{p.parent.name}-{p.stem}" for p in NOTEBOOKS]
)


def test_every_cell_has_a_slide_type_and_the_first_opens_a_slide(path):
    cells = _load(path)
    assert cells, f"{path.name} has no cells"
    wrong = []
    for cell in cells:
        slide_type = cell.get("metadata", {}).get("slideshow", {}).get("slide_type")
        if slide_type not in SLIDE_TYPES:
            wrong.append(f"{_where(path, cell)}: slide_type {slide_type!r}")
    assert not wrong, "cells without a valid slide type " + str(sorted(SLIDE_TYPES)) + ":\n" + (
        "\n".join(wrong)
    )
    first = cells[0]["metadata"]["slideshow"]["slide_type"]
    assert first == "slide", f"{path.name}: the first cell is a {first!r}, not a 'slide'"


def test_stored_outputs_come_from_one_run_top_to_bottom(path):
    code = _code(_load(path))
    counts = [cell.get("execution_count") for cell in code]
    expected = list(range(1, len(code) + 1))
    if counts != expected:
        first = next(
            c for c, n in zip(code, expected, strict=True) if c.get("execution_count") != n
        )
        pytest.fail(
            f"{path.name}: execution counts {counts}, expected {expected} (run it top to bottom "
            f"in a fresh kernel and save); first out of order: {_where(path, first)}",
            pytrace=False,
        )
    for cell in code:
        assert "outputs" in cell, f"{_where(path, cell)} has no stored outputs"
        for output in cell["outputs"]:
            if output["output_type"] == "execute_result":
                assert output.get("execution_count") == cell["execution_count"], (
                    f"{_where(path, cell)}: its result is from another run"
                )


def test_no_stored_error(path):
    errors = [
        f"{_where(path, cell)}: {output.get('ename')}: {output.get('evalue')}"
        for cell in _code(_load(path))
        for output in cell.get("outputs", [])
        if output["output_type"] == "error"
    ]
    assert not errors, "stored error outputs:\n" + "\n".join(errors)


def test_code_cells_are_short(path):
    long = [
        f"{_where(path, cell)}: {len(cell['_source'].splitlines())} lines"
        for cell in _code(_load(path))
        if len(cell["_source"].rstrip("\n").splitlines()) > MAX_CODE_LINES
    ]
    assert not long, f"code cells over {MAX_CODE_LINES} lines:\n" + "\n".join(long)


def test_only_widget_cells_ignore_their_output_and_a_checked_cell_follows(path):
    code = _code(_load(path))
    problems = []
    for position, cell in enumerate(code):
        if IGNORE_OUTPUT_TAG not in _tags(cell):
            continue
        if not _is_widget(cell):
            problems.append(
                f"{_where(path, cell)} is tagged {IGNORE_OUTPUT_TAG} but shows no widget"
            )
        following = code[position + 1] if position + 1 < len(code) else None
        if following is None:
            problems.append(
                f"{_where(path, cell)} is the last code cell: nothing checks its result"
            )
        elif IGNORE_OUTPUT_TAG in _tags(following):
            problems.append(
                f"{_where(path, cell)} is followed by {_where(path, following)}, also tagged "
                f"{IGNORE_OUTPUT_TAG}: the widget's result must be shown in a checked cell"
            )
    assert not problems, "\n".join(problems)


def test_the_set_up_chooses_the_language(path):
    code = _code(_load(path))
    assert any("rk.use_language(" in cell["_source"] for cell in code), (
        f"{path.name}: no code cell calls rk.use_language(...)"
    )


def test_the_notebook_ends_with_exercises(path):
    code = _code(_load(path))
    trailing = []
    for cell in reversed(code):
        found = CHECK_CALL.findall(cell["_source"])
        if not found:
            break
        trailing.extend(found)
    assert len(trailing) >= MIN_EXERCISES, (
        f"{path.name}: the last code cells call qN.check( {len(trailing)} time(s), "
        f"expected at least {MIN_EXERCISES} exercises at the end"
    )
    assert len(set(trailing)) == len(trailing), (
        f"{path.name}: an exercise is checked twice at the end: q{sorted(trailing)}"
    )
