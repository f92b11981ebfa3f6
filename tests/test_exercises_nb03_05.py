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
from rfmkit.exercises._kinds import Choice


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
def test_nb03_q1_revenue_per_tier(spend):
    assert len(spend) == 3000
    # no tie across the gold (30) or key (600) boundary, so these sums do not depend on a tie rule
    assert spend.iloc[29] != spend.iloc[30] and spend.iloc[599] != spend.iloc[600]
    revenue = nb03.q1.expected()
    assert revenue["gold"] == pytest.approx(spend.iloc[:30].sum())
    assert revenue["silver"] == pytest.approx(spend.iloc[30:600].sum())
    assert revenue["bronze"] + revenue["iron"] == pytest.approx(spend.iloc[600:].sum())
    assert revenue["bronze"] >= spend.iloc[600:1500].sum() - 1e-6  # ties can only move up


def test_nb03_q2_cumulative_share_from_the_top(spend):
    share = nb03.q2.expected()
    total = spend.sum()
    assert share["gold"] == pytest.approx(100 * spend.iloc[:30].sum() / total)
    assert share["silver"] == pytest.approx(100 * spend.iloc[:600].sum() / total)
    assert share["iron"] == pytest.approx(100)
    assert share["gold"] < share["silver"] < share["bronze"] < share["iron"]
    assert 60 < share["silver"] < 80  # the key fifth brings about seven tenths


def test_nb03_q2_alphabetical_cumsum_is_wrong():
    revenue = nb03.q1.expected()  # groupby order: bronze, gold, iron, silver
    wrong = revenue.sort_index().cumsum() / revenue.sum() * 100
    assert nb03.q2.judge(wrong)[0] == INCORRECT


def test_nb03_q4_first_over_last_decile(spend):
    size = len(spend) // 10
    first = round(spend.iloc[:size].mean(), 2)
    last = round(spend.iloc[-size:].mean(), 2)
    assert nb03.q4.expected() == pytest.approx(round(first / last, 1))


def test_nb03_judgements():
    assert nb03.q3.expected() == "A"  # the key customers get the scarce calls
    assert nb03.q5.expected() == "C"  # tiering is not dropping customers


CHOICES = [nb03.q3, nb03.q5, nb04.q5, nb05.q5, nb05.q6, nb05.q7]


@pytest.mark.parametrize("q", CHOICES, ids=lambda q: q.name)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_wrong_option_is_explained(q, language):
    from rfmkit import use_language

    assert isinstance(q.kind, Choice)
    right = q.expected()
    assert set(q.kind.explanations) == set(q.kind.options) - {right}
    use_language(language)
    try:
        for letter, text in q.kind.explanations.items():
            result, message = q.judge(letter.lower())
            assert result == INCORRECT
            assert text[language] in message
        assert q.judge(f"({right})")[0] == CORRECT
    finally:
        use_language("en")


# ---- notebook 04 -------------------------------------------------------------------------------
def test_nb04_q1_by_hand():
    # 200/1.08 + 200/1.08^2 + ... + 200/1.08^5 = 200 x 3.99271 = 798.54
    by_hand = sum(200 / 1.08**i for i in range(1, 6))
    assert nb04.q1.expected() == pytest.approx(round(by_hand, 2)) == 798.54


def test_nb04_q2_every_clv_at_eight_percent(last_year_spend):
    expected = nb04.q2.expected()
    by_hand = last_year_spend.map(lambda s: plain_clv(s, 5, 0.08, 0.25, 0.40))
    assert len(expected) == len(by_hand) == 3000
    assert (expected.sort_index() - by_hand.sort_index()).abs().max() < 1e-6


def test_nb04_q2_ten_percent_is_wrong(last_year_spend):
    at_ten = last_year_spend.map(lambda s: plain_clv(s, 5, 0.10, 0.25, 0.40))
    assert nb04.q2.judge(at_ten)[0] == INCORRECT


def test_nb04_q3_tiers_by_spend_and_by_clv(spend, last_year_spend):
    cross = nb04.q3.expected()
    assert cross.to_numpy().sum() == 3000
    sizes = {"gold": 30, "silver": 570}  # no ties at these boundaries either way
    for tier, size in sizes.items():
        assert cross.loc[tier].sum() == size
        assert cross[tier].sum() == size
    clv_values = last_year_spend.map(lambda s: plain_clv(s, 5, 0.10, 0.25, 0.40))
    by_clv = pd.DataFrame({"clv": clv_values, "id": clv_values.index}).sort_values(
        ["clv", "id"], ascending=[False, True]
    )
    assert by_clv["clv"].iloc[29] != by_clv["clv"].iloc[30]
    both = set(spend.index[:30]) & set(by_clv.index[:30])
    assert cross.loc["gold", "gold"] == len(both)
    assert nb04.q3.judge(cross.T)[0] == INCORRECT  # rows and columns swapped


