"""What counts as a purchase: the one rule every module uses.

An order log has one row per order line; several lines (and refund lines, which are negative)
may share an order number. The rule:

1. Only lines dated on or before the as-of day count (dates are compared by calendar day).
2. An order's lines are added up in whole fen (0.01 yuan), so 0.10 + 0.20 - 0.30 is exactly 0.
3. An order's date is the day of its first line: a refund line added later to the same order
   does not move the order.
4. An order is a purchase when its net total is above 0. A fully refunded order is no purchase.

Before that, a shop's own export decides which of its lines are purchase lines at all
(:func:`purchase_lines`, applied by :func:`rfmkit.io.read_orders` while reading, so each line it
leaves out has a line number and a reason):

5. Only paid orders are purchases. The order status written by the platform (Taobao/Tmall, JD,
   Pinduoduo, Youzan, Douyin, or plain English) is looked up in :data:`STATUS_WORDS`: closed,
   cancelled, unpaid and refunded orders are no purchases (a refund line -- a negative
   amount -- marked refunded is the refund itself and counts, so it is subtracted). A status
   the table does not know is not guessed. Without a status column, an empty payment time
   means "not paid".
6. A refund-amount column is subtracted from the amount paid: a partial refund lowers the
   amount and the line stays a purchase; a full refund makes it no purchase.

:func:`order_lines` and :func:`order_totals` take lines already decided (such as
``read_orders(...).data``, net of refunds); a frame with a status column made another way
should go through :func:`purchase_lines` first.

Computation only: pandas in, pandas out, inputs never modified.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from rfmkit.labels import column_text, error_text
from rfmkit.validation import as_day, as_days, as_fen, column_of, require_columns

# order status as exported -> status code. Only "paid" is a purchase. Keys are compared after
# NFKC (full-width commas become ",") with spaces removed and case folded.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "paid": (
        # Taobao / Tmall
        "交易成功", "买家已付款,等待卖家发货", "卖家已发货,等待买家确认", "卖家部分发货",
        "买家已付款", "卖家已发货",
        # JD
        "完成", "已完成", "等待出库", "等待发货", "等待确认收货", "已发货", "已收货",
        # Pinduoduo
        "待发货", "已发货,待签收", "已签收", "待收货", "已发货,待收货",
        # Youzan / Douyin
        "已付款", "待成团", "备货中", "部分发货", "交易完成", "已支付",
        # English
        "paid", "completed", "complete", "shipped", "delivered", "success", "fulfilled",
    ),
    "unpaid": (
        "等待买家付款", "等待付款", "待付款", "待支付", "未付款", "未支付", "待买家付款",
        "unpaid", "pending payment", "awaiting payment", "pending",
    ),
    "closed": ("交易关闭", "已关闭", "订单关闭", "关闭", "closed"),
    "cancelled": ("已取消", "取消", "订单取消", "交易取消", "cancelled", "canceled", "voided"),
    "refunded": (
        "已退款", "退款成功", "全额退款", "未发货,退款成功", "已发货,退款成功", "退款完成",
        "refunded",
    ),
}  # fmt: skip
PURCHASE_STATUS = "paid"


def _status_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).casefold()


_STATUS_OF = {_status_key(w): code for code, words in STATUS_WORDS.items() for w in words}


def status_codes(texts: Sequence[str]) -> np.ndarray:
    """The status code of each status text: ``paid``, ``unpaid``, ``closed``, ``cancelled``,
    ``refunded``; ``""`` for a blank text and ``"unknown"`` for a text not in the table."""
    values = pd.Series(np.asarray(texts, dtype=object), dtype=object)
    distinct = values.unique()
    codes = {t: ("" if not str(t).strip() else _STATUS_OF.get(_status_key(t), "unknown"))
             for t in distinct}  # fmt: skip
    return values.map(codes).to_numpy(dtype=object)


def purchase_lines(
    paid: np.ndarray,
    status: np.ndarray | None = None,
    refund: np.ndarray | None = None,
    paid_at: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Rule 5 and 6 for the lines of an export, vectorised.

    Takes the amounts paid (yuan, float), and when the file has them the status texts, the
    refund amounts (yuan, float, NaN = none) and the payment times (NaT = not paid). Returns
    ``(net, why)``: the net amount of each line (paid minus refund, yuan) and a code for each
    line that is no purchase line -- ``status.unpaid``, ``status.closed``,
    ``status.cancelled``, ``status.refunded``, ``status.unknown``, ``status.blank``,
    ``not_paid`` (no payment time), ``refund.full`` (refunded in full), ``refund.too_large``
    (more refunded than paid) -- and ``""`` for a purchase line.
    """
    paid = np.asarray(paid, dtype="float64")
    why = np.full(len(paid), "", dtype=object)
    net = paid
    if refund is not None:
        back = np.nan_to_num(np.asarray(refund, dtype="float64"))
        net_fen = np.round(paid * 100).astype(np.int64) - np.round(back * 100).astype(np.int64)
        net = net_fen / 100
        refunded = back > 0
        why[refunded & (net_fen == 0)] = "refund.full"
        why[refunded & (net_fen < 0) & (paid >= 0)] = "refund.too_large"
    if paid_at is not None and status is None:
        why[np.isnat(np.asarray(paid_at, dtype="datetime64[ns]"))] = "not_paid"
    if status is not None:
        codes = status_codes(status)
        # a refund line (negative amount) marked refunded is the refund itself: it counts
        other = (codes != PURCHASE_STATUS) & ~((paid < 0) & (codes == "refunded"))
        why[other] = np.where(codes[other] == "", "status.blank", "status." + codes[other])
    return net + 0.0, why


