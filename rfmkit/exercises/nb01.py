"""Self-check exercises for notebook 01, the questionnaire (Task 1, 客户信息梳理).

The ladder: q1-q2 the student writes the pandas (R from the stated date; the detractors to call
back), q3 a new analysis (CSAT of the customers who buy twice a quarter or more), q4 the
impossible dates, q5 a judgement on feedback (what to do with a satisfied detractor).
"""

from rfmkit.exercises import Choice, Frame, IdSet, Number, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(asof="2026-06-10 (rk.COURSE_ASOF)"), """
zh.question: 用干净的问卷数据算出每位客户自报的 R (最近一次消费间隔, 天): 答案是一个 Series,
    索引是客户ID, 值是从 last_purchase_date 到课程截止日 rk.COURSE_ASOF (2026-06-10) 的天数,
    这一列命名为 recency_days。
zh.hint: answers = rk.load_questionnaire().set_index("customer_id"); 日期相减
    rk.COURSE_ASOF - answers["last_purchase_date"] 得到时间间隔, 再用 .dt.days 取出天数,
    最后 .rename("recency_days")。
zh.takeaway: R 就是 "截止日 - 最后一次购买日" 的天数; 如果某人的 R 是负数, 说明他填的日期晚于
    截止日, 这个回答不能用。
zh.revisit: 方向是截止日 rk.COURSE_ASOF 减去购买日 (不是反过来), 结果取天数 .dt.days,
    索引是 customer_id。
en.question: From the clean survey answers, compute each customer's stated R (recency, days): a
    Series indexed by customer ID, with the days from last_purchase_date to the course's as-of
    date rk.COURSE_ASOF (2026-06-10), named recency_days.
en.hint: answers = rk.load_questionnaire().set_index("customer_id"); subtracting dates,
    rk.COURSE_ASOF - answers["last_purchase_date"], gives time spans; .dt.days takes the days,
    and .rename("recency_days") names the result.
en.takeaway: R is the number of days "as-of date - last purchase"; a negative R means the stated
    date is after the as-of date, and the answer cannot be used.
en.revisit: Subtract the purchase date from the as-of date rk.COURSE_ASOF (not the other way
    round), take .dt.days, and index by customer_id.
""")
def q1():
    import rfmkit as rk

    answers = rk.load_questionnaire().set_index("customer_id")
    days = (rk.COURSE_ASOF - answers["last_purchase_date"]).dt.days
    return days.rename("recency_days")


@exercise(Frame(), """
zh.question: 小慧要给贬损者 (推荐意愿 recommend 打 0-6 分的客户) 打回访电话。从干净的问卷数据里
    筛选出这些回答, 答案是一张表 (DataFrame), 保留所有列。
zh.hint: answers = rk.load_questionnaire(); 条件是 answers["recommend"] <= 6, 放进方括号里筛选。
zh.takeaway: 一行筛选就得到了回访名单: 先问清楚他们为什么不愿推荐, 再想办法改进。
zh.revisit: 贬损者是 0-6 分 (包括 6 分), 7-8 分是中立者; 用的是 recommend 列, 不是满意度。
en.question: Xiaohui will call the detractors back (customers who gave recommend 0-6). Filter
    those answers from the clean survey data: your answer is a table (DataFrame) with all columns.
en.hint: answers = rk.load_questionnaire(); the condition is answers["recommend"] <= 6; put it in
    square brackets to filter.
en.takeaway: One filter gives the call-back list: first ask why they would not recommend the shop,
    then improve.
en.revisit: Detractors answer 0-6 (6 included), passives 7-8; use the recommend column, not
    satisfaction.
""")
def q2():
    import rfmkit as rk

    answers = rk.load_questionnaire()
    return answers[answers["recommend"] <= 6]


