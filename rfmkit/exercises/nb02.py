"""Self-check exercises for notebook 02, RFM groups (Task 2, 客户分组).

The ladder: q1-q3 the student writes the pandas (a flag, the group sizes, the revenue per
group), q4-q5 business judgements (who gets the costly call; the group the lesson does not
name), q6 the two schemes' names.
"""

from rfmkit.exercises import Frame, Text, ____, choices, exercise
from rfmkit.exercises._core import module_texts
from rfmkit.rfm import SCHEMES

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


def _classic8_names(name: str) -> list[str]:
    """Every accepted spelling of a classic8 group: its code and its names in both languages."""
    scheme = SCHEMES["classic8"]
    row = scheme[(scheme["name_zh"] == name) | (scheme["name_en"] == name)]
    short_zh = [zh.removesuffix("客户") for zh in row["name_zh"]]  # 重要保持 = 重要保持客户
    return [*row["code"], *row["name_zh"], *short_zh, *row["name_en"]]


@exercise(Frame())
def q1():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    m = table["monetary"]
    return (m >= m.mean()).rename("M_up")


@exercise(Frame(sort=True))
def q2():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    groups = rk.rfm_segments(table)
    return groups["segment"].value_counts()


@exercise(Frame(sort=True))
def q3():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    groups = rk.rfm_segments(table)
    return table["monetary"].groupby(groups["segment"]).sum().rename("revenue")


@exercise(Text(
        aliases=_classic8_names,
        traps=dict.fromkeys(
            ["重要挽留客户", "important: win back", "win_back", "important win-back",
             "important_winback", "重要挽留"],
            module_texts(__name__)["feedback"]["lesson_win_back"],
        ),
        example="一般发展客户",
    ))
def q6():
    import rfmkit as rk

    code = rk.scheme_table("classic8").loc["R↑F↑M↑", "segment"]
    return rk.name("segment", code)


q4, q5 = choices(__name__, "q4", "q5")
