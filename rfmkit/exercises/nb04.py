"""Self-check exercises for notebook 04, customer lifetime value (客户终身价值), customer equity
(客户资产) and the value a customer perceives."""

from rfmkit.exercises import Number, ____, exercise
from rfmkit.exercises._kinds import Choice, Frame

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Number(0.01, unit="yuan"))
def q1():
    cash = [200] * 5
    r = 0.08
    return round(sum(R / (1 + r) ** i for i, R in enumerate(cash, start=1)), 2)


@exercise(Frame(tolerance=0.01))
def q2():
    import pandas as pd

    import rfmkit as rk
    from rfmkit.value import yearly_cash_flows, yearly_spend

    spend = yearly_spend(rk.load_orders(), rk.COURSE_ASOF)
    flows = yearly_cash_flows(spend, years=5, margin=0.25, retention=0.40, history_years=1)
    factor = pd.Series([1.08 ** i for i in flows.columns], index=flows.columns)
    return (flows / factor).sum(axis=1).rename("clv")


@exercise(Frame(sort=True))
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


@exercise(Number(1.0, unit="yuan"))
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
))
def q5():
    return "B"


@exercise(Number(0.005, unit="yuan"))
def q6():
    import rfmkit as rk

    parts = rk.delivered_value(product=350, service=10, personnel=20, image=15,
                               money=269, time=60, mental=10, physical=5)
    return parts["delivered_value"]
