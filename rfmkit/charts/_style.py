"""One place for how every rfmkit chart looks: font sizes, figure sizes and the Chinese font.

Classroom charts are read from the back of the room, so sizes are larger than matplotlib's
defaults. Chinese text needs a CJK font: :func:`find_cjk_font` looks for one the computer
already has and :func:`apply_style` adds it as a *fallback* after the usual Latin font, so
Latin letters and digits look the same as always and only Chinese characters come from the CJK
font. Nothing is changed when this module is imported; charts call :func:`apply_style`.

When Chinese is asked for (``use_language("zh")``) but no CJK font exists, charts would show
empty boxes instead of characters. :func:`chart_text` then returns the English text and one
notice per session says how to install a font.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import matplotlib
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from rfmkit.labels import LABELS, current_language, label

# Font sizes (points) and figure sizes (inches), chosen for a projector.
FONT_SIZES = {
    "base": 14,
    "title": 17,
    "label": 14,
    "tick": 13,
    "legend": 13,
    "annotation": 13,
}
FIGURE_SIZES = {
    "three_panels": (15.0, 5.2),  # rfm_distributions
    "two_panels": (14.0, 6.2),  # segment_chart
    "grid": (9.0, 7.0),  # rf_grid
}
# A colour-blind-safe pair used for bars and marker lines.
COLOURS = {"bars": "#4C72B0", "revenue": "#DD8452", "cut": "#C44E52", "text": "#222222"}

RC = {
    "font.size": FONT_SIZES["base"],
    "axes.titlesize": FONT_SIZES["title"],
    "figure.titlesize": FONT_SIZES["title"],
    "axes.labelsize": FONT_SIZES["label"],
    "xtick.labelsize": FONT_SIZES["tick"],
    "ytick.labelsize": FONT_SIZES["tick"],
    "legend.fontsize": FONT_SIZES["legend"],
    # Many CJK fonts lack the Unicode minus sign; a plain hyphen shows everywhere.
    "axes.unicode_minus": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
}

# Searched in this order; the first one the computer has is used.
CJK_FONTS = (
    "Microsoft YaHei",  # Windows
    "SimHei",  # Windows
    "PingFang SC",  # macOS
    "Hiragino Sans GB",  # macOS
    "Heiti SC",  # macOS
    "STHeiti",  # macOS (older)
    "Noto Sans CJK SC",  # Linux: fonts-noto-cjk
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",  # Linux
    "WenQuanYi Micro Hei",
)

NO_CJK_FONT_NOTICE = (
    "rfmkit: no Chinese (CJK) font was found on this computer, so charts use English text "
    "(tables and widgets still show Chinese). To get Chinese charts, install a CJK font, "
    "for example Noto Sans CJK SC: Windows and macOS already have one; on Debian/Ubuntu run "
    "`sudo apt-get install fonts-noto-cjk`; otherwise download it from "
    "https://github.com/notofonts/noto-cjk. Then delete matplotlib's font cache folder "
    "({cachedir}) and restart the kernel."
)


class _Notice:
    given = False


def _available_font_names() -> list[str]:
    """Names of the fonts matplotlib knows about (its font list, not the files)."""
    return [entry.name for entry in font_manager.fontManager.ttflist]


def find_cjk_font(available_names: Iterable[str] | None = None) -> str | None:
    """Return the first font of :data:`CJK_FONTS` that is available, or ``None``.

    ``available_names`` defaults to the fonts matplotlib has found on this computer; pass a
    list to test the choice without touching the system.
    """
    names = set(_available_font_names() if available_names is None else available_names)
    for name in CJK_FONTS:
        if name in names:
            return name
    return None


def chinese_charts_possible() -> bool:
    """True when charts can show Chinese: the language is ``"zh"`` and a CJK font exists."""
    return current_language() == "zh" and find_cjk_font() is not None


def chart_language() -> str:
    """The language charts are drawn in: the current one, or ``"en"`` when Chinese is asked for
    but no CJK font exists (the notice about it is then given once per session)."""
    if current_language() != "zh":
        return "en"
    if find_cjk_font() is not None:
        return "zh"
    _notify_no_cjk_font()
    return "en"


def _notify_no_cjk_font() -> None:
    if _Notice.given:
        return
    _Notice.given = True
    warnings.warn(
        NO_CJK_FONT_NOTICE.format(cachedir=matplotlib.get_cachedir()), UserWarning, stacklevel=3
    )


def chart_text(key: str) -> str:
    """The chart text for ``key``: ``label(key)``, or its English label when Chinese is asked
    for but no CJK font exists."""
    if chart_language() == "zh":
        return label(key)
    pair = LABELS.get(key)
    return key if pair is None else pair[1]


def chart_pick(zh: str, en: str) -> str:
    """``zh`` or ``en`` by :func:`chart_language` (for names kept in data tables)."""
    return zh if chart_language() == "zh" else en


def apply_style() -> None:
    """Set rfmkit's font sizes and add a CJK fallback font to ``font.family``.

    Safe to call any number of times: the result is the same. Changes ``matplotlib.rcParams``
    (so a student's own plots get readable sizes and Chinese characters too); it never changes
    matplotlib's installed files.
    """
    matplotlib.rcParams.update(RC)
    families = [f for f in matplotlib.rcParams["font.family"] if f not in CJK_FONTS]
    if not families:
        families = ["sans-serif"]
    found = find_cjk_font()
    if found is not None:
        families.append(found)
    matplotlib.rcParams["font.family"] = families


def new_figure(size: str, ncols: int = 1, **kwargs) -> tuple[Figure, object]:
    """Create a styled figure and its axes, already removed from pyplot's list of open figures.

    Through pyplot so that Jupyter's inline backend is loaded and shows a returned figure as a
    picture; closed at once so that the backend does not show it a second time at the end of
    the cell (and ``plt.show()`` elsewhere does not pick it up). Never calls ``plt.show()``.
    """
    apply_style()
    fig, axes = plt.subplots(
        1, ncols, figsize=FIGURE_SIZES[size], layout="constrained", **kwargs
    )
    plt.close(fig)
    # Closing leaves a bare canvas that cannot draw; give it an Agg one so that
    # ``fig.canvas.draw()`` and ``fig.savefig(...)`` work anywhere.
    FigureCanvasAgg(fig)
    return fig, axes
