"""Tests of scores/charts/, a file per module (a package: test names may recur in folders)."""
