"""Self-check exercises for notebook 03, the customer pyramid (客户金字塔)."""

from rfmkit.exercises import Count, Number, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Count(), """
zh.question: 按消费金额 M 和课程的比例 (1%、19%、30%、50%) 分层, 课程订单数据里有多少位金质客户?
zh.hint: table = rfm_table(load_orders(), COURSE_ASOF); tiers = pyramid_tiers(table["monetary"]);
    再数 tier 等于 "gold" 的行: (tiers["tier"] == "gold").sum()。
zh.takeaway: 3000 位客户的 1% 正好是 30 位: 他们是金字塔的塔尖, 值得一对一的关注。
zh.revisit: 检查分层用的是 monetary 列 (不是 frequency), 比例是默认的 (0.01, 0.19, 0.30, 0.50),
    数的是 "gold"。
en.question: Tiering the course customers by spend M with the lesson's shares (1 %, 19 %, 30 %, 50
    %), how many gold customers (金质客户) are there?
en.hint: table = rfm_table(load_orders(), COURSE_ASOF); tiers = pyramid_tiers(table["monetary"]);
    then count the rows whose tier is "gold": (tiers["tier"] == "gold").sum().
en.takeaway: 1 % of 3,000 customers is exactly 30: the tip of the pyramid, worth one-to-one
    attention.
en.revisit: Check that you tier by the monetary column (not frequency), with the default shares
    (0.01, 0.19, 0.30, 0.50), and count "gold".
""")
def q1():
    from rfmkit import pyramid_tiers, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    table = rfm_table(load_orders(), COURSE_ASOF)
    tiers = pyramid_tiers(table["monetary"])
    return (tiers["tier"] == "gold").sum()


@exercise(Number(0.05, unit="percent", decimals=1, percent=True), """
zh.question: 关键客户 (金质 + 银质) 贡献了全部销售额的百分之几? 写成百分数, 保留一位小数 (例如
    45.6)。
zh.hint: summary = tier_summary(tiers); 关键客户的数字在 summary.attrs 里:
    summary.attrs["key_customer_revenue_share"]。也可以把 gold 和 silver 两行的 revenue 相加,
    再除以总销售额。
zh.takeaway: 两成客户带来约七成销售额: 这就是要优先服务关键客户的原因。
zh.revisit: 要的是销售额占比 (revenue_share), 不是客户占比 (customer_share);
    金质和银质两层都要算上。
en.question: What percentage of all revenue do the key customers (关键客户, gold + silver) bring?
    Give a percentage to one decimal (e.g. 45.6).
en.hint: summary = tier_summary(tiers); the key customers' figures are in summary.attrs:
    summary.attrs["key_customer_revenue_share"]. Or add up the revenue of the gold and silver rows
    and divide by the total revenue.
en.takeaway: A fifth of the customers bring about seven tenths of the revenue: that is why key
    customers are served first.
en.revisit: The share of revenue (revenue_share) is wanted, not the share of customers
    (customer_share); count both gold and silver.
""")
def q2():
    from rfmkit import pyramid_tiers, rfm_table, tier_summary
    from rfmkit.data import COURSE_ASOF, load_orders

    table = rfm_table(load_orders(), COURSE_ASOF)
    summary = tier_summary(pyramid_tiers(table["monetary"]))
    return summary.attrs["key_customer_revenue_share"]


@exercise(Number(0.1, decimals=1), """
zh.question: 把课程客户按消费金额分成 10 组 (十分位)。第 1 组的人均消费是第 10 组的多少倍?
    保留一位小数。(山姆会员店案例里大约是 80 倍。)
zh.hint: deciles = decile_table(table["monetary"]); 用第一行的 average 除以最后一行的 average:
    deciles["average"].iloc[0] / deciles["average"].iloc[-1], 再 round(..., 1)。
zh.takeaway: 最上面一组和最下面一组差了上百倍: 同样的促销对两组的意义完全不同。
zh.revisit: 分组时按消费金额从高到低排, 第 1 组是花得最多的; 用的是人均 (average), 不是组合计
    (total); 不要加 with_total 行。
en.question: Cut the course customers into 10 equal groups by spend (deciles, 十分位). Group 1's
    average spend is how many times group 10's? Give it to one decimal. (In the Sam's Club case it
    is about 80.)
en.hint: deciles = decile_table(table["monetary"]); divide the first row's average by the last
    row's: deciles["average"].iloc[0] / deciles["average"].iloc[-1], then round(..., 1).
en.takeaway: The top and bottom groups are more than a hundred times apart: the same promotion
    means something very different to each.
en.revisit: Groups run from the largest spend down, so group 1 spends most; use the average per
    customer, not the group total, and leave out the with_total row.
""")
def q3():
    from rfmkit import decile_table, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    deciles = decile_table(rfm_table(load_orders(), COURSE_ASOF)["monetary"])
    return round(deciles["average"].iloc[0] / deciles["average"].iloc[-1], 1)


