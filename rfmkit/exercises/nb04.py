"""Self-check exercises for notebook 04, customer lifetime value (客户终身价值), customer equity
(客户资产) and the value a customer perceives."""

from rfmkit.exercises import Frame, Number, ____, choices, exercise

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


@exercise(Number(0.005, unit="yuan"))
def q6():
    import rfmkit as rk

    parts = rk.delivered_value(product=350, service=10, personnel=20, image=15,
                               money=269, time=60, mental=10, physical=5)
    return parts["delivered_value"]


q5, = choices(__name__, "q5")
