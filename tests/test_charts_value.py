"""Charts of notebooks 03-05 (pyramid, lifetime value, churn, lifecycle stages): what they draw,
checked against numbers worked out by hand, both languages, and no pyplot side effects."""

from __future__ import annotations

import os
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from chart_support import repeated_tick_labels, tick_labels  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Polygon  # noqa: E402

from rfmkit import charts, pyramid_tiers, tier_summary, use_language  # noqa: E402
from rfmkit.labels import LABELS  # noqa: E402

# 100 customers worth 1..100 yuan (c001 = 1 yuan ... c100 = 100 yuan), total 5050.
# Default shares: boundaries 1, 20, 50, 100 -> gold {100}, silver 81..99 (19), bronze 51..80
# (30), iron 1..50 (50). Revenue: gold 100 (1.98 -> 2.0 %), silver (81+99)*19/2 = 1710
# (33.86 -> 33.9 %), bronze (51+80)*30/2 = 1965 (38.91 -> 38.9 %), iron 1275 (25.25 -> 25.2 %).
# Key customers: 20 (20.0 %), revenue 1810 (35.84 -> 35.8 %).
VALUES = pd.Series(np.arange(1.0, 101.0), index=[f"c{i:03d}" for i in range(1, 101)])
TIER_CODES = ["gold", "silver", "bronze", "iron"]

# A period table as rfmkit.period_churn returns it, typed in by hand.
PERIODS = pd.DataFrame(
    {
        "period": ["2025-01-01 – 2025-03-31", "2025-04-01 – 2025-06-30"],
        "next_period": ["2025-04-01 – 2025-06-30", "2025-07-01 – 2025-09-30"],
        "active_customers": [10, 8],
        "retained_customers": [6, 2],
        "lost_customers": [4, 6],
        "churn_rate": [40.0, 75.0],
        "retention_rate": [60.0, 25.0],
    }
)

# A purchases x stage table as rfmkit.lifecycle.stage_by_purchases returns it (by hand):
# one-time buyers: 1 active, 1 sleeping, 2 lost; "2+": 3 active, 0 sleeping, 1 lost.
CROSS = pd.DataFrame(
    {
        "active": [1, 3, 4],
        "sleeping": [1, 0, 1],
        "lost": [2, 1, 3],
        "customers": [4, 4, 8],
        "active_share": [25.0, 75.0, 50.0],
        "sleeping_share": [25.0, 0.0, 12.5],
        "lost_share": [50.0, 25.0, 37.5],
    },
    index=pd.Index(["1", "2+", "all"], name="purchases"),
)


pytestmark = pytest.mark.usefixtures("chart_state")


def summary(values=VALUES, shares=(0.01, 0.19, 0.30, 0.50)):
    return tier_summary(pyramid_tiers(values, shares))


def every_chart():
    clv_values = pd.Series(np.r_[np.zeros(50), np.arange(1.0, 51.0) * 10])
    return [
        ("pyramid", charts.pyramid_chart(summary())),
        ("pyramid clv", charts.pyramid_chart(summary(), basis="clv")),
        ("discount", charts.discount_chart([100, 100, 100], 0.10)),
        ("clv histogram", charts.clv_histogram(clv_values)),
        ("churn", charts.churn_chart(PERIODS)),
        ("stages", charts.stage_chart(CROSS, active_days=90, sleeping_days=180)),
    ]


