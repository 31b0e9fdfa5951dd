"""Tests of scores/store/, a file per module (a package: test names may recur in folders)."""
