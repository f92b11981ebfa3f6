"""localise names a Series whose index holds column names (e.g. ``table.mean()``)."""

import numpy as np
import pandas as pd

import rfmkit as rk


def test_a_series_of_column_values_gets_the_column_labels():
    table = pd.DataFrame({"recency_days": [10, 20], "frequency": [1, 3], "monetary": [5.0, 7.0]})
    try:
        rk.use_language("zh")
        zh = rk.localise(table.mean())
    finally:
        rk.use_language("en")
    assert zh.iloc[2] == 6.0
    assert "最近一次消费间隔" in zh.index[0] and "消费金额" in zh.index[2]
    assert list(table.mean().index) == ["recency_days", "frequency", "monetary"]  # unchanged


def test_an_index_of_other_words_is_left_alone():
    counts = pd.Series([3, 2], index=["apple", "pear"])
    assert list(rk.localise(counts).index) == ["apple", "pear"]


def test_a_product_table_shows_one_name_in_the_current_language():
    near = pd.DataFrame({"product_id": ["P019"], "name": ["Coffee Beans 500g"],
                         "name_zh": ["咖啡豆 500g"], "price": [89.0]})
    try:
        rk.use_language("zh")
        zh = rk.localise(near)
    finally:
        rk.use_language("en")
    en = rk.localise(near)
    assert list(zh.columns) == ["商品ID", "名称", "价格 (元)"]
    assert zh.iloc[0, 1] == "咖啡豆 500g"
    assert list(en.columns) == ["product ID", "name", "price (yuan)"]
    assert en.iloc[0, 1] == "Coffee Beans 500g"
    assert list(near.columns) == ["product_id", "name", "name_zh", "price"]  # unchanged


def test_a_name_without_name_zh_is_kept():
    # members' names (no name_zh column) are shown as they are in both languages
    members = pd.DataFrame({"customer_id": ["C00001"], "name": ["叶梓晶"]})
    assert rk.localise(members).iloc[0, 1] == "叶梓晶"


def test_numpy_scalars_display_as_plain_python_values():
    from IPython.core.formatters import PlainTextFormatter

    from rfmkit.labels import PLAIN_SCALARS, _plain_scalar

    shown = PlainTextFormatter()
    for kind in PLAIN_SCALARS:
        shown.for_type(kind, _plain_scalar)
    assert shown(np.True_) == "True"
    assert shown(np.float64(3.2)) == "3.2"
    assert shown(np.int64(5)) == "5"
    assert shown(np.float64(3.2) + 1) == "4.2"
    assert shown(np.float32(0.1)) == "0.1"
    assert shown(np.str_("重要维护客户")) == "'重要维护客户'"
