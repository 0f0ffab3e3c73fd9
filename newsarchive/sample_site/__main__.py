"""``python -m newsarchive.sample_site [options]``: the same as ``newsarchive sample-site``."""

import argparse
import sys

from newsarchive.commands import sample_site as command

parser = argparse.ArgumentParser(prog="python -m newsarchive.sample_site", description=command.__doc__)
command.add_arguments(parser)
sys.exit(command.run(parser.parse_args()))
