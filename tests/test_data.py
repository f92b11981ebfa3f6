"""Tests of the bundled course data (data/*.csv) and its loaders (rfmkit.data).

The checks are computed here, independently of the generator: the CSVs are read as raw text,
money is parsed to integer cents, and every promise of data/make_data.py's docstring that the
course relies on (the exact Sam's Club decile table, refunds, dates, age bands, the list of messy
survey answers) is re-derived from the files. One test re-runs the generator into a temporary
folder and compares the result with the committed files byte for byte.
"""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from rfmkit import data as rdata

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ASOF = date(2026, 6, 10)
FILES = [
    "products.csv",
    "orders.csv",
    "members.csv",
    "questionnaire.csv",
    "samsclub_members.csv",
    "samsclub_campaign.csv",
]
CASE_MEANS = [8000, 6000, 5200, 4100, 2570, 2100, 1600, 1100, 600, 100]
# response id -> (column, raw value) of the survey answers that are messy on purpose
MESSY = {
    "Q0013": ("最近一次购买日期", ""),
    "Q0027": ("最近一次购买日期", "不记得"),
    "Q0041": ("平均每季度购买次数", "abc"),
    "Q0058": ("平均每季度购买次数", "-2"),
    "Q0076": ("平均每季度消费金额", "-300"),
    "Q0089": ("满意度", "6"),
    "Q0104": ("满意度", "很好"),
    "Q0122": ("推荐意愿", "11"),
    "Q0137": ("最近一次购买日期", "2026-02-30"),
    "Q0151": ("最近一次购买日期", "2026-07-01"),
    "Q0168": ("最近一次购买日期", "2062-05-01"),
    "Q0183": ("平均每季度消费金额", ""),
    "Q0199": ("平均每季度购买次数", ""),
    "Q0214": ("平均每季度消费金额", "不记得"),
    "Q0246": ("最近一次购买日期", "2026/13/05"),
    "Q0263": ("推荐意愿", "-1"),
    "Q0281": ("最近一次购买日期", "2026年6月25日"),
    "Q0297": ("最近一次购买日期", "2026-06-31"),
    "Q0315": ("平均每季度消费金额", "abc"),
    "Q0349": ("平均每季度购买次数", "两次"),
}
AFTER_ASOF = {"Q0151", "Q0168", "Q0281"}


def raw(name: str) -> pd.DataFrame:
    """A bundled CSV exactly as text: every cell a str, blanks as ''."""
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False, encoding="utf-8")


def cents(text: str) -> int:
    """'-12.30' -> -1230, insisting on exactly two decimals."""
    m = re.fullmatch(r"(-?)(\d+)\.(\d\d)", text)
    assert m, f"money not written with two decimals: {text!r}"
    value = int(m.group(2)) * 100 + int(m.group(3))
    return -value if m.group(1) else value


def iso(text: str) -> date:
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", text), text
    return date.fromisoformat(text)


@pytest.fixture(scope="module")
def orders() -> pd.DataFrame:
    return raw("orders.csv")


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return raw("members.csv")


@pytest.fixture(scope="module")
def sams() -> pd.DataFrame:
    df = raw("samsclub_members.csv")
    df["cents"] = [cents(v) for v in df["last_month_spend"]]
    return df


# --- files ---------------------------------------------------------------------------------------
def test_files_are_small_utf8_and_unix_lines():
    total = 0
    for name in FILES:
        blob = (DATA / name).read_bytes()
        total += len(blob)
        assert not blob.startswith(b"\xef\xbb\xbf"), f"{name} has a BOM"
        assert b"\r" not in blob, f"{name} has CR line ends"
        blob.decode("utf-8")
    assert total < 4_000_000


def test_regenerating_reproduces_the_committed_files(tmp_path):
    subprocess.run(
        [sys.executable, str(DATA / "make_data.py"), str(tmp_path)], check=True, timeout=120
    )
    for name in FILES:
        assert filecmp.cmp(tmp_path / name, DATA / name, shallow=False), f"{name} differs"


