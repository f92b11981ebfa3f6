"""New customers and preferences: first-order bands, products near the ticket, new vs
returning, top products, co-occurrence, tags and segment profiles. Hand-made fixtures."""

import math

import numpy as np
import pandas as pd
import pytest

import rfmkit
from rfmkit.preferences import (
    co_occurrence,
    cross_sell,
    customers_with_tag,
    first_order_bands,
    first_orders,
    join_tags,
    new_vs_returning,
    products_near_ticket,
    segment_profile,
    tag_customers,
    tags_by_segment,
    top_categories,
    top_products,
)

ASOF = "2026-06-10"


def orders_frame(rows):
    return pd.DataFrame(
        rows, columns=["order_id", "customer_id", "order_date", "product_id", "amount"]
    )


# ---------------------------------------------------------------------------------------------
# first orders and bands

FIRST = orders_frame(
    [
        ("O1", "A", "2026-01-05", "P1", 30.0),  # first order = both lines: 50 -> [50, 100)
        ("O1", "A", "2026-01-05", "P2", 20.0),
        ("O2", "A", "2026-02-01", "P1", 300.0),
        ("O3", "B", "2026-01-10", "P1", 49.99),  # [0, 50)
        ("R0", "C", "2026-01-01", "P1", -10.0),  # a refund is not a first order
        ("O4", "C", "2026-01-03", "P1", 100.0),  # exactly 100 -> [100, 200)
        ("O6", "D", "2026-01-07", "P1", 500.0),  # same day: the smaller order id (O5) is first
        ("O5", "D", "2026-01-07", "P1", 20.0),
        ("O7", "E", "2026-03-01", "P1", 500.0),  # [500, inf)
        ("O8", "F", "2026-07-01", "P1", 80.0),  # after asof: not counted
        ("O9", "G", "2026-02-02", "P1", 199.99),  # [100, 200)
    ]
)


def test_first_orders_by_hand():
    first = first_orders(FIRST, asof=ASOF)
    assert list(first.index) == ["A", "B", "C", "D", "E", "G"]
    assert first.loc["A", "first_ticket"] == pytest.approx(50.0)
    assert first.loc["A", "first_order_id"] == "O1"
    assert first.loc["D", "first_order_id"] == "O5"
    assert first.loc["C", "first_order_date"] == pd.Timestamp("2026-01-03")
    assert list(first["ticket_band"]) == ["[50, 100)", "[0, 50)", "[100, 200)", "[0, 50)",
                                          "[500, ∞)", "[100, 200)"]


def test_first_order_bands_counts_and_shares():
    bands = first_order_bands(FIRST, asof=ASOF)
    assert list(bands["ticket_band"]) == ["[0, 50)", "[50, 100)", "[100, 200)", "[200, 500)",
                                          "[500, ∞)"]
    assert list(bands["customers"]) == [2, 1, 2, 0, 1]
    assert str(bands["customers"].dtype) == "int64"
    assert list(bands["customer_share"]) == [33.3, 16.7, 33.3, 0.0, 16.7]
    assert bands.attrs["customers"] == 6
    assert math.isinf(bands["band_upper"].iloc[-1])


def test_first_order_bands_custom_edges_and_outside():
    bands = first_order_bands(FIRST, (0, 100, 200), asof=ASOF)
    assert list(bands["ticket_band"]) == ["[0, 100)", "[100, 200)", "outside"]
    assert list(bands["customers"]) == [3, 2, 1]  # 500 is outside [0, 200)
    assert str(bands["customers"].dtype) == "int64"
    assert bands["customer_share"].sum() == pytest.approx(100.0)


def test_first_order_bands_since():
    bands = first_order_bands(FIRST, asof=ASOF, since="2026-01-08")
    assert bands.attrs["customers"] == 3  # B (01-10), G (02-02), E (03-01)
    assert list(bands["customers"]) == [1, 0, 1, 0, 1]


@pytest.mark.parametrize("edges", [(0, 50, 50), (100, 50), (5,), (0, float("nan"), 9)])
def test_edges_must_increase(edges):
    with pytest.raises(ValueError):
        first_order_bands(FIRST, edges, asof=ASOF)


# ---------------------------------------------------------------------------------------------
# products near the first ticket

