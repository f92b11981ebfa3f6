"""Feedback that must not mislead (issue 11, the reviewer's findings): each exercise answered
first wrongly, the way a student does, then rightly; the feedback names what the answer holds and
the fix that works, in both languages, and the shown answer uses names, not codes."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest
from exercise_support import made_up
from language_support import language

import rfmkit as rk
from rfmkit.data import COURSE_ASOF, load_questionnaire
from rfmkit.exercises import (
    CORRECT,
    INCORRECT,
    Frame,
    nb00,
    nb01,
    nb02,
    nb03,
    nb04,
    nb05,
    nb07,
    nb08,
    nb09,
)


def messages(q, answer):
    """{language: message} for one answer; the answer must be judged wrong in both."""
    out = {}
    for lang in ("en", "zh"):
        with language(lang):
            result, out[lang] = q.judge(answer)
        assert result == INCORRECT, out[lang]
    return out


def shown_solution(q, lang, capsys):
    with language(lang):
        q.solution()
    return capsys.readouterr().out.split("\n\n")[-1]  # after the code: the answer


# -- nb01 q1: R from the stated last purchase ----------------------------------------------------

def survey_r_by_hand():
    """Each customer's stated R, with Python dates: the days from the stated date to 2026-06-10."""
    answers = load_questionnaire().set_index("customer_id")
    asof = datetime.date(2026, 6, 10)
    return answers, pd.Series([(asof - d.date()).days for d in answers["last_purchase_date"]],
                              index=answers.index)


def test_nb01_q1_result_is_named_for_what_it_holds():
    expected = nb01.q1.expected()
    assert expected.name == "recency_days"  # days, not a last_purchase_date
    for lang in ("en", "zh"):
        assert "recency_days" in nb01.q1.text[lang]["question"]
    assert "recency_days" in nb01.q1.code


def test_nb01_q1_whole_table_is_pointed_at_the_column_that_holds_r():
    answers, r = survey_r_by_hand()
    table = answers.assign(R=r)  # the student's R as a new column of the survey table
    said = messages(nb01.q1, table)
    assert 'table["R"]' in said["en"] and '表["R"]' in said["zh"]
    for text in said.values():
        assert "last_purchase_date" not in text.splitlines()[0]
    assert nb01.q1.judge(table["R"])[0] == CORRECT


def test_nb01_q1_table_without_r_is_not_pointed_at_a_date_column():
    answers, _ = survey_r_by_hand()
    said = messages(nb01.q1, answers)  # the survey table itself: no column holds R
    assert "pick the column that holds your result" in said["en"]
    assert "取出放着结果的那一列" in said["zh"]
    for text in said.values():
        assert '["last_purchase_date"]' not in text


def test_nb01_q1_dates_are_called_dates_not_text():
    answers, _ = survey_r_by_hand()
    said = messages(nb01.q1, answers["last_purchase_date"])
    assert "dates" in said["en"] and "text" not in said["en"].splitlines()[0]
    assert "日期" in said["zh"] and "文字" not in said["zh"].splitlines()[0]


# -- nb05 q4: the share lost per number of purchases --------------------------------------------

def lost_share_by_hand():
    """(frequency clipped at 5, stage) per customer, and % lost per group, from rfm_table's R
    and F with the thresholds 90/180 written out (as the lesson's table says)."""
    table = rk.rfm_table(rk.load_orders(), COURSE_ASOF)
    bought = table["frequency"].clip(upper=5)
    stage = pd.Series(["lost" if d > 180 else "sleeping" if d > 90 else "active"
                       for d in table["recency_days"]], index=table.index, name="stage")
    return bought, stage


def test_nb05_q4_result_is_named_for_what_it_holds(capsys):
    expected = nb05.q4.expected()
    assert expected.name == "lost_share"  # the % lost, not a stage
    with language("zh"):
        text = shown_solution(nb05.q4, "zh", capsys)
    assert "流失占比 (%)" in text and "生命周期阶段" not in text


def test_nb05_q4_table_answer_is_not_pointed_at_the_stage_codes():
    bought, stage = lost_share_by_hand()
    lost = stage == "lost"
    # a table per group with the stage column holding the number lost, not the share
    table = pd.DataFrame({"stage": lost.groupby(bought).sum(), "customers": bought.value_counts()})
    said = messages(nb05.q4, table)
    assert 'table["stage"]' not in said["en"] and '表["stage"]' not in said["zh"]
    assert "pick the column that holds your result" in said["en"]
    # the same table with the share in a column of its own: pointed at that column
    share = table.assign(lost_pct=table["stage"] / table["customers"] * 100)
    said = messages(nb05.q4, share)
    assert 'table["lost_pct"]' in said["en"] and '表["lost_pct"]' in said["zh"]
    assert nb05.q4.judge(share["lost_pct"])[0] == CORRECT


