"""Self-check exercises for notebook 09, the capstone (综合实训).

The exercises use the bundled second shop (``rfmkit.shop2_orders_path()``), so that they can be
checked whatever data a student analyses above them. q1-q3 ask the student to write the pandas
(Frame), q4 and q5 are judgements (Choice). The checks that run on any data are in
``rfmkit.capstone``.
"""

from rfmkit.exercises import Choice, Frame, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(index="customer_id", asof="2026-06-09"), """
zh.question: 在课程附带的第二家店 (茶叶小店) 上, 自己用 pandas 算出每位客户的 R (最近一次消费间隔,
    天): 分析日减去该客户最后一次下单的日期。分析日取茶叶小店最后一笔订单的那一天, 即 2026-06-09
    (orders["order_date"].max().normalize(); 不是前几课主店的 rk.COURSE_ASOF 2026-06-10)。
    答案是以客户ID为索引的 Series。
zh.hint: orders = read_orders(shop2_orders_path()).data;
    asof = orders["order_date"].max().normalize() (就是 2026-06-09);
    先 groupby("customer_id")["order_date"].max() 找到最后一次下单,
    用 .dt.normalize() 去掉时刻, 再 (asof - last).dt.days。
zh.takeaway: R 就是 "分析日 − 最后一次购买日" 的天数; rfm_table 的 recency_days 列做的正是这件事。
    换一家店, 分析日也跟着换成那家店最后一笔订单的日期。
zh.revisit: 分析日是 2026-06-09 (茶叶小店最后一笔订单那天); 用每位客户最后一次 (max) 的下单日期,
    不是第一次; 先去掉时刻 (.dt.normalize()), 再求天数 (.dt.days); 是分析日减最后日期,
    不是反过来。
en.question: On the bundled second shop (the tea shop), compute each customer's R (recency, days)
    yourself in pandas: the as-of day minus the day of the customer's last order. The as-of day is
    the day of the tea shop's last order, 2026-06-09 (orders["order_date"].max().normalize(); not
    rk.COURSE_ASOF, 2026-06-10, the main shop's day in the earlier lessons). The answer is a
    Series indexed by customer ID.
en.hint: orders = read_orders(shop2_orders_path()).data; asof =
    orders["order_date"].max().normalize() (that is 2026-06-09); groupby("customer_id")
    ["order_date"].max() finds the last order, .dt.normalize() drops the time of day, then
    (asof - last).dt.days.
en.takeaway: R is the number of days from the last purchase to the analysis day; the recency_days
    column of rfm_table does exactly this. Another shop has its own as-of day: the day of its
    last order.
en.revisit: The as-of day is 2026-06-09 (the tea shop's last order); use each customer's last (max)
    order date, not the first; drop the time of day (.dt.normalize()) before counting days
    (.dt.days); it is the as-of day minus the last date, not the other way round.
""")
def q1():
    from rfmkit import read_orders, shop2_orders_path

    orders = read_orders(shop2_orders_path()).data
    asof = orders["order_date"].max().normalize()
    last = orders.groupby("customer_id")["order_date"].max().dt.normalize()
    return (asof - last).dt.days.rename("recency_days")


@exercise(Frame(index="segment", sort=True), """
zh.question: 第二家店的每个 RFM 客户类型各有多少位客户? 答案是以客户类型代码为索引的 Series
    (用 value_counts)。
zh.hint: table = rfm_table(orders, asof); segments = rfm_segments(table);
    然后 segments["segment"].value_counts()。
zh.takeaway: value_counts 一行就能数出每组人数; 各组人数加起来必须等于客户数 —— 这正是检查
    "各组人数之和 = 客户数" 在验证的。
zh.revisit: 数的是客户 (每位客户一行), 不是订单; 分组用课程的六类方案 (rfm_segments 的默认),
    按均值比较。
en.question: How many customers of the second shop are in each RFM group? The answer is a Series
    indexed by the group code (use value_counts).
en.hint: table = rfm_table(orders, asof); segments = rfm_segments(table); then
    segments["segment"].value_counts().
en.takeaway: value_counts counts each group in one line; the sizes must add up to the number of
    customers, which is what the check "group sizes add up to customers" verifies.
en.revisit: Count customers (one row each), not orders; use the lesson scheme (rfm_segments'
    default), with the mean cut.
""")
def q2():
    from rfmkit import read_orders, rfm_segments, rfm_table, shop2_orders_path

    orders = read_orders(shop2_orders_path()).data
    asof = orders["order_date"].max().normalize()
    segments = rfm_segments(rfm_table(orders, asof))
    return segments["segment"].value_counts()


@exercise(Frame(index="tier", sort=True, tolerance=0.05), """
zh.question: 第二家店客户金字塔每一层 (金质、银质、铜质、铁质) 的销售额占全部销售额的百分之几?
    答案是以层级代码为索引的 Series, 单位为 %。
zh.hint: tiers = pyramid_tiers(table["monetary"]); 按 tiers["tier"] 对 table["monetary"] 分组求和,
    再除以 table["monetary"].sum(), 乘以 100。
zh.takeaway: 金质和银质 (关键客户) 只占两成客户, 却带来大部分销售额; 四层的占比加起来是 100 %。
zh.revisit: 分子是每层的销售额合计 (sum), 不是人数; 分母是全部客户的销售额; 单位是百分数
    (乘以 100)。
en.question: What share of the second shop's revenue does each tier of the customer pyramid (gold,
    silver, bronze, iron) bring, in %? The answer is a Series indexed by the tier code.
en.hint: tiers = pyramid_tiers(table["monetary"]); group table["monetary"] by tiers["tier"] and sum,
    then divide by table["monetary"].sum() and multiply by 100.
en.takeaway: Gold and silver (the key customers) are a fifth of the customers yet bring most of the
    revenue; the four shares add up to 100 %.
en.revisit: The numerator is each tier's revenue (sum), not its number of customers; the denominator
    is all customers' revenue; in percent (times 100).
""")
def q3():
    from rfmkit import pyramid_tiers, read_orders, rfm_table, shop2_orders_path

    orders = read_orders(shop2_orders_path()).data
    table = rfm_table(orders, orders["order_date"].max().normalize())
    tiers = pyramid_tiers(table["monetary"])
    revenue = table["monetary"].groupby(tiers["tier"]).sum()
    return (revenue / table["monetary"].sum() * 100).rename("revenue_share")


