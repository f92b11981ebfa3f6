"""Safe export: UTF-8 with BOM CSV, xlsx, formula neutralising and masking of phones and IDs."""

import numpy as np
import openpyxl
import pandas as pd
import pytest

from rfmkit.export import IdsInCsvWarning, export_table, mask_text, neutralise
from rfmkit.service import describe_plan, service_plan

ASOF = pd.Timestamp("2026-06-10")


def read_csv(path):
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def read_xlsx(path):
    sheet = openpyxl.load_workbook(path).active
    rows = [[cell for cell in row] for row in sheet.iter_rows()]
    return [c.value for c in rows[0]], rows[1:]


# ---------------------------------------------------------------------------------------------
# masking and neutralising, cell by cell


@pytest.mark.parametrize(
    "text, expected",
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("+86-138-1234-5678", "138****5678"),
        ("0086 13812345678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("请致电13812345678联系", "请致电138****5678联系"),
        ("110105199001011234", "110105********1234"),
        ("11010519900101123X", "110105********123X"),
        ("id 11010519900101123x.", "id 110105********123x."),
        ("110105900101123", "110105*****1123"),
        # left alone: order numbers, customer ids, digit runs of other lengths, no birth date
        ("O2024061100001", "O2024061100001"),
        ("C00001", "C00001"),
        ("123456789012", "123456789012"),
        ("1381234567", "1381234567"),
        ("123456789012345", "123456789012345"),
        ("110105189913321234", "110105189913321234"),
        ("12812345678", "12812345678"),
    ],
)
def test_mask_text(text, expected):
    assert mask_text(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"),
     ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("a=1", "a=1"), ("", ""), ("王", "王")],
)
def test_neutralise(text, expected):
    assert neutralise(text) == expected


# ---------------------------------------------------------------------------------------------
# a typed table with everything that needs care

TABLE = pd.DataFrame(
    {
        "customer_id": ["C1", "C2", "C3", "C4", "C5", "C6"],
        "name": ["王小明", "李华", "=HYPERLINK(\"http://x\")", "张三", "赵六", "孙七"],
        "phone": ["13812345678", "+86 139-1234-5678", None, "0571-8888 6666", 18622407415,
                  ""],
        "身份证": ["110105199001011234", "11010519900101123X", "110105900101123", "", None,
                  "abc"],
        "note": ["=SUM(A1)", "+1", "-1", "@x", "\tcmd", "call 13712345678"],
        "balance": [-1.5, -1.0, 0.0, 2.0, 3.25, np.nan],
        "visits": [-1, 0, 1, 2, 3, 4],
        "when_date": pd.to_datetime(["2026-06-18", None, "2026-06-24", None, None, None]),
    }
)
MASKED_PHONE = ["138****5678", "139****5678", "", "****-**** 6666", "186****7415", ""]
MASKED_ID = ["110105********1234", "110105********123X", "110105*****1123", "", "", "abc"]
NEUTRAL_NOTE = ["'=SUM(A1)", "'+1", "'-1", "'@x", "'\tcmd", "call 137****5678"]


def test_csv_has_bom_keeps_chinese_masks_and_neutralises(tmp_path):
    before = TABLE.copy()
    path = export_table(TABLE, tmp_path / "plan.csv")
    assert path == tmp_path / "plan.csv"
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    back = read_csv(path)
    assert list(back.columns) == list(TABLE.columns)  # default index not written
    assert list(back["customer_id"]) == list(TABLE["customer_id"])
    assert back.loc[0, "name"] == "王**"  # a name column: masked by what it means
    assert back.loc[2, "name"] == "'=" + "*" * 21  # 22 characters: masked, then neutralised
    assert list(back["phone"]) == MASKED_PHONE
    assert list(back["身份证"]) == MASKED_ID
    assert list(back["note"]) == NEUTRAL_NOTE
    # numbers stay numbers: no quote in front of -1.5 / -1
    assert list(back["balance"][:2]) == ["-1.5", "-1.0"]
    assert back.loc[0, "visits"] == "-1"
    assert back.loc[0, "when_date"] == "2026-06-18"
    pd.testing.assert_frame_equal(TABLE, before)  # input untouched


def test_xlsx_masks_neutralises_and_never_writes_formulas(tmp_path):
    path = export_table(TABLE, tmp_path / "plan.xlsx", sheet_name="计划")
    assert openpyxl.load_workbook(path).sheetnames == ["计划"]
    headers, rows = read_xlsx(path)
    assert headers == list(TABLE.columns)
    column = {name: i for i, name in enumerate(headers)}
    for row in rows:
        for cell in row:
            assert cell.data_type != "f"
    values = lambda name: [r[column[name]].value for r in rows]  # noqa: E731
    assert values("customer_id") == list(TABLE["customer_id"])
    assert values("name")[0] == "王**"
    assert values("name")[2] == "'=" + "*" * 21
    assert values("phone") == [v or None for v in MASKED_PHONE]
    assert values("身份证") == [v or None for v in MASKED_ID]
    assert values("note") == NEUTRAL_NOTE
    assert values("balance")[:5] == [-1.5, -1.0, 0.0, 2.0, 3.25]
    assert values("balance")[5] is None
    assert values("visits")[0] == -1
    assert rows[0][column["balance"]].data_type == "n"
    assert values("when_date")[0].date() == pd.Timestamp("2026-06-18").date()