# -- nb08 q3 and Frame: rows in another order --------------------------------------------------

def test_nb08_q3_counts_in_count_order_are_told_to_sort_by_the_labels():
    expected = nb08.q3.expected()
    by_count = expected.sort_values(ascending=False)  # what .value_counts() alone gives
    said = messages(nb08.q3, by_count)
    assert ".sort_index()" in said["en"] and ".sort_index()" in said["zh"]
    assert "sort the other way" not in said["en"] and "换一个排序方向" not in said["zh"]
    assert nb08.q3.judge(by_count.sort_index())[0] == CORRECT


INDEX_SORTED = pd.Series([5, 9, 7, 3], index=pd.Index(list("abcd"), name="code"))


@pytest.mark.parametrize(("answer", "en", "zh"), [
    # sorted by the labels the other way: sort the other way
    (INDEX_SORTED.sort_index(ascending=False), "sort the other way", "换一个排序方向"),
    # sorted by the values: the expected goes by its labels
    (INDEX_SORTED.sort_values(), ".sort_index()", ".sort_index()"),
    (INDEX_SORTED.iloc[[1, 0, 2, 3]], ".sort_index()", ".sort_index()"),
])
def test_frame_order_feedback_when_the_expected_goes_by_its_labels(answer, en, zh):
    said = messages(made_up(Frame(), INDEX_SORTED), answer)
    assert en in said["en"] and zh in said["zh"]


def test_frame_order_feedback_when_the_expected_is_in_another_order():
    by_count = pd.Series([9, 7, 5], index=pd.Index(["b", "c", "a"], name="code"))
    said = messages(made_up(Frame(), by_count), by_count.iloc[::-1])
    assert "sort the other way" in said["en"] and "换一个排序方向" in said["zh"]
    said = messages(made_up(Frame(), by_count), by_count.sort_index())
    assert "in another order" in said["en"] and "顺序不对" in said["zh"]
    assert "sort_index" not in said["en"] + said["zh"]


# -- nb09 q1: R on the tea shop, from its own as-of day ----------------------------------------

def tea_shop_r_by_hand(asof: datetime.date):
    orders = rk.read_orders(rk.shop2_orders_path()).data
    last = {}
    for customer, when in zip(orders["customer_id"], orders["order_date"], strict=True):
        last[customer] = max(last.get(customer, when.date()), when.date())
    by_hand = pd.Series({c: (asof - d).days for c, d in last.items()})
    return by_hand.sort_index().rename_axis("customer_id")  # as groupby gives them


def test_nb09_q1_states_the_as_of_day():
    # the tea shop's last order is on 2026-06-09: its as-of day, a day before COURSE_ASOF
    assert nb09.q1.judge(tea_shop_r_by_hand(datetime.date(2026, 6, 9)))[0] == CORRECT
    for lang in ("en", "zh"):
        assert "2026-06-09" in nb09.q1.text[lang]["question"]
    with language("zh"):
        assert "2026-06-09" in repr(nb09.q1)


@pytest.mark.parametrize("day", [datetime.date(2026, 6, 10), datetime.date(2026, 6, 8)])
def test_nb09_q1_another_as_of_day_is_named(day):
    said = messages(nb09.q1, tea_shop_r_by_hand(day))
    if day > datetime.date(2026, 6, 9):
        assert "off by 1 day" in said["en"] and "2026-06-09" in said["en"]
        assert "差了 1 天" in said["zh"] and "2026-06-09" in said["zh"]
    else:  # a day short: another as-of day, or a time of day left on every last date
        assert "1 day short" in said["en"] and "2026-06-09" in said["en"]
        assert ".dt.normalize()" in said["en"]
        assert "少了 1 天" in said["zh"] and ".dt.normalize()" in said["zh"]


# -- shown answers: names, not codes ------------------------------------------------------------

def test_shown_frames_use_names_in_chinese(capsys):
    zh = shown_solution(nb09.q2, "zh", capsys)
    assert "重要挽留客户" in zh and "win_back" not in zh
    zh = shown_solution(nb09.q3, "zh", capsys)
    assert "金质客户" in zh and "gold" not in zh
    zh = shown_solution(nb05.q3, "zh", capsys)
    assert "活跃" in zh and "active" not in zh
    en = shown_solution(nb09.q2, "en", capsys)
    assert "important: win back" in en and "win_back" not in en
    # the comparison still uses the codes
    assert nb09.q2.judge(nb09.q2.solve())[0] == CORRECT


