"""SegmentExplorer: pick a scheme and a cut rule (mean, median or custom thresholds) and see
the segment table and chart change (computation in :mod:`rfmkit.rfm`)."""

from __future__ import annotations

import html
import math

import ipywidgets as w
import numpy as np
import pandas as pd

from rfmkit.charts._style import fmt
from rfmkit.charts.rfm import segment_chart
from rfmkit.labels import error_text, label
from rfmkit.rfm import METRICS, rfm_flags, rfm_segments, segment_summary
from rfmkit.validation import require_columns
from rfmkit.widgets._base import Explorer

RULES = ("mean", "median", "custom")
SCHEME_NAMES = ("lesson", "classic8")


def _scale_of(values: np.ndarray) -> int | None:
    """1 for whole numbers, 100 for whole cents, None otherwise."""
    for scale in (1, 100):
        scaled = values * scale
        if np.all(np.abs(scaled - np.round(scaled)) < 1e-6):
            return scale
    return None


def _slider_value(values: np.ndarray, cut: float, rule: str, scale: int | None) -> float:
    """The threshold a slider shows for ``cut``: rounded up to ``1 / scale`` (exactly, for the
    mean), so that ``value >= threshold`` groups every customer as the rule did."""
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
    return next(factor * power for factor in (1, 2, 5, 10) if factor * power >= raw)


