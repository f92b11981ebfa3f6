"""Every notebook, run in a real browser: JupyterLab in Debian's Chromium, driven by Playwright.

For each ``notebooks/*.ipynb``, in English and in Chinese (a copy whose set-up cell says
``rk.use_language("zh")``): open it in JupyterLab, clear the stored outputs, run all cells,
wait until every code cell has its execution count and the kernel is idle, and fail on any
error output (the failing cell's text is in the message; stderr warnings are listed too).
Each widget is then used as a student would: a slider's handle is moved with the keyboard
(or a toggle button clicked, a dropdown changed), and the result the widget shows must change.
One notebook is also opened as a RISE slideshow. Screenshots of every run go to
``tests/output/screenshots/`` (``NN-name-en.png``, ``NN-name-zh.png``, ``rise-...png``).

The notebooks run on temporary copies: the committed files are never touched. Without
Playwright or Chromium the test is skipped, except under ``CI=true``, where it fails.
Run it alone with ``python -m pytest tests/test_browser.py -p no:nbval -o addopts="" -s``.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from browser_support import (
    CHROMIUM_ARGS,
    JS_APP_READY,
    JS_CELL_REPORT,
    JS_CLEAR_AND_RUN_ALL,
    JS_CLOSE,
    JS_FIND_PANEL,
    JS_IMAGES_LOADED,
    JS_IOPUB_PROBLEMS,
    JS_KERNEL_IDLE,
    JS_NOTEBOOK_OVERFLOW,
    JS_OPEN,
    JS_PAGE_PROBLEMS,
    JS_PREPARE_PANEL,
    JS_RUN_STATE,
    JS_SET_PHASE,
    JS_WIDGET_RESULT,
    JS_WIDGETS_RENDERED,
    JupyterLabServer,
    find_chromium,
    missing_requirement,
    strip_ansi,
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"
LANGUAGES = ("en", "zh")
LANGUAGE_CALLS = {language: f'rk.use_language("{language}")' for language in LANGUAGES}
ENGLISH_CALL = LANGUAGE_CALLS["en"]

VIEWPORT = {"width": 1280, "height": 900}
MAX_SCREENSHOT_HEIGHT = 30_000  # px; a longer notebook is cut there
LOAD_TIMEOUT = 90_000  # ms: JupyterLab loaded, notebook open, kernel idle
RUN_TIMEOUT = 180_000  # ms: all cells of one notebook
WIDGET_TIMEOUT = 60_000  # ms: a widget's result follows its control
KEY_PRESSES = 3

TIMINGS: dict[str, dict[str, float]] = {}


# ---- fixtures ---------------------------------------------------------------------------------
def _unavailable(reason: str):
    """Skip locally; under CI a missing browser is a failure, never a silent skip."""
    message = f"browser test cannot run: {reason}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    reason = missing_requirement()
    if reason:
        _unavailable(reason)
    root = tmp_path_factory.mktemp("lab-root")
    server = JupyterLabServer(root, tmp_path_factory.mktemp("lab-work"))
    try:
        server.start()
        yield server
    finally:
        server.stop()  # kernels, then the server: whatever happened


class LabPage:
    """One JupyterLab page, reused from notebook to notebook (loading JupyterLab takes ~10 s).

    After a failure the page is thrown away and the next test loads a fresh one, so a dialog or
    a broken state left behind cannot spread to the other notebooks.
    """

    def __init__(self, context, server: JupyterLabServer):
        self.context = context
        self.server = server
        self.page = None
        self.page_errors: list[str] = []

    def get(self):
        if self.page is None:
            page = self.context.new_page()
            page.on("pageerror", lambda error: self.page_errors.append(str(error)))
            page.goto(self.server.url("lab"), wait_until="domcontentloaded")
            try:
                page.wait_for_function(
                    "() => !!(window.jupyterapp && window.jupyterapp.shell)",
                    timeout=LOAD_TIMEOUT,
                )
            except Exception as error:
                page.close()
                raise AssertionError(
                    "JupyterLab did not load, or does not expose window.jupyterapp "
                    "(--LabApp.expose_app_in_browser); server log:\n" + self.server.log_tail()
                ) from error
            page.evaluate(JS_APP_READY)
            self.page = page
        self.page_errors.clear()
        return self.page

    def close_notebook(self) -> None:
        if self.page is not None:
            self.page.evaluate(JS_CLOSE)

    def discard(self) -> None:
        if self.page is not None:
            try:
                self.page.close()
            finally:
                self.page = None


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    try:
        chromium = manager.chromium.launch(
            executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        context = chromium.new_context(viewport=VIEWPORT, device_scale_factor=1)
        try:
            yield context
        finally:
            context.close()
            chromium.close()
    finally:
        manager.stop()


@pytest.fixture(scope="module")
def lab_page(lab, browser):
    holder = LabPage(browser, lab)
    try:
        yield holder
    finally:
        holder.discard()


@pytest.fixture(scope="module", autouse=True)
def _print_timings():
    yield
    if TIMINGS:
        print("\nbrowser test timings (s):")
        for key, parts in TIMINGS.items():
            print(f"  {key:40s} " + "  ".join(f"{k} {v:5.1f}" for k, v in parts.items()))


# ---- helpers ----------------------------------------------------------------------------------
def _copy_notebook(source: Path, root: Path, language: str) -> str:
    """Copy ``source`` to ``root/language/`` (set to that language); its path on the server."""
    target_dir = root / language
    target_dir.mkdir(exist_ok=True)
    target = target_dir / source.name
    notebook = json.loads(source.read_text(encoding="utf-8"))
    if language != "en":
        # Only the set-up cell (the first that calls it): 00-start-here switches back to
        # English on purpose later on.
        for cell in notebook["cells"]:
            text = "".join(cell["source"])
            if cell["cell_type"] == "code" and ENGLISH_CALL in text:
                cell["source"] = text.replace(ENGLISH_CALL, LANGUAGE_CALLS[language], 1)
                break
        else:
            pytest.fail(f"{source.name}: no code cell calls {ENGLISH_CALL}", pytrace=False)
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return f"{language}/{source.name}"


def _cell_text(cell: dict) -> str:
    source = cell["source"].strip()
    return "\n".join("    " + line for line in source.splitlines()) or "    (empty)"


def _describe(cell: dict) -> str:
    return f"cell {cell['index']} (execution count {cell['count']}):\n{_cell_text(cell)}"


def _outputs(cell: dict, kind: str) -> list[str]:
    if kind == "error":
        return [o["text"] for o in cell["outputs"] if o["type"] == "error"]
    return [o["text"] for o in cell["outputs"] if o["type"] == "stream" and o["name"] == "stderr"]


_NO_SUCH_COMM = re.compile(r"No such comm: ([0-9a-f-]+)")


def _kernel_messages(page) -> list[dict]:
    """The kernel's error and stderr messages, without the widget manager's handshake noise.

    When JupyterLab connects to a kernel, the ipywidgets manager opens a comm on the target
    ``jupyter.widget.control`` and asks it for the widgets' state. Before the notebook imports
    ipywidgets the kernel answers on stderr "No such comm target registered:
    jupyter.widget.control" and then "No such comm: <id>" for that comm (whose id the kernel
    never opened). Harmless, and it can come in while the first cells run; any other
    "No such comm" (a widget comm the kernel did open) is kept.
    """
    found = page.evaluate(JS_IOPUB_PROBLEMS)
    opened = set(found["kernel_comms"])

    def noise(line: str) -> bool:
        if "No such comm target registered: jupyter.widget.control" in line:
            return True
        match = _NO_SUCH_COMM.search(line)
        return bool(match) and match.group(1) not in opened

    messages = []
    for item in found["messages"]:
        if item["type"] == "stream" and item["parent"] != "execute_request":
            kept = [line for line in item["text"].splitlines() if line.strip() and not noise(line)]
            if not kept:
                continue
            item = {**item, "text": "\n".join(kept)}
        messages.append(item)
    return messages


def _warnings_text(cells: list[dict], iopub: list[dict]) -> str:
    """The stderr a student would see (cells) or not see (callbacks), as lines to report."""
    lines = []
    for cell in cells:
        for text in _outputs(cell, "stderr"):
            lines.append(
                f"  cell {cell['index']} [{cell['count']}]: {strip_ansi(text).strip()[:600]}"
            )
    for item in iopub:
        if item["type"] == "stream" and item["parent"] != "execute_request":
            lines.append(
                f"  ({item['phase']}, from a {item['parent'] or 'kernel'} message): "
                f"{strip_ansi(item['text']).strip()[:600]}"
            )
    return ("stderr warnings:\n" + "\n".join(lines)) if lines else ""


def _screenshot(page, path: Path) -> None:
    """The whole notebook: the window is made as tall as the notebook, then photographed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or VIEWPORT
    overflow = page.evaluate(JS_NOTEBOOK_OVERFLOW)
    height = min(size["height"] + overflow + 40, MAX_SCREENSHOT_HEIGHT)
    try:
        if overflow > 0:
            page.set_viewport_size({"width": size["width"], "height": height})
            page.wait_for_function(
                f"(height) => ({JS_NOTEBOOK_OVERFLOW})() <= 1 || window.innerHeight >= height",
                arg=MAX_SCREENSHOT_HEIGHT, timeout=30_000,
            )
        page.wait_for_function(JS_IMAGES_LOADED, timeout=30_000)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)


