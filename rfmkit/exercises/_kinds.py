"""The kinds of answer an exercise can expect: :class:`Count`, :class:`Number`, :class:`Text`,
:class:`IdSet`, :class:`Frame` (a DataFrame or Series the student builds with pandas) and
:class:`Choice` (a business judgement: one letter, with feedback per wrong option). A kind turns
a student's answer into a comparable value or says why it cannot (``coerce``), compares it with
the expected value (``matches``), explains a wrong value without giving the answer away
(``feedback``) and shows the expected value (``show``); ``form_text`` says what form the answer
takes.
"""

from __future__ import annotations

import datetime
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from rfmkit.exercises._core import Bilingual, _pick, _say, _sentences
from rfmkit.labels import CODE_COLUMNS, LABELS, current_language, localise
from rfmkit.labels import name as code_name

__all__ = ["Choice", "Count", "Frame", "IdSet", "Number", "Text"]


# what a student may pass as a group of values: ``.unique()`` gives a pandas array
_COLLECTIONS = (pd.Index, np.ndarray, pd.api.extensions.ExtensionArray, list, tuple, set,
                frozenset)


def _count(n: int, one: str, many: str) -> str:
    """``"1 row"`` / ``"3 rows"`` (English only needs it; Chinese nouns have no plural)."""
    return f"{n} {one if n == 1 else many}"


def _describe(answer) -> str:
    """A short, plain description of what a student passed, in the current language."""
    n = len(answer) if isinstance(answer, (*_COLLECTIONS, pd.Series, Mapping)) else 0
    values = _count(n, "value", "values")
    if answer is None:
        return _say("given.none")
    if isinstance(answer, (bool, np.bool_)):
        return _say("given.bool", v=bool(answer))
    if isinstance(answer, str):
        return _say("given.text", v=answer if len(answer) <= 40 else answer[:37] + "...")
    if isinstance(answer, pd.DataFrame):
        r, c = answer.shape
        return _say("given.frame", r=r, c=c, rows=_count(r, "row", "rows"),
                    columns=_count(c, "column", "columns"))
    if isinstance(answer, pd.Series):
        return _say("given.series", n=n, values=values)
    if isinstance(answer, Mapping):
        return _say("given.dict", n=n, entries=_count(n, "entry", "entries"))
    if isinstance(answer, _COLLECTIONS):
        return _say("given.collection", t=type(answer).__name__, n=n, values=values)
    if isinstance(answer, datetime.timedelta):
        return _say("given.timedelta", v=answer.days)
    if isinstance(answer, numbers.Number):
        return _say("given.number", v=answer)
    return _say("given.object", t=type(answer).__name__)


def _decimals(x: float, limit: int = 9) -> int:
    """How many decimals ``x`` carries: 12.3 -> 1, 1812168.0 -> 0 (``limit + 1`` if more)."""
    for k in range(limit + 1):
        if abs(x - round(x, k)) <= 1e-9 * max(1.0, abs(x)):
            return k
    return limit + 1


def _rounded_by(answers: Iterable[float], expected: Iterable[float]) -> int | None:
    """The decimals ``k`` the answers carry if every answer is within rounding (half a unit of
    the k-th decimal) of its expected value, the unit being small next to the values (at least
    two significant digits kept); else None."""
    answers, expected = np.asarray(answers, float), np.asarray(expected, float)
    if not len(answers):
        return None
    k = max(_decimals(a) for a in answers)
    step = 10.0 ** -k
    if step * 10 > np.abs(expected).max():
        return None
    slack = 1e-9 * max(1.0, np.abs(expected).max())
    return k if (np.abs(answers - expected) <= step / 2 + slack).all() else None


_NUMBER_TEXT = re.compile(r"\s*[-+]?[\d,]*\.?\d+\s*%?\s*")
# values in order, where "take one out with [0] / .iloc[0]" is the right advice (not a set)
_IN_ORDER = (pd.DataFrame, pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray,
             list, tuple)


