"""The display step of personalised service: names and sentences in the current language.

Computation (plan, rules, care calendar, complaints) returns codes, numbers and dates; the
functions here turn them into what a student reads, from the labels of :mod:`rfmkit.labels`
(``service.<code>``, ``channel.<code>``, ``condition.<key>``, ``when.<code>``, ...).
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping

import numpy as np
import pandas as pd

from rfmkit.labels import error_text, label, name, pick
from rfmkit.service.care import holiday_calendar
from rfmkit.service.rules import CONDITIONS, DEFAULT_RULES, Codes, is_blank, load_rules, within_days
from rfmkit.validation import as_day

# code column -> (name column added next to it, label kind)
_NAMED = (("segment", "segment_name", "segment"), ("tier", "tier_name", "tier"),
          ("stage", "stage_name", "stage"), ("favourite_category", "category_name", "category"),
          ("preferred_channel", "channel_name", "channel"), ("channel", "channel_name", "channel"),
          ("service", "service_name", "service"), ("holiday", "holiday_name", "holiday"),
          ("holiday", "greeting", "greeting"), ("code", "step_name", "step"),
          ("status", "status_name", "status"))
_TEMPLATE_FIELDS = ("name", "service_name", "when", "category", "customer_id")


def in_language(value) -> str:
    """Text in the current language for text or a (Chinese, English) pair ("" when blank)."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return pick(str(value[0]), str(value[1]))
    return "" if is_blank(value) else str(value)


