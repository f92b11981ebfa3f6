"""The care calendar: members' birthdays, holidays and new customers to look after.

Names of holidays and their greetings are labels ``holiday.<code>`` and ``greeting.<code>``
(shown by :func:`rfmkit.service.text.with_names`). Dates are calendar days; ``asof`` is always
passed in. Computation only: pandas in, pandas out, inputs never modified.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from rfmkit.orders import order_totals
from rfmkit.validation import as_day, as_whole, require_columns

# Festivals on the same Gregorian day every year (shopping festivals included): code, month, day.
_FIXED_HOLIDAYS = (("new_year", 1, 1), ("womens_day", 3, 8), ("labour_day", 5, 1),
                   ("festival_618", 6, 18), ("national_day", 10, 1), ("double_11", 11, 11),
                   ("double_12", 12, 12))
# Festivals of the lunar calendar (农历): code, lunar month, lunar day. Their Gregorian date
# moves every year and comes from the lunar_python library (1900-2100).
_LUNAR_HOLIDAYS = (("spring_festival", 1, 1), ("lantern_festival", 1, 15),
                   ("dragon_boat", 5, 5), ("qixi", 7, 7), ("mid_autumn", 8, 15))


def holiday_calendar(first_year: int, last_year: int) -> pd.DataFrame:
    """Every holiday of the years ``first_year`` to ``last_year`` (both included).

    Returns ``date`` and ``holiday`` (code, named by the label ``holiday.<code>``), in date
    order: the fixed festivals (元旦, 妇女节, 劳动节, 618, 国庆节, 双11, 双12) and the lunar
    ones (春节, 元宵节, 端午节, 七夕, 中秋节) converted from the lunar calendar.
    """
    from lunar_python import Lunar

    first = as_whole(first_year, "first_year", minimum=1901)
    last = as_whole(last_year, "last_year", minimum=first)
    rows = [(pd.Timestamp(year, month, day), code) for year in range(first, last + 1)
            for code, month, day in _FIXED_HOLIDAYS]
    rows += [(pd.Timestamp(Lunar.fromYmd(year, month, day).getSolar().toYmd()), code)
             for year in range(first, last + 1) for code, month, day in _LUNAR_HOLIDAYS]
    return (pd.DataFrame(rows, columns=["date", "holiday"])
            .sort_values(["date", "holiday"], kind="stable").reset_index(drop=True))


def next_holiday(asof) -> pd.Timestamp:
    """The first holiday on or after ``asof`` (a day)."""
    asof_day = as_day(asof, "asof")
    calendar = holiday_calendar(asof_day.year, asof_day.year + 1)
    return calendar.loc[calendar["date"] >= asof_day, "date"].min()


def _anniversaries(year: int, months: np.ndarray, days: np.ndarray) -> pd.DatetimeIndex:
    """The dates (year, month, day); 29 February becomes 28 February in a non-leap year."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = np.where((months == 2) & (days == 29) & (not leap), 28, days)
    return pd.DatetimeIndex(pd.to_datetime(
        pd.DataFrame({"year": np.full(len(months), year), "month": months, "day": days})))


def next_birthdays(birthdays, asof_day: pd.Timestamp) -> pd.Series:
    """Next birthday on or after ``asof_day`` for each birth date (NaT where unknown)."""
    born = pd.to_datetime(pd.Series(birthdays), errors="coerce")
    result = pd.Series(pd.NaT, index=born.index, dtype="datetime64[ns]")
    known = born.notna().to_numpy()
    if known.any():
        months = born[known].dt.month.to_numpy(dtype="int64")
        days = born[known].dt.day.to_numpy(dtype="int64")
        this_year = _anniversaries(asof_day.year, months, days)
        next_year = _anniversaries(asof_day.year + 1, months, days)
        chosen = np.where(this_year >= asof_day, this_year, next_year)
        result[known] = pd.DatetimeIndex(chosen).as_unit("ns")
    return result


def days_to_birthday(birthdays, asof) -> pd.Series:
    """Days (0-365) from ``asof`` to each person's next birthday; 0 means today.

    Takes a Series of birth dates (anything ``pd.to_datetime`` reads; unreadable or blank ->
    missing) and the as-of day. The next birthday is the first anniversary on or after
    ``asof``; the year wraps (as of 25 December a birthday on 3 January is 9 days away).
    Someone born on 29 February has their birthday on 28 February in non-leap years, so the
    result never exceeds 365. Returns a nullable integer Series with the same index.
    """
    asof_day = as_day(asof, "asof")
    return (next_birthdays(birthdays, asof_day) - asof_day).dt.days.astype("Int64")


