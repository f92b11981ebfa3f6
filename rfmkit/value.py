"""Customer value (客户价值): the customer pyramid, decile tables, lifetime value and equity.

- :func:`pyramid_tiers` / :func:`tier_summary`: the customer pyramid (客户金字塔): gold (金质)
  top 1 %, silver (银质) next 19 %, bronze (铜质) next 30 %, iron (铁质) bottom 50 %.
- :func:`decile_table`: customers sorted by value and cut into equal-count groups (十分位分析).
- :func:`clv`: customer lifetime value (客户终身价值) as the net present value of yearly net
  cash flows; :func:`yearly_cash_flows` estimates those flows from order data.
- :func:`customer_equity` / :func:`customer_equity_short`: customer equity (客户资产).
- :func:`delivered_value`: Kotler's customer delivered value (客户让渡价值).

Money is in yuan (元), shares in percent (%), rates as fractions (0.10 for 10 %).
Computation only: pandas in, pandas out, inputs never modified, no printing, no clock.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.validation import (
    as_day,
    as_days,
    as_fen,
    as_fraction,
    as_number,
    as_whole,
    column_of,
    require_columns,
    some,
)

TIERS = ("gold", "silver", "bronze", "iron")
DEFAULT_SHARES = (0.01, 0.19, 0.30, 0.50)


# ---------------------------------------------------------------------------------------------
# helpers


def _as_value_series(values, what: str = "values") -> pd.Series:
    """A Series (index = customer), dict or list/array (numbered 0, 1, ...) as a new float
    Series; ValueError for missing or non-numeric values and a customer listed twice."""
    if isinstance(values, pd.DataFrame):
        raise ValueError(error_text("value.not_a_column", what=what))
    if isinstance(values, pd.Series):
        series = values
    elif isinstance(values, Mapping):
        series = pd.Series(dict(values))
    else:
        series = pd.Series(list(values) if not isinstance(values, np.ndarray) else values)
    try:
        numbers = pd.to_numeric(series, errors="raise").astype("float64")
    except (TypeError, ValueError) as error:
        raise ValueError(error_text("value.not_yuan", what=what, error=error)) from None
    missing = numbers.isna().to_numpy()
    if missing.any():
        raise ValueError(error_text("value.missing_for", what=what,
                                    value=some(numbers.index[missing], 10)))
    if numbers.index.has_duplicates:
        twice = list(dict.fromkeys(numbers.index[numbers.index.duplicated()]))[:10]
        raise ValueError(error_text("customers_twice", what=what, twice=twice))
    return numbers


def _order_by_value(values: pd.Series) -> np.ndarray:
    """Positions of ``values``, largest first, equal values by customer id (mixed types as
    text)."""
    try:
        id_order = np.asarray(values.index.argsort(), dtype="int64")
    except TypeError:
        id_order = np.asarray(pd.Index(values.index.map(str)).argsort(), dtype="int64")
    id_rank = np.empty(len(values), dtype="int64")
    id_rank[id_order] = np.arange(len(values))
    # np.lexsort sorts by the last key first: value descending, then id ascending.
    return np.lexsort((id_rank, -values.to_numpy(dtype="float64")))


def _round_half_up(number: Fraction) -> int:
    """Round a non-negative exact fraction to the nearest integer, halves up (18.5 -> 19)."""
    return math.floor(number + Fraction(1, 2))


def _total_and_average(values) -> tuple[float, float]:
    """(total, average) in yuan to the fen, halves up: exact in integer fen when every value is
    whole fen, else an exactly rounded float sum. No values give (0.0, 0.0)."""
    values = np.asarray(values, dtype="float64")
    if values.size == 0:
        return 0.0, 0.0
    scaled = np.round(values * 100)
    if np.all(np.abs(values * 100 - scaled) < 1e-6):
        cents = sum(int(c) for c in scaled)
        return cents / 100, _round_half_up(Fraction(cents, values.size)) / 100
    total = math.fsum(values)
    return round(total, 2), round(total / values.size, 2)


def _percent(part, whole, digits: int = 1):
    """Return 100 * part / whole rounded to ``digits`` decimals, 0 where whole is 0."""
    part = np.asarray(part, dtype="float64")
    if whole == 0:
        return np.zeros_like(part)
    return np.round(100 * part / whole, digits)


# ---------------------------------------------------------------------------------------------
# the customer pyramid


def tier_boundaries(n: int, shares=DEFAULT_SHARES) -> tuple[int, ...]:
    """Return the nominal cumulative tier boundaries (customers) for ``n`` customers.

    Takes the number of customers and the four tier shares (fractions, summing to 1). Returns
    four integers b1 <= b2 <= b3 <= b4 = n: the top b1 customers are gold, the next b2 - b1
    silver, and so on. Each boundary is n x cumulative share rounded half up, computed exactly
    (n = 37: 0.37, 7.4, 18.5, 37 -> 0, 7, 19, 37). Ties can move customers up; see
    :func:`pyramid_tiers`.
    """
    exact = _validate_shares(shares)
    if isinstance(n, bool) or int(n) != n or n < 0:
        raise ValueError(error_text("value.n_customers", n=n))
    n = int(n)
    return (*(min(n, _round_half_up(n * c)) for c in itertools.accumulate(exact[:-1])), n)


def _validate_shares(shares) -> list[Fraction]:
    try:
        shares = list(shares)
    except TypeError:
        raise ValueError(error_text("value.four_shares", shares=shares)) from None
    if len(shares) != len(TIERS):
        raise ValueError(error_text("value.share_count", tiers=len(TIERS), tier_list=list(TIERS),
                                    count=len(shares), given=shares))
    for tier, share in zip(TIERS, shares, strict=True):
        number = as_number(share, error_text("what.share", tier=tier))
        if not number > 0:
            raise ValueError(error_text("value.share_above_zero", tier=tier, share=share))
    total = math.fsum(float(s) for s in shares)
    if abs(total - 1) > 1e-9:
        raise ValueError(error_text("value.shares_sum", total=total, shares=shares))
    return [as_fraction(s, error_text("what.a_share")) for s in shares]


def pyramid_tiers(values, shares=DEFAULT_SHARES) -> pd.DataFrame:
    """Put each customer in a tier of the customer pyramid (客户金字塔) by value.

    Takes ``values``: a Series of each customer's value in yuan (index = customer; e.g.
    ``rfm_table(...)["monetary"]`` or a CLV Series), and ``shares``: the fractions of customers
    in the gold, silver, bronze and iron tiers, top down (default 1 %, 19 %, 30 %, 50 %).

    Returns a DataFrame with the same index in the same order as ``values`` and columns
    ``value`` (yuan), ``rank`` (1 = most valuable), ``tier`` (code ``"gold"``, ``"silver"``,
    ``"bronze"`` or ``"iron"``; :func:`rfmkit.localise` shows the name, e.g. 金质客户 / gold).
    ``.attrs`` holds ``shares``, ``boundaries`` (the cumulative counts), ``counts``
    (customers per tier) and ``split_ties``: one row per boundary that cuts through a group of
    equal values (``upper`` and ``lower`` tier, ``value`` in yuan, customers tied, and how many
    of them went to each side), empty when no tie is split.

    Rules:

    * **Ranking.** Largest value first. Equal values are ordered by customer id (ascending),
      so ``rank`` is deterministic.
    * **Tier sizes.** The cumulative boundary of each tier is n x cumulative share, rounded
      half up, computed exactly (so 1000 x 0.01 is exactly 10). 1000 customers give
      10 / 190 / 300 / 500. For n = 37 the cumulative shares 0.01, 0.20, 0.50, 1.00 give
      0.37, 7.4, 18.5, 37 -> boundaries 0, 7, 19, 37 -> gold 0, silver 7, bronze 12, iron 18.
    * **Gold can be empty.** No customer is forced into gold: with fewer than 50 customers,
      1 % is less than half a customer and rounds to 0, so the pyramid starts at silver
      (50 customers: 0.5 rounds up to 1 gold). Any tier can be empty in a very small group.
    * **Tier sizes are exact; ties are split by the ranking rule and reported.** Each tier
      holds exactly its share, so a big group of equal values (many customers who bought one
      29.90 item) can never flood a tier. When a boundary falls inside such a group, the
      customers with the smaller ids (higher rank) go up, the others down, and the split is
      listed in ``.attrs["split_ties"]``. 100 customers of whom 89 spent the same: gold 1,
      silver 19, bronze 30, iron 50, with the 89 split across the tiers they span.

    Every customer gets exactly one tier, and a higher value never gets a lower tier.
    Raises ValueError for missing values (naming the customers), a customer listed twice, or
    shares that are not four positive fractions adding up to 1.
    """
    series = _as_value_series(values)
    n = len(series)
    boundaries = tier_boundaries(n, shares)  # checks the shares
    order = _order_by_value(series)
    sorted_values = series.to_numpy()[order]
    # the tier of each position: the first tier whose boundary lies beyond it
    tier_index_sorted = np.searchsorted(np.asarray(boundaries), np.arange(n), side="right")
    tier_index = np.empty(n, dtype="int64")
    tier_index[order] = tier_index_sorted
    rank = np.empty(n, dtype="int64")
    rank[order] = np.arange(1, n + 1)
    codes = np.asarray(TIERS, dtype=object)[tier_index]
    result = pd.DataFrame(
        {"value": series.to_numpy(), "rank": rank, "tier": codes},
        index=series.index.copy(),
    )
    result.attrs = {
        "shares": tuple(float(s) for s in shares),
        "boundaries": boundaries,
        "counts": {t: int((tier_index == i).sum()) for i, t in enumerate(TIERS)},
        "split_ties": _split_ties(sorted_values, tier_index_sorted),
    }
    return result


def _split_ties(sorted_values: np.ndarray, tier_index: np.ndarray) -> pd.DataFrame:
    """Each place where equal values (in rank order) end up in two tiers."""
    rows = []
    for position in np.flatnonzero(np.diff(tier_index) > 0) + 1:
        value = sorted_values[position]
        if sorted_values[position - 1] != value:
            continue
        tied = sorted_values == value
        rows.append({
            "upper": TIERS[tier_index[position - 1]], "lower": TIERS[tier_index[position]],
            "value": float(value), "customers_tied": int(tied.sum()),
            "upper_customers": int((tied & (tier_index == tier_index[position - 1])).sum()),
            "lower_customers": int((tied & (tier_index == tier_index[position])).sum()),
        })
    columns = ["upper", "lower", "value", "customers_tied", "upper_customers", "lower_customers"]
    return pd.DataFrame(rows, columns=columns)


def tier_summary(tiers: pd.DataFrame, with_key_row: bool = False) -> pd.DataFrame:
    """Summarise the pyramid per tier, gold first.

    Takes the result of :func:`pyramid_tiers` (columns ``value`` and ``tier``). Returns a
    DataFrame indexed by tier code (gold, silver, bronze, iron; empty tiers appear with zeros)
    with ``customers``, ``customer_share`` (% of customers), ``revenue`` (yuan,
    the tier's total value), ``revenue_share`` (% of all revenue) and ``average`` (yuan per
    customer). Shares are rounded to 0.1 %, yuan to the fen (0.01).

    The key customers (关键客户) are gold + silver. Their figures are in ``.attrs``:
    ``key_customers``, ``key_customer_share`` (%) and ``key_customer_revenue_share`` (%, the
    share of revenue they bring). With ``with_key_row=True`` a last row ``"key"`` repeats them
    (it overlaps gold and silver, so do not add it to the column totals).
    """
    missing = [c for c in ("value", "tier") if c not in tiers.columns]
    if missing:
        raise ValueError(error_text("value.not_tiers", missing=missing,
                                    columns=list(tiers.columns)))
    unknown = sorted(set(tiers["tier"]) - set(TIERS))
    if unknown:
        raise ValueError(error_text("value.unknown_tiers", unknown=unknown, tiers=list(TIERS)))
    values = tiers["value"].to_numpy(dtype="float64")
    codes = tiers["tier"].to_numpy()
    members = {code: values[codes == code] for code in TIERS}
    members["key"] = np.concatenate([members["gold"], members["silver"]])
    shown = [*TIERS, "key"] if with_key_row else list(TIERS)
    money = {code: _total_and_average(members[code]) for code in members}
    counts = {code: len(members[code]) for code in members}
    n = len(values)
    total_revenue, _ = _total_and_average(values)
    result = pd.DataFrame(
        {
            "customers": np.asarray([counts[c] for c in shown], dtype="int64"),
            "customer_share": _percent([counts[c] for c in shown], n),
            "revenue": [money[c][0] for c in shown],
            "revenue_share": _percent([money[c][0] for c in shown], total_revenue),
            "average": [money[c][1] for c in shown],
        },
        index=pd.Index(shown, name="tier"),
    )
    result.attrs = {
        "key_customers": counts["key"],
        "key_customer_share": float(_percent(counts["key"], n)),
        "key_customer_revenue_share": float(_percent(money["key"][0], total_revenue)),
        "total_revenue": total_revenue,
    }
    return result


# ---------------------------------------------------------------------------------------------
# decile table


def decile_table(values, groups: int = 10, with_total: bool = False) -> pd.DataFrame:
    """Sort customers by value, largest first, and cut them into ``groups`` equal-count groups.

    Takes ``values``: a Series of each customer's value in yuan (index = customer; e.g. monthly
    spend), and the number of groups (10 for deciles). Equal values are ordered by customer id;
    because the groups have equal counts, equal values may fall into two neighbouring groups.

    Returns one row per group with ``group`` (1 = most valuable), ``customer_range`` (positions
    in the sorted list, e.g. ``"1-1155"``), ``customers``, ``average`` (yuan per customer),
    ``total`` (yuan) and ``share`` (% of the grand total, 0.1 %). Money is summed exactly and
    rounded to the fen (0.01 yuan) at the end. ``.attrs["total"]`` holds the grand total (yuan)
    and ``.attrs["customers"]`` the number of customers; ``with_total=True`` adds a last row
    with ``group`` = ``"total"``.

    Remainder rule: when n is not a multiple of ``groups``, each group gets n // groups
    customers and the first n % groups groups get one extra. Example n = 23, groups = 10: groups
    1-3 hold 3 customers (1-3, 4-6, 7-9) and groups 4-10 hold 2 (10-11, ..., 22-23).
    11,550 customers give 1-1155, 1156-2310, ..., 10396-11550.

    Raises ValueError when there are fewer customers than groups, or for missing values.
    """
    if isinstance(groups, bool) or int(groups) != groups or groups < 1:
        raise ValueError(error_text("value.groups", groups=groups))
    groups = int(groups)
    series = _as_value_series(values)
    n = len(series)
    if n < groups:
        raise ValueError(error_text("value.groups_too_many", groups=groups, n=n))
    sorted_values = series.to_numpy()[_order_by_value(series)]
    base, extra = divmod(n, groups)
    sizes = [base + 1 if g < extra else base for g in range(groups)]
    ends = np.cumsum(sizes)
    starts = ends - np.asarray(sizes)
    money = [
        _total_and_average(sorted_values[s:e]) for s, e in zip(starts, ends, strict=True)
    ]
    grand_total, grand_average = _total_and_average(sorted_values)
    result = pd.DataFrame(
        {
            "group": list(range(1, groups + 1)),
            "customer_range": [f"{s + 1}-{e}" for s, e in zip(starts, ends, strict=True)],
            "customers": sizes,
            "average": [average for _, average in money],
            "total": [total for total, _ in money],
            "share": list(_percent([total for total, _ in money], grand_total)),
        }
    )
    if with_total:
        total_row = {"group": "total", "customer_range": f"1-{n}", "customers": n,
                     "average": grand_average, "total": grand_total,
                     "share": 100.0 if grand_total else 0.0}
        result = pd.concat([result.astype({"group": object}), pd.DataFrame([total_row])],
                           ignore_index=True)
    result.attrs = {"total": grand_total, "customers": n}
    return result


# ---------------------------------------------------------------------------------------------
# lifetime value and customer equity


def _check_rate(rate) -> float:
    number = as_number(rate, "rate")
    if not number > -1:
        raise ValueError(error_text("value.rate_above", rate=rate))
    if number > 1:
        # A yearly discount rate above 100 % is almost surely a percentage typed as a number.
        raise ValueError(error_text("value.rate_fraction", rate=rate))
    return number


def clv(cash_flows, rate):
    """Customer lifetime value (客户终身价值) as a net present value:
    CLV = sum over years i = 1..n of R_i / (1 + r)^i.

    Takes ``cash_flows``: one customer's yearly net cash flows R_1..R_n in yuan (a list, array
    or Series, in year order), or a DataFrame with one row per customer and one column per year
    (columns in year order, e.g. from :func:`yearly_cash_flows`); and ``rate``: the yearly
    discount rate r as a fraction (0.10 for 10 %). The first year is discounted once, as in the
    lesson's formula (cash flows arrive at the end of each year).

    Returns a float (yuan) for one customer, or a Series ``clv`` (yuan) indexed by customer for
    a DataFrame. Values are not rounded: 100 a year for 3 years at 10 % is 248.685...
    (248.69 yuan). Raises ValueError for a rate of -1 or less or above 1 (100 %), no years,
    or missing cash flows.
    """
    r = _check_rate(rate)
    if isinstance(cash_flows, pd.DataFrame):
        if cash_flows.shape[1] == 0:
            raise ValueError(error_text("value.no_year_columns"))
        try:
            flows = cash_flows.to_numpy(dtype="float64")
        except (TypeError, ValueError) as error:
            raise ValueError(error_text("value.cash_not_numbers", error=error)) from None
        missing = np.isnan(flows).any(axis=1)
        if missing.any():
            raise ValueError(error_text("value.customers_cash_missing",
                                        value=list(cash_flows.index[missing][:10])))
        factors = (1 + r) ** -np.arange(1, flows.shape[1] + 1, dtype="float64")
        return pd.Series(flows @ factors, index=cash_flows.index.copy(), name="clv")
    if isinstance(cash_flows, (str, bytes)) or not isinstance(
        cash_flows, (Sequence, np.ndarray, pd.Series, pd.Index)
    ):
        raise ValueError(error_text("value.cash_flows_type", name=type(cash_flows).__name__))
    try:
        flows = np.asarray(cash_flows, dtype="float64")
    except (TypeError, ValueError) as error:
        raise ValueError(error_text("value.cash_not_numbers", error=error)) from None
    if flows.ndim != 1:
        raise ValueError(error_text("value.one_list"))
    if flows.size == 0:
        raise ValueError(error_text("value.no_years"))
    if np.isnan(flows).any():
        years = [int(i) + 1 for i in np.flatnonzero(np.isnan(flows))]
        raise ValueError(error_text("value.years_missing", years=years))
    return math.fsum(flows / (1 + r) ** np.arange(1, flows.size + 1, dtype="float64"))


def yearly_cash_flows(
    rfm_table_or_spend,
    years: int,
    margin: float,
    retention: float,
    history_years: float = 2.0,
    cost_per_year: float = 0.0,
) -> pd.DataFrame:
    """Estimate each customer's expected yearly net cash flow for the next ``years`` years.

    Takes ``rfm_table_or_spend``: an RFM table (its ``monetary`` column, net spend in yuan) or a
    Series of net spend in yuan per customer; ``years``: how many years to project; ``margin``:
    the share of spend the shop keeps as profit (fraction, 0.25 for 25 %); ``retention``: the
    chance a customer who buys this year still buys next year (fraction); ``history_years``:
    how many years of orders the spend covers (the bundled data covers 2 years);
    ``cost_per_year``: yuan a year spent serving each retained customer (care, SMS, gifts).

    Returns a DataFrame indexed by customer with columns 1..years (int): the expected net cash
    flow in yuan in each future year, ready for :func:`clv`.

    Assumptions (a teaching model, not a forecast):

    * each customer keeps spending at the yearly rate seen in the history:
      base = spend / history_years x margin - cost_per_year;
    * every customer is still a customer in year 1; each later year a fraction ``retention``
      stays, so the expected flow in year i is base x retention^(i - 1);
    * no growth, no price changes; refunds are already netted out of the spend.

    Raises ValueError for years < 1, margin or retention outside 0..1, history_years <= 0,
    a negative cost, or missing spend.
    """
    if isinstance(rfm_table_or_spend, pd.DataFrame):
        if "monetary" not in rfm_table_or_spend.columns:
            raise ValueError(error_text("value.no_monetary",
                                        columns=list(rfm_table_or_spend.columns)))
        spend = _as_value_series(rfm_table_or_spend["monetary"], "monetary")
    else:
        spend = _as_value_series(rfm_table_or_spend, "spend")
    if isinstance(years, bool) or int(years) != years or years < 1:
        raise ValueError(error_text("value.years", years=years))
    years = int(years)
    margin = as_number(margin, "margin")
    retention = as_number(retention, "retention")
    history_years = as_number(history_years, "history_years")
    cost_per_year = as_number(cost_per_year, "cost_per_year")
    if not 0 <= margin <= 1:
        raise ValueError(error_text("value.margin", margin=margin))
    if not 0 <= retention <= 1:
        raise ValueError(error_text("value.retention", retention=retention))
    if not history_years > 0:
        raise ValueError(error_text("value.history_years", history_years=history_years))
    if cost_per_year < 0:
        raise ValueError(error_text("value.cost_per_year", cost_per_year=cost_per_year))
    base = spend.to_numpy() / history_years * margin - cost_per_year
    survival = retention ** np.arange(years, dtype="float64")
    result = pd.DataFrame(
        np.outer(base, survival),
        index=spend.index.copy(),
        columns=pd.Index(range(1, years + 1), name="year"),
    )
    result.attrs = {"margin": margin, "retention": retention, "history_years": history_years,
                    "cost_per_year": cost_per_year}
    return result


def customer_equity(clv_values) -> float:
    """Customer equity (客户资产): the sum of all customers' discounted lifetime values.

    Takes the CLVs in yuan (a Series from :func:`clv`, a list or an array). Returns a float
    (yuan). An empty list gives 0.0. Raises ValueError for missing values. The short form is
    :func:`customer_equity_short`.
    """
    values = _as_value_series(clv_values, "clv_values")
    return float(math.fsum(values.to_numpy()))


def customer_equity_short(customer_base, average_clv) -> float:
    """Customer equity in the lesson's short form: customer base x CLV (yuan).

    Takes ``customer_base`` (number of customers) and ``average_clv`` (yuan per customer).
    Returns a float (yuan).

    It equals :func:`customer_equity` (the sum of each customer's CLV) when ``average_clv`` is
    the mean CLV of the same customers the base counts. The two differ when the base counts
    customers whose CLV is not in the list (e.g. the whole member base with the CLV of a
    sample), or when a median or "typical" CLV is used instead of the mean: with heavy-tailed
    spend the median is well below the mean, so the short form then underestimates equity.
    """
    base = as_number(customer_base, "customer_base")
    average = as_number(average_clv, "average_clv")
    if base < 0:  # as_number has refused infinity
        raise ValueError(error_text("value.customer_base", base=base))
    return base * average


_VALUE_PARTS = ("product", "service", "personnel", "image")
_COST_PARTS = ("money", "time", "mental", "physical")


def delivered_value(
    *,
    product: float = 0.0,
    service: float = 0.0,
    personnel: float = 0.0,
    image: float = 0.0,
    money: float = 0.0,
    time: float = 0.0,
    mental: float = 0.0,
    physical: float = 0.0,
) -> pd.Series:
    """Kotler's customer delivered value (客户让渡价值) = total customer value - total cost.

    Takes, as keywords, the four parts of total customer value (总客户价值): ``product``,
    ``service``, ``personnel`` and ``image`` value, and the four parts of total customer cost
    (总客户成本): ``money``, ``time``, ``mental`` (精神) and ``physical`` (体力) cost, all in
    yuan-equivalents (0 or more; parts left out count as 0).

    Returns a Series (yuan) with each part (``product_value`` ... ``image_value``,
    ``money_cost`` ... ``physical_cost``), ``total_value``, ``total_cost`` and
    ``delivered_value`` = total_value - total_cost. Raises ValueError for a negative or
    non-numeric part.
    """
    given = dict(
        product=product, service=service, personnel=personnel, image=image,
        money=money, time=time, mental=mental, physical=physical,
    )
    numbers = {}
    for part, value in given.items():
        number = as_number(value, part)
        if number < 0:  # as_number has refused infinity
            raise ValueError(error_text("value.yuan_amount", part=part, value=value))
        numbers[part] = number
    total_value = math.fsum(numbers[p] for p in _VALUE_PARTS)
    total_cost = math.fsum(numbers[p] for p in _COST_PARTS)
    entries = {**{f"{p}_value": numbers[p] for p in _VALUE_PARTS}, "total_value": total_value,
               **{f"{p}_cost": numbers[p] for p in _COST_PARTS}, "total_cost": total_cost,
               "delivered_value": total_value - total_cost}
    return pd.Series(entries, name="yuan", dtype="float64")


# ---------------------------------------------------------------------------------------------
# from an order log to lifetime values (notebook 04)


def yearly_spend(
    orders: pd.DataFrame,
    asof,
    days: int = 365,
    *,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
) -> pd.Series:
    """Each customer's net spend in the last ``days`` days up to ``asof`` (yuan).

    Takes an order log (one row per order line: customer, date, amount in yuan; refund lines
    are negative), the as-of day and the window length in days (365: the last year). A line
    counts when ``asof - days < date <= asof`` (calendar days), so ``days=365`` covers the 365
    days ending on ``asof``.

    Returns a Series ``yearly_spend`` (yuan, summed in whole fen) indexed by customer, sorted by
    customer id, with every customer who has any line on or before ``asof``: a customer who
    bought nothing in the window gets 0.0, and one who only returned goods in it gets a
    negative spend (the refund is money the shop paid back). Lines after ``asof`` are ignored.
    Raises ValueError for a missing column, date or amount, or ``days`` below 1.
    """
    require_columns(
        orders, {customer: "the customer's ID", date: "the order date", amount: "the line amount"},
        "orders",
    )
    days = as_whole(days, "days", minimum=1)
    asof_day = as_day(asof, "asof")
    day = as_days(orders[date], column_of("orders", date))
    cents = as_fen(orders[amount], column_of("orders", amount))
    known = (day <= asof_day).to_numpy()
    window = known & (day > asof_day - pd.Timedelta(days=days)).to_numpy()
    who = orders[customer].to_numpy()
    everyone = pd.Index(pd.unique(who[known])).sort_values()
    spent = pd.Series(cents[window], index=who[window]).groupby(level=0).sum()
    result = spent.reindex(everyone, fill_value=0).astype("int64") / 100
    result.index.name = customer
    result.name = "yearly_spend"
    result.attrs = {"asof": asof_day, "days": days}
    return result


def clv_table(cash_flows: pd.DataFrame, rate) -> pd.DataFrame:
    """Per customer: the undiscounted sum of the cash flows, the CLV (NPV), and the gap.

    Takes a DataFrame of yearly net cash flows (customers x years, e.g. from
    :func:`yearly_cash_flows`) and the yearly discount rate (0.10 for 10 %). Returns a
    DataFrame indexed by customer with ``undiscounted`` (R_1 + ... + R_n, yuan), ``clv``
    (sum of R_i / (1 + r)^i, yuan, from :func:`clv`) and ``discounted_away`` (undiscounted -
    clv: what waiting for the money costs). Not rounded.
    """
    values = clv(cash_flows, rate).to_numpy()
    undiscounted = np.array([math.fsum(row) for row in cash_flows.to_numpy(dtype="float64")])
    return pd.DataFrame({"undiscounted": undiscounted, "clv": values,
                         "discounted_away": undiscounted - values}, index=cash_flows.index.copy())


def equity_summary(clv_values, undiscounted=None) -> pd.DataFrame:
    """One row summing up the customer base's lifetime values (客户资产).

    Takes each customer's CLV in yuan (a Series, list or array) and, optionally, each
    customer's undiscounted cash-flow sum. Returns a one-row DataFrame (index ``"all"``) with
    ``customers``, ``customer_equity`` (sum of the CLVs, :func:`customer_equity`),
    ``average_clv`` (mean), ``median_clv`` and, when ``undiscounted`` is given,
    ``undiscounted_total`` (its sum). Yuan rounded to the fen (0.01). No customers give zeros.
    """
    values = _as_value_series(clv_values, "clv_values")
    n = len(values)
    equity = customer_equity(values)
    row = {
        "customers": n,
        "customer_equity": round(equity, 2),
        "average_clv": round(equity / n, 2) if n else 0.0,
        "median_clv": round(float(values.median()), 2) if n else 0.0,
    }
    if undiscounted is not None:
        row["undiscounted_total"] = round(
            customer_equity(_as_value_series(undiscounted, "undiscounted")), 2
        )
    return pd.DataFrame([row], index=pd.Index(["all"]))
