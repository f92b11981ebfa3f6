"""Personalised service: features, rules, the plan, the care calendar, complaints, texts."""

import copy

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rfmkit
from rfmkit import service
from rfmkit.service import (
    CONDITIONS,
    DEFAULT_RULES,
    advance_complaint,
    birthdays_within,
    complaint_steps,
    customer_features,
    days_to_birthday,
    describe_plan,
    features_text,
    holiday_calendar,
    holiday_greetings,
    load_rules,
    message_preview,
    new_customer_care,
    next_holiday,
    plan_summary,
    rules_table,
    service_plan,
    with_names,
)
from rfmkit.service.rules import bound

ASOF = pd.Timestamp("2026-06-10")


def orders_frame(rows):
    return pd.DataFrame(
        rows, columns=["order_id", "customer_id", "order_date", "product_id", "amount"]
    )


# ---------------------------------------------------------------------------------------------
# customer features

PRODUCTS = pd.DataFrame(
    {
        "product_id": ["P1", "P2", "P3"],
        "name": ["Crisps", "Lipstick", "Towel"],
        "name_zh": ["薯片", "口红", "毛巾"],
        "category": ["snacks", "beauty", "home"],
        "price": [30.0, 40.0, 25.0],
    }
)
FEATURE_ORDERS = orders_frame(
    [
        ("O1", "C1", "2026-06-01", "P1", 30.0),
        ("O1", "C1", "2026-06-01", "P2", 20.0),
        ("O2", "C1", "2026-05-01", "P2", 40.0),
        ("R1", "C1", "2026-05-05", "P2", -10.0),  # refund: beauty 60 - 10 = 50 > snacks 30
        ("O3", "C2", "2026-06-05", "P1", 25.0),  # snacks 25 = home 25: tie -> "home"
        ("O3", "C2", "2026-06-05", "P3", 25.0),
        ("O4", "C3", "2025-01-10", "P3", 100.0),
        ("O5", "C3", "2026-07-01", "P1", 999.0),  # after asof: ignored
    ]
)
FEATURE_MEMBERS = pd.DataFrame(
    {
        "customer_id": ["C1", "C2", "C9"],
        "name": ["王小明", "李华", "没买过"],
        "birthday": ["1990-06-20", "2000-02-29", "1980-01-01"],
        "age_band": ["26-35", "18-25", "46-55"],
        "preferred_channel": ["WeChat", "", "SMS"],
        "phone": ["13812345678", "13912345678", "13712345678"],
    }
)


def test_customer_features_by_hand():
    features = customer_features(FEATURE_ORDERS, FEATURE_MEMBERS, PRODUCTS, ASOF)
    assert list(features.index) == ["C1", "C2", "C3"]  # C9 never ordered: not included
    assert features.attrs["asof"] == ASOF
    c1, c2, c3 = (features.loc[c] for c in ("C1", "C2", "C3"))
    assert c1["favourite_category"] == "beauty"
    assert c2["favourite_category"] == "home"
    assert c3["favourite_category"] == "home"
    assert c1["orders"] == 2 and c2["orders"] == 1 and c3["orders"] == 1
    assert c1["first_purchase_date"] == pd.Timestamp("2026-05-01")
    assert c1["last_purchase_date"] == pd.Timestamp("2026-06-01")
    assert c3["last_purchase_date"] == pd.Timestamp("2025-01-10")
    assert c1["days_to_birthday"] == 10
    # 29 Feb: in 2027 (not a leap year) celebrated on 28 Feb: 20 + 31 + 31 + 30 + 31 + 30 +
    # 31 (to 31 Dec) + 31 + 28 = 263 days
    assert c2["days_to_birthday"] == 263
    assert c2["next_birthday"] == pd.Timestamp("2027-02-28")
    assert pd.isna(c3["days_to_birthday"]) and pd.isna(c3["name"])
    assert c1["preferred_channel"] == "WeChat"
    assert pd.isna(c2["preferred_channel"])  # blank -> missing
    assert c1["age_band"] == "26-35" and c1["name"] == "王小明"
    assert set(features["segment"]) <= set(rfmkit.SCHEMES["lesson"]["code"])
    assert set(features["tier"]) <= {"gold", "silver", "bronze", "iron"}
    assert c3["stage"] == "lost" and c1["stage"] == "active"


def test_customer_features_takes_given_groups_and_does_not_mutate():
    orders, members, products = (FEATURE_ORDERS.copy(), FEATURE_MEMBERS.copy(),
                                 PRODUCTS.copy())
    segments = pd.DataFrame({"segment": ["maintain", "develop"]}, index=["C1", "C2"])
    tiers = pd.Series({"C1": "gold", "C2": "iron", "C3": "iron"})
    features = customer_features(orders, members, products, ASOF, segments=segments,
                                 tiers=tiers, stages=pd.Series({"C1": "active"}))
    assert features.loc["C1", "segment"] == "maintain"
    assert "segment_name" not in features.columns  # codes only; names at display
    assert with_names(features).loc["C1", "segment_name"] == "important: maintain"
    assert pd.isna(features.loc["C3", "segment"])  # not in the given table
    assert features.loc["C1", "tier"] == "gold"
    assert pd.isna(features.loc["C2", "stage"])
    pd.testing.assert_frame_equal(orders, FEATURE_ORDERS)
    pd.testing.assert_frame_equal(members, FEATURE_MEMBERS)
    pd.testing.assert_frame_equal(products, PRODUCTS)


def test_customer_features_rejects_duplicate_members():
    members = pd.concat([FEATURE_MEMBERS, FEATURE_MEMBERS.iloc[[0]]])
    with pytest.raises(ValueError, match="more than once"):
        customer_features(FEATURE_ORDERS, members, PRODUCTS, ASOF)


