"""A test helper: a made-up exercise whose solution returns a given answer."""

from rfmkit.exercises import Exercise

TEXT = "\n".join(f"{lang}.{key}: {lang} {key}" for lang in ("zh", "en")
                 for key in ("question", "hint", "takeaway", "revisit"))


def made_up(kind, answer):
    """An exercise ``q9`` of ``kind`` whose expected answer is ``answer``."""
    def q9():
        return answer

    return Exercise("q9", kind=kind, text=TEXT, solution=q9)
