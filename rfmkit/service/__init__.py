"""Serving customers differently (区别对待客户), notebook 06: :mod:`~rfmkit.service.rules` (rules
as data, one registry of condition keys), :mod:`~rfmkit.service.plan` (features, plan, summary),
:mod:`~rfmkit.service.care` (birthdays, holidays, new customers),
:mod:`~rfmkit.service.complaints` (the five steps) and :mod:`~rfmkit.service.text` (the display
step: names, reasons, messages). Computation returns codes, the same in any language.
CAC and retention live in :mod:`rfmkit.metrics` (re-exported here).
"""

from rfmkit.metrics import cac, retention_counts, retention_rate
from rfmkit.service.care import (
    birthdays_within,
    days_to_birthday,
    holiday_calendar,
    holiday_greetings,
    new_customer_care,
    next_holiday,
)
from rfmkit.service.complaints import (
    COMPLAINT_STEPS,
    EXAMPLE_COMPLAINT,
    advance_complaint,
    complaint_steps,
)
from rfmkit.service.plan import customer_features, plan_summary, service_plan
from rfmkit.service.rules import (
    CATEGORIES,
    CHANNELS,
    CONDITIONS,
    DEFAULT_RULES,
    SERVICE_COST,
    SERVICES,
    WHEN,
    Condition,
    load_rules,
)
from rfmkit.service.text import (
    describe_plan,
    features_text,
    message_preview,
    rules_table,
    with_names,
)

__all__ = [
    "CATEGORIES", "CHANNELS", "COMPLAINT_STEPS", "CONDITIONS", "DEFAULT_RULES",
    "EXAMPLE_COMPLAINT", "SERVICES", "SERVICE_COST", "WHEN", "Condition",
    "advance_complaint", "birthdays_within", "cac", "complaint_steps", "customer_features",
    "days_to_birthday", "describe_plan", "features_text", "holiday_calendar",
    "holiday_greetings", "next_holiday", "load_rules",
    "message_preview", "new_customer_care", "plan_summary", "retention_counts",
    "retention_rate", "rules_table", "service_plan", "with_names",
]
