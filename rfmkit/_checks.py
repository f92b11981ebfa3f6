"""Input checks shared by the computation modules (pandas only)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd


def require_columns(frame: pd.DataFrame, needed: Mapping[str, str], what: str) -> None:
    """Raise ValueError unless ``frame`` is a DataFrame with every column in ``needed``.

    ``needed`` maps a column name to what it should hold; the message names each missing
    column with that explanation and lists the columns found, e.g. "orders is missing column
    'amount' (the line amount in yuan). Columns found: [...]".
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{what} must be a table (DataFrame), got {type(frame).__name__}")
    missing = [col for col in needed if col not in frame.columns]
    if missing:
        explained = ", ".join(f"{col!r} ({needed[col]})" for col in missing)
        raise ValueError(
            f"{what} is missing column {explained}. Columns found: {list(frame.columns)}"
        )
