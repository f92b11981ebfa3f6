"""Tests of the Sam's Club case (rfmkit.case) against LESSON.md section 5.

Every expected number is worked out by hand in a comment next to the fixture, or computed
independently with plain Python (integers, cents, Fraction), never with the functions under test.
"""

from __future__ import annotations

import copy
import csv
import math
from collections import Counter
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rfmkit
from rfmkit import case
from rfmkit.case import (
    campaign_frames,
    campaign_uplift,
    group_profile,
    group_summary,
    month_totals,
    round_two,
    round_two_bands,
    uplift_summary,
)
from rfmkit.labels import LABELS, label, name

DATA = Path(__file__).resolve().parent.parent / "data"
GROUPS_1 = {"A0", "A1", "A2", "A3", "A4"}


def frames(rows: dict[str, tuple[int, str, int, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """member -> (visits last month, sales last month, visits this month, sales this month)."""
    ids = pd.Index(list(rows), name="member_id")
    before = pd.DataFrame(
        {"visits": [r[0] for r in rows.values()], "sales": [float(r[1]) for r in rows.values()]},
        index=ids,
    )
    after = pd.DataFrame(
        {"visits": [r[2] for r in rows.values()], "sales": [float(r[3]) for r in rows.values()]},
        index=ids.copy(),
    )
    return before, after


def uplift_of(rows, targets=None) -> pd.DataFrame:
    return campaign_uplift(*frames(rows), targets=targets)


def no_infinity(table: pd.DataFrame) -> bool:
    numbers = table.select_dtypes("number").to_numpy(dtype="float64")
    return not np.isinf(numbers).any()


# ---------------------------------------------------------------------------------------------
# month totals from the CSV layout


def campaign_rows() -> pd.DataFrame:
    # m1: weeks 1+0+1+0 = 2 visits, 1100.00 yuan -> ticket 550; after 1+1+0+1 = 3, 2310.00 -> 770
    # m2: 0 visits, 0 yuan last month; after 0+0+2+0 = 2 visits, 300.50 -> 150.25
    return pd.DataFrame(
        {
            "member_id": ["m1", "m2"],
            "visits_w1_before": [1, 0],
            "visits_w2_before": [0, 0],
            "visits_w3_before": [1, 0],
            "visits_w4_before": [0, 0],
            "sales_before": [1100.00, 0.0],
            "visits_w1_after": [1, 0],
            "visits_w2_after": [1, 0],
            "visits_w3_after": [0, 2],
            "visits_w4_after": [1, 0],
            "sales_after": [2310.00, 300.50],
            "sales_round2": [1430.00, 320.00],
        }
    )


def test_month_totals_add_the_weeks_and_divide_sales_by_visits():
    campaign = campaign_rows()
    kept = campaign.copy(deep=True)
    before = month_totals(campaign, "before")
    after = month_totals(campaign, when="after")
    assert list(before.index) == ["m1", "m2"] and before.index.name == "member_id"
    assert before["visits"].tolist() == [2, 0]
    assert after["visits"].tolist() == [3, 2]
    assert before["sales"].tolist() == [1100.0, 0.0]
    assert before.loc["m1", "ticket"] == 550.0
    assert math.isnan(before.loc["m2", "ticket"])  # no visit: no ticket (not 0, not inf)
    assert after["ticket"].tolist() == [770.0, 150.25]
    assert str(before["visits"].dtype) == "int64"
    pd.testing.assert_frame_equal(campaign, kept)
    b, a = campaign_frames(campaign)
    pd.testing.assert_frame_equal(b, before)
    pd.testing.assert_frame_equal(a, after)


def test_month_totals_rejects_bad_input_plainly():
    campaign = campaign_rows()
    with pytest.raises(ValueError, match="when must be one of"):
        month_totals(campaign, "round2")
    with pytest.raises(ValueError, match="visits_w3_after"):
        month_totals(campaign.drop(columns="visits_w3_after"), "after")
    half = campaign.copy()
    half["visits_w1_before"] = [1.5, 0]
    with pytest.raises(ValueError, match="whole numbers"):
        month_totals(half, "before")
    missing = campaign.copy()
    missing["sales_before"] = [np.nan, 0.0]
    with pytest.raises(ValueError, match="missing"):
        month_totals(missing, "before")
    with pytest.raises(ValueError, match="member_id"):
        month_totals(campaign.drop(columns="member_id"), "before")


# ---------------------------------------------------------------------------------------------
# round 1: target edges, decided exactly


def test_visit_growth_of_exactly_50_percent_meets_the_target():
    # 2 -> 3 visits is exactly +50 %; 10000 -> 14999 is +49.99 %. Tickets stay at 100 yuan.
    u = uplift_of({"edge": (2, "200", 3, "300"), "under": (10000, "1000000", 14999, "1499900")})
    assert u.loc["edge", "visit_growth"] == 0.5
    assert u.loc["edge", "visit_growth_pct"] == 50.0
    assert bool(u.loc["edge", "visits_target_met"]) is True
    assert u.loc["under", "visit_growth_pct"] == pytest.approx(49.99)
    assert bool(u.loc["under", "visits_target_met"]) is False
    # tickets unchanged (0 %): visits met only -> A2; neither -> A4
    assert u["group"].tolist() == ["A2", "A4"]


def test_ticket_growth_of_exactly_40_percent_meets_the_target_despite_floats():
    # The case's own numbers: ticket 550 -> 770. In floats 770/550 - 1 is just under 0.4 ...
    assert 770 / 550 - 1 < 0.4
    # ... but 2 visits / 1100.00 yuan -> 3 visits / 2310.00 yuan is exactly +50 % and +40 %.
    # Just under: 2309.99 yuan -> ticket 769.9966..., +39.9994 %: not met.
    # One-visit members: 550.00 -> 770.00 (met) and 550.00 -> 769.99 (+39.998 %, not met).
    u = uplift_of(
        {
            "case": (2, "1100.00", 3, "2310.00"),
            "under": (2, "1100.00", 3, "2309.99"),
            "one": (1, "550.00", 1, "770.00"),
            "one_under": (1, "550.00", 1, "769.99"),
        }
    )
    assert u.loc["case", "ticket_before"] == 550.0 and u.loc["case", "ticket_after"] == 770.0
    assert u.loc["case", "ticket_growth"] == 0.4  # the float nearest 2/5, not 0.39999...
    assert u.loc["case", "ticket_growth_pct"] == 40.0
    assert u["ticket_target_met"].tolist() == [True, False, True, False]
    assert u["group"].tolist() == ["A1", "A2", "A3", "A4"]
    # the growth column agrees with the flag at the edge, so students may filter on it
    assert (u["ticket_growth"] >= 0.4).tolist() == u["ticket_target_met"].tolist()
    assert u.loc["under", "ticket_growth"] == pytest.approx(230999 * 2 / (110000 * 3) - 1)


def test_sales_target_is_reported_exactly_but_does_not_decide_the_group():
    # 1100.00 -> 1430.00 is exactly +30 %; 1429.99 just under. 1 visit each month.
    u = uplift_of({"edge": (1, "1100.00", 1, "1430.00"), "under": (1, "1100.00", 1, "1429.99")})
    assert u.loc["edge", "sales_growth_pct"] == 30.0
    assert u["sales_target_met"].tolist() == [True, False]
    # ticket +30 % < +40 %, visits 0 %: both A4 whatever the sales target says
    assert u["group"].tolist() == ["A4", "A4"]


def test_one_typed_member_in_each_group_with_hand_computed_rates():
    rows = {
        # A1: 2 -> 4 visits (+100 %), ticket 500 -> 800 (+60 %), sales 1000 -> 3200 (+220 %)
        "a1": (2, "1000.00", 4, "3200.00"),
        # A2: 2 -> 3 visits (+50 %), ticket 550 -> 600 (+9.0909 %), sales 1100 -> 1800 (+63.63 %)
        "a2": (2, "1100.00", 3, "1800.00"),
        # A3: 3 -> 3 visits (0 %), ticket 400 -> 600 (+50 %), sales 1200 -> 1800 (+50 %)
        "a3": (3, "1200.00", 3, "1800.00"),
        # A4: 4 -> 5 visits (+25 %), ticket 275 -> 297 (+8 %), sales 1100 -> 1485 (+35 %)
        "a4": (4, "1100.00", 5, "1485.00"),
    }
    u = uplift_of(rows)
    assert u["group"].tolist() == ["A1", "A2", "A3", "A4"]
    assert [name("case_group", code) for code in u["group"]] == [
        "A1 both targets met",
        "A2 visits met, ticket not",
        "A3 ticket met, visits not",
        "A4 neither target met",
    ]
    assert u["visit_growth_pct"].tolist() == [100.0, 50.0, 0.0, 25.0]
    assert u["ticket_growth_pct"].tolist() == pytest.approx([60.0, 100 / 11, 50.0, 8.0])
    assert u["sales_growth_pct"].tolist() == pytest.approx([220.0, 700 / 11, 50.0, 35.0])
    assert u["visits_target_met"].tolist() == [True, True, False, False]
    assert u["ticket_target_met"].tolist() == [True, False, True, False]
    assert u["sales_target_met"].tolist() == [True, True, True, True]
    assert not u["baseline_zero"].any()
    assert u.attrs["targets"] == {"visits": 0.5, "ticket": 0.4, "sales": 0.3}
    assert list(u.columns) == [
        "visits_before", "visits_after", "ticket_before", "ticket_after",
        "sales_before", "sales_after", "visit_growth", "ticket_growth", "sales_growth",
        "visit_growth_pct", "ticket_growth_pct", "sales_growth_pct",
        "visits_target_met", "ticket_target_met", "sales_target_met",
        "baseline_zero", "group",
    ]  # fmt: skip
    summary = group_summary(u)
    assert list(summary.index) == ["A1", "A2", "A3", "A4"]  # no A0 row when nobody is in A0
    assert summary["members"].tolist() == [1, 1, 1, 1]
    assert summary["member_share_pct"].tolist() == [25.0] * 4
    assert summary.loc["A4", "sales_growth_pct"] == 35.0


def test_custom_targets_are_exact_too():
    # +100 % visits and +0 % ticket: 2 -> 4 visits meets it, 2 -> 3 does not; ticket flat meets
    rows = {"x": (2, "200", 4, "400"), "y": (2, "200", 3, "300")}
    u = uplift_of(rows, targets={"visits": 1.0, "ticket": 0})
    assert u["visits_target_met"].tolist() == [True, False]
    assert u["ticket_target_met"].tolist() == [True, True]
    assert u.attrs["targets"] == {"visits": 1.0, "ticket": 0, "sales": 0.3}
    with pytest.raises(ValueError, match="fractions"):
        uplift_of(rows, targets={"visits": 50})  # 50 means +5000 %: a percent by mistake
    with pytest.raises(ValueError, match="unknown target"):
        uplift_of(rows, targets={"visit": 0.5})
    with pytest.raises(ValueError, match="number"):
        uplift_of(rows, targets={"ticket": "40%"})


# ---------------------------------------------------------------------------------------------
# round 1: zero and undefined growth


def test_no_visit_last_month_is_group_A0_with_undefined_rates_and_no_error():
    u = uplift_of(
        {
            "new": (0, "0", 2, "300.00"),  # nothing last month: no baseline at all
            "gone": (2, "1100.00", 0, "0"),  # came last month, not this month
            "free": (1, "0", 2, "200.00"),  # a visit without buying: visits grow, no ticket base
            "ok": (2, "1100.00", 3, "2310.00"),
        }
    )
    assert no_infinity(u)
    new, gone, free = u.loc["new"], u.loc["gone"], u.loc["free"]
    assert bool(new["baseline_zero"]) and new["group"] == "A0"
    assert name("case_group", new["group"]) == "A0 no baseline (no purchase last month)"
    for col in ("visit_growth", "ticket_growth", "sales_growth", "ticket_before"):
        assert math.isnan(new[col])
    assert not new[["visits_target_met", "ticket_target_met", "sales_target_met"]].any()
    # gone: -100 % visits and sales, no ticket this month -> ticket target not met -> A4
    assert gone["visit_growth"] == -1.0 and gone["sales_growth_pct"] == -100.0
    assert math.isnan(gone["ticket_after"]) and math.isnan(gone["ticket_growth"])
    assert not bool(gone["baseline_zero"]) and gone["group"] == "A4"
    # free: 1 -> 2 visits is a defined +100 %, but last month's ticket was 0 yuan
    assert free["visit_growth_pct"] == 100.0 and math.isnan(free["ticket_growth"])
    assert bool(free["baseline_zero"]) and free["group"] == "A0"
    assert u["group"].tolist() == ["A0", "A4", "A0", "A1"]

    summary = uplift_summary(u)
    assert summary["members_excluded"].to_dict() == {"visits": 1, "ticket": 3, "sales": 2}
    assert summary["members_averaged"].to_dict() == {"visits": 3, "ticket": 1, "sales": 2}
    assert summary.attrs == {"members": 4, "excluded": {"visits": 1, "ticket": 3, "sales": 2}}
    # visits: mean of the defined rates (-100 %, +100 %, +50 %) / 3 = +16.67 %
    assert summary.loc["visits", "average_growth_pct"] == pytest.approx(50 / 3)
    # aggregate uses everyone: visits 0+2+1+2 = 5 -> 2+0+2+3 = 7, +40 %
    assert summary.loc["visits", "aggregate_growth_pct"] == 40.0
    # sales: 2200.00 -> 2810.00 = +27.727 %; only "gone" (-100 %) and "ok" (+110 %) averaged
    assert summary.loc["sales", "aggregate_growth_pct"] == pytest.approx(61000 / 2200)
    assert summary.loc["sales", "average_growth_pct"] == pytest.approx(5.0)
    assert no_infinity(summary)
    groups = group_summary(u)
    assert list(groups.index) == ["A1", "A2", "A3", "A4", "A0"]
    assert groups["members"].tolist() == [1, 0, 0, 1, 2]
    assert math.isnan(groups.loc["A2", "sales_growth_pct"])  # empty group: nothing to grow
    assert groups.loc["A0", "sales_before"] == 0.0
    assert math.isnan(groups.loc["A0", "sales_growth_pct"])


def test_sales_without_a_visit_and_mismatched_members_are_rejected():
    with pytest.raises(ValueError, match="sales without a visit"):
        uplift_of({"x": (0, "100", 1, "100")})
    with pytest.raises(ValueError, match="sales without a visit"):
        uplift_of({"x": (1, "100", 0, "5")})
    before, after = frames({"x": (1, "100", 1, "100"), "y": (1, "100", 1, "100")})
    with pytest.raises(ValueError, match="only in before: \\['y'\\]"):
        campaign_uplift(before, after.drop(index="y"))
    with pytest.raises(ValueError, match="before sales must be 0 or more"):
        campaign_uplift(before.assign(sales=[-1.0, 100.0]), after)
    with pytest.raises(ValueError, match="'visits'"):
        campaign_uplift(before.drop(columns="visits"), after)


def test_members_are_matched_by_id_not_by_position_and_inputs_are_untouched():
    before, after = frames({"x": (2, "1100.00", 3, "2310.00"), "y": (4, "400", 4, "400")})
    after = after.iloc[::-1]
    kept = copy.deepcopy((before, after))
    u = campaign_uplift(before, after)
    assert list(u.index) == ["x", "y"]
    assert u["group"].tolist() == ["A1", "A4"]
    pd.testing.assert_frame_equal(before, kept[0])
    pd.testing.assert_frame_equal(after, kept[1])


def test_empty_campaign_gives_empty_tables():
    before, after = frames({})
    u = campaign_uplift(before, after)
    assert len(u) == 0 and "group" in u.columns
    summary = uplift_summary(u)
    assert summary["members_averaged"].tolist() == [0, 0, 0]
    assert summary["average_growth_pct"].isna().all()
    assert group_summary(u)["members"].tolist() == [0, 0, 0, 0]


# ---------------------------------------------------------------------------------------------
# averages: the case's mean of rates next to the aggregate


def test_mean_of_rates_differs_from_the_ratio_of_totals():
    # a: 1 -> 2 visits (+100 %), 100 -> 200 yuan (+100 %), ticket 100 -> 100 (0 %)
    # b: 10 -> 10 visits (0 %), 1000 -> 1000 yuan (0 %), ticket 100 -> 100 (0 %)
    # case average: visits (100 + 0) / 2 = 50 %; group: 11 -> 12 visits = +9.0909 %
    # sales: average 50 %; group 1100 -> 1200 = +9.0909 %; ticket 0 % both ways (100 -> 100)
    u = uplift_of({"a": (1, "100", 2, "200"), "b": (10, "1000", 10, "1000")})
    s = uplift_summary(u)
    assert list(s.index) == ["visits", "ticket", "sales"]
    assert s.loc["visits", "average_growth_pct"] == 50.0
    assert s.loc["visits", "aggregate_growth_pct"] == pytest.approx(100 / 11)
    assert round(s.loc["visits", "aggregate_growth_pct"], 2) == 9.09
    assert s.loc["sales", "average_growth_pct"] == 50.0
    assert s.loc["sales", "aggregate_growth_pct"] == pytest.approx(100 / 11)
    assert s.loc["ticket", "average_growth_pct"] == 0.0
    assert s.loc["ticket", "aggregate_growth_pct"] == 0.0
    assert s["target_pct"].tolist() == [50.0, 40.0, 30.0]
    assert s.loc["visits", "before"] == 11 and s.loc["visits", "after"] == 12
    assert s.loc["ticket", "before"] == 100.0 and s.loc["ticket", "after"] == 100.0
    assert s.loc["sales", "before"] == 1100.0 and s.loc["sales", "after"] == 1200.0
    assert s["members_excluded"].tolist() == [0, 0, 0]
    assert "metric_name" not in s.columns  # codes in the index; names at display:
    assert name("case_metric", "sales") == "monthly sales (yuan)"
    # targets come from the table's attrs, or are given
    u2 = uplift_of({"a": (1, "100", 2, "200")}, targets={"sales": 0.2})
    assert uplift_summary(u2).loc["sales", "target_pct"] == 20.0
    assert uplift_summary(u2, targets={"visits": 0.6}).loc["visits", "target_pct"] == 60.0


def test_aggregate_ticket_is_total_sales_over_total_visits():
    # a: 1 visit 100 -> 2 visits 400 (ticket 100 -> 200); b: 3 visits 900 -> 3 visits 900 (300)
    # group ticket: 1000/4 = 250 -> 1300/5 = 260, +4 %; mean of rates (100 % + 0 %) / 2 = 50 %
    u = uplift_of({"a": (1, "100", 2, "400"), "b": (3, "900", 3, "900")})
    s = uplift_summary(u)
    assert s.loc["ticket", "before"] == 250.0 and s.loc["ticket", "after"] == 260.0
    assert s.loc["ticket", "aggregate_growth_pct"] == 4.0
    assert s.loc["ticket", "average_growth_pct"] == 50.0


# ---------------------------------------------------------------------------------------------
# round 2: the band edges


ROUND_TWO_CASES = {
    # member: (sales before, sales in the round-2 month, expected band); base 1100.00 yuan
    "g10": ("1100.00", "1210.00", "A43"),  # exactly +10 %: 10 % <= growth < 20 %
    "g10_under": ("1100.00", "1209.99", "A44"),  # +9.999 %
    "g10_over": ("1100.00", "1210.01", "A43"),
    "g20": ("1100.00", "1320.00", "A42"),  # exactly +20 %: reaching it counts
    "g20_under": ("1100.00", "1319.99", "A43"),
    "g20_over": ("1100.00", "1320.01", "A42"),
    "g30": ("1100.00", "1430.00", "A42"),  # exactly +30 % is NOT "more than 30 %"
    "g30_under": ("1100.00", "1429.99", "A42"),
    "g30_over": ("1100.00", "1430.01", "A41"),
    "drop": ("1100.00", "900.00", "A44"),
    "flat": ("1100.00", "1100.00", "A44"),
    "big": ("0.01", "100.00", "A41"),
}


def test_round_two_edges_are_exact_in_cents():
    # the float traps the cents arithmetic avoids
    assert 1320 / 1100 - 1 < 0.2 and 1210 / 1100 - 1 > 0.1
    before = pd.Series({k: float(v[0]) for k, v in ROUND_TWO_CASES.items()})
    after = pd.Series({k: float(v[1]) for k, v in ROUND_TWO_CASES.items()})
    bands = round_two_bands(before, after)
    assert bands["group"].to_dict() == {k: v[2] for k, v in ROUND_TWO_CASES.items()}
    assert bands.loc["g30", "sales_growth_pct"] == 30.0
    assert bands.loc["g20", "sales_growth"] == 0.2
    assert bands.loc["g10", "sales_growth_pct"] == 10.0
    assert name("case_group", bands.loc["g30", "group"]) == "A42 20 % ≤ sales growth ≤ 30 %"
    assert list(bands.columns) == [
        "sales_before", "sales_after", "sales_growth", "sales_growth_pct", "group",
    ]  # fmt: skip
    summary = group_summary(bands)
    assert list(summary.index) == ["A41", "A42", "A43", "A44"]
    assert summary["members"].tolist() == [2, 4, 3, 3]
    assert summary["members"].sum() == len(ROUND_TWO_CASES)


def test_round_two_from_growth_rates_rounds_float_noise_first():
    growth = pd.Series(
        {
            "f10": 0.1, "f20": 0.2, "f30": 0.3,
            "noisy20": 1320 / 1100 - 1,  # 0.19999999999999996 means exactly 20 %
            "noisy30": 1430 / 1100 - 1,
            "noisy10": 1210 / 1100 - 1,
            "just_over30": 0.300001, "just_under20": 0.199999, "just_under10": 0.099999,
        }
    )  # fmt: skip
    bands = round_two_bands(growth=growth)
    assert bands["group"].to_dict() == {
        "f10": "A43", "f20": "A42", "f30": "A42",
        "noisy20": "A42", "noisy30": "A42", "noisy10": "A43",
        "just_over30": "A41", "just_under20": "A43", "just_under10": "A44",
    }  # fmt: skip
    assert bands.loc["f30", "sales_growth_pct"] == pytest.approx(30.0)
    with pytest.raises(ValueError, match="either"):
        round_two_bands(growth, growth, growth=growth)
    with pytest.raises(ValueError, match="missing"):
        round_two_bands(growth=pd.Series([0.1, np.nan]))


def test_round_two_needs_a_baseline_and_the_same_members():
    with pytest.raises(ValueError, match="> 0 yuan"):
        round_two_bands(pd.Series({"x": 0.0}), pd.Series({"x": 10.0}))
    with pytest.raises(ValueError, match="same members"):
        round_two_bands(pd.Series({"x": 1.0}), pd.Series({"y": 10.0}))
    with pytest.raises(ValueError, match="sales_before and sales_after"):
        round_two_bands(pd.Series({"x": 1.0}))


def test_round_two_on_the_campaign_layout_takes_the_A4_members():
    # m1 is A1 (2 -> 3 visits, 550 -> 770), m2 is A0: neither is A4, so round 2 is empty;
    # make m3 an A4 member: 2 -> 2 visits, 1100 -> 1100, round-2 month 1430.00 = +30 % -> A42
    campaign = campaign_rows()
    m3 = campaign.iloc[[0]].assign(
        member_id="m3", visits_w2_after=0, sales_after=1100.0, sales_round2=1430.0
    )
    campaign = pd.concat([campaign, m3], ignore_index=True)
    kept = campaign.copy(deep=True)
    bands = round_two(campaign)
    assert list(bands.index) == ["m3"]
    assert bands.loc["m3", "group"] == "A42"
    assert bands.loc["m3", "sales_after"] == 1430.0
    pd.testing.assert_frame_equal(campaign, kept)


def test_round_two_compares_with_the_previous_month_the_month_of_round_one():
    # The case: round 2 compares each A4 member with 上月 (the previous month = round 1's month,
    # sales_after), not with the month before round 1 (sales_before).
    # m3: 2 visits 1000.00 -> 2 visits 900.00 (A4); round-2 month 1170.00:
    #   on round 1's month 1170 / 900 = 1.30 -> exactly +30 % -> A42
    #   (on the month before round 1 it would be 1170 / 1000 = +17 % -> A43)
    campaign = campaign_rows()
    m3 = campaign.iloc[[0]].assign(
        member_id="m3", visits_w2_after=0, sales_before=1000.0, sales_after=900.0,
        sales_round2=1170.0,
    )
    campaign = pd.concat([campaign, m3], ignore_index=True)
    bands = round_two(campaign)
    assert list(bands.index) == ["m3"]
    assert bands.loc["m3", "sales_before"] == 900.0
    assert bands.loc["m3", "sales_after"] == 1170.0
    assert bands.loc["m3", "sales_growth_pct"] == pytest.approx(30.0)
    assert bands.loc["m3", "group"] == "A42"


def test_the_case_reads_group_10_not_9_as_new_or_dormant():
    deciles = pd.DataFrame({"group": [1, 8, 9, 10], "customers": [2, 2, 2, 2],
                            "average": [8000.0, 1100.0, 600.0, 100.0],
                            "total": [16000.0, 2200.0, 1200.0, 200.0]})
    reading = case.decile_comparison(deciles, groups=[8, 9, 10])["case_reading"]
    assert reading.to_dict() == {8: "uplift", 9: "rare_not_loyal", 10: "new_or_dormant"}
    assert [g for g, code in reading.items() if code == "new_or_dormant"] == [10]
    assert "休眠" in LABELS["decile_reading.new_or_dormant"][0]
    assert "休眠" not in LABELS["decile_reading.rare_not_loyal"][0]
    assert "dormant" not in LABELS["decile_reading.rare_not_loyal"][1]


# ---------------------------------------------------------------------------------------------
# properties


def exact_met(after: int, before: int, rate: Fraction) -> bool:
    return Fraction(after, before) >= 1 + rate


@st.composite
def members(draw):
    n = draw(st.integers(min_value=0, max_value=25))
    rows = {}
    for i in range(n):
        vb = draw(st.integers(min_value=0, max_value=6))
        va = draw(st.integers(min_value=0, max_value=9))
        cents = st.integers(min_value=0, max_value=500_000)
        sb = draw(cents) if vb else 0
        sa = draw(cents) if va else 0
        rows[f"m{i:02d}"] = (vb, f"{sb / 100:.2f}", va, f"{sa / 100:.2f}")
    return rows


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(members())
def test_groups_partition_members_and_follow_the_exact_rule(rows):
    u = uplift_of(rows)
    assert list(u.index) == list(rows)
    assert set(u["group"]) <= GROUPS_1
    assert group_summary(u)["members"].sum() == len(rows)
    assert no_infinity(u)
    for member, (vb, sb_text, va, sa_text) in rows.items():
        sb, sa = round(float(sb_text) * 100), round(float(sa_text) * 100)
        row = u.loc[member]
        visits_met = vb > 0 and exact_met(va, vb, Fraction(1, 2))
        ticket_met = sb > 0 and va > 0 and Fraction(sa * vb, sb * va) >= Fraction(7, 5)
        assert bool(row["visits_target_met"]) == visits_met
        assert bool(row["ticket_target_met"]) == ticket_met
        assert bool(row["baseline_zero"]) == (sb == 0)
        if sb == 0:
            expected = "A0"
        else:
            expected = {(True, True): "A1", (True, False): "A2", (False, True): "A3"}.get(
                (visits_met, ticket_met), "A4"
            )
        assert row["group"] == expected
        assert (row["group"] == "A1") == (
            bool(row["visits_target_met"]) and bool(row["ticket_target_met"])
        )
        # the float growth agrees with the exact flag (correctly rounded rates)
        if vb:
            assert (row["visit_growth"] >= 0.5) == visits_met
        else:
            assert math.isnan(row["visit_growth"])
        if sb and va:
            assert (row["ticket_growth"] >= 0.4) == ticket_met
        else:
            assert math.isnan(row["ticket_growth"])
    s = uplift_summary(u)
    defined = u["visit_growth_pct"].dropna()
    assert s.loc["visits", "members_averaged"] == len(defined)
    assert s.loc["visits", "members_excluded"] == len(u) - len(defined)
    assert s["members_averaged"].add(s["members_excluded"]).eq(len(rows)).all()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 300_000), st.integers(0, 600_000)), min_size=1, max_size=30)
)
def test_round_two_bands_follow_the_exact_rule(pairs):
    ids = [f"m{i}" for i in range(len(pairs))]
    before = pd.Series([b / 100 for b, _ in pairs], index=ids)
    after = pd.Series([a / 100 for _, a in pairs], index=ids)
    bands = round_two_bands(before, after)
    for member, (b, a) in zip(ids, pairs, strict=True):
        g = Fraction(a, b) - 1
        expected = (
            "A41" if g > Fraction(3, 10)
            else "A42" if g >= Fraction(1, 5)
            else "A43" if g >= Fraction(1, 10)
            else "A44"
        )  # fmt: skip
        assert bands.loc[member, "group"] == expected
    summary = group_summary(bands)["members"]
    counts = Counter(bands["group"])
    assert summary.to_dict() == {code: counts.get(code, 0) for code in summary.index}
    assert summary.sum() == len(pairs)


