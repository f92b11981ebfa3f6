"""The Sam's Club case (山姆会员店案例): raising the value of decile group 8.

Round 1 sets group 8 three targets for this month against last month: visits per member
+50 % (2 -> 3 visits), average ticket (客单价, yuan per visit) +40 % (550 -> 770 yuan) and
monthly sales +30 %. Each member is then put in one group:

- A1: visits target met and ticket target met (两项都达标)
- A2: visits met, ticket not            A3: ticket met, visits not
- A4: neither met: round 2 (SMS, phone ordering, free delivery) is aimed at them
- A0: no baseline (无基期): the member bought nothing last month, so no growth rate exists

Round 2 splits A4 by the growth of their monthly sales: A41 > 30 %, A42 20 %-30 %,
A43 10 %-20 %, A44 < 10 % (the exact edges are in :func:`round_two_rule_text`).

Units: visits are counts per month (次), sales and tickets are yuan (元, 2 decimals), growth
rates are fractions (0.5 = +50 %) in ``*_growth`` columns and percent in ``*_pct`` columns.
Every target and band edge is decided with exact integer arithmetic (visits, and sales in whole
cents 分), so 2 -> 3 visits is exactly +50 % and a 550 -> 770 yuan ticket exactly +40 %, never
0.39999999 because of floating point. The growth columns are the float nearest to the exact
rate, so ``ticket_growth >= 0.4`` agrees with ``ticket_target_met``.

Computation only: pandas in, pandas out, inputs never modified, no printing, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from numbers import Real

import numpy as np
import pandas as pd

from rfmkit.validation import require_columns
from rfmkit.labels import pick

WEEKS = (1, 2, 3, 4)
MONTHS = ("before", "after")
DEFAULT_TARGETS: dict[str, float] = {"visits": 0.50, "ticket": 0.40, "sales": 0.30}
NO_BASELINE = "A0"
ROUND_ONE_GROUPS = ("A1", "A2", "A3", "A4")
ROUND_TWO_GROUPS = ("A41", "A42", "A43", "A44")
# Round-two band edges as exact fractions: A41 > 3/10, A42 >= 1/5, A43 >= 1/10, else A44.
ROUND_TWO_EDGES = (Fraction(3, 10), Fraction(1, 5), Fraction(1, 10))
PROFILE_FIELDS = (
    "age_band",
    "occupation",
    "income_band",
    "marital_status",
    "uses_wechat",
    "preferred_channel",
)
# Fields whose values have a natural order (the membership form's bands), shown in that order.
_ORDERED_VALUES = {
    "age_band": ("18-25", "26-35", "36-45", "46-55", "56-65", "65+"),
    "income_band": ("<3000", "3001-6000", "6001-9000", "9001+"),
}

# group code -> (Chinese, English) name.
GROUP_NAMES: dict[str, tuple[str, str]] = {
    "A0": ("无基期 (上月无消费)", "no baseline (no purchase last month)"),
    "A1": ("两项目标都达成", "both targets met"),
    "A2": ("到店次数达标, 客单价未达标", "visits met, ticket not"),
    "A3": ("客单价达标, 到店次数未达标", "ticket met, visits not"),
    "A4": ("两项都未达标", "neither target met"),
    "A41": ("销售增长 > 30 %", "sales growth > 30 %"),
    "A42": ("20 % ≤ 销售增长 ≤ 30 %", "20 % ≤ sales growth ≤ 30 %"),
    "A43": ("10 % ≤ 销售增长 < 20 %", "10 % ≤ sales growth < 20 %"),
    "A44": ("销售增长 < 10 %", "sales growth < 10 %"),
}

_METRIC_NAMES = {
    "visits": ("月到店次数 (次)", "visits per month (visits)"),
    "ticket": ("客单价 (元/次)", "average ticket (yuan per visit)"),
    "sales": ("月销售额 (元)", "monthly sales (yuan)"),
}

__all__ = [
    "DEFAULT_TARGETS",
    "GROUP_NAMES",
    "NO_BASELINE",
    "PROFILE_FIELDS",
    "ROUND_ONE_GROUPS",
    "ROUND_TWO_GROUPS",
    "campaign_frames",
    "campaign_uplift",
    "decile_comparison",
    "group_profile",
    "group_summary",
    "month_totals",
    "round_one_rule_text",
    "round_two",
    "round_two_bands",
    "round_two_rule_text",
    "uplift_summary",
    "visit_growth_by_baseline",
]


# ---------------------------------------------------------------------------------------------
# helpers


def _group_name(code: str) -> str:
    zh, en = GROUP_NAMES[code]
    return pick(zh, en)




def _some(labels: Iterable, limit: int = 10) -> str:
    """Up to ``limit`` labels, then how many more: for error messages."""
    labels = list(labels)
    more = f" and {len(labels) - limit} more" if len(labels) > limit else ""
    return f"{labels[:limit]}{more}"


def _numbers(values: pd.Series, what: str) -> np.ndarray:
    """Float values of ``values``; ValueError if any is missing, not a number or negative."""
    try:
        numbers = pd.to_numeric(values, errors="raise").astype("float64")
    except (TypeError, ValueError) as error:
        raise ValueError(f"{what} must be numbers: {error}") from None
    array = numbers.to_numpy(dtype="float64")
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{what} is missing (or infinite) for {_some(values.index[bad])}")
    negative = array < 0
    if negative.any():
        raise ValueError(f"{what} must not be negative; it is for {_some(values.index[negative])}")
    return array


def _whole_visits(values: pd.Series, what: str) -> np.ndarray:
    """Visits as Python ints (object array); ValueError unless whole numbers >= 0."""
    array = _numbers(values, what)
    fractional = array != np.floor(array)
    if fractional.any():
        raise ValueError(
            f"{what} must be whole numbers of visits; not so for {_some(values.index[fractional])}"
        )
    return np.array([int(v) for v in array], dtype=object)


def _cents(values: pd.Series, what: str) -> np.ndarray:
    """Yuan as whole cents (Python ints, object array), rounded to the nearest cent."""
    array = _numbers(values, what)
    return np.array([int(v) for v in np.rint(array * 100)], dtype=object)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` for exact integers, correctly rounded to float; NaN where ``den == 0``."""
    return np.array([n / d if d else math.nan for n, d in zip(num, den, strict=True)], dtype=float)


