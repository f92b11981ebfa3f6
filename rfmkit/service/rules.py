"""Service rules as data, and one registry of condition keys.

A rule: customers who meet ``condition`` get ``service`` through ``channel`` at ``when``; a
smaller ``priority`` is tried first. A condition is a dict of condition keys that must all hold
(AND; for OR write two rules); ``{}`` matches everyone (the catch-all rule). Each key is one
:class:`Condition` in :data:`CONDITIONS`, so adding a condition key is one entry there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.validation import as_number, as_whole

#: The lesson's ways to serve valuable customers: care, revisits, new-product notices,
#: offers and priority service. Names: label ``service.<code>``.
SERVICES = ("care_greeting", "birthday_gift", "revisit_call", "new_product_notice", "coupon",
            "trial_sample", "win_back_offer", "priority_service")
#: Contact channels, as in the members' ``preferred_channel``. Names: label ``channel.<code>``.
CHANNELS = ("WeChat", "SMS", "e-mail", "Weibo", "phone", "in-site message")
#: The bundled shop's product categories. Names: label ``category.<code>``.
CATEGORIES = ("personal care", "snacks", "beauty", "home", "apparel", "baby", "digital",
              "sports")
#: When a service is given, besides ``within_N_days`` (e.g. ``within_3_days``).
WHEN = ("on_birthday", "today", "next_holiday", "before_next_launch", "ongoing")
_WITHIN = re.compile(r"^within_(\d+)_days$")
_RULE_FIELDS = ("rule", "priority", "condition", "service", "service_zh", "service_en",
                "channel", "when")


def is_blank(value) -> bool:
    """True for None, NaN, NaT, pd.NA and text that is empty or only spaces."""
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def within_days(when: str) -> int | None:
    """N for ``"within_N_days"``, else None."""
    match = _WITHIN.match(when)
    return int(match.group(1)) if match else None


class Codes(NamedTuple):
    """Codes in a description: the display step shows each by its ``<kind>.<code>`` label."""

    kind: str | None
    values: tuple


@dataclass(frozen=True)
class Condition:
    """One condition key.

    - ``needs``: the feature columns it reads;
    - ``check(value, where)``: the rule's value, checked (ValueError starting with ``where``);
    - ``select(features, value, asof)``: a boolean array, True for the customers it holds for;
    - ``describe(value)``: (label key, fields) for the rules table;
    - ``explain(row, value, asof)``: (label key, fields) saying why it held for one customer.
    """

    needs: tuple[str, ...]
    check: Callable
    select: Callable
    describe: Callable
    explain: Callable


def _as_floats(features: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(features[column]).astype("float64").to_numpy()


def _list(value, where: str) -> list:
    if isinstance(value, (str, bytes)) or not isinstance(
        value, (Sequence, set, frozenset, np.ndarray, pd.Index, pd.Series)
    ):
        raise ValueError(error_text("rules.needs_list", where=where, value=value))
    if len(value) == 0:
        raise ValueError(error_text("rules.empty_list", where=where))
    return list(value)


def one_of(column: str, kind: str | None = None) -> Condition:
    """The customer's ``column`` is one of the listed values (codes of ``kind``)."""
    return Condition(
        needs=(column,),
        check=_list,
        select=lambda features, value, asof: features[column].isin(value).to_numpy(),
        describe=lambda value: (f"condition.{column}", {"values": Codes(kind, tuple(value))}),
        explain=lambda row, value, asof: (f"condition.{column}",
                                          {"values": Codes(kind, (row[column],))}),
    )


def bound(key: str, column: str, *, at_least: bool) -> Condition:
    """The customer's ``column`` (a number) is at least / at most the rule's whole number."""
    compare = np.greater_equal if at_least else np.less_equal
    return Condition(
        needs=(column,),
        check=as_whole,
        select=lambda features, value, asof: compare(_as_floats(features, column), value),
        describe=lambda value: (f"condition.{key}", {"n": value}),
        explain=lambda row, value, asof: (f"reason.{column}", {"n": row[column]}),
    )


def _birthday_reason(row, value, asof: pd.Timestamp) -> tuple[str, dict]:
    days = int(row["days_to_birthday"])
    if days == 0:
        return "reason.birthday_today", {}
    return "reason.birthday_in", {"days": days, "date": asof + pd.Timedelta(days=days)}


def _birthday_within(features, value, asof) -> np.ndarray:
    days = _as_floats(features, "days_to_birthday")
    return (days >= 0) & (days <= value)


def _new_customer(features, value, asof: pd.Timestamp) -> np.ndarray:
    """Exactly one purchase, dated asof - value .. asof (as in new_customer_care)."""
    first = pd.to_datetime(features["first_purchase_date"]).dt.normalize()
    inside = (first >= asof - pd.Timedelta(days=value)) & (first <= asof)
    return (_as_floats(features, "orders") == 1) & inside.to_numpy(dtype=bool)