def _failure_screenshot(page, name: str) -> Path | None:
    """The whole notebook if one is open (the failing cell may be far down), else the window."""
    path = SCREENSHOTS / f"FAILED-{name}.png"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            _screenshot(page, path)
        except Exception:  # no notebook on the page: the window will do
            page.screenshot(path=str(path))
        return path
    except Exception:  # the original failure matters more
        return None


def _wait_settled(page, index: int) -> None:
    """The kernel idle and the widget's result unchanged over several polls in a row."""
    page.evaluate("() => { window.__rfmSettle = {value: null, polls: 0}; }")
    page.wait_for_function(
        f"""(index) => {{
          const now = ({JS_WIDGET_RESULT})(index);
          const idle = ({JS_KERNEL_IDLE})();
          const settle = window.__rfmSettle;
          if (idle && now === settle.value) settle.polls += 1;
          else {{ settle.value = now; settle.polls = 0; }}
          return settle.polls >= 4;
        }}""",
        arg=index, polling=250, timeout=WIDGET_TIMEOUT,
    )


def _use_widget(page, cell: dict) -> str:
    """Change one control of the widget in ``cell``; what was done. Fails if nothing follows."""
    index = cell["index"]
    root = page.locator(f'.jp-Cell[data-rfm-cell="{index}"] .jp-OutputArea-output').first
    before = page.evaluate(JS_WIDGET_RESULT, index)
    handles = root.locator(".widget-slider .noUi-handle")
    toggles = root.locator(".widget-toggle-button:not(.mod-active)")
    dropdowns = root.locator(".widget-dropdown select")
    if handles.count():
        handle = handles.first
        label = root.locator(".widget-slider .widget-label").first.inner_text().strip()
        handle.scroll_into_view_if_needed()
        start = handle.get_attribute("aria-valuenow")
        for _ in range(KEY_PRESSES):
            handle.press("ArrowRight")
        if handle.get_attribute("aria-valuenow") == start:  # it was at its maximum
            for _ in range(2 * KEY_PRESSES):
                handle.press("ArrowLeft")
        end = handle.get_attribute("aria-valuenow")
        assert end != start, f"slider '{label}' did not move with the arrow keys (at {start})"
        action = f"slider '{label}' moved with the keyboard from {start} to {end}"
    elif toggles.count():
        button = toggles.first
        text = button.inner_text().strip()
        button.click()
        action = f"toggle button '{text}' clicked"
    elif dropdowns.count():
        select = dropdowns.first
        options = select.locator("option")
        current = select.input_value()
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        other = next((v for v in values if v != current), None)
        if other is None:
            return "no control with a second choice: not exercised"
        select.select_option(other)
        action = f"dropdown changed from {current!r} to {other!r}"
    else:
        return "no slider, toggle button or dropdown: not exercised"
    try:  # the result changes, or the kernel reports an error from the widget's callback
        page.wait_for_function(
            f"([index, before]) => {{ const now = ({JS_WIDGET_RESULT})(index);"
            " return (now !== null && now !== before)"
            " || (window.__rfmIopub || []).some(i => i.type === 'error'); }",
            arg=[index, before], timeout=WIDGET_TIMEOUT,
        )
    except Exception as error:
        raise AssertionError(
            f"{action}, but the widget's result did not change within "
            f"{WIDGET_TIMEOUT // 1000} s in {_describe(cell)}"
        ) from error
    failures = [i for i in _kernel_messages(page) if i["type"] == "error"]
    if failures:
        raise AssertionError(
            f"{action}; the widget's callback failed in {_describe(cell)}\n"
            + strip_ansi(failures[0]["text"])[-3000:]
        )
    _wait_settled(page, index)
    return action


