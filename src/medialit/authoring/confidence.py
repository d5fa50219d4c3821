"""How sure a drafted key item must be to be offered: a setting of the suggester that the command line
shows in its help, kept apart from the `suggest` package so that every command does not load spaCy to show it."""

DEFAULT_MIN_CONFIDENCE = 0.5  # below this a suggestion is more often wrong than useful; `--min-confidence 0` shows all