NEAR_PRODUCTS = pd.DataFrame(
    {
        "product_id": ["P1", "P2", "P3", "P4", "P5", "P6", "P7"],
        "name": ["eighty", "one-twenty", "just under", "just over", "hundred a", "hundred b",
                 "ninety-five"],
        "name_zh": ["八十", "一百二", "略低", "略高", "一百甲", "一百乙", "九十五"],
        "category": ["snacks"] * 7,
        "price": [80.0, 120.0, 79.99, 120.01, 100.0, 100.0, 95.0],
    }
)
TICKETS = pd.DataFrame({"first_ticket": [100.0, 10.0]}, index=pd.Index(["X", "Y"],
                                                                         name="customer_id"))


def test_products_near_ticket_closest_first_ties_by_id():
    near = products_near_ticket(TICKETS, NEAR_PRODUCTS)
    assert list(near["product_id"]) == ["P5", "P6", "P7"]
    assert list(near["rank"]) == [1, 2, 3]
    assert near.loc[2, "difference"] == -5.0 and near.loc[2, "difference_pct"] == -5.0
    assert near.attrs["without_match"] == ["Y"]


def test_products_near_ticket_bounds_are_inclusive():
    near = products_near_ticket(TICKETS, NEAR_PRODUCTS, top=10)
    # 80 and 120 are exactly 20 % away: in; 79.99 and 120.01 are just outside
    assert list(near["product_id"]) == ["P5", "P6", "P7", "P1", "P2"]
    assert list(near["difference_pct"]) == [0.0, 0.0, -5.0, -20.0, 20.0]
    # the data's own names, both of them: display chooses
    assert list(near.loc[0, ["name", "name_zh", "category"]]) == ["hundred a", "一百甲", "snacks"]
    rfmkit.use_language("zh")
    pd.testing.assert_frame_equal(products_near_ticket(TICKETS, NEAR_PRODUCTS, top=10), near)


def test_products_near_ticket_takes_first_orders_output_and_validates():
    first = first_orders(FIRST, asof=ASOF)
    near = products_near_ticket(first, NEAR_PRODUCTS, tolerance=0.25)
    # only C's 100-yuan ticket has products within ±25 % (75-125 yuan)
    assert set(near["customer_id"]) == {"C"}
    assert near.attrs["without_match"] == ["A", "B", "D", "E", "G"]
    with pytest.raises(ValueError):
        products_near_ticket(TICKETS, NEAR_PRODUCTS, tolerance=-0.1)
    with pytest.raises(ValueError):
        products_near_ticket(TICKETS, NEAR_PRODUCTS, top=0)


# ---------------------------------------------------------------------------------------------
# new vs returning

VISITS = orders_frame(
    [
        ("O1", "U1", "2026-01-05", "P1", 10.0),
        ("O2", "U1", "2026-01-20", "P1", 10.0),  # same month again: counted once
        ("O3", "U1", "2026-03-02", "P1", 10.0),  # returning in March
        ("O4", "U2", "2026-01-10", "P1", 10.0),
        ("R4", "U2", "2026-02-01", "P1", -10.0),  # a refund is not a purchase
        ("O5", "U3", "2026-03-15", "P1", 10.0),
    ]
)


def test_new_vs_returning_by_month():
    table = new_vs_returning(VISITS)
    assert list(table["period_start"]) == list(pd.to_datetime(["2026-01-01", "2026-02-01",
                                                               "2026-03-01"]))
    assert list(table["customers"]) == [2, 0, 2]
    assert list(table["new_customers"]) == [2, 0, 1]
    assert list(table["returning_customers"]) == [0, 0, 1]
    assert list(table["new_share"]) == [100.0, 0.0, 50.0]
    assert list(table["returning_share"]) == [0.0, 0.0, 50.0]


def test_new_vs_returning_by_quarter_and_asof():
    quarter = new_vs_returning(VISITS, "QS")
    assert list(quarter["customers"]) == [3] and list(quarter["new_customers"]) == [3]
    cut = new_vs_returning(VISITS, asof="2026-02-28")
    assert list(cut["customers"]) == [2]
    with pytest.raises(ValueError, match="freq"):
        new_vs_returning(VISITS, "W")


# ---------------------------------------------------------------------------------------------
# top products and categories

