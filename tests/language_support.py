"""A test helper: show rfmkit in one language for a block, then back to English."""

from contextlib import contextmanager

import rfmkit


@contextmanager
def language(lang):
    rfmkit.use_language(lang)
    try:
        yield
    finally:
        rfmkit.use_language("en")
