"""Charts of notebooks 06 and 07: the service plan, the care calendar, NPS, first-order bands,
new vs returning customers, category preference and a group's member profile (each takes a
table of :mod:`rfmkit.service`, :mod:`rfmkit.preferences` or :mod:`rfmkit.metrics`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from rfmkit.charts._style import (
    CODE_COLOURS,
    COLOURS,
    FONT_SIZES,
    PALETTE,
    alt_list,
    can_update,
    chart_language,
    chart_name,
    chart_text,
    code_order,
    digits,
    in_code_order,
    new_bar_lengths,
    new_figure,
    set_alt,
    styled,
    text_colour,
    whole_ticks,
)
from rfmkit.charts.rfm import cell_heatmap
from rfmkit.labels import error_text, label
from rfmkit.labels import name as code_name
from rfmkit.validation import require_columns

__all__ = [
    "care_calendar",
    "new_vs_returning_chart",
    "nps_chart",
    "preference_heatmap",
    "profile_chart",
    "service_mix",
    "ticket_bands_chart",
]


def group_name(code) -> str:
    """A group code's name in the chart's language: a tier (gold...) or a segment code."""
    return chart_name("tier" if code in code_order("tier") else "segment", code)


def _group_label(code) -> str:
    """A group code's name in the current language (for text alternatives)."""
    return code_name("tier" if code in code_order("tier") else "segment", code)


# ---------------------------------------------------------------------------------------------
# notebook 06


@styled
def service_mix(plan: pd.DataFrame) -> Figure:
    """Customers per service in a service plan, each bar split by channel.

    ``plan``: :func:`rfmkit.service.service_plan` (``service`` and ``channel`` codes, named by
    the labels ``service.<code>`` and ``channel.<code>``). The largest service is on top;
    its number of customers is written at the end of each bar (all bars add up to the plan).
    Returns the figure (1 axes).
    """
    require_columns(plan, {"service": "service code", "channel": "channel code"}, "plan")
    counts = pd.crosstab(plan["service"], plan["channel"])
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    channel_order = in_code_order(counts.columns, "channel")
    counts = counts[channel_order]
    names = [chart_name("service", s) for s in counts.index]
    fig, ax = new_figure("bars")
    positions = np.arange(len(counts))
    left = np.zeros(len(counts))
    for k, channel in enumerate(channel_order):
        values = counts[channel].to_numpy(dtype="float64")
        ax.barh(positions, values, left=left, height=0.7, color=PALETTE[k % len(PALETTE)],
                label=chart_name("channel", channel))
        left += values
    for y, total in zip(positions, left, strict=True):
        ax.text(total, y, f" {total:,.0f}", va="center", fontsize=FONT_SIZES["annotation"])
    ax.set_yticks(positions, names)
    ax.invert_yaxis()
    ax.set_xlim(0, max(float(left.max(initial=0.0)), 1.0) * 1.12)
    ax.set_xlabel(chart_text("customers"))
    whole_ticks(ax.xaxis)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(title=chart_text("channel"), loc="lower right", frameon=False)
    ax.set_title(chart_text("chart.service_mix"))
    totals = counts.sum(axis=1)
    return set_alt(fig, "service_mix", n=f"{int(totals.sum()):,}",
                   top=code_name("service", totals.index[0]) if len(totals) else "-",
                   k=f"{int(totals.iloc[0]):,}" if len(totals) else "0")