# --- Sam's Club --------------------------------------------------------------------------------
def test_samsclub_deciles_reproduce_the_case_table_exactly(sams):
    assert len(sams) == 11_550
    assert sams["member_id"].is_unique
    assert list(sams["member_id"]) == sorted(sams["member_id"])
    ranked = sorted(sams["cents"], reverse=True)
    groups = [ranked[i * 1155 : (i + 1) * 1155] for i in range(10)]
    for mean, group in zip(CASE_MEANS, groups, strict=True):
        assert sum(group) == 1155 * mean * 100  # average exactly `mean` yuan
        assert sum(group) / 1155 / 100 == mean
    assert sum(ranked) == 3_623_235_000  # 36,232,350.00 yuan
    for upper, lower in zip(groups, groups[1:], strict=False):
        assert min(upper) > max(lower), "a spend value ties across a group boundary"
    assert min(ranked) > 0


def test_samsclub_not_presorted_and_group8_profile(sams):
    assert not sams["cents"].is_monotonic_decreasing
    order = sams.sort_values("cents", ascending=False).reset_index(drop=True)
    g8 = order.iloc[8085:9240]
    top = order.iloc[:3465]
    assert (g8["occupation"] == "student").mean() == pytest.approx(0.40, abs=0.05)
    assert (g8["uses_wechat"] == "True").mean() > 0.78
    assert (g8["marital_status"] == "single").mean() > 0.6
    students = g8[g8["occupation"] == "student"]
    assert (students["income_band"] == "<3000").mean() > 0.8
    assert (top["income_band"] == "9001+").mean() > 0.5
    assert set(sams["uses_wechat"]) == {"True", "False"}


def test_campaign_is_group8_with_sales_before_equal_to_spend(sams):
    camp = raw("samsclub_campaign.csv")
    order = sams.sort_values("cents", ascending=False).reset_index(drop=True)
    g8 = order.iloc[8085:9240]  # ranks 8086-9240
    assert len(camp) == 1155
    assert set(camp["member_id"]) == set(g8["member_id"])
    spend = dict(zip(sams["member_id"], sams["last_month_spend"], strict=True))
    assert all(camp["sales_before"] == camp["member_id"].map(spend))

    wb = camp[[f"visits_w{i}_before" for i in range(1, 5)]].astype(int)
    wa = camp[[f"visits_w{i}_after" for i in range(1, 5)]].astype(int)
    assert wb.isin([0, 1, 2]).all().all()
    vb, va = wb.sum(axis=1), wa.sum(axis=1)
    assert (vb >= 1).all() and (va >= 1).all()
    assert vb.mean() == pytest.approx(2, abs=0.3)
    before = camp["sales_before"].map(cents)
    after = camp["sales_after"].map(cents)
    round2 = camp["sales_round2"].map(cents)
    assert (before / vb).mean() / 100 == pytest.approx(550, rel=0.15)

    visits_met = va * 2 >= vb * 3  # +50 %, in integers
    ticket_growth = (after / va) / (before / vb) - 1
    ticket_met = ticket_growth >= 0.4
    assert ((ticket_growth - 0.4).abs() > 0.01).all()  # nobody sits on the threshold
    a = pd.Series("A4", index=camp.index)
    a[visits_met & ticket_met] = "A1"
    a[visits_met & ~ticket_met] = "A2"
    a[~visits_met & ticket_met] = "A3"
    sizes = a.value_counts()
    assert set(sizes.index) == {"A1", "A2", "A3", "A4"}
    assert 0.25 <= sizes["A4"] / len(camp) <= 0.35

    profile = sams.set_index("member_id").loc[camp["member_id"]].reset_index()
    is_a4 = (a == "A4").to_numpy()
    assert (profile.loc[is_a4, "occupation"] != "student").mean() > 0.75
    no_wechat = profile["uses_wechat"] == "False"
    assert no_wechat[is_a4].mean() > 2 * no_wechat.mean()

    growth = (round2[is_a4] / before[is_a4] - 1).to_numpy()
    bands = pd.cut(growth, [-1, 0.1, 0.2, 0.3, 10], right=False)
    assert (pd.Series(bands).value_counts() > 0).all()  # A41..A44 all non-empty
    for edge in (0.1, 0.2, 0.3):
        assert (abs(growth - edge) > 0.01).all()


# --- the shop ----------------------------------------------------------------------------------
def test_products(orders):
    products = raw("products.csv")
    assert list(products.columns) == ["product_id", "name", "name_zh", "category", "price"]
    assert 50 <= len(products) <= 70 and products["product_id"].is_unique
    assert 6 <= products["category"].nunique() <= 10
    price = dict(zip(products["product_id"], products["price"], strict=True))
    assert set(orders["product_id"]) <= set(price)
    assert all(orders["unit_price"] == orders["product_id"].map(price))


