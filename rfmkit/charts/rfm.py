"""Charts of the RFM model: the three distributions, the groups, and an R-F grid.

Every function takes the data it draws, returns a :class:`matplotlib.figure.Figure` and never
calls ``plt.show()``: in a notebook, end a cell with the call (or the figure) to see it.
Texts follow ``rfmkit.use_language``; see :mod:`rfmkit.charts._style` for fonts and sizes.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping

import matplotlib
import matplotlib.transforms as mtransforms
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from rfmkit.charts._style import COLOURS, FONT_SIZES, chart_pick, chart_text, new_figure
from rfmkit.labels import LABELS
from rfmkit.rfm import METRICS, SCHEMES, BinsCollapsedWarning, rfm_flags, rfm_scores

# A histogram's axis is cut at the 99th percentile when the top 1 % would otherwise stretch it
# to more than this many times the range of everyone else (heavy-tailed spend).
TAIL_STRETCH = 3.0
MAX_BINS = 30


def _fmt(value: float) -> str:
    """A number as a student reads it: thousands separated, at most two decimals."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    if abs(value) >= 1000:
        return f"{value:,.1f}"
    return f"{value:,.2f}"


def _rule_word(rule) -> str:
    if rule == "mean":
        return chart_text("chart.mean")
    if rule == "median":
        return chart_text("cut.median")
    return chart_text("cut.custom")


