"""Building an exercise: drafted key items from spaCy rules, a new exercise folder, key files."""
