"""Numbers quoted in a notebook's text must be numbers its outputs show.

The rule for a *quoted number* in a markdown cell: a number written with a thousands separator
(``1,079``, ``36,232,350``) or with a decimal point (``604.06``, ``15.1 %``). Whole numbers
without a separator (years, ids, counts such as "6 types", lesson constants such as 1 %, 19 %,
30 %, 50 %) are not quoted numbers, nor is anything inside inline code (`` `...` ``), a code
block, a formula (``$...$``) or a link target. A quoted number passes when the same digits
(commas removed) appear as a whole number in an output of the same notebook: a ``text/plain``
or ``text/html`` display, or printed text. ``NOT_FROM_OUTPUTS`` lists the few numbers a lesson
states as facts of its own (e.g. the case's figures) rather than as results; each needs a reason.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("zh/*.ipynb")) + sorted(NOTEBOOKS.glob("en/*.ipynb"))

QUOTED = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\w]|[.,]\d)")
NOT_TEXT = re.compile(
    r"```.*?```|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]*\$|\]\([^)]*\)|<[^>\n]*>", re.DOTALL
)
TAG = re.compile(r"<[^>]*>")

# notebook stem -> {number as written without commas: why it is not from an output}
NOT_FROM_OUTPUTS: dict[str, dict[str, str]] = {
    "04-lifetime-value": {"1.1": "1 + r in the worked formula (r = 10 %), an input"},
    "06-personalised-service": {"60000": "the shop's stated advertising spend, an input to CAC"},
    "07-new-customers-and-preferences": {"0.5": "the chosen minimum support (%), an input"},
    "08-case-study-sams-club": {"1.5": "the case's visits target as a factor (+50 %)",
                                "1.4": "the case's ticket target as a factor (+40 %)"},
}


def quoted_numbers(markdown: str) -> list[str]:
    """The quoted numbers of a markdown text, as written (e.g. ``["1,079", "15.1"]``)."""
    return QUOTED.findall(NOT_TEXT.sub(" ", markdown))


def output_text(notebook) -> str:
    """Everything the code cells of ``notebook`` display, as one text without commas."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts.append(data.get("text/plain", ""))
            parts.append(html.unescape(TAG.sub(" ", data.get("text/html", ""))))
    return "\n".join(parts).replace(",", "")


def shown(number: str, outputs: str) -> bool:
    digits = number.replace(",", "")
    return re.search(rf"(?<![\d.]){re.escape(digits)}(?![\d])", outputs) is not None


def unmatched(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    outputs = output_text(notebook)
    allowed = NOT_FROM_OUTPUTS.get(path.stem, {})
    missing = []
    for position, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        for number in quoted_numbers(cell.source):
            if number.replace(",", "") not in allowed and not shown(number, outputs):
                missing.append(f"cell {position}: {number}")
    return missing


def test_the_rule_on_examples():
    text = ("The mean is 604.06 yuan; 1,079 customers (36.0 %) in 2026, type 6, `rk.x(0.5)`, "
            "$r = 0.1$, see [03](03-a.ipynb) and 3.")
    assert quoted_numbers(text) == ["604.06", "1,079", "36.0"]
    assert shown("1,079", "no_value  1079\n")
    assert not shown("1,079", "11079")
    assert not shown("604.06", "604.0559")
    assert shown("15.1", "<td>15.1</td>".replace("<td>", " ").replace("</td>", " "))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_quoted_numbers_appear_in_the_outputs(path):
    if not any(cell.get("outputs") for cell in nbformat.read(path, as_version=4).cells):
        pytest.skip("notebook stored without outputs")
    missing = unmatched(path)
    assert not missing, (f"{path.parent.name}/{path.name}: numbers quoted in the text but shown "
                         "by no output:\n" + "\n".join(missing))
