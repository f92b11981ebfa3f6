"""A Chinese-only reader goes through the committed Chinese notebooks (issue 12).

For every ``notebooks/zh/*.ipynb`` (no kernel: the stored outputs are read):

- at least 90 % of the markdown cells are mainly Chinese (more CJK characters than Latin
  letters, after inline code, formulas, links and HTML tags are taken out; a cell with neither,
  e.g. only a formula, does not count);
- the outputs (``text/plain``, ``text/html`` without its tags and ``<style>``/``<script>``,
  ``stream``) hold more Chinese characters than Latin letters;
- no output shows an internal code (a code of rfmkit/labels.toml such as ``win_back``,
  ``birthday_gift`` or ``gold``; except ``rk.code_table``, which lists the codes beside their
  names on purpose), a Python or pandas repr (``np.True_``, ``np.float64(3.2)``,
  ``Timestamp('2026-06-10 00:00:00')``, ``dtype: int64``) or an English-only sentence.

Run as a script it prints the reviewer's report for every notebook (and START.ipynb)::

    python tests/test_zh_notebooks.py
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
ZH_NOTEBOOKS = sorted((NOTEBOOK_DIR / "zh").glob("*.ipynb"))

MIN_CHINESE_MARKDOWN = 0.90

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")
# taken out of markdown before counting: code, formulas, links' targets, tags, bare URLs
MARKDOWN_NOISE = [
    re.compile(r"```.*?```", re.DOTALL),
    re.compile(r"`[^`]*`"),
    re.compile(r"\$\$.*?\$\$", re.DOTALL),
    re.compile(r"\$[^$\n]*\$"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"<[^>]+>"),
    re.compile(r"https?://\S+"),
]
STYLE = re.compile(r"<(style|script)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
# what Python and pandas print for a reader of code: np.True_, np.int64(5), Timestamp('...'),
# and a Series' last line "dtype: int64"
PYTHON_REPR = re.compile(r"\bnp\.(?:True_|False_|bool_|u?int\d*|float\d*|str_)\b|"
                         r"\bTimestamp\(|\bdtype: \w+")
# an English-only sentence: five or more Latin words in a row, without any Chinese
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*){4,}")
# the label kinds whose keys end in codes that pandas compares with
CODE_KINDS = ("segment", "action", "tier", "stage", "service", "channel", "category",
              "rule", "status", "holiday", "step", "owner", "tag", "nps", "basis",
              "order_status", "capstone_cost", "capstone_check", "decile_reading")


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else (source or "")


def counts(text: str) -> tuple[int, int]:
    """(Chinese characters, Latin letters) in ``text``."""
    return len(CJK.findall(text)), len(LATIN.findall(text))


def markdown_prose(source: str) -> str:
    """A markdown cell's text as a reader reads it: without code, formulas and link targets."""
    for pattern in MARKDOWN_NOISE:
        source = pattern.sub(" ", source)
    return source


def html_text(markup: str) -> str:
    """The visible text of an HTML output: no style sheet, script or tags."""
    return html.unescape(TAG.sub(" ", STYLE.sub(" ", markup)))


def output_texts(cell: dict) -> list[str]:
    """What a reader sees of a code cell's outputs, one string per output (images skipped)."""
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append(_text(output.get("text")))
        elif output.get("output_type") == "error":
            texts.append(f"{output.get('ename')}: {output.get('evalue')}")
        else:
            data = output.get("data", {})
            if "text/html" in data:
                texts.append(html_text(_text(data["text/html"])))
            elif "text/plain" in data and not any(k.startswith("image/") for k in data) \
                    and "application/vnd.jupyter.widget-view+json" not in data:
                texts.append(_text(data["text/plain"]))
    return texts


def internal_codes() -> set[str]:
    """The code values of rfmkit/labels.toml kinds (``win_back``, ``gold``, ``WeChat``, ...)."""
    from rfmkit.labels import LABELS

    codes = set()
    for key in LABELS:
        kind, _, code = key.partition(".")
        if kind in CODE_KINDS and code and not code.startswith("(") and \
                LATIN.search(code) and len(code) > 2:
            codes.add(code)
    return codes


