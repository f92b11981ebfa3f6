"""Charts of the Sam's Club case: what they draw, checked against numbers worked out by hand
from small made-up members; both languages; no pyplot side effects."""

from __future__ import annotations

import os
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from chart_support import repeated_tick_labels  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from rfmkit import campaign_uplift, charts, decile_table, use_language  # noqa: E402
from rfmkit.case import group_summary, round_two_bands  # noqa: E402
from rfmkit.charts import _style  # noqa: E402
from rfmkit.charts._style import COLOURS  # noqa: E402
from rfmkit.charts.case import before_after_values  # noqa: E402
from rfmkit.labels import LABELS  # noqa: E402

# Ten customers in five groups of two: averages 800, 400, 200, 100, 10 yuan.
SPEND = pd.Series(
    [800, 800, 400, 400, 200, 200, 100, 100, 10, 10],
    index=[f"c{i}" for i in range(10)],
    dtype="float64",
)

# member: (visits last month, sales last month, visits this month, sales this month)
# Targets +50 % visits, +40 % ticket:
#   a 2 -> 3 visits (+50 %), ticket 500 -> 700 (+40 %)       A1
#   b 2 -> 4 visits (+100 %), ticket 500 -> 500 (0 %)        A2
#   c 2 -> 2 visits (0 %), ticket 500 -> 700 (+40 %)         A3
#   d 2 -> 1 visits (-50 %), ticket 500 -> 400 (-20 %)       A4
#   e 1 -> 1 visits (0 %), ticket 300 -> 300 (0 %)           A4
ROWS = {
    "a": (2, 1000.0, 3, 2100.0),
    "b": (2, 1000.0, 4, 2000.0),
    "c": (2, 1000.0, 2, 1400.0),
    "d": (2, 1000.0, 1, 400.0),
    "e": (1, 300.0, 1, 300.0),
}


def uplift(targets=None) -> pd.DataFrame:
    ids = pd.Index(list(ROWS), name="member_id")
    before = pd.DataFrame({"visits": [r[0] for r in ROWS.values()],
                           "sales": [r[1] for r in ROWS.values()]}, index=ids)
    after = pd.DataFrame({"visits": [r[2] for r in ROWS.values()],
                          "sales": [r[3] for r in ROWS.values()]}, index=ids)
    return campaign_uplift(before, after, targets)


def round_two_table() -> pd.DataFrame:
    # growth: p +40 % (A41), q +30 % exactly (A42), r +20 % exactly (A42), s +10 % (A43), t 0 (A44)
    before = pd.Series({"p": 1000.0, "q": 1100.0, "r": 1000.0, "s": 1000.0, "t": 500.0})
    after = pd.Series({"p": 1400.0, "q": 1430.0, "r": 1200.0, "s": 1100.0, "t": 500.0})
    return round_two_bands(before, after)


pytestmark = pytest.mark.usefixtures("chart_state")


def every_chart():
    deciles = decile_table(SPEND, groups=5, with_total=True)
    return [
        ("deciles", charts.decile_chart(deciles, highlight=3)),
        ("before/after round 1", charts.before_after_chart(uplift())),
        ("before/after round 2", charts.before_after_chart(round_two_table())),
        ("counts round 1", charts.group_counts_chart(uplift())),
        ("counts round 2", charts.group_counts_chart(round_two_table())),
    ]


