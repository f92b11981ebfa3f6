"""UpliftExplorer driven the way a student drives it: set a target slider's value, read A1..A4.

Every expected count is computed in this file, independently of rfmkit.case, from the ten
made-up members below with integers only (visits, and sales in cents).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from rfmkit import campaign_frames, load_samsclub_campaign, use_language  # noqa: E402
from rfmkit.labels import LABELS  # noqa: E402
from rfmkit.widgets import UpliftExplorer  # noqa: E402

# member: (visits last month, sales last month in cents, visits this month, sales this month)
#            visit growth       ticket last -> this month (yuan)
# m1  2 -> 3    +50 %          500 -> 700       +40 %   (both exactly on the default targets)
# m2  2 -> 4   +100 %          500 -> 500         0 %
# m3  2 -> 2     0 %           500 -> 700       +40 %
# m4  2 -> 1   -50 %           500 -> 400       -20 %
# m5  3 -> 4   +33.3 %         300 -> 390       +30 %
# m6  4 -> 5   +25 %           250 -> 300       +20 %
# m7  1 -> 3   +200 %          100 -> 200      +100 %
# m8  0 -> 2   (no baseline: A0)
# m9  2 -> 0   -100 %          500 -> none     (ticket growth undefined: not met)
# m10 2 -> 3   +50 %           500 -> 699.9967  +39.9993 %  (one cent short of +40 %)
ROWS = {
    "m1": (2, 100000, 3, 210000),
    "m2": (2, 100000, 4, 200000),
    "m3": (2, 100000, 2, 140000),
    "m4": (2, 100000, 1, 40000),
    "m5": (3, 90000, 4, 156000),
    "m6": (4, 100000, 5, 150000),
    "m7": (1, 10000, 3, 60000),
    "m8": (0, 0, 2, 30000),
    "m9": (2, 50000, 0, 0),
    "m10": (2, 100000, 3, 209999),
}


def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = pd.Index(list(ROWS), name="member_id")
    before = pd.DataFrame(
        {"visits": [r[0] for r in ROWS.values()], "sales": [r[1] / 100 for r in ROWS.values()]},
        index=ids,
    )
    after = pd.DataFrame(
        {"visits": [r[2] for r in ROWS.values()], "sales": [r[3] / 100 for r in ROWS.values()]},
        index=ids.copy(),
    )
    return before, after


def independent_counts(visits_pct: int, ticket_pct: int) -> dict[str, int]:
    """A1..A4 (and A0) by hand: growth >= target, cross-multiplied in integers."""
    counts = {"A1": 0, "A2": 0, "A3": 0, "A4": 0}
    for vb, sb, va, sa in ROWS.values():
        if sb == 0:
            counts["A0"] = counts.get("A0", 0) + 1
            continue
        visits_met = vb > 0 and va * 100 >= vb * (100 + visits_pct)
        ticket_met = va > 0 and sa * vb * 100 >= sb * va * (100 + ticket_pct)
        key = ("A1", "A2") if visits_met else ("A3", "A4")
        counts[key[0] if ticket_met else key[1]] += 1
    return counts


pytestmark = pytest.mark.usefixtures("chart_state")


def test_default_targets_by_hand():
    ex = UpliftExplorer(*frames())
    # m1 A1; m2, m10 A2; m3 A3; m4, m5, m6, m9 A4; m7 A1; m8 A0
    assert ex.counts == {"A1": 2, "A2": 2, "A3": 1, "A4": 4, "A0": 1}
    assert ex.counts == independent_counts(50, 40)
    assert (ex.visits_slider.value, ex.ticket_slider.value) == (50, 40)
    assert ex.targets == {"visits": 0.5, "ticket": 0.4}
    assert ex.result is ex.summary
    assert list(ex.summary.index) == ["A1", "A2", "A3", "A4", "A0"]
    assert ex.uplift.loc["m10", "group"] == "A2" and ex.uplift.loc["m8", "group"] == "A0"
    assert isinstance(ex.widget, ipywidgets.VBox)
    for slider in (ex.visits_slider, ex.ticket_slider):
        assert isinstance(slider, ipywidgets.IntSlider)
        assert slider.continuous_update is False
    assert (ex.visits_slider.min, ex.visits_slider.max) == (0, 100)
    assert (ex.ticket_slider.min, ex.ticket_slider.max) == (0, 100)


@pytest.mark.parametrize(
    ("visits_pct", "ticket_pct"),
    [(0, 0), (25, 20), (30, 30), (33, 40), (34, 40), (50, 39), (51, 40), (100, 100),
     (100, 0), (99, 1), (0, 100), (35, 25)],
)
def test_moving_the_sliders_regroups_like_the_hand_count(visits_pct, ticket_pct):
    ex = UpliftExplorer(*frames(), chart=False)
    ex.visits_slider.value = visits_pct
    ex.ticket_slider.value = ticket_pct
    assert ex.counts == independent_counts(visits_pct, ticket_pct)
    assert ex.targets == {"visits": visits_pct / 100, "ticket": ticket_pct / 100}
    assert ex.summary["members"].sum() == len(ROWS)
    assert ex.uplift.attrs["targets"]["visits"] == visits_pct / 100


def test_edges_move_members_one_step_at_a_time():
    ex = UpliftExplorer(*frames(), chart=False)
    # m5 grew visits by exactly 1/3: in at 33 %, out at 34 %
    ex.visits_slider.value = 33
    assert ex.uplift.loc["m5", "visits_target_met"]
    ex.visits_slider.value = 34
    assert not ex.uplift.loc["m5", "visits_target_met"]
    # m10 is one cent short of +40 %: met at 39 %, not at 40 %
    ex.visits_slider.value = 50
    ex.ticket_slider.value = 39
    assert ex.uplift.loc["m10", "group"] == "A1"
    ex.ticket_slider.value = 40
    assert ex.uplift.loc["m10", "group"] == "A2"
    # m9 (no visit this month) never meets the ticket target, even at 0 %
    ex.ticket_slider.value = 0
    assert ex.uplift.loc["m9", "group"] == "A4"


def test_table_chart_and_rule_follow_the_sliders():
    ex = UpliftExplorer(*frames())
    first_png = ex.chart_png
    first_table = ex.table_output.outputs[0]["data"]["text/plain"]
    assert "visit growth ≥ 50 %, ticket growth ≥ 40 %" in ex.rule_text.value
    ex.visits_slider.value = 100
    assert "visit growth ≥ 100 %, ticket growth ≥ 40 %" in ex.rule_text.value
    assert ex.chart_png != first_png
    assert ex.table_output.outputs[0]["data"]["text/plain"] != first_table
    assert len(plt.get_fignums()) == 0  # the explorer's figure is not left open in pyplot


def test_starting_targets_and_bad_values():
    ex = UpliftExplorer(*frames(), visits_target=0.35, ticket_target=0.25, chart=False)
    assert (ex.visits_slider.value, ex.ticket_slider.value) == (35, 25)
    assert ex.counts == independent_counts(35, 25)
    with pytest.raises(ValueError, match="whole percent"):
        UpliftExplorer(*frames(), visits_target=0.333)
    with pytest.raises(ValueError, match="between"):
        UpliftExplorer(*frames(), ticket_target=1.5)
    with pytest.raises(ValueError, match="fraction"):
        UpliftExplorer(*frames(), visits_target="50%")
    before, after = frames()
    with pytest.raises(ValueError, match="same members"):
        UpliftExplorer(before, after.drop(index="m1"))


def test_labels_in_chinese():
    use_language("zh")
    ex = UpliftExplorer(*frames(), chart=False)
    assert ex.visits_slider.description == LABELS["widget.visits_target"][0]
    assert ex.ticket_slider.description == LABELS["widget.ticket_target"][0]
    assert "目标" in ex.rule_text.value
    assert LABELS["members"][0] in ex.table_output.outputs[0]["data"]["text/plain"]


def test_on_the_course_data_the_sliders_match_a_fresh_computation():
    before, after = campaign_frames(load_samsclub_campaign())
    ex = UpliftExplorer(before, after, chart=False)
    assert ex.counts == {"A1": 181, "A2": 268, "A3": 321, "A4": 385}
    ex.visits_slider.value = 55  # 238 members grew by exactly +50 %: those on the edge drop out
    assert ex.counts["A1"] < 181
    assert sum(ex.counts.values()) == 1155
