"""The self-check mechanism: ``q1.check(answer)``, ``q1.hint()``, ``q1.solution()``.

An :class:`Exercise` holds a question, a hint, a takeaway and a few feedback lines in Chinese
and English, the kind of answer it expects (:class:`Count`, :class:`Number`, :class:`Text`,
:class:`IdSet`), and its solution as a few lines of code. The expected answer is never typed
in: :meth:`Exercise.expected` runs the solution code on the course data each time it is needed,
so the code a student is shown is exactly the code that decides what "correct" means.

Every method prints plain, deterministic text in the current language
(:func:`rfmkit.labels.current_language`) and returns ``None``, so a notebook cell shows only
the message. ``check`` never raises because of what a student typed; it records the outcome in
``.last_result`` (``"not attempted"``, ``"incorrect"`` or ``"correct"``) and the text in
``.last_message``.
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

from rfmkit.labels import current_language

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
    "Count",
    "Exercise",
    "IdSet",
    "Number",
    "Text",
    "____",
]

NOT_ATTEMPTED = "not attempted"
INCORRECT = "incorrect"
CORRECT = "correct"

Bilingual = Mapping[str, str]  # {"zh": ..., "en": ...}


class _Placeholder:
    """The blank a student replaces with an answer: ``answer = ____``."""

    _instance: _Placeholder | None = None

    def __new__(cls) -> _Placeholder:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    __str__ = __repr__

    def __reduce__(self) -> str:
        return "____"


____ = _Placeholder()


def _say(message: Bilingual, /, **values) -> str:
    """``message`` in the current language, with ``{names}`` filled in."""
    chosen = message["zh"] if current_language() == "zh" else message["en"]
    return chosen.format(**values) if values else chosen


def _sentences(*parts: str) -> str:
    """Sentences run on: with a space in English, without one after Chinese punctuation."""
    return ("" if current_language() == "zh" else " ").join(p for p in parts if p)


def _count(n: int, one: str, many: str) -> str:
    """``"1 row"`` / ``"3 rows"`` (English only needs it; Chinese nouns have no plural)."""
    return f"{n} {one if n == 1 else many}"


MESSAGES: dict[str, dict[str, str]] = {
    "not_attempted": {
        "zh": "还没有作答: 把 ____ 换成你的答案, 然后再运行这个单元格。",
        "en": "Not attempted yet: replace ____ with your answer, then run this cell again.",
    },
    "correct": {"zh": "正确! ", "en": "Correct! "},
    "incorrect": {"zh": "还不对。", "en": "Not quite."},
    "wrong_type": {
        "zh": "答案的形式不对: 需要{form}, 你给的是{given}。",
        "en": "This answer has the wrong form: expected {form}, but you gave {given}.",
    },
    "hint_prompt": {
        "zh": "需要提示? 运行 {name}.hint()",
        "en": "Need a hint? Run {name}.hint()",
    },
    "question": {"zh": "练习 {name}: {text}", "en": "Exercise {name}: {text}"},
    "answer_form": {"zh": "答案形式: {form}", "en": "Answer with: {form}"},
    "hint": {"zh": "提示: {text}", "en": "Hint: {text}"},
    "solution": {
        "zh": "参考解法 (可以复制到一个单元格里运行):",
        "en": "Solution (you can copy this into a cell and run it):",
    },
    "expected": {"zh": "答案: {value}", "en": "Answer: {value}"},
    "too_high": {"zh": "你的答案偏大了。", "en": "Your answer is too high."},
    "too_low": {"zh": "你的答案偏小了。", "en": "Your answer is too low."},
}


def _describe(answer) -> str:
    """A short, plain description of what a student passed, in the current language."""
    if answer is None:
        return _say({
            "zh": "None (空值: 是不是写成了 answer = print(...)? 应该写 answer = 计算结果)",
            "en": "None (nothing: did you write answer = print(...)? Write answer = the value)",
        })
    if isinstance(answer, (bool, np.bool_)):
        return _say({"zh": "布尔值 {v} (是/否)", "en": "the yes/no value {v}"}, v=bool(answer))
    if isinstance(answer, str):
        shown = answer if len(answer) <= 40 else answer[:37] + "..."
        return _say({"zh": "文字 \"{v}\"", "en": "the text \"{v}\""}, v=shown)
    if isinstance(answer, pd.DataFrame):
        return _say(
            {"zh": "一张表 (DataFrame, {r} 行 {c} 列)",
             "en": "a table (DataFrame) with {rows} and {columns}"},
            r=answer.shape[0], c=answer.shape[1],
            rows=_count(answer.shape[0], "row", "rows"),
            columns=_count(answer.shape[1], "column", "columns"),
        )
    if isinstance(answer, pd.Series):
        return _say({"zh": "一列数据 (Series, {n} 个值)", "en": "a column (Series) of {values}"},
                    n=len(answer), values=_count(len(answer), "value", "values"))
    if isinstance(answer, (pd.Index, np.ndarray, list, tuple, set, frozenset)):
        return _say({"zh": "一组值 ({t}, {n} 个)", "en": "a collection ({t}) of {values}"},
                    t=type(answer).__name__, n=len(answer),
                    values=_count(len(answer), "value", "values"))
    if isinstance(answer, Mapping):
        return _say({"zh": "一个字典 ({n} 项)", "en": "a dict of {entries}"}, n=len(answer),
                    entries=_count(len(answer), "entry", "entries"))
    if isinstance(answer, datetime.timedelta):
        return _say({"zh": "一段时间 (Timedelta, {v} 天)",
                     "en": "a time span (Timedelta) of {v} days"}, v=answer.days)
    if isinstance(answer, numbers.Number):
        return _say({"zh": "数字 {v}", "en": "the number {v}"}, v=answer)
    return _say({"zh": "{t} 类型的对象", "en": "an object of type {t}"},
                t=type(answer).__name__)


def _looks_like_number(text: str) -> bool:
    return re.fullmatch(r"\s*[-+]?[\d,]*\.?\d+\s*%?\s*", text) is not None


# --------------------------------------------------------------------------------------------
# Kinds of answer. Each turns a student's answer into a comparable value (or explains why it
# cannot), compares it with the expected value, and gives hints that do not reveal the answer.
# --------------------------------------------------------------------------------------------


class _Kind:
    form: Bilingual

    def form_text(self) -> str:
        return _say(self.form)

    def coerce(self, answer) -> tuple[object, str | None]:
        """Return ``(value, None)``, or ``(None, message)`` when the answer has the wrong form."""
        raise NotImplementedError

    def matches(self, value, expected) -> bool:
        raise NotImplementedError

    def feedback(self, value, expected) -> list[str]:
        """Extra lines for a wrong value: direction, likely slip. Never the answer itself."""
        return []

    def show(self, expected) -> str:
        return str(expected)

    def _wrong_form(self, answer, advice: Bilingual | None = None) -> tuple[None, str]:
        text = _say(MESSAGES["wrong_type"], form=self.form_text(), given=_describe(answer))
        if advice is not None:
            text = _sentences(text, _say(advice))
        return None, text


_SINGLE_VALUE_ADVICE = {
    "zh": "这里只要一个数: 用 表.loc[行, 列] 取出一个格子 (一列的第一个值: .iloc[0]), "
          "或用 .sum()、.mean() 把一列算成一个数。",
    "en": "Only one number is wanted here: pick one cell with table.loc[row, column] (the "
          "first value of a column: .iloc[0]), or turn a column into one number with .sum() "
          "or .mean().",
}
_QUOTES_ADVICE = {
    "zh": "数字不要加引号: 写 12, 不要写 \"12\"。",
    "en": "Write numbers without quotes: 12, not \"12\".",
}


class Count(_Kind):
    """A whole number of things (customers, rows), compared exactly."""

    form = {"zh": "一个整数 (例如 12)", "en": "a whole number (e.g. 12)"}

    def coerce(self, answer):
        if isinstance(answer, (bool, np.bool_)):
            return self._wrong_form(answer, {
                "zh": "True/False 只表示是或否; 要数 True 的个数, 用 (条件).sum()。",
                "en": "True/False is a yes or no; to count the True values use (condition).sum().",
            })
        if isinstance(answer, numbers.Integral):
            return int(answer), None
        if isinstance(answer, numbers.Real) and math.isfinite(answer):
            if float(answer).is_integer():
                return int(answer), None
            return self._wrong_form(answer, {
                "zh": "人数、行数这样的计数一定是整数; 如果这是一个百分比, 题目要的是人数。",
                "en": "A count is always a whole number; if this is a percentage, the question "
                      "wants the number itself.",
            })
        if isinstance(answer, datetime.timedelta):
            return self._wrong_form(answer, {
                "zh": "用 .days 取出其中的天数。",
                "en": "Take its number of days with .days.",
            })
        if isinstance(answer, (pd.DataFrame, pd.Series)):
            return self._wrong_form(answer, {
                "zh": "要数一张表有多少行, 用 len(表); 要数满足条件的个数, 用 (条件).sum(); "
                      "要数不同的值, 用 .nunique(); 要取出表里的一个数, 用 表.loc[行, 列]。",
                "en": "To count the rows of a table use len(table); to count the rows that meet "
                      "a condition use (condition).sum(); to count different values use "
                      ".nunique(); to pick one number out of a table use table.loc[row, column].",
            })
        if isinstance(answer, str) and _looks_like_number(answer):
            return self._wrong_form(answer, _QUOTES_ADVICE)
        return self._wrong_form(answer)

    def matches(self, value, expected):
        return value == expected

    def feedback(self, value, expected):
        return [_say(MESSAGES["too_high" if value > expected else "too_low"])]


class Number(_Kind):
    """A number compared within ``tolerance``, optionally with a unit (e.g. yuan, %).

    ``percent=True`` also recognises an answer given as a share between 0 and 1 instead of a
    percentage, and says so. ``decimals`` is how the expected value is shown by ``solution()``.
    """

    def __init__(
        self,
        tolerance: float,
        *,
        unit: Bilingual | None = None,
        decimals: int = 2,
        percent: bool = False,
        direction: bool = True,
    ):
        self.tolerance = float(tolerance)
        self.unit = unit
        self.decimals = decimals
        self.percent = percent
        self.direction = direction
        unit_zh = f", 单位: {unit['zh']}" if unit else ""
        unit_en = f" in {unit['en']}" if unit else ""
        self.form = {
            "zh": f"一个数{unit_zh} (允许误差 ±{self.tolerance:g})",
            "en": f"a number{unit_en} (within ±{self.tolerance:g})",
        }

    def coerce(self, answer):
        if isinstance(answer, (bool, np.bool_)):
            return self._wrong_form(answer)
        if isinstance(answer, numbers.Real):
            value = float(answer)
            if math.isnan(value):
                return self._wrong_form(answer, {
                    "zh": "NaN 表示\"不是一个数\": 计算中有缺失值或空表, 请检查前面的步骤。",
                    "en": "NaN means \"not a number\": something in the calculation was missing "
                          "or empty; check the steps before.",
                })
            if math.isinf(value):
                return self._wrong_form(answer)
            return value, None
        if isinstance(answer, (pd.DataFrame, pd.Series, pd.Index, np.ndarray, list, tuple)):
            return self._wrong_form(answer, _SINGLE_VALUE_ADVICE)
        if isinstance(answer, str) and _looks_like_number(answer):
            return self._wrong_form(answer, _QUOTES_ADVICE)
        return self._wrong_form(answer)

    def matches(self, value, expected):
        return abs(value - expected) <= self.tolerance + 1e-9

    def feedback(self, value, expected):
        lines = []
        if self.percent and expected != 0 and self.matches(100 * value, expected):
            lines.append(_say({
                "zh": "这看起来是 0 到 1 之间的比例; 这里要的是百分数 (乘以 100)。",
                "en": "That looks like a share between 0 and 1; a percentage is wanted here "
                      "(multiply by 100).",
            }))
        elif self.direction:
            lines.append(_say(MESSAGES["too_high" if value > expected else "too_low"]))
        return lines

    def show(self, expected):
        text = f"{expected:.{self.decimals}f}"
        return f"{text} {_say(self.unit)}" if self.unit else text


_TEXT_JUNK = re.compile(r"[\s_\-:：·,，.。;；!！?？'\"“”‘’()（）\[\]【】/]+")
_ARROWS = (
    (re.compile(r"up|\^|⬆|⇧|↗|上"), "↑"),
    (re.compile(r"down|⬇|⇩|↘|下"), "↓"),
)


class Text(_Kind):
    """A short text answer (a name, a column, a pattern).

    Compared case-insensitively, ignoring spaces, underscores, hyphens, colons, quotes and
    brackets (Chinese and Western). With ``arrows=True`` "up"/"^" count as "↑" and "down" as
    "↓". ``aliases(expected)`` gives other accepted spellings (e.g. the name in both languages);
    ``traps`` maps a likely wrong answer to the feedback it deserves.
    """

    form = {"zh": "一段文字 (放在引号里, 例如 \"...\")", "en": "a text (in quotes, e.g. \"...\")"}

    def __init__(
        self,
        *,
        aliases: Callable[[str], Iterable[str]] | None = None,
        traps: Mapping[str, Bilingual] | None = None,
        arrows: bool = False,
        example: str | None = None,
    ):
        self.aliases = aliases
        self.arrows = arrows
        self.traps = {self.normalise(k): v for k, v in (traps or {}).items()}
        if example is not None:
            self.form = {
                "zh": f"一段文字 (放在引号里, 例如 \"{example}\")",
                "en": f"a text (in quotes, e.g. \"{example}\")",
            }

    def normalise(self, text: str) -> str:
        key = unicodedata.normalize("NFKC", text).casefold()
        key = _TEXT_JUNK.sub("", key)
        if self.arrows:
            for pattern, arrow in _ARROWS:
                key = pattern.sub(arrow, key)
        return key

    def coerce(self, answer):
        if isinstance(answer, str):
            if not answer.strip():
                return self._wrong_form(answer, {
                    "zh": "引号里还是空的。", "en": "There is nothing between the quotes yet.",
                })
            return answer, None
        if isinstance(answer, (pd.Series, pd.Index, list, tuple, np.ndarray)) and len(answer) == 1:
            return self._wrong_form(answer, {
                "zh": "只要一个名字, 不要一组: 取出其中的值 (例如 [0] 或 .iloc[0])。",
                "en": "One name is wanted, not a collection: take the value out "
                      "(e.g. [0] or .iloc[0]).",
            })
        return self._wrong_form(answer)

    def accepted(self, expected: str) -> set[str]:
        names = [expected, *(self.aliases(expected) if self.aliases else ())]
        return {self.normalise(str(n)) for n in names}

    def matches(self, value, expected):
        return self.normalise(value) in self.accepted(expected)

    def feedback(self, value, expected):
        trap = self.traps.get(self.normalise(value))
        return [_say(trap)] if trap else []


class IdSet(_Kind):
    """A group of ids (customers, row numbers), compared as a set: order and repeats ignored.

    Ids are compared as text with surrounding spaces removed, so ``5`` and ``"5"`` match.
    """

    form = {
        "zh": "一组编号, 放在列表里 (例如 [\"C0001\", \"C0002\"])",
        "en": "a list of ids (e.g. [\"C0001\", \"C0002\"])",
    }

    @staticmethod
    def _key(item) -> str:
        if isinstance(item, numbers.Real) and not isinstance(item, (bool, np.bool_)):
            if float(item).is_integer():
                return str(int(item))
        return str(item).strip()

    def coerce(self, answer):
        if isinstance(answer, pd.DataFrame):
            return self._wrong_form(answer, {
                "zh": "要的是编号, 不是整张表: 例如 list(表.index) 或 表[\"customer_id\"]。",
                "en": "The ids are wanted, not the whole table: e.g. list(table.index) or "
                      "table[\"customer_id\"].",
            })
        if isinstance(answer, Mapping):
            return self._wrong_form(answer)
        if isinstance(answer, (pd.Series, pd.Index, np.ndarray, list, tuple, set, frozenset)):
            items = list(answer.ravel() if isinstance(answer, np.ndarray) else answer)
            return frozenset(self._key(i) for i in items), None
        if isinstance(answer, (str, numbers.Number)):
            return self._wrong_form(answer, {
                "zh": "即使只有一个编号, 也请放进列表: [\"C0001\"]。",
                "en": "Even a single id goes in a list: [\"C0001\"].",
            })
        return self._wrong_form(answer)

    def matches(self, value, expected):
        return value == expected

    def feedback(self, value, expected):
        lines = []
        missing = len(expected - value)
        extra = len(value - expected)
        if missing:
            lines.append(_say({"zh": "还少了 {n} 个应该在里面的编号。", "en": "{ids} missing."},
                              n=missing, ids=_count(missing, "id that belongs is",
                                                    "ids that belong are")))
        if extra:
            lines.append(_say({"zh": "有 {n} 个编号不应该在里面。", "en": "{ids} not belong."},
                              n=extra, ids=_count(extra, "of your ids does", "of your ids do")))
        return lines

    def show(self, expected):
        return "[" + ", ".join(repr(i) for i in sorted(expected)) + "]"


# --------------------------------------------------------------------------------------------
# The exercise
# --------------------------------------------------------------------------------------------

TEXT_KEYS = ("question", "hint", "takeaway", "revisit")


class Exercise:
    """One self-check question of a notebook.

    ``text`` is ``{"zh": {...}, "en": {...}}``, each with ``question``, ``hint``,
    ``takeaway`` (one line shown with "Correct!") and ``revisit`` (shown with a wrong value:
    which step to look at again, without giving the answer away). ``solution`` is the code a
    student is shown; running it must leave the answer in a variable named ``answer``.
    """

    def __init__(self, name: str, *, kind: _Kind, text: Mapping[str, Mapping[str, str]],
                 solution: str):
        for language in ("zh", "en"):
            missing = [k for k in TEXT_KEYS if not text.get(language, {}).get(k)]
            if missing:
                raise ValueError(f"exercise {name}: {language} text is missing {missing}")
        self.name = name
        self.kind = kind
        self.text = text
        self.code = solution.strip("\n")
        compile(self.code, f"<{name} solution>", "exec")  # a typo fails at import, not in class
        self.last_result: str | None = None
        self.last_message: str | None = None

    # -- what the student calls ------------------------------------------------------------

    def check(self, answer=____) -> None:
        """Check ``answer`` and print whether it is right, with feedback. Returns None."""
        if answer is ____:
            self._finish(NOT_ATTEMPTED, _say(MESSAGES["not_attempted"]))
            return
        value, problem = self.kind.coerce(answer)
        if problem is not None:
            self._finish(INCORRECT, problem, self._hint_prompt())
            return
        expected = self.expected()
        if self.kind.matches(value, expected):
            self._finish(CORRECT, _say(MESSAGES["correct"]) + self._local("takeaway"))
            return
        self._finish(
            INCORRECT,
            _sentences(_say(MESSAGES["incorrect"]), *self.kind.feedback(value, expected)),
            self._local("revisit"),
            self._hint_prompt(),
        )

    def hint(self) -> None:
        """Print the hint."""
        print(_say(MESSAGES["hint"], text=self._local("hint")))

    def solution(self) -> None:
        """Print the solution code and the answer it gives on the course data."""
        answer = self.kind.show(self.expected())
        print("\n".join([_say(MESSAGES["solution"]), "", self.code, "",
                         _say(MESSAGES["expected"], value=answer)]))

    def question(self) -> None:
        """Print the question and the form the answer should take."""
        print(repr(self))

    def __repr__(self) -> str:
        return "\n".join([
            _say(MESSAGES["question"], name=self.name, text=self._local("question")),
            _say(MESSAGES["answer_form"], form=self.kind.form_text()),
        ])

    # -- for teachers and tests ------------------------------------------------------------

    def expected(self):
        """Run the solution code on the course data and return its ``answer``, normalised."""
        namespace: dict = {"__name__": f"rfmkit.exercises.solution_{self.name}"}
        exec(compile(self.code, f"<{self.name} solution>", "exec"), namespace)
        if "answer" not in namespace:
            raise RuntimeError(f"exercise {self.name}: the solution code sets no `answer`")
        value, problem = self.kind.coerce(namespace["answer"])
        if problem is not None:
            raise RuntimeError(f"exercise {self.name}: the solution's answer is not valid: "
                               f"{problem}")
        return value

    # -- helpers ----------------------------------------------------------------------------

    def _local(self, key: str) -> str:
        return self.text["zh" if current_language() == "zh" else "en"][key]

    def _hint_prompt(self) -> str:
        return _say(MESSAGES["hint_prompt"], name=self.name)

    def _finish(self, result: str, *lines: str) -> None:
        self.last_result = result
        self.last_message = "\n".join(lines)
        print(self.last_message)
