"""Self-check exercises for notebook 06, personalised service (Task 3, 个性化服务).

q1-q3 ask the student to write pandas (counts per service, the maintain group's stages, CSAT by
hand); q4-q6 are business judgements with feedback on every wrong option (a no-value customer's
birthday, an important customer past 180 days, the first step of a complaint).
"""

from rfmkit.exercises import Frame, Number, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Frame(sort=True))
def q1():
    from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
    from rfmkit.service import customer_features, service_plan

    features = customer_features(load_orders(), load_members(), load_products(), COURSE_ASOF)
    plan = service_plan(features, COURSE_ASOF)
    return plan["service"].value_counts()


@exercise(Frame(sort=True))
def q2():
    from rfmkit.data import COURSE_ASOF, load_members, load_orders, load_products
    from rfmkit.service import customer_features

    features = customer_features(load_orders(), load_members(), load_products(), COURSE_ASOF)
    return features.loc[features["segment"] == "maintain", "stage"].value_counts()


@exercise(Number(0.05, unit="percent", decimals=1, percent=True))
def q3():
    from rfmkit.data import load_questionnaire

    answers = load_questionnaire()["satisfaction"].dropna()
    return round((answers >= 4).mean() * 100, 1)


q4, q5, q6 = choices(__name__, "q4", "q5", "q6")
