"""How every rfmkit chart looks (sizes for a projector, colours, the CJK font) and the names of
codes in the chart's language.

The style travels with each figure (:func:`new_figure`, :func:`styled`), so a chart never
changes ``plt.rcParams``; :func:`apply_style` gives a student's own plots the same look. A CJK
font found on the computer is a *fallback* after the Latin font; without one, chart texts are
English and one notice per session says how to install a font.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from rfmkit.labels import LABELS, current_language, label
from rfmkit.validation import RfmkitWarning

# Font sizes (points) and figure sizes (inches, width x height): the only place for both.
FONT_SIZES = {"base": 14, "title": 17, "label": 14, "tick": 13, "legend": 13, "annotation": 13}
FIGURE_SIZES = {
    "three_panels": (15.0, 5.2),
    "two_panels": (14.0, 6.2),
    "grid": (9.0, 7.0),
    "pyramid": (12.0, 7.0),
    "histogram": (12.0, 6.0),
    "bars": (12.0, 6.0),
    "stages": (15.0, 6.2),
    "wide": (14.0, 5.5),
    "strip": (13.0, 3.6),
    "heatmap": (12.0, 6.5),
    "deciles": (12.0, 5.8),
    "before_after_1": (9.5, 5.4),
    "before_after_2": (12.5, 5.4),
    "before_after_3": (15.0, 5.4),
    "counts": (11.0, 4.8),
}
# Colours: one table, so a palette change is one edit. Colour-blind safe: every colour comes
# from the Okabe-Ito set (blue, orange, vermillion, sky blue, ...) or is a grey, and no two
# colours that tell categories apart are a red/green pair (tests/test_charts.py simulates
# deuteranopia and protanopia and checks that such colours stay apart).
OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
             "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00",
             "reddish_purple": "#CC79A7", "grey": "#999999"}
COLOURS = {"bars": OKABE_ITO["blue"], "revenue": OKABE_ITO["orange"],
           "cut": OKABE_ITO["vermillion"], "text": "#222222", "before": "#A6CBE8",
           "light": "#A6CBE8", "missing": "#e6e6e6", "note": "#555555"}
PALETTE = tuple(OKABE_ITO[c] for c in ("blue", "orange", "sky_blue", "reddish_purple",
                                       "bluish_green", "vermillion", "yellow", "grey"))
# Colours that carry a meaning (a tier, a stage, a kind of answer). Stages: blue (active),
# orange (sleeping), dark grey (lost): told apart by hue *and* lightness, never red/green.
CODE_COLOURS = {
    "tier": {"gold": "#E6B422", "silver": "#C3C8CE", "bronze": "#A0652D", "iron": "#4D545C"},
    "stage": {"active": OKABE_ITO["blue"], "sleeping": OKABE_ITO["orange"],
              "lost": "#5F5F5F"},
    "nps": {"detractors": OKABE_ITO["vermillion"], "passives": "#C8C8C8",
            "promoters": OKABE_ITO["blue"]},
}
WHITE_TEXT = {"tier.bronze", "tier.iron", "stage.active", "stage.lost", "nps.promoters"}
HEATMAP = "YlGnBu"

RC = {
    "font.size": FONT_SIZES["base"],
    "axes.titlesize": FONT_SIZES["title"],
    "figure.titlesize": FONT_SIZES["title"],
    "axes.labelsize": FONT_SIZES["label"],
    "xtick.labelsize": FONT_SIZES["tick"],
    "ytick.labelsize": FONT_SIZES["tick"],
    "legend.fontsize": FONT_SIZES["legend"],
    "axes.unicode_minus": False,  # many CJK fonts lack the Unicode minus sign
    "axes.spines.top": False,
    "axes.spines.right": False,
    # FreeType's own hinting: looks the same at chart sizes, draws text about 40 % faster
    # (benchmarks/bench_widgets.py), which is most of an explorer's redraw.
    "text.hinting": "auto",
}

# Searched in this order; the first one the computer has is used.
CJK_FONTS = (
    "Microsoft YaHei", "SimHei",  # Windows
    "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti",  # macOS
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Source Han Sans SC",
    "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",  # Linux
)

NO_CJK_FONT_NOTICE = LABELS["warning.no_cjk_font"][1]  # shown in the notebook's language


class _Notice:
    given = False


def _available_font_names() -> list[str]:
    """Names of the fonts matplotlib knows about."""
    return [entry.name for entry in font_manager.fontManager.ttflist]


def find_cjk_font(available_names: Iterable[str] | None = None) -> str | None:
    """Return the first font of :data:`CJK_FONTS` in ``available_names`` (default: the fonts
    matplotlib found on this computer), or ``None``."""
    names = set(_available_font_names() if available_names is None else available_names)
    return next((name for name in CJK_FONTS if name in names), None)


def chart_language() -> str:
    """``"zh"`` or ``"en"``: the current language, but English when Chinese is asked for and no
    CJK font exists (then the notice about it is given, once per session)."""
    if current_language() != "zh":
        return "en"
    if find_cjk_font() is not None:
        return "zh"
    if not _Notice.given:
        _Notice.given = True
        warnings.warn(RfmkitWarning("no_cjk_font", NO_CJK_FONT_NOTICE,
                                    cachedir=matplotlib.get_cachedir()), stacklevel=3)
    return "en"


def chart_text(key: str) -> str:
    """The label of ``key`` in :func:`chart_language` (the key itself if it has none)."""
    if chart_language() == "zh":
        return label(key)
    pair = LABELS.get(key)
    return key if pair is None else pair[1]


def chart_name(kind: str, code) -> str:
    """The name of a code (key ``"<kind>.<code>"``, as :func:`rfmkit.labels.name`) in
    :func:`chart_language`; a code without a name is shown as it is."""
    key = f"{kind}.{code}"
    return chart_text(key) if key in LABELS else str(code)


def code_order(kind: str) -> list[str]:
    """The codes of ``kind`` that have a name, in the order of the label table."""
    prefix = f"{kind}."
    return [key[len(prefix):] for key in LABELS if key.startswith(prefix)]


def in_code_order(codes, kind: str) -> list:
    """``codes`` (distinct) in the label table's order of ``kind``, unknown ones sorted last."""
    present = set(codes)
    known = [c for c in code_order(kind) if c in present]
    return known + sorted(present - set(known))


