"""Self-check exercises for notebook 02, RFM groups (Task 2, 客户分组)."""

from rfmkit.exercises import Count, Number, Text, ____, exercise
from rfmkit.rfm import SCHEMES

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


def _classic8_names(name: str) -> list[str]:
    """Every accepted spelling of a classic8 group: its code and its names in both languages."""
    scheme = SCHEMES["classic8"]
    row = scheme[(scheme["name_zh"] == name) | (scheme["name_en"] == name)]
    short_zh = [zh.removesuffix("客户") for zh in row["name_zh"]]  # 重要保持 = 重要保持客户
    return [*row["code"], *row["name_zh"], *short_zh, *row["name_en"]]


_LESSON_WIN_BACK = {
    "zh": "这是课程六类法对 R↑F↑M↑ 的叫法 (重要挽留客户); 在常用八类法里, 同样的名字 "
          "\"重要挽留客户\" 指的是另一个模式 R↑F↓M↑。题目问的是八类法对 R↑F↑M↑ 的叫法。",
    "en": "\"Important: win back\" (重要挽留客户) is the lesson's name for R↑F↑M↑; the 8-class "
          "scheme gives almost the same name, \"important win-back\", to a different pattern, "
          "R↑F↓M↑. The question asks what the 8-class scheme calls R↑F↑M↑.",
}


@exercise(Count(), """
zh.question: 用课程的均值比较法和课程六类法, 课程订单数据 (load_orders(), 截至 COURSE_ASOF)
    里有多少位重要维护客户 (R↓F↑M↑)?
zh.hint: 先用 rfm_table(load_orders(), COURSE_ASOF) 算出每位顾客的 R、F、M, 再用 rfm_segments(...)
    分组 (默认就是均值比较法和课程六类法); 数一数 segment 等于 "maintain" 的行: (groups["segment"]
    == "maintain").sum()。
zh.takeaway: 重要维护客户最近买过、买得多、花得多, 是店铺的核心: 优先服务, 保持现有水平。
zh.revisit: 检查截止日期用的是 COURSE_ASOF, 分界用的是平均值 (不是中位数), 数的是分组代码
    "maintain" (R↓F↑M↑)。
en.question: With the lesson's mean rule and the lesson's six types, how many customers in the
    course orders (load_orders(), as of COURSE_ASOF) are "important: maintain" (重要维护客户,
    R↓F↑M↑)?
en.hint: rfm_table(load_orders(), COURSE_ASOF) gives each customer's R, F and M; rfm_segments(...)
    groups them (the mean rule and the lesson's scheme are the defaults); count the rows whose
    segment is "maintain": (groups["segment"] == "maintain").sum().
en.takeaway: "Important: maintain" customers bought recently, often and a lot: the core of the
    shop, to be served first and kept as they are.
en.revisit: Check that the as-of date is COURSE_ASOF, that the cut is the mean (not the median),
    and that you count the segment code "maintain" (R↓F↑M↑).
""")
def q1():
    from rfmkit import rfm_segments, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    groups = rfm_segments(rfm_table(load_orders(), COURSE_ASOF))
    return (groups["segment"] == "maintain").sum()


@exercise(Number(0.005, unit="yuan"), """
zh.question: 均值比较法里, 消费金额 M 的分界值 (所有顾客 M 的平均值) 是多少元? 精确到分
    (两位小数)。
zh.hint: rfm_table(load_orders(), COURSE_ASOF) 的 monetary 列是每位顾客的消费金额; 对这一列求平均
    .mean(), 再 round(..., 2)。
zh.takeaway: 平均值会被少数大客户拉高, 所以 M↑ 的顾客往往是少数: 这正是"重要"客户的含义。
zh.revisit: 分界值是每位顾客的消费金额的平均 (先按顾客汇总, 再求平均), 不是每个订单行的平均,
    也不是中位数。
en.question: Under the mean rule, what is the cut for monetary M (the average M over all
    customers), in yuan, to the cent?
en.hint: The monetary column of rfm_table(load_orders(), COURSE_ASOF) is each customer's spend;
    take its .mean(), then round(..., 2).
en.takeaway: A few big spenders pull the mean up, so customers with M↑ are usually a minority: that
    is what makes them "important".
en.revisit: The cut is the average of each customer's total spend (sum per customer first, then
    average), not the average order line, nor the median.
""")
def q2():
    from rfmkit import rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    table = rfm_table(load_orders(), COURSE_ASOF)
    return round(table["monetary"].mean(), 2)


