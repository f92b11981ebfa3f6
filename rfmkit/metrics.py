"""Satisfaction metrics from survey answers: CSAT (顾客满意度) and NPS (净推荐值).

- CSAT: the share of answered 1-5 satisfaction scores that are "satisfied" (4 or 5), in %.
- NPS: % promoters (9-10) minus % detractors (0-6) among answered 0-10 "would you recommend us?"
  scores, in percentage points, from -100 (everyone a detractor) to +100 (everyone a promoter).

Both ignore missing answers (None, NaN, pd.NA): a customer who skipped the question is not
counted at all. A value outside the scale, or not a whole number, is a data error and raises a
ValueError that names it, as does a question nobody answered.

Computation only: pandas in, numbers or pandas out, inputs never modified, no printing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

NPS_GROUPS = ("promoters", "passives", "detractors")


def _answered(scores, low: int, high: int, what: str) -> np.ndarray:
    """Return the answered scores as whole numbers, checking each lies in ``low..high``."""
    values = pd.Series(scores, dtype="object") if not isinstance(scores, pd.Series) else scores
    values = values[values.notna()]
    numbers = pd.to_numeric(values, errors="coerce")
    not_numbers = values[numbers.isna()]
    if len(not_numbers):
        raise ValueError(
            f"{what} scores must be numbers {low}-{high}; found {not_numbers.iloc[0]!r}"
        )
    numbers = numbers.to_numpy(dtype="float64")
    bad = (numbers < low) | (numbers > high) | (numbers != np.round(numbers))
    if bad.any():
        shown = sorted({float(v) for v in numbers[bad]})[:5]
        shown = [int(v) if v.is_integer() else v for v in shown]
        raise ValueError(f"{what} scores must be whole numbers {low}-{high}; found {shown}")
    if numbers.size == 0:
        raise ValueError(f"no {what} answers: every score is missing")
    return numbers.astype("int64")


def csat(scores, satisfied=(4, 5)) -> float:
    """Return CSAT (customer satisfaction, 顾客满意度) in %: the share of answered 1-5 scores
    that count as satisfied.

    ``scores``: satisfaction answers on a 1-5 scale (list, array or Series); missing answers
    are left out. ``satisfied``: the scores that count as satisfied, by default 4 and 5.
    Returns a float from 0.0 to 100.0 (not rounded), e.g. ``csat([5, 4, 4, 3]) == 75.0``.
    Raises ValueError for a score outside 1-5 or not whole, or when no score was answered.
    """
    good = {int(s) for s in satisfied}
    if not good or not good <= set(range(1, 6)):
        raise ValueError(f"satisfied must be scores from 1 to 5, got {sorted(good)}")
    answered = _answered(scores, 1, 5, "satisfaction (CSAT)")
    return 100.0 * float(np.isin(answered, sorted(good)).sum()) / answered.size


def _nps_counts(scores) -> tuple[int, int, int]:
    answered = _answered(scores, 0, 10, "recommendation (NPS)")
    promoters = int((answered >= 9).sum())
    detractors = int((answered <= 6).sum())
    return promoters, answered.size - promoters - detractors, detractors


def nps(scores) -> float:
    """Return NPS (net promoter score, 净推荐值) in percentage points, from -100 to 100.

    ``scores``: answers to "how likely are you to recommend us?" on a 0-10 scale; missing
    answers are left out. Promoters score 9-10, passives 7-8, detractors 0-6;
    NPS = % promoters - % detractors, e.g. ``nps([10, 9, 8, 7, 6, 0]) == 0.0``
    (2 of 6 promoters, 2 of 6 detractors). Not rounded.
    Raises ValueError for a score outside 0-10 or not whole, or when no score was answered.
    """
    promoters, passives, detractors = _nps_counts(scores)
    return 100.0 * (promoters - detractors) / (promoters + passives + detractors)


def nps_breakdown(scores) -> pd.DataFrame:
    """Return how many answers are promoters (9-10), passives (7-8) and detractors (0-6).

    A DataFrame indexed by group (``promoters``, ``passives``, ``detractors``) with ``count``
    (answers) and ``share`` (% of answered scores, not rounded; the three shares add up to 100).
    ``.attrs`` holds ``answered`` (number of answered scores) and ``nps`` (the same value as
    :func:`nps`). Missing answers are left out; same errors as :func:`nps`.
    """
    counts = _nps_counts(scores)
    answered = sum(counts)
    result = pd.DataFrame(
        {
            "count": np.array(counts, dtype="int64"),
            "share": [100.0 * c / answered for c in counts],
        },
        index=pd.Index(NPS_GROUPS, name="group"),
    )
    result.attrs = {"answered": answered, "nps": 100.0 * (counts[0] - counts[2]) / answered}
    return result
