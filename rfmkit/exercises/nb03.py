"""Self-check exercises for notebook 03, the customer pyramid (客户金字塔)."""

from rfmkit.exercises import Number, ____, exercise
from rfmkit.exercises._kinds import Choice, Frame

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Frame(sort=True), """
zh.question: 用 rk.pyramid_tiers 的分层, 算出每一层客户的销售额合计: 一个以层级为索引的 Series。
zh.hint: 按 tiers["tier"] 给 table["monetary"] 分组再求和:
    table["monetary"].groupby(tiers["tier"]).sum()。
zh.takeaway: groupby(...).sum() 是“按组加总”的万能写法: 换成客户类型、生命周期阶段也一样用。
zh.revisit: 加总的应该是消费金额 monetary (不是 frequency, 也不是人数), 分组依据是 tiers["tier"]。
en.question: With the tiers from rk.pyramid_tiers, compute each tier's total revenue: a Series
    indexed by tier.
en.hint: Group table["monetary"] by tiers["tier"] and sum:
    table["monetary"].groupby(tiers["tier"]).sum().
en.takeaway: groupby(...).sum() is the general way to total by group: it works the same for
    segments or lifecycle stages.
en.revisit: Add up the spend, monetary (not frequency, not a count of customers), grouped by
    tiers["tier"].
""")
def q1():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    tiers = rk.pyramid_tiers(table["monetary"])
    return table["monetary"].groupby(tiers["tier"]).sum().rename("revenue")


@exercise(Frame(sort=True), """
zh.question: 从塔尖往下, 各层的累计销售额占比是多少 (%)? 金质一行是金质自己的占比, 银质一行是金质 +
    银质,
    依此类推, 铁质一行为 100。
zh.hint: 先算各层销售额 revenue (练习 1), 按 ["gold", "silver", "bronze", "iron"] 的顺序 reindex,
    再 revenue.cumsum() / revenue.sum() * 100。
zh.takeaway: cumsum 的结果取决于顺序: 从塔尖往下累加, 读出的就是“前多少客户贡献了多少销售额”。
zh.revisit: 先把层级排成 金质→银质→铜质→铁质 再 cumsum (groupby 默认按字母排, 顺序不对);
    除以的是全部销售额, 再乘 100。
en.question: From the top down, what is each tier's cumulative share of revenue, in %? The gold row
    is gold's own share, silver's is gold + silver, and so on; iron's is 100.
en.hint: Take each tier's revenue (exercise 1), reindex it to ["gold", "silver", "bronze", "iron"],
    then revenue.cumsum() / revenue.sum() * 100.
en.takeaway: A cumsum depends on the order: added up from the top down, it reads "the first so many
    customers bring so much revenue".
en.revisit: Put the tiers in the order gold → silver → bronze → iron before the cumsum (groupby
    sorts
    them alphabetically); divide by the total revenue and multiply by 100.
""")
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
), """
zh.question: 618 前小慧只有 600 次电话回访的时间。她应该打给谁?
zh.hint: 看 tier_summary 里关键客户那一行: 600 位客户带来了多少销售额? 再想想分级的三个目的。
zh.takeaway: 有限的一对一服务先给关键客户; 铁质客户用低成本的方式保持联系。
zh.revisit: 回到“为什么要给客户分级？”那张表, 以及 tier_summary 里各层的销售额占比。
en.question: Before 618 Xiaohui has time for 600 revisit calls. Whom should she call?
en.hint: Look at the key row of tier_summary: how much revenue do those 600 customers bring? Then
    recall the three aims of tiering.
en.takeaway: Scarce one-to-one service goes to the key customers first; iron customers are kept in
    touch with by low-cost means.
en.revisit: Go back to the table "Why put customers into tiers?" and to each tier's share of
    revenue in tier_summary.
""")
def q3():
    return "A"


@exercise(Number(0.1, decimals=1), """
zh.question: 在十分位表里, 第 1 组的人均消费是第 10 组的多少倍?
    保留一位小数。(山姆会员店案例里大约是
    80 倍。)
zh.hint: deciles = rk.decile_table(table["monetary"]); 用第一行的 average 除以最后一行的 average:
    deciles["average"].iloc[0] / deciles["average"].iloc[-1], 再 round(..., 1)。
zh.takeaway: 最上面一组和最下面一组差了上百倍: 同样的促销对两组的意义完全不同。
zh.revisit: 分组时按消费金额从高到低排, 第 1 组是花得最多的; 用的是人均 (average), 不是组合计
    (total); 不要用带合计行的表的最后一行。
en.question: In the decile table, group 1's average spend is how many times group 10's? Give it to
    one decimal. (In the Sam's Club case it is about 80.)
en.hint: deciles = rk.decile_table(table["monetary"]); divide the first row's average by the last
    row's: deciles["average"].iloc[0] / deciles["average"].iloc[-1], then round(..., 1).
en.takeaway: The top and bottom groups are more than a hundred times apart: the same promotion
    means something very different to each.
en.revisit: Groups run from the largest spend down, so group 1 spends most; use the average per
    customer, not the group total, and not the last row of a table with a total row.
""")
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
), """
zh.question: 下面哪一条不是给客户分级的理由?
zh.hint: 分级是为了给每一层花恰当的成本, 而不是把某一层赶走。
zh.takeaway: 分级不等于抛弃: 铁质客户依然是客户, 只是服务方式更省成本。
zh.revisit: 回到“为什么要给客户分级？”一节, 找出分级的三个目的。
en.question: Which of these is not a reason for tiering customers?
en.hint: Tiering spends the right cost on each tier; it does not drive a tier away.
en.takeaway: Tiering is not dropping customers: iron customers are still customers, served in a
    cheaper way.
en.revisit: Go back to "Why put customers into tiers?" and find the three aims of tiering.
""")
def q5():
    return "C"
