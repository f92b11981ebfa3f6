"""A test helper: the tick labels a chart shows, to check that no axis shows one twice."""


def tick_labels(axis) -> list[str]:
    """The tick labels shown on one matplotlib axis (ticks inside the view, with text)."""
    low, high = sorted(axis.get_view_interval())
    along = 0 if axis.axis_name == "x" else 1
    return [t.get_text() for t in axis.get_ticklabels()
            if low <= t.get_position()[along] <= high and t.get_text()]  # fmt: skip


def repeated_tick_labels(charts) -> list[tuple[str, list[str]]]:
    """(chart name, labels) for every axis of the (name, figure) pairs that shows one tick
    label twice (counts of 0-2 ticked at 0, 0.5, 1, 1.5 read "0, 0, 1, 2" without decimals)."""
    found = []
    for name, fig in charts:
        fig.canvas.draw()
        for ax in fig.axes:
            for axis in (ax.xaxis, ax.yaxis):
                labels = tick_labels(axis)
                if len(labels) != len(set(labels)):
                    found.append((name, labels))
    return found
