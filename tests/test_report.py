"""The shop owner's one-command report, run as a shop owner would: ``python -m rfmkit report``.

Expected values are counted straight from the export file (lines, distinct customers), not
from rfmkit; the report's own tables must add up to them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from rfmkit.data import DATA_DIR

ORDERS = DATA_DIR / "orders.csv"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    done = subprocess.run(
        [sys.executable, "-m", "rfmkit", "report", str(ORDERS), "--asof", "2026-06-10",
         "--lang", "zh", "--out", str(out)],
        capture_output=True, text=True, timeout=600, check=True,
    )
    return out, done


def sheets(path: Path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def test_report_writes_a_workbook_and_a_page_and_shows_progress(report):
    out, done = report
    assert done.stdout.split() == [str(out / "orders-report.xlsx"), str(out / "orders-report.html")]
    assert "7/7" in done.stderr  # the progress line reached its last step


def test_workbook_adds_up_to_the_file(report):
    out, _ = report
    book = sheets(out / "orders-report.xlsx")
    assert list(book) == ["读取摘要", "拒收的行", "RFM 客户分组", "客户金字塔", "生命周期阶段",
                          "个性化服务 (已脱敏)", "图表"]
    lines = ORDERS.read_text(encoding="utf-8").splitlines()
    customers = {line.split(",")[1] for line in lines[1:]}
    summary = dict(book["读取摘要"][1:])
    assert summary["读入行数"] == len(lines) - 1  # a number in the sheet, not text
    assert int(summary["保留行数"]) + int(summary["拒收行数 (原因见“拒收的行”)"]) == len(lines) - 1
    assert len(book["拒收的行"]) - 1 == int(summary["拒收行数 (原因见“拒收的行”)"])
    assert summary["客户数"] == len(customers)
    rfm = pd.DataFrame(book["RFM 客户分组"][1:], columns=book["RFM 客户分组"][0])
    assert rfm["客户数"].sum() == len(customers)
    assert round(rfm["销售额占比 (%)"].sum()) == 100
    pyramid = pd.DataFrame(book["客户金字塔"][1:], columns=book["客户金字塔"][0])
    assert pyramid["客户数"][:4].tolist() == [30, 570, 900, 1500]  # 1/19/30/50 % of 3,000
    stages = pd.DataFrame(book["生命周期阶段"][1:], columns=book["生命周期阶段"][0])
    assert stages["客户数"].sum() == len(customers)
    plan = book["个性化服务 (已脱敏)"]
    assert len(plan) - 1 == len(customers)
    assert {row[0] for row in plan[1:]} == customers


def test_page_has_the_charts_with_text_alternatives(report):
    out, _ = report
    page = (out / "orders-report.html").read_text(encoding="utf-8")
    assert page.count('<img src="data:image/png;base64,') == 3
    alts = [part.split('"')[0] for part in page.split('alt="')[1:]]
    assert len(alts) == 3 and all(len(alt) > 20 for alt in alts)
    assert 'lang="zh-CN"' in page and "客户价值分析报告" in page


CORPUS = sorted((Path(__file__).resolve().parent / "corpus").glob("*_orders*"))


@pytest.mark.parametrize("export", CORPUS, ids=[p.stem for p in CORPUS])
def test_report_runs_on_every_platform_export(export, tmp_path):
    from rfmkit.io import read_orders
    from rfmkit.report import write_report

    workbook, page = write_report(export, "2026-06-10", out=tmp_path, language="en",
                                  stream=open(tmp_path / "progress.txt", "w"))
    book = sheets(workbook)
    read = read_orders(export)
    summary = dict(book["Read summary"][1:])
    assert int(summary["rows kept"]) == len(read.data)
    assert int(summary["rows rejected (see the rejected rows)"]) == len(book["Rejected rows"]) - 1
    rfm = pd.DataFrame(book["RFM groups"][1:], columns=book["RFM groups"][0])
    assert rfm["customers"].sum() == int(summary["customers"]) == read.data["customer_id"].nunique()
    assert page.exists() and export.stem in page.read_text(encoding="utf-8")


def test_the_command_ends_a_bad_file_with_its_message_in_the_language_asked(tmp_path, capsys):
    from rfmkit.report import main

    missing = tmp_path / "没有这个文件.csv"
    assert main([str(missing), "--asof", "2026-06-10", "--lang", "zh"]) == 2
    said = capsys.readouterr().err
    assert "找不到文件" in said and "Traceback" not in said
    assert main([str(missing), "--asof", "2026-06-10"]) == 2
    assert "no such file" in capsys.readouterr().err.lower()


def test_the_command_maps_a_shops_own_headers_and_header_line(tmp_path, capsys):
    from rfmkit.report import main

    export = tmp_path / "shop.csv"
    export.write_text("本店订单 2026年6月\n单号,客户,日期,付款额\n"
                      "A1,王,2026-06-01,100.00\nA2,王,2026-06-03,50.50\nA3,李,2026-05-20,20.00\n",
                      encoding="gbk")
    mapping = ["--column", "order_id=单号", "--column", "customer_id=客户",
               "--column", "order_date=日期", "--column", "amount=付款额"]
    assert main([str(export), "--asof", "2026-06-10", "--out", str(tmp_path),
                 "--header-row", "2", *mapping]) == 0
    book = sheets(tmp_path / "shop-report.xlsx")
    rfm = pd.DataFrame(book["RFM groups"][1:], columns=book["RFM groups"][0])
    assert rfm["customers"].sum() == 2  # 王 and 李
    summary = dict(book["Read summary"][1:])
    assert int(summary["rows kept"]) == 3
    assert int(summary["rows rejected (see the rejected rows)"]) == 0
    capsys.readouterr()
    for wrong in (["--column", "amount"], ["--column", "amount="],
                  ["--column", "amount=付款额", "--column", "amount=实付"]):
        with pytest.raises(SystemExit):  # argparse's usage error, exit status 2
            main([str(export), "--asof", "2026-06-10", *mapping[:6], *wrong])
        said = capsys.readouterr().err
        assert "NAME=HEADER" in said and wrong[-1] in said, wrong


def test_a_header_the_reader_cannot_find_gets_the_command_lines_own_advice(tmp_path, capsys):
    from rfmkit.report import main

    export = tmp_path / "shop.csv"
    export.write_text("单号,客户,日期,付款额\nA1,王,2026-06-01,100.00\n", encoding="utf-8")
    assert main([str(export), "--asof", "2026-06-10", "--lang", "zh"]) == 2
    said = capsys.readouterr().err
    assert "缺少必需的列" in said and "'amount'" in said  # the reader's own message, then
    assert "--column amount=实付款" in said and "--header-row 2" in said  # how to say it here
    assert main([str(export), "--asof", "2026-06-10", "--header-row", "9"]) == 2
    said = capsys.readouterr().err
    assert "header_row=9" in said and "header_row=2 as --header-row 2" in said


def test_money_is_shown_to_the_cent_and_counts_with_separators(report):
    out, _ = report
    book = openpyxl.load_workbook(out / "orders-report.xlsx")
    rfm = book["RFM 客户分组"]
    headers = [c.value for c in rfm[1]]
    revenue = rfm.cell(row=2, column=headers.index("销售额 (元)") + 1)
    customers = rfm.cell(row=2, column=headers.index("客户数") + 1)
    assert revenue.number_format == "#,##0.00" and customers.number_format == "#,##0"
    share = rfm.cell(row=2, column=headers.index("客户占比 (%)") + 1)
    assert share.number_format == "0.0"  # 36.0, as the course shows shares, not 36
    page = (out / "orders-report.html").read_text(encoding="utf-8")
    assert f">{revenue.value:,.2f}<" in page  # e.g. 984,059.20, not 984059.2
    money = re.findall(r"<td>([\d,.]+)</td>", page)
    assert "984,059.20" in money and "114,144.00" in money  # the lesson's group revenues
    lines = sum(1 for _ in open(ORDERS, encoding="utf-8")) - 1  # data lines in the file
    assert f">{lines:,}<" in page