def _new_customer_reason(row, value, asof: pd.Timestamp) -> tuple[str, dict]:
    first = pd.Timestamp(row["first_purchase_date"]).normalize()
    return "reason.new_customer", {"days": (asof - first).days, "date": first}


#: Condition key -> :class:`Condition`. List keys take a list of accepted values; the
#: ``*_days`` keys and ``min_orders`` / ``max_orders`` take a whole number (bounds included):
#: ``birthday_within_days`` (next birthday 0..N days away), ``new_customer_within_days``
#: (exactly one purchase ever, dated asof - N .. asof).
CONDITIONS: dict[str, Condition] = {
    "segment": one_of("segment", "segment"),
    "tier": one_of("tier", "tier"),
    "stage": one_of("stage", "stage"),
    "age_band": one_of("age_band"),
    "favourite_category": one_of("favourite_category", "category"),
    "preferred_channel": one_of("preferred_channel", "channel"),
    "birthday_within_days": Condition(
        ("days_to_birthday",), as_whole, _birthday_within,
        lambda value: ("condition.birthday_within_days", {"n": value}), _birthday_reason),
    "new_customer_within_days": Condition(
        ("first_purchase_date", "orders"), as_whole, _new_customer,
        lambda value: ("condition.new_customer_within_days", {"n": value}),
        _new_customer_reason),
    "min_orders": bound("min_orders", "orders", at_least=True),
    "max_orders": bound("max_orders", "orders", at_least=False),
}

#: What each service costs the shop. "low": a message sent to many at once (a greeting, a
#: new-product notice); "costly": a gift, a discount, a sample or staff time. The lesson's
#: 无价值客户 (no-value customers) get nothing costly.
SERVICE_COST = {"care_greeting": "low", "new_product_notice": "low", "birthday_gift": "costly",
                "revisit_call": "costly", "coupon": "costly", "trial_sample": "costly",
                "win_back_offer": "costly", "priority_service": "costly"}
#: The default rules read the lesson scheme's segment codes (customer_features' default); for
#: classic8 segments write rules with its codes. No-value customers: pattern R↑F↓M↓.
NO_VALUE_SEGMENTS = ["no_value"]
#: The important customers to maintain (pattern R↓F↑M↑).
MAINTAIN_SEGMENTS = ["maintain"]
#: Every other segment of the lesson scheme, the two patterns it does not name included.
OTHER_SEGMENTS = ["develop", "general_important", "win_back", "ordinary", "unnamed_recent_small",
                  "unnamed_lapsed_big"]
_VALUED = MAINTAIN_SEGMENTS + OTHER_SEGMENTS

#: The default service rules, in priority order (a smaller number is checked first). Each
#: customer gets the service of the first rule that matches, and the other matching rules'
#: services are listed under "also". The last rule ({} = everyone) catches the rest.
#: Two lesson rules shape the table: no-value customers match no rule with a costly service
#: (they get greetings only), and an important customer to maintain who has not bought for
#: over 180 days (stage "lost", yet more recent than the average: R↓) gets a revisit call, not
#: a win-back discount.
DEFAULT_RULES: tuple[dict, ...] = tuple(
    dict(zip(("rule", "priority", "condition", "service", "channel", "when"), row, strict=True))
    for row in (
        ("birthday", 10, {"birthday_within_days": 14, "segment": _VALUED},
         "birthday_gift", "WeChat", "on_birthday"),
        ("no_value_birthday", 15, {"birthday_within_days": 14, "segment": NO_VALUE_SEGMENTS},
         "care_greeting", "SMS", "on_birthday"),
        ("new_customer", 20, {"new_customer_within_days": 15, "segment": _VALUED},
         "coupon", "SMS", "within_3_days"),
        ("maintain_drifting", 25, {"segment": MAINTAIN_SEGMENTS, "stage": ["lost"]},
         "revisit_call", "phone", "within_7_days"),
        ("key_customer_lost", 30, {"tier": ["gold", "silver"], "stage": ["lost"],
                                   "segment": OTHER_SEGMENTS},
         "win_back_offer", "phone", "within_3_days"),
        ("win_back_group", 40, {"segment": ["win_back", "important_keep", "important_winback",
                                            "unnamed_lapsed_big"]},
         "revisit_call", "phone", "within_7_days"),
        ("gold_tier", 50, {"tier": ["gold"], "segment": _VALUED},
         "trial_sample", "WeChat", "before_next_launch"),
        ("maintain_group", 60, {"segment": ["maintain", "important_value"]},
         "priority_service", "WeChat", "ongoing"),
        ("develop_group", 70, {"segment": ["develop", "important_develop"]},
         "new_product_notice", "WeChat", "before_next_launch"),
        ("raise_ticket_group", 80, {"segment": ["general_important", "general_value"]},
         "coupon", "SMS", "next_holiday"),
        ("lost_customer", 90, {"stage": ["lost"], "segment": OTHER_SEGMENTS},
         "win_back_offer", "SMS", "next_holiday"),
        ("everyone_else", 100, {}, "care_greeting", "SMS", "next_holiday"),
    )
)


