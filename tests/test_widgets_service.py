"""ServiceExplorer and TicketBandExplorer driven the way a student drives them: set a control's
``.value``, read ``.result``, and compare with the answer worked out by hand from a small table.
"""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from service_fixture import ASOF, FEATURES  # noqa: E402

from rfmkit import use_language  # noqa: E402
from rfmkit.service import describe_plan, message_preview, service_plan  # noqa: E402
from rfmkit.widgets import ServiceExplorer, TicketBandExplorer  # noqa: E402
from rfmkit.widgets.service import parse_edges  # noqa: E402

EXPECTED = {  # customer -> (service, channel), by hand as above
    "C1": ("trial_sample", "WeChat"),
    "C2": ("care_greeting", "SMS"),
    "C3": ("birthday_gift", "SMS"),
    "C4": ("priority_service", "e-mail"),
    "C5": ("coupon", "WeChat"),
}


pytestmark = pytest.mark.usefixtures("chart_state")


def plan():
    return service_plan(FEATURES, asof=ASOF)


def ids(explorer) -> list[str]:
    return list(explorer.result["customer_id"])


# ---- ServiceExplorer ---------------------------------------------------------------------------
def test_plan_matches_the_hand_worked_services():
    p = plan().set_index("customer_id")
    assert {c: (p.loc[c, "service"], p.loc[c, "channel"]) for c in p.index} == EXPECTED


def test_default_shows_everyone_in_plan_order():
    ex = ServiceExplorer(plan(), FEATURES, ASOF)
    assert isinstance(ex.widget, ipywidgets.VBox)
    assert ids(ex) == ["C1", "C2", "C3", "C4", "C5"]
    assert list(ex.result.columns) == ["customer_id", "name", "features", "service",
                                       "channel", "when", "message"]
    assert ex.customer.value == "C1"
    assert ex.message == ("Dear 王小明, thank you for your loyalty! Before the launch, a free "
                          "trial sample is waiting for you.")


def test_pick_a_tier():
    ex = ServiceExplorer(plan(), FEATURES, ASOF)
    ex.by.value = "tier"
    options = dict((v, k) for k, v in ex.group.options)
    assert options == {"all": "(all)", "gold": "gold (1)", "silver": "silver (2)",
                       "iron": "iron (2)"}
    ex.group.value = "silver"
    assert ids(ex) == ["C3", "C4"]  # silver: C3, C4
    services = dict(zip(ex.result["customer_id"], ex.result["service"], strict=True))
    assert services == {"C3": "birthday_gift", "C4": "priority_service"}
    html = ex.table_output.outputs[0]["data"]["text/html"]  # shown by name
    assert "birthday gift" in html and "priority service" in html


def test_pick_a_segment_and_a_channel():
    ex = ServiceExplorer(plan(), FEATURES, ASOF)
    ex.group.value = "maintain"
    assert ids(ex) == ["C1", "C4"]
    ex.channel.value = "e-mail"
    assert ids(ex) == ["C4"]
    assert ex.result["channel"].tolist() == ["e-mail"]
    assert ex.message.startswith("Dear 赵敏, as one of our most valued members")
    ex.channel.value = "SMS"  # no maintain customer is reached by SMS
    assert ids(ex) == [] and ex.message == ""
    assert ex.summary_text.value == "No customer matches this choice."


def test_channel_alone_against_an_independent_filter():
    p = plan()
    ex = ServiceExplorer(p, FEATURES, ASOF)
    for channel in ("WeChat", "SMS", "e-mail"):
        ex.channel.value = channel
        expected = [c for c, (_, ch) in EXPECTED.items() if ch == channel]
        assert ids(ex) == expected
        by_hand = p[p["channel"] == channel]["customer_id"].tolist()
        assert ids(ex) == by_hand


def test_messages_are_the_message_preview_of_each_row():
    p = plan()
    ex = ServiceExplorer(p, FEATURES, ASOF)
    for row in describe_plan(p, FEATURES, ASOF).to_dict("records"):
        row["favourite_category"] = FEATURES.loc[row["customer_id"], "favourite_category"]
        got = ex.result.loc[ex.result["customer_id"] == row["customer_id"], "message"].iloc[0]
        assert got == message_preview(row)


def test_preview_follows_the_chosen_customer():
    ex = ServiceExplorer(plan(), FEATURES, ASOF, by="tier", group="iron")
    assert ids(ex) == ["C2", "C5"]
    assert [v for _, v in ex.customer.options] == ["C2", "C5"]
    ex.customer.value = "C5"
    assert "陈晨" in ex.message and "coupon" in ex.message


