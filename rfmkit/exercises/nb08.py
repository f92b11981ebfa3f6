"""Self-check exercises for notebook 08, the Sam's Club case study (山姆会员店客户提升案例)."""

from rfmkit.exercises import Count, Number, ____, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "____"]


@exercise(Number(0.5, unit="yuan"), """
zh.question: 假如第 9 组的月销售额增长 50 % (比第 8 组的目标 30 % 还高), 每个月能多卖多少元?
    (用十分位表里第 9 组的合计 total 计算)
zh.hint: deciles = decile_table(会员表.set_index("member_id")["last_month_spend"]); 取出 group 等于
    9 那一行的 total, 再乘以 0.50。也可以用 decile_comparison(deciles, groups=[9], growth=0.50)。
zh.takeaway: 第 9 组即使增长 50 %, 多卖的钱也比第 8 组增长 30 % 少: 选目标组时, 既要看提升的可能,
    也要看提升后的金额。
zh.revisit: 用的是第 9 组全组的月销售合计 (total 列), 不是人均 (average 列); 增长 50 % 就是乘以
    0.50。
en.question: Suppose group 9's monthly sales grew by +50 % (more than group 8's +30 % target). How
    many yuan a month would that add? (Use group 9's total in the decile table.)
en.hint: deciles = decile_table(members.set_index("member_id")["last_month_spend"]); take the total
    of the row whose group is 9 and multiply it by 0.50. decile_comparison(deciles, groups=[9],
    growth=0.50) does it too.
en.takeaway: Even +50 % in group 9 adds less than +30 % in group 8: pick a target group by both its
    room to grow and what the growth is worth.
en.revisit: Use group 9's whole monthly total (the total column), not the average per member; +50 %
    means multiplying by 0.50.
""")
def q1():
    from rfmkit import decile_table, load_samsclub_members

    members = load_samsclub_members()
    deciles = decile_table(members.set_index("member_id")["last_month_spend"])
    group9_total = deciles.loc[deciles["group"] == 9, "total"].iloc[0]
    return round(group9_total * 0.50, 2)


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


@exercise(Number(0.05, unit="percent", percent=True), """
zh.question: 只看 A4 的会员: 按案例的定义 (每位会员销售额增长率之和 ÷ 人数),
    他们的平均销售额增长率是多少 %? 保留两位小数。
zh.hint: 先选出 A4 的行: a4 = uplift[uplift["group"] == "A4"]; uplift_summary(a4) 的
    average_growth_pct 列, "sales" 那一行就是。也可以直接求 a4["sales_growth_pct"].mean()。
zh.takeaway: 案例的平均增长率是 "每人一票"; 整体增长率 (按合计) 让买得多的人分量更重。两者不同时,
    报告里要写明用的是哪一个。
zh.revisit: 要的是各会员增长率的平均 (average_growth_pct), 不是按合计的整体增长率
    (aggregate_growth_pct); 而且只算 A4 的会员, 单位是百分数。
en.question: Take only the A4 members. By the case's definition (the sum of each member's sales
    growth rate ÷ members), what is their average sales growth, in %, to two decimals?
en.hint: Select the A4 rows first: a4 = uplift[uplift["group"] == "A4"]; uplift_summary(a4) has it
    in the average_growth_pct column, row "sales". a4["sales_growth_pct"].mean() gives it too.
en.takeaway: The case's average gives every member one vote; the aggregate growth (from totals)
    weighs big spenders more. When they differ, say which one a report uses.
en.revisit: The mean of the members' rates is wanted (average_growth_pct), not the growth of the
    totals (aggregate_growth_pct); only the A4 members count, and the unit is percent.
""")
def q3():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign, uplift_summary

    uplift = campaign_uplift(*campaign_frames(load_samsclub_campaign()))
    a4 = uplift[uplift["group"] == "A4"]
    return round(uplift_summary(a4).loc["sales", "average_growth_pct"], 2)


@exercise(Count(), """
zh.question: 把到店次数目标从 +50 % 降到 +30 % (客单价目标仍是 +40 %), A1 (两项都达成)
    会有多少位会员?
zh.hint: 可以在上面的小工具里把到店次数滑块拖到 30, 读 A1 的人数; 或者用代码:
    campaign_uplift(before, after, targets={"visits": 0.30}), 再数 group 等于 "A1" 的行。
zh.takeaway: 到店次数是整数, 增长率只能一格一格地跳 (2 → 3 次就是 +50 %): 目标在两格之间移动时,
    分组可能一点都不变。
zh.revisit: 目标写成小数: +30 % 是 0.30 (不是 30); 只改 visits, ticket 保持 0.40; 数的是 "A1"。
en.question: Lower the visits target from +50 % to +30 % (the ticket target stays +40 %). How many
    members are then in A1 (both targets met)?
en.hint: Drag the visits slider of the explorer above to 30 and read A1's count; or in code:
    campaign_uplift(before, after, targets={"visits": 0.30}), then count the rows whose group is
    "A1".
en.takeaway: Visits are whole numbers, so visit growth jumps in steps (2 -> 3 visits is +50 %): a
    target moved between two steps changes no group at all.
en.revisit: Targets are fractions: +30 % is 0.30 (not 30); change only visits and keep the ticket
    at 0.40; count "A1".
""")
def q4():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign

    before, after = campaign_frames(load_samsclub_campaign())
    uplift = campaign_uplift(before, after, targets={"visits": 0.30})
    return (uplift["group"] == "A1").sum()


@exercise(Number(0.05, unit="percent", percent=True), """
zh.question: A4 的会员中, 单身 (marital_status 为 "single") 的占百分之几? 保留两位小数。(第 8
    组全体是 79.05 %)
zh.hint: group_profile(load_samsclub_members(), A4 的会员号, fields=["marital_status"])
    给出每个取值的占比; 读 ("marital_status", "single") 这一行的 group_share_pct。A4 的会员号:
    uplift.index[uplift["group"] == "A4"]。
zh.takeaway: A4 大多仍是单身, 和第 8 组差别不大; 真正把 A4 区分出来的是微信使用和职业
    (学生少)。画像要看差别最大的字段。
zh.revisit: 只看 A4 的会员 (不是第 8 组全体), 读的是 marital_status 为 "single" 的本组占比
    (group_share_pct), 单位是百分数。
en.question: What share of the A4 members are single (marital_status "single"), in %, to two
    decimals? (In group 8 as a whole it is 79.05 %.)
en.hint: group_profile(load_samsclub_members(), the A4 member IDs, fields=["marital_status"]) gives
    the share of each value; read group_share_pct in the row ("marital_status", "single"). The A4
    member IDs: uplift.index[uplift["group"] == "A4"].
en.takeaway: A4 is still mostly single, not far from group 8; what sets A4 apart is WeChat use and
    occupation (fewer students). A profile is read by its largest differences.
en.revisit: Look only at the A4 members (not all of group 8), at the share in the group
    (group_share_pct) of marital_status "single", in percent.
""")
def q5():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign
    from rfmkit.case import group_profile
    from rfmkit.data import load_samsclub_members

    uplift = campaign_uplift(*campaign_frames(load_samsclub_campaign()))
    a4_ids = uplift.index[uplift["group"] == "A4"]
    profile = group_profile(load_samsclub_members(), a4_ids, fields=["marital_status"])
    return round(profile.loc[("marital_status", "single"), "group_share_pct"], 2)
