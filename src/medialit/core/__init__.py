"""The core: an article, an exercise with its key, a student's hand-in, and Check's report."""
