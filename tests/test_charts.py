"""Charts: what they draw (checked against numbers worked out by hand), both languages, the
Chinese font (found, or the English fallback with one notice), and no pyplot side effects."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from chart_support import repeated_tick_labels  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from rfmkit import charts, rfm_segments, segment_summary, use_language  # noqa: E402
from rfmkit.charts import _style  # noqa: E402
from rfmkit.labels import LABELS, warning_text  # noqa: E402

# Five customers. Means: R = 750/5 = 150, F = 13/5 = 2.6, M = 1250/5 = 250.
# Medians: R = 20, F = 2, M = 200.
# Mean rule: a R↓F↑M↑ maintain; b, e R↓F↓M↓ (not named); c R↑F↑M↑ win back; d R↑F↓M↓ no value.
TABLE = pd.DataFrame(
    {
        "recency_days": [10, 20, 300, 400, 20],
        "frequency": [5, 1, 4, 1, 2],
        "monetary": [500.0, 100.0, 400.0, 50.0, 200.0],
    },
    index=pd.Index(list("abcde"), name="customer_id"),
)


pytestmark = pytest.mark.usefixtures("chart_state")


def summary(scheme="lesson", cut="mean", table=TABLE):
    return segment_summary(rfm_segments(table, scheme, cut), table)


def every_chart():
    """One of each chart and variant, as (name, figure)."""
    big = pd.DataFrame(
        {
            "recency_days": np.arange(100) * 7 % 365,
            "frequency": np.arange(100) % 10 + 1,
            "monetary": np.arange(100) * 13.5 + 20,
        },
        index=pd.Index([f"C{i:03d}" for i in range(100)], name="customer_id"),
    )
    return [
        ("distributions mean", charts.rfm_distributions(TABLE)),
        ("distributions median", charts.rfm_distributions(TABLE, cut="median")),
        ("segments lesson", charts.segment_chart(summary("lesson"))),
        ("segments classic8", charts.segment_chart(summary("classic8", "median"))),
        ("rf grid 2x2", charts.rf_grid(TABLE)),
        ("rf grid scores", charts.rf_grid(big, cut=5)),
    ]


def cell_texts(ax) -> dict:
    """The text written in each cell of a heatmap, by (column, row); cells are centred at
    (column + 0.5, row + 0.5)."""
    cells = {}
    for t in ax.texts:
        x, y = t.get_position()
        assert x % 1 == 0.5 and y % 1 == 0.5
        cells[(int(x), int(y))] = t.get_text()
    return cells


def dashed_x(ax) -> float:
    (line,) = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    xs = set(np.asarray(line.get_xdata(), dtype=float))
    assert len(xs) == 1
    return xs.pop()


# ---- fonts -----------------------------------------------------------------------------------
def test_find_cjk_font_takes_the_first_in_order():
    names = ["Arial", "WenQuanYi Zen Hei", "Noto Sans CJK JP", "DejaVu Sans"]
    assert charts.find_cjk_font(names) == "Noto Sans CJK JP"
    assert charts.find_cjk_font(["SimHei", "Microsoft YaHei"]) == "Microsoft YaHei"
    assert charts.find_cjk_font(["DejaVu Sans", "Liberation Sans"]) is None
    assert charts.find_cjk_font([]) is None


def test_apply_style_adds_the_cjk_font_as_a_fallback_once(cjk_font_known):
    charts.apply_style()
    first = list(matplotlib.rcParams["font.family"])
    charts.apply_style()
    assert list(matplotlib.rcParams["font.family"]) == first
    assert first[-1] == "SimHei" and first.count("SimHei") == 1
    assert first[0] != "SimHei"  # Latin text keeps its usual font
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert matplotlib.rcParams["font.size"] == _style.FONT_SIZES["base"]
    assert matplotlib.rcParams["axes.titlesize"] == _style.FONT_SIZES["title"]
    assert matplotlib.rcParams["xtick.labelsize"] == _style.FONT_SIZES["tick"]


def test_importing_rfmkit_loads_neither_matplotlib_nor_ipywidgets():
    code = (
        "import sys, rfmkit; "
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; "
        "sys.exit(str(bad) if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_zh_charts_draw_without_missing_glyphs():
    """Every chart drawn in Chinese with the system's CJK font: no "Glyph ... missing"."""
    if charts.find_cjk_font() is None:
        message = (
            "no CJK font found (looked for: " + ", ".join(_style.CJK_FONTS) + "); "
            "install one, e.g. `sudo apt-get install fonts-noto-cjk`"
        )
        if os.environ.get("CI") == "true":
            pytest.fail("CI must install fonts-noto-cjk: " + message)
        pytest.skip(message)
    use_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, fig in every_chart():
            fig.canvas.draw()
            texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
            assert any("\u4e00" <= ch <= "\u9fff" for t in texts for ch in t), name


