"""Self-check exercises for notebook 04, customer lifetime value (客户终身价值), customer equity
(客户资产) and the value a customer perceives."""

from rfmkit.exercises import Number, ____, exercise
from rfmkit.exercises._kinds import Choice, Frame

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Number(0.01, unit="yuan"), """
zh.question: 一位客户在今后 5 年里每年带来 200 元净现金流, 折现率 8%。用推导式算出他的客户终身价值
    CLV, 单位元, 精确到分。
zh.hint: 照着笔记本里的推导式写: cash = [200] * 5; sum(R / 1.08 ** i for i, R in enumerate(cash,
    start=1)), 再 round(..., 2)。
zh.takeaway: 5 年共 1000 元, 今天只值约八成: 越晚到手的钱, 今天越不值钱。
zh.revisit: 折现率写成小数 (8% 写 0.08); 第 1 年就要折现一次 (除以 1.08), 所以 enumerate 要从 1
    开始; 一共 5 年, 每年 200 元。
en.question: A customer will bring a net cash flow of 200 yuan a year for the next 5 years; the
    discount rate is 8 %. Compute their lifetime value CLV with a comprehension, in yuan, to the fen
    (two decimals).
en.hint: Follow the notebook's comprehension: cash = [200] * 5; sum(R / 1.08 ** i for i, R in
    enumerate(cash, start=1)), then round(..., 2).
en.takeaway: 1,000 yuan over 5 years is worth only about four fifths of that today: money that
    comes later is worth less now.
en.revisit: Write the rate as a fraction (8 % is 0.08); year 1 is already discounted once (divided
    by 1.08), so enumerate starts at 1; 5 years of 200 yuan each.
""")
def q1():
    cash = [200] * 5
    r = 0.08
    return round(sum(R / (1 + r) ** i for i, R in enumerate(cash, start=1)), 2)


@exercise(Frame(tolerance=0.01), """
zh.question: 如果折现率是 8% 而不是 10%, 每位客户的 CLV 是多少? 用笔记本里的 flows 自己折现,
    得到一个以客户为索引的 Series (不要用 rk.clv)。
zh.hint: factor = pd.Series([1.08 ** i for i in flows.columns], index=flows.columns), 然后
    (flows / factor).sum(axis=1)。
zh.takeaway: 折现率越低, 将来的钱今天越值钱, 每位客户的 CLV 都会变大一点。
zh.revisit: 折现系数是 (1 + 0.08) 的 i 次方, i 就是 flows 的列名 (1 到 5); 用除法, 再按行 (axis=1)
    求和, 不是按列。
en.question: With a discount rate of 8 % instead of 10 %, what is each customer's CLV? Discount the
    notebook's flows yourself, to a Series indexed by customer (without rk.clv).
en.hint: factor = pd.Series([1.08 ** i for i in flows.columns], index=flows.columns), then
    (flows / factor).sum(axis=1).
en.takeaway: A lower discount rate makes future money worth more today: every customer's CLV grows
    a little.
en.revisit: The discount factor is (1 + 0.08) to the power i, where i is the column name of flows
    (1 to 5); divide, then sum each row (axis=1), not each column.
""")
def q2():
    import pandas as pd

    import rfmkit as rk
    from rfmkit.value import yearly_cash_flows, yearly_spend

    spend = yearly_spend(rk.load_orders(), rk.COURSE_ASOF)
    flows = yearly_cash_flows(spend, years=5, margin=0.25, retention=0.40, history_years=1)
    factor = pd.Series([1.08 ** i for i in flows.columns], index=flows.columns)
    return (flows / factor).sum(axis=1).rename("clv")


@exercise(Frame(sort=True), """
zh.question: 用 pd.crosstab 做一张表: 行是按消费金额的层级 by_spend["tier"], 列是按 CLV 的层级
    by_clv["tier"], 格子里是客户数。
zh.hint: pd.crosstab(by_spend["tier"], by_clv["tier"])。第一个参数决定行, 第二个决定列。
zh.takeaway: 对角线以外的客户换了层: 有的过去花得多、最近不买了, 有的刚刚开始多买。
zh.revisit: 行要按消费金额分层 (by_spend), 列按 CLV 分层 (by_clv); 两个参数别放反了。
en.question: With pd.crosstab, build a table: rows are the tiers by spend by_spend["tier"], columns
    the tiers by CLV by_clv["tier"], cells the number of customers.
en.hint: pd.crosstab(by_spend["tier"], by_clv["tier"]). The first argument gives the rows, the
    second the columns.
en.takeaway: Customers off the diagonal changed tier: some spent a lot once and stopped buying,
    others have just started buying more.
en.revisit: Rows are the tiers by spend (by_spend), columns the tiers by CLV (by_clv); don't swap
    the two arguments.
""")
def q3():
    import pandas as pd

    import rfmkit as rk
    from rfmkit.value import yearly_cash_flows, yearly_spend

    orders = rk.load_orders()
    spend = yearly_spend(orders, rk.COURSE_ASOF)
    flows = yearly_cash_flows(spend, years=5, margin=0.25, retention=0.40, history_years=1)
    table = rk.rfm_table(orders, rk.COURSE_ASOF)
    by_spend = rk.pyramid_tiers(table["monetary"])
    by_clv = rk.pyramid_tiers(rk.clv(flows, rate=0.10))
    return pd.crosstab(by_spend["tier"], by_clv["tier"])


