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

# Holidays on the same day every year: code, month, day.
_FIXED_HOLIDAYS = (("new_year", 1, 1), ("womens_day", 3, 8), ("labour_day", 5, 1),
                   ("festival_618", 6, 18), ("national_day", 10, 1), ("double_11", 11, 11),
                   ("double_12", 12, 12))
# Lunar-calendar (农历) festivals move every year, so each year's date is written out:
# 春节 = 正月初一, 元宵节 = 正月十五, 端午节 = 五月初五, 七夕 = 七月初七, 中秋节 = 八月十五,
# converted to the Gregorian calendar (checked with a lunar-calendar conversion library).
# The official days off vary: see the State Council's yearly holiday notice
# (国务院办公厅关于部分节假日安排的通知). Add a year here to extend the calendar.
_LUNAR_HOLIDAYS = {
    "spring_festival": ("2026-02-17", "2027-02-06"),
    "lantern_festival": ("2026-03-03", "2027-02-20"),
    "dragon_boat": ("2026-06-19", "2027-06-09"),
    "qixi": ("2026-08-19", "2027-08-08"),
    "mid_autumn": ("2026-09-25", "2027-09-15"),
}
HOLIDAY_YEARS = (2026, 2027)

#: Every holiday of :data:`HOLIDAY_YEARS`: ``date`` and ``holiday`` (code), in date order.
HOLIDAYS: pd.DataFrame = pd.DataFrame(
    [(pd.Timestamp(year, month, day), code) for year in HOLIDAY_YEARS
     for code, month, day in _FIXED_HOLIDAYS]
    + [(pd.Timestamp(date), code) for code, dates in _LUNAR_HOLIDAYS.items() for date in dates],
    columns=["date", "holiday"],
).sort_values(["date", "holiday"], kind="stable").reset_index(drop=True)


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
    """Holidays in the window [asof, asof + days] (both included) from :data:`HOLIDAYS`.

    Returns ``date``, ``holiday`` (code) and ``days_until`` (days from asof), in date order.
    Raises ValueError when the window reaches outside the years the table covers
    (:data:`HOLIDAY_YEARS`), because lunar festivals there are not known: add them first.
    """
    asof_day = as_day(asof, "asof")
    window = as_whole(days, "days")
    end = asof_day + pd.Timedelta(days=window)
    first, last = min(HOLIDAY_YEARS), max(HOLIDAY_YEARS)
    if asof_day.year < first or end.year > last:
        raise ValueError(
            f"the holiday table covers {first}-{last}; the window {asof_day:%Y-%m-%d} to "
            f"{end:%Y-%m-%d} reaches outside it. Add that year's dates to the table."
        )
    result = HOLIDAYS[(HOLIDAYS["date"] >= asof_day) & (HOLIDAYS["date"] <= end)].copy()
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
