"""Interactive controls for the course (ipywidgets). Import with ``from rfmkit import widgets``.

Each widget object shows itself when it ends a notebook cell and exposes its current result
(e.g. ``.summary``) so that code and tests can read what the student sees.
"""

from rfmkit.widgets.case import UpliftExplorer
from rfmkit.widgets.rfm import SegmentExplorer
from rfmkit.widgets.service import ServiceExplorer, TicketBandExplorer
from rfmkit.widgets.value import CLVExplorer, PyramidExplorer, StageExplorer

__all__ = [
    "CLVExplorer",
    "PyramidExplorer",
    "SegmentExplorer",
    "ServiceExplorer",
    "StageExplorer",
    "TicketBandExplorer",
    "UpliftExplorer",
]