def _at_least(
    after: np.ndarray, before: np.ndarray, rate: Fraction, *, strict: bool = False
) -> np.ndarray:
    """Exactly whether ``after >= before * (1 + rate)`` (``>`` if ``strict``), cross-multiplied.

    ``after`` and ``before`` are exact integers (visits, or cents), so no rounding can move a
    member across the edge.
    """
    num, den = rate.numerator, rate.denominator
    pairs = zip(after, before, strict=True)
    if strict:
        return np.array([a * den > b * (den + num) for a, b in pairs], dtype=bool)
    return np.array([a * den >= b * (den + num) for a, b in pairs], dtype=bool)


def _exact_rate(value, key: str) -> Fraction:
    """A target or edge given as a fraction (0.5 = +50 %) as the exact decimal it was typed as."""
    if isinstance(value, bool) or not isinstance(value, Real | Decimal):
        raise ValueError(f"target {key!r} must be a number such as 0.5 (= +50 %), got {value!r}")
    if not math.isfinite(float(value)):
        raise ValueError(f"target {key!r} must be a finite number, got {value!r}")
    exact = value if isinstance(value, Fraction) else Fraction(str(value))
    if exact <= -1:
        raise ValueError(f"target {key!r} must be above -1 (= -100 %), got {value!r}")
    if exact > 10:
        raise ValueError(
            f"target {key!r} = {value!r} means +{float(exact) * 100:.0f} %: targets are "
            "fractions, e.g. 0.5 for +50 %"
        )
    return exact


def _targets(targets: Mapping[str, float] | None) -> dict[str, float]:
    merged = dict(DEFAULT_TARGETS)
    if targets is not None:
        unknown = sorted(set(targets) - set(DEFAULT_TARGETS))
        if unknown:
            raise ValueError(
                f"unknown target {unknown}; targets are {sorted(DEFAULT_TARGETS)} "
                "(fractions: 0.5 = +50 %)"
            )
        merged.update(targets)
    for key, value in merged.items():
        _exact_rate(value, key)
    return merged


def _member_index(frame: pd.DataFrame, member: str, what: str) -> pd.DataFrame:
    """``frame`` indexed by the member column (or as is, if the index already holds members)."""
    if member in frame.columns:
        frame = frame.set_index(member)
    elif frame.index.name != member:
        raise ValueError(
            f"{what} needs a {member!r} column (the member's ID) or an index named {member!r}. "
            f"Columns found: {list(frame.columns)}"
        )
    if frame.index.has_duplicates:
        dup = frame.index[frame.index.duplicated()].unique()
        raise ValueError(f"{what} lists some members more than once: {_some(dup)}")
    return frame


# ---------------------------------------------------------------------------------------------
# round 1


def month_totals(
    campaign: pd.DataFrame, when: str = "before", *, member: str = "member_id"
) -> pd.DataFrame:
    """One month's visits, sales and average ticket per member, from the campaign table.

    ``campaign`` has the layout of ``data/samsclub_campaign.csv``: ``member_id``, the weekly
    visit counts ``visits_w1_<when>`` .. ``visits_w4_<when>`` and ``sales_<when>`` (yuan), for
    ``when`` = ``"before"`` (last month) or ``"after"`` (this month, after round 1).

    Returns a DataFrame indexed by member with ``visits`` (int: the 4 weekly counts added up),
    ``sales`` (float, yuan, to the cent) and ``ticket`` (float, yuan per visit:
    sales / visits, the case's 客单价; NaN for a member with no visit that month).
    """
    if when not in MONTHS:
        raise ValueError(f"when must be one of {MONTHS}, got {when!r}")
    needed = {f"visits_w{w}_{when}": f"visits in week {w}" for w in WEEKS}
    needed[f"sales_{when}"] = "the month's sales in yuan"
    require_columns(campaign, needed, "campaign")
    table = _member_index(campaign, member, "campaign")
    visits = sum(_whole_visits(table[f"visits_w{w}_{when}"], f"visits_w{w}_{when}") for w in WEEKS)
    sales = _cents(table[f"sales_{when}"], f"sales_{when}")
    return pd.DataFrame(
        {
            "visits": np.array(visits, dtype="int64"),
            "sales": _ratio(sales, np.full(len(sales), 100, dtype=object)),
            "ticket": _ratio(sales, visits * 100),
        },
        index=table.index.copy(),
    )


