"""Read a shop's own files (orders, questionnaire answers, member profiles) safely.

:func:`read_orders`, :func:`read_questionnaire` and :func:`read_members` take a CSV or Excel
(.xlsx) file, as a path or an open binary file / bytes buffer. They detect the encoding (UTF-8
with or without BOM, GBK / GB18030), recognise English and Chinese headers (``headers.toml``)
and parse values only where their meaning is certain. Every other row is *rejected*, never
dropped or guessed: ``.rejected`` gives its line number (as a text editor shows it, header =
line 1; Excel: the sheet's row), the column, the raw value and a plain-English reason.

>>> result = read_orders("my_shop_orders.csv")        # doctest: +SKIP
>>> result                                             # doctest: +SKIP
412 rows read: 395 kept, 17 rejected (see .rejected)

Rules worth knowing:

* ``len(result.data) + len(result.rejected) == result.rows_read``, always. A blank line between
  data rows is rejected as ``"empty row"``; blank lines after the last data row are not rows.
  A line with more values than the header has columns is rejected (an unquoted comma).
* Only certain meanings are accepted: ``2025/5/3`` yes, ``3/5/2025`` or ``20250503`` no;
  ``1,200.50`` yes, ``1,20`` or ``12.345`` no; ``3次`` yes, ``2.5`` or ``不记得`` no.
* ``.data`` dtypes: text as ``pd.read_csv(dtype=str)`` gives (``str`` in pandas 3, ``object``
  before); dates ``datetime64[ns]``; money ``float64`` (yuan); counts ``int64``; survey
  scores nullable ``Int64``.

Order exports (``read_orders``):

* **Platform presets.** Taobao/Tmall, JD, Pinduoduo, Youzan and Douyin exports are recognised by
  their headers (:data:`PRESETS`); ``result.preset`` says which, ``columns=`` overrides it.
  Youzan names are from memory (``sure=False``); Pinduoduo and Douyin exports have no buyer
  ID, so the receiver's phone stands in for the customer.
* **Only paid orders are purchases** (:func:`rfmkit.orders.purchase_lines`): closed,
  cancelled, unpaid, refunded and unknown statuses are rejected with the status in the reason;
  a refund (``退款金额``) is subtracted, so ``amount`` is net (``refund`` keeps it), and a line
  refunded in full is rejected. Without a status column, a blank payment time (``订单付款时间``)
  means not paid. ``.status_counts`` counts the rows read by status.
* **File shapes.** A title or notes block above the header is skipped (the header is the first
  line with two or more known column names; else ``header_row=``). A workbook's first sheet
  with such a header is read. ``="2876..."`` reads as ``2876...``. Times with an offset
  (``2026-06-01T12:03:00+08:00``) keep the wall-clock time written: the shop's local day. A
  total row (``合计``) is rejected as such. A refund line may have a negative quantity (a sale
  may not). Numbers of more than 15 digits are rejected, never rounded. A quote never closed
  on its line, where closing it further on would swallow whole rows, is dropped from that
  line and the line rejected.
* **One line twice.** When the file shows a repeat is one line twice -- the same sub-order id
  (``子订单编号``), or the same order number in an export of one row per order (no product,
  quantity or line columns, or a preset that says so) -- the repeat is rejected ("counted
  once"); otherwise equal lines may be two items bought: kept, and noted in ``repr(result)``.
* **Reasons in both languages**: ``result.rejected_in("zh" | "en")``, with a stable ``code``.

How: every cell is read as text (pyarrow's CSV reader for UTF-8 when pyarrow is installed and
it reads the file as pandas' C parser would; else ``pd.read_csv``; ``pd.read_excel``), then
each column is parsed once, vectorised: plain values in numpy, the others by one anchored
pattern per kind that also words the reason, in linear time in a cell's length.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as _dt
import io as _io
import os
import re
import unicodedata
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from rfmkit._toml import load_toml
from rfmkit.labels import column_text, error_text, label, pick

__all__ = ["PRESETS", "ReadResult", "read_members", "read_orders", "read_questionnaire",
           "reason_code"]


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
    preset:
        The platform preset used for an order export (a key of :data:`PRESETS`), or None.
    sheet, sheets:
        For Excel files: the sheet read and all sheets of the workbook.
    header_line:
        The line (Excel: row) of the column names; lines above it were a title or notes.
    status_counts:
        Rows read by order status as written in the file (order exports with a status
        column), e.g. ``{"交易成功": 100, "交易关闭": 500}``; else None.
    notes:
        Other things worth knowing, in plain English (e.g. lines that repeat exactly).
    """

    data: pd.DataFrame
    rejected: pd.DataFrame
    rows_read: int
    source_columns: dict[str, str]
    encoding: str | None
    source: str = "the file"
    preset: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    header_line: int = 1
    status_counts: dict[str, int] | None = None
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line in the current language, e.g. ``412 rows read: 395 kept, 17 rejected``
        (读入 412 行: 保留 395 行, 拒收 17 行)."""
        from rfmkit.labels import current_language

        kept, bad = len(self.data), len(self.rejected)
        if current_language() == "zh":
            return f"读入 {self.rows_read} 行: 保留 {kept} 行, 拒收 {bad} 行" + (
                " (见 .rejected)" if bad else "")
        row_word = "row" if self.rows_read == 1 else "rows"
        return f"{self.rows_read} {row_word} read: {kept} kept, {bad} rejected" + (
            " (see .rejected)" if bad else "")

    def details(self) -> list[str]:
        """What else the reader found, in the current language: the preset, the sheet, the
        header line, the rows by order status, and notes (e.g. lines that repeat exactly;
        worded in the language current when the file was read)."""
        out = []
        if self.preset:
            out.append(label("read_detail.preset").format(title=PRESETS[self.preset].title,
                                                          preset=self.preset))
        if self.sheet is not None and len(self.sheets) > 1:
            others = [s for s in self.sheets if s != self.sheet]
            out.append(label("read_detail.sheet").format(sheet=self.sheet, others=others))
        if self.header_line > 1:
            out.append(label("read_detail.header").format(line=self.header_line,
                                                          above=self.header_line - 1))
        if self.status_counts:
            blank = label("read_detail.blank_status")
            out.append(label("read_detail.status").format(counts=", ".join(
                f"{k or blank} {v}" for k, v in self.status_counts.items())))
        return out + list(self.notes)

    def __repr__(self) -> str:
        return "\n".join([self.summary(), *self.details()])

    def __str__(self) -> str:
        return self.summary()

    def rejected_in(self, language: str | None = None) -> pd.DataFrame:
        """``.rejected`` with each reason in Chinese or English (default: the current
        language, :func:`rfmkit.use_language`), and a ``code`` column naming the kind of
        reason (stable, for counting)."""
        from rfmkit import labels

        out = self.rejected.copy()
        out["code"] = codes = out["reason"].map(reason_code)
        if (language or labels.current_language()) == "zh":
            zh = {k: v[0] for k, v in labels.LABELS.items() if k.startswith("read_reason.")}
            out["reason"] = [
                zh.get(f"read_reason.{c}", r) + ("" if c in _EXACT_CODES or c == "other"
                                                 else f" ({r})")
                for c, r in zip(codes, out["reason"], strict=True)
            ]  # fmt: skip
        return out


# ---------------------------------------------------------------------------------------------
# Column schemas
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Field:
    name: str
    kind: str  # id | text | datetime | date | money | count | score
    required: bool = False
    allow_blank: bool = False  # blank -> missing value instead of a rejection
    allow_negative: bool | None = None  # money: None = yes; count: None = no
    noun: str = ""  # count only: "not a whole number of <noun>"
    low: int = 0  # score only
    high: int = 0  # score only
    blank_reason: str = ""  # reason used when a required value is blank

    @property
    def aliases(self) -> tuple[str, ...]:
        """The headers accepted for this column, its own name first (headers.toml)."""
        return _ALIASES[self.name]


# The headers accepted for each column and each platform's export are data: headers.toml
_HEADERS = load_toml("headers.toml")
_ALIASES = {column: tuple(names) for column, names in _HEADERS["aliases"].items()}

_ORDERS = (
    _Field("order_id", "id", required=True, blank_reason="order_id is blank"),
    _Field("customer_id", "id", required=True, blank_reason="customer_id is blank"),
    _Field("order_date", "datetime", required=True, blank_reason="order_date is blank"),
    _Field("amount", "money", required=True, allow_negative=True, blank_reason="amount is blank"),
    _Field("product_id", "text", allow_blank=True),
    _Field("quantity", "count", allow_negative=True,
           noun="items", blank_reason="quantity is blank"),
    _Field("unit_price", "money", allow_negative=True, blank_reason="unit_price is blank"),
    # the purchase rule's columns (rfmkit.orders.purchase_lines)
    _Field("status", "text", allow_blank=True),
    _Field("refund", "money", allow_blank=True),
    _Field("paid_at", "datetime", allow_blank=True),
    # one line of an order (sub-order): tells two equal lines apart from one line twice
    _Field("line_id", "text", allow_blank=True),
)

_QUESTIONNAIRE = (
    _Field("customer_id", "id", required=True, blank_reason="customer_id is blank"),
    _Field("last_purchase_date", "date", required=True, blank_reason="blank answer"),
    _Field("purchases_per_quarter", "count", required=True,
           noun="purchases", blank_reason="blank answer"),
    _Field("spend_per_quarter", "money", required=True,
           allow_negative=False, blank_reason="blank answer"),
    _Field("satisfaction", "score", allow_blank=True, low=1, high=5),
    _Field("recommend", "score", allow_blank=True, high=10),
    _Field("response_id", "text", allow_blank=True),
)

# a member profile: the id, then columns that may be blank (dates, else text)
_MEMBERS = (
    _Field("customer_id", "id", required=True, blank_reason="customer_id is blank"),
    *(_Field(name, "date" if name in ("birthday", "join_date") else "text", allow_blank=True)
      for name in ("name", "gender", "birthday", "age_band", "occupation", "income_band", "city",
                   "phone", "email", "wechat", "preferred_channel", "join_date")),
)

_SCHEMAS: dict[str, tuple[_Field, ...]] = {
    "orders": _ORDERS,
    "questionnaire": _QUESTIONNAIRE,
    "members": _MEMBERS,
}


# ---------------------------------------------------------------------------------------------
# Platform presets: the header names of each platform's order export
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """How one platform's order export names its columns.

    ``signature``: headers that are all in the export (how it is recognised);
    ``columns``: canonical name -> the platform's header(s), first found wins;
    ``one_row_per_order``: the export has one row per order (the order number then identifies
    a line, so a line that appears twice is the same order twice);
    ``sure``: False when the header names are from memory, not checked against a real export.
    """

    title: str
    signature: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    one_row_per_order: bool = False
    sure: bool = True


PRESETS: dict[str, Preset] = {
    key: Preset(spec["title"], tuple(spec["signature"]),
                {column: tuple(names) for column, names in spec["columns"].items()},
                one_row_per_order=spec.get("one_row_per_order", False),
                sure=spec.get("sure", True))
    for key, spec in _HEADERS["presets"].items()
}


def _pick_preset(kind: str, headers: list[str], preset: str | None) -> str | None:
    """The preset of an order export: the one named, or the first whose signature headers
    are all in the file ("auto"); None for other files."""
    if kind != "orders" or preset is None:
        return None
    if preset != "auto":
        if preset not in PRESETS:
            raise ValueError(error_text("read.preset", presets=list(PRESETS), value=preset))
        return preset
    have = {_norm_header(h) for h in headers if h}
    return next((k for k, p in PRESETS.items()
                 if all(_norm_header(h) in have for h in p.signature)), None)  # fmt: skip


def _preset_columns(preset: str | None, headers: list[str],
                    columns: Mapping[str, str] | None) -> dict[str, str]:  # fmt: skip
    """The preset's mapping for the headers present, overridden by ``columns=``."""
    mapping: dict[str, str] = {}
    if preset is not None:
        have = {_norm_header(h): h for h in headers if h}
        given = {_norm_header(v) for v in (columns or {}).values()}
        for canon, names in PRESETS[preset].columns.items():
            hit = next((have[_norm_header(n)] for n in names if _norm_header(n) in have), None)
            if hit is not None and _norm_header(hit) not in given:
                mapping[canon] = hit
    mapping.update(columns or {})
    return mapping


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