@styled
def care_calendar(birthdays: pd.DataFrame, holidays: pd.DataFrame,
                  new_customers: pd.DataFrame | None = None, *, asof, days: int,
                  new_days: int = 15) -> Figure:
    """The coming days at a glance: members' birthdays per day and the holidays.

    ``birthdays``: :func:`rfmkit.service.birthdays_within` (``next_birthday``); ``holidays``:
    :func:`rfmkit.service.holiday_greetings` (``date``, ``holiday`` code named by
    ``holiday.<code>``: a dashed line with its name); ``new_customers`` (optional):
    :func:`rfmkit.service.new_customer_care` found within ``new_days`` days (their number is
    written in a note). One bar per day from ``asof`` to ``asof + days`` (days, whole).
    Returns the figure (1 axes).
    """
    require_columns(birthdays, {"next_birthday": "date"}, "birthdays")
    require_columns(holidays, {"date": "date", "holiday": "holiday code"}, "holidays")
    start, window = pd.Timestamp(asof).normalize(), int(days)
    calendar = pd.date_range(start, periods=window + 1, freq="D")
    per_day = (pd.to_datetime(birthdays["next_birthday"]).dt.normalize().value_counts()
               .reindex(calendar, fill_value=0))
    fig, ax = new_figure("wide")
    x = np.arange(len(calendar))
    ax.bar(x, per_day.to_numpy(), color=COLOURS["bars"], width=0.8)
    top = max(int(per_day.max()), 1)
    ax.set_ylim(0, top * 1.45 + 0.5)
    whole_ticks(ax.yaxis, nbins=5)
    marked = []  # the holidays shown, for the text alternative
    for day, code in zip(pd.to_datetime(holidays["date"]), holidays["holiday"], strict=True):
        offset = (day.normalize() - start).days
        if 0 <= offset <= window:
            ax.axvline(offset, color=COLOURS["cut"], linestyle="--", linewidth=2)
            ax.text(offset, 0.98, f" {chart_name('holiday', code)}",
                    transform=ax.get_xaxis_transform(), rotation=90, ha="right", va="top",
                    color=COLOURS["cut"], fontsize=FONT_SIZES["annotation"])
            marked.append(f"{code_name('holiday', code)} ({day:%Y-%m-%d})")
    step = max(1, int(np.ceil(len(calendar) / 12)))
    ax.set_xticks(x[::step], [d.strftime("%m-%d") for d in calendar[::step]])
    ax.set_xlim(-0.6, len(calendar) - 0.4)
    ax.set_ylabel(chart_text("chart.birthdays_per_day"))
    ax.set_xlabel(chart_text("date"))
    if new_customers is not None:
        note = chart_text("chart.new_customer_note").format(n=f"{len(new_customers):,}",
                                                             days=new_days)
        ax.text(0.99, 0.97, note, transform=ax.transAxes, ha="right", va="top",
                fontsize=FONT_SIZES["annotation"],
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#999999"})
    ax.set_title(chart_text("chart.care_calendar").format(days=window))
    return set_alt(fig, "care_calendar", days=window, n=f"{int(per_day.sum()):,}",
                   holidays=alt_list(marked) if marked else "-")


@styled
def nps_chart(breakdown: pd.DataFrame) -> Figure:
    """One bar split into detractors, passives and promoters, with the NPS in the title.

    ``breakdown`` is the output of :func:`rfmkit.metrics.nps_breakdown` (indexed by
    ``promoters``, ``passives``, ``detractors`` with ``count`` and ``share`` in %). The three
    parts add up to 100 %; each shows its share. Returns the figure (1 axes).
    """
    require_columns(breakdown, {"count": "answers", "share": "%"}, "breakdown")
    groups = ["detractors", "passives", "promoters"]
    missing = [g for g in groups if g not in breakdown.index]
    if missing:
        raise ValueError(error_text("charts.breakdown_rows", missing=missing))
    shares = breakdown["share"].reindex(groups).to_numpy(dtype="float64")
    answered = int(breakdown["count"].sum())
    fig, ax = new_figure("strip")
    left = 0.0
    for group, share in zip(groups, shares, strict=True):
        ax.barh([0], [share], left=left, color=CODE_COLOURS["nps"][group], height=0.6,
                label=chart_name("nps", group))
        if share >= 4:
            ax.text(left + share / 2, 0, f"{share:.1f}%", ha="center", va="center",
                    fontsize=FONT_SIZES["title"], fontweight="bold",
                    color=text_colour("nps", group))
        left += share
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, 0.9)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel(chart_text("chart.answer_share"))
    ax.legend(loc="upper center", ncols=3, frameon=False, bbox_to_anchor=(0.5, 1.02))
    score = breakdown.attrs.get("nps", shares[2] - shares[0])
    ax.set_title(chart_text("chart.nps").format(nps=f"{score:+.1f}", p=f"{shares[2]:.1f}",
                                                d=f"{shares[0]:.1f}", n=f"{answered:,}"))
    return set_alt(fig, "nps_chart", nps=f"{score:+.1f}", n=f"{answered:,}",
                   p=f"{shares[2]:.1f}", m=f"{shares[1]:.1f}", d=f"{shares[0]:.1f}")


# ---------------------------------------------------------------------------------------------
# notebook 07


