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
def test_nb06_q1_birthday_gifts_are_the_birthdays_within_14_days():
    # The birthday rule is tried first, so every customer (anyone with an order up to the
    # course date) whose next birthday is 0-14 days away gets the gift, and nobody else.
    orders = load_orders()
    customers = set(orders.loc[orders["order_date"] <= COURSE_ASOF, "customer_id"])
    members = load_members()
    members = members[members["customer_id"].isin(customers) & members["birthday"].notna()]
    soon = next_birthday_days(members["birthday"], COURSE_ASOF) <= 14
    assert nb06.q1.expected() == int(soon.sum()) > 0


def test_nb06_q2_new_customers_of_the_last_7_days(purchases):
    counts = purchases.groupby("customer_id").size()
    once = purchases[purchases["customer_id"].isin(counts.index[counts == 1])]
    start = COURSE_ASOF - pd.Timedelta(days=7)
    by_hand = once[(once["day"] >= start) & (once["day"] <= COURSE_ASOF)]
    assert nb06.q2.expected() == len(by_hand) > 0
    assert nb06.q2.expected() < len(rfmkit.service.new_customer_care(load_orders(),
                                                                     COURSE_ASOF))


def test_nb06_q3_retention_by_hand(purchases):
    base = set(purchases.loc[(purchases["day"] >= "2024-06-11")
                             & (purchases["day"] <= "2025-06-10"), "customer_id"])
    period = set(purchases.loc[purchases["day"] >= "2025-06-11", "customer_id"])
    by_hand = 100 * len(base & period) / len(base)
    assert nb06.q3.expected() == pytest.approx(round(by_hand, 1))


def test_nb06_q4_cac_by_hand(purchases):
    first = purchases.groupby("customer_id")["day"].min()
    new = int((first >= pd.Timestamp(nb06.PERIOD_START)).sum())
    assert nb06.q4.expected() == pytest.approx(round(nb06.MARKETING_SPEND / new, 2))
    assert str(nb06.MARKETING_SPEND) in nb06.q4.code


def test_nb06_q5_birthdays_today():
    members = load_members()
    born = members["birthday"]
    today = members[(born.dt.month == COURSE_ASOF.month) & (born.dt.day == COURSE_ASOF.day)]
    assert nb06.q5.expected() == frozenset(today["customer_id"])
    assert len(nb06.q5.expected()) >= 2


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
        values[lang] = [q.expected() for q in (nb06.q1, nb06.q3, nb07.q1, nb07.q2, nb07.q5)]
    rfmkit.use_language("en")
    assert values["en"] == values["zh"]
    assert np.isfinite(values["en"][1])
