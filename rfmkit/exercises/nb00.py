"""Self-check exercises for notebook 00, start here (the shop and its data)."""

from rfmkit.exercises import Choice, Count, Frame, Number, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Count(), """
zh.question: 店铺的订单数据 (load_orders()) 里一共有多少位不同的客户?
zh.hint: 每一行是一个订单行, 同一位客户会出现很多次; orders["customer_id"].nunique()
    数的是不同的客户ID。
zh.takeaway: 一行不等于一位客户: 分析客户价值之前, 先弄清楚一行数据代表什么。
zh.revisit: 数的是不同的客户ID (nunique), 不是订单行数 len(orders)。
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


@exercise(Frame(), """
zh.question: 筛选出退款行 (amount 小于 0 的行), 答案是一张表 (DataFrame), 保留所有列。
zh.hint: 比较 orders["amount"] < 0 得到一列 True/False; 把它放进方括号里筛选:
    orders[orders["amount"] < 0]。
zh.takeaway: "比较得到 True/False, 再用它筛选行" 是 pandas 里最常用的一招, 后面给客户打 ↑/↓
    标记也是这样做的。
zh.revisit: 条件是金额小于 0 (退款是负数, 不是大于 0); 筛选的是整行, 不只是 amount 一列。
en.question: Filter the refund rows (amount below 0): your answer is a table (DataFrame) with all
    its columns.
en.hint: orders["amount"] < 0 gives a column of True/False; put it in square brackets to filter:
    orders[orders["amount"] < 0].
en.takeaway: "Compare to get True/False, then filter with it" is pandas' most common move; the ↑/↓
    flags of lesson 02 are made the same way.
en.revisit: The condition is amount below 0 (refunds are negative, not above 0); keep whole rows,
    not only the amount column.
""")
def q2():
    from rfmkit.data import load_orders

    orders = load_orders()
    return orders[orders["amount"] < 0]


@exercise(Frame(sort=True), """
zh.question: 每种商品出现在多少条订单明细里? 答案是一个 Series: 索引是商品编号 (product_id),
    值是行数。
zh.hint: 取出 product_id 这一列, 再用 .value_counts(): orders["product_id"].value_counts()。
zh.takeaway: value_counts 一步就数出每个值出现的次数: 哪些商品卖得最多, 一眼就能看出。
zh.revisit: 数的是 product_id 这一列每个值的行数 (value_counts), 不是不同值的个数 (nunique)。
en.question: In how many order lines does each product appear? Your answer is a Series indexed by
    product ID (product_id), with the number of rows.
en.hint: Take the product_id column and call .value_counts(): orders["product_id"].value_counts().
en.takeaway: value_counts counts every value in one step: the best-selling products stand out at
    once.
en.revisit: Count the rows of each value of product_id (value_counts), not how many different
    values there are (nunique).
""")
def q3():
    from rfmkit.data import load_orders

    orders = load_orders()
    return orders["product_id"].value_counts()


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
    }), """
zh.question: 课程为什么用固定的截止日期 rk.COURSE_ASOF, 而不用电脑上的 "今天"?
zh.hint: 想一想 R 是怎么算的: 从客户最后一次购买, 数到哪一天?
zh.takeaway: 分析一定要写明截止日期: 同样的数据、同样的截止日, 任何人都能复查出同样的结果。
zh.revisit: R = 截止日 - 最后一次购买日。截止日不同会怎样?
en.question: Why does the course use a fixed as-of date, rk.COURSE_ASOF, instead of the computer's
    "today"?
en.hint: Think of how R is computed: from the customer's last purchase up to which day?
en.takeaway: An analysis states its as-of date: the same data and the same date let anyone check
    the same results.
en.revisit: R = as-of date - last purchase date. What happens when the as-of date differs?
""")
def q5():
    return "A"
