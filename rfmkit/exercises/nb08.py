"""Self-check exercises for notebook 08, the Sam's Club case study (山姆会员店客户提升案例).

The ladder: q1, q3 and q5 ask the student to write the pandas (Frame), q4 and q6 are business
judgements (Choice), q2 counts members.
"""

from rfmkit.exercises import Choice, Count, Frame, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Frame(index="member_id"))
def q1():
    from rfmkit import load_samsclub_campaign

    campaign = load_samsclub_campaign()
    weeks = ["visits_w1_before", "visits_w2_before", "visits_w3_before", "visits_w4_before"]
    return campaign.set_index("member_id")[weeks].sum(axis=1).rename("visits_before")


@exercise(Count())
def q2():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign

    uplift = campaign_uplift(*campaign_frames(load_samsclub_campaign()))
    return (uplift["visits_after"] < uplift["visits_before"]).sum()


@exercise(Frame(index="group"))
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
                 "do not add up to the overall target, doing and judging the work fall apart."}}))
def q4():
    return "B"


@exercise(Frame(index="member_id"))
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
                 "profit they bring."}}))
def q6():
    return "C"
