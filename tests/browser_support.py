"""Helpers for tests/test_browser.py: a private JupyterLab server and a Chromium page driving it.

The server runs on 127.0.0.1 with a random port and token, with every Jupyter directory
(config, data, runtime, IPython, lab settings, workspaces) in a temporary folder, so nothing
from the machine's own Jupyter set-up takes part. ``--LabApp.expose_app_in_browser`` exposes
the JupyterLab application as ``window.jupyterapp``: the test runs commands
(``notebook:run-all-cells``) and reads the notebook's model (execution counts, outputs, the
kernel's status) through it instead of guessing from pixels or menu positions.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent  # the repository these tests belong to
SERVER_START_TIMEOUT = 90  # seconds until /api/status must answer
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI and this machine run as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
]

# Lab settings for the private server: no news or update pop-ups in the screenshots, no
# autosave, and every cell kept in the page (windowing "none") so the DOM holds the whole
# notebook for selectors and for full-length screenshots.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
        "scrollPastEnd": False,  # else the notebook grows with the window being photographed
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


# ---- what is installed -----------------------------------------------------------------------
def find_chromium() -> str | None:
    """Debian's Chromium (never a browser downloaded by ``playwright install``)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.access(path, os.X_OK):
            return path
    return None


def missing_requirement() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package 'playwright' is not installed (pip install -r requirements.txt)"
    if find_chromium() is None:
        return "Chromium is not installed (Debian: apt-get install chromium)"
    try:
        import jupyterlab  # noqa: F401
        import jupyterlab_fonts  # noqa: F401
        import jupyterlab_slideshow  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (pip install -r requirements.txt)"
    return None