@pytest.mark.parametrize(("q", "retention"), [(nb04.q4, 0.60)])
def test_nb04_customer_equity(q, retention, last_year_spend):
    equity = math.fsum(plain_clv(s, 5, 0.10, 0.25, retention) for s in last_year_spend)
    assert q.expected() == pytest.approx(equity, abs=0.01)


def test_nb04_q6_delivered_value_by_hand():
    value = 350 + 10 + 20 + 15
    cost = 269 + 60 + 10 + 5
    assert nb04.q6.expected() == value - cost == 51


def test_nb04_q6_the_notebooks_first_shop_is_not_the_answer(capsys):
    nb04.q6.check(91.0)  # the notebook's example (299 yuan, service 40, time 20)
    assert nb04.q6.last_result == INCORRECT
    assert "too high" in capsys.readouterr().out


def test_nb04_q5_being_remembered_is_emotional_value():
    assert nb04.q5.expected() == "B"


# ---- notebook 05 -------------------------------------------------------------------------------
def test_nb05_q1_by_hand():
    assert nb05.q1.expected() == 1 / 0.25 == 4.0


def _buyers(orders, first_day, last_day):
    per_order = orders.groupby(["customer_id", "order_id"]).agg(
        amount=("amount", "sum"), day=("order_date", "max")
    )
    bought = per_order[per_order["amount"] > 1e-9].reset_index()
    inside = bought["day"].between(pd.Timestamp(first_day), pd.Timestamp(last_day))
    return set(bought.loc[inside, "customer_id"])


def test_nb05_q2_half_year_churn_by_hand(orders):
    first = _buyers(orders, "2024-06-11", "2024-12-10")
    second = _buyers(orders, "2024-12-11", "2025-06-10")
    churn = round(100 * len(first - second) / len(first), 1)
    assert nb05.q2.expected() == pytest.approx(churn)
    assert 0 < churn < 100


def test_nb05_yearly_churn_in_the_notebook_matches_the_sets(orders):
    from rfmkit import period_churn

    first = _buyers(orders, "2024-06-11", "2025-06-10")
    second = _buyers(orders, "2025-06-11", "2026-06-10")
    yearly = period_churn(orders, "year", start="2024-06-11", end=COURSE_ASOF)
    assert yearly.loc[0, "churn_rate"] == round(100 * len(first - second) / len(first), 1)


def test_nb05_q3_stage_counts_by_hand(orders):
    rf = recency_and_frequency(orders)
    counts = pd.Series([stage_of(d, 60, 150) for d in rf["R"]]).value_counts()
    expected = nb05.q3.expected()
    for stage in ("active", "sleeping", "lost"):
        assert expected[stage] == counts[stage]


def test_nb05_q4_lost_share_by_purchases_by_hand(orders):
    rf = recency_and_frequency(orders)
    lost = pd.Series([stage_of(d, 90, 180) == "lost" for d in rf["R"]], index=rf.index)
    by_hand = lost.groupby(rf["F"].clip(upper=5)).mean() * 100
    expected = nb05.q4.expected()
    for f, share in by_hand.items():
        assert expected[f] == pytest.approx(share)
    assert expected.loc[1] > expected.loc[5]  # the more purchases, the smaller the lost share


def test_nb05_judgements():
    assert nb05.q5.expected() == "B"  # a call after the sale about fit and faults: responsible
    assert nb05.q6.expected() == "A"  # staff leaving with their customers: the firm's own cause
    assert nb05.q7.expected() == "C"  # valuable customers drifting away get personal care


def test_nb05_maintain_customers_in_the_lost_stage_lie_between_the_two_cuts(orders):
    """Notebook 05 explains why some important customers to maintain are 'lost': R below the
    shop's mean (R↓) yet more than 180 days. Pin that every such customer lies in between."""
    from rfmkit import lifecycle_stages, rfm_segments, rfm_table

    table = rfm_table(orders, COURSE_ASOF)
    segments = rfm_segments(table)
    stages = lifecycle_stages(table, active_days=90, sleeping_days=180)
    both = (segments["segment"] == "maintain") & (stages["stage"] == "lost")
    recency = table.loc[both, "recency_days"]
    assert len(recency) > 0
    assert (recency > 180).all() and (recency < table["recency_days"].mean()).all()
