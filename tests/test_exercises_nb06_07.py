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


def next_birthday_days(born: pd.Series, asof: pd.Timestamp) -> pd.Series:
    """Days to the next birthday, counted with Python dates (29 February -> 28 February)."""
    import datetime as dt

    def days(b):
        for year in (asof.year, asof.year + 1):
            try:
                d = dt.date(year, b.month, b.day)
            except ValueError:
                d = dt.date(year, 2, 28)
            if d >= asof.date():
                return (d - asof.date()).days
        raise AssertionError(b)

    return born.map(days)


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
def test_nb07_q1_first_orders_by_hand(purchases):
    first = purchases.sort_values(["customer_id", "day", "order_id"]).drop_duplicates(
        "customer_id")
    since = COURSE_ASOF - pd.Timedelta(days=90)
    new = first[first["day"] >= since]
    in_band = (new["amount"] >= 100) & (new["amount"] < 200)
    assert nb07.q1.expected() == int(in_band.sum()) > 0


def test_nb07_q2_highest_lift_with_lipstick_by_hand():
    orders = load_orders()
    orders = orders[(orders["order_date"] <= COURSE_ASOF) & (orders["amount"] > 0)]
    baskets = orders.groupby("customer_id")["product_id"].agg(set)
    n = len(baskets)
    with_lipstick = baskets[baskets.map(lambda b: "P020" in b)]
    share = {p: baskets.map(lambda b, p=p: p in b).mean() for p in load_products()["product_id"]}
    lifts = {}
    for product, bought in share.items():
        if product == "P020" or bought == 0:
            continue
        both = with_lipstick.map(lambda b, p=product: p in b).sum()
        if both / n >= 0.005:
            lifts[product] = (both / n) / (share["P020"] * bought)
    ranked = sorted(lifts.items(), key=lambda kv: -kv[1])
    assert ranked[0][1] > ranked[1][1] + 1e-9, "the top product must be unique"
    assert nb07.q2.expected() == ranked[0][0]


@pytest.mark.parametrize("spelling", ["P021", "p021", "Face Serum", "face serum", "精华液"])
def test_nb07_q2_accepts_id_or_name(spelling):
    nb07.q2.check(spelling)
    assert nb07.q2.last_result == CORRECT


def test_nb07_q3_coffee_tag_by_hand():
    orders = load_orders()
    hits = orders[(orders["product_id"] == "P019") & (orders["amount"] > 0)
                  & (orders["order_date"] >= "2026-01-01") & (orders["order_date"] <= "2026-06-10")]
    times = hits.groupby("customer_id")["order_id"].nunique()
    assert nb07.q3.expected() == int((times >= 2).sum()) > 0


def test_nb07_q4_new_share_in_may_2026(purchases):
    first = purchases.groupby("customer_id")["day"].min()
    may = purchases[(purchases["day"] >= "2026-05-01") & (purchases["day"] <= "2026-05-31")]
    buyers = set(may["customer_id"])
    new = {c for c in buyers if first[c] >= pd.Timestamp("2026-05-01")}
    assert nb07.q4.expected() == pytest.approx(round(100 * len(new) / len(buyers), 1))


def test_nb07_q5_income_band_over_represented_among_win_back(purchases):
    orders = load_orders()
    orders = orders[orders["order_date"] <= COURSE_ASOF]
    per_customer = orders.groupby("customer_id")
    last = purchases.groupby("customer_id")["day"].max()
    last = last.reindex(per_customer.size().index).fillna(per_customer["order_date"].max())
    r = (COURSE_ASOF - last).dt.days
    f = purchases.groupby("customer_id").size().reindex(r.index, fill_value=0)
    m = per_customer["amount"].sum()
    win_back = r.index[(r >= r.mean()) & (f >= f.mean()) & (m >= m.mean())]
    members = load_members()
    group = members[members["customer_id"].isin(win_back)]
    shares = (group["income_band"].value_counts(normalize=True)
              - members["income_band"].value_counts(normalize=True)).fillna(
        -members["income_band"].value_counts(normalize=True))
    ordered = shares.sort_values(ascending=False)
    assert ordered.iloc[0] > ordered.iloc[1] + 0.005, "the top band must be clear"
    assert nb07.q5.expected() == ordered.index[0]


@pytest.mark.parametrize("spelling", ["9001+", "9001以上", "9001 or more", " 9001+ ", "9001"])
def test_nb07_q5_accepts_ways_to_write_the_band(spelling):
    assert nb07.q5.expected() == "9001+"
    nb07.q5.check(spelling)
    assert nb07.q5.last_result == CORRECT


def test_nb07_q5_an_under_represented_band_is_wrong():
    # 3001-6000 is the most common band among all members, and less common among win-back
    nb07.q5.check("3001-6000")
    assert nb07.q5.last_result == INCORRECT


def test_answers_do_not_depend_on_the_language():
    values = {}
    for lang in ("en", "zh"):
        rfmkit.use_language(lang)
        values[lang] = [q.expected() for q in (nb06.q4, nb06.q3, nb07.q1, nb07.q2, nb07.q5)]
    rfmkit.use_language("en")
    assert values["en"] == values["zh"]
    assert np.isfinite(values["en"][1])
