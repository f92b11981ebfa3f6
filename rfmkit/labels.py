"""Every name a student sees, in Chinese and English, switched in one place.

Call ``rfmkit.use_language("zh")`` or ``rfmkit.use_language("en")`` once at the top of a
notebook; tables (through :func:`localise`), charts and widgets then use that language.
Computation functions always return the canonical English column names listed here, so code
written against them keeps working whichever language is shown.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

LANGUAGES = ("zh", "en")

# key -> (Chinese, English). Keys are the canonical column names and chart texts.
LABELS: dict[str, tuple[str, str]] = {
    # identifiers and order data
    "customer_id": ("客户ID", "customer ID"),
    "order_id": ("订单号", "order ID"),
    "order_date": ("下单日期", "order date"),
    "amount": ("金额 (元)", "amount (yuan)"),
    "product_id": ("商品ID", "product ID"),
    "quantity": ("数量", "quantity"),
    "unit_price": ("单价 (元)", "unit price (yuan)"),
    "name_zh": ("中文名称", "Chinese name"),
    "category": ("品类", "category"),
    "price": ("价格 (元)", "price (yuan)"),
    "gender": ("性别", "gender"),
    "occupation": ("职业", "occupation"),
    "city": ("城市", "city"),
    "income_band": ("月收入", "monthly income band"),
    "phone": ("手机", "phone"),
    "email": ("邮箱", "e-mail"),
    "wechat": ("微信", "WeChat ID"),
    "join_date": ("入会日期", "join date"),
    # RFM
    "recency_days": ("最近一次消费间隔 R (天)", "recency R (days)"),
    "frequency": ("消费频率 F (次)", "frequency F (orders)"),
    "monetary": ("消费金额 M (元)", "monetary M (yuan)"),
    "R_up": ("R↑", "R↑"),
    "F_up": ("F↑", "F↑"),
    "M_up": ("M↑", "M↑"),
    "pattern": ("模式", "pattern"),
    "segment": ("客户类型", "customer type"),
    "action": ("建议做法", "suggested action"),
    "R_score": ("R 得分", "R score"),
    "F_score": ("F 得分", "F score"),
    "M_score": ("M 得分", "M score"),
    "RFM_score": ("RFM 得分", "RFM score"),
    "metric": ("指标", "metric"),
    "cut": ("分界值", "cut"),
    "rule": ("规则", "rule"),
    # summaries
    "customers": ("客户数", "customers"),
    "customer_share": ("客户占比 (%)", "share of customers (%)"),
    "orders": ("订单数", "orders"),
    "revenue": ("销售额 (元)", "revenue (yuan)"),
    "revenue_share": ("销售额占比 (%)", "share of revenue (%)"),
    "average_order_value": ("客单价 (元)", "average order value (yuan)"),
    "average_recency_days": ("平均间隔 (天)", "average recency (days)"),
    # questionnaire
    "response_id": ("问卷编号", "response ID"),
    "last_purchase_date": ("最近一次购买日期", "last purchase date"),
    "purchases_per_quarter": ("平均每季度购买次数", "purchases per quarter"),
    "spend_per_quarter": ("平均每季度消费金额 (元)", "spend per quarter (yuan)"),
    "satisfaction": ("满意度 (1-5)", "satisfaction (1-5)"),
    "recommend": ("推荐意愿 (0-10)", "would recommend (0-10)"),
    "row": ("行号", "row"),
    "column": ("列", "column"),
    "value": ("值", "value"),
    "reason": ("原因", "reason"),
    # chart texts
    "chart.rfm_distributions": (
        "R、F、M 的分布 (虚线 = 平均值)",
        "R, F, M distributions (dashed = mean)",
    ),
    "chart.mean": ("平均值", "mean"),
    "chart.segment_counts": ("各类客户的人数与销售额", "Customers and revenue per group"),
    "chart.rf_grid": ("R-F 网格 (颜色 = 平均消费金额)", "R-F grid (colour = average monetary)"),
    "chart.average_monetary": ("平均消费金额 (元)", "average monetary (yuan)"),
    "chart.no_data": ("(无数据)", "(no data)"),
    "chart.rfm_distributions.median": (
        "R、F、M 的分布 (虚线 = 中位数)", "R, F, M distributions (dashed = median)"
    ),
    "chart.rfm_distributions.custom": (
        "R、F、M 的分布 (虚线 = 自定义分界值)", "R, F, M distributions (dashed = custom cut)"
    ),
    "chart.r_axis_hint": ("← 越近 · 越久 →", "← more recent · longer ago →"),
    "chart.clipped_note": (
        "只画到第 99 百分位 ({limit});\n另有 {n} 位客户更高, 最高 {max}",
        "shown up to the 99th percentile ({limit});\n{n} customers above it, largest {max}",
    ),
    "chart.cell_counts": ("格中数字 = 客户数", "numbers in cells = customers"),
    "chart.r_recent": ("R↓ 较近", "R↓ recent"),
    "chart.r_long_ago": ("R↑ 较久", "R↑ longer ago"),
    "chart.f_low": ("F↓ 较少", "F↓ less often"),
    "chart.f_high": ("F↑ 较多", "F↑ more often"),
    "chart.rf_grid.r_scores": ("R 得分 (越高 = 越近)", "R score (higher = more recent)"),
    "chart.rf_grid.f_scores": ("F 得分 (越高 = 越常购买)", "F score (higher = buys more often)"),
    # widget texts (rfmkit.widgets)
    "widget.r_cut": ("R 分界 (天)", "R cut (days)"),
    "widget.f_cut": ("F 分界 (次)", "F cut (orders)"),
    "widget.m_cut": ("M 分界 (元)", "M cut (yuan)"),
    "widget.cuts_used": (
        "当前分界值 ({rule}): R {r} 天, F {f} 次, M {m} 元; 大于或等于分界值记为 ↑。",
        "Cuts in use ({rule}): R {r} days, F {f} orders, M {m} yuan; "
        "at or above a cut counts as ↑.",
    ),
    "widget.slider_hint": (
        "拖动任一滑块即切换到“自定义”规则。",
        "Moving any slider switches the rule to “custom”.",
    ),
    # scheme and rule names
    "lesson": ("课程六类法的名称", "name in the lesson's six types"),
    "classic8": ("常用八类法的名称", "name in the common eight classes"),
    "scheme.lesson": ("课程六类法", "lesson's six types"),
    "scheme.classic8": ("常用八类法", "common eight classes"),
    "cut.mean": ("平均值", "mean"),
    "cut.median": ("中位数", "median"),
    "cut.custom": ("自定义", "custom"),
    "widget.scheme": ("分组方法", "scheme"),
    "widget.cut": ("分界规则", "cut rule"),
    # customer value: pyramid, deciles, lifetime value (rfmkit.value)
    "rank": ("排名", "rank"),
    "tier": ("客户层级", "customer tier"),
    "tier.gold": ("金质客户", "gold"),
    "tier.silver": ("银质客户", "silver"),
    "tier.bronze": ("铜质客户", "bronze"),
    "tier.iron": ("铁质客户", "iron"),
    "tier.key": ("关键客户 (金质+银质)", "key customers (gold + silver)"),
    "average": ("人均 (元)", "average per customer (yuan)"),
    "group": ("组别", "group"),
    "customer_range": ("客户序号", "customers (positions)"),
    "total": ("合计 (元)", "total (yuan)"),
    "share": ("占比 (%)", "share (%)"),
    "clv": ("客户终身价值 CLV (元)", "customer lifetime value CLV (yuan)"),
    "year": ("年", "year"),
    "product_value": ("产品价值 (元)", "product value (yuan)"),
    "service_value": ("服务价值 (元)", "service value (yuan)"),
    "personnel_value": ("人员价值 (元)", "personnel value (yuan)"),
    "image_value": ("形象价值 (元)", "image value (yuan)"),
    "total_value": ("总客户价值 (元)", "total customer value (yuan)"),
    "money_cost": ("货币价格 (元)", "money cost (yuan)"),
    "time_cost": ("时间成本 (元)", "time cost (yuan)"),
    "mental_cost": ("精神成本 (元)", "mental cost (yuan)"),
    "physical_cost": ("体力成本 (元)", "physical cost (yuan)"),
    "total_cost": ("总客户成本 (元)", "total customer cost (yuan)"),
    "delivered_value": ("客户让渡价值 (元)", "customer delivered value (yuan)"),
    "yuan": ("元", "yuan"),
    # churn and lifecycle (rfmkit.lifecycle)
    "period": ("本期", "period"),
    "next_period": ("下一期", "next period"),
    "active_customers": ("本期购买客户数", "customers who bought in the period"),
    "retained_customers": ("下期仍购买的客户数", "of them, bought again next period"),
    "lost_customers": ("下期流失的客户数", "of them, lost (nothing next period)"),
    "churn_rate": ("流失率 (%)", "churn rate (%)"),
    "retention_rate": ("留存率 CRR (%)", "retention rate CRR (%)"),
    "stage": ("生命周期阶段", "lifecycle stage"),
    "stage.active": ("活跃", "active"),
    "stage.sleeping": ("睡眠", "sleeping"),
    "stage.lost": ("流失", "lost"),
    "purchases": ("购买次数", "purchases"),
    "purchases.all": ("全部", "all"),  # the total row of a purchases x stage table
    "active": ("活跃 (人)", "active (customers)"),
    "sleeping": ("睡眠 (人)", "sleeping (customers)"),
    "lost": ("流失 (人)", "lost (customers)"),
    "active_share": ("活跃占比 (%)", "active (%)"),
    "sleeping_share": ("睡眠占比 (%)", "sleeping (%)"),
    "lost_share": ("流失占比 (%)", "lost (%)"),
    # notebooks 03-05: pyramid, lifetime value, churn (rfmkit.charts.value, rfmkit.widgets.value)
    "yearly_spend": ("近一年消费金额 (元)", "spend in the last year (yuan)"),
    "undiscounted": ("未折现合计 (元)", "undiscounted sum (yuan)"),
    "discounted_away": ("折现减少的金额 (元)", "lost to discounting (yuan)"),
    "customer_equity": ("客户资产 (元)", "customer equity (yuan)"),
    "average_clv": ("平均 CLV (元)", "average CLV (yuan)"),
    "median_clv": ("CLV 中位数 (元)", "median CLV (yuan)"),
    "clv_total": ("CLV 合计 (元)", "total CLV (yuan)"),
    "clv_share": ("CLV 占比 (%)", "share of total CLV (%)"),
    "undiscounted_total": ("未折现合计 (元)", "undiscounted total (yuan)"),
    "recency_range": ("间隔范围 (天)", "recency (days)"),
    "chart.what.monetary": ("销售额", "revenue"),
    "chart.what.clv": ("终身价值", "lifetime value"),
    "chart.pyramid": ("客户金字塔", "Customer pyramid"),
    "chart.pyramid.by_monetary": ("按消费金额 M 分层", "tiers by spend M"),
    "chart.pyramid.by_clv": ("按客户终身价值 CLV 分层", "tiers by lifetime value CLV"),
    "chart.pyramid.layer": (
        "{n} 位客户 (占 {share}%)\n贡献{what}的 {value_share}%",
        "{n} {customers} ({share}%)\n{value_share}% of {what}",
    ),
    "chart.pyramid.key": (
        "{n} 位客户, 占 {share}%\n贡献{what}的 {value_share}%",
        "{n} {customers}, {share}% of all,\nbring {value_share}% of {what}",
    ),
    "chart.pyramid.note": (
        "各层画成同样高, 每层的大小请看右边的数字。",
        "The layers are drawn the same height; the numbers give their sizes.",
    ),
    "chart.cash_flow": ("当年的现金流 R_i", "cash flow R_i in year i"),
    "chart.present_value": ("折现到今天 R_i / (1+r)^i", "worth today R_i / (1+r)^i"),
    "chart.discount": (
        "{n} 年共 {total} 元, 按 r = {rate}% 折现, 今天值 {clv} 元 (CLV)",
        "{total} yuan over {n} years is worth {clv} yuan today (CLV at r = {rate}%)",
    ),
    "chart.clv_distribution": ("每位客户的终身价值 (CLV) 分布", "Customer lifetime value (CLV)"),
    "chart.equity_box": (
        "客户资产 = 所有 CLV 之和\n= {equity} 元 ({n} 位客户)",
        "customer equity = sum of all CLVs\n= {equity} yuan ({n} customers)",
    ),
    "chart.retained": ("下一期仍购买 (留存)", "bought again next period (retained)"),
    "chart.lost": ("下一期没有购买 (流失)", "bought nothing next period (lost)"),
    "chart.churn_label": ("流失 {churn}%\n留存 {crr}%", "churn {churn}%\nCRR {crr}%"),
    "chart.churn": (
        "每期购买过的客户: 下一期留存还是流失", "Customers of each period: retained or lost next"
    ),
    "chart.churn.x": ("本期", "period"),
    "chart.stage_counts": ("各生命周期阶段的客户数", "Customers per lifecycle stage"),
    "chart.stage_thresholds": (
        "活跃 ≤ {a} 天 < 睡眠 ≤ {s} 天 < 流失", "active ≤ {a} days < sleeping ≤ {s} days < lost"
    ),
    "chart.all": ("全部", "all"),
    "chart.stage_share_x": ("占该行客户的比例 (%)", "share of the row's customers (%)"),
    "chart.stage_by_purchases": ("购买次数 × 生命周期阶段", "Purchases × lifecycle stage"),
    "widget.gold_share": ("金质 (%)", "gold (%)"),
    "widget.silver_share": ("银质 (%)", "silver (%)"),
    "widget.bronze_share": ("铜质 (%)", "bronze (%)"),
    "widget.iron_rest": (
        "铁质客户 = 其余的 {iron}%。", "Iron takes the rest: {iron}%."
    ),
    "widget.basis": ("排序依据", "rank by"),
    "basis.monetary": ("消费金额 M", "spend M"),
    "basis.clv": ("终身价值 CLV", "lifetime value CLV"),
    "widget.rate": ("折现率 r (%)", "discount rate r (%)"),
    "widget.years": ("年数 n", "years n"),
    "widget.margin": ("毛利率 (%)", "margin (%)"),
    "widget.retention": ("每年留存率 (%)", "yearly retention (%)"),
    "widget.clv_assumptions": (
        "假设: 第 1 年现金流 = 近一年消费 × 毛利率 {margin}%, 之后每年只留下 {retention}%, "
        "共 {years} 年, 折现率 {rate}%。",
        "Assumptions: year-1 cash flow = last year's spend × margin {margin}%, then "
        "{retention}% stay each year, {years} years, discount rate {rate}%.",
    ),
    "widget.active_days": ("活跃: 间隔最多 (天)", "active: up to (days)"),
    "widget.sleeping_days": ("睡眠: 间隔最多 (天)", "sleeping: up to (days)"),
    "widget.stage_rule": (
        "间隔 ≤ {a} 天为活跃, {a} 天以上到 {s} 天为睡眠, 超过 {s} 天为流失。",
        "Recency up to {a} days is active, above {a} up to {s} days sleeping, "
        "above {s} days lost.",
    ),
    "widget.one_time": (
        "只买过一次的客户中, {share}% 处于睡眠或流失阶段。",
        "Of the customers who bought once, {share}% are sleeping or lost.",
    ),
    # the Sam's Club case (rfmkit.case)
    "member_id": ("会员号", "member ID"),
    "visits": ("到店次数 (次)", "visits"),
    "sales": ("销售额 (元)", "sales (yuan)"),
    "ticket": ("客单价 (元/次)", "average ticket (yuan per visit)"),
    "visits_before": ("上月到店次数", "visits last month"),
    "visits_after": ("本月到店次数", "visits this month"),
    "ticket_before": ("上月客单价 (元)", "ticket last month (yuan)"),
    "ticket_after": ("本月客单价 (元)", "ticket this month (yuan)"),
    "sales_before": ("上月销售额 (元)", "sales last month (yuan)"),
    "sales_after": ("本月销售额 (元)", "sales this month (yuan)"),
    "visit_growth": ("消费频率增长率", "visit growth"),
    "ticket_growth": ("客单价增长率", "ticket growth"),
    "sales_growth": ("销售额增长率", "sales growth"),
    "visit_growth_pct": ("消费频率增长率 (%)", "visit growth (%)"),
    "ticket_growth_pct": ("客单价增长率 (%)", "ticket growth (%)"),
    "sales_growth_pct": ("销售额增长率 (%)", "sales growth (%)"),
    "visits_target_met": ("到店次数目标达成", "visits target met"),
    "ticket_target_met": ("客单价目标达成", "ticket target met"),
    "sales_target_met": ("销售额目标达成", "sales target met"),
    "baseline_zero": ("上月无消费 (无基期)", "no purchase last month (no baseline)"),
    "target_pct": ("目标 (%)", "target (%)"),
    "average_growth_pct": (
        "平均增长率 (%, 各会员增长率的平均)", "average growth (%, mean of members' rates)"
    ),
    "aggregate_growth_pct": ("整体增长率 (%, 按合计)", "aggregate growth (%, from totals)"),
    "before": ("上月合计", "last month (total)"),
    "after": ("本月合计", "this month (total)"),
    "members_averaged": ("参与平均的会员数", "members averaged"),
    "members_excluded": ("未计入的会员数 (增长率无定义)", "members left out (rate undefined)"),
    "members": ("会员数", "members"),
    "member_share_pct": ("会员占比 (%)", "share of members (%)"),
    "field": ("字段", "field"),
    "field_value": ("取值", "value"),
    "group_members": ("本组人数", "members in the group"),
    "group_share_pct": ("本组占比 (%)", "share in the group (%)"),
    "reference_members": ("对照人数", "members in the reference"),
    "reference_share_pct": ("对照占比 (%)", "share in the reference (%)"),
    "difference_pct_points": ("差 (百分点)", "difference (percentage points)"),
    # the Sam's Club case, notebook 08 (rfmkit.case, rfmkit.charts.case, rfmkit.widgets.case)
    "reference_ratio": ("第 1 组人均是本组的几倍", "group 1's average ÷ this group's"),
    "extra_sales": (
        "达到增长目标可多卖 (元/月)", "extra sales at the growth target (yuan a month)"
    ),
    "visit_share_pct": ("占上月到店次数 (%)", "share of last month's visits (%)"),
    "last_month_spend": ("上月消费 (元)", "spend last month (yuan)"),
    "marital_status": ("婚姻状况", "marital status"),
    "uses_wechat": ("使用微信", "uses WeChat"),
    "growth_pct": ("增长率 (%)", "growth (%)"),
    "chart.deciles": (
        "月客户十分位分析: 各组人均月消费", "Monthly customer deciles: average spend"
    ),
    "chart.decile_axis": (
        "组别 (按月消费从高到低排序, 每组 {n} 人)",
        "group (members sorted by monthly spend, highest first; {n} in each group)",
    ),
    "chart.average_spend": ("人均月消费 (元)", "average monthly spend (yuan)"),
    "chart.target_group": ("目标组", "target group"),
    "chart.before_after": ("各组上月与本月对比", "Last month and this month, per group"),
    "chart.before_after.round2": (
        "第二轮: 上月 (第一轮当月) 与第二轮当月对比",
        "Round 2: last month (round 1's month) and the round-2 month",
    ),
    "chart.last_month": ("上月", "last month"),
    "chart.this_month": ("本月", "this month"),
    "chart.round1_month": ("上月 (第一轮当月)", "last month (round 1's month)"),
    "chart.round2_month": ("第二轮当月", "round-2 month"),
    "chart.visits_per_member": ("人均到店次数 (次)", "visits per member"),
    "chart.ticket": ("客单价 (元/次)", "average ticket (yuan per visit)"),
    "chart.sales_per_member": ("人均销售额 (元)", "sales per member (yuan)"),
    "chart.growth_note": ("柱上数字 = 整体增长率", "numbers above bars = aggregate growth"),
    "chart.group_counts.round1": (
        "第一轮: 各组会员人数 (目标: 到店次数 +{v} %, 客单价 +{t} %)",
        "Round 1: members per group (targets: visits +{v} %, ticket +{t} %)",
    ),
    "chart.group_counts.round2": (
        "第二轮: A4 会员按销售额增长率分组", "Round 2: A4 members by growth of monthly sales"
    ),
    "chart.group_counts": ("各组会员人数", "Members per group"),
    "widget.visits_target": ("到店次数目标 (+%)", "visits target (+%)"),
    "widget.ticket_target": ("客单价目标 (+%)", "ticket target (+%)"),
    "widget.targets_hint": (
        "拖动滑块改变目标; 分组表和图会随之更新。",
        "Move a slider to change a target; the group table and the chart follow.",
    ),
    # personalised service, care calendar and preferences (rfmkit.service, rfmkit.preferences);
    # generic names (name, tier, stage, ...) are filled in by those modules only if no other
    # entry defines them
    "features": ("客户特征", "customer features"),
    "service": ("个性化服务", "personalised service"),
    "also": ("其他适用服务", "also applies"),
    "channel": ("渠道", "channel"),
    "channel_name": ("渠道名称", "channel name"),
    "when": ("时间", "when"),
    "when_date": ("日期", "date"),
    "matched_rules": ("符合的规则", "matching rules"),
    "condition": ("条件", "condition"),
    "favourite_category": ("偏好品类", "favourite category"),
    "first_purchase_date": ("首次购买日期", "first purchase date"),
    "next_birthday": ("下次生日", "next birthday"),
    "days_to_birthday": ("距生日 (天)", "days to birthday"),
    "holiday": ("节日代码", "holiday code"),
    "holiday_name": ("节日", "holiday"),
    "days_until": ("距今 (天)", "days away"),
    "greeting": ("问候语", "greeting"),
    "purchase_date": ("购买日期", "purchase date"),
    "days_since_purchase": ("购买后 (天)", "days since purchase"),
    "step_name": ("处理步骤", "step"),
    "owner": ("负责人", "owner"),
    "status_name": ("状态", "status"),
    "first_order_id": ("首单订单号", "first order ID"),
    "first_order_date": ("首单日期", "first order date"),
    "first_ticket": ("首单金额 (元)", "first order value (yuan)"),
    "ticket_band": ("客单价区间 (元)", "ticket band (yuan)"),
    "band_lower": ("区间下限 (元)", "band from (yuan)"),
    "band_upper": ("区间上限 (元)", "band to (yuan)"),
    "difference": ("差价 (元)", "difference (yuan)"),
    "difference_pct": ("差价 (%)", "difference (%)"),
    "period_start": ("期间开始", "period start"),
    "new_customers": ("新客户数", "new customers"),
    "returning_customers": ("老客户数", "returning customers"),
    "new_share": ("新客户占比 (%)", "new customers (%)"),
    "returning_share": ("老客户占比 (%)", "returning customers (%)"),
    "spend": ("消费金额 (元)", "spend (yuan)"),
    "spend_share": ("消费占比 (%)", "share of spend (%)"),
    "category_name": ("品类名称", "category"),
    "item_a": ("商品 A", "item A"),
    "item_b": ("商品 B", "item B"),
    "customers_a": ("买过 A 的客户", "customers who bought A"),
    "customers_b": ("买过 B 的客户", "customers who bought B"),
    "customers_both": ("两者都买过的客户", "customers who bought both"),
    "support": ("支持度", "support"),
    "confidence": ("置信度 (A→B)", "confidence (A→B)"),
    "lift": ("提升度", "lift"),
    "times": ("次数", "times"),
    "first_date": ("首次日期", "first date"),
    "last_date": ("最近日期", "last date"),
    "tags": ("标签", "tags"),
    "segment_customers": ("本组客户数", "customers in the group"),
    "segment_share": ("本组占比 (%)", "share in the group (%)"),
    "all_customers": ("全体会员数", "all members"),
    "all_share": ("全体占比 (%)", "share of all members (%)"),
    # notebooks 06-07: value metrics, messages, charts and widgets (rfmkit.charts.service,
    # rfmkit.widgets.service)
    "message": ("消息内容", "message"),
    "period_end": ("期间结束", "period end"),
    "base_start": ("对照期开始", "base window start"),
    "start_customers": ("期初客户数", "customers at the start"),
    "kept_customers": ("留存客户数 (期初客户本期又购买)", "kept (bought again in the period)"),
    "reactivated_customers": ("回流客户数 (不计入)", "came back after a long gap (not counted)"),
    "end_customers": ("期末客户数 (留存 + 新)", "customers at the end (kept + new)"),
    "nps.promoters": ("推荐者 (9-10 分)", "promoters (9-10)"),
    "nps.passives": ("中立者 (7-8 分)", "passives (7-8)"),
    "nps.detractors": ("贬损者 (0-6 分)", "detractors (0-6)"),
    "chart.service_mix": ("个性化服务计划: 每项服务的客户数",
                          "Personalised service plan: customers per service"),
    "chart.care_calendar": ("关怀日历: 未来 {days} 天的会员生日与节日",
                            "Care calendar: members' birthdays and holidays, next {days} days"),
    "chart.birthdays_per_day": ("当天过生日的会员 (人)", "members with a birthday (per day)"),
    "chart.new_customer_note": (
        "另有 {n} 位新客户待关怀\n(最近 {days} 天内首次且唯一一次购买)",
        "plus {n} new customers to care for\n(only purchase within the last {days} days)",
    ),
    "chart.nps": ("净推荐值 NPS = {nps} (推荐者 {p}% - 贬损者 {d}%, {n} 份回答)",
                  "Net promoter score NPS = {nps} (promoters {p}% - detractors {d}%, "
                  "{n} answers)"),
    "chart.answer_share": ("回答占比 (%)", "share of answers (%)"),
    "chart.ticket_bands": ("新客户首单客单价分布 ({n} 位新客户)",
                           "First-order value of new customers ({n} new customers)"),
    "chart.new_vs_returning": ("每月购买客户: 新客户与老客户",
                               "Buyers per month: new and returning customers"),
    "chart.new_share_line": ("新客户占比 (%, 右轴)", "new customers (%, right axis)"),
    "chart.preference_heatmap": ("各类客户的品类偏好 (占本组消费金额的 %)",
                                 "Category preference per group (% of the group's spend)"),
    "chart.profile": ("会员画像: {group} ({n} 人) 与全体会员对比",
                      "Profile: {group} ({n} members) vs all members"),
    "chart.this_group": ("本组", "this group"),
    "chart.all_members": ("全体会员", "all members"),
    "widget.choose_by": ("按", "choose by"),
    "widget.by.segment": ("客户类型", "customer type"),
    "widget.by.tier": ("客户层级", "customer tier"),
    "widget.group": ("分组", "group"),
    "widget.channel": ("渠道", "channel"),
    "widget.all": ("(全部)", "(all)"),
    "widget.preview_for": ("预览客户", "preview for"),
    "widget.selection": ("共 {n} 位客户, 下表显示前 {shown} 位。",
                         "{n} customers; the table shows the first {shown}."),
    "widget.no_customers": ("没有符合条件的客户。", "No customer matches this choice."),
    "widget.message_preview": ("消息预览", "Message preview"),
    "widget.edges": ("区间分界 (元)", "band edges (yuan)"),
    "widget.edges_hint": (
        "用逗号分隔的递增数字, 例如 0, 50, 100, 200, 500; 最后一档自动延伸到 ∞。按回车生效。",
        "Increasing numbers separated by commas, e.g. 0, 50, 100, 200, 500; the last band "
        "runs to ∞. Press Enter to apply.",
    ),
    "widget.edges_error": ("这些分界无法使用: {error}", "These edges cannot be used: {error}"),
    "widget.new_days": ("新客户: 最近多少天内首购", "new-customer window (days)"),
    "customers_new": ("新规则下的客户数", "customers with the new rules"),
    "change": ("变化", "change"),
    # shared column names (service, preferences)
    "name": ("名称", "name"),
    # a person's name (members, customers); "name" above is also a product's name and a code's
    # display name, so a person's name column needs this key to be shown as 姓名
    "customer_name": ("姓名", "name"),
    "birthday": ("生日", "birthday"),
    "age_band": ("年龄段", "age band"),
    "preferred_channel": ("偏好渠道", "preferred channel"),
    "date": ("日期", "date"),
    "priority": ("优先级", "priority"),
    "step": ("步骤", "step"),
    "status": ("状态", "status"),
    "note": ("备注", "note"),
    "tag": ("标签", "tag"),
    "buyers": ("购买人数", "buyers"),
    # warnings (rfmkit.validation.RfmkitWarning), shown in the notebook's language
    "warning": ("提示", "Note"),
    "warning.no_cjk_font": (
        "rfmkit: 这台电脑上没有找到中文 (CJK) 字体, 所以图表暂用英文 (表格和控件仍显示中文)。"
        "要显示中文图表, 请安装一个中文字体, 例如 Noto Sans CJK SC: Windows 和 macOS 自带中文字体; "
        "Debian/Ubuntu 上运行 `sudo apt-get install fonts-noto-cjk`; 也可以从 "
        "https://github.com/notofonts/noto-cjk 下载。然后删除 matplotlib 的字体缓存文件夹 "
        "({cachedir}) 并重启内核。",
        "rfmkit: no Chinese (CJK) font was found on this computer, so charts use English text "
        "(tables and widgets still show Chinese). To get Chinese charts, install a CJK font, "
        "for example Noto Sans CJK SC: Windows and macOS already have one; on Debian/Ubuntu run "
        "`sudo apt-get install fonts-noto-cjk`; otherwise download it from "
        "https://github.com/notofonts/noto-cjk. Then delete matplotlib's font cache folder "
        "({cachedir}) and restart the kernel.",
    ),
    "warning.bins_collapsed": (
        "{metric_name}: 很多客户的数值相同, 要求分 {wanted} 档, 实际只剩 {got} 档 (分界 {edges}); "
        "得分只有 1 到 {got}。",
        "{metric_name}: many customers share the same value, so only {got} of {wanted} bins "
        "remain (edges {edges}); scores run 1..{got}.",
    ),
    # the shop owner's report (rfmkit.report)
    "code": ("代码", "code"),
    "report.title": ("客户价值分析报告", "Customer-value report"),
    "report.item": ("项目", "item"),
    "report.file": ("文件", "file"),
    "report.asof": ("分析日期", "as-of date"),
    "report.rows_read": ("读入行数", "rows read"),
    "report.rows_kept": ("保留行数", "rows kept"),
    "report.rows_rejected": ("拒收行数 (原因见“拒收的行”)",
                             "rows rejected (see the rejected rows)"),
    "report.customers": ("客户数", "customers"),
    "report.preset": ("识别出的导出格式", "export format recognised"),
    "report.sheet.summary": ("读取摘要", "Read summary"),
    "report.sheet.rejected": ("拒收的行", "Rejected rows"),
    "report.sheet.rfm": ("RFM 客户分组", "RFM groups"),
    "report.sheet.pyramid": ("客户金字塔", "Customer pyramid"),
    "report.sheet.stages": ("生命周期阶段", "Lifecycle stages"),
    "report.sheet.plan": ("个性化服务 (已脱敏)", "Service plan (masked)"),
    "report.sheet.charts": ("图表", "Charts"),
    "report.step.read": ("读取订单", "reading the orders"),
    "report.step.rfm": ("计算 R、F、M 与客户分组", "R, F, M and the groups"),
    "report.step.pyramid": ("客户金字塔", "the customer pyramid"),
    "report.step.stages": ("生命周期阶段", "lifecycle stages"),
    "report.step.plan": ("个性化服务方案", "the service plan"),
    "report.step.charts": ("绘制图表", "drawing the charts"),
    "report.step.write": ("写出报告", "writing the report"),
    "report.as_of_note": (
        "所有数字截至 {asof}: 之后的订单不计入。",
        "All numbers as of {asof}: later orders do not count.",
    ),
    # --- names of codes: service rules, services, channels, categories (rfmkit.service*) ---
    "rule.birthday": ("生日", "birthday"),
    "rule.no_value_birthday": ("无价值客户生日", "no-value birthday"),
    "rule.new_customer": ("新客户", "new customer"),
    "rule.maintain_drifting": ("重要维护客户久未购买", "maintain customer drifting"),
    "rule.key_customer_lost": ("关键客户流失", "key customer lost"),
    "rule.win_back_group": ("挽留类客户", "win-back group"),
    "rule.gold_tier": ("金质客户", "gold tier"),
    "rule.maintain_group": ("重要维护客户", "maintain group"),
    "rule.develop_group": ("重要发展客户", "develop group"),
    "rule.raise_ticket_group": ("提高客单价", "raise the ticket"),
    "rule.lost_customer": ("流失客户", "lost customer"),
    "rule.everyone_else": ("所有其他客户", "everyone else"),
    "shortest_days": ("最短间隔 (天)", "shortest (days)"),
    "tag.coffee_regular": ("咖啡常客", "coffee regular"),
    "tag.young_parents": ("新手爸妈", "young parents"),
    "longest_days": ("最长间隔 (天)", "longest (days)"),
    "segment_name": ("客户类型名称", "customer type name"),
    "tier_name": ("客户层级名称", "tier name"),
    "stage_name": ("生命周期阶段名称", "stage name"),
    "service_name": ("服务名称", "service name"),
    "service.care_greeting": ("关怀问候", "care greeting"),
    "service.birthday_gift": ("生日小礼物", "birthday gift"),
    "service.revisit_call": ("电话回访", "revisit call"),
    "service.new_product_notice": ("新品通知", "new-product notice"),
    "service.coupon": ("优惠券", "coupon"),
    "service.trial_sample": ("新品试用装", "trial sample"),
    "service.win_back_offer": ("专属回归优惠", "win-back offer"),
    "service.priority_service": ("优先服务", "priority service"),
    "channel.WeChat": ("微信", "WeChat"),
    "channel.SMS": ("短信", "SMS"),
    "channel.e-mail": ("电子邮件", "e-mail"),
    "channel.Weibo": ("微博", "Weibo"),
    "channel.phone": ("电话", "phone"),
    "channel.in-site message": ("站内信", "in-site message"),
    "category.personal care": ("个人护理", "personal care"),
    "category.snacks": ("零食", "snacks"),
    "category.beauty": ("美妆", "beauty"),
    "category.home": ("家居", "home"),
    "category.apparel": ("服装", "apparel"),
    "category.baby": ("母婴", "baby"),
    "category.digital": ("数码", "digital"),
    "category.sports": ("运动", "sports"),
    "condition.everyone_else": ("所有其他客户", "everyone else"),
    "condition.segment": ("客户类型: {values}", "customer type: {values}"),
    "condition.segment_except": ("客户类型: 除{values}以外", "customer type: all but {values}"),
    "condition.tier": ("层级: {values}", "tier: {values}"),
    "condition.stage": ("阶段: {values}", "stage: {values}"),
    "condition.favourite_category": ("偏好: {values}", "favourite: {values}"),
    "condition.preferred_channel": ("偏好渠道: {values}", "channel: {values}"),
    "condition.age_band": ("年龄段: {values}", "age band: {values}"),
    "condition.birthday_within_days": ("{n}天内生日", "birthday within {n} days"),
    "condition.new_customer_within_days": (
        "仅一次购买且在最近{n}天内", "only purchase within the last {n} days"
    ),
    "condition.min_orders": ("至少{n}次购买", "at least {n} orders"),
    "condition.max_orders": ("至多{n}次购买", "at most {n} orders"),
    "reason.no_other_rule": ("其他规则都不适用", "no other rule applies"),
    "reason.birthday_today": ("今天生日", "birthday today"),
    "reason.birthday_in": ("{days}后生日 ({date})", "birthday in {days} ({date})"),
    "reason.new_customer": (
        "新客户: 唯一一次购买在{days}前 ({date})", "new customer: only purchase {days} ago ({date})"
    ),
    "reason.orders": ("{n}次购买", "{n} orders"),
    "when.within_days": ("{n}天内", "within {n} days"),
    "when.within_days.dated": ("{n}天内 ({date}前)", "within {n} days (by {date})"),
    "when.today": ("今天", "today"),
    "when.today.dated": ("今天 ({date})", "today ({date})"),
    "when.on_birthday": ("生日当天", "on the birthday"),
    "when.on_birthday.dated": ("生日当天 ({date})", "on the birthday ({date})"),
    "when.on_birthday.unknown": ("生日当天 (生日未知)", "on the birthday (birthday unknown)"),
    "when.next_holiday": ("下一个节日", "at the next holiday"),
    "when.before_next_launch": ("下次新品上市前", "before the next launch"),
    "when.before_next_launch.dated": ("新品上市前 ({date}前)", "before the launch on {date}"),
    "when.ongoing": ("长期", "ongoing"),
    "text.and": (" 且 ", " and "),
    "text.day": ("{n}天", "{n} day"),
    "text.days": ("{n}天", "{n} days"),
    "text.favourite": ("偏好", "favourite"),
    "text.customer": ("客户", "customer"),
    "text.our_shop": ("商品", "our shop"),
    "text.soon": ("近期", "soon"),
    "holiday.new_year": ("元旦", "New Year's Day"),
    "holiday.womens_day": ("妇女节", "Women's Day"),
    "holiday.labour_day": ("劳动节", "Labour Day"),
    "holiday.festival_618": ("618购物节", "618 shopping festival"),
    "holiday.national_day": ("国庆节", "National Day"),
    "holiday.double_11": ("双11购物节", "Double 11 shopping festival"),
    "holiday.double_12": ("双12购物节", "Double 12 shopping festival"),
    "holiday.spring_festival": ("春节", "Spring Festival"),
    "holiday.lantern_festival": ("元宵节", "Lantern Festival"),
    "holiday.dragon_boat": ("端午节", "Dragon Boat Festival"),
    "holiday.qixi": ("七夕", "Qixi Festival"),
    "holiday.mid_autumn": ("中秋节", "Mid-Autumn Festival"),
    "greeting.new_year": (
        "新年快乐! 感谢您过去一年的支持。", "Happy New Year! Thank you for your support this year."
    ),
    "greeting.womens_day": ("三八妇女节快乐, 愿您美丽自信!", "Happy Women's Day!"),
    "greeting.labour_day": ("劳动节快乐, 假期愉快!", "Happy Labour Day, enjoy the holiday!"),
    "greeting.festival_618": (
        "618购物节到啦, 会员专属福利已为您备好!",
        "The 618 festival is here: your member offers are ready!",
    ),
    "greeting.national_day": ("国庆节快乐, 假期愉快!", "Happy National Day, enjoy the holiday!"),
    "greeting.double_11": (
        "双11来啦, 会员专属福利已为您备好!", "Double 11 is here: your member offers are ready!"
    ),
    "greeting.double_12": (
        "双12来啦, 感谢您一年的陪伴!", "Double 12 is here: thank you for a year together!"
    ),
    "greeting.spring_festival": ("新春快乐, 万事如意!", "Happy Spring Festival!"),
    "greeting.lantern_festival": ("元宵节快乐, 阖家团圆!", "Happy Lantern Festival!"),
    "greeting.dragon_boat": ("端午安康!", "Wishing you a healthy Dragon Boat Festival!"),
    "greeting.qixi": ("七夕快乐!", "Happy Qixi Festival!"),
    "greeting.mid_autumn": ("中秋快乐, 花好月圆!", "Happy Mid-Autumn Festival!"),
    "step.register": ("登记投诉", "register the complaint"),
    "step.analyse": ("分析原因", "analyse the cause"),
    "step.solve": ("确定解决方案", "decide a solution"),
    "step.carry_out": ("执行方案", "carry out the solution"),
    "step.report_back": ("反馈客户", "report back to the customer"),
    "owner.service_agent": ("客服专员", "service agent"),
    "owner.service_supervisor": ("客服主管", "service supervisor"),
    "owner.department": ("相关部门", "department in charge"),
    "status.done": ("已完成", "done"),
    "status.in_progress": ("进行中", "in progress"),
    "status.pending": ("待处理", "pending"),
    "template.care_greeting": (
        "亲爱的{name}, 您好! 感谢您一直以来的支持, 祝您生活愉快。",
        "Dear {name}, thank you for shopping with us. We wish you all the best!",
    ),
    "template.birthday_gift": (
        "亲爱的{name}, 生日快乐! 我们为您准备了一份生日小礼物, 祝您天天开心。",
        "Dear {name}, happy birthday! We have a small birthday gift for you.",
    ),
    "template.revisit_call": (
        "亲爱的{name}, 您好! 我们想听听您对最近购物的意见和建议, 客服将在{when}与您联系。",
        "Dear {name}, we would like to hear what you think of your recent purchases; "
        "our service team will contact you {when}.",
    ),
    "template.new_product_notice": (
        "亲爱的{name}, 您喜欢的{category}有新品上市啦, 欢迎抢先了解!",
        "Dear {name}, new products in {category} are arriving: be the first to take a look!",
    ),
    "template.coupon": (
        "亲爱的{name}, 送您一张专属优惠券, 使用时间: {when}。欢迎再次光临!",
        "Dear {name}, here is a personal coupon for you (use it: {when}). See you soon!",
    ),
    "template.trial_sample": (
        "亲爱的{name}, 感谢您的厚爱! 新品上市前, 我们为您准备了一份免费试用装。",
        "Dear {name}, thank you for your loyalty! Before the launch, a free trial sample "
        "is waiting for you.",
    ),
    "template.win_back_offer": (
        "亲爱的{name}, 好久不见, 我们很想念您! 送您一份专属回归优惠, 使用时间: {when}。",
        "Dear {name}, we have missed you! Here is a personal welcome-back offer "
        "(use it: {when}).",
    ),
    "template.priority_service": (
        "亲爱的{name}, 您是我们的重要会员, 已为您开通优先服务通道, 有需要请随时联系我们。",
        "Dear {name}, as one of our most valued members you now have priority service: "
        "contact us any time.",
    ),
    "template.generic": (
        "亲爱的{name}, 您好! 我们为您准备了: {service_name}。",
        "Dear {name}, we have something for you: {service_name}.",
    ),
    # --- names of codes: preferences, members, products (rfmkit.preferences) ---
    # reasons a reader leaves a row out (rfmkit.io.reason_code) and order status codes
    # what else a read found (rfmkit.io.ReadResult.details)
    "read_detail.preset": ("已识别平台导出格式: {title} (preset={preset!r})",
                           "platform export recognised: {title} (preset {preset!r})"),
    "read_detail.sheet": ("读取的工作表: {sheet!r}; 工作簿中还有 {others} "
                          "(用 sheet_name= 读取其他表)",
                          "read sheet {sheet!r}; the workbook also has {others} "
                          "(pass sheet_name= to read another)"),
    "read_detail.header": ("列名在第 {line} 行; 上面 {above} 行 (标题或说明) 已跳过",
                           "column names on line {line}; the {above} line(s) above it were "
                           "skipped"),
    "read_detail.status": ("按订单状态的行数: {counts}", "rows by order status: {counts}"),
    "read_detail.blank_status": ("(空)", "(blank)"),
    "read_detail.repeats": ("有 {n} 行与同一订单的前一行完全相同; 已保留, 因为文件没有子订单号, "
                            "看不出是同一行重复还是两件商品",
                            "{n} line(s) repeat an earlier line of the same order exactly; "
                            "kept, since without a line (sub-order) id the file does not show "
                            "whether they are one line twice or two items"),
    "read_reason.blank": ("必填项为空", "a required value is blank"),
    "read_reason.empty_row": ("空行", "empty row"),
    "read_reason.too_many_values": ("这一行的值比表头的列多 (含逗号的值需加引号)",
                                    "more values than the header has columns"),
    "read_reason.eight_digits": ("不是日期: 20250503 这样的 8 位数字有歧义 (请写 2025-05-03)",
                                 "not a date: 8-digit numbers are ambiguous"),
    "read_reason.not_a_date": ("不是日期 (应为 2025-05-03、2025/5/3 或 2025年5月3日)",
                               "not a date"),
    "read_reason.year_out_of_range": ("年份超出范围", "year out of range"),
    "read_reason.impossible_date": ("不存在的日期", "impossible date"),
    "read_reason.impossible_time": ("不存在的时刻", "impossible time of day"),
    "read_reason.not_money": ("不是金额 (应为 1200、1,200.50 或 ¥1200)", "not an amount of money"),
    "read_reason.decimals": ("小数超过 2 位: 不是以元为单位的金额", "more than 2 decimal places"),
    "read_reason.thousands": ("千位分隔符位置不对 (应为 1,200 或 1,200,000)",
                              "badly placed thousands separator"),
    "read_reason.negative_amount": ("问卷答案中的金额为负数", "negative amount in a survey answer"),
    "read_reason.too_large": ("数字过大: 超过 15 位不是金额", "number too large"),
    "read_reason.not_whole": ("不是整数", "not a whole number"),
    "read_reason.negative_count": ("次数或件数为负数", "negative number"),
    "read_reason.score_range": ("评分超出范围", "score out of range"),
    "read_reason.total_row": ("合计行, 不是订单", "a total row, not an order line"),
    "read_reason.stray_quote": ("这一行有未闭合的引号: 去掉引号读取, 以免吞掉后面的行",
                                "a quote on this line is never closed"),
    "read_reason.status_closed": ("订单已关闭: 不算购买", "order closed: not a purchase"),
    "read_reason.status_cancelled": ("订单已取消: 不算购买", "order cancelled: not a purchase"),
    "read_reason.status_unpaid": ("订单未付款: 不算购买", "order not paid: not a purchase"),
    "read_reason.status_refunded": ("订单已退款: 不算购买", "order refunded: not a purchase"),
    "read_reason.status_blank": ("订单状态为空: 不算购买", "order status is blank"),
    "read_reason.status_unknown": ("无法识别的订单状态: 不计入 (不猜测)", "unknown order status"),
    "read_reason.refund_full": ("已全额退款: 不算购买", "refunded in full: not a purchase"),
    "read_reason.refund_too_large": ("退款金额大于实付金额", "refund larger than the amount paid"),
    "read_reason.not_paid": ("没有付款时间: 未付款", "no payment time: not paid"),
    "read_reason.duplicate_line": ("与前面某一行完全相同 (同一行出现两次, 只算一次)",
                                   "repeats an earlier line exactly: counted once"),
    "read_reason.several": ("多处问题", "several problems"),
    "read_reason.other": ("其他原因", "other reason"),
    "order_status.paid": ("已付款", "paid"),
    "order_status.unpaid": ("未付款", "not paid"),
    "order_status.closed": ("已关闭", "closed"),
    "order_status.cancelled": ("已取消", "cancelled"),
    "order_status.refunded": ("已退款", "refunded"),
    "order_status.unknown": ("无法识别", "unknown"),
    "profile_value.(missing)": ("(未填)", "(missing)"),
    "segment.(none)": ("(无客户类型)", "(no customer type)"),
    # --- names of codes: the Sam's Club case (rfmkit.case) ---
    # application-form answers of the Sam's Club members (data/samsclub_members.csv)
    "profile_value.F": ("女", "F"),
    "profile_value.M": ("男", "M"),
    "profile_value.single": ("单身", "single"),
    "profile_value.married": ("已婚", "married"),
    "profile_value.True": ("是", "yes"),
    "profile_value.False": ("否", "no"),
    "profile_value.advertising": ("广告", "advertising"),
    "profile_value.business services": ("商务服务", "business services"),
    "profile_value.finance": ("金融", "finance"),
    "profile_value.freelance": ("自由职业", "freelance"),
    "profile_value.marketing": ("市场营销", "marketing"),
    "profile_value.medical": ("医疗", "medical"),
    "profile_value.military": ("军人", "military"),
    "profile_value.other": ("其他", "other"),
    "profile_value.real estate": ("房地产", "real estate"),
    "profile_value.student": ("学生", "student"),
    "profile_value.teacher": ("教师", "teacher"),
    "profile_value.technical": ("技术", "technical"),
    "profile_value.trade": ("贸易", "trade"),
    "profile_value.transport": ("交通运输", "transport"),
    "decile_reading.uplift": ("有到店习惯和一定客单价: 做客户提升",
                              "has the habit and some basket: uplift"),
    "decile_reading.rare_not_loyal": ("客单价较高, 但很少来、不忠诚",
                                      "higher ticket, but buys rarely, not loyal"),
    "decile_reading.new_or_dormant": ("可能是新客户或休眠客户: 按新客户开发",
                                      "may be new or dormant: develop as new customers"),
    "case_reading": ("案例的判断", "the case's reading"),
    # the capstone, notebook 09 (rfmkit.capstone)
    "capstone_cost.low": ("低成本", "low cost"),
    "capstone_cost.medium": ("中等成本", "medium cost"),
    "capstone_cost.high": ("高成本", "high cost"),
    "capstone_check.read_adds_up": ("保留行 + 拒收行 = 读入行",
                                    "kept + rejected rows = rows read"),
    "capstone_check.one_group_each": ("每位客户恰好在一个 RFM 组",
                                      "every customer in one RFM group"),
    "capstone_check.groups_add_up": ("各组人数之和 = 客户数", "group sizes add up to customers"),
    "capstone_check.one_tier_each": ("每位客户恰好在一个金字塔层级",
                                     "every customer in one tier"),
    "capstone_check.revenue_shares_100": ("各层级销售额占比之和 = 100 %",
                                          "tier revenue shares add up to 100 %"),
    "capstone_check.one_stage_each": ("每位客户恰好在一个生命周期阶段",
                                      "every customer in one lifecycle stage"),
    "capstone_check.plan_covers_all": ("服务方案覆盖每位客户", "the plan covers every customer"),
    "capstone_check.no_costly_for_no_value": ("无价值客户没有高成本服务",
                                              "no costly service for no-value customers"),
    "count": ("计数", "count"),  # the name of a value_counts() result
    # the rows of a describe() result and the last line of a Series, as a Chinese reader reads
    # them (English keeps pandas' own words)
    "describe.count": ("个数", "count"),
    "describe.mean": ("平均值", "mean"),
    "describe.std": ("标准差", "std"),
    "describe.min": ("最小值", "min"),
    "describe.25%": ("25% 分位数", "25%"),
    "describe.50%": ("中位数", "50%"),
    "describe.75%": ("75% 分位数", "75%"),
    "describe.max": ("最大值", "max"),
    "text.series_name": ("列名: {name}", "Name: {name}"),
    "text.series_length": ("共 {n} 行", "Length: {n}"),
    "yes_no.True": ("是", "yes"),
    "yes_no.False": ("否", "no"),
    "check": ("检查项", "check"),
    "passed": ("通过", "passed"),
    "found": ("实际", "found"),
    "expected": ("应为", "expected"),
    "cost": ("服务成本", "cost"),
    "case_group.A0": ("A0 无基期 (上月无消费)", "A0 no baseline (no purchase last month)"),
    "case_group.A1": ("A1 两项目标都达成", "A1 both targets met"),
    "case_group.A2": ("A2 到店次数达成, 客单价未达成", "A2 visits met, ticket not"),
    "case_group.A3": ("A3 客单价达成, 到店次数未达成", "A3 ticket met, visits not"),
    "case_group.A4": ("A4 两项目标都未达成", "A4 neither target met"),
    "case_group.A41": ("A41 销售增长 > 30 %", "A41 sales growth > 30 %"),
    "case_group.A42": ("A42 20 % ≤ 销售增长 ≤ 30 %", "A42 20 % ≤ sales growth ≤ 30 %"),
    "case_group.A43": ("A43 10 % ≤ 销售增长 < 20 %", "A43 10 % ≤ sales growth < 20 %"),
    "case_group.A44": ("A44 销售增长 < 10 %", "A44 sales growth < 10 %"),
    # the total row of rk.decile_table(..., with_total=True): its group is "total"
    "case_group.total": ("合计", "total"),
    "case_metric.visits": ("月到店次数 (次)", "visits per month (visits)"),
    "case_metric.ticket": ("客单价 (元/次)", "average ticket (yuan per visit)"),
    "case_metric.sales": ("月销售额 (元)", "monthly sales (yuan)"),
    # rule texts: label("case_rule.round_one").format(visits=50, ticket=40), in percent
    "case_rule.round_one": (
        "目标: 消费频率 (到店次数) 增长 ≥ {visits:g} %, 客单价增长 ≥ {ticket:g} % "
        "(正好达到目标也算达成)。"
        "A1 两项都达成; A2 到店次数达成、客单价未达成; A3 客单价达成、到店次数未达成; "
        "A4 两项都未达成。上月无消费的会员没有增长率 (不能除以 0), 单独列为 A0 (无基期), "
        "不计入平均增长率; 本月未到店的会员没有本月客单价, 客单价目标算未达成。",
        "Targets: visit growth ≥ {visits:g} %, ticket growth ≥ {ticket:g} % (reaching a target "
        "exactly counts as meeting it). A1 both met; A2 visits met, ticket not; A3 ticket met, "
        "visits not; A4 neither. A member with no purchase last month has no growth rate (no "
        "dividing by 0): they are kept apart as A0 (no baseline) and left out of the average "
        "growth rates; a member with no visit this month has no ticket this month, so the "
        "ticket target counts as not met.",
    ),
    "case_rule.round_two": (
        "按月销售额增长率分组: A41 增长 > 30 %; A42 20 % ≤ 增长 ≤ 30 %; "
        "A43 10 % ≤ 增长 < 20 %; A44 增长 < 10 %。案例原文只定了两端 (A41 “大于 30 %”, "
        "A44 “小于 10 %”); 在 20 % 处按目标的规则处理: 正好达到 20 % 就算达到, 归入 A42。"
        "增长率按分精确计算, 例如 1100 元 → 1430 元正好是 30 %, 归入 A42。",
        "Bands by growth of monthly sales: A41 growth > 30 %; A42 20 % ≤ growth ≤ 30 %; "
        "A43 10 % ≤ growth < 20 %; A44 growth < 10 %. The case fixes the two ends itself "
        "(A41 'more than 30 %', A44 'less than 10 %'); at 20 % we follow the rule for targets: "
        "reaching 20 % exactly counts as reaching it, so it is A42. Growth is computed exactly "
        "in fen: 1100 -> 1430 yuan is exactly 30 %, so A42.",
    ),
    # --- chart and widget texts added by the chart/widget refactor ---
    # text alternatives of the charts (fig.rfmkit_alt): what is shown and the main numbers
    "chart.alt.rfm_distributions": (
        "三个直方图: {n} 位客户的最近一次消费间隔 R (天)、消费频率 F (次) 和消费金额 M (元)。"
        "虚线是{rule}: R {r} 天, F {f} 次, M {m} 元。",
        "Three histograms of {n} customers' recency R (days), frequency F (orders) and "
        "monetary M (yuan). The dashed lines are the {rule}: R {r} days, F {f} orders, "
        "M {m} yuan.",
    ),
    "chart.alt.segment_chart": (
        "条形图: {k} 类客户各自的客户数和销售额。人数最多的是{top} ({n} 位, {share}%); "
        "销售额最多的是{rtop} (占销售额 {rshare}%)。",
        "Bar chart of customers and revenue for {k} customer groups. Most customers: {top} "
        "({n}, {share}%); most revenue: {rtop} ({rshare}% of revenue).",
    ),
    "chart.alt.rf_grid": (
        "R-F 网格: 行是最近一次消费间隔, 列是消费频率, 格中数字是客户数, 颜色是平均消费金额。"
        "客户最多的格是 {cell} ({n} 位); 平均消费金额最高 {high} 元。",
        "R-F grid: rows are recency, columns frequency, the numbers are customers per cell "
        "and the colour is average spend. Fullest cell: {cell} ({n} customers); highest "
        "average spend {high} yuan.",
    ),
    "chart.alt.pyramid_chart": (
        "客户金字塔 ({basis}): {tiers}。关键客户 (金质 + 银质) 占客户的 {ks}%, 占{what}的 {kv}%。",
        "Customer pyramid ({basis}): {tiers}. Key customers (gold + silver) are {ks}% of the "
        "customers and bring {kv}% of the {what}.",
    ),
    "chart.alt.pyramid_tier": (
        "{name} {n} 位 (客户的 {share}%, {what}的 {value_share}%)",
        "{name} {n} ({share}% of customers, {value_share}% of the {what})",
    ),
    "chart.alt.discount_chart": (
        "条形图: 一位客户 {n} 年的现金流及其按 {rate}% 折现到今天的价值: 合计 {total} 元, "
        "今天值 {clv} 元 (CLV)。",
        "Bar chart of one customer's cash flows over {n} years and what each is worth today "
        "at a {rate}% discount rate: {total} yuan in all, worth {clv} yuan today (the CLV).",
    ),
    "chart.alt.clv_histogram": (
        "直方图: {n} 位客户的终身价值 (CLV)。平均值 {mean} 元, 中位数 {median} 元; "
        "客户资产 (总和) {equity} 元。",
        "Histogram of {n} customers' lifetime values (CLV): mean {mean} yuan, median "
        "{median} yuan; customer equity (their sum) {equity} yuan.",
    ),
    "chart.alt.churn_chart": (
        "堆叠条形图: {k} 个时期的客户在下一期留存或流失。第一个时期的流失率是 {first}%, "
        "最后一个时期是 {last}%。",
        "Stacked bars of the customers of {k} periods, kept or lost in the next period; "
        "the churn rate is {first}% in the first period and {last}% in the last.",
    ),
    "chart.alt.stage_chart": (
        "各生命周期阶段的客户数: {stages}。右图把每个购买次数的客户分成这三个阶段。",
        "Customers per lifecycle stage: {stages}. The right panel splits the customers of "
        "each number of purchases into the three stages.",
    ),
    "chart.alt.service_mix": (
        "条形图: 每项个性化服务的客户数, 按渠道分段 (共 {n} 位客户)。最多的是{top} ({k} 位)。",
        "Bar chart of customers per personalised service, split by channel ({n} customers). "
        "The most common is {top} ({k} customers).",
    ),
    "chart.alt.care_calendar": (
        "条形图: 未来 {days} 天每天过生日的会员 (共 {n} 位), 并标出节日: {holidays}。",
        "Bar chart of members' birthdays per day over the next {days} days ({n} in all), "
        "with the holidays marked: {holidays}.",
    ),
    "chart.alt.nps_chart": (
        "净推荐值 NPS {nps}: {n} 份回答中推荐者 {p}%, 中立者 {m}%, 贬损者 {d}%。",
        "Net promoter score {nps}: of {n} answers, {p}% promoters, {m}% passives and "
        "{d}% detractors.",
    ),
    "chart.alt.ticket_bands_chart": (
        "条形图: {n} 位新客户的首单金额按区间分布。最多的区间是 {band} ({k} 位, {share}%)。",
        "Bar chart of {n} new customers' first orders per value band. The largest band is "
        "{band} ({k} customers, {share}%).",
    ),
    "chart.alt.new_vs_returning_chart": (
        "堆叠条形图: {k} 个月每月的新客户和老客户; 折线是新客户占比, 从 {first}% 到 {last}%。",
        "Stacked bars of new and returning buyers in each of {k} months; the line is the new "
        "customers' share, from {first}% to {last}%.",
    ),
    "chart.alt.preference_heatmap": (
        "热力图: {g} 组客户在 {c} 个品类上的消费占比。占比最高的是{group}的{category} ({share}%)。",
        "Heat map of {g} groups' share of spend per category ({c} categories). The largest "
        "share is {category} for {group} ({share}%).",
    ),
    "chart.alt.profile_chart": (
        "条形图: {group} ({n} 人) 的会员画像与全体会员对比, 包括: {fields}。",
        "Bar charts of the member profile of {group} ({n} members) next to all members, "
        "for: {fields}.",
    ),
    "chart.alt.decile_chart": (
        "条形图: {k} 个十分位组的人均月消费, 从第 1 组 {high} 元到第 {k} 组 {low} 元。{target}",
        "Bar chart of average monthly spend in {k} decile groups, from {high} yuan in group 1 "
        "to {low} yuan in group {k}. {target}",
    ),
    "chart.alt.decile_target": ("目标组是第 {g} 组 ({v} 元)。",
                                "The target group is {g} ({v} yuan)."),
    "chart.alt.before_after_chart": (
        "条形图: 每组前后对比 ({metrics})。{metric}的整体增长: {growth}。",
        "Bar charts of each group before and after ({metrics}). Aggregate growth of "
        "{metric}: {growth}.",
    ),
    "chart.alt.group_counts_chart": (
        "条形图: 各组会员人数: {groups}。",
        "Bar chart of members per group: {groups}.",
    ),
    "widget.run_to_show": ("运行这个单元格即可显示探索工具", "Run this cell to show the explorer"),
    "widget.cuts_shown": (
        "当前分界值 ({rule}): R ≥ {r} 天, F ≥ {f} 次, M ≥ {m} 元 (大于或等于分界值记为 ↑)。",
        "Cuts in use ({rule}): R ≥ {r} days, F ≥ {f} orders, M ≥ {m} yuan "
        "(at or above a cut counts as ↑).",
    ),
    "widget.cuts_exact": (
        "{rule}本身是 R {r} 天, F {f} 次, M {m} 元; 天数和次数是整数, 金额以分计, "
        "所以上面的分界值分出的客户完全相同。",
        "The {rule} itself is R {r} days, F {f} orders, M {m} yuan; days and orders are whole "
        "numbers and spend is in cents, so the cuts above pick exactly the same customers.",
    ),
    "widget.slider_capped": (
        "{what} 滑块最大到 {top}: 另有 {n} 位客户高于它 (最高 {max}), 在滑块的任何位置都记为 ↑。",
        "The {what} slider stops at {top}: {n} customers lie above it (up to {max}) and count "
        "as ↑ at every position of the slider.",
    ),
    "widget.cut_outside": (
        "{what} 的分界值 {cut} 在滑块范围之外, 滑块停在端点; 分组按 {cut} 计算。",
        "The {what} cut {cut} is outside the slider's range, so the slider stops at its end; "
        "the groups use {cut}.",
    ),
    "chart.band_outside": ("区间外", "outside"),
    # --- exercise texts added by the exercise refactor ---
    "exercise.not_attempted": (
        "还没有作答: 把 ____ 换成你的答案, 然后再运行这个单元格。",
        "Not attempted yet: replace ____ with your answer, then run this cell again.",
    ),
    "exercise.correct": ("正确! ", "Correct! "),
    "exercise.incorrect": ("还不对。", "Not quite."),
    "exercise.wrong_type": (
        "答案的形式不对: 需要{form}, 你给的是{given}。",
        "This answer has the wrong form: expected {form}, but you gave {given}.",
    ),
    "exercise.hint_prompt": ("需要提示? 运行 {name}.hint()", "Need a hint? Run {name}.hint()"),
    "exercise.question": ("练习 {name}: {text}", "Exercise {name}: {text}"),
    "exercise.answer_form": ("答案形式: {form}", "Answer with: {form}"),
    "exercise.hint": ("提示: {text}", "Hint: {text}"),
    "exercise.solution": (
        "参考解法 (可以复制到一个单元格里运行):",
        "Solution (you can copy this into a cell and run it):",
    ),
    "exercise.expected": ("答案: {value}", "Answer: {value}"),
    "exercise.too_high": ("你的答案偏大了。", "Your answer is too high."),
    "exercise.too_low": ("你的答案偏小了。", "Your answer is too low."),
    "exercise.share_not_percent": (
        "这看起来是 0 到 1 之间的比例; 这里要的是百分数 (乘以 100)。",
        "That looks like a share between 0 and 1; a percentage is wanted here (multiply by 100).",
    ),
    "exercise.ids_missing": ("还少了 {n} 个应该在里面的编号。", "{ids} missing."),
    "exercise.ids_extra": ("有 {n} 个编号不应该在里面。", "{ids} not belong."),
    "exercise.form.count": ("一个整数 (例如 12)", "a whole number (e.g. 12)"),
    "exercise.form.number": ("一个数{unit} (允许误差 ±{tolerance})",
                             "a number{unit} (within ±{tolerance})"),
    "exercise.form.unit": (", 单位: {unit}", " in {unit}"),
    "exercise.form.text": ("一段文字 (放在引号里, 例如 \"{example}\")",
                           "a text (in quotes, e.g. \"{example}\")"),
    "exercise.form.idset": ("一组编号, 放在列表里 (例如 [\"C0001\", \"C0002\"])",
                          "a list of ids (e.g. [\"C0001\", \"C0002\"])"),
    "exercise.unit.yuan": ("元", "yuan"),
    "exercise.unit.percent": ("%", "%"),
    "exercise.unit.years": ("年", "years"),
    "exercise.given.none": (
        "None (空值: 是不是写成了 answer = print(...)? 应该写 answer = 计算结果)",
        "None (nothing: did you write answer = print(...)? Write answer = the value)",
    ),
    "exercise.given.bool": ("布尔值 {v} (是/否)", "the yes/no value {v}"),
    "exercise.given.text": ("文字 \"{v}\"", "the text \"{v}\""),
    "exercise.given.frame": ("一张表 (DataFrame, {r} 行 {c} 列)",
                             "a table (DataFrame) with {rows} and {columns}"),
    "exercise.given.series": ("一列数据 (Series, {n} 个值)", "a column (Series) of {values}"),
    "exercise.given.collection": ("一组值 ({t}, {n} 个)", "a collection ({t}) of {values}"),
    "exercise.given.dict": ("一个字典 ({n} 项)", "a dict of {entries}"),
    "exercise.given.timedelta": ("一段时间 (Timedelta, {v} 天)",
                                 "a time span (Timedelta) of {v} days"),
    "exercise.given.number": ("数字 {v}", "the number {v}"),
    "exercise.given.object": ("{t} 类型的对象", "an object of type {t}"),
    "exercise.advice.single_value": (
        "这里只要一个数: 用 表.loc[行, 列] 取出一个格子 (一列的第一个值: .iloc[0]), "
        "或用 .sum()、.mean() 把一列算成一个数。",
        "Only one number is wanted here: pick one cell with table.loc[row, column] (the first "
        "value of a column: .iloc[0]), or turn a column into one number with .sum() or .mean().",
    ),
    "exercise.advice.quotes": ("数字不要加引号: 写 12, 不要写 \"12\"。",
                               "Write numbers without quotes: 12, not \"12\"."),
    "exercise.advice.count_bool": (
        "True/False 只表示是或否; 要数 True 的个数, 用 (条件).sum()。",
        "True/False is a yes or no; to count the True values use (condition).sum().",
    ),
    "exercise.advice.count_fraction": (
        "人数、行数这样的计数一定是整数; 如果这是一个百分比, 题目要的是人数。",
        "A count is always a whole number; if this is a percentage, the question wants the "
        "number itself.",
    ),
    "exercise.advice.count_days": ("用 .days 取出其中的天数。",
                                   "Take its number of days with .days."),
    "exercise.advice.count_table": (
        "要数一张表有多少行, 用 len(表); 要数满足条件的个数, 用 (条件).sum(); "
        "要数不同的值, 用 .nunique(); 要取出表里的一个数, 用 表.loc[行, 列]。",
        "To count the rows of a table use len(table); to count the rows that meet a condition "
        "use (condition).sum(); to count different values use .nunique(); to pick one number "
        "out of a table use table.loc[row, column].",
    ),
    "exercise.advice.nan": (
        "NaN 表示\"不是一个数\": 计算中有缺失值或空表, 请检查前面的步骤。",
        "NaN means \"not a number\": something in the calculation was missing or empty; check "
        "the steps before.",
    ),
    "exercise.advice.text_empty": ("引号里还是空的。", "There is nothing between the quotes yet."),
    "exercise.advice.text_one": (
        "只要一个名字, 不要一组: 取出其中的值 (例如 [0] 或 .iloc[0])。",
        "One name is wanted, not a collection: take the value out (e.g. [0] or .iloc[0]).",
    ),
    "exercise.advice.ids_table": (
        "要的是编号, 不是整张表: 例如 list(表.index) 或 表[\"customer_id\"]。",
        "The ids are wanted, not the whole table: e.g. list(table.index) or "
        "table[\"customer_id\"].",
    ),
    "exercise.advice.ids_single": ("即使只有一个编号, 也请放进列表: [\"C0001\"]。",
                                   "Even a single id goes in a list: [\"C0001\"]."),
    "exercise.advice.count_collection": (
        "要数一组值有多少个, 用 len(...); 要数一列里有多少个不同的值, 直接用 .nunique()。",
        "To count the values of a collection use len(...); to count the different values of "
        "a column, use .nunique() on it.",
    ),
    "exercise.or": ("或", "or"),
    "exercise.rounding.fewer": (
        "这看起来是四舍五入造成的差别: 请保留 {n} 位小数 (只在最后一步取整, 不要提前取整)。",
        "That looks like a rounding difference: give {n} decimals (round only at the end, "
        "not before).",
    ),
    "exercise.rounding.more": (
        "这看起来是四舍五入造成的差别: 请把答案四舍五入到 {n} 位小数。",
        "That looks like a rounding difference: round the answer to {n} decimals.",
    ),
    "exercise.locked.solutions": (
        "这次考试期间参考解法已锁定, 请自己完成这道题; 有问题请问老师。"
        "(check() 照常可以用来检查答案。)",
        "Solutions are locked during this exam: work this one out yourself, and ask your "
        "instructor if you are stuck. (check() still checks your answer.)",
    ),
    "exercise.locked.hints": (
        "这次考试期间提示已锁定; 有问题请问老师。(check() 照常可以用来检查答案。)",
        "Hints are locked during this exam: ask your instructor if you are stuck. "
        "(check() still checks your answer.)",
    ),
    "exercise.form.frame": ("一张 pandas 表 (DataFrame) 或一列 (Series){columns}{index}",
                            "a pandas table (DataFrame) or column (Series){columns}{index}"),
    "exercise.form.columns": (", 包含这些列: {columns}", " with the columns {columns}"),
    "exercise.form.index": (", 每行以 {index} 为标签", ", one row per {index}"),
    "exercise.form.choice": ("一个字母: {letters} (放在引号里, 例如 \"A\")",
                             "one letter: {letters} (in quotes, e.g. \"A\")"),
    "exercise.advice.frame_single": (
        "这里要的是整张表或整列, 不是一个值: 用 .sum()、.iloc[...] 之前的那一步的结果。",
        "A whole table or column is wanted here, not one value: take the result of the step "
        "before .sum() or .iloc[...].",
    ),
    "exercise.advice.frame_build": (
        "请用 pandas 得出结果, 例如 groupby(...) 的结果, 或 pd.Series(值, index=标签)。",
        "Build it with pandas, e.g. the result of a groupby(...), or pd.Series(values, "
        "index=labels).",
    ),
    "exercise.frame.labels": ("客户 (或分组) 的编号", "the customer (or group) ids"),
    "exercise.frame.series_not_frame": (
        "你给的是一列 (Series), 这里要的是一张表 (DataFrame), 包含这些列: {columns}。"
        "可以用 pd.DataFrame({{...}}) 把几列放在一起, 或用 .to_frame()。",
        "You gave one column (Series); a table (DataFrame) with the columns {columns} is "
        "wanted: put the columns together with pd.DataFrame({{...}}), or use .to_frame().",
    ),
    "exercise.frame.condition_not_rows": (
        "你给的是一列 True/False, 也就是筛选条件本身; 这里要的是筛选出来的行: 把条件放进方括号里, "
        "表[条件]。",
        "You gave a column of True/False, the condition itself; the rows it picks are wanted: "
        "put the condition in square brackets, table[condition].",
    ),
    "exercise.frame.one_column": (
        "你只取出了 {column} 这一列; 这里要的是整张表, 包含这些列: {columns}。"
        "筛选行之后不要再只选一列。",
        "You kept only the column {column}; the whole table is wanted, with the columns "
        "{columns}: after filtering the rows, do not pick one column.",
    ),
    "exercise.frame.transposed": (
        "行和列反了: 你的行是要求的列, 你的列是要求的行。"
        "检查两个参数的先后 (例如 pd.crosstab(行, 列)), 或用 .T 转置。",
        "The rows and columns are swapped: your rows are the expected columns and the other way "
        "round. Check the order of the two arguments (e.g. pd.crosstab(rows, columns)), or "
        "transpose with .T.",
    ),
    "exercise.frame.frame_not_series": (
        "你给的是一张表 (DataFrame), 这里只要一列 (Series): 用 表[\"{column}\"] 取出这一列。",
        "You gave a whole table (DataFrame); only one column (Series) is wanted: take it out "
        "with table[\"{column}\"].",
    ),
    "exercise.frame.frame_not_series_any": (
        "你给的是一张表 (DataFrame), 这里只要一列 (Series): 取出放着结果的那一列, "
        "或者把各列合成一列 (例如 .sum(axis=1))。",
        "You gave a whole table (DataFrame); only one column (Series) is wanted: pick the "
        "column that holds your result, or reduce the columns to one (e.g. .sum(axis=1)).",
    ),
    "exercise.frame.missing_columns": ("表里缺少 {n} 列: {columns}。",
                                       "Your table is missing {n} column(s): {columns}."),
    "exercise.frame.index_name": (
        "行标签 (index) 的名字应该是 {index}: 用 .rename_axis(\"{index}\")。",
        "The row labels (index) should be named {index}: use .rename_axis(\"{index}\").",
    ),
    "exercise.frame.series_name": ("这一列的名字应该是 {name}: 用 .rename(\"{name}\")。",
                                   "The column should be named {name}: use .rename(\"{name}\")."),
    "exercise.frame.index_numbered": (
        "你的行是按 0, 1, 2, ... 编号的, 但每一行应该以 {index} 为标签: 用 .set_index(\"{index}\") "
        "(groupby(\"{index}\") 得到的结果本身就以它为 index)。",
        "Your rows are numbered 0, 1, 2, ... but each row should be labelled by {index}: use "
        ".set_index(\"{index}\") (a groupby(\"{index}\") gives that index by itself).",
    ),
    "exercise.frame.keep_labels": (
        "你的行被重新编号成了 0, 1, 2, ...: 筛选出来的行应保留原表的行标签, 不要 reset_index。",
        "Your rows were renumbered 0, 1, 2, ...: the rows you filter keep the row labels of "
        "the table they come from; do not reset_index.",
    ),
    "exercise.frame.names_not_codes": (
        "你用的是表格里显示的名称 (例如 {label}); 在 pandas 里要用代码 (例如 \"{code}\"): "
        "rk.localise 只是把代码显示成名称。",
        "You used the name a table displays (e.g. {label}); in pandas use the code (e.g. "
        "\"{code}\"): rk.localise only shows codes as names.",
    ),
    "exercise.frame.time_spans": (
        "你的值是时间长度 (Timedelta), 这里要的是天数: 加上 .dt.days。",
        "your values are time spans (Timedelta); whole days are wanted: add .dt.days.",
    ),
    "exercise.frame.dates": (
        "这里要的是天数, 你的是日期: 用截止日减去这些日期得到时间长度, 再加上 .dt.days。",
        "a number of days is wanted, yours are dates: subtract them from the as-of date to get "
        "time spans, then add .dt.days.",
    ),
    "exercise.frame.index_reset": (
        "你的行有标签, 但这里的行应该按 0, 1, 2, ... 编号: 用 .reset_index() 把标签变回一列。",
        "Your rows are labelled, but here they should be numbered 0, 1, 2, ...: use "
        ".reset_index() to turn the labels back into a column.",
    ),
    "exercise.frame.length": ("你的结果有 {n} 行, 应该有 {m} 行: 检查筛选和分组的步骤。",
                              "Your answer has {rows}; {m} are expected: check the filtering "
                              "and grouping steps."),
    "exercise.frame.index_wrong": (
        "行标签不对: 你的结果里有 {n} 个不应出现的标签 (例如 {label}); 每一行应以 {index} 为标签。",
        "The row labels are not the expected ones: {n} of yours should not be there (e.g. "
        "{label}); each row should be labelled by {index}.",
    ),
    "exercise.frame.order_reversed": (
        "行的顺序正好反了: 换一个排序方向 (ascending=True / False)。",
        "The rows are in reverse order: sort the other way (ascending=True / False).",
    ),
    "exercise.frame.order": (
        "行都对, 但顺序不对: 按题目要求的顺序排列 (例如用 .sort_values(...))。",
        "The rows are right but in another order: put them in the order the question asks for "
        "(e.g. with .sort_values(...)).",
    ),
    "exercise.frame.order_sort_index": (
        "行都对, 但顺序不对: 这里的行按行标签 (index) 从小到大排列, 用 .sort_index() 排好。",
        "The rows are right but in another order: here they go by their row labels (index), "
        "smallest first: sort them with .sort_index().",
    ),
    "exercise.frame.cannot_compare": (
        "你的结果无法和要求的表比较: 检查列名 (不要重复) 和每列的类型。",
        "Your answer cannot be compared with the expected table: check its column names (no "
        "name twice) and the type of each column.",
    ),
    "exercise.frame.in_column": ("{column} 列: ", "Column {column}: "),
    "exercise.frame.rounding": (
        "差别在四舍五入的范围内: 结果要比较到 ±{tol}, 请至少保留 {n} 位小数, 或者不要取整。",
        "the difference is within rounding: values are compared within ±{tol}, so give at "
        "least {n} decimal place(s), or don't round.",
    ),
    "exercise.frame.reversed": (
        "方向反了 (该大的地方小, 该小的地方大, 或正负号相反): 检查累加的顺序、取比例的条件, "
        "或者以哪一期为基数。",
        "your values run the opposite way (largest where the smallest should be, or the "
        "wrong sign): check the order you add up in, the condition you take the share of, or "
        "which period is the base.",
    ),
    "exercise.frame.reversed_days": (
        "方向反了 (正负号颠倒): 天数应是 截止日期 − 购买日期, 而不是反过来。",
        "the direction is reversed (wrong sign): days since a purchase are as-of date − "
        "purchase date, not the other way round.",
    ),
    "exercise.frame.asof_shift_or_time": (
        "每个值都少了 1 天: 要么用了另一个截止日 (分析日, 这里是 {asof}), 要么日期里还带着时刻 "
        "(几点几分): 先用 .dt.normalize() 去掉时刻, 再算天数。",
        "every value is 1 day short: either another as-of day was used (here it is {asof}), "
        "or the dates still carry a time of day: .dt.normalize() them before counting days.",
    ),
    "exercise.frame.labels_type": (
        "行标签的类型不对: 你的标签是{yours}, 这里要的是{wanted} (例如 {label!r})。",
        "The row labels have the wrong type: yours are {yours}, {wanted} are wanted "
        "(e.g. {label!r}).",
    ),
    "exercise.frame.label_text": ("文字", "text"),
    "exercise.frame.label_numbers": ("数字", "numbers"),
    "exercise.frame.asof_shift": (
        "每个值都差了 {n} 天, 看起来是从另一个截止日 (分析日) 算的: 这里用的是 {asof}。",
        "every value is off by {days}: it looks counted from another as-of day; the as-of day "
        "here is {asof}.",
    ),
    "exercise.frame.flags_not_text": (
        "这里要的是 True/False (是/否), 你的是文字 (例如 ↑/↓): "
        "直接用比较的结果, 例如 (列 >= 分界值)。",
        "True/False (yes/no) values are wanted, yours are text (e.g. ↑/↓): keep the result of "
        "the comparison itself, e.g. (column >= cut).",
    ),
    "exercise.frame.time_of_day": (
        "有 {n} 行差了 1 天: 日期里还带着时刻 (几点几分); "
        "先用 .dt.normalize() 去掉时刻, 再算天数。",
        "{rows} off by one day: the dates still carry a time of day; drop it with "
        ".dt.normalize() before counting days.",
    ),
    "exercise.frame.flags_flipped": (
        "每个是/否都反了: ↑/↓ 颠倒了: 大于或等于分界值算 ↑ (>=), 小于算 ↓。",
        "every flag is flipped: ↑/↓ reversed: at or above the cut counts as ↑ (>=), below "
        "it as ↓.",
    ),
    "exercise.frame.not_numbers": (
        "这里应该是数字, 你的是文字: 去掉引号, 或用 pd.to_numeric(...)。",
        "numbers are wanted, yours are text: drop the quotes, or use pd.to_numeric(...).",
    ),
    "exercise.frame.rows_differ": ("有 {n} 行不对, 第一行是 {label}。",
                                   "{rows}, the first is {label}."),
    "exercise.choice_not_option": (
        "\"{given}\" 不是选项之一: 请回答一个字母 {letters}。",
        "\"{given}\" is not one of the options: answer with one letter, {letters}.",
    ),
    "exercise.choice_wrong": ("这不是最好的选择。", "This is not the best option."),
    "gradebook.passed": ("通过", "passed"),
    "gradebook.wrong": ("错误", "wrong"),
    "gradebook.not_tried": ("未作答", "not tried"),
    "gradebook.error": ("出错", "error"),
    "gradebook.student": ("学生", "student"),
    "gradebook.total": ("通过数", "total"),
    "gradebook.ran": ("{student}: {notebook} 运行完毕 ({seconds} 秒)",
                      "{student}: {notebook} ran to the end ({seconds} s)"),
    "gradebook.failed": ("{student}: {notebook} 在第 {cell} 个单元格停止: {error}",
                         "{student}: {notebook} stopped at cell {cell}: {error}"),
    "gradebook.none": ("{folder} 里没有找到 .ipynb 文件。", "No .ipynb file found in {folder}."),
    "gradebook.written": ("已写入: {paths}", "Written: {paths}"),
    # ---- errors: the message of every error rfmkit raises (rfmkit.labels.error_text) is an
    # "error.<key>" with str.format fields; "hint.<column>" says what a column holds (named
    # when the column is missing)
    "hint.customer_id": ("每个客户的编号 (会员号、买家ID 或手机号)", "the customer's ID"),
    "hint.order_id": ("每笔订单的订单号", "the order number"),
    "hint.order_date": ("每笔订单的下单日期", "the order date"),
    "hint.amount": ("每行的订单金额 (元)", "the line amount in yuan"),
    "hint.product_id": ("商品的编号", "the product ID"),
    "hint.quantity": ("购买的件数", "the number of items"),
    "hint.unit_price": ("每件商品的单价 (元)", "the unit price in yuan"),
    "hint.price": ("商品的价格 (元)", "price in yuan"),
    "hint.category": ("商品的品类", "the category"),
    "hint.recency_days": ("距最近一次消费的天数", "days since the last purchase"),
    "hint.frequency": ("消费次数", "number of purchases"),
    "hint.monetary": ("消费总金额 (元)", "total spend in yuan"),
    "hint.segment": ("每个客户的客户类型代码", "the customer type code"),
    "hint.tier": ("每个客户的客户层级代码", "the tier code"),
    "hint.stage": ("生命周期阶段的代码", "the lifecycle stage code"),
    "hint.service": ("个性化服务的代码", "the service code"),
    "error.and": ("; ", ", "),  # between the items of a list in a message
    "error.some_more": ("{shown} 等共 {n} 个", "{shown} and {more} more"),
    "error.column_hint": ("{column}: 应为{hint}", "{column} ({hint})"),
    "error.not_a_table": ("{what} 应为一张表 (DataFrame), 实际是 {kind}",
                          "{what} must be a table (DataFrame), got {kind}"),
    "error.read_result_not_table": (
        "{what} 应为一张表 (DataFrame), 实际是读入结果 (ReadResult): 请传入它的 .data, "
        "例如 result.data",
        "{what} must be a table (DataFrame), got a ReadResult: pass its .data, e.g. "
        "result.data"),
    "error.unknown_kind": ("没有这类代码: {kind!r}。可用的类有: {kinds}",
                           "no codes of kind {kind!r}. Kinds: {kinds}"),
    "error.missing_column": ("{what} 缺少列 {explained}。表中现有的列: {found}",
                             "{what} is missing column {explained}. Columns found: {found}"),
    "error.not_a_date": ("{what} 应为日期 (例如 \"2026-06-30\"), 实际是 {value!r}",
                         "{what} must be a date, got {value!r}"),
    "error.not_dates": ("{what} 应为日期: {error}", "{what} must hold dates: {error}"),
    "error.date_missing": ("{what} 有空缺 (第一个在行标签 {index!r} 处)",
                           "{what} is missing (first at index {index!r})"),
    "error.not_a_number": ("{what} 应为数字, 实际是 {value!r}",
                           "{what} must be a number, got {value!r}"),
    "error.not_finite": ("{what} 应为有限的数字 (不能是 NaN 或无穷大), 实际是 {value!r}",
                         "{what} must be a finite number, got {value!r}"),
    "error.too_small": ("{what} 应不小于 {minimum}, 实际是 {value!r}",
                        "{what} must be {minimum} or more, got {value!r}"),
    "error.too_small_count": ("{what} 应不小于 {minimum} (不能为负数), 实际是 {value!r}",
                              "{what} must be {minimum} or more (not negative), got {value!r}"),
    "error.not_whole": ("{what} 应为整数, 实际是 {value!r}",
                        "{what} must be a whole number, got {value!r}"),
    "error.not_numbers": ("{what} 应为数字: {error}", "{what} must be numbers: {error}"),
    "error.numbers_missing": ("{what} 有空缺 (或无穷大) 的值: {rows}",
                              "{what} is missing (or infinite) for {rows}"),
    "error.numbers_too_small": ("{what} 应不小于 {minimum}, 这些行不符合: {rows}",
                                "{what} must be {minimum} or more; not so for {rows}"),
    "error.not_wholes": ("{what} 应为整数, 这些行不符合: {rows}",
                         "{what} must be whole numbers; not so for {rows}"),
    "error.no_shared_id": (
        "{what} 没有一个相同的ID: 一边是例如 {left}, 另一边是 {right}。"
        "请检查两列存的是否是同一种ID (文字还是数字, 开头的 0 是否保留)。",
        "{what} share no ID: one side has e.g. {left}, the other {right}. Check that both "
        "columns hold the same IDs (text or numbers, leading zeros).",
    ),
    "error.language": ("language 应为 {languages} 之一, 实际是 {value!r}",
                       "language must be one of {languages}, got {value!r}"),
    "error.read.preset": ("preset 应为 'auto'、None 或 {presets} 之一, 实际是 {value!r}",
                          "preset must be 'auto', None or one of {presets}, got {value!r}"),
    "error.read.no_file": (
        "找不到文件: '{path}' (当前文件夹: {folder})。请检查文件名和文件所在的文件夹。",
        "No such file: '{path}' (current folder: {folder})",
    ),
    "error.read.folder": ("'{path}' 是一个文件夹, 不是文件", "'{path}' is a folder, not a file"),
    "error.read.source_type": ("应为文件路径, 或已打开的文件 / 字节缓冲区, 实际是 {kind}",
                               "expected a file path or an open file / bytes buffer, got {kind}"),
    "error.read.wrong_encoding": (
        "{name} 无法用编码 encoding={encoding!r} 读取 ({error})。去掉 encoding 参数 "
        "(encoding=None), 让 rfmkit 自动识别编码。",
        "{name} could not be read with encoding={encoding!r} ({error}). Leave encoding out "
        "(encoding=None) to let rfmkit detect it.",
    ),
    "error.read.unknown_encoding": (
        "{name}: 无法识别文件的文字编码 (已试过 UTF-8 和 GB18030/GBK)。请把文件另存为"
        "「CSV UTF-8」, 或传入 encoding='...'。",
        "{name}: could not work out the text encoding (tried UTF-8 and GB18030/GBK). Save the "
        "file as 'CSV UTF-8' or pass encoding='...'.",
    ),
    "error.read.empty": ("{name} 是空的: 没有表头行 (第一行应是各列的列名)",
                         "{name} is empty: no header row (the first line should hold the column "
                         "names)"),
    "error.read.header_row": (
        "header_row={header_row}: {name} {why}。header_row 是列名所在的行号 (Excel 里的行号), "
        "从 1 开始数。",
        "header_row={header_row}: {why} in {name}. header_row is the line (or Excel row) number "
        "of the column names, counting from 1.",
    ),
    "error.read.header.no_line": ("没有第 {n} 行", "there is no line {n}"),
    "error.read.header.empty_line": ("的第 {n} 行是空的", "line {n} is empty"),
    "error.read.header.no_row": ("的工作表 {sheet!r} 没有第 {n} 行",
                                 "there is no row {n} on sheet {sheet!r}"),
    "error.read.header.empty_row": ("的工作表 {sheet!r} 第 {n} 行是空的",
                                    "row {n} of sheet {sheet!r} is empty"),
    "error.read.bad_csv": (
        "{name} 无法按 CSV 读取 ({error}): 有一个引号打开后没有关上, 文件的其余部分都成了一个值",
        "{name} could not be read as CSV ({error}); a quote that is opened and never closed "
        "makes the rest of the file one value",
    ),
    "error.read.bad_xlsx": ("{name} 无法作为 Excel .xlsx 文件打开 ({error})",
                            "{name} could not be opened as an Excel .xlsx file ({error})"),
    "error.read.sheet_number": (
        "{name} 只有 {count} 个工作表, 没有编号为 {sheet} 的工作表 (从 0 开始数)。工作表: {sheets}",
        "{name} has {count} sheet(s), so there is no sheet number {sheet} (counting from 0). "
        "Sheets: {sheets}",
    ),
    "error.read.sheet_name": ("{name} 里没有名为 {sheet!r} 的工作表。工作表: {sheets}",
                              "{name} has no sheet named {sheet!r}. Sheets: {sheets}"),
    "error.read.xls": (
        "{name} 是旧版 Excel 97-2003 (.xls) 文件, rfmkit 无法读取。请用 Excel 或 WPS 打开, "
        "另存为 .xlsx 或「CSV UTF-8」。",
        "{name} is an old Excel 97-2003 (.xls) file, which rfmkit cannot read. Open it in Excel "
        "or WPS and save it as .xlsx or CSV UTF-8.",
    ),
    "error.read.map_unknown": ("columns= 里的 {column!r} 不是这类文件的列。可用的列: {known}",
                               "columns= names an unknown column {column!r}. Known columns "
                               "here: {known}"),
    "error.read.map_absent": (
        "columns= 把 {column!r} 对应到 {wanted!r}, 但 {name} 里没有 {wanted!r} 这一列。"
        "文件中的列: {found}",
        "columns= maps {column!r} to {wanted!r}, but {name} has no column {wanted!r}. Columns "
        "found in the file: {found}",
    ),
    "error.read.map_twice": ("columns= 把两个名称对应到了同一列 {wanted!r}",
                             "columns= maps two names to the same column {wanted!r}"),
    "error.read.accepted": ("{column} (可以用的列名: {aliases} 等)",
                            "{column} (accepted headers: {aliases}, ...)"),
    "error.read.missing_one": ("缺少必需的列 {columns}。", "Missing required column {columns}."),
    "error.read.missing_many": ("缺少必需的列: {columns}。",
                                "Missing required columns {columns}."),
    "error.read.missing": (
        "{head}文件中的列: {found}。如果文件里这一列用了别的名字, 请传入 "
        "columns={{'{example}': '<你的列名>'}}。(列名读自{where}; 如果列名在另一行, 请传入 "
        "header_row=。)",
        "{head} Columns found in the file: {found}. Pass columns={{'{example}': '<your header>'}} "
        "to map it. (Column names read from {where}; if they are on another line, pass "
        "header_row=.)",
    ),
    "error.read.where_line": ("第 {n} 行", "line {n}"),
    "error.read.where_sheet": ("工作表 {sheet!r} 的第 {n} 行", "row {n} of sheet {sheet!r}"),
    "error.read.rows_lost": ("内部错误: 读取 {name} 时丢失了行", "internal error: rows were lost "
                             "while reading {name}"),
    "error.column_of": ("{table} 的列{column}", "{table} column {column}"),
    "error.export.sheet_name": (
        "工作表名 sheet_name 应为 1-31 个字符, 不能含有 [ ] : * ? / \\, 实际是 {value!r}",
        "sheet_name must be 1-31 characters without [ ] : * ? / \\, got {value!r}"),
    "error.export.workbook_extension": ("工作簿只能写入 .xlsx 文件, 实际是 {file!r}",
                                        "a workbook must be written to a .xlsx file, got {file!r}"),
    "error.export.sheet": ("工作表 {sheet!r}", "sheet {sheet!r}"),
    "error.export.extension": ("无法导出到 {file!r}: 文件扩展名应为 {extensions} 之一",
                               "cannot export to {file!r}: the extension must be one of "
                               "{extensions}"),
    "error.data.no_folder": (
        "rfmkit 的课程数据在代码仓库的 data/ 文件夹里, 但在 {folder} 没有找到这个文件夹; 请在仓库的"
        "副本里用 `pip install -e .` 安装。",
        "rfmkit's course data is in the repository's data/ folder, which was not found at "
        "{folder}; install with `pip install -e .` from a clone of the repository.",
    ),
    "error.data.no_file": (
        "缺少文件 {path}: rfmkit 的课程数据在代码仓库的 data/ 文件夹里; 请在仓库的副本里用 "
        "`pip install -e .` 安装, 或用 `python data/make_data.py` 重新生成。",
        "{path} is missing: rfmkit's course data is in the repository's data/ folder; install "
        "with `pip install -e .` from a clone, or regenerate it with `python data/make_data.py`.",
    ),
    "error.orders.missing_id": (
        "orders 的列{column}有空缺 (第一个在行标签 {index!r} 处); 每一行都要有客户和订单号",
        "orders has a missing {column} (first at index {index!r}); every line needs a customer "
        "and an order number",
    ),
    "error.one_of": ("{what} 应为 {options} 之一, 实际是 {value!r}",
                     "{what} must be one of {options}, got {value!r}"),
    "error.rfm.cut_rule": (
        "分界规则 cut 应为 'mean' (平均值)、'median' (中位数) 或含三个值的字典, 实际是 {rule!r}",
        "cut must be 'mean', 'median' or a dict of three values, got {rule!r}",
    ),
    "error.rfm.scheme_patterns": (
        "分组方案 {name!r} 应把 8 种模式各命名一次且只命名一次",
        "scheme {name!r} must name each of the 8 patterns exactly once",
    ),
    "error.rfm.scheme": (
        "分组方案 scheme 应为 {schemes} 之一, 实际是 {scheme!r}",
        "scheme must be one of {schemes}, got {scheme!r}",
    ),
    "error.rfm.after_asof": (
        "after_asof 应为 'raise' 或 'reject', 实际是 {after_asof!r}",
        "after_asof must be 'raise' or 'reject', got {after_asof!r}",
    ),
    "error.rfm.answered_twice": (
        "这些客户回答了不止一次: {value}",
        "customers answered more than once: {value}",
    ),
    "error.rfm.answers_after_asof": (
        "有 {value} 份答卷的日期晚于截止日期 {value2}: {named}。请改正这些日期, 或传入 "
        "after_asof='reject' 不计入这些答卷。",
        "{value} answers are dated after the as-of date {value2}: {named}. Fix them, or pass "
        "after_asof='reject' to leave them out.",
    ),
    "error.rfm.fraction_purchases": (
        "purchases_per_quarter (每季度购买次数) 应为整数; 这些客户填了小数: {who}",
        "purchases_per_quarter must be a whole number of purchases; customers {who} have fractions",
    ),
    "error.rfm.no_customers": ("RFM 表里没有客户", "the RFM table has no customers"),
    "error.rfm.cut_missing": (
        "自定义分界值要为 {metrics} 每一项给一个值; 缺少 {metric!r}",
        "a custom cut needs a value for each of {metrics}; {metric!r} is missing",
    ),
    "error.rfm.metric_missing": (
        "这些客户缺少 {metric!r}: {who}",
        "{metric!r} is missing for customers {who}",
    ),
    "error.rfm.bins_missing": (
        "bins 要为 {metrics} 每一项给出分界; 缺少 {metric!r}",
        "bins needs edges for each of {metrics}; {metric!r} is missing",
    ),
    "error.rfm.outside_edges": (
        "{metric}: 值 {outside} 不在分界 {edges} 的范围内",
        "{metric}: value {outside} is outside the edges {edges}",
    ),
    "error.rfm.bins_too_few": ("bins (分档数) 至少应为 2", "bins must be at least 2"),
    "error.metrics.scores_not_numbers": (
        "{what} 的评分应为 {low}-{high} 的数字; 发现了 {value!r}",
        "{what} scores must be numbers {low}-{high}; found {value!r}",
    ),
    "error.metrics.scores_not_whole": (
        "{what} 的评分应为 {low}-{high} 的整数; 发现了 {shown}",
        "{what} scores must be whole numbers {low}-{high}; found {shown}",
    ),
    "error.metrics.no_answers": (
        "没有 {what} 的答案: 每个评分都是空的",
        "no {what} answers: every score is missing",
    ),
    "error.metrics.satisfied": (
        "satisfied (算作满意的评分) 应为 1 到 5 的评分, 实际是 {good}",
        "satisfied must be scores from 1 to 5, got {good}",
    ),
    "error.metrics.negative_spend": (
        "marketing_spend (营销费用, 元) 不能为负数, 实际是 {marketing_spend!r}",
        "marketing_spend cannot be negative (yuan), got {marketing_spend!r}",
    ),
    "error.metrics.no_new_customers": (
        "new_customers 为 0: 没有新客户, 就没有获客成本",
        "new_customers is 0: no new customers, so no cost per new customer",
    ),
    "error.metrics.no_start_customers": (
        "start_customers 为 0: 期初没有客户, 就没有留存率",
        "start_customers is 0: with no customers at the start there is no retention rate",
    ),
    "error.metrics.new_over_end": (
        "新客户数 new_customers ({new}) 不能多于期末客户数 end_customers ({end})",
        "new_customers ({new}) cannot be more than end_customers ({end})",
    ),
    "error.metrics.kept_over_start": (
        "end_customers - new_customers = {value} 位留下的客户, 比期初的 {start} 位还多: 请检查这些"
        "数字",
        "end_customers - new_customers = {value} kept customers, more than the {start} at the "
        "start: check the numbers",
    ),
    "error.end_before_start": (
        "结束日期 end {last_day:%Y-%m-%d} 早于开始日期 start {first_day:%Y-%m-%d}",
        "end {last_day:%Y-%m-%d} is before start {first_day:%Y-%m-%d}",
    ),
    "error.lifecycle.total_zero": (
        "total 为 0: 没有客户, 就没有流失率",
        "total is 0: with no customers there is no churn rate",
    ),
    "error.lifecycle.lost_over_total": (
        "流失客户数 lost ({lost_n}) 不能多于客户总数 total ({total_n})",
        "lost ({lost_n}) cannot be more than total ({total_n})",
    ),
    "error.lifecycle.churn_fraction": (
        "流失率 churn 应为 0 到 1 之间的小数 (20 % 写作 0.2), 实际是 {churn!r}",
        "churn must be a fraction between 0 and 1 (write 20 % as 0.2), got {churn!r}",
    ),
    "error.lifecycle.two_periods": (
        "流失率要比较相邻的两个时期, 至少需要 2 个完整的时期; 实际只有 {count} 个",
        "churn compares consecutive periods, so at least 2 whole periods are needed; got {count}",
    ),
    "error.lifecycle.thresholds": (
        "阈值应满足 0 <= active_days < sleeping_days, 实际是 active_days={active_days}, "
        "sleeping_days={sleeping_days}",
        "thresholds must satisfy 0 <= active_days < sleeping_days, got active_days={active_days}, "
        "sleeping_days={sleeping_days}",
    ),
    "error.lifecycle.bad_recency": (
        "recency_days (最近一次消费间隔) 应为 0 天或以上; 这些客户的值为空或为负数: {value}",
        "recency_days must be 0 or more days; missing or negative for customers {value}",
    ),
    "error.lifecycle.max_count": (
        "max_count 应为不小于 1 的整数, 实际是 {max_count!r}",
        "max_count must be a whole number of at least 1, got {max_count!r}",
    ),
    "error.lifecycle.unknown_stages": (
        "无法识别的生命周期阶段代码 {unknown}; 应为 {stages}",
        "unknown stage codes {unknown}; expected {stages}",
    ),
    "error.lifecycle.bad_frequency": (
        "frequency (消费次数) 对每位客户都应为 0 或以上的计数",
        "frequency must be a count of 0 or more for every customer",
    ),
    "error.lifecycle.no_row_1": (
        "交叉表里没有 \"1\" 这一行; 请用 max_count >= 2 调用 stage_by_purchases",
        "the cross-table has no row \"1\"; use stage_by_purchases with max_count >= 2",
    ),
    "error.lifecycle.periods": (
        "periods 应为 {lengths} 之一, 或 (开始, 结束) 日期对的列表, 实际是 {periods!r}",
        "periods must be one of {lengths} or a list of (start, end) dates, got {periods!r}",
    ),
    "error.lifecycle.periods_dates": (
        "periods={periods!r} 需要同时给出开始日期 start 和结束日期 end",
        "periods={periods!r} needs both start and end dates",
    ),
    "error.lifecycle.start_end_unused": (
        "start 和 end 只在时期长度 (例如 'quarter') 下使用",
        "start and end are only used with a period length such as 'quarter'",
    ),
    "error.lifecycle.period_reversed": (
        "有一个时期的结束早于开始: {value} – {value2}",
        "a period ends before it starts: {value} – {value2}",
    ),
    "error.lifecycle.periods_order": (
        "各时期应按日期先后排列且不重叠: 一个时期结束于 {value}, 下一个却开始于 {value2}",
        "periods must be in date order without overlap: one ends {value}, the next starts {value2}",
    ),
    "error.same_customers": (
        "{first} 和 {second} 应是同一批客户",
        "{first} and {second} must describe the same customers",
    ),
    "error.lifecycle.period_pair": (
        "每个时期应为一对 (开始, 结束) 日期, 实际是 {item!r}",
        "each period must be a (start, end) pair, got {item!r}",
    ),
    "error.value.not_a_column": (
        "{what} 应为一列 (Series), 不是一张表; 请先取出一列",
        "{what} must be one column (a Series), not a table; pick a column first",
    ),
    "error.value.missing_for": (
        "这些客户缺少 {what}: {value}",
        "{what} is missing for customers {value}",
    ),
    "error.customers_twice": (
        "{what} 里有客户出现了不止一次: {twice}",
        "{what} lists customers more than once: {twice}",
    ),
    "error.value.n_customers": (
        "n 应为客户人数, 即 0 或以上的整数, 实际是 {n!r}",
        "n must be a whole number of customers (0 or more), got {n!r}",
    ),
    "error.value.share_count": (
        "shares 要为 {tiers} 个层级 {tier_list} 各给一个比例 (例如 (0.01, 0.19, 0.30, 0.50)), 实际"
        "给了 {count} 个: {given}",
        "shares must give one fraction for each of the {tiers} tiers {tier_list} (e.g. (0.01, "
        "0.19, 0.30, 0.50)), got {count}: {given}",
    ),
    "error.value.shares_sum": (
        "各层比例 shares 之和应为 1 (100 %), 这些加起来是 {total:g}: {shares}。请写成小数, 例如 1 "
        "% 写作 0.01。",
        "shares must add up to 1 (100 %), these add up to {total:g}: {shares}. Write them as "
        "fractions, e.g. 0.01 for 1 %.",
    ),
    "error.value.not_tiers": (
        "tiers 应来自 pyramid_tiers: 缺少列 {missing}。表中现有的列: {columns}",
        "tiers must come from pyramid_tiers: missing column(s) {missing}. Columns found: {columns}",
    ),
    "error.value.unknown_tiers": (
        "无法识别的客户层级代码 {unknown}; 应为 {tiers}",
        "unknown tier codes {unknown}; expected {tiers}",
    ),
    "error.value.groups": (
        "groups (分组数) 应为不小于 1 的整数, 实际是 {groups!r}",
        "groups must be a whole number of at least 1, got {groups!r}",
    ),
    "error.value.groups_too_many": (
        "分成 {groups} 组至少需要 {groups} 位客户; 现在只有 {n} 位",
        "{groups} groups need at least {groups} customers; there are {n}",
    ),
    "error.value.rate_above": (
        "折现率 rate 应大于 -1 (10 % 写作 0.10), 实际是 {rate!r}",
        "rate must be above -1 (write 10 % as 0.10), got {rate!r}",
    ),
    "error.value.rate_finite": ("折现率 rate 应为有限的数字", "rate must be a finite number"),
    "error.value.rate_fraction": (
        "折现率 rate 应为小数 (8 % 写作 0.08), 实际是 {rate!r}",
        "rate must be a fraction (write 8 % as 0.08), got {rate!r}",
    ),
    "error.value.cash_flows_type": (
        "cash_flows 应为每年现金流的列表/数组/Series (一位客户), 或 DataFrame (客户 × 年), 实际是 "
        "{name}",
        "cash_flows must be a list/array/Series of yearly cash flows (one customer) or a "
        "DataFrame (customers x years), got {name}",
    ),
    "error.value.one_list": (
        "一位客户的现金流应为一个按年排列的列表",
        "one customer's cash flows must be one list of yearly values",
    ),
    "error.value.no_years": ("cash_flows 至少需要一年", "cash_flows needs at least one year"),
    "error.value.years_missing": (
        "这些年份缺少现金流: {years}",
        "cash flows are missing for years {years}",
    ),
    "error.value.years": (
        "years (年数) 应为不小于 1 的整数, 实际是 {years!r}",
        "years must be a whole number of at least 1, got {years!r}",
    ),
    "error.value.margin": (
        "毛利率 margin 应为 0 到 1 之间的小数 (25 % 写作 0.25), 实际是 {margin}",
        "margin must be a fraction between 0 and 1 (0.25 for 25 %), got {margin}",
    ),
    "error.value.retention": (
        "留存率 retention 应为 0 到 1 之间的小数 (80 % 写作 0.8), 实际是 {retention}",
        "retention must be a fraction between 0 and 1 (0.8 for 80 %), got {retention}",
    ),
    "error.value.history_years": (
        "history_years 应大于 0, 实际是 {history_years}",
        "history_years must be above 0, got {history_years}",
    ),
    "error.value.cost_per_year": (
        "cost_per_year (每年成本) 应为 0 或以上 (元), 实际是 {cost_per_year}",
        "cost_per_year must be 0 or more (yuan), got {cost_per_year}",
    ),
    "error.value.customer_base": (
        "customer_base 应为客户人数 (0 或以上), 实际是 {base}",
        "customer_base must be a number of customers (0 or more), got {base}",
    ),
    "error.value.not_yuan": (
        "{what} 应为数字 (元): {error}",
        "{what} must be numbers (yuan): {error}",
    ),
    "error.value.four_shares": (
        "shares 应为四个比例, 实际是 {shares!r}",
        "shares must be four fractions, got {shares!r}",
    ),
    "error.value.share_above_zero": (
        "每个比例都应大于 0; {tier} 层的比例是 {share!r}",
        "each share must be above 0; the {tier} share is {share!r}",
    ),
    "error.value.no_year_columns": (
        "cash_flows 至少需要一年 (一列)",
        "cash_flows needs at least one year (column)",
    ),
    "error.value.customers_cash_missing": (
        "这些客户缺少现金流: {value}",
        "cash flows are missing for customers {value}",
    ),
    "error.value.cash_not_numbers": (
        "现金流应为数字 (元): {error}",
        "cash flows must be numbers (yuan): {error}",
    ),
    "error.value.no_monetary": (
        "RFM 表需要列「消费金额 M (元)」(monetary, 净消费额, 元)。表中现有的列: {columns}",
        "an RFM table needs the column 'monetary' (net spend, yuan). Columns found: {columns}",
    ),
    "error.value.yuan_amount": (
        "{part} 应为 0 或以上的金额 (元), 实际是 {value!r}",
        "{part} must be a yuan amount of 0 or more, got {value!r}",
    ),
    "error.case.target_above": (
        "目标 {key!r} 应大于 -1 (即 -100 %), 实际是 {value!r}",
        "target {key!r} must be above -1 (= -100 %), got {value!r}",
    ),
    "error.case.target_fraction": (
        "目标 {key!r} = {value!r} 表示增长 +{value2:.0f} %: 目标应写成小数, 例如 +50 % 写作 0.5",
        "target {key!r} = {value!r} means +{value2:.0f} %: targets are fractions, e.g. 0.5 for "
        "+50 %",
    ),
    "error.case.same_members": (
        "{value} 和 {value2} 应列出同一批会员; 只在 {value} 里的: {only_before}, 只在 {value2} 里"
        "的: {only_after}",
        "{value} and {value2} must list the same members; only in {value}: {only_before}, only in "
        "{value2}: {only_after}",
    ),
    "error.case.when": (
        "when 应为 {months} 之一, 实际是 {when!r}",
        "when must be one of {months}, got {when!r}",
    ),
    "error.case.unknown_groups": ("无法识别的组别代码 {unknown}", "unknown group codes {unknown}"),
    "error.case.sales_or_growth": (
        "请给出 sales_before 和 sales_after (元), 或给出 growth= (小数)",
        "give sales_before and sales_after (yuan), or growth= (fractions)",
    ),
    "error.case.no_sales_before": (
        "第二轮要用上月销售额 (> 0 元) 计算增长率; 这些会员为 0: {value} (A4 会员一定有上月销售额)",
        "round 2 needs sales before (> 0 yuan) to measure growth; 0 for {value} (A4 members "
        "always have it)",
    ),
    "error.case.a4_not_in_campaign": (
        "这些 A4 会员不在 campaign 里: {missing}",
        "A4 members not in campaign: {missing}",
    ),
    "error.case.group_not_in_deciles": (
        "组 {unknown} 不在 deciles 里; 现有的组是 {index}",
        "group {unknown} is not in deciles; groups are {index}",
    ),
    "error.case.unknown_target": (
        "无法识别的目标 {unknown}; 目标有 {targets} (小数: 0.5 = +50 %)",
        "unknown target {unknown}; targets are {targets} (fractions: 0.5 = +50 %)",
    ),
    "error.members_twice": (
        "{what} 里有会员出现了不止一次: {twice}",
        "{what} lists some members more than once: {twice}",
    ),
    "error.case.sales_without_visit": (
        "{what}: 这些会员没有到店 (到店 0 次) 却有销售额 (> 0): {value}",
        "{what}: sales without a visit (visits 0, sales > 0) for {value}",
    ),
    "error.case.mixed_rounds": (
        "table 混合了第一轮 (A0..A4) 和第二轮 (A41..A44) 的组",
        "table mixes round-one (A0..A4) and round-two (A41..A44) groups",
    ),
    "error.case.both_sales_and_growth": (
        "请给出 sales_before 和 sales_after, 或者给出 growth=, 不要两者都给",
        "give either sales_before and sales_after, or growth=, not both",
    ),
    "error.case.yuan_series": (
        "{what} 应为以会员为索引、以元为单位的 Series",
        "{what} must be a Series of yuan indexed by member",
    ),
    "error.preferences.edges_two": (
        "edges 至少需要 2 个数 (一个区间)",
        "edges needs at least 2 numbers (one band)",
    ),
    "error.preferences.edges_increase": (
        "edges 应严格递增, 实际是 {edges}",
        "edges must increase strictly, got {edges}",
    ),
    "error.preferences.freq": (
        "freq 应为 {freqs} 之一, 实际是 {freq!r}",
        "freq must be one of {freqs}, got {freq!r}",
    ),
    "error.preferences.by_series": (
        "by 应为 客户 -> 组 的 Series (例如 segments['segment'])",
        "by must be a Series customer -> group (e.g. segments['segment'])",
    ),
    "error.preferences.by_twice": (
        "by 里有客户出现了不止一次",
        "by lists customers more than once",
    ),
    "error.preferences.rank_by": (
        "rank_by 应为 'spend' (按消费额) 或 'buyers' (按购买人数), 实际是 {rank_by!r}",
        "rank_by must be 'spend' or 'buyers', got {rank_by!r}",
    ),
    "error.preferences.min_support": (
        "min_support 应为 0 到 1 之间的小数, 实际是 {min_support!r}",
        "min_support must be a fraction between 0 and 1, got {min_support!r}",
    ),
    "error.preferences.unknown_product": (
        "商品 {product!r} 不在商品表里 (商品例如 {value})",
        "product {product!r} is not among the products (e.g. {value})",
    ),
    "error.preferences.products_list": (
        "products 应为商品ID的列表, 例如 ['P001'], 实际是 {products!r}",
        "products must be a list of product ids, e.g. ['P001'], got {products!r}",
    ),
    "error.preferences.no_products": (
        "products 是空的: 请至少选择一个商品ID",
        "products is empty: choose at least one product id",
    ),
    "error.preferences.start_after_end": (
        "开始日期 start {value} 晚于结束日期 end {value2}",
        "start {value} is after end {value2}",
    ),
    "error.preferences.max_below_min": (
        "max_times ({high}) 小于 min_times ({low})",
        "max_times ({high}) is smaller than min_times ({low})",
    ),
    "error.preferences.tag": (
        "标签 tag 应为非空的文字, 实际是 {tag!r}",
        "tag must be non-empty text, got {tag!r}",
    ),
    "error.preferences.edges_numbers": (
        "edges 应为一组数字, 实际是 {edges!r}",
        "edges must be a list of numbers, got {edges!r}",
    ),
    "error.preferences.by_table": (
        "by 应为 客户 -> 组 的 Series, 或含有 'segment' 列的 DataFrame。表中现有的列: {columns}",
        "by must be a Series customer -> group, or a DataFrame with a 'segment' column. Columns "
        "found: {columns}",
    ),
    "error.profiles.unknown_ids": (
        "unknown_ids 应为 'raise' 或 'count', 实际是 {unknown_ids!r}",
        "unknown_ids must be 'raise' or 'count', got {unknown_ids!r}",
    ),
    "error.profiles.member_column": (
        "{what} 需要一列 {member!r} (会员ID), 或名为 {member!r} 的索引。表中现有的列: {columns}",
        "{what} needs a {member!r} column (the member's ID) or an index named {member!r}. Columns "
        "found: {columns}",
    ),
    "error.profiles.no_ids": (
        "{what} 是空的: 请给出要分析的会员ID",
        "{what} is empty: give the member IDs to profile",
    ),
    "error.profiles.ids_not_found": (
        "{what}: 这些会员ID在 members 里找不到: {missing}",
        "{what}: member IDs not found in members: {missing}",
    ),
    "error.capstone.costs": (
        "COST_BY_SEGMENT 应为课程分组方案的每一组给出成本",
        "COST_BY_SEGMENT must give a cost to each group of the lesson scheme",
    ),
    "error.capstone.not_lesson_groups": (
        "不是课程方案的组: {value}; 请用 rfm_segments(table, scheme='lesson')",
        "not lesson groups: {value}; use rfm_segments(table, scheme='lesson')",
    ),
    "error.rules.needs_list": (
        "{where} 需要一个值的列表, 例如 [{value!r}]",
        "{where} needs a list of values, e.g. [{value!r}]",
    ),
    "error.rules.empty_list": (
        "{where} 的列表是空的 (不会匹配任何客户)",
        "{where} has an empty list (matches nobody)",
    ),
    "error.rules.condition_dict": (
        "规则 {name!r}: 条件 condition 应为字典, 例如 {{'segment': ['maintain']}}, 实际是 "
        "{condition!r}",
        "rule {name!r}: condition must be a dict such as {{'segment': ['maintain']}}, got "
        "{condition!r}",
    ),
    "error.rules.unknown_condition": (
        "规则 {name!r}: 无法识别的条件键 {unknown}; 可用的键: {conditions}",
        "rule {name!r}: unknown condition keys {unknown}; known keys: {conditions}",
    ),
    "error.rules.rule_dict": (
        "第 {value} 条规则应为字典, 实际是 {record!r}",
        "rule number {value} must be a dict, got {record!r}",
    ),
    "error.rules.unknown_fields": (
        "规则 {name!r}: 无法识别的字段 {unknown}; 可用的字段: {fields}",
        "rule {name!r}: unknown fields {unknown}; fields: {fields}",
    ),
    "error.rules.missing_fields": (
        "规则 {name!r} 缺少 {missing}",
        "rule {name!r} is missing {missing}",
    ),
    "error.rules.code": (
        "规则代码 code 应为非空的文字, 实际是 {value!r}",
        "rule code must be non-empty text, got {value!r}",
    ),
    "error.rules.unknown_service": (
        "规则 {name!r}: 无法识别的服务 {value!r}; 请用 {services} 之一, 或给出 service_zh 和 "
        "service_en 名称",
        "rule {name!r}: unknown service {value!r}; use one of {services} or give service_zh and "
        "service_en names",
    ),
    "error.rules.unknown_channel": (
        "规则 {name!r}: 无法识别的渠道 {value!r}; 可用的渠道: {channels}",
        "rule {name!r}: unknown channel {value!r}; channels: {channels}",
    ),
    "error.rules.when": (
        "规则 {name!r}: when 应为 {times} 之一或 'within_N_days', 实际是 {when!r}",
        "rule {name!r}: when must be one of {times} or 'within_N_days', got {when!r}",
    ),
    "error.rules.empty": (
        "rules 是空的: 至少需要一条兜底规则 (条件为 {{}})",
        "rules is empty: at least a catch-all rule (condition {{}}) is needed",
    ),
    "error.rules.codes_unique": (
        "规则代码不能重复; 重复的有: {value}",
        "rule codes must be unique; repeated: {value}",
    ),
    "error.rules.no_catch_all": (
        "没有兜底规则: 请加一条条件为 {{}} 的规则 (例如关怀问候), 让每位客户都有一项服务",
        "no catch-all rule: add a rule with condition {{}} (e.g. a care greeting) so that every "
        "customer gets a service",
    ),
    "error.rules.rules_type": (
        "rules 应为字典的列表 (每条规则一个字典) 或 DataFrame",
        "rules must be a list of dicts (one per rule) or a DataFrame",
    ),
    "error.complaints.case_dict": (
        "case 应为含有 case_id、customer_id、opened、summary 的字典",
        "case must be a dict with case_id, customer_id, opened, summary",
    ),
    "error.complaints.case_missing": ("case 缺少 {missing}", "case is missing {missing}"),
    "error.complaints.unknown_steps": (
        "owners 里有无法识别的步骤 {unknown}",
        "owners has unknown steps {unknown}",
    ),
    "error.complaints.all_done": (
        "五个步骤都已完成: 没有下一步了",
        "all five steps are done: nothing to advance",
    ),
    "error.complaints.date_before": (
        "日期 {day:%Y-%m-%d} 早于上一步的日期 {value:%Y-%m-%d}",
        "date {day:%Y-%m-%d} is before the previous step's date {value:%Y-%m-%d}",
    ),
    "error.complaints.item_date": (
        "每个进度项都需要一个日期, 实际是 {item!r}",
        "each progress item needs a date, got {item!r}",
    ),
    "error.plan.customers_twice": (
        "{what} 里有客户出现了不止一次",
        "{what} lists customers more than once",
    ),
    "error.plan.by_customer": (
        "{what} 应为以客户为索引的 DataFrame 或 Series",
        "{what} must be a DataFrame or Series indexed by customer",
    ),
    "error.text.unknown_fields": (
        "模板里有无法识别的字段 {unknown}; 可用的字段: {fields}",
        "template uses unknown fields {unknown}; fields: {fields}",
    ),
    "error.text.template": (
        "模板 template 应为文字, 或 (中文, 英文) 一对文字",
        "template must be text or a (Chinese, English) pair",
    ),
    "error.widgets.no_customers": ("没有客户", "there are no customers"),
    "error.widgets.shares_range": (
        "滑块的范围是 金质 0.5-10 %、银质 1-40 %、铜质 1-45 % (铁质至少 5 %); 实际的比例是 "
        "{shares}",
        "the sliders cover gold 0.5-10 %, silver 1-40 %, bronze 1-45 % (iron at least 5 %); got "
        "shares {shares}",
    ),
    "error.widgets.iron": (
        "铁质客户至少要占 5 %, 现在是 {iron:g} %",
        "iron needs at least 5 % of customers, has {iron:g} %",
    ),
    "error.widgets.years": (
        "years 应为 1 到 10 的整数, 实际是 {years!r}",
        "years must be a whole number from 1 to 10, got {years!r}",
    ),
    "error.widgets.thresholds": (
        "阈值应满足 0 <= active_days < sleeping_days <= {top}, 实际是 {active_days} 和 "
        "{sleeping_days}",
        "thresholds must satisfy 0 <= active_days < sleeping_days <= {top}, got {active_days} and "
        "{sleeping_days}",
    ),
    "error.widgets.no_monetary": (
        "table 需要列「消费金额 M (元)」(monetary); 表中现有的列: {columns}",
        "table needs the column 'monetary'; columns found: {columns}",
    ),
    "error.widgets.clv_customers": (
        "clv_values 应与 table 是同一批客户",
        "clv_values must be given for the same customers as the table",
    ),
    "error.widgets.edges_text": (
        "分界 edges 应为文字, 例如 '0, 50, 100', 实际是 {text!r}",
        "edges must be text such as '0, 50, 100', got {text!r}",
    ),
    "error.widgets.no_numbers": ("没有输入数字", "no numbers given"),
    "error.widgets.one_band": ("至少需要一个区间", "at least one band is needed"),
    "error.widgets.edges_increase": (
        "分界应递增: {a:g} 后面是 {b:g}",
        "edges must increase: {a:g} is followed by {b:g}",
    ),
    "error.widgets.not_a_number": ("{part!r} 不是数字", "{part!r} is not a number"),
    "error.widgets.fraction": (
        "{what} 应为小数, 例如 0.5 (= 50 %), 实际是 {value!r}",
        "{what} must be a fraction such as 0.5 (= 50 %), got {value!r}",
    ),
    "error.widgets.whole_percent": (
        "{what} 应为整数百分比 (例如 0.35 = 35 %), 实际是 {value!r}",
        "{what} must be a whole percent (e.g. 0.35 = 35 %), got {value!r}",
    ),
    "error.widgets.between": (
        "{what} 应在 {minimum:g} 和 {maximum:g} 之间 ({low} % 到 {high} %), 实际是 {given:g}",
        "{what} must be between {minimum:g} and {maximum:g} ({low} % to {high} %), got {given:g}",
    ),
    "error.charts.metrics": (
        "请从 {known} 中选一到三个不同的指标, 实际是 {metrics!r}",
        "give one to three different metrics of {known}, got {metrics!r}",
    ),
    "error.charts.no_visits": (
        "表里没有到店记录, 无法画出 {metric!r}",
        "the table has no visits, so {metric!r} cannot be drawn",
    ),
    "error.charts.tier_rows": (
        "层级汇总表里没有 {absent} 的行; 请用 rfmkit.tier_summary",
        "the tier summary has no row for {absent}; use rfmkit.tier_summary",
    ),
    "error.charts.cash_flows": (
        "cash_flows 应为一位客户每年的现金流 (数字)",
        "cash_flows must be one customer's yearly cash flows (numbers)",
    ),
    "error.charts.clv_values": (
        "clv_values 应为每位客户一个数, 不能有空缺",
        "clv_values must be at least one number per customer, none missing",
    ),
    "error.charts.breakdown_rows": (
        "breakdown 缺少这些行: {missing}",
        "breakdown is missing the rows {missing}",
    ),
    "error.charts.no_fields": (
        "profile 里没有任何要求的字段",
        "profile has none of the fields asked for",
    ),
    "warning.ids_in_csv": (
        "列 {columns} 里的编号以 0 开头或有 {digits} 位以上数字: Excel 打开 CSV 时会改掉"
        "它们 (000123 -> 123, 长数字 -> 2.88E+18)。文件本身没有错; 要在 Excel 里保持原样, "
        "请导出为 .xlsx。",
        "columns {columns} hold IDs with leading zeros or {digits}+ digits: Excel changes them "
        "when it opens a CSV (000123 -> 123, long numbers -> 2.88E+18). The file itself is "
        "right; export to .xlsx to keep them in Excel.",
    ),
    # what a message names, when it is no parameter name: error_text("what.<key>")
    "error.what.target": ("目标 {key!r} (小数, 例如 +50 % 写作 0.5)",
                          "target {key!r} (a fraction such as 0.5 for +50 %)"),
    "error.what.visits_before": ("活动前一个月的到店次数 (before)", "before visits"),
    "error.what.visits_after": ("活动当月的到店次数 (after)", "after visits"),
    "error.what.sales_before": ("活动前一个月的销售额 (before)", "before sales"),
    "error.what.sales_after": ("活动当月的销售额 (after)", "after sales"),
    "error.what.growth": ("增长率 growth (小数, 0.3 = +30 %)", "growth (fractions, 0.3 = +30 %)"),
    "error.what.lost": ("流失客户数 lost", "lost (a number of customers)"),
    "error.what.total": ("客户总数 total", "total (a number of customers)"),
    "error.what.churn": ("流失率 churn (0 到 1 之间的小数)", "churn (a fraction between 0 and 1)"),
    "error.what.days": ("{name} (天数)", "{name} (a number of days)"),
    "error.what.period_start": ("一个时期的开始日期", "a period start"),
    "error.what.period_end": ("一个时期的结束日期", "a period end"),
    "error.what.csat": ("满意度 (CSAT)", "satisfaction (CSAT)"),
    "error.what.nps": ("推荐意愿 (NPS)", "recommendation (NPS)"),
    "error.what.edge": ("每个分界值", "each edge"),
    "error.what.tolerance": ("容差 tolerance (±20 % 写作 0.2)", "tolerance (0.2 for ±20 %)"),
    "error.what.orders_and_members": ("订单里的客户和会员表",
                                      "the orders' customers and the members"),
    "error.what.rule_key": ("规则 {name!r} 的 {key!r}", "rule {name!r}: {key!r}"),
    "error.what.rule_number": ("第 {n} 条", "number {n}"),
    "error.what.rule_priority": ("规则 {name!r} 的优先级 priority", "rule {name!r}: priority"),
    "error.what.share": ("{tier} 层的比例", "the {tier} share"),
    "error.what.a_share": ("一个比例", "a share"),
}

# Columns whose values are codes: localise() shows each value by its "<kind>.<code>" label.
CODE_COLUMNS = {
    "segment": "segment",
    "action": "action",
    "tier": "tier",
    "stage": "stage",
    "service": "service",
    "channel": "channel",
    "preferred_channel": "channel",
    "category": "category",
    "favourite_category": "category",
    "status": "status",
    "lesson": "segment",
    "classic8": "segment",
    "nps_group": "nps",
    "holiday": "holiday",
    "group": ("case_group", "segment", "tier", "nps"),
    "metric": "case_metric",
    "case_reading": "decile_reading",
    "check": "capstone_check",
    "cost": "capstone_cost",
    "passed": "yes_no",
    "purchases": "purchases",
    "field_value": ("profile_value", "channel"),
    # application-form answers (the Sam's Club members)
    "gender": "profile_value",
    "occupation": "profile_value",
    "marital_status": "profile_value",
    "uses_wechat": "profile_value",
}


class _State:
    language = "en"


def use_language(language: str) -> None:
    """Show every label in ``language``: ``"zh"`` (中文) or ``"en"`` (English).

    In a notebook it also makes every DataFrame and Series display as :func:`localise` shows
    it (headers and codes as names), so a cell can end with ``table.head()``, and numpy numbers
    and truth values display as plain ``3.2`` and ``True``. Only the display changes: the
    objects, their column names and codes stay as they are.
    """
    if language not in LANGUAGES:
        raise ValueError(error_text("language", languages=LANGUAGES, value=language))
    _State.language = language
    _display_localised()


def warning_text(warning: Warning) -> str:
    """The text of an rfmkit warning in the current language (its English text otherwise)."""
    key = getattr(warning, "key", None)
    if key is None or f"warning.{key}" not in LABELS:
        return str(warning)
    fields = dict(warning.fields)
    if "metric" in fields:
        fields["metric_name"] = label(fields["metric"])
    return label(f"warning.{key}").format(**fields)


def _format_warning(message, category, filename, lineno, line=None):
    """rfmkit's warnings as one line in the current language, without the kernel's file path;
    any other warning as Python writes it."""
    if hasattr(message, "key"):
        return f"{label('warning')}: {warning_text(message)}\n"
    return _python_formatwarning(message, category, filename, lineno, line)


_python_formatwarning = warnings.formatwarning


def _display_localised() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    warnings.formatwarning = _format_warning
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(pd.DataFrame, _localised_html)
    for kind in PLAIN_SCALARS:
        formatters["text/plain"].for_type(kind, _plain_scalar)
    formatters["text/plain"].for_type(pd.Timestamp, _plain_timestamp)
    for kind in (pd.DataFrame, pd.Series):
        formatters["text/plain"].for_type(
            kind, lambda table, printer, cycle: printer.text(_localised_text(table)))


# numpy's truth values, numbers and texts, each type by itself (IPython uses a type's own repr
# before a printer registered for its base class np.generic)
PLAIN_SCALARS = tuple({kind for kind in np.sctypeDict.values()
                       if issubclass(kind, (np.bool_, np.number, np.str_))})


def _plain_scalar(value, printer, cycle) -> None:
    """A numpy number or truth value as Python shows its own: ``True``, ``3.2``, ``7`` (not
    ``np.True_``, ``np.float64(3.2)``, ``np.int64(7)``); a date or time as numpy shows it."""
    if isinstance(value, np.str_):
        printer.text(repr(str(value)))
    elif isinstance(value, (np.bool_, np.number)):
        printer.text(str(value))  # np.float32(0.1) as 0.1, not 0.10000000149011612
    else:
        printer.text(repr(value))


def _plain_timestamp(value: pd.Timestamp, printer, cycle) -> None:
    """A day as ``2026-06-10`` (a time of day only when there is one), not
    ``Timestamp('2026-06-10 00:00:00')``."""
    printer.text(f"{value:%Y-%m-%d}" if value == value.normalize() else str(value))


_SERIES_FOOTER = re.compile(r"^(?:Freq: \S+, )?(?:Name: (?P<name>.*?), )?(?:Length: (?P<n>\d+), )?"
                            r"dtype: \S+$")


def _chinese_footer(text: str) -> str:
    """A Series' last line ``Name: 计数, dtype: int64`` as ``列名: 计数`` (no dtype)."""
    lines = text.split("\n")
    found = _SERIES_FOOTER.match(lines[-1])
    if found is None:
        return text
    parts = []
    if found["name"] is not None:
        parts.append(label("text.series_name").format(name=found["name"]))
    if found["n"] is not None:
        parts.append(label("text.series_length").format(n=found["n"]))
    return "\n".join(lines[:-1] + ([", ".join(parts)] if parts else []))


