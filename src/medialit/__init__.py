"""medialit: tag claims, sources and loaded language in a news article, and get explained feedback."""

from .core.article import Article
from .core.check import check
from .core.errors import InputError
from .core.exercise import Exercise
from .core.exercise_file import load_exercise
from .core.handin import HandIn, Tag, load_handin
from .core.report import Report
from .interchange.ptc import ptc_scores

__all__ = [
    "Article",
    "Exercise",
    "HandIn",
    "InputError",
    "Report",
    "Tag",
    "check",
    "load_exercise",
    "load_handin",
    "ptc_scores",
]
__version__ = "0.1.0"


def __getattr__(name):
    """Import the widget only when asked for, so the checker works without Jupyter pieces."""
    if name == "Tagger":
        from .web.widget import Tagger

        return Tagger
    raise AttributeError(name)
