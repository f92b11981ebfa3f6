"""Self-check exercises for notebook 00, start here (the shop and its data)."""

from rfmkit.exercises import Count, Frame, Number, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Count())
def q1():
    from rfmkit.data import load_orders

    orders = load_orders()
    return orders["customer_id"].nunique()


@exercise(Frame())
def q2():
    from rfmkit.data import load_orders

    orders = load_orders()
    return orders[orders["amount"] < 0]


@exercise(Frame(sort=True))
def q3():
    from rfmkit.data import load_orders

    orders = load_orders()
    return orders["product_id"].value_counts()


@exercise(Number(0.005, unit="yuan"))
def q4():
    from rfmkit.data import load_orders

    orders = load_orders()
    return round(orders["amount"].sum(), 2)


q5, = choices(__name__, "q5")