@styled
def ticket_bands_chart(bands: pd.DataFrame, *, fig: Figure | None = None) -> Figure:
    """New customers per first-order value band (新客户客单价分析), with their shares.

    ``bands`` is the output of :func:`rfmkit.preferences.first_order_bands` (``ticket_band``,
    ``customers``, ``customer_share``); its ``.attrs["customers"]`` (or the sum) is the number
    of customers in the title. ``fig``: a figure an earlier call returned, cleared and redrawn
    (for widgets). Returns the figure (1 axes).
    """
    require_columns(bands, {"ticket_band": "band", "customers": "count",
                            "customer_share": "%"}, "bands")
    counts = bands["customers"].to_numpy(dtype="float64")
    structure = (chart_language(), tuple(map(str, bands["ticket_band"])))
    room = digits(counts.max(initial=0))
    if can_update(fig, structure, room):
        ax = fig.axes[0]  # same bands: new heights, numbers and title only
        new_bar_lengths(ax, counts)
    else:
        fig, ax = new_figure("bars", fig=fig, structure=structure, room=room)
        sns.barplot(x=np.arange(len(bands)), y=counts, ax=ax, color=COLOURS["bars"], width=0.7,
                    saturation=1, native_scale=True)
        names = [chart_text("chart.band_outside") if b == "outside" else str(b)
                 for b in bands["ticket_band"]]
        ax.set_xticks(np.arange(len(bands)), names)
        ax.set_xlabel(chart_text("ticket_band"))
        ax.set_ylabel(chart_text("customers"))
        whole_ticks(ax.yaxis, nbins=5)
        ax.grid(axis="y", alpha=0.3)
    ax.bar_label(ax.containers[0], padding=3, fontsize=FONT_SIZES["annotation"],
                 labels=[f"{c:,.0f}\n({s:.1f}%)" for c, s in
                         zip(counts, bands["customer_share"], strict=True)])
    ax.set_ylim(0, max(float(counts.max(initial=0.0)), 1.0) * 1.3)
    total = int(bands.attrs.get("customers", int(counts.sum())))
    ax.set_title(chart_text("chart.ticket_bands").format(n=f"{total:,}"))
    biggest = int(np.argmax(counts)) if len(counts) else 0
    band = bands["ticket_band"].iloc[biggest] if len(bands) else "-"
    return set_alt(fig, "ticket_bands_chart", n=f"{total:,}",
                   band=label("chart.band_outside") if band == "outside" else str(band),
                   k=f"{int(counts[biggest]) if len(counts) else 0:,}",
                   share=f"{float(bands['customer_share'].iloc[biggest]) if len(bands) else 0:.1f}")


@styled
def new_vs_returning_chart(table: pd.DataFrame) -> Figure:
    """Buyers per period as stacked bars (new below, returning on top) and the new customers'
    share as a line on a second axis (新老客户占比).

    ``table`` is the output of :func:`rfmkit.preferences.new_vs_returning`. Returns the figure
    (2 axes: the bars and the share axis on the right).
    """
    require_columns(table, {"period_start": "date", "new_customers": "count",
                            "returning_customers": "count", "new_share": "%"}, "table")
    fig, ax = new_figure("wide")
    x = np.arange(len(table))
    new = table["new_customers"].to_numpy(dtype="float64")
    returning = table["returning_customers"].to_numpy(dtype="float64")
    ax.bar(x, new, color=PALETTE[1], width=0.75, label=chart_text("new_customers"))
    ax.bar(x, returning, bottom=new, color=PALETTE[0], width=0.75,
           label=chart_text("returning_customers"))
    ax.set_ylabel(chart_text("customers"))
    ax.set_ylim(0, max(float((new + returning).max(initial=0.0)), 1.0) * 1.1)
    whole_ticks(ax.yaxis)
    share = ax.twinx()
    share.plot(x, table["new_share"].to_numpy(dtype="float64"), color=COLOURS["cut"],
               marker="o", linewidth=2.2, label=chart_text("chart.new_share_line"))
    share.set_ylim(0, 105)
    share.set_ylabel(chart_text("new_share"))
    share.spines["right"].set_visible(True)
    starts = pd.to_datetime(table["period_start"])
    step = max(1, int(np.ceil(len(x) / 13)))
    ax.set_xticks(x[::step], [d.strftime("%Y-%m") for d in starts[::step]], rotation=45,
                  ha="right")
    handles = ax.get_legend_handles_labels()
    more = share.get_legend_handles_labels()
    fig.legend(handles[0] + more[0], handles[1] + more[1], loc="outside lower center", ncols=3,
               frameon=False)
    ax.set_title(chart_text("chart.new_vs_returning"))
    shares = table["new_share"].dropna()
    return set_alt(fig, "new_vs_returning_chart", k=len(table),
                   first=f"{shares.iloc[0]:.1f}" if len(shares) else "-",
                   last=f"{shares.iloc[-1]:.1f}" if len(shares) else "-")