def text_colour(kind: str, code: str) -> str:
    """White on the dark colours of :data:`WHITE_TEXT`, else the text colour."""
    return "white" if f"{kind}.{code}" in WHITE_TEXT else COLOURS["text"]


def style_rc() -> dict:
    """The rcParams of rfmkit's charts: :data:`RC` and ``font.family`` with the CJK font (if
    any) as a fallback after the current families."""
    families = [f for f in matplotlib.rcParams["font.family"] if f not in CJK_FONTS]
    found = find_cjk_font()
    return {**RC, "font.family": (families or ["sans-serif"]) + ([found] if found else [])}


def apply_style() -> None:
    """Give the student's own plots rfmkit's look: set :func:`style_rc` in
    ``matplotlib.rcParams`` (charts do not need this and never call it). Calling it again
    changes nothing; matplotlib's installed files are never changed."""
    matplotlib.rcParams.update(style_rc())


class ChartFigure(Figure):
    """A Figure that keeps rfmkit's style and applies it whenever it is drawn or saved.

    ``rfmkit_alt``, the chart's text alternative (current language), is also its ``repr``:
    the plain text a notebook stores next to the picture."""

    rfmkit_rc: dict = {}
    rfmkit_alt: str = ""

    def __repr__(self) -> str:
        return self.rfmkit_alt or super().__repr__()

    def draw(self, renderer):
        with matplotlib.rc_context(self.rfmkit_rc):
            return super().draw(renderer)

    def draw_artists(self, artists) -> None:
        """Draw ``artists`` in rfmkit's style, for explorers that redraw only what changed."""
        with matplotlib.rc_context(self.rfmkit_rc):
            for artist in artists:
                self.draw_artist(artist)


