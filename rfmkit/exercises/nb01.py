"""Self-check exercises for notebook 01, the questionnaire (Task 1, 客户信息梳理)."""

from rfmkit.exercises import Count, IdSet, Number, Text, ____, exercise
from rfmkit.labels import LABELS

__all__ = ["q1", "q2", "q3", "q4", "q5", "____", "RECENCY_CUSTOMER"]

RECENCY_CUSTOMER = "C02750"
"""The customer whose recency q3 asks about (the survey's first respondent)."""


def _column_names(header: str) -> list[str]:
    """Other accepted names of a survey column: its canonical name and both labels."""
    from rfmkit.data import questionnaire_path
    from rfmkit.io import read_questionnaire

    names = []
    for canonical, used in read_questionnaire(questionnaire_path()).source_columns.items():
        if used == header:
            names += [canonical, *LABELS.get(canonical, ())]
    return names


@exercise(Count(), """
zh.question: 用 read_questionnaire 读取原始问卷文件 (questionnaire_path()) 时, 有多少行被拒收
    (rejected)?
zh.hint: 笔记本里的 survey 有 .data (干净的行) 和 .rejected (被拒收的行, 一行一条); 数一数
    survey.rejected 有多少行: len(survey.rejected)。
zh.takeaway: 每一行被拒收都有行号和原因, 可以回到原始文件里逐条核对, 数据没有被悄悄丢掉。
zh.revisit: 回到"读取原始问卷"那一步: 读的是原始文件 questionnaire_path(), 数的是 .rejected 的行数,
    不是 .data 的行数。
en.question: When you read the raw survey file (questionnaire_path()) with read_questionnaire, how
    many rows are rejected?
en.hint: The notebook's survey has .data (the clean rows) and .rejected (one line per rejected
    row); count the lines of survey.rejected: len(survey.rejected).
en.takeaway: Every rejected row keeps its line number and reason, so you can check it against the
    raw file: nothing is dropped silently.
en.revisit: Go back to the step that reads the raw survey: read the raw file questionnaire_path()
    and count the rows of .rejected, not of .data.
""")
def q1():
    from rfmkit.data import questionnaire_path
    from rfmkit.io import read_questionnaire

    result = read_questionnaire(questionnaire_path())
    return len(result.rejected)


@exercise(Number(0.1, decimals=1, percent=True), """
zh.question: 用干净的问卷数据 (load_questionnaire()) 的推荐意愿 (recommend, 0-10 分), 算出净推荐值
    NPS, 保留一位小数。
zh.hint: NPS = 推荐者 (9-10 分) 的百分比 - 贬损者 (0-6 分) 的百分比, 没回答的不算。笔记本里的
    rk.nps(answers["recommend"]) 可以直接计算, 再用 round(..., 1)。
zh.takeaway: NPS 只看两端: 推荐者减去贬损者, 7-8 分的"被动者"不加也不减。
zh.revisit: 检查用的是 recommend 这一列 (不是 satisfaction), 结果是百分数 (-100 到 100), 并且 7-8
    分不算推荐者。
en.question: From the clean survey answers (load_questionnaire()), use the "would recommend" scores
    (recommend, 0-10) to compute the NPS, rounded to one decimal.
en.hint: NPS = % promoters (9-10) - % detractors (0-6); skipped answers do not count. As in the
    notebook, rk.nps(answers["recommend"]) computes it; then round(..., 1).
en.takeaway: NPS looks only at the two ends: promoters minus detractors; the passives (7-8) neither
    add nor subtract.
en.revisit: Check that you used the recommend column (not satisfaction), that the result is a
    percentage (-100 to 100), and that 7-8 are not promoters.
""")
def q2():
    from rfmkit.data import load_questionnaire
    from rfmkit.metrics import nps

    responses = load_questionnaire()
    return round(nps(responses["recommend"]), 1)


