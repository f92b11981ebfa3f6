"""Safe export of a result table to CSV or Excel (导出): :func:`export_table`.

- **Chinese text** survives: ``.csv`` is UTF-8 *with* a byte-order mark (``utf-8-sig``), which
  Excel on Windows needs; ``.xlsx`` is written with openpyxl.
- **No formulas** (CSV/formula injection): a text cell that starts with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return gets a leading ``'`` (the OWASP advice). In ``.xlsx`` every
  text cell is stored as a string, never as a formula. Numbers stay numbers (``-5`` too).
- **Personal data masked** (``mask=True``, the default; ``mask=False`` exports raw):

  * mainland mobile numbers (11 digits starting 13-19, also with +86 / 0086 / 86, spaces or
    dashes) become ``138****5678`` (first 3 and last 4 digits kept, country code dropped);
  * resident ID numbers (身份证: 18 characters, the last may be X; or the old 15 digits) keep
    the first 6 (region code) and last 4 characters, one ``*`` per hidden character:
    ``110105********123X`` / ``110105*****0123``;
  * in **columns named like a phone or ID column** (phone, mobile, tel, cell, 手机, 电话,
    联系方式, id_number, id_card, 身份证, 证件号) every non-empty cell is masked, numbers
    included: recognised numbers as above, anything else by hiding every digit but the last 4;
  * in **every other text cell**, mobile and ID numbers found in the text (not part of a longer
    run of digits) are masked in place; there an ID number must hold a valid birth date (so a
    15-digit order number is left alone). Numbers outside phone/ID columns are not touched.

The index is written as the first column(s) when it carries information (it has a name, or is
not the default 0, 1, 2, ... index). Computation only: the input is never modified.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from rfmkit.validation import require_columns

__all__ = ["SUPPORTED_EXTENSIONS", "export_table", "mask_text", "neutralise"]

SUPPORTED_EXTENSIONS = (".csv", ".xlsx")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SENSITIVE_PARTS = ("phone", "mobile", "手机", "电话", "联系方式", "身份证", "证件号",
                    "id_number", "idnumber", "id_card", "idcard", "id_no")
_SENSITIVE_TOKENS = ("tel", "cell")

_SEP = r"[ \-]?"
_MOBILE = re.compile(
    r"(?<![0-9])(?:(?:\+|00)?86" + _SEP + r")?(1[3-9][0-9])" + _SEP + r"([0-9]{4})" + _SEP
    + r"([0-9]{4})(?![0-9])"
)
_ID18 = re.compile(r"(?<![0-9A-Za-z])([0-9]{6})([0-9]{8})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])([0-9]{6})([0-9]{6})([0-9]{3})(?![0-9A-Za-z])")
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
    """Mask one cell of a phone/ID column: always, whatever it holds."""
    if _is_missing(value) or isinstance(value, (bool, np.bool_)):
        return value
    whole_number = isinstance(value, (int, np.integer)) or (
        isinstance(value, (float, np.floating)) and float(value).is_integer())
    stripped = (str(int(value)) if whole_number else str(value)).strip()
    if stripped == "":
        return value
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


def neutralise(text: str) -> str:
    """Prefix ``text`` with ``'`` when it starts with = + - @ tab or carriage return, so a
    spreadsheet shows it as text instead of running it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _is_missing(value) -> bool:
    try:
        missing = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return np.ndim(missing) == 0 and bool(missing)


def _is_sensitive(name: str) -> bool:
    lowered = name.lower()
    if any(part in lowered for part in _SENSITIVE_PARTS):
        return True
    tokens = re.split(r"[^a-z0-9]+", lowered)
    return any(token in _SENSITIVE_TOKENS for token in tokens)


def _header(value) -> str:
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value if not _is_missing(v) and str(v) != "")
    return str(value)


def _prepare(df: pd.DataFrame, mask: bool, neutralise_text: bool) -> pd.DataFrame:
    """A copy of ``df`` ready to write: index as columns, masked, formulas neutralised."""
    frame = df.copy()
    default_index = (isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
                     and frame.index.step == 1 and frame.index.names == [None])
    if not default_index:
        names = [n if n is not None else ("index" if frame.index.nlevels == 1 else f"level_{i}")
                 for i, n in enumerate(frame.index.names)]
        frame.index = frame.index.set_names(names)
        frame = frame.reset_index()
    headers = [_header(c) for c in frame.columns]
    out = {}
    for position, header in enumerate(headers):
        values = frame.iloc[:, position]
        sensitive = mask and _is_sensitive(header)
        textual = values.dtype.kind not in "biufcmM"  # not numbers, booleans or times
        if sensitive or textual:
            cells = list(values.astype(object).to_numpy())
            if sensitive:
                cells = [_mask_sensitive(v) for v in cells]
            elif mask:
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
    if isinstance(value, (bool, int, float, Decimal, _dt.date, _dt.time, _dt.timedelta)):
        return value
    return _ILLEGAL.sub("", str(value))


def _check_sheet_name(name) -> str:
    if not isinstance(name, str) or not 1 <= len(name) <= 31 or re.search(r"[\[\]:*?/\\]", name):
        raise ValueError(
            f"sheet_name must be 1-31 characters without [ ] : * ? / \\, got {name!r}"
        )
    return name


def _write_xlsx(frame: pd.DataFrame, path: Path, sheet_name: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    bold = Font(bold=True)
    for col, header in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=col)
        cell.value = _excel_value(header)
        cell.data_type = "s"
        cell.font = bold
    for row_number, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for col, raw in enumerate(row, start=1):
            value = _excel_value(raw)
            if value is None:
                continue
            cell = sheet.cell(row=row_number, column=col)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text is text: never stored as a formula
            elif isinstance(value, _dt.datetime):
                midnight = value.time() == _dt.time(0, 0)
                cell.number_format = "yyyy-mm-dd" if midnight else "yyyy-mm-dd hh:mm:ss"
            elif isinstance(value, _dt.date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    workbook.save(path)


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
        raise ValueError(
            f"cannot export to {target.name!r}: the extension must be one of "
            f"{list(SUPPORTED_EXTENSIONS)}"
        )
    if extension == ".xlsx":
        _check_sheet_name(sheet_name)
    frame = _prepare(df, bool(mask), bool(neutralise_formulas))
    if extension == ".csv":
        frame.to_csv(target, index=False, encoding="utf-8-sig")
    else:
        _write_xlsx(frame, target, sheet_name)
    return target
