"""Tests of rfmkit.lifecycle: churn rate, lifecycle length, period churn and lifecycle stages.

Expected numbers are worked out by hand in the comments, never taken from the code under test.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfmkit.labels import name, use_language
from rfmkit.lifecycle import (
    churn_rate,
    lifecycle_stages,
    lifecycle_years,
    one_time_sleeping_or_lost,
    period_churn,
    stage_by_purchases,
    stage_summary,
)

FAST = settings(max_examples=60, deadline=None)


@pytest.fixture(autouse=True)
def english():
    use_language("en")
    yield
    use_language("en")


# --------------------------------------------------------------------------- churn and lifecycle


def test_churn_rate_and_lifecycle_lesson_example():
    assert churn_rate(20, 100) == 0.2  # 20 lost of 100 = 20 %
    assert churn_rate(20.0, 100.0) == 0.2
    assert churn_rate(np.int64(0), np.int64(7)) == 0.0
    assert lifecycle_years(0.2) == 5.0  # 1 / 20 % = 5 years
    assert lifecycle_years(0.25) == 4.0
    assert lifecycle_years(1) == 1.0
    assert lifecycle_years(churn_rate(20, 100)) == 5.0


def test_no_churn_means_no_end():
    assert lifecycle_years(0) == math.inf
    assert lifecycle_years(0.0) == math.inf


@pytest.mark.parametrize(
    ("lost", "total", "message"),
    [
        (1, 0, "no customers"),
        (0, 0, "no customers"),
        (-1, 10, "negative"),
        (5, -10, "negative"),
        (11, 10, "more than total"),
        (2.5, 10, "whole number"),
        (2, 10.5, "whole number"),
        ("2", 10, "number of customers"),
    ],
)
def test_churn_rate_errors(lost, total, message):
    with pytest.raises(ValueError, match=message):
        churn_rate(lost, total)


@pytest.mark.parametrize("churn", [-0.1, 1.5, 20, float("nan"), "20%"])
def test_lifecycle_years_errors(churn):
    with pytest.raises(ValueError, match="between 0 and 1"):
        lifecycle_years(churn)


# --------------------------------------------------------------------------- period churn

# A typed-out log. Half-years: P1 = 2025-01-01..06-30, P2 = 07-01..12-31, P3 = 2026-01-01..06-30.
#   A buys in P1 and P2                        -> retained P1->P2, lost P2->P3
#   B buys in P1 only                          -> lost P1->P2
#   C buys on the last day of P1 and the first day of P2 -> retained P1->P2, lost P2->P3
#   D buys in P1 (two lines 50 and -20: still a 30-yuan purchase); in P2 only a refund
#     (a negative order is not a purchase)     -> lost P1->P2
#   E is new in P2 and buys again in P3        -> not counted P1->P2, retained P2->P3
# P1->P2: active {A, B, C, D} = 4, retained {A, C} = 2, lost 2: churn 50.0 %, CRR 50.0 %
# P2->P3: active {A, C, E} = 3, retained {E} = 1, lost 2: churn 66.7 %, CRR 33.3 %
LOG = pd.DataFrame(
    [
        ("A", "o1", "2025-01-05", 100.0),
        ("A", "o2", "2025-07-10", 80.0),
        ("B", "o3", "2025-02-01", 60.0),
        ("C", "o4", "2025-06-30", 20.0),
        ("C", "o5", "2025-07-01", 25.0),
        ("D", "o6", "2025-03-10", 50.0),
        ("D", "o6", "2025-03-10", -20.0),
        ("D", "o7", "2025-08-01", -30.0),
        ("E", "o8", "2025-09-09", 40.0),
        ("E", "o9", "2026-02-02", 45.0),
    ],
    columns=["customer_id", "order_id", "order_date", "amount"],
)


def test_period_churn_by_hand():
    before = LOG.copy()
    result = period_churn(LOG, "half-year", start="2025-01-01", end="2026-06-30")
    pd.testing.assert_frame_equal(LOG, before)
    assert result["period"].tolist() == ["2025-01-01 – 2025-06-30", "2025-07-01 – 2025-12-31"]
    assert result["next_period"].tolist() == ["2025-07-01 – 2025-12-31", "2026-01-01 – 2026-06-30"]
    assert result["active_customers"].tolist() == [4, 3]
    assert result["retained_customers"].tolist() == [2, 1]
    assert result["lost_customers"].tolist() == [2, 2]
    assert result["churn_rate"].tolist() == [50.0, 66.7]
    assert result["retention_rate"].tolist() == [50.0, 33.3]


def test_period_churn_with_explicit_periods_matches():
    spans = [
        ("2025-01-01", "2025-06-30"),
        ("2025-07-01", "2025-12-31"),
        ("2026-01-01", "2026-06-30"),
    ]
    result = period_churn(LOG, spans)
    assert result["active_customers"].tolist() == [4, 3]
    assert result["churn_rate"].tolist() == [50.0, 66.7]
    assert [(s.date().isoformat(), e.date().isoformat()) for s, e in result.attrs["periods"]] == [
        tuple(span) for span in spans
    ]


def test_period_churn_quarters_and_partial_period():
    # quarters 2025-Q1..Q3: Q1 buyers A, B, D (C buys on 06-30, in Q2); Q2 buyers C;
    # Q1->Q2: 3 active, none retained -> 100 %; Q2->Q3: C buys 07-01 -> retained, 0 %
    result = period_churn(LOG, "quarter", start="2025-01-01", end="2025-10-15")
    assert result["period"].tolist() == ["2025-01-01 – 2025-03-31", "2025-04-01 – 2025-06-30"]
    assert result["active_customers"].tolist() == [3, 1]
    assert result["churn_rate"].tolist() == [100.0, 0.0]
    # an end date inside the third half-year leaves only two whole periods -> one pair
    result = period_churn(LOG, "half-year", start="2025-01-01", end="2026-05-31")
    assert len(result) == 1


def test_period_churn_empty_period_and_errors():
    spans = [("2024-01-01", "2024-06-30"), ("2025-01-01", "2025-06-30")]
    result = period_churn(LOG, spans)
    assert result.loc[0, "active_customers"] == 0
    assert math.isnan(result.loc[0, "churn_rate"])
    with pytest.raises(ValueError, match="at least 2"):
        period_churn(LOG, [("2025-01-01", "2025-06-30")])
    with pytest.raises(ValueError, match="overlap"):
        period_churn(LOG, [("2025-01-01", "2025-06-30"), ("2025-06-01", "2025-12-31")])
    with pytest.raises(ValueError, match="start and end"):
        period_churn(LOG, "quarter")
    with pytest.raises(ValueError, match="fortnight"):
        period_churn(LOG, "fortnight", start="2025-01-01", end="2025-12-31")
    with pytest.raises(ValueError, match="order_date"):
        period_churn(
            LOG.drop(columns="order_date"), "quarter", start="2025-01-01", end="2025-12-31"
        )


# --------------------------------------------------------------------------- lifecycle stages


def rfm(recency, frequency=None) -> pd.DataFrame:
    n = len(recency)
    return pd.DataFrame(
        {
            "recency_days": recency,
            "frequency": frequency if frequency is not None else [1] * n,
            "monetary": [10.0] * n,
        },
        index=pd.Index([f"c{i}" for i in range(n)], name="customer_id"),
    )


def test_stage_boundaries_are_inclusive():
    table = rfm([0, 89, 90, 91, 179, 180, 181, 1000])
    stages = lifecycle_stages(table)
    assert stages["stage"].tolist() == [
        "active", "active", "active", "sleeping", "sleeping", "sleeping", "lost", "lost",
    ]
    assert stages.index.equals(table.index)
    custom = lifecycle_stages(table, active_days=0, sleeping_days=1)
    assert custom["stage"].tolist()[:3] == ["active", "lost", "lost"]


def test_stage_names_follow_language():
    table = rfm([10, 100, 200])
    stages = lifecycle_stages(table)["stage"]
    assert [name("stage", c) for c in stages] == ["active", "sleeping", "lost"]
    use_language("zh")
    assert [name("stage", c) for c in stages] == ["活跃", "睡眠", "流失"]


@pytest.mark.parametrize(
    ("active_days", "sleeping_days"), [(90, 90), (180, 90), (-1, 90), (float("nan"), 90)]
)
def test_stage_threshold_errors(active_days, sleeping_days):
    with pytest.raises(ValueError):
        lifecycle_stages(rfm([1, 2]), active_days, sleeping_days)


def test_stage_missing_recency_names_customers():
    with pytest.raises(ValueError, match="c1"):
        lifecycle_stages(rfm([1.0, np.nan]))


@FAST
@given(
    st.lists(st.integers(min_value=0, max_value=800), min_size=0, max_size=60),
    st.integers(min_value=0, max_value=300),
    st.integers(min_value=1, max_value=300),
)
def test_stages_partition_customers(recency, active_days, gap):
    sleeping_days = active_days + gap
    stages = lifecycle_stages(rfm(recency), active_days, sleeping_days)
    assert len(stages) == len(recency)
    for days, stage in zip(recency, stages["stage"], strict=True):
        expected = (
            "active" if days <= active_days else "sleeping" if days <= sleeping_days else "lost"
        )
        assert stage == expected


def test_stage_by_purchases_by_hand():
    # frequency:  1     1      1     2       3       5      7       1
    # recency:    10    100    400   20      150     30     500     200
    # stage:      act   sleep  lost  act     sleep   act    lost    lost
    table = rfm([10, 100, 400, 20, 150, 30, 500, 200], [1, 1, 1, 2, 3, 5, 7, 1])
    stages = lifecycle_stages(table)
    cross = stage_by_purchases(table, stages, with_total=True)
    assert cross.index.tolist() == ["1", "2", "3", "4", "5+", "all"]
    assert cross[["active", "sleeping", "lost"]].to_numpy().tolist() == [
        [1, 1, 2], [1, 0, 0], [0, 1, 0], [0, 0, 0], [1, 0, 1], [3, 2, 3],
    ]
    assert cross["customers"].tolist() == [4, 1, 1, 0, 2, 8]
    # one-time buyers: 1/4 active = 25 %, 1/4 sleeping, 2/4 lost = 50 %
    assert cross.loc["1", ["active_share", "sleeping_share", "lost_share"]].tolist() == [
        25.0, 25.0, 50.0,
    ]
    assert cross.loc["4", "lost_share"] == 0.0  # empty row
    assert cross.loc["all", "sleeping_share"] == 25.0  # 2 of 8
    # max_count=2: rows "1" and "2+" (2, 3, 5, 7 purchases)
    short = stage_by_purchases(table, stages, max_count=2)
    assert short.index.tolist() == ["1", "2+"]
    assert short.loc["2+", "customers"] == 4


def test_stage_by_purchases_refund_only_row_and_mismatch():
    table = rfm([5, 300], [0, 1])
    cross = stage_by_purchases(table, lifecycle_stages(table))
    assert cross.index.tolist()[:2] == ["0", "1"]
    assert cross.loc["0", "active"] == 1
    with pytest.raises(ValueError, match="same customers"):
        stage_by_purchases(table, lifecycle_stages(rfm([5])))


def test_stage_summary_by_hand():
    # recency 10, 100, 400, 20, 150: active 10, 20; sleeping 100, 150; lost 400
    table = rfm([10, 100, 400, 20, 150])
    summary = stage_summary(lifecycle_stages(table))
    assert summary.index.tolist() == ["active", "sleeping", "lost"]
    assert summary["customers"].tolist() == [2, 2, 1]
    assert summary["customer_share"].tolist() == [40.0, 40.0, 20.0]
    assert summary["recency_range"].tolist() == ["0-90", "91-180", "181+"]
    # nobody lost with a long sleeping threshold: the row is still there, with 0
    summary = stage_summary(lifecycle_stages(table, 30, 1000))
    assert summary["customers"].tolist() == [2, 3, 0]
    assert stage_summary(lifecycle_stages(table, 7.5, 30))["recency_range"].tolist() == [
        "<= 7.5", "7.5 < days <= 30", "> 30",
    ]
    use_language("zh")
    summary = stage_summary(lifecycle_stages(table))
    assert [name("stage", c) for c in summary.index] == ["活跃", "睡眠", "流失"]


def test_one_time_sleeping_or_lost_by_hand():
    # one-time buyers: recency 10 (active), 100 (sleeping), 400 (lost), 200 (lost) -> 3 of 4
    table = rfm([10, 100, 400, 20, 150, 200], [1, 1, 1, 2, 3, 1])
    stages = lifecycle_stages(table)
    assert one_time_sleeping_or_lost(stage_by_purchases(table, stages)) == 75.0
    nobody_once = rfm([10, 20], [2, 3])
    cross = stage_by_purchases(nobody_once, lifecycle_stages(nobody_once))
    assert math.isnan(one_time_sleeping_or_lost(cross))
    with pytest.raises(ValueError, match="max_count"):
        one_time_sleeping_or_lost(stage_by_purchases(table, stages, max_count=1))
