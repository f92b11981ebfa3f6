"""Self-check exercises for notebook 07, new customers and product preferences
(新客户客单价分析, 新老客户占比, 客户产品喜好分析, 客户档案自定义属性)."""

from rfmkit.data import load_products
from rfmkit.exercises import Count, Number, Text, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Count(), """
zh.question: 新客户 = 首次购买在 COURSE_ASOF 之前 90 天内 (since = COURSE_ASOF - 90
    天)的顾客。用默认的价格区间, 有多少位新客户的首单金额落在 [100, 200) 元这个区间?
zh.hint: bands = first_order_bands(orders, asof=COURSE_ASOF, since=COURSE_ASOF -
    pd.Timedelta(days=90)); 找到 ticket_band 等于 "[100, 200)" 的那一行的 customers。
zh.takeaway: 知道新客户第一单通常花多少钱, 就能给他们推荐价格相近的商品, 第二单更容易成交。
zh.revisit: 检查 since 是 COURSE_ASOF 往前 90 天; 区间包含下限 100, 不包含上限 200; 数的是顾客,
    不是订单行。
en.question: New customers = customers whose first purchase is within the 90 days before
    COURSE_ASOF (since = COURSE_ASOF - 90 days). With the default price bands, how many new
    customers have a first order in the band [100, 200) yuan?
en.hint: bands = first_order_bands(orders, asof=COURSE_ASOF, since=COURSE_ASOF -
    pd.Timedelta(days=90)); read customers in the row whose ticket_band is "[100, 200)".
en.takeaway: Knowing what new customers spend on their first order lets the shop suggest products
    at a similar price, which makes a second order easier.
en.revisit: Check that since is 90 days before COURSE_ASOF; the band includes 100 and excludes 200;
    count customers, not order lines.
""")
def q1():
    import pandas as pd

    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.preferences import first_order_bands

    since = COURSE_ASOF - pd.Timedelta(days=90)
    bands = first_order_bands(load_orders(), asof=COURSE_ASOF, since=since)
    return bands.loc[bands["ticket_band"] == "[100, 200)", "customers"].iloc[0]


def _product_names(product_id: str) -> list[str]:
    """Every accepted spelling of a product: its id and its name in both languages."""
    products = load_products()
    row = products[products["product_id"] == product_id]
    names = [*row["name"], *row["name_zh"]]
    # "Face Serum (P021)" or "P021 Face Serum": the name and the ID together, as tables show them
    both = [f"{n} {product_id}" for n in names] + [f"{product_id} {n}" for n in names]
    return [product_id, *names, *both]


@exercise(Text(aliases=_product_names, example="P001"), """
zh.question: 用 co_occurrence(orders, min_support=0.005, asof=COURSE_ASOF)
    找出经常被同一批顾客购买的商品。买过口红 (P020) 的顾客, 哪一种商品的提升度 (lift) 最高?
    写出商品ID 或商品名称。
zh.hint: pairs = co_occurrence(...); cross_sell(pairs, products, "P020") 按提升度从高到低列出;
    取第一行的 product_id。
zh.takeaway: 提升度大于 1 说明两种商品一起买的次数比偶然更多: 这就是关联营销 (交叉销售) 的依据。
zh.revisit: 看的是 item_a = P020 的配对 (口红 → 其他商品), 按 lift 排序, 不是按 support
    或人数排序。
en.question: co_occurrence(orders, min_support=0.005, asof=COURSE_ASOF) finds products bought by
    the same customers. For buyers of Lipstick (P020), which product has the highest lift? Give its
    product ID or name.
en.hint: pairs = co_occurrence(...); cross_sell(pairs, products, "P020") lists them by lift,
    highest first; take the product_id of the first row.
en.takeaway: A lift above 1 means two products are bought together more often than chance: the
    basis for cross-selling (关联营销).
en.revisit: Look at the pairs with item_a = P020 (lipstick -> another product), ranked by lift, not
    by support or by customers.
""")
def q2():
    from rfmkit.data import COURSE_ASOF, load_orders, load_products
    from rfmkit.preferences import co_occurrence, cross_sell

    pairs = co_occurrence(load_orders(), min_support=0.005, asof=COURSE_ASOF)
    return cross_sell(pairs, load_products(), "P020")["product_id"].iloc[0]