# ---------------------------------------------------------------------------------------------
# rule texts, languages, labels


def round_one_rule(targets=None) -> str:
    """The round-1 rule as a notebook shows it: the label, filled with the targets in %."""
    used = {**case.DEFAULT_TARGETS, **(targets or {})}
    return label("case_rule.round_one").format(visits=used["visits"] * 100,
                                               ticket=used["ticket"] * 100)


def test_rule_texts_state_the_edges_in_both_languages():
    en = label("case_rule.round_two")
    for piece in ("A41 growth > 30 %", "A42 20 % ≤ growth ≤ 30 %", "A44 growth < 10 %", "1430"):
        assert piece in en
    assert "≥ 50 %" in round_one_rule() and "A0" in round_one_rule()
    assert "≥ 60 %" in round_one_rule({"visits": 0.6})
    assert "≥ 57 %" in round_one_rule({"visits": 0.57})  # 0.57 x 100 is 56.99999999999999
    rfmkit.use_language("zh")
    zh = label("case_rule.round_two")
    assert "A42 20 % ≤ 增长 ≤ 30 %" in zh and zh != en
    assert "无基期" in round_one_rule()
    assert name("case_group", "A1") == "A1 两项目标都达成"
    assert name("case_group", "A0") == "A0 无基期 (上月无消费)"
    assert name("case_metric", "ticket") == "客单价 (元/次)"
    assert name("case_group", "A4") == "A4 两项目标都未达成"


