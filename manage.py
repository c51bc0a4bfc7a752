#!/usr/bin/env python
"""Django's command-line utility; `jamkoll` is the installed equivalent."""

import sys

from jamkoll.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