SHOP = pd.DataFrame(
    {
        "product_id": ["P1", "P2", "P3"],
        "name": ["Crisps", "Lipstick", "Towel"],
        "name_zh": ["薯片", "口红", "毛巾"],
        "category": ["snacks", "beauty", "home"],
        "price": [10.0, 50.0, 80.0],
    }
)
SPEND = orders_frame(
    [
        ("O1", "S1", "2026-05-01", "P1", 100.0),
        ("O1", "S1", "2026-05-01", "P2", 50.0),
        ("O2", "S2", "2026-05-02", "P1", 20.0),
        ("O2", "S2", "2026-05-02", "P3", 80.0),
        ("R2", "S2", "2026-05-03", "P3", -80.0),
        ("O3", "S3", "2026-05-04", "P2", 30.0),
        ("O4", "S4", "2026-05-05", "P3", 999.0),  # no group: left out
    ]
)
GROUPS = pd.Series({"S1": "a", "S2": "a", "S3": "b"})


def test_top_products_per_group():
    top = top_products(SPEND, SHOP, GROUPS)
    a = top[top["group"] == "a"]
    assert list(a["product_id"]) == ["P1", "P2", "P3"]
    assert list(a["name"]) == ["Crisps", "Lipstick", "Towel"]
    assert list(a["name_zh"]) == ["薯片", "口红", "毛巾"]
    assert list(a["category"]) == ["snacks", "beauty", "home"]
    assert list(a["spend"]) == [120.0, 50.0, 0.0]
    assert list(a["buyers"]) == [2, 1, 1]
    assert list(a["spend_share"]) == [70.6, 29.4, 0.0]
    b = top[top["group"] == "b"]
    assert list(b["product_id"]) == ["P2"] and list(b["spend_share"]) == [100.0]
    assert list(top_products(SPEND, SHOP, GROUPS, n=2)["product_id"]) == ["P1", "P2", "P2"]
    assert top.attrs["lines_without_group"] == 1


def test_top_products_by_buyers_everyone_and_segments_frame():
    by_buyers = top_products(SPEND, SHOP, GROUPS, rank_by="buyers")
    assert list(by_buyers[by_buyers["group"] == "a"]["product_id"]) == ["P1", "P2", "P3"]
    everyone = top_products(SPEND, SHOP)
    assert list(everyone["product_id"]) == ["P3", "P1", "P2"]
    assert set(everyone["group"]) == {"all"}
    frame = pd.DataFrame({"segment": GROUPS})
    assert top_products(SPEND, SHOP, frame).equals(top_products(SPEND, SHOP, GROUPS))
    with pytest.raises(ValueError, match="rank_by"):
        top_products(SPEND, SHOP, GROUPS, rank_by="price")


def test_top_categories():
    top = top_categories(SPEND, SHOP, GROUPS)
    a = top[top["group"] == "a"]
    assert list(a["category"]) == ["snacks", "beauty", "home"]
    assert list(a["spend"]) == [120.0, 50.0, 0.0]
    assert list(a["buyers"]) == [2, 1, 1]
    assert list(top.columns) == ["group", "rank", "category", "spend", "buyers", "spend_share"]
    rfmkit.use_language("zh")  # codes, not names: the same frame in any language
    pd.testing.assert_frame_equal(top_categories(SPEND, SHOP, GROUPS), top)


# ---------------------------------------------------------------------------------------------
# co-occurrence

BASKETS = orders_frame(
    [
        ("O1", "c1", "2026-01-01", "A", 1.0),
        ("O1", "c1", "2026-01-01", "B", 1.0),
        ("O9", "c1", "2026-02-01", "A", 1.0),  # A again: still one customer
        ("O2", "c2", "2026-01-02", "A", 1.0),
        ("O2", "c2", "2026-01-02", "B", 1.0),
        ("O2", "c2", "2026-01-02", "C", 1.0),
        ("O3", "c3", "2026-01-03", "A", 1.0),
        ("O4", "c4", "2026-01-04", "B", 1.0),
        ("O5", "c4", "2026-01-05", "C", 1.0),  # different orders, same customer basket
        ("O6", "c5", "2026-01-06", "C", 1.0),
        ("R6", "c5", "2026-01-07", "A", -1.0),  # a refund line is not a purchase
    ]
)