@exercise(Count(), f"""
zh.question: 根据问卷回答, 截至课程日期 COURSE_ASOF, 顾客 {RECENCY_CUSTOMER} 的最近一次消费间隔 R
    是多少天?
zh.hint: 笔记本里的 survey_rfm (由 rfm_from_questionnaire 算出, 以顾客ID为索引) 就是 R、F、M
    表。表头显示为"最近一次消费间隔", 但列名是 recency_days: survey_rfm.loc[顾客ID, "recency_days"]
    取出这个顾客的 R。
zh.takeaway: R 是"间隔": 从最近一次购买到截止日期的天数, 数字越大表示越久没买。
zh.revisit: R 是从顾客回答的最近一次购买日期数到 COURSE_ASOF 的天数; 检查截止日期和顾客ID是否正确。
en.question: From the survey answers, what is the recency R (in days) of customer
    {RECENCY_CUSTOMER} as of the course date COURSE_ASOF?
en.hint: The notebook's survey_rfm (made by rfm_from_questionnaire, indexed by customer ID) is the
    R, F, M table. Its header reads "recency R (days)", but the column's name is recency_days:
    survey_rfm.loc[customer_id, "recency_days"] picks this customer's R.
en.takeaway: R is an interval: days from the last purchase to the as-of date, so a bigger R means
    longer since they last bought.
en.revisit: R counts the days from the last-purchase date the customer gave up to COURSE_ASOF;
    check the as-of date and the customer ID.
""")
def q3():
    from rfmkit import rfm_from_questionnaire
    from rfmkit.data import COURSE_ASOF, load_questionnaire

    table = rfm_from_questionnaire(load_questionnaire(), COURSE_ASOF, after_asof="reject")
    return table.loc[RECENCY_CUSTOMER, "recency_days"]


@exercise(Text(aliases=_column_names, example="满意度"), """
zh.question: 原始问卷中被拒收的行, 哪一列造成的最多? 写出 .rejected 里显示的列名。
zh.hint: survey.rejected["column"] 是每一行出问题的列; .value_counts() 数出每列出现的次数,
    .idxmax() 取出次数最多的那一列。
zh.takeaway: 被拒收最多的那一列, 说明问卷的这道题最容易被填错:
    下次设计问卷时可以给出格式示例或改成选择题。
zh.revisit: 数的是 .rejected 里 column 这一列每个值出现的次数, 取次数最多的那个。
en.question: Among the rejected rows of the raw survey, which column caused the most rejections?
    Give the column name shown in .rejected.
en.hint: survey.rejected["column"] holds the column of each problem; .value_counts() counts each
    column and .idxmax() picks the most frequent.
en.takeaway: The column with the most rejections is the question people answer wrongly most often:
    next time, show an example format or make it a multiple-choice question.
en.revisit: Count how often each value of the column column of .rejected appears, and take the most
    frequent one.
""")
def q4():
    from rfmkit.data import questionnaire_path
    from rfmkit.io import read_questionnaire

    result = read_questionnaire(questionnaire_path())
    return result.rejected["column"].value_counts().idxmax()


@exercise(IdSet(), """
zh.question: 干净的问卷数据 (load_questionnaire()) 里, 哪些顾客回答的最近一次购买日期晚于课程日期
    COURSE_ASOF (这不可能)? 给出他们的顾客ID列表。
zh.hint: 笔记本已经把他们列出来了: survey_rfm.attrs["rejected"]; 取出 customer_id 这一列, 用
    list(...) 变成列表。(也可以自己筛选: answers[answers["last_purchase_date"] > rk.COURSE_ASOF]。)
zh.takeaway: 日期格式没问题, 内容却不可能: 读取时不会被拒收, rfm_from_questionnaire
    会把它们单独列出来, 不会算出负数的 R。
zh.revisit: 比较的是 last_purchase_date 和 COURSE_ASOF, 只要"晚于" (>), 不包括当天; 用的是干净数据
    load_questionnaire()。
en.question: In the clean survey answers (load_questionnaire()), which customers gave a
    last-purchase date after the course date COURSE_ASOF (which is impossible)? Give a list of
    their customer IDs.
en.hint: The notebook already listed them: survey_rfm.attrs["rejected"]; take its customer_id
    column and turn it into a list with list(...). (Or filter answers[answers["last_purchase_date"]
    > rk.COURSE_ASOF] yourself.)
en.takeaway: The date is well formed but impossible: reading does not reject it, so
    rfm_from_questionnaire lists these answers instead of computing a negative R.
en.revisit: Compare last_purchase_date with COURSE_ASOF, strictly after (>), not the same day; use
    the clean data load_questionnaire().
""")
def q5():
    from rfmkit.data import COURSE_ASOF, load_questionnaire

    responses = load_questionnaire()
    late = responses[responses["last_purchase_date"] > COURSE_ASOF]
    return list(late["customer_id"])