def test_with_names_both_languages():
    features = customer_features(FEATURE_ORDERS, FEATURE_MEMBERS, PRODUCTS, ASOF)
    named = with_names(features)
    assert list(named.columns[: len(features.columns)]) == list(features.columns)
    assert named.loc["C1", "category_name"] == "beauty"
    assert named.loc["C1", "channel_name"] == "WeChat"
    assert pd.isna(named.loc["C2", "channel_name"])  # blank preferred channel stays missing
    assert named.loc["C1", "stage_name"] == "active"
    rfmkit.use_language("zh")
    named = with_names(features)
    assert (named.loc["C1", "category_name"], named.loc["C1", "channel_name"]) == ("美妆", "微信")
    assert named.loc["C1", "stage_name"] == "活跃"
    assert named.loc["C1", "tier_name"] in {"金质客户", "银质客户", "铜质客户", "铁质客户"}
    assert "tier_name" not in features.columns  # the input is not changed


def test_features_text_both_languages():
    row = {"segment": "maintain", "tier": "gold", "stage": "active",
           "favourite_category": "snacks", "age_band": "26-35", "preferred_channel": "WeChat"}
    assert features_text(row) == (
        "important: maintain · gold · active · favourite: snacks · 26-35 · WeChat"
    )
    rfmkit.use_language("zh")
    assert features_text(row) == "重要维护客户 · 金质客户 · 活跃 · 偏好: 零食 · 26-35 · 微信"
    assert features_text({"segment": "develop", "tier": np.nan}) == "重要发展客户"


# ---------------------------------------------------------------------------------------------
# birthdays


@pytest.mark.parametrize(
    "birthday, asof, expected",
    [
        ("1990-06-10", "2026-06-10", 0),  # today
        ("1990-06-09", "2026-06-10", 364),  # just passed: next year
        ("1990-01-03", "2026-12-25", 9),  # year wrap
        ("1992-02-29", "2027-02-28", 0),  # non-leap year: 28 Feb
        ("1992-02-29", "2027-03-01", 365),  # next is 29 Feb 2028
        ("1992-02-29", "2028-02-28", 1),
        ("1992-02-29", "2028-02-29", 0),
        ("1990-02-28", "2028-02-28", 0),
        ("1990-12-31", "2028-01-01", 365),  # leap year: the longest wait
    ],
)
def test_days_to_birthday(birthday, asof, expected):
    assert days_to_birthday(pd.Series([birthday]), asof).iloc[0] == expected


def test_days_to_birthday_missing():
    result = days_to_birthday(pd.Series(["", None, "not a date"]), "2026-06-10")
    assert result.isna().all()


BIRTHDAY_MEMBERS = pd.DataFrame(
    {
        "customer_id": ["B1", "B2", "B3", "B4", "B5", "B6"],
        "name": ["a", "b", "c", "d", "e", "f"],
        "birthday": ["1980-12-25", "1985-01-08", "1985-01-09", "1990-12-24", None,
                     "1996-02-29"],
        "preferred_channel": ["SMS", "WeChat", "", "SMS", "SMS", "e-mail"],
    }
)


def test_birthdays_within_window_edges_and_year_wrap():
    found = birthdays_within(BIRTHDAY_MEMBERS, "2026-12-25", days=14)
    # 25 Dec (0 days, first edge) and 8 Jan (14 days, last edge) are in; 9 Jan (15) and
    # 24 Dec (364 days away) are out; no birthday -> out
    assert list(found["customer_id"]) == ["B1", "B2"]
    assert list(found["days_to_birthday"]) == [0, 14]
    assert found.loc[1, "next_birthday"] == pd.Timestamp("2027-01-08")


def test_birthdays_within_feb_29_in_non_leap_year():
    found = birthdays_within(BIRTHDAY_MEMBERS, "2027-02-20", days=8)
    assert list(found["customer_id"]) == ["B6"]
    assert found.loc[0, "next_birthday"] == pd.Timestamp("2027-02-28")
    assert birthdays_within(BIRTHDAY_MEMBERS, "2027-02-20", days=7).empty


def test_birthdays_within_rejects_negative_window():
    with pytest.raises(ValueError):
        birthdays_within(BIRTHDAY_MEMBERS, "2026-12-25", days=-1)


# ---------------------------------------------------------------------------------------------
# holidays


def test_holiday_greetings_window():
    found = holiday_greetings("2026-06-10", 8)
    assert list(found["holiday"]) == ["festival_618"]
    assert found.loc[0, "date"] == pd.Timestamp("2026-06-18")
    assert found.loc[0, "days_until"] == 8
    assert holiday_greetings("2026-06-10", 7).empty  # 618 is one day outside
    spring = holiday_greetings("2026-02-10", 10)
    assert list(spring["holiday"]) == ["spring_festival"]
    assert spring.loc[0, "date"] == pd.Timestamp("2026-02-17")
    assert list(holiday_greetings("2027-02-01", 6)["date"]) == [pd.Timestamp("2027-02-06")]
    autumn = holiday_greetings("2026-09-20", 12)
    assert list(autumn["holiday"]) == ["mid_autumn", "national_day"]
    rfmkit.use_language("zh")
    named = with_names(holiday_greetings("2026-06-10", 9))
    assert named["holiday_name"].tolist() == ["618购物节", "端午节"]
    assert named.loc[1, "greeting"] == "端午安康!"


