"""Charts for the course (matplotlib + seaborn). Import with ``from rfmkit import charts``.

Each chart takes the data it draws, with codes (segment, tier, stage, service, channel, ...),
and returns a :class:`matplotlib.figure.Figure`; names come from :mod:`rfmkit.labels` at draw
time, in ``rfmkit.use_language``'s language. No chart calls ``plt.show()`` or changes
``plt.rcParams``: the style travels with each figure (see :mod:`rfmkit.charts._style`).
"""

from rfmkit.charts._style import apply_style, chart_name, chart_text, find_cjk_font
from rfmkit.charts.case import before_after_chart, decile_chart, group_counts_chart
from rfmkit.charts.rfm import rf_grid, rfm_distributions, segment_chart
from rfmkit.charts.service import (
    care_calendar,
    group_name,
    new_vs_returning_chart,
    nps_chart,
    preference_heatmap,
    profile_chart,
    service_mix,
    ticket_bands_chart,
)
from rfmkit.charts.value import (
    churn_chart,
    clv_histogram,
    discount_chart,
    pyramid_chart,
    stage_chart,
)

__all__ = [
    "apply_style",
    "before_after_chart",
    "care_calendar",
    "chart_name",
    "chart_text",
    "churn_chart",
    "clv_histogram",
    "decile_chart",
    "discount_chart",
    "find_cjk_font",
    "group_name",
    "group_counts_chart",
    "new_vs_returning_chart",
    "nps_chart",
    "preference_heatmap",
    "profile_chart",
    "pyramid_chart",
    "rf_grid",
    "rfm_distributions",
    "segment_chart",
    "service_mix",
    "stage_chart",
    "ticket_bands_chart",
]
