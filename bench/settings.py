"""Settings of the server that ``bench/load.py`` starts: the production settings, unchanged, but
with the bench URLconf (the site plus one bare view to compare against). Never used by the site."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
