"""A real spreadsheet program opens what export_table writes (LibreOffice Calc, headless).

What the test shows, with the same file bytes a shop owner would open:

- the ``.xlsx`` keeps a 19-digit order number and the ID ``000123`` exactly, as text, and a
  cell that tried to start a formula on its second line stays text;
- the ``.csv`` is right byte for byte, but a spreadsheet opening it turns ``000123`` into 123
  and the 19-digit number into 2.87654321098765E+18: that is why export_table warns
  (:class:`rfmkit.export.IdsInCsvWarning`) and tells the user to choose ``.xlsx``.

Skipped where LibreOffice is missing, except under ``CI=true`` (``.ci/run`` installs
``libreoffice-calc-nogui`` from Debian), where a missing program is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings

import openpyxl
import pandas as pd
import pytest

from rfmkit.export import export_table

ROW = {"order_no": 2876543210987654321, "member": "000123",
       "note": "Alice\r=cmd|' /C calc'!A0"}


@pytest.fixture(scope="module")
def soffice():
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is not installed", pytrace=False)
        pytest.skip("LibreOffice (soffice) is not installed")
    return program


def convert(soffice: str, source, target_format: str, tmp_path):
    out = tmp_path / f"out-{target_format.split(':')[0]}"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         target_format, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return next(out.iterdir())


def test_xlsx_keeps_long_numbers_ids_and_text(soffice, tmp_path):
    path = export_table(pd.DataFrame([ROW]), tmp_path / "plan.xlsx", mask=False)
    # LibreOffice reads the workbook and writes it out as CSV (comma, quote, UTF-8)
    back = convert(soffice, path, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path)
    text = back.read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("2876543210987654321,000123,")
    frame = pd.read_csv(back, dtype=str)
    assert frame.loc[0, "order_no"] == "2876543210987654321"
    assert frame.loc[0, "member"] == "000123"
    assert frame.loc[0, "note"] == "Alice\n'=cmd|' /C calc'!A0"


def test_csv_opened_in_a_spreadsheet_loses_ids_as_the_warning_says(soffice, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = export_table(pd.DataFrame([ROW]), tmp_path / "plan.csv", mask=False)
    sheet = openpyxl.load_workbook(convert(soffice, path, "xlsx", tmp_path)).active
    order_no, member, note = (cell.value for cell in next(sheet.iter_rows(min_row=2)))
    assert member == 123 and isinstance(order_no, float)  # what Excel does too
    assert round(order_no) != 2876543210987654321  # 15 significant digits only
    assert note == "Alice\n'=cmd|' /C calc'!A0"  # never a formula, not a new row


def test_a_spreadsheet_shows_money_to_the_cent_and_counts_with_separators(soffice, tmp_path):
    from rfmkit.export import export_workbook

    table = pd.DataFrame({"客户类型": ["重要维护客户"], "客户数": [3000],
                          "客户占比 (%)": [36.0], "销售额 (元)": [984059.2], "行号": [12345]})
    path = export_workbook({"RFM": table}, tmp_path / "report.xlsx")
    # the CSV filter writes each cell as the spreadsheet shows it (its number format applied)
    back = convert(soffice, path, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path)
    shown = back.read_text(encoding="utf-8").splitlines()[1]
    assert shown == '重要维护客户,"3,000",36.0,"984,059.20",12345'
