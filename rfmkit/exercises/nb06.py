"""Self-check exercises for notebook 06, personalised service (Task 3, 个性化服务).

q1-q3 ask the student to write pandas (counts per service, the maintain group's stages, CSAT by
hand); q4-q6 are business judgements with feedback on every wrong option (a no-value customer's
birthday, an important customer past 180 days, the first step of a complaint).
"""

from rfmkit.exercises import Choice, Frame, Number, ____, bilingual, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Frame(sort=True), """
zh.question: 用 plan 的 service 列, 写出每种主要服务各有多少位客户: 一个 Series, 服务代码作索引,
    人数作值。
zh.hint: 一列里每个值出现几次, 用 value_counts: plan["service"].value_counts()。
zh.takeaway: 一行 value_counts 就能自己核对 plan_summary 的人数; 人数加起来等于客户总数,
    因为每位客户只有一项主要服务。
zh.revisit: 数的是 service 列 (主要服务), 不是 also 列 (其他适用服务); 用的是默认规则做出的 plan。
en.question: From the service column of plan, build the number of customers per main service: a
    Series with service codes as the index and counts as the values.
en.hint: To count how often each value of a column occurs, use value_counts:
    plan["service"].value_counts().
en.takeaway: One value_counts checks plan_summary's counts yourself; the counts add up to all
    customers, because each customer has exactly one main service.
en.revisit: Count the service column (the main service), not the "also" column; use the plan made
    with the default rules.
""")
def q1():
    from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
    from rfmkit.service import customer_features, service_plan

    features = customer_features(load_orders(), load_members(), load_products(), COURSE_ASOF)
    plan = service_plan(features, COURSE_ASOF)
    return plan["service"].value_counts()


@exercise(Frame(sort=True), """
zh.question: 只看重要维护客户 (segment 等于 "maintain"): 用 features 写出他们在每个生命周期阶段
    (stage) 各有多少人, 一个 Series, 阶段代码作索引。
zh.hint: 先用比较挑出行: features["segment"] == "maintain"; 再用 .loc[行, "stage"] 取出阶段列,
    最后 value_counts()。
zh.takeaway: 重要维护客户里也有人处在"流失"阶段: 他们超过 180 天没来, 却比所有客户的平均间隔近,
    所以 R 还是 ↓。服务计划给他们打电话回访, 而不是发回归折扣。
zh.revisit: 先筛选重要维护客户, 再数 stage 列; 不要数所有客户, 也不要数 segment 列。
en.question: Only the important customers to maintain (segment equal to "maintain"): from
    features, build how many of them are in each lifecycle stage (stage), a Series with stage
    codes as the index.
en.hint: Pick the rows with a comparison, features["segment"] == "maintain"; take the stage column
    with .loc[rows, "stage"]; then value_counts().
en.takeaway: Some important customers to maintain are in the "lost" stage: away for over 180
    days, yet more recent than the average of all customers, so their R is still ↓. The plan
    calls them (a revisit), it does not send them a win-back discount.
en.revisit: Filter the maintain customers first, then count the stage column; do not count all
    customers, nor the segment column.
""")
def q2():
    from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
    from rfmkit.service import customer_features

    features = customer_features(load_orders(), load_members(), load_products(), COURSE_ASOF)
    return features.loc[features["segment"] == "maintain", "stage"].value_counts()


