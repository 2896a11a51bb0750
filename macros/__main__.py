"""``python -m macros <command>``: see ``cli``."""

import sys

from .cli import main

sys.exit(main())
