"""Every name a student sees, in Chinese and English, switched in one place.

Call ``rfmkit.use_language("zh")`` or ``rfmkit.use_language("en")`` once at the top of a
notebook; tables (through :func:`localise`), charts and widgets then use that language.
Computation functions always return the canonical English column names listed here, so code
written against them keeps working whichever language is shown.
"""

from __future__ import annotations

import pandas as pd

LANGUAGES = ("zh", "en")

# key -> (Chinese, English). Keys are the canonical column names and chart texts.
LABELS: dict[str, tuple[str, str]] = {
    # identifiers and order data
    "customer_id": ("顾客ID", "customer ID"),
    "order_id": ("订单号", "order ID"),
    "order_date": ("下单日期", "order date"),
    "amount": ("金额 (元)", "amount (yuan)"),
    "product_id": ("商品ID", "product ID"),
    "quantity": ("数量", "quantity"),
    # RFM
    "recency_days": ("最近一次消费间隔 R (天)", "recency R (days)"),
    "frequency": ("消费频率 F (次)", "frequency F (orders)"),
    "monetary": ("消费金额 M (元)", "monetary M (yuan)"),
    "R_up": ("R↑", "R↑"),
    "F_up": ("F↑", "F↑"),
    "M_up": ("M↑", "M↑"),
    "pattern": ("模式", "pattern"),
    "segment": ("分组代码", "segment code"),
    "segment_name": ("客户类型", "customer type"),
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
    "value": ("原始值", "value"),
    "reason": ("原因", "reason"),
    # chart texts
    "chart.rfm_distributions": ("R、F、M 的分布 (虚线 = 平均值)", "R, F, M distributions (dashed = mean)"),
    "chart.mean": ("平均值", "mean"),
    "chart.segment_counts": ("各类客户的人数与销售额", "Customers and revenue per group"),
    "chart.rf_grid": ("R-F 网格 (颜色 = 平均消费金额)", "R-F grid (colour = average monetary)"),
    "chart.average_monetary": ("平均消费金额 (元)", "average monetary (yuan)"),
    "chart.no_data": ("(无数据)", "(no data)"),
    # scheme and rule names
    "scheme.lesson": ("课程六类法", "lesson's six types"),
    "scheme.classic8": ("常用八类法", "common eight classes"),
    "cut.mean": ("平均值", "mean"),
    "cut.median": ("中位数", "median"),
    "cut.custom": ("自定义", "custom"),
    "widget.scheme": ("分组方法", "scheme"),
    "widget.cut": ("分界规则", "cut rule"),
}


class _State:
    language = "en"


def use_language(language: str) -> None:
    """Show every label in ``language``: ``"zh"`` (中文) or ``"en"`` (English)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    _State.language = language


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


def localise(table: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """Return a copy of ``table`` with its column and index names shown in the current language.

    Values are not changed; only the headers a student reads are translated.
    """
    out = table.copy()
    if isinstance(out, pd.DataFrame):
        out.columns = [label(c) if isinstance(c, str) else c for c in out.columns]
    else:
        out.name = label(out.name) if isinstance(out.name, str) else out.name
    out.index.names = [label(n) if isinstance(n, str) else n for n in out.index.names]
    return out