@exercise(Number(0.05, unit="percent", decimals=1, percent=True), """
zh.question: 用问卷的 satisfaction 列 (1-5 分) 自己算客户满意度 (CSAT): 打 4 分或 5 分的回答占
    百分之几? 保留一位小数。
zh.hint: answers = survey["satisfaction"].dropna(); (answers >= 4) 是一列 True/False, 它的 .mean()
    就是 True 所占的比例; 乘以 100, 再 round(..., 1)。
zh.takeaway: 一个比较加一个 mean 就是一个百分比: 这和 rk.csat(survey["satisfaction"])
    算出的数一样。
zh.revisit: 4 分和 5 分都算满意 (>= 4, 不是 > 4); 没作答的要先去掉; 答案是百分数, 不是 0 到 1
    之间的比例。
en.question: Compute customer satisfaction (CSAT) yourself from the survey's satisfaction column
    (1-5): what percentage of the answers are 4 or 5? One decimal.
en.hint: answers = survey["satisfaction"].dropna(); (answers >= 4) is a column of True/False, and
    its .mean() is the share of True; multiply by 100, then round(..., 1).
en.takeaway: A comparison and a mean make a percentage: the same number as
    rk.csat(survey["satisfaction"]).
en.revisit: Both 4 and 5 count as satisfied (>= 4, not > 4); leave out missing answers first; the
    answer is a percentage, not a share between 0 and 1.
""")
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
                "costs almost nothing and leaves the door open.")}), """
zh.question: 一位无价值客户下周过生日。按课程的说法, 店铺该怎么做? 答一个字母。
zh.hint: 课程说企业不必维持和无价值客户的关系; 看看哪个选项几乎不花钱, 却没有把客户一笔勾销。
zh.takeaway: 无价值客户只收到低成本的问候: 服务计划里的"无价值客户生日"规则就是这样写的。
zh.revisit: 想一想每个选项要花多少钱或多少人手, 再对照课程对无价值客户的说法。
en.question: A no-value customer has a birthday next week. Following the lesson, what should the
    shop do? Answer with a letter.
en.hint: The lesson says the firm need not keep up the relationship with no-value customers; look
    for the option that costs almost nothing yet does not write the customer off.
en.takeaway: No-value customers get low-cost greetings only: the plan's "no-value birthday" rule
    says exactly that.
en.revisit: Think about what each option costs in money or staff time, then compare it with what
    the lesson says about no-value customers.
""")
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
                "besides, their F and M are both ↑.")}), """
zh.question: 一位重要维护客户 (R↓F↑M↑) 已经 200 天没有购买, 所以生命周期阶段是"流失"。
    最合适的服务是哪一项? 答一个字母。
zh.hint: 对比两把尺子: 均值比较法说他比平均近, 生命周期阶段说他超过 180 天没来。
    课程说重要维护客户要怎样对待?
zh.takeaway: 两把尺子在 181 天到均值之间碰头。服务计划按课程把这些客户当作要维护的核心客户:
    先电话回访, 不发回归折扣。
zh.revisit: 回到第 4 节的时间轴: 200 天落在哪一格? R 是 ↑ 还是 ↓, 阶段又是什么?
en.question: An important customer to maintain (R↓F↑M↑) has not bought for 200 days, so the
    lifecycle stage is "lost". Which service fits best? Answer with a letter.
en.hint: Compare the two rulers: mean comparison says they are more recent than average, the
    stage says over 180 days. How does the lesson treat important customers to maintain?
en.takeaway: The rulers meet between 181 days and the mean. The plan follows the lesson and
    treats these customers as core customers to maintain: a revisit call first, no win-back
    discount.
en.revisit: Go back to the time line of section 4: in which column is 200 days? Is R ↑ or ↓, and
    what is the stage?
""")
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
                "the work back to the customer.")}), """
zh.question: 一位客户打来电话, 很生气: 她收到的零食礼盒被压坏了。客服接起电话后,
    第一件事该做什么? 答一个字母。
zh.hint: 投诉处理的原则是立即回应、耐心倾听、积极解决、真诚道歉、跟踪回访; 五个步骤的第一步是登记。
zh.takeaway: 先听、先道歉、先登记, 后面的分析、解决、执行和反馈才有依据。
zh.revisit: 把每个选项和五条原则逐条对照: 哪个选项没有违反任何一条, 又正好是第一步?
en.question: A customer calls, angry: her snack gift box arrived crushed. What is the first thing
    the agent should do? Answer with a letter.
en.hint: The principles: respond at once, listen patiently, solve actively, apologise sincerely,
    follow up; the first of the five steps is to register.
en.takeaway: Listen, apologise and register first: analysing, deciding, carrying out and
    reporting back all build on that.
en.revisit: Hold each option against the five principles: which breaks none of them and is the
    first step?
""")
def q6():
    return "B"