# ---- the server ------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class JupyterLabServer:
    """``jupyter lab`` serving ``root_dir``; use as a context manager (always stopped)."""

    def __init__(self, root_dir: Path, work_dir: Path, extra_args: list[str] | None = None):
        self.extra_args = list(extra_args or [])
        self.root_dir = Path(root_dir)
        self.work_dir = Path(work_dir)
        self.token = secrets.token_hex(24)
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log_path = self.work_dir / "jupyter-server.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """``path`` under the server, with the token (``path`` may already have a query)."""
        joiner = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{joiner}token={self.token}"

    # -- lifecycle
    def _environment(self) -> dict[str, str]:
        dirs = {
            "JUPYTER_CONFIG_DIR": "config",
            "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime",
            "IPYTHONDIR": "ipython",
            "JUPYTERLAB_SETTINGS_DIR": "lab-settings",
            "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces",
        }
        env = dict(os.environ)
        for variable in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "MPLBACKEND", "JUPYTER_TOKEN",
                         "JUPYTER_PREFER_ENV_PATH", "PYTHONSTARTUP"):
            env.pop(variable, None)
        # The kernels import rfmkit from this checkout (not from wherever it is installed).
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(CHECKOUT), os.environ.get("PYTHONPATH", "")) if p
        )
        for variable, name in dirs.items():
            path = self.work_dir / name
            path.mkdir(parents=True, exist_ok=True)
            env[variable] = str(path)
        settings = self.work_dir / "lab-settings"
        for relative, values in LAB_SETTINGS.items():
            target = settings / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values), encoding="utf-8")
        return env

    def start(self) -> None:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        env = self._environment()
        last_error = ""
        for _attempt in range(3):  # a free port can be taken between choosing and binding it
            self.port = _free_port()
            command = [
                sys.executable, "-m", "jupyter", "lab",
                "--no-browser",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={self.root_dir}",
                "--ServerApp.open_browser=False",
                "--ServerApp.allow_root=True",  # CI and this machine run as root
                "--LabApp.expose_app_in_browser=True",
                f"--LabApp.user_settings_dir={self.work_dir / 'lab-settings'}",
                f"--LabApp.workspaces_dir={self.work_dir / 'lab-workspaces'}",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                *self.extra_args,
            ]
            with open(self.log_path, "ab") as log:
                self.process = subprocess.Popen(
                    command, cwd=self.root_dir, env=env, stdin=subprocess.DEVNULL,
                    stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=(os.name == "posix"),  # kernels join its process group
                )
            try:
                self._wait_until_ready()
                return
            except RuntimeError as error:
                last_error = str(error)
                self.stop()
        raise RuntimeError(last_error)

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"jupyter lab exited with code {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                status = self.api("GET", "api/status", timeout=2)
                if isinstance(status, dict) and "started" in status:
                    return
            except (OSError, urllib.error.URLError, ValueError):
                pass
            time.sleep(0.25)
        raise RuntimeError(
            f"jupyter lab did not answer /api/status within {SERVER_START_TIMEOUT} s:\n"
            f"{self.log_tail()}"
        )

    def api(self, method: str, path: str, timeout: float = 10):
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Ask the server to stop every session and kernel (best effort)."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            for session in self.api("GET", "api/sessions") or []:
                self.api("DELETE", f"api/sessions/{session['id']}")
            for kernel in self.api("GET", "api/kernels") or []:
                self.api("DELETE", f"api/kernels/{kernel['id']}")
        except (OSError, urllib.error.URLError, ValueError):
            pass

    def stop(self) -> None:
        process = self.process
        if process is None:
            return
        try:
            self.shutdown_kernels()
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=15)
            if os.name == "posix":
                # Kernels started by this server (same session); the server is gone already.
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            self.process = None

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self) -> JupyterLabServer:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


# ---- JavaScript run in the JupyterLab page ---------------------------------------------------
# All of it goes through window.jupyterapp (the JupyterLab application) and the notebook panel
# found by its path, kept as window.__rfmPanel.

JS_FIND_PANEL = """
(path) => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return false;
  const panel = Array.from(app.shell.widgets('main')).find(
    w => !w.isDisposed && w.context && w.context.path === path && w.content
         && w.content.widgets);
  if (!panel) return false;
  window.__rfmPanel = panel;
  return true;
}
"""

JS_PREPARE_PANEL = """
async () => {
  const app = window.jupyterapp, panel = window.__rfmPanel;
  await panel.context.ready;
  await panel.sessionContext.ready;
  window.__rfmIopub = [];
  window.__rfmPhase = 'start';
  // A kernel that dies restarts by itself within a second: remember that it happened.
  window.__rfmKernelTrouble = [];
  panel.sessionContext.statusChanged.connect((_, status) => {
    if (['dead', 'restarting', 'autorestarting'].includes(status)) {
      window.__rfmKernelTrouble.push(`${status} (during ${window.__rfmPhase})`);
    }
  });
  // Every error and stderr message of the kernel, also those that belong to no cell (e.g. a
  // slider's callback), with the phase of the test it came in.
  window.__rfmLastInput = '';
  window.__rfmKernelComms = [];  // comms the kernel opened (one per widget model)
  panel.sessionContext.iopubMessage.connect((_, msg) => {
    const type = msg.header.msg_type;
    if (type === 'execute_input') window.__rfmLastInput = msg.content.code;  // now running
    if (type === 'comm_open') window.__rfmKernelComms.push(msg.content.comm_id);
    if (type === 'error' || (type === 'stream' && msg.content.name === 'stderr')) {
      window.__rfmIopub.push({
        type, phase: window.__rfmPhase, parent: (msg.parent_header || {}).msg_type || '',
        text: type === 'error' ? (msg.content.traceback || []).join('\\n')
                               : msg.content.text});
    }
  });
  app.shell.activateById(panel.id);
  app.shell.collapseLeft();
  app.shell.collapseRight();
  return true;
}
"""

JS_APP_READY = """
async () => {
  const app = window.jupyterapp;
  await app.restored;
  // One document at a time, no Launcher tab: the screenshots show the notebook alone.
  app.shell.mode = 'single-document';
  for (const widget of Array.from(app.shell.widgets('main'))) widget.dispose();
  return true;
}
"""

JS_OPEN = """
(path) => {
  window.__rfmPanel = null;
  void window.jupyterapp.commands.execute('docmanager:open', {path, factory: 'Notebook'});
}
"""

# Shut the notebook's kernel down and close it without the "save changes?" dialog.
JS_CLOSE = """
async () => {
  const panel = window.__rfmPanel;
  window.__rfmPanel = null;
  if (!panel || panel.isDisposed) return;
  try { await panel.sessionContext.shutdown(); } catch (error) { /* already gone */ }
  panel.dispose();
}
"""

JS_SET_PHASE = "(phase) => { window.__rfmPhase = phase; }"

JS_KERNEL_IDLE = """
() => {
  const panel = window.__rfmPanel;
  const kernel = panel && panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle' && kernel.connectionStatus === 'connected';
}
"""

JS_CLEAR_AND_RUN_ALL = """
async () => {
  const app = window.jupyterapp, panel = window.__rfmPanel;
  app.shell.activateById(panel.id);
  await app.commands.execute('notebook:clear-all-cell-outputs');
  const stale = panel.content.widgets.filter(
    c => c.model.type === 'code' && c.model.executionCount !== null).length;
  if (stale) return `clearing the outputs left ${stale} execution counts`;
  window.__rfmPhase = 'run';
  void app.commands.execute('notebook:run-all-cells');
  return '';
}
"""

# Done when the kernel is idle and no cell shows [*]: either every code cell has its count,
# or a cell failed and the kernel skipped the rest (those keep an empty prompt). A kernel that
# died (or restarts) ends the wait at once instead of at the time-out.
JS_RUN_STATE = """
() => {
  const panel = window.__rfmPanel;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  let code = 0, counted = 0, running = 0, failed = 0;
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code') continue;
    code += 1;
    if (cell.model.executionCount !== null) counted += 1;
    const prompt = cell.node.querySelector('.jp-InputPrompt');
    if (prompt && prompt.textContent.includes('*')) running += 1;
    if (cell.model.outputs.toJSON().some(o => o.output_type === 'error')) failed += 1;
  }
  const status = kernel ? kernel.status : 'no kernel';
  const idle = status === 'idle';
  const trouble = window.__rfmKernelTrouble || [];
  const dead = trouble.length > 0
      || ['dead', 'restarting', 'autorestarting', 'no kernel'].includes(status);
  return {status, trouble, code, counted, running, failed, dead,
          last_input: window.__rfmLastInput || '',
          done: dead || (idle && running === 0 && (counted === code || failed > 0))};
}
"""

JS_CELL_REPORT = """
() => {
  const panel = window.__rfmPanel;
  return panel.content.widgets.map((cell, index) => {
    const model = cell.model;
    const item = {index, type: model.type, source: model.sharedModel.getSource(),
                  count: null, outputs: [], widget: false};
    if (model.type === 'code') {
      item.count = model.executionCount;
      item.outputs = model.outputs.toJSON().map(o => {
        const data = o.data || {};
        return {
          type: o.output_type, name: o.name || '',
          text: o.output_type === 'error'
              ? ((o.traceback || []).join('\\n') || `${o.ename}: ${o.evalue}`)
              : o.output_type === 'stream' ? (Array.isArray(o.text) ? o.text.join('') : o.text)
              : '',
          mimetypes: Object.keys(data)};
      });
      item.widget = item.outputs.some(
        o => o.mimetypes.includes('application/vnd.jupyter.widget-view+json'));
      cell.node.setAttribute('data-rfm-cell', String(index));
    }
    return item;
  });
}
"""

# What the page shows as problems, independent of the model: JupyterLab renders tracebacks
# AND stderr streams with data-mime-type="application/vnd.jupyter.stderr" (the same renderer),
# ipywidgets writes "Error displaying widget" when a view cannot be built, and a renderer that
# throws leaves "Javascript Error".
JS_PAGE_PROBLEMS = """
() => {
  const found = [];
  for (const cell of document.querySelectorAll('.jp-Notebook .jp-Cell[data-rfm-cell]')) {
    const index = Number(cell.getAttribute('data-rfm-cell'));
    for (const out of cell.querySelectorAll('.jp-OutputArea-output')) {
      const text = out.innerText || '';
      if (out.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr') {
        found.push({index, kind: 'stderr-rendered', text: text.slice(0, 2000)});
      } else if (/Error displaying widget|Javascript Error|Model not found/.test(text)) {
        found.push({index, kind: 'widget-error', text: text.slice(0, 2000)});
      }
    }
  }
  return found;
}
"""

# Every widget cell shows its view (or the text of a failed one, reported by JS_PAGE_PROBLEMS).
JS_WIDGETS_RENDERED = """
(indexes) => indexes.every(i => {
  const cell = document.querySelector(`.jp-Cell[data-rfm-cell="${i}"]`);
  if (!cell) return false;
  const area = cell.querySelector('.jp-Cell-outputArea');
  return !!cell.querySelector('.jp-OutputArea-output .jupyter-widgets')
      || /Error displaying widget|Model not found/.test(area ? area.innerText : '');
})
"""

# The result a widget shows: its output areas and HTML texts and its pictures, NOT its
# controls (a slider's readout changes by itself and proves nothing).
JS_WIDGET_RESULT = """
(index) => {
  const cell = document.querySelector(`.jp-Cell[data-rfm-cell="${index}"]`);
  if (!cell) return null;
  const parts = [];
  for (const el of cell.querySelectorAll('.widget-output, .widget-html-content')) {
    parts.push(el.innerText);
  }
  for (const img of cell.querySelectorAll('.widget-output img')) {
    const src = img.getAttribute('src') || '';
    let hash = 0;
    for (let i = 0; i < src.length; i++) hash = (hash * 31 + src.charCodeAt(i)) | 0;
    parts.push(`img:${src.length}:${hash}`);
  }
  return parts.join('\\n');
}
"""

JS_IMAGES_LOADED = """
() => Array.from(document.querySelectorAll('.jp-Notebook img')).every(i => i.complete)
"""

# How much taller the page must be for the notebook not to scroll.
JS_NOTEBOOK_OVERFLOW = """
() => {
  const panel = window.__rfmPanel;
  let overflow = 0;
  for (const el of [panel.content.node, ...panel.content.node.querySelectorAll(
       '.jp-WindowedPanel-outer')]) {
    overflow = Math.max(overflow, el.scrollHeight - el.clientHeight);
  }
  return overflow;
}
"""

JS_IOPUB_PROBLEMS = """
() => ({messages: window.__rfmIopub || [], kernel_comms: window.__rfmKernelComms || []})
"""


# ---- slides: jupyterlab-slideshow's deck mode (see rfmkit/present.py) -----------------------
# The deck shows the cells that carry the class jp-deck-mod-onscreen; body[data-jp-deck-mode]
# is "presenting" while a deck is shown. Navigation follows the notebook's active cell.

JS_DECK_START = """
async () => {
  const app = window.jupyterapp, panel = window.__rfmPanel;
  app.shell.activateById(panel.id);
  await app.commands.execute('deck:start');
  const notebook = panel.content;
  notebook.activeCellIndex = 0;  // from the title slide, as a presenter starts
  notebook.mode = 'command';
  notebook.activate();  // the keyboard goes to the deck
  return true;
}
"""

JS_DECK_STOP = """
async () => {
  if (document.body.dataset.jpDeckMode) await window.jupyterapp.commands.execute('deck:stop');
}
"""

JS_DECK_STATE = """
() => {
  const panel = window.__rfmPanel;
  const onscreen = [];
  panel.content.widgets.forEach((cell, i) => {
    if (cell.node.classList.contains('jp-deck-mod-onscreen')) onscreen.push(i);
  });
  return {mode: document.body.dataset.jpDeckMode || '', active: panel.content.activeCellIndex,
          onscreen, key: onscreen.join(',') + '@' + panel.content.activeCellIndex};
}
"""

# What the slide on screen shows, measured: computed font sizes of its body text (rendered
# Markdown paragraphs and list items) and of its table cells (also those inside widgets), and
# any text that lies under the deck's navigation controls (after clipping by scroll areas).
JS_SLIDE_READABILITY = """
() => {
  const panel = window.__rfmPanel;
  const cells = panel.content.widgets.filter(
    c => c.node.classList.contains('jp-deck-mod-onscreen')).map(c => c.node);
  const px = el => parseFloat(getComputedStyle(el).fontSize);
  const vw = window.innerWidth, vh = window.innerHeight;
  const onScreen = r => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh
                        && r.right > 0 && r.left < vw;
  const visible = el => onScreen(el.getBoundingClientRect())
                        && getComputedStyle(el).visibility !== 'hidden';
  const body = [], table = [];
  for (const cell of cells) {
    for (const el of cell.querySelectorAll('.jp-RenderedMarkdown p, .jp-RenderedMarkdown li')) {
      if (visible(el) && el.innerText.trim()) body.push([px(el), el.innerText.trim().slice(0, 50)]);
    }
    for (const el of cell.querySelectorAll('td, th')) {
      const text = el.innerText.trim();
      if (visible(el) && text) table.push([px(el), text.slice(0, 50)]);
    }
  }
  const remote = document.querySelector('.jp-Deck-Remote');
  const controls = [];
  if (remote) {
    for (const el of remote.querySelectorAll('button, svg, .jp-Deck-Remote-directions > *')) {
      const r = el.getBoundingClientRect();
      if (onScreen(r)) controls.push(r);
    }
  }
  const clip = (rect, node, stop) => {
    let r = {left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom};
    for (let el = node.parentElement; el && el !== stop.parentElement; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
        const b = el.getBoundingClientRect();
        r = {left: Math.max(r.left, b.left), top: Math.max(r.top, b.top),
             right: Math.min(r.right, b.right), bottom: Math.min(r.bottom, b.bottom)};
      }
    }
    return r;
  };
  const under = [];
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || under.length >= 5) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const r = clip(rect, node, panel.node);
        if (r.right <= r.left || r.bottom <= r.top) continue;
        if (controls.some(c => r.left < c.right && r.right > c.left
                               && r.top < c.bottom && r.bottom > c.top)) {
          under.push(node.textContent.trim().slice(0, 60));
          break;
        }
      }
    }
  }
  return {body, table, under, controls: controls.length};
}
"""

# Slider (or button) to redraw, timed in the page: from the key press or click that changes
# the control to the last change of what the widget shows (its text, or a new picture loaded).
JS_ARM_REDRAW_TIMER = """
(index) => {
  const cell = document.querySelector(`.jp-Cell[data-rfm-cell="${index}"]`);
  const result = () => (WIDGET_RESULT)(index);
  if (window.__rfmTimer && window.__rfmTimer.observer) window.__rfmTimer.observer.disconnect();
  const timer = {start: null, last: null, shown: result(), observer: null};
  const seen = () => {
    const now = result();
    if (now !== timer.shown) { timer.shown = now; timer.last = performance.now(); }
  };
  timer.observer = new MutationObserver(seen);
  timer.observer.observe(cell, {subtree: true, childList: true, characterData: true,
                                attributes: true, attributeFilter: ['src']});
  cell.addEventListener('load', () => { if (timer.start !== null) timer.last = performance.now(); },
                        true);
  window.__rfmTimer = timer;
  if (!window.__rfmTimerInput) {
    window.__rfmTimerInput = true;
    for (const type of ['keydown', 'pointerdown', 'change']) {
      document.addEventListener(type, () => {
        const t = window.__rfmTimer;
        if (t && t.start === null) t.start = performance.now();
      }, true);
    }
  }
  return true;
}
"""

JS_ARM_REDRAW_TIMER = JS_ARM_REDRAW_TIMER.replace("WIDGET_RESULT", JS_WIDGET_RESULT.strip())

JS_READ_REDRAW_TIMER = """
() => {
  const t = window.__rfmTimer;
  if (!t) return null;
  if (t.observer) t.observer.disconnect();
  return (t.start === null || t.last === null) ? null : t.last - t.start;
}
"""
