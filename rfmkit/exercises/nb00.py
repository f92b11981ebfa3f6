"""Self-check exercises for notebook 00, start here (the shop and its data)."""

from rfmkit.exercises import Count, Number, ____, exercise

__all__ = ["q1", "q2", "q3", "____"]


@exercise(Count(), """
zh.question: 店铺的订单数据 (load_orders()) 里一共有多少位不同的顾客?
zh.hint: 每一行是一个订单行, 同一位顾客会出现很多次; orders["customer_id"].nunique()
    数的是不同的顾客ID。
zh.takeaway: 一行不等于一位顾客: 分析客户价值之前, 先弄清楚一行数据代表什么。
zh.revisit: 数的是不同的顾客ID (nunique), 不是订单行数 len(orders)。
en.question: How many different customers are in the shop's orders (load_orders())?
en.hint: Each row is one order line and a customer appears many times;
    orders["customer_id"].nunique() counts the different customer IDs.
en.takeaway: A row is not a customer: before analysing customer value, know what one row of the
    data stands for.
en.revisit: Count the different customer IDs (nunique), not the order lines (len(orders)).
""")
def q1():
    from rfmkit.data import load_orders

    orders = load_orders()
    return orders["customer_id"].nunique()


@exercise(Count(), """
zh.question: 订单数据里有多少个不同的订单号? (一个订单可以有好几行, 退款也有自己的订单号, 以 R
    开头。)
zh.hint: 和上一题一样, 只是换成 order_id 这一列: orders["order_id"].nunique()。
zh.takeaway: 一个订单可以包含好几件商品; 数订单要数订单号, 不是数行。
zh.revisit: 数的是 order_id 的不同取值, 包括以 R 开头的退款单。
en.question: How many different order IDs are in the orders? (An order can have several lines, and
    refunds have their own order IDs starting with R.)
en.hint: Like the last question, with the order_id column: orders["order_id"].nunique().
en.takeaway: One order can hold several products: count orders by their IDs, not by rows.
en.revisit: Count the different values of order_id, refunds (starting with R) included.
""")
def q2():
    from rfmkit.data import load_orders

    orders = load_orders()
    return orders["order_id"].nunique()


@exercise(Number(0.005, unit="yuan"), """
zh.question: 两年里店铺的净销售额 (所有 amount 相加, 退款是负数会自动减掉) 是多少元? 精确到分。
zh.hint: orders["amount"].sum() 把所有订单行的金额相加; 用 round(..., 2) 保留两位小数。
zh.takeaway: 退款行的金额是负数, 所以直接把所有金额相加, 得到的就是扣除退款后的净销售额。
zh.revisit: 把 amount 这一列全部相加 (包括退款的负数), 不要只加正数。
en.question: What is the shop's net revenue over the two years (all amounts added up; refunds are
    negative, so they subtract), in yuan, to the cent?
en.hint: orders["amount"].sum() adds up every order line; round(..., 2) keeps two decimals.
en.takeaway: Refund lines have negative amounts, so a plain sum is the net revenue.
en.revisit: Add up the whole amount column, refunds (negative) included, not only the positive
    lines.
""")
def q3():
    from rfmkit.data import load_orders

    orders = load_orders()
    return round(orders["amount"].sum(), 2)
