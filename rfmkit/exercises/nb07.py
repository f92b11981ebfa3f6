"""Self-check exercises for notebook 07, new customers and product preferences
(新客户客单价分析, 新老客户占比, 客户产品喜好分析, 客户档案自定义属性).

q1 and q3 ask the student to write pandas (times each customer bought coffee beans, buyers per
category), q2 turns q1 into a custom attribute, q4-q5 are business judgements with feedback on
every wrong option (why keep old customers, what to suggest to a new customer).
"""

from rfmkit.exercises import Choice, Count, Frame, ____, bilingual, exercise

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



@exercise(Choice(
    {"A": bilingual("老客户的评价更好, 退货更少",
                "Old customers give better ratings and return fewer goods"),
     "B": bilingual("老客户只买爆款, 所以最好卖",
                "Old customers buy only the best-sellers, so they are the easiest to sell to"),
     "C": bilingual("老客户需要的客服更少", "Old customers need less help from customer service"),
     "D": bilingual("老客户更愿意向朋友推荐",
                "Old customers are more willing to recommend the shop to friends")},
    {"A": bilingual("这是留住老客户的理由: 评价好、退货少, 店铺评分高、损耗少。",
                "This is a reason: better ratings and fewer returns mean a better shop rating "
                "and fewer losses."),
     "C": bilingual("这是留住老客户的理由: 老客户熟悉店铺, 占用的客服时间更少。",
                "This is a reason: old customers know the shop and need less staff time."),
     "D": bilingual("这是留住老客户的理由: 口碑会带来新客户。",
                "This is a reason: word of mouth brings new customers.")}))
def q4():
    return "B"


@exercise(Choice(
    {"A": bilingual("店里最贵的数码产品, 客单价越高越好",
                "The shop's most expensive digital product: the higher the ticket, the better"),
     "B": bilingual("一件 80-100 元左右、和零食相关的商品",
                "A product of about 80-100 yuan related to snacks"),
     "C": bilingual("什么都不推荐, 等他自己回来",
                    "Nothing: wait until they come back by themselves"),
     "D": bilingual("提升度最高的那件商品, 不管有几位客户买过",
                "The product with the highest lift, however few customers bought it")},
    {"A": bilingual("价格离他的首单太远, 也不是他买过的品类: 第二单更可能落在首单金额附近。",
                "Far from their first ticket and not a category they bought: a second order is "
                "more likely near the first ticket."),
     "C": bilingual("课程建议大约每 15 天关怀一次新客户, 并按首单金额推荐商品;"
                " 干等只会让他变成一次性客户。",
                "The lesson says to care for new customers about every 15 days and suggest "
                "products near the first ticket; waiting turns them into one-time buyers."),
     "D": bilingual("背后只有几位客户的提升度可能只是巧合, 还要看置信度和人数。",
                "A lift behind only a few customers can be chance; look at confidence and at the "
                "number of customers too.")}))
def q5():
    return "B"