def test_mask_false_exports_raw(tmp_path):
    with pytest.warns(IdsInCsvWarning, match="身份证"):  # 18-digit IDs, now unmasked
        csv = read_csv(export_table(TABLE, tmp_path / "raw.csv", mask=False))
    assert csv.loc[0, "phone"] == "13812345678"
    assert csv.loc[4, "phone"] == "18622407415"
    assert csv.loc[0, "身份证"] == "110105199001011234"
    assert csv.loc[0, "note"] == "'=SUM(A1)"  # still neutralised
    _, rows = read_xlsx(export_table(TABLE, tmp_path / "raw.xlsx", mask=False))
    assert rows[0][2].value == "13812345678"
    assert rows[1][2].value == "'+86 139-1234-5678"  # raw, but a leading + is still neutralised
    assert rows[0][3].value == "110105199001011234"


def test_neutralise_off_still_writes_text_not_formulas(tmp_path):
    csv = read_csv(export_table(TABLE, tmp_path / "f.csv", neutralise_formulas=False))
    assert csv.loc[0, "note"] == "=SUM(A1)"
    _, rows = read_xlsx(export_table(TABLE, tmp_path / "f.xlsx", neutralise_formulas=False))
    assert rows[0][4].value == "=SUM(A1)"
    assert rows[0][4].data_type == "s"


def test_headers_are_neutralised_and_index_written(tmp_path):
    frame = pd.DataFrame({"=cmd": ["x"], "mobile": ["13812345678"]},
                         index=pd.Index(["C1"], name="customer_id"))
    back = read_csv(export_table(frame, tmp_path / "h.csv"))
    assert list(back.columns) == ["customer_id", "'=cmd", "mobile"]
    assert back.loc[0, "mobile"] == "138****5678"


