"""Speed and memory of ``rfm_table`` against a bare pandas groupby computing the same numbers.

Run: ``python benchmarks/bench_rfm.py`` (add ``--sizes 1000000`` for a quicker run).
Goals (issue 2): ``rfm_table`` within 1.3x the bare groupby's time and memory increment on
1M and 10M order lines, and one widget update on 10,000 customers within 100 ms.

Both contenders run in this one process on the same synthetic order log; each is timed as
the best of ``--repeat`` runs, and its memory increment is the peak traced by ``tracemalloc``
(numpy and pandas report their buffers to it) above what was allocated before the call.
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc

import numpy as np
import pandas as pd

from rfmkit import rfm_table

ASOF = pd.Timestamp("2026-06-10")


def synthetic_orders(lines: int, seed: int = 618) -> pd.DataFrame:
    """Return ``lines`` order lines: ~lines/8 customers, ~2.5 lines an order, 1 % refunds."""
    rng = np.random.default_rng(seed)
    orders = max(lines * 2 // 5, 1)
    customers = max(lines // 8, 1)
    order_of_line = np.sort(rng.integers(0, orders, lines))
    customer_of_order = rng.integers(0, customers, orders)
    day_of_order = rng.integers(0, 740, orders)
    amount = np.round(rng.lognormal(4.0, 1.0, lines), 2)
    refund = rng.random(lines) < 0.01
    amount[refund] *= -1
    return pd.DataFrame(
        {
            "order_id": pd.Series(order_of_line).map("O{:09d}".format),
            "customer_id": pd.Series(customer_of_order[order_of_line]).map("C{:07d}".format),
            "order_date": ASOF - pd.to_timedelta(day_of_order[order_of_line] - 10, unit="D"),
            "amount": amount,
        }
    )


def bare_groupby(orders: pd.DataFrame, asof: pd.Timestamp) -> pd.DataFrame:
    """The same three numbers written as plainly as pandas allows (the baseline)."""
    kept = orders[orders["order_date"] <= asof]
    per_order = kept.groupby(["customer_id", "order_id"]).agg(
        amount=("amount", "sum"), day=("order_date", "max")
    )
    bought = per_order[per_order["amount"] > 0].groupby(level="customer_id")["day"]
    return pd.DataFrame(
        {
            "recency_days": (asof - bought.max()).dt.days,
            "frequency": bought.size(),
            "monetary": per_order.groupby(level="customer_id")["amount"].sum().round(2),
        }
    )


def measure(func, repeat: int) -> tuple[float, float, object]:
    """Return (best seconds, peak memory increment in MB, last result) of ``func()``."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    result = None
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    result = func()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return best, peak / 2**20, result


def widget_update_ms(customers: int = 10_000, repeat: int = 5) -> tuple[float, float] | None:
    """Time one SegmentExplorer update (table only, and table + chart) in milliseconds."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from rfmkit.widgets import SegmentExplorer
    except ImportError as missing:
        print(f"widget benchmark skipped: {missing}")
        return None
    rng = np.random.default_rng(1)
    table = pd.DataFrame(
        {
            "recency_days": rng.integers(0, 730, customers),
            "frequency": rng.geometric(0.4, customers),
            "monetary": np.round(rng.lognormal(6, 1, customers), 2),
        },
        index=pd.Index([f"C{i:06d}" for i in range(customers)], name="customer_id"),
    )
    explorer = SegmentExplorer(table)
    timings = {}
    for with_chart in (False, True):
        values = [20, 40, 60, 80, 100, 120]
        runs = []
        for i in range(repeat):
            explorer.rule.value = "custom"
            start = time.perf_counter()
            if with_chart:
                explorer.r_slider.value = values[i % len(values)]
            else:
                explorer._compute()
            runs.append(time.perf_counter() - start)
        timings[with_chart] = 1000 * min(runs)
    return timings[False], timings[True]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"pandas {pd.__version__}, numpy {np.__version__}")
    for lines in args.sizes:
        orders = synthetic_orders(lines)
        base_s, base_mb, expected = measure(lambda o=orders: bare_groupby(o, ASOF), args.repeat)
        ours_s, ours_mb, got = measure(lambda o=orders: rfm_table(o, ASOF), args.repeat)
        # Same numbers, or the comparison means nothing. (The bare version has no recency for
        # customers whose only orders are refunds; compare on the customers who bought.)
        bought = expected.index[expected["frequency"].notna()]
        pd.testing.assert_frame_equal(
            got.loc[bought], expected.loc[bought], check_dtype=False, check_names=False
        )
        print(
            f"{lines:>10,} lines, {len(got):>9,} customers: "
            f"rfm_table {ours_s:6.2f} s / +{ours_mb:7.0f} MB   "
            f"bare groupby {base_s:6.2f} s / +{base_mb:7.0f} MB   "
            f"ratio time {ours_s / base_s:4.2f}x, memory {ours_mb / base_mb:4.2f}x"
        )
        del orders, expected, got
        gc.collect()
    timing = widget_update_ms()
    if timing is not None:
        print(
            f"widget update on 10,000 customers: {timing[0]:.1f} ms (groups and table), "
            f"{timing[1]:.1f} ms (with chart redraw)"
        )


if __name__ == "__main__":
    main()