def test_row_named_in_feedback_by_its_name():
    counts = pd.Series([40, 25, 12], index=pd.Index(["win_back", "maintain", "no_value"],
                                                    name="segment"))
    said = messages(made_up(Frame(), counts), counts + [0, 1, 0])
    # the code the student's own table shows, and the name rfmkit's tables show
    assert "the first is maintain (important: maintain)" in said["en"]
    assert "maintain (重要维护客户)" in said["zh"]


# -- more realistic wrong answers, from doing every exercise (issue 11) -------------------------

def test_count_given_the_distinct_values_is_told_to_count_them():
    ids = rk.load_orders()["customer_id"].unique()  # a pandas array of the distinct ids
    said = {}
    for lang in ("en", "zh"):
        with language(lang):
            result, said[lang] = nb00.q1.judge(ids)
        assert result == INCORRECT
    assert "collection" in said["en"] and "len(...)" in said["en"]
    assert "一组值" in said["zh"] and "len(...)" in said["zh"]


def test_a_condition_given_for_the_filtered_rows_is_told_to_filter_with_it():
    orders = rk.load_orders()
    said = messages(nb00.q2, orders["amount"] < 0)
    assert "True/False" in said["en"] and "table[condition]" in said["en"]
    assert "True/False" in said["zh"] and "表[条件]" in said["zh"]
    for text in said.values():
        assert ".to_frame()" not in text


def test_one_column_of_the_filtered_rows_is_told_to_keep_every_column():
    orders = rk.load_orders()
    said = messages(nb00.q2, orders.loc[orders["amount"] < 0, "amount"])
    assert "only the column amount" in said["en"] and "只取出了 amount 这一列" in said["zh"]
    for text in said.values():
        assert ".to_frame()" not in text


def test_arrows_given_for_flags_are_told_to_keep_true_false():
    table = rk.rfm_table(rk.load_orders(), COURSE_ASOF)
    m = table["monetary"]
    said = messages(nb02.q1, (m >= m.mean()).map({True: "↑", False: "↓"}))
    assert "True/False" in said["en"] and "True/False" in said["zh"]
    assert "rows differ" not in said["en"] and "行不对" not in said["zh"]


def test_order_does_not_matter_when_the_index_is_categorical():
    table = rk.rfm_table(rk.load_orders(), COURSE_ASOF)
    stage = pd.cut(table["recency_days"], bins=[-1, 60, 150, float("inf")],
                   labels=["active", "sleeping", "lost"])
    assert nb05.q3.judge(stage.astype(str).value_counts())[0] == CORRECT
    assert nb05.q3.judge(stage.value_counts().sort_index(ascending=False))[0] == CORRECT
    # labels given in the wrong order: the counts are wrong, the order of rows is not
    wrong = pd.cut(table["recency_days"], bins=[-1, 60, 150, float("inf")],
                   labels=["lost", "sleeping", "active"]).value_counts()
    said = messages(nb05.q3, wrong)
    assert "another order" not in said["en"] and "顺序不对" not in said["zh"]


def test_a_crosstab_the_other_way_round_is_told_rows_and_columns_are_swapped():
    answer = nb04.q3.expected().T  # pd.crosstab(by_clv["tier"], by_spend["tier"])
    said = messages(nb04.q3, answer)
    assert "rows and columns are swapped" in said["en"] and "行和列反了" in said["zh"]


# what each column answer holds, typed from the questions: its name must say so, since the shown
# answer uses the name as its header and feedback may point at a column by the name
HOLDS = [(nb01.q1, "recency_days"), (nb02.q1, "M_up"), (nb02.q3, "revenue"),
         (nb03.q1, "revenue"), (nb03.q2, "cumulative_share"), (nb04.q2, "clv"),
         (nb05.q4, "lost_share"), (nb07.q1, "purchases"), (nb07.q3, "customers"),
         (nb08.q1, "visits_before"), (nb08.q3, "members"), (nb08.q5, "sales_growth_pct"),
         (nb09.q1, "recency_days"), (nb09.q3, "revenue_share")]


@pytest.mark.parametrize(("q", "name"), HOLDS, ids=[f"{q.module[-4:]}.{q.name}" for q, _ in HOLDS])
def test_every_column_answer_is_named_for_what_it_holds(q, name):
    assert q.expected().name == name
    assert f'.rename("{name}")' in q.code