def code_leaks(text: str, codes: set[str]) -> list[str]:
    """Internal codes that ``text`` shows as words of their own."""
    found = []
    for code in sorted(codes):
        if re.search(rf"(?<![A-Za-z0-9_.\-]){re.escape(code)}(?![A-Za-z0-9_\-])", text):
            found.append(code)
    return found


def english_sentences(text: str) -> list[str]:
    """Runs of five or more English words on a line that has no Chinese."""
    return [match.group(0) for line in text.splitlines() if not CJK.search(line)
            for match in ENGLISH_RUN.finditer(line)]


def review(path: Path, codes: set[str] | None = None) -> dict:
    """The reviewer's measures of one stored notebook."""
    codes = internal_codes() if codes is None else codes
    notebook = json.loads(path.read_text(encoding="utf-8"))
    chinese_cells, counted, english_cells = 0, 0, []
    cjk_out = latin_out = 0
    leaks, reprs, sentences = [], [], []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "markdown":
            cjk, latin = counts(markdown_prose(_text(cell["source"])))
            if cjk or latin:
                counted += 1
                if cjk > latin:
                    chinese_cells += 1
                else:
                    english_cells.append(index)
        elif cell["cell_type"] == "code":
            # rk.code_table(kind) shows the codes on purpose, each beside its name
            shows_codes = "code_table(" in _text(cell["source"])
            for text in output_texts(cell):
                cjk, latin = counts(text)
                cjk_out += cjk
                latin_out += latin
                if not shows_codes:
                    leaks += [(index, code) for code in code_leaks(text, codes)]
                reprs += [(index, m.group(0)) for m in PYTHON_REPR.finditer(text)]
                sentences += [(index, s) for s in english_sentences(text)]
    return {
        "markdown_cells": counted,
        "chinese_share": chinese_cells / counted if counted else 1.0,
        "english_cells": english_cells,
        "cjk_out": cjk_out,
        "latin_out": latin_out,
        "code_leaks": leaks,
        "python_reprs": reprs,
        "english_sentences": sentences,
    }


# --- the reviewer's measures, tried on made-up notebooks -------------------------------------

def _notebook(tmp_path, cells) -> Path:
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}), encoding="utf-8")
    return path


def _md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code_cell(*outputs):
    return {"cell_type": "code", "metadata": {}, "source": "", "outputs": list(outputs)}


def _html(markup):
    return {"output_type": "execute_result", "data": {"text/html": markup, "text/plain": "x"}}