@exercise(Choice(
    {"A": {"zh": "重要挽留客户: 他们以前常来、花得多, 最近却不来了, 值得专人电话问原因。",
           "en": "Important customers to win back: they used to come often and spend a lot, "
                 "then went quiet; worth a personal call to ask why."},
     "B": {"zh": "无价值客户: 他们人数最多, 打电话能覆盖更多人。",
           "en": "No-value customers: they are the largest group, so calls reach more people."},
     "C": {"zh": "重要维护客户: 他们最近刚买过, 最需要挽回。",
           "en": "Important customers to maintain: they bought recently, so they need winning "
                 "back most."},
     "D": {"zh": "所有客户都打, 一视同仁最公平。",
           "en": "Call every customer: treating all alike is fairest."}},
    {"B": {"zh": "课程说无价值客户不必维持关系: 低成本群发即可; "
                 "电话是昂贵的专人服务, 用在他们身上不值得。",
           "en": "The lesson says the firm need not keep up relationships with no-value "
                 "customers: low-cost group messages only; a call is costly personal service."},
     "C": {"zh": "重要维护客户最近刚买过 (R↓), 并没有流失; 要做的是保持, 而不是挽回。",
           "en": "Customers to maintain bought recently (R↓): they have not left; keep them, "
                 "there is nothing to win back."},
     "D": {"zh": "资源有限, 客户价值不同: 这正是要给客户分级、区别对待的原因。",
           "en": "Resources are limited and customers differ in value: that is why customers "
                 "are tiered and treated differently."}}),
    """
zh.question: 店里只有一位客服, 下周能打大约 20 个挽回电话。应该打给哪一组? 为什么不是无价值客户?
zh.hint: 电话是成本高的专人服务。哪一组以前价值高 (F↑M↑), 但最近不来了 (R↑)?
zh.takeaway: 高成本的服务留给价值高、又有流失风险的客户 (重要挽留客户); 无价值客户只用低成本群发。
zh.revisit: 想一想每组的 R、F、M 各是 ↑ 还是 ↓, 以及电话的成本。
en.question: The shop has one service agent, who can make about 20 win-back calls next week. Which
    group should get them, and why not the no-value customers?
en.hint: A call is costly personal service. Which group used to be valuable (F↑M↑) but has gone
    quiet (R↑)?
en.takeaway: Keep costly service for valuable customers at risk of leaving (important customers to
    win back); no-value customers get low-cost group messages only.
en.revisit: Think about whether each group's R, F and M are ↑ or ↓, and what a call costs.
""")
def q4():
    return "A"


@exercise(Choice(
    {"A": {"zh": "有些客户没有被分进任何组, 比如分组时用的是筛选过的客户表; "
                 "回到分组那一步重新算。",
           "en": "Some customers were left out of the grouping, e.g. it was run on a filtered "
                 "table; go back to the grouping step and redo it."},
     "B": {"zh": "金额四舍五入造成的误差, 可以忽略。",
           "en": "Rounding of the amounts; it can be ignored."},
     "C": {"zh": "文件里有被拒收的行, 这很正常, 不用管。",
           "en": "The file had rejected rows; that is normal and needs nothing."},
     "D": {"zh": "把 expected 改成实际的人数, 检查就通过了。",
           "en": "Change expected to the number found and the check passes."}},
    {"B": {"zh": "人数是整数, 和金额的四舍五入无关: 少了的就是没有组的客户。",
           "en": "Head counts are whole numbers and have nothing to do with rounding money: "
                 "missing people are customers without a group."},
     "C": {"zh": "被拒收的行在读入时就去掉了, 不会进入客户表; 客户表里的每个人都应该有组。",
           "en": "Rejected rows are dropped when reading and never reach the customer table; "
                 "everyone in that table must have a group."},
     "D": {"zh": "检查是为了发现错误, 不是为了通过: 改掉期望值只会把错误藏起来。",
           "en": "A check is there to find a mistake, not to be passed: changing what is "
                 "expected only hides the mistake."}}),
    """
zh.question: 一位同学的检查表显示 "各组人数之和 = 客户数" 没有通过:
    "实际" 比 "应为" 少了几位。最可能的原因和做法是?
zh.hint: 这个检查把每组人数加起来, 和 RFM 表里的客户数比较。少了几个人, 他们去哪了?
zh.takeaway: 检查不通过时, 回到产生这个数的那一步找原因, 而不是改检查; 分组必须覆盖每一位客户。
zh.revisit: 想一想人数会不会受四舍五入影响, 被拒收的行会不会进入客户表。
en.question: A classmate's checks show "group sizes add up to customers" failing: "found"
    is a few short of "expected". What is the most likely cause, and what should they do?
en.hint: The check adds up the group sizes and compares them with the customers of the RFM table.
    Some people are missing: where did they go?
en.takeaway: When a check fails, go back to the step that made the number, do not change the check;
    the grouping must cover every customer.
en.revisit: Think about whether head counts can be affected by rounding, and whether rejected rows
    ever reach the customer table.
""")
def q5():
    return "A"