@exercise(Number(1.0, unit="yuan"), """
zh.question: 如果店铺能把每年的留存率从 40% 提高到 60% (其他假设不变), 客户资产会变成多少元?
    误差 1 元以内即可。(也可以用滑块试一试。)
zh.hint: 重新算 flows, 只把 retention=0.40 改成 retention=0.60, 再 clv_table(flows,
    rate=0.10)["clv"].sum()。
zh.takeaway: 留住客户直接提高客户资产: 这就是客户关怀和回访的价值所在。
zh.revisit: 只改留存率 (0.60), 毛利率 0.25、5 年、折现率 0.10、history_years=1 都保持不变;
    客户资产是全部客户 CLV 之和, 不是平均值。
en.question: If the shop could keep 60 % of its customers each year instead of 40 % (everything
    else unchanged), what would the customer equity be, in yuan? Within 1 yuan is fine. (You can
    also try it with the sliders.)
en.hint: Compute flows again with retention=0.60 instead of 0.40, then clv_table(flows,
    rate=0.10)["clv"].sum().
en.takeaway: Keeping customers raises customer equity directly: that is what customer care and
    revisits are worth.
en.revisit: Change only the retention (0.60); keep margin 0.25, 5 years, rate 0.10 and
    history_years=1; the equity is the sum of all CLVs, not their average.
""")
def q4():
    import rfmkit as rk
    from rfmkit.value import clv_table, yearly_cash_flows, yearly_spend

    spend = yearly_spend(rk.load_orders(), rk.COURSE_ASOF)
    flows = yearly_cash_flows(spend, years=5, margin=0.25, retention=0.60, history_years=1)
    return round(clv_table(flows, rate=0.10)["clv"].sum(), 2)


@exercise(Choice(
    {
        "A": {"zh": "功能性价值", "en": "functional value"},
        "B": {"zh": "情感性价值", "en": "emotional value"},
        "C": {"zh": "社会性价值", "en": "social value"},
        "D": {"zh": "这不是价值, 是她多付的货币价格",
              "en": "none: it is only the higher money price she pays"},
    },
    {
        "A": {"zh": "功能性价值来自产品本身好不好用; 两家店的商品一样, 差别不在功能上。",
              "en": "Functional value comes from how well the product does its job; both shops "
                    "sell the same goods, so the difference is not functional."},
        "C": {"zh": "社会性价值关乎别人怎么看她、她属于哪个群体; 店员记得她、给她问候, "
                    "是她自己的感受, 不是别人眼中的形象。",
              "en": "Social value is about how others see her and where she belongs; being "
                    "remembered and greeted is about how she herself feels, not her image."},
        "D": {"zh": "多付的钱是货币价格, 属于总客户成本; 但她仍然选了这家店, 说明她得到的价值 "
                    "(被记住、被问候) 超过了多付的钱。",
              "en": "The extra money is part of the total customer cost, yet she still chose "
                    "this shop: the value she gets (being remembered and greeted) outweighs it."},
    },
), """
zh.question: 王女士在两家店之间选了价格稍高的一家, 因为那里的店员记得她的名字,
    每年生日还会发来问候。这家店主要给了她哪一类价值?
zh.hint: 想一想三类价值的区别: 产品好不好用、自己感觉如何、别人怎么看。
zh.takeaway: 被记住、被关心带来情感性价值; 科特勒的人员价值和服务价值很大一部分就是它。
zh.revisit: 回到“从客户的角度看价值”那张表, 对照每一类的例子。
en.question: Ms Wang chose the slightly dearer of two shops, because its assistant knows her name
    and sends her a greeting every birthday. Which kind of value does this shop mainly give her?
en.hint: Recall how the three kinds differ: does it work well, how does it feel, how do others
    see me.
en.takeaway: Being remembered and cared for is emotional value; much of Kotler's personnel and
    service value is exactly this.
en.revisit: Go back to the table in "Value seen from the customer's side" and compare the
    examples.
""")
def q5():
    return "B"


@exercise(Number(0.005, unit="yuan"), """
zh.question: 另一家店卖同一款电饭煲, 只要 269 元, 但送货要一周 (时间成本 60 元), 也不保修
    (服务价值只有 10 元)。产品价值 350、人员价值 20、形象价值 15、精神成本 10、体力成本 5
    都和笔记本里一样。这家店的客户让渡价值是多少元?
zh.hint: 总客户价值 = 350 + 10 + 20 + 15, 总客户成本 = 269 + 60 + 10 + 5, 两者相减; 也可以用
    rk.delivered_value(...) 取 ["delivered_value"]。
zh.takeaway: 价格更低, 让渡给客户的价值反而更小: 客户比较的是总价值减总成本, 不只是价格。
zh.revisit: 总客户价值 = 产品 + 服务 + 人员 + 形象; 总客户成本 = 货币价格 + 时间 + 精神 + 体力;
    两者相减。检查服务价值 10 和时间成本 60。
en.question: Another shop sells the same rice cooker for only 269 yuan, but delivery takes a week
    (time cost 60 yuan) and there is no warranty (service value only 10 yuan). Product value 350,
    personnel value 20, image value 15, mental cost 10 and physical cost 5 are as in the notebook.
    What is this shop's customer delivered value, in yuan?
en.hint: Total customer value = 350 + 10 + 20 + 15, total customer cost = 269 + 60 + 10 + 5;
    subtract. Or take ["delivered_value"] from rk.delivered_value(...).
en.takeaway: A lower price, yet less value delivered: customers weigh total value against total
    cost, not the price alone.
en.revisit: Total value = product + service + personnel + image; total cost = money + time +
    mental + physical; subtract. Check service 10 and time 60.
""")
def q6():
    import rfmkit as rk

    parts = rk.delivered_value(product=350, service=10, personnel=20, image=15,
                               money=269, time=60, mental=10, physical=5)
    return parts["delivered_value"]
