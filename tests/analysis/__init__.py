"""Tests of scores/analysis/, a file per module (a package: test names may recur in folders)."""
