"""Every name a student sees, in Chinese and English, switched in one place.

Call ``rfmkit.use_language("zh")`` or ``rfmkit.use_language("en")`` once at the top of a
notebook; tables (through :func:`localise`), charts and widgets then use that language.
Computation functions always return the canonical English column names listed in
``labels.toml`` (the table of every name, one entry a key with its ``zh`` and ``en``), so code
written against them keeps working whichever language is shown.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

from rfmkit._toml import load_toml

LANGUAGES = ("zh", "en")

# key -> (Chinese, English), from labels.toml next to this module: every name and message of the
# kit (the exercises' own texts are in exercises/nbNN.toml). rfmkit.rfm adds the segment names
# of its scheme table.
LABELS: dict[str, tuple[str, str]] = {
    key: (texts["zh"], texts["en"]) for key, texts in load_toml("labels.toml").items()
}

# Columns whose values are codes: localise() shows each value by its "<kind>.<code>" label.
CODE_COLUMNS = {
    "segment": "segment",
    "action": "action",
    "tier": "tier",
    "stage": "stage",
    "service": "service",
    "channel": "channel",
    "preferred_channel": "channel",
    "category": "category",
    "favourite_category": "category",
    "status": "status",
    "lesson": "segment",
    "classic8": "segment",
    "nps_group": "nps",
    "holiday": "holiday",
    "group": ("case_group", "segment", "tier", "nps"),
    "metric": "case_metric",
    "case_reading": "decile_reading",
    "check": "capstone_check",
    "cost": "capstone_cost",
    "passed": "yes_no",
    "purchases": "purchases",
    "field_value": ("profile_value", "channel"),
    # application-form answers (the Sam's Club members)
    "gender": "profile_value",
    "occupation": "profile_value",
    "marital_status": "profile_value",
    "uses_wechat": "profile_value",
}


class _State:
    language = "en"


def use_language(language: str) -> None:
    """Show every label in ``language``: ``"zh"`` (中文) or ``"en"`` (English).

    In a notebook it also makes every DataFrame and Series display as :func:`localise` shows
    it (headers and codes as names), so a cell can end with ``table.head()``, and numpy numbers
    and truth values display as plain ``3.2`` and ``True``. Only the display changes: the
    objects, their column names and codes stay as they are.
    """
    if language not in LANGUAGES:
        raise ValueError(error_text("language", languages=LANGUAGES, value=language))
    _State.language = language
    _display_localised()


def warning_text(warning: Warning) -> str:
    """The text of an rfmkit warning in the current language (its English text otherwise)."""
    key = getattr(warning, "key", None)
    if key is None or f"warning.{key}" not in LABELS:
        return str(warning)
    fields = dict(warning.fields)
    if "metric" in fields:
        fields["metric_name"] = label(fields["metric"])
    return label(f"warning.{key}").format(**fields)


def _format_warning(message, category, filename, lineno, line=None):
    """rfmkit's warnings as one line in the current language, without the kernel's file path;
    any other warning as Python writes it."""
    if hasattr(message, "key"):
        return f"{label('warning')}: {warning_text(message)}\n"
    return _python_formatwarning(message, category, filename, lineno, line)


_python_formatwarning = warnings.formatwarning


def _display_localised() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    warnings.formatwarning = _format_warning
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(pd.DataFrame, _localised_html)
    for kind in PLAIN_SCALARS:
        formatters["text/plain"].for_type(kind, _plain_scalar)
    formatters["text/plain"].for_type(pd.Timestamp, _plain_timestamp)
    for kind in (pd.DataFrame, pd.Series):
        formatters["text/plain"].for_type(
            kind, lambda table, printer, cycle: printer.text(_localised_text(table)))


# numpy's truth values, numbers and texts, each type by itself (IPython uses a type's own repr
# before a printer registered for its base class np.generic)
PLAIN_SCALARS = tuple({kind for kind in np.sctypeDict.values()
                       if issubclass(kind, (np.bool_, np.number, np.str_))})


def _plain_scalar(value, printer, cycle) -> None:
    """A numpy number or truth value as Python shows its own: ``True``, ``3.2``, ``7`` (not
    ``np.True_``, ``np.float64(3.2)``, ``np.int64(7)``); a date or time as numpy shows it."""
    if isinstance(value, np.str_):
        printer.text(repr(str(value)))
    elif isinstance(value, (np.bool_, np.number)):
        printer.text(str(value))  # np.float32(0.1) as 0.1, not 0.10000000149011612
    else:
        printer.text(repr(value))


def _plain_timestamp(value: pd.Timestamp, printer, cycle) -> None:
    """A day as ``2026-06-10`` (a time of day only when there is one), not
    ``Timestamp('2026-06-10 00:00:00')``."""
    printer.text(f"{value:%Y-%m-%d}" if value == value.normalize() else str(value))


_SERIES_FOOTER = re.compile(r"^(?:Freq: \S+, )?(?:Name: (?P<name>.*?), )?(?:Length: (?P<n>\d+), )?"
                            r"dtype: \S+$")


def _chinese_footer(text: str) -> str:
    """A Series' last line ``Name: 计数, dtype: int64`` as ``列名: 计数`` (no dtype)."""
    lines = text.split("\n")
    found = _SERIES_FOOTER.match(lines[-1])
    if found is None:
        return text
    parts = []
    if found["name"] is not None:
        parts.append(label("text.series_name").format(name=found["name"]))
    if found["n"] is not None:
        parts.append(label("text.series_length").format(n=found["n"]))
    return "\n".join(lines[:-1] + ([", ".join(parts)] if parts else []))


