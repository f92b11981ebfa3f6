"""Self-check exercises for notebook 01, the questionnaire (Task 1, 客户信息梳理).

The ladder: q1-q2 the student writes the pandas (R from the stated date; the detractors to call
back), q3 a new analysis (CSAT of the customers who buy twice a quarter or more), q4 the
impossible dates, q5 a judgement on feedback (what to do with a satisfied detractor).
"""

from rfmkit.exercises import Frame, IdSet, Number, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(asof="2026-06-10 (rk.COURSE_ASOF)"))
def q1():
    import rfmkit as rk

    answers = rk.load_questionnaire().set_index("customer_id")
    days = (rk.COURSE_ASOF - answers["last_purchase_date"]).dt.days
    return days.rename("recency_days")


@exercise(Frame())
def q2():
    import rfmkit as rk

    answers = rk.load_questionnaire()
    return answers[answers["recommend"] <= 6]


@exercise(Number(0.1, decimals=1, percent=True))
def q3():
    import rfmkit as rk

    answers = rk.load_questionnaire()
    frequent = answers[answers["purchases_per_quarter"] >= 2]
    s = frequent["satisfaction"].dropna()
    return round((s >= 4).mean() * 100, 1)


@exercise(IdSet())
def q4():
    import rfmkit as rk

    answers = rk.load_questionnaire()
    late = answers[answers["last_purchase_date"] > rk.COURSE_ASOF]
    return list(late["customer_id"])


q5, = choices(__name__, "q5")