def with_names(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with the names of its codes, in the current language.

    Adds ``segment_name``, ``tier_name``, ``stage_name``, ``category_name`` (of
    ``favourite_category``), ``channel_name`` (of ``preferred_channel`` or ``channel``),
    ``service_name``, ``holiday_name`` and ``greeting``, ``step_name`` (of a complaint step
    ``code``) and ``status_name`` after the columns, for the code columns that exist; missing
    codes stay missing. A complaint's ``owner`` and ``note`` are shown in the current language.
    """
    result = table.copy()
    for column, target, kind in _NAMED:
        if column in result.columns:
            result[target] = [np.nan if is_blank(v) else name(kind, v) for v in result[column]]
    if "owner" in result.columns:
        result["owner"] = [name("owner", in_language(v)) for v in result["owner"]]
    if "note" in result.columns:
        result["note"] = [in_language(v) for v in result["note"]]
    return result


def _fill(key: str, fields: Mapping) -> str:
    """The label ``key`` filled with ``fields`` (codes named, dates as text, days counted)."""
    shown = {}
    for field, value in fields.items():
        if isinstance(value, Codes):
            value = " / ".join(str(v) if value.kind is None else name(value.kind, v)
                               for v in value.values)
        elif isinstance(value, pd.Timestamp):
            value = f"{value:%Y-%m-%d}"
        elif isinstance(value, (float, np.floating)) and float(value).is_integer():
            value = int(value)
        shown[field] = value
    if "days" in fields:
        shown["days"] = label("text.day" if fields["days"] == 1 else "text.days").format(
            n=fields["days"])
    return label(key).format(**shown)


def features_text(row: Mapping | pd.Series) -> str:
    """The 客户特征 cell for one customer, in the current language.

    Example: ``"important: maintain · gold · active · favourite: snacks · 26-35 · WeChat"``
    (segment, tier, stage, favourite category, age band, preferred channel; missing parts are
    left out).
    """
    parts = []
    for column, kind in (("segment", "segment"), ("tier", "tier"), ("stage", "stage"),
                         ("favourite_category", "category"), ("age_band", None),
                         ("preferred_channel", "channel")):
        value = row.get(column)
        if not is_blank(value):
            text = str(value) if kind is None else name(kind, value)
            parts.append(f"{label('text.favourite')}: {text}" if kind == "category" else text)
    return " · ".join(parts)


def _segments_of(codes, scheme: str) -> tuple[str, dict]:
    """A segment condition in one scheme's names: codes of other schemes are left out, and a
    list of almost every segment is written as "all but ..." (the label and its fields)."""
    from rfmkit.rfm import scheme_table

    in_scheme = list(scheme_table(scheme)["segment"])
    shown = [code for code in codes if code in in_scheme]
    if not shown:  # a rule only about another scheme's segments: show them as they are
        return CONDITIONS["segment"].describe(codes)
    rest = [code for code in in_scheme if code not in shown]
    if rest and len(rest) < len(shown):
        return "condition.segment_except", {"values": Codes("segment", tuple(rest))}
    return "condition.segment", {"values": Codes("segment", tuple(shown))}


def condition_text(condition: Mapping, scheme: str | None = None) -> str:
    """A rule's condition as a sentence, e.g. "birthday within 14 days".

    With ``scheme`` (``"lesson"`` or ``"classic8"``) a segment list is written in that scheme's
    names only (see :func:`rules_table`)."""
    if not condition:
        return label("condition.everyone_else")
    return label("text.and").join(
        _fill(*(_segments_of(value, scheme) if key == "segment" and scheme is not None
                else CONDITIONS[key].describe(value)))
        for key, value in condition.items())


@functools.lru_cache(maxsize=8)
def _holidays_of(year: int) -> dict:
    """date -> the (first) holiday code on that date, for one year."""
    calendar = holiday_calendar(year, year).drop_duplicates("date")
    return dict(zip(calendar["date"], calendar["holiday"], strict=True))


def when_text(when: str, date=None, *, planned: bool = False) -> str:
    """When a service is given: the rule's ``when`` as text; with ``planned=True`` the text for
    one customer's ``when_date`` (NaT when the rule gives no fixed day)."""
    n = within_days(when)
    code = "when.within_days" if n is not None else f"when.{when}"
    dated = planned and not is_blank(date)
    if dated and when == "next_holiday":
        return f"{name('holiday', _holidays_of(date.year)[date])} ({date:%Y-%m-%d})"
    if planned and not dated and when == "on_birthday":
        code += ".unknown"
    return _fill(code + (".dated" if dated else ""), {"n": n, "date": date})


def _service_names(table: pd.DataFrame):
    custom = {s: pick(z, e) for s, z, e in zip(table["service"], table["service_zh"],
                                               table["service_en"], strict=True)
              if not is_blank(z)}
    return lambda code: custom.get(code) or name("service", code)


def rules_table(rules=DEFAULT_RULES, scheme: str | None = "lesson") -> pd.DataFrame:
    """The rules as a readable table (current language): priority, rule, condition, service,
    service_name, channel (the default channel's name), when. In the order they are tried.

    The conditions name customer types in one scheme's names, ``scheme`` (the lesson's six
    types by default, as :func:`customer_features` groups customers): codes of the other scheme
    in a rule (the default rules also serve classic8 segments) are not shown, and a list of all
    the scheme's types but one or two reads "all but ...". ``scheme=None`` shows every code."""
    table = load_rules(rules)
    service_name = _service_names(table)
    return pd.DataFrame({
        "priority": table["priority"].to_numpy(),
        "rule": table["rule"].to_numpy(),
        "condition": [condition_text(c, scheme) for c in table["condition"]],
        "service": table["service"].to_numpy(),
        "service_name": [service_name(s) for s in table["service"]],
        "channel": [name("channel", c) for c in table["channel"]],
        "when": [when_text(w) for w in table["when"]],
    })


def describe_plan(plan: pd.DataFrame, features: pd.DataFrame, asof,
                  rules=DEFAULT_RULES) -> pd.DataFrame:
    """The service plan as a student reads it (顾客ID | 客户特征 | 个性化服务), current language.

    Takes a plan from :func:`rfmkit.service.plan.service_plan` and the ``features``, ``asof``
    and ``rules`` it was made with. Returns ``customer_id``, ``name``, ``features`` (see
    :func:`features_text`), ``service``, ``service_name``, ``also`` (names, "; "-separated),
    ``channel``, ``channel_name``, ``when`` (text), ``when_date``, ``rule``, ``reason`` (why
    the rule fired, e.g. "birthday: birthday in 14 days (2026-06-24)") and ``matched_rules``.
    """
    table = load_rules(rules)
    service_name = _service_names(table)
    conditions = dict(zip(table["rule"], table["condition"], strict=True))
    asof_day = as_day(asof, "asof")
    rows = features.reindex(plan["customer_id"]).to_dict("records")

    def reason(rule: str, row: Mapping) -> str:
        condition = conditions[rule]
        if not condition:
            return f"{name('rule', rule)}: {label('reason.no_other_rule')}"
        why = (_fill(*CONDITIONS[key].explain(row, value, asof_day))
               for key, value in condition.items())
        return f"{name('rule', rule)}: " + "; ".join(why)

    result = plan.assign(
        features=[features_text(row) for row in rows],
        service_name=[service_name(s) for s in plan["service"]],
        also=["; ".join(service_name(s) for s in also.split("; ") if s) for also in plan["also"]],
        channel_name=[name("channel", c) for c in plan["channel"]],
        when=[when_text(w, d, planned=True)
              for w, d in zip(plan["when"], plan["when_date"], strict=True)],
        reason=[reason(r, row) for r, row in zip(plan["rule"], rows, strict=True)],
    )
    return result[["customer_id", "name", "features", "service", "service_name", "also",
                   "channel", "channel_name", "when", "when_date", "rule", "reason",
                   "matched_rules"]]


def message_preview(row: Mapping | pd.Series, template=None) -> str:
    """The message a customer would receive for their service, in the current language.

    ``row`` is one row of :func:`describe_plan` (``service``, and ``name``, ``when``,
    ``service_name`` when available; a ``favourite_category`` is used by new-product notices).
    ``template`` may be text, or a (Chinese, English) pair, with the fields {name},
    {service_name}, {when}, {category} and {customer_id}; by default each service has its own
    template (label ``template.<service>``). A missing name becomes 客户 / customer. The same
    row always gives the same text. Raises ValueError for an unknown field in a template.
    """
    if template is None:
        key = f"template.{row.get('service')}"
        text = label(key if label(key) != key else "template.generic")
    elif isinstance(template, str) or (isinstance(template, (tuple, list))
                                       and len(template) == 2):
        text = in_language(template)
    else:
        raise ValueError(error_text("text.template"))
    fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    if unknown := sorted(fields - set(_TEMPLATE_FIELDS)):
        raise ValueError(error_text("text.unknown_fields", unknown=unknown,
                                    fields=list(_TEMPLATE_FIELDS)))
    category = row.get("favourite_category")
    return text.format(
        name=label("text.customer") if is_blank(row.get("name")) else str(row.get("name")),
        service_name=in_language(row.get("service_name")) or name("service", row.get("service")),
        when=in_language(row.get("when")) or label("text.soon"),
        category=label("text.our_shop") if is_blank(category) else name("category", category),
        customer_id=in_language(row.get("customer_id")),
    )
