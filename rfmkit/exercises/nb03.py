"""Self-check exercises for notebook 03, the customer pyramid (客户金字塔)."""

from rfmkit.exercises import Frame, Number, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(sort=True))
def q1():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    tiers = rk.pyramid_tiers(table["monetary"])
    return table["monetary"].groupby(tiers["tier"]).sum().rename("revenue")


@exercise(Frame(sort=True))
def q2():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    tiers = rk.pyramid_tiers(table["monetary"])
    revenue = table["monetary"].groupby(tiers["tier"]).sum()
    revenue = revenue.reindex(["gold", "silver", "bronze", "iron"])
    return (revenue.cumsum() / revenue.sum() * 100).rename("cumulative_share")


@exercise(Number(0.1, decimals=1))
def q4():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    deciles = rk.decile_table(table["monetary"])
    return round(deciles["average"].iloc[0] / deciles["average"].iloc[-1], 1)


q3, q5 = choices(__name__, "q3", "q5")
