"""``python -m jamkoll.textanalysis`` runs the analyse CLI."""

import sys

from jamkoll.textanalysis.cli import main

sys.exit(main())
