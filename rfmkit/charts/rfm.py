"""Charts of the RFM model: the three distributions, the groups, and an R-F grid."""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping

import matplotlib.transforms as mtransforms
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from rfmkit.charts._style import (
    COLOURS,
    FONT_SIZES,
    HEATMAP,
    blit_parts,
    chart_name,
    chart_text,
    clip_tail,
    fmt,
    keep_layout,
    new_figure,
    no_frame,
    set_alt,
    styled,
    whole_ticks,
)
from rfmkit.labels import label
from rfmkit.labels import name as code_name
from rfmkit.rfm import METRICS, SCHEMES, BinsCollapsedWarning, rfm_flags, rfm_scores

MAX_BINS = 30


def _rule_word(rule, text=chart_text) -> str:
    """The name of a cut rule, by ``text`` (the chart's language; ``label``: the current one)."""
    return text({"mean": "chart.mean", "median": "cut.median"}.get(rule, "cut.custom"))


def _bin_edges(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Bin edges covering exactly [low, high]: whole numbers (days, orders) get bins of a whole
    number of values each (the last may be narrower), others :data:`MAX_BINS` equal bins."""
    if bool(np.all(np.equal(np.mod(values, 1), 0))):
        width = max(1, math.ceil((high - low + 1) / MAX_BINS))
        edges = low - 0.5 + width * np.arange(math.ceil((high - low + 1) / width))
        return np.append(edges, high + 0.5)
    if high == low:
        return np.array([low - 0.5, low + 0.5])
    return np.linspace(low, high, MAX_BINS + 1)


@styled
def rfm_distributions(table: pd.DataFrame, cut="mean") -> Figure:
    """Three histograms: R (days since last purchase), F (orders), M (yuan), with the cut.

    ``table``: an RFM table (``recency_days``, ``frequency``, ``monetary``); ``cut`` as in
    :func:`rfmkit.rfm_flags` (``"mean"``, ``"median"`` or a dict). The cut is a dashed line
    with its value written. A heavy-tailed panel stops at the 99th percentile (or at the cut,
    if higher) and its axis label says how many customers lie beyond (nothing is merged into
    other bars). Returns the figure (3 axes).
    """
    flags = rfm_flags(table, cut)
    cuts, rule = flags.attrs["cuts"], flags.attrs["cut_rule"]
    fig, axes = new_figure("three_panels", ncols=3)
    for ax, metric in zip(axes, METRICS, strict=True):
        values = table[metric].to_numpy(dtype="float64")
        cut_value = float(cuts[metric])
        shown_high, note = clip_tail(values, floor=cut_value)
        sns.histplot(x=values[values <= shown_high], ax=ax, color=COLOURS["bars"], alpha=1,
                     bins=_bin_edges(values, float(values.min()), shown_high),
                     edgecolor="white", linewidth=0.6)
        ax.axvline(cut_value, color=COLOURS["cut"], linestyle="--", linewidth=2.2)
        left, right = ax.get_xlim()
        ax.text(cut_value, 0.97, f" {_rule_word(rule)} = {fmt(cut_value)} ",
                transform=mtransforms.blended_transform_factory(ax.transData, ax.transAxes),
                ha="right" if (cut_value - left) > 0.65 * (right - left) else "left",
                va="top", color=COLOURS["cut"], fontsize=FONT_SIZES["annotation"],
                fontweight="bold",
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5})
        hint = chart_text("chart.r_axis_hint") if metric == "recency_days" else ""
        ax.set_xlabel("\n".join(t for t in (chart_text(metric), hint, note) if t))
        ax.set_ylabel("")
        whole_ticks(ax.yaxis)
    axes[0].set_ylabel(chart_text("customers"))
    title_key = {"mean": "chart.rfm_distributions", "median": "chart.rfm_distributions.median"}
    fig.suptitle(chart_text(title_key.get(rule, "chart.rfm_distributions.custom")))
    return set_alt(fig, "rfm_distributions", n=f"{len(table):,}", rule=_rule_word(rule, label),
                   r=fmt(float(cuts["recency_days"])), f=fmt(float(cuts["frequency"])),
                   m=fmt(float(cuts["monetary"])))


def _group_names(summary: pd.DataFrame) -> list[str]:
    """Each segment's name with its ↑/↓ pattern (e.g. "一般客户  R↑F↑M↓")."""
    patterns = summary["pattern"] if "pattern" in summary else [""] * len(summary)
    names = [chart_name("segment", code) for code in summary.index]
    return [n if not p or p in n else f"{n}  {p}" for n, p in zip(names, patterns, strict=True)]


_SEGMENT_PANELS = (
    ("customers", "customer_share", COLOURS["bars"]),
    ("revenue", "revenue_share", COLOURS["revenue"]),
)


def _segment_values(ax, bars, summary: pd.DataFrame, column: str, share: str) -> None:
    """Set one panel's bar lengths, the values written on them and its x range."""
    values = summary[column].to_numpy(dtype="float64")
    for bar, value in zip(bars, values, strict=True):
        bar.set_width(value)
    shares = summary[share] if share in summary else [None] * len(values)
    texts = [f"{v:,.0f}" + ("" if s is None or pd.isna(s) else f" ({s:.1f}%)")
             for v, s in zip(values, shares, strict=True)]
    for old in getattr(bars, "rfmkit_labels", []):
        old.remove()
    bars.rfmkit_labels = ax.bar_label(bars, labels=texts, padding=4,
                                      fontsize=FONT_SIZES["annotation"])
    top = max(float(np.nanmax(values, initial=0.0)), 1.0)
    ax.set_xlim(min(float(np.nanmin(values, initial=0.0)), 0.0) * 1.35, top * 1.45)


def _segment_alt(fig: Figure, summary: pd.DataFrame) -> Figure:
    customers = summary["customers"].astype("float64")
    revenue = summary["revenue"].astype("float64")
    top, rtop = customers.idxmax(), revenue.idxmax()
    total_c, total_r = customers.sum() or 1.0, revenue.sum() or 1.0
    return set_alt(fig, "segment_chart", k=len(summary), top=code_name("segment", top),
                   n=f"{int(customers[top]):,}", share=f"{100 * customers[top] / total_c:.1f}",
                   rtop=code_name("segment", rtop), rshare=f"{100 * revenue[rtop] / total_r:.1f}")


@styled
def segment_chart(summary: pd.DataFrame, *, fig: Figure | None = None) -> Figure:
    """Customers and revenue per segment, as two panels of horizontal bars.

    ``summary``: :func:`rfmkit.segment_summary` (indexed by segment code; ``customers``,
    ``revenue``, their shares in %, ``pattern``). Every segment is shown in the scheme's
    order with its value and share at the end of its bar. Returns the figure (2 axes); its
    ``rfmkit_segment_chart`` holds the axes and bar containers (for widgets that blit).

    ``fig``: a figure an earlier call returned. With the same segments and language only bars,
    numbers and x ranges change and the layout is kept; otherwise it is drawn afresh.
    """
    names = _group_names(summary)
    key = (tuple(summary.index), tuple(names))
    state = getattr(fig, "rfmkit_segment_chart", None)
    if state is not None and state["key"] == key:
        keep_layout(fig)
        for ax, bars, (column, share, _) in zip(state["axes"], state["bars"], _SEGMENT_PANELS,
                                                strict=True):
            _segment_values(ax, bars, summary, column, share)
        _segment_blit_parts(fig)
        return _segment_alt(fig, summary)
    fig, axes = new_figure("two_panels", ncols=2, fig=fig, sharey=True)
    positions = np.arange(len(summary))
    all_bars = []
    for ax, (column, share, colour) in zip(axes, _SEGMENT_PANELS, strict=True):
        bars = ax.barh(positions, np.zeros(len(summary)), color=colour, height=0.7)
        _segment_values(ax, bars, summary, column, share)
        all_bars.append(bars)
        ax.set_title(chart_text(column))
        whole_ticks(ax.xaxis, nbins=4)
        ax.grid(axis="x", alpha=0.3)
    axes[0].set_yticks(positions, names)
    axes[0].invert_yaxis()
    title = chart_text("chart.segment_counts")
    scheme = next((name for name, table in SCHEMES.items()
                   if set(summary.index) <= set(table["code"])), None)
    if scheme is not None:
        title += f"  ({chart_text('scheme.' + scheme)})"
    fig.suptitle(title)
    fig.rfmkit_segment_chart = {"key": key, "axes": list(axes), "bars": all_bars}
    _segment_blit_parts(fig)
    return _segment_alt(fig, summary)


def _segment_blit_parts(fig: Figure) -> None:
    """What an update changes, in drawing order: bars, axis lines (the bars start on the left
    one), then the values written at the bar ends (new texts at every update)."""
    state = fig.rfmkit_segment_chart
    bars = [patch for container in state["bars"] for patch in container.patches]
    spines = [spine for ax in state["axes"] for spine in ax.spines.values()
              if spine.get_visible()]
    labels = [text for container in state["bars"] for text in container.rfmkit_labels]
    blit_parts(fig, state, bars + spines + labels)


def _is_bins(cut) -> bool:
    if isinstance(cut, bool):
        return False
    if isinstance(cut, (int, np.integer)):
        return True
    return isinstance(cut, Mapping) and all(not np.isscalar(v) for v in cut.values())


def cell_heatmap(ax, means: pd.DataFrame, labels: np.ndarray, colour_label: str, *,
                 fontsize: float, vmin=None, fontweight="normal") -> None:
    """A seaborn heatmap of ``means`` on ``ax`` with ``labels`` (text per cell) written in
    every cell, also the empty (NaN, grey) ones, and a colour bar titled ``colour_label``."""
    sns.heatmap(means, ax=ax, cmap=HEATMAP, vmin=vmin, annot=labels, fmt="",
                annot_kws={"fontsize": fontsize, "fontweight": fontweight},
                cbar_kws={"label": colour_label, "format": "{x:,.0f}"})
    ax.set_facecolor(COLOURS["missing"])
    for i, j in zip(*np.nonzero(means.isna().to_numpy()), strict=True):
        ax.text(j + 0.5, i + 0.5, labels[i, j], ha="center", va="center",
                color=COLOURS["text"], fontsize=fontsize, fontweight=fontweight)
    ax.tick_params(axis="y", rotation=0)
    no_frame(ax)


@styled
def rf_grid(table: pd.DataFrame, cut="mean") -> Figure:
    """An R-F grid (seaborn heatmap) coloured by average spend M (yuan), with the number of
    customers written in each cell.

    ``table``: an RFM table. ``cut="mean"`` (default), ``"median"`` or a dict of three cuts
    gives the lesson's 2 x 2 grid (R↓/R↑ by F↓/F↑, :func:`rfmkit.rfm_flags`); a number of bins
    or a dict of edges gives R score x F score (:func:`rfmkit.rfm_scores`). Recent customers
    are at the top, frequent ones on the right; an empty cell is grey. Returns the figure
    (the grid and its colour bar: 2 axes; cell (row i, column j) is centred at (j + .5, i + .5)).
    """
    if _is_bins(cut):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", BinsCollapsedWarning)  # the grid shows it
            scores = rfm_scores(table, cut)
        rows_of, cols_of = scores["R_score"], scores["F_score"]
        rows = list(range(int(rows_of.max()), 0, -1))  # most recent (highest score) on top
        cols = list(range(1, int(cols_of.max()) + 1))
        row_labels, col_labels = [str(r) for r in rows], [str(c) for c in cols]
        xlabel = chart_text("chart.rf_grid.f_scores")
        ylabel = chart_text("chart.rf_grid.r_scores")
    else:
        flags = rfm_flags(table, cut)
        cuts, word = flags.attrs["cuts"], _rule_word(flags.attrs["cut_rule"])
        rows_of, cols_of = flags["R_up"], flags["F_up"]
        rows, cols = [False, True], [False, True]  # R↓ (recent) on top, F↑ on the right
        row_labels = [chart_text("chart.r_recent"), chart_text("chart.r_long_ago")]
        col_labels = [chart_text("chart.f_low"), chart_text("chart.f_high")]
        xlabel = f"{chart_text('frequency')}\n({word} = {fmt(cuts['frequency'])})"
        ylabel = f"{chart_text('recency_days')}\n({word} = {fmt(cuts['recency_days'])})"
    grouped = pd.DataFrame({"row": rows_of.to_numpy(), "col": cols_of.to_numpy(),
                            "m": table["monetary"].to_numpy(dtype="float64")}
                           ).groupby(["row", "col"])["m"]
    counts = grouped.size().unstack().reindex(index=rows, columns=cols).fillna(0)
    means = grouped.mean().unstack().reindex(index=rows, columns=cols)
    means.index, means.columns = row_labels, col_labels
    fig, ax = new_figure("grid")
    size = FONT_SIZES["title"] if len(rows) <= 3 else FONT_SIZES["annotation"]
    cell_heatmap(ax, means, np.vectorize("{:,}".format)(counts.to_numpy(dtype="int64")),
                 chart_text("chart.average_monetary"), fontsize=size, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(f"{chart_text('chart.rf_grid')}\n{chart_text('chart.cell_counts')}")
    cells = counts.to_numpy(dtype="int64")
    i, j = np.unravel_index(int(np.argmax(cells)), cells.shape)
    if _is_bins(cut):
        cell = f"R {row_labels[i]}, F {col_labels[j]}"
    else:
        cell = " ".join(label(k) for k in (("chart.r_recent", "chart.r_long_ago")[i],
                                           ("chart.f_low", "chart.f_high")[j]))
    return set_alt(fig, "rf_grid", cell=cell, n=f"{int(cells[i, j]):,}",
                   high=f"{float(np.nanmax(means.to_numpy(dtype='float64'))):,.2f}")