def styled(func):
    """Decorator: run a chart function inside rfmkit's style (``rcParams`` restored after)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(style_rc()):
            return func(*args, **kwargs)

    return wrapper


def new_figure(size: str, ncols: int = 1, *, fig: Figure | None = None, structure=None,
               room=None, **kwargs):
    """``(figure, axes)``: a new figure of ``FIGURE_SIZES[size]`` with ``ncols`` axes in one
    row, or ``fig`` (one an earlier chart returned) cleared. Call inside :func:`styled`.

    Made through pyplot (so Jupyter's inline backend shows it) and closed at once (not shown
    twice nor by ``plt.show()``), with an Agg canvas. ``structure`` and ``room``: see
    :func:`can_update`; what was listed for blitting (:func:`blit_parts`) is forgotten.
    """
    if fig is not None:
        fig.clear()
        fig.set_layout_engine("constrained")
        axes = fig.subplots(1, ncols, **kwargs)
    else:
        fig, axes = plt.subplots(1, ncols, figsize=FIGURE_SIZES[size], layout="constrained",
                                 FigureClass=ChartFigure, **kwargs)
        fig.rfmkit_rc = style_rc()
        plt.close(fig)
        FigureCanvasAgg(fig)
    fig.rfmkit_structure, fig.rfmkit_room = structure, room
    blit_parts(fig, None, None)  # drawn afresh: nothing to blit until a chart updates in place
    return fig, axes


def blit_parts(fig: Figure, frame, moving) -> None:
    """Tell widgets what a chart updated in place: ``frame``, the chart's state (a new object
    when drawn afresh), and ``moving``, the artists an update changes, in drawing order. A
    widget keeps a picture of the rest while ``frame`` stays and redraws only ``moving``."""
    fig.rfmkit_frame, fig.rfmkit_moving = frame, None if moving is None else list(moving)


def can_update(fig: Figure | None, structure, room=None) -> bool:
    """Whether ``fig`` holds a chart drawn (:func:`new_figure`) for the same ``structure``
    (language, category names...), so its numbers can be updated in place. Its layout is kept,
    unless the ``room`` its texts need (e.g. digits of the longest tick label) changed."""
    if fig is None or getattr(fig, "rfmkit_structure", None) != structure:
        return False
    if getattr(fig, "rfmkit_room", None) != room:
        fig.set_layout_engine("constrained")
        fig.rfmkit_room = room
    else:
        keep_layout(fig)
    return True


def new_bar_lengths(ax, lengths) -> None:
    """Give the bars of ``ax``'s first container new ``lengths`` (heights, or widths of lying
    bars) and remove the texts on the axes, for a chart updated in place that writes them again."""
    bars = ax.containers[0]
    resize = "set_height" if bars.orientation == "vertical" else "set_width"
    for bar, length in zip(bars, lengths, strict=True):
        getattr(bar, resize)(length)
    for text in list(ax.texts):
        text.remove()


def keep_layout(fig: Figure) -> None:
    """Lay ``fig`` out now (if it still has a layout engine) and keep those places from then
    on (for a chart updated in place)."""
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
        fig.set_layout_engine("none")


def whole_ticks(axis, nbins: int | str = "auto") -> None:
    """Tick ``axis`` at whole numbers only (counts, whole yuan), with thousands separators, at
    matplotlib's usual steps (0, 50, 100 or 0, 250, 500), not 150 or 60."""
    axis.set_major_locator(MaxNLocator(nbins=nbins, integer=True, steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter("{x:,.0f}")


def digits(value: float) -> int:
    """How many characters ``value`` takes with thousands separators (for layout keys)."""
    return len(f"{abs(float(value)):,.0f}")


def set_alt(fig: Figure, key: str, **values) -> Figure:
    """Set ``fig.rfmkit_alt``: the template ``chart.alt.<key>`` in the current language (text
    needs no font) with ``values``."""
    fig.rfmkit_alt = label(f"chart.alt.{key}").format(**values)
    return fig


def alt_list(parts) -> str:
    """Parts of a text alternative joined as a list in the current language."""
    return "; ".join(parts)


def fmt(value: float, decimals: int = 2) -> str:
    """A number as a student reads it: thousands separated; whole numbers without decimals,
    numbers of 1,000 and more with one, others with ``decimals``."""
    value = float(value)
    if value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}" if abs(value) >= 1000 else f"{value:,.{decimals}f}"


def clip_tail(values, floor: float | None = None, stretch: float = 3.0) -> tuple[float, str]:
    """Where a histogram of heavy-tailed ``values`` should stop, and the note that says so.

    When the top 1 % would stretch the axis to more than ``stretch`` times the range of
    everyone else, the axis stops at the 99th percentile (or at ``floor``, if higher) and the
    note gives how many customers lie beyond and the largest value; otherwise it is the
    largest value and the note is "".
    """
    low, high = float(np.min(values)), float(np.max(values))
    p99 = float(np.percentile(values, 99))
    if not (high - low > stretch * (p99 - low) and p99 > low):
        return high, ""
    limit = max(p99, floor if floor is not None else p99)
    note = chart_text("chart.clipped_note").format(
        n=f"{int((np.asarray(values) > limit).sum()):,}", limit=fmt(round(limit, 2)),
        max=fmt(round(high, 2)))
    return limit, note


def no_frame(ax) -> None:
    """Hide an axes' four spines and tick marks (for grids of cells)."""
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