def test_results_are_codes_the_same_in_every_language():
    def results():
        u = uplift_of({"a": (2, "1100.00", 3, "2310.00"), "n": (0, "0", 1, "5"),
                       "b": (2, "1100.00", 2, "1100.00")})
        members_table = pd.DataFrame({"member_id": ["a", "n", "b"],
                                      "occupation": ["student", None, "teacher"]})
        return [u, uplift_summary(u), group_summary(u), round_two(campaign_rows()),
                group_summary(round_two_bands(pd.Series({"a": 1.0}), pd.Series({"a": 2.0}))),
                group_profile(members_table, ["a", "n"], fields=["occupation"])]

    english = results()
    assert english[0]["group"].tolist() == ["A1", "A0", "A4"]
    # the blank answer is the code "(missing)", listed last
    assert list(english[-1].index) == [("occupation", "student"), ("occupation", "teacher"),
                                       ("occupation", "(missing)")]
    assert english[-1]["group_members"].tolist() == [1, 0, 1]
    rfmkit.use_language("zh")
    for zh, en in zip(results(), english, strict=True):
        pd.testing.assert_frame_equal(zh, en)
    # every code a result can hold has a name in both languages
    for code in (case.NO_BASELINE, *case.ROUND_ONE_GROUPS, *case.ROUND_TWO_GROUPS):
        assert LABELS[f"case_group.{code}"][0] != LABELS[f"case_group.{code}"][1]
    for metric in english[1].index:
        assert f"case_metric.{metric}" in LABELS
    assert LABELS["profile_value.(missing)"] == ("(未填)", "(missing)")


