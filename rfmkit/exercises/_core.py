"""The self-check mechanism behind ``q1.check(answer)``, ``q1.hint()`` and ``q1.solution()``.

An exercise is a solution function of a notebook's module, with the kind of answer it expects
(``rfmkit.exercises._kinds``)::

    @exercise(Count())
    def q1():
        from rfmkit.data import load_orders

        return load_orders()["customer_id"].nunique()

What it returns is the expected answer, and its body (``return x`` shown as ``answer = x``) is
what ``q1.solution()`` prints: the code a student sees decides what "correct" means. Its texts
are in the TOML file next to the module (``nb00.toml``): ``[q1.zh]`` and ``[q1.en]`` with
one-line ``question``, ``hint``, ``takeaway`` (shown with "Correct!") and ``revisit`` (shown
with a wrong value: what to look at again, without the answer); a ``Choice()`` also has
``[q4.options.A]`` and ``[q4.feedback.B]`` (``zh`` and ``en`` each); a module's other texts are
tables of their own (``[feedback.lesson_win_back]``). Messages are the labels ``exercise.*`` in
the current language. ``check`` never raises because of what a student typed.

Two environment variables, read at each call (so ``%env RFMKIT_LOCK=solutions`` in a notebook
takes effect at once):

- ``RFMKIT_LOCK``, the instructor's exam setting: ``solutions`` makes ``q.solution()`` print a
  friendly "locked during this exam" message instead of the answer; ``solutions,hints`` (or
  ``all``) locks the hints too; any other value but empty, ``0``, ``false``, ``no``, ``off`` and
  ``none`` locks the solutions. ``check()`` always works. Set it where the students' kernels
  start (``RFMKIT_LOCK=solutions jupyter lab``, or the JupyterHub environment). A formative aid,
  not a guard: a student who can change the environment can unlock it.
- ``RFMKIT_RESULTS`` names a file to which every ``check()`` appends one JSON line
  ``{"module": ..., "exercise": ..., "result": ...}``; ``rfmkit.gradebook`` sets it in the
  kernel that re-runs a student's notebook.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import inspect
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

from rfmkit._toml import tomllib
from rfmkit.labels import current_language, label

__all__ = ["CORRECT", "INCORRECT", "NOT_ATTEMPTED", "Exercise", "exercise", "locked", "____"]

NOT_ATTEMPTED, INCORRECT, CORRECT = "not attempted", "incorrect", "correct"
TEXT_KEYS = ("question", "hint", "takeaway", "revisit")
LOCK_VARIABLE, RESULTS_VARIABLE = "RFMKIT_LOCK", "RFMKIT_RESULTS"
Bilingual = Mapping[str, str]  # {"zh": ..., "en": ...}


class _Placeholder:
    """The blank a student replaces with an answer: ``answer = ____`` (one object, ever)."""

    _instance: _Placeholder | None = None

    def __new__(cls) -> _Placeholder:
        cls._instance = cls._instance or super().__new__(cls)
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


def locked(part: str) -> bool:
    """Whether ``part`` (``"solutions"`` or ``"hints"``) is locked by ``RFMKIT_LOCK`` now."""
    words = set(re.split(r"[\s,;]+", os.environ.get(LOCK_VARIABLE, "").strip().lower())) - {""}
    if words <= {"0", "false", "no", "off", "none"}:
        return False
    return part == "solutions" or bool(words & {part, part.rstrip("s"), "all"})


@functools.cache
def module_texts(module: str) -> dict:
    """The texts of the exercise module ``module`` (``"rfmkit.exercises.nb02"``): the TOML file
    next to the module's own file (``rfmkit/exercises/nb02.toml``; an instructor's
    ``myquiz/week3.py`` has ``myquiz/week3.toml``) parsed, read once. One table per exercise,
    ``[q1.zh]`` and ``[q1.en]``; other tables (``[feedback]``) hold the module's other texts."""
    source = getattr(sys.modules.get(module), "__file__", None)
    if source is None:
        raise ValueError(f"exercises of {module!r}: their texts are read from a TOML file next "
                         "to the module's .py file, and this module has no file")
    return tomllib.loads(Path(source).with_suffix(".toml").read_text(encoding="utf-8"))


