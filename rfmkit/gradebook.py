"""The instructor's gradebook: re-run each student's saved notebook, collect what the kit's
checker says about every exercise, and write one table of student × exercise.

    python -m rfmkit.gradebook submissions/ [--out grades] [--timeout 300] [--language en]

``submissions/`` is searched recursively for ``*.ipynb`` (``.ipynb_checkpoints`` skipped). The
student is the file's stem (``submissions/alice.ipynb``), or the name of the folder it is in when
the file is named like a course notebook (``submissions/alice/02-rfm-groups.ipynb``: a name that
starts with two digits and ``-`` or ``_``); several notebooks of one student make one row.

Each notebook runs from its first cell in a fresh kernel (nbclient, the ``python3`` kernel, in
the notebook's folder, with this rfmkit first on the path) for at most ``--timeout`` seconds in
all. Every ``qN.check(...)`` it makes is recorded by the kit itself (``RFMKIT_RESULTS``, see
``rfmkit.exercises._core``), so the result is the checker's own, on the answer the student's code
computes now, not what the saved output says. A notebook that raises, times out or kills its
kernel is reported on the console ("stopped at cell N", counting every cell from 1, text cells
included) and the run goes on; its exercises checked after the failing cell are ``error``.

The exercises of a notebook are those of the module it imports
(``from rfmkit.exercises.nbNN import ...``), a column ``nbNN.qN`` each. A cell is ``passed``,
``wrong``, ``not tried`` (no ``check`` call, or ``check(____)``) or ``error``; of several
notebooks the best counts (passed, wrong, error, not tried). The table (see :func:`grade`) goes
to ``<out>.xlsx`` and ``<out>.csv`` (UTF-8 with a BOM, so Excel shows Chinese names), and is
printed.

It is a formative loop, not a guard against cheating: it runs the students' code with your
rights (run it in an account or container of its own); it cannot tell whether an answer was
typed in or computed, nor stop a student reading the solution when solutions are not locked
(``RFMKIT_LOCK``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

import nbformat
import pandas as pd

from rfmkit.exercises._core import CORRECT, INCORRECT, NOT_ATTEMPTED, RESULTS_VARIABLE
from rfmkit.labels import label, use_language

__all__ = ["grade", "main", "run_notebook", "write"]

PASSED, WRONG, NOT_TRIED, ERROR = "passed", "wrong", "not tried", "error"
RANK = {PASSED: 0, WRONG: 1, ERROR: 2, NOT_TRIED: 3}  # the best of several notebooks
FROM_CHECK = {CORRECT: PASSED, INCORRECT: WRONG, NOT_ATTEMPTED: NOT_TRIED}
COURSE_NAME = re.compile(r"\d\d[-_].*")
IMPORT = re.compile(r"\brfmkit\.exercises(?:\.|\s+import\s+)(nb\d\d)\b")
CHECK = re.compile(r"\b(q\d+)\s*\.\s*check\s*\(")
KIT_ROOT = Path(__file__).resolve().parent.parent  # the rfmkit the kernels import


@dataclass
class Run:
    """One notebook run: the last ``check`` result per ``(module, exercise)``, and where it
    stopped (``failed_cell``, the index of the failing cell, and ``error``) if it did."""

    results: dict[tuple[str, str], str] = field(default_factory=dict)
    failed_cell: int | None = None
    error: str | None = None


def student_of(path: Path) -> str:
    """The student a notebook belongs to: its stem, or its folder's name for a file named
    like a course notebook."""
    return path.parent.name if COURSE_NAME.fullmatch(path.stem) else path.stem


def exercise_calls(cells: list) -> tuple[list[str], dict[tuple[str, str], int]]:
    """From a notebook's cells: the exercise modules it imports (``["nb02"]``), and for each
    ``(module, "qN")`` the index of the last cell that calls its ``check``."""
    modules, calls, module = [], {}, None
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        for found in IMPORT.finditer(source):
            module = found.group(1)
            modules += [module] if module not in modules else []
        for found in CHECK.finditer(source):
            if module:
                calls[(module, found.group(1))] = index
    return modules, calls


def run_notebook(path: Path, timeout: float) -> Run:
    """Run the notebook at ``path`` in a fresh kernel for at most ``timeout`` seconds and
    return what its ``check`` calls said; a failure ends the run, it does not raise."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook = nbformat.read(path, as_version=4)
    run = Run()
    with tempfile.TemporaryDirectory() as folder:
        record = Path(folder) / "results.jsonl"
        env = {**os.environ, RESULTS_VARIABLE: str(record), "MPLBACKEND": "Agg",
               "PYTHONPATH": os.pathsep.join([str(KIT_ROOT), os.environ.get("PYTHONPATH", "")])}
        env.pop("RFMKIT_LOCK", None)
        client = NotebookClient(notebook, kernel_name="python3", allow_errors=False,
                                resources={"metadata": {"path": str(path.parent)}})
        deadline = time.monotonic() + timeout
        index = None
        try:
            with client.setup_kernel(env=env, stderr=subprocess.DEVNULL):  # the kernel's own log
                for index, cell in enumerate(notebook.cells):
                    if cell.cell_type == "code":
                        client.timeout = max(1, round(deadline - time.monotonic()))
                        client.execute_cell(cell, index)
        except CellExecutionError as error:
            run.failed_cell, run.error = index, f"{error.ename}: {error.evalue}"
        except CellTimeoutError:
            run.failed_cell, run.error = index, f"timed out after {timeout:g} s"
        except DeadKernelError:
            run.failed_cell, run.error = index, "the kernel died"
        except Exception as error:  # a kernel that cannot start, a broken file, ...
            run.failed_cell, run.error = index or 0, f"{type(error).__name__}: {error}"
        if record.exists():
            for line in record.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                module = entry["module"].rsplit(".", 1)[-1]
                run.results[(module, entry["exercise"])] = entry["result"]
    return run