ORDER_COLUMNS = {
    "customer_id": "the customer's ID",
    "order_id": "the order number",
    "order_date": "the order date",
    "amount": "the line amount in yuan",
}


def order_lines(
    orders: pd.DataFrame,
    asof=None,
    *,
    customer: str = "customer_id",
    order: str = "order_id",
    date: str = "order_date",
    amount: str = "amount",
    extra: Sequence[str] = (),
) -> pd.DataFrame:
    """Return the order lines dated on or before ``asof`` (all lines when ``asof`` is None) as a
    new frame with the standard columns ``customer_id``, ``order_id``, ``order_date`` (calendar
    day), ``fen`` (int, whole fen) and ``amount`` (yuan), plus the ``extra`` columns as given.

    ValueError names a missing column, a missing ID or date, or an amount that is not a number.
    ``.attrs`` holds ``lines_after_asof`` and ``orders_after_asof``: what the as-of day left out.
    """
    named = dict(zip((customer, order, date, amount), ORDER_COLUMNS.values(), strict=True))
    require_columns(orders, {**named, **dict.fromkeys(extra, "asked for by the caller")}, "orders")
    for name in (customer, order):
        missing = orders[name].isna().to_numpy()
        if missing.any():
            raise ValueError(error_text("orders.missing_id", column=column_text(name),
                                        index=orders.index[missing][0]))
    days = as_days(orders[date], column_of("orders", date))
    fen = as_fen(orders[amount], column_of("orders", amount))
    keep = np.ones(len(orders), dtype=bool)
    if asof is not None:
        keep = (days <= as_day(asof, "asof")).to_numpy()
    ids, numbers = orders[customer].to_numpy(), orders[order].to_numpy()
    lines = pd.DataFrame({"customer_id": ids[keep], "order_id": numbers[keep],
                          "order_date": days.to_numpy()[keep], "fen": fen[keep]})
    lines["amount"] = lines["fen"] / 100
    for column in extra:
        lines[column] = orders[column].to_numpy()[keep]
    left_out = pd.MultiIndex.from_arrays([ids[~keep], numbers[~keep]])
    lines.attrs = {"lines_after_asof": len(left_out), "orders_after_asof": left_out.nunique()}
    return lines


def order_totals(orders: pd.DataFrame, asof=None, **columns) -> pd.DataFrame:
    """Turn order lines into orders by the purchase rule of this module.

    Takes the order log and the as-of day (lines after it are left out; None keeps all), and
    the column names as in :func:`order_lines`. Returns one row per order, sorted by customer,
    date and order number: ``customer_id``, ``order_id``, ``order_date`` (day of the first
    line), ``fen`` (int, net total in whole fen), ``amount`` (net total, yuan) and
    ``purchase`` (True when the net total is above 0). ``.attrs`` as in :func:`order_lines`.
    """
    lines = order_lines(orders, asof, **columns)
    totals = (
        lines.groupby(["customer_id", "order_id"], sort=False)
        .agg(order_date=("order_date", "min"), fen=("fen", "sum"))
        .reset_index()
        .sort_values(["customer_id", "order_date", "order_id"], kind="stable")
        .reset_index(drop=True)
    )
    totals["amount"] = totals["fen"] / 100
    totals["purchase"] = totals["fen"] > 0
    totals.attrs = dict(lines.attrs)
    return totals
