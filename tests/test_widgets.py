"""SegmentExplorer driven the way a student drives it: set a control's value, read the result.

Expected group sizes are worked out by hand from the five customers below.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import base64  # noqa: E402
import io  # noqa: E402
from collections import Counter  # noqa: E402

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from rfmkit import use_language  # noqa: E402
from rfmkit.labels import LABELS  # noqa: E402
from rfmkit.widgets import SegmentExplorer  # noqa: E402

#        R (days)  F  M (yuan)
# a        10      5   500
# b        20      1   100
# c       300      4   400
# d       400      1    50
# e        20      2   200
# mean    150    2.6   250      median   20   2   200
TABLE = pd.DataFrame(
    {
        "recency_days": [10, 20, 300, 400, 20],
        "frequency": [5, 1, 4, 1, 2],
        "monetary": [500.0, 100.0, 400.0, 50.0, 200.0],
    },
    index=pd.Index(list("abcde"), name="customer_id"),
)
LESSON = [
    "maintain", "develop", "general_important", "win_back", "ordinary", "no_value",
    "unnamed_recent_small", "unnamed_lapsed_big",
]


def counts(explorer, order=LESSON) -> dict[str, int]:
    """Non-empty groups -> customers, after checking every group of the scheme is listed."""
    summary = explorer.summary
    assert list(summary.index) == order
    return {code: n for code, n in summary["customers"].items() if n}


def group_of(explorer) -> dict[str, str]:
    return explorer.segments["segment"].to_dict()


pytestmark = pytest.mark.usefixtures("chart_state")


def test_mean_rule_by_hand():
    ex = SegmentExplorer(TABLE)
    # a R↓F↑M↑; b, e R↓F↓M↓; c R↑F↑M↑; d R↑F↓M↓
    assert counts(ex) == {"maintain": 1, "win_back": 1, "no_value": 1, "unnamed_recent_small": 2}
    assert group_of(ex)["e"] == "unnamed_recent_small"
    assert ex.cuts == pytest.approx({"recency_days": 150, "frequency": 2.6, "monetary": 250})
    assert ex.result is ex.summary
    # sliders show the thresholds in use: F is whole orders, so 2.6 shows as 3 (same customers)
    assert (ex.r_slider.value, ex.f_slider.value, ex.m_slider.value) == (150, 3, 250.0)
    assert isinstance(ex.widget, ipywidgets.VBox)
    for slider in (ex.r_slider, ex.f_slider, ex.m_slider):
        assert slider.continuous_update is False
    assert (ex.r_slider.min, ex.r_slider.max) == (10, 400)
    assert (ex.f_slider.min, ex.f_slider.max) == (1, 5)


def test_median_rule_by_hand():
    ex = SegmentExplorer(TABLE)
    ex.rule.value = "median"
    # cuts R 20, F 2, M 200 (ties go up): a R↓F↑M↑; b R↑F↓M↓; c R↑F↑M↑; d R↑F↓M↓; e R↑F↑M↑
    assert counts(ex) == {"maintain": 1, "win_back": 2, "no_value": 2}
    assert ex.cuts == pytest.approx({"recency_days": 20, "frequency": 2, "monetary": 200})
    assert (ex.r_slider.value, ex.f_slider.value, ex.m_slider.value) == (20, 2, 200.0)
    assert ex.rule.value == "median"  # showing the median on the sliders is not "custom"


def test_custom_starts_where_the_previous_rule_was():
    ex = SegmentExplorer(TABLE)
    before = group_of(ex)
    ex.rule.value = "custom"
    assert group_of(ex) == before
    assert ex.cuts == {"recency_days": 150, "frequency": 3, "monetary": 250}
    ex.rule.value = "median"
    ex.rule.value = "custom"
    assert counts(ex) == {"maintain": 1, "win_back": 2, "no_value": 2}


def test_custom_sliders_by_hand():
    ex = SegmentExplorer(TABLE, cut="custom")
    ex.r_slider.value = 100
    ex.f_slider.value = 2
    ex.m_slider.value = 150.0
    # R >= 100: c, d.  F >= 2: a, c, e.  M >= 150: a, c, e.
    # a R↓F↑M↑ maintain; b R↓F↓M↓; c R↑F↑M↑ win back; d R↑F↓M↓ no value; e R↓F↑M↑ maintain
    assert counts(ex) == {"maintain": 2, "win_back": 1, "no_value": 1, "unnamed_recent_small": 1}
    assert ex.cuts == {"recency_days": 100, "frequency": 2, "monetary": 150}
    ex.m_slider.value = 450.0  # only a is at or above 450
    # a maintain; c R↑F↑M↓ ordinary; e R↓F↑M↓ generally important
    assert counts(ex) == {
        "maintain": 1, "general_important": 1, "ordinary": 1, "no_value": 1,
        "unnamed_recent_small": 1,
    }


def test_moving_a_slider_switches_the_rule_to_custom():
    ex = SegmentExplorer(TABLE)
    assert ex.rule.value == "mean"
    ex.f_slider.value = 2
    assert ex.rule.value == "custom"
    # cuts R 150, F 2, M 250: e becomes R↓F↑M↓ (generally important), the rest as with the mean
    assert counts(ex) == {
        "maintain": 1, "general_important": 1, "win_back": 1, "no_value": 1,
        "unnamed_recent_small": 1,
    }


def test_switching_scheme():
    ex = SegmentExplorer(TABLE)
    ex.scheme.value = "classic8"
    classic = [
        "important_value", "important_develop", "important_keep", "important_winback",
        "general_value", "general_develop", "general_keep", "general_winback",
    ]
    assert counts(ex, classic) == {
        "important_value": 1, "important_keep": 1, "general_develop": 2, "general_winback": 1,
    }
    assert ex.segments.attrs["scheme"] == "classic8"
    ex.scheme.value = "lesson"
    assert counts(ex) == {"maintain": 1, "win_back": 1, "no_value": 1, "unnamed_recent_small": 2}


def test_a_tie_with_the_mean_stays_up_when_switching_to_custom():
    # M mean = (0.1 + 0.2 + 0.3) / 3 = 0.2 exactly, which floating point gets slightly wrong;
    # the customer at 0.2 is "M↑" by the lesson's rule and must stay so on the slider.
    table = pd.DataFrame(
        {"recency_days": [1, 2, 3], "frequency": [1, 2, 3], "monetary": [0.1, 0.2, 0.3]},
        index=pd.Index(["x", "y", "z"], name="customer_id"),
    )
    ex = SegmentExplorer(table, chart=False)
    assert ex.segments.loc["y", "M_up"]
    assert ex.m_slider.value == 0.2
    ex.rule.value = "custom"
    assert ex.segments.loc["y", "M_up"]


def test_language_is_taken_when_built():
    use_language("zh")
    ex = SegmentExplorer(TABLE)
    assert [text for text, _ in ex.scheme.options] == ["课程六类法", "常用八类法"]
    assert [value for _, value in ex.rule.options] == ["mean", "median", "custom"]
    assert ex.rule.options[0][0] == "平均值"
    assert ex.r_slider.description == LABELS["widget.r_cut"][0]
    assert "segment_name" not in ex.summary  # the result is codes in any language
    assert ex.summary.index[0] == "maintain"
    html = ex.table_output.outputs[0]["data"]["text/html"]
    assert "客户数" in html and "重要维护客户" in html
    assert "当前分界值" in ex.cuts_text.value
    use_language("en")
    ex = SegmentExplorer(TABLE)
    assert ex.scheme.options[0][0] == "lesson's six types"
    html = ex.table_output.outputs[0]["data"]["text/html"]
    assert "customers" in html and "important: maintain" in html


def test_outputs_are_refreshed_and_one_figure_is_reused():
    ex = SegmentExplorer(TABLE)
    (table_out,) = ex.table_output.outputs
    (chart_out,) = ex.chart_output.outputs
    assert ex.chart_png in chart_out["data"]["text/html"]
    figure = ex._figure
    ex.rule.value = "median"
    assert ex.table_output.outputs[0] != table_out
    assert ex.chart_png not in chart_out["data"]["text/html"]
    ex.scheme.value = "classic8"
    ex._refresh()
    assert ex._figure is figure  # redrawn in place, not a new figure per change
    assert plt.get_fignums() == []
    bars = [p.get_width() for p in figure.axes[0].patches]
    assert bars == list(ex.summary["customers"])


def test_without_chart():
    ex = SegmentExplorer(TABLE, chart=False)
    ex.rule.value = "median"
    assert ex.chart_output.outputs == ()
    assert ex._figure is None
    assert counts(ex) == {"maintain": 1, "win_back": 2, "no_value": 2}


def test_shows_itself_in_a_notebook():
    bundle = SegmentExplorer(TABLE, chart=False)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_bad_arguments():
    with pytest.raises(ValueError, match="scheme"):
        SegmentExplorer(TABLE, scheme="rfm9")
    with pytest.raises(ValueError, match="cut"):
        SegmentExplorer(TABLE, cut="mode")
    with pytest.raises(ValueError, match="monetary"):
        SegmentExplorer(TABLE.drop(columns="monetary"))


# Lesson groups by (R↑, F↑, M↑), as in the comments above (↑ means at or above the cut).
LESSON_BY_FLAGS = {
    (False, True, True): "maintain", (False, False, True): "develop",
    (False, True, False): "general_important", (True, True, True): "win_back",
    (True, True, False): "ordinary", (True, False, False): "no_value",
    (False, False, False): "unnamed_recent_small", (True, False, True): "unnamed_lapsed_big",
}


def test_chart_follows_several_slider_moves():
    rng = np.random.default_rng(7)
    table = pd.DataFrame(
        {
            "recency_days": rng.integers(0, 400, 300),
            "frequency": rng.integers(1, 9, 300),
            "monetary": np.round(rng.lognormal(5, 1, 300), 2),
        },
        index=pd.Index([f"c{i}" for i in range(300)], name="customer_id"),
    )
    ex = SegmentExplorer(table, cut="custom")
    shown = [ex.chart_png]
    for slider, value in [(ex.r_slider, 50), (ex.f_slider, 6), (ex.m_slider, 300.0),
                          (ex.r_slider, 390), (ex.m_slider, 20.0), (ex.r_slider, 200)]:
        slider.value = value
        png = ex.chart_png
        assert png != shown[-1]
        shown.append(png)
        # .summary against a count made here from the three slider values
        flags = zip(table["recency_days"] >= ex.r_slider.value,
                    table["frequency"] >= ex.f_slider.value,
                    table["monetary"] >= ex.m_slider.value, strict=True)
        expected = Counter(LESSON_BY_FLAGS[tuple(bool(f) for f in row)] for row in flags)
        assert dict(ex.summary["customers"]) == {code: expected[code] for code in LESSON}
        # the bars and the values written on them are those of .summary
        for ax, column in zip(ex._figure.axes, ("customers", "revenue"), strict=True):
            assert [p.get_width() for p in ax.patches] == pytest.approx(list(ex.summary[column]))
            written = [t.get_text().split(" (")[0] for t in ax.texts]
            assert written == [f"{v:,.0f}" for v in ex.summary[column]]
    assert ex.summary["customers"].eq(0).any()  # groups with no customers are still listed
    # The quick redraw gives the picture a full drawing of the figure gives. (Up to one pixel
    # per group tick mark per panel: the axis line is drawn after the tick marks there.)
    image = np.asarray(Image.open(io.BytesIO(base64.b64decode(shown[-1]))).convert("RGB"))
    figure = ex._figure
    for artist in figure.findobj(lambda a: a.get_animated()):
        artist.set_animated(False)
    figure.canvas.draw()
    full = np.asarray(figure.canvas.buffer_rgba())[..., :3]
    assert image.shape == full.shape
    # The picture is sent with a 64-colour palette (rfmkit.widgets._base.encode_canvas), which
    # moves a colour by at most ~15 levels per channel: a real difference is a larger one.
    different = np.any(np.abs(image.astype(int) - full.astype(int)) > 24, axis=2)
    assert np.count_nonzero(different) <= 2 * len(LESSON)


# ---- issue 13: friendly text before a run, aligned and data-scaled sliders, whole tables ----
def _all_explorers():
    """One explorer of each kind, on the course data (the service explorer on its fixture)."""
    from service_fixture import ASOF, FEATURES

    import rfmkit as rk
    from rfmkit import widgets
    from rfmkit.service import service_plan

    orders = rk.load_orders()
    table = rk.rfm_table(orders, rk.COURSE_ASOF)
    return [
        widgets.SegmentExplorer(table, chart=False),
        widgets.PyramidExplorer(table, chart=False),
        widgets.CLVExplorer(table["monetary"], chart=False),
        widgets.StageExplorer(table, chart=False),
        widgets.ServiceExplorer(service_plan(FEATURES, asof=ASOF), FEATURES, ASOF),
        widgets.TicketBandExplorer(orders, rk.COURSE_ASOF, chart=False),
        widgets.UpliftExplorer(*rk.campaign_frames(rk.load_samsclub_campaign()), chart=False),
    ]


def _description_em(text: str) -> float:
    """A generous estimate of how wide a control's description is, in em: a Chinese character
    is 1 em, anything else 0.6 em."""
    return sum(1.0 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 0.6
               for ch in text)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_explorers_before_they_run_and_their_controls(language):
    from rfmkit.widgets._base import CONTROL_WIDTH, DESCRIPTION_WIDTH

    use_language(language)
    friendly = LABELS["widget.run_to_show"][0 if language == "zh" else 1]
    width = float(DESCRIPTION_WIDTH.removesuffix("em"))
    for ex in _all_explorers():
        # what a notebook stores as text/plain: the friendly line, for the explorer and for
        # its .widget, never the raw VBox(children=...) repr
        for bundle in (ex._repr_mimebundle_(), ex.widget._repr_mimebundle_()):
            assert bundle["text/plain"] == friendly
            assert "application/vnd.jupyter.widget-view+json" in bundle
        controls = [c for c in ex.widget.children
                    if isinstance(c, (ipywidgets.ToggleButtons, ipywidgets.Dropdown,
                                      ipywidgets.Text))
                    or isinstance(c, ipywidgets.widgets.widget_int._Int | ipywidgets.FloatSlider
                                  | ipywidgets.FloatLogSlider)]
        assert controls, type(ex).__name__
        for control in controls:
            # one description width for every control: slider tracks line up, and every
            # description fits in it (so none is cut with "…")
            assert control.style.description_width == DESCRIPTION_WIDTH
            assert _description_em(control.description) <= width, control.description
            if not isinstance(control, ipywidgets.ToggleButtons):
                assert control.layout.width == CONTROL_WIDTH
        for control in controls:
            if isinstance(control, ipywidgets.IntSlider):
                assert control.step >= 1 and isinstance(control.value, int)  # whole units


def _course_table():
    import rfmkit as rk

    return rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)


def test_m_slider_puts_the_mean_in_the_middle_of_its_track():
    import math

    table = _course_table()
    ex = SegmentExplorer(table, chart=False)
    m = ex.m_slider
    assert isinstance(m, ipywidgets.FloatLogSlider)
    position = (math.log10(table["monetary"].mean()) - m.min) / (m.max - m.min)
    assert 0.25 <= position <= 0.75
    median = (math.log10(table["monetary"].median()) - m.min) / (m.max - m.min)
    assert 0.2 <= median <= 0.75
    # F: whole orders, and the track stops near the 99th percentile (said in the text)
    f = ex.f_slider
    assert isinstance(f, ipywidgets.IntSlider) and f.step == 1
    assert f.max < table["frequency"].max()
    assert (f.value - f.min) / (f.max - f.min) > 0.1  # the mean rule's cut, 4 orders
    above = int((table["frequency"] > f.max).sum())
    assert f"The F slider stops at {f.max}: {above} customers" in ex.cuts_text.value


def _written(ex) -> tuple[str, str, str]:
    return (f"R ≥ {ex.r_slider.value:,} days", f"F ≥ {ex.f_slider.value:,} orders",
            f"M ≥ {ex.m_slider.value:,.2f} yuan")


def test_value_shown_is_the_value_used():
    from rfmkit import rfm_segments

    table = _course_table()
    ex = SegmentExplorer(table, chart=False)
    # the mean rule: the sliders show whole days/orders and whole cents; the text says the
    # same numbers, and they pick exactly the customers the mean does
    assert ex.cuts["frequency"] == pytest.approx(3.276)
    assert ex.f_slider.value == 4
    assert ex.thresholds == {"recency_days": ex.r_slider.value, "frequency": 4,
                             "monetary": ex.m_slider.value}
    for text in _written(ex):
        assert text in ex.cuts_text.value
    assert "F 3.28 orders" in ex.cuts_text.value  # the mean itself, said to be the same
    same = rfm_segments(table, "lesson", ex.thresholds)
    assert same["segment"].equals(ex.segments["segment"])
    # moving the F slider: the value used is the value shown, the text says it
    ex.f_slider.value = 3
    assert ex.rule.value == "custom"
    assert ex.cuts["frequency"] == ex.thresholds["frequency"] == ex.f_slider.value == 3
    for text in _written(ex):
        assert text in ex.cuts_text.value
    assert ex.segments["F_up"].equals(table["frequency"] >= 3)
    # a drag on the log M slider gives a value like 10 ** 2.78; it is put on a whole cent
    ex.m_slider.value = 10 ** 2.78
    assert ex.m_slider.value == 602.56
    assert ex.cuts["monetary"] == ex.thresholds["monetary"] == 602.56
    assert "M ≥ 602.56 yuan" in ex.cuts_text.value
    assert ex.segments["M_up"].equals(table["monetary"] >= 602.56)
    expected = rfm_segments(table, "lesson", {"recency_days": ex.r_slider.value,
                                              "frequency": 3, "monetary": 602.56})
    assert ex.result.equals(segment_summary_of(expected, table))


def segment_summary_of(segments, table):
    from rfmkit import segment_summary

    return segment_summary(segments, table)


def test_tables_are_whole_and_dates_stay_on_one_line():
    from rfmkit.widgets._base import table_html

    long = "raise the average ticket: a bundle offer and a coupon for the next order " * 2
    frame = pd.DataFrame({"action": [long], "when": ["618 shopping festival (2026-06-18)"],
                          "order_date": pd.to_datetime(["2026-06-10"])})
    html = table_html(frame)
    assert long.strip() in html and "..." not in html and "…" not in html
    assert '<span class="rfmkit-date" style="white-space:nowrap">2026-06-18</span>' in html
    assert '<span class="rfmkit-date" style="white-space:nowrap">2026-06-10</span>' in html
    # long text wraps at spaces (and between Chinese characters); a number such as 984,059.20
    # has no break point, so "break-word" never splits it (measured on a 1280x720 slide:
    # "anywhere" broke it into "984,059." / "20")
    assert "overflow-wrap: break-word" in html and "white-space: normal" in html
    ex = SegmentExplorer(TABLE, chart=False)
    shown = ex.table_output.outputs[0]["data"]["text/html"]
    assert "rfmkit-table" in shown and "..." not in shown
