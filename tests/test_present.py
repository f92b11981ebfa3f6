"""rfmkit.present: the presenter's copy of a notebook and the presenting JupyterLab's settings."""

from __future__ import annotations

import json

from rfmkit import present

WIDGET_OUTPUT = {"output_type": "display_data",
                 "data": {present.WIDGET_MIME: {"model_id": "x"}, "text/plain": "VBox(...)"},
                 "metadata": {}}


def _cell(kind="code", slide_type=None, tags=None, outputs=None):
    metadata = {}
    if slide_type is not None:
        metadata["slideshow"] = {"slide_type": slide_type}
    if tags:
        metadata["tags"] = tags
    cell = {"cell_type": kind, "metadata": metadata, "source": "x = 1"}
    if kind == "code":
        cell["outputs"] = outputs or []
    return cell


def test_deck_notebook_reads_dash_as_continue_and_leaves_the_input_alone():
    notebook = {"cells": [_cell("markdown", "slide"), _cell(slide_type="-"),
                          _cell(slide_type="skip"), _cell(slide_type="fragment")]}
    before = json.dumps(notebook)
    prepared = present.deck_notebook(notebook)
    assert json.dumps(notebook) == before
    types = [c["metadata"].get("slideshow", {}).get("slide_type") for c in prepared["cells"]]
    assert types == ["slide", None, "skip", "fragment"]


def test_widget_cells_become_fragments_and_hide_input_tags_collapse_the_code():
    notebook = {"cells": [
        _cell("markdown", "slide"), _cell(slide_type="-", outputs=[WIDGET_OUTPUT]),
        _cell(slide_type="subslide", outputs=[WIDGET_OUTPUT]),
        _cell(slide_type="-", tags=["hide-input"]),
    ]}
    cells = present.deck_notebook(notebook)["cells"]
    assert cells[1]["metadata"]["slideshow"] == {"slide_type": "fragment"}
    assert cells[2]["metadata"]["slideshow"] == {"slide_type": "subslide"}  # kept
    assert cells[3]["metadata"]["jupyter"] == {"source_hidden": True}
    assert "jupyter" not in cells[1]["metadata"]


def test_copy_for_presenting_never_writes_the_source(tmp_path):
    source = tmp_path / "lesson.ipynb"
    source.write_text(json.dumps({"cells": [_cell(slide_type="-")], "metadata": {},
                                  "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    before = source.read_bytes()
    copy = present.copy_for_presenting(source, tmp_path / "copies" / "lesson.ipynb")
    assert source.read_bytes() == before
    assert json.loads(copy.read_text(encoding="utf-8"))["cells"][0]["metadata"] == {}


def test_presenter_settings_scope_every_rule_to_deck_mode(tmp_path):
    style = present.presenter_style()
    assert style and all(
        all(part.strip().startswith("body[data-jp-deck-mode='presenting']")
            for part in selector.split(","))
        for selector in style
    )
    settings = present.write_app_settings(tmp_path / "settings")
    overrides = json.loads((settings / "overrides.d" / "rfmkit-presenter.json").read_text())
    assert overrides[present.FONTS_PLUGIN]["styles"] == style
    assert overrides[present.DOCMANAGER_PLUGIN] == {"autosave": False}
    assert present.lab_arguments(settings) == [f"--LabApp.app_settings_dir={settings}"]
