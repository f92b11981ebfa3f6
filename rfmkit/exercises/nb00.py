"""Self-check exercises for notebook 00, start here (the shop and its data)."""

from rfmkit.exercises import Choice, Count, Frame, Number, ____, exercise

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


@exercise(Choice(
    options={
        "A": {"zh": "这样每个人算出的 R (距上次购买的天数) 都一样, 结果可以比较、可以复查",
              "en": "So that everyone's R (days since the last purchase) is the same, and "
                    "results can be compared and checked"},
        "B": {"zh": "因为 pandas 读不出今天的日期",
              "en": "Because pandas cannot read today's date"},
        "C": {"zh": "因为 R 和日期无关, 用哪天都一样",
              "en": "Because R does not depend on the date, so any day will do"},
        "D": {"zh": "因为今天以后的订单会被删除", "en": "Because orders after today are deleted"},
    },
    feedback={
        "B": {"zh": "pandas 当然能读出今天的日期 (pd.Timestamp.today())。问题在于: "
                    "每个人的今天不同, 算出的 R 也就不同。",
              "en": "pandas can read today's date (pd.Timestamp.today()). The trouble is that "
                    "everyone's today differs, and so would their R."},
        "C": {"zh": "R 是从最后一次购买数到截止日的天数, 截止日一变, 每位客户的 R 都会变。",
              "en": "R counts the days from the last purchase to the as-of date: move the date "
                    "and every customer's R moves."},
        "D": {"zh": "没有订单会被删除; 截止日只是规定 \"从哪一天往回看\"。",
              "en": "No order is deleted; the as-of date only says from which day we look back."},
    }))
def q5():
    return "A"