def texts_of(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


def layers(fig) -> list[Polygon]:
    return [p for p in fig.axes[0].patches if isinstance(p, Polygon)]


# ---- general -----------------------------------------------------------------------------------
def test_every_chart_returns_a_figure_never_shows_and_leaves_nothing_open(monkeypatch):
    def no_show(*args, **kwargs):
        raise AssertionError("a chart called plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    monkeypatch.setattr(Figure, "show", no_show)
    before = plt.get_fignums()
    for name, fig in every_chart():
        assert isinstance(fig, Figure), name
        fig.canvas.draw()
    assert plt.get_fignums() == before


def test_charts_are_deterministic():
    def pixels(fig):
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()

    for (name, first), (_, second) in zip(every_chart(), every_chart(), strict=True):
        assert np.array_equal(pixels(first), pixels(second)), name


def test_zh_charts_draw_without_missing_glyphs():
    if charts.find_cjk_font() is None:
        message = "no CJK font found; install one, e.g. `sudo apt-get install fonts-noto-cjk`"
        if os.environ.get("CI") == "true":
            pytest.fail("CI must install fonts-noto-cjk: " + message)
        pytest.skip(message)
    use_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, fig in every_chart():
            fig.canvas.draw()
            assert any("\u4e00" <= ch <= "\u9fff" for t in texts_of(fig) for ch in t), name


def test_without_a_cjk_font_zh_falls_back_to_english(no_cjk_font):
    use_language("zh")
    with pytest.warns(UserWarning, match="no Chinese"):
        figures = every_chart()
    for name, fig in figures:
        assert not any("\u4e00" <= ch <= "\u9fff" for t in texts_of(fig) for ch in t), name
    assert figures[0][1].axes[0].get_title() == "Customer pyramid (tiers by spend M)"


# ---- the pyramid -------------------------------------------------------------------------------
def test_pyramid_has_four_layers_gold_on_top():
    fig = charts.pyramid_chart(summary())
    shapes = layers(fig)
    assert [p.get_gid() for p in shapes] == [f"tier.{code}" for code in TIER_CODES]
    corners = [p.get_xy() for p in shapes]
    # the top layer is a triangle (3 corners + the closing point), the others trapezoids
    assert [len(np.unique(c, axis=0)) for c in corners] == [3, 4, 4, 4]
    middles = [c[:, 1].mean() for c in corners]
    assert middles == sorted(middles, reverse=True)  # gold highest, iron lowest
    bottoms = [c[:, 0].max() - c[:, 0].min() for c in corners]
    assert bottoms == sorted(bottoms)  # each layer wider than the one above: a pyramid
    for upper, lower in zip(corners[:-1], corners[1:], strict=True):
        # stacked: each layer starts just below the one above
        assert 0 < upper[:, 1].min() - lower[:, 1].max() < 0.2
    assert fig.axes[0].get_title() == "Customer pyramid (tiers by spend M)"


def test_pyramid_labels_show_counts_and_shares():
    texts = texts_of(charts.pyramid_chart(summary()))
    assert "1 customer (1.0%)\n2.0% of revenue" in texts
    assert "19 customers (19.0%)\n33.9% of revenue" in texts
    assert "30 customers (30.0%)\n38.9% of revenue" in texts
    assert "50 customers (50.0%)\n25.2% of revenue" in texts
    assert ("key customers (gold + silver)\n20 customers, 20.0% of all,\n"
            "bring 35.8% of revenue") in texts
    for name in ("gold", "silver", "bronze", "iron"):
        assert name in texts


def test_pyramid_by_clv_says_lifetime_value():
    fig = charts.pyramid_chart(summary(), basis="clv")
    assert fig.axes[0].get_title() == "Customer pyramid (tiers by lifetime value CLV)"
    assert "1 customer (1.0%)\n2.0% of lifetime value" in texts_of(fig)
    with pytest.raises(ValueError, match="basis"):
        charts.pyramid_chart(summary(), basis="visits")


def test_pyramid_in_chinese_from_a_summary_with_the_key_row(cjk_font_known):
    use_language("zh")
    table = tier_summary(pyramid_tiers(VALUES), with_key_row=True)
    table.attrs = {}  # only the rows are left to read the key customers from
    fig = charts.pyramid_chart(table)
    assert fig.axes[0].get_title() == "客户金字塔 (按消费金额 M 分层)"
    texts = texts_of(fig)
    assert "19 位客户 (占 19.0%)\n贡献销售额的 33.9%" in texts
    assert "关键客户 (金质+银质)\n20 位客户, 占 20.0%\n贡献销售额的 35.8%" in texts
    assert "金质客户" in texts
    assert len(layers(fig)) == 4


def test_pyramid_with_an_empty_gold_tier_and_ties():
    # 37 customers, default shares: boundaries 0, 7, 19, 37 -> gold 0, silver 7, bronze 12,
    # iron 18 (see rfmkit.value.pyramid_tiers)
    values = pd.Series(np.arange(37.0, 0.0, -1.0), index=[f"c{i:02d}" for i in range(37)])
    texts = texts_of(charts.pyramid_chart(summary(values)))
    assert any(t.startswith("0 customers (0.0%)") for t in texts)
    assert any(t.startswith("7 customers (18.9%)") for t in texts)


def test_pyramid_redraws_into_the_same_figure():
    fig = charts.pyramid_chart(summary())
    shapes = layers(fig)
    again = charts.pyramid_chart(summary(shares=(0.05, 0.15, 0.30, 0.50)), fig=fig)
    assert again is fig and layers(fig) == shapes  # same patches, only the numbers change
    # gold 5 of 100: values 96..100 = 490 (9.7 %)
    assert "5 customers (5.0%)\n9.7% of revenue" in texts_of(fig)
    # another basis redraws the figure afresh
    fig = charts.pyramid_chart(summary(), basis="clv", fig=fig)
    assert len(layers(fig)) == 4 and len(fig.axes) == 1


def test_pyramid_needs_every_tier():
    with pytest.raises(ValueError, match="no row"):
        charts.pyramid_chart(summary().drop(index="iron"))


# ---- lifetime value ----------------------------------------------------------------------------
def test_discount_chart_by_hand():
    fig = charts.discount_chart([100, 100, 100], 0.10)
    ax = fig.axes[0]
    heights = [round(p.get_height(), 3) for p in ax.patches]
    # 100 / 1.1 = 90.909, 100 / 1.21 = 82.645, 100 / 1.331 = 75.131
    assert heights == [100.0, 100.0, 100.0, 90.909, 82.645, 75.131]
    assert ax.get_title() == "300 yuan over 3 years is worth 248.69 yuan today (CLV at r = 10%)"
    assert {"90.91", "82.64", "75.13"} <= set(texts_of(fig))


def test_discount_chart_titles_in_both_languages(cjk_font_known):
    use_language("zh")
    title = charts.discount_chart([100, 100, 100], 0.10).axes[0].get_title()
    assert title == "3 年共 300 元, 按 r = 10% 折现, 今天值 248.69 元 (CLV)"


def test_clv_histogram_marks_mean_median_and_equity():
    # 0, 0, 10, 20, 70: mean 20, median 10, equity 100
    fig = charts.clv_histogram(pd.Series([0.0, 0.0, 10.0, 20.0, 70.0]))
    ax = fig.axes[0]
    xs = {ln.get_linestyle(): ln.get_xdata()[0] for ln in ax.get_lines()}
    assert xs == {"--": 20.0, ":": 10.0}
    assert sum(p.get_height() for p in ax.patches) == 5
    legend = ax.get_legend()
    assert legend.get_title().get_text() == (
        "customer equity = sum of all CLVs\n= 100.00 yuan (5 customers)"
    )
    assert [t.get_text() for t in legend.get_texts()] == ["mean = 20.00", "median = 10.00"]
    assert ax.get_title() == "Customer lifetime value (CLV)"


def test_clv_histogram_cuts_a_long_tail_and_says_so():
    # 1, 2, ..., 199 and 100,000: the 99th percentile lies at position 0.99 x 199 = 197.01 of
    # the sorted values, between 198 and 199: 198.01. 198 customers are drawn, 2 lie beyond.
    values = pd.Series(np.r_[np.arange(1.0, 200.0), 100_000.0])
    ax = charts.clv_histogram(values).axes[0]
    assert sum(p.get_height() for p in ax.patches) == 198
    assert "(198.01);\n2 customers above it, largest 100,000" in ax.get_xlabel()


def test_clv_histogram_counts_read_with_thousands_separators():
    # 1,800 customers share one value: the tallest bar is 1,800 high, its axis ticks past 1,000
    fig = charts.clv_histogram([50.0] * 1800 + list(np.linspace(0, 400, 200)))
    fig.canvas.draw()
    labels = tick_labels(fig.axes[0].yaxis)
    assert "1,000" in labels
    assert [t for t in labels if t.replace("−", "").isdigit() and len(t) >= 4] == []


def test_clv_histogram_titles_in_both_languages(cjk_font_known):
    use_language("zh")
    fig = charts.clv_histogram([1.0, 2.0, 3.0])
    assert fig.axes[0].get_title() == LABELS["chart.clv_distribution"][0]
    assert fig.axes[0].get_legend().get_title().get_text().startswith("客户资产")


# ---- churn and stages --------------------------------------------------------------------------
def test_churn_chart_stacks_retained_and_lost():
    fig = charts.churn_chart(PERIODS)
    ax = fig.axes[0]
    heights = [p.get_height() for p in ax.patches]
    bottoms = [p.get_y() for p in ax.patches]
    assert heights == [6, 2, 4, 6]  # retained bars, then lost bars
    assert bottoms == [0, 0, 6, 2]
    texts = texts_of(fig)
    assert "churn 40.0%\nCRR 60.0%" in texts and "churn 75.0%\nCRR 25.0%" in texts
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "2025-01-01\n– 2025-03-31"
    assert ax.get_title() == LABELS["chart.churn"][1]


def test_churn_chart_titles_in_both_languages(cjk_font_known):
    use_language("zh")
    fig = charts.churn_chart(PERIODS)
    assert fig.axes[0].get_title() == LABELS["chart.churn"][0]
    assert "流失 40.0%\n留存 60.0%" in texts_of(fig)


def test_stage_chart_counts_and_row_shares():
    fig = charts.stage_chart(CROSS, active_days=90, sleeping_days=180)
    left, right = fig.axes
    # counts over the rows "1" and "2+": active 4, sleeping 1, lost 3 of 8
    assert [p.get_height() for p in left.patches] == [4, 1, 3]
    assert {"4 (50.0%)", "1 (12.5%)", "3 (37.5%)"} <= set(texts_of(fig))
    assert left.get_title() == (
        "Customers per lifecycle stage\nactive ≤ 90 days < sleeping ≤ 180 days < lost"
    )
    # right panel: three 100 % bars (1, 2+, all), parts in stage order
    widths = [p.get_width() for p in right.patches]
    assert widths == [25.0, 75.0, 50.0, 25.0, 0.0, 12.5, 50.0, 25.0, 37.5]
    assert [t.get_text() for t in right.get_yticklabels()] == ["1", "2+", "all"]
    assert right.get_title() == "Purchases × lifecycle stage"


def test_stage_chart_zh_and_redraw(cjk_font_known):
    use_language("zh")
    fig = charts.stage_chart(CROSS)
    assert fig.axes[0].get_title() == "各生命周期阶段的客户数"
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["活跃", "睡眠", "流失"]
    assert [t.get_text() for t in fig.axes[1].get_yticklabels()][-1] == "全部"
    again = charts.stage_chart(CROSS, fig=fig)
    assert again is fig and len(fig.axes) == 2


def test_number_axes_never_show_one_label_twice():
    assert repeated_tick_labels(every_chart()) == []
