"""The header table, rfmkit/headers.toml: every column the readers know has its headers there,
no header means two columns of one kind of file, and every platform preset names only columns
of an order file."""

from __future__ import annotations

from collections import Counter

from rfmkit._toml import load_toml
from rfmkit.io import _SCHEMAS, PRESETS, _norm_header


def test_every_column_has_its_own_name_first_and_nothing_unused() -> None:
    aliases = load_toml("headers.toml")["aliases"]
    columns = {f.name for fields in _SCHEMAS.values() for f in fields}
    assert set(aliases) == columns
    for name, headers in aliases.items():
        assert headers[0] == name, name


def test_no_header_is_accepted_for_two_columns_of_one_file() -> None:
    for kind, fields in _SCHEMAS.items():
        keys = Counter(_norm_header(h) for f in fields for h in set(map(_norm_header, f.aliases)))
        assert [k for k, n in keys.items() if n > 1] == [], kind


def test_presets_name_only_columns_of_an_order_file() -> None:
    orders = {f.name for f in _SCHEMAS["orders"]}
    assert set(PRESETS) == {"taobao", "jd", "pinduoduo", "youzan", "douyin"}
    for key, preset in PRESETS.items():
        assert set(preset.columns) <= orders and preset.signature, key


def test_every_data_file_of_the_package_is_shipped_with_it() -> None:
    """A wheel holds only the package-data patterns of pyproject.toml: each text table the kit
    reads at import (labels, headers, exercise texts, the presenter style) must match one."""
    import fnmatch
    from pathlib import Path

    from rfmkit._toml import tomllib

    root = Path(__file__).resolve().parent.parent
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["rfmkit"]
    files = [p.relative_to(root / "rfmkit").as_posix()
             for p in (root / "rfmkit").rglob("*") if p.suffix in (".toml", ".json")]
    assert len(files) >= 13
    def shipped(name: str, pattern: str) -> bool:  # setuptools' glob: "*" stops at a "/"
        parts, wanted = name.split("/"), pattern.split("/")
        return len(parts) == len(wanted) and all(map(fnmatch.fnmatchcase, parts, wanted))

    assert not shipped("exercises/nb00.toml", "*.toml")  # the matcher itself
    for name in files:
        assert any(shipped(name, pattern) for pattern in patterns), name