@exercise(Number(0.1, decimals=1, percent=True), """
zh.question: 每季度购买 2 次或以上的客户, 客户满意度 CSAT 是多少 (百分数, 保留一位小数)? CSAT =
    满意度打 4 或 5 分的回答所占的百分比。
zh.hint: 先筛选 answers["purchases_per_quarter"] >= 2 的行, 取出 satisfaction 列, 去掉空白
    (.dropna()); (s >= 4).mean() 是比例, 乘以 100 再 round(..., 1)。也可以用 rk.csat(s)。
zh.takeaway: 常来的客户 CSAT 是 76.0%, 反而略低于全体的 78.6%: 买得多不等于满意。所以 CSAT
    要按客户群分开看, 一个总数会掩盖这种差别。
zh.revisit: 只看每季度购买 2 次或以上 (>= 2) 的客户; 满意是 4 分和 5 分; 结果是百分数, 不是比例。
en.question: What is the CSAT of customers who buy 2 or more times a quarter (a percentage, one
    decimal)? CSAT = the share of satisfaction answers that are 4 or 5, in %.
en.hint: Keep the rows with answers["purchases_per_quarter"] >= 2, take the satisfaction column,
    drop blanks (.dropna()); (s >= 4).mean() is the share; times 100, then round(..., 1).
    rk.csat(s) does the same.
en.takeaway: Frequent customers score 76.0 %, slightly *less* than the whole survey's 78.6 %:
    buying often is not the same as being satisfied, which is why CSAT is split by group.
en.revisit: Only customers with 2 or more purchases a quarter (>= 2); satisfied is 4 or 5; the
    answer is a percentage, not a share.
""")
def q3():
    import rfmkit as rk

    answers = rk.load_questionnaire()
    frequent = answers[answers["purchases_per_quarter"] >= 2]
    s = frequent["satisfaction"].dropna()
    return round((s >= 4).mean() * 100, 1)


@exercise(IdSet(), """
zh.question: 干净的问卷数据 (load_questionnaire()) 里, 哪些客户回答的最近一次购买日期晚于课程日期
    COURSE_ASOF (这不可能)? 给出他们的客户ID列表。
zh.hint: 就是上面手算的 R 为负数的那几位。筛选
    answers[answers["last_purchase_date"] > rk.COURSE_ASOF], 再取出 customer_id 列,
    用 list(...) 变成列表。
zh.takeaway: 日期格式没问题, 内容却不可能: 读取时不会被拒收, rfm_from_questionnaire
    会把它们单独列出来, 不会算出负数的 R。
zh.revisit: 比较的是 last_purchase_date 和 COURSE_ASOF, 只要"晚于" (>), 不包括当天; 用的是干净数据
    load_questionnaire()。
en.question: In the clean survey answers (load_questionnaire()), which customers gave a
    last-purchase date after the course date COURSE_ASOF (which is impossible)? Give a list of
    their customer IDs.
en.hint: They are the customers whose R came out negative above; filter
    answers[answers["last_purchase_date"] > rk.COURSE_ASOF], take its customer_id column and
    turn it into a list with list(...).
en.takeaway: The date is well formed but impossible: reading does not reject it, so
    rfm_from_questionnaire lists these answers instead of computing a negative R.
en.revisit: Compare last_purchase_date with COURSE_ASOF, strictly after (>), not the same day; use
    the clean data load_questionnaire().
""")
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
    }), """
zh.question: 一位客户满意度打了 5 分, 推荐意愿却只打了 3 分 (贬损者)。小慧下一步最应该做什么?
zh.hint: 满意度和推荐意愿问的是两件事。影响忠诚的因素有产品质量、客户体验、客户关系、品牌价值、
    价格和竞争: 怎样才能知道是哪一个?
zh.takeaway: 问卷只告诉你 "是什么", 回访才能问出 "为什么": 电话访谈也是收集客户反馈的一种方式。
zh.revisit: 想一想: 哪个选项能让小慧弄清楚这位客户为什么不愿推荐?
en.question: A customer gave satisfaction 5 but recommend only 3 (a detractor). What should Xiaohui
    do next?
en.hint: Satisfaction and recommending ask different things. Loyalty depends on product quality,
    experience, the relationship, brand value, price and competition: how would you find out which?
en.takeaway: A survey tells you what, a revisit call tells you why: a phone interview is one more
    way to collect customer feedback.
en.revisit: Which option lets Xiaohui find out why this customer would not recommend the shop?
""")
def q5():
    return "A"