_KNOWN: dict[str, frozenset[str]] = {
    kind: frozenset(_norm_header(a) for f in schema for a in f.aliases)
    | (frozenset(_norm_header(h) for p in PRESETS.values() for hs in p.columns.values()
                 for h in hs) if kind == "orders" else frozenset())  # fmt: skip
    for kind, schema in _SCHEMAS.items()
}  # headers rfmkit knows, per kind of file: used to find the header below a title


# reason text -> code (the names in zh/en are labels "read_reason.<code>", rfmkit.labels)
_REASON_PREFIXES = (
    ("empty row", "empty_row"), ("this line has", "too_many_values"),
    ("not a date: 8-digit", "eight_digits"), ("not a date", "not_a_date"),
    ("year ", "year_out_of_range"), ("impossible date", "impossible_date"),
    ("impossible time", "impossible_time"), ("not an amount", "not_money"),
    ("more than 2 decimal", "decimals"), ("badly placed thousands", "thousands"),
    ("negative amount in a survey", "negative_amount"), ("number too large", "too_large"),
    ("not a whole number", "not_whole"), ("negative number of", "negative_count"),
    ("a total row", "total_row"), ("a quote", "stray_quote"),
    ("order status is blank", "status_blank"), ("unknown order status", "status_unknown"),
    ("refunded in full", "refund_full"), ("refund is larger", "refund_too_large"),
    ("no payment time", "not_paid"), ("repeats line", "duplicate_line"),
)  # fmt: skip
_EXACT_CODES = frozenset({
    "empty_row", "eight_digits", "not_a_date", "not_money", "decimals", "thousands",
    "negative_amount", "too_large", "total_row", "stray_quote", "status_blank", "refund_full",
    "refund_too_large", "not_paid", "blank",
})  # fmt: skip


def reason_code(reason: str) -> str:
    """The stable code of a rejection reason (e.g. ``"not_a_date"``, ``"status_closed"``),
    ``"several"`` for several reasons in one row, ``"other"`` for none known."""
    text = str(reason)
    if text.endswith(" is blank") or text in (BLANK_REASON, "blank answer"):
        return "blank"
    if text.startswith("order status '"):
        for code, word in _STATUS_WHY.items():
            if text.endswith(f"({word}): not a purchase"):
                return code.replace(".", "_")
    for prefix, code in _REASON_PREFIXES:
        if text.startswith(prefix):
            return code
    if "must be a whole number from" in text:
        return "score_range"
    if ": " in text and "; " in text:
        return "several"
    if text.startswith("number of ") and text.endswith("too large"):
        return "too_large"
    return "other"


# ---------------------------------------------------------------------------------------------
# Value parsers: a column of cell texts -> (values, reasons), reasons a Series indexed by row
# position (blank cells: BLANK_REASON). Plain texts are read in numpy, the rest by one anchored
# pattern per kind (linear time).
# ---------------------------------------------------------------------------------------------

EIGHT_DIGIT_REASON = "not a date: 8-digit numbers like 20250503 are ambiguous (write 2025-05-03)"
DATE_REASON = "not a date (expected e.g. 2025-05-03, 2025/5/3 or 2025年5月3日)"
MONEY_REASON = "not an amount of money (expected e.g. 1200, 1,200.50 or ¥1200)"
DECIMALS_REASON = "more than 2 decimal places: not a yuan amount"
THOUSANDS_REASON = "badly placed thousands separator (expected e.g. 1,200 or 1,200,000)"
SURVEY_NEGATIVE_REASON = "negative amount in a survey answer"
TOO_LARGE_REASON = "number too large: more than 15 digits is not an amount of money"
TOTAL_REASON = "a total row (合计), not an order line"
QUOTE_REASON = (
    "a quote (\") on this line is never closed on it: the line is read without it, so the "
    "lines after it are not swallowed into one value"
)
BLANK_REASON = "blank"

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MAX_DIGITS = 15  # whole digits read exactly as float64
_DATE_RX = re.compile(
    r"\A(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m1>[0-9]{1,2})(?P=sep)(?P<d1>[0-9]{1,2})"
    r"|年 ?(?P<m2>[0-9]{1,2}) ?月 ?(?P<d2>[0-9]{1,2}) ?[日号]?)"
    r"(?:(?P<t> |T|(?<=[日号]))(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})"
    r"(?::(?P<S>[0-9]{2})(?:\.(?P<f>[0-9]{1,6}))?)?"
    r"(?: ?(?P<tz>Z|(?:UTC|GMT)?[+-][0-9]{2}(?::?[0-9]{2})?))?)?\Z"
)
_MONEY_RX = re.compile(
    r"\A(?P<s1>[+-]?) ?(?:(?:RMB|CNY|人民币|¥) ?)?(?P<s2>[+-]?) ?"
    r"(?:(?P<whole>[0-9][0-9,]*)(?:\.(?P<frac>[0-9]*))?|\.(?P<frac2>[0-9]+)) ?"
    r"(?:元|块|圆|RMB|CNY)?\Z",
    re.IGNORECASE,
)
_THOUSANDS_RX = r"[1-9][0-9]{0,2}(?:,[0-9]{3})+"
_COUNT_UNITS = "次|件|个|笔|单|份"


def _reasons(mask: Any, reason: Any) -> pd.Series:
    """Reason(s) for the rows where ``mask`` is True, indexed by row position."""
    mask = np.asarray(mask, dtype=bool)
    if isinstance(reason, pd.Series):
        reason = reason.to_numpy()[mask]
    return pd.Series(reason, index=np.flatnonzero(mask), dtype=object)


def _tidy(values: np.ndarray) -> pd.Series:
    """Texts as a person reads them: NFKC (full-width digits and ￥ become plain), stripped,
    every whitespace run one space. Returns a Series with a RangeIndex."""
    text = pd.Series(values, dtype=object)
    wide = ~text.map(str.isascii).to_numpy(dtype=bool)
    if wide.any():
        text[wide] = text[wide].str.normalize("NFKC")
    return text.str.replace(r"\s+", " ", regex=True).str.strip()


def _byte_blocks(values: np.ndarray, width: int):
    """Yield (start, fixed-width bytes, their uint8 matrix with one row per byte position) for
    blocks of an object array of str. Non-ASCII texts become empty; longer texts are cut, so
    their last byte is set. (Position-major: numpy reduces over positions fast.)"""
    for start, block in _blocks(values):  # blocks bound the memory used
        try:
            raw = block.astype(f"S{width}")
        except UnicodeEncodeError:
            ascii_ = np.fromiter((v.isascii() for v in block), bool, len(block))
            raw = np.zeros(len(block), dtype=f"S{width}")
            raw[ascii_] = block[ascii_].astype(f"S{width}")
        yield start, raw, np.ascontiguousarray(raw.view(np.uint8).reshape(len(block), width).T)


