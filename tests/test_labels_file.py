"""The label table, rfmkit/labels.toml: every entry has a Chinese and an English text, the two
name the same format fields, and the loaded table is what rfmkit uses."""

from __future__ import annotations

import string

from rfmkit._toml import load_toml
from rfmkit.labels import LABELS


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_entry_has_exactly_a_chinese_and_an_english_text() -> None:
    table = load_toml("labels.toml")
    assert len(table) > 900
    for key, texts in table.items():
        assert set(texts) == {"zh", "en"}, key
        assert all(isinstance(t, str) and t.strip() for t in texts.values()), key


def test_chinese_fills_in_no_field_the_english_text_lacks_except_bare_counts() -> None:
    # English spells a count with its noun ({rows} = "3 rows") where Chinese writes {n} 行, so
    # the bare counts n, m, r, c may be Chinese-only; any other field must be in both texts
    for key, texts in load_toml("labels.toml").items():
        assert fields(texts["zh"]) <= fields(texts["en"]) | {"n", "m", "r", "c"}, key


def test_the_kit_shows_the_entries_as_written_in_the_file() -> None:
    from rfmkit.labels import label, use_language

    assert LABELS["customer_id"] == ("客户ID", "customer ID")
    assert LABELS["tier.gold"] == ("金质客户", "gold")
    try:
        use_language("zh")
        assert label("monetary") == "消费金额 M (元)"
        use_language("en")
        assert label("monetary") == "monetary M (yuan)"
    finally:
        use_language("en")