def _localised_html(frame: pd.DataFrame) -> str:
    # whole texts: a suggested action or a reason cut to "raise th..." cannot be read
    with pd.option_context("display.max_colwidth", None):
        return localise(frame)._repr_html_()


def _localised_text(table) -> str:
    with pd.option_context("display.max_colwidth", None):
        text = repr(localise(table))
    if isinstance(table, pd.Series) and _State.language == "zh":
        text = _chinese_footer(text)
    return text


def current_language() -> str:
    """Return the language labels are shown in now: ``"zh"`` or ``"en"``."""
    return _State.language


def label(key: str) -> str:
    """Return the label for ``key`` in the current language (the key itself if it has none)."""
    pair = LABELS.get(key)
    return key if pair is None else pick(*pair)


def pick(zh: str, en: str) -> str:
    """Return ``zh`` or ``en`` by the current language (for names kept in data tables)."""
    return zh if _State.language == "zh" else en


def name(kind: str | tuple[str, ...], code) -> str:
    """Return the current-language name of a code, e.g. ``name("tier", "gold")`` -> "gold" or
    "金质客户"; ``kind`` may be several kinds, tried in order. A code without a name is shown
    as it is."""
    for each in (kind,) if isinstance(kind, str) else kind:
        key = f"{each}.{code}"
        if key in LABELS:
            return label(key)
    return str(code)


def code_table(kind: str) -> pd.DataFrame:
    """The codes of ``kind`` (``"segment"``, ``"tier"``, ``"stage"``, ``"service"``,
    ``"channel"``, ``"category"``, ...) with their names in the current language: the codes are
    what pandas code compares with (``table["segment"] == "maintain"``), the names are what
    tables show. ``kind="column"``: the column names to write in code and the headers tables
    show for them. An unknown kind raises a ValueError listing the kinds."""
    if kind == "column":
        codes = [key for key in LABELS if "." not in key]
        return pd.DataFrame({"code": codes, "name": [label(c) for c in codes]})
    prefix = f"{kind}."
    codes = [key[len(prefix):] for key in LABELS
             if key.startswith(prefix) and not key[len(prefix):].startswith("(")]
    if not codes:
        kinds = sorted({"column"} | {each for kinds in CODE_COLUMNS.values()
                                     for each in ((kinds,) if isinstance(kinds, str) else kinds)})
        raise ValueError(error_text("unknown_kind", kind=kind, kinds=kinds))
    return pd.DataFrame({"code": codes, "name": [name(kind, c) for c in codes]})


def _named(values: pd.Series | pd.Index, kind):
    return values.map(lambda code: name(kind, code) if isinstance(code, (str, bool, np.bool_))
                      else code)


def _named_levels(index: pd.MultiIndex) -> pd.MultiIndex:
    """A MultiIndex with code levels shown as names; a ``field`` level names columns."""
    levels = []
    for number, level in enumerate(index.names):
        values = index.get_level_values(number)
        if level == "field":
            values = values.map(lambda code: label(code) if isinstance(code, str) else code)
        elif level in CODE_COLUMNS:
            values = _named(values, CODE_COLUMNS[level])
        levels.append(values)
    return pd.MultiIndex.from_arrays(levels, names=index.names)


