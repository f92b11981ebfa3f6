"""Self-check exercises for notebook 02, RFM groups (Task 2, 客户分组).

The ladder: q1-q3 the student writes the pandas (a flag, the group sizes, the revenue per
group), q4-q5 business judgements (who gets the costly call; the group the lesson does not
name), q6 the two schemes' names.
"""

from rfmkit.exercises import Text, ____, exercise
from rfmkit.exercises._core import module_texts
from rfmkit.exercises._kinds import Choice, Frame
from rfmkit.rfm import SCHEMES

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


def _classic8_names(name: str) -> list[str]:
    """Every accepted spelling of a classic8 group: its code and its names in both languages."""
    scheme = SCHEMES["classic8"]
    row = scheme[(scheme["name_zh"] == name) | (scheme["name_en"] == name)]
    short_zh = [zh.removesuffix("客户") for zh in row["name_zh"]]  # 重要保持 = 重要保持客户
    return [*row["code"], *row["name_zh"], *short_zh, *row["name_en"]]


_LESSON_WIN_BACK = module_texts(__name__)["feedback"]["lesson_win_back"]


@exercise(Frame())
def q1():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    m = table["monetary"]
    return (m >= m.mean()).rename("M_up")


@exercise(Frame(sort=True))
def q2():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    groups = rk.rfm_segments(table)
    return groups["segment"].value_counts()


@exercise(Frame(sort=True))
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
    }))
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
    }))
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
    ))
def q6():
    import rfmkit as rk

    code = rk.scheme_table("classic8").loc["R↑F↑M↑", "segment"]
    return rk.name("segment", code)
