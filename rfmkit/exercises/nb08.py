"""Self-check exercises for notebook 08, the Sam's Club case study (山姆会员店客户提升案例).

The ladder: q1, q3 and q5 ask the student to write the pandas (Frame), q4 and q6 are business
judgements (Choice), q2 counts members.
"""

from rfmkit.exercises import Choice, Count, Frame, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Frame(index="member_id"), """
zh.question: 算出第 8 组每位会员上月的到店次数: 以会员号为索引的 Series, 等于 visits_w1_before 到
    visits_w4_before 四列之和。
zh.hint: 先 campaign.set_index("member_id"), 选出四个 "_before" 的周列,
    再 .sum(axis=1) 按行相加。
zh.takeaway: 一个月的到店次数就是四周相加; campaign_frames 也是这样算的, 现在你知道它里面做了什么。
zh.revisit: 用的是上月 (before) 的四个周列, 不是本月 (after); 按行相加 (axis=1),
    并且以会员号为索引。
en.question: Compute each group-8 member's visits last month: a Series indexed by member ID, the sum
    of the four columns visits_w1_before .. visits_w4_before.
en.hint: campaign.set_index("member_id"), pick the four "_before" week columns, then .sum(axis=1)
    adds them up row by row.
en.takeaway: A month's visits are its four weeks added up; campaign_frames does exactly this, and
    now you know what is inside it.
en.revisit: Use last month's (before) four week columns, not this month's (after); add along the row
    (axis=1), indexed by member ID.
""")
def q1():
    from rfmkit import load_samsclub_campaign

    campaign = load_samsclub_campaign()
    weeks = ["visits_w1_before", "visits_w2_before", "visits_w3_before", "visits_w4_before"]
    return campaign.set_index("member_id")[weeks].sum(axis=1).rename("visits_before")


@exercise(Count(), """
zh.question: 第一轮之后, 第 8 组有多少位会员本月到店次数比上月少?
zh.hint: uplift = campaign_uplift(*campaign_frames(load_samsclub_campaign())); 比较 visits_after 和
    visits_before 两列: (uplift["visits_after"] < uplift["visits_before"]).sum()。
zh.takeaway: 活动期间也有人来得更少了: 只看平均增长率会掩盖他们,
    逐个会员计算才能找到需要另想办法的人。
zh.revisit: 比较的是每位会员本月和上月的到店次数 (visits_after < visits_before), "少" 不包括相等;
    数的是会员人数。
en.question: After round 1, how many members of group 8 came to the store fewer times this month
    than last month?
en.hint: uplift = campaign_uplift(*campaign_frames(load_samsclub_campaign())); compare the columns
    visits_after and visits_before: (uplift["visits_after"] < uplift["visits_before"]).sum().
en.takeaway: Some members came less during the campaign: an average growth rate hides them,
    measuring member by member finds the ones who need another approach.
en.revisit: Compare each member's visits this month with last month (visits_after < visits_before);
    "fewer" does not include equal; count members.
""")
def q2():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign

    uplift = campaign_uplift(*campaign_frames(load_samsclub_campaign()))
    return (uplift["visits_after"] < uplift["visits_before"]).sum()


@exercise(Frame(index="group"), """
zh.question: 把到店次数目标降到 +30 % (客单价目标仍是 +40 %), 自己给每位会员分出 A1–A4,
    再数每组多少人: 以 A1、A2、A3、A4 为索引、按这个顺序排列的 Series。
zh.hint: 照着课上的四行: visits_met = after["visits"] / before["visits"] - 1 >= 0.30, ticket_met
    同理 (0.40); 先全部设为 "A4", 再依次改成 A3、A2、A1; 最后 .value_counts().sort_index()。
zh.takeaway: 到店次数是整数, 增长率只能一格一格地跳 (2 → 3 次是 +50 %, 3 → 4 次是 +33 %):
    目标从 +50 % 降到 +30 %, 很多会员一下子跨过了门槛。
zh.revisit: 目标写成小数: +30 % 是 0.30; 只改到店次数的目标, 客单价仍是 0.40; 赋值的顺序是 A3、
    A2、A1 (最后写 A1, 两项都达成的才不会被覆盖); 结果按 A1–A4 排序。
en.question: Lower the visits target to +30 % (the ticket target stays +40 %), put each member in
    A1-A4 yourself and count each group: a Series indexed A1, A2, A3, A4 in that order.
en.hint: Follow the four lines of the lesson: visits_met = after["visits"] / before["visits"] - 1
    >= 0.30, ticket_met likewise (0.40); set everyone to "A4", then A3, A2, A1 in turn; finally
    .value_counts().sort_index().
en.takeaway: Visits are whole numbers, so growth jumps in steps (2 -> 3 is +50 %, 3 -> 4 is +33 %):
    lowering the target from +50 % to +30 % lets many members over the bar at once.
en.revisit: Targets are fractions: +30 % is 0.30; change only the visits target, the ticket stays at
    0.40; assign A3, then A2, then A1 last (so both-met is not overwritten); sort A1-A4.
""")
def q3():
    import pandas as pd

    from rfmkit import campaign_frames, load_samsclub_campaign

    before, after = campaign_frames(load_samsclub_campaign())
    visits_met = after["visits"] / before["visits"] - 1 >= 0.30
    ticket_met = after["ticket"] / before["ticket"] - 1 >= 0.40
    groups = pd.Series("A4", index=before.index)
    groups[ticket_met] = "A3"
    groups[visits_met] = "A2"
    groups[visits_met & ticket_met] = "A1"
    return groups.value_counts().sort_index().rename("members")


