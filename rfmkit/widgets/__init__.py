"""Interactive controls for the course (ipywidgets). Import with ``from rfmkit import widgets``.

Every explorer is built on :class:`rfmkit.widgets._base.Explorer`: it shows itself when it
ends a notebook cell, is labelled in the language current when it was built (after
``use_language(...)``, build a new one) and exposes ``.result`` (codes, the same in any
language) so that code and tests can read what the student sees.
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