def test_holidays_for_any_year():
    # Dates from the published calendars (independent of the code): 2025 Spring Festival 29 Jan,
    # Lantern 12 Feb, Dragon Boat 31 May, Qixi 29 Aug, Mid-Autumn 6 Oct; 2030 Spring Festival
    # 3 Feb, Dragon Boat 5 Jun, Mid-Autumn 12 Sep.
    year_2025 = holiday_calendar(2025, 2025).set_index("holiday")["date"]
    assert {k: f"{year_2025[k]:%m-%d}" for k in
            ("spring_festival", "lantern_festival", "dragon_boat", "qixi", "mid_autumn")} == {
        "spring_festival": "01-29", "lantern_festival": "02-12", "dragon_boat": "05-31",
        "qixi": "08-29", "mid_autumn": "10-06"}
    assert next_holiday("2030-06-01") == pd.Timestamp("2030-06-05")  # before 618
    assert next_holiday("2030-09-01") == pd.Timestamp("2030-09-12")
    found = holiday_greetings("2027-12-20", 30)  # the window crosses into 2028
    assert list(found["holiday"]) == ["new_year"]
    assert list(found["date"]) == [pd.Timestamp("2028-01-01")]
    assert list(holiday_greetings("2025-12-31", 3)["holiday"]) == ["new_year"]


# ---------------------------------------------------------------------------------------------
# new customers: the 15-day window

NEW_ORDERS = orders_frame(
    [
        ("O1", "N1", "2026-05-26", "P1", 30.0),  # asof - 15: first day in
        ("O2", "N2", "2026-05-25", "P1", 30.0),  # asof - 16: one day outside
        ("O3", "N3", "2026-06-10", "P1", 30.0),  # asof itself: in
        ("O4", "N4", "2026-06-11", "P1", 30.0),  # after asof: not a purchase yet
        ("O5", "N5", "2026-06-01", "P1", 30.0),  # two purchases: not new
        ("O6", "N5", "2026-06-05", "P1", 30.0),
        ("O7", "N6", "2026-06-01", "P1", 30.0),  # purchase + refund: still one purchase
        ("R7", "N6", "2026-06-03", "P1", -30.0),
        ("O8", "N7", "2026-06-05", "P1", 30.0),  # two lines, one order
        ("O8", "N7", "2026-06-05", "P2", 45.5),
        ("O9", "N8", "2025-01-01", "P1", 30.0),  # an old purchase too: not new
        ("O10", "N8", "2026-06-05", "P1", 30.0),
        ("O11", "N9", "2026-06-02", "P1", 30.0),  # a second purchase after asof is ignored
        ("O12", "N9", "2026-06-20", "P1", 30.0),
    ]
)


def test_new_customer_care_window_edges():
    found = new_customer_care(NEW_ORDERS, ASOF, within_days=15)
    assert sorted(found["customer_id"]) == ["N1", "N3", "N6", "N7", "N9"]
    by_id = found.set_index("customer_id")
    assert by_id.loc["N1", "days_since_purchase"] == 15
    assert by_id.loc["N3", "days_since_purchase"] == 0
    assert by_id.loc["N7", "first_ticket"] == pytest.approx(75.5)
    assert by_id.loc["N7", "order_id"] == "O8"
    assert found.attrs["window_start"] == pd.Timestamp("2026-05-26")
    assert list(found["customer_id"])[0] == "N3"  # most recent first
    assert sorted(new_customer_care(NEW_ORDERS, ASOF, within_days=0)["customer_id"]) == ["N3"]


def test_new_customer_rule_uses_the_same_window():
    features = customer_features(NEW_ORDERS, pd.DataFrame({"customer_id": []}), PRODUCTS, ASOF)
    rules = [
        {"rule": "new", "priority": 1, "condition": {"new_customer_within_days": 15},
         "service": "coupon", "channel": "SMS", "when": "within_3_days"},
        {"rule": "rest", "priority": 2, "condition": {}, "service": "care_greeting",
         "channel": "SMS", "when": "today"},
    ]
    plan = service_plan(features, ASOF, rules)
    chosen = sorted(plan.loc[plan["rule"] == "new", "customer_id"])
    assert chosen == sorted(new_customer_care(NEW_ORDERS, ASOF, 15)["customer_id"])
    described = describe_plan(plan, features, ASOF, rules)
    reason = described.set_index("customer_id").loc["N1", "reason"]
    assert reason == "new: new customer: only purchase 15 days ago (2026-05-26)"


# ---------------------------------------------------------------------------------------------
# the rules and the plan

RULE_FEATURES = pd.DataFrame(
    [
        # id, segment, tier, stage, days_to_birthday, orders, first purchase, channel
        ("K01", "maintain", "gold", "active", 14, 9, "2025-01-01", "WeChat"),
        ("K02", "maintain", "bronze", "active", 15, 9, "2025-01-01", "e-mail"),
        ("K03", "unnamed_recent_small", "iron", "active", 200, 1, "2026-05-26", None),
        ("K04", "unnamed_recent_small", "iron", "active", 200, 1, "2026-05-25", None),
        ("K05", "win_back", "silver", "lost", 100, 6, "2024-07-01", None),
        ("K06", "win_back", "bronze", "sleeping", 100, 6, "2024-07-01", "SMS"),
        ("K07", "develop", "gold", "active", 100, 2, "2025-03-01", "Weibo"),
        ("K08", "develop", "iron", "active", 100, 2, "2025-03-01", None),
        ("K09", "general_important", "iron", "active", 100, 5, "2025-03-01", None),
        ("K10", "no_value", "iron", "lost", 100, 1, "2024-08-01", None),
        ("K11", "ordinary", "iron", "sleeping", 100, 4, "2024-08-01", None),
        ("K12", "important_value", "iron", "active", 100, 8, "2024-08-01", "SMS"),
        ("K13", "no_value", "iron", "lost", 0, 1, "2024-08-01", None),
        ("K14", "no_value", "iron", "active", None, 1, "2024-08-01", None),
    ],
    columns=["customer_id", "segment", "tier", "stage", "days_to_birthday", "orders",
             "first_purchase_date", "preferred_channel"],
).set_index("customer_id")
RULE_FEATURES["days_to_birthday"] = RULE_FEATURES["days_to_birthday"].astype("Int64")
RULE_FEATURES["first_purchase_date"] = pd.to_datetime(RULE_FEATURES["first_purchase_date"])
RULE_FEATURES["name"] = [f"顾客{i}" for i in range(1, 15)]
# Two more customers, kept apart so that the tables above stay as other tests know them:
# K15 is an important customer to maintain past 180 days (a revisit call, not a win-back deal);
# K16 is no-value, yet gold, new and with a birthday (features given by hand): nothing costly.
EXTRA_FEATURES = pd.DataFrame(
    [("K15", "maintain", "silver", "lost", 100, 5, "2025-01-01", None),
     ("K16", "no_value", "gold", "lost", 3, 1, "2026-06-05", "WeChat")],
    columns=["customer_id", "segment", "tier", "stage", "days_to_birthday", "orders",
             "first_purchase_date", "preferred_channel"],
).set_index("customer_id")
EXTRA_FEATURES["days_to_birthday"] = EXTRA_FEATURES["days_to_birthday"].astype("Int64")
EXTRA_FEATURES["first_purchase_date"] = pd.to_datetime(EXTRA_FEATURES["first_purchase_date"])
EXTRA_FEATURES["name"] = ["顾客15", "顾客16"]
ALL_FEATURES = pd.concat([RULE_FEATURES, EXTRA_FEATURES])

