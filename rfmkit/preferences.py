"""New customers and product preferences (新客户与客户产品喜好分析), notebook 07.

- :func:`first_orders` / :func:`first_order_bands`: each customer's first order value and the
  price bands it falls into (新客户客单价分析); :func:`products_near_ticket` recommends
  products priced near a new customer's first ticket.
- :func:`new_vs_returning`: per month, new vs returning buyers (新老客户占比).
- :func:`top_products` / :func:`top_categories`: what each customer group buys most.
- :func:`co_occurrence`: products bought by the same customers (关联营销): support,
  confidence and lift; :func:`cross_sell` lists what to suggest to one product's buyers.
- :func:`tag_customers`, :func:`customers_with_tag`, :func:`join_tags`,
  :func:`tags_by_segment`: custom customer tags (客户档案自定义属性).
- :func:`segment_profile`: who is in a group, by profile field, compared with all members.

Orders follow the one purchase rule of :mod:`rfmkit.orders`; a product is *bought* on a
positive line of a purchase. Results carry codes and the data's own values (a product's
``name`` and ``name_zh`` side by side, category codes); names are added at display time
(``rfmkit.localise``). Money is in yuan (元), shares in percent (%) unless a docstring says
"fraction". Computation only: inputs never modified, no printing, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Real

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.orders import order_lines, order_totals
from rfmkit.profiles import profile_comparison
from rfmkit.validation import as_day, as_number, as_whole, require_columns

__all__ = [
    "DEFAULT_EDGES", "co_occurrence", "cross_sell", "customers_with_tag", "first_order_bands",
    "first_orders", "join_tags", "new_vs_returning", "products_near_ticket", "segment_profile",
    "tag_customers", "tags_by_segment", "top_categories", "top_products",
]


#: Default first-order price bands (yuan): [0, 50), [50, 100), [100, 200), [200, 500), 500+.
DEFAULT_EDGES = (0, 50, 100, 200, 500, math.inf)

_FREQS = {"MS": "M", "QS": "Q", "YS": "Y"}
_PRODUCT_COLUMNS = ["name", "name_zh", "category", "price"]


def _lines(orders: pd.DataFrame, asof=None, item: str = "product_id") -> pd.DataFrame:
    """The standard order lines up to ``asof`` (:func:`rfmkit.orders.order_lines`) with the
    ``item`` column, ``order_date`` = the date of the line's order, and ``bought``: the line
    is positive and its order is a purchase (a fully refunded order buys nothing)."""
    lines = order_lines(orders, asof, extra=(item,))
    per_order = order_totals(lines)[["customer_id", "order_id", "order_date", "purchase"]]
    lines = lines.drop(columns="order_date").merge(per_order, on=["customer_id", "order_id"],
                                                   how="left")
    lines["bought"] = lines["purchase"] & (lines["fen"] > 0)
    return lines


def _purchases(orders: pd.DataFrame, asof) -> pd.DataFrame:
    totals = order_totals(orders, asof)
    return totals[totals["purchase"]]


def _share_pct(part, whole) -> np.ndarray:
    """100 x part / whole to 0.1 %, and 0 where whole is 0."""
    part = np.asarray(part, dtype="float64")
    whole = np.asarray(whole, dtype="float64")
    return np.round(np.divide(100 * part, whole, out=np.zeros_like(part), where=whole > 0), 1)


def _catalogue(products: pd.DataFrame) -> pd.DataFrame:
    """One row per product id: the data's ``name``, ``name_zh``, ``category`` and ``price``
    (NaN where the products table has no such column)."""
    require_columns(products, {"product_id": "the product ID"}, "products")
    table = products.drop_duplicates("product_id").set_index("product_id")
    table = table.reindex(columns=_PRODUCT_COLUMNS)
    table["price"] = pd.to_numeric(table["price"])
    return table


def _edge(value) -> float:
    if isinstance(value, Real) and not isinstance(value, bool) and math.isinf(value):
        return float(value)
    return as_number(value, error_text("what.edge"))


def _check_edges(edges) -> np.ndarray:
    try:
        values = [_edge(e) for e in edges]
    except TypeError:
        raise ValueError(error_text("preferences.edges_numbers", edges=edges)) from None
    if len(values) < 2:
        raise ValueError(error_text("preferences.edges_two"))
    if any(b <= a for a, b in zip(values[:-1], values[1:], strict=True)):
        raise ValueError(error_text("preferences.edges_increase", edges=list(edges)))
    return np.asarray(values, dtype="float64")


def _band_labels(edges: np.ndarray) -> list[str]:
    """"[0, 50)", "[50, 100)", ..., "[500, ∞)": one label per band of ``edges``."""
    text = [("∞" if e > 0 else "-∞") if math.isinf(e) else str(int(e)) if e == int(e)
            else f"{e:g}" for e in edges]
    return [f"[{a}, {b})" for a, b in zip(text[:-1], text[1:], strict=True)]


def first_orders(orders: pd.DataFrame, *, asof, edges=DEFAULT_EDGES, since=None) -> pd.DataFrame:
    """Each customer's first purchase and its value (the first ticket, 首单客单价).

    The first purchase is the customer's earliest purchase (an order whose net total is above
    0, see :mod:`rfmkit.orders`) dated on or before ``asof`` (two on the same day: the smaller
    order_id). Its value is the whole order: its lines netted in whole fen, in yuan. With
    ``since`` only customers whose first purchase is on or after that day are kept (the new
    customers of a period).

    Returns a DataFrame indexed by ``customer_id`` with ``first_order_id``,
    ``first_order_date``, ``first_ticket`` (yuan) and ``ticket_band``: the band
    [lower, upper) of ``edges`` the ticket falls in (lower edge included, upper excluded:
    exactly 50 yuan is in [50, 100)); missing when the ticket is outside all bands.
    """
    bounds = _check_edges(edges)
    first = _purchases(orders, asof).drop_duplicates("customer_id")
    if since is not None:
        first = first[first["order_date"] >= as_day(since, "since")]
    tickets = first["amount"].to_numpy(dtype="float64")
    bands = pd.cut(tickets, bounds, right=False, labels=_band_labels(bounds)).astype(object)
    result = pd.DataFrame(
        {"first_order_id": first["order_id"].to_numpy(),
         "first_order_date": first["order_date"].to_numpy(), "first_ticket": tickets,
         "ticket_band": bands},
        index=pd.Index(first["customer_id"].to_numpy(), name="customer_id"))
    result.attrs = {"edges": [float(e) for e in bounds]}
    return result


def first_order_bands(orders: pd.DataFrame, edges=DEFAULT_EDGES, *, asof,
                      since=None) -> pd.DataFrame:
    """How first orders spread over price bands (新客户客单价分析).

    Takes the order log, the band ``edges`` in yuan (strictly increasing; default 0, 50, 100,
    200, 500, ∞), ``asof`` and optionally ``since`` (see :func:`first_orders`). Bands are
    right-open, [a, b): a ticket of exactly 100 yuan counts in [100, 200).

    Returns one row per band: ``ticket_band`` (e.g. "[50, 100)"), ``band_lower`` and
    ``band_upper`` (yuan), ``customers`` and ``customer_share`` (% of the customers counted,
    0.1 %). Empty bands show 0. If some tickets fall outside the edges, a last row
    ``ticket_band = "outside"`` counts them. ``.attrs["customers"]`` is the total.
    """
    return band_counts(first_orders(orders, asof=asof, edges=edges, since=since), edges)


def band_counts(first: pd.DataFrame, edges=DEFAULT_EDGES) -> pd.DataFrame:
    """:func:`first_order_bands` of first orders already found: ``first`` is the result of
    :func:`first_orders` made with the same ``edges`` (for an explorer that needs both)."""
    bounds = _check_edges(edges)
    labels = _band_labels(bounds)
    counts = first["ticket_band"].value_counts().reindex(labels, fill_value=0)
    outside = int(first["ticket_band"].isna().sum())
    extra = 1 if outside else 0  # a last row "outside" only when some ticket is outside
    result = pd.DataFrame({
        "ticket_band": labels + ["outside"] * extra,
        "band_lower": np.append(bounds[:-1], [np.nan] * extra),
        "band_upper": np.append(bounds[1:], [np.nan] * extra),
        "customers": np.append(counts.to_numpy(dtype="int64"), [outside] * extra).astype("int64"),
    })
    result["customer_share"] = _share_pct(result["customers"], len(first))
    result.attrs = {"customers": len(first), "edges": [float(e) for e in bounds]}
    return result


def products_near_ticket(first_orders: pd.DataFrame, products: pd.DataFrame,
                         tolerance: float = 0.2, top: int = 3) -> pd.DataFrame:
    """For each new customer, the products priced near their first ticket.

    A product qualifies when |price - ticket| <= tolerance x ticket (bounds included: with
    the default 20 % and a 100-yuan ticket, prices 80 to 120 yuan). The closest prices come
    first; equal distances go by product_id. At most ``top`` per customer; customers with no
    product in range get no row (``.attrs["without_match"]`` lists them).

    Takes the result of :func:`first_orders` (``first_ticket``, indexed by customer, or with a
    ``customer_id`` column) and products (``product_id``, ``price``; ``name``, ``name_zh`` and
    ``category`` copied when present). Returns ``customer_id``, ``first_ticket``, ``rank``,
    ``product_id``, ``name``, ``name_zh``, ``category`` (code), ``price``, ``difference``
    (price - ticket, yuan) and ``difference_pct`` (% of the ticket, 0.1).
    """
    require_columns(first_orders, {"first_ticket": "the first order value in yuan"},
                    "first_orders")
    require_columns(products, {"product_id": "the product ID", "price": "price in yuan"},
                    "products")
    tol = as_number(tolerance, error_text("what.tolerance"), minimum=0)
    limit = as_whole(top, "top", minimum=1)
    ids = (first_orders["customer_id"] if "customer_id" in first_orders.columns
           else first_orders.index).to_numpy()
    tickets = pd.DataFrame({"position": np.arange(len(ids)), "customer_id": ids,
                            "first_ticket": pd.to_numeric(first_orders["first_ticket"]).to_numpy(
                                dtype="float64")})
    pairs = tickets.merge(_catalogue(products).reset_index(), how="cross")
    gap = pairs["price"] - pairs["first_ticket"]
    size = pairs["first_ticket"].abs()
    # a relative slack of 1e-9 keeps a price exactly on the bound inside despite floats
    near = pairs[gap.abs() <= tol * size + 1e-9 * np.maximum(1.0, size)]
    near = near.assign(difference=gap.round(2), distance=gap.abs().round(6))
    near = near.sort_values(["position", "distance", "product_id"], kind="stable")
    near = near.groupby("position").head(limit).reset_index(drop=True)
    near["rank"] = near.groupby("position").cumcount() + 1
    near["difference_pct"] = (100 * (near["price"] - near["first_ticket"])
                              / near["first_ticket"].where(near["first_ticket"] != 0)).round(1)
    matched = set(near["position"])
    without = [customer for p, customer in enumerate(ids) if p not in matched]
    columns = ["customer_id", "first_ticket", "rank", "product_id", *_PRODUCT_COLUMNS,
               "difference", "difference_pct"]
    result = near[columns]
    result.attrs = {"tolerance": tol, "without_match": without}
    return result


def new_vs_returning(orders: pd.DataFrame, freq: str = "MS", *, asof=None) -> pd.DataFrame:
    """Per period, buyers who bought for the first time (new) vs who had bought before
    (returning) (新老客户占比).

    ``freq`` is ``"MS"`` (months, default), ``"QS"`` (quarters) or ``"YS"`` (years). A customer
    is *new* in the period of their first purchase in the log and *returning* in every later
    period in which they buy again; each buyer counts once per period. Orders after ``asof``
    (when given) are ignored. Note: the log's first periods count everyone as new, since
    earlier purchases are not in it, and the last period may be incomplete.

    Returns one row per period from the first to the last purchase (periods with no buyers
    show 0): ``period_start`` (date), ``customers`` (buyers), ``new_customers``,
    ``returning_customers``, ``new_share`` and ``returning_share`` (% of the buyers, 0.1).
    """
    if freq not in _FREQS:
        raise ValueError(error_text("preferences.freq", freqs=list(_FREQS), freq=freq))
    purchases = _purchases(orders, asof)
    columns = ["period_start", "customers", "new_customers", "returning_customers",
               "new_share", "returning_share"]
    if purchases.empty:
        return pd.DataFrame(columns=columns)
    period = purchases["order_date"].dt.to_period(_FREQS[freq])
    first_period = period.groupby(purchases["customer_id"]).transform("min")
    buyers = pd.DataFrame({"customer_id": purchases["customer_id"], "period": period,
                           "new": (period == first_period).to_numpy()})
    grouped = buyers.drop_duplicates(["customer_id", "period"]).groupby("period")["new"]
    full = pd.period_range(period.min(), period.max(), freq=_FREQS[freq])
    total = grouped.size().reindex(full, fill_value=0).to_numpy(dtype="int64")
    new = grouped.sum().reindex(full, fill_value=0).to_numpy(dtype="int64")
    result = pd.DataFrame({
        "period_start": full.to_timestamp(how="start"), "customers": total, "new_customers": new,
        "returning_customers": total - new, "new_share": _share_pct(new, total),
        "returning_share": _share_pct(total - new, total),
    })
    result.attrs = {"freq": freq}
    return result


def _groups(by, customers: np.ndarray) -> np.ndarray:
    if by is None:
        return np.full(len(customers), "all", dtype=object)
    if isinstance(by, pd.DataFrame):
        if "segment" not in by.columns:
            raise ValueError(error_text("preferences.by_table", columns=list(by.columns)))
        by = by["segment"]
    if not isinstance(by, pd.Series):
        raise ValueError(error_text("preferences.by_series"))
    if by.index.has_duplicates:
        raise ValueError(error_text("preferences.by_twice"))
    return by.reindex(customers).to_numpy(dtype=object)


def _top(lines: pd.DataFrame, key: str, by, n: int, rank_by: str) -> pd.DataFrame:
    if rank_by not in ("spend", "buyers"):
        raise ValueError(error_text("preferences.rank_by", rank_by=rank_by))
    limit = as_whole(n, "n", minimum=1)
    lines = lines.assign(group=_groups(by, lines["customer_id"].to_numpy()))
    dropped = int(lines["group"].isna().sum())
    lines = lines[lines["group"].notna()]
    spend = lines.groupby(["group", key])["fen"].sum() / 100
    buyers = lines[lines["bought"]].groupby(["group", key])["customer_id"].nunique()
    table = pd.DataFrame({"spend": spend}).join(buyers.rename("buyers"), how="left")
    table["buyers"] = table["buyers"].fillna(0).astype("int64")
    table = table.reset_index()
    table["spend_share"] = _share_pct(table["spend"],
                                    table.groupby("group")["spend"].transform("sum"))
    other = "buyers" if rank_by == "spend" else "spend"
    table = table.sort_values(["group", rank_by, other, key],
                              ascending=[True, False, False, True], kind="stable")
    table["rank"] = table.groupby("group").cumcount() + 1
    table = table[table["rank"] <= limit].reset_index(drop=True)
    table.attrs = {"rank_by": rank_by, "lines_without_group": dropped}
    return table


def top_products(orders: pd.DataFrame, products: pd.DataFrame, by=None, n: int = 5, *,
                 asof=None, rank_by: str = "spend") -> pd.DataFrame:
    """The top ``n`` products of each customer group by spend (or by buyers).

    ``by`` maps customer -> group: a Series (e.g. ``segments["segment"]``) or a DataFrame with
    a ``segment`` column; ``None`` puts everyone in one group ``"all"``. Customers without a
    group are left out. ``spend`` is net spend in yuan (refund lines subtract; added in whole
    fen), ``buyers`` the customers who bought the product (a positive line in a purchase),
    ``spend_share`` the % of the group's spend. Ranked by ``rank_by`` (``"spend"`` or
    ``"buyers"``), then the other, then product_id.

    Returns ``group``, ``rank``, ``product_id``, ``name``, ``name_zh`` (the products' own
    names, NaN when not given), ``category`` (code), ``spend``, ``buyers``, ``spend_share``.
    """
    table = _top(_lines(orders, asof), "product_id", by, n, rank_by)
    info = _catalogue(products).reindex(table["product_id"].to_numpy())
    for column in ("name", "name_zh", "category"):
        table[column] = info[column].to_numpy()
    return table[["group", "rank", "product_id", "name", "name_zh", "category", "spend",
                  "buyers", "spend_share"]]


def top_categories(orders: pd.DataFrame, products: pd.DataFrame, by=None, n: int = 5, *,
                   asof=None, rank_by: str = "spend") -> pd.DataFrame:
    """Like :func:`top_products` for product categories (lines of unknown products are left
    out). Returns ``group``, ``rank``, ``category`` (the code; ``rfmkit.localise`` shows its
    name), ``spend``, ``buyers``, ``spend_share``."""
    require_columns(products, {"product_id": "the product ID", "category": "the category"},
                    "products")
    lines = _lines(orders, asof)
    category = _catalogue(products)["category"]
    lines["category"] = category.reindex(lines["product_id"].to_numpy()).to_numpy()
    table = _top(lines[lines["category"].notna()], "category", by, n, rank_by)
    return table[["group", "rank", "category", "spend", "buyers", "spend_share"]]


def co_occurrence(orders: pd.DataFrame, min_support: float = 0.01, *, item: str = "product_id",
                  asof=None) -> pd.DataFrame:
    """Pairs of products bought by the same customers (customer-level baskets, 关联营销).

    Each customer's basket is the set of items (``item`` column, default product_id) they
    bought: on a positive line of a purchase (refund lines and fully refunded orders buy
    nothing), over the whole log (or up to ``asof``). With N = customers with a basket, for
    items A and B:

    * ``support`` = customers who bought both / N (a fraction, 0-1);
    * ``confidence`` (A -> B) = customers who bought both / customers who bought A;
    * ``lift`` = support(AB) / (support(A) x support(B)); above 1 means A and B go together
      more often than chance.

    Returns one row per ordered pair (A -> B and B -> A both appear, as confidence differs)
    with support >= ``min_support``: ``item_a``, ``item_b``, ``customers_a``, ``customers_b``,
    ``customers_both``, ``support``, ``confidence``, ``lift`` (unrounded), sorted by lift,
    then support (both descending), then item_a, item_b. ``.attrs["customers"]`` is N.
    """
    threshold = as_number(min_support, "min_support")
    if not 0 <= threshold <= 1:
        raise ValueError(error_text("preferences.min_support", min_support=min_support))
    lines = _lines(orders, asof, item)
    bought = lines[lines["bought"] & lines[item].notna()]
    columns = ["item_a", "item_b", "customers_a", "customers_b", "customers_both", "support",
               "confidence", "lift"]
    if bought.empty:
        return pd.DataFrame(columns=columns)
    basket = pd.crosstab(bought["customer_id"], bought[item]).gt(0).astype("int64")
    n = len(basket)
    items = basket.columns.to_numpy()
    both = basket.to_numpy().T @ basket.to_numpy()
    single = np.diag(both).copy()
    # 1e-9: a support of exactly min_support (2 of 5 = 0.4) passes despite floats
    a, b = np.nonzero(both >= threshold * n - 1e-9)
    keep = (a != b) & (both[a, b] > 0)
    a, b = a[keep], b[keep]
    together = both[a, b]
    result = pd.DataFrame({
        "item_a": items[a], "item_b": items[b], "customers_a": single[a],
        "customers_b": single[b], "customers_both": together, "support": together / n,
        "confidence": together / single[a], "lift": together * n / (single[a] * single[b]),
    })
    result = result.sort_values(["lift", "support", "item_a", "item_b"],
                                ascending=[False, False, True, True], kind="stable")
    result = result.reset_index(drop=True)
    result.attrs = {"customers": n, "min_support": threshold}
    return result


def cross_sell(pairs: pd.DataFrame, products: pd.DataFrame, product, n: int = 5) -> pd.DataFrame:
    """The products to suggest to buyers of ``product`` (关联营销), strongest link first.

    Takes the pairs of :func:`co_occurrence` (product ids in ``item_a`` / ``item_b``), the
    products (``product_id``; ``name``, ``name_zh``, ``category`` and ``price`` copied when
    present) and one product id. Keeps the pairs ``product -> B``, ranked by lift, then
    confidence (both descending), then B's id; at most ``n``.

    Returns ``rank``, ``product_id`` (B), ``name``, ``name_zh``, ``category`` (code),
    ``customers_both``, ``confidence`` (share of the product's buyers who also bought B, a
    fraction), ``lift`` and ``price`` (yuan, NaN when not known). Empty when no pair passed
    the support threshold. Raises ValueError when ``product`` is not among the products.
    """
    require_columns(pairs, {"item_a": "the first product", "item_b": "the second product",
                            "customers_both": "customers who bought both",
                            "confidence": "confidence A -> B", "lift": "lift"}, "pairs")
    info = _catalogue(products)
    if product not in info.index:
        raise ValueError(error_text("preferences.unknown_product", product=product,
                                    value=list(info.index[:3])))
    limit = as_whole(n, "n", minimum=1)
    chosen = pairs[pairs["item_a"].to_numpy() == product]
    chosen = chosen.sort_values(["lift", "confidence", "item_b"],
                                ascending=[False, False, True], kind="stable").head(limit)
    named = info.reindex(chosen["item_b"].to_numpy())
    result = pd.DataFrame({
        "rank": np.arange(1, len(chosen) + 1, dtype="int64"),
        "product_id": chosen["item_b"].to_numpy(),
        **{column: named[column].to_numpy() for column in ("name", "name_zh", "category")},
        "customers_both": chosen["customers_both"].to_numpy(dtype="int64"),
        "confidence": chosen["confidence"].to_numpy(dtype="float64"),
        "lift": chosen["lift"].to_numpy(dtype="float64"),
        "price": named["price"].to_numpy(dtype="float64"),
    })
    result.attrs = {"product": product}
    return result


def tag_customers(orders: pd.DataFrame, products, start, end, min_times: int = 1,
                  max_times: int | None = None, tag: str = "tag") -> pd.DataFrame:
    """Tag customers who bought chosen products in a date range (客户档案自定义属性).

    ``times`` = the number of purchases (orders with a net total above 0, dated by their first
    line) from ``start`` to ``end`` (both days included) in which the customer bought at least
    one of ``products`` (a list of product ids) on a positive line (an order with two chosen
    products counts once; refunds never count). A customer is tagged when
    ``min_times <= times <= max_times`` (``max_times=None``: no upper bound).

    Returns a DataFrame indexed by ``customer_id`` (sorted) with ``tag``, ``times``,
    ``first_date`` and ``last_date`` (first and last such order). Several results can be
    stacked with ``pd.concat`` and searched with :func:`customers_with_tag`.
    Raises ValueError for an empty product list, start after end, min_times < 1, max_times <
    min_times or an empty tag.
    """
    if isinstance(products, (str, bytes)) or not isinstance(
        products, (Sequence, set, frozenset, pd.Index, pd.Series, np.ndarray)
    ):
        raise ValueError(error_text("preferences.products_list", products=products))
    chosen = list(products)
    if not chosen:
        raise ValueError(error_text("preferences.no_products"))
    first, last = as_day(start, "start"), as_day(end, "end")
    if last < first:
        raise ValueError(error_text("preferences.start_after_end", value=first.date(),
                                    value2=last.date()))
    low = as_whole(min_times, "min_times", minimum=1)
    high = None if max_times is None else as_whole(max_times, "max_times", minimum=1)
    if high is not None and high < low:
        raise ValueError(error_text("preferences.max_below_min", high=high, low=low))
    if not isinstance(tag, str) or not tag.strip():
        raise ValueError(error_text("preferences.tag", tag=tag))
    lines = _lines(orders)
    hit = lines[lines["bought"] & lines["product_id"].isin(chosen)
                & lines["order_date"].between(first, last)]
    per_customer = hit.groupby("customer_id").agg(
        times=("order_id", "nunique"), first_date=("order_date", "min"),
        last_date=("order_date", "max"),
    )
    keep = per_customer["times"].between(low, math.inf if high is None else high)
    result = per_customer[keep].sort_index()
    result.insert(0, "tag", tag)
    result["times"] = result["times"].astype("int64")
    result.index.name = "customer_id"
    result.attrs = {"tag": tag, "products": chosen, "start": first, "end": last,
                    "min_times": low, "max_times": high}
    return result


def _tag_pairs(tags: pd.DataFrame) -> pd.DataFrame:
    require_columns(tags, {"tag": "the tag text"}, "tags")
    pairs = pd.DataFrame({"customer_id": tags.index.to_numpy(), "tag": tags["tag"].to_numpy()})
    return pairs.drop_duplicates()


def customers_with_tag(tags: pd.DataFrame, tag: str) -> list:
    """The customer ids carrying ``tag`` (sorted, each once), from :func:`tag_customers`
    results (one, or several stacked with ``pd.concat``)."""
    pairs = _tag_pairs(tags)
    return sorted(set(pairs.loc[pairs["tag"] == tag, "customer_id"]))


def join_tags(segments: pd.DataFrame, tags: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``segments`` (indexed by customer) with a ``tags`` column: each customer's
    tags, sorted and comma-separated ("" when none)."""
    lists = _tag_pairs(tags).groupby("customer_id")["tag"].agg(lambda t: ", ".join(sorted(t)))
    result = segments.copy()
    result["tags"] = lists.reindex(segments.index).fillna("").to_numpy()
    return result