# ---- the tests ----------------------------------------------------------------------------------
def _run_all(page, key: str) -> list[dict]:
    """Clear the outputs, run all cells, wait for the end; the cells as JS_CELL_REPORT."""
    problem = page.evaluate(JS_CLEAR_AND_RUN_ALL)
    assert not problem, f"{key}: {problem}"
    try:
        page.wait_for_function(
            f"() => ({JS_RUN_STATE})().done", polling=250, timeout=RUN_TIMEOUT
        )
    except Exception as error:
        state = page.evaluate(JS_RUN_STATE)
        cells = page.evaluate(JS_CELL_REPORT)
        stuck = [c for c in cells if c["type"] == "code" and c["count"] is None]
        where = _describe(stuck[0]) if stuck else "(every code cell has its count)"
        raise AssertionError(
            f"{key}: not finished after {RUN_TIMEOUT // 1000} s ({state}); first cell "
            f"without an execution count: {where}"
        ) from error
    state = page.evaluate(JS_RUN_STATE)
    cells = page.evaluate(JS_CELL_REPORT)
    if state["dead"]:
        # The kernel reports each cell it starts (execute_input), but a process that dies at
        # once may take that last report with it: name the last reported cell and the next.
        code = [c for c in cells if c["type"] == "code"]
        source = state["last_input"].strip()
        last = next((i for i, c in enumerate(code) if c["source"].strip() == source), None)
        suspects = code[last:last + 2] if last is not None else code[:1]
        raise AssertionError(
            f"{key}: the kernel died ({', '.join(state['trouble']) or state['status']}) "
            "while running " + "\n  or the cell after it, ".join(_describe(c) for c in suspects)
        )
    return cells


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_browser(lab, lab_page, notebook: Path, language: str):
    key = f"{notebook.stem}-{language}"
    (SCREENSHOTS / f"FAILED-{key}.png").unlink(missing_ok=True)  # from an earlier run
    path = _copy_notebook(notebook, lab.root_dir, language)
    times: dict[str, float] = {}
    started = time.monotonic()
    page = lab_page.get()
    times["page"] = time.monotonic() - started
    passed = False
    try:
        mark = time.monotonic()
        page.evaluate(JS_OPEN, path)
        page.wait_for_function(JS_FIND_PANEL, arg=path, timeout=LOAD_TIMEOUT)
        page.evaluate(JS_PREPARE_PANEL)
        page.wait_for_function(JS_KERNEL_IDLE, timeout=LOAD_TIMEOUT)
        times["open"] = time.monotonic() - mark

        mark = time.monotonic()
        cells = _run_all(page, key)
        times["run"] = time.monotonic() - mark
        code = [c for c in cells if c["type"] == "code"]
        iopub = _kernel_messages(page)
        warnings = _warnings_text(cells, iopub)
        failed = [c for c in code if _outputs(c, "error")]
        if failed:
            first = failed[0]
            raise AssertionError(
                f"{key}: {len(failed)} cell(s) failed; the first is {_describe(first)}\n"
                + strip_ansi(_outputs(first, "error")[0])[-3000:]
                + (f"\n{warnings}" if warnings else "")
            )
        counts = [c["count"] for c in code]
        assert counts == list(range(1, len(code) + 1)), (
            f"{key}: execution counts {counts}, expected 1..{len(code)} (top to bottom)"
        )
        widget_cells = [c for c in code if c["widget"]]
        if widget_cells:
            page.wait_for_function(
                JS_WIDGETS_RENDERED, arg=[c["index"] for c in widget_cells], timeout=30_000
            )
        broken = [p for p in page.evaluate(JS_PAGE_PROBLEMS) if p["kind"] == "widget-error"]
        assert not broken, f"{key}: a widget failed to display: {broken}"

        mark = time.monotonic()
        _screenshot(page, SCREENSHOTS / f"{key}.png")
        times["shot"] = time.monotonic() - mark

        mark = time.monotonic()
        page.evaluate(JS_SET_PHASE, "widgets")
        actions = [f"cell {c['index']}: {_use_widget(page, c)}" for c in widget_cells]
        times["widgets"] = time.monotonic() - mark
        iopub = _kernel_messages(page)
        callback_errors = [i for i in iopub if i["type"] == "error"]
        assert not callback_errors, (
            f"{key}: a widget's callback failed after {actions}:\n"
            + strip_ansi(callback_errors[0]["text"])[-3000:]
        )
        warnings = _warnings_text(cells, iopub)
        if warnings:
            print(f"\n{key}: {warnings}")
        if lab_page.page_errors:
            print(f"\n{key}: errors in the page's JavaScript: {lab_page.page_errors}")
        for action in actions:
            print(f"\n{key}: {action}")
        passed = True
    except BaseException:
        shot = _failure_screenshot(page, key)
        if shot:
            print(f"\n{key}: screenshot of the failure: {shot}")
        raise
    finally:
        try:
            if passed:
                lab_page.close_notebook()
            else:
                lab_page.discard()
        finally:
            lab.shutdown_kernels()
            times["total"] = time.monotonic() - started
            TIMINGS[key] = times


