"""UpliftExplorer: move the round-1 targets of the Sam's Club case and watch A1..A4 change
(computation in :mod:`rfmkit.case`)."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from rfmkit.case import DEFAULT_TARGETS, campaign_uplift, group_summary
from rfmkit.charts.case import group_counts_chart
from rfmkit.labels import label
from rfmkit.widgets._base import Explorer, whole_percent

SLIDER_RANGES = {"visits": (0, 100), "ticket": (0, 100)}  # whole percent
SLIDER_STEP = 5  # a drag moves in steps of 5 % (about 16 px each); any whole percent can be set


class UpliftExplorer(Explorer):
    """Sliders for the round-1 targets, the A1..A4 table and the members-per-group chart.

    ``before`` and ``after`` are last month's and this month's visits and sales per member, as
    for :func:`rfmkit.campaign_uplift` (e.g. ``UpliftExplorer(*rk.campaign_frames(campaign))``).
    ``visits_target`` and ``ticket_target`` are the starting targets as fractions (the case's
    0.50 and 0.40); they must be whole percents. ``chart=False`` leaves the chart out.

    The sliders hold the targets in **whole percent** (``.visits_slider`` 0-100,
    ``.ticket_slider`` 0-100; they move in steps of 5 when dragged, and any whole percent can be
    set with ``.value``). Moving one regroups every member with the same rule as
    :func:`rfmkit.campaign_uplift` (reaching a target exactly counts as meeting it).

    State: ``.targets`` (fractions in use), ``.uplift`` (:func:`rfmkit.campaign_uplift`),
    ``.summary`` = ``.result`` (:func:`rfmkit.case.group_summary`), ``.counts`` (group code ->
    members).
    """

    def __init__(
        self,
        before: pd.DataFrame,
        after: pd.DataFrame,
        *,
        visits_target: float = DEFAULT_TARGETS["visits"],
        ticket_target: float = DEFAULT_TARGETS["ticket"],
        chart: bool = True,
    ):
        start = {key: whole_percent(target, f"{key}_target", *SLIDER_RANGES[key])
                 for key, target in (("visits", visits_target), ("ticket", ticket_target))}
        super().__init__(chart)
        self.before = before
        self.after = after
        # Check the data once, plainly, before any control exists.
        campaign_uplift(before, after, self._targets_for(start["visits"], start["ticket"]))
        self.visits_slider, self.ticket_slider = (
            self.slider(f"widget.{key}_target", *SLIDER_RANGES[key], start[key], SLIDER_STEP,
                        readout_format="d") for key in ("visits", "ticket"))
        self.rule_text = w.HTML()
        self.layout(w.HTML(f"<i>{label('widget.targets_hint')}</i>"), self.visits_slider,
                    self.ticket_slider, self.rule_text)
        self._refresh()
        self.watch(self._refresh, self.visits_slider, self.ticket_slider)

    @staticmethod
    def _targets_for(visits_pct: int, ticket_pct: int) -> dict[str, float]:
        # v / 100 is the float nearest to the whole percent; campaign_uplift reads it back as
        # the exact decimal (e.g. 0.35), so the edges stay exact.
        return {"visits": visits_pct / 100, "ticket": ticket_pct / 100}

    # ---- state and views ----------------------------------------------------------------
    def _compute(self) -> None:
        """Regroup with the slider values and redraw the rule and the table (not the chart)."""
        self.targets = self._targets_for(int(self.visits_slider.value),
                                         int(self.ticket_slider.value))
        self.uplift = campaign_uplift(self.before, self.after, self.targets)
        self.summary = self.result = group_summary(self.uplift)
        self.counts = {str(code): int(n) for code, n in self.summary["members"].items()}
        self.rule_text.value = label("case_rule.round_one").format(
            visits=int(self.visits_slider.value), ticket=int(self.ticket_slider.value))
        self.show_table(self.table_output, self.summary)

    def _chart(self, fig):
        return group_counts_chart(self.uplift, fig=fig)