def _check_condition(name: str, condition) -> dict:
    if not isinstance(condition, Mapping):
        raise ValueError(error_text("rules.condition_dict", name=name, condition=condition))
    if unknown := sorted(set(condition) - set(CONDITIONS)):
        raise ValueError(error_text("rules.unknown_condition", name=name, unknown=unknown,
                                    conditions=list(CONDITIONS)))
    return {key: CONDITIONS[key].check(value, error_text("what.rule_key", name=name,
                                                                         key=key))
            for key, value in condition.items()}


def _check_rule(record, position: int) -> dict:
    if not isinstance(record, Mapping):
        raise ValueError(error_text("rules.rule_dict", value=position + 1, record=record))
    name = record.get("rule", error_text("what.rule_number", n=position + 1))
    if unknown := sorted(set(record) - set(_RULE_FIELDS)):
        raise ValueError(error_text("rules.unknown_fields", name=name, unknown=unknown,
                                    fields=list(_RULE_FIELDS)))
    if missing := [f for f in _RULE_FIELDS if f not in record and not f.startswith("service_")]:
        raise ValueError(error_text("rules.missing_fields", name=name, missing=missing))
    if not isinstance(record["rule"], str) or not record["rule"]:
        raise ValueError(error_text("rules.code", value=record['rule']))
    zh, en = record.get("service_zh"), record.get("service_en")
    named = not (is_blank(zh) or is_blank(en))
    if not named and record["service"] not in SERVICES:
        raise ValueError(error_text("rules.unknown_service", name=name, value=record['service'],
                                    services=list(SERVICES)))
    if record["channel"] not in CHANNELS:
        raise ValueError(error_text("rules.unknown_channel", name=name, value=record['channel'],
                                    channels=list(CHANNELS)))
    when = record["when"]
    if not isinstance(when, str) or (when not in WHEN and within_days(when) is None):
        raise ValueError(error_text("rules.when", name=name, times=list(WHEN), when=when))
    priority = as_number(record["priority"], error_text("what.rule_priority", name=name))
    checked = {field: record.get(field) for field in _RULE_FIELDS}  # the table's column order
    checked.update(priority=int(priority) if priority == int(priority) else priority,
                   condition=_check_condition(name, record["condition"]),
                   service_zh=zh if named else None, service_en=en if named else None,
                   position=position)
    return checked


def load_rules(rules=DEFAULT_RULES) -> pd.DataFrame:
    """Check a list of service rules and return them as a table in the order they are tried.

    Each rule is a dict (or a DataFrame row) with ``rule`` (a unique code), ``priority`` (a
    number, smaller is tried first; equal priorities keep the listed order), ``condition``
    (a dict of keys of :data:`CONDITIONS`), ``service`` (a code of :data:`SERVICES`, or any code
    with ``service_zh`` and ``service_en`` names), ``channel`` (a code of :data:`CHANNELS`:
    the default, used when the member's preferred channel is unknown) and ``when`` (one of
    :data:`WHEN` or ``"within_N_days"``).

    Raises ValueError for an unknown field or condition key, a duplicate rule code, an unknown
    service without names, an unknown channel or ``when``, or when no rule has the empty
    condition ``{}`` (a catch-all is needed so that every customer gets a service).
    Returns a new DataFrame with those columns (``service_zh`` / ``service_en`` missing for
    the services of :data:`SERVICES`); the input is not changed.
    """
    if isinstance(rules, pd.DataFrame):
        records = rules.to_dict("records")
    elif isinstance(rules, (Mapping, str, bytes)):
        raise ValueError(error_text("rules.rules_type"))
    else:
        records = list(rules)
    if not records:
        raise ValueError(error_text("rules.empty"))
    table = pd.DataFrame([_check_rule(record, i) for i, record in enumerate(records)])
    if table["rule"].duplicated().any():
        raise ValueError(error_text("rules.codes_unique",
                                    value=sorted(set(table['rule'][table['rule'].duplicated()]))))
    if not any(len(c) == 0 for c in table["condition"]):
        raise ValueError(error_text("rules.no_catch_all"))
    table = table.sort_values(["priority", "position"], kind="stable")
    return table.drop(columns="position").reset_index(drop=True)
