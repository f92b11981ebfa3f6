"""The self-check mechanism behind ``q1.check(answer)``, ``q1.hint()`` and ``q1.solution()``.

An exercise is a solution function with its texts and the kind of answer it expects::

    @exercise(Count(), '''
    zh.question: 一共有多少位不同的顾客?
    zh.hint: ...
    en.question: How many different customers are there?
    en.hint: ...   (and zh/en takeaway, revisit: see Exercise)
    ''')
    def q1():
        from rfmkit.data import load_orders

        return load_orders()["customer_id"].nunique()

The function is plain, linted Python; what it returns is the expected answer, and its body
(``return x`` shown as ``answer = x``) is what ``q1.solution()`` prints, so the code a student
sees is the code that decides what "correct" means. Kinds of answer: :class:`Count`,
:class:`Number`, :class:`Text`, :class:`IdSet`; a new kind implements ``coerce``, ``matches``,
``feedback`` and ``show``. Messages come from ``rfmkit.labels`` (keys ``exercise.*``) in the
current language. ``check`` never raises because of what a student typed.
"""

from __future__ import annotations

import ast
import datetime
import inspect
import math
import numbers
import re
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from rfmkit.labels import current_language, label

__all__ = ["CORRECT", "INCORRECT", "NOT_ATTEMPTED", "Count", "Exercise", "IdSet", "Number",
           "Text", "exercise", "____"]

NOT_ATTEMPTED, INCORRECT, CORRECT = "not attempted", "incorrect", "correct"
TEXT_KEYS = ("question", "hint", "takeaway", "revisit")
Bilingual = Mapping[str, str]  # {"zh": ..., "en": ...}


class _Placeholder:
    """The blank a student replaces with an answer: ``answer = ____`` (one object, ever)."""

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


def _say(key: str, **values) -> str:
    """The ``exercise.<key>`` message in the current language, with ``{names}`` filled in."""
    return label(f"exercise.{key}").format(**values)


def _pick(text: Bilingual) -> str:
    return text["zh" if current_language() == "zh" else "en"]


def _sentences(*parts: str) -> str:
    """Sentences run on: with a space in English, without one after Chinese punctuation."""
    return ("" if current_language() == "zh" else " ").join(p for p in parts if p)


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
    if n or isinstance(answer, (pd.Index, np.ndarray, list, tuple, set, frozenset)):
        return _say("given.collection", t=type(answer).__name__, n=n, values=values)
    if isinstance(answer, datetime.timedelta):
        return _say("given.timedelta", v=answer.days)
    if isinstance(answer, numbers.Number):
        return _say("given.number", v=answer)
    return _say("given.object", t=type(answer).__name__)


_NUMBER_TEXT = re.compile(r"\s*[-+]?[\d,]*\.?\d+\s*%?\s*")
_TABLES = (pd.DataFrame, pd.Series, pd.Index, np.ndarray, list, tuple)


class _Kind:
    """A kind of answer: turns an answer into a comparable value (or says why it cannot),
    compares it with the expected value, and explains a wrong one without giving it away."""

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

    def _no_number(self, answer) -> tuple[None, str]:
        """The wrong-form message for an answer that is not a single real number."""
        if isinstance(answer, str) and _NUMBER_TEXT.fullmatch(answer):
            return self._wrong(answer, "quotes")
        return self._wrong(answer, "single_value" if isinstance(answer, _TABLES) else None)


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
        return self._no_number(answer)


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


def _parse_text(name: str, block: str) -> dict[str, dict[str, str]]:
    """``zh.question: ...`` lines (indented lines continue the entry) -> {"zh": {...}, ...}."""
    text: dict[str, dict[str, str]] = {"zh": {}, "en": {}}
    for entry in re.split(r"\n(?=\S)", textwrap.dedent(block).strip()):
        key, _, value = entry.partition(":")
        language, _, part = key.partition(".")
        if language not in text or part not in TEXT_KEYS:
            raise ValueError(f"exercise {name}: unknown text key {key!r}")
        text[language][part] = " ".join(line.strip() for line in value.splitlines()).strip()
    for language, parts in text.items():
        if missing := [k for k in TEXT_KEYS if not parts.get(k)]:
            raise ValueError(f"exercise {name}: {language} text is missing {missing}")
    return text


