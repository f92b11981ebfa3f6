"""What counts as a purchase: the one rule every module uses.

An order log has one row per order line; several lines (and refund lines, which are negative)
may share an order number. The rule:

1. Only lines dated on or before the as-of day count (dates are compared by calendar day).
2. An order's lines are added up in whole fen (0.01 yuan), so 0.10 + 0.20 - 0.30 is exactly 0.
3. An order's date is the day of its first line: a refund line added later to the same order
   does not move the order.
4. An order is a purchase when its net total is above 0. A fully refunded order is no purchase.

Computation only: pandas in, pandas out, inputs never modified.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from rfmkit.validation import as_day, as_days, as_fen, require_columns

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
    require_columns(
        orders,
        {
            customer: ORDER_COLUMNS["customer_id"],
            order: ORDER_COLUMNS["order_id"],
            date: ORDER_COLUMNS["order_date"],
            amount: ORDER_COLUMNS["amount"],
            **{column: "asked for by the caller" for column in extra},
        },
        "orders",
    )
    for name in (customer, order):
        missing = orders[name].isna().to_numpy()
        if missing.any():
            raise ValueError(
                f"orders has a missing {name!r} (first at index {orders.index[missing][0]!r}); "
                "every line needs a customer and an order number"
            )
    days = as_days(orders[date], f"orders column {date!r}")
    fen = as_fen(orders[amount], f"orders column {amount!r}")
    keep = np.ones(len(orders), dtype=bool)
    if asof is not None:
        keep = (days <= as_day(asof, "asof")).to_numpy()
    lines = pd.DataFrame(
        {
            "customer_id": orders[customer].to_numpy()[keep],
            "order_id": orders[order].to_numpy()[keep],
            "order_date": days.to_numpy()[keep],
            "fen": fen[keep],
        }
    )
    lines["amount"] = lines["fen"] / 100
    for column in extra:
        lines[column] = orders[column].to_numpy()[keep]
    left_out = ~keep
    lines.attrs = {
        "lines_after_asof": int(left_out.sum()),
        "orders_after_asof": int(
            pd.MultiIndex.from_arrays(
                [orders[customer].to_numpy()[left_out], orders[order].to_numpy()[left_out]]
            ).nunique()
        ),
    }
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