def test_changing_by_resets_the_group():
    ex = ServiceExplorer(plan(), FEATURES, ASOF)
    ex.group.value = "develop"
    assert ids(ex) == ["C3"]
    ex.by.value = "tier"
    assert ex.group.value == "all" and ids(ex) == ["C1", "C2", "C3", "C4", "C5"]


def test_service_explorer_in_chinese():
    use_language("zh")
    p = plan()
    ex = ServiceExplorer(p, FEATURES, ASOF, by="tier", group="gold")
    assert ex.by.description == "按"
    assert dict((v, k) for k, v in ex.group.options)["gold"] == "金质客户 (1)"
    assert ex.message.startswith("亲爱的王小明")
    assert "共 1 位客户" in ex.summary_text.value


def test_service_explorer_checks_its_input():
    with pytest.raises(ValueError, match="by must be"):
        ServiceExplorer(plan(), FEATURES, ASOF, by="age")
    with pytest.raises(ValueError, match="tier"):
        ServiceExplorer(plan(), FEATURES.drop(columns="tier"), ASOF)


# ---- TicketBandExplorer ------------------------------------------------------------------------
ORDERS = pd.DataFrame(
    [
        ("O1", "A", "2026-01-05", "P1", 80.0),    # first purchase long ago
        ("O2", "A", "2026-06-01", "P1", 500.0),   # A's second order: not a first order
        ("O3", "B", "2026-05-20", "P1", 30.0),    # 21 days before asof
        ("O3", "B", "2026-05-20", "P2", 20.0),    # same order: first ticket 50
        ("O4", "C", "2026-06-09", "P1", 120.0),   # 1 day before
        ("R1", "D", "2026-06-01", "P1", -40.0),   # a refund is not a purchase
        ("O5", "D", "2026-06-03", "P1", 199.0),   # 7 days before
        ("O6", "E", "2026-04-11", "P1", 700.0),   # 60 days before
        ("O7", "F", "2026-06-20", "P1", 90.0),    # after asof: ignored
    ],
    columns=["order_id", "customer_id", "order_date", "product_id", "amount"],
)


def counts(explorer) -> dict[str, int]:
    return dict(zip(explorer.result["ticket_band"], explorer.result["customers"], strict=True))


def test_ticket_bands_default_edges_by_hand():
    ex = TicketBandExplorer(ORDERS, ASOF, days=30, chart=False)
    # last 30 days (2026-05-11 .. 06-10): B 50, C 120, D 199 (A's first order is January)
    assert counts(ex) == {"[0, 50)": 0, "[50, 100)": 1, "[100, 200)": 2, "[200, 500)": 0,
                          "[500, ∞)": 0}
    assert sorted(ex.first_orders.index) == ["B", "C", "D"]
    assert ex.edges.value == "0, 50, 100, 200, 500"
    assert ex.since == pd.Timestamp("2026-05-11")


def test_ticket_bands_days_slider():
    ex = TicketBandExplorer(ORDERS, ASOF, days=30, chart=False)
    ex.days.value = 60  # 2026-04-11 .. : E (700) joins
    assert counts(ex)["[500, ∞)"] == 1 and ex.result.attrs["customers"] == 4
    ex.days.value = 7  # 2026-06-03 .. : C, D
    assert sorted(ex.first_orders.index) == ["C", "D"]
    assert sum(counts(ex).values()) == 2


def test_typed_edges_and_a_refused_edge_list():
    ex = TicketBandExplorer(ORDERS, ASOF, days=30)
    ex.edges.value = "0, 100, 150"
    assert counts(ex) == {"[0, 100)": 1, "[100, 150)": 1, "[150, ∞)": 1}
    assert ex.edges_used == [0.0, 100.0, 150.0, math.inf]
    assert len(ex.chart_output.outputs) == 1
    before = ex.result
    ex.edges.value = "0, 100, 50"
    assert "increase" in ex.error and ex.result is before
    assert "cannot be used" in ex.message.value
    ex.edges.value = "0，120"  # a Chinese comma works: B 50 | C 120, D 199
    assert ex.error == "" and counts(ex) == {"[0, 120)": 1, "[120, ∞)": 2}
    assert ex.message.value == ""


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        ("0, 50, 100", [0, 50, 100, math.inf]),
        ("0 50 100", [0, 50, 100, math.inf]),
        ("0, 50, inf", [0, 50, math.inf]),
        ("0，50，∞", [0, 50, math.inf]),
        ("10", [10, math.inf]),
    ],
)
def test_parse_edges(text, edges):
    assert parse_edges(text) == edges


@pytest.mark.parametrize(("text", "message"), [("", "no numbers"), ("0, a", "not a number"),
                                                ("50, 50", "increase")])
def test_parse_edges_refuses(text, message):
    with pytest.raises(ValueError, match=message):
        parse_edges(text)
