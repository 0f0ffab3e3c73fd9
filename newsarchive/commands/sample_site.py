"""Serve the generated offline copy of onemedia.fr on 127.0.0.1.

The first line printed is the site's base URL; the server then runs until SIGTERM or SIGINT.
Pages link with absolute URLs on that base, so a crawl of it stays on the loopback host.
"""

from __future__ import annotations

import argparse
import logging
import sys

from newsarchive.sample_site.faults import FAULT_PATHS
from newsarchive.sample_site.server import LOOPBACK, SampleSiteHTTPServer, serve_until_signalled
from newsarchive.sample_site.site import DEFAULT_ARTICLES, DEFAULT_SEED, MIB

logger = logging.getLogger(__name__)

NAME = "sample-site"
HELP = "serve the offline sample of onemedia.fr on 127.0.0.1"
EXAMPLES = """examples:
  newsarchive sample-site --port 8000
  newsarchive sample-site --port 0 --articles 5000 --seed 7
  newsarchive sample-site --port 0 --with-faults      # also links the bad-input pages from /category/tests/
  newsarchive sample-site --port 0 --republisher      # the second outlet: agency rewrites, paywalled articles

bad-input pages (always served):
""" + "\n".join(f"  {path}" for path in FAULT_PATHS.values())


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {value}")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port between 0 and 65535, got {value}")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {value}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--articles", type=_non_negative, default=DEFAULT_ARTICLES,
                        help=f"number of generated articles (default {DEFAULT_ARTICLES})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the generated text")
    parser.add_argument("--with-faults", action="store_true", help="link the bad-input pages from /category/tests/")
    parser.add_argument("--republisher", action="store_true",
                        help="serve the second outlet: some of the first one's articles rewritten as agency copy, "
                             "some of its own for subscribers only")
    parser.add_argument("--sitemap-size", type=_positive, default=1000, help="URLs per post sitemap")
    parser.add_argument("--oversized-mib", type=float, default=6.0, help="size of the oversized page, in MiB")
    parser.add_argument("--verbose", dest="log_requests", action="store_true", help="log every request on stderr")


def run(args: argparse.Namespace) -> int:
    if args.log_requests:
        for name in ("newsarchive.sample_site", __name__):
            logging.getLogger(name).setLevel(logging.INFO)
    try:
        server = SampleSiteHTTPServer(
            LOOPBACK, args.port, articles=args.articles, seed=args.seed, with_faults=args.with_faults,
            republisher=args.republisher,
            sitemap_size=args.sitemap_size, oversized_bytes=int(args.oversized_mib * MIB),
        )
    except OSError as error:
        print(f"newsarchive sample-site: cannot listen on {LOOPBACK}:{args.port}: {error}", file=sys.stderr)
        return 1
    print(server.url, flush=True)
    logger.info("Sample site with %d articles on %s", len(server.site.catalog), server.url)
    serve_until_signalled(server)
    return 0
