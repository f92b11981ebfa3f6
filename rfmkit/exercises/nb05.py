"""Self-check exercises for notebook 05, churn and the customer lifecycle
(客户流失与客户生命周期), the types of customer relationship and the causes of churn."""

from rfmkit.exercises import Number, ____, exercise
from rfmkit.exercises._kinds import Choice, Frame

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "____"]


@exercise(Number(0.01, unit="years"), """
zh.question: 一家店每年流失 25% 的客户。按课程的公式, 客户生命周期是多少年?
zh.hint: 客户生命周期 = 1 / 流失率; 流失率写成小数: 1 / 0.25, 或 rk.lifecycle_years(0.25)。
zh.takeaway: 流失率越低, 客户平均留得越久: 流失率减半, 生命周期就翻倍。
zh.revisit: 用 1 除以流失率, 流失率写成小数 0.25 (不是 25); 不要用留存率 0.75。
en.question: A shop loses 25 % of its customers each year. By the lesson's formula, how many years
    is the customer lifecycle?
en.hint: Customer lifecycle = 1 / churn rate, with the rate as a fraction: 1 / 0.25, or
    rk.lifecycle_years(0.25).
en.takeaway: The lower the churn, the longer a customer stays: halve the churn and the lifecycle
    doubles.
en.revisit: Divide 1 by the churn rate written as a fraction, 0.25 (not 25); not by the retention
    0.75.
""")
def q1():
    churn = 0.25
    return 1 / churn


@exercise(Number(0.05, unit="percent", decimals=1, percent=True), """
zh.question: 按半年算: 在 2024-06-11 到 2024-12-10 有购买的客户中, 有百分之几在 2024-12-11 到
    2025-06-10 什么都没买? 用两个集合算, 保留一位小数。
zh.hint: bought = rk.order_totals(orders).query("purchase"); first =
    set(bought.loc[bought["order_date"].between("2024-06-11", "2024-12-10"), "customer_id"]),
    second 同理; 流失的是 first - second, 再除以 len(first) 乘 100。
zh.takeaway: 两个集合一相减就是流失客户: 这正是 rk.period_churn 在每一对相邻期间里做的事。
zh.revisit: 分母是前半年的客户 (first), 不是后半年的; 流失的是 first - second (不是 second -
    first); 只算有购买的订单 (purchase 为 True); 结果乘 100。
en.question: By half-year: of the customers who bought between 2024-06-11 and 2024-12-10, what
    percentage bought nothing between 2024-12-11 and 2025-06-10? Use two sets; one decimal.
en.hint: bought = rk.order_totals(orders).query("purchase"); first =
    set(bought.loc[bought["order_date"].between("2024-06-11", "2024-12-10"), "customer_id"]), and
    second likewise; the lost are first - second, divided by len(first), times 100.
en.takeaway: Subtract one set from the other and you have the lost customers: that is what
    rk.period_churn does for each pair of periods.
en.revisit: Divide by the first half-year's customers (first), not the second's; the lost are
    first - second (not second - first); count purchases only (purchase is True); multiply by 100.
""")
def q2():
    import rfmkit as rk

    bought = rk.order_totals(rk.load_orders()).query("purchase")
    day = bought["order_date"]
    first = set(bought.loc[day.between("2024-06-11", "2024-12-10"), "customer_id"])
    second = set(bought.loc[day.between("2024-12-11", "2025-06-10"), "customer_id"])
    return round(len(first - second) / len(first) * 100, 1)


@exercise(Frame(sort=True), """
zh.question: 活跃到 60 天, 睡眠到 150 天: 用 pd.cut 和 value_counts 数出每个阶段的人数
    (一个以阶段为索引的 Series)。
zh.hint: pd.cut(table["recency_days"], bins=[-1, 60, 150, float("inf")], labels=["active",
    "sleeping", "lost"]).value_counts()。
zh.takeaway: 分界是店铺自己定的: 分界一变, 各阶段的人数就变, 所以报告阶段人数时要写明分界。
zh.revisit: 三段的分界是 -1、60、150 和无穷大 (60 天算活跃, 150 天算睡眠);
    标签顺序是 active、sleeping、lost; 切的是 recency_days, 不是 frequency。
en.question: Active up to 60 days, sleeping up to 150: with pd.cut and value_counts, count the
    customers in each stage (a Series indexed by stage).
en.hint: pd.cut(table["recency_days"], bins=[-1, 60, 150, float("inf")], labels=["active",
    "sleeping", "lost"]).value_counts().
en.takeaway: The shop sets the thresholds: move them and the stage counts move, so always report
    the thresholds with the counts.
en.revisit: The bins are -1, 60, 150 and infinity (day 60 is still active, day 150 still
    sleeping); the labels are active, sleeping, lost in that order; cut recency_days, not
    frequency.
""")
def q3():
    import pandas as pd

    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    stage = pd.cut(table["recency_days"], bins=[-1, 60, 150, float("inf")],
                   labels=["active", "sleeping", "lost"]).rename("stage")
    return stage.value_counts()


