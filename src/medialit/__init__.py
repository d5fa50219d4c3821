"""medialit: tag claims, sources and loaded language in a news article, and get explained feedback."""
from .annotations import HandIn, Tag, load_handin
from .article import Article
from .check import Report, check, ptc_scores
from .errors import InputError
from .exercise import Exercise, load_exercise

__all__ = ["Article", "Exercise", "HandIn", "InputError", "Report", "Tag", "check", "load_exercise",
           "load_handin", "ptc_scores"]
__version__ = "0.1.0"


def __getattr__(name):
    """Import the widget only when asked for, so the checker works without Jupyter pieces."""
    if name == "Tagger":
        from .widget import Tagger
        return Tagger
    raise AttributeError(name)