# The slide on screen: its text, its tables, and where the deck is (slide, sub-slide and the
# fragments shown), which changes with every press of the arrow key.
JS_PRESENT_SLIDE = """
() => {
  const present = Array.from(document.querySelectorAll('.reveal .slides section.present'));
  const slide = present[present.length - 1];  // the innermost: a sub-slide inside its stack
  if (!slide) return null;
  const where = present.map(s => Array.from(s.parentNode.children).indexOf(s)).join('.');
  const shown = slide.querySelectorAll('.fragment.visible').length;
  return {text: slide.innerText, tables: slide.querySelectorAll('table').length,
          position: `${where}+${shown}`};
}
"""


def _wait_slide_still(page) -> None:
    """Until reveal.js's slide transition is over: the slide on screen stops moving."""
    page.evaluate("() => { window.__rfmStill = {box: null, polls: 0}; }")
    page.wait_for_function(
        """() => {
          const present = document.querySelectorAll('.reveal .slides section.present');
          const slide = present[present.length - 1];
          if (!slide) return false;
          const r = slide.getBoundingClientRect();
          const box = [r.left, r.top, r.width, r.height].map(Math.round).join(',');
          const still = window.__rfmStill;
          if (box === still.box) still.polls += 1; else { still.box = box; still.polls = 0; }
          return still.polls >= 3;
        }""",
        polling=100, timeout=10_000,
    )