def _plain(values: np.ndarray, decimals: int) -> tuple[np.ndarray, np.ndarray]:
    """(float64 values, mask) of the texts ``-?[0-9]{1,15}`` with 1..``decimals`` digits after
    a point, checked byte by byte in numpy; other texts are left to the grammar of their kind."""
    out = np.zeros(len(values), dtype="float64")
    ok = np.zeros(len(values), dtype=bool)
    width = _MAX_DIGITS + 5  # sign, digits, point, 2 decimals, one byte to see longer texts
    for start, raw, chars in _byte_blocks(values, width):
        filled = np.flatnonzero(np.logical_or.reduce(chars, axis=1))
        chars = chars[: min(width, filled[-1] + 2 if len(filled) else 1)]  # to one empty byte
        digit = chars - np.uint8(48)
        is_digit, zero, dot = digit <= 9, chars == 0, chars == ord(".")
        minus = chars[0] == ord("-")
        allowed = is_digit | dot | zero
        allowed[0] |= minus
        dots = dot.sum(axis=0, dtype=np.int64)
        units = np.zeros(len(raw), dtype=np.int64)  # the digits as one whole number
        after = np.zeros(len(raw), dtype=np.int64)  # digits after the point
        seen_dot = np.zeros(len(raw), dtype=bool)
        for j in range(len(chars)):
            units = np.where(is_digit[j], units * 10 + digit[j], units)
            seen_dot |= dot[j]
            after += is_digit[j] & seen_dot
        before = is_digit.sum(axis=0, dtype=np.int64) - after
        good = np.logical_and.reduce(allowed, axis=0) & zero[-1]
        good &= ~np.logical_or.reduce(zero[:-1] & ~zero[1:], axis=0)  # nothing after the end
        good &= (dots <= 1) & (before >= 1) & (before <= _MAX_DIGITS)
        good &= (dots == 0) | ((after >= 1) & (after <= decimals))
        units *= 10 ** np.clip(decimals - after, 0, decimals)
        # whole units below 2**53 divide exactly rounded, as float(text) reads them
        value = np.where(minus, -units, units) / 10**decimals
        exact = units < 2**53
        value[~exact & good] = raw[~exact & good].astype("float64")
        out[start : start + len(raw)][good] = value[good] + 0.0  # no -0.0
        ok[start : start + len(raw)] = good
    return out, ok


def _parse_ids(values: np.ndarray | _Arrow, padded: bool = True
               ) -> tuple[np.ndarray | _Arrow, pd.Series]:  # fmt: skip
    """Text cells -> (stripped text, BLANK_REASON where blank); with ``padded=False``
    (:func:`_padded`) none is stripped. A pyarrow column stays one."""
    if isinstance(values, _Arrow):
        import pyarrow as pa
        import pyarrow.compute as pc

        array = values.array
        if padded and pc.any(pc.match_substring_regex(array, _EDGE_SPACE)).as_py():
            array = pc.utf8_trim(array, characters=_ASCII_SPACE)
        wide = np.flatnonzero(~pc.string_is_ascii(values.array).to_numpy(zero_copy_only=False)
                              ) if padded else []  # fmt: skip
        if len(wide):
            mask = np.zeros(len(values), dtype=bool)
            mask[wide] = True
            array = pc.replace_with_mask(array, pa.array(mask), pa.array(
                [v.strip() for v in values[wide]], type=pa.large_string()))  # fmt: skip
        blank = pc.equal(array, "").to_numpy(zero_copy_only=False)
        return _Arrow(array), _reasons(blank, BLANK_REASON)
    if not padded:
        return values, _reasons(values == "", BLANK_REASON)
    text = np.fromiter(map(str.strip, values), dtype=object, count=len(values))  # faster
    return text, _reasons(text == "", BLANK_REASON)


def _date_shape(values: np.ndarray) -> str | None:
    """The shape of the first non-blank value when it is a zero-padded numeric date such as
    ``2025-05-03 14:22:01`` (shape ``dddd-dd-dd dd:dd:dd``, d = digit)."""
    first = next((v for v in values if v.strip()), "").strip()
    m = _DATE_RX.match(first)
    shape = re.sub("[0-9]", "d", first)
    if m is None or m["f"] or len(shape) not in (10, 16, 19) or shape[:10] != (
        f"dddd{m['sep']}dd{m['sep']}dd"
    ):
        return None
    return shape


_MONTH_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _shaped(values: np.ndarray, shape: str) -> tuple[np.ndarray, np.ndarray]:
    """(mask, datetime64[ns], NaT elsewhere) of the texts of exactly this shape that are
    possible dates and times, read digit by digit in numpy (pandas would read 14:22:60 as
    14:23:00); the day number is counted as in the proleptic Gregorian calendar."""
    template = np.frombuffer(shape.encode(), dtype=np.uint8)
    ok = np.zeros(len(values), dtype=bool)
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    for start, raw, chars in _byte_blocks(values, len(shape) + 1):
        digits = chars[:-1] - np.uint8(48)
        good = np.logical_and.reduce(np.where(
            (template == ord("d"))[:, None], digits <= 9, chars[:-1] == template[:, None]), axis=0)
        good &= chars[-1] == 0

        def number(at: int, width: int, digits: np.ndarray = digits) -> np.ndarray:
            value = np.zeros(digits.shape[1], dtype=np.int64)
            for j in range(at, at + width):
                value = value * 10 + np.minimum(digits[j], 9)
            return value

        year, month, day = number(0, 4), number(5, 2), number(8, 2)
        good &= (year >= _MIN_YEAR) & (year <= _MAX_YEAR) & (month >= 1) & (month <= 12)
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        month_days = _MONTH_DAYS[np.clip(month, 1, 12) - 1] + (leap & (month == 2))
        good &= (day >= 1) & (day <= month_days)  # 2025-02-30 is no day
        # days since 1970-01-01: a year counted from March puts the leap day last
        y = year - (month <= 2)
        day_of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
        days = y * 365 + y // 4 - y // 100 + y // 400 + day_of_year - 719468
        seconds = days * 86400
        for at, most, unit in ((11, 23, 3600), (14, 59, 60), (17, 59, 1)):
            if len(shape) > at:
                part = number(at, 2)
                good &= part <= most
                seconds += part * unit
        ok[start : start + len(raw)] = good
        out[start : start + len(raw)][good] = (seconds[good] * 10**9).astype("datetime64[ns]")
    return ok, out


def _date_grammar(values: np.ndarray, keep_time: bool) -> tuple[np.ndarray, pd.Series]:
    """Dates by :data:`_DATE_RX`, with the reason for each one that is not a possible date."""
    text = _tidy(values)
    parts = text.str.extract(_DATE_RX)
    blank = (text == "").to_numpy()
    found = parts["y"].notna().to_numpy()
    eight = ~found & ~blank & text.str.fullmatch("[0-9]{8}").to_numpy(dtype=bool)
    month, day = parts["m1"].fillna(parts["m2"]), parts["d1"].fillna(parts["d2"])
    number = {k: pd.to_numeric(v).fillna(0).astype("int64") for k, v in {
        "year": parts["y"], "month": month, "day": day, "hour": parts["H"],
        "minute": parts["M"], "second": parts["S"], "us": parts["f"].str.ljust(6, "0"),
    }.items()}  # fmt: skip
    bad_year = found & ~number["year"].between(_MIN_YEAR, _MAX_YEAR).to_numpy()
    ok = found & ~bad_year
    ymd = pd.DataFrame({k: number[k].where(ok, 1 if k != "year" else 2000)
                        for k in ("year", "month", "day")})  # fmt: skip
    days = pd.to_datetime(ymd, errors="coerce").astype("datetime64[ns]")
    bad_day = ok & days.isna().to_numpy()
    ok &= ~bad_day
    bad_time = ok & ((number["hour"] > 23) | (number["minute"] > 59) | (number["second"] > 59))
    ok &= ~bad_time.to_numpy()
    if keep_time:
        seconds = number["hour"] * 3600 + number["minute"] * 60 + number["second"]
        days = days + pd.to_timedelta(seconds * 1_000_000 + number["us"], unit="us")
    out = days.where(ok).to_numpy(dtype="datetime64[ns]")
    shown_time = parts["H"] + ":" + parts["M"] + (":" + parts["S"]).fillna("")
    reasons = pd.concat([
        _reasons(blank, BLANK_REASON),
        _reasons(~found & ~blank & ~eight, DATE_REASON),
        _reasons(eight, EIGHT_DIGIT_REASON),
        _reasons(bad_year, "year " + parts["y"] + f" is out of range (expected {_MIN_YEAR}-"
                 f"{_MAX_YEAR})"),
        _reasons(bad_day, "impossible date: " + parts["y"] + "-" + month.str.zfill(2) + "-"
                 + day.str.zfill(2) + " does not exist"),
        _reasons(bad_time, "impossible time of day: " + shown_time),
    ])  # fmt: skip
    return out, reasons


def _parse_dates(values: np.ndarray, keep_time: bool) -> tuple[np.ndarray, pd.Series]:
    """Date cells -> (datetime64[ns], reasons). Accepted: ``2025-05-03``, ``2025/5/3``,
    ``2025.5.3``, ``2025年5月3日``, each optionally with ``14:22``, ``14:22:01`` or
    ``14:22:01.5``; years 1900-2100. With ``keep_time=False`` the time of day is dropped (it
    must still be a possible time)."""
    shape = _date_shape(values)
    if shape is None:
        out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
        rest = np.arange(len(values))
    else:
        ok, out = _shaped(values, shape)
        rest = np.flatnonzero(~ok)
    reasons = _by_grammar(values, rest, out, lambda texts: _date_grammar(texts, keep_time))
    if not keep_time:
        out = out.astype("datetime64[D]").astype("datetime64[ns]")
    return out, reasons


def _by_grammar(values: np.ndarray, rest: np.ndarray, out: np.ndarray, grammar) -> pd.Series:
    """Read the cells at positions ``rest`` (those the fast path left) by ``grammar`` into
    ``out``; return their reasons, indexed by position."""
    if not len(rest):
        return _reasons(np.zeros(0, dtype=bool), "")
    out[rest], reasons = grammar(values[rest])
    return reasons.set_axis(rest[reasons.index.to_numpy(dtype=np.intp)])