def _localised_html(frame: pd.DataFrame) -> str:
    # whole texts: a suggested action or a reason cut to "raise th..." cannot be read
    with pd.option_context("display.max_colwidth", None):
        return localise(frame)._repr_html_()


def _localised_text(table) -> str:
    with pd.option_context("display.max_colwidth", None):
        text = repr(localise(table))
    if isinstance(table, pd.Series) and _State.language == "zh":
        text = _chinese_footer(text)
    return text


def current_language() -> str:
    """Return the language labels are shown in now: ``"zh"`` or ``"en"``."""
    return _State.language


def label(key: str) -> str:
    """Return the label for ``key`` in the current language (the key itself if it has none)."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if _State.language == "zh" else pair[1]


def pick(zh: str, en: str) -> str:
    """Return ``zh`` or ``en`` by the current language (for names kept in data tables)."""
    return zh if _State.language == "zh" else en


def name(kind: str | tuple[str, ...], code) -> str:
    """Return the current-language name of a code, e.g. ``name("tier", "gold")`` -> "gold" or
    "金质客户"; ``kind`` may be several kinds, tried in order. A code without a name is shown
    as it is."""
    for each in (kind,) if isinstance(kind, str) else kind:
        key = f"{each}.{code}"
        if key in LABELS:
            return label(key)
    return str(code)


def code_table(kind: str) -> pd.DataFrame:
    """The codes of ``kind`` (``"segment"``, ``"tier"``, ``"stage"``, ``"service"``,
    ``"channel"``, ``"category"``, ...) with their names in the current language: the codes are
    what pandas code compares with (``table["segment"] == "maintain"``), the names are what
    tables show. ``kind="column"``: the column names to write in code and the headers tables
    show for them. An unknown kind raises a ValueError listing the kinds."""
    if kind == "column":
        codes = [key for key in LABELS if "." not in key]
        return pd.DataFrame({"code": codes, "name": [label(c) for c in codes]})
    prefix = f"{kind}."
    codes = [key[len(prefix):] for key in LABELS
             if key.startswith(prefix) and not key[len(prefix):].startswith("(")]
    if not codes:
        kinds = sorted({"column"} | {each for kinds in CODE_COLUMNS.values()
                                     for each in ((kinds,) if isinstance(kinds, str) else kinds)})
        raise ValueError(error_text("unknown_kind", kind=kind, kinds=kinds))
    return pd.DataFrame({"code": codes, "name": [name(kind, c) for c in codes]})


def _named(values: pd.Series | pd.Index, kind):
    return values.map(lambda code: name(kind, code) if isinstance(code, (str, bool, np.bool_))
                      else code)


def _named_levels(index: pd.MultiIndex) -> pd.MultiIndex:
    """A MultiIndex with code levels shown as names; a ``field`` level names columns."""
    levels = []
    for number, level in enumerate(index.names):
        values = index.get_level_values(number)
        if level == "field":
            values = values.map(lambda code: label(code) if isinstance(code, str) else code)
        elif level in CODE_COLUMNS:
            values = _named(values, CODE_COLUMNS[level])
        levels.append(values)
    return pd.MultiIndex.from_arrays(levels, names=index.names)


def _is_column_label(value) -> bool:
    """Whether ``value`` is a column name with a label (a Series from ``table.mean()``)."""
    return isinstance(value, str) and value in LABELS


def localise(table: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """Return a copy of ``table`` as a student reads it, in the current language.

    Column and index names become labels, and the values of code columns (``segment``,
    ``tier``, ``stage``, ``service``, ``channel``, ``category``, ... see ``CODE_COLUMNS``) and
    of a code index become names. A table with a product's ``name`` and ``name_zh`` shows one
    name column, in the current language; a customer's ``name`` is shown as 姓名. The numbers
    are not changed.
    """
    out = table.copy()
    if isinstance(out, pd.DataFrame) and {"name", "name_zh"} <= set(out.columns):
        # a product's name in the data's two languages: show the one of the current language
        if _State.language == "zh":
            out["name"] = out["name_zh"]
        out = out.drop(columns="name_zh")
    elif isinstance(out, pd.DataFrame) and "name" in out.columns and (
            out.index.name == "customer_id" or "customer_id" in out.columns):
        out = out.rename(columns={"name": "customer_name"})  # a person's name: 姓名, not 名称
    if isinstance(out, pd.DataFrame) and {"row", "reason"} <= set(out.columns) and \
            _State.language == "zh":
        from rfmkit.io import reason_code  # a reader's rejected rows: reasons by their code

        out["reason"] = [label(f"read_reason.{reason_code(r)}")
                         if f"read_reason.{reason_code(r)}" in LABELS else r
                         for r in out["reason"]]
    if isinstance(out, pd.DataFrame):
        for column in out.columns:
            if column in CODE_COLUMNS:
                out[column] = _named(out[column], CODE_COLUMNS[column])
        out.columns = [label(c) if isinstance(c, str) else c for c in out.columns]
    else:
        if out.name in CODE_COLUMNS:
            out = _named(out, CODE_COLUMNS[out.name])
        out.name = label(out.name) if isinstance(out.name, str) else out.name
        if out.index.name is None and out.index.map(_is_column_label).all():
            out.index = out.index.map(label)  # e.g. table.mean(): one value per column
    if out.index.nlevels == 1 and out.index.name is None and {"count", "mean"} <= \
            set(out.index) <= {key[len("describe."):] for key in LABELS
                               if key.startswith("describe.")}:
        out.index = out.index.map(lambda stat: label(f"describe.{stat}"))  # a describe()
    if out.index.nlevels == 1 and out.index.name in CODE_COLUMNS:
        out.index = _named(out.index, CODE_COLUMNS[out.index.name])
    elif out.index.nlevels > 1:
        out.index = _named_levels(out.index)
    out.index.names = [label(n) if isinstance(n, str) else n for n in out.index.names]
    return out


def error_text(key: str, /, **values) -> str:
    """The message of rfmkit's error ``key`` in the current language: ``LABELS["error.<key>"]``
    filled in with ``values`` (``str.format``), e.g.
    ``raise ValueError(error_text("not_a_date", what="asof", value=asof))``. Every error rfmkit
    raises is worded here, once, in Chinese and English (tests/test_errors_bilingual.py)."""
    zh, en = LABELS[f"error.{key}"]
    return (zh if _State.language == "zh" else en).format(**values)


def column_text(column: str) -> str:
    """A column as an error message names it: ``'amount'`` in English; in Chinese its display
    name and the name to write in code, ``「金额 (元)」(amount)``."""
    if _State.language != "zh":
        return repr(column)
    shown = LABELS.get(column, (column,))[0] if isinstance(column, str) else str(column)
    return f"「{shown}」({column})" if shown != column else f"「{column}」"


def column_hint(column: str, english: str) -> str:
    """A column and what it should hold, for a missing-column message: ``'amount' (the line
    amount in yuan)``; in Chinese ``「金额 (元)」(amount): 应为每行的订单金额 (元)`` when the
    column has a ``hint.<column>`` label, else its name alone."""
    hint = LABELS.get(f"hint.{column}")
    if _State.language == "zh" and hint is None:
        return column_text(column)
    return error_text("column_hint", column=column_text(column),
                      hint=hint[0] if _State.language == "zh" else english)

