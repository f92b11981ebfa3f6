"""The kinds of answer an exercise can expect: :class:`Count`, :class:`Number`, :class:`Text`,
:class:`IdSet`. A kind turns a student's answer into a comparable value or says why it cannot
(``coerce``), compares it with the expected value (``matches``), explains a wrong value without
giving the answer away (``feedback``) and shows the expected value (``show``). A new kind (a
table the student builds, a multiple choice) implements the same four methods.
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

__all__ = ["Count", "IdSet", "Number", "Text"]


def _count(n: int, one: str, many: str) -> str:
    """``"1 row"`` / ``"3 rows"`` (English only needs it; Chinese nouns have no plural)."""
    return f"{n} {one if n == 1 else many}"


def _describe(answer) -> str:
    """A short, plain description of what a student passed, in the current language."""
    n = len(answer) if isinstance(answer, (pd.Series, pd.Index, np.ndarray, list, tuple, set,
                                           frozenset, Mapping)) else 0
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
    if isinstance(answer, (pd.Index, np.ndarray, list, tuple, set, frozenset)):
        return _say("given.collection", t=type(answer).__name__, n=n, values=values)
    if isinstance(answer, datetime.timedelta):
        return _say("given.timedelta", v=answer.days)
    if isinstance(answer, numbers.Number):
        return _say("given.number", v=answer)
    return _say("given.object", t=type(answer).__name__)


_NUMBER_TEXT = re.compile(r"\s*[-+]?[\d,]*\.?\d+\s*%?\s*")
_TABLES = (pd.DataFrame, pd.Series, pd.Index, np.ndarray, list, tuple)


class _Kind:
    """What every kind shares: the form text, exact match, too high / too low, wrong forms."""

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
        return self._wrong(answer, tables if isinstance(answer, _TABLES) else None)


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
        if isinstance(answer, (pd.Series, pd.Index, list, tuple, np.ndarray)) and len(answer) == 1:
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
        if isinstance(answer, (pd.Series, pd.Index, np.ndarray, list, tuple, set, frozenset)):
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