@exercise(Count(), """
zh.question: 按默认比例, 铜质层名义上应有 3000 × 30% = 900 位客户,
    实际却有更多。平局规则把多少位客户从铁质层提到了铜质层?
zh.hint: tiers.attrs["counts"] 是分层后每层的实际人数; 拿铜质的实际人数减去 900。想一想:
    为什么会这样? 看看排名 1500 附近客户的消费金额。
zh.takeaway: 消费金额完全相同的客户总是在同一层: 跨越分界的平局整体进入较高的一层。
zh.revisit: 用的是 tiers.attrs["counts"]["bronze"] (分层后的人数), 减去名义人数 900。
en.question: With the default shares the bronze tier should hold 3,000 × 30 % = 900 customers, but
    it holds more. How many customers did the tie rule move up from iron into bronze?
en.hint: tiers.attrs["counts"] gives each tier's size after ties; take bronze's and subtract 900.
    Why does it happen? Look at the spend of the customers ranked around 1500.
en.takeaway: Customers with exactly the same spend always share a tier: a tie that straddles a
    boundary goes up whole.
en.revisit: Use tiers.attrs["counts"]["bronze"] (the size after ties) minus the nominal 900.
""")
def q4():
    from rfmkit import pyramid_tiers, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    tiers = pyramid_tiers(rfm_table(load_orders(), COURSE_ASOF)["monetary"])
    return tiers.attrs["counts"]["bronze"] - 900


@exercise(Count(), """
zh.question: 按消费金额 M 的 30 位金质客户中, 有多少位按终身价值 CLV (第 04 课的算法, 利润率
    25%、留存率 40%、5 年、折现率 10%) 分层时仍然是金质客户?
zh.hint: 分别算出 by_spend = pyramid_tiers(table["monetary"]) 和 by_clv =
    pyramid_tiers(clv_values); 找出两边 tier 都是 "gold" 的客户: ((by_spend["tier"] == "gold") &
    (by_clv["tier"] == "gold")).sum()。
zh.takeaway: 过去花得多不等于将来还会花: 最近一年没怎么买的大客户, 按终身价值排就掉下去了。
zh.revisit: CLV 要用近一年的消费 (yearly_spend) 和笔记本里的假设来算;
    数的是两种分层都为金质的客户。
en.question: Of the 30 gold customers by spend M, how many are still gold when customers are tiered
    by lifetime value CLV (notebook 04's computation: margin 25 %, retention 40 %, 5 years, rate 10
    %)?
en.hint: Compute by_spend = pyramid_tiers(table["monetary"]) and by_clv =
    pyramid_tiers(clv_values); count the customers whose tier is "gold" in both: ((by_spend["tier"]
    == "gold") & (by_clv["tier"] == "gold")).sum().
en.takeaway: Big past spend is not the same as future value: big spenders who hardly bought last
    year drop when ranked by lifetime value.
en.revisit: Compute CLV from last year's spend (yearly_spend) with the notebook's assumptions, and
    count the customers who are gold both ways.
""")
def q5():
    from rfmkit import clv, pyramid_tiers, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.value import yearly_cash_flows, yearly_spend

    orders = load_orders()
    table = rfm_table(orders, COURSE_ASOF)
    spend = yearly_spend(orders, COURSE_ASOF)
    flows = yearly_cash_flows(spend, years=5, margin=0.25, retention=0.40, history_years=1)
    clv_values = clv(flows, rate=0.10)
    by_spend = pyramid_tiers(table["monetary"])
    by_clv = pyramid_tiers(clv_values)
    return ((by_spend["tier"] == "gold") & (by_clv["tier"] == "gold")).sum()
