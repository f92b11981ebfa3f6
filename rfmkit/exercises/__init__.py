"""Self-check exercises for the notebooks, in the spirit of Kaggle Learn's ``q1.check()``.

In a notebook::

    from rfmkit.exercises.nb02 import q1, q2, q3, ____

    q1                   # shows the question (or q1.question())
    answer = ____        # replace ____ with your answer, e.g. answer = len(table)
    q1.check(answer)     # prints "Correct!" or feedback; never raises for a wrong answer
    q1.hint()            # prints a hint
    q1.solution()        # prints code that finds the answer, and the answer

Messages follow ``rfmkit.use_language("zh" | "en")``. Each notebook has its own module
(``nb00`` ... ``nb09``) of solution functions, its texts in the TOML file beside it
(``nb02.toml``): see ``rfmkit.exercises._core`` for how an exercise is made and for the exam
lock (``RFMKIT_LOCK=solutions`` in the students' environment), ``rfmkit.exercises._kinds`` for
the kinds of answer (``Count``, ``Number``, ``Text``, ``IdSet``, ``Frame`` and ``Choice``, a
business judgement with feedback per wrong option). ``python -m rfmkit.gradebook submissions/``
re-runs the students' notebooks and writes one table of who passed which exercise.
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
