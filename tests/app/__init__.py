"""Tests of scores/app/, a file per module (a package: test names may recur in folders)."""