@exercise(Text(
        aliases=_classic8_names,
        traps=dict.fromkeys(
            ["重要挽留客户", "important: win back", "win_back", "important win-back",
             "important_winback", "重要挽留"],
            _LESSON_WIN_BACK,
        ),
        example="一般发展客户",
    ), """
zh.question: R↑F↑M↑ 在两种分组方法里名字不同。常用八类法 (classic8) 叫它什么?
zh.hint: rk.localise(scheme_table("classic8")) 列出八类法的每个模式和名字 (以 pattern 为索引);
    找到 R↑F↑M↑ 这一行。不用 localise 时, segment 列是分组代码, rfmkit.labels 里的
    name("segment", 代码) 给出它的名字。
zh.takeaway: 同一群顾客, 两种方法叫法不同: 课程叫"重要挽留", 八类法叫"重要保持";
    汇报时一定要说明用的是哪一种方法。
zh.revisit: 看的是常用八类法 (classic8), 不是课程六类法; 找的是 R↑F↑M↑ 这一行。
en.question: R↑F↑M↑ has different names in the two schemes. What does the common 8-class scheme
    (classic8) call it?
en.hint: rk.localise(scheme_table("classic8")) lists each pattern of the 8-class scheme with its
    name (indexed by pattern); read the R↑F↑M↑ row. Without localise the segment column holds a
    code; name("segment", code) from rfmkit.labels gives its name.
en.takeaway: The same customers get different names: the lesson says "win back", the 8-class scheme
    says "keep"; always say which scheme a table uses.
en.revisit: Look at the common 8-class scheme (classic8), not the lesson's six types, and at the
    R↑F↑M↑ row.
""")
def q3():
    from rfmkit import scheme_table
    from rfmkit.labels import name

    code = scheme_table("classic8").loc["R↑F↑M↑", "segment"]
    return name("segment", code)


@exercise(Count(), """
zh.question: 不用平均值, 改用自定义分界: R 90 天, F 3 次, M 1000 元。按课程六类法,
    有多少位重要挽留客户 (R↑F↑M↑)?
zh.hint: 把 cut={"recency_days": 90, "frequency": 3, "monetary": 1000} 传给 rfm_segments(table,
    cut=...), 再数 segment 等于 "win_back" 的行。
zh.takeaway: 分界值一变, 各组人数就变: 分界要根据店铺的业务来定, 并且在报告里写清楚。
zh.revisit: 检查三个分界值 (90 天、3 次、1000 元) 和字典里的名字 recency_days、frequency、monetary,
    数的是 "win_back" (R↑F↑M↑)。
en.question: Instead of the means, use a custom cut: R 90 days, F 3 orders, M 1000 yuan. With the
    lesson's six types, how many customers are "important: win back" (重要挽留客户, R↑F↑M↑)?
en.hint: Pass cut={"recency_days": 90, "frequency": 3, "monetary": 1000} to rfm_segments(table,
    cut=...), then count the rows whose segment is "win_back".
en.takeaway: Move the cut and the groups change size: choose cuts that fit the shop's business, and
    state them in the report.
en.revisit: Check the three cuts (90 days, 3 orders, 1000 yuan), the names in the dict
    (recency_days, frequency, monetary), and that you count "win_back" (R↑F↑M↑).
""")
def q4():
    from rfmkit import rfm_segments, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    cut = {"recency_days": 90, "frequency": 3, "monetary": 1000}
    groups = rfm_segments(rfm_table(load_orders(), COURSE_ASOF), cut=cut)
    return (groups["segment"] == "win_back").sum()


@exercise(Text(arrows=True, example="R↓F↑M↓"), """
zh.question: 用均值比较法, 人数最多的是哪一种 ↑/↓ 模式? 用箭头写出模式 (例如 R↓F↑M↓; 也可以写 R up
    F down M up)。
zh.hint: rfm_segments(...) 的 pattern 列是每位顾客的模式; .value_counts() 数出每种模式的人数,
    .idxmax() 取出人数最多的那个。
zh.takeaway: 大多数顾客只买过一次, 所以 F↓ 的模式往往人最多: 先想想怎样让他们再来买第二次。
zh.revisit: 要写的是模式的箭头 (R、F、M 各一个箭头), 不是客户类型的名字; R↑ 表示间隔长 (很久没买)。
en.question: Under the mean rule, which ↑/↓ pattern has the most customers? Write the pattern with
    arrows (e.g. R↓F↑M↓; R up F down M up also works).
en.hint: The pattern column of rfm_segments(...) holds each customer's pattern; .value_counts()
    counts each pattern and .idxmax() picks the largest.
en.takeaway: Most customers bought only once, so F↓ patterns tend to be the biggest: think about
    how to bring them back for a second purchase.
en.revisit: Write the arrows of the pattern (one each for R, F and M), not a group's name; R↑ means
    a long interval (not bought for a while).
""")
def q5():
    from rfmkit import rfm_segments, rfm_table
    from rfmkit.data import COURSE_ASOF, load_orders

    groups = rfm_segments(rfm_table(load_orders(), COURSE_ASOF))
    return groups["pattern"].value_counts().idxmax()
