"""Every error rfmkit raises is worded in Chinese and English (issue 12).

The message is chosen by the language shown when the error is raised
(``rfmkit.use_language``); the English text is the one the package always had, and the
exception types do not change. One mechanism words them all: ``rfmkit.labels.error_text``
reads the ``error.<key>`` labels, so no message is written as a plain string literal at a
``raise`` (the source scan at the end keeps it so).
"""

from __future__ import annotations

import ast
import io
import re
import string
from pathlib import Path

import pandas as pd
import pytest
from language_support import language

import rfmkit
from rfmkit.labels import LABELS, error_text

ROOT = Path(rfmkit.__file__).resolve().parent
CJK = re.compile(r"[\u4e00-\u9fff]")
ORDERS = "订单号,客户ID,下单时间,实付金额\nA001,C01,2025-05-03,1200\n"


def messages(call, error=Exception) -> tuple[str, str]:
    """(the Chinese message, the English message) of the error ``call()`` raises."""
    texts = {}
    for lang in ("zh", "en"):
        with language(lang), pytest.raises(error) as info:
            call()
        texts[lang] = info.value.args[0] if info.value.args else str(info.value)
    return texts["zh"], texts["en"]


def chinese(text: str, *names: str) -> None:
    """``text`` is Chinese and names each of ``names`` (a column, a value, a file)."""
    assert CJK.search(text), text
    for name in names:
        assert name in text, (name, text)


# ---- what a shop owner hits first: reading their own file --------------------------------


def test_file_not_found(tmp_path: Path) -> None:
    zh, en = messages(lambda: rfmkit.read_orders(tmp_path / "订单.csv"), FileNotFoundError)
    chinese(zh, "找不到文件", "订单.csv")
    assert en.startswith("No such file: '") and "订单.csv" in en
    assert "(current folder: " in en


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    zh, en = messages(lambda: rfmkit.read_orders(tmp_path))
    chinese(zh, "文件夹", str(tmp_path))
    assert en == f"'{tmp_path}' is a folder, not a file"


def test_missing_column_names_the_column_and_what_it_holds() -> None:
    text = "订单号,客户ID,下单时间\nA001,C01,2025-05-03\n"
    zh, en = messages(lambda: rfmkit.read_orders(io.BytesIO(text.encode())))
    chinese(zh, "缺少必需的列", "「金额 (元)」", "amount", "实付金额", "columns={'amount'",
            "header_row=", "第 1 行")
    assert en.startswith("Missing required column 'amount' (accepted headers: amount, ")
    assert en.endswith("Pass columns={'amount': '<your header>'} to map it. (Column names read "
                       "from line 1; if they are on another line, pass header_row=.)")


def test_missing_column_of_a_table() -> None:
    orders = pd.DataFrame({"customer_id": ["C1"], "order_id": ["A1"],
                           "order_date": ["2025-05-03"]})
    zh, en = messages(lambda: rfmkit.order_lines(orders))
    chinese(zh, "缺少列", "「金额 (元)」(amount)", "应为每行的订单金额 (元)", "customer_id")
    assert en == ("orders is missing column 'amount' (the line amount in yuan). Columns found: "
                  "['customer_id', 'order_id', 'order_date']")


def test_wrong_and_unknown_encoding() -> None:
    gbk = ORDERS.encode("gbk")
    zh, en = messages(lambda: rfmkit.read_orders(io.BytesIO(gbk), encoding="utf-8"))
    chinese(zh, "编码", "encoding='utf-8'", "encoding=None")
    assert en.startswith("the file could not be read with encoding='utf-8' (")
    assert en.endswith("Leave encoding out (encoding=None) to let rfmkit detect it.")
    zh, en = messages(lambda: rfmkit.read_orders(io.BytesIO(ORDERS.encode()), encoding="gbk2"))
    chinese(zh, "gbk2")
    assert "unknown encoding: gbk2" in en
    latin = b"order_id,customer_id,order_date,amount\n\x81\xff,\xfe\x80,1,2\n"
    zh, en = messages(lambda: rfmkit.read_orders(io.BytesIO(latin)))
    chinese(zh, "编码", "CSV UTF-8")
    assert en == ("the file: could not work out the text encoding (tried UTF-8 and GB18030/GBK). "
                  "Save the file as 'CSV UTF-8' or pass encoding='...'.")