def _status(key: tuple[str, str], run: Run, last_call: int | None) -> str:
    """passed / wrong / not tried / error for one exercise of one notebook run."""
    if run.failed_cell is not None and last_call is not None and (
            last_call > run.failed_cell or (last_call == run.failed_cell
                                            and key not in run.results)):
        return ERROR
    return FROM_CHECK.get(run.results.get(key), NOT_TRIED)


def exercises_of(module: str) -> list[str]:
    """The exercise names of ``rfmkit.exercises.<module>`` in order: ``["q1", "q2", ...]``."""
    names = import_module(f"rfmkit.exercises.{module}").__all__
    return sorted((n for n in names if re.fullmatch(r"q\d+", n)), key=lambda n: int(n[1:]))


def grade(folder: Path, timeout: float = 300, log=print) -> pd.DataFrame:
    """Re-run every notebook under ``folder`` and return the table: one row per student
    (sorted), a column ``nbNN.qN`` per exercise (values passed / wrong / not tried / error,
    in English) and ``total`` (the number passed). ``log`` gets one line per notebook."""
    grades: dict[str, dict[str, str]] = {}
    columns: dict[str, None] = {}
    paths = sorted(p for p in Path(folder).rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)
    for path in paths:
        student = student_of(path)
        row = grades.setdefault(student, {})
        modules, calls = exercise_calls(nbformat.read(path, as_version=4).cells)
        started = time.monotonic()
        run = run_notebook(path, timeout)
        seconds = time.monotonic() - started
        if run.error:
            log(label("gradebook.failed").format(student=student, notebook=path.name,
                                                 cell=run.failed_cell + 1, error=run.error))
        else:
            log(label("gradebook.ran").format(student=student, notebook=path.name,
                                              seconds=round(seconds)))
        for module in modules:
            try:
                names = exercises_of(module)
            except ImportError:  # a module this kit does not have
                continue
            for name in names:
                key, column = (module, name), f"{module}.{name}"
                columns[column] = None
                status = _status(key, run, calls.get(key))
                if RANK[status] < RANK[row.get(column, NOT_TRIED)] or column not in row:
                    row[column] = status
    ordered = sorted(columns, key=lambda c: (c.split(".")[0], int(c.split(".q")[1])))
    table = pd.DataFrame.from_dict(grades, orient="index").reindex(columns=ordered)
    table = table.fillna(NOT_TRIED).sort_index().rename_axis("student")
    table["total"] = (table == PASSED).sum(axis=1)
    return table


def localised(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its values, ``student`` and ``total`` in the current language."""
    names = {s: label(f"gradebook.{s.replace(' ', '_')}") for s in RANK}
    out = table.copy()
    exercises = [c for c in out.columns if c != "total"]
    out[exercises] = out[exercises].apply(lambda column: column.map(names))
    return out.rename(columns={"total": label("gradebook.total")}).rename_axis(
        label("gradebook.student"))


def write(table: pd.DataFrame, out: Path) -> list[Path]:
    """Write ``table`` to ``<out>.xlsx`` and ``<out>.csv`` (UTF-8 with BOM); return both paths."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    xlsx, csv = out.with_name(out.name + ".xlsx"), out.with_name(out.name + ".csv")
    table.to_excel(xlsx, sheet_name="grades")
    table.to_csv(csv, encoding="utf-8-sig")
    return [xlsx, csv]


def main(argv: list[str] | None = None) -> int:
    """The command line; returns the exit status (0, or 2 when no notebook was found)."""
    parser = argparse.ArgumentParser(prog="python -m rfmkit.gradebook",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path, help="folder of the students' notebooks")
    parser.add_argument("--out", type=Path, default=Path("grades"),
                        help="output name without extension (default: grades)")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds per notebook, all cells together (default: 300)")
    parser.add_argument("--language", choices=["en", "zh"], default="en")
    args = parser.parse_args(argv)
    use_language(args.language)
    if not any(args.submissions.rglob("*.ipynb")):
        print(label("gradebook.none").format(folder=args.submissions), file=sys.stderr)
        return 2
    table = localised(grade(args.submissions, args.timeout))
    print(table.to_string())
    paths = write(table, args.out)
    print(label("gradebook.written").format(paths=", ".join(str(p) for p in paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
