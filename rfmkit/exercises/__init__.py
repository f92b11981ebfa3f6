"""Self-check exercises for the notebooks, in the spirit of Kaggle Learn's ``q1.check()``.

In a notebook::

    from rfmkit.exercises.nb02 import q1, q2, q3, ____

    q1                   # shows the question (or q1.question())
    answer = ____        # replace ____ with your answer, e.g. answer = len(table)
    q1.check(answer)     # prints "Correct!" or feedback; never raises for a wrong answer
    q1.hint()            # prints a hint
    q1.solution()        # prints code that finds the answer, and the answer

Messages follow ``rfmkit.use_language("zh" | "en")``. Each notebook has its own module
(``nb00`` ... ``nb09``): each exercise there is a solution function decorated with
:func:`exercise` and its kind of answer; its texts are in the TOML file beside the module
(``nb02.toml``). A multiple-choice question is data only: :func:`choices` makes it from its
TOML table, right letter included. Other expected answers are computed by the solution from
the course data, never typed in. The mechanism is in ``rfmkit.exercises._core``, the kinds of
answer in ``rfmkit.exercises._kinds``: ``Count``, ``Number``, ``Text``, ``IdSet``,
``Frame`` (a DataFrame or Series the student computes with pandas) and ``Choice`` (a business
judgement with feedback per wrong option).

For an exam the instructor sets ``RFMKIT_LOCK=solutions`` (or ``solutions,hints``) in the
students' environment: ``q1.solution()`` then says it is locked instead of showing the answer.
``python -m rfmkit.gradebook submissions/`` re-runs the students' notebooks and writes one table
of who passed which exercise (see ``rfmkit.gradebook``).
"""

from rfmkit.exercises._core import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercise,
    ____,
    choices,
    exercise,
)
from rfmkit.exercises._kinds import Choice, Count, Frame, IdSet, Number, Text

__all__ = ["CORRECT", "INCORRECT", "NOT_ATTEMPTED", "Choice", "Count", "Exercise", "Frame",
           "IdSet", "Number", "Text", "choices", "exercise", "____"]
