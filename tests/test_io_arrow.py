"""rfmkit.io reads a CSV file with pyarrow when it is installed, and with pandas' C parser
when pyarrow is missing or cannot read the file as the C parser does. Both must give the same
ReadResult. Each file below is read both ways and compared; the expected line numbers of the
first file are written out by hand.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import rfmkit.io as rio
from rfmkit.io import read_orders

pytest.importorskip("pyarrow")

CORPUS = Path(__file__).parent / "corpus"


def read_both(monkeypatch: pytest.MonkeyPatch, data: bytes, tmp_path: Path | None = None,
              **kwargs) -> tuple[rio.ReadResult, rio.ReadResult, bool]:  # fmt: skip
    """(result via pyarrow if it can, result via the C parser only, whether pyarrow read it).
    With ``tmp_path`` the bytes are written to a file and read from disk."""
    used: list[bool] = []
    arrow_frame = rio._arrow_frame

    def spy(*args):
        got = arrow_frame(*args)
        used.append(got is not None)
        return got

    def source():
        if tmp_path is None:
            return io.BytesIO(data)
        path = tmp_path / "orders.csv"
        path.write_bytes(data)
        return path

    with monkeypatch.context() as m:
        m.setattr(rio, "_arrow_frame", spy)
        fast = read_orders(source(), **kwargs)
    with monkeypatch.context() as m:
        m.setattr(rio, "_arrow_plan", lambda *args: None)
        careful = read_orders(source(), **kwargs)
    return fast, careful, any(used)


def same(fast: rio.ReadResult, careful: rio.ReadResult) -> None:
    pd.testing.assert_frame_equal(fast.data, careful.data)
    pd.testing.assert_frame_equal(fast.rejected, careful.rejected)
    assert fast.rows_read == careful.rows_read
    assert (fast.encoding, fast.header_line, fast.preset, fast.notes, fast.status_counts) == (
        careful.encoding, careful.header_line, careful.preset, careful.notes,
        careful.status_counts)  # fmt: skip


MIXED = (
    "order_id,customer_id,order_date,amount,note\n"  # line 1
    'A1,C1,2025-05-03 10:00:00,10.50,"two\n'  # line 2: a note over two lines
    'lines"\n'  # line 3
    "A2,C2,2025-05-04,1,200.50,x\n"  # line 4: unquoted comma, one value too many
    "\n"  # line 5: empty row
    'A3,C3,2025-05-05,"1,200.50",\n'  # line 6
    'A4,C4,2025-05-06,="20",x\n'  # line 7: Excel-protected number
    "A5,C5,2025-13-01,5,\n"  # line 8: impossible date
    "合计,,,1236.50,\n"  # line 9: total row
)


@pytest.mark.parametrize("from_disk", [False, True])
def test_bad_line_and_quoted_line_break_give_the_same_result(monkeypatch, tmp_path,
                                                             from_disk) -> None:  # fmt: skip
    fast, careful, arrow = read_both(monkeypatch, MIXED.encode(), tmp_path if from_disk else None)
    assert arrow
    same(fast, careful)
    assert fast.rows_read == 7  # lines 2-9 less line 3 (the note's second line)
    assert list(fast.data["order_id"]) == ["A1", "A3", "A4"]
    assert list(fast.data["amount"]) == [10.5, 1200.5, 20.0]
    assert fast.data["note"].tolist() == ["two\nlines", "", "x"]
    assert list(fast.rejected["row"]) == [4, 5, 8, 9]
    assert fast.rejected["reason"].iloc[0] == (
        "this line has 6 values but the header has 5 columns (a value that contains a comma "
        "needs quotes)")  # fmt: skip
    assert fast.rejected["value"].iloc[0] == "A2,C2,2025-05-04,1,200.50,x"
    assert fast.rejected["reason"].iloc[1] == "empty row"


CASES = {
    "plain": "order_id,customer_id,order_date,amount\nA1,C1,2025-05-03,10\nA2,C2,2025-05-04,20\n",
    "bom": "\ufefforder_id,customer_id,order_date,amount\nA1,C1,2025-05-03,10\n",
    "crlf blank lines at end": ("order_id,customer_id,order_date,amount\r\n"
                                "A1,C1,2025-05-03,10\r\n\r\nA2,C2,2025-05-04,20\r\n\r\n\r\n"),
    "bare cr": "order_id,customer_id,order_date,amount\rA1,C1,2025-05-03,10\rA2,C2,x,20\r",
    "title above header": ("店铺订单导出\n导出时间 2025-06-01\n\n"
                           "订单号,客户ID,下单时间,实付金额\nA1,C1,2025-05-03,10\n"
                           "A1,C1,2025-05-03,10\nA2,C2,2025-05-04,1,2\n"),
    "quoted title above header": ('"店铺订单导出"\n订单号,客户ID,下单时间,实付金额\n'
                                  "A1,C1,2025-05-03,10\n"),
    "stray quote": ('order_id,customer_id,order_date,amount\nA1,C1",2025-05-03,10\n'
                    + "".join(f"A{i},C{i},2025-05-03,{i}\n" for i in range(2, 9))),
    "extra separators at line end": ("order_id,customer_id,order_date,amount\n"
                                     "A1,C1,2025-05-03,10,,\nA2,C2,2025-05-04,20\n"),
    "short row (C parser pads it)": ("order_id,customer_id,order_date,amount\n"
                                     "A1,C1,2025-05-03\nA2,C2,2025-05-04,20\n"),
    "line of spaces": "order_id,customer_id,order_date,amount\n   \nA2,C2,2025-05-04,20\n",
    "taobao": ("订单编号,买家会员名,订单创建时间,订单付款时间,买家实际支付金额,订单状态,退款金额\n"
               '="2876001",tb_a,2025-05-03 10:00:00,2025-05-03 10:01:00,100,交易成功,0\n'
               '="2876001",tb_a,2025-05-03 10:00:00,2025-05-03 10:01:00,100,交易成功,0\n'
               '="2876002",tb_b,2025-05-04 10:00:00,,50,等待买家付款,0\n'
               '="2876003",tb_c,2025-05-05 10:00:00,2025-05-05 10:01:00,80,交易关闭,80\n'),
    "semicolons": "order_id;customer_id;order_date;amount\nA1;C1;2025-05-03;10,5\n",
    # ids are stripped as str.strip() does, by pyarrow for ASCII texts and by Python for the
    # others; other columns are kept as written
    "spaces around ids": ("order_id,customer_id,order_date,amount,note\n"
                          " A1 ,\tC1\x1f,2025-05-03,10, x \n"
                          "\u3000A2\u3000,C2\xa0,2025-05-04,20,\u3000y\n"
                          "A3, \x1c ,2025-05-05,30,z\n"
                          " 顾客 ,C4 ,2025-05-06,40, \n"),
    "repeats with ids not ASCII": ("订单号,子订单编号,客户ID,下单时间,实付金额\n"
                                   "单1,子1,顾客甲,2025-05-03,10\n单1,子2,顾客甲,2025-05-03,10\n"
                                   "单1,子1,顾客甲,2025-05-03,10\n单2,子3,顾客乙,2025-05-04,20\n"
                                   "单2, 子3 ,顾客乙,2025-05-04,20\n"),
    "repeats, ASCII ids of several lengths": ("订单号,子订单编号,客户ID,下单时间,实付金额\n"
                                              "1,L1,C1,2025-05-03,10\n22,L22,C2,2025-05-03,5\n"
                                              "1,L1,C1,2025-05-03,10\n333,L3,C3,2025-05-04,2\n"
                                              "22,L22,C2,2025-05-03,5\n"),
    "protected cells everywhere": ("订单号,客户ID,下单时间,实付金额,备注\n"
                                   '="001",="C01",="2025-05-03",="10.50",="x"\n'
                                   '="",C02,2025-05-04,="",=""\n'
                                   '"=""7""",C03,2025-05-05,3,="\n'),
}


