"""The RFM model (RFM模型): recency, frequency and monetary value per customer, and the groups.

R (最近一次消费间隔) is an *interval*: days from the customer's last purchase to the as-of
date, so a larger R means the last purchase was longer ago. "R↑" therefore means "at or above
the cut", i.e. *longer ago*; "R↓" means recent. F (消费频率) counts orders and M (消费金额) is
net spend in yuan; for both, larger is better.

Computation only: pandas in, pandas out, inputs never modified, no printing, no clock.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from rfmkit.labels import LABELS, error_text
from rfmkit.orders import order_totals
from rfmkit.validation import (
    RfmkitWarning,
    as_day,
    as_days,
    at_or_above_mean,
    column_of,
    require_columns,
)

METRICS = ("recency_days", "frequency", "monetary")
LETTERS = {"recency_days": "R", "frequency": "F", "monetary": "M"}
PATTERNS = tuple(f"R{r}F{f}M{m}" for r in "↓↑" for f in "↓↑" for m in "↓↑")

# A scheme is data: pattern -> stable code, names and suggested action in both languages.
# Row order is the order groups are listed in summaries and charts.
_SCHEME_COLUMNS = ["pattern", "code", "name_zh", "name_en", "action_zh", "action_en"]
SCHEMES: dict[str, pd.DataFrame] = {
    "lesson": pd.DataFrame(
        [
            ("R↓F↑M↑", "maintain", "重要维护客户", "important: maintain",
             "优先服务、会员专属关怀, 保持现有水平",
             "priority service and member care: keep them"),
            ("R↓F↓M↑", "develop", "重要发展客户", "important: develop",
             "新品通知、组合推荐, 提高购买频率",
             "new-product notices and bundles: raise frequency"),
            ("R↓F↑M↓", "general_important", "一般重要客户", "generally important",
             "关联推荐、满减券, 提高客单价",
             "cross-selling and spend-more coupons: raise the ticket"),
            ("R↑F↑M↑", "win_back", "重要挽留客户", "important: win back",
             "电话回访问原因, 专属优惠挽回",
             "a revisit call to ask why, a personal offer to win back"),
            ("R↑F↑M↓", "ordinary", "一般客户", "ordinary",
             "节日问候、优惠券唤醒", "holiday greetings and coupons to wake them up"),
            ("R↑F↓M↓", "no_value", "无价值客户", "no value",
             "低成本群发即可, 不投入专人资源", "low-cost group messages only"),
            ("R↓F↓M↓", "unnamed_recent_small", "课程未命名 (R↓F↓M↓)",
             "not named by the lesson (R↓F↓M↓)",
             "课堂讨论: 新客户? 应该怎样服务?",
             "class question: new customers? how to serve them?"),
            ("R↑F↓M↑", "unnamed_lapsed_big", "课程未命名 (R↑F↓M↑)",
             "not named by the lesson (R↑F↓M↑)",
             "课堂讨论: 一次大额后沉默, 值得挽回吗?",
             "class question: one big purchase, then silence: worth winning back?"),
        ],
        columns=_SCHEME_COLUMNS,
    ),
    "classic8": pd.DataFrame(
        [
            ("R↓F↑M↑", "important_value", "重要价值客户", "important value",
             "VIP 服务, 保持现状", "VIP service: keep things as they are"),
            ("R↓F↓M↑", "important_develop", "重要发展客户", "important develop",
             "提高购买频率", "raise purchase frequency"),
            ("R↑F↑M↑", "important_keep", "重要保持客户", "important keep",
             "主动联系, 保持关系", "get in touch: keep the relationship"),
            ("R↑F↓M↑", "important_winback", "重要挽留客户", "important win-back",
             "了解流失原因, 重点挽留", "find out why they left: win them back"),
            ("R↓F↑M↓", "general_value", "一般价值客户", "general value",
             "提高客单价", "raise the ticket size"),
            ("R↓F↓M↓", "general_develop", "一般发展客户", "general develop",
             "培养购买习惯", "build a buying habit"),
            ("R↑F↑M↓", "general_keep", "一般保持客户", "general keep",
             "低成本唤醒", "low-cost wake-up messages"),
            ("R↑F↓M↓", "general_winback", "一般挽留客户", "general win-back",
             "可少量投入或放弃", "little spend, or let them go"),
        ],
        columns=_SCHEME_COLUMNS,
    ),
}


for _name, _scheme in SCHEMES.items():
    if sorted(_scheme["pattern"]) != sorted(PATTERNS) or _scheme["code"].duplicated().any():
        raise ValueError(error_text("rfm.scheme_patterns", name=_name))
    # segment names and suggested actions are kept with the schemes, as data: the labels
    # take them from here (rfmkit.labels does not import this module, which raises its errors)
    for _row in _scheme.itertuples(index=False):
        LABELS[f"segment.{_row.code}"] = (_row.name_zh, _row.name_en)
        LABELS[f"action.{_row.code}"] = (_row.action_zh, _row.action_en)


def scheme_table(scheme: str = "lesson") -> pd.DataFrame:
    """Return the scheme as a table indexed by pattern: ``segment`` (code) and ``action`` (the
    same code, shown by :func:`rfmkit.localise` as the suggested action)."""
    if scheme not in SCHEMES:
        raise ValueError(error_text("rfm.scheme", schemes=sorted(SCHEMES), scheme=scheme))
    codes = SCHEMES[scheme]["code"].to_numpy()
    return pd.DataFrame({"segment": codes, "action": codes},
                        index=pd.Index(SCHEMES[scheme]["pattern"].to_numpy(), name="pattern"))


def rfm_table(
    orders: pd.DataFrame,
    asof,
    *,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
    order: str = "order_id",
) -> pd.DataFrame:
    """Compute R, F and M for every customer from an order log.

    Takes one row per order line (several lines may share an order) and the as-of day. Only
    lines dated on or before ``asof`` count (dates are compared by calendar day).

    Returns a DataFrame indexed by customer with
    ``recency_days`` (int, days from the last purchase, i.e. the last order with a positive
    total, to ``asof``; a customer whose only orders are refunds counts from the last refund),
    ``frequency`` (int, distinct orders whose total amount is positive) and
    ``monetary`` (float, yuan: net spend, refund lines subtract).
    ``.attrs`` holds ``asof``, ``lines_used``, and ``lines_after_asof`` / ``orders_after_asof``:
    how many lines and orders were left out because they are dated after ``asof``.
    """
    totals = order_totals(orders, asof, customer=customer, order=order, date=date, amount=amount)
    asof_day = as_day(asof, "asof")
    per_customer = totals.groupby("customer_id", sort=True)
    last_purchase = (
        totals["order_date"].where(totals["purchase"]).groupby(totals["customer_id"]).max()
    )
    last_purchase = last_purchase.fillna(per_customer["order_date"].max())
    table = pd.DataFrame(
        {
            "recency_days": (asof_day - last_purchase).dt.days.astype("int64"),
            "frequency": per_customer["purchase"].sum().astype("int64"),
            "monetary": per_customer["fen"].sum() / 100,
        }
    )
    table.index.name = customer
    table.attrs = {"asof": asof_day, "lines_used": len(orders) - totals.attrs["lines_after_asof"],
                   **totals.attrs}
    return table


def rfm_from_questionnaire(
    responses: pd.DataFrame, asof, *, after_asof: str = "raise"
) -> pd.DataFrame:
    """Turn the three survey answers into the same R, F, M table as :func:`rfm_table`.

    Takes clean answers (``read_questionnaire(...).data``) with ``customer_id``,
    ``last_purchase_date``, ``purchases_per_quarter`` (count) and ``spend_per_quarter`` (yuan).
    Returns ``recency_days`` (days from the stated last purchase to ``asof``), ``frequency``
    (purchases per quarter) and ``monetary`` (yuan per quarter), indexed by ``customer_id``.

    An answer dated after ``asof`` would give a negative interval, which is impossible. With
    ``after_asof="raise"`` (default) a ValueError names those customers; with
    ``after_asof="reject"`` they are left out and listed in ``.attrs["rejected"]``
    (customer, date, reason). A customer who answered twice raises a ValueError naming them.
    """
    if after_asof not in ("raise", "reject"):
        raise ValueError(error_text("rfm.after_asof", after_asof=after_asof))
    require_columns(
        responses,
        {
            "customer_id": "who answered",
            "last_purchase_date": "answer to 'When did you last buy from us?'",
            "purchases_per_quarter": "answer to 'How many times a quarter do you buy?'",
            "spend_per_quarter": "answer to 'How much do you spend per quarter?' (yuan)",
        },
        "responses",
    )
    twice = responses["customer_id"][responses["customer_id"].duplicated()]
    if len(twice):
        raise ValueError(error_text("rfm.answered_twice", value=sorted(set(twice))))
    asof_day = as_day(asof, "asof")
    stated = as_days(responses["last_purchase_date"],
                     column_of("responses", "last_purchase_date"))
    future = (stated > asof_day).to_numpy()
    rejected = pd.DataFrame(
        {
            "customer_id": responses["customer_id"].to_numpy()[future],
            "last_purchase_date": stated.to_numpy()[future],
            "reason": f"last purchase is after the as-of date {asof_day.date()}",
        }
    )
    if future.any() and after_asof == "raise":
        named = ", ".join(
            f"{c} ({d.date()})"
            for c, d in zip(rejected["customer_id"], rejected["last_purchase_date"], strict=True)
        )
        raise ValueError(error_text("rfm.answers_after_asof", value=int(future.sum()),
                                    value2=asof_day.date(), named=named))
    counts = pd.to_numeric(responses["purchases_per_quarter"]).to_numpy(dtype="float64")
    not_whole = counts != np.round(counts)
    if not_whole.any():
        who = list(responses["customer_id"].to_numpy()[not_whole][:5])
        raise ValueError(error_text("rfm.fraction_purchases", who=who))
    kept = ~future
    table = pd.DataFrame(
        {
            "recency_days": (asof_day - stated[kept]).dt.days.astype("int64").to_numpy(),
            "frequency": counts[kept].astype("int64"),
            "monetary": responses["spend_per_quarter"].to_numpy()[kept].astype("float64"),
        },
        index=pd.Index(responses["customer_id"].to_numpy()[kept], name="customer_id"),
    )
    table.attrs = {"asof": asof_day, "rejected": rejected}
    return table


def _at_or_above(values: pd.Series, rule, metric: str) -> tuple[np.ndarray, float]:
    """Return (value >= cut per customer, the cut) for one metric; ties go up."""
    if isinstance(rule, Mapping):
        if metric not in rule:
            raise ValueError(error_text("rfm.cut_missing", metrics=list(METRICS), metric=metric))
        cut = float(rule[metric])
        return values.to_numpy(dtype="float64") >= cut, cut
    if rule == "mean":
        return at_or_above_mean(values)
    if rule == "median":
        cut = float(values.median())
        return values.to_numpy(dtype="float64") >= cut, cut
    raise ValueError(error_text("rfm.cut_rule", rule=rule))


def rfm_flags(table: pd.DataFrame, cut="mean") -> pd.DataFrame:
    """Compare each customer's R, F and M with a cut: ``"mean"`` (the lesson's 均值比较法),
    ``"median"``, or a dict ``{"recency_days": days, "frequency": orders, "monetary": yuan}``.

    Returns, per customer, ``R_up``, ``F_up``, ``M_up`` (True when the value is at or above the
    cut: ties go up) and ``pattern`` such as ``"R↓F↑M↑"``. ``.attrs["cuts"]`` holds the cut used
    for each metric and ``.attrs["cut_rule"]`` the rule.
    """
    require_columns(table, {m: f"{LETTERS[m]} of the RFM table" for m in METRICS}, "table")
    if len(table) == 0:
        raise ValueError(error_text("rfm.no_customers"))
    for metric in METRICS:
        if table[metric].isna().any():
            who = list(table.index[table[metric].isna()][:5])
            raise ValueError(error_text("rfm.metric_missing", metric=metric, who=who))
    flags = {}
    cuts = {}
    for metric in METRICS:
        up, cuts[metric] = _at_or_above(table[metric], cut, metric)
        flags[f"{LETTERS[metric]}_up"] = up
    result = pd.DataFrame(flags, index=table.index)
    arrows = {letter: np.where(result[f"{letter}_up"], "↑", "↓") for letter in "RFM"}
    result["pattern"] = (
        pd.Series("R", index=table.index)
        + arrows["R"] + "F" + arrows["F"] + "M" + arrows["M"]
    )
    result.attrs = {"cuts": cuts, "cut_rule": "custom" if isinstance(cut, Mapping) else cut}
    return result


def rfm_segments(table: pd.DataFrame, scheme: str = "lesson", cut="mean") -> pd.DataFrame:
    """Name each customer's group by the ↑/↓ pattern of :func:`rfm_flags`.

    ``scheme="lesson"`` uses the lesson's six types and shows R↓F↓M↓ and R↑F↓M↑ as "not named
    by the lesson", each on its own; ``scheme="classic8"`` uses the common eight classes.
    Returns the flags plus ``segment``, a stable code that is the same in every language
    (:func:`rfmkit.localise` shows its name). ``.attrs`` keeps ``cuts``, ``cut_rule`` and
    ``scheme``.
    """
    definition = scheme_table(scheme)
    result = rfm_flags(table, cut)
    result["segment"] = definition["segment"].reindex(result["pattern"]).to_numpy()
    result.attrs["scheme"] = scheme
    return result


class BinsCollapsedWarning(RfmkitWarning):
    """Raised when tied values leave fewer distinct score bins than were asked for."""


def rfm_scores(table: pd.DataFrame, bins=5) -> pd.DataFrame:
    """Score R, F and M from 1 to ``bins`` by quantile: the step after the lesson's mean rule.

    ``bins`` is a number of equal-count bins, or a dict metric -> list of edges. Bins are
    right-closed (a, b] with the lowest edge included, so equal values always share a score.
    A higher score is better: for recency the most recent customers get the top score.
    When many customers share a value (e.g. most bought once) some quantile edges coincide and
    fewer bins remain; a :class:`BinsCollapsedWarning` says so and scores then run 1..k.
    Returns ``R_score``, ``F_score``, ``M_score`` (int) and ``RFM_score`` (e.g. "545");
    ``.attrs["edges"]`` holds the edges used per metric.
    """
    require_columns(table, {m: f"{LETTERS[m]} of the RFM table" for m in METRICS}, "table")
    scores = {}
    edges_used = {}
    for metric in METRICS:
        values = table[metric].astype("float64")
        if isinstance(bins, Mapping):
            if metric not in bins:
                raise ValueError(error_text("rfm.bins_missing", metrics=list(METRICS),
                                            metric=metric))
            edges = np.asarray(sorted(bins[metric]), dtype="float64")
            codes = pd.cut(values, edges, labels=False, include_lowest=True)
            if codes.isna().any():
                outside = values[codes.isna()].iloc[0]
                raise ValueError(error_text("rfm.outside_edges", metric=metric, outside=outside,
                                            edges=list(edges)))
            wanted = len(edges) - 1
        else:
            wanted = int(bins)
            if wanted < 2:
                raise ValueError(error_text("rfm.bins_too_few"))
            if values.nunique() < 2:
                # Every customer has the same value: one bin, everyone scores 1.
                codes = pd.Series(0, index=values.index)
                edges = np.array([values.min(), values.max()])
            else:
                codes, edges = pd.qcut(
                    values, wanted, labels=False, retbins=True, duplicates="drop"
                )
        got = len(edges) - 1
        if got < wanted:
            warnings.warn(BinsCollapsedWarning(
                "bins_collapsed",
                "{metric}: many customers share the same value, so only {got} of {wanted} "
                "bins remain (edges {edges}); scores run 1..{got}.",
                metric=metric, got=got, wanted=wanted, edges=np.round(edges, 2).tolist(),
            ), stacklevel=2)
        codes = codes.astype("int64") + 1
        if metric == "recency_days":
            codes = got + 1 - codes
        scores[f"{LETTERS[metric]}_score"] = codes
        edges_used[metric] = [float(e) for e in edges]
    result = pd.DataFrame(scores, index=table.index)
    result["RFM_score"] = (result["R_score"].astype(str) + result["F_score"].astype(str)
                           + result["M_score"].astype(str))
    result.attrs = {"edges": edges_used}
    return result


def segment_summary(segments: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Summarise each group: customers, share of customers (%), orders, revenue (yuan), share of
    revenue (%), average order value (yuan per order) and average recency (days).

    ``segments`` comes from :func:`rfm_segments`, ``table`` from :func:`rfm_table` (same
    customers). Rows follow the scheme's order, including groups with no customers (zeros), so
    a summary always shows the whole scheme.
    """
    if not segments.index.equals(table.index):
        if set(segments.index) != set(table.index) or len(segments) != len(table):
            raise ValueError(error_text("same_customers", first="segments", second="table"))
        table = table.reindex(segments.index)
    definition = scheme_table(segments.attrs.get("scheme", "lesson"))
    joined = table[["recency_days", "frequency", "monetary"]].assign(segment=segments["segment"])
    summary = joined.groupby("segment").agg(
        customers=("frequency", "size"), orders=("frequency", "sum"),
        revenue=("monetary", "sum"), recency_total=("recency_days", "sum"),
    ).reindex(definition["segment"].to_numpy(), fill_value=0)
    counts, orders, revenue = summary["customers"], summary["orders"], summary["revenue"]
    total_revenue = revenue.sum()
    return pd.DataFrame(
        {
            "pattern": definition.index.to_numpy(),
            "customers": counts.astype("int64").to_numpy(),
            "customer_share": (100 * counts / counts.sum()).round(1).to_numpy(),
            "orders": orders.astype("int64").to_numpy(),
            "revenue": revenue.round(2).to_numpy(),
            "revenue_share": ((100 * revenue / total_revenue).round(1).to_numpy()
                              if total_revenue else np.zeros(len(summary))),
            "average_order_value": (revenue / orders.where(orders > 0)).round(2).to_numpy(),
            "average_recency_days": (summary["recency_total"] / counts.where(counts > 0))
            .round(1).to_numpy(),
        },
        index=pd.Index(summary.index, name="segment"),
    )


def scheme_comparison(table: pd.DataFrame, cut="mean") -> pd.DataFrame:
    """Put the two schemes side by side: for each of the 8 patterns, the number of customers
    and the share (%) with that pattern under ``cut``, and the group name each scheme gives it.

    Returns one row per pattern (lesson order) with ``customers``, ``customer_share``,
    ``lesson`` and ``classic8`` (the segment code each scheme gives the pattern).
    """
    flags = rfm_flags(table, cut)
    counts = flags["pattern"].value_counts().reindex(SCHEMES["lesson"]["pattern"], fill_value=0)
    lesson = scheme_table("lesson")["segment"]
    classic8 = scheme_table("classic8")["segment"]
    result = pd.DataFrame(
        {
            "customers": counts.astype("int64").to_numpy(),
            "customer_share": (100 * counts / len(flags)).round(1).to_numpy(),
            "lesson": lesson.reindex(counts.index).to_numpy(),
            "classic8": classic8.reindex(counts.index).to_numpy(),
        },
        index=pd.Index(counts.index, name="pattern"),
    )
    result.attrs = dict(flags.attrs)
    return result
