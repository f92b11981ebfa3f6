"""Charts of the Sam's Club case (山姆会员店案例): deciles, before/after per group, group sizes."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from rfmkit.case import ROUND_TWO_GROUPS, group_summary
from rfmkit.charts._style import (
    COLOURS,
    FONT_SIZES,
    alt_list,
    can_update,
    chart_language,
    chart_name,
    chart_text,
    new_bar_lengths,
    new_figure,
    set_alt,
    styled,
    whole_ticks,
)
from rfmkit.labels import error_text, label
from rfmkit.labels import name as code_name

METRICS = ("visits", "ticket", "sales")
_METRIC_TEXT = {
    "visits": "chart.visits_per_member",
    "ticket": "chart.ticket",
    "sales": "chart.sales_per_member",
}


def _pct(value: float) -> str:
    """A growth in percent with its sign: "+44.3 %", "-17.3 %"; "-" when unknown."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:+.1f} %"


# ---------------------------------------------------------------------------------------------
# deciles


@styled
def decile_chart(deciles: pd.DataFrame, highlight: int | Iterable[int] | None = 8) -> Figure:
    """Average monthly spend per decile group (yuan), as bars, the target group highlighted.

    ``deciles``: :func:`rfmkit.decile_table` (``group``, ``customers``, ``average``; a
    ``"total"`` row is left out). ``highlight``: the group number(s) drawn in the accent colour
    and marked "target group" (default 8, the case's choice; ``None`` for none). Each bar
    carries its average. Returns the figure (1 axes).
    """
    table = deciles[deciles["group"].astype(str) != "total"]
    groups = [int(g) for g in table["group"]]
    averages = table["average"].to_numpy(dtype="float64")
    chosen = set() if highlight is None else {int(g) for g in (
        highlight if isinstance(highlight, Iterable) else [highlight])}
    fig, ax = new_figure("deciles")
    positions = np.arange(len(groups))
    sns.barplot(x=positions, y=averages, hue=positions, legend=False, ax=ax, width=0.72,
                palette=[COLOURS["revenue"] if g in chosen else COLOURS["bars"] for g in groups],
                saturation=1, native_scale=True)
    for bars in ax.containers:
        ax.bar_label(bars, labels=[f"{v:,.0f}" for v in bars.datavalues], padding=3,
                     fontsize=FONT_SIZES["annotation"])
    top = max(float(np.max(averages, initial=0.0)), 1.0)
    ax.set_ylim(0, top * 1.18)
    for position, group, value in zip(positions, groups, averages, strict=True):
        if group in chosen:
            ax.annotate(
                chart_text("chart.target_group"), xy=(position, value + top * 0.07),
                xytext=(position, value + top * 0.3), ha="center", va="bottom",
                color=COLOURS["revenue"], fontsize=FONT_SIZES["annotation"], fontweight="bold",
                arrowprops={"arrowstyle": "->", "color": COLOURS["revenue"], "lw": 2},
            )
    ax.set_xticks(positions, [str(g) for g in groups])
    sizes = sorted({int(n) for n in table["customers"]})
    size_text = f"{sizes[0]:,}" if len(sizes) == 1 else f"{sizes[0]:,}-{sizes[-1]:,}"
    ax.set_xlabel(chart_text("chart.decile_axis").format(n=size_text))
    ax.set_ylabel(chart_text("chart.average_spend"))
    whole_ticks(ax.yaxis, nbins=5)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    ax.set_title(chart_text("chart.deciles"))
    targets = [label("chart.alt.decile_target").format(g=g, v=f"{v:,.0f}")
               for g, v in zip(groups, averages, strict=True) if g in chosen]
    return set_alt(fig, "decile_chart", k=len(groups),
                   high=f"{averages[0]:,.0f}" if len(groups) else "-",
                   low=f"{averages[-1]:,.0f}" if len(groups) else "-", target=" ".join(targets))


# ---------------------------------------------------------------------------------------------
# before and after, per group


def _group_codes(table: pd.DataFrame) -> list[str]:
    """The groups to show, in the round's order (every group of the round, A0 only if used)."""
    return list(group_summary(table[["group", "sales_before", "sales_after"]]).index)


