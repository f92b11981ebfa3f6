"""Churn and the customer lifecycle (客户流失与客户生命周期).

- :func:`churn_rate`: churn rate (客户流失率) = lost customers / customers.
- :func:`lifecycle_years`: customer lifecycle (客户生命周期) = 1 / churn rate, in years when the
  churn rate is yearly.
- :func:`period_churn`: churn and retention (CRR, 客户留存率) between consecutive periods,
  straight from an order log.
- :func:`lifecycle_stages`: active (活跃) / sleeping (睡眠) / lost (流失) by recency alone.
- :func:`stage_by_purchases`: how the stages spread over customers with 1, 2, ... purchases.

Rates are fractions in arguments (0.2 for 20 %) and percent in tables (%), days are calendar
days. Computation only: pandas in, pandas out, inputs never modified, no printing, no clock.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.orders import order_totals
from rfmkit.validation import as_day, as_number, as_whole, require_columns

STAGES = ("active", "sleeping", "lost")
PERIOD_LENGTHS = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}


def churn_rate(lost, total) -> float:
    """Churn rate (客户流失率): the fraction of customers lost in a period.

    Takes ``lost`` (customers lost in the period) and ``total`` (customers at the start of the
    period), both whole numbers (3 or 3.0). Returns lost / total as a fraction: 0.2 means 20 %.
    Raises ValueError when ``total`` is 0 (no customers, so no rate), when a count is negative or
    not whole, or when more customers are lost than there were.
    """
    lost_n = as_whole(lost, error_text("what.lost"))
    total_n = as_whole(total, error_text("what.total"))
    if total_n == 0:
        raise ValueError(error_text("lifecycle.total_zero"))
    if lost_n > total_n:
        raise ValueError(error_text("lifecycle.lost_over_total", lost_n=lost_n, total_n=total_n))
    return lost_n / total_n


def lifecycle_years(churn) -> float:
    """Customer lifecycle (客户生命周期) = 1 / churn rate.

    Takes ``churn`` as a fraction between 0 and 1 (0.2 for 20 % a year). Returns the expected
    length of a customer relationship in the same time unit as the churn rate (years for a
    yearly rate): 0.2 -> 5.0 years.

    A churn rate of 0 returns ``math.inf``: no churn means the model predicts no end to the
    relationship (in practice: the period observed was too short to see anyone leave).
    Raises ValueError for a churn rate below 0 or above 1 (write 20 % as 0.2).
    """
    rate = as_number(churn, error_text("what.churn"))
    if not 0 <= rate <= 1:
        raise ValueError(error_text("lifecycle.churn_fraction", churn=churn))
    if rate == 0:
        return math.inf
    return 1 / rate


def _period_list(periods, start, end) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    if isinstance(periods, str):
        if periods not in PERIOD_LENGTHS:
            raise ValueError(error_text("lifecycle.periods", lengths=list(PERIOD_LENGTHS),
                                        periods=periods))
        if start is None or end is None:
            raise ValueError(error_text("lifecycle.periods_dates", periods=periods))
        first, last = as_day(start, "start"), as_day(end, "end")
        months = PERIOD_LENGTHS[periods]
        result = []
        k = 0
        while True:
            begin = first + pd.DateOffset(months=months * k)
            finish = first + pd.DateOffset(months=months * (k + 1)) - pd.Timedelta(days=1)
            if finish > last:
                break
            result.append((begin, finish))
            k += 1
    else:
        if start is not None or end is not None:
            raise ValueError(error_text("lifecycle.start_end_unused"))
        result = []
        for item in periods:
            try:
                begin, finish = item
            except (TypeError, ValueError):
                raise ValueError(error_text("lifecycle.period_pair", item=item)) from None
            result.append((as_day(begin, error_text("what.period_start")),
                           as_day(finish, error_text("what.period_end"))))
    if len(result) < 2:
        raise ValueError(error_text("lifecycle.two_periods", count=len(result)))
    for begin, finish in result:
        if finish < begin:
            raise ValueError(error_text("lifecycle.period_reversed", value=begin.date(),
                                        value2=finish.date()))
    for (_, finish), (begin, _) in zip(result[:-1], result[1:], strict=True):
        if begin <= finish:
            raise ValueError(error_text("lifecycle.periods_order", value=finish.date(),
                                        value2=begin.date()))
    return result


def period_churn(
    orders: pd.DataFrame,
    periods,
    *,
    start=None,
    end=None,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
    order: str = "order_id",
) -> pd.DataFrame:
    """Churn and retention between consecutive periods, from an order log.

    Takes ``orders`` (one row per order line: customer, order number, date, amount in yuan;
    lines of the same order are added up and an order with a positive total is a purchase, as
    in ``rfm_table``) and ``periods``: either a list of (start, end) dates, both days included,
    in date order, or a period length ``"month"``, ``"quarter"``, ``"half-year"`` or ``"year"``
    with ``start`` and ``end`` dates: periods then run from ``start`` one after another, and
    only whole periods that end on or before ``end`` are used.

    Returns one row per pair of consecutive periods k, k+1 with ``period`` and ``next_period``
    (text such as ``"2025-01-01 – 2025-06-30"``), ``active_customers`` (customers who bought
    in period k), ``retained_customers`` (of them, those who also bought in period k+1),
    ``lost_customers`` (those who bought nothing in period k+1), ``churn_rate`` (% of the
    active customers lost) and ``retention_rate`` (CRR, % kept); rates rounded to 0.1 %, NaN
    when nobody bought in period k. New customers of period k+1 do not enter either rate.
    ``.attrs["periods"]`` lists the (start, end) dates used.
    """
    spans = _period_list(periods, start, end)
    totals = order_totals(orders, customer=customer, order=order, date=date, amount=amount)
    purchases = totals[totals["purchase"]]
    buyer = purchases["customer_id"].to_numpy()
    purchase_day = purchases["order_date"].to_numpy()
    buyers = [
        set(buyer[(purchase_day >= np.datetime64(b)) & (purchase_day <= np.datetime64(f))])
        for b, f in spans
    ]

    def text(span):
        return f"{span[0]:%Y-%m-%d} – {span[1]:%Y-%m-%d}"

    rows = []
    for k in range(len(spans) - 1):
        active = buyers[k]
        retained = len(active & buyers[k + 1])
        n = len(active)
        churn = round(100 * (n - retained) / n, 1) if n else math.nan
        retention = round(100 * retained / n, 1) if n else math.nan
        rows.append({"period": text(spans[k]), "next_period": text(spans[k + 1]),
                     "active_customers": n, "retained_customers": retained,
                     "lost_customers": n - retained, "churn_rate": churn,
                     "retention_rate": retention})
    result = pd.DataFrame(rows)
    result.attrs = {"periods": spans}
    return result


def lifecycle_stages(
    table: pd.DataFrame, active_days: int = 90, sleeping_days: int = 180
) -> pd.DataFrame:
    """Put each customer in a lifecycle stage by recency alone.

    Takes an RFM table (column ``recency_days``: days since the last purchase) and two
    thresholds in days. Stages, bounds inclusive as written:

    * active (活跃): recency_days <= active_days
    * sleeping (睡眠): active_days < recency_days <= sleeping_days
    * lost (流失): recency_days > sleeping_days

    So with the defaults a customer 90 days out is still active, 91 to 180 days out is
    sleeping, and 181 days or more is lost.

    Returns a DataFrame with the table's index and ``recency_days``, ``stage`` (code
    ``"active"``, ``"sleeping"`` or ``"lost"``; :func:`rfmkit.localise` shows the name).
    ``.attrs`` holds the thresholds. Raises ValueError unless 0 <= active_days < sleeping_days,
    or when a recency is missing or negative.
    """
    require_columns(table, {"recency_days": "days since the last purchase"}, "table")
    for name, value in (("active_days", active_days), ("sleeping_days", sleeping_days)):
        as_number(value, error_text("what.days", name=name))
    if not 0 <= active_days < sleeping_days:
        raise ValueError(error_text("lifecycle.thresholds", active_days=active_days,
                                    sleeping_days=sleeping_days))
    recency = pd.to_numeric(table["recency_days"])
    bad = (recency.isna() | (recency < 0)).to_numpy()
    if bad.any():
        raise ValueError(error_text("lifecycle.bad_recency", value=list(table.index[bad][:10])))
    days = recency.to_numpy(dtype="float64")
    index = np.where(days <= active_days, 0, np.where(days <= sleeping_days, 1, 2))
    codes = np.asarray(STAGES, dtype=object)[index]
    result = pd.DataFrame(
        {"recency_days": table["recency_days"].to_numpy(), "stage": codes},
        index=table.index.copy(),
    )
    result.attrs = {"active_days": active_days, "sleeping_days": sleeping_days}
    return result


def _check_stage_codes(stages: pd.DataFrame) -> None:
    """Raise a ValueError naming the stage codes of ``stages`` that are not in STAGES."""
    unknown = sorted(set(pd.unique(stages["stage"])) - set(STAGES))
    if unknown:
        raise ValueError(error_text("lifecycle.unknown_stages", unknown=unknown,
                                    stages=list(STAGES)))


def stage_by_purchases(
    table: pd.DataFrame, stages: pd.DataFrame, max_count: int = 5, with_total: bool = False
) -> pd.DataFrame:
    """Cross-table of number of purchases x lifecycle stage.

    Takes an RFM table (column ``frequency``: purchases per customer) and the result of
    :func:`lifecycle_stages` for the same customers, and ``max_count``: purchase counts of
    ``max_count`` or more share the last row (``"5+"`` by default).

    Returns a DataFrame indexed by ``purchases`` (text: ``"1"``, ``"2"``, ..., ``"5+"``; a row
    ``"0"`` comes first only if some customer's orders were all refunds) with the customer
    counts ``active``, ``sleeping``, ``lost``, the row total ``customers``, and the row
    percentages ``active_share``, ``sleeping_share``, ``lost_share`` (% of the row, 0.1 %;
    0 for an empty row). With ``with_total=True`` a last row ``"all"`` covers every customer.
    """
    require_columns(table, {"frequency": "number of purchases"}, "table")
    require_columns(stages, {"stage": "the lifecycle stage code"}, "stages")
    if isinstance(max_count, bool) or int(max_count) != max_count or max_count < 1:
        raise ValueError(error_text("lifecycle.max_count", max_count=max_count))
    max_count = int(max_count)
    if not stages.index.equals(table.index):
        if len(stages) != len(table) or set(stages.index) != set(table.index):
            raise ValueError(error_text("same_customers", first="table", second="stages"))
        stages = stages.reindex(table.index)
    _check_stage_codes(stages)
    frequency = pd.to_numeric(table["frequency"])
    if frequency.isna().any() or (frequency < 0).any():
        raise ValueError(error_text("lifecycle.bad_frequency"))
    counts = frequency.to_numpy(dtype="int64")
    top = f"{max_count}+"
    keys = np.where(counts >= max_count, top, counts.astype(str))
    rows = [str(k) for k in range(1, max_count)] + [top]
    if (counts == 0).any():
        rows = ["0"] + rows
    crossed = (
        pd.crosstab(pd.Series(keys, name="purchases"), stages["stage"].to_numpy())
        .reindex(index=rows, columns=list(STAGES), fill_value=0)
        .astype("int64")
    )
    if with_total:
        crossed.loc["all"] = crossed.sum()
    crossed.index.name = "purchases"
    crossed.columns.name = None
    crossed["customers"] = crossed[list(STAGES)].sum(axis=1)
    totals = crossed["customers"].to_numpy(dtype="float64")
    for code in STAGES:
        crossed[f"{code}_share"] = np.round(np.divide(
            100 * crossed[code].to_numpy(dtype="float64"), totals, out=np.zeros(len(crossed)),
            where=totals > 0), 1)
    crossed.attrs = {"max_count": max_count}
    return crossed


def stage_summary(stages: pd.DataFrame) -> pd.DataFrame:
    """Customers per lifecycle stage, in the order active, sleeping, lost.

    Takes the result of :func:`lifecycle_stages`. Returns a DataFrame indexed by stage code
    (every stage, also an empty one) with ``recency_range``
    (the days each stage covers, e.g. ``"0-90"``, ``"91-180"``, ``"181+"`` for whole-day
    thresholds 90 and 180), ``customers`` and ``customer_share`` (% of all customers, 0.1 %;
    0 when there are none).
    """
    require_columns(stages, {"stage": "the lifecycle stage code"}, "stages")
    _check_stage_codes(stages)
    counts = stages["stage"].value_counts().reindex(list(STAGES), fill_value=0)
    n = int(counts.sum())
    active = stages.attrs.get("active_days")
    sleeping = stages.attrs.get("sleeping_days")
    if active is None or sleeping is None:
        ranges = [""] * len(STAGES)
    elif float(active).is_integer() and float(sleeping).is_integer():
        a, s = int(active), int(sleeping)
        ranges = [f"0-{a}", f"{a + 1}-{s}", f"{s + 1}+"]
    else:
        ranges = [f"<= {active:g}", f"{active:g} < days <= {sleeping:g}", f"> {sleeping:g}"]
    result = pd.DataFrame(
        {
            "recency_range": ranges,
            "customers": counts.to_numpy(dtype="int64"),
            "customer_share": np.round(100 * counts.to_numpy(dtype="float64") / n, 1)
            if n
            else np.zeros(len(STAGES)),
        },
        index=pd.Index(list(STAGES), name="stage"),
    )
    result.attrs = {"active_days": active, "sleeping_days": sleeping}
    return result


def one_time_sleeping_or_lost(cross: pd.DataFrame) -> float:
    """% of the customers with exactly one purchase who are sleeping or lost (0.1 %).

    Takes the output of :func:`rfmkit.lifecycle.stage_by_purchases`; NaN when nobody bought
    exactly once. Raises ValueError when the table has no row "1" (``max_count=1`` pools
    everyone in "1+").
    """
    if "1" not in cross.index:
        raise ValueError(error_text("lifecycle.no_row_1"))
    row = cross.loc["1"]
    n = int(row["customers"])
    if n == 0:
        return float("nan")
    return round(100 * int(row["sleeping"] + row["lost"]) / n, 1)