def birthdays_within(members: pd.DataFrame, asof, days: int = 14) -> pd.DataFrame:
    """Members whose next birthday falls in the window [asof, asof + days] (both days included).

    The year wraps and a 29 February birthday is celebrated on 28 February in non-leap years
    (see :func:`days_to_birthday`). Returns ``customer_id``, ``name``, ``birthday``,
    ``next_birthday``, ``days_to_birthday`` (0 = today) and ``preferred_channel`` (when those
    columns exist), soonest first, then by customer_id. Members with no birthday on file are
    left out. ``.attrs`` holds ``asof`` and ``days``. ValueError for a negative ``days``.
    """
    asof_day = as_day(asof, "asof")
    window = as_whole(days, "days")
    require_columns(members, {"customer_id": "the customer's ID",
                              "birthday": "the birth date"}, "members")
    upcoming = next_birthdays(members["birthday"], asof_day)
    until = (upcoming - asof_day).dt.days
    keep = (until <= window).to_numpy(dtype=bool)
    columns = [c for c in ("customer_id", "name", "birthday") if c in members.columns]
    result = members.loc[keep, columns].copy()
    result["birthday"] = pd.to_datetime(result["birthday"], errors="coerce")
    result["next_birthday"] = upcoming[keep].to_numpy()
    result["days_to_birthday"] = until[keep].astype("int64").to_numpy()
    if "preferred_channel" in members.columns:
        result["preferred_channel"] = members.loc[keep, "preferred_channel"].to_numpy()
    result = result.sort_values(["days_to_birthday", "customer_id"], kind="stable")
    result.attrs = {"asof": asof_day, "days": window}
    return result.reset_index(drop=True)


def holiday_greetings(asof, days: int = 30) -> pd.DataFrame:
    """Holidays in the window [asof, asof + days] (both included), any year
    (:func:`holiday_calendar`).

    Returns ``date``, ``holiday`` (code) and ``days_until`` (days from asof), in date order.
    """
    asof_day = as_day(asof, "asof")
    window = as_whole(days, "days")
    end = asof_day + pd.Timedelta(days=window)
    calendar = holiday_calendar(asof_day.year, end.year)
    result = calendar[(calendar["date"] >= asof_day) & (calendar["date"] <= end)].copy()
    result["days_until"] = (result["date"] - asof_day).dt.days.astype("int64")
    result.attrs = {"asof": asof_day, "days": window}
    return result.reset_index(drop=True)


def new_customer_care(orders: pd.DataFrame, asof, within_days: int = 15) -> pd.DataFrame:
    """New customers to care for: exactly one purchase ever (up to asof), made recently.

    A purchase is an order whose lines add up to a positive amount in whole fen, dated by
    its first line (see :mod:`rfmkit.orders`); refund orders do not count. Orders dated after
    ``asof`` are ignored. The window includes both ends: the purchase day is on or after
    ``asof - within_days`` and on or before ``asof``, so ``within_days=15`` with asof
    2026-06-10 takes purchases from 2026-05-26 to 2026-06-10 (16 calendar days).

    Returns ``customer_id``, ``order_id``, ``purchase_date``, ``first_ticket`` (yuan, the
    whole order) and ``days_since_purchase``, most recent first, then by customer_id.
    ``.attrs`` holds ``asof``, ``within_days`` and ``window_start``.
    """
    asof_day = as_day(asof, "asof")
    window = as_whole(within_days, "within_days")
    totals = order_totals(orders, asof_day)
    bought = totals[totals["purchase"]]
    single = bought[bought.groupby("customer_id")["order_id"].transform("size").to_numpy() == 1]
    start = asof_day - pd.Timedelta(days=window)
    recent = single[(single["order_date"] >= start).to_numpy()]
    result = pd.DataFrame(
        {
            "customer_id": recent["customer_id"].to_numpy(),
            "order_id": recent["order_id"].to_numpy(),
            "purchase_date": recent["order_date"].to_numpy(),
            "first_ticket": recent["amount"].to_numpy(dtype="float64"),
            "days_since_purchase": (asof_day - recent["order_date"]).dt.days.to_numpy("int64"),
        }
    )
    result = result.sort_values(["days_since_purchase", "customer_id"], kind="stable")
    result.attrs = {"asof": asof_day, "within_days": window, "window_start": start}
    return result.reset_index(drop=True)
