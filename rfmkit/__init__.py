"""rfmkit: the helper package of the customer-value analysis (客户价值分析) course kit.

``import rfmkit`` loads only the computation layer (pandas): charts and widgets live in
``rfmkit.charts`` and ``rfmkit.widgets`` and are imported only when a notebook asks for them.
"""

from rfmkit.labels import current_language, label, localise, use_language
from rfmkit.rfm import (
    SCHEMES,
    BinsCollapsedWarning,
    rfm_flags,
    rfm_from_questionnaire,
    rfm_scores,
    rfm_segments,
    rfm_table,
    scheme_table,
    segment_summary,
)

__all__ = [
    "SCHEMES",
    "BinsCollapsedWarning",
    "current_language",
    "label",
    "localise",
    "rfm_flags",
    "rfm_from_questionnaire",
    "rfm_scores",
    "rfm_segments",
    "rfm_table",
    "scheme_table",
    "segment_summary",
    "use_language",
]
