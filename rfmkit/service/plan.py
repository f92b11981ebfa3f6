"""The plan engine: customer features, the personalised-service plan and its summary.

The lesson's Task 3 (个性化服务) fills a table 顾客ID | 客户特征 | 个性化服务. Here
:func:`customer_features` gives what the rules look at, :func:`service_plan` applies the rules
(:mod:`rfmkit.service.rules`) and returns codes; :func:`rfmkit.service.text.describe_plan`
turns a plan into the table a student reads. Computation only: inputs never modified.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.lifecycle import lifecycle_stages
from rfmkit.orders import order_lines, order_totals
from rfmkit.rfm import rfm_segments, rfm_table
from rfmkit.service.care import next_birthdays, next_holiday
from rfmkit.service.rules import CONDITIONS, DEFAULT_RULES, is_blank, load_rules, within_days
from rfmkit.validation import as_day, as_ids, require_columns, require_overlap, some
from rfmkit.value import pyramid_tiers


def _codes(given, column: str, customers: pd.Index, what: str) -> np.ndarray:
    if isinstance(given, pd.DataFrame):
        require_columns(given, {column: f"the {column} code of each customer"}, what)
        given = given[column]
    elif not isinstance(given, pd.Series):
        raise ValueError(error_text("plan.by_customer", what=what))
    if given.index.has_duplicates:
        raise ValueError(error_text("plan.customers_twice", what=what))
    return given.reindex(customers).to_numpy(dtype=object)


def _favourite_categories(orders: pd.DataFrame, products: pd.DataFrame, asof_day) -> pd.Series:
    """Per customer, the category with the most net spend (whole fen); ties go to the
    alphabetically first category; customers with no positive category spend are left out."""
    lines = order_lines(orders, asof_day, extra=("product_id",))
    category_of = products.drop_duplicates("product_id").set_index("product_id")["category"]
    lines["category"] = category_of.reindex(lines["product_id"]).to_numpy(dtype=object)
    spend = lines.dropna(subset=["category"]).groupby(["customer_id", "category"])["fen"].sum()
    spend = spend[spend > 0].reset_index().sort_values(
        ["customer_id", "fen", "category"], ascending=[True, False, True], kind="stable")
    return spend.drop_duplicates("customer_id").set_index("customer_id")["category"]


def customer_features(
    orders: pd.DataFrame,
    members: pd.DataFrame,
    products: pd.DataFrame,
    asof,
    *,
    segments=None,
    tiers=None,
    stages=None,
) -> pd.DataFrame:
    """One row per customer with what the service rules look at (客户特征), as codes.

    Takes the order log (lines with customer_id, order_id, order_date, product_id, amount in
    yuan; refunds are negative), the member profiles (customer_id; name, birthday, age_band,
    preferred_channel when present), the products (product_id, category) and the as-of day.
    Purchases follow :mod:`rfmkit.orders`; the customers are those of ``rfm_table``.
    ``segments``, ``tiers``, ``stages`` (a DataFrame with that column, or a Series, indexed by
    customer) replace the defaults ``rfm_segments(table)`` (lesson scheme, mean cut),
    ``pyramid_tiers(monetary)`` and ``lifecycle_stages(table)``; customers they lack get NaN.

    Returns a DataFrame indexed by ``customer_id`` (sorted): ``name``, ``segment``, ``tier``,
    ``stage``, ``favourite_category`` (most net spend, ties to the alphabetically first;
    missing when no category has a positive spend), ``age_band``, ``preferred_channel``
    (missing when blank), ``first_purchase_date``, ``last_purchase_date``, ``orders``
    (purchases), ``birthday``, ``next_birthday`` and ``days_to_birthday`` (0-365 days).
    ``.attrs["asof"]`` records the as-of day. Names: :func:`rfmkit.service.text.with_names`.
    """
    asof_day = as_day(asof, "asof")
    require_columns(members, {"customer_id": "the customer's ID"}, "members")
    require_columns(products, {"product_id": "the product ID", "category": "the category"},
                    "products")
    twice = members["customer_id"].duplicated()
    if twice.any():
        raise ValueError(error_text("customers_twice", what="members",
                                    twice=some(sorted(set(members["customer_id"][twice])))))
    table = rfm_table(orders, asof_day)
    customers = table.index
    bought = order_totals(orders, asof_day).query("purchase").groupby("customer_id")
    member_ids = as_ids(members["customer_id"])
    require_overlap(as_ids(customers), member_ids, error_text("what.orders_and_members"))
    profile = (members.set_axis(member_ids, axis=0).drop(columns="customer_id")
               .reindex(as_ids(customers)).set_axis(customers, axis=0))

    def member_field(column: str) -> np.ndarray:
        values = profile[column] if column in profile.columns else [np.nan] * len(customers)
        return np.array([np.nan if is_blank(v) else v for v in values], dtype=object)

    birthday = pd.to_datetime(pd.Series(member_field("birthday"), index=customers),
                              errors="coerce")
    upcoming = next_birthdays(birthday, asof_day)
    result = pd.DataFrame(
        {
            "name": member_field("name"),
            "segment": _codes(rfm_segments(table) if segments is None else segments,
                              "segment", customers, "segments"),
            "tier": _codes(pyramid_tiers(table["monetary"]) if tiers is None else tiers,
                           "tier", customers, "tiers"),
            "stage": _codes(lifecycle_stages(table) if stages is None else stages,
                            "stage", customers, "stages"),
            "favourite_category": _favourite_categories(orders, products, asof_day)
            .reindex(customers).to_numpy(dtype=object),
            "age_band": member_field("age_band"),
            "preferred_channel": member_field("preferred_channel"),
            "first_purchase_date": bought["order_date"].min().reindex(customers).to_numpy(),
            "last_purchase_date": bought["order_date"].max().reindex(customers).to_numpy(),
            "orders": table["frequency"].to_numpy(dtype="int64"),
            "birthday": birthday.to_numpy(),
            "next_birthday": upcoming.to_numpy(),
            "days_to_birthday": (upcoming - asof_day).dt.days.astype("Int64").to_numpy(),
        },
        index=customers.rename("customer_id"),
    )
    result.attrs = {"asof": asof_day}
    return result


def _when_date(when: str, days_to_birthday, asof_day, launch, holiday) -> pd.Timestamp:
    """The day a service is due (NaT when the rule gives no fixed day)."""
    if (n := within_days(when)) is not None:
        return asof_day + pd.Timedelta(days=n)
    if when == "on_birthday":
        return pd.NaT if is_blank(days_to_birthday) else (
            asof_day + pd.Timedelta(days=int(days_to_birthday)))
    return {"today": asof_day, "next_holiday": holiday, "before_next_launch": launch}.get(
        when, pd.NaT)


def service_plan(features: pd.DataFrame, asof, rules=DEFAULT_RULES, *,
                 next_launch=None) -> pd.DataFrame:
    """The personalised-service plan (个性化服务): one row per customer, every customer once.

    Takes ``features`` from :func:`customer_features` (indexed by customer; the columns the
    rules' conditions read must be there), the as-of day ``asof``, the ``rules`` (see
    :func:`rfmkit.service.rules.load_rules`) and optionally the date of the next product
    launch (for ``when = "before_next_launch"``).

    Rules are tried in priority order. The **first** matching rule gives the customer's main
    service; the services of the other matching rules (other services only, in priority order)
    are listed in ``also``. The catch-all rule (condition ``{}``) guarantees a service for
    everyone; it means "no other rule applies", so it is never listed under ``also`` or
    ``matched_rules`` for a customer another rule matched.

    Returns codes, one row per customer in the order of ``features``: ``customer_id``,
    ``name``, ``service``, ``also`` (other service codes, "; "-separated, "" when none),
    ``channel`` (the member's preferred channel where known, else the rule's default),
    ``when`` (the rule's code), ``when_date`` (the day, NaT when the rule gives no fixed
    day), ``rule`` (the rule that fired) and ``matched_rules`` (", "-separated).
    """
    table = load_rules(rules)
    asof_day = as_day(asof, "asof")
    if features.index.has_duplicates:
        twice = list(dict.fromkeys(features.index[features.index.duplicated()]))
        raise ValueError(error_text("customers_twice", what="features", twice=some(twice)))
    needed = {column: f"used by the condition {key!r}"
              for condition in table["condition"] for key in condition
              for column in CONDITIONS[key].needs}
    require_columns(features, needed, "features")
    hits = np.ones((len(features), len(table)), dtype=bool)
    for j, condition in enumerate(table["condition"]):
        for key, value in condition.items():
            hits[:, j] &= CONDITIONS[key].select(features, value, asof_day)
    main = hits.argmax(axis=1)
    catch_all = np.array([len(c) == 0 for c in table["condition"]])
    rules_list = table.to_dict("records")
    launch = pd.NaT if next_launch is None else as_day(next_launch, "next_launch")
    holiday = next_holiday(asof_day)
    rows = []
    for i, row in enumerate(features.reset_index(drop=True).to_dict("records")):
        rule = rules_list[main[i]]
        matched = [j for j in np.flatnonzero(hits[i]) if j == main[i] or not catch_all[j]]
        also = dict.fromkeys(rules_list[j]["service"] for j in matched)
        also.pop(rule["service"])
        preferred = row.get("preferred_channel")
        rows.append({
            "customer_id": features.index[i],
            "name": row.get("name", np.nan),
            "service": rule["service"],
            "also": "; ".join(also),
            "channel": rule["channel"] if is_blank(preferred) else str(preferred),
            "when": rule["when"],
            "when_date": _when_date(rule["when"], row.get("days_to_birthday"), asof_day,
                                    launch, holiday),
            "rule": rule["rule"],
            "matched_rules": ", ".join(rules_list[j]["rule"] for j in matched),
        })
    plan = pd.DataFrame(rows, columns=["customer_id", "name", "service", "also", "channel",
                                       "when", "when_date", "rule", "matched_rules"])
    plan["when_date"] = pd.to_datetime(plan["when_date"])
    return plan


def plan_summary(plan: pd.DataFrame, compare: pd.DataFrame | None = None) -> pd.DataFrame:
    """Customers per service in a service plan, most first; optionally next to a second plan.

    ``plan`` (and ``compare``) are outputs of :func:`service_plan`. Returns one row per service:
    ``service`` (code), ``customers`` and ``customer_share`` (% of the plan's customers, 0.1).
    With ``compare`` (e.g. the plan made with changed rules) also ``customers_new`` and
    ``change`` (customers_new - customers); services found in only one plan show 0 in the
    other. Sorted by customers (the first plan's), then customers_new, then service code.
    """
    for what, table in (("plan", plan), ("compare", compare)):
        if table is not None:
            require_columns(table, {"service": "the service code"}, what)
    counts = pd.DataFrame({"customers": plan["service"].value_counts()})
    if compare is not None:
        counts = counts.join(compare["service"].value_counts().rename("customers_new"),
                             how="outer")
    result = counts.fillna(0).astype("int64").rename_axis("service").reset_index()
    share = np.round(100 * result["customers"] / len(plan), 1) if len(plan) else 0.0
    result.insert(2, "customer_share", share)
    sort = [c for c in ("customers", "customers_new") if c in result.columns]
    if compare is not None:
        result["change"] = result["customers_new"] - result["customers"]
    result = result.sort_values(sort + ["service"], ascending=[False] * len(sort) + [True],
                                kind="stable")
    return result.reset_index(drop=True)
