"""Self-check exercises for notebook 02, RFM groups (Task 2, 客户分组).

The ladder: q1-q3 the student writes the pandas (a flag, the group sizes, the revenue per
group), q4-q5 business judgements (who gets the costly call; the group the lesson does not
name), q6 the two schemes' names.
"""

from rfmkit.exercises import Text, ____, exercise
from rfmkit.exercises._kinds import Choice, Frame
from rfmkit.rfm import SCHEMES

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


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


@exercise(Frame(), """
zh.question: 只算消费金额 M 的标记: 写出一个 Series, 每位客户一个值, M 大于或等于所有客户 M
    的平均值时为 True, 否则为 False。
zh.hint: 先取出一列 m = table["monetary"], 再和它的平均值比较: m >= m.mean()。注意用 >=,
    正好等于平均值时算 ↑。
zh.takeaway: 一次比较就给每位客户打上了 ↑/↓: 这正是 rk.rfm_flags 里 M_up 列的做法。
zh.revisit: 比较的是每位客户的 M 和全体客户 M 的平均值 (不是中位数); 方向是 "大于或等于" 为 True。
en.question: Flag monetary M only: build a Series with one value per customer, True when the
    customer's M is at or above the mean M of all customers, False otherwise.
en.hint: Take the column m = table["monetary"] and compare it with its mean: m >= m.mean(). Use >=,
    so that a value equal to the mean goes up.
en.takeaway: One comparison flags every customer ↑ or ↓: that is exactly how rk.rfm_flags makes its
    M_up column.
en.revisit: Compare each customer's M with the mean M of all customers (not the median); "at or
    above" is True.
""")
def q1():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    m = table["monetary"]
    return (m >= m.mean()).rename("M_up")


@exercise(Frame(sort=True), """
zh.question: 用均值比较法和课程六类法, 数出每个分组 (segment) 的人数: 答案是一个 Series, 索引是
    分组代码, 值是人数。
zh.hint: groups = rk.rfm_segments(table) 给出每位客户的分组代码 groups["segment"];
    对这一列用 .value_counts()。
zh.takeaway: value_counts 是最常用的 "数人头" 方法: 人数最多的是无价值客户和课程没有命名的
    R↓F↓M↓ 组。
zh.revisit: 数的是 segment 列 (分组代码), 用的是均值比较法 (默认), 每位客户只数一次。
en.question: Count the customers of each group (segment) under the mean rule and the lesson's six
    types: your answer is a Series indexed by the group code, with the number of customers.
en.hint: groups = rk.rfm_segments(table) gives each customer's group code in groups["segment"];
    call .value_counts() on that column.
en.takeaway: value_counts is the everyday way to count heads: the largest groups are the no-value
    customers and the unnamed R↓F↓M↓ group.
en.revisit: Count the segment column (the group codes), with the mean rule (the default), each
    customer once.
""")
def q2():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    groups = rk.rfm_segments(table)
    return groups["segment"].value_counts()


@exercise(Frame(sort=True), """
zh.question: 每个分组的客户一共花了多少钱 (元)? 用 groupby 把 table["monetary"] 按
    groups["segment"] 分组求和, 得到一个 Series: 索引是分组代码, 值是消费总额。
zh.hint: table["monetary"].groupby(groups["segment"]).sum(): 两者的索引都是 customer_id,
    pandas 会按客户对齐。
zh.takeaway: 按组求和就得到了每组带来的营业额: 重要维护客户人不多, 钱却最多, 这就是 "区别对待"
    的理由。
zh.revisit: 求和的是消费金额 monetary (不是订单数 frequency), 分组依据是均值比较法下的 segment 列;
    用 .sum(), 不是 .mean()。
en.question: How much did each group's customers spend in total (yuan)? Group table["monetary"] by
    groups["segment"] with groupby and sum: a Series indexed by group code.
en.hint: table["monetary"].groupby(groups["segment"]).sum(): both are indexed by customer_id, so
    pandas lines them up customer by customer.
en.takeaway: Summing per group gives each group's revenue: "important: maintain" customers are few
    but bring the most money, which is why customers are treated differently.
en.revisit: Sum the spend, monetary (not the orders, frequency), grouped by the segment column of
    the mean rule; use .sum(), not .mean().
""")
def q3():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    groups = rk.rfm_segments(table)
    return table["monetary"].groupby(groups["segment"]).sum().rename("revenue")


