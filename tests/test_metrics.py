"""CSAT, NPS, CAC and CRR: hand-computed values, missing answers, errors, and properties."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rfmkit
from rfmkit.metrics import cac, csat, nps, nps_breakdown, retention_counts, retention_rate


def test_csat_counts_four_and_five_as_satisfied():
    # 5 and 4 and 4 are satisfied, 3 is not: 3 of 4 = 75 %.
    assert csat([5, 4, 4, 3]) == 75.0
    assert csat([1, 2, 3]) == 0.0
    assert csat([5]) == 100.0


def test_csat_is_a_percentage_not_rounded():
    assert csat([5, 1, 1]) == pytest.approx(100 / 3)


def test_csat_ignores_missing_answers():
    assert csat([5, None, 4, np.nan, 3, pd.NA, 2]) == 50.0
    assert csat(pd.Series([5, None, 1], dtype="Int64")) == 50.0


def test_csat_custom_satisfied_scores():
    assert csat([5, 4, 4, 3], satisfied=(5,)) == 25.0
    with pytest.raises(ValueError, match="1 to 5"):
        csat([5], satisfied=(6,))


@pytest.mark.parametrize("bad", [[5, 6], [0, 4], [4.5], ["very good"]])
def test_csat_rejects_values_off_the_scale(bad):
    with pytest.raises(ValueError, match="1-5"):
        csat(bad)


def test_csat_without_answers_is_an_error():
    with pytest.raises(ValueError, match="no satisfaction"):
        csat([])
    with pytest.raises(ValueError, match="no satisfaction"):
        csat([None, np.nan])


def test_nps_hand_computed():
    # promoters 10, 9 (2/6); passives 8, 7; detractors 6, 0 (2/6): NPS 0.
    assert nps([10, 9, 8, 7, 6, 0]) == 0.0
    # 3 promoters, 1 detractor of 5: 60 % - 20 % = 40.
    assert nps([10, 10, 9, 7, 3]) == pytest.approx(40.0)
    assert nps([10, 9]) == 100.0
    assert nps([0, 6]) == -100.0
    assert nps([7, 8]) == 0.0


def test_nps_ignores_missing_answers():
    assert nps([10, None, 0, np.nan, 9]) == pytest.approx(100 / 3)


def test_nps_breakdown_hand_computed():
    table = nps_breakdown([10, 9, 8, 7, 6, 0, None])
    assert list(table.index) == ["promoters", "passives", "detractors"]
    assert table["count"].tolist() == [2, 2, 2]
    assert table["share"].tolist() == pytest.approx([100 / 3] * 3)
    assert table.attrs == {"answered": 6, "nps": 0.0}


@pytest.mark.parametrize("bad", [[11], [-1], [9.5], ["ten"]])
def test_nps_rejects_values_off_the_scale(bad):
    with pytest.raises(ValueError, match="0-10"):
        nps(bad)
    with pytest.raises(ValueError, match="0-10"):
        nps_breakdown(bad)


def test_nps_without_answers_is_an_error():
    with pytest.raises(ValueError, match="no recommendation"):
        nps([None])


def test_inputs_are_not_modified():
    scores = pd.Series([10, None, 3])
    before = scores.copy()
    nps(scores)
    csat(pd.Series([5, None, 3]))
    pd.testing.assert_series_equal(scores, before)


nps_scores = st.lists(st.one_of(st.integers(0, 10), st.none()), min_size=1).filter(
    lambda xs: any(x is not None for x in xs)
)


@given(nps_scores)
def test_nps_properties(scores):
    value = nps(scores)
    table = nps_breakdown(scores)
    answered = [s for s in scores if s is not None]
    assert -100.0 <= value <= 100.0
    assert table["count"].sum() == len(answered)
    assert table["share"].sum() == pytest.approx(100.0)
    shares = table["share"]
    assert value == pytest.approx(shares["promoters"] - shares["detractors"])
    assert table.attrs["nps"] == value
    assert nps(list(reversed(scores))) == pytest.approx(value)


@given(st.lists(st.integers(1, 5), min_size=1))
def test_csat_properties(scores):
    value = csat(scores)
    assert 0.0 <= value <= 100.0
    assert math.isclose(value, 100 * sum(s >= 4 for s in scores) / len(scores))


# ---------------------------------------------------------------------------------------------
# CAC and CRR (moved from rfmkit.service)


def test_cac():
    assert cac(5000, 40) == 125.0
    assert cac(0, 3) == 0.0
    with pytest.raises(ValueError, match="0"):
        cac(5000, 0)
    with pytest.raises(ValueError, match="negative"):
        cac(-1, 10)
    with pytest.raises(ValueError):
        cac(100, -2)
    with pytest.raises(ValueError, match="whole"):
        cac(100, 2.5)


def test_retention_rate():
    assert retention_rate(200, 210, 30) == 90.0
    assert retention_rate(10, 10, 0) == 100.0
    assert retention_rate(10, 5, 5) == 0.0
    with pytest.raises(ValueError, match="start_customers is 0"):
        retention_rate(0, 10, 10)
    with pytest.raises(ValueError, match="more than end"):
        retention_rate(100, 10, 20)
    with pytest.raises(ValueError, match="more than the"):
        retention_rate(100, 150, 20)
    with pytest.raises(ValueError):
        retention_rate(-1, 10, 0)


RETENTION_ORDERS = pd.DataFrame(
    [
        # base window for the period 2026-01-11 .. 2026-01-20 (10 days): 2026-01-01 .. 01-10
        ("O1", "S1", "2026-01-01", "P1", 10.0),  # S1 bought in the base window...
        ("O2", "S1", "2026-01-15", "P1", 10.0),  # ...and again in the period: retained
        ("O3", "S2", "2026-01-10", "P1", 10.0),  # S2 last day of the base window, not again
        ("O4", "S3", "2026-01-05", "P1", 10.0),  # S3 in the base window...
        ("R4", "S3", "2026-01-12", "P1", -10.0),  # ...only a refund in the period: not kept
        ("O5", "N1", "2026-01-11", "P1", 10.0),  # N1 first purchase on the period's first day
        ("O6", "N2", "2026-01-20", "P1", 10.0),  # N2 on its last day
        ("O7", "N3", "2026-01-21", "P1", 10.0),  # after the end: ignored
        ("O8", "X1", "2025-12-01", "P1", 10.0),  # X1 before the base window...
        ("O9", "X1", "2026-01-18", "P1", 10.0),  # ...came back: reactivated
    ],
    columns=["order_id", "customer_id", "order_date", "product_id", "amount"],
)


def test_retention_counts_by_hand():
    counts = retention_counts(RETENTION_ORDERS, "2026-01-11", "2026-01-20")
    row = counts.iloc[0]
    assert row["base_start"] == pd.Timestamp("2026-01-01")
    assert (row["start_customers"], row["kept_customers"], row["new_customers"],
            row["reactivated_customers"], row["end_customers"]) == (3, 1, 2, 1, 3)
    rate = retention_rate(row["start_customers"], row["end_customers"], row["new_customers"])
    assert rate == pytest.approx(100 / 3)
    with pytest.raises(ValueError, match="before start"):
        retention_counts(RETENTION_ORDERS, "2026-01-20", "2026-01-11")


def test_retention_counts_agree_with_period_churn_on_the_course_data():
    data = pytest.importorskip("rfmkit.data")
    orders = data.load_orders()
    row = retention_counts(orders, "2025-06-11", data.COURSE_ASOF).iloc[0]
    churn = rfmkit.period_churn(orders, [("2024-06-11", "2025-06-10"),
                                         ("2025-06-11", "2026-06-10")]).iloc[0]
    assert row["start_customers"] == churn["active_customers"]
    assert row["kept_customers"] == churn["retained_customers"]
    rate = retention_rate(row["start_customers"], row["end_customers"], row["new_customers"])
    assert round(rate, 1) == churn["retention_rate"]