def test_orders_dates_amounts_and_ids(orders):
    assert list(orders.columns) == [
        "order_id", "customer_id", "order_date", "product_id", "quantity", "unit_price", "amount",
    ]  # fmt: skip
    days = orders["order_date"].map(iso)
    assert days.min() >= date(2024, 6, 11) and days.max() <= ASOF
    assert 15_000 <= len(orders) <= 30_000
    qty = orders["quantity"].astype(int)
    assert (qty >= 1).all() and (qty <= 3).mean() > 0.95
    unit = orders["unit_price"].map(cents)
    amount = orders["amount"].map(cents)
    is_refund = orders["order_id"].str.startswith("R")
    assert orders["order_id"].str.fullmatch(r"[OR]\d{8}\d{5}").all()
    assert (orders["order_id"].str[1:9] == orders["order_date"].str.replace("-", "")).all()
    assert (amount[~is_refund] == qty[~is_refund] * unit[~is_refund]).all()
    assert (amount[is_refund] == -qty[is_refund] * unit[is_refund]).all()
    assert ((amount < 0) == is_refund).all()
    assert 0.005 <= is_refund.mean() <= 0.015

    per_order = orders.groupby("order_id").agg(
        customers=("customer_id", "nunique"),
        dates=("order_date", "nunique"),
        lines=("product_id", "size"),
        products=("product_id", "nunique"),
    )
    assert (per_order["customers"] == 1).all() and (per_order["dates"] == 1).all()
    assert (per_order["lines"] == per_order["products"]).all()
    assert per_order.loc[per_order.index.str.startswith("O"), "lines"].between(1, 4).all()
    keys = list(zip(orders["order_date"], orders["order_id"], orders["product_id"], strict=True))
    assert keys == sorted(keys)


def test_every_refund_follows_its_purchase(orders):
    sales = orders[orders["order_id"].str.startswith("O")]
    refunds = orders[orders["order_id"].str.startswith("R")]
    bought = {}
    for c, p, d, q in zip(
        sales["customer_id"], sales["product_id"], sales["order_date"], sales["quantity"],
        strict=True,
    ):  # fmt: skip
        bought.setdefault((c, p, q), []).append(iso(d))
    for c, p, d, q in zip(
        refunds["customer_id"], refunds["product_id"], refunds["order_date"], refunds["quantity"],
        strict=True,
    ):  # fmt: skip
        gaps = [(iso(d) - b).days for b in bought.get((c, p, q), [])]
        assert any(1 <= g <= 20 for g in gaps), (c, p, d)


