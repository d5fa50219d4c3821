"""The Tagger's hosts: the Jupyter widget, the Sphinx directive for book pages, and their static files."""