def test_rise_slideshow(lab, browser):
    """The first notebook as a reveal.js slideshow (jupyterlab-rise's ``/rise/<path>`` page).

    Screenshots: its title slide, and the first slide (reached with the arrow key, as a
    presenter would) that shows a table.
    """
    if not NOTEBOOKS:
        pytest.skip("no notebooks")
    notebook = NOTEBOOKS[0]
    key = f"rise-{notebook.stem}-en"
    (SCREENSHOTS / f"FAILED-{key}.png").unlink(missing_ok=True)
    path = _copy_notebook(notebook, lab.root_dir, "en")
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    heading = next(
        "".join(c["source"]).strip().lstrip("#").strip().splitlines()[0]
        for c in cells if c["cell_type"] == "markdown"
    )
    page = browser.new_page()
    started = time.monotonic()
    try:
        page.goto(lab.url(f"rise/{path}"), wait_until="domcontentloaded")
        page.locator(".reveal .slides section.present").first.wait_for(
            state="visible", timeout=LOAD_TIMEOUT
        )
        page.wait_for_function(
            f"(text) => {{ const s = ({JS_PRESENT_SLIDE})();"
            " return !!s && s.text.includes(text); }",
            arg=heading[:40], timeout=30_000,
        )
        slides = page.locator(".reveal .slides > section").count()
        wanted = sum(c["metadata"].get("slideshow", {}).get("slide_type") == "slide" for c in cells)
        assert slides == wanted, f"RISE shows {slides} slides, the notebook has {wanted}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        _wait_slide_still(page)
        page.screenshot(path=str(SCREENSHOTS / f"{key}.png"))

        for _ in range(len(cells)):  # at most one key press per cell
            present = page.evaluate(JS_PRESENT_SLIDE)
            if present["tables"]:
                _wait_slide_still(page)
                page.screenshot(path=str(SCREENSHOTS / f"{key}-table.png"))
                break
            page.keyboard.press("ArrowRight")
            try:
                page.wait_for_function(
                    f"(before) => {{ const s = ({JS_PRESENT_SLIDE})();"
                    " return !!s && s.position !== before; }",
                    arg=present["position"], timeout=10_000,
                )
            except Exception:  # the last slide: the key does nothing
                pytest.fail(f"{key}: no slide with a table (stopped at {present['position']})")
        TIMINGS[key] = {"total": time.monotonic() - started}
    except BaseException:
        _failure_screenshot(page, key)
        raise
    finally:
        page.close()
        lab.shutdown_kernels()
