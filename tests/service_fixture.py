"""Five hand-made customers shared by the service chart and widget tests."""

import pandas as pd

ASOF = pd.Timestamp("2026-06-10")

# Five customers and the default rules (first match by priority wins):
#   C1 gold, maintain                 -> gold_tier (50) before maintain_group (60): trial sample,
#                                        preferred channel WeChat
#   C2 iron, no value, lost           -> everyone_else (100): care greeting (no-value customers
#                                        get nothing costly); no preferred channel -> SMS
#   C3 silver, develop, birthday in 3 -> birthday (10): birthday gift, preferred SMS
#   C4 silver, maintain               -> maintain_group (60): priority service, preferred e-mail
#   C5 iron, one purchase 9 days ago  -> new_customer (20): coupon, preferred WeChat
FEATURES = pd.DataFrame(
    {
        "name": ["王小明", "李华", "张伟", "赵敏", "陈晨"],
        "segment": ["maintain", "no_value", "develop", "maintain", "unnamed_recent_small"],
        "tier": ["gold", "iron", "silver", "silver", "iron"],
        "stage": ["active", "lost", "active", "active", "active"],
        "favourite_category": ["beauty", "snacks", "digital", "home", "baby"],
        "days_to_birthday": pd.array([100, 200, 3, 50, 300], dtype="Int64"),
        "orders": [9, 1, 2, 5, 1],
        "first_purchase_date": pd.to_datetime(
            ["2025-01-01", "2024-01-01", "2025-03-01", "2025-02-01", "2026-06-01"]),
        "preferred_channel": ["WeChat", None, "SMS", "e-mail", "WeChat"],
    },
    index=pd.Index(["C1", "C2", "C3", "C4", "C5"], name="customer_id"),
)
