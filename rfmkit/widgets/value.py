"""Explorers for notebooks 03-05: the customer pyramid, lifetime value and lifecycle stages.

- :class:`PyramidExplorer`: tier shares and the value basis -> tier summary and pyramid.
- :class:`CLVExplorer`: discount rate, years, margin and retention -> CLVs, customer equity
  and their distribution.
- :class:`StageExplorer`: the two day thresholds -> stage counts, purchases x stage and chart.
"""

from __future__ import annotations

import ipywidgets as w
import numpy as np
import pandas as pd

from rfmkit.charts.value import clv_histogram, pyramid_chart, stage_chart
from rfmkit.labels import error_text, label
from rfmkit.lifecycle import (
    lifecycle_stages,
    one_time_sleeping_or_lost,
    stage_by_purchases,
    stage_summary,
)
from rfmkit.validation import require_columns
from rfmkit.value import (
    DEFAULT_SHARES,
    clv_table,
    equity_summary,
    pyramid_tiers,
    tier_summary,
    yearly_cash_flows,
)
from rfmkit.widgets._base import Explorer, whole_percent

# the pyramid table's money columns when customers are ranked by lifetime value
_CLV_COLUMNS = {"revenue": "clv_total", "revenue_share": "clv_share", "average": "average_clv"}


# ---- the customer pyramid -------------------------------------------------------------------
class PyramidExplorer(Explorer):
    """Sliders for the tier shares and a choice of value, with the tier table and the pyramid.

    ``table`` is an RFM table (its ``monetary`` column, spend in yuan) or a Series of values
    per customer; ``clv_values`` (optional) is each customer's lifetime value, e.g. from
    :func:`rfmkit.clv`, for the same customers: then the *rank by* buttons switch between spend
    M and lifetime value CLV. ``shares`` are the starting tier shares (fractions, default 1 %,
    19 %, 30 %, 50 %); ``basis`` is ``"monetary"`` or ``"clv"``; ``chart=False`` leaves the
    pyramid out.

    Controls: ``.gold`` (% of customers, 0.5-10 in steps of 0.5), ``.silver`` (1-40 %),
    ``.bronze`` (1-45 %) and ``.basis``; iron always takes the rest (at least 5 %).
    Current state: ``.tiers`` (:func:`rfmkit.pyramid_tiers`), ``.result`` and ``.summary``
    (:func:`rfmkit.tier_summary` with the key-customer row ``"key"``), ``.shares`` (the four
    fractions in use). When ranking by CLV the table's money columns hold lifetime value (the
    table shown then says "total CLV"; ``.result`` keeps the column names ``revenue``...).
    """

    def __init__(self, table, clv_values=None, *, shares=DEFAULT_SHARES,
                 basis: str = "monetary", chart: bool = True):
        if isinstance(table, pd.DataFrame):
            if "monetary" not in table.columns:
                raise ValueError(error_text("widgets.no_monetary", columns=list(table.columns)))
            monetary = table["monetary"]
        else:
            monetary = pd.Series(table)
        if len(monetary) == 0:
            raise ValueError(error_text("widgets.no_customers"))
        self._values = {"monetary": monetary}
        if clv_values is not None:
            clv_values = pd.Series(clv_values)
            if len(clv_values) != len(monetary) or set(clv_values.index) != set(monetary.index):
                raise ValueError(error_text("widgets.clv_customers"))
            self._values["clv"] = clv_values.reindex(monetary.index)
        if basis not in self._values:
            raise ValueError(error_text("one_of", what="basis", options=list(self._values),
                                        value=basis))
        gold, silver, bronze, _ = (round(100 * float(s), 6) for s in shares)
        if not (0.5 <= gold <= 10 and 1 <= silver <= 40 and 1 <= bronze <= 45
                and gold + silver + bronze <= 95):
            raise ValueError(error_text("widgets.shares_range", shares=tuple(shares)))
        super().__init__(chart)
        self.gold = self.slider("widget.gold_share", 0.5, 10.0, gold, 0.5, whole=False,
                                readout_format=".1f")
        self.silver = self.slider("widget.silver_share", 1, 40, int(silver))
        self.bronze = self.slider("widget.bronze_share", 1, 45, int(bronze))
        self.basis = self.buttons("widget.basis", [(label(f"basis.{name}"), name)
                                                   for name in self._values], basis)
        self.iron_text = w.HTML()
        self.layout(self.basis, self.gold, self.silver, self.bronze, self.iron_text)
        self._refresh()
        self.watch(self._refresh, self.gold, self.silver, self.bronze, self.basis)

    def _current_shares(self) -> tuple[float, float, float, float]:
        gold, silver, bronze = float(self.gold.value), self.silver.value, self.bronze.value
        iron = 100 - gold - silver - bronze
        if iron < 5:
            # never reached with the sliders' limits; kept so that shares stay valid
            raise ValueError(error_text("widgets.iron", iron=iron))
        return gold / 100, silver / 100, bronze / 100, iron / 100

    def _compute(self) -> None:
        self.shares = self._current_shares()
        self.tiers = pyramid_tiers(self._values[self.basis.value], self.shares)
        self.summary = self.result = tier_summary(self.tiers, with_key_row=True)
        self.iron_text.value = label("widget.iron_rest").format(iron=f"{100 * self.shares[3]:g}")
        shown = self.summary
        if self.basis.value == "clv":
            shown = shown.rename(columns=_CLV_COLUMNS)
        self.show_table(self.table_output, shown)

    def _chart(self, fig):
        return pyramid_chart(self.summary, self.basis.value, fig=fig)


