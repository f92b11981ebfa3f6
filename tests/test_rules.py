"""One home for each rule: every function that counts purchases agrees on one tricky log, and
computation gives the same result in every display language.

The log, worked out by hand (as of 2026-06-10):

- A: order A1 = 0.10 + 0.20 - 0.30 on 1 May: exactly 0 yuan, so no purchase.
- B: order B1 = 50.00 on 1 March (a purchase); order B2 = 100.00 on 1 April with a refund line
  of -100.00 in the same order on 5 April: fully refunded, no purchase.
- C: order C1 = 80.00 on 10 May with a partial refund line of -30.00 on 1 June: a purchase of
  50.00, dated 10 May (the refund line does not move the order).

So purchases: A none, B one (1 March, 50.00), C one (10 May, 50.00).
R: A 40 days (no purchase: counted from its last order, 1 May), B 101 days, C 31 days.
"""

from __future__ import annotations

import pandas as pd
import pytest

import rfmkit as rk
from rfmkit.orders import order_totals

ASOF = pd.Timestamp("2026-06-10")


@pytest.fixture
def tricky_log() -> pd.DataFrame:
    rows = [
        ("A", "A1", "2026-05-01", 0.10),
        ("A", "A1", "2026-05-01", 0.20),
        ("A", "A1", "2026-05-01", -0.30),
        ("B", "B1", "2026-03-01", 50.00),
        ("B", "B2", "2026-04-01", 100.00),
        ("B", "B2", "2026-04-05", -100.00),
        ("C", "C1", "2026-05-10", 80.00),
        ("C", "C1", "2026-06-01", -30.00),
    ]
    return pd.DataFrame(rows, columns=["customer_id", "order_id", "order_date", "amount"])


PURCHASES = {"A": [], "B": [("B1", "2026-03-01", 50.00)], "C": [("C1", "2026-05-10", 50.00)]}


def test_order_totals_is_the_rule(tricky_log):
    totals = order_totals(tricky_log, ASOF)
    bought = totals[totals["purchase"]]
    got = {
        c: [(o, f"{d:%Y-%m-%d}", a) for o, d, a in
            zip(g["order_id"], g["order_date"], g["amount"], strict=True)]
        for c, g in bought.groupby("customer_id")
    }
    assert got == {c: p for c, p in PURCHASES.items() if p}
    assert totals.set_index("order_id")["fen"].to_dict() == {
        "A1": 0, "B1": 5000, "B2": 0, "C1": 5000,
    }


def test_rfm_table_agrees(tricky_log):
    table = rk.rfm_table(tricky_log, ASOF)
    assert table["frequency"].to_dict() == {c: len(p) for c, p in PURCHASES.items()}
    assert table["monetary"].to_dict() == {"A": 0.0, "B": 50.0, "C": 50.0}
    assert table["recency_days"].to_dict() == {"A": 40, "B": 101, "C": 31}


def test_period_churn_agrees(tricky_log):
    # March-April: B bought (B1); May-June 10: C bought (C1). A's zero order is no purchase.
    churn = rk.period_churn(
        tricky_log, [("2026-03-01", "2026-04-30"), ("2026-05-01", "2026-06-10")]
    )
    row = churn.iloc[0]
    assert (row["active_customers"], row["retained_customers"], row["lost_customers"]) == (1, 0, 1)
    later = rk.period_churn(
        tricky_log, [("2026-05-01", "2026-05-31"), ("2026-06-01", "2026-06-10")]
    )
    # only C bought in May (A1 nets to 0; C1's June refund line does not move it to June)
    assert later.iloc[0]["active_customers"] == 1
    assert later.iloc[0]["retained_customers"] == 0


def test_lifecycle_stages_agree(tricky_log):
    stages = rk.lifecycle_stages(rk.rfm_table(tricky_log, ASOF))
    assert stages["stage"].to_dict() == {"A": "active", "B": "sleeping", "C": "active"}


