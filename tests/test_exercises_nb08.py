"""Notebook 08's exercises: each expected answer computed a second, independent way, straight
from the bundled CSV files with the csv module, integers (visits, cents) and Fraction, never
with rfmkit.case or rfmkit.value.

(The generic checks of every exercise — placeholder, solution, wrong answers, both languages —
are in tests/test_exercises.py.)
"""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

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


def test_q1_group_9_at_plus_50_percent_by_hand():
    ranked = ranked_members()
    assert len(ranked) == 11550
    group9 = ranked[9240:10395]  # customers 9241-10395
    total = sum(cents(r["last_month_spend"]) for r in group9)
    assert total == 1155 * 600 * 100  # the case's average, 600 yuan
    assert nb08.q1.expected() == float(Fraction(total, 100) / 2) == 346500.0
    # ... which is less than group 8 at +30 %
    group8 = ranked[8085:9240]
    assert nb08.q1.expected() < float(Fraction(sum(cents(r["last_month_spend"])
                                                   for r in group8), 100) * Fraction(3, 10))


def test_q1_group_8_or_the_average_is_not_accepted(capsys):
    nb08.q1.check(1270500 * 0.30)  # group 8 at +30 %
    assert nb08.q1.last_result == INCORRECT and "too high" in capsys.readouterr().out
    nb08.q1.check(600 * 0.50)  # the average member
    assert nb08.q1.last_result == INCORRECT and "too low" in capsys.readouterr().out


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


def test_q3_average_sales_growth_of_a4_by_hand():
    rates = [Fraction(sa - sb, sb) * 100 for g, sb, sa in groups_by_hand().values() if g == "A4"]
    mean = float(sum(rates) / len(rates))
    assert nb08.q3.expected() == pytest.approx(round(mean, 2), abs=1e-9)
    # the aggregate growth of A4's totals is a different number, and is not accepted
    sb = sum(b for g, b, _ in groups_by_hand().values() if g == "A4")
    sa = sum(a for g, _, a in groups_by_hand().values() if g == "A4")
    aggregate = float(Fraction(sa - sb, sb) * 100)
    assert abs(aggregate - mean) > nb08.q3.kind.tolerance
    nb08.q3.check(aggregate)
    assert nb08.q3.last_result == INCORRECT


def test_q3_recognises_a_fraction_instead_of_a_percentage(capsys):
    nb08.q3.check(nb08.q3.expected() / 100)
    assert "multiply by 100" in capsys.readouterr().out


def test_q4_a1_with_a_lower_visits_target_by_hand():
    a1 = sum(1 for g, _, _ in groups_by_hand(visits_pct=30).values() if g == "A1")
    assert nb08.q4.expected() == a1
    # lowering the target lets members with 3 -> 4 visits (+33.3 %) in: A1 grows
    assert a1 > sum(1 for g, _, _ in groups_by_hand().values() if g == "A1")


def test_q4_the_count_under_the_default_targets_is_too_low(capsys):
    default_a1 = sum(1 for g, _, _ in groups_by_hand().values() if g == "A1")
    nb08.q4.check(default_a1)
    assert nb08.q4.last_result == INCORRECT
    assert "too low" in capsys.readouterr().out


def test_q5_single_share_of_a4_by_hand():
    a4 = {m for m, (g, _, _) in groups_by_hand().items() if g == "A4"}
    members = {r["member_id"]: r for r in read("samsclub_members.csv")}
    single = sum(1 for m in a4 if members[m]["marital_status"] == "single")
    assert nb08.q5.expected() == pytest.approx(round(single * 100 / len(a4), 2), abs=1e-9)
    # group 8 as a whole, as the question says
    group8 = [members[m] for m in groups_by_hand()]
    share8 = sum(1 for r in group8 if r["marital_status"] == "single") * 100 / len(group8)
    assert round(share8, 2) == 79.05
    nb08.q5.check(share8)
    assert nb08.q5.last_result == INCORRECT


@pytest.mark.parametrize("q", [nb08.q1, nb08.q2, nb08.q3, nb08.q4, nb08.q5])
def test_solution_value_checks_correct(q):
    q.check(q.expected())
    assert q.last_result == CORRECT
