"""Property tests run the same examples every run (a red CI run must be reproducible);
``HYPOTHESIS_PROFILE=explore`` draws new ones, to look for bugs on purpose."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("kbgraph", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kbgraph"))