def test_co_occurrence_by_hand():
    # N = 5; A, B, C each bought by 3 customers (support 0.6).
    # AB: c1, c2 -> support 0.4, confidence 2/3, lift 0.4 / 0.36 = 1.111...
    # BC: c2, c4 -> the same; AC: c2 only -> support 0.2, confidence 1/3, lift 0.2 / 0.36
    pairs = co_occurrence(BASKETS, min_support=0.3)
    assert pairs.attrs["customers"] == 5
    assert list(zip(pairs["item_a"], pairs["item_b"], strict=True)) == [
        ("A", "B"), ("B", "A"), ("B", "C"), ("C", "B")]
    first = pairs.iloc[0]
    assert (first["customers_a"], first["customers_b"], first["customers_both"]) == (3, 3, 2)
    assert first["support"] == pytest.approx(0.4)
    assert first["confidence"] == pytest.approx(2 / 3)
    assert first["lift"] == pytest.approx(0.4 / (0.6 * 0.6))
    lower = co_occurrence(BASKETS, min_support=0.2)
    assert len(lower) == 6
    ac = lower[(lower["item_a"] == "A") & (lower["item_b"] == "C")].iloc[0]
    assert ac["support"] == pytest.approx(0.2)
    assert ac["confidence"] == pytest.approx(1 / 3)
    assert ac["lift"] == pytest.approx(0.2 / 0.36)
    assert co_occurrence(BASKETS, min_support=0.41).empty
    with pytest.raises(ValueError):
        co_occurrence(BASKETS, min_support=1.5)


def test_co_occurrence_exact_threshold_and_asof():
    # support exactly 0.4 (2 of 5) passes min_support 0.4
    assert len(co_occurrence(BASKETS, min_support=0.4)) == 4
    early = co_occurrence(BASKETS, min_support=0.0, asof="2026-01-02")
    assert early.attrs["customers"] == 2  # c1 and c2 only


# ---------------------------------------------------------------------------------------------
# tags

TAG_ORDERS = orders_frame(
    [
        ("O1", "T1", "2026-03-01", "P1", 10.0),  # first day: in
        ("O2", "T1", "2026-03-31", "P1", 10.0),  # last day: in
        ("O3", "T2", "2026-03-10", "P1", 10.0),  # one order with both products: once
        ("O3", "T2", "2026-03-10", "P2", 10.0),
        ("O4", "T3", "2026-02-28", "P1", 10.0),  # day before start: out
        ("O5", "T3", "2026-04-01", "P1", 10.0),  # day after end: out
        ("O6", "T3", "2026-03-15", "P1", 10.0),
        ("O7", "T4", "2026-03-05", "P2", 10.0),
        ("O8", "T4", "2026-03-06", "P2", 10.0),
        ("O9", "T4", "2026-03-07", "P2", 10.0),
        ("O10", "T5", "2026-03-07", "P3", 10.0),  # other product
        ("R11", "T6", "2026-03-07", "P1", -10.0),  # refund line: not a purchase
    ]
)


def tag(min_times=1, max_times=None, name="hair"):
    return tag_customers(TAG_ORDERS, ["P1", "P2"], "2026-03-01", "2026-03-31",
                         min_times=min_times, max_times=max_times, tag=name)


def test_tag_customers_counts_orders_in_the_inclusive_range():
    tags = tag()
    assert list(tags.index) == ["T1", "T2", "T3", "T4"]
    assert list(tags["times"]) == [2, 1, 1, 3]
    assert set(tags["tag"]) == {"hair"}
    assert tags.loc["T1", "first_date"] == pd.Timestamp("2026-03-01")
    assert tags.loc["T1", "last_date"] == pd.Timestamp("2026-03-31")


def test_tag_bounds():
    assert list(tag(min_times=2).index) == ["T1", "T4"]  # exactly min (2) is in
    assert list(tag(min_times=2, max_times=2).index) == ["T1"]
    assert list(tag(min_times=3, max_times=3).index) == ["T4"]  # exactly max is in
    assert list(tag(max_times=2).index) == ["T1", "T2", "T3"]  # T4 has max + 1 = 3: out
    assert tag(min_times=4).empty


@pytest.mark.parametrize(
    "kwargs",
    [
        {"min_times": 0},
        {"min_times": 3, "max_times": 2},
        {"products": []},
        {"products": "P1"},
        {"start": "2026-04-01"},
        {"tag": ""},
    ],
)
def test_tag_validation(kwargs):
    args = {"products": ["P1"], "start": "2026-03-01", "end": "2026-03-31", "tag": "x",
            **kwargs}
    with pytest.raises(ValueError):
        tag_customers(TAG_ORDERS, **args)


