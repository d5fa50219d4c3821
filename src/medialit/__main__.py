"""`python -m medialit`: the same as the `medialit` command."""

import sys

from .cli.main import main

sys.exit(main())
