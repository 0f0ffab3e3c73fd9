"""``python -m newsarchive.sample_site [options]``: the same as ``newsarchive sample-site``."""

import sys

from newsarchive.cli import main

sys.exit(main(["sample-site", *sys.argv[1:]]))