# ---- lifetime value -------------------------------------------------------------------------
class CLVExplorer(Explorer):
    """Sliders for the CLV assumptions, with customer equity and the CLV distribution.

    ``spend`` is each customer's spend in yuan over the last year (e.g.
    :func:`rfmkit.value.yearly_spend`). For every customer the expected yearly net cash flow is
    spend x margin in year 1, then a share ``retention`` of that each later year
    (:func:`rfmkit.value.yearly_cash_flows` with one year of history), discounted at the rate r
    over n years (:func:`rfmkit.clv`).

    Controls, all in whole percent or years: ``.rate`` (0-30 %), ``.years`` (1-10),
    ``.margin`` (1-100 %), ``.retention`` (0-100 %). Current state: ``.flows`` (customers x
    years), ``.values`` (:func:`rfmkit.value.clv_table`: undiscounted, clv, discounted_away),
    ``.clv`` (Series), ``.equity`` (yuan) and ``.result`` (:func:`rfmkit.value.equity_summary`:
    customers, customer equity, average and median CLV, undiscounted total).
    """

    def __init__(self, spend, *, rate: float = 0.10, years: int = 5, margin: float = 0.25,
                 retention: float = 0.40, chart: bool = True):
        spend = pd.Series(spend)
        if len(spend) == 0:
            raise ValueError(error_text("widgets.no_customers"))
        super().__init__(chart)
        self.spend = spend
        if isinstance(years, bool) or int(years) != years or not 1 <= years <= 10:
            raise ValueError(error_text("widgets.years", years=years))
        self.rate = self.slider("widget.rate", 0, 30, whole_percent(rate, "rate", 0, 30))
        self.years = self.slider("widget.years", 1, 10, int(years))
        self.margin = self.slider("widget.margin", 1, 100,
                                  whole_percent(margin, "margin", 1, 100))
        self.retention = self.slider("widget.retention", 0, 100,
                                     whole_percent(retention, "retention", 0, 100))
        self.assumptions = w.HTML()
        self.layout(self.rate, self.years, self.margin, self.retention, self.assumptions)
        self._refresh()
        self.watch(self._refresh, self.rate, self.years, self.margin, self.retention)

    def _compute(self) -> None:
        self.flows = yearly_cash_flows(self.spend, years=self.years.value,
                                       margin=self.margin.value / 100,
                                       retention=self.retention.value / 100, history_years=1)
        self.values = clv_table(self.flows, self.rate.value / 100)
        self.clv = self.values["clv"].rename("clv")
        self.result = equity_summary(self.clv, self.values["undiscounted"])
        self.equity = float(self.result.at["all", "customer_equity"])
        self.assumptions.value = label("widget.clv_assumptions").format(
            margin=self.margin.value, retention=self.retention.value, years=self.years.value,
            rate=self.rate.value)
        self.show_table(self.table_output, self.result)

    def _chart(self, fig):
        return clv_histogram(self.clv, fig=fig)