@exercise(Choice(
    {"A": {"zh": "三个目标都对, 销售额 +30 % 是两个分目标相加后打的折扣。",
           "en": "All three are right: +30 % sales is a discount on the two targets added up."},
     "B": {"zh": "目标彼此矛盾: 两个分目标都达成就是 +110 %; "
                 "定目标时应先算清楚, 再说明哪个是主目标。",
           "en": "They contradict each other: both targets met means +110 %; work the numbers "
                 "out first and say which target leads."},
     "C": {"zh": "销售额目标应该是 +90 % (50 % + 40 %)。",
           "en": "The sales target should be +90 % (50 % + 40 %)."},
     "D": {"zh": "只要销售额达到 +30 %, 分目标是否一致无所谓。",
           "en": "As long as sales reach +30 %, whether the targets agree does not matter."}},
    {"A": {"zh": "增长率不能相加再 “打折”: 销售额 = 到店次数 × 客单价, "
                 "1.5 × 1.4 = 2.1, 是 +110 %。",
           "en": "Growth rates do not add up to be discounted: sales = visits × ticket, "
                 "1.5 × 1.4 = 2.1, that is +110 %."},
     "C": {"zh": "增长率要相乘, 不是相加: 1.5 × 1.4 − 1 = +110 %, 不是 +90 %。",
           "en": "Growth rates multiply, they do not add: 1.5 × 1.4 − 1 = +110 %, not +90 %."},
     "D": {"zh": "分目标决定了做什么 (拉到店还是拉客单价); "
                 "它们和总目标对不上, 执行和考核就会各说各的。",
           "en": "The part targets decide what staff do (more visits or bigger baskets); if they "
                 "do not add up to the overall target, doing and judging the work fall apart."}}),
    """
zh.question: 案例给第 8 组定了三个目标: 到店次数 +50 %, 客单价 +40 %, 销售额 +30 %。哪种说法最恰当?
zh.hint: 销售额 = 到店次数 × 客单价。两个分目标都达成时, 销售额是原来的多少倍?
zh.takeaway: 目标之间有算术关系: 1.5 × 1.4 = 2.1。定目标前先算一遍, 再说明以哪个为主 ——
    这正是课堂上值得讨论的地方。
zh.revisit: 把两个分目标换成倍数 (1.5 和 1.4) 相乘, 再和销售额目标 1.3 比较。
en.question: The case sets group 8 three targets: visits +50 %, ticket +40 %, sales +30 %. Which
    statement fits best?
en.hint: Sales = visits × ticket. If both part targets are met, sales become how many times what
    they were?
en.takeaway: Targets are tied by arithmetic: 1.5 × 1.4 = 2.1. Work them out before setting them,
    and say which one leads: a good point for class discussion.
en.revisit: Turn the two part targets into factors (1.5 and 1.4), multiply them, and compare with
    the sales target, 1.3.
""")
def q4():
    return "B"