@exercise(Count(), """
zh.question: 给顾客打一个自定义标签 "咖啡常客": 在 2026-01-01 到 2026-06-10 之间 (含首尾两天) 至少
    2 次购买了咖啡豆 (P019)。有多少位顾客得到这个标签?
zh.hint: tag_customers(orders, ["P019"], "2026-01-01", "2026-06-10", min_times=2, tag="咖啡常客")
    返回打上标签的顾客, 每人一行; 用 len(...)。
zh.takeaway: 自定义标签把"买过什么、买了几次"记在客户档案里, 之后可以按标签找人、发新品通知。
zh.revisit: 检查商品是 P019, 日期从 2026-01-01 到 2026-06-10, 至少 2 次 (min_times=2, 没有上限);
    一个订单只算一次。
en.question: Give customers a custom tag "coffee regular": they bought Coffee Beans (P019) at least
    2 times between 2026-01-01 and 2026-06-10 (both days included). How many customers get the tag?
en.hint: tag_customers(orders, ["P019"], "2026-01-01", "2026-06-10", min_times=2, tag="coffee
    regular") returns one row per tagged customer; use len(...).
en.takeaway: Custom tags keep "what they bought and how often" in the customer record, so the shop
    can find them later, e.g. for a new-product notice.
en.revisit: Check the product (P019), the dates (2026-01-01 to 2026-06-10) and at least 2 times
    (min_times=2, no upper limit); an order counts once.
""")
def q3():
    from rfmkit.data import load_orders
    from rfmkit.preferences import tag_customers

    tags = tag_customers(load_orders(), ["P019"], "2026-01-01", "2026-06-10", min_times=2,
                         tag="coffee regular")
    return len(tags)


@exercise(Number(0.05, unit="percent", decimals=1, percent=True), """
zh.question: 2026 年 5 月购买的顾客里, 新客户 (这个月第一次购买) 占百分之几? 保留一位小数。
zh.hint: table = new_vs_returning(orders, asof=COURSE_ASOF) 每月一行; 找到 period_start 等于
    2026-05-01 的那一行的 new_share。
zh.takeaway: 新老客户占比每月都在变: 老客户占多数的店铺更稳定, 但也需要新客户不断补充。
zh.revisit: 看的是 2026 年 5 月这一行, 读的是新客户占比 (new_share), 不是新客户人数; 答案是百分数。
en.question: Among the customers who bought in May 2026, what percentage were new (their first
    purchase ever)? One decimal.
en.hint: table = new_vs_returning(orders, asof=COURSE_ASOF) has one row per month; read new_share
    in the row whose period_start is 2026-05-01.
en.takeaway: The new/returning mix moves from month to month: a shop where returning customers are
    the majority is steadier, but it still needs a stream of new ones.
en.revisit: Use the May 2026 row and read the new customers' share (new_share), not their number;
    the answer is a percentage.
""")
def q4():
    import pandas as pd

    from rfmkit.data import COURSE_ASOF, load_orders
    from rfmkit.preferences import new_vs_returning

    table = new_vs_returning(load_orders(), asof=COURSE_ASOF)
    return table.loc[table["period_start"] == pd.Timestamp("2026-05-01"), "new_share"].iloc[0]


def _income_band_names(band: str) -> list[str]:
    """Other ways to write an income band (e.g. 9001+ as 9001 以上 / 9001 or more)."""
    names = [band, f"{band} yuan", f"{band}元"]
    if band.endswith("+") and band[:-1].isdigit():
        digits = band[:-1]
        below = int(digits) - 1  # 9001+ is also "over 9000" / "9000+"
        names += [digits, f"{digits}以上", f"{digits} or more", f">{below}", f"{below}+",
                  f"over {below}", f"more than {below}", f"above {below}"]
    return names


@exercise(Text(aliases=_income_band_names, example="3001-6000"), """
zh.question: 按课程六类法, 重要挽留客户 (win_back, R↑F↑M↑) 的会员画像和全体会员相比,
    哪一个月收入区间 (income_band) 的占比高出最多? 写出区间, 例如 3001-6000。
zh.hint: ids = segments.index[segments["segment"] == "win_back"]; profile =
    segment_profile(members, ids); 在 field 等于 "income_band" 的行里找
    difference_pct_points 最大的 value。
zh.takeaway: 画像告诉我们一类客户是谁: 收入、年龄、渠道; 但小组里几个百分点的差别可能只是偶然,
    要结合人数来看。
zh.revisit: 分组用均值比较法和课程六类法, 组是 win_back; 只看 income_band 这一个字段, 比较的是差值
    (本组占比 - 全体占比), 不是本组占比本身。
en.question: With the lesson's six types, compare the member profile of the "important: win back"
    customers (win_back, R↑F↑M↑) with all members: which monthly income band (income_band) is
    over-represented the most? Write the band, e.g. 3001-6000.
en.hint: ids = segments.index[segments["segment"] == "win_back"]; profile =
    segment_profile(members, ids); among the rows whose field is "income_band", take the value with
    the largest difference_pct_points.
en.takeaway: A profile says who a group is: income, age, channel; but a few points' difference in a
    small group can be chance, so look at the counts too.
en.revisit: Group with the mean rule and the lesson's six types and take win_back; look only at the
    income_band field and compare the difference (group share - all share), not the group's share
    itself.
""")
def q5():
    from rfmkit import rfm_segments, rfm_table
    from rfmkit.data import COURSE_ASOF, load_members, load_orders
    from rfmkit.preferences import segment_profile

    segments = rfm_segments(rfm_table(load_orders(), COURSE_ASOF))
    ids = segments.index[segments["segment"] == "win_back"]
    profile = segment_profile(load_members(), ids)
    income = profile[profile["field"] == "income_band"]
    return income.loc[income["difference_pct_points"].idxmax(), "value"]
