"""Notebooks 06-07: each exercise's expected answer computed a second, independent way from the
course data (plain pandas, not the rfmkit function the solution uses), and the spellings the
text answers accept. The generic checks of every exercise are in tests/test_exercises.py."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import rfmkit
from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
from rfmkit.exercises import CORRECT, INCORRECT, nb06, nb07


@pytest.fixture(scope="module")
def purchases():
    """One row per purchase up to COURSE_ASOF: the order's total is positive."""
    orders = load_orders()
    orders = orders[orders["order_date"] <= COURSE_ASOF]
    per_order = orders.groupby(["customer_id", "order_id"], as_index=False).agg(
        amount=("amount", "sum"), day=("order_date", "min"))
    per_order["amount"] = per_order["amount"].round(2)
    return per_order[per_order["amount"] > 0]


# ---- notebook 06 ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def rfm_by_hand(purchases):
    """Recency (days), frequency and monetary per customer with plain pandas, and the lesson's
    mean-cut flags (ties go up)."""
    orders = load_orders()
    orders = orders[orders["order_date"] <= COURSE_ASOF]
    table = pd.DataFrame({
        "recency": (COURSE_ASOF - purchases.groupby("customer_id")["day"].max()).dt.days,
        "frequency": purchases.groupby("customer_id").size(),
    })
    table["monetary"] = orders.groupby("customer_id")["amount"].sum().reindex(table.index)
    for column in ("recency", "frequency", "monetary"):
        table[f"{column}_up"] = table[column] >= table[column].mean()
    return table


def test_nb06_q1_services_add_up_to_every_customer(purchases):
    counts = nb06.q1.expected()
    assert counts.sum() == purchases["customer_id"].nunique() == 3000
    assert set(counts.index) <= set(rfmkit.service.SERVICES)
    # the no-value customers (1,079 of them, see q2's fixture) all get the care greeting
    assert counts["care_greeting"] >= 1079
    nb06.q1.check(counts.sort_index())  # order does not matter
    assert nb06.q1.last_result == CORRECT
    nb06.q1.check(counts.drop("coupon"))
    assert nb06.q1.last_result == INCORRECT


def test_nb06_q2_maintain_stages_by_hand(rfm_by_hand):
    t = rfm_by_hand
    maintain = t[~t["recency_up"] & t["frequency_up"] & t["monetary_up"]]
    stage = np.where(maintain["recency"] <= 90, "active",
                     np.where(maintain["recency"] <= 180, "sleeping", "lost"))
    by_hand = pd.Series(stage).value_counts()
    expected = nb06.q2.expected()
    assert expected.sort_index().to_dict() == by_hand.sort_index().to_dict()
    assert expected["lost"] == 67  # the customers the two rulers disagree on (issue 11)
    # every one of them is more recent than the mean cut, yet past 180 days
    lost = maintain[maintain["recency"] > 180]
    assert (lost["recency"] < t["recency"].mean()).all()


def test_nb06_q3_csat_by_hand():
    answers = satisfaction_answers()
    by_hand = 100 * sum(1 for a in answers if a in (4, 5)) / len(answers)
    assert nb06.q3.expected() == pytest.approx(round(by_hand, 1))
    assert nb06.q3.expected() == pytest.approx(round(rfmkit.csat(answers), 1))


def satisfaction_answers() -> list[int]:
    from rfmkit.data import load_questionnaire

    return [int(a) for a in load_questionnaire()["satisfaction"].dropna()]


@pytest.mark.parametrize("question", ["q4", "q5", "q6"])
def test_nb06_judgements_explain_every_wrong_option(question):
    q = getattr(nb06, question)
    assert q.expected() == "B"
    for letter in "ACD":
        for language in ("zh", "en"):
            rfmkit.use_language(language)
            assert q.kind.explanations[letter][language]
    q.check("b")
    assert q.last_result == CORRECT
    q.check("A")
    assert q.last_result == INCORRECT
    rfmkit.use_language("en")


def test_nb06_intro_example_matches_the_plan():
    # issue 11: the opening example and the plan agree on C00002's service and channel
    from pathlib import Path

    source = (Path(__file__).parent.parent / "notebooks" / "source"
              / "06-personalised-service.md").read_text(encoding="utf-8")
    intro_zh = source.split("# 06 ·")[1].split("+++")[0]
    intro_en = source.split("# 06 ·")[2].split("+++")[0]
    features = rfmkit.customer_features(load_orders(), load_members(), load_products(),
                                        COURSE_ASOF)
    row = rfmkit.service_plan(features, COURSE_ASOF).set_index("customer_id").loc["C00002"]
    assert (row["service"], row["channel"]) == ("win_back_offer", "WeChat")
    assert "C00002" in intro_zh and "专属回归优惠" in intro_zh and "微信" in intro_zh
    assert "电话" not in intro_zh
    assert "win-back offer" in intro_en and "WeChat" in intro_en and "phone" not in intro_en


# ---- notebook 07 ---------------------------------------------------------------------------------
def coffee_times_by_hand() -> dict:
    """Customer -> distinct orders with a positive coffee-bean line, 2026-01-01..2026-06-10,
    counted with plain Python sets."""
    orders = load_orders()
    seen: dict[str, set] = {}
    for row in orders.itertuples():
        day = row.order_date.strftime("%Y-%m-%d")
        if row.product_id == "P019" and row.amount > 0 and "2026-01-01" <= day <= "2026-06-10":
            seen.setdefault(row.customer_id, set()).add(row.order_id)
    return {customer: len(ids) for customer, ids in seen.items()}


def test_nb07_q1_coffee_times_by_hand():
    expected = nb07.q1.expected()
    assert expected.to_dict() == coffee_times_by_hand()
    nb07.q1.check(expected.sort_values())  # order does not matter
    assert nb07.q1.last_result == CORRECT
    nb07.q1.check(expected + 1)
    assert nb07.q1.last_result == INCORRECT


def test_nb07_q2_coffee_regulars_by_hand():
    by_hand = sum(1 for times in coffee_times_by_hand().values() if times >= 2)
    assert nb07.q2.expected() == by_hand > 0
    from rfmkit.preferences import tag_customers

    tagged = tag_customers(load_orders(), ["P019"], "2026-01-01", "2026-06-10", min_times=2,
                           tag="x")
    assert len(tagged) == by_hand


def test_nb07_q3_buyers_per_category_by_hand():
    category = dict(zip(load_products()["product_id"], load_products()["category"], strict=True))
    buyers: dict[str, set] = {}
    for row in load_orders().itertuples():
        if row.order_date <= COURSE_ASOF and row.amount > 0:
            buyers.setdefault(category[row.product_id], set()).add(row.customer_id)
    assert nb07.q3.expected().to_dict() == {c: len(ids) for c, ids in buyers.items()}


@pytest.mark.parametrize("question", ["q4", "q5"])
def test_nb07_judgements_explain_every_wrong_option(question):
    q = getattr(nb07, question)
    assert q.expected() == "B"
    assert set(q.kind.explanations) == {"A", "C", "D"}
    q.check("(B)")
    assert q.last_result == CORRECT
    q.check("D")
    assert q.last_result == INCORRECT


def test_answers_do_not_depend_on_the_language():
    values = {}
    for lang in ("en", "zh"):
        rfmkit.use_language(lang)
        values[lang] = [q.expected() for q in (nb06.q4, nb06.q3, nb07.q2, nb07.q4, nb07.q5)]
    rfmkit.use_language("en")
    assert values["en"] == values["zh"]
    assert np.isfinite(values["en"][1])
