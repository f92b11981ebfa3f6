"""Self-check exercises for notebook 07, new customers and product preferences
(新客户客单价分析, 新老客户占比, 客户产品喜好分析, 客户档案自定义属性).

q1 and q3 ask the student to write pandas (times each customer bought coffee beans, buyers per
category), q2 turns q1 into a custom attribute, q4-q5 are business judgements with feedback on
every wrong option (why keep old customers, what to suggest to a new customer).
"""

from rfmkit.exercises import Count, Frame, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(sort=True))
def q1():
    from rfmkit.data import load_orders

    orders = load_orders()
    bought = orders[(orders["product_id"] == "P019") & (orders["amount"] > 0)
                    & (orders["order_date"] >= "2026-01-01")
                    & (orders["order_date"] <= "2026-06-10")]
    return bought.groupby("customer_id")["order_id"].nunique().rename("purchases")


@exercise(Count())
def q2():
    from rfmkit.data import load_orders

    orders = load_orders()
    bought = orders[(orders["product_id"] == "P019") & (orders["amount"] > 0)
                    & (orders["order_date"] >= "2026-01-01")
                    & (orders["order_date"] <= "2026-06-10")]
    times = bought.groupby("customer_id")["order_id"].nunique()
    return (times >= 2).sum()


@exercise(Frame(sort=True))
def q3():
    from rfmkit.data import COURSE_ASOF, load_orders, load_products

    orders, products = load_orders(), load_products()
    lines = orders[(orders["order_date"] <= COURSE_ASOF) & (orders["amount"] > 0)]
    lines = lines.merge(products[["product_id", "category"]], on="product_id")
    return lines.groupby("category")["customer_id"].nunique().rename("customers")


q4, q5 = choices(__name__, "q4", "q5")