def test_tags_combine_and_join_with_segments():
    both = pd.concat([tag(name="hair"), tag(min_times=2, name="hair fan")])
    assert customers_with_tag(both, "hair fan") == ["T1", "T4"]
    assert customers_with_tag(both, "hair") == ["T1", "T2", "T3", "T4"]
    assert customers_with_tag(both, "nothing") == []
    segments = pd.DataFrame({"segment": ["maintain", "develop", "maintain", "no_value"]},
                            index=pd.Index(["T1", "T2", "T5", "T9"], name="customer_id"))
    joined = join_tags(segments, both)
    assert list(joined["tags"]) == ["hair, hair fan", "hair", "", ""]
    assert "tags" not in segments.columns
    table = tags_by_segment(both, segments)
    assert table.loc["hair", "maintain"] == 1 and table.loc["hair", "develop"] == 1
    assert table.loc["hair", "(none)"] == 2  # T3, T4 have no segment
    assert table.loc["hair fan", "maintain"] == 1 and table.loc["hair fan", "(none)"] == 1


# ---------------------------------------------------------------------------------------------
# segment profile

MEMBERS = pd.DataFrame(
    {
        "customer_id": ["M1", "M2", "M3", "M4", "M5"],
        "age_band": ["18-25", "18-25", "26-35", "65+", ""],
        "gender": ["F", "F", "M", "M", "F"],
    }
)


def test_segment_profile_by_hand():
    profile = segment_profile(MEMBERS, ["M1", "M2", "M3", "ZZ"], fields=("age_band", "gender"))
    assert profile.attrs == {"segment_size": 3, "members": 5, "not_in_members": 1}
    age = profile[profile["field"] == "age_band"]
    assert list(age["value"]) == ["18-25", "26-35", "65+", "(missing)"]  # the code of a blank
    assert list(age["segment_customers"]) == [2, 1, 0, 0]
    assert list(age["segment_share"]) == [66.7, 33.3, 0.0, 0.0]
    assert list(age["all_share"]) == [40.0, 20.0, 20.0, 20.0]
    assert list(age["all_customers"]) == [2, 1, 1, 1]
    assert list(age["difference_pct_points"]) == [26.7, 13.3, -20.0, -20.0]
    gender = profile[profile["field"] == "gender"]
    assert list(gender["value"]) == ["F", "M"]
    assert list(gender["segment_share"]) == [66.7, 33.3]
    with pytest.raises(ValueError, match="income_band"):
        segment_profile(MEMBERS, ["M1"], fields=("income_band",))


def test_segment_profile_is_the_one_profile_comparison_rounded():
    from rfmkit.case import group_profile

    members = MEMBERS.rename(columns={"customer_id": "member_id"})
    exact = group_profile(members, ["M1", "M2", "M3"], fields=("age_band", "gender"))
    rounded = segment_profile(MEMBERS, ["M1", "M2", "M3"], fields=("age_band", "gender"))
    assert list(zip(rounded["field"], rounded["value"], strict=True)) == list(exact.index)
    assert list(rounded["segment_customers"]) == list(exact["group_members"])
    assert list(rounded["all_customers"]) == list(exact["reference_members"])
    assert list(rounded["segment_share"]) == list(exact["group_share_pct"].round(1))
    rfmkit.use_language("zh")
    pd.testing.assert_frame_equal(
        segment_profile(MEMBERS, ["M1", "M2", "M3"], fields=("age_band", "gender")), rounded)


# one purchase rule (rfmkit.orders): lines netted per order in whole fen, dated by the first
# line; 0.10 + 0.20 - 0.30 is exactly 0, so order N1 is no purchase and buys nothing
NETTED = orders_frame(
    [
        ("N1", "K", "2026-01-02", "A", 0.10),
        ("N1", "K", "2026-01-02", "B", 0.20),
        ("N1", "K", "2026-01-02", "A", -0.30),
        ("N2", "K", "2026-01-05", "A", 10.0),  # K's first purchase, 10 yuan
        ("N2", "K", "2026-01-05", "B", 5.0),
        ("N3", "L", "2026-01-30", "B", 20.0),  # dated 01-30 by its first line ...
        ("N3", "L", "2026-02-03", "B", -5.0),  # ... a later refund line does not move it
    ]
)