def test_every_output_column_has_a_label_in_both_languages():
    u = uplift_of({"a": (2, "1100.00", 3, "2310.00")})
    members_table = pd.DataFrame({"member_id": ["a"], "occupation": ["student"]})
    tables = [
        u,
        uplift_summary(u),
        group_summary(u),
        round_two_bands(pd.Series({"a": 1.0}), pd.Series({"a": 2.0})),
        group_profile(members_table, ["a"], fields=["occupation"]).reset_index(),
        month_totals(campaign_rows()),
    ]
    for table in tables:
        for column in list(table.columns) + [n for n in table.index.names if n]:
            assert column in LABELS, column
            zh, en = LABELS[column]
            assert zh and en and zh != en


def test_nothing_is_printed(capsys):
    u = campaign_uplift(*campaign_frames(campaign_rows()))
    uplift_summary(u)
    group_summary(u)
    round_two(campaign_rows())
    assert capsys.readouterr() == ("", "")


# ---------------------------------------------------------------------------------------------
# profiles


def test_group_profile_shares_next_to_all_members():
    members_table = pd.DataFrame(
        {
            "member_id": ["a", "b", "c", "d", "e"],
            "marital_status": ["single", "single", "married", "married", None],
            "age_band": ["26-35", "18-25", "18-25", "46-55", "18-25"],
            "uses_wechat": [True, True, False, False, True],
        }
    )
    kept = members_table.copy(deep=True)
    p = group_profile(members_table, ["a", "b", "b"], fields=["marital_status", "age_band"])
    assert p.index.names == ["field", "field_value"]
    assert p.attrs == {"group_size": 2, "reference_size": 5}
    ms = p.loc["marital_status"]
    # the set {a, b} is all single; all members: 2 single, 2 married, 1 missing of 5
    assert list(ms.index) == ["single", "married", "(missing)"]
    assert ms["group_members"].tolist() == [2, 0, 0]
    assert ms["group_share_pct"].tolist() == [100.0, 0.0, 0.0]
    assert ms["reference_members"].tolist() == [2, 2, 1]
    assert ms["reference_share_pct"].tolist() == [40.0, 40.0, 20.0]
    assert ms["difference_pct_points"].tolist() == [60.0, -40.0, -20.0]
    # age bands keep the form's order, not the count order
    assert list(p.loc["age_band"].index) == ["18-25", "26-35", "46-55"]
    # against a reference set instead of everybody
    r = group_profile(members_table, ["a"], fields=["uses_wechat"], reference=["a", "c", "d"])
    assert r.loc[("uses_wechat", True), "group_share_pct"] == 100.0
    assert r.loc[("uses_wechat", True), "reference_share_pct"] == pytest.approx(100 / 3)
    assert r.attrs["reference_size"] == 3
    pd.testing.assert_frame_equal(members_table, kept)
    with pytest.raises(ValueError, match="not found"):
        group_profile(members_table, ["a", "zz"], fields=["age_band"])
    with pytest.raises(ValueError, match="empty"):
        group_profile(members_table, [], fields=["age_band"])
    with pytest.raises(ValueError, match="occupation"):
        group_profile(members_table, ["a"], fields=["occupation"])