@exercise(Choice(
    options={
        "A": {"zh": "重要挽留客户 (R↑F↑M↑)", "en": "important: win back (R↑F↑M↑)"},
        "B": {"zh": "无价值客户 (R↑F↓M↓)", "en": "no value (R↑F↓M↓)"},
        "C": {"zh": "重要维护客户 (R↓F↑M↑)", "en": "important: maintain (R↓F↑M↑)"},
        "D": {"zh": "一般重要客户 (R↓F↑M↓)", "en": "generally important (R↓F↑M↓)"},
    },
    feedback={
        "B": {"zh": "无价值客户买得少、花得少, 又很久没来; 课程说企业没有必要维持这段关系。"
                    "电话和优惠券的成本很可能收不回来, 最多给他们发几乎零成本的群发消息。",
              "en": "No-value customers bought rarely, spent little and left long ago; the lesson "
                    "says the firm need not keep up the relationship. A call and a coupon would "
                    "likely cost more than they bring back; at most they get a near-free group "
                    "message."},
        "C": {"zh": "重要维护客户最近刚来过, 并没有流失的迹象; 他们需要的是保持现有的关怀 "
                    "(生日礼物、新品试用), 而不是挽留电话。",
              "en": "\"Important: maintain\" customers came recently and show no sign of leaving; "
                    "they need the care they already get (birthday gift, early samples), not a "
                    "win-back call."},
        "D": {"zh": "一般重要客户最近来过、也常来, 只是每次花得少: 目标是让他们多买一点 "
                    "(搭配推荐、满减), 不需要昂贵的挽留电话。",
              "en": "Generally important customers came recently and often but spend little: the "
                    "goal is a bigger basket (bundles, spend-and-save), not a costly win-back "
                    "call."},
    }), """
zh.question: 618 前只有给 100 位客户打回访电话、送专属优惠券的预算。按课程六类法,
    电话应该打给哪一组?
zh.hint: 电话和优惠券成本高, 要留给 "值得挽回、又正在流失" 的客户: 找 F↑M↑ (有价值) 而且 R↑
    (很久没来) 的那一组。
zh.takeaway: 重要挽留客户曾经买得多、花得多, 却很久没来了: 趁还没流失, 把昂贵的挽留手段用在他们
    身上最划算。
zh.revisit: 想一想: 哪一组既有价值 (F↑M↑), 又有流失风险 (R↑ 表示很久没买)?
en.question: Before 618 there is a budget for 100 revisit calls with a personal coupon. With the
    lesson's six types, which group should get the calls?
en.hint: Calls and coupons are costly: keep them for customers who are worth winning back and are
    slipping away, i.e. F↑M↑ (valuable) and R↑ (long time no purchase).
en.takeaway: "Important: win back" customers used to buy often and a lot but have gone quiet: a
    costly win-back effort pays off best on them, before they are lost.
en.revisit: Which group is valuable (F↑M↑) and at risk of leaving (R↑ means long ago)?
""")
def q4():
    return "A"


@exercise(Choice(
    options={
        "A": {"zh": "当作新客户关怀: 推荐与首单价位相近的商品, 争取第二次购买",
              "en": "Care for them as new customers: suggest products near their first ticket, "
                    "aim for a second purchase"},
        "B": {"zh": "当作无价值客户: 不再联系",
              "en": "Treat them as no-value: stop contacting them"},
        "C": {"zh": "当作重要维护客户: 寄生日礼物",
              "en": "Treat them as \"important: maintain\": send a birthday gift"},
        "D": {"zh": "立刻打电话挽留", "en": "Call them at once to win them back"},
    },
    feedback={
        "B": {"zh": "他们最近刚来过 (R↓), 还没有流失; 很多人只是新客户, 现在放弃太早了。",
              "en": "They came recently (R↓) and have not left; many are simply new customers, "
                    "so giving up now is too early."},
        "C": {"zh": "他们买得少、花得少 (F↓M↓), 还不是核心客户; 昂贵的礼物留给重要维护客户。",
              "en": "They bought rarely and spent little (F↓M↓): not core customers yet; keep "
                    "costly gifts for \"important: maintain\"."},
        "D": {"zh": "R↓ 说明他们最近来过, 谈不上 \"挽留\"; 挽留电话是给很久没来的有价值客户的。",
              "en": "R↓ means they came recently, so there is nothing to win back yet; win-back "
                    "calls are for valuable customers who have gone quiet."},
    }), """
zh.question: 课程没有命名的 R↓F↓M↓ 组 (最近来过、最多买过 3 单、花得少), 第一步最合适的服务是什么?
zh.hint: 逐个看三个箭头: R↓ = 最近来过, F↓ = 买得少, M↓ = 花得少。这样的客户多半刚认识这家店。
zh.takeaway: 最近来过、只买过一次的客户多半是新客户: 及时关怀、推荐合适价位的商品,
    争取第二次购买, 他们才可能成为老客户。
zh.revisit: R↓ 表示最近来过; 想想 "新客户" 和 "已流失的客户" 该怎样区别对待。
en.question: For the R↓F↓M↓ group the lesson does not name (recent, at most 3 orders, small
    spend), what is the best first step?
en.hint: Read the arrows one by one: R↓ = came recently, F↓ = bought rarely, M↓ = spent little.
    Such customers have mostly just met the shop.
en.takeaway: Recent one-time buyers are mostly new customers: timely care and products at a fitting
    price can win the second purchase that makes them regulars.
en.revisit: R↓ means they came recently; think how new customers and lost customers should be
    treated differently.
""")
def q5():
    return "A"


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
zh.hint: rk.scheme_table("classic8") 列出八类法的每个模式和名字 (以 pattern 为索引);
    找到 R↑F↑M↑ 这一行。rk.name("segment", 代码) 给出分组代码的名字。
zh.takeaway: 同一群客户, 两种方法叫法不同: 课程叫"重要挽留", 八类法叫"重要保持";
    汇报时一定要说明用的是哪一种方法。
zh.revisit: 看的是常用八类法 (classic8), 不是课程六类法; 找的是 R↑F↑M↑ 这一行。
en.question: R↑F↑M↑ has different names in the two schemes. What does the common 8-class scheme
    (classic8) call it?
en.hint: rk.scheme_table("classic8") lists each pattern of the 8-class scheme with its name
    (indexed by pattern); read the R↑F↑M↑ row. rk.name("segment", code) gives a code's name.
en.takeaway: The same customers get different names: the lesson says "win back", the 8-class scheme
    says "keep"; always say which scheme a table uses.
en.revisit: Look at the common 8-class scheme (classic8), not the lesson's six types, and at the
    R↑F↑M↑ row.
""")
def q6():
    import rfmkit as rk

    code = rk.scheme_table("classic8").loc["R↑F↑M↑", "segment"]
    return rk.name("segment", code)