def _solution_code(solve: Callable) -> str:
    """The body of ``solve`` as a student can run it: the module constants it uses set after
    its imports, and its final ``return x`` written as ``answer = x``."""
    source = textwrap.dedent(inspect.getsource(solve))
    body = ast.parse(source).body[0].body
    if not isinstance(body[-1], ast.Return) or body[-1].value is None:
        raise ValueError(f"solution {solve.__name__} must end with `return <answer>`")
    lines = source.splitlines()[body[0].lineno - 1:body[-1].end_lineno]
    lines = textwrap.dedent("\n".join(lines)).splitlines()
    last = body[-1].lineno - body[0].lineno
    lines[last] = "answer = " + lines[last].removeprefix("return ")
    nodes = list(ast.walk(ast.parse("\n".join(lines))))
    bound = {(a.asname or a.name).split(".")[0] for n in nodes
             if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    bound |= {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    free = {n.id for n in nodes if isinstance(n, ast.Name)} - bound
    constants = []
    for name in sorted(free & solve.__globals__.keys()):  # the rest are builtins
        value = solve.__globals__[name]
        if type(value) not in (str, int, float):
            raise ValueError(f"solution {solve.__name__} uses {name} of its module: import "
                             "it inside the function, so that a student's copy runs")
        constants.append(f"{name} = {value!r}")
    if constants:  # after the imports the body starts with
        n = next(i for i, s in enumerate(body) if not isinstance(s, (ast.Import, ast.ImportFrom)))
        split = body[n - 1].end_lineno - body[0].lineno + 1 if n else 0
        lines[split:split] = [""] * bool(split) + constants + [""] * (not split)
    return "\n".join(lines)

class Exercise:
    """One self-check question of a notebook.

    ``text`` holds ``zh.`` and ``en.`` entries for ``question``, ``hint``, ``takeaway`` (shown
    with "Correct!") and ``revisit`` (shown with a wrong value: which step to look at again,
    without giving the answer away). ``solution`` is a function without arguments that returns
    the expected answer from the course data.
    """

    def __init__(self, name: str, *, kind: _Kind, text: str, solution: Callable[[], object]):
        self.name, self.kind, self.solve = name, kind, solution
        self.text = _parse_text(name, text)
        self.code = _solution_code(solution)  # a broken solution fails at import, not in class
        self.last_result: str | None = None
        self.last_message: str | None = None

    # -- what the student calls ----------------------------------------------------------------

    def check(self, answer=____) -> None:
        """Print whether ``answer`` is right, with feedback; never raises. Returns None."""
        self.last_result, self.last_message = self.judge(answer)
        print(self.last_message)

    def hint(self) -> None:
        """Print the hint."""
        print(_say("hint", text=self._local("hint")))

    def solution(self) -> None:
        """Print the solution code and the answer it gives on the course data."""
        answer = _say("expected", value=self.kind.show(self.expected()))
        print("\n".join([_say("solution"), "", self.code, "", answer]))

    def question(self) -> None:
        """Print the question and the form the answer should take."""
        print(repr(self))

    def __repr__(self) -> str:
        return "\n".join([_say("question", name=self.name, text=self._local("question")),
                          _say("answer_form", form=self.kind.form_text())])

    # -- for teachers, tests and tools -----------------------------------------------------------

    def judge(self, answer=____) -> tuple[str, str]:
        """``(result, message)`` for ``answer``, printing nothing: result is one of
        NOT_ATTEMPTED, INCORRECT and CORRECT."""
        if answer is ____:
            return NOT_ATTEMPTED, _say("not_attempted")
        prompt = _say("hint_prompt", name=self.name)
        value, problem = self.kind.coerce(answer)
        if problem is not None:
            return INCORRECT, "\n".join([problem, prompt])
        expected = self.expected()
        if self.kind.matches(value, expected):
            return CORRECT, _say("correct") + self._local("takeaway")
        wrong = _sentences(_say("incorrect"), *self.kind.feedback(value, expected))
        return INCORRECT, "\n".join([wrong, self._local("revisit"), prompt])

    def expected(self):
        """Run the solution on the course data and return its answer, as the kind compares it."""
        value, problem = self.kind.coerce(self.solve())
        if problem is not None:
            raise RuntimeError(f"exercise {self.name}: the solution's answer is not valid: "
                               f"{problem}")
        return value

    def _local(self, key: str) -> str:
        return self.text["zh" if current_language() == "zh" else "en"][key]


def exercise(kind: _Kind, text: str) -> Callable[[Callable[[], object]], Exercise]:
    """Decorate a solution function: the module name it is given (``q1``) becomes the
    exercise, named after the function."""
    return lambda solve: Exercise(solve.__name__, kind=kind, text=text, solution=solve)
