"""Charts of customer value and the lifecycle: the customer pyramid, lifetime value (CLV),
churn per period and the lifecycle stages (the decile chart is in :mod:`rfmkit.charts.case`).

The charts a widget redraws (:func:`pyramid_chart`, :func:`clv_histogram`,
:func:`stage_chart`) take ``fig=``: a figure an earlier call returned, redrawn in place.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from rfmkit.charts._style import (
    CODE_COLOURS,
    COLOURS,
    FONT_SIZES,
    alt_list,
    blit_parts,
    can_update,
    chart_language,
    chart_name,
    chart_text,
    clip_tail,
    digits,
    fmt,
    new_figure,
    set_alt,
    styled,
    text_colour,
    whole_ticks,
)
from rfmkit.labels import error_text, label
from rfmkit.labels import name as code_name
from rfmkit.lifecycle import STAGES
from rfmkit.validation import require_columns
from rfmkit.value import TIERS

BASES = ("monetary", "clv")
LAYER_GAP = 0.05  # white space between two pyramid layers (a layer is 1 unit high)


# ---- the customer pyramid -------------------------------------------------------------------
_PYRAMID_COLUMNS = {"customers": "customers per tier", "customer_share": "% of customers",
                    "revenue": "yuan", "revenue_share": "% of the value"}


def _half_width(y: float, height: float) -> float:
    """Half the pyramid's width at height ``y`` (base width 2, apex at ``height``)."""
    return (height - y) / height


def _layer_corners(level: int, levels: int) -> list[tuple[float, float]]:
    """Corners of layer ``level`` (0 = top) of a pyramid of ``levels`` equal-height layers."""
    top = levels - level - (LAYER_GAP if level else 0.0)
    bottom = levels - level - 1 + (LAYER_GAP if level < levels - 1 else 0.0)
    corners = [(-_half_width(bottom, levels), bottom), (_half_width(bottom, levels), bottom)]
    if level == 0:
        return [*corners, (0.0, float(levels))]  # the top layer is a triangle
    return [*corners, (_half_width(top, levels), top), (-_half_width(top, levels), top)]


def _key_customers(summary: pd.DataFrame) -> tuple[pd.DataFrame, int, list[float]]:
    """The tier rows, the key customers (gold + silver) and their % of customers and value."""
    rows = summary.loc[list(TIERS)]
    key, total = rows.loc[["gold", "silver"]].sum(), rows.sum()
    shares = [100 * key[c] / total[c] if total[c] else 0.0 for c in ("customers", "revenue")]
    return rows, int(key["customers"]), shares


def _pyramid_texts(summary: pd.DataFrame, basis: str) -> tuple[list[str], str]:
    """The text beside each tier and the key customers' text."""
    what = chart_text(f"chart.what.{basis}")

    def text(template: str, n: int, share: float, value_share: float) -> str:
        return chart_text(template).format(
            n=f"{n:,}", customers="customer" if n == 1 else "customers", share=f"{share:.1f}",
            value_share=f"{value_share:.1f}", what=what)

    rows, key, shares = _key_customers(summary)
    layers = [text("chart.pyramid.layer", int(row.customers), row.customer_share,
                   row.revenue_share) for row in rows.itertuples()]
    return layers, chart_text("tier.key") + "\n" + text(
        "chart.pyramid.key", key, round(shares[0], 1), round(shares[1], 1))


def _pyramid_alt(fig: Figure, summary: pd.DataFrame, basis: str) -> Figure:
    what = label(f"chart.what.{basis}")
    rows, _, (ks, kv) = _key_customers(summary)
    tiers = alt_list(label("chart.alt.pyramid_tier").format(
        name=code_name("tier", code), n=f"{int(row.customers):,}",
        share=f"{row.customer_share:.1f}", value_share=f"{row.revenue_share:.1f}", what=what)
        for code, row in rows.iterrows())
    return set_alt(fig, "pyramid_chart", basis=label(f"chart.pyramid.by_{basis}"), tiers=tiers,
                   ks=f"{ks:.1f}", kv=f"{kv:.1f}", what=what)