# ---------------------------------------------------------------------------------------------
# the bundled data


@pytest.fixture(scope="module")
def campaign() -> pd.DataFrame:
    return pd.read_csv(DATA / "samsclub_campaign.csv", dtype={"member_id": str})


def independent_groups(path: Path) -> dict[str, str]:
    """A1..A4 from the CSV with the csv module, integers and Fraction only."""
    groups = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            vb = sum(int(row[f"visits_w{w}_before"]) for w in range(1, 5))
            va = sum(int(row[f"visits_w{w}_after"]) for w in range(1, 5))
            sb = int(row["sales_before"].replace(".", ""))
            sa = int(row["sales_after"].replace(".", ""))
            visits = Fraction(va, vb) >= Fraction(3, 2)
            ticket = Fraction(sa * vb, sb * va) >= Fraction(7, 5)
            groups[row["member_id"]] = {
                (True, True): "A1", (True, False): "A2", (False, True): "A3", (False, False): "A4"
            }[(visits, ticket)]  # fmt: skip
    return groups


def test_bundled_campaign_splits_into_four_nonempty_groups(campaign):
    assert len(campaign) == 1155  # group 8: customers 8086-9240
    u = campaign_uplift(*campaign_frames(campaign))
    sizes = group_summary(u)["members"]
    assert list(sizes.index) == ["A1", "A2", "A3", "A4"]
    assert (sizes > 0).all()
    assert sizes.sum() == 1155
    assert not u["baseline_zero"].any()
    assert u["group"].to_dict() == independent_groups(DATA / "samsclub_campaign.csv")
    # the group's average spend last month is the case's 1100 yuan
    assert u["sales_before"].sum() == pytest.approx(1155 * 1100)
    # round 2 bands exactly the A4 members, into four non-empty bands
    bands = round_two(campaign, u)
    assert set(bands.index) == set(u.index[u["group"] == "A4"])
    two = group_summary(bands)["members"]
    assert (two > 0).all() and two.sum() == sizes["A4"]
    s = uplift_summary(u)
    assert s["members_excluded"].tolist() == [0, 0, 0]
    assert (
        s.loc["visits", "before"]
        == campaign.filter(like="visits_w").filter(like="_before").to_numpy().sum()
    )


