"""The `medialit` command line."""