def tags_by_segment(tags: pd.DataFrame, segments) -> pd.DataFrame:
    """Customers per tag (rows) and segment code (columns): how tags combine with RFM groups.

    ``segments`` is a DataFrame with a ``segment`` column or a Series, indexed by customer.
    Tagged customers without a segment are counted under the code ``"(none)"``.
    """
    codes = segments["segment"] if isinstance(segments, pd.DataFrame) else segments
    pairs = _tag_pairs(tags)
    pairs["segment"] = codes.reindex(pairs["customer_id"].to_numpy()).fillna("(none)").to_numpy()
    table = pd.crosstab(pairs["tag"], pairs["segment"])
    table.columns.name = "segment"
    return table


_PROFILE_FIELDS = ("age_band", "income_band", "preferred_channel", "gender", "occupation")


def segment_profile(members: pd.DataFrame, customer_ids, fields=_PROFILE_FIELDS) -> pd.DataFrame:
    """Who is in a group: the share of each profile value in the group vs all members.

    Takes the member profiles (``customer_id`` and the ``fields``), the ids of the group's
    customers (a list, Index or Series; ids not found among the members are left out and
    counted in ``.attrs["not_in_members"]``) and the fields to compare. This is
    :func:`rfmkit.profiles.profile_comparison` against all members, rounded for reading: a
    blank answer is the value ``"(missing)"``, so shares add up to 100 %.

    Returns one row per field and value: ``field``, ``value`` (the data's own value),
    ``segment_customers``, ``segment_share`` (% of the group, 0.1), ``all_customers``,
    ``all_share`` (% of all members, 0.1) and ``difference_pct_points`` (segment_share -
    all_share as shown, percentage points, 0.1). Age and income bands keep their natural
    order; other values go most common in the group first, "(missing)" last. ``.attrs``:
    ``segment_size``, ``members``, ``not_in_members``.
    """
    profile = profile_comparison(members, customer_ids, fields, member="customer_id",
                                 unknown_ids="count")
    result = pd.DataFrame({
        "field": profile["field"], "value": profile["field_value"],
        "segment_customers": profile["group_members"],
        "segment_share": profile["group_share_pct"].round(1),
        "all_customers": profile["reference_members"],
        "all_share": profile["reference_share_pct"].round(1),
    })
    # from the shares as shown, so that 37.4 - 35.7 reads 1.7 in the table, not 1.8
    result["difference_pct_points"] = (result["segment_share"] - result["all_share"]).round(1)
    result.attrs = {"segment_size": profile.attrs["group_size"],
                    "members": profile.attrs["reference_size"],
                    "not_in_members": profile.attrs["not_found"]}
    return result