class SegmentExplorer(Explorer):
    """Controls for scheme and cut rule, the group table and the group chart, kept in step.

    ``table`` is an RFM table (:func:`rfmkit.rfm_table`); ``scheme`` is ``"lesson"`` or
    ``"classic8"``; ``cut`` is ``"mean"``, ``"median"`` or ``"custom"`` (custom starts from the
    mean's thresholds). ``chart=False`` leaves the chart out (quicker on slow computers).

    The three sliders always show the thresholds in use, and the text under them says the same
    numbers ("R ≥ 280 days, F ≥ 4 orders, M ≥ 604.06 yuan"). Choosing *mean* or *median* moves
    them to that rule's values: R and F are whole numbers, so their sliders show the cut rounded
    up (``orders >= 4`` picks the same customers as ``orders >= 3.28``; the text gives the
    rule's own value too), M is rounded up to a cent. **Moving a slider switches the rule to
    "custom"** and regroups by the three slider values, so a student can start from the mean and
    move one threshold at a time.

    The sliders are scaled to the data: whole days and orders move by 1, and a track the top
    1 % would stretch to more than twice what everyone else needs stops just above the 99th
    percentile (the text says how many customers lie beyond; F on the course data stops at 25
    orders). Spend in cents spread over more than a factor of 20 gets a log slider
    (:class:`ipywidgets.FloatLogSlider`, the mean near the middle of the track); a dragged value
    is put on a whole cent, so the value shown is the value used.

    State: ``.segments`` (:func:`rfmkit.rfm_segments`, codes), ``.summary`` = ``.result``
    (:func:`rfmkit.segment_summary`), ``.cuts`` (the rule's three cuts, e.g. the mean 3.28
    orders), ``.thresholds`` (the slider values, which group the same customers); controls
    ``.scheme``, ``.rule``, ``.r_slider``, ``.f_slider``, ``.m_slider``. The chart is redrawn
    into one kept figure by blitting (``benchmarks/bench_rfm.py`` times it).
    """

    def __init__(
        self, table: pd.DataFrame, scheme: str = "lesson", cut: str = "mean", *, chart: bool = True
    ):
        if scheme not in SCHEME_NAMES:
            raise ValueError(error_text("one_of", what="scheme", options=SCHEME_NAMES,
                                        value=scheme))
        if cut not in RULES:
            raise ValueError(error_text("one_of", what="cut", options=RULES, value=cut))
        require_columns(table, dict.fromkeys(METRICS, "see rfmkit.rfm_table"), "table")
        if len(table) == 0:
            raise ValueError(error_text("rfm.no_customers"))
        super().__init__(chart)
        self.table = table
        self._values = {m: table[m].to_numpy(dtype="float64") for m in METRICS}
        self._scales = {m: _scale_of(v) for m, v in self._values.items()}
        self._capped: dict[str, tuple | None] = {}
        self._outside: dict[str, float | None] = dict.fromkeys(METRICS)
        self.scheme = self.buttons("widget.scheme", [(label(f"scheme.{n}"), n)
                                                     for n in SCHEME_NAMES], scheme)
        self.rule = self.buttons("widget.cut", [(label(f"cut.{n}"), n) for n in RULES], cut)
        self._sliders = {metric: self._metric_slider(metric, key) for metric, key in
                         zip(METRICS, ("widget.r_cut", "widget.f_cut", "widget.m_cut"),
                             strict=True)}
        self.r_slider, self.f_slider, self.m_slider = self._sliders.values()
        self.cuts_text = w.HTML()
        self.layout(self.scheme, self.rule, *self._sliders.values(),
                    w.HTML(f"<i>{label('widget.slider_hint')}</i>"), self.cuts_text)
        # Start custom from the mean's thresholds, then follow the controls.
        self._set_sliders(rfm_flags(table, "mean").attrs["cuts"], "mean")
        self._refresh()
        self.watch(self._refresh, self.scheme, self.rule)
        self.watch(self._on_slider, *self._sliders.values())

    # ---- controls -----------------------------------------------------------------------
    def _metric_slider(self, metric: str, key: str):
        """A slider scaled to the data (see the class docstring): capped above the 99th
        percentile for a long tail, log for spend in cents over a factor of 20."""
        values = self._values[metric]
        self._capped[metric] = None
        if metric != "monetary" or self._scales[metric] == 1:
            low, high = math.floor(values.min()), math.ceil(values.max())
            top = max(math.ceil(np.percentile(values, 99)), math.ceil(values.mean()),
                      math.ceil(np.median(values))) + 1
            if high > 2 * top and top > low:
                self._capped[metric] = (top, int((values > top).sum()), high)
                high = top
            return self.slider(key, low, max(high, low + 1), low, readout_format=",d")
        positive = values[values > 0]
        if self._scales[metric] == 100 and positive.size and values.max() > 0:
            low = 10 ** math.floor(math.log10(max(float(np.percentile(positive, 1)), 0.01)))
            if values.max() / low >= 20:
                high = 10 ** (math.ceil(math.log10(values.max()) * 100) / 100)
                return self.slider(key, low, high, low, 0.01, log=True, readout_format=",.2f")
        step = _nice_step(float(values.max() - values.min()))
        low = math.floor(values.min() / step) * step
        high = max(math.ceil(values.max() / step) * step, low + step)
        return self.slider(key, low, high, low, step, whole=False, readout_format=",.2f")

    def _set_sliders(self, cuts: dict[str, float], rule: str) -> None:
        """Show the thresholds of ``rule`` on the sliders without triggering a regroup."""
        with self.quiet():
            for metric, slider in self._sliders.items():
                shown = _slider_value(self._values[metric], cuts[metric], rule,
                                      self._scales[metric])
                low, high = self._bounds(slider)
                self._outside[metric] = None if low <= shown <= high else shown
                shown = min(max(shown, low), high)
                slider.value = int(shown) if isinstance(slider, w.IntSlider) else shown

    @staticmethod
    def _bounds(slider) -> tuple[float, float]:
        if isinstance(slider, w.FloatLogSlider):
            return slider.base ** slider.min, slider.base ** slider.max
        return slider.min, slider.max

    def _snap(self, metric: str) -> None:
        """Put a dragged value on a whole cent (a log slider gives values such as 602.5596),
        so that the value shown, the value used and the text are the same number."""
        slider, scale = self._sliders[metric], self._scales[metric]
        if isinstance(slider, w.IntSlider) or scale is None:
            return
        snapped = round(slider.value * scale) / scale
        if snapped != slider.value:
            with self.quiet():
                slider.value = snapped

    def _on_slider(self) -> None:
        for metric in self._sliders:
            self._snap(metric)
            self._outside[metric] = None
        if self.rule.value != "custom":
            self.rule.value = "custom"  # its observer regroups with the slider values
        else:
            self._refresh()

    # ---- state and views ----------------------------------------------------------------
    def _cut_argument(self):
        if self.rule.value == "custom":
            return {metric: slider.value for metric, slider in self._sliders.items()}
        return self.rule.value

    def _number(self, metric: str, value: float) -> str:
        """A threshold written as its slider's readout writes it."""
        if isinstance(self._sliders[metric], w.IntSlider):
            return f"{int(value):,}"
        return f"{value:,.2f}" if self._scales[metric] == 100 else fmt(value)

    def _compute(self) -> None:
        """Regroup with the current controls and redraw the table (not the chart)."""
        self.segments = rfm_segments(self.table, self.scheme.value, self._cut_argument())
        self.summary = self.result = segment_summary(self.segments, self.table)
        self.cuts = {m: float(v) for m, v in self.segments.attrs["cuts"].items()}
        if self.rule.value != "custom":
            self._set_sliders(self.cuts, self.rule.value)
        self.thresholds = {m: float(s.value) for m, s in self._sliders.items()}
        rule = label(f"cut.{self.rule.value}")
        lines = [label("widget.cuts_shown").format(
            rule=rule, **{k: self._number(m, self.thresholds[m])
                          for k, m in zip("rfm", METRICS, strict=True)})]
        if any(self.cuts[m] != self.thresholds[m] for m in METRICS):
            lines.append(label("widget.cuts_exact").format(
                rule=rule, **{k: fmt(self.cuts[m]) for k, m in zip("rfm", METRICS, strict=True)}))
        for metric, key in zip(METRICS, "RFM", strict=True):
            if self._capped[metric] is not None:
                top, n, high = self._capped[metric]
                lines.append(label("widget.slider_capped").format(
                    what=key, top=f"{top:,}", n=f"{n:,}", max=f"{high:,}"))
            if self._outside[metric] is not None:
                lines.append(label("widget.cut_outside").format(
                    what=key, cut=self._number(metric, self._outside[metric])))
        self.cuts_text.value = "<br>".join(html.escape(line) for line in lines)
        self.show_table(self.table_output, self.summary)

    def _chart(self, fig):
        return segment_chart(self.summary, fig=fig)  # new bar widths, labels, x ranges

    def _before_background(self, fig) -> None:
        for ax in fig.rfmkit_segment_chart["axes"]:
            # The x range follows the largest bar, so x ticks and grid lines would move with
            # every change; each bar has its value written on it, so the widget leaves them out
            # and the kept picture stays right for any x range.
            ax.tick_params(axis="x", which="both", bottom=False, labelbottom=False)
            ax.grid(False, axis="x")