# customer -> (main rule, service, also, channel, when_date)
EXPECTED = {
    "K01": ("birthday", "birthday_gift", "trial_sample; priority_service", "WeChat",
            "2026-06-24"),
    "K02": ("maintain_group", "priority_service", "", "e-mail", None),
    "K03": ("new_customer", "coupon", "", "SMS", "2026-06-13"),
    "K04": ("everyone_else", "care_greeting", "", "SMS", "2026-06-18"),
    "K05": ("key_customer_lost", "win_back_offer", "revisit_call", "phone", "2026-06-13"),
    "K06": ("win_back_group", "revisit_call", "", "SMS", "2026-06-17"),
    "K07": ("gold_tier", "trial_sample", "new_product_notice", "Weibo", "2026-07-01"),
    "K08": ("develop_group", "new_product_notice", "", "WeChat", "2026-07-01"),
    "K09": ("raise_ticket_group", "coupon", "", "SMS", "2026-06-18"),
    "K10": ("everyone_else", "care_greeting", "", "SMS", "2026-06-18"),
    "K11": ("everyone_else", "care_greeting", "", "SMS", "2026-06-18"),
    "K12": ("maintain_group", "priority_service", "", "SMS", None),
    "K13": ("no_value_birthday", "care_greeting", "", "SMS", "2026-06-10"),
    "K14": ("everyone_else", "care_greeting", "", "SMS", "2026-06-18"),
    "K15": ("maintain_drifting", "revisit_call", "priority_service", "phone", "2026-06-17"),
    "K16": ("no_value_birthday", "care_greeting", "", "WeChat", "2026-06-13"),
}


def _costly_services(plan: pd.DataFrame) -> pd.Series:
    """Per plan row, the costly services among its main service and its "also" services."""
    costly = {code for code, cost in service.SERVICE_COST.items() if cost == "costly"}
    return (plan["service"] + "; " + plan["also"]).map(
        lambda text: sorted(costly & set(text.split("; "))))


def test_every_service_has_a_cost():
    assert set(service.SERVICE_COST) == set(service.SERVICES)
    assert set(service.SERVICE_COST.values()) == {"low", "costly"}
    assert service.SERVICE_COST["care_greeting"] == "low"
    assert service.SERVICE_COST["win_back_offer"] == "costly"


def test_no_value_customers_get_nothing_costly_by_hand():
    # issue 11: the lesson says the firm need not keep up the relationship with 无价值客户
    plan = service_plan(ALL_FEATURES, ASOF).set_index("customer_id")
    no_value = ALL_FEATURES.index[ALL_FEATURES["segment"] == "no_value"]
    assert list(no_value) == ["K10", "K13", "K14", "K16"]
    assert _costly_services(plan.loc[no_value]).map(len).eq(0).all()
    # the same features with another segment do get costly services (the test can fail)
    valued = ALL_FEATURES.loc[["K16"]].assign(segment="develop")
    assert service_plan(valued, ASOF)["service"].iloc[0] == "birthday_gift"


def test_important_customers_to_maintain_are_not_treated_as_lost():
    # issue 11: R's mean cut (about 280 days on the course data) and the lost stage (over 180
    # days) meet between 181 and 280 days; the plan calls such customers (客户回访), it never
    # gives them a win-back offer
    plan = service_plan(ALL_FEATURES, ASOF).set_index("customer_id")
    assert plan.loc["K15", "service"] == "revisit_call"
    assert "win_back_offer" not in plan.loc["K15", "also"]


def test_default_rules_give_each_customer_the_expected_service():
    plan = service_plan(ALL_FEATURES, ASOF, next_launch="2026-07-01")
    assert list(plan["customer_id"]) == list(ALL_FEATURES.index)
    for _, row in plan.iterrows():
        rule, service_code, also, channel, when = EXPECTED[row["customer_id"]]
        assert (row["rule"], row["service"], row["also"], row["channel"]) == (
            rule, service_code, also, channel), row["customer_id"]
        expected_date = pd.NaT if when is None else pd.Timestamp(when)
        assert (pd.isna(row["when_date"]) and pd.isna(expected_date)) or (
            row["when_date"] == expected_date), row["customer_id"]


def describe(features, rules=DEFAULT_RULES, **options):
    plan = service_plan(features, ASOF, rules, **options)
    return describe_plan(plan, features, ASOF, rules).set_index("customer_id")