# ---- lifecycle stages -----------------------------------------------------------------------
class StageExplorer(Explorer):
    """Two sliders for the stage thresholds, with stage counts, purchases x stage and a chart.

    ``table`` is an RFM table (``recency_days`` and ``frequency``); ``active_days`` and
    ``sleeping_days`` are the starting thresholds (:func:`rfmkit.lifecycle_stages`);
    ``max_count`` is where the purchase counts are pooled ("5+"); ``chart=False`` leaves the
    chart out.

    Controls: ``.active_days`` and ``.sleeping_days`` (days, 0 up to the largest recency + 1).
    The active threshold must stay below the sleeping one: moving one past the other pushes
    the other along (one day apart). Current state: ``.stages``, ``.result`` (the stage counts,
    :func:`rfmkit.lifecycle.stage_summary`), ``.cross`` (purchases x stage with an ``"all"``
    row) and ``.one_time_share`` (% of one-time buyers sleeping or lost).
    """

    def __init__(self, table: pd.DataFrame, active_days: int = 90, sleeping_days: int = 180,
                 *, max_count: int = 5, chart: bool = True):
        require_columns(table, {"recency_days": "days", "frequency": "orders"}, "table")
        if len(table) == 0:
            raise ValueError(error_text("rfm.no_customers"))
        top = int(np.ceil(table["recency_days"].max())) + 1
        if not 0 <= active_days < sleeping_days <= top:
            raise ValueError(error_text("widgets.thresholds", top=top, active_days=active_days,
                                        sleeping_days=sleeping_days))
        super().__init__(chart)
        self.table = table
        self.max_count = max_count
        self.active_days = self.slider("widget.active_days", 0, top - 1, int(active_days))
        self.sleeping_days = self.slider("widget.sleeping_days", 1, top, int(sleeping_days))
        self.rule_text = w.HTML()
        self.cross_output = w.Output()
        self.layout(self.active_days, self.sleeping_days, self.rule_text,
                    extra=[self.cross_output])
        self._refresh()
        self.watch(self._on_active, self.active_days)
        self.watch(self._on_sleeping, self.sleeping_days)

    def _on_active(self) -> None:
        if self.active_days.value >= self.sleeping_days.value:
            with self.quiet():  # push the other along
                self.sleeping_days.value = self.active_days.value + 1
        self._refresh()

    def _on_sleeping(self) -> None:
        if self.sleeping_days.value <= self.active_days.value:
            with self.quiet():
                self.active_days.value = self.sleeping_days.value - 1
        self._refresh()

    def _compute(self) -> None:
        a, s = self.active_days.value, self.sleeping_days.value
        self.stages = lifecycle_stages(self.table, a, s)
        self.result = stage_summary(self.stages)
        self.cross = stage_by_purchases(self.table, self.stages, self.max_count, with_total=True)
        self.one_time_share = one_time_sleeping_or_lost(self.cross)
        text = label("widget.stage_rule").format(a=a, s=s)
        if not np.isnan(self.one_time_share):
            text += " " + label("widget.one_time").format(share=f"{self.one_time_share:.1f}")
        self.rule_text.value = text
        self.show_table(self.table_output, self.result)
        self.show_table(self.cross_output, self.cross)

    def _chart(self, fig):
        return stage_chart(self.cross, active_days=self.active_days.value,
                           sleeping_days=self.sleeping_days.value, fig=fig)
