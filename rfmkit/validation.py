"""Input checks for every computation module: one behaviour each, one message style (every
message names the parameter and says what was expected).

- Dates are calendar days: a time of day is dropped, and a time zone is dropped *after* the
  wall-clock day is taken (``2026-06-01T23:30+08:00`` is 1 June, the day the shop saw).
- Amounts are exact in whole fen (0.01 yuan): 0.10 + 0.20 - 0.30 is exactly 0.
- Numbers are finite: NaN and infinity are refused, and so is ``True``/``False``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from numbers import Real

import numpy as np
import pandas as pd

from rfmkit.labels import column_hint, column_text, error_text


class RfmkitWarning(UserWarning):
    """A warning of rfmkit's, written from a label: ``key`` names its text in
    :mod:`rfmkit.labels` (``warning.<key>``) and ``fields`` fill it in. ``str()`` gives the
    English text; a notebook shows it in the current language, without a file path."""

    def __init__(self, key: str, english: str, **fields):
        super().__init__(english.format(**fields))
        self.key, self.fields = key, fields


def require_columns(frame: pd.DataFrame, needed: Mapping[str, str], what: str) -> None:
    """Raise ValueError unless ``frame`` is a DataFrame with every column in ``needed``.

    ``needed`` maps a column name to what it should hold; the message names each missing
    column with that explanation and lists the columns found, e.g. "orders is missing column
    'amount' (the line amount in yuan). Columns found: [...]".
    """
    if not isinstance(frame, pd.DataFrame):
        read = type(frame).__name__ == "ReadResult"  # what read_orders returns: it has .data
        raise ValueError(error_text("read_result_not_table" if read else "not_a_table",
                                    what=what, kind=type(frame).__name__))
    missing = [col for col in needed if col not in frame.columns]
    if missing:
        explained = error_text("and").join(column_hint(col, needed[col]) for col in missing)
        raise ValueError(error_text("missing_column", what=what, explained=explained,
                                    found=list(frame.columns)))


def column_of(table: str, column: str) -> str:
    """A column of a table as messages name it: "orders column 'amount'"
    (orders 的列「金额 (元)」(amount))."""
    return error_text("column_of", table=table, column=column_text(column))


def some(labels, limit: int = 5) -> str:
    """A short list of index labels for a message: the first ``limit`` and how many more."""
    labels = list(labels)
    if len(labels) <= limit:
        return f"{labels}"
    return error_text("some_more", shown=labels[:limit], more=len(labels) - limit,
                      n=len(labels))


def as_day(value, what: str) -> pd.Timestamp:
    """Return ``value`` (date text, datetime or Timestamp) as a calendar day: a naive
    Timestamp at midnight. ValueError naming ``what`` if it is missing or not a date."""
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(error_text("not_a_date", what=what, value=value)) from None
    if pd.isna(day):
        raise ValueError(error_text("not_a_date", what=what, value=value))
    if day.tzinfo is not None:
        day = day.tz_localize(None)
    return day.normalize()


def as_days(values: pd.Series, what: str) -> pd.Series:
    """Return a column of dates as calendar days (naive datetime64, midnight).

    Text is parsed with mixed formats; a missing or unreadable date raises ValueError naming
    ``what`` and the first index label where it happens.
    """
    days = values
    if not pd.api.types.is_datetime64_any_dtype(values):
        try:
            days = pd.to_datetime(values, format="mixed")
        except (TypeError, ValueError) as error:
            raise ValueError(error_text("not_dates", what=what, error=error)) from None
    if isinstance(days.dtype, pd.DatetimeTZDtype):
        days = days.dt.tz_localize(None)
    missing = days.isna().to_numpy()
    if missing.any():
        raise ValueError(error_text("date_missing", what=what, index=values.index[missing][0]))
    return days.dt.normalize()


def as_number(value, what: str, *, minimum: float | None = None) -> float:
    """Return ``value`` as a finite float; ValueError for text, booleans, NaN, infinity, or a
    value below ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal, np.number)):
        raise ValueError(error_text("not_a_number", what=what, value=value))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(error_text("not_finite", what=what, value=value))
    if minimum is not None and number < minimum:
        raise ValueError(error_text("too_small", what=what, minimum=f"{minimum:g}", value=value))
    return number


