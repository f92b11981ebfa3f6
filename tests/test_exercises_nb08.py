"""Notebook 08's exercises: each expected answer computed a second, independent way, straight
from the bundled CSV files with the csv module, integers (visits, cents) and Fraction, never
with rfmkit.case or rfmkit.value.

(The generic checks of every exercise — placeholder, solution, wrong answers, both languages —
are in tests/test_exercises.py.)
"""

from __future__ import annotations

import csv
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

from rfmkit.exercises import CORRECT, INCORRECT, nb08

DATA = Path(__file__).resolve().parent.parent / "data"


def cents(text: str) -> int:
    return int((Fraction(text) * 100).limit_denominator(1))


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def groups_by_hand(visits_pct: int = 50, ticket_pct: int = 40) -> dict[str, tuple[str, int, int]]:
    """member -> (A1..A4 or A0, sales before in cents, sales after in cents).

    A target is met when growth >= target, decided by cross-multiplying integers; a growth that
    cannot be computed (nothing to divide by) is not met; no sales last month is A0.
    """
    result = {}
    for row in read("samsclub_campaign.csv"):
        vb = sum(int(row[f"visits_w{w}_before"]) for w in range(1, 5))
        va = sum(int(row[f"visits_w{w}_after"]) for w in range(1, 5))
        sb, sa = cents(row["sales_before"]), cents(row["sales_after"])
        if sb == 0:
            result[row["member_id"]] = ("A0", sb, sa)
            continue
        visits_met = vb > 0 and va * 100 >= vb * (100 + visits_pct)
        # ticket after / ticket before = (sa / va) / (sb / vb) >= 1 + t  <=>  sa*vb*100 >= ...
        ticket_met = va > 0 and vb > 0 and sa * vb * 100 >= sb * va * (100 + ticket_pct)
        group = {(True, True): "A1", (True, False): "A2", (False, True): "A3",
                 (False, False): "A4"}[(visits_met, ticket_met)]  # fmt: skip
        result[row["member_id"]] = (group, sb, sa)
    return result


def ranked_members() -> list[dict[str, str]]:
    rows = read("samsclub_members.csv")
    return sorted(rows, key=lambda r: (-cents(r["last_month_spend"]), r["member_id"]))


def test_q1_visits_last_month_by_hand():
    expected = {row["member_id"]: sum(int(row[f"visits_w{w}_before"]) for w in range(1, 5))
                for row in read("samsclub_campaign.csv")}
    answer = nb08.q1.expected()
    assert answer.to_dict() == expected and len(expected) == 1155
    nb08.q1.check(answer)
    assert nb08.q1.last_result == CORRECT


def test_q1_this_month_or_a_plain_list_is_not_accepted():
    rows = read("samsclub_campaign.csv")
    after = pd.Series({r["member_id"]: sum(int(r[f"visits_w{w}_after"]) for w in range(1, 5))
                       for r in rows})
    nb08.q1.check(after)
    assert nb08.q1.last_result == INCORRECT
    nb08.q1.check(list(nb08.q1.expected()))
    assert nb08.q1.last_result == INCORRECT


def test_q2_fewer_visits_by_hand():
    fewer = 0
    for row in read("samsclub_campaign.csv"):
        vb = sum(int(row[f"visits_w{w}_before"]) for w in range(1, 5))
        va = sum(int(row[f"visits_w{w}_after"]) for w in range(1, 5))
        fewer += va < vb
    assert nb08.q2.expected() == fewer > 0
    # fewer visits is not the same as A4 (A4 also holds members with more visits)
    a4 = sum(1 for g, _, _ in groups_by_hand().values() if g == "A4")
    assert fewer != a4


def test_q3_group_counts_with_a_lower_visits_target_by_hand():
    counts = Counter(g for g, _, _ in groups_by_hand(visits_pct=30).values())
    answer = nb08.q3.expected()
    assert list(answer.index) == ["A1", "A2", "A3", "A4"]
    assert answer.to_dict() == {g: counts[g] for g in ["A1", "A2", "A3", "A4"]}
    assert sum(counts.values()) == 1155
    # lowering the target lets members with 3 -> 4 visits (+33.3 %) in: A1 grows
    default = Counter(g for g, _, _ in groups_by_hand().values())
    assert counts["A1"] > default["A1"]


def test_q3_the_counts_under_the_default_targets_are_wrong():
    default = Counter(g for g, _, _ in groups_by_hand().values())
    nb08.q3.check(pd.Series({g: default[g] for g in ["A1", "A2", "A3", "A4"]}))
    assert nb08.q3.last_result == INCORRECT


def round_two_by_hand(base: str) -> dict[str, Fraction]:
    a4 = {m for m, (g, _, _) in groups_by_hand().items() if g == "A4"}
    return {r["member_id"]: Fraction(cents(r["sales_round2"]) - cents(r[base]), cents(r[base]))
            * 100 for r in read("samsclub_campaign.csv") if r["member_id"] in a4}


def test_q5_round_two_growth_on_the_previous_month_by_hand():
    growth = round_two_by_hand("sales_after")  # 上月 = the month of round 1
    answer = nb08.q5.expected()
    assert set(answer.index) == set(growth) and len(growth) == 385
    assert max(abs(answer[m] - float(g)) for m, g in growth.items()) < 1e-9
    nb08.q5.check(answer)
    assert nb08.q5.last_result == CORRECT


def test_q5_the_month_before_round_one_as_base_is_not_accepted():
    wrong = round_two_by_hand("sales_before")
    nb08.q5.check(pd.Series({m: float(g) for m, g in wrong.items()}).sort_index()
                  .reindex(nb08.q5.expected().index))
    assert nb08.q5.last_result == INCORRECT


@pytest.mark.parametrize(("q", "right"), [(nb08.q4, "B"), (nb08.q6, "C")])
def test_judgements_have_one_right_letter_and_feedback_for_every_wrong_one(q, right):
    assert q.expected() == right
    for letter in q.kind.options:
        result, message = q.judge(letter.lower())
        if letter == right:
            assert result == CORRECT
        else:
            assert result == INCORRECT and letter in q.kind.explanations
            assert q.kind.explanations[letter]["en"] in message


def test_q4_the_targets_multiply_to_plus_110_percent():
    # visits x1.5 and ticket x1.4: sales x2.1 = +110 %, not the case's +30 %
    assert Fraction(3, 2) * Fraction(7, 5) - 1 == Fraction(11, 10)
    assert "110" in nb08.q4.kind.options["B"]["en"]


@pytest.mark.parametrize("q", [nb08.q1, nb08.q2, nb08.q3, nb08.q4, nb08.q5, nb08.q6])
def test_solution_value_checks_correct(q):
    q.check(q.expected())
    assert q.last_result == CORRECT
