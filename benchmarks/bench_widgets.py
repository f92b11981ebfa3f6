"""What one control move costs per explorer, on the course data: the Python time from setting a
control's ``.value`` to the new chart being ready in the explorer's output, and the bytes of
that chart message (what the browser receives and decodes).

Run: ``python benchmarks/bench_widgets.py`` (``--repeat 15`` moves per explorer; the median
and the largest wall-clock time, and the median CPU time of this process, which a busy
machine disturbs less, are reported); it measures the rfmkit of this checkout. The browser side
(from the message to the picture on screen) is measured by ``tests/test_browser.py``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import matplotlib

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's rfmkit

matplotlib.use("Agg")

import rfmkit as rk  # noqa: E402
from rfmkit import widgets  # noqa: E402


def _chart_bytes(explorer) -> int:
    """Bytes of the chart output as sent to the browser (its JSON display message)."""
    return len(json.dumps(explorer.chart_output.outputs[0]["data"]).encode("utf-8"))


def _png_bytes(explorer) -> int:
    """Bytes of the PNG itself (decoded from base64)."""
    data = explorer.chart_output.outputs[0]["data"]
    text = data.get("image/png") or data["text/html"].split("base64,")[1].split('"')[0]
    return len(text) * 3 // 4


def explorers():
    """(name, explorer, control, values to cycle through) for each explorer with a chart."""
    orders = rk.load_orders()
    table = rk.rfm_table(orders, rk.COURSE_ASOF)
    segment = widgets.SegmentExplorer(table)
    yield "SegmentExplorer (R cut)", segment, segment.r_slider, [120, 200, 281, 365]
    pyramid = widgets.PyramidExplorer(table)
    yield "PyramidExplorer (silver %)", pyramid, pyramid.silver, [15, 19, 25, 30]
    spend = table["monetary"]
    clv = widgets.CLVExplorer(spend)
    yield "CLVExplorer (rate %)", clv, clv.rate, [5, 10, 15, 20]
    stage = widgets.StageExplorer(table)
    yield "StageExplorer (active days)", stage, stage.active_days, [60, 90, 120, 150]
    bands = widgets.TicketBandExplorer(orders, rk.COURSE_ASOF)
    yield "TicketBandExplorer (days)", bands, bands.days, [30, 60, 90, 120]
    uplift = widgets.UpliftExplorer(*rk.campaign_frames(rk.load_samsclub_campaign()))
    yield "UpliftExplorer (visits %)", uplift, uplift.visits_slider, [40, 50, 60, 70]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=12)
    args = parser.parse_args()
    print(f"{'explorer':32} {'median ms':>10} {'max ms':>8} {'CPU ms':>7} "
          f"{'message bytes':>14} {'PNG bytes':>10}")
    for name, explorer, control, values in explorers():
        times, cpu, sizes, pngs = [], [], [], []
        for i in range(args.repeat):
            value = values[i % len(values)]
            if control.value == value:
                value = values[(i + 1) % len(values)]
            start, start_cpu = time.perf_counter(), time.process_time()
            control.value = value
            times.append(1000 * (time.perf_counter() - start))
            cpu.append(1000 * (time.process_time() - start_cpu))
            sizes.append(_chart_bytes(explorer))
            pngs.append(_png_bytes(explorer))
        print(f"{name:32} {statistics.median(times):10.1f} {max(times):8.1f} "
              f"{statistics.median(cpu):7.1f} {int(statistics.median(sizes)):14,} "
              f"{int(statistics.median(pngs)):10,}")


if __name__ == "__main__":
    main()