# files pyarrow would read otherwise than the C parser: read by the C parser alone
C_PARSER_ONLY = {"short row (C parser pads it)", "line of spaces", "quoted title above header"}


@pytest.mark.parametrize("name", list(CASES))
def test_pyarrow_and_c_parser_agree(monkeypatch, name) -> None:
    fast, careful, arrow = read_both(monkeypatch, CASES[name].encode())
    assert arrow == (name not in C_PARSER_ONLY)  # the comparison is of two readers, or says so
    same(fast, careful)
    assert len(fast.data) + len(fast.rejected) == fast.rows_read


def test_which_files_pyarrow_reads(monkeypatch) -> None:
    """pyarrow reads UTF-8 files, even with a bad line; files it would read otherwise than
    the C parser (a short row, a line of spaces, a quote above the header) and GBK files go
    to the C parser."""
    def arrow(data: bytes) -> bool:
        return read_both(monkeypatch, data)[2]

    assert arrow(CASES["plain"].encode())
    assert arrow(CASES["title above header"].encode())
    assert arrow(MIXED.encode())
    assert not arrow(CASES["short row (C parser pads it)"].encode())
    assert not arrow(CASES["line of spaces"].encode())
    assert not arrow(CASES["quoted title above header"].encode())
    assert not arrow(CASES["plain"].replace("C1", "顾客").encode("gbk"))