@exercise(Frame(index="member_id"), """
zh.question: 求每位 A4 会员第二轮的销售额增长率 (%): 第二轮那个月 (sales_round2)
    和上月比。答案是以会员号为索引、只含 A4 会员的 Series。
zh.hint: 上月就是第一轮的那个月, 即 sales_after 列。sales = campaign.set_index("member_id"),
    a4 = uplift.index[uplift["group"] == "A4"], 然后 (sales.loc[a4, "sales_round2"] /
    sales.loc[a4, "sales_after"] - 1) * 100。
zh.takeaway: 案例说第二轮和上月比, 上月就是第一轮的那个月。如果错拿第一轮之前的月份作基期,
    会把 A4 在第一轮里的下滑再算一遍。
zh.revisit: 基期是上月 = 第一轮的那个月 (sales_after), 不是第一轮之前的月份 (sales_before);
    只取 A4 的会员; 单位是百分数 (乘以 100)。
en.question: Compute each A4 member's round-2 sales growth in %: the round-2 month (sales_round2)
    against the previous month. The answer is a Series indexed by member ID, A4 members only.
en.hint: The previous month is round 1's month, the sales_after column. sales =
    campaign.set_index("member_id"), a4 = uplift.index[uplift["group"] == "A4"], then
    (sales.loc[a4, "sales_round2"] / sales.loc[a4, "sales_after"] - 1) * 100.
en.takeaway: The case compares round 2 with the previous month, which is round 1's month. Taking the
    month before round 1 as the base would count A4's fall during round 1 a second time.
en.revisit: The base is the previous month = round 1's month (sales_after), not the month before
    round 1 (sales_before); A4 members only; in percent (times 100).
""")
def q5():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign

    campaign = load_samsclub_campaign()
    uplift = campaign_uplift(*campaign_frames(campaign))
    a4 = uplift.index[uplift["group"] == "A4"]
    sales = campaign.set_index("member_id")
    growth = (sales.loc[a4, "sales_round2"] / sales.loc[a4, "sales_after"] - 1) * 100
    return growth.rename("sales_growth_pct")


@exercise(Choice(
    {"A": {"zh": "和第 8 组一样, 定到店次数 +50 %、客单价 +40 % 的提升目标。",
           "en": "The same uplift targets as group 8: visits +50 %, ticket +40 %."},
     "B": {"zh": "放弃他们, 什么都不做。", "en": "Give them up and do nothing."},
     "C": {"zh": "把他们当作新客户或休眠客户来开发: 先弄清是新来的还是沉睡的, "
                 "再用低成本的欢迎和唤醒信息。",
           "en": "Develop them as new or dormant customers: find out which they are, then send "
                 "low-cost welcome and wake-up messages."},
     "D": {"zh": "给每人送电影票, 拉高客单价。",
           "en": "Give each a cinema ticket to raise the ticket."}},
    {"A": {"zh": "提升针对已有购买习惯的客户; "
                 "第 10 组来得少、买得少, 没有可以 “提升” 的习惯。",
           "en": "Uplift works on a habit that exists; group 10 buys rarely and little, so there "
                 "is no habit to lift."},
     "B": {"zh": "案例没有说放弃: 新客户和休眠客户值得用低成本的方式去开发和唤醒。",
           "en": "The case does not give them up: new and dormant customers are worth developing "
                 "and waking up, at low cost."},
     "D": {"zh": "成本太高: 人均每月只消费 100 元, 一张电影票就可能超过他们带来的利润。",
           "en": "Too costly: at 100 yuan a month, one cinema ticket may cost more than the "
                 "profit they bring."}}),
    """
zh.question: 门店还想提高第 10 组 (人均每月 100 元) 的价值。按案例的思路, 最合适的做法是?
zh.hint: 案例怎样描述第 10 组? 看十分位比较表最后一列 "案例的判断"。
zh.takeaway: 案例说第 10 组 (不是第 9 组) 可能是新客户或休眠客户: 按新客户开发, 低成本地欢迎和唤醒,
    而不是套用第 8 组的提升目标。
zh.revisit: 想一想第 10 组是什么样的客户, 以及每月 100 元能承担多大的服务成本。
en.question: The store would also like to raise the value of group 10 (100 yuan a member a month).
    Following the case, what fits best?
en.hint: How does the case describe group 10? See the last column of the decile comparison, "the
    case's reading".
en.takeaway: The case says group 10 (not 9) may be new or dormant customers: develop them as new
    customers with low-cost welcome and wake-up messages, not with group 8's uplift targets.
en.revisit: Think about what kind of customers group 10 are, and how much service 100 yuan a month
    can pay for.
""")
def q6():
    return "C"