def _money_grammar(values: np.ndarray) -> tuple[np.ndarray, pd.Series]:
    """Amounts by :data:`_MONEY_RX` (``￥1,200``, ``RMB 1200``, ``1200元``, ``-¥35.2``)."""
    text = _tidy(values)
    parts = text.str.extract(_MONEY_RX)
    blank = (text == "").to_numpy()
    whole, frac = parts["whole"].fillna(""), parts["frac"].fillna(parts["frac2"]).fillna("")
    found = (parts["whole"].notna() | parts["frac2"].notna()).to_numpy()
    signs = found & (parts["s1"] != "").to_numpy() & (parts["s2"] != "").to_numpy()
    commas = found & ~signs & whole.str.contains(",", regex=False).to_numpy()
    commas &= ~whole.str.fullmatch(_THOUSANDS_RX).to_numpy(dtype=bool)
    decimals = found & ~signs & ~commas & (frac.str.len() > 2).to_numpy()
    digits = whole.str.replace(",", "").str.lstrip("0").str.len().to_numpy()
    large = found & ~signs & ~commas & ~decimals & (digits > _MAX_DIGITS)
    ok = found & ~signs & ~commas & ~decimals & ~large
    number = (parts["s1"] + parts["s2"]).where(ok, "") + whole.str.replace(",", "").where(
        whole != "", "0") + "." + frac.where(frac != "", "0")
    out = np.full(len(text), np.nan)
    out[ok] = number[ok].astype("float64").to_numpy() + 0.0
    reasons = pd.concat([
        _reasons(blank, BLANK_REASON),
        _reasons(~found & ~blank | signs, MONEY_REASON),
        _reasons(commas, THOUSANDS_REASON),
        _reasons(decimals, DECIMALS_REASON),
        _reasons(large, TOO_LARGE_REASON),
    ])  # fmt: skip
    return out, reasons


def _whole_grammar(values: np.ndarray, units: str, not_whole: str) -> tuple[np.ndarray, pd.Series]:
    """Whole numbers such as ``3``, ``+2``, ``3.0`` or ``3次`` (``units``: the words allowed
    after the number); ``not_whole`` is the reason for anything else."""
    text = _tidy(values)
    parts = text.str.extract(
        rf"\A(?P<sign>[+-]?)(?P<whole>[0-9]+)(?:\.(?P<frac>[0-9]+))? ?(?:{units})?\Z"
    )
    blank = (text == "").to_numpy()
    ok = parts["whole"].notna().to_numpy() & ~parts["frac"].fillna("").str.strip("0").astype(
        bool).to_numpy()  # fmt: skip
    digits = parts["whole"].str.lstrip("0").str.len().fillna(0).to_numpy()
    big = ok & (digits > _MAX_DIGITS)
    out = np.full(len(text), np.nan)
    good = ok & ~big
    out[good] = (parts["sign"] + parts["whole"])[good].astype("float64").to_numpy() + 0.0
    out[big] = np.where(parts["sign"][big] == "-", -np.inf, np.inf)
    return out, pd.concat([_reasons(blank, BLANK_REASON), _reasons(~ok & ~blank, not_whole)])


def _parse_numbers(values: np.ndarray, decimals: int, grammar) -> tuple[np.ndarray, pd.Series]:
    """Plain numbers in C, the others by ``grammar``: (float64 values, reasons)."""
    out, plain = _plain(values, decimals)
    return out, _by_grammar(values, np.flatnonzero(~plain), out, grammar)


def _parse_money(values: np.ndarray, allow_negative: bool) -> tuple[np.ndarray, pd.Series]:
    """Amount cells -> (float64 yuan, reasons); at most 2 decimals; negative amounts only with
    ``allow_negative``."""
    out, reasons = _parse_numbers(values, 2, _money_grammar)
    if not allow_negative:
        reasons = pd.concat([reasons, _reasons(out < 0, SURVEY_NEGATIVE_REASON)])
    return out, reasons


def _parse_counts(values: np.ndarray, noun: str, allow_negative: bool = False
                  ) -> tuple[np.ndarray, pd.Series]:  # fmt: skip
    """Count cells -> (int64, reasons); whole numbers from 0 to 10**15 - 1 (``3``, ``3次``),
    and down to -(10**15 - 1) with ``allow_negative``."""
    out, reasons = _parse_numbers(
        values, 0, lambda rest: _whole_grammar(rest, _COUNT_UNITS, f"not a whole number of {noun}"))
    reasons = pd.concat([
        reasons,
        _reasons((out < 0) & ~allow_negative, f"negative number of {noun}"),
        _reasons(np.isinf(out), f"number of {noun} is too large"),
    ])  # fmt: skip
    return np.where(np.isfinite(out), out, 0).astype("int64"), reasons


def _parse_scores(values: np.ndarray, low: int, high: int, name: str):
    """Score cells -> (float64 with NaN where unread, reasons): whole numbers low..high."""
    why = f"{name} must be a whole number from {low} to {high}"
    out, reasons = _parse_numbers(values, 0, lambda rest: _whole_grammar(rest, "分", why))
    return out, pd.concat([reasons, _reasons((out < low) | (out > high), why)])


def _parse(values: np.ndarray, f: _Field, padded: bool = True) -> tuple[np.ndarray, pd.Series]:
    """One column of cell texts -> (values, reasons) for the field ``f`` (``padded``: see
    :func:`_parse_ids`)."""
    if f.kind in ("id", "text"):
        return _parse_ids(values, padded)
    if f.kind in ("datetime", "date"):
        return _parse_dates(values, keep_time=f.kind == "datetime")
    if f.kind == "money":
        return _parse_money(values, f.allow_negative is not False)
    if f.kind == "count":
        return _parse_counts(values, f.noun or "items", f.allow_negative is True)
    return _parse_scores(values, f.low, f.high, f.name)


def _one(values: np.ndarray, reasons: pd.Series) -> tuple[Any, str | None]:
    """The value or the first reason for a single cell (the scalar parsers below)."""
    return (None, reasons.iloc[0]) if len(reasons) else (values[0], None)


def parse_date(text: str, *, keep_time: bool = True) -> tuple[_dt.datetime | None, str | None]:
    """Parse one date as the readers do: ``(datetime, None)`` or ``(None, reason)``.

    Day-first, month-first, two-digit years and 8-digit numbers (``20250503``) are rejected:
    their meaning is not certain.
    """
    value, reason = _one(*_parse_dates(np.array([str(text)], dtype=object), keep_time))
    return (None, reason) if reason else (pd.Timestamp(value).to_pydatetime(), None)


def parse_money(text: str, *, allow_negative: bool = True) -> tuple[float | None, str | None]:
    """Parse an amount in yuan (``1200``, ``1,200.50``, ``￥1,200``, ``1200元``, ``RMB 1200``):
    ``(float, None)`` or ``(None, reason)``; more than 2 decimals or misplaced thousands
    separators are rejected, and with ``allow_negative=False`` negative amounts too."""
    value, reason = _one(*_parse_money(np.array([str(text)], dtype=object), allow_negative))
    return (None, reason) if reason else (float(value), None)


def parse_count(text: str, *, noun: str = "purchases") -> tuple[int | None, str | None]:
    """Parse a count (``"3"``, ``"3次"``, ``"3.0"``): ``(int, None)`` or ``(None, reason)``;
    fractions, negative numbers, words and blanks are rejected."""
    value, reason = _one(*_parse_counts(np.array([str(text)], dtype=object), noun))
    return (None, reason) if reason else (int(value), None)


def parse_score(text: str, *, low: int, high: int, name: str) -> tuple[int | None, str | None]:
    """Parse a survey score, a whole number from ``low`` to ``high`` (``"4"``, ``"4分"``)."""
    value, reason = _one(*_parse_scores(np.array([str(text)], dtype=object), low, high, name))
    return (None, reason) if reason else (int(value), None)


# ---------------------------------------------------------------------------------------------
# Reading the table as text
# ---------------------------------------------------------------------------------------------


_ASCII = "".join(map(chr, range(128)))
_TEXT = "str" if int(pd.__version__.split(".")[0]) >= 3 else object  # .data's text dtype
_ASCII_SPACE = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"  # what str.strip() strips of ASCII
_EDGE_SPACE = r"^[ \t\n\x0b\x0c\r\x1c-\x1f]|[ \t\n\x0b\x0c\r\x1c-\x1f]$"  # (RE2) text to strip


class _Arrow:
    """A column of cell texts as pyarrow read it (a ``large_string`` chunked array, far smaller
    than Python ``str``): ``c[i]`` is a ``str``, ``c[a:b]`` an :class:`_Arrow`, ``c[mask]`` and
    ``c[positions]`` object arrays; :func:`_cells` gives the whole column as one."""

    def __init__(self, array: Any) -> None:
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            return _Arrow(self.array[key])
        if isinstance(key, (int, np.integer)):
            return self.array[int(key)].as_py()
        key = np.asarray(key)
        if key.dtype == bool:
            key = np.flatnonzero(key)
        if not len(key):
            return np.empty(0, dtype=object)
        return self.array.take(key.astype(np.int64)).to_numpy(zero_copy_only=False)

    def __iter__(self):
        for _, block in _blocks(self):
            yield from block


_BLOCK = 1 << 16  # rows made into Python text at a time


def _blocks(column: np.ndarray | _Arrow):
    """Yield (start, object array of ``str``) for blocks of ``_BLOCK`` rows of a column."""
    for start in range(0, len(column), _BLOCK):
        yield start, _cells(column[start : start + _BLOCK])


def _cells(column: np.ndarray | _Arrow) -> np.ndarray:
    """A column of cell texts as an object array of ``str``."""
    if isinstance(column, _Arrow):
        return column.array.to_numpy(zero_copy_only=False)
    return column


@dataclass
class _Table:
    headers: list[str]  # cleaned headers ("" for a column without a header)
    columns: list[Any]  # raw text of each data row, per header: object array or _Arrow
    lines: np.ndarray  # line number in the file (or sheet row) of each data row
    early: list[tuple[int, str, str, str]]  # rows already rejected: (row, column, value, why)
    encoding: str | None
    header_line: int = 1  # line (or sheet row) of the header
    stray_lines: tuple[int, ...] = ()  # lines to reject for a stray quote
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    protected: bool = True  # cells may hold Excel's ="..." protection
    padded: bool = True  # cells may start or end with whitespace (see _padded)


def _source_name(source: Any) -> str:
    if isinstance(source, (str, os.PathLike)):
        return f"'{os.fspath(source)}'"
    name = getattr(source, "name", None)
    return f"'{name}'" if isinstance(name, str) and name else pick("该文件", "the file")


