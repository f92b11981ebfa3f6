"""Serving customers differently (区别对待客户): the personalised-service table and care calendar.

The lesson's Task 3 (个性化服务) fills a table with three columns: 顾客ID | 客户特征 | 个性化服务.
This module builds it from the order log and the member profiles:

- :func:`customer_features`: one row per customer: RFM group, pyramid tier, lifecycle stage,
  favourite category, age band, preferred channel, purchase dates and days to the next birthday
  (:func:`named_features` adds the names of the codes for display).
- :data:`DEFAULT_RULES`: the service rules, written as data (condition -> service, channel,
  when, priority). :func:`load_rules` checks a rule list; :func:`rules_table` shows it.
- :func:`service_plan`: applies the rules: every customer gets exactly one main service (the
  first matching rule by priority; a catch-all rule takes everyone else) plus an "also" list of
  the other services whose rules matched. :func:`plan_summary` counts customers per service.
- Care calendar: :func:`birthdays_within`, :func:`holiday_greetings` (:data:`HOLIDAYS`),
  :func:`new_customer_care`.
- :func:`complaint_steps` / :func:`advance_complaint`: the five complaint-handling steps
  (登记, 分析, 解决方案, 执行, 反馈) as a tracked table.
- :func:`message_preview`: the message text for one customer's service.
- :func:`cac` (获客成本, yuan per new customer) and :func:`retention_rate` (客户留存率, %);
  :func:`retention_counts` takes the counts it needs from an order log.

Dates are calendar days; ``asof`` is always passed in (the clock is never read). Money is in
yuan (元). Computation only: pandas in, pandas out, inputs never modified, no printing.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping, Sequence
from decimal import Decimal
from numbers import Real

import numpy as np
import pandas as pd

from rfmkit.validation import require_columns
from rfmkit.labels import label, pick
from rfmkit.lifecycle import lifecycle_stages
from rfmkit.rfm import SCHEMES, rfm_segments, rfm_table
from rfmkit.value import pyramid_tiers

__all__ = [
    "CATEGORY_NAMES",
    "CHANNELS",
    "COMPLAINT_STEPS",
    "CONDITION_KEYS",
    "DEFAULT_RULES",
    "EXAMPLE_COMPLAINT",
    "HOLIDAYS",
    "HOLIDAY_YEARS",
    "SERVICES",
    "advance_complaint",
    "birthdays_within",
    "cac",
    "complaint_steps",
    "customer_features",
    "days_to_birthday",
    "features_text",
    "holiday_greetings",
    "load_rules",
    "message_preview",
    "named_features",
    "new_customer_care",
    "plan_summary",
    "retention_counts",
    "retention_rate",
    "rules_table",
    "service_plan",
]


# ---------------------------------------------------------------------------------------------
# vocabularies (data)

#: service code -> (Chinese name, English name). The lesson's ways to serve valuable customers:
#: care (关怀), revisits (回访), new-product notices (新品通知), offers (优惠), priority service.
SERVICES: dict[str, tuple[str, str]] = {
    "care_greeting": ("关怀问候", "care greeting"),
    "birthday_gift": ("生日小礼物", "birthday gift"),
    "revisit_call": ("电话回访", "revisit call"),
    "new_product_notice": ("新品通知", "new-product notice"),
    "coupon": ("优惠券", "coupon"),
    "trial_sample": ("新品试用装", "trial sample"),
    "win_back_offer": ("专属回归优惠", "win-back offer"),
    "priority_service": ("优先服务", "priority service"),
}

#: channel code (as in the members' ``preferred_channel``) -> (Chinese, English).
CHANNELS: dict[str, tuple[str, str]] = {
    "WeChat": ("微信", "WeChat"),
    "SMS": ("短信", "SMS"),
    "e-mail": ("电子邮件", "e-mail"),
    "Weibo": ("微博", "Weibo"),
    "phone": ("电话", "phone"),
    "in-site message": ("站内信", "in-site message"),
}

#: Chinese names of the bundled shop's product categories (other categories are shown as is).
CATEGORY_NAMES: dict[str, str] = {
    "personal care": "个人护理",
    "snacks": "零食",
    "beauty": "美妆",
    "home": "家居",
    "apparel": "服装",
    "baby": "母婴",
    "digital": "数码",
    "sports": "运动",
}

_TIER_NAMES = {"gold": ("金质客户", "gold"), "silver": ("银质客户", "silver"),
               "bronze": ("铜质客户", "bronze"), "iron": ("铁质客户", "iron")}
_STAGE_NAMES = {"active": ("活跃", "active"), "sleeping": ("睡眠", "sleeping"),
                "lost": ("流失", "lost")}
_SEGMENT_NAMES = {
    code: (zh, en)
    for scheme in SCHEMES.values()
    for code, zh, en in zip(scheme["code"], scheme["name_zh"], scheme["name_en"], strict=True)
}

# Condition keys a rule may use. All keys of one condition must hold (AND); to say OR, write
# two rules. An empty condition {} matches every customer (the catch-all rule).
_LIST_KEYS = {
    "segment": "segment",
    "tier": "tier",
    "stage": "stage",
    "age_band": "age_band",
    "favourite_category": "favourite_category",
    "preferred_channel": "preferred_channel",
}
_DAY_KEYS = ("birthday_within_days", "new_customer_within_days")
_COUNT_KEYS = ("min_orders", "max_orders")
CONDITION_KEYS = tuple(_LIST_KEYS) + _DAY_KEYS + _COUNT_KEYS

_RULE_FIELDS = ("rule", "priority", "condition", "service", "service_zh", "service_en",
                "channel", "when")
_WHEN_FIXED = ("on_birthday", "today", "next_holiday", "before_next_launch", "ongoing")
_WHEN_WITHIN = re.compile(r"^within_(\d+)_days$")

#: The default service rules, in priority order (a smaller number is checked first). Each
#: customer gets the service of the first rule that matches, and the other matching rules'
#: services are listed under "also". The last rule ({} = everyone) catches the rest.
DEFAULT_RULES: tuple[dict, ...] = (
    {"rule": "birthday", "priority": 10, "condition": {"birthday_within_days": 14},
     "service": "birthday_gift", "channel": "WeChat", "when": "on_birthday"},
    {"rule": "new_customer", "priority": 20, "condition": {"new_customer_within_days": 15},
     "service": "coupon", "channel": "SMS", "when": "within_3_days"},
    {"rule": "key_customer_lost", "priority": 30,
     "condition": {"tier": ["gold", "silver"], "stage": ["lost"]},
     "service": "win_back_offer", "channel": "phone", "when": "within_3_days"},
    {"rule": "win_back_group", "priority": 40,
     "condition": {"segment": ["win_back", "important_keep", "important_winback",
                               "unnamed_lapsed_big"]},
     "service": "revisit_call", "channel": "phone", "when": "within_7_days"},
    {"rule": "gold_tier", "priority": 50, "condition": {"tier": ["gold"]},
     "service": "trial_sample", "channel": "WeChat", "when": "before_next_launch"},
    {"rule": "maintain_group", "priority": 60,
     "condition": {"segment": ["maintain", "important_value"]},
     "service": "priority_service", "channel": "WeChat", "when": "ongoing"},
    {"rule": "develop_group", "priority": 70,
     "condition": {"segment": ["develop", "important_develop"]},
     "service": "new_product_notice", "channel": "WeChat", "when": "before_next_launch"},
    {"rule": "raise_ticket_group", "priority": 80,
     "condition": {"segment": ["general_important", "general_value"]},
     "service": "coupon", "channel": "SMS", "when": "next_holiday"},
    {"rule": "lost_customer", "priority": 90, "condition": {"stage": ["lost"]},
     "service": "win_back_offer", "channel": "SMS", "when": "next_holiday"},
    {"rule": "everyone_else", "priority": 100, "condition": {},
     "service": "care_greeting", "channel": "SMS", "when": "next_holiday"},
)

# ---------------------------------------------------------------------------------------------
# holidays (data)

# Holidays on the same day every year.
_FIXED_HOLIDAYS = (
    ("new_year", "元旦", "New Year's Day", 1, 1,
     "新年快乐! 感谢您过去一年的支持。", "Happy New Year! Thank you for your support this year."),
    ("womens_day", "妇女节", "Women's Day", 3, 8,
     "三八妇女节快乐, 愿您美丽自信!", "Happy Women's Day!"),
    ("labour_day", "劳动节", "Labour Day", 5, 1,
     "劳动节快乐, 假期愉快!", "Happy Labour Day, enjoy the holiday!"),
    ("festival_618", "618购物节", "618 shopping festival", 6, 18,
     "618购物节到啦, 会员专属福利已为您备好!",
     "The 618 festival is here: your member offers are ready!"),
    ("national_day", "国庆节", "National Day", 10, 1,
     "国庆节快乐, 假期愉快!", "Happy National Day, enjoy the holiday!"),
    ("double_11", "双11购物节", "Double 11 shopping festival", 11, 11,
     "双11来啦, 会员专属福利已为您备好!",
     "Double 11 is here: your member offers are ready!"),
    ("double_12", "双12购物节", "Double 12 shopping festival", 12, 12,
     "双12来啦, 感谢您一年的陪伴!", "Double 12 is here: thank you for a year together!"),
)
# Lunar-calendar (农历) festivals move every year, so each year's date is written out:
# 春节 = 正月初一, 元宵节 = 正月十五, 端午节 = 五月初五, 七夕 = 七月初七, 中秋节 = 八月十五,
# converted to the Gregorian calendar (checked with a lunar-calendar conversion library).
# The official days off vary: see the State Council's yearly holiday notice
# (国务院办公厅关于部分节假日安排的通知). Add a year here to extend the calendar.
_LUNAR_HOLIDAYS = (
    ("spring_festival", "春节", "Spring Festival",
     {2026: "2026-02-17", 2027: "2027-02-06"},
     "新春快乐, 万事如意!", "Happy Spring Festival!"),
    ("lantern_festival", "元宵节", "Lantern Festival",
     {2026: "2026-03-03", 2027: "2027-02-20"},
     "元宵节快乐, 阖家团圆!", "Happy Lantern Festival!"),
    ("dragon_boat", "端午节", "Dragon Boat Festival",
     {2026: "2026-06-19", 2027: "2027-06-09"},
     "端午安康!", "Wishing you a healthy Dragon Boat Festival!"),
    ("qixi", "七夕", "Qixi Festival",
     {2026: "2026-08-19", 2027: "2027-08-08"},
     "七夕快乐!", "Happy Qixi Festival!"),
    ("mid_autumn", "中秋节", "Mid-Autumn Festival",
     {2026: "2026-09-25", 2027: "2027-09-15"},
     "中秋快乐, 花好月圆!", "Happy Mid-Autumn Festival!"),
)
HOLIDAY_YEARS = (2026, 2027)


def _holiday_table() -> pd.DataFrame:
    rows = []
    for year in HOLIDAY_YEARS:
        for code, zh, en, month, day, greet_zh, greet_en in _FIXED_HOLIDAYS:
            rows.append((pd.Timestamp(year, month, day), code, zh, en, greet_zh, greet_en))
        for code, zh, en, dates, greet_zh, greet_en in _LUNAR_HOLIDAYS:
            rows.append((pd.Timestamp(dates[year]), code, zh, en, greet_zh, greet_en))
    table = pd.DataFrame(
        rows, columns=["date", "holiday", "name_zh", "name_en", "greeting_zh", "greeting_en"]
    )
    return table.sort_values(["date", "holiday"], kind="stable").reset_index(drop=True)


#: Every holiday of :data:`HOLIDAY_YEARS`: date, holiday (code), name_zh/en, greeting_zh/en.
HOLIDAYS: pd.DataFrame = _holiday_table()

# ---------------------------------------------------------------------------------------------
# small helpers


def _day(value, what: str) -> pd.Timestamp:
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a date, got {value!r}") from None
    if pd.isna(day):
        raise ValueError(f"{what} must be a date, got {value!r}")
    return day.normalize().tz_localize(None) if day.tzinfo else day.normalize()


def _whole(value, name: str, *, minimum: int = 0) -> int:
    """Return ``value`` as an int if it is a whole number >= minimum (3 or 3.0)."""
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal, np.number)):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    number = float(value)
    if math.isnan(number) or math.isinf(number) or number != int(number):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if number < minimum:
        raise ValueError(f"{name} must be {minimum} or more, got {value!r}")
    return int(number)


def _number(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal, np.number)):
        raise ValueError(f"{name} must be a number, got {value!r}")
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return number




def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _named(key: str, pair: tuple[str, str] | None, code) -> str:
    """Label for ``key`` if the labels table has one, else the pair, else the code itself."""
    text = label(key)
    if text != key:
        return text
    return pick(*pair) if pair else str(code)


def _segment_name(code) -> str:
    return pick(*_SEGMENT_NAMES[code]) if code in _SEGMENT_NAMES else str(code)


def _tier_name(code) -> str:
    return _named(f"tier.{code}", _TIER_NAMES.get(code), code)


def _stage_name(code) -> str:
    return _named(f"stage.{code}", _STAGE_NAMES.get(code), code)


def _channel_name(code) -> str:
    return pick(*CHANNELS[code]) if code in CHANNELS else str(code)


def _category_name(code) -> str:
    return pick(CATEGORY_NAMES.get(code, str(code)), str(code))


def _service_name(code, zh: str | None = None, en: str | None = None) -> str:
    if zh is not None and en is not None:
        return pick(zh, en)
    return pick(*SERVICES[code]) if code in SERVICES else str(code)


def _date_text(day) -> str:
    return pd.Timestamp(day).strftime("%Y-%m-%d")


def _per_order(orders: pd.DataFrame, asof_day: pd.Timestamp) -> pd.DataFrame:
    """One row per (customer, order) up to asof: amount (yuan, lines added up) and day."""
    require_columns(
        orders,
        {
            "customer_id": "the customer's ID",
            "order_id": "the order number",
            "order_date": "the order date",
            "amount": "the line amount in yuan",
        },
        "orders",
    )
    days = pd.to_datetime(orders["order_date"]).dt.normalize()
    if days.isna().any():
        raise ValueError(f"orders has a missing 'order_date' (first at index "
                         f"{days.index[days.isna()][0]})")
    keep = (days <= asof_day).to_numpy()
    lines = pd.DataFrame(
        {
            "customer_id": orders["customer_id"].to_numpy()[keep],
            "order_id": orders["order_id"].to_numpy()[keep],
            "day": days.to_numpy()[keep],
            "amount": pd.to_numeric(orders["amount"]).to_numpy(dtype="float64")[keep],
        }
    )
    per_order = (
        lines.groupby(["customer_id", "order_id"], sort=True)
        .agg(amount=("amount", "sum"), day=("day", "max"))
        .reset_index()
    )
    per_order["amount"] = per_order["amount"].round(2)
    return per_order


# ---------------------------------------------------------------------------------------------
# birthdays


def _anniversaries(years: np.ndarray, months: np.ndarray, days: np.ndarray) -> pd.DatetimeIndex:
    """The dates (year, month, day); 29 February becomes 28 February in a non-leap year."""
    leap = (years % 4 == 0) & ((years % 100 != 0) | (years % 400 == 0))
    days = np.where((months == 2) & (days == 29) & ~leap, 28, days)
    return pd.DatetimeIndex(
        pd.to_datetime(pd.DataFrame({"year": years, "month": months, "day": days}))
    )


def _next_birthdays(birthdays, asof_day: pd.Timestamp) -> pd.Series:
    """Next birthday on or after asof for each birthday (NaT where the birthday is unknown)."""
    born = pd.to_datetime(pd.Series(birthdays), errors="coerce")
    result = pd.Series(pd.NaT, index=born.index, dtype="datetime64[ns]")
    known = born.notna().to_numpy()
    if known.any():
        months = born[known].dt.month.to_numpy(dtype="int64")
        days = born[known].dt.day.to_numpy(dtype="int64")
        n = int(known.sum())
        this_year = _anniversaries(np.full(n, asof_day.year), months, days)
        next_year = _anniversaries(np.full(n, asof_day.year + 1), months, days)
        chosen = np.where(this_year >= asof_day, this_year, next_year)
        result[known] = pd.DatetimeIndex(chosen).as_unit("ns")
    return result


def days_to_birthday(birthdays, asof) -> pd.Series:
    """Days (0-365) from ``asof`` to each person's next birthday; 0 means today.

    Takes a Series of birth dates (anything ``pd.to_datetime`` reads; unreadable or blank ->
    missing) and the as-of day. The next birthday is the first anniversary on or after
    ``asof``; the year wraps (as of 25 December a birthday on 3 January is 9 days away).
    Someone born on 29 February has their birthday on 28 February in non-leap years, so the
    result never exceeds 365. Returns a nullable integer Series with the same index.
    """
    asof_day = _day(asof, "asof")
    upcoming = _next_birthdays(birthdays, asof_day)
    return (upcoming - asof_day).dt.days.astype("Int64")


# ---------------------------------------------------------------------------------------------
# customer features


def _codes(given, column: str, customers: pd.Index, what: str) -> pd.Series:
    if isinstance(given, pd.DataFrame):
        if column not in given.columns:
            raise ValueError(
                f"{what} must have a {column!r} column. Columns found: {list(given.columns)}"
            )
        series = given[column]
    elif isinstance(given, pd.Series):
        series = given
    else:
        raise ValueError(f"{what} must be a DataFrame or Series indexed by customer")
    if series.index.has_duplicates:
        raise ValueError(f"{what} lists customers more than once")
    return pd.Series(series.reindex(customers).to_numpy(dtype=object), index=customers)


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
    """One row per customer with what the service rules look at (客户特征).

    Takes the order log (one row per order line: customer_id, order_id, order_date,
    product_id, amount in yuan; refunds are orders with a negative amount), the member profiles
    (customer_id; name, birthday, age_band, preferred_channel are used when present), the
    products (product_id, category) and the as-of day. Only orders dated on or before ``asof``
    count. The customers are those of ``rfm_table(orders, asof)`` (everyone with an order up to
    ``asof``); members who never ordered are not included.

    ``segments``, ``tiers`` and ``stages`` may be given (a DataFrame with a ``segment`` /
    ``tier`` / ``stage`` column, or a Series, indexed by customer); by default they are
    ``rfm_segments(table)`` (the lesson's scheme, mean cut), ``pyramid_tiers(monetary)``
    and ``lifecycle_stages(table)`` (active <= 90 days, sleeping <= 180, lost after). Customers
    missing from a given table get a missing value.

    Returns a DataFrame indexed by ``customer_id`` (sorted) with ``name``, ``segment`` (code),
    ``segment_name``, ``tier``, ``stage``, ``favourite_category`` (the category with the most
    net spend in yuan; ties go to the alphabetically first category; missing when no category
    has a positive spend), ``age_band``, ``preferred_channel`` (missing when blank),
    ``first_purchase_date`` and ``last_purchase_date`` (first and last order with a positive
    total), ``orders`` (number of such orders), ``birthday``, ``next_birthday`` and
    ``days_to_birthday`` (0-365 days, see :func:`days_to_birthday`).
    ``.attrs["asof"]`` holds the as-of day.
    """
    asof_day = _day(asof, "asof")
    require_columns(members, {"customer_id": "the customer's ID"}, "members")
    require_columns(products, {"product_id": "the product ID", "category": "the category"},
                     "products")
    require_columns(orders, {"product_id": "the product ID"}, "orders")
    if members["customer_id"].duplicated().any():
        twice = sorted(set(members["customer_id"][members["customer_id"].duplicated()]))[:10]
        raise ValueError(f"members lists customers more than once: {twice}")
    table = rfm_table(orders, asof_day)
    customers = table.index
    if segments is None:
        segments = rfm_segments(table)
    segment = _codes(segments, "segment", customers, "segments")
    if isinstance(segments, pd.DataFrame) and "segment_name" in segments.columns:
        segment_name = _codes(segments, "segment_name", customers, "segments")
    else:
        segment_name = segment.map(lambda c: np.nan if _blank(c) else _segment_name(c))
    tier = _codes(pyramid_tiers(table["monetary"]) if tiers is None else tiers, "tier",
                  customers, "tiers")
    stage = _codes(lifecycle_stages(table) if stages is None else stages, "stage",
                   customers, "stages")

    per_order = _per_order(orders, asof_day)
    bought = per_order[per_order["amount"] > 0]
    first = bought.groupby("customer_id")["day"].min().reindex(customers)
    last = bought.groupby("customer_id")["day"].max().reindex(customers)

    # favourite category: most net spend (yuan), ties by category name
    days = pd.to_datetime(orders["order_date"]).dt.normalize()
    in_period = (days <= asof_day).to_numpy()
    category_of = pd.Series(products["category"].to_numpy(), index=products["product_id"])
    category_of = category_of[~category_of.index.duplicated()]
    lines = pd.DataFrame(
        {
            "customer_id": orders["customer_id"].to_numpy()[in_period],
            "category": category_of.reindex(orders["product_id"].to_numpy()[in_period])
            .to_numpy(dtype=object),
            "amount": pd.to_numeric(orders["amount"]).to_numpy(dtype="float64")[in_period],
        }
    ).dropna(subset=["category"])
    spend = lines.groupby(["customer_id", "category"])["amount"].sum().round(2).reset_index()
    spend = spend[spend["amount"] > 0].sort_values(
        ["customer_id", "amount", "category"], ascending=[True, False, True], kind="stable"
    )
    favourite = spend.drop_duplicates("customer_id").set_index("customer_id")["category"]

    profile = members.set_index("customer_id").reindex(customers)

    def member_field(column: str) -> np.ndarray:
        if column not in profile.columns:
            return np.full(len(customers), np.nan, dtype=object)
        values = profile[column].to_numpy(dtype=object)
        return np.array([np.nan if _blank(v) else v for v in values], dtype=object)

    birthday = (
        pd.to_datetime(pd.Series(profile["birthday"].to_numpy(), index=customers),
                       errors="coerce")
        if "birthday" in profile.columns
        else pd.Series(pd.NaT, index=customers, dtype="datetime64[ns]")
    )
    upcoming = _next_birthdays(birthday, asof_day)
    result = pd.DataFrame(
        {
            "name": member_field("name"),
            "segment": segment.to_numpy(),
            "segment_name": segment_name.to_numpy(dtype=object),
            "tier": tier.to_numpy(),
            "stage": stage.to_numpy(),
            "favourite_category": favourite.reindex(customers).to_numpy(dtype=object),
            "age_band": member_field("age_band"),
            "preferred_channel": member_field("preferred_channel"),
            "first_purchase_date": first.to_numpy(),
            "last_purchase_date": last.to_numpy(),
            "orders": table["frequency"].to_numpy(dtype="int64"),
            "birthday": birthday.to_numpy(),
            "next_birthday": upcoming.to_numpy(),
            "days_to_birthday": (upcoming - asof_day).dt.days.astype("Int64").to_numpy(),
        },
        index=customers.copy(),
    )
    result.index.name = "customer_id"
    result.attrs = {"asof": asof_day}
    return result


def named_features(features: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``features`` with the codes also written as names, in the current language.

    Adds ``tier_name``, ``stage_name``, ``category_name`` (of the favourite category) and
    ``channel_name`` (of the preferred channel) next to the codes, for columns that exist;
    missing codes stay missing. The codes are kept, so rules and filters still use them.
    """
    result = features.copy()
    for code, name, naming in (("tier", "tier_name", _tier_name),
                               ("stage", "stage_name", _stage_name),
                               ("favourite_category", "category_name", _category_name),
                               ("preferred_channel", "channel_name", _channel_name)):
        if code in result.columns:
            result[name] = [np.nan if _blank(v) else naming(v) for v in result[code]]
    return result


def _row_segment_name(row: Mapping) -> str:
    """The segment's name in the current language (known codes are looked up, so a table
    made in one language reads right in the other); else the row's segment_name or code."""
    code = row.get("segment")
    if not _blank(code) and code in _SEGMENT_NAMES:
        return _segment_name(code)
    if not _blank(row.get("segment_name")):
        return str(row.get("segment_name"))
    return "" if _blank(code) else str(code)


def features_text(row: Mapping | pd.Series) -> str:
    """The 客户特征 cell for one customer, in the current language.

    Example: ``"important: maintain · gold · active · favourite: snacks · 26-35 · WeChat"``
    (segment name, tier, stage, favourite category, age band, preferred channel; missing parts
    are left out).
    """
    parts = []
    segment_text = _row_segment_name(row)
    if segment_text:
        parts.append(segment_text)
    if not _blank(row.get("tier")):
        parts.append(_tier_name(row.get("tier")))
    if not _blank(row.get("stage")):
        parts.append(_stage_name(row.get("stage")))
    if not _blank(row.get("favourite_category")):
        parts.append(f"{pick('偏好', 'favourite')}: "
                     f"{_category_name(row.get('favourite_category'))}")
    if not _blank(row.get("age_band")):
        parts.append(str(row.get("age_band")))
    if not _blank(row.get("preferred_channel")):
        parts.append(_channel_name(row.get("preferred_channel")))
    return " · ".join(parts)


# ---------------------------------------------------------------------------------------------
# rules


def _check_condition(rule: str, condition) -> dict:
    if not isinstance(condition, Mapping):
        raise ValueError(f"rule {rule!r}: condition must be a dict such as "
                         f"{{'segment': ['maintain']}}, got {condition!r}")
    unknown = sorted(set(condition) - set(CONDITION_KEYS))
    if unknown:
        raise ValueError(
            f"rule {rule!r}: unknown condition keys {unknown}; known keys: {list(CONDITION_KEYS)}"
        )
    checked: dict = {}
    for key, value in condition.items():
        if key in _LIST_KEYS:
            if isinstance(value, (str, bytes)) or not isinstance(
                value, (Sequence, set, frozenset, np.ndarray, pd.Index, pd.Series)
            ):
                raise ValueError(
                    f"rule {rule!r}: {key!r} needs a list of values, e.g. [{value!r}]"
                )
            if len(value) == 0:
                raise ValueError(f"rule {rule!r}: {key!r} has an empty list (matches nobody)")
            checked[key] = list(value)
        else:
            checked[key] = _whole(value, f"rule {rule!r}: {key!r}")
    return checked


def _priority(value, rule: str):
    number = _number(value, f"rule {rule!r}: priority")
    return int(number) if number == int(number) else number


def _check_when(rule: str, when) -> str:
    if not isinstance(when, str) or (when not in _WHEN_FIXED and not _WHEN_WITHIN.match(when)):
        raise ValueError(
            f"rule {rule!r}: when must be one of {list(_WHEN_FIXED)} or 'within_N_days', "
            f"got {when!r}"
        )
    return when


def load_rules(rules=DEFAULT_RULES) -> pd.DataFrame:
    """Check a list of service rules and return them as a table in the order they are tried.

    Each rule is a dict (or a DataFrame row) with:

    - ``rule``: a unique code; ``priority``: a number, smaller is tried first (equal
      priorities keep the listed order);
    - ``condition``: a dict of condition keys, all of which must hold (AND); ``{}`` matches
      everyone. Keys: ``segment``, ``tier``, ``stage``, ``age_band``, ``favourite_category``,
      ``preferred_channel`` (a list of accepted values each); ``birthday_within_days`` (the
      next birthday is 0..N days away); ``new_customer_within_days`` (exactly one purchase
      ever, dated asof - N .. asof, as in :func:`new_customer_care`); ``min_orders`` /
      ``max_orders`` (purchases, bounds included);
    - ``service``: a code from :data:`SERVICES` (or any code with ``service_zh`` and
      ``service_en`` names); ``channel``: the default channel (a key of :data:`CHANNELS`),
      used when the member's preferred channel is unknown;
    - ``when``: ``"on_birthday"``, ``"today"``, ``"within_N_days"`` (e.g. ``"within_3_days"``),
      ``"next_holiday"`` (the next day in :data:`HOLIDAYS`), ``"before_next_launch"`` or
      ``"ongoing"``.

    Raises ValueError for an unknown field or condition key, a duplicate rule code, an
    unknown service without names, an unknown channel or ``when``, or when no rule has the
    empty condition ``{}`` (a catch-all is needed so that every customer gets a service).
    Returns a new DataFrame (the input is not changed).
    """
    if isinstance(rules, pd.DataFrame):
        records = rules.to_dict("records")
    elif isinstance(rules, Mapping) or isinstance(rules, (str, bytes)):
        raise ValueError("rules must be a list of dicts (one per rule) or a DataFrame")
    else:
        records = list(rules)
    if not records:
        raise ValueError("rules is empty: at least a catch-all rule (condition {}) is needed")
    rows = []
    for position, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise ValueError(f"rule number {position + 1} must be a dict, got {record!r}")
        name = record.get("rule", f"number {position + 1}")
        unknown = sorted(set(record) - set(_RULE_FIELDS))
        if unknown:
            raise ValueError(f"rule {name!r}: unknown fields {unknown}; fields: "
                             f"{list(_RULE_FIELDS)}")
        missing = [f for f in ("rule", "priority", "condition", "service", "channel", "when")
                   if f not in record]
        if missing:
            raise ValueError(f"rule {name!r} is missing {missing}")
        if not isinstance(record["rule"], str) or not record["rule"]:
            raise ValueError(f"rule code must be non-empty text, got {record['rule']!r}")
        service = record["service"]
        zh, en = record.get("service_zh"), record.get("service_en")
        if _blank(zh) or _blank(en):
            if service not in SERVICES:
                raise ValueError(
                    f"rule {name!r}: unknown service {service!r}; use one of "
                    f"{list(SERVICES)} or give service_zh and service_en names"
                )
            zh, en = SERVICES[service]
        if record["channel"] not in CHANNELS:
            raise ValueError(f"rule {name!r}: unknown channel {record['channel']!r}; "
                             f"channels: {list(CHANNELS)}")
        rows.append(
            {
                "rule": record["rule"],
                "priority": _priority(record["priority"], name),
                "condition": _check_condition(name, record["condition"]),
                "service": service,
                "service_zh": zh,
                "service_en": en,
                "channel": record["channel"],
                "when": _check_when(name, record["when"]),
                "position": position,
            }
        )
    table = pd.DataFrame(rows)
    if table["rule"].duplicated().any():
        raise ValueError(f"rule codes must be unique; repeated: "
                         f"{sorted(set(table['rule'][table['rule'].duplicated()]))}")
    if not any(len(c) == 0 for c in table["condition"]):
        raise ValueError(
            "no catch-all rule: add a rule with condition {} (e.g. a care greeting) so that "
            "every customer gets a service"
        )
    table = table.sort_values(["priority", "position"], kind="stable")
    return table.drop(columns="position").reset_index(drop=True)


def _condition_text(condition: Mapping) -> str:
    if not condition:
        return pick("所有其他客户", "everyone else")
    parts = []
    for key, value in condition.items():
        if key == "segment":
            parts.append(pick("客户类型", "segment") + ": " + " / ".join(_segment_name(v)
                                                                       for v in value))
        elif key == "tier":
            parts.append(pick("层级", "tier") + ": " + " / ".join(_tier_name(v) for v in value))
        elif key == "stage":
            parts.append(pick("阶段", "stage") + ": " + " / ".join(_stage_name(v)
                                                                 for v in value))
        elif key == "favourite_category":
            parts.append(pick("偏好", "favourite") + ": " + " / ".join(_category_name(v)
                                                                     for v in value))
        elif key == "preferred_channel":
            parts.append(pick("偏好渠道", "channel") + ": " + " / ".join(_channel_name(v)
                                                                      for v in value))
        elif key == "age_band":
            parts.append(pick("年龄段", "age band") + ": " + " / ".join(map(str, value)))
        elif key == "birthday_within_days":
            parts.append(pick(f"{value}天内生日", f"birthday within {value} days"))
        elif key == "new_customer_within_days":
            parts.append(pick(f"仅一次购买且在最近{value}天内",
                              f"only purchase within the last {value} days"))
        elif key == "min_orders":
            parts.append(pick(f"至少{value}次购买", f"at least {value} orders"))
        elif key == "max_orders":
            parts.append(pick(f"至多{value}次购买", f"at most {value} orders"))
    return pick(" 且 ", " and ").join(parts)


def _when_text(when: str) -> str:
    match = _WHEN_WITHIN.match(when)
    if match:
        n = int(match.group(1))
        return pick(f"{n}天内", f"within {n} days")
    return {
        "on_birthday": pick("生日当天", "on the birthday"),
        "today": pick("今天", "today"),
        "next_holiday": pick("下一个节日", "at the next holiday"),
        "before_next_launch": pick("下次新品上市前", "before the next launch"),
        "ongoing": pick("长期", "ongoing"),
    }[when]


def rules_table(rules=DEFAULT_RULES) -> pd.DataFrame:
    """The rules as a readable table (current language): priority, rule, condition, service,
    service_name, channel (default), when. Rows in the order the rules are tried."""
    table = load_rules(rules)
    return pd.DataFrame(
        {
            "priority": table["priority"].to_numpy(),
            "rule": table["rule"].to_numpy(),
            "condition": [_condition_text(c) for c in table["condition"]],
            "service": table["service"].to_numpy(),
            "service_name": [pick(z, e) for z, e in zip(table["service_zh"],
                                                         table["service_en"], strict=True)],
            "channel": [_channel_name(c) for c in table["channel"]],
            "when": [_when_text(w) for w in table["when"]],
        }
    )


_FEATURE_COLUMNS = {
    "segment": "segment",
    "tier": "tier",
    "stage": "stage",
    "age_band": "age_band",
    "favourite_category": "favourite_category",
    "preferred_channel": "preferred_channel",
    "birthday_within_days": "days_to_birthday",
    "new_customer_within_days": "first_purchase_date",
    "min_orders": "orders",
    "max_orders": "orders",
}


def _matches(features: pd.DataFrame, condition: Mapping, asof_day: pd.Timestamp) -> np.ndarray:
    n = len(features)
    hit = np.ones(n, dtype=bool)
    for key, value in condition.items():
        if key in _LIST_KEYS:
            hit &= features[_LIST_KEYS[key]].isin(value).to_numpy()
        elif key == "birthday_within_days":
            days = pd.to_numeric(features["days_to_birthday"]).astype("float64").to_numpy()
            hit &= np.nan_to_num(days, nan=-1) >= 0
            hit &= np.nan_to_num(days, nan=np.inf) <= value
        elif key == "new_customer_within_days":
            first = pd.to_datetime(features["first_purchase_date"]).dt.normalize()
            once = pd.to_numeric(features["orders"]).to_numpy() == 1
            inside = ((first >= asof_day - pd.Timedelta(days=value)) & (first <= asof_day))
            hit &= once & inside.fillna(False).to_numpy(dtype=bool)
        elif key == "min_orders":
            hit &= pd.to_numeric(features["orders"]).to_numpy() >= value
        elif key == "max_orders":
            hit &= pd.to_numeric(features["orders"]).to_numpy() <= value
    return hit


def _reason(condition: Mapping, row: Mapping, asof_day: pd.Timestamp) -> str:
    if not condition:
        return pick("其他规则都不适用", "no other rule applies")
    parts = []
    for key in condition:
        if key == "segment":
            parts.append(pick("客户类型", "segment") + ": " + _row_segment_name(row))
        elif key == "tier":
            parts.append(pick("层级", "tier") + ": " + _tier_name(row["tier"]))
        elif key == "stage":
            parts.append(pick("阶段", "stage") + ": " + _stage_name(row["stage"]))
        elif key == "age_band":
            parts.append(pick("年龄段", "age band") + f": {row['age_band']}")
        elif key == "favourite_category":
            parts.append(pick("偏好", "favourite") + ": "
                         + _category_name(row["favourite_category"]))
        elif key == "preferred_channel":
            parts.append(pick("偏好渠道", "channel") + ": "
                         + _channel_name(row["preferred_channel"]))
        elif key == "birthday_within_days":
            days = int(row["days_to_birthday"])
            date = _date_text(asof_day + pd.Timedelta(days=days))
            parts.append(pick("今天生日", "birthday today") if days == 0 else
                         pick(f"{days}天后生日 ({date})", f"birthday in {_days_en(days)} ({date})"))
        elif key == "new_customer_within_days":
            first = pd.Timestamp(row["first_purchase_date"]).normalize()
            ago = (asof_day - first).days
            parts.append(pick(f"新客户: 唯一一次购买在{ago}天前 ({_date_text(first)})",
                              f"new customer: only purchase {_days_en(ago)} ago "
                              f"({_date_text(first)})"))
        elif key in ("min_orders", "max_orders"):
            parts.append(pick(f"{int(row['orders'])}次购买", f"{int(row['orders'])} orders"))
    return "; ".join(parts)


def _next_holiday(asof_day: pd.Timestamp) -> dict | None:
    upcoming = HOLIDAYS[HOLIDAYS["date"] >= asof_day]
    return None if upcoming.empty else upcoming.iloc[0].to_dict()


def _when(
    when: str, row: Mapping, asof_day: pd.Timestamp, next_launch, holiday: dict | None
) -> tuple[str, object]:
    """(text, date or NaT) for one customer; ``holiday`` is the next holiday (or None)."""
    match = _WHEN_WITHIN.match(when)
    if match:
        n = int(match.group(1))
        date = asof_day + pd.Timedelta(days=n)
        return pick(f"{n}天内 ({_date_text(date)}前)", f"within {n} days (by {_date_text(date)})"
                    ), date
    if when == "today":
        return pick(f"今天 ({_date_text(asof_day)})", f"today ({_date_text(asof_day)})"), asof_day
    if when == "on_birthday":
        days = row.get("days_to_birthday")
        if _blank(days):
            return pick("生日当天 (生日未知)", "on the birthday (birthday unknown)"), pd.NaT
        date = asof_day + pd.Timedelta(days=int(days))
        return pick(f"生日当天 ({_date_text(date)})", f"on the birthday ({_date_text(date)})"), date
    if when == "next_holiday":
        if holiday is None:
            return pick("下一个节日", "at the next holiday"), pd.NaT
        name = pick(holiday["name_zh"], holiday["name_en"])
        return f"{name} ({_date_text(holiday['date'])})", holiday["date"]
    if when == "before_next_launch":
        if next_launch is None:
            return pick("下次新品上市前", "before the next launch"), pd.NaT
        launch = _day(next_launch, "next_launch")
        return pick(f"新品上市前 ({_date_text(launch)}前)",
                    f"before the launch on {_date_text(launch)}"), launch
    return pick("长期", "ongoing"), pd.NaT


def service_plan(
    features: pd.DataFrame, rules=DEFAULT_RULES, asof=None, *, next_launch=None
) -> pd.DataFrame:
    """The personalised-service table (个性化服务): one row per customer, every customer once.

    Takes ``features`` from :func:`customer_features` (indexed by customer; the columns the
    rules look at must be there), the ``rules`` (see :func:`load_rules`; default
    :data:`DEFAULT_RULES`), ``asof`` (default: ``features.attrs["asof"]``) and optionally the
    date of the next product launch (for ``when = "before_next_launch"``).

    Rules are tried in priority order. The **first** matching rule gives the customer's main
    service; the services of the other matching rules (other services only, in priority order)
    are listed in ``also``, so nothing the rules found is lost. The catch-all rule (condition
    ``{}``) guarantees a service for everyone; it means "no other rule applies", so it is
    never listed under ``also`` or ``matched_rules`` for a customer another rule matched.

    Returns one row per customer, in the order of ``features``: ``customer_id``, ``name``,
    ``features`` (客户特征 text, see :func:`features_text`), ``service`` (code),
    ``service_name`` (current language), ``also`` (other services, "; "-separated names,
    empty when none), ``channel`` (the member's preferred channel where known, else the rule's
    default) and ``channel_name``, ``when`` (text) and ``when_date`` (the day, or NaT when the
    rule gives no fixed day), ``rule`` (the rule that fired), ``reason`` (why it fired) and
    ``matched_rules`` (every matching rule code, ", "-separated). Headers can be shown in
    Chinese with ``rfmkit.localise``.
    """
    table = load_rules(rules)
    if asof is None:
        if "asof" not in features.attrs:
            raise ValueError("asof is needed: pass asof=... (features has no attrs['asof'])")
        asof = features.attrs["asof"]
    asof_day = _day(asof, "asof")
    if features.index.has_duplicates:
        twice = list(dict.fromkeys(features.index[features.index.duplicated()]))[:10]
        raise ValueError(f"features lists customers more than once: {twice}")
    needed: dict[str, str] = {}
    for condition in table["condition"]:
        for key in condition:
            needed[_FEATURE_COLUMNS[key]] = f"used by the condition {key!r}"
            if key == "new_customer_within_days":
                needed["orders"] = "number of purchases, used by 'new_customer_within_days'"
    require_columns(features, needed, "features")

    n = len(features)
    hits = np.column_stack(
        [_matches(features, c, asof_day) for c in table["condition"]]
    ) if n else np.zeros((0, len(table)), dtype=bool)
    main = hits.argmax(axis=1) if n else np.zeros(0, dtype="int64")
    rule_codes = table["rule"].to_numpy()
    services = table["service"].to_numpy()
    names = [pick(z, e) for z, e in zip(table["service_zh"], table["service_en"], strict=True)]

    rules_list = table.to_dict("records")
    holiday = _next_holiday(asof_day)
    catch_all = [len(c) == 0 for c in table["condition"]]
    if next_launch is not None:
        next_launch = _day(next_launch, "next_launch")
    rows = []
    records = features.reset_index(drop=True).to_dict("records")
    for i, row in enumerate(records):
        k = int(main[i])
        rule = rules_list[k]
        matched = [j for j in np.flatnonzero(hits[i]) if j == k or not catch_all[j]]
        also, seen = [], {services[k]}
        for j in matched:
            if services[j] not in seen:
                seen.add(services[j])
                also.append(names[j])
        preferred = row.get("preferred_channel")
        channel = rule["channel"] if _blank(preferred) else str(preferred)
        when_text, when_date = _when(rule["when"], row, asof_day, next_launch, holiday)
        rows.append(
            {
                "customer_id": features.index[i],
                "name": row.get("name", np.nan),
                "features": features_text(row),
                "service": services[k],
                "service_name": names[k],
                "also": "; ".join(also),
                "channel": channel,
                "channel_name": _channel_name(channel),
                "when": when_text,
                "when_date": when_date,
                "rule": rule_codes[k],
                "reason": f"{rule_codes[k]}: {_reason(rule['condition'], row, asof_day)}",
                "matched_rules": ", ".join(rule_codes[j] for j in matched),
            }
        )
    columns = ["customer_id", "name", "features", "service", "service_name", "also", "channel",
               "channel_name", "when", "when_date", "rule", "reason", "matched_rules"]
    plan = pd.DataFrame(rows, columns=columns)
    plan["when_date"] = pd.to_datetime(plan["when_date"])
    plan.attrs = {"asof": asof_day}
    return plan


def plan_summary(plan: pd.DataFrame, compare: pd.DataFrame | None = None) -> pd.DataFrame:
    """Customers per service in a service plan, most first; optionally next to a second plan.

    ``plan`` (and ``compare``) are outputs of :func:`service_plan`. Returns one row per service:
    ``service`` (code), ``service_name`` (current language), ``customers`` and
    ``customer_share`` (% of the plan's customers, 0.1). With ``compare`` (e.g. the plan made
    with changed rules) also ``customers_new`` and ``change`` (customers_new - customers);
    services found in only one plan show 0 in the other. Sorted by customers (the first
    plan's), then customers_new, then service code.
    """
    for name, table in (("plan", plan), ("compare", compare)):
        if table is not None:
            require_columns(table, {"service": "the service code"}, name)

    def names(table: pd.DataFrame) -> dict:
        if "service_name" in table.columns:
            return dict(zip(table["service"], table["service_name"], strict=True))
        return {}

    counts = plan["service"].value_counts()
    named = {**names(plan)}
    codes = list(counts.index)
    if compare is not None:
        other = compare["service"].value_counts()
        named = {**names(compare), **named}
        codes += [c for c in other.index if c not in counts.index]
    result = pd.DataFrame({"service": codes})
    result["service_name"] = [_service_name(c) if c in SERVICES else str(named.get(c, c))
                              for c in codes]
    result["customers"] = counts.reindex(codes, fill_value=0).to_numpy(dtype="int64")
    total = len(plan)
    result["customer_share"] = np.round(100 * result["customers"] / total, 1) if total else 0.0
    sort = ["customers"]
    if compare is not None:
        result["customers_new"] = other.reindex(codes, fill_value=0).to_numpy(dtype="int64")
        result["change"] = result["customers_new"] - result["customers"]
        sort.append("customers_new")
    result = result.sort_values(sort + ["service"], ascending=[False] * len(sort) + [True],
                                kind="stable")
    return result.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# care calendar


def birthdays_within(members: pd.DataFrame, asof, days: int = 14) -> pd.DataFrame:
    """Members whose next birthday falls in the window [asof, asof + days] (both days included).

    The year wraps (as of 25 December, a 3 January birthday is 9 days away) and a 29 February
    birthday is celebrated on 28 February in non-leap years. Returns ``customer_id``, ``name``,
    ``birthday``, ``next_birthday``, ``days_to_birthday`` (0 = today) and
    ``preferred_channel`` (when those columns exist), soonest first, then by customer_id.
    Members with no birthday on file are left out. Raises ValueError for a negative ``days``.
    """
    asof_day = _day(asof, "asof")
    window = _whole(days, "days")
    require_columns(members, {"customer_id": "the customer's ID",
                               "birthday": "the birth date"}, "members")
    upcoming = _next_birthdays(members["birthday"], asof_day)
    until = (upcoming - asof_day).dt.days
    keep = (until <= window).fillna(False).to_numpy(dtype=bool)
    columns = [c for c in ("customer_id", "name", "birthday") if c in members.columns]
    result = members.loc[keep, columns].copy()
    result["birthday"] = pd.to_datetime(result["birthday"], errors="coerce")
    result["next_birthday"] = upcoming[keep].to_numpy()
    result["days_to_birthday"] = until[keep].astype("int64").to_numpy()
    if "preferred_channel" in members.columns:
        result["preferred_channel"] = members.loc[keep, "preferred_channel"].to_numpy()
    result = result.sort_values(["days_to_birthday", "customer_id"], kind="stable")
    result.attrs = {"asof": asof_day, "days": window}
    return result.reset_index(drop=True)


def holiday_greetings(asof, days: int = 30) -> pd.DataFrame:
    """Holidays in the window [asof, asof + days] (both included) from :data:`HOLIDAYS`.

    Returns ``date``, ``holiday`` (code), ``holiday_name`` (current language), ``days_until``
    (days from asof) and ``greeting`` (a short greeting, current language), in date order.
    Raises ValueError when the window reaches outside the years the table covers
    (:data:`HOLIDAY_YEARS`), because lunar festivals there are not known: add them first.
    """
    asof_day = _day(asof, "asof")
    window = _whole(days, "days")
    end = asof_day + pd.Timedelta(days=window)
    first, last = min(HOLIDAY_YEARS), max(HOLIDAY_YEARS)
    if asof_day.year < first or end.year > last:
        raise ValueError(
            f"the holiday table covers {first}-{last}; the window {_date_text(asof_day)} to "
            f"{_date_text(end)} reaches outside it. Add that year's dates to the table."
        )
    chosen = HOLIDAYS[(HOLIDAYS["date"] >= asof_day) & (HOLIDAYS["date"] <= end)]
    result = pd.DataFrame(
        {
            "date": chosen["date"].to_numpy(),
            "holiday": chosen["holiday"].to_numpy(),
            "holiday_name": [pick(z, e) for z, e in zip(chosen["name_zh"], chosen["name_en"],
                                                         strict=True)],
            "days_until": (chosen["date"] - asof_day).dt.days.astype("int64").to_numpy(),
            "greeting": [pick(z, e) for z, e in zip(chosen["greeting_zh"],
                                                     chosen["greeting_en"], strict=True)],
        }
    )
    result.attrs = {"asof": asof_day, "days": window}
    return result


def new_customer_care(orders: pd.DataFrame, asof, within_days: int = 15) -> pd.DataFrame:
    """New customers to care for: exactly one purchase ever (up to asof), made recently.

    A purchase is an order whose lines add up to a positive amount (refund orders do not
    count, before or after). Orders dated after ``asof`` are ignored. The window includes both
    ends: the purchase day is on or after ``asof - within_days`` and on or before ``asof``, so
    ``within_days=15`` with asof 2026-06-10 takes purchases from 2026-05-26 to 2026-06-10
    (16 calendar days) and leaves out 2026-05-25.

    Returns ``customer_id``, ``order_id``, ``purchase_date``, ``first_ticket`` (yuan, the
    whole order) and ``days_since_purchase``, most recent first, then by customer_id.
    """
    asof_day = _day(asof, "asof")
    window = _whole(within_days, "within_days")
    per_order = _per_order(orders, asof_day)
    bought = per_order[per_order["amount"] > 0]
    once = bought.groupby("customer_id")["order_id"].transform("size") == 1
    single = bought[once.to_numpy()]
    start = asof_day - pd.Timedelta(days=window)
    recent = single[(single["day"] >= start) & (single["day"] <= asof_day)]
    result = pd.DataFrame(
        {
            "customer_id": recent["customer_id"].to_numpy(),
            "order_id": recent["order_id"].to_numpy(),
            "purchase_date": recent["day"].to_numpy(),
            "first_ticket": recent["amount"].to_numpy(dtype="float64"),
            "days_since_purchase": (asof_day - recent["day"]).dt.days.astype("int64").to_numpy(),
        }
    )
    result = result.sort_values(["days_since_purchase", "customer_id"], kind="stable")
    result.attrs = {"asof": asof_day, "within_days": window, "window_start": start}
    return result.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# complaint handling

#: The five complaint-handling steps: code -> (Chinese, English) name and default owner.
COMPLAINT_STEPS: tuple[tuple[str, str, str, str, str], ...] = (
    ("register", "登记投诉", "register the complaint", "客服专员", "service agent"),
    ("analyse", "分析原因", "analyse the cause", "客服主管", "service supervisor"),
    ("solve", "确定解决方案", "decide a solution", "客服主管", "service supervisor"),
    ("carry_out", "执行方案", "carry out the solution", "相关部门", "department in charge"),
    ("report_back", "反馈客户", "report back to the customer", "客服专员", "service agent"),
)
_STATUS = {"done": ("已完成", "done"), "in_progress": ("进行中", "in progress"),
           "pending": ("待处理", "pending")}

#: A worked case: a gift box arrived crushed two days after ordering; three steps done so far.
EXAMPLE_COMPLAINT: dict = {
    "case_id": "K2026-001",
    "customer_id": "C00012",
    "opened": "2026-06-02",
    "summary": ("零食礼盒运输途中压坏, 客户要求换货", "snack gift box arrived crushed; "
                "the customer asks for a replacement"),
    "progress": (
        {"date": "2026-06-02", "note": ("快递外箱破损, 仓库未加防护填充",
                                        "outer carton damaged; no padding in the box")},
        {"date": "2026-06-03", "note": ("补发新礼盒并赠送10元优惠券",
                                        "send a new box and a 10-yuan coupon")},
    ),
}


def _text(value) -> str:
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return pick(str(value[0]), str(value[1]))
    return "" if _blank(value) else str(value)


def complaint_steps(case: Mapping = EXAMPLE_COMPLAINT) -> pd.DataFrame:
    """The five complaint-handling steps for one case, as a tracked table.

    ``case`` is a dict with ``case_id``, ``customer_id``, ``opened`` (date), ``summary``
    (text, or a (Chinese, English) pair) and optionally ``owners`` (dict step code -> name)
    and ``progress``: the steps completed after registering, in order, each a dict with
    ``date`` and ``note`` (and optionally ``owner``).

    Returns one row per step: ``step`` (1-5), ``code`` (register, analyse, solve, carry_out,
    report_back), ``step_name``, ``owner``, ``date`` (the day it was done, NaT if not yet),
    ``status`` (``done`` / ``in_progress`` / ``pending``), ``status_name`` and ``note``.
    Registering is done on the day the case is opened; the next step is in progress.
    ``.attrs`` holds case_id and customer_id. Use :func:`advance_complaint` to move on.
    """
    if not isinstance(case, Mapping):
        raise ValueError("case must be a dict with case_id, customer_id, opened, summary")
    missing = [k for k in ("case_id", "customer_id", "opened") if k not in case]
    if missing:
        raise ValueError(f"case is missing {missing}")
    owners = dict(case.get("owners", {}))
    unknown = sorted(set(owners) - {s[0] for s in COMPLAINT_STEPS})
    if unknown:
        raise ValueError(f"owners has unknown steps {unknown}")
    opened = _day(case["opened"], "opened")
    rows = []
    for number, (code, zh, en, owner_zh, owner_en) in enumerate(COMPLAINT_STEPS, start=1):
        rows.append(
            {
                "step": number,
                "code": code,
                "step_name": pick(zh, en),
                "owner": _text(owners.get(code, (owner_zh, owner_en))),
                "date": opened if number == 1 else pd.NaT,
                "status": "done" if number == 1 else "in_progress" if number == 2
                else "pending",
                "note": _text(case.get("summary", "")) if number == 1 else "",
            }
        )
    steps = pd.DataFrame(rows)
    steps["date"] = pd.to_datetime(steps["date"])
    steps["status_name"] = [pick(*_STATUS[s]) for s in steps["status"]]
    steps = steps[["step", "code", "step_name", "owner", "date", "status", "status_name",
                   "note"]]
    steps.attrs = {"case_id": case["case_id"], "customer_id": case["customer_id"]}
    for item in case.get("progress", ()):
        if not isinstance(item, Mapping) or "date" not in item:
            raise ValueError(f"each progress item needs a date, got {item!r}")
        steps = advance_complaint(steps, item["date"], note=item.get("note"),
                                  owner=item.get("owner"))
    return steps


def advance_complaint(steps: pd.DataFrame, date, *, note=None, owner=None) -> pd.DataFrame:
    """Complete the step in progress on ``date`` and start the next one (a new table).

    ``note`` (text or a (Chinese, English) pair) and ``owner`` are recorded on the completed
    step. Raises ValueError when all five steps are done or when ``date`` is before the
    previous step's date. The input table is not changed.
    """
    day = _day(date, "date")
    result = steps.copy()
    result.attrs = dict(steps.attrs)
    current = np.flatnonzero(result["status"].to_numpy() == "in_progress")
    if len(current) == 0:
        raise ValueError("all five steps are done: nothing to advance")
    k = int(current[0])
    before = result["date"].iloc[:k].dropna()
    if len(before) and day < before.max():
        raise ValueError(f"date {_date_text(day)} is before the previous step's date "
                         f"{_date_text(before.max())}")
    result.loc[result.index[k], "date"] = day
    result.loc[result.index[k], "status"] = "done"
    if note is not None:
        result.loc[result.index[k], "note"] = _text(note)
    if owner is not None:
        result.loc[result.index[k], "owner"] = _text(owner)
    if k + 1 < len(result):
        result.loc[result.index[k + 1], "status"] = "in_progress"
    result["status_name"] = [pick(*_STATUS[s]) for s in result["status"]]
    return result


# ---------------------------------------------------------------------------------------------
# messages

_TEMPLATES: dict[str, tuple[str, str]] = {
    "care_greeting": (
        "亲爱的{name}, 您好! 感谢您一直以来的支持, 祝您生活愉快。",
        "Dear {name}, thank you for shopping with us. We wish you all the best!",
    ),
    "birthday_gift": (
        "亲爱的{name}, 生日快乐! 我们为您准备了一份生日小礼物, 祝您天天开心。",
        "Dear {name}, happy birthday! We have a small birthday gift for you.",
    ),
    "revisit_call": (
        "亲爱的{name}, 您好! 我们想听听您对最近购物的意见和建议, 客服将在{when}与您联系。",
        "Dear {name}, we would like to hear what you think of your recent purchases; "
        "our service team will contact you {when}.",
    ),
    "new_product_notice": (
        "亲爱的{name}, 您喜欢的{category}有新品上市啦, 欢迎抢先了解!",
        "Dear {name}, new products in {category} are arriving: be the first to take a look!",
    ),
    "coupon": (
        "亲爱的{name}, 送您一张专属优惠券, 使用时间: {when}。欢迎再次光临!",
        "Dear {name}, here is a personal coupon for you (use it: {when}). See you soon!",
    ),
    "trial_sample": (
        "亲爱的{name}, 感谢您的厚爱! 新品上市前, 我们为您准备了一份免费试用装。",
        "Dear {name}, thank you for your loyalty! Before the launch, a free trial sample "
        "is waiting for you.",
    ),
    "win_back_offer": (
        "亲爱的{name}, 好久不见, 我们很想念您! 送您一份专属回归优惠, 使用时间: {when}。",
        "Dear {name}, we have missed you! Here is a personal welcome-back offer "
        "(use it: {when}).",
    ),
    "priority_service": (
        "亲爱的{name}, 您是我们的重要会员, 已为您开通优先服务通道, 有需要请随时联系我们。",
        "Dear {name}, as one of our most valued members you now have priority service: "
        "contact us any time.",
    ),
}
_GENERIC_TEMPLATE = ("亲爱的{name}, 您好! 我们为您准备了: {service_name}。",
                     "Dear {name}, we have something for you: {service_name}.")
_TEMPLATE_FIELDS = ("name", "service_name", "when", "category", "customer_id")


def _days_en(n: int) -> str:
    """'1 day', '3 days': English day counts for reasons shown to students."""
    return f"{n} day" if n == 1 else f"{n} days"


def message_preview(row: Mapping | pd.Series, template=None) -> str:
    """The message a customer would receive for their service, in the current language.

    ``row`` is one row of :func:`service_plan` (``service``, and ``name``, ``when``,
    ``service_name`` when available; a ``favourite_category`` is used by new-product notices).
    ``template`` may be text, or a (Chinese, English) pair, with the fields {name},
    {service_name}, {when}, {category} and {customer_id}; by default each service has its own
    template in both languages. A missing name becomes 顾客 / customer. The same row always
    gives the same text. Raises ValueError for an unknown field in a template.
    """
    if template is None:
        service = row.get("service")
        pair = _TEMPLATES.get(service, _GENERIC_TEMPLATE)
    elif isinstance(template, str):
        pair = (template, template)
    elif isinstance(template, (tuple, list)) and len(template) == 2:
        pair = (str(template[0]), str(template[1]))
    else:
        raise ValueError("template must be text or a (Chinese, English) pair")
    text = pick(*pair)
    fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    unknown = sorted(fields - set(_TEMPLATE_FIELDS))
    if unknown:
        raise ValueError(f"template uses unknown fields {unknown}; fields: "
                         f"{list(_TEMPLATE_FIELDS)}")
    name = row.get("name")
    category = row.get("favourite_category")
    values = {
        "name": pick("顾客", "customer") if _blank(name) else str(name),
        "service_name": _text(row.get("service_name"))
        or _service_name(row.get("service")),
        "when": _text(row.get("when")) or pick("近期", "soon"),
        "category": pick("商品", "our shop") if _blank(category) else _category_name(category),
        "customer_id": _text(row.get("customer_id")),
    }
    return text.format(**values)


# ---------------------------------------------------------------------------------------------
# value metrics


def cac(marketing_spend, new_customers) -> float:
    """Customer acquisition cost (获客成本, CAC) in yuan per new customer.

    CAC = marketing spend (yuan) / new customers won in the same period. Example: 5,000 yuan
    spent and 40 new customers -> 125.0 yuan per new customer. Raises ValueError for 0 new
    customers (no cost per customer can be computed), a negative spend or count, or a count
    that is not a whole number.
    """
    spend = _number(marketing_spend, "marketing_spend")
    if spend < 0:
        raise ValueError(f"marketing_spend cannot be negative (yuan), got {marketing_spend!r}")
    count = _whole(new_customers, "new_customers")
    if count == 0:
        raise ValueError("new_customers is 0: no new customers, so no cost per new customer")
    return spend / count


def retention_rate(start_customers, end_customers, new_customers) -> float:
    """Customer retention rate (客户留存率, CRR) in percent.

    CRR = (customers at the end - new customers won during the period) / customers at the
    start x 100. Example: 200 at the start, 210 at the end, 30 of them new -> 90.0 %.
    All three are whole numbers of customers. Raises ValueError when ``start_customers`` is 0,
    a count is negative, there are more new customers than customers at the end, or more
    customers kept (end - new) than there were at the start.
    """
    start = _whole(start_customers, "start_customers")
    end = _whole(end_customers, "end_customers")
    new = _whole(new_customers, "new_customers")
    if start == 0:
        raise ValueError("start_customers is 0: with no customers at the start there is "
                         "no retention rate")
    if new > end:
        raise ValueError(f"new_customers ({new}) cannot be more than end_customers ({end})")
    if end - new > start:
        raise ValueError(
            f"end_customers - new_customers = {end - new} kept customers, more than the "
            f"{start} at the start: check the numbers"
        )
    return (end - new) / start * 100


def retention_counts(orders: pd.DataFrame, start, end) -> pd.DataFrame:
    """The customer counts that :func:`retention_rate` needs, taken from an order log.

    The period runs from ``start`` to ``end`` (both days included); the *base window* is the
    same number of days just before ``start``. A purchase is an order whose lines add up to a
    positive amount (refunds do not count). Orders after ``end`` are ignored.

    - ``start_customers``: customers with a purchase in the base window (the customers the
      shop had at the start of the period);
    - ``kept_customers``: of them, those who bought again during the period;
    - ``new_customers``: customers whose first purchase in the log falls in the period;
    - ``reactivated_customers``: buyers in the period who are neither (they last bought before
      the base window and came back); shown for completeness, counted neither as kept nor as
      new;
    - ``end_customers``: kept + new, the customers at the end of the period.

    So (end_customers - new_customers) / start_customers x 100 is the share of the starting
    customers that stayed, the same number as the retention rate of
    :func:`rfmkit.lifecycle.period_churn` for these two periods. Returns a one-row DataFrame
    with ``period_start``, ``period_end``, ``base_start`` and those five counts.
    Raises ValueError when ``end`` is before ``start``.
    """
    first_day, last_day = _day(start, "start"), _day(end, "end")
    if last_day < first_day:
        raise ValueError(f"end {_date_text(last_day)} is before start {_date_text(first_day)}")
    length = (last_day - first_day).days + 1
    base_start = first_day - pd.Timedelta(days=length)
    per_order = _per_order(orders, last_day)
    bought = per_order[per_order["amount"] > 0]
    first_ever = bought.groupby("customer_id")["day"].min()
    in_base = set(bought.loc[(bought["day"] >= base_start) & (bought["day"] < first_day),
                             "customer_id"])
    in_period = set(bought.loc[bought["day"] >= first_day, "customer_id"])
    new = set(first_ever.index[(first_ever >= first_day).to_numpy()])
    retained = in_base & in_period
    reactivated = in_period - in_base - new
    result = pd.DataFrame(
        {
            "period_start": [first_day],
            "period_end": [last_day],
            "base_start": [base_start],
            "start_customers": [len(in_base)],
            "kept_customers": [len(retained)],
            "new_customers": [len(new)],
            "reactivated_customers": [len(reactivated)],
            "end_customers": [len(retained) + len(new)],
        }
    )
    return result
