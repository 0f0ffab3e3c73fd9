"""List the site profiles: the sites that "scrapy crawl news" knows how to crawl and read.

Profiles come from the bundled folder and from NEWSARCHIVE_PROFILES_DIR (or --profiles-dir); a
profile file with a mistake is reported on stderr, with what is wrong, and the exit status is 1.
See docs/adding-a-site.md to add a site.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsarchive.sites.catalog import load_profiles
from newsarchive.sites.profiles import PROFILES_DIR_ENV, SiteProfile

NAME = "sites"
HELP = "list the site profiles (domains, discovery URLs, article URL pattern, file)"
EXAMPLES = f"""examples:
  newsarchive sites
  newsarchive sites --json
  newsarchive sites --profiles-dir ~/profiles     # instead of ${PROFILES_DIR_ENV}
"""

_NONE = "-"


def add_arguments(parser) -> None:
    parser.add_argument("--profiles-dir", type=Path, metavar="DIR",
                        help=f"folder of your own profiles (default: ${PROFILES_DIR_ENV})")
    parser.add_argument("--json", action="store_true", help="print the profiles and errors as JSON")


def run(args) -> int:
    catalog = load_profiles(args.profiles_dir)
    profiles = sorted(catalog.profiles.values(), key=lambda profile: profile.name)
    if args.json:
        output = {"profiles": [profile.summary() for profile in profiles],
                  "errors": [{"file": str(error.path) if error.path else None, "error": str(error)}
                             for error in catalog.errors]}
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(profile_text(profile) for profile in profiles) or "No site profile.")
    for error in catalog.errors:
        print(f"newsarchive sites: {error}", file=sys.stderr)
    return 1 if catalog.errors else 0


def profile_text(profile: SiteProfile) -> str:
    """A few lines describing one profile."""
    pattern = profile.article_pattern.pattern if profile.article_pattern else f"({profile.platform} URL rules)"
    reader = profile.page_class or "ArticlePage (generic)"
    if profile.selectors:
        reader += f" + selectors for {', '.join(sorted(profile.selectors))}"
    rows = (
        ("domains", ", ".join(profile.domains)),
        ("start", ", ".join(profile.start_urls)),
        ("sitemaps", ", ".join([*profile.discovery.sitemaps, "(those robots.txt names)"])),
        ("feeds", _listed(profile.discovery.feeds, "usual paths, <link rel=alternate>")),
        ("sections", _listed(profile.discovery.sections, "linked from the home page")),
        ("articles", pattern),
        ("excluded", ", ".join(pattern.pattern for pattern in profile.exclude_patterns) or _NONE),
        ("pages", reader),
        ("file", str(profile.source) if profile.source else _NONE),
    )
    return "\n".join([profile.name, *(f"  {label:<9} {value}" for label, value in rows)])


def _listed(urls: tuple[str, ...], otherwise: str) -> str:
    return ", ".join(urls) if urls else f"({otherwise})"