def _is_round_two(codes: Sequence[str]) -> bool:
    return bool(set(codes) & set(ROUND_TWO_GROUPS))


def before_after_values(table: pd.DataFrame, metric: str) -> pd.DataFrame:
    """What :func:`before_after_chart` draws for one metric: per group, before and after.

    ``metric`` is ``"visits"`` (visits per member: the group's visits / members), ``"ticket"``
    (the group's ticket: total sales / total visits, yuan per visit) or ``"sales"`` (sales per
    member: total sales / members, yuan). Returns a DataFrame indexed by group with ``before``,
    ``after`` and ``growth_pct`` (the group's aggregate growth, %; NaN with nothing before).
    An empty group has NaN everywhere.
    """
    if metric not in METRICS:
        raise ValueError(error_text("one_of", what="metric", options=METRICS, value=metric))
    top = "visits" if metric == "visits" else "sales"  # per member, or per visit (ticket)
    rows = {}
    for code in _group_codes(table):
        part = table[table["group"] == code]
        pair = []
        for when in ("before", "after"):
            per = float(part[f"visits_{when}"].sum()) if metric == "ticket" else len(part)
            pair.append(float(part[f"{top}_{when}"].sum()) / per if per else math.nan)
        growth = (pair[1] / pair[0] - 1) * 100 if pair[0] else math.nan
        rows[code] = {"before": pair[0], "after": pair[1], "growth_pct": growth}
    result = pd.DataFrame.from_dict(rows, orient="index", columns=["before", "after",
                                                                   "growth_pct"])
    return result.rename_axis("group")


@styled
def before_after_chart(table: pd.DataFrame, metrics: Sequence[str] | None = None) -> Figure:
    """Last month next to this month for each group: one panel per metric.

    ``table`` is the result of :func:`rfmkit.campaign_uplift` (groups A1..A4, and A0 if any) or
    of :func:`rfmkit.case.round_two` (A41..A44; it has sales only: "before" is the month before
    round 1, "after" the round-2 month). ``metrics`` are any of ``"visits"`` (visits per member),
    ``"ticket"`` (the group's average ticket, yuan per visit) and ``"sales"`` (sales per member,
    yuan); default all three when the table has visits, else ``("sales",)``. Above each pair the
    group's aggregate growth is written (see :func:`before_after_values`). Returns the figure
    (one axes per metric).
    """
    has_visits = {"visits_before", "visits_after"} <= set(table.columns)
    if metrics is None:
        metrics = METRICS if has_visits else ("sales",)
    metrics = tuple(metrics)
    if not 1 <= len(metrics) <= len(METRICS) or len(set(metrics)) != len(metrics):
        raise ValueError(error_text("charts.metrics", known=METRICS, metrics=metrics))
    for metric in metrics:
        if metric not in METRICS:
            raise ValueError(error_text("one_of", what="metric", options=METRICS, value=metric))
        if metric != "sales" and not has_visits:
            raise ValueError(error_text("charts.no_visits", metric=metric))
    codes = _group_codes(table)
    round_two = _is_round_two(codes)
    before_text = chart_text("chart.round1_month" if round_two else "chart.last_month")
    after_text = chart_text("chart.round2_month" if round_two else "chart.this_month")

    fig, axes = new_figure(f"before_after_{len(metrics)}", ncols=len(metrics))
    axes = np.atleast_1d(axes)
    positions = np.arange(len(codes))
    width = 0.38
    for ax, metric in zip(axes, metrics, strict=True):
        values = before_after_values(table, metric)
        before = values["before"].to_numpy(dtype="float64")
        after = values["after"].to_numpy(dtype="float64")
        ax.bar(positions - width / 2, before, width, color=COLOURS["before"], label=before_text)
        ax.bar(positions + width / 2, after, width, color=COLOURS["bars"], label=after_text)
        tops = np.fmax(np.nan_to_num(before), np.nan_to_num(after))
        for position, top, growth in zip(positions, tops, values["growth_pct"], strict=True):
            ax.text(position, top, _pct(growth), ha="center", va="bottom",
                    fontsize=FONT_SIZES["annotation"], fontweight="bold",
                    color=COLOURS["cut"] if growth < 0 else COLOURS["text"])
        highest = max(float(np.max(tops, initial=0.0)), 1.0)
        ax.set_ylim(0, highest * 1.2)
        ax.set_xticks(positions, codes)
        ax.set_title(chart_text(_METRIC_TEXT[metric]))
        if metric == "visits":
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.yaxis.set_major_formatter("{x:,.1f}")
        else:
            whole_ticks(ax.yaxis, nbins=4)
        ax.grid(axis="y", alpha=0.3)
        ax.set_axisbelow(True)
    axes[0].legend(loc="upper right", frameon=False)
    title = chart_text("chart.before_after.round2" if round_two else "chart.before_after")
    fig.suptitle(f"{title}  ({chart_text('chart.growth_note')})")
    growth = before_after_values(table, metrics[-1])["growth_pct"]
    return set_alt(fig, "before_after_chart",
                   metrics=alt_list(label(_METRIC_TEXT[m]) for m in metrics),
                   metric=label(_METRIC_TEXT[metrics[-1]]),
                   growth=alt_list(f"{code} {_pct(g)}" for code, g in growth.items()))


