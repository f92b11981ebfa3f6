"""Self-check exercises for notebook 04, customer lifetime value (客户终身价值) and customer
equity (客户资产)."""

from rfmkit.exercises import Number, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "____"]


@exercise(Number(0.01, unit="yuan"), """
zh.question: 一位客户在今后 5 年里每年带来 200 元净现金流, 折现率 8%。他的客户终身价值 CLV
    是多少元? 精确到分。
zh.hint: CLV = Σ R_i / (1 + r)^i, i = 1..5。用 clv([200, 200, 200, 200, 200], 0.08), 再 round(...,
    2)。
zh.takeaway: 5 年共 1000 元, 今天只值约八成: 越晚到手的钱, 今天越不值钱。
zh.revisit: 折现率写成小数 (8% 写 0.08); 第 1 年就要折现一次 (除以 1.08), 一共 5 年, 每年 200 元。
en.question: A customer will bring a net cash flow of 200 yuan a year for the next 5 years; the
    discount rate is 8 %. What is their lifetime value CLV in yuan, to the fen (分, two decimals)?
en.hint: CLV = sum of R_i / (1 + r)^i for i = 1..5. Use clv([200, 200, 200, 200, 200], 0.08), then
    round(..., 2).
en.takeaway: 1,000 yuan over 5 years is worth only about four fifths of that today: money that
    comes later is worth less now.
en.revisit: Write the rate as a fraction (8 % is 0.08); year 1 is already discounted once (divided
    by 1.08); 5 years of 200 yuan each.
""")
def q1():
    from rfmkit import clv

    return round(clv([200, 200, 200, 200, 200], 0.08), 2)


@exercise(Number(1.0, unit="yuan"), """
zh.question: 按笔记本里的假设 (利润率 25%、每年留存 40%、5 年、折现率 10%), 全店的客户资产
    (所有客户 CLV 之和) 是多少元? 误差 1 元以内即可。
zh.hint: spend = yearly_spend(load_orders(), COURSE_ASOF); flows = yearly_cash_flows(spend,
    years=5, margin=0.25, retention=0.40, history_years=1); 再用 customer_equity(clv(flows,
    0.10))。
zh.takeaway: 客户资产把整个客户群的未来价值折成今天的一笔钱: 它比过去两年的销售额小得多,
    因为大多数客户会流失。
zh.revisit: 用的是近一年的消费 (yearly_spend), history_years=1; 加总的是折现后的 CLV,
    不是未折现的现金流。
en.question: With the notebook's assumptions (margin 25 %, retention 40 % a year, 5 years, discount
    rate 10 %), what is the shop's customer equity (客户资产, the sum of all customers' CLV) in
    yuan? Within 1 yuan is fine.
en.hint: spend = yearly_spend(load_orders(), COURSE_ASOF); flows = yearly_cash_flows(spend,
    years=5, margin=0.25, retention=0.40, history_years=1); then customer_equity(clv(flows, 0.10)).
en.takeaway: Customer equity turns the whole customer base's future into one sum of money today:
    far below two years of sales, because most customers leave.
en.revisit: Use last year's spend (yearly_spend) with history_years=1, and add up the discounted
    CLVs, not the undiscounted cash flows.
""")
def q2():
    from rfmkit import clv, customer_equity
    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.value import yearly_cash_flows, yearly_spend

    spend = yearly_spend(load_orders(), COURSE_ASOF)
    flows = yearly_cash_flows(spend, years=5, margin=0.25, retention=0.40, history_years=1)
    return round(customer_equity(clv(flows, 0.10)), 2)


@exercise(Number(1.0, unit="yuan"), """
zh.question: 如果店铺能把每年的留存率从 40% 提高到 60% (其他假设不变), 客户资产会变成多少元? 误差 1
    元以内即可。(也可以用上面的滑块试一试。)
zh.hint: 和上一题一样, 只把 retention=0.40 改成 retention=0.60。
zh.takeaway: 留住客户直接提高客户资产: 这就是客户关怀和回访的价值所在。
zh.revisit: 只改留存率 (0.60), 利润率 0.25、5 年、折现率 0.10、history_years=1 都保持不变。
en.question: If the shop could keep 60 % of its customers each year instead of 40 % (everything
    else unchanged), what would the customer equity be, in yuan? Within 1 yuan is fine. (You can
    also try it with the sliders.)
en.hint: As in the previous question, but with retention=0.60 instead of 0.40.
en.takeaway: Keeping customers raises customer equity directly: that is what customer care and
    revisits are worth.
en.revisit: Change only the retention (0.60); keep margin 0.25, 5 years, rate 0.10 and
    history_years=1.
""")
def q3():
    from rfmkit import clv, customer_equity
    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.value import yearly_cash_flows, yearly_spend

    spend = yearly_spend(load_orders(), COURSE_ASOF)
    flows = yearly_cash_flows(spend, years=5, margin=0.25, retention=0.60, history_years=1)
    return round(customer_equity(clv(flows, 0.10)), 2)


@exercise(Number(0.005, unit="yuan"), """
zh.question: 另一家店卖同一款电饭煲, 只要 269 元, 但送货要一周 (时间成本 60 元), 也不保修
    (服务价值只有 10 元)。产品价值 350、人员价值 20、形象价值 15、精神成本 10、体力成本 5
    都和笔记本里一样。这家店的客户让渡价值是多少元?
zh.hint: delivered_value(product=350, service=10, personnel=20, image=15, money=269, time=60,
    mental=10, physical=5), 取结果里的 ["delivered_value"]。
zh.takeaway: 价格更低, 让渡给顾客的价值反而更小: 顾客比较的是总价值减总成本, 不只是价格。
zh.revisit: 总价值 = 产品 + 服务 + 人员 + 形象; 总成本 = 货币 + 时间 + 精神 + 体力;
    两者相减。检查服务价值 10 和时间成本 60。
en.question: Another shop sells the same rice cooker for only 269 yuan, but delivery takes a week
    (time cost 60 yuan) and there is no warranty (service value only 10 yuan). Product value 350,
    personnel value 20, image value 15, mental cost 10 and physical cost 5 are as in the notebook.
    What is this shop's customer delivered value (客户让渡价值), in yuan?
en.hint: delivered_value(product=350, service=10, personnel=20, image=15, money=269, time=60,
    mental=10, physical=5), then take ["delivered_value"] from the result.
en.takeaway: A lower price, yet less value delivered: customers weigh total value against total
    cost, not the price alone.
en.revisit: Total value = product + service + personnel + image; total cost = money + time + mental
    + physical; subtract. Check service 10 and time 60.
""")
def q4():
    from rfmkit import delivered_value

    parts = delivered_value(product=350, service=10, personnel=20, image=15,
                            money=269, time=60, mental=10, physical=5)
    return parts["delivered_value"]
