"""Widgets of notebooks 06 and 07.

- :class:`ServiceExplorer`: pick a customer type (segment) or pyramid tier and a channel, see
  those customers with their personalised service and a preview of the message they would get.
- :class:`TicketBandExplorer`: type the price-band edges and the "new customer" window, see how
  new customers' first orders fall into the bands (新客户客单价分析).
"""

from __future__ import annotations

import html
import math

import ipywidgets as w
import pandas as pd

from rfmkit.charts._style import in_code_order
from rfmkit.charts.service import ticket_bands_chart
from rfmkit.labels import error_text, label, name
from rfmkit.preferences import DEFAULT_EDGES, band_counts, first_orders
from rfmkit.service import DEFAULT_RULES, describe_plan, message_preview
from rfmkit.validation import require_columns
from rfmkit.widgets._base import CONTROL_WIDTH, DESCRIPTION, Explorer

__all__ = ["ServiceExplorer", "TicketBandExplorer", "parse_edges"]

BY_OPTIONS = ("segment", "tier")
ALL = "all"
RESULT_COLUMNS = ["customer_id", "name", "features", "service", "channel", "when", "message"]


class ServiceExplorer(Explorer):
    """Choose customers by customer type or pyramid tier and by channel; see their service.

    ``plan`` is the output of :func:`rfmkit.service.service_plan`, and ``features``,
    ``asof`` and ``rules`` are what it was made with (:func:`rfmkit.service.customer_features`'s
    ``segment`` and ``tier`` columns decide the groups). ``by`` is ``"segment"`` or ``"tier"``,
    ``group`` a segment or tier code (or ``"all"``), ``channel`` a channel code of the plan
    (or ``"all"``); ``rows`` is how many customers the table shows.

    Controls: ``.by``, ``.group``, ``.channel`` and ``.customer`` (whose message is previewed;
    the first customer of the selection by default). Current state: ``.result`` (the chosen
    customers, in plan order: customer_id, name, features, service and channel (codes), when
    and message, the text :func:`rfmkit.service.message_preview` gives) and ``.message`` (the
    previewed text, "" when nobody matches).
    """

    def __init__(self, plan: pd.DataFrame, features: pd.DataFrame, asof, *,
                 rules=DEFAULT_RULES, by: str = "segment", group: str = ALL,
                 channel: str = ALL, rows: int = 10):
        if by not in BY_OPTIONS:
            raise ValueError(error_text("one_of", what="by", options=BY_OPTIONS, value=by))
        require_columns(plan, dict.fromkeys(["customer_id", "service", "channel"], "codes"),
                        "plan")
        require_columns(features, dict.fromkeys(BY_OPTIONS, "codes"), "features")
        super().__init__(chart=False)
        self.plan = describe_plan(plan, features, asof, rules).reset_index(drop=True)
        customers = self.plan["customer_id"].to_numpy()
        self._codes = {b: features[b].reindex(customers).to_numpy(dtype=object)
                       for b in BY_OPTIONS}
        self._favourite = (features["favourite_category"].reindex(customers)
                           .to_numpy(dtype=object)
                           if "favourite_category" in features.columns else None)
        self._records = self.plan.to_dict("records")
        self.rows = int(rows)
        self.by = self.buttons("widget.choose_by", [(label(f"widget.by.{b}"), b)
                                                    for b in BY_OPTIONS], by)
        self.group = self.dropdown("widget.group", self._group_options(by))
        self.group.value = group
        self.channel = self.dropdown(
            "widget.channel", [(label("widget.all"), ALL)] + [
                (name("channel", c), c) for c in in_code_order(self.plan["channel"], "channel")],
            channel)
        self.customer = self.dropdown("widget.preview_for", [])
        self.summary_text = w.HTML()
        self.message_box = w.HTML()
        self.layout(self.by, self.group, self.channel, self.summary_text,
                    extra=[self.customer, self.message_box], chart=False)
        self._refresh()
        self.watch(self._on_by, self.by)
        self.watch(self._refresh, self.group, self.channel)
        self.watch(self._show_message, self.customer)

    # ---- controls -----------------------------------------------------------------------
    def _group_options(self, by: str) -> list[tuple[str, str]]:
        counts = pd.Series(self._codes[by]).dropna().value_counts()
        return [(label("widget.all"), ALL)] + [
            (f"{name(by, c)} ({int(counts[c]):,})", c) for c in in_code_order(counts.index, by)]

    def _on_by(self) -> None:
        with self.quiet():
            self.group.options = self._group_options(self.by.value)
            self.group.value = ALL
        self._refresh()

    # ---- state and views ----------------------------------------------------------------
    def _selected(self) -> pd.Series:
        keep = pd.Series(True, index=self.plan.index)
        if self.group.value != ALL:
            keep &= self._codes[self.by.value] == self.group.value
        if self.channel.value != ALL:
            keep &= (self.plan["channel"] == self.channel.value).to_numpy()
        return keep

    def _message_of(self, position: int) -> str:
        row = dict(self._records[position])
        if self._favourite is not None and "favourite_category" not in row:
            row["favourite_category"] = self._favourite[position]
        return message_preview(row)

    def _compute(self) -> None:
        keep = self._selected().to_numpy()
        positions = [int(i) for i in self.plan.index[keep]]
        chosen = self.plan.iloc[positions]
        columns = [c for c in RESULT_COLUMNS[:-1] if c in chosen.columns]
        result = chosen[columns].reset_index(drop=True)
        result["message"] = [self._message_of(i) for i in positions]
        self.result = result
        shown = min(self.rows, len(result))
        if len(result):
            self.summary_text.value = html.escape(
                label("widget.selection").format(n=f"{len(result):,}", shown=shown))
            self.show_table(self.table_output, result.drop(columns="message").head(self.rows),
                            index=False)
        else:
            self.summary_text.value = html.escape(label("widget.no_customers"))
            self.table_output.outputs = ()
        with self.quiet():
            self.customer.options = [
                (f"{cid} {'' if pd.isna(name) else name}".strip(), cid)
                for cid, name in zip(result["customer_id"].head(100),
                                     result.get("name", result["customer_id"]).head(100),
                                     strict=True)
            ]
            self.customer.value = result["customer_id"].iloc[0] if len(result) else None
        self._show_message()

    def _show_message(self) -> None:
        match = self.result[self.result["customer_id"] == self.customer.value]
        self.message = "" if match.empty else str(match["message"].iloc[0])
        title = html.escape(label("widget.message_preview"))
        body = html.escape(self.message) if self.message else "-"
        self.message_box.value = (f"<b>{title}</b><div style='border:1px solid #999; "
                                  f"padding:8px; max-width:640px'>{body}</div>")

