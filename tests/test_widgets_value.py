"""The explorers of notebooks 03-05, driven the way a student drives them: set a control's
value, read ``.result``. Expected numbers are worked out by hand (in the comments) or computed
in the test with plain Python, never taken from rfmkit."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from rfmkit import use_language  # noqa: E402
from rfmkit.labels import LABELS  # noqa: E402
from rfmkit.widgets import CLVExplorer, PyramidExplorer, StageExplorer  # noqa: E402

# Twenty customers: c01 spent 20 yuan, c02 19, ..., c20 1 (total 210).
MONETARY = pd.Series(np.arange(20.0, 0.0, -1.0), index=[f"c{i:02d}" for i in range(1, 21)])
TABLE = pd.DataFrame({"recency_days": 10, "frequency": 1, "monetary": MONETARY})
TABLE.index.name = "customer_id"
# Lifetime values in the opposite order: c20 is now the most valuable (CLV = 21 - spend).
CLV = (21.0 - MONETARY).rename("clv")


pytestmark = pytest.mark.usefixtures("chart_state")


def tiers_by_hand(values: pd.Series, percents) -> dict[str, list[str]]:
    """Customers per tier for distinct values: cumulative boundary = n x share, halves up."""
    ranked = list(values.sort_values(ascending=False).index)
    n, cumulative, start, out = len(ranked), 0.0, 0, {}
    for code, percent in zip(["gold", "silver", "bronze", "iron"], percents, strict=True):
        cumulative += percent
        end = min(n, math.floor(n * cumulative / 100 + 0.5 + 1e-9))
        out[code] = ranked[start:end]
        start = end
    return out


def expected_summary(values: pd.Series, percents) -> dict[str, tuple[int, float, float]]:
    """tier -> (customers, revenue, % of revenue), by hand."""
    total = values.sum()
    return {
        code: (len(ids), values[ids].sum(), round(100 * values[ids].sum() / total, 1))
        for code, ids in tiers_by_hand(values, percents).items()
    }


def summary_of(explorer) -> dict[str, tuple[int, float, float]]:
    result = explorer.result
    return {
        code: (int(result.at[code, "customers"]), float(result.at[code, "revenue"]),
               float(result.at[code, "revenue_share"]))
        for code in ["gold", "silver", "bronze", "iron"]
    }


# ---- PyramidExplorer ---------------------------------------------------------------------------
def test_pyramid_default_shares_by_hand():
    ex = PyramidExplorer(TABLE)
    # n = 20: boundaries 0.2 -> 0, 4, 10, 20: gold none, silver c01-c04 (20+19+18+17 = 74,
    # 35.2 %), bronze c05-c10 (16..11 = 81, 38.6 %), iron c11-c20 (10..1 = 55, 26.2 %)
    assert summary_of(ex) == {
        "gold": (0, 0.0, 0.0), "silver": (4, 74.0, 35.2), "bronze": (6, 81.0, 38.6),
        "iron": (10, 55.0, 26.2),
    }
    assert summary_of(ex) == expected_summary(MONETARY, (1, 19, 30, 50))
    assert ex.result.loc["key", "customers"] == 4
    assert ex.result.loc["key", "revenue_share"] == 35.2
    assert ex.shares == (0.01, 0.19, 0.30, 0.50)
    assert "50%" in ex.iron_text.value
    assert isinstance(ex.widget, ipywidgets.VBox)
    assert not any(s.continuous_update for s in (ex.gold, ex.silver, ex.bronze))


def test_pyramid_sliders_by_hand():
    ex = PyramidExplorer(TABLE, chart=False)
    ex.gold.value = 5.0  # 20 x 5 % = 1 gold: c01 (20 yuan, 9.5 %)
    ex.silver.value = 15  # cumulative 20 % = 4: c02-c04 (19+18+17 = 54, 25.7 %)
    # bronze stays 30 %: cumulative 50 % = 10: c05-c10 (81, 38.6 %); iron 50 %: c11-c20 (55)
    assert summary_of(ex) == {
        "gold": (1, 20.0, 9.5), "silver": (3, 54.0, 25.7), "bronze": (6, 81.0, 38.6),
        "iron": (10, 55.0, 26.2),
    }
    assert ex.tiers.loc["c01", "tier"] == "gold"
    ex.bronze.value = 40  # cumulative 60 % = 12: bronze c05-c12; iron 40 %: c13-c20 (36)
    assert summary_of(ex) == expected_summary(MONETARY, (5, 15, 40, 40))
    assert summary_of(ex)["iron"] == (8, 36.0, 17.1)
    assert "40%" in ex.iron_text.value
    ex.gold.value = 2.5  # 20 x 2.5 % = 0.5, rounds half up to 1 gold
    assert summary_of(ex)["gold"][0] == 1
    assert ex.shares == pytest.approx((0.025, 0.15, 0.40, 0.425))
    for percents in [(0.5, 1, 1), (10, 40, 45), (7.5, 23, 17)]:
        ex.gold.value, ex.silver.value, ex.bronze.value = percents
        rest = 100 - sum(percents)
        assert summary_of(ex) == expected_summary(MONETARY, (*percents, rest)), percents


def test_pyramid_by_lifetime_value_reverses_the_ranking():
    ex = PyramidExplorer(TABLE, CLV, chart=False)
    assert [value for _, value in ex.basis.options] == ["monetary", "clv"]
    ex.basis.value = "clv"
    # CLV = 21 - spend: c20 (CLV 20) ... c17 are silver now, total CLV 210 as well
    assert summary_of(ex) == expected_summary(CLV, (1, 19, 30, 50))
    assert ex.tiers.loc[["c17", "c18", "c19", "c20"], "tier"].tolist() == ["silver"] * 4
    assert ex.tiers.loc["c01", "tier"] == "iron"
    html = ex.table_output.outputs[0]["data"]["text/html"]
    assert "total CLV (yuan)" in html and "revenue (yuan)" not in html
    ex.basis.value = "monetary"
    assert ex.tiers.loc["c01", "tier"] == "silver"


def test_pyramid_without_clv_offers_spend_only_and_checks_arguments():
    ex = PyramidExplorer(MONETARY, chart=False)  # a Series of values works too
    assert [value for _, value in ex.basis.options] == ["monetary"]
    with pytest.raises(ValueError, match="basis"):
        PyramidExplorer(TABLE, basis="clv")
    with pytest.raises(ValueError, match="same customers"):
        PyramidExplorer(TABLE, CLV.iloc[:5])
    with pytest.raises(ValueError, match="sliders"):
        PyramidExplorer(TABLE, shares=(0.2, 0.4, 0.3, 0.1))
    with pytest.raises(ValueError, match="monetary"):
        PyramidExplorer(TABLE.drop(columns="monetary"))


def test_pyramid_chart_is_redrawn_in_one_figure():
    ex = PyramidExplorer(TABLE)
    (chart,) = ex.chart_output.outputs
    assert ex.chart_png in chart["data"]["text/html"]
    figure = ex._figure
    ex.gold.value = 5.0
    assert ex._figure is figure
    assert ex.chart_png not in chart["data"]["text/html"]
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert "1 customer (5.0%)\n9.5% of revenue" in texts
    assert plt.get_fignums() == []


def test_pyramid_language_is_taken_when_built():
    use_language("zh")
    ex = PyramidExplorer(TABLE, CLV, chart=False)
    assert ex.gold.description == LABELS["widget.gold_share"][0]
    assert [text for text, _ in ex.basis.options] == ["消费金额 M", "终身价值 CLV"]
    assert list(ex.result.index[:4]) == ["gold", "silver", "bronze", "iron"]  # codes
    html = ex.table_output.outputs[0]["data"]["text/html"]
    assert "客户数" in html and "银质客户" in html


# ---- CLVExplorer -------------------------------------------------------------------------------
SPEND = pd.Series({"a": 1000.0, "b": 400.0, "c": 0.0})


def clv_by_hand(spend: float, years: int, rate: float, margin: float, retention: float):
    """(undiscounted, clv): year i brings spend x margin x retention^(i-1), discounted i times."""
    flows = [spend * margin * retention ** (i - 1) for i in range(1, years + 1)]
    return sum(flows), sum(f / (1 + rate) ** i for i, f in enumerate(flows, start=1))


def test_clv_defaults_by_hand():
    ex = CLVExplorer(SPEND)
    # defaults: 10 %, 5 years, margin 25 %, retention 40 %
    assert (ex.rate.value, ex.years.value, ex.margin.value, ex.retention.value) == (10, 5, 25, 40)
    for customer, spend in SPEND.items():
        undiscounted, value = clv_by_hand(spend, 5, 0.10, 0.25, 0.40)
        assert ex.clv[customer] == pytest.approx(value)
        assert ex.values.loc[customer, "undiscounted"] == pytest.approx(undiscounted)
    equity = sum(clv_by_hand(s, 5, 0.10, 0.25, 0.40)[1] for s in SPEND)
    assert ex.equity == pytest.approx(round(equity, 2))
    assert ex.result.loc["all", "customers"] == 3
    assert ex.result.loc["all", "customer_equity"] == pytest.approx(round(equity, 2))
    assert "25%" in ex.assumptions.value and "40%" in ex.assumptions.value


def test_clv_sliders_by_hand():
    ex = CLVExplorer(SPEND, chart=False)
    ex.years.value = 3
    ex.margin.value = 20
    ex.retention.value = 50
    # a: 200, 100, 50 -> 200/1.1 + 100/1.21 + 50/1.331 = 181.818 + 82.645 + 37.566 = 302.03
    # b: 80, 40, 20 -> 72.727 + 33.058 + 15.026 = 120.81; c: 0. Equity 422.84.
    assert ex.clv["a"] == pytest.approx(302.0285, abs=1e-4)
    assert ex.clv["b"] == pytest.approx(120.8114, abs=1e-4)
    assert ex.result.loc["all", "customer_equity"] == 422.84
    assert ex.result.loc["all", "undiscounted_total"] == 490.0  # 350 + 140
    assert ex.result.loc["all", "average_clv"] == 140.95  # 422.84 / 3 = 140.946...
    assert ex.result.loc["all", "median_clv"] == 120.81
    ex.rate.value = 0  # no discounting: CLV = the plain sum
    assert ex.clv.tolist() == pytest.approx([350.0, 140.0, 0.0])
    ex.retention.value = 0  # only year 1 counts
    assert ex.clv.tolist() == pytest.approx([200.0, 80.0, 0.0])
    ex.rate.value = 25
    ex.years.value = 10
    ex.retention.value = 100
    ex.margin.value = 100
    for customer, spend in SPEND.items():
        assert ex.clv[customer] == pytest.approx(clv_by_hand(spend, 10, 0.25, 1.0, 1.0)[1])
    assert ex.flows.shape == (3, 10)


def test_clv_chart_language_and_arguments():
    ex = CLVExplorer(SPEND)
    figure = ex._figure
    before = ex.chart_png
    ex.rate.value = 20
    assert ex._figure is figure
    assert ex.chart_png != before
    assert plt.get_fignums() == []
    use_language("zh")
    ex = CLVExplorer(SPEND, chart=False)
    assert ex.rate.description == "折现率 r (%)"
    assert "客户资产 (元)" in ex.table_output.outputs[0]["data"]["text/html"]
    assert ex.chart_output.outputs == ()
    with pytest.raises(ValueError, match="rate"):
        CLVExplorer(SPEND, rate=0.105)
    with pytest.raises(ValueError, match="years"):
        CLVExplorer(SPEND, years=0)
    with pytest.raises(ValueError, match="retention"):
        CLVExplorer(SPEND, retention=1.5)


# ---- StageExplorer -----------------------------------------------------------------------------
#                 r0   r1   r2   r3   r4   r5   r6   r7
RECENCY = [10, 100, 400, 20, 150, 30, 500, 200]
FREQUENCY = [1, 1, 1, 2, 3, 5, 7, 1]
STAGE_TABLE = pd.DataFrame(
    {"recency_days": RECENCY, "frequency": FREQUENCY, "monetary": 10.0},
    index=pd.Index([f"r{i}" for i in range(8)], name="customer_id"),
)


def stage_counts_by_hand(active_days, sleeping_days):
    stages = [
        "active" if d <= active_days else "sleeping" if d <= sleeping_days else "lost"
        for d in RECENCY
    ]
    return {code: stages.count(code) for code in ("active", "sleeping", "lost")}, stages


def counts(explorer):
    return explorer.result["customers"].to_dict()


def test_stages_default_thresholds_by_hand():
    ex = StageExplorer(STAGE_TABLE)
    # active: 10, 20, 30; sleeping: 100, 150; lost: 400, 500, 200
    assert counts(ex) == {"active": 3, "sleeping": 2, "lost": 3}
    assert ex.result["customer_share"].tolist() == [37.5, 25.0, 37.5]
    assert ex.result["recency_range"].tolist() == ["0-90", "91-180", "181+"]
    # one-time buyers r0, r1, r2, r7: active, sleeping, lost, lost -> 3 of 4 = 75 %
    assert ex.one_time_share == 75.0
    assert ex.cross.loc["1", ["active", "sleeping", "lost"]].tolist() == [1, 1, 2]
    assert ex.cross.loc["all", "customers"] == 8
    assert "75.0%" in ex.rule_text.value
    assert (ex.active_days.min, ex.sleeping_days.max) == (0, 501)


def test_stage_sliders_by_hand():
    ex = StageExplorer(STAGE_TABLE, chart=False)
    for active_days, sleeping_days in [(120, 180), (120, 300), (5, 450), (0, 501), (200, 201)]:
        ex.active_days.value = active_days
        ex.sleeping_days.value = sleeping_days
        expected, stages = stage_counts_by_hand(active_days, sleeping_days)
        assert counts(ex) == expected, (active_days, sleeping_days)
        assert ex.stages["stage"].tolist() == stages
        once = [s for s, f in zip(stages, FREQUENCY, strict=True) if f == 1]
        share = round(100 * sum(s != "active" for s in once) / len(once), 1)
        assert ex.one_time_share == share


def test_stage_sliders_push_each_other():
    ex = StageExplorer(STAGE_TABLE, chart=False)
    ex.active_days.value = 300  # past sleeping (180): sleeping moves to 301
    assert ex.sleeping_days.value == 301
    assert counts(ex) == stage_counts_by_hand(300, 301)[0]
    ex.sleeping_days.value = 50  # below active (300): active moves to 49
    assert ex.active_days.value == 49
    assert counts(ex) == stage_counts_by_hand(49, 50)[0]


def test_stage_chart_and_language():
    ex = StageExplorer(STAGE_TABLE)
    figure = ex._figure
    ex.active_days.value = 120
    assert ex._figure is figure
    assert [p.get_height() for p in figure.axes[0].patches] == [4, 1, 3]
    assert plt.get_fignums() == []
    use_language("zh")
    ex = StageExplorer(STAGE_TABLE, chart=False)
    html = ex.table_output.outputs[0]["data"]["text/html"]
    assert html.index("活跃") < html.index("睡眠") < html.index("流失")
    assert "只买过一次" in ex.rule_text.value
    assert ex.active_days.description == LABELS["widget.active_days"][0]


def test_stage_arguments():
    with pytest.raises(ValueError, match="frequency"):
        StageExplorer(STAGE_TABLE.drop(columns="frequency"))
    with pytest.raises(ValueError, match="thresholds"):
        StageExplorer(STAGE_TABLE, 200, 100)


def test_every_explorer_shows_itself_in_a_notebook():
    for ex in (PyramidExplorer(TABLE, chart=False), CLVExplorer(SPEND, chart=False),
               StageExplorer(STAGE_TABLE, chart=False)):
        assert "application/vnd.jupyter.widget-view+json" in ex._repr_mimebundle_()
