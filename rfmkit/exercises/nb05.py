"""Self-check exercises for notebook 05, churn and the customer lifecycle
(客户流失与客户生命周期)."""

from rfmkit.exercises import Count, Number, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "____"]


@exercise(Number(0.01, unit="years"), """
zh.question: 一家店每年流失 25% 的客户。按课程的公式, 客户生命周期是多少年?
zh.hint: 客户生命周期 = 1 / 流失率; 流失率写成小数: lifecycle_years(0.25)。
zh.takeaway: 流失率越低, 客户平均留得越久: 流失率减半, 生命周期就翻倍。
zh.revisit: 流失率要写成小数 (25% 写 0.25), 再取倒数: 1 / 0.25。
en.question: A shop loses 25 % of its customers each year. By the lesson's formula, how many years
    is the customer lifecycle (客户生命周期)?
en.hint: Customer lifecycle = 1 / churn rate, with the rate as a fraction: lifecycle_years(0.25).
en.takeaway: The lower the churn, the longer customers stay: halve the churn rate and the lifecycle
    doubles.
en.revisit: Write the churn rate as a fraction (25 % is 0.25), then take 1 / 0.25.
""")
def q1():
    from rfmkit import lifecycle_years

    return lifecycle_years(0.25)


@exercise(Number(0.05, unit="percent", decimals=1, percent=True), """
zh.question: 把课程订单按年分期 (2024-06-11 到 2026-06-10, 共两年)。第一年买过东西的客户中,
    第二年流失的占百分之几? 保留一位小数。
zh.hint: period_churn(load_orders(), "year", start="2024-06-11", end=COURSE_ASOF) 给出一行; 看
    churn_rate 列: .loc[0, "churn_rate"]。
zh.takeaway: 六成客户一年后不再购买: 留住老客户是店铺最大的挑战之一。
zh.revisit: 期间从 2024-06-11 开始, 按年 ("year"); 要的是流失率 (churn_rate), 不是留存率
    (retention_rate)。
en.question: Cut the course orders into years (2024-06-11 to 2026-06-10: two years). Of the
    customers who bought in the first year, what percentage were lost in the second year? Give it
    to one decimal.
en.hint: period_churn(load_orders(), "year", start="2024-06-11", end=COURSE_ASOF) gives one row;
    read its churn_rate: .loc[0, "churn_rate"].
en.takeaway: Six customers in ten do not buy again within a year: keeping customers is one of the
    shop's biggest challenges.
en.revisit: Periods start on 2024-06-11 and are years ("year"); the churn rate (churn_rate) is
    wanted, not the retention rate (retention_rate).
""")
def q2():
    from rfmkit import period_churn
    from rfmkit.data import COURSE_ASOF, load_orders

    yearly = period_churn(load_orders(), "year", start="2024-06-11", end=COURSE_ASOF)
    return yearly.loc[0, "churn_rate"]


@exercise(Count(), """
zh.question: 把阈值改成: 间隔 60 天以内为活跃, 61 到 150 天为睡眠, 超过 150
    天为流失。有多少位客户处于睡眠阶段?
zh.hint: stages = lifecycle_stages(table, active_days=60, sleeping_days=150); 再数 stage 等于
    "sleeping" 的行。也可以把上面的滑块拖到 60 和 150。
zh.takeaway: 阶段的划分取决于阈值: 选阈值时要想想顾客通常多久买一次。
zh.revisit: active_days=60, sleeping_days=150; 数的是 "sleeping", table 来自
    rfm_table(load_orders(), COURSE_ASOF)。
en.question: Change the thresholds: up to 60 days is active, 61 to 150 days sleeping, more than 150
    days lost. How many customers are sleeping?
en.hint: stages = lifecycle_stages(table, active_days=60, sleeping_days=150); then count the rows
    whose stage is "sleeping". Or move the sliders above to 60 and 150.
en.takeaway: The stages depend on the thresholds: choose them with how often customers usually buy
    in mind.
en.revisit: Use active_days=60 and sleeping_days=150, count "sleeping", with table from
    rfm_table(load_orders(), COURSE_ASOF).
""")
def q3():
    from rfmkit import lifecycle_stages, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    table = rfm_table(load_orders(), COURSE_ASOF)
    stages = lifecycle_stages(table, active_days=60, sleeping_days=150)
    return (stages["stage"] == "sleeping").sum()


@exercise(Number(0.05, unit="percent", decimals=1, percent=True), """
zh.question: 用默认阈值 (90 天、180 天), 只买过一次的客户中, 处于睡眠或流失阶段的占百分之几?
    保留一位小数。
zh.hint: cross = stage_by_purchases(table, lifecycle_stages(table)); 在 "1" 这一行 (cross.loc["1"],
    行名是带引号的文字), 把 sleeping 和 lost 相加, 再除以 customers, 乘以 100。(或者用
    one_time_sleeping_or_lost(cross)。)
zh.takeaway: 只买过一次的客户大多已经睡眠或流失: 第一次购买后的关怀 (例如每 15 天一次)
    决定他们会不会再来。
zh.revisit: 看的是购买次数为 1 的那一行; 睡眠和流失两个阶段都要算上, 分母是这一行的客户数,
    不是全部客户。
en.question: With the default thresholds (90 and 180 days), what percentage of the customers who
    bought only once are sleeping or lost? Give it to one decimal.
en.hint: cross = stage_by_purchases(table, lifecycle_stages(table)); in row "1" (cross.loc["1"]:
    the row's label is the text "1", in quotes), add sleeping and lost, divide by customers and
    multiply by 100. (Or use one_time_sleeping_or_lost(cross).)
en.takeaway: Most one-time buyers are already sleeping or lost: the care after a first purchase
    (e.g. every 15 days) decides whether they come back.
en.revisit: Use the row of customers with 1 purchase, count both sleeping and lost, and divide by
    that row's customers, not by all customers.
""")
def q4():
    from rfmkit import lifecycle_stages, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.lifecycle import stage_by_purchases

    table = rfm_table(load_orders(), COURSE_ASOF)
    cross = stage_by_purchases(table, lifecycle_stages(table))
    once = cross.loc["1"]
    return round(100 * (once["sleeping"] + once["lost"]) / once["customers"], 1)