def localise(table: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """Return a copy of ``table`` as a student reads it, in the current language.

    Column and index names become labels, and the values of code columns (``segment``,
    ``tier``, ``stage``, ``service``, ``channel``, ``category``, ... see ``CODE_COLUMNS``) and
    of a code index become names. A table with a product's ``name`` and ``name_zh`` shows one
    name column, in the current language; a customer's ``name`` is shown as 姓名. The numbers
    are not changed.
    """
    out = table.copy()
    if isinstance(out, pd.DataFrame) and {"name", "name_zh"} <= set(out.columns):
        # a product's name in the data's two languages: show the one of the current language
        if _State.language == "zh":
            out["name"] = out["name_zh"]
        out = out.drop(columns="name_zh")
    elif isinstance(out, pd.DataFrame) and "name" in out.columns and (
            out.index.name == "customer_id" or "customer_id" in out.columns):
        out = out.rename(columns={"name": "customer_name"})  # a person's name: 姓名, not 名称
    if isinstance(out, pd.DataFrame) and {"row", "reason"} <= set(out.columns) and \
            _State.language == "zh":
        from rfmkit.io import reason_code  # a reader's rejected rows: reasons by their code

        out["reason"] = [label(f"read_reason.{reason_code(r)}")
                         if f"read_reason.{reason_code(r)}" in LABELS else r
                         for r in out["reason"]]
    if isinstance(out, pd.DataFrame):
        for column in out.columns:
            if column in CODE_COLUMNS:
                out[column] = _named(out[column], CODE_COLUMNS[column])
        out.columns = [label(c) if isinstance(c, str) else c for c in out.columns]
    else:
        if out.name in CODE_COLUMNS:
            out = _named(out, CODE_COLUMNS[out.name])
        out.name = label(out.name) if isinstance(out.name, str) else out.name
        if out.index.name is None and out.index.map(
                lambda v: isinstance(v, str) and v in LABELS).all():
            out.index = out.index.map(label)  # e.g. table.mean(): one value per column
    if out.index.nlevels == 1 and out.index.name is None and {"count", "mean"} <= \
            set(out.index) <= {key[len("describe."):] for key in LABELS
                               if key.startswith("describe.")}:
        out.index = out.index.map(lambda stat: label(f"describe.{stat}"))  # a describe()
    if out.index.nlevels == 1 and out.index.name in CODE_COLUMNS:
        out.index = _named(out.index, CODE_COLUMNS[out.index.name])
    elif out.index.nlevels > 1:
        out.index = _named_levels(out.index)
    out.index.names = [label(n) if isinstance(n, str) else n for n in out.index.names]
    return out


def error_text(key: str, /, **values) -> str:
    """The message of rfmkit's error ``key`` in the current language: ``LABELS["error.<key>"]``
    filled in with ``values`` (``str.format``), e.g.
    ``raise ValueError(error_text("not_a_date", what="asof", value=asof))``. Every error rfmkit
    raises is worded here, once, in Chinese and English (tests/test_errors_bilingual.py)."""
    return pick(*LABELS[f"error.{key}"]).format(**values)


def column_text(column: str) -> str:
    """A column as an error message names it: ``'amount'`` in English; in Chinese its display
    name and the name to write in code, ``「金额 (元)」(amount)``."""
    if _State.language != "zh":
        return repr(column)
    shown = LABELS.get(column, (column,))[0] if isinstance(column, str) else str(column)
    return f"「{shown}」({column})" if shown != column else f"「{column}」"


def column_hint(column: str, english: str) -> str:
    """A column and what it should hold, for a missing-column message: ``'amount' (the line
    amount in yuan)``; in Chinese ``「金额 (元)」(amount): 应为每行的订单金额 (元)`` when the
    column has a ``hint.<column>`` label, else its name alone."""
    hint = LABELS.get(f"hint.{column}")
    if _State.language == "zh" and hint is None:
        return column_text(column)
    return error_text("column_hint", column=column_text(column),
                      hint=hint[0] if _State.language == "zh" else english)

