"""Read a shop's own files (orders, questionnaire answers, member profiles) safely.

The three readers -- :func:`read_orders`, :func:`read_questionnaire` and :func:`read_members` --
accept a CSV or Excel (.xlsx) file, given as a path or as an open binary file / bytes buffer.
They work out the text encoding themselves (UTF-8 with or without BOM, GBK / GB18030),
recognise English and Chinese column headers, and parse values only where their meaning is
certain. Every row that cannot be read with certainty is *rejected*, never silently dropped or
guessed: the result lists it with its line number in the file, the column, the raw value and a
plain-English reason, so the numbers can be checked against the file.

>>> result = read_orders("my_shop_orders.csv")        # doctest: +SKIP
>>> result                                             # doctest: +SKIP
412 rows read: 395 kept, 17 rejected (see .rejected)
>>> result.data.head()                                 # doctest: +SKIP
>>> result.rejected                                    # doctest: +SKIP

Row numbers in ``.rejected`` are the line numbers you see in a text editor (the header is
line 1, so the first data row is line 2), or the row numbers Excel shows for a sheet.

Rules worth knowing:

* ``len(result.data) + len(result.rejected) == result.rows_read``, always. A blank line between
  data rows is a row, rejected as ``"empty row"``; blank lines after the last data row (extra
  line breaks at the end of the file) are not rows.
* A line with more values than the header has columns is rejected (an unquoted comma).
* Only meanings that are certain are accepted: ``2025/5/3`` yes, ``3/5/2025`` or ``20250503``
  no; ``1,200.50`` yes, ``1,20`` or ``12.345`` no; ``3次`` yes, ``2.5`` or ``不记得`` no.
* ``.data`` dtypes: ids and other text ``object``; dates ``datetime64[ns]``; money
  ``float64`` (yuan); counts ``int64``; survey scores nullable ``Int64``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io as _io
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["ReadResult", "read_orders", "read_questionnaire", "read_members"]


# ---------------------------------------------------------------------------------------------
# Result
# ---------------------------------------------------------------------------------------------

REJECTED_COLUMNS = ["row", "column", "value", "reason"]


@dataclass(frozen=True, eq=False, repr=False)
class ReadResult:
    """What a reader found in a file.

    Attributes
    ----------
    data:
        The clean rows, with canonical English column names first (``order_id``,
        ``customer_id``, ...), then any other columns of the file unchanged (as text).
        Default RangeIndex.
    rejected:
        One row per input row that was not kept: ``row`` (line number in the file, header =
        line 1; for Excel the sheet's row number), ``column`` (the header as written in the
        file, of the first problem found in that row), ``value`` (the raw text of that cell),
        ``reason`` (plain English; several problems are joined with ``"; "``).
    rows_read:
        Number of data rows in the file (not counting the header). Always
        ``len(data) + len(rejected) == rows_read``.
    source_columns:
        Which header of the file was used for each canonical column, e.g.
        ``{"amount": "实付金额", ...}``.
    encoding:
        The text encoding used for a CSV file (e.g. ``"utf-8"``, ``"utf-8-sig"``,
        ``"gb18030"``), ``None`` for Excel files and already-decoded text.
    source:
        A short name of the file, used in messages.
    """

    data: pd.DataFrame
    rejected: pd.DataFrame
    rows_read: int
    source_columns: dict[str, str]
    encoding: str | None
    source: str = "the file"

    def summary(self) -> str:
        """One line in plain English, e.g. ``412 rows read: 395 kept, 17 rejected``."""
        kept = len(self.data)
        bad = len(self.rejected)
        row_word = "row" if self.rows_read == 1 else "rows"
        text = f"{self.rows_read} {row_word} read: {kept} kept, {bad} rejected"
        if bad:
            text += " (see .rejected)"
        return text

    def __repr__(self) -> str:
        return self.summary()

    def __str__(self) -> str:
        return self.summary()


# ---------------------------------------------------------------------------------------------
# Column schemas
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Field:
    name: str
    kind: str  # id | text | datetime | date | money | count | score
    aliases: tuple[str, ...]
    required: bool = False
    allow_blank: bool = False  # blank -> missing value instead of a rejection
    allow_negative: bool = True  # money only
    noun: str = ""  # count only: "not a whole number of <noun>"
    low: int = 0  # score only
    high: int = 0  # score only
    blank_reason: str = ""  # reason used when a required value is blank


_CUSTOMER_ALIASES = (
    "customer_id", "customer", "customer id", "member_id", "客户ID", "客户编号", "会员ID",
    "会员号", "买家会员名", "顾客ID", "买家ID",
    # extensions
    "customer_no", "customer number", "member", "member id", "member_no", "buyer", "buyer_id",
    "user_id", "client_id", "客户号", "客户代码", "会员编号", "会员卡号", "顾客编号", "用户ID",
    "买家昵称", "买家账号",
)  # fmt: skip

_ORDERS = (
    _Field("order_id", "id", (
        "order_id", "order id", "order no", "order_no", "订单号", "订单编号", "订单ID", "单号",
        "order number", "order", "订单号码", "订单编码", "交易编号", "交易号", "子订单编号",
    ), required=True, blank_reason="order_id is blank"),
    _Field("customer_id", "id", _CUSTOMER_ALIASES, required=True,
           blank_reason="customer_id is blank"),
    _Field("order_date", "datetime", (
        "order_date", "date", "order date", "下单日期", "下单时间", "订单创建时间", "订单日期",
        "订单时间", "创建时间", "购买日期", "购买时间", "成交时间", "交易时间", "交易日期",
        "付款时间", "付款日期", "支付时间", "日期", "order_time", "order datetime",
        "purchase_date", "created_at", "created", "time",
    ), required=True, blank_reason="order_date is blank"),
    _Field("amount", "money", (
        "amount", "total", "paid", "金额", "实付金额", "买家实际支付金额", "订单金额", "支付金额",
        "实付款", "实收金额", "付款金额", "成交金额", "总金额", "总价", "合计", "合计金额",
        "销售额", "销售金额", "消费金额", "order_amount", "order amount", "paid_amount",
        "amount_paid", "payment", "total_amount", "sales", "revenue", "spend",
    ), required=True, allow_negative=True, blank_reason="amount is blank"),
    _Field("product_id", "text", (
        "product_id", "商品ID", "商品编号", "product", "product id", "product_no", "sku",
        "sku_id", "item_id", "商品编码", "货号", "宝贝ID",
    ), allow_blank=True),
    _Field("quantity", "count", (
        "quantity", "qty", "数量", "购买数量", "商品数量", "件数", "units",
    ), noun="items", blank_reason="quantity is blank"),
    _Field("unit_price", "money", (
        "unit_price", "price", "单价", "商品单价", "销售单价", "unit price",
    ), allow_negative=True, blank_reason="unit_price is blank"),
)  # fmt: skip

_QUESTIONNAIRE = (
    _Field("customer_id", "id", _CUSTOMER_ALIASES, required=True,
           blank_reason="customer_id is blank"),
    _Field("last_purchase_date", "date", (
        "last_purchase_date", "last_purchase", "last purchase", "最近一次购买日期",
        "最近一次购买时间", "最近购买日期", "上次购买时间", "last purchase date",
        "last_order_date", "最近购买时间", "最后一次购买日期", "最后购买日期", "上次购买日期",
    ), required=True, blank_reason="blank answer"),
    _Field("purchases_per_quarter", "count", (
        "purchases_per_quarter", "purchases per quarter", "平均每季度购买次数", "每季度购买次数",
        "购买次数", "purchases", "purchase_count", "frequency", "季度购买次数",
    ), required=True, noun="purchases", blank_reason="blank answer"),
    _Field("spend_per_quarter", "money", (
        "spend_per_quarter", "spend per quarter", "平均每季度消费金额", "每季度消费金额",
        "消费金额", "spend", "spending", "季度消费金额", "平均每季度消费",
    ), required=True, allow_negative=False, blank_reason="blank answer"),
    _Field("satisfaction", "score", (
        "satisfaction", "csat", "满意度", "满意度(1-5)", "satisfaction (1-5)", "满意程度",
        "总体满意度",
    ), allow_blank=True, low=1, high=5),
    _Field("recommend", "score", (
        "recommend", "would_recommend", "nps", "推荐意愿", "推荐意愿(0-10)", "推荐可能性",
        "likely to recommend", "recommend (0-10)", "推荐度",
    ), allow_blank=True, low=0, high=10),
    _Field("response_id", "text", (
        "response_id", "问卷编号", "response", "response id", "答卷编号", "序号",
    ), allow_blank=True),
)  # fmt: skip

_MEMBERS = (
    _Field("customer_id", "id", _CUSTOMER_ALIASES, required=True,
           blank_reason="customer_id is blank"),
    _Field("name", "text", ("name", "姓名", "full_name", "客户姓名", "会员姓名"),
           allow_blank=True),
    _Field("gender", "text", ("gender", "sex", "性别"), allow_blank=True),
    _Field("birthday", "date", ("birthday", "生日", "出生日期", "birth_date", "date_of_birth",
                                "dob"), allow_blank=True),
    _Field("age_band", "text", ("age_band", "年龄段", "age", "age group", "年龄", "年龄层"),
           allow_blank=True),
    _Field("occupation", "text", ("occupation", "职业", "job"), allow_blank=True),
    _Field("income_band", "text", ("income_band", "月收入", "个人月收入", "income",
                                   "monthly_income", "收入"), allow_blank=True),
    _Field("city", "text", ("city", "城市", "地区", "region", "所在城市", "所在地区"),
           allow_blank=True),
    _Field("phone", "text", ("phone", "mobile", "手机", "手机号", "电话", "手机号码",
                             "联系电话", "电话号码", "tel"), allow_blank=True),
    _Field("email", "text", ("email", "邮箱", "电子邮件", "e-mail", "电子邮箱", "mail"),
           allow_blank=True),
    _Field("wechat", "text", ("wechat", "微信", "微信号", "weixin"), allow_blank=True),
    _Field("preferred_channel", "text", ("preferred_channel", "偏好渠道", "联系方式偏好",
                                         "channel", "preferred channel", "首选联系方式"),
           allow_blank=True),
    _Field("join_date", "date", ("join_date", "入会日期", "注册日期", "joined", "join date",
                                 "registration_date", "signup_date", "注册时间", "入会时间"),
           allow_blank=True),
)  # fmt: skip

_SCHEMAS: dict[str, tuple[_Field, ...]] = {
    "orders": _ORDERS,
    "questionnaire": _QUESTIONNAIRE,
    "members": _MEMBERS,
}


_HEADER_JUNK = re.compile(r"[\s_\-\u200b\ufeff]+")
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")


def _norm_header(text: str) -> str:
    """Header key for matching: NFKC, no spaces/underscores/hyphens/BOM, case-folded."""
    text = unicodedata.normalize("NFKC", str(text))
    return _HEADER_JUNK.sub("", text).casefold()


def _clean_header(text: object) -> str:
    """The header as shown to users: whitespace and BOM stripped."""
    if text is None:
        return ""
    return str(text).replace("\ufeff", "").strip()


# ---------------------------------------------------------------------------------------------
# Value parsers (scalar: the reference behaviour; the column functions add fast paths)
# ---------------------------------------------------------------------------------------------

EIGHT_DIGIT_REASON = "not a date: 8-digit numbers like 20250503 are ambiguous (write 2025-05-03)"
DATE_REASON = "not a date (expected e.g. 2025-05-03, 2025/5/3 or 2025年5月3日)"
MONEY_REASON = "not an amount of money (expected e.g. 1200, 1,200.50 or ¥1200)"
DECIMALS_REASON = "more than 2 decimal places: not a yuan amount"
THOUSANDS_REASON = "badly placed thousands separator (expected e.g. 1,200 or 1,200,000)"
SURVEY_NEGATIVE_REASON = "negative amount in a survey answer"
BLANK_REASON = "blank"

_MIN_YEAR, _MAX_YEAR = 1900, 2100

_DATE_RE = re.compile(
    r"(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m1>[0-9]{1,2})(?P=sep)(?P<d1>[0-9]{1,2})"
    r"|年\s*(?P<m2>[0-9]{1,2})\s*月\s*(?P<d2>[0-9]{1,2})\s*[日号]?)"
    r"(?:(?:\s+|T|(?<=[日号]))(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})"
    r"(?::(?P<S>[0-9]{2})(?:\.(?P<f>[0-9]{1,6}))?)?)?"
)


def _nfkc(text: str) -> str:
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_DateParts = tuple[int, int, int, int, int, int, int]  # year, month, day, h, min, s, micro


def _date_parts(text: str) -> _DateParts | str:
    """The checked parts of one date/time text, or the reason it is not one."""
    s = _nfkc(text)
    if not s:
        return BLANK_REASON
    m = _DATE_RE.fullmatch(s)
    if m is None:
        if len(s) == 8 and s.isdigit():
            return EIGHT_DIGIT_REASON
        return DATE_REASON
    year = int(m["y"])
    month = int(m["m1"] or m["m2"])
    day = int(m["d1"] or m["d2"])
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return f"year {year} is out of range (expected {_MIN_YEAR}-{_MAX_YEAR})"
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if not (1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month] + leap):
        return f"impossible date: {year}-{month:02d}-{day:02d} does not exist"
    if m["H"] is None:
        return year, month, day, 0, 0, 0, 0
    hour, minute, second = int(m["H"]), int(m["M"]), int(m["S"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        shown = f"{m['H']}:{m['M']}" + (f":{m['S']}" if m["S"] else "")
        return f"impossible time of day: {shown}"
    micro = int((m["f"] or "0").ljust(6, "0"))
    return year, month, day, hour, minute, second, micro


def parse_date(text: str, *, keep_time: bool = True) -> tuple[_dt.datetime | None, str | None]:
    """Parse one date (optionally with a time of day).

    Returns ``(datetime, None)`` or ``(None, reason)``. Accepted: ``2025-05-03``, ``2025/5/3``,
    ``2025.5.3``, ``2025年5月3日``, each optionally followed by ``14:22`` or ``14:22:01``.
    Day-first, month-first, two-digit years and 8-digit numbers (``20250503``) are rejected:
    their meaning is not certain. With ``keep_time=False`` the time of day is dropped (it must
    still be a possible time).
    """
    parts = _date_parts(str(text))
    if isinstance(parts, str):
        return None, parts
    if not keep_time:
        parts = parts[:3] + (0, 0, 0, 0)
    return _dt.datetime(*parts), None


_INT64_MAX = int(np.iinfo(np.int64).max)
_COUNT_RE = re.compile(r"([+-]?)([0-9]+)(?:\.([0-9]+))?\s*(?:次|件|个|笔|单|份)?")


def parse_count(text: str, *, noun: str = "purchases") -> tuple[int | None, str | None]:
    """Parse a count such as a number of purchases: ``"3"``, ``" 3 "``, ``"3次"``, ``"3.0"``.

    Returns ``(int, None)`` or ``(None, reason)``. Fractions (``2.5``), negative numbers,
    words (``不记得``, ``三``) and blanks are rejected.
    """
    s = _nfkc(str(text))
    if not s:
        return None, BLANK_REASON
    m = _COUNT_RE.fullmatch(s)
    if m is None:
        return None, f"not a whole number of {noun}"
    sign, whole, frac = m.groups()
    if frac and frac.strip("0"):
        return None, f"not a whole number of {noun}"
    value = int(whole)
    if sign == "-" and value != 0:
        return None, f"negative number of {noun}"
    if value > _INT64_MAX:
        return None, f"number of {noun} is too large"
    return value, None


_MONEY_RE = re.compile(
    r"(?P<sign1>[+-]?)\s*(?:(?:RMB|CNY|人民币|¥)\s*)?(?P<sign2>[+-]?)\s*"
    r"(?P<num>[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)\s*(?:元|块|圆|RMB|CNY)?",
    re.IGNORECASE,
)
_THOUSANDS_RE = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")


def parse_money(text: str, *, allow_negative: bool = True) -> tuple[float | None, str | None]:
    """Parse an amount in yuan: ``1200``, ``1,200.50``, ``￥1,200``, ``1200元``, ``RMB 1200``.

    Returns ``(float, None)`` or ``(None, reason)``. More than 2 decimal places and badly
    placed thousands separators are rejected. With ``allow_negative=False`` (survey answers),
    negative amounts are rejected too.
    """
    s = _nfkc(str(text))
    if not s:
        return None, BLANK_REASON
    m = _MONEY_RE.fullmatch(s)
    if m is None:
        return None, MONEY_REASON
    if m["sign1"] and m["sign2"]:
        return None, MONEY_REASON
    num = m["num"]
    whole, _, frac = num.partition(".")
    if "," in whole:
        if not _THOUSANDS_RE.fullmatch(whole):
            return None, THOUSANDS_REASON
        whole = whole.replace(",", "")
    if len(frac) > 2:
        return None, DECIMALS_REASON
    try:
        value = Decimal(f"{whole or '0'}.{frac or '0'}")
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return None, MONEY_REASON
    if "-" in (m["sign1"], m["sign2"]):
        value = -value
    if value < 0 and not allow_negative:
        return None, SURVEY_NEGATIVE_REASON
    result = float(round(value, 2))
    if result == 0.0:
        result = 0.0  # no negative zero
    return result, None


_SCORE_RE = re.compile(r"([+-]?[0-9]+)(?:\.([0-9]+))?\s*分?")


def parse_score(text: str, *, low: int, high: int, name: str) -> tuple[int | None, str | None]:
    """Parse a survey score: a whole number from ``low`` to ``high`` (``"4"``, ``"4分"``)."""
    s = _nfkc(str(text))
    if not s:
        return None, BLANK_REASON
    m = _SCORE_RE.fullmatch(s)
    reason = f"{name} must be a whole number from {low} to {high}"
    if m is None or (m[2] and m[2].strip("0")):
        return None, reason
    value = int(m[1])
    if not low <= value <= high:
        return None, reason
    return value, None


# ---------------------------------------------------------------------------------------------
# Fast helpers. A column is a numpy object array of str; simple per-value str methods are fast,
# regular expressions less so, so the common clean cases are checked without them.
# ---------------------------------------------------------------------------------------------


def _strip_all(values: np.ndarray) -> np.ndarray:
    """``str.strip()`` of every value."""
    out = np.empty(len(values), dtype=object)
    out[:] = [v.strip() for v in values]
    return out


def _iso_dates(values: np.ndarray, keep_time: bool) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised parse of zero-padded dates such as ``2025-05-03`` / ``2025/05/03 14:22:01``.

    Returns (datetime64[ns] values, ok mask). Values that are not exactly of that shape, or
    whose date or time is impossible, are left for :func:`parse_date` (ok False), so the
    results always agree with it.
    """
    n = len(values)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    ok = np.zeros(n, dtype=bool)
    if n == 0:
        return out, ok
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=n)
    for width in (10, 16, 19):
        idx = np.flatnonzero(lengths == width)
        if len(idx) == 0:
            continue
        try:
            raw = "".join(values[idx].tolist()).encode("ascii")
        except UnicodeEncodeError:
            ascii_only = np.fromiter((v.isascii() for v in values[idx]), bool, len(idx))
            idx = idx[ascii_only]
            raw = "".join(values[idx].tolist()).encode("ascii")
        chars = np.frombuffer(raw, dtype=np.uint8).reshape(len(idx), width)
        d = chars - np.uint8(48)  # digits become 0..9, everything else is larger (wraps)

        def num(*positions: int, d: np.ndarray = d) -> np.ndarray:
            total = np.zeros(len(d), dtype=np.int64)
            for p in positions:
                total = total * 10 + d[:, p]
            return total

        def is_digit(*positions: int, d: np.ndarray = d) -> np.ndarray:
            return np.logical_and.reduce([d[:, p] <= 9 for p in positions])

        sep = chars[:, 4]
        good = is_digit(0, 1, 2, 3, 5, 6, 8, 9) & (chars[:, 7] == sep)
        good &= (sep == ord("-")) | (sep == ord("/")) | (sep == ord("."))
        hour = minute = second = np.zeros(len(idx), dtype=np.int64)
        if width >= 16:
            t_sep = chars[:, 10]
            good &= ((t_sep == ord(" ")) | (t_sep == ord("T"))) & (chars[:, 13] == ord(":"))
            good &= is_digit(11, 12, 14, 15)
            hour, minute = num(11, 12), num(14, 15)
        if width == 19:
            good &= (chars[:, 16] == ord(":")) & is_digit(17, 18)
            second = num(17, 18)
        year, month, day = num(0, 1, 2, 3), num(5, 6), num(8, 9)
        good &= (year >= _MIN_YEAR) & (year <= _MAX_YEAR) & (month >= 1) & (month <= 12)
        good &= (day >= 1) & (day <= 31) & (hour <= 23) & (minute <= 59) & (second <= 59)
        year, month, day = (np.where(good, v, 1) for v in (year - 1970, month, day))
        first_of_month = (year * 12 + month - 1).astype("datetime64[M]")
        date = first_of_month.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
        good &= date.astype("datetime64[M]") == first_of_month  # 2025-02-30 is not a day
        result = date.astype("datetime64[ns]")
        if keep_time and width >= 16:
            seconds = np.where(good, hour * 3600 + minute * 60 + second, 0)
            result = result + (seconds * 1_000_000_000).astype("timedelta64[ns]")
        out[idx[good]] = result[good]
        ok[idx[good]] = True
    return out, ok


