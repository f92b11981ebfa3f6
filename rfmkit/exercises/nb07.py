"""Self-check exercises for notebook 07, new customers and product preferences
(新客户客单价分析, 新老客户占比, 客户产品喜好分析, 客户档案自定义属性).

q1 and q3 ask the student to write pandas (times each customer bought coffee beans, buyers per
category), q2 turns q1 into a custom attribute, q4-q5 are business judgements with feedback on
every wrong option (why keep old customers, what to suggest to a new customer).
"""

from rfmkit.exercises import Choice, Count, Frame, ____, bilingual, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(sort=True), """
zh.question: 在 2026-01-01 到 2026-06-10 之间 (含首尾), 每位客户买了几次咖啡豆 (P019)?
    只算金额为正的订单行, 一张订单算一次。写出一个 Series: 客户ID 作索引, 次数作值。
zh.hint: 先用比较挑出行: (orders["product_id"] == "P019") & (orders["amount"] > 0) &
    (orders["order_date"] >= "2026-01-01") & (orders["order_date"] <= "2026-06-10");
    再 groupby("customer_id")["order_id"].nunique()。
zh.takeaway: 挑行 + groupby + nunique, 就是 E店宝"购买选定商品至少 min 次"这条规则的核心。
zh.revisit: 检查商品 (P019)、两端日期都包含、只要金额为正的行; 数的是不同的订单 (nunique),
    不是订单行数 (size)。
en.question: Between 2026-01-01 and 2026-06-10 (both included), how many times did each customer
    buy coffee beans (P019)? Count only order lines with a positive amount, one order once. Build
    a Series: customer IDs as the index, times as the values.
en.hint: Pick the rows with comparisons: (orders["product_id"] == "P019") & (orders["amount"] > 0)
    & (orders["order_date"] >= "2026-01-01") & (orders["order_date"] <= "2026-06-10"); then
    groupby("customer_id")["order_id"].nunique().
en.takeaway: Picking rows, groupby and nunique are the core of E店宝's rule "bought the chosen
    products at least min times".
en.revisit: Check the product (P019), both dates included, positive amounts only; count distinct
    orders (nunique), not order lines (size).
""")
def q1():
    from rfmkit.data import load_orders

    orders = load_orders()
    bought = orders[(orders["product_id"] == "P019") & (orders["amount"] > 0)
                    & (orders["order_date"] >= "2026-01-01")
                    & (orders["order_date"] <= "2026-06-10")]
    return bought.groupby("customer_id")["order_id"].nunique().rename("purchases")


@exercise(Count(), """
zh.question: 接着第 1 题: 自定义属性"咖啡常客"给这段时间至少买了 2 次咖啡豆的客户。
    有多少位客户得到这个属性?
zh.hint: 把第 1 题的 Series 叫 times, 数一数 (times >= 2) 里有几个 True: (times >= 2).sum()。
    也可以用 preferences.tag_customers(orders, ["P019"], "2026-01-01", "2026-06-10",
    min_times=2, tag="咖啡常客") 核对。
zh.takeaway: 自定义属性把"买过什么、买了几次"记在客户档案里, 之后可以按属性找人、发新品通知。
zh.revisit: 至少 2 次是 >= 2, 不是 > 2; 数的是客户, 不是订单。
en.question: Following question 1: the custom attribute "coffee regular" goes to customers who
    bought coffee beans at least 2 times in that period. How many customers get it?
en.hint: Call question 1's Series times and count the True values of (times >= 2):
    (times >= 2).sum(). Check with preferences.tag_customers(orders, ["P019"], "2026-01-01",
    "2026-06-10", min_times=2, tag="coffee regular").
en.takeaway: A custom attribute keeps "what they bought and how often" in the customer record, so
    the shop can find those customers later, e.g. for a new-product notice.
en.revisit: At least 2 is >= 2, not > 2; count customers, not orders.
""")
def q2():
    from rfmkit.data import load_orders

    orders = load_orders()
    bought = orders[(orders["product_id"] == "P019") & (orders["amount"] > 0)
                    & (orders["order_date"] >= "2026-01-01")
                    & (orders["order_date"] <= "2026-06-10")]
    times = bought.groupby("customer_id")["order_id"].nunique()
    return (times >= 2).sum()


@exercise(Frame(sort=True), """
zh.question: 截至课程日期 (COURSE_ASOF), 每个品类有多少位不同的客户买过 (只算金额为正的订单行)?
    写出一个 Series: 品类代码作索引。
zh.hint: lines = orders[(orders["order_date"] <= COURSE_ASOF) & (orders["amount"] > 0)];
    lines.merge(products[["product_id", "category"]], on="product_id") 把品类接上;
    再 groupby("category")["customer_id"].nunique()。
zh.takeaway: merge 把两张表按商品ID 接起来, groupby + nunique 数出每个品类的客户:
    客户产品喜好分析就是从这样的表开始的。
zh.revisit: 数的是不同的客户 (nunique), 不是订单行; 只要课程日期之前、金额为正的行。
en.question: Up to the course date (COURSE_ASOF), how many different customers bought in each
    category (order lines with a positive amount only)? Build a Series with the category codes as
    the index.
en.hint: lines = orders[(orders["order_date"] <= COURSE_ASOF) & (orders["amount"] > 0)];
    lines.merge(products[["product_id", "category"]], on="product_id") adds the category; then
    groupby("category")["customer_id"].nunique().
en.takeaway: merge joins two tables on the product ID, and groupby + nunique counts the customers
    of each category: product preference analysis starts from a table like this.
en.revisit: Count different customers (nunique), not order lines; keep only lines up to the course
    date with a positive amount.
""")
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
                "This is a reason: word of mouth brings new customers.")}), """
zh.question: 下面哪一条不是留住老客户的理由? 答一个字母。
zh.hint: 回到"为什么要留住老客户"那张表: 只买爆款的是新客户还是老客户?
zh.takeaway: 新客户多半只买爆款; 老客户上新时买得更快, 每单买得更多。
zh.revisit: 逐条对照那张表, 找出把新客户的特点安到老客户身上的那一条。
en.question: Which of these is not a reason to keep old customers? Answer with a letter.
en.hint: Go back to the table "Why keep old customers": who buys mostly the best-sellers, new or
    old customers?
en.takeaway: New customers mostly buy the best-sellers; old customers buy new products sooner and
    more items per order.
en.revisit: Hold each option against that table and find the one that gives old customers a trait
    of new ones.
""")
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
                "number of customers too.")}), """
zh.question: 一位新客户 10 天前第一次下单, 花了 89 元, 买的是零食。
    给他的第一条关怀短信最好推荐什么? 答一个字母。
zh.hint: 新客户客单价分析的用法: 推荐价格接近首单金额的商品。
zh.takeaway: 新客户关怀看两样: 首单金额 (推荐价格相近的商品) 和首单买了什么 (推荐相关的商品)。
zh.revisit: 想一想哪个选项既贴近 89 元, 又和他买过的东西有关。
en.question: A new customer ordered for the first time 10 days ago: 89 yuan of snacks. What should
    the first care SMS suggest? Answer with a letter.
en.hint: What the new-customer ticket analysis is for: suggest products priced near the first
    ticket.
en.takeaway: New-customer care looks at two things: the first ticket (suggest a similar price) and
    what they bought (suggest something related).
en.revisit: Which option is close to 89 yuan and related to what they bought?
""")
def q5():
    return "B"