def _open(source: Any) -> tuple[Path | bytes, str, bool]:
    """(the path, or the bytes of a buffer; lower-case extension; True when given as text)."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(os.fspath(source)).expanduser()
        if not path.exists():
            raise FileNotFoundError(error_text("read.no_file", path=path, folder=Path.cwd()))
        if path.is_dir():
            raise ValueError(error_text("read.folder", path=path))
        return path, path.suffix.lower(), False
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "", False
    if hasattr(source, "read"):
        content = source.read()
        name = getattr(source, "name", "")
        ext = Path(name).suffix.lower() if isinstance(name, str) else ""
        if isinstance(content, str):
            return content.encode("utf-8"), ext, True
        return bytes(content), ext, False
    raise TypeError(error_text("read.source_type", kind=type(source).__name__))


def _decode_error(content: bytes, encoding: str) -> Exception | None:
    """None when all of ``content`` decodes with ``encoding``, else the error. Decodes 1 MB at
    a time, so a large file is never held twice as text."""
    try:
        if content.isascii() and bytes(range(128)).decode(encoding) == _ASCII:
            return None  # any text of ASCII bytes decodes in an encoding that extends ASCII
        decoder = codecs.getincrementaldecoder(encoding)()
        view = memoryview(content)
        for start in range(0, len(view), 1 << 20):
            decoder.decode(view[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except (UnicodeDecodeError, LookupError) as exc:
        return exc
    return None


def _encoding(content: bytes, encoding: str | None, name: str) -> str:
    """The encoding of a CSV file's bytes: the one given, or detected (BOM, UTF-8, GB18030)."""
    if encoding is not None:
        error = _decode_error(content, encoding)
        if error is not None:
            raise ValueError(error_text("read.wrong_encoding", name=name, encoding=encoding,
                                        error=error))
        return encoding
    if content.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for candidate in ("utf-8", "gb18030"):
        if _decode_error(content, candidate) is None:
            return candidate
    raise ValueError(error_text("read.unknown_encoding", name=name))


def _empty_error(name: str) -> ValueError:
    return ValueError(error_text("read.empty", name=name))


_SEPARATOR_NAMES = {",": "a comma", "\t": "a tab", ";": "a semicolon", "|": "a |"}
_BREAK = re.compile(r"\r\n|\r|\n")
_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
_BAD_LINE = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")


_HEADER_SEARCH = 30  # non-blank lines (or rows) searched for the header


def _header_score(cells: list[str], keys: frozenset[str]) -> int:
    """How many cells are headers rfmkit knows (for finding the header below a title)."""
    return sum(_norm_header(_clean_header(c)) in keys for c in cells if c)


def _header_error(name: str, header_row: int, why: str, sheet: str | None = None) -> ValueError:
    """header_row= points at no line or an empty one; ``why`` is an ``error.read.header.*``
    key (no_line, empty_line, no_row, empty_row: the last two on ``sheet``)."""
    return ValueError(error_text("read.header_row", header_row=header_row, name=name,
                                 why=error_text(f"read.header.{why}", n=header_row,
                                                sheet=sheet)))  # fmt: skip


def _header_position(content: bytes, codec: str, name: str, keys: frozenset[str],
                     header_row: int | None) -> tuple[int, str]:  # fmt: skip
    """(physical lines before the header, separator). The header is line ``header_row`` when
    given; else the first of the first non-blank lines that holds two or more known column
    names (a title or notes block above it is skipped); else the first non-blank line."""
    for size in (1 << 20, len(content)):
        lines = _BREAK.split(content[:size].decode(codec, errors="replace").lstrip("\ufeff"))
        lines = lines[:-1] if size < len(content) else lines
        filled = [(i, ln) for i, ln in enumerate(lines) if ln.strip(" \t,;|\"'\u3000")]
        if header_row is not None:
            if header_row < 1 or header_row > len(lines) and size == len(content):
                raise _header_error(name, header_row, "no_line")
            if header_row > len(lines):
                continue
            line = lines[header_row - 1]
            if not line.strip(" \t,;|\"'\u3000"):
                raise _header_error(name, header_row, "empty_line")
            return header_row - 1, next((d for d in _SEPARATOR_NAMES if d in line), ",")
        if not filled and size < len(content):
            continue
        for skipped, line in filled[:_HEADER_SEARCH]:
            sep = next((d for d in _SEPARATOR_NAMES if d in line), ",")
            if _header_score(next(csv.reader([line], delimiter=sep), []), keys) >= 2:
                return skipped, sep
        if filled:
            skipped, line = filled[0]
            return skipped, next((d for d in _SEPARATOR_NAMES if d in line), ",")
    raise _empty_error(name)


def _stray_quotes(content: bytes, sep: str, skip: int, cr_only: bool) -> tuple[bytes, list[int]]:
    """(content, 1-based lines) with the quotes removed from lines whose quote is never closed
    on the line and would swallow whole rows. A quoted value with a line break (an address)
    stays: no line inside holds a whole row, and as one record it has no more values than the
    header (so a first-column value with a line break, then a whole row, looks stray)."""
    brk = b"\r" if cr_only else b"\n"
    lines = content.split(brk)
    odd = [i for i, ln in enumerate(lines) if ln.count(b'"') % 2]
    if not odd:
        return content, []
    header = lines[skip].rstrip(b"\r").decode("utf-8", errors="replace")
    width = len(next(csv.reader([header], delimiter=sep), []))
    stray: list[int] = []
    k = 0
    while k < len(odd):
        start = odd[k]
        end = odd[k + 1] if k + 1 < len(odd) else None
        if end is not None and start >= skip and not any(
            len(ln.replace(b'"', b"").split(sep.encode())) >= width
            for ln in lines[start + 1 : end + 1]
        ):  # no whole row inside the quotes: maybe a value that holds a line break
            span = b"\n".join(ln.rstrip(b"\r") for ln in lines[start : end + 1])
            records = list(csv.reader(_io.StringIO(span.decode("utf-8", errors="replace")),
                                      delimiter=sep))  # fmt: skip
            if len(records) == 1 and len(records[0]) <= width:
                k += 2  # a value that holds a line break (or quotes above the header)
                continue
        stray.append(start)
        k += 1
    for i in stray:
        lines[i] = lines[i].replace(b'"', b"")
    return brk.join(lines), [i + 1 for i in stray if i > skip]