def test_title_block_line_numbers(monkeypatch) -> None:
    fast, careful, arrow = read_both(monkeypatch, CASES["title above header"].encode())
    assert arrow
    same(fast, careful)
    assert fast.header_line == 4
    assert list(fast.rejected["row"]) == [6, 7]  # the repeat, then the unquoted comma


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.csv")), ids=lambda p: p.name)
def test_corpus_files_agree(monkeypatch, tmp_path, path) -> None:
    fast, careful, _ = read_both(monkeypatch, path.read_bytes(), tmp_path)
    same(fast, careful)


def test_text_columns_are_the_string_dtype_either_way(monkeypatch) -> None:
    """Ids and other text come out as pandas' default string dtype in pandas 3 (object before),
    whichever reader read the file."""
    fast, careful, arrow = read_both(monkeypatch, CASES["spaces around ids"].encode())
    assert arrow
    text = "str" if int(pd.__version__.split(".")[0]) >= 3 else "object"
    for result in (fast, careful):
        assert [str(result.data[c].dtype) for c in ("order_id", "customer_id", "note")] == [
            text] * 3  # fmt: skip
    assert fast.data["order_id"].tolist() == ["A1", "A2", "顾客"]
    assert fast.data["customer_id"].tolist() == ["C1", "C2", "C4"]
    assert fast.data["note"].tolist() == [" x ", "\u3000y", " "]
    assert fast.rejected["row"].tolist() == [4]  # customer id only spaces: blank


def test_pyarrow_cells_become_python_text_a_block_at_a_time(monkeypatch) -> None:
    """Memory (issue 10): a file pyarrow reads is never held as Python text for every cell;
    each column is turned into text a block of rows at a time while it is parsed."""
    rows = 70_000  # more than one block
    text = "order_id,customer_id,order_date,amount,note\n" + "".join(
        f"A{i % 69_000},C{i % 500},2025-05-{1 + i % 28:02d} 10:00:00,{i % 997}.50,n\n"
        for i in range(rows))  # fmt: skip
    sizes: list[int] = []
    cells = rio._cells

    def spy(column):
        sizes.append(len(column))
        return cells(column)

    monkeypatch.setattr(rio, "_cells", spy)
    result = read_orders(io.BytesIO(text.encode()))
    assert result.rows_read == rows
    assert len(result.rejected) == 0  # repeated order ids, but other lines: noted, kept
    assert sizes and max(sizes) <= 1 << 16
