"""Self-check exercises for notebook 09, the capstone (综合实训).

The exercises use the bundled second shop (``rfmkit.shop2_orders_path()``), so that they can be
checked whatever data a student analyses above them. The checks that run on any data are in
``rfmkit.capstone``.
"""

from rfmkit.exercises import Frame, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(index="customer_id", asof="2026-06-09"))
def q1():
    from rfmkit import read_orders, shop2_orders_path

    orders = read_orders(shop2_orders_path()).data
    asof = orders["order_date"].max().normalize()
    last = orders.groupby("customer_id")["order_date"].max().dt.normalize()
    return (asof - last).dt.days.rename("recency_days")


@exercise(Frame(index="segment", sort=True))
def q2():
    from rfmkit import read_orders, rfm_segments, rfm_table, shop2_orders_path

    orders = read_orders(shop2_orders_path()).data
    asof = orders["order_date"].max().normalize()
    segments = rfm_segments(rfm_table(orders, asof))
    return segments["segment"].value_counts()


@exercise(Frame(index="tier", sort=True, tolerance=0.05))
def q3():
    from rfmkit import pyramid_tiers, read_orders, rfm_table, shop2_orders_path

    orders = read_orders(shop2_orders_path()).data
    table = rfm_table(orders, orders["order_date"].max().normalize())
    tiers = pyramid_tiers(table["monetary"])
    revenue = table["monetary"].groupby(tiers["tier"]).sum()
    return (revenue / table["monetary"].sum() * 100).rename("revenue_share")


q4, q5 = choices(__name__, "q4", "q5")