def campaign_frames(
    campaign: pd.DataFrame, *, member: str = "member_id"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(before, after)``: last month's and this month's :func:`month_totals` (visits, yuan).

    Ready for :func:`campaign_uplift`: ``campaign_uplift(*campaign_frames(campaign))``.
    """
    return (
        month_totals(campaign, "before", member=member),
        month_totals(campaign, "after", member=member),
    )


def campaign_uplift(
    before: pd.DataFrame,
    after: pd.DataFrame,
    targets: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Round 1 of the case: each member's growth, which targets they met, and A1..A4.

    ``before`` and ``after`` are DataFrames indexed by member (the same members) with
    ``visits`` (whole visits in the month) and ``sales`` (yuan) for last month and this month;
    see :func:`campaign_frames`. A ``ticket`` column, if present, is ignored: the ticket is
    always recomputed as sales / visits. ``targets`` are fractions, default
    ``{"visits": 0.50, "ticket": 0.40, "sales": 0.30}`` (+50 %, +40 %, +30 %); give only the
    ones to change. The sales target is only reported (``sales_target_met``): the groups use
    visits and ticket, as the case does.

    Returns a DataFrame indexed by member with
    ``visits_before``, ``visits_after`` (int, visits),
    ``ticket_before``, ``ticket_after`` (float, yuan per visit; NaN with no visit),
    ``sales_before``, ``sales_after`` (float, yuan),
    ``visit_growth``, ``ticket_growth``, ``sales_growth`` (float fractions: after / before − 1,
    0.5 = +50 %), the same in percent as ``visit_growth_pct``, ``ticket_growth_pct``,
    ``sales_growth_pct``,
    ``visits_target_met``, ``ticket_target_met``, ``sales_target_met`` (bool),
    ``baseline_zero`` (bool), ``group`` (``"A1"`` .. ``"A4"``, or ``"A0"``) and ``group_name``
    (in the current language). ``.attrs["targets"]`` keeps the targets used.

    Rules:

    - **Meeting a target**: growth >= target, so reaching it exactly counts (2 -> 3 visits is
      +50 %: met). Decided exactly, in whole visits and whole cents.
    - **Undefined growth**: a rate whose "before" value is 0 does not exist: it is NaN, never
      infinite. Visit growth needs visits last month; sales growth needs sales last month;
      ticket growth needs a ticket both months (sales last month and a visit this month).
      A target whose growth is undefined is **not met**. So a member who came last month but
      not this month has visit growth −100 %, no ticket growth, and is in A4.
    - **No baseline (A0)**: a member with no purchase last month (0 yuan) has nothing to grow
      from. ``baseline_zero`` is True, and they are kept out of A1..A4 in their own group
      ``"A0"`` (无基期) — they are new or returning customers, not an uplift of an old habit.
      :func:`uplift_summary` leaves their undefined rates out of the averages and counts them.

    ValueError if a member appears in only one month, a value is missing or negative, visits are
    not whole numbers, or a month shows sales without a visit.
    """
    targets_used = _targets(targets)
    rate = {key: _exact_rate(value, key) for key, value in targets_used.items()}
    needed = {"visits": "whole visits in the month", "sales": "the month's sales in yuan"}
    require_columns(before, needed, "before")
    require_columns(after, needed, "after")
    for frame, what in ((before, "before"), (after, "after")):
        if frame.index.has_duplicates:
            dup = frame.index[frame.index.duplicated()].unique()
            raise ValueError(f"{what} lists some members more than once: {_some(dup)}")
    only_before = before.index.difference(after.index)
    only_after = after.index.difference(before.index)
    if len(only_before) or len(only_after):
        raise ValueError(
            "before and after must list the same members; only in before: "
            f"{_some(only_before)}, only in after: {_some(only_after)}"
        )
    after = after.reindex(before.index)

    vb = _whole_visits(before["visits"], "before visits")
    va = _whole_visits(after["visits"], "after visits")
    sb = _cents(before["sales"], "before sales")
    sa = _cents(after["sales"], "after sales")
    for visits, sales, what in ((vb, sb, "before"), (va, sa, "after")):
        ghost = (visits == 0) & (sales > 0)
        if ghost.any():
            raise ValueError(
                f"{what}: sales without a visit (visits 0, sales > 0) for "
                f"{_some(before.index[ghost.astype(bool)])}"
            )

    n = len(vb)
    hundred = np.full(n, 100, dtype=object)
    # tickets compared as sales_after/visits_after vs sales_before/visits_before, cross-multiplied
    ticket_a, ticket_b = sa * vb, sb * va
    ticket_den = sb * va  # 0 exactly when the ticket growth is undefined
    baseline_zero = np.array([s == 0 for s in sb], dtype=bool)

    visit_defined = vb != 0
    ticket_defined = ticket_den != 0
    sales_defined = sb != 0
    visits_met = visit_defined.astype(bool) & _at_least(va, vb, rate["visits"])
    ticket_met = ticket_defined.astype(bool) & _at_least(ticket_a, ticket_b, rate["ticket"])
    sales_met = sales_defined.astype(bool) & _at_least(sa, sb, rate["sales"])

    group = np.where(
        visits_met,
        np.where(ticket_met, "A1", "A2"),
        np.where(ticket_met, "A3", "A4"),
    ).astype(object)
    group[baseline_zero] = NO_BASELINE

    visit_num, ticket_num, sales_num = va - vb, ticket_a - ticket_b, sa - sb
    result = pd.DataFrame(
        {
            "visits_before": np.array(vb, dtype="int64"),
            "visits_after": np.array(va, dtype="int64"),
            "ticket_before": _ratio(sb, vb * 100),
            "ticket_after": _ratio(sa, va * 100),
            "sales_before": _ratio(sb, hundred),
            "sales_after": _ratio(sa, hundred),
            "visit_growth": _ratio(visit_num, vb),
            "ticket_growth": _ratio(ticket_num, ticket_den),
            "sales_growth": _ratio(sales_num, sb),
            "visit_growth_pct": _ratio(visit_num * 100, vb),
            "ticket_growth_pct": _ratio(ticket_num * 100, ticket_den),
            "sales_growth_pct": _ratio(sales_num * 100, sb),
            "visits_target_met": visits_met,
            "ticket_target_met": ticket_met,
            "sales_target_met": sales_met,
            "baseline_zero": baseline_zero,
            "group": list(group),
            "group_name": [_group_name(code) for code in group],
        },
        index=before.index.copy(),
    )
    result.attrs = {"targets": dict(targets_used)}
    return result


def _total(values: pd.Series, scale: int) -> int:
    """Exact integer total of visits (scale 1) or yuan in cents (scale 100)."""
    return sum(int(v) for v in np.rint(values.to_numpy(dtype="float64") * scale))


def uplift_summary(
    uplift: pd.DataFrame, targets: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """The case's averages next to the group's aggregate growth, per metric, in percent.

    ``uplift`` is the result of :func:`campaign_uplift` (or a selection of its rows, e.g. one
    group). ``targets`` default to ``uplift.attrs["targets"]``, else the case's targets.

    Returns a DataFrame indexed by metric (``visits``, ``ticket``, ``sales``) with
    ``metric_name`` (with its unit, current language),
    ``target_pct`` (%),
    ``average_growth_pct`` (%): the case's definition, the mean of each member's rate
    (Σ member's growth / members), over members whose rate is defined,
    ``aggregate_growth_pct`` (%): the group's growth as the till sees it, from totals of all
    members: Σ visits after / Σ visits before − 1; ticket = total sales / total visits;
    Σ sales after / Σ sales before − 1 (NaN if a total it divides by is 0),
    ``before`` and ``after``: the group's totals (visits; yuan per visit for the ticket; yuan),
    ``members_averaged`` (members in the average) and ``members_excluded`` (members left out
    because their rate is undefined, see :func:`campaign_uplift`).
    ``.attrs`` holds ``members`` and ``excluded`` (metric -> members left out).

    The two growth columns differ whenever members of different sizes grow differently: a
    member going 1 -> 2 visits (+100 %) and one staying at 10 (0 %) average +50 %, while the
    group went from 11 to 12 visits (+9.09 %).
    """
    needed = {
        col: "a column of campaign_uplift's result"
        for col in (
            "visits_before", "visits_after", "sales_before", "sales_after",
            "visit_growth_pct", "ticket_growth_pct", "sales_growth_pct",
        )
    }  # fmt: skip
    require_columns(uplift, needed, "uplift")
    if targets is None:
        targets = uplift.attrs.get("targets")
    targets_used = _targets(targets)

    vb, va = _total(uplift["visits_before"], 1), _total(uplift["visits_after"], 1)
    sb, sa = _total(uplift["sales_before"], 100), _total(uplift["sales_after"], 100)
    aggregate = {
        "visits": (va - vb) * 100 / vb if vb else math.nan,
        "ticket": (sa * vb - sb * va) * 100 / (sb * va) if sb * va else math.nan,
        "sales": (sa - sb) * 100 / sb if sb else math.nan,
    }
    totals = {
        "visits": (float(vb), float(va)),
        "ticket": (sb / (vb * 100) if vb else math.nan, sa / (va * 100) if va else math.nan),
        "sales": (sb / 100, sa / 100),
    }
    rate_columns = {
        "visits": "visit_growth_pct",
        "ticket": "ticket_growth_pct",
        "sales": "sales_growth_pct",
    }
    rows = []
    excluded = {}
    for metric, column in rate_columns.items():
        rates = uplift[column].to_numpy(dtype="float64")
        defined = rates[~np.isnan(rates)]
        excluded[metric] = int(len(rates) - len(defined))
        average = math.fsum(defined) / len(defined) if len(defined) else math.nan
        rows.append(
            {
                "metric_name": pick(*_METRIC_NAMES[metric]),
                "target_pct": float(_exact_rate(targets_used[metric], metric) * 100),
                "average_growth_pct": average,
                "aggregate_growth_pct": aggregate[metric],
                "before": totals[metric][0],
                "after": totals[metric][1],
                "members_averaged": int(len(defined)),
                "members_excluded": excluded[metric],
            }
        )
    summary = pd.DataFrame(rows, index=pd.Index(list(rate_columns), name="metric"))
    summary.attrs = {"members": int(len(uplift)), "excluded": excluded}
    return summary


def group_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Members and sales per group, for round 1 (A1..A4, and A0 if any) or round 2 (A41..A44).

    ``table`` is the result of :func:`campaign_uplift` or :func:`round_two_bands` /
    :func:`round_two` (it needs ``group``, ``sales_before`` and ``sales_after``).

    Returns a DataFrame indexed by group code, every group of the round listed even when empty
    (A0 only when it has members), with ``group_name`` (current language), ``members`` (int),
    ``member_share_pct`` (% of the table's members), ``sales_before`` and ``sales_after``
    (yuan, the group's totals) and ``sales_growth_pct`` (%, the group's aggregate growth:
    Σ after / Σ before − 1; NaN when Σ before is 0).
    """
    require_columns(
        table,
        {
            "group": "the group code",
            "sales_before": "sales before, in yuan",
            "sales_after": "sales after, in yuan",
        },
        "table",
    )
    present = set(table["group"])
    unknown = sorted(present - set(ROUND_ONE_GROUPS) - set(ROUND_TWO_GROUPS) - {NO_BASELINE})
    if unknown:
        raise ValueError(f"unknown group codes {unknown}")
    if present & set(ROUND_TWO_GROUPS):
        if present - set(ROUND_TWO_GROUPS):
            raise ValueError("table mixes round-one (A0..A4) and round-two (A41..A44) groups")
        codes = list(ROUND_TWO_GROUPS)
    else:
        codes = list(ROUND_ONE_GROUPS) + ([NO_BASELINE] if NO_BASELINE in present else [])
    total = len(table)
    rows = []
    for code in codes:
        part = table[table["group"] == code]
        sb, sa = _total(part["sales_before"], 100), _total(part["sales_after"], 100)
        rows.append(
            {
                "group_name": _group_name(code),
                "members": int(len(part)),
                "member_share_pct": len(part) * 100 / total if total else math.nan,
                "sales_before": sb / 100,
                "sales_after": sa / 100,
                "sales_growth_pct": (sa - sb) * 100 / sb if sb else math.nan,
            }
        )
    return pd.DataFrame(rows, index=pd.Index(codes, name="group"))


def round_one_rule_text(targets: Mapping[str, float] | None = None) -> str:
    """The round-1 grouping rule in words, in the current language (for a notebook cell)."""
    t = _targets(targets)
    v, k = f"{float(t['visits']) * 100:g} %", f"{float(t['ticket']) * 100:g} %"
    return pick(
        f"目标: 到店次数增长 ≥ {v}, 客单价增长 ≥ {k} (正好达到目标也算达成)。"
        "A1 两项都达成; A2 到店次数达成、客单价未达成; A3 客单价达成、到店次数未达成; "
        "A4 两项都未达成。上月无消费的会员没有增长率 (不能除以 0), 单独列为 A0 (无基期), "
        "不计入平均增长率; 本月未到店的会员没有本月客单价, 客单价目标算未达成。",
        f"Targets: visit growth ≥ {v}, ticket growth ≥ {k} (reaching a target exactly counts "
        "as meeting it). A1 both met; A2 visits met, ticket not; A3 ticket met, visits not; "
        "A4 neither. A member with no purchase last month has no growth rate (no dividing by "
        "0): they are kept apart as A0 (no baseline) and left out of the average growth rates; "
        "a member with no visit this month has no ticket this month, so the ticket target "
        "counts as not met.",
    )


# ---------------------------------------------------------------------------------------------
# round 2


def round_two_rule_text() -> str:
    """The round-2 band rule in words, in the current language (for a notebook cell)."""
    return pick(
        "按月销售额增长率分组: A41 增长 > 30 %; A42 20 % ≤ 增长 ≤ 30 %; "
        "A43 10 % ≤ 增长 < 20 %; A44 增长 < 10 %。案例原文只定了两端 (A41 “大于 30 %”, "
        "A44 “小于 10 %”); 在 20 % 处按目标的规则处理: 正好达到 20 % 就算达到, 归入 A42。"
        "增长率按分精确计算, 例如 1100 元 → 1430 元正好是 30 %, 归入 A42。",
        "Bands by growth of monthly sales: A41 growth > 30 %; A42 20 % ≤ growth ≤ 30 %; "
        "A43 10 % ≤ growth < 20 %; A44 growth < 10 %. The case fixes the two ends itself "
        "(A41 'more than 30 %', A44 'less than 10 %'); at 20 % we follow the rule for targets: "
        "reaching 20 % exactly counts as reaching it, so it is A42. Growth is computed exactly "
        "in cents: 1100 -> 1430 yuan is exactly 30 %, so A42.",
    )


def _band_codes(above_30, at_least_20, at_least_10) -> list[str]:
    return [
        "A41" if a else "A42" if b else "A43" if c else "A44"
        for a, b, c in zip(above_30, at_least_20, at_least_10, strict=True)
    ]


def round_two_bands(
    sales_before: pd.Series | None = None,
    sales_after: pd.Series | None = None,
    *,
    growth: pd.Series | None = None,
) -> pd.DataFrame:
    """Round 2 of the case: band members A41..A44 by the growth of their monthly sales.

    Give either ``sales_before`` and ``sales_after`` (Series of monthly sales in yuan, indexed
    by member, the same members; ``sales_before`` > 0 for everyone) — the edges are then decided
    exactly in cents — or ``growth=`` (a Series of growth rates as fractions, 0.3 = +30 %), which
    is first rounded to 9 decimals so that float noise such as 1320/1100 − 1 =
    0.19999999999999996 lands on the edge it means.

    The rule (:func:`round_two_rule_text`): A41 growth > 30 %; A42 20 % ≤ growth ≤ 30 %;
    A43 10 % ≤ growth < 20 %; A44 growth < 10 %. The case's words fix the two ends (A41 "more
    than 30 %", A44 "less than 10 %"); at 20 % the target rule applies (reaching it counts), so
    exactly 20 % is A42. Exactly 30 % is A42, exactly 10 % is A43.

    Returns a DataFrame indexed by member with ``sales_before``, ``sales_after`` (yuan; only
    when sales were given), ``sales_growth`` (fraction), ``sales_growth_pct`` (%), ``group``
    (``"A41"`` .. ``"A44"``) and ``group_name`` (current language).
    """
    if growth is not None:
        if sales_before is not None or sales_after is not None:
            raise ValueError("give either sales_before and sales_after, or growth=, not both")
        series = growth if isinstance(growth, pd.Series) else pd.Series(growth)
        try:
            values = pd.to_numeric(series, errors="raise").to_numpy(dtype="float64")
        except (TypeError, ValueError) as error:
            raise ValueError(f"growth must be numbers (fractions, 0.3 = +30 %): {error}") from None
        bad = ~np.isfinite(values)
        if bad.any():
            raise ValueError(f"growth is missing (or infinite) for {_some(series.index[bad])}")
        rounded = np.round(values, 9)
        top, mid, low = (float(edge) for edge in ROUND_TWO_EDGES)
        codes = _band_codes(rounded > top, rounded >= mid, rounded >= low)
        return pd.DataFrame(
            {
                "sales_growth": values,
                "sales_growth_pct": values * 100,
                "group": codes,
                "group_name": [_group_name(code) for code in codes],
            },
            index=series.index.copy(),
        )

    if sales_before is None or sales_after is None:
        raise ValueError("give sales_before and sales_after (yuan), or growth= (fractions)")
    for series, what in ((sales_before, "sales_before"), (sales_after, "sales_after")):
        if not isinstance(series, pd.Series):
            raise ValueError(f"{what} must be a Series of yuan indexed by member")
        if series.index.has_duplicates:
            dup = series.index[series.index.duplicated()].unique()
            raise ValueError(f"{what} lists some members more than once: {_some(dup)}")
    only_before = sales_before.index.difference(sales_after.index)
    only_after = sales_after.index.difference(sales_before.index)
    if len(only_before) or len(only_after):
        raise ValueError(
            "sales_before and sales_after must list the same members; only in sales_before: "
            f"{_some(only_before)}, only in sales_after: {_some(only_after)}"
        )
    sb = _cents(sales_before, "sales_before")
    sa = _cents(sales_after.reindex(sales_before.index), "sales_after")
    no_base = np.array([s == 0 for s in sb], dtype=bool)
    if no_base.any():
        raise ValueError(
            "round 2 needs sales before (> 0 yuan) to measure growth; 0 for "
            f"{_some(sales_before.index[no_base])} (A4 members always have it)"
        )
    top, mid, low = ROUND_TWO_EDGES
    codes = _band_codes(
        _at_least(sa, sb, top, strict=True), _at_least(sa, sb, mid), _at_least(sa, sb, low)
    )
    hundred = np.full(len(sb), 100, dtype=object)
    return pd.DataFrame(
        {
            "sales_before": _ratio(sb, hundred),
            "sales_after": _ratio(sa, hundred),
            "sales_growth": _ratio(sa - sb, sb),
            "sales_growth_pct": _ratio((sa - sb) * 100, sb),
            "group": codes,
            "group_name": [_group_name(code) for code in codes],
        },
        index=sales_before.index.copy(),
    )


def round_two(
    campaign: pd.DataFrame,
    uplift: pd.DataFrame | None = None,
    *,
    member: str = "member_id",
) -> pd.DataFrame:
    """Round 2 on the campaign table: A4's sales in the round-2 month, banded A41..A44.

    ``campaign`` has the layout of ``data/samsclub_campaign.csv`` (``sales_before`` and
    ``sales_round2`` in yuan are used); ``uplift`` is :func:`campaign_uplift`'s result
    (computed from ``campaign`` when not given), and picks the A4 members.

    Growth is measured from the month before round 1 (``sales_before``, the same baseline as
    round 1's +30 % sales target) to the round-2 month (``sales_round2``). Returns
    :func:`round_two_bands`'s table for the A4 members: ``sales_before``, ``sales_after``
    (= the round-2 month's sales, yuan), ``sales_growth``, ``sales_growth_pct``, ``group``,
    ``group_name``.
    """
    require_columns(
        campaign,
        {
            "sales_before": "sales the month before round 1, in yuan",
            "sales_round2": "sales in the round-2 month, in yuan",
        },
        "campaign",
    )
    if uplift is None:
        uplift = campaign_uplift(*campaign_frames(campaign, member=member))
    table = _member_index(campaign, member, "campaign")
    a4 = uplift.index[uplift["group"] == "A4"]
    missing = a4.difference(table.index)
    if len(missing):
        raise ValueError(f"A4 members not in campaign: {_some(missing)}")
    return round_two_bands(table.loc[a4, "sales_before"], table.loc[a4, "sales_round2"])


# ---------------------------------------------------------------------------------------------
# profiles


def group_profile(
    members: pd.DataFrame,
    ids: Iterable,
    fields: Sequence[str] = PROFILE_FIELDS,
    *,
    reference: Iterable | None = None,
    member: str = "member_id",
) -> pd.DataFrame:
    """Who is in a set of members: the share of each value of each profile field, next to a
    reference set (all members unless ``reference`` is given).

    ``members`` is the membership table (``data/samsclub_members.csv``: ``member_id`` and the
    application-form fields); ``ids`` the member IDs of the set (e.g. group 8, or A4);
    ``reference`` the IDs to compare with (e.g. group 8 when profiling A4; default: every
    member). An ID listed twice counts once. ``fields`` are the columns to profile.

    Returns a DataFrame indexed by (``field``, ``field_value``) with ``group_members`` (int),
    ``group_share_pct`` (% of the set), ``reference_members`` (int), ``reference_share_pct``
    (% of the reference) and ``difference_pct_points`` (set share − reference share, in
    percentage points). Every value found in the set or the reference is listed. A missing
    value is shown as "(missing)" / "(缺失)". Banded fields (age, income) keep the form's order;
    other fields list the set's most common value first. ``.attrs`` holds ``group_size`` and
    ``reference_size``. ValueError if ``ids`` or ``reference`` is empty or names a member not
    in ``members``.
    """
    if isinstance(fields, str):
        fields = (fields,)
    require_columns(members, {f: "a profile field" for f in fields}, "members")
    table = _member_index(members, member, "members")
    chosen = table.loc[_known_ids(ids, table.index, "ids")]
    base = table
    if reference is not None:
        base = table.loc[_known_ids(reference, table.index, "reference")]
    missing_label = pick("(缺失)", "(missing)")
    pieces = []
    for field in fields:
        ref = base[field].astype(object).where(base[field].notna(), missing_label)
        part = chosen[field].astype(object).where(chosen[field].notna(), missing_label)
        ref_counts = {v: int(c) for v, c in ref.value_counts(sort=False).items()}
        group_counts = {v: int(c) for v, c in part.value_counts(sort=False).items()}
        values = list(ref_counts) + [v for v in group_counts if v not in ref_counts]
        order = _ORDERED_VALUES.get(field)
        if order is not None and set(values) <= set(order) | {missing_label}:
            rank = {v: i for i, v in enumerate(order)}
            values.sort(key=lambda v: rank.get(v, len(order)))
        else:
            values.sort(key=lambda v: (-group_counts.get(v, 0), -ref_counts.get(v, 0), str(v)))
        g = np.array([group_counts.get(v, 0) for v in values], dtype="int64")
        r = np.array([ref_counts.get(v, 0) for v in values], dtype="int64")
        g_pct, r_pct = g * 100 / len(chosen), r * 100 / len(base)
        pieces.append(
            pd.DataFrame(
                {
                    "field": field,
                    "field_value": pd.Series(values, dtype=object),
                    "group_members": g,
                    "group_share_pct": g_pct,
                    "reference_members": r,
                    "reference_share_pct": r_pct,
                    "difference_pct_points": g_pct - r_pct,
                }
            )
        )
    columns = ["field", "field_value", "group_members", "group_share_pct", "reference_members",
               "reference_share_pct", "difference_pct_points"]  # fmt: skip
    profile = (
        pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame(columns=columns)
    ).set_index(["field", "field_value"])
    profile.attrs = {"group_size": int(len(chosen)), "reference_size": int(len(base))}
    return profile


def _known_ids(ids: Iterable, known: pd.Index, what: str) -> pd.Index:
    """``ids`` as a unique Index (first-seen order); ValueError if empty or unknown."""
    if isinstance(ids, str):
        ids = [ids]
    wanted = pd.Index(pd.unique(pd.Series(list(ids), dtype=object)))
    if len(wanted) == 0:
        raise ValueError(f"{what} is empty: give the member IDs to profile")
    unknown = wanted.difference(known)
    if len(unknown):
        raise ValueError(f"{what}: member IDs not found in members: {_some(unknown)}")
    return wanted


# ---------------------------------------------------------------------------------------------
# explaining the case in numbers (notebook 08)


def decile_comparison(
    deciles: pd.DataFrame,
    groups: Sequence[int] = (8, 9, 10),
    *,
    reference: int = 1,
    growth: float = 0.30,
) -> pd.DataFrame:
    """The candidate decile groups side by side: why the case picks group 8, in numbers.

    ``deciles`` is the result of :func:`rfmkit.decile_table` (a ``"total"`` row, if present, is
    ignored); ``groups`` the group numbers to compare; ``reference`` the group to compare their
    average with (group 1, the best customers); ``growth`` the sales target as a fraction
    (0.30 = +30 %, the case's target for the group's monthly sales).

    Returns a DataFrame indexed by ``group`` (in the order given) with ``customers``,
    ``average`` (yuan per customer), ``total`` (yuan a month), ``reference_ratio`` (the
    reference group's average ÷ this group's: 80.0 means "spends 1/80 of group 1"; NaN when
    this group's average is 0) and ``extra_sales`` (yuan a month the group would add by growing
    ``growth``: total × growth, to the cent). ``.attrs`` keeps ``reference`` and ``growth``.
    ValueError for a group number not in ``deciles``.
    """
    needed = {
        col: "a column of decile_table's result"
        for col in ("group", "customers", "average", "total")
    }
    require_columns(deciles, needed, "deciles")
    rate = _exact_rate(growth, "growth")
    rows = deciles[deciles["group"].astype(str) != "total"].copy()
    rows.index = pd.Index([int(g) for g in rows["group"]], name="group")
    wanted = [reference, *groups]
    unknown = [g for g in wanted if isinstance(g, bool) or g not in rows.index]
    if unknown:
        raise ValueError(f"group {unknown} is not in deciles; groups are {list(rows.index)}")
    ref_average = Fraction(repr(float(rows.loc[reference, "average"])))
    ratios, extras = [], []
    for group in groups:
        average = Fraction(repr(float(rows.loc[group, "average"])))
        ratios.append(float(ref_average / average) if average else math.nan)
        total = Fraction(repr(float(rows.loc[group, "total"])))
        extras.append(round(total * rate * 100) / 100)
    table = pd.DataFrame(
        {
            "customers": [int(rows.loc[g, "customers"]) for g in groups],
            "average": [float(rows.loc[g, "average"]) for g in groups],
            "total": [float(rows.loc[g, "total"]) for g in groups],
            "reference_ratio": ratios,
            "extra_sales": extras,
        },
        index=pd.Index(list(groups), name="group"),
    )
    table.attrs = {"reference": reference, "growth": float(growth)}
    return table


def visit_growth_by_baseline(uplift: pd.DataFrame) -> pd.DataFrame:
    """Visit growth by last month's visits: why the case's average differs from the total.

    ``uplift`` is the result of :func:`campaign_uplift`. Members are grouped by
    ``visits_before`` (1, 2, 3, ... visits last month). Returns a DataFrame indexed by
    ``visits_before`` with ``members``, ``member_share_pct`` (% of all members), ``before`` and
    ``after`` (the row's total visits last month and this month), ``visit_share_pct`` (% of all
    visits last month), ``average_growth_pct`` (the case's average: mean of the members'
    visit growth, %) and ``aggregate_growth_pct`` (Σ after / Σ before − 1, %). Members with 0
    visits last month form a row with NaN growth (no baseline).

    The case's average gives every member one equal vote; the aggregate growth gives each member
    as many votes as they had visits last month (it equals the average of the members' rates
    weighted by ``visits_before``). Members who came once can only grow in big steps (1 -> 2 is
    +100 %), so when they are many, the two measures part.
    """
    require_columns(
        uplift,
        {
            "visits_before": "a column of campaign_uplift's result",
            "visits_after": "a column of campaign_uplift's result",
            "visit_growth_pct": "a column of campaign_uplift's result",
        },
        "uplift",
    )
    vb = _whole_visits(uplift["visits_before"], "visits_before")
    va = _whole_visits(uplift["visits_after"], "visits_after")
    all_before = sum(vb)
    rates = uplift["visit_growth_pct"].to_numpy(dtype="float64")
    rows = []
    levels = sorted(set(vb))
    for level in levels:
        pick_rows = np.array([v == level for v in vb], dtype=bool)
        before, after = sum(vb[pick_rows]), sum(va[pick_rows])
        defined = rates[pick_rows][~np.isnan(rates[pick_rows])]
        rows.append(
            {
                "members": int(pick_rows.sum()),
                "member_share_pct": pick_rows.sum() * 100 / len(vb),
                "before": int(before),
                "after": int(after),
                "visit_share_pct": before * 100 / all_before if all_before else math.nan,
                "average_growth_pct": math.fsum(defined) / len(defined)
                if len(defined)
                else math.nan,
                "aggregate_growth_pct": (after - before) * 100 / before if before else math.nan,
            }
        )
    columns = ["members", "member_share_pct", "before", "after", "visit_share_pct",
               "average_growth_pct", "aggregate_growth_pct"]  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=columns,
        index=pd.Index([int(v) for v in levels], name="visits_before", dtype="int64"),
    )