def test_plan_reasons_and_texts():
    plan = describe(RULE_FEATURES)
    assert plan.loc["K01", "reason"] == (
        "birthday: birthday in 14 days (2026-06-24); customer type: important: maintain")
    assert plan.loc["K01", "when"] == "on the birthday (2026-06-24)"
    assert plan.loc["K13", "reason"] == "no-value birthday: birthday today; customer type: no value"
    assert plan.loc["K05", "reason"] == (
        "key customer lost: tier: silver; stage: lost; customer type: important: win back")
    assert plan.loc["K05", "matched_rules"] == "key_customer_lost, win_back_group, lost_customer"
    assert plan.loc["K04", "reason"] == "everyone else: no other rule applies"
    assert plan.loc["K04", "matched_rules"] == "everyone_else"
    assert plan.loc["K09", "when"] == "618 shopping festival (2026-06-18)"
    assert plan.loc["K08", "when"] == "before the next launch"  # no launch date given
    assert plan.loc["K03", "when"] == "within 3 days (by 2026-06-13)"
    assert plan.loc["K01", "features"] == "important: maintain · gold · active · WeChat"
    assert plan.loc["K05", "channel_name"] == "phone"
    assert plan.loc["K01", "also"] == "trial sample; priority service"
    assert plan.loc["K12", "when"] == "ongoing"
    assert describe(RULE_FEATURES, next_launch="2026-07-01").loc["K08", "when"] == (
        "before the launch on 2026-07-01")
    rfmkit.use_language("zh")
    plan_zh = describe(RULE_FEATURES)
    assert plan_zh.loc["K01", "service_name"] == "生日小礼物"
    assert plan_zh.loc["K01", "also"] == "新品试用装; 优先服务"
    assert plan_zh.loc["K01", "reason"] == (
        "生日: 14天后生日 (2026-06-24); 客户类型: 重要维护客户")  # the rule by its name too
    assert plan_zh.loc["K05", "channel_name"] == "电话"
    headers = rfmkit.localise(plan_zh.reset_index()).columns
    assert {"客户ID", "客户特征", "个性化服务"} <= set(headers)


def test_plan_needs_asof_and_ignores_attrs():
    features = RULE_FEATURES.copy()
    with pytest.raises(TypeError, match="asof"):
        service_plan(features)
    with pytest.raises(ValueError, match="asof"):
        service_plan(features, None)
    plan = service_plan(features, ASOF)
    features.attrs["asof"] = pd.Timestamp("2020-01-01")
    pd.testing.assert_frame_equal(service_plan(features, ASOF), plan)
    assert plan.attrs == {}


def test_computation_is_the_same_in_both_languages():
    results = []
    for language in ("en", "zh"):
        rfmkit.use_language(language)
        results.append((service_plan(RULE_FEATURES, ASOF), complaint_steps(),
                        holiday_greetings(ASOF, 30), load_rules(),
                        customer_features(FEATURE_ORDERS, FEATURE_MEMBERS, PRODUCTS, ASOF)))
    for en, zh in zip(*results, strict=True):
        pd.testing.assert_frame_equal(en, zh)


def test_plan_does_not_mutate_inputs():
    features = RULE_FEATURES.copy()
    rules = copy.deepcopy(list(DEFAULT_RULES))
    plan = service_plan(features, ASOF, rules)
    describe_plan(plan, features, ASOF, rules)
    pd.testing.assert_frame_equal(features, RULE_FEATURES)
    assert rules == list(DEFAULT_RULES)


def test_plan_rejects_duplicate_customers_and_missing_columns():
    with pytest.raises(ValueError, match="more than once"):
        service_plan(pd.concat([RULE_FEATURES, RULE_FEATURES.iloc[[0]]]), ASOF)
    with pytest.raises(ValueError, match="tier"):
        service_plan(RULE_FEATURES.drop(columns="tier"), ASOF)


def test_priority_decides_the_main_service():
    rules = [
        {"rule": "later", "priority": 20, "condition": {"tier": ["gold"]},
         "service": "trial_sample", "channel": "WeChat", "when": "today"},
        {"rule": "first", "priority": 10, "condition": {"segment": ["maintain"]},
         "service": "priority_service", "channel": "WeChat", "when": "ongoing"},
        {"rule": "rest", "priority": 99, "condition": {}, "service": "care_greeting",
         "channel": "SMS", "when": "today"},
    ]
    plan = service_plan(RULE_FEATURES, ASOF, rules).set_index("customer_id")
    assert plan.loc["K01", "rule"] == "first" and plan.loc["K01", "also"] == "trial_sample"
    assert describe(RULE_FEATURES, rules).loc["K01", "also"] == "trial sample"
    assert plan.loc["K07", "rule"] == "later"
    assert list(load_rules(rules)["rule"]) == ["first", "later", "rest"]


def test_more_condition_keys():
    features = RULE_FEATURES.assign(
        age_band=["26-35"] * 7 + ["18-25"] * 7,
        favourite_category=["snacks"] * 14,
    )
    rules = [
        {"rule": "young", "priority": 1, "condition": {"age_band": ["18-25"], "min_orders": 2,
                                                        "max_orders": 5},
         "service": "coupon", "channel": "SMS", "when": "within_7_days"},
        {"rule": "snack_fans", "priority": 2, "condition": {"favourite_category": ["snacks"],
                                                             "preferred_channel": ["WeChat"]},
         "service": "new_product_notice", "channel": "WeChat", "when": "before_next_launch"},
        {"rule": "rest", "priority": 3, "condition": {}, "service": "care_greeting",
         "channel": "SMS", "when": "today"},
    ]
    plan = service_plan(features, ASOF, rules).set_index("customer_id")
    young = sorted(plan.index[plan["rule"] == "young"])
    assert young == ["K08", "K09", "K11"]  # 18-25 with 2..5 orders (K12 has 8)
    assert list(plan.index[plan["rule"] == "snack_fans"]) == ["K01"]


