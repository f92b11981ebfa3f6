"""Read the kit's text files: TOML tables shipped inside the package (labels, exercise texts)."""

from __future__ import annotations

import sys
from importlib.resources import files

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib


def load_toml(relative: str) -> dict:
    """Return the parsed TOML file at ``relative``, a path inside the rfmkit package such as
    ``"labels.toml"`` or ``"exercises/nb02.toml"`` (UTF-8)."""
    return tomllib.loads(files("rfmkit").joinpath(relative).read_text(encoding="utf-8"))
