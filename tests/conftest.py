import pytest

import rfmkit


@pytest.fixture(autouse=True)
def _english_labels():
    """Every test starts and ends in English, whatever language it switched to."""
    rfmkit.use_language("en")
    yield
    rfmkit.use_language("en")


@pytest.fixture
def chart_state():
    """For chart and widget tests: start in English with matplotlib's settings restored, no
    missing-font notice given yet, and no figure left open afterwards."""
    import matplotlib
    import matplotlib.pyplot as plt

    from rfmkit.charts import _style

    rfmkit.use_language("en")
    _style._Notice.given = False
    with matplotlib.rc_context():
        yield
    rfmkit.use_language("en")
    _style._Notice.given = False
    plt.close("all")


@pytest.fixture
def cjk_font_known(monkeypatch):
    """Pretend a CJK font exists (for checking texts without drawing them)."""
    from rfmkit.charts import _style

    monkeypatch.setattr(_style, "_available_font_names", lambda: ["DejaVu Sans", "SimHei"])


@pytest.fixture
def no_cjk_font(monkeypatch):
    """Pretend no CJK font exists (the English fallback)."""
    from rfmkit.charts import _style

    monkeypatch.setattr(_style, "_available_font_names", lambda: ["DejaVu Sans"])
