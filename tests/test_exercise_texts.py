"""The exercises' texts live in one TOML file per notebook, rfmkit/exercises/nbNN.toml: every
exercise has its four texts in both languages there (a multiple choice its options and feedback
too), and an exercise without them does not import."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

import pytest

import rfmkit.exercises
from rfmkit._toml import tomllib
from rfmkit.exercises import CORRECT, Choice, Count, Exercise, _core, choices, exercise, nb00, nb02

FOLDER = Path(rfmkit.exercises.__file__).parent
MODULES = sorted(info.name for info in pkgutil.iter_modules([str(FOLDER)])
                 if re.fullmatch(r"nb\d\d", info.name))
KEYS = {"question", "hint", "takeaway", "revisit"}


def test_every_notebook_module_has_a_toml_file_and_no_other():
    assert MODULES == [f"nb{n:02d}" for n in range(10)]
    assert sorted(p.stem for p in FOLDER.glob("*.toml")) == MODULES


@pytest.mark.parametrize("name", MODULES)
def test_toml_holds_four_one_line_texts_in_both_languages_for_each_exercise(name):
    texts = tomllib.loads((FOLDER / f"{name}.toml").read_text(encoding="utf-8"))
    module = importlib.import_module(f"rfmkit.exercises.{name}")
    exercises = [q for q in module.__all__ if q.startswith("q")]
    assert [t for t in texts if t != "feedback"] == exercises  # no texts left without exercise
    for q in exercises:
        choice = isinstance(getattr(module, q).kind, Choice)
        assert set(texts[q]) == {"zh", "en"} | ({"options", "feedback", "answer"} if choice
                                                else set()), q
        if choice:  # the right letter is one of the options, as written in the file
            assert texts[q].pop("answer") in texts[q]["options"], q
        for pair in [*texts[q].pop("options", {}).values(), *texts[q].pop("feedback", {}).values()]:
            assert set(pair) == {"zh", "en"} and all(pair.values()), q
        for lang, parts in texts[q].items():
            assert set(parts) == KEYS, (q, lang)
            for key, text in parts.items():
                assert isinstance(text, str) and text == text.strip() and text, (q, lang, key)
                assert "\n" not in text and "  " not in text, (q, lang, key)
                if lang == "zh":  # Chinese, or at least Chinese punctuation around code
                    assert re.search(r"[\u3000-\u303f\u4e00-\u9fff]", text), (q, key)
    for pair in texts.get("feedback", {}).values():
        assert set(pair) == {"zh", "en"} and all(pair.values())


def test_exercise_reads_the_texts_of_its_name_from_its_notebooks_toml():
    assert nb00.q1.text["en"]["question"] == (
        "How many different customers are in the shop's orders (load_orders())?")
    assert nb00.q1.text["zh"]["revisit"] == (
        "数的是不同的客户ID (nunique), 不是订单行数 len(orders)。")
    assert nb02.q6.kind.traps  # the module's other texts come from its [feedback] table
    assert all(trap["en"].startswith('"Important: win back" (重要挽留客户) is the lesson')
               for trap in nb02.q6.kind.traps.values())


def solution(name: str, module: str = "rfmkit.exercises.nb00"):
    """A solution function ``name`` as if written in ``module``."""
    def solve():
        return 7

    solve.__name__ = solve.__qualname__ = name
    solve.__module__ = module
    return solve


def test_exercise_decorator_names_the_exercise_after_its_function():
    q2 = exercise(Count())(solution("q2"))
    assert isinstance(q2, Exercise) and q2.name == "q2" and q2.expected() == 7
    assert q2.code == "answer = 7"
    assert q2.text["en"]["hint"].startswith("orders[\"amount\"] < 0 gives a column of True/False")


def test_exercise_without_texts_fails_when_its_module_is_imported(monkeypatch):
    with pytest.raises(ValueError, match=r"exercise q99 of rfmkit.exercises.nb00: .*no \[q99.zh\]"):
        exercise(Count())(solution("q99"))
    with pytest.raises(ValueError, match="rfmkit.exercises.nb99.*no file"):
        exercise(Count())(solution("q1", "rfmkit.exercises.nb99"))
    texts = {"q1": {"zh": {k: "文字" for k in KEYS}, "en": {k: "text" for k in KEYS - {"hint"}}}}
    monkeypatch.setattr(_core, "module_texts", lambda module: texts)
    missing = r"exercise q1 of rfmkit.exercises.nb00: en text is missing \['hint'\]"
    with pytest.raises(ValueError, match=missing):
        exercise(Count())(solution("q1"))


def test_a_choice_is_made_from_its_toml_table_right_letter_included(monkeypatch, capsys):
    (q4,) = choices("rfmkit.exercises.nb02", "q4")
    assert list(q4.kind.options) == ["A", "B", "C", "D"]
    assert q4.kind.options["B"] == {"zh": "无价值客户 (R↑F↓M↓)", "en": "no value (R↑F↓M↓)"}
    assert set(q4.kind.explanations) == {"B", "C", "D"}
    assert q4.kind.explanations["D"]["en"].startswith("Generally important customers came")
    assert q4.expected() == "A" and q4.code == 'answer = "A"'
    q4.check("a")
    assert q4.last_result == CORRECT
    entry = _core.module_texts("rfmkit.exercises.nb02")["q4"]
    for broken, message in (({**entry, "answer": "E"}, "answer 'E' is not one of its options"),
                            ({k: v for k, v in entry.items() if k != "answer"}, "answer None"),
                            ({k: v for k, v in entry.items() if k != "options"}, "needs two")):
        monkeypatch.setattr(_core, "module_texts", lambda module, texts={"q4": broken}: texts)
        with pytest.raises(ValueError, match=f"exercise q4 of rfmkit.exercises.nb02: .*{message}"):
            choices("rfmkit.exercises.nb02", "q4")


def test_an_instructors_own_module_reads_the_toml_file_next_to_it(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "myquiz"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "nb02.py").write_text(  # the same name as a kit module: its own texts still win
        "from rfmkit.exercises import Count, exercise\n\n\n"
        "@exercise(Count())\ndef q1():\n    return 3\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(FileNotFoundError, match="nb02.toml"):
        importlib.import_module("myquiz.nb02")
    sys.modules.pop("myquiz.nb02", None)
    _core.module_texts.cache_clear()
    texts = "\n".join(f'{lang}.{key} = "{lang} {key} of week 3"'
                      for lang in ("zh", "en") for key in sorted(KEYS))
    (folder / "nb02.toml").write_text(f"[q1]\n{texts}\n", encoding="utf-8")
    quiz = importlib.import_module("myquiz.nb02")
    assert quiz.q1.text["en"]["question"] == "en question of week 3"
    sys.modules.pop("myquiz.nb02", None)
    sys.modules.pop("myquiz", None)


def test_choice_options_are_written_once():
    texts = _core.module_texts("rfmkit.exercises.nb02")["q4"]
    with pytest.raises(ValueError, match="both in the code and in the TOML file"):
        Choice({"A": {"zh": "甲", "en": "a"}, "B": {"zh": "乙", "en": "b"}}).with_texts(texts)