def _csv_frame(src: Any, codec: str, sep: str, skip: int, width: int | None, name: str
               ) -> tuple[list[np.ndarray], dict[int, int]]:  # fmt: skip
    """Every cell as text by pandas' C parser, header row first: (one object array per column,
    {record index: values seen} of the records skipped for too many values)."""
    if hasattr(src, "seek"):
        src.seek(0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(
                src, sep=sep, header=None, names=None if width is None else range(width),
                skiprows=skip, dtype=object, keep_default_na=False, na_filter=False,
                skip_blank_lines=False, on_bad_lines="warn", encoding=codec, engine="c",
            )  # fmt: skip
        except pd.errors.ParserError as exc:
            raise ValueError(error_text("read.bad_csv", name=name, error=exc)) from None
    skipped = {}
    for w in caught:
        if not issubclass(w.category, pd.errors.ParserWarning):
            warnings.warn(w.message, w.category, stacklevel=2)
        for m in _BAD_LINE.finditer(str(w.message)):  # pandas counts records from 1, with skip
            skipped[int(m[1]) - skip - 1] = int(m[3])
    return [frame[c].to_numpy(dtype=object) for c in frame.columns], skipped


def _arrow_plan(content: bytes, codec: str, sep: str, skip: int
                ) -> tuple[int, int, bool] | None:  # fmt: skip
    """(byte where the header starts, most columns of the header, whether values may hold line
    breaks) for pyarrow's CSV reader; None without pyarrow, for a file not UTF-8, or with a
    quote above the header (there, pandas and pyarrow may count rows differently)."""
    try:
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return None
    if codecs.lookup(codec).name not in ("utf-8", "utf-8-sig") or len(sep) != 1:
        return None
    start = 3 if content.startswith(codecs.BOM_UTF8) else 0
    for _ in range(skip):  # the lines above the header (no quotes there: one line, one row)
        found = _BREAK_BYTES.search(content, start)
        if found is None:
            return None
        start = found.end()
    if b'"' in content[:start]:
        return None
    end = _BREAK_BYTES.search(content, start)
    most = content.count(sep.encode(), start, end.start() if end else len(content)) + 1
    return start, most, b'"' in content


def _arrow_frame(source: Path | bytes, start: int, most: int, quoted: bool, sep: str
                 ) -> tuple[list[np.ndarray], dict[int, int]] | None:  # fmt: skip
    """:func:`_csv_frame` by pyarrow's CSV reader from byte ``start`` (a path is read from
    disk), columns as :class:`_Arrow`; None when it fails or reads a line otherwise than the C
    parser (fewer values than the header: pandas pads it, pyarrow can only drop it)."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    invalid: list[tuple[int | None, int, int]] = []

    def handler(row: Any) -> str:
        invalid.append((row.number, row.actual_columns, row.expected_columns))
        return "skip"

    try:
        if isinstance(source, Path):
            stream = pa.OSFile(os.fspath(source))
            stream.seek(start)
        else:
            stream = pa.BufferReader(pa.py_buffer(source)[start:])
        with stream:
            table = pa_csv.read_csv(
                stream,
                read_options=pa_csv.ReadOptions(autogenerate_column_names=True,
                                                use_threads=False),
                parse_options=pa_csv.ParseOptions(
                    delimiter=sep, newlines_in_values=quoted, ignore_empty_lines=False,
                    invalid_row_handler=handler),
                convert_options=pa_csv.ConvertOptions(
                    check_utf8=True, strings_can_be_null=False, quoted_strings_can_be_null=False,
                    column_types={f"f{i}": pa.large_string() for i in range(most)}),
            )  # fmt: skip
    except (pa.ArrowException, ValueError):
        return None
    if any(number is None or seen < want for number, seen, want in invalid):
        return None
    # pyarrow numbers records from 1, the header first (as pandas does, less the skip)
    skipped = {number - 1: seen for number, seen, _ in invalid}
    return [_Arrow(c) for c in table.columns], skipped


def _raw_lines(src: Any, numbers: list[int], codec: str, cr_only: bool) -> dict[int, str]:
    """The text of the given physical lines (1-based), read line by line from the file."""
    wanted, found = set(numbers), {}
    with open(src, "rb") if isinstance(src, Path) else contextlib.nullcontext(src) as stream:
        stream.seek(0)
        lines = iter(stream.read().split(b"\r")) if cr_only else stream
        for number, line in enumerate(lines, start=1):
            if number in wanted:
                found[number] = line.rstrip(b"\r\n").decode(codec, errors="replace")
                if len(found) == len(wanted):
                    break
    return found


def _padded(content: bytes, sep: str) -> bool:
    """Whether a cell may start or end with what ``str.strip`` removes. False only for an ASCII
    file with a one-byte separator, no such space but " ", and no " " next to a separator, a
    line break, a quote or either end of the file."""
    if not content.isascii() or len(sep) != 1 or sep in _ASCII_SPACE or any(
            ord(c) in content for c in _ASCII_SPACE if c not in " \r\n"):  # fmt: skip
        return True
    data = np.frombuffer(content, dtype=np.uint8)
    if len(data) and ord(" ") in (data[0], data[-1]):
        return True
    edge = np.zeros(256, dtype=bool)
    edge[[ord(sep), ord("\n"), ord("\r"), ord('"')]] = True
    for start in range(0, len(data), 1 << 20):  # a megabyte at a time: small temporaries
        at = np.flatnonzero(data[start : start + (1 << 20)] == ord(" ")) + start
        at = at[(at > 0) & (at < len(data) - 1)]
        if edge[data[at - 1]].any() or edge[data[at + 1]].any():
            return True
    return False


def _read_csv(raw: Path | bytes, encoding: str | None, name: str, keys: frozenset[str],
              header_row: int | None) -> _Table:  # fmt: skip
    """Read a CSV file's cells as text with pandas, keeping each row's line number."""
    path = raw if isinstance(raw, Path) else None
    content = raw.read_bytes() if isinstance(raw, Path) else raw
    codec = reported = _encoding(content, encoding, name)
    if "\n".encode(codec) != b"\n":  # UTF-16: read as UTF-8 so lines can be counted in bytes
        content, path, codec = content.decode(codec).encode("utf-8"), None, "utf-8"
    skip, sep = _header_position(content, codec, name, keys, header_row)
    physical = None  # lines in the file, counted only when quotes may hide line breaks
    cr_only = b"\n" not in content and b"\r" in content
    stray: list[int] = []
    if b'"' in content:
        breaks = content.count(b"\n") + content.count(b"\r") - content.count(b"\r\n")
        physical = breaks + (not content.endswith((b"\n", b"\r")))
        content, stray = _stray_quotes(content, sep, skip, cr_only)
        if stray:
            path = None
    protected = b"=" in content and b'="' in content  # (one byte is found far faster)
    padded = _padded(content, sep)
    src = path if path is not None else _io.BytesIO(content)
    plan = _arrow_plan(content, codec, sep, skip)
    kept = path if path is not None else content
    del content  # a file on disk is read from disk: its bytes need not stay in memory
    fast = None if plan is None else _arrow_frame(kept, *plan, sep)
    cells, skipped = fast or _csv_frame(src, codec, sep, skip, None, name)
    width = len(cells)

    def line_numbers(bad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Line of each record read and of each skipped record: records before it, plus line
        breaks inside quoted values of the records before it."""
        good = np.ones(len(cells[0]) + len(bad), dtype=bool)
        good[bad] = False
        good = np.flatnonzero(good) + skip + 1
        if physical in (None, skip + len(good) + len(bad)):
            return good, bad + skip + 1
        inside = np.zeros(len(cells[0]), dtype=np.int64)
        for column in cells:
            inside += pd.Series(_cells(column), dtype=object).str.count(_BREAK.pattern).to_numpy(
                dtype=np.int64)  # fmt: skip
        before = np.concatenate([[0], np.cumsum(inside)])
        return good + before[:-1], bad + skip + 1 + before[np.searchsorted(good, bad + skip + 1)]

    bad = np.array(sorted(skipped), dtype=np.int64)
    lines, bad_lines = line_numbers(bad)
    text = _raw_lines(src, bad_lines.tolist(), codec, cr_only) if len(bad) else {}
    if any(not "".join(next(csv.reader([text[n]], delimiter=sep), [])[width:]).strip()
           for n in bad_lines):  # fmt: skip
        # a line that only ends in extra separators is fine: read again with room for them
        cells, _ = _csv_frame(src, codec, sep, skip, max(skipped.values()), name)
        wide = np.logical_or.reduce([pd.Series(c, dtype=object).str.strip().to_numpy() != ""
                                     for c in cells[width:]])  # fmt: skip
        bad = np.flatnonzero(wide)
        cells = [c[~wide] for c in cells[:width]]
        lines, bad_lines = line_numbers(bad)
    early = [
        (int(n), "", text.get(int(n), ""),
         f"this line has {skipped[int(q)]} values but the header has {width} columns "
         f"(a value that contains {_SEPARATOR_NAMES[sep]} needs quotes)")
        for q, n in zip(bad, bad_lines, strict=True)
    ]  # fmt: skip
    header = [_clean_header(c[0]) for c in cells]
    columns = [c[1:] for c in cells]
    return _Table(header, columns, lines[1:], early, reported, header_line=skip + 1,
                  stray_lines=tuple(stray), protected=protected, padded=padded)


def _cell_text(value: Any) -> str:
    """Excel cell -> the text a person would read in it."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if not value.microsecond else "auto")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, float) and np.isfinite(value):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        # what Excel shows: 15 significant digits (0.1 + 0.2 reads "0.3", not 0.30000000000000004)
        text = f"{value:.15g}"
        return format(Decimal(text), "f") if "e" in text else text
    return str(value)


def _find_header_row(rows: list[list[str]], keys: frozenset[str]) -> int | None:
    """Index of the header among ``rows`` (cell texts): the first of the first non-blank rows
    with two or more known column names; None when there is none."""
    filled = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    return next((i for i in filled[:_HEADER_SEARCH] if _header_score(rows[i], keys) >= 2), None)


def _read_excel(raw: Path | bytes, sheet_name: int | str | None, name: str,
                keys: frozenset[str], header_row: int | None) -> _Table:  # fmt: skip
    """Read one sheet's cells as text with pandas; rows are the sheet's row numbers. Without
    ``sheet_name``, the first sheet whose header holds known column names is read."""
    try:
        book = pd.ExcelFile(raw if isinstance(raw, Path) else _io.BytesIO(raw), engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds of errors for broken files
        raise ValueError(error_text("read.bad_xlsx", name=name, error=exc)) from None
    with book:
        names = book.sheet_names
        if isinstance(sheet_name, int) and not isinstance(sheet_name, bool):
            if not 0 <= sheet_name < len(names):
                raise ValueError(error_text("read.sheet_number", name=name, count=len(names),
                                            sheet=sheet_name, sheets=names))
        elif sheet_name is not None and sheet_name not in names:
            raise ValueError(error_text("read.sheet_name", name=name, sheet=sheet_name,
                                        sheets=names))
        if sheet_name is None:
            sheet_name = 0
            if len(names) > 1 and header_row is None:
                for i, sheet in enumerate(names):
                    head = pd.read_excel(book, sheet, header=None, dtype=object,
                                         na_filter=False, nrows=3 * _HEADER_SEARCH)  # fmt: skip
                    rows = [[_cell_text(v) for v in r] for r in head.itertuples(index=False)]
                    if _find_header_row(rows, keys) is not None:
                        sheet_name = i
                        break
        frame = pd.read_excel(book, sheet_name, header=None, dtype=object, na_filter=False)
    sheet = names[sheet_name] if isinstance(sheet_name, int) else sheet_name
    columns = [frame[c].map(_cell_text).to_numpy(dtype=object) for c in frame.columns]
    filled = np.flatnonzero(np.logical_or.reduce(
        [pd.Series(c, dtype=object).str.strip().to_numpy() != "" for c in columns] or [[]]))
    if header_row is not None:
        if header_row < 1 or header_row > len(frame):
            raise _header_error(name, header_row, "no_row", sheet)
        if header_row - 1 not in set(filled.tolist()):
            raise _header_error(name, header_row, "empty_row", sheet)
        top = header_row - 1
    else:
        if not len(filled):
            raise _empty_error(name)
        rows = [[c[i] for c in columns] for i in filled[:_HEADER_SEARCH]]
        found = _find_header_row(rows, keys)
        top = int(filled[found if found is not None else 0])
    return _Table([_clean_header(c[top]) for c in columns], [c[top + 1 :] for c in columns],
                  np.arange(top + 2, len(frame) + 1, dtype=np.int64), [], None,
                  header_line=top + 1, sheet=sheet, sheets=tuple(names))  # fmt: skip


def _read_table(source: Any, encoding: str | None, sheet_name: int | str | None, name: str,
                keys: frozenset[str], header_row: int | None) -> _Table:  # fmt: skip
    raw, ext, as_text = _open(source)
    if isinstance(raw, Path):
        with open(raw, "rb") as stream:
            head = stream.read(8)
    else:
        head = raw[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValueError(error_text("read.xls", name=name))
    if ext in (".xlsx", ".xlsm") or head.startswith(b"PK"):
        return _read_excel(raw, sheet_name, name, keys, header_row)
    table = _read_csv(raw, encoding, name, keys, header_row)
    if as_text:
        table.encoding = None
    return table


# ---------------------------------------------------------------------------------------------
# Header matching
# ---------------------------------------------------------------------------------------------


def _match_columns(
    headers: list[str],
    schema: tuple[_Field, ...],
    columns: Mapping[str, str] | None,
    name: str,
    where: str = "",
) -> dict[str, int]:
    """canonical name -> index of the file column used; a missing required column is named
    with the headers it may have and ``where`` the column names were read from."""
    found = [h for h in headers if h]
    by_name = {f.name: f for f in schema}
    chosen: dict[str, int] = {}
    for canon, wanted in (columns or {}).items():
        if canon not in by_name:
            raise ValueError(error_text("read.map_unknown", column=canon, known=list(by_name)))
        wanted_text = _clean_header(wanted)
        idx = next((i for i, h in enumerate(headers) if h == wanted_text), None)
        if idx is None:
            key = _norm_header(wanted_text)
            idx = next((i for i, h in enumerate(headers) if h and _norm_header(h) == key), None)
        if idx is None:
            raise ValueError(error_text("read.map_absent", column=canon, wanted=wanted,
                                        name=name, found=found))
        if idx in chosen.values():
            raise ValueError(error_text("read.map_twice", wanted=wanted))
        chosen[canon] = idx

    keys = [_norm_header(h) if h else "" for h in headers]
    loose = [
        _norm_header(_TRAILING_PAREN.sub("", unicodedata.normalize("NFKC", h).strip())) if h else ""
        for h in headers
    ]
    # exact header names first (aliases in priority order, then left to right in the file),
    # then headers with a trailing note in brackets removed, e.g. 实付金额(元) -> 实付金额
    for candidate_keys in (keys, loose):
        for f in [f for f in schema if f.name not in chosen]:
            idx = next((i for a in map(_norm_header, f.aliases)
                        for i, k in enumerate(candidate_keys)
                        if k == a and i not in chosen.values()), None)  # fmt: skip
            if idx is not None:
                chosen[f.name] = idx

    missing = [f for f in schema if f.required and f.name not in chosen]
    if missing:
        parts = [error_text("read.accepted", column=column_text(f.name),
                            aliases=", ".join(f.aliases[:8])) for f in missing]
        head = error_text("read.missing_one" if len(missing) == 1 else "read.missing_many",
                          columns="; ".join(parts))
        raise ValueError(error_text("read.missing", head=head, found=found,
                                    example=missing[0].name, where=where))
    return chosen


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, None] = {}  # in order
    for nm in names:
        candidate, k = nm, 0
        while candidate in seen:
            k += 1
            candidate = f"{nm}.{k}"
        seen[candidate] = None
    return list(seen)


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------


def _final(values: np.ndarray, keep: np.ndarray, f: _Field | None) -> pd.Series:
    """The kept rows of one column, with the documented dtype."""
    if isinstance(values, _Arrow):
        import pyarrow as pa

        array = values.array if keep.all() else values.array.filter(pa.array(keep))
        if _TEXT is object:
            return pd.Series(array.to_numpy(zero_copy_only=False), dtype=object)
        return pd.Series(array, dtype=_TEXT)
    kept = values if keep.all() else values[keep]  # the parsed arrays are ours: no copy
    if f is None or f.kind in ("id", "text"):
        return pd.Series(kept, dtype=_TEXT, copy=False)
    if f.kind == "score":
        return pd.Series(pd.array(kept, dtype="Int64"))
    dtype = {"money": "float64", "count": "int64"}.get(f.kind, "datetime64[ns]")
    return pd.Series(kept, dtype=dtype, copy=False)


def _rejected(table: _Table, row_blank: np.ndarray, problems: dict[int, pd.Series],
              raw: list[np.ndarray], display: list[str]) -> pd.DataFrame:  # fmt: skip
    """The ``.rejected`` frame by line: rows rejected while reading, empty rows, and rows with
    problems (the first problem's column and value; every reason, named by column if several)."""
    blank = np.flatnonzero(row_blank)
    parts = [list(zip(*table.early, strict=True)) or [[]] * 4,
             [table.lines[blank], [""] * len(blank), [""] * len(blank), ["empty row"] * len(blank)]]
    if problems:
        why = pd.concat(problems, axis=1)
        has = why.notna().to_numpy()
        first = np.asarray(why.columns)[has.argmax(axis=1)]
        several = has.sum(axis=1) > 1
        reason = why.bfill(axis=1).iloc[:, 0].where(~several, why.apply(
            lambda r: "; ".join(f"{display[i]}: {w}" for i, w in r.dropna().items()), axis=1
        ) if several.any() else None)  # fmt: skip
        at = why.index.to_numpy(dtype=np.int64)
        value = np.empty(len(at), dtype=object)
        for c in np.unique(first):
            value[first == c] = raw[c][at[first == c]]
        parts.append([table.lines[at], [display[c] for c in first], value, reason.to_numpy()])
    columns = [np.concatenate([np.asarray(p[k], dtype=object) for p in parts]) for k in range(4)]
    order = np.argsort(columns[0].astype(np.int64), kind="stable")
    return pd.DataFrame({
        col: pd.Series(values[order], dtype="int64" if col == "row" else object)
        for col, values in zip(REJECTED_COLUMNS, columns, strict=True)
    })  # fmt: skip


_TOTAL_RX = r"(?:合计|总计|汇总|总合计|小计|total|grand total|sum)[:：]?"
_STATUS_WHY = {
    "status.closed": "closed", "status.cancelled": "cancelled", "status.unpaid": "not paid",
    "status.refunded": "refunded",
}  # fmt: skip


def _unprotect(values: np.ndarray | _Arrow) -> np.ndarray | _Arrow:
    """Excel's protected cells ``="2876..."`` (written so Excel keeps the digits) -> the text
    inside the quotes."""
    if isinstance(values, _Arrow):
        import pyarrow.compute as pc

        array = values.array
        wrapped = pc.and_(pc.and_(pc.starts_with(array, '="'), pc.ends_with(array, '"')),
                          pc.greater_equal(pc.utf8_length(array), 3))  # fmt: skip
        if not pc.any(wrapped).as_py():
            return values
        return _Arrow(pc.if_else(wrapped, pc.utf8_slice_codeunits(array, 2, -1), array))
    text = pd.Series(values, dtype=object)
    wrapped = (text.str.startswith('="') & text.str.endswith('"') & (text.str.len() >= 3)
               ).to_numpy(dtype=bool)  # fmt: skip
    if not wrapped.any():
        return values
    out = values.copy()
    out[wrapped] = text[wrapped].str[2:-1].to_numpy()
    return out


def _add(problems: dict[int, pd.Series], idx: int, reasons: pd.Series) -> None:
    """Add reasons for column ``idx`` (a row keeps the first reason given for a column)."""
    if not len(reasons):
        return
    if idx in problems:
        both = pd.concat([problems[idx], reasons])
        reasons = both[~both.index.duplicated()]
    problems[idx] = reasons.sort_index()


def _bad_rows(row_blank: np.ndarray, problems: dict[int, pd.Series]) -> np.ndarray:
    """Mask of the rows rejected so far: empty, or with a problem in some column."""
    bad = row_blank.copy()
    for reasons in problems.values():
        bad[reasons.index] = True
    return bad


def _repeated(ids: np.ndarray | _Arrow) -> np.ndarray:
    """Mask of the ids that occur more than once: candidates by Python's cached string hashes,
    then checked for equal text. Ids read by pyarrow are counted by pyarrow."""
    if isinstance(ids, _Arrow):
        import pyarrow.compute as pc

        counts = pc.value_counts(ids.array)
        twice = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
        return pc.is_in(ids.array, value_set=twice).to_numpy(zero_copy_only=False)
    hashes = np.fromiter(map(hash, ids), dtype=np.int64, count=len(ids))
    ordered = np.sort(hashes)
    twice = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(twice):
        return np.zeros(len(ids), dtype=bool)
    maybe = np.flatnonzero(np.isin(hashes, twice))
    by_hash = maybe[np.argsort(hashes[maybe], kind="stable")]
    first = np.r_[True, hashes[by_hash[1:]] != hashes[by_hash[:-1]]]
    group_first = by_hash[np.flatnonzero(first)[np.cumsum(first) - 1]]
    same = ids[by_hash] == ids[group_first]
    out = np.zeros(len(ids), dtype=bool)
    if same.all():  # every equal hash is equal text (a collision of 64-bit hashes is rare)
        out[maybe] = True
    else:
        out[maybe] = pd.Series(ids[maybe], dtype=object).duplicated(keep=False).to_numpy()
    return out


def _order_rules(table: _Table, n: int, chosen: dict[str, int], parsed: dict[int, np.ndarray],
                 raw: list[np.ndarray], problems: dict[int, pd.Series], row_blank: np.ndarray,
                 headers: list[str], preset: str | None) -> tuple[dict[str, int] | None,
                                                                  tuple[str, ...]]:  # fmt: skip
    """The order export's own rules, on the rows read so far: total rows, refund lines, the
    purchase rule (rfmkit.orders.purchase_lines) and lines that appear twice. Adds reasons to
    ``problems``; nets refunds into the amount. Returns (rows by order status, notes)."""
    from rfmkit.orders import purchase_lines

    # a total row (合计) at the end of an export is no order: say so instead of "blank id"
    bad = np.flatnonzero(_bad_rows(row_blank, problems) & ~row_blank)
    if len(bad):
        total = np.zeros(n, dtype=bool)
        where = np.full(n, -1)
        for i in range(len(raw) - 1, -1, -1):
            hit = pd.Series(raw[i][bad], dtype=object).str.strip().str.fullmatch(
                _TOTAL_RX, case=False).to_numpy(dtype=bool)  # fmt: skip
            total[bad[hit]] = True
            where[bad[hit]] = i
        if total.any():
            for i in list(problems):
                problems[i] = problems[i].drop(np.flatnonzero(total), errors="ignore")
            for i in np.unique(where[total]):
                _add(problems, int(i), _reasons(where == i, TOTAL_REASON))
    amount = chosen["amount"]
    # a refund line may count items back (quantity -1); a sale may not
    if "quantity" in chosen:
        q = chosen["quantity"]
        with np.errstate(invalid="ignore"):
            wrong = (parsed[q][:n] < 0) & ~(parsed[amount][:n] <= 0)
        _add(problems, q, _reasons(wrong, "negative number of items"))
    # the purchase rule: status, payment time and refunds
    col = {c: chosen.get(c) for c in ("status", "refund", "paid_at")}
    counts = None
    if any(v is not None for v in col.values()):
        status_text = None if col["status"] is None else np.fromiter(
            map(str.strip, _cells(raw[col["status"]][:n])), dtype=object, count=n)  # fmt: skip
        net, why = purchase_lines(
            parsed[amount][:n], status_text,
            None if col["refund"] is None else parsed[col["refund"]][:n],
            None if col["paid_at"] is None else parsed[col["paid_at"]][:n],
        )
        parsed[amount] = np.concatenate([net, parsed[amount][n:]])
        why[_bad_rows(row_blank, problems)] = ""
        for code in np.unique(why[why != ""]):
            mask = why == code
            if code.startswith("status."):
                text = pd.Series(status_text, dtype=object)
                if code in _STATUS_WHY:
                    reason = "order status '" + text + f"' ({_STATUS_WHY[code]}): not a purchase"
                elif code == "status.blank":
                    reason = "order status is blank: not counted as a purchase"
                else:
                    reason = ("unknown order status '" + text + "': not counted (rfmkit does "
                              "not guess; see rfmkit.orders.STATUS_WORDS)")
                _add(problems, col["status"], _reasons(mask, reason))
            elif code == "not_paid":
                _add(problems, col["paid_at"], _reasons(mask, "no payment time: not paid"))
            else:
                _add(problems, col["refund"], _reasons(mask, (
                    "refunded in full: not a purchase" if code == "refund.full"
                    else "refund is larger than the amount paid")))  # fmt: skip
        if status_text is not None:
            shown = pd.Series(status_text[~row_blank], dtype=object)
            counts = {str(k): int(v) for k, v in shown.value_counts(sort=False).items()}
    # one line twice: rejected where the file shows it is the same line (same sub-order id,
    # or the same order number in a file of one row per order); otherwise only noted, since
    # two equal lines of one order can be two items bought
    notes: tuple[str, ...] = ()
    keep = ~_bad_rows(row_blank, problems)
    per_order = (preset is not None and PRESETS[preset].one_row_per_order) or not any(
        c in chosen for c in ("line_id", "product_id", "quantity", "unit_price"))
    key = chosen.get("line_id", chosen["order_id"] if per_order else None)
    maybe = np.flatnonzero(keep & _repeated(parsed[chosen["order_id"]][:n]))
    if len(maybe):
        rows = pd.DataFrame({i: pd.Series(c[maybe], dtype=object).str.strip()
                             for i, c in enumerate(raw)})  # fmt: skip
        again = rows.duplicated(keep="first").to_numpy()
        if again.any() and key is not None and (rows.iloc[:, key] != "").all():
            first = rows.groupby(list(rows.columns), sort=False).ngroup().to_numpy()
            first_line = pd.Series(table.lines[maybe]).groupby(first).transform("min").to_numpy()
            what = headers[key] or "order id"
            _add(problems, key, pd.Series([
                f"repeats line {f} exactly (same {what}): the same line twice, counted once"
                for f in first_line[again]], index=maybe[again], dtype=object))  # fmt: skip
        elif again.any():
            notes = (label("read_detail.repeats").format(n=int(again.sum())),)
    return counts, notes


def _read(
    kind: str,
    source: Any,
    columns: Mapping[str, str] | None,
    encoding: str | None,
    sheet_name: int | str | None,
    header_row: int | None = None,
    preset: str | None = "auto",
) -> ReadResult:
    schema = _SCHEMAS[kind]
    name = _source_name(source)
    keys = _KNOWN[kind] | {_norm_header(v) for v in (columns or {}).values()}
    table = _read_table(source, encoding, sheet_name, name, keys, header_row)
    blank = [pd.Series(_cells(c), dtype=object).str.strip().eq("").to_numpy() if not h else None
             for h, c in zip(table.headers, table.columns, strict=True)]  # fmt: skip
    # columns without a header and without any value are layout noise (trailing commas)
    used = [i for i, h in enumerate(table.headers) if h or not blank[i].all()]
    headers = [table.headers[i] for i in used]
    display = [h if h else f"Unnamed: {used[j]}" for j, h in enumerate(headers)]
    raw = [table.columns[i] for i in used]
    if table.protected:
        raw = [_unprotect(c) for c in raw]
    chosen_preset = _pick_preset(kind, headers, preset)
    where = error_text("read.where_line", n=table.header_line) if table.sheet is None else (
        error_text("read.where_sheet", n=table.header_line, sheet=table.sheet))  # fmt: skip
    chosen = _match_columns(headers, schema, _preset_columns(chosen_preset, headers, columns),
                            name, where)  # fmt: skip
    fields = {chosen[f.name]: f for f in schema if f.name in chosen}

    n = len(table.lines)
    parsed: dict[int, np.ndarray] = {}
    problems: dict[int, pd.Series] = {}
    row_blank = np.ones(n, dtype=bool)
    for idx, f in sorted(fields.items()):
        parsed[idx], reasons = _parse(raw[idx], f, table.padded)
        is_blank = (reasons == BLANK_REASON).to_numpy()
        blank_here = np.zeros(n, dtype=bool)
        blank_here[reasons.index[is_blank]] = True
        row_blank &= blank_here
        if f.allow_blank or f.kind == "text":
            reasons = reasons[~is_blank]
        else:
            reasons = reasons.where(~is_blank, f.blank_reason or f"{f.name} is blank")
        if len(reasons):
            problems[idx] = reasons
    for i in set(range(len(raw))) - set(fields):
        candidates = np.flatnonzero(row_blank)
        row_blank[candidates] = [not v.strip() for v in raw[i][candidates]]

    stray = np.isin(table.lines, list(table.stray_lines))
    row_blank &= ~stray  # a line with a stray quote is not empty
    # blank lines after the last data row are not rows (e.g. extra line breaks at the end)
    last = max([int(table.lines[~row_blank].max()) if (~row_blank).any() else 0]
               + [e[0] for e in table.early])  # fmt: skip
    n = int((table.lines <= last).sum())
    row_blank = row_blank[:n]
    # an empty row has no other reason; the quote's line is rejected for that reason alone
    problems = {i: r[r.index < n].drop(np.flatnonzero(row_blank | stray[:n]), errors="ignore")
                for i, r in problems.items()}  # fmt: skip
    problems = {i: r for i, r in problems.items() if len(r)}
    _add(problems, 0, _reasons(stray[:n], QUOTE_REASON))
    counts, notes = None, ()
    if kind == "orders":
        counts, notes = _order_rules(table, n, chosen, parsed, raw, problems, row_blank,
                                     headers, chosen_preset)  # fmt: skip
    keep = ~_bad_rows(row_blank, problems)

    # the clean data: canonical columns (schema order), then the others (file order)
    data = {f.name: _final(parsed[idx][:n], keep, f) for idx, f in fields.items()}
    others = [i for i in range(len(headers)) if i not in fields]
    names = _unique_names(list(data) + [display[i] for i in others])[len(data) :]
    for col_name, i in zip(names, others, strict=True):
        data[col_name] = _final(raw[i][:n], keep, None)
    frame = pd.DataFrame(data, index=pd.RangeIndex(int(keep.sum())), copy=False)

    rejected = _rejected(table, row_blank, problems, raw, display)

    rows_read = n + len(table.early)
    if len(frame) + len(rejected) != rows_read:  # pragma: no cover - a bug, never data
        raise AssertionError(error_text("read.rows_lost", name=name))
    return ReadResult(
        data=frame,
        rejected=rejected,
        rows_read=rows_read,
        source_columns={canon: display[chosen[canon]] for canon in data if canon in chosen},
        encoding=table.encoding,
        source=name,
        preset=chosen_preset,
        sheet=table.sheet,
        sheets=table.sheets,
        header_line=table.header_line,
        status_counts=counts,
        notes=notes,
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
        For Excel files: the sheet to read, by position (0 = first) or by name. Left out,
        the first sheet whose header holds known column names is read (else the first sheet);
        the result names it and the other sheets (``.sheet``, ``.sheets``).
    header_row:
        The line (Excel: row) number of the column names, counting from 1, when a title or
        notes block above them is not skipped automatically (it is when the header holds two
        or more column names rfmkit knows).
    preset:
        Order exports only: ``"auto"`` (default) recognises Taobao/Tmall, JD, Pinduoduo,
        Youzan and Douyin exports by their header names (``.preset`` says which); a name from
        :data:`PRESETS` forces one; ``None`` uses the general aliases only. ``columns=``
        overrides a preset.

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


def _reader(kind: str, doc: str):
    """The public reader of one kind of file (the three differ only in their columns)."""

    def read(
        source: Any,
        *,
        columns: Mapping[str, str] | None = None,
        encoding: str | None = None,
        sheet_name: int | str | None = None,
        header_row: int | None = None,
        preset: str | None = "auto",
    ) -> ReadResult:
        return _read(kind, source, columns, encoding, sheet_name, header_row, preset)

    read.__name__ = read.__qualname__ = f"read_{kind}"
    read.__doc__ = doc + _DOC_ARGS
    return read


read_orders = _reader(
    "orders",
    """Read an order export (one row per order or order line).

    Required columns: ``order_id``, ``customer_id``, ``order_date`` (kept with its time of day
    when given), ``amount`` (yuan; negative amounts are kept: they are refunds). Optional:
    ``product_id``, ``quantity`` (whole number >= 0), ``unit_price``. Other columns are kept
    unchanged as text. ``.data`` dtypes: ids as text, ``order_date`` datetime64[ns],
    ``amount`` / ``unit_price`` float64, ``quantity`` int64.
    """,
)
read_questionnaire = _reader(
    "questionnaire",
    """Read questionnaire answers (one row per respondent).

    Required: ``customer_id``, ``last_purchase_date`` (a day, datetime64[ns]),
    ``purchases_per_quarter`` (int64, >= 0), ``spend_per_quarter`` (float64 yuan, >= 0).
    Optional: ``satisfaction`` (1-5) and ``recommend`` (0-10), nullable Int64 where a blank
    answer is ``<NA>``; ``response_id`` (text). Other columns are kept unchanged as text.
    """,
)
read_members = _reader(
    "members",
    """Read member profiles (the membership application form).

    Required: ``customer_id``. Recognised when present: ``name``, ``gender``, ``birthday``,
    ``age_band``, ``occupation``, ``income_band``, ``city``, ``phone``, ``email``, ``wechat``,
    ``preferred_channel``, ``join_date``. Dates are datetime64[ns] days (blank -> NaT); all the
    others are text (stripped; phone numbers keep their leading zeros).
    """,
)
