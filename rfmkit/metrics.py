"""Value metrics: CSAT (客户满意度) and NPS (净推荐值) from survey scores, CAC (获客成本) and
CRR (客户留存率).

CSAT and NPS leave missing answers (None, NaN, pd.NA) out: a customer who skipped the question is
not counted at all. Computation only: inputs never modified, no printing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.orders import order_totals
from rfmkit.validation import as_day, as_number, as_whole

NPS_GROUPS = ("promoters", "passives", "detractors")


def _answered(scores, low: int, high: int, what: str) -> np.ndarray:
    """Return the answered scores as whole numbers, checking each lies in ``low..high``."""
    values = pd.Series(scores, dtype="object") if not isinstance(scores, pd.Series) else scores
    values = values[values.notna()]
    numbers = pd.to_numeric(values, errors="coerce")
    not_numbers = values[numbers.isna()]
    if len(not_numbers):
        raise ValueError(error_text("metrics.scores_not_numbers", what=what, low=low, high=high,
                                    value=not_numbers.iloc[0]))
    numbers = numbers.to_numpy(dtype="float64")
    bad = (numbers < low) | (numbers > high) | (numbers != np.round(numbers))
    if bad.any():
        shown = sorted({float(v) for v in numbers[bad]})[:5]
        shown = [int(v) if v.is_integer() else v for v in shown]
        raise ValueError(error_text("metrics.scores_not_whole", what=what, low=low, high=high,
                                    shown=shown))
    if numbers.size == 0:
        raise ValueError(error_text("metrics.no_answers", what=what))
    return numbers.astype("int64")


def csat(scores, satisfied=(4, 5)) -> float:
    """Return CSAT (customer satisfaction, 客户满意度) in %: the share of answered 1-5 scores
    that count as satisfied.

    ``scores``: satisfaction answers on a 1-5 scale (list, array or Series); missing answers
    are left out. ``satisfied``: the scores that count as satisfied, by default 4 and 5.
    Returns a float from 0.0 to 100.0 (not rounded), e.g. ``csat([5, 4, 4, 3]) == 75.0``.
    Raises ValueError for a score outside 1-5 or not whole, or when no score was answered.
    """
    good = {int(s) for s in satisfied}
    if not good or not good <= set(range(1, 6)):
        raise ValueError(error_text("metrics.satisfied", good=sorted(good)))
    answered = _answered(scores, 1, 5, error_text("what.csat"))
    return 100.0 * float(np.isin(answered, sorted(good)).sum()) / answered.size


def _nps_counts(scores) -> tuple[int, int, int]:
    answered = _answered(scores, 0, 10, error_text("what.nps"))
    promoters = int((answered >= 9).sum())
    detractors = int((answered <= 6).sum())
    return promoters, answered.size - promoters - detractors, detractors


def nps(scores) -> float:
    """Return NPS (net promoter score, 净推荐值) in percentage points, from -100 to 100.

    ``scores``: answers to "how likely are you to recommend us?" on a 0-10 scale; missing
    answers are left out. Promoters score 9-10, passives 7-8, detractors 0-6;
    NPS = % promoters - % detractors, e.g. ``nps([10, 9, 8, 7, 6, 0]) == 0.0``
    (2 of 6 promoters, 2 of 6 detractors). Not rounded.
    Raises ValueError for a score outside 0-10 or not whole, or when no score was answered.
    """
    promoters, passives, detractors = _nps_counts(scores)
    return 100.0 * (promoters - detractors) / (promoters + passives + detractors)


def nps_breakdown(scores) -> pd.DataFrame:
    """Return how many answers are promoters (9-10), passives (7-8) and detractors (0-6).

    A DataFrame indexed by group (``promoters``, ``passives``, ``detractors``) with ``count``
    (answers) and ``share`` (% of answered scores, not rounded; the three shares add up to 100).
    ``.attrs`` holds ``answered`` (number of answered scores) and ``nps`` (the same value as
    :func:`nps`). Missing answers are left out; same errors as :func:`nps`.
    """
    counts = _nps_counts(scores)
    answered = sum(counts)
    result = pd.DataFrame(
        {
            "count": np.array(counts, dtype="int64"),
            "share": [100.0 * c / answered for c in counts],
        },
        index=pd.Index(NPS_GROUPS, name="group"),
    )
    result.attrs = {"answered": answered, "nps": 100.0 * (counts[0] - counts[2]) / answered}
    return result


def cac(marketing_spend, new_customers) -> float:
    """Customer acquisition cost (获客成本, CAC) in yuan per new customer.

    CAC = marketing spend (yuan) / new customers won in the same period. Example: 5,000 yuan
    spent and 40 new customers -> 125.0 yuan per new customer. Raises ValueError for 0 new
    customers, a negative spend or count, or a count that is not a whole number.
    """
    spend = as_number(marketing_spend, "marketing_spend")
    if spend < 0:
        raise ValueError(error_text("metrics.negative_spend", marketing_spend=marketing_spend))
    count = as_whole(new_customers, "new_customers")
    if count == 0:
        raise ValueError(error_text("metrics.no_new_customers"))
    return spend / count


def retention_rate(start_customers, end_customers, new_customers) -> float:
    """Customer retention rate (客户留存率, CRR) in percent.

    CRR = (customers at the end - new customers won during the period) / customers at the
    start x 100. Example: 200 at the start, 210 at the end, 30 of them new -> 90.0 %.
    All three are whole numbers of customers. Raises ValueError when ``start_customers`` is 0,
    a count is negative, there are more new customers than customers at the end, or more
    customers kept (end - new) than there were at the start.
    """
    start = as_whole(start_customers, "start_customers")
    end = as_whole(end_customers, "end_customers")
    new = as_whole(new_customers, "new_customers")
    if start == 0:
        raise ValueError(error_text("metrics.no_start_customers"))
    if new > end:
        raise ValueError(error_text("metrics.new_over_end", new=new, end=end))
    if end - new > start:
        raise ValueError(error_text("metrics.kept_over_start", value=end - new, start=start))
    return (end - new) / start * 100


def retention_counts(orders: pd.DataFrame, start, end) -> pd.DataFrame:
    """The customer counts that :func:`retention_rate` needs, taken from an order log.

    The period runs from ``start`` to ``end`` (both days included); the base window is the same
    number of days just before ``start``. Purchases follow :mod:`rfmkit.orders`; orders after
    ``end`` are ignored. Returns one row: ``period_start``, ``period_end``, ``base_start``,
    ``start_customers`` (bought in the base window), ``kept_customers`` (of them, bought again
    in the period), ``new_customers`` (first purchase ever in the period),
    ``reactivated_customers`` (other buyers in the period, back after a long gap: counted
    neither as kept nor as new) and ``end_customers`` (kept + new). So
    ``retention_rate(start, end, new)`` equals the retention rate of
    :func:`rfmkit.lifecycle.period_churn` for the two periods. ValueError if end < start.
    """
    first_day, last_day = as_day(start, "start"), as_day(end, "end")
    if last_day < first_day:
        raise ValueError(error_text("end_before_start", last_day=last_day, first_day=first_day))
    base_start = first_day - (last_day - first_day + pd.Timedelta(days=1))
    totals = order_totals(orders, last_day)
    bought = totals[totals["purchase"]]
    day, customer = bought["order_date"], bought["customer_id"]
    in_base = set(customer[(day >= base_start) & (day < first_day)])
    in_period = set(customer[day >= first_day])
    first_ever = day.groupby(customer).min()
    new = set(first_ever.index[(first_ever >= first_day).to_numpy()])
    kept = in_base & in_period
    counts = {"start_customers": len(in_base), "kept_customers": len(kept),
              "new_customers": len(new), "reactivated_customers": len(in_period - in_base - new),
              "end_customers": len(kept) + len(new)}
    return pd.DataFrame([{"period_start": first_day, "period_end": last_day,
                          "base_start": base_start, **counts}])