def _bin_edges(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Deterministic bin edges covering exactly [low, high].

    Whole numbers (days, orders) get bins of a whole number of values each, one bar per value
    when there are few; if the last bin holds fewer values it is drawn narrower, so no bar
    looks emptier than the data are.
    """
    if bool(np.all(np.equal(np.mod(values, 1), 0))):
        width = max(1, math.ceil((high - low + 1) / MAX_BINS))
        edges = low - 0.5 + width * np.arange(math.ceil((high - low + 1) / width))
        return np.append(edges, high + 0.5)
    if high == low:
        return np.array([low - 0.5, low + 0.5])
    return np.linspace(low, high, MAX_BINS + 1)


def rfm_distributions(table: pd.DataFrame, cut="mean") -> Figure:
    """Three histograms side by side: R (days since last purchase), F (orders), M (yuan).

    Each panel marks the cut used to split customers into ↑ and ↓ (``cut`` as in
    :func:`rfmkit.rfm_flags`: ``"mean"``, ``"median"`` or a dict) with a dashed line and writes
    its value (computed on all customers). Spend, and sometimes order counts, are heavy-tailed:
    when the top 1 % would stretch a panel's axis to more than three times the range of
    everyone else, that panel stops at the 99th percentile (or at the cut, if higher) and its
    axis label says how many customers lie beyond and the largest value; nothing is moved or
    merged into other bars. Returns the figure (3 axes).
    """
    flags = rfm_flags(table, cut)
    cuts, rule = flags.attrs["cuts"], flags.attrs["cut_rule"]
    fig, axes = new_figure("three_panels", ncols=3)
    for ax, metric in zip(axes, METRICS, strict=True):
        values = table[metric].to_numpy(dtype="float64")
        cut_value = float(cuts[metric])
        low, high = float(values.min()), float(values.max())
        shown_high, note = high, None
        p99 = float(np.percentile(values, 99))
        if high - low > TAIL_STRETCH * (p99 - low) and p99 > low:
            shown_high = max(p99, cut_value)
            beyond = int((values > shown_high).sum())
            note = chart_text("chart.clipped_note").format(
                n=f"{beyond:,}", limit=_fmt(shown_high), max=_fmt(high)
            )
        shown = values[values <= shown_high]
        ax.hist(shown, bins=_bin_edges(values, low, shown_high), color=COLOURS["bars"],
                edgecolor="white", linewidth=0.6)
        ax.axvline(cut_value, color=COLOURS["cut"], linestyle="--", linewidth=2.2)
        left, right = ax.get_xlim()
        on_right = (cut_value - left) > 0.65 * (right - left)
        ax.text(
            cut_value, 0.97, f" {_rule_word(rule)} = {_fmt(cut_value)} ",
            transform=mtransforms.blended_transform_factory(ax.transData, ax.transAxes),
            ha="right" if on_right else "left", va="top", color=COLOURS["cut"],
            fontsize=FONT_SIZES["annotation"], fontweight="bold",
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5},
        )
        xlabel = chart_text(metric)
        if metric == "recency_days":
            xlabel += "\n" + chart_text("chart.r_axis_hint")
        if note is not None:
            xlabel += "\n" + note
        ax.set_xlabel(xlabel)
    axes[0].set_ylabel(chart_text("customers"))
    title_key = {"mean": "chart.rfm_distributions", "median": "chart.rfm_distributions.median"}
    fig.suptitle(chart_text(title_key.get(rule, "chart.rfm_distributions.custom")))
    return fig


_SUMMARY_KEYS = (
    "segment", "pattern", "segment_name", "customers", "customer_share", "orders", "revenue",
    "revenue_share", "average_order_value", "average_recency_days",
)


def _canonical(summary: pd.DataFrame) -> pd.DataFrame:
    """Accept a summary whose headers were translated by ``localise`` (either language)."""
    key_of = {text: key for key in _SUMMARY_KEYS for text in LABELS.get(key, ())}

    def key(name):
        return name if name in _SUMMARY_KEYS or name is None else key_of.get(name, name)

    renamed = summary.rename(columns=key)
    return renamed.rename_axis([key(n) for n in renamed.index.names])


def _scheme_of(codes) -> str | None:
    for name, scheme in SCHEMES.items():
        if set(codes) <= set(scheme["code"]):
            return name
    return None


def _group_names(summary: pd.DataFrame) -> list[str]:
    """Group names in the chart's language with their ↑/↓ pattern (e.g. "一般客户  R↑F↑M↓")."""
    known = {}
    for scheme in SCHEMES.values():
        for row in scheme.itertuples():
            known[row.code] = chart_pick(row.name_zh, row.name_en)
    patterns = summary["pattern"] if "pattern" in summary else [""] * len(summary)
    if "segment_name" in summary:
        given = list(summary["segment_name"])
    else:
        given = [str(code) for code in summary.index]
    names = []
    for code, name, pattern in zip(summary.index, given, patterns, strict=True):
        name = known.get(code, name)
        names.append(name if not pattern or pattern in name else f"{name}  {pattern}")
    return names


_SEGMENT_PANELS = (
    ("customers", "customer_share", COLOURS["bars"]),
    ("revenue", "revenue_share", COLOURS["revenue"]),
)


def _segment_values(ax, bars, summary: pd.DataFrame, column: str, share: str) -> None:
    """Set bar lengths, the values written on them and the x range of one panel."""
    values = summary[column].to_numpy(dtype="float64")
    for bar, value in zip(bars, values, strict=True):
        bar.set_width(value)
    shares = summary[share] if share in summary else [None] * len(values)
    texts = [
        f"{v:,.0f}" + ("" if s is None or pd.isna(s) else f" ({s:.1f}%)")
        for v, s in zip(values, shares, strict=True)
    ]
    for old in getattr(bars, "_rfmkit_labels", []):
        old.remove()
    bars._rfmkit_labels = ax.bar_label(
        bars, labels=texts, padding=4, fontsize=FONT_SIZES["annotation"]
    )
    top = max(float(np.nanmax(values, initial=0.0)), 1.0)
    bottom = min(float(np.nanmin(values, initial=0.0)), 0.0)
    ax.set_xlim(bottom * 1.35, top * 1.45)


def segment_chart(summary: pd.DataFrame, *, fig: Figure | None = None) -> Figure:
    """Customers and revenue per group, as two panels of horizontal bars.

    ``summary`` is the output of :func:`rfmkit.segment_summary` (headers may be localised).
    Every group of the scheme is shown, also those with no customers, in the scheme's order,
    with its value and share written at the end of its bar. Returns the figure (2 axes).

    ``fig`` is for redrawing quickly (as :class:`rfmkit.widgets.SegmentExplorer` does): a
    figure an earlier call returned. When it shows the same groups in the same language, only
    the bars, numbers and axis ranges change and the layout is kept; otherwise it is cleared
    and drawn afresh.
    """
    summary = _canonical(summary)
    names = _group_names(summary)
    key = (tuple(summary.index), tuple(names))
    state = getattr(fig, "_rfmkit_segment_chart", None)
    if state is not None and state["key"] == key:
        if fig.get_layout_engine() is not None:
            # Lay out once for these groups, then keep it: redrawing is then one pass.
            fig.get_layout_engine().execute(fig)
            fig.set_layout_engine("none")
        parts = zip(state["axes"], state["bars"], _SEGMENT_PANELS, strict=True)
        for ax, bars, (column, share, _) in parts:
            _segment_values(ax, bars, summary, column, share)
        return fig
    if fig is None:
        fig, axes = new_figure("two_panels", ncols=2, sharey=True)
    else:
        fig.clear()
        fig.set_layout_engine("constrained")
        axes = fig.subplots(1, 2, sharey=True)
    positions = np.arange(len(summary))
    all_bars = []
    for ax, (column, share, colour) in zip(axes, _SEGMENT_PANELS, strict=True):
        bars = ax.barh(positions, np.zeros(len(summary)), color=colour, height=0.7)
        _segment_values(ax, bars, summary, column, share)
        all_bars.append(bars)
        ax.set_title(chart_text(column))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.xaxis.set_major_formatter("{x:,.0f}")
        ax.grid(axis="x", alpha=0.3)
    axes[0].set_yticks(positions, names)
    axes[0].invert_yaxis()
    title = chart_text("chart.segment_counts")
    scheme = _scheme_of(summary.index)
    if scheme is not None:
        title += f"  ({chart_text('scheme.' + scheme)})"
    fig.suptitle(title)
    fig._rfmkit_segment_chart = {"key": key, "axes": list(axes), "bars": all_bars}
    return fig


def _is_bins(cut) -> bool:
    if isinstance(cut, bool):
        return False
    if isinstance(cut, (int, np.integer)):
        return True
    if isinstance(cut, Mapping):
        return all(not np.isscalar(v) for v in cut.values())
    return False


def rf_grid(table: pd.DataFrame, cut="mean") -> Figure:
    """An R-F grid coloured by average spend (M), with the number of customers in each cell.

    ``cut="mean"`` (default), ``"median"`` or a dict of three cuts gives the lesson's 2 x 2
    grid (R↓/R↑ by F↓/F↑, as in :func:`rfmkit.rfm_flags`); a number of bins (e.g. ``5``) or a
    dict of edges gives a grid of R score x F score from :func:`rfmkit.rfm_scores`. Recent
    customers are at the top and frequent ones on the right either way; a cell with no
    customers is grey. Returns the figure (the grid and its colour bar: 2 axes).
    """
    monetary = table["monetary"].astype("float64")
    if _is_bins(cut):
        with warnings.catch_warnings():
            # The grid shows how many score columns remain; the warning belongs to rfm_scores.
            warnings.simplefilter("ignore", BinsCollapsedWarning)
            scores = rfm_scores(table, cut)
        rows_of = scores["R_score"]
        cols_of = scores["F_score"]
        rows = list(range(int(rows_of.max()), 0, -1))  # most recent (highest score) on top
        cols = list(range(1, int(cols_of.max()) + 1))
        row_labels = [str(r) for r in rows]
        col_labels = [str(c) for c in cols]
        xlabel = chart_text("chart.rf_grid.f_scores")
        ylabel = chart_text("chart.rf_grid.r_scores")
    else:
        flags = rfm_flags(table, cut)
        cuts, rule = flags.attrs["cuts"], flags.attrs["cut_rule"]
        rows_of, cols_of = flags["R_up"], flags["F_up"]
        rows, cols = [False, True], [False, True]  # R↓ (recent) on top, F↑ on the right
        row_labels = [chart_text("chart.r_recent"), chart_text("chart.r_long_ago")]
        col_labels = [chart_text("chart.f_low"), chart_text("chart.f_high")]
        word = _rule_word(rule)
        xlabel = f"{chart_text('frequency')}\n({word} = {_fmt(cuts['frequency'])})"
        ylabel = f"{chart_text('recency_days')}\n({word} = {_fmt(cuts['recency_days'])})"
    frame = pd.DataFrame({"row": rows_of.to_numpy(), "col": cols_of.to_numpy(),
                          "m": monetary.to_numpy()})
    grouped = frame.groupby(["row", "col"])["m"]
    counts = grouped.size().unstack().reindex(index=rows, columns=cols).fillna(0)
    means = grouped.mean().unstack().reindex(index=rows, columns=cols)

    fig, ax = new_figure("grid")
    cmap = matplotlib.colormaps["YlGnBu"].with_extremes(bad="#e6e6e6")
    grid = np.ma.masked_invalid(means.to_numpy(dtype="float64"))
    image = ax.imshow(grid, cmap=cmap, aspect="auto")
    colourbar = fig.colorbar(image, ax=ax)
    colourbar.set_label(chart_text("chart.average_monetary"))
    colourbar.ax.yaxis.set_major_formatter("{x:,.0f}")
    for i in range(len(rows)):
        for j in range(len(cols)):
            count = int(counts.iat[i, j])
            if grid.mask is not np.ma.nomask and grid.mask[i, j]:
                colour = COLOURS["text"]
            else:
                red, green, blue, _ = cmap(image.norm(grid[i, j]))
                light = 0.299 * red + 0.587 * green + 0.114 * blue > 0.55
                colour = COLOURS["text"] if light else "white"
            ax.text(j, i, f"{count:,}", ha="center", va="center", color=colour,
                    fontsize=FONT_SIZES["title"] if len(rows) <= 3 else FONT_SIZES["annotation"],
                    fontweight="bold")
    ax.set_xticks(range(len(cols)), col_labels)
    ax.set_yticks(range(len(rows)), row_labels)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"{chart_text('chart.rf_grid')}\n{chart_text('chart.cell_counts')}")
    return fig
