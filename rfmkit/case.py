"""The Sam's Club case (山姆会员店案例): raising the value of decile group 8.

Round 1 (:func:`campaign_uplift`) sets group 8 targets for this month against last month:
visits per member +50 % (2 -> 3), average ticket (客单价, yuan per visit) +40 % (550 -> 770)
and monthly sales +30 %, and puts each member in group A1 (both met), A2 (visits only), A3
(ticket only), A4 (neither) or A0 (no purchase last month: no baseline, 无基期). Round 2
(:func:`round_two_bands`) bands A4 by sales growth on the previous month (上月, round 1's
month): A41..A44. Groups are codes; their names are shown at display time
(``rfmkit.labels.name("case_group", code)``), the rules in words are the labels
``case_rule.round_one`` and ``case_rule.round_two``.

Units: visits are counts per month (次), sales and tickets yuan (元), growth rates fractions
(0.5 = +50 %) in ``*_growth`` columns and percent in ``*_pct`` columns. Every target and band
edge is decided exactly in integers (whole visits; sales in whole fen 分; targets as the
decimal typed), so 2 -> 3 visits is exactly +50 % and 550 -> 770 yuan exactly +40 %, never
0.39999999. Growth columns are the float nearest the exact rate, so ``ticket_growth >= 0.4``
agrees with ``ticket_target_met``. Computation only: inputs never modified, no printing, no
clock.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.profiles import members_by_id, profile_comparison
from rfmkit.validation import as_fen, as_fraction, as_numbers, as_wholes, require_columns, some

WEEKS = (1, 2, 3, 4)
MONTHS = ("before", "after")
DEFAULT_TARGETS: dict[str, float] = {"visits": 0.50, "ticket": 0.40, "sales": 0.30}
NO_BASELINE = "A0"
ROUND_ONE_GROUPS = ("A1", "A2", "A3", "A4")
ROUND_TWO_GROUPS = ("A41", "A42", "A43", "A44")
# Round-two band edges as exact fractions: A41 > 3/10, A42 >= 1/5, A43 >= 1/10, else A44.
ROUND_TWO_EDGES = (Fraction(3, 10), Fraction(1, 5), Fraction(1, 10))
# How the case reads the candidate decile groups (codes; names: label "decile_reading.<code>").
# The case: group 10 (not 9) may be new or dormant customers, to develop as new customers;
# group 9 has a higher ticket but buys rarely and is not loyal; group 8 has the habit.
DECILE_READING = {8: "uplift", 9: "rare_not_loyal", 10: "new_or_dormant"}
PROFILE_FIELDS = ("age_band", "occupation", "income_band", "marital_status", "uses_wechat",
                  "preferred_channel")

__all__ = [
    "DECILE_READING", "DEFAULT_TARGETS", "NO_BASELINE", "PROFILE_FIELDS", "ROUND_ONE_GROUPS",
    "ROUND_TWO_GROUPS",
    "campaign_frames", "campaign_uplift", "decile_comparison", "group_profile", "group_summary",
    "month_totals", "round_two", "round_two_bands", "uplift_summary", "visit_growth_by_baseline",
]


# Exact arithmetic in Python ints (object arrays): products of fen and visits never overflow.
def _visits(values: pd.Series, what: str) -> np.ndarray:
    """Whole visits (>= 0) as Python ints; ValueError naming the rows otherwise."""
    return as_wholes(values, what).astype(object)


def _fen(values: pd.Series, what: str) -> np.ndarray:
    """Yuan (>= 0) as whole fen, Python ints; ValueError naming the rows otherwise."""
    return as_fen(values, what, minimum=0).astype(object)


def _ratio(num: np.ndarray, den) -> np.ndarray:
    """``num / den`` for exact integers, correctly rounded to float; NaN where ``den == 0``."""
    den = np.broadcast_to(np.asarray(den, dtype=object), np.shape(num))
    return np.array([n / d if d else math.nan for n, d in zip(num, den, strict=True)], dtype=float)


def _at_least(after: np.ndarray, before: np.ndarray, rate: Fraction, *,
              strict: bool = False) -> np.ndarray:
    """Exactly whether ``after >= before * (1 + rate)`` (``>`` if ``strict``), cross-multiplied
    in integers, so no rounding can move a member across the edge."""
    num, den = rate.numerator, rate.denominator
    beyond = operator.gt if strict else operator.ge
    return np.array([beyond(a * den, b * (den + num)) for a, b in zip(after, before, strict=True)],
                    dtype=bool)


def _rate(value, key: str) -> Fraction:
    """A target given as a fraction (0.5 = +50 %), as the exact decimal it was typed as."""
    exact = as_fraction(value, error_text("what.target", key=key))
    if exact <= -1:
        raise ValueError(error_text("case.target_above", key=key, value=value))
    if exact > 10:
        raise ValueError(error_text("case.target_fraction", key=key, value=value,
                                    value2=float(exact) * 100))
    return exact


def _targets(targets: Mapping[str, float] | None) -> tuple[dict, dict[str, Fraction]]:
    """The targets as given, defaults filled in, and as exact fractions (checked)."""
    merged = dict(DEFAULT_TARGETS)
    if targets is not None:
        unknown = sorted(set(targets) - set(DEFAULT_TARGETS))
        if unknown:
            raise ValueError(error_text("case.unknown_target", unknown=unknown,
                                        targets=sorted(DEFAULT_TARGETS)))
        merged.update(targets)
    return merged, {key: _rate(value, key) for key, value in merged.items()}


def _same_members(before: pd.Series | pd.DataFrame, after, names: tuple[str, str]) -> None:
    """ValueError unless ``before`` and ``after`` list the same members, each once."""
    for frame, what in zip((before, after), names, strict=True):
        if frame.index.has_duplicates:
            twice = frame.index[frame.index.duplicated()].unique()
            raise ValueError(error_text("members_twice", what=what, twice=some(twice)))
    only_before = before.index.difference(after.index)
    only_after = after.index.difference(before.index)
    if len(only_before) or len(only_after):
        raise ValueError(error_text("case.same_members", value=names[0], value2=names[1],
                                    only_before=some(only_before), only_after=some(only_after)))


def month_totals(campaign: pd.DataFrame, when: str = "before", *,
                 member: str = "member_id") -> pd.DataFrame:
    """One month's visits, sales and average ticket per member, from the campaign table.

    ``campaign`` has the layout of ``data/samsclub_campaign.csv``: ``member_id``, the weekly
    visit counts ``visits_w1_<when>`` .. ``visits_w4_<when>`` and ``sales_<when>`` (yuan), for
    ``when`` = ``"before"`` (last month) or ``"after"`` (this month, after round 1).

    Returns a DataFrame indexed by member with ``visits`` (int: the 4 weekly counts added up),
    ``sales`` (float, yuan, to the fen) and ``ticket`` (float, yuan per visit:
    sales / visits, the case's 客单价; NaN for a member with no visit that month).
    """
    if when not in MONTHS:
        raise ValueError(error_text("case.when", months=MONTHS, when=when))
    needed = {f"visits_w{w}_{when}": f"visits in week {w}" for w in WEEKS}
    needed[f"sales_{when}"] = "the month's sales in yuan"
    require_columns(campaign, needed, "campaign")
    table = members_by_id(campaign, member, "campaign")
    visits = sum(_visits(table[f"visits_w{w}_{when}"], f"visits_w{w}_{when}") for w in WEEKS)
    sales = _fen(table[f"sales_{when}"], f"sales_{when}")
    return pd.DataFrame({"visits": np.array(visits, dtype="int64"), "sales": _ratio(sales, 100),
                         "ticket": _ratio(sales, visits * 100)}, index=table.index.copy())


def campaign_frames(campaign: pd.DataFrame, *,
                    member: str = "member_id") -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(before, after)``: last month's and this month's :func:`month_totals` (visits, yuan),
    ready for :func:`campaign_uplift`: ``campaign_uplift(*campaign_frames(campaign))``."""
    return tuple(month_totals(campaign, when, member=member) for when in MONTHS)


def campaign_uplift(before: pd.DataFrame, after: pd.DataFrame,
                    targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Round 1 of the case: each member's growth, which targets they met, and A1..A4.

    ``before`` and ``after`` are DataFrames indexed by member (the same members) with
    ``visits`` (whole visits in the month) and ``sales`` (yuan) for last month and this month;
    see :func:`campaign_frames`. A ``ticket`` column, if present, is ignored: the ticket is
    always recomputed as sales / visits. ``targets`` are fractions, default
    ``{"visits": 0.50, "ticket": 0.40, "sales": 0.30}`` (+50 %, +40 %, +30 %); give only the
    ones to change. The sales target is only reported (``sales_target_met``): the groups use
    visits and ticket, as the case does.

    Returns a DataFrame indexed by member with ``visits_before``, ``visits_after`` (int),
    ``ticket_before``, ``ticket_after`` (yuan per visit; NaN with no visit), ``sales_before``,
    ``sales_after`` (yuan), ``visit_growth``, ``ticket_growth``, ``sales_growth`` (fractions:
    after / before − 1, 0.5 = +50 %), the same in percent as ``*_growth_pct``,
    ``visits_target_met``, ``ticket_target_met``, ``sales_target_met``, ``baseline_zero``
    (bool) and ``group`` (code ``"A1"`` .. ``"A4"``, or ``"A0"``). ``.attrs["targets"]`` keeps
    the targets used.

    Rules:

    - **Meeting a target**: growth >= target, so reaching it exactly counts (2 -> 3 visits is
      +50 %: met). Decided exactly, in whole visits and whole fen.
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
    targets_used, rate = _targets(targets)
    needed = {"visits": "whole visits in the month", "sales": "the month's sales in yuan"}
    require_columns(before, needed, "before")
    require_columns(after, needed, "after")
    _same_members(before, after, ("before", "after"))
    after = after.reindex(before.index)
    vb = _visits(before["visits"], error_text("what.visits_before"))
    va = _visits(after["visits"], error_text("what.visits_after"))
    sb = _fen(before["sales"], error_text("what.sales_before"))
    sa = _fen(after["sales"], error_text("what.sales_after"))
    for visits, sales, what in ((vb, sb, "before"), (va, sa, "after")):
        ghost = ((visits == 0) & (sales > 0)).astype(bool)
        if ghost.any():
            raise ValueError(error_text("case.sales_without_visit", what=what,
                                        value=some(before.index[ghost])))

    # tickets compared as sales_after/visits_after vs sales_before/visits_before, cross-multiplied;
    # the denominator is 0 exactly when the ticket growth is undefined
    ticket_a, ticket_b = sa * vb, sb * va
    baseline_zero = (sb == 0).astype(bool)
    visits_met = (vb != 0).astype(bool) & _at_least(va, vb, rate["visits"])
    ticket_met = (ticket_b != 0).astype(bool) & _at_least(ticket_a, ticket_b, rate["ticket"])
    sales_met = ~baseline_zero & _at_least(sa, sb, rate["sales"])
    group = np.where(visits_met, np.where(ticket_met, "A1", "A2"),
                     np.where(ticket_met, "A3", "A4")).astype(object)
    group[baseline_zero] = NO_BASELINE

    rates = {"visit": (va - vb, vb), "ticket": (ticket_a - ticket_b, ticket_b),
             "sales": (sa - sb, sb)}
    result = pd.DataFrame(
        {
            "visits_before": np.array(vb, dtype="int64"),
            "visits_after": np.array(va, dtype="int64"),
            "ticket_before": _ratio(sb, vb * 100),
            "ticket_after": _ratio(sa, va * 100),
            "sales_before": _ratio(sb, 100),
            "sales_after": _ratio(sa, 100),
            **{f"{key}_growth": _ratio(num, den) for key, (num, den) in rates.items()},
            **{f"{key}_growth_pct": _ratio(num * 100, den) for key, (num, den) in rates.items()},
            "visits_target_met": visits_met,
            "ticket_target_met": ticket_met,
            "sales_target_met": sales_met,
            "baseline_zero": baseline_zero,
            "group": list(group),
        },
        index=before.index.copy(),
    )
    result.attrs = {"targets": dict(targets_used)}
    return result


def _mean(rates) -> float:
    """The mean of the defined rates (an exact sum, math.fsum); NaN when there are none."""
    rates = [r for r in rates if not math.isnan(r)]
    return math.fsum(rates) / len(rates) if rates else math.nan


def _visit_total(values: pd.Series) -> int:
    return int(as_wholes(values, str(values.name)).sum())


def _fen_total(values: pd.Series) -> int:
    return int(as_fen(values, str(values.name)).sum())


def uplift_summary(uplift: pd.DataFrame,
                   targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """The case's averages next to the group's aggregate growth, per metric, in percent.

    ``uplift`` is the result of :func:`campaign_uplift` (or a selection of its rows, e.g. one
    group). ``targets`` default to ``uplift.attrs["targets"]``, else the case's targets.

    Returns a DataFrame indexed by ``metric`` (codes ``visits``, ``ticket``, ``sales``; their
    names with units are the labels ``case_metric.<code>``) with ``target_pct`` (%),
    ``average_growth_pct`` (%, the case's definition: the mean of the members' rates, over
    members whose rate is defined), ``aggregate_growth_pct`` (%, the group's growth as the till
    sees it, from the totals of all members; the ticket is total sales / total visits; NaN if
    a total it divides by is 0), ``before`` and ``after`` (the group's totals: visits; yuan
    per visit; yuan), ``members_averaged`` and ``members_excluded`` (left out because their
    rate is undefined, see :func:`campaign_uplift`). ``.attrs``: ``members``, ``excluded``.

    The two growth columns differ whenever members of different sizes grow differently: a
    member going 1 -> 2 visits (+100 %) and one staying at 10 (0 %) average +50 %, while the
    group went from 11 to 12 visits (+9.09 %).
    """
    require_columns(uplift, dict.fromkeys(
        ["visits_before", "visits_after", "sales_before", "sales_after", "visit_growth_pct",
         "ticket_growth_pct", "sales_growth_pct"], "a column of campaign_uplift's result"),
        "uplift")
    _, rate = _targets(uplift.attrs.get("targets") if targets is None else targets)
    vb, va = _visit_total(uplift["visits_before"]), _visit_total(uplift["visits_after"])
    sb, sa = _fen_total(uplift["sales_before"]), _fen_total(uplift["sales_after"])
    metrics = {
        # metric: (rate column, aggregate growth %, total before, total after)
        "visits": ("visit_growth_pct", _ratio([(va - vb) * 100], vb)[0], float(vb), float(va)),
        "ticket": ("ticket_growth_pct", _ratio([(sa * vb - sb * va) * 100], sb * va)[0],
                   _ratio([sb], vb * 100)[0], _ratio([sa], va * 100)[0]),
        "sales": ("sales_growth_pct", _ratio([(sa - sb) * 100], sb)[0], sb / 100, sa / 100),
    }
    rows, excluded = [], {}
    for metric, (column, aggregate, before, after) in metrics.items():
        rates = uplift[column].to_numpy(dtype="float64")
        defined = rates[~np.isnan(rates)]
        excluded[metric] = int(len(rates) - len(defined))
        rows.append({"target_pct": float(rate[metric] * 100),
                     "average_growth_pct": _mean(defined), "aggregate_growth_pct": aggregate,
                     "before": before, "after": after, "members_averaged": len(defined),
                     "members_excluded": excluded[metric]})
    summary = pd.DataFrame(rows, index=pd.Index(list(metrics), name="metric"))
    summary.attrs = {"members": int(len(uplift)), "excluded": excluded}
    return summary


def group_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Members and sales per group, for round 1 (A1..A4, and A0 if any) or round 2 (A41..A44).

    ``table`` is the result of :func:`campaign_uplift` or :func:`round_two_bands` /
    :func:`round_two` (it needs ``group``, ``sales_before`` and ``sales_after``).

    Returns a DataFrame indexed by group code, every group of the round listed even when empty
    (A0 only when it has members), with ``members`` (int), ``member_share_pct`` (% of the
    table's members), ``sales_before`` and ``sales_after`` (yuan, the group's totals) and
    ``sales_growth_pct`` (%, the group's aggregate growth: Σ after / Σ before − 1; NaN when
    Σ before is 0).
    """
    require_columns(table, {"group": "the group code", "sales_before": "sales before, in yuan",
                            "sales_after": "sales after, in yuan"}, "table")
    present = set(table["group"])
    unknown = sorted(present - set(ROUND_ONE_GROUPS) - set(ROUND_TWO_GROUPS) - {NO_BASELINE})
    if unknown:
        raise ValueError(error_text("case.unknown_groups", unknown=unknown))
    if present & set(ROUND_TWO_GROUPS):
        if present - set(ROUND_TWO_GROUPS):
            raise ValueError(error_text("case.mixed_rounds"))
        codes = list(ROUND_TWO_GROUPS)
    else:
        codes = list(ROUND_ONE_GROUPS) + ([NO_BASELINE] if NO_BASELINE in present else [])
    rows = []
    for code in codes:
        part = table[table["group"] == code]
        sb, sa = _fen_total(part["sales_before"]), _fen_total(part["sales_after"])
        rows.append({"members": len(part),
                     "member_share_pct": len(part) * 100 / len(table) if len(table) else math.nan,
                     "sales_before": sb / 100, "sales_after": sa / 100,
                     "sales_growth_pct": _ratio([(sa - sb) * 100], sb)[0]})
    return pd.DataFrame(rows, index=pd.Index(codes, name="group"))


def _band_codes(above_30, at_least_20, at_least_10) -> list[str]:
    return [
        "A41" if a else "A42" if b else "A43" if c else "A44"
        for a, b, c in zip(above_30, at_least_20, at_least_10, strict=True)
    ]


def round_two_bands(sales_before: pd.Series | None = None, sales_after: pd.Series | None = None,
                    *, growth: pd.Series | None = None) -> pd.DataFrame:
    """Round 2 of the case: band members A41..A44 by the growth of their monthly sales.

    Give either ``sales_before`` and ``sales_after`` (Series of monthly sales in yuan, indexed
    by member, the same members; ``sales_before`` > 0 for everyone) — the edges are then decided
    exactly in fen — or ``growth=`` (a Series of growth rates as fractions, 0.3 = +30 %), which
    is first rounded to 9 decimals so that float noise such as 1320/1100 − 1 =
    0.19999999999999996 lands on the edge it means.

    The rule (label ``case_rule.round_two``): A41 growth > 30 %; A42 20 % ≤ growth ≤ 30 %;
    A43 10 % ≤ growth < 20 %; A44 growth < 10 %. The case's words fix the two ends (A41 "more
    than 30 %", A44 "less than 10 %"); at 20 % the target rule applies (reaching it counts), so
    exactly 20 % is A42. Exactly 30 % is A42, exactly 10 % is A43.

    Returns a DataFrame indexed by member with ``sales_before``, ``sales_after`` (yuan; only
    when sales were given), ``sales_growth`` (fraction), ``sales_growth_pct`` (%) and ``group``
    (code ``"A41"`` .. ``"A44"``).
    """
    if growth is not None:
        if sales_before is not None or sales_after is not None:
            raise ValueError(error_text("case.both_sales_and_growth"))
        series = growth if isinstance(growth, pd.Series) else pd.Series(growth)
        values = as_numbers(series, error_text("what.growth"))
        rounded = np.round(values, 9)
        top, mid, low = (float(edge) for edge in ROUND_TWO_EDGES)
        return pd.DataFrame({"sales_growth": values, "sales_growth_pct": values * 100,
                             "group": _band_codes(rounded > top, rounded >= mid, rounded >= low)},
                            index=series.index.copy())

    if sales_before is None or sales_after is None:
        raise ValueError(error_text("case.sales_or_growth"))
    for series, what in ((sales_before, "sales_before"), (sales_after, "sales_after")):
        if not isinstance(series, pd.Series):
            raise ValueError(error_text("case.yuan_series", what=what))
    _same_members(sales_before, sales_after, ("sales_before", "sales_after"))
    sb = _fen(sales_before, "sales_before")
    sa = _fen(sales_after.reindex(sales_before.index), "sales_after")
    no_base = (sb == 0).astype(bool)
    if no_base.any():
        raise ValueError(error_text("case.no_sales_before",
                                    value=some(sales_before.index[no_base])))
    top, mid, low = ROUND_TWO_EDGES
    return pd.DataFrame(
        {
            "sales_before": _ratio(sb, 100),
            "sales_after": _ratio(sa, 100),
            "sales_growth": _ratio(sa - sb, sb),
            "sales_growth_pct": _ratio((sa - sb) * 100, sb),
            "group": _band_codes(_at_least(sa, sb, top, strict=True), _at_least(sa, sb, mid),
                                 _at_least(sa, sb, low)),
        },
        index=sales_before.index.copy(),
    )


def round_two(campaign: pd.DataFrame, uplift: pd.DataFrame | None = None, *,
              member: str = "member_id") -> pd.DataFrame:
    """Round 2 on the campaign table: A4's sales in the round-2 month, banded A41..A44.

    ``campaign`` has the layout of ``data/samsclub_campaign.csv`` (``sales_after`` and
    ``sales_round2`` in yuan are used); ``uplift`` is :func:`campaign_uplift`'s result
    (computed from ``campaign`` when not given), and picks the A4 members.

    As the case says, each A4 member is compared with the previous month (上月), i.e. the month
    of round 1 (``sales_after``), not the month before round 1: growth runs from round 1's
    month to the round-2 month (``sales_round2``). Returns :func:`round_two_bands`'s table for
    the A4 members: ``sales_before`` (= round 1's month, yuan), ``sales_after`` (= the round-2
    month, yuan), ``sales_growth``, ``sales_growth_pct``, ``group``. ValueError if an A4
    member bought nothing in round 1's month (no baseline).
    """
    require_columns(campaign, {"sales_after": "sales in the month of round 1, in yuan",
                               "sales_round2": "sales in the round-2 month, in yuan"}, "campaign")
    if uplift is None:
        uplift = campaign_uplift(*campaign_frames(campaign, member=member))
    table = members_by_id(campaign, member, "campaign")
    a4 = uplift.index[uplift["group"] == "A4"]
    missing = a4.difference(table.index)
    if len(missing):
        raise ValueError(error_text("case.a4_not_in_campaign", missing=some(missing)))
    return round_two_bands(table.loc[a4, "sales_after"], table.loc[a4, "sales_round2"])


def group_profile(members: pd.DataFrame, ids: Iterable, fields: Sequence[str] = PROFILE_FIELDS,
                  *, reference: Iterable | None = None, member: str = "member_id") -> pd.DataFrame:
    """Who is in a set of members: the share of each value of each profile field, next to a
    reference set (all members unless ``reference`` is given).

    ``members`` is the membership table (``data/samsclub_members.csv``: ``member_id`` and the
    application-form fields); ``ids`` the member IDs of the set (e.g. group 8, or A4);
    ``reference`` the IDs to compare with (e.g. group 8 when profiling A4; default: every
    member). An ID listed twice counts once. ``fields`` are the columns to profile.

    Returns :func:`rfmkit.profiles.profile_comparison` (shares in %, unrounded; blank answers
    as ``"(missing)"``) indexed by (``field``, ``field_value``); ``.attrs``: ``group_size``,
    ``reference_size``. ValueError if ``ids`` or ``reference`` is empty or names a member not
    in ``members``.
    """
    profile = profile_comparison(members, ids, fields, reference=reference, member=member)
    profile.attrs.pop("not_found")
    return profile.set_index(["field", "field_value"])


def decile_comparison(deciles: pd.DataFrame, groups: Sequence[int] = (8, 9, 10), *,
                      reference: int = 1, growth: float = 0.30) -> pd.DataFrame:
    """The candidate decile groups side by side: why the case picks group 8, in numbers.

    ``deciles`` is the result of :func:`rfmkit.decile_table` (a ``"total"`` row, if present, is
    ignored); ``groups`` the group numbers to compare; ``reference`` the group to compare their
    average with (group 1, the best customers); ``growth`` the sales target as a fraction
    (0.30 = +30 %, the case's target for the group's monthly sales).

    Returns a DataFrame indexed by ``group`` (in the order given) with ``customers``,
    ``average`` (yuan per customer), ``total`` (yuan a month), ``reference_ratio`` (the
    reference group's average ÷ this group's: 80.0 means "spends 1/80 of group 1"; NaN when
    this group's average is 0) and ``extra_sales`` (yuan a month the group would add by growing
    ``growth``: total × growth, to the fen, decided exactly: 0.10 × 30 % is 0.03) and
    ``case_reading`` (how the case reads the group, a code of :data:`DECILE_READING`:
    ``"uplift"`` for 8, ``"rare_not_loyal"`` for 9, ``"new_or_dormant"`` for 10 — the case
    says group 10, not 9, may be new or dormant customers; ``""`` for other groups).
    ``.attrs`` keeps ``reference`` and ``growth``. ValueError for a group number not in
    ``deciles``.
    """
    require_columns(deciles, dict.fromkeys(["group", "customers", "average", "total"],
                                           "a column of decile_table's result"), "deciles")
    rate = _rate(growth, "growth")
    rows = deciles[deciles["group"].astype(str) != "total"]
    rows.index = pd.Index([int(g) for g in rows["group"]], name="group")
    wanted = [reference, *groups]
    unknown = [g for g in wanted if isinstance(g, bool) or g not in rows.index]
    if unknown:
        raise ValueError(error_text("case.group_not_in_deciles", unknown=unknown,
                                    index=list(rows.index)))
    chosen = rows.loc[list(groups)]
    averages = [as_fraction(float(a), "average") for a in chosen["average"]]
    ref_average = as_fraction(float(rows.loc[reference, "average"]), "average")
    table = pd.DataFrame(
        {
            "customers": chosen["customers"].astype("int64").to_numpy(),
            "average": chosen["average"].astype("float64").to_numpy(),
            "total": chosen["total"].astype("float64").to_numpy(),
            "reference_ratio": [float(ref_average / a) if a else math.nan for a in averages],
            "extra_sales": [round(as_fraction(float(t), "total") * rate * 100) / 100
                            for t in chosen["total"]],
            "case_reading": [DECILE_READING.get(g, "") for g in groups],
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
    require_columns(uplift, dict.fromkeys(["visits_before", "visits_after", "visit_growth_pct"],
                                          "a column of campaign_uplift's result"), "uplift")
    frame = pd.DataFrame({"visits_before": as_wholes(uplift["visits_before"], "visits_before"),
                          "visits_after": as_wholes(uplift["visits_after"], "visits_after"),
                          "rate": uplift["visit_growth_pct"].to_numpy(dtype="float64")})
    rows = frame.groupby("visits_before").agg(
        members=("rate", "size"), before=("visits_before", "sum"), after=("visits_after", "sum"),
        average_growth_pct=("rate", _mean))
    all_before = int(rows["before"].sum())
    return pd.DataFrame(
        {
            "members": rows["members"].astype("int64"),
            "member_share_pct": rows["members"] * 100 / len(frame),
            "before": rows["before"].astype("int64"),
            "after": rows["after"].astype("int64"),
            "visit_share_pct": rows["before"] * 100 / all_before if all_before else math.nan,
            "average_growth_pct": rows["average_growth_pct"].astype("float64"),
            "aggregate_growth_pct": _ratio(((rows["after"] - rows["before"]) * 100).to_numpy(),
                                           rows["before"].to_numpy()),
        },
        index=pd.Index(rows.index.astype("int64"), name="visits_before"),
    )
