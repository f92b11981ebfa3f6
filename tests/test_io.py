"""Tests for rfmkit.io: reading real shop files safely.

Every expected value below is written out by hand; none is computed by the code under test.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rfmkit.io import (
    _SCHEMAS,
    ReadResult,
    _date_grammar,
    _money_grammar,
    _norm_header,
    _padded,
    _parse_dates,
    _parse_money,
    _plain,
    _repeated,
    parse_count,
    parse_date,
    parse_money,
    parse_score,
    read_members,
    read_orders,
    read_questionnaire,
)

DATE_REASON = "not a date (expected e.g. 2025-05-03, 2025/5/3 or 2025年5月3日)"
# .data's text dtype: pandas' default string dtype in pandas 3, object before
TEXT = "str" if int(pd.__version__.split(".")[0]) >= 3 else "object"
MONEY_REASON = "not an amount of money (expected e.g. 1200, 1,200.50 or ¥1200)"
DECIMALS_REASON = "more than 2 decimal places: not a yuan amount"
THOUSANDS_REASON = "badly placed thousands separator (expected e.g. 1,200 or 1,200,000)"


def csv_bytes(text: str, encoding: str = "utf-8") -> io.BytesIO:
    return io.BytesIO(text.encode(encoding))


def rejected_rows(result: ReadResult) -> list[tuple[int, str, str, str]]:
    return [tuple(r) for r in result.rejected.itertuples(index=False)]


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


ORDERS_ZH = (
    "订单号,客户ID,下单时间,实付金额\n"
    "A001,C01,2025-05-03 14:22:01,1200\n"
    'A002,C02,2025/5/4,"1,200.50"\n'
    "A003,C01,2025年6月1日,￥99.9\n"
)


def check_orders_zh(result: ReadResult) -> None:
    assert list(result.data.columns) == ["order_id", "customer_id", "order_date", "amount"]
    assert result.data["order_id"].tolist() == ["A001", "A002", "A003"]
    assert result.data["customer_id"].tolist() == ["C01", "C02", "C01"]
    assert result.data["order_date"].tolist() == [
        ts("2025-05-03 14:22:01"),
        ts("2025-05-04"),
        ts("2025-06-01"),
    ]
    assert result.data["amount"].tolist() == [1200.0, 1200.5, 99.9]
    assert result.rows_read == 3
    assert result.rejected.empty
    assert result.source_columns == {
        "order_id": "订单号",
        "customer_id": "客户ID",
        "order_date": "下单时间",
        "amount": "实付金额",
    }


# ---------------------------------------------------------------------------------------------
# Encodings and sources
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("gbk", b"", "gb18030"),
        ("gb18030", b"", "gb18030"),
    ],
)
def test_encodings_from_buffer(encoding: str, prefix: bytes, expected: str) -> None:
    result = read_orders(io.BytesIO(prefix + ORDERS_ZH.encode(encoding)))
    assert result.encoding == expected
    check_orders_zh(result)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_encodings_from_files(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"orders_{encoding}.csv"
    path.write_bytes(ORDERS_ZH.encode(encoding))
    check_orders_zh(read_orders(path))
    check_orders_zh(read_orders(str(path)))


def test_gb18030_only_characters() -> None:
    # 䶮 (U+4DAE) and 😀 exist in GB18030 but not in GBK
    text = "订单号,客户ID,下单时间,实付金额,备注\nA1,C1,2025-05-03,10,䶮😀\n"
    result = read_orders(io.BytesIO(text.encode("gb18030")))
    assert result.encoding == "gb18030"
    assert result.data["备注"].tolist() == ["䶮😀"]


def test_bom_header_matches_and_explicit_encoding() -> None:
    raw = "\ufefforder_id,customer_id,order_date,amount\n1,2,2025-01-01,3\n".encode()
    result = read_orders(io.BytesIO(raw))
    assert result.encoding == "utf-8-sig"
    assert result.source_columns["order_id"] == "order_id"
    result = read_orders(io.BytesIO(ORDERS_ZH.encode("gbk")), encoding="gbk")
    assert result.encoding == "gbk"
    check_orders_zh(result)


def test_wrong_explicit_encoding_is_a_plain_error() -> None:
    with pytest.raises(ValueError, match="could not be read with encoding='utf-8'"):
        read_orders(io.BytesIO(ORDERS_ZH.encode("gbk")), encoding="utf-8")


def test_text_buffer_and_raw_bytes() -> None:
    result = read_orders(io.StringIO(ORDERS_ZH))
    assert result.encoding is None
    check_orders_zh(result)
    check_orders_zh(read_orders(ORDERS_ZH.encode("gbk")))


def test_crlf_line_ends_and_tab_separated() -> None:
    crlf = ORDERS_ZH.replace("\n", "\r\n")
    check_orders_zh(read_orders(csv_bytes(crlf)))
    tabbed = "订单号\t客户ID\t下单时间\t实付金额\nA1\tC1\t2025-05-03\t1,200\n"
    result = read_orders(csv_bytes(tabbed, "gbk"))
    assert result.data["amount"].tolist() == [1200.0]


def test_old_xls_file_is_refused_plainly() -> None:
    with pytest.raises(ValueError, match=r"old Excel 97-2003 \(\.xls\)"):
        read_orders(io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100))


def test_missing_path_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        read_orders(tmp_path / "nope.csv")


def test_other_sources_and_separators(tmp_path: Path) -> None:
    # Excel's "Unicode text" export: UTF-16 with a BOM, tab separated
    text = "订单号\t客户ID\t下单时间\t实付金额\nA1\tC1\t2025/5/3\t1,200\n"
    utf16 = read_orders(io.BytesIO(text.encode("utf-16")))
    assert utf16.encoding == "utf-16"
    assert utf16.data["amount"].tolist() == [1200.0]
    with pytest.raises(ValueError, match="is a folder, not a file"):
        read_orders(tmp_path)
    with pytest.raises(TypeError, match="expected a file path"):
        read_orders(12345)  # type: ignore[arg-type]
    fake = tmp_path / "orders.xlsx"
    fake.write_text(ORDERS_ZH, encoding="utf-8")
    with pytest.raises(ValueError, match="could not be opened as an Excel .xlsx file"):
        read_orders(fake)


def test_too_many_values_on_a_tab_separated_line() -> None:
    text = "订单号\t客户ID\t日期\t金额\nA1\tC1\t2025-05-03\t10\textra\n"
    result = read_orders(csv_bytes(text))
    assert rejected_rows(result) == [
        (
            2,
            "",
            "A1\tC1\t2025-05-03\t10\textra",
            "this line has 5 values but the header has 4 columns "
            "(a value that contains a tab needs quotes)",
        )
    ]


def test_many_rows_mixing_fast_and_careful_paths() -> None:
    date_styles = ["2025-03-{d:02d}", "2025/3/{d}", "2025年3月{d}日", "2025-03-{d:02d} 10:30"]
    money_styles = ["{a}.50", "￥{a},000.50", "{a}.5元", "-{a}"]
    lines = ["订单号,客户ID,下单时间,实付金额"]
    for i in range(2000):
        day = i % 28 + 1
        date = date_styles[i % 4].format(d=day)
        money = money_styles[(i // 4) % 4].format(a=i % 9 + 1)
        lines.append(f'A{i},C{i % 50},{date},"{money}"')
    lines.append("A2000,C1,2025-03-32,1")  # impossible day: line 2002
    result = read_orders(csv_bytes("\n".join(lines) + "\n", "gbk"))
    assert result.rows_read == 2001
    assert len(result.data) == 2000
    assert rejected_rows(result) == [
        (2002, "下单时间", "2025-03-32", "impossible date: 2025-03-32 does not exist")
    ]
    data = result.data
    # amounts: row 0 "1.50", row 1 "2.50", row 4 "￥5,000.50", row 6 "￥7,000.50",
    # row 8 "9.5元", row 12 "-4"; dates: row 2 "2025年3月3日", row 11 "2025-03-12 10:30"
    assert data.loc[0, "order_date"] == ts("2025-03-01")
    assert data.loc[1, "order_date"] == ts("2025-03-02")
    assert data.loc[2, "order_date"] == ts("2025-03-03")
    assert data.loc[11, "order_date"] == ts("2025-03-12 10:30")
    assert data["amount"].iloc[[0, 1, 4, 6, 8, 12]].tolist() == [
        1.5, 2.5, 5000.5, 7000.5, 9.5, -4.0
    ]  # fmt: skip
    assert data["amount"].dtype == "float64"
    assert data["order_date"].dtype == "datetime64[ns]"


# ---------------------------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------------------------


def write_xlsx(path: Path, rows: list[list[object]], title: str = "订单") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def test_excel_with_real_datetime_and_number_cells(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "orders.xlsx",
        [
            ["订单号", "客户ID", "下单时间", "实付金额", "数量"],
            [1001, "C01", dt.datetime(2025, 5, 3), 1200.0, 2],
            [1002, "C02", dt.datetime(2025, 5, 4, 14, 22), 0.1 + 0.2, 1.0],
            [None, None, None, None, None],  # blank row inside the data
            [1003, "C03", "2025/6/1", "¥35.50", 3],
            [1004, "C04", dt.date(2025, 6, 2), 12.345, 1],
        ],
    )
    result = read_orders(path)
    assert result.encoding is None
    assert result.rows_read == 5
    assert result.data["order_id"].tolist() == ["1001", "1002", "1003"]
    assert result.data["order_date"].tolist() == [
        ts("2025-05-03"),
        ts("2025-05-04 14:22"),
        ts("2025-06-01"),
    ]
    assert result.data["amount"].tolist() == [1200.0, 0.3, 35.5]
    assert result.data["quantity"].tolist() == [2, 1, 3]
    assert rejected_rows(result) == [
        (4, "", "", "empty row"),
        (6, "实付金额", "12.345", DECIMALS_REASON),
    ]


def test_excel_from_buffer_by_sheet_name_and_header_only(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "this sheet is notes"
    ws = wb.create_sheet("问卷")
    ws.append(["客户编号", "最近一次购买日期", "平均每季度购买次数", "平均每季度消费金额"])
    ws.append(["C1", dt.datetime(2025, 5, 3, 9, 30), 3, 450])
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    result = read_questionnaire(buffer, sheet_name="问卷")
    assert result.data["last_purchase_date"].tolist() == [ts("2025-05-03")]
    assert result.data["purchases_per_quarter"].tolist() == [3]
    assert result.data["spend_per_quarter"].tolist() == [450.0]

    buffer.seek(0)
    with pytest.raises(ValueError, match="no sheet named '订单'"):
        read_questionnaire(buffer, sheet_name="订单")

    path = write_xlsx(tmp_path / "empty.xlsx", [["订单号", "客户ID", "日期", "金额"]])
    result = read_orders(path)
    assert result.rows_read == 0
    assert len(result.data) == 0
    assert result.data.dtypes.astype(str).tolist() == [
        TEXT,
        TEXT,
        "datetime64[ns]",
        "float64",
    ]


def test_excel_rows_are_sheet_row_numbers_after_a_leading_blank_row(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "members.xlsx",
        [
            [None, None],
            ["会员ID", "手机号"],
            ["M1", "013800138000"],
            ["", 13900139000],
        ],
    )
    result = read_members(path)
    assert result.data["phone"].tolist() == ["013800138000"]
    assert rejected_rows(result) == [(4, "会员ID", "", "customer_id is blank")]


def test_excel_sheet_number_out_of_range(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "one.xlsx", [["订单号", "客户ID", "日期", "金额"]])
    with pytest.raises(ValueError, match="has 1 sheet"):
        read_orders(path, sheet_name=3)


def test_empty_excel_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "blank.xlsx", [])
    with pytest.raises(ValueError, match="is empty: no header row"):
        read_orders(path)


# ---------------------------------------------------------------------------------------------
# Header matching
# ---------------------------------------------------------------------------------------------

ORDER_ALIASES = {
    "order_id": ["order_id", "order id", "order no", "order_no", "订单号", "订单编号", "订单ID",
                 "单号"],
    "customer_id": ["customer_id", "customer", "customer id", "member_id", "客户ID", "客户编号",
                    "会员ID", "会员号", "买家会员名", "顾客ID", "买家ID"],
    "order_date": ["order_date", "date", "order date", "下单日期", "下单时间", "订单创建时间",
                   "付款时间", "日期"],
    "amount": ["amount", "total", "paid", "金额", "实付金额", "买家实际支付金额", "订单金额",
               "支付金额"],
}  # fmt: skip
ORDER_VALUES = {
    "order_id": ("A9", "A9"),
    "customer_id": ("C9", "C9"),
    "order_date": ("2025-05-03", ts("2025-05-03")),
    "amount": ("88", 88.0),
}


@pytest.mark.parametrize(
    ("canonical", "alias"),
    [(c, a) for c, aliases in ORDER_ALIASES.items() for a in aliases],
)
def test_order_alias(canonical: str, alias: str) -> None:
    headers = [alias if c == canonical else c for c in ORDER_VALUES]
    values = [raw for raw, _ in ORDER_VALUES.values()]
    result = read_orders(csv_bytes(",".join(headers) + "\n" + ",".join(values) + "\n", "gbk"))
    assert result.source_columns[canonical] == alias
    assert result.data[canonical].tolist() == [ORDER_VALUES[canonical][1]]


@pytest.mark.parametrize(
    ("canonical", "alias", "raw", "expected"),
    [
        ("product_id", "商品ID", "P01", "P01"),
        ("product_id", "商品编号", "P01", "P01"),
        ("product_id", "product_id", "P01", "P01"),
        ("quantity", "quantity", "2", 2),
        ("quantity", "qty", "2", 2),
        ("quantity", "数量", "2件", 2),
        ("quantity", "购买数量", "2", 2),
        ("unit_price", "unit_price", "9.90", 9.9),
        ("unit_price", "price", "9.90", 9.9),
        ("unit_price", "单价", "￥9.90", 9.9),
    ],
)
def test_order_optional_columns(canonical: str, alias: str, raw: str, expected: object) -> None:
    text = f"订单号,客户ID,日期,金额,{alias}\nA1,C1,2025-05-03,19.8,{raw}\n"
    result = read_orders(csv_bytes(text))
    assert result.source_columns[canonical] == alias
    assert result.data[canonical].tolist() == [expected]
    assert list(result.data.columns)[4] == canonical


QUESTIONNAIRE_ALIASES = {
    "customer_id": ["customer_id", "客户ID", "会员号", "顾客ID"],
    "last_purchase_date": ["last_purchase_date", "last_purchase", "last purchase",
                           "最近一次购买日期", "最近一次购买时间", "最近购买日期", "上次购买时间"],
    "purchases_per_quarter": ["purchases_per_quarter", "purchases per quarter",
                              "平均每季度购买次数", "每季度购买次数", "购买次数"],
    "spend_per_quarter": ["spend_per_quarter", "spend per quarter", "平均每季度消费金额",
                          "每季度消费金额", "消费金额"],
    "satisfaction": ["satisfaction", "csat", "满意度", "满意度(1-5)", "满意度（1-5）"],
    "recommend": ["recommend", "would_recommend", "nps", "推荐意愿", "推荐意愿(0-10)",
                  "推荐可能性"],
    "response_id": ["response_id", "问卷编号"],
}  # fmt: skip
QUESTIONNAIRE_VALUES = {
    "customer_id": ("C7", "C7"),
    "last_purchase_date": ("2025/5/3 18:00", ts("2025-05-03")),
    "purchases_per_quarter": ("3次", 3),
    "spend_per_quarter": ("1200元", 1200.0),
    "satisfaction": ("4", 4),
    "recommend": ("9", 9),
    "response_id": ("R001", "R001"),
}


@pytest.mark.parametrize(
    ("canonical", "alias"),
    [(c, a) for c, aliases in QUESTIONNAIRE_ALIASES.items() for a in aliases],
)
def test_questionnaire_alias(canonical: str, alias: str) -> None:
    headers = [alias if c == canonical else c for c in QUESTIONNAIRE_VALUES]
    values = [raw for raw, _ in QUESTIONNAIRE_VALUES.values()]
    text = ",".join(headers) + "\n" + ",".join(values) + "\n"
    result = read_questionnaire(csv_bytes(text, "gbk"))
    assert result.source_columns[canonical] == alias
    assert result.data[canonical].tolist() == [QUESTIONNAIRE_VALUES[canonical][1]]


MEMBER_ALIASES = [
    ("name", "姓名", "张三", "张三"),
    ("gender", "性别", "女", "女"),
    ("birthday", "生日", "1990-01-31", ts("1990-01-31")),
    ("birthday", "出生日期", "1990年1月31日", ts("1990-01-31")),
    ("age_band", "年龄段", "25-34", "25-34"),
    ("occupation", "职业", "教师", "教师"),
    ("income_band", "月收入", "5000-8000", "5000-8000"),
    ("income_band", "个人月收入", "5000-8000", "5000-8000"),
    ("city", "城市", "杭州", "杭州"),
    ("city", "地区", "杭州", "杭州"),
    ("phone", "phone", "013800138000", "013800138000"),
    ("phone", "mobile", "13800138000", "13800138000"),
    ("phone", "手机", "13800138000", "13800138000"),
    ("phone", "手机号", " 13800138000 ", "13800138000"),
    ("phone", "电话", "0571-88888888", "0571-88888888"),
    ("email", "邮箱", "a@b.cn", "a@b.cn"),
    ("email", "电子邮件", "a@b.cn", "a@b.cn"),
    ("wechat", "微信", "wx_01", "wx_01"),
    ("preferred_channel", "偏好渠道", "短信", "短信"),
    ("preferred_channel", "联系方式偏好", "微信", "微信"),
    ("join_date", "入会日期", "2024.3.8", ts("2024-03-08")),
    ("join_date", "注册日期", "2024/3/8", ts("2024-03-08")),
]


@pytest.mark.parametrize(("canonical", "alias", "raw", "expected"), MEMBER_ALIASES)
def test_member_alias(canonical: str, alias: str, raw: str, expected: object) -> None:
    result = read_members(csv_bytes(f"会员ID,{alias}\nM001,{raw}\n", "gbk"))
    assert result.source_columns == {"customer_id": "会员ID", canonical: alias}
    assert result.data[canonical].tolist() == [expected]
    assert result.data["customer_id"].tolist() == ["M001"]


def test_member_dates_blank_is_missing_and_bad_is_rejected() -> None:
    text = "会员ID,生日,入会日期\nM1,,2024-01-01\nM2,1990-02-30,2024-01-01\nM3,1990-02-28,\n"
    result = read_members(csv_bytes(text))
    assert result.data["customer_id"].tolist() == ["M1", "M3"]
    assert result.data["birthday"].isna().tolist() == [True, False]
    assert result.data["join_date"].isna().tolist() == [False, True]
    assert result.data["birthday"].dtype == "datetime64[ns]"
    assert rejected_rows(result) == [
        (3, "生日", "1990-02-30", "impossible date: 1990-02-30 does not exist")
    ]


def test_header_normalisation() -> None:
    text = " Order ID ,CUSTOMER-ID,Order_Date,Amount \n1,2,2025-05-03,3\n"
    result = read_orders(csv_bytes(text))
    assert result.source_columns == {
        "order_id": "Order ID",
        "customer_id": "CUSTOMER-ID",
        "order_date": "Order_Date",
        "amount": "Amount",
    }


def test_header_with_unit_in_brackets() -> None:
    text = "订单号,客户ID,日期,实付金额（元）\nA1,C1,2025-05-03,10\n"
    result = read_orders(csv_bytes(text))
    assert result.source_columns["amount"] == "实付金额（元）"
    assert result.data["amount"].tolist() == [10.0]


def test_aliases_do_not_overlap_within_a_reader() -> None:
    for schema in _SCHEMAS.values():
        seen: dict[str, str] = {}
        for field in schema:
            for alias in field.aliases:
                key = _norm_header(alias)
                assert seen.setdefault(key, field.name) == field.name, (alias, field.name)


def test_priority_when_two_date_columns_exist() -> None:
    text = (
        "订单号,客户ID,付款时间,订单创建时间,实付金额\nA1,C1,2025-05-04 10:00,2025-05-03 23:59,10\n"
    )
    result = read_orders(csv_bytes(text))
    assert result.source_columns["order_date"] == "订单创建时间"
    assert result.data["order_date"].tolist() == [ts("2025-05-03 23:59")]
    # the other date column is kept, unchanged, as text after the canonical ones
    assert list(result.data.columns) == [
        "order_id",
        "customer_id",
        "order_date",
        "amount",
        "付款时间",
    ]
    assert result.data["付款时间"].tolist() == ["2025-05-04 10:00"]


def test_priority_of_amount_aliases_and_duplicate_headers() -> None:
    text = "订单号,客户ID,日期,订单金额,实付金额,实付金额\nA1,C1,2025-05-03,100,90,x\n"
    result = read_orders(csv_bytes(text))
    assert result.source_columns["amount"] == "实付金额"
    assert result.data["amount"].tolist() == [90.0]
    assert list(result.data.columns)[4:] == ["订单金额", "实付金额"]
    assert result.data["实付金额"].tolist() == ["x"]


def test_unmatched_columns_are_kept_unchanged_as_text() -> None:
    text = "备注,订单号,客户ID,日期,金额,店铺\n 007 ,A1,C1,2025-05-03,10,旗舰店\n"
    result = read_orders(csv_bytes(text))
    assert list(result.data.columns) == [
        "order_id", "customer_id", "order_date", "amount", "备注", "店铺"
    ]  # fmt: skip
    assert result.data["备注"].tolist() == [" 007 "]


def test_trailing_commas_do_not_make_columns() -> None:
    text = "订单号,客户ID,日期,金额,,\nA1,C1,2025-05-03,10,,\n"
    result = read_orders(csv_bytes(text))
    assert list(result.data.columns) == ["order_id", "customer_id", "order_date", "amount"]


def test_explicit_mapping_overrides_detection() -> None:
    text = "编号,客户ID,日期,成交价,金额\nA1,C1,2025-05-03,80,100\n"
    result = read_orders(csv_bytes(text), columns={"order_id": "编号", "amount": "成交价"})
    assert result.source_columns["amount"] == "成交价"
    assert result.source_columns["order_id"] == "编号"
    assert result.data["amount"].tolist() == [80.0]
    assert result.data["金额"].tolist() == ["100"]


def test_explicit_mapping_to_missing_header() -> None:
    with pytest.raises(ValueError) as info:
        read_orders(csv_bytes(ORDERS_ZH), columns={"amount": "成交价"})
    message = str(info.value)
    assert "'成交价'" in message
    assert "['订单号', '客户ID', '下单时间', '实付金额']" in message


def test_explicit_mapping_unknown_canonical_name() -> None:
    with pytest.raises(ValueError, match="unknown column 'amout'"):
        read_orders(csv_bytes(ORDERS_ZH), columns={"amout": "实付金额"})


def test_missing_required_column_message() -> None:
    text = "订单号,客户ID,日期\nA1,C1,2025-05-03\n"
    with pytest.raises(ValueError) as info:
        read_orders(csv_bytes(text, "gbk"))
    message = str(info.value)
    assert message.startswith("Missing required column 'amount' (accepted headers: amount, ")
    assert "实付金额" in message
    assert "Columns found in the file: ['订单号', '客户ID', '日期']" in message
    assert "Pass columns={'amount': '<your header>'} to map it." in message


def test_missing_required_questionnaire_column() -> None:
    text = "客户ID,最近一次购买日期,消费金额\nC1,2025-05-03,100\n"
    with pytest.raises(ValueError, match="'purchases_per_quarter'") as info:
        read_questionnaire(csv_bytes(text))
    assert "['客户ID', '最近一次购买日期', '消费金额']" in str(info.value)


# ---------------------------------------------------------------------------------------------
# Empty files
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\n  \r\n", b"\xef\xbb\xbf", b",,,\n"])
def test_empty_file(content: bytes, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="is empty: no header row"):
        read_orders(io.BytesIO(content))
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="empty.csv' is empty: no header row"):
        read_orders(path)


def test_header_only_file() -> None:
    result = read_orders(csv_bytes("订单号,客户ID,下单时间,实付金额,数量\n"))
    assert result.rows_read == 0
    assert list(result.data.columns) == [
        "order_id", "customer_id", "order_date", "amount", "quantity"
    ]  # fmt: skip
    assert result.data.dtypes.astype(str).tolist() == [
        TEXT, TEXT, "datetime64[ns]", "float64", "int64"
    ]  # fmt: skip
    assert isinstance(result.data.index, pd.RangeIndex)
    assert list(result.rejected.columns) == ["row", "column", "value", "reason"]
    assert result.rejected.empty
    assert repr(result) == "0 rows read: 0 kept, 0 rejected"


def test_header_only_questionnaire_dtypes() -> None:
    text = "客户ID,最近一次购买日期,购买次数,消费金额,满意度,推荐意愿\n"
    result = read_questionnaire(csv_bytes(text))
    assert result.data.dtypes.astype(str).tolist() == [
        TEXT, "datetime64[ns]", "int64", "float64", "Int64", "Int64"
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Value parsers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025/5/3", dt.datetime(2025, 5, 3)),
        ("2025-05-03", dt.datetime(2025, 5, 3)),
        ("2025.5.3", dt.datetime(2025, 5, 3)),
        ("2025年5月3日", dt.datetime(2025, 5, 3)),
        ("2025年05月03日", dt.datetime(2025, 5, 3)),
        ("2025/5/3 14:22", dt.datetime(2025, 5, 3, 14, 22)),
        ("2025-05-03 14:22:01", dt.datetime(2025, 5, 3, 14, 22, 1)),
        ("2025-05-03T14:22:01", dt.datetime(2025, 5, 3, 14, 22, 1)),
        ("2025年5月3日 9:05", dt.datetime(2025, 5, 3, 9, 5)),
        ("2025年5月3日14:22", dt.datetime(2025, 5, 3, 14, 22)),
        (" 2025-05-03 ", dt.datetime(2025, 5, 3)),
        ("２０２５-05-03", dt.datetime(2025, 5, 3)),
        ("2024-02-29", dt.datetime(2024, 2, 29)),
    ],
)
def test_parse_date_accepts(text: str, expected: dt.datetime) -> None:
    assert parse_date(text) == (expected, None)


def test_parse_date_can_drop_the_time() -> None:
    assert parse_date("2025/5/3 14:22", keep_time=False) == (dt.datetime(2025, 5, 3), None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("20250503", "not a date: 8-digit numbers like 20250503 are ambiguous (write 2025-05-03)"),
        ("2025-02-30", "impossible date: 2025-02-30 does not exist"),
        ("2025-13-01", "impossible date: 2025-13-01 does not exist"),
        ("2023-02-29", "impossible date: 2023-02-29 does not exist"),
        ("2025-05-03 25:00", "impossible time of day: 25:00"),
        ("2025-05-03 14:61:00", "impossible time of day: 14:61:00"),
        ("1025-05-03", "year 1025 is out of range (expected 1900-2100)"),
        ("03/05/2025", DATE_REASON),
        ("5/3/2025", DATE_REASON),
        ("25/5/3", DATE_REASON),
        ("2025/5-3", DATE_REASON),
        ("上周", DATE_REASON),
        ("2025-05", DATE_REASON),
        ("", "blank"),
    ],
)
def test_parse_date_rejects(text: str, reason: str) -> None:
    assert parse_date(text) == (None, reason)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), (" 3 ", 3), ("3次", 3), ("3.0", 3), ("0", 0), ("12", 12), ("３", 3), ("+2", 2)],
)
def test_parse_count_accepts(text: str, expected: int) -> None:
    assert parse_count(text) == (expected, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2.5", "not a whole number of purchases"),
        ("-1", "negative number of purchases"),
        ("不记得", "not a whole number of purchases"),
        ("abc", "not a whole number of purchases"),
        ("三", "not a whole number of purchases"),
        ("3-4", "not a whole number of purchases"),
        ("", "blank"),
    ],
)
def test_parse_count_rejects(text: str, reason: str) -> None:
    assert parse_count(text) == (None, reason)


def test_parse_count_noun() -> None:
    assert parse_count("1.5", noun="items") == (None, "not a whole number of items")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1200", 1200.0),
        ("1200.5", 1200.5),
        ("1,200", 1200.0),
        ("1,200.50", 1200.5),
        ("￥1,200", 1200.0),
        ("¥1200", 1200.0),
        ("1200元", 1200.0),
        ("RMB 1200", 1200.0),
        ("rmb1200", 1200.0),
        (" 1200 ", 1200.0),
        ("1,234,567.89", 1234567.89),
        ("0.1", 0.1),
        ("-35.20", -35.2),
        ("-¥35.2", -35.2),
        ("¥-35.2", -35.2),
        ("0", 0.0),
        ("１２００", 1200.0),
    ],
)
def test_parse_money_accepts(text: str, expected: float) -> None:
    assert parse_money(text) == (expected, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12.345", DECIMALS_REASON),
        ("1,20", THOUSANDS_REASON),
        ("12,00,000", THOUSANDS_REASON),
        ("1,2000", THOUSANDS_REASON),
        ("0,100", THOUSANDS_REASON),
        ("$1200", MONEY_REASON),
        ("abc", MONEY_REASON),
        ("一千", MONEY_REASON),
        ("1e3", MONEY_REASON),
        ("--5", MONEY_REASON),
        ("1.2万", MONEY_REASON),
        ("", "blank"),
    ],
)
def test_parse_money_rejects(text: str, reason: str) -> None:
    assert parse_money(text) == (None, reason)


def test_parse_money_negative_in_survey() -> None:
    assert parse_money("-100", allow_negative=False) == (
        None,
        "negative amount in a survey answer",
    )
    assert parse_money("0", allow_negative=False) == (0.0, None)


def test_parse_score() -> None:
    assert parse_score("4", low=1, high=5, name="satisfaction") == (4, None)
    assert parse_score("5分", low=1, high=5, name="satisfaction") == (5, None)
    assert parse_score("6", low=1, high=5, name="satisfaction") == (
        None,
        "satisfaction must be a whole number from 1 to 5",
    )
    assert parse_score("0", low=0, high=10, name="recommend") == (0, None)
    assert parse_score("3.5", low=0, high=10, name="recommend") == (
        None,
        "recommend must be a whole number from 0 to 10",
    )


# ---------------------------------------------------------------------------------------------
# Rejections in files
# ---------------------------------------------------------------------------------------------


def test_each_bad_order_value_rejects_its_row() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额,数量\n"  # line 1
        "A01,C1,2025-05-03,100,1\n"  # 2 ok
        "A02,C1,2025-02-30,100,1\n"  # 3 impossible date
        "A03,C1,20250503,100,1\n"  # 4 8 digits
        "A04,C1,2025-05-03,12.345,1\n"  # 5 decimals
        'A05,C1,2025-05-03,"1,20",1\n'  # 6 thousands
        "A06, ,2025-05-03,100,1\n"  # 7 blank customer
        ",C1,2025-05-03,100,1\n"  # 8 blank order id
        "A08,C1,2025-05-03,100,2.5\n"  # 9 fractional quantity
        "A09,C1,2025-05-03,100,-1\n"  # 10 negative quantity
        "A10,C1,2025-05-03,-100,1\n"  # 11 ok: refund
        "A11,C1,,100,1\n"  # 12 blank date
        "A12,C1,2025-05-03,,1\n"  # 13 blank amount
        "A13,C1,2025-05-03,免费,1\n"  # 14 not money
        "A14,C1,2025-05-03,0,0\n"  # 15 ok: zero
    )
    result = read_orders(csv_bytes(text, "gbk"))
    assert result.rows_read == 14
    assert result.data["order_id"].tolist() == ["A01", "A10", "A14"]
    assert result.data["amount"].tolist() == [100.0, -100.0, 0.0]
    assert result.data["quantity"].tolist() == [1, 1, 0]
    assert rejected_rows(result) == [
        (3, "下单时间", "2025-02-30", "impossible date: 2025-02-30 does not exist"),
        (
            4,
            "下单时间",
            "20250503",
            "not a date: 8-digit numbers like 20250503 are ambiguous (write 2025-05-03)",
        ),
        (5, "实付金额", "12.345", DECIMALS_REASON),
        (6, "实付金额", "1,20", THOUSANDS_REASON),
        (7, "客户ID", " ", "customer_id is blank"),
        (8, "订单号", "", "order_id is blank"),
        (9, "数量", "2.5", "not a whole number of items"),
        (10, "数量", "-1", "negative number of items"),
        (12, "下单时间", "", "order_date is blank"),
        (13, "实付金额", "", "amount is blank"),
        (14, "实付金额", "免费", MONEY_REASON),
    ]


def test_several_problems_in_one_row() -> None:
    text = "订单号,客户ID,下单时间,实付金额\nA1,,上周,1.234\n"
    result = read_orders(csv_bytes(text))
    assert rejected_rows(result) == [
        (
            2,
            "客户ID",
            "",
            f"客户ID: customer_id is blank; 下单时间: {DATE_REASON}; 实付金额: {DECIMALS_REASON}",
        )
    ]


def test_blank_line_in_the_middle_keeps_line_numbers() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额\n"
        "A1,C1,2025-05-03,10\n"
        "\n"
        "A2,C2,2025-05-04,20\n"
        "   \n"
        ",,,\n"
        "A3,C3,2025-13-01,30\n"
        "\n"
        "\n"
    )
    result = read_orders(csv_bytes(text))
    assert result.rows_read == 6  # the two blank lines at the very end are not rows
    assert result.data["order_id"].tolist() == ["A1", "A2"]
    assert rejected_rows(result) == [
        (3, "", "", "empty row"),
        (5, "", "", "empty row"),
        (6, "", "", "empty row"),
        (7, "下单时间", "2025-13-01", "impossible date: 2025-13-01 does not exist"),
    ]


def test_leading_blank_line_before_header() -> None:
    text = "\n订单号,客户ID,下单时间,实付金额\nA1,C1,2025-05-03,10\nA2,C1,2025-05-03,x\n"
    result = read_orders(csv_bytes(text))
    assert result.data["order_id"].tolist() == ["A1"]
    assert rejected_rows(result) == [(4, "实付金额", "x", MONEY_REASON)]


def test_quoted_line_break_and_too_many_values() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额,备注\n"
        'A1,C1,2025-05-03,10,"two\nlines"\n'  # lines 2-3
        "A2,C1,2025-05-03,20,ok,extra\n"  # line 4
        "A3,C1,2025-05-03,x,\n"  # line 5
        "A4,C1,2025-05-03,40\n"  # line 6: short row is padded
    )
    result = read_orders(csv_bytes(text))
    assert result.rows_read == 4
    assert result.data["order_id"].tolist() == ["A1", "A4"]
    assert result.data["备注"].tolist() == ["two\nlines", ""]
    assert rejected_rows(result) == [
        (
            4,
            "",
            "A2,C1,2025-05-03,20,ok,extra",
            "this line has 6 values but the header has 5 columns "
            "(a value that contains a comma needs quotes)",
        ),
        (5, "实付金额", "x", MONEY_REASON),
    ]


def test_messy_formats_through_the_reader() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额\n"
        "A1, C1 ,2025/5/3,￥1,200\n"  # unquoted comma: too many values
        'A2, C2 ,2025.5.3,"￥1,200"\n'
        "A3,C3,2025年5月3日 8:00,RMB 1200\n"
        "A4,C4,2025-05-03 08:00:30,1200元\n"
        "A5,C5, 2025-05-03 , 1200 \n"
        'A6,C6,2025/05/03 23:59,"1,200.50"\n'
        "A7,C7,2025-05-03,￥-15\n"
    )
    result = read_orders(csv_bytes(text, "gbk"))
    assert result.data["customer_id"].tolist() == ["C2", "C3", "C4", "C5", "C6", "C7"]
    assert result.data["order_date"].tolist() == [
        ts("2025-05-03"),
        ts("2025-05-03 08:00"),
        ts("2025-05-03 08:00:30"),
        ts("2025-05-03"),
        ts("2025-05-03 23:59"),
        ts("2025-05-03"),
    ]
    assert result.data["amount"].tolist() == [1200.0, 1200.0, 1200.0, 1200.0, 1200.5, -15.0]
    assert [r[0] for r in rejected_rows(result)] == [2]


def test_questionnaire_answers() -> None:
    text = (
        "问卷编号,客户ID,最近一次购买日期,平均每季度购买次数,平均每季度消费金额,满意度,推荐意愿\n"
        "R1,C1,2025/5/3 14:22,3次,1200元,5,10\n"  # 2 ok, time dropped
        "R2,C2,2025-04-01,0,0,,\n"  # 3 ok, optional answers blank
        "R3,C3,2025-04-01,不记得,300,4,8\n"  # 4
        "R4,C4,2025-04-01,2,-50,4,8\n"  # 5
        "R5,C5,,2,50,4,8\n"  # 6
        "R6,C6,2025-04-01,2,50,6,8\n"  # 7
        "R7,C7,2025-04-01,2,50,4,11\n"  # 8
        "R8,C8,2025-04-01,2.5,50,4,8\n"  # 9
        "R9,C9,2025-04-01,,50,4,8\n"  # 10
        "R10,C10,2025-04-01,1,50,很满意,8\n"  # 11
    )
    result = read_questionnaire(csv_bytes(text, "gbk"))
    data = result.data
    assert list(data.columns) == [
        "customer_id",
        "last_purchase_date",
        "purchases_per_quarter",
        "spend_per_quarter",
        "satisfaction",
        "recommend",
        "response_id",
    ]
    assert data["customer_id"].tolist() == ["C1", "C2"]
    assert data["last_purchase_date"].tolist() == [ts("2025-05-03"), ts("2025-04-01")]
    assert data["purchases_per_quarter"].tolist() == [3, 0]
    assert data["purchases_per_quarter"].dtype == "int64"
    assert data["spend_per_quarter"].tolist() == [1200.0, 0.0]
    assert str(data["satisfaction"].dtype) == "Int64"
    assert data["satisfaction"].iloc[0] == 5
    assert data["satisfaction"].iloc[1] is pd.NA
    assert data["recommend"].iloc[0] == 10
    assert data["recommend"].iloc[1] is pd.NA
    assert rejected_rows(result) == [
        (4, "平均每季度购买次数", "不记得", "not a whole number of purchases"),
        (5, "平均每季度消费金额", "-50", "negative amount in a survey answer"),
        (6, "最近一次购买日期", "", "blank answer"),
        (7, "满意度", "6", "satisfaction must be a whole number from 1 to 5"),
        (8, "推荐意愿", "11", "recommend must be a whole number from 0 to 10"),
        (9, "平均每季度购买次数", "2.5", "not a whole number of purchases"),
        (10, "平均每季度购买次数", "", "blank answer"),
        (11, "满意度", "很满意", "satisfaction must be a whole number from 1 to 5"),
    ]
    assert repr(result) == "10 rows read: 2 kept, 8 rejected (see .rejected)"


def test_negative_amount_kept_in_orders_but_rejected_in_survey() -> None:
    orders = read_orders(csv_bytes("订单号,客户ID,日期,金额\nA1,C1,2025-05-03,-88.5\n"))
    assert orders.data["amount"].tolist() == [-88.5]
    survey = read_questionnaire(
        csv_bytes("客户ID,最近购买日期,购买次数,消费金额\nC1,2025-05-03,1,-88.5\n")
    )
    assert survey.data.empty
    assert rejected_rows(survey) == [(2, "消费金额", "-88.5", "negative amount in a survey answer")]


def test_ids_stay_text_with_leading_zeros() -> None:
    text = "订单号,客户ID,日期,金额\n0001,007,2025-05-03,1\n"
    result = read_orders(csv_bytes(text))
    assert result.data["order_id"].tolist() == ["0001"]
    assert result.data["customer_id"].tolist() == ["007"]


def test_result_summary_and_types() -> None:
    text = "订单号,客户ID,日期,金额\nA1,C1,2025-05-03,1\nA2,C1,2025-05-03,x\n"
    result = read_orders(csv_bytes(text))
    assert result.summary() == "2 rows read: 1 kept, 1 rejected (see .rejected)"
    assert str(result) == result.summary()
    assert result.rejected.dtypes.astype(str).tolist()[0] == "int64"
    assert isinstance(result.data.index, pd.RangeIndex)
    assert isinstance(result.rejected.index, pd.RangeIndex)
    with pytest.raises(AttributeError):
        result.rows_read = 5  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------
# Plainly written values (read at C speed) agree with the full grammar
# ---------------------------------------------------------------------------------------------


def test_plain_dates_agree_with_the_grammar() -> None:
    texts = [
        "2025-05-03", "2025/05/03", "2025.05.03", "2025-05-03 14:22", "2025-05-03T14:22:01",
        "2025-02-29", "2024-02-29", "2025-05-03 24:00", "2025-05-03 14:60:00", "1899-12-31",
        "2100-12-31", "2101-01-01", "2025-05/03", "2025-00-10", "2025-05-00", "2025-05-03 1422",
    ]  # fmt: skip
    for text in texts:  # each text first, so that its own shape is the one read in C
        values = np.array([text, *texts], dtype=object)
        out, reasons = _parse_dates(values, keep_time=True)
        slow, slow_reasons = _date_grammar(values, keep_time=True)
        assert out.tolist() == slow.tolist()
        assert reasons.sort_index().to_dict() == slow_reasons.sort_index().to_dict()
    ok = [parse_date(text)[1] is None for text in texts]
    assert ok == [
        True, True, True, True, True, False, True, False, False, False,
        True, False, False, False, False, False,
    ]  # fmt: skip
    assert parse_date(texts[3])[0] == dt.datetime(2025, 5, 3, 14, 22)
    assert parse_date(texts[10])[0] == dt.datetime(2100, 12, 31)


def test_plain_money_matches_decimal() -> None:
    texts = ["0.1", "1200", "1200.5", "-35.20", "999999999999999.99", "0.07", "1.", ".5"]
    out, ok = _plain(np.array(texts, dtype=object), decimals=2)
    assert ok.tolist() == [True, True, True, True, True, True, False, False]
    assert out[:6].tolist() == [0.1, 1200.0, 1200.5, -35.2, 999999999999999.99, 0.07]
    assert float(Decimal("999999999999999.99")) == out[4]
    slow, reasons = _money_grammar(np.array(texts, dtype=object))
    assert reasons.empty
    assert slow.tolist() == [0.1, 1200.0, 1200.5, -35.2, 999999999999999.99, 0.07, 1.0, 0.5]


date_text = st.one_of(
    st.builds(
        lambda y, m, d, sep, time: f"{y}{sep}{m}{sep}{d}{time}",
        st.integers(1890, 2110).map(str),
        st.integers(0, 13).map(lambda v: f"{v:02d}" if v % 2 else str(v)),
        st.integers(0, 32).map(lambda v: f"{v:02d}" if v % 3 else str(v)),
        st.sampled_from(["-", "/", "."]),
        st.sampled_from(["", " 14:22", " 9:05:59", "T23:59:60", " 24:00", " 08:00:00"]),
    ),
    st.text(alphabet="0123456789-/.: T年月日", max_size=20),
)
money_text = st.one_of(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False).map(str),
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False).map(str),
    st.text(alphabet="0123456789.,-¥￥元 ", max_size=14),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(date_text, min_size=1, max_size=30), st.lists(money_text, min_size=1, max_size=30))
def test_plain_values_read_in_c_agree_with_the_grammars(dates: list[str], money: list[str]):
    dates_in = np.array(dates, dtype=object)
    out, reasons = _parse_dates(dates_in, keep_time=True)
    slow, slow_reasons = _date_grammar(dates_in, keep_time=True)
    assert out.tolist() == slow.tolist()
    assert reasons.sort_index().to_dict() == slow_reasons.sort_index().to_dict()
    money_in = np.array(money, dtype=object)
    out, reasons = _parse_money(money_in, allow_negative=True)
    slow, slow_reasons = _money_grammar(money_in)
    assert np.array_equal(out, slow, equal_nan=True)
    assert reasons.sort_index().to_dict() == slow_reasons.sort_index().to_dict()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(date_text, money_text), min_size=1, max_size=30))
def test_reader_agrees_with_scalar_parsers(rows: list[tuple[str, str]]) -> None:
    lines = ["订单号,客户ID,下单时间,实付金额"]
    for i, (date, money) in enumerate(rows):
        lines.append(f'A{i},C{i},"{date}","{money}"')
    result = read_orders(csv_bytes("\n".join(lines) + "\n"))
    assert len(result.data) + len(result.rejected) == result.rows_read == len(rows)
    kept = dict(zip(result.data["order_id"], result.data.itertuples(index=False), strict=True))
    for i, (date, money) in enumerate(rows):
        d_value, d_reason = parse_date(date)
        m_value, m_reason = parse_money(money)
        if d_reason is None and m_reason is None:
            row = kept[f"A{i}"]
            assert row.order_date == pd.Timestamp(d_value)
            assert row.amount == m_value
        else:
            assert f"A{i}" not in kept


@pytest.mark.parametrize(
    ("content", "padded"),
    [
        (b"id,v\n1,2\n", False),
        (b"id,v\n1,2 3\n", False),  # a space inside a value
        (b"id,v\n1,2 \n", True),  # before a line break
        (b"id,v\n 1,2\n", True),  # after a line break
        (b"id,v\n1, 2\n", True),  # after the separator
        (b"id,v\n1 ,2\n", True),  # before it
        (b'id,v\n" 1",2\n', True),  # inside quotes
        (b'id,v\n"1 ",2\n', True),
        (b" id,v\n1,2\n", True),  # the file's first byte
        (b"id,v\n1,2\n ", True),  # its last
        (b"id,v\r1 ,2\r", True),  # CR line breaks
        (b"id,v\n1,2\t\n", True),  # a tab anywhere
        (b"id,v\n1,2\x1f\n", True),
        ("id,v\n1,2\u3000\n".encode(), True),  # not ASCII: may hold Unicode spaces
        (b"id;v\n1,2 ;3\n", True),  # the separator is ;
    ],
)
def test_padded_says_when_cells_may_need_stripping(content: bytes, padded: bool) -> None:
    assert _padded(content, ";" if b";" in content else ",") is padded


def test_ids_are_stripped_only_where_the_file_has_edge_spaces() -> None:
    head = "order_id,customer_id,order_date,amount\n"
    plain = read_orders(csv_bytes(head + "A1,C1,2025-05-03,10\nA2,C1,2025-05-04,20\n"))
    spaced = read_orders(csv_bytes(head + "A1,C1 ,2025-05-03,10\nA2, C1,2025-05-04,20\n"))
    assert plain.data["customer_id"].tolist() == spaced.data["customer_id"].tolist() == [
        "C1", "C1"]  # fmt: skip


one_shape_date = st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 12, 31, 23, 59, 59))
odd_date = st.builds(
    lambda *parts: "{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}".format(*parts),
    st.integers(1890, 2110), st.integers(0, 13), st.integers(0, 32),
    st.integers(0, 24), st.integers(0, 60), st.integers(0, 60),
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(one_shape_date, min_size=1, max_size=30), st.one_of(st.none(), odd_date),
       st.sampled_from([10, 16, 19]), st.booleans())  # fmt: skip
def test_dates_of_one_shape_agree_with_the_grammar(moments, odd, width, keep_time) -> None:
    # a column where every date has one shape is read digit by digit; an impossible date
    # (month 13, 2023-02-29, 24:00, second 60...) gets the grammar's reason
    texts = [m.strftime("%Y-%m-%d %H:%M:%S")[:width] for m in moments]
    texts += [] if odd is None else [odd[:width]]
    values = np.array(texts, dtype=object)
    out, reasons = _parse_dates(values, keep_time=keep_time)
    slow, slow_reasons = _date_grammar(values, keep_time=keep_time)
    if not keep_time:
        slow = slow.astype("datetime64[D]").astype("datetime64[ns]")
    assert out.tolist() == slow.tolist()
    assert reasons.sort_index().to_dict() == slow_reasons.sort_index().to_dict()
    assert len(reasons) == (odd is not None and parse_date(odd[:width])[1] is not None)


class _SameHash(str):
    """A text whose hash is always 1, so that different ids share a hash."""

    def __hash__(self) -> int:
        return 1


def test_repeated_ids_are_checked_as_text_not_only_by_hash() -> None:
    ids = np.array([_SameHash(t) for t in ["A", "B", "A", "C", "D", "C", "E"]], dtype=object)
    assert _repeated(ids).tolist() == [True, False, True, True, False, True, False]
    same = np.array([_SameHash("A")] * 3 + [_SameHash("B")], dtype=object)
    assert _repeated(same).tolist() == [True, True, True, False]
    plain = np.array(["O1", "O2", "O3", "O2", "订单", "订单"], dtype=object)
    assert _repeated(plain).tolist() == [False, True, False, True, True, True]


def test_date_parts_reasons_are_stable() -> None:
    assert parse_date("2025-05-03 14:22:01.5") == (dt.datetime(2025, 5, 3, 14, 22, 1, 500000), None)
    assert parse_date("  ") == (None, "blank")


# ---------------------------------------------------------------------------------------------
# Property: nothing is ever lost
# ---------------------------------------------------------------------------------------------

GOOD_ROWS = [
    "{id},C1,2025-05-03,100",
    '{id},C2,2025/5/3 14:22,"1,200.50"',
    "{id},C3,2025年5月3日,￥99",
    "{id}, C4 ,2025.5.3,-20",
]
BAD_ROWS = [
    "{id},C1,2025-02-30,100",
    "{id},C1,20250503,100",
    "{id},,2025-05-03,100",
    "{id},C1,2025-05-03,12.345",
    "{id},C1,2025-05-03,abc",
    "{id},C1,昨天,1",
    "",
    ",,,",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 7)), min_size=0, max_size=40))
def test_every_row_is_kept_or_rejected(spec: list[tuple[bool, int]]) -> None:
    lines = ["订单号,客户ID,下单时间,实付金额"]
    good_ids, bad_lines = [], []
    for i, (good, pick) in enumerate(spec):
        line_number = i + 2
        if good:
            lines.append(GOOD_ROWS[pick % len(GOOD_ROWS)].format(id=f"A{i}"))
            good_ids.append(f"A{i}")
        else:
            lines.append(BAD_ROWS[pick].format(id=f"A{i}"))
            bad_lines.append(line_number)
    # a blank line at the very end is not a row, so end on a real row or none at all
    while lines and len(lines) > 1 and not lines[-1].strip(",").strip():
        lines.pop()
        bad_lines.pop()
    text = "\n".join(lines) + "\n"
    result = read_orders(csv_bytes(text, "gbk"))
    assert len(result.data) + len(result.rejected) == result.rows_read == len(lines) - 1
    assert result.data["order_id"].tolist() == good_ids
    assert result.rejected["row"].tolist() == bad_lines


# ---------------------------------------------------------------------------------------------
# Linear time: long cells are read or rejected without backtracking (speed: benchmarks/)
# ---------------------------------------------------------------------------------------------


def test_long_blank_runs_in_cells_are_rejected_plainly() -> None:
    spaces = " " * 32_000
    assert parse_money("-" + spaces) == (None, MONEY_REASON)
    assert parse_money("-" + spaces + "x") == (None, MONEY_REASON)
    assert parse_money("¥" + spaces + "-" + spaces + "1") == (-1.0, None)  # as "¥ -1"
    assert parse_date("2025" + spaces + "年") == (None, DATE_REASON)
    assert parse_count("3" + spaces + "次" + spaces + "x") == (
        None, "not a whole number of purchases"
    )  # fmt: skip
    text = (
        f'订单号,客户ID,下单时间,实付金额\nA1,C1,2025-05-03,"-{spaces}"\n'
        f'A2,C1,2025-05-03,"1{spaces}"\n'
    )
    result = read_orders(csv_bytes(text))
    assert result.data["amount"].tolist() == [1.0]  # blanks around a value are stripped
    assert rejected_rows(result) == [(2, "实付金额", "-" + spaces, MONEY_REASON)]


# ---------------------------------------------------------------------------------------------
# Issue 10: a shop's own export gives the right numbers (each test failed before the change)
# ---------------------------------------------------------------------------------------------

TAOBAO_HEAD = "订单编号,买家会员名,订单创建时间,订单付款时间,买家实际支付金额,订单状态,退款金额\n"


def test_only_paid_orders_are_purchases() -> None:
    from rfmkit import rfm_table

    text = TAOBAO_HEAD + (
        "1001,tb_amy,2026-06-01 10:00:00,2026-06-01 10:01:00,100.00,交易成功,0.00\n"
        "1002,tb_amy,2026-06-02 10:00:00,2026-06-02 10:01:00,500.00,交易关闭,500.00\n"
        "1003,tb_amy,2026-06-03 10:00:00,,300.00,等待买家付款,0.00\n"
        "1004,tb_bob,2026-06-04 10:00:00,,80.00,交易关闭,0.00\n"  # never paid, then closed
    )
    result = read_orders(csv_bytes(text, "gbk"))
    assert result.preset == "taobao"
    assert result.source_columns["paid_at"] == "订单付款时间"
    assert result.status_counts == {"交易成功": 1, "交易关闭": 2, "等待买家付款": 1}
    assert "rows by order status: 交易成功 1, 交易关闭 2, 等待买家付款 1" in repr(result)
    assert rejected_rows(result) == [
        (3, "订单状态", "交易关闭", "order status '交易关闭' (closed): not a purchase"),
        (4, "订单状态", "等待买家付款", "order status '等待买家付款' (not paid): not a purchase"),
        (5, "订单状态", "交易关闭", "order status '交易关闭' (closed): not a purchase"),
    ]
    table = rfm_table(result.data, "2026-06-10")
    # truth by hand: amy bought once (order 1001, 100 yuan, 9 days before 06-10); bob never paid
    assert table.index.tolist() == ["tb_amy"]
    assert table.loc["tb_amy"].tolist() == [9, 1, 100.0]


def test_what_else_a_read_found_is_said_in_the_current_language() -> None:
    import rfmkit

    text = "本店订单报表 2026年6月\n" + TAOBAO_HEAD + (
        "1001,tb_amy,2026-06-01 10:00:00,2026-06-01 10:01:00,100.00,交易成功,0.00\n"
        "1002,tb_amy,2026-06-02 10:00:00,,500.00,交易关闭,0.00\n")
    result = read_orders(csv_bytes(text, "gbk"))
    try:
        rfmkit.use_language("zh")
        zh = result.details()
    finally:
        rfmkit.use_language("en")
    assert zh == ["已识别平台导出格式: Taobao/Tmall (preset='taobao')",
                  "列名在第 2 行; 上面 1 行 (标题或说明) 已跳过",
                  "按订单状态的行数: 交易成功 1, 交易关闭 1"]
    assert result.details()[1] == ("column names on line 2; the 1 line(s) above it were "
                                   "skipped")


def test_refund_amount_is_subtracted() -> None:
    from rfmkit import rfm_table

    text = TAOBAO_HEAD + (
        "2001,amy,2026-06-01 10:00,2026-06-01 10:00,100.00,交易成功,30.00\n"  # partial: 70 left
        "2002,amy,2026-06-05 10:00,2026-06-05 10:00,50.00,交易成功,50.00\n"  # refunded in full
        "2003,amy,2026-06-06 10:00,2026-06-06 10:00,20.00,交易成功,25.00\n"  # more than paid
    )
    result = read_orders(csv_bytes(text))
    assert result.data["amount"].tolist() == [70.0]
    assert result.data["refund"].tolist() == [30.0]
    assert [r[3] for r in rejected_rows(result)] == [
        "refunded in full: not a purchase",
        "refund is larger than the amount paid",
    ]
    # amy: one purchase of 100 - 30 = 70 yuan on 06-01, R = 9 days at 06-10
    assert rfm_table(result.data, "2026-06-10").loc["amy"].tolist() == [9, 1, 70.0]


def test_payment_time_without_status_decides_paid() -> None:
    text = (
        "订单号,客户ID,下单时间,订单付款时间,实付金额\nA1,C1,2026-06"
        "-01,2026-06-01,10\nA2,C1,2026-06-02,,20\n"
    )
    result = read_orders(csv_bytes(text))
    assert result.data["order_id"].tolist() == ["A1"]
    assert rejected_rows(result) == [(3, "订单付款时间", "", "no payment time: not paid")]


def test_unknown_status_is_not_guessed() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额,订单状态\nA1,C1,2026-06-01,10,交易成功"
        "\nA2,C1,2026-06-01,10,神秘状态\nA3,C1,2026-06-01,10,\n"
    )
    result = read_orders(csv_bytes(text))
    assert result.data["order_id"].tolist() == ["A1"]
    assert [r[3] for r in rejected_rows(result)] == [
        "unknown order status '神秘状态': not counted (rfmkit does not guess; see "
        "rfmkit.orders.STATUS_WORDS)",
        "order status is blank: not counted as a purchase",
    ]


def physical_data_lines(text: str, header_line: int = 1) -> int:
    """Data lines in a file as a text editor counts them (after the header, not counting
    blank lines at the very end)."""
    return len(text.rstrip("\n").split("\n")) - header_line


def test_a_stray_quote_in_a_title_never_swallows_rows() -> None:
    lines = ['"店铺订单报表 2026年6月,,,', "订单号,客户ID,下单时间,实付金额"]
    lines += [f"A{i},C{i % 7},2026-06-01,10" for i in range(98)]
    text = "\n".join(lines) + "\n"
    result = read_orders(csv_bytes(text))
    assert result.rows_read == physical_data_lines(text, 2) == 98
    assert len(result.data) == 98
    assert result.header_line == 2


def test_a_stray_quote_in_a_row_rejects_that_row_only() -> None:
    lines = ["订单号,客户ID,下单时间,实付金额"]
    lines += [f"A{i},C1,2026-06-01,10" for i in range(40)]
    lines += ['A40,"C1,2026-06-01,10']  # line 42: opened, never closed
    lines += [f"B{i},C1,2026-06-01,10" for i in range(20)]
    lines += ['B20,C1",2026-06-01,10']  # line 63: a second stray quote would close it
    lines += [f"D{i},C1,2026-06-01,10" for i in range(38)]
    text = "\n".join(lines) + "\n"
    result = read_orders(csv_bytes(text))
    assert result.rows_read == physical_data_lines(text) == 100
    assert len(result.data) + len(result.rejected) == 100
    assert result.rejected["row"].tolist() == [42, 63]
    assert set(result.rejected["reason"]) == {
        'a quote (") on this line is never closed on it: the line is read without it, so the '
        "lines after it are not swallowed into one value"
    }


def test_a_quoted_line_break_is_still_one_value() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额,备注\n"
        'A1,C1,2026-06-01,10,"送到\n北京"\nA2,C1,2026-06-01,5,x\n'
    )
    result = read_orders(csv_bytes(text))
    assert result.data["备注"].tolist() == ["送到\n北京", "x"]
    assert result.rejected.empty


def test_one_line_twice_is_counted_once_where_the_file_shows_it() -> None:
    # a sub-order id shows the repeat is one line twice
    text = (
        "主订单编号,子订单编号,客户ID,订单提交时间,实付金额\n"
        "M1,S1,C1,2026-06-01,10\nM1,S2,C1,2026-06-01,10\nM1,S1,C1,2026-06-01,10\n"
    )
    result = read_orders(csv_bytes(text))
    assert result.data["line_id"].tolist() == ["S1", "S2"]
    assert rejected_rows(result) == [
        (4, "子订单编号", "S1", "repeats line 2 exactly (same 子订单编号): the same line twice, "
         "counted once"),
    ]  # fmt: skip
    # one row per order (no product or line columns): the order number shows it
    text = "订单号,客户ID,下单时间,实付金额\nA1,C1,2026-06-01,10\nA1,C1,2026-06-01,10\n"
    result = read_orders(csv_bytes(text))
    assert len(result.data) == 1
    assert result.rejected["row"].tolist() == [3]
    # order lines with products and no line id: two equal lines may be two items: kept, noted
    text = (
        "订单号,客户ID,下单时间,实付金额,商品ID\nA1,C1,2026-"
        "06-01,10,P1\nA1,C1,2026-06-01,10,P1\n"
    )
    result = read_orders(csv_bytes(text))
    assert len(result.data) == 2
    assert "1 line(s) repeat an earlier line of the same order exactly" in repr(result)


def test_refund_line_with_negative_quantity_and_later_date() -> None:
    from rfmkit import rfm_table

    text = (
        "订单号,客户ID,下单时间,实付金额,数量\n"
        "A1,C1,2026-06-01,30,3\n"
        "A1,C1,2026-06-08,-10,-1\n"  # one item back a week later
        "A2,C1,2026-05-01,10,-1\n"  # a sale cannot count items back
    )
    result = read_orders(csv_bytes(text))
    assert result.data["quantity"].tolist() == [3, -1]
    assert rejected_rows(result) == [(4, "数量", "-1", "negative number of items")]
    # C1: order A1 nets 30 - 10 = 20 yuan and stays dated 06-01 (R = 9 at 06-10, not 2)
    assert rfm_table(result.data, "2026-06-10").loc["C1"].tolist() == [9, 1, 20.0]


def test_missing_ids_are_rejected_when_read_and_rfm_counts_what_it_uses() -> None:
    from rfmkit import rfm_table

    text = (
        "订单号,客户ID,下单时间,实付金额\nA1,C1,2026-06-01,10"
        "\nA2,,2026-06-01,10\n,C1,2026-06-01,5\n"
    )
    result = read_orders(csv_bytes(text))
    assert [r[3] for r in rejected_rows(result)] == ["customer_id is blank", "order_id is blank"]
    table = rfm_table(result.data, "2026-06-10")
    assert table.attrs["lines_used"] == 1 == len(result.data)


@pytest.mark.parametrize("digits", [20, 24, 30])
def test_oversized_numbers_are_rejected_with_a_reason(digits: int) -> None:
    big = "9" * digits
    grouped = f"{int(big):,}"
    text = (
        f"订单号,客户ID,下单时间,实付金额,数量\nA1,C1,2026-06-01,{big},1\n"
        f'A2,C1,2026-06-01,"{grouped}.50",1\nA3,C1,2026-06-01,10,{big}\n'
    )
    result = read_orders(csv_bytes(text))
    assert result.data.empty
    assert [r[3] for r in rejected_rows(result)] == [
        "number too large: more than 15 digits is not an amount of money",
        "number too large: more than 15 digits is not an amount of money",
        "number of items is too large",
    ]
    assert parse_money(big) == (
        None, "number too large: more than 15 digits is not an amount of money"
    )  # fmt: skip


def test_time_zone_offsets_give_the_local_day() -> None:
    assert parse_date("2026-06-01T12:03:00+08:00") == (dt.datetime(2026, 6, 1, 12, 3), None)
    assert parse_date("2026-06-01T23:59:59+0800", keep_time=False) == (
        dt.datetime(2026, 6, 1), None
    )  # fmt: skip
    assert parse_date("2026-06-01 08:00Z") == (dt.datetime(2026, 6, 1, 8, 0), None)
    text = "订单号,客户ID,下单时间,实付金额\nA1,C1,2026-06-01T23:30:00+08:00,10\n"
    assert read_orders(csv_bytes(text)).data["order_date"].tolist() == [ts("2026-06-01 23:30")]


def test_title_block_above_the_header() -> None:
    text = (
        "淘宝订单报表\n导出时间: 2026-06-10,,,\n\n订单号,客户ID,下单时间,实付金额\n"
        "A1,C1,2026-06-01,10\n"
    )
    result = read_orders(csv_bytes(text))
    assert result.header_line == 4
    assert rejected_rows(result) == []
    assert result.data["order_id"].tolist() == ["A1"]
    assert "column names on line 4; the 3 line(s) above it were skipped" in repr(result)
    # a header rfmkit cannot recognise: header_row= says where it is
    text = "我的店\n单号X,顾客X,日X,钱X\nA1,C1,2026-06-01,10\n"
    with pytest.raises(ValueError) as info:
        read_orders(csv_bytes(text))
    assert "pass header_row=" in str(info.value)
    mapping = {"order_id": "单号X", "customer_id": "顾客X", "order_date": "日X", "amount": "钱X"}
    result = read_orders(csv_bytes(text), header_row=2, columns=mapping)
    assert result.data["amount"].tolist() == [10.0]
    assert result.rejected.empty
    with pytest.raises(ValueError, match=r"^header_row=9: there is no line 9 in the file"):
        read_orders(csv_bytes(text), header_row=9)


def test_missing_column_message_is_short() -> None:
    text = "店铺报表 2026\n备注,说明\nA1,C1\n"
    with pytest.raises(ValueError) as info:
        read_orders(csv_bytes(text))
    assert len(str(info.value)) < 700


def test_workbook_sheets_are_listed_and_the_orders_sheet_is_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本表由店铺后台导出"])
    orders = book.create_sheet("订单")
    orders.append(["订单报表"])
    orders.append(["订单号", "客户ID", "下单时间", "实付金额"])
    orders.append(["A1", "C1", "2026-06-01", 10])
    book.create_sheet("汇总").append(["合计", 10])
    path = tmp_path / "book.xlsx"
    book.save(path)
    result = read_orders(path)
    assert (result.sheet, result.sheets) == ("订单", ("说明", "订单", "汇总"))
    assert result.data["order_id"].tolist() == ["A1"]
    assert result.rejected.empty
    assert "read sheet '订单'; the workbook also has ['说明', '汇总']" in repr(result)
    assert read_orders(path, sheet_name="订单", header_row=2).data["amount"].tolist() == [10.0]


def test_excel_protected_numbers_and_total_row() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额\n"
        '="2876543210987654321",="000123",2026-06-01,="10.50"\n'
        "合计,,,10.50\n"
    )
    result = read_orders(csv_bytes(text))
    assert result.data["order_id"].tolist() == ["2876543210987654321"]
    assert result.data["customer_id"].tolist() == ["000123"]
    assert result.data["amount"].tolist() == [10.5]
    assert rejected_rows(result) == [(3, "订单号", "合计", "a total row (合计), not an order line")]


def test_rejection_reasons_in_both_languages() -> None:
    text = (
        "订单号,客户ID,下单时间,实付金额,订单状态\n"
        "A1,C1,2026-06-01,10,交易关闭\nA2,C1,昨天,10,交易成功\n"
    )
    result = read_orders(csv_bytes(text))
    zh = result.rejected_in("zh")
    en = result.rejected_in("en")
    assert zh["code"].tolist() == en["code"].tolist() == ["status_closed", "not_a_date"]
    assert zh["reason"].tolist()[1] == "不是日期 (应为 2025-05-03、2025/5/3 或 2025年5月3日)"
    assert zh["reason"].tolist()[0].startswith("订单已关闭: 不算购买")
    assert en["reason"].tolist() == result.rejected["reason"].tolist()


PRESET_FILES = {
    "taobao": (
        "订单编号,买家会员名,订单创建时间,订单付款时间,买家实际支付金额,订单状态,退款金额\n"
        "1,amy,2026-06-01 10:00:00,2026-06-01 10:01:00,10.00,交易成功,0.00\n"
    ),
    "jd": "订单号,下单帐号,下单时间,付款确认时间,应付金额,订单状态,商品ID,订购数量\n"
    "1,amy,2026-06-01 10:00:00,2026-06-01 10:01:00,10.00,完成,P1,1\n",
    "pinduoduo": "订单号,订单状态,商品总价(元),用户实付金额(元),商品数量(件),支付时间,商品id,手机\n"
    "1,已签收,12.00,10.00,1,2026-06-01 10:01:00,P1,amy\n",
    "youzan": "订单号,订单状态,订单创建时间,买家付款时间,订单实付金额,买家手机号\n"
    "1,交易成功,2026-06-01 10:00:00,2026-06-01 10:01:00,10.00,amy\n",
    "douyin": "主订单编号,子订单编号,选购商品,商品ID,商品数量,订单应付金额,订单提交时间,"
    "支付完成时间,订单状态,收件人手机号\n"
    "1,11,杯子,P1,1,10.00,2026-06-01 10:00:00,2026-06-01 10:01:00,已完成,amy\n",
}


@pytest.mark.parametrize("preset", list(PRESET_FILES))
def test_platform_presets_need_no_mapping(preset: str) -> None:
    result = read_orders(csv_bytes(PRESET_FILES[preset], "gbk"))
    assert result.preset == preset
    got = result.data[["order_id", "customer_id", "amount"]].to_numpy().tolist()
    assert got == [["1", "amy", 10.0]]
    # Pinduoduo's export dates an order by its payment time (10:01)
    day = "2026-06-01 10:01:00" if preset == "pinduoduo" else "2026-06-01 10:00:00"
    assert result.data["order_date"].tolist() == [ts(day)]
    assert f"(preset '{preset}')" in repr(result)


def test_columns_override_a_preset() -> None:
    text = PRESET_FILES["taobao"].replace("买家实际支付金额", "买家实际支付金额,总金额", 1).replace(
        "10.00,交易成功", "10.00,12.00,交易成功"
    )
    result = read_orders(csv_bytes(text), columns={"amount": "总金额"})
    assert result.preset == "taobao"
    assert result.data["amount"].tolist() == [12.0]
    assert read_orders(csv_bytes(text), preset=None).preset is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 7), st.booleans()), max_size=30))
def test_every_physical_line_is_kept_or_rejected_even_with_stray_quotes(
    spec: list[tuple[bool, int, bool]],
) -> None:
    lines = ["订单号,客户ID,下单时间,实付金额"]
    for i, (good, pick, quote) in enumerate(spec):
        line = (GOOD_ROWS if good else BAD_ROWS)[pick % (len(GOOD_ROWS) if good else 8)]
        line = line.format(id=f"A{i}")
        if quote and line:
            line = '"' + line  # a quote opened and never closed
        lines.append(line)
    while len(lines) > 1 and not lines[-1].strip(",").strip():
        lines.pop()
    text = "\n".join(lines) + "\n"
    result = read_orders(csv_bytes(text))
    assert len(result.data) + len(result.rejected) == result.rows_read
    assert result.rows_read == physical_data_lines(text)


def test_a_refund_line_marked_refunded_is_subtracted() -> None:
    from rfmkit import rfm_table

    text = (
        "订单号,客户ID,下单时间,实付金额,数量,订单状态\n"
        "A1,C1,2026-06-01,30,3,交易成功\n"
        "A1,C1,2026-06-08,-10,-1,退款成功\n"  # the refund line itself
        "A2,C1,2026-06-02,50,1,退款成功\n"  # a sale whose order was refunded
    )
    result = read_orders(csv_bytes(text))
    assert result.data["amount"].tolist() == [30.0, -10.0]
    assert result.rejected["row"].tolist() == [4]
    # C1: order A1 = 30 - 10 = 20 on 06-01 (R = 9); A2 refunded is no purchase
    assert rfm_table(result.data, "2026-06-10").loc["C1"].tolist() == [9, 1, 20.0]