def test_bundled_loader_agrees_with_the_csv_when_it_exists(campaign):
    data = pytest.importorskip("rfmkit.data")
    loader = getattr(data, "load_samsclub_campaign", None)
    if loader is None:
        pytest.skip("rfmkit.data.load_samsclub_campaign is not there yet")
    loaded = loader()
    u1 = campaign_uplift(*campaign_frames(campaign))
    u2 = campaign_uplift(*campaign_frames(loaded))
    assert u2["group"].to_dict() == u1["group"].to_dict()


def test_bundled_profiles_tell_the_case_story(campaign):
    members_table = pd.read_csv(DATA / "samsclub_members.csv", dtype={"member_id": str})
    group8 = group_profile(members_table, campaign["member_id"])
    # "mostly single, many students without income, heavy WeChat users"
    assert group8.loc[("marital_status", "single"), "group_share_pct"] > 50
    assert group8.loc[("occupation", "student"), "difference_pct_points"] > 20
    assert group8.loc[("uses_wechat", True), "difference_pct_points"] > 0
    # A4 "mostly not students, rarely use WeChat", compared with group 8 as a whole
    u = campaign_uplift(*campaign_frames(campaign))
    a4 = group_profile(
        members_table,
        u.index[u["group"] == "A4"],
        fields=["occupation", "uses_wechat"],
        reference=campaign["member_id"],
    )
    assert a4.loc[("occupation", "student"), "group_share_pct"] < 50
    assert a4.loc[("occupation", "student"), "difference_pct_points"] < 0
    assert a4.loc[("uses_wechat", True), "difference_pct_points"] < 0


