"""Self-check exercises for notebook 06, personalised service (Task 3, 个性化服务)."""

from rfmkit.exercises import Count, IdSet, Number, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____", "MARKETING_SPEND", "PERIOD_START"]

#: The marketing spend (yuan) of the 12 months before the course date, stated in the notebook.
MARKETING_SPEND = 60_000
#: The first day of those 12 months (the last day is COURSE_ASOF).
PERIOD_START = "2025-06-11"


@exercise(Count(), """
zh.question: 用默认规则 (DEFAULT_RULES) 做出的服务计划里, 有多少位顾客的主要服务是生日小礼物
    (service 等于 "birthday_gift")?
zh.hint: features = customer_features(orders, members, products, COURSE_ASOF), plan =
    service_plan(features, COURSE_ASOF); 然后数一数 (plan["service"] == "birthday_gift").sum()。
zh.takeaway: 生日规则的优先级最高 (10), 所以 14 天内过生日的顾客, 不管属于哪一类,
    主要服务都是生日礼物; 其他适用的服务列在 also 列里。
zh.revisit: 数的是 service 列 (主要服务), 不是 also 列; 用的是默认规则和 COURSE_ASOF,
    不是今天的日期。
en.question: In the service plan made with the default rules (DEFAULT_RULES), how many customers
    get a birthday gift as their main service (service equal to "birthday_gift")?
en.hint: features = customer_features(orders, members, products, COURSE_ASOF), plan =
    service_plan(features, COURSE_ASOF); then count (plan["service"] == "birthday_gift").sum().
en.takeaway: The birthday rule has the highest priority (10), so a customer with a birthday in the
    next 14 days gets the gift whatever their group; the other services that apply are listed under
    "also".
en.revisit: Count the service column (the main service), not the "also" column; use the default
    rules and COURSE_ASOF, not today's date.
""")
def q1():
    from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
    from rfmkit.service import customer_features, service_plan

    features = customer_features(load_orders(), load_members(), load_products(), COURSE_ASOF)
    plan = service_plan(features, COURSE_ASOF)
    return (plan["service"] == "birthday_gift").sum()


@exercise(Count(), """
zh.question: 把新客户关怀的时间窗口从 15 天改成 7 天: 截至 COURSE_ASOF, 有多少位新客户
    (唯一一次购买在最近 7 天内) 需要关怀?
zh.hint: new_customer_care(orders, COURSE_ASOF, within_days=7) 列出这些新客户; len(...)
    数一数有几行。
zh.takeaway: 窗口越短, 名单越短, 关怀越及时; 课程建议大约每 15 天关怀一次新客户,
    窗口可以按店铺的人手来调整。
zh.revisit: 检查 within_days 是 7, 截止日期是 COURSE_ASOF; 新客户指到截止日期为止只买过一次的顾客。
en.question: Shorten the new-customer care window from 15 to 7 days: as of COURSE_ASOF, how many
    new customers (their only purchase within the last 7 days) are there to care for?
en.hint: new_customer_care(orders, COURSE_ASOF, within_days=7) lists them; len(...) counts the
    rows.
en.takeaway: A shorter window gives a shorter list and quicker care; the lesson suggests caring for
    new customers about every 15 days, and the window can follow the team's capacity.
en.revisit: Check that within_days is 7 and the as-of date is COURSE_ASOF; a new customer has
    exactly one purchase up to that day.
""")
def q2():
    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.service import new_customer_care

    return len(new_customer_care(load_orders(), COURSE_ASOF, within_days=7))


