"""The capstone (notebook 09): a service plan per customer group, and checks that hold on ANY shop.

A student runs the whole analysis on their own order export (or the bundled second shop,
:func:`rfmkit.shop2_orders_path`): read -> RFM groups -> pyramid -> lifecycle stages -> a
service plan. Because the data are theirs, nothing can be checked against fixed numbers; what
can be checked is structure and consistency. :func:`run_checks` does that and returns one row
per check (codes; names and explanations are the labels ``capstone_check.<code>``).

:func:`group_plan` turns the lesson's RFM groups into a plan: per customer the group's
suggested action (the scheme's ``action.<segment>`` text) and its cost level. The cost levels
follow the lesson: priority service and personal calls are costly, and the no-value customers
(无价值客户) get low-cost group messages only.

Computation only: inputs never modified, no printing, no clock.
"""

from __future__ import annotations

import math

import pandas as pd

from rfmkit.labels import error_text
from rfmkit.rfm import SCHEMES

__all__ = ["CHECKS", "COST_BY_SEGMENT", "COST_LEVELS", "group_plan", "run_checks"]

COST_LEVELS = ("low", "medium", "high")
# what serving each lesson group costs (names: label "capstone_cost.<code>")
COST_BY_SEGMENT = {
    "maintain": "high",              # priority service, member care
    "develop": "medium",             # new-product notices and bundles
    "general_important": "medium",   # cross-selling, spend-more coupons
    "win_back": "high",              # a personal revisit call and offer
    "ordinary": "low",               # holiday greetings and coupons
    "no_value": "low",               # low-cost group messages only
    "unnamed_recent_small": "low",   # class question: treat as new customers, low cost
    "unnamed_lapsed_big": "medium",  # class question: worth a message, not a call
}
CHECKS = ("read_adds_up", "one_group_each", "groups_add_up", "one_tier_each",
          "revenue_shares_100", "one_stage_each", "plan_covers_all", "no_costly_for_no_value")

if set(COST_BY_SEGMENT) != set(SCHEMES["lesson"]["code"]):  # every lesson group, once
    raise ValueError(error_text("capstone.costs"))


def group_plan(segments: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """A service plan from the lesson's RFM groups: one row per customer, every customer once.

    ``segments`` is :func:`rfmkit.rfm_segments`'s result (lesson scheme), or its ``segment``
    column. Returns a DataFrame indexed like ``segments`` with ``segment`` (code), ``action``
    (the same code: shown as the group's suggested action, label ``action.<segment>``) and
    ``cost`` (``"low"``, ``"medium"`` or ``"high"``, from :data:`COST_BY_SEGMENT`). ValueError
    for a segment code that is not a lesson group.
    """
    codes = segments["segment"] if isinstance(segments, pd.DataFrame) else segments
    unknown = sorted(set(codes.dropna()) - set(COST_BY_SEGMENT))
    if unknown or codes.isna().any():
        raise ValueError(error_text("capstone.not_lesson_groups", value=unknown or ['(missing)']))
    return pd.DataFrame({"segment": codes.to_numpy(), "action": codes.to_numpy(),
                         "cost": codes.map(COST_BY_SEGMENT).to_numpy()},
                        index=codes.index.copy())


def _one_each(table: pd.DataFrame, other: pd.DataFrame | pd.Series, column: str) -> tuple:
    """(ok, placed): how many customers of ``table`` appear exactly once in ``other`` with a
    value in ``column``; ok when that is all of them and nobody else is there."""
    values = other[column] if isinstance(other, pd.DataFrame) else other
    counts = values.dropna().index.value_counts()
    placed = int(counts.reindex(table.index).eq(1).sum())
    extra = len(values.index.difference(table.index))
    return placed == len(table) and extra == 0 and not values.index.has_duplicates, placed


def run_checks(read, table: pd.DataFrame, segments: pd.DataFrame, tiers: pd.DataFrame,
               stages: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """Structure and consistency checks of a whole analysis, whatever the shop.

    ``read`` is what :func:`rfmkit.read_orders` returned (``.data``, ``.rejected``,
    ``.rows_read``); ``table`` the RFM table; ``segments``, ``tiers``, ``stages`` the results of
    ``rfm_segments``, ``pyramid_tiers`` and ``lifecycle_stages`` on it; ``plan`` the service
    plan (one row per customer with ``segment`` and ``cost``, e.g. :func:`group_plan`).

    Returns a DataFrame indexed by ``check`` (the codes of :data:`CHECKS`) with ``passed``
    (bool), ``found`` and ``expected`` (the numbers compared; the same in every language):

    - ``read_adds_up``: kept + rejected rows (found) == rows read (expected);
    - ``one_group_each``: customers in exactly one RFM group == customers;
    - ``groups_add_up``: the group sizes added up == customers;
    - ``one_tier_each``: customers in exactly one pyramid tier == customers;
    - ``revenue_shares_100``: the tiers' revenue shares in % added up (unrounded revenue,
      shown to 2 decimals) == 100, within 0.01;
    - ``one_stage_each``: customers in exactly one lifecycle stage == customers;
    - ``plan_covers_all``: customers in the plan exactly once, with a cost == customers;
    - ``no_costly_for_no_value``: 无价值客户 (``no_value``) with a ``"high"`` cost service == 0.

    A customer listed twice, or someone who is not in ``table``, also fails the "exactly one"
    checks.
    """
    n = len(table)
    rows = {"read_adds_up": (len(read.data) + len(read.rejected), read.rows_read)}
    ok = {"read_adds_up": rows["read_adds_up"][0] == read.rows_read}
    for check, other, column in (("one_group_each", segments, "segment"),
                                 ("one_tier_each", tiers, "tier"),
                                 ("one_stage_each", stages, "stage"),
                                 ("plan_covers_all", plan, "cost")):
        ok[check], placed = _one_each(table, other, column)
        rows[check] = (placed, n)
    sizes = int(segments["segment"].value_counts().sum())
    rows["groups_add_up"], ok["groups_add_up"] = (sizes, n), sizes == n
    revenue = table["monetary"].groupby(tiers["tier"].reindex(table.index)).sum()
    total = float(table["monetary"].sum())
    shares = round(float((revenue / total * 100).sum()), 2) if total else math.nan
    rows["revenue_shares_100"] = (shares, 100)
    ok["revenue_shares_100"] = bool(total) and abs(shares - 100) <= 0.01
    costly = int(((plan["segment"] == "no_value") & (plan["cost"] == "high")).sum())
    rows["no_costly_for_no_value"], ok["no_costly_for_no_value"] = (costly, 0), costly == 0
    return pd.DataFrame(
        {"passed": [bool(ok[c]) for c in CHECKS],
         "found": [float(rows[c][0]) for c in CHECKS],
         "expected": [float(rows[c][1]) for c in CHECKS]},
        index=pd.Index(list(CHECKS), name="check"))