def as_whole(value, what: str, *, minimum: int = 0) -> int:
    """Return ``value`` as an int when it is a whole number >= ``minimum`` (3 or 3.0)."""
    number = as_number(value, what)
    if number != int(number):
        raise ValueError(error_text("not_whole", what=what, value=value))
    if number < minimum:
        raise ValueError(error_text("too_small_count" if minimum == 0 else "too_small",
                                    what=what, minimum=minimum, value=value))
    return int(number)


def as_fraction(value, what: str) -> Fraction:
    """Return a number as the exact decimal it was typed as (0.19 -> 19/100)."""
    if isinstance(value, (Fraction, int, Decimal)) and not isinstance(value, bool):
        return Fraction(value)
    return Fraction(repr(as_number(value, what)))


def as_numbers(values: pd.Series, what: str, *, minimum: float | None = None) -> np.ndarray:
    """Return a column as finite floats; ValueError naming the rows that are missing, not
    numbers, infinite, or below ``minimum``."""
    try:
        array = pd.to_numeric(values, errors="raise").to_numpy(dtype="float64")
    except (TypeError, ValueError) as error:
        raise ValueError(error_text("not_numbers", what=what, error=error)) from None
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(error_text("numbers_missing", what=what, rows=some(values.index[bad])))
    if minimum is not None:
        low = array < minimum
        if low.any():
            raise ValueError(error_text("numbers_too_small", what=what, minimum=f"{minimum:g}",
                                        rows=some(values.index[low])))
    return array


def as_wholes(values: pd.Series, what: str, *, minimum: float | None = 0) -> np.ndarray:
    """Return a column of whole numbers (counts) as int64; ValueError naming fractional rows."""
    array = as_numbers(values, what, minimum=minimum)
    fractional = array != np.floor(array)
    if fractional.any():
        raise ValueError(error_text("not_wholes", what=what,
                                    rows=some(values.index[fractional])))
    return array.astype("int64")


def as_fen(values: pd.Series, what: str, *, minimum: float | None = None) -> np.ndarray:
    """Return amounts in yuan as exact whole fen (int64), rounded to the nearest fen.

    Sums of fen are exact, so an order of 0.10 + 0.20 - 0.30 totals exactly 0 fen.
    """
    return np.rint(as_numbers(values, what, minimum=minimum) * 100).astype("int64")


def at_or_above_mean(values: pd.Series) -> tuple[np.ndarray, float]:
    """Return (value >= mean, the mean) for a column; ties go up, decided exactly.

    A float mean can turn an exact tie into "below" (0.1, 0.2, 0.3). When the values are
    whole units or whole fen, ``value >= mean`` is decided as ``n * value >= sum`` in
    integers; otherwise in floating point.
    """
    raw = values.to_numpy(dtype="float64")
    mean = float(values.mean())
    for scale in (1, 100):
        scaled = np.round(raw * scale)
        if np.all(np.abs(raw * scale - scaled) < 1e-6) and np.all(np.abs(scaled) < 2**52):
            units = scaled.astype("int64")
            return units * len(units) >= int(units.sum()), mean
    return raw >= mean, mean


def as_ids(values) -> pd.Index:
    """IDs as text, so that the same customer matches in every table: whole numbers are written
    without a decimal part (123 and 123.0 -> "123"), text is stripped, missing stays missing.
    Leading zeros are kept ("000123" stays "000123" and does not match 123)."""
    def text(value):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return str(int(value))
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            return str(int(value))
        return str(value).strip()

    return pd.Index([text(v) for v in values], dtype=object)


def require_overlap(left: pd.Index, right: pd.Index, what: str) -> None:
    """ValueError when two non-empty sets of IDs (from :func:`as_ids`) share none: a join
    between them would silently match nobody."""
    if len(left) and len(right) and not set(left.dropna()) & set(right.dropna()):
        raise ValueError(error_text("no_shared_id", what=what, left=list(left[:3]),
                                    right=list(right[:3])))