@styled
def pyramid_chart(summary: pd.DataFrame, basis: str = "monetary", *,
                  fig: Figure | None = None) -> Figure:
    """The customer pyramid (客户金字塔): four stacked layers, gold at the top, iron at the base.

    ``summary`` is the output of :func:`rfmkit.tier_summary` (indexed by tier code; a
    ``"key"`` row is ignored). ``basis`` says what the customers were ranked by, for the texts:
    ``"monetary"`` (spend, "revenue") or ``"clv"`` (lifetime value). Each layer is named inside
    and labelled on the right with its customers (count and % of customers) and its % of the
    revenue (or of the total lifetime value); a bracket on the left gives the key customers
    (关键客户, gold + silver). The layers are drawn the same height (a picture of the order, not
    of the sizes: the numbers give the sizes), the top one a triangle. Returns the figure (one
    axes; the layers are its patches, top first, each with ``gid`` ``"tier.<code>"``).

    ``fig``: a figure an earlier call returned; with the same language and basis only the
    numbers change (quick, for :class:`rfmkit.widgets.PyramidExplorer`).
    """
    if basis not in BASES:
        raise ValueError(error_text("one_of", what="basis", options=BASES, value=basis))
    require_columns(summary, _PYRAMID_COLUMNS, "the tier summary")
    absent = [code for code in TIERS if code not in summary.index]
    if absent:
        raise ValueError(error_text("charts.tier_rows", absent=absent))
    layers, key = _pyramid_texts(summary, basis)
    signature = (chart_language(), basis)
    state = getattr(fig, "_rfmkit_pyramid", None)
    if state is not None and state["signature"] == signature:
        for text, new in zip(state["layer_texts"], layers, strict=True):
            text.set_text(new)
        state["key_text"].set_text(key)
        blit_parts(fig, state, [*state["layer_texts"], state["key_text"]])
        return _pyramid_alt(fig, summary, basis)
    fig, ax = new_figure("pyramid", fig=fig)
    levels = len(TIERS)
    layer_texts = []
    for level, code in enumerate(TIERS):
        corners = _layer_corners(level, levels)
        ax.add_patch(Polygon(corners, closed=True, facecolor=CODE_COLOURS["tier"][code],
                             edgecolor="white", linewidth=1.5, gid=f"tier.{code}"))
        middle = levels - level - 0.5
        name_y = middle - (0.25 if level == 0 else 0.0)  # lower in the narrow triangle
        ax.text(0, name_y, chart_name("tier", code), ha="center", va="center",
                color=text_colour("tier", code), fontsize=FONT_SIZES["label"], fontweight="bold")
        right = _half_width(middle, levels) + 0.12
        layer_texts.append(ax.text(right, middle, layers[level], ha="left", va="center",
                                   fontsize=FONT_SIZES["annotation"], color=COLOURS["text"]))
    # the key customers: a bracket along the gold and silver layers
    x = -_half_width(levels - 2, levels) - 0.15
    low, high = levels - 2 + LAYER_GAP, levels - 0.02
    ax.plot([x + 0.06, x, x, x + 0.06], [low, low, high, high], color=COLOURS["text"],
            linewidth=1.8, solid_capstyle="butt")
    key_text = ax.text(x - 0.08, (low + high) / 2, key, ha="right", va="center",
                       fontsize=FONT_SIZES["annotation"], color=COLOURS["text"])
    ax.text(0, -0.12, chart_text("chart.pyramid.note"), ha="center", va="top",
            fontsize=FONT_SIZES["annotation"] - 2, color=COLOURS["note"], style="italic")
    ax.set_xlim(-2.45, 2.45)
    ax.set_ylim(-0.45, levels + 0.1)
    ax.set_aspect("auto")
    ax.axis("off")
    ax.set_title(f"{chart_text('chart.pyramid')} ({chart_text('chart.pyramid.by_' + basis)})")
    fig._rfmkit_pyramid = {"signature": signature, "layer_texts": layer_texts,
                           "key_text": key_text}
    return _pyramid_alt(fig, summary, basis)