def _plain_numbers(values: np.ndarray, allow_negative: bool) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised parse of plain amounts such as ``1200``, ``1200.5``, ``-35.20``.

    At most 15 digits before the point and 1-2 after it. Returns (float64 values, ok mask);
    everything else is left for :func:`parse_money` (ok False).
    """
    n = len(values)
    out = np.zeros(n, dtype="float64")
    ok = np.zeros(n, dtype=bool)
    if n == 0:
        return out, ok
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=n)
    candidates = (lengths >= 1) & (lengths <= 19)
    candidates &= np.fromiter((v.isascii() for v in values), dtype=bool, count=n)
    idx = np.flatnonzero(candidates)
    if len(idx) == 0:
        return out, ok
    texts = np.array(values[idx].tolist(), dtype="S19")
    chars = texts.view(np.uint8).reshape(len(idx), 19)
    length = lengths[idx]
    inside = np.arange(19)[None, :] < length[:, None]
    digit = (chars - np.uint8(48)) <= 9
    dot = chars == ord(".")
    minus = (chars[:, 0] == ord("-")) if allow_negative else np.zeros(len(idx), dtype=bool)
    allowed = digit | dot
    allowed[:, 0] |= minus
    good = (allowed | ~inside).all(axis=1) & ((chars == 0) == ~inside).all(axis=1)
    n_dots = dot.sum(axis=1)
    dot_at = np.where(n_dots == 1, dot.argmax(axis=1), length)
    int_digits = dot_at - minus
    decimals = np.where(n_dots == 1, length - dot_at - 1, 0)
    good &= (n_dots <= 1) & (int_digits >= 1) & (int_digits <= 15)
    good &= (n_dots == 0) | (decimals == 1) | (decimals == 2)
    if good.any():
        out[idx[good]] = texts[good].astype("float64") + 0.0  # + 0.0: no negative zero
        ok[idx[good]] = True
    return out, ok


# ---------------------------------------------------------------------------------------------
# Column parsers: stripped text column -> (values, reasons); reasons[i] is None when row i is fine
# ---------------------------------------------------------------------------------------------

_ColumnResult = tuple[np.ndarray, np.ndarray]


def _no_reasons(n: int) -> np.ndarray:
    return np.full(n, None, dtype=object)


def _blank_reason(f: _Field) -> str:
    return f.blank_reason or f"{f.name} is blank"


def _apply_slow(
    values: np.ndarray,
    positions: np.ndarray,
    parser: Callable[[str], tuple[Any, str | None]],
    out: np.ndarray,
    reasons: np.ndarray,
) -> None:
    for i in positions:
        value, reason = parser(values[i])
        if reason is None:
            out[i] = value
        else:
            reasons[i] = reason


def _column_id(s: np.ndarray, blank: np.ndarray, f: _Field) -> _ColumnResult:
    reasons = _no_reasons(len(s))
    if not f.allow_blank:
        reasons[blank] = _blank_reason(f)
    return s, reasons


def _assemble_dates(parts: list[_DateParts], keep_time: bool) -> np.ndarray:
    """datetime64[ns] from checked (year, month, day, h, min, s, micro) tuples, vectorised."""
    table = np.array(parts, dtype=np.int64).reshape(len(parts), 7)
    y, mo, d, h, mi, sec, us = table.T
    months = ((y - 1970) * 12 + mo - 1).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + (d - 1).astype("timedelta64[D]")
    result = days.astype("datetime64[ns]")
    if keep_time:
        micros = ((h * 60 + mi) * 60 + sec) * 1_000_000 + us
        result = result + (micros * 1000).astype("timedelta64[ns]")
    return result


def _column_datetime(s: np.ndarray, blank: np.ndarray, f: _Field, keep_time: bool) -> _ColumnResult:
    n = len(s)
    reasons = _no_reasons(n)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    parsed, fast = _iso_dates(s, keep_time)
    out[fast] = parsed[fast]
    done = blank | fast
    slow = np.flatnonzero(~done)
    if len(slow):
        good_idx: list[int] = []
        good_parts: list[_DateParts] = []
        for i in slow:
            parts = _date_parts(s[i])
            if isinstance(parts, str):
                reasons[i] = parts
            else:
                good_idx.append(i)
                good_parts.append(parts)
        if good_idx:
            out[np.asarray(good_idx)] = _assemble_dates(good_parts, keep_time)
    if not f.allow_blank:
        reasons[blank] = _blank_reason(f)
    return out, reasons


_FORMATTED_MONEY = re.compile(
    r"(-?)[¥￥]?(-?)([1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]{1,15})(?:\.([0-9]{1,2}))?元?"
)


def _formatted_money(
    values: np.ndarray, positions: np.ndarray, allow_negative: bool, out: np.ndarray
) -> np.ndarray:
    """Quick path for the usual formatted amounts (``¥1,234.50``, ``1200元``).

    Fills ``out`` for the values it is sure about (the same numbers :func:`parse_money`
    gives) and returns the positions still to be parsed one by one.
    """
    rest = []
    match = _FORMATTED_MONEY.fullmatch
    for i in positions:
        m = match(values[i])
        if m is None or (m[1] and m[2]) or ((m[1] or m[2]) and not allow_negative):
            rest.append(i)
            continue
        out[i] = float(f"{m[1] or m[2]}{m[3].replace(',', '')}.{m[4] or '0'}") + 0.0
    return np.asarray(rest, dtype=np.intp)


def _column_money(s: np.ndarray, blank: np.ndarray, f: _Field) -> _ColumnResult:
    n = len(s)
    reasons = _no_reasons(n)
    out, fast = _plain_numbers(s, f.allow_negative)
    slow = _formatted_money(s, np.flatnonzero(~fast & ~blank), f.allow_negative, out)
    if len(slow):
        allow_negative = f.allow_negative

        def parser(text: str) -> tuple[Any, str | None]:
            return parse_money(text, allow_negative=allow_negative)

        _apply_slow(s, slow, parser, out, reasons)
    if f.allow_blank:
        out[blank] = np.nan
    else:
        reasons[blank] = _blank_reason(f)
    return out, reasons


def _column_count(s: np.ndarray, blank: np.ndarray, f: _Field) -> _ColumnResult:
    n = len(s)
    reasons = _no_reasons(n)
    out = np.zeros(n, dtype="int64")
    fast = np.fromiter(
        (v.isdigit() and v.isascii() and len(v) <= 15 for v in s), dtype=bool, count=n
    )
    if fast.any():
        out[fast] = s[fast].astype("int64")
    slow = np.flatnonzero(~fast & ~blank)
    if len(slow):
        noun = f.noun or "items"
        _apply_slow(s, slow, lambda t: parse_count(t, noun=noun), out, reasons)
    reasons[blank] = _blank_reason(f)
    return out, reasons


def _column_score(s: np.ndarray, blank: np.ndarray, f: _Field) -> _ColumnResult:
    n = len(s)
    reasons = _no_reasons(n)
    out = np.full(n, None, dtype=object)
    fast = np.fromiter((v.isdigit() and v.isascii() and len(v) <= 2 for v in s), bool, n)
    if fast.any():
        idx = np.flatnonzero(fast)
        ints = s[idx].astype("int64")
        inside = (ints >= f.low) & (ints <= f.high)
        out[idx[inside]] = [int(v) for v in ints[inside]]
        fast[idx[~inside]] = False  # out of range: the slow path words the reason
    slow = np.flatnonzero(~fast & ~blank)
    if len(slow):
        low, high, name = f.low, f.high, f.name
        _apply_slow(s, slow, lambda t: parse_score(t, low=low, high=high, name=name), out, reasons)
    if not f.allow_blank:
        reasons[blank] = _blank_reason(f)
    return out, reasons


def _parse_column(s: np.ndarray, blank: np.ndarray, f: _Field) -> _ColumnResult:
    if f.kind == "id":
        return _column_id(s, blank, f)
    if f.kind == "text":
        return s, _no_reasons(len(s))
    if f.kind == "datetime":
        return _column_datetime(s, blank, f, keep_time=True)
    if f.kind == "date":
        return _column_datetime(s, blank, f, keep_time=False)
    if f.kind == "money":
        return _column_money(s, blank, f)
    if f.kind == "count":
        return _column_count(s, blank, f)
    if f.kind == "score":
        return _column_score(s, blank, f)
    raise AssertionError(f"unknown field kind {f.kind!r}")  # pragma: no cover


def _final_column(values: np.ndarray, keep: np.ndarray, f: _Field | None) -> pd.Series:
    """Values of the kept rows, with the documented dtype."""
    kept = values[keep]
    if f is None or f.kind in ("id", "text"):  # text (passthrough columns: unchanged)
        return pd.Series(kept.astype(object), dtype=object)
    if f.kind in ("datetime", "date"):
        return pd.Series(kept.astype("datetime64[ns]"), dtype="datetime64[ns]")
    if f.kind == "money":
        return pd.Series(kept.astype("float64"), dtype="float64")
    if f.kind == "count":
        return pd.Series(kept.astype("int64"), dtype="int64")
    if f.kind == "score":
        return pd.Series(pd.array(list(kept), dtype="Int64"))
    raise AssertionError(f.kind)  # pragma: no cover


# ---------------------------------------------------------------------------------------------
# Reading the table as text
# ---------------------------------------------------------------------------------------------


@dataclass
class _Table:
    headers: list[str]  # cleaned headers ("" for a column without a header)
    columns: list[np.ndarray]  # raw text of each data row, one object array per header
    lines: np.ndarray  # line number in the file (or sheet row) of each data row
    early: list[tuple[int, str, str, str]]  # rows already rejected: (row, column, value, why)
    encoding: str | None


def _source_name(source: Any) -> str:
    if isinstance(source, (str, os.PathLike)):
        return f"'{os.fspath(source)}'"
    name = getattr(source, "name", None)
    if isinstance(name, str) and name:
        return f"'{name}'"
    return "the file"


def _read_source(source: Any) -> tuple[bytes | str, str]:
    """Return the raw content (bytes, or str for text buffers) and the lower-case extension."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(os.fspath(source)).expanduser()
        if not path.exists():
            raise FileNotFoundError(f"No such file: '{path}' (current folder: {Path.cwd()})")
        if path.is_dir():
            raise ValueError(f"'{path}' is a folder, not a file")
        return path.read_bytes(), path.suffix.lower()
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), ""
    if hasattr(source, "read"):
        content = source.read()
        name = getattr(source, "name", "")
        ext = Path(name).suffix.lower() if isinstance(name, str) else ""
        if isinstance(content, str):
            return content, ext
        return bytes(content), ext
    raise TypeError(
        f"expected a file path or an open file / bytes buffer, got {type(source).__name__}"
    )


