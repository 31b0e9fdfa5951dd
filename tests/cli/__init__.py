"""Tests of scores/cli/, a file per module (a package: test names may recur in folders)."""
