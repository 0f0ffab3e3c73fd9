"""The profiles of a run: every site profile of the bundled folder and of the user's folders, by name.

A profile file with a mistake is left out and its error kept (``newsarchive sites`` shows it, a crawl logs
it); a domain claimed by two profiles is an error of the second one. Pure code: no Scrapy.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.sites.profile_file import load_profile
from newsarchive.sites.profiles import (
    BUNDLED_PROFILES_DIR,
    PROFILES_DIR_ENV,
    ProfileError,
    SiteProfile,
    on_domain,
)

logger = logging.getLogger(__name__)


@dataclass
class ProfileCatalog:
    """The usable profiles by name, and the errors of the files that could not be used."""

    profiles: dict[str, SiteProfile] = field(default_factory=dict)
    errors: list[ProfileError] = field(default_factory=list)

    def get(self, name: str) -> SiteProfile:
        """The profile named ``name``; raises :class:`ProfileError` naming the known ones."""
        if name in self.profiles:
            return self.profiles[name]
        failed = [str(error) for error in self.errors if error.path and error.path.stem == name]
        known = ", ".join(sorted(self.profiles)) or "none"
        raise ProfileError("; ".join(failed) or f"no site profile named {name!r} (known: {known})")

    def for_host(self, host: str) -> SiteProfile | None:
        """The profile whose domain is the longest match of ``host`` (``www.example.fr`` -> ``example.fr``)."""
        host = host.lower().rstrip(".")
        matches = [(len(domain), profile) for profile in self.profiles.values() for domain in profile.domains
                   if on_domain(host, domain)]
        return max(matches, key=lambda match: match[0])[1] if matches else None

    def add(self, profile: SiteProfile) -> None:
        """Adds ``profile``, replacing one of the same name; a domain another profile claims is an error."""
        for other in self.profiles.values():
            shared = set(profile.domains) & set(other.domains)
            if other.name != profile.name and shared:
                self.errors.append(ProfileError(
                    f"domain {min(shared)} is already the profile {other.name!r}'s ({other.source})",
                    profile.source))
                return
        if profile.name in self.profiles:
            logger.info("Profile %s of %s replaces the one of %s", profile.name, profile.source,
                        self.profiles[profile.name].source)
        self.profiles[profile.name] = profile


def profile_dirs(user_dir: str | Path | None = None) -> list[Path]:
    """The bundled folder, then ``user_dir`` or else the folders of ``NEWSARCHIVE_PROFILES_DIR``
    (several are separated like PATH entries)."""
    user = str(user_dir) if user_dir else os.environ.get(PROFILES_DIR_ENV, "")
    return [BUNDLED_PROFILES_DIR, *(Path(entry).expanduser() for entry in user.split(os.pathsep) if entry)]


def load_profiles(user_dir: str | Path | None = None) -> ProfileCatalog:
    """Every ``*.toml`` profile of :func:`profile_dirs`; files with mistakes are left out, their
    errors kept in the catalog's ``errors``."""
    catalog = ProfileCatalog()
    for folder in profile_dirs(user_dir):
        if not folder.is_dir():
            catalog.errors.append(ProfileError(f"profiles folder {folder} does not exist"))
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                catalog.add(load_profile(path))
            except ProfileError as exc:
                catalog.errors.append(exc)
    return catalog
