"""Self-check exercises for notebook 03, the customer pyramid (客户金字塔)."""

from rfmkit.exercises import Number, ____, exercise
from rfmkit.exercises._kinds import Choice, Frame

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(sort=True))
def q1():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    tiers = rk.pyramid_tiers(table["monetary"])
    return table["monetary"].groupby(tiers["tier"]).sum().rename("revenue")


@exercise(Frame(sort=True))
def q2():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    tiers = rk.pyramid_tiers(table["monetary"])
    revenue = table["monetary"].groupby(tiers["tier"]).sum()
    revenue = revenue.reindex(["gold", "silver", "bronze", "iron"])
    return (revenue.cumsum() / revenue.sum() * 100).rename("cumulative_share")


@exercise(Choice(
    {
        "A": {"zh": "关键客户 (金质 + 银质), 正好 600 位",
              "en": "the key customers (gold + silver), exactly 600"},
        "B": {"zh": "铁质客户中的 600 位, 因为他们最需要帮助",
              "en": "600 of the iron customers, because they need help most"},
        "C": {"zh": "随机抽 600 位客户, 对每个人都公平",
              "en": "600 customers drawn at random, to be fair to everyone"},
        "D": {"zh": "只打给 30 位金质客户, 每位多打几次",
              "en": "only the 30 gold customers, several calls each"},
    },
    {
        "B": {"zh": "铁质客户占一半人数, 销售额却很少; 电话是费时的服务, "
                    "分级正是为了降低服务低价值客户的"
                    "成本, 他们更适合群发消息之类的低成本方式。",
              "en": "Iron is half of the customers but brings little revenue. A call is a costly "
                    "service; tiering exists to lower the cost of serving low-value customers, who "
                    "suit low-cost messages better."},
        "C": {"zh": "随机抽取等于不分级: 资源有限、客户价值不同, "
                    "平均分配会把电话浪费在贡献很少的客户身上。",
              "en": "Drawing at random is not tiering at all: with limited resources and customers "
                    "of different value, spreading the calls evenly wastes them on customers who "
                    "bring little."},
        "D": {"zh": "金质客户当然要打, 但银质客户贡献的销售额比金质还多; 只打 30 位、反复打, "
                    "既浪费了大部分时间, 也冷落了关键客户中的大多数。",
              "en": "Gold must be called, but silver brings even more revenue than gold; calling "
                    "only 30 customers again and again wastes most of the time and leaves most "
                    "key customers out."},
    },
))
def q3():
    return "A"


@exercise(Number(0.1, decimals=1))
def q4():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    deciles = rk.decile_table(table["monetary"])
    return round(deciles["average"].iloc[0] / deciles["average"].iloc[-1], 1)


@exercise(Choice(
    {
        "A": {"zh": "巩固与高价值客户的关系", "en": "strengthen the ties with high-value "
                    "customers"},
        "B": {"zh": "降低服务低价值客户的成本", "en": "lower the cost of serving low-value "
                    "customers"},
        "C": {"zh": "找出低价值客户, 从此不再为他们提供任何服务",
              "en": "find the low-value customers and stop serving them at all"},
        "D": {"zh": "让全体客户得到最大利益, 企业获得最大利润",
              "en": "give all customers the most benefit and the firm the most profit"},
    },
    {
        "A": {"zh": "这正是分级的目的之一: 把有限的资源先用在高价值客户身上, 巩固关系。",
              "en": "This is one of the aims: spend scarce resources on high-value customers "
                    "first and strengthen those ties."},
        "B": {"zh": "这也是分级的目的之一: 低价值客户仍要服务, 只是用成本更低的方式。",
              "en": "This is one of the aims too: low-value customers are still served, only at a "
                    "lower cost."},
        "D": {"zh": "这是分级的最终目的: 每一层都得到适合自己的服务, 企业的利润也最大。",
              "en": "This is the final aim of tiering: each tier gets the service that fits it, "
                    "and the firm's profit is largest."},
    },
))
def q5():
    return "C"
