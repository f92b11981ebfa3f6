"""Tests of rfmkit.value: pyramid tiers, decile table, CLV, customer equity, delivered value.

Expected numbers are worked out by hand in the comments (or computed independently in the
test), never taken from the code under test.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rfmkit
from rfmkit.labels import use_language
from rfmkit.value import (
    clv,
    clv_table,
    customer_equity,
    customer_equity_short,
    decile_table,
    delivered_value,
    equity_summary,
    pyramid_tiers,
    tier_boundaries,
    tier_summary,
    yearly_cash_flows,
    yearly_spend,
)

TIER_ORDER = {"gold": 0, "silver": 1, "bronze": 2, "iron": 3}
FAST = settings(max_examples=60, deadline=None)


@pytest.fixture(autouse=True)
def english():
    use_language("en")
    yield
    use_language("en")


def distinct(n: int) -> pd.Series:
    """n customers C0001.. with values n, n-1, ..., 1 yuan (customer 1 is the most valuable)."""
    return pd.Series(
        np.arange(n, 0, -1, dtype="float64"), index=[f"C{i:04d}" for i in range(1, n + 1)]
    )


# --------------------------------------------------------------------------- pyramid tiers


def test_1000_customers_give_10_190_300_500():
    values = distinct(1000)
    tiers = pyramid_tiers(values)
    counts = tiers["tier"].value_counts()
    assert counts.to_dict() == {"gold": 10, "silver": 190, "bronze": 300, "iron": 500}
    # the 10 most valuable (1000 .. 991 yuan) are gold; 990 .. 801 silver
    assert set(tiers.index[tiers["tier"] == "gold"]) == {f"C{i:04d}" for i in range(1, 11)}
    assert tiers.loc["C0011", "tier"] == "silver"
    assert tiers.loc["C0200", "tier"] == "silver"
    assert tiers.loc["C0201", "tier"] == "bronze"
    assert tiers.loc["C0500", "tier"] == "bronze"
    assert tiers.loc["C0501", "tier"] == "iron"
    assert tiers.attrs["boundaries"] == (10, 200, 500, 1000)


def test_37_customers_round_half_up():
    # 37 x 0.01 = 0.37 -> 0; 37 x 0.20 = 7.4 -> 7; 37 x 0.50 = 18.5 -> 19 (half up); 37
    assert tier_boundaries(37) == (0, 7, 19, 37)
    tiers = pyramid_tiers(distinct(37))
    assert tiers["tier"].value_counts().reindex(list(TIER_ORDER), fill_value=0).tolist() == [
        0, 7, 12, 18,
    ]
    assert tiers.loc["C0007", "tier"] == "silver"
    assert tiers.loc["C0008", "tier"] == "bronze"
    assert tiers.loc["C0019", "tier"] == "bronze"
    assert tiers.loc["C0020", "tier"] == "iron"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (49, (0, 10, 25, 49)),  # 0.49 -> 0, 9.8 -> 10, 24.5 -> 25
        (50, (1, 10, 25, 50)),  # 0.5 -> 1: the first group size with a gold customer
        (100, (1, 20, 50, 100)),
        (3, (0, 1, 2, 3)),  # 0.03 -> 0, 0.6 -> 1, 1.5 -> 2
        (1, (0, 0, 1, 1)),  # 0.01, 0.2 -> 0; 0.5 -> 1: one customer is bronze
        (0, (0, 0, 0, 0)),
    ],
)
def test_boundaries_small_groups(n, expected):
    assert tier_boundaries(n) == expected
    counts = pyramid_tiers(distinct(n))["tier"].value_counts()
    cumulative = np.cumsum([counts.get(t, 0) for t in TIER_ORDER])
    assert tuple(cumulative) == expected


def test_boundaries_are_exact_not_float():
    # cumulative shares 0.01, 0.30, 0.65 of 10 customers: 0.1, 3, 6.5 -> 0, 3, 7.
    # In floats 10 x (0.01 + 0.29 + 0.35) is 6.4999999..., which would round down to 6.
    assert tier_boundaries(10, (0.01, 0.29, 0.35, 0.35)) == (0, 3, 7, 10)
    assert tier_boundaries(10, (Fraction(1, 100), Fraction(29, 100), 0.35, 0.35)) == (0, 3, 7, 10)


def test_ties_straddling_a_boundary_are_split_by_rank_and_reported():
    # 10 customers: boundaries 0.1 -> 0, 2, 5, 10. Ranked (equal values by id):
    # z100, d90 | e90, b80, i70 | j70, y50, x40, c30, a20. The 90s straddle silver|bronze:
    # d up, e down; the 70s straddle bronze|iron: i up, j down. Sizes stay 0 / 2 / 3 / 5.
    values = pd.Series(
        [70, 20, 90, 100, 80, 30, 90, 50, 40, 70],
        index=["j", "a", "e", "z", "b", "c", "d", "y", "x", "i"],
        dtype="float64",
    )
    tiers = pyramid_tiers(values)
    assert tiers.index.tolist() == values.index.tolist()  # input order kept
    assert tiers.loc[["z", "d"], "tier"].tolist() == ["silver"] * 2
    assert tiers.loc[["e", "b", "i"], "tier"].tolist() == ["bronze"] * 3
    assert tiers.loc[["j", "y", "x", "c", "a"], "tier"].tolist() == ["iron"] * 5
    assert tiers.attrs["counts"] == {"gold": 0, "silver": 2, "bronze": 3, "iron": 5}
    split = tiers.attrs["split_ties"]
    assert split.values.tolist() == [
        ["silver", "bronze", 90.0, 2, 1, 1],
        ["bronze", "iron", 70.0, 2, 1, 1],
    ]
    # equal values ranked by customer id: d before e, i before j
    by_rank = ["z", "d", "e", "b", "i", "j", "y", "x", "c", "a"]
    assert tiers["rank"].to_dict() == {c: r for r, c in enumerate(by_rank, start=1)}


def test_all_equal_values_are_split_by_id_and_reported():
    # 10 equal customers: boundaries 0, 2, 5, 10 -> c0, c1 silver; c2-c4 bronze; c5-c9 iron
    tiers = pyramid_tiers(pd.Series(5.0, index=[f"c{i}" for i in range(10)]))
    assert tiers["tier"].tolist() == ["silver"] * 2 + ["bronze"] * 3 + ["iron"] * 5
    assert tiers["rank"].tolist() == list(range(1, 11))
    assert tiers.attrs["split_ties"][["upper", "lower"]].values.tolist() == [
        ["silver", "bronze"], ["bronze", "iron"]]


def test_a_large_tie_never_floods_a_tier():
    # The measured defect: 89 of 100 customers tied gave gold 1, silver 99, bronze 0, iron 0.
    # 100 customers: boundaries 1, 20, 50, 100 -> 1 / 19 / 30 / 50 whatever the ties.
    values = pd.Series([500.0] + [100.0] * 89 + [float(v) for v in range(10, 0, -1)],
                       index=[f"C{i:03d}" for i in range(100)])
    tiers = pyramid_tiers(values)
    assert tiers.attrs["counts"] == {"gold": 1, "silver": 19, "bronze": 30, "iron": 50}
    split = tiers.attrs["split_ties"]
    # the 89 tied customers (ranks 2..90) span silver (19), bronze (30) and iron (40)
    assert split.values.tolist() == [
        ["silver", "bronze", 100.0, 89, 19, 30],
        ["bronze", "iron", 100.0, 89, 30, 40],
    ]
    assert tiers.loc["C001", "tier"] == "silver" and tiers.loc["C089", "tier"] == "iron"


def test_tier_names_follow_language_at_display_only():
    values = distinct(100)
    in_en = pyramid_tiers(values)
    assert rfmkit.localise(in_en).loc["C0001", "customer tier"] == "gold"
    use_language("zh")
    in_zh = pyramid_tiers(values)
    pd.testing.assert_frame_equal(in_zh, in_en)
    shown = rfmkit.localise(in_zh.drop_duplicates("tier").set_index("tier", drop=False))
    assert dict(zip(in_zh.drop_duplicates("tier")["tier"], shown["客户层级"], strict=True)) == {
        "gold": "金质客户", "silver": "银质客户", "bronze": "铜质客户", "iron": "铁质客户",
    }


def test_pyramid_validation_and_no_mutation():
    values = pd.Series([3.0, np.nan, 1.0, np.nan], index=["a", "b", "c", "d"])
    with pytest.raises(ValueError, match=r"\['b', 'd'\]"):
        pyramid_tiers(values)
    good = distinct(20)
    before = good.copy()
    with pytest.raises(ValueError, match="add up to 1"):
        pyramid_tiers(good, (0.1, 0.2, 0.3, 0.3))
    with pytest.raises(ValueError, match="above 0"):
        pyramid_tiers(good, (0.0, 0.2, 0.3, 0.5))
    with pytest.raises(ValueError, match="4 tiers"):
        pyramid_tiers(good, (0.2, 0.3, 0.5))
    with pytest.raises(ValueError, match="more than once"):
        pyramid_tiers(pd.Series([1.0, 2.0], index=["a", "a"]))
    pyramid_tiers(good)
    pd.testing.assert_series_equal(good, before)


def test_tier_summary_by_hand():
    # 10 customers 100, 90, ..., 10 yuan (total 550): gold 0, silver 2, bronze 3, iron 5
    values = pd.Series(np.arange(100, 0, -10, dtype="float64"), index=list("abcdefghij"))
    summary = tier_summary(pyramid_tiers(values))
    assert summary.index.tolist() == ["gold", "silver", "bronze", "iron"]
    assert summary["customers"].tolist() == [0, 2, 3, 5]
    assert summary["customer_share"].tolist() == [0.0, 20.0, 30.0, 50.0]
    assert summary["revenue"].tolist() == [0.0, 190.0, 210.0, 150.0]
    # 190/550 = 34.545..% -> 34.5; 210/550 = 38.18 -> 38.2; 150/550 = 27.27 -> 27.3
    assert summary["revenue_share"].tolist() == [0.0, 34.5, 38.2, 27.3]
    assert summary["average"].tolist() == [0.0, 95.0, 70.0, 30.0]
    assert summary.attrs["key_customers"] == 2
    assert summary.attrs["key_customer_revenue_share"] == 34.5
    with_key = tier_summary(pyramid_tiers(values), with_key_row=True)
    assert with_key.index[-1] == "key"
    assert with_key.loc["key", ["customers", "revenue", "revenue_share"]].tolist() == [2, 190, 34.5]


def test_tier_summary_key_share_on_1000():
    # values 1..1000: gold 991..1000 sum 9955; silver 801..990 sum (801+990)*190/2 = 170145
    # key = 180100 of 500500 -> 35.98 % -> 36.0
    summary = tier_summary(pyramid_tiers(distinct(1000)))
    assert summary.loc["gold", "revenue"] == 9955.0
    assert summary.loc["silver", "revenue"] == 170145.0
    assert summary.attrs["key_customer_revenue_share"] == 36.0
    assert summary.loc["gold", "average"] == 995.5


@FAST
@given(st.lists(st.integers(min_value=0, max_value=30), min_size=0, max_size=120))
def test_tiers_partition_and_keep_order(raw):
    values = pd.Series(raw, index=[f"id{i:03d}" for i in range(len(raw))], dtype="float64")
    tiers = pyramid_tiers(values)
    n = len(values)
    assert tiers.index.equals(values.index)
    assert set(tiers["tier"]) <= set(TIER_ORDER)
    assert sorted(tiers["rank"]) == list(range(1, n + 1))
    level = tiers["tier"].map(TIER_ORDER).to_numpy()
    v = values.to_numpy()
    rank = tiers["rank"].to_numpy()
    for i in range(n):
        higher = v > v[i]
        assert (level[higher] <= level[i]).all()  # a higher value never gets a lower tier
        # equal values: the better rank (smaller id) never gets a lower tier
        assert (level[(v == v[i]) & (rank < rank[i])] <= level[i]).all()
    # tier sizes are exactly the nominal counts, whatever the ties
    bounds = tier_boundaries(n)
    for k in range(4):
        assert (level <= k).sum() == bounds[k]
    # every split tie is reported, and only those
    split = tiers.attrs["split_ties"]
    expected = {(float(x), k) for x in set(v) for k in range(3)
                if (level[v == x] == k).any() and (level[v == x] == k + 1).any()}
    order = list(TIER_ORDER)
    assert {(r.value, order.index(r.upper)) for r in split.itertuples()} == expected


# --------------------------------------------------------------------------- decile table


def test_decile_table_reproduces_the_case():
    averages = [8000, 6000, 5200, 4100, 2570, 2100, 1600, 1100, 600, 100]
    # each group of 1155 members: half spend average + 50, half average - 50, one at the average
    values = []
    for average in averages:
        values += [average + 50] * 577 + [average - 50] * 577 + [average]
    rng = np.random.default_rng(0)
    shuffled = rng.permutation(np.asarray(values, dtype="float64"))
    series = pd.Series(shuffled, index=[f"S{i:05d}" for i in range(1, 11551)])
    table = decile_table(series, with_total=True)
    ranges = [
        "1-1155", "1156-2310", "2311-3465", "3466-4620", "4621-5775",
        "5776-6930", "6931-8085", "8086-9240", "9241-10395", "10396-11550",
    ]
    assert table["customer_range"].tolist()[:10] == ranges
    assert table["customers"].tolist()[:10] == [1155] * 10
    assert table["average"].tolist()[:10] == averages
    assert table.attrs["total"] == 36_232_350  # 31,370 x 1155
    assert table.iloc[-1].tolist() == ["total", "1-11550", 11550, 3137.0, 36_232_350.0, 100.0]
    # group 1: 8000 x 1155 = 9,240,000 of 36,232,350 = 25.50 %
    assert table.loc[0, "share"] == 25.5


def test_decile_remainder_n23():
    # 23 = 10 x 2 + 3: groups 1-3 get 3 customers, groups 4-10 get 2
    values = pd.Series(np.arange(1, 24, dtype="float64"), index=[f"c{i:02d}" for i in range(23)])
    table = decile_table(values)
    assert table["customers"].tolist() == [3, 3, 3, 2, 2, 2, 2, 2, 2, 2]
    assert table["customer_range"].tolist() == [
        "1-3", "4-6", "7-9", "10-11", "12-13", "14-15", "16-17", "18-19", "20-21", "22-23",
    ]
    # largest first: group 1 = 23 + 22 + 21 = 66, average 22; group 10 = 2 + 1 = 3
    assert table.loc[0, ["total", "average"]].tolist() == [66.0, 22.0]
    assert table.loc[9, ["total", "average"]].tolist() == [3.0, 1.5]
    assert table.attrs["total"] == 276.0  # 23 x 24 / 2
    assert table["group"].tolist() == list(range(1, 11))


def test_decile_average_rounds_half_up_to_the_fen():
    # group 1 holds 0.02 and 0.01: average 0.015 yuan = 1.5 fen -> 2 fen (a float would give 0.01)
    values = pd.Series([0.01, 0.02, 0.0, 0.0], index=["a", "b", "c", "d"])
    table = decile_table(values, groups=2)
    assert table["average"].tolist() == [0.02, 0.0]
    assert table["total"].tolist() == [0.03, 0.0]


def test_decile_ties_split_by_customer_id_and_errors():
    values = pd.Series([5.0, 5.0, 5.0, 9.0], index=["d", "b", "c", "a"])
    table = decile_table(values, groups=2)
    # sorted: a (9), b, c, d (5 each): group 1 = a + b = 14, group 2 = c + d = 10
    assert table["total"].tolist() == [14.0, 10.0]
    with pytest.raises(ValueError, match="at least 10 customers"):
        decile_table(values)
    with pytest.raises(ValueError, match="missing"):
        decile_table(pd.Series([1.0, None]), groups=2)


@FAST
@given(
    st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=80),
    st.integers(min_value=1, max_value=12),
)
def test_decile_counts_and_contiguous_groups(raw, groups):
    if len(raw) < groups:
        with pytest.raises(ValueError):
            decile_table(pd.Series(raw, dtype="float64"), groups)
        return
    values = pd.Series(raw, dtype="float64")
    table = decile_table(values, groups)
    n = len(raw)
    assert table["customers"].sum() == n
    assert table["customers"].max() - table["customers"].min() <= 1
    assert table["customers"].is_monotonic_decreasing
    expected_start = 1
    ordered = sorted(raw, reverse=True)
    for _, row in table.iterrows():
        first, last = (int(x) for x in row["customer_range"].split("-"))
        assert first == expected_start and last - first + 1 == row["customers"]
        assert row["total"] == sum(ordered[first - 1 : last])
        expected_start = last + 1
    assert expected_start == n + 1
    assert table["average"].is_monotonic_decreasing


# --------------------------------------------------------------------------- CLV and equity


def test_clv_lesson_example():
    # 100/1.1 + 100/1.21 + 100/1.331 = 90.9091 + 82.6446 + 75.1315 = 248.6852
    assert round(clv([100, 100, 100], 0.10), 2) == 248.69
    assert clv(np.array([100.0, 100.0, 100.0]), 0.10) == pytest.approx(248.6851990984, abs=1e-9)
    assert clv(pd.Series([100, 100, 100]), 0.10) == pytest.approx(248.6851990984, abs=1e-9)
    assert clv([50, 60], 0.0) == 110.0


def test_clv_per_customer_table():
    flows = pd.DataFrame({1: [100.0, 0.0], 2: [100.0, 0.0], 3: [100.0, 133.1]}, index=["a", "b"])
    result = clv(flows, 0.10)
    assert result.name == "clv"
    assert result.index.tolist() == ["a", "b"]
    assert round(result["a"], 2) == 248.69
    assert result["b"] == pytest.approx(100.0)  # 133.1 / 1.1^3 = 100


def test_clv_validation():
    with pytest.raises(ValueError, match="above -1"):
        clv([100], -1)
    with pytest.raises(ValueError, match="above -1"):
        clv([100], -1.5)
    with pytest.raises(ValueError, match="at least one year"):
        clv([], 0.1)
    with pytest.raises(ValueError, match="at least one year"):
        clv(pd.DataFrame(index=["a"]), 0.1)
    with pytest.raises(ValueError, match="missing"):
        clv(pd.DataFrame({1: [1.0, np.nan]}, index=["a", "b"]), 0.1)


@FAST
@given(
    st.lists(st.floats(min_value=1, max_value=1e6), min_size=1, max_size=15),
    st.floats(min_value=-0.5, max_value=0.5),  # rates above 100 % are refused as typos
    st.floats(min_value=0.001, max_value=0.5),
)
def test_clv_falls_as_rate_rises(flows, rate, step):
    assert clv(flows, rate + step) < clv(flows, rate)


def test_yearly_cash_flows_by_hand():
    # a: 2000 yuan over 2 years = 1000 a year x 25 % margin = 250; retention 0.8: 250, 200, 160
    # b: 500 over 2 years = 250 a year x 25 % = 62.5: 62.5, 50, 40
    spend = pd.Series({"a": 2000.0, "b": 500.0})
    flows = yearly_cash_flows(spend, years=3, margin=0.25, retention=0.8)
    assert flows.columns.tolist() == [1, 2, 3]
    assert flows.loc["a"].tolist() == pytest.approx([250.0, 200.0, 160.0])
    assert flows.loc["b"].tolist() == pytest.approx([62.5, 50.0, 40.0])
    expected_a = 250 / 1.1 + 200 / 1.1**2 + 160 / 1.1**3
    assert clv(flows, 0.10)["a"] == pytest.approx(expected_a)
    # one year of history, a 10-yuan yearly cost: 2000 x 0.25 - 10 = 490, then x 0.5
    flows = yearly_cash_flows(spend, 2, 0.25, 0.5, history_years=1, cost_per_year=10)
    assert flows.loc["a"].tolist() == pytest.approx([490.0, 245.0])


def test_yearly_cash_flows_from_rfm_table_and_errors():
    table = pd.DataFrame(
        {"recency_days": [3, 40], "frequency": [2, 1], "monetary": [400.0, 100.0]},
        index=pd.Index(["x", "y"], name="customer_id"),
    )
    before = table.copy()
    flows = yearly_cash_flows(table, years=2, margin=0.5, retention=1.0)
    assert flows.loc["x"].tolist() == [100.0, 100.0]  # 400 / 2 years x 0.5
    pd.testing.assert_frame_equal(table, before)
    with pytest.raises(ValueError, match="margin"):
        yearly_cash_flows(table, 2, 25, 0.8)
    with pytest.raises(ValueError, match="retention"):
        yearly_cash_flows(table, 2, 0.25, 1.2)
    with pytest.raises(ValueError, match="years"):
        yearly_cash_flows(table, 0, 0.25, 0.8)
    with pytest.raises(ValueError, match="monetary"):
        yearly_cash_flows(table.drop(columns="monetary"), 2, 0.25, 0.8)


def test_customer_equity_and_short_form():
    clvs = pd.Series({"a": 100.0, "b": 200.0, "c": 600.0})
    assert customer_equity(clvs) == 900.0
    assert customer_equity([100, 200, 600]) == 900.0
    assert customer_equity([]) == 0.0
    # the mean of the same customers (300) reproduces the sum; the median (200) does not
    assert customer_equity_short(3, 300.0) == 900.0
    assert customer_equity_short(3, 200.0) == 600.0
    # a base of 10 customers with the sample's mean CLV
    assert customer_equity_short(10, 300) == 3000.0
    with pytest.raises(ValueError):
        customer_equity_short(-1, 300)
    with pytest.raises(ValueError, match="missing"):
        customer_equity([1.0, float("nan")])


def test_delivered_value_by_hand():
    # value 500 + 100 + 50 + 50 = 700; cost 400 + 50 + 20 + 30 = 500; delivered 200
    result = delivered_value(
        product=500, service=100, personnel=50, image=50,
        money=400, time=50, mental=20, physical=30,
    )
    assert result["total_value"] == 700.0
    assert result["total_cost"] == 500.0
    assert result["delivered_value"] == 200.0
    assert result["mental_cost"] == 20.0
    assert delivered_value(product=10)["delivered_value"] == 10.0
    assert delivered_value(money=10)["delivered_value"] == -10.0
    with pytest.raises(ValueError, match="time"):
        delivered_value(product=10, time=-1)
    with pytest.raises(ValueError):
        delivered_value(product="a lot")


# --------------------------------------------------------------------------- from orders to CLV


def test_yearly_spend_window_and_refunds():
    # as of 2026-06-10, days=365: lines dated 2025-06-11 .. 2026-06-10 count
    orders = pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "b", "b", "c", "d"],
            "order_date": pd.to_datetime([
                "2025-06-10", "2025-06-11", "2026-06-10", "2025-01-01", "2026-01-01",
                "2024-12-31", "2026-06-11",
            ]),
            "amount": [1000.0, 10.1, 20.2, 50.0, -30.0, 80.0, 99.0],
        }
    )
    before = orders.copy()
    spend = yearly_spend(orders, "2026-06-10")
    # a: 10.1 + 20.2 = 30.3 (the 2025-06-10 line is one day too old); b: a refund only, -30;
    # c: nothing in the window, 0; d: only after as-of, not a customer yet
    assert spend.to_dict() == {"a": 30.3, "b": -30.0, "c": 0.0}
    assert spend.name == "yearly_spend" and spend.index.name == "customer_id"
    pd.testing.assert_frame_equal(orders, before)
    assert yearly_spend(orders, "2026-06-10", days=366)["a"] == 1030.3
    with pytest.raises(ValueError, match="days"):
        yearly_spend(orders, "2026-06-10", days=0)
    with pytest.raises(ValueError, match="amount"):
        yearly_spend(orders.drop(columns="amount"), "2026-06-10")


def test_clv_table_by_hand():
    flows = pd.DataFrame({1: [110.0, 0.0], 2: [121.0, 0.0]}, index=["a", "b"])
    table = clv_table(flows, 0.10)
    # a: 110 / 1.1 + 121 / 1.21 = 100 + 100 = 200; undiscounted 231; 31 lost to discounting
    assert table.loc["a"].tolist() == pytest.approx([231.0, 200.0, 31.0])
    assert table.loc["b"].tolist() == [0.0, 0.0, 0.0]
    assert table.columns.tolist() == ["undiscounted", "clv", "discounted_away"]


def test_equity_summary_by_hand():
    result = equity_summary(pd.Series({"a": 100.0, "b": 200.0, "c": 600.0}), [110, 230, 700])
    assert result.loc["all"].to_dict() == {
        "customers": 3, "customer_equity": 900.0, "average_clv": 300.0, "median_clv": 200.0,
        "undiscounted_total": 1040.0,
    }
    assert "undiscounted_total" not in equity_summary([1.0, 2.0]).columns
    assert equity_summary([]).loc["all", "customer_equity"] == 0.0


def test_clv_rate_typed_as_a_percentage_is_refused():
    with pytest.raises(ValueError, match="0.08"):
        clv([100, 100], rate=8)