@pytest.mark.parametrize(("q", "header", "not_header"), [
    (nb09.q1, "最近一次消费间隔 R (天)", "下单日期"), (nb07.q1, "购买次数", "订单号"),
    (nb07.q3, "客户数", "客户ID"), (nb02.q1, "M↑", "消费金额"),
    (nb09.q3, "销售额占比 (%)", "消费金额"),
])
def test_shown_header_says_what_the_values_are(q, header, not_header, capsys):
    text = shown_solution(q, "zh", capsys)
    assert header in text and not_header not in text


def test_shown_crosstab_names_its_code_columns(capsys):
    header = shown_solution(nb04.q3, "zh", capsys).splitlines()[1]
    assert "金质客户" in header and "bronze" not in header
    header = shown_solution(nb04.q3, "en", capsys).splitlines()[1]
    assert "gold" in header


def test_nb09_q1_days_counted_with_the_time_of_day_are_told_to_normalise():
    orders = rk.read_orders(rk.shop2_orders_path()).data
    last = orders.groupby("customer_id")["order_date"].max()  # with the time of day
    answer = (orders["order_date"].max() - last).dt.days
    said = messages(nb09.q1, answer)
    assert "time of day" in said["en"].splitlines()[0]
    assert "时刻" in said["zh"].splitlines()[0]
    assert ".dt.normalize()" in said["en"].splitlines()[0]


# -- a second reviewer's findings (issue 11) -----------------------------------------------------

def test_text_row_labels_where_numbers_are_wanted_say_so():
    wanted = pd.Series([68.1, 64.5, 54.8], index=pd.Index([1, 2, 3], name="frequency"))
    said = messages(made_up(Frame(), wanted), wanted.set_axis(["1", "2", "3"]))
    assert "yours are text, numbers are wanted" in said["en"]
    assert "你的标签是文字" in said["zh"]


def test_text_labels_with_a_pooled_row_where_numbers_are_wanted_say_so():
    """nb05 q4 answered with the notebook's own cross-table, rows "1" ... "5+"."""
    wanted = pd.Series([68.1, 64.5, 28.3], index=pd.Index([1, 2, 5], name="frequency"))
    said = messages(made_up(Frame(), wanted), wanted.set_axis(["1", "2", "5+"]))
    assert "yours are text, numbers are wanted" in said["en"]
    assert "should not be there" not in said["en"]


def test_reversed_values_without_dates_get_no_date_example():
    wanted = pd.Series([10.0, 30.0, 60.0, 100.0], index=pd.Index(list("abcd"), name="tier"))
    said = messages(made_up(Frame(), wanted), wanted[::-1].set_axis(wanted.index))
    assert "opposite way" in said["en"] and "as-of" not in said["en"]


def test_crosstab_columns_are_named_like_the_rows():
    wanted = pd.DataFrame({"bronze": [1, 0], "gold": [0, 1]},
                          index=pd.Index(["bronze", "gold"], name="tier"))
    wanted.columns.name = "tier"
    wrong = wanted.copy()
    wrong.loc["bronze", "bronze"] = 2
    said = messages(made_up(Frame(), wanted), wrong)
    assert "bronze (铜质客户) 列" in said["zh"] and "第一行是 bronze (铜质客户)" in said["zh"]


def test_takeaways_agree_with_the_data():
    """The numbers nb01 q3 and nb05 q4 state after a right answer, counted here."""
    import rfmkit as rk

    answers = rk.load_questionnaire()
    everyone = answers["satisfaction"].dropna()
    frequent = answers.loc[answers["purchases_per_quarter"] >= 2, "satisfaction"].dropna()
    csat = [round(100 * (s >= 4).sum() / len(s), 1) for s in (frequent, everyone)]
    assert csat == [76.0, 78.6]
    assert all(f"{v:.1f}" in nb01.q3.text["en"]["takeaway"] for v in csat)
    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    lost = table["recency_days"] > 180  # the lesson's default: lost after 180 days
    shares = (100 * lost.groupby(table["frequency"].clip(upper=5)).mean()).round(1)
    assert shares.tolist() == [68.1, 64.5, 54.8, 51.2, 28.3]  # 68 → 65 → 55 ... 28, rounded
    assert "68 → 65 → 55" in nb05.q4.text["en"]["takeaway"]
    assert "28" in nb05.q4.text["en"]["takeaway"]
