"""Self-check exercises for notebook 08, the Sam's Club case study (山姆会员店客户提升案例)."""

from rfmkit.exercises import Count, Frame, ____, choices, exercise

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "____"]


@exercise(Frame(index="member_id"))
def q1():
    from rfmkit import load_samsclub_campaign

    campaign = load_samsclub_campaign()
    weeks = ["visits_w1_before", "visits_w2_before", "visits_w3_before", "visits_w4_before"]
    return campaign.set_index("member_id")[weeks].sum(axis=1).rename("visits_before")


@exercise(Count())
def q2():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign

    uplift = campaign_uplift(*campaign_frames(load_samsclub_campaign()))
    return (uplift["visits_after"] < uplift["visits_before"]).sum()


@exercise(Frame(index="group"))
def q3():
    import pandas as pd

    from rfmkit import campaign_frames, load_samsclub_campaign

    before, after = campaign_frames(load_samsclub_campaign())
    visits_met = after["visits"] / before["visits"] - 1 >= 0.30
    ticket_met = after["ticket"] / before["ticket"] - 1 >= 0.40
    groups = pd.Series("A4", index=before.index)
    groups[ticket_met] = "A3"
    groups[visits_met] = "A2"
    groups[visits_met & ticket_met] = "A1"
    return groups.value_counts().sort_index().rename("members")


@exercise(Frame(index="member_id"))
def q5():
    from rfmkit import campaign_frames, campaign_uplift, load_samsclub_campaign

    campaign = load_samsclub_campaign()
    uplift = campaign_uplift(*campaign_frames(campaign))
    a4 = uplift.index[uplift["group"] == "A4"]
    sales = campaign.set_index("member_id")
    growth = (sales.loc[a4, "sales_round2"] / sales.loc[a4, "sales_after"] - 1) * 100
    return growth.rename("sales_growth_pct")


q4, q6 = choices(__name__, "q4", "q6")
