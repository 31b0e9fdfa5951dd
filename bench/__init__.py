"""The performance benchmark: `make bench` runs bench/run.py."""