class _Kind:
    """What every kind shares: the form text, exact match, too high / too low, wrong forms."""

    text_tables: tuple[str, ...] = ()  # the tables of its exercise's texts a kind reads

    def with_texts(self, tables: Mapping[str, Mapping]) -> _Kind:
        """The kind given the ``text_tables`` of its exercise's entry in the notebook's TOML file
        (``{"options": {...}}``); a kind without texts of its own returns itself."""
        return self

    def form_text(self) -> str:
        return _say(f"form.{type(self).__name__.lower()}")

    def coerce(self, answer) -> tuple[object, str | None]:
        """``(value, None)``, or ``(None, message)`` when the answer has the wrong form."""
        raise NotImplementedError

    def matches(self, value, expected) -> bool:
        return value == expected

    def feedback(self, value, expected) -> list[str]:
        return [_say("too_high" if value > expected else "too_low")]

    def show(self, expected) -> str:
        return str(expected)

    def _wrong(self, answer, advice: str | None = None) -> tuple[None, str]:
        text = _say("wrong_type", form=self.form_text(), given=_describe(answer))
        return None, _sentences(text, _say(f"advice.{advice}") if advice else "")

    def _no_number(self, answer, tables: str | None = "single_value") -> tuple[None, str]:
        """The wrong-form message for an answer that is not a single real number."""
        if isinstance(answer, str) and _NUMBER_TEXT.fullmatch(answer):
            return self._wrong(answer, "quotes")
        return self._wrong(answer, tables if isinstance(answer, _IN_ORDER) else None)


class Count(_Kind):
    """A whole number of things (customers, rows), compared exactly."""

    def coerce(self, answer):
        if isinstance(answer, (bool, np.bool_)):
            return self._wrong(answer, "count_bool")
        if isinstance(answer, numbers.Real) and math.isfinite(answer):
            if float(answer).is_integer():
                return int(answer), None
            return self._wrong(answer, "count_fraction")
        if isinstance(answer, datetime.timedelta):
            return self._wrong(answer, "count_days")
        if isinstance(answer, (pd.DataFrame, pd.Series)):
            return self._wrong(answer, "count_table")
        if isinstance(answer, _COLLECTIONS):
            return self._wrong(answer, "count_collection")
        return self._no_number(answer, tables=None)


class Number(_Kind):
    """A number compared within ``tolerance``; ``unit`` is ``"yuan"``, ``"percent"``, ...

    ``percent=True`` also recognises a share between 0 and 1 given instead of a percentage,
    and says so. ``decimals`` is how ``solution()`` shows the expected value.
    """

    def __init__(self, tolerance: float, *, unit: str | None = None, decimals: int = 2,
                 percent: bool = False):
        self.tolerance, self.unit = float(tolerance), unit
        self.decimals, self.percent = decimals, percent

    def form_text(self):
        unit = _say("form.unit", unit=_say(f"unit.{self.unit}")) if self.unit else ""
        return _say("form.number", unit=unit, tolerance=f"{self.tolerance:g}")

    def coerce(self, answer):
        if isinstance(answer, numbers.Real) and not isinstance(answer, (bool, np.bool_)):
            if math.isnan(answer):
                return self._wrong(answer, "nan")
            return (float(answer), None) if math.isfinite(answer) else self._wrong(answer)
        return self._no_number(answer)

    def matches(self, value, expected):
        return abs(value - expected) <= self.tolerance + 1e-9

    def feedback(self, value, expected):
        if self.percent and expected != 0 and self.matches(100 * value, expected):
            return [_say("share_not_percent")]
        if (k := _rounded_by([value], [expected])) is not None and k < self.decimals:
            return [_say("rounding.fewer", n=self.decimals)]
        if abs(value - expected) <= 0.5 * 10.0 ** -self.decimals + 1e-9 * max(1, abs(expected)):
            return [_say("rounding.more", n=self.decimals)]
        return super().feedback(value, expected)

    def show(self, expected):
        text = f"{expected:.{self.decimals}f}"
        return f"{text} {_say(f'unit.{self.unit}')}" if self.unit else text


_TEXT_JUNK = re.compile(r"[\s_\-:：·,，.。;；!！?？'\"“”‘’()（）\[\]【】/]+")
_ARROWS = ((re.compile(r"up|\^|⬆|⇧|↗|上"), "↑"), (re.compile(r"down|⬇|⇩|↘|下"), "↓"))


