"""A test helper: a made-up exercise whose solution returns a given answer."""

from rfmkit.exercises import Exercise

TEXT_KEYS = ("question", "hint", "takeaway", "revisit")
# the texts of a made-up exercise, as an exercise's table in exercises/nbNN.toml gives them
TEXT = {lang: {key: f"{lang} {key}" for key in TEXT_KEYS} for lang in ("zh", "en")}


def made_up(kind, answer):
    """An exercise ``q9`` of ``kind`` whose expected answer is ``answer``."""
    def q9():
        return answer

    return Exercise("q9", kind=kind, text=TEXT, solution=q9)
