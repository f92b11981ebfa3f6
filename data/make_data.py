"""Generate the bundled course data of rfmkit (seeded, deterministic, no clock).

Usage::

    python data/make_data.py [OUTDIR]          # default: the folder this script lives in (data/)
    python data/make_data.py --shop2 [OUTDIR]  # only shop2_orders.csv, the capstone's 2nd shop

Everything the course notebooks analyse is made here, from one fixed seed, so that every student
sees the same numbers and the committed CSVs can be checked against a fresh run byte for byte.
The script never reads the clock: the course "as of" date is the constant ``COURSE_ASOF``
(2026-06-10, the week before the 618 festival in the lesson's opening scene).

Files written (UTF-8 without BOM, ``\\n`` line ends, money with exactly two decimals):

``products.csv``
    60 products of one fictional online shop, 8 categories, hand-written names (English and
    Chinese) and realistic prices per category. Fixed table, no randomness.

``orders.csv``
    One row per order LINE, 2024-06-11 .. 2026-06-10: about 3,000 customers simulated one by one.
    Each customer has a lognormal purchase rate and a lognormal basket size (so spend is
    heavy-tailed), personal category tastes, and a chance to stop buying after every purchase
    that shrinks as they buy more (loyalty grows), plus a small chance of quitting for outside
    reasons at any time. So many customers buy once, some go quiet months before the as-of date,
    and "the more purchases, the smaller the lost share" emerges rather than being forced. A
    small cohort joins in the last 15 days with one order (the new-customer care list). Orders
    follow the shop's seasons (618, Double 11, a Spring Festival dip). About 1 % of rows are
    refunds: their own order id (``R`` + date + sequence), 1-20 days after the purchase, positive
    quantity and NEGATIVE amount = minus the refunded line. Money is computed in integer cents.

``members.csv``
    The membership-form fields that make sense online (LESSON.md section 5), one row per
    customer in the orders: fictional Chinese names, gender, birthday consistent with the age
    band at the as-of date (bands 18-25 .. 56-65 and "65+" = 66 or older; nobody is exactly 65,
    so both readings of the overlapping band edge agree), occupation, income band, city, phone
    (11 digits, text), e-mail (@example.com), WeChat id or blank, preferred channel (about 10 %
    blank = unknown) and join date (first order date or earlier).

``questionnaire.csv``
    400 raw survey answers with the lesson's Chinese headers, typed the way people type (several
    date, count and money formats), roughly consistent with each customer's real orders.
    Exactly 20 responses are messy ON PURPOSE, one bad cell each (``MESSY_RESPONSES``):

    ========  ================  ==================  ===========================================
    id        column            value               why it must be rejected
    ========  ================  ==================  ===========================================
    Q0013     最近一次购买日期  (blank)             no answer
    Q0027     最近一次购买日期  不记得              "don't remember" is not a date
    Q0041     平均每季度购买次数  abc               not a number
    Q0058     平均每季度购买次数  -2                negative count
    Q0076     平均每季度消费金额  -300              negative money
    Q0089     满意度            6                   outside the 1-5 scale
    Q0104     满意度            很好                words, not a 1-5 score
    Q0122     推荐意愿          11                  outside the 0-10 scale
    Q0137     最近一次购买日期  2026-02-30          impossible date
    Q0151     最近一次购买日期  2026-07-01          AFTER the as-of date (parses; rejected by
                                                    ``rfm_from_questionnaire``)
    Q0168     最近一次购买日期  2062-05-01          typo year, AFTER the as-of date (parses;
                                                    rejected by ``rfm_from_questionnaire``)
    Q0183     平均每季度消费金额  (blank)           no answer
    Q0199     平均每季度购买次数  (blank)           no answer
    Q0214     平均每季度消费金额  不记得            "don't remember" is not an amount
    Q0246     最近一次购买日期  2026/13/05          impossible date (month 13)
    Q0263     推荐意愿          -1                  outside the 0-10 scale
    Q0281     最近一次购买日期  2026年6月25日       AFTER the as-of date (parses; rejected by
                                                    ``rfm_from_questionnaire``)
    Q0297     最近一次购买日期  2026-06-31          impossible date (June has 30 days)
    Q0315     平均每季度消费金额  abc               not a number
    Q0349     平均每季度购买次数  两次              words, not a number
    ========  ================  ==================  ===========================================

    So a reader rejects 17 rows, and ``rfm_from_questionnaire`` drops 3 more (Q0151, Q0168,
    Q0281): 380 usable answers. All other answers are valid: dates on or before the as-of date,
    counts >= 1, money > 0, satisfaction 1-5 (mostly 4-5), recommend 0-10 (NPS about +30).

``samsclub_members.csv``
    The Sam's Club case (LESSON.md section 5): 11,550 members whose last-month spend, sorted
    largest first and cut into 10 groups of 1,155, has group averages of EXACTLY 8000, 6000,
    5200, 4100, 2570, 2100, 1600, 1100, 600 and 100 yuan (total 36,232,350.00). Each group is
    drawn in integer cents from its own range (the ranges do not overlap, so no value ties across
    a group boundary) and then nudged inside that range until its sum is exact. Profiles follow
    the case: group 8 is mostly single, about 40 % students, heavy WeChat users; the top groups
    are older and richer. Rows are shuffled before ids S00001.. are given.

``samsclub_campaign.csv``
    Group 8 only (ranks 8086-9240): weekly visits and monthly sales the month before round 1
    (``sales_before`` == ``last_month_spend``), the month after round 1 (WeChat push, samples,
    cinema ticket) and the round-2 month (SMS + phone ordering for A4). Students and WeChat users
    respond more, so all of A1..A4 occur; A4 (about a third of the group) is mostly non-students
    and half of it does not use WeChat (against under a fifth in the whole group). A4's round-2
    growth falls in all four bands A41..A44. "Target met" means growth >= +50 % visits (e.g. 2 ->
    3) and >= +40 % ticket; tickets and round-2 growth are kept at least 1.5 points clear of
    their thresholds (40 %; 10/20/30 %), so rounding to cents never moves a member across one.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20260618
"""The one seed every random draw derives from (``numpy.random.default_rng(SEED)``)."""

COURSE_ASOF = np.datetime64("2026-06-10", "D")
"""The course "as of" date: the last day of data, just before the 618 festival."""

START = np.datetime64("2024-06-11", "D")
"""First day of the order history (two full years up to and including ``COURSE_ASOF``)."""

N_DAYS = int((COURSE_ASOF - START).astype(int)) + 1  # 730
N_CUSTOMERS = 3000
N_RESPONSES = 400

AGE_BANDS = ["18-25", "26-35", "36-45", "46-55", "56-65", "65+"]
# Ages drawn for each band (inclusive). 65 itself is never drawn: see the module docstring.
AGE_RANGES = [(18, 25), (26, 35), (36, 45), (46, 55), (56, 64), (66, 80)]
OCCUPATIONS = [
    "trade", "marketing", "advertising", "business services", "finance", "technical", "medical",
    "real estate", "transport", "teacher", "military", "freelance", "student", "other",
]  # fmt: skip
INCOME_BANDS = ["<3000", "3001-6000", "6001-9000", "9001+"]
CHANNELS = ["WeChat", "SMS", "e-mail", "Weibo"]

# ---------------------------------------------------------------------------------------------
# products
# ---------------------------------------------------------------------------------------------
# (name, name_zh, price in cents); grouped by category.
PRODUCTS: dict[str, list[tuple[str, str, int]]] = {
    "personal care": [
        ("Shampoo 500ml", "洗发水 500ml", 3990),
        ("Conditioner 500ml", "护发素 500ml", 4290),
        ("Body Wash 750ml", "沐浴露 750ml", 4590),
        ("Toothpaste 3-Pack", "牙膏三支装", 2990),
        ("Toothbrush Heads 4-Pack", "电动牙刷刷头4支装", 8900),
        ("Hand Cream", "护手霜", 2590),
        ("Facial Tissues 18-Pack", "抽纸18包", 4990),
        ("Mouthwash 500ml", "漱口水 500ml", 3290),
        ("Razor Blades 5-Pack", "剃须刀片5片装", 6900),
    ],
    "snacks": [
        ("Daily Nuts 15-Pack", "每日坚果15袋", 6990),
        ("Beef Jerky", "牛肉干", 3990),
        ("Potato Chips", "薯片", 990),
        ("Dried Mango", "芒果干", 1990),
        ("Seaweed Snacks", "海苔脆片", 1590),
        ("Dark Chocolate", "黑巧克力", 2990),
        ("Self-Heating Hotpot", "自热火锅", 2590),
        ("Sunflower Seeds", "香瓜子", 1290),
        ("Oat Biscuits", "燕麦饼干", 1890),
        ("Coffee Beans 500g", "咖啡豆 500g", 8900),
    ],
    "beauty": [
        ("Lipstick", "口红", 19900),
        ("Face Serum", "精华液", 32900),
        ("Sheet Masks 10-Pack", "面膜10片装", 8900),
        ("Sunscreen SPF50", "防晒霜 SPF50", 12900),
        ("Cleansing Foam", "洁面乳", 6900),
        ("Moisturising Cream", "保湿面霜", 25900),
        ("Eyeshadow Palette", "眼影盘", 15900),
        ("Makeup Remover", "卸妆水", 7900),
    ],
    "home": [
        ("Storage Box Set", "收纳箱套装", 6900),
        ("Bath Towel", "浴巾", 5900),
        ("Bedding Set", "床上四件套", 29900),
        ("Non-Stick Pan", "不粘锅", 15900),
        ("Vacuum Flask", "保温杯", 9900),
        ("Scented Candle", "香薰蜡烛", 4900),
        ("Laundry Detergent 3kg", "洗衣液 3kg", 4590),
        ("Kitchen Knife Set", "厨房刀具套装", 19900),
    ],
    "apparel": [
        ("Cotton T-Shirt", "纯棉T恤", 7900),
        ("Jeans", "牛仔裤", 19900),
        ("Hoodie", "连帽卫衣", 16900),
        ("Socks 5 Pairs", "袜子5双装", 3990),
        ("Down Jacket", "羽绒服", 59900),
        ("Sun Hat", "遮阳帽", 5900),
        ("Silk Scarf", "真丝丝巾", 12900),
    ],
    "digital": [
        ("Wireless Earbuds", "无线耳机", 39900),
        ("Power Bank 20000mAh", "充电宝 20000mAh", 19900),
        ("Smart Watch", "智能手表", 129900),
        ("Bluetooth Speaker", "蓝牙音箱", 29900),
        ("Tablet 11-inch", "11英寸平板电脑", 299900),
        ("Mechanical Keyboard", "机械键盘", 45900),
    ],
    "baby": [
        ("Diapers Size L 80", "纸尿裤L码80片", 13900),
        ("Baby Wipes 12-Pack", "婴儿湿巾12包", 5990),
        ("Infant Formula 800g", "婴儿奶粉 800g", 26800),
        ("Baby Bottle", "婴儿奶瓶", 8900),
        ("Baby Lotion", "婴儿润肤乳", 6900),
        ("Teether Toy", "牙胶玩具", 3900),
    ],
    "sports": [
        ("Yoga Mat", "瑜伽垫", 9900),
        ("Running Shoes", "跑步鞋", 45900),
        ("Skipping Rope", "跳绳", 2990),
        ("Dumbbells 2x5kg", "哑铃 2x5kg", 15900),
        ("Sports Bottle", "运动水壶", 4900),
        ("Resistance Band Set", "弹力带套装", 5900),
    ],
}
CATEGORIES = list(PRODUCTS)
# How often each category turns up in the shop's baskets (before personal taste).
CATEGORY_WEIGHT = {
    "personal care": 0.24, "snacks": 0.26, "beauty": 0.11, "home": 0.12,
    "apparel": 0.09, "digital": 0.04, "baby": 0.07, "sports": 0.07,
}  # fmt: skip


def cents_to_text(cents) -> list[str]:
    """Format integer cents as yuan with exactly two decimals (``-1990`` -> ``"-19.90"``)."""
    out = []
    for c in np.asarray(cents, dtype=np.int64).tolist():
        sign = "-" if c < 0 else ""
        c = abs(c)
        out.append(f"{sign}{c // 100}.{c % 100:02d}")
    return out


def day_text(days) -> list[str]:
    """Day numbers (0 = ``START``) as ``YYYY-MM-DD`` strings."""
    return list(np.datetime_as_string(START + np.asarray(days, dtype="timedelta64[D]")))


def make_products() -> pd.DataFrame:
    """The product table: fixed, hand-written; ids P001.. in category order."""
    rows = []
    for cat, items in PRODUCTS.items():
        for name, name_zh, price in items:
            rows.append((name, name_zh, cat, price))
    df = pd.DataFrame(rows, columns=["name", "name_zh", "category", "price_cents"])
    df.insert(0, "product_id", [f"P{i:03d}" for i in range(1, len(df) + 1)])
    return df


# ---------------------------------------------------------------------------------------------
# the shop's seasons: a day-by-day intensity used for both new customers and repeat orders
# ---------------------------------------------------------------------------------------------
def _season() -> np.ndarray:
    """Relative order intensity per day: 618 and Double 11 peaks, a Spring Festival dip."""
    m = np.ones(N_DAYS)

    def span(a: str, b: str, factor: float) -> None:
        i = int((np.datetime64(a) - START).astype(int))
        j = int((np.datetime64(b) - START).astype(int))
        m[max(i, 0) : min(j, N_DAYS - 1) + 1] = factor

    span("2024-06-11", "2024-06-18", 2.2)  # tail of the 2024 618 festival
    span("2024-10-31", "2024-11-10", 1.8)  # Double 11 pre-sales
    span("2024-11-11", "2024-11-11", 4.0)
    span("2025-01-22", "2025-02-06", 0.5)  # Spring Festival (29 Jan 2025)
    span("2025-05-28", "2025-06-17", 1.7)  # 618 pre-sales
    span("2025-06-18", "2025-06-18", 3.5)
    span("2025-10-31", "2025-11-10", 1.8)
    span("2025-11-11", "2025-11-11", 4.0)
    span("2026-02-10", "2026-02-24", 0.5)  # Spring Festival (17 Feb 2026)
    span("2026-05-28", "2026-06-10", 1.5)  # 618 pre-sales before the as-of date
    return m / m.mean()


# ---------------------------------------------------------------------------------------------
# members (made first: gender and age shape what people buy)
# ---------------------------------------------------------------------------------------------
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN_M = list("伟强磊军洋勇杰涛明超浩鹏辉俊宇博晨凯文斌毅健峰刚")
GIVEN_F = list("芳娜敏静丽婷雪琳颖慧欣怡悦佳倩晶丹萍璐雯霞燕洁")
GIVEN_ANY = list("小子思嘉雨梓一天可晓新安宁家亦")
CITIES = ["上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "南京", "福州", "西安"]
CITY_WEIGHT = [0.16, 0.14, 0.11, 0.11, 0.10, 0.09, 0.08, 0.08, 0.07, 0.06]
EMAIL_WORDS = [
    "sunny", "lemon", "panda", "river", "cloud", "maple", "tiger", "lucky", "happy", "coco",
    "star", "moon", "berry", "ocean", "leaf", "candy", "kiwi", "peach", "rain", "snow",
]  # fmt: skip
ALNUM = list("abcdefghijklmnopqrstuvwxyz0123456789")


def _draw(rng: np.random.Generator, weights) -> int:
    """Index drawn with the given (not necessarily normalised) weights; one uniform draw."""
    cum = list(accumulate(float(w) for w in weights))
    return bisect_right(cum, rng.random() * cum[-1])


def _pick(rng: np.random.Generator, items, weights):
    """An item of ``items`` drawn with the given weights."""
    return items[_draw(rng, weights)]


def _person(rng: np.random.Generator, *, female_share: float, age_p, student_by_age, income_p):
    """One membership-form profile: gender, age, occupation and income band."""
    gender = "F" if rng.random() < female_share else "M"
    band = _draw(rng, age_p)
    lo, hi = AGE_RANGES[band]
    age = int(rng.integers(lo, hi + 1))
    student = rng.random() < student_by_age[band]
    if student:
        occupation = "student"
        income = _pick(rng, INCOME_BANDS, [0.86, 0.11, 0.03, 0.0])
    else:
        w = [10, 8, 4, 9, 7, 14, 6, 4, 5, 7, 2, 10, 0, 14]
        if band >= 4:  # many retired people answer "other"
            w = [4, 2, 1, 3, 3, 4, 4, 2, 2, 5, 1, 6, 0, 60]
        occupation = _pick(rng, OCCUPATIONS, w)
        income = _pick(rng, INCOME_BANDS, income_p[band])
    return gender, band, age, occupation, income


def _birthday(rng: np.random.Generator, age: int) -> np.datetime64:
    """A birthday such that the person is exactly ``age`` on ``COURSE_ASOF``."""
    # born between asof - (age+1) years + 1 day and asof - age years
    y = 2026 - age
    latest = np.datetime64(f"{y}-06-10")
    earliest = np.datetime64(f"{y - 1}-06-11")
    span = int((latest - earliest).astype(int))
    return earliest + np.timedelta64(int(rng.integers(0, span + 1)), "D")


def _age_at_asof(birthday: np.datetime64) -> int:
    y, m, d = (int(x) for x in str(birthday).split("-"))
    return 2026 - y - (1 if (m, d) > (6, 10) else 0)


def _name(rng: np.random.Generator, gender: str) -> str:
    surname = SURNAMES[int(rng.integers(len(SURNAMES)))]
    own = GIVEN_F if gender == "F" else GIVEN_M
    if rng.random() < 0.3:
        return surname + own[int(rng.integers(len(own)))]
    first = (GIVEN_ANY + own)[int(rng.integers(len(GIVEN_ANY) + len(own)))]
    return surname + first + own[int(rng.integers(len(own)))]


SHOP_AGE_P = [0.22, 0.36, 0.21, 0.12, 0.06, 0.03]
SHOP_STUDENT_BY_AGE = [0.42, 0.03, 0, 0, 0, 0]
SHOP_INCOME_P = [
    [0.25, 0.50, 0.18, 0.07],
    [0.08, 0.35, 0.32, 0.25],
    [0.06, 0.28, 0.32, 0.34],
    [0.08, 0.32, 0.30, 0.30],
    [0.25, 0.40, 0.20, 0.15],
    [0.35, 0.40, 0.15, 0.10],
]


def make_profiles(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Membership-form profiles for ``n`` shop customers (ids are given later, by join date)."""
    rows = []
    phones: set[str] = set()
    emails: set[str] = set()
    no_wechat_by_band = [0.06, 0.08, 0.10, 0.20, 0.40, 0.60]
    for _ in range(n):
        gender, band, age, occupation, income = _person(
            rng,
            female_share=0.58,
            age_p=SHOP_AGE_P,
            student_by_age=SHOP_STUDENT_BY_AGE,
            income_p=SHOP_INCOME_P,
        )
        birthday = _birthday(rng, age)
        assert _age_at_asof(birthday) == age
        while True:
            phone = _pick(rng, ["13", "15", "18"], [1, 1, 1]) + "".join(
                str(int(d)) for d in rng.integers(0, 10, 9)
            )
            if phone not in phones:
                phones.add(phone)
                break
        while True:
            word = EMAIL_WORDS[int(rng.integers(len(EMAIL_WORDS)))]
            email = f"{word}{str(birthday)[2:4]}{int(rng.integers(100, 1000))}@example.com"
            if email not in emails:
                emails.add(email)
                break
        if rng.random() < no_wechat_by_band[band]:
            wechat = ""
            channel = _pick(rng, ["SMS", "e-mail", "Weibo", ""], [0.55, 0.25, 0.08, 0.12])
        else:
            if rng.random() < 0.6:
                wechat = "wxid_" + "".join(ALNUM[int(i)] for i in rng.integers(0, 36, 10))
            else:
                wechat = f"{EMAIL_WORDS[int(rng.integers(len(EMAIL_WORDS)))]}_{phone[-4:]}"
            channel = _pick(rng, CHANNELS + [""], [0.55, 0.15, 0.12, 0.08, 0.10])
        rows.append(
            {
                "name": _name(rng, gender),
                "gender": gender,
                "birthday": str(birthday),
                "age_band": AGE_BANDS[band],
                "occupation": occupation,
                "income_band": income,
                "city": _pick(rng, CITIES, CITY_WEIGHT),
                "phone": phone,
                "email": email,
                "wechat": wechat,
                "preferred_channel": channel,
                "_band": band,
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# orders
# ---------------------------------------------------------------------------------------------
def _stop_chance(k: int) -> float:
    """Chance of never buying again right after the k-th purchase: loyalty grows with k."""
    return 0.55 / k


def simulate_shop(rng: np.random.Generator, products: pd.DataFrame):
    """Simulate the customers, their orders and refunds.

    Returns ``(members, orders, lines)``: the two output tables, and the order lines with day
    numbers and integer cents (refunds included) that the questionnaire is built from.
    """
    season = _season()
    warp = np.cumsum(season)  # warped time: day d ends at warp[d]
    u_end = float(warp[-1])

    def to_day(u: float) -> int:
        return int(np.searchsorted(warp, u, side="right"))

    prof = make_profiles(rng, N_CUSTOMERS)
    cat_of = products["category"].to_numpy()
    price = products["price_cents"].to_numpy()
    logp = np.log(price / 100.0)
    n_prod = len(products)
    # within a category cheaper items sell more often
    base_item = np.array([CATEGORY_WEIGHT[c] for c in cat_of]) * price**-0.35
    cat_idx = np.array([CATEGORIES.index(c) for c in cat_of])
    cat_logp_mean = np.array([logp[cat_idx == k].mean() for k in range(len(CATEGORIES))])
    cat_logp_sd = np.array([logp[cat_idx == k].std() + 1e-9 for k in range(len(CATEGORIES))])
    z_price = (logp - cat_logp_mean[cat_idx]) / cat_logp_sd[cat_idx]

    n_recent = 45  # forced brand-new customers: one order in the last 15 days
    kind = np.array(["existing"] * 900 + ["new"] * (N_CUSTOMERS - 900 - n_recent)
                    + ["recent"] * n_recent)  # fmt: skip
    rng.shuffle(kind)

    cust_rows = []
    order_cust: list[int] = []  # one entry per order: customer index ...
    order_day: list[int] = []  # ... and day number
    item_weights = np.empty((N_CUSTOMERS, n_prod))
    baskets = np.empty(N_CUSTOMERS)
    for i, p in enumerate(prof.to_dict("records")):
        rate = min(30.0, float(np.exp(rng.normal(np.log(3.8), 0.85))))  # orders a year
        gap_mean = 365.0 / rate
        basket = float(np.exp(rng.normal(0.0, 0.55)))  # lines-per-order factor
        premium = float(rng.normal(0.0, 0.9))  # taste for the dearer items of a category
        alpha = np.array([CATEGORY_WEIGHT[c] for c in CATEGORIES]) * 6.0
        if p["gender"] == "F":
            alpha *= np.array([1.0, 1.0, 2.2, 1.1, 1.2, 0.5, 1.4, 0.8])
        else:
            alpha *= np.array([1.0, 1.0, 0.25, 0.9, 0.9, 2.2, 0.6, 1.6])
        if p["occupation"] == "student":
            alpha *= np.array([1.0, 1.8, 1.0, 0.5, 1.2, 1.2, 0.1, 1.0])
        elif p["_band"] in (1, 2):
            alpha *= np.array([1.0, 1.0, 1.0, 1.2, 1.0, 1.0, 2.5, 1.0])
        taste = rng.dirichlet(alpha)
        item_w = (
            base_item
            * taste[cat_idx]
            / np.array([CATEGORY_WEIGHT[c] for c in cat_of])
            * np.exp(premium * 0.6 * z_price)
        )
        item_weights[i] = item_w / item_w.sum()
        baskets[i] = basket

        # when do they start, and when (if ever) do they quit for outside reasons?
        if kind[i] == "existing":
            # already a member before the window: joined 2022-01 .. 2024-06
            join_day = -int(rng.integers(1, 890))
            k0 = int(rng.integers(1, 6))  # purchases before the window
            u = float(rng.exponential(gap_mean))
            if u >= u_end:
                u = float(rng.uniform(0, u_end))
        elif kind[i] == "recent":
            k0 = 0
            u = float(warp[N_DAYS - 15] + rng.uniform(0, warp[-1] - warp[N_DAYS - 15]))
            join_day = None
        else:
            k0 = 0
            # acquisition grows a little over time and follows the seasons
            u = float(u_end * 0.985 * rng.uniform() ** 0.8)
            join_day = None
        quit_u = float(rng.uniform(u, u_end + 500)) if rng.random() < 0.2 else np.inf

        days = []
        k = k0
        while u < u_end and u < quit_u:
            days.append(to_day(u))
            k += 1
            if kind[i] == "recent" or rng.random() < _stop_chance(k):
                break
            u += float(rng.exponential(gap_mean))
        if join_day is None:
            first = days[0]
            join_day = first if rng.random() < 0.7 else first - int(rng.integers(1, 60))
        order_cust += [i] * len(days)
        order_day += days
        cust_rows.append((i, join_day, days[0]))

    # the lines of every order: 1-4 distinct products drawn by the customer's weights
    # (weighted sampling without replacement: the smallest Exp(1) / weight keys win)
    oc = np.array(order_cust)
    n_lines = np.minimum(4, 1 + rng.poisson(0.7 * baskets[oc]))
    keys = rng.exponential(size=(len(oc), n_prod)) / item_weights[oc]
    ranked = np.argsort(keys, axis=1, kind="stable")[:, :4]
    take = np.arange(4)[None, :] < n_lines[:, None]
    okey = np.broadcast_to(np.arange(len(oc))[:, None], take.shape)[take]
    prod = ranked[take]
    digital = cat_of[prod] == "digital"
    qty = np.where(
        digital,
        1 + (rng.random(len(prod)) < 0.05),
        1 + np.searchsorted([0.74, 0.93], rng.random(len(prod)), side="right"),
    )
    lines = pd.DataFrame(
        {"i": oc[okey], "day": np.array(order_day)[okey], "okey": okey, "p": prod, "quantity": qty}
    )

    # customer ids in order of joining (ties broken at random, as a registration queue would)
    cust = pd.DataFrame(cust_rows, columns=["i", "join_day", "first_day"])
    cust["tiebreak"] = rng.permutation(len(cust))
    cust = cust.sort_values(["join_day", "tiebreak"]).reset_index(drop=True)
    cust["customer_id"] = [f"C{n:05d}" for n in range(1, len(cust) + 1)]
    cust = cust.sort_values("i").reset_index(drop=True)

    members = prof.drop(columns="_band").copy()
    members.insert(0, "customer_id", cust["customer_id"].to_numpy())
    members["join_date"] = day_text(cust["join_day"].to_numpy())
    members = members.sort_values("customer_id").reset_index(drop=True)

    ln = lines
    ln["customer_id"] = cust["customer_id"].to_numpy()[ln["i"].to_numpy()]
    ln["unit_cents"] = price[ln["p"].to_numpy()]
    ln["amount_cents"] = ln["quantity"] * ln["unit_cents"]

    # order ids: O + date + a 5-digit sequence within the day, in a random order of arrival
    orders = ln.groupby("okey", sort=True)["day"].first().to_frame()
    orders["arrival"] = rng.permutation(len(orders))
    orders = orders.sort_values(["day", "arrival"])
    orders["seq"] = orders.groupby("day").cumcount() + 1
    orders["order_id"] = [
        "O" + d.replace("-", "") + f"{s:05d}"
        for d, s in zip(day_text(orders["day"].to_numpy()), orders["seq"], strict=True)
    ]
    ln["order_id"] = orders["order_id"].reindex(ln["okey"]).to_numpy()

    # refunds: about 1 % of lines, 1-20 days later, never after the as-of date
    delay = rng.integers(1, 21, len(ln))
    refund = (rng.random(len(ln)) < 0.0105) & (ln["day"].to_numpy() + delay <= N_DAYS - 1)
    rf = ln.loc[refund].copy()
    rf["day"] = rf["day"] + delay[refund]
    rf["amount_cents"] = -rf["amount_cents"]
    rf["arrival"] = rng.permutation(len(rf))
    rf = rf.sort_values(["day", "arrival"])
    rf["seq"] = rf.groupby("day").cumcount() + 1
    rf["order_id"] = [
        "R" + d.replace("-", "") + f"{s:05d}"
        for d, s in zip(day_text(rf["day"].to_numpy()), rf["seq"], strict=True)
    ]
    allr = pd.concat([ln, rf.drop(columns=["arrival", "seq"])], ignore_index=True)
    allr["order_date"] = day_text(allr["day"].to_numpy())
    allr["product_id"] = products["product_id"].to_numpy()[allr["p"].to_numpy()]
    allr = allr.sort_values(["order_date", "order_id", "product_id"]).reset_index(drop=True)
    out = pd.DataFrame(
        {
            "order_id": allr["order_id"],
            "customer_id": allr["customer_id"],
            "order_date": allr["order_date"],
            "product_id": allr["product_id"],
            "quantity": allr["quantity"].astype(np.int64),
            "unit_price": cents_to_text(allr["unit_cents"]),
            "amount": cents_to_text(allr["amount_cents"]),
        }
    )
    return members, out, allr


# ---------------------------------------------------------------------------------------------
# questionnaire
# ---------------------------------------------------------------------------------------------
Q_COLUMNS = [
    "问卷编号", "客户ID", "最近一次购买日期", "平均每季度购买次数", "平均每季度消费金额",
    "满意度", "推荐意愿",
]  # fmt: skip

MESSY_RESPONSES: dict[str, tuple[str, str, str]] = {
    "Q0013": ("最近一次购买日期", "", "blank answer"),
    "Q0027": ("最近一次购买日期", "不记得", "not a date (don't remember)"),
    "Q0041": ("平均每季度购买次数", "abc", "not a number"),
    "Q0058": ("平均每季度购买次数", "-2", "negative count"),
    "Q0076": ("平均每季度消费金额", "-300", "negative money"),
    "Q0089": ("满意度", "6", "satisfaction outside 1-5"),
    "Q0104": ("满意度", "很好", "satisfaction in words, not 1-5"),
    "Q0122": ("推荐意愿", "11", "recommend outside 0-10"),
    "Q0137": ("最近一次购买日期", "2026-02-30", "impossible date"),
    "Q0151": ("最近一次购买日期", "2026-07-01", "after the as-of date"),
    "Q0168": ("最近一次购买日期", "2062-05-01", "after the as-of date (typo year)"),
    "Q0183": ("平均每季度消费金额", "", "blank answer"),
    "Q0199": ("平均每季度购买次数", "", "blank answer"),
    "Q0214": ("平均每季度消费金额", "不记得", "not an amount (don't remember)"),
    "Q0246": ("最近一次购买日期", "2026/13/05", "impossible date (month 13)"),
    "Q0263": ("推荐意愿", "-1", "recommend outside 0-10"),
    "Q0281": ("最近一次购买日期", "2026年6月25日", "after the as-of date"),
    "Q0297": ("最近一次购买日期", "2026-06-31", "impossible date"),
    "Q0315": ("平均每季度消费金额", "abc", "not a number"),
    "Q0349": ("平均每季度购买次数", "两次", "count in words, not a number"),
}
"""response id -> (column, raw value, why a reader must reject it); see the module docstring."""
AFTER_ASOF_RESPONSES = ("Q0151", "Q0168", "Q0281")
"""Messy responses whose date parses but lies after the as-of date."""


def _fmt_date(rng: np.random.Generator, day: int) -> str:
    y, m, d = (int(x) for x in day_text([day])[0].split("-"))
    style = _draw(rng, [0.4, 0.4, 0.2])
    if style == 0:
        return f"{y}/{m}/{d}"
    if style == 1:
        return f"{y}-{m:02d}-{d:02d}"
    return f"{y}年{m}月{d}日"


def _fmt_count(rng: np.random.Generator, n: int) -> str:
    return f"{n}次" if rng.random() < 0.3 else str(n)


def _fmt_money(rng: np.random.Generator, yuan: int) -> str:
    # big amounts are often typed with a thousands separator
    style = _draw(rng, [0.45, 0.2, 0.2, 0.15] if yuan < 1000 else [0.2, 0.35, 0.1, 0.35])
    if style == 0:
        return str(yuan)
    if style == 1:
        return f"￥{yuan:,}"
    if style == 2:
        return f"{yuan}元"
    return f"{yuan:,}.50"


def make_questionnaire(rng: np.random.Generator, allr: pd.DataFrame) -> pd.DataFrame:
    """400 raw answers from customers in the orders, mostly consistent with their real orders."""
    pos = allr[allr["amount_cents"] > 0]
    by_c = pd.DataFrame(
        {
            "last_day": pos.groupby("customer_id")["day"].max(),
            "orders": pos.groupby("customer_id")["order_id"].nunique(),
            "net": allr.groupby("customer_id")["amount_cents"].sum(),
        }
    ).sort_index()
    by_c = by_c[by_c["net"] > 0]
    # more engaged customers answer surveys a little more often
    w = np.sqrt(by_c["orders"].to_numpy(dtype=float))
    picked = rng.choice(len(by_c), size=N_RESPONSES, replace=False, p=w / w.sum())
    rows = []
    for n, k in enumerate(picked, start=1):
        c = by_c.iloc[int(k)]
        shift = 0 if rng.random() < 0.5 else int(rng.integers(-7, 8))
        day = min(int(c["last_day"]) + shift, N_DAYS - 1)
        per_q = max(1, round(c["orders"] / 8 * rng.uniform(0.85, 1.2)))
        spend = max(1, round(c["net"] / 100 / 8 * rng.uniform(0.8, 1.25)))
        sat = _pick(rng, [1, 2, 3, 4, 5], [0.03, 0.05, 0.14, 0.38, 0.40])
        rec_p = {
            1: [6, 5, 4, 3, 2, 1, 1, 0, 0, 0, 0],
            2: [2, 2, 3, 4, 4, 3, 2, 1, 0, 0, 0],
            3: [0, 0, 1, 1, 2, 3, 4, 5, 3, 1, 0],
            4: [0, 0, 0, 0, 0, 1, 2, 6, 8, 7, 4],
            5: [0, 0, 0, 0, 0, 0, 1, 2, 5, 10, 12],
        }[sat]
        rec = _draw(rng, rec_p)
        rows.append(
            [
                f"Q{n:04d}",
                by_c.index[int(k)],
                _fmt_date(rng, day),
                _fmt_count(rng, per_q),
                _fmt_money(rng, spend),
                str(sat),
                str(rec),
            ]
        )
    q = pd.DataFrame(rows, columns=Q_COLUMNS)
    for rid, (col, value, _why) in MESSY_RESPONSES.items():
        q.loc[q["问卷编号"] == rid, col] = value
    return q.sort_values("问卷编号").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Sam's Club case
# ---------------------------------------------------------------------------------------------
SAM_GROUP_SIZE = 1155
SAM_MEANS = [8000, 6000, 5200, 4100, 2570, 2100, 1600, 1100, 600, 100]
"""The case table's average monthly spend per group (yuan), group 1 = biggest spenders."""
SAM_RANGES = [  # (low, high) in yuan, inclusive; neighbouring ranges never overlap
    (6600, 30000), (5600, 6500), (4700, 5500), (3000, 4600), (2300, 2900),
    (1900, 2250), (1300, 1850), (900, 1280), (250, 850), (1, 200),
]  # fmt: skip


def _exact_group(rng: np.random.Generator, g: int) -> np.ndarray:
    """1155 spends in cents inside group g's range whose sum is exactly 1155 * mean * 100."""
    lo, hi = SAM_RANGES[g][0] * 100, SAM_RANGES[g][1] * 100
    mean = SAM_MEANS[g] * 100
    n = SAM_GROUP_SIZE
    if g == 0:  # heavy right tail above the floor
        x = lo + rng.lognormal(np.log(mean - lo) - 0.45, 0.95, n)
    else:  # a hump around the mean, skewed to fit the range
        a = (mean - lo) / (hi - lo)
        x = lo + (hi - lo) * rng.beta(6 * a, 6 * (1 - a), n)
    v = np.clip(np.round(x), lo, hi).astype(np.int64)
    target = n * mean
    for _ in range(50):  # scale the distance from the floor, then clip, until close
        s = int(v.sum())
        if abs(target - s) < n:
            break
        v = np.clip(np.round(lo + (v - lo) * (target - n * lo) / (s - n * lo)), lo, hi)
        v = v.astype(np.int64)
    diff = target - int(v.sum())
    while diff != 0:  # hand out the last cents one by one to members with room
        room = np.flatnonzero(v < hi) if diff > 0 else np.flatnonzero(v > lo)
        take = rng.choice(room, size=min(abs(diff), len(room)), replace=False)
        v[take] += 1 if diff > 0 else -1
        diff = target - int(v.sum())
    return v


# group-level profile knobs, groups 1..10
SAM_STUDENT = [0.01, 0.01, 0.02, 0.02, 0.03, 0.04, 0.06, 0.40, 0.12, 0.10]
SAM_SINGLE = [0.15, 0.18, 0.22, 0.25, 0.30, 0.33, 0.38, 0.62, 0.45, 0.45]
SAM_WECHAT_NONSTUDENT = [0.62, 0.64, 0.66, 0.68, 0.70, 0.70, 0.72, 0.75, 0.66, 0.60]
SAM_AGE = {  # non-students
    "top": [0.02, 0.18, 0.34, 0.28, 0.13, 0.05],
    "mid": [0.06, 0.30, 0.30, 0.20, 0.10, 0.04],
    "g8": [0.30, 0.40, 0.15, 0.10, 0.04, 0.01],
    "low": [0.15, 0.30, 0.22, 0.16, 0.11, 0.06],
}
SAM_INCOME = {  # non-students
    "top": [0.02, 0.10, 0.28, 0.60],
    "mid": [0.06, 0.30, 0.36, 0.28],
    "g8": [0.25, 0.45, 0.22, 0.08],
    "low": [0.22, 0.42, 0.24, 0.12],
}


def make_samsclub(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Sam's Club members (exact decile table) and the group-8 campaign results."""
    spend = np.concatenate([_exact_group(rng, g) for g in range(10)])
    group = np.repeat(np.arange(1, 11), SAM_GROUP_SIZE)
    rows = []
    for g in group:
        key = "top" if g <= 3 else "mid" if g <= 7 else "g8" if g == 8 else "low"
        student = rng.random() < SAM_STUDENT[g - 1]
        if student:
            band = 0 if rng.random() < 0.93 else 1
            occupation = "student"
            income = _pick(rng, INCOME_BANDS, [0.88, 0.10, 0.02, 0.0])
            single = rng.random() < 0.96
            wechat = rng.random() < 0.97
        else:
            band = _draw(rng, SAM_AGE[key])
            w = [10, 8, 4, 9, 7, 14, 6, 4, 5, 7, 2, 10, 0, 14]
            if key == "top":
                w = [16, 8, 4, 14, 16, 12, 8, 10, 3, 4, 2, 8, 0, 6]
            if band >= 4:
                w = [4, 2, 1, 3, 3, 4, 4, 2, 2, 5, 1, 6, 0, 60]
            occupation = _pick(rng, OCCUPATIONS, w)
            income = _pick(rng, INCOME_BANDS, SAM_INCOME[key])
            single = rng.random() < SAM_SINGLE[g - 1] * (1.3 if band == 0 else 1.0)
            wechat = rng.random() < SAM_WECHAT_NONSTUDENT[g - 1] * (0.6 if band >= 4 else 1.0)
        if wechat:
            p_wechat = 0.88 if g == 8 else 0.55
            channel = _pick(
                rng,
                CHANNELS,
                [p_wechat, (1 - p_wechat) * 0.5, (1 - p_wechat) * 0.3, (1 - p_wechat) * 0.2],
            )
        else:
            channel = _pick(rng, ["SMS", "e-mail", "Weibo"], [0.65, 0.25, 0.10])
        rows.append(
            (
                "F" if rng.random() < 0.55 else "M",
                AGE_BANDS[band],
                occupation,
                income,
                "single" if single else "married",
                wechat,
                channel,
            )
        )
    prof = pd.DataFrame(
        rows,
        columns=["gender", "age_band", "occupation", "income_band", "marital_status",
                 "uses_wechat", "preferred_channel"],
    )  # fmt: skip
    prof["spend"] = spend
    prof["group"] = group
    prof = prof.iloc[rng.permutation(len(prof))].reset_index(drop=True)
    prof["member_id"] = [f"S{i:05d}" for i in range(1, len(prof) + 1)]

    members = pd.DataFrame(
        {
            "member_id": prof["member_id"],
            "last_month_spend": cents_to_text(prof["spend"]),
            "gender": prof["gender"],
            "age_band": prof["age_band"],
            "occupation": prof["occupation"],
            "income_band": prof["income_band"],
            "marital_status": prof["marital_status"],
            "uses_wechat": prof["uses_wechat"].map({True: "True", False: "False"}),
            "preferred_channel": prof["preferred_channel"],
        }
    )
    campaign = _campaign(rng, prof[prof["group"] == 8].reset_index(drop=True))
    return members, campaign


def _weeks(rng: np.random.Generator, total: int, cap: int) -> list[int]:
    """Spread ``total`` visits over 4 weeks, at most ``cap`` a week."""
    w = [0, 0, 0, 0]
    for _ in range(total):
        free = [i for i in range(4) if w[i] < cap]
        w[free[int(rng.integers(len(free)))]] += 1
    return w


def _campaign(rng: np.random.Generator, g8: pd.DataFrame) -> pd.DataFrame:
    """Visits and sales of group 8 before/after round 1, and sales in the round-2 month.

    A member's class (A1 both targets met, A2 visits only, A3 ticket only, A4 neither) is drawn
    from their profile (students and WeChat users respond to the WeChat push and samples), then
    visits and ticket are drawn inside that class with a margin from the thresholds.
    """
    rows = []
    for m in g8.to_dict("records"):
        before = int(m["spend"])
        vb = _pick(rng, [1, 2, 3, 4], [0.15, 0.60, 0.20, 0.05])
        wb = _weeks(rng, vb, 2)
        if m["occupation"] == "student" and m["uses_wechat"]:
            p = [0.30, 0.32, 0.28, 0.10]
        elif m["uses_wechat"]:
            p = [0.10, 0.22, 0.40, 0.28]
        else:  # the WeChat push and the samples hardly reach them
            p = [0.01, 0.03, 0.06, 0.90]
        cls = _draw(rng, p)  # 0 = A1 .. 3 = A4
        need = -(-3 * vb // 2)  # ceil(1.5 * vb): the fewest visits meeting the +50 % target
        if cls == 0:  # more visits AND a bigger basket (target met means >= +50 % / >= +40 %)
            va = need + _draw(rng, [0.8, 0.2])
            g = rng.uniform(1.43, 1.75)
        elif cls == 1:  # came for the samples, bought little extra each time
            va = need + _draw(rng, [0.8, 0.2])
            g = rng.uniform(0.65, 1.20)
        elif cls == 2:  # same or fewer trips, but a bigger basket (cinema-ticket threshold)
            va = int(rng.integers(max(1, vb - 1), need))  # at most need - 1
            g = rng.uniform(1.43, 1.75)
        else:  # A4: not reached or not tempted
            va = int(rng.integers(max(1, vb - 1), need))
            g = rng.uniform(0.75, 1.25)
        wa = _weeks(rng, va, 3)
        after = int(round(before / vb * g * va))
        if cls == 3:  # round 2 (SMS + phone ordering) lands in one of the four bands
            band = _draw(rng, [0.22, 0.30, 0.28, 0.20])
            lo, hi = [(-0.05, 0.085), (0.115, 0.185), (0.215, 0.285), (0.315, 0.6)][band]
            growth = rng.uniform(lo, hi)
        else:  # round-1 measures simply continue
            growth = (after / before) * rng.uniform(0.92, 1.08) - 1
        round2 = int(round(before * (1 + growth)))
        rows.append([m["member_id"], *wb, before, *wa, after, round2])
    cols = (
        ["member_id"]
        + [f"visits_w{i}_before" for i in range(1, 5)]
        + ["sales_before"]
        + [f"visits_w{i}_after" for i in range(1, 5)]
        + ["sales_after", "sales_round2"]
    )
    df = pd.DataFrame(rows, columns=cols).sort_values("member_id").reset_index(drop=True)
    for c in ["sales_before", "sales_after", "sales_round2"]:
        df[c] = cents_to_text(df[c])
    return df


# ---------------------------------------------------------------------------------------------
# a second, small shop for the capstone (notebook 09): ``python data/make_data.py --shop2``
# ---------------------------------------------------------------------------------------------
SHOP2_SEED = 20260620
SHOP2_CUSTOMERS = 420
SHOP2_FIRST_DAY = np.datetime64("2025-06-11", "D")  # one year up to COURSE_ASOF
SHOP2_COLUMNS = ["订单编号", "买家ID", "下单时间", "实付金额(元)", "商品类目"]
SHOP2_CATEGORIES = ["绿茶", "红茶", "乌龙茶", "茶具", "茶点"]
# rows a real export has and a reader must reject: (column, raw value), one cell each
SHOP2_MESSY = [("实付金额(元)", ""), ("下单时间", "2025-13-02 10:00"), ("买家ID", ""),
               ("实付金额(元)", "待付款"), ("下单时间", "")]


def make_shop2() -> pd.DataFrame:
    """A small tea shop's order export (one row per order): 420 customers over one year.

    Written the way a platform exports it: Chinese headers (订单编号, 买家ID, 下单时间 with the
    time of day, 实付金额(元), 商品类目), one row per order. Each customer has a lognormal
    purchase rate and basket, starts buying on a random day and may stop after each purchase
    (less likely the more they have bought), so the RFM groups, pyramid tiers and lifecycle
    stages all have members. Five rows are messy on purpose (``SHOP2_MESSY``): a blank amount,
    an impossible date, a blank buyer, an unpaid order ("待付款") and a blank date. Seeded,
    independent of the course shop: the other CSVs are unchanged by it.
    """
    rng = np.random.default_rng(SHOP2_SEED)
    days = int((COURSE_ASOF - SHOP2_FIRST_DAY).astype(int))  # day 0 .. days
    rows = []
    for c in range(1, SHOP2_CUSTOMERS + 1):
        rate = rng.lognormal(np.log(1 / 60), 0.8)  # orders per day
        basket = rng.lognormal(np.log(120), 0.6)  # yuan
        day, bought = float(rng.uniform(0, days)), 0
        taste = rng.dirichlet(np.ones(len(SHOP2_CATEGORIES)) * 0.7)
        while day <= days:
            minute = int(rng.integers(8 * 60, 23 * 60))
            cents = max(990, int(round(rng.lognormal(np.log(basket), 0.35) * 100)))
            category = SHOP2_CATEGORIES[int(rng.choice(len(SHOP2_CATEGORIES), p=taste))]
            rows.append((int(day), minute, f"B{c:04d}", cents, category))
            bought += 1
            if rng.random() < 0.45 / bought:  # stop: less likely the more they bought
                break
            day += rng.exponential(1 / rate)
    rows.sort()
    out = []
    for n, (day, minute, buyer, cents, category) in enumerate(rows, start=1):
        date = SHOP2_FIRST_DAY + np.timedelta64(day, "D")
        out.append({"订单编号": f"T{n:06d}", "买家ID": buyer,
                    "下单时间": f"{date} {minute // 60:02d}:{minute % 60:02d}",
                    "实付金额(元)": f"{cents // 100}.{cents % 100:02d}", "商品类目": category})
    table = pd.DataFrame(out, columns=SHOP2_COLUMNS)
    where = rng.choice(len(table), size=len(SHOP2_MESSY), replace=False)
    for row, (column, value) in zip(sorted(where), SHOP2_MESSY, strict=True):
        table.loc[row, column] = value
    return table


# ---------------------------------------------------------------------------------------------
def _write(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def main(outdir: Path) -> None:
    """Generate every CSV into ``outdir`` (created if missing)."""
    outdir.mkdir(parents=True, exist_ok=True)
    rng_shop, rng_survey, rng_sam = np.random.default_rng(SEED).spawn(3)

    products = make_products()
    members, orders, allr = simulate_shop(rng_shop, products)
    questionnaire = make_questionnaire(rng_survey, allr)
    sam_members, sam_campaign = make_samsclub(rng_sam)

    prod_out = products.assign(price=cents_to_text(products["price_cents"]))
    _write(prod_out[["product_id", "name", "name_zh", "category", "price"]],
           outdir / "products.csv")  # fmt: skip
    _write(orders, outdir / "orders.csv")
    _write(members, outdir / "members.csv")
    _write(questionnaire, outdir / "questionnaire.csv")
    _write(sam_members.sort_values("member_id"), outdir / "samsclub_members.csv")
    _write(sam_campaign, outdir / "samsclub_campaign.csv")


def main_shop2(outdir: Path) -> None:
    """Write only the capstone's second shop, ``shop2_orders.csv``, into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    _write(make_shop2(), outdir / "shop2_orders.csv")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--shop2"]
    where = Path(args[0]) if args else Path(__file__).resolve().parent
    if "--shop2" in sys.argv[1:]:
        main_shop2(where)
    else:
        main(where)
