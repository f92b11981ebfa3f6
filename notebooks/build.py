"""Build the course notebooks, in Chinese and English, from one source per lesson.

Authors edit ``notebooks/source/NN-name.md`` (MyST Markdown, read by jupytext) and run::

    python notebooks/build.py            # every lesson, both languages, run and saved
    python notebooks/build.py 02 06      # only lessons 02 and 06
    python notebooks/build.py --no-run   # cells only, no outputs (quick look)

A source holds each markdown cell twice, marked ``{"lang": "zh"}`` and ``{"lang": "en"}``
(a cell without ``lang``, e.g. a formula, goes to both). Code cells are shared: the only
difference between the two notebooks is the language line ``rk.use_language(...)``. Each
notebook is run top to bottom in a fresh kernel and written to ``notebooks/zh/`` and
``notebooks/en/`` with stable cell ids and no timing metadata, so a rebuild changes nothing but
what really changed. ``tests/test_notebook_sources.py`` fails when a committed notebook and its
source disagree.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import jupytext
import nbformat

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "source"
LANGUAGES = ("zh", "en")
LANGUAGE_LINE = re.compile(r'^rk\.use_language\("(zh|en)"\).*$', re.MULTILINE)
SET_LANGUAGE = {
    "zh": 'rk.use_language("zh")  # English: rk.use_language("en")',
    "en": 'rk.use_language("en")  # 中文: rk.use_language("zh")',
}
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
RUN_TIMEOUT = 600  # seconds per cell


def sources(selected: list[str] | None = None) -> list[Path]:
    """The lesson sources, in course order; ``selected`` keeps those whose name starts so."""
    paths = sorted(SOURCES.glob("*.md"))
    if selected:
        paths = [p for p in paths if any(p.name.startswith(s) for s in selected)]
    return paths


def output_path(source: Path, language: str) -> Path:
    """Where the notebook of ``source`` in ``language`` is written: notebooks/<lang>/<name>.ipynb."""
    return HERE / language / f"{source.stem}.ipynb"


def notebook_for(source: Path, language: str) -> nbformat.NotebookNode:
    """The notebook of one lesson in one language, without outputs.

    Markdown cells of the other language are left out; the language line of the code is set to
    ``language``; cell ids are stable (``<lesson>-<n>``), so rebuilding gives the same file.
    """
    lesson = jupytext.read(source, fmt="md:myst")
    cells = []
    for cell in lesson.cells:
        cell = copy.deepcopy(cell)
        cell_language = cell.metadata.pop("lang", None)
        if cell_language not in (None, *LANGUAGES):
            raise ValueError(f"{source.name}: unknown lang {cell_language!r} in a cell")
        if cell_language not in (None, language):
            continue
        if cell.cell_type == "code":
            cell.source = LANGUAGE_LINE.sub(SET_LANGUAGE[language], cell.source)
            cell.outputs = []
            cell.execution_count = None
        cell.id = f"{source.stem[:2]}-{len(cells):03d}"
        cells.append(cell)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": KERNEL,
        "language_info": {"name": "python"},
        "rfmkit": {"language": language, "source": f"source/{source.name}"},
        **{k: v for k, v in lesson.metadata.items() if k in ("rise", "slideshow")},
    }
    return notebook


def run(notebook: nbformat.NotebookNode, workdir: Path) -> None:
    """Run every cell in a fresh kernel (in ``workdir``), keep the outputs, drop timings."""
    from nbclient import NotebookClient

    NotebookClient(
        notebook, timeout=RUN_TIMEOUT, kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
    ).execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata["language_info"] = {"name": "python"}


def build(source: Path, language: str, execute: bool = True) -> Path:
    """Build, optionally run, and write one notebook; return its path."""
    notebook = notebook_for(source, language)
    path = output_path(source, language)
    path.parent.mkdir(exist_ok=True)
    if execute:
        run(notebook, path.parent)
    nbformat.validate(notebook)
    path.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="*", help="lesson numbers or names, e.g. 02 06")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="only this language")
    parser.add_argument("--no-run", action="store_true", help="write cells without outputs")
    args = parser.parse_args(argv)
    chosen = sources(args.lessons)
    if not chosen:
        print(f"no lesson source matches {args.lessons} in {SOURCES}", file=sys.stderr)
        return 1
    for source in chosen:
        for language in args.lang or LANGUAGES:
            path = build(source, language, execute=not args.no_run)
            print(f"built {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
