"""The capstone's checks (rfmkit.capstone): on a tiny hand-made shop whose every number is worked
out below by hand, on broken analyses (each check must fail for its own reason), and on the
bundled second shop, where every check must pass."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

import rfmkit as rk
from rfmkit import capstone

ASOF = pd.Timestamp("2026-06-10")
# 8 rows: 6 kept, 2 rejected (a blank customer, an amount "abc")
TINY = """订单号,客户ID,下单日期,金额
O1,A,2026-06-01,100
O2,A,2026-06-05,300
O3,B,2026-01-10,50
O4,C,2026-06-08,500
O5,C,2026-05-01,100
O6,D,2025-12-01,20
O7,,2026-06-01,10
O8,E,2026-06-02,abc
"""


def analysis(read):
    table = rk.rfm_table(read.data, ASOF)
    segments = rk.rfm_segments(table)
    tiers = rk.pyramid_tiers(table["monetary"])
    stages = rk.lifecycle_stages(table)
    return table, segments, tiers, stages, capstone.group_plan(segments)


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.csv"
    path.write_text(TINY, encoding="utf-8")
    read = rk.read_orders(path)
    return read, *analysis(read)


def test_tiny_shop_by_hand(tiny):
    read, table, segments, tiers, stages, plan = tiny
    assert (len(read.data), len(read.rejected), read.rows_read) == (6, 2, 8)
    # R: A 5 days, B 151 (2026-01-10 -> 06-10), C 2, D 191 (2025-12-01 -> 2026-06-10)
    assert table["recency_days"].to_dict() == {"A": 5, "B": 151, "C": 2, "D": 191}
    # means: R 349/4 = 87.25, F 6/4 = 1.5, M 1070/4 = 267.5: A and C R↓F↑M↑, B and D R↑F↓M↓
    assert segments["segment"].to_dict() == {"A": "maintain", "B": "no_value", "C": "maintain",
                                             "D": "no_value"}
    assert plan["cost"].to_dict() == {"A": "high", "B": "low", "C": "high", "D": "low"}
    assert stages["stage"].to_dict() == {"A": "active", "B": "sleeping", "C": "active",
                                         "D": "lost"}
    checks = capstone.run_checks(read, table, segments, tiers, stages, plan)
    assert list(checks.index) == list(capstone.CHECKS)
    assert checks["passed"].all()
    assert checks.loc["read_adds_up", ["found", "expected"]].tolist() == [8, 8]
    assert checks.loc["groups_add_up", ["found", "expected"]].tolist() == [4, 4]
    assert checks.loc["revenue_shares_100", "found"] == 100
    assert checks.loc["no_costly_for_no_value", "found"] == 0


def test_each_check_fails_for_its_own_reason(tiny):
    read, table, segments, tiers, stages, plan = tiny

    def failed(**changed):
        parts = dict(read=read, table=table, segments=segments, tiers=tiers, stages=stages,
                     plan=plan)
        parts.update(changed)
        checks = capstone.run_checks(**parts)
        return set(checks.index[~checks["passed"]])

    lost_row = SimpleNamespace(data=read.data.iloc[1:], rejected=read.rejected,
                               rows_read=read.rows_read)
    assert failed(read=lost_row) == {"read_adds_up"}
    assert failed(segments=pd.concat([segments, segments.iloc[[0]]])) == {"one_group_each",
                                                                         "groups_add_up"}
    assert failed(tiers=tiers.drop(index="B")) >= {"one_tier_each"}
    assert failed(stages=stages.assign(stage=stages["stage"].where(stages.index != "C")))\
        == {"one_stage_each"}
    assert failed(plan=plan.drop(index="D")) == {"plan_covers_all"}
    costly = plan.assign(cost=plan["cost"].mask(plan.index == "B", "high"))
    assert failed(plan=costly) == {"no_costly_for_no_value"}
    found = capstone.run_checks(read, table, segments, tiers, stages, costly)
    assert found.loc["no_costly_for_no_value", "found"] == 1


def test_group_plan_gives_no_value_customers_only_low_cost_and_refuses_other_schemes():
    assert capstone.COST_BY_SEGMENT["no_value"] == "low"
    assert set(capstone.COST_BY_SEGMENT.values()) <= set(capstone.COST_LEVELS)
    with pytest.raises(ValueError, match="lesson groups"):
        capstone.group_plan(pd.Series({"x": "important_value"}, name="segment"))


def test_every_check_and_cost_has_a_name_in_both_languages():
    from rfmkit.labels import LABELS

    for code in capstone.CHECKS:
        zh, en = LABELS[f"capstone_check.{code}"]
        assert zh and en
    for level in capstone.COST_LEVELS:
        assert all(LABELS[f"capstone_cost.{level}"])


def test_bundled_second_shop_passes_every_check():
    read = rk.read_orders(rk.shop2_orders_path())
    asof = read.data["order_date"].max().normalize()
    table = rk.rfm_table(read.data, asof)
    segments = rk.rfm_segments(table)
    tiers = rk.pyramid_tiers(table["monetary"])
    stages = rk.lifecycle_stages(table)
    plan = capstone.group_plan(segments)
    checks = capstone.run_checks(read, table, segments, tiers, stages, plan)
    assert checks["passed"].all(), checks
    assert checks.loc["read_adds_up", "found"] == read.rows_read
    # every lesson group and every stage has customers in the second shop
    assert set(segments["segment"]) == set(capstone.COST_BY_SEGMENT)
    assert set(stages["stage"]) == {"active", "sleeping", "lost"}
