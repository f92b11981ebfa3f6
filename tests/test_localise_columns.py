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


def test_days_display_without_the_timestamp_repr():
    from IPython.core.formatters import PlainTextFormatter

    from rfmkit.labels import _plain_timestamp

    shown = PlainTextFormatter()
    shown.for_type(pd.Timestamp, _plain_timestamp)
    assert shown(pd.Timestamp("2026-06-10")) == "2026-06-10"
    assert shown((pd.Timestamp("2024-06-11"), pd.Timestamp("2026-06-10"))) == (
        "(2024-06-11, 2026-06-10)")
    assert shown(pd.Timestamp("2026-06-10 08:30")) == "2026-06-10 08:30:00"


def test_a_series_ends_with_its_chinese_name_and_no_dtype():
    from rfmkit.labels import _localised_text

    counts = pd.Series([3, 2], index=["a", "b"], name="count")
    try:
        rk.use_language("zh")
        zh = _localised_text(counts)
        unnamed = _localised_text(pd.Series([1.5]))
    finally:
        rk.use_language("en")
    assert zh == "a    3\nb    2\n列名: 计数"
    assert unnamed == "0    1.5"
    assert _localised_text(counts) == "a    3\nb    2\nName: count, dtype: int64"  # English


def test_describe_rows_in_chinese():
    described = pd.Series([1.0, 2.0, 3.0]).describe()
    try:
        rk.use_language("zh")
        zh = rk.localise(described)
    finally:
        rk.use_language("en")
    assert list(zh.index) == ["个数", "平均值", "标准差", "最小值", "25% 分位数", "中位数",
                              "75% 分位数", "最大值"]
    # 1, 2, 3: mean 2, sample standard deviation 1, quartiles 1.5 and 2.5
    assert list(zh) == [3.0, 2.0, 1.0, 1.0, 1.5, 2.0, 2.5, 3.0]
    assert list(rk.localise(described).index) == list(described.index)  # English as pandas


def test_the_last_line_of_a_long_or_dated_series_in_chinese():
    from rfmkit.labels import _chinese_footer

    try:
        rk.use_language("zh")
        long = _chinese_footer("0    0\n...\nName: x, Length: 3000, dtype: int64")
        dated = _chinese_footer("2026-01-01    1\nFreq: D, Name: x, dtype: int64")
        other = _chinese_footer("0    a\nName: x, dtype: category\nCategories (1, object): ['a']")
    finally:
        rk.use_language("en")
    assert long == "0    0\n...\n列名: x, 共 3000 行"
    assert dated == "2026-01-01    1\n列名: x"
    assert other.endswith("Categories (1, object): ['a']")  # not a footer line: left alone


def test_the_total_row_of_purchases_by_stage_is_named():
    cross = pd.DataFrame({"active": [2, 1, 3]},
                         index=pd.Index(["1", "2+", "all"], name="purchases"))
    try:
        rk.use_language("zh")
        zh = rk.localise(cross)
    finally:
        rk.use_language("en")
    assert list(zh.index) == ["1", "2+", "全部"]
    assert list(rk.localise(cross).index) == ["1", "2+", "all"]


def test_code_table_of_columns_pairs_code_names_with_headers():
    try:
        rk.use_language("zh")
        columns = rk.code_table("column").set_index("code")["name"]
    finally:
        rk.use_language("en")
    assert columns["amount"] == "金额 (元)" and columns["order_date"] == "下单日期"


def test_code_table_of_an_unknown_kind_names_the_kinds():
    import pytest

    with pytest.raises(ValueError, match=r"no codes of kind 'colour'.*'segment'"):
        rk.code_table("colour")


def test_a_customer_name_is_a_persons_name():
    people = pd.DataFrame({"customer_id": ["C1"], "name": ["王芳"]})
    try:
        rk.use_language("zh")
        zh = rk.localise(people)
        product = rk.localise(pd.DataFrame({"product_id": ["P1"], "name": ["茶"]}))
    finally:
        rk.use_language("en")
    assert list(zh.columns) == ["客户ID", "姓名"]
    assert "姓名" not in product.columns
