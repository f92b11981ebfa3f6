"""The test corpus (tests/corpus/, written by tests/make_corpus.py): one realistic order export
per platform. For each file, every customer's R, F and M on 2026-06-10 is worked out by hand
in the comments below, from the rows as make_corpus.py writes them -- never by running rfmkit.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rfmkit import rfm_table
from rfmkit.io import read_orders

CORPUS = Path(__file__).resolve().parent / "corpus"
ASOF = "2026-06-10"

# file -> (preset, {customer: (R days, F orders, M yuan)}, [(rejected row, reason starts)])
EXPECTED = {
    "taobao_orders.csv": ("taobao", {
        # tb_amy: order ...301 on 05-20, 120.00 paid; order ...302 on 06-05, 80.00 paid with
        #   30.00 refunded -> 50.00; order ...303 交易关闭 (refunded in full) is no purchase.
        #   R = 06-10 - 06-05 = 5; F = 2; M = 120 + 50 = 170.
        "tb_amy": (5, 2, 170.0),
        # tb_bob: only order ...304, 等待买家付款 -> no purchase, no customer.
        # tb_cat: only order ...305, 交易关闭 never paid -> no purchase, no customer.
        # tb_dan: order ...306 created 06-09 23:59:59 (paid 06-10 00:00:05), 45.50:
        #   dated by its creation day 06-09 -> R = 1; F = 1; M = 45.5.
        "tb_dan": (1, 1, 45.5),
    }, [  # header on line 4 (title, export time, blank line above it)
        (7, "order status '交易关闭' (closed)"),
        (8, "order status '等待买家付款' (not paid)"),
        (9, "order status '交易关闭' (closed)"),
        (11, "a total row (合计)"),
    ]),
    "jd_orders_gbk.csv": ("jd", {
        # jd_ann: order 310001 = 100.00 + 30.00 (05-01) - 50.00 (refund line, quantity -1,
        #   05-12) = 80.00, dated 05-01 by its first line -> R = 30 + 10 = 40 (31 days in May);
        #   F = 1; M = 80. Order 310002 已取消 is no purchase.
        "jd_ann": (40, 1, 80.0),
        # jd_ben: 310003 等待付款 no purchase; 310004 36.00 on 06-06 -> R = 4; 310005 has a
        #   24-digit amount -> rejected. F = 1; M = 36.
        "jd_ben": (4, 1, 36.0),
    }, [
        (5, "order status '已取消' (cancelled)"),
        (6, "order status '等待付款' (not paid)"),
        (8, "number too large"),
    ]),
    "pinduoduo_orders.xlsx": ("pinduoduo", {
        # pdd_01: 54.90 paid on 06-01 and 19.90 on 06-03 -> R = 7; F = 2; M = 74.80.
        "pdd_01": (7, 2, 74.8),
        # pdd_02: 已取消 (06-04) and 未发货，退款成功 (06-05) are no purchases; 88.00 on 06-07
        #   待发货 (paid, not shipped yet) -> R = 3; F = 1; M = 88.
        "pdd_02": (3, 1, 88.0),
        # the 06-06 order has no buyer (blank 手机) -> rejected, no customer.
    }, [
        (4, "order status '已取消' (cancelled)"),
        (5, "order status '未发货，退款成功' (refunded)"),
        (6, "customer_id is blank"),
    ]),
    "youzan_orders.csv": ("youzan", {
        # yz_kim: 66.00 on 06-01 (12:03 +08:00) and 40.00 - 10.00 refunded = 30.00 on 06-02
        #   (23:50 +08:00, still 06-02) -> R = 8; F = 2; M = 96.
        "yz_kim": (8, 2, 96.0),
        # yz_lee: the 06-03 row has a quote never closed -> rejected (and does not swallow
        #   the rows after it); 06-04 待付款 no purchase; 18.80 on 06-05 -> R = 5; F = 1;
        #   M = 18.8.
        "yz_lee": (5, 1, 18.8),
    }, [
        (4, 'a quote (")'),
        (5, "order status '待付款' (not paid)"),
    ]),
    "douyin_orders.xlsx": ("douyin", {
        # dy_mia: order 6930001 has sub-orders ...11 (25.00) and ...12 (25.00): two equal
        #   items; sub-order ...11 is exported a second time (row 5) -> counted once.
        #   50.00 on 06-02 -> R = 8; F = 1; M = 50. Order 6930002 已关闭 is no purchase.
        "dy_mia": (8, 1, 50.0),
        # dy_noa: 2 x 9.90 = 19.80 on 06-04 -> R = 6; F = 1; M = 19.8.
        "dy_noa": (6, 1, 19.8),
    }, [  # header on sheet row 2 (a title row above it)
        (5, "repeats line 3 exactly (same 子订单编号)"),
        (6, "order status '已关闭' (closed)"),
        (8, "a total row (合计)"),
    ]),
}  # fmt: skip


def data_lines(path: Path) -> int:
    """Rows below the header as a person counts them: physical lines of a CSV file (after the
    header line found by eye: the line starting with the first column name), or sheet rows."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        sheet = book.worksheets[-1]
        rows = [r for r in sheet.iter_rows(values_only=True)]
        book.close()
        header = next(i for i, r in enumerate(rows) if r and r[1] is not None)
        return len(rows) - header - 1
    raw = path.read_bytes()
    text = raw.decode("gbk" if "gbk" in path.name else "utf-8-sig")
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    header = next(i for i, ln in enumerate(lines) if ln.startswith(("订单编号,", "订单号,")))
    return len(lines) - header - 1


def test_corpus_is_made_by_the_committed_script() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_export_gives_the_hand_worked_rfm(name: str) -> None:
    preset, rfm, rejected = EXPECTED[name]
    result = read_orders(CORPUS / name)
    assert result.preset == preset
    # nothing vanishes: every row below the header is kept or rejected with a reason
    assert len(result.data) + len(result.rejected) == result.rows_read == data_lines(CORPUS / name)
    assert result.rejected["row"].tolist() == [row for row, _ in rejected]
    for (_, start), reason in zip(rejected, result.rejected["reason"], strict=True):
        assert reason.startswith(start), (reason, start)
    table = rfm_table(result.data, ASOF)
    assert sorted(table.index) == sorted(rfm)
    for customer, (r, f, m) in rfm.items():
        got = table.loc[customer]
        assert (int(got["recency_days"]), int(got["frequency"])) == (r, f), customer
        assert got["monetary"] == pytest.approx(m, abs=1e-9), customer


def test_encodings_and_formats_of_the_corpus() -> None:
    assert read_orders(CORPUS / "jd_orders_gbk.csv").encoding == "gb18030"
    assert read_orders(CORPUS / "taobao_orders.csv").encoding == "utf-8-sig"
    assert read_orders(CORPUS / "youzan_orders.csv").encoding == "utf-8"
    book = read_orders(CORPUS / "pinduoduo_orders.xlsx")
    assert (book.sheet, book.sheets) == ("订单列表", ("导出说明", "订单列表"))


def test_excel_protected_order_numbers_keep_every_digit() -> None:
    ids = read_orders(CORPUS / "taobao_orders.csv").data["order_id"].tolist()
    assert ids == ["2876543210987654301", "2876543210987654302", "2876543210987654306"]