class Text(_Kind):
    """A short text answer (a name, a column, a pattern).

    Compared case-insensitively, ignoring spaces, underscores, hyphens, colons, quotes and
    brackets (Chinese and Western). With ``arrows=True`` "up"/"^" count as "↑" and "down" as
    "↓". ``aliases(expected)`` gives other accepted spellings (e.g. the name in both languages);
    ``traps`` maps a likely wrong answer to the feedback it deserves.
    """

    def __init__(self, *, aliases: Callable[[str], Iterable[str]] | None = None,
                 traps: Mapping[str, Bilingual] | None = None, arrows: bool = False,
                 example: str = "..."):
        self.aliases, self.arrows, self.example = aliases, arrows, example
        self.traps = {self.normalise(k): v for k, v in (traps or {}).items()}

    def form_text(self):
        return _say("form.text", example=self.example)

    def normalise(self, text: str) -> str:
        key = _TEXT_JUNK.sub("", unicodedata.normalize("NFKC", text).casefold())
        for pattern, arrow in _ARROWS if self.arrows else ():
            key = pattern.sub(arrow, key)
        return key

    def coerce(self, answer):
        if isinstance(answer, str):
            return (answer, None) if answer.strip() else self._wrong(answer, "text_empty")
        if isinstance(answer, _IN_ORDER) and len(answer) == 1:
            return self._wrong(answer, "text_one")
        return self._wrong(answer)

    def matches(self, value, expected):
        names = [expected, *(self.aliases(expected) if self.aliases else ())]
        return self.normalise(value) in {self.normalise(str(n)) for n in names}

    def feedback(self, value, expected):
        trap = self.traps.get(self.normalise(value))
        return [_pick(trap)] if trap else []


class IdSet(_Kind):
    """A group of ids (customers, row numbers), compared as a set: order and repeats ignored.
    Ids are compared as text without surrounding spaces, so ``5`` and ``"5"`` match."""

    @staticmethod
    def _key(item) -> str:
        if isinstance(item, numbers.Real) and not isinstance(item, (bool, np.bool_)):
            if float(item).is_integer():
                return str(int(item))
        return str(item).strip()

    def coerce(self, answer):
        if isinstance(answer, pd.DataFrame):
            return self._wrong(answer, "ids_table")
        if isinstance(answer, (pd.Series, *_COLLECTIONS)):
            items = answer.ravel() if isinstance(answer, np.ndarray) else answer
            return frozenset(self._key(i) for i in items), None
        return self._wrong(answer, "ids_single" if isinstance(answer, (str, numbers.Number))
                           else None)

    def feedback(self, value, expected):
        missing, extra = len(expected - value), len(value - expected)
        lines = []
        if missing:
            lines.append(_say("ids_missing", n=missing, ids=_count(
                missing, "id that belongs is", "ids that belong are")))
        if extra:
            lines.append(_say("ids_extra", n=extra, ids=_count(
                extra, "of your ids does", "of your ids do")))
        return lines

    def show(self, expected):
        return "[" + ", ".join(repr(i) for i in sorted(expected)) + "]"


def _is_flags(column: pd.Series) -> bool:
    """Whether a column holds yes/no flags (bool dtype, or only True/False and missing)."""
    return pd.api.types.is_bool_dtype(column) or (
        column.dtype == object and pd.api.types.infer_dtype(column) == "boolean")


