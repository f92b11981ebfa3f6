"""Self-check exercises for notebook 05, churn and the customer lifecycle
(客户流失与客户生命周期), the types of customer relationship and the causes of churn."""

from rfmkit.exercises import Frame, Number, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "____"]


@exercise(Number(0.01, unit="years"))
def q1():
    churn = 0.25
    return 1 / churn


@exercise(Number(0.05, unit="percent", decimals=1, percent=True))
def q2():
    import rfmkit as rk

    bought = rk.order_totals(rk.load_orders()).query("purchase")
    day = bought["order_date"]
    first = set(bought.loc[day.between("2024-06-11", "2024-12-10"), "customer_id"])
    second = set(bought.loc[day.between("2024-12-11", "2025-06-10"), "customer_id"])
    return round(len(first - second) / len(first) * 100, 1)


@exercise(Frame(sort=True))
def q3():
    import pandas as pd

    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    stage = pd.cut(table["recency_days"], bins=[-1, 60, 150, float("inf")],
                   labels=["active", "sleeping", "lost"]).rename("stage")
    return stage.value_counts()


@exercise(Frame(sort=True, tolerance=0.05))
def q4():
    import rfmkit as rk

    table = rk.rfm_table(rk.load_orders(), rk.COURSE_ASOF)
    stages = rk.lifecycle_stages(table, active_days=90, sleeping_days=180)
    bought = table["frequency"].clip(upper=5)
    lost = stages["stage"] == "lost"
    return (lost.groupby(bought).mean() * 100).rename("lost_share")


q5, q6, q7 = choices(__name__, "q5", "q6", "q7")