def test_a_new_condition_key_is_one_registry_entry(monkeypatch):
    monkeypatch.setitem(CONDITIONS, "min_spend", bound("min_spend", "monetary", at_least=True))
    monkeypatch.setitem(rfmkit.labels.LABELS, "condition.min_spend",
                        ("消费至少{n}元", "spent at least {n} yuan"))
    monkeypatch.setitem(rfmkit.labels.LABELS, "reason.monetary", ("消费{n}元", "spent {n} yuan"))
    rules = [
        {"rule": "big", "priority": 1, "condition": {"min_spend": 500, "tier": ["iron"]},
         "service": "coupon", "channel": "SMS", "when": "today"},
        {"rule": "rest", "priority": 2, "condition": {}, "service": "care_greeting",
         "channel": "SMS", "when": "today"},
    ]
    features = RULE_FEATURES.assign(monetary=[100 * i for i in range(1, 15)])
    plan = service_plan(features, ASOF, rules).set_index("customer_id")
    # iron customers K03, K04 and K08..K14 spent 300, 400, 800, ..., 1400 yuan: from 500 up
    assert sorted(plan.index[plan["rule"] == "big"]) == [f"K{i:02d}" for i in range(8, 15)]
    described = describe(features, rules)
    assert described.loc["K08", "reason"] == "big: spent 800 yuan; tier: iron"
    assert rules_table(rules).loc[0, "condition"] == "spent at least 500 yuan and tier: iron"
    with pytest.raises(ValueError, match="monetary"):
        service_plan(RULE_FEATURES, ASOF, rules)
    with pytest.raises(ValueError, match="whole"):
        load_rules([{**rules[0], "condition": {"min_spend": 0.5}}, rules[1]])


@pytest.mark.parametrize(
    "bad_rule, message",
    [
        ({"condition": {"segmnet": ["maintain"]}}, "unknown condition keys"),
        ({"condition": {"segment": "maintain"}}, "list"),
        ({"condition": {"segment": []}}, "empty"),
        ({"condition": {"birthday_within_days": -1}}, "0 or more"),
        ({"condition": {"birthday_within_days": 1.5}}, "whole"),
        ({"service": "massage"}, "unknown service"),
        ({"channel": "pigeon"}, "unknown channel"),
        ({"when": "someday"}, "when"),
        ({"colour": "red"}, "unknown fields"),
        ({"priority": "high"}, "priority"),
    ],
)
def test_rule_validation(bad_rule, message):
    rule = {"rule": "bad", "priority": 1, "condition": {"tier": ["gold"]},
            "service": "coupon", "channel": "SMS", "when": "today", **bad_rule}
    rules = [rule, {"rule": "rest", "priority": 2, "condition": {},
                    "service": "care_greeting", "channel": "SMS", "when": "today"}]
    with pytest.raises(ValueError, match=message):
        load_rules(rules)


def test_rules_need_a_catch_all_and_unique_codes():
    only = [{"rule": "gold", "priority": 1, "condition": {"tier": ["gold"]},
             "service": "coupon", "channel": "SMS", "when": "today"}]
    with pytest.raises(ValueError, match="catch-all"):
        load_rules(only)
    with pytest.raises(ValueError, match="unique"):
        load_rules(only + only + [{"rule": "rest", "priority": 2, "condition": {},
                                   "service": "coupon", "channel": "SMS", "when": "today"}])
    with pytest.raises(ValueError, match="empty"):
        load_rules([])


def test_custom_service_with_names_and_dataframe_rules():
    rules = pd.DataFrame([
        {"rule": "tea", "priority": 1, "condition": {"tier": ["gold"]}, "service": "tea_party",
         "service_zh": "茶话会", "service_en": "tea party", "channel": "phone",
         "when": "within_10_days"},
        {"rule": "rest", "priority": 2, "condition": {}, "service": "care_greeting",
         "service_zh": None, "service_en": None, "channel": "SMS", "when": "today"},
    ])
    plan = describe(RULE_FEATURES, rules)
    assert plan.loc["K01", "service"] == "tea_party"
    assert plan.loc["K01", "service_name"] == "tea party"
    assert plan.loc["K01", "when_date"] == pd.Timestamp("2026-06-20")
    assert plan.loc["K02", "service_name"] == "care greeting"


def test_rules_table_lists_every_default_rule():
    table = rules_table()
    assert len(table) == len(DEFAULT_RULES)
    assert table["priority"].is_monotonic_increasing
    assert table.iloc[-1]["condition"] == "everyone else"
    # every lesson type but no_value: written as "all but"
    assert table.iloc[0]["condition"] == (
        "birthday within 14 days and customer type: all but no value")
    assert table.iloc[1]["condition"] == "birthday within 14 days and customer type: no value"
    assert table.iloc[0]["when"] == "on the birthday"
    assert table.iloc[3]["condition"] == "customer type: important: maintain and stage: lost"
    assert table.iloc[2]["service_name"] == "coupon" and table.iloc[2]["when"] == "within 3 days"
    rfmkit.use_language("zh")
    assert rules_table().iloc[3]["condition"] == "客户类型: 重要维护客户 且 阶段: 流失"
    assert rules_table().iloc[0]["condition"] == "14天内生日 且 客户类型: 除无价值客户以外"