# ---------------------------------------------------------------------------------------------
# members per group


def _counts_title(table: pd.DataFrame, codes: Sequence[str]) -> str:
    if _is_round_two(codes):
        return chart_text("chart.group_counts.round2")
    targets = table.attrs.get("targets")
    if not targets:
        return chart_text("chart.group_counts")
    return chart_text("chart.group_counts.round1").format(
        v=f"{float(targets['visits']) * 100:g}", t=f"{float(targets['ticket']) * 100:g}"
    )


@styled
def group_counts_chart(table: pd.DataFrame, *, fig: Figure | None = None) -> Figure:
    """Members per group as horizontal bars: A1..A4 (and A0 if any) or A41..A44.

    ``table`` is a per-member result (:func:`rfmkit.campaign_uplift`,
    :func:`rfmkit.case.round_two`) or its :func:`rfmkit.case.group_summary`. Every group of the
    round is shown, empty ones too, with its count and share of members; the round-1 title
    states the targets used (kept by ``campaign_uplift`` in ``.attrs["targets"]``).

    ``fig`` is for redrawing (as :class:`rfmkit.widgets.UpliftExplorer` does): a figure an
    earlier call returned; it is cleared and drawn again. Returns the figure (1 axes).
    """
    summary = table if "members" in table.columns else group_summary(table)
    codes = [str(code) for code in summary.index]
    counts = summary["members"].to_numpy(dtype="int64")
    total = int(counts.sum())
    title = _counts_title(table, codes)
    structure = (chart_language(), tuple(codes))
    if can_update(fig, structure, room=title.count("\n")):
        ax = fig.axes[0]  # same groups: new bar lengths, numbers and title only
        new_bar_lengths(ax, counts)
    else:
        fig, ax = new_figure("counts", fig=fig, structure=structure, room=title.count("\n"))
        positions = np.arange(len(codes))
        ax.barh(positions, counts, color=COLOURS["bars"], height=0.66)
        ax.set_yticks(positions, [chart_name("case_group", code) for code in codes])  # "A1 ..."
        ax.invert_yaxis()
        whole_ticks(ax.xaxis, nbins=4)
        ax.set_xlabel(chart_text("members"))
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
    shares = [n * 100 / total if total else 0.0 for n in counts]
    ax.bar_label(ax.containers[0], padding=4, fontsize=FONT_SIZES["annotation"],
                 labels=[f"{n:,} ({s:.1f}%)" for n, s in zip(counts, shares, strict=True)])
    ax.set_xlim(0, max(int(counts.max(initial=0)), 1) * 1.3)
    ax.set_title(title)
    return set_alt(fig, "group_counts_chart", groups=alt_list(
        f"{code_name('case_group', code)} {n:,} ({s:.1f}%)"
        for code, n, s in zip(codes, counts, shares, strict=True)))
