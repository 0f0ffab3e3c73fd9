"""Page classes of the declarative site profiles (newsarchive/sites/declarations/*.toml and the user's folder).

Imported by the registry with the other site modules, so ``newsarchive extract --site``, ``reextract``
and golden tests read a profiled site with its selectors, as the ``news`` spider does.
"""

from newsarchive.sites.profiles import load_profiles, register_profile_pages

register_profile_pages(load_profiles().profiles.values())
