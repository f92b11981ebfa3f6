"""Self-check exercises for notebook 06, personalised service (Task 3, 个性化服务).

q1-q3 ask the student to write pandas (counts per service, the maintain group's stages, CSAT by
hand); q4-q6 are business judgements with feedback on every wrong option (a no-value customer's
birthday, an important customer past 180 days, the first step of a complaint).
"""

from rfmkit.exercises import Choice, Frame, Number, ____, bilingual, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Frame(sort=True))
def q1():
    from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
    from rfmkit.service import customer_features, service_plan

    features = customer_features(load_orders(), load_members(), load_products(), COURSE_ASOF)
    plan = service_plan(features, COURSE_ASOF)
    return plan["service"].value_counts()


@exercise(Frame(sort=True))
def q2():
    from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
    from rfmkit.service import customer_features

    features = customer_features(load_orders(), load_members(), load_products(), COURSE_ASOF)
    return features.loc[features["segment"] == "maintain", "stage"].value_counts()


@exercise(Number(0.05, unit="percent", decimals=1, percent=True))
def q3():
    from rfmkit.data import load_questionnaire

    answers = load_questionnaire()["satisfaction"].dropna()
    return round((answers >= 4).mean() * 100, 1)



@exercise(Choice(
    {"A": bilingual("通过微信寄一份生日小礼物", "Send a small birthday gift by WeChat"),
     "B": bilingual("生日当天发一条短信问候", "Send a greeting by SMS on the birthday"),
     "C": bilingual("3 天内打电话, 送一张专属回归优惠", "Call within 3 days with a win-back offer"),
     "D": bilingual("从客户名单里删掉, 以后什么都不发",
                "Delete them from the customer list and never send anything again")},
    {"A": bilingual("礼物要花钱。课程说企业不必维持和无价值客户的关系,"
                " 有成本的服务应留给更有价值的客户。",
                "A gift costs money. The lesson says the firm need not keep up the relationship "
                "with no-value customers: costly services go to more valuable customers."),
     "C": bilingual("电话占用客服的时间, 折扣也要花钱: 这正是课程说不必为无价值客户做的事。",
                "A call takes staff time and a discount costs money: exactly what the lesson "
                "says the firm need not spend on no-value customers."),
     "D": bilingual("不必维持关系不等于断绝联系: 群发的短信问候几乎不花钱, 还留着他回来的可能。",
                "Not keeping up the relationship is not cutting it off: a greeting sent by SMS "
                "costs almost nothing and leaves the door open.")}))
def q4():
    return "B"


@exercise(Choice(
    {"A": bilingual("和其他流失客户一样, 发一张回归折扣券",
                "A win-back discount, like every other lost customer"),
     "B": bilingual("打电话回访, 问问最近怎么样、对商品是否满意",
                "A revisit call to ask how they are and whether they liked their purchases"),
     "C": bilingual("什么都不做: 按均值比较法他的 R 是 ↓, 说明一切正常",
                "Nothing: by mean comparison R is ↓, so all is well"),
     "D": bilingual("把他改成无价值客户", "Move them to the no-value customers")},
    {"A": bilingual("他是消费频率高、金额大的核心客户。先弄清他为什么没来; 一上来就打折,"
                " 既花钱, 也没把他当重要客户对待。",
                "They are a core customer who buys often and spends a lot. Find out first why "
                "they stopped; a discount straight away costs money and does not treat them as "
                "an important customer."),
     "C": bilingual("R 是 ↓ 只说明他比所有客户的平均间隔 (279.6 天) 近; "
                "200 天没来已经过了流失的界线, 值得关心。",
                "R ↓ only says they are more recent than the average of all customers "
                "(279.6 days); 200 days without a purchase is past the lost border and worth "
                "a call."),
     "D": bilingual("客户类型由 R、F、M 三个指标一起决定, 不能因为一个阶段就改掉;"
                " 何况他的 F 和 M 都是 ↑。",
                "The customer type comes from R, F and M together and is not changed by a stage; "
                "besides, their F and M are both ↑.")}))
def q5():
    return "B"


@exercise(Choice(
    {"A": bilingual("先解释这是快递公司的责任, 不是店铺的错",
                "Explain that the courier is to blame, not the shop"),
     "B": bilingual("耐心听她说完, 真诚道歉, 并把投诉登记下来",
                "Listen patiently until she has finished, apologise sincerely, and register the "
                "complaint"),
     "C": bilingual("马上发一张优惠券, 然后挂电话", "Send a coupon at once and hang up"),
     "D": bilingual("请她写一封邮件, 等主管下周处理",
                "Ask her to write an e-mail for the manager to handle next week")},
    {"A": bilingual("一上来就推卸责任是在争辩, 不是倾听; 原因要在第二步 (分析原因) 里查清。",
                "Passing the blame first is arguing, not listening; the cause is found in the "
                "second step (analyse)."),
     "C": bilingual("没有听、没有登记就补偿, 问题没解决, 也没法跟踪回访。",
                "Compensating without listening or registering solves nothing and leaves nothing "
                "to follow up."),
     "D": bilingual("让客户等一周违反了立即回应的原则, 还把麻烦推回给客户。",
                "Making her wait a week breaks the principle of responding at once, and hands "
                "the work back to the customer.")}))
def q6():
    return "B"
