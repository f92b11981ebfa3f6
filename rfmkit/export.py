"""Safe export of a result table to CSV or Excel (导出): :func:`export_table`.

- **Chinese text** survives: ``.csv`` is UTF-8 *with* a byte-order mark (``utf-8-sig``), which
  Excel on Windows needs; ``.xlsx`` is written with openpyxl.
- **No formulas** (CSV/formula injection): a text cell, and every line inside it, that starts
  with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP); a
  bare carriage return inside a cell becomes a line feed (never a new row). In ``.xlsx`` text
  is always stored as a string, never as a formula. Numbers stay numbers (``-5`` too).
- **Long numbers and IDs**: in ``.xlsx`` an integer of 16 digits or more is written as text
  (Excel keeps 15 significant digits), and text IDs stay text (``000123`` keeps its zeros).
  Excel opening a *CSV* turns ``000123`` into 123 and long digit runs into 2.88E+18 whatever
  the quoting, so such a column in a ``.csv`` gives an :class:`IdsInCsvWarning` (use .xlsx).
- **Personal data masked** by what a column means (``mask=True``, the default; ``mask=False``
  exports raw). The column's header decides, in English or Chinese (also the headers
  :func:`rfmkit.localise` writes):

  * phone columns (phone, mobile, tel, cell, 手机, 电话, 联系方式): mainland mobile numbers
    (also with +86 / 0086 / 86, spaces or dashes) become ``138****5678``; anything else keeps
    only its last 4 digits;
  * ID-number columns (身份证, 证件号, id_number, id_card): ``110105********123X``;
  * name columns (name, 姓名, 名称, 收货人, 联系人): the first character, then ``*``: ``王**``;
  * e-mail (email, e-mail, 邮箱): ``w***@example.com``; WeChat (wechat, 微信): ``wx****``;
    address (address, 地址): the first 6 characters, then ``****``;
  * identifier columns (customer_id, order_id, 订单号, 编号, ...) are never masked: an order
    number is not a phone number, however its digits look;
  * in every other text cell, mobile and ID numbers written inside the text (not part of a
    longer run of digits) are masked in place; an ID number must hold a valid birth date.

The index is written as the first column(s) when it carries information (it has a name, or is
not the default 0, 1, 2, ... index). Computation only: the input is never modified.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import unicodedata
import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from rfmkit.labels import LABELS, error_text
from rfmkit.validation import RfmkitWarning, require_columns

__all__ = ["SUPPORTED_EXTENSIONS", "IdsInCsvWarning", "export_table", "export_workbook",
           "mask_text", "neutralise"]

SUPPORTED_EXTENSIONS = (".csv", ".xlsx")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What a column means, by words in its header (lower case): checked in this order.
_MEANINGS = (
    ("id_number", ("身份证", "证件号", "id_number", "idnumber", "id_card", "idcard", "id_no"), ()),
    ("phone", ("phone", "mobile", "手机", "电话", "联系方式"), ("tel", "cell")),
    ("email", ("email", "e-mail", "邮箱", "电子邮件"), ()),
    ("wechat", ("wechat", "微信", "weixin"), ()),
    ("address", ("address", "地址"), ()),
    ("identifier", ("编号", "单号", "订单号", "会员号"), ("id", "no", "code")),
)
_NAME_HEADERS = {"name", "names", "姓名", "名称", "收货人", "联系人", "customer_name",
                 "buyer_name", "买家姓名", "会员姓名", "顾客姓名", "客户姓名"}
_LONG_DIGITS = 16  # Excel keeps 15 significant digits

_SEP = r"[ \-]?"
_MOBILE = re.compile(
    r"(?<![0-9])(?:(?:\+|00)?86" + _SEP + r")?(1[3-9][0-9])" + _SEP + r"([0-9]{4})" + _SEP
    + r"([0-9]{4})(?![0-9])"
)
_ID18 = re.compile(r"(?<![0-9A-Za-z])([0-9]{6})([0-9]{8})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])([0-9]{6})([0-9]{6})([0-9]{3})(?![0-9A-Za-z])")
# units as the labels write them: money "销售额 (元)", "客单价 (元/次)", "(yuan a month)"; shares
# "客户占比 (%)"
_MONEY_HEADER = re.compile(r"[(（](?:元|yuan)(?:[/ ][^()（）]*)?[)）]$")
_PERCENT_HEADER = re.compile(r"[(（]%[)）]$")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in xlsx XML


def _mask_id(text: str) -> str:
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def _mask_mobile(match: re.Match) -> str:
    return f"{match.group(1)}****{match.group(3)}"


def _id_in_text(match: re.Match) -> str:
    """Mask an ID number found in text only if it holds a valid birth date (YYYYMMDD in an
    18-character ID, 1900-2099; YYMMDD of the 1900s in a 15-digit one)."""
    birth = match.group(2)
    if len(birth) == 6:
        birth = "19" + birth
    try:
        _dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    except ValueError:
        return match.group(0)
    return _mask_id(match.group(0)) if 1900 <= int(birth[:4]) <= 2099 else match.group(0)


def mask_text(text: str) -> str:
    """Mask every mobile number and resident ID number inside ``text`` (see the module doc).

    ``"call 138-1234-5678"`` -> ``"call 138****5678"``;
    ``"110105199001011234"`` -> ``"110105********1234"``. Other text is returned unchanged.
    """
    text = _ID15.sub(_id_in_text, _ID18.sub(_id_in_text, text))
    return _MOBILE.sub(_mask_mobile, text)


def _mask_sensitive(value):
    """Mask one cell of a phone/ID column (never missing nor blank here), whatever it holds."""
    if isinstance(value, (bool, np.bool_)):
        return value
    whole_number = isinstance(value, (int, np.integer)) or (
        isinstance(value, (float, np.floating)) and float(value).is_integer())
    stripped = (str(int(value)) if whole_number else str(value)).strip()
    if _MOBILE.fullmatch(stripped):
        return _MOBILE.sub(_mask_mobile, stripped)
    if _ID18.fullmatch(stripped) or _ID15.fullmatch(stripped):
        return _mask_id(stripped)
    masked = mask_text(stripped)
    if masked != stripped:
        return masked
    digits = [i for i, ch in enumerate(stripped) if ch.isdigit()]
    keep = set(digits[-4:]) if len(digits) > 4 else set()
    return "".join("*" if (ch.isdigit() and i not in keep) else ch
                   for i, ch in enumerate(stripped))


def _mask_name(text: str) -> str:
    return text[0] + "*" * max(1, len(text) - 1)


def _mask_email(text: str) -> str:
    local, at, domain = text.partition("@")
    return f"{local[:1]}***@{domain}" if at else _mask_name(text)


_MASKERS = {
    "name": _mask_name,
    "email": _mask_email,
    "wechat": lambda text: text[:2] + "****",
    "address": lambda text: text[:6] + "****",
}


def _mask_by_meaning(value, meaning: str):
    if _is_missing(value) or not str(value).strip():
        return value
    if meaning in ("phone", "id_number"):
        return _mask_sensitive(value)
    return _MASKERS[meaning](str(value).strip())


def neutralise(text: str) -> str:
    """Prefix ``text``, and every line inside it, with ``'`` when it starts with = + - @ tab or
    carriage return, so a spreadsheet shows it as text instead of running it as a formula. A
    bare carriage return becomes a line feed (some programs read a bare CR as a new row)."""
    if "\r" in text[1:] or "\n" in text:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "\n".join(neutralise(line) for line in lines)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _is_missing(value) -> bool:
    try:
        missing = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return np.ndim(missing) == 0 and bool(missing)


def _meaning(header: str) -> str | None:
    """What a column holds, judged by its header: a kind of personal data, an identifier, or
    None for anything else."""
    lowered = header.strip().lower()
    if lowered in _NAME_HEADERS:
        return "name"
    tokens = re.split(r"[^a-z0-9]+", lowered)
    for meaning, parts, whole_tokens in _MEANINGS:
        if any(p in lowered for p in parts) or any(t in tokens for t in whole_tokens):
            return meaning
    return None


def _header(value) -> str:
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value if not _is_missing(v) and str(v) != "")
    return str(value)


def _prepare(df: pd.DataFrame, mask: bool, neutralise_text: bool) -> pd.DataFrame:
    """A copy of ``df`` ready to write: index as columns, masked, formulas neutralised."""
    frame = df
    default_index = (isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
                     and frame.index.step == 1 and frame.index.names == [None])
    if not default_index:
        names = [n if n is not None else ("index" if frame.index.nlevels == 1 else f"level_{i}")
                 for i, n in enumerate(frame.index.names)]
        frame = frame.set_axis(frame.index.set_names(names)).reset_index()
    headers = [_header(c) for c in frame.columns]
    out = {}
    for position, header in enumerate(headers):
        values = frame.iloc[:, position]
        meaning = _meaning(header) if mask else None
        personal = meaning not in (None, "identifier")
        textual = values.dtype.kind not in "biufcmM"  # not numbers, booleans or times
        if personal or textual:
            cells = list(values.astype(object).to_numpy())
            if personal:
                cells = [_mask_by_meaning(v, meaning) for v in cells]
            elif mask and meaning != "identifier":
                cells = [mask_text(v) if isinstance(v, str) else v for v in cells]
            if neutralise_text:
                cells = [neutralise(v) if isinstance(v, str) else v for v in cells]
            out[position] = pd.Series(cells, index=values.index, dtype=object)
        else:
            out[position] = values
    prepared = pd.DataFrame(out)
    prepared.columns = [neutralise(h) if neutralise_text else h for h in headers]
    return prepared


def _excel_value(value):
    if _is_missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, pd.Timedelta):
        return value.to_pytimedelta()
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) >= \
            _LONG_DIGITS:
        return str(value)  # as text: Excel would round it to 15 significant digits
    if isinstance(value, (bool, int, float, Decimal, _dt.date, _dt.time, _dt.timedelta)):
        return value
    return _ILLEGAL.sub("", str(value))


class IdsInCsvWarning(RfmkitWarning):
    """A CSV holds IDs that Excel changes when it opens the file (zeros, long digit runs)."""


_EXCEL_CHANGES = re.compile(rf"0\d+|\d{{{_LONG_DIGITS},}}")


def _warn_about_ids(frame: pd.DataFrame) -> None:
    changed = []
    for header in frame.columns:
        values = frame[header]
        if values.dtype.kind in "iu":
            hit = values.abs().astype(str).str.len().ge(_LONG_DIGITS).any()
        elif values.dtype.kind in "biufcmM":
            hit = False
        else:
            hit = values.map(lambda v: isinstance(v, str) and bool(
                _EXCEL_CHANGES.fullmatch(v.strip()))).any()
        if hit:
            changed.append(str(header))
    if changed:
        warnings.warn(IdsInCsvWarning("ids_in_csv", LABELS["warning.ids_in_csv"][1],
                                      columns=changed, digits=_LONG_DIGITS), stacklevel=3)


def _check_sheet_name(name) -> str:
    if not isinstance(name, str) or not 1 <= len(name) <= 31 or re.search(r"[\[\]:*?/\\]", name):
        raise ValueError(error_text("export.sheet_name", value=name))
    return name


# spreadsheet number format -> the same display in Python (the report's HTML page)
NUMBER_FORMATS = {"#,##0.00": "{:,.2f}", "0.0": "{:.1f}", "#,##0": "{:,}"}


def number_format(header, value) -> str | None:
    """The spreadsheet number format for ``value`` under ``header`` (a key of
    :data:`NUMBER_FORMATS`): ``"#,##0.00"`` (yuan to the cent) in a money column, whose header
    ends in a unit such as "(元)", "(元/次)" or "(yuan)" as the labels write it; ``"0.0"`` in a
    share column ("(%)"); ``"#,##0"`` for a whole number other than a line number; None (the
    spreadsheet's own) for anything else."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, Decimal,
                                                                  np.number)):
        return None
    header = str(header).strip()
    if _MONEY_HEADER.search(header):
        return "#,##0.00"
    if _PERCENT_HEADER.search(header):
        return "0.0"
    whole = isinstance(value, (int, np.integer))
    return "#,##0" if whole and header not in LABELS["row"] else None  # line 12345, not 12,345


