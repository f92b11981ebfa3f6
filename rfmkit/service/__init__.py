"""Serving customers differently (区别对待客户): the personalised-service kit of notebook 06.

- :mod:`~rfmkit.service.rules`: the service rules as data and one registry of condition keys;
- :mod:`~rfmkit.service.plan`: :func:`customer_features`, :func:`service_plan` (codes) and
  :func:`plan_summary`;
- :mod:`~rfmkit.service.care`: birthdays, holidays and new customers to care for;
- :mod:`~rfmkit.service.complaints`: the five complaint-handling steps;
- :mod:`~rfmkit.service.text`: the display step (names, reasons, message texts).

Computation returns codes and gives the same frame in any language; names are added by
:func:`with_names`, :func:`describe_plan`, :func:`rules_table` or ``rfmkit.localise``.
CAC and retention live in :mod:`rfmkit.metrics` (re-exported here).
"""

from rfmkit.metrics import cac, retention_counts, retention_rate
from rfmkit.service.care import (
    HOLIDAY_YEARS,
    HOLIDAYS,
    birthdays_within,
    days_to_birthday,
    holiday_greetings,
    new_customer_care,
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
    "EXAMPLE_COMPLAINT", "HOLIDAYS", "HOLIDAY_YEARS", "SERVICES", "WHEN", "Condition",
    "advance_complaint", "birthdays_within", "cac", "complaint_steps", "customer_features",
    "days_to_birthday", "describe_plan", "features_text", "holiday_greetings", "load_rules",
    "message_preview", "new_customer_care", "plan_summary", "retention_counts",
    "retention_rate", "rules_table", "service_plan", "with_names",
]
