"""Self-check exercises for notebook 05, churn and the customer lifecycle
(客户流失与客户生命周期), the types of customer relationship and the causes of churn."""

from rfmkit.exercises import Number, ____, exercise
from rfmkit.exercises._kinds import Choice, Frame

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "____"]


@exercise(Number(0.01, unit="years"))
def q1():
    churn = 0.25
    return 1 / churn


@exercise(Number(0.05, unit="percent", decimals=1, percent=True))
def q2():
    import rfmkit as rk

    bought = rk.order_totals(rk.load_orders()).query("purchase")
    day = bought["order_date"]
    first = set(bought.loc[day.between("2024-06-11", "2024-12-10"), "customer_id"])
    second = set(bought.loc[day.between("2024-12-11", "2025-06-10"), "customer_id"])
    return round(len(first - second) / len(first) * 100, 1)


@exercise(Frame(sort=True))
def q3():
    import pandas as pd

    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    stage = pd.cut(table["recency_days"], bins=[-1, 60, 150, float("inf")],
                   labels=["active", "sleeping", "lost"]).rename("stage")
    return stage.value_counts()


@exercise(Frame(sort=True, tolerance=0.05))
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
))
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
))
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
))
def q7():
    return "C"