def computations():
    """The main computations on the course data, as (name, thunk) pairs."""
    orders = rk.load_orders()
    table = rk.rfm_table(orders, rk.COURSE_ASOF)
    segments = rk.rfm_segments(table)
    tiers = rk.pyramid_tiers(table["monetary"])
    stages = rk.lifecycle_stages(table)
    return {
        "rfm_segments": lambda: rk.rfm_segments(table),
        "rfm_segments_classic8": lambda: rk.rfm_segments(table, "classic8"),
        "segment_summary": lambda: rk.segment_summary(segments, table),
        "scheme_table": lambda: rk.scheme_table(),
        "scheme_comparison": lambda: rk.scheme_comparison(table),
        "pyramid_tiers": lambda: tiers,
        "tier_summary": lambda: rk.tier_summary(tiers, with_key_row=True),
        "lifecycle_stages": lambda: stages,
        "stage_summary": lambda: rk.lifecycle.stage_summary(stages),
    }


@pytest.mark.parametrize("name", list(computations()))
def test_results_do_not_depend_on_the_language(name):
    thunk = computations()[name]
    try:
        rk.use_language("zh")
        in_zh = thunk()
        rk.use_language("en")
        in_en = thunk()
    finally:
        rk.use_language("en")
    pd.testing.assert_frame_equal(in_zh, in_en)


def test_localise_names_codes_in_both_languages():
    segments = rk.rfm_segments(rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF))
    try:
        rk.use_language("zh")
        zh = rk.localise(segments[["segment"]].head(50))
        rk.use_language("en")
        en = rk.localise(segments[["segment"]].head(50))
    finally:
        rk.use_language("en")
    assert list(zh.columns) == ["客户类型"] and list(en.columns) == ["customer type"]
    lesson = {
        "maintain": ("重要维护客户", "important: maintain"),
        "no_value": ("无价值客户", "no value"),
    }
    for code, (name_zh, name_en) in lesson.items():
        shown = segments["segment"].head(50) == code
        assert shown.any()
        assert set(zh["客户类型"][shown]) == {name_zh}
        assert set(en["customer type"][shown]) == {name_en}


def test_notebook_display_is_localised_but_the_frame_is_not():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        segments = rk.rfm_segments(rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)).head(3)
        rk.use_language("zh")
        shown, _ = shell.display_formatter.format(segments)
        assert "客户类型" in shown["text/plain"] and "segment" not in shown["text/plain"]
        assert "客户类型" in shown["text/html"]
        assert list(segments.columns)[-1] == "segment"  # the object itself is unchanged
        rk.use_language("en")
        shown, _ = shell.display_formatter.format(segments["segment"])
        assert "customer type" in shown["text/plain"]
    finally:
        rk.use_language("en")
        InteractiveShell.clear_instance()


def test_ids_of_different_types_still_match_and_no_match_is_an_error():
    # measured defect: IDs that differ in type between orders and members silently matched
    # nobody. 123 (a number in the members file) is customer "123" of the orders.
    from rfmkit.validation import as_ids

    assert list(as_ids([123, 123.0, " 123 ", "000123", None])) == [
        "123", "123", "123", "000123", None]
    orders = pd.DataFrame({"customer_id": ["123", "456"], "order_id": ["O1", "O2"],
                           "order_date": ["2026-06-01", "2026-06-02"], "amount": [10.0, 20.0],
                           "product_id": ["P1", "P1"]})
    products = pd.DataFrame({"product_id": ["P1"], "category": ["snacks"]})
    members = pd.DataFrame({"customer_id": [123, 456], "name": ["王小明", "李华"]})
    features = rk.customer_features(orders, members, products, "2026-06-10")
    assert features["name"].tolist() == ["王小明", "李华"]
    unmatched = members.assign(customer_id=["000123", "000456"])
    with pytest.raises(ValueError, match="share no ID"):
        rk.customer_features(orders, unmatched, products, "2026-06-10")


def test_warnings_show_in_the_notebook_language_without_a_path():
    import warnings

    from rfmkit.labels import _format_warning, warning_text
    from rfmkit.rfm import BinsCollapsedWarning

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rk.rfm_scores(table, bins=5)
    warning = next(w.message for w in caught if isinstance(w.message, BinsCollapsedWarning))
    assert "only 3 of 5 bins remain" in str(warning)  # English for scripts and logs
    try:
        rk.use_language("zh")
        shown = _format_warning(warning, BinsCollapsedWarning, "/tmp/ipykernel_1/2.py", 1)
        assert shown.startswith("提示: 消费频率 F (次): ") and "只剩 3 档" in shown
        assert "/tmp" not in shown and "Warning" not in shown
    finally:
        rk.use_language("en")
    assert warning_text(warning).startswith("frequency F (orders): many customers")
