"""Explorers redraw only what a slider move changes (the stage chart by blitting, the CLV
histogram and the ticket bands in place). Each quick redraw must give the picture a chart drawn
from scratch gives, and the bars must be the numbers counted here."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import base64  # noqa: E402
import io  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from rfmkit import campaign_frames, charts, load_samsclub_campaign, use_language  # noqa: E402
from rfmkit.preferences import first_orders  # noqa: E402
from rfmkit.widgets import (  # noqa: E402
    CLVExplorer,
    PyramidExplorer,
    StageExplorer,
    TicketBandExplorer,
    UpliftExplorer,
)
from rfmkit.widgets._base import CHART_DPI  # noqa: E402

pytestmark = pytest.mark.usefixtures("chart_state")

RNG = np.random.default_rng(11)
TABLE = pd.DataFrame(
    {"recency_days": RNG.integers(0, 400, 400), "frequency": RNG.integers(1, 8, 400),
     "monetary": np.round(RNG.lognormal(5, 1, 400), 2)},
    index=pd.Index([f"c{i:03d}" for i in range(400)], name="customer_id"))
ORDERS = pd.DataFrame({
    "customer_id": [f"c{i % 150:03d}" for i in range(600)],
    "order_id": [f"o{i:04d}" for i in range(600)],
    "order_date": pd.Timestamp("2026-06-30") - pd.to_timedelta(RNG.integers(0, 365, 600), "D"),
    "amount": np.round(RNG.lognormal(4.5, 0.8, 600), 2),
})


def shown(explorer) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(explorer.chart_png))).convert("RGB"))


def drawn_afresh(fig) -> np.ndarray:
    """The picture of ``fig`` drawn whole at the explorers' resolution."""
    fig.set_dpi(CHART_DPI)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3]


def differing_pixels(a: np.ndarray, b: np.ndarray) -> int:
    assert a.shape == b.shape
    # The picture is sent with a 64-colour palette (at most ~15 levels per channel).
    return int(np.count_nonzero(np.any(np.abs(a.astype(int) - b.astype(int)) > 24, axis=2)))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_stage_chart_blitted_is_the_whole_chart(language, cjk_font_known):
    use_language(language)
    ex = StageExplorer(TABLE)
    for value in (30, 120, 150, 60):
        ex.active_days.value = value
    recency = TABLE["recency_days"]
    by_hand = [int((recency <= 60).sum()), int(((recency > 60) & (recency <= 180)).sum()),
               int((recency > 180).sum())]
    left = ex._figure.axes[0]
    assert [p.get_height() for p in left.patches] == by_hand
    assert [t.get_text() for t in left.texts] == [
        f"{n:,} ({100 * n / 400:.1f}%)" for n in by_hand]
    picture = shown(ex)
    for artist in ex._figure.findobj(lambda a: a.get_animated()):
        artist.set_animated(False)
    assert differing_pixels(picture, drawn_afresh(ex._figure)) == 0
    fresh = charts.stage_chart(ex.cross, active_days=60, sleeping_days=180)
    assert differing_pixels(picture, drawn_afresh(fresh)) < 0.002 * picture[..., 0].size


def test_clv_histogram_updated_in_place_is_the_fresh_chart():
    ex = CLVExplorer(TABLE["monetary"])
    figure = ex._figure
    for value in (5, 20, 12):
        ex.rate.value = value
    assert ex._figure is figure
    clv = ex.clv.to_numpy()
    ax = figure.axes[0]
    edges = np.linspace(clv.min(), ax.patches[-1].get_x() + ax.patches[-1].get_width(), 31)
    expected = np.histogram(clv[clv <= edges[-1]], bins=edges)[0]
    assert [p.get_height() for p in ax.patches] == list(expected)
    assert ax.lines[0].get_xdata()[0] == pytest.approx(clv.mean())
    fresh = charts.clv_histogram(ex.clv)
    picture = shown(ex)
    assert differing_pixels(picture, drawn_afresh(fresh)) < 0.002 * picture[..., 0].size


def test_ticket_bands_updated_in_place_are_the_fresh_chart():
    ex = TicketBandExplorer(ORDERS, "2026-06-30")
    figure = ex._figure
    for value in (60, 200, 120):
        ex.days.value = value
    assert ex._figure is figure
    since = pd.Timestamp("2026-06-30") - pd.Timedelta(days=120)
    first = ORDERS.sort_values(["order_date", "order_id"]).drop_duplicates("customer_id")
    first = first[first["order_date"] >= since]
    expected = np.histogram(first["amount"], bins=[0, 50, 100, 200, 500, np.inf])[0]
    assert [p.get_height() for p in figure.axes[0].patches] == list(expected)
    assert len(figure.axes[0].texts) == len(expected)  # old numbers are gone
    # the explorer keeps every first purchase and picks the new ones per move: the same
    # customers as asking for the new customers since that day
    pd.testing.assert_frame_equal(ex.first_orders,
                                  first_orders(ORDERS, asof="2026-06-30", since=since))
    fresh = charts.ticket_bands_chart(ex.result)
    picture = shown(ex)
    assert differing_pixels(picture, drawn_afresh(fresh)) < 0.002 * picture[..., 0].size


@pytest.mark.parametrize("language", ["en", "zh"])
def test_group_counts_updated_in_place_are_the_fresh_chart(language, cjk_font_known):
    use_language(language)
    ex = UpliftExplorer(*campaign_frames(load_samsclub_campaign()))
    figure = ex._figure
    for value in (30, 70, 55):
        ex.visits_slider.value = value
    assert ex._figure is figure
    assert [p.get_width() for p in figure.axes[0].patches] == list(ex.summary["members"])
    assert len(figure.axes[0].texts) == len(ex.summary)  # old numbers are gone
    assert "55" in figure.axes[0].get_title()
    fresh = charts.group_counts_chart(ex.uplift)
    picture = shown(ex)
    assert differing_pixels(picture, drawn_afresh(fresh)) < 0.002 * picture[..., 0].size


def test_pyramid_redrawn_afresh_after_moves_is_the_whole_chart():
    """A slider move blits the pyramid; switching the basis draws it afresh, and the picture
    must be that new chart (not the kept picture of the old one with its removed texts). The
    canvas is compared (the 64-colour PNG moves a few edge pixels of the four tier colours)."""
    ex = PyramidExplorer(TABLE, clv_values=TABLE["monetary"] * 0.5)

    def canvas_is_the_whole_chart():
        canvas = np.asarray(ex._figure.canvas.buffer_rgba())[..., :3].copy()
        for artist in ex._figure.findobj(lambda a: a.get_animated()):
            artist.set_animated(False)
        assert differing_pixels(canvas, drawn_afresh(ex._figure)) == 0

    ex.silver.value = 25
    canvas_is_the_whole_chart()
    ex.silver.value = 20
    ex.basis.value = next(v for _, v in ex.basis.options if v != ex.basis.value)
    canvas_is_the_whole_chart()
    ex.silver.value = 25  # and blitting starts again on the new chart
    canvas_is_the_whole_chart()
