"""The notebooks' self-check exercises: the mechanism, every exercise, and each expected answer
computed a second, independent way from the course data."""

from __future__ import annotations

import copy
import csv
import importlib
import pkgutil
import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from exercise_support import TEXT, TEXT_KEYS, made_up
from language_support import language

import rfmkit
from rfmkit.data import COURSE_ASOF, load_orders, load_questionnaire, questionnaire_path
from rfmkit.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Choice,
    Count,
    Exercise,
    Frame,
    IdSet,
    Number,
    Text,
    ____,
    nb00,
    nb01,
    nb02,
)

# Every notebook's exercise module (rfmkit/exercises/nbNN.py) is checked by the generic tests.
NOTEBOOK_MODULES = [
    importlib.import_module(f"rfmkit.exercises.{info.name}")
    for info in sorted(pkgutil.iter_modules(rfmkit.exercises.__path__), key=lambda i: i.name)
    if re.fullmatch(r"nb\d\d", info.name)
]

NOT_ATTEMPTED_TEXT = {
    "en": "Not attempted yet: replace ____ with your answer, then run this cell again.",
    "zh": "还没有作答: 把 ____ 换成你的答案, 然后再运行这个单元格。",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


def exercises_of(module):
    return [getattr(module, name) for name in module.__all__ if name.startswith("q")]


EXERCISES = [
    pytest.param(q, id=f"{module.__name__.rsplit('.', 1)[-1]}.{q.name}")
    for module in NOTEBOOK_MODULES
    for q in exercises_of(module)
]


def test_each_notebook_has_at_least_three_exercises():
    assert len(NOTEBOOK_MODULES) >= 3
    for module in NOTEBOOK_MODULES:
        qs = exercises_of(module)
        assert len(qs) >= 3
        assert all(isinstance(q, Exercise) for q in qs)
        assert [q.name for q in qs] == [f"q{i}" for i in range(1, len(qs) + 1)]
        assert module.____ is ____


# Every notebook has the exercise ladder of issue 11.
LADDER_MODULES = [m.__name__.rsplit(".", 1)[1] for m in NOTEBOOK_MODULES]


@pytest.mark.parametrize("name", LADDER_MODULES)
def test_exercise_ladder(name):
    qs = exercises_of(importlib.import_module(f"rfmkit.exercises.{name}"))
    kinds = Counter(type(q.kind).__name__ for q in qs)
    assert len(qs) >= 5, kinds
    assert kinds["Frame"] >= 2, f"{name}: at least 2 exercises where the student writes pandas"
    assert kinds["Choice"] >= 1, f"{name}: at least 1 business judgement"


@pytest.mark.parametrize("q", EXERCISES)
def test_choice_explains_every_wrong_option(q):
    if not isinstance(q.kind, Choice):
        pytest.skip("not a multiple choice")
    right = q.expected()
    assert right in q.kind.options
    assert set(q.kind.explanations) == set(q.kind.options) - {right}
    assert len(q.kind.options) >= 3


def wrong_value(q, expected):
    """An answer of the right form but the wrong value."""
    if isinstance(q.kind, Count):
        return expected + 3
    if isinstance(q.kind, Number):
        return expected + 50 * q.kind.tolerance + 1
    if isinstance(q.kind, Text):
        return "something else entirely"
    if isinstance(q.kind, IdSet):
        return sorted(expected)[1:] + ["X99999"]
    if isinstance(q.kind, Frame):
        return changed_first_value(expected)
    if isinstance(q.kind, Choice):
        return next(letter for letter in q.kind.options if letter != expected)
    raise AssertionError(q.kind)


def changed_first_value(expected):
    """The expected frame or series with its first value changed beyond any tolerance."""
    wrong = expected.copy()
    column = wrong if isinstance(wrong, pd.Series) else wrong[wrong.columns[0]]
    first = column.iloc[0]
    if isinstance(first, (bool, np.bool_)):
        new = not first
    elif isinstance(first, (int, float, np.number)):
        new = first + 1000
    else:
        new = f"{first}?"
    if isinstance(wrong, pd.Series):
        wrong = wrong.astype(object) if isinstance(new, str) else wrong
        wrong.iloc[0] = new
    else:
        wrong.iloc[0, 0] = new
    return wrong


def wrong_form(q):
    """An answer of the wrong form."""
    if isinstance(q.kind, (Text, Frame, Choice)):
        return 42
    return pd.DataFrame({"customer_id": ["C00001", "C00002"]})


def shown_answer(q, expected):
    """The ways the expected answer could be spelled out in a message."""
    if isinstance(q.kind, IdSet):
        return sorted(expected)
    if isinstance(q.kind, Frame):
        return []  # a table is not spelled out in one message; its values are checked below
    if isinstance(q.kind, Choice):
        return [q.kind.show(expected), *q.kind.options[expected].values()]
    shown = [q.kind.show(expected)]
    if isinstance(q.kind, Number):
        shown.append(f"{expected:.{q.kind.decimals}f}")
    return shown


# -- every exercise ---------------------------------------------------------------------------


@pytest.mark.parametrize("q", EXERCISES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_placeholder_is_not_attempted(q, lang, capsys):
    with language(lang):
        assert q.check(____) is None
        assert q.last_result == NOT_ATTEMPTED
        assert capsys.readouterr().out == NOT_ATTEMPTED_TEXT[lang] + "\n"
        q.check()  # no argument at all is the same as the placeholder
        assert q.last_result == NOT_ATTEMPTED
        assert capsys.readouterr().out == NOT_ATTEMPTED_TEXT[lang] + "\n"


@pytest.mark.parametrize("q", EXERCISES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_solution_answer_is_correct(q, lang, capsys):
    with language(lang):
        expected = q.expected()
        assert q.check(expected) is None
        out = capsys.readouterr().out
    assert q.last_result == CORRECT
    assert out.startswith("Correct! " if lang == "en" else "正确! ")
    assert len(out.strip()) > len("Correct! ") + 20  # a takeaway follows


@pytest.mark.parametrize("q", EXERCISES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrong_value_is_helpful_and_does_not_reveal_the_answer(q, lang, capsys):
    expected = q.expected()
    with language(lang):
        q.check(wrong_value(q, expected))
        out = capsys.readouterr().out
    assert q.last_result == INCORRECT
    assert out.startswith("Not quite." if lang == "en" else "还不对。")
    assert q.text[lang]["revisit"] in out
    assert f"{q.name}.hint()" in out
    for spelled in shown_answer(q, expected):
        assert not re.search(rf"(?<![\w.]){re.escape(str(spelled))}(?![\w]|\.\d)", out), spelled
    if isinstance(q.kind, (Count, Number)):
        assert ("too high" if lang == "en" else "偏大") in out
    if isinstance(q.kind, Choice):  # why that option is wrong, in the student's language
        explanation = q.kind.explanations.get(wrong_value(q, expected))
        assert explanation and explanation[lang] in out
    if isinstance(q.kind, Frame):  # says more than "not quite"
        prefix = "Not quite." if lang == "en" else "还不对。"
        assert len(out.splitlines()[0]) > len(prefix) + 10


@pytest.mark.parametrize("q", EXERCISES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrong_form_says_what_kind_of_answer_is_expected(q, lang, capsys):
    with language(lang):
        q.check(wrong_form(q))
        out = capsys.readouterr().out
        form = q.kind.form_text()
    assert q.last_result == INCORRECT
    assert form in out
    assert ("wrong form" if lang == "en" else "形式不对") in out


@pytest.mark.parametrize("q", EXERCISES)
def test_hint_question_and_solution_in_both_languages(q, capsys):
    texts = {}
    for lang in ("en", "zh"):
        with language(lang):
            q.hint()
            hint = capsys.readouterr().out
            q.solution()
            solution = capsys.readouterr().out
            q.question()
            question = capsys.readouterr().out
            assert repr(q) + "\n" == question
            answer_line = ("Answer: " if lang == "en" else "答案: ") + q.kind.show(q.expected())
        assert hint.strip() and question.strip()
        assert q.code in solution  # the code a student can copy...
        assert "answer =" in q.code
        assert answer_line in solution  # ...and the answer it gives
        assert q.text[lang]["hint"] in hint
        assert q.text[lang]["question"] in question
        texts[lang] = hint + question
    assert CJK.search(texts["zh"])
    assert texts["zh"] != texts["en"]
    assert rfmkit.current_language() == "en"


@pytest.mark.parametrize("q", EXERCISES)
def test_shown_solution_runs_and_gives_the_answer(q):
    # what solution() prints is the solution function's own body: copied into a cell, it runs
    namespace = {}
    exec(q.code, namespace)
    value, problem = q.kind.coerce(namespace["answer"])
    assert problem is None
    assert q.kind.matches(value, q.expected())


@pytest.mark.parametrize("q", EXERCISES)
def test_output_is_deterministic(q, capsys):
    expected = q.expected()

    def run_all():
        for lang in ("en", "zh"):
            with language(lang):
                q.check(____)
                q.check(wrong_value(q, expected))
                q.check(wrong_form(q))
                q.check(expected)
                q.hint()
                q.solution()
                q.question()
        return capsys.readouterr().out

    assert run_all() == run_all()


# -- the expected answers, computed a second way ----------------------------------------------


def raw_survey_rows():
    with open(questionnaire_path(), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def plain_rfm():
    """R, F, M per customer with a bare pandas groupby (refund orders do not count as visits)."""
    orders = load_orders()
    orders = orders[orders["order_date"] <= COURSE_ASOF]
    per_order = orders.groupby(["customer_id", "order_id"]).agg(
        amount=("amount", "sum"), day=("order_date", "max")
    )
    bought = per_order[per_order["amount"] > 0]
    by_customer = per_order.groupby(level="customer_id")
    last = bought.groupby(level="customer_id")["day"].max()
    last = last.reindex(by_customer.size().index).fillna(by_customer["day"].max())
    return pd.DataFrame({
        "R": (COURSE_ASOF - last).dt.days,
        "F": bought.groupby(level="customer_id").size().reindex(last.index, fill_value=0),
        "M": by_customer["amount"].sum(),
    })


def plain_patterns(rfm, cuts):
    arrow = {True: "↑", False: "↓"}
    up = {k: rfm[k] >= cuts[k] for k in "RFM"}
    return pd.Series(
        [f"R{arrow[r]}F{arrow[f]}M{arrow[m]}"
         for r, f, m in zip(up["R"], up["F"], up["M"], strict=True)],
        index=rfm.index,
    )


def test_nb00_q2_refund_rows_are_the_r_orders(capsys):
    orders = load_orders()
    by_id = orders[orders["order_id"].str.startswith("R")]
    expected = nb00.q2.expected()
    assert list(expected.index) == list(by_id.index) and len(by_id) > 0
    nb00.q2.check(by_id)
    assert nb00.q2.last_result == CORRECT
    nb00.q2.check(orders[orders["amount"] > 0])  # the other direction
    assert nb00.q2.last_result == INCORRECT


def test_nb00_q3_lines_per_product_by_hand(capsys):
    counts = Counter(load_orders()["product_id"])
    expected = nb00.q3.expected()
    assert dict(expected) == dict(counts)
    nb00.q3.check(pd.Series(counts))  # in any order
    assert nb00.q3.last_result == CORRECT


def test_nb00_q5_the_as_of_date_question(capsys):
    assert nb00.q5.expected() == "A"
    with language("zh"):
        nb00.q5.check("c")
    assert "截止日一变" in capsys.readouterr().out


def survey_column(header_zh):
    """One column of the raw survey file, as written, for the rows the clean data kept."""
    header, rows = raw_survey_rows()
    kept = set(load_questionnaire()["response_id"])
    ids = header.index("问卷编号")
    return {r[ids]: r[header.index(header_zh)] for r in rows if r[ids] in kept}


def test_nb01_q1_stated_recency_by_hand(capsys):
    answers = load_questionnaire()
    by_hand = {c: (COURSE_ASOF.date() - d.date()).days
               for c, d in zip(answers["customer_id"], answers["last_purchase_date"], strict=True)}
    expected = nb01.q1.expected()
    assert dict(expected) == by_hand and min(by_hand.values()) < 0
    nb01.q1.check(-expected)  # the dates subtracted the other way round
    assert nb01.q1.last_result == INCORRECT


def test_nb01_q2_detractors_by_hand():
    written = survey_column("推荐意愿")
    detractors = {i for i, v in written.items() if v.strip() and int(v) <= 6}
    assert set(nb01.q2.expected()["response_id"]) == detractors and detractors


def test_nb01_q3_csat_of_frequent_customers_by_hand():
    answers = load_questionnaire()
    scores = [int(s) for f, s in zip(answers["purchases_per_quarter"], answers["satisfaction"],
                                     strict=True) if f >= 2 and not pd.isna(s)]
    assert nb01.q3.expected() == pytest.approx(
        round(100 * sum(x >= 4 for x in scores) / len(scores), 1))


def test_nb01_q3_recognises_a_share_instead_of_a_percentage(capsys):
    nb01.q3.check(nb01.q3.expected() / 100)
    assert nb01.q3.last_result == INCORRECT


def test_nb01_q5_a_satisfied_detractor_is_called_back(capsys):
    assert nb01.q5.expected() == "A"
    nb01.q5.check("B")
    assert "Satisfied is not loyal" in capsys.readouterr().out


def test_nb01_q4_future_dates_by_hand():
    header, rows = raw_survey_rows()
    kept = set(load_questionnaire()["customer_id"])
    written = pd.Series([r[header.index("最近一次购买日期")] for r in rows])
    written = written.str.replace(r"[年月/.]", "-", regex=True).str.replace("日", "")
    stated = pd.to_datetime(written, errors="coerce", format="mixed")
    customers = pd.Series([r[header.index("客户ID")] for r in rows])
    by_hand = set(customers[(stated > COURSE_ASOF) & customers.isin(kept)])
    assert by_hand and nb01.q4.expected() == by_hand
    rejected_later = rfmkit.rfm_from_questionnaire(
        load_questionnaire(), COURSE_ASOF, after_asof="reject"
    ).attrs["rejected"]
    assert set(rejected_later["customer_id"]) == by_hand


def test_nb01_q4_ids_compared_as_a_set(capsys):
    ids = sorted(nb01.q4.expected())
    for answer in (ids, list(reversed(ids)), set(ids), tuple(ids), pd.Series(ids),
                   pd.Index(ids), np.array(ids), ids + ids[:1]):
        nb01.q4.check(answer)
        assert nb01.q4.last_result == CORRECT, type(answer)
    nb01.q4.check(ids[:-1])
    assert "1 id that belongs is missing." in capsys.readouterr().out.splitlines()[-3]


LESSON_CODES = {  # the lesson's table (LESSON.md section 2), typed in by hand
    "R↓F↑M↑": "maintain", "R↓F↓M↑": "develop", "R↓F↑M↓": "general_important",
    "R↑F↑M↑": "win_back", "R↑F↑M↓": "ordinary", "R↑F↓M↓": "no_value",
    "R↓F↓M↓": "unnamed_recent_small", "R↑F↓M↑": "unnamed_lapsed_big",
}


def plain_segments():
    rfm = plain_rfm()
    return rfm, plain_patterns(rfm, rfm.mean()).map(LESSON_CODES)


def test_nb02_q1_monetary_flag_by_hand(capsys):
    rfm = plain_rfm()
    flag = rfm["M"] >= rfm["M"].mean()
    expected = nb02.q1.expected()
    assert expected.index.equals(flag.index)
    assert (expected == flag).all() and 0 < flag.sum() < len(flag)
    nb02.q1.check(flag)
    assert nb02.q1.last_result == CORRECT
    nb02.q1.check(rfm["M"] > rfm["M"].median())  # the median is another cut
    assert nb02.q1.last_result == INCORRECT


def test_nb02_q2_group_sizes_by_hand(capsys):
    _, segments = plain_segments()
    counts = segments.value_counts()
    assert set(counts.index) == set(LESSON_CODES.values())
    nb02.q2.check(counts.sort_index())  # any order of rows
    assert nb02.q2.last_result == CORRECT
    nb02.q2.check(plain_patterns(plain_rfm(), plain_rfm().mean()).value_counts())  # patterns
    assert nb02.q2.last_result == INCORRECT


def test_nb02_q3_revenue_per_group_by_hand(capsys):
    rfm, segments = plain_segments()
    revenue = rfm["M"].groupby(segments).sum()
    assert revenue.sum() == pytest.approx(rfm["M"].sum())
    nb02.q3.check(revenue)
    assert nb02.q3.last_result == CORRECT
    nb02.q3.check(rfm["M"].groupby(segments).mean())  # mean, not sum
    assert nb02.q3.last_result == INCORRECT


def test_nb02_q4_the_win_back_group_gets_the_call_and_no_value_is_explained(capsys):
    assert nb02.q4.expected() == "A"
    assert "R↑F↑M↑" in nb02.q4.kind.options["A"]["en"]
    assert "R↑F↓M↓" in nb02.q4.kind.options["B"]["en"]
    for letter in ("b", "(C)", "D."):
        nb02.q4.check(letter)
        assert nb02.q4.last_result == INCORRECT
    with language("zh"):
        nb02.q4.check("B")
    assert "没有必要维持这段关系" in capsys.readouterr().out


def test_nb02_q5_unnamed_recent_group_is_cared_for_as_new():
    assert nb02.q5.expected() == "A"
    assert set(nb02.q5.kind.explanations) == {"B", "C", "D"}


@pytest.mark.parametrize(
    "spelling",
    ["important keep", "重要保持客户", "important_keep", "Important Keep", " 重要保持 ",
     "IMPORTANT-KEEP"],
)
def test_nb02_q6_accepts_the_eight_class_name(spelling):
    nb02.q6.check(spelling)
    assert nb02.q6.last_result == CORRECT


@pytest.mark.parametrize("lesson_name", ["重要挽留客户", "important: win back", "win_back"])
def test_nb02_q6_explains_the_lesson_name(lesson_name, capsys):
    nb02.q6.check(lesson_name)
    assert nb02.q6.last_result == INCORRECT
    assert "the lesson's name for R↑F↑M↑" in capsys.readouterr().out


def test_nb02_q6_solution_in_both_languages():
    assert nb02.q6.expected() == "important keep"
    with language("zh"):
        assert nb02.q6.expected() == "重要保持客户"


# -- the mechanism, on small made-up exercises ------------------------------------------------

LIMIT = 12  # a module constant a made-up solution uses


def one():
    return 1


def test_placeholder_is_one_object_with_a_plain_name():
    assert repr(____) == "____" and str(____) == "____"
    assert copy.deepcopy(____) is ____ and copy.copy(____) is ____
    assert type(____)() is ____


def test_exercise_needs_every_text_in_both_languages():
    for lang in ("zh", "en"):
        for key in TEXT_KEYS:
            text = copy.deepcopy(TEXT)
            del text[lang][key]
            with pytest.raises(ValueError, match=f"{lang} text is missing \\['{key}'\\]"):
                Exercise("q9", kind=Count(), text=text, solution=one)
            text[lang][key] = "  "
            with pytest.raises(ValueError, match=f"{lang} text is missing \\['{key}'\\]"):
                Exercise("q9", kind=Count(), text=text, solution=one)
    with pytest.raises(ValueError, match="en text is missing"):
        Exercise("q9", kind=Count(), text={"zh": TEXT["zh"]}, solution=one)
    with pytest.raises(ValueError, match="unknown text table 'fr'"):
        Exercise("q9", kind=Count(), text={**TEXT, "fr": {"hint": "indice"}}, solution=one)
    with pytest.raises(ValueError, match="unknown text key 'en.answer'"):
        Exercise("q9", kind=Count(), text={"zh": TEXT["zh"], "en": {**TEXT["en"], "answer": "12"}},
                 solution=one)


def test_solution_is_a_function_shown_as_the_code_a_student_runs():
    def q9():
        from math import floor

        half = LIMIT / 2
        return floor(half
                     * 2)

    q = Exercise("q9", kind=Count(), text=TEXT, solution=q9)
    assert q.code == ("from math import floor\n\nLIMIT = 12\n\nhalf = LIMIT / 2\n"
                      "answer = floor(half\n             * 2)")
    namespace = {}
    exec(q.code, namespace)
    assert namespace["answer"] == q.expected() == 12


def test_solution_must_return_a_valid_answer_from_what_a_student_has():
    def no_return():
        print("no answer")

    with pytest.raises(ValueError, match="must end with `return <answer>`"):
        Exercise("q9", kind=Count(), text=TEXT, solution=no_return)

    def uses_a_module_of_the_exercise_file():
        return int(np.int64(12))

    with pytest.raises(ValueError, match="uses np of its module: import it inside"):
        Exercise("q9", kind=Count(), text=TEXT, solution=uses_a_module_of_the_exercise_file)
    q = made_up(Count(), "twelve")
    with pytest.raises(RuntimeError, match="not valid"):
        q.expected()


def test_judge_gives_the_result_without_printing(capsys):
    q = made_up(Count(), 12)
    assert q.judge(____) == (NOT_ATTEMPTED, NOT_ATTEMPTED_TEXT["en"])
    assert q.judge(12) == (CORRECT, "Correct! en takeaway")
    result, message = q.judge(13)
    assert result == INCORRECT and message.splitlines()[1:] == ["en revisit",
                                                                "Need a hint? Run q9.hint()"]
    assert capsys.readouterr().out == "" and q.last_result is None


def test_count_accepts_whole_numbers_of_any_type():
    q = made_up(Count(), 12)
    for answer in (12, np.int64(12), 12.0, np.float64(12.0)):
        q.check(answer)
        assert q.last_result == CORRECT


@pytest.mark.parametrize(
    ("answer", "advice"),
    [
        ("12", "without quotes"),
        (True, "(condition).sum()"),
        (np.bool_(True), "(condition).sum()"),
        (12.5, "whole number"),
        (pd.Series([1, 2]), "len(table)"),
        (None, "answer = print(...)"),
        (pd.Timedelta(days=12), ".days"),
    ],
)
def test_count_explains_a_wrong_form(answer, advice, capsys):
    q = made_up(Count(), 12)
    q.check(answer)
    out = capsys.readouterr().out
    assert q.last_result == INCORRECT
    assert "expected a whole number" in out and advice in out


def test_count_says_too_low_and_too_high(capsys):
    q = made_up(Count(), 12)
    q.check(11)
    assert "too low" in capsys.readouterr().out
    q.check(13)
    assert "too high" in capsys.readouterr().out


def test_number_tolerance_and_unit(capsys):
    q = made_up(Number(0.005, unit="yuan"), round(632.940833, 2))
    for answer in (632.94, 632.940833, 632.9449, 632.9351):
        q.check(answer)
        assert q.last_result == CORRECT, answer
    q.check(632.95)
    assert q.last_result == INCORRECT
    q.check(pd.Series([632.94]))
    assert ".iloc[0]" in capsys.readouterr().out.splitlines()[-2]
    q.check(float("nan"))
    assert "NaN" in capsys.readouterr().out
    q.solution()
    assert capsys.readouterr().out.splitlines()[-1] == "Answer: 632.94 yuan"
    with language("zh"):
        q.solution()
        assert capsys.readouterr().out.splitlines()[-1] == "答案: 632.94 元"
        assert str(q).splitlines()[-1] == "答案形式: 一个数, 单位: 元 (允许误差 ±0.005)"


def test_text_ignores_case_spaces_and_punctuation():
    q = made_up(Text(aliases=lambda name: ["别名"]), "Important: Keep")
    for answer in ("important keep", "IMPORTANT_KEEP", " important-keep ", "“Important Keep”",
                   "别名", "(important keep)"):
        q.check(answer)
        assert q.last_result == CORRECT, answer
    q.check("important")
    assert q.last_result == INCORRECT


def test_text_explains_a_wrong_form(capsys):
    q = made_up(Text(), "keep")
    q.check(["keep"])
    assert "[0]" in capsys.readouterr().out
    q.check("  ")
    assert "nothing between the quotes" in capsys.readouterr().out
    assert q.last_result == INCORRECT
    # .unique() of a text column is a pandas array in pandas 3, not a list or numpy array
    q.check(pd.Series(["keep", "keep"]).unique())
    assert "[0]" in capsys.readouterr().out


def test_frame_asks_for_pandas_when_given_a_pandas_array(capsys):
    q = made_up(Frame(), pd.Series([1, 2], index=["a", "b"]))
    q.check(pd.array([1, 2]))
    assert "pd.Series(values, index=labels)" in capsys.readouterr().out
    assert q.last_result == INCORRECT


def test_id_set_feedback_counts_without_naming_ids(capsys):
    q = made_up(IdSet(), ["C1", "C2", "C3"])
    q.check(["C1", "C2", "C9", "C8"])
    out = capsys.readouterr().out
    assert "1 id that belongs is missing." in out and "2 of your ids do not belong." in out
    assert "C3" not in out
    q.check([1, 2])
    assert q.last_result == INCORRECT


def test_id_set_numbers_match_as_text(capsys):
    q = made_up(IdSet(), [14, 28])
    for answer in ([14, 28], ["14", "28"], np.array([28.0, 14.0]), pd.Series([28, 14])):
        q.check(answer)
        assert q.last_result == CORRECT, answer
    q.check("C1")
    assert "Even a single id goes in a list" in capsys.readouterr().out
    q.check(pd.DataFrame({"customer_id": [14, 28]}))
    assert "list(table.index)" in capsys.readouterr().out


def test_id_set_takes_the_unique_values_pandas_gives():
    q = made_up(IdSet(), ["C1", "C2"])
    unique = pd.Series(["C2", "C1", "C2"]).unique()  # a pandas StringArray, not a NumPy array
    assert q.judge(unique)[0] == CORRECT
    assert made_up(IdSet(), [14, 28]).judge(pd.array([28, 14, 14]))[0] == CORRECT


def test_check_prints_and_returns_nothing(capsys):
    q = made_up(Count(), 12)
    assert q.check(12) is None and q.hint() is None
    assert q.solution() is None and q.question() is None
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Correct! en takeaway"
    assert q.last_message == "Correct! en takeaway"


def test_wrong_form_advice_fits_the_collection(capsys):
    q = made_up(Text(), "keep")
    q.check({"keep"})  # a set has no [0]: no advice to take the first value
    assert "[0]" not in capsys.readouterr().out
    n = made_up(Number(0.01), 3.5)
    n.check(pd.array([3.5]))  # what .unique() of a Float64 column gives
    assert ".iloc[0]" in capsys.readouterr().out
