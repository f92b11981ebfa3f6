import pytest

import rfmkit


@pytest.fixture(autouse=True)
def _english_labels():
    """Every test starts and ends in English, whatever language it switched to."""
    rfmkit.use_language("en")
    yield
    rfmkit.use_language("en")
