"""Present the course live: ``python -m rfmkit.present [NOTEBOOK ...]``.

The slides are jupyterlab-slideshow's *deck* mode inside JupyterLab, so every ipywidget
responds as in the notebook. This command

1. copies the notebooks (default: every lesson in ``notebooks/zh/`` and ``notebooks/en/``) into
   a fresh folder, so presenting never changes the course's files (autosave is off as well);
2. prepares the copies for deck mode (:func:`deck_notebook`): ``slide_type: "-"`` is removed
   (deck mode reads only a missing type as "continue" and would hide those cells); a cell that
   shows a widget becomes a fragment, so arriving at it makes it the active cell (deck mode
   scrolls an activated cell to the top, and a click that activates one is lost in that jump);
   cells tagged ``hide-input`` show only their output;
3. starts JupyterLab on the copies with the presenter style (``presenter_style.json``: body
   text 26 px, tables 20 px, charts as wide as the slide, nothing under the navigation
   arrows), applied only while a deck is shown.

Then start the deck: the deck button in the notebook's toolbar, or *Start Deck* in the command
palette (Ctrl + Shift + C; Cmd + Shift + C on a Mac).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

STYLE_FILE = Path(__file__).with_name("presenter_style.json")
COURSE_NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
HIDE_INPUT_TAGS = frozenset({"hide-input", "remove-input"})
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# Defaults for a presenting JupyterLab (users' own settings still win): the presenter style
# (as global styles of jupyterlab-fonts, which jupyterlab-slideshow uses) and no autosave.
FONTS_PLUGIN = "@deathbeds/jupyterlab-fonts:fonts"
DOCMANAGER_PLUGIN = "@jupyterlab/docmanager-extension:plugin"


def presenter_style() -> dict:
    """The presenter stylesheet: CSS selectors (all under deck mode) to CSS properties."""
    return json.loads(STYLE_FILE.read_text(encoding="utf-8"))


def presenter_overrides() -> dict:
    """JupyterLab settings overrides for presenting."""
    return {
        FONTS_PLUGIN: {"styles": presenter_style()},
        DOCMANAGER_PLUGIN: {"autosave": False},
    }


def deck_notebook(notebook: dict) -> dict:
    """A copy of ``notebook`` (nbformat JSON) prepared for deck mode; the input is not changed."""
    prepared = json.loads(json.dumps(notebook))
    for cell in prepared.get("cells", []):
        metadata = cell.setdefault("metadata", {})
        slideshow = metadata.get("slideshow")
        if isinstance(slideshow, dict) and slideshow.get("slide_type") == "-":
            del slideshow["slide_type"]
            if not slideshow:
                del metadata["slideshow"]
        if cell.get("cell_type") != "code":
            continue
        if shows_widget(cell) and not metadata.get("slideshow", {}).get("slide_type"):
            metadata["slideshow"] = {"slide_type": "fragment"}
        if HIDE_INPUT_TAGS & set(metadata.get("tags", [])):
            metadata.setdefault("jupyter", {})["source_hidden"] = True
    return prepared


def shows_widget(cell: dict) -> bool:
    """Whether a code cell's stored output is a widget."""
    return any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", []))


def copy_for_presenting(source: Path, target: Path, *, transform=None) -> Path:
    """Write the deck-ready copy of ``source`` to ``target`` (``transform`` edits it first)."""
    notebook = json.loads(Path(source).read_text(encoding="utf-8"))
    if transform is not None:
        notebook = transform(notebook)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(deck_notebook(notebook), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return target


def default_app_settings_dir() -> Path:
    """JupyterLab's application settings folder (where ``overrides.json`` would live)."""
    from jupyterlab.commands import get_app_dir

    return Path(get_app_dir()) / "settings"


def write_app_settings(target: Path) -> Path:
    """An application settings folder: JupyterLab's own (if any) plus the presenter overrides.

    Pass it as ``--LabApp.app_settings_dir``; only that server sees the presenter settings.
    """
    target = Path(target)
    source = default_app_settings_dir()
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    overrides_d = target / "overrides.d"
    overrides_d.mkdir(parents=True, exist_ok=True)
    (overrides_d / "rfmkit-presenter.json").write_text(
        json.dumps(presenter_overrides(), indent=1), encoding="utf-8"
    )
    return target


def lab_arguments(app_settings_dir: Path) -> list[str]:
    """Command-line options that make ``jupyter lab`` a presenting server."""
    return [f"--LabApp.app_settings_dir={app_settings_dir}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rfmkit.present",
        description="Present course notebooks as slides from copies (the originals never change).",
    )
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to present (default: every notebook of the course)")
    parser.add_argument("--folder", type=Path, default=None,
                        help="where to put the copies (default: a new temporary folder)")
    options, lab_options = parser.parse_known_args(argv)  # the rest goes to `jupyter lab`
    sources = options.notebooks or sorted(COURSE_NOTEBOOKS.glob("[a-z][a-z]/*.ipynb"))
    if not sources:
        parser.error(f"no notebooks found in {COURSE_NOTEBOOKS}")
    folder = options.folder or Path(tempfile.mkdtemp(prefix="rfmkit-present-"))
    # notebooks/zh/02-x.ipynb -> <folder>/zh/02-x.ipynb: both languages side by side
    copies = [copy_for_presenting(s, folder / Path(s).parent.name / Path(s).name)
              for s in sources]
    settings = write_app_settings(folder / ".presenter-settings")
    print(f"Presenting copies in {folder} (the course's notebooks are not changed).")
    print("Start the slides with the deck button in the notebook's toolbar.")
    command = [sys.executable, "-m", "jupyter", "lab", *lab_arguments(settings),
               f"--ServerApp.root_dir={folder}", *lab_options,
               copies[0].relative_to(folder).as_posix()]
    try:
        return subprocess.call(command, cwd=folder, env=dict(os.environ))
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