@styled
def preference_heatmap(top: pd.DataFrame) -> Figure:
    """Groups (rows) by categories (columns), coloured by each category's share of the group's
    spend, with the share written in each cell (客户产品喜好分析).

    ``top`` is the output of :func:`rfmkit.preferences.top_categories` with ``n`` large enough
    to keep every category (e.g. ``n=20``); groups that are segment or tier codes are shown by
    name. Categories are ordered by their share over all groups. Returns the figure (the grid
    and its colour bar: 2 axes).
    """
    require_columns(top, {"group": "group code", "category": "category code",
                          "spend_share": "% of the group's spend"}, "top")
    grid = top.pivot_table(index="group", columns="category", values="spend_share",
                           aggfunc="sum", fill_value=0.0)
    order = top.groupby("category")["spend"].sum() if "spend" in top.columns else grid.sum()
    grid = grid[order.sort_values(ascending=False, kind="stable").index]
    fig, ax = new_figure("heatmap")
    values = grid.to_numpy(dtype="float64")
    i, j = np.unravel_index(int(np.argmax(values)), values.shape)
    set_alt(fig, "preference_heatmap", g=len(grid.index), c=len(grid.columns),
            group=_group_label(grid.index[i]), category=code_name("category", grid.columns[j]),
            share=f"{values[i, j]:.0f}")
    grid.index = [group_name(g) for g in grid.index]
    grid.columns = [chart_name("category", c) for c in grid.columns]
    cell_heatmap(ax, grid, np.vectorize("{:.0f}".format)(grid.to_numpy(dtype="float64")),
                 chart_text("spend_share"), fontsize=FONT_SIZES["annotation"], vmin=0)
    ax.tick_params(axis="x", rotation=30)
    for tick in ax.get_xticklabels():
        tick.set_horizontalalignment("right")
    ax.set_title(chart_text("chart.preference_heatmap"))
    return fig


@styled
def profile_chart(profile: pd.DataFrame, group: str = "", *,
                  fields=("age_band", "income_band", "preferred_channel")) -> Figure:
    """A group's member profile next to all members', one panel per field.

    ``profile`` is the output of :func:`rfmkit.preferences.segment_profile`; ``group`` is the
    group's name for the title (a segment or tier code is shown by name). For each value of a
    field two bars: the share in the group and the share among all members (%). Returns the
    figure (one axes per field).
    """
    require_columns(profile, {"field": "field name", "value": "value",
                              "segment_share": "%", "all_share": "%"}, "profile")
    fields = [f for f in fields if f in set(profile["field"])]
    if not fields:
        raise ValueError(error_text("charts.no_fields"))
    fig, axes = new_figure("wide", ncols=len(fields))
    axes = np.atleast_1d(axes)
    for ax, field in zip(axes, fields, strict=True):
        rows = profile[profile["field"] == field]
        y = np.arange(len(rows))
        kind = "channel" if field == "preferred_channel" else "profile_value"
        values = [chart_name(kind, v) for v in rows["value"]]
        ax.barh(y - 0.2, rows["segment_share"], height=0.4, color=PALETTE[0],
                label=chart_text("chart.this_group"))
        ax.barh(y + 0.2, rows["all_share"], height=0.4, color=PALETTE[7],
                label=chart_text("chart.all_members"))
        ax.set_yticks(y, values)
        ax.invert_yaxis()
        ax.set_xlabel(chart_text("share"))
        ax.set_title(chart_text(field))
        ax.grid(axis="x", alpha=0.3)
    axes[0].legend(loc="lower right", frameon=False)
    name = group_name(group) if group else ""
    size = profile.attrs.get("segment_size", "")
    fig.suptitle(chart_text("chart.profile").format(group=name, n=f"{size:,}"
                                                    if isinstance(size, int) else size))
    return set_alt(fig, "profile_chart", group=_group_label(group) if group else "-",
                   n=f"{size:,}" if isinstance(size, int) else str(size or "-"),
                   fields=alt_list(label(field) for field in fields))
