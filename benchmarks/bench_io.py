"""Speed and memory of ``read_orders`` against ``pd.read_csv(path, dtype=str)`` on one file.

Run: ``python benchmarks/bench_io.py`` (``--lines 200000`` for a quick run). Goal (issue 10):
``read_orders`` within 1.5x the time and 1.5x the peak memory of ``pd.read_csv(dtype=str)`` on
2,000,000 order lines, both on a clean file and on one with a bad line.

The files are written to a temporary folder: a clean export (order id, customer id, date and
time, amount), and a copy where one line in the middle has an unquoted comma in its amount
(one value too many). ``pd.read_csv(dtype=str)`` stops at such a line, so on that file it is
run with ``on_bad_lines="skip"`` (it then drops the line without a word; ``read_orders``
rejects it with its line number).

Each measurement runs in a fresh Python process: time is the wall time of the call (and its
CPU time, which a machine busy with other work disturbs less), memory
the peak resident set size of the process (``VmHWM`` on Linux, else ``ru_maxrss``) and its
rise during the call (the peak minus what the process held after importing pandas and
rfmkit). The best time and the largest memory of ``--repeat`` runs (default 5: on a shared
machine one run of either reader can take 20-40 % longer than another) are reported; the two
readers take turns, so a busy machine slows both alike.

With and without pyarrow: when pyarrow is installed, everything is measured twice (``--pyarrow
both``, the default): "pyarrow" as installed, and "no pyarrow" in processes where
``import pyarrow`` fails (``sys.modules["pyarrow"] = None`` before pandas is imported), as on a
machine without it. With pyarrow, ``read_orders`` reads a UTF-8 file with pyarrow's CSV
reader (single-threaded, so CPU time is comparable) and ``pd.read_csv(dtype=str)`` (still
pandas' C parser) returns pyarrow-backed strings, as ``read_orders`` returns its text columns
(pandas 3's ``str`` dtype); without it, ``read_orders`` reads with pandas' C parser and both
return Python strings. The baseline is
``pd.read_csv`` with its default engine in both cases.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

MEASURE = """
import json, resource, sys, time
if sys.argv[3] == "off":
    sys.modules["pyarrow"] = None  # import pyarrow fails, as without it
import pandas as pd
import rfmkit.io

def peak_kb():
    # VmHWM: this process's own peak (ru_maxrss can carry the parent's peak over a fork)
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

path, how = sys.argv[1], sys.argv[2]
before = peak_kb()
start, cpu = time.perf_counter(), time.process_time()
if how == "read_orders":
    result = rfmkit.io.read_orders(path)
    rows = len(result.data)
else:
    rows = len(pd.read_csv(path, dtype=str, on_bad_lines=how))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = peak_kb()
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak / 1024,
                  "rise_mb": (peak - before) / 1024, "rows": rows}))
"""


def write_orders(folder: Path, lines: int, seed: int = 618) -> tuple[Path, Path]:
    """Write ``orders.csv`` (``lines`` data lines) and ``orders_bad.csv`` (the same with one
    line's amount written ``1,234.50`` without quotes); return both paths."""
    rng = np.random.default_rng(seed)
    moments = pd.Timestamp("2024-06-01") + pd.to_timedelta(
        rng.integers(0, 740 * 86400, lines), unit="s"
    )
    frame = pd.DataFrame(
        {
            "order_id": np.char.add("O", np.arange(lines).astype("U9")),
            "customer_id": np.char.add("C", rng.integers(0, lines // 8 + 1, lines).astype("U7")),
            "order_date": moments.strftime("%Y-%m-%d %H:%M:%S"),
            "amount": np.char.mod("%.2f", np.round(rng.lognormal(4.0, 1.0, lines), 2)),
        }
    )
    clean = folder / "orders.csv"
    frame.to_csv(clean, index=False)
    bad = folder / "orders_bad.csv"
    frame.loc[lines // 2, "amount"] = "1,234.50"
    frame.to_csv(bad, index=False, quoting=3, escapechar="\\")  # 3: never quote
    return clean, bad


def run(path: Path, how: str, arrow: str) -> dict[str, float]:
    """One measurement in a fresh process (``arrow``: "on" or "off", pyarrow hidden)."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), how, arrow],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(done.stdout)


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    """Best time and largest memory of several runs."""
    return {
        "seconds": min(r["seconds"] for r in runs),
        "cpu": min(r["cpu"] for r in runs),
        "peak_mb": max(r["peak_mb"] for r in runs),
        "rise_mb": max(r["rise_mb"] for r in runs),
        "rows": runs[0]["rows"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pyarrow", choices=["on", "off", "both"], default="both",
                        help="with pyarrow as installed, hidden, or both (default)")
    args = parser.parse_args()
    try:
        import pyarrow

        installed = f"pyarrow {pyarrow.__version__} installed"
    except ImportError:
        installed = "pyarrow not installed"
    modes = ["off"] if installed == "pyarrow not installed" else {
        "on": ["on"], "off": ["off"], "both": ["on", "off"]}[args.pyarrow]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        clean, bad = write_orders(Path(tmp), args.lines)
        print(f"{args.lines:,} order lines; {clean.stat().st_size / 2**20:.0f} MB per file")
        print(f"pandas {pd.__version__}, {installed}; best of {args.repeat} runs, "
              "ratios read_orders / pd.read_csv")  # fmt: skip
        print(
            f"{'pyarrow':<9}{'file':<7}{'reader':<34}{'rows':>10}{'time s':>9}{'cpu s':>9}"
            f"{'peak MB':>9}{'rise MB':>9}"
        )
        for arrow in modes:
            shown = "yes" if arrow == "on" else "no"
            for label, path, skip in (("clean", clean, "error"), ("bad", bad, "skip")):
                turns = [(run(path, skip, arrow), run(path, "read_orders", arrow))
                         for _ in range(args.repeat)]  # fmt: skip
                base, ours = best([b for b, _ in turns]), best([o for _, o in turns])
                for name, got in ((f"pd.read_csv(dtype=str, {skip})", base),
                                  ("read_orders", ours)):  # fmt: skip
                    print(
                        f"{shown:<9}{label:<7}{name:<34}{got['rows']:>10,}{got['seconds']:>9.2f}"
                        f"{got['cpu']:>9.2f}{got['peak_mb']:>9.0f}{got['rise_mb']:>9.0f}"
                    )
                print(
                    f"{shown:<9}{label:<7}{'ratio (goal <= 1.5)':<34}{'':>10}"
                    f"{ours['seconds'] / base['seconds']:>9.2f}{ours['cpu'] / base['cpu']:>9.2f}"
                    f"{ours['peak_mb'] / base['peak_mb']:>9.2f}"
                    f"{ours['rise_mb'] / base['rise_mb']:>9.2f}"
                )


if __name__ == "__main__":
    main()
