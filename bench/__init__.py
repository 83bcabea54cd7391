"""Benchmarks (run as scripts: ``bench/load.py``, ``bench/page_profile.py``, …) and the load-data
generator they measure against; nothing in production imports them."""