def _is_numbers(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not _is_flags(column)


def _floats(column: pd.Series) -> np.ndarray:
    return column.to_numpy(float, na_value=np.nan)


def _code_named(shown, codes: pd.Index):
    """The code among ``codes`` whose name (in either language) is ``shown``, else None: a
    student who filtered or labelled by the names a table displays, not by its codes."""
    for code in codes:
        if isinstance(code, str) and any(
                key.endswith(f".{code}") and shown in pair for key, pair in LABELS.items()):
            return code
    return None


def _same(answer: pd.Series, expected: pd.Series, tolerance: float) -> np.ndarray:
    """Row by row, whether two aligned columns agree: numbers within ``tolerance``, anything
    else equal (True == 1), and a missing value only where one is expected."""
    missing = answer.isna().to_numpy() & expected.isna().to_numpy()
    if _is_numbers(answer) and _is_numbers(expected):
        a, e = _floats(answer), _floats(expected)
        with np.errstate(invalid="ignore"):
            return missing | (np.abs(a - e) <= tolerance + 1e-9)
    pairs = zip(answer.to_numpy(object), expected.to_numpy(object), strict=True)
    return missing | np.array([bool(a == e) if not (pd.isna(a) or pd.isna(e)) else False
                               for a, e in pairs], dtype=bool)


def _names(items: Iterable) -> str:
    return ", ".join(str(i) for i in items)


class Frame(_Kind):
    """A table (DataFrame) or column (Series) the student computes with pandas; the solution
    returns the expected one.

    ``columns``: the columns that must be present (default all of the expected's; extra ones are
    ignored). ``index``: what labels the rows, for feedback (default the expected's index name).
    Numbers are compared within ``tolerance``, anything else exactly, missing equals missing.
    ``sort=True``: the order of rows does not matter. ``check_names=True``: the index name and a
    Series' name must match too. ``asof``: the day the expected values are counted from (text,
    ``"2026-06-09"``), named to an answer counted from another day.

    ``feedback`` names the first kind of problem it finds (shape, then rows, then values, see
    ``_shape``, ``_rows`` and ``_column_problem``) without showing expected values. ``show``
    gives the expected as a student reads it: codes as names (``rfmkit.labels.localise``).
    """

    def __init__(self, *, columns: Iterable[str] | None = None, index: str | None = None,
                 tolerance: float = 0.005, sort: bool = False, check_names: bool = False,
                 asof: str | None = None):
        self.columns = list(columns) if columns is not None else None
        self.asof = asof
        self.index, self.tolerance = index, float(tolerance)
        self.sort, self.check_names = sort, check_names
        self.decimals = max(0, math.ceil(-math.log10(2 * self.tolerance) - 1e-9)) \
            if self.tolerance > 0 else 9

    def form_text(self):
        columns = _say("form.columns", columns=_names(self.columns)) if self.columns else ""
        index = _say("form.index", index=self.index) if self.index else ""
        return _say("form.frame", columns=columns, index=index)

    def coerce(self, answer):
        if isinstance(answer, (pd.DataFrame, pd.Series)):
            return answer.copy(), None
        if isinstance(answer, (numbers.Number, str)):
            return self._wrong(answer, "frame_single")
        if isinstance(answer, (*_COLLECTIONS, Mapping)):
            return self._wrong(answer, "frame_build")
        return self._wrong(answer)

    def matches(self, value, expected):
        return not self.feedback(value, expected)

    def show(self, expected):
        shown = expected
        if isinstance(shown, pd.Series) and isinstance(shown.name, str) and shown.name in LABELS:
            shown = shown.to_frame()  # a header that says what the values are
        local = localise(shown)
        if isinstance(shown, pd.DataFrame) and shown.columns.name in CODE_COLUMNS:
            kind = CODE_COLUMNS[shown.columns.name]  # e.g. pd.crosstab's columns: tier codes
            local.columns = [code_name(kind, c) for c in shown.columns]
        with pd.option_context("display.unicode.east_asian_width", current_language() == "zh"):
            return "\n" + local.to_string(max_rows=20)

    # -- the comparison: the first problem found, or [] when the answer matches ----------------

    def feedback(self, value, expected):
        try:
            lines = (self._shape(value, expected) or self._rows(value, expected)
                     or self._values(value, expected))
            if lines and isinstance(expected, pd.DataFrame) and self._transposed(value, expected):
                return [_say("frame.transposed")]
            return lines
        except (TypeError, ValueError, KeyError):  # e.g. a column name used twice
            return [_say("frame.cannot_compare")]

    def _transposed(self, value, expected) -> bool:
        """Whether ``value`` would match with its rows and columns swapped (``.T``), as
        ``pd.crosstab`` gives with its two arguments the other way round."""
        if not isinstance(value, pd.DataFrame) or value.shape[::-1] != expected.shape:
            return False
        try:
            swapped = value.T
            return not (self._shape(swapped, expected) or self._rows(swapped, expected)
                        or self._values(swapped, expected))
        except (TypeError, ValueError, KeyError):
            return False

    def _index_name(self, expected) -> str:
        return self.index or expected.index.name or _say("frame.labels")

    def _shape(self, value, expected) -> list[str]:
        """A Series for a DataFrame (or the reverse), missing columns, names."""
        if isinstance(expected, pd.DataFrame) and isinstance(value, pd.Series):
            required = self._required(expected)
            if _is_flags(value) and not (value.name in required and _is_flags(
                    expected[value.name])):  # e.g. orders["amount"] < 0, not orders[...]
                return [_say("frame.condition_not_rows")]
            if value.name in required and len(required) > 1:
                return [_say("frame.one_column", column=value.name, columns=_names(required))]
            return [_say("frame.series_not_frame", columns=_names(required))]
        if isinstance(expected, pd.Series) and isinstance(value, pd.DataFrame):
            column = self._column_holding(value, expected)
            if column is not None:
                return [_say("frame.frame_not_series", column=column)]
            return [_say("frame.frame_not_series_any")]
        if isinstance(expected, pd.DataFrame):
            if missing := [c for c in self._required(expected) if c not in value.columns]:
                if set(missing) <= set(value.index.names):
                    return [_say("frame.index_reset")]
                return [_say("frame.missing_columns", n=len(missing), columns=_names(missing))]
        if self.check_names:
            if value.index.names != expected.index.names:
                return [_say("frame.index_name", index=self._index_name(expected))]
            if isinstance(expected, pd.Series) and value.name != expected.name:
                return [_say("frame.series_name", name=expected.name)]
        return []

    def _rows(self, value, expected) -> list[str]:
        """Row labels and their number and order."""
        name = self._index_name(expected)
        numbered = isinstance(value.index, pd.RangeIndex) or value.index.equals(
            pd.RangeIndex(len(value)))
        expected_numbered = expected.index.equals(pd.RangeIndex(len(expected)))
        if len(value) != len(expected):  # first: set_index cannot mend a wrong number of rows
            return [_say("frame.length", n=len(value), m=len(expected),
                         rows=_count(len(value), "row", "rows"))]
        if numbered and not expected_numbered:
            if self.index or expected.index.name:
                return [_say("frame.index_numbered", index=name)]
            return [_say("frame.keep_labels")]  # the rows of a filtered table keep their labels
        if expected_numbered and not numbered:
            return [_say("frame.index_reset")]
        if value.index.equals(expected.index):
            return []
        if self.sort and _sorted(value).index.equals(_sorted(expected).index):
            return []
        extra = value.index.difference(expected.index, sort=False)
        if len(extra) and _text_labels(value.index) != _text_labels(expected.index):
            kind = {True: _say("frame.label_text"), False: _say("frame.label_numbers")}
            return [_say("frame.labels_type", yours=kind[_text_labels(value.index)],
                         wanted=kind[_text_labels(expected.index)],
                         label=expected.index[:1].tolist()[0])]
        if len(extra):
            code = _code_named(extra[0], expected.index)
            if code is not None:
                return [_say("frame.names_not_codes", label=extra[0], code=code)]
            return [_say("frame.index_wrong", n=len(extra), label=extra[0], index=name)]
        reversed_ = value.index.equals(expected.index[::-1])
        if _by_labels(expected) and not (reversed_ and not _by_values(value)):
            return [_say("frame.order_sort_index")]  # e.g. value_counts() without sort_index()
        return [_say("frame.order_reversed" if reversed_ else "frame.order")]

    def _column_holding(self, value: pd.DataFrame, expected: pd.Series):
        """The first column of ``value`` that holds ``expected`` (same rows, same values), else
        None: a table given for one column is pointed only at a column that holds the answer."""
        try:
            if len(value) != len(expected) or not value.index.is_unique:
                return None
            if not value.index.equals(expected.index):
                if not (self.sort and _sorted(value).index.equals(_sorted(expected).index)):
                    return None
                value = value.reindex(expected.index)
            for column in value.columns[~value.columns.duplicated(keep=False)]:
                if _same(value[column], expected, self.tolerance).all():
                    return column
        except (TypeError, ValueError):
            pass
        return None

    def _required(self, expected) -> list:
        return self.columns if self.columns is not None else list(expected.columns)

    def _values(self, value, expected) -> list[str]:
        """Column by column, the targeted problem of each differing column (three at most)."""
        if self.sort:  # _rows found the same labels, so rows now line up
            value, expected = _sorted(value), _sorted(expected)
        if isinstance(expected, pd.Series):
            pairs = [(None, value, expected)]
        else:
            pairs = [(c, value[c], expected[c]) for c in self._required(expected)]
        lines = []
        for column, answer, wanted in pairs:
            same = _same(answer, wanted, self.tolerance)
            if not same.all():
                problem = self._column_problem(answer, wanted, same)
                lines.append(problem[:1].upper() + problem[1:] if column is None
                             else _say("frame.in_column",
                                       column=_column_name(expected.columns, column)) + problem)
        return lines[:3]

    def _column_problem(self, answer: pd.Series, wanted: pd.Series, same: np.ndarray) -> str:
        """What is wrong with one column, without its expected values."""
        both = ~(answer.isna().to_numpy() | wanted.isna().to_numpy())
        if _is_flags(wanted) and not same[both].any() and answer[both].isin([0, 1]).all():
            return _say("frame.flags_flipped")
        if _is_flags(wanted) and not _is_flags(answer) and not _is_numbers(answer):
            return _say("frame.flags_not_text")
        if _is_numbers(wanted) and pd.api.types.is_timedelta64_dtype(answer):
            return _say("frame.time_spans")
        if _is_numbers(wanted) and pd.api.types.is_datetime64_any_dtype(answer):
            return _say("frame.dates")
        if _is_numbers(wanted) and not _is_numbers(answer):
            return _say("frame.not_numbers")
        if _is_numbers(wanted) and both.any():  # numbers in the answer too, as checked above
            a, e = _floats(answer)[both], _floats(wanted)[both]
            if (e != 0).any() and (np.abs(100 * a - e) <= self.tolerance * 100 + 1e-9).all():
                return _say("share_not_percent")
            if same[~both].all():  # no value missing
                negated = (np.abs(a + e) <= self.tolerance + 1e-9).all() and (e != 0).any()
                distinct = len(np.unique(e)) >= 3
                ranks_reversed = distinct and (pd.Series(a).rank().to_numpy()
                                               == pd.Series(-e).rank().to_numpy()).all()
                if negated or ranks_reversed:
                    return _say("frame.reversed_days" if self.asof else "frame.reversed")
                shift = a - e
                if self.asof and abs(shift[0]) >= 1 and float(shift[0]).is_integer() and \
                        (np.abs(shift - shift[0]) <= self.tolerance + 1e-9).all():
                    n = int(abs(shift[0]))
                    if shift[0] == -1:  # a day short: as likely a time of day left on the dates
                        return _say("frame.asof_shift_or_time", asof=self.asof)
                    return _say("frame.asof_shift", n=n, asof=self.asof,
                                days=_count(n, "day", "days"))
                if self.asof and set(np.round(shift, 9)) in ({0.0, 1.0}, {0.0, -1.0}):
                    n = int((shift != 0).sum())  # days counted from a time of day: some a day short
                    return _say("frame.time_of_day", n=n, rows=_count(n, "row is", "rows are"))
                if (k := _rounded_by(a, e)) is not None and k < self.decimals:
                    return _say("frame.rounding", n=self.decimals, tol=f"{self.tolerance:g}")
        differ = np.flatnonzero(~same)
        return _say("frame.rows_differ", n=len(differ), label=_row_name(wanted.index, differ[0]),
                    rows=_count(len(differ), "row differs", "rows differ"))


def _text_labels(index: pd.Index) -> bool:
    """Whether the labels of ``index`` are text (not numbers)."""
    return pd.api.types.is_string_dtype(index) or index.dtype == object


def _row_name(index: pd.Index, position: int):
    """The label of a row as a student finds it: a code with its name, ``bronze (铜质客户)``,
    so it matches both the student's own table (codes) and the tables rfmkit shows (names)."""
    one = pd.Series([0], index=index[position:position + 1])
    return _code_and_name(index[position], localise(one).index[0])


def _column_name(columns: pd.Index, column):
    """A column as :func:`_row_name` writes a row, when the columns are codes (a crosstab's
    tiers); other columns by the name the student's code uses."""
    if columns.name not in CODE_COLUMNS:
        return column
    return _code_and_name(column, code_name(CODE_COLUMNS[columns.name], column))


def _code_and_name(code, shown):
    return code if str(shown) == str(code) else f"{code} ({shown})"


def _by_labels(table) -> bool:
    """Whether ``table``'s rows go by their labels (an index of several labels, increasing)."""
    index = table.index
    try:
        return len(index) >= 2 and index.is_unique and not index.equals(
            pd.RangeIndex(len(index))) and index.is_monotonic_increasing
    except TypeError:  # labels that cannot be ordered
        return False


def _by_values(table) -> bool:
    """Whether ``table``'s rows go by their values (a column of numbers in increasing or
    decreasing order), as ``value_counts()`` or ``sort_values(...)`` leaves them."""
    columns = [table] if isinstance(table, pd.Series) else [c for _, c in table.items()]
    return any(_is_numbers(c) and (c.is_monotonic_increasing or c.is_monotonic_decreasing)
               for c in columns)


def _sorted(table):
    """``table`` sorted by its labels (as it is, if they cannot be ordered). The labels of a
    categorical index (``pd.cut``) are sorted as labels, not in the order of its categories."""
    if isinstance(table.index, pd.CategoricalIndex):
        table = table.set_axis(table.index.astype(object), axis=0)
    try:
        return table.sort_index()
    except TypeError:
        return table


_LETTER = re.compile(r"[\s(\[{\"'“‘<]*([A-Za-z])[\s)\]}\"'”’>.:,;!]*")


class Choice(_Kind):
    """A business judgement: one of the lettered ``options``.

    ``options`` maps each letter to its text, ``{"A": {"zh": ..., "en": ...}, ...}``;
    ``feedback`` maps each wrong letter to why it is wrong, in the same form (one without gets a
    plain "not this one"). ``Choice()`` takes both from the exercise's TOML tables
    ``[qN.options.A]`` and ``[qN.feedback.B]``; :func:`~rfmkit.exercises.choices` takes the
    right letter from ``[qN] answer = "B"``. Answers
    are read case-insensitively, with spaces, brackets and a final dot ignored: ``"a"``,
    ``"(A)"``, ``"A."`` are all ``"A"``.
    """

    text_tables = ("options", "feedback")

    def __init__(self, options: Mapping[str, Bilingual] | None = None,
                 feedback: Mapping[str, Bilingual] | None = None):
        self.options = {letter.upper(): dict(text) for letter, text in (options or {}).items()}
        self.explanations = {letter.upper(): dict(text)
                             for letter, text in (feedback or {}).items()}
        if options is None:  # to be given by with_texts
            return
        for letter, text in [*self.options.items(), *self.explanations.items()]:
            if not re.fullmatch("[A-Z]", letter) or not (text.get("zh") and text.get("en")):
                raise ValueError(f"Choice: option {letter!r} needs one letter and zh and en text")
        if len(self.options) < 2:
            raise ValueError("Choice: needs two options or more")
        if unknown := set(self.explanations) - set(self.options):
            raise ValueError(f"Choice: feedback for {sorted(unknown)}, which are not options")

    def with_texts(self, tables):
        if self.options:  # given in the code: the TOML file must not hold a second copy
            if "options" in tables or "feedback" in tables:
                raise ValueError("Choice: options given both in the code and in the TOML file")
            return self
        return Choice(tables.get("options", {}), tables.get("feedback", {}))

    def _letters(self) -> str:
        letters = list(self.options)
        return f"{', '.join(letters[:-1])} {_say('or')} {letters[-1]}"

    def form_text(self):
        lines = [f"  {letter}. {_pick(text)}" for letter, text in self.options.items()]
        return "\n".join([_say("form.choice", letters=self._letters()), *lines])

    def coerce(self, answer):
        if not isinstance(answer, str):
            return self._wrong(answer)
        found = _LETTER.fullmatch(unicodedata.normalize("NFKC", answer))
        if found and found.group(1).upper() in self.options:
            return found.group(1).upper(), None
        return None, _say("choice_not_option", given=answer.strip(), letters=self._letters())

    def feedback(self, value, expected):
        text = self.explanations.get(value)
        return [_pick(text) if text else _say("choice_wrong")]

    def show(self, expected):
        return f"{expected}. {_pick(self.options[expected])}"