@exercise(Frame(sort=True, tolerance=0.05), """
zh.question: 按购买次数 F 分组 (5 次及以上算作 5), 每组中处在流失阶段 (默认分界 90/180 天)
    的客户占百分之几? 结果是一个以购买次数为索引的 Series, 可以命名为 lost_share (流失占比)。
zh.hint: stages = rk.lifecycle_stages(table); bought = table["frequency"].clip(upper=5);
    lost = stages["stage"] == "lost" 是每位客户是否流失; lost.groupby(bought).mean() * 100。
    True 的平均值就是占比。
zh.takeaway: 购买次数越多, 流失比例越低: 起初降得慢 (68 → 65 → 55%), 到 5 次及以上骤降到 28%。
    每一次回购都有帮助, 老主顾最不容易流失。
zh.revisit: 分组依据是 table["frequency"].clip(upper=5); 平均的是“是否流失”这一列 True/False,
    不是人数; 结果乘
    100; 用默认分界 90 和 180 天。
en.question: Grouped by the number of purchases F (5 or more counted as 5), what percentage of
    each group is in the lost stage (default thresholds 90/180 days)? A Series indexed by the
    number of purchases; you may name it lost_share.
en.hint: stages = rk.lifecycle_stages(table); bought = table["frequency"].clip(upper=5);
    lost = stages["stage"] == "lost" says whether each customer is lost;
    lost.groupby(bought).mean() * 100. The mean of True/False is a share.
en.takeaway: The lost share falls as purchases rise, slowly at first (68 → 65 → 55 %) and steeply
    at 5 or more (28 %): every repeat purchase helps, and regulars are lost least.
en.revisit: Group by table["frequency"].clip(upper=5); average the True/False "is lost" column, not
    a count;
    multiply by 100; use the default thresholds 90 and 180 days.
""")
def q4():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    stages = rk.lifecycle_stages(table, active_days=90, sleeping_days=180)
    bought = table["frequency"].clip(upper=5)
    lost = stages["stage"] == "lost"
    return (lost.groupby(bought).mean() * 100).rename("lost_share")


@exercise(Choice(
    {
        "A": {"zh": "被动型", "en": "passive"},
        "B": {"zh": "责任型", "en": "responsible"},
        "C": {"zh": "能动型", "en": "proactive"},
        "D": {"zh": "伙伴型", "en": "partnership"},
    },
    {
        "A": {"zh": "被动型是企业等客户打电话来; 这里是企业主动打过去。",
              "en": "Passive means the firm waits for the customer to call; here the firm makes "
                    "the call."},
        "C": {"zh": "能动型会持续联系, 带去改进建议和新产品; 这里只是售后问一次用得好不好。",
              "en": "Proactive means keeping in touch with improvement ideas and new products; "
                    "here the firm asks once after the sale whether the product works."},
        "D": {"zh": "伙伴型是和客户一起工作、帮客户取得成功, 常见于企业客户 (如连锁超市); "
                    "一次回访电话还谈不上。",
              "en": "Partnership means working with the customer for the customer's success, "
                    "typical with business customers (e.g. supermarket chains); one call after "
                    "the sale is not that."},
    },
), """
zh.question: 一家净水器公司在安装一周后给每位客户打电话,
    问净水器用得是否顺手、有没有漏水。这是哪种客户关系?
zh.hint: 看五种类型表里“售后企业做什么”一列: 谁先打电话? 问的是什么?
zh.takeaway: 售后主动问合不合适、有没有毛病, 就是责任型; 再往前一步, 持续带去新建议和新产品,
    才是能动型。
zh.revisit: 回到“客户关系的五种类型”那张表, 看每一种类型里售后是谁先联系、联系什么。
en.question: A water-filter company calls every customer a week after the installation, to ask
    whether the filter is easy to use and whether it leaks. Which type of relationship is this?
en.hint: Look at the column "what the firm does after the sale": who calls first, and what about?
en.takeaway: Asking after the sale whether the product fits and works is responsible; going on to
    bring new ideas and products is proactive.
en.revisit: Go back to the table "Five types of customer relationship" and look, for each type,
    at who makes the first contact after the sale, and about what.
""")
def q5():
    return "B"