def _checked_text(name: str, text: Mapping) -> dict[str, dict[str, str]]:
    """``text`` as ``{"zh": {...}, "en": {...}}``, each with a non-empty text for every key in
    ``TEXT_KEYS``; raises ValueError naming a missing or unknown key."""
    for language, parts in text.items():
        if language not in ("zh", "en") or not isinstance(parts, Mapping):
            raise ValueError(f"exercise {name}: unknown text table {language!r}")
        if unknown := sorted(set(parts) - set(TEXT_KEYS)):
            raise ValueError(f"exercise {name}: unknown text key '{language}.{unknown[0]}'")
    for language in ("zh", "en"):
        parts = text.get(language, {})
        if missing := [k for k in TEXT_KEYS if not str(parts.get(k, "")).strip()]:
            raise ValueError(f"exercise {name}: {language} text is missing {missing}")
    return {language: dict(text[language]) for language in ("zh", "en")}


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
    """One self-check question of a notebook, named ``name``.

    ``kind`` is the kind of answer; ``text`` the exercise's entry in its TOML file: ``{"zh":
    {"question": ..., "hint": ..., "takeaway": ..., "revisit": ...}, "en": {...}}`` and the
    tables the kind reads (a Choice's ``options`` and ``feedback``). ``solution`` is a function
    without arguments that returns the expected answer from the course data. Raises ValueError
    when a text is missing or the solution cannot be shown as code.
    """

    def __init__(self, name: str, *, kind, text: Mapping[str, Mapping[str, str]],
                 solution: Callable[[], object], code: str | None = None):
        self.name, self.solve = name, solution
        self.module = solution.__module__  # e.g. "rfmkit.exercises.nb02"
        where, tables = f"{name} of {self.module}", kind.text_tables  # tables: a Choice's options
        try:
            self.kind = kind.with_texts({k: v for k, v in text.items() if k in tables})
        except ValueError as problem:
            raise ValueError(f"exercise {where}: {problem}") from None
        self.text = _checked_text(where, {k: v for k, v in text.items() if k not in tables})
        # the solution as code (a broken one fails at import, not in class); ``code`` when the
        # answer is data, as a multiple choice's letter is
        self.code = _solution_code(solution) if code is None else code
        self.last_result: str | None = None
        self.last_message: str | None = None

    # -- what the student calls ----------------------------------------------------------------

    def check(self, answer=____) -> None:
        """Print whether ``answer`` is right, with feedback; never raises. Returns None."""
        self.last_result, self.last_message = self.judge(answer)
        print(self.last_message)
        if path := os.environ.get(RESULTS_VARIABLE):  # one JSON line; a failed write is ignored
            line = {"module": self.module, "exercise": self.name, "result": self.last_result}
            with contextlib.suppress(OSError), open(path, "a", encoding="utf-8") as results:
                results.write(json.dumps(line) + "\n")

    def hint(self) -> None:
        """Print the hint (or, when hints are locked for an exam, say so)."""
        hint = _pick(self.text)["hint"]
        print(_say("locked.hints") if locked("hints") else _say("hint", text=hint))

    def solution(self) -> None:
        """Print the solution code and the answer it gives on the course data (or, when
        solutions are locked for an exam, say so and show nothing of the answer)."""
        if locked("solutions"):
            print(_say("locked.solutions"))
            return
        answer = _say("expected", value=self.kind.show(self.expected()))
        print("\n".join([_say("solution"), "", self.code, "", answer]))

    def question(self) -> None:
        """Print the question and the form the answer should take."""
        print(repr(self))

    def __repr__(self) -> str:
        return "\n".join([_say("question", name=self.name, text=_pick(self.text)["question"]),
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
            return CORRECT, _say("correct") + _pick(self.text)["takeaway"]
        wrong = _sentences(_say("incorrect"), *self.kind.feedback(value, expected))
        return INCORRECT, "\n".join([wrong, _pick(self.text)["revisit"], prompt])

    def expected(self):
        """Run the solution on the course data and return its answer, as the kind compares it."""
        value, problem = self.kind.coerce(self.solve())
        if problem is not None:
            raise RuntimeError(f"exercise {self.name}: the solution's answer is not valid: "
                               f"{problem}")
        return value


def exercise(kind) -> Callable[[Callable[[], object]], Exercise]:
    """Decorate a solution function ``qN`` of ``rfmkit.exercises.nbNN``: it becomes the exercise
    ``qN`` with the texts of ``[qN.zh]`` and ``[qN.en]`` in ``exercises/nbNN.toml``. A missing
    table or text raises ValueError when the module is imported."""
    def make(solve: Callable[[], object]) -> Exercise:
        return Exercise(solve.__name__, kind=kind, text=_entry(solve.__module__, solve.__name__),
                        solution=solve)

    return make


def _entry(module: str, name: str) -> dict:
    texts = module_texts(module)
    if name not in texts:
        raise ValueError(f"exercise {name} of {module}: its TOML file has no [{name}.zh] and "
                         f"[{name}.en] texts")
    return texts[name]


def choices(module: str, *names: str) -> tuple[Exercise, ...]:
    """The multiple-choice exercises ``names`` of ``module`` (pass ``__name__``), wholly data:
    each one's texts, options, feedback and right letter (``answer = "B"``) are its table in
    the module's TOML file, so the letter sits next to the options it names. Returns them in
    the order named; raises ValueError when a letter is missing or is not an option."""
    from rfmkit.exercises._kinds import Choice

    made = []
    for name in names:
        entry = dict(_entry(module, name))
        letter = entry.pop("answer", None)

        def solve(letter=letter):
            return letter

        solve.__name__ = solve.__qualname__ = name
        solve.__module__ = module
        exercise = Exercise(name, kind=Choice(), text=entry, solution=solve,
                            code=f'answer = "{letter}"')
        if letter not in exercise.kind.options:
            raise ValueError(f"exercise {name} of {module}: answer {letter!r} is not one of its "
                             f"options {sorted(exercise.kind.options)}")
        made.append(exercise)
    return tuple(made)