def test_unknown_extension_and_bad_sheet_name(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv.*\.xlsx"):
        export_table(TABLE, tmp_path / "plan.xls")
    with pytest.raises(ValueError, match=r"\.csv"):
        export_table(TABLE, tmp_path / "plan")
    with pytest.raises(ValueError, match="sheet_name"):
        export_table(TABLE, tmp_path / "plan.xlsx", sheet_name="a/b")
    assert not list(tmp_path.iterdir())


def test_customer_id_column_is_not_taken_for_an_id_number(tmp_path):
    frame = pd.DataFrame({"customer_id": ["110105199001011234"], "id_number": ["X1234567"]})
    with pytest.warns(IdsInCsvWarning, match="customer_id"):
        back = read_csv(export_table(frame, tmp_path / "ids.csv", mask=True))
    # issue 10: masking goes by what a column means. customer_id is an identifier column and
    # is left alone whatever its digits look like; the id_number column masks every digit
    # but the last four
    assert back.loc[0, "customer_id"] == "110105199001011234"
    assert back.loc[0, "id_number"] == "X***4567"


def test_order_numbers_are_never_masked(tmp_path):
    # measured defect: 3.7 % of random 15-digit order numbers were masked as if they were IDs
    rng = np.random.default_rng(7)
    numbers = [str(n) for n in rng.integers(10**14, 10**15, size=2000)]
    frame = pd.DataFrame({"order_id": numbers, "订单号": numbers, "customer_id": numbers})
    back = read_csv(export_table(frame, tmp_path / "orders.csv"))
    for column in frame.columns:
        assert list(back[column]) == numbers


def test_personal_columns_masked_by_meaning(tmp_path):
    frame = pd.DataFrame({
        "姓名": ["张伟"], "email": ["wang.fang@example.com"], "邮箱": ["li@qq.com"],
        "wechat": ["wxid_abc123"], "收货地址": ["浙江省杭州市西湖区文三路 99 号"],
        "note": ["张伟 wang.fang@example.com"],  # free text: only phone/ID numbers are found
    })
    back = read_csv(export_table(frame, tmp_path / "people.csv"))
    assert back.loc[0].tolist() == ["张*", "w***@example.com", "l***@qq.com", "wx****",
                                    "浙江省杭州市****", "张伟 wang.fang@example.com"]
    localised = frame.rename(columns={"姓名": "名称"})  # the header rk.localise writes for name
    assert read_csv(export_table(localised, tmp_path / "p2.csv")).loc[0, "名称"] == "张*"


def test_a_carriage_return_never_starts_a_formula_row(tmp_path):
    # measured defect: a bare CR inside a cell started a new row whose first cell was a formula
    frame = pd.DataFrame({"name": ["Alice"], "note": ["Alice\r=cmd|' /C calc'!A0"],
                          "other": ["ok\n+1\r\n@x"]})
    path = export_table(frame, tmp_path / "cr.csv", mask=False)
    text = path.read_bytes().decode("utf-8-sig")
    assert "\r" not in text.replace("\r\n", "")  # no bare CR anywhere in the file
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.lstrip('"')
        assert not stripped.startswith(("=", "+", "-", "@", "\t")), line
    back = read_csv(path)
    assert back.loc[0, "note"] == "Alice\n'=cmd|' /C calc'!A0"
    assert back.loc[0, "other"] == "ok\n'+1\n'@x"
    _, rows = read_xlsx(export_table(frame, tmp_path / "cr.xlsx", mask=False))
    assert rows[0][1].value == "Alice\n'=cmd|' /C calc'!A0" and rows[0][1].data_type == "s"


def test_long_integers_and_text_ids_survive(tmp_path):
    # measured defect: xlsx wrote a 19-digit integer as 2.8765e+18
    frame = pd.DataFrame({"order_no": [2876543210987654321, 12], "member": ["000123", "9"]})
    _, rows = read_xlsx(export_table(frame, tmp_path / "long.xlsx"))
    assert rows[0][0].value == "2876543210987654321" and rows[0][0].data_type == "s"
    assert rows[1][0].value == 12 and rows[1][0].data_type == "n"
    assert rows[0][1].value == "000123" and rows[0][1].data_type == "s"
    # CSV: the file is right, but Excel would change these when it opens it: say so
    with pytest.warns(IdsInCsvWarning, match=r"order_no.*member"):
        path = export_table(frame, tmp_path / "long.csv")
    back = read_csv(path)
    assert list(back["order_no"]) == ["2876543210987654321", "12"]
    assert list(back["member"]) == ["000123", "9"]


# ---------------------------------------------------------------------------------------------
# a real service plan, both formats


def plan_fixture():
    features = pd.DataFrame(
        {
            "name": ["王小明", "=1+1", "李华", None],
            "segment": ["maintain", "no_value", "develop", "ordinary"],
            "tier": ["gold", "iron", "silver", "iron"],
            "stage": ["active", "lost", "active", "sleeping"],
            "days_to_birthday": pd.array([3, 100, None, 200], dtype="Int64"),
            "orders": [9, 1, 2, 4],
            "first_purchase_date": pd.to_datetime(["2025-01-01"] * 4),
            "preferred_channel": ["WeChat", None, "SMS", "+86 13812345678"],
        },
        index=pd.Index(["C1", "C2", "C3", "C4"], name="customer_id"),
    )
    return describe_plan(service_plan(features, ASOF), features, ASOF)


@pytest.mark.parametrize("extension", [".csv", ".xlsx"])
def test_service_plan_round_trip(tmp_path, extension):
    plan = plan_fixture()
    path = export_table(plan, tmp_path / f"plan{extension}")
    if extension == ".csv":
        back = read_csv(path)
        ids, names = list(back["customer_id"]), list(back["name"])
        services = list(back["service_name"])
        channels = list(back["channel"])
    else:
        headers, rows = read_xlsx(path)
        col = {h: i for i, h in enumerate(headers)}
        ids = [r[col["customer_id"]].value for r in rows]
        names = [r[col["name"]].value or "" for r in rows]
        services = [r[col["service_name"]].value for r in rows]
        channels = [r[col["channel"]].value for r in rows]
        assert all(cell.data_type != "f" for row in rows for cell in row)
    assert ids == ["C1", "C2", "C3", "C4"]  # every customer, once, same order
    assert len(ids) == len(plan)
    assert names == ["王**", "'=***", "李*", ""]  # names masked by column meaning
    assert services == list(plan["service_name"])
    assert channels[3] == "138****5678"  # a phone where a channel was expected: masked


def test_number_formats_follow_the_unit_in_the_header():
    from rfmkit.export import NUMBER_FORMATS, number_format

    assert number_format("销售额 (元)", 984059.2) == "#,##0.00"
    assert number_format("客单价 (元/次)", 12.5) == "#,##0.00"
    assert number_format("extra sales at the growth target (yuan a month)", 3) == "#,##0.00"
    assert number_format("客户占比 (%)", 36.0) == "0.0"
    assert number_format("客户数", 3000) == "#,##0"
    assert number_format("行号", 12345) is None and number_format("row", 12345) is None
    assert number_format("平均间隔 (天)", 77.0) is None  # days keep the spreadsheet's own
    assert number_format("客户数", True) is None and number_format("销售额 (元)", "12") is None
    assert NUMBER_FORMATS[number_format("销售额 (元)", 1)].format(984059.2) == "984,059.20"


def test_xlsx_columns_are_wide_enough_for_what_they_show(tmp_path):
    # a spreadsheet shows ### for a number wider than its column and cuts text off at the next
    # filled cell; widths are in characters, a Chinese character takes two
    table = pd.DataFrame({
        "客户类型": ["重要维护客户", "一般客户"],  # 6 Chinese characters: 12
        "销售额 (元)": [984059.2, 16036.4],  # shown 984,059.20: 10; header 6+1+1+2+1 = 11
        "n": [1, 2],  # header and values 1 character
    })  # fmt: skip
    path = export_table(table, tmp_path / "widths.xlsx")
    widths = openpyxl.load_workbook(path).active.column_dimensions
    assert widths["A"].width >= 12 and widths["B"].width >= 11
    assert widths["B"].width < 20 and widths["C"].width < widths["B"].width
