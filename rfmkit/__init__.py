"""rfmkit: the helper package of the customer-value analysis (客户价值分析) course kit.

``import rfmkit`` loads only the computation layer (pandas): charts and widgets live in
``rfmkit.charts`` and ``rfmkit.widgets`` and are imported only when a notebook asks for them.
"""

from rfmkit.case import campaign_frames, campaign_uplift, round_two_bands, uplift_summary
from rfmkit.data import (
    COURSE_ASOF,
    load_members,
    load_orders,
    load_products,
    load_questionnaire,
    load_samsclub_campaign,
    load_samsclub_members,
    questionnaire_path,
    shop2_orders_path,
)
from rfmkit.export import export_table
from rfmkit.io import read_members, read_orders, read_questionnaire
from rfmkit.labels import code_table, current_language, label, localise, name, use_language
from rfmkit.lifecycle import churn_rate, lifecycle_stages, lifecycle_years, period_churn
from rfmkit.metrics import cac, csat, nps, retention_rate
from rfmkit.orders import order_lines, order_totals
from rfmkit.rfm import (
    SCHEMES,
    BinsCollapsedWarning,
    rfm_flags,
    rfm_from_questionnaire,
    rfm_scores,
    rfm_segments,
    rfm_table,
    scheme_comparison,
    scheme_table,
    segment_summary,
)
from rfmkit.service import customer_features, describe_plan, service_plan
from rfmkit.value import (
    clv,
    customer_equity,
    decile_table,
    delivered_value,
    pyramid_tiers,
    tier_summary,
)

__all__ = [
    "COURSE_ASOF", "SCHEMES", "BinsCollapsedWarning", "cac", "campaign_frames", "campaign_uplift",
    "churn_rate", "clv", "code_table", "csat", "current_language", "customer_equity",
    "customer_features", "decile_table", "describe_plan", "delivered_value", "export_table",
    "label", "lifecycle_stages", "lifecycle_years", "load_members", "load_orders", "load_products",
    "load_questionnaire", "load_samsclub_campaign", "load_samsclub_members", "localise", "name",
    "nps", "order_lines", "order_totals", "period_churn", "pyramid_tiers", "questionnaire_path",
    "shop2_orders_path", "read_members", "read_orders", "read_questionnaire", "retention_rate",
    "rfm_flags", "rfm_from_questionnaire", "rfm_scores", "rfm_segments", "rfm_table",
    "round_two_bands", "scheme_comparison", "scheme_table", "segment_summary", "service_plan",
    "tier_summary", "uplift_summary", "use_language"
]