# ---- lifetime value -------------------------------------------------------------------------
@styled
def discount_chart(cash_flows, rate: float) -> Figure:
    """One customer's yearly cash flows next to what each is worth today.

    ``cash_flows`` are R_1..R_n in yuan (list, array or Series) and ``rate`` the yearly discount
    rate (0.10 for 10 %). For each year i two bars: R_i and its present value
    R_i / (1 + r)^i, both labelled; the title gives the undiscounted sum and the CLV (their
    NPV). Returns the figure (one axes).
    """
    flows = np.asarray(list(cash_flows), dtype="float64")
    if flows.ndim != 1 or flows.size == 0 or np.isnan(flows).any():
        raise ValueError(error_text("charts.cash_flows"))
    years = np.arange(1, flows.size + 1)
    present = flows / (1 + float(rate)) ** years
    fig, ax = new_figure("bars")
    width = 0.38
    raw = ax.bar(years - width / 2, flows, width, color=COLOURS["light"],
                 label=chart_text("chart.cash_flow"))
    now = ax.bar(years + width / 2, present, width, color=COLOURS["bars"],
                 label=chart_text("chart.present_value"))
    for bars in (raw, now):
        ax.bar_label(bars, labels=[f"{v:,.2f}" for v in bars.datavalues], padding=3,
                     fontsize=FONT_SIZES["annotation"])
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlabel(chart_text("year"))
    ax.set_ylabel(chart_text("yuan"))
    top = float(max(flows.max(), present.max(), 0.0))
    ax.set_ylim(min(float(flows.min()), 0.0) * 1.2, top * 1.25 or 1.0)
    ax.legend(loc="upper right")
    numbers = {"total": fmt(round(float(np.sum(flows)), 2)), "n": flows.size,
               "clv": f"{float(np.sum(present)):,.2f}", "rate": f"{100 * float(rate):g}"}
    ax.set_title(chart_text("chart.discount").format(**numbers))
    return set_alt(fig, "discount_chart", **numbers)


@styled
def clv_histogram(clv_values, *, fig: Figure | None = None) -> Figure:
    """How the customers' lifetime values spread: a histogram with the mean and the median.

    ``clv_values`` is a Series (or list) of each customer's CLV in yuan, e.g. from
    :func:`rfmkit.clv`. The mean is a dashed line, the median a dotted one, and a box gives the
    customer equity (客户资产, the sum of all CLVs). Lifetime values are heavy-tailed: when the
    top 1 % would stretch the axis to more than three times the range of everyone else, the
    axis stops at the 99th percentile and its label says how many customers lie beyond.
    Returns the figure (one axes). ``fig``: a figure an earlier call returned, redrawn.
    """
    values = np.asarray(pd.Series(clv_values).to_numpy(), dtype="float64")
    if values.size == 0 or np.isnan(values).any():
        raise ValueError(error_text("charts.clv_values"))
    low = float(values.min())
    shown_high, note = clip_tail(values)
    edges = np.linspace(low, shown_high, 31) if shown_high > low else [low - 0.5, low + 0.5]
    shown = values[values <= shown_high]
    heights = np.histogram(shown, bins=edges)[0]
    mean, median = float(values.mean()), float(np.median(values))
    equity = f"{float(np.sum(values)):,.2f}"
    structure = (chart_language(), len(edges))
    room = (bool(note), digits(heights.max(initial=0)))
    if can_update(fig, structure, room):
        ax = fig.axes[0]  # same texts: move the bars and lines, rewrite the numbers
        for bar, left, right, height in zip(ax.patches, edges[:-1], edges[1:], heights,
                                            strict=True):
            bar.set_bounds(left, 0, right - left, height)
        for line, x in zip(ax.lines, (mean, median), strict=True):
            line.set_xdata([x, x])
    else:
        fig, ax = new_figure("histogram", fig=fig, structure=structure, room=room)
        sns.histplot(x=shown, bins=edges, ax=ax, color=COLOURS["bars"], alpha=1,
                     edgecolor="white", linewidth=0.6)
        ax.axvline(mean, color=COLOURS["cut"], linestyle="--", linewidth=2.2)
        ax.axvline(median, color=COLOURS["text"], linestyle=":", linewidth=2.6)
        ax.set_ylabel(chart_text("customers"))
        whole_ticks(ax.yaxis)
        ax.xaxis.set_major_formatter("{x:,.0f}")
        ax.set_title(chart_text("chart.clv_distribution"))
    ax.set_xlim(edges[0] - 0.02 * (edges[-1] - edges[0]),
                edges[-1] + 0.02 * (edges[-1] - edges[0]))
    ax.set_ylim(0, max(int(heights.max(initial=0)), 1) * 1.05)
    ax.lines[0].set_label(f"{chart_text('chart.mean')} = {mean:,.2f}")
    ax.lines[1].set_label(f"{chart_text('cut.median')} = {median:,.2f}")
    ax.legend(loc="upper right", title=chart_text("chart.equity_box").format(
        equity=equity, n=f"{values.size:,}"))
    ax.set_xlabel("\n".join(t for t in (chart_text("clv"), note) if t))
    return set_alt(fig, "clv_histogram", n=f"{values.size:,}", mean=f"{mean:,.2f}",
                   median=f"{median:,.2f}", equity=equity)


