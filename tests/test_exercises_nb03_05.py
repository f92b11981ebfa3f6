"""The expected answers of notebooks 03-05's exercises, computed a second, independent way
from the raw course orders with plain pandas / Python (no rfmkit computation).

The generic checks (placeholder, solution, wrong answer, both languages) are in
tests/test_exercises.py and run on these modules automatically.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from rfmkit.data import COURSE_ASOF, load_orders
from rfmkit.exercises import CORRECT, INCORRECT, nb03, nb04, nb05


@pytest.fixture(scope="module")
def orders() -> pd.DataFrame:
    data = load_orders()
    return data[data["order_date"] <= COURSE_ASOF]


@pytest.fixture(scope="module")
def spend(orders) -> pd.Series:
    """Net spend per customer over the two years, in whole fen, largest first, ties by id."""
    cents = (orders["amount"] * 100).round().astype("int64")
    total = cents.groupby(orders["customer_id"]).sum() / 100
    frame = total.rename("spend").reset_index().sort_values(
        ["spend", "customer_id"], ascending=[False, True]
    )
    return frame.set_index("customer_id")["spend"]


@pytest.fixture(scope="module")
def last_year_spend(orders) -> pd.Series:
    start = COURSE_ASOF - pd.Timedelta(days=365)
    window = orders[orders["order_date"] > start]
    cents = (window["amount"] * 100).round().astype("int64")
    per_customer = cents.groupby(window["customer_id"]).sum() / 100
    everyone = sorted(orders["customer_id"].unique())
    return per_customer.reindex(everyone, fill_value=0.0)


def plain_clv(yearly: float, years: int, rate: float, margin: float, retention: float) -> float:
    return sum(
        yearly * margin * retention ** (i - 1) / (1 + rate) ** i for i in range(1, years + 1)
    )


def recency_and_frequency(orders) -> pd.DataFrame:
    per_order = orders.groupby(["customer_id", "order_id"]).agg(
        amount=("amount", "sum"), day=("order_date", "max")
    )
    bought = per_order[per_order["amount"] > 1e-9]
    last_any = per_order.groupby(level="customer_id")["day"].max()
    last = bought.groupby(level="customer_id")["day"].max().reindex(last_any.index)
    last = last.fillna(last_any)
    return pd.DataFrame({
        "R": (COURSE_ASOF - last).dt.days,
        "F": bought.groupby(level="customer_id").size().reindex(last_any.index, fill_value=0),
    })


def stage_of(days: int, active: int, sleeping: int) -> str:
    return "active" if days <= active else "sleeping" if days <= sleeping else "lost"


# ---- notebook 03 -------------------------------------------------------------------------------
def test_nb03_q1_gold_is_the_top_one_percent(spend):
    n = len(spend)
    assert n == 3000
    top = round(n * 0.01)
    assert spend.iloc[top - 1] != spend.iloc[top]  # no tie across the gold boundary
    assert nb03.q1.expected() == top == 30


def test_nb03_q2_key_customer_revenue_share(spend):
    key = round(len(spend) * 0.20)
    assert spend.iloc[key - 1] != spend.iloc[key]
    share = round(100 * spend.iloc[:key].sum() / spend.sum(), 1)
    assert nb03.q2.expected() == pytest.approx(share)
    assert 60 < share < 80


def test_nb03_q2_recognises_a_fraction(capsys):
    nb03.q2.check(nb03.q2.expected() / 100)
    assert "multiply by 100" in capsys.readouterr().out


def test_nb03_q3_first_over_last_decile(spend):
    size = len(spend) // 10
    first = round(spend.iloc[:size].mean(), 2)
    last = round(spend.iloc[-size:].mean(), 2)
    assert nb03.q3.expected() == pytest.approx(round(first / last, 1))


def test_nb03_q4_tie_across_the_bronze_iron_boundary(spend):
    boundary = round(len(spend) * 0.50)  # the first 1500 are gold, silver or bronze
    value = spend.iloc[boundary - 1]
    moved_up = int((spend.iloc[boundary:] == value).sum())
    assert moved_up > 0
    assert nb03.q4.expected() == moved_up


def test_nb03_q5_gold_both_ways(spend, last_year_spend):
    clv_values = last_year_spend.map(lambda s: plain_clv(s, 5, 0.10, 0.25, 0.40))
    by_clv = pd.DataFrame({"clv": clv_values, "id": clv_values.index}).sort_values(
        ["clv", "id"], ascending=[False, True]
    )
    assert by_clv["clv"].iloc[29] != by_clv["clv"].iloc[30]
    both = set(spend.index[:30]) & set(by_clv.index[:30])
    assert nb03.q5.expected() == len(both)
    assert 0 < len(both) < 30


# ---- notebook 04 -------------------------------------------------------------------------------
def test_nb04_q1_by_hand():
    # 200/1.08 + 200/1.08^2 + ... + 200/1.08^5 = 200 x 3.99271 = 798.54
    by_hand = sum(200 / 1.08**i for i in range(1, 6))
    assert nb04.q1.expected() == pytest.approx(round(by_hand, 2)) == 798.54


@pytest.mark.parametrize(("q", "retention"), [(nb04.q2, 0.40), (nb04.q3, 0.60)])
def test_nb04_customer_equity(q, retention, last_year_spend):
    equity = math.fsum(plain_clv(s, 5, 0.10, 0.25, retention) for s in last_year_spend)
    assert q.expected() == pytest.approx(equity, abs=0.01)


def test_nb04_q3_more_retention_more_equity():
    assert nb04.q3.expected() > nb04.q2.expected()


def test_nb04_q4_delivered_value_by_hand():
    value = 350 + 10 + 20 + 15
    cost = 269 + 60 + 10 + 5
    assert nb04.q4.expected() == value - cost == 51


def test_nb04_q4_the_notebooks_first_shop_is_not_the_answer(capsys):
    nb04.q4.check(91.0)  # the notebook's example (299 yuan, service 40, time 20)
    assert nb04.q4.last_result == INCORRECT
    assert "too high" in capsys.readouterr().out


# ---- notebook 05 -------------------------------------------------------------------------------
def test_nb05_q1_by_hand():
    assert nb05.q1.expected() == 1 / 0.25 == 4.0


def test_nb05_q2_yearly_churn_by_hand(orders):
    per_order = orders.groupby(["customer_id", "order_id"]).agg(
        amount=("amount", "sum"), day=("order_date", "max")
    )
    bought = per_order[per_order["amount"] > 1e-9].reset_index()
    year_one = bought["day"].between(pd.Timestamp("2024-06-11"), pd.Timestamp("2025-06-10"))
    year_two = bought["day"].between(pd.Timestamp("2025-06-11"), pd.Timestamp("2026-06-10"))
    first = set(bought.loc[year_one, "customer_id"])
    second = set(bought.loc[year_two, "customer_id"])
    churn = round(100 * len(first - second) / len(first), 1)
    assert nb05.q2.expected() == pytest.approx(churn)


def test_nb05_q3_sleeping_by_hand(orders):
    rf = recency_and_frequency(orders)
    sleeping = sum(stage_of(d, 60, 150) == "sleeping" for d in rf["R"])
    assert nb05.q3.expected() == sleeping


def test_nb05_q4_one_time_buyers_by_hand(orders):
    rf = recency_and_frequency(orders)
    once = rf[rf["F"] == 1]
    away = sum(stage_of(d, 90, 180) != "active" for d in once["R"])
    share = round(100 * away / len(once), 1)
    assert nb05.q4.expected() == pytest.approx(share)


def test_nb05_q4_accepts_the_unrounded_share(orders):
    rf = recency_and_frequency(orders)
    once = rf[rf["F"] == 1]
    away = sum(stage_of(d, 90, 180) != "active" for d in once["R"])
    nb05.q4.check(100 * away / len(once))
    assert nb05.q4.last_result == CORRECT
