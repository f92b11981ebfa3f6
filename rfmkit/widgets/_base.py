"""What every explorer shares: its controls' look, the output areas, how a table and a chart
are shown, and the refresh cycle (compute, then draw).

An explorer subclasses :class:`Explorer`, builds its controls with :meth:`Explorer.slider`,
:meth:`Explorer.buttons` and :meth:`Explorer.dropdown`, lays them out with
:meth:`Explorer.layout`, and implements ``_compute()`` (set ``.result`` and the tables) and,
if it has a chart, ``_chart(fig) -> Figure`` (draw into ``fig``, the figure of the last call,
or a new one). Controls and texts are labelled in the language current when it is built.
"""

from __future__ import annotations

import base64
import io
import math
from fractions import Fraction

import ipywidgets as w
import pandas as pd

from rfmkit.labels import label, localise

CHART_DPI = 72  # pixels per inch of a chart inside an explorer
WIDE = {"description_width": "initial"}
CONTROL_WIDTH = "560px"

# How numbers of each (canonical) column are written in the explorers' tables.
FORMATS = {
    **dict.fromkeys(["customers", "orders", "members"], "{:,}".format),
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
    """The figure as a PNG at :data:`CHART_DPI`, base64-encoded."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=CHART_DPI)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def whole_percent(value, what: str, low: int, high: int) -> int:
    """A fraction such as 0.35 as whole percent (35), from ``low`` to ``high`` %; a ValueError
    naming ``what`` says what is wrong otherwise."""
    if (isinstance(value, bool) or not isinstance(value, (int, float, Fraction))
            or not math.isfinite(float(value))):
        raise ValueError(f"{what} must be a fraction such as 0.5 (= 50 %), got {value!r}")
    percent = Fraction(str(value) if isinstance(value, float) else value) * 100
    if percent.denominator != 1:
        raise ValueError(f"{what} must be a whole percent (e.g. 0.35 = 35 %), got {value!r}")
    if not low <= percent <= high:
        raise ValueError(f"{what} must be between {low / 100:g} and {high / 100:g} "
                         f"({low} % to {high} %), got {float(value):g}")
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
        self.table_output = w.Output()
        self.chart_output = w.Output()

    # ---- controls -------------------------------------------------------------------------
    @staticmethod
    def slider(key: str, low: float, high: float, value: float, step: float = 1, *,
               whole: bool = True, **kwargs) -> w.IntSlider | w.FloatSlider:
        """A slider labelled ``label(key)``; whole numbers unless ``whole=False``."""
        kind = w.IntSlider if whole else w.FloatSlider
        return kind(min=low, max=high, value=value, step=step, description=label(key),
                    continuous_update=False, style=WIDE,
                    layout=w.Layout(width=CONTROL_WIDTH), **kwargs)

    @staticmethod
    def buttons(key: str, options: list[tuple[str, str]], value: str) -> w.ToggleButtons:
        """Toggle buttons labelled ``label(key)``; ``options`` are (text, value) pairs."""
        return w.ToggleButtons(options=options, value=value, description=label(key),
                               style={**WIDE, "button_width": "auto"})

    @staticmethod
    def dropdown(key: str, options: list, value=None) -> w.Dropdown:
        return w.Dropdown(options=options, value=value, description=label(key), style=WIDE,
                          layout=w.Layout(width="420px"))

    def layout(self, *children, extra=(), chart: bool = True) -> None:
        """Set ``.widget``: ``children``, the table, ``extra`` and (if ``chart``) the chart."""
        charts = [self.chart_output] if chart else []
        self.widget = w.VBox([*children, self.table_output, *extra, *charts])

    def watch(self, handler, *controls) -> None:
        """Call ``handler()`` whenever one of ``controls`` changes its value."""
        for control in controls:
            control.observe(lambda change: handler(), names="value")

    # ---- views ----------------------------------------------------------------------------
    @staticmethod
    def show_table(output: w.Output, table: pd.DataFrame, *, index: bool = True) -> None:
        """Show ``table`` (codes, canonical headers) in ``output`` as a student reads it:
        :func:`rfmkit.localise`, numbers written by :data:`FORMATS`."""
        shown = localise(table)
        formats = {label(column): fmt for column, fmt in FORMATS.items()}
        show(output, text_html=shown.to_html(formatters=formats, na_rep="-", index=index,
                                             classes="rfmkit-table"),
             text_plain=shown.to_string(index=index))

    def _chart(self, fig):
        raise NotImplementedError

    def _draw_chart(self) -> None:
        """Redraw the chart into the one figure this explorer keeps and show it as a PNG."""
        self._figure = self._chart(self._figure)
        show(self.chart_output, image_png=png_of(self._figure),
             text_plain=f"<{type(self).__name__} chart>")

    def _compute(self) -> None:
        raise NotImplementedError

    def _refresh(self) -> None:
        """Recompute, then redraw the chart (unless built with ``chart=False``)."""
        self._compute()
        if self.show_chart:
            self._draw_chart()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