def texts(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


# ---- decile_chart ---------------------------------------------------------------------------
def test_decile_chart_bars_are_the_group_averages_and_the_target_is_highlighted():
    deciles = decile_table(SPEND, groups=5, with_total=True)
    fig = charts.decile_chart(deciles, highlight=3)
    (ax,) = fig.axes
    bars = ax.patches
    assert [b.get_height() for b in bars] == [800.0, 400.0, 200.0, 100.0, 10.0]  # no total bar
    colours = [to_hex(b.get_facecolor()) for b in bars]
    assert colours[2] == _style.COLOURS["revenue"].lower()
    assert {colours[i] for i in (0, 1, 3, 4)} == {_style.COLOURS["bars"].lower()}
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4", "5"]
    shown = texts(fig)
    for value in ("800", "400", "200", "100", "10"):
        assert f"\n{value}\n" in f"\n{shown}\n"
    assert shown.count("target group") == 1
    assert "2 in each group" in ax.get_xlabel()
    assert ax.get_title() == LABELS["chart.deciles"][1]


def test_decile_chart_highlight_none_or_several_and_chinese(cjk_font_known):
    deciles = decile_table(SPEND, groups=5)
    plain = charts.decile_chart(deciles, highlight=None)
    assert len({to_hex(b.get_facecolor()) for b in plain.axes[0].patches}) == 1
    assert "target group" not in texts(plain)
    two = charts.decile_chart(deciles, highlight=[4, 5])
    colours = [to_hex(b.get_facecolor()) for b in two.axes[0].patches]
    assert colours.count(_style.COLOURS["revenue"].lower()) == 2
    use_language("zh")
    zh = charts.decile_chart(deciles)
    assert [b.get_height() for b in zh.axes[0].patches] == [800.0, 400.0, 200.0, 100.0, 10.0]
    assert zh.axes[0].get_title() == LABELS["chart.deciles"][0]
    assert "每组 2 人" in zh.axes[0].get_xlabel()


# ---- before_after_chart ---------------------------------------------------------------------
def test_before_after_values_by_hand():
    u = uplift()
    visits = before_after_values(u, "visits")
    assert list(visits.index) == ["A1", "A2", "A3", "A4"]
    # A4 = d and e: visits (2 + 1) / 2 = 1.5 -> (1 + 1) / 2 = 1.0, -33.3 %
    assert visits["before"].tolist() == [2.0, 2.0, 2.0, 1.5]
    assert visits["after"].tolist() == [3.0, 4.0, 2.0, 1.0]
    assert visits["growth_pct"].tolist() == pytest.approx([50.0, 100.0, 0.0, -100 / 3])
    # A4's ticket: 1300 yuan / 3 visits -> 700 yuan / 2 visits = 433.33 -> 350 (-19.23 %)
    ticket = before_after_values(u, "ticket")
    assert ticket["before"].tolist() == pytest.approx([500.0, 500.0, 500.0, 1300 / 3])
    assert ticket["after"].tolist() == pytest.approx([700.0, 500.0, 700.0, 350.0])
    assert ticket.loc["A4", "growth_pct"] == pytest.approx((350 / (1300 / 3) - 1) * 100)
    # sales per member: A4 (1000 + 300) / 2 = 650 -> (400 + 300) / 2 = 350
    sales = before_after_values(u, "sales")
    assert sales["before"].tolist() == [1000.0, 1000.0, 1000.0, 650.0]
    assert sales["after"].tolist() == [2100.0, 2000.0, 1400.0, 350.0]
    # the growth of sales per member is the group's aggregate sales growth
    assert sales["growth_pct"].tolist() == pytest.approx(
        group_summary(u)["sales_growth_pct"].tolist()
    )
    with pytest.raises(ValueError, match="metric must be one of"):
        before_after_values(u, "profit")


def test_before_after_chart_draws_those_values_with_the_growth_on_top():
    u = uplift()
    fig = charts.before_after_chart(u)
    assert len(fig.axes) == 3
    for ax, metric in zip(fig.axes, ("visits", "ticket", "sales"), strict=True):
        values = before_after_values(u, metric)
        light = COLOURS["before"].lower()
        before = [b.get_height() for b in ax.patches if to_hex(b.get_facecolor()) == light]
        after = [b.get_height() for b in ax.patches if to_hex(b.get_facecolor()) != light]
        assert before == pytest.approx(values["before"].tolist())
        assert after == pytest.approx(values["after"].tolist())
        assert [t.get_text() for t in ax.get_xticklabels()] == ["A1", "A2", "A3", "A4"]
    shown = texts(fig)
    for growth in ("+50.0 %", "+100.0 %", "+0.0 %", "-33.3 %", "+110.0 %", "-46.2 %"):
        assert growth in shown
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["last month", "this month"]
    assert fig.axes[0].get_title() == LABELS["chart.visits_per_member"][1]


def test_before_after_chart_for_round_two_and_chosen_metrics():
    fig = charts.before_after_chart(round_two_table())
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A41", "A42", "A43", "A44"]
    heights = [b.get_height() for b in ax.patches]
    # before: p 1000, q and r (1100 + 1000) / 2 = 1050, s 1000, t 500; then after:
    # p 1400, (1430 + 1200) / 2 = 1315, s 1100, t 500
    assert heights == [1000.0, 1050.0, 1000.0, 500.0, 1400.0, 1315.0, 1100.0, 500.0]
    for growth in ("+40.0 %", "+25.2 %", "+10.0 %", "+0.0 %"):
        assert growth in texts(fig)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["last month (round 1's month)", "round-2 month"]
    assert "Round 2" in fig._suptitle.get_text()
    one = charts.before_after_chart(uplift(), metrics=["ticket"])
    assert len(one.axes) == 1 and one.axes[0].get_title() == LABELS["chart.ticket"][1]
    with pytest.raises(ValueError, match="no visits"):
        charts.before_after_chart(round_two_table(), metrics=["visits"])
    with pytest.raises(ValueError, match="metric must be one of"):
        charts.before_after_chart(uplift(), metrics=["profit"])
    with pytest.raises(ValueError, match="one to three different"):
        charts.before_after_chart(uplift(), metrics=[])


# ---- group_counts_chart ---------------------------------------------------------------------
def test_group_counts_chart_by_hand():
    fig = charts.group_counts_chart(uplift())
    (ax,) = fig.axes
    assert [b.get_width() for b in ax.patches] == [1, 1, 1, 2]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["A1 both targets met", "A2 visits met, ticket not",
                     "A3 ticket met, visits not", "A4 neither target met"]
    shown = texts(fig)
    assert "1 (20.0%)" in shown and "2 (40.0%)" in shown
    assert ax.get_title() == "Round 1: members per group (targets: visits +50 %, ticket +40 %)"
    # other targets are stated; an empty group keeps its (zero) bar
    moved = charts.group_counts_chart(uplift({"visits": 2.0, "ticket": 0.35}))
    assert "visits +200 %, ticket +35 %" in moved.axes[0].get_title()
    # nobody reaches +200 % visits: A1 and A2 are empty; a, c meet the ticket (A3)
    assert [b.get_width() for b in moved.axes[0].patches] == [0, 0, 2, 3]
    assert "0 (0.0%)" in texts(moved)


def test_group_counts_chart_round_two_summary_and_redraw():
    fig = charts.group_counts_chart(round_two_table())
    assert [b.get_width() for b in fig.axes[0].patches] == [1, 2, 1, 1]
    assert fig.axes[0].get_title() == LABELS["chart.group_counts.round2"][1]
    # a group_summary is drawn the same way (without targets the title is generic)
    summary = group_summary(uplift())
    plain = charts.group_counts_chart(summary)
    assert [b.get_width() for b in plain.axes[0].patches] == [1, 1, 1, 2]
    assert plain.axes[0].get_title() == LABELS["chart.group_counts"][1]
    again = charts.group_counts_chart(uplift({"visits": 2.0}), fig=plain)
    assert again is plain and len(again.axes) == 1
    assert [b.get_width() for b in again.axes[0].patches] == [0, 0, 2, 3]


def test_zh_texts(cjk_font_known):
    use_language("zh")
    counts = charts.group_counts_chart(uplift())
    names = [t.get_text() for t in counts.axes[0].get_yticklabels()]
    assert names[0] == "A1 两项目标都达成"
    assert counts.axes[0].get_xlabel() == LABELS["members"][0]
    before_after = charts.before_after_chart(uplift())
    legend = [t.get_text() for t in before_after.axes[0].get_legend().get_texts()]
    assert legend == ["上月", "本月"]


def test_zh_charts_draw_without_missing_glyphs():
    if charts.find_cjk_font() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must install fonts-noto-cjk")
        pytest.skip("no CJK font on this computer")
    use_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, fig in every_chart():
            fig.canvas.draw()
            assert any("\u4e00" <= ch <= "\u9fff" for ch in texts(fig)), name


def test_charts_return_figures_never_show_and_leave_nothing_open(monkeypatch):
    def no_show(*args, **kwargs):
        raise AssertionError("a chart called plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    monkeypatch.setattr(Figure, "show", no_show)
    before = plt.get_fignums()
    for name, fig in every_chart():
        assert isinstance(fig, Figure), name
    assert plt.get_fignums() == before


def test_charts_are_deterministic_and_leave_inputs_alone():
    u = uplift()
    kept = u.copy(deep=True)
    charts.before_after_chart(u)
    charts.group_counts_chart(u)
    pd.testing.assert_frame_equal(u, kept)

    def pixels(fig):
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()

    for (name, first), (_, second) in zip(every_chart(), every_chart(), strict=True):
        assert np.array_equal(pixels(first), pixels(second)), name


def test_number_axes_never_show_one_label_twice():
    assert repeated_tick_labels(every_chart()) == []
