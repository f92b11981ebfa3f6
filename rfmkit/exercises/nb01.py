"""Self-check exercises for notebook 01, the questionnaire (Task 1, 客户信息梳理).

The ladder: q1-q2 the student writes the pandas (R from the stated date; the detractors to call
back), q3 a new analysis (CSAT of the customers who buy twice a quarter or more), q4 the
impossible dates, q5 a judgement on feedback (what to do with a satisfied detractor).
"""

from rfmkit.exercises import Choice, Frame, IdSet, Number, ____, exercise

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


@exercise(Choice(
    options={
        "A": {"zh": "打电话回访, 问清楚为什么不愿意推荐, 记录下来并改进",
              "en": "Call back, ask why they would not recommend the shop, note it and improve"},
        "B": {"zh": "不用管: 满意度 5 分已经很好了",
              "en": "Do nothing: a satisfaction of 5 is good enough"},
        "C": {"zh": "给所有客户群发一张优惠券",
              "en": "Send every customer a coupon by group message"},
        "D": {"zh": "两个回答互相矛盾, 把这份问卷删掉",
              "en": "The two answers contradict each other: delete this response"},
    },
    feedback={
        "B": {"zh": "满意不等于忠诚: 他不愿推荐, 说明还有价格、竞争或品牌等其他因素在起作用, "
                    "这正是要问清楚的。",
              "en": "Satisfied is not loyal: not recommending the shop means other factors "
                    "(price, competitors, brand) are at work, which is what to find out."},
        "C": {"zh": "群发优惠券不能告诉你问题出在哪里, 还把成本花在了没有问题的客户身上。",
              "en": "A coupon for everyone tells you nothing about what went wrong, and spends "
                    "money on customers who have no problem."},
        "D": {"zh": "两个问题问的是不同的事 (满意度和推荐意愿), 并不矛盾; "
                    "删掉就丢掉了最有用的反馈。",
              "en": "The two questions ask different things (satisfaction and recommending), so "
                    "they do not contradict; deleting loses the most useful feedback."},
    }))
def q5():
    return "A"