@exercise(Choice(
    {
        "A": {"zh": "企业自身的原因: 员工跳槽, 把客户一起带走",
              "en": "the firm's own: staff leaving and taking their customers along"},
        "B": {"zh": "客户方面的原因: 竞争对手的吸引",
              "en": "the customer's side: competitors' pull"},
        "C": {"zh": "客户方面的原因: 社会因素", "en": "the customer's side: social factors"},
        "D": {"zh": "客户方面的原因: 搬家之类的客观原因",
              "en": "the customer's side: an objective reason such as moving away"},
    },
    {
        "B": {"zh": "客户确实去了对手那里, 但吸引他们的是那位店员, 不是对手的价格或服务; "
                    "客户只认识店员、不认识店铺, 是企业自己的管理问题。",
              "en": "The customers did go to the rival, but what pulled them was the assistant, "
                    "not the rival's prices or service; that they knew the assistant and not the "
                    "shop is the firm's own management problem."},
        "C": {"zh": "社会因素指政策、经济、法律、技术、教育、文化的变化; 这里什么都没变, "
                    "只是一位员工走了。",
              "en": "Social factors are changes in policy, economy, law, technology, education "
                    "or culture; nothing of that changed here, only one employee left."},
        "D": {"zh": "客户没有搬走, 需求也还在: 他们只是换了一家店买。",
              "en": "The customers did not move away and still have the need: they just buy at "
                    "another shop."},
    },
), """
zh.question: 店里负责大客户的店员跳槽到了竞争对手那里,
    她的几位老客户也跟着去了对手的店。这主要是哪一方面的流失原因?
zh.hint: 看“客户为什么会流失？”那张表: 哪一列是企业可以直接改进的?
zh.takeaway: 大客户只和一位员工有联系, 员工一走客户就走; 企业要让客户和店铺建立关系,
    而不只是和某个人。
zh.revisit: 回到“客户为什么会流失？”那张表, 找“员工”出现在哪一列。
en.question: The assistant who looked after the big customers leaves for a competitor, and several
    of her regular customers follow her to the rival shop. What mainly causes this churn?
en.hint: Look at the table "Why do customers leave?": which column can the firm fix directly?
en.takeaway: When big customers know only one employee, they leave with her; the firm must tie
    customers to the shop, not just to one person.
en.revisit: Go back to the table "Why do customers leave?" and find the column where staff appear.
""")
def q6():
    return "A"


@exercise(Choice(
    {
        "A": {"zh": "什么都不用做: 他们是 R↓, 说明最近来过",
              "en": "nothing: they are R↓, so they came recently"},
        "B": {"zh": "按无价值客户处理, 只发群发消息",
              "en": "treat them as no-value customers: mass messages only"},
        "C": {"zh": "尽快主动联系 (例如电话回访), 问清原因, 请他们回来",
              "en": "contact them soon and personally (e.g. a revisit call), ask why, and invite "
                    "them back"},
        "D": {"zh": "把他们从分析里删掉, 因为两条规则互相矛盾",
              "en": "drop them from the analysis, because the two rules contradict each other"},
    },
    {
        "A": {"zh": "R↓ 只说明他们比本店的平均客户来得近; 按固定的时钟, 他们已经超过 180 "
                    "天没来了。",
              "en": "R↓ only says they are more recent than this shop's average customer; by a "
                    "fixed clock they have been away for over 180 days."},
        "B": {"zh": "他们过去买得勤、花得多 (F↑M↑), 价值很高; 只发群发消息, "
                    "等于让高价值客户悄悄流失。",
              "en": "They used to buy often and a lot (F↑M↑): high value. Mass messages only would "
                    "let valuable customers slip away quietly."},
        "D": {"zh": "两条规则并不矛盾, 它们回答的是不同的问题; 删掉他们, "
                    "恰恰丢掉了最该关怀的一群人。",
              "en": "The two rules do not contradict each other: they answer different questions. "
                    "Dropping these customers loses exactly the ones who most need care."},
    },
), """
zh.question: 对处在流失阶段的重要维护客户, 小慧该怎么做?
zh.hint: 想一想这群客户的 F 和 M, 以及“疏于客户管理”这条流失原因。
zh.takeaway: 高价值客户开始走远时, 一对一的关怀最值得: 问清原因, 是企业改进的机会。
zh.revisit: 回到“当 R 的均值和‘流失’相遇”一节的对照表。
en.question: What should Xiaohui do for the important customers to maintain who are in the lost
    stage?
en.hint: Think of these customers' F and M, and of "customer management neglected" as a cause of
    churn.
en.takeaway: When valuable customers start drifting away, one-to-one care pays most: asking why
    is also the firm's chance to improve.
en.revisit: Go back to the comparison table in "Where R's mean cut meets 'lost'".
""")
def q7():
    return "C"
