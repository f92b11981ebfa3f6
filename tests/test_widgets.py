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
    assert "image/png" in chart_out["data"]
    figure = ex._figure
    ex.rule.value = "median"
    assert ex.table_output.outputs[0] != table_out
    assert ex.chart_output.outputs[0]["data"]["image/png"] != chart_out["data"]["image/png"]
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
    shown = [ex.chart_output.outputs[0]["data"]["image/png"]]
    for slider, value in [(ex.r_slider, 50), (ex.f_slider, 6), (ex.m_slider, 300.0),
                          (ex.r_slider, 390), (ex.m_slider, 20.0), (ex.r_slider, 200)]:
        slider.value = value
        png = ex.chart_output.outputs[0]["data"]["image/png"]
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
    different = np.any(image != full, axis=2)
    assert np.count_nonzero(different) <= 2 * len(LESSON)
