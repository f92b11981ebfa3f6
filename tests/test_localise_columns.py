"""localise names a Series whose index holds column names (e.g. ``table.mean()``)."""

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
