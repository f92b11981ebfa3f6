"""SegmentExplorer: try the RFM grouping rules live and watch the groups change.

A student (or the instructor at the projector) picks a scheme (the lesson's six types or the
common eight classes) and a cut rule (mean, median or custom thresholds) and sees at once the
group table and the group chart. Computation stays in :mod:`rfmkit.rfm`; this module only
wires controls to it.
"""

from __future__ import annotations

import base64
import io
import math

import ipywidgets as w
import numpy as np
import pandas as pd
from PIL import Image

from rfmkit.charts.rfm import segment_chart
from rfmkit.labels import label, localise
from rfmkit.rfm import METRICS, rfm_flags, rfm_segments, segment_summary

RULES = ("mean", "median", "custom")
SCHEME_NAMES = ("lesson", "classic8")
CHART_DPI = 72  # pixels per inch of the chart inside the widget (the figure is 14 in wide)


def _scale_of(values: np.ndarray) -> int | None:
    """1 for whole numbers, 100 for whole cents, None otherwise."""
    for scale in (1, 100):
        scaled = values * scale
        if np.all(np.abs(scaled - np.round(scaled)) < 1e-6):
            return scale
    return None


def _slider_value(values: np.ndarray, cut: float, rule: str, scale: int | None) -> float:
    """The threshold a slider shows for ``cut``, chosen so that ``value >= threshold`` puts every
    customer in the same group as the rule did.

    For whole numbers (days, orders) that is the cut rounded up to a whole number; for yuan in
    whole cents, rounded up to a cent (computed exactly for the mean, which is how
    :func:`rfmkit.rfm_flags` decides ties).
    """
    if scale is None:
        return cut
    if rule == "mean":
        units = np.round(values * scale).astype("int64")
        return -(-int(units.sum()) // len(units)) / scale
    return math.ceil(round(cut * scale * 2) / 2) / scale


def _nice_step(span: float, positions: int = 500) -> float:
    """A step of 1, 2 or 5 times a power of ten giving about ``positions`` slider positions."""
    raw = max(span / positions, 0.01)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


_TABLE_FORMATS = {
    "customers": "{:,}".format,
    "customer_share": "{:.1f}".format,
    "orders": "{:,}".format,
    "revenue": "{:,.2f}".format,
    "revenue_share": "{:.1f}".format,
    "average_order_value": "{:,.2f}".format,
    "average_recency_days": "{:.1f}".format,
}


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


class SegmentExplorer:
    """Controls for scheme and cut rule, the group table and the group chart, kept in step.

    ``SegmentExplorer(table)`` shows itself when it ends a notebook cell. ``table`` is an RFM
    table (:func:`rfmkit.rfm_table`); ``scheme`` is ``"lesson"`` or ``"classic8"``; ``cut`` is
    ``"mean"``, ``"median"`` or ``"custom"`` (custom starts from the mean's thresholds).
    ``chart=False`` leaves the chart out (quicker on slow computers).

    The three sliders always show the thresholds in use. Choosing *mean* or *median* moves them
    to that rule's values (R and F are whole numbers, so their sliders show the cut rounded up:
    ``days >= 3`` picks the same customers as ``days >= 2.4``; M is rounded up to a cent).
    **Moving a slider switches the rule to "custom"** and regroups by the three slider values,
    so a student can start from the mean and move one threshold at a time.

    Current state, for tests and for students' own code: ``.segments`` (from
    :func:`rfmkit.rfm_segments`), ``.summary`` and ``.result`` (from
    :func:`rfmkit.segment_summary`), ``.cuts`` (the three thresholds in use), and the controls
    ``.scheme``, ``.rule``, ``.r_slider``, ``.f_slider``, ``.m_slider``; the whole layout is
    ``.widget``. Labels use the language chosen when the explorer was built: after
    ``use_language(...)``, build a new one.

    Every change runs ``_refresh()``: ``_compute()`` (regroup, table, slider positions) and
    then the chart, redrawn into one figure that is kept (no figure per change). The
    benchmark in ``benchmarks/bench_rfm.py`` times both.
    """

    def __init__(
        self, table: pd.DataFrame, scheme: str = "lesson", cut: str = "mean", *, chart: bool = True
    ):
        if scheme not in SCHEME_NAMES:
            raise ValueError(f"scheme must be one of {SCHEME_NAMES}, got {scheme!r}")
        if cut not in RULES:
            raise ValueError(f"cut must be one of {RULES}, got {cut!r}")
        missing = [m for m in METRICS if m not in table.columns]
        if missing:
            raise ValueError(f"table is missing {missing}; columns found: {list(table.columns)}")
        if len(table) == 0:
            raise ValueError("the RFM table has no customers")
        self.table = table
        self.show_chart = chart
        self._values = {m: table[m].to_numpy(dtype="float64") for m in METRICS}
        self._scales = {m: _scale_of(v) for m, v in self._values.items()}
        self._syncing = False
        self._figure = None
        self._chart_state = None  # the chart build the kept background belongs to
        self._chart_background = None
        self.segments: pd.DataFrame
        self.summary: pd.DataFrame
        self.cuts: dict[str, float] = {}

        wide = {"description_width": "initial"}
        self.scheme = w.ToggleButtons(
            options=[(label(f"scheme.{name}"), name) for name in SCHEME_NAMES],
            value=scheme,
            description=label("widget.scheme"),
            style={**wide, "button_width": "auto"},
        )
        self.rule = w.ToggleButtons(
            options=[(label(f"cut.{name}"), name) for name in RULES],
            value=cut,
            description=label("widget.cut"),
            style={**wide, "button_width": "auto"},
        )
        self.r_slider = self._int_slider("recency_days", "widget.r_cut")
        self.f_slider = self._int_slider("frequency", "widget.f_cut")
        self.m_slider = self._float_slider("monetary", "widget.m_cut")
        self._sliders = {
            "recency_days": self.r_slider,
            "frequency": self.f_slider,
            "monetary": self.m_slider,
        }
        self.cuts_text = w.HTML()
        self.table_output = w.Output()
        self.chart_output = w.Output()
        self.widget = w.VBox(
            [
                self.scheme,
                self.rule,
                self.r_slider,
                self.f_slider,
                self.m_slider,
                w.HTML(f"<i>{label('widget.slider_hint')}</i>"),
                self.cuts_text,
                self.table_output,
                self.chart_output,
            ]
        )
        # Start custom from the mean's thresholds, then follow the controls.
        self._set_sliders(rfm_flags(table, "mean").attrs["cuts"], "mean")
        self._refresh()
        self.scheme.observe(self._on_control, names="value")
        self.rule.observe(self._on_control, names="value")
        for slider in self._sliders.values():
            slider.observe(self._on_slider, names="value")

    # ---- controls -----------------------------------------------------------------------
    def _int_slider(self, metric: str, key: str) -> w.IntSlider:
        values = self._values[metric]
        low, high = math.floor(values.min()), math.ceil(values.max())
        return w.IntSlider(
            min=low, max=max(high, low + 1), value=low, step=1, description=label(key),
            continuous_update=False, style={"description_width": "initial"},
            layout=w.Layout(width="560px"),
        )

    def _float_slider(self, metric: str, key: str) -> w.FloatSlider:
        values = self._values[metric]
        step = _nice_step(float(values.max() - values.min()))
        low = math.floor(values.min() / step) * step
        high = max(math.ceil(values.max() / step) * step, low + step)
        return w.FloatSlider(
            min=low, max=high, value=low, step=step, description=label(key),
            readout_format=",.2f", continuous_update=False,
            style={"description_width": "initial"}, layout=w.Layout(width="560px"),
        )

    def _set_sliders(self, cuts: dict[str, float], rule: str) -> None:
        """Show the thresholds of ``rule`` on the sliders without triggering a regroup."""
        self._syncing = True
        try:
            for metric, slider in self._sliders.items():
                shown = _slider_value(self._values[metric], cuts[metric], rule,
                                      self._scales[metric])
                shown = min(max(shown, slider.min), slider.max)
                slider.value = int(shown) if isinstance(slider, w.IntSlider) else shown
        finally:
            self._syncing = False

    def _on_control(self, change) -> None:
        self._refresh()

    def _on_slider(self, change) -> None:
        if self._syncing:
            return
        if self.rule.value != "custom":
            self.rule.value = "custom"  # its observer regroups with the slider values
        else:
            self._refresh()

    # ---- state and views ----------------------------------------------------------------
    @property
    def result(self) -> pd.DataFrame:
        """The group summary now shown (same as ``.summary``)."""
        return self.summary

    def _cut_argument(self):
        if self.rule.value == "custom":
            return {metric: slider.value for metric, slider in self._sliders.items()}
        return self.rule.value

    def _compute(self) -> None:
        """Regroup with the current controls and redraw the table (not the chart)."""
        self.segments = rfm_segments(self.table, self.scheme.value, self._cut_argument())
        self.summary = segment_summary(self.segments, self.table)
        self.cuts = {m: float(v) for m, v in self.segments.attrs["cuts"].items()}
        if self.rule.value != "custom":
            self._set_sliders(self.cuts, self.rule.value)
        self.cuts_text.value = label("widget.cuts_used").format(
            rule=label(f"cut.{self.rule.value}"),
            r=_fmt(self.cuts["recency_days"]),
            f=_fmt(self.cuts["frequency"]),
            m=_fmt(self.cuts["monetary"]),
        )
        shown = localise(self.summary)
        formats = {label(column): fmt for column, fmt in _TABLE_FORMATS.items()}
        html = shown.to_html(formatters=formats, na_rep="-", classes="rfmkit-table")
        self.table_output.outputs = (
            {
                "output_type": "display_data",
                "data": {"text/html": html, "text/plain": shown.to_string()},
                "metadata": {},
            },
        )

    def _draw_chart(self) -> None:
        """Redraw the group chart into the one figure this explorer keeps, by blitting.

        Drawing the whole figure means laying out some 80 texts (titles, group names, ticks);
        only the bars and the values written on them change when a control moves. So the rest
        is drawn once and kept as a picture (``_prepare_chart``); each update pastes it back,
        draws the bars and their values on top and encodes the pixels as PNG.
        """
        fig = segment_chart(self.summary, fig=self._figure)  # new bar widths, labels, x ranges
        self._figure = fig
        state = fig._rfmkit_segment_chart
        if state is not self._chart_state:
            # First chart, or other groups (scheme switched): segment_chart drew them afresh.
            self._prepare_chart(fig)
        canvas = fig.canvas
        canvas.restore_region(self._chart_background)
        for artist in self._moving_artists():
            fig.draw_artist(artist)
        width, height = canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        # The figure is opaque: RGB makes a smaller PNG; light compression keeps encoding quick.
        image.convert("RGB").save(buffer, format="png", compress_level=1)
        png = base64.b64encode(buffer.getvalue()).decode("ascii")
        self.chart_output.outputs = (
            {
                "output_type": "display_data",
                "data": {"image/png": png, "text/plain": "<segment chart>"},
                "metadata": {},
            },
        )

    def _moving_artists(self) -> list:
        """What an update redraws, in drawing order: bars, axis lines (the bars start on the
        left one), then the values written at the bar ends."""
        state = self._figure._rfmkit_segment_chart
        bars = [patch for container in state["bars"] for patch in container.patches]
        spines = [spine for ax in state["axes"] for spine in ax.spines.values()
                  if spine.get_visible()]
        # segment_chart keeps each panel's bar labels on its bar container.
        labels = [text for container in state["bars"] for text in container._rfmkit_labels]
        return bars + spines + labels

    def _prepare_chart(self, fig) -> None:
        """Draw and keep everything of a freshly built chart that updates do not change."""
        fig.set_dpi(CHART_DPI)
        for ax in fig._rfmkit_segment_chart["axes"]:
            # The x range follows the largest bar, so x ticks and grid lines would move with
            # every change; each bar has its value written on it, so the widget leaves them out
            # and the kept picture stays right for any x range.
            ax.tick_params(axis="x", which="both", bottom=False, labelbottom=False)
            ax.grid(False, axis="x")
        moving = self._moving_artists()
        for artist in moving:
            artist.set_animated(True)  # left out of full draws: drawn by _draw_chart only
        fig.canvas.draw()  # lays the figure out (constrained layout) and draws the static part
        fig.set_layout_engine("none")  # keep that layout for the updates
        self._chart_background = fig.canvas.copy_from_bbox(fig.bbox)
        self._chart_state = fig._rfmkit_segment_chart

    def _refresh(self) -> None:
        """Regroup, then redraw the table and (unless ``chart=False``) the chart."""
        self._compute()
        if self.show_chart:
            self._draw_chart()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