# ---------------------------------------------------------------------------------------------
# first-order bands


def parse_edges(text: str) -> list[float]:
    """Band edges typed as text: ``"0, 50, 100"`` -> ``[0, 50, 100, inf]``.

    Numbers are separated by commas (Chinese commas and spaces work too); ``inf``, ``∞`` or an
    empty last item mean "no upper limit", which is added when the last number is not already
    infinite. Raises ValueError for text that is not a list of numbers or edges that do not
    increase (the message says what is wrong).
    """
    if not isinstance(text, str):
        raise ValueError(error_text("widgets.edges_text", text=text))
    parts = [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",")]
    if len(parts) == 1:
        parts = parts[0].split()
    values: list[float] = []
    for part in parts:
        if part == "":
            continue
        if part.lower() in ("inf", "∞", "+inf", "infinity"):
            values.append(math.inf)
            continue
        try:
            values.append(float(part))
        except ValueError:
            raise ValueError(error_text("widgets.not_a_number", part=part)) from None
    if not values:
        raise ValueError(error_text("widgets.no_numbers"))
    if not math.isinf(values[-1]):
        values.append(math.inf)
    if len(values) < 2:
        raise ValueError(error_text("widgets.one_band"))
    for a, b in zip(values[:-1], values[1:], strict=True):
        if not b > a:
            raise ValueError(error_text("widgets.edges_increase", a=a, b=b))
    return values


def _edges_text(edges) -> str:
    return ", ".join(f"{e:g}" for e in edges if not math.isinf(e))


class TicketBandExplorer(Explorer):
    """Type band edges and choose the "new customer" window; see the first-order bands.

    New customers are those whose first purchase is within the last ``days`` days (from
    ``asof - days`` to ``asof``, both included, as in :func:`rfmkit.service.new_customer_care`);
    their first order values are counted per band of ``edges`` (yuan, lower edge included).

    Controls: ``.edges`` (text, applied on Enter) and ``.days`` (slider). Current state:
    ``.result`` (the output of :func:`rfmkit.preferences.first_order_bands`), ``.first_orders``
    (those new customers, from :func:`rfmkit.preferences.first_orders`), ``.edges_used`` and
    ``.error`` (why typed edges were refused; the previous result is kept). ``chart=False``
    leaves the chart out.
    """

    def __init__(self, orders: pd.DataFrame, asof, *, edges=DEFAULT_EDGES, days: int = 90,
                 chart: bool = True):
        super().__init__(chart)
        self.orders = orders
        self.asof = pd.Timestamp(asof).normalize()
        self.error = ""
        self.edges_used = [float(e) for e in edges]
        span = (self.asof - pd.to_datetime(orders["order_date"]).min().normalize()).days
        self.edges = w.Text(value=_edges_text(self.edges_used), description=label("widget.edges"),
                            continuous_update=False, style=DESCRIPTION,
                            layout=w.Layout(width=CONTROL_WIDTH))
        self.days = self.slider("widget.new_days", 1, max(int(span), int(days), 1), int(days))
        self.message = w.HTML()
        self.layout(self.edges, w.HTML(f"<i>{html.escape(label('widget.edges_hint'))}</i>"),
                    self.days, self.message)
        self._refresh()
        self.watch(self._on_edges, self.edges)
        self.watch(self._refresh, self.days)

    @property
    def since(self) -> pd.Timestamp:
        """The first day of the "new customer" window."""
        return self.asof - pd.Timedelta(days=int(self.days.value))

    def _on_edges(self) -> None:
        try:
            edges = parse_edges(self.edges.value)
        except ValueError as problem:
            self.error = str(problem)
            self.message.value = html.escape(
                label("widget.edges_error").format(error=self.error))
            return
        self.error = ""
        self.edges_used = edges
        self._refresh()

    def _compute(self) -> None:
        if getattr(self, "_first_ever_edges", None) != self.edges_used:
            # every customer's first purchase, once per set of edges; a slider move only
            # changes which of them are new (first purchase on or after .since)
            self._first_ever = first_orders(self.orders, asof=self.asof, edges=self.edges_used)
            self._first_ever_edges = list(self.edges_used)
        first = self._first_ever
        self.first_orders = first[first["first_order_date"] >= self.since]
        self.result = band_counts(self.first_orders, self.edges_used)
        self.message.value = ""
        self.show_table(self.table_output,
                        self.result[["ticket_band", "customers", "customer_share"]], index=False)

    def _chart(self, fig):
        return ticket_bands_chart(self.result, fig=fig)