def test_preferences_follow_the_one_purchase_rule():
    first = first_orders(NETTED, asof=ASOF)
    assert list(first["first_order_id"]) == ["N2", "N3"]
    assert list(first["first_ticket"]) == [15.0, 15.0]
    assert list(first["first_order_date"]) == list(pd.to_datetime(["2026-01-05", "2026-01-30"]))
    assert list(new_vs_returning(NETTED)["customers"]) == [2]  # both in January, none in Feb
    # K bought A and B together only in N2: one basket {A, B}; L's basket is {B}
    pairs = co_occurrence(NETTED, min_support=0.0)
    assert pairs.attrs["customers"] == 2
    assert list(zip(pairs["item_a"], pairs["customers_both"], strict=True)) == [("A", 1),
                                                                                 ("B", 1)]
    # in January only N2 and N3 count (N3 is dated 01-30 although a line is in February)
    tags = tag_customers(NETTED, ["A", "B"], "2026-01-01", "2026-01-31", tag="ab")
    assert list(tags.index) == ["K", "L"] and list(tags["times"]) == [1, 1]
    assert tags.loc["L", "last_date"] == pd.Timestamp("2026-01-30")
    assert tag_customers(NETTED, ["A"], "2026-01-01", "2026-01-04", tag="a").empty
    top = top_products(NETTED, SHOP.assign(product_id=["A", "B", "C"]))
    assert list(top["product_id"]) == ["B", "A"]
    assert list(top["spend"]) == [20.2, 9.8]  # B: 0.20 + 5 + 20 - 5; A: 0.10 + 10 - 0.30
    assert list(top["buyers"]) == [2, 1]  # K bought A only in N2; the N1 lines buy nothing


def test_inputs_are_not_mutated():
    copies = [FIRST.copy(), SPEND.copy(), BASKETS.copy(), TAG_ORDERS.copy(), MEMBERS.copy()]
    first_order_bands(FIRST, asof=ASOF)
    top_products(SPEND, SHOP, GROUPS)
    co_occurrence(BASKETS)
    tag()
    segment_profile(MEMBERS, ["M1"], ("age_band", "gender"))
    for before, after in zip(copies, [FIRST, SPEND, BASKETS, TAG_ORDERS, MEMBERS], strict=True):
        pd.testing.assert_frame_equal(before, after)
    assert np.isfinite(first_orders(FIRST, asof=ASOF)["first_ticket"]).all()


# ---------------------------------------------------------------------------------------------
# cross-selling

BASKET_PRODUCTS = pd.DataFrame(
    {
        "product_id": ["A", "B", "C"],
        "name": ["Apple", "Bread", "Cheese"],
        "name_zh": ["苹果", "面包", "奶酪"],
        "category": ["fruit", "bakery", "dairy"],
        "price": [5.0, 8.0, 30.0],
    }
)


def test_cross_sell_by_hand():
    # from test_co_occurrence_by_hand: A -> B lift 1.111 (c1, c2), A -> C lift 0.556 (c2)
    pairs = co_occurrence(BASKETS, min_support=0.2)
    suggestions = cross_sell(pairs, BASKET_PRODUCTS, "A")
    assert list(suggestions["product_id"]) == ["B", "C"]
    assert list(suggestions["rank"]) == [1, 2]
    assert list(suggestions["customers_both"]) == [2, 1]
    assert suggestions["lift"].tolist() == pytest.approx([0.4 / 0.36, 0.2 / 0.36])
    assert suggestions["confidence"].tolist() == pytest.approx([2 / 3, 1 / 3])
    assert list(suggestions["name"]) == ["Bread", "Cheese"]
    assert list(suggestions["name_zh"]) == ["面包", "奶酪"]
    assert list(suggestions["category"]) == ["bakery", "dairy"]
    assert list(suggestions["price"]) == [8.0, 30.0]
    assert list(cross_sell(pairs, BASKET_PRODUCTS, "A", n=1)["product_id"]) == ["B"]
    rfmkit.use_language("zh")
    pd.testing.assert_frame_equal(cross_sell(pairs, BASKET_PRODUCTS, "A"), suggestions)


def test_cross_sell_ties_empty_and_errors():
    # B -> A and B -> C have the same lift and confidence (2 customers each): by id
    pairs = co_occurrence(BASKETS, min_support=0.2)
    assert list(cross_sell(pairs, BASKET_PRODUCTS, "B")["product_id"]) == ["A", "C"]
    high = co_occurrence(BASKETS, min_support=0.41)
    assert cross_sell(high, BASKET_PRODUCTS, "A").empty
    with pytest.raises(ValueError, match="not among the products"):
        cross_sell(pairs, BASKET_PRODUCTS, "Z")
    with pytest.raises(ValueError, match="n must be"):
        cross_sell(pairs, BASKET_PRODUCTS, "A", n=0)