def test_without_a_cjk_font_zh_charts_fall_back_to_english_with_one_notice(no_cjk_font):
    use_language("zh")
    with pytest.warns(UserWarning) as record:
        figures = every_chart()
        for _, fig in figures:
            fig.canvas.draw()
    notices = [r for r in record if "no Chinese (CJK) font" in str(r.message)]
    assert len(notices) == 1, [str(r.message) for r in record]
    assert "fonts-noto-cjk" in str(notices[0].message)
    assert "中文字体" in warning_text(notices[0].message)  # what a zh notebook shows
    assert not [r for r in record if "missing from font" in str(r.message)]
    for name, fig in figures:
        texts = "".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in texts), name
    assert figures[0][1]._suptitle.get_text() == LABELS["chart.rfm_distributions"][1]
    names = [t.get_text() for t in figures[2][1].axes[0].get_yticklabels()]
    assert names[0] == "important: maintain  R↓F↑M↑"
    # Later charts in the same session stay quiet.
    with warnings.catch_warnings(record=True) as later:
        warnings.simplefilter("always")
        charts.segment_chart(summary())
    assert not [r for r in later if "CJK" in str(r.message)]
    assert charts.chart_text("chart.mean") == "mean"


def test_chart_text_follows_the_language(cjk_font_known):
    assert charts.chart_text("chart.mean") == "mean"
    use_language("zh")
    assert charts.chart_text("chart.mean") == "平均值"
    assert charts.chart_text("no.such.key") == "no.such.key"


