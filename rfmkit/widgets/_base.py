"""What every explorer shares: its controls' look, the output areas, how a table and a chart
are shown, and the refresh cycle (compute, then draw).

An explorer subclasses :class:`Explorer`, builds its controls with :meth:`Explorer.slider`,
:meth:`Explorer.buttons` and :meth:`Explorer.dropdown`, lays them out with
:meth:`Explorer.layout`, reacts to them with :meth:`Explorer.watch` (and sets them itself
inside :meth:`Explorer.quiet`), and implements ``_compute()`` (set ``.result`` and the tables)
and, if it has a chart, ``_chart(fig) -> Figure`` (draw into ``fig``, the figure of the last
call, or a new one). Controls and texts are labelled in the language current when it is built.
Controls line up (:data:`DESCRIPTION_WIDTH`), tables are whole (:func:`table_html`), the chart
is an ``<img>`` with its text alternative (:meth:`Explorer.show_png`) and an explorer not yet
run says so (:class:`ExplorerBox`).
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import math
import re
from fractions import Fraction

import ipywidgets as w
import pandas as pd
from PIL import Image

from rfmkit.labels import error_text, label, localise

CHART_DPI = 72  # pixels per inch of a chart inside an explorer
PNG_COLOURS = 64  # colours of an explorer's chart picture (see encode_canvas)
# Every control of every explorer has a description this wide, so slider tracks line up; every
# control description fits in it (tests/test_widgets.py checks both languages).
DESCRIPTION_WIDTH = "16em"
DESCRIPTION = {"description_width": DESCRIPTION_WIDTH}
CONTROL_WIDTH = "44em"  # a slider: description, track (about 24em) and readout

# Tables: long text wraps (never cut with "..."), dates never break inside.
TABLE_CSS = (
    "<style>"
    ".rfmkit-table td, .rfmkit-table th {white-space: normal; word-break: normal; "
    "overflow-wrap: break-word; max-width: 28em; vertical-align: top}"
    ".rfmkit-table .rfmkit-date {white-space: nowrap}"
    "</style>"
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?")

# How numbers of each (canonical) column are written in the explorers' tables.
FORMATS = {
    **dict.fromkeys(["customers", "orders", "members", "active", "sleeping", "lost"],
                    "{:,}".format),
    **dict.fromkeys(["customer_share", "revenue_share", "clv_share", "member_share_pct",
                     "average_recency_days"], "{:.1f}".format),
    **dict.fromkeys(["revenue", "average_order_value", "average", "clv_total", "average_clv",
                     "median_clv", "customer_equity", "undiscounted_total", "sales_before",
                     "sales_after"], "{:,.2f}".format),
    "sales_growth_pct": "{:+.1f}".format,
}


def show(output: w.Output, **data: str) -> None:
    """Replace what ``output`` shows by one display of ``data`` (mime type -> content; use
    ``text_html=``, ``text_plain=``, ``image_png=``)."""
    bundle = {key.replace("_", "/", 1): value for key, value in data.items()}
    output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)


def png_of(fig) -> str:
    """The figure as a PNG at :data:`CHART_DPI`, base64-encoded (see :func:`encode_canvas`)."""
    if fig.dpi != CHART_DPI:
        fig.set_dpi(CHART_DPI)
    fig.canvas.draw()
    return encode_canvas(fig.canvas)


def encode_canvas(canvas) -> str:
    """The pixels ``canvas`` last drew as a small PNG, base64-encoded.

    A chart is a few flat colours plus the smoothed edges of its text, so a palette of
    :data:`PNG_COLOURS` colours looks the same and makes the PNG about three times smaller
    than full colour (what a slider move sends to the browser; ``benchmarks/bench_widgets.py``).
    """
    width, height = canvas.get_width_height()
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image = image.convert("RGB").quantize(PNG_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=6)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def whole_percent(value, what: str, low: int, high: int) -> int:
    """A fraction such as 0.35 as whole percent (35), from ``low`` to ``high`` %; a ValueError
    naming ``what`` says what is wrong otherwise."""
    if (isinstance(value, bool) or not isinstance(value, (int, float, Fraction))
            or not math.isfinite(float(value))):
        raise ValueError(error_text("widgets.fraction", what=what, value=value))
    percent = Fraction(str(value) if isinstance(value, float) else value) * 100
    if percent.denominator != 1:
        raise ValueError(error_text("widgets.whole_percent", what=what, value=value))
    if not low <= percent <= high:
        raise ValueError(error_text("widgets.between", what=what, minimum=low / 100,
                                    maximum=high / 100, low=low, high=high, given=float(value)))
    return int(percent)


class Explorer:
    """The shared base of the explorers (see the module docstring).

    Every explorer has ``.widget`` (its layout, shown when it ends a notebook cell),
    ``.table_output`` and ``.chart_output`` (output areas), ``.show_chart`` and ``.result``.
    """

    widget: w.VBox

    def __init__(self, chart: bool = True):
        self.show_chart = chart
        self._figure = None
        self._kept_frame = None  # the chart frame whose picture is kept for blitting
        self._syncing = False  # True while the explorer sets its own controls (quiet)
        self.table_output = w.Output()
        self.chart_output = w.Output()

    # ---- controls -------------------------------------------------------------------------
    @staticmethod
    def slider(key: str, low: float, high: float, value: float, step: float = 1, *,
               whole: bool = True, log: bool = False,
               **kwargs) -> w.IntSlider | w.FloatSlider | w.FloatLogSlider:
        """A slider labelled ``label(key)``; whole numbers unless ``whole=False``.

        ``log=True``: a :class:`ipywidgets.FloatLogSlider` from ``low`` to ``high`` (values,
        not exponents), moving by ``step`` in the exponent of 10 (for heavy-tailed data such
        as spend, so that typical values sit in the middle of the track)."""
        common = {"description": label(key), "continuous_update": False, "style": DESCRIPTION,
                  "layout": w.Layout(width=CONTROL_WIDTH)}
        if log:
            return w.FloatLogSlider(min=math.log10(low), max=math.log10(high), base=10,
                                    value=value, step=step, **common, **kwargs)
        kind = w.IntSlider if whole else w.FloatSlider
        return kind(min=low, max=high, value=value, step=step, **common, **kwargs)

    @staticmethod
    def buttons(key: str, options: list[tuple[str, str]], value: str) -> w.ToggleButtons:
        """Toggle buttons labelled ``label(key)``; ``options`` are (text, value) pairs."""
        return w.ToggleButtons(options=options, value=value, description=label(key),
                               style={**DESCRIPTION, "button_width": "auto"})

    @staticmethod
    def dropdown(key: str, options: list, value=None) -> w.Dropdown:
        """A dropdown labelled ``label(key)``; ``options`` as ipywidgets takes them."""
        return w.Dropdown(options=options, value=value, description=label(key),
                          style=DESCRIPTION, layout=w.Layout(width=CONTROL_WIDTH))

    def layout(self, *children, extra=(), chart: bool = True) -> None:
        """Set ``.widget``: ``children``, the table, ``extra`` and (if ``chart``) the chart."""
        charts = [self.chart_output] if chart else []
        self.widget = ExplorerBox([*children, self.table_output, *extra, *charts])

    def watch(self, handler, *controls) -> None:
        """Call ``handler()`` whenever one of ``controls`` changes its value, unless the
        explorer itself set it (inside :meth:`quiet`)."""
        for control in controls:
            control.observe(lambda change: None if self._syncing else handler(), names="value")

    @contextlib.contextmanager
    def quiet(self):
        """``with self.quiet():`` set controls without running the :meth:`watch` handlers."""
        self._syncing = True
        try:
            yield
        finally:
            self._syncing = False

    # ---- views ----------------------------------------------------------------------------
    @staticmethod
    def show_table(output: w.Output, table: pd.DataFrame, *, index: bool = True) -> None:
        """Show ``table`` (codes, canonical headers) in ``output`` as a student reads it:
        :func:`rfmkit.localise`, numbers written by :data:`FORMATS`."""
        shown = localise(table)
        show(output, text_html=table_html(shown, index=index),
             text_plain=shown.to_string(index=index))

    def _chart(self, fig):
        raise NotImplementedError

    def _draw_chart(self) -> None:
        """Redraw the chart into the one figure this explorer keeps and show it as a PNG. For a
        chart that lists what an update changes (:func:`rfmkit.charts._style.blit_parts`), the
        rest is drawn once and kept as a picture while its frame stays ("blitting")."""
        fig = self._figure = self._chart(self._figure)
        moving = getattr(fig, "rfmkit_moving", None)
        if moving is None:
            png = png_of(fig)
            fig.set_layout_engine("none")  # laid out by that drawing; kept until a chart asks
        else:
            if fig.rfmkit_frame is not self._kept_frame:
                self._keep_background(fig, moving)
            fig.canvas.restore_region(self._background)
            fig.draw_artists(moving)
            png = encode_canvas(fig.canvas)
        self.show_png(png, getattr(fig, "rfmkit_alt", ""))

    def _keep_background(self, fig, moving) -> None:
        """Draw ``fig`` without ``moving`` (laid out once, then kept) and keep the picture."""
        fig.set_dpi(CHART_DPI)
        self._before_background(fig)
        for artist in moving:
            artist.set_animated(True)  # left out of full draws
        fig.canvas.draw()
        fig.set_layout_engine("none")
        self._background = fig.canvas.copy_from_bbox(fig.bbox)
        self._kept_frame = fig.rfmkit_frame

    def _before_background(self, fig) -> None:
        """Change a freshly drawn chart before its picture is kept (nothing by default)."""

    def show_png(self, png: str, alt: str) -> None:
        """Show the chart ``png`` (base64) with its text alternative ``alt``: one ``<img>``
        whose ``alt`` is the text (what a screen reader says; the text is also the plain-text
        version of the output). Kept in ``.chart_png`` (base64) and ``.chart_alt``."""
        self.chart_png, self.chart_alt = png, alt
        show(self.chart_output,
             text_html=(f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt)}" '
                        'style="max-width:100%; height:auto">'),
             text_plain=alt or f"<{type(self).__name__} chart>")

    def _compute(self) -> None:
        raise NotImplementedError

    def _refresh(self) -> None:
        """Recompute, then redraw the chart (unless built with ``chart=False``)."""
        self._compute()
        if self.show_chart:
            self._draw_chart()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class ExplorerBox(w.VBox):
    """An explorer's layout. Its plain-text version (what a notebook stores and shows before
    the cell is run, or where widgets cannot be shown) is a friendly line in the language of
    the explorer, not ``VBox(children=(...``."""

    def __init__(self, children, **kwargs):
        super().__init__(children, **kwargs)
        self.not_run_text = label("widget.run_to_show")

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = self.not_run_text
        return bundle


def table_html(shown: pd.DataFrame, *, index: bool = True) -> str:
    """``shown`` (already localised) as the HTML table the explorers show: numbers written by
    :data:`FORMATS`, every text whole (no "..."; long text wraps inside its cell), every date
    kept on one line (``<span class="rfmkit-date">``), with :data:`TABLE_CSS`."""
    formats = {label(column): fmt for column, fmt in FORMATS.items()}
    with pd.option_context("display.max_colwidth", None):
        body = shown.to_html(formatters=formats, na_rep="-", index=index,
                             classes="rfmkit-table")
    body = _DATE.sub(lambda m: f'<span class="rfmkit-date" style="white-space:nowrap">'
                                f"{m.group(0)}</span>", body)
    return TABLE_CSS + body