def test_customers_story(orders, members):
    sales = orders[~orders["order_id"].str.startswith("R")]
    freq = sales.groupby("customer_id")["order_id"].nunique()
    last = sales.groupby("customer_id")["order_date"].max().map(iso)
    recency = last.map(lambda d: (ASOF - d).days)
    net = orders.assign(c=orders["amount"].map(cents)).groupby("customer_id")["c"].sum()
    assert 2_500 <= len(freq) <= 3_500
    assert 0.35 <= (freq == 1).mean() <= 0.7  # many one-time buyers
    assert (net >= 0).all()
    top20 = net.sort_values(ascending=False).head(len(net) // 5).sum() / net.sum()
    assert top20 > 0.5  # heavy-tailed spend
    lost = recency > 180
    assert lost[freq == 1].mean() > lost[freq >= 5].mean() + 0.2
    assert lost[freq == 1].mean() > lost[freq == 2].mean() > lost[freq >= 10].mean()
    new = (freq == 1) & (recency <= 14)
    assert 20 <= new.sum() <= 200  # the new-customer care list


# --- members -----------------------------------------------------------------------------------
def test_members_match_the_orders(orders, members):
    assert list(members.columns) == [
        "customer_id", "name", "gender", "birthday", "age_band", "occupation", "income_band",
        "city", "phone", "email", "wechat", "preferred_channel", "join_date",
    ]  # fmt: skip
    assert members["customer_id"].is_unique
    assert set(members["customer_id"]) == set(orders["customer_id"])
    first = orders.groupby("customer_id")["order_date"].min().map(iso)
    join = members.set_index("customer_id")["join_date"].map(iso)
    assert (join <= first.reindex(join.index)).all()


def test_member_fields(members):
    assert members["phone"].str.fullmatch(r"1[358]\d{9}").all() and members["phone"].is_unique
    assert members["email"].str.fullmatch(r"[a-z0-9._]+@example\.com").all()
    assert members["gender"].isin(["F", "M"]).all()
    assert members["income_band"].isin(["<3000", "3001-6000", "6001-9000", "9001+"]).all()
    assert members["preferred_channel"].isin(["WeChat", "SMS", "e-mail", "Weibo", ""]).all()
    assert (members["preferred_channel"] == "").mean() == pytest.approx(0.10, abs=0.04)
    assert (members["wechat"] == "").any() and (members["wechat"] != "").mean() > 0.7
    assert members["city"].nunique() >= 8
    assert members["name"].str.fullmatch(r"[\u4e00-\u9fff]{2,3}").all()
    students = members[members["occupation"] == "student"]
    assert (students["income_band"] == "<3000").mean() > 0.7


def test_age_band_matches_birthday(members):
    def band(age: int) -> str:
        for lo, hi in [(18, 25), (26, 35), (36, 45), (46, 55), (56, 65)]:
            if lo <= age <= hi:
                return f"{lo}-{hi}"
        assert age > 65, age
        return "65+"

    for b, expected in zip(members["birthday"], members["age_band"], strict=True):
        born = iso(b)
        age = ASOF.year - born.year - ((ASOF.month, ASOF.day) < (born.month, born.day))
        assert band(age) == expected, (b, expected)


def test_some_birthdays_in_the_two_weeks_after_asof(members):
    soon = [b for b in members["birthday"] if "06-11" <= b[5:] <= "06-24"]  # 2026-06-11 .. 06-24
    assert len(soon) >= 5


# --- questionnaire -------------------------------------------------------------------------------
def _survey_problem(row: pd.Series) -> str | None:
    """A deliberately simple validator, independent of rfmkit.io."""
    m = re.fullmatch(r"(\d{4})(?:[/-](\d{1,2})[/-](\d{1,2})|年(\d{1,2})月(\d{1,2})日)", row.iloc[2])
    if not m:
        return "date"
    y, mo, d = (int(x) for x in m.groups() if x)
    try:
        when = date(y, mo, d)
    except ValueError:
        return "date"
    if when > ASOF:
        return "after"
    count = re.fullmatch(r"(\d+)次?", row.iloc[3])
    if not count or int(count.group(1)) < 1:
        return "count"
    money = re.fullmatch(r"￥?(\d{1,3}(?:,\d{3})*|\d+)(\.\d{1,2})?元?", row.iloc[4])
    if not money or float(money.group(1).replace(",", "")) <= 0:
        return "money"
    if row.iloc[5] not in {"1", "2", "3", "4", "5"}:
        return "satisfaction"
    if row.iloc[6] not in {str(i) for i in range(11)}:
        return "recommend"
    return None


def test_questionnaire_raw_file(orders):
    q = raw("questionnaire.csv")
    assert list(q.columns) == [
        "问卷编号", "客户ID", "最近一次购买日期", "平均每季度购买次数", "平均每季度消费金额",
        "满意度", "推荐意愿",
    ]  # fmt: skip
    assert len(q) == 400
    assert list(q["问卷编号"]) == [f"Q{i:04d}" for i in range(1, 401)]
    assert q["客户ID"].is_unique and set(q["客户ID"]) <= set(orders["customer_id"])
    by_id = q.set_index("问卷编号")
    for rid, (column, value) in MESSY.items():
        assert by_id.loc[rid, column] == value, rid
    problems = {r["问卷编号"]: _survey_problem(r) for _, r in q.iterrows()}
    flagged = {rid for rid, why in problems.items() if why}
    assert flagged == set(MESSY)
    assert {rid for rid, why in problems.items() if why == "after"} == AFTER_ASOF
    # the formats really vary
    dates = q["最近一次购买日期"]
    assert dates.str.contains("/").any() and dates.str.contains("年").any()
    assert dates.str.fullmatch(r"\d{4}-\d\d-\d\d").any()
    assert q["平均每季度购买次数"].str.endswith("次").any()
    spend = q["平均每季度消费金额"]
    assert spend.str.startswith("￥").any() and spend.str.endswith("元").any()
    assert spend.str.contains(r"\d,\d{3}\.\d\d").any()


def test_questionnaire_answers_follow_real_orders_and_scores_are_plausible(orders):
    q = raw("questionnaire.csv")
    clean = q[~q["问卷编号"].isin(list(MESSY))]
    sales = orders[orders["order_id"].str.startswith("O")]
    last = sales.groupby("customer_id")["order_date"].max().map(iso)
    close = 0
    for cust, text in zip(clean["客户ID"], clean["最近一次购买日期"], strict=True):
        y, mo, d = (int(x) for x in re.findall(r"\d+", text))
        close += abs((date(y, mo, d) - last[cust]).days) <= 7
    assert close == len(clean)
    sat = clean["满意度"].astype(int)
    assert (sat >= 4).mean() > 0.6 and (sat <= 3).any()
    rec = clean["推荐意愿"].astype(int)
    nps = 100 * ((rec >= 9).mean() - (rec <= 6).mean())
    assert 15 <= nps <= 45


# --- loaders ---------------------------------------------------------------------------------
def test_loaders_types_and_fresh_copies():
    o = rdata.load_orders()
    assert pd.api.types.is_datetime64_any_dtype(o["order_date"])
    assert o["order_date"].max() <= rdata.COURSE_ASOF
    assert o["amount"].dtype == "float64" and o["quantity"].dtype == "int64"
    assert isinstance(o["customer_id"].iloc[0], str)
    o.loc[:, "amount"] = 0.0
    assert rdata.load_orders()["amount"].sum() > 0  # nothing cached was changed

    m = rdata.load_members()
    assert pd.api.types.is_datetime64_any_dtype(m["birthday"])
    assert pd.api.types.is_datetime64_any_dtype(m["join_date"])
    assert m["phone"].map(lambda v: isinstance(v, str) and len(v) == 11).all()

    p = rdata.load_products()
    assert p["price"].dtype == "float64" and len(p) == 60

    s = rdata.load_samsclub_members()
    assert s["uses_wechat"].dtype == bool and s["last_month_spend"].dtype == "float64"
    c = rdata.load_samsclub_campaign()
    assert c["visits_w1_before"].dtype == "int64" and c["sales_round2"].dtype == "float64"
    spend = s.set_index("member_id")["last_month_spend"]
    assert (c["sales_before"].to_numpy() == spend.loc[c["member_id"]].to_numpy()).all()

    assert rdata.questionnaire_path() == DATA / "questionnaire.csv"
    assert rdata.COURSE_ASOF == pd.Timestamp("2026-06-10")


def test_missing_data_folder_is_explained(monkeypatch, tmp_path):
    monkeypatch.setattr(rdata, "DATA_DIR", tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="pip install -e ."):
        rdata.load_orders()


def test_load_questionnaire_is_the_clean_survey():
    pytest.importorskip("rfmkit.io")
    q = rdata.load_questionnaire()
    ids = set(q["response_id"])
    assert len(q) == 400 - (len(MESSY) - len(AFTER_ASOF))
    assert not ids & (set(MESSY) - AFTER_ASOF)
    assert AFTER_ASOF <= ids  # still there: rfm_from_questionnaire deals with them
    for column in [
        "customer_id", "last_purchase_date", "purchases_per_quarter", "spend_per_quarter",
        "satisfaction", "recommend",
    ]:  # fmt: skip
        assert column in q.columns


# --- the capstone's second shop (notebook 09) ----------------------------------------------------
def test_shop2_is_regenerated_byte_for_byte_and_alone(tmp_path):
    subprocess.run([sys.executable, str(DATA / "make_data.py"), "--shop2", str(tmp_path)],
                   check=True, timeout=120)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop2_orders.csv"]
    assert filecmp.cmp(tmp_path / "shop2_orders.csv", DATA / "shop2_orders.csv", shallow=False)


def test_shop2_is_a_raw_export_with_five_messy_rows():
    import rfmkit

    path = rfmkit.shop2_orders_path()
    blob = path.read_bytes()
    assert not blob.startswith(b"\xef\xbb\xbf") and b"\r" not in blob
    lines = blob.decode("utf-8").splitlines()
    assert lines[0] == "订单编号,买家ID,下单时间,实付金额(元),商品类目"
    read = rfmkit.read_orders(path)
    assert read.rows_read == len(lines) - 1
    assert len(read.data) + len(read.rejected) == read.rows_read
    assert len(read.rejected) == 5
    assert read.data["order_id"].is_unique
    assert read.data["order_date"].max() <= rfmkit.COURSE_ASOF + pd.Timedelta(days=1)
    assert 300 <= read.data["customer_id"].nunique() <= 420