def _decode(content: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    if encoding is not None:
        try:
            return content.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise ValueError(
                f"{name} could not be read with encoding={encoding!r} ({exc}). "
                "Leave encoding out (encoding=None) to let rfmkit detect it."
            ) from None
    if content.startswith(b"\xef\xbb\xbf"):
        return content.decode("utf-8-sig", errors="strict"), "utf-8-sig"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16"), "utf-16"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise ValueError(
            f"{name}: could not work out the text encoding (tried UTF-8 and GB18030/GBK). "
            "Save the file as 'CSV UTF-8' or pass encoding='...'."
        ) from None


def _empty_error(name: str) -> ValueError:
    return ValueError(
        f"{name} is empty: no header row (the first line should hold the column names)"
    )


_SEPARATOR_NAMES = {",": "a comma", "\t": "a tab", ";": "a semicolon", "|": "a |"}


def _pick_delimiter(header_line: str) -> str:
    for delim in (",", "\t", ";", "|"):
        if delim in header_line:
            return delim
    return ","


def _csv_with_pandas(text: str, delimiter: str) -> tuple[list[str], list[np.ndarray]] | None:
    """Fast path: pandas' C parser, usable when every record is exactly one line of text.

    Returns (header, raw columns) with row i of the columns on line ``i + 2`` of the file
    (header on line 1), or None when the file needs the careful reader.
    """
    physical_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if "\r" in text.replace("\r\n", ""):
        return None  # old Mac line ends: let the csv module count lines
    try:
        frame = pd.read_csv(
            _io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=object,
            na_filter=False,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        return None  # e.g. a line with too many values: the careful reader reports it
    if len(frame) != physical_lines or len(frame) == 0:
        return None  # a quoted value spans several lines, or blank lines before the header
    header = ["" if v is None else str(v) for v in frame.iloc[0].tolist()]
    if not "".join(header).strip():
        return None
    columns = [frame[c].to_numpy(dtype=object)[1:] for c in frame.columns]
    return header, columns


def _csv_with_csv_module(
    text: str, delimiter: str, name: str
) -> tuple[list[str], list[np.ndarray], np.ndarray, list[tuple[int, str, str, str]]]:
    """Careful path: Python's csv module, tracking the line each record starts on."""
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    records: list[list[str]] = []
    lines: list[int] = []
    early: list[tuple[int, str, str, str]] = []
    prev = 0
    width = 0
    try:
        for rec in reader:
            start = prev + 1
            prev = reader.line_num
            if header is None:
                if "".join(rec).strip():
                    header = rec
                    width = len(rec)
                continue
            if len(rec) < width:
                rec = rec + [""] * (width - len(rec))
            elif len(rec) > width:
                if any(v.strip() for v in rec[width:]):
                    early.append(
                        (
                            start,
                            "",
                            delimiter.join(rec),
                            f"this line has {len(rec)} values but the header has {width} "
                            f"columns (a value that contains {_SEPARATOR_NAMES[delimiter]} "
                            "needs quotes)",
                        )
                    )
                    continue
                rec = rec[:width]
            records.append(rec)
            lines.append(start)
    except csv.Error as exc:
        raise ValueError(f"{name} could not be read as CSV near line {prev + 1}: {exc}") from None
    if header is None:
        raise _empty_error(name)
    if records:
        columns = [np.array(col, dtype=object) for col in zip(*records, strict=True)]
    else:
        columns = [np.zeros(0, dtype=object) for _ in header]
    return header, columns, np.asarray(lines, dtype=np.int64), early


def _read_csv_text(text: str, name: str, encoding: str | None) -> _Table:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise _empty_error(name)
    first_line = next(line for line in _io.StringIO(text) if line.strip())
    delimiter = _pick_delimiter(first_line)
    fast = _csv_with_pandas(text, delimiter)
    if fast is not None:
        header, columns = fast
        lines = np.arange(2, len(columns[0]) + 2, dtype=np.int64)
        early: list[tuple[int, str, str, str]] = []
    else:
        header, columns, lines, early = _csv_with_csv_module(text, delimiter, name)
    return _Table([_clean_header(h) for h in header], columns, lines, early, encoding)


def _cell_text(value: Any) -> str:
    """Excel cell -> the text a person would read in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if not value.microsecond else "auto")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        # what Excel shows: 15 significant digits (0.1 + 0.2 reads "0.3", not 0.30000000000000004)
        text = f"{value:.15g}"
        return format(Decimal(text), "f") if "e" in text else text
    return str(value)


def _read_excel_bytes(content: bytes, sheet_name: int | str, name: str) -> _Table:
    import openpyxl  # imported here so `import rfmkit` stays fast

    try:
        wb = openpyxl.load_workbook(_io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors for broken files
        raise ValueError(f"{name} could not be opened as an Excel .xlsx file ({exc})") from None
    try:
        names = wb.sheetnames
        if isinstance(sheet_name, int) and not isinstance(sheet_name, bool):
            if not 0 <= sheet_name < len(names):
                raise ValueError(
                    f"{name} has {len(names)} sheet(s), so there is no sheet number "
                    f"{sheet_name} (counting from 0). Sheets: {names}"
                )
            ws = wb[names[sheet_name]]
        else:
            if sheet_name not in names:
                raise ValueError(f"{name} has no sheet named {sheet_name!r}. Sheets: {names}")
            ws = wb[sheet_name]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # some programs write a wrong size: read what is there
        header: list[str] | None = None
        records: list[list[str]] = []
        lines: list[int] = []
        for row_number, row in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
            rec = [_cell_text(v) for v in row]
            if header is None:
                if "".join(rec).strip():
                    header = rec
                continue
            records.append(rec)
            lines.append(row_number)
    finally:
        wb.close()
    if header is None:
        raise _empty_error(name)
    width = max([len(header)] + [len(r) for r in records])
    header = header + [""] * (width - len(header))
    records = [r + [""] * (width - len(r)) if len(r) < width else r for r in records]
    if records:
        columns = [np.array(col, dtype=object) for col in zip(*records, strict=True)]
    else:
        columns = [np.zeros(0, dtype=object) for _ in header]
    return _Table(
        [_clean_header(h) for h in header], columns, np.asarray(lines, np.int64), [], None
    )


def _read_table(source: Any, encoding: str | None, sheet_name: int | str) -> tuple[_Table, str]:
    name = _source_name(source)
    content, ext = _read_source(source)
    if isinstance(content, str):
        return _read_csv_text(content, name, None), name
    if not content.strip():
        raise _empty_error(name)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValueError(
            f"{name} is an old Excel 97-2003 (.xls) file, which rfmkit cannot read. "
            "Open it in Excel or WPS and save it as .xlsx or CSV UTF-8."
        )
    if ext in (".xlsx", ".xlsm") or content.startswith(b"PK"):
        return _read_excel_bytes(content, sheet_name, name), name
    text, used = _decode(content, encoding, name)
    return _read_csv_text(text, name, used), name


# ---------------------------------------------------------------------------------------------
# Header matching
# ---------------------------------------------------------------------------------------------


def _match_columns(
    headers: list[str],
    schema: tuple[_Field, ...],
    columns: Mapping[str, str] | None,
    name: str,
) -> dict[str, int]:
    """canonical name -> index of the file column used."""
    found = [h for h in headers if h]
    by_name = {f.name: f for f in schema}
    chosen: dict[str, int] = {}
    used: set[int] = set()

    for canon, wanted in (columns or {}).items():
        if canon not in by_name:
            raise ValueError(
                f"columns= names an unknown column {canon!r}. Known columns here: {list(by_name)}"
            )
        wanted_text = _clean_header(wanted)
        idx = next((i for i, h in enumerate(headers) if h == wanted_text), None)
        if idx is None:
            key = _norm_header(wanted_text)
            idx = next((i for i, h in enumerate(headers) if h and _norm_header(h) == key), None)
        if idx is None:
            raise ValueError(
                f"columns= maps {canon!r} to {wanted!r}, but {name} has no column {wanted!r}. "
                f"Columns found in the file: {found}"
            )
        if idx in used:
            raise ValueError(f"columns= maps two names to the same column {wanted!r}")
        chosen[canon] = idx
        used.add(idx)

    keys = [_norm_header(h) if h else "" for h in headers]
    loose = [
        _norm_header(_TRAILING_PAREN.sub("", unicodedata.normalize("NFKC", h).strip())) if h else ""
        for h in headers
    ]
    # exact header names first (aliases in priority order, then left to right in the file),
    # then headers with a trailing note in brackets removed, e.g. 实付金额(元) -> 实付金额
    for candidate_keys in (keys, loose):
        for f in schema:
            if f.name in chosen:
                continue
            for alias in f.aliases:
                akey = _norm_header(alias)
                idx = next(
                    (i for i, k in enumerate(candidate_keys) if k == akey and i not in used), None
                )
                if idx is not None:
                    chosen[f.name] = idx
                    used.add(idx)
                    break

    missing = [f for f in schema if f.required and f.name not in chosen]
    if missing:
        parts = [f"'{f.name}' (accepted headers: {', '.join(f.aliases)})" for f in missing]
        if len(missing) == 1:
            head = f"Missing required column {parts[0]}."
        else:
            head = "Missing required columns " + "; ".join(parts) + "."
        example = missing[0].name
        raise ValueError(
            f"{head} Columns found in the file: {found}. "
            f"Pass columns={{'{example}': '<your header>'}} to map it."
        )
    return chosen


def _unique_names(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for nm in names:
        candidate, k = nm, 0
        while candidate in seen:
            k += 1
            candidate = f"{nm}.{k}"
        seen.add(candidate)
        out.append(candidate)
    return out


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------


def _read(
    kind: str,
    source: Any,
    columns: Mapping[str, str] | None,
    encoding: str | None,
    sheet_name: int | str,
) -> ReadResult:
    schema = _SCHEMAS[kind]
    table, name = _read_table(source, encoding, sheet_name)

    stripped = [_strip_all(col) for col in table.columns]
    blanks = [np.asarray(col == "", dtype=bool) for col in stripped]
    n = len(table.lines)
    row_blank = np.logical_and.reduce(blanks) if blanks else np.ones(n, dtype=bool)

    # blank lines after the last data row are not rows (e.g. extra line breaks at the end)
    last = int(table.lines[~row_blank].max()) if (~row_blank).any() else 0
    last = max([last] + [e[0] for e in table.early])
    inside = table.lines <= last
    if not inside.all():
        n = int(inside.sum())
        table.lines = table.lines[:n]
        table.columns = [c[:n] for c in table.columns]
        stripped = [c[:n] for c in stripped]
        blanks = [b[:n] for b in blanks]
        row_blank = row_blank[:n]

    # columns without a header and without any value are layout noise (trailing commas)
    keep_cols = [i for i, h in enumerate(table.headers) if h or not blanks[i].all()]
    headers = [table.headers[i] for i in keep_cols]
    display = [h if h else f"Unnamed: {keep_cols[j]}" for j, h in enumerate(headers)]
    raw_cols = [table.columns[i] for i in keep_cols]
    stripped = [stripped[i] for i in keep_cols]
    blanks = [blanks[i] for i in keep_cols]

    chosen = _match_columns(headers, schema, columns, name)
    by_index = {idx: canon for canon, idx in chosen.items()}
    fields = {f.name: f for f in schema}

    parsed: dict[int, np.ndarray] = {}
    problems: list[tuple[int, np.ndarray]] = []  # (column position, reasons), in file order
    bad = row_blank.copy()
    for idx in sorted(by_index):
        values, reasons = _parse_column(stripped[idx], blanks[idx], fields[by_index[idx]])
        parsed[idx] = values
        has_problem = pd.notna(reasons)
        if has_problem.any():
            problems.append((idx, reasons))
            bad |= has_problem
    keep = ~bad

    # the clean data: canonical columns (schema order), then the others (file order)
    data: dict[str, pd.Series] = {}
    for f in schema:
        if f.name in chosen:
            data[f.name] = _final_column(parsed[chosen[f.name]], keep, f)
    others = [i for i in range(len(headers)) if i not in by_index]
    names = _unique_names(list(data) + [display[i] for i in others])[len(data) :]
    for col_name, i in zip(names, others, strict=True):
        data[col_name] = _final_column(raw_cols[i], keep, None)
    frame = pd.DataFrame(data, index=pd.RangeIndex(int(keep.sum())))

    # the rejected rows: first problem's column and raw value, every reason
    entries: list[tuple[int, str, str, str]] = list(table.early)
    for r in np.flatnonzero(bad):
        if row_blank[r]:
            entries.append((int(table.lines[r]), "", "", "empty row"))
            continue
        found = [(idx, reasons[r]) for idx, reasons in problems if reasons[r] is not None]
        first = found[0][0]
        if len(found) == 1:
            reason = found[0][1]
        else:
            reason = "; ".join(f"{display[i]}: {why}" for i, why in found)
        entries.append((int(table.lines[r]), display[first], raw_cols[first][r], reason))
    entries.sort(key=lambda e: e[0])
    rejected = pd.DataFrame(
        {
            "row": pd.Series([e[0] for e in entries], dtype="int64"),
            "column": pd.Series([e[1] for e in entries], dtype=object),
            "value": pd.Series([e[2] for e in entries], dtype=object),
            "reason": pd.Series([e[3] for e in entries], dtype=object),
        },
        columns=REJECTED_COLUMNS,
    )

    rows_read = n + len(table.early)
    if len(frame) + len(rejected) != rows_read:  # pragma: no cover - a bug, never data
        raise AssertionError(f"internal error: rows were lost while reading {name}")
    return ReadResult(
        data=frame,
        rejected=rejected,
        rows_read=rows_read,
        source_columns={canon: display[chosen[canon]] for canon in data if canon in chosen},
        encoding=table.encoding,
        source=name,
    )


_DOC_ARGS = """
    Parameters
    ----------
    source:
        A path (``str`` / ``Path``) to a .csv or .xlsx file, or an open binary file / bytes
        buffer (e.g. ``io.BytesIO``) holding one.
    columns:
        Optional ``{canonical name: header in your file}`` for headers rfmkit does not
        recognise, e.g. ``{"amount": "成交价"}``. Overrides the automatic detection.
    encoding:
        Text encoding of a CSV file. Normally leave it out: UTF-8 (with or without BOM) and
        GBK / GB18030 are detected automatically.
    sheet_name:
        For Excel files: the sheet to read, by position (0 = first) or by name.

    Returns
    -------
    ReadResult
        ``.data`` (clean rows), ``.rejected`` (one row per rejected input row, with its line
        number, column, raw value and reason), ``.rows_read``, ``.source_columns``,
        ``.encoding``.

    Raises
    ------
    ValueError
        If the file is empty, a required column is missing (the message lists the columns
        found), or ``columns=`` names a header that is not in the file.
"""


def read_orders(
    source: Any,
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet_name: int | str = 0,
) -> ReadResult:
    """Read an order export (one row per order or order line).

    Required columns: ``order_id``, ``customer_id``, ``order_date`` (kept with its time of day
    when given), ``amount`` (yuan; negative amounts are kept: they are refunds). Optional:
    ``product_id``, ``quantity`` (whole number >= 0), ``unit_price``. Other columns are kept
    unchanged as text. ``.data`` dtypes: ids as text, ``order_date`` datetime64[ns],
    ``amount`` / ``unit_price`` float64, ``quantity`` int64.
    """
    return _read("orders", source, columns, encoding, sheet_name)


def read_questionnaire(
    source: Any,
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet_name: int | str = 0,
) -> ReadResult:
    """Read questionnaire answers (one row per respondent).

    Required: ``customer_id``, ``last_purchase_date`` (a day, datetime64[ns]),
    ``purchases_per_quarter`` (int64, >= 0), ``spend_per_quarter`` (float64 yuan, >= 0).
    Optional: ``satisfaction`` (1-5) and ``recommend`` (0-10), nullable Int64 where a blank
    answer is ``<NA>``; ``response_id`` (text). Other columns are kept unchanged as text.
    """
    return _read("questionnaire", source, columns, encoding, sheet_name)


def read_members(
    source: Any,
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    sheet_name: int | str = 0,
) -> ReadResult:
    """Read member profiles (the membership application form).

    Required: ``customer_id``. Recognised when present: ``name``, ``gender``, ``birthday``,
    ``age_band``, ``occupation``, ``income_band``, ``city``, ``phone``, ``email``, ``wechat``,
    ``preferred_channel``, ``join_date``. Dates are datetime64[ns] days (blank -> NaT); all the
    others are text (stripped; phone numbers keep their leading zeros).
    """
    return _read("members", source, columns, encoding, sheet_name)


for _fn in (read_orders, read_questionnaire, read_members):
    _fn.__doc__ = (_fn.__doc__ or "") + _DOC_ARGS
del _fn