# ---- churn and lifecycle --------------------------------------------------------------------
_CHURN_COLUMNS = {"period": "the period", "retained_customers": "customers kept",
                  "lost_customers": "customers lost", "churn_rate": "%",
                  "retention_rate": "%"}


@styled
def churn_chart(periods: pd.DataFrame) -> Figure:
    """Customers of each period split into retained and lost in the next period.

    ``periods`` is the output of :func:`rfmkit.period_churn` (canonical headers). One
    stacked bar per period: retained (kept, bottom) and lost (top) customers; above each bar
    its churn rate and retention rate (CRR). Returns the figure (one axes).
    """
    require_columns(periods, _CHURN_COLUMNS, "the period table")
    fig, ax = new_figure("bars")
    positions = np.arange(len(periods))
    kept = periods["retained_customers"].to_numpy(dtype="float64")
    lost = periods["lost_customers"].to_numpy(dtype="float64")
    ax.bar(positions, kept, color=COLOURS["bars"], label=chart_text("chart.retained"))
    ax.bar(positions, lost, bottom=kept, color=COLOURS["cut"], label=chart_text("chart.lost"))
    template = chart_text("chart.churn_label")
    for x, total, churn, keep in zip(positions, kept + lost, periods["churn_rate"],
                                     periods["retention_rate"], strict=True):
        text = "-" if pd.isna(churn) else template.format(churn=f"{churn:.1f}",
                                                          crr=f"{keep:.1f}")
        ax.text(x, total, text, ha="center", va="bottom", fontsize=FONT_SIZES["annotation"])
    names = [str(p).replace(" – ", "\n– ") for p in periods["period"]]
    ax.set_xticks(positions, names)
    ax.set_xlabel(chart_text("chart.churn.x"))
    ax.set_ylabel(chart_text("customers"))
    ax.set_ylim(0, float((kept + lost).max(initial=0.0)) * 1.22 or 1.0)
    whole_ticks(ax.yaxis)
    ax.legend(loc="upper left", ncols=2)
    ax.set_title(chart_text("chart.churn"))
    rates = periods["churn_rate"].dropna()
    first, last = (f"{rates.iloc[0]:.1f}", f"{rates.iloc[-1]:.1f}") if len(rates) else ("-", "-")
    return set_alt(fig, "churn_chart", k=len(periods), first=first, last=last)


_STAGE_COLUMNS = {**{code: "customers" for code in STAGES},
                  **{f"{code}_share": "% of the row" for code in STAGES}}


