"""Write the test corpus: one small, realistic order export per platform, with the quirks real
exports have (run: ``python tests/make_corpus.py``; the files are committed in tests/corpus/).

Each file is written byte for byte as a shop owner downloads or saves it: GBK or UTF-8 (with a
BOM, as Excel's "CSV UTF-8" saves it), CSV or xlsx. The rows are fixed below so that
tests/test_exports_corpus.py can work out each customer's R, F and M by hand; the only random
part (seeded) is filler text such as product names and masked phones, which no number depends
on.

Quirks covered, by file:
- taobao_orders.csv (UTF-8 with BOM): a title and notes block above the header; Excel-protected
  order numbers (="2876..."); statuses 交易成功 / 交易关闭 (paid then refunded, and never paid)
  / 等待买家付款 / 卖家已发货，等待买家确认; a partial refund in 退款金额; a trailing 合计 row.
- jd_orders_gbk.csv (GBK): one row per product line; a refund line with quantity -1 dated after
  the order; 已取消 and 等待付款 orders; a 24-digit amount typed by mistake.
- pinduoduo_orders.xlsx: a workbook whose first sheet is notes; statuses 已签收, 已取消,
  未发货，退款成功; a blank buyer column on one row.
- youzan_orders.csv (UTF-8, no BOM, LF line ends): ISO times with +08:00 (an order at 23:50
  local time stays on its local day); a quote typed into one row and never closed; a partial
  refund; an unpaid order (待付款).
- douyin_orders.xlsx: a title row above the header; sub-orders (子订单编号) with one sub-order
  exported twice; two equal items of one order on two sub-orders; a 合计 row.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent / "corpus"
RNG = random.Random(618)
GOODS = ["保温杯", "帆布包", "护手霜", "蓝牙耳机", "抽纸", "瑜伽垫", "咖啡豆", "毛巾"]


def good() -> str:
    return RNG.choice(GOODS)


def phone() -> str:
    return f"1{RNG.randint(30, 89)}****{RNG.randint(1000, 9999)}"


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def taobao() -> None:
    head = ["订单编号", "买家会员名", "买家应付货款", "买家实际支付金额", "订单状态", "收货人姓名",
            "订单创建时间", "订单付款时间", "宝贝标题", "宝贝总数量", "退款金额"]  # fmt: skip
    rows = [
        ['="2876543210987654301"', "tb_amy", "120.00", "120.00", "交易成功", "王*",
         "2026-05-20 10:00:00", "2026-05-20 10:01:12", good(), "1", "0.00"],
        ['="2876543210987654302"', "tb_amy", "80.00", "80.00", "交易成功", "王*",
         "2026-06-05 21:30:00", "2026-06-05 21:31:00", good(), "2", "30.00"],
        ['="2876543210987654303"', "tb_amy", "500.00", "500.00", "交易关闭", "王*",
         "2026-06-08 09:00:00", "2026-06-08 09:00:30", good(), "1", "500.00"],
        ['="2876543210987654304"', "tb_bob", "300.00", "300.00", "等待买家付款", "李*",
         "2026-06-09 12:00:00", "", good(), "1", "0.00"],
        ['="2876543210987654305"', "tb_cat", "60.00", "60.00", "交易关闭", "张*",
         "2026-06-01 08:00:00", "", good(), "1", "0.00"],
        ['="2876543210987654306"', "tb_dan", "45.50", "45.50", "卖家已发货，等待买家确认", "赵*",
         "2026-06-09 23:59:59", "2026-06-10 00:00:05", good(), "1", "0.00"],
        ["合计", "", "1105.50", "1105.50", "", "", "", "", "", "7", "530.00"],
    ]  # fmt: skip
    title = (
        "订单报表,,,,,,,,,,\r\n导出时间：2026-06-10 08:00:00,店铺：小鱼杂货铺,,,,,,,,,\r\n"
        ",,,,,,,,,,\r\n"
    )
    (HERE / "taobao_orders.csv").write_bytes(b"\xef\xbb\xbf" + (title + csv_text([head] + rows))
                                             .encode("utf-8"))  # fmt: skip


def jd() -> None:
    head = ["订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价",
            "应付金额", "订单状态", "下单帐号", "付款确认时间"]  # fmt: skip
    rows = [
        ["310001", "100201", good(), "2", "在线支付", "2026-05-01 09:00:00", "50.00", "100.00",
         "完成", "jd_ann", "2026-05-01 09:02:00"],
        ["310001", "100202", good(), "1", "在线支付", "2026-05-01 09:00:00", "30.00", "30.00",
         "完成", "jd_ann", "2026-05-01 09:02:00"],
        ["310001", "100201", good(), "-1", "在线支付", "2026-05-12 15:00:00", "50.00", "-50.00",
         "完成", "jd_ann", "2026-05-12 15:00:00"],
        ["310002", "100203", good(), "1", "在线支付", "2026-06-02 20:00:00", "99.00", "99.00",
         "已取消", "jd_ann", ""],
        ["310003", "100204", good(), "1", "在线支付", "2026-06-03 11:00:00", "25.00", "25.00",
         "等待付款", "jd_ben", ""],
        ["310004", "100205", good(), "3", "在线支付", "2026-06-06 18:30:00", "12.00", "36.00",
         "等待确认收货", "jd_ben", "2026-06-06 18:31:00"],
        ["310005", "100206", good(), "1", "在线支付", "2026-06-07 10:00:00", "1.00",
         "123456789012345678901234", "完成", "jd_ben", "2026-06-07 10:00:10"],
    ]  # fmt: skip
    (HERE / "jd_orders_gbk.csv").write_bytes(csv_text([head] + rows).encode("gbk"))


def pinduoduo() -> None:
    head = ["商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)",
            "邮费(元)", "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "收货人", "手机",
            "支付时间", "商品id"]  # fmt: skip
    rows = [
        [good(), "260601-001", "已签收", "59.90", "0", "5", "0", "54.90", "59.90", "1", "刘*",
         "pdd_01", "2026-06-01 12:00:00", "8801"],
        [good(), "260603-002", "已发货，待签收", "19.90", "0", "0", "0", "19.90", "19.90", "1",
         "刘*", "pdd_01", "2026-06-03 12:00:00", "8802"],
        [good(), "260604-003", "已取消", "99.00", "0", "0", "0", "99.00", "99.00", "1", "陈*",
         "pdd_02", "2026-06-04 12:00:00", "8803"],
        [good(), "260605-004", "未发货，退款成功", "35.00", "0", "0", "0", "35.00", "35.00", "1",
         "陈*", "pdd_02", "2026-06-05 12:00:00", "8804"],
        [good(), "260606-005", "已签收", "10.00", "0", "0", "0", "10.00", "10.00", "1", "周*",
         "", "2026-06-06 12:00:00", "8805"],
        [good(), "260607-006", "待发货", "88.00", "0", "0", "0", "88.00", "88.00", "1", "陈*",
         "pdd_02", "2026-06-07 12:00:00", "8806"],
    ]  # fmt: skip
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "导出说明"
    notes.append(["本文件由拼多多商家后台导出, 金额单位: 元"])
    sheet = book.create_sheet("订单列表")
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    book.save(HERE / "pinduoduo_orders.xlsx")


def youzan() -> None:
    head = ["订单号", "订单状态", "订单创建时间", "买家付款时间", "商品名称", "商品数量",
            "订单实付金额", "买家手机号", "退款金额"]  # fmt: skip
    lines = [
        ",".join(head),
        f"E20260601001,交易成功,2026-06-01T12:03:00+08:00,2026-06-01T12:04:00+08:00,{good()},"
        "1,66.00,yz_kim,0",
        f"E20260602002,交易成功,2026-06-02T23:50:00+08:00,2026-06-02T23:51:00+08:00,{good()},"
        "2,40.00,yz_kim,10.00",
        f'E20260603003,交易成功,2026-06-03T10:00:00+08:00,2026-06-03T10:01:00+08:00,"{good()},'
        "1,15.00,yz_lee,0",
        f"E20260604004,待付款,2026-06-04T10:00:00+08:00,,{good()},1,20.00,yz_lee,0",
        f"E20260605005,交易成功,2026-06-05T09:00:00+08:00,2026-06-05T09:00:00+08:00,{good()},"
        "1,18.80,yz_lee,0",
    ]
    (HERE / "youzan_orders.csv").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def douyin() -> None:
    head = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商品金额",
            "订单应付金额", "运费", "收件人", "收件人手机号", "订单提交时间", "支付完成时间",
            "订单状态", "售后状态"]  # fmt: skip
    cup = good()  # two equal items of one order, on two sub-orders
    first = ["6930001", "69300011", cup, "默认", "1", "3301", "25.00", "25.00", "0", "孙*",
             "dy_mia", "2026-06-02 19:00:00", "2026-06-02 19:00:40", "已完成", ""]  # fmt: skip
    rows = [
        first,
        ["6930001", "69300012", cup, "默认", "1", "3301", "25.00", "25.00", "0", "孙*",
         "dy_mia", "2026-06-02 19:00:00", "2026-06-02 19:00:40", "已完成", ""],
        list(first),  # the same sub-order exported twice
        ["6930002", "69300021", good(), "默认", "1", "3302", "70.00", "70.00", "0", "孙*",
         "dy_mia", "2026-06-06 08:00:00", "", "已关闭", ""],
        ["6930003", "69300031", good(), "默认", "2", "3303", "9.90", "19.80", "0", "吴*",
         "dy_noa", "2026-06-04 13:00:00", "2026-06-04 13:00:10", "已发货", ""],
        ["合计", "", "", "", "5", "", "", "159.80", "0", "", "", "", "", "", ""],
    ]  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "订单"
    sheet.append(["抖店订单导出 2026-06-10"])
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    book.save(HERE / "douyin_orders.xlsx")


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for write in (taobao, jd, pinduoduo, youzan, douyin):
        write()
    print("wrote", ", ".join(sorted(p.name for p in HERE.iterdir())))


if __name__ == "__main__":
    main()
