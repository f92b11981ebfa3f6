"""Self-check exercises for notebook 09, the capstone (综合实训).

The exercises use the bundled second shop (``rfmkit.shop2_orders_path()``), so that they can be
checked whatever data a student analyses above them. q1-q3 ask the student to write the pandas
(Frame), q4 and q5 are judgements (Choice). The checks that run on any data are in
``rfmkit.capstone``.
"""

from rfmkit.exercises import Choice, Frame, ____, exercise

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


@exercise(Choice(
    {"A": {"zh": "重要挽留客户: 他们以前常来、花得多, 最近却不来了, 值得专人电话问原因。",
           "en": "Important customers to win back: they used to come often and spend a lot, "
                 "then went quiet; worth a personal call to ask why."},
     "B": {"zh": "无价值客户: 他们人数最多, 打电话能覆盖更多人。",
           "en": "No-value customers: they are the largest group, so calls reach more people."},
     "C": {"zh": "重要维护客户: 他们最近刚买过, 最需要挽回。",
           "en": "Important customers to maintain: they bought recently, so they need winning "
                 "back most."},
     "D": {"zh": "所有客户都打, 一视同仁最公平。",
           "en": "Call every customer: treating all alike is fairest."}},
    {"B": {"zh": "课程说无价值客户不必维持关系: 低成本群发即可; "
                 "电话是昂贵的专人服务, 用在他们身上不值得。",
           "en": "The lesson says the firm need not keep up relationships with no-value "
                 "customers: low-cost group messages only; a call is costly personal service."},
     "C": {"zh": "重要维护客户最近刚买过 (R↓), 并没有流失; 要做的是保持, 而不是挽回。",
           "en": "Customers to maintain bought recently (R↓): they have not left; keep them, "
                 "there is nothing to win back."},
     "D": {"zh": "资源有限, 客户价值不同: 这正是要给客户分级、区别对待的原因。",
           "en": "Resources are limited and customers differ in value: that is why customers "
                 "are tiered and treated differently."}}))
def q4():
    return "A"


@exercise(Choice(
    {"A": {"zh": "有些客户没有被分进任何组, 比如分组时用的是筛选过的客户表; "
                 "回到分组那一步重新算。",
           "en": "Some customers were left out of the grouping, e.g. it was run on a filtered "
                 "table; go back to the grouping step and redo it."},
     "B": {"zh": "金额四舍五入造成的误差, 可以忽略。",
           "en": "Rounding of the amounts; it can be ignored."},
     "C": {"zh": "文件里有被拒收的行, 这很正常, 不用管。",
           "en": "The file had rejected rows; that is normal and needs nothing."},
     "D": {"zh": "把 expected 改成实际的人数, 检查就通过了。",
           "en": "Change expected to the number found and the check passes."}},
    {"B": {"zh": "人数是整数, 和金额的四舍五入无关: 少了的就是没有组的客户。",
           "en": "Head counts are whole numbers and have nothing to do with rounding money: "
                 "missing people are customers without a group."},
     "C": {"zh": "被拒收的行在读入时就去掉了, 不会进入客户表; 客户表里的每个人都应该有组。",
           "en": "Rejected rows are dropped when reading and never reach the customer table; "
                 "everyone in that table must have a group."},
     "D": {"zh": "检查是为了发现错误, 不是为了通过: 改掉期望值只会把错误藏起来。",
           "en": "A check is there to find a mistake, not to be passed: changing what is "
                 "expected only hides the mistake."}}))
def q5():
    return "A"