def test_rules_table_names_customer_types_in_one_scheme():
    # win_back_group lists win_back, important_keep, important_winback, unnamed_lapsed_big:
    # the lesson's names leave out the two classic8 codes, scheme=None shows all four
    lesson = rules_table().set_index("rule")["condition"]
    assert lesson["win_back_group"] == (
        "customer type: important: win back / not named by the lesson (R↑F↓M↑)")
    assert lesson["maintain_group"] == "customer type: important: maintain"  # not important value
    assert lesson["develop_group"] == "customer type: important: develop"
    assert lesson["raise_ticket_group"] == "customer type: generally important"
    # key_customer_lost: every lesson type but maintain and no_value (6 of 8 shown, 2 left)
    assert lesson["key_customer_lost"] == ("tier: gold / silver and stage: lost and customer "
                                           "type: all but important: maintain / no value")
    every = rules_table(scheme=None).set_index("rule")["condition"]
    assert every["win_back_group"] == (
        "customer type: important: win back / important keep / important win-back / "
        "not named by the lesson (R↑F↓M↑)")
    classic8 = rules_table(scheme="classic8").set_index("rule")["condition"]
    assert classic8["maintain_group"] == "customer type: important value"
    # a rule with lesson codes only is shown as it is in the classic8 view
    assert classic8["maintain_drifting"] == "customer type: important: maintain and stage: lost"


# every customer exactly once, whatever the features


@st.composite
def random_features(draw):
    n = draw(st.integers(min_value=0, max_value=25))
    ids = draw(st.lists(st.text(alphabet="ABC0123456789", min_size=1, max_size=5),
                        min_size=n, max_size=n, unique=True))
    segments = list(rfmkit.SCHEMES["lesson"]["code"]) + list(rfmkit.SCHEMES["classic8"]["code"])
    maybe = lambda values: st.one_of(st.none(), st.sampled_from(values))  # noqa: E731
    rows = []
    for _ in ids:
        rows.append(
            {
                "segment": draw(maybe(segments)),
                "tier": draw(maybe(["gold", "silver", "bronze", "iron"])),
                "stage": draw(maybe(["active", "sleeping", "lost"])),
                "days_to_birthday": draw(st.one_of(st.none(), st.integers(0, 365))),
                "orders": draw(st.integers(0, 6)),
                "first_purchase_date": ASOF - pd.Timedelta(days=draw(st.integers(0, 60))),
                "preferred_channel": draw(maybe(["WeChat", "SMS", "e-mail", "Weibo"])),
            }
        )
    frame = pd.DataFrame(rows, index=pd.Index(ids, name="customer_id"),
                         columns=["segment", "tier", "stage", "days_to_birthday", "orders",
                                  "first_purchase_date", "preferred_channel"])
    frame["days_to_birthday"] = frame["days_to_birthday"].astype("Int64")
    frame["first_purchase_date"] = pd.to_datetime(frame["first_purchase_date"])
    return frame


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(features=random_features(), drop=st.sets(st.integers(0, len(DEFAULT_RULES) - 2)))
def test_every_customer_exactly_once(features, drop):
    rules = [r for i, r in enumerate(DEFAULT_RULES) if i not in drop]
    plan = service_plan(features, ASOF, rules)
    assert list(plan["customer_id"]) == list(features.index)
    assert plan["customer_id"].is_unique
    assert plan["service"].notna().all() and (plan["service"] != "").all()
    order = {r["rule"]: i for i, r in enumerate(load_rules(rules).to_dict("records"))}
    for main, matched in zip(plan["rule"], plan["matched_rules"], strict=True):
        codes = matched.split(", ")
        assert codes[0] == main  # the main rule is the first that matched
        assert [order[c] for c in codes] == sorted(order[c] for c in codes)


# ---------------------------------------------------------------------------------------------
# complaints


def test_complaint_steps_worked_case():
    steps = complaint_steps()
    assert list(steps["code"]) == ["register", "analyse", "solve", "carry_out", "report_back"]
    assert list(steps["status"]) == ["done", "done", "done", "in_progress", "pending"]
    assert steps.loc[0, "date"] == pd.Timestamp("2026-06-02")
    assert steps.loc[2, "date"] == pd.Timestamp("2026-06-03")
    assert pd.isna(steps.loc[3, "date"])
    assert steps.attrs["case_id"] == "K2026-001"
    assert list(steps["owner"]) == ["service_agent", "service_supervisor", "service_supervisor",
                                    "department", "service_agent"]
    assert with_names(steps).loc[3, "status_name"] == "in progress"
    rfmkit.use_language("zh")
    zh = with_names(complaint_steps())
    assert list(zh["step_name"]) == ["登记投诉", "分析原因", "确定解决方案", "执行方案", "反馈客户"]
    assert zh.loc[0, "note"] == "零食礼盒运输途中压坏, 客户要求换货"
    assert zh.loc[3, "status_name"] == "进行中"


def test_advance_complaint_returns_new_tables():
    steps = complaint_steps()
    before = steps.copy()
    carried = advance_complaint(steps, "2026-06-05", note="new box sent", owner="warehouse")
    pd.testing.assert_frame_equal(steps, before)  # not mutated
    assert list(carried["status"]) == ["done"] * 4 + ["in_progress"]
    assert carried.loc[3, "owner"] == "warehouse"
    finished = advance_complaint(carried, "2026-06-06", note="customer happy")
    assert (finished["status"] == "done").all()
    with pytest.raises(ValueError, match="all five"):
        advance_complaint(finished, "2026-06-07")
    with pytest.raises(ValueError, match="before"):
        advance_complaint(steps, "2026-06-01")


def test_complaint_steps_new_case():
    steps = complaint_steps({"case_id": "K9", "customer_id": "C1", "opened": "2026-06-10",
                             "summary": "late delivery"})
    assert list(steps["status"]) == ["done", "in_progress", "pending", "pending", "pending"]
    assert steps.loc[0, "note"] == "late delivery"
    assert with_names(steps).loc[1, "owner"] == "service supervisor"
    with pytest.raises(ValueError, match="opened"):
        complaint_steps({"case_id": "K9", "customer_id": "C1"})