def test_module_lists_its_public_names():
    for public in case.__all__:
        assert hasattr(case, public)


# ---------------------------------------------------------------------------------------------
# explaining the case in numbers: decile_comparison and visit_growth_by_baseline


def test_decile_comparison_by_hand():
    # 10 customers in 5 groups of 2: averages 800, 400, 200, 100, 10; totals 1600 ... 20
    spend = pd.Series(
        [800, 800, 400, 400, 200, 200, 100, 100, 10, 10],
        index=[f"c{i}" for i in range(10)],
        dtype="float64",
    )
    deciles = rfmkit.decile_table(spend, groups=5, with_total=True)
    kept = deciles.copy(deep=True)
    table = case.decile_comparison(deciles, groups=(3, 4, 5), reference=1, growth=0.3)
    pd.testing.assert_frame_equal(deciles, kept)
    assert list(table.index) == [3, 4, 5] and table.index.name == "group"
    assert table["customers"].tolist() == [2, 2, 2]
    assert table["average"].tolist() == [200.0, 100.0, 10.0]
    assert table["total"].tolist() == [400.0, 200.0, 20.0]
    assert table["reference_ratio"].tolist() == [4.0, 8.0, 80.0]  # 800/200, 800/100, 800/10
    assert table["extra_sales"].tolist() == [120.0, 60.0, 6.0]  # totals x 0.3
    assert table.attrs == {"reference": 1, "growth": 0.3}
    # the order given is kept; another reference and growth
    other = case.decile_comparison(deciles, groups=(5, 2), reference=2, growth=0.1)
    assert list(other.index) == [5, 2]
    assert other["reference_ratio"].tolist() == [40.0, 1.0]
    assert other["extra_sales"].tolist() == [2.0, 80.0]