@styled
def stage_chart(cross: pd.DataFrame, *, active_days: float | None = None,
                sleeping_days: float | None = None, fig: Figure | None = None) -> Figure:
    """Lifecycle stages (活跃/睡眠/流失): how many customers are in each, and how the stages
    spread over customers with 1, 2, ... purchases.

    ``cross`` is the output of :func:`rfmkit.lifecycle.stage_by_purchases` (stage-code
    columns; an ``"all"`` row is drawn last, set apart). Left panel: customers per stage,
    labelled with count and %, on an axis that ends just above the number of all customers
    (so bars keep their scale while thresholds move). Right panel: one 100 % bar per number of
    purchases, split into the three stages, with the % written in every part of at least 6 %.
    ``active_days`` and ``sleeping_days`` (the thresholds used) go into the left panel's title
    when given. Returns the figure (2 axes).

    ``fig``: a figure an earlier call returned. With the same rows, customers and language only
    bars, numbers and the title change (listed by ``blit_parts`` for widgets that redraw only
    them); otherwise it is drawn afresh.
    """
    require_columns(cross, _STAGE_COLUMNS, "the cross-table")
    rows = cross[[str(i) != "all" for i in cross.index]]
    totals = rows[list(STAGES)].sum().to_numpy(dtype="float64")
    n = totals.sum()
    shares = 100 * totals / n if n else np.zeros(len(STAGES))
    parts = cross[[f"{code}_share" for code in STAGES]].to_numpy(dtype="float64").T
    title = chart_text("chart.stage_counts")
    if active_days is not None and sleeping_days is not None:
        title += "\n" + chart_text("chart.stage_thresholds").format(
            a=f"{active_days:g}", s=f"{sleeping_days:g}")
    signature = (chart_language(), tuple(map(str, cross.index)), n, title.count("\n"))
    state = getattr(fig, "rfmkit_stage_chart", None)
    if state is None or state["signature"] != signature:
        fig, state = _stage_frame(cross, n, fig)
        state["signature"] = signature
    for bar, label_text, total, share in zip(state["bars"], state["bar_labels"], totals, shares,
                                             strict=True):
        bar.set_height(total)
        label_text.set_text(f"{int(total):,} ({share:.1f}%)")
        label_text.xy = (label_text.xy[0], total)
    state["title"].set_text(title)
    start = np.zeros(parts.shape[1])
    for part, patches, texts in zip(parts, state["parts"], state["part_texts"], strict=True):
        for patch, text, x0, width in zip(patches, texts, start, part, strict=True):
            patch.set_x(x0)
            patch.set_width(width)
            text.set_x(x0 + width / 2)
            text.set_text(f"{width:.0f}%")
            text.set_visible(bool(width >= 6))
        start += part
    # in the order a whole drawing draws them: bars, then the axis lines they start on, texts
    spines = [spine for ax in fig.axes for spine in ax.spines.values() if spine.get_visible()]
    blit_parts(fig, state, [*state["bars"], *(p for patches in state["parts"] for p in patches),
                            *spines, *state["bar_labels"], state["title"],
                            *(t for texts in state["part_texts"] for t in texts)])
    stages = alt_list(f"{code_name('stage', code)} {int(t):,} ({s:.1f}%)"
                      for code, t, s in zip(STAGES, totals, shares, strict=True))
    return set_alt(fig, "stage_chart", stages=stages)


def _stage_frame(cross: pd.DataFrame, n: float, fig: Figure | None) -> tuple[Figure, dict]:
    """The parts of :func:`stage_chart` that do not depend on the thresholds: axes, names,
    ticks, legend; and empty bars and texts for it to fill. Returns the figure and its state
    (also kept as ``fig.rfmkit_stage_chart``)."""
    fig, (left, right) = new_figure("stages", ncols=2, fig=fig, width_ratios=[2, 3])
    names = [chart_name("stage", code) for code in STAGES]
    bars = left.bar(np.arange(len(STAGES)), np.zeros(len(STAGES)),
                    color=[CODE_COLOURS["stage"][c] for c in STAGES])
    bar_labels = left.bar_label(bars, labels=[""] * len(STAGES), padding=3,
                                fontsize=FONT_SIZES["annotation"])
    left.set_xticks(np.arange(len(STAGES)), names)
    left.set_ylim(0, n * 1.18 or 1.0)
    left.set_ylabel(chart_text("customers"))
    whole_ticks(left.yaxis)
    left.set_title(" ")

    shown = cross.index.tolist()
    labels = [chart_text("chart.all") if str(i) == "all" else str(i) for i in shown]
    positions = np.arange(len(shown), dtype="float64")
    if shown and str(shown[-1]) == "all":
        positions[-1] += 0.4  # set the total apart
    parts, part_texts = [], []
    for code, name in zip(STAGES, names, strict=True):
        container = right.barh(positions, np.zeros(len(shown)), color=CODE_COLOURS["stage"][code],
                               label=name, height=0.72)
        parts.append(list(container.patches))
        part_texts.append([right.text(0, y, "", ha="center", va="center",
                                      color=text_colour("stage", code),
                                      fontsize=FONT_SIZES["annotation"]) for y in positions])
    right.set_yticks(positions, labels)
    right.invert_yaxis()
    right.set_xlim(0, 100)
    right.set_xlabel(chart_text("chart.stage_share_x"))
    right.set_ylabel(chart_text("purchases"))
    right.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, frameon=False)
    right.set_title(chart_text("chart.stage_by_purchases"), pad=34)
    fig.rfmkit_stage_chart = {"bars": list(bars.patches), "bar_labels": bar_labels,
                              "title": left.title, "parts": parts, "part_texts": part_texts}
    return fig, fig.rfmkit_stage_chart