# ---------------------------------------------------------------------------------------------
# messages


def test_message_preview_both_languages():
    plan = describe(RULE_FEATURES.assign(name=["王小明"] + [None] * 13))
    first = plan.reset_index().iloc[0]
    assert message_preview(first) == (
        "Dear 王小明, happy birthday! We have a small birthday gift for you."
    )
    assert message_preview(first) == message_preview(first)  # deterministic
    rfmkit.use_language("zh")
    assert message_preview(first).startswith("亲爱的王小明, 生日快乐!")
    coupon = describe(RULE_FEATURES).reset_index().iloc[2]
    assert message_preview(coupon.drop("name")) == (
        "亲爱的客户, 送您一张专属优惠券, 使用时间: 3天内 (2026-06-13前)。欢迎再次光临!"
    )


def test_message_preview_custom_template():
    row = {"name": "李华", "service": "coupon", "service_name": "coupon", "when": "today"}
    assert message_preview(row, "Hi {name}: {service_name}, {when}") == "Hi 李华: coupon, today"
    rfmkit.use_language("zh")
    assert message_preview(row, ("你好{name}", "Hi {name}")) == "你好李华"
    with pytest.raises(ValueError, match=r"无法识别的字段 \['phone'\]"):  # errors speak zh too
        message_preview(row, "Hi {phone}")


# ---------------------------------------------------------------------------------------------
# plan summary


def test_plan_summary_and_comparison():
    plan = service_plan(RULE_FEATURES, ASOF)
    summary = plan_summary(plan)
    assert summary["customers"].sum() == len(plan) == 14
    counts = dict(zip(summary["service"], summary["customers"], strict=True))
    expected = pd.Series([EXPECTED[c][1] for c in RULE_FEATURES.index]).value_counts().to_dict()
    assert counts == expected
    assert list(summary["customers"]) == sorted(summary["customers"], reverse=True)
    assert summary["customer_share"].sum() == pytest.approx(100, abs=0.3)
    rules = [dict(rule) for rule in DEFAULT_RULES if rule["rule"] != "birthday"]
    without_birthdays = service_plan(RULE_FEATURES, ASOF, rules)
    both = plan_summary(plan, without_birthdays)
    gift = both[both["service"] == "birthday_gift"].iloc[0]
    assert (gift["customers"], gift["customers_new"], gift["change"]) == (1, 0, -1)
    assert both["change"].sum() == 0
    assert both["customers_new"].sum() == 14


# ---------------------------------------------------------------------------------------------
# the bundled data


def test_bundled_data_plan_covers_every_customer():
    data = pytest.importorskip("rfmkit.data")
    orders = data.load_orders()
    features = customer_features(orders, data.load_members(), data.load_products(),
                                 data.COURSE_ASOF)
    plan = service_plan(features, data.COURSE_ASOF)
    assert len(plan) == len(features) == len(rfmkit.rfm_table(orders, data.COURSE_ASOF))
    assert plan["customer_id"].is_unique
    assert set(plan["service"]) <= set(service.SERVICES)
    # the lesson's rules hold on the course data: no-value customers get nothing costly, and no
    # important customer to maintain gets a win-back offer (issue 11)
    plan = plan.set_index("customer_id")
    no_value = features.index[features["segment"] == "no_value"]
    assert len(no_value) > 1000
    assert _costly_services(plan.loc[no_value]).map(len).eq(0).all()
    maintain = features.index[features["segment"] == "maintain"]
    lost = features.index[(features["segment"] == "maintain") & (features["stage"] == "lost")]
    assert len(lost) > 50
    assert not (plan.loc[maintain, "service"] + plan.loc[maintain, "also"]).str.contains(
        "win_back_offer").any()
    assert (plan.loc[lost, "rule"].isin(["birthday", "maintain_drifting"])).all()


# ---------------------------------------------------------------------------------------------
# the purchase rule (rfmkit.orders): whole fen, dated by the first line, net > 0

TRICKY_ORDERS = orders_frame(
    [
        ("O1", "T1", "2026-06-01", "P1", 0.10),  # 0.10 + 0.20 - 0.30 = 0: no purchase
        ("O1", "T1", "2026-06-01", "P1", 0.20),
        ("O1", "T1", "2026-06-01", "P1", -0.30),
        ("O2", "T1", "2026-06-05", "P1", 50.0),
        ("O3", "T2", "2026-06-02", "P1", 30.0),  # refunded in full by a later line
        ("O3", "T2", "2026-06-08", "P1", -30.0),
        ("O4", "T3", "2026-05-30", "P1", 20.0),  # a later partial refund keeps the date
        ("O4", "T3", "2026-06-09", "P1", -5.0),
    ]
)


def test_service_counts_purchases_by_the_one_rule():
    features = customer_features(TRICKY_ORDERS, pd.DataFrame({"customer_id": []}), PRODUCTS,
                                 ASOF)
    assert list(features["orders"]) == [1, 0, 1]
    assert features.loc["T1", "first_purchase_date"] == pd.Timestamp("2026-06-05")
    assert pd.isna(features.loc["T2", "first_purchase_date"])
    assert features.loc["T3", "last_purchase_date"] == pd.Timestamp("2026-05-30")
    care = new_customer_care(TRICKY_ORDERS, ASOF, 15)
    assert list(care["customer_id"]) == ["T1", "T3"]
    assert list(care["days_since_purchase"]) == [5, 11]
    assert care.loc[1, "first_ticket"] == 15.0
    counts = rfmkit.metrics.retention_counts(TRICKY_ORDERS, "2026-06-01", ASOF).iloc[0]
    assert (counts["start_customers"], counts["kept_customers"], counts["new_customers"],
            counts["end_customers"]) == (1, 0, 1, 1)
