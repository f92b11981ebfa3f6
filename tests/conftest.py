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


# Names of the codes the chart and widget tests draw, as the label table gives them (kept
# here so those tests do not depend on which module registers them).
CODE_NAMES = {
    "service.birthday_gift": ("生日小礼物", "birthday gift"),
    "service.coupon": ("优惠券", "coupon"),
    "service.trial_sample": ("新品试用装", "trial sample"),
    "service.win_back_offer": ("专属回归优惠", "win-back offer"),
    "service.priority_service": ("优先服务", "priority service"),
    "channel.WeChat": ("微信", "WeChat"),
    "channel.SMS": ("短信", "SMS"),
    "channel.e-mail": ("电子邮件", "e-mail"),
    "category.beauty": ("美妆", "beauty"),
    "category.snacks": ("零食", "snacks"),
    "holiday.festival_618": ("618 购物节", "618 shopping festival"),
    "holiday.dragon_boat": ("端午节", "Dragon Boat Festival"),
    "case_group.A0": ("无基期 (上月无消费)", "no baseline (no purchase last month)"),
    "case_group.A1": ("两项目标都达成", "both targets met"),
    "case_group.A2": ("到店次数达标, 客单价未达标", "visits met, ticket not"),
    "case_group.A3": ("客单价达标, 到店次数未达标", "ticket met, visits not"),
    "case_group.A4": ("两项都未达标", "neither target met"),
}


@pytest.fixture
def code_names(monkeypatch):
    """The names of the codes used by the chart and widget tests (see CODE_NAMES)."""
    from rfmkit.labels import LABELS

    for key, pair in CODE_NAMES.items():
        monkeypatch.setitem(LABELS, key, pair)
