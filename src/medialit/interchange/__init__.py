"""Tags to and from the formats research tools read (W3C Web Annotation, brat, spaCy, SemEval PTC)."""
