"""Data files shared by the Python library and the JavaScript front end: the published JSON Schemas."""
