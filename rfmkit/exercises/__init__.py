"""Self-check exercises for the notebooks, in the spirit of Kaggle Learn's ``q1.check()``.

In a notebook::

    from rfmkit.exercises.nb02 import q1, q2, q3, ____

    q1                   # shows the question (or q1.question())
    answer = ____        # replace ____ with your answer, e.g. answer = len(table)
    q1.check(answer)     # prints "Correct!" or feedback; never raises for a wrong answer
    q1.hint()            # prints a hint
    q1.solution()        # prints code that finds the answer, and the answer

Messages follow ``rfmkit.use_language("zh" | "en")``. Each notebook has its own module
(``nb01``, ``nb02``, ...); expected answers are computed from the course data by each
exercise's solution code when they are checked, never typed in. To add an exercise, see
:class:`Exercise` and the answer kinds :class:`Count`, :class:`Number`, :class:`Text`,
:class:`IdSet` in ``rfmkit.exercises._core``.
"""

from rfmkit.exercises._core import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Count,
    Exercise,
    IdSet,
    Number,
    Text,
    ____,
)

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
    "Count",
    "Exercise",
    "IdSet",
    "Number",
    "Text",
    "____",
]