def _shown_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: two for a wide (Chinese) character, else one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fill_sheet(sheet, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    widths = [0] * len(frame.columns)
    for col, header in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=col)
        cell.value = _excel_value(header)
        cell.data_type = "s"
        cell.font = bold
        widths[col - 1] = _shown_width(str(cell.value))
    for row_number, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for col, raw in enumerate(row, start=1):
            value = _excel_value(raw)
            if value is None:
                continue
            cell = sheet.cell(row=row_number, column=col)
            cell.value = value
            shown_text = str(value)
            if isinstance(value, str):
                cell.data_type = "s"  # text is text: never stored as a formula
            elif isinstance(value, _dt.datetime):
                midnight = value.time() == _dt.time(0, 0)
                cell.number_format = "yyyy-mm-dd" if midnight else "yyyy-mm-dd hh:mm:ss"
                shown_text = shown_text[: 10 if midnight else 19]
            elif isinstance(value, _dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif shown := number_format(frame.columns[col - 1], value):
                cell.number_format = shown
                shown_text = NUMBER_FORMATS[shown].format(value)
            widths[col - 1] = max(widths[col - 1], _shown_width(shown_text))
    for col, width in enumerate(widths, start=1):  # wide enough: no ### and no cut-off names
        sheet.column_dimensions[get_column_letter(col)].width = min(width + 3, 60)
    sheet.freeze_panes = "A2"


def export_workbook(sheets: dict, path, *, mask: bool = True, images: dict | None = None) -> Path:
    """Write several tables to one ``.xlsx`` workbook, one sheet each, as safely as
    :func:`export_table` (masking, text never a formula, long integers as text).

    ``sheets`` maps a sheet name (1-31 characters) to a DataFrame; ``images`` maps a sheet
    name to a list of PNG files (paths or bytes), placed one under the other. Returns the path.
    """
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValueError(error_text("export.workbook_extension", file=target.name))
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, frame in sheets.items():
        require_columns(frame, {}, error_text("export.sheet", sheet=name))
        _fill_sheet(workbook.create_sheet(_check_sheet_name(name)),
                    _prepare(frame, bool(mask), True))
    for name, pictures in (images or {}).items():
        sheet = workbook.create_sheet(_check_sheet_name(name))
        row = 1
        for picture in pictures:
            image = Image(io.BytesIO(picture) if isinstance(picture, bytes) else picture)
            sheet.add_image(image, f"A{row}")
            row += int(image.height / 20) + 2  # rows are about 20 px high
    workbook.save(target)
    return target


def export_table(
    df: pd.DataFrame,
    path,
    *,
    mask: bool = True,
    neutralise_formulas: bool = True,
    sheet_name: str = "Sheet1",
) -> Path:
    """Write ``df`` to ``path`` (``.csv`` or ``.xlsx``, chosen by the extension) safely.

    - ``.csv``: UTF-8 with a byte-order mark (``utf-8-sig``), so Excel shows Chinese text;
      ``.xlsx``: one sheet named ``sheet_name``, bold header row.
    - ``mask=True`` (default) masks mobile and ID numbers as described in the module doc;
      ``mask=False`` must be passed explicitly to export them raw.
    - ``neutralise_formulas=True`` (default) prefixes text that starts with = + - @ tab or
      carriage return (headers too) with ``'``. In ``.xlsx`` text is always stored as text,
      never as a formula, whatever this option says.

    Returns the :class:`~pathlib.Path` written. Raises ValueError for an extension other than
    .csv / .xlsx (naming the supported ones) or an invalid sheet name. The input is not changed.
    """
    require_columns(df, {}, "df")
    target = Path(path)
    extension = target.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        raise ValueError(error_text("export.extension", file=target.name,
                                    extensions=list(SUPPORTED_EXTENSIONS)))
    if extension == ".xlsx":
        _check_sheet_name(sheet_name)
    frame = _prepare(df, bool(mask), bool(neutralise_formulas))
    if extension == ".csv":
        _warn_about_ids(frame)
        frame.to_csv(target, index=False, encoding="utf-8-sig")
    else:
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.active.title = sheet_name
        _fill_sheet(workbook.active, frame)
        workbook.save(target)
    return target
