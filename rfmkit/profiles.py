"""Member profiles: who is in a group, field by field, compared with a reference set.

One comparison serves :func:`rfmkit.preferences.segment_profile` (notebook 07) and
:func:`rfmkit.case.group_profile` (notebook 08). A blank answer (missing, or only spaces) is
the value :data:`MISSING`, so a field's shares add up to 100 %; its name is shown at display
time (``rfmkit.labels.name("profile_value", MISSING)``). Computation only: inputs never
modified, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.validation import as_ids, require_columns, some

#: The code of a blank answer in the ``field_value`` column.
MISSING = "(missing)"

#: The membership form's bands, in their natural order (other fields: most common first).
BAND_ORDER = {
    "age_band": ("18-25", "26-35", "36-45", "46-55", "56-65", "65+"),
    "income_band": ("<3000", "3001-6000", "6001-9000", "9001+"),
}

COLUMNS = ["field", "field_value", "group_members", "group_share_pct", "reference_members",
           "reference_share_pct", "difference_pct_points"]


def members_by_id(frame: pd.DataFrame, member: str, what: str) -> pd.DataFrame:
    """``frame`` indexed by its ``member`` column (or as it is, when its index is already named
    ``member``). ValueError when neither exists or a member is listed twice."""
    if member in frame.columns:
        frame = frame.set_index(member)
    elif frame.index.name != member:
        raise ValueError(error_text("profiles.member_column", what=what, member=member,
                                    columns=list(frame.columns)))
    frame = frame.set_axis(as_ids(frame.index).rename(member), axis=0)
    if frame.index.has_duplicates:
        twice = frame.index[frame.index.duplicated()].unique()
        raise ValueError(error_text("members_twice", what=what, twice=some(twice)))
    return frame


def _unique_ids(ids: Iterable) -> pd.Index:
    if isinstance(ids, str):
        ids = [ids]
    return pd.Index(pd.unique(pd.Series(list(as_ids(list(ids))), dtype=object)))


def _answers(values: pd.Series) -> pd.Series:
    blank = values.isna() | values.map(lambda v: isinstance(v, str) and not v.strip())
    return values.astype(object).mask(blank.to_numpy(dtype=bool), MISSING)


def _value_order(field: str, group: dict, reference: dict) -> list:
    values = list(reference) + [v for v in group if v not in reference]
    bands = [v for v in BAND_ORDER.get(field, ()) if v in values]
    rest = sorted((v for v in values if v not in bands and v != MISSING),
                  key=lambda v: (-group.get(v, 0), -reference.get(v, 0), str(v)))
    return bands + rest + ([MISSING] if MISSING in values else [])


def profile_comparison(
    members: pd.DataFrame,
    ids: Iterable,
    fields: Sequence[str],
    *,
    reference: Iterable | None = None,
    member: str = "member_id",
    unknown_ids: str = "raise",
) -> pd.DataFrame:
    """The share of each value of each profile field in a group, next to a reference set.

    Takes the member table (one row per member: the ``member`` ID column, or an index of that
    name, and the ``fields``), the group's member IDs (listed twice counts once), and the
    reference IDs (default: every member). ``unknown_ids`` says what an ID not among the members
    does: ``"raise"`` (ValueError naming it) or ``"count"`` (left out and counted in
    ``.attrs["not_found"]``). ``"raise"`` also refuses an empty group or reference.

    Returns one row per field and value: ``field``, ``field_value`` (the data's own value, or
    :data:`MISSING`), ``group_members`` and ``reference_members`` (int), ``group_share_pct``
    and ``reference_share_pct`` (% of the set, unrounded; 0 for an empty set) and
    ``difference_pct_points`` (group share - reference share, in percentage points). Every
    value found in the group or the reference is listed: banded fields (:data:`BAND_ORDER`)
    in their order, other values most common in the group first (then in the reference, then
    by value), :data:`MISSING` last. ``.attrs``: ``group_size``, ``reference_size``,
    ``not_found``.

    Worked example: members a, b single, c, d married, e blank; group {a, b}: single 100 % vs
    40 % (+60 points), married 0 % vs 40 %, (missing) 0 % vs 20 %.
    """
    if unknown_ids not in ("raise", "count"):
        raise ValueError(error_text("profiles.unknown_ids", unknown_ids=unknown_ids))
    fields = [fields] if isinstance(fields, str) else list(fields)
    require_columns(members, {f: "a profile field" for f in fields}, "members")
    table = members_by_id(members, member, "members")
    sets, not_found = [], 0
    for given, what in ((ids, "ids"), (reference, "reference")):
        wanted = table.index if given is None else _unique_ids(given)
        missing = wanted.difference(table.index)
        if unknown_ids == "raise" and len(wanted) == 0:
            raise ValueError(error_text("profiles.no_ids", what=what))
        if unknown_ids == "raise" and len(missing):
            raise ValueError(error_text("profiles.ids_not_found", what=what, missing=some(missing)))
        not_found += len(missing) if what == "ids" else 0
        sets.append(table.loc[wanted.intersection(table.index, sort=False)])
    chosen, base = sets
    pieces = []
    for field in fields:
        group = _answers(chosen[field]).value_counts(sort=False).to_dict()
        counts = _answers(base[field]).value_counts(sort=False).to_dict()
        values = _value_order(field, group, counts)
        in_group = np.array([group.get(v, 0) for v in values], dtype="int64")
        in_reference = np.array([counts.get(v, 0) for v in values], dtype="int64")
        group_pct = in_group * 100 / max(len(chosen), 1)
        reference_pct = in_reference * 100 / max(len(base), 1)
        pieces.append(pd.DataFrame({
            "field": field,
            "field_value": pd.Series(values, dtype=object),
            "group_members": in_group,
            "group_share_pct": group_pct,
            "reference_members": in_reference,
            "reference_share_pct": reference_pct,
            "difference_pct_points": group_pct - reference_pct,
        }))
    profile = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame(columns=COLUMNS)
    profile.attrs = {"group_size": len(chosen), "reference_size": len(base),
                     "not_found": not_found}
    return profile
