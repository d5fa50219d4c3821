"""A whole class's hand-ins at once: tables, CSV files and a heat map over the article."""
