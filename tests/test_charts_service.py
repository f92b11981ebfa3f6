"""Charts of notebooks 06-07 (rfmkit.charts.service): each returns a Figure, draws the numbers
of a small hand-made table, has its title in both languages and leaves pyplot untouched."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from chart_support import repeated_tick_labels  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from service_fixture import ASOF, FEATURES  # noqa: E402

from rfmkit import charts, use_language  # noqa: E402
from rfmkit.charts import _style  # noqa: E402
from rfmkit.labels import LABELS  # noqa: E402
from rfmkit.metrics import nps_breakdown  # noqa: E402
from rfmkit.preferences import first_order_bands, new_vs_returning, segment_profile  # noqa: E402
from rfmkit.service import (  # noqa: E402
    birthdays_within,
    holiday_greetings,
    new_customer_care,
    service_plan,
)

# Five customers (tests/service_fixture.py explains which rule each one meets):
# C1 trial sample (WeChat), C2 care greeting (SMS, rule default), C3 birthday gift (SMS),
# C4 priority service (e-mail), C5 coupon (WeChat, new customer).

MEMBERS = pd.DataFrame(
    {
        "customer_id": ["A", "B", "C", "D"],
        "birthday": ["1990-06-10", "1985-06-12", "2000-06-12", "1970-07-20"],
        "age_band": ["26-35", "36-45", "26-35", "56-65"],
        "income_band": ["<3000", "9001+", "<3000", "3001-6000"],
        "preferred_channel": ["WeChat", "SMS", "WeChat", ""],
    }
)

ORDERS = pd.DataFrame(
    [
        ("O1", "A", "2026-04-03", "P1", 30.0),   # April: A new
        ("O2", "B", "2026-04-20", "P1", 120.0),  # April: B new
        ("O3", "A", "2026-05-02", "P2", 60.0),   # May: A returning
        ("O4", "C", "2026-05-09", "P1", 250.0),  # May: C new
        ("O5", "D", "2026-06-05", "P2", 45.0),   # June: D new (only purchase, 5 days ago)
    ],
    columns=["order_id", "customer_id", "order_date", "product_id", "amount"],
)


pytestmark = pytest.mark.usefixtures("chart_state")


def plan():
    return service_plan(FEATURES, asof=ASOF)


def bands():
    return first_order_bands(ORDERS, edges=(0, 50, 100, 200, np.inf), asof=ASOF)


def top_table():
    # group -> category spend shares (%) as top_categories returns them
    return pd.DataFrame(
        {
            "group": ["maintain", "maintain", "develop", "develop"],
            "rank": [1, 2, 1, 2],
            "category": ["beauty", "snacks", "snacks", "beauty"],
            "spend": [300.0, 100.0, 60.0, 40.0],
            "spend_share": [75.0, 25.0, 60.0, 40.0],
        }
    )


def profile():
    return segment_profile(MEMBERS, ["A", "C"],
                           fields=("age_band", "income_band", "preferred_channel"))


def every_chart():
    scores = pd.Series([10, 9, 9, 8, 7, 6, 0, None])
    return [
        ("service_mix", charts.service_mix(plan())),
        ("care_calendar", charts.care_calendar(birthdays_within(MEMBERS, ASOF, 10),
                                               holiday_greetings(ASOF, 10),
                                               new_customer_care(ORDERS, ASOF),
                                               asof=ASOF, days=10)),
        ("nps", charts.nps_chart(nps_breakdown(scores))),
        ("ticket_bands", charts.ticket_bands_chart(bands())),
        ("new_vs_returning", charts.new_vs_returning_chart(new_vs_returning(ORDERS,
                                                                            asof=ASOF))),
        ("preference_heatmap", charts.preference_heatmap(top_table())),
        ("profile", charts.profile_chart(profile(), "maintain")),
    ]


def title_of(fig: Figure) -> str:
    if fig._suptitle is not None:
        return fig._suptitle.get_text()
    return fig.axes[0].get_title()


# ---- all charts --------------------------------------------------------------------------------
def test_every_chart_returns_a_figure_and_leaves_pyplot_alone(monkeypatch):
    def no_show(*args, **kwargs):
        raise AssertionError("a chart called plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    before = plt.get_fignums()
    for name, fig in every_chart():
        assert isinstance(fig, Figure), name
        fig.canvas.draw()
    assert plt.get_fignums() == before


TITLE_KEYS = {
    "service_mix": "chart.service_mix",
    "care_calendar": "chart.care_calendar",
    "nps": "chart.nps",
    "ticket_bands": "chart.ticket_bands",
    "new_vs_returning": "chart.new_vs_returning",
    "preference_heatmap": "chart.preference_heatmap",
    "profile": "chart.profile",
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_titles_in_both_languages(language, cjk_font_known):
    use_language(language)
    index = 0 if language == "zh" else 1
    for name, fig in every_chart():
        template = LABELS[TITLE_KEYS[name]][index]
        fixed = template.split("{")[0]  # the text before the first number filled in
        assert title_of(fig).startswith(fixed), (name, title_of(fig))
        has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in title_of(fig))
        assert has_cjk == (language == "zh"), name


def test_without_a_cjk_font_chinese_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(_style, "_available_font_names", lambda: ["DejaVu Sans"])
    use_language("zh")
    with pytest.warns(UserWarning, match="no Chinese"):
        figures = every_chart()
    for name, fig in figures:
        texts = "".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
        # names kept in the data (customer names, product names) are not chart texts
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in title_of(fig)), name
        assert "个性化" not in texts


def test_charts_are_deterministic():
    def pixels(fig):
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()

    for (name, first), (_, second) in zip(every_chart(), every_chart(), strict=True):
        assert np.array_equal(pixels(first), pixels(second)), name


# ---- notebook 06 -------------------------------------------------------------------------------
def test_service_mix_counts_every_customer_once_by_channel():
    fig = charts.service_mix(plan())
    (ax,) = fig.axes
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(names) == sorted(["trial sample", "care greeting", "birthday gift",
                                    "priority service", "coupon"])
    # one customer per service; channel segments add up to the five customers
    assert sum(p.get_width() for p in ax.patches) == 5
    assert [t.get_text().strip() for t in ax.texts] == ["1"] * 5
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["WeChat", "SMS", "e-mail"]  # only channels in the plan, fixed order


def test_care_calendar_bars_per_day_and_holidays():
    birthdays = birthdays_within(MEMBERS, ASOF, 10)  # A today, B and C on 06-12
    fig = charts.care_calendar(birthdays, holiday_greetings(ASOF, 10),
                               new_customer_care(ORDERS, ASOF, within_days=15), asof=ASOF,
                               days=10, new_days=15)
    ax = fig.axes[0]
    heights = [p.get_height() for p in ax.patches]
    assert len(heights) == 11  # 06-10 .. 06-20
    assert heights[0] == 1 and heights[2] == 2 and sum(heights) == 3
    dashed = sorted(ln.get_xdata()[0] for ln in ax.get_lines() if ln.get_linestyle() == "--")
    assert dashed == [8, 9]  # 618 festival (06-18), Dragon Boat Festival (06-19)
    texts = [t.get_text() for t in ax.texts]
    assert " 618 shopping festival" in texts and " Dragon Boat Festival" in texts
    assert any("plus 1 new customers" in t and "15 days" in t for t in texts)  # D: 5 days ago
    assert "next 10 days" in ax.get_title()


def test_nps_chart_parts_add_up_and_title_has_the_score():
    # 10, 9, 9 promoters; 8, 7 passives; 6, 0 detractors; None skipped -> 7 answers
    fig = charts.nps_chart(nps_breakdown(pd.Series([10, 9, 9, 8, 7, 6, 0, None])))
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([200 / 7, 200 / 7, 300 / 7])  # detractors, passives, promoters
    assert sum(widths) == pytest.approx(100)
    assert ax.get_title() == ("Net promoter score NPS = +14.3 (promoters 42.9% - detractors "
                              "28.6%, 7 answers)")


# ---- notebook 07 -------------------------------------------------------------------------------
def test_ticket_bands_chart_by_hand():
    # first tickets: A 30, B 120, C 250, D 45 -> [0,50) 2, [50,100) 0, [100,200) 1, [200,inf) 1
    fig = charts.ticket_bands_chart(bands())
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [2, 0, 1, 1]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["[0, 50)", "[50, 100)",
                                                            "[100, 200)", "[200, ∞)"]
    assert [t.get_text() for t in ax.texts] == ["2\n(50.0%)", "0\n(0.0%)", "1\n(25.0%)",
                                                "1\n(25.0%)"]
    assert ax.get_title() == "First-order value of new customers (4 new customers)"
    again = charts.ticket_bands_chart(first_order_bands(ORDERS, (0, 100, np.inf), asof=ASOF),
                                      fig=fig)
    assert again is fig and len(fig.axes) == 1
    assert [p.get_height() for p in fig.axes[0].patches] == [2, 2]


def test_new_vs_returning_chart_by_hand():
    table = new_vs_returning(ORDERS, asof=ASOF)  # April 2 new; May 1 new + 1 returning; June 1
    fig = charts.new_vs_returning_chart(table)
    bars, share = fig.axes
    heights = [p.get_height() for p in bars.patches]
    assert heights == [2, 1, 1, 0, 1, 0]  # new: Apr, May, Jun; then returning: Apr, May, Jun
    (line,) = share.get_lines()
    assert list(line.get_ydata()) == [100.0, 50.0, 100.0]
    assert [t.get_text() for t in bars.get_xticklabels()] == ["2026-04", "2026-05", "2026-06"]


def test_preference_heatmap_by_hand():
    fig = charts.preference_heatmap(top_table())
    ax = fig.axes[0]
    grid = np.asarray(ax.collections[0].get_array())
    # rows: develop, maintain (sorted); columns by total spend: beauty 340, snacks 160
    assert [t.get_text() for t in ax.get_yticklabels()] == ["important: develop",
                                                            "important: maintain"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["beauty", "snacks"]
    assert grid.tolist() == [[40.0, 60.0], [75.0, 25.0]]


def test_profile_chart_by_hand():
    fig = charts.profile_chart(profile(), "maintain")
    assert len(fig.axes) == 3
    age = fig.axes[0]
    # group A, C: both 26-35 -> 100 %; all four members: 26-35 is 2 of 4 = 50 %
    labels = [t.get_text() for t in age.get_yticklabels()]
    assert labels == ["26-35", "36-45", "56-65"]
    widths = [p.get_width() for p in age.patches]
    assert widths == [100.0, 0.0, 0.0, 50.0, 25.0, 25.0]
    channel = fig.axes[2]
    assert [t.get_text() for t in channel.get_yticklabels()] == ["WeChat", "SMS", "(missing)"]
    assert fig._suptitle.get_text() == "Profile: important: maintain (2 members) vs all members"


def test_charts_check_their_input():
    with pytest.raises(ValueError, match="channel"):
        charts.service_mix(pd.DataFrame({"service": ["coupon"]}))
    with pytest.raises(ValueError, match="customer_share"):
        charts.ticket_bands_chart(pd.DataFrame({"ticket_band": ["[0, 50)"], "customers": [1]}))
    with pytest.raises(ValueError, match="none of the fields"):
        charts.profile_chart(profile(), fields=("hobby",))


def test_number_axes_never_show_one_label_twice():
    assert repeated_tick_labels(every_chart()) == []