def test_decile_comparison_edges():
    spend = pd.Series([30.0, 0.0, 0.0], index=["a", "b", "c"])
    deciles = rfmkit.decile_table(spend, groups=3)
    table = case.decile_comparison(deciles, groups=(2, 3), growth=0.3)
    assert np.isnan(table["reference_ratio"]).all()  # nothing to divide by: NaN, not inf
    assert table["extra_sales"].tolist() == [0.0, 0.0]
    # 0.10 yuan x 30 % = 0.03 yuan exactly (float arithmetic alone gives 0.030000000000000002)
    cents = rfmkit.decile_table(pd.Series([0.2, 0.1], index=["a", "b"]), groups=2)
    assert case.decile_comparison(cents, groups=(2,))["extra_sales"].tolist() == [0.03]
    with pytest.raises(ValueError, match=r"group \[11\] is not in deciles"):
        case.decile_comparison(deciles, groups=(11,))
    with pytest.raises(ValueError, match="average"):
        case.decile_comparison(deciles.drop(columns="average"))


def test_visit_growth_by_baseline_by_hand():
    # visits last month -> this month; sales follow the visits at 100 yuan a visit
    #   a 1 -> 2 (+100 %)  b 1 -> 1 (0 %)  c 2 -> 2 (0 %)  d 4 -> 4 (0 %)  e 0 -> 1 (A0, no rate)
    u = uplift_of(
        {
            "a": (1, "100", 2, "200"),
            "b": (1, "100", 1, "100"),
            "c": (2, "200", 2, "200"),
            "d": (4, "400", 4, "400"),
            "e": (0, "0", 1, "100"),
        }
    )
    table = case.visit_growth_by_baseline(u)
    assert list(table.index) == [0, 1, 2, 4] and table.index.name == "visits_before"
    assert table["members"].tolist() == [1, 2, 1, 1]
    assert table["member_share_pct"].tolist() == [20.0, 40.0, 20.0, 20.0]
    assert table["before"].tolist() == [0, 2, 2, 4]
    assert table["after"].tolist() == [1, 3, 2, 4]
    assert table["visit_share_pct"].tolist() == [0.0, 25.0, 25.0, 50.0]  # of 8 visits
    assert table["average_growth_pct"].tolist()[1:] == [50.0, 0.0, 0.0]
    assert table["aggregate_growth_pct"].tolist()[1:] == [50.0, 0.0, 0.0]
    assert np.isnan(table.loc[0, "average_growth_pct"])
    assert np.isnan(table.loc[0, "aggregate_growth_pct"])
    # overall: the case's mean of the rates is (100 + 0 + 0 + 0) / 4 = 25 % (a to d), but
    # weighting each row by its visits last month gives (25 x 50 + 25 x 0 + 50 x 0) / 100
    # = 12.5 %, the growth of the total: 8 -> 9 visits
    known = table.drop(index=0)
    weighted = (known["visit_share_pct"] * known["aggregate_growth_pct"]).sum() / 100
    assert weighted == pytest.approx((9 - 8) * 100 / 8)
    by_members = (known["members"] * known["average_growth_pct"]).sum() / known["members"].sum()
    assert by_members == pytest.approx(25.0)
    for column in table.columns:
        assert column in LABELS


def test_visit_growth_by_baseline_on_the_campaign(campaign):
    u = campaign_uplift(*campaign_frames(campaign))
    table = case.visit_growth_by_baseline(u)
    assert table["members"].sum() == len(u)
    summary = uplift_summary(u)
    assert table["before"].sum() == summary.loc["visits", "before"]
    # the aggregate growth is the average of the rows' growth weighted by their visits
    weighted = (table["visit_share_pct"] * table["aggregate_growth_pct"]).sum() / 100
    assert weighted == pytest.approx(summary.loc["visits", "aggregate_growth_pct"])
    # and the case's average is the same rows weighted by their members
    by_members = (table["member_share_pct"] * table["average_growth_pct"]).sum() / 100
    assert by_members == pytest.approx(summary.loc["visits", "average_growth_pct"])


def test_profiles_and_members_are_shown_in_chinese():
    from rfmkit.labels import localise

    members = pd.DataFrame({"member_id": ["a", "b"], "gender": ["F", "M"],
                            "occupation": ["student", "teacher"],
                            "marital_status": ["single", "married"],
                            "uses_wechat": [True, False], "preferred_channel": ["WeChat", "SMS"]})
    profile = group_profile(members, ["a"], fields=["marital_status", "uses_wechat",
                                                    "preferred_channel"])
    rfmkit.use_language("zh")
    try:
        shown = localise(profile)
        rows = list(shown.index)
        assert ("婚姻状况", "单身") in rows and ("使用微信", "是") in rows
        assert ("偏好渠道", "微信") in rows
        people = localise(members)
        assert people["性别"].tolist() == ["女", "男"]
        assert people["职业"].tolist() == ["学生", "教师"]
        assert people["使用微信"].tolist() == ["是", "否"]
        assert label("visit_growth_pct") == "消费频率增长率 (%)"  # the seeds' term
    finally:
        rfmkit.use_language("en")
    assert list(profile.index) == list(group_profile(members, ["a"], fields=[
        "marital_status", "uses_wechat", "preferred_channel"]).index)  # codes unchanged
