"""The Frame and Choice kinds, the rounding near-miss of Number, and the exam lock, on small
made-up exercises with expected values written by hand: each wrong answer first (the message
names the targeted problem and does not show the expected values), then the right one, in both
languages."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from exercise_support import made_up
from language_support import language

from rfmkit.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Choice,
    Frame,
    Number,
)


def shows_none_of(message, values):
    """No expected value appears in ``message`` as a number or word of its own."""
    for value in values:
        assert not re.search(rf"(?<![\w.]){re.escape(str(value))}(?![\w]|\.\d)", message), value


# -- Frame: a table the student builds ------------------------------------------------------

CUSTOMERS = pd.Index(["C0107", "C0212", "C0348", "C0451"], name="customer_id")
RFM = pd.DataFrame({
    "recency": [17, 263, 88, 141],
    "monetary": [1234.56, 87.25, 650.5, 2045.75],
    "m_up": [True, False, True, True],  # monetary >= a cut of 604
    "segment": ["maintain", "lost", "develop", "keep"],
}, index=CUSTOMERS)
SECRETS = [17, 263, 88, 141, 1234.56, 87.25, 650.5, 2045.75, "maintain", "lost", "develop", "keep"]


def rfm_exercise(**options):
    return made_up(Frame(**options), RFM)


WRONG_FRAMES = [  # (name, answer, English words, Chinese words)
    ("a Series", RFM["recency"].rename("days"), "a table (DataFrame) with the columns recency, "
     "monetary, m_up, segment is wanted", "这里要的是一张表 (DataFrame)"),
    ("one of the columns", RFM["recency"], "You kept only the column recency; the whole table "
     "is wanted", "你只取出了 recency 这一列; 这里要的是整张表"),
    ("the condition", RFM["monetary"] >= 604, "You gave a column of True/False, the condition "
     "itself", "你给的是一列 True/False, 也就是筛选条件本身"),
    ("other way round", RFM.T, "The rows and columns are swapped", "行和列反了"),
    ("missing columns", RFM.drop(columns=["m_up", "segment"]),
     "missing 2 column(s): m_up, segment", "缺少 2 列: m_up, segment"),
    ("numbered rows", RFM.reset_index(), '.set_index("customer_id")',
     '.set_index("customer_id")'),
    ("a row lost", RFM.iloc[:3], "has 3 rows; 4 are expected", "有 3 行, 应该有 4 行"),
    ("other labels", RFM.rename(index={"C0451": "C0999"}),
     "1 of yours should not be there (e.g. C0999)", "1 个不应出现的标签 (例如 C0999)"),
    ("reverse order", RFM.iloc[::-1], "reverse order", "顺序正好反了"),
    ("other order", RFM.iloc[[1, 0, 2, 3]], "in another order", "顺序不对"),
    ("recency negated", RFM.assign(recency=-RFM["recency"]),
     "Column recency: your values run the opposite way", "recency 列: 方向反了"),
    ("recency counted down", RFM.assign(recency=300 - RFM["recency"]),
     "Column recency: your values run the opposite way", "recency 列: 方向反了"),
    ("monetary rounded early", RFM.assign(monetary=[1235.0, 87.0, 650.0, 2046.0]),
     "Column monetary: the difference is within rounding: values are compared within ±0.005, "
     "so give at least 2 decimal place(s)", "monetary 列: 差别在四舍五入的范围内"),
    ("flags flipped", RFM.assign(m_up=~RFM["m_up"]),
     "Column m_up: every flag is flipped: ↑/↓ reversed: at or above the cut counts as ↑",
     "m_up 列: 每个是/否都反了: ↑/↓ 颠倒了"),
    ("two values off", RFM.assign(monetary=[1234.56, 88.25, 650.5, 2000.0]),
     "Column monetary: 2 rows differ, the first is C0212",
     "monetary 列: 有 2 行不对, 第一行是 C0212"),
    ("one text wrong", RFM.assign(segment=["maintain", "lost", "keep", "keep"]),
     "Column segment: 1 row differs, the first is C0348",
     "segment 列: 有 1 行不对, 第一行是 C0348"),
    ("numbers as text", RFM.assign(recency=RFM["recency"].astype(str)),
     "Column recency: numbers are wanted, yours are text",
     "recency 列: 这里应该是数字, 你的是文字"),
    ("a value missing", RFM.assign(recency=[17, np.nan, 88, 141]),
     "Column recency: 1 row differs, the first is C0212", "有 1 行不对, 第一行是 C0212"),
]


@pytest.mark.parametrize(("answer", "en", "zh"), [case[1:] for case in WRONG_FRAMES],
                         ids=[case[0] for case in WRONG_FRAMES])
def test_frame_wrong_answer_gets_targeted_feedback(answer, en, zh):
    q = rfm_exercise()
    for lang, words in (("en", en), ("zh", zh)):
        with language(lang):
            result, message = q.judge(answer)
        assert result == INCORRECT
        assert words in message, message
        assert f"{lang} revisit" in message
        shows_none_of(message, SECRETS)


def test_frame_right_answers_in_both_languages():
    q = rfm_exercise()
    right = [
        RFM.copy(),
        RFM.assign(extra_column="ignored"),  # extra columns are allowed
        RFM[["segment", "m_up", "monetary", "recency"]],  # column order does not matter
        RFM.assign(monetary=[1234.5649, 87.2451, 650.5, 2045.75]),  # within 0.005
        RFM.assign(m_up=RFM["m_up"].astype(int)),  # 1/0 for True/False
        RFM.assign(recency=RFM["recency"].astype(float)),
        RFM.rename_axis("id"),  # names are compared only with check_names
    ]
    for lang in ("en", "zh"):
        with language(lang):
            for answer in right:
                result, message = q.judge(answer)
                assert result == CORRECT, message
                assert message == ("Correct! en takeaway" if lang == "en" else "正确! zh takeaway")


def test_frame_sort_ignores_row_order_only_when_asked():
    q = rfm_exercise(sort=True)
    assert q.judge(RFM.iloc[[3, 1, 0, 2]])[0] == CORRECT
    assert q.judge(RFM.iloc[::-1])[0] == CORRECT
    result, message = q.judge(RFM.iloc[[3, 1, 0, 2]].assign(recency=[141, 263, 17, 89]))
    assert result == INCORRECT and "Column recency: 1 row differs, the first is C0348" in message


def test_frame_columns_option_compares_only_those():
    q = made_up(Frame(columns=["recency", "m_up"], tolerance=0.5), RFM)
    assert q.judge(RFM[["recency", "m_up"]])[0] == CORRECT
    assert q.judge(RFM.assign(monetary=0.0))[0] == CORRECT
    assert q.judge(RFM.assign(recency=RFM["recency"] + 0.4))[0] == CORRECT
    result, message = q.judge(RFM[["recency"]])
    assert result == INCORRECT and "missing 1 column(s): m_up." in message
    with language("zh"):
        text = str(q)
    assert text.endswith("答案形式: 一张 pandas 表 (DataFrame) 或一列 (Series), 包含这些列: "
                         "recency, m_up")


def test_frame_check_names_and_index_in_feedback():
    q = made_up(Frame(check_names=True, index="customer_id"), RFM)
    result, message = q.judge(RFM.rename_axis("id"))
    assert result == INCORRECT and '.rename_axis("customer_id")' in message
    assert q.judge(RFM)[0] == CORRECT
    assert str(q).endswith("Answer with: a pandas table (DataFrame) or column (Series), one row "
                           "per customer_id")


SEGMENT_SIZES = pd.Series([412, 236, 118], index=pd.Index(["keep", "develop", "lost"],
                                                           name="segment"), name="customers")


def test_series_expected_gets_series_feedback():
    q = made_up(Frame(), SEGMENT_SIZES)
    table = SEGMENT_SIZES.to_frame()
    for lang, words in (("en", 'only one column (Series) is wanted: take it out with '
                               'table["customers"]'),
                        ("zh", '这里只要一列 (Series): 用 表["customers"] 取出这一列')):
        with language(lang):
            result, message = q.judge(table)
        assert result == INCORRECT and words in message
        shows_none_of(message, [412, 236, 118])
    result, message = q.judge(SEGMENT_SIZES.reset_index(drop=True))
    assert result == INCORRECT and 'labelled by segment: use .set_index("segment")' in message
    result, message = q.judge(SEGMENT_SIZES.sort_index())  # groupby order instead of counts
    assert result == INCORRECT and "in another order" in message
    result, message = q.judge(SEGMENT_SIZES + [0, 1, 0])
    assert message.startswith("Not quite. 1 row differs, the first is develop (important: "
                              "develop).")
    # right: the values and labels, whatever the Series is called
    assert q.judge(SEGMENT_SIZES.rename("count"))[0] == CORRECT
    assert q.judge(SEGMENT_SIZES.astype(float))[0] == CORRECT
    result, message = made_up(Frame(check_names=True), SEGMENT_SIZES).judge(
        SEGMENT_SIZES.rename("count"))
    assert result == INCORRECT and '.rename("customers")' in message


def test_frame_nan_equals_nan_and_flags_with_missing_values():
    expected = pd.Series([1.5, np.nan, 3.25], index=["a", "b", "c"])
    q = made_up(Frame(), expected)
    assert q.judge(expected.copy())[0] == CORRECT
    result, message = q.judge(pd.Series([1.5, 0.0, 3.25], index=["a", "b", "c"]))
    assert result == INCORRECT and "1 row differs, the first is b" in message
    flags = pd.Series([True, None, False], index=["a", "b", "c"], dtype=object)
    q = made_up(Frame(), flags)
    assert q.judge(flags.copy())[0] == CORRECT
    flipped = pd.Series([False, None, True], index=["a", "b", "c"], dtype=object)
    assert "Every flag is flipped" in q.judge(flipped)[1]


def test_frame_numbered_rows_expected_and_nullable_numbers():
    flat = RFM.reset_index()
    q = made_up(Frame(), flat)
    result, message = q.judge(RFM)
    assert result == INCORRECT and "use .reset_index()" in message
    with language("zh"):
        assert "用 .reset_index()" in q.judge(RFM)[1]
    assert q.judge(flat.assign(recency=flat["recency"].astype("Int64")))[0] == CORRECT
    result, message = q.judge(flat.assign(recency=pd.array([17, None, 88, 141], dtype="Int64")))
    assert result == INCORRECT and "Column recency: 1 row differs, the first is 1." in message


def test_frame_wrong_form_says_what_is_wanted():
    q = rfm_exercise()
    for answer, words in ((1234.56, "not one value"), ([17, 263], "Build it with pandas"),
                          (None, "answer = print(...)")):
        result, message = q.judge(answer)
        assert result == INCORRECT and "wrong form" in message and words in message
    with language("zh"):
        assert "形式不对" in q.judge([1, 2])[1]
    assert q.judge(RFM.rename(columns={"segment": "m_up"}))[0] == INCORRECT  # never raises


def test_frame_solution_shows_the_table(capsys):
    # as a student reads it: headers and codes as names ("develop" is a segment code, "keep"
    # and "lost" are not), the Series' name as the header of its values
    q = made_up(Frame(), SEGMENT_SIZES)
    q.solution()
    out = capsys.readouterr().out
    assert out.splitlines()[-6:] == ["Answer: ", "                    customers",
                                     "customer type                ",
                                     "keep                      412",
                                     "important: develop        236",
                                     "lost                      118"]
    with language("zh"):
        q.solution()
    out = capsys.readouterr().out
    assert out.splitlines()[-5:] == ["              客户数", "客户类型            ",
                                     "keep             412", "重要发展客户     236",
                                     "lost             118"]


# -- Choice: a business judgement ------------------------------------------------------------

OPTIONS = {
    "A": {"zh": "重要挽留客户: 打电话挽回", "en": "Important win-back: call them"},
    "B": {"zh": "无价值客户: 送一份大礼", "en": "No-value customers: send a big gift"},
    "C": {"zh": "所有顾客: 一样对待", "en": "Every customer alike"},
}
WHY_NOT = {
    "B": {"zh": "无价值客户不值得花高成本维系, 只发低成本的消息。",
          "en": "No-value customers are not worth a costly contact; low-cost messages only."},
    "C": {"zh": "一样对待就不是按客户价值区分服务了。",
          "en": "Treating everyone alike ignores customer value."},
}


def choice_exercise():
    return made_up(Choice(OPTIONS, WHY_NOT), "A")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_choice_wrong_option_explains_itself(lang):
    q = choice_exercise()
    with language(lang):
        for letter in ("B", "c", " (b) "):
            result, message = q.judge(letter)
            assert result == INCORRECT
            assert WHY_NOT[letter.strip(" ()").upper()][lang] in message
            assert OPTIONS["A"][lang] not in message
        result, message = q.judge("D")
        assert result == INCORRECT and OPTIONS["A"][lang] not in message
        assert message.splitlines()[0] == (
            '"D" is not one of the options: answer with one letter, A, B or C.' if lang == "en"
            else '"D" 不是选项之一: 请回答一个字母 A, B 或 C。')
        result, message = q.judge(1)
        assert result == INCORRECT and ("wrong form" if lang == "en" else "形式不对") in message
        assert q.judge()[0] == NOT_ATTEMPTED


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_choice_right_letter_in_any_spelling(lang):
    q = choice_exercise()
    with language(lang):
        for answer in ("A", "a", "(A)", "A.", " a ", "[A]", "Ａ", "（A）", "'A'"):
            assert q.judge(answer)[0] == CORRECT, answer


def test_choice_question_and_solution_show_the_options(capsys):
    q = choice_exercise()
    for lang in ("en", "zh"):
        with language(lang):
            q.question()
            question = capsys.readouterr().out
            q.solution()
            solution = capsys.readouterr().out
            assert question == repr(q) + "\n"
        for letter, text in OPTIONS.items():
            assert f"  {letter}. {text[lang]}" in question
        assert solution.splitlines()[-1] == ("Answer: " if lang == "en" else "答案: ") + \
            "A. " + OPTIONS["A"][lang]
    assert "Answer with: one letter: A, B or C" in repr(q)


def test_choice_validates_its_options():
    with pytest.raises(ValueError, match="not options"):
        Choice(OPTIONS, {"D": {"zh": "x", "en": "x"}})
    with pytest.raises(ValueError, match="zh and en"):
        Choice({"A": {"en": "only English"}}, {})
    q = made_up(Choice(OPTIONS, {}), "A")
    assert q.judge("B")[1].startswith("Not quite. This is not the best option.")
    with pytest.raises(RuntimeError, match="not valid"):
        made_up(Choice(OPTIONS, WHY_NOT), "E").expected()


# -- Number: a rounding near-miss is named as such -------------------------------------------

ROUNDING_CASES = [  # (expected, decimals, tolerance, rounded answer)
    (1812167.9, 2, 0.005, 1812168),
    (12.34, 2, 0.005, 12.3),
    (604.27, 2, 0.005, 604),
    (632.940833, 6, 0.0000005, 632.94),
]


@pytest.mark.parametrize(("expected", "decimals", "tolerance", "answer"), ROUNDING_CASES)
def test_number_rounding_near_miss(expected, decimals, tolerance, answer):
    q = made_up(Number(tolerance, decimals=decimals), expected)
    for lang, words in (("en", f"That looks like a rounding difference: give {decimals} decimals"),
                        ("zh", f"这看起来是四舍五入造成的差别: 请保留 {decimals} 位小数")):
        with language(lang):
            result, message = q.judge(answer)
        assert result == INCORRECT and words in message
        assert "too high" not in message and "too low" not in message
        shows_none_of(message, [expected, f"{expected:.{decimals}f}"])
    assert q.judge(expected)[0] == CORRECT


def test_number_more_decimals_than_wanted():
    q = made_up(Number(0.0001, decimals=2), 12.34)
    result, message = q.judge(12.3449)
    assert result == INCORRECT and "round the answer to 2 decimals" in message
    assert q.judge(12.34)[0] == CORRECT


def test_number_beyond_rounding_is_too_high_or_too_low():
    q = made_up(Number(0.005), 1812167.9)
    assert "too high" in q.judge(1812168.5)[1]  # 1812168.5 cannot come from rounding
    assert "too low" in q.judge(1812167)[1]  # 1812167.9 rounds to 1812168, not 1812167
    q = made_up(Number(0.005), 0.34)
    assert "too low" in q.judge(0)[1]  # rounding to 0 keeps no digit: a real mistake
    q = made_up(Number(1.0, unit="yuan"), 604.27)
    assert q.judge(604)[0] == CORRECT  # within the tolerance, rounding is fine


# -- the exam lock and the results record ----------------------------------------------------


@pytest.mark.parametrize("setting", ["solutions", "1", "yes", "Solutions"])
def test_locked_solutions_say_so_and_show_nothing(monkeypatch, capsys, setting):
    monkeypatch.setenv("RFMKIT_LOCK", setting)
    q = made_up(Number(0.005, unit="yuan"), 2045.75)
    for lang, words in (("en", "Solutions are locked during this exam"),
                        ("zh", "这次考试期间参考解法已锁定")):
        with language(lang):
            q.solution()
            out = capsys.readouterr().out
            q.hint()
            hint = capsys.readouterr().out
        assert words in out and "2045.75" not in out and "answer =" not in out
        assert f"{lang} hint" in hint  # hints stay open
    q.check(2045.75)
    assert q.last_result == CORRECT


def test_locked_hints_too(monkeypatch, capsys):
    q = made_up(Number(0.005), 2045.75)
    monkeypatch.setenv("RFMKIT_LOCK", "solutions,hints")
    q.hint()
    assert capsys.readouterr().out.startswith("Hints are locked during this exam")
    with language("zh"):
        q.hint()
        assert "提示已锁定" in capsys.readouterr().out
    for off in ("", "0", "off"):
        monkeypatch.setenv("RFMKIT_LOCK", off)
        q.solution()
        assert capsys.readouterr().out.splitlines()[-1] == "Answer: 2045.75"


def test_check_records_results_when_asked(monkeypatch, tmp_path, capsys):
    path = tmp_path / "results.jsonl"
    q = made_up(Number(0.005), 2045.75)
    q.check(1)
    assert not path.exists()
    monkeypatch.setenv("RFMKIT_RESULTS", str(path))
    q.check()
    q.check(1)
    q.check(2045.75)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    # the module is where the exercise's solution is written (here the helper's)
    assert lines == [{"module": made_up.__module__, "exercise": "q9", "result": r}
                     for r in (NOT_ATTEMPTED, INCORRECT, CORRECT)]
    monkeypatch.setenv("RFMKIT_RESULTS", str(tmp_path / "no such folder" / "x.jsonl"))
    q.check(1)  # a path that cannot be written does not stop the student
    assert q.last_result == INCORRECT
