"""The instructor's gradebook on a generated class: four students' notebooks for notebook 00's
exercises (right, wrong, not tried, a crash), re-run in fresh kernels; the table expected is
written down by construction of the notebooks, not by running the checker first."""

from __future__ import annotations

import contextlib
import io

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import rfmkit
from rfmkit import gradebook

SETUP = """\
from rfmkit.data import load_orders
from rfmkit.exercises.nb00 import q1, q2, q3, ____

orders = load_orders()"""
RIGHT = {
    "q1": 'q1.check(orders["customer_id"].nunique())',
    "q2": 'answer = orders[orders["amount"] < 0]\nq2.check(answer)',
    "q3": 'q3.check(orders["product_id"].value_counts())',
}
CLASS = {  # file inside the submissions folder -> its code cells
    "alice.ipynb": [SETUP, RIGHT["q1"], RIGHT["q2"], RIGHT["q3"]],
    # counts order lines, not customers; leaves q3 blank
    "bob.ipynb": [SETUP, "q1.check(len(orders))", RIGHT["q2"], "q3.check(____)"],
    # a typo stops the notebook before q2 and q3 are checked
    "carol.ipynb": [SETUP, RIGHT["q1"], 'total = orders["amount"].summ()', RIGHT["q2"],
                    "q3.check(total)"],
    # a course-named file in the student's folder; a magic; counts orders, not products
    "dave/00-start-here.ipynb": [SETUP, "q1.check(____)", "%time x = 1",
                                 'q3.check(orders["order_id"].value_counts())'],
}
# nb00 has five exercises; nobody in this class reached q4 and q5
EXPECTED = pd.DataFrame(
    [["passed", "passed", "passed", "not tried", "not tried", 3],
     ["wrong", "passed", "not tried", "not tried", "not tried", 1],
     ["passed", "error", "error", "not tried", "not tried", 1],
     ["not tried", "not tried", "wrong", "not tried", "not tried", 0]],
    index=pd.Index(["alice", "bob", "carol", "dave"], name="student"),
    columns=["nb00.q1", "nb00.q2", "nb00.q3", "nb00.q4", "nb00.q5", "total"],
)


def write_notebook(path, cells):
    path.parent.mkdir(parents=True, exist_ok=True)
    notebook = new_notebook(cells=[new_markdown_cell("# 00 start here")]
                            + [new_code_cell(code) for code in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Run the command once on the generated class: (output name, console text)."""
    folder = tmp_path_factory.mktemp("class")
    for name, cells in CLASS.items():
        write_notebook(folder / "submissions" / name, cells)
    (folder / "submissions" / ".ipynb_checkpoints").mkdir()
    write_notebook(folder / "submissions" / ".ipynb_checkpoints" / "eve.ipynb", [SETUP])
    console = io.StringIO()
    try:
        with contextlib.redirect_stdout(console):
            status = gradebook.main([str(folder / "submissions"), "--out",
                                     str(folder / "grades"), "--timeout", "240"])
    finally:
        rfmkit.use_language("en")
    assert status == 0
    return folder / "grades", console.getvalue()


def test_table_is_exactly_what_each_student_did(graded):
    out, _ = graded
    table = pd.read_csv(out.with_suffix(".csv"), encoding="utf-8-sig", index_col="student")
    pd.testing.assert_frame_equal(table, EXPECTED)


def test_csv_has_a_bom_for_excel_and_xlsx_holds_the_same_table(graded):
    out, _ = graded
    assert out.with_suffix(".csv").read_bytes().startswith(b"\xef\xbb\xbfstudent,nb00.q1,")
    table = pd.read_excel(out.with_suffix(".xlsx"), index_col="student")
    pd.testing.assert_frame_equal(table, EXPECTED)


def test_console_reports_the_crash_and_prints_the_table(graded):
    _, console = graded
    assert ("carol: carol.ipynb stopped at cell 4: AttributeError: 'Series' object has no "
            "attribute 'summ'") in console
    assert "dave: 00-start-here.ipynb ran to the end" in console
    assert EXPECTED.to_string() in console
    assert "eve" not in console  # checkpoints are not submissions


def test_students_named_by_file_or_by_folder(tmp_path):
    assert gradebook.student_of(tmp_path / "alice.ipynb") == "alice"
    assert gradebook.student_of(tmp_path / "王小明" / "02-rfm-groups.ipynb") == "王小明"
    assert gradebook.student_of(tmp_path / "bob" / "02_rfm_groups.ipynb") == "bob"


def test_exercise_calls_follow_the_imported_module():
    cells = [new_markdown_cell("q9.check(1) in a text cell does not count"),
             new_code_cell("from rfmkit.exercises.nb02 import q1, q2, ____"),
             new_code_cell("q1.check(5)\nq2 . check(answer)"),
             new_code_cell("import rfmkit.exercises.nb03 as later\nlater.q1.check(3)"),
             new_code_cell("q1.check(6)  # nb03's q1 now")]
    modules, calls = gradebook.exercise_calls(cells)
    assert modules == ["nb02", "nb03"]
    assert calls == {("nb02", "q1"): 2, ("nb02", "q2"): 2, ("nb03", "q1"): 4}


def test_localised_table_in_chinese():
    rfmkit.use_language("zh")
    try:
        table = gradebook.localised(EXPECTED)
    finally:
        rfmkit.use_language("en")
    assert table.index.name == "学生" and list(table.columns)[-1] == "通过数"
    assert table.loc["bob"].tolist() == ["错误", "通过", "未作答", "未作答", "未作答", 1]
    assert table.loc["carol", "nb00.q2"] == "出错"


def test_no_notebooks_is_an_error_not_an_empty_table(tmp_path, capsys):
    assert gradebook.main([str(tmp_path)]) == 2
    assert "No .ipynb file found" in capsys.readouterr().err
