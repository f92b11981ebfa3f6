"""Complaint handling in the lesson's five steps, as a tracked table.

Steps: register, analyse, solve (decide a solution), carry_out, report_back. Names are labels
``step.<code>``, ``status.<code>`` and ``owner.<role>``; a note or owner may also be free text
or a (Chinese, English) pair, kept as given and shown in the current language by
:func:`rfmkit.service.text.with_names`. Computation only: inputs never modified.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from rfmkit.labels import error_text
from rfmkit.validation import as_day

#: The five steps in order: (step code, default owner role).
COMPLAINT_STEPS: tuple[tuple[str, str], ...] = (
    ("register", "service_agent"),
    ("analyse", "service_supervisor"),
    ("solve", "service_supervisor"),
    ("carry_out", "department"),
    ("report_back", "service_agent"),
)

#: A worked case: a gift box arrived crushed; three steps done so far.
EXAMPLE_COMPLAINT: dict = {
    "case_id": "K2026-001",
    "customer_id": "C00012",
    "opened": "2026-06-02",
    "summary": ("零食礼盒运输途中压坏, 客户要求换货", "snack gift box arrived crushed; "
                "the customer asks for a replacement"),
    "progress": (
        {"date": "2026-06-02", "note": ("快递外箱破损, 仓库未加防护填充",
                                        "outer carton damaged; no padding in the box")},
        {"date": "2026-06-03", "note": ("补发新礼盒并赠送10元优惠券",
                                        "send a new box and a 10-yuan coupon")},
    ),
}


def complaint_steps(case: Mapping = EXAMPLE_COMPLAINT) -> pd.DataFrame:
    """The five complaint-handling steps for one case.

    ``case`` is a dict with ``case_id``, ``customer_id``, ``opened`` (date), ``summary``
    (text or a (Chinese, English) pair) and optionally ``owners`` (dict step code -> owner)
    and ``progress``: the steps completed after registering, in order, each a dict with
    ``date`` and ``note`` (and optionally ``owner``).

    Returns one row per step: ``step`` (1-5), ``code`` (step code), ``owner`` (a role code or
    the given owner), ``date`` (the day it was done, NaT if not yet), ``status`` (``done`` /
    ``in_progress`` / ``pending``) and ``note``. Registering is done on the day the case is
    opened; the next step is in progress. ``.attrs`` holds case_id and customer_id.
    Use :func:`advance_complaint` to move on.
    """
    if not isinstance(case, Mapping):
        raise ValueError(error_text("complaints.case_dict"))
    if missing := [k for k in ("case_id", "customer_id", "opened") if k not in case]:
        raise ValueError(error_text("complaints.case_missing", missing=missing))
    owners = dict(case.get("owners", {}))
    if unknown := sorted(set(owners) - {code for code, _ in COMPLAINT_STEPS}):
        raise ValueError(error_text("complaints.unknown_steps", unknown=unknown))
    steps = pd.DataFrame(
        {
            "step": range(1, len(COMPLAINT_STEPS) + 1),
            "code": [code for code, _ in COMPLAINT_STEPS],
            "owner": [owners.get(code, role) for code, role in COMPLAINT_STEPS],
            "date": pd.to_datetime([as_day(case["opened"], "opened")]
                                   + [pd.NaT] * (len(COMPLAINT_STEPS) - 1)),
            "status": ["done", "in_progress"] + ["pending"] * (len(COMPLAINT_STEPS) - 2),
            "note": [case.get("summary", "")] + [""] * (len(COMPLAINT_STEPS) - 1),
        }
    )
    steps.attrs = {"case_id": case["case_id"], "customer_id": case["customer_id"]}
    for item in case.get("progress", ()):
        if not isinstance(item, Mapping) or "date" not in item:
            raise ValueError(error_text("complaints.item_date", item=item))
        steps = advance_complaint(steps, item["date"], note=item.get("note"),
                                  owner=item.get("owner"))
    return steps


def advance_complaint(steps: pd.DataFrame, date, *, note=None, owner=None) -> pd.DataFrame:
    """Complete the step in progress on ``date`` and start the next one (a new table).

    ``note`` and ``owner`` (text or a (Chinese, English) pair) are recorded on the completed
    step. Raises ValueError when all five steps are done or when ``date`` is before the
    previous step's date. The input table is not changed.
    """
    day = as_day(date, "date")
    result = steps.copy()  # attrs (case_id, customer_id) copied too
    current = np.flatnonzero(result["status"].to_numpy() == "in_progress")
    if len(current) == 0:
        raise ValueError(error_text("complaints.all_done"))
    k = int(current[0])
    before = result["date"].iloc[:k].dropna()
    if len(before) and day < before.max():
        raise ValueError(error_text("complaints.date_before", day=day, value=before.max()))
    row = result.index[k]
    result.loc[row, ["date", "status"]] = [day, "done"]
    for column, value in (("note", note), ("owner", owner)):
        if value is not None:
            result.at[row, column] = value
    if k + 1 < len(result):
        result.loc[result.index[k + 1], "status"] = "in_progress"
    return result