def _stream(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def test_counts_chinese_and_latin():
    # 客户价值 = 4 CJK; "RFM" = 3 letters; digits and signs count for neither
    assert counts("客户价值 RFM 2025 ↑") == (4, 3)


def test_markdown_cell_with_code_and_formula_is_still_chinese():
    # prose 计算客户终身价值 (8 CJK) + 用 (1); the code and the formula hold all the letters
    prose = markdown_prose("用 `rk.clv(cash_flows, rate)` 计算客户终身价值 $CLV = \\sum R_i$")
    assert counts(prose) == (9, 0)


def test_one_english_cell_of_five_fails_the_threshold(tmp_path):
    # 4 of 5 counted cells are Chinese: 80 % < 90 %; the formula-only cell is not counted
    cells = [_md("# 第一课"), _md("客户分组"), _md("流失率"), _md("留存率"),
             _md("$$x$$"), _md("This cell was left in English.")]
    measures = review(_notebook(tmp_path, cells), codes=set())
    assert measures["markdown_cells"] == 5
    assert measures["chinese_share"] == pytest.approx(0.8)
    assert measures["english_cells"] == [5]
    assert measures["chinese_share"] < MIN_CHINESE_MARKDOWN


def test_html_output_counts_without_style_and_tags(tmp_path):
    # visible text: 客户 (2 CJK) and "ok" (2 letters); the style sheet and tags are not read
    markup = "<style>.x {color: red}</style><table><tr><td>客户</td><td>ok</td></tr></table>"
    measures = review(_notebook(tmp_path, [_code_cell(_html(markup))]), codes=set())
    assert (measures["cjk_out"], measures["latin_out"]) == (2, 2)


def test_finds_codes_python_reprs_and_english_sentences(tmp_path):
    text = ("客户类型 win_back\n结果 np.True_ 和 np.float64(3.2)\n"
            "The customers who bought once are sleeping\n"
            "日期 Timestamp('2026-06-10 00:00:00')\nName: 计数, dtype: int64\n")
    measures = review(_notebook(tmp_path, [_code_cell(_stream(text))]),
                      codes={"win_back", "gold"})
    assert measures["code_leaks"] == [(0, "win_back")]
    assert measures["python_reprs"] == [(0, "np.True_"), (0, "np.float64"), (0, "Timestamp("),
                                        (0, "dtype: int64")]
    assert measures["english_sentences"] == [(0, "The customers who bought once are sleeping")]


def test_a_code_table_may_show_codes(tmp_path):
    table = _code_cell(_stream("代码 名称\nwin_back 重要挽留客户\n"))
    shown = {**table, "source": 'rk.code_table("segment")'}
    leaks = [review(_notebook(tmp_path, [cell]), codes={"win_back"})["code_leaks"]
             for cell in (table, shown)]
    assert leaks == [[(0, "win_back")], []]


def test_a_code_inside_a_longer_name_is_not_a_leak():
    # "gold" inside "golden" or "rk.gold" is not the code shown by itself
    assert code_leaks("golden rk.gold tier_gold", {"gold"}) == []
    assert code_leaks("层级 gold", {"gold"}) == ["gold"]


# --- the committed Chinese notebooks ---------------------------------------------------------

@pytest.fixture(scope="module")
def codes():
    return internal_codes()


def test_there_are_chinese_notebooks():
    assert len(ZH_NOTEBOOKS) >= 10


def test_the_check_fails_on_a_lesson_left_partly_in_english(tmp_path, codes):
    # lesson 00 with every second markdown cell in English and an English sentence printed
    notebook = json.loads(ZH_NOTEBOOKS[0].read_text(encoding="utf-8"))
    markdown = [cell for cell in notebook["cells"] if cell["cell_type"] == "markdown"]
    for cell in markdown[::2]:
        cell["source"] = "This cell was left in English by mistake."
    notebook["cells"].append(_code_cell(_stream("The plan gives this customer a coupon.\n")))
    path = tmp_path / ZH_NOTEBOOKS[0].name
    path.write_text(json.dumps(notebook), encoding="utf-8")
    measures = review(path, codes)
    assert measures["chinese_share"] < MIN_CHINESE_MARKDOWN
    assert measures["english_sentences"] == [(len(notebook["cells"]) - 1,
                                              "The plan gives this customer a coupon")]


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=[p.stem for p in ZH_NOTEBOOKS])
def test_zh_notebook_reads_in_chinese(path, codes):
    measures = review(path, codes)
    problems = []
    if measures["chinese_share"] < MIN_CHINESE_MARKDOWN:
        problems.append(f"only {measures['chinese_share']:.0%} of the markdown cells are mainly "
                        f"Chinese; English cells: {measures['english_cells']}")
    if measures["cjk_out"] <= measures["latin_out"]:
        problems.append(f"outputs hold {measures['cjk_out']} Chinese characters and "
                        f"{measures['latin_out']} Latin letters")
    for key in ("code_leaks", "python_reprs", "english_sentences"):
        if measures[key]:
            problems.append(f"{key} (cell, text): {measures[key][:10]}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    codes = internal_codes()
    paths = ZH_NOTEBOOKS + [NOTEBOOK_DIR / "START.ipynb"]
    print(f"{'notebook':38} {'md zh':>7} {'CJK':>7} {'Latin':>7} {'leaks':>5} "
          f"{'repr':>4} {'en':>3}")
    for path in paths:
        m = review(path, codes)
        print(f"{path.parent.name + '/' + path.name:38} {m['chinese_share']:7.0%} "
              f"{m['cjk_out']:7d} {m['latin_out']:7d} {len(m['code_leaks']):5d} "
              f"{len(m['python_reprs']):4d} {len(m['english_sentences']):3d}")
        for key in ("english_cells", "code_leaks", "python_reprs", "english_sentences"):
            if m[key]:
                print(f"    {key}: {m[key][:12]}")


if __name__ == "__main__":
    main()