@exercise(Number(0.05, unit="percent", decimals=1, percent=True), f"""
zh.question: 用课程的公式 CRR = (期末客户数 - 新客户数) / 期初客户数 x 100, 算出 {PERIOD_START} 到
    COURSE_ASOF 这 12 个月的客户留存率 (%), 保留一位小数。
zh.hint: counts = retention_counts(orders, "{PERIOD_START}", COURSE_ASOF).iloc[0] 给出三个数; 再用
    retention_rate(counts["start_customers"], counts["end_customers"], counts["new_customers"])。
zh.takeaway: 期末客户里要先减去新客户, 留存率只看老客户留下了多少; 新客户再多,
    也掩盖不了老客户的流失。
zh.revisit: 期初客户是前 12 个月买过的顾客; 公式里先减新客户, 再除以期初客户数; 答案是百分数。
en.question: With the lesson's formula CRR = (customers at the end - new customers) / customers at
    the start x 100, what is the customer retention rate (%) of the 12 months from {PERIOD_START} to
    COURSE_ASOF, to one decimal?
en.hint: counts = retention_counts(orders, "{PERIOD_START}", COURSE_ASOF).iloc[0] gives the three
    counts; then retention_rate(counts["start_customers"], counts["end_customers"],
    counts["new_customers"]).
en.takeaway: New customers are taken out of the end count first: retention looks only at how many
    existing customers stayed, so many new customers cannot hide the loss of old ones.
en.revisit: The customers at the start are those who bought in the 12 months before; subtract the
    new customers first, then divide by the start count; answer in percent.
""")
def q3():
    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.service import retention_counts, retention_rate

    counts = retention_counts(load_orders(), PERIOD_START, COURSE_ASOF).iloc[0]
    rate = retention_rate(counts["start_customers"], counts["end_customers"],
                          counts["new_customers"])
    return round(rate, 1)


@exercise(Number(0.005, unit="yuan"), f"""
zh.question: 店铺在 {PERIOD_START} 到 COURSE_ASOF 这 12 个月里花了 {MARKETING_SPEND:,}
    元做推广。这段时间的获客成本 CAC (每位新客户多少元) 是多少? 精确到分。
zh.hint: 新客户数在 retention_counts(orders, "{PERIOD_START}", COURSE_ASOF) 的 new_customers 列;
    cac({MARKETING_SPEND}, 新客户数), 再 round(..., 2)。
zh.takeaway: 把 CAC 和新客户的首单金额放在一起看:
    如果赢得一位新客户的花费接近甚至超过他第一单的金额, 店铺就必须让他再来买。
zh.revisit: 推广费是 {MARKETING_SPEND:,} 元, 除以同一段时间 (12 个月) 里的新客户数,
    不是所有客户数。
en.question: The shop spent {MARKETING_SPEND:,} yuan on marketing in the 12 months from
    {PERIOD_START} to COURSE_ASOF. What was the customer acquisition cost CAC (yuan per new
    customer) of that period, to the cent?
en.hint: The number of new customers is the new_customers column of retention_counts(orders,
    "{PERIOD_START}", COURSE_ASOF); cac({MARKETING_SPEND}, new customers), then round(..., 2).
en.takeaway: Put CAC next to the new customers' first orders: when winning a customer costs close
    to (or more than) their first order, the shop needs them to come back.
en.revisit: The spend is {MARKETING_SPEND:,} yuan, divided by the new customers of the same 12
    months, not by all customers.
""")
def q4():
    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.service import cac, retention_counts

    new = retention_counts(load_orders(), PERIOD_START, COURSE_ASOF)["new_customers"].iloc[0]
    return round(cac(MARKETING_SPEND, new), 2)


@exercise(IdSet(), """
zh.question: 哪些会员的生日正好是 COURSE_ASOF 这一天? 写出他们的顾客ID 列表。
zh.hint: birthdays_within(members, COURSE_ASOF, days=0) 只列出今天过生日的会员; 取出 customer_id
    列: list(表["customer_id"])。
zh.takeaway: 今天过生日的会员, 今天就该收到祝福: 关怀日历每天都要看一眼。
zh.revisit: 窗口是 0 天 (只有今天); 用的是会员资料 load_members(), 不是订单; 写的是顾客ID。
en.question: Which members have their birthday exactly on COURSE_ASOF? Give the list of their
    customer IDs.
en.hint: birthdays_within(members, COURSE_ASOF, days=0) lists only today's birthdays; take the
    customer_id column: list(table["customer_id"]).
en.takeaway: Members whose birthday is today should get their greeting today: look at the care
    calendar every day.
en.revisit: The window is 0 days (today only); use the member profiles (load_members()), not the
    orders; give customer IDs.
""")
def q5():
    from rfmkit.data import COURSE_ASOF, load_members
    from rfmkit.service import birthdays_within

    return list(birthdays_within(load_members(), COURSE_ASOF, days=0)["customer_id"])