# ---- pyplot side effects -----------------------------------------------------------------------
def test_charts_return_figures_never_show_and_leave_nothing_open(monkeypatch):
    def no_show(*args, **kwargs):
        raise AssertionError("a chart called plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    monkeypatch.setattr(Figure, "show", no_show)
    before = plt.get_fignums()
    for name, fig in every_chart():
        assert isinstance(fig, Figure), name
    assert plt.get_fignums() == before


def test_charts_leave_the_students_rcparams_alone_and_keep_their_own_style():
    plt.rcParams["font.size"] = 9.0  # the student's own setting
    before = dict(plt.rcParams)
    figures = every_chart()
    for _, fig in figures:
        fig.canvas.draw()  # drawn outside any rfmkit context: the style travels with the figure
    assert dict(plt.rcParams) == before
    _, fig = figures[0]
    ticks = fig.axes[0].get_xticklabels()
    assert ticks and all(t.get_fontsize() == _style.FONT_SIZES["tick"] for t in ticks)
    assert fig._suptitle.get_fontsize() == _style.FONT_SIZES["title"]
    own = plt.figure()
    assert own.text(0, 0, "x").get_fontsize() == 9.0
    plt.close(own)


def test_charts_are_deterministic():
    def pixels(fig):
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()

    for (name, first), (_, second) in zip(every_chart(), every_chart(), strict=True):
        assert np.array_equal(pixels(first), pixels(second)), name


def test_number_axes_never_show_one_label_twice():
    # five customers: the count axis runs 0-2; whole-number axes tick whole numbers only
    assert repeated_tick_labels(every_chart()) == []


# ---- rfm_distributions ------------------------------------------------------------------------
def test_distributions_mark_the_mean_of_each_metric():
    fig = charts.rfm_distributions(TABLE)
    assert len(fig.axes) == 3
    assert [dashed_x(ax) for ax in fig.axes] == pytest.approx([150.0, 2.6, 250.0])
    written = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert [w.strip() for w in written] == ["mean = 150", "mean = 2.60", "mean = 250"]
    # every customer is counted once
    for ax in fig.axes:
        assert sum(p.get_height() for p in ax.patches) == len(TABLE)
    assert fig.axes[0].get_xlabel().startswith(LABELS["recency_days"][1])
    assert fig.axes[2].get_xlabel() == LABELS["monetary"][1]


def test_distributions_median_and_custom_cuts():
    fig = charts.rfm_distributions(TABLE, cut="median")
    assert [dashed_x(ax) for ax in fig.axes] == pytest.approx([20.0, 2.0, 200.0])
    assert fig._suptitle.get_text() == "R, F, M distributions (dashed = median)"
    custom = {"recency_days": 100, "frequency": 3, "monetary": 300}
    fig = charts.rfm_distributions(TABLE, cut=custom)
    assert [dashed_x(ax) for ax in fig.axes] == pytest.approx([100, 3, 300])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_distributions_title_in_both_languages(language, cjk_font_known):
    use_language(language)
    fig = charts.rfm_distributions(TABLE)
    zh, en = LABELS["chart.rfm_distributions"]
    assert fig._suptitle.get_text() == (zh if language == "zh" else en)
    zh, en = LABELS["frequency"]
    assert fig.axes[1].get_xlabel() == (zh if language == "zh" else en)


def test_heavy_tailed_spend_is_cut_at_the_99th_percentile_and_says_so():
    # M = 1..199 and one customer at 100,000: mean (19,900 + 100,000) / 200 = 599.5.
    table = pd.DataFrame(
        {
            "recency_days": np.arange(200) % 30,
            "frequency": np.arange(200) % 5 + 1,
            "monetary": np.append(np.arange(1.0, 200.0), 100_000.0),
        }
    )
    fig = charts.rfm_distributions(table)
    ax = fig.axes[2]
    assert dashed_x(ax) == pytest.approx(599.5)
    assert ax.get_xlim()[1] < 1000  # the one big spender does not squash everyone else
    drawn = sum(p.get_height() for p in ax.patches)
    assert drawn == 199
    note = ax.get_xlabel()
    assert "99th percentile" in note and "1 customers above" in note and "100,000" in note
    # R and F are not cut
    assert sum(p.get_height() for p in fig.axes[0].patches) == 200


# ---- segment_chart -----------------------------------------------------------------------------
def test_segment_chart_shows_every_group_with_its_numbers():
    fig = charts.segment_chart(summary())
    assert len(fig.axes) == 2
    customers, revenue = fig.axes
    assert len(customers.patches) == len(revenue.patches) == 8  # 6 named + 2 not named
    # order of the lesson scheme; groups with nobody are still drawn (width 0)
    widths = [p.get_width() for p in customers.patches]
    assert widths == [1, 0, 0, 1, 0, 1, 2, 0]
    assert [p.get_width() for p in revenue.patches] == [500, 0, 0, 400, 0, 50, 300, 0]
    names = [t.get_text() for t in customers.get_yticklabels()]
    assert names[0] == "important: maintain  R↓F↑M↑"
    assert names[6] == "not named by the lesson (R↓F↓M↓)"
    written = [t.get_text() for t in customers.texts]
    assert written[0] == "1 (20.0%)" and written[1] == "0 (0.0%)" and written[6] == "2 (40.0%)"
    assert [t.get_text() for t in revenue.texts][0] == "500 (40.0%)"
    assert fig._suptitle.get_text() == "Customers and revenue per group  (lesson's six types)"


def test_segment_chart_classic8_in_chinese(cjk_font_known):
    fig = charts.segment_chart(summary("classic8"))
    assert len(fig.axes[0].patches) == 8
    assert [p.get_width() for p in fig.axes[0].patches] == [1, 0, 1, 0, 0, 2, 0, 1]
    use_language("zh")
    fig = charts.segment_chart(summary("classic8"))
    assert [p.get_width() for p in fig.axes[0].patches] == [1, 0, 1, 0, 0, 2, 0, 1]
    assert fig.axes[0].get_yticklabels()[0].get_text() == "重要价值客户  R↓F↑M↑"
    assert fig._suptitle.get_text().startswith(LABELS["chart.segment_counts"][0])
    assert fig.axes[0].get_title() == LABELS["customers"][0]


def test_segment_chart_redraws_into_the_same_figure():
    fig = charts.segment_chart(summary("lesson", "mean"))
    again = charts.segment_chart(summary("lesson", "median"), fig=fig)
    assert again is fig and len(fig.axes) == 2
    # median: maintain 1, win back 2, no value 2
    assert [p.get_width() for p in fig.axes[0].patches] == [1, 0, 0, 2, 0, 2, 0, 0]
    assert len(fig.axes[0].texts) == 8  # old numbers replaced, not added
    again = charts.segment_chart(summary("classic8"), fig=fig)
    assert again is fig and len(fig.axes) == 2
    assert fig.axes[0].get_yticklabels()[0].get_text().startswith("important value")


# ---- rf_grid -----------------------------------------------------------------------------------
def test_rf_grid_two_by_two_counts_and_average_spend():
    fig = charts.rf_grid(TABLE)
    assert len(fig.axes) == 2  # grid + colour bar
    ax = fig.axes[0]
    cells = cell_texts(ax)
    # rows: R↓ (recent) on top = row 0; columns: F↓ left = column 0.  (x, y) = (column, row)
    assert cells == {(0, 0): "2", (1, 0): "1", (0, 1): "1", (1, 1): "1"}
    average_m = ax.collections[0].get_array()
    assert np.asarray(average_m).tolist() == [[150.0, 500.0], [50.0, 400.0]]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["R↓ recent", "R↑ longer ago"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["F↓ less often", "F↑ more often"]
    assert "mean = 150" in ax.get_ylabel() and "mean = 2.60" in ax.get_xlabel()


def test_rf_grid_scores_puts_recent_on_top_and_counts_everyone():
    table = pd.DataFrame(
        {
            "recency_days": [1, 2, 3, 4, 5, 6, 7, 8],
            "frequency": [8, 7, 6, 5, 4, 3, 2, 1],
            "monetary": [10.0, 20, 30, 40, 50, 60, 70, 80],
        }
    )
    fig = charts.rf_grid(table, cut=2)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2", "1"]  # top = most recent
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2"]
    cells = cell_texts(ax)
    # recent half (R score 2) bought often (F score 2): 4 customers; the other 4 the opposite
    assert cells == {(0, 0): "0", (1, 0): "4", (0, 1): "4", (1, 1): "0"}
    assert ax.collections[0].get_array().mask.tolist() == [[True, False], [False, True]]
    assert ax.get_ylabel() == "R score (higher = more recent)"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_rf_grid_and_segment_titles_in_both_languages(language, cjk_font_known):
    use_language(language)
    index = 0 if language == "zh" else 1
    grid = charts.rf_grid(TABLE)
    assert grid.axes[0].get_title().splitlines()[0] == LABELS["chart.rf_grid"][index]
    seg = charts.segment_chart(summary())
    assert seg._suptitle.get_text().startswith(LABELS["chart.segment_counts"][index])


# ---- colour-blind-safe colours (issue 13) -----------------------------------------------------
# Machado, Oliveira & Fernandes (2009), severity 1, applied to linear RGB.
_CVD = {
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
}


def _linear(colour) -> np.ndarray:
    c = np.asarray(matplotlib.colors.to_rgb(colour))
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ linear / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def colour_distance(a, b, vision: str | None = None) -> float:
    """CIE76 ΔE between two colours, as seen with ``vision`` (None: typical colour vision)."""
    la, lb = _linear(a), _linear(b)
    if vision is not None:
        la, lb = np.clip(_CVD[vision] @ la, 0, 1), np.clip(_CVD[vision] @ lb, 0, 1)
    return float(np.linalg.norm(_lab(la) - _lab(lb)))


def _hue_kind(colour) -> str:
    """"red", "green" or "" (other hues, or too grey to count as either)."""
    h, s, v = matplotlib.colors.rgb_to_hsv(matplotlib.colors.to_rgb(colour))
    if s < 0.25 or v < 0.2:
        return ""
    degrees = 360 * h
    if degrees < 20 or degrees >= 330:
        return "red"
    return "green" if 75 <= degrees < 170 else ""


# colours that tell categories with a meaning apart, per chart
MEANINGFUL = {
    **{f"{kind} codes": list(colours.values()) for kind, colours in _style.CODE_COLOURS.items()},
    "segment chart: customers / revenue": [_style.COLOURS["bars"], _style.COLOURS["revenue"]],
    "churn chart: retained / lost": [_style.COLOURS["bars"], _style.COLOURS["cut"]],
    "before / after": [_style.COLOURS["before"], _style.COLOURS["bars"]],
    "decile chart: target group": [_style.COLOURS["bars"], _style.COLOURS["revenue"]],
    "new / returning customers": list(_style.PALETTE[:2]),
    "profile: this group / all": [_style.PALETTE[0], _style.PALETTE[7]],
}


def test_the_check_catches_a_red_green_pair():
    old_stage = ["#55A868", "#E1B84B", "#C44E52"]  # the stage colours before issue 13
    assert {_hue_kind(c) for c in old_stage} >= {"red", "green"}
    assert colour_distance(old_stage[0], old_stage[2], "deuteranopia") < 20


@pytest.mark.parametrize("what", sorted(MEANINGFUL))
def test_no_red_green_pair_carries_a_meaning(what):
    colours = MEANINGFUL[what]
    kinds = {_hue_kind(c) for c in colours}
    assert not {"red", "green"} <= kinds, f"{what}: a red/green pair {colours}"
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            for vision in (None, *_CVD):
                assert colour_distance(a, b, vision) >= 30, (what, a, b, vision)


def test_stage_chart_draws_with_the_safe_colours():
    cross = pd.DataFrame({"active": [5, 1], "sleeping": [2, 2], "lost": [1, 3],
                          "active_share": [62.5, 16.7], "sleeping_share": [25.0, 33.3],
                          "lost_share": [12.5, 50.0]}, index=["1", "all"])
    fig = charts.stage_chart(cross)
    used = {matplotlib.colors.to_hex(p.get_facecolor()) for p in fig.axes[0].patches}
    assert used == {c.lower() for c in _style.CODE_COLOURS["stage"].values()}
    assert "green" not in {_hue_kind(c) for c in used}


# ---- a text alternative for every chart (issue 13) ---------------------------------------------
NOT_CHARTS = {"apply_style", "chart_name", "chart_text", "find_cjk_font", "group_name"}


@pytest.fixture(scope="module")
def course_charts():
    """name -> a function drawing that chart from the course data, as the notebooks do."""
    import rfmkit as rk
    from rfmkit import metrics, service
    from rfmkit import preferences as prefs
    from rfmkit.lifecycle import stage_by_purchases
    from rfmkit.value import yearly_cash_flows, yearly_spend

    asof = rk.COURSE_ASOF
    orders, members, products = rk.load_orders(), rk.load_members(), rk.load_products()
    table = rk.rfm_table(orders, asof)
    segments = rk.rfm_segments(table)
    stages = rk.lifecycle_stages(table, active_days=90, sleeping_days=180)
    features = rk.customer_features(orders, members, products, asof)
    flows = yearly_cash_flows(yearly_spend(orders, asof), years=5, margin=0.25, retention=0.40,
                              history_years=1)
    uplift = rk.campaign_uplift(*rk.campaign_frames(rk.load_samsclub_campaign()))
    win_back = segments.index[segments["segment"] == "win_back"]
    return {
        "rfm_distributions": lambda: charts.rfm_distributions(table),
        "segment_chart": lambda: charts.segment_chart(rk.segment_summary(segments, table)),
        "rf_grid": lambda: charts.rf_grid(table),
        "pyramid_chart": lambda: charts.pyramid_chart(
            rk.tier_summary(rk.pyramid_tiers(table["monetary"]), with_key_row=True)),
        "discount_chart": lambda: charts.discount_chart([100, 100, 100], rate=0.10),
        "clv_histogram": lambda: charts.clv_histogram(rk.clv(flows, rate=0.10)),
        "churn_chart": lambda: charts.churn_chart(
            rk.period_churn(orders, "quarter", start="2024-06-11", end=asof)),
        "stage_chart": lambda: charts.stage_chart(
            stage_by_purchases(table, stages, with_total=True), active_days=90,
            sleeping_days=180),
        "service_mix": lambda: charts.service_mix(rk.service_plan(features, asof)),
        "care_calendar": lambda: charts.care_calendar(
            service.birthdays_within(members, asof, days=30),
            service.holiday_greetings(asof, days=30),
            service.new_customer_care(orders, asof, within_days=15), asof=asof, days=30),
        "nps_chart": lambda: charts.nps_chart(
            metrics.nps_breakdown(rk.load_questionnaire()["recommend"])),
        "ticket_bands_chart": lambda: charts.ticket_bands_chart(
            prefs.first_order_bands(orders, asof=asof, since=asof - pd.Timedelta(days=90))),
        "new_vs_returning_chart": lambda: charts.new_vs_returning_chart(
            prefs.new_vs_returning(orders, asof=asof)),
        "preference_heatmap": lambda: charts.preference_heatmap(
            prefs.top_categories(orders, products, segments, n=20, asof=asof)),
        "profile_chart": lambda: charts.profile_chart(prefs.segment_profile(members, win_back),
                                                      "win_back"),
        "decile_chart": lambda: charts.decile_chart(
            rk.decile_table(table["monetary"], with_total=True), highlight=8),
        "before_after_chart": lambda: charts.before_after_chart(uplift),
        "group_counts_chart": lambda: charts.group_counts_chart(uplift),
    }


def test_every_chart_is_covered(course_charts):
    assert set(course_charts) == set(charts.__all__) - NOT_CHARTS


RAW = __import__("re").compile(r"\b[a-z]+_[a-z0-9_]+\b|\{|\}|chart\.|widget\.|\bnan\b")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_chart_has_a_text_alternative(course_charts, language):
    use_language(language)
    for chart, draw in course_charts.items():
        fig = draw()
        alt = fig.rfmkit_alt
        assert alt.strip(), chart
        assert not RAW.search(alt), (chart, alt)  # names, not codes or template leftovers
        assert repr(fig) == alt  # the plain-text form a notebook stores next to the picture
        assert any(ch.isdigit() for ch in alt), (chart, alt)  # with the main numbers
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in alt)
        assert chinese == (language == "zh"), (chart, alt)
        assert alt.count("。" if language == "zh" else ". ") <= 3, (chart, alt)  # short
        plt.close(fig)