def test_bad_header_row() -> None:
    zh, en = messages(lambda: rfmkit.read_orders(io.BytesIO(ORDERS.encode()), header_row=9))
    chinese(zh, "header_row=9", "第 9 行")
    assert en == ("header_row=9: there is no line 9 in the file. header_row is the line (or "
                  "Excel row) number of the column names, counting from 1.")


def test_sheet_and_old_excel(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "订单"
    book.active.append(["订单号", "客户ID", "日期", "金额"])
    book.save(tmp_path / "shop.xlsx")
    zh, en = messages(lambda: rfmkit.read_orders(tmp_path / "shop.xlsx", sheet_name="Sheet1"))
    chinese(zh, "工作表", "'Sheet1'", "订单")
    assert en == f"'{tmp_path / 'shop.xlsx'}' has no sheet named 'Sheet1'. Sheets: ['订单']"
    old = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    zh, en = messages(lambda: rfmkit.read_orders(io.BytesIO(old)))
    chinese(zh, ".xls", "WPS")
    assert en.startswith("the file is an old Excel 97-2003 (.xls) file")


def test_columns_mapping_to_a_header_not_in_the_file() -> None:
    call = lambda: rfmkit.read_orders(io.BytesIO(ORDERS.encode()),  # noqa: E731
                                      columns={"amount": "成交价"})
    zh, en = messages(call)
    chinese(zh, "'成交价'", "'amount'")
    assert en.startswith("columns= maps 'amount' to '成交价', but the file has no column")


def test_bad_as_of_date() -> None:
    orders = rfmkit.load_orders()
    zh, en = messages(lambda: rfmkit.rfm_table(orders, asof="2026-13-45"))
    chinese(zh, "日期", "asof", "2026-13-45")
    assert en == "asof must be a date, got '2026-13-45'"


def test_export_extension(tmp_path: Path) -> None:
    table = pd.DataFrame({"a": [1]})
    zh, en = messages(lambda: rfmkit.export_table(table, tmp_path / "表.txt"))
    chinese(zh, "'表.txt'", ".xlsx")
    assert en == "cannot export to '表.txt': the extension must be one of ['.csv', '.xlsx']"


def test_csv_export_warning_about_ids(tmp_path: Path) -> None:
    from rfmkit.labels import warning_text

    table = pd.DataFrame({"customer_id": ["000123"]})
    with pytest.warns(UserWarning) as caught:
        rfmkit.export_table(table, tmp_path / "顾客.csv")
    warning = caught[0].message
    assert str(warning).startswith("columns ['customer_id'] hold IDs with leading zeros")
    with language("zh"):
        chinese(warning_text(warning), "customer_id", ".xlsx", "Excel")


def test_course_data_missing(monkeypatch, tmp_path: Path) -> None:
    from rfmkit import data

    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    zh, en = messages(lambda: data._path("orders.csv"), FileNotFoundError)
    chinese(zh, "orders.csv", "make_data.py")
    assert en.endswith("or regenerate it with `python data/make_data.py`.")


def test_missing_customer_in_order_lines() -> None:
    orders = pd.DataFrame({"customer_id": [None], "order_id": ["A1"],
                           "order_date": ["2025-05-03"], "amount": [10]})
    zh, en = messages(lambda: rfmkit.order_lines(orders))
    chinese(zh, "「客户ID」(customer_id)", "空缺")
    assert en == ("orders has a missing 'customer_id' (first at index 0); every line needs a "
                  "customer and an order number")


def test_validation_numbers_and_language() -> None:
    from rfmkit.validation import as_numbers, as_whole

    zh, en = messages(lambda: as_whole(-1, "n"))
    chinese(zh, "n", "-1", "负数")
    assert en == "n must be 0 or more (not negative), got -1"
    values = pd.Series([1.0, None] * 7)
    zh, en = messages(lambda: as_numbers(values, "spend"))
    chinese(zh, "spend", "共 7 个")
    assert en == "spend is missing (or infinite) for [1, 3, 5, 7, 9] and 2 more"
    zh, en = messages(lambda: rfmkit.use_language("fr"))
    chinese(zh, "'fr'")
    assert en == "language must be one of ('zh', 'en'), got 'fr'"


# ---- one representative message of each computation module -------------------------------


def test_rfm_cut_rule() -> None:
    table = rfmkit.rfm_table(rfmkit.load_orders(), asof=rfmkit.COURSE_ASOF)
    zh, en = messages(lambda: rfmkit.rfm_flags(table, "mode"))
    chinese(zh, "分界", "'mode'")
    assert en == "cut must be 'mean', 'median' or a dict of three values, got 'mode'"


def test_metrics_retention() -> None:
    zh, en = messages(lambda: rfmkit.retention_rate(200, 100, 150))
    chinese(zh, "150", "100")
    assert en == "new_customers (150) cannot be more than end_customers (100)"


def test_lifecycle_churn() -> None:
    zh, en = messages(lambda: rfmkit.churn_rate(5, 0))
    chinese(zh, "流失率")
    assert en == "total is 0: with no customers there is no churn rate"
    # what a message names is worded in the language too, when it is not a parameter name
    zh, en = messages(lambda: rfmkit.churn_rate(-1, 5))
    chinese(zh, "流失客户数 lost", "负数", "-1")
    assert en == "lost (a number of customers) must be 0 or more (not negative), got -1"


def test_value_shares() -> None:
    from rfmkit.value import tier_boundaries

    zh, en = messages(lambda: tier_boundaries(100, (0.5, 0.5, 0.5, 0.5)))
    chinese(zh, "1 (100 %)", "2")
    assert en.startswith("shares must add up to 1 (100 %), these add up to 2: ")


def test_case_month() -> None:
    from rfmkit.case import month_totals

    campaign = rfmkit.load_samsclub_campaign()
    zh, en = messages(lambda: month_totals(campaign, "later"))
    chinese(zh, "'later'")
    assert en == "when must be one of ('before', 'after'), got 'later'"


def test_preferences_edges() -> None:
    from rfmkit.preferences import first_orders

    call = lambda: first_orders(rfmkit.load_orders(), asof=rfmkit.COURSE_ASOF,  # noqa: E731
                                edges=[100, 50])
    zh, en = messages(call)
    chinese(zh, "递增", "[100, 50]")
    assert en == "edges must increase strictly, got [100, 50]"


def test_profiles_member_twice() -> None:
    from rfmkit.profiles import members_by_id

    members = pd.DataFrame({"member_id": ["M1", "M1"]})
    zh, en = messages(lambda: members_by_id(members, "member_id", "members"))
    chinese(zh, "会员", "'M1'")
    assert en == "members lists some members more than once: ['M1']"


def test_capstone_groups() -> None:
    from rfmkit.capstone import group_plan

    zh, en = messages(lambda: group_plan(pd.Series(["nobody"], name="segment")))
    chinese(zh, "'nobody'", "scheme='lesson'")
    assert en == "not lesson groups: ['nobody']; use rfm_segments(table, scheme='lesson')"


def _service_and_display_errors():
    """(call, a text the message names) for the service modules, widgets and charts."""
    from rfmkit.charts.case import before_after_values
    from rfmkit.charts.service import nps_chart
    from rfmkit.charts.value import discount_chart
    from rfmkit.service.complaints import complaint_steps
    from rfmkit.service.plan import service_plan
    from rfmkit.service.rules import load_rules
    from rfmkit.service.text import message_preview
    from rfmkit.widgets._base import whole_percent
    from rfmkit.widgets.rfm import SegmentExplorer
    from rfmkit.widgets.service import parse_edges
    from rfmkit.widgets.value import CLVExplorer

    breakdown = pd.DataFrame({"count": [1], "share": [100.0]}, index=["promoters"])
    features = pd.DataFrame({"customer_id": ["C1", "C1"]}).set_index("customer_id")
    return [
        (lambda: load_rules([]), "{}"),
        (lambda: complaint_steps({"case_id": 1}), "customer_id"),
        (lambda: service_plan(features, asof="2026-06-30"), "features"),
        (lambda: message_preview({"name": "李华"}, "Hi {phone}"), "'phone'"),
        (lambda: whole_percent(0.5, "rate", 0, 30), "rate"),
        (lambda: parse_edges("0, 50, 20"), "50"),
        (lambda: SegmentExplorer(pd.DataFrame(), scheme="mine", chart=False), "'mine'"),
        (lambda: CLVExplorer([100.0], years=20, chart=False), "20"),
        (lambda: before_after_values(pd.DataFrame(), "profit"), "'profit'"),
        (lambda: discount_chart([], 0.1), "cash_flows"),
        (lambda: nps_chart(breakdown), "detractors"),
    ]


def test_service_widget_and_chart_messages(chart_state) -> None:
    for call, named in _service_and_display_errors():
        zh, en = messages(call)
        chinese(zh, named)
        assert not CJK.search(en), en


# ---- the labels themselves ----------------------------------------------------------------


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_error_label_is_chinese_and_english_with_the_same_fields() -> None:
    keys = [k for k in LABELS if k.startswith("error.")]
    assert len(keys) > 50
    for key in keys:
        zh, en = LABELS[key]
        assert CJK.search(zh) or not re.search("[A-Za-z]{4}", zh.replace("{", "")), key
        assert not CJK.search(en.replace("「", "")) or "{" in en, key
        # a language may leave a field out (Chinese says "等共 {n} 个"), never invent one
        assert fields(zh) <= fields(en) | {"n"}, key
    for key in (k for k in LABELS if k.startswith("hint.")):
        assert CJK.search(LABELS[key][0]), key


def test_a_message_has_one_home() -> None:
    """No two error labels say the same thing: a message used in several places is one label."""
    english = [en for key, (_, en) in LABELS.items() if key.startswith("error.")]
    assert len(english) == len(set(english))


def error_keys_in_code() -> tuple[set[str], set[str]]:
    """(the keys rfmkit's code passes to error_text as written, also as either side of an
    ``a if c else b``; those and the keys a prefix such as f"read.header.{why}" can make with
    a text of its module)."""
    written, possible = set(), set()
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts = {n.value for n in ast.walk(tree)
                 if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "error_text"
                    and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                possible |= {first.values[0].value + t for t in texts}
            elif not isinstance(first, ast.JoinedStr):
                written |= {each.value for each in ast.walk(first)
                            if isinstance(each, ast.Constant) and isinstance(each.value, str)}
    return written, written | possible


def test_every_error_key_exists_and_every_message_is_used() -> None:
    written, possible = error_keys_in_code()
    assert {"not_a_date", "read.missing_one"} <= written and "read.header.no_line" in possible
    assert sorted(k for k in written if f"error.{k}" not in LABELS) == []
    assert sorted(k for k in LABELS if k.startswith("error.") and k[6:] not in possible) == []
    with pytest.raises(KeyError):
        error_text("no.such.message")


# ---- no English-only message can come back ------------------------------------------------


def _literal_text(node: ast.AST) -> bool:
    """Whether a message is written in place: a string or f-string literal, text joined with +
    or %, or "...".format(...)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _literal_text(node.func.value)
    return False


def plain_messages() -> list[str]:
    """Every place in rfmkit (its exercises aside: their checks word feedback themselves)
    where an exception is made with a message written as a literal instead of error_text."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if "exercises" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = getattr(func, "id", None) or getattr(func, "attr", "")
            if not re.search(r"(Error|Exception)$", called):
                continue
            if any(_literal_text(arg) for arg in node.args):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_the_scan_finds_a_plain_message() -> None:
    assert _literal_text(ast.parse('f"{x} must be a date"').body[0].value)
    assert _literal_text(ast.parse('"bad " + x').body[0].value)
    assert not _literal_text(ast.parse('error_text("not_a_date", what=x)').body[0].value)


def test_no_error_message_is_english_only() -> None:
    assert plain_messages() == []


def test_a_read_result_passed_as_a_table_says_to_pass_its_data(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("order_id,customer_id,order_date,amount\nO1,C1,2026-06-01,10\n",
                    encoding="utf-8")
    result = rfmkit.read_orders(path)
    with pytest.raises(ValueError, match=r"got a ReadResult: pass its \.data"):
        rfmkit.rfm_table(result, "2026-06-10")
